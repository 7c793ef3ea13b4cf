"""Writing the output: atomically onto regular files, directly into everything else, and
never leaving a temporary file behind that a live run did not leave."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from syriatl.errors import ExitCode, SyriatlError
from syriatl.output import remove_stale, write_file

TEXT = ["events:\n", "- date: '2019-03-12'\n"]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize(
    ("existing_mode", "expected_mode"),
    [(None, 0o644), (0o600, 0o600), (0o640, 0o640), (0o755, 0o755)],
)  # a new file gets 0666 less the umask 022; an existing one keeps its own mode
def test_a_regular_file_is_replaced_keeping_its_mode(
    tmp_path: Path, umask_022: None, existing_mode: int | None, expected_mode: int
) -> None:
    target = tmp_path / "out.yaml"
    if existing_mode is not None:
        target.write_text("old\n")
        target.chmod(existing_mode)
    write_file(target, TEXT)
    assert target.read_text() == "".join(TEXT)
    assert stat.S_IMODE(target.stat().st_mode) == expected_mode
    assert leftovers(tmp_path) == []


def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    real.chmod(0o600)
    link = tmp_path / "link.yaml"
    link.symlink_to(real.name)
    write_file(link, TEXT)
    assert link.is_symlink()
    assert link.readlink() == Path("real.yaml")
    assert real.read_text() == "".join(TEXT)
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_a_dangling_symlink_gets_its_target_created(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to("made.yaml")
    write_file(link, TEXT)
    assert link.is_symlink()
    assert (tmp_path / "made.yaml").read_text() == "".join(TEXT)


@pytest.mark.parametrize(
    ("where", "problem"),
    [("folder", "cannot write (is a directory)"),
     ("missing/out.yaml", "cannot write (no such file or folder)"),
     ("/dev/full", "cannot write (no space left on device)")],
)  # fmt: skip
def test_an_output_that_cannot_be_written_is_exit_4(
    tmp_path: Path, where: str, problem: str
) -> None:
    (tmp_path / "folder").mkdir()
    target = tmp_path / where
    with pytest.raises(SyriatlError) as failed:
        write_file(target, TEXT)
    assert (failed.value.path, failed.value.problem) == (str(target), problem)
    assert failed.value.code is ExitCode.OUTPUT
    assert leftovers(tmp_path) == []
    assert leftovers(tmp_path / "folder") == []


def test_a_failure_while_writing_keeps_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("old\n")

    def chunks() -> Iterator[str]:
        yield "half"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_file(target, chunks())
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_a_fifo_is_written_into_and_its_reader_gets_end_of_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_file(fifo, TEXT)
    reader.join(timeout=10)
    assert not reader.is_alive()  # read_bytes returned: the reader saw end of file
    assert received == ["".join(TEXT).encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_device_stays_a_device() -> None:
    write_file(Path("/dev/null"), TEXT)
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_only_a_dead_process_s_temporaries_of_the_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    dead, live = dead_pid(), os.getppid()
    names = {
        "dead": f".out.yaml.{dead}.k2j4h1ab.tmp",
        "live": f".out.yaml.{live}.x8d0q2zz.tmp",
        "ours": f".out.yaml.{os.getpid()}.a1b2c3d4.tmp",
        "no pid": ".out.yaml.notes.tmp",
        "other target": f".other.yaml.{dead}.k2j4h1ab.tmp",
    }
    for name in names.values():
        (tmp_path / name).write_text("partial")
    assert remove_stale(target) == (tmp_path / names["dead"],)
    kept = sorted(v for k, v in names.items() if k != "dead")
    assert leftovers(tmp_path) == kept
    write_file(target, TEXT)  # a write clears the dead ones first, and leaves none of its own
    assert leftovers(tmp_path) == kept
