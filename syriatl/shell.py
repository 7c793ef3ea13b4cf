"""The process around the commands: Click's usage errors as plain lines, SIGTERM and a
reader that went away as the shell's exit codes, and the parsers of option values whose
errors Typer would otherwise word in Python's terms ("Value error, ...")."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from types import FrameType
from typing import Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

BROKEN_PIPE = 128 + signal.SIGPIPE  # the shell's status for a reader that went away
TERMINATED = 128 + signal.SIGTERM


class _Terminated(BaseException):
    """SIGTERM, raised where the process is, so that temporary files are removed."""


def _on_sigterm(owner: int) -> Callable[[int, FrameType | None], None]:
    def handle(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:  # a forked worker: die as SIGTERM means
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        raise _Terminated

    return handle


@contextmanager
def _endings() -> Iterator[None]:
    """A reader that went away and SIGTERM end the run quietly with the shell's codes."""
    try:
        yield
    except BrokenPipeError:
        from syriatl.output import silence_stdout

        silence_stdout()
        raise typer.Exit(BROKEN_PIPE) from None
    except _Terminated:
        raise typer.Exit(TERMINATED) from None


class Shell(TyperGroup):
    """The top command: Click's usage errors become a plain line and a hint, with
    exit 2, and SIGTERM and a closed stdout end the run with the shell's codes."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        with _endings():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _endings():
            return super().invoke(ctx)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        # Typer registers its shell completion classes only when it adds its own
        # --install-completion; syriatl has a completion command instead. typer.completion
        # is where Typer's own --show-completion finds it (not re-exported for mypy).
        from typer.completion import completion_init  # type: ignore[attr-defined]

        completion_init()
        previous = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, _on_sigterm(os.getpid()))
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except typer.TyperException as error:
            say(*_usage(error))
            code = error.exit_code
        finally:
            signal.signal(signal.SIGTERM, previous)
        sys.exit(code or 0)


class Command(TyperCommand):
    """A command whose ``--help`` names each argument by its metavar alone: Typer adds
    the Python type ("PATH <list[str]>"), which tells a user nothing."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                sections["Arguments"].append((record[0].split(" <", 1)[0], record[1]))
            else:
                sections["Options"].append(record)
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _usage(error: typer.TyperException) -> list[str]:
    """A Click error as the user should read it: one plain line, and where to look."""
    ctx = getattr(error, "ctx", None)
    hint = [f"Try '{ctx.command_path} --help' for help."] if ctx is not None else []
    if isinstance(error, typer.BadParameter):
        where = _param_name(error)
        if not error.message:  # Click's MissingParameter
            about = (getattr(error.param, "help", None) or "").rstrip(".")
            return [f"syriatl: {where}: missing" + (f" ({_lower(about)})" if about else ""), *hint]
        message = error.message.removeprefix("Value error, ").rstrip(".")
        return [f"syriatl: {where}: {_lower(message)}", *hint]
    message = error.format_message()
    if "\n" in message.strip():  # the help text of a command given no arguments
        return [message.rstrip()]
    return [f"syriatl: {_lower(message.rstrip('.'))}", *hint]


def _param_name(error: typer.BadParameter) -> str:
    if error.param_hint:
        hints = error.param_hint
        return hints if isinstance(hints, str) else str(next(iter(hints)))
    param = error.param
    if param is None:
        return "option"
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or getattr(param, "human_readable_name", param.name)).upper()
    opts = list(getattr(param, "opts", ()))
    return next((o for o in opts if o.startswith("--")), opts[0] if opts else "option")


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def say(*lines: str) -> None:
    """Lines for people, on stderr (a file name that is not UTF-8 shows its bytes)."""
    for line in lines:
        readable = line.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        print(readable, file=sys.stderr, flush=True)


def typed_period(text: str | None, option: str) -> tuple[dt.date, dt.date] | None:
    """The days a typed ``--since``/``--until`` covers; a usage error when refused."""
    from syriatl.dates import read_period

    return None if text is None else _typed(read_period, text, option)


def typed_day(text: str | None, option: str) -> dt.date | None:
    """The day a typed ``--published``/``--dct`` names; a usage error when refused."""
    from syriatl.dates import read_day

    return None if text is None else _typed(read_day, text, option)


Read = TypeVar("Read")


def _typed(reader: Callable[[str], Read], text: str, option: str) -> Read:
    from syriatl.dates import DateRefused

    try:
        return reader(text)
    except DateRefused as refused:
        raise typer.BadParameter(str(refused), param_hint=option) from None


Choice = TypeVar("Choice", bound=StrEnum)


def choose(kind: type[Choice]) -> Callable[[str], Choice]:
    """A parser of ``--format`` that names the choices when the value is not one."""
    names = [k.value for k in kind]
    choices = ", ".join(names[:-1]) + f" or {names[-1]}"

    def parse(value: str) -> Choice:
        try:
            return kind(value.lower())
        except ValueError:
            problem = f"{value!r} is not a format: choose {choices}"
            raise typer.BadParameter(problem, param_hint="--format") from None

    return parse


def offer(
    kind: type[StrEnum], only_in: str = "", reserved: Collection[str] = ()
) -> Callable[[Any, str], list[str]]:
    """The shell completion of a ``--format``: the names of ``kind`` that start with what
    is typed, without the ``reserved`` ones outside the command ``only_in``."""

    def complete(ctx: Any, incomplete: str) -> list[str]:
        here = ctx.info_name == only_in
        return [
            k.value
            for k in kind
            if k.value.startswith(incomplete) and (here or k.value not in reserved)
        ]

    return complete


def jobs(value: str | int) -> int:
    if isinstance(value, int):  # the default
        return value
    if value.strip().isdigit() and int(value) >= 1:
        return int(value)
    problem = f"{value!r} is not a number of worker processes: give 1 or more"
    raise typer.BadParameter(problem, param_hint="--jobs")
