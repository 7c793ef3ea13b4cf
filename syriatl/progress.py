"""What a build shows people while it runs, on stderr: a progress bar for a long build on
a terminal, and with ``-v`` the time each stage took.

Shell code: it reads the clock, which the pipeline never does; the pipeline only calls
``Watch`` with (files told, files to tell). Rich is imported only when a bar is drawn.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

# A build of more files than this draws a bar: below it a build takes seconds at most.
THRESHOLD = 200

# The stages a build's time is told in: the command's imports and checks, finding the
# files and their metadata, reading and telling each article, merging, and rendering.
START, FIND, TELL, MERGE, RENDER = "start", "find", "read and tell", "merge", "render"


def show_bar(total: int, stderr_is_tty: bool, no_color: bool, quiet: bool = False) -> bool:
    """Whether a build of ``total`` files draws a progress bar: only past ``THRESHOLD``
    files, only when stderr is a terminal, and never under ``NO_COLOR`` or ``--quiet``."""
    return total > THRESHOLD and stderr_is_tty and not no_color and not quiet


def stage_lines(start: float, marks: Sequence[tuple[str, float]], files: int) -> list[str]:
    """One ``timing:`` line per stage with the seconds since the stage before (``start``
    for the first), the files read beside the reading stage, then the total."""
    lines = []
    before = start
    for stage, at in marks:
        seconds = at - before
        rate = f", {files / seconds:.0f}/s" if seconds > 0 else ""
        read = f" ({files} files{rate})" if stage == TELL else ""
        lines.append(f"timing: {stage:<13} {seconds:8.3f} s{read}")
        before = at
    lines.append(f"timing: {'total':<13} {before - start:8.3f} s")
    return lines


class Watch:
    """The shell's eye on one build: passed to the pipeline as its ``progress``, it
    draws a bar when ``bar(total)`` says so, and notes when each stage ended."""

    def __init__(
        self, bar: Callable[[int], bool], clock: Callable[[], float] = time.perf_counter
    ) -> None:
        self._wants_bar = bar
        self._clock = clock
        self._start = clock()
        self._marks: list[tuple[str, float]] = []
        self._files = 0
        self._bar: _Bar | None = None

    @classmethod
    def on_stderr(cls, quiet: bool = False) -> Watch:
        """A watch whose bar goes to this process's stderr when ``show_bar`` allows."""
        tty = sys.stderr.isatty()
        no_color = bool(os.environ.get("NO_COLOR"))
        return cls(lambda total: show_bar(total, tty, no_color, quiet))

    def __call__(self, done: int, total: int) -> None:
        at = self._clock()
        if all(stage != FIND for stage, _ in self._marks):
            self._marks.append((FIND, at))
            if self._wants_bar(total):
                self._bar = _Bar(total)
        elif self._marks[-1][0] == TELL:
            self._marks[-1] = (TELL, at)
        else:
            self._marks.append((TELL, at))
        self._files = done
        if self._bar is not None:
            self._bar.update(done, total)

    def mark(self, stage: str) -> None:
        """Note that ``stage`` ended now."""
        self._marks.append((stage, self._clock()))

    def lines(self) -> list[str]:
        """The ``timing:`` lines of the stages noted so far (see ``stage_lines``)."""
        return stage_lines(self._start, self._marks, self._files)

    def __enter__(self) -> Watch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Take the bar off the terminal: what the build says next starts on a clean line."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


class _Bar:
    """A Rich progress bar on stderr: files read of the total, articles per second and
    the time left; it disappears when the build is done."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("reading"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("reading", total=total, rate="")
        self._progress.start()

    def update(self, done: int, total: int) -> None:
        task: Any = self._progress.tasks[0]
        speed = task.speed
        rate = f"{speed:.0f} articles/s" if speed else ""
        self._progress.update(self._task, completed=done, total=total, rate=rate)

    def stop(self) -> None:
        self._progress.stop()
