"""Compile the rule tables once and scan texts with them.

The scanner never runs every rule over the whole text: it walks the words of the text
and, at each word that can begin some rule (a month name, "last", a digit ...), tries
only the rules indexed under that word, keeping the longest match. That keeps tagging
fast on long texts while the rules stay plain regular expressions.
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
    start_keys,
)
from syriatl.patterns.rules import RULES, Rule

__all__ = [
    "CompiledRule",
    "Grammar",
    "GrammarError",
    "alternatives",
    "expand",
    "first_words",
    "grammar",
    "scan",
    "start_keys",
]

# A match may not start inside a word, after a currency sign, or inside a number.
_START = r"(?<![^\W_])(?<![$€£¥#@])(?<!\d[.,:/])"
# ... nor end inside a word or a number; scraped captions glue credits on ("January
# 14Image:", "next monthImage:"), so a digit or a lowercase-to-capital step also ends one.
_END = r"(?:(?<=\d)(?!\d)|(?<=[^\W\d_])(?![^\W\d_])|(?<=[a-z])(?=[A-Z][a-z])|(?<=[^\w]))"


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule with its compiled pattern."""

    rule: Rule
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Candidates:
    """The rules that can begin at one word, and one pattern that matches where any does
    (most words begin no expression: one failed match rules them all out)."""

    any: re.Pattern[str]
    rules: tuple[CompiledRule, ...]


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled rules indexed by the lowercased first word that can begin them ("#": digits)."""

    rules: tuple[CompiledRule, ...]
    index: Mapping[str, Candidates]
    starts: re.Pattern[str]


@cache
def grammar() -> Grammar:
    """The compiled rule table, built on first use."""
    compiled: list[CompiledRule] = []
    index: dict[str, list[CompiledRule]] = {}
    for rule in RULES:
        try:
            # Grouped, so that a pattern with alternatives keeps both edges on each.
            regex = re.compile(f"{_START}(?:{body(rule.pattern)}){_END}")
        except re.error as error:
            raise GrammarError(f"rule {rule.name}: {error}") from None
        entry = CompiledRule(rule, regex)
        compiled.append(entry)
        for key in start_keys(rule.pattern):
            index.setdefault(key, []).append(entry)
    words = sorted(k for k in index if k[0].isalpha())
    starts = re.compile(rf"(?<![^\W\d_])(?:{_trie(words)})(?![^\W\d_])|(?<!\d)\d+")
    return Grammar(tuple(compiled), {k: _candidates(v) for k, v in index.items()}, starts)


def _trie(words: list[str]) -> str:
    """An alternation of words shaped as a prefix tree (fast to scan with ``re``); the first
    letter may be a capital."""

    def branch(suffixes: list[str]) -> str:
        heads: dict[str, list[str]] = {}
        ends = False
        for suffix in suffixes:
            if suffix:
                heads.setdefault(suffix[0], []).append(suffix[1:])
            else:
                ends = True
        if not heads:
            return ""
        alternatives = [re.escape(head) + branch(rest) for head, rest in sorted(heads.items())]
        body = "(?:" + "|".join(alternatives) + ")"
        return body + ("?" if ends else "")

    firsts: dict[str, list[str]] = {}
    for word in words:
        firsts.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"[{head}{head.upper()}]{branch(rest)}" for head, rest in sorted(firsts.items())
    )


def _candidates(rules: list[CompiledRule]) -> Candidates:
    unnamed = [re.sub(r"\(\?P<\w+>", "(?:", r.regex.pattern) for r in rules]
    return Candidates(re.compile("|".join(f"(?:{p})" for p in unnamed)), tuple(rules))


def scan(text: str, rules: Grammar | None = None) -> Iterator[tuple[CompiledRule, re.Match[str]]]:
    """Yield the longest rule match at each word that begins one, left to right, no overlaps."""
    compiled = rules or grammar()
    table = compiled.index
    taken = 0
    for token in compiled.starts.finditer(text):
        pos = token.start()
        if pos < taken:
            continue
        word = token.group()
        digit = word[0].isdigit()
        candidates = table.get("#" if digit else word.lower())
        if candidates is None:
            continue
        starts = (pos - 1, pos) if digit and pos and text[pos - 1] in "'’" else (pos,)
        best: tuple[CompiledRule, re.Match[str]] | None = None
        for start in starts:
            if not candidates.any.match(text, start):
                continue
            for entry in candidates.rules:
                match = entry.regex.match(text, start)
                if match and (best is None or match.end() > best[1].end()):
                    best = (entry, match)
            if best:
                break
        if best:
            taken = best[1].end()
            yield best
