"""The command-line shell: parse options, call the pipeline, choose a renderer, and map
errors to exit codes. No work of its own happens here."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from syriatl import __version__
from syriatl.errors import ExitCode, SyriatlError
from syriatl.shell import Command, Shell, choose, jobs, offer, say, typed_day, typed_period

if TYPE_CHECKING:
    from syriatl.model import Article
    from syriatl.pipeline import Build
    from syriatl.progress import Watch

DEFAULT_CORPUS = "seeds"

app = typer.Typer(
    name="syriatl",
    cls=Shell,
    help="Build one dated, merged, source-citing chronology out of news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)


class Format(StrEnum):
    """Output formats: a table for people, YAML or JSON for tools; for ``build`` also
    a web page, CSV, TimelineJS data, iCalendar or Markdown (``syriatl.render.EXPORTS``)."""

    table = "table"
    yaml = "yaml"
    json = "json"
    html = "html"
    csv = "csv"
    timelinejs = "timelinejs"
    ics = "ics"
    markdown = "markdown"


# The formats of the whole chronology, which only ``build`` writes.
BUILD_ONLY = frozenset({Format.html, Format.csv, Format.timelinejs, Format.ics, Format.markdown})


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


def _read(files: Sequence[Path]) -> list[Article]:
    """The articles of ``files`` (and folders), each warning and problem said on stderr."""
    from syriatl import ingest as reading

    reads = reading.read_corpus(reading.discover(str(f) for f in files))
    for read in reads:
        if read.warning:
            say(f"warning: {read.warning}")
        if read.problem:
            say(f"problem: {read.path}: {read.problem}")
    return [r.article for r in reads if r.article is not None]


def _user_cache() -> str | None:
    """The user's cache folder, or None (with a warning) when there is no home folder."""
    from syriatl.chronicle.cache import default_folder

    try:
        return str(default_folder())
    except RuntimeError as error:  # no $HOME and no entry in the password database
        say(f"warning: no user cache folder ({error}); building without the cache")
        return None


def _fail(problem: str, code: ExitCode) -> NoReturn:
    say(f"syriatl: {problem}")
    raise typer.Exit(int(code))


@contextmanager
def _errors() -> Iterator[None]:
    """The one place where the program's exceptions become a one-line message and an
    exit code (signals, broken pipes and Click's errors are ``syriatl.shell``'s)."""
    try:
        yield
    except SyriatlError as error:
        _fail(str(error), error.code)


def _format(chosen: Format | None, command: str = "build") -> Format:
    """The format chosen, or the default for where stdout goes; a usage error (before
    any work) for a format of the whole chronology asked of a command other than ``build``."""
    if chosen in BUILD_ONLY and command != "build":
        raise typer.BadParameter(f"{chosen} is a format of build only", param_hint="--format")
    if chosen is not None:
        return chosen
    return Format.table if sys.stdout.isatty() else Format.yaml


def _write(output: Path | None, chunks: Iterable[str]) -> None:
    """Machine output to stdout (also for ``-o -``), or to a file (see ``syriatl.output``)."""
    from syriatl.output import write_file, write_stdout

    if output is None or str(output) == "-":
        write_stdout(chunks)
    else:
        write_file(output, chunks)


def _table(rendered: object, output: Path | None = None) -> None:
    """A Rich table as the terminal would show it (plain and 120 wide into a file),
    written by ``_write``, so that a closed or full stdout is answered as any output."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    if output is not None:
        Console(file=buffer, width=120, color_system=None).print(rendered)
    else:
        screen = Console(highlight=False)
        Console(
            file=buffer,
            highlight=False,
            force_terminal=screen.is_terminal,
            width=screen.width,
            color_system=screen.color_system,  # type: ignore[arg-type]
            no_color=screen.no_color,
        ).print(rendered)
    _write(output, [buffer.getvalue()])


def _show(
    build: Build,
    kind: str,
    fmt: Format,
    output: Path | None,
    quiet: bool = False,
    strict: bool = False,
) -> None:
    """Render the build, and say its warnings and problems on stderr; ``quiet`` says
    none, but the problems when ``strict`` fails the run for them (the output lists the
    problems all the same)."""
    from syriatl.render import RENDERERS

    if not quiet:
        say(*(f"warning: {warning}" for warning in build.warnings))
    rendered = RENDERERS[kind][fmt.value](build.timeline)
    if fmt is Format.table:
        _table(rendered, output)
    else:
        _write(output, rendered)  # type: ignore[arg-type]
    if (strict or not quiet) and (fmt is not Format.table or output is not None):
        # A table on the terminal lists its problems itself.
        say(*(f"problem: {p.where}: {p.problem}" for p in build.timeline.problems))


def _not_an_input(output: Path, result: Build) -> None:
    """Refuse (exit 4) an output file that is one of the articles it was built from."""
    read = [a.path for a in result.timeline.articles] + [p.where for p in result.timeline.problems]
    for path in read:
        try:
            same = output.samefile(path)
        except OSError:  # one of them does not exist (yet), or is shown escaped
            continue
        if same:
            raise SyriatlError(str(output), "is an article of this build; write elsewhere",
                               ExitCode.OUTPUT)  # fmt: skip


def _build(
    paths: list[str] | None,
    usage: str,
    since: str | None = None,
    until: str | None = None,
    jobs: int = 1,
    corrections: Path | None = None,
    timezone: str | None = None,
    watch: Watch | None = None,
    cache: str | None = None,
    dask: str | None = None,
) -> Build:
    """The build of ``paths``, or of ``seeds/`` when none are given; ``usage`` is how
    the command is typed, for the message when there is neither. ``watch`` is told how
    the build goes (a progress bar, the stages' times); ``cache`` is the folder of the
    cache (None: none); ``dask`` the address of a Dask scheduler, or "local"."""
    from syriatl.pipeline import Options, build_timeline
    from syriatl.progress import MERGE, START

    start = typed_period(since, "--since")
    end = typed_period(until, "--until")
    if timezone is not None:
        from syriatl.localtime import zone_problem

        problem = zone_problem(timezone)
        if problem:
            raise typer.BadParameter(problem.removeprefix("timezone "), param_hint="--timezone")
    if start and end and start[0] > end[1]:
        problem = f"{since!r} is after --until {until!r}: give the earlier date first"
        raise typer.BadParameter(problem, param_hint="--since")
    if not paths and not Path(DEFAULT_CORPUS).is_dir():
        raise SyriatlError(
            f"no articles given and no {DEFAULT_CORPUS}/ folder here",
            f"give article files or folders, e.g. syriatl {usage} articles/",
        )
    options = Options(
        since=start[0] if start else None,
        until=end[1] if end else None,
        jobs=jobs,
        corrections=str(corrections) if corrections else None,
        timezone=timezone,
        cache=cache,
        dask=dask,
    )
    if watch is None:
        return build_timeline(paths or [DEFAULT_CORPUS], options)
    watch.mark(START)
    with watch:
        built = build_timeline(paths or [DEFAULT_CORPUS], options, watch)
    watch.mark(MERGE)
    return built


def _watch(quiet: bool) -> Watch:
    """The watch of a build of this process: a bar on stderr for a long build on a
    terminal (see ``syriatl.progress.show_bar``)."""
    from syriatl.progress import Watch

    return Watch.on_stderr(quiet)


def _rendered(watch: Watch, verbose: bool) -> None:
    """The build is written: with ``verbose``, say how long each stage took."""
    from syriatl.progress import RENDER

    watch.mark(RENDER)
    if verbose:
        say(*watch.lines())


Paths = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH",
        help="Article files (.txt, .html) and folders of them. Default: seeds/.",
        show_default=False,
    ),
]
DATES = " (YYYY, YYYY-MM, YYYY-MM-DD or a full date such as 24 January 2017)."
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        parser=choose(Format),
        autocompletion=offer(Format, "build", BUILD_ONLY),
        metavar="FORMAT",
        help="table, yaml or json; for build also html, csv, timelinejs, ics or markdown. "
        "Default: table on a terminal, else yaml.",
        show_default=False,
    ),
]


CorrectionsOption = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE",
        help="Apply this corrections.yaml too (each folder's own is always applied).",
    ),
]


TimezoneOption = Annotated[
    str | None,
    typer.Option(
        metavar="AREA/CITY",
        help='The IANA time zone of local clocks ("6 p.m. local time", "at midnight") in '
        "articles whose metadata names none, e.g. Europe/Kyiv.",
    ),
]


QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Say no warnings, and no problems unless --strict makes them fail the run "
        "(the output still lists them); errors are always said.",
    ),
]


VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="Say at the end, on stderr, how long each stage took (start, find, read "
        "and tell, merge, render).",
    ),
]


CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        metavar="DIR",
        help="Keep each article's analysis in this folder between builds, so that a "
        "rebuild reads only new and changed articles. Default: the user cache folder "
        "(~/.cache/syriatl on Linux).",
        show_default=False,
    ),
]


NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Analyse every article afresh; keep nothing.")
]


def _cache_folder(cache: Path | None, no_cache: bool) -> str | None:
    """The folder of the cache that ``--cache``/``--no-cache`` ask for (None: none)."""
    if cache is not None and no_cache:
        raise typer.BadParameter("give --cache DIR or --no-cache, not both", param_hint="--cache")
    return None if no_cache else str(cache) if cache else _user_cache()


JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        parser=jobs,
        metavar="N",
        help="Worker processes that read the articles (merging stays one).",
    ),
]


@app.command(cls=Command)
def build(
    paths: Paths = None,
    fmt: FormatOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Keep events that end on or after this date" + DATES,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Keep events that start on or before this date" + DATES,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (atomically) instead of stdout.",
        ),
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
    corrections: CorrectionsOption = None,
    timezone: TimezoneOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="SCHEDULER",
            help="Read and tell the articles on the Dask cluster of this scheduler "
            "(tcp://host:8786), or on one of this process with 'local'; merging stays "
            "here. Needs pip install 'syriatl[dask]'.",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Build the merged chronology of the articles."""
    folder = _cache_folder(cache, no_cache)
    if dask is not None and jobs != 1:
        problem = "give --jobs N (one machine) or --dask SCHEDULER (a cluster), not both"
        raise typer.BadParameter(problem, param_hint="--dask")
    if dask is not None and not dask.strip():
        raise typer.BadParameter(
            "give a scheduler address (tcp://host:8786) or local", param_hint="--dask"
        )
    watch = _watch(quiet)
    with _errors():
        result = _build(
            paths, "build", since, until, jobs, corrections, timezone, watch, folder, dask
        )
        if output is not None:
            _not_an_input(output, result)
        kind = "build-explained" if explain else "build"
        _show(result, kind, _format(fmt), output, quiet, strict)
    _rendered(watch, verbose)
    if strict and result.timeline.problems:
        raise typer.Exit(int(ExitCode.PROBLEMS))


@app.command(cls=Command)
def explain(
    event_id: Annotated[
        str,
        typer.Argument(
            metavar="EVENT_ID",
            help="The event's id (or a prefix of it that only it has).",
            show_default=False,
        ),
    ],
    paths: Paths = None,
    fmt: FormatOption = None,
    corrections: CorrectionsOption = None,
    timezone: TimezoneOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Show how an event got its date: for each source, expression, rule, anchor, date."""
    from dataclasses import replace

    from syriatl.explain import find_events

    if not event_id.strip():
        raise typer.BadParameter(
            "give an event id (see the id of each event in build -f yaml)", param_hint="EVENT_ID"
        )
    chosen = _format(fmt, "explain")
    folder = _cache_folder(cache, no_cache)
    watch = _watch(quiet)
    with _errors():
        result = _build(
            paths,
            "explain EVENT_ID",
            corrections=corrections,
            timezone=timezone,
            watch=watch,
            cache=folder,
        )
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
        _show(only, "explain", chosen, None, quiet)
    _rendered(watch, verbose)


@app.command(cls=Command)
def articles(
    paths: Paths = None,
    fmt: FormatOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """List the articles: title, publication date, the rule and evidence that dated it."""
    chosen = _format(fmt, "articles")
    folder = _cache_folder(cache, no_cache)
    watch = _watch(quiet)
    with _errors():
        built = _build(paths, "articles", watch=watch, cache=folder)
        _show(built, "articles", chosen, None, quiet)
    _rendered(watch, verbose)


@app.command(cls=Command)
def updates(
    paths: Paths = None,
    fmt: FormatOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """List every live-blog entry with its resolved timestamp and first sentence."""
    chosen = _format(fmt, "updates")
    folder = _cache_folder(cache, no_cache)
    watch = _watch(quiet)
    with _errors():
        built = _build(paths, "updates", watch=watch, cache=folder)
        _show(built, "updates", chosen, None, quiet)
    _rendered(watch, verbose)


@app.command(cls=Command)
def ingest(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", help="Raw article files to copy.", show_default=False),
    ],
    into: Annotated[Path, typer.Option(metavar="DIR", help="The corpus folder to copy them into.")],
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Publication date the texts do not print (a full date: YYYY-MM-DD).",
        ),
    ] = None,
    url: Annotated[str | None, typer.Option(metavar="URL", help="The page's URL.")] = None,
    outlet: Annotated[str | None, typer.Option(metavar="NAME", help="The outlet's name.")] = None,
) -> None:
    """Copy raw articles into a corpus folder byte for byte and record their metadata."""
    from syriatl.ingest import add_to_corpus

    day = typed_day(published, "--published")
    with _errors():
        say(*add_to_corpus(files, into, day, url, outlet))


class TagFormat(StrEnum):
    """Output formats of ``tag``: a table for people, JSON lines for tools."""

    table = "table"
    jsonl = "jsonl"


@app.command(cls=Command)
def tag(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help="Text files to tag. Default: standard input.",
            show_default=False,
        ),
    ] = None,
    dct: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Document creation date to resolve against, a full date (default: inferred).",
        ),
    ] = None,
    fmt: Annotated[
        TagFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choose(TagFormat),
            autocompletion=offer(TagFormat),
            metavar="FORMAT",
            help="table or jsonl. Default: table on a terminal, else jsonl.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Tag every temporal expression with its TIMEX3 type, value, rule and anchor."""
    from syriatl.model import Article
    from syriatl.pipeline import tag_articles
    from syriatl.render import tags_jsonl, tags_table

    given = typed_day(dct, "--dct")
    with _errors():
        texts = _read(files) if files else [Article("-", "-", sys.stdin.read())]
        tagged = tag_articles(texts, given)
    chosen = fmt or (TagFormat.table if sys.stdout.isatty() else TagFormat.jsonl)
    if chosen is TagFormat.jsonl:
        _write(None, [tags_jsonl(tagged)])
    else:
        _table(tags_table(tagged))


class LayoutFormat(StrEnum):
    """Output formats of ``layout``: a table or plain lines for people, YAML or JSON for
    tools."""

    table = "table"
    text = "text"
    yaml = "yaml"
    json = "json"


@app.command(cls=Command)
def layout(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Article files (.txt, .html) and folders.", metavar="FILE", show_default=False
        ),
    ],
    fmt: Annotated[
        LayoutFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choose(LayoutFormat),
            autocompletion=offer(LayoutFormat),
            metavar="FORMAT",
            help="table, text, yaml or json. Default: table on a terminal (text under NO_COLOR),"
            " else text.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show each block of a file with its line and class (title, entry, paragraph, embed,
    chrome, comment ...): why a sentence gave no event."""
    import os

    from syriatl.pipeline import analyse
    from syriatl.render import json_chunks, layout_sections, layout_table, layout_text, yaml_chunks

    with _errors():
        analyses = [analyse(article) for article in _read(files)]
    # NO_COLOR asks for no escapes at all, and a table under it still carries bold.
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    chosen = fmt or (LayoutFormat.table if colour else LayoutFormat.text)
    if chosen is LayoutFormat.table:
        _table(layout_table(analyses))
    elif chosen is LayoutFormat.text:
        _write(None, layout_text(analyses))
    else:
        chunks = yaml_chunks if chosen is LayoutFormat.yaml else json_chunks
        _write(None, chunks(layout_sections(analyses)))


class CompletionShell(StrEnum):
    """The shells ``syriatl completion`` writes a script for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


# The variable a completion script sets when it asks syriatl what to offer; one name
# however syriatl is started (``python -m syriatl`` too).
COMPLETE_VAR = "_SYRIATL_COMPLETE"


@app.command(cls=Command)
def completion(
    shell: Annotated[
        CompletionShell,
        typer.Argument(metavar="SHELL", help="bash, zsh, fish or powershell."),
    ],
) -> None:
    """Print the shell's completion script of commands, options and --format values."""
    # The script Typer's own --show-completion prints (not re-exported for mypy).
    from typer.completion import get_completion_script  # type: ignore[attr-defined]

    script = get_completion_script(prog_name="syriatl", complete_var=COMPLETE_VAR, shell=shell)
    typer.echo(script)


def main() -> None:
    """Entry point of the ``syriatl`` command."""
    app(complete_var=COMPLETE_VAR)
