"""Detection: which spans are temporal expressions and what their words say.

Detection never sees a reference date, so every expectation here is about the words
alone: the span found and the underspecified value read from it.
"""

from __future__ import annotations

import pytest

from syriatl.detect import detect, number
from syriatl.model import Kind, Unit

# (sentence, span expected, kind, fields of the Spec)
FOUND = [
    (
        "Talks began on December 14 in Torvik.",
        "December 14",
        Kind.CALENDAR,
        {"month": 12, "day": 14, "year": None},
    ),
    ("Talks began on Dec. 14 in Torvik.", "Dec. 14", Kind.CALENDAR, {"month": 12, "day": 14}),
    (
        "It was signed on 14 December 2015.",
        "14 December 2015",
        Kind.CALENDAR,
        {"year": 2015, "month": 12, "day": 14},
    ),
    (
        "Posted January 24, 2017",
        "January 24, 2017",
        Kind.CALENDAR,
        {"year": 2017, "month": 1, "day": 24},
    ),
    ("Jan 24,2017 | Reuters", "Jan 24,2017", Kind.CALENDAR, {"year": 2017, "month": 1, "day": 24}),
    (
        "Thursday, December 29, 2016 - 11:35 am",
        "Thursday, December 29, 2016",
        Kind.CALENDAR,
        {"weekday": 3, "day": 29},
    ),
    (
        "fighters attack in Karvana on January 14Image: AFP",
        "January 14",
        Kind.CALENDAR,
        {"month": 1, "day": 14},
    ),
    ("The uprising began in March 2011.", "March 2011", Kind.CALENDAR, {"year": 2011, "month": 3}),
    ("The uprising began in 2011.", "2011", Kind.CALENDAR, {"year": 2011}),
    ("Talks resume in May.", "May", Kind.CALENDAR, {"month": 5}),
    ("the February talks in Velmora", "February", Kind.CALENDAR, {"month": 2}),
    ("from late August", "late August", Kind.CALENDAR, {"month": 8, "mod": "END"}),
    ("by mid-November", "mid-November", Kind.CALENDAR, {"month": 11, "mod": "MID"}),
    ("a deal in the summer", "the summer", Kind.CALENDAR, {"season": "SU"}),
    ("profits in the third quarter", "the third quarter", Kind.CALENDAR, {"quarter": 3}),
    ("back to the 1990s", "the 1990s", Kind.CALENDAR, {"decade": 199}),
    ("They met on Tuesday.", "Tuesday", Kind.WEEKDAY, {"weekday": 1, "relation": None}),
    (
        "announced on Tuesday afternoon the creation",
        "Tuesday afternoon",
        Kind.WEEKDAY,
        {"weekday": 1, "part": "AF"},
    ),
    ("Monday's assassination of the ambassador", "Monday", Kind.WEEKDAY, {"weekday": 0}),
    ("He left last Friday.", "last Friday", Kind.WEEKDAY, {"weekday": 4, "relation": -1}),
    ("He leaves next Friday.", "next Friday", Kind.WEEKDAY, {"weekday": 4, "relation": 1}),
    ("He told reporters yesterday.", "yesterday", Kind.SHIFT, {"unit": Unit.DAY, "amount": -1}),
    (
        "bombed Karvana this morning",
        "this morning",
        Kind.SHIFT,
        {"unit": Unit.DAY, "amount": 0, "part": "MO"},
    ),
    ("talks next month in Torvik", "next month", Kind.SHIFT, {"unit": Unit.MONTH, "amount": 1}),
    ("a warplane downed last year", "last year", Kind.SHIFT, {"unit": Unit.YEAR, "amount": -1}),
    (
        "brokered earlier this month",
        "earlier this month",
        Kind.SHIFT,
        {"unit": Unit.MONTH, "amount": 0, "mod": "START"},
    ),
    ("began two years ago", "two years ago", Kind.SHIFT, {"unit": Unit.YEAR, "amount": -2}),
    (
        "a ceasefire announced a week later",
        "a week later",
        Kind.ANCHORED,
        {"unit": Unit.WEEK, "amount": 1},
    ),
    (
        "two days later the talks ended",
        "two days later",
        Kind.ANCHORED,
        {"unit": Unit.DAY, "amount": 2},
    ),
    ("on the day before", "the day before", Kind.ANCHORED, {"unit": Unit.DAY, "amount": -1}),
    ("a seven-week offensive", "seven-week", Kind.DURATION, {"unit": Unit.WEEK, "amount": 7}),
    (
        "within the next 90 days",
        "the next 90 days",
        Kind.DURATION,
        {"unit": Unit.DAY, "amount": 90},
    ),
    ("in the past 48 hours", "the past 48 hours", Kind.DURATION, {"unit": Unit.HOUR, "amount": 48}),
    ("After two days of talks", "two days", Kind.DURATION, {"unit": Unit.DAY, "amount": 2}),
    ("for several years", "several years", Kind.DURATION, {"unit": Unit.YEAR, "amount": None}),
    # "another", "an additional", "a further", "an extra" count one more unit.
    ("extended for another week", "another week", Kind.DURATION, {"unit": Unit.WEEK, "amount": 1}),
    (
        "for an additional year",
        "an additional year",
        Kind.DURATION,
        {"unit": Unit.YEAR, "amount": 1},
    ),
    ("talks go on a further day", "a further day", Kind.DURATION, {"unit": Unit.DAY, "amount": 1}),
    ("Another day passed.", "Another day", Kind.DURATION, {"unit": Unit.DAY, "amount": 1}),
    ("prayers every Friday", "every Friday", Kind.SET, {"weekday": 4}),
    ("published weekly", "weekly", Kind.SET, {"ref": "P1W"}),
    ("is now in force", "now", Kind.REF, {"ref": "PRESENT_REF"}),
    ("The talks will soon resume.", "soon", Kind.REF, {"ref": "FUTURE_REF"}),
    ("It was now over.", "now", Kind.REF, {"ref": "PRESENT_REF"}),  # only "soon" is muted
    ("Now the rebels hold the ridge.", "Now", Kind.REF, {"ref": "PRESENT_REF"}),
    ("into force at midnight", "midnight", Kind.CLOCK, {"hour": 24, "minute": 0}),
    ("at 6 p.m. local time", "6 p.m. local time", Kind.CLOCK, {"hour": 18, "minute": 0}),
    ("Thursday, December 29, 2016 - 11:35 am", "11:35 am", Kind.CLOCK, {"hour": 11, "minute": 35}),
    ("a strike at 1530 GMT", "1530 GMT", Kind.CLOCK, {"hour": 15, "minute": 30, "zone": "GMT"}),
    ("until 9 a.m. EST Tuesday to sign", "9 a.m. EST Tuesday", Kind.CLOCK, {"weekday": 1}),
    ("Earlier Friday, lawyers filed", "Friday", Kind.WEEKDAY, {"weekday": 4}),
    ("mid-afternoon yesterday", "mid-afternoon yesterday", Kind.SHIFT, {"amount": -1}),
    ("in court the next morning", "the next morning", Kind.ANCHORED, {"amount": 1, "part": "MO"}),
    ("refugee camps for 2 1/2 years", "2 1/2 years", Kind.DURATION, {"amount": 2.5}),
    ("a minute and a half later", "a minute and a half", Kind.DURATION, {"amount": 1.5}),
    ("about five hours in Nairobi", "five hours", Kind.DURATION, {"unit": Unit.HOUR}),
    ("ten days before the shooting", "ten days", Kind.DURATION, {"amount": 10}),
    ("For the nine months, net rose", "the nine months", Kind.DURATION, {"amount": 9}),
    ("Sales in the latest quarter rose", "the latest quarter", Kind.SHIFT, {"amount": -1}),
    ("net income for the year ended June 30", "the year", Kind.DURATION, {"unit": Unit.YEAR}),
    ("in place by year-end", "year-end", Kind.SHIFT, {"unit": Unit.YEAR, "mod": "END"}),
    ("in the year-earlier quarter", "the year-earlier quarter", Kind.ANCHORED, {"amount": -1}),
    # A quarter or half of a year counted from the reference: that year's third quarter.
    (
        "sales in this year's third quarter",
        "this year's third quarter",
        Kind.SHIFT,
        {"quarter": 3, "unit": Unit.YEAR, "amount": 0},
    ),
    (
        "Output fell in the first half of last year.",
        "the first half of last year",
        Kind.SHIFT,
        {"half": 1, "unit": Unit.YEAR, "amount": -1},
    ),
    ("in the final quarter of 2015", "the final quarter of 2015", Kind.CALENDAR, {"quarter": 4}),
    ("They meet twice a week.", "twice a week", Kind.SET, {"unit": Unit.WEEK, "amount": 1}),
    ("Flights leave on Tuesday nights.", "Tuesday nights", Kind.SET, {"weekday": 1, "part": "NI"}),
    ("a 20th century democrat", "20th century", Kind.CALENDAR, {"century": 19}),
    # A named day that moves: the first Thursday (3) on or after 22 November.
    (
        "He was home for Thanksgiving Day.",
        "Thanksgiving Day",
        Kind.CALENDAR,
        {"month": 11, "day": 22, "weekday": 3, "floating": True},
    ),
    ("Shops shut on New Year’s Eve.", "New Year’s Eve", Kind.CALENDAR, {"month": 12, "day": 31}),
    # A year glued to "pre-"/"post-" is a year even before a plural noun.
    ("Talks on the pre-1967 borders resumed.", "pre-1967", Kind.CALENDAR, {"year": 1967}),
    ("Post-2011 politics split families.", "Post-2011", Kind.CALENDAR, {"mod": "AFTER"}),
    # A bare hour with the half of the day it is in.
    ("He will leave at 4 in the morning.", "4 in the morning", Kind.CLOCK, {"hour": 4}),
    ("Talks ended at 2:30 in the afternoon.", "2:30 in the afternoon", Kind.CLOCK, {"hour": 14}),
    # A clock time restated in brackets: both take the day named after or inside them.
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", Kind.CLOCK, {"weekday": 4}),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", "0735 GMT", Kind.CLOCK, {"weekday": 4}),
    (
        "It lands at 9 in the evening (1800 GMT) on Jan. 5.",
        "9 in the evening",
        Kind.CLOCK,
        {"day": 5},
    ),
    # A second day of the same month, joined to a month and day.
    ("Talks are set for April 24 and 25.", "25", Kind.CALENDAR, {"month": 4, "day": 25}),
    ("The vote fell on Jan. 5 or 6.", "6", Kind.CALENDAR, {"month": 1, "day": 6}),
]

# Phrases that must yield no temporal expression at all.
NOTHING = [
    "Talks may resume.",  # modal "may"
    "Parties prepared for election day in the provinces.",  # any vote, any date
    "He scored 4 in the morning session.",  # a count, not an hour
    "For the rebels, it is high noon.",  # a showdown, not a time of day
    "Protesters march on the capital.",  # "march" as a verb
    "We will see.",  # "we" is not Wednesday
    "More than 60% of the water.",  # a percentage is not a year
    "A second round of talks.",  # "a second" is not a duration here
    "One of them was killed.",  # "one" is not a count of time
    "TUESDAY FEATURE",  # headline capitals
    "It cost $2016 in all.",  # money
    "Some 2,016 people fled.",  # a count with a thousands separator
    "The A320 and the W460 were grounded.",  # numbers glued to letters
    "He is the first to arrive.",  # an ordinal that is no date
    "The second of them spoke.",
    # Words TimeML annotators leave untagged: they place something in time without
    # naming a time.
    "the former minister",
    "once again",
    "a once high-flying toy maker",
    "a previously announced agreement",
    "He will eventually leave.",
    "shortly after the bombings",
    "as soon as trading opened",
    "future earnings",
    "Earlier, they had said so.",
    "a 6-year-old boy",  # an age
    "Mr. Reupke, 52 years old",
    "the quarterly dividend",  # an adjective of business reports
    "at the annual meeting",
    "Iraq imports about three-quarters of its food.",  # a fraction
    "more than a quarter of the market",
    "its 7.38 billion dollars in sales",  # a decimal, not 7.38 a.m.
    "only twenty six of them women",  # a count, not 2006
    "on ABC's This Week",  # a programme
    "he told CBS's 60 Minutes",  # a programme: a capitalised unit after a count
    # A day counted from a happening the sentence names, not from a date it gives.
    "Shelling stopped the day before the vote.",
    "He was freed the day after his arrest.",
    "Prices fell in the year before the war.",
    "a war that shaped today's generation",  # the present era, not a day
    # Numbers in the year range that count heads or label things.
    "The unit lost 1200 of its 1900 men.",  # a part of a whole; a plural without -s
    "Some 2000 people fled.",
    "a 1500-strong militia",  # a force's size
    "Survivors of Flight 1987 spoke.",  # a label's number
    "under Resolution 2043",
    "at 1900 Harbour Street",  # a house number
    # Times inside names.
    "The Sunday Mirror said so.",
    "the Summer Palace",
    "the December Accord",
    "The Daily Telegraph said so.",  # a newspaper, not a recurrence
    # "Soon" in a past narrative is shortly after a past happening, not a FUTURE_REF.
    "The guard was soon released.",
    "The deserters were soon caught.",
    "A trickle of cash soon became a flood.",
    "Prices soon doubled.",
    # A "Now" set off by a comma at a sentence's head turns to a new point; no time.
    "They will meet on another day.",  # a different day, no length
    "Now, as for the prisoners, no list has been published.",
    "The talks stalled. Now, the question is who pays.",
]


@pytest.mark.parametrize(("sentence", "span", "kind", "fields"), FOUND, ids=[f[1] for f in FOUND])
def test_expression_is_found_with_its_meaning(
    sentence: str, span: str, kind: Kind, fields: dict[str, object]
) -> None:
    found = {m.text: m for m in detect(sentence)}
    assert span in found, f"{span!r} not among {list(found)}"
    mention = found[span]
    assert mention.spec.kind is kind
    for field, value in fields.items():
        assert getattr(mention.spec, field) == value, field


@pytest.mark.parametrize("sentence", NOTHING)
def test_near_misses_yield_nothing(sentence: str) -> None:
    assert detect(sentence) == ()


# A number after "<month> <day> and" that is no second day: only the first date is found.
NOT_A_SECOND_DAY = [
    ("Output rose on May 3 and 4 percent more on May 9.", ["May 3", "May 9"]),
    ("On March 3 and 4 more people came.", ["March 3"]),
    ("Deals of April 2 and 31,000 shares.", ["April 2"]),
]


@pytest.mark.parametrize(("sentence", "spans"), NOT_A_SECOND_DAY)
def test_a_count_after_a_date_is_no_second_day(sentence: str, spans: list[str]) -> None:
    assert [m.text for m in detect(sentence)] == spans


def test_spans_index_the_text() -> None:
    text = "On Tuesday, two days after talks began on December 14, nothing moved."
    for mention in detect(text):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("48", 48),
        ("twenty four", 24),
        ("twenty-four", 24),
        ("a", 1),
        ("two and a half", 2.5),
        ("several", None),
        ("a few", None),
    ],
)
def test_counts_in_words_and_digits(words: str, value: float | None) -> None:
    assert number(words) == value
