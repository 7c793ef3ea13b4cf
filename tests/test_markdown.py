"""Markdown notes (``build --format markdown``): a heading per month, a bullet per event
with its outlets, the problems last, and no text read as markup."""

from __future__ import annotations

import pytest
from handmade import article, event, source, timeline, when

from syriatl.export.markdown import chunks, escape, escape_lead
from syriatl.model import Basis, Problem, Status


def test_events_are_bullets_under_their_month() -> None:
    gulf = source(article="gulf", outlet="Gulf Daily", origin="AFP")
    ostrel = source(article="ostrel", outlet="Ostrel News", when=when("2017-01-23"))
    events = (
        event(id="ev-1", when=when("2016"), text="The war went on.", kind="other"),
        event(id="ev-2", when=when("2016-08"), text="The siege began.", kind="siege"),
        event(id="ev-3", sources=(gulf,), conflicts=(ostrel,)),
        event(id="ev-4", when=when("2017-01-26"), status=Status.PLANNED, kind="talks",
              text="Envoys will meet.", basis=Basis.REPORTED),
        event(id="ev-5", when=when("2017-02", modifier="early"), text="Aid arrived.", kind="aid"),
    )  # fmt: skip
    problems = (Problem("old", "undated: no date line", "in/old.txt"),)
    text = "".join(chunks(timeline(*events, articles=(article(), article("b")),
                                   problems=problems)))  # fmt: skip
    # 24 Jan 2017 is a Tuesday (1 Jan a Sunday, + 23 days), 26 Jan a Thursday.
    assert text == (
        "# Chronology\n\n5 events from 2 articles; 1 problem.\n"
        "\n## 2016\n\n- **2016** · other · The war went on. (a)\n"
        "\n## August 2016\n\n- **Aug 2016** · siege · The siege began. (a)\n"
        "\n## January 2017\n\n"
        "- **Tue 24 Jan 2017** · talks · Talks ended. (AFP via Gulf Daily)\n"
        "  - other dates: 23 Jan (Ostrel News)\n"
        "- **reported Thu 26 Jan 2017** · talks · \\[planned\\] Envoys will meet. (a)\n"
        "\n## February 2017\n\n- **early Feb 2017** · aid · Aid arrived. (a)\n"
        "\n## Problems\n\n- in/old.txt: undated: no date line\n"
    )


def test_an_empty_build_says_so() -> None:
    assert "".join(chunks(timeline())) == (
        "# Chronology\n\n0 events from 1 article; 0 problems.\n\nNo dated events.\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ended.", "Talks ended."),
        ("a *bold* _claim_", "a \\*bold\\* \\_claim\\_"),
        ("[link](http://x) `code` <b>", "\\[link\\](http://x) \\`code\\` \\<b\\>"),
        ("R&amp;D ~~gone~~ a|b \\n", "R\\&amp;D \\~\\~gone\\~\\~ a\\|b \\\\n"),
    ],
)
def test_inline_markup_is_escaped(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("2017. notes.txt", "2017\\. notes.txt"),
        ("3) three", "3\\) three"),
        ("notes #1 - 2.txt", "notes #1 - 2.txt"),  # only at the start
    ],
)
def test_a_problem_line_cannot_open_a_block(text: str, expected: str) -> None:
    assert escape_lead(text) == expected
