"""Rendering: streamed machine output is byte for byte one dump of the whole; dates show
at their own precision."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from syriatl.explain import chain
from syriatl.labels import date_label, dissent_line, event_date_label, period_of, periods
from syriatl.model import (
    Anchor,
    AnchorKind,
    Basis,
    Event,
    Happening,
    Precision,
    Published,
    Source,
    Status,
    Timeline,
    When,
)
from syriatl.pipeline import build_timeline
from syriatl.render import event_data, json_chunks, timeline_data, timeline_sections, yaml_chunks
from syriatl.table import event_cell, events_table, outlets_cell
from syriatl.timex import span

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("case", ["liveblog", "wire"])
def test_streamed_yaml_and_json_equal_one_dump_of_the_whole(case: str) -> None:
    timeline = build_timeline([str(GOLDEN / case)]).timeline
    whole = timeline_data(timeline)
    assert "".join(yaml_chunks(timeline_sections(timeline))) == yaml.safe_dump(
        whole, sort_keys=False, allow_unicode=True, width=1 << 30, default_flow_style=False
    )
    assert "".join(json_chunks(timeline_sections(timeline))) == (
        json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    )


def test_empty_lists_stream_like_one_dump() -> None:
    sections = [("events", iter(())), ("problems", iter(()))]
    assert "".join(yaml_chunks(sections)) == "events: []\nproblems: []\n"
    assert json.loads("".join(json_chunks([("events", iter(()))]))) == {"events": []}


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "modifier", "label"),
    [
        # 24 Jan 2017 was a Tuesday (1 Jan 2017 a Sunday, + 23 days).
        ("2017-01-24", Precision.DAY, (2017, 1, 24), (2017, 1, 24), None, "Tue 24 Jan 2017"),
        ("2017-02", Precision.MONTH, (2017, 2, 1), (2017, 2, 28), None, "Feb 2017"),
        ("2016-08", Precision.MONTH, (2016, 8, 1), (2016, 8, 31), "late", "late Aug 2016"),
        ("2016-SU", Precision.SEASON, (2016, 6, 1), (2016, 8, 31), None, "Summer 2016"),
        ("2016-W50-WE", Precision.WEEK, (2016, 12, 17), (2016, 12, 18), None, "17-18 Dec 2016"),
        ("2017-W04", Precision.WEEK, (2017, 1, 23), (2017, 1, 29), None, "week 23 Jan 2017"),
        ("2011", Precision.YEAR, (2011, 1, 1), (2011, 12, 31), None, "2011"),
    ],
)
def test_dates_show_at_their_own_precision(
    value: str, precision: Precision, start: tuple[int, int, int], end: tuple[int, int, int],
    modifier: str | None, label: str,
) -> None:  # fmt: skip
    when = When(value, precision, dt.date(*start), dt.date(*end), None, modifier)
    assert date_label(when) == label


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-01-24", ("2017-01", "January 2017")),
        # ISO week 52 of 2016 starts on Monday 26 Dec 2016 (1 Jan 2017 was a Sunday).
        ("2016-W52", ("2016-12", "December 2016")),
        # Week 1 of 2017 starts on Monday 2 Jan 2017, the day after that Sunday.
        ("2017-W01", ("2017-01", "January 2017")),
        ("2016-08", ("2016-08", "August 2016")),
        # Coarser than a month: listed under the year its span starts in.
        ("2016-WI", ("2016", "2016")),
        ("2017-H2", ("2017", "2017")),
        ("2011", ("2011", "2011")),
    ],
)
def test_dates_are_listed_under_their_month_or_year(value: str, expected: tuple[str, str]) -> None:
    found = span(value)
    assert found is not None
    start, end, precision = found
    assert period_of(When(value, precision, start, end)) == expected


# ---- the events table -------------------------------------------------------------------
# Weekdays: 1 Mar 2019 was a Friday (1 Jan 2019 a Tuesday, + 59 days = 8 weeks + 3 days),
# so 2 Mar a Saturday, 3 Mar a Sunday, 7 Mar a Thursday; 1 Apr 2019 a Monday (+ 31 days =
# 4 weeks + 3 days from Friday), so 2 Apr a Tuesday.


def on(value: str, clock: str | None = None) -> When:
    date = dt.date.fromisoformat(value)
    return When(value, Precision.TIME if clock else Precision.DAY, date, date, clock)


def said(article: str, site: str | None = None, origin: str | None = None, *,
         when: When | None = None, caption: bool = False, basis: Basis = Basis.TEXT,
         text: str = "The truce came into force.", line: int = 3) -> Source:  # fmt: skip
    """A source as an article tells it: its id, its site and wire origin."""
    return Source(
        article=article,
        quote=f"Monitors said that {text[0].lower()}{text[1:]}",
        expression=None if basis is Basis.REPORTED else "on Sunday",
        rule="r",
        line=line,
        when=when or on("2019-03-03"),
        outlet=site,
        origin=origin,
        happening=Happening(text),
        basis=basis,
        caption=caption,
    )


@pytest.mark.parametrize(
    ("sources", "shown"),
    [
        ([said("kp-1", "Karvana Post")], "Karvana Post"),
        # Two sentences of one article, and two articles of one site: one origin.
        ([said("kp-1", "Karvana Post"), said("kp-1", "Karvana Post", line=5)], "Karvana Post"),
        ([said("kp-1", "Karvana Post"), said("kp-2", "Karvana Post")], "Karvana Post"),
        # An article with no outlet is its own origin, named by its id.
        ([said("a-1"), said("a-2")], "2 origins: a-1, a-2"),
        (
            [said("kp-1", "Karvana Post"), said("on-1", "Ostrel News")],
            "2 origins: Karvana Post, Ostrel News",
        ),
        # One wire story on two sites is one origin on two sites.
        (
            [
                said("gd-1", "Gulf Daily", "Velmora Wire"),
                said("vt-1", "Velmora Times", "Velmora Wire"),
            ],
            "1 origin: Velmora Wire via Gulf Daily, Velmora Times",
        ),
        (
            [
                said("gd-1", "Gulf Daily", "Velmora Wire"),
                said("vt-1", "Velmora Times", "Velmora Wire"),
                said("kp-1", "Karvana Post"),
            ],
            "2 origins: Velmora Wire via Gulf Daily, Velmora Times; Karvana Post",
        ),
        # The site is its own origin: no "via".
        ([said("kp-1", "Karvana Post", "Karvana Post")], "Karvana Post"),
        # A wire credit on a page with no site name.
        ([said("a-1", None, "Velmora Wire")], "Velmora Wire via a-1"),
        # A site seen only in a caption says so; a caption beside a story sentence does not.
        (
            [said("kp-1", "Karvana Post", caption=True), said("on-1", "Ostrel News")],
            "2 origins: Karvana Post (caption), Ostrel News",
        ),
        (
            [said("kp-1", "Karvana Post", caption=True), said("kp-1", "Karvana Post")],
            "Karvana Post",
        ),
    ],
)
def test_outlets_are_named_and_counted_by_origin(sources: list[Source], shown: str) -> None:
    assert outlets_cell(sources).plain == shown


def test_a_caption_only_outlet_and_a_caption_only_event_are_dim() -> None:
    cell = outlets_cell([said("on-1", "Ostrel News"), said("kp-1", "Karvana Post", caption=True)])
    dim = [cell.plain[s.start : s.end] for s in cell.spans if s.style == "dim"]
    assert dim == ["Karvana Post (caption)"]
    event = Event(
        on("2019-03-03"), "Smoke over Tamsin", (said("kp-1", "Karvana Post", caption=True),)
    )
    text = event_cell(event, None)
    assert [text.plain[s.start : s.end] for s in text.spans if s.style == "dim"] == [
        "Smoke over Tamsin"
    ]


@pytest.mark.parametrize(
    ("conflicts", "shown"),
    [
        ([], ""),
        ([said("ow-1", "Ostrel Wire", when=on("2019-03-02"))], "other dates: 2 Mar (Ostrel Wire)"),
        # Two sites of one wire copy are one name; another year shows its year.
        (
            [
                said("gd-1", "Gulf Daily", "Velmora Wire", when=on("2019-03-02")),
                said("vt-1", "Velmora Times", "Velmora Wire", when=on("2019-03-02")),
                said("kp-1", "Karvana Post", when=on("2018-03-04", "11:30")),
            ],
            "other dates: 2 Mar (Velmora Wire), 4 Mar 2018 11:30 UTC (Karvana Post)",
        ),
    ],
)
def test_dissenting_dates_are_brief(conflicts: list[Source], shown: str) -> None:
    event = Event(on("2019-03-03"), "The truce came into force", (said("kp-2", "Karvana Post"),),
                  tuple(conflicts))  # fmt: skip
    assert dissent_line(event) == shown


@pytest.mark.parametrize(
    ("basis", "status", "date", "text"),
    [
        (Basis.TEXT, Status.HAPPENED, "Sun 3 Mar 2019", "Talks opened"),
        (Basis.REPORTED, Status.HAPPENED, "reported Sun 3 Mar 2019", "Talks opened"),
        (Basis.TEXT, Status.PLANNED, "Sun 3 Mar 2019", "[planned] Talks opened"),
        (Basis.REPORTED, Status.CLAIMED, "reported Sun 3 Mar 2019", "[claimed] Talks opened"),
    ],
)
def test_reported_dates_and_status_tags(basis: Basis, status: Status, date: str, text: str) -> None:
    event = Event(on("2019-03-03"), "Talks opened", (said("kp-1"),), status=status, basis=basis)
    assert (event_date_label(event), event_cell(event, None).plain) == (date, text)


LONG = "2019-03-07_karvana-post-live-updates-on-the-ostrel-truce"  # 56 characters
TRUCE = Event(
    on("2019-03-03"),
    "The truce came into force at midnight",
    (said("gd-0303", "Gulf Daily", "Velmora Wire"), said("vt-0303", "Velmora Times", "Velmora Wire"),
     said("kp-0303", "Karvana Post")),
    (said("ow-0302", "Ostrel Wire", when=on("2019-03-02")),),
)  # fmt: skip


def envoys(article: str) -> Event:
    source = said(article, when=on("2019-03-07"), basis=Basis.REPORTED)
    return Event(on("2019-03-07"), "Envoys will meet in Ostrel", (source,),
                 status=Status.PLANNED, basis=Basis.REPORTED)  # fmt: skip


SHELLING = Event(
    on("2019-04-02"),
    "Rebels shelled Tamsin",
    (said("kp-0402", "Karvana Post", when=on("2019-04-02"), caption=True),),
    status=Status.CLAIMED,
)


def shown(events: tuple[Event, ...], width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(events_table(Timeline((), events, ())))
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())


# At 80 columns: the date column is 16 wide (a fifth of 80; "reported" goes above the
# date), the event text 34 (three fifths of the 58 left), the outlets the other 24, with
# lines broken only between names.
AT_80 = """\
Mar 2019
Date             ┃ Event                              ┃ Outlets
━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━
Sun 3 Mar 2019   │ The truce came into force at       │ 2 origins:
                 │ midnight                           │ Velmora Wire via
                 │ other dates: 2 Mar (Ostrel Wire)   │ Gulf Daily,
                 │                                    │ Velmora Times;
                 │                                    │ Karvana Post
reported         │ [planned] Envoys will meet in      │ kp-0307
Thu 7 Mar 2019   │ Ostrel                             │
Apr 2019
Tue 2 Apr 2019   │ [claimed] Rebels shelled Tamsin    │ Karvana Post (caption)"""

# A 56-character id cannot share 80 columns with the text (58 are left beside the date):
# the outlets go under the text, the id whole on its line (5 + 56 = the 61 columns left).
LONG_AT_80 = """\
Mar 2019
Date             ┃ Event
━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
Sun 3 Mar 2019   │ The truce came into force at midnight
                 │ other dates: 2 Mar (Ostrel Wire)
                 │ from 2 origins: Velmora Wire via Gulf Daily, Velmora Times;
                 │ Karvana Post
reported         │ [planned] Envoys will meet in Ostrel
Thu 7 Mar 2019   │ from 2019-03-07_karvana-post-live-updates-on-the-ostrel-truce
Apr 2019
Tue 2 Apr 2019   │ [claimed] Rebels shelled Tamsin
                 │ from Karvana Post (caption)"""

# At 120: the date column takes its longest label (23, under a fifth of 120), the
# outlets the long id (56), the text the 35 left of the 91 beside the date.
LONG_AT_120 = """\
Mar 2019
Date                    ┃ Event                               ┃ Outlets
━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
Sun 3 Mar 2019          │ The truce came into force at        │ 2 origins: Velmora Wire via Gulf Daily, Velmora Times;
                        │ midnight                            │ Karvana Post
                        │ other dates: 2 Mar (Ostrel Wire)    │
reported Thu 7 Mar 2019 │ [planned] Envoys will meet in       │ 2019-03-07_karvana-post-live-updates-on-the-ostrel-truce
                        │ Ostrel                              │
Apr 2019
Tue 2 Apr 2019          │ [claimed] Rebels shelled Tamsin     │ Karvana Post (caption)"""


@pytest.mark.parametrize(
    ("events", "width", "table"),
    [
        ((TRUCE, envoys("kp-0307"), SHELLING), 80, AT_80),
        ((TRUCE, envoys(LONG), SHELLING), 80, LONG_AT_80),
        ((TRUCE, envoys(LONG), SHELLING), 120, LONG_AT_120),
    ],
)
def test_events_table_at_its_width(events: tuple[Event, ...], width: int, table: str) -> None:
    assert shown(events, width) == table


def _season(value: str, text: str) -> Event:
    found = span(value)
    assert found is not None
    start, end, precision = found
    return Event(When(value, precision, start, end), text, (said("kp-s", "Karvana Post"),))


def test_a_date_coarser_than_a_month_stays_in_its_year_s_table() -> None:
    # Summer 2019 (from 1 Jun) sorts after Tue 2 Apr 2019 and stays in April's table:
    # 2019 is not titled a second time. 2020 has no table yet, so it starts one.
    events = (TRUCE, SHELLING, _season("2019-SU", "Crops failed"), _season("2020", "Talks"))
    titles = [line for line in shown(events, 80).split("\n") if line and line[0] != " "]
    titles = [t for t in titles if "│" not in t and "┃" not in t and "━" not in t]
    assert titles == ["Mar 2019", "Apr 2019", "2020"]


def test_every_format_heads_a_year_once() -> None:
    # The headings of the web page and Markdown, from one rule: the same runs as above.
    events = (TRUCE, SHELLING, _season("2019-SU", "Crops failed"), _season("2020", "Talks"))
    assert [(words, len(run)) for (_, words), run in periods(events)] == [
        ("March 2019", 1), ("April 2019", 2), ("2020", 1)
    ]  # fmt: skip


def test_no_line_of_the_table_is_wider_than_the_console_nor_breaks_an_id() -> None:
    events = (TRUCE, envoys(LONG), SHELLING)
    for width in (80, 90, 100, 110, 120, 160):
        lines = shown(events, width).split("\n")
        assert max(len(line) for line in lines) <= width
        assert any(LONG in line for line in lines)


# ---- the schema ---------------------------------------------------------------------------


def test_schema_version_comes_first_streamed_in_yaml_and_json() -> None:
    sections = timeline_sections(Timeline((), (TRUCE,), ()))
    assert next(iter(yaml_chunks(sections))) == "schema_version: 3\n"
    assert "".join(json_chunks(sections)).startswith('{\n  "schema_version": 3,\n  "articles": []')
    assert list(yaml.safe_load("".join(yaml_chunks(sections)))) == [
        "schema_version", "articles", "events", "problems",
    ]  # fmt: skip


def test_events_and_sources_carry_kind_status_basis_outlet_origin_caption() -> None:
    source = said("gd-0303", "Gulf Daily", "Velmora Wire", caption=True,
                  text="The truce came into force")  # fmt: skip
    source = replace(source, happening=Happening("The truce came into force", "taking-effect"))
    event = Event(on("2019-03-03"), "The truce came into force", (source,), (),
                  dt.date(2019, 3, 4), "ev-1", "taking-effect", Status.CLAIMED, Basis.TEXT)  # fmt: skip
    data = event_data(event)
    assert list(data) == [
        "id", "date", "time", "at", "zone", "precision", "modifier", "reported", "text",
        "kind", "status", "basis", "sources", "conflicts",
    ]  # fmt: skip
    assert (data["kind"], data["status"], data["basis"]) == ("taking-effect", "claimed", "text")
    assert data["sources"] == [
        {
            "article": "gd-0303",
            "outlet": "Gulf Daily",
            "origin": "Velmora Wire",
            "text": "The truce came into force",
            "kind": "taking-effect",
            "quote": "Monitors said that the truce came into force",
            "expression": "on Sunday",
            "rule": "r",
            "line": 3,
            "entry": None,
            "basis": "text",
            "caption": True,
        }
    ]


def test_a_reported_source_says_the_report_dates_it() -> None:
    source = said("kp-0307", when=on("2019-03-07"), basis=Basis.REPORTED)
    anchor = Anchor(AnchorKind.PUBLISHED, dt.date(2019, 3, 7), None, "published (date-line)")
    source = replace(source, rule="reported", anchor=anchor)
    published = Published(dt.date(2019, 3, 7), "date-line", "March 7, 2019")
    assert chain(source, published) == (
        "no date word: reported on the day of publication -> reported -> anchor: publication "
        "date 2019-03-07, dated by date-line: March 7, 2019 -> 2019-03-07"
    )
