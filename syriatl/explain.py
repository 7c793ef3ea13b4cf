"""Why an event has its date: for each source, expression -> rule -> anchor -> date.

The anchor is what a relative expression was read against: a live-blog entry's clock,
the publication date with the evidence that dated the article, or a date the story gave
earlier. Explicit dates need none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from syriatl.localtime import clock_words
from syriatl.model import Anchor, AnchorKind, Event, Published, Source, Timeline


def _stamp(anchor: Anchor) -> str:
    clock = f" {anchor.time:%H:%M}" if anchor.time else ""
    return anchor.date.isoformat() + clock


def _dated_by(published: Published | None) -> str:
    if published is None or published.date is None:
        return ""
    evidence = f": {published.evidence}" if published.evidence else ""
    return f"{published.date.isoformat()}, dated by {published.rule}{evidence}"


def anchor_words(anchor: Anchor | None, published: Published | None) -> str:
    """What a source's expression was resolved against, in words a reader can check."""
    if anchor is None:
        return "none (the words give the date in full)"
    if anchor.kind is AnchorKind.ENTRY:
        dated = _dated_by(published)
        return f'entry "{anchor.label}" at {_stamp(anchor)} (publication date {dated})'
    if anchor.kind is AnchorKind.PUBLISHED:
        return f"publication date {_dated_by(published) or _stamp(anchor)}"
    if anchor.kind is AnchorKind.EARLIER:
        return f"the date given earlier in the story, {anchor.label}"
    return f"{anchor.label}, {_stamp(anchor)}"


def _undated(source: Source) -> str:
    """What dates a source with no date word: its live-blog entry's clock, or (``basis:
    reported``) the day its article reported it."""
    if source.entry:
        return f'the lead of "{source.entry}"'
    return "no date word: reported on the day of publication"


def chain(source: Source, published: Published | None) -> str:
    """One line: expression -> rule -> anchor -> date. A source with no date word says
    what dates it instead: its entry's clock, or the day it was reported."""
    said = f'"{source.expression}"' if source.expression else _undated(source)
    w = source.when
    clock = clock_words(w)
    when = w.value + (f" {clock}" if clock else "")
    anchor = anchor_words(source.anchor, published)
    return f"{said} -> {source.rule} -> anchor: {anchor} -> {when}"


def find_events(timeline: Timeline, wanted: str) -> tuple[Event, ...]:
    """The event whose id is ``wanted``, else every event whose id starts with it."""
    exact = tuple(e for e in timeline.events if e.id == wanted)
    return exact or tuple(e for e in timeline.events if wanted and e.id.startswith(wanted))


def publications(timeline: Timeline) -> Mapping[str, Published]:
    """Each article's publication date with its evidence, by article id."""
    return {report.id: report.published for report in timeline.articles}


def _source_data(source: Source, dates: Mapping[str, Published]) -> dict[str, Any]:
    published = dates.get(source.article)
    return {
        "article": source.article,
        "outlet": source.outlet,
        "line": source.line,
        "entry": source.entry,
        "quote": source.quote,
        "expression": source.expression,
        "rule": source.rule,
        "date": source.when.value,
        "time": source.when.time,
        "at": source.when.at,
        "zone": source.when.zone,
        "explanation": chain(source, published),
    }


def event_explanation(event: Event, dates: Mapping[str, Published]) -> dict[str, Any]:
    """An event with the chain behind each of its sources and of each dissenting one."""
    return {
        "id": event.id,
        "date": event.when.value,
        "time": event.when.time,
        "at": event.when.at,
        "zone": event.when.zone,
        "text": event.text,
        "corrections": list(event.corrections),
        "sources": [_source_data(s, dates) for s in event.sources],
        "conflicts": [_source_data(s, dates) for s in event.conflicts],
    }
