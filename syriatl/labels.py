"""An event in words, as the table, ``explain`` and the exports show it: its dates
("Tue 24 Jan 2017", "Feb 2017", "Summer 2016", "reported Thu 7 Mar 2019"), the dates
other sources give, and its outlets. Plain strings, apart from the Rich table that
shows them, so that the pages, the exports and the machine formats load no Rich."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from syriatl.chronicle.merge import origin_of
from syriatl.localtime import clock_words
from syriatl.model import Basis, Event, Precision, Source, Status, When

# What a status other than "happened" is tagged with, wherever an event is shown.
TAGS = {Status.PLANNED: "[planned]", Status.CLAIMED: "[claimed]"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")  # fmt: skip
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


def period_of(when: When) -> tuple[str, str]:
    """The heading a date is listed under, as an HTML ``datetime`` and in words: its
    month ("2017-01", "January 2017"), or its year when the date is coarser than a month
    ("2016", "2016"), as the table groups them."""
    if when.precision.rank >= Precision.MONTH.rank:
        return f"{when.start:%Y-%m}", f"{_MONTH_NAMES[when.start.month - 1]} {when.start.year}"
    return f"{when.start.year}", f"{when.start.year}"


def periods(events: Iterable[Event]) -> Iterator[tuple[tuple[str, str], list[Event]]]:
    """The events in runs under one heading each (``period_of``), in order. A date
    coarser than a month that sorts among its own year's months stays in the run it
    falls in ("Summer 2016" after April 2016's events), so no year is headed twice."""
    heading, year, run = ("", ""), 0, list[Event]()
    for event in events:
        w = event.when
        here = period_of(w)
        if w.precision.rank < Precision.MONTH.rank and run and year == w.start.year:
            here = heading
        if here != heading and run:
            yield heading, run
            run = []
        heading, year = here, w.start.year
        run.append(event)
    if run:
        yield heading, run


def short_date(when: When, year: int) -> str:
    """A dissenting date in brief: "2 Mar" (with its year when not ``year``, with its
    clock when it has one); coarser dates as ``date_label`` gives them."""
    if when.precision not in (Precision.DAY, Precision.TIME):
        return date_label(when)
    start = when.start
    label = f"{start.day} {MONTHS[start.month - 1]}"
    label += f" {start.year}" if start.year != year else ""
    return label + (f" {clock_words(when)}" if when.time else "")


def _ordered(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def dissent_line(event: Event) -> str:
    """The dates other outlets give, briefly: "other dates: 2 Mar (Velmora Wire)"; empty
    when none does."""
    year = event.when.start.year
    by_day: dict[str, list[str]] = {}
    for s in event.conflicts:
        by_day.setdefault(short_date(s.when, year), []).append(origin_of(s))
    said = [f"{day} ({', '.join(_ordered(names))})" for day, names in by_day.items()]
    return f"other dates: {', '.join(said)}" if said else ""


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of an outlets line: its ``words``, whether only photo captions tell it
    (``caption``: the table shows it dim), and the punctuation after it (``tail``)."""

    words: str
    caption: bool = False
    tail: str = ""


def _site(source: Source) -> str:
    return source.outlet or source.article


def outlet_pieces(sources: Sequence[Source]) -> list[Piece]:
    """The outlets of an event by name, counted by distinct origin (never by sentence or
    article), as the pieces a line may break between: "Karvana Post"; "2 origins:",
    "Karvana Post,", "Ostrel News"; with wire copy "2 origins:", "Velmora Wire via",
    "Gulf Daily,", "Velmora Times;", "Karvana Post". A site seen only in photo captions
    says "(caption)"."""
    origins = _ordered(origin_of(s) for s in sources)
    groups = [(o, [s for s in sources if origin_of(s) == o]) for o in origins]
    via = any(_ordered(_site(s) for s in told) != [o] for o, told in groups)
    pieces = []
    sites = sum(len(_ordered(_site(s) for s in told)) for _, told in groups)
    if len(origins) > 1 or sites > 1:
        pieces.append(Piece(f"{len(origins)} origin{'s' if len(origins) > 1 else ''}:"))
    for n, (origin, told) in enumerate(groups):
        names = _ordered(_site(s) for s in told)
        if names != [origin]:
            pieces.append(Piece(f"{origin} via"))
        for m, name in enumerate(names):
            captions = all(s.caption for s in told if _site(s) == name)
            tail = ""
            if m < len(names) - 1:
                tail = ","
            elif n < len(groups) - 1:
                tail = ";" if via else ","
            pieces.append(Piece(name + (" (caption)" if captions else ""), captions, tail))
    return pieces


def outlets_line(sources: Sequence[Source]) -> str:
    """The outlets of an event on one line: "2 origins: Velmora Wire via Gulf Daily,
    Velmora Times; Karvana Post"."""
    return " ".join(p.words + p.tail for p in outlet_pieces(sources))
