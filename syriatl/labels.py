"""Dates in words, as the table, ``explain`` and the web page show them: "Tue 24 Jan
2017", "Feb 2017", "Summer 2016", "reported Thu 7 Mar 2019". Plain strings, apart from
the Rich table that shows them, so that the page and the machine formats load no Rich."""

from __future__ import annotations

from syriatl.localtime import clock_words
from syriatl.model import Basis, Event, Precision, When

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}


def date_label(when: When) -> str:
    """A date at its own precision: "Tue 24 Jan 2017", "Feb 2017", "Summer 2016"."""
    start, value = when.start, when.value
    prefix = f"{when.modifier} " if when.modifier else ""
    if when.precision in (Precision.DAY, Precision.TIME):
        clock = f" {clock_words(when)}" if when.time else ""
        return f"{start:%a} {start.day} {MONTHS[start.month - 1]} {start.year}{clock}"
    if when.precision is Precision.WEEK and value.endswith("-WE"):
        return f"{start.day}-{when.end.day} {MONTHS[when.end.month - 1]} {when.end.year}"
    if when.precision is Precision.WEEK:
        return f"week {start.day} {MONTHS[start.month - 1]} {start.year}"
    if when.precision is Precision.MONTH:
        return f"{prefix}{MONTHS[start.month - 1]} {start.year}"
    if when.precision is Precision.SEASON:
        return f"{prefix}{_SEASONS.get(value[-2:], value[-2:])} {start.year}"
    if when.precision in (Precision.QUARTER, Precision.HALF):
        return f"{prefix}{value[5:]} {start.year}"
    return f"{prefix}{start.year}"


def event_date_label(event: Event) -> str:
    """The event's date as the table and ``explain`` show it: "reported Thu 7 Mar 2019"
    when the date is the report's, not the text's."""
    label = date_label(event.when)
    return f"reported {label}" if event.basis is Basis.REPORTED else label


def short_date(when: When, year: int) -> str:
    """A dissenting date in brief: "2 Mar" (with its year when not ``year``, with its
    clock when it has one); coarser dates as ``date_label`` gives them."""
    if when.precision not in (Precision.DAY, Precision.TIME):
        return date_label(when)
    start = when.start
    label = f"{start.day} {MONTHS[start.month - 1]}"
    label += f" {start.year}" if start.year != year else ""
    return label + (f" {clock_words(when)}" if when.time else "")
