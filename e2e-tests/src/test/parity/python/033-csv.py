"""csv: readers and writers with quoting, dialects, DictReader/DictWriter, sniffing, embedded newlines, errors."""
import csv
import io
import os

rows = [["id", "name", "note", "amount"], [1, "Ana", "likes, commas", 3.5], [2, 'Bob "the builder"', "multi\nline", -1],
        [3, "Zoë", "", 0], [4, " spaces ", "tab\there", 1e10]]
os.makedirs("/out/csv", exist_ok=True)
for quoting in [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_STRINGS]:
    out = io.StringIO()
    csv.writer(out, quoting=quoting).writerows(rows)
    print(quoting, repr(out.getvalue()[:120]))
with open("/out/csv/people.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=["id", "name", "note", "amount"], extrasaction="ignore")
    writer.writeheader()
    for row in rows[1:]:
        writer.writerow(dict(zip(rows[0], row)) | {"extra": "dropped"})
with open("/out/csv/people.csv", newline="", encoding="utf-8") as f:
    for record in csv.DictReader(f):
        print(dict(record))
with open("/out/csv/people.csv", newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    data = list(reader)
    print(len(data), reader.line_num, data[2])
csv.register_dialect("pipes", delimiter="|", quotechar="'", escapechar="\\", quoting=csv.QUOTE_NONE, lineterminator="\n")
out = io.StringIO()
csv.writer(out, "pipes").writerows([["a|b", "it's", "c"], ["1", "2", "3"]])
print(repr(out.getvalue()), list(csv.reader(io.StringIO(out.getvalue()), "pipes")), sorted(csv.list_dialects()))
sample = "name;age;city\nAna;31;Lisbon\nBob;27;Porto\n"
dialect = csv.Sniffer().sniff(sample)
print(repr(dialect.delimiter), csv.Sniffer().has_header(sample), list(csv.reader(io.StringIO(sample), dialect)))
print(list(csv.reader(['a,"b,c",d', '"unterminated'], strict=False)))
try:
    list(csv.reader(['"a"b,c'], strict=True))
except csv.Error as e:
    print("csv.Error:", e)
print(list(csv.reader(io.StringIO("x, y ,z\n"), skipinitialspace=True)), list(csv.DictReader(io.StringIO("a,b\n1\n1,2,3\n"), restval="?")))
total = 0
with open("/out/csv/big.csv", "w", newline="") as f:
    w = csv.writer(f)
    for i in range(1000):
        w.writerow([i, f"item-{i}", i * 0.5])
with open("/out/csv/big.csv", newline="") as f:
    for row in csv.reader(f):
        total += float(row[2])
print(total, os.path.getsize("/out/csv/big.csv"), csv.field_size_limit())
