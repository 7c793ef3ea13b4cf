"""Temporal-expression rules: small named productions with examples and near misses.

A pattern is a regular expression in which ``{name}`` stands for a vocabulary macro
captured as the group ``name`` (``{month2}`` captures macro ``month`` as ``month2``) and a
single space stands for any run of whitespace. A pattern must begin with a macro or a
literal word, optionally after ``(?:the )?``: that first token is how the scanner finds
where to try the rule. ``kind`` says how the captured groups are read (see
``syriatl.model.Kind``). ``fixed`` sets fields the words imply but do not capture.

Every example must be matched whole by its own rule (only the part in brackets, when an
example gives context: "in [May]"), and no ``negatives`` entry may be matched by it; the
tests check both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from syriatl.model import Kind


@dataclass(frozen=True, slots=True)
class Rule:
    """One production: a name, a pattern over words, how to read it, and examples."""

    name: str
    pattern: str
    kind: Kind
    examples: tuple[str, ...]
    negatives: tuple[str, ...] = ()
    fixed: dict[str, object] = field(default_factory=dict)


C, W, S, A = Kind.CALENDAR, Kind.WEEKDAY, Kind.SHIFT, Kind.ANCHORED
D, SET, REF, CLOCK = Kind.DURATION, Kind.SET, Kind.REF, Kind.CLOCK

# A preposition or determiner that makes a lone "May"/"March" or a season a date.
_PREPOSITIONS = [
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "to",
    "of",
    "last",
    "next",
    "this",
    "early",
    "late",
    "during",
    "before",
    "after",
    "through",
    "into",
    "between",
    "and",
    "or",
    "the",
]


def after_word(words: list[str]) -> str:
    """A lookbehind: the match must follow one of ``words`` and a single space."""
    return "(?:" + "|".join(rf"(?<=\b[{w[0]}{w[0].upper()}]{w[1:]}[ ])" for w in words) + ")"


_DATE_PREP = after_word(_PREPOSITIONS)
# What may not follow a number for it to be a year.
_NOT_A_COUNT = (
    r"(?![.,]\d)(?!\s*(?:%|percent|per\b|million|billion|trillion|thousand|hundred|"
    r"[a-z]+s\b(?<!years)(?<!days)(?<!months)(?<!weeks)|m\b|bn\b|km|kg|GMT|UTC|hours?\b))"
)

RULES: tuple[Rule, ...] = (
    # ---- calendar dates --------------------------------------------------------------
    Rule(
        "iso-date",
        r"{year}-{monthnum}-{daynum}(?:T{hour}:{minute}(?::\d\d)?Z?)?",
        C,
        ("2017-01-24", "2016-12-28T10:47", "2017-01-25T11:30:00Z"),
        ("2017-13-45",),
    ),
    Rule(
        "month-day-year",
        r"{month} {day}(?:,\s*|\s+|,? of ){year}",
        C,
        ("December 22, 2016", "Dec. 22 2016", "Jan 24,2017", "January 24th, 2017"),
    ),
    Rule(
        "day-month-year",
        r"{day}(?: of)? {month},? {year}",
        C,
        ("22 December 2016", "28 December 2016", "1st of March 2011"),
    ),
    Rule(
        "weekday-month-day",
        r"{weekday},? {month} {day}(?:(?:,\s*|\s+){year})?",
        C,
        ("Thursday, December 29, 2016", "Tuesday, Jan. 24", "Friday December 30"),
    ),
    Rule(
        "weekday-day-month",
        r"{weekday},? (?:the )?{day}(?: of)? {month}(?:,? {year})?",
        C,
        ("Wednesday, 28 December 2016", "Tuesday 24 January"),
    ),
    Rule(
        "month-day",
        r"{month} {day}(?![:.,]?\d)",
        C,
        ("December 22", "Dec. 22", "January 14", "Feb 24", "Aug. 9"),
        ("May 2016",),
    ),
    Rule(
        "day-month", r"{day}(?: of)? {month}(?! ?\d)", C, ("22 December", "15 Feb", "1st of March")
    ),
    Rule("numeric-date", r"{monthnum}/{daynum}/{year}", C, ("12/22/2016", "1/5/2017")),
    Rule(
        "month-year",
        r"{month},? (?:of )?{year}",
        C,
        ("March 2011", "September 2013", "November, 2015", "June of 1998"),
    ),
    Rule(
        "month-relative-year",
        r"{month} {yrel} year",
        C,
        ("January this year", "June last year", "July next year"),
    ),
    Rule(
        "month",
        r"{month_alone}(?!['’]s\b)(?! {day})",
        C,
        ("December", "February", "Jan.", "October"),
        ("May be", "march"),
    ),
    Rule(
        "month-after-preposition",
        _DATE_PREP + r"(?P<month>May|March)(?! {day})",
        C,
        ("in [May]", "since [March]"),
        ("May God", "March on"),
    ),
    Rule(
        "relative-month",
        r"{rel} {month_alone}",
        C,
        ("last December", "next January", "this September"),
    ),
    Rule(
        "year",
        r"{year}" + _NOT_A_COUNT,
        C,
        ("2016", "1998", "2011"),
        ("60%", "2016 troops", "$2016", "1,2016"),
    ),
    Rule("fiscal-year", r"fiscal(?: year)? {year}", C, ("fiscal 1989", "fiscal year 1990")),
    Rule("the-year", r"the year {year}", C, ("the year 2000",)),
    Rule("spelled-year", r"{yearword} {yearrest}", C, ("nineteen ninety-six", "nineteen eighty")),
    Rule("decade", r"(?:the )?{decade}s", C, ("the 1990s", "1980s", "the '90s")),
    Rule("decade-word", r"the {decadeword}", C, ("the nineties", "the sixties")),
    Rule("century", r"the {ordinal}[- ]century", C, ("the 20th century", "the nineteenth century")),
    Rule(
        "position-decade",
        r"(?:the )?{position}[- ]{decade}s",
        C,
        ("the late 1990s", "mid-1980s", "early 1990s"),
    ),
    # ---- seasons, quarters, halves ---------------------------------------------------
    Rule(
        "season-year",
        r"(?:the )?{season_any},? (?:of )?{year}",
        C,
        ("summer 2016", "the spring of 2011", "winter, 2015"),
    ),
    Rule("the-season", r"the {season_any}\b(?! of)", C, ("the summer", "the fall")),
    Rule(
        "relative-season",
        r"{rel} {season_any}",
        C,
        ("last summer", "this winter", "next spring", "last fall"),
    ),
    Rule(
        "season",
        after_word(["in", "since", "by", "until", "during"]) + r"{season}",
        C,
        ("in [summer]", "since [spring]"),
    ),
    Rule(
        "quarter-year",
        r"(?:the )?{quarter}[- ]quarter(?:(?: of)? {year})?",
        C,
        ("the third quarter", "third-quarter", "the fourth quarter of 2016", "first quarter"),
        ("a quarter",),
    ),
    Rule(
        "fiscal-quarter", r"(?:the )?fiscal {quarter}[- ]quarter", C, ("the fiscal first quarter",)
    ),
    Rule(
        "year-quarter",
        r"{year}(?:'s)? {quarter}[- ]quarter",
        C,
        ("2016 third quarter", "1989's fourth quarter"),
    ),
    Rule(
        "half-year",
        r"(?:the )?{half}[- ]half(?:(?: of)? {year})?",
        C,
        ("the first half", "second-half", "the second half of 2016"),
    ),
    # ---- weekdays --------------------------------------------------------------------
    Rule(
        "weekday-part",
        r"{weekday}(?:['’]s)? {pod}",
        W,
        ("Tuesday afternoon", "Monday night", "Friday's morning"),
    ),
    Rule(
        "part-weekday",
        r"(?:late |early )?{pod} {weekday}",
        W,
        ("midday Friday", "late morning Tuesday"),
    ),
    Rule(
        "relative-weekday",
        r"{rel_weekday} {weekday}(?: {pod})?",
        W,
        ("last Friday", "next Tuesday", "this Saturday", "last Monday night"),
    ),
    Rule(
        "position-weekday",
        r"(?:{position} |{earlylate} ){weekday}",
        W,
        ("late Tuesday", "early Monday", "earlier Sunday"),
    ),
    Rule(
        "weekday",
        r"{weekday}(?!['’]s\b)",
        W,
        ("Tuesday", "Friday", "monday", "Wed."),
        ("TUESDAY", "Sundays"),
    ),
    Rule("weekday-possessive", r"{weekday}(?=['’]s\b)", W, ("[Monday]'s assassination",)),
    Rule("weekdays-set", r"(?:on )?{weekday_plural}", SET, ("Sundays", "on Fridays")),
    # ---- today, yesterday, this morning ----------------------------------------------
    Rule(
        "deictic-part",
        r"{deictic} {pod}",
        S,
        ("yesterday morning", "tomorrow afternoon", "today evening"),
    ),
    Rule("position-deictic", r"{earlylate} {deictic}", S, ("late yesterday", "early today")),
    Rule("deictic", r"{deictic}", S, ("today", "yesterday", "tomorrow", "tonight")),
    Rule(
        "this-part",
        r"{this_last} {pod}",
        S,
        ("this morning", "last night", "this afternoon", "this evening"),
    ),
    Rule("position-this-part", r"{earlylate} this {pod}", S, ("later this afternoon",)),
    # ---- last week, next month, this year --------------------------------------------
    Rule(
        "position-relative-unit",
        r"{earlylate} {rel} {unit_cal}",
        S,
        ("early next year", "earlier this month", "late last year", "later this week"),
    ),
    Rule(
        "the-position-of-relative",
        r"the {edge} of {rel} {unit_cal}",
        S,
        ("the end of this year", "the beginning of next month"),
    ),
    Rule(
        "the-position-of-the",
        r"the {edge} of the {unit_cal}",
        S,
        ("the end of the year", "the end of the month", "the start of the week"),
    ),
    Rule(
        "relative-unit",
        r"(?:the (?=past|coming|current|upcoming))?{rel} {unit_cal}",
        S,
        (
            "last week",
            "next month",
            "this year",
            "the past year",
            "last weekend",
            "the coming week",
            "this quarter",
            "the current year",
        ),
        ("last weeks",),
    ),
    Rule("the-weekend", r"the weekend", S, ("the weekend",), fixed={"unit": "weekend"}),
    # ---- position inside a month or year ---------------------------------------------
    Rule(
        "position-month",
        r"(?:the )?{position}[- ]?{month_any}(?:,? {year})?",
        C,
        ("late August", "mid-November", "early September 2016", "mid May"),
        ("late Mayor",),
    ),
    Rule("position-year", r"{position}[- ]{year}", C, ("early 2017", "mid-1990", "late 2015")),
    Rule(
        "the-position-of-date",
        r"the {edge} of {month_any}(?:,? {year})?",
        C,
        ("the end of December", "the beginning of March 2011"),
    ),
    Rule("the-position-of-year", r"the {edge} of {year}", C, ("the end of 2016",)),
    # ---- offsets with numbers --------------------------------------------------------
    Rule(
        "units-ago",
        r"(?:{hedge} )?{count} {unit}(?: or so)? ago",
        S,
        (
            "two years ago",
            "a week ago",
            "more than a week ago",
            "six weeks ago",
            "a few years ago",
            "several years ago",
            "10 days ago",
        ),
    ),
    Rule("units-from-now", r"{count} {unit} from now", S, ("two weeks from now",)),
    Rule(
        "units-later",
        r"(?:{hedge} )?{count} {unit} {later}",
        A,
        (
            "a week later",
            "two days later",
            "a year earlier",
            "a day before",
            "three months afterwards",
        ),
    ),
    Rule(
        "the-unit-after",
        r"the {unit_cal} {later}",
        A,
        ("the day before", "the week after", "the year before"),
    ),
    Rule(
        "the-following-unit",
        r"the {anaphoric} {unit_cal}",
        A,
        ("the following week", "the next day", "the previous year", "the same day"),
    ),
    Rule("that-unit", r"(?:that|that same) {unit_cal}", A, ("that day", "that same day")),
    Rule(
        "year-earlier",
        r"(?:the )?year[- ](?:earlier|ago)",
        A,
        ("year-earlier", "year-ago", "the year-earlier"),
        fixed={"unit": "year", "amount": -1},
    ),
    # ---- durations -------------------------------------------------------------------
    Rule(
        "the-past-units",
        r"the {span} (?:{count} )?{unit}\b(?<=s)",
        D,
        (
            "the past two months",
            "the last twenty four hours",
            "the next 90 days",
            "the first nine months",
            "the past few weeks",
        ),
    ),
    Rule(
        "past-units",
        r"{span} {count} {unit}",
        D,
        ("past 48 hours", "next two weeks", "last three years"),
    ),
    Rule("per-unit", r"(?<=\d[ ])(?:a|per) {unit_cal}", SET, ("5 [per year]", "2 [a day]")),
    Rule(
        "units",
        r"(?!(?:[Aa]n?|[Oo]ne) seconds?\b)(?:{hedge} )?{count}[- ]{unit}(?:[- ]long)?",
        D,
        (
            "two days",
            "seven-week",
            "90 days",
            "a decade",
            "nearly two years",
            "more than four hours",
            "a couple of years",
            "two and a half years",
        ),
        ("a second round", "one of them", "two"),
    ),
    Rule("half-unit", r"(?:a |an )?half[- ]an? {unit}", D, ("half an hour", "half a year")),
    Rule(
        "unit-plural",
        after_word(["for", "over", "in", "within", "take", "took"]) + r"{unit_plural}",
        D,
        ("for [years]", "in [months]", "for [decades]"),
    ),
    Rule(
        "recent-units",
        r"(?:the )?recent {unit_plural}",
        D,
        ("recent weeks", "recent years", "the recent months"),
    ),
    # ---- recurrences -----------------------------------------------------------------
    Rule(
        "every-unit",
        r"(?:every|each) (?:{count} )?{unit}",
        SET,
        ("every day", "each year", "every two weeks", "each week"),
    ),
    Rule(
        "every-weekday",
        r"(?:every|each) {weekday}(?: {pod})?",
        SET,
        ("every Friday", "each Thursday"),
    ),
    Rule("every-month", r"(?:every|each) {month_alone}", SET, ("each July",)),
    Rule("frequency", r"{freq}", SET, ("daily", "weekly", "annually")),
    # ---- present, past, future -------------------------------------------------------
    Rule(
        "reference",
        r"{ref}",
        REF,
        ("now", "currently", "recently", "the past", "the future", "at present"),
    ),
    # ---- clock times -----------------------------------------------------------------
    Rule(
        "clock-colon",
        r"{hour}[:.]{minute}(?: ?{ampm})?(?: {zone})?",
        CLOCK,
        ("11:35 am", "10:47", "6.30 p.m. GMT", "9:00"),
    ),
    Rule(
        "clock-ampm", r"{hour} ?{ampm}(?: {zone})?", CLOCK, ("6 p.m. local time", "11am", "8 a.m.")
    ),
    Rule("clock-military", r"{hhmm} {zone_utc}", CLOCK, ("1530 GMT", "1130 GMT", "0815 UTC")),
    Rule(
        "clock-word",
        r"(?:at )?(?:midnight|noon|midday)",
        CLOCK,
        ("midnight", "at midnight", "noon"),
    ),
    Rule("clock-word-weekday", r"(?:midnight|noon) {weekday}", CLOCK, ("midnight Friday",)),
)
