"""The TimelineJS export in TimelineJS itself: Knight Lab's library, from the npm
registry, renders the exported data in headless Chromium, one slide per event.

The library is installed once into a cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``,
``syriatl-tests/``) with npm. Without Chromium or npm the test is skipped and says why;
``SYRIATL_BROWSER_TESTS=required`` (set by ``.ci/run``) makes that a failure instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import CHROMIUM, NO_CHROMIUM, STORY, dom, unavailable
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.pipeline import build_timeline

Corpus = Callable[[dict[str, str | bytes]], Path]

PACKAGE = "@knight-lab/timelinejs"
VERSION = "3.9.11"
NPM = shutil.which("npm")


def _cache() -> Path:
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "syriatl-tests" / f"timelinejs-{VERSION}"


@pytest.fixture(scope="module")
def timelinejs() -> Path:
    """The folder of TimelineJS's built files (``js/timeline.js``, ``css/timeline.css``),
    installed from the npm registry on first use."""
    if CHROMIUM is None:
        unavailable(NO_CHROMIUM)
    folder = _cache()
    dist = folder / "node_modules" / PACKAGE / "dist"
    if not (dist / "js" / "timeline.js").is_file():
        if NPM is None:
            unavailable("no npm on PATH to install TimelineJS (apt-get install nodejs npm)")
        assert NPM is not None
        folder.mkdir(parents=True, exist_ok=True)
        run = subprocess.run(
            [NPM, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save",
             "--prefix", str(folder), f"{PACKAGE}@{VERSION}"],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["no output"])[-1]
            unavailable(f"npm could not install {PACKAGE}@{VERSION}: {last}")
    return dist


def page(dist: Path, data: str) -> str:
    """A page that loads TimelineJS from its files and gives it ``data`` (the export)."""
    safe = data.replace("</", "<\\/")  # the JSON cannot close its script element
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<link rel="stylesheet" href="{(dist / "css" / "timeline.css").as_uri()}">\n'
        f'<script src="{(dist / "js" / "timeline.js").as_uri()}"></script>\n'
        '</head><body><div id="timeline" style="width:1200px;height:700px"></div>\n'
        f'<script type="application/json" id="data">{safe}</script>\n'
        "<script>window.timeline = new TL.Timeline('timeline',"
        " JSON.parse(document.getElementById('data').textContent));</script>\n"
        "</body></html>\n"
    )


class Slides(HTMLParser):
    """The ids of a rendered timeline's slides, of its title slide and of its markers
    on the time axis."""

    def __init__(self, document: str) -> None:
        super().__init__()
        self.slides: list[str] = []
        self.titles: list[str] = []
        self.markers: list[str] = []
        self.feed(document)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        classes = (named.get("class") or "").split()
        if "tl-slide" in classes:
            kept = self.titles if "tl-slide-titleslide" in classes else self.slides
            kept.append(named.get("id") or "")
        if "tl-timemarker" in classes:
            self.markers.append(named.get("id") or "")


WIRE = (
    "Bridge Shelled\n\nJune 4, 2018\n\nOSTREL (Velmora Wire) - Fighters shelled the Ostrel "
    "bridge on Saturday night, a monitor said.\n\n"
    "Aid convoys reached the city last week.\n"
)


def test_timelinejs_shows_a_slide_for_every_event(
    timelinejs: Path, corpus: Corpus, tmp_path: Path
) -> None:
    folder = corpus({"story.txt": STORY, "wire.txt": WIRE})
    result = CliRunner().invoke(app, ["build", str(folder), "-f", "timelinejs"])
    assert result.exit_code == 0, result.stderr
    ids = [e.id for e in build_timeline([str(folder)]).timeline.events]
    # Tue 5 Jun 2018 and Mon 4 Jun 2018 (1 Jan 2018 a Monday): the siege (March 2016),
    # the week before 4 Jun (Mon 28 May), the shelling on Sat 2 Jun (the story's Sunday
    # 3 Jun dissents; the wire's headline, "Bridge Shelled", reported on 4 Jun, tells
    # it too), the meeting on 20 Jun.
    assert len(ids) == 4
    html = tmp_path / "timeline.html"
    html.write_text(page(timelinejs, result.stdout), encoding="utf-8")
    shown = Slides(dom(html.as_uri(), tmp_path / "profile", budget_ms=10_000))
    assert len(shown.titles) == 1
    assert sorted(shown.slides) == sorted(ids)
    assert sorted(shown.markers) == sorted(f"{i}-marker" for i in ids)
    assert json.loads(result.stdout)["events"][0]["unique_id"] == ids[0]
