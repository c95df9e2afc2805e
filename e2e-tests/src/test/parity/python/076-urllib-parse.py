"""urllib.parse: splitting and joining URLs, query strings, quoting with unicode, relative resolution (no network)."""
from urllib.parse import (parse_qs, parse_qsl, quote, quote_plus, unquote, unquote_plus, urldefrag, urlencode, urljoin,
                          urlparse, urlsplit, urlunparse)

url = "https://user:p%40ss@Example.COM:8443/a/b%20c/d;params?q=1&q=2&name=J%C3%BCrgen&empty=#frag"
u = urlparse(url)
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.params, u.query, u.fragment)
print(parse_qs(u.query), parse_qs(u.query, keep_blank_values=True), parse_qsl(u.query))
print(urlunparse(u._replace(query="", fragment="")), urlsplit("//host/path").netloc, urlparse("mailto:someone@example.com"))
print(urlencode({"q": "ünïcode & spaces", "n": 5, "list": ["a", "b"]}), urlencode({"list": ["a", "b"]}, doseq=True))
print(quote("/path with spaces/ü?&="), quote("/path/ü", safe=""), quote_plus("a b+c"), unquote("%E2%9C%93%20ok"), unquote_plus("a+b%2Bc"))
base = "http://a/b/c/d;p?q"
for ref in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "../g", "../..", "../../../g", "g;x=1/../y", "http:g", ""]:
    print(f"{ref!r:>14} -> {urljoin(base, ref)}")
print(urldefrag("http://x/y#section"), urlsplit("HTTP://EXAMPLE.com:80/").geturl())
try:
    urlparse("http://[::1").hostname
except ValueError as e:
    print("ValueError:", e)
try:
    print(urlparse("http://h:99999/").port)
except ValueError as e:
    print("ValueError:", e)
print(urlparse("http://[2001:db8::1]:8080/x").hostname, urlparse("file:///tmp/x.txt").path)
