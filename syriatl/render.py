"""Render a timeline: YAML and JSON for tools (one stable schema), Rich tables for people.

Machine formats are plain strings written straight to stdout; tables are Rich
renderables, so width, colour, ``NO_COLOR`` and non-terminal output are the Console's
business. Rich (and ``syriatl.table``) is imported by the table renderers alone, and
``yaml`` by the YAML writer, so a JSON build loads neither.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from syriatl.chronicle.outlets import shown
from syriatl.explain import chain, event_explanation, publications
from syriatl.localtime import clock_words
from syriatl.model import (
    Anchor,
    ArticleReport,
    Event,
    Problem,
    Published,
    Resolution,
    SegmentKind,
    Source,
    Timeline,
)
from syriatl.pipeline import Analysis, Tagged
from syriatl.segment import set_aside_share

if TYPE_CHECKING:
    from rich.console import RenderableType

# Columns whose values mean nothing when broken across lines.
_UNBROKEN = frozenset({"Article", "Published", "Entries", "Events", "Timestamp"})


# ---- the data schema ------------------------------------------------------------------


def _problem_data(problem: Problem) -> dict[str, Any]:
    """One problem as schema data: the article's id, its file and what is wrong."""
    return {"article": problem.article, "path": problem.where, "problem": problem.problem}


def source_data(source: Source, published: Published | None = None) -> dict[str, Any]:
    """One source as schema data; with ``published`` (``build --explain``) also the chain
    expression -> rule -> anchor -> date."""
    data = {
        "article": source.article,
        "outlet": source.outlet,
        "origin": source.origin,
        "text": source.text,
        "kind": source.kind,
        "quote": source.quote,
        "expression": source.expression,
        "rule": source.rule,
        "line": source.line,
        "entry": source.entry,
        "basis": source.basis.value,
        "caption": source.caption,
    }
    if published is not None:
        data["explanation"] = chain(source, published)
    return data


def conflict_data(source: Source, published: Published | None = None) -> dict[str, Any]:
    """A source that puts the event on another date: which, the date it gives, its words;
    with ``published`` also how it reached that date."""
    when = source.when
    data = {
        "article": source.article,
        "outlet": source.outlet,
        "origin": source.origin,
        "date": when.value if when else None,
        "time": when.time if when else None,
        "at": when.at if when else None,
        "zone": when.zone if when else None,
        "text": source.text,
        "kind": source.kind,
        "quote": source.quote,
        "expression": source.expression,
        "line": source.line,
        "basis": source.basis.value,
        "caption": source.caption,
    }
    if published is not None:
        data["explanation"] = chain(source, published)
    return data


def event_data(event: Event, dates: Mapping[str, Published] | None = None) -> dict[str, Any]:
    """One event as schema data; with ``dates`` each source also explains its date."""
    w = event.when
    return {
        "id": event.id,
        "date": w.value,
        "time": w.time,
        "at": w.at,
        "zone": w.zone,
        "precision": w.precision.value,
        "modifier": w.modifier,
        "reported": event.reported.isoformat() if event.reported else None,
        "text": event.text,
        "kind": event.kind,
        "status": event.status.value,
        "basis": event.basis.value,
        "sources": [source_data(s, dates.get(s.article) if dates else None) for s in event.sources],
        "conflicts": [
            conflict_data(s, dates.get(s.article) if dates else None) for s in event.conflicts
        ],
    }


def article_data(report: ArticleReport) -> dict[str, Any]:
    """One article as schema data."""
    p = report.published
    return {
        "id": report.id,
        "path": report.path,
        "title": report.title,
        "published": p.date.isoformat() if p.date else None,
        "published_rule": p.rule,
        "published_evidence": p.evidence,
        "outlet": report.provenance.site,
        "origin": report.provenance.origin,
        "outlet_rule": report.provenance.rule,
        "outlet_evidence": report.provenance.evidence,
    }


# The version of the ``build`` schema: 2 added ``kind``, ``status``, ``basis`` to events
# and ``outlet``, ``origin``, ``text``, ``kind``, ``basis``, ``caption`` to sources; 3
# dates a timed event by its local day, makes ``time`` the local clock when the zone is
# not known, and adds ``at`` and ``zone`` to events and conflicts.
SCHEMA_VERSION = 3

# A section is a top-level key with a list, streamed item by item, or with one number.
Sections = list[tuple[str, Iterable[Any] | int]]


def timeline_sections(timeline: Timeline, explain: bool = False) -> Sections:
    """The whole timeline as named lists of plain data, in the documented key order,
    headed by its ``schema_version``; with ``explain`` every source says how its date
    was reached."""
    dates = publications(timeline) if explain else None
    return [
        ("schema_version", SCHEMA_VERSION),
        ("articles", (article_data(a) for a in timeline.articles)),
        ("events", (event_data(e, dates) for e in timeline.events)),
        ("problems", (_problem_data(p) for p in timeline.problems)),
    ]


def timeline_data(timeline: Timeline, explain: bool = False) -> dict[str, Any]:
    """The whole timeline as one mapping of plain data (``explain`` as for
    ``timeline_sections``)."""
    return {
        key: items if isinstance(items, int) else list(items)
        for key, items in timeline_sections(timeline, explain)
    }


_TAG = "tag:yaml.org,2002:"


def _yaml_writer() -> Callable[[Any], str]:
    """A function writing plain data in block style, byte for byte as ``yaml.safe_dump``
    writes it with PyYAML's pure-Python emitter: by ``yamltext`` (which asks PyYAML's
    implicit types how a plain scalar reads back, as its resolver does, and PyYAML how a
    float or a date is represented), and by PyYAML itself when that writer does not vouch
    for the data (a line break or a control character in a text). Made once per output:
    the writer remembers what it wrote."""
    import yaml
    from yaml.nodes import ScalarNode

    from syriatl.export.yamltext import STR, Unusual, Writer

    # The implicit types a plain text may read back as, by its first character, tried
    # in PyYAML's order (those for any first character last); a text whose first
    # character starts none ("A ceasefire") is text.
    firsts = yaml.resolver.Resolver.yaml_implicit_resolvers
    anywhere = tuple(firsts.get(None, ()))
    types = {first: (*rules, *anywhere) for first, rules in firsts.items() if first is not None}

    def resolve(value: str) -> str:
        for tag, pattern in types.get(value[:1], anywhere):
            if pattern.match(value):
                return str(tag)
        return STR

    def represent(value: Any) -> tuple[str, str]:
        node = yaml.representer.SafeRepresenter().represent_data(value)
        if not isinstance(node, ScalarNode):
            raise Unusual(repr(value))
        return str(node.tag), str(node.value)

    writer = Writer(resolve, represent)

    def write(data: Any) -> str:
        try:
            return writer.document(data)
        except Unusual:
            return _pyyaml_dump(data)

    return write


def _dump_yaml(data: Any) -> str:
    """``data`` as ``_yaml_writer`` writes it."""
    return _yaml_writer()(data)


def _pyyaml_dump(data: Any) -> str:
    """``_dump_yaml`` by PyYAML's pure-Python dumper. The nodes of mappings, lists,
    strings, None, booleans and integers are made here, as PyYAML's safe representer
    makes them (which spends most of a large output's time finding each value's type);
    anything else is left to it."""
    import io

    import yaml
    from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

    out = io.StringIO()
    emitter = yaml.SafeDumper(out, default_flow_style=False, allow_unicode=True, width=1 << 30)

    def node(data: Any) -> Node:
        if isinstance(data, str):
            return ScalarNode(_TAG + "str", data)
        if isinstance(data, dict):
            pairs = [(node(k), node(v)) for k, v in data.items()]
            return MappingNode(_TAG + "map", pairs, flow_style=False)
        if isinstance(data, list):
            return SequenceNode(_TAG + "seq", [node(v) for v in data], flow_style=False)
        if data is None:
            return ScalarNode(_TAG + "null", "null")
        if isinstance(data, bool):
            return ScalarNode(_TAG + "bool", "true" if data else "false")
        if isinstance(data, int):
            return ScalarNode(_TAG + "int", str(data))
        return emitter.represent_data(data)  # a float, a date

    emitter.open()
    emitter.serialize(node(data))
    emitter.close()
    return out.getvalue()


def yaml_chunks(sections: Sections) -> Iterator[str]:
    """A YAML document of top-level lists, written item by item (the same bytes as one
    dump of the whole, without holding it all): fixed key order, Unicode kept."""
    write = _yaml_writer()
    for key, items in sections:
        if isinstance(items, int):
            yield f"{key}: {items}\n"
            continue
        empty = True
        for item in items:
            if empty:
                yield f"{key}:\n"
                empty = False
            yield write([item])
        if empty:
            yield f"{key}: []\n"


def json_chunks(sections: Sections) -> Iterator[str]:
    """The same structure as JSON, indented by two, written item by item: by
    ``jsontext``, or by ``json.dumps`` itself for data that writer does not write."""
    from syriatl.export.jsontext import Unusual, Writer

    writer = Writer()
    yield "{"
    for n, (key, items) in enumerate(sections):
        yield ("," if n else "") + f"\n  {json.dumps(key)}: "
        if isinstance(items, int):
            yield json.dumps(items)
            continue
        yield "["
        empty = True
        for item in items:
            try:
                body = writer.value(item, 4)
            except Unusual:
                body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            yield ("\n" if empty else ",\n") + "    " + body
            empty = False
        yield "]" if empty else "\n  ]"
    yield "\n}\n"


# ---- tables for people -------------------------------------------------------------------


def plain_text(rendered: RenderableType, width: int = 120) -> str:
    """A table as plain text ``width`` columns wide, as ``build -o FILE`` writes it."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(rendered)
    return buffer.getvalue()


def articles_table(timeline: Timeline) -> RenderableType:
    """One row per article: its id and title, how it was dated, who published it and
    whose copy it is (each with the rule and its evidence), and what it told."""
    from rich.table import Table
    from rich.text import Text

    table = Table(pad_edge=False)
    table.add_column("Article", overflow="fold")
    table.add_column("Published", overflow="fold")
    table.add_column("Outlet", overflow="fold")
    table.add_column("Events", no_wrap=True, justify="right")
    for a in timeline.articles:
        p, o = a.published, a.provenance
        article = Text(a.id)
        if a.title:
            article.append(f"\n{a.title}", style="dim")
        dated = Text(p.date.isoformat() if p.date else "undated")
        dated.append(f"\n{p.rule}: {p.evidence}" if p.rule else f"\n{p.reason or ''}", "dim")
        outlet = Text(shown(o) or "")
        if o.rule:
            # "Gulf Daily (AFP)", then how it was read: "dateline-credit: KARVANA (AFP) -"
            outlet.append(f"\n{o.rule}: {o.evidence}", style="dim")
        told = f"{a.events}" + (f"\n{len(a.entries)} entries" if a.entries else "")
        table.add_row(article, dated, outlet, told)
    return table


def updates_table(timeline: Timeline) -> RenderableType:
    """Every live-blog entry with its resolved timestamp and first sentence."""
    from rich.table import Table

    table = Table(pad_edge=False)
    for name in ("Article", "Entry", "Timestamp", "First sentence"):
        table.add_column(name, overflow="fold", no_wrap=name in _UNBROKEN)
    for a in timeline.articles:
        for e in a.entries:
            stamp = "undated"
            if e.when:
                clock = clock_words(e.when)
                stamp = e.when.value + (f" {clock}" if clock else "")
            table.add_row(a.id, e.entry.label, stamp, e.lead)
    return table


def articles_sections(timeline: Timeline) -> Sections:
    """The ``articles`` listing as data: the schema's article fields and three more."""

    def row(a: ArticleReport) -> dict[str, Any]:
        data = article_data(a)
        data.update(undated_reason=a.published.reason, entries=len(a.entries), events=a.events)
        return data

    return [("articles", (row(a) for a in timeline.articles))]


def updates_sections(timeline: Timeline) -> Sections:
    """The ``updates`` listing as data."""
    rows = (
        {
            "article": a.id,
            "entry": e.entry.label,
            "date": e.when.value if e.when else None,
            "time": e.when.time if e.when else None,
            "at": e.when.at if e.when else None,
            "zone": e.when.zone if e.when else None,
            "first_sentence": e.lead,
        }
        for a in timeline.articles
        for e in a.entries
    )
    return [("updates", rows)]


def anchor_data(anchor: Anchor | None) -> dict[str, Any] | None:
    """What a value was resolved against, as data."""
    if anchor is None:
        return None
    return {
        "kind": anchor.kind.value,
        "date": anchor.date.isoformat(),
        "time": anchor.time.strftime("%H:%M") if anchor.time else None,
        "label": anchor.label,
    }


def expression_data(file: str, r: Resolution) -> dict[str, Any]:
    """One tagged expression as data."""
    return {
        "file": file,
        "start": r.mention.start,
        "end": r.mention.end,
        "text": r.mention.text,
        "type": r.type.value,
        "value": r.value,
        "mod": r.mod,
        "rule": f"{r.mention.rule}/{r.rule}",
        "anchor": anchor_data(r.anchor),
    }


def tags_jsonl(tagged: Iterable[Tagged]) -> str:
    """One JSON object per expression, one per line."""
    lines = [
        json.dumps(expression_data(t.article.path, r), ensure_ascii=False)
        for t in tagged
        for r in t.resolutions
    ]
    return "".join(line + "\n" for line in lines)


def tags_table(tagged: Iterable[Tagged]) -> RenderableType:
    """Every expression with its value, the rule that produced it and its anchor."""
    from rich.console import Group
    from rich.table import Table

    tables: list[RenderableType] = []
    for t in tagged:
        p = t.published
        dated = f"published {p.date} ({p.rule})" if p.date else f"undated: {p.reason}"
        table = Table(title=f"{t.article.path}: {dated}", title_justify="left", pad_edge=False)
        for name in ("Expression", "Type", "Value", "Mod", "Rule", "Anchor"):
            table.add_column(name, overflow="fold")
        for r in t.resolutions:
            anchor = ""
            if r.anchor:
                clock = f" {r.anchor.time:%H:%M}" if r.anchor.time else ""
                anchor = f"{r.anchor.date}{clock} ({r.anchor.label})"
            table.add_row(
                r.mention.text,
                r.type.value,
                r.value,
                r.mod or "",
                f"{r.mention.rule}/{r.rule}",
                anchor,
            )
        tables.append(table)
    return Group(*tables)


def explain_sections(timeline: Timeline) -> Sections:
    """The events of ``timeline`` with the chain behind each source's date."""
    dates = publications(timeline)
    return [("events", (event_explanation(e, dates) for e in timeline.events))]


def explain_table(timeline: Timeline) -> RenderableType:
    """Each event, then each source: where it stands, its words and how its date was
    reached."""
    from rich.console import Group
    from rich.text import Text

    from syriatl.labels import event_date_label

    dates = publications(timeline)
    lines: list[RenderableType] = []
    for event in timeline.events:
        lines.append(Text(f"{event.id}  {event_date_label(event)}", style="bold"))
        lines.append(Text(event.text))
        lines.extend(Text(f"correction: {label}") for label in event.corrections)
        for heading, sources in (("source", event.sources), ("conflict", event.conflicts)):
            for source in sources:
                where = f" ({source.outlet})" if source.outlet else ""
                entry = f", {source.entry}" if source.entry else ""
                lines.append(Text(f"{heading}: {source.article}{where}, line {source.line}{entry}"))
                lines.append(Text(f"  {source.quote}", style="italic"))
                lines.append(Text(f"  {chain(source, dates.get(source.article))}", style="dim"))
    return Group(*lines)


# ---- the layout view ------------------------------------------------------------------

# Classes shown dim: what the layout set aside, and what gives no event.
_ASIDE = frozenset({"chrome", "comment", "comment-stamp", "embed-signature"})


def layout_blocks(analysis: Analysis) -> list[dict[str, Any]]:
    """Every block of an article in order: its line in the file, its class, its text on
    one line (an entry with its header)."""
    text, offset = analysis.article.text, analysis.article.line_offset
    blocks = []
    for s in analysis.layout.segments:
        start = s.entry.start if s.kind is SegmentKind.ENTRY and s.entry else s.start
        words = " ".join(text[start : s.end].split())
        blocks.append({"line": s.line + offset, "class": s.kind.value, "text": words})
    return blocks


def _set_aside(analysis: Analysis) -> float:
    return round(float(set_aside_share(analysis.article.text, analysis.layout)), 2)


def layout_sections(analyses: Iterable[Analysis]) -> Sections:
    """The layout of each file as data: path, share of the story set aside, blocks."""
    files = (
        {"path": a.article.path, "set_aside": _set_aside(a), "blocks": layout_blocks(a)}
        for a in analyses
    )
    return [("files", files)]


def layout_text(analyses: Iterable[Analysis]) -> Iterator[str]:
    """The layout as plain lines, ``LINE  CLASS  TEXT``; a ``==> PATH <==`` line heads
    each file when there are several."""
    analyses = list(analyses)
    for a in analyses:
        if len(analyses) > 1:
            yield f"==> {a.article.path} <==\n"
        for b in layout_blocks(a):
            yield f"{b['line']:>5}  {b['class']:<15}  {b['text']}\n"


def layout_table(analyses: Iterable[Analysis]) -> RenderableType:
    """One table per file: line, class and text of each block; what was set aside dim."""
    from rich.console import Group
    from rich.table import Table

    tables: list[RenderableType] = []
    for a in analyses:
        share = f"{_set_aside(a):.0%} of the story's words set aside as chrome or comments"
        table = Table(title=f"{a.article.path}: {share}", title_justify="left", pad_edge=False)
        table.add_column("Line", justify="right", no_wrap=True)
        table.add_column("Class", no_wrap=True)
        table.add_column("Text", overflow="fold")
        for b in layout_blocks(a):
            style = "dim" if b["class"] in _ASIDE else ""
            table.add_row(str(b["line"]), b["class"], b["text"], style=style)
        tables.append(table)
    return Group(*tables)


Renderer = Callable[[Timeline], "Iterator[str] | RenderableType"]


def _events_table(timeline: Timeline, explain: bool = False) -> RenderableType:
    from syriatl.table import events_table

    return events_table(timeline, explain)


_SECTIONS: dict[str, Callable[[Timeline], Sections]] = {
    "build": timeline_sections,
    "build-explained": partial(timeline_sections, explain=True),
    "explain": explain_sections,
    "articles": articles_sections,
    "updates": updates_sections,
}
_TABLES: dict[str, Callable[[Timeline], RenderableType]] = {
    "build": _events_table,
    "build-explained": partial(_events_table, explain=True),
    "explain": explain_table,
    "articles": articles_table,
    "updates": updates_table,
}


def _machine(
    sections: Callable[[Timeline], Sections], chunks: Callable[[Sections], Iterator[str]]
) -> Renderer:
    return lambda timeline: chunks(sections(timeline))


def _page(timeline: Timeline) -> Iterator[str]:
    """The build as one web page, every source with its date chain (``syriatl.export.page``)."""
    from syriatl.export.page import page

    yield page(timeline, publications(timeline))


def _sheet(timeline: Timeline, explain: bool = False) -> Iterator[str]:
    """The build as CSV, one row per source (``syriatl.export.sheet``); with ``explain``
    each row ends with its source's date chain."""
    from syriatl.export.sheet import chunks

    return chunks(timeline, publications(timeline) if explain else None)


def _timelinejs(timeline: Timeline) -> Iterator[str]:
    """The build as TimelineJS3 data (``syriatl.export.timelinejs``)."""
    from syriatl.export.timelinejs import chunks

    return chunks(timeline)


def _calendar(timeline: Timeline) -> Iterator[str]:
    """The build as an iCalendar file (``syriatl.export.ical``)."""
    from syriatl.export.ical import chunks

    return chunks(timeline)


def _markdown(timeline: Timeline) -> Iterator[str]:
    """The build as Markdown notes (``syriatl.export.markdown``)."""
    from syriatl.export.markdown import chunks

    return chunks(timeline)


# The formats only ``build`` writes: the whole chronology for another tool or reader.
EXPORTS: dict[str, dict[str, Renderer]] = {
    command: {
        "html": _page,
        "csv": partial(_sheet, explain=command == "build-explained"),
        "timelinejs": _timelinejs,
        "ics": _calendar,
        "markdown": _markdown,
    }
    for command in ("build", "build-explained")
}

RENDERERS: dict[str, dict[str, Renderer]] = {
    command: {
        "table": _TABLES[command],
        "yaml": _machine(_SECTIONS[command], yaml_chunks),
        "json": _machine(_SECTIONS[command], json_chunks),
        **EXPORTS.get(command, {}),
    }
    for command in _SECTIONS
}
