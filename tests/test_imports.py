"""Which heavy libraries a command loads, seen from a fresh process: each is imported
only by the command that uses it (Rich for tables, yaml for YAML, dateparser for a date
typed in words, trafilatura, htmldate and lxml for HTML pages, Dask for ``--dask``), so
the others do not pay for its start-up."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

HEAVY = (
    "dask", "dateparser", "distributed", "htmldate", "lxml", "pydantic", "rich", "trafilatura",
    "yaml",
)  # fmt: skip
# The child runs the command, then (at exit, whatever the exit code) says on its last
# line which of HEAVY were imported.
CHILD = f"""
import atexit, sys
atexit.register(lambda: print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr))
sys.argv = ["syriatl", *sys.argv[1:]]
from syriatl.cli import main
main()
"""
# Typer builds a pydantic adapter for every parameter that is not a flag, so a command
# that is run (not only asked for its help) loads pydantic: the framework's, not ours.
TYPER = {"pydantic"}
# Mon 4 Mar 2019 (1 Jan 2019 was a Tuesday; + 62 days, 62 = 8 * 7 + 6, is a Monday), so
# "Sunday" is 3 Mar: one dated event, from the dateline alone (no metadata, no YAML).
STORY = (
    "Truce holds in Dorvask\n\n"
    "KARVANA, March 4, 2019 (Velmora Wire) — A truce between the army and the Northern "
    "Front came into force on Sunday.\n"
)
SOURCES = "story.txt:\n  outlet: Gulf Daily\n"
PAGE = (
    "<html><head><title>Truce holds</title>"
    '<meta property="article:published_time" content="2019-03-04"></head><body><article>'
    "<h1>Truce holds in Dorvask</h1><p>A truce between the army and the Northern Front "
    "came into force on Sunday, officials in Karvana said, and it held through the night "
    "as both sides kept to their positions around the town.</p></article></body></html>"
)

CASES = [
    # (command, what the corpus holds, libraries loaded besides Typer's)
    (["--help"], {}, set()),
    (["--version"], {}, set()),
    (["build", "--help"], {}, set()),
    (["tag", "--help"], {}, set()),
    (["build", "{corpus}", "-f", "json"], {"story.txt": STORY}, set()),
    (["build", "{corpus}", "-f", "yaml"], {"story.txt": STORY}, {"yaml"}),
    (["build", "{corpus}", "-f", "table"], {"story.txt": STORY}, {"rich"}),
    (["build", "{corpus}", "-f", "html"], {"story.txt": STORY}, set()),
    (["build", "{corpus}", "-f", "csv"], {"story.txt": STORY}, set()),
    (["build", "{corpus}", "-f", "timelinejs"], {"story.txt": STORY}, set()),
    (["build", "{corpus}", "-f", "ics"], {"story.txt": STORY}, set()),
    (["build", "{corpus}", "-f", "markdown"], {"story.txt": STORY}, set()),
    (["build", "{corpus}", "-f", "json", "--explain"], {"story.txt": STORY}, set()),
    (["build", "{corpus}", "-f", "json"], {"story.txt": STORY, "sources.yaml": SOURCES}, {"yaml"}),
    (["build", "{corpus}", "-f", "json", "--since", "2019-03"], {"story.txt": STORY}, set()),
    (
        ["build", "{corpus}", "-f", "json", "--since", "3 March 2019"],
        {"story.txt": STORY},
        {"dateparser"},
    ),
    (
        ["build", "{corpus}", "-f", "json"],
        {"page.html": PAGE},
        {"htmldate", "lxml", "trafilatura"},
    ),
    (["articles", "{corpus}", "-f", "json"], {"story.txt": STORY}, set()),
    (["updates", "{corpus}", "-f", "json"], {"story.txt": STORY}, set()),
    (["layout", "{corpus}", "-f", "text"], {"story.txt": STORY}, set()),
    # Dask reads its own configuration with yaml.
    (
        ["build", "{corpus}", "-f", "json", "--dask", "local"],
        {"story.txt": STORY},
        {"dask", "distributed", "yaml"},
    ),
    (["tag", "--dct", "2017-01-03", "-f", "jsonl"], {}, set()),
    (["tag", "{corpus}/story.txt", "-f", "jsonl"], {"story.txt": STORY}, set()),
    (["tag", "--dct", "2017-01-03", "-f", "table"], {}, {"rich"}),
]


def loaded(argv: list[str], folder: Path) -> tuple[int, str, set[str]]:
    """Exit code, stdout and the heavy libraries imported by ``syriatl ARGV``."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *argv],
        input="The talks resumed on Tuesday.\n",
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
        check=False,
    )
    said = done.stderr.strip().splitlines()
    return done.returncode, done.stdout, set(ast.literal_eval(said[-1]))


@pytest.mark.parametrize(
    ("argv", "files", "expected"),
    CASES,
    ids=[" ".join([*argv, *(["with", *files] if files else [])]) for argv, files, _ in CASES],
)
def test_a_command_imports_only_the_libraries_it_uses(
    corpus: Callable[[dict[str, str | bytes]], Path],
    tmp_path: Path,
    argv: list[str],
    files: dict[str, str | bytes],
    expected: set[str],
) -> None:
    if "--dask" in argv and importlib.util.find_spec("distributed") is None:
        pytest.skip("needs the dask extra: pip install -e '.[dask]' (make test installs it)")
    folder = corpus(dict(files)) if files else tmp_path
    code, out, heavy = loaded([a.format(corpus=folder) for a in argv], tmp_path)
    assert code == 0
    assert out  # the command did its work: an import it skipped was not left unused
    framework = set() if argv in (["--help"], ["--version"]) else TYPER
    assert heavy - framework == expected
