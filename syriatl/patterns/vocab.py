"""Words and what they mean: the vocabulary the expression rules are built from.

Each table maps a surface form to its meaning. Forms are matched case-sensitively as
written here, except that a lowercase form also matches its Capitalised spelling at the
start of a sentence; ALL-CAPS headline words are deliberately not listed. Words that are
far more often something else in lowercase ("may", "march", "august", "sun") appear
only capitalised or with a following period.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "January": 1, "Jan": 1,
    "February": 2, "Feb": 2,
    "March": 3, "Mar": 3,
    "April": 4, "Apr": 4,
    "May": 5,
    "June": 6, "Jun": 6,
    "July": 7, "Jul": 7,
    "August": 8, "Aug": 8,
    "September": 9, "Sept": 9, "Sep": 9,
    "October": 10, "Oct": 10,
    "November": 11, "Nov": 11,
    "December": 12, "Dec": 12,
    "january": 1, "february": 2, "april": 4, "june": 6, "july": 7,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

# Month names that stand alone as a month (abbreviations need a day, a year or a period).
MONTH_NAMES_ALONE = frozenset(
    f for f, n in MONTHS.items() if len(f) > 3 and f not in {"Sept", "May", "March"}
)

WEEKDAYS: dict[str, int] = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3,
    "Friday": 4, "Saturday": 5, "Sunday": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
    "Mon.": 0, "Tue.": 1, "Tues.": 1, "Wed.": 2, "Thu.": 3, "Thur.": 3, "Thurs.": 3,
    "Fri.": 4, "Sat.": 5, "Sun.": 6,
}  # fmt: skip
# The weekdays' names by number, Monday first (the first seven keys above).
WEEKDAY_NAMES: tuple[str, ...] = tuple(WEEKDAYS)[:7]

# Cardinal numbers in words. "a"/"an" count one; the fuzzy ones ("several", "a few")
# give an underspecified amount.
NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "a half": 0.5, "one and a half": 1.5,
}  # fmt: skip

FUZZY_NUMBERS: frozenset[str] = frozenset(
    {"several", "a few", "few", "some", "many", "a couple of", "a couple", "couple of",
     "a number of", "numerous", "the past few", "a couple of dozen"}
)  # fmt: skip

# Ordinals, for days, quarters, halves and centuries.
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "19th": 19, "20th": 20,
    "21st": 21, "last": -1, "final": -1,
}  # fmt: skip

# Units of time, singular and plural, with the TIMEX3 letter of each.
UNITS: dict[str, str] = {
    "second": "second", "seconds": "second",
    "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour",
    "day": "day", "days": "day",
    "night": "day", "nights": "day",
    "weekend": "weekend", "weekends": "weekend",
    "week": "week", "weeks": "week",
    "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year",
    "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
    "millennium": "millennium",
}  # fmt: skip

# Part of day: TIMEX3 codes, or the clock time a word names exactly ("noon").
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "daytime": "DT", "midday": "MI", "noon": "12:00",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

# "last"/"next"/"this": the relation of a named unit to its anchor.
RELATIONS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
    "next": 1, "coming": 1, "upcoming": 1, "following": 1,
    "this": 0, "current": 0, "present": 0, "same": 0, "that": 0,
}  # fmt: skip

# Day-level deictic words: their offset in days from the reference and part of day.
DEICTIC_DAYS: dict[str, tuple[int, str | None]] = {
    "today": (0, None), "tonight": (0, "NI"), "yesterday": (-1, None),
    "tomorrow": (1, None), "overnight": (0, "NI"),
}  # fmt: skip

# Named days of the calendar: (month, day, weekday). A weekday (Monday = 0) makes the
# day floating: the first such weekday on or after that day, so Thanksgiving, the fourth
# Thursday of November, is the first Thursday from November 22, and Election Day, the
# Tuesday after the first Monday, the first Tuesday from November 2. Only days whose date
# does not depend on the country the story is about are listed; capitalised, "Election
# Day" in English-language news is the American one (other votes are "election day").
HOLIDAYS: dict[str, tuple[int, int, int | None]] = {
    "Thanksgiving": (11, 22, 3), "Thanksgiving Day": (11, 22, 3),
    "Christmas": (12, 25, None), "Christmas Day": (12, 25, None),
    "Christmas Eve": (12, 24, None), "New Year's Day": (1, 1, None),
    "New Year's Eve": (12, 31, None), "Election Day": (11, 2, 1),
    "May Day": (5, 1, None),
}  # fmt: skip

# Position within a period: TIMEX3 mod values.
POSITIONS: dict[str, str] = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "dawn": "START", "mid": "MID", "middle": "MID", "late": "END", "later": "END",
    "end": "END", "close": "END",
}  # fmt: skip

# Quantity hedges before durations and offsets: TIMEX3 mod values.
HEDGES: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "approximately": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "only": "EQUAL_OR_LESS",
}  # fmt: skip

# Words standing for the present, the past or the future as a whole. TimeML annotators
# leave out adjectives and adverbs that only place something in the past ("former",
# "previously", "once") or the future ("eventually", "shortly", "future" as in "future
# earnings"), so those are not listed; "right now" is tagged as its "now".
REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "current": "PRESENT_REF", "at present": "PRESENT_REF", "just now": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
}  # fmt: skip

# Recurrence adverbs: the period each stands for. "quarterly" and "annual" are left out:
# in business news they qualify dividends and meetings, which annotators do not tag.
FREQUENCIES: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W",
}  # fmt: skip

# Words after "to" that make it a preposition, not the mark of an infinitive: "returned
# to the city at midnight" looks back, "for the truce to come into force at midnight"
# looks ahead.
NOT_INFINITIVE: frozenset[str] = frozenset(
    "the a an his her its their this that these those my our your some all both each "
    "every him them us me it".split()
)

# Time zones printed after clock times, as offsets from UTC in hours (None: local).
ZONES: dict[str, float | None] = {
    "GMT": 0, "UTC": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "local time": None,
}  # fmt: skip

# Spelled-out years ("nineteen ninety-six"): centuries and decades in words.
YEAR_WORDS_CENTURY: dict[str, int] = {
    "nineteen": 19, "eighteen": 18, "twenty": 20,
}  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
