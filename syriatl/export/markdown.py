"""The chronology as Markdown (``build --format markdown``), for notes and issues: a
heading per month (per year for dates coarser than a month), a bullet per event with its
date, kind, text and outlets, the other dates given under it, then the problems.

Every text is escaped where Markdown would read it as markup (emphasis, links, code,
HTML), so that a sentence shows as it was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syriatl.export.told import dissent, headline, outlets, summary
from syriatl.labels import event_date_label, periods
from syriatl.model import Event, Timeline

# What CommonMark may read as markup inside a line: code, emphasis, links and images,
# raw HTML and entities, strikethrough and table cells, and the escape itself.
_MARKUP = re.compile(r"([\\`*_\[\]<>&~|])")
# At the start of a bullet's text these would open a block in it: a heading, a list.
_LEAD = re.compile(r"^(?:([#+-])|(\d+)([.)]))")


def escape(text: str) -> str:
    """``text`` with every character Markdown could read as inline markup escaped."""
    return _MARKUP.sub(r"\\\1", text)


def escape_lead(text: str) -> str:
    """``escape(text)`` that also cannot open a heading or a list as a bullet's text."""
    return _LEAD.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escape(text))


def bullet(event: Event) -> str:
    """One event: "- **Tue 24 Jan 2017** · talks · Talks ended. (Karvana Post)", the
    dissenting dates on a line indented under it."""
    text = escape(headline(event))
    line = (
        f"- **{escape(event_date_label(event))}** · {escape(event.kind)} · {text} "
        f"({escape(outlets(event))})\n"
    )
    other = dissent(event)
    return line + (f"  - {escape(other)}\n" if other else "")


def chunks(timeline: Timeline, name: str = "Chronology") -> Iterator[str]:
    """The whole document, one month at a time."""
    yield f"# {escape(name)}\n\n{escape(summary(timeline))}.\n"
    if not timeline.events:
        yield "\nNo dated events.\n"
    for (_, words), events in periods(timeline.events):
        yield f"\n## {words}\n\n" + "".join(bullet(e) for e in events)
    if timeline.problems:
        yield "\n## Problems\n\n"
        yield "".join(f"- {escape_lead(p.where)}: {escape(p.problem)}\n" for p in timeline.problems)
