"""TIMEX3 values: calendar arithmetic to build them, and the span of days each covers."""

from __future__ import annotations

import datetime as dt
import re

from syriatl.model import Precision

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


def clock(value: str) -> str | None:
    """The clock time of a ``...THH:MM`` value as ``HH:MM`` (midnight ending a day is 24:00)."""
    match = _VALUE.fullmatch(value)
    if not match or match.group("hour") is None:
        return None
    return f"{match.group('hour')}:{match.group('minute') or '00'}"
