"""Dates typed on the command line: what each covers, and what is refused and why.

None of these depends on today's date: a date that would (relative, or without a year)
is refused, whatever day the tests run on."""

from __future__ import annotations

import datetime as dt

import pytest

from syriatl.dates import DateRefused, read_day, read_period

D = dt.date

COVERED = [
    # (typed, first day, last day)
    ("2017", D(2017, 1, 1), D(2017, 12, 31)),
    (" 2017 ", D(2017, 1, 1), D(2017, 12, 31)),
    ("2017-02", D(2017, 2, 1), D(2017, 2, 28)),
    ("2016-02", D(2016, 2, 1), D(2016, 2, 29)),  # 2016 is a leap year
    ("2017-01-24", D(2017, 1, 24), D(2017, 1, 24)),
    ("24 January 2017", D(2017, 1, 24), D(2017, 1, 24)),
    ("Jan 24, 2017", D(2017, 1, 24), D(2017, 1, 24)),
    ("Jan. 24, 2017", D(2017, 1, 24), D(2017, 1, 24)),
    ("January 24th, 2017", D(2017, 1, 24), D(2017, 1, 24)),
    ("2017 January 24", D(2017, 1, 24), D(2017, 1, 24)),
    # 2017-01-24 is a Tuesday: 2017-01-01 is a Sunday, + 23 days = 3 weeks + 2.
    ("Tue, 24 Jan 2017", D(2017, 1, 24), D(2017, 1, 24)),
    ("Jan 24, 2017 10:00", D(2017, 1, 24), D(2017, 1, 24)),
    ("January 2017", D(2017, 1, 1), D(2017, 1, 31)),
    ("April 2019", D(2019, 4, 1), D(2019, 4, 30)),
]


@pytest.mark.parametrize(("typed", "first", "last"), COVERED)
def test_a_typed_date_covers_its_days(typed: str, first: dt.date, last: dt.date) -> None:
    assert read_period(typed) == (first, last)


NO_YEAR = "has no year: give e.g. 2017-01-24"
RELATIVE = "is relative to today: give e.g. 2017-01-24"
NOT_A_DATE = "is not a date: give e.g. 2017-01-24, 2017-01 or 2017"

REFUSED = [
    # (typed, why)
    ("24 Jan", NO_YEAR),
    ("January 24", NO_YEAR),
    ("March", NO_YEAR),
    ("24 Jan 17", NO_YEAR),  # a two-digit year is not written out: dateparser would guess
    ("yesterday", RELATIVE),
    ("today", RELATIVE),
    ("tomorrow", RELATIVE),
    ("now", RELATIVE),
    ("last Tuesday", RELATIVE),
    ("3 days ago", RELATIVE),
    ("next month", RELATIVE),
    ("last year", RELATIVE),
    ("this week", RELATIVE),
    ("tomorrow 2017", RELATIVE),
    ("whenever", NOT_A_DATE),
    ("", NOT_A_DATE),
    ("we", NOT_A_DATE),  # dateparser reads "we" as a Wednesday
    ("1130 GMT", NOT_A_DATE),  # and this as the year 1130
    ("60%", NOT_A_DATE),
    ("Feb 30, 2017", NOT_A_DATE),
    ("2017-13-45", "is not a date: give e.g. 2017-01-24"),
    ("2017-02-29", "is not a date: give e.g. 2017-01-24"),  # 2017 is not a leap year
    ("in 2017", NOT_A_DATE),
    ("Tuesday 2017", NOT_A_DATE),
    ("Jan 24, 2018 2017", NOT_A_DATE),
    # Day and month in numbers: 3 April to one reader, 4 March to another.
    ("3/4/2019", "names no month in words: give e.g. 2017-01-24"),
    ("12.05.2019", "names no month in words: give e.g. 2017-01-24"),
    ("1 2019", "names no month in words: give e.g. 2017-01-24"),
    # 2019-04-03 is a Wednesday: 2019-01-01 is a Tuesday, + 92 days = 13 weeks + 1 day.
    ("Mon 3 April 2019", "names a Monday, but 2019-04-03 is a Wednesday: give e.g. 2017-01-24"),
]


@pytest.mark.parametrize(("typed", "why"), REFUSED)
def test_a_relative_or_yearless_date_is_refused_and_says_why(typed: str, why: str) -> None:
    with pytest.raises(DateRefused) as refused:
        read_period(typed)
    assert str(refused.value) == f"{typed!r} {why}"


@pytest.mark.parametrize(
    ("typed", "day"),
    [("2017-01-24", D(2017, 1, 24)), ("24 January 2017", D(2017, 1, 24)),
     ("April 3rd, 2019", D(2019, 4, 3)),
     # The weekday fits: 2019-04-03 is a Wednesday (see above).
     ("Wed 3 April 2019", D(2019, 4, 3))],
)  # fmt: skip
def test_a_full_date_is_one_day(typed: str, day: dt.date) -> None:
    assert read_day(typed) == day


@pytest.mark.parametrize(
    ("typed", "why"),
    [("2017", "is not a full date: give e.g. 2017-01-24"),
     ("2017-01", "is not a full date: give e.g. 2017-01-24"),
     ("January 2017", "is not a full date: give e.g. 2017-01-24"),
     ("yesterday", RELATIVE), ("24 Jan", NO_YEAR)],
)  # fmt: skip
def test_a_day_option_takes_a_full_date_only(typed: str, why: str) -> None:
    with pytest.raises(DateRefused) as refused:
        read_day(typed)
    assert str(refused.value) == f"{typed!r} {why}"
