"""The one place that knows the order of the stages.

text -> article -> layout and expressions -> publication date -> resolutions -> events
-> merged timeline. Each article is told on its own and then let go (a build of a
hundred thousand articles keeps their events, not their texts); only an article whose
date needs the corpus (a dateline without a year) waits until the other articles are
dated, kept as a compact record of what its first reading found, and is then settled
without being read again. Articles may be told in worker processes or on a Dask cluster
(``syriatl.cluster``); merging is single-threaded and deterministic.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from syriatl import ingest, metadata, plain, published
from syriatl.chronicle import corrections as fixes
from syriatl.chronicle.events import article_events, entry_anchor, entry_when, shared
from syriatl.chronicle.outlets import outlet_of
from syriatl.detect import detect
from syriatl.discover import reason
from syriatl.model import (
    Anchor,
    AnchorKind,
    Article,
    ArticleReport,
    Basis,
    EntryReport,
    Event,
    Layout,
    Mention,
    Metadata,
    Outlet,
    Problem,
    Published,
    Resolution,
    Source,
    Status,
    Timeline,
    When,
)
from syriatl.resolve import NEWS, Policy, resolve_all
from syriatl.segment import layout as lay_out
from syriatl.segment import set_aside_warning

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from syriatl.chronicle.cache import Store

_J = TypeVar("_J")
_T = TypeVar("_T")


def _nothing() -> None:
    pass


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
    cache: str | None = None  # the folder of the cache of analyses (None: no cache)
    # A Dask scheduler's address, or "local", that tells the articles instead of
    # ``jobs`` worker processes (None: no Dask).
    dask: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article read and laid out, before the rest of the corpus is known."""

    article: Article
    mentions: tuple[Mention, ...]
    layout: Layout
    evidence: published.Evidence


@dataclass(frozen=True, slots=True)
class Pending:
    """An article whose date waits for the corpus's years, as the first pass leaves it:
    the evidence of its date, what the steps after the date read (its text, layout,
    story mentions and outlet), and the warnings met so far."""

    evidence: published.Evidence
    article: Article
    layout: Layout
    mentions: tuple[Mention, ...]
    provenance: Outlet
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Told:
    """What one article contributes to a build. When its date needs the corpus it is
    ``waiting`` and carries only ``pending``, its ``Pending`` (as a record once told
    by a build, ``recorded``: compressed plain JSON, safe to send between processes and
    small to hold until the second pass), and the ``evidence`` of its date.
    ``read`` is the SHA-256 of the bytes it was told from, when its job asked for it
    (the cache keeps a told only under the key of those bytes)."""

    path: str
    report: ArticleReport | None
    sources: tuple[Source, ...] = ()
    warnings: tuple[str, ...] = ()
    problem: Problem | None = None
    pending: Pending | bytes | None = None
    evidence: published.Evidence | None = None
    read: bytes | None = None

    @property
    def waiting(self) -> bool:
        """True when the article's date needs the corpus's years."""
        return self.pending is not None


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
            leads[entry.start] = sys.intern(" ".join(text[sentence.start : sentence.end].split()))
    return leads


def finish(
    analysis: Analysis, date: Published, policy: Policy, provenance: Outlet | None = None
) -> tuple[ArticleReport, tuple[Source, ...]]:
    """An article's report and dated sentences once its publication date is settled
    (``provenance``: its outlet, when already known)."""
    resolutions = resolve_mentions(analysis, date, policy, story_mentions(analysis))
    if provenance is None:
        provenance = outlet_of(analysis.article, analysis.layout)
    provenance = shared(provenance)
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
        published=shared(date),
        entries=entries,
        events=len(events),
        provenance=provenance,
        url=article.meta.url,
    )
    return report, events


def tell(
    article: Article,
    corpus_years: Sequence[int] | None,
    policy: Policy = NEWS,
    said: tuple[str, ...] = (),
) -> Told:
    """Everything one article contributes, after the warnings ``said`` on reading it.
    With ``corpus_years`` None, an article whose date needs the corpus comes back
    waiting."""
    analysis = analyse(article)
    evidence = analysis.evidence
    warnings = said + evidence.warnings
    loss = set_aside_warning(article.text, analysis.layout)
    if loss:
        warnings += (f"{article.path}: {loss}; see syriatl layout {article.path}",)
    provenance = outlet_of(article, analysis.layout)
    if evidence.yearless is not None and corpus_years is None:
        kept = Pending(
            evidence, article, analysis.layout, story_mentions(analysis), provenance, warnings
        )
        return Told(article.path, None, pending=kept, evidence=evidence)
    date = published.with_corpus(evidence, corpus_years or ())
    return _settled(analysis, date, policy, provenance, warnings)


def _settled(
    analysis: Analysis,
    date: Published,
    policy: Policy,
    provenance: Outlet,
    warnings: tuple[str, ...],
) -> Told:
    article = analysis.article
    report, events = finish(analysis, date, policy, provenance)
    problem = (
        Problem(article.id, f"undated: {date.reason}", article.path) if date.date is None else None
    )
    return Told(article.path, report, events, warnings, problem)


def settle(pending: Pending, date: Published, policy: Policy = NEWS) -> Told:
    """A waiting article told once the corpus has given it its publication ``date``
    (``published.with_corpus``): only the steps that follow the date run."""
    analysis = Analysis(pending.article, pending.mentions, pending.layout, pending.evidence)
    return _settled(analysis, date, policy, pending.provenance, pending.warnings)


# A first-pass job: the file, the metadata beside it, the policy, the zone of
# ``--timezone`` and whether to hash the bytes read (``Told.read``).
Job = tuple[ingest.Found, ingest.Beside, Policy, str | None, bool]
# A second-pass job: a waiting article's record, its file (read again only when the
# record cannot be read), metadata and zone, the corpus's years, the policy, and the
# SHA-256 of the bytes the record was told from (None: not asked).
Settle = tuple[bytes, ingest.Found, ingest.Beside, str | None, Sequence[int], Policy, bytes | None]
# A first-pass job with the bytes of its file, or why they could not be read: what a
# Dask worker is sent, so that it needs no access to the files.
Shipped = tuple[Job, bytes | str]


def tell_file(job: Job) -> Told:
    """Read and tell one file (the unit of work of a worker process, and of the process
    that merges); an article whose date needs the corpus comes back waiting, with its
    record: a quarter of the memory its ``Pending`` would hold until the second pass."""
    found, beside, policy, timezone, hashed = job
    return recorded(_afresh(found, beside, timezone, None, policy, hashed))


def recorded(told: Told) -> Told:
    """The told with its ``Pending`` as a record (to send to another process or keep)."""
    if isinstance(told.pending, Pending):
        return replace(told, pending=_record(told.pending))
    return told


def _record(pending: Pending | bytes) -> bytes:
    """A waiting article's ``Pending`` as a record, plain JSON compressed (a record as
    it is): its text and layout repeat themselves, and it waits for the whole corpus."""
    if isinstance(pending, Pending):
        return zlib.compress(plain.dumps(Pending, pending), 1)
    return pending


def _pending_of(record: bytes, found: ingest.Found) -> Pending:
    """The ``Pending`` that ``_record`` kept, of the article ``found``; raises
    plain.Unfit for anything else."""
    try:
        data = zlib.decompress(record)
    except zlib.error as error:
        raise plain.Unfit(f"not a record: {error}") from None
    pending: Pending = plain.loads(Pending, data, found.id)
    return pending


def _contents(found: ingest.Found) -> bytes | str:
    """The file's bytes, or why they could not be read."""
    try:
        return found.path.read_bytes()
    except OSError as error:
        return reason(error)


def ship(job: Job) -> Shipped:
    """The job with its file's bytes (read here), or why they could not be read."""
    return job, _contents(job[0])


def tell_shipped(shipped: Shipped) -> Told:
    """Tell one file from the bytes shipped with its job (the unit of work of a Dask
    worker): the same told as ``tell_file``, and no file is opened."""
    (found, beside, policy, timezone, hashed), data = shipped
    return recorded(_from_bytes(found, beside, timezone, None, policy, hashed, data))


def settle_file(job: Settle) -> Told:
    """Settle one waiting article with the corpus's years (the unit of work of a worker
    process in the second pass): its record is read, not its file."""
    record, found, beside, timezone, years, policy, digest = job
    try:
        pending = _pending_of(record, found)
    except plain.Unfit:  # never written so by this code; the file still tells it
        return _afresh(found, beside, timezone, years, policy, digest is not None)
    told = settle(pending, published.with_corpus(pending.evidence, years), policy)
    return replace(told, read=digest)


def _afresh(
    found: ingest.Found,
    beside: ingest.Beside,
    timezone: str | None,
    years: Sequence[int] | None,
    policy: Policy,
    hashed: bool = False,
) -> Told:
    """Read and tell one file, given the corpus's ``years`` or waiting for them (None);
    ``hashed``: with the SHA-256 of the bytes read."""
    return _from_bytes(found, beside, timezone, years, policy, hashed, _contents(found))


def _from_bytes(
    found: ingest.Found,
    beside: ingest.Beside,
    timezone: str | None,
    years: Sequence[int] | None,
    policy: Policy,
    hashed: bool,
    data: bytes | str,
) -> Told:
    """Tell one file from its bytes ``data`` (a str: why they could not be read)."""
    if isinstance(data, str):
        problem = Problem(found.id, f"cannot read ({data})", found.shown)
        return Told(found.shown, None, (), (), problem)
    read = ingest.read_article(found, beside, timezone, data)
    warnings = (read.warning,) if read.warning else ()
    digest = hashlib.sha256(data).digest() if hashed else None
    if read.article is None:
        problem = Problem(found.id, read.problem or "unreadable", read.path)
        return Told(read.path, None, (), warnings, problem, read=digest)
    return replace(tell(read.article, years, policy, warnings), read=digest)


def _drained(jobs: list[Settle]) -> Iterator[Told]:
    """``settle_file`` over ``jobs`` in this process, letting go of each job (and the
    record it holds) once it is settled; ``jobs`` is emptied."""
    jobs.reverse()
    while jobs:
        yield settle_file(jobs.pop())


def _run(
    jobs: Sequence[_J],
    pool: ProcessPoolExecutor | None,
    workers: int,
    work: Callable[[_J], Told],
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


@contextmanager
def _spread(address: str | None) -> Iterator[Callable[[Sequence[Job]], Iterator[Told]] | None]:
    """What tells first-pass jobs on the Dask cluster at ``address`` ("local": one of this
    process), or None without one. The second pass and the merge stay here: they need
    the whole corpus."""
    if address is None:
        yield None
        return
    from syriatl import cluster  # dask and distributed: only for --dask

    with cluster.connected(address) as client:
        yield lambda jobs: cluster.told(client, address, jobs)


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
    after each file. An article whose date needs the corpus is settled from its first
    reading once the other articles are dated; that reads no file and is not counted.
    """
    found = ingest.discover(paths)
    read = metadata.read_corrections(paths, options.corrections)
    said = sum((fixes.parse(raw, where) for where, raw in read), fixes.NONE)
    files = found.files
    store, opened = _store(options.cache)
    try:
        parsed = None if store is None else _sources_parsed(store)
        given, warnings = ingest.metadata_beside((f.path for f in files), parsed)
        zone = options.timezone
        kept = store is not None
        first: list[Job] = [(f, given.get(f.path), options.policy, zone, kept) for f in files]
        # What could not be looked into comes before the articles' own problems.
        early = dict(enumerate(found.problems, -len(found.problems)))
        collected = _Collected([*found.warnings, *warnings, *opened], problems=early)
        keys = _keys(first, store)
        waiting: list[tuple[int, Told]] = []
        # More processes than cores or files only cost their start-up; Dask needs none.
        count = 1 if options.dask else min(options.jobs, len(files), os.cpu_count() or 1)
        progress(0, len(first))
        with _set_aside() as aside:
            with _workers(count) as pool, _spread(options.dask) as spread:

                def tell_all(jobs: Sequence[Job]) -> Iterator[Told]:
                    if spread is not None:
                        return spread(jobs)
                    return _run(jobs, pool, count, tell_file)

                def settle_all(jobs: list[Settle]) -> Iterator[Told]:
                    return _run(jobs, pool, count, settle_file) if pool else _drained(jobs)

                told_by: list[_Key | None] = [None] * len(files)  # each article's key, once told
                for index, told in enumerate(_told(first, files, keys, store, tell_all, aside)):
                    if told.pending is not None:
                        waiting.append((index, told))
                    else:
                        told_by[index] = _told_by(keys[index], told)
                    collected.add(index, told)
                    progress(index + 1, len(first))
                years = sorted(collected.years)
                second: list[Settle] = []
                for i, told in waiting:
                    assert isinstance(told.pending, bytes)  # every first pass records it
                    key = keys[i]
                    # the bytes told, when they are those the key hashed
                    digest = key.digest if key and told.read == key.digest else None
                    beside = given.get(files[i].path)
                    second.append(
                        (told.pending, files[i], beside, zone, years, options.policy, digest)
                    )
                again = [_settled_key(keys[i], told, years) for i, told in waiting]
                found_again = [files[i] for i, _ in waiting]
                indices = [i for i, _ in waiting]
                # From here each waiting article's record (its text, layout and mentions) is
                # held by its job alone, and let go once the article is settled.
                del waiting
                told_again = _told(second, found_again, again, store, settle_all, aside)
                del second
                for index, key, told in zip(indices, again, told_again, strict=True):
                    told_by[index] = _told_by(key, told)
                    collected.add(index, told)
                del told_again
            merging = None if store is None else _merge_key(store.code, files, told_by, said)
            # The files, their paths and jobs are a tenth of what a build holds: let them go
            # before the merge, which needs as much again.
            del found, files, first, given, keys, told_by, found_again, again, indices
            return collected.build(options, said, store, merging, aside)
    finally:  # a build that fails still keeps what it learnt, and lets the file go
        if store is not None:
            store.close()


@dataclass(frozen=True, slots=True)
class _Key:
    """Where the cache keeps a told: its key, and the SHA-256 of the file it is of."""

    key: bytes
    digest: bytes


def _store(folder: str | None) -> tuple[Store | None, tuple[str, ...]]:
    if folder is None:
        return None, ()
    from syriatl.chronicle import cache  # sqlite3 only for builds that keep a cache

    store, problem = cache.open_store(Path(folder), cache.code_hash())
    return store, (problem,) if problem else ()


def _keys(jobs: Sequence[Job], store: Store | None) -> list[_Key | None]:
    """Each job's key in the cache: a hash of the file's bytes (read here), its path as
    shown, its metadata, the options that reach it and the program (None: no cache, or
    the file cannot be read now; its job will say why)."""
    if store is None:
        return [None] * len(jobs)
    from syriatl.chronicle.cache import key

    keys: list[_Key | None] = []
    policies: dict[int, object] = {}  # the jobs of a build share one policy object
    for found, beside, policy, zone, _ in jobs:
        try:
            digest = hashlib.sha256(found.path.read_bytes()).digest()
        except OSError:
            keys.append(None)
            continue
        rules = policies.get(id(policy))
        if rules is None:
            rules = policies[id(policy)] = plain.to_plain(policy)
        given = (type(beside).__name__, plain.to_plain(beside))
        parts = (store.code, found.shown, digest.hex(), given, zone, rules)
        keys.append(_Key(key(*parts), digest))
    return keys


@dataclass(frozen=True, slots=True)
class _Listed:
    """An entry of a ``sources.yaml`` as the cache keeps it: its metadata, or why it
    cannot be used."""

    name: str
    metadata: Metadata | None
    refused: str | None


def _sources_parsed(store: Store) -> Callable[[str, str], metadata.Listed]:
    """``metadata.sources_of`` through the cache: a ``sources.yaml`` of ten thousand
    entries takes a good part of a rebuild to parse, and its entries are kept as
    plain records under a hash of its text and name."""
    from syriatl.chronicle.cache import key

    def parsed(text: str, where: str) -> metadata.Listed:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        kept = key("sources", store.code, where, digest)
        found = _decoded(store, next(store.get_all([kept])), _listed_of)
        if found is not None:
            return found
        listed = metadata.sources_of(text, where)
        rows = tuple(
            _Listed(name, None, m.problem)
            if isinstance(m, metadata.Refused)
            else _Listed(name, m, None)
            for name, m in listed.items()
        )
        store.put(kept, plain.dumps(tuple[_Listed, ...], rows))
        return listed

    return parsed


def _listed_of(record: bytes) -> metadata.Listed:
    """The entries that the cache keeps as ``record``; raises plain.Unfit for anything
    else, a row that holds both metadata and a refusal, or neither, among them."""
    listed: metadata.Listed = {}
    for r in plain.loads(tuple[_Listed, ...], record, "", {}):
        if r.metadata is not None and r.refused is None:
            listed[r.name] = r.metadata
        elif r.metadata is None and r.refused is not None:
            listed[r.name] = metadata.Refused(r.refused)
        else:
            raise plain.Unfit(f"{r.name!r:.40} has metadata and a refusal, or neither")
    return listed


def _told_by(key: _Key | None, told: Told) -> _Key | None:
    """``key``, when ``told`` is what the cache keeps under it (told from its file's
    bytes); else None."""
    return key if key is not None and told.read == key.digest else None


def _merge_key(
    code: str,
    files: Sequence[ingest.Found],
    told_by: Sequence[_Key | None],
    corrections: fixes.Corrections,
) -> bytes | None:
    """Where the cache keeps the merge of this build's articles: a hash of every
    article's id and the key of its told (which hash all the merge reads of it), in
    order, and of the corrections; None when an article has no such key."""
    if not all(told_by):
        return None
    from syriatl.chronicle.cache import key

    told = [(f.id, k.key.hex()) for f, k in zip(files, told_by, strict=True) if k]
    return key("merge", code, told, plain.to_plain(corrections))


def _settled_key(key: _Key | None, told: Told, years: Sequence[int]) -> _Key | None:
    """Where the cache keeps a waiting article once settled: by the date the corpus
    gives it, so that more articles of the same years leave it as it was."""
    if key is None or told.evidence is None:
        return None
    from syriatl.chronicle.cache import key as key_of

    date = published.with_corpus(told.evidence, years)
    return replace(key, key=key_of(key.key.hex(), plain.to_plain(date)))


def _told(
    jobs: list[_J],
    files: Sequence[ingest.Found],
    keys: Sequence[_Key | None],
    store: Store | None,
    run: Callable[[list[_J]], Iterator[Told]],
    aside: Callable[[], None] = _nothing,
) -> Iterator[Told]:
    """Each job's told in order, its sources sharing what they repeat (``_shared``):
    from the cache when it keeps one under the job's key (what was read then set
    ``aside``), else by ``run`` (and then kept, when it was told from the bytes of the
    key)."""
    if store is None:
        yield from map(_sharing, run(jobs))
        return
    ones: plain.Ones = {}
    records = store.get_all([None if key is None else key.key for key in keys])
    with _uncollected():
        kept = [
            _kept(store, key, file, record, ones)
            for key, file, record in zip(keys, files, records, strict=True)
        ]
        aside()  # before collecting again, which would look through them all
    del ones
    fresh = run([j for j, t in zip(jobs, kept, strict=True) if t is None])
    del jobs  # ``run`` holds those it still needs
    for key, told in zip(keys, kept, strict=True):
        if told is None:
            told = next(fresh)
            if key is not None and told.read == key.digest:
                store.put(key.key, record_of(told))
            told = _sharing(told)
        yield told


@contextmanager
def _uncollected() -> Iterator[None]:
    """No collection of reference cycles meanwhile. Reading records makes hundreds of
    thousands of objects that all stay and form no cycle, and each collection the
    interpreter would start among them looks through all that stayed before."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def _set_aside() -> Iterator[Callable[[], None]]:
    """A function that leaves what is alive when it is called out of the collections of
    reference cycles until the end of the block. The sources, and all a build keeps, form
    no cycle and stay, and each collection would look through them again (those read
    from the cache, young, at once): ``gc.freeze`` moves them aside, and they return to
    the oldest generation at the end. A program that froze objects of its own keeps
    them frozen, and this freezes none."""
    import gc

    if gc.get_freeze_count():
        yield _nothing
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _kept(
    store: Store, key: _Key | None, file: ingest.Found, record: bytes | None, ones: plain.Ones
) -> Told | None:
    """The told the cache keeps as ``record`` under ``key`` for ``file``, or None."""
    if key is None:
        return None
    return _decoded(store, record, lambda r: told_of(r, file, ones, key.digest))


def _decoded(store: Store, record: bytes | None, decode: Callable[[bytes], _T]) -> _T | None:
    """What ``decode`` reads of the ``record`` the store keeps, or None: there is none,
    or it does not decode (then it counts as damaged, and is made again)."""
    if record is None:
        return None
    try:
        return decode(record)
    except plain.Unfit:
        store.damaged += 1
        return None


@dataclass(frozen=True, slots=True)
class _Record:
    """A told as the cache keeps it: without its article's id (plain leaves it out) and
    without a waiting article's ``Pending`` record, which follows it (see ``record_of``)."""

    report: ArticleReport | None
    sources: tuple[Source, ...]
    warnings: tuple[str, ...]
    problem: Problem | None
    evidence: published.Evidence | None


# What parts a told's record from the Pending record of a waiting article. JSON text
# never holds it (a control character is always escaped), so the first one is it.
_APART = b"\0"


def record_of(told: Told) -> bytes:
    """The record the cache keeps of ``told``: plain JSON, and a waiting article's
    ``Pending`` record after ``_APART`` (read by ``told_of`` without parsing it)."""
    kept = _Record(told.report, told.sources, told.warnings, told.problem, told.evidence)
    record = plain.dumps(_Record, kept)
    return record if told.pending is None else record + _APART + _record(told.pending)


def told_of(
    record: bytes, found: ingest.Found, ones: plain.Ones | None = None, read: bytes | None = None
) -> Told:
    """The told that ``record_of`` kept, of the article ``found`` in this build (its id
    may differ from the build that kept it) told from the bytes of SHA-256 ``read``,
    sharing values with the others read with ``ones``; raises plain.Unfit for anything
    else."""
    head, apart, pending = record.partition(_APART)
    kept: _Record = plain.loads(_Record, head, found.id, ones)
    return Told(
        found.shown,
        kept.report,
        kept.sources,
        kept.warnings,
        kept.problem,
        pending if apart else None,
        kept.evidence,
        read,
    )


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
        self.sources.extend(told.sources)

    def build(
        self,
        options: Options,
        said: fixes.Corrections = fixes.NONE,
        store: Store | None = None,
        merging: bytes | None = None,
        aside: Callable[[], None] = _nothing,
    ) -> Build:
        """The build of the articles collected: their sources merged (or the merge the
        ``store`` keeps under the key ``merging``, and then kept there), the store closed."""
        sources, self.sources = self.sources, []
        if store is not None:
            store.flush()  # what the articles told is kept even if the merge fails
        aside()  # the merge makes as many objects again, and keeps them
        applied = _kept_merge(store, merging, sources)
        if applied is None:
            applied = fixes.merged(said, sources)
            if store is not None and merging is not None:
                record = merge_record(applied, sources)
                if record is not None:
                    store.put(merging, record)
        if store is not None:
            store.close()
            self.warnings.extend(store.warnings)
        self.warnings.extend(applied.warnings)
        kept = tuple(e for e in applied.events if _overlaps(e, options))
        reports = tuple(self.reports[i] for i in sorted(self.reports))
        problems = tuple(self.problems[i] for i in sorted(self.problems))
        return Build(Timeline(reports, kept, problems), tuple(self.warnings))


@dataclass(frozen=True, slots=True)
class _Row:
    """An event as the cache keeps a merge: its sources and conflicts by their places
    among the merged sources."""

    when: When
    text: str
    sources: tuple[int, ...]
    conflicts: tuple[int, ...]
    reported: dt.date | None
    id: str
    kind: str
    status: Status
    basis: Basis
    corrections: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Merged:
    """A merge as the cache keeps it."""

    events: tuple[_Row, ...]
    warnings: tuple[str, ...]


def merge_record(applied: fixes.Applied, sources: Sequence[Source]) -> bytes | None:
    """The record the cache keeps of the merge ``applied`` of ``sources``, or None when
    an event holds a source not among them (one a correction pinned)."""
    place = {id(s): i for i, s in enumerate(sources)}
    try:
        rows = [
            _Row(
                e.when,
                e.text,
                tuple([place[id(s)] for s in e.sources]),
                tuple([place[id(s)] for s in e.conflicts]),
                e.reported,
                e.id,
                e.kind,
                e.status,
                e.basis,
                e.corrections,
            )
            for e in applied.events
        ]
    except KeyError:
        return None
    return plain.dumps(_Merged, _Merged(tuple(rows), applied.warnings))


def merge_of(record: bytes, sources: Sequence[Source]) -> fixes.Applied:
    """The merge that ``merge_record`` kept, of ``sources``; raises plain.Unfit for
    anything else."""
    with _uncollected():
        return _merge_of(plain.loads(_Merged, record, "", {}), sources)


def _merge_of(kept: _Merged, sources: Sequence[Source]) -> fixes.Applied:
    count = len(sources)
    events = []
    for r in kept.events:
        if not all(0 <= i < count for i in (*r.sources, *r.conflicts)) or not r.sources:
            raise plain.Unfit("a source out of range")
        events.append(
            Event(
                r.when,
                r.text,
                tuple([sources[i] for i in r.sources]),
                tuple([sources[i] for i in r.conflicts]),
                r.reported,
                r.id,
                r.kind,
                r.status,
                r.basis,
                r.corrections,
            )
        )
    return fixes.Applied(tuple(events), kept.warnings)


def _kept_merge(
    store: Store | None, merging: bytes | None, sources: Sequence[Source]
) -> fixes.Applied | None:
    """The merge the store keeps under ``merging``, or None."""
    if store is None or merging is None:
        return None
    return _decoded(store, next(store.get_all([merging])), lambda r: merge_of(r, sources))


def _sharing(told: Told) -> Told:
    """The told with its sources shared (``_shared``)."""
    if not told.sources:
        return told
    return replace(told, sources=tuple([_shared(s) for s in told.sources]))


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
