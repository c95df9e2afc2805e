"""XML: ElementTree parsing and building, XPath-ish finds, namespaces, iterparse, serialisation, minidom pretty-printing, errors."""
import io
import os
import xml.etree.ElementTree as ET
from xml.dom import minidom

doc = """<?xml version="1.0" encoding="UTF-8"?>
<library xmlns:dc="http://purl.org/dc/elements/1.1/">
  <book id="b1" lang="en"><dc:title>Dune</dc:title><year>1965</year><price currency="EUR">9.99</price></book>
  <book id="b2" lang="fr"><dc:title>L&#233;tranger</dc:title><year>1942</year><price currency="EUR">7.50</price></book>
  <book id="b3" lang="en"><dc:title>Neuromancer</dc:title><year>1984</year><price currency="USD">12.00</price>
    <!-- a comment --><note><![CDATA[contains <markup> & stuff]]></note></book>
</library>"""
root = ET.fromstring(doc)
ns = {"dc": "http://purl.org/dc/elements/1.1/"}
print(root.tag, len(root), [b.get("id") for b in root.findall("book")], root.find("book[@lang='fr']/dc:title", ns).text)
for book in root.iterfind(".//book"):
    print(book.attrib, book.findtext("dc:title", namespaces=ns), int(book.findtext("year")), float(book.find("price").text))
print([e.tag for e in root.iter()][:6], root.find(".//note").text, sorted({b.get("lang") for b in root}))
print(sum(float(p.text) for p in root.iter("price") if p.get("currency") == "EUR"), root.findall(".//book[year='1984']")[0].get("id"))
new = ET.Element("catalog", version="2")
for i, title in enumerate(["Alpha & Omega", "Quotes \"here\"", "ünïcode ✓"]):
    item = ET.SubElement(new, "item", id=str(i))
    item.text = title
    ET.SubElement(item, "empty")
ET.indent(new)
print(ET.tostring(new, encoding="unicode"))
print(ET.tostring(new, encoding="us-ascii")[:80], ET.tostring(ET.Element("x"), xml_declaration=True, encoding="utf-8"))
os.makedirs("/out/xml", exist_ok=True)
ET.ElementTree(new).write("/out/xml/catalog.xml", encoding="utf-8", xml_declaration=True)
print(ET.parse("/out/xml/catalog.xml").getroot().find("item[@id='2']").text, os.path.getsize("/out/xml/catalog.xml"))
events = [(event, elem.tag) for event, elem in ET.iterparse(io.BytesIO(doc.encode()), events=("start", "end"))][:6]
print(events)
print(minidom.parseString("<a><b x='1'>t</b><c/></a>").toprettyxml(indent="  "))
for bad in ["<a><b></a>", "<a>&undefined;</a>", "", "<a x='1' x='2'/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), "ParseError:", e, e.position)
