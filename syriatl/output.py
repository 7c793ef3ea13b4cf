"""Writing the output: to stdout, straight into a device, FIFO or stream, or atomically
onto a regular file, so that a run that fails or is killed leaves the old file whole.

A temporary file is named ``.NAME.PID.RANDOM.tmp`` beside its target: a later run can
tell a dead process's leftovers (removed) from a live one's (kept).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from syriatl.discover import printable, reason
from syriatl.errors import ExitCode, SyriatlError

# Names of an already open stream (the shell's redirection): written into, never replaced.
_STREAM = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")
# A temporary name keeps at most this much of the target's name, to stay under NAME_MAX.
_KEPT = 60


def write_stdout(chunks: Iterable[str]) -> None:
    """Write the chunks to stdout and flush them.

    Raises SyriatlError (exit 4) when stdout cannot take them; a BrokenPipeError (the
    reader has gone) is left to the caller, which ends the run quietly.
    """
    try:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        silence_stdout()
        raise SyriatlError("stdout", _cannot(error), ExitCode.OUTPUT) from None


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that the interpreter's last flush of
    what stdout still buffers cannot fail a second time (a no-op without a real fd)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def write_file(target: Path, chunks: Iterable[str]) -> None:
    """Write the chunks to ``target``: atomically when it is a regular file or does not
    exist yet (a symlink's target is replaced, keeping its permission mode), directly
    when it is a device, a FIFO or an open stream such as /dev/stdout.

    Raises SyriatlError (exit 4) when the target cannot be written.
    """
    try:
        found = _stat(target)
        if found is not None and stat.S_ISDIR(found.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if _STREAM.fullmatch(str(target.absolute())):
            _write_directly(target, chunks, "a")
        elif found is not None and not stat.S_ISREG(found.st_mode):
            _write_directly(target, chunks, "w")
        else:
            _write_atomically(Path(os.path.realpath(target)), found, chunks)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise SyriatlError(printable(str(target)), _cannot(error), ExitCode.OUTPUT) from None


def _cannot(error: OSError) -> str:
    return f"cannot write ({reason(error)})"


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _write_directly(target: Path, chunks: Iterable[str], mode: str) -> None:
    with target.open(mode, encoding="utf-8", newline="\n") as stream:
        stream.writelines(chunks)


def _write_atomically(real: Path, found: os.stat_result | None, chunks: Iterable[str]) -> None:
    if found is not None and not os.access(real, os.W_OK):
        # Renaming over it would work, but a file its owner made read-only stays as it is.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    remove_stale(real)
    temporary: Path | None = None
    try:
        with _signals_held():  # a signal between making the file and noting its name
            handle, name = tempfile.mkstemp(  # would leave it behind
                dir=real.parent, prefix=f".{real.name[:_KEPT]}.{os.getpid()}.", suffix=".tmp"
            )
            temporary = Path(name)
        _keep_owner_and_mode(handle, found)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(chunks)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(real)
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (pending, not lost) until the block is left."""
    caught = {signal.SIGINT, signal.SIGTERM}
    held = signal.pthread_sigmask(signal.SIG_BLOCK, caught)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _keep_owner_and_mode(handle: int, found: os.stat_result | None) -> None:
    if found is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(handle, 0o666 & ~umask)
        return
    if (found.st_uid, found.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(PermissionError):
            os.fchown(handle, found.st_uid, found.st_gid)
    os.fchmod(handle, stat.S_IMODE(found.st_mode))


def remove_stale(real: Path) -> tuple[Path, ...]:
    """Remove the temporary files of ``real`` that processes which no longer run left
    behind (after SIGKILL or a power cut), and return them; a live process's stay."""
    own = re.compile(rf"\.{re.escape(real.name[:_KEPT])}\.(\d+)\.\w+\.tmp")
    removed = []
    for candidate in real.parent.glob(f".{glob.escape(real.name[:_KEPT])}.*.tmp"):
        match = own.fullmatch(candidate.name)
        if match and not _alive(int(match.group(1))):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return tuple(sorted(removed))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
