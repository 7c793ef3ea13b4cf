"""The one-pass lookups that replaced scans of every segment or sentence: each gives
what the scan gave, on a table of hand-made layouts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from syriatl import ingest, pipeline, published
from syriatl.chronicle.merge import _pack, _unpack, words_of
from syriatl.model import (
    Article,
    Entry,
    Kind,
    Layout,
    Mention,
    Published,
    Segment,
    SegmentKind,
    Sentence,
    Spec,
)
from syriatl.pipeline import entry_leads, tag_articles
from syriatl.published import _in_kinds
from syriatl.segment import _sentences

P, C, S = SegmentKind.PARAGRAPH, SegmentKind.COMMENT, SegmentKind.COMMENT_STAMP


def _mention(start: int) -> Mention:
    return Mention(start, start + 1, "x", "test", Spec(Kind.CALENDAR))


def _layout(spans: list[tuple[SegmentKind, int, int]]) -> Layout:
    segments = tuple(Segment(kind, a, b, n) for n, (kind, a, b) in enumerate(spans, start=1))
    return Layout(segments, (), None, ())


def _scan(layout: Layout, mentions: list[Mention], kinds: set[SegmentKind]) -> list[Mention]:
    """The definition: a mention counts when it starts inside any segment of those kinds."""
    spans = [(s.start, s.end) for s in layout.segments if s.kind in kinds]
    return [m for m in mentions if any(a <= m.start < b for a, b in spans)]


@pytest.mark.parametrize(
    ("spans", "starts", "kinds", "expected"),
    [
        # A segment holds its first character and not its end.
        ([(P, 0, 10)], [0, 9, 10], {P}, [0, 9]),
        # Segments of other kinds do not count, even around the mention.
        ([(P, 0, 10), (C, 10, 20)], [5, 15], {C}, [15]),
        # Two kinds asked for at once; the gap between them holds nothing.
        ([(P, 0, 10), (C, 12, 20), (S, 20, 30)], [3, 11, 12, 25, 30], {C, S}, [12, 25]),
        # Touching segments of the kinds asked for: the join between them counts once.
        ([(P, 0, 5), (P, 5, 9)], [4, 5, 9], {P}, [4, 5]),
        # An empty segment holds nothing.
        ([(P, 4, 4), (P, 6, 8)], [4, 6], {P}, [6]),
        # Mentions before the first segment and after the last one.
        ([(S, 50, 60)], [0, 49, 59, 60, 99], {S}, [59]),
        # No segment of the kind at all.
        ([(P, 0, 10)], [1, 2], {S}, []),
        # Segments out of order and overlapping (the layout never makes them, the
        # definition still holds): 12 lies in both, 35 in neither.
        ([(P, 20, 30), (P, 10, 25), (P, 40, 41)], [12, 28, 35, 40], {P}, [12, 28, 40]),
        # Mentions in any order keep their order.
        ([(P, 0, 10), (P, 20, 30)], [25, 5, 15, 21], {P}, [25, 5, 21]),
    ],
)
def test_mentions_in_kinds_are_those_inside_a_segment_of_the_kinds(
    spans: list[tuple[SegmentKind, int, int]],
    starts: list[int],
    kinds: set[SegmentKind],
    expected: list[int],
) -> None:
    layout = _layout(spans)
    mentions = [_mention(s) for s in starts]
    found = _in_kinds(layout, mentions, kinds)
    assert [m.start for m in found] == expected
    assert found == _scan(layout, mentions, kinds)


TEXT = "UPDATE 0900: Rain fell. It stopped. UPDATE 1000: Sun. Calm."
# Offsets in TEXT: "UPDATE 0900:" at 0, "Rain fell." 13-23, "It stopped." 24-35,
# "UPDATE 1000:" at 36, "Sun." 49-53, "Calm." 54-59.
NINE, TEN = Entry("UPDATE", 0, 9, 0), Entry("UPDATE", 36, 10, 0)


def _entry_sentences(rows: list[tuple[int, int, Entry | None]]) -> tuple[Sentence, ...]:
    return tuple(Sentence(a, b, 1, Segment(P, a, b, 1, entry)) for a, b, entry in rows)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Each entry's first sentence, never a later one.
        (
            [(13, 23, NINE), (24, 35, NINE), (49, 53, TEN), (54, 59, TEN)],
            {0: "Rain fell.", 36: "Sun."},
        ),
        # An entry without a sentence has no lead; a sentence outside entries is no lead.
        ([(13, 23, None), (49, 53, TEN)], {36: "Sun."}),
        ([], {}),
    ],
)
def test_an_entry_lead_is_the_first_sentence_of_the_entry(
    rows: list[tuple[int, int, Entry | None]], expected: dict[int, str]
) -> None:
    layout = Layout((), _entry_sentences(rows), None, (NINE, TEN))
    assert entry_leads(layout, TEXT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Gen." and "Jan." are abbreviations, "3." ends the sentence; the third sentence
        # begins on the segment's second line (5 + 1).
        (
            "Gen. Ames left on Jan. 3.\nThe talks ended. Mr. Bo\nstayed.",
            [("Gen. Ames left on Jan. 3.", 5), ("The talks ended.", 6), ("Mr. Bo\nstayed.", 6)],
        ),
        # A long run of abbreviations is one sentence.
        ("Jan. Jan. Jan. Jan. Jan. It rained.", [("Jan. Jan. Jan. Jan. Jan. It rained.", 5)]),
        # Initials and "U.S." end nothing; a sentence after blank lines counts them.
        (
            "In the U.S. Troops left. A. B. Cole came.\n\nOn Monday.",
            [
                ("In the U.S. Troops left.", 5),
                ("A. B. Cole came.", 5),
                ("On Monday.", 7),
            ],
        ),
    ],
)
def test_sentences_skip_abbreviations_and_count_their_lines(
    text: str, expected: list[tuple[str, int]]
) -> None:
    segment = Segment(P, 0, len(text), 5)
    found = _sentences(text, 0, len(text), 5, segment)
    assert [(text[s.start : s.end], s.line) for s in found] == expected


def test_tag_with_a_given_date_looks_for_no_evidence_of_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def searched(*_: object) -> None:
        raise AssertionError("publication evidence computed under --dct")

    monkeypatch.setattr(published, "evidence", searched)
    text = "DAMASCUS, March 4, 2016 (Wire) - Talks resumed on Tuesday.\n"
    (tagged,) = tag_articles([Article("a", "a.txt", text)], dt.date(2019, 3, 14))
    assert tagged.published == Published(dt.date(2019, 3, 14), "given", "--dct 2019-03-14", None)
    # 14 March 2019 was a Thursday: the Tuesday before it is the 12th.
    assert [r.value for r in tagged.resolutions] == ["2016-03-04", "2019-03-12"]


def test_an_article_waiting_for_the_corpus_is_read_and_analysed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("BEIRUT, Feb 2, 2016 (Wire) - Talks opened on Tuesday.\n")
    (tmp_path / "b.txt").write_text("MOSCOW, March 4 (Wire) - A truce held on Friday.\n")
    read: list[str] = []
    analysed: list[str] = []
    reader, analyser = ingest.read_article, pipeline.analyse

    def counted_read(found: ingest.Found, *rest: Any) -> ingest.Read:
        read.append(found.id)
        return reader(found, *rest)

    def counted_analyse(article: Article, *rest: Any) -> pipeline.Analysis:
        analysed.append(article.id)
        return analyser(article, *rest)

    monkeypatch.setattr(ingest, "read_article", counted_read)
    monkeypatch.setattr(pipeline, "analyse", counted_analyse)
    built = pipeline.build_timeline([str(tmp_path)])
    assert (sorted(read), sorted(analysed)) == (["a", "b"], ["a", "b"])
    # b's dateline has no year; the corpus has 2016, and 2016-03-04 was a Friday (1 March
    # 2016 was a Tuesday: 1 Jan a Friday, +31 +29 days = +60 = 8 weeks + 4 days).
    dates = {a.id: (a.published.date, a.published.rule) for a in built.timeline.articles}
    assert dates == {
        "a": (dt.date(2016, 2, 2), "dateline"),
        "b": (dt.date(2016, 3, 4), "dateline+lead-weekday"),
    }


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Shelling stopped in Karvana on Tuesday, residents of al-Dessa said", "Tuesday"),
        ("The envoy met Amira Velmor in Geneva and in Karvana", None),
        ("talks resumed", None),  # no name, no place
        ("", None),  # no word at all
    ],
)
def test_a_packed_word_bag_unpacks_to_the_same_bag(text: str, expression: str | None) -> None:
    bag = words_of(text, expression)
    assert _unpack(_pack(bag)) == bag
