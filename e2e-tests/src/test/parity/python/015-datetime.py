"""datetime with fixed values: arithmetic, isoformat/fromisoformat, strftime/strptime, fixed-offset time zones."""
from datetime import date, datetime, time, timedelta, timezone

d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
print(date(2023, 2, 28) + timedelta(days=1), date.fromordinal(738000), date.fromisoformat("2024-W10-3"), date.fromisocalendar(2020, 53, 7))
dt = datetime(2024, 3, 10, 1, 59, 58, 123456)
print(dt, dt.isoformat(), dt.isoformat(sep=" ", timespec="milliseconds"), dt.ctime(), dt.timetuple()[:6])
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f | %a %A %b %B %j %U %W %p %I %y %%"), dt.strftime("%G-W%V-%u"))
print(datetime.strptime("15/Jan/2024:10:30:01", "%d/%b/%Y:%H:%M:%S"), datetime.strptime("2024-366", "%Y-%j"))
for text in ["2024-01-15T10:30:01+05:30", "2024-01-15 10:30", "2024-01-15T10:30:01.5Z", "20240115T103001"]:
    parsed = datetime.fromisoformat(text)
    print(text, "->", repr(parsed), parsed.utcoffset())
delta = datetime(2025, 1, 1) - datetime(2024, 1, 1, 12, 30)
print(delta, delta.days, delta.seconds, delta.total_seconds(), delta // timedelta(hours=1), delta % timedelta(days=7))
print(timedelta(days=-1, seconds=5), -timedelta(hours=1), timedelta(weeks=1, milliseconds=1.5) * 2.5, abs(timedelta(-3)))
print(timedelta.max, timedelta.min, timedelta.resolution, date.max, datetime.min)
ist = timezone(timedelta(hours=5, minutes=30), "IST")
est = timezone(timedelta(hours=-5))
moment = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
print(moment, moment.astimezone(ist), moment.astimezone(est), moment.astimezone(ist).tzname(), est.tzname(None))
print(moment.timestamp(), datetime.fromtimestamp(1700000000, tz=timezone.utc), datetime.fromtimestamp(0, tz=ist))
print(moment == moment.astimezone(est), moment.astimezone(est).replace(tzinfo=None) < moment.replace(tzinfo=None))
try:
    moment < datetime(2024, 1, 1)
except TypeError as e:
    print("TypeError:", e)
for bad in [(2023, 2, 29), (2024, 13, 1), (0, 1, 1)]:
    try:
        date(*bad)
    except ValueError as e:
        print(bad, "ValueError:", e)
print(time(23, 59, 59, 999999).isoformat(), time(7, 5).strftime("%H:%M %p"), time.fromisoformat("04:23:01.000384"))
days = [date(2024, 1, 1) + timedelta(days=i * 45) for i in range(9)]
print([x.strftime("%d %b") for x in sorted(days, key=lambda x: (x.month % 3, x))])
print(datetime(2024, 1, 31).replace(day=29, month=2), datetime.combine(d, time(8, 15)), d.replace(year=2025).isoformat())
