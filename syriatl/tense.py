"""Which way a date points, from the tense of the clause that governs it.

Detection-time and text-only: the cue is a property of the words around an expression,
not of any reference date.
"""

from __future__ import annotations

import re
from functools import cache

from syriatl.grammar.syntax import prefix_tree
from syriatl.model import Direction
from syriatl.patterns.cues import (
    ADJACENT,
    BARE_TOO,
    CLAUSE_WORDS,
    COMMITMENT,
    CUES,
    HARD_BOUNDARY,
    NOT_PAST,
    NOUN_AFTER_TO,
)

_WINDOW = 240
# "the February talks", "a December 30 ceasefire": a date used as an adjective is governed
# by no verb, so the clause's tense says nothing about it.
# A participle after a bare "be" ("will be struck", "to be held") takes its tense from
# the modal before it, not from its -ed.
_AFTER_BE = re.compile(r"\bbe\s+(?:\w+ly\s+)?$")
# "Wednesday's ruling": a possessive date names a happening the reader already knows.
_POSSESSIVE = re.compile(r"[’']s\b")
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
# "will leave at dawn (4 a.m. Thursday)": a date in brackets restates the one before
# them, so it takes its tense from the clause the brackets sit in.
# "Until Thursday, they had not named him", "it was not until Tuesday that": a state
# that lasted up to a day now past; "until" points ahead only in the present or future.
_UNTIL_PAST = re.compile(r"\bhad\b|\b(?:was|were)(?: not|n[’']t) (?=until\b)")
_INSIDE_BRACKET = re.compile(r"\([^()\n]{0,40}$")
# "will begin at midnight (2100 GMT) on Monday": brackets before the date are an aside,
# and the clause goes on past them.
_CLOSED_BRACKET = re.compile(r"\([^()\n]{0,40}\)")


def _unbracketed(left: str) -> str:
    """The words before a date with the asides in brackets among them blanked out (the
    same length, so positions still match the text)."""
    if ")" not in left:
        return left
    return _CLOSED_BRACKET.sub(lambda m: " " * len(m.group()), left)


# "a bomb killed a guard and wounded a nurse": a participle ("killed", "wounded") that
# takes an object is a past-tense verb after all.
_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|his|her|their|its|at least|\d[\d,]*|dozens|scores|hundreds|thousands)\b"
)
_ATTRIBUTIVE_AFTER = re.compile(
    r"[^\S\n]+(?!(?:before|after|of|in|on|at|to|and|or|but|when|that|this|which|with|for|from|"
    r"by|as|until|since|was|were|is|are|had|has|have|will|would)\b)[a-z]{3,}\b"
)


# A cue that is a list of one-word alternatives (plain words, "\w{3,}ed"): with a word
# boundary on either side, each can match only the whole word where it starts, so their
# order does not matter and the plain ones may be tried as one prefix tree.
_ONE_WORD = re.compile(r"[a-z]+|(?:\\w(?:\{\d+,\d*\})?|[a-z])+")


def _cue_pattern(pattern: str) -> str:
    alternatives = pattern.split("|")
    if not all(_ONE_WORD.fullmatch(option) for option in alternatives):
        return pattern
    words = sorted({option for option in alternatives if option.isalpha()})
    others = [option for option in alternatives if not option.isalpha()]
    return "|".join([prefix_tree(words), *others])


def _clause_words() -> str:
    """``SOFT_BOUNDARY``, with each alternative opening on a letter of its own so that the
    engine skips the letters no clause word begins with (the word boundary before the
    word is checked once its first letter is found)."""
    by_first: dict[str, list[str]] = {}
    for word in CLAUSE_WORDS:
        by_first.setdefault(word[0], []).append(word[1:])
    words = [
        rf"{re.escape(first)}(?<!\w{re.escape(first)}){prefix_tree(rest)}\b"
        for first, rest in sorted(by_first.items())
    ]
    return "|".join([",", *words])


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # One word boundary before and after all the cues rather than around each: the
    # same matches, but a position inside a word is turned away once, not once a cue.
    # Every cue opens on a letter or an apostrophe ("'ll"): the end of a word, where the
    # boundary holds too, is turned away before any cue is tried.
    cues = "|".join(f"(?P<c{i}>(?:{_cue_pattern(p)}))" for i, (p, _, _) in enumerate(CUES))
    cue = rf"\b(?=[\w’'])(?:{cues})\b"
    adjacent = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ADJACENT)
    return (
        re.compile(cue),
        re.compile(rf"\b(?P<cue>{adjacent})\s+(?:(?:the|on|at|in|last|next|this)\s+)?$"),
        re.compile(HARD_BOUNDARY),
        re.compile(_clause_words()),
    )


_COMMITMENT = re.compile(COMMITMENT)
_NOUN_AFTER_TO = re.compile(NOUN_AFTER_TO)
# "will hit", "to hit", "did not hit": a plain form, not a past.
_PLAIN_BEFORE = re.compile(
    r"\b(?:will|would|shall|should|can|could|may|might|must|to|do|does|did|not|n[’']t)\s+$"
)


def _cues(segment: str, before: bool = True) -> list[tuple[int, Direction, str]]:
    """The tense cues of ``segment``; ``before`` when it stands before the expression.

    A past verb of commitment after the expression ("on Thursday agreed to meet"), or
    with a noun after its "to" ("agreed to a truce"), is the past verb that dates it.
    """
    cue_rx = _compiled()[0]
    found = []
    for match in cue_rx.finditer(segment):
        word = match.group()
        index = int(match.lastgroup[1:]) if match.lastgroup else 0
        direction = CUES[index][1]
        if direction is Direction.PAST and (
            (word in NOT_PAST and not _OBJECT_AFTER.match(segment, match.end()))
            or _AFTER_BE.search(segment, 0, match.start())
            or (word in BARE_TOO and _PLAIN_BEFORE.search(segment, 0, match.start()))
        ):
            continue
        if _COMMITMENT.fullmatch(word) and (
            not before or _NOUN_AFTER_TO.match(segment, match.end())
        ):
            direction, word = Direction.PAST, word.split()[0]
        found.append((match.start(), direction, word))
    return found


# A past verb that directly governs its date: "seized the town on Dec. 1", "resigned in
# January". Only a short object may stand between them; a "to"/"until"/"through"/"by"
# in it hands the date to another verb or makes it a deadline ("extended to Nov. 20"),
# and "record" makes it a comparison ("fell to a record low in March").
# The object must open like one (a determiner, pronoun, number or adverb): a bare word
# after the "verb" more likely makes it an adjective ("preferred shares on Oct. 31").
_GOVERNED_GAP = re.compile(
    r"^(?:\s+(?:the|a|an|his|her|their|its|our|this|that|these|those|him|them|it|us|"
    r"some|several|\d[\d,]*|\w+ly)\b(?:\s+[a-z0-9][\w’'-]*){0,2}?)?"
    r"(?:\s+(?:on|in|at))?\s*$"
)
# "seized Aleppo on Dec. 1", "shook Aleppo Sunday": a named object, capitalised.
_PROPER_GAP = re.compile(r"(?:\s+[A-Z][\w’'-]*){1,3}(?:\s+(?:on|in|at))?\s*$")
_NOT_GOVERNING_GAP = re.compile(r"\b(?:to|until|till|through|by|record)\b")
# Auxiliaries and words of saying: their date belongs to the clause they report or carry,
# not to them ("said the talks would resume in January").
_NOT_GOVERNING = frozenset({"was", "were", "had", "did", "ago", "said", "told"})
# "is/are/be seized": a present passive or a modal's participle, not a simple past.
_BE_BEFORE = re.compile(r"\b(?:is|are|be|been|being|am)\s+$")
# "the reduced dividend", "a renewed offensive": a participle in front of a noun.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$")


def governs_past(text: str, start: int, end: int) -> bool:
    """Whether a simple past verb right before ``text[start:end]`` directly governs it.

    Such a verb ("Rebels seized the town on Dec. 1") decides the date's direction
    outright; a past cue further off may belong to another clause, so it only tips the
    balance (see ``resolve``). A date between the subject and its verb ("Rebels on Dec.
    1 seized", "Rebels on Dec. 1, after a night of shelling, seized") is governed by
    the verb right after it.
    """
    _, adjacent_rx, hard, soft = _compiled()
    left = text[max(0, start - _WINDOW) : start].lower()
    if _INSIDE_BRACKET.search(left) or adjacent_rx.search(left[-24:]):
        return False
    clause = _split(_split(_unbracketed(left), hard)[-1], soft)[-1]
    return _governs(text, start, end, clause, _cues(clause))


def _governs(
    text: str, start: int, end: int, clause: str, cues: list[tuple[int, Direction, str]]
) -> bool:
    """``governs_past`` past its first checks: ``clause`` is the end of the clause before
    the date (outside brackets, no adjacent cue), ``cues`` its tense cues."""
    if not cues:
        return _past_verb_after(text[end : end + _WINDOW].lower())
    at, direction, word = cues[-1]
    if direction is not Direction.PAST or word in _NOT_GOVERNING or " " in word:
        return False
    # "will redeem ... preferred shares on Oct. 31": a modal earlier in the clause
    # owns the date, and the -ed word is no verb of its own.
    if any(d is not Direction.PAST for _, d, _ in cues):
        return False
    gap = clause[at + len(word) :]
    named = _PROPER_GAP.match(text, start - len(gap), start) if gap else None
    if not (named or _GOVERNED_GAP.match(gap)) or _NOT_GOVERNING_GAP.search(gap):
        return False
    before = clause[:at]
    return not (_BE_BEFORE.search(before) or _DETERMINER_BEFORE.search(before))


_VERB_AFTER = re.compile(r"\s*(?:\w+ly\s+)?(?P<verb>[a-z]+)\b")


def _past_verb_after(right: str) -> bool:
    """Whether the words after a date open with a simple past verb, past an aside set
    off by commas ("on Friday, after a night of shelling, seized")."""
    aside = _ASIDE.match(right)
    verb = _VERB_AFTER.match(right, aside.end() if aside else 0)
    if verb is None:
        return False
    cues = _cues(verb.group(), before=False)
    return bool(cues) and cues[0][1] is Direction.PAST and cues[0][2] not in _NOT_GOVERNING


def _split(text: str, boundary: re.Pattern[str]) -> list[str]:
    return boundary.split(text)


def direction_cue(text: str, start: int, end: int) -> tuple[Direction, str | None]:
    """The direction the clause around ``text[start:end]`` gives it, and the word that says so.

    A date used as an adjective ("the February talks") or a possessive ("Wednesday's
    ruling") gets no direction. Otherwise looks
    at the words right before the expression ("since", "until"), then the nearest
    tense cue in the same clause (left first, then right), then in the rest of the
    sentence. Returns ``(Direction.NONE, None)`` when nothing decides.
    """
    direction, word, _ = _direction(text, start, end)
    return direction, word


def tense_cue(text: str, start: int, end: int) -> tuple[Direction, str | None, bool]:
    """``direction_cue`` and, for a past, ``governs_past``: the two read the same clause,
    which is split once here."""
    direction, word, clause = _direction(text, start, end)
    if direction is not Direction.PAST:
        return direction, word, False
    if clause is None:
        return direction, word, governs_past(text, start, end)
    return direction, word, _governs(text, start, end, *clause)


def _direction(
    text: str, start: int, end: int
) -> tuple[Direction, str | None, tuple[str, list[tuple[int, Direction, str]]] | None]:
    """``direction_cue``, with the clause before the date and its cues when they were
    read on the way and ``governs_past`` would read the same (None otherwise)."""
    _, adjacent_rx, hard, soft = _compiled()
    left = text[max(0, start - _WINDOW) : start].lower()
    right = text[end : end + _WINDOW].lower()
    if _ATTRIBUTIVE_BEFORE.search(left[-8:]) and _ATTRIBUTIVE_AFTER.match(right):
        return Direction.NONE, None, None
    if _POSSESSIVE.match(right):
        return Direction.NONE, None, None
    bracket = _INSIDE_BRACKET.search(left)
    if bracket and ")" in right:
        left, right = left[: bracket.start()], right[right.index(")") + 1 :]
    near = adjacent_rx.search(left[-24:])
    if near:
        word = near.group("cue")
        looked_back = _UNTIL_PAST.search(_split(left, hard)[-1] + " " + _first(right, hard))
        if word in ("until", "till") and looked_back:
            return Direction.PAST, looked_back.group(), None
        return ADJACENT[" ".join(word.split())], word, None
    left = _split(_unbracketed(left), hard)[-1]
    right = _first(right, hard)
    left_parts = _split(left, soft)
    clause = left_parts[-1]
    cues = _cues(clause)
    if cues:
        # governs_past reads this same clause unless the date is inside brackets.
        _, direction, word = cues[-1]
        return direction, word, None if bracket else (clause, cues)
    for side, parts in (
        ("right", [_first(right, soft)]),
        ("right", _after_aside(right)),
        ("left", left_parts[:-1]),
        ("right", _split(right, soft)[1:]),
    ):
        cues = _cues(" ".join(parts), before=side == "left")
        if cues:
            _, direction, word = cues[-1] if side == "left" else cues[0]
            return direction, word, None if bracket else (clause, [])
    return Direction.NONE, None, None


def _first(text: str, boundary: re.Pattern[str]) -> str:
    """The part of ``text`` before its first ``boundary`` (``_split(...)[0]``, without
    scanning on past it)."""
    match = boundary.search(text)
    return text if match is None else text[: match.start()]


# ", after a night of shelling, seized": an aside between commas right after the date.
# An aside that tells who says so ("On Friday, the army said, rebels will attack") is
# no aside of the date's clause: the saying may be what the date belongs to.
_ASIDE = re.compile(r"^\s*,(?![^,]*\b(?:said|says|say|told|tells|according)\b)[^,]{1,120},")


def _after_aside(right: str) -> list[str]:
    """The clause that goes on after an aside set off by commas right after the date:
    "Rebels on Friday, after a night of shelling, seized the town" is governed by
    "seized", not by a verb inside the aside."""
    aside = _ASIDE.match(right)
    if aside is None:
        return []
    return [_first(right[aside.end() :], _compiled()[3])]
