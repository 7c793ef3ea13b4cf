"""Records of the model as plain JSON: a value comes back equal, and data that does not
fit its type is refused, never built into a wrong object."""

from __future__ import annotations

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
