"""The chronology as an iCalendar file (``build --format ics``, RFC 5545): one
``VEVENT`` per event.

An event known to the instant is a timed ``VEVENT`` at ``at`` (UTC). Every other event
is an all-day one over the days its date spans (a day, a week, a month, a season ...),
whose summary says when it is coarser than a day ("[week 23 Jan 2017]"), when its clock
is local to a zone no one gave ("[18:00 local time]") and when the date is only the
report's ("[reported]"). ``UID`` is the event's stable id; ``DTSTAMP`` is the newest
publication date of the build, never the clock, so the same build gives the same bytes.

A small writer of its own rather than a library: the format needs two components, a
dozen properties, escaping and folding, and a library's output (property order,
folding, its version in ``PRODID``) would change with the library's version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from syriatl.export.told import dissent, outlets, where
from syriatl.labels import TAGS, date_label
from syriatl.model import Basis, Event, Precision, Source, Status, Timeline

CRLF = "\r\n"
PRODID = "-//syriatl//chronology//EN"
# A UID is globally unique when it ends in a domain-like name (RFC 5545, 3.8.4.7).
DOMAIN = "syriatl"
# Octets a content line may hold before it is folded, its line break not counted.
WIDTH = 75
# TEXT may hold no control character but a tab (RFC 5545, 3.3.11).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_STATUS = {Status.HAPPENED: "CONFIRMED", Status.PLANNED: "TENTATIVE", Status.CLAIMED: "TENTATIVE"}


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, each line break (CRLF, CR
    or LF) written ``\\n``, any other control character a space."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = re.sub(r"\r\n|\r|\n", r"\\n", text)
    return _CONTROL.sub(" ", text)


def fold(line: str) -> str:
    """A content line folded into lines of at most ``WIDTH`` octets (a continuation
    begins with one space, which counts), never inside a UTF-8 character; each line
    ends in CRLF."""
    data = line.encode("utf-8")
    pieces, start, room = [], 0, WIDTH
    while len(data) - start > room:
        end = start + room
        while (data[end] & 0xC0) == 0x80:  # a continuation byte: back to its lead byte
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, room = end, WIDTH - 1
    pieces.append(data[start:].decode("utf-8"))
    return (CRLF + " ").join(pieces) + CRLF


def _day(day: dt.date) -> str:
    return f"{day:%Y%m%d}"


def stamp(timeline: Timeline) -> str:
    """``DTSTAMP``: midnight UTC of the newest publication date among the build's
    articles (of its newest event's last day when none is dated)."""
    published = [a.published.date for a in timeline.articles if a.published.date]
    days = published or [e.when.end for e in timeline.events] or [dt.date(1970, 1, 1)]
    return f"{_day(max(days))}T000000Z"


def date_properties(event: Event) -> list[str]:
    """``DTSTART`` (and ``DTEND``): the instant in UTC when it is known, else the days
    the date spans, the end exclusive as RFC 5545 has it."""
    when = event.when
    if when.precision is Precision.TIME and when.at:
        return [f"DTSTART:{when.at.replace('-', '').replace(':', '')}"]
    after = when.end + dt.timedelta(days=1)
    return [f"DTSTART;VALUE=DATE:{_day(when.start)}", f"DTEND;VALUE=DATE:{_day(after)}"]


def summary(event: Event) -> str:
    """The event's text after its marks: status ("[planned]"), a date that is only the
    report's ("[reported]"), a date coarser than a day ("[late Jan 2017]") or a local
    clock of no known zone ("[18:00 local time]")."""
    from syriatl.localtime import clock_words

    when, marks = event.when, []
    if event.basis is Basis.REPORTED:
        marks.append("[reported]")
    if when.precision.rank < Precision.DAY.rank:
        marks.append(f"[{date_label(when)}]")
    elif when.precision is Precision.TIME and not when.at:
        marks.append(f"[{clock_words(when)}]")
    tag = TAGS.get(event.status)
    return " ".join([*([tag] if tag else []), *marks, event.text])


def _told(source: Source) -> str:
    return f"{where(source)}: {source.quote}"


def description(event: Event) -> str:
    """The event's text, its outlets, the other dates given, then each source (and each
    dissenting one) with where it stands and its sentence, one to a line."""
    lines = [event.text, f"From: {outlets(event)}"]
    other = dissent(event)
    if other:
        lines.append(other)
    lines.append("")
    lines += [_told(s) for s in event.sources]
    lines += [f"puts it on {date_label(s.when)}: {_told(s)}" for s in event.conflicts]
    lines.append(f"event {event.id}")
    return "\n".join(lines)


def _url(event: Event, urls: dict[str, str | None]) -> str | None:
    """The page of the event's first source that has a web address (``http(s)://``, on
    one line): calendars open it as a link."""
    for source in event.sources:
        url = urls.get(source.article)
        if url and re.match(r"https?://[^\s\x00-\x1f\x7f]+\Z", url, re.IGNORECASE):
            return url
    return None


def vevent(event: Event, dtstamp: str, url: str | None) -> Iterator[str]:
    """One event's ``VEVENT``, its lines folded."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(event.id)}@{DOMAIN}",
        f"DTSTAMP:{dtstamp}",
        *date_properties(event),
        f"SUMMARY:{escape(summary(event))}",
        f"DESCRIPTION:{escape(description(event))}",
        f"CATEGORIES:{escape(event.kind)}",
        f"STATUS:{_STATUS[event.status]}",
        "TRANSP:TRANSPARENT",
        *([f"URL:{url}"] if url else []),
        "END:VEVENT",
    ]
    return (fold(line) for line in lines)


def chunks(timeline: Timeline) -> Iterator[str]:
    """The whole calendar, one event at a time."""
    yield fold("BEGIN:VCALENDAR") + fold("VERSION:2.0") + fold(f"PRODID:{PRODID}")
    yield fold("CALSCALE:GREGORIAN")
    dtstamp = stamp(timeline)
    urls = {a.id: a.url for a in timeline.articles}
    for event in timeline.events:
        yield "".join(vevent(event, dtstamp, _url(event, urls)))
    yield fold("END:VCALENDAR")
