"""The data that flows through the pipeline: frozen, slotted dataclasses and enums.

No I/O and no parsing here. Text offsets are Python string indices into the article text,
end exclusive; line numbers are 1-based.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum, StrEnum


class Precision(StrEnum):
    """How much of the calendar a value pins down, coarsest first."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    TIME = "time"

    @property
    def rank(self) -> int:
        """Position from coarsest (0) to finest."""
        return _RANKS[self]


# Looked up on every date comparison: listing the enum each time cost more than the sort.
_RANKS: dict[Precision, int] = {p: i for i, p in enumerate(Precision)}


class TimexType(StrEnum):
    """The TIMEX3 type of an expression."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Direction(StrEnum):
    """Which way from its anchor an underspecified value lies."""

    PAST = "past"
    FUTURE = "future"
    NONE = "none"


class Unit(StrEnum):
    """Calendar units that shifts, durations and sets count in."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Kind(StrEnum):
    """How a detected expression is to be read.

    CALENDAR  named calendar fields, some possibly missing ("December 22", "2016").
    WEEKDAY   a day of the week, its direction left to the resolver.
    SHIFT     an offset from the reference time ("yesterday", "next month", "two years ago").
    ANCHORED  an offset from the previous date in the story ("a week later", "the day before").
    DURATION  a length of time ("two days", "the past 48 hours").
    SET       a recurrence ("every Friday", "weekly").
    REF       PRESENT_REF, PAST_REF or FUTURE_REF ("now", "recently", "the future").
    CLOCK     a time of day alone ("11:35 am", "at midnight", "1530 GMT").
    """

    CALENDAR = "calendar"
    WEEKDAY = "weekday"
    SHIFT = "shift"
    ANCHORED = "anchored"
    DURATION = "duration"
    SET = "set"
    REF = "ref"
    CLOCK = "clock"


@dataclass(frozen=True, slots=True)
class Spec:
    """An underspecified value: what the words say, before any reference date is known.

    Only the fields the words give are set. ``relation`` is an explicit "last"/"next"/"this"
    (as -1/+1/0); ``amount`` counts ``unit`` for shifts, durations and sets (None for
    "several"); ``part`` is a TIMEX3 part of day (MO, AF, EV, NI, DT) or, for seasons,
    SP/SU/FA/WI; ``mod`` is a TIMEX3 mod (START, MID, END, APPROX, ...). ``floating``
    marks a named day that moves from year to year: the first ``weekday`` on or after
    ``month``/``day`` (Thanksgiving).
    """

    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    unit: Unit | None = None
    amount: float | None = None
    relation: int | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None
    mod: str | None = None
    ref: str | None = None
    fuzzy: bool = False
    floating: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A temporal expression found in a text, with what its words say."""

    start: int
    end: int
    text: str
    rule: str
    spec: Spec
    cue: Direction = Direction.NONE
    cue_word: str | None = None
    # The cue is a simple past verb that directly governs the expression ("seized the
    # town on Dec. 1"): it decides the direction outright rather than tipping it.
    cue_strong: bool = False


class AnchorKind(StrEnum):
    """What a relative expression was resolved against."""

    ENTRY = "entry"
    PUBLISHED = "published"
    GIVEN = "given"
    EARLIER = "earlier"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A reference point: a date, maybe a clock time, and where it came from."""

    kind: AnchorKind
    date: dt.date
    time: dt.time | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention's value at its own precision, with the rule and anchor that produced it.

    ``start``/``end`` are the first and last day the value covers; they are None for
    durations, sets, REF values and values left underspecified, except a day the story
    gives only to the year ("the day before", after "in 2019": ``2019-XX-XX``), which
    keeps the days of that year.
    """

    mention: Mention
    value: str
    type: TimexType
    rule: str
    precision: Precision | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    time: str | None = None
    mod: str | None = None
    anchor: Anchor | None = None


class SegmentKind(StrEnum):
    """The role of a block of an article's text.

    EMBED is an embedded post (a tweet, a Telegram or Facebook post) quoted in the story;
    EMBED_SIGNATURE is the line under it that names its author and date.
    """

    TITLE = "title"
    DATELINE = "dateline"
    DATE_LINE = "date-line"
    ENTRY = "entry"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    EMBED = "embed"
    EMBED_SIGNATURE = "embed-signature"
    CHROME = "chrome"
    COMMENT = "comment"
    COMMENT_STAMP = "comment-stamp"

    @property
    def is_story(self) -> bool:
        """True for text whose sentences can report happenings."""
        return self in (
            SegmentKind.ENTRY,
            SegmentKind.PARAGRAPH,
            SegmentKind.CAPTION,
            SegmentKind.EMBED,
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """A live-blog entry header: its label as printed and its clock, if any."""

    label: str
    start: int
    hour: int | None = None
    minute: int | None = None
    day_offset: int = 0


@dataclass(frozen=True, slots=True)
class Segment:
    """A block of text (a line or a paragraph) with its role and its live-blog entry."""

    kind: SegmentKind
    start: int
    end: int
    line: int
    entry: Entry | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a story segment."""

    start: int
    end: int
    line: int
    segment: Segment


@dataclass(frozen=True, slots=True)
class Layout:
    """An article's structure: its segments in order, the sentences of its story
    segments, its title (None when the page shows none) and its live-blog entries."""

    segments: tuple[Segment, ...]
    sentences: tuple[Sentence, ...]
    title: str | None
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the text cannot tell, given beside it (front matter or sources.yaml)."""

    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    origin: str | None = None
    timezone: str | None = None


@dataclass(frozen=True, slots=True)
class Aside:
    """A span of an article's text that its reader already knows is no story (an HTML
    page's reader comments, ``COMMENT``, or the rest of its text, ``CHROME``): the
    layout shows each of its blocks with that class."""

    start: int
    end: int
    kind: SegmentKind


@dataclass(frozen=True, slots=True)
class PageDate:
    """The publication date an HTML page's markup gives for itself, with the rule that
    names where (``html-meta``, ``json-ld``, ``html-time``, ``url-path``; ``htmldate``
    when no element names it, and then it dates nothing) and the quoted markup."""

    date: dt.date
    rule: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from disk: its id, path, decoded text and given metadata.

    ``text`` is what follows any front matter; ``line_offset`` is how many lines the front
    matter took, so that line numbers still count from the top of the file. An HTML page's
    text is the text read from it (see ``syriatl.read.html``): ``aside`` marks what is no
    story, and ``page_date`` is the date its markup gives, if any.
    """

    id: str
    path: str
    text: str
    meta: Metadata = Metadata()
    line_offset: int = 0
    encoding: str = "utf-8"
    aside: tuple[Aside, ...] = ()
    page_date: PageDate | None = None


class Confidence(Enum):
    """How firmly the text fixes a publication date."""

    GIVEN = 3
    STATED = 2
    INFERRED = 1


@dataclass(frozen=True, slots=True)
class Published:
    """When an article was written, the rule and quoted evidence, or why it is undated."""

    date: dt.date | None
    rule: str | None
    evidence: str | None
    reason: str | None = None
    confidence: Confidence | None = None


@dataclass(frozen=True, slots=True)
class When:
    """The date of an event at its own precision; ``start``/``end`` are the days it spans.

    A timed value (``time`` set) is dated by its local day (``value``); ``zone`` is the
    IANA name of the place's zone, ``UTC`` for a clock given in GMT/UTC, or ``local``
    when the zone is not known; ``at`` is the instant in UTC (``YYYY-MM-DDTHH:MM:SSZ``),
    known unless the zone is ``local``. ``time`` is the UTC clock of ``at`` when that
    is known, else the local clock. Untimed values have neither.
    """

    value: str
    precision: Precision
    start: dt.date
    end: dt.date
    time: str | None = None
    modifier: str | None = None
    at: str | None = None
    zone: str | None = None

    @property
    def sort_key(self) -> tuple[dt.date, int, str, str]:
        """Chronological order: by first day, coarser values before finer ones."""
        return (self.start, self.precision.rank, self.time or "", self.value)


class Status(StrEnum):
    """Whether a happening took place, is only planned, or is only claimed."""

    HAPPENED = "happened"
    PLANNED = "planned"
    CLAIMED = "claimed"


class Basis(StrEnum):
    """Where an event's date comes from: words of the text that date the happening, or
    the day (or live-blog entry clock) the article reported it."""

    TEXT = "text"
    REPORTED = "reported"


@dataclass(frozen=True, slots=True)
class Happening:
    """What a dated expression dates, read from its clause (``chronicle.happenings``).

    ``text`` is a short statement in the source's own words (never longer than the
    sentence); ``kind`` a name from ``patterns.kinds.KINDS`` ("other" when none fits);
    ``thing`` the folded name of what the happening is about ("truce", "talks"), shared
    by every wording of it, or None; ``background`` is True when the date sits in a
    modifier of that thing ("the truce agreed on March 3", "despite the March 3 truce")
    rather than in the clause's own predicate.
    """

    text: str
    kind: str = "other"
    status: Status = Status.HAPPENED
    thing: str | None = None
    background: bool = False


@dataclass(frozen=True, slots=True)
class Outlet:
    """Who published an article (``site``) and whose copy it is (``origin``: a wire
    agency, or the site itself), with the rule and quoted evidence that say so."""

    site: str | None = None
    origin: str | None = None
    rule: str | None = None
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One dated mention of one article: the date it gives, the sentence (``quote``) and
    the happening it dates (``happening``), the expression and the rule that dated it,
    and where it stands (line, live-blog entry). ``basis`` says whether the date is the
    text's or the report's; ``caption`` marks a photo caption."""

    article: str
    quote: str
    expression: str | None
    rule: str
    line: int
    when: When
    entry: str | None = None
    anchor: Anchor | None = None
    outlet: str | None = None
    published: dt.date | None = None
    happening: Happening | None = None
    basis: Basis = Basis.TEXT
    caption: bool = False
    origin: str | None = None

    @property
    def text(self) -> str:
        """The short statement of the happening, or the whole sentence."""
        return self.happening.text if self.happening else self.quote

    @property
    def kind(self) -> str:
        """The happening's kind."""
        return self.happening.kind if self.happening else "other"

    @property
    def ref(self) -> tuple[str, int, str | None]:
        """The stable reference of this source: article, line, expression."""
        return (self.article, self.line, self.expression)


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening with the sources that tell it.

    ``conflicts`` are sources that tell the same happening but give another date (each
    with its own ``when``); ``reported`` is the publication date of the earliest source;
    ``id`` is stable across rebuilds (see ``merge.event_id``); ``corrections`` name the
    entries of ``corrections.yaml`` applied to it.
    """

    when: When
    text: str
    sources: tuple[Source, ...]
    conflicts: tuple[Source, ...] = ()
    reported: dt.date | None = None
    id: str = ""
    kind: str = "other"
    status: Status = Status.HAPPENED
    basis: Basis = Basis.TEXT
    corrections: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something about one article the user must know: it is never silently dropped.
    ``article`` is its id (or its path when it was never read); ``path`` the file."""

    article: str
    problem: str
    path: str = ""

    @property
    def where(self) -> str:
        """The file the problem is about, as messages on stderr name it."""
        return self.path or self.article


@dataclass(frozen=True, slots=True)
class EntryReport:
    """A live-blog entry as built: its timestamp (None when the article is undated) and
    its first sentence."""

    entry: Entry
    when: When | None
    lead: str


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """One article as built (without its text): title, outlet, publication date, entries,
    count of events and the page's URL (None when no metadata gives one)."""

    id: str
    path: str
    title: str | None
    outlet: str | None
    published: Published
    entries: tuple[EntryReport, ...]
    events: int
    provenance: Outlet = Outlet()
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    """The result of a build: articles, merged events in order, and problems."""

    articles: tuple[ArticleReport, ...]
    events: tuple[Event, ...]
    problems: tuple[Problem, ...]
