"""Merge the events of all articles into one chronology.

Events are compared only within a block of the same date at the same precision (and
clock and modifier), so the cost stays near-linear. Two events of a block tell the same
happening when their sentences share at least two content words and the shared words
carry enough of the weight of the lighter sentence: ``ACROSS`` for sentences of two
articles (the same day in two reports of one process is most often the same news),
``WITHIN`` for two sentences of one article (which rarely tells a thing twice, but may
repeat a lead in a caption). A word weighs more the rarer it is among all the events'
sentences (inverse document frequency); names (capitalised words inside a sentence)
count double. Words are folded before comparing: lowercase, no
apostrophes or hyphens, light stemming, no final "h" ("Ja'afari"/"Jaafari",
"Fija"/"Fijah").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from syriatl.model import Event, When
from syriatl.patterns.words import STOPWORDS

_TOKEN = re.compile(r"[^\W\d_][^\W_'’-]*(?:['’-][^\W_]+)*")
MIN_SHARED = 2
ACROSS = 0.12
WITHIN = 0.5
NAME_WEIGHT = 2.0


def normal(word: str) -> str:
    """A word folded for comparison: lowercase, no apostrophes or hyphens, light stemming."""
    w = re.sub(r"['’-]", "", word.lower())
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return w[:-1] if w.endswith("h") and len(w) > 4 else w


def words_of(text: str) -> dict[str, float]:
    """The folded content words of a sentence, names weighted NAME_WEIGHT, others 1."""
    out: dict[str, float] = {}
    for i, token in enumerate(_TOKEN.findall(text)):
        if token.lower() in STOPWORDS or len(token) < 3:
            continue
        word = normal(token)
        weight = NAME_WEIGHT if i and token[0].isupper() else 1.0
        out[word] = max(out.get(word, 0.0), weight)
    return out


def similarity(a: str, b: str, rarity: Mapping[str, float]) -> float:
    """The weight of the words two sentences share over that of the lighter sentence
    (0 when they share fewer than MIN_SHARED)."""
    words_a, words_b = words_of(a), words_of(b)
    shared = words_a.keys() & words_b.keys()
    if len(shared) < MIN_SHARED:
        return 0.0

    def weight(words: Mapping[str, float], keys: Iterable[str]) -> float:
        return sum(words[w] * rarity.get(w, 1.0) for w in keys)

    lighter = min(weight(words_a, words_a), weight(words_b, words_b))
    together = min(weight(words_a, shared), weight(words_b, shared))
    return together / lighter if lighter else 0.0


def rarity_of(texts: Iterable[str]) -> dict[str, float]:
    """Inverse document frequency of every folded word over the given sentences."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        counts.update(words_of(text).keys())
    return {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in counts.items()}


def same_happening(a: Event, b: Event, rarity: Mapping[str, float]) -> bool:
    """True when two events of one date block tell the same happening (module rule)."""
    articles_a = {s.article for s in a.sources}
    across = not articles_a & {s.article for s in b.sources}
    bar = ACROSS if across else WITHIN
    return any(similarity(x.quote, y.quote, rarity) >= bar for x in a.sources for y in b.sources)


def _key(when: When) -> tuple[str, str | None, str, str | None]:
    return (when.value, when.time, when.precision.value, when.modifier)


def merge(events: Iterable[Event]) -> tuple[Event, ...]:
    """One event per happening, in chronological order, sources in the order told."""
    listed = list(events)
    rarity = rarity_of(e.text for e in listed)
    groups: dict[tuple[str, str | None, str, str | None], list[Event]] = defaultdict(list)
    for event in listed:
        groups[_key(event.when)].append(event)
    merged: list[Event] = []
    for group in groups.values():
        clusters: list[Event] = []
        for event in sorted(group, key=_source_order):
            for i, cluster in enumerate(clusters):
                if same_happening(event, cluster, rarity):
                    clusters[i] = Event(cluster.when, cluster.text, cluster.sources + event.sources)
                    break
            else:
                clusters.append(event)
        merged.extend(clusters)
    return tuple(sorted(merged, key=lambda e: (e.when.sort_key, _source_order(e))))


def _source_order(event: Event) -> tuple[str, str, int]:
    first = event.sources[0]
    return (first.published.isoformat() if first.published else "9999", first.article, first.line)
