"""Merging: one happening told twice is one event; two happenings stay two.

Each case is a small set of dated sentences, as articles would tell them, with the
events a careful reader would make of them. A background of unrelated reports makes
the corpus look like a real one (so that "Syria" is common and "Douma" is rare).
Weekdays: 29 Dec 2016 was a Thursday and 30 Dec a Friday (1 Jan 2016 was a Friday; 29
Dec is day 364 of the leap year, 363 = 51 weeks + 6 days); 12 Mar 2019 was a Tuesday
(1 Jan 2019 a Tuesday, + 70 days = 10 weeks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from syriatl.chronicle.happenings import happening
from syriatl.chronicle.merge import merge, normal, words_of
from syriatl.model import Basis, Event, Precision, Source, When
from syriatl.pipeline import build_timeline

Corpus = Callable[[dict[str, str | bytes]], Path]

PUBLISHED = dt.date(2017, 1, 10)


def day(value: str, time: str | None = None, at: str | None = None) -> When:
    """A day, or a clock on it: local (zone unknown), or UTC with its instant ``at``."""
    date = dt.date.fromisoformat(value)
    zone = None if time is None else "UTC" if at else "local"
    return When(value, Precision.TIME if time else Precision.DAY, date, date, time, None, at, zone)


def month(value: str, modifier: str | None = None) -> When:
    first = dt.date.fromisoformat(value + "-01")
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return When(value, Precision.MONTH, first, following - dt.timedelta(days=1), None, modifier)


def told(article: str, when: When, text: str, expression: str | None = None,
         line: int = 1, published: dt.date = PUBLISHED) -> Source:  # fmt: skip
    """A dated mention as ``events`` makes it: with the happening its clause tells."""
    at = text.find(expression) if expression else -1
    told = happening(text, at, at + len(expression)) if expression and at >= 0 else happening(text)
    return Source(article, text, expression, "test", line, when, published=published,
                  happening=told)  # fmt: skip


BACKGROUND = [
    told(f"bg{i}", day(f"2016-11-{i + 1:02d}"), text)
    for i, text in enumerate(
        [
            "Russia and Syria discussed aid to the north.",
            "The Syrian army said it advanced in the east.",
            "Turkey and Russia held talks on Syria.",
            "Iran said Syria would get more fuel.",
            "The UN said aid reached parts of Syria.",
            "Russian jets struck targets in Syria.",
            "Syria's government rejected the report.",
            "Turkey said its troops would stay in Syria.",
            "Rebels in Syria said they had repelled an attack.",
            "The Syrian opposition met in Riyadh.",
            "Russia said talks with Turkey went well.",
            "Iran and Russia signed an energy deal.",
        ]
    )
]


# (name, dated sentences, expected groups: lists of indexes into the sentences)
CASES = [
    ("one truce told by two outlets",
     [told("a", day("2016-12-30"), "The nationwide truce held on Friday, monitors said.", "Friday"),
      told("b", day("2016-12-30"), "Monitors said the nationwide truce held on Friday.", "Friday")],
     [[0, 1]]),
    ("one round of talks a month ahead, two wordings",
     [told("a", month("2017-02"), "The opposition will join peace talks in Geneva next month.", "next month"),
      told("b", month("2017-02"), "Government and opposition are due to meet in Geneva next month for peace talks.", "next month")],
     [[0, 1]]),
    ("transliterations of one name",
     [told("a", day("2019-03-12"), "Ja'bari said the offensive on Wadi Sarem would go on.", "Tuesday"),
      told("b", day("2019-03-12"), "Jabari vowed the Wadi Sarem offensive would continue.", "Tuesday")],
     [[0, 1]]),
    ("a live blog repeating yesterday's paragraph",
     [told("blog-1", day("2016-12-19"), "The Russian ambassador was shot dead at an art gallery in Ankara on Monday.", "Monday"),
      told("blog-2", day("2016-12-19"), "The Russian ambassador was shot dead at an art gallery in Ankara on Monday.", "Monday",
           published=dt.date(2017, 1, 11))],
     [[0, 1]]),
    ("a clock time and the day it falls on",
     [told("a", day("2019-03-13", "11:30"), "The government's air force has bombed Karvana this morning."),
      told("b", day("2019-03-13"), "Government jets bombed Karvana on Wednesday, activists said.", "Wednesday")],
     [[0, 1]]),
    ("two happenings of one day sharing only a place",
     [told("a", day("2016-12-30"), "Air strikes hit Douma on Friday.", "Friday"),
      told("b", day("2016-12-30"), "Talks on Douma's future ended on Friday.", "Friday")],
     [[0], [1]]),
    ("the same report about two different places",
     [told("a", day("2016-12-30"), "Shelling killed five civilians in Douma on Friday, monitors said.", "Friday"),
      told("b", day("2016-12-30"), "Shelling killed five civilians in Madaya on Friday, monitors said.", "Friday")],
     [[0], [1]]),
    ("two sentences of one article",
     [told("a", day("2016-12-20"), "The foreign minister met the envoy on Tuesday.", "Tuesday", line=3),
      told("a", day("2016-12-20"), "The foreign minister spoke to reporters on Tuesday.", "Tuesday", line=5)],
     [[0], [1]]),
    ("a caption repeating its article's lead",
     [told("a", day("2016-02-24"), "Assad told Putin (above) on Wednesday that he was ready to help.", "Wednesday", line=3),
      told("a", day("2016-02-24"), "Assad told Putin on Wednesday that he was ready to help.", "Wednesday", line=5)],
     [[0, 1]]),
    ("a day never swallows a month",
     [told("a", day("2017-02-08"), "Peace talks open in Geneva on Wednesday.", "Wednesday"),
      told("b", month("2017-02"), "Peace talks open in Geneva next month.", "next month")],
     [[0], [1]]),
    ("the same talks a week apart",
     [told("a", day("2017-01-02"), "Talks resumed in Geneva on Monday.", "Monday"),
      told("b", day("2017-01-09"), "Talks resumed in Geneva on Monday.", "Monday")],
     [[0], [1]]),
    ("an announcement, its start, and a third wording of the start",
     [told("a", day("2016-12-29"), "Russia announced a nationwide truce in Syria on Thursday.", "Thursday"),
      told("b", day("2016-12-30"), "The nationwide truce in Syria took effect on Friday.", "Friday"),
      told("c", day("2016-12-30"), "The nationwide truce that began on Friday held in most of Syria.", "Friday")],
     [[0], [1, 2]]),
    ("an air strike and the end of talks, one day, one capital named by both",
     [told("a", day("2019-03-12"), "Government jets bombed villages near Karvana on Tuesday.", "Tuesday"),
      told("b", day("2019-03-12"), "Talks in Velmora ended on Tuesday with a statement Karvana rejected.", "Tuesday")],
     [[0], [1]]),
    ("one announced meeting, two wordings and a title",
     [told("a", day("2019-03-15"), "Foreign Minister Elena Brask will meet opposition delegates in Torvik on Friday.", "Friday"),
      told("b", day("2019-03-15"), "Brask is to host opposition figures in Torvik on Friday, the ministry said.", "Friday")],
     [[0, 1]]),
    ("a repost by another outlet, word for word",
     [told("a", day("2019-03-13"), "State media said the two governments had agreed a truce plan for the north.", "Wednesday"),
      told("b", day("2019-03-13"), "State media said the two governments had agreed a truce plan for the north.", "Wednesday",
           published=dt.date(2019, 3, 14))],
     [[0, 1]]),
    ("the same report about two places, one written in lower case",
     [told("a", day("2016-12-30"), "Shelling killed five civilians in al-Bab on Friday, monitors said.", "Friday"),
      told("b", day("2016-12-30"), "Shelling killed five civilians in Manbij on Friday, monitors said.", "Friday")],
     [[0], [1]]),
    ("a truce in passing at one place, then its start told at others",
     # A mention in passing joins the report of the truce's start, but lends the event no
     # place: the Karvana report joins them too; the Ostrel report differs from it.
     [told("x", day("2019-03-03"), "The nationwide truce took effect on Sunday.", "on Sunday",
           published=dt.date(2019, 3, 3)),
      told("a", day("2019-03-03"), "Rebels said they were ready to respect the truce at Dorvask, which began on Sunday.",
           "on Sunday", published=dt.date(2019, 3, 3)),
      told("b", day("2019-03-03"), "The truce took effect in Karvana on Sunday.", "on Sunday",
           published=dt.date(2019, 3, 4)),
      told("c", day("2019-03-03"), "The truce took effect in Ostrel on Sunday.", "on Sunday",
           published=dt.date(2019, 3, 4))],
     [[0, 1, 2], [3]]),
    ("earlier this month is this month",
     [told("a", month("2019-03"), "A truce agreement was reached in Velmora this month.", "this month"),
      told("b", month("2019-03", "early"), "The truce agreement reached in Velmora earlier this month held.",
           "earlier this month")],
     [[0, 1]]),
    ("early and late next month are two times",
     [told("a", month("2019-04", "early"), "Peace talks will open in Geneva early next month.", "early next month"),
      told("b", month("2019-04", "late"), "Peace talks will open in Geneva late next month.", "late next month")],
     [[0], [1]]),
    ("one article: a truce agreed this month, and broken this month",
     [told("a", month("2019-03"), "Rebels breached this month's truce agreement, the army said.", "this month", line=3),
      told("a", month("2019-03"), "The army urged respect for the truce agreement reached in Velmora this month.",
           "this month", line=5)],
     [[0], [1]]),
    # 12 Mar 2019 was a Tuesday (see above), so 13 Mar a Wednesday.
    ("a withdrawal from a town and its capture on one day: its fall, told from each side",
     [told("a", day("2019-03-13"), "Government troops pulled out of Ostrel on Wednesday after a month of siege.", "Wednesday"),
      told("b", day("2019-03-13"), "Rebels captured the town of Ostrel on Wednesday, residents said.", "Wednesday")],
     [[0, 1]]),
    ("a withdrawal from one town and the capture of another on one day",
     [told("a", day("2019-03-13"), "Government troops pulled out of Ostrel on Wednesday after a month of siege.", "Wednesday"),
      told("b", day("2019-03-13"), "Rebels captured the town of Karvana on Wednesday, residents said.", "Wednesday")],
     [[0], [1]]),
    ("a withdrawal naming no place and a town's capture on one day",
     [told("a", day("2019-03-13"), "Government troops pulled back on Wednesday after a month of siege.", "Wednesday"),
      told("b", day("2019-03-13"), "Rebels captured the town of Karvana on Wednesday, residents said.", "Wednesday")],
     [[0], [1]]),
    # A town and the country it is in are not one place; nor is where troops went.
    ("a withdrawal from bases in a country and a town's capture there on one day",
     [told("a", day("2019-03-13"), "Velmoran troops withdrew from bases in Dessia on Wednesday.", "Wednesday"),
      told("b", day("2019-03-13"), "Rebels captured the town of Ostrel in Dessia on Wednesday.", "Wednesday")],
     [[0], [1]]),
    ("a withdrawal from one town into another and the other's capture on one day",
     [told("a", day("2019-03-13"), "Troops withdrew from Ostrel into Karvana on Wednesday.", "Wednesday"),
      told("b", day("2019-03-13"), "Rebels captured the town of Karvana on Wednesday, residents said.", "Wednesday")],
     [[0], [1]]),
    ("a withdrawal from a town and its capture in one month: a month holds many",
     [told("a", month("2019-03"), "Government troops pulled out of Ostrel in March after a siege.", "in March"),
      told("b", month("2019-03"), "Rebels captured the town of Ostrel in March, residents said.", "in March")],
     [[0], [1]]),
    ("the same talks announced for two different months",
     [told("a", month("2017-02"), "Peace talks will open in Geneva next month.", "next month"),
      told("b", month("2017-03"), "Peace talks will open in Geneva next month.", "next month")],
     [[0], [1]]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "sentences", "groups"), CASES, ids=[c[0] for c in CASES])
def test_merge_or_keep_apart(name: str, sentences: list[Source], groups: list[list[int]]) -> None:
    events = [e for e in merge(sentences + BACKGROUND) if e.sources[0].article[:2] != "bg"]
    found = sorted(sorted(sentences.index(s) for s in (*e.sources, *e.conflicts)) for e in events)
    assert found == sorted(groups)


def test_a_sentence_naming_no_place_does_not_bridge_two_places() -> None:
    # The third report fits both the Douma and the Madaya report; it may join one of
    # them, but the two places must stay two events.
    sentences = [
        told("a", day("2016-12-30"), "Aid convoys reached besieged Douma on Friday, the UN said.", "Friday"),
        told("b", day("2016-12-30"), "Aid convoys reached besieged Madaya on Friday, the UN said.", "Friday"),
        told("c", day("2016-12-30"), "Aid convoys reached the besieged town on Friday, the UN said.", "Friday"),
    ]  # fmt: skip
    events = [e for e in merge(sentences + BACKGROUND) if e.sources[0].article in "abc"]
    groups = [{s.article for s in e.sources} for e in events]
    assert not any({"a", "b"} <= group for group in groups)
    assert sorted(a for group in groups for a in group) == ["a", "b", "c"]


def test_the_same_words_day_after_day_do_not_creep_into_one_event() -> None:
    # A live blog repeats one line every day from 1 to 8 Jan 2017. Outlets may disagree
    # on a day by two days (WINDOW), so no event may gather dates further apart.
    sentences = [
        told(f"blog{n}", day(f"2017-01-{n:02d}"), "Residents said the shelling had stopped, the first calm in weeks.")
        for n in range(1, 9)
    ]  # fmt: skip
    events = [e for e in merge(sentences + BACKGROUND) if e.sources[0].article.startswith("blog")]
    for event in events:
        days = [s.when.start for s in (*event.sources, *event.conflicts)]
        assert (max(days) - min(days)).days <= 2
    assert sum(len(e.sources) + len(e.conflicts) for e in events) == 8


def test_sources_that_disagree_on_the_day_become_conflicts() -> None:
    # Two outlets put the truce's start on Thursday 29 and Friday 30 Dec; a third agrees on
    # the 30th: the 30th has more sources, the 29th is listed as dissent.
    sentences = [
        told("a", day("2016-12-29"), "The nationwide truce in Syria took effect on Thursday.", "Thursday",
             published=dt.date(2016, 12, 29)),
        told("b", day("2016-12-30"), "The nationwide truce in Syria took effect on Friday.", "Friday"),
        told("c", day("2016-12-30"), "Syria's nationwide truce took effect on Friday, monitors said.", "Friday"),
    ]  # fmt: skip
    (event,) = [e for e in merge(sentences + BACKGROUND) if e.sources[0].article in "abc"]
    assert event.when.value == "2016-12-30"
    assert [s.article for s in event.sources] == ["b", "c"]
    assert [(s.article, s.when.value) for s in event.conflicts] == [("a", "2016-12-29")]
    assert event.reported == PUBLISHED


def test_a_utc_clock_agrees_with_the_local_midnight_a_zone_makes_of_it() -> None:
    # Fri 1 Mar 2019 (1 Jan 2019 a Tuesday, + 59 days = 8 weeks + 3 days), so Sat 2 and
    # Sun 3 Mar. 2200 GMT on Saturday is Sunday 00:00 in a zone two hours east of UTC, so
    # it agrees with the two local midnights; 1030 GMT on Monday is 34.5 hours after that
    # midnight, further than any zone's offset (UTC-12 to UTC+14): dissent.
    sentences = [
        told("a", day("2019-03-03", "00:00"), "The truce took effect at midnight local time.", "midnight"),
        told("b", day("2019-03-03", "00:00"), "The truce began at midnight, monitors said.", "midnight"),
        told("c", day("2019-03-02", "22:00", "2019-03-02T22:00:00Z"),
             "The truce started at 2200 GMT on Saturday night.", "2200 GMT"),
        told("d", day("2019-03-04", "10:30", "2019-03-04T10:30:00Z"),
             "The truce started at 1030 GMT on Monday.", "1030 GMT"),
    ]  # fmt: skip
    (event,) = [e for e in merge(sentences + BACKGROUND) if e.sources[0].article in "abcd"]
    assert (event.when.value, event.when.time) == ("2019-03-03", "00:00")
    assert [s.article for s in event.sources] == ["a", "b", "c"]
    assert [s.article for s in event.conflicts] == ["d"]


def test_one_article_s_utc_clock_and_its_local_midnight_are_one_day_of_one_truce() -> None:
    # Sat 2 Mar 2019 (see above). One article gives the truce's start as 2200 GMT on
    # Saturday and as local midnight (Sunday 00:00 two hours east of UTC): one instant,
    # not two days of two happenings. Its headline's date is the report's (Sunday): no
    # day of the happening's, so it joins too.
    sentences = [
        replace(told("a", day("2019-03-03"), "Truce takes effect in Karvana"),
                basis=Basis.REPORTED),
        told("a", day("2019-03-02", "22:00", "2019-03-02T22:00:00Z"),
             "The truce in Karvana started at 2200 GMT on Saturday night.", "2200 GMT", line=3),
        told("a", day("2019-03-03", "00:00"),
             "The truce in Karvana, which took effect at midnight local time, held.", "midnight",
             line=5),
        told("b", day("2019-03-03", "00:00"),
             "The truce in Karvana began at midnight, monitors said.", "midnight"),
    ]  # fmt: skip
    (event,) = [e for e in merge(sentences + BACKGROUND) if e.sources[0].article in "ab"]
    assert sorted((s.article, s.line) for s in (*event.sources, *event.conflicts)) == [
        ("a", 1), ("a", 3), ("a", 5), ("b", 1)
    ]  # fmt: skip


@pytest.mark.parametrize(("text", "places"), [
    ("Dozens of pro-Russian rebels were freed in Karvana.", {"karvana"}),
    ("The rebels hold half of Syrian territory near Dorvask.", {"dorvask"}),
    ("Shelling hit Russia-backed positions near Ostrel.", {"ostrel"}),
    ("The rulings of Turkish courts were read out.", set()),
])  # fmt: skip
def test_words_of_a_people_or_a_side_are_no_place(text: str, places: set[str]) -> None:
    assert words_of(text).places == places


def test_a_tie_keeps_the_most_precise_then_the_earliest_published() -> None:
    sentences = [
        told("late", day("2016-12-30"), "The nationwide truce in Syria took effect on Friday.", "Friday",
             published=dt.date(2017, 1, 2)),
        told("early", day("2016-12-29"), "The nationwide truce in Syria took effect on Thursday.", "Thursday",
             published=dt.date(2016, 12, 30)),
    ]  # fmt: skip
    (event,) = [
        e for e in merge(sentences + BACKGROUND) if e.sources[0].article in ("late", "early")
    ]
    assert event.when.value == "2016-12-29"
    assert event.reported == dt.date(2016, 12, 30)


def test_merge_is_independent_of_input_order() -> None:
    sentences = [s for _, group, _ in CASES for s in group] + BACKGROUND
    assert merge(sentences) == merge(list(reversed(sentences)))


def test_events_are_in_chronological_order_with_stable_distinct_ids() -> None:
    events = merge([s for _, group, _ in CASES for s in group] + BACKGROUND)
    keys = [e.when.sort_key for e in events]
    assert keys == sorted(keys)
    ids = [e.id for e in events]
    assert len(set(ids)) == len(ids)
    again = [s for e in events for s in (*e.sources, *e.conflicts)]
    assert ids == [e.id for e in merge(list(reversed(again)))]


@pytest.mark.parametrize(("a", "b"), [("Ja'afari", "Jaafari"), ("Fija", "Fijah"),
                                      ("talks", "talk"), ("Russia’s", "Russias")])  # fmt: skip
def test_spelling_variants_fold_together(a: str, b: str) -> None:
    assert normal(a) == normal(b)


def test_merged_event_keeps_every_source_once() -> None:
    sentences = [s for _, group, _ in CASES for s in group] + BACKGROUND
    events: list[Event] = list(merge(sentences))
    kept = [s for e in events for s in (*e.sources, *e.conflicts)]
    assert sorted(map(id, kept)) == sorted(map(id, sentences))


def test_an_event_first_reported_later_still_sorts_by_its_own_date(corpus: Corpus) -> None:
    # Alpha reports the shelling on Wed 1 Feb 2017 with no date word (basis: reported);
    # Beta dates it Tue 31 Jan 2017, and two origins make that the event's date. The
    # talks planned for Wed 1 Feb 2017 come after it.
    folder = corpus(
        {
            "a.txt": "---\npublished: 2017-02-01\noutlet: Alpha\n---\n"
            "Rebels shelled the Harasta district near Damascus, killing five civilians.\n",
            "b.txt": "---\npublished: 2017-02-03\noutlet: Beta\n---\n"
            "Rebels shelled the Harasta district near Damascus on 31 January 2017, "
            "killing five civilians.\n",
            "c.txt": "---\npublished: 2017-01-31\noutlet: Gamma\n---\n"
            "The envoys will meet in Astana on 1 February 2017 to talk about prisoners.\n",
        }
    )
    events = build_timeline([str(folder)]).timeline.events
    assert [(e.when.value, e.kind) for e in events] == [
        ("2017-01-31", "attack"),
        ("2017-02-01", "talks"),
    ]
