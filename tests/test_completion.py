"""Shell completion: ``syriatl completion SHELL`` prints the script, and the script's
question (the words typed so far) is answered with commands, options and formats."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syriatl.cli import app

runner = CliRunner()

BUILD_FORMATS = ["table", "yaml", "json", "html", "csv", "timelinejs", "ics", "markdown"]
COMMANDS = ["build", "explain", "articles", "updates", "ingest", "tag", "layout", "completion"]


def offered(typed: str) -> list[str]:
    """What bash is offered for the last word of ``typed`` (empty after a space)."""
    words = typed.split(" ")
    env = {
        "_SYRIATL_COMPLETE": "complete_bash",
        "COMP_WORDS": typed,
        "COMP_CWORD": str(len(words) - 1),
    }
    result = runner.invoke(app, [], prog_name="syriatl", env=env)
    assert result.exit_code == 0, result.output
    # No offer is one empty line, which bash reads as none.
    return [line for line in result.stdout.splitlines() if line]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("syriatl ", COMMANDS),
        ("syriatl b", ["build"]),
        ("syriatl build --format ", BUILD_FORMATS),
        ("syriatl build -f ", BUILD_FORMATS),
        ("syriatl build seeds -f t", ["table", "timelinejs"]),
        # The whole-chronology formats are build's only.
        ("syriatl articles --format ", ["table", "yaml", "json"]),
        ("syriatl updates -f ", ["table", "yaml", "json"]),
        ("syriatl explain ev-1 -f ", ["table", "yaml", "json"]),
        ("syriatl tag -f ", ["table", "jsonl"]),
        ("syriatl layout a.txt --format ", ["table", "text", "yaml", "json"]),
        ("syriatl build --s", ["--since", "--strict"]),
        ("syriatl build --q", ["--quiet"]),
        ("syriatl completion ", ["bash", "zsh", "fish", "powershell"]),
        # Nothing to offer: bash's own file completion takes over for paths.
        ("syriatl build -f x", []),
        ("syriatl build se", []),
    ],
)
def test_completion_offers(typed: str, expected: list[str]) -> None:
    assert offered(typed) == expected


@pytest.mark.parametrize(
    ("shell", "start"),
    [
        ("bash", "_syriatl_completion() {"),
        ("zsh", "#compdef syriatl"),
        ("fish", "complete --command syriatl"),
        ("powershell", "Import-Module PSReadLine"),
    ],
)
def test_the_script_asks_syriatl_under_its_variable(shell: str, start: str) -> None:
    result = runner.invoke(app, ["completion", shell])
    assert result.exit_code == 0
    assert result.stdout.startswith(start)
    assert "_SYRIATL_COMPLETE=complete_" in result.stdout or (
        "$Env:_SYRIATL_COMPLETE" in result.stdout
    )
    assert result.stderr == ""


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = runner.invoke(app, ["completion", "tcsh"])
    assert result.exit_code == 2
    assert "tcsh" in result.stderr
    assert result.stdout == ""


def test_python_m_syriatl_answers_the_same_question() -> None:
    # ``python -m syriatl`` is not named syriatl; the variable is the same all the same.
    env = {**os.environ, "_SYRIATL_COMPLETE": "complete_bash", "COMP_WORDS": "syriatl tag -f "}
    env["COMP_CWORD"] = "3"
    done = subprocess.run(
        [sys.executable, "-m", "syriatl"], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["table", "jsonl"]


ENTRY_POINT = Path(sys.executable).parent / "syriatl"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the syriatl command is not installed")
def test_bash_completes_the_formats_with_the_printed_script() -> None:
    script = (
        "source <(syriatl completion bash)\n"
        'COMP_WORDS=(syriatl build --format ""); COMP_CWORD=3\n'
        "_syriatl_completion syriatl\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{ENTRY_POINT.parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "--norc", "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == BUILD_FORMATS
