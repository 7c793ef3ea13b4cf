"""The bad-input matrix: every kind of bad input a user can give, run as a real process
of the installed ``syriatl`` (and through typer's CliRunner where it can express the
case), each answered by its exit code and a one-line message naming the file or option,
never a traceback, with the good article of the same corpus still built.

Print the matrix as a Markdown table (case, exit code, first stderr line):

    .venv/bin/python tests/test_faults.py --table [--fast]
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from faultkit import (
    OUT,
    Case,
    Outcome,
    Setup,
    chmod,
    cited,
    fifo,
    files,
    link,
    raw_name,
    remove,
    run_case,
    shared_failures,
    stderr_lines,
    steps,
    unprivileged,
    world_readable_root,
    yaml_data,
)

# 2019-03-12 is a Tuesday: 2019-01-01 is a Tuesday, + 70 days = 10 weeks.
GOOD = "Avaria talks end\n12 March 2019\n\nMinisters of Avaria and Beltran met in Corvine on Tuesday.\n"
# 2019-03-15 is a Friday: Tuesday 12 March + 3 days.
OTHER = "Beltran envoys leave\n15 March 2019\n\nEnvoys of Beltran left Dorvask on Friday.\n"
UNDATED = "Beltran envoys leave\n\nEnvoys of Beltran left Dorvask on Friday.\n"
LONG = "Beltran envoys leave Dorvask after three days of talks about the border and the river"
# Long enough to judge (syriatl.patterns.english.MIN_WORDS words of letters).
SPANISH = (
    "Terminan las conversaciones\n12 de marzo de 2019\n\n"
    "Los ministros de Avaria y Beltran se reunieron ayer en Corvine durante casi diez horas,"
    " pero no lograron un acuerdo sobre la tregua. Un portavoz de los mediadores dijo que las"
    " dos delegaciones volverán a reunirse el mes próximo, aunque no dio una fecha, mientras"
    " los combates seguían en el norte del país y miles de personas huían de sus casas.\n"
)
OLD = b"old: true\n"
BUILD = ("build", "corpus", "-f", "yaml")
GOOD_ONLY = files({"corpus/good.txt": GOOD})


def beside(name: str, content: str | bytes) -> Setup:
    """The good article and one more file in corpus/."""
    return files({"corpus/good.txt": GOOD, f"corpus/{name}": content})


def front(matter: str) -> Setup:
    return beside("bad.txt", f"---\n{matter}\n---\n{OTHER}")


def sidecar(text: str) -> Setup:
    return steps(beside("other.txt", OTHER), files({"corpus/sources.yaml": text}))


def dated_lines(count: int) -> str:
    """An article of ``count`` dated sentences, one a day from 1 January 2015: a build
    long enough, and an output large enough (about 400 bytes an event), to interrupt."""
    days = [
        f"Envoys of Avaria reached Corvine on day {n} of the talks, on {1 + n % 28} "
        f"{('January', 'February', 'March', 'April')[n // 28 % 4]} {2015 + n // 112}, "
        "officials said.\n\n"
        for n in range(count)
    ]
    return "Corvine daily log\n12 March 2019\n\n" + "".join(days)


def long_corpus(root: Path) -> None:
    files({"corpus/good.txt": GOOD, "corpus/log.txt": dated_lines(1500), f"{OUT}/out.yaml": OLD})(
        root
    )


def ten_mb_line(root: Path) -> None:
    body = "Talks in Corvine continued. " * (10 * 2**20 // 28)
    files(
        {"corpus/good.txt": GOOD, "corpus/line.txt": f"Corvine talks\n12 March 2019\n\n{body}\n"}
    )(root)


def fifty_mb(root: Path) -> None:
    body = "Talks in Corvine continued.\n\n" * (50 * 2**20 // 29)
    files({"corpus/good.txt": GOOD, "corpus/huge.txt": f"Corvine talks\n12 March 2019\n\n{body}"})(
        root
    )


# Nine levels of nine aliases in one field: 9**9 strings once expanded, 4 KB on disk.
BOMB = (
    "title: ["
    + ", ".join(
        ["&a [" + ", ".join(["lol"] * 9) + "]"]
        + [f"&{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    )
    + "]"
)


# ---- extra checks, each about one case --------------------------------------------------


def listed(*ids: str) -> object:
    """Each id is an article or a problem of the build: nothing disappears silently."""

    def check(case: Case, ran: Outcome) -> None:
        data = yaml_data(case, ran) or {}
        known = {a["id"] for a in data.get("articles") or []}
        known |= {p["article"] for p in data.get("problems") or []}
        for wanted in ids:
            assert any(wanted in name for name in known), f"{wanted} is neither built nor a problem"

    return check


def read_once(case: Case, ran: Outcome) -> None:
    data = yaml_data(case, ran)
    ids = [a["id"] for a in data["articles"]]
    assert ids == ["good", "other"], f"articles {ids}: one file read twice"
    for event in data["events"]:
        articles = [s["article"] for s in event["sources"]]
        assert len(articles) == len(set(articles)), f"{event['id']} cites one file twice"


def built_as(start: str, end: str) -> object:
    """An article whose id runs from ``start`` to ``end`` cites an event; what stands
    between (a byte that is not UTF-8, a line break) may be shown escaped."""

    def check(case: Case, ran: Outcome) -> None:
        ids = cited(yaml_data(case, ran))
        assert any(i.startswith(start) and i.endswith(end) for i in ids), f"not built: {ids}"

    return check


non_utf8_id_built = built_as("caf", "")


def old_file_intact(case: Case, ran: Outcome) -> None:
    assert ran.after == {"out.yaml": OLD}, f"out/ after the signal: {sorted(ran.after)}"


def killed_then_clean(case: Case, ran: Outcome) -> None:
    assert ran.after.get("out.yaml") == OLD, "SIGKILL mid-output damaged the old file"
    assert sorted(p.name for p in (ran.folder / OUT).iterdir()) == ["out.yaml"], (
        "a stale temporary is left"
    )


def keeps_0600(case: Case, ran: Outcome) -> None:
    bits = stat.S_IMODE((ran.folder / OUT / "out.yaml").stat().st_mode)
    assert bits == 0o600, f"the target's mode became {bits:o}"


def keeps_link(case: Case, ran: Outcome) -> None:
    assert (ran.folder / OUT / "link.yaml").is_symlink(), "the link became a regular file"


def keeps_fifo(case: Case, ran: Outcome) -> None:
    assert stat.S_ISFIFO((ran.folder / OUT / "feed.fifo").lstat().st_mode), "FIFO replaced"


def devices_intact(case: Case, ran: Outcome) -> None:
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode), "/dev/full is no longer a device"
    assert Path("/dev/stdout").is_symlink(), "/dev/stdout is no longer a link"


def nothing_written(folder: str) -> object:
    def check(case: Case, ran: Outcome) -> None:
        left = sorted(p.name for p in (ran.folder / folder).iterdir())
        assert left == [], f"{folder}/ holds {left}"

    return check


def empty_folder(name: str) -> Setup:
    def make(root: Path) -> None:
        (root / name).mkdir()

    return make


def file_unchanged(case: Case, ran: Outcome) -> None:
    assert (ran.folder / "corpus/good.txt").read_text(encoding="utf-8") == GOOD, "--into changed"


# ---- the matrix ---------------------------------------------------------------------------

NOT_A_FILE = r"fifo|named pipe|device|special|not a (regular )?file"
CANNOT_READ = r"permission denied|cannot read|unreadable"
NOT_EMPTY = r"^(?!.*undated).*\bempty\b"

# Case(name, setup, argv, exit code, message regex, the file or option one stderr line
# names, ids that must still cite events, ...). Where the issue and the contract are
# silent, a tuple of exit codes says which the matrix accepts (see each case).
# fmt: off
CASES = (
    # paths
    Case("missing path", GOOD_ONLY, ("build", "corpus/absent.txt", "-f", "yaml"), 3,
         r"no such file", "absent.txt"),
    Case("FIFO as argument", steps(GOOD_ONLY, fifo("corpus/feed.txt")),
         ("build", "corpus/feed.txt", "-f", "yaml"), 3, NOT_A_FILE, "feed.txt"),
    Case("FIFO in a folder", steps(GOOD_ONLY, fifo("corpus/feed.txt")), BUILD, 0, NOT_A_FILE,
         "feed.txt", ("good",)),
    Case("device file /dev/null", GOOD_ONLY, ("build", "/dev/null", "-f", "yaml"), 3, NOT_A_FILE,
         "/dev/null"),
    Case("symlink loop as argument", steps(GOOD_ONLY, link("corpus/loop.txt", "loop.txt")),
         ("build", "corpus/loop.txt", "-f", "yaml"), 3, r"loop|symbolic link", "loop.txt"),
    Case("symlink loop in a folder", steps(GOOD_ONLY, link("corpus/loop.txt", "loop.txt")), BUILD,
         0, r"loop|symbolic link", "loop.txt", ("good",)),
    Case("unreadable file", steps(beside("locked.txt", OTHER), chmod("corpus/locked.txt", 0)),
         BUILD, 0, CANNOT_READ, "locked.txt", ("good",), user=True, runner=False),
    Case("unreadable subfolder",
         steps(files({"corpus/good.txt": GOOD, "corpus/locked/other.txt": OTHER}),
               chmod("corpus/locked", 0)),
         BUILD, 0, CANNOT_READ, "locked", ("good",), user=True, runner=False),
    Case("name with spaces", beside("Avaria talks in Corvine end after three days.txt", OTHER),
         BUILD, 0, survive=("good", "Avaria talks in Corvine end after three days"), quiet=True),
    Case("name with a newline", beside("two\nlines.txt", OTHER), BUILD, 0,
         survive=("good",), quiet=True,
         check=built_as("two", "lines")),
    Case("name with a leading dash", files({"corpus/good.txt": GOOD, "-dash.txt": OTHER}),
         ("build", "-f", "yaml", "--", "-dash.txt", "corpus"), 0, survive=("good", "-dash"),
         quiet=True),
    Case("non-UTF-8 name", steps(GOOD_ONLY, raw_name(b"corpus/caf\xe9.txt", OTHER)), BUILD, 0,
         survive=("good",), check=non_utf8_id_built),
    Case("non-UTF-8 name into -o", steps(GOOD_ONLY, raw_name(b"corpus/caf\xe9.txt", OTHER)),
         (*BUILD, "-o", "built.yaml"), 0, survive=("good",), data="built.yaml",
         check=non_utf8_id_built),
    Case("same stem in two folders",
         files({"corpus/good.txt": GOOD, "corpus/a/report.txt": OTHER,
                "corpus/b/report.txt": OTHER.replace("Dorvask", "Estrel")}),
         BUILD, 0, survive=("good", "a/report", "b/report")),
    Case("a file reached twice", steps(beside("other.txt", OTHER), link("mirror", "corpus")),
         ("build", "corpus", "mirror/good.txt", "-f", "yaml"), 0, survive=("good", "other"),
         check=read_once),
    # encodings
    Case("UTF-8 BOM", beside("bom.txt", b"\xef\xbb\xbf" + OTHER.encode()), BUILD, 0,
         survive=("good", "bom"), quiet=True),
    Case("UTF-16 LE with BOM", beside("le.txt", ("\ufeff" + OTHER).encode("utf-16-le")), BUILD, 0,
         survive=("good", "le")),
    Case("UTF-16 BE with BOM", beside("be.txt", ("\ufeff" + OTHER).encode("utf-16-be")), BUILD, 0,
         survive=("good", "be")),
    Case("cp1252", beside("cp.txt", OTHER.replace("Beltran", "Beltran’s").encode("cp1252")), BUILD,
         0, r"cp1252", "cp.txt", ("good", "cp")),
    Case("latin-1", beside("latin.txt", OTHER.replace("Dorvask", "Dorvaské").encode("latin-1")),
         BUILD, 0, r"cp1252|latin|not UTF-8", "latin.txt", ("good", "latin")),
    Case("NUL bytes", beside("nul.txt", OTHER.encode().replace(b"Envoys", b"\x00\x00Envoys")),
         BUILD, 0, r"binary", "nul.txt", ("good",)),
    # "Ł" is c5 81 in UTF-8, and 81 is no cp1252 character: only UTF-8 reads this file.
    Case("truncated multibyte character at the end",
         beside("cut.txt", OTHER.replace("Dorvask", "Łemna").encode() + "é".encode()[:1]), BUILD,
         0, survive=("good", "cut")),
    Case("CR-only line ends", beside("cr.txt", OTHER.replace("\n", "\r")), BUILD, 0,
         survive=("good", "cr")),
    Case("10 MB single line", ten_mb_line, BUILD, 0, survive=("good",), runner=False, slow=True,
         timeout=300, check=listed("line")),
    Case("50 MB file", fifty_mb, BUILD, 0, survive=("good",), runner=False, slow=True, timeout=600,
         check=listed("huge")),
    Case("empty file", beside("empty.txt", ""), BUILD, 0, NOT_EMPTY, "empty.txt", ("good",)),
    Case("blank file", beside("blank.txt", "\n  \n\n"), BUILD, 0, NOT_EMPTY, "blank.txt",
         ("good",)),
    Case("not English", beside("espanol.txt", SPANISH), BUILD, 0, r"not English", "espanol.txt",
         ("good",)),
    # front matter and sources.yaml
    Case("impossible date in front matter", front("published: 2017-13-45"), BUILD, 0, r"published",
         "bad.txt", ("good",)),
    Case("impossible date in sources.yaml", sidecar("other.txt:\n  published: 2017-13-45\n"),
         BUILD, 0, r"published", "other.txt", ("good",)),
    Case("a list for outlet", front("outlet: [Corvine Herald, Dorvask Post]"), BUILD, 0, r"outlet",
         "bad.txt", ("good",)),
    Case("a mapping for published", front("published: {year: 2019, month: 3}"), BUILD, 0,
         r"published", "bad.txt", ("good",)),
    Case("YAML alias bomb", front(BOMB), BUILD, 0, r"alias|expan|too (large|big|deep)", "bad.txt",
         ("good",), runner=False, timeout=20),
    Case("python tag", front("title: !!python/object/apply:os.getcwd []"), BUILD, 0,
         r"tag|python|constructor", "bad.txt", ("good",)),
    Case("duplicate keys", front("outlet: Corvine Herald\noutlet: Dorvask Post"), BUILD, 0,
         r"duplicate|twice|more than once", "bad.txt", ("good",)),
    Case("unterminated front matter", beside("bad.txt", f"---\noutlet: Corvine Herald\n{OTHER}"),
         BUILD, 0, r"front matter", "bad.txt", ("good",)),
    Case("front matter that is a list", front("- Corvine Herald\n- 2019-03-15"), BUILD, 0,
         r"front matter|mapping", "bad.txt", ("good",)),
    Case("int and str keys together", front("1: one\nsection: world\noutlet: Corvine Herald"),
         BUILD, 0, r"field|key", "bad.txt", ("good",)),
    Case("unreadable sources.yaml",
         steps(sidecar("other.txt:\n  outlet: Corvine Herald\n"), chmod("corpus/sources.yaml", 0)),
         BUILD, 3, CANNOT_READ, "sources.yaml", user=True, runner=False),
    Case("sources.yaml that is not YAML", sidecar("other.txt: [unclosed\n"), BUILD, 3, r"line \d",
         "sources.yaml"),
    Case("sources.yaml entry naming no file", sidecar("ghost.txt:\n  outlet: Corvine Herald\n"),
         BUILD, 0, r"no such|not found|no file|names no", "ghost.txt", ("good", "other")),
    # options
    Case("-f xlsx", GOOD_ONLY, (*BUILD[:2], "-f", "xlsx"), 2, r"format|-f", "xlsx"),
    Case("--jobs 0", GOOD_ONLY, (*BUILD, "--jobs", "0"), 2, r"\b0\b", "--jobs"),
    Case("--jobs x", GOOD_ONLY, (*BUILD, "--jobs", "x"), 2, r"\bx\b", "--jobs"),
    Case("unknown option", GOOD_ONLY, (*BUILD, "--colour"), 2, r"no such option|unknown",
         "--colour"),
    Case("--since '24 Jan' (no year)", GOOD_ONLY, (*BUILD, "--since", "24 Jan"), 2, r"'24 Jan' has no year",
         "--since"),
    Case("--since yesterday", GOOD_ONLY, (*BUILD, "--since", "yesterday"), 2, r"is relative to today",
         "--since"),
    Case("--since 'last Tuesday'", GOOD_ONLY, (*BUILD, "--since", "last Tuesday"), 2,
         r"is relative to today", "--since"),
    Case("--until '3 days ago'", GOOD_ONLY, (*BUILD, "--until", "3 days ago"), 2, r"is relative to today",
         "--until"),
    Case("--since after --until", GOOD_ONLY,
         (*BUILD, "--since", "2019-03-20", "--until", "2019-03-01"), 2, r"is after --until",
         "--since"),
    Case("--since 2017-13", GOOD_ONLY, (*BUILD, "--since", "2017-13"), 2, r"date|month",
         "--since"),
    Case("--since 2019-02-30", GOOD_ONLY, (*BUILD, "--since", "2019-02-30"), 2, r"date|day",
         "--since"),
    Case("tag --dct yesterday", GOOD_ONLY, ("tag", "corpus/good.txt", "--dct", "yesterday"), 2,
         r"is relative to today", "--dct"),
    Case("tag --dct 2019-04", GOOD_ONLY, ("tag", "corpus/good.txt", "--dct", "2019-04"), 2,
         r"is not a full date", "--dct"),
    Case("ingest --published 2019-04", files({"new.txt": OTHER}),
         ("ingest", "new.txt", "--into", "corpus", "--published", "2019-04"), 2, r"is not a full date",
         "--published"),
    Case("ingest --outlet with a line break", steps(GOOD_ONLY, files({"new.txt": OTHER})),
         ("ingest", "new.txt", "--into", "corpus", "--outlet", "Corvine\nHerald"), 2,
         r"holds a control character", "--outlet",
         survive=("good",), then=BUILD),
    Case("ingest a long name with spaces", files({f"{LONG}.txt": UNDATED}),
         ("ingest", f"{LONG}.txt", "--into", "corpus", "--published", "2019-03-15"), 0,
         survive=(LONG,), then=BUILD),
    Case("explain an unknown id", GOOD_ONLY, ("explain", "ev-0000000000", "corpus"), 2,
         r"no event", "ev-0000000000"),
    Case("bare build with no seeds/", files({"notes/readme.md": "Not a corpus.\n"}), ("build",), 3,
         r"no seeds/ folder here: give article files or folders", "seeds"),
    # output
    Case("-o into a missing folder", GOOD_ONLY, (*BUILD, "-o", "missing/out.yaml"), 4,
         r"cannot write \(no such file or folder\)", "out.yaml"),
    Case("-o onto a directory", steps(GOOD_ONLY, files({f"{OUT}/keep": ""})), (*BUILD, "-o", OUT),
         4, r"cannot write \(is a directory\)", OUT),
    Case("-o /dev/full", GOOD_ONLY, (*BUILD, "-o", "/dev/full"), 4, r"cannot write \(no space left on device\)", "/dev/full",
         user=True, runner=False, check=devices_intact),
    Case("stdout on a full disk", GOOD_ONLY, BUILD, 4, r"stdout: cannot write \(no space left on device\)",
         mode="full", runner=False),
    Case("broken pipe", long_corpus, BUILD, 141, mode="pipe", quiet=True,
         runner=False),
    Case("SIGKILL in the middle of -o", long_corpus, (*BUILD, "-o", f"{OUT}/out.yaml"),
         -signal.SIGKILL, survive=("good",), data=f"{OUT}/out.yaml", mode="kill", runner=False,
         check=killed_then_clean),
    Case("SIGINT during -o", long_corpus, (*BUILD, "-o", f"{OUT}/out.yaml"), 130,
         mode="sigint", runner=False, check=old_file_intact),
    Case("SIGTERM during -o", long_corpus, (*BUILD, "-o", f"{OUT}/out.yaml"),
         143, mode="sigterm", runner=False, check=old_file_intact),
    Case("-o onto a 0600 file",
         steps(GOOD_ONLY, files({f"{OUT}/out.yaml": OLD}), chmod(f"{OUT}/out.yaml", 0o600)),
         (*BUILD, "-o", f"{OUT}/out.yaml"), 0, survive=("good",), data=f"{OUT}/out.yaml",
         check=keeps_0600),
    Case("-o through a symlink",
         steps(GOOD_ONLY, files({f"{OUT}/real.yaml": OLD}), link(f"{OUT}/link.yaml", "real.yaml")),
         (*BUILD, "-o", f"{OUT}/link.yaml"), 0, survive=("good",), data=f"{OUT}/real.yaml",
         check=keeps_link),
    Case("-o to a FIFO", steps(GOOD_ONLY, fifo(f"{OUT}/feed.fifo")),
         (*BUILD, "-o", f"{OUT}/feed.fifo"), 0, survive=("good",), mode="fifo", runner=False,
         check=keeps_fifo),
    Case("-o /dev/stdout", GOOD_ONLY, (*BUILD, "-o", "/dev/stdout"), 0, survive=("good",),
         mode="stdout-file", user=True, runner=False, check=devices_intact),
    Case("ingest into a read-only folder", steps(files({"new.txt": OTHER}), empty_folder("ro")),
         ("ingest", "new.txt", "--into", "ro"), 3,
         r"cannot write \(permission denied\)", "ro", user=True, runner=False,
         check=nothing_written("ro")),
    Case("ingest --into an existing file", steps(GOOD_ONLY, files({"new.txt": OTHER})),
         ("ingest", "new.txt", "--into", "corpus/good.txt"), 3,
         r"not a folder", "good.txt", check=file_unchanged),
)
# fmt: on


def _param(case: Case) -> object:
    marks = [pytest.mark.slow] if case.slow else []
    return pytest.param(case, id=case.name, marks=marks)


def _assert_case(case: Case, ran: Outcome) -> None:
    wrong = shared_failures(case, ran)
    assert not wrong, f"{case.name}: " + "; ".join(wrong)
    if case.check is not None:
        case.check(case, ran)


# ---- as real processes ----------------------------------------------------------------


def _run_in_fresh_folder(case: Case, base: Path) -> Outcome:
    folder = base / f"case-{CASES.index(case)}"
    folder.mkdir()
    return run_case(case, folder)


@pytest.fixture(scope="session")
def outcomes(request: pytest.FixtureRequest) -> Iterator[dict[str, Outcome]]:
    """The selected quick cases run in a small pool of threads (each a process)."""
    wanted = {
        item.callspec.params["case"].name
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_process" and hasattr(item, "callspec")
    }
    chosen = [c for c in CASES if c.name in wanted and not c.slow and _runnable(c) is None]
    base = world_readable_root()
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = dict(
            zip(
                (c.name for c in chosen),
                pool.map(lambda c: _run_in_fresh_folder(c, base), chosen),
                strict=True,
            )
        )
    yield results
    remove(base)


def _runnable(case: Case) -> str | None:
    """Why the case cannot run here, or None."""
    if case.user and unprivileged() is None:
        return "cannot drop privileges to an unprivileged user here (needs setpriv or runuser)"
    return None


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_process(case: Case, outcomes: dict[str, Outcome]) -> None:
    reason = _runnable(case)
    if reason:
        pytest.skip(reason)
    if case.name in outcomes:
        _assert_case(case, outcomes[case.name])
        return
    base = world_readable_root()
    try:
        _assert_case(case, _run_in_fresh_folder(case, base))
    finally:
        remove(base)


# ---- through CliRunner -------------------------------------------------------------------


def _unblock_fifos(folder: Path, stop: threading.Event) -> None:
    """Should the command open a FIFO it was given, give it end-of-file, not a hang."""
    while not stop.wait(0.2):
        for path in folder.rglob("*"):
            if stat.S_ISFIFO(path.lstat().st_mode):
                with contextlib.suppress(OSError):
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def _invoke(argv: tuple[str, ...], folder: Path) -> Outcome:
    from typer.testing import CliRunner

    from syriatl.cli import app

    result = CliRunner().invoke(app, list(argv))
    err = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        err += f"\nTraceback: {type(result.exception).__name__}: {result.exception}"
    return Outcome(result.exit_code, result.stdout, err, folder)


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c.runner])
def test_runner(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case.setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    stop = threading.Event()
    watchdog = threading.Thread(target=_unblock_fifos, args=(tmp_path, stop), daemon=True)
    watchdog.start()
    try:
        ran = _invoke(case.argv, tmp_path)
        if case.then:
            ran = Outcome(ran.code, ran.out, ran.err, tmp_path, then=_invoke(case.then, tmp_path))
    finally:
        stop.set()
    _assert_case(case, ran)


def test_the_matrix_has_forty_kinds() -> None:
    assert len({c.name for c in CASES}) == len(CASES) >= 40


# ---- the Markdown table for the closing note -----------------------------------------------


def markdown_table(fast: bool) -> str:
    """Run every case as a process and tabulate case, exit code, first stderr line."""
    chosen = [c for c in CASES if not (fast and c.slow)]
    base = world_readable_root()
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            runs = list(pool.map(lambda c: (c, _outcome_or_skip(c, base)), chosen))
        rows = [_row(case, ran) for case, ran in runs]  # before the case folders go
    finally:
        remove(base)
    return "\n".join(
        ["| case | exit | first stderr line | as specified |", "|---|---|---|---|", *rows]
    )


def _row(case: Case, ran: Outcome | str) -> str:
    if isinstance(ran, str):
        return f"| {case.name} | skipped | {ran} | |"
    first = next(iter(stderr_lines(ran.err)), "")
    ok = "yes" if not shared_failures(case, ran) and _check_passes(case, ran) else "**no**"
    cell = first.replace("|", "\\|").replace("\n", " ")
    return f"| {case.name.replace('|', '/')} | {ran.code} | `{cell}` | {ok} |"


def _outcome_or_skip(case: Case, base: Path) -> Outcome | str:
    return _runnable(case) or _run_in_fresh_folder(case, base)


def _check_passes(case: Case, ran: Outcome) -> bool:
    try:
        if case.check is not None:
            case.check(case, ran)
    except (AssertionError, OSError, KeyError, TypeError):
        return False
    return True


if __name__ == "__main__":
    if "--table" not in sys.argv:
        sys.exit("usage: test_faults.py --table [--fast]")
    started = time.monotonic()
    print(markdown_table("--fast" in sys.argv))
    print(f"\n{len(CASES)} cases in {time.monotonic() - started:.0f} s", file=sys.stderr)
