"""A small realistic program: read orders as JSON from stdin, validate them, compute a report with Decimal money,
write CSV and JSON reports under /out/reports, and exit 4 because some orders were rejected."""
import csv
import json
import os
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass
class Line:
    sku: str
    quantity: int
    unit_price: Decimal

    @property
    def total(self):
        return (self.unit_price * self.quantity).quantize(Decimal("0.01"), ROUND_HALF_UP)


def parse_order(raw):
    errors = []
    if not isinstance(raw.get("id"), int):
        errors.append("missing integer id")
    lines = []
    for i, item in enumerate(raw.get("lines", [])):
        try:
            qty = int(item["qty"])
            price = Decimal(str(item["price"]))
            if qty <= 0 or price < 0:
                raise ValueError("non-positive quantity or negative price")
            lines.append(Line(item["sku"], qty, price))
        except (KeyError, ValueError, ArithmeticError) as e:
            errors.append(f"line {i}: {type(e).__name__}: {e}")
    if not lines:
        errors.append("no valid lines")
    return lines, errors


payload = json.load(sys.stdin)
accepted, rejected = [], []
per_sku = defaultdict(lambda: [0, Decimal("0.00")])
for raw in payload["orders"]:
    lines, errors = parse_order(raw)
    if errors:
        rejected.append({"id": raw.get("id"), "errors": errors})
        continue
    order_total = sum((l.total for l in lines), Decimal("0.00"))
    accepted.append({"id": raw["id"], "customer": raw.get("customer", "?"), "total": str(order_total), "lines": [asdict(l) | {"unit_price": str(l.unit_price)} for l in lines]})
    for l in lines:
        per_sku[l.sku][0] += l.quantity
        per_sku[l.sku][1] += l.total
os.makedirs("/out/reports", exist_ok=True)
with open("/out/reports/skus.csv", "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["sku", "quantity", "revenue"])
    for sku, (qty, revenue) in sorted(per_sku.items()):
        writer.writerow([sku, qty, revenue])
with open("/out/reports/summary.json", "w") as f:
    json.dump({"accepted": accepted, "rejected": rejected, "currency": payload.get("currency")}, f, indent=2, ensure_ascii=False)
grand = sum((Decimal(o["total"]) for o in accepted), Decimal("0.00"))
print(f"accepted {len(accepted)} orders, rejected {len(rejected)}, revenue {grand} {payload.get('currency')}")
for sku, (qty, revenue) in sorted(per_sku.items(), key=lambda kv: (-kv[1][1], kv[0])):
    print(f"  {sku:<10} {qty:>4} {revenue:>10}")
for r in rejected:
    print(f"order {r['id']} rejected: {'; '.join(r['errors'])}", file=sys.stderr)
print(open("/out/reports/skus.csv").read(), end="")
sys.exit(4 if rejected else 0)
