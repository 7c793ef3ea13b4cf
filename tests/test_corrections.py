"""corrections.yaml: pin, split, join and hide, keyed by source references, applied on
every build, named in explain; unmatched ones warn, malformed files stop the build."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from syriatl.chronicle.corrections import Ref, parse, ref_of, when_of
from syriatl.cli import app
from syriatl.errors import ExitCode, SyriatlError
from syriatl.metadata import load
from syriatl.model import Event, Precision
from syriatl.pipeline import Options, build_timeline

Corpus = Callable[[dict[str, str | bytes]], Path]
runner = CliRunner()

# Both published on Thu 7 Mar 2019 (1 Mar 2019 was a Friday, so 7 Mar is a Thursday):
# "Monday" is 4 Mar, "Tuesday" 5 Mar, "Wednesday" 6 Mar. Front matter takes lines 1-4.
WIRE = """---
published: 2019-03-07
outlet: Velmora Wire
---
Truce holds in Tarnfeld

The truce between the two militias came into force on Tuesday, officials in Tarnfeld said.

Rebels shelled the village of Osk on Monday, residents said.

The council voted on Wednesday to send monitors to Tarnfeld.
"""
LIVE = """---
published: 2019-03-07
outlet: Karvana Live
---
Monitors head to Tarnfeld

The Tarnfeld truce came into force on Tuesday after weeks of talks.

Shelling hit Osk on Monday, a local doctor said.
"""
ARTICLES: dict[str, str | bytes] = {"velmora-wire.txt": WIRE, "karvana-live.txt": LIVE}

SourceRef = tuple[str, int, str | None]


def built(folder: Path, corrections: str | None = None) -> tuple[tuple[Event, ...], list[str]]:
    result = build_timeline([str(folder)], Options(corrections=corrections))
    return result.timeline.events, list(result.warnings)


def holder(events: tuple[Event, ...], ref: SourceRef) -> Event:
    """The one event that tells the source ``ref`` (agreeing or dissenting)."""
    found = [e for e in events if ref in {s.ref for s in (*e.sources, *e.conflicts)}]
    assert len(found) == 1, (ref, found)
    return found[0]


def refs(event: Event) -> set[SourceRef]:
    return {s.ref for s in (*event.sources, *event.conflicts)}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# ---- references and dates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("velmora-wire:7:Tuesday", Ref("velmora-wire", 7, "Tuesday")),
        ("velmora-wire:12:on  Tuesday ", Ref("velmora-wire", 12, "on Tuesday")),
        # Split on the first two colons: a clock in the expression stays whole.
        ("live:30:at 21:00 GMT", Ref("live", 30, "at 21:00 GMT")),
        ("gulf-daily:3", Ref("gulf-daily", 3, None)),
        ("gulf-daily:3:", Ref("gulf-daily", 3, None)),
        ("world/gulf-daily:3", Ref("world/gulf-daily", 3, None)),
        ((("article", "a"), ("line", "9"), ("expression", "Monday")), Ref("a", 9, "Monday")),
        ((("article", "a"), ("line", "9")), Ref("a", 9, None)),
    ],
)
def test_a_reference_is_article_line_expression(given: Any, expected: Ref) -> None:
    assert ref_of(given) == expected


@pytest.mark.parametrize(
    ("date", "time", "precision", "start", "end"),
    [
        ("2019-03-05", None, Precision.DAY, dt.date(2019, 3, 5), dt.date(2019, 3, 5)),
        ("2019-03-05", "21:00", Precision.TIME, dt.date(2019, 3, 5), dt.date(2019, 3, 5)),
        ("2019-03", None, Precision.MONTH, dt.date(2019, 3, 1), dt.date(2019, 3, 31)),
        # 2019 is not a leap year, 2020 is.
        ("2019-02", None, Precision.MONTH, dt.date(2019, 2, 1), dt.date(2019, 2, 28)),
        ("2020-02", None, Precision.MONTH, dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2019", None, Precision.YEAR, dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
    ],
)
def test_a_pin_dates_at_the_precision_given(
    date: str, time: str | None, precision: Precision, start: dt.date, end: dt.date
) -> None:
    when = when_of(date, time)
    assert (when.value, when.precision, when.start, when.end, when.time) == (
        date,
        precision,
        start,
        end,
        time,
    )


# ---- each kind of correction on a build ----------------------------------------------


def test_without_corrections_the_sources_are_where_merging_put_them(corpus: Corpus) -> None:
    events, warnings = built(corpus(ARTICLES))
    assert holder(events, ("velmora-wire", 7, "Tuesday")).when.value == "2019-03-05"
    assert holder(events, ("velmora-wire", 11, "Wednesday")).when.value == "2019-03-06"
    assert all(e.corrections == () for e in events)
    assert warnings == []


@pytest.mark.parametrize(
    ("entry", "value", "precision", "time"),
    [
        ('{source: "velmora-wire:7:Tuesday", date: 2019-03-03}', "2019-03-03", Precision.DAY, None),
        (
            '{source: "velmora-wire:7:Tuesday", date: 2019-03-04, time: "21:00"}',
            "2019-03-04",
            Precision.TIME,
            "21:00",
        ),
        ('{source: "velmora-wire:7:Tuesday", date: 2019-03}', "2019-03", Precision.MONTH, None),
        (
            "{source: {article: velmora-wire, line: 7, expression: Tuesday}, date: 2019}",
            "2019",
            Precision.YEAR,
            None,
        ),
    ],
)
def test_pin_dates_the_source(
    corpus: Corpus, entry: str, value: str, precision: Precision, time: str | None
) -> None:
    folder = corpus({**ARTICLES, "corrections.yaml": f"pin:\n  - {entry}\n"})
    events, warnings = built(folder)
    event = holder(events, ("velmora-wire", 7, "Tuesday"))
    pinned = next(s for s in event.sources if s.ref == ("velmora-wire", 7, "Tuesday"))
    # The text said Tuesday, 5 Mar; the pin wins and the rule keeps what it had said.
    assert (pinned.when.value, pinned.when.precision, pinned.when.time) == (value, precision, time)
    assert "2019-03-05" in pinned.rule
    assert event.corrections[0].startswith(f"pin velmora-wire:7:Tuesday → {value}")
    assert warnings == []


def test_hide_leaves_the_source_out(corpus: Corpus) -> None:
    folder = corpus({**ARTICLES, "corrections.yaml": "hide:\n  - velmora-wire:11:Wednesday\n"})
    events, warnings = built(folder)
    told = set().union(*(refs(e) for e in events))
    assert ("velmora-wire", 11, "Wednesday") not in told
    # Wed 6 Mar was told by that source alone, so no event is left on that day.
    assert "2019-03-06" not in {e.when.value for e in events}
    assert ("velmora-wire", 7, "Tuesday") in told
    assert warnings == []


def test_split_makes_the_source_an_event_of_its_own(corpus: Corpus) -> None:
    monday = ("karvana-live", 9, "Monday")
    folder = corpus({**ARTICLES, "corrections.yaml": "split:\n  - source: karvana-live:9:Monday\n"})
    events, warnings = built(folder)
    alone = holder(events, monday)
    assert refs(alone) == {monday}
    assert alone.when.value == "2019-03-04"  # Monday before Thu 7 Mar
    assert alone.corrections == ("split karvana-live:9:Monday",)
    other = holder(events, ("velmora-wire", 9, "Monday"))
    assert other.id != alone.id
    assert warnings == []


def test_join_makes_two_events_one(corpus: Corpus) -> None:
    vote, truce = ("velmora-wire", 11, "Wednesday"), ("karvana-live", 7, "Tuesday")
    folder = corpus(ARTICLES)
    before, _ = built(folder)
    assert holder(before, vote).id != holder(before, truce).id
    (folder / "corrections.yaml").write_text(
        "join:\n  - [velmora-wire:11:Wednesday, karvana-live:7:Tuesday]\n", encoding="utf-8"
    )
    after, warnings = built(folder)
    joined = holder(after, vote)
    assert joined is holder(after, truce)
    assert "join velmora-wire:11:Wednesday + karvana-live:7:Tuesday" in joined.corrections
    # Two days (Tue 5 and Wed 6 Mar): one is the event's date, the other dissent.
    assert {joined.when.value, *(s.when.value for s in joined.conflicts)} == {
        "2019-03-05",
        "2019-03-06",
    }
    assert len(after) == len(before) - 1
    assert warnings == []


def test_an_explicit_file_applies_too(corpus: Corpus, tmp_path: Path) -> None:
    folder = corpus(ARTICLES)
    elsewhere = tmp_path / "editor.yaml"
    elsewhere.write_text("hide:\n  - velmora-wire:11:Wednesday\n", encoding="utf-8")
    events, _ = built(folder, str(elsewhere))
    assert ("velmora-wire", 11, "Wednesday") not in set().union(*(refs(e) for e in events))


# ---- what matches nothing, and what is not corrections -------------------------------


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("hide:\n  - nowhere:3\n", "hide nowhere:3 matches no source"),
        # Line 7 exists but says Tuesday, not Friday.
        (
            "pin:\n  - {source: 'velmora-wire:7:Friday', date: 2019-03-01}\n",
            "pin velmora-wire:7:Friday → 2019-03-01 matches no source",
        ),
        ("split:\n  - velmora-wire:8:Monday\n", "split velmora-wire:8:Monday matches no source"),
        (
            "join:\n  - [velmora-wire:7:Tuesday, karvana-live:99:Monday]\n",
            "join velmora-wire:7:Tuesday + karvana-live:99:Monday: "
            "karvana-live:99:Monday matches no source",
        ),
    ],
)
def test_a_correction_that_matches_nothing_is_a_warning(
    corpus: Corpus, text: str, warning: str
) -> None:
    folder = corpus({**ARTICLES, "corrections.yaml": text})
    code, out, err = run("build", str(folder), "-f", "yaml")
    assert code == 0
    assert err == f"warning: {folder / 'corrections.yaml'}: {warning}\n"
    assert yaml.safe_load(out)["events"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- pin\n", "must be a mapping of pin, split, join, hide"),
        ("move:\n  - a:1\n", "unknown field 'move'"),
        ("pin: a:1\n", "pin must be a list of entries"),
        ("pin:\n  - {source: 'a:1:Monday'}\n", "pin a:1:Monday: needs a date"),
        (
            "pin:\n  - {source: 'a:1', date: 2019-02-30}\n",
            "date '2019-02-30' is not a calendar date",
        ),
        ("pin:\n  - {source: 'a:1', date: March 3}\n", "'March 3' is not YYYY-MM-DD"),
        ("pin:\n  - {source: 'a:1', date: 2019-03, time: '21:00'}\n", "needs a date to the day"),
        ("pin:\n  - {source: 'a:1', date: 2019-03-03, time: '25:00'}\n", "is not HH:MM"),
        ("hide:\n  - velmora-wire\n", "is not ARTICLE:LINE"),
        ("hide:\n  - a:zero:Monday\n", "line 'zero' is not a line number"),
        ("hide:\n  - {source: 'a:1', because: x}\n", "unknown field 'because'"),
        ("join:\n  - [a:1]\n", "a list of two sources"),
        ("x: &a [1]\npin: *a\n", "aliases are not allowed"),
        ("pin: !!python/object:os.system {}\n", "python tags are not allowed"),
        ("pin: [\n", "line 2"),
        (
            "pin:\n  - {source: 'a:1', date: 2019-03-03}\n  - {source: 'a:1', date: 2019-03-04}\n",
            "pinned twice",
        ),
    ],
)
def test_a_malformed_file_is_one_line_and_exit_3(corpus: Corpus, text: str, problem: str) -> None:
    folder = corpus({**ARTICLES, "corrections.yaml": text})
    code, out, err = run("build", str(folder), "-f", "yaml")
    assert code == ExitCode.INPUT
    assert out == ""
    assert err.startswith(f"syriatl: {folder / 'corrections.yaml'}: ")
    assert problem in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_parse_refuses_with_the_file_named() -> None:
    with pytest.raises(SyriatlError) as raised:
        parse(load("split: 3\n", "fixes.yaml"), "fixes.yaml")
    assert str(raised.value) == "fixes.yaml: split must be a list of entries"
    assert raised.value.code is ExitCode.INPUT


def test_a_missing_explicit_file_is_exit_3(corpus: Corpus, tmp_path: Path) -> None:
    folder = corpus(ARTICLES)
    code, _, err = run("build", str(folder), "--corrections", str(tmp_path / "none.yaml"))
    assert code == ExitCode.INPUT
    assert err.startswith(f"syriatl: {tmp_path / 'none.yaml'}: cannot read")


def test_an_empty_file_corrects_nothing(corpus: Corpus) -> None:
    plain, _ = built(corpus(ARTICLES))
    events, warnings = built(corpus({"corrections.yaml": "# nothing yet\n"}))
    assert events == plain
    assert warnings == []


# ---- rebuilds, determinism, explain --------------------------------------------------

EVERYTHING = """\
pin:
  - source: velmora-wire:7:Tuesday
    date: 2019-03-03
    why: dated by its announcement
split:
  - karvana-live:9:Monday
join:
  - sources: [velmora-wire:11:Wednesday, karvana-live:7:Tuesday]
hide:
  - source: {article: velmora-wire, line: 9, expression: Monday}
"""


def test_the_same_inputs_and_corrections_give_the_same_bytes(corpus: Corpus) -> None:
    folder = corpus({**ARTICLES, "corrections.yaml": EVERYTHING})
    first = run("build", str(folder), "-f", "json")
    second = run("build", str(folder), "-f", "json")
    assert first == second
    assert first[0] == 0 and first[2] == ""
    # The file is read on every build: it is the corrections that moved the truce.
    dates = {e["date"] for e in json.loads(first[1])["events"]}
    assert "2019-03-03" in dates


def test_explain_names_each_correction_applied(corpus: Corpus) -> None:
    folder = corpus({**ARTICLES, "corrections.yaml": EVERYTHING})
    events, _ = built(folder)
    pinned = holder(events, ("velmora-wire", 7, "Tuesday"))
    joined = holder(events, ("karvana-live", 7, "Tuesday"))
    code, out, err = run("explain", pinned.id, str(folder), "-f", "yaml")
    assert code == 0, err
    (shown,) = yaml.safe_load(out)["events"]
    # Karvana Live's telling of the truce (Tuesday) stays with the pinned one as dissent,
    # so the join naming it lands on this event too.
    assert (
        "pin velmora-wire:7:Tuesday → 2019-03-03 (dated by its announcement)"
        in (shown["corrections"])
    )
    code, out, _ = run("explain", joined.id, str(folder), "-f", "table")
    assert code == 0
    assert "correction: join velmora-wire:11:Wednesday + karvana-live:7:Tuesday" in out


def test_explain_takes_an_explicit_file(corpus: Corpus, tmp_path: Path) -> None:
    folder = corpus(ARTICLES)
    elsewhere = tmp_path / "editor.yaml"
    elsewhere.write_text("split:\n  - karvana-live:9:Monday\n", encoding="utf-8")
    events, _ = built(folder, str(elsewhere))
    alone = holder(events, ("karvana-live", 9, "Monday"))
    code, out, err = run("explain", alone.id, str(folder), "--corrections", str(elsewhere))
    assert code == 0, err
    (shown,) = yaml.safe_load(out)["events"]
    assert shown["corrections"] == ["split karvana-live:9:Monday"]


def test_corrections_yaml_is_not_an_article(corpus: Corpus) -> None:
    folder = corpus({**ARTICLES, "corrections.yaml": EVERYTHING})
    code, out, _ = run("build", str(folder), "-f", "yaml")
    assert code == 0
    assert sorted(a["id"] for a in yaml.safe_load(out)["articles"]) == [
        "karvana-live",
        "velmora-wire",
    ]


def test_the_readme_example_reads_as_one_of_each() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Corrections", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    said = parse(load(example, "README"), "README")
    (_, pin), (_, split) = said.pins[0], said.splits[0]
    (_, join), (_, hide) = said.joins[0], said.hides[0]
    assert pin.label == (
        "pin velmora-wire:12:on Tuesday → 2019-03-05 21:00"
        " (the wire dated the truce by its announcement)"
    )
    assert split.source == Ref("gulf-daily", 7, "Sunday")
    assert (join.first, join.second) == (
        Ref("velmora-wire", 12, "on Tuesday"),
        Ref("karvana-live", 30, "Monday"),
    )
    assert hide.source == Ref("gulf-daily", 3, None)
