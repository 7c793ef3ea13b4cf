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

import re
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
_YEAR_PREPOSITIONS = (
    "in", "In", "by", "By", "since", "Since", "until", "before", "after", "during",
)  # fmt: skip
# What may not follow a number for it to be a year.
_NOT_A_COUNT = (
    r"(?![.,]\d)(?!\s*(?:%|percent|per\b|million|billion|trillion|thousand|hundred|"
    r"[a-z]+s\b(?<!years)(?<!days)(?<!months)(?<!weeks)|m\b|bn\b|km|kg|GMT|UTC|hours?\b))"
    # Plurals without an -s ("2000 men", "1500 people") and a force's size
    # ("a 2000-strong convoy") count heads; a number before a street name is an address.
    # After a date preposition it is still a year: "by [2000] people had left".
    r"(?!\s*-strong\b)(?!"
    + "".join(rf"(?<!\b{w}[ ]\d{{4}})" for w in _YEAR_PREPOSITIONS)
    + r"\s+(?:(?:wo)?men|people|children|police|personnel|staff)\b)"
    # A part of a whole: "1500 of its 2000 men".
    r"(?!\s+of\s+(?:its|their|his|her|them|whom|those|these)\b)"
    r"(?!\s+(?:[A-Z][a-z]+\s+)+(?:Avenue|Street|Road|Boulevard|Square)\b)"
)
# Words that label a number ("Flight 2017", "Resolution 2042", "Page 1998"): the number
# after them is a name, never a year.
_LABELS = (
    "Resolution", "Flight", "Route", "Highway", "Room", "Page", "Article", "Section",
    "Chapter", "Paragraph", "Unit", "Bus", "Train", "Gate", "Platform", "Suite", "No.",
    "Number", "Brigade", "Battalion", "Regiment", "Division", "Squadron", "Convoy",
)  # fmt: skip
_NOT_A_LABEL = "".join(rf"(?<!\b{re.escape(w)}[ ])" for w in _LABELS)
# A capitalised month, weekday or season between an article and a capitalised word is
# part of a name ("the Sunday Times", "the October War", "the Winter Palace"); TimeML
# leaves the times inside names untagged.
# A capitalised season before a capitalised word is a name too ("Winter Palace").
# The year a quarter or half is of: a number ("of 2016", "of fiscal 2016"), or the
# present, last or next one ("of the year", "of last year").
_OF_YEAR_NAMED = r" of (?:(?:fiscal (?:year )?)?{year}|(?:the|{yrel}) year\b)"
_OF_YEAR = r"(?:(?: of(?: fiscal(?: year)?)?)? {year}| of (?:the|{yrel}) year\b)?"
_NOT_A_NAMED_SEASON = r"(?!(?<=[A-Z][a-z]{5})[ ]+[A-Z][a-z])(?!(?<=Fall)[ ]+[A-Z][a-z])"
_NOT_IN_A_NAME = (
    r"(?!(?<=\b[Tt]he[ ])[A-Z][a-z.]+[ ]+[A-Z][a-z])(?!(?<=\b[Aa][ ])[A-Z][a-z.]+[ ]+[A-Z][a-z])"
)

# What may follow an adverb that ends its phrase ("the year before."), unlike a
# preposition that governs a noun or a clause ("the day before the vote").
_ENDS_PHRASE = (
    r"(?![^\S\n]+(?!(?:and|or|but|in|at|on|with|from|for|by|to|was|were|had|has|is|said)"
    r"\b)[A-Za-z])"
)
# "the year before the war" counts from the war: not the current year.
_NOT_COUNTED_FROM = r"(?![^\S\n]+(?:before|after)\b)"
# Hedges TimeML leaves outside a duration ("about [five hours]", "only [14 days]").
_LOOSE_HEDGE = r"(?:[Aa]bout|[Aa]lmost|[Oo]nly) "
# The day a clock time is given for, inside its span ("9 a.m. EST Tuesday").
# A date with its year after a clock time is a date of its own ("05:51 pm [April 3rd,
# 2019]"): the clock does not swallow its month and day.
_CLOCK_DAY = (
    r"(?:,? {weekday}(?!['’]s\b)|,? {month} {day}(?![:.,]?\d)"
    r"(?!(?:st|nd|rd|th)?,?\s*(?:1[5-9]|20)\d\d(?!\d)))?"
)
# What may not follow a count of units for it to be a duration: an age ("a 6-year-old",
# "52 years old"), a year-earlier comparison, a fraction ("three-quarters of").
_NOT_A_DURATION = (
    r"(?![- ]old\b)(?!-(?:earlier|ago)\b)"
    r"(?!(?<=-quarters) of\b)(?!(?<=[Aa][ ]quarter) of\b)(?!(?<=[Oo]ne[ ]quarter) of\b)"
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
    # Numbers alone do not say which comes first: "03/04/2019" is read month first here
    # (as in American copy), and the publication stage re-reads a stamp by the order the
    # page's unambiguous numbers show. Dots are the European day-first form.
    Rule("numeric-date", r"{monthnum}/{daynum}/{year}", C, ("12/22/2016", "1/5/2017")),
    Rule(
        "numeric-date-day-first",
        r"{daynum}/{monthnum}/{year}",
        C,
        ("25/03/2019", "13/1/2017"),
        ("03/25/2019",),
    ),
    Rule(
        "dotted-date",
        r"{daynum}\.{monthnum}\.{year}",
        C,
        ("20.2.2015", "01.12.2016"),
        ("2.08.20", "1.2.3"),
    ),
    Rule(
        "month-year",
        r"{month},? (?:of )?(?:{year}|{yearword} {yearrest})",
        C,
        (
            "March 2011",
            "September 2013",
            "November, 2015",
            "June of 1998",
            "January nineteen ninety-seven",
        ),
    ),
    Rule(
        "month-relative-year",
        r"{month} {yrel} year",
        C,
        ("January this year", "June last year", "July next year"),
    ),
    Rule(
        "month",
        _NOT_IN_A_NAME + r"{month_alone}(?! {day})",
        C,
        ("December", "February", "Jan.", "October", "[December]'s figures"),
        ("May be", "march", "the October War"),
    ),
    Rule(
        "month-after-preposition",
        _DATE_PREP + r"(?P<month>May|March)(?! {day})",
        C,
        ("in [May]", "since [March]"),
        ("May God", "March on"),
    ),
    Rule(
        "holiday",
        r"(?:{rel} )?{holiday}(?!\w)",
        C,
        ("Thanksgiving Day", "last Thanksgiving", "Christmas Eve", "New Year’s Day", "Christmas"),
        ("christmas", "Christmases"),
    ),
    Rule(
        "relative-month",
        r"{rel} {month_any}(?![.\s]*\d)",
        C,
        ("last December", "next January", "this September", "last May"),
        ("last Oct. 23",),
    ),
    Rule(
        "year",
        _NOT_A_LABEL + r"{year}" + _NOT_A_COUNT,
        C,
        ("2016", "1998", "2011", "in [2000] people feared", "by [1990] men"),
        (
            "60%",
            "2016 troops",
            "$2016",
            "1,2016",
            "2000 men",
            "a 2000-strong force",
            "1600 Pennsylvania Avenue",
            "Flight 2017",
            "Resolution 2042",
        ),
    ),
    Rule("fiscal-year", r"fiscal(?: year)? {year}", C, ("fiscal 1989", "fiscal year 1990")),
    Rule("the-year", r"the year {year}", C, ("the year 2000",)),
    Rule(
        "the-year-two-thousand",
        r"the year two thousand",
        C,
        ("the year two thousand",),
        fixed={"year": 2000},
    ),
    Rule(
        "spelled-year",
        r"(?![Tt]wenty (?:one|two|three|four|five|six|seven|eight|nine)\b){yearword} {yearrest}",
        C,
        ("nineteen ninety-six", "nineteen eighty"),
        ("twenty six percent",),
    ),
    Rule("decade", r"(?:the )?{decade}s", C, ("the 1990s", "1980s", "the '90s")),
    Rule("decade-word", r"the {decadeword}", C, ("the nineties", "the sixties")),
    Rule(
        "century",
        r"(?:the )?{ordinal}[- ]century",
        C,
        ("the 20th century", "the nineteenth century", "a [20th century] democrat"),
    ),
    Rule(
        "position-decade",
        r"(?:the )?{position}[- ]{decade}s",
        C,
        ("the late 1990s", "mid-1980s", "early 1990s"),
    ),
    # ---- seasons, quarters, halves ---------------------------------------------------
    Rule(
        "season-year",
        r"(?:the )?{season_any},? (?:of )?(?:{year}|{yearword} {yearrest})",
        C,
        ("summer 2016", "the spring of 2011", "winter, 2015"),
    ),
    Rule(
        "the-season",
        r"the {season_any}\b(?! of)" + _NOT_A_NAMED_SEASON,
        C,
        ("the summer", "the fall", "[the Summer] talks"),
        ("the Winter Palace", "the Fall River"),
    ),
    Rule(
        "position-season",
        r"(?:the )?{position}[- ]{season_any}",
        C,
        ("the early summer", "late spring", "mid-winter"),
    ),
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
    # TimeML leaves the article out of a hyphenated quarter used as an adjective: "the
    # [third-quarter] results", but "[the third quarter]".
    Rule(
        "quarter-year",
        r"(?:the (?!\S+-quarter))?{quarter}[- ]quarter" + _OF_YEAR,
        C,
        (
            "the third quarter",
            "third-quarter",
            "the fourth quarter of 2016",
            "first quarter",
            "the [third-quarter] results",
            "the first quarter of the year",
            "the third quarter of last year",
            "the first quarter of fiscal 2016",
        ),
        ("a quarter",),
    ),
    Rule(
        "fiscal-quarter",
        r"(?:the (?!fiscal[- ]\S+-quarter))?fiscal[- ]{quarter}[- ]quarter",
        C,
        (
            "the fiscal first quarter",
            "the [fiscal second-quarter] loss",
            "the fiscal-first quarter",
        ),
    ),
    Rule(
        "fiscal-half",
        r"(?:the (?!fiscal[- ]\S+-half))?fiscal[- ]{half}[- ]half",
        C,
        ("the fiscal first half", "the [fiscal second-half] profit"),
    ),
    Rule(
        "year-quarter",
        r"(?:the )?(?:fiscal (?:year )?)?{year}(?:['’]s)? {quarter}[- ]quarter",
        C,
        (
            "2016 third quarter",
            "1989's fourth quarter",
            "the 1988 third quarter",
            "fiscal 2016's second quarter",
        ),
    ),
    # "The last quarter" alone is the one before the present; with the year it is of,
    # it is the year's fourth ("the final quarter of 2015").
    Rule(
        "last-quarter-of-year",
        r"the (?:last|final) quarter" + _OF_YEAR_NAMED,
        C,
        ("the last quarter of 2015", "the final quarter of the year"),
        ("the last quarter",),
        fixed={"quarter": 4},
    ),
    Rule(
        "last-half-of-year",
        r"the (?:last|latter) half" + _OF_YEAR_NAMED,
        C,
        ("the last half of 1998", "the latter half of next year"),
        ("the last half",),
        fixed={"half": 2},
    ),
    Rule(
        "year-period",
        r"the {year} (?:period|quarter|fiscal year)",
        C,
        ("the 1988 period", "the 1989 quarter"),
    ),
    Rule(
        "relative-year-quarter",
        r"{yrel} year['’]s {quarter}[- ]quarter",
        C,
        ("this year's third quarter", "next year's first quarter"),
    ),
    Rule(
        "half-year",
        r"(?:the )?{half}[- ]half" + _OF_YEAR,
        C,
        (
            "the first half",
            "second-half",
            "the second half of 2016",
            "the second half of the year",
            "the first half of next year",
        ),
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
    # "the previous Friday" is anaphoric, counted from the story's day (see
    # ``resolve._anaphoric_weekday``); "last Friday" is counted from the report.
    Rule(
        "the-previous-weekday",
        r"the (?P<anaphoric>previous|preceding|prior|following) {weekday}",
        A,
        ("the previous Friday", "the following Monday"),
    ),
    Rule(
        "position-weekday",
        r"{position} {weekday}(?! {pod})",
        W,
        ("late Tuesday", "early Monday"),
        # TimeML leaves "earlier"/"later" out: "Earlier [Friday]".
        ("Earlier Friday", "later Thursday", "early Friday morning"),
    ),
    Rule(
        "weekday",
        _NOT_IN_A_NAME + r"{weekday}(?!['’]s\b)",
        W,
        ("Tuesday", "Friday", "monday", "Wed.", "[Sunday] Russian jets struck"),
        ("TUESDAY", "Sundays", "the Sunday Times", "a Sunday Telegraph poll"),
    ),
    # A day counted from a named weekday: "the day before last Tuesday('s hearing)".
    Rule(
        "day-before-weekday",
        r"(?:the )?day (?P<later>before|after) (?:{rel_weekday} )?{weekday}",
        W,
        ("the day before last Tuesday", "the day after Friday", "[day before Monday]'s vote"),
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
    # "today's youth", "in today's world": the present era, not the day of the report.
    Rule(
        "deictic",
        r"(?![Tt]oday['’]s (?:world|youth|generation|society|young|children|kids)\b){deictic}",
        S,
        ("today", "yesterday", "tomorrow", "tonight", "[today]'s talks"),
        ("today's youth", "in today's world"),
    ),
    Rule(
        "this-part",
        r"{this_last} {pod}",
        S,
        ("this morning", "last night", "this afternoon", "this evening"),
    ),
    Rule("position-this-part", r"{earlylate} this {pod}", S, ("later this afternoon",)),
    Rule(
        "position-part-deictic",
        r"{position}[- ]?{pod} {deictic}",
        S,
        ("mid-afternoon yesterday", "late morning today"),
    ),
    Rule(
        "position-part",
        r"{position}[- ]?{pod}",
        S,
        ("by [mid afternoon]", "early morning"),
        fixed={"unit": "day", "amount": 0},
    ),
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
        r"(?:the (?=past|coming|current|upcoming))?{rel} (?:fiscal )?{unit_cal}",
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
            "the current fiscal year",
        ),
        ("last weeks",),
    ),
    Rule("the-weekend", r"the weekend", S, ("the weekend",), fixed={"unit": "weekend"}),
    # Business news reports on "the quarter" and "the year" of its results: the latest
    # quarter, the current year; "the year ended June 30" is a year-long period.
    Rule(
        "the-quarter",
        r"the (?:latest (?:quarter|period)|most recent quarter|quarter)(?!-)",
        S,
        ("the quarter", "the latest quarter", "the latest period"),
        ("the quarter-to-quarter comparison", "the quarterly dividend"),
        fixed={"unit": "quarter", "amount": -1},
    ),
    Rule(
        "the-year-ended",
        r"the (?:fiscal )?year(?= end(?:ed|ing)\b)",
        D,
        ("[the year] ended June 30", "[the fiscal year] ending Jan. 31"),
        fixed={"unit": "year", "amount": 1},
    ),
    Rule(
        "the-year-whole",
        r"the (?:full |latest fiscal |fiscal )?year(?!-)" + _NOT_COUNTED_FROM,
        S,
        ("for [the year]", "the full year", "the fiscal year"),
        ("the year-earlier profit", "the year before the war"),
        fixed={"unit": "year", "amount": 0},
    ),
    Rule(
        "year-end",
        r"year(?:['’]s)?[- ]end",
        S,
        ("by [year-end]", "year end", "year's end"),
        fixed={"unit": "year", "amount": 0, "mod": "END"},
    ),
    Rule(
        "the-week",
        r"the week" + _NOT_COUNTED_FROM,
        S,
        ("for [the week]",),
        ("the week after the vote",),
        fixed={"unit": "week", "amount": 0},
    ),
    # ---- position inside a month or year ---------------------------------------------
    Rule(
        "position-month",
        r"{position}[- ]?{month_any}(?:,? {year}| {yrel} year)?",
        C,
        (
            "late August",
            "mid-November",
            "early September 2016",
            "mid May",
            "the [late-November]",
            "early October this year",
        ),
        ("late Mayor",),
    ),
    Rule("position-year", r"{position}[- ]{year}", C, ("early 2017", "mid-1990", "late 2015")),
    # "the pre-1967 borders", "post-2011 politics": a year glued to its prefix is a year
    # even before a plural noun ("1967 borders" alone could be a count).
    Rule(
        "pre-year",
        r"(?:pre|Pre)-{year}(?!-?\d)",
        C,
        ("pre-1967", "the [pre-2011] borders"),
        ("pre-20111",),
        fixed={"mod": "BEFORE"},
    ),
    Rule("post-year", r"(?:post|Post)-{year}(?!-?\d)", C, ("post-1959",), fixed={"mod": "AFTER"}),
    # The week a date falls in: "the week of March 6" is that date's ISO week.
    Rule(
        "the-week-of-date",
        r"the week of {month} {day}(?:,? {year})?(?!,? \d)",
        C,
        ("the week of March 6", "the week of Jan. 9, 2017"),
        ("the week of talks",),
        fixed={"unit": "week"},
    ),
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
        r"(?:{hedge} )?{count} {unit} (?P<later>later|earlier|afterwards|afterward)",
        A,
        ("a week later", "two days later", "a year earlier", "three months afterwards"),
        # "[ten days] before the shooting" is a duration before an event the sentence names.
        ("ten days before the shooting", "a month after the crisis"),
    ),
    # "the day before he died", "the day after his death": the day counts from the
    # happening the clause names, not from the story's last date, so the words are no
    # offset a reader could date; only a "before"/"after" that ends its phrase is one.
    Rule(
        "the-unit-after",
        r"the {unit_cal} {later}" + _ENDS_PHRASE,
        A,
        ("the day before", "the week after", "[the year before].", "[the day after] in Geneva"),
        ("the day before authorities issued a warrant", "the day after his death"),
    ),
    Rule(
        "the-following-unit",
        r"the {anaphoric} (?:{unit_cal}(?: or so)?|{pod})",
        A,
        (
            "the following week",
            "the next day",
            "the previous year",
            "the same day",
            "the next morning",
        ),
    ),
    Rule(
        "that-unit",
        r"(?:{earlylate} )?(?:that|that same) {unit_cal}",
        A,
        ("that day", "that same day", "later that year", "Earlier that day"),
    ),
    # "[the year-earlier quarter]", but "the [year-earlier] results": the article belongs
    # to the span only with the period it names.
    Rule(
        "year-earlier-period",
        r"the (?:comparable )?year[- ](?:earlier|ago) (?:{quarter}[- ])?"
        r"(?:period|quarter|(?:nine|six) months)",
        A,
        ("the year-earlier quarter", "the year-ago period", "the year-earlier third quarter"),
        fixed={"unit": "year", "amount": -1},
    ),
    Rule(
        "year-earlier",
        r"year[- ](?:earlier|ago)",
        A,
        ("year-earlier", "year-ago", "the [year-earlier] results"),
        fixed={"unit": "year", "amount": -1},
    ),
    # ---- durations -------------------------------------------------------------------
    Rule(
        "the-past-units",
        r"the {span} (?:(?:{count2} to )?{count} )?{unit}\b(?<=s)(?: or so)?",
        D,
        (
            "the past two months",
            "the last twenty four hours",
            "the next 90 days",
            "the first nine months",
            "the past few weeks",
            "the next 12 to 18 months",
        ),
    ),
    Rule(
        "the-units",
        r"the (?:latest )?{count} {unit_plural}",
        D,
        ("for [the nine months]", "the six months", "the latest nine months"),
    ),
    Rule("coming-units", r"coming {unit_plural}", D, ("in [coming months]", "coming weeks")),
    Rule(
        "units-ahead",
        r"the (?:{count} )?(?:{unit_plural}|{unit}) ahead",
        D,
        ("the weeks ahead", "the months ahead", "the two years ahead", "the week ahead"),
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
        r"(?!(?:[Aa]n?|[Oo]ne) seconds?\b)(?:(?!" + _LOOSE_HEDGE + r"){hedge} )?"
        r"(?:{count2} (?:to|or) )?"
        r"(?:{count}(?: more| additional| further| extra)?|(?<!\b[Oo]n[ ])(?:another|Another))"
        r"[- ](?=[a-z]){unit}(?: and a half)?"
        r"(?:[- ]long)?(?: or so)?" + _NOT_A_DURATION,
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
            "2 1/2 years",
            "a minute and a half",
            "after [several quarters] of losses",
            "almost [a hundred years]",
            "at least 20 more years",
            "for [another week]",
            "an additional year",
            "a further day",
            "two to three weeks",
            "about [five hours]",
            "only [six months]",
        ),
        (
            "a second round",
            "one of them",
            "two",
            "a 6-year-old boy",
            "52 years old",
            "about three-quarters of its food",
            "a year-earlier loss",
            "more than a quarter of the market",
            "on CBS's 60 Minutes",  # a capitalised unit after a count is a title
            "on another day",  # a different day, no length
        ),
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
        "every-other-unit",
        r"(?:every|each) other {unit_cal}",
        SET,
        ("every other week", "every other day"),
        fixed={"amount": 2},
    ),
    # TimeML puts how often into ``freq`` and values the period: "twice a week" is P1W.
    Rule(
        "times-per-unit",
        r"(?:once|twice|thrice|{count} times) (?:a|an|per|each) {unit_cal}",
        SET,
        ("twice a week", "three times a day", "once a month", "10 times a year"),
        fixed={"amount": 1},
    ),
    Rule(
        "every-season",
        r"(?:every|each) {season_any}",
        SET,
        ("every summer", "each winter"),
    ),
    Rule(
        "every-part",
        r"(?:every|each) {pod}",
        SET,
        ("every morning", "each evening"),
    ),
    Rule(
        "weekday-parts-set",
        r"{weekday} {pod}s\b",
        SET,
        ("Tuesday nights", "Sunday mornings", "on [Friday evenings]"),
    ),
    Rule(
        "every-weekday",
        r"(?:every|each) {weekday}(?: {pod})?",
        SET,
        ("every Friday", "each Thursday"),
    ),
    Rule("every-month", r"(?:every|each) {month_alone}", SET, ("each July",)),
    # "The Daily Star", "the daily reported": a newspaper, no recurrence. (Before a
    # paper's name, "the party daily Granma", the training splits' annotators tag it.)
    Rule(
        "frequency",
        r"(?![A-Z]\S+[ ]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z][a-z])"
        r"(?!(?<=\b[Tt]he[ ])[A-Z]){freq}"
        r"(?![ ]+(?:said|reported|wrote|quoted|cited|added|published)\b)",
        SET,
        ("daily", "weekly", "annually", "[weekly] Friday protests", "[daily] life", "[Daily]"),
        ("the Daily Star", "Daily Mail", "the daily said", "the weekly reported"),
    ),
    # ---- present, past, future -------------------------------------------------------
    # "was soon released", "the trickle soon became a flood": "soon" told in the past is
    # shortly after a past happening, not a time after the report, so no FUTURE_REF.
    # "Now, as for the prisoners, ...": a "Now" set off by a comma at the head of a
    # sentence turns to a new point of the story; it names no time.
    Rule(
        "reference",
        r"(?!Now,)(?!soon (?:as|after|before)\b)"
        r"(?!(?:(?<=\bwas[ ])|(?<=\bwere[ ])|(?<=\bhad[ ]))soon\b)"
        r"(?!soon (?:became|began|came|went|grew|fell|rose|found|got|left|\w{3,}ed)\b){ref}",
        REF,
        ("now", "currently", "recently", "the past", "the future", "at present", "soon", "Now"),
        (
            "as soon as Tuesday",
            "soon after the talks",
            "the former minister",
            "once again",
            "he was soon released",
            "the trickle soon became a flood",
            "Now, as for the prisoners",
        ),
    ),
    # ---- clock times -----------------------------------------------------------------
    Rule(
        "clock-colon",
        r"{hour}(?::|\.(?=\d\d ?(?:[ap]\.m|[ap]m\b|[AP]M\b))){minute}(?: ?{ampm})?(?: {zone})?"
        + _CLOCK_DAY,
        CLOCK,
        ("11:35 am", "10:47", "6.30 p.m. GMT", "9:00", "7:15 p.m. Friday"),
        ("7.38 billion", "up 0.27;", "2.08%"),
    ),
    Rule(
        "clock-ampm",
        r"{hour} ?{ampm}(?: {zone})?" + _CLOCK_DAY,
        CLOCK,
        ("6 p.m. local time", "11am", "8 a.m.", "10 p.m. Wednesday", "5 p.m. EST, Nov. 6"),
    ),
    Rule(
        "clock-day-half",
        after_word(["at", "by", "until", "till", "before", "after", "from", "to", "around"])
        + r"{hour}(?::{minute})? {dayhalf}",
        CLOCK,
        ("at [4 in the morning]", "until [2:30 in the afternoon]", "at [8 in the evening]"),
        ("scored 4 in the morning session", "at 4 in the mornings"),
    ),
    Rule("clock-military", r"{hhmm} {zone_utc}", CLOCK, ("1530 GMT", "1130 GMT", "0815 UTC")),
    Rule(
        "clock-word",
        # "high noon" is a showdown far more often than a time of day.
        r"(?<![Hh]igh\s)(?:midnight|noon|midday)",
        CLOCK,
        ("midnight", "at [midnight]", "noon"),
        ("high noon", "a High Noon moment"),
    ),
    Rule("clock-word-weekday", r"(?:midnight|noon) {weekday}", CLOCK, ("midnight Friday",)),
)
