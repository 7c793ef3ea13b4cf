"""The one place that knows the order of the stages.

text -> article -> layout and expressions -> publication date -> resolutions -> events
-> merged timeline. Each article is told on its own and then let go (a build of a
hundred thousand articles keeps their events, not their texts); only an article whose
date needs the corpus (a dateline without a year) waits until the other articles are
dated. Articles may be told in worker processes; merging is single-threaded and
deterministic.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from syriatl import ingest, metadata, published
from syriatl.chronicle import corrections as fixes
from syriatl.chronicle.events import article_events, entry_anchor, entry_when, shared
from syriatl.chronicle.outlets import outlet_of
from syriatl.detect import detect
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
    Source,
    Timeline,
)
from syriatl.resolve import NEWS, Policy, resolve_all
from syriatl.segment import layout as lay_out
from syriatl.segment import set_aside_warning

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Options:
    """What a build keeps (events overlapping [since, until], either end open), how it
    resolves, how many worker processes tell the articles, and a ``corrections.yaml``
    to apply besides those in the folders built, and the ``timezone`` of local clocks in
    articles whose metadata names none (``timezone:`` in front matter beats the
    article's ``sources.yaml`` entry, which beats the folder's ``*`` entry, which beats
    this)."""

    since: dt.date | None = None
    until: dt.date | None = None
    policy: Policy = NEWS
    jobs: int = 1
    corrections: str | None = None
    timezone: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article read and laid out, before the rest of the corpus is known."""

    article: Article
    mentions: tuple[Mention, ...]
    layout: Layout
    evidence: published.Evidence


@dataclass(frozen=True, slots=True)
class Told:
    """What one article contributes to a build; ``waiting`` when its date needs the
    corpus: then it carries nothing else yet, and ``waiting`` holds the article's
    analysis and its reading's warnings (pickled: about a third of the objects' memory),
    so the second pass need not read and analyse the file again."""

    path: str
    report: ArticleReport | None
    sources: tuple[Source, ...] = ()
    warnings: tuple[str, ...] = ()
    problem: Problem | None = None
    waiting: bytes | None = None


@dataclass(frozen=True, slots=True)
class Build:
    """A built timeline and the warnings met on the way (for stderr)."""

    timeline: Timeline
    warnings: tuple[str, ...]


def analyse(article: Article, given: dt.date | None = None) -> Analysis:
    """Lay out one article, find its expressions and the evidence of its date; with
    ``given`` (``tag --dct``) that day is its date, and its text is not searched for one."""
    mentions = detect(article.text)
    structure = lay_out(article.text, mentions, article.aside)
    if given is not None:
        found = published.Evidence(Published(given, "given", f"--dct {given}", None))
    else:
        found = published.evidence(article, structure, mentions)
    return Analysis(article, mentions, structure, found)


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


def entry_leads(layout: Layout, text: str) -> dict[int, str]:
    """The first sentence of each live-blog entry, by the entry's start (one pass over
    the sentences); an entry without a sentence is absent."""
    leads: dict[int, str] = {}
    for sentence in layout.sentences:
        entry = sentence.segment.entry
        if entry and entry.start not in leads:
            leads[entry.start] = " ".join(text[sentence.start : sentence.end].split())
    return leads


def finish(
    analysis: Analysis, date: Published, policy: Policy
) -> tuple[ArticleReport, tuple[Source, ...]]:
    """An article's report and dated sentences once its publication date is settled."""
    resolutions = resolve_mentions(analysis, date, policy, story_mentions(analysis))
    provenance = outlet_of(analysis.article, analysis.layout)
    events = article_events(analysis.article, analysis.layout, resolutions, date, provenance)
    leads = entry_leads(analysis.layout, analysis.article.text)
    entries = tuple(
        EntryReport(
            entry,
            entry_when(entry, date.date, analysis.article.meta.timezone) if date.date else None,
            leads.get(entry.start, ""),
        )
        for entry in analysis.layout.entries
    )
    article = analysis.article
    report = ArticleReport(
        id=article.id,
        path=article.path,
        title=article.meta.title or analysis.layout.title,
        outlet=provenance.site,
        published=date,
        entries=entries,
        events=len(events),
        provenance=provenance,
        url=article.meta.url,
    )
    return report, events


def tell(article: Article, corpus_years: Sequence[int] | None, policy: Policy = NEWS) -> Told:
    """Everything one article contributes. With ``corpus_years`` None, an article whose
    date needs the corpus comes back waiting."""
    return _told(analyse(article), corpus_years, policy, ())


def _told(
    analysis: Analysis,
    corpus_years: Sequence[int] | None,
    policy: Policy,
    warnings: tuple[str, ...],
) -> Told:
    """What an analysed article contributes (``tell``), its reading's ``warnings`` first;
    kept for the second pass when its date needs the corpus and ``corpus_years`` is None."""
    article, evidence = analysis.article, analysis.evidence
    if evidence.yearless is not None and corpus_years is None:
        return Told(article.path, None, waiting=pickle.dumps((analysis, warnings), protocol=5))
    date = published.with_corpus(evidence, corpus_years or ())
    report, events = finish(analysis, date, policy)
    problem = (
        Problem(article.id, f"undated: {date.reason}", article.path) if date.date is None else None
    )
    warnings += evidence.warnings
    loss = set_aside_warning(article.text, analysis.layout)
    if loss:
        warnings += (f"{article.path}: {loss}; see syriatl layout {article.path}",)
    return Told(article.path, report, events, warnings, problem)


Job = tuple[ingest.Found, ingest.Beside, Sequence[int] | None, Policy, str | None]


def tell_file(job: Job) -> Told:
    """Read and tell one file (the unit of work of a worker process); ``timezone`` (the
    job's last item) is the zone of an article whose metadata names none."""
    found, beside, corpus_years, policy, timezone = job
    read = ingest.read_article(found, beside, timezone)
    warnings = (read.warning,) if read.warning else ()
    if read.article is None:
        problem = Problem(found.id, read.problem or "unreadable", read.path)
        return Told(read.path, None, (), warnings, problem)
    return _told(analyse(read.article), corpus_years, policy, warnings)


# An article that waited for the corpus (``Told.waiting``), the corpus's years, the policy.
Waited = tuple[bytes, Sequence[int], Policy]


def tell_waited(job: Waited) -> Told:
    """Tell an article that waited for the corpus, from its kept analysis (the unit of
    work of the second pass)."""
    kept, corpus_years, policy = job
    analysis, warnings = pickle.loads(kept)  # made by ``_told`` in this build
    return _told(analysis, corpus_years, policy, warnings)


def _run(
    work: Callable[[T], Told], jobs: Sequence[T], pool: ProcessPoolExecutor | None, workers: int
) -> Iterator[Told]:
    if pool is None or len(jobs) < 2:
        return map(work, jobs)
    return pool.map(work, jobs, chunksize=max(1, min(64, len(jobs) // (4 * workers))))


@contextmanager
def _workers(count: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``count`` worker processes, or None for one. It is started before the
    build holds anything, so the workers do not start as copies of a full process."""
    if count <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for --jobs

    with ProcessPoolExecutor(max_workers=count) as pool:
        yield pool


def _overlaps(event: Event, options: Options) -> bool:
    if options.since and event.when.end < options.since:
        return False
    return not (options.until and event.when.start > options.until)


# Called with (files told, files to tell): once the files are found, then after each.
Progress = Callable[[int, int], None]


def _unwatched(done: int, total: int) -> None:
    """No one watches the build."""


def build_timeline(
    paths: Sequence[str], options: Options = Options(), progress: Progress = _unwatched
) -> Build:
    """Build the chronology of the articles found at ``paths`` (files or folders).

    ``progress`` is called with (files told, files to tell) once the files are found and
    after each file; an article whose date needs the corpus is finished (from its kept
    analysis) once the other articles are dated, and counts again (the total grows by
    those).
    """
    found = ingest.discover(paths)
    read = metadata.read_corrections(paths, options.corrections)
    said = sum((fixes.parse(raw, where) for where, raw in read), fixes.NONE)
    files = found.files
    given, warnings = ingest.metadata_beside(f.path for f in files)
    zone = options.timezone
    first: list[Job] = [(f, given.get(f.path), None, options.policy, zone) for f in files]
    # What could not be looked into comes before the articles' own problems.
    early = dict(enumerate(found.problems, -len(found.problems)))
    collected = _Collected([*found.warnings, *warnings], problems=early)
    waiting: list[tuple[int, bytes]] = []
    # More processes than cores or files only cost their start-up.
    count = min(options.jobs, len(files), os.cpu_count() or 1)
    progress(0, len(first))
    with _workers(count) as pool:
        for index, told in enumerate(_run(tell_file, first, pool, count)):
            if told.waiting is not None:
                waiting.append((index, told.waiting))
            collected.add(index, told)
            progress(index + 1, len(first))
        years = sorted(collected.years)
        second: list[Waited] = [(kept, years, options.policy) for _, kept in waiting]
        total = len(first) + len(second)
        if second:
            progress(len(first), total)
        told_again = zip(waiting, _run(tell_waited, second, pool, count), strict=True)
        for done, ((index, _), told) in enumerate(told_again, len(first) + 1):
            collected.add(index, told)
            progress(done, total)
    return collected.build(options, said)


@dataclass(slots=True)
class _Collected:
    """What the articles told so far, kept as they arrive (their texts are already gone)."""

    warnings: list[str]
    reports: dict[int, ArticleReport] = field(default_factory=dict)
    problems: dict[int, Problem] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    years: set[int] = field(default_factory=set)

    def add(self, index: int, told: Told) -> None:
        self.warnings.extend(told.warnings)
        if told.report:
            self.reports[index] = told.report
            if told.report.published.date:
                self.years.add(told.report.published.date.year)
        if told.problem:
            self.problems[index] = told.problem
        self.sources.extend(_shared(s) for s in told.sources)

    def build(self, options: Options, said: fixes.Corrections = fixes.NONE) -> Build:
        sources, self.sources = self.sources, []
        applied = fixes.merged(said, sources)
        self.warnings.extend(applied.warnings)
        kept = tuple(e for e in applied.events if _overlaps(e, options))
        reports = tuple(self.reports[i] for i in sorted(self.reports))
        problems = tuple(self.problems[i] for i in sorted(self.problems))
        return Build(Timeline(reports, kept, problems), tuple(self.warnings))


def _shared(source: Source) -> Source:
    """The source with its date, anchor and strings shared with every other source that
    gives them (those from worker processes arrive with copies of their own; every
    article makes its own anchor of its publication day)."""
    w = source.when
    when = shared(w)
    quote, rule = sys.intern(source.quote), sys.intern(source.rule)
    expression = sys.intern(source.expression) if source.expression else None
    anchor = shared(source.anchor) if source.anchor else None
    new = (when, quote, rule, expression, anchor)
    given = (w, source.quote, source.rule, source.expression, source.anchor)
    if all(a is b for a, b in zip(new, given, strict=True)):
        return source
    return replace(source, when=when, quote=quote, rule=rule, expression=expression, anchor=anchor)


def date_articles(analyses: Sequence[Analysis]) -> list[Published]:
    """Every article's publication date; year-less datelines take the corpus into account."""
    years = [a.evidence.published.date.year for a in analyses if a.evidence.published.date]
    return [published.with_corpus(a.evidence, years) for a in analyses]


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
    analyses = [analyse(a, given) for a in articles]
    dates = date_articles(analyses) if given is None else [a.evidence.published for a in analyses]
    return tuple(
        Tagged(a.article, d, resolve_mentions(a, d, policy, a.mentions))
        for a, d in zip(analyses, dates, strict=True)
    )
