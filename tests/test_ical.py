"""The calendar (``build --format ics``, RFC 5545): all-day events over the days a date
spans, timed ones at their instant, deterministic stamps, escaped and folded lines."""

from __future__ import annotations

import datetime as dt

import pytest
from handmade import article, event, source, timeline, when

from syriatl.export.ical import chunks, date_properties, escape, fold, stamp, summary
from syriatl.model import Basis, Status


def unfold(text: str) -> list[str]:
    """The content lines of a calendar: folds undone (RFC 5545, 3.1), split at CRLF."""
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def properties(text: str) -> list[dict[str, str]]:
    """Each VEVENT's properties, name (with its parameters) -> value."""
    events: list[dict[str, str]] = []
    for line in unfold(text):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT":
            events[-1][name] = value
    return events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ended.", "Talks ended."),
        ("Aleppo, Homs; Idlib", "Aleppo\\, Homs\\; Idlib"),
        ("a\\b", "a\\\\b"),
        ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
        ("bell\x07tab\tend", "bell tab\tend"),  # a control character is a space; a tab stays
        ("“Ceasefire” — Kyiv", "“Ceasefire” — Kyiv"),
    ],
)
def test_text_is_escaped(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("SUMMARY:short", ["SUMMARY:short"]),
        # 75 octets fit on one line; the 76th starts a continuation line (" " + 1).
        ("X" * 75, ["X" * 75]),
        ("X" * 76, ["X" * 75, " X"]),
        # 8 + 2 x 40 = 88 octets: 8 + 2 x 33 = 74 octets fit (a 34th "é" would make 76),
        # and a character is never split; the other 7 follow.
        ("SUMMARY:" + "é" * 40, ["SUMMARY:" + "é" * 33, " " + "é" * 7]),
        # 75 + 74 + 1: the continuation's space counts among its 75.
        ("Y" * 150, ["Y" * 75, " " + "Y" * 74, " Y"]),
    ],
)
def test_long_lines_are_folded_at_75_octets(line: str, expected: list[str]) -> None:
    folded = fold(line)
    assert folded == "\r\n".join(expected) + "\r\n"
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert unfold(folded) == [line]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (when("2017-01-24"), ["DTSTART;VALUE=DATE:20170124", "DTEND;VALUE=DATE:20170125"]),
        # ISO week 4 of 2017: Mon 23 Jan to Sun 29 Jan (week 1 starts Mon 2 Jan); the end
        # is exclusive, Mon 30 Jan.
        (when("2017-W04"), ["DTSTART;VALUE=DATE:20170123", "DTEND;VALUE=DATE:20170130"]),
        # Week 50 of 2016 starts Mon 12 Dec; its weekend is Sat 17 and Sun 18 Dec.
        (when("2016-W50-WE"), ["DTSTART;VALUE=DATE:20161217", "DTEND;VALUE=DATE:20161219"]),
        # February of a leap year: 29 days, to 1 March.
        (when("2016-02"), ["DTSTART;VALUE=DATE:20160201", "DTEND;VALUE=DATE:20160301"]),
        (when("2017-Q2"), ["DTSTART;VALUE=DATE:20170401", "DTEND;VALUE=DATE:20170701"]),
        # Winter 2016: December 2016 to February 2017.
        (when("2016-WI"), ["DTSTART;VALUE=DATE:20161201", "DTEND;VALUE=DATE:20170301"]),
        (when("2011"), ["DTSTART;VALUE=DATE:20110101", "DTEND;VALUE=DATE:20120101"]),
        # A known instant is a timed event in UTC: 23:00 in Kyiv is 21:00 UTC.
        (when("2017-01-24T23:00", "time", time="21:00", at="2017-01-24T21:00:00Z",
              zone="Europe/Kyiv"), ["DTSTART:20170124T210000Z"]),
        # A local clock of no known zone names no instant: the local day, all day.
        (when("2017-01-24T18:00", "time", time="18:00", zone="local"),
         ["DTSTART;VALUE=DATE:20170124", "DTEND;VALUE=DATE:20170125"]),
    ],
)  # fmt: skip
def test_dates_span_their_days_or_sit_at_their_instant(date: object, expected: list[str]) -> None:
    assert date_properties(event(when=date)) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "Talks ended."),
        ({"status": Status.PLANNED}, "[planned] Talks ended."),
        ({"status": Status.CLAIMED, "when": when("2017-W04")},
         "[claimed] [week 23 Jan 2017] Talks ended."),
        ({"when": when("2017-01", modifier="late")}, "[late Jan 2017] Talks ended."),
        ({"when": when("2016-SU")}, "[Summer 2016] Talks ended."),
        ({"basis": Basis.REPORTED}, "[reported] Talks ended."),
        ({"when": when("2017-01-24T18:00", "time", time="18:00", zone="local")},
         "[18:00 local time] Talks ended."),
        # A known instant shows in the calendar's own zone: no mark.
        ({"when": when("2017-01-24T21:00", "time", time="21:00", at="2017-01-24T21:00:00Z",
                       zone="UTC")}, "Talks ended."),
    ],
)  # fmt: skip
def test_the_summary_marks_what_the_calendar_cannot_show(
    fields: dict[str, object], expected: str
) -> None:
    assert summary(event(**fields)) == expected


def test_the_stamp_is_the_newest_publication_date_never_the_clock() -> None:
    articles = (
        article("a", dt.date(2017, 1, 24)),
        article("b", dt.date(2017, 1, 26)),
        article("c", None),
    )
    assert stamp(timeline(event(), articles=articles)) == "20170126T000000Z"


GULF = source(article="gulf", outlet="Gulf Daily", origin="AFP", line=14,
              quote="Talks ended on Tuesday, aides said; the truce holds.")  # fmt: skip
OSTREL = source(article="ostrel", outlet="Ostrel News", line=7, quote="Talks ended on Monday.",
                when=when("2017-01-23"), expression="Monday")  # fmt: skip


def test_a_calendar_reads_back_field_by_field() -> None:
    talks = event(id="ev-talks", sources=(GULF,), conflicts=(OSTREL,))
    week = event(id="ev-week", when=when("2017-W05"), text="Aid convoys, finally, arrived.",
                 kind="aid", status=Status.PLANNED)  # fmt: skip
    articles = (
        article("gulf", dt.date(2017, 1, 25), url="https://gulf.example/talks"),
        article("ostrel", dt.date(2017, 1, 24)),
    )
    text = "".join(chunks(timeline(talks, week, articles=articles)))
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    lines = unfold(text)
    assert lines[:4] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//syriatl//chronology//EN",
                         "CALSCALE:GREGORIAN"]  # fmt: skip
    assert lines[-1] == "END:VCALENDAR"
    first, second = properties(text)
    # AFP's copy on Gulf Daily is one origin, "AFP via Gulf Daily", as in the table.
    assert first == {
        "UID": "ev-talks@syriatl",
        "DTSTAMP": "20170125T000000Z",
        "DTSTART;VALUE=DATE": "20170124",
        "DTEND;VALUE=DATE": "20170125",
        "SUMMARY": "Talks ended.",
        "DESCRIPTION": "Talks ended.\\nFrom: AFP via Gulf Daily\\nother dates: 23 Jan (Ostrel News)\\n\\n"
        "Gulf Daily (AFP)\\, gulf\\, line 14: Talks ended on Tuesday\\, aides said\\; the truce "
        "holds.\\nputs it on Mon 23 Jan 2017: Ostrel News\\, ostrel\\, line 7: Talks ended on "
        "Monday.\\nevent ev-talks",
        "CATEGORIES": "talks",
        "STATUS": "CONFIRMED",
        "TRANSP": "TRANSPARENT",
        "URL": "https://gulf.example/talks",
    }
    # ISO week 5 of 2017: Mon 30 Jan to Sun 5 Feb.
    assert (second["DTSTART;VALUE=DATE"], second["DTEND;VALUE=DATE"]) == ("20170130", "20170206")
    assert second["SUMMARY"] == "[planned] [week 30 Jan 2017] Aid convoys\\, finally\\, arrived."
    assert second["STATUS"] == "TENTATIVE"
    assert "URL" not in second  # article a has no URL
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_an_empty_build_is_an_empty_calendar() -> None:
    text = "".join(chunks(timeline()))
    assert unfold(text) == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//syriatl//chronology//EN",
                            "CALSCALE:GREGORIAN", "END:VCALENDAR"]  # fmt: skip
