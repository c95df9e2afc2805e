"""Unicode text: combining characters, normalisation forms, emoji sequences, right-to-left scripts, names."""
import unicodedata

samples = {
    "precomposed": "caf\u00e9",
    "combining": "cafe\u0301",
    "stacked": "a\u0301\u0328\u0308",
    "hangul": "\ud55c\uad6d\uc5b4",
    "emoji_zwj": "\U0001F468\u200D\U0001F469\u200D\U0001F467",
    "flag": "\U0001F1EF\U0001F1F5",
    "skin_tone": "\U0001F44D\U0001F3FD",
    "hebrew": "\u05e9\u05dc\u05d5\u05dd",
    "arabic": "\u0645\u0631\u062d\u0628\u0627 123",
    "bidi_mix": "abc \u202e\u05d0\u05d1\u05d2\u202c def",
    "ligature": "\ufb01ne \u2167 \u00bd",
    "astral": "\U0001D54F\U0001D4B6\U00010348",
}
for label, s in samples.items():
    nfc, nfd = unicodedata.normalize("NFC", s), unicodedata.normalize("NFD", s)
    nfkc, nfkd = unicodedata.normalize("NFKC", s), unicodedata.normalize("NFKD", s)
    print(f"{label:>12}: {s} | len={len(s)} utf8={len(s.encode())} utf16={len(s.encode('utf-16-le')) // 2} "
          f"NFC={len(nfc)} NFD={len(nfd)} NFKC={nfkc!r} NFKD-len={len(nfkd)} "
          f"isNFC={unicodedata.is_normalized('NFC', s)}")
print(samples["precomposed"] == samples["combining"],
      unicodedata.normalize("NFC", samples["precomposed"]) == unicodedata.normalize("NFC", samples["combining"]))
for ch in "é\u0301\u05d0\u0661\U0001F600\u200d\u00a0\u2028A":
    print(f"U+{ord(ch):04X} {unicodedata.name(ch, '<no name>')} cat={unicodedata.category(ch)} "
          f"bidi={unicodedata.bidirectional(ch)} comb={unicodedata.combining(ch)} "
          f"east_asian={unicodedata.east_asian_width(ch)} mirrored={unicodedata.mirrored(ch)}")
print(unicodedata.lookup("SNOWMAN"), unicodedata.lookup("GREEK SMALL LETTER ALPHA"), "\N{EM DASH}")
print(unicodedata.numeric("\u00bd"), unicodedata.decimal("\u0663"), unicodedata.digit("\u2462"))
print(unicodedata.unidata_version)
reversed_clusters = "".join(reversed(samples["combining"]))
print(repr(reversed_clusters), reversed_clusters.encode("unicode_escape"))
print(sorted(samples.values())[:4])
print("upper:", samples["stacked"].upper(), "Straße".upper(), "ǆ".title(), "ΌΣΟΣ".lower())
print([c for c in "a\u0300b\u0301" if not unicodedata.combining(c)])
