"""Clocks in local time and in UTC: an event's local day, its instant and its zone.

A date and a clock in two different zones name no instant, so a timed event carries
its local calendar day (``date``), the instant in UTC when its zone is known (``at``)
and the zone (an IANA name, ``UTC`` for a clock given in GMT/UTC, or ``local``).
The zone of a local clock comes only from metadata (``timezone:``) or from
``build --timezone``; it is never guessed from a dateline, which tells where the
reporter is, not where the happening is. Offsets come from the IANA database
(``zoneinfo``, with the ``tzdata`` package where the system has none), so daylight
saving comes out right on each side of a change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from syriatl.model import When

LOCAL = "local"
UTC = "UTC"
_UTC = dt.UTC


@dataclass(frozen=True, slots=True)
class Timed:
    """A clock placed: its local day, its clock (UTC when ``at`` is known, else local),
    the instant (``YYYY-MM-DDTHH:MM:SSZ``) or None, and the zone that says which."""

    date: dt.date
    time: str
    at: str | None
    zone: str


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone_problem(name: str) -> str | None:
    """Why ``name`` is not a time zone this build can use, or None when it is one
    ("Europe/Kyiv", "America/New_York", "UTC")."""
    # "localtime", "Factory", "posixrules" are files of a system zone database, not
    # places: the first is the host's own zone, which would make output host-dependent.
    placeless = name != UTC and "/" not in name
    if placeless or name != name.strip() or name.startswith(("/", ".")) or ".." in name:
        return f"timezone {name!r} is not an IANA time zone name (Area/City, e.g. Europe/Kyiv)"
    try:
        _zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return f"timezone {name!r} is not a known IANA time zone (Area/City, e.g. Europe/Kyiv)"
    return None


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(_UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _naive(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """The wall clock ``hour:minute`` on ``day``; 24:00 is 00:00 of the next day (TIMEX3
    writes the midnight that ends day D as ``DT24:00``)."""
    return dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(hours=hour, minutes=minute)


def local_clock(day: dt.date, hour: int, minute: int, zone: str | None) -> Timed:
    """A local clock on a local day: with ``zone`` its instant; without, the clock as
    printed and ``zone: local``. A wall clock that a change to summer time skips
    (02:30 on a spring-forward night) is read with the offset before the change, and one
    that a change back repeats is read as its first occurrence (``fold=0``)."""
    wall = _naive(day, hour, minute)
    if zone is None:
        return Timed(wall.date(), f"{wall:%H:%M}", None, LOCAL)
    moment = wall.replace(tzinfo=_zone(zone)).astimezone(_UTC)
    return Timed(wall.date(), f"{moment:%H:%M}", _stamp(moment), zone)


def offset_clock(
    day: dt.date, hour: int, minute: int, offset: float, zone: str | None
) -> Timed:  # fmt: skip
    """A clock printed with its zone ("1530 GMT", "3 p.m. EST": ``offset`` hours from
    UTC) on the day the text gives it. Its instant is known; its local day is the one
    in ``zone`` when that is known, else the day as printed."""
    wall = _naive(day, hour, minute)
    moment = (wall - dt.timedelta(hours=offset)).replace(tzinfo=_UTC)
    date = moment.astimezone(_zone(zone)).date() if zone else wall.date()
    return Timed(date, f"{moment:%H:%M}", _stamp(moment), zone or UTC)


def equivalent(
    day: dt.date, hour: int, minute: int, utc_hour: int, utc_minute: int, zone: str | None
) -> Timed:  # fmt: skip
    """A local clock and the UTC clock printed beside it as its equivalent ("midnight
    (2100 GMT) on Monday", "7 am local time (0400 GMT)"): one instant. The local clock
    gives the local day; the UTC clock falls on whichever day puts it within half a day
    of the local reading (zones lie within UTC-12 and UTC+14)."""
    wall = _naive(day, hour, minute)
    candidates = [
        _naive(wall.date() + dt.timedelta(days=d), utc_hour, utc_minute) for d in (-1, 0, 1)
    ]
    best = min(candidates, key=lambda utc: (abs(wall - utc), utc))
    moment = best.replace(tzinfo=_UTC)
    return Timed(wall.date(), f"{moment:%H:%M}", _stamp(moment), zone or UTC)


# How far ahead of UTC a zone in use may be: from UTC-12 to UTC+14.
_AHEAD = (dt.timedelta(hours=-12), dt.timedelta(hours=14))


def one_instant(a: When, b: When) -> bool:
    """True when two timed values may name one instant: both instants known and equal,
    or a local clock of an unknown zone and an instant a zone's offset apart ("2200 GMT
    on Saturday" and "midnight local time" on Sunday, two hours east of Greenwich)."""
    if a.at and b.at:
        return a.at == b.at
    local, known = (a, b) if b.at else (b, a)
    if not known.at or local.at or not local.time:
        return False
    wall = _naive(local.start, int(local.time[:2]), int(local.time[3:5]))
    ahead = wall - dt.datetime.fromisoformat(known.at.removesuffix("Z"))
    return _AHEAD[0] <= ahead <= _AHEAD[1]


def clock_words(when: When) -> str:
    """A timed value's clock for people: "18:00 local time" (zone unknown), "21:00 UTC",
    "04:30 UTC on Wed 25 Jan" (a UTC day other than the value's), or "00:00 Europe/Kyiv
    (22:00 UTC)"; empty without a clock."""
    time, at, zone = when.time, when.at, when.zone
    if time is None:
        return ""
    if zone in (None, LOCAL) or at is None:
        return f"{time} local time" if zone == LOCAL else f"{time} UTC"
    if zone == UTC:
        # A clock printed with its offset keeps the day printed ("11:30 p.m. EST on
        # 24 January" is 04:30 UTC on the 25th): the UTC day is said when it differs.
        day = dt.date.fromisoformat(at[:10])
        other = f" on {day:%a} {day.day} {day:%b}" if day != when.start else ""
        return f"{time} UTC{other}"
    moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(_zone(zone))
    return f"{moment:%H:%M} {zone} ({time} UTC)"
