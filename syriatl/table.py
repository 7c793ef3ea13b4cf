"""The events table: one row per happening, its date at its own precision (or the day it
was reported), a status tag, its short text, and the outlets that tell it counted by
distinct origin, so that one wire story on ten sites counts once.

Column widths are worked out from the whole timeline and the console's width, so that
the month tables line up, ids and names are never broken inside a word, and 80 columns
stay readable: the date column takes its longest label (wrapping a clock or a
"reported" word under the date on a narrow console), the outlets column at least its
longest unbreakable word, and the event text the rest; when an outlet's name or an id is
too long to leave the text room, the outlets go on a line under the text ("from ...").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from syriatl.explain import chain, publications
from syriatl.labels import MONTHS, TAGS, date_label, dissent_line, event_date_label, periods
from syriatl.labels import outlet_pieces as pieces_of
from syriatl.model import Basis, Event, Published, Source, Timeline

# A status other than "happened" is tagged before the text, in words plain text keeps.
# Three columns, no outer edge: two rules and one space of padding either side of each.
_OVERHEAD = 6
# The date column wraps (a clock, the word "reported") only past this share of the width.
_DATE_SHARE = 5
_DATE_FLOOR = 16  # "week 23 Jan 2017", "late Summer 2016": a date without its clock
# The event text keeps at least this share (in fifths) of what the date leaves, and
# never fewer columns than this beside the outlets (else they go under the text).
_TEXT_SHARE = 3
_TEXT_FLOOR = 30


def outlet_pieces(sources: Sequence[Source]) -> list[Text]:
    """The pieces of the outlets line (``syriatl.labels.outlet_pieces``) as the table
    shows them: a site seen only in photo captions dim, its punctuation not."""
    texts = []
    for piece in pieces_of(sources):
        text = Text(piece.words, "dim" if piece.caption else "")
        text.append(piece.tail)
        texts.append(text)
    return texts


def fit(pieces: Sequence[Text], width: int) -> Text:
    """Pieces on lines of at most ``width``, broken only between pieces (a piece wider
    than that is left to wrap at its own spaces)."""
    cell, used = Text(), 0
    for piece in pieces:
        if used and used + 1 + len(piece) > width:
            cell.append("\n")
            used = 0
        elif used:
            cell.append(" ")
            used += 1
        cell.append_text(piece)
        used += len(piece)
    return cell


def outlets_cell(sources: Sequence[Source]) -> Text:
    """The outlets of an event on one line: "2 origins: Velmora Wire via Gulf Daily,
    Velmora Times; Karvana Post"."""
    return Text(" ").join(outlet_pieces(sources))


def event_cell(event: Event, dates: Mapping[str, Published] | None) -> Text:
    """The short text, tagged when planned or claimed, dim when only photo captions tell
    it; then the dissenting dates, and with ``dates`` each source's chain."""
    cell = Text()
    tag = TAGS.get(event.status)
    if tag:
        cell.append(tag + " ", "dim")
    captions = bool(event.sources) and all(s.caption for s in event.sources)
    cell.append(event.text, "dim" if captions else "")
    dissent = dissent_line(event)
    if dissent:
        cell.append("\n" + dissent, "italic")
    if dates is not None:
        for source in (*event.sources, *event.conflicts):
            cell.append(f"\n{source.article}: {chain(source, dates.get(source.article))}", "dim")
    return cell


def _date_cell(event: Event, width: int) -> Text:
    label = event_date_label(event)
    if event.basis is Basis.REPORTED and len(label) > width:
        return Text("reported\n" + date_label(event.when))
    return Text(label)


def _longest_line(cells: Iterable[Text]) -> int:
    return max((len(line) for c in cells for line in c.plain.split("\n")), default=0)


def _longest_word(cells: Iterable[Text]) -> int:
    return max((len(word) for c in cells for word in c.plain.split()), default=0)


def _title(stamp: str) -> str:
    """A table's title: its month in brief ("Feb 2016"), or its year."""
    return f"{MONTHS[int(stamp[5:7]) - 1]} {stamp[:4]}" if len(stamp) > 4 else stamp


@dataclass(frozen=True, slots=True)
class Widths:
    """The widths of the date and outlets columns, the event text taking the rest;
    ``outlets`` is 0 when the outlets go under the event text instead (a name or id too
    long to share the width with it)."""

    date: int
    outlets: int


def column_widths(
    labels: Sequence[str], texts: Sequence[Text], outlets: Sequence[Text], width: int
) -> Widths:
    """Columns sized to their content within ``width``: the date column its longest
    label up to a fifth of the width (never narrower than a date without its clock), the
    outlets column what the event text leaves it and never less than its longest word,
    so that no id or name is broken. When that word would leave the event text fewer
    than ``_TEXT_FLOOR`` columns, the outlets column goes (``outlets`` 0)."""
    longest = max((len(label) for label in labels), default=0)
    floor = max(_DATE_FLOOR, max((len(w) for lb in labels for w in lb.split()), default=0))
    date = min(longest, max(floor, width // _DATE_SHARE))
    rest = width - _OVERHEAD - date
    natural = _longest_line(texts)
    word = max(_longest_word(outlets), len("Outlets"))
    if rest - word < min(natural, _TEXT_FLOOR):
        return Widths(date, 0)
    text = min(natural, rest * _TEXT_SHARE // 5)
    return Widths(date, max(word, min(_longest_line(outlets), rest - text)))


def _table(title: str, widths: Widths, header: bool) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        expand=True,
        pad_edge=False,
        show_edge=False,
        show_header=header,
    )
    table.add_column("Date", width=widths.date)
    table.add_column("Event", ratio=1, overflow="fold")
    if widths.outlets:
        table.add_column("Outlets", width=widths.outlets, overflow="fold")
    return table


@dataclass(frozen=True, slots=True)
class EventsTable:
    """The events of a timeline as month tables, laid out for the console's width."""

    events: tuple[Event, ...]
    dates: Mapping[str, Published] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        texts = [event_cell(e, self.dates) for e in self.events]
        pieces = [outlet_pieces(e.sources) for e in self.events]
        outlets = [Text(" ").join(p) for p in pieces]
        labels = [event_date_label(e) for e in self.events]
        widths = column_widths(labels, texts, outlets, options.max_width)
        rows = iter(zip(self.events, texts, pieces, outlets, strict=True))
        for n, ((stamp, _), events) in enumerate(periods(self.events)):
            table = _table(_title(stamp), widths, header=not n)
            for _ in events:
                event, text, named, outlet = next(rows)
                date = _date_cell(event, widths.date)
                if widths.outlets:
                    table.add_row(date, text, fit(named, widths.outlets))
                else:
                    table.add_row(date, Text("\n").join((text, Text("from ") + outlet)))
            yield table


def problems_lines(timeline: Timeline) -> Iterator[Text]:
    """The problems of a build as lines under a table."""
    for problem in timeline.problems:
        yield Text(f"problem: {problem.where}: {problem.problem}", style="yellow")


def events_table(timeline: Timeline, explain: bool = False) -> RenderableType:
    """One row per happening, a table per month (per year for coarser dates). With
    ``explain``, each event also shows how every source's date was reached."""
    dates = publications(timeline) if explain else None
    body: RenderableType = (
        EventsTable(timeline.events, dates) if timeline.events else Text("No dated events.")
    )
    return Group(body, *problems_lines(timeline))
