"""Records of the model as plain JSON: a value comes back equal, and data that does not
fit its type is refused, never built into a wrong object."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from syriatl import plain
from syriatl.model import Confidence, Precision, Published, Source, When

WHEN = When("2017-03-07", Precision.DAY, dt.date(2017, 3, 7), dt.date(2017, 3, 7))
# (plain data that is not a value of the type, read as that type)
UNFIT = [
    (When, b"not json"),
    (When, b'["2017-03-07","day"]'),  # too few fields
    (When, b'["2017-03-07","fortnight",736395,736395,null,null,null,null]'),  # no such precision
    (When, b'["2017-03-07","day",-5,736395,null,null,null,null]'),  # no such day
    (When, b'["2017-03-07","day","736395",736395,null,null,null,null]'),  # a day is a number
    (When, b'[7,"day",736395,736395,null,null,null,null]'),  # the value is text
    (Published, b'[736395,"metadata","published",null,true]'),  # true is not Confidence 1
    (tuple[Source, ...], b'{"article": "a"}'),
    (When, b"[" * 100_000 + b"]" * 100_000),
]


@pytest.mark.parametrize(("kind", "data"), UNFIT)
def test_data_that_does_not_fit_its_type_is_refused(kind: object, data: bytes) -> None:
    with pytest.raises(plain.Unfit):
        plain.loads(kind, data, "a")


def test_a_value_comes_back_as_it_was() -> None:
    given = Published(
        dt.date(2017, 3, 9), "dateline+lead-weekday", "GENEVA, Mar 9", None, Confidence.INFERRED
    )
    assert plain.loads(Published, plain.dumps(Published, given), "a") == given
    assert plain.loads(When, plain.dumps(When, WHEN), "a") == WHEN


# 0001-01-01 is day number 1; JSON's true and 1.0 equal Python's 1 but are no day number.
FIRST_DAY = When("0001-01-01", Precision.DAY, dt.date(1, 1, 1), dt.date(1, 1, 1))
# (plain data equal in Python to FIRST_DAY's, read with a memo that already holds it)
ALIKE = [
    b'["0001-01-01","day",true,1,null,null,null,null]',
    b'["0001-01-01","day",1,1.0,null,null,null,null]',
    b'["0001-01-01","day",1,1,null,null,null,[]]',  # a list is no zone, and unhashable
]


@pytest.mark.parametrize("data", ALIKE)
def test_a_memo_gives_no_value_to_data_that_only_equals_its_fields(data: bytes) -> None:
    ones: plain.Ones = {}
    assert plain.loads(When, plain.dumps(When, FIRST_DAY), "a", ones) == FIRST_DAY
    with pytest.raises(plain.Unfit):
        plain.loads(When, data, "a", ones)


def test_values_read_with_one_memo_share_what_they_repeat() -> None:
    source = Source("a", "The truce held on Tuesday.", "Tuesday", "weekday", 3, WHEN)
    data = plain.dumps(Source, source)
    ones: plain.Ones = {}
    first, second = (plain.loads(Source, data, "b", ones) for _ in "12")
    assert first == second == Source("b", *[getattr(source, f) for f in SOURCE_FIELDS[1:]])
    assert first.when is second.when and first.quote is second.quote
    alone = plain.loads(Source, data, "b")
    assert alone == first and alone.when is not first.when


SOURCE_FIELDS = [f.name for f in dataclasses.fields(Source)]
