"""When was an article written? A date with the rule and quoted evidence, or why not.

Evidence, strongest first: the date given as metadata; then what the page prints for
itself, ranked in ``page_dates`` (a labelled publication stamp, a dateline with a year,
an HTML page's JSON-LD or ``<meta>`` date, a date line, live-blog entry stamps, a
``<time>`` element, date paths in URLs, dates in image file names). A page whose markup
gives one date and whose text another is dated by the stronger, with a warning. A
dateline without a year ("MOSCOW, Feb 24 -") takes the one year near the rest of the
corpus in which that day is the weekday the story's lead names, unless the page's update
stamp gives it (the last such day on or before the stamp, within a year of it).
Reader-comment stamps bound the date from above and embedded posts from below; with the
lead's weekday they can fix it. A numeric stamp the page does not order ("12/02/2019")
takes the one reading that falls on the weekday its lead names. An update stamp at the
top dates the page only when nothing else does.
Crawl-relative chrome ("6 months ago") is ignored. Anything less is undated: never a
guess."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from syriatl import page_dates
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
from syriatl.patterns.vocab import WEEKDAY_NAMES

_URL_DATE = re.compile(r"https?://\S*?/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:/|\b)")
_IMAGE_DATE = re.compile(
    r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*?-(\d\d?)-(\d\d?)-(\d\d(?:\d\d)?)"
    r"(?:\.(?:jpe?g|png|gif|webp))?(?![\w-])"
)
_EMBED = re.compile(r"@\w{2,}|pic\.twitter\.com|twitter\.com/|facebook\.com/|instagram\.com/")
_DATELINES = frozenset({SegmentKind.DATELINE})
# The rule of a numeric stamp ordered by its lead's weekday, by the stamp's own rule
# ("dateline+lead-weekday" already names a year-less dateline given its year).
_ORDERED_BY_LEAD = {
    "published-stamp": "published-stamp+lead-weekday",
    "dateline": "numeric-dateline+lead-weekday",
    "date-line": "date-line+lead-weekday",
}


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


def _full_dates(mentions: Iterable[Mention]) -> list[tuple[dt.date, Mention]]:
    """Each mention whose fields name a full day, with the day."""
    return [(d, m) for m in mentions if (d := page_dates.full_day(m))]


def _in_kinds(
    layout: Layout, mentions: Sequence[Mention], kinds: set[SegmentKind]
) -> list[Mention]:
    """The mentions (in their order) that start inside a segment of one of ``kinds``."""
    merged: list[list[int]] = []
    for a, b in sorted(
        (s.start, s.end) for s in layout.segments if s.kind in kinds and s.start < s.end
    ):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    # One bisection per mention over the joined spans, not a scan of every segment.
    return [
        m
        for m in mentions
        if (i := bisect_right(starts, m.start) - 1) >= 0 and m.start < merged[i][1]
    ]


def _lead_weekday(
    layout: Layout, mentions: Sequence[Mention], after: int = 0
) -> tuple[int, str] | None:
    """The weekday the story's lead reports, when it looks back or names today: the lead
    is the first sentence that ends after ``after`` (a stamp's lead is the story below
    it), or the first sentence when none does (a stamp printed after the story)."""
    story = [s for s in layout.sentences if s.segment.kind is not SegmentKind.CAPTION]
    story = story or list(layout.sentences)
    if not story:
        return None
    first = next((s for s in story if s.end > after), story[0])
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


def _on_weekday(days: Iterable[dt.date | None], weekday: int) -> list[dt.date]:
    """The days that fall on ``weekday`` (0 is Monday), leaving out days that do not
    exist (None)."""
    return [d for d in days if d is not None and d.weekday() == weekday]


def _ordered_by_lead(
    stamps: Sequence[page_dates.Unordered], layout: Layout, mentions: Sequence[Mention]
) -> Published | str:
    """The strongest numeric stamp the page does not order, read in the one order that
    puts it on the weekday its lead names; or why no order can be chosen."""
    stamp = min(stamps, key=lambda u: (page_dates.RANKS.index(u.rule), u.start))
    lead = _lead_weekday(layout, mentions, stamp.start)
    if lead is None:
        return f"the lead names no weekday to choose between the readings of {stamp.stamp!r}"
    weekday, word = lead
    fits = _on_weekday((stamp.day_first, stamp.month_first), weekday)
    if len(fits) != 1:
        names = f"{stamp.day_first} is a {WEEKDAY_NAMES[stamp.day_first.weekday()]}"
        names += f", {stamp.month_first} a {WEEKDAY_NAMES[stamp.month_first.weekday()]}"
        which = "both readings" if fits else "neither reading"
        return f"the lead's {word!r} fits {which} of {stamp.stamp!r} ({names})"
    order = "day first" if fits[0] == stamp.day_first else "month first"
    evidence = (
        f"{stamp.evidence}; lead says {word!r}; {stamp.stamp} read {order}: "
        f"{fits[0]} is a {WEEKDAY_NAMES[weekday]}"
    )
    rule = _ORDERED_BY_LEAD[stamp.rule]
    return Published(fits[0], rule, evidence, None, Confidence.INFERRED)


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


def _image_names(text: str) -> list[tuple[str, int, int, int]]:
    """Each dated image file name with its three numbers, as printed."""
    return [
        (m.group(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
        for m in _IMAGE_DATE.finditer(text)
    ]


def _page_order(text: str, mentions: Sequence[Mention]) -> bool | None:
    """Whether the page's numeric dates and image names put the day first (None: unknown)."""
    numbers = [n for n in map(page_dates.numeric, mentions) if n is not None]
    names = _image_names(text)
    return page_dates.day_first([(a, b) for a, b, _ in numbers] + [(a, b) for _, a, b, _ in names])


def _images(text: str, order: bool | None) -> tuple[dt.date, str] | str | None:
    """The latest date in image file names, read day-month or month-day as the page's
    unambiguous numbers show; None when the page has none, a reason when they cannot
    be read."""
    names = _image_names(text)
    if not names:
        return None
    if order is None:
        return "image file names do not show whether they put the day or the month first"
    dates = []
    for name, a, b, year in names:
        day, month = (a, b) if order else (b, a)
        found = page_dates.day(year if year > 99 else 2000 + year, month, day)
        if found:
            dates.append((found, name))
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


def _markup(
    article: Article, found: list[page_dates.Found], story_end: dt.date | None, notes: list[str]
) -> tuple[page_dates.Found | None, Published | None]:
    """The date an HTML page's markup gives, as evidence among the text's, and the
    text's own strongest date when it is another day (None when they agree). A date
    that no element of the markup names dates nothing; ``notes`` says so."""
    page = article.page_date
    if page is None:
        return None, None
    if page.rule not in page_dates.RANKS:
        notes.append(f"htmldate reads {page.date} from the page, but {page.evidence}")
        return None, None
    told = page_dates.choose(found, story_end) if found else None
    other = told if told is not None and told.date != page.date else None
    return page_dates.Found(page.date, page.rule, page.evidence, len(article.text)), other


def _disagreeing(article: Article, told: Published, chosen: Published | None) -> str:
    """The warning for a page whose markup and text give different dates."""
    page = article.page_date
    assert page is not None
    used = f"; dated {chosen.date} by {chosen.rule}" if chosen and chosen.date else ""
    return (
        f"{article.path}: the page's HTML says published {page.date} ({page.rule}: "
        f"{page.evidence!r}), but its text says {told.date} ({told.rule}: {told.evidence!r})" + used
    )


def _stated(
    article: Article, layout: Layout, mentions: Sequence[Mention]
) -> tuple[Published | None, YearlessDate | None, list[str], page_dates.Found | None, list[str]]:
    """The date the text (and an HTML page's markup) states outright, a year-less
    dateline, what could not be read, the page's top update stamp (to fall back on when
    nothing else dates it), and warnings."""
    text = article.text
    order = _page_order(text, mentions)
    found, updates, unordered, notes = page_dates.page_dates(text, layout, mentions, order)
    for finder, rule in ((_url(text), "url-path"), (_images(text, order), "image-name")):
        if isinstance(finder, str):
            notes.append(finder)
        elif finder:
            found.append(page_dates.Found(finder[0], rule, finder[1], len(text)))
    story_end = page_dates.story_end(layout, mentions)
    markup, disagreeing = _markup(article, found, story_end, notes)
    if markup is not None:
        found.append(markup)
    update = page_dates.recent(updates[0], story_end, notes) if updates else None
    chosen = page_dates.choose(found, story_end) if found else None
    warnings = [_disagreeing(article, disagreeing, chosen)] if disagreeing else []
    if chosen is None and unordered:
        by_lead = _ordered_by_lead(unordered, layout, mentions)
        if isinstance(by_lead, str):
            notes.append(by_lead)
        else:
            chosen = by_lead
    late = (
        chosen is not None
        and chosen.date is not None
        and chosen.rule in page_dates.PASSABLE
        and page_dates.far_later_than(chosen.date, story_end)
    )
    yearless = _yearless(text, layout, mentions) if chosen is None or late else None
    if chosen is not None and yearless is not None:
        # The story's own dates show the stated date is a crawl-time ticker, and the
        # text offers another: its year-less dateline.
        note = (
            f"; not {chosen.evidence!r} ({chosen.date}), more than a year later than "
            "every date of the story"
        )
        return None, replace(yearless, evidence=yearless.evidence + note), notes, update, warnings
    return chosen, yearless, notes, update, warnings


def _yearless(text: str, layout: Layout, mentions: Sequence[Mention]) -> YearlessDate | None:
    """The first dateline's month and day when it gives no year, with the lead's weekday."""
    for seg, inside in page_dates.by_segment(layout, mentions, _DATELINES):
        for m in inside:
            s = m.spec
            if s.month and s.day and s.year is None:
                lead = _lead_weekday(layout, mentions)
                words = page_dates.quote(text[seg.start : seg.end]).rstrip(" –—-")
                evidence = words + (f"; lead says {lead[1]!r}" if lead else "")
                return YearlessDate(s.month, s.day, lead[0] if lead else None, evidence)
    return None


def evidence(article: Article, layout: Layout, mentions: Sequence[Mention]) -> Evidence:
    """Everything one article's text and metadata say about its date, corpus aside."""
    stated, yearless, notes, update, warnings = _stated(article, layout, mentions)
    comments = _full_dates(_in_kinds(layout, mentions, {SegmentKind.COMMENT_STAMP}))
    upper = min(((d, page_dates.quote(m.text)) for d, m in comments), default=None)
    embeds = [
        (d, page_dates.quote(m.text))
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
    by_update = _year_from_update(yearless, update) if yearless and update else None
    if by_update:
        return Evidence(by_update, None, tuple(warnings))
    if yearless:
        reason = f"dateline {yearless.evidence!r} gives no year"
        return Evidence(Published(None, None, None, reason), yearless, tuple(warnings))
    if update:
        return Evidence(page_dates.updated(update), None, tuple(warnings))
    return Evidence(
        Published(None, None, None, _undated_reason(upper, lower, notes)), None, tuple(warnings)
    )


def _year_from_update(partial: YearlessDate, stamp: page_dates.Found) -> Published | None:
    """A year-less dateline's day on the page's update stamp or in the year before it:
    the last such day on or before the stamp, within a year of it and on the weekday the
    lead names (when it names one); None otherwise (the corpus may give the year)."""
    last = stamp.date
    days = [
        d
        for year in (last.year, last.year - 1)
        if (d := page_dates.day(year, partial.month, partial.day)) and d <= last
    ]
    if not days or last - days[0] > page_dates.FAR_LATER:
        return None
    if partial.weekday is not None and days[0].weekday() != partial.weekday:
        return None
    evidence = (
        f"{partial.evidence}; update stamp {stamp.evidence!r}: {days[0]} is the last "
        "such day on or before it"
    )
    return Published(days[0], "dateline+update-stamp", evidence, None, Confidence.INFERRED)


def _undated_reason(
    upper: tuple[dt.date, str] | None, lower: tuple[dt.date, str] | None, notes: list[str]
) -> str:
    parts = ["no publication stamp, date line, dated dateline, URL date or image date"]
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
    days = (page_dates.day(year, partial.month, partial.day) for year in window)
    fits = _on_weekday(days, partial.weekday)
    name = WEEKDAY_NAMES[partial.weekday]
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
