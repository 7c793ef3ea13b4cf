"""Layout: what is story, what is chrome, what is a reader comment, and the entries of a
live blog with their clocks."""

from __future__ import annotations

import pytest

from syriatl.detect import detect
from syriatl.model import SegmentKind
from syriatl.segment import _pieces, layout

PAGE = """1. Skip to content
  2. Main menu

Truce Talks Resume in Geneva

PHOTO: Delegates arrive on Monday

LATEST

MONDAY ANALYSIS

UPDATE 0105 GMT: Talks resumed after midnight. Gen. Hassan and Dr. Smith spoke at 1 a.m. on the U.S. proposal.

UPDATE 2315 GMT: Delegates left the venue late, a spokesman said.

UPDATE 1900 GMT: Delegates arrived.

ORIGINAL ENTRY: Delegations will meet on Monday in Geneva.

Delegations Meet

The meeting was called by the U.N. envoy.

protest-geneva-03-03-19

Share this story

Related Posts

  1. I think this will fail again like every other round of talks before it did.

Leave a Comment
"""


def _kinds(text: str) -> dict[str, SegmentKind]:
    found = layout(text, detect(text))
    return {" ".join(text[s.start : s.end].split()): s.kind for s in found.segments}


def test_title_story_and_chrome_are_told_apart() -> None:
    kinds = _kinds(PAGE)
    assert kinds["Truce Talks Resume in Geneva"] is SegmentKind.TITLE
    assert kinds["1. Skip to content"] is SegmentKind.CHROME
    assert kinds["LATEST"] is SegmentKind.CHROME
    assert kinds["MONDAY ANALYSIS"] is SegmentKind.CHROME
    assert kinds["PHOTO: Delegates arrive on Monday"] is SegmentKind.CAPTION
    assert kinds["Delegations Meet"] is SegmentKind.HEADING
    assert kinds["The meeting was called by the U.N. envoy."] is SegmentKind.PARAGRAPH
    assert kinds["protest-geneva-03-03-19"] is SegmentKind.CHROME
    assert kinds["Share this story"] is SegmentKind.CHROME


def test_reader_comments_after_a_widget_line_are_comments() -> None:
    kinds = _kinds(PAGE)
    comment = "1. I think this will fail again like every other round of talks before it did."
    assert kinds[comment] is SegmentKind.COMMENT
    assert kinds["Leave a Comment"] is SegmentKind.CHROME


def test_live_blog_entries_carry_their_clock_and_roll_over_midnight() -> None:
    found = layout(PAGE, detect(PAGE))
    entries = {e.label: e for e in found.entries}
    assert list(entries) == [
        "UPDATE 0105 GMT",
        "UPDATE 2315 GMT",
        "UPDATE 1900 GMT",
        "ORIGINAL ENTRY",
    ]
    assert (entries["UPDATE 2315 GMT"].hour, entries["UPDATE 2315 GMT"].minute) == (23, 15)
    # Newest first: read upwards the clocks run 19:00, 23:15, then 01:05, which goes back
    # on the clock, so the 01:05 entry is the next day.
    assert entries["UPDATE 1900 GMT"].day_offset == 0
    assert entries["UPDATE 2315 GMT"].day_offset == 0
    assert entries["UPDATE 0105 GMT"].day_offset == 1
    assert entries["ORIGINAL ENTRY"].day_offset == 0


def test_sentences_do_not_end_at_abbreviations() -> None:
    found = layout(PAGE, detect(PAGE))
    sentences = [" ".join(PAGE[s.start : s.end].split()) for s in found.sentences]
    assert "Talks resumed after midnight." in sentences
    assert "Gen. Hassan and Dr. Smith spoke at 1 a.m. on the U.S. proposal." in sentences


def test_every_story_sentence_belongs_to_its_entry() -> None:
    found = layout(PAGE, detect(PAGE))
    paragraph = next(s for s in found.sentences if "U.N. envoy" in PAGE[s.start : s.end])
    assert paragraph.segment.entry is not None
    assert paragraph.segment.entry.label == "ORIGINAL ENTRY"


def test_comment_headers_with_stamps_open_the_thread() -> None:
    text = (
        "Talks End\n\nThe talks ended on Tuesday.\n\n"
        "jdoe 8 March 2019, 10:47\n\nThe talks ended badly on Friday.\n\n"
        "mvarn 8 March 2019, 11:02\n\nThey will resume.\n"
    )
    # Two headers over short bodies; a lone one opens a thread only after a comments
    # heading (test_layout.py).
    kinds = _kinds(text)
    assert kinds["jdoe 8 March 2019, 10:47"] is SegmentKind.COMMENT_STAMP
    assert kinds["The talks ended badly on Friday."] is SegmentKind.COMMENT


def test_a_page_without_a_headline_has_no_title() -> None:
    text = "PHOTO: Delegates in Geneva\n\nLATEST\n\nUPDATE 0900 GMT: Talks resumed.\n"
    assert layout(text, detect(text)).title is None


def test_a_caption_keeps_its_text_and_loses_its_glued_credit() -> None:
    text = (
        "Talks End\n\nThe talks ended on Tuesday.\n\n"
        "Fighters attack positions near Aleppo on January 14Image: Example/AFP\n"
    )
    kinds = _kinds(text)
    assert kinds["Fighters attack positions near Aleppo on January 14"] is SegmentKind.CAPTION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 499 five-character "word " runs and a last "word": 2,499 characters with spaces
        # at 4, 9, ..., 5k + 4. Each cut is the last space before 1,000 characters: 999,
        # then (from 1000) 1999; the rest, 2000-2499, is short enough.
        ("word " * 499 + "word", [(0, 999), (1000, 1999), (2000, 2499)]),
        # A run of 1,000 characters or fewer is left whole.
        ("word " * 199 + "word", [(0, 999)]),
        # No space to cut at: cut at 1,000 characters.
        ("x" * 1500, [(0, 1000), (1000, 1500)]),
    ],
)
def test_a_run_without_sentence_ends_is_cut_at_spaces(
    text: str, expected: list[tuple[int, int]]
) -> None:
    assert list(_pieces(text, 0, len(text))) == expected


def test_a_long_run_gives_sentences_of_at_most_a_thousand_characters() -> None:
    text = "word " * 499 + "word"
    found = layout(text, detect(text)).sentences
    assert [(s.start, s.end) for s in found] == [(0, 999), (1000, 1999), (2000, 2499)]
