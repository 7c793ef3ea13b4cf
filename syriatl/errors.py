"""One exception family for bad input and output, and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status of every command."""

    OK = 0
    PROBLEMS = 1  # the build finished but listed problems, and --strict was given
    USAGE = 2  # a bad option or argument
    INPUT = 3  # no articles, a path that is not a readable file or folder, a sources.yaml
    # that cannot be trusted, or ingest refusing
    OUTPUT = 4  # the output file could not be written


class SyriatlError(Exception):
    """A problem with one path that stops the run; its message is ``path: problem``."""

    def __init__(self, path: str, problem: str, code: ExitCode = ExitCode.INPUT) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.code = code
