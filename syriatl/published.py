"""When was an article written? A date with the rule and quoted evidence, or why not.

Evidence, strongest first: the date given as metadata; a date line ("January 24, 2017");
a dateline with a year; date paths in URLs; dates in image file names. A dateline
without a year ("MOSCOW, Feb 24 -") takes the one year near the rest of the corpus in
which that day is the weekday the story's lead names. Reader-comment stamps bound the
date from above and embedded posts from below; with the lead's weekday they can fix it.
Crawl-relative chrome ("6 months ago") is ignored. Anything less is undated: never a
guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from syriatl.model import (
    Article,
    Confidence,
    Direction,
    Kind,
    Layout,
    Mention,
    Published,
    SegmentKind,
)

_URL_DATE = re.compile(r"https?://\S*?/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:/|\b)")
_IMAGE_DATE = re.compile(
    r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*?-(\d\d?)-(\d\d?)-(\d\d(?:\d\d)?)"
    r"(?:\.(?:jpe?g|png|gif|webp))?(?![\w-])"
)
_EMBED = re.compile(r"@\w{2,}|pic\.twitter\.com|twitter\.com/|facebook\.com/|instagram\.com/")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class YearlessDate:
    """A dateline's month and day, waiting for a year, with the weekday that must fit."""

    month: int
    day: int
    weekday: int | None
    evidence: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an article's own text (and metadata) says about its date."""

    published: Published
    yearless: YearlessDate | None = None
    warnings: tuple[str, ...] = ()


def _quote(text: str) -> str:
    return " ".join(text.split())


def _full_dates(mentions: Iterable[Mention]) -> list[tuple[dt.date, Mention]]:
    out = []
    for m in mentions:
        s = m.spec
        if s.kind is Kind.CALENDAR and s.year and s.month and s.day:
            try:
                out.append((dt.date(s.year, s.month, s.day), m))
            except ValueError:
                continue
    return out


def _in_kinds(
    layout: Layout, mentions: Sequence[Mention], kinds: set[SegmentKind]
) -> list[Mention]:
    spans = [(s.start, s.end) for s in layout.segments if s.kind in kinds]
    return [m for m in mentions if any(a <= m.start < b for a, b in spans)]


def _lead_weekday(layout: Layout, mentions: Sequence[Mention]) -> tuple[int, str] | None:
    """The weekday the story's first sentence reports, when it looks back or names today."""
    if not layout.sentences:
        return None
    first = next(
        (s for s in layout.sentences if s.segment.kind is not SegmentKind.CAPTION),
        layout.sentences[0],
    )
    for m in mentions:
        in_lead = first.start <= m.start < first.end
        if (
            in_lead
            and m.spec.kind is Kind.WEEKDAY
            and m.spec.relation is None
            and (m.cue is not Direction.FUTURE)
            and m.spec.weekday is not None
        ):
            return m.spec.weekday, m.text
    return None


def _url(text: str) -> tuple[dt.date, str] | str | None:
    found = set()
    for match in _URL_DATE.finditer(text):
        try:
            found.add((dt.date(*(int(g) for g in match.groups())), match.group()))
        except ValueError:
            continue
    days = {d for d, _ in found}
    if len(days) == 1:
        day = days.pop()
        return day, next(u for d, u in sorted(found) if d == day)
    if len(days) > 1:
        return f"URLs carry {len(days)} different dates"
    return None


def _images(text: str) -> tuple[dt.date, str] | str | None:
    """The latest date in image file names, read day-month or month-day as the page's
    unambiguous names show; None when the page has none, a reason when they cannot be read."""
    names = [
        (m.group(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
        for m in _IMAGE_DATE.finditer(text)
    ]
    if not names:
        return None
    day_first = any(a > 12 >= b for _, a, b, _ in names)
    month_first = any(b > 12 >= a for _, a, b, _ in names)
    if day_first == month_first:
        return "image file names do not show whether they put the day or the month first"
    dates = []
    for name, a, b, year in names:
        day, month = (a, b) if day_first else (b, a)
        full_year = year if year > 99 else 2000 + year
        try:
            dates.append((dt.date(full_year, month, day), name))
        except ValueError:
            continue
    return max(dates) if dates else None


def _bounded(
    upper: tuple[dt.date, str] | None,
    lower: tuple[dt.date, str] | None,
    lead: tuple[int, str] | None,
) -> Published | None:
    """The one day within the bounds that the lead's weekday names, if the bounds fix it."""
    if lead is None or (upper is None and lower is None):
        return None
    weekday, word = lead
    if upper is not None:
        day = upper[0] - dt.timedelta(days=(upper[0].weekday() - weekday) % 7)
        if lower is not None and day < lower[0]:
            return None
        evidence = f"first comment {upper[1]}; lead says {word!r}"
        return Published(day, "comments-bound+lead-weekday", evidence, None, Confidence.INFERRED)
    assert lower is not None
    day = lower[0] + dt.timedelta(days=(weekday - lower[0].weekday()) % 7)
    evidence = f"embedded post {lower[1]}; lead says {word!r}"
    return Published(day, "embed-bound+lead-weekday", evidence, None, Confidence.INFERRED)


def _stated(
    article: Article, layout: Layout, mentions: Sequence[Mention]
) -> tuple[Published | None, YearlessDate | None, list[str]]:
    """The date the text states outright, a year-less dateline, and what could not be read."""
    text = article.text
    notes: list[str] = []
    for kind, rule in ((SegmentKind.DATE_LINE, "date-line"), (SegmentKind.DATELINE, "dateline")):
        for seg in (s for s in layout.segments if s.kind is kind):
            inside = [m for m in mentions if seg.start <= m.start < seg.end]
            dates = _full_dates(inside)
            if dates:
                return (
                    Published(
                        dates[0][0],
                        rule,
                        _quote(text[seg.start : seg.end]).rstrip(" –—-"),
                        None,
                        Confidence.STATED,
                    ),
                    None,
                    notes,
                )
    for finder, rule in ((_url, "url-path"), (_images, "image-name")):
        found = finder(text)
        if isinstance(found, str):
            notes.append(found)
        elif found:
            return Published(found[0], rule, found[1], None, Confidence.STATED), None, notes
    for seg in (s for s in layout.segments if s.kind is SegmentKind.DATELINE):
        for m in mentions:
            s = m.spec
            if seg.start <= m.start < seg.end and s.month and s.day and s.year is None:
                lead = _lead_weekday(layout, mentions)
                words = _quote(text[seg.start : seg.end]).rstrip(" –—-")
                evidence = words + (f"; lead says {lead[1]!r}" if lead else "")
                return (
                    None,
                    YearlessDate(s.month, s.day, lead[0] if lead else None, evidence),
                    notes,
                )
    return None, None, notes


def evidence(article: Article, layout: Layout, mentions: Sequence[Mention]) -> Evidence:
    """Everything one article's text and metadata say about its date, corpus aside."""
    stated, yearless, notes = _stated(article, layout, mentions)
    comments = _full_dates(_in_kinds(layout, mentions, {SegmentKind.COMMENT_STAMP}))
    upper = min(((d, _quote(m.text)) for d, m in comments), default=None)
    embeds = [
        (d, _quote(m.text))
        for d, m in _full_dates(
            _in_kinds(
                layout,
                mentions,
                {
                    SegmentKind.PARAGRAPH,
                    SegmentKind.CAPTION,
                    SegmentKind.ENTRY,
                    SegmentKind.CHROME,
                    SegmentKind.EMBED,
                    SegmentKind.EMBED_SIGNATURE,
                },
            )
        )
        if _EMBED.search(article.text[max(0, m.start - 120) : m.end + 20])
    ]
    lower = max(embeds, default=None)
    warnings: list[str] = []
    given = article.meta.published
    if given is not None:
        if stated and stated.date != given:
            warnings.append(
                f"{article.path}: metadata says published {given}, but the text says "
                f"{stated.date} ({stated.rule}: {stated.evidence!r})"
            )
        if upper and given > upper[0]:
            warnings.append(
                f"{article.path}: metadata says published {given}, after its first "
                f"reader comment ({upper[1]!r})"
            )
        return Evidence(
            Published(given, "metadata", f"published: {given}", None, Confidence.GIVEN),
            None,
            tuple(warnings),
        )
    if stated:
        return Evidence(stated, None, tuple(warnings))
    bounded = _bounded(upper, lower, _lead_weekday(layout, mentions))
    if bounded and not yearless:
        return Evidence(bounded, None, tuple(warnings))
    if yearless:
        reason = f"dateline {yearless.evidence!r} gives no year"
        return Evidence(Published(None, None, None, reason), yearless, tuple(warnings))
    return Evidence(
        Published(None, None, None, _undated_reason(upper, lower, notes)), None, tuple(warnings)
    )


def _undated_reason(
    upper: tuple[dt.date, str] | None, lower: tuple[dt.date, str] | None, notes: list[str]
) -> str:
    parts = ["no date line, dated dateline, URL date or image date"]
    if upper:
        parts.append(f"comments bound it from above ({upper[1]}) but the lead names no weekday")
    if lower:
        parts.append(
            f"embedded posts bound it from below ({lower[1]}) but the lead names no weekday"
        )
    parts.extend(notes)
    return "; ".join(parts)


def with_corpus(found: Evidence, corpus_years: Iterable[int]) -> Published:
    """The publication date once the corpus is known: a year-less dateline takes the one
    year, within a year of the corpus's dated articles, whose calendar puts the dateline
    on the weekday its lead names."""
    if found.yearless is None:
        return found.published
    partial = found.yearless
    years = sorted(set(corpus_years))
    if partial.weekday is None:
        return Published(
            None,
            None,
            None,
            f"dateline {partial.evidence!r} gives no year and the lead names no weekday to fix one",
        )
    if not years:
        return Published(
            None,
            None,
            None,
            f"dateline {partial.evidence!r} gives no year and no "
            "other article in the corpus is dated",
        )
    window = range(years[0] - 1, years[-1] + 2)
    fits = []
    for year in window:
        try:
            day = dt.date(year, partial.month, partial.day)
        except ValueError:
            continue
        if day.weekday() == partial.weekday:
            fits.append(day)
    name = _WEEKDAYS[partial.weekday]
    if len(fits) == 1:
        evidence = f"{partial.evidence}; {fits[0]} is a {name}"
        return Published(fits[0], "dateline+lead-weekday", evidence, None, Confidence.INFERRED)
    span = f"{window.start}-{window.stop - 1}"
    if not fits:
        return Published(
            None,
            None,
            None,
            f"dateline {partial.evidence!r} gives no year and is a {name} in no year of {span}",
        )
    listed = ", ".join(str(d.year) for d in fits)
    return Published(
        None, None, None, f"dateline {partial.evidence!r} gives no year and is a {name} in {listed}"
    )
