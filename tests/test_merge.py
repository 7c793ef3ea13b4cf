"""Merging: one happening told twice is one event; two happenings stay two."""

from __future__ import annotations

import datetime as dt

import pytest

from syriatl.merge import merge, normal
from syriatl.model import Event, Precision, Source, When

DAY = When("2019-03-08", Precision.DAY, dt.date(2019, 3, 8), dt.date(2019, 3, 8))
MONTH = When("2019-04", Precision.MONTH, dt.date(2019, 4, 1), dt.date(2019, 4, 30))


def event(article: str, text: str, when: When = DAY, line: int = 1) -> Event:
    source = Source(article, text, None, "test", line, published=dt.date(2019, 3, 9))
    return Event(when, text, (source,))


# (first sentence, second sentence, same article?, expected number of events)
CASES = [
    # The same truce told by two outlets.
    (
        "The truce in Idlib held on Friday, monitors said.",
        "Monitors said the Idlib truce held on Friday.",
        False,
        1,
    ),
    # The same talks, announced in two wordings, a month ahead.
    (
        "The opposition will join a new round of peace talks in Geneva next month.",
        "Government and opposition are due to meet in Geneva next month for peace talks.",
        False,
        1,
    ),
    # Transliteration variants of one name.
    (
        "Ja'afari said the offensive on Wadi Barada would go on.",
        "Jaafari vowed the Wadi Barada offensive would continue.",
        False,
        1,
    ),
    # Two happenings of one day, sharing only the place.
    ("Air strikes hit Douma on Friday.", "Talks on Douma's future ended on Friday.", False, 2),
    # Two sentences of one article are two happenings unless they repeat each other.
    ("The foreign minister met the envoy.", "The foreign minister spoke to reporters.", True, 2),
    (
        "Assad told Putin on Wednesday that he was ready to help.",
        "Assad told Putin (above) on Wednesday that he was ready to help.",
        True,
        1,
    ),
]


@pytest.mark.parametrize(("first", "second", "same_article", "count"), CASES)
def test_merge_or_keep_apart(first: str, second: str, same_article: bool, count: int) -> None:
    when = MONTH if "next month" in first else DAY
    a = event("a", first, when)
    b = event("a" if same_article else "b", second, when, line=2)
    assert len(merge([a, b])) == count


def test_different_dates_or_precisions_never_merge() -> None:
    text = "Peace talks open in Geneva."
    assert len(merge([event("a", text, DAY), event("b", text, MONTH)])) == 2


def test_merge_is_independent_of_input_order() -> None:
    events = [
        event(a, t)
        for a, t in (
            ("a", "The truce in Idlib held on Friday."),
            ("b", "Monitors said the Idlib truce held."),
            ("c", "Air strikes hit Douma on Friday."),
        )
    ]
    assert merge(events) == merge(list(reversed(events)))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ja'afari", "Jaafari"), ("Fija", "Fijah"), ("talks", "talk"), ("Russia’s", "Russias")],
)
def test_spelling_variants_fold_together(a: str, b: str) -> None:
    assert normal(a) == normal(b)
