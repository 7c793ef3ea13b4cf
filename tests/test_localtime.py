"""Local time: an event's local day, its instant in UTC and its zone (``localtime``,
``chronicle.events.when_of``), where the zone comes from, and how bad zones are refused.
Every expected value is worked by hand; the offsets are in the comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from syriatl import localtime
from syriatl.cli import app
from syriatl.model import Article, Metadata, Precision, When
from syriatl.pipeline import Options, build_timeline, tag_articles

Corpus = Callable[[dict[str, str | bytes]], Path]
D = dt.date

# (day, hour, minute, zone) -> (date, time, at)
LOCAL_CLOCKS = [
    # Sat 25 Mar 2017 in Kyiv, the day before summer time: EET = UTC+2; 18:00 - 2 = 16:00Z
    (D(2017, 3, 25), 18, 0, "Europe/Kyiv", (D(2017, 3, 25), "16:00", "2017-03-25T16:00:00Z")),
    # Sun 26 Mar 2017 after 03:00 local: EEST = UTC+3; 18:00 - 3 = 15:00Z
    (D(2017, 3, 26), 18, 0, "Europe/Kyiv", (D(2017, 3, 26), "15:00", "2017-03-26T15:00:00Z")),
    # midnight ending Sat 25 Mar (24:00) = Sun 26 Mar 00:00, still EET (the change is at
    # 03:00): 00:00 - 2 = Sat 25 Mar 22:00Z; the local day is Sunday
    (D(2017, 3, 25), 24, 0, "Europe/Kyiv", (D(2017, 3, 26), "22:00", "2017-03-25T22:00:00Z")),
    # Sat 9 Mar 2019 in New York: EST = UTC-5; 12:00 + 5 = 17:00Z
    (D(2019, 3, 9), 12, 0, "America/New_York", (D(2019, 3, 9), "17:00", "2019-03-09T17:00:00Z")),
    # Sun 10 Mar 2019 after 02:00 local: EDT = UTC-4; 12:00 + 4 = 16:00Z
    (D(2019, 3, 10), 12, 0, "America/New_York", (D(2019, 3, 10), "16:00", "2019-03-10T16:00:00Z")),
    # 02:30 on Sun 10 Mar 2019 does not exist in New York (02:00 EST -> 03:00 EDT): read
    # with the offset before the change, EST: 02:30 + 5 = 07:30Z
    (D(2019, 3, 10), 2, 30, "America/New_York", (D(2019, 3, 10), "07:30", "2019-03-10T07:30:00Z")),
    # 01:30 on Sun 3 Nov 2019 happens twice (02:00 EDT -> 01:00 EST): the first, EDT:
    # 01:30 + 4 = 05:30Z
    (D(2019, 11, 3), 1, 30, "America/New_York", (D(2019, 11, 3), "05:30", "2019-11-03T05:30:00Z")),
    # Sun 29 Oct 2017 in Kyiv after 04:00 EEST became 03:00 EET: 10:00 - 2 = 08:00Z
    (D(2017, 10, 29), 10, 0, "Europe/Kyiv", (D(2017, 10, 29), "08:00", "2017-10-29T08:00:00Z")),
]


@pytest.mark.parametrize(("day", "hour", "minute", "zone", "expected"), LOCAL_CLOCKS)
def test_a_local_clock_in_a_known_zone_has_its_instant(
    day: dt.date, hour: int, minute: int, zone: str, expected: tuple[dt.date, str, str]
) -> None:
    timed = localtime.local_clock(day, hour, minute, zone)
    assert (timed.date, timed.time, timed.at, timed.zone) == (*expected, zone)


def test_a_local_clock_without_a_zone_keeps_its_clock_and_has_no_instant() -> None:
    # midnight ending Thu 5 Jan 2017 opens Fri 6 Jan: local 00:00, no instant
    timed = localtime.local_clock(D(2017, 1, 5), 24, 0, None)
    assert (timed.date, timed.time, timed.at, timed.zone) == (D(2017, 1, 6), "00:00", None, "local")


OFFSET_CLOCKS = [
    # 1530 GMT on Fri 6 Jan 2017, place unknown: the UTC day, zone UTC
    (D(2017, 1, 6), 15, 30, 0, None, (D(2017, 1, 6), "15:30", "2017-01-06T15:30:00Z", "UTC")),
    # 2200 GMT on Sat 14 Feb 2015 in Kyiv (EET, UTC+2): 00:00 local on Sun 15 Feb
    (D(2015, 2, 14), 22, 0, 0, "Europe/Kyiv",
     (D(2015, 2, 15), "22:00", "2015-02-14T22:00:00Z", "Europe/Kyiv")),
    # 3 p.m. EST (UTC-5) on Tue 24 Feb 2015, place unknown: 15:00 + 5 = 20:00Z, the day as
    # printed
    (D(2015, 2, 24), 15, 0, -5, None, (D(2015, 2, 24), "20:00", "2015-02-24T20:00:00Z", "UTC")),
    # 11 p.m. EST on Tue 24 Feb 2015 = Wed 25 Feb 04:00Z; printed day kept without a zone
    (D(2015, 2, 24), 23, 0, -5, None, (D(2015, 2, 24), "04:00", "2015-02-25T04:00:00Z", "UTC")),
]  # fmt: skip


@pytest.mark.parametrize(("day", "hour", "minute", "offset", "zone", "expected"), OFFSET_CLOCKS)
def test_a_clock_printed_with_its_zone_has_its_instant(
    day: dt.date, hour: int, minute: int, offset: float, zone: str | None,
    expected: tuple[dt.date, str, str, str],
) -> None:  # fmt: skip
    timed = localtime.offset_clock(day, hour, minute, offset, zone)
    assert (timed.date, timed.time, timed.at, timed.zone) == expected


EQUIVALENTS = [
    # midnight (24:00) ending Mon 2 Jan 2017 with (2100 GMT): local day Tue 3 Jan; 21:00Z
    # on Mon 2 Jan is 3 h before local midnight, on Tue 3 Jan 21 h after: Monday
    (D(2017, 1, 2), 24, 0, 21, 0, None, (D(2017, 1, 3), "21:00", "2017-01-02T21:00:00Z", "UTC")),
    # 7 am in Moscow (0400 GMT) on Thu 14 Jun 2018: 3 h apart on the same day
    (D(2018, 6, 14), 7, 0, 4, 0, "Europe/Moscow",
     (D(2018, 6, 14), "04:00", "2018-06-14T04:00:00Z", "Europe/Moscow")),
    # 9 p.m. in New York (0200 GMT) on Mon 12 Jan 2015: 02:00Z on Tue 13 Jan is 5 h later
    (D(2015, 1, 12), 21, 0, 2, 0, None, (D(2015, 1, 12), "02:00", "2015-01-13T02:00:00Z", "UTC")),
]  # fmt: skip


@pytest.mark.parametrize(("day", "hour", "minute", "uh", "um", "zone", "expected"), EQUIVALENTS)
def test_a_local_clock_and_its_bracketed_gmt_equivalent_are_one_instant(
    day: dt.date, hour: int, minute: int, uh: int, um: int, zone: str | None,
    expected: tuple[dt.date, str, str, str],
) -> None:  # fmt: skip
    timed = localtime.equivalent(day, hour, minute, uh, um, zone)
    assert (timed.date, timed.time, timed.at, timed.zone) == expected


# "localtime", "Factory", "posixrules": files of a system zone database that name no
# place (the first is the machine's own zone), so the output would depend on the host.
@pytest.mark.parametrize(
    "name",
    ["Europe/Kiev2", "Nowhere/City", "../etc/passwd", "", " UTC", "localtime", "Factory",
     "posixrules"],
)  # fmt: skip
def test_an_unknown_zone_is_named_in_one_line(name: str) -> None:
    problem = localtime.zone_problem(name)
    assert problem is not None and repr(name) in problem and "\n" not in problem


@pytest.mark.parametrize("name", ["Europe/Kyiv", "America/New_York", "UTC", "Asia/Damascus"])
def test_a_known_zone_is_accepted(name: str) -> None:
    assert localtime.zone_problem(name) is None


def _timed(time: str, at: str | None, zone: str) -> When:
    day = D(int(at[:4]), int(at[5:7]), int(at[8:10])) if at else D(2017, 1, 2)
    return When(day.isoformat(), Precision.TIME, day, day, time, None, at, zone)


def test_the_table_says_which_clock_it_shows() -> None:
    assert localtime.clock_words(_timed("18:00", None, "local")) == "18:00 local time"
    assert localtime.clock_words(_timed("21:00", "2017-01-02T21:00:00Z", "UTC")) == "21:00 UTC"
    # 22:00Z on Sat 14 Feb 2015 in Kyiv (UTC+2) = 00:00 local
    shown = localtime.clock_words(_timed("22:00", "2015-02-14T22:00:00Z", "Europe/Kyiv"))
    assert shown == "00:00 Europe/Kyiv (22:00 UTC)"
    # "11:30 p.m. EST on 24 January 2017" (UTC-5): 04:30 UTC on Wed 25 Jan 2017 (1 Jan
    # 2017 a Sunday, + 24 days = Wed 25 Jan), while its day stays the 24th as printed.
    printed = When("2017-01-24", Precision.TIME, D(2017, 1, 24), D(2017, 1, 24), "04:30",
                   None, "2017-01-25T04:30:00Z", "UTC")  # fmt: skip
    assert localtime.clock_words(printed) == "04:30 UTC on Wed 25 Jan"


# ---- through the pipeline ----------------------------------------------------------------

MIDNIGHT = "---\npublished: 2017-01-05\n{extra}---\nThe truce will start at midnight.\n"


def _zones(
    folder: Path, timezone: str | None = None
) -> dict[str, tuple[str, str | None, str | None]]:
    built = build_timeline([str(folder)], Options(timezone=timezone)).timeline
    out = {}
    for event in built.events:
        for source in event.sources:
            w = source.when  # the articles tell one happening: one event, a date each
            out[source.article] = (w.value, w.at, w.zone)
    return out


def test_front_matter_beats_the_files_entry_beats_the_folders_star_beats_the_option(
    corpus: Corpus,
) -> None:
    # Thu 5 Jan 2017: "start at midnight" = the midnight ending Thursday, 00:00 on Fri 6 Jan.
    # In January: Kyiv EET UTC+2 -> 22:00Z Thu; Tokyo UTC+9 -> 15:00Z Thu; New York EST
    # UTC-5 -> 05:00Z Fri; London GMT UTC+0 -> 00:00Z Fri.
    folder = corpus({
        "front.txt": MIDNIGHT.format(extra="timezone: Asia/Tokyo\n"),
        "entry.txt": MIDNIGHT.format(extra=""),
        "star.txt": MIDNIGHT.format(extra=""),
        "sources.yaml": "'*':\n  timezone: America/New_York\n"
        "front.txt:\n  timezone: Europe/Kyiv\nentry.txt:\n  timezone: Europe/Kyiv\n",
    })  # fmt: skip
    other = folder.parent / "other"
    other.mkdir()
    (other / "bare.txt").write_text(MIDNIGHT.format(extra=""), encoding="utf-8")
    built = _zones(folder, "Europe/London") | _zones(other, "Europe/London")
    assert built == {
        "front": ("2017-01-06", "2017-01-05T15:00:00Z", "Asia/Tokyo"),
        "entry": ("2017-01-06", "2017-01-05T22:00:00Z", "Europe/Kyiv"),
        "star": ("2017-01-06", "2017-01-06T05:00:00Z", "America/New_York"),
        "bare": ("2017-01-06", "2017-01-06T00:00:00Z", "Europe/London"),
    }


def test_without_a_zone_a_local_clock_is_local_and_has_no_instant(corpus: Corpus) -> None:
    folder = corpus({"a.txt": MIDNIGHT.format(extra="")})
    assert _zones(folder) == {"a": ("2017-01-06", None, "local")}


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        # Mon 2 Jan 2017: the agreeing is on Monday; the midnight ending Monday, another
        # happening, opens Tue 3 Jan
        ("The parties agreed on Monday that the truce would start at midnight.",
         {"2017-01-02", "2017-01-03"}),
        ("Talks ended on Monday and the truce will start at midnight.",
         {"2017-01-02", "2017-01-03"}),
        # the day and the clock beside it name one moment: the midnight ending Monday
        ("The ceasefire takes effect at midnight on Monday.", {"2017-01-03"}),
    ],
)  # fmt: skip
def test_a_day_takes_a_clocks_day_only_beside_it(
    sentence: str, days: set[str], corpus: Corpus
) -> None:
    folder = corpus({"a.txt": f"---\npublished: 2017-01-02\n---\nT\n\n{sentence}\n"})
    built = build_timeline([str(folder)]).timeline
    assert {s.when.value for e in built.events for s in e.sources} == days


def test_a_dateline_gives_no_zone(corpus: Corpus) -> None:
    # the dateline is where the reporter is: the clock stays local
    text = "---\npublished: 2017-01-05\n---\nKYIV, Jan 5 (Velmora Wire) - The truce will start at midnight.\n"
    folder = corpus({"a.txt": text})
    assert _zones(folder) == {"a": ("2017-01-06", None, "local")}


def test_a_bad_zone_in_front_matter_is_a_problem_naming_the_file(corpus: Corpus) -> None:
    folder = corpus({"a.txt": MIDNIGHT.format(extra="timezone: Europe/Kiev2\n")})
    problems = build_timeline([str(folder)]).timeline.problems
    assert [p.problem for p in problems] == [
        "front matter: timezone 'Europe/Kiev2' is not a known IANA time zone "
        "(Area/City, e.g. Europe/Kyiv)"
    ]
    assert problems[0].path.endswith("a.txt")


def test_a_bad_timezone_option_is_a_one_line_usage_error(corpus: Corpus) -> None:
    folder = corpus({"a.txt": MIDNIGHT.format(extra="")})
    result = CliRunner().invoke(app, ["build", str(folder), "--timezone", "Nowhere/City"])
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first == (
        "syriatl: --timezone: 'Nowhere/City' is not a known IANA time zone "
        "(Area/City, e.g. Europe/Kyiv)"
    )
    assert "Traceback" not in result.stderr


def test_build_yaml_shows_the_local_day_the_instant_and_the_zone(corpus: Corpus) -> None:
    # Mon 2 Jan 2017; midnight (2100 GMT) on Monday: the midnight ending Monday opens Tue
    # 3 Jan, local; Istanbul is UTC+3, so 00:00 local = Mon 21:00Z, as printed. "Monday"
    # is that clock's day and dates no event of its own.
    text = "---\npublished: 2017-01-02\n---\nThe ceasefire takes effect at midnight (2100 GMT) on Monday.\n"
    folder = corpus({"a.txt": text})
    result = CliRunner().invoke(
        app, ["build", str(folder), "-f", "yaml", "--timezone", "Europe/Istanbul"]
    )
    assert result.exit_code == 0, result.stderr
    events = yaml.safe_load(result.stdout)["events"]
    assert [(e["date"], e["time"], e["at"], e["zone"], e["precision"]) for e in events] == [
        ("2017-01-03", "21:00", "2017-01-02T21:00:00Z", "Europe/Istanbul", "time")
    ]


def test_a_day_after_a_local_midnight_is_that_midnight_s_day(corpus: Corpus) -> None:
    # Sun 8 Jan 2017; the Saturday before = Sun - 1 = Sat 7 Jan; "midnight local time on
    # Saturday" ends it, so it opens Sun 8 Jan, local, with no known zone. "Saturday"
    # is that clock's day and dates no event of its own (not Sat 7 Jan).
    text = "---\npublished: 2017-01-08\n---\nThe truce took effect at midnight local time on Saturday.\n"
    events = yaml.safe_load(
        CliRunner().invoke(app, ["build", str(corpus({"a.txt": text})), "-f", "yaml"]).stdout
    )["events"]
    assert [(e["date"], e["time"], e["zone"]) for e in events] == [("2017-01-08", "00:00", "local")]


# ---- the shared case file ----------------------------------------------------------------

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "unseen" / "local-time.yaml").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_local_time_cases(case: dict[str, object], corpus: Corpus) -> None:
    published = case["published"]
    assert isinstance(published, dt.date)
    tagged = tag_articles([Article("case", "case", str(case["text"]), Metadata())], published)
    values = {r.mention.text: r.value for r in tagged[0].resolutions}
    assert values.get(str(case["expression"])) == str(case["value"])
    extra = f"timezone: {case['timezone']}\n" if "timezone" in case else ""
    folder = corpus({"case.txt": f"---\npublished: {published}\n{extra}---\n{case['text']}\n"})
    timed = [
        e.when for e in build_timeline([str(folder)]).timeline.events if e.when.time is not None
    ]
    at = case.get("at")  # YAML reads it as a datetime
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(at, dt.datetime) else None
    assert [(w.value, w.at, w.zone) for w in timed] == [(str(case["date"]), stamp, case["zone"])]


# ---- midnight, resolved (TIMEX3 values, as ``syriatl tag`` prints them) ------------------

MIDNIGHTS = [
    # Thu 5 Jan 2017; a coming midnight alone ends the reference day
    ("The truce will start at midnight.", D(2017, 1, 5), "midnight", "2017-01-05T24:00"),
    # Sat 7 Jan 2017; told in the past: the midnight that opened Saturday ends Fri 6 Jan
    ("The guns fell silent at midnight.", D(2017, 1, 7), "midnight", "2017-01-06T24:00"),
    # Mon 9 Jan 2017; the Sunday before = Mon - 1 = Sun 8 Jan; "midnight Sunday" names the
    # day it opens
    ("Firing ceased shortly after midnight Sunday.", D(2017, 1, 9), "midnight Sunday",
     "2017-01-08T00:00"),
    # Mon 9 Jan 2017; "midnight Jan. 6" opens Fri 6 Jan
    ("The ban took effect at midnight Jan. 6.", D(2017, 1, 9), "midnight", "2017-01-06T00:00"),
    # Mon 2 Jan 2017 = publication day; a midnight "on Monday" ends Monday
    ("The ceasefire takes effect at midnight (2100 GMT) on Monday.", D(2017, 1, 2), "midnight",
     "2017-01-02T24:00"),
    # Sun 8 Jan 2017; a past midnight in an infinitive still looks ahead: the one ending
    # Sunday, not the one that opened it
    ("Officials said both sides were working for the truce to start at midnight.",
     D(2017, 1, 8), "midnight", "2017-01-08T24:00"),
    # Sun 8 Jan 2017; "to" before a noun phrase is a preposition: the past midnight
    ("Troops returned to the city at midnight.", D(2017, 1, 8), "midnight", "2017-01-07T24:00"),
    # Sun 8 Jan 2017; a clock said "on" a day takes it: the Saturday before = Sun - 1 =
    # Sat 7 Jan, not the publication day
    ("The shelling stopped at 2300 GMT on Saturday night.", D(2017, 1, 8), "2300 GMT",
     "2017-01-07T23:00"),
    # Sat 7 Jan 2017; a clock before a month and day names its own day: Fri 6 Jan
    ("The vote was held at 1530 GMT, Jan. 6.", D(2017, 1, 7), "1530 GMT", "2017-01-06T15:30"),
    # Sun 8 Jan 2017; Saturday before = Sat 7 Jan; "midnight local time on Friday" ends it
    ("The curfew lifted at midnight local time on Saturday.", D(2017, 1, 8), "midnight",
     "2017-01-07T24:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expression", "value"), MIDNIGHTS)
def test_midnight_is_the_one_the_words_name(
    text: str, published: dt.date, expression: str, value: str
) -> None:
    tagged = tag_articles([Article("t", "t", text, Metadata())], published)
    assert {r.mention.text: r.value for r in tagged[0].resolutions}[expression] == value


def test_a_pinned_clock_is_a_utc_clock_with_its_instant() -> None:
    from syriatl.chronicle.corrections import when_of as pinned

    # pin date 2019-03-05 time 21:00 (UTC): the instant 2019-03-05T21:00:00Z, zone UTC
    when = pinned("2019-03-05", "21:00")
    assert (when.value, when.time, when.at, when.zone) == (
        "2019-03-05", "21:00", "2019-03-05T21:00:00Z", "UTC"
    )  # fmt: skip
    assert (pinned("2019-03-05", None).at, pinned("2019-03-05", None).zone) == (None, None)
