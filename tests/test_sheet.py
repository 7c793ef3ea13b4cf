"""The spreadsheet (``build --format csv``): one RFC 4180 row per event and source,
dissenting sources included, read back with the standard library's ``csv``."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from handmade import article, event, source, timeline, when
from typer.testing import CliRunner

from syriatl.cli import app
from syriatl.export.sheet import COLUMNS, chunks
from syriatl.model import Basis, Status

Corpus = Callable[[dict[str, str | bytes]], Path]


def read(text: str) -> list[dict[str, str]]:
    """The rows of a CSV document as the standard library reads them."""
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_header_names_the_columns_in_order() -> None:
    text = "".join(chunks(timeline()))
    assert text == (
        "event,date,precision,time,zone,at,modifier,kind,status,basis,text,outlet,origin,"
        "article,quote,expression,rule,line,url,role\r\n"
    )
    assert read(text) == []


# A wire story on Gulf Daily dates the talks' end Tue 24 Jan 2017; Ostrel News puts it on
# Monday 23 Jan (the day before), and is a dissenting source.
TOLD = source(outlet="Gulf Daily", origin="AFP", article="gulf", line=14,
              quote='Talks ended on Tuesday, "finally", aides said.')  # fmt: skip
DISSENT = source(article="ostrel", outlet="Ostrel News", line=7, expression="Monday",
                 quote="Talks ended on Monday.", when=when("2017-01-23"),
                 rule="weekday/weekday:past")  # fmt: skip
# 21:00 UTC on Tue 24 Jan 2017 is 23:00 in Kyiv (UTC+2 in winter): the same local day.
TIMED = when("2017-01-24T21:00", "time", time="21:00", at="2017-01-24T21:00:00Z",
             zone="Europe/Kyiv")  # fmt: skip
ARTICLES = (
    article("gulf", url="https://gulf.example/talks"),
    article("ostrel"),
    article("kyiv", url="https://kyiv.example/strike"),
)


def test_each_source_and_each_dissenting_source_is_a_row() -> None:
    talks = event(id="ev-talks", sources=(TOLD,), conflicts=(DISSENT,))
    strike = event(id="ev-strike", when=TIMED, text="Jets struck the depot.", kind="attack",
                   status=Status.CLAIMED,
                   sources=(source(article="kyiv", line=5, when=TIMED, expression="at 11 pm",
                                   rule="clock/clock:local", quote="Jets struck at 11 pm."),))  # fmt: skip
    rows = read("".join(chunks(timeline(talks, strike, articles=ARTICLES))))
    assert [list(r.values()) for r in rows] == [
        ["ev-talks", "2017-01-24", "day", "", "", "", "", "talks", "happened", "text",
         "Talks ended.", "Gulf Daily", "AFP", "gulf", 'Talks ended on Tuesday, "finally", aides said.',
         "Tuesday", "weekday/weekday:past", "14", "https://gulf.example/talks", "source"],
        # The dissent row gives the date its source gives, not the event's.
        ["ev-talks", "2017-01-23", "day", "", "", "", "", "talks", "happened", "text",
         "Talks ended.", "Ostrel News", "", "ostrel", "Talks ended on Monday.", "Monday",
         "weekday/weekday:past", "7", "", "dissent"],
        ["ev-strike", "2017-01-24T21:00", "time", "21:00", "Europe/Kyiv", "2017-01-24T21:00:00Z",
         "", "attack", "claimed", "text", "Jets struck the depot.", "", "", "kyiv",
         "Jets struck at 11 pm.", "at 11 pm", "clock/clock:local", "5",
         "https://kyiv.example/strike", "source"],
    ]  # fmt: skip
    assert list(rows[0]) == list(COLUMNS)


def test_fields_are_quoted_only_when_they_must_be_and_lines_end_in_crlf() -> None:
    text = "".join(chunks(timeline(event(sources=(TOLD,)), articles=ARTICLES)))
    lines = text.split("\r\n")
    assert lines[-1] == ""  # the last line ends in CRLF too
    assert "\n" not in "".join(lines)
    # A field with a comma or a double quote is quoted, its quotes doubled (RFC 4180, 2.6-7).
    assert ',"Talks ended on Tuesday, ""finally"", aides said.",' in lines[1]
    assert lines[1].startswith("ev-1,2017-01-24,day,,,,,talks,happened,text,Talks ended.,")


def test_a_reported_dissent_carries_its_own_basis_and_a_modifier_its_own_column() -> None:
    reported = source(article="b", expression=None, rule="reported/published", line=1,
                      when=when("2017-02-03"), basis=Basis.REPORTED)  # fmt: skip
    late = event(when=when("2017-01", modifier="late"), conflicts=(reported,))
    rows = read("".join(chunks(timeline(late))))
    assert [(r["date"], r["precision"], r["modifier"], r["basis"], r["expression"], r["role"])
            for r in rows] == [
        ("2017-01", "month", "late", "text", "Tuesday", "source"),
        ("2017-02-03", "day", "", "reported", "", "dissent"),
    ]  # fmt: skip


def test_with_explain_each_row_ends_with_its_chain() -> None:
    from syriatl.explain import publications

    built = timeline(event(sources=(TOLD,)), articles=ARTICLES)
    rows = read("".join(chunks(built, publications(built))))
    assert list(rows[0])[-2:] == ["role", "explanation"]
    assert rows[0]["explanation"] == (
        '"Tuesday" -> weekday/weekday:past -> anchor: none (the words give the date in full)'
        " -> 2017-01-24"
    )


STORY = (
    "---\noutlet: Karvana Post\nurl: https://karvana.example/ceasefire-holds\n---\n"
    "Ceasefire Holds in Ostrel\n\nJune 5, 2018\n\n"
    "Fighters shelled the Ostrel bridge on Sunday, residents said.\n\n"
    "Envoys will meet in Velmora on June 20 to discuss prisoner swaps & aid.\n\n"
    "The siege of Ostrel began in March 2016.\n"
)


def test_build_writes_rows_that_a_csv_reader_reads_back(corpus: Corpus) -> None:
    folder = corpus({"story.txt": STORY})
    result = CliRunner().invoke(app, ["build", str(folder), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = read(result.stdout)
    # Tue 5 Jun 2018 (1 Jan 2018 a Monday, + 155 days): "Sunday" is 3 Jun. The front
    # matter takes lines 1-4, so the title is line 5 and the three sentences lines 9,
    # 11 and 13.
    assert [(r["date"], r["line"], r["status"], r["outlet"], r["url"], r["role"]) for r in rows] == [
        ("2016-03", "13", "happened", "Karvana Post", "https://karvana.example/ceasefire-holds", "source"),
        ("2018-06-03", "9", "happened", "Karvana Post", "https://karvana.example/ceasefire-holds", "source"),
        ("2018-06-20", "11", "planned", "Karvana Post", "https://karvana.example/ceasefire-holds", "source"),
    ]  # fmt: skip
    assert {r["article"] for r in rows} == {"story"}
    assert rows[1]["kind"] == "attack"
