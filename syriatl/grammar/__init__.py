"""Scan texts with the rule tables, compiling each rule the first time a text needs it.

One regular expression, the trigger scan, finds every word that can begin some rule (a
month name, "last", "the", a number ...) together with the word after it. The trigger
index (``syriatl.grammar.triggers``) says which rules can begin with that pair of words
("the year": five rules; "the company": none); only those are tried there, longest match
first, left to right. A rule's own expression is compiled when a text first needs it, so
a run pays only for the rules its texts can reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from syriatl.grammar.syntax import (
    GrammarError,
    alternatives,
    body,
    expand,
    first_words,
    prefix_tree,
    start_keys,
)
from syriatl.grammar.triggers import ANYTHING, Table, load
from syriatl.patterns.rules import RULES, Rule

__all__ = [
    "CompiledRule",
    "Grammar",
    "GrammarError",
    "alternatives",
    "compiled",
    "expand",
    "first_words",
    "grammar",
    "scan",
    "start_keys",
]

# A match may not start inside a word, after a currency sign, or inside a number. The
# trigger scan checks this once for every rule at a word it finds.
_START = r"(?<![^\W_])(?<![$€£¥#@])(?<!\d[.,:/])"
_START_HERE = re.compile(_START)
# ... nor end inside a word or a number; scraped captions glue credits on ("January
# 14Image:", "next monthImage:"), so a digit or a lowercase-to-capital step also ends one.
_END = r"(?:(?<=\d)(?!\d)|(?<=[^\W\d_])(?![^\W\d_])|(?<=[a-z])(?=[A-Z][a-z])|(?<=[^\w]))"
# Where a lowercase letter meets a capitalised word: the end of a word (see openings).
_CAPITAL_STEP = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule with its compiled pattern (to be tried where a match may start)."""

    rule: Rule
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Choice:
    """The rules (by their place in the table) to try at one first word: by the word that
    follows it, and whatever follows."""

    after: Mapping[str, tuple[int, ...]]
    otherwise: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Grammar:
    """The trigger scan and, for each first word it finds ("#": a number), the rules to try."""

    triggers: re.Pattern[str]
    choices: Mapping[str, Choice]

    @property
    def rules(self) -> tuple[CompiledRule, ...]:
        """Every rule compiled (all at once: for checks over the whole table)."""
        return tuple(compiled(i) for i in range(len(RULES)))


@cache
def compiled(index: int) -> CompiledRule:
    """The rule at ``index`` in the table, compiled on first use."""
    rule = RULES[index]
    try:
        # Grouped, so that a pattern with alternatives keeps the end guard on each.
        return CompiledRule(rule, re.compile(f"(?:{body(rule.pattern)}){_END}"))
    except re.error as error:
        raise GrammarError(f"rule {rule.name}: {error}") from None


def _choices(table: Table) -> dict[str, Choice]:
    """For each first word, the rules it can begin, by the second word."""
    place = {rule.name: i for i, rule in enumerate(RULES)}
    always: dict[str, set[int]] = {}
    after: dict[str, dict[str, set[int]]] = {}
    for name, rule_blocks in table.items():
        for firsts, seconds in rule_blocks:
            for first in firsts:
                if seconds == ANYTHING:
                    always.setdefault(first, set()).add(place[name])
                else:
                    by_second = after.setdefault(first, {})
                    for second in seconds:
                        by_second.setdefault(second, set()).add(place[name])
    out = {}
    for first in sorted(always.keys() | after.keys()):
        otherwise = always.get(first, set())
        by_second = after.get(first, {})
        out[first] = Choice(
            {second: tuple(sorted(rules | otherwise)) for second, rules in by_second.items()},
            tuple(sorted(otherwise)),
        )
    return out


def _trie(words: list[str]) -> str:
    """An alternation of words shaped as a prefix tree (fast to scan with ``re``); the first
    letter may be a capital."""
    firsts: dict[str, list[str]] = {}
    for word in words:
        firsts.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"[{head}{head.upper()}]{prefix_tree(rest)}" for head, rest in sorted(firsts.items())
    )


def _followed(choices: Mapping[str, Choice], paired: list[str]) -> str:
    """A check that the word after one of ``paired`` can be a second word of theirs.

    It is looser than the index (any case, a number for any number) and only spares the
    scan the words that begin nothing here ("the company").
    """
    seconds = sorted({w for first in paired for w in choices[first].after if w != "#"})
    digit = any("#" in choices[first].after for first in paired)
    options = ([r"\d"] if digit else []) + (
        [rf"(?i:{_trie(seconds)})(?:(?![^\W\d_])|(?<=[a-z])(?=[A-Z][a-z]))"] if seconds else []
    )
    return rf"(?=[\W_]*(?:{'|'.join(options) or '(?!)'}))"


def trigger_pattern(choices: Mapping[str, Choice]) -> str:
    """The trigger scan over a text with a newline put in front.

    It steps from one character that may come before a word (neither a letter nor a digit)
    to the next, the engine skipping the letters and digits between in one go, and matches
    that character when a rule may start just after it (``_START``) at a first word or a
    number. Groups: ``paired`` (a first word that begins rules only with
    certain second words, "the") or ``word`` or ``digits``, then ``after`` (the letters of
    the next word, which may be glued on: "1990s") or ``after_digit``. A first word with a
    hyphen ("twenty-first") found where no rule may start is ``shadow``: the words inside
    it are not first words of their own.
    """
    words = sorted(w for w in choices if w[0].isalpha())
    hyphenated = [w for w in words if not w.isalpha()]
    # A word that a hyphenated one begins with ("twenty") is looked for with it, so that
    # the longer wins as it does in one prefix tree.
    heads = {w for w in words for h in hyphenated if h.startswith(w) and h != w}
    paired = [w for w in words if not choices[w].otherwise and w.isalpha() and w not in heads]
    alone = [w for w in words if w not in paired]
    shadow = _trie(hyphenated) if hyphenated else "(?!)"
    return (
        r"[\W_](?:(?<![$€£¥#@])(?<!\d[.,:/])"
        rf"(?=(?:(?P<paired>{_trie(paired)})(?![^\W\d_]){_followed(choices, paired)}"
        rf"|(?P<word>{_trie(alone)})(?![^\W\d_])|(?P<digits>\d+))"
        r"[\W_]*(?:(?P<after>[^\W\d_]+)|(?P<after_digit>\d))?)"
        rf"|(?=(?P<shadow>{shadow})(?![^\W\d_])))"
    )


@cache
def grammar() -> Grammar:
    """The trigger scan and index, built on first use (the rules compile as needed)."""
    choices = _choices(load())
    return Grammar(re.compile(trigger_pattern(choices)), choices)


def _second(after: str | None, after_digit: str | None) -> str:
    """The word after a first word as the index spells it."""
    if after is None:
        return "#" if after_digit else ""
    if len(after) > 1 and not after[1:].islower():
        step = _CAPITAL_STEP.search(after)
        if step:
            after = after[: step.start()]
    return after.lower()


def _longest(
    text: str, pos: int, quoted: bool, rules: tuple[int, ...]
) -> tuple[CompiledRule, re.Match[str]] | None:
    """The longest match of ``rules`` at ``pos`` (first in table order on a tie), or None.

    A number after an apostrophe ("'90s") is tried from the apostrophe first.
    """
    starts = (pos - 1, pos) if quoted and _START_HERE.match(text, pos - 1) else (pos,)
    best: tuple[CompiledRule, re.Match[str]] | None = None
    for start in starts:
        for index in rules:
            entry = compiled(index)
            match = entry.regex.match(text, start)
            if match and (best is None or match.end() > best[1].end()):
                best = (entry, match)
        if best:
            return best
    return None


def scan(text: str, rules: Grammar | None = None) -> Iterator[tuple[CompiledRule, re.Match[str]]]:
    """Yield the longest rule match at each word that begins one, left to right, no overlaps."""
    compiled_grammar = rules or grammar()
    choices = compiled_grammar.choices
    taken = 0
    for hit in compiled_grammar.triggers.finditer("\n" + text):
        pos = hit.end() - 1
        if pos < taken:
            continue
        paired, word, digits, after, after_digit, shadow = hit.groups()
        word = paired or word
        if shadow:
            taken = pos + len(shadow)
            continue
        # The words inside a first word with a hyphen are not first words of their own.
        token_end = pos + len(word or digits)
        choice = choices.get(word.lower() if word else "#")
        if choice is None:
            taken = token_end
            continue
        # Most words after a first word are in lowercase already: no call for them.
        second = after if after is not None and after.islower() else _second(after, after_digit)
        candidates = choice.after.get(second, choice.otherwise)
        taken = token_end
        if not candidates:
            continue
        if digits is not None and pos > 0 and text[pos - 1] in "'’":
            best = _longest(text, pos, True, candidates)
        elif len(candidates) == 1:  # the one rule there is: no longest to choose
            entry = compiled(candidates[0])
            match = entry.regex.match(text, pos)
            best = (entry, match) if match else None
        else:
            best = _longest(text, pos, False, candidates)
        if best:
            taken = max(taken, best[1].end())
            yield best
