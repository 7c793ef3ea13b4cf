"""The chronology as a spreadsheet (``build --format csv``): one row per event and
source, dissenting sources included, so that no source is left out. What a row needs
to be read and traced is there; the rest of what the build knows (entries, captions,
anchors, each source's own basis) is in ``--format yaml`` and ``json``.

RFC 4180 as the standard library's ``csv`` writes it: a header row, fields quoted only
when they must be, CRLF line ends; the caller writes it as UTF-8. A source row carries
the event's date; a dissent row the date its source gives instead (with that source's
basis), so that sorting by date still shows who says what. Empty cells are nulls.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping

from syriatl.model import Basis, Event, Published, Source, Timeline, When

COLUMNS = (
    "event", "date", "precision", "time", "zone", "at", "modifier", "kind", "status",
    "basis", "text", "outlet", "origin", "article", "quote", "expression", "rule", "line",
    "url", "role",
)  # fmt: skip

Cell = str | int | None


def row(event: Event, source: Source, role: str, url: str | None) -> tuple[Cell, ...]:
    """One row: the event, the date the row stands for (the event's for a ``source``,
    the source's own for a ``dissent``), and the source that tells it."""
    when: When = source.when if role == "dissent" else event.when
    basis: Basis = source.basis if role == "dissent" else event.basis
    return (
        event.id, when.value, when.precision.value, when.time, when.zone, when.at,
        when.modifier, event.kind, event.status.value, basis.value, event.text,
        source.outlet, source.origin, source.article, source.quote, source.expression,
        source.rule, source.line, url, role,
    )  # fmt: skip


def rows(
    timeline: Timeline, dates: Mapping[str, Published] | None = None
) -> Iterator[tuple[Cell, ...]]:
    """Every event's sources, then its dissenting sources, in the chronology's order;
    with ``dates`` each row ends with its source's chain (``syriatl.explain.chain``)."""
    from syriatl.explain import chain

    urls = {a.id: a.url for a in timeline.articles}
    for event in timeline.events:
        for role, sources in (("source", event.sources), ("dissent", event.conflicts)):
            for source in sources:
                cells = row(event, source, role, urls.get(source.article))
                if dates is not None:
                    cells += (chain(source, dates.get(source.article)),)
                yield cells


def chunks(timeline: Timeline, dates: Mapping[str, Published] | None = None) -> Iterator[str]:
    """The header and one line per row; with ``dates`` (``build --explain``) a last
    column, ``explanation``, gives each source's chain expression -> rule -> anchor ->
    date."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS + (("explanation",) if dates is not None else ()))
    for cells in rows(timeline, dates):
        writer.writerow(["" if c is None else c for c in cells])
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
