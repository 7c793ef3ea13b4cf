"""The compiled grammar: the trigger index finds what trying every rule finds, its
generated table is current, rules compile only when needed, and the pattern text is
the same in every process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriatl.grammar import compiled, grammar, scan, start_keys, syntax, trigger_table, triggers
from syriatl.patterns.rules import RULES

_START = r"(?<![^\W_])(?<![$€£¥#@])(?<!\d[.,:/])"
_END = r"(?:(?<=\d)(?!\d)|(?<=[^\W\d_])(?![^\W\d_])|(?<=[a-z])(?=[A-Z][a-z])|(?<=[^\w]))"


def _by_first_word() -> tuple[re.Pattern[str], dict[str, list[tuple[str, re.Pattern[str]]]]]:
    """The plain scanner the trigger index stands in for: every rule indexed by its
    first words only, each pattern with both of its guards."""
    index: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for rule in RULES:
        regex = re.compile(f"{_START}(?:{syntax.body(rule.pattern)}){_END}")
        for key in start_keys(rule.pattern):
            index.setdefault(key, []).append((rule.name, regex))
    words = sorted((k for k in index if k[0].isalpha()), key=lambda w: (-len(w), w))
    alternation = "|".join(f"[{w[0]}{w[0].upper()}]{re.escape(w[1:])}" for w in words)
    return re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])|(?<!\d)\d+"), index


_PLAIN = _by_first_word()


def _plain_scan(text: str) -> list[tuple[str, int, int]]:
    """The longest match at each first word, left to right (first in table order on a tie)."""
    starts, index = _PLAIN
    found, taken = [], 0
    for token in starts.finditer(text):
        pos = token.start()
        if pos < taken:
            continue
        digit = token.group()[0].isdigit()
        rules = index.get("#" if digit else token.group().lower(), [])
        quoted = digit and pos > 0 and text[pos - 1] in "'’"
        best: tuple[str, re.Match[str]] | None = None
        for start in (pos - 1, pos) if quoted else (pos,):
            for name, regex in rules:
                match = regex.match(text, start)
                if match and (best is None or match.end() > best[1].end()):
                    best = (name, match)
            if best:
                break
        if best:
            taken = best[1].end()
            found.append((best[0], best[1].start(), best[1].end()))
    return found


def _scan(text: str) -> list[tuple[str, int, int]]:
    return [(entry.rule.name, match.start(), match.end()) for entry, match in scan(text)]


# Words that begin rules, words after them, and words that begin none; the separators
# include none at all, so that words and numbers run together ("1990s", "monthImage").
_WORDS = (
    "the last past next this early mid late end of a an few several one two twenty-first "
    "twenty first second day days week weeks month months year years decade 1990s "
    "Tuesday tuesday Tuesdays Jan. January March May may Sept. sept spring summer "
    "noon midnight morning evening night ago later earlier since until before after "
    "Image Ramadan Christmas New Year's Eve GMT UTC a.m. p.m. am pm company talks said "
    "quarter half century 's ’ ' hour hours minutes today yesterday tomorrow now"
).split()
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(min_value=0, max_value=2100).map(str),
    st.sampled_from(["22nd", "1st", "0815", "'90s", "$5", "#1", "3.5", "10:30", "2016-03-01"]),
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "", ", ", ". ", "-", "/", "\n", " (", ") "])
_TEXTS = st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=14).map(
    lambda parts: "".join(token + separator for token, separator in parts)
)


@given(_TEXTS)
def test_the_trigger_index_finds_what_the_first_words_alone_find(text: str) -> None:
    assert _scan(text) == _plain_scan(text)


# Counted by hand: (text, (rule, start, end) of each match).
SCANS = [
    ("on Tuesday", [("weekday", 3, 10)]),
    ("the company said", []),
    # "the year" begins rules that "the company" does not.
    ("in the past year", [("relative-unit", 3, 16)]),
]


@pytest.mark.parametrize(("text", "matches"), SCANS)
def test_a_scan_names_the_rule_and_place_of_each_match(
    text: str, matches: list[tuple[str, int, int]]
) -> None:
    assert _scan(text) == _plain_scan(text) == matches


def test_the_generated_trigger_table_is_current() -> None:
    # When this fails, write the table again: python -m syriatl.grammar
    written = Path(trigger_table.__file__).read_text(encoding="utf-8")
    assert written == triggers.render(triggers.derive(), triggers.source_hash())


def test_a_stale_trigger_table_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trigger_table, "SOURCE_HASH", "0" * 64)
    monkeypatch.setattr(trigger_table, "TRIGGERS", {})
    assert triggers.load() == triggers.derive()
    assert len(triggers.load()) == len(RULES)


def test_a_rule_is_compiled_only_when_a_text_needs_it() -> None:
    compiled.cache_clear()
    list(scan("The company said nothing."))
    assert compiled.cache_info().currsize == 0
    list(scan("on Tuesday"))
    tried = grammar().choices["tuesday"].after.get("", grammar().choices["tuesday"].otherwise)
    assert 0 < compiled.cache_info().currsize == len(tried) < len(RULES)


_PATTERNS = """
from syriatl.grammar import grammar
print(grammar().triggers.pattern)
print("\\n".join(entry.regex.pattern for entry in grammar().rules))
"""


def _patterns(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _PATTERNS], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_compiled_pattern_text_does_not_depend_on_the_hash_seed() -> None:
    # Sets iterate in an order that changes with PYTHONHASHSEED; no pattern may follow it.
    first = _patterns("0")
    assert first.count("\n") > len(RULES)
    assert _patterns("1") == first
