"""Reading input: metadata, discovery, decoding and ingest, each bad case answered.

Every row is an invented file; the expected problem is the one the README documents.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.decode import decode, not_english
from syriatl.discover import discover, printable
from syriatl.errors import SyriatlError
from syriatl.ingest import read_article
from syriatl.metadata import Refused, entry_yaml, load, read_sources
from syriatl.model import Metadata
from syriatl.patterns.english import EXAMPLES

Corpus = Callable[[dict[str, str | bytes]], Path]
runner = CliRunner()

# March 12, 2019 is a Tuesday: 2019-01-01 is a Tuesday, +70 days = 10 weeks.
STORY = "Talks End in Velmora\n\nMarch 12, 2019\n\nThe talks ended on Tuesday, officials said.\n"
SYRIATL = str(Path(sys.executable).with_name("syriatl"))


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def built(folder: Path, *more: str) -> tuple[int, dict[str, list[dict[str, str]]], str]:
    code, out, err = run("build", str(folder), "-f", "yaml", *more)
    return code, (yaml.safe_load(out) if out else {}), err


def front(fields: str) -> str:
    return f"---\n{fields}---\n{STORY}"


BOMB = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)  # 9 levels of 9 aliases: 9**10 strings if expanded, a few hundred bytes of YAML

FRONT_MATTER_PROBLEMS = [
    ("published: 2017-13-45\n", "published '2017-13-45' is not a date (YYYY-MM-DD)"),
    ("published: 2019-02-29\n", "published '2019-02-29' is not a date (YYYY-MM-DD)"),
    ("published: March 2019\n", "published 'March 2019' is not a date (YYYY-MM-DD)"),
    ("published: [2019-03-12]\n", "published must be text, not a list"),
    ("title: {a: b}\n", "title must be text, not a mapping"),
    (
        "auther: Ana Vel\n",
        "unknown field 'auther' (known: published, url, outlet, origin, title, timezone)",
    ),
    ("outlet: One\noutlet: Two\n", "outlet is given twice"),
    ("1: a\nx: b\n", "unknown field '1' (known: published, url, outlet, origin, title, timezone)"),
    (
        "- published\n- 2019-03-12\n",
        "must be a mapping of fields (published, url, outlet, origin, title, timezone), not a list",
    ),
    (
        "title: !!python/object/apply:os.system [echo]\n",
        "line 2: python tags are not allowed in metadata",
    ),
    ("title: !!python/name:os.system\n", "line 2: python tags are not allowed in metadata"),
    ("title: !secret x\n", "line 2: the tag '!secret' is not allowed in metadata"),
    ("a: &x [1]\nb: *x\n", "line 2: YAML aliases are not allowed in metadata"),
    (BOMB, "line 2: YAML aliases are not allowed in metadata"),
    ("title: [unclosed\n", "line 3: expected ',' or ']', but got '<stream end>'"),
]


@pytest.mark.parametrize(("fields", "problem"), FRONT_MATTER_PROBLEMS)
def test_bad_front_matter_is_a_problem_naming_file_and_field(
    corpus: Corpus, fields: str, problem: str
) -> None:
    folder = corpus({"good.txt": STORY, "bad.txt": front(fields)})
    code, data, err = built(folder)
    assert code == 0
    assert [a["id"] for a in data["articles"]] == ["good"]
    bad = str(folder / "bad.txt")
    expected = {"article": "bad", "path": bad, "problem": f"front matter: {problem}"}
    assert data["problems"] == [expected]
    assert f"problem: {folder / 'bad.txt'}: front matter: {problem}\n" in err
    assert "Traceback" not in err
    assert built(folder, "--strict")[0] == 1


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "---\npublished: 2019-03-12\n" + STORY,
            "front matter: never closed (no '---' line after its fields)",
        ),
        ("", "empty"),
        (" \n\n\t\n", "empty"),
        ("---\npublished: 2019-03-12\n---\n\n", "empty"),
        (b"\xef\xbb\xbf\r\n", "empty"),
    ],
)
def test_unclosed_front_matter_and_empty_files_are_problems(
    corpus: Corpus, text: str | bytes, problem: str
) -> None:
    folder = corpus({"good.txt": STORY, "bad.txt": text})
    code, data, _ = built(folder)
    assert code == 0
    assert [a["id"] for a in data["articles"]] == ["good"]
    bad = str(folder / "bad.txt")
    assert data["problems"] == [{"article": "bad", "path": bad, "problem": problem}]


@pytest.mark.parametrize(
    "text",
    [
        "---\nBreaking news from Velmora\n---\n" + STORY,  # rules around a line of text
        "---\n\n" + STORY,  # a rule, then the story
        "---\nBreaking news: talks end\n---\n" + STORY,  # a headline, not a field
    ],
)
def test_rules_that_are_not_front_matter_stay_article_text(corpus: Corpus, text: str) -> None:
    folder = corpus({"page.txt": text})
    read = read_article(discover([str(folder / "page.txt")]).files[0])
    assert read.problem is None
    assert read.article is not None
    assert (read.article.text, read.article.meta) == (text, Metadata())


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        ("---\n---\n" + STORY, Metadata()),
        ("---\n\n---\n" + STORY, Metadata()),
        (
            "---\n# given by the desk\noutlet: Karvana Post\n---\n" + STORY,
            Metadata(outlet="Karvana Post"),
        ),
        ("--- \r\ntitle: Talks\r\n---\r\n" + STORY.replace("\n", "\r\n"), Metadata(title="Talks")),
    ],
)
def test_front_matter_is_cut_from_the_text(corpus: Corpus, text: str, meta: Metadata) -> None:
    folder = corpus({"page.txt": text})
    read = read_article(discover([str(folder / "page.txt")]).files[0])
    assert read.article is not None
    assert (read.article.text, read.article.meta) == (STORY, meta)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03-12", dt.date(2019, 3, 12)),
        ("'2019-03-12'", dt.date(2019, 3, 12)),
        ("2019-03-12T23:10:00Z", dt.date(2019, 3, 12)),
        ("2019-03-12 08:00:00+03:00", dt.date(2019, 3, 12)),
        ("", None),
        ("~", None),
    ],
)
def test_published_values_that_are_dates(tmp_path: Path, value: str, expected: dt.date) -> None:
    (tmp_path / "sources.yaml").write_text(f"a.txt:\n  published: {value}\n")
    assert read_sources(tmp_path) == {"a.txt": Metadata(published=expected)}


SIDECAR_PROBLEMS = [
    ("story.txt:\n  published: 2019-02-30\n", "published '2019-02-30' is not a date (YYYY-MM-DD)"),
    ("story.txt:\n  outlet: [A, B]\n", "outlet must be text, not a list"),
    (
        "story.txt: 2019-03-12\n",
        "must be a mapping of fields (published, url, outlet, origin, title, timezone), not plain text",
    ),
    ("story.txt:\n  outlet: A\nstory.txt:\n  outlet: B\n", "listed twice"),
    ("story.txt:\n  url: a\n  url: b\n", "url is given twice"),
    (
        "story.txt:\n  date: 2019-03-12\n",
        "unknown field 'date' (known: published, url, outlet, origin, title, timezone)",
    ),
]


@pytest.mark.parametrize(("sources", "problem"), SIDECAR_PROBLEMS)
def test_bad_sources_yaml_values_are_a_problem_of_their_article(
    corpus: Corpus, sources: str, problem: str
) -> None:
    folder = corpus({"good.txt": STORY, "story.txt": STORY, "sources.yaml": sources})
    code, data, err = built(folder)
    assert code == 0
    assert [a["id"] for a in data["articles"]] == ["good"]
    message = f"{folder / 'sources.yaml'}: {problem}"
    story = str(folder / "story.txt")
    assert data["problems"] == [{"article": "story", "path": story, "problem": message}]
    assert f"problem: {folder / 'story.txt'}: {message}\n" in err


def test_int_and_str_keys_together_are_plain_names(corpus: Corpus) -> None:
    folder = corpus({"1.txt": STORY, "sources.yaml": "1.txt:\n  outlet: One\n2: {}\nb: {}\n"})
    code, data, err = built(folder)
    assert code == 0
    assert [a["id"] for a in data["articles"]] == ["1"]
    assert f"warning: {folder / 'sources.yaml'}: 2: no such article in the folder" in err


SIDECAR_ERRORS = [
    (BOMB, "line 1: YAML aliases are not allowed in metadata"),
    (
        "story.txt: !!python/object:os.system {}\n",
        "line 1: python tags are not allowed in metadata",
    ),
    ("- story.txt\n", "must map file names to their fields"),
    ("[" * 5000 + "]" * 5000 + "\n", "nested too deeply for metadata"),
    ("story.txt: [unclosed\n", "line 2: expected ',' or ']', but got '<stream end>'"),
    (b"story.txt:\n  outlet: Caf\xe9\n", "not UTF-8 text"),
]


@pytest.mark.parametrize(("sources", "problem"), SIDECAR_ERRORS)
def test_a_sources_yaml_that_cannot_be_trusted_stops_the_run(
    corpus: Corpus, sources: str | bytes, problem: str
) -> None:
    folder = corpus({"story.txt": STORY, "sources.yaml": sources})
    code, out, err = run("build", str(folder))
    assert (code, out) == (3, "")
    assert err == f"syriatl: {folder / 'sources.yaml'}: {problem}\n"


# Documents read the same whether PyYAML parses them with libyaml or by itself: values,
# and for a document that is not YAML, PyYAML's own message (libyaml words its errors
# differently, e.g. "mapping values are not allowed in this context", and stops at a
# nesting depth of its own).
LOADED = [
    (
        "a.txt:\n  outlet: One\n  published: 2016-02-27\n",
        (("a.txt", (("outlet", "One"), ("published", "2016-02-27"))),),
    ),
    ("a: ~\nb: 'x: y'\nc: 12:30\n", (("a", None), ("b", "x: y"), ("c", "12:30"))),
    ("- \U0001f600 rain\n- [a, b]\n", ["\U0001f600 rain", ["a", "b"]]),
    ("a: 1\na: 2\n", (("a", "1"), ("a", "2"))),  # a repeated key is kept, to be reported
    ("", None),
]
NOT_LOADED = [
    ("a: b: c\n", "line 1: mapping values are not allowed here"),
    ("a: [1,2", "line 1: expected ',' or ']', but got '<stream end>'"),
    ("- a\nb: c\n", "line 2: expected <block end>, but found '?'"),
    ("[" * 2000 + "]" * 2000, "nested too deeply for metadata"),
    # libyaml takes a tab after a value as a space; PyYAML's own parser refuses it.
    ("outlet: Gulf Daily\t\n", "line 1: found character '\\t' that cannot start any token"),
]


@pytest.fixture(params=["libyaml", "pure Python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "libyaml" and not yaml.__with_libyaml__:
        pytest.skip("PyYAML has no libyaml here")
    if request.param == "pure Python":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    return str(request.param)


@pytest.mark.parametrize(("text", "value"), LOADED)
def test_metadata_reads_the_same_with_either_parser(parser: str, text: str, value: object) -> None:
    assert load(text, "m.yaml") == value


@pytest.mark.parametrize(("text", "problem"), NOT_LOADED)
def test_a_yaml_error_reads_the_same_with_either_parser(
    parser: str, text: str, problem: str
) -> None:
    with pytest.raises(SyriatlError) as raised:
        load(text, "m.yaml")
    assert (raised.value.path, raised.value.problem) == ("m.yaml", problem)


def test_the_alias_bomb_is_refused_before_any_expansion() -> None:
    with pytest.raises(SyriatlError, match="aliases are not allowed") as raised:
        load(BOMB, "bomb.yaml")
    assert raised.value.path == "bomb.yaml"


def test_a_sources_yaml_that_is_a_folder_stops_the_run(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY})
    (folder / "sources.yaml").mkdir()
    code, _, err = run("build", str(folder))
    assert code == 3
    assert err == f"syriatl: {folder / 'sources.yaml'}: not a regular file\n"


# ---- decoding ------------------------------------------------------------------------

TEXT = "Velmora’s talks\n"
DECODINGS = [
    # (bytes, text, encoding, problem, warning)
    (TEXT.encode(), TEXT, "utf-8", None, None),
    (b"\xef\xbb\xbf" + TEXT.encode(), TEXT, "utf-8", None, None),
    (b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT, "utf-16-le", None, None),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT, "utf-16-be", None, None),
    (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), TEXT, "utf-32-le", None, None),
    (b"\xff\xfe" + TEXT.encode("utf-16-le") + b"V", TEXT + "\ufffd", "utf-16-le", None,
     "ends in a truncated UTF-16 character; replaced"),
    (b"Velmora caf\xc3", "Velmora caf\ufffd", "utf-8", None, "ends in a truncated UTF-8 character; replaced"),
    (b"Velmora \xe2\x80", "Velmora \ufffd", "utf-8", None, "ends in a truncated UTF-8 character; replaced"),
    (TEXT.encode("cp1252"), TEXT, "cp1252", None, "not UTF-8; read as cp1252"),
    ("Velmora café\n".encode("latin-1"), "Velmora café\n", "cp1252", None, "not UTF-8; read as cp1252"),
    (b"Velmora\x00talks", None, "binary", "binary file, not text", None),
    (b"\x89PNG\r\n\x1a\n", None, "binary", "binary file, not text", None),
    (b"\xff\xfe" + "a\x00b".encode("utf-16-le"), None, "binary", "binary file, not text", None),
    (b"caf\x81 \xc3", None, "unknown", "neither UTF-8 nor cp1252 text", None),
    (b"Velmora\rtalks\r", "Velmora\rtalks\r", "utf-8", None, None),
    (b"Velmora \x1b[1mtalks\x0c", "Velmora \x1b[1mtalks\x0c", "utf-8", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("data", "text", "encoding", "problem", "warning"), DECODINGS)
def test_decode(
    data: bytes, text: str | None, encoding: str, problem: str | None, warning: str | None
) -> None:
    got = decode(data)
    assert (got.text, got.encoding, got.problem, got.warning) == (text, encoding, problem, warning)


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (b"\xff\xfe" + STORY.encode("utf-16-le"), None),
        (b"\xfe\xff" + STORY.encode("utf-16-be"), None),
        (b"\xef\xbb\xbf" + STORY.encode(), None),
        (STORY.replace("\n", "\r").encode(), None),
        (STORY.replace("\n", "\r\n").encode(), None),
        (STORY.encode() + b"\xc3", "ends in a truncated UTF-8 character; replaced"),
        (STORY.replace("ended", "’ended").encode("cp1252"), "not UTF-8; read as cp1252"),
    ],
)
def test_every_encoding_builds_the_same_article(
    corpus: Corpus, data: bytes, warning: str | None
) -> None:
    folder = corpus({"page.txt": data})
    code, data_out, err = built(folder)
    assert code == 0
    assert data_out["articles"][0]["published"] == "2019-03-12"
    assert data_out["events"][0]["date"] == "2019-03-12"
    warned = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert warned == ([f"warning: {folder / 'page.txt'}: {warning}"] if warning else [])


def test_the_cp1252_warning_is_printed_once_when_the_date_needs_the_corpus(
    corpus: Corpus,
) -> None:
    # A dateline without a year waits for the other articles' years, and is read twice.
    yearless = "Talks End\n\nVELMORA, March 12 (Wire) - The envoy’s talks ended on Tuesday.\n"
    folder = corpus({"a.txt": yearless.encode("cp1252"), "b.txt": STORY})
    code, _, err = built(folder)
    assert code == 0
    assert err.count("not UTF-8; read as cp1252") == 1


@pytest.mark.parametrize(("text", "english"), EXAMPLES)
def test_english_examples(text: str, english: bool) -> None:
    assert (not_english(text) is None) is english


def test_an_article_not_in_english_is_a_problem(corpus: Corpus) -> None:
    french = next(text for text, english in EXAMPLES if not english)
    folder = corpus({"good.txt": STORY, "fr.txt": f"Velmora\n\n12 mars 2019\n\n{french}\n"})
    code, data, _ = built(folder)
    assert code == 0
    assert [a["id"] for a in data["articles"]] == ["good"]
    assert data["problems"][0]["article"] == "fr"
    assert data["problems"][0]["path"] == str(folder / "fr.txt")
    assert data["problems"][0]["problem"].startswith("not English (")


# ---- paths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["c"], ["a/x", "b/x", "y"]),
        (["c", "c/a/x.txt", "c/a/../a", "c/y.txt"], ["a/x", "b/x", "y"]),
        (["c/a/x.txt", "c"], ["b/x", "x", "y"]),  # as a file, its root is itself
        (["c/a", "c/b"], ["c/a/x", "c/b/x"]),  # relative to each root both are "x"
        (["c/y.txt", "c/z.txt"], ["y"]),  # a symlink to a file already read
    ],
)
def test_each_file_is_read_once_with_a_unique_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], ids: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("c/a/x.txt", "c/b/x.txt", "c/y.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(STORY)
    Path("c/z.txt").symlink_to("y.txt")
    assert sorted(f.id for f in discover(args).files) == ids


def test_a_folder_linked_into_itself_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(STORY)
    (tmp_path / "again").symlink_to(tmp_path)
    found = discover([str(tmp_path)])
    assert [f.id for f in found.files] == ["x"]


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.symlink_to(p), "symlink loop"),
        (lambda p: p.symlink_to(p.with_name("nowhere")), "broken symlink"),
        (lambda p: None, "no such file or folder"),
    ],
)
def test_a_path_that_is_not_a_file_is_named_with_exit_3(
    tmp_path: Path, make: Callable[[Path], None], problem: str
) -> None:
    path = tmp_path / "odd.txt"
    make(path)
    code, out, err = run("build", str(path))
    assert (code, out) == (3, "")
    assert err == f"syriatl: {path}: {problem}\n"


def test_a_device_is_not_a_regular_file() -> None:
    assert run("build", os.devnull) == (3, "", f"syriatl: {os.devnull}: not a regular file\n")


def test_odd_entries_inside_a_folder_are_named_and_the_rest_builds(corpus: Corpus) -> None:
    folder = corpus({"good.txt": STORY})
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    code, data, err = built(folder)
    assert code == 0
    assert [a["id"] for a in data["articles"]] == ["good"]
    # Found while looking into the folder, before it had an id: named by its path.
    loop = str(folder / "loop.txt")
    assert data["problems"] == [{"article": loop, "path": loop, "problem": "symlink loop"}]
    assert f"warning: {folder / 'pipe.txt'}: not a regular file; skipped" in err


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain name", "plain name"),
        (os.fsdecode(b"caf\xe9"), "caf\\xe9"),
        ("two\nlines", "two\\nlines"),
        ("bell\x07", "bell\\x07"),
        ("Velmora’s", "Velmora’s"),
    ],
)
def test_printable(name: str, shown: str) -> None:
    assert printable(name) == shown


def test_an_undecodable_file_name_is_shown_escaped_in_every_output(
    corpus: Corpus, tmp_path: Path
) -> None:
    folder = corpus({})
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(STORY)
    code, data, _ = built(folder)
    assert code == 0
    assert data["articles"][0]["id"] == "caf\\xe9"
    assert data["articles"][0]["path"] == f"{folder}/caf\\xe9.txt"
    target = tmp_path / "out.json"
    assert run("build", str(folder), "-f", "json", "-o", str(target))[0] == 0
    assert '"id": "caf\\\\xe9"' in target.read_text(encoding="utf-8")


def _unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to drop privileges")
    drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    # Without the cache: the test run's cache folder is root's alone.
    argv = [*args, "--no-cache"] if args[0] == "build" else list(args)
    return subprocess.run([*drop, SYRIATL, *argv], capture_output=True, text=True, check=False)


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Path]:
    """A folder that an unprivileged user can reach (pytest's own is root's only, and
    other pytest sessions reset its mode)."""
    with tempfile.TemporaryDirectory(prefix="syriatl-") as folder:
        Path(folder).chmod(0o755)
        yield Path(folder)


def test_an_unreadable_subfolder_is_a_problem_naming_it(shared: Path) -> None:
    folder = shared / "corpus"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(STORY)
    (folder / "locked" / "hidden.txt").write_text(STORY)
    (folder / "locked").chmod(0)
    done = _unprivileged("build", str(folder), "-f", "yaml")
    problem = f"problem: {folder / 'locked'}: cannot read this folder (permission denied)\n"
    assert (done.returncode, done.stderr) == (0, problem)
    assert [a["id"] for a in yaml.safe_load(done.stdout)["articles"]] == ["good"]


# ---- ingest --------------------------------------------------------------------------


def test_ingest_into_a_read_only_folder_is_one_line_exit_3(shared: Path) -> None:
    raw = shared / "page.txt"
    raw.write_text(STORY)
    into = shared / "ro"
    into.mkdir()
    into.chmod(0o555)
    done = _unprivileged("ingest", str(raw), "--into", str(into))
    assert done.returncode == 3
    assert done.stderr == f"syriatl: {into / 'page.txt'}: cannot write (permission denied)\n"


@pytest.mark.parametrize(
    ("into", "problem"),
    [("afile", "not a folder"), ("afile/sub", "a part of this path is not a folder")],
)
def test_ingest_into_a_file_is_one_line_exit_3(tmp_path: Path, into: str, problem: str) -> None:
    raw = tmp_path / "page.txt"
    raw.write_text(STORY)
    (tmp_path / "afile").write_text("not a folder")
    code, _, err = run("ingest", str(raw), "--into", str(tmp_path / into))
    assert (code, err) == (3, f"syriatl: {tmp_path / into}: {problem}\n")


@pytest.mark.parametrize(
    ("option", "value"),
    [("--outlet", "A\nB"), ("--outlet", "Tab\there"), ("--url", "https://x.example/\r")],
)
def test_ingest_refuses_control_characters(tmp_path: Path, option: str, value: str) -> None:
    raw = tmp_path / "page.txt"
    raw.write_text(STORY)
    code, _, err = run("ingest", str(raw), "--into", str(tmp_path / "c"), option, value)
    assert code == 2
    assert err == f"syriatl: {option}: {value!r} holds a control character; give it on one line\n"
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("page.txt", {"outlet": "Velmora: Daily #1"}),
        ("a long file name with spaces " * 4 + ".txt", {"outlet": "Karvana Post"}),
        ("yes.txt", {"outlet": "yes", "url": "https://x.example/?a=1&b='2'"}),
        ("- dash.txt", {"outlet": '"Quoted" & [bracketed]', "published": "2019-03-12"}),
        ("1.txt", {"outlet": "123", "url": "~"}),
        ("Velmora’s.txt", {"outlet": "Ведомости Велморы"}),
    ],
)
def test_written_entries_read_back_as_the_same_values(
    tmp_path: Path, name: str, fields: dict[str, str]
) -> None:
    (tmp_path / "sources.yaml").write_text(entry_yaml(name, fields), encoding="utf-8")
    got = read_sources(tmp_path)[name]
    assert not isinstance(got, Refused)
    published = dt.date.fromisoformat(fields["published"]) if "published" in fields else None
    expected = Metadata(published, fields.get("url"), fields.get("outlet"))
    assert got == expected


def test_ingest_keeps_the_metadata_of_a_long_name_with_spaces(tmp_path: Path) -> None:
    raw = tmp_path / ("a long file name with spaces " * 4 + "end.txt")
    raw.write_text(STORY)
    into = tmp_path / "corpus"
    code, _, err = run("ingest", str(raw), "--into", str(into), "--outlet", "Velmora: Daily")
    assert code == 0, err
    assert read_sources(into) == {raw.name: Metadata(outlet="Velmora: Daily")}


def test_an_unreadable_sources_yaml_stops_the_run_naming_it(shared: Path) -> None:
    folder = shared / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY)
    (folder / "sources.yaml").write_text("good.txt: {}\n")
    (folder / "sources.yaml").chmod(0)
    done = _unprivileged("build", str(folder))
    problem = f"syriatl: {folder / 'sources.yaml'}: cannot read (permission denied)\n"
    assert (done.returncode, done.stdout, done.stderr) == (3, "", problem)


def test_ingest_refuses_a_folder_of_the_name_and_copies_nothing(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(STORY)
    corpus = tmp_path / "c"
    (corpus / "b.txt").mkdir(parents=True)
    code, _, err = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--into",
                       str(corpus))  # fmt: skip
    assert code == 3
    assert err == f"syriatl: {corpus / 'b.txt'}: already in the corpus and not a file\n"
    # a.txt comes first but is checked with the rest before anything is written.
    assert not (corpus / "a.txt").exists()


def test_ingest_refuses_a_clash_before_copying_anything(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "sources.yaml").write_text("a.txt:\n  outlet: Karvana Post\n")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(STORY)
    code, _, err = run("ingest", str(tmp_path / "b.txt"), str(tmp_path / "a.txt"), "--into",
                       str(corpus), "--outlet", "Velmora Daily")  # fmt: skip
    assert code == 3
    assert "a.txt already records outlet 'Karvana Post'" in err
    assert not (corpus / "b.txt").exists()
    assert (corpus / "sources.yaml").read_text() == "a.txt:\n  outlet: Karvana Post\n"


ENGLISH_STORY = next(text for text, english in EXAMPLES if english and len(text) > 200)
SPANISH_STORY = next(text for text, english in EXAMPLES if not english and "Las " in text)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # One English paragraph long enough to judge, then a long list without function
        # words (the whole text is below the share): English.
        (ENGLISH_STORY + "\n\n" + "\n".join(f"Route {n} Karvana closed" for n in range(60)), True),
        # An English story with an appendix in Spanish: English.
        (ENGLISH_STORY + "\n\n" + SPANISH_STORY * 3, True),
        # No English paragraph at all: not English.
        (SPANISH_STORY + "\n\n" + SPANISH_STORY, False),
    ],
)
def test_one_english_paragraph_makes_a_text_english(text: str, english: bool) -> None:
    assert (not_english(text) is None) is english


# (path, the path without its suffix): the suffix is the name's last dot and what follows,
# unless that dot opens or ends the name; a dot in a folder's name is no suffix.
UNSUFFIXED = [
    ("a.txt", "a"),
    ("a.b.txt", "a.b"),
    ("..txt", "."),
    ("d/..txt", "d/."),
    (".txt", ".txt"),
    ("dir/.txt", "dir/.txt"),
    ("notes.", "notes."),
    ("dir.x/file", "dir.x/file"),
]


@pytest.mark.parametrize(("path", "expected"), UNSUFFIXED)
def test_an_id_drops_the_suffix_as_pathlib_does(path: str, expected: str) -> None:
    from syriatl.discover import _unsuffixed

    assert _unsuffixed(path) == expected
