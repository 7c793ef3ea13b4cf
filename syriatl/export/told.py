"""How the exports word an event for people: its status tag, the outlets that tell it,
and where each of its sources stands, in the table's and the web page's words."""

from __future__ import annotations

from syriatl.labels import TAGS, dissent_line, outlets_line
from syriatl.model import Event, Source, Timeline


def headline(event: Event) -> str:
    """The event's text after its status tag: "[planned] Envoys will meet in Velmora."."""
    tag = TAGS.get(event.status)
    return f"{tag} {event.text}" if tag else event.text


def outlets(event: Event) -> str:
    """The outlets of an event counted by origin, as the table's column shows them:
    "2 origins: Velmora Wire via Gulf Daily, Velmora Times; Karvana Post"."""
    return outlets_line(event.sources)


def dissent(event: Event) -> str:
    """The dates other sources give, briefly ("other dates: 2 Mar (Velmora Wire)"), or
    an empty string when none does."""
    return dissent_line(event)


def where(source: Source) -> str:
    """Where a source stands: "Gulf Daily (AFP), gulf-3, line 14, UPDATE 1130 GMT",
    "gulf-3, line 2, photo caption" (an outlet no one names is left out)."""
    parts = [source.outlet or ""]
    if source.origin and source.origin != source.outlet:
        parts[0] = f"{parts[0]} ({source.origin})".strip()
    parts += [source.article, f"line {source.line}", source.entry or ""]
    if source.caption:
        parts.append("photo caption")
    return ", ".join(p for p in parts if p)


def counted(count: int, word: str) -> str:
    """ "1 event", "3 events"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(timeline: Timeline) -> str:
    """What the build holds: "3 events from 2 articles; 1 problem"."""
    return (
        f"{counted(len(timeline.events), 'event')} from "
        f"{counted(len(timeline.articles), 'article')}; "
        f"{counted(len(timeline.problems), 'problem')}"
    )
