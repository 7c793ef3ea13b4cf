"""The web page (``build --format html``): grouped by month, every text escaped, nothing
fetched, the events marked as the table marks them, the problems listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from handmade import event, source, timeline, when
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.explain import publications
from syriatl.export.page import datetime_attr, page
from syriatl.model import Anchor, AnchorKind, Basis, Event, Problem, Status, When

Corpus = Callable[[dict[str, str | bytes]], Path]


def document(*events: Event, problems: tuple[Problem, ...] = ()) -> str:
    """The page of ``events`` (told by article ``a``, published Wed 25 Jan 2017)."""
    built = timeline(*events, problems=problems)
    return page(built, publications(built))


class Tags(HTMLParser):
    """Every start tag of a document, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(text)
    return parser.tags


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (when("2017-01-24"), "2017-01-24"),
        # A known zone: the instant in UTC; an unknown one: the local date and clock.
        (when("2017-01-24", "time", time="21:00", at="2017-01-24T21:00:00Z"),
         "2017-01-24T21:00:00Z"),
        (when("2017-01-24", "time", time="18:00", zone="local"), "2017-01-24T18:00"),
        (when("2017-W04"), "2017-W04"),
        (when("2016-W50-WE"), "2016-W50"),  # a weekend: its week
        (when("2017-02"), "2017-02"),
        (when("2016-SU"), "2016"),  # HTML has no seasons
        (when("2017-Q2"), "2017"),
        (when("2011"), "2011"),
    ],
)  # fmt: skip
def test_time_elements_carry_a_valid_html_datetime(date: When, expected: str) -> None:
    assert datetime_attr(date) == expected


def test_events_are_grouped_by_month_in_order() -> None:
    text = document(
        event(id="ev-a", when=when("2016-08")),
        event(id="ev-b", when=when("2017-01-03")),
        event(id="ev-c", when=when("2017-01-24")),
        event(id="ev-d", when=when("2017-02-01")),
    )
    sections = text.split('<section class="period">')[1:]
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
        {"sources": (source(quote=HOSTILE),)},
        {"sources": (source(outlet=HOSTILE),)},
        {"sources": (source(article=HOSTILE),)},
        {"sources": (source(entry=HOSTILE),)},
        {"sources": (source(expression=HOSTILE),)},  # in the date chain
        {"conflicts": (source(article="b", origin=HOSTILE, when=when("2017-01-23")),)},
    ],
)
def test_every_text_is_escaped(fields: dict[str, Any]) -> None:
    text = document(event(**fields))
    assert ESCAPED in text
    assert "<script>alert" not in text
    assert [t for t, _ in tags(text)].count("script") == 1  # the page's own
    assert "<b>" not in text


def test_problems_are_listed_and_escaped() -> None:
    problems = (
        Problem("old", "undated: no date line", "in/old.txt"),
        Problem("x&y", "not UTF-8 <binary?>"),
    )
    text = document(event(), problems=problems)
    listed = text.split('<section id="problems">')[1].split("</section>")[0]
    assert listed == (
        "\n<h2>Problems (2)</h2>\n<ul>\n"
        "<li><code>in/old.txt</code>: undated: no date line</li>\n"
        "<li><code>x&amp;y</code>: not UTF-8 &lt;binary?&gt;</li>\n"
        "</ul>\n"
    )


def test_nothing_is_fetched() -> None:
    url = "https://example.org/story?a=1"
    text = document(event(text=f"see {url}", sources=(source(quote=url),)))
    links = [
        (tag, name, value)
        for tag, attrs in tags(text)
        for name, value in attrs.items()
        if name in ("src", "href", "action", "data", "poster", "srcset", "formaction")
    ]
    assert links == [("a", "href", "#problems")]  # in-page only
    assert "url(" not in text.split("<style>")[1].split("</style>")[0]
    assert "@import" not in text
    policy = next(a["content"] for t, a in tags(text) if a.get("http-equiv"))
    assert policy is not None
    assert policy.startswith("default-src 'none'; ")


@pytest.mark.parametrize(
    ("fields", "classes", "date", "tag"),
    [
        ({}, "event", "Tue 24 Jan 2017", None),  # 1 Jan 2017 a Sunday, + 23 days
        ({"status": Status.PLANNED}, "event planned", "Tue 24 Jan 2017", "[planned]"),
        ({"status": Status.CLAIMED}, "event claimed", "Tue 24 Jan 2017", "[claimed]"),
        ({"basis": Basis.REPORTED}, "event reported", "reported Tue 24 Jan 2017", None),
        ({"sources": (source(caption=True),)}, "event caption", "Tue 24 Jan 2017", None),
        ({"when": when("2017-01", modifier="late")}, "event", "late Jan 2017", None),
    ],
)  # fmt: skip
def test_events_are_marked_as_the_table_marks_them(
    fields: dict[str, Any], classes: str, date: str, tag: str | None
) -> None:
    article = document(event(**fields)).split("<article ")[1].split("</article>")[0]
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
    assert f'<p class="where">{where}</p>' in document(event(sources=(source(**fields),)))


def test_sources_and_dissent_are_behind_a_disclosure() -> None:
    # "Tuesday" read against the publication date, Wed 25 Jan 2017: the day before.
    published = Anchor(AnchorKind.PUBLISHED, dt.date(2017, 1, 25))
    told = source(outlet="Karvana Post", anchor=published)
    # Mon 23 Jan 2017: the day before the event's Tuesday.
    other = source(article="b", outlet="Ostrel News", when=when("2017-01-23"), quote="On Monday.")
    text = document(event(sources=(told,), conflicts=(other,)))
    assert '<p class="dissent">other dates: 23 Jan (Ostrel News)</p>' in text
    details = text.split("<details>")[1].split("</details>")[0]
    assert details.startswith("<summary>1 source, 1 with another date</summary>")
    assert "<blockquote>Talks ended on Tuesday.</blockquote>" in details
    # The chain names the publication date and the evidence that dated article a.
    assert (
        '<p class="chain">&quot;Tuesday&quot; -&gt; weekday/weekday:past -&gt; anchor: '
        "publication date 2017-01-25, dated by date-line: 2017-01-25 -&gt; 2017-01-24</p>"
    ) in details
    assert "<strong>puts it on Mon 23 Jan 2017:</strong>" in details
    assert "<blockquote>On Monday.</blockquote>" in details


@pytest.mark.parametrize(
    ("date", "said"),
    [
        # The event is Tue 24 Jan 2017 (1 Jan 2017 a Sunday, + 23 days); the dissent
        # gives the month only, with its modifier, as the table and the exports word it.
        (when("2017-01", modifier="late"), "late Jan 2017"),
        # Summer 2016: June to August 2016, a season in the year before the event's.
        (when("2016-SU", modifier="early"), "early Summer 2016"),
    ],
)
def test_a_dissenting_date_keeps_its_modifier(date: When, said: str) -> None:
    other = source(article="b", outlet="Ostrel News", when=date, quote="Late in January.")
    text = document(event(conflicts=(other,)))
    assert f'<p class="dissent">other dates: {said} (Ostrel News)</p>' in text
    assert f"<strong>puts it on {said}:</strong>" in text


def test_the_page_reads_without_its_script() -> None:
    text = document(event(text="Talks ended."), event(id="ev-2", text="Jets struck."))
    # The filter only works with the script, which unhides it.
    assert '<p class="filter" id="filter" hidden>' in text
    assert text.count('<article class="event"') == 2
    assert '<p class="text">Talks ended.</p>' in text
    assert '<p class="text">Jets struck.</p>' in text


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
