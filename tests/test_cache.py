"""The cache of analyses: a build with it is byte for byte a build without it, a rebuild
analyses only what changed, and a cache file that cannot be trusted is a warning and a
build without it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syriatl import metadata, pipeline, plain
from syriatl.chronicle import cache
from syriatl.chronicle import corrections as fixes
from syriatl.cli import app
from syriatl.pipeline import Options, build_timeline
from syriatl.render import timeline_sections, yaml_chunks

# 2017-03-08 is a Wednesday (2017-01-01 is a Sunday; March 8 is 66 days later, 66 % 7 = 3),
# so "on Tuesday" is 2017-03-07.
DATED = """---
published: 2017-03-08
outlet: Gulf Daily
---
Truce holds in Douma

The truce in Douma held on Tuesday, the monitoring group said.
"""
# No year in the dateline: March 9 is a Thursday in 2017 (67 days after Sunday, 67 % 7 =
# 4) but a Wednesday in 2016 and a Friday in 2018, so with the corpus dated in 2017 it is
# 2017-03-09. It waits for the corpus in the first pass.
YEARLESS = """Talks resume in Geneva

GENEVA, Mar 9 (Reuters) - Talks between the two delegations resumed on Thursday, the UN envoy said.
"""
REPORT = """---
published: 2017-03-10
---
Convoy reaches Madaya

An aid convoy reached Madaya on Friday, the Red Crescent said.
"""
OTHER_REPORT = """---
published: 2017-03-11
---
Shelling stops in Homs

Shelling of Homs stopped on Saturday, residents said.
"""
# 2023-03-09 is a Thursday as well (2023-01-01 is a Sunday), so with this article the
# corpus spans 2017-2023 and the dateline fits two years: YEARLESS becomes undated.
LATER = """---
published: 2023-03-01
---
Envoy visits Damascus

The envoy arrived in Damascus on Tuesday, officials said.
"""

Corpus = Callable[[dict[str, str]], Path]


@pytest.fixture
def hand(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """A corpus folder of the files given (name -> text) and nothing else."""
    root = tmp_path / "corpus"

    def write(files: dict[str, str]) -> Path:
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return write


BASE = {"dated.txt": DATED, "yearless.txt": YEARLESS, "a/report.txt": REPORT}


def _counting(
    monkeypatch: pytest.MonkeyPatch, watched: Mapping[str, tuple[object, str]]
) -> Counter[str]:
    """How often each function of ``watched`` (label -> module, name) is called."""
    calls: Counter[str] = Counter()

    def watch(label: str, module: object, name: str) -> None:
        function = getattr(module, name)

        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[label] += 1
            return function(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)

    for label, (module, name) in watched.items():
        watch(label, module, name)
    return calls


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often a build analyses an article (reads and lays it out) and finishes one
    (resolves its dates and makes its events)."""
    return _counting(
        monkeypatch, {"analyse": (pipeline, "analyse"), "finish": (pipeline, "finish")}
    )


@pytest.fixture
def merges(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often a build merges its sources and parses a ``sources.yaml``."""
    watched = {"merge": (fixes, "merged"), "sources.yaml": (metadata, "sources_of")}
    return _counting(monkeypatch, watched)


def yaml_of(
    folder: Path, cache_folder: Path | None, **options: object
) -> tuple[str, tuple[str, ...]]:
    """The YAML of a build and its warnings."""
    folder_option = str(cache_folder) if cache_folder else None
    built = build_timeline([str(folder)], Options(cache=folder_option, **options))  # type: ignore[arg-type]
    return "".join(yaml_chunks(timeline_sections(built.timeline))), built.warnings


def test_a_cold_build_analyses_each_article_once_waiting_ones_included(
    hand: Corpus, counted: Counter[str], tmp_path: Path
) -> None:
    folder = hand(BASE)
    text, _ = yaml_of(folder, None)
    # Three articles, one of them (yearless.txt) settled in the second pass from what the
    # first pass kept of it.
    assert counted == {"analyse": 3, "finish": 3}
    assert "published: '2017-03-09'\n  published_rule: dateline+lead-weekday" in text


def test_a_rebuild_analyses_nothing_and_gives_the_same_bytes(
    hand: Corpus, counted: Counter[str], tmp_path: Path
) -> None:
    folder = hand(BASE)
    kept = tmp_path / "cache"
    without, _ = yaml_of(folder, None)
    counted.clear()
    cold, cold_warnings = yaml_of(folder, kept)
    assert counted == {"analyse": 3, "finish": 3}
    counted.clear()
    warm, warm_warnings = yaml_of(folder, kept)
    assert counted == {}  # the waiting article's settled told is kept at its date too
    assert without == cold == warm
    assert cold_warnings == warm_warnings == ()
    assert (kept / cache.FILE).is_file()


# The folder's metadata: one entry that can be used and one that cannot (no such day).
SOURCES = """yearless.txt:
  outlet: Douma Daily
dated.txt:
  published: 2017-02-30
"""


def test_a_rebuild_neither_merges_nor_parses_the_metadata_again(
    hand: Corpus, merges: Counter[str], tmp_path: Path
) -> None:
    folder = hand({**BASE, "sources.yaml": SOURCES})
    kept = tmp_path / "cache"
    without = yaml_of(folder, None)
    assert "outlet: Douma Daily\n" in without[0] and "2017-02-30" in without[0]
    merges.clear()
    cold = yaml_of(folder, kept)
    assert merges == {"merge": 1, "sources.yaml": 1}
    merges.clear()
    warm = yaml_of(folder, kept)
    assert merges == {}
    assert without == cold == warm


def test_a_merge_record_names_only_the_sources_it_is_of(hand: Corpus) -> None:
    built = build_timeline([str(hand(BASE))])
    sources = [s for e in built.timeline.events for s in e.sources]
    applied = fixes.Applied(built.timeline.events, ())
    record = pipeline.merge_record(applied, sources)
    assert record is not None
    assert pipeline.merge_of(record, sources) == applied
    with pytest.raises(plain.Unfit, match="out of range"):
        pipeline.merge_of(record, sources[:-1])
    # An event holding a source that is not among them is never kept.
    assert pipeline.merge_record(applied, sources[1:]) is None


# (rows of a sources.yaml record: name, metadata, refusal)
LISTED_UNFIT = [("both", {"outlet": "X"}, "no such day"), ("neither", None, None)]


@pytest.mark.parametrize(("name", "given", "refused"), LISTED_UNFIT, ids=["both", "neither"])
def test_a_sources_record_with_metadata_and_a_refusal_or_neither_is_refused(
    name: str, given: dict[str, str] | None, refused: str | None
) -> None:
    row = [name, None if given is None else [None, None, given["outlet"], None, None, None],
           refused]  # fmt: skip
    record = json.dumps([row]).encode()
    with pytest.raises(plain.Unfit, match="metadata and a refusal, or neither"):
        pipeline._listed_of(record)


# (what changes between the builds, the files written then, articles analysed, finished).
# Every change merges again; a build that pins a date keeps no merge, and merges on
# every build.
CHANGES = [
    # The edited article alone is read again; the others come from the cache.
    ("an edited article", {"dated.txt": DATED.replace("on Tuesday", "on Monday")}, 1, 1),
    # A new article is read; its 2023 makes the year-less dateline fit 2017 and 2023, so
    # the waiting article is settled again (finished) at its new date, undated, without
    # being read.
    ("a new year in the corpus", {"later.txt": LATER}, 1, 2),
    # Another file of the stem "report": ids become a/report and b/report; a/report comes
    # from the cache under its new id.
    ("an id collision", {"b/report.txt": OTHER_REPORT}, 1, 1),
    # Its metadata is part of an article's key.
    (
        "new metadata",
        {"dated.txt": DATED, "sources.yaml": "yearless.txt:\n  outlet: Wire Weekly\n"},
        1,
        1,
    ),
    # Corrections change no article's analysis, only the merge.
    ("a new correction", {"corrections.yaml": "hide:\n  - dated:7:Tuesday\n"}, 0, 0),
    (
        "a pin",
        {"corrections.yaml": "pin:\n  - {source: 'dated:7:Tuesday', date: 2017-03-06}\n"},
        0,
        0,
    ),
]


@pytest.mark.parametrize(
    ("change", "files", "analysed", "finished"), CHANGES, ids=[c[0] for c in CHANGES]
)
def test_a_change_is_analysed_again_and_the_build_is_the_one_without_cache(
    hand: Corpus,
    counted: Counter[str],
    merges: Counter[str],
    tmp_path: Path,
    change: str,
    files: dict[str, str],
    analysed: int,
    finished: int,
) -> None:
    folder = hand(BASE)
    kept = tmp_path / "cache"
    before, _ = yaml_of(folder, kept)
    hand(files)
    counted.clear()
    merges.clear()
    cached, warnings = yaml_of(folder, kept)
    assert {**counted} == {k: n for k, n in (("analyse", analysed), ("finish", finished)) if n}
    assert merges["merge"] == 1
    without, _ = yaml_of(folder, None)
    assert cached == without != before
    assert warnings == ()
    counted.clear()
    merges.clear()
    assert yaml_of(folder, kept) == (without, ())
    assert counted == {}
    assert merges["merge"] == (1 if change == "a pin" else 0)


# A page whose markup names its site and address; the text has no date of its own, so
# its publication date is the markup's, 5 March 2019 (a Tuesday: 1 January 2019 was a
# Tuesday and 5 March is 63 days later, 63 % 7 = 0).
PAGE = (
    '<html><head><title>Envoys meet</title><meta property="og:site_name" content="{site}">'
    '<meta property="article:published_time" content="2019-03-05T09:30:00+02:00">'
    '<link rel="canonical" href="https://ostrel.example/envoys"></head><body><article>'
    "<h1>Envoys meet in Ostrel to open the road</h1><p>Envoys from both sides met in Ostrel "
    "on Tuesday to agree on the opening of the northern road, a spokesman for the "
    "mediators told reporters after the meeting.</p></article></body></html>"
)


def test_what_a_page_s_markup_gives_is_part_of_its_key(
    hand: Corpus, counted: Counter[str], tmp_path: Path
) -> None:
    folder = hand({**BASE, "envoys.html": PAGE.format(site="Ostrel Post")})
    kept = tmp_path / "cache"
    cold, _ = yaml_of(folder, kept)
    assert "outlet: Ostrel Post\n" in cold and "published: '2019-03-05'\n" in cold
    hand({"envoys.html": PAGE.format(site="Ostrel Herald")})  # only the markup differs
    counted.clear()
    warm, warnings = yaml_of(folder, kept)
    assert counted == {"analyse": 1, "finish": 1}
    assert "outlet: Ostrel Herald\n" in warm and "Ostrel Post" not in warm
    assert warm == yaml_of(folder, None)[0]
    assert warnings == ()


def test_the_new_year_leaves_the_waiting_article_undated(hand: Corpus, tmp_path: Path) -> None:
    folder = hand(BASE)
    yaml_of(folder, tmp_path / "cache")
    hand({"later.txt": LATER})
    text, _ = yaml_of(folder, tmp_path / "cache")
    assert "is a Thursday in 2017, 2023" in text


def test_an_id_collision_renames_the_cached_article(hand: Corpus, tmp_path: Path) -> None:
    folder = hand(BASE)
    first, _ = yaml_of(folder, tmp_path / "cache")
    hand({"b/report.txt": OTHER_REPORT})
    second, _ = yaml_of(folder, tmp_path / "cache")
    assert "- id: report\n" in first and "article: report\n" in first
    assert "- id: a/report\n" in second and "article: a/report\n" in second
    assert "- id: report\n" not in second and "article: report\n" not in second


def _garbage(file: Path) -> None:
    file.write_bytes(b"this is not a database, only some text\n" * 100)


def _truncated(file: Path) -> None:
    data = file.read_bytes()
    file.write_bytes(data[: len(data) // 2])


def _other_schema(file: Path) -> None:
    file.unlink()
    with sqlite3.connect(file) as db:
        db.execute("CREATE TABLE analyses (name TEXT, value TEXT)")
        db.execute("INSERT INTO analyses VALUES ('a', 'b')")
        db.execute(f"PRAGMA application_id = {cache.APPLICATION_ID}")
    db.close()


def _other_program(file: Path) -> None:
    file.unlink()
    with sqlite3.connect(file) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    db.close()


def _damaged_record(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute(
            "UPDATE analyses SET value = CAST(X'00' || substr(value, 2) AS BLOB) WHERE rowid = 1"
        )
    db.close()


def _text_record(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute("UPDATE analyses SET value = 'some text' WHERE rowid = 2")
    db.close()


def _damaged_merge(file: Path) -> None:
    with sqlite3.connect(file) as db:  # the one record that reads as a merge
        rows = db.execute("SELECT rowid, value FROM analyses").fetchall()
        merges = [row for row, value in rows if _is_merge(zlib.decompress(value))]
        assert len(merges) == 1
        db.execute(
            "UPDATE analyses SET value = CAST(X'00' || substr(value, 2) AS BLOB) WHERE rowid = ?",
            merges,
        )
    db.close()


def _is_merge(record: bytes) -> bool:
    try:
        plain.loads(pipeline._Merged, record, "")
    except plain.Unfit:
        return False
    return True


def test_a_damaged_merge_is_merged_again_from_the_articles_kept(
    hand: Corpus, counted: Counter[str], merges: Counter[str], tmp_path: Path
) -> None:
    folder = hand(BASE)
    kept = tmp_path / "cache"
    yaml_of(folder, kept)
    _damaged_merge(kept / cache.FILE)
    counted.clear()
    merges.clear()
    text, warnings = yaml_of(folder, kept)
    assert (counted, merges["merge"]) == ({}, 1)
    assert text == yaml_of(folder, None)[0]
    assert len(warnings) == 1 and "1 damaged record(s)" in warnings[0]


# (what is wrong with the cache file, how to make it so, the warning's words)
BROKEN = [
    ("garbage", _garbage, "not a usable cache (file is not a database)"),
    ("truncated", _truncated, "building without the cache"),
    ("another schema", _other_schema, "not a syriatl cache of this version (its tables differ)"),
    ("another program's", _other_program, "not a syriatl cache (another program's database)"),
    ("a damaged record", _damaged_record, "1 damaged record(s) of the cache were read as missing"),
    ("a record of text", _text_record, "1 damaged record(s) of the cache were read as missing"),
    ("a damaged merge", _damaged_merge, "1 damaged record(s) of the cache were read as missing"),
]


@pytest.mark.parametrize(("name", "spoil", "said"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_cache_that_cannot_be_trusted_is_a_warning_and_a_build_without_it(
    hand: Corpus,
    tmp_path: Path,
    name: str,
    spoil: Callable[[Path], None],
    said: str,
) -> None:
    folder = hand(BASE)
    kept = tmp_path / "cache"
    yaml_of(folder, kept)
    spoil(kept / cache.FILE)
    text, warnings = yaml_of(folder, kept)
    assert text == yaml_of(folder, None)[0]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{kept / cache.FILE}: ")
    assert said in warnings[0]


def test_a_cache_folder_that_cannot_be_made_is_a_warning(hand: Corpus, tmp_path: Path) -> None:
    folder = hand(BASE)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    text, warnings = yaml_of(folder, tmp_path / "file" / "cache")
    assert text == yaml_of(folder, None)[0]
    assert warnings == (
        f"{tmp_path}/file/cache/{cache.FILE}: cannot open the cache (no such file or "
        "folder); building without the cache",
    )


def test_a_record_of_another_program_is_never_read(hand: Corpus, tmp_path: Path) -> None:
    folder = hand(BASE)
    kept = tmp_path / "cache"
    yaml_of(folder, kept)
    with sqlite3.connect(kept / cache.FILE) as db:
        db.execute("UPDATE program SET code = 'an older syriatl'")
        rows = db.execute("SELECT count(*) FROM analyses").fetchone()[0]
    db.close()
    hand({"later.txt": LATER})
    yaml_of(folder, kept)  # its first write drops the other program's records
    with sqlite3.connect(kept / cache.FILE) as db:
        after = db.execute("SELECT count(*) FROM analyses").fetchone()[0]
        code = db.execute("SELECT code FROM program").fetchall()
    db.close()
    # Before: three articles' records, the waiting one's told at 2017-03-09 and the
    # merge. After: only this build's writes, the new article's record, the waiting
    # one's told at its new date (undated) and the merge.
    assert (rows, after) == (5, 3)
    assert code == [(cache.code_hash(),)]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_cli_uses_the_user_cache_folder_unless_told_not_to(
    hand: Corpus, tmp_path: Path, _cache_of_the_tests: Path
) -> None:
    folder = hand(BASE)
    default = cache.default_folder() / cache.FILE
    assert default.parent.parent == _cache_of_the_tests  # never the user's own
    default.unlink(missing_ok=True)
    _, without, _ = run("build", str(folder), "-f", "yaml", "--no-cache")
    assert not default.exists()
    _, cold, _ = run("build", str(folder), "-f", "yaml")
    assert default.is_file()
    _, warm, _ = run("build", str(folder), "-f", "yaml", "--jobs", "2")
    _, chosen, _ = run("build", str(folder), "-f", "yaml", "--cache", str(tmp_path / "mine"))
    assert (tmp_path / "mine" / cache.FILE).is_file()
    assert without == cold == warm == chosen


def test_no_home_folder_is_a_warning_and_a_build_without_the_cache(
    hand: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = hand(BASE)
    _, without, _ = run("build", str(folder), "-f", "yaml", "--no-cache")

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    code, out, err = run("build", str(folder), "-f", "yaml")
    assert (code, out) == (0, without)
    assert err == (
        "warning: no user cache folder (Could not determine home directory.); "
        "building without the cache\n"
    )


@pytest.mark.parametrize("command", ["articles", "updates"])
def test_the_listing_commands_keep_and_read_the_cache_too(
    hand: Corpus, tmp_path: Path, counted: Counter[str], command: str
) -> None:
    folder = hand(BASE)
    _, without, _ = run(command, str(folder), "-f", "yaml", "--no-cache")
    analysed = counted["analyse"]
    kept = tmp_path / "kept"
    _, cold, _ = run(command, str(folder), "-f", "yaml", "--cache", str(kept))
    assert (kept / cache.FILE).is_file()
    before = counted["analyse"]
    _, warm, _ = run(command, str(folder), "-f", "yaml", "--cache", str(kept))
    # Three articles, each analysed once without the cache and once into it; none from it.
    assert (analysed, before - analysed, counted["analyse"] - before) == (3, 3, 0)
    assert without == cold == warm


def test_explain_reads_the_cache_a_build_filled(
    hand: Corpus, tmp_path: Path, counted: Counter[str]
) -> None:
    folder, kept = hand(BASE), tmp_path / "kept"
    code, built, _ = run("build", str(folder), "-f", "json", "--cache", str(kept))
    event = json.loads(built)["events"][0]["id"]
    before = counted["analyse"]
    code, out, err = run("explain", event, str(folder), "-f", "yaml", "--cache", str(kept))
    assert (code, counted["analyse"] - before) == (0, 0), err
    assert out == run("explain", event, str(folder), "-f", "yaml", "--no-cache")[1]


def test_cache_and_no_cache_together_are_a_usage_error(hand: Corpus) -> None:
    code, _, err = run("build", str(hand(BASE)), "--cache", "x", "--no-cache")
    assert code == 2
    assert err.splitlines()[0] == "syriatl: --cache: give --cache DIR or --no-cache, not both"


def test_jobs_with_a_cache_give_the_same_bytes(hand: Corpus, tmp_path: Path) -> None:
    folder = hand(
        {**BASE, **{f"more{i}.txt": DATED.replace("Douma", f"Town {i}") for i in range(4)}}
    )
    without, _ = yaml_of(folder, None)
    cold, _ = yaml_of(folder, tmp_path / "cache", jobs=2)
    warm, _ = yaml_of(folder, tmp_path / "cache", jobs=2)
    assert without == cold == warm


def test_two_builds_at_once_share_the_cache(hand: Corpus, tmp_path: Path) -> None:
    folder = hand(
        {**BASE, **{f"more{i}.txt": DATED.replace("Douma", f"Town {i}") for i in range(30)}}
    )
    command = [str(Path(sys.executable).parent / "syriatl"), "build", str(folder), "-f", "yaml",
               "--cache", str(tmp_path / "cache")]  # fmt: skip
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in "ab"]
    done = [process.communicate(timeout=120) for process in both]
    assert [p.returncode for p in both] == [0, 0]
    assert [err for _, err in done] == [b"", b""]
    assert done[0][0] == done[1][0] == yaml_of(folder, None)[0].encode()
    assert yaml_of(folder, tmp_path / "cache") == (done[0][0].decode(), ())


HOME = Path("/home/ann")
# (environment, platform, the folder)
FOLDERS = [
    ({"XDG_CACHE_HOME": "/var/cache/ann"}, "linux", Path("/var/cache/ann/syriatl")),
    ({}, "linux", HOME / ".cache/syriatl"),
    ({"XDG_CACHE_HOME": "relative/cache"}, "linux", HOME / ".cache/syriatl"),  # not absolute
    ({"XDG_CACHE_HOME": ""}, "freebsd14", HOME / ".cache/syriatl"),
    ({"XDG_CACHE_HOME": "/var/cache/ann"}, "darwin", HOME / "Library/Caches/syriatl"),
    ({"LOCALAPPDATA": "D:/Ann/Local"}, "win32", Path("D:/Ann/Local/syriatl/Cache")),
    ({}, "win32", HOME / "AppData/Local/syriatl/Cache"),
]


@pytest.mark.parametrize(("environ", "platform", "folder"), FOLDERS)
def test_the_default_folder_is_the_platforms_user_cache(
    environ: dict[str, str], platform: str, folder: Path
) -> None:
    assert cache.default_folder(environ, platform, HOME) == folder


# (what changes in the package, whether the program's hash changes)
EDITS = [
    ("a pattern table edited", "patterns/words.py", "WORDS = ('truce', 'ceasefire')\n", True),
    ("a new module", "new.py", "X = 1\n", True),
    ("a compiled file", "__pycache__/words.cpython-311.pyc", "compiled", False),
    ("a data file beside the code", "patterns/words.txt", "truce", True),
    ("a file compiled elsewhere", "patterns/words.cpython-312.pyc", "compiled", False),
]


@pytest.mark.parametrize(("edit", "name", "text", "changes"), EDITS, ids=[e[0] for e in EDITS])
def test_the_program_hash_follows_the_package_source(
    tmp_path: Path, edit: str, name: str, text: str, changes: bool
) -> None:
    root = tmp_path / "package"
    (root / "patterns").mkdir(parents=True)
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "patterns/words.py").write_text("WORDS = ('truce',)\n", encoding="utf-8")
    before = cache.program_hash(root)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    assert (cache.program_hash(root) != before) is changes


def test_every_told_of_a_build_survives_its_record(hand: Corpus) -> None:
    folder = hand({**BASE, "b/report.txt": OTHER_REPORT})
    found = pipeline.ingest.discover([str(folder)])
    for file in found.files:
        told = pipeline.tell_file((file, None, pipeline.NEWS, None, False))
        if told.waiting:
            assert isinstance(told.pending, bytes)
            told = pipeline.settle_file(
                (told.pending, file, None, None, [2017], pipeline.NEWS, None)
            )
        record = pipeline.record_of(told)
        assert pipeline.told_of(record, file) == told
        # Stored without its id: another build may know the article by another one.
        renamed = pipeline.told_of(record, pipeline.ingest.Found(file.path, file.shown, "x/y"))
        assert {s.article for s in renamed.sources} <= {"x/y"}
        assert renamed.report is not None and renamed.report.id == "x/y"


def test_a_waiting_article_is_kept_compressed_and_a_damaged_record_reads_its_file(
    hand: Corpus, counted: Counter[str]
) -> None:
    folder = hand({"yearless.txt": YEARLESS})
    (file,) = pipeline.ingest.discover([str(folder)]).files
    told = pipeline.tell_file((file, None, pipeline.NEWS, None, False))
    assert told.waiting and isinstance(told.pending, bytes)
    # Held until the second pass as compressed JSON, smaller than the JSON itself.
    pending = plain.loads(pipeline.Pending, zlib.decompress(told.pending), file.id)
    assert pending.article.path == file.shown
    assert len(told.pending) < len(plain.dumps(pipeline.Pending, pending))
    counted.clear()
    settled = pipeline.settle_file((told.pending, file, None, None, [2017], pipeline.NEWS, None))
    assert counted == {"finish": 1}  # from the record: the file is not analysed again
    damaged = pipeline.settle_file((b"not a record", file, None, None, [2017], pipeline.NEWS, None))
    assert counted == {"finish": 2, "analyse": 1}  # the file tells it again, the same
    assert damaged == settled
    assert settled.report is not None and str(settled.report.published.date) == "2017-03-09"


# Records of the form an earlier program kept: a waiting article's Pending record was a
# sixth field, text inside the JSON. A record read by this program has five fields.
OLDER = [b"[null,[],[],null,null,null]", b'[null,[],[],null,null,"[1,2]"]']


@pytest.mark.parametrize("record", OLDER)
def test_a_record_of_an_earlier_form_is_refused(record: bytes) -> None:
    found = pipeline.ingest.Found(Path("a.txt"), "a.txt", "a")
    with pytest.raises(plain.Unfit):
        pipeline.told_of(record, found)


def test_a_build_whose_merge_fails_keeps_what_its_articles_told(
    hand: Corpus, counted: Counter[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = hand(BASE)
    kept = tmp_path / "cache"

    def failing(*args: object) -> None:
        raise RuntimeError("the merge failed")

    with monkeypatch.context() as patched:
        patched.setattr(fixes, "merged", failing)
        with pytest.raises(RuntimeError, match="the merge failed"):
            yaml_of(folder, kept)
    counted.clear()
    text, warnings = yaml_of(folder, kept)
    assert counted == {}  # every article, the waiting one's settled told too, was kept
    assert (text, warnings) == (yaml_of(folder, None)[0], ())
