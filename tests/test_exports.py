"""What every export of ``build`` shares: one table of exporters that the command line's
choices match, written by build alone, and the same bytes for the same articles in any
process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syriatl.cli import BUILD_ONLY, Format, app
from syriatl.pipeline import build_timeline
from syriatl.render import EXPORTS, RENDERERS

Corpus = Callable[[dict[str, str | bytes]], Path]
FORMATS = ("html", "csv", "timelinejs", "ics", "markdown")


def test_the_command_line_offers_what_the_renderers_write() -> None:
    assert {f.value for f in Format} == {name for table in RENDERERS.values() for name in table}
    assert {f.value for f in BUILD_ONLY} == set(FORMATS)
    for command, table in RENDERERS.items():
        exports = set(table) & set(FORMATS)
        assert exports == (set(FORMATS) if command in EXPORTS else set()), command


STORY = (
    "---\noutlet: Karvana Post\nurl: https://karvana.example/ceasefire\n---\n"
    "Ceasefire Holds in Ostrel\n\nJune 5, 2018\n\n"
    "Fighters shelled the Ostrel bridge on Sunday, residents said.\n\n"
    "Envoys will meet in Velmora on June 20 to discuss prisoner swaps, aid & “guarantees”.\n\n"
    "The siege of Ostrel began in March 2016.\n"
)
WIRE = (
    "Bridge Shelled\n\nJune 4, 2018\n\nOSTREL (Velmora Wire) - Fighters shelled the Ostrel "
    "bridge on Saturday night, a monitor said; envoys will meet in Velmora on June 20.\n\n"
    "Aid convoys reached the city last week.\n"
)
# Each format written by one process; run under two hash seeds.
SCRIPT = """
import sys
from pathlib import Path
from typer.testing import CliRunner
from syriatl.cli import app
folder, out = sys.argv[1], Path(sys.argv[2])
for fmt in {formats!r}:
    result = CliRunner().invoke(app, ["build", folder, "-f", fmt, "-o", str(out / fmt)])
    assert result.exit_code == 0, result.output
"""


def test_the_same_articles_give_the_same_bytes_under_any_hash_seed(
    corpus: Corpus, tmp_path: Path
) -> None:
    folder = corpus({"story.txt": STORY, "wire.txt": WIRE, "undated.txt": "Notes\n\nIt rained.\n"})
    written = []
    for seed in ("0", "4242"):
        out = tmp_path / f"seed-{seed}"
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = SCRIPT.format(formats=FORMATS)
        run = subprocess.run([sys.executable, "-c", code, str(folder), str(out)], env=env,
                             capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        written.append({fmt: (out / fmt).read_bytes() for fmt in FORMATS})
    assert written[0] == written[1]
    assert all(written[0].values())


@pytest.mark.parametrize("fmt", ["csv", "timelinejs", "ics"])
def test_the_data_exports_carry_every_event_id(corpus: Corpus, fmt: str) -> None:
    folder = corpus({"story.txt": STORY, "wire.txt": WIRE})
    result = CliRunner().invoke(app, ["build", str(folder), "-f", fmt])
    assert result.exit_code == 0, result.stderr
    ids = [e.id for e in build_timeline([str(folder)]).timeline.events]
    assert len(ids) >= 4
    assert {i for i in ids if i in result.stdout} == set(ids)


@pytest.mark.parametrize("command", [["articles"], ["updates"], ["explain", "ev-1"]])
@pytest.mark.parametrize("fmt", FORMATS[1:])  # the page's own tests check html
def test_only_build_writes_the_exports(command: list[str], fmt: str, corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY})
    result = CliRunner().invoke(app, [*command, str(folder), "--format", fmt])
    assert result.exit_code == 2
    assert f"{fmt} is a format of build only" in result.stderr
    assert result.stdout == ""
