"""Invariants of resolution and merging, checked over many generated cases."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from syriatl import timex
from syriatl.chronicle.happenings import happening
from syriatl.chronicle.merge import merge
from syriatl.detect import detect
from syriatl.model import Anchor, AnchorKind, Direction, Event, Precision, Source, When
from syriatl.resolve import resolve, weekday_date
from syriatl.tagger import tag

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
weekdays = st.integers(min_value=0, max_value=6)
NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@given(days, weekdays)
def test_a_past_weekday_lies_in_the_seven_days_up_to_its_anchor(day: dt.date, weekday: int) -> None:
    found = weekday_date(day, weekday, None, Direction.PAST)
    assert found.weekday() == weekday
    assert 0 <= (day - found).days <= 6


@given(days, weekdays)
def test_a_future_weekday_lies_in_the_seven_days_from_its_anchor(
    day: dt.date, weekday: int
) -> None:
    found = weekday_date(day, weekday, None, Direction.FUTURE)
    assert found.weekday() == weekday
    assert 0 <= (found - day).days <= 6


@given(days, weekdays)
def test_last_is_two_to_eight_days_back_and_next_strictly_after(day: dt.date, weekday: int) -> None:
    last = weekday_date(day, weekday, -1, Direction.NONE)
    following = weekday_date(day, weekday, 1, Direction.NONE)
    # "last X": the latest such day that is neither the reference day nor the day before.
    assert last.weekday() == weekday
    assert (day - last).days >= 2
    # ... and the latest: the same weekday a week on is the day before or later.
    assert last + dt.timedelta(weeks=1) >= day - dt.timedelta(days=1)
    assert following.weekday() == weekday
    assert 1 <= (following - day).days <= 7


def _value(phrase: str, anchor: Anchor) -> str:
    mention = detect(phrase)[0]
    return resolve(mention, anchor).value


@given(days)
def test_next_month_is_the_following_month_across_year_ends(day: dt.date) -> None:
    anchor = Anchor(AnchorKind.GIVEN, day)
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    assert _value("next month", anchor) == f"{year:04d}-{month:02d}"
    assert _value("last year", anchor) == f"{day.year - 1:04d}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def _gap_a_year_earlier(first: dt.date, day: dt.date) -> int:
    """Days from ``day`` to the nearest day of the month that starts on ``first``, a year
    earlier."""
    year, month = first.year - 1, first.month
    back, back_last = dt.date(year, month, 1), dt.date(year, month, monthrange(year, month)[1])
    return max((back - day).days, (day - back_last).days, 0)


@given(days, st.integers(min_value=1, max_value=12))
def test_a_year_less_month_after_a_decisive_cue_lies_in_the_year_from_its_anchor(
    day: dt.date, month: int
) -> None:
    value = _value(f"They will meet in {MONTHS[month - 1]}.", Anchor(AnchorKind.GIVEN, day))
    first, last, _ = timex.span(value) or (None, None, None)
    assert first is not None and last is not None
    assert first.month == month
    assert last >= day and (first - day).days < 366


@given(days, st.integers(min_value=1, max_value=12))
def test_a_month_a_past_verb_directly_governs_lies_in_the_year_up_to_its_anchor(
    day: dt.date, month: int
) -> None:
    value = _value(f"Prices fell in {MONTHS[month - 1]}.", Anchor(AnchorKind.GIVEN, day))
    first, last, _ = timex.span(value) or (None, None, None)
    assert first is not None and last is not None
    assert first.month == month
    assert first <= day and (day - first).days < 366


@given(days, st.integers(min_value=1, max_value=12))
def test_a_weak_past_cue_yields_only_to_a_much_nearer_month(day: dt.date, month: int) -> None:
    # "extended to": the past verb hands the month to the deadline, so it only tips.
    sentence = f"The deadline was extended to {MONTHS[month - 1]}."
    value = _value(sentence, Anchor(AnchorKind.GIVEN, day))
    first, last, _ = timex.span(value) or (None, None, None)
    assert first is not None and last is not None
    assert first.month == month and abs((first - day).days) < 366
    if first > day:
        # The same month a year earlier was more than 4 times (plus 30 days) as far.
        assert _gap_a_year_earlier(first, day) > 4 * (first - day).days + 30


@given(days, st.integers(min_value=1, max_value=12))
def test_a_month_with_no_cue_leans_back_unless_the_next_is_a_month_nearer(
    day: dt.date, month: int
) -> None:
    value = _value(f"He hoped for the {MONTHS[month - 1]} talks.", Anchor(AnchorKind.GIVEN, day))
    first, last, _ = timex.span(value) or (None, None, None)
    assert first is not None and last is not None
    if first > day:
        assert _gap_a_year_earlier(first, day) > (first - day).days + 30
    else:
        assert (day - first).days < 366


UNITS = {"days": "D", "weeks": "W", "months": "M", "years": "Y"}


@given(days, st.integers(min_value=2, max_value=40), st.sampled_from(sorted(UNITS)))
def test_a_count_after_an_event_is_its_length(day: dt.date, count: int, unit: str) -> None:
    sentence = (
        f"Talks opened on {day:%B} {day.day}, {day.year}. It fell {count} {unit} after they began."
    )
    found = [r for r in tag(sentence, day) if r.mention.text == f"{count} {unit}"]
    assert [(r.value, r.type.value) for r in found] == [(f"P{count}{UNITS[unit]}", "DURATION")]


@given(
    days,
    st.times(),
    st.sampled_from(
        [
            "on Friday",
            "next month",
            "yesterday",
            "last week",
            "December 14",
            "this morning",
            "two years ago",
        ]
    ),
)
def test_results_never_depend_on_the_anchors_time_of_day(
    day: dt.date, time: dt.time, phrase: str
) -> None:
    bare = Anchor(AnchorKind.GIVEN, day)
    timed = Anchor(AnchorKind.ENTRY, day, time, "UPDATE")
    assert _value(phrase, bare) == _value(phrase, timed)


@given(days, weekdays)
def test_a_weekday_naming_the_reference_day_is_that_day_whatever_the_tense(
    day: dt.date, _: int
) -> None:
    name = NAMES[day.weekday()]
    anchor = Anchor(AnchorKind.GIVEN, day)
    for sentence in (f"They met on {name}.", f"They will meet on {name}."):
        mention = next(m for m in detect(sentence) if m.text == name)
        assert resolve(mention, anchor).value == day.isoformat()


sentences = st.sampled_from(
    [
        "The truce in Idlib held, monitors said.",
        "Monitors said the Idlib truce held.",
        "Air strikes hit Douma.",
        "Talks on Douma's future ended.",
        "Aid reached Madaya.",
    ]
)


def _told(rows: list[tuple[str, str, int]]) -> list[Source]:
    """Dated mentions as ``events`` makes them: each sentence's happening read from it."""
    told = []
    for line, (article, text, day) in enumerate(rows):
        date = dt.date(2019, 3, day)
        when = When(date.isoformat(), Precision.DAY, date, date)
        told.append(
            Source(article, text, None, "t", line, when, published=date, happening=happening(text))
        )
    return told


stories = st.lists(st.tuples(st.sampled_from("abc"), sentences, st.integers(1, 3)), max_size=8)


@given(stories, st.randoms())
def test_merging_is_independent_of_input_order(
    rows: list[tuple[str, str, int]], rnd: object
) -> None:
    told = _told(rows)
    shuffled = list(told)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert merge(told) == merge(shuffled)


@given(stories, st.integers(2, 6))
def test_copying_a_corpus_under_other_names_only_multiplies_the_sources(
    rows: list[tuple[str, str, int]], copies: int
) -> None:
    told = _told(rows)
    copied = [replace(s, article=f"{s.article}-copy{n}") for n in range(1, copies) for s in told]

    def shape(events: Iterable[Event]) -> list[tuple[object, ...]]:
        # An event as its date, text and the sentences it gathers, copies folded in.
        def refs(sources: Iterable[Source]) -> Counter[tuple[str, int]]:
            return Counter((s.article.split("-copy")[0], s.line) for s in sources)

        return sorted(
            (
                e.when.value,
                e.text,
                sorted(refs(e.sources).items()),
                sorted(refs(e.conflicts).items()),
            )
            for e in events
        )

    once, many = merge(told), merge(told + copied)
    assert len(many) == len(once)
    multiplied = [
        (date, text, [(r, n * copies) for r, n in agree], [(r, n * copies) for r, n in dissent])
        for date, text, agree, dissent in shape(once)
    ]
    assert shape(many) == multiplied


@given(sentences, st.integers(0, 60))
def test_no_happening_is_longer_than_its_sentence(sentence: str, cut: int) -> None:
    text = f"{sentence[:cut]} on Tuesday {sentence[cut:]}"
    at = text.index("Tuesday")
    told = happening(text, at, at + len("Tuesday"))
    assert len(told.text) <= len(text)
    assert told.text in " ".join(text.split()) or set(told.text.split()) <= set(text.split())
