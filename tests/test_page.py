"""The web page (``build --format html``): grouped by month, every text escaped, nothing
fetched, the events marked as the table marks them, the problems listed."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.export.page import datetime_attr, outlets_line, page, period

Corpus = Callable[[dict[str, str | bytes]], Path]


def source(**fields: Any) -> dict[str, Any]:
    """A source as schema data, told by article ``a`` of no named outlet unless given."""
    data: dict[str, Any] = {
        "article": "a", "outlet": None, "origin": None, "text": "t", "kind": "other",
        "quote": "The quote.", "expression": "Tuesday", "rule": "weekday/weekday:past",
        "line": 3, "entry": None, "basis": "text", "caption": False,
    }  # fmt: skip
    return data | fields


def event(**fields: Any) -> dict[str, Any]:
    """An event as schema data: Tue 24 Jan 2017, one source, unless given otherwise."""
    data: dict[str, Any] = {
        "id": "ev-1", "date": "2017-01-24", "time": None, "at": None, "zone": None,
        "precision": "day", "modifier": None, "reported": "2017-01-25", "text": "Talks ended.",
        "kind": "talks", "status": "happened", "basis": "text", "sources": [source()],
        "conflicts": [],
    }  # fmt: skip
    return data | fields


def timeline(*events: dict[str, Any], problems: tuple[dict[str, Any], ...] = ()) -> dict[str, Any]:
    return {"schema_version": 3, "articles": [{}], "events": list(events), "problems": problems}


class Tags(HTMLParser):
    """Every start tag of a document, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(document: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(document)
    return parser.tags


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"date": "2017-01-24", "precision": "day"}, "2017-01-24"),
        # A known zone: the instant in UTC; an unknown one: the local date and clock.
        ({"precision": "time", "time": "21:00", "at": "2017-01-24T21:00:00Z"},
         "2017-01-24T21:00:00Z"),
        ({"precision": "time", "time": "18:00", "zone": "local"}, "2017-01-24T18:00"),
        ({"date": "2017-W04", "precision": "week"}, "2017-W04"),
        ({"date": "2016-W50-WE", "precision": "week"}, "2016-W50"),  # a weekend: its week
        ({"date": "2017-02", "precision": "month"}, "2017-02"),
        ({"date": "2016-SU", "precision": "season"}, "2016"),  # HTML has no seasons
        ({"date": "2017-Q2", "precision": "quarter"}, "2017"),
        ({"date": "2011", "precision": "year"}, "2011"),
    ],
)  # fmt: skip
def test_time_elements_carry_a_valid_html_datetime(fields: dict[str, Any], expected: str) -> None:
    assert datetime_attr(event(**fields)) == expected


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("2017-01-24", "day", ("2017-01", "January 2017")),
        # ISO week 52 of 2016 starts on Monday 26 Dec 2016 (1 Jan 2017 was a Sunday).
        ("2016-W52", "week", ("2016-12", "December 2016")),
        # Week 1 of 2017 starts on Monday 2 Jan 2017, the day after that Sunday.
        ("2017-W01", "week", ("2017-01", "January 2017")),
        ("2016-08", "month", ("2016-08", "August 2016")),
        # Coarser than a month: listed under the year its span starts in.
        ("2016-WI", "season", ("2016", "2016")),
        ("2017-H2", "half", ("2017", "2017")),
        ("2011", "year", ("2011", "2011")),
    ],
)
def test_events_are_listed_under_their_month_or_year(
    date: str, precision: str, expected: tuple[str, str]
) -> None:
    assert period(event(date=date, precision=precision)) == expected


WIRE = {"origin": "Velmora Wire"}


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ([source(outlet="Karvana Post")], "Karvana Post"),
        ([source(outlet="Karvana Post"), source(article="b", outlet="Karvana Post")],
         "Karvana Post"),
        ([source()], "a"),  # no outlet named: the article's id
        ([source(outlet="Karvana Post"), source(article="b", outlet="Ostrel News")],
         "2 origins: Karvana Post, Ostrel News"),
        # Wire copy on two sites counts once, and a separate telling a second time.
        ([source(outlet="Gulf Daily", **WIRE), source(article="b", outlet="Velmora Times", **WIRE),
          source(article="c", outlet="Karvana Post")],
         "2 origins: Velmora Wire via Gulf Daily, Velmora Times; Karvana Post"),
        ([source(outlet="Karvana Post", caption=True)], "Karvana Post (caption)"),
    ],
)  # fmt: skip
def test_outlets_are_counted_by_origin(sources: list[dict[str, Any]], expected: str) -> None:
    assert outlets_line(sources) == expected


def test_events_are_grouped_by_month_in_order() -> None:
    document = page(
        timeline(
            event(id="ev-a", date="2016-08", precision="month"),
            event(id="ev-b", date="2017-01-03"),
            event(id="ev-c", date="2017-01-24"),
            event(id="ev-d", date="2017-02-01"),
        )
    )
    sections = document.split('<section class="period">')[1:]
    headings = [s.split("</h2>")[0] for s in sections]
    assert headings == [
        '\n<h2><time datetime="2016-08">August 2016</time>',
        '\n<h2><time datetime="2017-01">January 2017</time>',
        '\n<h2><time datetime="2017-02">February 2017</time>',
    ]
    ids = [[a["id"] for t, a in tags(s) if t == "article"] for s in sections]
    assert ids == [["ev-a"], ["ev-b", "ev-c"], ["ev-d"]]


HOSTILE = '<script>alert("x")</script> & <b>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;"


@pytest.mark.parametrize(
    "fields",
    [
        {"text": HOSTILE},
        {"kind": HOSTILE},
        {"id": HOSTILE},
        {"sources": [source(quote=HOSTILE)]},
        {"sources": [source(outlet=HOSTILE)]},
        {"sources": [source(article=HOSTILE)]},
        {"sources": [source(entry=HOSTILE)]},
        {"sources": [source(explanation=HOSTILE)]},
    ],
)
def test_every_text_is_escaped(fields: dict[str, Any]) -> None:
    document = page(timeline(event(**fields)))
    assert ESCAPED in document
    assert "<script>alert" not in document
    assert [t for t, _ in tags(document)].count("script") == 1  # the page's own
    assert "<b>" not in document


def test_problems_are_listed_and_escaped() -> None:
    problems = (
        {"article": "old", "path": "in/old.txt", "problem": "undated: no date line"},
        {"article": "x&y", "path": "", "problem": "not UTF-8 <binary?>"},
    )
    document = page(timeline(event(), problems=problems))
    listed = document.split('<section id="problems">')[1].split("</section>")[0]
    assert listed == (
        "\n<h2>Problems (2)</h2>\n<ul>\n"
        "<li><code>in/old.txt</code>: undated: no date line</li>\n"
        "<li><code>x&amp;y</code>: not UTF-8 &lt;binary?&gt;</li>\n"
        "</ul>\n"
    )


def test_nothing_is_fetched() -> None:
    url = "https://example.org/story?a=1"
    document = page(timeline(event(text=f"see {url}", sources=[source(quote=url)])))
    links = [
        (tag, name, value)
        for tag, attrs in tags(document)
        for name, value in attrs.items()
        if name in ("src", "href", "action", "data", "poster", "srcset", "formaction")
    ]
    assert links == [("a", "href", "#problems")]  # in-page only
    assert "url(" not in document.split("<style>")[1].split("</style>")[0]
    assert "@import" not in document
    policy = next(a["content"] for t, a in tags(document) if a.get("http-equiv"))
    assert policy is not None
    assert policy.startswith("default-src 'none'; ")


@pytest.mark.parametrize(
    ("fields", "classes", "date", "tag"),
    [
        ({}, "event", "Tue 24 Jan 2017", None),  # 1 Jan 2017 a Sunday, + 23 days
        ({"status": "planned"}, "event planned", "Tue 24 Jan 2017", "[planned]"),
        ({"status": "claimed"}, "event claimed", "Tue 24 Jan 2017", "[claimed]"),
        ({"basis": "reported"}, "event reported", "reported Tue 24 Jan 2017", None),
        ({"sources": [source(caption=True)]}, "event caption", "Tue 24 Jan 2017", None),
        ({"date": "2017-01", "precision": "month", "modifier": "late"}, "event",
         "late Jan 2017", None),
    ],
)  # fmt: skip
def test_events_are_marked_as_the_table_marks_them(
    fields: dict[str, Any], classes: str, date: str, tag: str | None
) -> None:
    document = page(timeline(event(**fields)))
    article = document.split("<article ")[1].split("</article>")[0]
    assert f'class="{classes}"' in article
    assert f">{date}</time>" in article
    assert (f'<span class="tag">{tag}</span>' in article) if tag else ('class="tag"' not in article)


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({}, "<code>a</code>, line 3"),
        ({"outlet": "Karvana Post"}, "Karvana Post &middot; <code>a</code>, line 3"),
        ({"outlet": "Gulf Daily", "origin": "AFP", "entry": "UPDATE 1130 GMT"},
         "Gulf Daily (AFP) &middot; <code>a</code>, line 3 &middot; UPDATE 1130 GMT"),
        ({"caption": True}, "<code>a</code>, line 3 &middot; photo caption"),
    ],
)  # fmt: skip
def test_each_source_says_where_it_stands(fields: dict[str, Any], where: str) -> None:
    document = page(timeline(event(sources=[source(**fields)])))
    assert f'<p class="where">{where}</p>' in document


def test_sources_and_dissent_are_behind_a_disclosure() -> None:
    told = source(outlet="Karvana Post", quote="Talks ended on Tuesday.", explanation="chain-1")
    # Mon 23 Jan 2017: the day before the event's Tuesday.
    other = source(article="b", outlet="Ostrel News", date="2017-01-23", quote="On Monday.")
    document = page(timeline(event(sources=[told], conflicts=[other])))
    assert '<p class="dissent">other dates: 23 Jan (Ostrel News)</p>' in document
    details = document.split("<details>")[1].split("</details>")[0]
    assert details.startswith("<summary>1 source, 1 with another date</summary>")
    assert "<blockquote>Talks ended on Tuesday.</blockquote>" in details
    assert '<p class="chain">chain-1</p>' in details
    assert "<strong>puts it on Mon 23 Jan 2017:</strong>" in details
    assert "<blockquote>On Monday.</blockquote>" in details


def test_the_page_reads_without_its_script() -> None:
    document = page(timeline(event(text="Talks ended."), event(id="ev-2", text="Jets struck.")))
    # The filter only works with the script, which unhides it.
    assert '<p class="filter" id="filter" hidden>' in document
    assert document.count('<article class="event"') == 2
    assert '<p class="text">Talks ended.</p>' in document
    assert '<p class="text">Jets struck.</p>' in document


STORY = (
    "Ceasefire Holds in Ostrel\n\nJune 5, 2018\n\n"
    "Fighters shelled the Ostrel bridge on Sunday, residents said.\n\n"
    "Envoys will meet in Velmora on June 20 to discuss prisoner swaps & aid.\n"
)


def test_build_writes_the_same_page_every_time(corpus: Corpus, tmp_path: Path) -> None:
    folder = corpus({"story.txt": STORY, "undated.txt": "Notes\n\nThe market reopened.\n"})
    pages = []
    for n in (1, 2):
        out = tmp_path / f"page{n}.html"
        result = CliRunner().invoke(app, ["build", str(folder), "-f", "html", "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
    text = pages[0].decode("utf-8")
    # Tue 5 Jun 2018 (1 Jan 2018 a Monday, + 155 days): "Sunday" is 3 Jun, then 20 Jun.
    assert '<time datetime="2018-06-03">Sun 3 Jun 2018</time>' in text
    assert '<time datetime="2018-06-20">Wed 20 Jun 2018</time>' in text
    assert "<h2>Problems (1)</h2>" in text


@pytest.mark.parametrize("command", [["articles"], ["updates"], ["explain", "ev-1"]])
def test_only_build_writes_a_page(command: list[str], corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY})
    result = CliRunner().invoke(app, [*command, str(folder), "--format", "html"])
    assert result.exit_code == 2
    assert "html is a format of build only" in result.stderr
    assert result.stdout == ""
