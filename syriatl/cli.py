"""The command-line shell: parse options, call the pipeline, choose a renderer, and map
errors to exit codes. No work of its own happens here."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from syriatl import __version__
from syriatl.errors import ExitCode, SyriatlError

if TYPE_CHECKING:
    from rich.console import Console

    from syriatl.pipeline import Build

app = typer.Typer(
    name="syriatl",
    help="Build one dated, merged, source-citing chronology out of news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)

DEFAULT_CORPUS = "seeds"


class Format(StrEnum):
    """Output formats: a table for people, YAML or JSON for tools."""

    table = "table"
    yaml = "yaml"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"syriatl {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Build one dated, merged, source-citing chronology out of news articles."""


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(problem: str, code: ExitCode) -> NoReturn:
    _stderr().print(f"syriatl: {problem}", markup=False)
    raise typer.Exit(int(code))


@contextmanager
def _errors() -> Iterator[None]:
    """The one place where exceptions become a one-line message and an exit code."""
    try:
        yield
    except SyriatlError as error:
        _fail(str(error), error.code)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.PROBLEMS)


def _period(text: str | None, option: str) -> tuple[dt.date, dt.date] | None:
    if text is None:
        return None
    from syriatl.dates import parse_period

    found = parse_period(text, dt.datetime.now().astimezone().replace(tzinfo=None))
    if found is None:
        raise typer.BadParameter(
            f"{text!r} is not a date (try 2017-01-24, 2017-01 or 2017)", param_hint=option
        )
    return found


def _format(chosen: Format | None) -> Format:
    if chosen is not None:
        return chosen
    return Format.table if sys.stdout.isatty() else Format.yaml


def _write(output: Path | None, chunks: Iterable[str]) -> None:
    """Write machine output to stdout, or atomically to a file (no partial file on failure)."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    folder = output.parent if str(output.parent) else Path()
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(chunks)
        umask = os.umask(0)
        os.umask(umask)
        Path(temporary).chmod(0o666 & ~umask)
        Path(temporary).replace(output)
    except OSError as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise SyriatlError(
            str(output), f"cannot write ({error.strerror or error})", ExitCode.OUTPUT
        ) from None


def _show(build: Build, kind: str, fmt: Format, output: Path | None) -> None:
    from rich.console import Console

    from syriatl.render import RENDERERS

    err = _stderr()
    for warning in build.warnings:
        err.print(f"warning: {warning}", markup=False)
    rendered = RENDERERS[kind][fmt.value](build.timeline)
    if fmt is not Format.table:
        _write(output, rendered)  # type: ignore[arg-type]
    elif output is not None:
        with tempfile.TemporaryFile("w+", encoding="utf-8") as buffer:
            Console(file=buffer, width=120, color_system=None).print(rendered)
            buffer.seek(0)
            _write(output, [buffer.read()])
    else:
        Console(highlight=False).print(rendered)
    if fmt is not Format.table:
        for problem in build.timeline.problems:
            err.print(f"problem: {problem.article}: {problem.problem}", markup=False)


def _build(
    paths: list[str] | None, since: str | None = None, until: str | None = None, jobs: int = 1
) -> Build:
    from syriatl.pipeline import Options, build_timeline

    start = _period(since, "--since")
    end = _period(until, "--until")
    options = Options(since=start[0] if start else None, until=end[1] if end else None, jobs=jobs)
    return build_timeline(paths or [DEFAULT_CORPUS], options)


Paths = Annotated[
    list[str] | None,
    typer.Argument(
        help="Article files (.txt) and folders of them. Default: seeds/.", show_default=False
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table, yaml or json. Default: table on a terminal, else yaml.",
        show_default=False,
    ),
]


JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes that read the articles (merging stays one)."
    ),
]


@app.command()
def build(
    paths: Paths = None,
    fmt: FormatOption = None,
    since: Annotated[
        str | None, typer.Option(help="Keep events that end on or after this date.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Keep events that start on or before this date.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="Exit with 1 when the build lists problems.")
    ] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Show how each source's date was reached (expression, rule, anchor)."
        ),
    ] = False,
    jobs: JobsOption = 1,
) -> None:
    """Build the merged chronology of the articles."""
    with _errors():
        result = _build(paths, since, until, jobs)
        _show(result, "build-explained" if explain else "build", _format(fmt), output)
    if strict and result.timeline.problems:
        raise typer.Exit(int(ExitCode.PROBLEMS))


@app.command()
def explain(
    event_id: Annotated[
        str,
        typer.Argument(
            help="The event's id (or a prefix of it that only it has).", show_default=False
        ),
    ],
    paths: Paths = None,
    fmt: FormatOption = None,
) -> None:
    """Show how an event got its date: for each source, expression, rule, anchor, date."""
    from dataclasses import replace

    from syriatl.explain import find_events

    if not event_id.strip():
        raise typer.BadParameter("give an event id (see the id of each event in build -f yaml)")
    with _errors():
        result = _build(paths)
        found = find_events(result.timeline, event_id)
        if len(found) != 1:
            count = len(result.timeline.events)
            problem = (
                f"no event of the {count} built has this id"
                if not found
                else f"{len(found)} events have ids that start so: "
                + ", ".join(e.id for e in found[:3])
                + (", ..." if len(found) > 3 else "")
            )
            raise SyriatlError(event_id, problem, ExitCode.USAGE)
        only = replace(result, timeline=replace(result.timeline, events=found))
        _show(only, "explain", _format(fmt), None)


@app.command()
def articles(paths: Paths = None, fmt: FormatOption = None) -> None:
    """List the articles: title, publication date, the rule and evidence that dated it."""
    with _errors():
        _show(_build(paths), "articles", _format(fmt), None)


@app.command()
def updates(paths: Paths = None, fmt: FormatOption = None) -> None:
    """List every live-blog entry with its resolved timestamp and first sentence."""
    with _errors():
        _show(_build(paths), "updates", _format(fmt), None)


@app.command()
def ingest(
    files: Annotated[
        list[Path], typer.Argument(help="Raw article files to copy.", show_default=False)
    ],
    into: Annotated[Path, typer.Option(help="The corpus folder to copy them into.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date the texts do not print (YYYY-MM-DD).")
    ] = None,
    url: Annotated[str | None, typer.Option(help="The page's URL.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet's name.")] = None,
) -> None:
    """Copy raw articles into a corpus folder byte for byte and record their metadata."""
    from syriatl.ingest import add_to_corpus

    day = _period(published, "--published") if published else None
    if day is not None and day[0] != day[1]:
        raise typer.BadParameter("give a full date (YYYY-MM-DD)", param_hint="--published")
    with _errors():
        for line in add_to_corpus(files, into, day[0] if day else None, url, outlet):
            _stderr().print(line, markup=False)


class TagFormat(StrEnum):
    """Output formats of ``tag``: a table for people, JSON lines for tools."""

    table = "table"
    jsonl = "jsonl"


@app.command()
def tag(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Text files to tag. Default: standard input.", show_default=False),
    ] = None,
    dct: Annotated[
        str | None,
        typer.Option(help="Document creation date to resolve against (default: inferred)."),
    ] = None,
    fmt: Annotated[
        TagFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table or jsonl. Default: table on a terminal, else jsonl.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Tag every temporal expression with its TIMEX3 type, value, rule and anchor."""
    from rich.console import Console

    from syriatl import ingest as reading
    from syriatl.model import Article
    from syriatl.pipeline import tag_articles
    from syriatl.render import tags_jsonl, tags_table

    given = _period(dct, "--dct") if dct else None
    if given is not None and given[0] != given[1]:
        raise typer.BadParameter("give a full date (YYYY-MM-DD)", param_hint="--dct")
    with _errors():
        if files:
            reads = reading.read_corpus(reading.discover(str(f) for f in files))
            for read in reads:
                if read.warning:
                    _stderr().print(f"warning: {read.warning}", markup=False)
                if read.problem:
                    _stderr().print(f"problem: {read.path}: {read.problem}", markup=False)
            texts = [r.article for r in reads if r.article is not None]
        else:
            texts = [Article("-", "-", sys.stdin.read())]
        tagged = tag_articles(texts, given[0] if given else None)
    chosen = fmt or (TagFormat.table if sys.stdout.isatty() else TagFormat.jsonl)
    if chosen is TagFormat.jsonl:
        _write(None, [tags_jsonl(tagged)])
    else:
        Console(highlight=False).print(tags_table(tagged))


class LayoutFormat(StrEnum):
    """Output formats of ``layout``: a table or plain lines for people, YAML or JSON for
    tools."""

    table = "table"
    text = "text"
    yaml = "yaml"
    json = "json"


@app.command()
def layout(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Article files (.txt) and folders.", metavar="FILE", show_default=False
        ),
    ],
    fmt: Annotated[
        LayoutFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, text, yaml or json. Default: table on a terminal (text under NO_COLOR),"
            " else text.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show each block of a file with its line and class (title, entry, paragraph, embed,
    chrome, comment ...): why a sentence gave no event."""
    from rich.console import Console

    from syriatl import ingest as reading
    from syriatl.pipeline import analyse
    from syriatl.render import json_chunks, layout_sections, layout_table, layout_text, yaml_chunks

    with _errors():
        reads = reading.read_corpus(reading.discover(str(f) for f in files))
        for read in reads:
            if read.warning:
                _stderr().print(f"warning: {read.warning}", markup=False)
            if read.problem:
                _stderr().print(f"problem: {read.path}: {read.problem}", markup=False)
        analyses = [analyse(r.article) for r in reads if r.article is not None]
    # NO_COLOR asks for no escapes at all, and a table under it still carries bold.
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    chosen = fmt or (LayoutFormat.table if colour else LayoutFormat.text)
    if chosen is LayoutFormat.table:
        Console(highlight=False).print(layout_table(analyses))
    elif chosen is LayoutFormat.text:
        _write(None, layout_text(analyses))
    else:
        chunks = yaml_chunks if chosen is LayoutFormat.yaml else json_chunks
        _write(None, chunks(layout_sections(analyses)))


def main() -> None:
    """Entry point of the ``syriatl`` command."""
    app()
