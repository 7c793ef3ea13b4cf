"""Resolve one expression against its anchor: a value at the expression's own precision.

Deictic forms ("Tuesday", "next month", "yesterday") take the reference time of their
segment; anaphoric forms ("a week later", "the day before") take the last date the story
gave (``Story``), and "a year earlier" in a report the period it reports on. Direction
comes from the clause (see ``tense``); a weekday that names the reference day is that day
whatever the tense. "A month after <an event>" is valued as the length TimeML gives it,
its counted date kept in ``start``/``end``. Without a reference date, relative values
stay underspecified (``XXXX-...``): nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from syriatl import timex
from syriatl.model import (
    Anchor,
    AnchorKind,
    Direction,
    Kind,
    Mention,
    Precision,
    Resolution,
    Spec,
    TimexType,
    Unit,
)
from syriatl.patterns.cues import DECISIVE, WEEKDAY_MUTE

# The words that end a look back: "two days earlier", "a year ago", "the day before".
_BACKWARD = ("earlier", "ago", "before")
_COARSER_THAN_DAY = frozenset(
    {Precision.YEAR, Precision.HALF, Precision.QUARTER, Precision.SEASON, Precision.MONTH}
)


@dataclass(frozen=True, slots=True)
class Policy:
    """Choices a careful reader makes when the words leave them open.

    ``weekday_default``: a bare weekday with no tense cue. In news it is most often the
    latest such day on or before the reference (reports look back), so PAST.
    "last <weekday>" is the latest such day at least two days before the reference: a
    writer calls the day before "yesterday" (or plainly "Friday"), never "last Friday",
    so "went into force last Friday" written on a Saturday is eight days back, on a
    Sunday two, on a Monday three. TempEval-3's annotators read it so: "last Tuesday" on
    a Thursday is two days back, "last Friday" and "last Monday" on a Monday three and
    seven.
    ``calendar_default``: a month or month-day without year and without a cue ("the Oct.
    23 slaying"): PAST takes the occurrence before the reference unless the one after
    is nearer by more than ``cue_slack`` days (``default_weight`` 1): news looks back.
    ``cue_weight``, ``cue_slack``: how far a weak tense cue may pull a year-less date from
    its nearest occurrence. Measured on news: "-ed" words and "said" often belong to
    another clause ("the reduced dividend is payable Jan. 2"), so the occurrence the cue
    picks must be no more than four times (plus a month) as far as the other one.
    """

    weekday_default: Direction = Direction.PAST
    calendar_default: Direction = Direction.PAST
    cue_weight: int = 4
    default_weight: int = 1
    cue_slack: int = 30


NEWS = Policy()


@dataclass(frozen=True, slots=True)
class Story:
    """The dates a story has given so far, for anaphora ("a week later", "that day").

    ``last`` is the latest calendar date, ``period`` the period a financial report is
    about (see ``_reports_on``). Look-backs
    ("two days earlier", "a year ago" in a comparison) do not move the story's time.
    """

    last: Resolution | None = None
    period: Resolution | None = None

    def told(self, resolution: Resolution) -> Story:
        """The story after one more resolution."""
        r = resolution
        if r.start is None or r.type not in (TimexType.DATE, TimexType.TIME):
            return self
        look_back = r.mention.spec.kind is Kind.ANCHORED or r.rule.endswith(":same-period")
        if look_back and _signal(r.mention) in _BACKWARD:
            return self
        return Story(r, self.period or (r if _reports_on(r) else None))


def _reports_on(r: Resolution) -> bool:
    """True for a quarter or half named without its year ("third-quarter net rose"): the
    period a financial report is about. The first one told stays the story's period;
    later ones are asides ("up from the second quarter")."""
    return (
        r.precision in (Precision.QUARTER, Precision.HALF)
        and r.anchor is not None
        and r.anchor.kind is not AnchorKind.EARLIER
    )


def _result(
    mention: Mention,
    value: str,
    rule: str,
    anchor: Anchor | None,
    kind: TimexType = TimexType.DATE,
    mod: str | None = None,
    covered: str | None = None,
) -> Resolution:
    """A resolution of ``value``; ``covered``, when given, is the date value whose days
    it records instead (the year of a day the story does not give: "2019-XX-XX")."""
    days = timex.span(covered or value)
    start, end, precision = days if days else (None, None, None)
    clock = timex.clock(covered or value)
    return Resolution(
        mention=mention,
        value=value,
        type=kind,
        rule=rule,
        precision=precision,
        start=start,
        end=end,
        time=clock,
        mod=mod if mod is not None else mention.spec.mod,
        anchor=anchor,
    )


def _direction(mention: Mention, default: Direction) -> Direction:
    return mention.cue if mention.cue is not Direction.NONE else default


def _with_part(day: dt.date, part: str | None) -> tuple[str, TimexType]:
    value = timex.with_part(day, part)
    return value, TimexType.TIME if "T" in value else TimexType.DATE


# ---- weekdays -----------------------------------------------------------------------


def weekday_date(
    reference: dt.date, weekday: int, relation: int | None, direction: Direction
) -> dt.date:
    """The date of a weekday seen from ``reference``.

    "last" is the latest such day at least two days before the reference, never the day
    before ("last Friday" on Saturday 7 Jan 2017 is 30 Dec 2016, see ``Policy``), "next"
    strictly after; otherwise the reference day itself when it is that weekday, else the
    latest before it (PAST, NONE) or the first after it (FUTURE).
    """
    behind = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if relation == -1:
        return reference - dt.timedelta(days=2 + (behind - 2) % 7)
    if relation == 1:
        return reference + dt.timedelta(days=ahead or 7)
    if behind == 0:
        return reference
    if direction is Direction.FUTURE or (relation == 0 and direction is Direction.NONE):
        return reference + dt.timedelta(days=ahead)
    return reference - dt.timedelta(days=behind)


def _weekday(mention: Mention, anchor: Anchor | None, policy: Policy) -> Resolution:
    spec = mention.spec
    assert spec.weekday is not None
    if anchor is None:
        return _result(mention, f"XXXX-WXX-{spec.weekday + 1}", "weekday:no-anchor", None)
    direction = _direction(mention, policy.weekday_default)
    if (mention.cue_word or "").lower() in WEEKDAY_MUTE:
        direction = policy.weekday_default
    day = weekday_date(anchor.date, spec.weekday, spec.relation, direction)
    rule = _weekday_rule(spec.relation, day, anchor.date, direction)
    if spec.unit is Unit.DAY and spec.amount:  # "the day before last Tuesday"
        day += dt.timedelta(days=int(spec.amount))
        rule += ":day-counted"
    value, kind = _with_part(day, spec.part)
    return _result(mention, value, rule, anchor, kind)


def _weekday_rule(relation: int | None, day: dt.date, reference: dt.date, d: Direction) -> str:
    if relation == -1:
        return "weekday:last"
    if relation == 1:
        return "weekday:next"
    if day == reference:
        return "weekday:same-day"
    return "weekday:future" if day > reference else "weekday:past"


# ---- calendar fields ------------------------------------------------------------------


def _pick_year(
    candidates: Iterable[tuple[int, dt.date, dt.date]],
    reference: dt.date,
    direction: Direction,
    decisive: bool,
    weight: int,
    slack: int,
) -> tuple[int, bool]:
    """Of the years a year-less date could fall in, the one the direction and nearness pick,
    and whether the direction picked it.

    Each candidate is (year, first day, last day) of the period in that year. A decisive
    cue picks the occurrence on its side; a weak one does unless the other side's is
    more than ``weight`` times nearer (plus ``slack`` days); no direction, the nearest.
    """
    options = list(candidates)

    def gap(c: tuple[int, dt.date, dt.date]) -> int:
        if c[1] <= reference <= c[2]:
            return 0
        return (c[1] - reference).days if c[1] > reference else (reference - c[2]).days

    past = max((c for c in options if c[1] <= reference), key=lambda c: c[1], default=None)
    future = min((c for c in options if c[2] >= reference), key=lambda c: c[1], default=None)
    side, other = (past, future) if direction is Direction.PAST else (future, past)
    if direction is not Direction.NONE and side is not None:
        if decisive or other is None:
            return side[0], True
        if gap(side) <= weight * gap(other) + slack:
            return side[0], True
    return min(options, key=lambda c: (gap(c), 0 if c[1] <= reference else 1))[0], False


@lru_cache(maxsize=4096)
def _in_year(spec: Spec, year: int) -> str | None:
    """The calendar value of a year-less spec put in ``year``. Each date is tried in
    three years and the same ones recur from text to text, so the values are kept."""
    return timex.calendar_value(replace(spec, year=year))


@lru_cache(maxsize=4096)
def _period(spec: Spec, year: int) -> tuple[dt.date, dt.date] | None:
    """The days a year-less calendar value covers in a given year (kept, as ``_in_year``)."""
    value = _in_year(spec, year)
    covered = timex.span(value) if value else None
    return (covered[0], covered[1]) if covered else None


def _calendar(mention: Mention, anchor: Anchor | None, policy: Policy) -> Resolution:
    spec = mention.spec
    value = timex.calendar_value(spec)
    if value is not None:
        return _result(mention, value, "calendar:explicit", None)
    if anchor is None:
        return _result(mention, timex.underspecified(spec), "calendar:no-anchor", None)
    reference = anchor.date
    if spec.weekday is not None and spec.month and spec.day and not spec.floating:
        for year in (reference.year, reference.year - 1, reference.year + 1):
            try:
                if dt.date(year, spec.month, spec.day).weekday() == spec.weekday:
                    value = _in_year(spec, year)
                    return _result(mention, value or "", "calendar:weekday-fits-year", anchor)
            except ValueError:
                continue
    direction = _direction(mention, policy.calendar_default)
    # A financial quarter is reported on after it ends: "will report a loss for the third
    # quarter" in October is this year's, so even a modal only tips the balance there.
    periodic = spec.quarter is not None or spec.half is not None
    # A past verb that directly governs the date ("seized the town on Dec. 1") is as
    # sure as a modal; a past cue further off only tips the balance.
    strong = mention.cue_strong and mention.cue is Direction.PAST
    decisive = ((mention.cue_word or "").lower() in DECISIVE or strong) and not periodic
    if spec.relation in (-1, 1):
        decisive = True
        direction = Direction.PAST if spec.relation == -1 else Direction.FUTURE
        reference = reference + dt.timedelta(days=-1 if spec.relation == -1 else 1)
    elif spec.relation == 0:
        year = reference.year
        return _result(mention, _in_year(spec, year) or "", "calendar:this", anchor)
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        covered = _period(spec, year)
        if covered:
            options.append((year, covered[0], covered[1]))
    if not options:
        return _result(mention, timex.underspecified(spec), "calendar:impossible", None)
    cued = mention.cue is not Direction.NONE or spec.relation is not None
    weight = policy.cue_weight if cued else policy.default_weight
    year, by_cue = _pick_year(options, reference, direction, decisive, weight, policy.cue_slack)
    rule = f"calendar:{direction.value if by_cue and cued else 'nearest'}"
    return _result(mention, _in_year(spec, year) or "", rule, anchor)


# ---- shifts from the reference and from the previous date ----------------------------


def _weekend(mention: Mention, anchor: Anchor, policy: Policy) -> str:
    reference = anchor.date
    amount = mention.spec.amount
    if amount is None or (amount == 0 and mention.spec.relation is None):
        saturday = weekday_date(reference, 5, None, _direction(mention, policy.weekday_default))
        if reference.weekday() == 6:
            saturday = reference - dt.timedelta(days=1)
        return f"{timex.week_value(saturday)}-WE"
    return timex.shift_value(reference, Unit.WEEKEND, int(amount), mention.spec)


def _same_period(story: Story, anchor: Anchor) -> Resolution | None:
    """The story's reporting period when "a year ago" compares with it: a quarter or half
    that began within the year before the reference."""
    period = story.period
    if period is None or period.start is None:
        return None
    if anchor.date - dt.timedelta(days=366) < period.start <= anchor.date:
        return period
    return None


def _shift(mention: Mention, anchor: Anchor | None, policy: Policy, story: Story) -> Resolution:
    spec = mention.spec
    if spec.unit is None and spec.part and anchor is not None:
        # "later this afternoon": a part of the reference day.
        value, kind = _with_part(anchor.date, spec.part)
        return _result(mention, value, "shift:part-of-day", anchor, kind)
    if spec.unit is None:
        return _result(mention, "XXXX", "shift:unknown", None)
    if spec.amount is None and spec.unit is not Unit.WEEKEND:
        signal = _signal(mention)
        backward = signal in _BACKWARD
        forward = signal in ("later", "now") or mention.cue is Direction.FUTURE
        ref = "FUTURE_REF" if forward and not backward else "PAST_REF"
        return _result(mention, ref, "shift:vague", anchor)
    if anchor is None:
        return _result(
            mention, "XXXX-XX-XX" if spec.unit is Unit.DAY else "XXXX", "shift:no-anchor", None
        )
    if spec.unit is Unit.WEEKEND:
        return _result(mention, _weekend(mention, anchor, policy), "shift:weekend", anchor)
    amount = spec.amount or 0
    unit: Unit = spec.unit
    unit, amount = timex.whole_units(unit, amount)
    if unit in (Unit.HOUR, Unit.MINUTE, Unit.SECOND):
        return _result(mention, anchor.date.isoformat(), "shift:within-day", anchor)
    if unit in (Unit.DECADE, Unit.CENTURY) and _signal(mention) == "ago":
        # "a decade ago" is about ten years back (1989 from 1999), not "the 1980s".
        unit, amount = Unit.YEAR, amount * (10 if unit is Unit.DECADE else 100)
    period = _same_period(story, anchor) if unit is Unit.YEAR and amount == -1 else None
    if period is not None and _signal(mention) == "ago" and not spec.month:
        # "profit rose from $3 million a year ago" in a report on the third quarter:
        # the same quarter a year before.
        value = _shift_keeping(period, -1) or ""
        used = Anchor(AnchorKind.EARLIER, period.start or anchor.date, None, period.mention.text)
        return _result(mention, value, "shift:year:same-period", used)
    value = timex.shift_value(anchor.date, unit, int(amount), spec)
    kind = TimexType.TIME if "T" in value else TimexType.DATE
    return _result(mention, value, f"shift:{unit.value}", anchor, kind)


def _shift_keeping(res: Resolution, years: int) -> str | None:
    """A resolved date moved by whole years at its own precision."""
    if res.start is None or res.precision is None:
        return None
    return timex.shift_years(res.start, res.precision, years)


_SIGNALS = frozenset({"later", "after", "earlier", "ago", "before"})


def _signal(mention: Mention) -> str:
    """The word that says which way an anaphoric offset counts: "later", "after",
    "earlier", "ago", ...; the last word, or the one inside "the year-earlier quarter"."""
    words = mention.text.lower().replace("-", " ").split()
    inside = [w for w in words if w in _SIGNALS]
    return inside[-1] if inside else (words[-1] if words else "")


def _counted(mention: Mention) -> bool:
    """True for "two days later", "a year earlier"; False for "the day after", "that day",
    "later that year"."""
    words = mention.text.lower().split()
    return bool(words) and words[0] not in ("the", "that", "this") and "that" not in words


def _anchored(mention: Mention, story: Story, anchor: Anchor | None) -> Resolution:
    spec = mention.spec
    previous = story.last
    if spec.weekday is not None:
        return _anaphoric_weekday(mention, previous, anchor)
    base = previous.start if previous and previous.start else None
    used = (
        Anchor(AnchorKind.EARLIER, base, None, f"{previous.mention.text} = {previous.value}")
        if previous and base
        else anchor
    )
    if used is None or spec.unit is None:
        return _result(mention, "XXXX-XX-XX", "anchored:no-anchor", None)
    if spec.amount is None:
        if _counted(mention):
            # "a few days later", "several months before he took office": no date can be
            # counted, so TimeML values the length, and the chronology dates nothing.
            vague = timex.duration_value(spec.unit, None)
            return _result(mention, vague, "anchored:vague-length", used, TimexType.DURATION)
        return _result(mention, "PAST_REF", "anchored:vague", used)
    unit, amount = spec.unit, spec.amount
    unit, amount = timex.whole_units(unit, amount)
    if unit in (Unit.HOUR, Unit.MINUTE, Unit.SECOND):
        unit, amount = Unit.DAY, 0
    rule = "anchored:earlier-date" if used.kind is AnchorKind.EARLIER else "anchored:reference"
    if (
        unit is Unit.DAY
        and previous is not None
        and previous.precision in _COARSER_THAN_DAY
        and not _counted(mention)
    ):
        # "In 2019 a truce failed. The day before, ...": a day of a year the story does
        # not give to the day is somewhere in that year; no day is invented, and TIMEX3
        # writes the unknown day as XX ("2019-XX-XX"), its days those of the year.
        some_day = _unknown_day(previous.value, previous.precision)
        return _result(mention, some_day, f"{rule}:coarse", used, covered=previous.value)
    if unit is Unit.YEAR and amount and _signal(mention) in ("earlier", "ago", "later"):
        # "up from $3 million a year earlier": the same period (quarter, day) a year
        # before, as precise as the date it is counted from.
        same = _same_period(story, anchor or used) or previous
        value = _shift_keeping(same, int(amount)) if same else None
        if value:
            return _result(mention, value, f"{rule}:same-period", used)
    return _result(mention, _anchored_date(mention, previous, used, unit, int(amount)), rule, used)


def _anaphoric_weekday(
    mention: Mention, previous: Resolution | None, anchor: Anchor | None
) -> Resolution:
    """ "The previous Friday", "the following Monday": the nearest such day strictly before
    or after the day the story has got to, not the reference ("last Friday" is deictic,
    "the previous Friday" anaphoric). Without a day in the story, the reference's day."""
    spec = mention.spec
    assert spec.weekday is not None
    used = anchor
    if previous is not None and previous.start and previous.precision not in _COARSER_THAN_DAY:
        told = f"{previous.mention.text} = {previous.value}"
        used = Anchor(AnchorKind.EARLIER, previous.start, None, told)
    if used is None:
        return _result(mention, f"XXXX-WXX-{spec.weekday + 1}", "anchored:no-anchor", None)
    if spec.relation == 1:
        day = used.date + dt.timedelta(days=(spec.weekday - used.date.weekday() - 1) % 7 + 1)
    else:
        day = used.date - dt.timedelta(days=(used.date.weekday() - spec.weekday - 1) % 7 + 1)
    rule = "anchored:earlier-date" if used.kind is AnchorKind.EARLIER else "anchored:reference"
    return _result(mention, day.isoformat(), f"{rule}:weekday", used)


def _unknown_day(value: str, precision: Precision | None) -> str:
    """A day somewhere in a year or month value ("2019-XX-XX", "2019-10-XX"); other
    periods (a quarter, a season) have no day places and stay as they are."""
    if precision is Precision.YEAR and value.isdigit():
        return f"{value}-XX-XX"
    if precision is Precision.MONTH and len(value) == 7:
        return f"{value}-XX"
    return value


def _anchored_date(
    mention: Mention, previous: Resolution | None, used: Anchor, unit: Unit, amount: int
) -> str:
    """The date ``amount`` units from the story's date, at the unit's precision (a week
    from a day is a day)."""
    coarse_base = previous is not None and previous.precision in (Precision.MONTH, Precision.YEAR)
    if unit is Unit.WEEK and not coarse_base:
        if mention.spec.relation is not None and "week" in mention.text.lower():
            return timex.week_value(used.date + dt.timedelta(weeks=amount))
        return (used.date + dt.timedelta(weeks=amount)).isoformat()
    return timex.shift_value(used.date, unit, amount, mention.spec)


# ---- durations, sets, references, clock times -------------------------------------------


def _duration(mention: Mention) -> Resolution:
    spec = mention.spec
    amount = spec.amount
    words = mention.text.lower().split()
    if amount == 1 and words and words[-1].endswith("s"):
        # "the coming years": a unit named in the plural without a count is no single one.
        amount = None
    value = timex.duration_value(spec.unit or Unit.DAY, amount)
    return _result(mention, value, "duration", None, TimexType.DURATION)


def _set(mention: Mention) -> Resolution:
    spec = mention.spec
    if spec.ref:
        value = spec.ref
    elif spec.weekday is not None:
        value = f"XXXX-WXX-{spec.weekday + 1}" + (f"T{spec.part}" if spec.part else "")
    elif spec.month:
        value = f"XXXX-{spec.month:02d}"
    elif spec.season:  # "every summer"
        value = f"XXXX-{spec.season}"
    elif spec.part:  # "every morning"
        value = f"XXXX-XX-XXT{spec.part}"
    else:
        value = timex.duration_value(spec.unit or Unit.DAY, spec.amount)
    return _result(mention, value, "set", None, TimexType.SET)


# A midnight that names the day it falls on ("midnight Sunday", "midnight March 3") is
# the one that opens that day, as "5 a.m. Wednesday" is a clock of Wednesday; a midnight
# said "on" a day ("midnight (2100 GMT) on Monday") or alone ("starting at midnight")
# ends it (``DT24:00``).
_OPENING = "T00:00"


def _clock(
    mention: Mention, anchor: Anchor | None, previous: Resolution | None, policy: Policy
) -> Resolution:
    spec = mention.spec
    hour, minute = spec.hour or 0, spec.minute or 0
    time = f"T{hour:02d}:{minute:02d}"
    if spec.weekday is not None and anchor is not None:
        day = weekday_date(
            anchor.date, spec.weekday, None, _direction(mention, policy.weekday_default)
        )
        if hour == 24 and " " in mention.text.strip():
            time = _OPENING  # "midnight Sunday": the midnight Sunday opens
        return _result(mention, day.isoformat() + time, "clock:weekday", anchor, TimexType.TIME)
    if spec.month is not None and spec.day is not None:
        dated = _calendar(replace(mention, spec=replace(spec, kind=Kind.CALENDAR)), anchor, policy)
        if dated.start is not None and dated.precision in (Precision.DAY, Precision.TIME):
            value = dated.start.isoformat() + time
            return _result(mention, value, f"clock:{dated.rule}", dated.anchor, TimexType.TIME)
    near = previous is not None and previous.precision is Precision.DAY and previous.start
    if (
        near
        and previous is not None
        and previous.start is not None
        and (0 <= mention.start - previous.mention.end <= 40)
    ):
        used = Anchor(AnchorKind.EARLIER, previous.start, None, previous.mention.text)
        return _result(
            mention, previous.start.isoformat() + time, "clock:same-day", used, TimexType.TIME
        )
    if anchor is None:
        return _result(mention, "XXXX-XX-XX" + time, "clock:no-anchor", None, TimexType.TIME)
    if hour == 24 and mention.cue is Direction.PAST:
        # "the guns fell silent at midnight", told on the day after: the midnight that
        # opened the reference day, which ends the day before (TIMEX3 ``D-1 T24:00``).
        day = anchor.date - dt.timedelta(days=1)
        return _result(mention, day.isoformat() + time, "clock:past-midnight", anchor,
                       TimexType.TIME)  # fmt: skip
    return _result(
        mention, anchor.date.isoformat() + time, "clock:reference", anchor, TimexType.TIME
    )


def resolve(
    mention: Mention,
    anchor: Anchor | None,
    previous: Resolution | None = None,
    policy: Policy = NEWS,
    story: Story | None = None,
) -> Resolution:
    """The value of one mention, given its reference anchor and the story's last date.

    ``anchor`` is None when the text's date is unknown: relative values then stay
    underspecified. ``previous`` is the latest resolved calendar date earlier in the
    story, used by anaphoric expressions ("a week later"); ``story`` (which
    ``resolve_all`` keeps) tells more of what came before and overrides it.
    """
    if story is None:
        story = Story().told(previous) if previous is not None else Story()
    kind = mention.spec.kind
    if kind is Kind.CALENDAR:
        return _calendar(mention, anchor, policy)
    if kind is Kind.WEEKDAY:
        return _weekday(mention, anchor, policy)
    if kind is Kind.SHIFT:
        return _shift(mention, anchor, policy, story)
    if kind is Kind.ANCHORED:
        return _anchored(mention, story, anchor)
    if kind is Kind.DURATION:
        return _duration(mention)
    if kind is Kind.SET:
        return _set(mention)
    if kind is Kind.REF:
        return _result(mention, mention.spec.ref or "PRESENT_REF", "reference", None)
    return _clock(mention, anchor, story.last, policy)


def _clock_before_day(clock: Mention, day: Mention) -> bool:
    """True for "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": a time of day
    right before the day it falls on (one space apart: "0735 GMT) Friday" is not)."""
    return (
        clock.spec.kind is Kind.CLOCK
        and clock.spec.hour is not None
        and day.spec.kind in (Kind.WEEKDAY, Kind.CALENDAR)
        and day.spec.part is None
        and 0 <= day.start - clock.end <= 1
    )


def _on_day(
    clock: Mention, day: Mention, anchor: Anchor | None, story: Story, policy: Policy
) -> tuple[Resolution, Resolution]:
    """A time of day and the day named right after it, both valued at that day's time.

    A deadline word before the clock ("until 9 a.m. Tuesday") governs the day too.
    """
    if clock.cue_word and clock.cue_word.lower() in DECISIVE:
        day = replace(day, cue=clock.cue, cue_word=clock.cue_word)
    dated = resolve(day, anchor, None, policy, story)
    if dated.precision is not Precision.DAY or dated.start is None:
        return resolve(clock, anchor, None, policy, story), dated
    spec = clock.spec
    value = f"{dated.start.isoformat()}T{spec.hour or 0:02d}:{spec.minute or 0:02d}"
    if spec.hour == 24:  # "midnight March 3": the midnight March 3 opens
        value = dated.start.isoformat() + _OPENING
    used = Anchor(AnchorKind.EARLIER, dated.start, None, day.text)
    return (
        _result(clock, value, "clock:day-after", used, TimexType.TIME),
        _result(day, value, f"{dated.rule}:at-clock", dated.anchor, TimexType.TIME),
    )


def resolve_all(
    mentions: Iterable[Mention],
    anchor_for: Callable[[Mention], Anchor | None],
    policy: Policy = NEWS,
) -> tuple[Resolution, ...]:
    """Resolve mentions in story order, carrying the story's dates for anaphora."""
    found = list(mentions)
    out: list[Resolution] = []
    story = Story()
    i = 0
    while i < len(found):
        mention = found[i]
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and _clock_before_day(mention, following):
            pair: tuple[Resolution, ...] = _on_day(
                mention, following, anchor_for(following), story, policy
            )
        else:
            pair = (resolve(mention, anchor_for(mention), None, policy, story),)
        for resolution in pair:
            out.append(resolution)
            story = story.told(resolution)
        i += len(pair)
    return tuple(out)
