"""HTML pages in: the text read from a page, what of it is set aside, the date its markup
gives, its address and site name, and the pages' problems.

The pages of ``tests/corpus/html`` and the small pages inline were written for these
tests; every expected value is worked out by hand from them. Weekdays: 1 January 2019 was
a Tuesday, so 5 March 2019 (day 64) is a Tuesday, 7 March a Thursday and 4 April 2019
(day 94) a Thursday.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.discover import Found
from syriatl.ingest import read_article
from syriatl.model import Metadata, PageDate
from syriatl.patterns import markup
from syriatl.pipeline import analyse, build_timeline
from syriatl.read.html import read_page

CORPUS = Path(__file__).parent / "corpus" / "html"
Corpus = Callable[[dict[str, str | bytes]], Path]
runner = CliRunner()

STORY = (
    "<body><article><h1>Envoys meet in Ostrel to open the road</h1><p>Envoys from both "
    "sides met in Ostrel to agree on the opening of the northern road, a spokesman for the "
    "mediators told reporters after the meeting.</p>{extra}</article></body>"
)


def page(head: str = "", extra: str = "") -> str:
    """A small page: ``head`` in its head, ``extra`` at the end of its article."""
    return f"<html><head><title>Envoys meet</title>{head}</head>{STORY.format(extra=extra)}</html>"


def read(path: Path, beside: Metadata | None = None) -> object:
    return read_article(Found(path, str(path), path.stem), beside)


def blocks(name: str) -> list[tuple[int, str, str]]:
    result = read(CORPUS / name)
    article = result.article  # type: ignore[attr-defined]
    laid = analyse(article).layout
    return [(s.line, str(s.kind), article.text[s.start : s.end]) for s in laid.segments]


# ---- the text read, and what the layout shows of it -----------------------------------

# The main text first (the headline, the dateline and its paragraph, the story), then the
# comment section in the page's order (its heading, each name-and-stamp header and its
# body), then every other block of the page: its <title>, the menu, the promo, the byline
# trafilatura left out, the share line and the footer. Blocks are a blank line apart.
GULF_TRUCE = [
    (1, "title", "Truce holds in Karvana after a night of talks"),
    (3, "dateline", "KARVANA, March 5 (Velmora Wire) -"),
    (3, "paragraph", "A truce agreed on Monday held through the night in Karvana, residents said, after negotiators met for eleven hours in the old customs house."),
    (5, "paragraph", "No shelling was reported in the eastern districts by Tuesday morning, the civil defence said, the first quiet night since the siege began."),
    (7, "paragraph", "Envoys from both sides will meet again on Thursday in Ostrel to agree on the opening of the northern road, a spokesman for the mediators told reporters."),
    (9, "chrome", "2 Comments"),
    (11, "comment-stamp", "tamsin_q March 5, 2019 at 2:14 pm"),
    (13, "comment", "Another truce, who believes it will last past Friday."),
    (15, "comment-stamp", "ravel88 March 5, 2019 at 3:40 pm"),
    (17, "comment", "Let us hope the talks on Thursday bring the road open at last."),
    (19, "chrome", "Truce holds in Karvana after a night of talks | Gulf Daily"),
    (21, "chrome", "Home"),
    (23, "chrome", "Region"),
    (25, "chrome", "Opinion"),
    (27, "chrome", "Subscribe for unlimited access to Gulf Daily"),
    (29, "chrome", "By Mira Tal, March 5, 2019"),
    (31, "chrome", "Share this article: Facebook Twitter Email"),
    (33, "chrome", "Copyright 2019 Gulf Daily. All rights reserved."),
    (35, "chrome", "Contact us | Privacy policy"),
]  # fmt: skip

OSTREL_LIVE = [
    (1, "title", "Shelling resumes near Ostrel bridge"),
    (3, "entry", "The mediators said the convoy would try again on Friday morning, once the road north of the bridge is cleared."),
    (5, "entry", "Jets bombed the market in Karvana this morning, the civil defence said, the first air strike since the truce came into force on Monday."),
    (7, "entry", "Shelling resumed overnight near the old bridge, residents told reporters, and an aid convoy was turned back at the checkpoint."),
    (9, "chrome", "Live: shelling resumes near Ostrel bridge | Ostrel Post"),
    (11, "chrome", "Ostrel Post Live Sign in"),
    (13, "chrome", "Related"),
    (15, "chrome", "Truce holds in Karvana"),
    (17, "chrome", "Envoys to meet in Ostrel"),
    (19, "chrome", "© 2019 Ostrel Post"),
]  # fmt: skip

HERALD_TALKS = [
    (1, "title", "Ministers meet in Ostrel to end the siege of Karvana"),
    (3, "date-line", "Published on April 4, 2019"),
    (5, "paragraph", "Foreign ministers met on Thursday in Ostrel to discuss an end to the siege of Karvana, officials said, in the first such meeting since the winter."),
    (7, "paragraph", "The meeting came two days after an aid convoy was shelled on the road north of the city, killing two drivers."),
    (9, "chrome", "Home News Contact"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gulf-truce.html", GULF_TRUCE),
        ("ostrel-live.html", OSTREL_LIVE),
        ("herald-talks.html", HERALD_TALKS),
    ],
)
def test_a_page_is_its_main_text_then_its_comments_then_the_rest(
    name: str, expected: list[tuple[int, str, str]]
) -> None:
    assert blocks(name) == expected


def test_the_layout_command_shows_what_the_page_set_aside() -> None:
    result = runner.invoke(app, ["layout", str(CORPUS / "gulf-truce.html"), "-f", "text"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "    1  title            Truce holds in Karvana after a night of talks"
    assert "   11  comment-stamp    tamsin_q March 5, 2019 at 2:14 pm" in lines
    assert "   29  chrome           By Mira Tal, March 5, 2019" in lines


def test_every_word_of_the_page_body_is_in_the_text_read() -> None:
    text = read(CORPUS / "gulf-truce.html").article.text  # type: ignore[attr-defined]
    for words in ("Home", "Subscribe for unlimited access", "Contact us | Privacy policy",
                  "ravel88 March 5, 2019 at 3:40 pm", "past Friday"):  # fmt: skip
        assert text.count(words) == 1, words


# ---- dates, addresses, sites -----------------------------------------------------------

# (page, published, rule, evidence, outlet, url)
ARTICLES = [
    # The <meta> date, 5 March; the dateline "March 5" agrees and gives no year.
    ("gulf-truce", "2019-03-05", "html-meta",
     '<meta property="article:published_time" content="2019-03-05T09:30:00+02:00">',
     "Gulf Daily", "https://gulfdaily.example/2019/03/05/truce-holds-in-karvana"),
    # JSON-LD in an @graph; the site only from the footer's copyright line.
    ("ostrel-live", "2019-03-07", "json-ld", '"datePublished": "2019-03-07T08:05:00Z"',
     "Ostrel Post", None),
    # The printed stamp outranks the <meta> date (2 April), with a warning (below).
    ("herald-talks", "2019-04-04", "published-stamp", "Published on April 4, 2019",
     "Karvana Herald", None),
    # The text file beside them, dated by its dateline.
    ("vw-convoy", "2019-03-08", "dateline",
     "OSTREL, March 8, 2019 (Velmora Wire)", "Velmora Wire", None),
]  # fmt: skip


@pytest.fixture(scope="module")
def built() -> object:
    return build_timeline([str(CORPUS)])


@pytest.mark.parametrize(("article", "day", "rule", "evidence", "outlet", "url"), ARTICLES)
def test_a_folder_of_pages_and_text_files_is_dated_and_sourced(
    built: object, article: str, day: str, rule: str, evidence: str, outlet: str, url: str | None
) -> None:
    reports = {r.id: r for r in built.timeline.articles}  # type: ignore[attr-defined]
    report = reports[article]
    published = report.published
    assert (str(published.date), published.rule, published.evidence) == (day, rule, evidence)
    assert report.outlet == outlet
    if url:
        found = read(CORPUS / f"{article}.html").article  # type: ignore[attr-defined]
        assert found.meta.url == url


def test_a_page_whose_markup_and_text_disagree_is_warned_about(built: object) -> None:
    assert built.warnings == (  # type: ignore[attr-defined]
        f"{CORPUS / 'herald-talks.html'}: the page's HTML says published 2019-04-02 "
        '(html-meta: \'<meta name="date" content="2019-04-02">\'), but its text says '
        "2019-04-04 (published-stamp: 'Published on April 4, 2019'); dated 2019-04-04 by "
        "published-stamp",
    )


# (article, line, expression, date): the dated sentences of the pages.
SOURCES = [
    ("gulf-truce", 3, "Monday", "2019-03-04"),  # agreed Monday: the day before Tue 5 March
    ("gulf-truce", 5, "Tuesday morning", "2019-03-05"),  # the day of the report
    ("gulf-truce", 7, "Thursday", "2019-03-07"),  # will meet: the next Thursday
    ("ostrel-live", 3, "Friday morning", "2019-03-08"),  # would try again: after Thu 7 March
    ("ostrel-live", 5, "this morning", "2019-03-07"),  # the entry's day
    ("ostrel-live", 5, "Monday", "2019-03-04"),  # came into force: before Thu 7 March
    ("herald-talks", 5, "Thursday", "2019-04-04"),  # met on Thursday, printed Thu 4 April
    ("vw-convoy", 3, "Friday", "2019-03-08"),  # reached on Friday, dated Fri 8 March
]


@pytest.mark.parametrize(("article", "line", "expression", "day"), SOURCES)
def test_the_story_of_a_page_is_dated(
    built: object, article: str, line: int, expression: str, day: str
) -> None:
    sources = [s for e in built.timeline.events for s in e.sources]  # type: ignore[attr-defined]
    found = [s.when.value for s in sources if s.ref == (article, line, expression)]
    assert found == [day]


def test_nothing_set_aside_gives_an_event(built: object) -> None:
    # gulf-truce's comments ("the talks on Thursday", "past Friday") start at line 9.
    sources = [s for e in built.timeline.events for s in e.sources]  # type: ignore[attr-defined]
    assert [s.line for s in sources if s.article == "gulf-truce" and s.expression] == [3, 5, 7]


def test_a_live_blog_page_keeps_its_entries_and_their_clocks() -> None:
    result = runner.invoke(app, ["updates", str(CORPUS / "ostrel-live.html"), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    rows = [(u["entry"], u["date"], u["time"]) for u in json.loads(result.stdout)["updates"]]
    assert rows == [
        ("UPDATE 1745 GMT", "2019-03-07", "17:45"),
        ("UPDATE 1130 GMT", "2019-03-07", "11:30"),
        ("UPDATE 0915 GMT", "2019-03-07", "09:15"),
    ]


def test_reader_comment_stamps_of_a_page_bound_its_date(corpus: Corpus) -> None:
    # No markup date and no date in the story: the first comment (Tue 5 March 2019)
    # bounds it from above, and the lead's "on Monday" names the Monday before, 4 March.
    html = (
        "<html><head><title>Truce holds</title></head><body><article><h1>Truce holds in "
        "Karvana after talks</h1><p>The truce held on Monday in Karvana, residents said, "
        "after negotiators met for eleven hours in the customs house.</p></article>"
        "<section id='comments'><h2>1 Comment</h2><div class='comment'><div "
        "class='comment-meta'>tamsin_q March 5, 2019 at 2:14 pm</div><p>Who believes it "
        "will last?</p></div></section></body></html>"
    )
    folder = corpus({"truce.html": html})
    published = build_timeline([str(folder)]).timeline.articles[0].published
    assert (str(published.date), published.rule, published.evidence) == (
        "2019-03-04", "comments-bound+lead-weekday",
        "first comment March 5, 2019; lead says 'Monday'",
    )  # fmt: skip


# (what the markup holds, rule, evidence): the element that states htmldate's date.
MARKUP = [
    ('<meta property="article:published_time" content="2019-03-05T09:30:00+02:00">',
     "html-meta", '<meta property="article:published_time" content="2019-03-05T09:30:00+02:00">'),
    ('<meta itemprop="datePublished" content="2019-03-05">',
     "html-meta", '<meta itemprop="datePublished" content="2019-03-05">'),
    ('<meta name="pubdate" content="Tue, 05 Mar 2019 09:30:00 GMT">',  # RFC 2822
     "html-meta", '<meta name="pubdate" content="Tue, 05 Mar 2019 09:30:00 GMT">'),
    ('<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "2019-03-05T09:30:00Z"}</script>',
     "json-ld", '"datePublished": "2019-03-05T09:30:00Z"'),
    ('<link rel="canonical" href="https://ostrel.example/2019/03/05/envoys-meet">',
     "url-path", "https://ostrel.example/2019/03/05/envoys-meet"),
    ('<meta property="og:url" content="https://ostrel.example/2019/03/05/envoys-meet">',
     "url-path", "https://ostrel.example/2019/03/05/envoys-meet"),
    # Broken JSON-LD says nothing; the <meta> still does.
    ('<script type="application/ld+json">{"datePublished": </script>'
     '<meta name="date" content="2019-03-05">',
     "html-meta", '<meta name="date" content="2019-03-05">'),
]  # fmt: skip


@pytest.mark.parametrize(("head", "rule", "evidence"), MARKUP)
def test_the_markup_date_is_recorded_with_the_element_that_states_it(
    head: str, rule: str, evidence: str
) -> None:
    found = read_page(page(head))
    assert not isinstance(found, str)
    assert found.page_date == PageDate(dt.date(2019, 3, 5), rule, evidence)


def test_a_time_element_in_the_article_dates_the_page_last_of_the_markup() -> None:
    found = read_page(page(extra='<time datetime="2019-03-05T09:30">5 March 2019</time>'))
    assert not isinstance(found, str) and found.page_date is not None
    assert (found.page_date.rule, found.page_date.evidence) == (
        "html-time",
        '<time datetime="2019-03-05T09:30">5 March 2019</time>',
    )


def test_an_update_date_is_never_taken_for_the_publication_date(corpus: Corpus) -> None:
    # htmldate falls back on the modified time; no element gives it as published.
    html = page('<meta property="article:modified_time" content="2019-03-06T10:00:00Z">')
    folder = corpus({"envoys.html": html})
    report = build_timeline([str(folder)]).timeline.articles[0]
    assert report.published.date is None
    assert report.published.reason is not None
    assert report.published.reason.endswith(
        "; htmldate reads 2019-03-06 from the page, but no <meta>, JSON-LD, <time> or "
        "address gives it as published"
    )


ADDRESSES = [
    ('<link rel="canonical" href="https://ostrel.example/envoys">', "https://ostrel.example/envoys"),
    ('<meta property="og:url" content="http://ostrel.example/a">', "http://ostrel.example/a"),
    # Not web addresses: the other one is taken, or none.
    ('<link rel="canonical" href="/envoys"><meta property="og:url" content="https://o.example/e">',
     "https://o.example/e"),
    ('<meta property="og:url" content="javascript:alert(1)">', None),
    ('<link rel="canonical" href="https://">', None),
]  # fmt: skip


@pytest.mark.parametrize(("head", "address"), ADDRESSES)
def test_a_page_gives_its_address_only_when_it_is_a_web_address(
    head: str, address: str | None
) -> None:
    found = read_page(page(head))
    assert not isinstance(found, str)
    assert found.url == address


def test_metadata_beside_a_page_wins_over_its_own(corpus: Corpus) -> None:
    html = page('<meta property="og:site_name" content="Ostrel Post">'
                '<link rel="canonical" href="https://ostrel.example/envoys">')  # fmt: skip
    folder = corpus({"a.html": html, "b.html": html, "sources.yaml": "b.html:\n  outlet: Wire\n"})
    reports = build_timeline([str(folder)]).timeline.articles
    assert [(r.id, r.outlet, r.provenance.rule) for r in reports] == [
        ("a", "Ostrel Post", "metadata"),
        ("b", "Wire", "metadata"),
    ]
    found = read(folder / "a.html").article  # type: ignore[attr-defined]
    assert found.meta.url == "https://ostrel.example/envoys"


# ---- what cannot be read --------------------------------------------------------------

GERMAN = (
    "Die Gespräche zwischen den beiden Seiten endeten am Dienstag in Karvana, sagten die "
    "Vermittler nach einer langen Nacht. Beide Delegationen wollen sich am Donnerstag wieder "
    "treffen, um über die Öffnung der nördlichen Straße zu verhandeln. Ein Sprecher der "
    "Vermittler erklärte, die Waffenruhe habe gehalten, obwohl in den östlichen Vierteln "
    "vereinzelt Schüsse zu hören gewesen seien."
)
PROBLEMS = [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"<html>\x00\x01</html>", "binary file, not text"),
    (b"<html></html>", "no text found in this HTML page"),
    (b"<html><body><script>var x = 1;</script></body></html>", "no text found in this HTML page"),
    # The footer's 7 words: "Copyright", "2019", "Gulf", "Daily.", "All", "rights", "reserved."
    (b"<html><body><footer><p>Copyright 2019 Gulf Daily. All rights reserved.</p></footer>"
     b"</body></html>",
     "no article text found in this HTML page: trafilatura took all of its 7 words for "
     "menus, links and other page chrome"),
    # "in" twice of 55 words ("am", "die" are no English function words).
    (f"<html><body><article><p>{GERMAN}</p></article></body></html>",
     "not English (4% of its 55 words are common English words; English text has at least 12%)"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "problem"), PROBLEMS)
def test_a_page_that_cannot_be_read_is_one_problem_naming_it(
    corpus: Corpus, content: str | bytes, problem: str
) -> None:
    folder = corpus({"page.html": content, "story.txt": "Talks End\n\nThe talks ended.\n"})
    result = runner.invoke(app, ["articles", str(folder), "-f", "yaml"])
    assert result.exit_code == 0
    assert f"problem: {folder / 'page.html'}: {problem}\n" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_page_in_its_declared_charset_is_read_in_it(tmp_path: Path) -> None:
    html = page('<meta charset="windows-1251">', "<p>The envoy Олег Ранко spoke first.</p>")
    path = tmp_path / "envoys.html"
    path.write_bytes(html.encode("cp1251"))
    result = read(path)
    assert result.warning is None  # type: ignore[attr-defined]
    assert "The envoy Олег Ранко spoke first." in result.article.text  # type: ignore[attr-defined]


def test_a_declared_charset_that_cannot_be_the_bytes_is_ignored(tmp_path: Path) -> None:
    # The bytes are cp1252 (é is 0xE9, not UTF-8); read as the UTF-16 the page declares,
    # they would be one line of unrelated characters.
    html = page('<meta charset="utf-16">', "<p>The envoys met at the Café Ostrel.</p>")
    path = tmp_path / "cafe.html"
    path.write_bytes(html.encode("cp1252"))
    result = read(path)
    assert "The envoys met at the Café Ostrel." in result.article.text  # type: ignore[attr-defined]


def test_a_page_nested_deeper_than_the_parser_reads_is_refused_not_cut() -> None:
    # 300 nested <div>s, deeper than the 256 levels libxml2 reads: the story is past them,
    # so a page read in part would lose it unseen.
    deep = "<div>" * 300 + "<p>The talks ended on Tuesday.</p>" + "</div>" * 300
    found = read_page(f"<html><body>{deep}</body></html>")
    assert isinstance(found, str) and found.startswith("nested too deeply to be read whole (")


# ---- ingest ----------------------------------------------------------------------------


def test_ingest_copies_a_page_that_the_build_then_reads(tmp_path: Path) -> None:
    raw = tmp_path / "envoys.html"
    raw.write_text(page('<meta property="og:site_name" content="Ostrel Post">'))
    into = tmp_path / "corpus"
    done = runner.invoke(
        app, ["ingest", str(raw), "--into", str(into), "--published", "2019-03-05"]
    )
    assert done.exit_code == 0, done.stderr
    assert (into / "envoys.html").read_bytes() == raw.read_bytes()
    report = build_timeline([str(into)]).timeline.articles[0]
    assert (str(report.published.date), report.published.rule, report.outlet) == (
        "2019-03-05", "metadata", "Ostrel Post",
    )  # fmt: skip


def test_ingest_refuses_a_file_no_build_would_read(tmp_path: Path) -> None:
    raw = tmp_path / "notes.md"
    raw.write_text("The talks ended on Tuesday.\n")
    done = runner.invoke(app, ["ingest", str(raw), "--into", str(tmp_path / "corpus")])
    assert done.exit_code == 3
    assert done.stderr == (
        f"syriatl: {raw}: not an article file (.txt, .html or .htm): a build would not read it\n"
    )
    assert not (tmp_path / "corpus").exists()


# ---- the libraries are loaded only for pages -------------------------------------------

HEAVY = ("trafilatura", "htmldate", "lxml")
PROBE = """
import sys
{work}
print(" ".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("work", "loaded"),
    [
        ("import syriatl.cli", ""),
        ("from syriatl.cli import app\nfrom typer.testing import CliRunner\n"
         "CliRunner().invoke(app, ['--help'])", ""),
        ("from syriatl.pipeline import build_timeline\nbuild_timeline([{txt!r}])", ""),
        ("from syriatl.pipeline import build_timeline\nbuild_timeline([{html!r}])",
         "htmldate lxml trafilatura"),
    ],
)  # fmt: skip
def test_html_libraries_are_imported_only_when_a_page_is_read(
    tmp_path: Path, work: str, loaded: str
) -> None:
    (tmp_path / "story.txt").write_text("Talks End\n\nMarch 12, 2019\n\nThe talks ended.\n")
    work = work.format(txt=str(tmp_path / "story.txt"), html=str(CORPUS / "herald-talks.html"))
    code = PROBE.format(work=work, heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == loaded


def test_the_markup_tables_examples_match_their_entries() -> None:
    assert all(word in example for word, example in markup.CHANGE_WORDS)
    assert all(f'"{key}"' in example for key, example in markup.JSON_LD_KEYS)
    assert re.match(markup.ISO_DAY[0], markup.ISO_DAY[1])
    assert re.search(markup.URL_DAY[0], markup.URL_DAY[1])
    assert not re.match(markup.ISO_DAY[0], "") and not re.search(markup.URL_DAY[0], "/")
