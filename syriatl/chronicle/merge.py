"""Merge the events of all articles into one chronology.

The rule, in the order it is applied:

1. Dates must be compatible. Events are blocked by date: a day or a clock time goes in
   its day's block, anything coarser in the block of its own value and precision. A
   "next month" event therefore only ever meets month-level events of the same month,
   and a day never swallows a month. A day-level event also meets the blocks of the
   ``WINDOW`` days on either side, where sources may disagree on the day.
2. Events that sources put on different days must be of the same kind. Each event's
   sentence is read for what happens at its date (announced, took effect, ended, met,
   attacked ...: ``ASPECTS``, the cue nearest its expression); the announcement of a
   truce on the 29th and its start on the 30th are two events, not one told twice with
   two dates.
3. The sentences must tell the same thing. Words are folded (lowercase, no apostrophes
   or hyphens, light stemming, no final "h": "Ja'afari"/"Jaafari", "Fija"/"Fijah");
   each weighs more the rarer it is among all the events' sentences, and names count
   double. Two events share enough when the words they share carry at least a
   threshold of the weight of the lighter sentence, and they share at least two words:
   ``ACROSS`` for two articles on the same date, ``WITHIN`` for two sentences of one
   article (which rarely tells a thing twice but may repeat its lead in a caption), and
   ``DISSENT`` for two articles that put the event on different days. Two sentences that
   each name a salient name (a capitalised word found in at most ``SALIENT`` of all the
   events' sentences, or in at most ``SALIENT_AT_LEAST`` of them in a small corpus: so
   "Douma" but not "Syria") but share none tell of different places or people, and stay
   apart.

A merged event keeps the best-supported date (the most precise, then the one most
sources give, then the earliest published); sources that give another date are listed
as its conflicts. An event that fits several clusters joins them into one (the same
happening told three ways, where two of the tellings share too little to meet directly).
Comparisons stay near-linear: only events of neighbouring blocks that
share one of their rarest words (of those found in more than one sentence) are compared,
at most ``CANDIDATES_PER_KEY`` of the latest clusters per word, each against a cluster's
first sentences.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from syriatl.model import Event, Precision, Source, When
from syriatl.patterns.words import ASPECTS, STOPWORDS

_TOKEN = re.compile(r"[^\W\d_][^\W_'’-]*(?:['’-][^\W_]+)*")
MIN_SHARED = 2
ACROSS = 0.12
WITHIN = 0.5
DISSENT = 0.45
NAME_WEIGHT = 2.0
WINDOW = 2
SALIENT = 0.1
SALIENT_AT_LEAST = 2
KEYS_PER_EVENT = 6
# Of the clusters a rare word leads to in one block, only the latest are compared: a day
# with hundreds of reports that share a word must not make every new one meet them all.
CANDIDATES_PER_KEY = 24
COMPARED_MEMBERS = 3


@lru_cache(maxsize=1 << 16)
def normal(word: str) -> str:
    """A word folded for comparison: lowercase, no apostrophes or hyphens, light stemming."""
    w = re.sub(r"['’-]", "", word.lower())
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

    def weight(self, word: str) -> float:
        """NAME_WEIGHT for a name, 1 for another word."""
        return NAME_WEIGHT if word in self.names else 1.0


def words_of(text: str, expression: str | None = None) -> Bag:
    """The folded content words of a sentence; names are capitalised words inside it. The
    words of ``expression`` (the date the sentence is filed under) are left out: two
    sentences filed under one date share them by construction, and "December" is no
    place or person."""
    words, names = set(), set()
    dated = frozenset(_TOKEN.findall(expression.lower())) if expression else frozenset()
    for i, token in enumerate(_TOKEN.findall(text)):
        if token.lower() in STOPWORDS or len(token) < 3 or token.lower() in dated:
            continue
        word = sys.intern(normal(token))
        words.add(word)
        if i and not token.islower():  # "Douma", and "al-Bab" too
            names.add(word)
    return Bag(frozenset(words), frozenset(names))


def document_counts(bags: Iterable[Bag]) -> tuple[Counter[str], int]:
    """In how many bags each word occurs, and how many bags there are."""
    counts: Counter[str] = Counter()
    total = 0
    for bag in bags:
        total += 1
        counts.update(bag.words)
    return counts, total


def weight(bag: Bag, words: Iterable[str], rarity: Callable[[str], float]) -> float:
    """The weight of some of a bag's words: rarer words and names weigh more."""
    return sum(bag.weight(w) * rarity(w) for w in words)


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


def aspect_of(quote: str, expression: str | None) -> str | None:
    """What happens at the date: the aspect cue nearest the expression, or None (a tie
    goes to the aspect first in name order)."""
    lower = quote.lower()
    at = lower.find(expression.lower()) if expression else -1
    best: tuple[int, str] | None = None
    for aspect, starts in _cue_starts(lower):
        # Only the cues either side of the expression can be nearest.
        i = bisect_left(starts, max(at, 0))
        distance = min(abs(starts[j] - at) if at >= 0 else starts[j] for j in (i - 1, i)
                       if 0 <= j < len(starts))  # fmt: skip
        if best is None or distance < best[0]:
            best = (distance, aspect)
    return best[1] if best else None


@lru_cache(maxsize=1 << 12)
def _cue_starts(lower: str) -> tuple[tuple[str, list[int]], ...]:
    """Where each aspect's cues start in a (lowercased) sentence, aspects in name order;
    kept per sentence, since every date of a sentence asks for them."""
    found = []
    for aspect, pattern in sorted(_aspect_patterns().items()):
        starts = [match.start() for match in pattern.finditer(lower)]
        if starts:
            found.append((aspect, starts))
    return tuple(found)


_COMPILED: dict[str, re.Pattern[str]] = {}


def _aspect_patterns() -> dict[str, re.Pattern[str]]:
    if not _COMPILED:
        for aspect, cues in ASPECTS.items():
            _COMPILED[aspect] = re.compile(r"\b(?:" + "|".join(cues) + r")\b")
    return _COMPILED


@dataclass(slots=True)
class _Item:
    """A source while its date block is open: its words, salient names and aspect."""

    source: Source
    bag: Bag
    names: frozenset[str]
    aspect: str | None
    total: float
    cluster: int = -1


@dataclass(slots=True)
class _Cluster:
    """The sources of one happening so far; ``live`` are those still open to comparison."""

    sources: list[Source] = field(default_factory=list)
    live: dict[int, _Item] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, item: _Item) -> None:
        """Take one more source."""
        self.sources.append(item.source)
        self.live[id(item)] = item
        self.names |= item.names
        start = item.source.when.start
        self.first = min(self.first or start, start)
        self.last = max(self.last or start, start)

    def absorb(self, other: _Cluster) -> None:
        """Take all the sources of another cluster."""
        self.sources.extend(other.sources)
        self.live.update(other.live)
        self.names |= other.names
        self.first = min(d for d in (self.first, other.first) if d is not None)
        self.last = max(d for d in (self.last, other.last) if d is not None)

    def spans(self, first: dt.date, last: dt.date) -> int:
        """Days from the earliest to the latest date if ``first``..``last`` joined."""
        return (max(self.last or last, last) - min(self.first or first, first)).days


@dataclass(slots=True)
class _Block:
    """An open date block: where its sources' rarest words lead, and its items."""

    first: tuple[dt.date, int]
    index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    items: list[_Item] = field(default_factory=list)


Key = tuple[str, str]


def _block(when: When) -> Key:
    if when.precision in (Precision.DAY, Precision.TIME):
        return ("day", when.start.isoformat())
    return (when.precision.value, f"{when.value}|{when.modifier or ''}")


def _neighbours(block: Key) -> list[Key]:
    if block[0] != "day":
        return [block]
    day = dt.date.fromisoformat(block[1])
    return [("day", (day + dt.timedelta(days=d)).isoformat()) for d in range(-WINDOW, 1)]


def _expired(key: Key, block: _Block, when: When) -> bool:
    """True when no source at or after ``when`` (in chronological order) can meet the block."""
    if key[0] == "day":
        return when.start > dt.date.fromisoformat(key[1]) + dt.timedelta(days=WINDOW)
    return (when.start, when.precision.rank) > block.first


def _likeness(item: _Item, cluster: _Cluster, rarity: Callable[[str], float]) -> tuple[bool, float]:
    """How well a source fits a cluster: whether a fitting member gives the same date, and
    the best overlap with the cluster's first open members that clears the bar for that
    pair (0 when none does)."""
    best: tuple[bool, float] = (False, 0.0)
    start = item.source.when.start
    # Sources may disagree on the day by WINDOW days, but a happening does not creep:
    # the same words told day after day are as many happenings.
    near = cluster.spans(start, start) <= WINDOW
    for member in islice(cluster.live.values(), COMPARED_MEMBERS):
        if item.names and member.names and not item.names & member.names:
            return (False, 0.0)
        a, b = item.source, member.source
        same_date = _date_key(a.when) == _date_key(b.when) or _block(a.when) == _block(b.when)
        across = a.article != b.article
        if not same_date and (not across or not near or item.aspect != member.aspect):
            continue
        bar = (ACROSS if same_date else DISSENT) if across else WITHIN
        score = overlap(item.bag, member.bag, rarity, (item.total, member.total))
        if score >= bar:
            best = max(best, (same_date, score))
    return best


def _joinable(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters that one source fits may become one unless each names salient places
    or people the other never does (a sentence naming none, "aid reached the town", must
    not bridge the Douma report and the Madaya report), or together they would spread
    over more than WINDOW days."""
    if a.names and b.names and a.names.isdisjoint(b.names):
        return False
    return b.first is None or b.last is None or a.spans(b.first, b.last) <= WINDOW


def _find(parent: list[int], cluster: int) -> int:
    """The cluster a (possibly merged-away) cluster now lives in."""
    while parent[cluster] != cluster:
        parent[cluster] = parent[parent[cluster]]
        cluster = parent[cluster]
    return cluster


def _date_key(when: When) -> tuple[str, str | None, str, str | None]:
    return (when.value, when.time, when.precision.value, when.modifier)


def _position(source: Source) -> tuple[object, ...]:
    return (source.when.sort_key, *_within(source))


def _in_order(told: Iterable[Source]) -> list[Source]:
    """The sources sorted by ``_position``, a date at a time: sorting them all at once
    would hold a key per source, more memory than the sources themselves."""
    by_date: dict[tuple[dt.date, int, str, str], list[Source]] = defaultdict(list)
    for source in told:
        by_date[source.when.sort_key].append(source)
    ordered: list[Source] = []
    for key in sorted(by_date):
        ordered.extend(sorted(by_date.pop(key), key=_within))
    return ordered


def _within(source: Source) -> tuple[object, ...]:
    return (_order(source), source.quote, source.expression or "")


def merge(told: Iterable[Source]) -> tuple[Event, ...]:
    """One event per happening, in chronological order (see the module rule). Each source
    is one dated sentence of one article; memory beyond the sources stays bounded by the
    blocks open at once."""
    ordered = _in_order(told)
    counts, total = document_counts(words_of(s.quote, s.expression) for s in ordered)

    rarities: dict[str, float] = {}

    def rarity(word: str) -> float:
        found = rarities.get(word)
        if found is None:
            found = rarities[word] = math.log((1 + total) / (1 + counts[word])) + 1.0
        return found

    rare_enough = max(SALIENT_AT_LEAST, SALIENT * total)
    clusters: list[_Cluster] = []
    parent: list[int] = []
    blocks: dict[Key, _Block] = {}
    for source in ordered:
        for key in [k for k, b in blocks.items() if _expired(k, b, source.when)]:
            for item in blocks.pop(key).items:
                del clusters[_find(parent, item.cluster)].live[id(item)]
        bag = words_of(source.quote, source.expression)
        names = frozenset(w for w in bag.names if counts[w] <= rare_enough)
        aspect = aspect_of(source.quote, source.expression)
        item = _Item(source, bag, names, aspect, weight(bag, bag.words, rarity))
        told_twice = [w for w in bag.words if counts[w] > 1]
        keys = sorted(told_twice, key=lambda w: (-rarity(w), w))[:KEYS_PER_EVENT]
        candidates: set[int] = set()
        for near in _neighbours(_block(source.when)):
            if near in blocks:
                for word in keys:
                    candidates.update(blocks[near].index.get(word, ())[-CANDIDATES_PER_KEY:])
        roots = sorted({_find(parent, c) for c in candidates})
        scores = {c: _likeness(item, clusters[c], rarity) for c in roots}
        fits = [c for c in roots if scores[c][1] > 0.0]
        fits = [c for c in fits if scores[c][0]] or fits
        if fits:
            chosen = max(fits, key=lambda c: scores[c])
            for other in fits:
                if other != chosen and _joinable(clusters[chosen], clusters[other]):
                    parent[other] = chosen
                    clusters[chosen].absorb(clusters[other])
                    clusters[other] = _Cluster()
        else:
            chosen = len(clusters)
            clusters.append(_Cluster())
            parent.append(chosen)
        item.cluster = chosen
        clusters[chosen].add(item)
        block = blocks.setdefault(
            _block(source.when), _Block((source.when.start, source.when.precision.rank))
        )
        block.items.append(item)
        for word in keys:
            listed = block.index[word]
            if not listed or listed[-1] != chosen:
                listed.append(chosen)
    merged = [event_of(cluster.sources) for cluster in clusters if cluster.sources]
    merged.sort(key=lambda e: _position(e.sources[0]))
    return with_ids(merged)


def event_of(members: list[Source]) -> Event:
    """One event from the sources of a happening: the best-supported date, the sources
    that agree with it, and the dissent."""
    votes = Counter(_date_key(s.when) for s in members)
    first_order: dict[tuple[str, str | None, str, str | None], tuple[str, str, int]] = {}
    for s in sorted(members, key=_order):
        first_order.setdefault(_date_key(s.when), _order(s))

    def support(source: Source) -> tuple[int, int, tuple[str, str, int]]:
        key = _date_key(source.when)
        return (-source.when.precision.rank, -votes[key], first_order[key])

    best = min(members, key=support).when
    agreeing = sorted((s for s in members if agrees(s.when, best)), key=_order)
    dissent = sorted((s for s in members if not agrees(s.when, best)), key=_order)
    reported = min((s.published for s in agreeing if s.published), default=None)
    return Event(
        when=best,
        text=agreeing[0].quote,
        sources=tuple(agreeing),
        conflicts=tuple(dissent),
        reported=reported,
    )


def agrees(given: When, kept: When) -> bool:
    """True when a source's date agrees with the event's: the same, or the day of the
    event's clock time."""
    if _date_key(given) == _date_key(kept):
        return True
    return (
        given.precision is Precision.DAY
        and kept.precision is Precision.TIME
        and (given.start == kept.start)
    )


def event_id(event: Event) -> str:
    """A stable id from the event's sources, not its text: the reference (article, line,
    expression) of its first-told source, so that better wording or more sources leave it
    unchanged."""
    first = min((*event.sources, *event.conflicts), key=_order)
    article, line, expression = first.ref
    digest = hashlib.sha1(f"{article}|{line}|{expression or ''}".encode()).hexdigest()
    return f"ev-{digest[:10]}"


def with_ids(events: list[Event]) -> tuple[Event, ...]:
    """The events with their ids; an id two events would share gets a count after it."""
    seen: Counter[str] = Counter()
    out = []
    for event in events:
        base = event_id(event)
        seen[base] += 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(replace(event, id=ident))
    return tuple(out)


def _order(source: Source) -> tuple[str, str, int]:
    published = source.published.isoformat() if source.published else "9999"
    return (published, source.article, source.line)
