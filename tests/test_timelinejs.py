"""TimelineJS3 data (``build --format timelinejs``): the fields TimelineJS requires, the
date parts each precision has, the words for what the parts cannot say, and escaped
HTML."""

from __future__ import annotations

import json
from typing import Any

import pytest
from handmade import article, event, source, timeline, when

from syriatl.export.timelinejs import chunks, display_date, end_date, start_date
from syriatl.model import Basis, Status, When

KYIV_MIDNIGHT = when("2017-01-25T00:00", "time", time="22:00", at="2017-01-24T22:00:00Z",
                     zone="Europe/Kyiv")  # fmt: skip


@pytest.mark.parametrize(
    ("date", "start", "end"),
    [
        (when("2017-01-24"), {"year": "2017", "month": "1", "day": "24"}, None),
        (when("2017-02"), {"year": "2017", "month": "2"}, None),
        (when("2011"), {"year": "2011"}, None),
        # A known instant in UTC: midnight opening Wed 25 Jan in Kyiv (UTC+2) is 22:00 UTC
        # on Tue 24 Jan.
        (KYIV_MIDNIGHT, {"year": "2017", "month": "1", "day": "24", "hour": "22", "minute": "0"},
         None),
        # A local clock of no known zone: the local day and clock.
        (when("2017-01-24T18:30", "time", time="18:30", zone="local"),
         {"year": "2017", "month": "1", "day": "24", "hour": "18", "minute": "30"}, None),
        # ISO week 4 of 2017: Mon 23 to Sun 29 Jan.
        (when("2017-W04"), {"year": "2017", "month": "1", "day": "23"},
         {"year": "2017", "month": "1", "day": "29"}),
        # Week 52 of 2016 (Mon 26 Dec) ends in the next year, on Sun 1 Jan 2017.
        (when("2016-W52"), {"year": "2016", "month": "12", "day": "26"},
         {"year": "2017", "month": "1", "day": "1"}),
        (when("2017-Q2"), {"year": "2017", "month": "4"}, {"year": "2017", "month": "6"}),
        (when("2017-H2"), {"year": "2017", "month": "7"}, {"year": "2017", "month": "12"}),
        # Winter 2016: December 2016 to February 2017.
        (when("2016-WI"), {"year": "2016", "month": "12"}, {"year": "2017", "month": "2"}),
    ],
)  # fmt: skip
def test_dates_have_only_the_parts_their_precision_has(
    date: When, start: dict[str, str], end: dict[str, str] | None
) -> None:
    assert (start_date(date), end_date(date)) == (start, end)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, None),  # TimelineJS writes a plain day, month or year itself
        ({"when": when("2017-02")}, None),
        ({"when": when("2017-01", modifier="late")}, "late Jan 2017"),
        ({"when": when("2017-W04")}, "week 23 Jan 2017"),
        ({"when": when("2016-W50-WE")}, "17-18 Dec 2016"),  # week 50 of 2016: Mon 12 Dec
        ({"when": when("2017-Q2")}, "Q2 2017"),
        ({"when": when("2016-SU")}, "Summer 2016"),
        ({"basis": Basis.REPORTED}, "reported Tue 24 Jan 2017"),
        # 25 Jan 2017 is a Wednesday (1 Jan a Sunday, + 24 days).
        ({"when": KYIV_MIDNIGHT}, "Wed 25 Jan 2017 00:00 Europe/Kyiv (22:00 UTC)"),
        ({"when": when("2017-01-24T18:30", "time", time="18:30", zone="local")},
         "Tue 24 Jan 2017 18:30 local time"),
    ],
)  # fmt: skip
def test_display_date_says_what_the_parts_cannot(
    fields: dict[str, Any], expected: str | None
) -> None:
    assert display_date(event(**fields)) == expected


PARTS = ("year", "month", "day", "hour", "minute")


def document(*events: Any) -> dict[str, Any]:
    data = json.loads("".join(chunks(timeline(*events, articles=(article("a"), article("b"))))))
    assert isinstance(data, dict)
    return data


def test_every_slide_has_the_fields_timelinejs_requires() -> None:
    data = document(
        event(id="ev-1"),
        event(id="ev-2", when=when("2017-W04"), kind="aid"),
        event(id="ev-3", when=KYIV_MIDNIGHT, kind="attack"),
    )
    assert list(data) == ["title", "events"]
    assert data["title"]["text"] == {"headline": "Chronology",
                                     "text": "<p>3 events from 2 articles; 0 problems</p>"}  # fmt: skip
    assert [e["unique_id"] for e in data["events"]] == ["ev-1", "ev-2", "ev-3"]
    assert [e["group"] for e in data["events"]] == ["talks", "aid", "attack"]
    for slide in data["events"]:
        # start_date and its year are required; every part is a whole number as a string.
        assert "year" in slide["start_date"]
        for date in (slide["start_date"], slide.get("end_date", {})):
            assert set(date) <= set(PARTS)
            assert all(isinstance(v, str) and v.lstrip("-").isdigit() for v in date.values())
        assert set(slide["text"]) == {"headline", "text"}
        assert all(isinstance(v, str) and v for v in slide["text"].values())


HOSTILE = '<script>alert("x")</script> & <b>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;"


@pytest.mark.parametrize(
    "fields",
    [
        {"text": HOSTILE},
        {"sources": (source(quote=HOSTILE),)},
        {"sources": (source(outlet=HOSTILE),)},
        {"sources": (source(article=HOSTILE),)},
        {"conflicts": (source(quote=HOSTILE, when=when("2017-01-23")),)},
    ],
)
def test_headline_and_text_are_escaped_html(fields: dict[str, Any]) -> None:
    (slide,) = document(event(**fields))["events"]
    shown = slide["text"]["headline"] + slide["text"]["text"]
    assert ESCAPED in shown
    assert "<script" not in shown
    assert "<b>" not in shown


def test_the_text_names_the_outlets_and_quotes_each_source() -> None:
    told = source(article="gulf", outlet="Gulf Daily", origin="AFP", line=14,
                  quote="Talks ended on Tuesday.")  # fmt: skip
    other = source(article="b", outlet="Ostrel News", line=7, quote="On Monday.",
                   when=when("2017-01-23"))  # fmt: skip
    data = document(event(status=Status.PLANNED, sources=(told,), conflicts=(other,)))
    (slide,) = data["events"]
    assert slide["text"] == {
        "headline": "[planned] Talks ended.",
        "text": "<p>From: AFP via Gulf Daily</p>"
        "<p><em>other dates: 23 Jan (Ostrel News)</em></p>"
        "<p><strong>Gulf Daily (AFP), gulf, line 14</strong></p>"
        "<blockquote>Talks ended on Tuesday.</blockquote>"
        # Mon 23 Jan 2017: the day before the event's Tuesday.
        "<p><strong>puts it on Mon 23 Jan 2017: Ostrel News, b, line 7</strong></p>"
        "<blockquote>On Monday.</blockquote>",
    }


def test_an_empty_build_has_no_slides_but_its_title() -> None:
    data = json.loads("".join(chunks(timeline())))
    assert data["events"] == []
    assert data["title"]["text"]["text"] == "<p>0 events from 1 article; 0 problems</p>"
