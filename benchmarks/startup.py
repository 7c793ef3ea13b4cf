"""Start-up benchmark: what a command costs over the framework it stands on.

    python benchmarks/startup.py [--runs 11] [--show-bare] [--baseline DIR]

Typer (with its Click and, for every parameter that is not a flag, a pydantic adapter)
has a start-up of its own that syriatl cannot go below. To measure that floor, this
script writes a *bare* Typer app: the same app settings, commands and parameters as
``syriatl.cli`` (each parameter's type, names, metavar, help, parser and callback, copied
from the real functions when the script starts, so it follows the CLI as it changes),
whose commands do nothing and which imports nothing of syriatl. ``--show-bare`` prints
its source.

Then, as fresh processes run in turn in the same loop (one warm-up round, then
``--runs`` rounds, each round starting one command later than the last), it times:

    python -c pass
    bare --help / bare build x -f yaml / bare tag --dct 2017-01-03
    bare build x -f yaml, after importing syriatl's modules of a build and a tag
    syriatl --help / syriatl build seeds -f yaml / echo 'on Tuesday' | syriatl tag --dct ...

(both apps run as modules, ``python -m``, as an installed command is) and prints each
command's median wall and CPU seconds (user + sys of the child), then the import time
of our own modules (the bare build with them imported over the bare build), then each
syriatl command over its bare counterpart: the median of the per-round differences and
ratios, beside its target. The machine's load moves every figure; the differences
within a round move less.

With ``--baseline DIR`` (a source tree of syriatl, such as an earlier commit's written
out by ``git archive COMMIT | tar -x -C DIR``), the same three commands of that tree's
syriatl run in the same rounds, from DIR (so that ``python -m syriatl`` imports its
package, and reads its own seeds/), and each of ours is printed over its counterpart.

The children import compiled bytecode, as from an installed package (pip compiles it on
install): ``PYTHONDONTWRITEBYTECODE`` is dropped from their environment and
``PYTHONPYCACHEPREFIX`` points into a temporary folder, which the warm-up round fills (the
source tree gets no ``__pycache__``). ``--env-as-is`` runs them in this environment as it
is instead; under ``PYTHONDONTWRITEBYTECODE`` with no cache written, each run then
compiles syriatl's modules from source.
"""

from __future__ import annotations

import argparse
import inspect
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import types
import typing
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
TAG = b"on Tuesday\n"  # the stdin of the one-line tag
# The bare app's build after importing the modules of syriatl that a build or a tag
# imports: over the bare build alone, the import time of our own code in a real run
# (what Typer and pydantic load anyway is loaded in both), apart from any work.
IMPORTED = (
    "import syriatl.cli, syriatl.pipeline, syriatl.render, syriatl.dates, runpy; "
    "runpy.run_module('bare', run_name='__main__')"
)
# Targets over the bare app's same command, in seconds.
TARGETS = {"--help": 0.15, "build seeds -f yaml": 0.6, "tag --dct (one line)": 0.3}


# --- the bare app --------------------------------------------------------------------


def _spell(kind: Any, enums: dict[str, type[Enum]]) -> str:
    """Python source for the type ``kind`` of a parameter (enums collected aside)."""
    if kind is type(None):
        return "None"
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_spell(k, enums) for k in typing.get_args(kind))
    if origin is list:
        return f"list[{_spell(typing.get_args(kind)[0], enums)}]"
    if isinstance(kind, type) and issubclass(kind, Enum):
        enums[kind.__name__] = kind
        return kind.__name__
    if kind in (str, int, float, bool):
        return str(kind.__name__)
    if kind is Path:
        return "Path"
    raise SystemExit(f"startup.py: cannot copy the parameter type {kind!r}; teach _spell it")


def _value(value: Any) -> str:
    if isinstance(value, Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, Path):
        return f"Path({str(value)!r})"
    if value is None or isinstance(value, str | int | float | bool):
        return repr(value)
    raise SystemExit(f"startup.py: cannot copy the default {value!r}")


def _plain(kind: Any) -> Any:
    """``kind`` without ``None``: the type a parser returns."""
    kept = [k for k in typing.get_args(kind) if k is not type(None)]
    return kept[0] if len(kept) == 1 else kind


def _parameter(name: str, hint: Any, default: Any, enums: dict[str, type[Enum]]) -> str:
    import typer
    from typer.models import ArgumentInfo

    annotated = typing.get_origin(hint) is typing.Annotated
    kind, info = typing.get_args(hint)[:2] if annotated else (hint, None)
    spelled = _spell(kind, enums)
    tail = "" if default is inspect.Parameter.empty else f" = {_value(default)}"
    if info is None:
        return f"{name}: {spelled}{tail}"
    maker = "typer.Argument" if isinstance(info, ArgumentInfo) else "typer.Option"
    # In ``Annotated``, Typer reads a first positional (held as the default) as a name.
    first = [] if info.default is ... else [info.default]
    args = [repr(d) for d in [*first, *(info.param_decls or ())]]
    for field in ("metavar", "help", "is_eager"):
        if getattr(info, field):
            args.append(f"{field}={getattr(info, field)!r}")
    if info.show_default is not True:
        args.append(f"show_default={info.show_default!r}")
    if info.parser is not None:
        plain = _plain(kind)
        args.append(f"parser={_spell(plain, enums)}")
    if info.callback is not None:
        args.append("callback=_nothing")
    assert isinstance(info, typer.models.ParameterInfo)
    return f"{name}: Annotated[{spelled}, {maker}({', '.join(args)})]{tail}"


def _function(name: str, function: Callable[..., Any], enums: dict[str, type[Enum]]) -> str:
    hints = typing.get_type_hints(function, include_extras=True)
    parameters = [
        _parameter(p.name, hints[p.name], p.default, enums)
        for p in inspect.signature(function).parameters.values()
    ]
    joined = "".join(f"    {p},\n" for p in parameters)
    return f"def {name}(\n{joined}) -> None:\n    {function.__doc__ or ''!r}\n"


def _setting(value: Any) -> Any:
    return getattr(value, "value", value)  # Typer's DefaultPlaceholder


def bare_source() -> str:
    """A Typer app with syriatl's commands and parameters whose commands do nothing."""
    from syriatl.cli import app

    if app.registered_groups:
        raise SystemExit("startup.py: the CLI has command groups; teach bare_source them")
    enums: dict[str, type[Enum]] = {}
    blocks = []
    if app.registered_callback is not None and app.registered_callback.callback is not None:
        callback = app.registered_callback.callback
        blocks.append("@app.callback()\n" + _function(callback.__name__, callback, enums))
    for command in app.registered_commands:
        assert command.callback is not None
        name = f"{_setting(command.name)!r}" if _setting(command.name) else ""
        blocks.append(
            f"@app.command({name})\n"
            + _function(command.callback.__name__, command.callback, enums)
        )
    classes = [
        f"class {name}(StrEnum):\n" + "".join(f"    {m.name} = {m.value!r}\n" for m in kind)
        for name, kind in sorted(enums.items())
    ]
    settings = {
        "name": _setting(app.info.name),
        "help": _setting(app.info.help),
        "no_args_is_help": _setting(app.info.no_args_is_help),
        "pretty_exceptions_enable": app.pretty_exceptions_enable,
        "rich_markup_mode": app.rich_markup_mode,
        "add_completion": app._add_completion,
    }
    spelled = ", ".join(f"{k}={v!r}" for k, v in settings.items())
    return "\n\n".join(
        [
            '"""A bare Typer app with syriatl\'s parameters (written by benchmarks/startup.py)."""'
            "\n\nfrom enum import StrEnum\nfrom pathlib import Path\nfrom typing import Annotated"
            "\n\nimport typer\n",
            *classes,
            f"app = typer.Typer({spelled})\n",
            "def _nothing(value: bool) -> None:\n    pass\n",
            *blocks,
            'if __name__ == "__main__":\n    app()\n',
        ]
    )


# --- timing --------------------------------------------------------------------------


class Case(NamedTuple):
    label: str
    argv: Sequence[str]
    stdin: bytes = b""
    cwd: Path = ROOT  # ``python -m syriatl`` imports the syriatl of this folder


class Timing(NamedTuple):
    wall: float
    cpu: float


def run(case: Case, env: dict[str, str] | None) -> Timing:
    """One fresh process of ``case``: wall seconds and the child's user + sys seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        case.argv,
        input=case.stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=case.cwd,
        env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise SystemExit(f"startup.py: {case.label} exited {done.returncode}: {said}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def measure(
    cases: Sequence[Case], runs: int, env: dict[str, str] | None
) -> dict[str, list[Timing]]:
    """``runs`` counted rounds of every case after one warm-up round; each round starts
    one case later, so that no case always follows the same one."""
    timings: dict[str, list[Timing]] = {case.label: [] for case in cases}
    for round_ in range(runs + 1):
        shift = round_ % len(cases)
        for case in [*cases[shift:], *cases[:shift]]:
            timing = run(case, env)
            if round_:
                timings[case.label].append(timing)
    return timings


def _commands(label: str, argv: Sequence[str], cwd: Path = ROOT) -> list[Case]:
    return [
        Case(f"{label} --help", [*argv, "--help"], cwd=cwd),
        Case(f"{label} build seeds -f yaml", [*argv, "build", "seeds", "-f", "yaml"], cwd=cwd),
        Case(f"{label} tag --dct 2017-01-03", [*argv, "tag", "--dct", "2017-01-03"], TAG, cwd),
    ]


def _over(timings: dict[str, list[Timing]], label: str, base: str) -> tuple[float, float, float]:
    """Median of the per-round wall and CPU differences, and of the wall ratios."""
    pairs = list(zip(timings[label], timings[base], strict=True))
    return (
        statistics.median(a.wall - b.wall for a, b in pairs),
        statistics.median(a.cpu - b.cpu for a, b in pairs),
        statistics.median(a.wall / b.wall for a, b in pairs),
    )


def _row(timings: dict[str, list[Timing]], label: str, base: str, width: int = 29) -> str:
    wall, cpu, ratio = _over(timings, label, base)
    return f"  {label:{width}} over {base:29} {wall:+7.3f} s wall {cpu:+7.3f} s cpu  x{ratio:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="counted rounds (default 11)")
    parser.add_argument("--show-bare", action="store_true", help="print the bare app and exit")
    parser.add_argument(
        "--env-as-is",
        action="store_true",
        help="run the children in this environment (default: with a bytecode cache)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="also time the syriatl of this source tree (e.g. an earlier commit's, "
        "from git archive), with its own seeds/, in the same rounds",
    )
    arguments = parser.parse_args()
    source = bare_source()
    if arguments.show_bare:
        print(source, end="")
        return
    baseline = arguments.baseline.resolve() if arguments.baseline else None
    if baseline is not None and not (baseline / "syriatl" / "__main__.py").is_file():
        raise SystemExit(f"startup.py: {baseline} holds no syriatl package")
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="syriatl-startup-") as folder:
        bare = Path(folder) / "bare.py"
        bare.write_text(source)
        env = None
        if not arguments.env_as_is:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        cases = [
            Case("python -c pass", [py, "-c", "pass"]),
            # Run as a module (``-m``), as syriatl is: a script given by its path would be
            # compiled from source on every run, a module's bytecode is cached.
            Case("bare --help", [py, "-m", "bare", "--help"], cwd=bare.parent),
            Case(
                "bare build x -f yaml",
                [py, "-m", "bare", "build", "x", "-f", "yaml"],
                cwd=bare.parent,
            ),
            Case(
                "bare tag --dct 2017-01-03",
                [py, "-m", "bare", "tag", "--dct", "2017-01-03"],
                cwd=bare.parent,
            ),
            Case(
                "bare build, syriatl imported",
                [py, "-c", IMPORTED, "build", "x", "-f", "yaml"],
                cwd=bare.parent,
            ),
            *_commands("syriatl", [py, "-m", "syriatl"]),
        ]
        if baseline is not None:
            cases += _commands("baseline", [py, "-m", "syriatl"], baseline)
        timings = measure(cases, arguments.runs, env)
    bytecode = "this environment as it is" if env is None else "a bytecode cache"
    print(f"{arguments.runs} rounds of fresh processes with {bytecode}, Python "
          f"{sys.version.split()[0]}, in {ROOT}")  # fmt: skip
    if baseline is not None:
        print(f"baseline: the syriatl of {baseline}")
    print(f"{'command':34} {'wall s':>8} {'cpu s':>8}   (medians)")
    for case in cases:
        rows = timings[case.label]
        wall = statistics.median(t.wall for t in rows)
        cpu = statistics.median(t.cpu for t in rows)
        print(f"{case.label:34} {wall:8.3f} {cpu:8.3f}")

    print("\nTyper's own floor (median of the per-round differences):")
    for label, base in (
        ("bare --help", "python -c pass"),
        ("bare build x -f yaml", "bare --help"),
        ("bare tag --dct 2017-01-03", "bare --help"),
    ):
        print(_row(timings, label, base))
    print("\nsyriatl's own imports (a build's and a tag's modules, no work done):")
    print(_row(timings, "bare build, syriatl imported", "bare build x -f yaml"))
    bares = ("bare --help", "bare build x -f yaml", "bare tag --dct 2017-01-03")
    ours = [case.label for case in _commands("syriatl", [])]
    print("\nsyriatl over the bare app (median of the per-round differences):")
    for label, base, (target, limit) in zip(ours, bares, TARGETS.items(), strict=True):
        wall = _over(timings, label, base)[0]
        verdict = "met" if wall <= limit else "NOT met"
        print(f"{_row(timings, label, base)}   target {target} <= {limit:.2f} s: {verdict}")
    if baseline is not None:
        theirs = [case.label for case in _commands("baseline", [])]
        print("\nthe baseline over the bare app:")
        for label, base in zip(theirs, bares, strict=True):
            print(_row(timings, label, base))
        print("\nsyriatl over the baseline:")
        for label, base in zip(ours, theirs, strict=True):
            print(_row(timings, label, base))


if __name__ == "__main__":
    main()
