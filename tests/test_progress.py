"""What a build says to people while and after it runs: the progress bar, ``--quiet``
and ``--verbose``; stdout stays the same bytes whatever is said on stderr."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.pipeline import build_timeline
from syriatl.progress import THRESHOLD, Watch, show_bar, stage_lines

Corpus = Callable[[dict[str, str | bytes]], Path]
runner = CliRunner()

# Tue 12 Mar 2019 (1 Jan 2019 was a Tuesday; day 71, 70 = 10 weeks later).
STORY = "Talks End in Velmora\n\nMarch 12, 2019\n\nThe talks ended on Tuesday, officials said.\n"
# Feb 24 with no year: a Wednesday in 2016 (1 Jan 2016 was a Friday; day 55, 54 = 7 weeks
# + 5 days), so it waits for the corpus's years and is told a second time.
YEARLESS = "Truce Holds\n\nMOSCOW, Feb 24 – Officials said on Wednesday the truce held.\n"
DATED = "Talks End\n\nJanuary 24, 2017\n\nThe talks ended on Tuesday.\n"
# Front matter and the date line disagree: the build warns.
CONTRARY = "---\npublished: 2019-03-09\n---\nTruce Holds\n\nMarch 3, 2019\n\nThe truce held.\n"
UNDATED = "Truce Holds\n\nOfficials said the truce held.\n"


@pytest.mark.parametrize(
    ("total", "tty", "no_color", "quiet", "shown"),
    [
        (THRESHOLD + 1, True, False, False, True),  # a long build on a terminal
        (THRESHOLD, True, False, False, False),  # a few hundred files take seconds
        (12, True, False, False, False),
        (10_000, False, False, False, False),  # stderr piped or redirected
        (10_000, True, True, False, False),  # NO_COLOR
        (10_000, True, False, True, False),  # --quiet
        (10_000, False, True, True, False),
    ],
)
def test_when_a_bar_is_shown(
    total: int, tty: bool, no_color: bool, quiet: bool, shown: bool
) -> None:
    assert show_bar(total, tty, no_color, quiet) is shown


def test_stage_lines_give_each_stage_its_own_seconds() -> None:
    marks = [("start", 10.25), ("find", 10.5), ("read and tell", 14.5), ("merge", 15.0)]
    # 4 s for 200 files: 50 a second; the total runs from 10.0 to 15.0.
    assert stage_lines(10.0, marks, 200) == [
        "timing: start            0.250 s",
        "timing: find             0.250 s",
        "timing: read and tell    4.000 s (200 files, 50/s)",
        "timing: merge            0.500 s",
        "timing: total            5.000 s",
    ]


def ticking(times: list[float]) -> Callable[[], float]:
    """A clock that gives ``times`` one after another."""
    given: Iterator[float] = iter(times)
    return lambda: next(given)


def test_a_watch_notes_when_each_stage_ended() -> None:
    asked: list[int] = []

    def no_bar(total: int) -> bool:
        asked.append(total)
        return False

    watch = Watch(no_bar, ticking([0, 1, 2, 3, 5, 6]))
    watch.mark("start")  # 1
    watch(0, 2)  # 2: the files found
    watch(1, 2)  # 3
    watch(2, 2)  # 5: the last one told
    watch.mark("merge")  # 6
    assert asked == [2]  # the bar is decided once, when the total is known
    assert watch.lines() == [
        "timing: start            1.000 s",
        "timing: find             1.000 s",
        "timing: read and tell    3.000 s (2 files, 1/s)",
        "timing: merge            1.000 s",
        "timing: total            6.000 s",
    ]


def test_the_pipeline_counts_the_second_telling_too(corpus: Corpus) -> None:
    folder = corpus({"a.txt": YEARLESS, "b.txt": DATED, "c.txt": STORY})
    calls: list[tuple[int, int]] = []
    built = build_timeline([str(folder)], progress=lambda done, total: calls.append((done, total)))
    # Three files found, then told; a.txt waits for the years and is told once more.
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3), (3, 4), (4, 4)]
    assert [a.id for a in built.timeline.articles] == ["a", "b", "c"]


def test_no_bar_means_no_rich() -> None:
    code = (
        "import sys; from syriatl.progress import Watch; "
        "w = Watch(lambda total: False)\n"
        "with w:\n    w(0, 10_000); w(10_000, 10_000)\n"
        "print('rich' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout == "False\n"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


WARNED = "warning: {folder}/contrary.txt: metadata says published 2019-03-09"
PROBLEM = "problem: {folder}/undated.txt: undated"


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ([], [WARNED, PROBLEM]),
        (["--quiet"], []),
        (["-q"], []),
        # --strict makes the problem fail the run: it is still said.
        (["-q", "--strict"], [PROBLEM]),
    ],
)
def test_quiet_silences_warnings_and_problems_that_change_nothing(
    corpus: Corpus, options: list[str], said: list[str]
) -> None:
    folder = corpus({"story.txt": STORY, "contrary.txt": CONTRARY, "undated.txt": UNDATED})
    code, out, err = run("build", str(folder), "-f", "yaml", *options)
    assert code == (1 if "--strict" in options else 0)
    lines = err.splitlines()
    assert len(lines) == len(said), err
    for line, start in zip(lines, said, strict=True):
        assert line.startswith(start.format(folder=folder)), line
    assert "undated" in out  # the problem is in the output all the same


def test_quiet_leaves_errors(tmp_path: Path) -> None:
    code, _, err = run("build", str(tmp_path / "nowhere"), "-q")
    assert code == 3
    assert err.startswith(f"syriatl: {tmp_path / 'nowhere'}: ")


TIMING = re.compile(r"timing: (start|find|read and tell|merge|render|total) +\d+\.\d{3} s")


@pytest.mark.parametrize("command", ["build", "articles", "updates"])
def test_verbose_times_the_stages_on_stderr_and_changes_no_output(
    corpus: Corpus, command: str
) -> None:
    folder = str(corpus({"story.txt": STORY, "contrary.txt": CONTRARY}))
    plain = run(command, folder, "-f", "json")
    verbose = run(command, folder, "-f", "json", "-v")
    quiet = run(command, folder, "-f", "json", "--quiet", "--verbose")
    assert plain[0] == verbose[0] == quiet[0] == 0
    assert plain[1] == verbose[1] == quiet[1]
    timed = verbose[2].splitlines()[-6:]
    assert [TIMING.fullmatch(line.split(" (")[0]).group(1) for line in timed] == [  # type: ignore[union-attr]
        "start", "find", "read and tell", "merge", "render", "total"
    ]  # fmt: skip
    assert "(2 files" in timed[2]
    # The warning comes first, as without -v; under -q the times are all that is said.
    assert verbose[2].splitlines()[:-6] == plain[2].splitlines() != []
    assert len(quiet[2].splitlines()) == 6
    assert all(TIMING.match(line) for line in quiet[2].splitlines())


def on_a_terminal(args: list[str], env: dict[str, str], out: Path) -> tuple[bytes, bytes]:
    """Run syriatl with stderr on a pseudo-terminal and stdout into the file ``out`` (a
    pipe nobody reads while the terminal is read would fill and stop the run): (stdout,
    what the terminal showed)."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "syriatl", *args]
    with out.open("wb") as sink, subprocess.Popen(command, stdout=sink, stderr=follower, env=env):
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
    os.close(leader)
    return out.read_bytes(), shown


def test_a_long_build_shows_a_bar_on_a_terminal_and_not_under_no_color(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(THRESHOLD + 1):
        (folder / f"a{n:03}.txt").write_text(STORY.replace("Velmora", f"Velmora {n}"))
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    out, shown = on_a_terminal(["build", str(folder), "-f", "yaml"], env, tmp_path / "out")
    assert f"{THRESHOLD + 1}/{THRESHOLD + 1}".encode() in shown
    assert b"files" in shown
    plain = {**env, "NO_COLOR": "1"}
    quiet_out, quiet_shown = on_a_terminal(
        ["build", str(folder), "-f", "yaml"], plain, tmp_path / "q"
    )
    assert quiet_shown == b""
    assert out == quiet_out
    assert out.startswith(b"schema_version: 3\n")
