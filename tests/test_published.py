"""When was an article written: each kind of evidence, on small hand-written pages."""

from __future__ import annotations

import datetime as dt

import pytest

from syriatl import published
from syriatl.model import Article, Metadata
from syriatl.patterns import stamps
from syriatl.pipeline import analyse, date_articles


def _date(text: str, meta: Metadata | None = None) -> published.Evidence:
    return analyse(Article("a", "a.txt", text, meta or Metadata())).evidence


def test_a_date_line_under_the_title() -> None:
    found = _date("Ministers Meet in Paris\n\nMarch 3, 2019\n\nMinisters met on Sunday.\n")
    assert found.published.date == dt.date(2019, 3, 3)
    assert found.published.rule == "date-line"
    assert found.published.evidence == "March 3, 2019"


def test_a_date_line_with_weekday_and_clock() -> None:
    text = "Ministers Meet in Paris\n\nThursday, December 29, 2016 - 11:35 am\n\nThey met.\n"
    assert _date(text).published.date == dt.date(2016, 12, 29)


def test_a_dateline_with_its_year() -> None:
    text = "Truce Holds\n\nPARIS, March 3, 2019 – The truce held on Sunday, officials said.\n"
    found = _date(text).published
    assert (found.date, found.rule) == (dt.date(2019, 3, 3), "dateline")


def test_a_date_path_in_a_url() -> None:
    text = (
        "Truce Holds\n\nThe truce held, officials said.\n\n"
        "Share: https://news.example.org/2019/03/04/truce-holds/\n"
    )
    found = _date(text).published
    assert (found.date, found.rule) == (dt.date(2019, 3, 4), "url-path")


def test_urls_that_disagree_date_nothing() -> None:
    text = (
        "Truce Holds\n\nThe truce held, officials said.\n\n"
        "https://news.example.org/2019/03/04/a/\nhttps://news.example.org/2018/01/02/b/\n"
    )
    assert _date(text).published.date is None


def test_image_names_read_day_first_when_one_of_them_shows_it() -> None:
    # 25-03-19 can only be day-month-year, so 02-03-19 is 2 March, and the latest is 25 March.
    text = "Truce Holds\n\nThe truce held, officials said.\n\nmarket-02-03-19\n\nconvoy-25-03-19\n"
    found = _date(text).published
    assert (found.date, found.rule) == (dt.date(2019, 3, 25), "image-name")


def test_image_names_that_could_be_either_order_date_nothing() -> None:
    text = "Truce Holds\n\nThe truce held, officials said.\n\nmarket-02-03-19\n"
    found = _date(text).published
    assert found.date is None
    assert "day or the month first" in (found.reason or "")


def test_comment_stamps_and_the_lead_weekday_fix_the_date() -> None:
    # The first comment is Thu 7 Mar 2019 (1 Jan 2019 was a Tuesday; 7 Mar is day 66,
    # 65 = 9 weeks + 2 days after a Tuesday). The lead says Tuesday: the latest Tuesday
    # on or before the first comment is 7 - 2 = 5 March.
    text = (
        "Truce Holds\n\nOfficials said on Tuesday the truce held.\n\nComments 2\n\n"
        "jdoe 8 March 2019, 10:47\n\nGood news.\n\nasmith 7 March 2019, 09:00\n\nAt last.\n"
    )
    found = _date(text).published
    assert (found.date, found.rule) == (dt.date(2019, 3, 5), "comments-bound+lead-weekday")


def test_comment_stamps_alone_do_not_date_an_article() -> None:
    text = (
        "Truce Holds\n\nOfficials said the truce held.\n\nComments 1\n\n"
        "jdoe 8 March 2019, 10:47\n\nGood news.\n"
    )
    found = _date(text).published
    assert found.date is None
    assert "comments bound it from above" in (found.reason or "")


def test_crawl_relative_chrome_is_ignored() -> None:
    text = "Truce Holds\n\nOfficials said the truce held.\n\nPosted 6 months ago\n"
    assert _date(text).published.date is None


def test_metadata_wins_and_contradiction_is_warned() -> None:
    text = "Truce Holds\n\nMarch 3, 2019\n\nThe truce held.\n"
    found = _date(text, Metadata(published=dt.date(2019, 3, 9)))
    assert found.published.date == dt.date(2019, 3, 9)
    assert found.published.rule == "metadata"
    assert found.warnings and "2019-03-03" in found.warnings[0]


YEARLESS = "Truce Holds\n\nMOSCOW, Feb 24 – Officials said on Wednesday the truce held.\n"
DATED = "Talks End\n\nJanuary 24, 2017\n\nThe talks ended on Tuesday.\n"


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        # Feb 24 is a Wednesday in 2016 (1 Jan 2016 was a Friday; day 55, 54 = 7 weeks + 5
        # days) and in 2010 and 2021, but not in 2015, 2017 or 2018: with the corpus in
        # 2017 the window 2016-2018 holds exactly one fitting year.
        ([DATED], dt.date(2016, 2, 24)),
        ([], None),
    ],
)
def test_a_yearless_dateline_takes_the_one_fitting_year_near_the_corpus(
    others: list[str], expected: dt.date | None
) -> None:
    analyses = [analyse(Article(str(i), f"{i}.txt", t)) for i, t in enumerate([YEARLESS, *others])]
    found = date_articles(analyses)[0]
    assert found.date == expected
    if expected is None:
        assert "gives no year" in (found.reason or "")


def test_a_yearless_dateline_with_two_fitting_years_stays_undated() -> None:
    # Window 2015-2022 from articles of 2016 and 2021: Feb 24 is a Wednesday in both.
    texts = [YEARLESS, DATED.replace("2017", "2016"), DATED.replace("2017", "2021")]
    analyses = [analyse(Article(str(i), f"{i}.txt", t)) for i, t in enumerate(texts)]
    found = date_articles(analyses)[0]
    assert found.date is None
    assert "2016, 2021" in (found.reason or "")


# ---- stamp forms, ranks and crawl-time dates ------------------------------------------
# Weekdays, worked from 1 January: 2015-01-01 was a Thursday, 2019-01-01 a Tuesday,
# 2020-01-01 a Wednesday.
# 2015-02-17: day 48, 47 = 6 weeks + 5 after a Thursday: a Tuesday.
# 2015-02-20: day 51, 50 = 7 weeks + 1: a Friday.  2015-02-24: day 55, 54 = 7 weeks + 5:
# a Tuesday.  2019-04-03: day 93, 92 = 13 weeks + 1 after a Tuesday: a Wednesday;
# 2019-04-04 a Thursday, 2019-04-06 a Saturday.  2019-03-04: day 63, 62 = 8 weeks + 6:
# a Monday.  2020-10-01: day 275 of a leap year, 274 = 39 weeks + 1 after a Wednesday:
# a Thursday (the ticker's weekday is right: tickers print the crawl day).
TITLE = "Floods Close the Harbour at Veldmark\n\n"
STORY = "The harbour at Veldmark closed on Wednesday after floods, officials said.\n"


def _page(*lines: str, story: str = STORY) -> str:
    top = "".join(line + "\n\n" for line in lines)
    return TITLE + top + story


@pytest.mark.parametrize(
    ("text", "date", "rule"),
    [
        # the forms pages print
        (_page("[03/04/2019 07:12]", story="A fund opened on 25/03/2019.\n"),
         dt.date(2019, 4, 3), "date-line"),  # 25/03 shows the page puts the day first
        (_page("[03/04/2019 07:12]", story="A fund opened on 03/25/2019.\n"),
         dt.date(2019, 3, 4), "date-line"),  # 03/25 shows the month first
        (_page("[03/04/2019 07:12]") + "\nharbour-flood-25-03-19.jpg\n",
         dt.date(2019, 4, 3), "date-line"),  # an image name decides as well
        (_page("VELDMARK (Corvan News Agency / Wire - 4th April, 2019)"),
         dt.date(2019, 4, 4), "dateline"),
        (TITLE + "VELDMARK (Corvan Wire - 4th April, 2019) - The harbour reopened on Thursday.\n",
         dt.date(2019, 4, 4), "dateline"),
        (_page("Newswire, April 4, 2019 Adjust font size:"), dt.date(2019, 4, 4), "date-line"),
        # wire datelines with a slash agency, or no comma after the place
        (TITLE + "VELDMARK, April 4, 2019. /CORVAN/. The harbour reopened on Thursday.\n",
         dt.date(2019, 4, 4), "dateline"),
        (TITLE + "VELDMARK April 4, 2019 (Corvan) - The harbour reopened on Thursday.\n",
         dt.date(2019, 4, 4), "dateline"),
        (_page("April 3rd, 2019"), dt.date(2019, 4, 3), "date-line"),
        (_page("3rd April, 2019"), dt.date(2019, 4, 3), "date-line"),
        (_page("the 4th of April 2019"), dt.date(2019, 4, 4), "date-line"),
        (_page("POST TIME: 4 April, 2019 00:00 00 AM"), dt.date(2019, 4, 4), "published-stamp"),
        (_page("Published on 04/04/2019"), dt.date(2019, 4, 4), "published-stamp"),
        (_page("Date :Saturday, April 6th, 2019 | Time : 19:57"),
         dt.date(2019, 4, 6), "published-stamp"),
        (_page("Posted: Feb 17, 2015 3:36 PM"), dt.date(2015, 2, 17), "published-stamp"),
        (_page("by Corvan News February 24, 2015"), dt.date(2015, 2, 24), "published-stamp"),
        (_page("20:32 20.2.2015"), dt.date(2015, 2, 20), "date-line"),
        # a live blog's entry stamps, newest first: the earliest dates it
        (TITLE + "22:04 21.2.2015\n\nThe convoy left.\n\n20:32 20.2.2015\n\nTalks began.\n",
         dt.date(2015, 2, 20), "entry-stamp"),
        # ranks: a labelled stamp beats a ticker, an update stamp and a dateline
        (_page("• Thursday, Oct 01, 2020", "Published at 05:51 pm April 3rd, 2019"),
         dt.date(2019, 4, 3), "published-stamp"),
        (_page("Updated : 2021-09-17 06:28", "Published at 05:51 pm April 3rd, 2019"),
         dt.date(2019, 4, 3), "published-stamp"),
        (TITLE + "Posted: April 4, 2019\n\nVELDMARK, April 3, 2019 – " + STORY,
         dt.date(2019, 4, 4), "published-stamp"),
        # a dated dateline beats a plain date line
        (TITLE + "• Thursday, Oct 01, 2020\n\nVELDMARK, April 3, 2019 – " + STORY,
         dt.date(2019, 4, 3), "dateline"),
        # a stamp printed after the story still dates it
        (TITLE + STORY + "\nPublished at 05:51 pm April 3rd, 2019\n",
         dt.date(2019, 4, 3), "published-stamp"),
    ],
)  # fmt: skip
def test_stamp_forms_and_ranks(text: str, date: dt.date, rule: str) -> None:
    found = _date(text).published
    assert (found.date, found.rule) == (date, rule)


RETRO = "Veldmark recalled the harbour strike that began on 15 March 2011, organisers said.\n"
URL_2011 = "\nhttps://news.example.org/2011/03/15/harbour-strike/\n"
URL_2019 = "\nhttps://news.example.org/2019/04/03/harbour-floods/\n"
LATE_STORY = "The harbour closed on April 2, 2019, officials said.\n"


@pytest.mark.parametrize(
    ("text", "date", "rule", "passed_over"),
    [
        # A retrospective: its story ends 2011-03-15, eight years before its stamp. A
        # labelled stamp or a dated dateline is never passed over for a weaker date.
        (_page("Published: 4 April 2019", story=RETRO) + "\nharbour-strike-15-03-2011.jpg\n",
         dt.date(2019, 4, 4), "published-stamp", None),
        (_page("Published: 4 April 2019", story=RETRO) + URL_2011,
         dt.date(2019, 4, 4), "published-stamp", None),
        (TITLE + "VELDMARK, April 4, 2019 – " + RETRO + URL_2011,
         dt.date(2019, 4, 4), "dateline", None),
        # A ticker (2020-10-01) more than a year after the story's 2 April 2019 gives way
        # to another date line that is not ...
        (_page("• Thursday, Oct 01, 2020", "April 3, 2019", story=LATE_STORY),
         dt.date(2019, 4, 3), "date-line", "Oct 01, 2020"),
        # ... or to weaker evidence the page offers, such as a URL's date path ...
        (_page("• Thursday, Oct 01, 2020", story=LATE_STORY) + URL_2019,
         dt.date(2019, 4, 3), "url-path", "Oct 01, 2020"),
        # ... and stays when the page offers nothing else.
        (_page("• Thursday, Oct 01, 2020", story=LATE_STORY),
         dt.date(2020, 10, 1), "date-line", None),
    ],
)  # fmt: skip
def test_only_a_ticker_far_later_than_the_story_is_passed_over(
    text: str, date: dt.date, rule: str, passed_over: str | None
) -> None:
    found = _date(text).published
    assert (found.date, found.rule) == (date, rule)
    note = "more than a year later"
    if passed_over is None:
        assert note not in (found.evidence or "")
    else:
        assert passed_over in (found.evidence or "")
        assert note in (found.evidence or "")


@pytest.mark.parametrize(
    ("stamp", "story", "date", "reason"),
    [
        # alone, an update stamp near the story's dates dates the page, and says so
        ("Updated : 2019-09-17 06:28", "The harbour closed on September 16, 2019.\n",
         dt.date(2019, 9, 17), "an update stamp; nothing else on the page dates it"),
        # far later than every date of the story, it is a crawl stamp: undated
        ("Updated : 2021-09-17 06:28", "The harbour closed on April 2, 2019.\n",
         None, "more than a year later than every date of the story"),
    ],
)  # fmt: skip
def test_an_update_stamp_is_the_last_resort(
    stamp: str, story: str, date: dt.date | None, reason: str
) -> None:
    found = _date(_page(stamp, story=story)).published
    assert found.date == date
    assert found.rule == ("updated-stamp" if date else None)
    assert reason in ((found.evidence if date else found.reason) or "")


@pytest.mark.parametrize(
    ("stamp", "readings"),
    [
        ("[03/04/2019 07:12]", "2019-03-04 or 2019-04-03"),
        ("20:32 5.2.2015", "2015-02-05 or 2015-05-02"),
    ],
)
def test_a_numeric_stamp_the_page_does_not_order_stays_undated(stamp: str, readings: str) -> None:
    found = _date(_page(stamp, story="The harbour closed after floods.\n")).published
    assert found.date is None
    assert readings in (found.reason or "")
    assert "day or the month first" in (found.reason or "")


# ---- an unordered numeric stamp, ordered by the lead's weekday -------------------------
# 2019-01-01 is a Tuesday.
# 12/02/2019 day first is 2019-02-12: +42 days = 6 weeks, a Tuesday. Month first it is
# 2019-12-02: day 336 (334 days to the end of November), +335 days = 47 weeks + 6, a
# Monday. 03/04/2019 day first is 2019-04-03, a Wednesday; month first 2019-03-04, a
# Monday (worked out above). 01/07/2019 is 2019-07-01 day first, +181 days = 25 weeks
# + 6, a Monday, and 2019-01-07 month first, +6 days, a Monday too.
NOTICE = "Visitors: the harbour office closed on Monday for repairs.\n\n"


@pytest.mark.parametrize(
    ("text", "date", "rule", "evidence"),
    [
        (_page("Published on 12/02/2019", story="The harbour closed on Tuesday after floods.\n"),
         dt.date(2019, 2, 12), "published-stamp+lead-weekday",
         "Published on 12/02/2019; lead says 'Tuesday'; "
         "12/02/2019 read day first: 2019-02-12 is a Tuesday"),
        (_page("Published on 12/02/2019", story="The harbour closed on Monday after floods.\n"),
         dt.date(2019, 12, 2), "published-stamp+lead-weekday",
         "Published on 12/02/2019; lead says 'Monday'; "
         "12/02/2019 read month first: 2019-12-02 is a Monday"),
        # a lone date-and-clock line at the top is a date line, ordered the same way
        (_page("[03/04/2019 07:12]"), dt.date(2019, 4, 3), "date-line+lead-weekday",
         "[03/04/2019 07:12]; lead says 'Wednesday'; "
         "03/04/2019 read day first: 2019-04-03 is a Wednesday"),
        # a numeric dateline: its lead is its own sentence
        (TITLE + "VELDMARK, 03/04/2019 – " + STORY,
         dt.date(2019, 4, 3), "numeric-dateline+lead-weekday",
         "VELDMARK, 03/04/2019; lead says 'Wednesday'; "
         "03/04/2019 read day first: 2019-04-03 is a Wednesday"),
        # the lead is the story under the stamp, not a site notice above it ('Monday')
        (TITLE + NOTICE + "Published on 12/02/2019\n\nThe harbour closed on Tuesday.\n",
         dt.date(2019, 2, 12), "published-stamp+lead-weekday",
         "Published on 12/02/2019; lead says 'Tuesday'; "
         "12/02/2019 read day first: 2019-02-12 is a Tuesday"),
    ],
)  # fmt: skip
def test_the_leads_weekday_orders_a_numeric_stamp(
    text: str, date: dt.date, rule: str, evidence: str
) -> None:
    found = _date(text).published
    assert (found.date, found.rule, found.evidence) == (date, rule, evidence)


@pytest.mark.parametrize(
    ("stamp", "story", "reason"),
    [
        # 2019-02-12 is a Tuesday and 2019-12-02 a Monday: Friday fits neither
        ("Published on 12/02/2019", "The harbour closed on Friday after floods.\n",
         "the lead's 'Friday' fits neither reading of '12/02/2019' "
         "(2019-02-12 is a Tuesday, 2019-12-02 a Monday)"),
        ("Published on 12/02/2019", "The harbour closed after floods.\n",
         "the lead names no weekday to choose between the readings of '12/02/2019'"),
        # 2019-07-01 and 2019-01-07 are both Mondays
        ("Published on 01/07/2019", "The harbour closed on Monday after floods.\n",
         "the lead's 'Monday' fits both readings of '01/07/2019'"),
        # a weekday the lead looks forward to is not the day it reports
        ("Published on 12/02/2019", "The harbour will reopen on Tuesday, officials said.\n",
         "the lead names no weekday"),
    ],
)  # fmt: skip
def test_a_numeric_stamp_the_lead_cannot_order_stays_undated(
    stamp: str, story: str, reason: str
) -> None:
    found = _date(_page(stamp, story=story)).published
    assert (found.date, found.rule) == (None, None)
    assert "could be" in (found.reason or "")
    assert reason in (found.reason or "")


LABEL_EXAMPLES = [(kind, example) for _, kind, example in stamps.LABELS]


@pytest.mark.parametrize(("kind", "example"), LABEL_EXAMPLES)
def test_every_stamp_label_example_is_read_as_its_kind(kind: str, example: str) -> None:
    found = _date(_page(example)).published
    assert found.rule == f"{kind}-stamp"
    assert found.evidence and found.evidence.startswith(" ".join(example.split()))


@pytest.mark.parametrize(("phrase", "example"), stamps.FURNITURE)
def test_furniture_after_a_date_leaves_a_date_line(phrase: str, example: str) -> None:
    # 4 April 2019, the date of every furniture example, is a Thursday.
    assert phrase.split()[0] in example.lower()
    found = _date(_page(example)).published
    assert (found.date, found.rule) == (dt.date(2019, 4, 4), "date-line")


def test_a_ticker_later_than_the_story_gives_way_to_a_yearless_dateline() -> None:
    # The story's latest date is March 2019 (to 2019-03-31); the ticker 2020-10-01 is
    # more than a year later. The dateline's April 3 is a Wednesday only in 2019 of the
    # window 2018-2020 (2018-04-03: 2018-01-01 a Monday, +92 days = 13 weeks + 1, a
    # Tuesday; 2020-04-03: +93 days in a leap year from a Wednesday, a Friday).
    text = (
        "• Thursday, Oct 01, 2020\n\nVELDMARK, April 3 – The harbour closed on Wednesday "
        "after floods that began in March 2019, officials said.\n"
    )
    other = "Talks End\n\nMarch 3, 2019\n\nThe talks ended on Sunday.\n"
    analyses = [analyse(Article(str(i), f"{i}.txt", t)) for i, t in enumerate([text, other])]
    found = date_articles(analyses)[0]
    assert (found.date, found.rule) == (dt.date(2019, 4, 3), "dateline+lead-weekday")
    assert "Oct 01, 2020" in (found.evidence or "")


def test_one_date_and_clock_line_inside_the_story_dates_nothing() -> None:
    # Not a date line (it is not at the top) and not a live blog (one stamp only).
    text = TITLE + STORY + "\nThe convoy left at dawn, officials said.\n\n20:32 20.2.2015\n"
    assert _date(text).published.date is None


# ---- a year-less dateline and the page's update stamp ----------------------------------
# 2021-01-01 is a Friday. 2021-05-12 is day 132 (31 + 28 + 31 + 30 + 12): +131 days =
# 18 weeks + 5 after a Friday, a Wednesday. 2020-01-01 is a Wednesday; 2020-12-30 is day
# 365 of a leap year: +364 days = 52 weeks, a Wednesday.
UPDATED = "Updated 14:30 GMT, 12 May 2021"
MAY_12 = "VARNHOLT, May 12 – "


@pytest.mark.parametrize(
    ("stamp", "story", "date"),
    [
        # the stamp's own day
        (UPDATED, MAY_12 + "The port reopened after the strike, officials said.\n",
         dt.date(2021, 5, 12)),
        # the lead's Wednesday fits 2021-05-12
        (UPDATED, MAY_12 + "The port reopened on Wednesday, officials said.\n",
         dt.date(2021, 5, 12)),
        # 30 December 2021 is after the stamp: the last 30 December before it is 2020's
        ("Updated: 3 January 2021", "VARNHOLT, Dec 30 – The port reopened, officials said.\n",
         dt.date(2020, 12, 30)),
        # the lead's Thursday does not fit 2021-05-12: the corpus must give the year
        (UPDATED, MAY_12 + "The port reopened on Thursday, officials said.\n", None),
        # a stamp more than a year after the story's 2 April 2019 is a rework stamp
        (UPDATED, MAY_12 + "The port, closed on April 2, 2019, reopened, officials said.\n",
         None),
    ],
)  # fmt: skip
def test_a_yearless_dateline_takes_the_year_of_the_update_stamp(
    stamp: str, story: str, date: dt.date | None
) -> None:
    found = _date(TITLE + stamp + "\n\n" + story)
    assert found.published.date == date
    if date is None:
        assert found.yearless is not None  # left to the corpus, as without a stamp
        assert "gives no year" in (found.published.reason or "")
    else:
        assert found.published.rule == "dateline+update-stamp"
        assert stamp in (found.published.evidence or "")


@pytest.mark.parametrize(
    ("line", "evidence"),
    [
        ("Newswire, April 4, 2019 Adjust font size:", "Newswire, April 4, 2019"),
        ("April 4, 2019 | Print | Email", "April 4, 2019"),
        ("April 4, 2019 Share this article", "April 4, 2019"),
    ],
)
def test_a_date_line_quotes_its_date_not_the_furniture_after_it(line: str, evidence: str) -> None:
    found = _date(_page(line)).published
    assert (found.date, found.rule, found.evidence) == (dt.date(2019, 4, 4), "date-line", evidence)
