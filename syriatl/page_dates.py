"""The dates a page prints for itself, and which of them dates it.

Evidence ranks (``RANKS``, strongest first): a labelled publication stamp ("Published
on", "Posted:", a byline "by ... <date>"), a dateline with its year, an HTML page's
JSON-LD or ``<meta>`` date, a plain date line at the top, a live blog's entry stamps (the
earliest), a ``<time>`` element, a date path in the page's URLs, dates in image file
names. Update stamps and crawl-time tickers say when a page was changed or
crawled: an update stamp is used only when nothing else dates the page. A date line more
than a year later than every other date on the page (a ticker) gives way to another
date line; labelled stamps and dated datelines are never passed over. Numeric dates
("03/04/2019") are read in the order the page's unambiguous numbers show; when nothing
shows it, a stamp keeps both readings (``Unordered``) for the lead's weekday to choose
between (in ``published``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from syriatl import timex
from syriatl.lines import mentions_in
from syriatl.model import Confidence, Kind, Layout, Mention, Published, Segment, SegmentKind
from syriatl.patterns import stamps

# An HTML page's JSON-LD or <meta> date (``syriatl.read.html``) is its CMS's statement of
# publication: below what the page prints for its readers (a labelled stamp, a dateline
# with its year), above a bare date line, which may be a ticker; a <time> element may
# date anything on the page.
RANKS = (
    "published-stamp", "dateline", "json-ld", "html-meta", "date-line", "entry-stamp",
    "html-time", "url-path", "image-name",
)  # fmt: skip
# A page is rarely written more than a year after the latest date it tells of; a date
# that much later is a crawl-time ticker or a rework stamp.
FAR_LATER = dt.timedelta(days=365)
# The rules whose date may be passed over as far later (an unlabelled date line at the
# top, often a crawl-time ticker); update stamps are judged apart (``updated``).
PASSABLE = frozenset({"date-line", "date-line+lead-weekday"})
# The rules of stamps whose order the lead's weekday may decide (entry stamps are
# judged together, and only a lone one at the top, as a date line).
_ORDERABLE = frozenset({"published-stamp", "dateline", "date-line"})
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_NUMERIC_RULES = frozenset({"numeric-date", "numeric-date-day-first", "dotted-date"})
_LABEL_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PAGE_DATE_KINDS = frozenset({SegmentKind.DATE_LINE, SegmentKind.HEADING, SegmentKind.DATELINE})
_STORY_KINDS = frozenset({SegmentKind.PARAGRAPH, SegmentKind.ENTRY, SegmentKind.CAPTION})


def quote(text: str) -> str:
    """The text with each run of white space (line breaks too) as one space."""
    return " ".join(text.split())


def numeric(m: Mention) -> tuple[int, int, int] | None:
    """The three numbers of a numeric date ("03/04/2019", "20.2.2015"), or None."""
    if m.rule not in _NUMERIC_RULES:
        return None
    found = _NUMERIC.fullmatch(m.text)
    return (int(found[1]), int(found[2]), int(found[3])) if found else None


def day_first(pairs: Iterable[tuple[int, int]]) -> bool | None:
    """Whether a page puts the day before the month in its numeric dates, as the ones
    that can be read only one way show ("25/03/2019"); None when none does or they
    disagree."""
    pairs = list(pairs)
    days = any(a > 12 >= b for a, b in pairs)
    months = any(b > 12 >= a for a, b in pairs)
    return None if days == months else days


def day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_day(m: Mention) -> dt.date | None:
    """The day a calendar mention's fields name, or None when they name no full day."""
    s = m.spec
    if s.kind is Kind.CALENDAR and s.year and s.month and s.day:
        return day(s.year, s.month, s.day)
    return None


def reading(m: Mention, order: bool | None) -> dt.date | tuple[dt.date, dt.date] | None:
    """The day a mention names, a numeric one read in the page's order; its day-first
    and month-first readings when the order matters and the page does not show it;
    None when it names no full day."""
    numbers = numeric(m)
    if numbers is None:
        return full_day(m)
    a, b, year = numbers
    if order is not None:
        return day(year, b, a) if order else day(year, a, b)
    by_day, by_month = day(year, b, a), day(year, a, b)
    if by_day and by_month and by_day != by_month:
        return by_day, by_month
    return by_day or by_month


@dataclass(frozen=True, slots=True)
class Found:
    """A date the page gives for itself, with the rule it would date the page by."""

    date: dt.date
    rule: str
    evidence: str
    start: int


@dataclass(frozen=True, slots=True)
class Unordered:
    """A numeric stamp ("Published on 12/02/2019") whose order the page does not show:
    its day-first and month-first readings, and the rule it would date the page by."""

    day_first: dt.date
    month_first: dt.date
    stamp: str
    rule: str
    evidence: str
    start: int

    def unread(self) -> str:
        """Why the stamp alone dates nothing."""
        first, second = sorted((self.day_first, self.month_first))
        return (
            f"{self.stamp!r} could be {first} or {second}: nothing on the page shows "
            "whether it puts the day or the month first"
        )


def _label(words: str) -> str | None:
    """The kind of stamp label ``words`` are (stamps.PUBLISHED, stamps.UPDATED), or None."""
    plain = " ".join(_LABEL_WORD.findall(words.lower()))
    return next((kind for label, kind in _labels() if label.fullmatch(plain)), None)


@cache
def _labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(label), kind) for label, kind, _ in stamps.LABELS)


def _dated(text: str, seg: Segment, inside: Sequence[Mention]) -> Iterator[tuple[Mention, str]]:
    """Each date of a segment with the words before it (clock times left out)."""
    words, cursor = [], seg.start
    for m in inside:
        words.append(text[cursor : m.start])
        cursor = m.end
        if m.spec.kind is Kind.CALENDAR and m.spec.day is not None:
            yield m, "".join(words)
            words = []


def _rule(kind: SegmentKind, label: str | None, clock: bool) -> str | None:
    """The rule a date in a segment of ``kind`` dates the page by, from the label
    before it and whether the segment has a clock; None when it dates nothing."""
    if kind is SegmentKind.DATELINE:
        return "dateline"
    if label == stamps.PUBLISHED:
        return "published-stamp"
    if label == stamps.UPDATED:
        return "updated-stamp" if kind is SegmentKind.DATE_LINE else None
    if clock:
        return "entry-stamp"
    return "date-line" if kind is SegmentKind.DATE_LINE else None


def page_dates(
    text: str, layout: Layout, mentions: Sequence[Mention], order: bool | None
) -> tuple[list[Found], list[Found], list[Unordered], list[str]]:
    """The dates the page gives for itself (stamps, date lines, datelines), the update
    stamps at its top, the numeric stamps it does not order, and what could not be read."""
    found: list[Found] = []
    updates: list[Found] = []
    entries: list[tuple[Found, bool]] = []
    unordered: list[Unordered] = []
    unordered_entries: list[tuple[Unordered, bool]] = []
    notes: list[str] = []
    for seg, inside in by_segment(layout, mentions, _PAGE_DATE_KINDS):
        line = quote(text[seg.start : seg.end]).rstrip(" –—-")
        clock = any(m.spec.kind is Kind.CLOCK for m in inside)
        top = seg.kind is SegmentKind.DATE_LINE
        for m, before in _dated(text, seg, inside):
            rule = _rule(seg.kind, _label(before), clock)
            when = reading(m, order)
            if isinstance(when, tuple):
                stamp = Unordered(*when, quote(m.text), rule or "", line, m.start)
                notes.append(stamp.unread())
                if rule == "entry-stamp":
                    unordered_entries.append((replace(stamp, rule="date-line"), top))
                elif rule in _ORDERABLE:
                    unordered.append(stamp)
            elif when is not None and rule is not None:
                f = Found(when, rule, line, m.start)
                if rule == "updated-stamp":
                    updates.append(f)
                elif rule == "entry-stamp":
                    entries.append((f, top))
                else:
                    found.append(f)
    found.extend(_entry_stamps(entries))
    if not entries and len(unordered_entries) == 1 and unordered_entries[0][1]:
        unordered.append(unordered_entries[0][0])  # a lone one at the top is a date line
    return found, updates, unordered, notes


def _entry_stamps(entries: list[tuple[Found, bool]]) -> list[Found]:
    """Unlabelled date-and-clock lines: two or more are a live blog's entry stamps,
    dated by the earliest; one at the top is a date line; one in the story dates nothing."""
    if len(entries) >= 2:
        first = min((f for f, _ in entries), key=lambda f: (f.date, f.start))
        evidence = f"{first.evidence} (earliest of {len(entries)} entry stamps)"
        return [Found(first.date, "entry-stamp", evidence, first.start)]
    return [Found(f.date, "date-line", f.evidence, f.start) for f, top in entries if top]


def by_segment(
    layout: Layout, mentions: Sequence[Mention], kinds: frozenset[SegmentKind]
) -> Iterator[tuple[Segment, list[Mention]]]:
    """The segments of ``kinds`` with the mentions that start inside each."""
    starts = [m.start for m in mentions]
    for seg in layout.segments:
        if seg.kind in kinds:
            yield seg, mentions_in(mentions, starts, seg.start, seg.end)


def story_end(layout: Layout, mentions: Sequence[Mention]) -> dt.date | None:
    """The last day any year-bearing date in the story's own sentences reaches."""
    ends = []
    for _, inside in by_segment(layout, mentions, _STORY_KINDS):
        for m in inside:
            s = m.spec
            if s.kind is not Kind.CALENDAR or s.year is None:
                continue
            if s.month is None:
                ends.append(dt.date(s.year, 12, 31))
            elif s.day is None:
                ends.append(dt.date(s.year, s.month, timex.last_day(s.year, s.month)))
            else:
                ends.append(day(s.year, s.month, s.day) or dt.date(s.year, s.month, 1))
    return max(ends, default=None)


def far_later_than(day: dt.date, latest: dt.date | None) -> bool:
    """True when ``day`` is more than ``FAR_LATER`` after ``latest``, the latest other
    date on the page (None: there is none to compare with)."""
    return latest is not None and day > latest + FAR_LATER


def choose(found: list[Found], story_end: dt.date | None) -> Published:
    """The strongest evidence (``RANKS``). A date line (a ticker, ``PASSABLE``) far
    later than every other date on the page gives way to the strongest other evidence
    that is not (another date line, a URL's date path, an image name): the page offers
    another date. A labelled stamp or a dated dateline is never passed over."""
    ranked = sorted(found, key=lambda f: (RANKS.index(f.rule), f.start))
    best = top = ranked[0]
    distinct = sorted({f.date for f in found}, reverse=True)

    def latest_other(f: Found) -> dt.date | None:
        others = [d for d in distinct[:2] if d != f.date][:1] + ([story_end] if story_end else [])
        return max(others, default=None)

    if top.rule in PASSABLE and far_later_than(top.date, latest_other(top)):
        best = next((f for f in ranked if not far_later_than(f.date, latest_other(f))), top)
    evidence = best.evidence
    if best is not top:
        evidence += (
            f"; not {top.evidence!r} ({top.rule}, {top.date}), more than a year later "
            "than every other date on the page"
        )
    return Published(best.date, best.rule, evidence, None, Confidence.STATED)


def recent(stamp: Found, story_end: dt.date | None, notes: list[str]) -> Found | None:
    """An update stamp, unless it is far later than every date of the story (then it
    is when the page was crawled or reworked, and ``notes`` says so)."""
    if far_later_than(stamp.date, story_end):
        notes.append(
            f"update stamp {stamp.evidence!r} is more than a year later than every date "
            "of the story"
        )
        return None
    return stamp


def updated(stamp: Found) -> Published:
    """An update stamp as the publication date of last resort."""
    evidence = f"{stamp.evidence} (an update stamp; nothing else on the page dates it)"
    return Published(stamp.date, "updated-stamp", evidence, None, Confidence.INFERRED)
