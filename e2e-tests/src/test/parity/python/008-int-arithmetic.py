"""Integer arithmetic: big numbers, floor division and modulo signs, pow with modulus, bits, conversion limits."""
import math
import sys

a, b = 2**200 + 12345, 3**100 - 7
print(a, b)
print(a * b, a // b, a % b, divmod(a, b), a - b, -a // b)
for x, y in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5)]:
    print(f"{x} // {y} = {x // y}, {x} % {y} = {x % y}, divmod = {divmod(x, y)}, math.fmod = {math.fmod(x, y)}")
print(pow(3, 200, 10**9 + 7), pow(2, -1, 97), pow(-3, 3), pow(7, 0), 0**0)
print(math.factorial(60), math.comb(100, 37), math.perm(20, 5), math.gcd(2**64, 6**40), math.lcm(12, 18, 40))
print(math.isqrt(10**50 + 1), math.isqrt(99), (10**50).bit_length(), (255).bit_count(), (-1).bit_length())
print(1 << 100, (1 << 100) >> 99, -1 >> 5, ~0, 0b1010 ^ 0b0110, 0xF0 & 0x3C, 0xF0 | 0x0F)
print(int("ff", 16), int("0o777", 0), int("0b1011", 0), int(" -42 "), int("1_000_000"), int("z", 36), int(3.99), int(-3.99))
print(hex(-255), oct(64), bin(10), (3).as_integer_ratio(), (10).conjugate(), True + True)
for bad in ["12a", "", "1__0", "0x", "٣٤"]:
    try:
        print(repr(bad), "->", int(bad))
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
print(sys.int_info, sys.maxsize, sys.get_int_max_str_digits())
big = 10**5000
try:
    str(big)
except ValueError as e:
    print("limit:", str(e)[:60])
sys.set_int_max_str_digits(6000)
s = str(big)
print(len(s), s[:5], s[-5:], hash(big) == hash(big % (2**61 - 1)))
print(sum(range(10**5)), sum(i * i for i in range(1000)), math.prod(range(1, 25)))
fib = [0, 1]
while len(fib) < 300:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], len(str(fib[-1])), fib[-1] % 1000000007)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
