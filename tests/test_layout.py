"""Layout on pages never seen: an embedded post is story, not the start of a comment
thread; comment threads start only where comment structure starts; hard-wrapped copy is
read in whole sentences; and the share of the story set aside is measured."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.detect import detect
from syriatl.model import Article, Aside, SegmentKind
from syriatl.patterns import chrome
from syriatl.pipeline import entry_leads
from syriatl.published import evidence
from syriatl.segment import layout, set_aside_share

K = SegmentKind
Corpus = Callable[[dict[str, str | bytes]], Path]
runner = CliRunner()

# An invented live blog: entries, a post embedded in the middle (its signature line has
# a name, an @handle and a date, which once opened a "comment thread" that swallowed the
# rest of the blog), an ORIGINAL ENTRY after it, then a real comment thread.
BLOG = """Velmora Live: Shelling Resumes in Karvana

UPDATE 1130 GMT: Jets bombed the market in Karvana this morning, the civil defence said.

The group posted a photograph of the ruins:

Market in Karvana hit again this morning, 4 killed pic.twitter.com/abc123

— Karvana Civil Defence (@karvanacd) March 7, 2019

UPDATE 0915 GMT: Shelling resumed overnight near the old bridge, residents said.

ORIGINAL ENTRY: Mediators said on Wednesday they would send monitors to Karvana.

The truce was declared on February 20 and collapsed two days later.

3 Comments

tamsin_q March 7, 2019 at 2:14 pm

Another truce broken, who is surprised.

orlo77 March 7, 2019 at 3:40 pm

Where are the monitors now?
"""


def _blocks(text: str) -> list[tuple[int, SegmentKind, str]]:
    found = layout(text, detect(text))
    return [(s.line, s.kind, " ".join(text[s.start : s.end].split())) for s in found.segments]


def _kind_of(text: str, words: str) -> SegmentKind:
    kinds = [kind for _, kind, block in _blocks(text) if block.startswith(words)]
    assert len(kinds) == 1, (words, kinds)
    return kinds[0]


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Velmora Live: Shelling Resumes", K.TITLE),
        ("Jets bombed the market", K.ENTRY),
        ("The group posted a photograph", K.PARAGRAPH),
        ("Market in Karvana hit again", K.EMBED),
        ("— Karvana Civil Defence (@karvanacd)", K.EMBED_SIGNATURE),
        # After the embed, the blog goes on: these entries were once "comments".
        ("Shelling resumed overnight", K.ENTRY),
        ("Mediators said on Wednesday", K.ENTRY),
        ("The truce was declared", K.PARAGRAPH),
        # The real thread: a comments heading, then name-and-stamp headers.
        ("3 Comments", K.CHROME),
        ("tamsin_q March 7, 2019", K.COMMENT_STAMP),
        ("Another truce broken", K.COMMENT),
        ("orlo77 March 7, 2019", K.COMMENT_STAMP),
        ("Where are the monitors now?", K.COMMENT),
    ],
)
def test_an_embed_in_a_live_blog_keeps_the_entries_after_it(words: str, kind: SegmentKind) -> None:
    assert _kind_of(BLOG, words) is kind


def test_the_embedded_post_is_story_and_its_signature_is_not() -> None:
    found = layout(BLOG, detect(BLOG))
    told = {" ".join(BLOG[s.start : s.end].split()) for s in found.sentences}
    assert "Market in Karvana hit again this morning, 4 killed pic.twitter.com/abc123" in told
    assert not any("@karvanacd" in sentence for sentence in told)
    assert len(found.entries) == 3


def test_the_embeds_date_bounds_the_publication_date_from_below() -> None:
    text = (
        "Velmora Live: Shelling Resumes in Karvana\n\n"
        "UPDATE 1130 GMT: Jets bombed the market in Karvana on Saturday, residents said.\n\n"
        "Market in Karvana hit again, 4 killed pic.twitter.com/abc123\n\n"
        "— Karvana Civil Defence (@karvanacd) March 7, 2019\n\n"
        "ORIGINAL ENTRY: Mediators said they would send monitors to Karvana.\n"
    )
    mentions = detect(text)
    found = evidence(Article("blog", "blog.txt", text), layout(text, mentions), mentions)
    # 2019-03-07 is a Thursday (2019-01-01 is a Tuesday, +65 days = 9 weeks + 2); the lead's
    # Saturday on or after it is 2019-03-09. (Taken for a comment stamp, it would bound the
    # date from above instead and give Saturday 2019-03-02.)
    assert found.published.date == dt.date(2019, 3, 9)
    assert found.published.rule == "embed-bound+lead-weekday"


STORY = "Dam Talks Stall in Orveda\n\nNegotiators from the two river states broke off talks on Monday.\n\n"


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("3 Comments", "I doubt the dam will ever be shared."),
        ("Comments (12)", "I doubt the dam will ever be shared."),
        ("Leave a Reply", "I doubt the dam will ever be shared."),
        ("Join the discussion", "I doubt the dam will ever be shared."),
        ("2 thoughts on “Dam Talks Stall in Orveda”", "I doubt the dam will ever be shared."),
    ],
)
def test_a_comments_heading_opens_the_thread(heading: str, body: str) -> None:
    text = STORY + f"{heading}\n\n{body}\n"
    assert _kind_of(text, heading) is K.CHROME
    assert _kind_of(text, body) is K.COMMENT
    assert _kind_of(text, "Negotiators from the two") is K.PARAGRAPH


# A promo line mid-story, then the story goes on in three long paragraphs (44, 43 and 43
# words, each over the lone-comment bound of 40): the line opened no thread.
LONG = (
    "The engineer who runs the Kessel dam told reporters on Tuesday that the spillway gates "
    "had been opened twice this spring, once in March and once in April, because the "
    "reservoir rose faster than the two river states had agreed it should, she said."
)
PROMO = (
    f"Join the conversation\n\n{LONG}\n\n"
    "Farmers in the delta below the dam say the sudden releases flooded their fields and "
    "washed away the seed they had sown in the week before, and that nobody in Orveda had "
    "warned them the gates would open that night, she said again.\n\n"
    "Officials in Varn said they would ask the joint commission to publish the flow figures "
    "for every week of the spring, so that both states can see how much water was held back "
    "and how much was let through the gates, she said.\n"
)


@pytest.mark.parametrize(
    ("tail", "words", "kind"),
    [
        # A comments heading with long prose after it was a promo line, not a thread.
        (PROMO, "Join the conversation", K.CHROME),
        (PROMO, "The engineer who runs", K.PARAGRAPH),
        (PROMO, "Officials in Varn said", K.PARAGRAPH),
        # ... even when a short line comes between the heading and the prose.
        ("Leave a Reply\n\nMore on the dam\n\n" + PROMO.split("\n\n", 1)[1],
         "Farmers in the delta below", K.PARAGRAPH),
        # Two name-and-stamp headers over short bodies: a thread.
        ("kessel_fan 5 March 2019, 10:47\n\nShare the water.\n\n"
         "varnboy 5 March 2019, 11:02\n\nNever.\n", "Share the water.", K.COMMENT),
        ("kessel_fan 5 March 2019, 10:47\n\nShare the water.\n\n"
         "varnboy 5 March 2019, 11:02\n\nNever.\n", "varnboy 5 March 2019", K.COMMENT_STAMP),
        # A lone header with one short body after a comments heading: a thread of one.
        ("3 Comments\n\nkessel_fan 5 March 2019, 10:47\n\nShare the water.\n",
         "Share the water.", K.COMMENT),
        # Without the heading, a lone stamped line opens no thread: the story goes on.
        ("kessel_fan 5 March 2019, 10:47\n\nShare the water.\n", "Share the water.", K.PARAGRAPH),
        # A blog's own footer (no weekday, so no embed's signature) ends no story either.
        ("Posted by Tomas Varn on March 5, 2019\n\nThe gates stayed shut on Tuesday.\n",
         "The gates stayed shut", K.PARAGRAPH),
        # A stamped line the story goes on under, paragraph after paragraph: no thread.
        ("Orveda Desk 5 March 2019\n\nThe dam holds back the spring floods.\n\n"
         "The delta has flooded twice since 2010.\n\nFarmers there want the figures.\n",
         "The delta has flooded twice", K.PARAGRAPH),
        # A comments heading with an entry after it was a widget, not a thread.
        ("Join the discussion\n\nUPDATE 1200 GMT: Talks resumed in Varn.\n",
         "Talks resumed in Varn.", K.ENTRY),
        # A stamp with a dateline after it: the story goes on.
        ("kessel_fan 5 March 2019, 10:47\n\nVARN, March 5 (Wirenews) - Talks resumed.\n",
         "Talks resumed.", K.PARAGRAPH),
    ],
)  # fmt: skip
def test_comment_threads_hold_no_story(tail: str, words: str, kind: SegmentKind) -> None:
    assert _kind_of(STORY + tail, words) is kind


@pytest.mark.parametrize(
    ("signature", "body"),
    [(example, "Shelling near the bridge at dawn") for _, _, example in chrome.EMBED_SIGNATURES],
)
def test_every_signature_shape_marks_an_embed(signature: str, body: str) -> None:
    text = STORY + f"{body}\n\n{signature}\n\nThe monitors had not arrived by noon.\n"
    assert _kind_of(text, body) is K.EMBED
    assert _kind_of(text, signature) is K.EMBED_SIGNATURE
    assert _kind_of(text, "The monitors had not") is K.PARAGRAPH


def test_a_credit_glued_to_a_caption_is_a_chrome_block_of_its_own() -> None:
    text = STORY + "Monitors cross into Orveda on March 4Image: Example/Wirenews\n"
    assert [(kind, block) for _, kind, block in _blocks(text)][-2:] == [
        (K.CAPTION, "Monitors cross into Orveda on March 4"),
        (K.CHROME, "Image: Example/Wirenews"),
    ]


def test_a_signature_glued_to_its_post_is_cut_off_and_gives_no_event() -> None:
    example = chrome.GLUED_SIGNATURE[1]
    text = STORY + example + "\n\nThe monitors had not arrived by noon.\n"
    assert [(kind, block) for _, kind, block in _blocks(text)][-3:] == [
        (K.EMBED, "Market hit again pic.twitter.com/abc123"),
        (K.EMBED_SIGNATURE, "— Karvana CD (@karvanacd) March 7, 2019"),
        (K.PARAGRAPH, "The monitors had not arrived by noon."),
    ]


PAGE_WITHOUT_BLANKS = (
    "Dam Talks Stall in Orveda\nNegotiators broke off talks on Monday.\n"
    "Officials said talks could resume soon.\nFarmers in the delta want figures.\n"
    "The dam holds back the spring floods.\nShelling near the bridge at dawn\n"
    "— Karvana Civil Defence (@karvanacd) March 7, 2019\n"
)


def test_a_page_without_blank_lines_is_not_one_long_post() -> None:
    # The line above the signature is the post; the story's sentences above it stay.
    assert [kind for _, kind, _ in _blocks(PAGE_WITHOUT_BLANKS)] == [
        K.TITLE, K.PARAGRAPH, K.PARAGRAPH, K.PARAGRAPH, K.PARAGRAPH, K.EMBED,
        K.EMBED_SIGNATURE,
    ]  # fmt: skip


def test_a_post_of_several_lines_is_embed_down_to_its_signature() -> None:
    text = STORY + (
        "Shelling near the bridge at dawn\nTwo houses hit pic.twitter.com/xyz789\n\n"
        "— Karvana Civil Defence (@karvanacd) March 7, 2019\n"
    )
    # The story's paragraph, a blank line above the post, stays a paragraph.
    assert [kind for _, kind, _ in _blocks(text)][-4:] == [
        K.PARAGRAPH,
        K.EMBED,
        K.EMBED,
        K.EMBED_SIGNATURE,
    ]


@pytest.mark.parametrize(
    ("byline", "kind"),
    [
        # Above the story, a name with a handle and a date is the page's own byline.
        ("Jane Orlo (@janeorlo) 4 March 2019", K.DATE_LINE),
        ("— Jane Orlo (@janeorlo) March 4, 2019", K.DATE_LINE),
    ],
)
def test_a_handle_and_a_date_above_the_story_are_a_byline_not_an_embed(
    byline: str, kind: SegmentKind
) -> None:
    text = f"Dam Talks Stall in Orveda\n\n{byline}\n\nNegotiators broke off talks on Monday.\n"
    assert _kind_of(text, byline) is kind


# Hard-wrapped wire copy, invented, wrapped at about 60 columns.
WIRE = """Dam Talks Stall in Orveda

ORVEDA, March 4, 2019 (Wirenews) - Negotiators from the two
river states broke off talks on the Kessel dam on Monday,
saying the other side had refused to share flow figures.
Officials said a new round could open in Varn next week.
The dam, finished in 2017, holds back most of the spring
floods that once reached the delta.
"""
HEADLINE = """Dam Talks Stall in Orveda As Both Sides Refuse Figures
By Jane Orlo and Tomas Varn, Wirenews correspondents in Orveda
Negotiators from the two river states broke off talks on the
Kessel dam on Monday.
Key points of the deal agreed by the two river states in May
• Flow figures to be shared every week from the spring onwards
• A joint commission to meet in Varn before the summer floods
"""
LINK = """Orveda Dam Talks
https://wirenews.example/orveda/2019/03/04/dam-talks-stall-in-orveda
monitors and negotiators stood by the Kessel dam near the town of Varn on Monday.
"""
ENTRIES = """UPDATE 1130 GMT: Negotiators from the two river states broke off
talks on the Kessel dam, saying the other side had refused to
share flow figures.
UPDATE 0900 GMT: The two delegations arrived in Orveda overnight
for a third round of talks on the dam and its flood gates.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (WIRE, [
            (3, "Negotiators from the two river states broke off talks on the Kessel dam on "
                "Monday, saying the other side had refused to share flow figures."),
            (6, "Officials said a new round could open in Varn next week."),
            (7, "The dam, finished in 2017, holds back most of the spring floods that once "
                "reached the delta."),
        ]),
        # A headline or a byline is not joined onto the prose under it, nor a bullet onto the line
        # above it: the bullets are the story's key points, each told on its own.
        (HEADLINE, [
            (3, "Negotiators from the two river states broke off talks on the Kessel dam on "
                "Monday."),
            (5, "Key points of the deal agreed by the two river states in May"),
            (6, "• Flow figures to be shared every week from the spring onwards"),
            (7, "• A joint commission to meet in Varn before the summer floods"),
        ]),
        # A link is not copy that wraps, even when the line under it goes on in lower case.
        (LINK, [
            (3, "monitors and negotiators stood by the Kessel dam near the town of Varn on Monday."),
        ]),
        # An entry's wrapped text goes on under its header; the next header starts anew.
        (ENTRIES, [
            (1, "Negotiators from the two river states broke off talks on the Kessel dam, "
                "saying the other side had refused to share flow figures."),
            (4, "The two delegations arrived in Orveda overnight for a third round of talks on "
                "the dam and its flood gates."),
        ]),
    ],
)  # fmt: skip
def test_hard_wrapped_copy_gives_whole_sentences(
    text: str, expected: list[tuple[int, str]]
) -> None:
    found = layout(text, detect(text))
    told = [(s.line, " ".join(text[s.start : s.end].split())) for s in found.sentences]
    assert told == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A header alone on its line: the entry's text is the paragraphs under it, and its
        # lead is the first sentence of the first of them.
        ("Dam Talks Stall in Orveda\n\nUPDATE 14:20 GMT:\n\n"
         "The gates were opened at noon. Farmers fled.\n\nMore water came later.\n",
         [("UPDATE 14:20 GMT", 14, 20, "The gates were opened at noon.")]),
        # A label without a clock; then a header with its text on its line.
        ("ORIGINAL ENTRY:\n\nMinisters met in Varn.\n\n"
         "UPDATE 0905 GMT: Talks resumed. Both sides came.\n",
         [("ORIGINAL ENTRY", None, None, "Ministers met in Varn."),
          ("UPDATE 0905 GMT", 9, 5, "Talks resumed.")]),
    ],
)  # fmt: skip
def test_an_entry_header_alone_on_its_line_heads_the_paragraphs_under_it(
    text: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    found = layout(text, detect(text))
    leads = entry_leads(found, text)
    told = [(e.label, e.hour, e.minute, leads.get(e.start, "")) for e in found.entries]
    assert told == expected


@pytest.mark.parametrize(
    "top",
    [
        # 2019-10-03 is a Thursday: 2019-01-01 is a Tuesday, +275 days = 39 weeks + 2.
        "• Thursday, Oct 03, 2019",  # a ticker: a date alone
        "Updated : 2019-10-03 06:28",  # a stamp: a label, a date, a clock
        "March 4, 2019",
    ],
)
def test_a_date_line_above_the_headline_keeps_the_title(top: str) -> None:
    text = f"{top}\n\nDam Talks Stall in Orveda\n\nNegotiators broke off talks on Monday.\n"
    found = layout(text, detect(text))
    assert found.title == "Dam Talks Stall in Orveda"
    assert _kind_of(text, top) is K.DATE_LINE


def test_a_headline_and_bullets_around_wrapped_copy_stay_blocks_of_their_own() -> None:
    assert [(line, kind) for line, kind, _ in _blocks(HEADLINE)] == [
        (1, K.TITLE),
        (2, K.CHROME),
        (3, K.PARAGRAPH),
        (5, K.PARAGRAPH),
        (6, K.PARAGRAPH),
        (7, K.PARAGRAPH),
    ]


@pytest.mark.parametrize(
    ("text", "share"),
    [
        # From the first story block to the last: 6 + 6 + 6 = 18 words, of which the
        # widget line "Share this on Facebook Twitter WhatsApp" (6 words) is set aside:
        # 6/18 = 1/3, not more than a third. (The title before the story does not count.)
        ("Dam Talks Stall\n\nNegotiators broke off talks on Monday.\n\n"
         "Share this on Facebook Twitter WhatsApp\n\n"
         "Officials said talks could resume soon.\n", Fraction(1, 3)),
        # Two such widget lines in the story: 12 of 6 + 6 + 6 + 6 + 6 = 30 words, 2/5.
        ("Dam Talks Stall\n\nNegotiators broke off talks on Monday.\n\n"
         "Share this on Facebook Twitter WhatsApp\n\n"
         "Officials said talks could resume soon.\n\n"
         "Share this on Facebook Twitter WhatsApp\n\n"
         "Farmers in the delta want figures.\n", Fraction(2, 5)),
        # A comment thread after the last story block does not count: 0 of 12 words.
        ("Dam Talks Stall\n\nNegotiators broke off talks on Monday.\n\n"
         "Officials said talks could resume soon.\n\n3 Comments\n\n"
         "kessel_fan 5 March 2019, 10:47\n\nShare the water now, or the delta dies.\n",
         Fraction(0)),
        # A numbered thread after a widget line does not count, long comments and all (real
        # threads look like this): 0 of 11 words.
        ("Dam Talks Stall in Orveda\n\n"
         "Negotiators from the two river states broke off talks on Monday.\n\nShare this\n\n"
         f"  1. {LONG}\n\n  2. {LONG}\n", Fraction(0)),
        # A long comment under a name-and-stamp header is a comment: 0 of 11 words.
        ("Dam Talks Stall in Orveda\n\n"
         "Negotiators from the two river states broke off talks on Monday.\n\n3 Comments\n\n"
         f"kessel_fan 5 March 2019, 10:47\n\n{LONG}\n", Fraction(0)),
    ],
)  # fmt: skip
def test_the_share_set_aside_counts_only_words_inside_the_story(text: str, share: Fraction) -> None:
    assert set_aside_share(text, layout(text, detect(text))) == share


TABLES = [
    (chrome.BYLINE[0], chrome.BYLINE[1], re.fullmatch),
    (chrome.GLUED_SIGNATURE[0], chrome.GLUED_SIGNATURE[1], re.search),
    *((pattern, example, re.fullmatch) for pattern, example in chrome.COMMENT_HEADINGS),
    *((pattern, example, re.fullmatch) for _, pattern, example in chrome.EMBED_SIGNATURES),
    *((pattern, example, re.search) for pattern, example in chrome.EMBED_LINKS),
]


@pytest.mark.parametrize(("pattern", "example", "match"), TABLES)
def test_every_layout_pattern_matches_its_example_and_not_nothing(
    pattern: str, example: str, match: object
) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert match(compiled, example.rstrip(" \t:.!?"))  # type: ignore[operator]
    assert not compiled.fullmatch("")


# ---- the guard and the layout command --------------------------------------------------

DATED = "Dam Talks Stall\n\nMarch 4, 2019\n\n"
WIDGET = "Share this on Facebook Twitter WhatsApp\n\n"
# 6 + 6 + 6 words inside the story, 6 of them a widget: 1/3, no warning.
THIRD = (
    DATED
    + "Negotiators broke off talks on Monday.\n\n"
    + WIDGET
    + "Officials said talks could resume soon.\n"
)
# 6 + 6 + 6 + 6 + 6 words inside the story, 12 of them widgets: 2/5 = 40%, a warning.
TWO_FIFTHS = THIRD + "\n" + WIDGET + "Farmers in the delta want figures.\n"


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        (THIRD, None),
        (TWO_FIFTHS, "layout set aside 40% of the story's words as chrome or comments"),
    ],
)
def test_the_build_warns_when_more_than_a_third_of_the_story_is_set_aside(
    corpus: Corpus, text: str, warned: str | None
) -> None:
    folder = corpus({"dam.txt": text})
    path = folder / "dam.txt"
    result = runner.invoke(app, ["build", str(folder), "-f", "yaml"])
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if "set aside" in line]
    expected = [f"warning: {path}: {warned}; see syriatl layout {path}"] if warned else []
    assert lines == expected


def test_the_layout_command_prints_each_block_with_its_line_and_class(corpus: Corpus) -> None:
    folder = corpus({"blog.txt": BLOG})
    result = runner.invoke(app, ["layout", str(folder / "blog.txt")])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "    1  title            Velmora Live: Shelling Resumes in Karvana",
        "    3  entry            UPDATE 1130 GMT: Jets bombed the market in Karvana this"
        " morning, the civil defence said.",
        "    5  paragraph        The group posted a photograph of the ruins:",
        "    7  embed            Market in Karvana hit again this morning, 4 killed"
        " pic.twitter.com/abc123",
        "    9  embed-signature  — Karvana Civil Defence (@karvanacd) March 7, 2019",
        "   11  entry            UPDATE 0915 GMT: Shelling resumed overnight near the old"
        " bridge, residents said.",
        "   13  entry            ORIGINAL ENTRY: Mediators said on Wednesday they would send"
        " monitors to Karvana.",
        "   15  paragraph        The truce was declared on February 20 and collapsed two days"
        " later.",
        "   17  chrome           3 Comments",
        "   19  comment-stamp    tamsin_q March 7, 2019 at 2:14 pm",
        "   21  comment          Another truce broken, who is surprised.",
        "   23  comment-stamp    orlo77 March 7, 2019 at 3:40 pm",
        "   25  comment          Where are the monitors now?",
    ]


@pytest.mark.parametrize(
    ("fmt", "load"),
    [("json", json.loads), ("yaml", yaml.safe_load)],
)
def test_the_layout_command_gives_data_to_tools(
    corpus: Corpus, fmt: str, load: Callable[[str], Any]
) -> None:
    folder = corpus({"blog.txt": BLOG, "dam.txt": TWO_FIFTHS})
    result = runner.invoke(
        app, ["layout", str(folder / "blog.txt"), str(folder / "dam.txt"), "-f", fmt]
    )
    assert result.exit_code == 0
    files = load(result.stdout)["files"]
    assert [f["path"] for f in files] == [str(folder / "blog.txt"), str(folder / "dam.txt")]
    assert [f["set_aside"] for f in files] == [0.0, 0.4]
    assert files[0]["blocks"][4] == {
        "line": 9,
        "class": "embed-signature",
        "text": "— Karvana Civil Defence (@karvanacd) March 7, 2019",
    }
    # The 2019-03-04 date line, then the story with its two widget lines.
    assert [b["class"] for b in files[1]["blocks"]] == [
        "title", "date-line", "paragraph", "chrome", "paragraph", "chrome", "paragraph",
    ]  # fmt: skip


def test_the_layout_command_names_a_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["layout", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.strip() == f"syriatl: {tmp_path / 'nowhere.txt'}: no such file or folder"


@pytest.mark.parametrize(
    "line",
    [
        "— said the minister of Varn on March 7, 2019",  # a dash, a date, no handle or link
        "By Jane Orlo (@janeorlo) March 7, 2019",  # a byline, not a post's signature
        "Officials wrote to @karvanacd on March 7, 2019 about the dam.",  # no (@handle)
        "Posted by Tomas Varn on March 5, 2019 at 10:47",  # a blog's footer: no weekday
    ],
)
def test_lines_that_are_no_embed_signature(line: str) -> None:
    assert not any(re.fullmatch(pattern, line) for _, pattern, _ in chrome.EMBED_SIGNATURES)


@pytest.mark.parametrize(
    "line",
    [
        "Comments by the minister angered Varn",
        "3 comments from the delegation were read out",
        "Join the talks",
    ],
)
def test_lines_that_are_no_comments_heading(line: str) -> None:
    headings = [re.compile(pattern, re.IGNORECASE) for pattern, _ in chrome.COMMENT_HEADINGS]
    assert not any(h.fullmatch(line) for h in headings)


# --- Page furniture is chrome, never story ---------------------------------------------
# Each line below is set on line 5 of an invented page, between two story paragraphs;
# the blocks it gives are written by hand: chrome (no sentence, so no event), or the
# dateline and the story after it, or a caption with its credit as chrome.
def _furniture_page(line: str) -> str:
    return (
        "Ministers Meet in Karvana\n\n"
        "The ministers met in Karvana on Friday, officials said.\n\n"
        f"{line}\n\n"
        "The talks went on into the night, a spokesman said.\n"
    )


@pytest.mark.parametrize(
    ("line", "blocks"),
    [
        # wire datelines: a slash agency, a full stop, no comma, a dash
        ("KARVANA, May 4. /VELNEWS/. The envoys arrived on Saturday.",
         [(K.DATELINE, "KARVANA, May 4. /VELNEWS/."), (K.PARAGRAPH, "The envoys arrived on Saturday.")]),
        ("KARVANA, May 4. /VELNEWS/.", [(K.DATELINE, "KARVANA, May 4. /VELNEWS/.")]),
        ("ORVEDA, 4 May. The envoys arrived on Saturday.",
         [(K.DATELINE, "ORVEDA, 4 May."), (K.PARAGRAPH, "The envoys arrived on Saturday.")]),
        ("ORVEDA Feb 13 (Wirenews) - The envoys arrived on Saturday.",
         [(K.DATELINE, "ORVEDA Feb 13 (Wirenews) -"),
          (K.PARAGRAPH, "The envoys arrived on Saturday.")]),
        ("ORVEDA Feb 13 The envoys arrived on Saturday.",
         [(K.DATELINE, "ORVEDA Feb 13"), (K.PARAGRAPH, "The envoys arrived on Saturday.")]),
        ("ORVEDA, May 4 (Wirenews) — The envoys arrived on Saturday.",
         [(K.DATELINE, "ORVEDA, May 4 (Wirenews) —"),
          (K.PARAGRAPH, "The envoys arrived on Saturday.")]),
        # tickers and banners
        ("Breaking News", [(K.CHROME, "Breaking News")]),
        ("BREAKING: Talks collapse in Orveda", [(K.CHROME, "BREAKING: Talks collapse in Orveda")]),
        ("Latest: Convoy reaches Karvana", [(K.CHROME, "Latest: Convoy reaches Karvana")]),
        ("Trending:", [(K.CHROME, "Trending:")]),
        ("Most read", [(K.CHROME, "Most read")]),
        ("LIVE", [(K.CHROME, "LIVE")]),
        # share widgets and credits
        ("Share this:", [(K.CHROME, "Share this:")]),
        ("Tweet", [(K.CHROME, "Tweet")]),
        ("Email", [(K.CHROME, "Email")]),
        ("Print", [(K.CHROME, "Print")]),
        ("Photo: AFP", [(K.CHROME, "Photo: AFP")]),
        ("(Photo by Jane Orlo/Wirenews)", [(K.CHROME, "(Photo by Jane Orlo/Wirenews)")]),
        ("Getty Images", [(K.CHROME, "Getty Images")]),
        ("Reuters/Jane Orlo", [(K.CHROME, "Reuters/Jane Orlo")]),
        ("Residents flee shelling in Karvana on March 4, 2019. Wirenews/Jane Orlo",
         [(K.CAPTION, "Residents flee shelling in Karvana on March 4, 2019."),
          (K.CHROME, "Wirenews/Jane Orlo")]),
        ("Residents flee shelling in Karvana on March 4, 2019. (Photo by Jane Orlo/AFP)",
         [(K.CAPTION, "Residents flee shelling in Karvana on March 4, 2019."),
          (K.CHROME, "(Photo by Jane Orlo/AFP)")]),
        # promos
        ("Read Tomas Varn's blog: Shells fall on Karvana as the clock ticks down to midnight",
         [(K.CHROME, "Read Tomas Varn's blog: Shells fall on Karvana as the clock ticks down to "
                     "midnight")]),
        ("Read more: Ministers meet in Karvana on Friday",
         [(K.CHROME, "Read more: Ministers meet in Karvana on Friday")]),
        ("Related: Truce collapses on Sunday", [(K.CHROME, "Related: Truce collapses on Sunday")]),
        ("Watch: Convoy reaches Karvana on Monday",
         [(K.CHROME, "Watch: Convoy reaches Karvana on Monday")]),
        ("Sign up for our newsletter", [(K.CHROME, "Sign up for our newsletter")]),
        # captions that name only a picture; one that shows a happening stays story
        ("File photo of the presidential palace in Velmora.",
         [(K.CHROME, "File photo of the presidential palace in Velmora.")]),
        ("A general view of Karvana, March 4, 2019.",
         [(K.CHROME, "A general view of Karvana, March 4, 2019.")]),
        ("A picture of the old bridge in Orveda.",
         [(K.CHROME, "A picture of the old bridge in Orveda.")]),
        ("File photo of residents fleeing shelling in Karvana on March 4, 2019.",
         [(K.PARAGRAPH, "File photo of residents fleeing shelling in Karvana on March 4, 2019.")]),
        ("A general view shows the market after it was shelled on March 4, 2019.",
         [(K.PARAGRAPH, "A general view shows the market after it was shelled on March 4, "
                        "2019.")]),
        # not furniture: story lines that open like it
        ("Latest figures show 40 families returned to Karvana on Friday.",
         [(K.PARAGRAPH, "Latest figures show 40 families returned to Karvana on Friday.")]),
        ("Share prices in Orveda fell on Friday after the talks stalled.",
         [(K.PARAGRAPH, "Share prices in Orveda fell on Friday after the talks stalled.")]),
    ],
)  # fmt: skip
def test_page_furniture_is_chrome(line: str, blocks: list[tuple[SegmentKind, str]]) -> None:
    found = [(kind, text) for number, kind, text in _blocks(_furniture_page(line)) if number == 5]
    assert found == blocks


@pytest.mark.parametrize(
    ("page", "kinds"),
    [
        # a banner with its items right under it (no blank line): the ticker
        ("Breaking News\nFloods close the harbour at Orveda on May 2.\n"
         "Floods close the harbour at Orveda on May 2.\n\n"
         "Ministers Meet in Karvana\n\nThe ministers met in Karvana on Friday.\n",
         [K.CHROME, K.CHROME, K.CHROME, K.TITLE, K.PARAGRAPH]),
        # a page without blank lines: the banner's run is the whole story, not a ticker
        ("Ministers Meet in Karvana\nBreaking News\nThe ministers met in Karvana on Friday.\n"
         "They spoke for an hour.\nThey left at noon.\nThe talks resume on Monday.\n",
         [K.TITLE, K.CHROME, K.PARAGRAPH, K.PARAGRAPH, K.PARAGRAPH, K.PARAGRAPH]),
        # a banner above the headline: the headline is still the title
        ("LIVE\n\nMinisters Meet in Karvana\n\nThe ministers met in Karvana on Friday.\n",
         [K.CHROME, K.TITLE, K.PARAGRAPH]),
        # headline links with clocks: a list of them is a ticker, one alone is a heading
        ("Ministers Meet in Karvana\n\nThe ministers met in Karvana on Friday.\n\n"
         "10:32 Ministers meet in Karvana\n11:05 Flood waters rise in Orveda\n",
         [K.TITLE, K.PARAGRAPH, K.CHROME, K.CHROME]),
        ("Ministers Meet in Karvana\n\nThe ministers met in Karvana on Friday.\n\n"
         "10:32 Ministers leave Karvana\n\nThey left at noon.\n",
         [K.TITLE, K.PARAGRAPH, K.HEADING, K.PARAGRAPH]),
        # a date line with site furniture after it: the date line, then the furniture
        ("Ministers Meet in Karvana\n\nNewswire, May 4, 2019 Adjust font size:\n\n"
         "The ministers met in Karvana on Friday.\n",
         [K.TITLE, K.DATE_LINE, K.CHROME, K.PARAGRAPH]),
        ("Ministers Meet in Karvana\n\nMay 4, 2019 | Print | Email\n\n"
         "The ministers met in Karvana on Friday.\n",
         [K.TITLE, K.DATE_LINE, K.CHROME, K.PARAGRAPH]),
    ],
)  # fmt: skip
def test_tickers_banners_and_date_line_furniture(page: str, kinds: list[SegmentKind]) -> None:
    assert [kind for _, kind, _ in _blocks(page)] == kinds


FURNITURE_PAGE = """Breaking News
Floods close the harbour at Orveda on May 2.

Ministers Meet in Karvana

Newswire, May 4, 2019 Adjust font size:

KARVANA, May 4. /VELNEWS/. The ministers met on Saturday.

Share this:

Residents flee shelling in Karvana on March 4, 2019. Wirenews/Jane Orlo

Read Tomas Varn's blog: Shells fall on Karvana

File photo of the presidential palace in Velmora.
"""


def test_nothing_set_aside_is_lost() -> None:
    # Every word of the page is in one block: what is set aside is shown as chrome.
    found = layout(FURNITURE_PAGE, detect(FURNITURE_PAGE))
    shown = " ".join(FURNITURE_PAGE[s.start : s.end] for s in found.segments)
    assert sorted(shown.split()) == sorted(FURNITURE_PAGE.split())
    chrome_text = [
        " ".join(FURNITURE_PAGE[s.start : s.end].split())
        for s in found.segments
        if s.kind is K.CHROME
    ]
    assert chrome_text == [
        "Breaking News",
        "Floods close the harbour at Orveda on May 2.",
        "Adjust font size:",
        "Share this:",
        "Wirenews/Jane Orlo",
        "Read Tomas Varn's blog: Shells fall on Karvana",
        "File photo of the presidential palace in Velmora.",
    ]
    # and no sentence comes from any of it
    story = {" ".join(FURNITURE_PAGE[s.start : s.end].split()) for s in found.sentences}
    assert story == {
        "The ministers met on Saturday.",
        "Residents flee shelling in Karvana on March 4, 2019.",
    }


@pytest.mark.parametrize(
    ("table", "flags"),
    [
        (chrome.BANNERS, re.IGNORECASE),
        (chrome.WIDGETS, re.IGNORECASE),
        ((chrome.CLOCK_HEADLINE,), 0),
    ],
)
def test_every_whole_line_example_matches_its_own_entry(
    table: tuple[tuple[str, str], ...], flags: int
) -> None:
    for pattern, example in table:
        bare = example.strip().rstrip(" \t:.!|–—-")
        assert re.fullmatch(pattern, bare, flags), (pattern, example)


@pytest.mark.parametrize(
    ("table", "flags"),
    [
        (chrome.PROMOS, 0),
        (chrome.PICTURE_NAMES, re.IGNORECASE),
        (tuple((rf"(?:{p})[ \t]*:", e) for p, e in chrome.TICKER_LABELS), re.IGNORECASE),
    ],
)
def test_every_line_opening_example_matches_its_own_entry(
    table: tuple[tuple[str, str], ...], flags: int
) -> None:
    for pattern, example in table:
        assert re.match(pattern, example, flags), (pattern, example)


@pytest.mark.parametrize(("name", "pattern", "example"), chrome.CREDITS)
def test_every_credit_example_matches_its_own_entry(name: str, pattern: str, example: str) -> None:
    assert re.fullmatch(pattern, example), name


@pytest.mark.parametrize(("name", "tail", "example"), chrome.DATELINE_TAILS)
def test_every_dateline_example_matches_its_own_tail(name: str, tail: str, example: str) -> None:
    assert re.match(rf"(?:{chrome.DATELINE_PLACE})(?:{tail})", example), name


def test_bullets_of_a_menu_before_the_story_stay_chrome_and_key_points_in_it_are_read() -> None:
    text = (
        "Dam Talks Stall\n• Home\n• World\n• Rivers\n"
        "Negotiators from the two river states broke off talks on the Kessel dam on Monday.\n"
        "• Talks to resume in Varn on 3 April\n"
    )
    assert _kind_of(text, "• World") is K.CHROME
    assert _kind_of(text, "• Talks to resume") is K.PARAGRAPH


# Spans a reader set aside (an HTML page's comments and the rest of its text): each line
# inside takes its span's class, a stamp in the comments is a comment stamp, and the
# story is laid out as if the spans were not there (the prose "Subscribe ..." line after
# it would otherwise be a paragraph).
ASIDE_TEXT = (
    "Talks End in Velmora\n\nThe talks ended on Tuesday, officials said.\n\n"
    "tamsin_q March 5, 2019 at 2:14 pm\n\nWho believes it will last past Friday?\n\n"
    "Subscribe today and read every story of the talks as it happens in Velmora.\n"
)


def test_lines_in_a_span_set_aside_take_its_class() -> None:
    comments = ASIDE_TEXT.index("tamsin_q")
    rest = ASIDE_TEXT.index("Subscribe")
    aside = (Aside(comments, rest - 2, K.COMMENT), Aside(rest, len(ASIDE_TEXT), K.CHROME))
    laid = layout(ASIDE_TEXT, detect(ASIDE_TEXT), aside)
    assert [(s.line, s.kind) for s in laid.segments] == [
        (1, K.TITLE), (3, K.PARAGRAPH), (5, K.COMMENT_STAMP), (7, K.COMMENT), (9, K.CHROME),
    ]  # fmt: skip
    assert [ASIDE_TEXT[s.start : s.end] for s in laid.sentences] == [
        "The talks ended on Tuesday, officials said."
    ]
    without = layout(ASIDE_TEXT, detect(ASIDE_TEXT))
    assert without.segments[-1].kind is not K.CHROME
