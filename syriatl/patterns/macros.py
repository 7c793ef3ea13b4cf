"""The ``{name}`` macros the rule patterns are written with, built from the vocabulary.

Each macro is a regular expression without capturing groups. Word lists from lowercase
vocabulary also match with a capital first letter (sentence starts), never in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from syriatl.patterns import vocab

_SMALL = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _cap(word: str) -> str:
    """A word as a pattern that also matches it with a capital first letter."""
    head, rest = word[0], re.escape(word[1:])
    if head.isalpha() and head.islower():
        return f"[{head}{head.upper()}]{rest}"
    return re.escape(head) + rest


def words(forms: Iterable[str], capital: bool = True) -> str:
    """An alternation of word forms, longest first; spaces in forms match any whitespace."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    parts = [(_cap(f) if capital else re.escape(f)).replace(r"\ ", r"\s+") for f in ordered]
    return "(?:" + "|".join(parts) + ")"


def _months(forms: Iterable[str]) -> str:
    out = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        short = len(form) <= 4 and form not in {"May", "June", "July"}
        out.append(re.escape(form) + (r"\.?" if short else ""))
    return "(?:" + "|".join(out) + ")"


_NUMBER_WORD = f"(?:{words(_TENS)}(?:[- ]{words(_SMALL[:9], capital=False)})?|{words(_SMALL)})"
_FUZZY = words(vocab.FUZZY_NUMBERS)
_ABBREVIATED = [f + "." for f in vocab.MONTHS if len(f) <= 4 and f[0].isupper()
                and f not in {"May", "June", "July"}]  # fmt: skip

MACROS: dict[str, str] = {
    "year": r"(?:1[5-9]\d\d|20\d\d)(?!\d)",
    "monthnum": r"(?:1[0-2]|0?[1-9])",
    "daynum": r"(?:3[01]|[12]\d|0?[1-9])",
    "hour": r"(?:2[0-4]|[01]?\d)",
    "minute": r"[0-5]\d(?!\d)",
    "hhmm": r"(?:[01]\d|2[0-4])[0-5]\d",
    "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
    "month": _months(vocab.MONTHS),
    "month_alone": _months(vocab.MONTH_NAMES_ALONE)[:-1]
    + "|"
    + "|".join(re.escape(a) for a in sorted(set(_ABBREVIATED), key=lambda f: (-len(f), f)))
    + ")",
    "month_any": _months(f for f in vocab.MONTHS if f[0].isupper()),
    "weekday": words(vocab.WEEKDAYS, capital=False),
    "weekday_plural": words((f + "s" for f in vocab.WEEKDAYS if f.endswith("day")), False),
    "count": rf"(?:(?:\d+(?:\.\d+| 1/2)?|{_NUMBER_WORD}|{words(['a', 'an'])})"
    rf"(?:\s+(?:hundred|thousand))?(?:\s+and\s+a\s+half)?|{_FUZZY})",
    "unit": words(vocab.UNITS),
    # Lowercase only: a capitalised "This Week" is a programme's name.
    "unit_cal": words(
        ["day", "week", "weekend", "month", "quarter", "year", "decade", "century", "night"],
        capital=False,
    ),
    "unit_plural": words(f for f in vocab.UNITS if f.endswith("s")),
    "fuzzy_plural": words(["some", "several", "many"]),
    "pod": words(vocab.PARTS_OF_DAY),
    "season": words(s for s in vocab.SEASONS if s != "fall"),
    "season_any": words(vocab.SEASONS),
    "rel": words(["last", "past", "previous", "next", "coming", "upcoming", "this", "current"]),
    "rel_weekday": words(["last", "next", "this", "coming", "past"]),
    "yrel": words(["this", "last", "next"]),
    "this_last": words(["this", "last"]),
    "anaphoric": words(["following", "next", "previous", "preceding", "same", "prior"]),
    "span": words(["past", "last", "next", "first", "previous", "coming", "final", "following"]),
    "deictic": words(vocab.DEICTIC_DAYS),
    "position": words(["early", "mid", "late"]),
    "earlylate": words(["early", "earlier", "late", "later"]),
    "edge": words(["end", "beginning", "start", "middle", "close"]),
    "hedge": words(vocab.HEDGES),
    "later": words(["later", "earlier", "after", "before", "afterwards", "afterward"]),
    "ordinal": rf"(?:{words(w for w in vocab.ORDINALS if w[0].isalpha())}"
    r"|\d{1,2}(?:st|nd|rd|th))",
    "quarter": words(["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"]),
    "half": words(["first", "second", "1st", "2nd"]),
    "decade": r"(?:['’]\d0|1[5-9]\d0|20\d0)",
    "decadeword": words(vocab.DECADE_WORDS, capital=False),
    "yearword": words(vocab.YEAR_WORDS_CENTURY),
    "yearrest": rf"(?:{words(_TENS, False)}(?:[- ]{words(_SMALL[:9], False)})?"
    rf"|{words(_SMALL, False)}|hundred)",
    # Proper names: capitalised only, and "New Year's" with either apostrophe.
    "holiday": words(
        [*vocab.HOLIDAYS, *(h.replace("'", "’") for h in vocab.HOLIDAYS if "'" in h)],
        capital=False,
    ),
    "freq": words(vocab.FREQUENCIES),
    "ref": words(vocab.REFS),
    "ampm": r"(?:[ap]\.m\.?|[ap]m\b|[AP]M\b)",
    # The half of the day a bare hour is said in: "at 4 in the morning" is 4 a.m.
    "dayhalf": r"in the (?:morning|afternoon|evening)",
    "zone": words(vocab.ZONES, capital=False),
    "zone_utc": r"(?:GMT|UTC)",
}
