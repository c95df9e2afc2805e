"""email: build a multipart message with fixed headers and boundary, serialise it, parse it back, header encoding, addresses."""
import email
import email.policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr, formatdate, getaddresses, parseaddr, parsedate_to_datetime

msg = EmailMessage()
msg["From"] = Address("Zoë Ünïcode", "zoe", "example.com")
msg["To"] = "Ana <ana@example.org>, bob@example.net"
msg["Subject"] = "Parity report ✓ — all engines agree"
msg["Date"] = formatdate(1700000000, localtime=False)
msg["Message-ID"] = "<fixed-id@parity.example>"
msg.set_content("Plain text body.\nSecond line with ünïcode.\n")
msg.add_alternative("<p>HTML body with <b>bold</b> ✓</p>", subtype="html")
msg.add_attachment(bytes(range(64)), maintype="application", subtype="octet-stream", filename="data.bin")
msg.set_boundary("===============PARITY-BOUNDARY==")
for part in msg.walk():
    if part.is_multipart() and part is not msg:
        part.set_boundary("===============INNER-BOUNDARY==")
raw = msg.as_bytes(policy=email.policy.SMTP)
print(len(raw))
print(raw.decode("utf-8")[:1400])
parsed = email.message_from_bytes(raw, policy=email.policy.default)
print(parsed["Subject"], "|", parsed["From"].addresses[0].display_name, "|", [a.addr_spec for a in parsed["To"].addresses])
print(parsed.get_content_type(), [p.get_content_type() for p in parsed.walk()], parsed.get_body(("plain",)).get_content())
att = next(parsed.iter_attachments())
print(att.get_filename(), att.get_content()[:8], parsedate_to_datetime(parsed["Date"]).isoformat())
print(parseaddr("Some One <some.one@example.com>"), formataddr(("Ünï Code", "u@example.com")))
print(getaddresses(["a@x.com, B <b@y.com>", '"Last, First" <lf@z.com>']))
legacy = email.message_from_string("Subject: =?utf-8?b?w7xuw69jb2Rl?=\nX-Custom: yes\n\nbody\n")
print(legacy["Subject"], str(email.header.make_header(email.header.decode_header(legacy["Subject"]))), legacy.get_payload(), legacy.keys())
