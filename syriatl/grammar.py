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

from syriatl.patterns import vocab
from syriatl.patterns.macros import MACROS
from syriatl.patterns.rules import RULES, Rule

_MACRO = re.compile(r"\{([a-z_]+?)(\d?)\}")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# A match may not start inside a word, after a currency sign, or inside a number.
_START = r"(?<![^\W_])(?<![$€£¥#@])(?<!\d[.,:/])"
# ... nor end inside a word or a number; scraped captions glue credits on ("January
# 14Image:", "next monthImage:"), so a digit or a lowercase-to-capital step also ends one.
_END = r"(?:(?<=\d)(?!\d)|(?<=[^\W\d_])(?![^\W\d_])|(?<=[a-z])(?=[A-Z][a-z])|(?<=[^\w]))"
_DIGIT_SAMPLES = ("7", "22", "22nd", "1990", "2016", "0815", "'90", "1st")


class GrammarError(ValueError):
    """A rule table entry that cannot be compiled or indexed."""


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


def _spaces(pattern: str) -> str:
    """Turn literal spaces into whitespace: ``\\s+`` (``\\s*`` for " ?"), ``\\s`` in classes."""
    out, depth, escaped, optional = [], 0, False, False
    for i, char in enumerate(pattern):
        if optional:
            optional = False
            continue
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            depth += 1
            out.append(char)
        elif char == "]":
            depth = max(0, depth - 1)
            out.append(char)
        elif char == " " and depth:
            out.append(r"\s")
        elif char == " ":
            optional = pattern.startswith("?", i + 1)
            out.append(r"\s*" if optional else r"\s+")
        else:
            out.append(char)
    return "".join(out)


def expand(pattern: str) -> str:
    """The regular expression a rule pattern stands for, with its named groups."""

    def macro(match: re.Match[str]) -> str:
        name, suffix = match.group(1), match.group(2)
        if name not in MACROS:
            raise GrammarError(f"unknown macro {{{name}}} in {pattern!r}")
        return f"(?P<{name}{suffix}>{MACROS[name]})"

    return _MACRO.sub(macro, _spaces(pattern))


def _universe() -> frozenset[str]:
    tables: list[Mapping[str, object] | frozenset[str]] = [
        vocab.MONTHS,
        vocab.WEEKDAYS,
        vocab.NUMBERS,
        vocab.FUZZY_NUMBERS,
        vocab.ORDINALS,
        vocab.UNITS,
        vocab.PARTS_OF_DAY,
        vocab.SEASONS,
        vocab.RELATIONS,
        vocab.DEICTIC_DAYS,
        vocab.POSITIONS,
        vocab.HEDGES,
        vocab.REFS,
        vocab.FREQUENCIES,
        vocab.ZONES,
        vocab.YEAR_WORDS_CENTURY,
        vocab.DECADE_WORDS,
        vocab.HOLIDAYS,
    ]
    forms = {form for table in tables for form in table}
    forms |= {w for source in MACROS.values() for w in re.findall(r"[A-Za-z]+", source)}
    forms |= {f + "s" for f in vocab.WEEKDAYS} | {f + "." for f in vocab.MONTHS}
    return frozenset(forms)


def first_words(macro: str) -> frozenset[str]:
    """The lowercased first words a macro can begin with; "#" stands for any number."""
    regex = re.compile(MACROS[macro])
    found = {
        form.split()[0].lower().rstrip(".")
        for form in _universe()
        if any(regex.fullmatch(f) for f in (form, form.capitalize()))
    }
    if any(regex.fullmatch(sample) for sample in _DIGIT_SAMPLES):
        found.add("#")
    return frozenset(found)


_LOOKBEHIND = re.compile(r"\(\?<?[=!]")


def _skip_group(pattern: str, start: int) -> int:
    """The index just past the parenthesised group opening at ``start``."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise GrammarError(f"unbalanced parentheses in {pattern!r}")


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``. One flat alternation scans faster than
    nested groups: the engine skips at once an alternative whose first letter differs."""
    out, current, depth, i, in_class = [], [], 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    out.append("".join(current))
    return out


def _zero_width(pattern: str) -> bool:
    """True when a pattern is nothing but lookbehind assertions."""
    i = 0
    while i < len(pattern) and _LOOKBEHIND.match(pattern, i):
        i = _skip_group(pattern, i)
    return i == len(pattern) > 0


def start_keys(pattern: str) -> frozenset[str]:
    """The first words (lowercased, "#" for numbers) a rule pattern can begin with."""
    keys: set[str] = set()
    i = 0
    while i < len(pattern):
        if _LOOKBEHIND.match(pattern, i):
            i = _skip_group(pattern, i)
            continue
        macro = _MACRO.match(pattern, i)
        if macro:
            return frozenset(keys | first_words(macro.group(1)))
        group = re.match(r"\(\?(?::|P<\w+>)", pattern[i:])
        if group:
            end = _skip_group(pattern, i)
            branches = alternatives(pattern[i + group.end() : end - 1])
            if all(_zero_width(a) for a in branches):
                i = end
                continue
            for alternative in branches:
                keys |= start_keys(alternative.strip())
            if pattern.startswith("?", end):
                i = end + 1
                continue
            return frozenset(keys)
        word = re.match(r"[A-Za-z]+", pattern[i:])
        if word:
            return frozenset(keys | {word.group().lower()})
        raise GrammarError(f"cannot tell how {pattern!r} begins")
    return frozenset(keys)


def _capitalise_first_word(source: str) -> str:
    """Let a literal first word of a pattern match at a sentence start ("The past year")."""
    return re.sub(
        r"^((?:\(\?:)?)([a-z])", lambda m: f"{m.group(1)}[{m.group(2)}{m.group(2).upper()}]", source
    )


@cache
def grammar() -> Grammar:
    """The compiled rule table, built on first use."""
    compiled: list[CompiledRule] = []
    index: dict[str, list[CompiledRule]] = {}
    for rule in RULES:
        try:
            # Grouped, so that a pattern with alternatives keeps both edges on each.
            body = _capitalise_first_word(expand(rule.pattern))
            regex = re.compile(f"{_START}(?:{body}){_END}")
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
