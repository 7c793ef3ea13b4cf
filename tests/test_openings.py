"""Reading the first two words of a pattern's matches off the pattern itself."""

from __future__ import annotations

import pytest

from syriatl.grammar.openings import Unsupported, openings

# (pattern, the (first word, second word) pairs its matches open with). "#" is a run of
# digits, "" no second word, "*" a word the pattern does not spell out.
CASES = [
    # Each branch of an alternation gives its own pair.
    (r"the (?:past|last) year", {("the", "past"), ("the", "last")}),
    # A class of the two cases of a letter is that letter; a digit class is "#".
    (r"[Mm]ay \d", {("may", "#")}),
    # An optional second word: the match may hold one word only.
    (r"next(?: week)?", {("next", "week"), ("next", "")}),
    # "mid-March" is two words; "midMarch" may end a word at the capital or not.
    (r"mid-?March", {("mid", "march"), ("*", "")}),
    (r"noonTime", {("*", "")}),
    # Lookarounds consume nothing.
    (r"(?<![a-z])may", {("may", "")}),
    (r"(?=x)ab|cd", {("ab", ""), ("cd", "")}),
    # An apostrophe separates; letters glued to digits are a word of their own.
    (r"['’]\d0s", {("#", "s")}),
    (r"\d{1,2}(?:st|nd)", {("#", "st"), ("#", "nd")}),
    # A class of many letters reads as any word.
    (r"[a-z]+ day", {("*", "day")}),
    (r"(?:a|an) hour", {("a", "hour"), ("an", "hour")}),
    (r"midnight,?\s+Tuesday", {("midnight", "tuesday")}),
    (r"[Ss]ept\.", {("sept", "")}),
]


@pytest.mark.parametrize(("pattern", "pairs"), CASES)
def test_the_opening_words_of_a_pattern(pattern: str, pairs: set[tuple[str, str]]) -> None:
    assert openings(pattern) == pairs


@pytest.mark.parametrize("pattern", [r"(?i)may", r"\p{L}", r"a(?#note)", r"(?:may"])
def test_syntax_outside_the_subset_is_refused(pattern: str) -> None:
    with pytest.raises(Unsupported):
        openings(pattern)
