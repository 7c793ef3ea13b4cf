"""TIMEX3 values: calendar arithmetic to build them, and the span of days each covers.

Pure functions of dates and counts: no reference date is chosen here (see ``resolve``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from syriatl.model import Precision, Spec, Unit

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d?)(?P<we>-WE)?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T(?:(?P<hour>\d\d)(?::(?P<minute>\d\d))?|(?P<part>MO|AF|EV|NI|DT|MI)))?"
)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after (or before, if negative) the given one."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def last_day(year: int, month: int) -> int:
    """The number of days in a month."""
    following = dt.date(*add_months(year, month, 1), 1)
    return (following - dt.timedelta(days=1)).day


def week_value(day: dt.date) -> str:
    """The ISO week a day falls in, as ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_start(year: int, week: int) -> dt.date:
    """The Monday of an ISO week."""
    return dt.date.fromisocalendar(year, week, 1)


# Every resolution asks for its value's days and clock time, and the same values recur:
# both are kept.
@lru_cache(maxsize=8192)
def span(value: str) -> tuple[dt.date, dt.date, Precision] | None:
    """The first and last day a TIMEX3 value covers and its precision.

    Returns None for values that are not a place on the calendar (durations, sets,
    ``PRESENT_REF``, anything with an ``X``), and for decades and centuries.
    """
    match = _VALUE.fullmatch(value)
    if not match or "X" in value:
        return None
    g = match.groupdict()
    year = int(g["year"])
    try:
        if g["day"]:
            day = dt.date(year, int(g["month"]), int(g["day"]))
            timed = g["hour"] is not None
            return day, day, Precision.TIME if timed else Precision.DAY
        if g["month"]:
            month = int(g["month"])
            first = dt.date(year, month, 1)
            return first, dt.date(year, month, last_day(year, month)), Precision.MONTH
        if g["week"]:
            monday = week_start(year, int(g["week"]))
            if g["we"]:
                return monday + dt.timedelta(5), monday + dt.timedelta(6), Precision.WEEK
            return monday, monday + dt.timedelta(6), Precision.WEEK
        if g["quarter"]:
            first_month = (int(g["quarter"]) - 1) * 3 + 1
            last = first_month + 2
            return (
                dt.date(year, first_month, 1),
                dt.date(year, last, last_day(year, last)),
                Precision.QUARTER,
            )
        if g["half"]:
            first_month = 1 if g["half"] == "1" else 7
            last = first_month + 5
            return (
                dt.date(year, first_month, 1),
                dt.date(year, last, last_day(year, last)),
                Precision.HALF,
            )
        if g["season"]:
            start_month, end_month = SEASON_MONTHS[g["season"]]
            end_year = year + 1 if end_month < start_month else year
            return (
                dt.date(year, start_month, 1),
                dt.date(end_year, end_month, last_day(end_year, end_month)),
                Precision.SEASON,
            )
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR


@lru_cache(maxsize=8192)
def clock(value: str) -> str | None:
    """The clock time of a ``...THH:MM`` value as ``HH:MM`` (midnight ending a day is 24:00)."""
    match = _VALUE.fullmatch(value)
    if not match or match.group("hour") is None:
        return None
    return f"{match.group('hour')}:{match.group('minute') or '00'}"


def with_part(day: dt.date, part: str | None) -> str:
    """A day's value, with its part of day ("2023-03-14TNI") when one is named."""
    if part in (None, "MI"):
        return day.isoformat()
    return f"{day.isoformat()}T{part}"


_UNIT_LETTER = {
    Unit.SECOND: "S",
    Unit.MINUTE: "M",
    Unit.HOUR: "H",
    Unit.DAY: "D",
    Unit.WEEKEND: "WE",
    Unit.WEEK: "W",
    Unit.MONTH: "M",
    Unit.QUARTER: "Q",
    Unit.HALF: "H",
    Unit.YEAR: "Y",
    Unit.DECADE: "DE",
    Unit.CENTURY: "CE",
}
# A fraction of a unit is counted in the next smaller one ("half a year" is 6 months;
# a duration with a whole part is written with both, see ``_with_remainder``).
_SMALLER = {
    Unit.YEAR: (Unit.MONTH, 12),
    Unit.MONTH: (Unit.DAY, 30),
    Unit.WEEK: (Unit.DAY, 7),
    Unit.DAY: (Unit.HOUR, 24),
    Unit.HOUR: (Unit.MINUTE, 60),
    Unit.MINUTE: (Unit.SECOND, 60),
    Unit.DECADE: (Unit.YEAR, 10),
    Unit.CENTURY: (Unit.YEAR, 100),
}


def calendar_value(spec: Spec) -> str | None:
    """The TIMEX3 value of a calendar spec whose year is known."""
    if spec.century is not None:
        return f"{spec.century:02d}"
    if spec.decade is not None:
        return f"{spec.decade:03d}"
    if spec.year is None:
        return None
    year = f"{spec.year:04d}"
    if spec.month and spec.day:
        try:
            day = dt.date(spec.year, spec.month, spec.day)
        except ValueError:
            return None
        if spec.floating and spec.weekday is not None:
            day += dt.timedelta(days=(spec.weekday - day.weekday()) % 7)
        if spec.unit is Unit.WEEK:  # "the week of March 6"
            return week_value(day)
        if spec.hour is not None:
            return f"{day.isoformat()}T{spec.hour:02d}:{spec.minute or 0:02d}"
        return with_part(day, spec.part)
    return year + _within_year(spec)


def _within_year(spec: Spec) -> str:
    """What follows the year in the value of a month, quarter, half or season ("-Q3");
    nothing for a whole year. A quarter or half counted from the end (-1) is the last."""
    if spec.month:
        return f"-{spec.month:02d}"
    if spec.quarter:
        return f"-Q{spec.quarter if spec.quarter > 0 else 4}"
    if spec.half:
        return f"-H{spec.half if spec.half > 0 else 2}"
    if spec.season:
        return f"-{spec.season}"
    return ""


def underspecified(spec: Spec) -> str:
    """The TIMEX3 value of a calendar spec whose year is unknown ("XXXX-12-22")."""
    if spec.month and spec.day and not spec.floating:
        return f"XXXX-{spec.month:02d}-{spec.day:02d}"
    return "XXXX" + _within_year(spec)


def shift_value(day: dt.date, unit: Unit, amount: int, spec: Spec) -> str:
    """The value ``amount`` units from ``day``, at the unit's precision."""
    if unit is Unit.DAY:
        return with_part(day + dt.timedelta(days=amount), spec.part)
    if unit in (Unit.WEEK, Unit.WEEKEND):
        week = week_value(day + dt.timedelta(weeks=amount))
        return f"{week}-WE" if unit is Unit.WEEKEND else week
    if unit is Unit.MONTH:
        year, month = add_months(day.year, day.month, amount)
        return f"{year:04d}-{month:02d}"
    if unit is Unit.QUARTER:
        year, month = add_months(day.year, day.month, 3 * amount)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit is Unit.HALF:
        year, month = add_months(day.year, day.month, 6 * amount)
        return f"{year:04d}-H{1 if month <= 6 else 2}"
    if unit is Unit.YEAR:
        # A month, quarter or half of the counted year keeps its place in it.
        return f"{day.year + amount:04d}" + _within_year(spec)
    if unit is Unit.DECADE:
        return f"{day.year // 10 + amount:03d}"
    if unit is Unit.CENTURY:
        return f"{day.year // 100 + amount:02d}"
    return day.isoformat()


def shift_years(day: dt.date, precision: Precision, years: int) -> str | None:
    """The value of the period starting on ``day`` at ``precision``, moved by whole years;
    None for precisions a year does not move cleanly (weeks, seasons)."""
    if precision in (Precision.DAY, Precision.TIME):
        try:
            return day.replace(year=day.year + years).isoformat()
        except ValueError:
            return dt.date(day.year + years, 2, 28).isoformat()
    if precision is Precision.YEAR:
        return f"{day.year + years:04d}"
    if precision is Precision.MONTH:
        return f"{day.year + years:04d}-{day.month:02d}"
    if precision is Precision.QUARTER:
        return f"{day.year + years:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision is Precision.HALF:
        return f"{day.year + years:04d}-H{1 if day.month <= 6 else 2}"
    return None


def whole_units(unit: Unit, amount: float) -> tuple[Unit, float]:
    """A count in the largest unit that makes it whole ("1.5 years" is 18 months)."""
    while amount != int(amount) and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        amount *= factor
    return unit, amount


def duration_value(unit: Unit, amount: float | None) -> str:
    """A TIMEX3 duration such as ``P2D``, ``PT4H``, ``P20Y``; ``X`` for a vague amount.

    Counted decades and centuries are written in years ("two decades" is ``P20Y``): ISO
    8601 has no designator for them. Vague ones keep theirs (``PXDE``, "decades").
    """
    mixed = _with_remainder(unit, amount)
    if mixed:
        return mixed
    if amount is not None:
        unit, amount = whole_units(unit, amount)
        if unit in (Unit.DECADE, Unit.CENTURY):
            unit, amount = Unit.YEAR, amount * (10 if unit is Unit.DECADE else 100)
    count = "X" if amount is None else str(int(amount))
    if unit is Unit.WEEKEND:
        return f"P{count}WE"
    time_part = "T" if unit in (Unit.HOUR, Unit.MINUTE, Unit.SECOND) else ""
    return f"P{time_part}{count}{_UNIT_LETTER[unit]}"


_TIME_UNITS = (Unit.HOUR, Unit.MINUTE, Unit.SECOND)


def _with_remainder(unit: Unit, amount: float | None) -> str | None:
    """A whole count and its fraction in the next smaller unit, as a reader says it:
    "2 1/2 years" is ``P2Y6M``, "5 1/2 hours" ``PT5H30M``, "a day and a half" ``P1DT12H``.

    None when the amount is whole, below one, or its fraction is no whole count of the
    smaller unit (1.5 weeks), and for decades and centuries, which are written in years.
    """
    if amount is None or amount < 1 or amount == int(amount) or unit not in _SMALLER:
        return None
    if unit in (Unit.DECADE, Unit.CENTURY, Unit.WEEK):
        return None
    smaller, factor = _SMALLER[unit]
    rest = (amount - int(amount)) * factor
    if rest != int(rest):
        return None
    head = f"{int(amount)}{_UNIT_LETTER[unit]}"
    tail = f"{int(rest)}{_UNIT_LETTER[smaller]}"
    if unit in _TIME_UNITS:
        return f"PT{head}{tail}"
    return f"P{head}{'T' if smaller in _TIME_UNITS else ''}{tail}"
