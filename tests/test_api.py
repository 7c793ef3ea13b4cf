"""The library as its users call it: only the names ``syriatl`` documents are imported
here, over small corpora written for the tests."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import doctest
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import syriatl
from syriatl import Build, Options, SyriatlError, build_timeline, dumps, tag

Corpus = Callable[[dict[str, str | bytes]], Path]

# Tue 12 Mar 2019: 1 Jan 2019 was a Tuesday, and 12 March is day 71, 70 = 10 weeks later.
STORY = "Talks End in Velmora\n\nMarch 12, 2019\n\nThe talks ended on Tuesday, officials said.\n"
# Published Wed 13 Mar 2019: its "on Tuesday" (said, a past verb) is the day before, the
# 12th, and the 1130 GMT entry's "this morning" is the entry's own day, the 13th.
BLOG = (
    "---\npublished: 2019-03-13\n---\nDaily Brief: Talks Over\n\n"
    "UPDATE 1130 GMT: Jets bombed Karvana this morning.\n\n"
    "ORIGINAL ENTRY: The three mediators said on Tuesday they would monitor the truce.\n"
)
# Front matter and the text's date line disagree: the metadata wins, with a warning.
CONTRARY = "---\npublished: 2019-03-09\n---\nTruce Holds\n\nMarch 3, 2019\n\nThe truce held.\n"


def test_import_syriatl_loads_nothing_else() -> None:
    # The command line imports syriatl.__version__ first; the pipeline must not come too.
    code = (
        "import sys, syriatl; print(syriatl.__version__); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'syriatl', 'typer', 'rich', 'yaml', 'dateparser'}))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.splitlines() == [syriatl.__version__, "['syriatl']"]


def test_every_public_name_is_there_and_listed() -> None:
    for name in syriatl.__all__:
        assert getattr(syriatl, name) is not None, name
        assert name in dir(syriatl), name
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        syriatl.nothing  # noqa: B018


def test_the_package_says_it_is_typed() -> None:
    from importlib.resources import files

    assert files("syriatl").joinpath("py.typed").is_file()


def test_a_build_gives_the_hand_worked_chronology(corpus: Corpus) -> None:
    built = build_timeline([str(corpus({"story.txt": STORY, "blog.txt": BLOG}))])
    assert isinstance(built, Build)
    assert [a.id for a in built.timeline.articles] == ["blog", "story"]
    events = [(e.when.value, e.kind, e.text) for e in built.timeline.events]
    assert events == [
        # "ended" with "talks": the close of talks; "said": a statement; "bombed": an attack.
        ("2019-03-12", "talks-close", "The talks ended on Tuesday"),
        (
            "2019-03-12",
            "statement",
            "The three mediators said on Tuesday they would monitor the truce.",
        ),
        ("2019-03-13", "attack", "Jets bombed Karvana this morning."),
    ]
    assert built.warnings == ()
    assert built.timeline.problems == ()


def test_a_build_leaves_the_collector_as_it_found_it(corpus: Corpus) -> None:
    # The merge sets what is alive aside from the collector meanwhile; a program that
    # calls the library finds nothing frozen after, and what it froze itself stays so.
    import gc

    folder = str(corpus({"story.txt": STORY}))
    build_timeline([folder])
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        build_timeline([folder])
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_chronology_filtered_in_python_is_written_as_the_build_writes_it(
    corpus: Corpus,
) -> None:
    folder = corpus({"story.txt": STORY, "blog.txt": BLOG})
    built = build_timeline([str(folder)], Options(since=dt.date(2019, 3, 12)))
    attacks = tuple(e for e in built.timeline.events if e.kind == "attack")
    written = json.loads(dumps(dataclasses.replace(built.timeline, events=attacks), "json"))
    assert [(e["date"], e["kind"]) for e in written["events"]] == [("2019-03-13", "attack")]
    assert [a["id"] for a in written["articles"]] == ["blog", "story"]
    # The whole build, as the command writes it: the same bytes.
    command = [sys.executable, "-m", "syriatl", "build", str(folder), "-f", "json",
               "--since", "2019-03-12"]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert dumps(built, "json") == out


README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
EXAMPLES = README.split("## From Python\n", 1)[1].split("\n## ", 1)[0].split("```")[1::2]


def test_the_readme_example_writes_the_attacks_as_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "articles" / "blog.txt").write_text(BLOG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    script = EXAMPLES[0].removeprefix("python\n")
    exec(compile(script, "README.md", "exec"), {})
    raw = (tmp_path / "attacks.csv").read_bytes()
    assert raw.startswith(b"event,date,precision,") and raw.endswith(b"\r\n")
    with (tmp_path / "attacks.csv").open(encoding="utf-8", newline="") as sheet:
        rows = list(csv.DictReader(sheet))
    # Only the blog's attack, dated by its 1130 GMT entry: Wednesday 13 March 2019.
    assert [(r["date"], r["kind"], r["article"], r["role"]) for r in rows] == [
        ("2019-03-13", "attack", "blog", "source")
    ]


def test_the_readme_tag_example_shows_what_tag_gives() -> None:
    text = EXAMPLES[1].removeprefix("python\n")
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", "README.md", 0)
    assert len(test.examples) == 3
    assert doctest.DocTestRunner().run(test).failed == 0


def test_options_keep_only_the_events_in_range(corpus: Corpus) -> None:
    folder = str(corpus({"story.txt": STORY, "blog.txt": BLOG}))
    built = build_timeline([folder], Options(since=dt.date(2019, 3, 13)))
    assert [e.when.value for e in built.timeline.events] == ["2019-03-13"]


def test_dumps_names_the_formats_when_given_another() -> None:
    with pytest.raises(ValueError, match=r"'docx' is not a format: choose table, yaml, json"):
        dumps(syriatl.Timeline((), (), ()), "docx")


def test_dumps_writes_a_table_as_plain_text(corpus: Corpus) -> None:
    built = build_timeline([str(corpus({"story.txt": STORY}))])
    table = dumps(built, "table")
    assert "Tue 12 Mar 2019" in table
    assert "\x1b[" not in table
    assert max(len(line) for line in table.splitlines()) <= 120


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # Thursday 14 Mar 2019 (12 Mar was a Tuesday): a past verb looks back to the 12th,
        # a future one ahead to Friday the 15th.
        (
            "The talks ended on Tuesday and will resume on Friday.",
            dt.date(2019, 3, 14),
            [("Tuesday", "2019-03-12"), ("Friday", "2019-03-15")],
        ),
        # No reference: the date line dates the text, a Tuesday, which "Tuesday" is.
        (
            "Talks End\n\nMarch 12, 2019\n\nThe talks ended on Tuesday.\n",
            None,
            [("March 12, 2019", "2019-03-12"), ("Tuesday", "2019-03-12")],
        ),
        # Neither: the weekday stays underspecified, never guessed from today.
        ("The talks ended on Tuesday.", None, [("Tuesday", "XXXX-WXX-2")]),
        ("The talks went well.", dt.date(2019, 3, 14), []),
    ],
)
def test_tag_resolves_each_expression(
    text: str, reference: dt.date | None, expected: list[tuple[str, str]]
) -> None:
    found = tag(text, reference)
    assert [(text[r.mention.start : r.mention.end], r.value) for r in found] == expected


def test_an_unreadable_path_is_an_exception_not_a_message(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(SyriatlError) as raised:
        build_timeline([str(missing)])
    assert raised.value.path == str(missing)
    assert capfd.readouterr() == ("", "")


def test_the_api_prints_nothing_and_returns_its_warnings(
    corpus: Corpus, capfd: pytest.CaptureFixture[str]
) -> None:
    folder = corpus({"story.txt": STORY, "contrary.txt": CONTRARY})
    built = build_timeline([str(folder)])
    tag(CONTRARY, None)
    dumps(built, "yaml")
    assert capfd.readouterr() == ("", "")
    assert built.warnings == (
        f"{folder / 'contrary.txt'}: metadata says published 2019-03-09, but the text says "
        "2019-03-03 (date-line: 'March 3, 2019')",
    )


# Functions that read a clock: wall time, and the monotonic clocks a stage timer uses.
CLOCKS = frozenset({"now", "utcnow", "today", "time", "time_ns", "localtime", "gmtime",
                    "ctime", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns"})  # fmt: skip


@contextmanager
def clock_reads() -> Iterator[list[str]]:
    """The clock functions called (from C) while the block runs."""
    seen: list[str] = []

    def watch(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call" and getattr(arg, "__name__", "") in CLOCKS:
            seen.append(getattr(arg, "__qualname__", arg.__name__))

    sys.setprofile(watch)
    try:
        yield seen
    finally:
        sys.setprofile(None)


def test_the_watch_sees_a_clock_read() -> None:
    with clock_reads() as seen:
        dt.date.today()
    assert seen == ["date.today"]


def test_nothing_in_the_api_reads_the_clock(corpus: Corpus) -> None:
    folder = str(corpus({"story.txt": STORY, "blog.txt": BLOG, "contrary.txt": CONTRARY}))
    build_timeline([folder])  # the grammar compiled once, unwatched
    with clock_reads() as seen:
        built = build_timeline([folder])
        tag("The talks ended on Tuesday, a week after the March 3 truce.", None)
        tag("The talks ended on Tuesday.", dt.date(2019, 3, 14))
        for fmt in ("yaml", "json", "html", "table", "csv", "timelinejs", "ics", "markdown"):
            dumps(built, fmt)
    assert seen == []
