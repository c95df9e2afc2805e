"""CPU-bound pure Python: 300 digits of pi by a spigot, a prime sieve to 20,000, N-queens for 6, and a Mandelbrot in ASCII."""


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


d = pi_digits(300)
print("pi:", f"{d[0]}." + "".join(map(str, d[1:60])), "... digit sum", sum(d))
limit = 20_000
sieve = bytearray([1]) * (limit + 1)
sieve[0:2] = b"\x00\x00"
for i in range(2, int(limit**0.5) + 1):
    if sieve[i]:
        sieve[i * i::i] = bytes(len(range(i * i, limit + 1, i)))
primes = [i for i, is_p in enumerate(sieve) if is_p]
print("primes:", len(primes), primes[-3:], sum(primes) % 1_000_000_007)


def queens(n):
    solutions = []

    def place(row, cols, diag1, diag2, board):
        if row == n:
            solutions.append(board[:])
            return
        for c in range(n):
            if c not in cols and row - c not in diag1 and row + c not in diag2:
                board.append(c)
                place(row + 1, cols | {c}, diag1 | {row - c}, diag2 | {row + c}, board)
                board.pop()

    place(0, set(), set(), set(), [])
    return solutions


sols = queens(6)
print("queens:", len(sols), sols[0], sols[-1])
for y in range(-12, 13, 2):
    row = ""
    for x in range(-39, 20, 2):
        c, z, i = complex(x / 20, y / 10), 0j, 0
        while abs(z) <= 2 and i < 30:
            z, i = z * z + c, i + 1
        row += " .:-=+*#%@"[i % 10] if i < 30 else "@"
    print(row)
