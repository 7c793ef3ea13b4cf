"""Dates typed by people (command-line options) and the one adapter to dateparser.

ISO forms ("2017", "2017-01", "2017-01-24") are read directly; anything else goes to
dateparser with ``languages=['en']``. No typed date depends on today: dateparser reads
the text against two fixed, unrelated reference dates, and a reading that changes with
the reference (a relative date, a date without its year) is refused, as is a year that
the text does not write. Its known misreadings ("we" as Wednesday,
"1130 GMT" as the year 1130, "60%" as 1960, "a"/"two" as months) never get through.
"""

from __future__ import annotations

import datetime as dt
import re

from syriatl.patterns.vocab import WEEKDAY_NAMES
from syriatl.timex import last_day

_ISO = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_MEANINGFUL = re.compile(
    r"(?i)\b(?:\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
    r"sat|sun|today|yesterday|tomorrow|ago|last|next|this|now)\w*"
)
_TRAP = re.compile(r"(?i)^\s*(?:we|a|an|two|one|sun|sat)\s*$|%|\b\d{3,4}\s*(?:gmt|utc)\b")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])")
_WEEKDAY = re.compile(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?![a-z])")
_DAYS = tuple(name[:3].lower() for name in WEEKDAY_NAMES)
# Two references that share no year, month, day or weekday (a Saturday and a Tuesday):
# whatever dateparser takes from the reference differs between them.
# Naive, as dateparser reads a typed date: no zone is typed.
_REFERENCES = (dt.datetime(2001, 3, 10), dt.datetime(2010, 9, 21))  # noqa: DTZ001
_EXAMPLE = "give e.g. 2017-01-24"

Period = tuple[dt.date, dt.date]


class DateRefused(ValueError):
    """A typed text that is not a date this tool may use; the message says why and what
    to type instead."""


def _iso(match: re.Match[str], text: str) -> Period:
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(year, month, last_day(year, month))
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise DateRefused(f"{text!r} is not a date: {_EXAMPLE}") from None


def _dateparser(text: str, reference: dt.datetime) -> tuple[dt.datetime, str] | None:
    """dateparser's reading of ``text`` against ``reference``, with its period ("day",
    "month", "year", "week"), or None. The only place dateparser is called."""
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": reference, "PREFER_DATES_FROM": "past"}
    found = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if found.date_obj is None:
        return None
    return found.date_obj.replace(tzinfo=None), str(found.period)


def _period(when: dt.datetime, period: str) -> Period:
    if period == "month":
        last = last_day(when.year, when.month)
        return dt.date(when.year, when.month, 1), dt.date(when.year, when.month, last)
    return when.date(), when.date()


def _read_words(text: str) -> Period:
    refused = DateRefused(f"{text!r} is not a date: give e.g. 2017-01-24, 2017-01 or 2017")
    if _TRAP.search(text) or not _MEANINGFUL.search(text):
        raise refused
    one, other = (_dateparser(text, reference) for reference in _REFERENCES)
    if one is None or other is None:
        raise refused
    (first, period), (second, _) = one, other
    keep = {"year": 1, "month": 2}.get(period, 3)
    moved = first.timetuple()[1:keep] != second.timetuple()[1:keep]
    if moved or (period == "year" and first.year != second.year):
        raise DateRefused(f"{text!r} is relative to today: {_EXAMPLE}")
    if first.year != second.year or not _YEAR.search(text):
        raise DateRefused(f"{text!r} has no year: {_EXAMPLE}")
    if period not in ("day", "month"):
        raise refused
    if str(first.year) not in _YEAR.findall(text):
        raise refused
    if not _MONTH.search(text):
        # "3/4/2019" is 3 April or 4 March depending on who typed it; "1 2019" is nothing.
        raise DateRefused(f"{text!r} names no month in words: {_EXAMPLE}")
    named = _WEEKDAY.search(text)
    if named and period == "day" and _DAYS.index(named.group(1).lower()) != first.weekday():
        day = first.date()
        raise DateRefused(
            f"{text!r} names a {WEEKDAY_NAMES[_DAYS.index(named.group(1).lower())]}, "
            f"but {day} is a {WEEKDAY_NAMES[day.weekday()]}: {_EXAMPLE}"
        )
    return _period(first, period)


def read_period(text: str) -> Period:
    """The first and last day a typed date covers ("2017-01" is all of January).

    Raises DateRefused when the text is not a date, is relative, or has no year.
    """
    match = _ISO.fullmatch(text.strip())
    return _iso(match, text) if match else _read_words(text)


def read_day(text: str) -> dt.date:
    """The one day a typed full date names ("2017-01-24", "24 January 2017").

    Raises DateRefused for anything else, a month or a year included.
    """
    first, last = read_period(text)
    if first != last:
        raise DateRefused(f"{text!r} is not a full date: {_EXAMPLE}")
    return first
