"""The web page in a real browser: Debian's headless Chromium loads it from a file and
shows every event of the build, and the filter (given in the URL's ``#q=``) hides the
events that do not match."""

from __future__ import annotations

import os
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import CHROMIUM, NO_CHROMIUM, STORY, dom
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.pipeline import build_timeline

Corpus = Callable[[dict[str, str | bytes]], Path]

# Under SYRIATL_BROWSER_TESTS=required (.ci/run) a missing browser fails the tests.
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("SYRIATL_BROWSER_TESTS") != "required",
    reason=NO_CHROMIUM,
)

UNDATED = "Notes From Nowhere\n\nThe market reopened on Monday, traders said.\n"


class Events(HTMLParser):
    """The ids of a DOM's event articles, of those hidden and of those whose sources are
    open, and the number of month sections hidden."""

    def __init__(self, document: str) -> None:
        super().__init__()
        self.all: list[str] = []
        self.hidden: list[str] = []
        self.opened: list[str] = []
        self.empty_periods = 0
        self._event = ""
        self.feed(document)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "article" and "event" in (named.get("class") or "").split():
            self.all.append(named.get("id") or "")
            self._event = named.get("id") or ""
            if "hidden" in named:
                self.hidden.append(self._event)
        if tag == "details" and "open" in named:
            self.opened.append(self._event)
        if tag == "section" and named.get("class") == "period" and "hidden" in named:
            self.empty_periods += 1


@pytest.fixture
def built(corpus: Corpus, tmp_path: Path) -> tuple[Path, list[str]]:
    """The page of a small build, and the ids of the build's events."""
    folder = corpus({"story.txt": STORY, "undated.txt": UNDATED})
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["build", str(folder), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out, [e.id for e in build_timeline([str(folder)]).timeline.events]


def test_the_browser_shows_every_event_of_the_build(
    built: tuple[Path, list[str]], tmp_path: Path
) -> None:
    page, ids = built
    count = len(ids)
    # Tue 5 Jun 2018: the shelling "on Sunday" (3 Jun), the meeting on 20 Jun, and the
    # siege begun in March 2016; the undated article gives no event, only a problem.
    assert count == 3
    shown = dom(page.as_uri(), tmp_path / "profile")
    events = Events(shown)
    assert len(events.all) == count
    assert events.hidden == []
    assert events.empty_periods == 0
    assert f"{count} of {count} events shown" in shown
    # The script ran (it unhides the filter), and the story's own markup did not.
    assert '<p class="filter" id="filter">' in shown
    assert shown.count("<script") == 1
    assert "undated.txt</code>: undated:" in shown


@pytest.mark.parametrize(
    ("query", "visible", "empty"),
    [
        # Two months: March 2016 (the siege), June 2018 (the shelling, the meeting).
        ("ostrel", 2, 0),  # the shelling and the siege name Ostrel; the meeting does not
        ("kind:attack", 1, 1),  # the shelling: March 2016 is left empty
        ("velmora%20envoys", 1, 1),  # every word must match: the meeting
        ("OSTREL%20siege", 1, 1),  # case does not matter: June 2018 is left empty
        ("kind:talks", 0, 2),
        ("outlet:karvana", 3, 0),  # the story's outlet
        ("outlet:velmora", 0, 2),  # in the meeting's text, but no outlet's name
        ("%", 0, 2),  # not a valid escape: taken as it is
    ],
)
def test_the_filter_hides_what_does_not_match(
    built: tuple[Path, list[str]], tmp_path: Path, query: str, visible: int, empty: int
) -> None:
    page, ids = built
    count = len(ids)
    shown = dom(page.as_uri() + f"#q={query}", tmp_path / "profile")
    events = Events(shown)
    assert len(events.all) == count
    assert len(events.all) - len(events.hidden) == visible
    assert events.empty_periods == empty
    assert f"{visible} of {count} events shown" in shown


def test_an_event_id_in_the_address_opens_its_sources(
    built: tuple[Path, list[str]], tmp_path: Path
) -> None:
    page, ids = built
    shown = Events(dom(page.as_uri() + f"#{ids[1]}", tmp_path / "profile"))
    assert shown.opened == [ids[1]]
    assert shown.hidden == []
