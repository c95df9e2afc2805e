"""calendar text output and month arithmetic; zoneinfo with no tz database on the guest's file system."""
import calendar
import zoneinfo

print(calendar.month(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12, w=3))
print(calendar.isleap(1900), calendar.isleap(2000), calendar.leapdays(1900, 2100), calendar.monthrange(2024, 2))
print(calendar.weekday(2024, 7, 4), calendar.day_name[calendar.weekday(1969, 7, 20)], list(calendar.month_abbr)[1:4])
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.monthcalendar(2024, 9)[0])
print(calendar.calendar(2024, w=2, l=1, c=6, m=4).splitlines()[0:4])
html = calendar.HTMLCalendar().formatmonth(2024, 1)
print(len(html), html.count("<td"), html.splitlines()[1])
for key in ["UTC", "Europe/Paris", "America/New_York"]:
    try:
        zone = zoneinfo.ZoneInfo(key)
        print(key, "found", zone)
    except zoneinfo.ZoneInfoNotFoundError as e:
        print(key, "ZoneInfoNotFoundError:", e)
print("TZPATH:", zoneinfo.TZPATH)
try:
    zoneinfo.ZoneInfo("../etc/passwd")
except ValueError as e:
    print("ValueError:", e)
