"""The documentation is part of the product: every command and option has help text and
appears in the README, and the README starts with the two-command Quickstart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from syriatl.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)
COMMANDS = sorted(COMMAND.commands)  # type: ignore[attr-defined]


def test_readme_starts_with_the_two_command_quickstart() -> None:
    head = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    block = re.search(r"```\n(.*?)```", head, re.DOTALL)
    assert block is not None
    assert block.group(1).split("\n")[:-1] == ["make run", "make test"]
    assert README.index("## Quickstart") < README.index("## What it does")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_and_has_help(name: str) -> None:
    command = COMMAND.commands[name]  # type: ignore[attr-defined]
    assert command.help, name
    assert f"syriatl {name}" in README


OPTIONS = [
    (name, opt)
    for name in COMMANDS
    for param in COMMAND.commands[name].params  # type: ignore[attr-defined]
    if param.param_type_name == "option"
    for opt in param.opts
    if opt.startswith("--")
]


@pytest.mark.parametrize(("command", "option"), OPTIONS)
def test_every_option_is_documented_and_has_help(command: str, option: str) -> None:
    params = COMMAND.commands[command].params  # type: ignore[attr-defined]
    param = next(p for p in params if option in p.opts)
    assert param.help, option
    assert f"`{option}" in README, option


@pytest.mark.parametrize("name", COMMANDS)
def test_help_names_no_python_types(name: str) -> None:
    from typer.testing import CliRunner

    shown = CliRunner().invoke(app, [name, "--help"]).output
    # Typer's own labels for a parameter's Python type: '<list[str]>', '<Path>', '<int>'.
    assert not re.search(r"<(?:list|str|int|Path|float|bool)\b", shown), shown
