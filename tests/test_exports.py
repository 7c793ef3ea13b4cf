"""What every export of ``build`` shares: one table of exporters that the command line's
choices match."""

from __future__ import annotations

from syriatl.cli import BUILD_ONLY, Format
from syriatl.render import EXPORTS, RENDERERS

FORMATS = ("html",)


def test_the_command_line_offers_what_the_renderers_write() -> None:
    assert {f.value for f in Format} == {name for table in RENDERERS.values() for name in table}
    assert {f.value for f in BUILD_ONLY} == set(FORMATS)
    for command, table in RENDERERS.items():
        exports = set(table) & set(FORMATS)
        assert exports == (set(FORMATS) if command in EXPORTS else set()), command
