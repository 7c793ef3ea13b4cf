"""The one place that knows the order of the stages.

text -> article -> layout and expressions -> publication date -> resolutions -> events
-> merged timeline. Per-article work happens before the corpus is known, except for
what needs it (a dateline without a year takes its year from the other articles).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from syriatl import ingest, published
from syriatl.detect import detect
from syriatl.events import article_events, entry_anchor, entry_when
from syriatl.merge import merge
from syriatl.model import (
    Anchor,
    AnchorKind,
    Article,
    ArticleReport,
    EntryReport,
    Event,
    Layout,
    Mention,
    Problem,
    Published,
    Resolution,
    Timeline,
)
from syriatl.resolve import NEWS, Policy, resolve_all
from syriatl.segment import layout as lay_out


@dataclass(frozen=True, slots=True)
class Options:
    """What a build keeps: events overlapping [since, until] (either end open)."""

    since: dt.date | None = None
    until: dt.date | None = None
    policy: Policy = NEWS


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article read and laid out, before the rest of the corpus is known."""

    article: Article
    mentions: tuple[Mention, ...]
    layout: Layout
    evidence: published.Evidence


@dataclass(frozen=True, slots=True)
class Build:
    """A built timeline and the warnings met on the way (for stderr)."""

    timeline: Timeline
    warnings: tuple[str, ...]


def analyse(article: Article) -> Analysis:
    """Lay out one article, find its expressions and the evidence of its date."""
    mentions = detect(article.text)
    structure = lay_out(article.text, mentions)
    return Analysis(article, mentions, structure, published.evidence(article, structure, mentions))


def story_mentions(analysis: Analysis) -> tuple[Mention, ...]:
    """The mentions inside the sentences of the story (not chrome, comments or evidence)."""
    sentences = analysis.layout.sentences
    starts = [s.start for s in sentences]
    kept = []
    for m in analysis.mentions:
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < sentences[i].end:
            kept.append(m)
    return tuple(kept)


def resolve_mentions(
    analysis: Analysis, date: Published, policy: Policy, mentions: Sequence[Mention]
) -> tuple[Resolution, ...]:
    """Resolve mentions of an article in text order, each against its live-blog entry's
    clock or the publication date."""
    segments = analysis.layout.segments
    starts = [s.start for s in segments]
    base = (
        Anchor(AnchorKind.PUBLISHED, date.date, None, f"published ({date.rule})")
        if date.date
        else None
    )

    def anchor_for(mention: Mention) -> Anchor | None:
        i = bisect_right(starts, mention.start) - 1
        entry = segments[i].entry if i >= 0 else None
        if entry is not None and date.date is not None:
            return entry_anchor(entry, date.date)
        return base

    return resolve_all(mentions, anchor_for, policy)


def finish(
    analysis: Analysis, date: Published, policy: Policy
) -> tuple[ArticleReport, tuple[Event, ...]]:
    """An article's report and events once its publication date is settled."""
    resolutions = resolve_mentions(analysis, date, policy, story_mentions(analysis))
    events = article_events(analysis.article, analysis.layout.sentences, resolutions, date)
    entries = tuple(
        EntryReport(
            entry,
            entry_when(entry, date.date) if date.date else None,
            _entry_lead(analysis, entry.start),
        )
        for entry in analysis.layout.entries
    )
    title = analysis.article.meta.title or analysis.layout.title
    return ArticleReport(analysis.article, title, date, entries, len(events)), events


def _entry_lead(analysis: Analysis, start: int) -> str:
    for sentence in analysis.layout.sentences:
        if sentence.segment.entry and sentence.segment.entry.start == start:
            return " ".join(analysis.article.text[sentence.start : sentence.end].split())
    return ""


def _overlaps(event: Event, options: Options) -> bool:
    if options.since and event.when.end < options.since:
        return False
    return not (options.until and event.when.start > options.until)


def date_articles(analyses: Sequence[Analysis]) -> list[Published]:
    """Every article's publication date; year-less datelines take the corpus into account."""
    years = [a.evidence.published.date.year for a in analyses if a.evidence.published.date]
    return [published.with_corpus(a.evidence, years) for a in analyses]


def build_from_articles(reads: Iterable[ingest.Read], options: Options = Options()) -> Build:
    """Build the timeline of articles already read."""
    problems: list[Problem] = []
    warnings: list[str] = []
    analyses: list[Analysis] = []
    for read in reads:
        if read.warning:
            warnings.append(read.warning)
        if read.article is None:
            problems.append(Problem(read.path, read.problem or "unreadable"))
            continue
        analyses.append(analyse(read.article))
    reports: list[ArticleReport] = []
    events: list[Event] = []
    for analysis, date in zip(analyses, date_articles(analyses), strict=True):
        warnings.extend(analysis.evidence.warnings)
        if date.date is None:
            problems.append(Problem(analysis.article.id, f"undated: {date.reason}"))
        report, told = finish(analysis, date, options.policy)
        reports.append(report)
        events.extend(told)
    kept = tuple(e for e in merge(events) if _overlaps(e, options))
    timeline = Timeline(tuple(reports), kept, tuple(problems))
    return Build(timeline, tuple(warnings))


def build_timeline(paths: Sequence[str], options: Options = Options()) -> Build:
    """Build the chronology of the articles found at ``paths`` (files or folders)."""
    return build_from_articles(ingest.read_corpus(ingest.discover(paths)), options)


@dataclass(frozen=True, slots=True)
class Tagged:
    """One text tagged: its publication date (given or inferred) and every expression."""

    article: Article
    published: Published
    resolutions: tuple[Resolution, ...]


def tag_articles(
    articles: Sequence[Article], given: dt.date | None, policy: Policy = NEWS
) -> tuple[Tagged, ...]:
    """Every expression of each text, resolved as ``build`` resolves them; ``given``
    replaces the inferred publication date of every text."""
    analyses = [analyse(a) for a in articles]
    if given is not None:
        dates = [Published(given, "given", f"--dct {given}", None) for _ in analyses]
    else:
        dates = date_articles(analyses)
    return tuple(
        Tagged(a.article, d, resolve_mentions(a, d, policy, a.mentions))
        for a, d in zip(analyses, dates, strict=True)
    )
