"""sqlite3 (present in this CPython build): an on-disk database, transactions, parameters, aggregates, UDFs, errors."""
import sqlite3

print(sqlite3.sqlite_version_info >= (3, 0, 0), sqlite3.threadsafety in (0, 1, 3), sqlite3.paramstyle)
import os

os.makedirs("/out/db", exist_ok=True)
con = sqlite3.connect("/out/db/shop.db")
con.execute("PRAGMA journal_mode=DELETE")
con.executescript("""
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, city TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), amount REAL, item TEXT);
CREATE INDEX orders_by_customer ON orders(customer_id);
""")
customers = [("Ana", "Lisbon"), ("Bob", "Porto"), ("Zoë", "Lisbon"), ("Dmitri", None)]
con.executemany("INSERT INTO customers (name, city) VALUES (?, ?)", customers)
orders = [(1, 19.99, "book"), (1, 5.0, "pen"), (2, 120.0, "chair"), (3, 7.25, "tea"), (3, 7.25, "tea"), (1, 42.0, "lamp")]
con.executemany("INSERT INTO orders (customer_id, amount, item) VALUES (?, ?, ?)", orders)
con.commit()
query = """SELECT c.name, COUNT(o.id), ROUND(SUM(o.amount), 2), GROUP_CONCAT(o.item, '+')
           FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id ORDER BY c.name"""
for row in con.execute(query):
    print(row)
print(con.execute("SELECT city, COUNT(*) FROM customers GROUP BY city ORDER BY city NULLS FIRST").fetchall())
con.row_factory = sqlite3.Row
row = con.execute("SELECT * FROM customers WHERE name = :name", {"name": "Zoë"}).fetchone()
print(dict(row), row.keys(), row["city"])
con.row_factory = None
try:
    con.execute("INSERT INTO customers (name) VALUES ('Ana')")
except sqlite3.IntegrityError as e:
    print("IntegrityError:", e)
try:
    with con:
        con.execute("UPDATE orders SET amount = amount * 2")
        raise RuntimeError("abort the transaction")
except RuntimeError:
    pass
print("after rollback:", con.execute("SELECT SUM(amount) FROM orders").fetchone())
con.create_function("reverse", 1, lambda s: s[::-1] if s is not None else None)


class Median:
    def __init__(self):
        self.values = []

    def step(self, value):
        self.values.append(value)

    def finalize(self):
        v = sorted(self.values)
        return (v[len(v) // 2] + v[(len(v) - 1) // 2]) / 2


con.create_aggregate("median", 1, Median)
print(con.execute("SELECT reverse(name), median(amount) FROM customers JOIN orders ON customer_id = customers.id GROUP BY name ORDER BY name").fetchall())
print(con.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT SUM(x), json_group_array(x) FROM n").fetchone())
print(con.execute("SELECT typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(NULL), 7 / 2, 7 / 2.0, 'a' || 'b', length('ünï')").fetchone())
try:
    con.execute("SELEC nonsense")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
cur = con.cursor()
cur.execute("INSERT INTO orders (customer_id, amount, item) VALUES (4, 1.0, 'gum')")
print(cur.lastrowid, cur.rowcount, con.total_changes, con.in_transaction)
con.commit()
print([line for line in con.iterdump()][:3])
con.close()
con2 = sqlite3.connect("/out/db/shop.db")
print(con2.execute("SELECT COUNT(*) FROM orders").fetchone(), con2.execute("PRAGMA integrity_check").fetchone())
con2.close()
mem = sqlite3.connect(":memory:")
mem.execute("CREATE TABLE t (b BLOB)")
mem.execute("INSERT INTO t VALUES (?)", (bytes(range(10)),))
print(mem.execute("SELECT b, hex(b) FROM t").fetchone(), os.path.getsize("/out/db/shop.db") > 0)
