"""html: escaping and unescaping entities, and an HTMLParser subclass that extracts links, text and the tag structure."""
import html
from html.parser import HTMLParser

print(html.escape('<a href="x">Tom & "Jerry" \'s</a>'), html.escape("<>&'\"", quote=False))
print(html.unescape("&lt;p&gt; caf&eacute; &#233; &#x1F600; &amp;amp; &notanentity; &copy2024 &nbsp;|"))
page = """<!DOCTYPE html>
<html><head><title>Parity &amp; Friends</title><meta charset="utf-8"></head>
<body class="main">
  <h1 id="top">Welcome</h1>
  <p>Read <a href="/docs?x=1&amp;y=2">the docs</a> or <a href='https://example.com/ü'>elsewhere</a>.</p>
  <img src="logo.png" alt="logo"/><br>
  <script>if (a < b && c > d) { alert("x"); }</script>
  <!-- hidden comment -->
  <ul><li>one<li>two</ul>
</body></html>"""


class Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.text, self.depth, self.events = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        self.events.append(("  " * self.depth) + f"<{tag}> {dict(attrs)}" if attrs else ("  " * self.depth) + f"<{tag}>")
        if tag == "a":
            self.links.append(dict(attrs)["href"])
        if tag not in ("meta", "img", "br", "li"):
            self.depth += 1

    def handle_endtag(self, tag):
        if tag not in ("meta", "img", "br", "li"):
            self.depth -= 1

    def handle_startendtag(self, tag, attrs):
        self.events.append(("  " * self.depth) + f"<{tag}/> {dict(attrs)}")

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())

    def handle_comment(self, data):
        self.events.append(f"comment: {data.strip()}")

    def handle_decl(self, decl):
        self.events.append(f"decl: {decl}")


p = Extractor()
p.feed(page)
p.close()
print(p.links)
print(p.text)
print("\n".join(p.events))
print(p.getpos())
chunked = Extractor()
for i in range(0, len(page), 7):
    chunked.feed(page[i:i + 7])
chunked.close()
print(chunked.links == p.links, chunked.text == p.text)
