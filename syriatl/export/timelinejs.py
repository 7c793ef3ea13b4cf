"""The chronology as TimelineJS3 data (``build --format timelinejs``): the JSON that
Knight Lab's TimelineJS reads, one slide per event after a title slide.

Each slide's ``start_date`` holds only the parts its date has (a month is a year and a
month, never a made-up first day); a span TimelineJS has no unit for (a week, a
weekend, a season, a quarter, a half) also gets its ``end_date``, and ``display_date``
says in words what the parts cannot: the span, a modifier ("late Jan 2017"), a clock's
zone, a date that is only the report's. A clock known to the instant is given in UTC.
``unique_id`` is the event's id and ``group`` its kind. TimelineJS reads ``headline``
and ``text`` as HTML: every text is escaped, and the sources are HTML of their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from typing import Any

from syriatl.export.told import dissent, headline, outlets, summary, where
from syriatl.labels import date_label, event_date_label
from syriatl.model import Basis, Event, Precision, Timeline, When

DateObject = dict[str, str]
# The spans TimelineJS has no unit for: their slides run from the first day to the last.
_SPANS = (Precision.WEEK, Precision.SEASON, Precision.QUARTER, Precision.HALF,
          Precision.DECADE, Precision.CENTURY)  # fmt: skip
# The precisions TimelineJS writes as they are, from the parts alone.
_PLAIN = (Precision.YEAR, Precision.MONTH, Precision.DAY)


def _parts(values: tuple[int, ...], names: tuple[str, ...]) -> DateObject:
    """The first ``len(names)`` of ``values`` by name, as TimelineJS's examples write
    them: whole numbers in strings."""
    return {name: str(value) for name, value in zip(names, values, strict=False)}


def start_date(when: When) -> DateObject:
    """The parts of a date TimelineJS places it by: year, month, day, hour and minute as
    far as its precision goes (the UTC clock when the instant is known)."""
    start = when.start
    if when.precision is Precision.TIME and when.time:
        day = when.at[:10] if when.at else start.isoformat()
        year, month, date = (int(p) for p in day.split("-"))
        hour, minute = (int(p) for p in when.time.split(":")[:2])
        return _parts((year, month, date, hour, minute), ("year", "month", "day", "hour", "minute"))
    full = (start.year, start.month, start.day)
    if when.precision in (Precision.DAY, Precision.TIME, Precision.WEEK):
        return _parts(full, ("year", "month", "day"))
    if when.precision in (Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.HALF):
        return _parts(full, ("year", "month"))
    return _parts(full, ("year",))


def end_date(when: When) -> DateObject | None:
    """The last day (or month, or year) of a span TimelineJS has no unit for; None for
    any other date."""
    if when.precision not in _SPANS:
        return None
    end = (when.end.year, when.end.month, when.end.day)
    if when.precision is Precision.WEEK:
        return _parts(end, ("year", "month", "day"))
    if when.precision in (Precision.DECADE, Precision.CENTURY):
        return _parts(end, ("year",))
    return _parts(end, ("year", "month"))


def display_date(event: Event) -> str | None:
    """The date in words where the parts would say less: "week 23 Jan 2017", "late Jan
    2017", "Tue 24 Jan 2017 18:00 local time", "reported Tue 24 Jan 2017"; None for a
    plain day, month or year."""
    when = event.when
    plain = when.precision in _PLAIN and not when.modifier and event.basis is Basis.TEXT
    return None if plain else event_date_label(event)


def text_html(event: Event) -> str:
    """The slide's body: the outlets, the other dates given, then each source and each
    dissenting one with where it stands and its sentence."""
    parts = [f"<p>From: {escape(outlets(event))}</p>"]
    other = dissent(event)
    if other:
        parts.append(f"<p><em>{escape(other)}</em></p>")
    for source in event.sources:
        parts.append(f"<p><strong>{escape(where(source))}</strong></p>")
        parts.append(f"<blockquote>{escape(source.quote)}</blockquote>")
    for source in event.conflicts:
        said = f"puts it on {date_label(source.when)}: {where(source)}"
        parts.append(f"<p><strong>{escape(said)}</strong></p>")
        parts.append(f"<blockquote>{escape(source.quote)}</blockquote>")
    return "".join(parts)


def slide(event: Event) -> dict[str, Any]:
    """One event as a TimelineJS slide."""
    data: dict[str, Any] = {"unique_id": event.id, "start_date": start_date(event.when)}
    end = end_date(event.when)
    if end is not None:
        data["end_date"] = end
    shown = display_date(event)
    if shown is not None:
        data["display_date"] = shown
    data["text"] = {"headline": escape(headline(event)), "text": text_html(event)}
    data["group"] = event.kind
    return data


def title(timeline: Timeline, name: str = "Chronology") -> dict[str, Any]:
    """The title slide: the chronology's name and what the build holds."""
    return {"text": {"headline": escape(name), "text": f"<p>{escape(summary(timeline))}</p>"}}


def _dumped(data: Any, indent: str) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def chunks(timeline: Timeline) -> Iterator[str]:
    """The TimelineJS document, indented by two, one slide at a time."""
    yield '{\n  "title": ' + _dumped(title(timeline), "  ") + ',\n  "events": ['
    for n, event in enumerate(timeline.events):
        yield ("," if n else "") + "\n    " + _dumped(slide(event), "    ")
    yield "\n  ]\n}\n" if timeline.events else "]\n}\n"
