"""The language rule patterns are written in: macros, spaces, and the words a rule begins with.

A rule pattern is a regular expression in which ``{name}`` stands for a vocabulary macro
and a single space for any run of whitespace (see ``syriatl.patterns.rules``). This module
expands patterns into plain regular expressions and reads which first words can begin
them; it compiles nothing that a scan uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from syriatl.patterns import vocab
from syriatl.patterns.macros import MACROS

MACRO = re.compile(r"\{([a-z_]+?)(\d?)\}")
_DIGIT_SAMPLES = ("7", "22", "22nd", "1990", "2016", "0815", "'90", "1st")
_LOOKBEHIND = re.compile(r"\(\?<?[=!]")
_GROUP = re.compile(r"\(\?(?::|P<\w+>)")
_WORD = re.compile(r"[A-Za-z]+")


class GrammarError(ValueError):
    """A rule table entry that cannot be compiled or indexed."""


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

    return MACRO.sub(macro, _spaces(pattern))


def capitalise_first_word(source: str) -> str:
    """Let a literal first word of a pattern match at a sentence start ("The past year")."""
    return re.sub(
        r"^((?:\(\?:)?)([a-z])", lambda m: f"{m.group(1)}[{m.group(2)}{m.group(2).upper()}]", source
    )


def body(pattern: str) -> str:
    """The regular expression a rule's matches are made of, without the guards at its edges."""
    return capitalise_first_word(expand(pattern))


@cache
def universe() -> frozenset[str]:
    """Every word form the vocabulary and the macros spell out: the forms a macro's first
    words are looked for among."""
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
    forms |= {w for source in MACROS.values() for w in _WORD.findall(source)}
    forms |= {f + "s" for f in vocab.WEEKDAYS} | {f + "." for f in vocab.MONTHS}
    return frozenset(forms)


@cache
def first_words(macro: str) -> frozenset[str]:
    """The lowercased first words a macro can begin with; "#" stands for any number."""
    regex = re.compile(MACROS[macro])
    found = {
        form.split()[0].lower().rstrip(".")
        for form in universe()
        if any(regex.fullmatch(f) for f in (form, form.capitalize()))
    }
    if any(regex.fullmatch(sample) for sample in _DIGIT_SAMPLES):
        found.add("#")
    return frozenset(found)


def skip_group(pattern: str, start: int) -> int:
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
        i = skip_group(pattern, i)
    return i == len(pattern) > 0


def start_keys(pattern: str) -> frozenset[str]:
    """The first words (lowercased, "#" for numbers) a rule pattern can begin with."""
    keys: set[str] = set()
    i = 0
    while i < len(pattern):
        if _LOOKBEHIND.match(pattern, i):
            i = skip_group(pattern, i)
            continue
        macro = MACRO.match(pattern, i)
        if macro:
            return frozenset(keys | first_words(macro.group(1)))
        group = _GROUP.match(pattern, i)
        if group:
            end = skip_group(pattern, i)
            branches = alternatives(pattern[group.end() : end - 1])
            if all(_zero_width(a) for a in branches):
                i = end
                continue
            for alternative in branches:
                keys |= start_keys(alternative.strip())
            if pattern.startswith("?", end):
                i = end + 1
                continue
            return frozenset(keys)
        word = _WORD.match(pattern, i)
        if word:
            return frozenset(keys | {word.group().lower()})
        raise GrammarError(f"cannot tell how {pattern!r} begins")
    return frozenset(keys)


def _fork(suffixes: Iterable[str]) -> tuple[dict[str, list[str]], bool]:
    """The suffixes by their first letter, and whether one of them is empty."""
    heads: dict[str, list[str]] = {}
    ends = False
    for suffix in suffixes:
        if suffix:
            heads.setdefault(suffix[0], []).append(suffix[1:])
        else:
            ends = True
    return heads, ends


def prefix_tree(words: Iterable[str]) -> str:
    """An alternation of plain words shaped as a prefix tree, so that ``re`` tries a few
    letters at each place, not every word; the letters from one fork of the tree to the
    next are written as one run, without a group around each ("" for no words)."""
    heads, ends = _fork(words)
    run = ""
    while len(heads) == 1 and not ends:
        ((head, suffixes),) = heads.items()
        run += head
        heads, ends = _fork(suffixes)
    if not heads:
        return re.escape(run)
    options = [re.escape(head) + prefix_tree(rest) for head, rest in sorted(heads.items())]
    return re.escape(run) + "(?:" + "|".join(options) + ")" + ("?" if ends else "")
