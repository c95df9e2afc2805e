"""locale and gettext in a guest with an empty environment: the C locale, number formatting, a NullTranslations fallback,
and a hand-built .mo catalogue written to the file system and loaded back."""
import gettext
import locale
import os
import struct

print(locale.getlocale(), locale.setlocale(locale.LC_ALL), locale.getpreferredencoding(False), locale.getencoding())
for name in ["C", "", "C.UTF-8", "en_US.UTF-8", "de_DE"]:
    try:
        print(repr(name), "->", locale.setlocale(locale.LC_ALL, name))
    except locale.Error as e:
        print(repr(name), "locale.Error:", e)
locale.setlocale(locale.LC_ALL, "C")
conv = locale.localeconv()
print(conv["decimal_point"], repr(conv["thousands_sep"]), locale.format_string("%.2f", 1234567.891, grouping=True), locale.str(3.14))
print(locale.atof("1234.5"), locale.atoi("42"), locale.strxfrm("abc") == "abc", locale.strcoll("a", "b") < 0, locale.currency(5) if conv["currency_symbol"] else "no currency symbol")
t = gettext.NullTranslations()
print(t.gettext("hello"), t.ngettext("apple", "apples", 1), t.ngettext("apple", "apples", 3))


def write_mo(path, catalog):
    keys = sorted(catalog)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(catalog[k].encode() + b"\0" for k in keys)
    keystart = 7 * 4 + 16 * len(keys)
    valuestart = keystart + len(ids)
    koffsets, voffsets, pos_k, pos_v = [], [], 0, 0
    for k in keys:
        koffsets += [len(k.encode()), keystart + pos_k]
        pos_k += len(k.encode()) + 1
        voffsets += [len(catalog[k].encode()), valuestart + pos_v]
        pos_v += len(catalog[k].encode()) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    with open(path, "wb") as f:
        f.write(header + struct.pack(f"{len(koffsets)}i", *koffsets) + struct.pack(f"{len(voffsets)}i", *voffsets) + ids + strs)


os.makedirs("/out/locale/pt/LC_MESSAGES", exist_ok=True)
write_mo("/out/locale/pt/LC_MESSAGES/app.mo", {"": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
                                                "hello": "olá", "goodbye": "adeus ✓", "apple\0apples": "maçã\0maçãs"})
pt = gettext.translation("app", localedir="/out/locale", languages=["pt"])
print(pt.gettext("hello"), pt.gettext("goodbye"), pt.gettext("untranslated"), pt.ngettext("apple", "apples", 1), pt.ngettext("apple", "apples", 2))
print(pt.info()["content-type"], gettext.find("app", "/out/locale", ["pt"]), gettext.find("app", "/out/locale", ["fr"]))
try:
    gettext.translation("app", localedir="/out/locale", languages=["fr"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno)
