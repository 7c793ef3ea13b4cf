"""Which two words a regular expression's matches can open with.

The scanner tries a rule only where the text's first two words could open one of its
matches: "the" alone starts forty rules, "the year" five, "the company" none. This module
reads those pairs off a rule's expanded pattern, for the regular-expression syntax the
rule tables use (literals, classes, groups, alternation, repeats, lookarounds).

A *word* here is a run of letters or a run of digits; any other character separates
words, and a lowercase letter followed by a capitalised word ends one too ("monthImage",
as the scanner's end guard allows). Letters are lowercased and a run of digits is "#".
The reading over-approximates and never under-approximates: lookarounds are ignored, a
class of many letters reads as "any word" (``*``), so every real match opens with one of
the pairs it returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

ANY = "*"  # a word that cannot be told from the pattern
NONE = ""  # no second word: the match may hold one word only
_MAX_WORD = 40  # letters kept before a word counts as unknown (a repeated letter class)
_MAX_CLASS_LETTERS = 8  # a class of more letters than this reads as any letter

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_COUNT = re.compile(r"\{(\d*)(,?)(\d*)\}")

# A symbol is one character's kind: a letter (lowercased, with its case: "l"ower, "u"pper
# or "e"ither), any letter, a digit, or a separator.
Symbol = tuple[str, str, str]
ANY_LETTER: Symbol = ("any-letter", "", "")
DIGIT: Symbol = ("digit", "", "")
SEPARATOR: Symbol = ("separator", "", "")
_EVERY = frozenset({ANY_LETTER, DIGIT, SEPARATOR})
_ESCAPES: dict[str, frozenset[Symbol]] = {
    "d": frozenset({DIGIT}),
    "D": frozenset({ANY_LETTER, SEPARATOR}),
    "s": frozenset({SEPARATOR}),
    "S": _EVERY,
    "w": _EVERY,  # "_" is a word character and a separator here
    "W": frozenset({SEPARATOR}),
}
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CHARACTER_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


class Unsupported(ValueError):
    """Syntax this reader does not know; the caller treats the rule as opening with anything."""


@dataclass(frozen=True, slots=True)
class Chars:
    """One character of any of these kinds."""

    symbols: frozenset[Symbol]


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Alt:
    branches: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Repeat:
    node: Node
    low: int
    high: int | None


@dataclass(frozen=True, slots=True)
class Assertion:
    """A lookaround, anchor or word boundary: it consumes nothing and is ignored."""


Node = Union[Chars, Seq, Alt, Repeat, Assertion]  # noqa: UP007 (a runtime alias)


def symbol(char: str) -> Symbol:
    """The kind of one literal character."""
    if _LETTER.fullmatch(char):
        low = char.lower()
        case = "e" if low == char.upper() else ("l" if char == low else "u")
        return ("letter", low, case)
    return DIGIT if _DIGIT.fullmatch(char) else SEPARATOR


def _negated(escapes: set[str], chars: set[str]) -> frozenset[Symbol]:
    """The kinds a negated class can match: all but those an excluded escape covers whole."""
    out = set()
    if not escapes & {"w", "S"}:
        out.add(ANY_LETTER)
    if not escapes & {"d", "w", "S"}:
        out.add(DIGIT)
    space = not escapes & {"s", "W"}
    punctuation = not escapes & {"W", "S"}
    underscore = not (escapes & {"w", "S"} or "_" in chars)
    if space or punctuation or underscore:
        out.add(SEPARATOR)
    return frozenset(out)


def _class(members: list[tuple[str, str, str]], negated: bool) -> frozenset[Symbol]:
    """The kinds a class matches; ``members`` are ("escape", c, ""), ("char", c, "") or
    ("range", first, last)."""
    if negated:
        escapes = {c for kind, c, _ in members if kind == "escape"}
        return _negated(escapes, {c for kind, c, _ in members if kind == "char"})
    out: set[Symbol] = set()
    for kind, first, last in members:
        if kind == "escape" and first in _ESCAPES:
            out |= _ESCAPES[first]
        elif kind == "range" and ord(last) - ord(first) > 400:
            out |= _EVERY
        elif kind == "range":
            out |= {symbol(chr(o)) for o in range(ord(first), ord(last) + 1)}
        else:
            out.add(symbol(_CHARACTER_ESCAPES.get(first, first) if kind == "escape" else first))
    letters = {s for s in out if s[0] == "letter"}
    if len({s[1] for s in letters}) > _MAX_CLASS_LETTERS:
        return frozenset((out - letters) | {ANY_LETTER})
    merged = set()
    for low in {s[1] for s in letters}:
        cases = {s[2] for s in letters if s[1] == low}
        merged.add(("letter", low, cases.pop() if len(cases) == 1 else "e"))
    return frozenset((out - letters) | merged)


class _Parser:
    """A recursive-descent reader of the regular-expression subset into nodes."""

    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0

    def parse(self) -> Node:
        node = self.alternation()
        if self.pos != len(self.text):
            raise Unsupported(f"unexpected {self.text[self.pos : self.pos + 10]!r}")
        return node

    def peek(self, prefix: str) -> bool:
        return self.text.startswith(prefix, self.pos)

    def alternation(self) -> Node:
        branches = [self.sequence()]
        while self.peek("|"):
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else Alt(tuple(branches))

    def sequence(self) -> Node:
        items = []
        while self.pos < len(self.text) and self.text[self.pos] not in "|)":
            items.append(self.repeat(self.atom()))
        return Seq(tuple(items))

    def repeat(self, node: Node) -> Node:
        char = self.text[self.pos] if self.pos < len(self.text) else ""
        if char in ("?", "*", "+"):
            self.pos += 1
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
        elif char == "{" and (count := _COUNT.match(self.text, self.pos)):
            self.pos = count.end()
            low = int(count.group(1) or 0)
            high = low if not count.group(2) else int(count.group(3)) if count.group(3) else None
        else:
            return node
        if self.peek("?") or self.peek("+"):  # lazy or possessive: the same strings
            self.pos += 1
        return node if isinstance(node, Assertion) else Repeat(node, low, high)

    def atom(self) -> Node:
        char = self.text[self.pos]
        if char == "(":
            return self.group()
        if char == "[":
            return self.character_class()
        if char == "\\":
            return self.escape()
        self.pos += 1
        if char in "^$":
            return Assertion()
        if char == ".":
            return Chars(_EVERY)
        if char in "*+?{":
            raise Unsupported(f"nothing to repeat at {self.pos - 1}")
        return Chars(frozenset({symbol(char)}))

    def group(self) -> Node:
        assertion = False
        for opening in ("(?<=", "(?<!", "(?=", "(?!"):
            if self.peek(opening):
                self.pos += len(opening)
                assertion = True
                break
        else:
            if self.peek("(?P<"):
                self.pos = self.text.index(">", self.pos) + 1
            elif self.peek("(?:"):
                self.pos += 3
            elif self.peek("(?"):
                raise Unsupported(f"group {self.text[self.pos : self.pos + 5]!r}")
            else:
                self.pos += 1
        node = self.alternation()
        if not self.peek(")"):
            raise Unsupported("unbalanced parentheses")
        self.pos += 1
        return Assertion() if assertion else node

    def escape(self) -> Node:
        if self.pos + 1 >= len(self.text):
            raise Unsupported("trailing backslash")
        char = self.text[self.pos + 1]
        self.pos += 2
        if char in _ZERO_WIDTH_ESCAPES:
            return Assertion()
        if char in _ESCAPES:
            return Chars(_ESCAPES[char])
        if char.isalnum() and char not in _CHARACTER_ESCAPES:
            raise Unsupported(f"escape \\{char}")
        return Chars(frozenset({symbol(_CHARACTER_ESCAPES.get(char, char))}))

    def character_class(self) -> Node:
        self.pos += 1
        negated = self.peek("^")
        self.pos += negated
        members: list[tuple[str, str, str]] = []
        first = True
        while True:
            if self.pos >= len(self.text):
                raise Unsupported("unterminated class")
            char = self.text[self.pos]
            if char == "]" and not first:
                self.pos += 1
                return Chars(_class(members, negated))
            first = False
            if char == "\\":
                members.append(("escape", self.text[self.pos + 1], ""))
                self.pos += 2
            elif self.text.startswith("-", self.pos + 1) and self.text[self.pos + 2 : self.pos + 3]:
                last = self.text[self.pos + 2]
                if last == "\\":
                    raise Unsupported("escaped range end")
                if last == "]":
                    members.append(("char", char, ""))
                    self.pos += 1
                    continue
                members.append(("range", char, last))
                self.pos += 3
            else:
                members.append(("char", char, ""))
                self.pos += 1


def parse(pattern: str) -> Node:
    """The node tree of a pattern in the supported subset; raises ``Unsupported``."""
    return _Parser(pattern).parse()


# A reading in progress: (first word or None, current word or None, the current word's
# kind: "letter", "digit" or "", the case of its last letter).
State = tuple[str | None, str | None, str, str]
_START: State = (None, None, "", "")


def _close(state: State, found: set[tuple[str, str]]) -> State | None:
    """End the current word: the state after it, or None once two words are read."""
    first, current, _, _ = state
    if current is None:
        return (first, None, "", "")
    if first is None:
        return (current, None, "", "")
    found.add((first, current))
    return None


def _letter(state: State, sym: Symbol) -> State:
    """Add a letter to a word of letters in progress."""
    first, current, _, last = state
    if sym == ANY_LETTER or current == ANY:
        return (first, ANY, "letter", "e")
    if last in ("l", "e") and sym[2] in ("u", "e"):
        # Lowercase then capital: the text may end the word here or not.
        return (first, ANY, "letter", sym[2])
    word = (current or "") + sym[1]
    return (first, word if len(word) <= _MAX_WORD else ANY, "letter", sym[2])


def _step(state: State, sym: Symbol, found: set[tuple[str, str]]) -> State | None:
    """The state after one more character of kind ``sym``."""
    kind = "letter" if sym[0] in ("letter", "any-letter") else sym[0]
    if sym == SEPARATOR:
        return _close(state, found)
    if state[2] == kind:
        return state if kind == "digit" else _letter(state, sym)
    opened = _close(state, found) if state[1] is not None else state
    if opened is None:
        return None
    if kind == "digit":
        return (opened[0], "#", "digit", "")
    return _letter((opened[0], None, "letter", ""), sym)


def _walk(node: Node, states: frozenset[State], found: set[tuple[str, str]]) -> frozenset[State]:
    """The states after ``node`` from each of ``states``; finished pairs go to ``found``."""
    if not states or isinstance(node, Assertion):
        return states
    if isinstance(node, Chars):
        out = set()
        for state in states:
            for sym in node.symbols:
                after = _step(state, sym, found)
                if after is not None:
                    out.add(after)
        return frozenset(out)
    if isinstance(node, Seq):
        for item in node.items:
            states = _walk(item, states, found)
        return states
    if isinstance(node, Alt):
        return frozenset().union(*(_walk(b, states, found) for b in node.branches))
    for _ in range(node.low):
        states = _walk(node.node, states, found)
    reached, frontier, count = set(states), states, node.low
    while frontier and (node.high is None or count < node.high):
        frontier = _walk(node.node, frontier, found) - reached
        reached |= frontier
        count += 1
    return frozenset(reached)


def openings(pattern: str) -> frozenset[tuple[str, str]]:
    """The (first word, second word) pairs every match of ``pattern`` opens with.

    The second word is ``NONE`` where a match may hold one word only and ``ANY`` where it
    cannot be told; raises ``Unsupported`` for syntax outside the subset.
    """
    found: set[tuple[str, str]] = set()
    for first, current, _, _ in _walk(parse(pattern), frozenset({_START}), found):
        if first is None:
            found.add((current or NONE, NONE))
        else:
            found.add((first, current or NONE))
    return frozenset(found)
