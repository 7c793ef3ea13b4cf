"""What a dated expression dates: the happening its clause tells.

The sentence is cut into clauses at punctuation, relative pronouns, complementisers,
subordinating words and coordinated verbs (``patterns.kinds.BREAKS``). The clause that
holds the expression is read for the nearest cue of a kind (``patterns.kinds.CUES``) and
the thing it is about (``THINGS``). When the date sits in a modifier of that thing (a
relative clause, a participle, a premodifier such as "the March 3 truce"), the happening
is background and its text starts at the thing's noun phrase. A reporting frame ("X said
they ...") is left out when the date belongs to the reported clause. Everything is
regular expressions compiled once; no parser.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from syriatl.grammar import alternatives
from syriatl.model import Happening, Status
from syriatl.patterns import kinds as K

_WORD = re.compile(r"\S+")
_TRIM = " \t\n,;:—–-"
_NEXT_TO = 4  # how near a date a noun is its head ("a debate on Wednesday")
_DETERMINED = re.compile(r"\b(?:a|an|the|its|their|this)\s+$")
_REACH = 40  # how far before a ", which" the thing it hangs on may end
_OBJECT = 6  # how far a verb's object noun may start after it ("denied the claim")
_OBJECT_OF = re.compile(r"\s+(?:the|a|an|its|their|this|that)\s+")


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    kind: str
    verbal: bool


@dataclass(frozen=True, slots=True)
class _Thing:
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class _Break:
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class _Tables:
    cues: re.Pattern[str]  # every cue, over lowercased text (no groups: they are slow)
    each_cue: tuple[re.Pattern[str], ...]
    contextual: tuple[int, ...]  # the cues with a look-around, whose match needs context
    things: re.Pattern[str]
    each_thing: tuple[re.Pattern[str], ...]
    breaks: re.Pattern[str]
    planned: re.Pattern[str]
    claimed: re.Pattern[str]
    not_claimed: re.Pattern[str]
    manner: re.Pattern[str]
    aux: re.Pattern[str]
    not_statements: re.Pattern[str]
    break_types: tuple[str, ...]  # by the number of the group that matched
    to_before: re.Pattern[str]
    verbish: re.Pattern[str]
    place_aside: re.Pattern[str]


def _flat(patterns: list[str]) -> str:
    return "|".join(alt for p in patterns for alt in alternatives(p))


def _break_scan(patterns: list[str]) -> tuple[str, tuple[str, ...]]:
    """One scan for every clause break, a group per entry. The entries that open with
    spaces share them (so the spaces are read once per place), in their own order
    before the others, which open with a different character."""
    spaced, other, types_spaced, types_other = [], [], [], []
    for (kind, _), pattern in zip(K.BREAKS, patterns, strict=True):
        for prefix in (r",?\s+", r"\s+"):
            if (
                pattern.startswith(prefix)
                and not pattern.startswith(r"\s+[")
                and (not pattern.startswith(r"\s+-"))
            ):
                spaced.append(f"({pattern[len(prefix) :]})")
                types_spaced.append(kind)
                break
        else:
            other.append(f"({pattern})")
            types_other.append(kind)
    scan = r"(?=[^\w.]|\b[a-z])(?:,?\s+(?:" + "|".join(spaced) + ")|" + "|".join(other) + ")"
    return scan, ("", *types_spaced, *types_other)


def _words(pattern: str) -> str:
    # tried only where a word starts: the look-ahead spares the alternation everywhere else
    return r"\b(?=[a-z])(?:" + pattern + r")\b"


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """The pattern tables compiled once."""
    cue_patterns = [c.pattern for c in K.CUES]
    thing_patterns = [p for _, p, _ in K.THINGS]
    break_patterns = [p for _, p in K.BREAKS]
    return _Tables(
        cues=re.compile(_words(_flat(cue_patterns))),
        each_cue=tuple(re.compile(_words(p)) for p in cue_patterns),
        contextual=tuple(i for i, p in enumerate(cue_patterns) if "(?<" in p or "(?=" in p),
        things=re.compile(_words(_flat(thing_patterns))),
        each_thing=tuple(re.compile(_words(p)) for p in thing_patterns),
        breaks=re.compile(_break_scan(break_patterns)[0]),
        break_types=_break_scan(break_patterns)[1],
        planned=re.compile(_words("|".join(p for p, _ in K.PLANNED))),
        claimed=re.compile(_words("|".join(p for p, _ in K.CLAIMED))),
        not_claimed=re.compile(K.NOT_CLAIMED[0]),
        manner=re.compile(K.MANNER[0]),
        aux=re.compile(
            r"\s(?:was|were|is|are|has|have|had|will|would|could|can|may|might|must|should)\s"
        ),
        not_statements=re.compile("|".join(p for p, _ in K.NOT_STATEMENTS), re.IGNORECASE),
        to_before=re.compile(K.TO_BEFORE_CUE[0]),
        verbish=re.compile(K.VERBISH + r"\b"),
        place_aside=re.compile(K.PLACE_ASIDE[0]),
    )


def cues_in(text: str) -> list[tuple[int, int, str, bool]]:
    """Every cue in ``text``: (start, end, kind, verbal), left to right."""
    return [(h.start, h.end, h.kind, h.verbal) for h in _cues(text.lower(), tables())]


def things_in(text: str) -> list[tuple[int, int, str]]:
    """Every thing named in ``text``: (start, end, canonical name), left to right."""
    return [(t.start, t.end, t.name) for t in _things(text.lower(), tables())]


@lru_cache(maxsize=1024)
def _which(table: str, found: str) -> int:
    """The first entry of ``table`` with no look-behind that matches ``found`` whole."""
    t = tables()
    each = t.each_cue if table == "cue" else t.each_thing
    for i, rx in enumerate(each):
        if table == "cue" and i in t.contextual:
            continue
        m = rx.match(found)
        if m is not None and m.end() == len(found):
            return i
    return len(each)


_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")


@lru_cache(maxsize=1024)
def _maybe(found: str) -> tuple[int, ...]:
    """The cues with a look-around that could have matched ``found`` (their pattern with
    the look-arounds taken out matches it whole), so only those are checked in context."""
    return tuple(
        j
        for j in tables().contextual
        if re.fullmatch(_LOOKAROUND.sub("", K.CUES[j].pattern), found) is not None
    )


def _cues(low: str, t: _Tables) -> list[_Hit]:
    """The cues of a lowercased sentence; each is the entry the alternation took there:
    the first that matches (a look-behind entry is checked in its context)."""
    out = []
    for m in t.cues.finditer(low):
        at, end, found = m.start(), m.end(), m.group()
        index = _which("cue", found)
        for j in _maybe(found):
            if j >= index:
                break
            seen = t.each_cue[j].match(low, at)
            if seen is not None and seen.end() == end:
                index = j
                break
        cue = K.CUES[min(index, len(K.CUES) - 1)]
        out.append(_Hit(at, end, cue.kind, cue.verbal))
    return out


def _things(low: str, t: _Tables, sentence: str = "") -> list[_Thing]:
    out = []

    # In running text (not a title in capitals), "the Velmora Truce Commission" names a
    # body, not the truce.
    def running() -> bool:
        words = sentence.split()
        return sum(w[:1].islower() for w in words) * 2 >= len(words)

    for m in t.things.finditer(low):
        at, after = m.start(), sentence[m.end() : m.end() + 2].strip()[:1]
        if at and sentence[at : at + 1].isupper() and after.isupper() and running():
            continue
        following = low[m.end() : m.end() + 16].split(None, 1)
        if (
            low[m.end() : m.end() + 1] == " "
            and following[:1]
            and (following[0].strip(",.;:") in K.QUALIFIED)
        ):
            continue  # "truce monitors", "the ceasefire commission"
        index = _which("thing", m.group())
        if index < len(K.THINGS):
            out.append(_Thing(m.start(), m.end(), K.THINGS[index][0]))
    return out


def _breaks(sentence: str, t: _Tables) -> list[_Break]:
    out = []
    for m in t.breaks.finditer(sentence):
        at, end = m.span()
        if sentence[at].isalpha():
            at = end  # "said they": "said" stays with the clause before
        out.append(_Break(at, end, t.break_types[m.lastindex or 0]))
    return out


@dataclass(frozen=True, slots=True)
class _Reading:
    """A sentence's words, cues, things and breaks (never changed once read)."""

    sentence: str
    low: str
    words: list[tuple[int, int]]
    starts: list[int]
    cues: list[_Hit]
    things: list[_Thing]
    breaks: list[_Break]


@lru_cache(maxsize=8)
def _read(sentence: str, clauses: bool = True) -> _Reading:
    """The sentence's words, cues, things and (when ``clauses``) clause breaks; the last
    few remembered, as a sentence's expressions are read one after another."""
    t = tables()
    low = sentence.lower()
    if len(low) != len(sentence):
        low = sentence  # a letter whose lower case is longer: keep offsets true
    words = [m.span() for m in _WORD.finditer(sentence)]
    return _Reading(
        sentence,
        low,
        words,
        [w[0] for w in words],
        _cues(low, t),
        _things(low, t, sentence),
        _breaks(sentence, t) if clauses else [],
    )


def _np_start(r: _Reading, at: int) -> int:
    """Where the noun phrase whose head starts at ``at`` begins: back over modifiers to a
    determiner, never across punctuation, a preposition, a verb, a cue or another thing;
    nor over a lowercase word in -s that is no possessive ("to address | last week's
    truce", "the resolution now reaffirms | last year's resolution")."""
    i = bisect_left(r.starts, at)
    start = at
    for j in range(i - 1, max(i - 7, -1), -1):
        ws, we = r.words[j]
        word = r.sentence[ws:we]
        if word[-1] in ",;:()—–" or word in ("-", "--"):
            break
        low = word.lower().strip("\"'“”‘’")
        if low in K.NP_STOPS or any(c.start < we and ws < c.end for c in r.cues):
            break
        if word.islower() and low.endswith("s") and not low.endswith(("'s", "’s")):
            break
        if any(th.start < we and ws < th.end and not th.start <= at < th.end for th in r.things):
            break
        start = ws
        if low in K.DETERMINERS:
            break
    return start


def _clause(r: _Reading, a: int, b: int) -> tuple[int, int, _Break | None, _Break | None]:
    """The clause around ``[a, b)``: its bounds and the breaks that make them."""
    left: _Break | None = None
    right: _Break | None = None
    for br in r.breaks:
        if br.end <= a:
            if not r.sentence[br.end : a].strip():
                continue  # the expression's own preposition ("since March 3")
            left = br
        elif br.start >= b:
            right = br
            break
    cs = left.end if left else 0
    ce = right.start if right else len(r.sentence)
    return cs, ce, left, right


def _verbish(r: _Reading, word: tuple[int, int]) -> bool:
    """True when the word at the span ``word`` may be a verb ("called", "took")."""
    return tables().verbish.fullmatch(r.low, *word) is not None


def _participle_at(r: _Reading, at: int) -> bool:
    """True when the word at ``at`` is an -ing verb ("after | opening on Wednesday"), not
    a noun of a happening ("after | shelling on Thursday killed five")."""
    i = bisect_left(r.starts, at)
    if i >= len(r.words) or not r.low[r.words[i][0] : r.words[i][1]].endswith("ing"):
        return False
    return not any(c.start == r.words[i][0] and not c.verbal for c in r.cues)


def _widen(r: _Reading, cs: int, ce: int) -> tuple[int, int]:
    """The clause grown by one break on each side."""
    after = [br for br in r.breaks if br.start >= ce]
    before = [br for br in r.breaks if br.end <= cs]
    new_ce = after[1].start if len(after) > 1 else len(r.sentence)
    new_cs = before[-2].end if len(before) > 1 else 0
    return new_cs, new_ce


def _refined(kind: str, thing: str | None) -> str:
    """The kind a cue has for ``thing``: a verb of beginning or ending takes the thing's."""
    found = K.REFINE.get((kind, thing))
    if found is not None:
        return found
    if kind == K.REACHING:
        return "arrival"
    return K.REFINE[(K.OPENING, None)] if kind == K.OPENING else kind


def _nearest_thing(r: _Reading, lo: int, hi: int, at: int, end: int) -> _Thing | None:
    """The thing inside ``[lo, hi)`` nearest the span ``[at, end)``."""
    best: _Thing | None = None
    best_d = 1 << 30
    for th in r.things:
        if th.start < lo or th.end > hi:
            continue
        if th.start < end and at < th.end:
            return th
        d = at - th.end if th.end <= at else (th.start - end) * 2
        if d < best_d:
            best, best_d = th, d
    return best


def _ranked(
    r: _Reading, cs: int, ce: int, a: int, b: int, following: int | None = None
) -> list[_Hit]:
    inside = [c for c in r.cues if c.start >= cs and c.end <= ce and (c.end <= a or c.start >= b)]
    if following is not None:  # a noun nearer the next date is that date's
        inside = [c for c in inside if c.verbal or not b <= c.start < c.end <= following
                  or c.start - b <= following - c.end]  # fmt: skip
    return sorted(inside, key=lambda c: a - c.end if c.end <= a else (c.start - b) * 2 + 1)


def _cut(r: _Reading, spans: list[tuple[int, int]], a: int, b: int) -> str:
    """The spans' words joined, at most ``WORD_LIMIT`` words, keeping ``[a, b)``."""
    if b > a and not any(s <= a and b <= e for s, e in spans):
        s, e = spans[-1]
        spans = [*spans[:-1], (min(s, a), max(e, b))]  # the expression stays in the text
    pieces: list[list[tuple[int, int]]] = [
        [(w[0], min(w[1], e)) for w in r.words if w[0] >= s and w[0] < e] for s, e in spans
    ]
    total = sum(len(p) for p in pieces)
    main = next((i for i, (s, e) in enumerate(spans) if s <= a and b <= e), len(spans) - 1)
    right_cut = False
    while total > K.WORD_LIMIT:
        words = pieces[main]
        before = sum(1 for w in words if w[1] <= a)
        after = sum(1 for w in words if w[0] >= b)
        if main > 0 and pieces[0]:
            pieces[0].pop()  # a borrowed subject goes first
        elif after and after >= before:
            words.pop()
            right_cut = True
        elif before:
            words.pop(0)
        else:
            break
        total -= 1
    kept = pieces[main]
    if right_cut and kept:
        # end at the last clause break after the expression, when there is one
        last = max((br.start for br in r.breaks if b <= br.start < kept[-1][1]), default=None)
        if last is not None:
            pieces[main] = [w for w in kept if w[0] < last]
            if pieces[main]:
                pieces[main][-1] = (pieces[main][-1][0], min(pieces[main][-1][1], last))
    texts = []
    for p in pieces:
        if p:
            texts.append(r.sentence[p[0][0] : p[-1][1]].strip(_TRIM))
    return " ".join(" ".join(t.split()) for t in texts if t)


def _status(r: _Reading, kind: str, lo: int, hi: int, frame_lo: int, cue_at: int) -> Status:
    t = tables()
    if t.planned.search(r.low, lo, hi) or t.to_before.search(r.low, max(0, cue_at - 7), cue_at):
        return Status.PLANNED
    if kind == "claim":
        return Status.CLAIMED  # what a claim tells is only claimed
    if kind != "denial" and any(
        not t.not_claimed.match(r.low, m.end()) for m in t.claimed.finditer(r.low, frame_lo, cue_at)
    ):
        return Status.CLAIMED
    return Status.HAPPENED


def happening(
    sentence: str,
    start: int | None = None,
    end: int | None = None,
    beside: tuple[int | None, int | None] = (None, None),
) -> Happening:
    """The happening that the expression at ``sentence[start:end]`` dates, read from the
    clause it governs; with no expression (``start`` None), the happening the sentence
    states as its main one (a headline or a lead). ``beside``: where the sentence's
    expression before this one ends and where the one after it starts, if any: a
    happening named nearer another date is that date's."""
    return _happening(sentence, start, end, beside)


@lru_cache(maxsize=4096)
def _happening(
    sentence: str,
    start: int | None,
    end: int | None,
    beside: tuple[int | None, int | None] = (None, None),
) -> Happening:
    """``happening``, remembered: reprinted wire copy repeats its sentences word for word."""
    if start is None:
        return _main(_read(sentence, clauses=False))
    r = _read(sentence)
    a, b = start, len(sentence) if end is None else end
    cs, ce, left, _right = _clause(r, a, b)
    # a premodifier of a thing: "despite a March 3 nationwide truce declared by ..."
    for th in r.things:
        if th.start >= b and th.start - b < 60:
            np = _np_start(r, th.start)
            if np <= a:
                return _premodified(r, th, np, cs, ce, a, b)
            break
    prior, following = beside
    ranked = _ranked(r, cs, ce, a, b, following)
    # a clause of two words besides the date, or one that only says where a place lies,
    # tells no happening of its own
    others = [w for w in r.words if cs <= w[0] < ce and not a <= w[0] < b]
    bare = len(others) <= 2 or (
        tables().place_aside.match(r.low, others[0][0]) is not None
        and not any(_verbish(r, w) for w in others)
    )
    while bare and not ranked and (cs > 0 or ce < len(sentence)):
        # a fronted date ("On Tuesday, ..."): the happening is in the next clause
        cs, ce = _widen(r, cs, ce)
        left = None
        ranked = _ranked(r, cs, ce, a, b, following)
    ltype = left.type if left is not None else None
    if (
        left is not None
        and ltype == "hard"
        and sentence[left.start] == ","
        and any(th.end == left.start for th in r.things)
    ):
        i = bisect_left(r.starts, cs)
        if i < len(r.words) and r.low[r.words[i][0] : r.words[i][1]].endswith(("ed", "en")):
            ltype = "relative"  # "the ceasefire agreement, | reached after a week of talks"
    antecedent = head = subject = None
    borrowed: tuple[int, int] | None = None
    if left is not None and ltype == "relative":
        # the noun the relative clause hangs on: "the truce, which ...", "talks that ..."
        j = bisect_left(r.starts, left.start) - 1
        if j >= 0:
            head = _np_start(r, r.words[j][0])
        antecedent = next((th for th in r.things if 0 <= left.start - th.end <= 1), None)
        if antecedent is None and r.sentence[left.start] == ",":
            # "a ceasefire declared on February 20, which collapsed ...": the relative
            # clause hangs on the thing its noun phrase names, past the modifier's date
            antecedent = next((th for th in reversed(r.things) if th.end <= left.start and
                               left.start - th.end <= _REACH), None)  # fmt: skip
        if antecedent is not None:
            head = _np_start(r, antecedent.start)
    elif left is not None and (ltype == "coordinate" or (ltype == "subordinate" and
                                                          _participle_at(r, cs))):  # fmt: skip
        # "The truce was agreed on Monday and | took effect on Wednesday": borrow "The truce"
        subject = next((th for th in r.things if th.end <= left.start), None)
        if subject is not None and _np_start(r, subject.start) != 0:
            subject = None
        if subject is not None:
            borrowed = (0, subject.end)
    elif left is not None and ltype == "hard" and tables().verbish.match(r.low, cs):
        # "The envoy, who hosts the talks, | flew to Dessia on Friday": borrow "The envoy"
        first = r.breaks[0]
        if (
            len(r.sentence[: first.start].split()) <= 6
            and first.start < cs
            and not any(c.end <= first.start for c in r.cues)
        ):
            borrowed = (0, first.start)
            subject = next((th for th in r.things if th.end <= first.start), None)
    given = antecedent or subject
    if not ranked:
        named = given or _nearest_thing(r, cs, ce, a, b)
        kind = K.THING_KINDS.get(named.name, "other") if named else "other"
        lo = head if head is not None else cs
        plain = [(lo, _close(r, b, ce, head is not None))]
        text = _cut(r, [borrowed, *plain] if borrowed else plain, a, b)
        return Happening(text, kind, _status(r, kind, lo, b, cs, a),
                         named.name if named else None, antecedent is not None)  # fmt: skip
    manner = tables().manner
    ranked.sort(key=lambda c: manner.match(r.low, c.start) is not None)  # manner last
    cue, thing, kind = ranked[0], None, "other"
    ranked = [c for c in ranked if not _governed(r, c)]
    for candidate in ranked:  # the nearest cue that tells a kind; else the nearest
        cue = candidate
        if (
            candidate is ranked[0]
            and candidate.kind == "other"
            and 0 <= a - candidate.end <= _NEXT_TO
            and _DETERMINED.search(r.low, max(0, candidate.start - 8), candidate.start)
        ):
            thing = given or _nearest_thing(r, cs, ce, cue.start, cue.end)
            kind = "other"  # "a debate on Wednesday": the date's own head
            break
        thing = given or _nearest_thing(r, cs, ce, cue.start, cue.end)
        kind = _refined(cue.kind, thing.name if thing else None)
        if kind != "other":
            break
    else:
        cue = ranked[0]
        thing = given or _nearest_thing(r, cs, ce, cue.start, cue.end)
    background = antecedent is not None
    lo, hi = (head if head is not None else cs), ce
    spans: list[tuple[int, int]]
    if antecedent is None and thing is not None and _modifies(r, thing, cue, cs, b, ce):
        background = True
        lo = _np_start(r, thing.start)
    saying = next((c for c in r.cues if c.kind in K.FRAMES and c.verbal and c.end <= a and
                   r.low[c.end : a].strip() in ("", "on") and not _governed(r, c)),
                  None)  # fmt: skip
    if saying is not None and not background and (kind in K.FRAMES or saying.end > cue.end):
        cue, kind = saying, saying.kind  # "said on Monday ...": the date governs the saying
    if kind in K.FRAMES and cue.end <= a and not background:
        spans = [(lo, len(sentence))]  # the date governs the saying: keep what was said
        if borrowed is not None:
            spans = [borrowed, *spans]
        thing = thing or _nearest_thing(r, lo, len(sentence), cue.start, cue.end)
    else:
        frame = next((c for c in r.cues if c.kind == "statement" and lo <= c.start and
                      c.end <= min(a, cue.start) and c.verbal), None)  # fmt: skip
        if frame is not None and not background:
            lo = frame.end
            if r.low[lo:].lstrip().startswith("that "):
                lo = r.low.index("that", lo) + 4
        if prior is not None and lo < prior <= cue.start and cue.end <= a and not cue.verbal:
            # another date's words come first: "a deal in the summer to mend ties hurt by
            # | Turkey's downing of a jet last year" tells the downing alone
            lo = _np_start(r, cue.start)
            i = bisect_left(r.starts, lo)
            while lo < cue.start and _verbish(r, r.words[i]):
                i += 1  # not the verb the noun phrase is the object of ("followed")
                lo = r.words[i][0]
            thing = given or _nearest_thing(r, lo, hi, cue.start, cue.end)
        elif prior is not None and lo < prior <= cue.start and borrowed is None and not background:
            # "The deal signed Feb. 12 in Minsk | called for a truce from midnight Feb.
            # 15": the later date's is the subject's other predicate, its last verb
            # before the cue, with the subject borrowed
            subject = next((th for th in r.things if lo <= th.start and th.end <= prior
                            and _np_start(r, th.start) == lo), None)  # fmt: skip
            verbs = [w for w in r.words if prior <= w[0] <= cue.start and _verbish(r, w)]
            if subject is not None and verbs:
                borrowed, lo = (lo, subject.end), verbs[-1][0]
        hi = _close(r, b, hi, background)
        spans = [(lo, hi)]
        if borrowed is not None:
            spans = [borrowed, (lo, hi)]
    inside = [c for c in r.cues if any(lo_ <= c.start and c.end <= hi_ for lo_, hi_ in spans)]
    if not any(c is cue for c in inside):
        # the date's own noun phrase tells the kind: "the shelling of Ostrel on Monday
        # was a violation" dates the shelling
        told = next((c for c in inside if _refined(c.kind, None) != "other"), None)
        if told is not None:
            cue, kind = told, _refined(told.kind, thing.name if thing else None)
    frame_lo = 0 if ltype == "complement" else cs
    status = _status(r, kind, min(lo, cs), max(cue.end, a), frame_lo, min(cue.start, a))
    return Happening(_cut(r, spans, a, b), kind, status, thing.name if thing else None, background)


def _governed(r: _Reading, noun: _Hit) -> bool:
    """True when a noun cue is the object of a verb cue right before it ("denied the
    claim", "rejected the accusation"): the verb tells the happening."""
    return any(
        c.verbal
        and c.kind != "other"
        and 0 <= noun.start - c.end <= _OBJECT
        and _OBJECT_OF.fullmatch(r.low, c.end, noun.start) is not None
        for c in r.cues
    )


def _close(r: _Reading, b: int, hi: int, modifier: bool = True) -> int:
    """Where a happening's words after ``b`` stop: before an auxiliary, which starts
    another predicate; in a modifier also before a verb right after the expression
    ("talks that ended on Tuesday | produced no deal")."""
    aux = tables().aux.search(r.low, b, hi)
    if aux:
        hi = aux.start()
    if not modifier:
        return hi
    i = bisect_left(r.starts, b)
    if i < len(r.words) and r.words[i][0] < hi:
        ws, we = r.words[i]
        word = r.sentence[ws:we].lower().strip(_TRIM + ".")
        verb = any(c.verbal and c.start == ws for c in r.cues)
        if (verb or word.endswith("ed")) and not r.sentence[b:ws].strip():
            hi = ws
    return hi


def _modifies(r: _Reading, thing: _Thing, cue: _Hit, cs: int, b: int, ce: int) -> bool:
    """True when ``cue`` is a participle or state right after ``thing`` whose noun phrase
    is embedded in its clause ("a violation of the truce agreed on", "to preserve a truce
    in place since"), or heads it with the clause's own verb still to come ("the truce
    agreed on Monday | will take effect")."""
    if not (thing.end <= cue.start and cue.start - thing.end <= 12):
        return False
    gap = r.sentence[thing.end : cue.start].strip()
    if gap and not (gap.lower().endswith("ly") and " " not in gap):
        return False
    word = r.sentence[cue.start : cue.end].split()[0].lower()
    participle = word.endswith(("ed", "en", "ck", "eld")) or not cue.verbal
    if not participle:
        return False
    return _np_start(r, thing.start) > cs or tables().aux.search(r.low, b, ce) is not None


def _premodified(r: _Reading, th: _Thing, np: int, cs: int, ce: int, a: int, b: int) -> Happening:
    """A date inside a thing's noun phrase ("the March 3 truce", "Sunday's truce")."""
    hi = max(ce, th.end)
    after = [c for c in r.cues if th.end <= c.start <= th.end + 40 and c.end <= hi]
    kind = K.THING_KINDS.get(th.name, "other")
    if th.name in K.DATED_THING_KINDS:
        agreed, otherwise = K.DATED_THING_KINDS[th.name]
        kind = agreed if r.low[th.start : th.end].endswith(K.AGREEMENT_NOUNS) else otherwise
    if after and _modifies(r, th, after[0], min(cs, np - 1), b, hi):
        kind = _refined(after[0].kind, th.name)
    hi = _close(r, b, hi)
    status = _status(r, kind, np, hi, cs, np)
    return Happening(_cut(r, [(np, hi)], a, b), kind, status, th.name, True)


def _main(r: _Reading) -> Happening:
    """The main happening a sentence states with no date word."""
    s = r.sentence
    pick = (
        next((c for c in r.cues if c.verbal and c.kind not in K.FRAMES), None)
        or next((c for c in r.cues if c.kind not in K.FRAMES), None)
        or next(iter(r.cues), None)
    )
    if pick is None:
        th = r.things[0] if r.things else None
        kind = K.THING_KINDS.get(th.name, "other") if th else "other"
        text = _cut(r, [(0, len(s))], 0, 0)
        return Happening(text, kind, _status(r, kind, 0, len(s), 0, len(s)),
                         th.name if th else None)  # fmt: skip
    # the thing of the happening's own clause: not the truce of "... as truce frays"
    cs, ce, _, _ = _clause(_read(s), pick.start, pick.end)
    thing = _nearest_thing(r, cs, ce, pick.start, pick.end)
    kind = _refined(pick.kind, thing.name if thing else None)
    if kind in K.FRAMES and "," in s[: pick.start] and pick.start > len(s) // 2:
        kind = "other"  # "Shops reopened in Karvana, residents said": the saying is credit
    status = _status(r, kind, 0, pick.end, 0, pick.start)
    return Happening(_cut(r, [(0, len(s))], 0, 0), kind, status, thing.name if thing else None)


@lru_cache(maxsize=4096)
def states_happening(sentence: str) -> bool:
    """True when a headline or lead without a date word states a happening of a known
    kind (so it can be an event of the day it was reported)."""
    t = tables()
    if t.not_statements.search(sentence):
        return False
    r = _read(sentence, clauses=False)
    for c in r.cues:
        if not c.verbal:
            continue
        thing = _nearest_thing(r, 0, len(sentence), c.start, c.end)
        if _refined(c.kind, thing.name if thing else None) != "other":
            return True
    return False
