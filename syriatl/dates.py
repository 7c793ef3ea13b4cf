"""Dates typed by people (command-line options) and the one adapter to dateparser.

ISO forms ("2017", "2017-01", "2017-01-24") are read directly; anything else goes to
dateparser, always with an explicit ``RELATIVE_BASE`` and ``languages=['en']``, and its
known misreadings ("we" as Wednesday, "may" as May, "1130 GMT" as the year 1130, "60%"
as 1960, "a"/"two" as months) are refused before and after the call.
"""

from __future__ import annotations

import datetime as dt
import re

from syriatl.timex import last_day

_ISO = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_MEANINGFUL = re.compile(
    r"(?i)\b(?:\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
    r"sat|sun|today|yesterday|tomorrow|ago|last|next)\w*"
)
_TRAP = re.compile(r"(?i)^\s*(?:we|may|a|an|two|one|march|sun|sat)\s*$|%|\b\d{3,4}\s*(?:gmt|utc)\b")


def parse_with_dateparser(text: str, base: dt.datetime) -> dt.date | None:
    """A date read by dateparser relative to ``base``, or None when it is not a date.

    The only place dateparser is called; the traps above never get through.
    """
    if _TRAP.search(text) or not _MEANINGFUL.search(text):
        return None
    import dateparser

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None or found.year < 1000:
        return None
    return dt.date(found.year, found.month, found.day)


def parse_period(text: str, base: dt.datetime) -> tuple[dt.date, dt.date] | None:
    """The first and last day a typed date covers ("2017-01" is all of January).

    Returns None when the text is not a date.
    """
    match = _ISO.fullmatch(text.strip())
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            if month is None:
                return dt.date(year, 1, 1), dt.date(year, 12, 31)
            if day is None:
                return dt.date(year, month, 1), dt.date(year, month, last_day(year, month))
            return dt.date(year, month, day), dt.date(year, month, day)
        except ValueError:
            return None
    found = parse_with_dateparser(text, base)
    return (found, found) if found else None
