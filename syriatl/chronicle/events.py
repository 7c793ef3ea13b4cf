"""Dated mentions become the sources of events.

Every resolved expression that places a happening on the calendar gives a dated source
at that date, with the happening its clause tells (``happenings``); a live-blog
entry's lead that gives no date of its own is one at the entry's day, and a headline
(or lead) that states a happening without a date word one at the day it was reported
(both ``basis: reported``). An entry's clock ("UPDATE 1745 GMT") is when the entry was
written, not when its happening was: a lead posted the morning after ("forces have
taken control of the town") tells of the day before as often as of that hour, so the
clock dates nothing, and a sentence that dates the happening itself wins the merge.
``merge`` then makes events of them. Durations, recurrences, PRESENT_REF and open-ended
bounds ("more than a week ago") date nothing; expressions outside the story (date
lines, datelines, chrome, comments) are evidence, not events; a photo caption is a
source only when it shows a happening, not when it names its picture.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from bisect import bisect_right
from collections.abc import Hashable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TypeVar, cast

from syriatl import localtime
from syriatl.chronicle.happenings import happening, states_happening
from syriatl.model import (
    Anchor,
    AnchorKind,
    Article,
    Basis,
    Entry,
    Happening,
    Kind,
    Layout,
    Outlet,
    Precision,
    Published,
    Resolution,
    SegmentKind,
    Sentence,
    Source,
    TimexType,
    When,
)
from syriatl.patterns.vocab import ZONES

# TIMEX3 mods that leave the date of the happening open.
_OPEN_MODS = frozenset(
    {
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
    }
)
_MODIFIERS = {"START": "early", "MID": "mid", "END": "late"}
# What lies between a clock and the same moment restated in brackets: "midnight (2100
# GMT)", "7 am local time [0400 GMT]".
_BRACKET = re.compile(r"[^\S\n]*[(\[][^\S\n]*")
# What may stand between a day and a clock that falls on it for the day to be the
# clock's own: "on Friday, March 9, at 23:40", "0735 GMT) Friday", "midnight (2100 GMT)
# on Monday", "midnight local time on Saturday", "Tuesday at 3 p.m.". Anything more
# ("agreed on Monday that the truce would start at midnight") makes them two happenings.
_BESIDE = re.compile(
    r"(?:[^\S\n]+(?:local|[A-Z][a-z]+)[^\S\n]+time)?"
    r"[)\]]?[^\S\n]*(?:(?:,[^\S\n]*)?(?:on|at)[^\S\n]+|,[^\S\n]*)?(?:the[^\S\n]+)?"
)
_DAY_RANK = Precision.DAY.rank
_T = TypeVar("_T", bound=Hashable)
_NO_OUTLET = Outlet()


def _interned(text: str | None) -> str | None:
    """One string per distinct value of a field that a corpus repeats (entry labels,
    outlets), or None."""
    return sys.intern(text) if text is not None else None


def one_line(text: str) -> str:
    """Text with every run of whitespace made one space."""
    return " ".join(text.split())


@lru_cache(maxsize=64)
def _quote(text: str, start: int, end: int) -> str:
    """A sentence on one line; one string for all the events of a sentence."""
    return one_line(text[start:end])


def entry_day(entry: Entry, published: dt.date) -> dt.date:
    """The day of a live-blog entry: the publication date plus the entry's day offset."""
    return published + dt.timedelta(days=entry.day_offset)


@lru_cache(maxsize=1024)
def entry_anchor(entry: Entry, published: dt.date) -> Anchor:
    """An entry's clock as the reference time of its text."""
    clock = dt.time(entry.hour, entry.minute or 0) if entry.hour is not None else None
    return Anchor(AnchorKind.ENTRY, entry_day(entry, published), clock, entry.label)


@lru_cache(maxsize=1 << 16)
def shared_when(
    value: str, precision: Precision, start: dt.date, end: dt.date, time: str | None,
    modifier: str | None, at: str | None = None, zone: str | None = None,
) -> When:  # fmt: skip
    """A When, one object per distinct date: a large corpus repeats a few thousand dates
    across hundreds of thousands of events."""
    return When(value, precision, start, end, time, modifier, at, zone)


def day_when(day: dt.date) -> When:
    """The When of a whole day."""
    return shared_when(day.isoformat(), Precision.DAY, day, day, None, None)


@lru_cache(maxsize=1 << 16)
def _first_of(value: Hashable) -> Hashable:
    return value


def shared(value: _T) -> _T:
    """One object per distinct value (a Happening, an Anchor, a When): reposts and
    templates repeat them, and worker processes send copies of their own."""
    return cast(_T, _first_of(value))


def _timed_when(timed: localtime.Timed) -> When:
    day = timed.date
    return shared_when(day.isoformat(), Precision.TIME, day, day, timed.time, None, timed.at,
                       timed.zone)  # fmt: skip


def _hour_minute(clock: str) -> tuple[int, int]:
    return int(clock[:2]), int(clock[3:5])


_OFFSETS = {name.upper(): hours for name, hours in ZONES.items()}


def _offset(r: Resolution) -> float | None:
    """The UTC offset, in hours, of the zone printed with a clock ("GMT", "EST"); None for
    a local clock ("6 p.m. local time", "at midnight")."""
    printed = r.mention.spec.zone
    return _OFFSETS.get(printed.upper()) if printed else None


def _is_clock(r: Resolution) -> bool:
    return (
        r.mention.spec.kind is Kind.CLOCK and r.time is not None and r.start is not None
        and r.precision is Precision.TIME
    )  # fmt: skip


def when_of(resolution: Resolution, zone: str | None = None) -> When | None:
    """The event date of a resolution, or None when it dates no happening.

    A clock is dated by its local day (midnight ending day D, ``DT24:00``, opens D + 1)
    and carries its instant and zone (``localtime``): a clock printed in GMT/UTC or
    another zone has its instant; a local clock has one only when ``zone`` (the
    article's ``timezone``) is known."""
    r = resolution
    if r.type not in (TimexType.DATE, TimexType.TIME) or r.start is None or r.end is None:
        return None
    if r.precision is None or (r.mod or "") in _OPEN_MODS:
        return None
    if _is_clock(r) and r.time:
        hour, minute = _hour_minute(r.time)
        offset = _offset(r)
        if offset is not None:
            return _timed_when(localtime.offset_clock(r.start, hour, minute, offset, zone))
        return _timed_when(localtime.local_clock(r.start, hour, minute, zone))
    value = r.value.split("T", 1)[0]
    precision = Precision.DAY if r.precision is Precision.TIME else r.precision
    return shared_when(value, precision, r.start, r.end, None, _MODIFIERS.get(r.mod or ""))


def _equivalent(local: Resolution, utc: Resolution, zone: str | None) -> When | None:
    """The one instant of a local clock and its UTC equivalent printed in brackets."""
    offset = _offset(utc)
    if local.start is None or utc.start is None or not local.time or not utc.time:
        return None
    if offset is None or _offset(local) is not None:
        return None
    hour, minute = _hour_minute(local.time)
    utc_moment = dt.datetime.combine(utc.start, dt.time(0)) + dt.timedelta(
        hours=_hour_minute(utc.time)[0] - offset, minutes=_hour_minute(utc.time)[1]
    )
    return _timed_when(
        localtime.equivalent(local.start, hour, minute, utc_moment.hour, utc_moment.minute, zone)
    )


def event_whens(
    text: str,
    placed: Sequence[tuple[Resolution, Sentence | None]],
    zone: str | None = None,
) -> list[When | None]:
    """The event date of each resolution (in text order) of one article.

    Besides ``when_of``: a local clock and the UTC clock restated in brackets beside it
    ("midnight (2100 GMT)", "7 am local time (0400 GMT)") are one instant, dated by the
    local clock's day; and a day named with a clock in its sentence ("on Saturday,
    March 9, at 23:40", "midnight (2100 GMT) on Monday"), which the clock falls on,
    is dated as that clock, so that "midnight on Monday" is dated Tuesday, not both."""
    whens = [when_of(r, zone) for r, _ in placed]
    for i in range(len(placed) - 1):
        (a, sa), (b, sb) = placed[i], placed[i + 1]
        if sa is None or sa is not sb or not (_is_clock(a) and _is_clock(b)):
            continue
        if not _BRACKET.fullmatch(text, a.mention.end, b.mention.start):
            continue
        one = _equivalent(a, b, zone) or _equivalent(b, a, zone)
        if one is not None:
            whens[i] = whens[i + 1] = one
    clocks = [i for i, (r, s) in enumerate(placed) if s is not None and _is_clock(r)]
    for i, (r, sentence) in enumerate(placed):
        if sentence is None or _is_clock(r) or whens[i] is None or r.start is None:
            continue
        if r.precision not in (Precision.DAY, Precision.TIME):
            continue
        near = [
            j for j in clocks
            if placed[j][1] is sentence and placed[j][0].start == r.start
            and _beside(text, r, placed[j][0])
        ]  # fmt: skip
        if near:
            whens[i] = whens[near[0]]
    return whens


def _beside(text: str, a: Resolution, b: Resolution) -> bool:
    first, second = (a, b) if a.mention.start <= b.mention.start else (b, a)
    return _BESIDE.fullmatch(text, first.mention.end, second.mention.start) is not None


def entry_when(entry: Entry, published: dt.date, zone: str | None = None) -> When:
    """The timestamp of a live-blog entry: its day, and its clock when it prints one: in
    the zone its label prints ("UPDATE 1745 GMT"), else a local clock, whose instant is
    known when the article's zone is ("20:32 20.2.2015")."""
    day = entry_day(entry, published)
    if entry.hour is None:
        return day_when(day)
    words = entry.label.split()
    offset = _OFFSETS.get(words[-1].upper()) if words else None
    if offset is not None:
        return _timed_when(localtime.offset_clock(day, entry.hour, entry.minute or 0, offset, zone))
    return _timed_when(localtime.local_clock(day, entry.hour, entry.minute or 0, zone))


def _sentence_of(
    sentences: Sequence[Sentence], starts: Sequence[int], offset: int
) -> Sentence | None:
    i = bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


def article_events(
    article: Article,
    layout: Layout,
    resolutions: Sequence[Resolution],
    published: Published,
    outlet: Outlet = _NO_OUTLET,
) -> tuple[Source, ...]:
    """The dated mentions one article tells (entry leads first, then in text order, then
    the headline): one per expression that dates a happening, each with the happening
    its clause tells; one per live-blog entry lead that gives no date of its own, at the
    entry's day; and the happening an undated headline states (or an undated lead,
    when the page has no entries), at the day it was reported."""
    sentences = layout.sentences
    starts = [s.start for s in sentences]
    text = article.text
    events: list[Source] = []
    seen: set[tuple[int, str, str | None]] = set()
    leads = False  # whether an entry's lead is a source of the entry's day
    dated_sentences: set[int] = set()
    # The sentences whose words give a day: an entry lead that dates its happening ("met
    # on Monday", "will meet on Tuesday", "this morning") is dated by its words, not by
    # the entry.
    zone = article.meta.timezone
    located = [(r, _sentence_of(sentences, starts, r.mention.start)) for r in resolutions]
    whens = event_whens(text, located, zone)
    placed = [(r, found, dated) for (r, found), dated in zip(located, whens, strict=True)]
    given_a_day = {
        found.start
        for _, found, dated in placed
        if found is not None and dated is not None and dated.precision.rank >= _DAY_RANK
    }
    if published.date is not None:
        for sentence in sentences:
            entry = sentence.segment.entry
            if entry is None or sentence.segment.start != sentence.start:
                continue
            if sentence.segment.kind is not SegmentKind.ENTRY:
                continue
            if sentence.start in given_a_day:
                continue  # the lead's own words date it: its sources are the text's
            # The entry's day, not its clock: the clock is when the entry was written.
            when = day_when(entry_day(entry, published.date))
            leads = True
            anchor = entry_anchor(entry, published.date)
            events.append(
                _reported(article, text, sentence, when, "entry-day", published, anchor, outlet)
            )
    # where each sentence's expressions are, to tell their happenings apart
    spans: dict[int, list[tuple[int, int]]] = {}
    for r, found, _ in placed:
        if found is not None:
            at = r.mention.start - found.start
            spans.setdefault(found.start, []).append((at, at + len(r.mention.text)))
    for r, found, dated in placed:
        if found is not None:
            dated_sentences.add(found.start)
        if dated is None or found is None:
            continue
        key = (found.start, dated.value, dated.time)
        if key in seen:
            continue
        seen.add(key)
        sentence_text = text[found.start : found.end]
        at = r.mention.start - found.start
        end = at + len(r.mention.text)
        near = spans[found.start]
        prior = max((e for _, e in near if e <= at), default=None)
        following = min((s for s, _ in near if s >= end), default=None)
        told = happening(sentence_text, at, end, (prior, following))
        caption = found.segment.kind is SegmentKind.CAPTION
        if caption and told.kind == "other":
            continue  # a caption that names only its picture
        events.append(
            _source(article, text, found, dated, r, f"{r.mention.rule}/{r.rule}", published,
                    r.anchor, told, outlet=outlet)
        )  # fmt: skip
    if published.date is not None:
        headline = _headline(
            article, layout, sentences, dated_sentences, published, outlet, not leads
        )
        if headline is not None:
            events.append(headline)
    return tuple(events)


def _headline(
    article: Article,
    layout: Layout,
    sentences: Sequence[Sentence],
    dated: set[int],
    published: Published,
    outlet: Outlet,
    lead_too: bool,
) -> Source | None:
    """The happening the headline (or else, with ``lead_too``, the lead) states without a
    date word, as a mention at the day it was reported; None when they carry a date or
    state nothing."""
    day = published.date
    if day is None:
        return None
    when = day_when(day)
    anchor = Anchor(AnchorKind.PUBLISHED, day, None, f"published ({published.rule})")
    title = next((s for s in layout.segments if s.kind is SegmentKind.TITLE), None)
    if title is not None and not any(title.start <= d < title.end for d in dated):
        end = title.end
        site = outlet.site
        head = article.text[title.start : title.end]
        if site and head.rstrip().endswith(site):  # "Truce holds | Gulf Daily"
            cut = head.rstrip()[: -len(site)].rstrip()
            if cut[-1:] in ("|", "-", "–", "—", ":"):
                end = title.start + len(cut[:-1].rstrip())
        heading = Sentence(title.start, end, title.line, title)
        if states_happening(article.text[title.start : title.end]):
            return _reported(
                article, article.text, heading, when, "reported", published, anchor, outlet
            )
    if not lead_too:
        return None
    lead = next((s for s in sentences if s.segment.kind is SegmentKind.PARAGRAPH), None)
    if lead is None or lead.start in dated:
        return None
    if states_happening(article.text[lead.start : lead.end]):
        return _reported(article, article.text, lead, when, "reported", published, anchor, outlet)
    return None


def _reported(
    article: Article,
    text: str,
    sentence: Sentence,
    when: When,
    rule: str,
    published: Published,
    anchor: Anchor,
    outlet: Outlet,
) -> Source:
    """A mention dated by the report: its day, or its live-blog entry's clock."""
    told = happening(text[sentence.start : sentence.end])
    return _source(article, text, sentence, when, None, rule, published, anchor, told,
                   Basis.REPORTED, outlet)  # fmt: skip


def _source(
    article: Article,
    text: str,
    sentence: Sentence,
    when: When,
    r: Resolution | None,
    rule: str,
    published: Published,
    anchor: Anchor | None,
    told: Happening,
    basis: Basis = Basis.TEXT,
    outlet: Outlet = _NO_OUTLET,
) -> Source:
    # Interned: reposts and live blogs repeat sentences word for word, and a corpus of
    # a hundred thousand articles holds its sentences until the merge.
    quote = sys.intern(_quote(text, sentence.start, sentence.end))
    short = one_line(told.text)
    if short == quote:  # the whole sentence: one string for both
        short = quote
    if short != told.text or short is quote:
        told = replace(told, text=sys.intern(short))
    told = shared(told)
    entry = sentence.segment.entry
    return Source(
        article=article.id,
        quote=quote,
        when=when,
        expression=sys.intern(r.mention.text) if r else None,
        rule=sys.intern(rule),
        line=sentence.line + article.line_offset,
        entry=sys.intern(entry.label) if entry else None,
        anchor=shared(anchor) if anchor is not None else None,
        outlet=_interned(outlet.site),
        published=shared(published.date),
        happening=told,
        basis=basis,
        caption=sentence.segment.kind is SegmentKind.CAPTION,
        origin=_interned(outlet.origin),
    )
