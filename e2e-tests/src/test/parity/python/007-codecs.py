"""Codecs: encoding and decoding with error handlers, BOMs, UTF-16/32, legacy and CJK codecs, punycode."""
import codecs

text = "Grüße, 世界! \U0001F30D"
for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32-le", "latin-1", "ascii", "cp1252",
            "shift_jis", "euc-kr", "gb18030", "big5", "koi8-r", "mac_roman", "cp437", "idna"]:
    for errors in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace"]:
        try:
            data = text.encode(enc, errors)
            back = data.decode(enc, "replace")
            print(f"{enc:>10}/{errors:<17} {len(data):3} {data[:24].hex()} -> {back!r}")
        except (UnicodeError, LookupError) as e:
            print(f"{enc:>10}/{errors:<17} {type(e).__name__}: {e}")
            break
bad = b"ok \xff\xfe \xc3\x28 \xed\xa0\x80 end"
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
    s = bad.decode("utf-8", errors)
    print(errors, repr(s))
print(bad.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == bad)
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print("decode error:", e.encoding, e.start, e.end, e.reason)
print(codecs.encode("Hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "base64"))
print("bücher.example".encode("idna"), b"xn--bcher-kva".decode("idna"), "münchen".encode("punycode"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, "x".encode("utf-16"), "x".encode("utf-32"))
print(codecs.lookup("UTF8").name, codecs.lookup("latin_1").name, codecs.lookup("U16").name)
dec = codecs.getincrementaldecoder("utf-8")()
pieces = [b"\xe4", b"\xb8", b"\x96\xe7\x95", b"\x8c"]
print([dec.decode(p) for p in pieces], repr(dec.decode(b"", final=True)))
print("\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
print("tab\t\u00e9".encode("unicode_escape"), b"\\u00e9\\n".decode("unicode_escape"), "é".encode("raw_unicode_escape"))
