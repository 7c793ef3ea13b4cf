"""Machinery of the bad-input matrix (tests/test_faults.py): a case, the ways to run it as
a real process (plain, into a broken pipe, killed or interrupted mid-output, writing into
a FIFO, stdout on a full disk) and the checks every case shares.

Every process runs under an address-space bound (prlimit), so a YAML alias bomb or a
quadratic blow-up ends in a failed case, not in a machine out of memory.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SYRIATL = Path(sys.executable).parent / "syriatl"
NOBODY = 65534
MEMORY = 3 << 30  # bytes of address space a run may take
OUT = "out"  # the folder of output targets that signal cases watch
CACHE = "cache"  # the XDG cache home of a case's process

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Outcome:
    """What a run left: exit status, streams, and the files of ``out/`` right after it."""

    code: int
    out: str
    err: str
    folder: Path
    after: dict[str, bytes] = field(default_factory=dict)
    then: Outcome | None = None
    note: str = ""


@dataclass(frozen=True)
class Case:
    """One kind of bad input: how to make it, the command, and what must come of it.

    ``code`` is the exit status (or the statuses that mean the same to a shell, such as
    141 and -13 for SIGPIPE); ``message`` a regular expression that one stderr line naming
    ``names`` must match; ``survive`` article ids that must still cite events in the YAML
    output (of ``then`` when given, read from ``data`` when it names a file).
    """

    name: str
    setup: Setup
    argv: tuple[str, ...]
    code: int | tuple[int, ...]
    message: str | None = None
    names: str | None = None
    survive: tuple[str, ...] = ()
    then: tuple[str, ...] = ()
    data: str | None = None
    mode: str = "run"
    user: bool = False  # run as an unprivileged user (file modes do not bind root)
    runner: bool = True  # also run through typer's CliRunner
    quiet: bool = False  # nothing at all on stderr
    slow: bool = False
    timeout: float = 30.0
    check: Callable[[Case, Outcome], None] | None = None

    @property
    def codes(self) -> tuple[int, ...]:
        return self.code if isinstance(self.code, tuple) else (self.code,)


# ---- building the inputs ------------------------------------------------------------


def files(entries: dict[str, str | bytes]) -> Setup:
    """Write files (relative name -> text or bytes), making their folders."""

    def write(root: Path) -> None:
        for name, content in entries.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")

    return write


def steps(*parts: Setup) -> Setup:
    """Run several setups in order."""

    def run(root: Path) -> None:
        for part in parts:
            part(root)

    return run


def fifo(name: str) -> Setup:
    def make(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / name)

    return make


def link(name: str, target: str) -> Setup:
    def make(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(target)

    return make


def chmod(name: str, bits: int) -> Setup:
    def make(root: Path) -> None:
        (root / name).chmod(bits)

    return make


def raw_name(name: bytes, content: str) -> Setup:
    """A file whose name is not valid UTF-8 (the bytes as the file system keeps them)."""

    def make(root: Path) -> None:
        Path(os.fsdecode(os.fsencode(root) + b"/" + name)).write_text(content, encoding="utf-8")

    return make


# ---- running as a real process --------------------------------------------------------


@functools.cache
def unprivileged() -> tuple[str, ...] | None:
    """The prefix that runs a command as nobody; () when we are not root; None when
    privileges cannot be dropped here."""
    if os.geteuid() != 0:
        return ()
    for prefix in (
        ("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"),
        ("runuser", "-u", "nobody", "--"),
    ):
        if shutil.which(prefix[0]) is None:
            continue
        probe = subprocess.run([*prefix, "id", "-u"], capture_output=True, text=True, check=False)
        if probe.returncode == 0 and probe.stdout.strip() == str(NOBODY):
            return prefix
    return None


def world_readable_root() -> Path:
    """A fresh folder every user can enter (tmp_path's parents are root's alone)."""
    root = Path(tempfile.mkdtemp(prefix="syriatl-faults-", dir="/tmp"))
    root.chmod(0o755)
    return root


def remove(root: Path) -> None:
    """Remove a case folder, modes 000 included."""
    for path in [root, *root.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(root, ignore_errors=True)


def command(case: Case, argv: tuple[str, ...]) -> list[str]:
    prefix = ()
    if case.user:
        found = unprivileged()
        assert found is not None, "privileges cannot be dropped"
        prefix = found
    bound = (f"--as={MEMORY}", "--") if shutil.which("prlimit") else ()
    return [*(("prlimit", *bound) if bound else ()), *prefix, str(SYRIATL), *argv]


def _env(folder: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    # The build's cache lives in the case's own folder (see run_case), not the user's.
    cached = {"XDG_CACHE_HOME": str(folder / CACHE)}
    return {**keep, **cached, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "COLUMNS": "120"}


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _snapshot(folder: Path) -> dict[str, bytes]:
    out = folder / OUT
    if not out.is_dir():
        return {}
    return {
        p.name: (p.read_bytes() if p.is_file() and not stat.S_ISFIFO(p.lstat().st_mode) else b"")
        for p in sorted(out.iterdir())
    }


def _plain(case: Case, folder: Path, argv: tuple[str, ...]) -> Outcome:
    try:
        done = subprocess.run(
            command(case, argv),
            cwd=folder,
            env=_env(folder),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=case.timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as late:
        return Outcome(
            -999,
            _text(late.stdout or b""),
            _text(late.stderr or b""),
            folder,
            note=f"timed out after {case.timeout:g} s",
        )
    return Outcome(done.returncode, _text(done.stdout), _text(done.stderr), folder)


# A shell starts a background job with SIGINT ignored, and a child inherits that, so a
# suite run in the background would see syriatl ignore the matrix's SIGINT. A signal
# with a handler is reset to its default at exec: the children get SIGINT as a terminal
# gives it.
signal.signal(signal.SIGINT, signal.default_int_handler)


def _popen(case: Case, folder: Path, **streams: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command(case, case.argv), cwd=folder, env=_env(folder), stdin=subprocess.DEVNULL, **streams
    )


def _finish(process: subprocess.Popen[bytes], timeout: float) -> tuple[int, bytes]:
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
        return -999, err or b""
    return process.returncode, err or b""


def _pipe(case: Case, folder: Path) -> Outcome:
    """Read one byte of stdout and close it, as ``| head -c1`` does."""
    process = _popen(case, folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    first = process.stdout.read(1)
    process.stdout.close()
    code, err = _finish(process, case.timeout)
    return Outcome(code, _text(first), _text(err), folder)


def _temporary_seen(folder: Path, process: subprocess.Popen[bytes], timeout: float) -> bool:
    """Wait until a file other than the targets set up beforehand appears in ``out/``."""
    before = {p.name for p in (folder / OUT).iterdir()}
    end = time.monotonic() + timeout
    while time.monotonic() < end and process.poll() is None:
        if {p.name for p in (folder / OUT).iterdir()} - before:
            return True
        time.sleep(0.002)
    return False


def _signalled(number: int) -> Callable[[Case, Path], Outcome]:
    """Send ``number`` while the output's temporary file exists; SIGKILL runs the
    command a second time (which must clean up after the first)."""

    def run(case: Case, folder: Path) -> Outcome:
        process = _popen(case, folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seen = _temporary_seen(folder, process, case.timeout)
        if seen:
            process.send_signal(number)
        code, err = _finish(process, case.timeout)
        after = _snapshot(folder)
        note = "" if seen else "no temporary file appeared beside the -o target"
        then = _plain(case, folder, case.argv) if number == signal.SIGKILL else None
        return Outcome(code, "", _text(err), folder, after, then, note)

    return run


def _into_fifo(case: Case, folder: Path) -> Outcome:
    """A reader waits on every FIFO of ``out/``; what it reads stands for stdout."""
    readers = [
        subprocess.Popen(["cat", str(p)], stdout=subprocess.PIPE)
        for p in sorted((folder / OUT).iterdir())
        if stat.S_ISFIFO(p.lstat().st_mode)
    ]
    ran = _plain(case, folder, case.argv)
    got = []
    for reader in readers:
        try:
            out, _ = reader.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            reader.kill()
            out, _ = reader.communicate()
        got.append(_text(out or b""))
    return Outcome(ran.code, "".join(got) + ran.out, ran.err, folder, _snapshot(folder))


def _full_stdout(case: Case, folder: Path) -> Outcome:
    with Path("/dev/full").open("wb") as full:
        process = _popen(case, folder, stdout=full, stderr=subprocess.PIPE)
        code, err = _finish(process, case.timeout)
    return Outcome(code, "", _text(err), folder)


def _stdout_file(case: Case, folder: Path) -> Outcome:
    """stdout is a regular file the run's own user owns (so it may reopen /dev/stdout)."""
    target = folder / "stdout.txt"
    target.touch()
    if case.user and os.geteuid() == 0:
        os.chown(target, NOBODY, NOBODY)
    with target.open("wb") as out:
        process = _popen(case, folder, stdout=out, stderr=subprocess.PIPE)
        code, err = _finish(process, case.timeout)
    return Outcome(code, target.read_text(encoding="utf-8", errors="replace"), _text(err), folder)


MODES: dict[str, Callable[[Case, Path], Outcome]] = {
    "run": lambda case, folder: _plain(case, folder, case.argv),
    "pipe": _pipe,
    "kill": _signalled(signal.SIGKILL),
    "sigint": _signalled(signal.SIGINT),
    "sigterm": _signalled(signal.SIGTERM),
    "fifo": _into_fifo,
    "full": _full_stdout,
    "stdout-file": _stdout_file,
}


def run_case(case: Case, folder: Path) -> Outcome:
    """Set the case up in ``folder`` and run it as a real process."""
    folder.chmod(0o755)
    (folder / CACHE).mkdir()
    (folder / CACHE).chmod(0o777)  # the case may run as nobody
    case.setup(folder)
    ran = MODES[case.mode](case, folder)
    if case.then and ran.then is None:
        ran = Outcome(
            ran.code, ran.out, ran.err, folder, ran.after, _plain(case, folder, case.then), ran.note
        )
    return ran


# ---- the checks every case shares -------------------------------------------------------

# The contract's three message forms, the lines ``ingest`` reports its work in, and
# Click's pointer to the help under a usage error.
LINE_FORMS = re.compile(
    r"(syriatl|problem|warning): \S|(copied|recorded) \S|Try 'syriatl [a-z ]*--help' for help\.$"
)
PYTHONISMS = re.compile(
    r"Traceback|Value error|\bError:|\b\w+(Error|Exception)\b|\[Errno \d+\]|File \"", re.I
)


def stderr_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def shared_failures(case: Case, ran: Outcome) -> list[str]:
    """Every way ``ran`` breaks the case's promises, as readable lines (empty: none)."""
    wrong = []
    lines = stderr_lines(ran.err)
    if ran.note:
        wrong.append(ran.note)
    if ran.code not in case.codes:
        wrong.append(f"exit {ran.code}, expected {' or '.join(map(str, case.codes))}")
    wrong += [f"Python-ism on stderr: {line!r}" for line in lines if PYTHONISMS.search(line)]
    wrong += [
        f"not a one-line message form: {line!r}" for line in lines if not LINE_FORMS.match(line)
    ]
    if len(set(lines)) != len(lines):
        wrong.append("a stderr line is printed twice")
    if case.quiet and lines:
        wrong.append(f"stderr should be empty, has {lines[0]!r}")
    if set(case.codes) & {2, 3, 4} and ran.code in (2, 3, 4):
        fatal = [line for line in lines if line.startswith("syriatl: ")]
        if len(fatal) != 1:
            wrong.append(f"{len(fatal)} fatal 'syriatl: ' lines, expected one")
    if case.message is not None:
        pattern = re.compile(case.message, re.I)
        named = [line for line in lines if case.names is None or case.names in line]
        if not any(pattern.search(line) for line in named):
            wrong.append(
                f"no stderr line naming {case.names!r} matches {case.message!r}"
                f" (stderr: {lines[:3]!r})"
            )
    wrong += survival_failures(case, ran)
    return wrong


def yaml_data(case: Case, ran: Outcome) -> Any:
    final = ran.then or ran
    text = (final.folder / case.data).read_text(encoding="utf-8") if case.data else final.out
    return yaml.safe_load(text)


def cited(data: Any) -> set[str]:
    """Article ids that cite at least one event of a build's YAML."""
    events = (data or {}).get("events") or []
    return {source["article"] for event in events for source in event["sources"]}


def survival_failures(case: Case, ran: Outcome) -> list[str]:
    if not case.survive:
        return []
    final = ran.then or ran
    if ran.then is not None and ran.then.code != 0:
        return [f"the follow-up {' '.join(case.then)!r} exit {ran.then.code}: {ran.then.err!r}"]
    try:
        data = yaml_data(case, ran)
    except (OSError, yaml.YAMLError) as error:
        return [f"no YAML output to check ({error}); stderr {final.err[:200]!r}"]
    missing = sorted(set(case.survive) - cited(data))
    return [f"articles lost from the build: {missing}"] if missing else []
