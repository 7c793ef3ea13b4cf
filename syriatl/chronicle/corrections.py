"""What an editor says about the chronology, once, in ``corrections.yaml``.

Four kinds of correction, each keyed by stable source references (article id, line,
expression; see ``Source.ref``), never by a position in the output:

- ``pin``: a source's date is the one given (a day, a month or a year, a day with a clock);
- ``hide``: a source is left out of the chronology;
- ``split``: a source leaves its event and becomes an event of its own;
- ``join``: the events of two sources are one.

Pin and hide change the sources before they are merged; split and join change the merged
events (in the file's order, splits first). Every correction applied is named in the
``corrections`` of the events it shaped; one that matches nothing is a warning naming it.
This module is pure: it takes the plain values ``metadata.load`` gives and the sources.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from syriatl.chronicle.merge import PINNED, event_of, event_position, merge, with_ids
from syriatl.errors import SyriatlError
from syriatl.metadata import Value
from syriatl.model import Basis, Event, Precision, Source, When

KINDS = ("pin", "split", "join", "hide")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_LINE = re.compile(r"[1-9]\d*")


@dataclass(frozen=True, slots=True)
class Ref:
    """A source as an editor names it: article id, 1-based line, expression (None for a
    source with no date word: a headline, a lead, an entry's lead)."""

    article: str
    line: int
    expression: str | None = None

    def __str__(self) -> str:
        tail = f":{self.expression}" if self.expression is not None else ""
        return f"{self.article}:{self.line}{tail}"

    def matches(self, source: Source) -> bool:
        """True when ``source`` is the one named (the expression compared with its
        runs of white space folded)."""
        article, line, expression = source.ref
        if article != self.article or line != self.line:
            return False
        if expression is None or self.expression is None:
            return expression is None and self.expression is None
        return _fold(expression) == self.expression


@dataclass(frozen=True, slots=True)
class Pin:
    """``source`` is dated ``when`` (``why`` is the editor's note)."""

    source: Ref
    when: When
    why: str | None = None

    @property
    def label(self) -> str:
        clock = f" {self.when.time}" if self.when.time else ""
        return _noted(f"pin {self.source} → {self.when.value}{clock}", self.why)


@dataclass(frozen=True, slots=True)
class Split:
    """``source`` leaves its event and is an event of its own."""

    source: Ref
    why: str | None = None

    @property
    def label(self) -> str:
        return _noted(f"split {self.source}", self.why)


@dataclass(frozen=True, slots=True)
class Join:
    """The event of ``first`` and the event of ``second`` are one."""

    first: Ref
    second: Ref
    why: str | None = None

    @property
    def label(self) -> str:
        return _noted(f"join {self.first} + {self.second}", self.why)


@dataclass(frozen=True, slots=True)
class Hide:
    """``source`` is left out of the chronology."""

    source: Ref
    why: str | None = None

    @property
    def label(self) -> str:
        return _noted(f"hide {self.source}", self.why)


@dataclass(frozen=True, slots=True)
class Corrections:
    """The corrections of one or more files, each with the file it came from (``where``
    of every entry, in the same order)."""

    pins: tuple[tuple[str, Pin], ...] = ()
    splits: tuple[tuple[str, Split], ...] = ()
    joins: tuple[tuple[str, Join], ...] = ()
    hides: tuple[tuple[str, Hide], ...] = ()

    def __add__(self, other: Corrections) -> Corrections:
        return Corrections(
            self.pins + other.pins,
            self.splits + other.splits,
            self.joins + other.joins,
            self.hides + other.hides,
        )

    def __bool__(self) -> bool:
        return bool(self.pins or self.splits or self.joins or self.hides)


NONE = Corrections()


def _noted(label: str, why: str | None) -> str:
    return f"{label} ({why})" if why else label


def _fold(text: str) -> str:
    return " ".join(text.split())


# ---- reading plain values ---------------------------------------------------------------


def _text(value: Value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be text")
    return value.strip()


def ref_of(value: Value) -> Ref:
    """A reference from ``ARTICLE:LINE:EXPRESSION`` (split on the first two colons),
    ``ARTICLE:LINE``, or a mapping of ``article``, ``line`` and ``expression``."""
    if isinstance(value, str):
        parts = value.strip().split(":", 2)
        if len(parts) < 2:
            raise ValueError(f"source {value!r} is not ARTICLE:LINE or ARTICLE:LINE:EXPRESSION")
        article, line, expression = parts[0], parts[1], parts[2] if len(parts) == 3 else None
    elif isinstance(value, tuple):
        fields = _fields(value, ("article", "line", "expression"), "a source")
        if "article" not in fields or "line" not in fields:
            raise ValueError("a source mapping needs article and line")
        article = _text(fields["article"], "article")
        line = _text(fields["line"], "line")
        given = fields.get("expression")
        expression = None if given is None else _text(given, "expression")
    else:
        raise ValueError("a source must be ARTICLE:LINE:EXPRESSION or a mapping, not a list")
    if not article.strip():
        raise ValueError(f"source {value!r} names no article")
    if not _LINE.fullmatch(line.strip()):
        raise ValueError(f"source {article}: line {line!r} is not a line number (1, 2, ...)")
    folded = _fold(expression) if expression is not None else None
    return Ref(article.strip(), int(line), folded or None)


def _fields(
    pairs: tuple[tuple[str, Value], ...], known: Sequence[str], what: str
) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for key, value in pairs:
        if key not in known:
            raise ValueError(f"{what}: unknown field {key!r} (known: {', '.join(known)})")
        if key in out:
            raise ValueError(f"{what}: {key} is given twice")
        out[key] = value
    return out


def when_of(date: str, time: str | None) -> When:
    """The date a pin gives: ``YYYY-MM-DD`` (with ``time`` ``HH:MM`` UTC, if given: then
    the day is the one in UTC, ``zone`` is ``UTC`` and ``at`` the instant), ``YYYY-MM``
    or ``YYYY``."""
    try:
        if day := _DAY.fullmatch(date):
            when = dt.date(int(day[1]), int(day[2]), int(day[3]))
            if time is None:
                return When(date, Precision.DAY, when, when)
            if not _CLOCK.fullmatch(time):
                raise ValueError(f"time {time!r} is not HH:MM (00:00 to 23:59)")
            return When(date, Precision.TIME, when, when, time, None, f"{date}T{time}:00Z", "UTC")
        if time is not None:
            raise ValueError(f"time {time!r} needs a date to the day")
        if month := _MONTH.fullmatch(date):
            year, number = int(month[1]), int(month[2])
            last = monthrange(year, number)[1] if 1 <= number <= 12 else 0
            return When(
                date, Precision.MONTH, dt.date(year, number, 1), dt.date(year, number, last)
            )
        if _YEAR.fullmatch(date):
            year = int(date)
            return When(date, Precision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError as error:
        if "time" in str(error):
            raise
        raise ValueError(f"date {date!r} is not a calendar date") from None
    raise ValueError(f"date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


def _why(fields: dict[str, Value]) -> str | None:
    why = fields.get("why")
    return None if why is None else _fold(_text(why, "why"))


def _single(kind: str, item: Value) -> tuple[Ref, dict[str, Value]]:
    """The source of a split, hide or pin entry (a reference alone, or a mapping with
    ``source``) and the entry's fields."""
    known = ("source", "date", "time", "why") if kind == "pin" else ("source", "why")
    if isinstance(item, tuple):
        fields = _fields(item, known, kind)
        if "source" not in fields:
            raise ValueError(f"{kind}: an entry needs a source")
        return ref_of(fields["source"]), fields
    if kind == "pin" or not isinstance(item, str):
        shape = "source and date" if kind == "pin" else "source (or a reference alone)"
        raise ValueError(f"{kind}: an entry must be a mapping with {shape}")
    return ref_of(item), {}


def _pin(item: Value) -> Pin:
    ref, fields = _single("pin", item)
    if "date" not in fields:
        raise ValueError(f"pin {ref}: needs a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    time = fields.get("time")
    try:
        when = when_of(_text(fields["date"], "date"), None if time is None else _text(time, "time"))
    except ValueError as error:
        raise ValueError(f"pin {ref}: {error}") from None
    return Pin(ref, when, _why(fields))


def _split(item: Value) -> Split:
    ref, fields = _single("split", item)
    return Split(ref, _why(fields))


def _hide(item: Value) -> Hide:
    ref, fields = _single("hide", item)
    return Hide(ref, _why(fields))


def _join(item: Value) -> Join:
    fields: dict[str, Value] = {}
    pair = item
    if isinstance(item, tuple):
        fields = _fields(item, ("sources", "why"), "join")
        pair = fields.get("sources")
    if not isinstance(pair, list) or len(pair) != 2:
        raise ValueError("join: an entry must be a list of two sources (or sources: [A, B])")
    return Join(ref_of(pair[0]), ref_of(pair[1]), _why(fields))


def _entries(raw: Value) -> dict[str, list[Value]]:
    if not isinstance(raw, tuple):
        raise ValueError(f"must be a mapping of {', '.join(KINDS)}")
    lists: dict[str, list[Value]] = {}
    for kind, items in _fields(raw, KINDS, "corrections").items():
        if items is None:
            continue
        if not isinstance(items, list):
            raise ValueError(f"{kind} must be a list of entries")
        lists[kind] = items
    return lists


def parse(raw: Value, where: str) -> Corrections:
    """The corrections of one file's plain values; raises SyriatlError naming ``where``
    and the problem (exit code INPUT) when they are not corrections."""
    if raw is None:
        return NONE
    try:
        lists = _entries(raw)
        pins = tuple(_pin(i) for i in lists.get("pin", []))
        seen: dict[Ref, When] = {}
        for pin in pins:
            if seen.setdefault(pin.source, pin.when) != pin.when:
                raise ValueError(f"pin {pin.source}: pinned twice, to different dates")
        return Corrections(
            tuple((where, p) for p in pins),
            tuple((where, _split(i)) for i in lists.get("split", [])),
            tuple((where, _join(i)) for i in lists.get("join", [])),
            tuple((where, _hide(i)) for i in lists.get("hide", [])),
        )
    except ValueError as error:
        raise SyriatlError(where, str(error)) from None


# ---- applying them ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Applied:
    """The events a build keeps after its corrections, and a warning for each correction
    that matched nothing (``FILE: LABEL matches no source``)."""

    events: tuple[Event, ...]
    warnings: tuple[str, ...]


def _unmatched(where: str, label: str, what: str = "source") -> str:
    return f"{where}: {label} matches no {what}"


def pinned(source: Source, pin: Pin) -> Source:
    """The source dated as the pin says; its rule keeps what the text said."""
    rule = f"{PINNED} (read {source.when.value} by {source.rule})"
    return replace(source, when=pin.when, rule=rule, basis=Basis.TEXT)


Refs = dict[tuple[str, int], list[int]]


def _by_line(refs: Iterable[Ref]) -> Refs:
    """Indices of the references by (article, line), so that each source is looked up
    once rather than against every correction."""
    index: Refs = {}
    for i, ref in enumerate(refs):
        index.setdefault((ref.article, ref.line), []).append(i)
    return index


def correct_sources(
    corrections: Corrections, sources: Iterable[Source]
) -> tuple[list[Source], dict[tuple[str, int, str | None], str], list[str]]:
    """The sources with hidden ones left out and pinned ones dated as pinned; the label of
    the pin of each pinned source's reference; a warning per pin or hide matching none."""
    hides = [h for _, h in corrections.hides]
    pins = [p for _, p in corrections.pins]
    hide_at, pin_at = _by_line(h.source for h in hides), _by_line(p.source for p in pins)
    hide_hits, pin_hits = [False] * len(hides), [False] * len(pins)
    kept: list[Source] = []
    labels: dict[tuple[str, int, str | None], str] = {}
    for source in sources:
        at = (source.article, source.line)
        hidden = [i for i in hide_at.get(at, ()) if hides[i].source.matches(source)]
        for i in hidden:
            hide_hits[i] = True
        if hidden:
            continue
        for i in pin_at.get(at, ()):
            if pins[i].source.matches(source):
                pin_hits[i] = True
                labels[source.ref] = pins[i].label
                source = pinned(source, pins[i])
                break
        kept.append(source)
    warnings = [
        _unmatched(where, h.label)
        for (where, h), hit in zip(corrections.hides, hide_hits, strict=True)
        if not hit
    ]
    warnings += [
        _unmatched(where, p.label)
        for (where, p), hit in zip(corrections.pins, pin_hits, strict=True)
        if not hit
    ]
    return kept, labels, warnings


def _members(event: Event) -> list[Source]:
    return [*event.sources, *event.conflicts]


def _holders(events: Sequence[Event], ref: Ref) -> list[int]:
    return [i for i, e in enumerate(events) if any(ref.matches(s) for s in _members(e))]


def _labelled(event: Event, labels: Sequence[str]) -> Event:
    return replace(event, corrections=tuple(dict.fromkeys((*event.corrections, *labels))))


def correct_events(
    corrections: Corrections,
    events: Sequence[Event],
    pins: dict[tuple[str, int, str | None], str],
) -> tuple[tuple[Event, ...], list[str]]:
    """The merged events split and joined as the corrections say (splits first, each kind
    in the files' order), each naming the corrections that shaped it; a warning for each
    split or join whose source is in no event."""
    work = list(events)
    warnings: list[str] = []
    changed = False
    for where, split in corrections.splits:
        holders = _holders(work, split.source)
        if not holders:
            warnings.append(_unmatched(where, split.label))
        for i in holders:
            members = _members(work[i])
            out = [s for s in members if split.source.matches(s)]
            rest = [s for s in members if not split.source.matches(s)]
            if rest:  # otherwise the source already is an event of its own
                work.append(_labelled(event_of(out), (*work[i].corrections, split.label)))
                work[i] = replace(event_of(rest), corrections=work[i].corrections)
                changed = True
            work[i] = _labelled(work[i], (split.label,))
    for where, join in corrections.joins:
        first, second = _holders(work, join.first)[:1], _holders(work, join.second)[:1]
        missing = [r for r, h in ((join.first, first), (join.second, second)) if not h]
        if missing:
            unmatched = " and ".join(str(r) for r in missing)
            warnings.append(f"{where}: {join.label}: {unmatched} matches no source")
            continue
        a, b = sorted((first[0], second[0]))
        if a != b:
            labels = (*work[a].corrections, *work[b].corrections)
            work[a] = replace(event_of(_members(work[a]) + _members(work[b])), corrections=labels)
            del work[b]
            changed = True
        work[a] = _labelled(work[a], (join.label,))
    if pins:
        for i, event in enumerate(work):
            told = [pins[s.ref] for s in _members(event) if s.ref in pins]
            if told:
                work[i] = replace(
                    event, corrections=tuple(dict.fromkeys((*told, *event.corrections)))
                )
    if changed:
        return with_ids(sorted(work, key=event_position)), warnings
    return tuple(work), warnings


def merged(corrections: Corrections, sources: Iterable[Source]) -> Applied:
    """The events of ``sources`` merged with the corrections applied: pins and hides to
    the sources before merging, splits and joins to the merged events."""
    if not corrections:
        return Applied(merge(sources), ())
    kept, pins, warnings = correct_sources(corrections, sources)
    events, more = correct_events(corrections, merge(kept), pins)
    return Applied(events, (*warnings, *more))
