"""Merge the dated mentions of all articles into one chronology: one event per happening.

The rule, in the order it is applied:

1. Identical tellings are one unit. Two sources with the same date, sentence,
   expression and happening (a wire story reprinted by ten sites, a corpus copied under
   other names) are compared once, as one, and always end in the same event; every
   count below is over these units, so copying a corpus only multiplies the sources.
2. Dates must be compatible. Units are blocked by date: a day or a clock time goes in
   its day's block, anything coarser in the block of its own value and precision. A
   "next month" mention therefore only ever meets month-level ones of the same month,
   and a day never swallows a month. A day-level unit also meets the blocks of the
   ``WINDOW`` days on either side, where outlets may disagree on the day. A coarse
   date with a modifier ("earlier this month") meets the plain one of its value only
   as a telling of the same thing, and never one with another modifier.
3. On the same day, two mentions are one happening when they name the same thing
   (``Happening.thing``: this truce, these talks) and either tell the same kind of
   happening or one of them only mentions the thing in passing (``background``: "the
   truce agreed on March 3", "despite the March 3 truce"); when they tell the same kind
   in words that share a word, or a kind a peace process has one of on a day
   (``patterns.kinds.SINGULAR``: talks, a vote); or when their words share enough
   (below) and their kinds do not differ. A cluster keeps the kinds its units tell as
   their own, so a passing mention never bridges two kinds: a claim and its denial, a
   truce taking effect and rebels disavowing it, stay apart.
4. On different days, only the same kind of happening of the same thing (or told in
   words that share ``DISSENT`` of their weight) is one happening, told by different
   outlets, and only where it was told before: the announcement of a truce on the 2nd
   and its start on the 3rd are two, and so are statements, claims and denials made on
   two days.
5. Inside one article (units whose articles overlap), a happening is told twice only
   when the words say so (``WITHIN``) or a caption shows it; an article never gives one
   happening two days, and entries of one live blog are different happenings unless
   they restate the same one; one thing told with two kinds, in passing or not ("the
   agreement reached this month", "breached this month's agreement"), is two.
6. Places keep happenings apart: a name after a preposition of place or an attack verb
   ("in Karvana", "shelled Ostrel": ``LOCATIVE``) is a place, and two units or clusters
   that name places but none in common never merge (a place in more than
   ``PLACE_SALIENT`` of the units is too common to part them); a clause that names no
   place takes its sentence's. Other names part them too (a capitalised word found in
   at most ``SALIENT`` of the units, or ``SALIENT_AT_LEAST`` in a small corpus: so
   "Karvana" but not "Velmora"), unless they name the same thing. A word of a people
   or a side ("pro-Russian", "Syrian": ``NOT_PLACES``) is no place, and a mention in
   passing lends its event no place or name: it is where the thing was mentioned.

Words are folded (lowercase, no apostrophes or hyphens, light stemming, no final "h":
"Ja'afari"/"Jaafari"); each weighs more the rarer it is, names count double. Two texts
share enough when the words they share carry at least ``ACROSS`` of the weight of the
lighter one and they share at least two words. Texts are the happenings' short texts,
so a sentence's other clauses neither join nor part it.

A merged event keeps the best-supported date: one an editor pinned, then one the text
gives over the day a report was filed, then the most precise, the one the most origins
give (a wire story on ten sites is one voice), the earliest published. Sources that give
another date are its conflicts; a report filed on or in the ``WINDOW`` days after the
event's date agrees with it, and so does a clock a zone's offset away from the event's
local clock ("2200 GMT on Saturday", "midnight local time" on Sunday). An event's text,
kind and status come from its best telling: a story sentence over a caption, a main
clause over a mention in passing, what happened over what was planned. A unit that fits
several clusters joins them (the same happening told three ways). Comparisons stay
near-linear: only units of neighbouring blocks that share their thing, their kind (of the
SINGULAR kinds) or one of their rarest words are compared, at most
``CANDIDATES_PER_KEY`` of the latest clusters per key, each against a cluster's first
units.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import sys
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import islice
from typing import TypeVar

from syriatl.localtime import one_instant
from syriatl.model import Basis, Event, Precision, Source, Status, When
from syriatl.patterns.kinds import BROADER, CONVERSE, FRAMES, SINGULAR
from syriatl.patterns.words import NOT_PLACES, STOPWORDS

_TOKEN = re.compile(r"[^\W\d_][^\W_'’-]*(?:['’-][^\W_]+)*")
MIN_SHARED = 2
ACROSS = 0.12
WITHIN = 0.5
DISSENT = 0.45
NAME_WEIGHT = 2.0
WINDOW = 2
SALIENT = 0.1
SALIENT_AT_LEAST = 2
# A place is told apart from another place even when it is common: in a corpus about
# fifteen towns each town is in a good share of the reports, and still never another.
PLACE_SALIENT = 0.5
LOCATIVE = frozenset({"in", "near", "around", "outside", "at", "on", "of", "from", "into",
                      "for", "left", "reached", "entered",
                      # the target of an attack is a place too: "shelled Tellin"
                      "shelled", "shells", "bombed", "bombs", "struck", "strikes", "hit",
                      "hits", "attacked", "attacks", "stormed", "raided", "pounded", "pounds",
                      "captured", "seized", "besieged"})  # fmt: skip
KEYS_PER_EVENT = 6
# Of the clusters a rare word leads to in one block, only the latest are compared: a day
# with hundreds of reports that share a word must not make every new one meet them all.
CANDIDATES_PER_KEY = 24
COMPARED_MEMBERS = 3
# The rule of a source an editor dated in corrections.yaml: its date is the event's.
PINNED = "pinned by corrections"


_JOINERS = re.compile(r"['’-]")
_NOT_PLACE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in NOT_PLACES))
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1 << 16)
def normal(word: str) -> str:
    """A word folded for comparison: lowercase, no apostrophes or hyphens, light stemming."""
    w = _JOINERS.sub("", word.lower())
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return w[:-1] if w.endswith("h") and len(w) > 4 else w


@dataclass(frozen=True, slots=True)
class Bag:
    """The folded content words of a sentence, and which of them are names."""

    words: frozenset[str]
    names: frozenset[str]
    places: frozenset[str] = frozenset()

    def weight(self, word: str) -> float:
        """NAME_WEIGHT for a name, 1 for another word."""
        return NAME_WEIGHT if word in self.names else 1.0


@lru_cache(maxsize=1 << 16)
def _fold(token: str) -> tuple[str, str, bool]:
    """A token in lowercase without a final "'s" (to look it up among the stopwords and
    places' prepositions), its word folded for comparison, and whether it may name a
    place: made once per token, not once per sentence it is in."""
    lower = _POSSESSIVE.sub("", token.lower())
    return lower, sys.intern(normal(token)), _NOT_PLACE.fullmatch(lower) is None


def words_of(text: str, expression: str | None = None) -> Bag:
    """The folded content words of a sentence; names are capitalised words inside it, and
    places the names right after a preposition of place ("in Karvana"). The
    words of ``expression`` (the date the sentence is filed under) are left out: two
    sentences filed under one date share them by construction, and "December" is no
    place or person."""
    words, names, places = set(), set(), set()
    dated = frozenset(_TOKEN.findall(expression.lower())) if expression else frozenset()
    before = ""
    for i, token in enumerate(_TOKEN.findall(text)):
        (lower, word, placed), after = _fold(token), before
        before = lower
        if lower in STOPWORDS or len(token) < 3 or lower in dated:
            continue
        words.add(word)
        if i and not token.islower():  # "Karvana", and "al-Dessa" too
            names.add(word)
            if after in LOCATIVE and placed:
                places.add(word)
    return Bag(frozenset(words), frozenset(names), frozenset(places))


def weight(bag: Bag, words: Iterable[str], rarity: Callable[[str], float]) -> float:
    """The weight of some of a bag's words: rarer words and names weigh more (each word
    as ``Bag.weight`` weighs it, times its rarity)."""
    names = bag.names
    return sum((NAME_WEIGHT if w in names else 1.0) * rarity(w) for w in words)


def overlap(
    a: Bag, b: Bag, rarity: Callable[[str], float], totals: tuple[float, float] | None = None
) -> float:
    """The weight of the words two bags share over that of the lighter bag (0 when they
    share fewer than MIN_SHARED words). ``totals``: the bags' whole weights, if known."""
    shared = a.words & b.words
    if len(shared) < MIN_SHARED:
        return 0.0
    whole_a, whole_b = totals or (weight(a, a.words, rarity), weight(b, b.words, rarity))
    lighter = min(whole_a, whole_b)
    return min(weight(a, shared, rarity), weight(b, shared, rarity)) / lighter if lighter else 0.0


Signature = tuple[object, ...]


def _signature(source: Source) -> Signature:
    """What makes two sources of one date the same telling: sentence, expression,
    happening (its fields, equal where it is: they hash without a call)."""
    h = source.happening
    told = (h.text, h.kind, h.status, h.thing, h.background) if h else None
    return (source.quote, source.expression, told, source.basis, source.caption)


@dataclass(slots=True)
class _Item:
    """A unit (identical tellings) while its date block is open."""

    sources: list[Source]
    articles: frozenset[str]
    entries: frozenset[tuple[str, str | None]]
    bag: Bag
    names: frozenset[str]
    places: frozenset[str]
    total: float
    # What every comparison asks of the unit's telling, worked out once when it opens.
    kind: str | None  # _main_kind
    thing: str | None
    date: DateKey
    block: Key
    # A happening of no known kind is often a fragment ("Speaking from London on
    # Saturday"): its whole sentence is compared too.
    sentence: tuple[Bag, float] | None = None
    cluster: int = -1

    @property
    def first(self) -> Source:
        """The unit's telling."""
        return self.sources[0]


@dataclass(slots=True)
class _Cluster:
    """The units of one happening so far; ``live`` are those still open to comparison."""

    sources: list[Source] = field(default_factory=list)
    live: dict[int, _Item] = field(default_factory=dict)
    # Frozen, and the empty one shared: most clusters hold one source and name nothing.
    names: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    # The kinds its units tell as happenings of their own (not in passing, not "other"):
    # a passing mention of the truce must not bridge its start and its violation.
    kinds: frozenset[str] = frozenset()
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, item: _Item) -> None:
        """Take one more unit."""
        self.sources.extend(item.sources)
        self.live[id(item)] = item
        if _background(item.first):
            # a mention in passing ("the truce at Dorvask, which began on Sunday") says
            # nothing of where or among whom the happening was: it parts no later telling
            self._widen(item)
            return
        # the unit's own sets while it is the first to name anything: a set each would
        # outweigh the clusters' sources
        if item.names:
            self.names = self.names | item.names if self.names else item.names
        if item.places:
            self.places = self.places | item.places if self.places else item.places
        kind = item.kind
        if kind and kind not in self.kinds:
            self.kinds = _kinds(self.kinds | {kind})
        self._widen(item)

    def _widen(self, item: _Item) -> None:
        """Take the unit's date into the days the cluster spans."""
        start = item.first.when.start
        self.first = min(self.first or start, start)
        self.last = max(self.last or start, start)

    def absorb(self, other: _Cluster) -> None:
        """Take all the units of another cluster."""
        self.sources.extend(other.sources)
        self.live.update(other.live)
        if other.names:
            self.names |= other.names
        if other.places:
            self.places |= other.places
        if other.kinds:
            self.kinds = _kinds(self.kinds | other.kinds)
        self.first = min(d for d in (self.first, other.first) if d is not None)
        self.last = max(d for d in (self.last, other.last) if d is not None)

    def spans(self, first: dt.date, last: dt.date) -> int:
        """Days from the earliest to the latest date if ``first``..``last`` joined."""
        return (max(self.last or last, last) - min(self.first or first, first)).days


_KINDS: dict[frozenset[str], frozenset[str]] = {}


def _kinds(kinds: frozenset[str]) -> frozenset[str]:
    """One set object per distinct set of kinds: there are a few, and many clusters."""
    return _KINDS.setdefault(kinds, kinds)


# Where a cluster stood once it has joined another or closed (its sources are then in
# the other, or already an event): nothing is ever added to it.
_GONE = _Cluster()


@dataclass(slots=True)
class _Block:
    """An open date block: where its units' keys lead, and its units."""

    first: tuple[dt.date, int]
    # A day's block: the last day whose units meet it (WINDOW days on); None for others.
    until: dt.date | None = None
    # Only the latest CANDIDATES_PER_KEY clusters of each key are kept.
    index: dict[str, deque[int]] = field(default_factory=lambda: defaultdict(_latest))
    items: list[_Item] = field(default_factory=list)


Key = tuple[str, str]


def _block(when: When) -> Key:
    """A unit's date block: its day's, else its value's at its precision, whatever its
    modifier ("earlier this month" meets "this month"; ``_modified_apart``)."""
    if when.precision in (Precision.DAY, Precision.TIME):
        return ("day", when.start.isoformat())
    return (when.precision.value, when.value)


def _modified_apart(a: DateKey, b: DateKey) -> bool:
    """True when two dates carry different modifiers: early and late February are two
    times (February and early February may be one)."""
    return a[3] is not None and b[3] is not None and a[3] != b[3]


@lru_cache(maxsize=1 << 12)
def _neighbours(block: Key) -> tuple[Key, ...]:
    """The blocks a unit of ``block`` meets: itself, and a day's the WINDOW days before
    (asked for each unit, and units come a day at a time)."""
    if block[0] != "day":
        return (block,)
    day = dt.date.fromisoformat(block[1])
    return tuple(("day", (day + dt.timedelta(days=d)).isoformat()) for d in range(-WINDOW, 1))


def _opened(key: Key, when: When) -> _Block:
    """The block ``key`` opened by a unit dated ``when``."""
    until = when.start + dt.timedelta(days=WINDOW) if key[0] == "day" else None
    return _Block((when.start, when.precision.rank), until)


def _expired(block: _Block, when: When) -> bool:
    """True when no unit at or after ``when`` (in chronological order) can meet the block."""
    if block.until is not None:
        return when.start > block.until
    return (when.start, when.precision.rank) > block.first


# Kinds whose tellings on different days are different happenings: what someone said
# on Sunday and on Tuesday are two statements, not one told with two dates.
_OWN_DAY = FRAMES | {"other"}


_Places = TypeVar("_Places", bound=Collection[str])


def _sentence_needed(source: Source, places: Collection[str]) -> bool:
    """Whether a unit's whole sentence is compared too, or names where it happened
    (``places``: those its text names)."""
    if source.text == source.quote:
        return False
    return source.kind == "other" or not (places or _background(source) or _thing(source))


def _located(source: Source, places: _Places, whole: _Places | None) -> _Places:
    """Where a unit happened: the places its text names, else those of its sentence
    (``whole``, when ``_sentence_needed``): a place the clause leaves out is still where
    it happened ("residents of Karvana said shelling had stopped since Tuesday")."""
    if places or whole is None or _background(source) or _thing(source):
        return places  # a mention of a named thing in passing takes no other place
    return whole


# A bag in about a third of its memory: its places, its other names and its other
# words in one tuple, and where the names and the other words begin.
Packed = tuple[tuple[str, ...], int, int]


def _pack(bag: Bag) -> Packed:
    names = bag.names - bag.places
    words = (*bag.places, *names, *(bag.words - bag.names))
    return words, len(bag.places), len(bag.places) + len(names)


def _unpack(packed: Packed) -> Bag:
    words, places_end, names_end = packed
    return Bag(frozenset(words), frozenset(words[:names_end]), frozenset(words[:places_end]))


# A text and the expression it is filed under: what a word bag is made of.
TextKey = tuple[str, str | None]


@dataclass(slots=True)
class _Text:
    """A distinct text while units still tell it: its bag packed, how many units are yet
    to come, and, from the first of them on, what they ask of it."""

    packed: Packed
    uses: int = 0
    weighed: _Weighed | None = None

    @property
    def places(self) -> tuple[str, ...]:
        """The places the text names."""
        return self.packed[0][: self.packed[1]]


@dataclass(frozen=True, slots=True)
class _Weighed:
    """A text's bag, its whole weight, its rarest words told more than once (at most
    KEYS_PER_EVENT) and its salient names."""

    bag: Bag
    total: float
    keys: tuple[str, ...]
    names: frozenset[str]


def _text(texts: dict[TextKey, _Text], key: TextKey) -> _Text:
    """The text of ``key``, its bag made the first time, counted once more as told."""
    text = texts.get(key)
    if text is None:
        text = texts[key] = _Text(_pack(words_of(*key)))
    text.uses += 1
    return text


def _allowed(
    roots: list[int], clusters: list[_Cluster], places: frozenset[str], kind: str | None
) -> list[int]:
    """The clusters a unit of those places and kind may join: none that names places but
    none of the unit's, none that tells a kind the unit's cannot be (most candidates are
    parted by these alone)."""
    if places:
        roots = [c for c in roots if not ((p := clusters[c].places) and places.isdisjoint(p))]
    if kind:
        roots = [c for c in roots if _compatible(clusters[c].kinds, kind)]
    return roots


def _score(fit: tuple[int, tuple[bool, float]]) -> tuple[bool, float]:
    return fit[1]


def _latest() -> deque[int]:
    """The clusters a key leads to in one block: only the latest are compared."""
    return deque(maxlen=CANDIDATES_PER_KEY)


def _thing(source: Source) -> str | None:
    return source.happening.thing if source.happening else None


def _background(source: Source) -> bool:
    return bool(source.happening and source.happening.background)


def _main_kind(source: Source) -> str | None:
    """The kind a source tells as a happening of its own; None in passing or for "other"."""
    return None if _background(source) or source.kind == "other" else source.kind


def _told_kind(source: Source) -> str | None:
    """The kind a source tells, in passing or not; None for "other"."""
    return None if source.kind == "other" else source.kind


def _akin(x: str, y: str) -> bool:
    """True when two kinds may tell one happening: the same, one a part of the other
    (talks and their opening), or its two sides (``_converse``)."""
    return x == y or BROADER.get(x, x) == y or BROADER.get(y, y) == x or _converse(x, y)


# The blocks of dates in which the two sides of a place's fall may be told: a day, or a
# week ("pulled out earlier this week", "captured last week"); a month or a year holds
# many.
_CONVERSE_BLOCKS = frozenset({"day", "week"})


def _converse(x: str | None, y: str | None) -> bool:
    """True when two kinds tell one happening from its two sides (a withdrawal from a
    place, its capture): such tellings are one only where both name the same places, and
    no others, within a day or a week."""
    return x != y and frozenset((x, y)) in CONVERSE


@lru_cache(maxsize=1 << 12)
def _compatible(kinds: frozenset[str], kind: str | None) -> bool:
    """True when a happening of ``kind`` may be the one those kinds tell (asked of every
    candidate, of a few distinct sets of kinds)."""
    return kind is None or all(_akin(k, kind) for k in kinds)


def _differ(x: str | None, y: str | None) -> bool:
    """True when two tellings of one day say different things happened: both tell a
    happening of their own (not a passing mention, their ``_main_kind``) of known,
    different kinds."""
    return x is not None and y is not None and not _akin(x, y)


def _likeness(
    item: _Item, cluster: _Cluster, rarity: Callable[[str], float], clash: Callable[[], bool]
) -> tuple[bool, float]:
    """How well a unit fits a cluster: whether a fitting member gives the same date, and
    the best fit with the cluster's first open members (0 when none fits). The cluster is
    one whose places and kinds the unit's allow (``_allowed``, asked first: most are
    parted by them). ``clash`` tells whether an article gives the cluster one day and
    this unit another; it is asked only of a cluster the cheaper tests leave in."""
    best: tuple[bool, float] = (False, 0.0)
    a = item.first
    start = a.when.start
    thing = item.thing
    if item.names and cluster.names and item.names.isdisjoint(cluster.names) and thing is None:
        return (False, 0.0)  # "shelled Ostrel" and "shelled the districts of Karvana"
    if clash():  # an article that gives the cluster one day gives this unit another
        return (False, 0.0)
    # Outlets may disagree on the day by WINDOW days, but a happening does not creep:
    # the same words told day after day are as many happenings.
    near = cluster.spans(start, start) <= WINDOW
    for member in islice(cluster.live.values(), COMPARED_MEMBERS):
        same_thing = thing is not None and thing == member.thing
        if item.names and member.names and not item.names & member.names and not same_thing:
            continue
        if item.places and member.places and not item.places & member.places:
            continue
        if item.places - member.places and member.places - item.places:
            continue  # each names a place the other does not: talks on Karvana, on Ostrel
        converse = _converse(item.kind, member.kind)
        if converse and not (
            item.places and item.places == member.places and item.block[0] in _CONVERSE_BLOCKS
        ):
            continue  # a withdrawal and a capture, not of the one same place in days
        b = member.first
        modified = item.block[0] != "day" and item.date[3] != member.date[3]
        alike = same_thing or converse
        if modified and (not alike or _modified_apart(item.date, member.date)):
            continue  # "this month" and "earlier this month" meet as one thing's tellings
        same_date = (
            item.date == member.date or item.block == member.block or _one_time(a.when, b.when)
        )
        within = not item.articles.isdisjoint(member.articles)
        if within and item.entries != member.entries and not same_date:
            continue
        score = overlap(item.bag, member.bag, rarity, (item.total, member.total))
        differ = _differ(item.kind, member.kind)
        if (item.sentence or member.sentence) and not differ:
            x = item.sentence or (item.bag, item.total)
            y = member.sentence or (member.bag, member.total)
            score = max(score, overlap(x[0], y[0], rarity, (x[1], y[1])))
        if same_date:
            if within:
                fits = (
                    score >= WITHIN
                    # one article tells two happenings of one thing by their own
                    # verbs, in passing or not: "agreed this month", "breached this
                    # month's agreement"
                    or (
                        same_thing
                        and item.entries == member.entries
                        and not _differ(_told_kind(a), _told_kind(b))
                    )
                    or (
                        # a photo caption shows the story's happening of its kind and day
                        (a.caption or b.caption) and item.kind == member.kind is not None
                    )
                )
            else:
                kind = item.kind
                fits = (
                    (same_thing and not differ)
                    or (score >= ACROSS and not differ)
                    or converse  # the two sides of one place's fall
                    # the same kind of happening, in words that share a word ("the army
                    # denied the claim", "the army's denial"), or of a kind a process
                    # has one of on a day (talks, a vote)
                    or (
                        kind is not None
                        and kind == member.kind
                        and (kind in SINGULAR or not item.bag.words.isdisjoint(member.bag.words))
                    )
                )
        else:
            fits = (
                not within
                and near
                and a.kind == b.kind
                and a.kind not in _OWN_DAY
                and (same_thing or score >= DISSENT)
                # on another day, a place the happening was never told at is another one
                and (not item.places or not item.places.isdisjoint(cluster.places))
            )
        if fits:
            # a fit by kind and a shared word alone still counts, lowest
            best = max(best, (same_date, max(score, 1.0 if same_thing else 0.0, 0.01)))
    return best


def _joinable(a: _Cluster, b: _Cluster, clash: bool) -> bool:
    """Two clusters that one unit fits may become one unless each names salient places
    or people the other never does (a text naming none, "aid reached the town", must
    not bridge the Karvana report and the Ostrel report), or together they would spread
    over more than WINDOW days."""
    if a.names and b.names and a.names.isdisjoint(b.names):
        return False
    if a.places and b.places and a.places.isdisjoint(b.places):
        return False
    if clash or not all(_compatible(a.kinds, k) for k in b.kinds):
        return False
    return b.first is None or b.last is None or a.spans(b.first, b.last) <= WINDOW


@dataclass(slots=True)
class _Days:
    """The day each article gives each cluster's happening: an article that gives two
    days tells two happenings, so a cluster never takes another day from it. A clock a
    zone's offset from another is not another day ("2200 GMT on Saturday" and "midnight
    local time" on Sunday). A report's day (``Basis.REPORTED``) is no day of the
    happening's, and neither gives nor clashes with one. One mapping for all clusters
    (most hold one source, and a mapping each would outweigh them)."""

    given: dict[tuple[int, str], When] = field(default_factory=dict)

    def clashes(self, cluster: int, articles: Iterable[str], source: Source) -> bool:
        """True when one of ``articles`` gives ``cluster`` another day than ``source``."""
        if source.basis is Basis.REPORTED:
            return False
        when = source.when
        for a in articles:
            kept = self.given.get((cluster, a))
            if kept is not None and kept.start != when.start and not _one_time(kept, when):
                return True
        return False

    def clusters_clash(self, cluster: int, other: _Cluster) -> bool:
        """True when an article gives ``cluster`` one day and ``other`` another."""
        return any(self.clashes(cluster, (s.article,), s) for s in other.sources)

    def place(self, cluster: int, articles: Iterable[str], source: Source) -> None:
        """Record the day the articles give the cluster."""
        if source.basis is not Basis.REPORTED:
            for a in articles:
                self.given[(cluster, a)] = source.when

    def forget(self, cluster: int, closed: _Cluster) -> None:
        """Let go of the days of a cluster no unit can meet any more."""
        for s in closed.sources:
            self.given.pop((cluster, s.article), None)

    def move(self, merged: _Cluster, old: int, new: int) -> None:
        """The days of a cluster that joins another, under the other's number."""
        for s in merged.sources:
            if (old, s.article) in self.given:
                self.given[(new, s.article)] = self.given.pop((old, s.article))


def _one_time(a: When, b: When) -> bool:
    """True when two timed values on neighbouring days may name one instant."""
    return bool(a.time and b.time) and abs((a.start - b.start).days) == 1 and one_instant(a, b)


def _find(parent: list[int], cluster: int) -> int:
    """The cluster a (possibly merged-away) cluster now lives in."""
    while parent[cluster] != cluster:
        parent[cluster] = parent[parent[cluster]]
        cluster = parent[cluster]
    return cluster


DateKey = tuple[str, str | None, Precision, str | None, str | None]


def _date_key(when: When) -> DateKey:
    # the precision itself: it equals (and hashes as) its value, without the enum's
    # descriptor on every call
    return (when.value, when.time, when.precision, when.modifier, when.zone)


def _units(told: Iterable[Source]) -> list[list[Source]]:
    """The sources grouped into units of identical tellings, in chronological order:
    by date, then the earliest publication, then the words, never by article id (so
    that names and copies change nothing). Grouped a date at a time: sorting them all
    at once would hold a key per source, more memory than the sources themselves."""
    by_date: dict[tuple[dt.date, int, str, str], dict[Signature, list[Source]]] = defaultdict(dict)
    for source in told:
        tellings = by_date[source.when.sort_key]
        signature = _signature(source)
        if signature in tellings:
            tellings[signature].append(source)
        else:
            tellings[signature] = [source]
    ordered: list[list[Source]] = []
    for key in sorted(by_date):
        units = list(by_date.pop(key).values())
        for unit in units:
            if len(unit) > 1:
                unit.sort(key=_order)
        units.sort(key=_unit_order)
        ordered.extend(units)
    return ordered


def _unit_order(unit: list[Source]) -> tuple[object, ...]:
    first = unit[0]  # the earliest published, if any is (in the order of ``_order``)
    published = first.published or min((s.published for s in unit if s.published), default=None)
    h = first.happening
    told = (h.text, h.kind, h.status.value, h.thing or "", h.background) if h else ()
    return (published or dt.date.max, first.quote, first.expression or "", told,
            first.basis.value, first.caption)  # fmt: skip


def merge(told: Iterable[Source]) -> tuple[Event, ...]:
    """One event per happening, in chronological order (see the module rule). Each source
    is one dated mention of one article; memory beyond the sources stays bounded by the
    blocks open at once."""
    units = _units(told)
    # In how many units each word is, and each place (where each unit happened). Each
    # distinct text's bag (and its sentence's, when needed) is made once and held packed,
    # shared by the units that tell it: a large corpus has millions.
    counts: Counter[str] = Counter()
    located: Counter[str] = Counter()
    texts: dict[TextKey, _Text] = {}
    # Whether each unit needs its sentence's bag too (its keys are rebuilt at its turn).
    whole_needed = bytearray()
    for unit in units:
        source = unit[0]
        key = (source.text, source.expression)
        text = _text(texts, key)
        whole_key = (source.quote, source.expression)
        whole = _text(texts, whole_key) if _sentence_needed(source, text.places) else None
        counts.update(text.packed[0])
        located.update(_located(source, text.places, whole.places if whole else None))
        whole_needed.append(whole is not None)
    total = len(units)
    # A word weighs more the rarer it is; a word of a unit's sentence alone is in no text.
    rarities = {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in counts.items()}
    unseen = math.log(1 + total) + 1.0
    rarity = defaultdict(lambda: unseen, rarities).__getitem__
    rare_enough = max(SALIENT_AT_LEAST, SALIENT * total)
    rare = {w for w, n in counts.items() if n <= rare_enough}
    crowded = {w for w, n in located.items() if n > max(SALIENT_AT_LEAST, PLACE_SALIENT * total)}
    # The words told more than once, rarest first: where a unit's keys are taken from.
    ranks = {w: i for i, w in enumerate(sorted((w for w, n in counts.items() if n > 1),
                                               key=lambda w: (counts[w], w)))}  # fmt: skip

    def weighed(key: TextKey) -> _Weighed:
        """What the units of a text ask of it, worked out for its first unit and let go
        with its last."""
        text = texts[key]
        text.uses -= 1
        if not text.uses:
            del texts[key]
        if text.weighed is None:
            bag = _unpack(text.packed)
            keys = sorted(bag.words & ranks.keys(), key=ranks.__getitem__)[:KEYS_PER_EVENT]
            total = weight(bag, bag.words, rarity)
            text.weighed = _Weighed(bag, total, tuple(keys), bag.names & rare)
        return text.weighed

    day = _Days()
    done: dict[int, Event] = {}  # the event of each closed cluster, by its number
    clusters: list[_Cluster] = []
    parent: list[int] = []
    blocks: dict[Key, _Block] = {}
    # Where the blocks were last looked over for expiry: a unit of the same first day and
    # precision finds none expired (those opened since are its own day's, or opened at it).
    looked: tuple[dt.date, int] | None = None
    units.reverse()  # taken from the end, so that each is let go with its block
    whole_needed.reverse()
    while units:
        unit = units.pop()
        source = unit[0]
        said = weighed((source.text, source.expression))
        sentence = weighed((source.quote, source.expression)) if whole_needed.pop() else None
        bag = said.bag
        now = (source.when.start, source.when.precision.rank)
        expired = (
            [k for k, b in blocks.items() if _expired(b, source.when)] if now != looked else []
        )
        looked = now
        for key in expired:
            for old in blocks.pop(key).items:
                root = _find(parent, old.cluster)
                del clusters[root].live[id(old)]
                if not clusters[root].live:  # closed: no unit can meet it any more
                    day.forget(root, clusters[root])
                    done[root] = event_of(clusters[root].sources)
                    clusters[root] = _GONE
        places = _located(source, bag.places, sentence.bag.places if sentence else None) - crowded
        kind, thing, here = _main_kind(source), _thing(source), _block(source.when)
        item = _Item(
            unit,
            frozenset([s.article for s in unit]),
            frozenset([(s.article, s.entry) for s in unit]),
            bag,
            said.names,
            places,
            said.total,
            kind,
            thing,
            _date_key(source.when),
            here,
        )
        if source.kind == "other" and sentence is not None:
            item.sentence = (sentence.bag, sentence.total)
        keys = said.keys
        if thing:
            keys = (*keys, "#" + thing)
        if kind in SINGULAR:
            keys = (*keys, "%" + kind)  # blocked by date and kind: one day's talks meet
        candidates: set[int] = set()
        for near in _neighbours(here):
            if near in blocks:
                index = blocks[near].index
                for word in keys:
                    if word in index:
                        candidates.update(index[word])
        roots = sorted({c if parent[c] == c else _find(parent, c) for c in candidates})
        roots = _allowed(roots, clusters, places, kind)
        articles = item.articles
        scored = [
            (c, _likeness(item, clusters[c], rarity, partial(day.clashes, c, articles, source)))
            for c in roots
        ]
        fits = [(c, score) for c, score in scored if score[1] > 0.0]
        fits = [(c, score) for c, score in fits if score[0]] or fits
        if fits:
            chosen = max(fits, key=_score)[0]
            for other, _ in fits:
                if other != chosen and _joinable(
                    clusters[chosen], clusters[other], day.clusters_clash(chosen, clusters[other])
                ):
                    parent[other] = chosen
                    day.move(clusters[other], other, chosen)
                    clusters[chosen].absorb(clusters[other])
                    clusters[other] = _GONE
        else:
            chosen = len(clusters)
            clusters.append(_Cluster())
            parent.append(chosen)
        item.cluster = chosen
        clusters[chosen].add(item)
        day.place(chosen, item.articles, source)
        block = blocks.get(here) or blocks.setdefault(here, _opened(here, source.when))
        block.items.append(item)
        for word in keys:
            listed = block.index[word]
            if not listed or listed[-1] != chosen:
                listed.append(chosen)
    for number, cluster in enumerate(clusters):
        if cluster.sources:
            done[number] = event_of(cluster.sources)
    del clusters
    merged = [done.pop(number) for number in sorted(done)]
    merged.sort(key=event_position)
    return _counted(merged)


def event_position(event: Event) -> tuple[object, ...]:
    """Chronological order of events: by their date, then their first source's date (a
    report's day may come days after the happening's), publication, article and line."""
    first = event.sources[0]
    return (
        event.when.sort_key,
        first.when.sort_key,
        _order(first),
        first.quote,
        first.expression or "",
    )


def event_of(members: list[Source]) -> Event:
    """One event from the sources of a happening: the best-supported date, the sources
    that agree with it, the dissent, and the text, kind and status of its best telling.
    Its id is ``event_id``'s (``with_ids`` tells apart events that share one)."""
    if len(members) == 1:  # most happenings are told once: its own date, text and all
        return _event_of_one(members[0])
    keys = [_date_key(s.when) for s in members]
    if keys.count(keys[0]) == len(keys):  # one date (most events): every source gives it
        chosen = min(members, key=_pinned_first)
        agreeing, dissent = sorted(members, key=_order), []
    else:
        chosen = members[_best_supported(members, keys)]
        best = chosen.when
        best_key = _date_key(best)
        agreed = [k == best_key or agrees(s, best) for k, s in zip(keys, members, strict=True)]
        agreeing = sorted((s for s, yes in zip(members, agreed, strict=True) if yes), key=_order)
        dissent = sorted((s for s, yes in zip(members, agreed, strict=True) if not yes), key=_order)
    teller = min(agreeing, key=_telling)
    reported = min((s.published for s in agreeing if s.published), default=None)
    first = min(agreeing[0], dissent[0], key=_order) if dissent else agreeing[0]
    return Event(
        when=chosen.when,
        text=teller.text,
        sources=tuple(agreeing),
        conflicts=tuple(dissent),
        reported=reported,
        id=_id_of(first),
        kind=teller.kind,
        status=teller.happening.status if teller.happening else Status.HAPPENED,
        basis=chosen.basis,
    )


def _pinned_first(source: Source) -> tuple[bool, bool]:
    """Which of the sources of one date gives it first: one an editor pinned, then one
    that dates the happening in its words over a report's day."""
    return (not source.rule.startswith(PINNED), source.basis is Basis.REPORTED)


def _best_supported(members: list[Source], keys: list[DateKey]) -> int:
    """Where the best-supported date is among ``members`` (``keys``: their dates): one an
    editor pinned, then one the text gives over a report's day, the most precise, the
    one the most origins give (a wire story on ten sites is one voice), the earliest
    given in the order of choice; the first such source."""
    voices: defaultdict[DateKey, set[str]] = defaultdict(set)
    first_order: dict[DateKey, tuple[str, str, int, str]] = {}
    for key, s in zip(keys, members, strict=True):
        voices[key].add(origin_of(s))
        choice = _choice(s)
        if key not in first_order or choice < first_order[key]:
            first_order[key] = choice

    def support(i: int) -> tuple[bool, bool, int, int, tuple[str, str, int, str]]:
        source, key = members[i], keys[i]
        return (*_pinned_first(source), -source.when.precision.rank, -len(voices[key]),
                first_order[key])  # fmt: skip

    return min(range(len(members)), key=support)  # the first best, as min takes it


def _event_of_one(source: Source) -> Event:
    """``event_of([source])``: a source agrees with its own date and tells it best."""
    return Event(
        when=source.when,
        text=source.text,
        sources=(source,),
        conflicts=(),
        reported=source.published or None,
        id=_id_of(source),
        kind=source.kind,
        status=source.happening.status if source.happening else Status.HAPPENED,
        basis=source.basis,
    )


def origin_of(source: Source) -> str:
    """Whose telling a source is: its wire origin, else its outlet, else its article (an
    article no one names counts as its own origin)."""
    return source.origin or source.outlet or source.article


def _telling(source: Source) -> tuple[object, ...]:
    """Which source tells an event best: a story sentence before a caption, a dated
    text before a report's day, a main clause before a passing mention, a known kind
    before "other", what happened before what was planned, then the first published."""
    planned = source.happening is not None and source.happening.status is Status.PLANNED
    return (source.caption, source.basis is Basis.REPORTED, _background(source),
            source.kind == "other", planned, _choice(source))  # fmt: skip


def agrees(source: Source, kept: When) -> bool:
    """True when a source's date agrees with the event's: the same, the same day as a
    clock time, or (a date that is only the day of the report) a day on or in the
    ``WINDOW`` days after the event's."""
    given = _date_key(source.when)
    if given == _date_key(kept):
        return True
    days = (Precision.DAY, Precision.TIME)
    w = source.when
    if w.precision in days and kept.precision in days and w.start == kept.start:
        return True
    if w.precision is kept.precision and w.value == kept.value:
        return not _modified_apart(given, _date_key(kept))  # "earlier this month"
    if w.time and kept.time and one_instant(w, kept):
        return True
    if source.basis is Basis.REPORTED and w.precision in days:
        return kept.start <= w.start <= kept.end + dt.timedelta(days=WINDOW)
    return False


def event_id(event: Event) -> str:
    """A stable id from the event's sources, not its text: the reference (article, line,
    expression) of its first-told source, so that better wording leaves it unchanged (a
    source published earlier than all the others gives the event its own id)."""
    return _id_of(min((*event.sources, *event.conflicts), key=_order))


def _id_of(first: Source) -> str:
    """The id of an event whose first-told source is ``first``."""
    article, line, expression = first.ref
    digest = hashlib.sha1(f"{article}|{line}|{expression or ''}".encode()).hexdigest()
    return f"ev-{digest[:10]}"


def with_ids(events: list[Event]) -> tuple[Event, ...]:
    """The events with their ids; an id two events would share gets a count after it.
    Each takes its place in ``events`` (a large corpus would otherwise hold every event
    twice)."""
    for i, event in enumerate(events):
        base = event_id(event)
        if event.id != base:
            events[i] = replace(event, id=base)
    return _counted(events)


def _counted(events: list[Event]) -> tuple[Event, ...]:
    """``with_ids`` of events that have their ids from ``event_of``."""
    seen: Counter[str] = Counter()
    for i, event in enumerate(events):
        seen[event.id] += 1
        if seen[event.id] > 1:
            events[i] = replace(event, id=f"{event.id}-{seen[event.id]}")
    return tuple(events)


def _order(source: Source) -> tuple[str, str, int]:
    """How an event lists its sources: earliest published first, then by article."""
    published = source.published.isoformat() if source.published else "9999"
    return (published, source.article, source.line)


def _choice(source: Source) -> tuple[str, str, int, str]:
    """How ties are broken when a source is chosen (a date, a text): earliest published,
    then by the words; the article's name only last, so that copies under other names
    change nothing."""
    published = source.published.isoformat() if source.published else "9999"
    return (published, source.quote, source.line, source.article)
