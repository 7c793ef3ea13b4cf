"""The command line as a user meets it: exit codes, stdout and stderr apart."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from syriatl import __version__
from syriatl.cli import app

Corpus = Callable[[dict[str, str | bytes]], Path]
runner = CliRunner()

STORY = "Talks End in Velmora\n\nMarch 12, 2019\n\nThe talks ended on Tuesday, officials said.\n"
BLOG = (
    "---\npublished: 2019-03-13\n---\nDaily Brief: Talks Over\n\n"
    "UPDATE 1130 GMT: Jets bombed Karvana this morning.\n\n"
    "ORIGINAL ENTRY: The three mediators said on Tuesday they would monitor the truce.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_yaml_has_the_documented_shape(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY, "blog.txt": BLOG})
    code, out, err = run("build", str(folder), "--format", "yaml")
    assert code == 0, err
    data = yaml.safe_load(out)
    assert list(data) == ["schema_version", "articles", "events", "problems"]
    assert data["schema_version"] == 3
    assert [a["id"] for a in data["articles"]] == ["blog", "story"]
    # Tue 12 Mar 2019 (the story's date line; 1 Jan 2019 was a Tuesday, + 70 days).
    dates = [(e["date"], e["time"]) for e in data["events"]]
    assert ("2019-03-12", None) in dates
    # The blog's 1130 GMT entry lead: the entry's day, Wed 13 Mar, without its clock.
    assert ("2019-03-13", None) in dates
    assert ("2019-03-13", "11:30") not in dates
    assert err == ""


def test_json_is_the_same_structure(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY, "blog.txt": BLOG})
    as_yaml = yaml.safe_load(run("build", str(folder), "-f", "yaml")[1])
    as_json = json.loads(run("build", str(folder), "-f", "json")[1])
    assert as_json == as_yaml


def test_output_is_byte_identical_run_to_run(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY, "blog.txt": BLOG})
    assert run("build", str(folder), "-f", "yaml")[1] == run("build", str(folder), "-f", "yaml")[1]


def test_table_is_plain_text_when_not_a_terminal(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY})
    code, out, _ = run("build", str(folder), "--format", "table")
    assert code == 0
    assert "Tue 12 Mar 2019" in out
    assert "\x1b[" not in out


def test_a_missing_path_is_one_line_and_exit_3(tmp_path: Path) -> None:
    code, out, err = run("build", str(tmp_path / "nowhere"))
    assert code == 3
    assert out == ""
    assert err.strip() == f"syriatl: {tmp_path / 'nowhere'}: no such file or folder"


def test_an_empty_folder_is_one_line_and_exit_3(tmp_path: Path) -> None:
    code, _, err = run("build", str(tmp_path))
    assert code == 3
    assert err.strip() == f"syriatl: {tmp_path}: no .txt or .html articles in this folder"


def test_a_binary_file_is_a_problem_and_the_rest_still_builds(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY, "blob.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    code, out, err = run("build", str(folder), "-f", "yaml")
    assert code == 0
    data = yaml.safe_load(out)
    assert [a["id"] for a in data["articles"]] == ["story"]
    blob = str(folder / "blob.txt")
    assert {"article": "blob", "path": blob, "problem": "binary file, not text"} in data["problems"]
    assert "blob.txt: binary file, not text" in err
    assert "Traceback" not in err


def test_a_cp1252_file_is_read_with_a_warning(corpus: Corpus) -> None:
    text = "Talks End\n\nJanuary 24, 2017\n\nThe envoy’s talks ended on Tuesday.\n"
    folder = corpus({"old.txt": text.encode("cp1252")})
    code, out, err = run("build", str(folder), "-f", "yaml")
    assert code == 0
    assert f"warning: {folder / 'old.txt'}: not UTF-8; read as cp1252" in err
    assert "envoy’s talks" in out


def test_an_undated_article_is_reported_not_dropped(corpus: Corpus) -> None:
    text = "Talks End\n\nThe talks ended on Tuesday. The war began in March 2011.\n"
    folder = corpus({"undated.txt": text})
    code, out, err = run("build", str(folder), "-f", "yaml")
    assert code == 0
    data = yaml.safe_load(out)
    assert data["articles"][0]["published"] is None
    # "Tuesday" needs a reference date and stays unresolved; "March 2011" does not.
    assert [e["date"] for e in data["events"]] == ["2011-03"]
    assert data["problems"][0]["article"] == "undated"
    assert data["problems"][0]["problem"].startswith("undated: ")
    # stderr names the file, as every message about one file does.
    assert f"problem: {folder / 'undated.txt'}: undated:" in err
    assert run("build", str(folder), "-f", "yaml", "--strict")[0] == 1


def test_since_and_until_keep_overlapping_events(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY + "\nThe war began in 2011.\n"})

    def dates(*extra: str) -> list[str]:
        out = run("build", str(folder), "-f", "yaml", *extra)[1]
        return [e["date"] for e in yaml.safe_load(out)["events"]]

    assert dates() == ["2011", "2019-03-12"]
    assert dates("--since", "2019-03") == ["2019-03-12"]
    assert dates("--until", "2016") == ["2011"]
    assert dates("--since", "2011-06", "--until", "2011-07") == ["2011"]


def test_a_bad_since_is_a_usage_error(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY})
    code, _, err = run("build", str(folder), "--since", "whenever")
    assert code == 2
    assert "not a date" in err


def test_output_file_is_written_whole(corpus: Corpus, tmp_path: Path) -> None:
    folder = corpus({"story.txt": STORY})
    target = tmp_path / "out.yaml"
    code, out, _ = run("build", str(folder), "-f", "yaml", "--output", str(target))
    assert (code, out) == (0, "")
    assert yaml.safe_load(target.read_text())["events"][0]["date"] == "2019-03-12"
    assert not list(tmp_path.glob(".out.yaml.*"))


def test_output_into_a_missing_folder_fails_cleanly(corpus: Corpus, tmp_path: Path) -> None:
    folder = corpus({"story.txt": STORY})
    code, _, err = run("build", str(folder), "-f", "yaml", "-o", str(tmp_path / "no" / "x.yaml"))
    assert code == 4
    assert err.startswith(f"syriatl: {tmp_path / 'no' / 'x.yaml'}: cannot write")


def test_articles_lists_rule_and_evidence(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY, "blog.txt": BLOG})
    rows = yaml.safe_load(run("articles", str(folder), "-f", "yaml")[1])["articles"]
    story = next(r for r in rows if r["id"] == "story")
    assert (story["published"], story["published_rule"], story["published_evidence"]) == (
        "2019-03-12",
        "date-line",
        "March 12, 2019",
    )
    assert next(r for r in rows if r["id"] == "blog")["entries"] == 2


def test_updates_lists_entries_with_their_timestamps(corpus: Corpus) -> None:
    folder = corpus({"blog.txt": BLOG})
    rows = yaml.safe_load(run("updates", str(folder), "-f", "yaml")[1])["updates"]
    assert [(r["entry"], r["date"], r["time"]) for r in rows] == [
        ("UPDATE 1130 GMT", "2019-03-13", "11:30"),
        ("ORIGINAL ENTRY", "2019-03-13", None),
    ]
    assert rows[0]["first_sentence"] == "Jets bombed Karvana this morning."


def test_ingest_copies_byte_for_byte_and_records_metadata(tmp_path: Path) -> None:
    raw = tmp_path / "page.txt"
    raw.write_bytes(b"Talks End\r\n\r\nThe talks ended on Tuesday.\r\n")
    into = tmp_path / "corpus"
    code, _, err = run(
        "ingest", str(raw), "--into", str(into), "--published", "2019-03-12", "--outlet", "Example"
    )
    assert code == 0, err
    assert (into / "page.txt").read_bytes() == raw.read_bytes()
    assert yaml.safe_load((into / "sources.yaml").read_text()) == {
        "page.txt": {"published": "2019-03-12", "outlet": "Example"}
    }
    built = yaml.safe_load(run("build", str(into), "-f", "yaml")[1])
    assert built["events"][0]["date"] == "2019-03-12"


def test_ingest_refuses_a_different_file_of_the_same_name(tmp_path: Path) -> None:
    into = tmp_path / "corpus"
    into.mkdir()
    (into / "page.txt").write_text("one")
    raw = tmp_path / "page.txt"
    raw.write_text("two")
    code, _, err = run("ingest", str(raw), "--into", str(into))
    assert code == 3
    assert "a different file of this name is already in the corpus" in err
    assert (into / "page.txt").read_text() == "one"


def test_broken_sources_yaml_stops_the_run(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY, "sources.yaml": "story.txt: [unclosed\n"})
    code, out, err = run("build", str(folder))
    assert code == 3
    assert out == ""
    assert err.startswith(f"syriatl: {folder / 'sources.yaml'}: ")
    assert len(err.strip().splitlines()) == 1


ANCHORED = (
    "Siege Goes On\n\nMarch 20, 2019\n\n"
    "The siege of Karvana began on February 11. A truce was announced two weeks later.\n"
)


def test_explain_shows_expression_rule_anchor_and_date(corpus: Corpus) -> None:
    folder = corpus({"story.txt": ANCHORED})
    events = yaml.safe_load(run("build", str(folder), "-f", "yaml")[1])["events"]
    # "February 11" in a March 2019 article is the February just past: 2019-02-11;
    # "two weeks later" is 11 + 14 = 25 February 2019, read against that earlier date.
    truce = next(e for e in events if e["date"] == "2019-02-25")
    code, out, err = run("explain", truce["id"][:8], str(folder), "-f", "yaml")
    assert code == 0, err
    (explained,) = yaml.safe_load(out)["events"]
    assert explained["id"] == truce["id"]
    (source,) = explained["sources"]
    assert source["explanation"] == (
        '"two weeks later" -> units-later/anchored:earlier-date -> anchor: the date given '
        "earlier in the story, February 11 = 2019-02-11 -> 2019-02-25"
    )
    siege = next(e for e in events if e["date"] == "2019-02-11")
    out = run("explain", siege["id"], str(folder), "-f", "table")[1]
    assert "anchor: publication date 2019-03-20, dated by date-line: March 20, 2019" in (
        " ".join(out.split())
    )


def test_explain_an_unknown_event_is_a_usage_error(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY})
    code, out, err = run("explain", "ev-nothing", str(folder))
    assert (code, out) == (2, "")
    assert err.strip() == "syriatl: ev-nothing: no event of the 1 built has this id"
    code, _, err = run("explain", "ev-", str(corpus({"blog.txt": BLOG})))
    assert code == 2
    assert " events have ids that start so: ev-" in err
    assert run("explain", " ", str(folder))[0] == 2


def test_build_explain_adds_a_chain_to_every_source(corpus: Corpus) -> None:
    folder = corpus({"blog.txt": BLOG})
    events = yaml.safe_load(run("build", str(folder), "-f", "yaml", "--explain")[1])["events"]
    assert events
    assert all("explanation" in s for e in events for s in (*e["sources"], *e["conflicts"]))
    chains = [s["explanation"] for e in events for s in e["sources"]]
    # The 1130 GMT entry's lead dates itself: "this morning" is the morning of the
    # entry's day, Wed 2019-03-13 (the given date, offset 0), at day precision: 11:30 is
    # when the entry was written, not when the jets bombed.
    assert (
        '"this morning" -> this-part/shift:day -> anchor: entry "UPDATE 1130 GMT" at '
        "2019-03-13 11:30 (publication date 2019-03-13, dated by metadata: published: "
        "2019-03-13) -> 2019-03-13"
    ) in chains
    assert not any(c.startswith("the lead of") for c in chains)  # no report's day
    plain = yaml.safe_load(run("build", str(folder), "-f", "yaml")[1])["events"]
    assert all("explanation" not in s for e in plain for s in e["sources"])


# A live blog published Sun 8 Jan 2017 (1 Jan 2017 was a Sunday), newest entry first:
# 0740 and 1745 GMT are Sun 8, and 0815 GMT, above 1745, the morning after, Mon 9. Entry
# stamps are when the entries were written; leads told in the perfect look back to a day
# the text gives elsewhere ("on Saturday" = Sun 8 - 1 = Sat 7 Jan) or to none.
LOOK_BACK = (
    "---\npublished: 2017-01-08\n---\nLive: Truce Talks Around the Valley\n\n"
    "UPDATE 0815 GMT: Government forces have finally taken control of the springs.\n\n"
    "UPDATE 1745 GMT: A ceasefire has begun across the valley, monitors said.\n\n"
    "UPDATE 0740 GMT: After two days of talks, both sides have pledged to keep the water "
    "flowing.\n\n"
    "ORIGINAL ENTRY: Government forces moved in on Saturday to take control of the springs.\n"
)


def test_an_entry_lead_without_a_date_is_the_entry_day_with_no_clock(corpus: Corpus) -> None:
    folder = corpus({"blog.txt": LOOK_BACK})
    data = yaml.safe_load(run("build", str(folder), "-f", "yaml")[1])
    by_entry = {s["entry"]: (e, s) for e in data["events"] for s in e["sources"]}
    for entry, day in (
        ("UPDATE 0815 GMT", "2017-01-09"),
        ("UPDATE 1745 GMT", "2017-01-08"),
        ("UPDATE 0740 GMT", "2017-01-08"),
    ):
        event, source = by_entry[entry]
        # The day the entry was written, as a report: never its clock.
        assert (event["date"], event["time"], event["precision"]) == (day, None, "day")
        assert (source["basis"], source["rule"], source["expression"]) == (
            "reported", "entry-day", None,
        )  # fmt: skip
    # The text's own date wins for the entry that gives one: Saturday = Sat 7 Jan.
    event, source = by_entry["ORIGINAL ENTRY"]
    told = (event["date"], event["basis"], source["expression"])
    assert told == ("2017-01-07", "text", "Saturday")
    # `updates` still shows each entry's stamp, clock and all.
    updates = yaml.safe_load(run("updates", str(folder), "-f", "yaml")[1])["updates"]
    assert [(u["entry"], u["date"], u["time"]) for u in updates][:2] == [
        ("UPDATE 0815 GMT", "2017-01-09", "08:15"),
        ("UPDATE 1745 GMT", "2017-01-08", "17:45"),
    ]


def test_jobs_give_the_same_output(corpus: Corpus) -> None:
    # The wire's dateline has no year: it waits for the rest of the corpus (2019),
    # and 12 March is a Tuesday in 2019 only (1 Jan 2019 a Tuesday, + 70 days).
    wire = "Talks Resume\n\nVELMORA, March 12 – Negotiators met again on Tuesday, aides said.\n"
    files = {"story.txt": STORY, "blog.txt": BLOG, "anchored.txt": ANCHORED, "wire.txt": wire}
    folder = corpus(files)
    one = run("build", str(folder), "-f", "yaml")[1]
    dated = {a["id"]: a["published"] for a in yaml.safe_load(one)["articles"]}
    assert dated["wire"] == "2019-03-12"
    assert run("build", str(folder), "-f", "yaml", "--jobs", "2")[1] == one
    assert run("build", str(folder), "--jobs", "0")[0] == 2


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"syriatl {__version__}")


@pytest.mark.parametrize("command", ["build", "articles", "updates", "ingest", "explain", "tag"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Usage:" in out


# --- Usage errors: one plain line (and where to look), exit 2, nothing on stdout. ---

USAGE = [
    # (arguments after the corpus folder, the message)
    (["build", "-f", "xlsx"], "syriatl: --format: 'xlsx' is not a format: choose table, yaml, json, html, csv, timelinejs, ics or markdown"),
    (["articles", "--format", "xml"], "syriatl: --format: 'xml' is not a format: choose table, yaml, json, html, csv, timelinejs, ics or markdown"),
    (["tag", "-f", "yaml"], "syriatl: --format: 'yaml' is not a format: choose table or jsonl"),
    (["build", "--jobs", "x"], "syriatl: --jobs: 'x' is not a number of worker processes: give 1 or more"),
    (["build", "-j", "0"], "syriatl: --jobs: '0' is not a number of worker processes: give 1 or more"),
    (["build", "-j", "-3"], "syriatl: --jobs: '-3' is not a number of worker processes: give 1 or more"),
    (["build", "-j", "1.5"], "syriatl: --jobs: '1.5' is not a number of worker processes: give 1 or more"),
    (["build", "--since", "24 Jan"], "syriatl: --since: '24 Jan' has no year: give e.g. 2017-01-24"),
    (["build", "--since", "yesterday"], "syriatl: --since: 'yesterday' is relative to today: give e.g. 2017-01-24"),
    (["build", "--since", "last Tuesday"], "syriatl: --since: 'last Tuesday' is relative to today: give e.g. 2017-01-24"),
    (["build", "--until", "today"], "syriatl: --until: 'today' is relative to today: give e.g. 2017-01-24"),
    (["build", "--until", "March"], "syriatl: --until: 'March' has no year: give e.g. 2017-01-24"),
    (["build", "--since", "whenever"], "syriatl: --since: 'whenever' is not a date: give e.g. 2017-01-24, 2017-01 or 2017"),
    (["build", "--since", "2019-05", "--until", "2019-04"],
     "syriatl: --since: '2019-05' is after --until '2019-04': give the earlier date first"),
    (["build", "--since", "13 March 2019", "--until", "March 12, 2019"],
     "syriatl: --since: '13 March 2019' is after --until 'March 12, 2019': give the earlier date first"),
    (["tag", "--dct", "yesterday"], "syriatl: --dct: 'yesterday' is relative to today: give e.g. 2017-01-24"),
    (["tag", "--dct", "2019-03"], "syriatl: --dct: '2019-03' is not a full date: give e.g. 2017-01-24"),
    (["ingest", "--into", "x", "--published", "12 Mar"], "syriatl: --published: '12 Mar' has no year: give e.g. 2017-01-24"),
    (["ingest", "--into", "x", "--published", "2019"], "syriatl: --published: '2019' is not a full date: give e.g. 2017-01-24"),
    (["ingest"], "syriatl: --into: missing (the corpus folder to copy them into)"),
    (["build", "--bogus"], "syriatl: no such option: --bogus (Possible options: --jobs, --verbose)"),
    (["build", "--since"], "syriatl: option '--since' requires an argument"),
    (["build", "--strict=yes"], "syriatl: option '--strict' does not take a value"),
    (["explain", " "], "syriatl: EVENT_ID: give an event id (see the id of each event in build -f yaml)"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), USAGE)
def test_a_usage_error_is_one_plain_line_and_exit_2(
    corpus: Corpus, args: list[str], message: str
) -> None:
    folder = corpus({"story.txt": STORY})
    command, *options = args
    where = [str(folder / "story.txt")] if command in ("ingest", "tag") else [str(folder)]
    code, out, err = run(command, *(where if command != "explain" else []), *options)
    if command == "explain":
        code, out, err = run(command, *options, str(folder))
    assert (code, out) == (2, "")
    first, *rest = err.splitlines()
    assert first == message
    assert rest in ([], [f"Try 'syriatl {command} --help' for help."])


@pytest.mark.parametrize(
    ("args", "message"),
    [(["explain"], "syriatl: EVENT_ID: missing (the event's id (or a prefix of it that only it has))"),
     (["ingest"], "syriatl: FILE: missing (raw article files to copy)"),
     (["bulid"], "syriatl: no such command 'bulid'. Did you mean 'build'?")],
)  # fmt: skip
def test_a_missing_argument_or_command_is_one_plain_line(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == message
    assert len(err.splitlines()) <= 2


@pytest.mark.parametrize(
    ("options", "dates"),
    [(["--since", "12 March 2019"], ["2019-03-12"]),
     (["--since", "Mar 12, 2019"], ["2019-03-12"]),
     (["--since", "March 2019"], ["2019-03-12"]),
     (["--until", "March 11, 2019"], ["2011"]),
     (["--until", "2019-03-12"], ["2011", "2019-03-12"]),
     (["--since", "2011", "--until", "2011"], ["2011"]),
     (["--since", "2019-03-12", "--until", "2019-03"], ["2019-03-12"])],
)  # fmt: skip
def test_since_and_until_take_full_dates_with_a_year(
    corpus: Corpus, options: list[str], dates: list[str]
) -> None:
    folder = corpus({"story.txt": STORY + "\nThe war began in 2011.\n"})
    code, out, err = run("build", str(folder), "-f", "yaml", *options)
    assert code == 0, err
    assert [e["date"] for e in yaml.safe_load(out)["events"]] == dates


@pytest.mark.parametrize("dct", ["2019-03-12", "12 March 2019", "Mar 12, 2019"])
def test_tag_dct_takes_a_full_date(tmp_path: Path, dct: str) -> None:
    text = tmp_path / "note.txt"
    text.write_text("The talks ended on Tuesday.\n")
    code, out, err = run("tag", str(text), "--dct", dct, "-f", "jsonl")
    assert code == 0, err
    # 2019-03-12 is a Tuesday (1 Jan 2019 a Tuesday, + 70 days = 10 weeks): the same day.
    assert [json.loads(line)["value"] for line in out.splitlines()] == ["2019-03-12"]


@pytest.mark.parametrize(
    ("args", "usage"),
    [(["build"], "syriatl build articles/"),
     (["articles"], "syriatl articles articles/"),
     (["updates"], "syriatl updates articles/"),
     (["explain", "ev-1"], "syriatl explain EVENT_ID articles/")],
)  # fmt: skip
def test_no_path_and_no_seeds_folder_says_what_to_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], usage: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*args)
    assert (code, out) == (3, "")
    assert err == (
        "syriatl: no articles given and no seeds/ folder here: give article files or "
        f"folders, e.g. {usage}\n"
    )


def test_no_path_builds_the_seeds_folder_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "story.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("build", "-f", "yaml")
    assert code == 0
    assert [a["id"] for a in yaml.safe_load(out)["articles"]] == ["story"]


# --- Real processes: what CliRunner cannot show (pipes, full disks, FIFOs, signals). ---

SYRIATL = [sys.executable, "-m", "syriatl"]


def process(*args: str, **popen: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*SYRIATL, *args], stderr=subprocess.PIPE, **popen)  # type: ignore[call-overload]


@pytest.mark.parametrize("fmt", ["yaml", "json", "table"])
def test_a_reader_that_went_away_is_exit_141_and_quiet(corpus: Corpus, fmt: str) -> None:
    folder = corpus({"story.txt": STORY, "blog.txt": BLOG})
    child = process("build", str(folder), "-f", fmt, stdout=subprocess.PIPE)
    assert child.stdout is not None
    child.stdout.close()  # like `| head -0`: the pipe is closed before anything is written
    _, err = child.communicate(timeout=120)
    assert (child.returncode, err) == (141, b"")


@pytest.mark.parametrize("fmt", ["yaml", "table"])
def test_stdout_on_a_full_disk_is_exit_4_in_one_line(corpus: Corpus, fmt: str) -> None:
    folder = corpus({"story.txt": STORY})
    with Path("/dev/full").open("wb") as full:
        child = process("build", str(folder), "-f", fmt, stdout=full)
        _, err = child.communicate(timeout=120)
    assert child.returncode == 4
    assert err == b"syriatl: stdout: cannot write (no space left on device)\n"


@pytest.mark.parametrize(
    ("target", "problem"),
    [("/dev/full", "cannot write (no space left on device)"),
     ("{tmp}", "cannot write (is a directory)"),
     ("{tmp}/missing/out.yaml", "cannot write (no such file or folder)")],
)  # fmt: skip
def test_an_output_that_cannot_be_written_is_exit_4_naming_it(
    corpus: Corpus, tmp_path: Path, target: str, problem: str
) -> None:
    folder = corpus({"story.txt": STORY})
    where = target.format(tmp=tmp_path)
    child = process("build", str(folder), "-f", "yaml", "-o", where, stdout=subprocess.PIPE)
    out, err = child.communicate(timeout=120)
    assert (child.returncode, out) == (4, b"")
    assert err.decode() == f"syriatl: {where}: {problem}\n"


def test_output_into_a_fifo_reaches_its_reader_with_end_of_file(
    corpus: Corpus, tmp_path: Path
) -> None:
    folder = corpus({"story.txt": STORY})
    expected = run("build", str(folder), "-f", "yaml")[1].encode()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    child = process("build", str(folder), "-f", "yaml", "-o", str(fifo))
    _, err = child.communicate(timeout=120)
    reader.join(timeout=10)
    assert (child.returncode, err, received) == (0, b"", [expected])
    assert fifo.is_fifo()


@pytest.mark.parametrize("target", ["/dev/stdout", "-"])
def test_output_onto_dev_stdout_goes_to_stdout(corpus: Corpus, tmp_path: Path, target: str) -> None:
    folder = corpus({"story.txt": STORY})
    expected = run("build", str(folder), "-f", "yaml")[1].encode()
    child = process(
        "build", str(folder), "-f", "yaml", "-o", target, stdout=subprocess.PIPE, cwd=tmp_path
    )
    out, err = child.communicate(timeout=120)
    assert (child.returncode, out, err) == (0, expected, b"")
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]  # and no file named "-"


# The build's YAML comes out as one chunk, then the writer waits: a signal is sent while
# the temporary file is open, never after the run has finished.
STALLED = """
import signal, sys, time
from syriatl import render
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even if ignored here
def stalled(timeline):
    yield "events: []\\n"
    time.sleep(60)
    yield "problems: []\\n"
render.RENDERERS["build"]["yaml"] = stalled
from syriatl.cli import main
sys.argv[0] = "syriatl"
main()
"""


def temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".out.yaml.*.tmp"))


def stalled_write(folder: Path, target: Path) -> subprocess.Popen[bytes]:
    child = subprocess.Popen(
        [sys.executable, "-c", STALLED, "build", str(folder), "-f", "yaml", "-o", str(target)],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not temporaries(target.parent) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert temporaries(target.parent), "the write never started"
    return child


@pytest.mark.parametrize(
    ("sent", "code", "left"),
    [(signal.SIGTERM, 143, 0), (signal.SIGINT, 130, 0), (signal.SIGKILL, -signal.SIGKILL, 1)],
)  # 128 + 15 and 128 + 2 are the shell's codes; SIGKILL cannot be caught, the file stays
def test_a_signal_during_output_keeps_the_old_file(
    corpus: Corpus, tmp_path: Path, sent: signal.Signals, code: int, left: int
) -> None:
    folder = corpus({"story.txt": STORY})
    written = tmp_path / "written"
    written.mkdir()
    target = written / "out.yaml"
    target.write_text("old: output\n")
    child = stalled_write(folder, target)
    child.send_signal(sent)
    _, err = child.communicate(timeout=60)
    assert (child.returncode, err) == (code, b"")
    assert target.read_text() == "old: output\n"
    assert len(temporaries(written)) == left
    # The next run writes the output and removes what a dead run left behind.
    after = subprocess.run([*SYRIATL, "build", str(folder), "-f", "yaml", "-o", str(target)])
    assert after.returncode == 0
    assert yaml.safe_load(target.read_text())["events"][0]["date"] == "2019-03-12"
    assert temporaries(written) == []


def unprivileged() -> list[str]:
    """The command prefix that runs as nobody (CI runs as root, whom no mode stops)."""
    if os.geteuid() != 0:
        return []
    if subprocess.run(["setpriv", "--version"], capture_output=True).returncode != 0:
        pytest.skip("running as root and setpriv is missing: cannot drop privileges")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.parametrize(
    ("target", "setup"),
    [("locked/out.yaml", "a folder nobody may write into"),
     ("open/out.yaml", "a read-only file in a folder anyone may write into")],
)  # fmt: skip
def test_output_the_user_may_not_write_is_exit_4(target: str, setup: str) -> None:
    prefix = unprivileged()
    with tempfile.TemporaryDirectory() as name:  # pytest's tmp_path is closed to nobody
        tmp_path = Path(name)
        tmp_path.chmod(0o755)
        check_unwritable(prefix, tmp_path, target, setup)


def check_unwritable(prefix: list[str], tmp_path: Path, target: str, setup: str) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "story.txt").chmod(0o644)
    for name, mode in (("locked", 0o755), ("open", 0o777)):
        (tmp_path / name).mkdir()
        (tmp_path / name).chmod(mode)
    (tmp_path / "open" / "out.yaml").write_text("old: output\n")
    (tmp_path / "open" / "out.yaml").chmod(0o444)
    where = tmp_path / target
    # Without the cache: the test run's cache folder is root's alone.
    argv = ["build", str(tmp_path / "story.txt"), "-f", "yaml", "--no-cache", "-o", str(where)]
    child = subprocess.run(
        [*prefix, *SYRIATL, *argv],
        capture_output=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert (child.returncode, child.stdout) == (4, b""), setup
    assert child.stderr.decode() == f"syriatl: {where}: cannot write (permission denied)\n"
    assert (tmp_path / "open" / "out.yaml").read_text() == "old: output\n"
    assert sorted(p.name for p in (tmp_path / "open").iterdir()) == ["out.yaml"]


def test_output_onto_one_of_the_articles_is_refused(corpus: Corpus) -> None:
    text = "Talks End\n\nMarch 12, 2019\n\nThe talks ended on Tuesday.\n"
    folder = corpus({"a.txt": text})
    code, _, err = run("build", str(folder), "-o", str(folder / "a.txt"))
    assert code == 4
    assert err == f"syriatl: {folder / 'a.txt'}: is an article of this build; write elsewhere\n"
    assert (folder / "a.txt").read_text() == text


def test_a_table_written_to_a_file_says_its_problems_on_stderr(corpus: Corpus) -> None:
    folder = corpus({"a.txt": "Talks End\n\nThe talks ended on Tuesday.\n"})
    code, _, err = run("build", str(folder), "-f", "table", "-o", str(folder.parent / "t.txt"))
    assert code == 0
    assert f"problem: {folder / 'a.txt'}: undated: " in err
