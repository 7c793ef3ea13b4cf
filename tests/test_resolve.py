"""Resolution: each expression, in its sentence, against a reference date.

Rows are (reference, sentence, expression, expected TIMEX3 value). Expected values were
worked out by hand from the calendar; the weekday arithmetic is in the comments.
Calendar facts used: 2023-03-15 is a Wednesday (1 Jan 2023 was a Sunday; 15 Mar is day
74, 73 = 10 weeks + 3 days after a Sunday). 2022-12-30 is a Friday (1 Jan 2022 was a
Saturday; day 364, 363 = 51 weeks + 6 days). 2024-01-02 is a Tuesday (1 Jan 2024 was a
Monday).
"""

from __future__ import annotations

import datetime as dt

import pytest

from syriatl.tagger import tag

WED = dt.date(2023, 3, 15)
FRI = dt.date(2022, 12, 30)
TUE = dt.date(2024, 1, 2)
NOV = dt.date(2023, 11, 2)
OCT = dt.date(2023, 10, 27)
LATE_OCT = dt.date(2023, 10, 30)
JUN = dt.date(2023, 6, 15)
APR = dt.date(2023, 4, 20)

CASES = [
    # --- weekdays: direction from the governing clause ---------------------------------
    # Wed 15 Mar; Monday is 2 days back (15 - 2 = 13) and 5 days ahead (15 + 5 = 20).
    (WED, "The minister said on Monday that talks had failed.", "Monday", "2023-03-13"),
    (WED, "Monday's assassination shocked the capital.", "Monday", "2023-03-13"),
    (WED, "The convoys resumed on Monday.", "Monday", "2023-03-13"),
    (WED, "The minister will travel to Velmora on Monday.", "Monday", "2023-03-20"),
    (WED, "Delegations are due to vote on Monday.", "Monday", "2023-03-20"),
    (WED, "A plan to close the market on Monday was welcomed.", "Monday", "2023-03-20"),
    # Thursday: 6 days back (15 - 6 = 9), 1 day ahead (16).
    (WED, "A new meeting is planned on Thursday in Torvik.", "Thursday", "2023-03-16"),
    (WED, "25,000 people have been moved since Thursday.", "Thursday", "2023-03-09"),
    # Friday: 5 days back (10), 2 days ahead (17).
    (WED, '"We have until Friday," he said.', "Friday", "2023-03-17"),
    (WED, "The envoy could arrive as early as Friday.", "Friday", "2023-03-17"),
    # A possessive takes the news default, the latest Friday: 15 - 5 = 10 Mar.
    (WED, "They will look for ways around Friday's ruling.", "Friday", "2023-03-10"),
    (WED, "The ceasefire would take effect starting on Friday.", "Friday", "2023-03-17"),
    # The reference day itself, whatever the tense.
    (
        WED,
        "Ministers will confer on Wednesday over the future of Syria.",
        "Wednesday",
        "2023-03-15",
    ),
    (WED, "Brask told the envoy on Wednesday that he was ready.", "Wednesday", "2023-03-15"),
    (WED, "Torvik radio Wednesday said a plan was agreed.", "Wednesday", "2023-03-15"),
    # "last" is at least two days back (never yesterday), "next" strictly after: a week
    # away on the same weekday.
    (WED, "They met last Wednesday.", "last Wednesday", "2023-03-08"),
    (WED, "They meet next Wednesday.", "next Wednesday", "2023-03-22"),
    (WED, "They met last Friday.", "last Friday", "2023-03-10"),
    (FRI, "They met last Friday.", "last Friday", "2022-12-23"),
    # Tuesday: 1 day back (14); part of day kept as a TIME value.
    (WED, "They announced on Tuesday afternoon a mechanism.", "Tuesday afternoon", "2023-03-14TAF"),
    # Across a year end: Fri 30 Dec 2022 + 3 days = Mon 2 Jan 2023.
    (FRI, "The envoy will meet them on Monday.", "Monday", "2023-01-02"),
    # Tue 2 Jan 2024: Sunday is 2 days back = Sun 31 Dec 2023.
    (TUE, "The army said on Sunday it had withdrawn.", "Sunday", "2023-12-31"),
    (TUE, "They met last Tuesday.", "last Tuesday", "2023-12-26"),
    # --- today, yesterday, this morning ---------------------------------------------------
    (WED, "He told reporters yesterday that it was over.", "yesterday", "2023-03-14"),
    (WED, "The vote is tomorrow.", "tomorrow", "2023-03-16"),
    (WED, "The talks resume today.", "today", "2023-03-15"),
    (WED, "The air force bombed Karvana this morning.", "this morning", "2023-03-15TMO"),
    (WED, "Shelling was heard last night.", "last night", "2023-03-14TNI"),
    (WED, "He will meet the envoy later this afternoon.", "later this afternoon", "2023-03-15TAF"),
    (WED, "Shares fell early this morning.", "early this morning", "2023-03-15TMO"),
    # --- weeks, months, years: precision kept -------------------------------------------------
    # 15 Mar 2023 is in ISO week 11 (Mon 2 Jan 2023 starts W01; 13 Mar is 10 weeks later).
    (WED, "Velmora's line has eased this week.", "this week", "2023-W11"),
    (WED, "Forces took several villages last week.", "last week", "2023-W10"),
    (WED, "Talks resume next week.", "next week", "2023-W12"),
    (WED, "Talks will be held next month in Torvik.", "next month", "2023-04"),
    (WED, "Prices rose last month.", "last month", "2023-02"),
    (WED, "A warplane was downed last year.", "last year", "2022"),
    (WED, "Elections are due next year.", "next year", "2024"),
    (WED, "The ceasefire was brokered earlier this month.", "earlier this month", "2023-03"),
    # Fri 30 Dec 2022 is in ISO week 52 of 2022; a week on is Mon 2 Jan 2023, week 1 of 2023.
    (FRI, "Talks resume next week.", "next week", "2023-W01"),
    (FRI, "Talks will be held next month.", "next month", "2023-01"),
    (WED, "The offensive began two years ago.", "two years ago", "2021"),
    (WED, "It happened five months ago.", "five months ago", "2022-10"),
    # A decade ago is ten years back at year precision; "the last decade" is the 2010s.
    (WED, "The wall fell a decade ago.", "a decade ago", "2013"),
    (WED, "Two decades ago the war began.", "Two decades ago", "2003"),
    (WED, "Prices doubled last decade.", "last decade", "201"),
    # --- month-days and months without a year: the occurrence the tense and nearness pick ---
    (WED, "The siege of Torvik began on December 14.", "December 14", "2022-12-14"),
    (TUE, "The December 14 siege goes on.", "December 14", "2023-12-14"),
    (WED, "They will vote on March 20.", "March 20", "2023-03-20"),
    (WED, "They voted on March 10.", "March 10", "2023-03-10"),
    (WED, "They will vote on March 10.", "March 10", "2024-03-10"),
    (FRI, "The envoy arrives on January 5.", "January 5", "2023-01-05"),
    (WED, "He voiced hope for the February talks.", "February", "2023-02"),
    (WED, "He voiced hope for the April talks.", "April", "2023-04"),
    (WED, "The intervention began in late August.", "late August", "2022-08"),
    (WED, "A deal was struck in the summer.", "the summer", "2022-SU"),
    (WED, "A deal will be struck in the summer.", "the summer", "2023-SU"),
    # No cue: the occurrence before, unless the one after is nearer by over 30 days.
    # 20 Apr 2023: October 2022 ended 171 days back, October 2023 starts 164 ahead.
    (APR, "Police studied the October slaying.", "October", "2022-10"),
    # 2 Nov 2023: December 2022 ended 306 days back, December 2023 starts 29 ahead.
    (NOV, "He voiced hope for the December summit.", "December", "2023-12"),
    # A weak cue ("-ed", "said") yields to nearness when its occurrence is more than four
    # times (plus 30 days) as far. 2 Nov 2023: Jan 2 2023 is 304 days back, Jan 2 2024 is
    # 61 ahead (304 > 4 * 61 + 30 = 274); Nov 20 2022 is 347 back, Nov 20 2023 18 ahead.
    (NOV, "The reduced dividend is payable Jan. 2.", "Jan. 2", "2024-01-02"),
    (NOV, "The offer was extended to Nov. 20.", "Nov. 20", "2023-11-20"),
    (NOV, "Lenders extended loans through January.", "January", "2024-01"),
    # ...but not when both are near: 15 Mar 2023, December 2022 ended 74 days back,
    # December 2023 starts 261 days ahead (74 <= 4 * 261 + 30).
    (WED, "The talks collapsed in December.", "December", "2022-12"),
    # A future cue for a period just over: Q3 2023 ended 27 days before 27 Oct 2023, Q3
    # 2024 starts 248 days after (248 > 4 * 27 + 30 = 138).
    (OCT, "It expects to report a loss for the third quarter.", "the third quarter", "2023-Q3"),
    (OCT, "It will report a loss for the third quarter.", "the third quarter", "2023-Q3"),
    # "payable", "effective", "by" set a deadline. 15 Jun 2023: Feb 1 2023 is 134 days
    # back, Feb 1 2024 231 ahead (231 <= 4 * 134 + 30). 30 Oct 2023: February 2023 ended
    # 244 days back, February 2024 starts 94 days ahead.
    (JUN, "The board declared a dividend payable Feb. 1.", "Feb. 1", "2024-02-01"),
    (JUN, "The board approved a new fee effective Feb. 1.", "Feb. 1", "2024-02-01"),
    (
        LATE_OCT,
        "Half the loan was repaid, and the rest falls due by February.",
        "February",
        "2024-02",
    ),
    # ...but "by Friday" in a report closes a count: the latest Friday, 10 Mar.
    (WED, "By Friday, 300 people had fled.", "Friday", "2023-03-10"),
    # A modal of the date's own verb or "until" is decisive: 30 Oct 2023 is 3 days back.
    (NOV, "The vote will be held on October 30.", "October 30", "2024-10-30"),
    (NOV, "The offer runs until October 30.", "October 30", "2024-10-30"),
    # --- explicit dates need no reference ---------------------------------------------------
    (WED, "It was signed on 14 December 2015.", "14 December 2015", "2015-12-14"),
    (WED, "The uprising began in March 2011.", "March 2011", "2011-03"),
    (WED, "The conflict began in 2011.", "2011", "2011"),
    # --- anchored on the previous date in the story ---------------------------------------
    # 14 Dec + 7 days = 21 Dec; 1 Mar 2023 + 2 days = 3 Mar; 1 Mar 2023 - 1 day = 28 Feb.
    (
        WED,
        "It began on December 14 and went on despite a truce announced a week later.",
        "a week later",
        "2022-12-21",
    ),
    (
        WED,
        "Talks opened on March 1, 2023. Two days later they collapsed.",
        "Two days later",
        "2023-03-03",
    ),
    (
        WED,
        "Talks opened on March 1, 2023. On the day before, shells fell.",
        "the day before",
        "2023-02-28",
    ),
    # "the previous/following <weekday>" counts from the story's day, strictly before or
    # after it: Wed 1 Mar 2023; the previous Wednesday = 1 Mar - 7 = 22 Feb; the previous
    # Sunday = 1 Mar - 3 = 26 Feb; the following Monday = 1 Mar + 5 = 6 Mar.
    (
        WED,
        "Talks opened on March 1, 2023. Shelling had begun the previous Wednesday.",
        "the previous Wednesday",
        "2023-02-22",
    ),
    (
        WED,
        "Talks opened on March 1, 2023. Shelling had begun the previous Sunday.",
        "the previous Sunday",
        "2023-02-26",
    ),
    (
        WED,
        "Talks opened on March 1, 2023. They resumed the following Monday.",
        "the following Monday",
        "2023-03-06",
    ),
    # "before" ending its phrase counts from the story's date: 1 Mar - 1 = 28 Feb.
    (
        WED,
        "Talks opened on March 1, 2023. They had met the day before in Karvana.",
        "the day before",
        "2023-02-28",
    ),
    # A day of a year the story does not give to the day is an unknown day of that year
    # (or month): no day invented.
    (
        WED,
        "Talks opened on March 1, 2023. In 2019 a truce failed. The day before, shells fell.",
        "The day before",
        "2019-XX-XX",
    ),
    (
        WED,
        "The siege began in October 2016. The airport was shelled that same day.",
        "that same day",
        "2016-10-XX",
    ),
    # "that year" is the story's year as a whole, however precise the date that gave it.
    (
        WED,
        "He fled in June 2019 and came back later that year.",
        "later that year",
        "2019",
    ),
    (WED, "The siege began in March 2016; that year the town starved.", "that year", "2016"),
    # --- "a year earlier" in a report: the same period, as precise as its base ----------
    # 27 Oct 2023, "rose" looks back: the third quarter is 2023-Q3; a year before, 2022-Q3.
    (
        OCT,
        "In the third quarter, profit rose to $5 million from $3 million a year earlier.",
        "a year earlier",
        "2022-Q3",
    ),
    (
        OCT,
        "Third-quarter sales fell to $2 billion from $3 billion a year ago.",
        "a year ago",
        "2022-Q3",
    ),
    (
        OCT,
        "Net rose in the third quarter. In the year-earlier quarter, it had fallen.",
        "the year-earlier quarter",
        "2022-Q3",
    ),
    # The report's quarter, not a year named in between, is what "a year earlier" compares.
    (
        OCT,
        "In the third quarter, net rose. The plant opened in 2010. Sales beat a year earlier.",
        "a year earlier",
        "2022-Q3",
    ),
    # 1 Mar 2022 less a year is 1 Mar 2021.
    (
        WED,
        "Talks opened on March 1, 2022. A year earlier, the war had widened.",
        "A year earlier",
        "2021-03-01",
    ),
    # No quarter told: a year before the reference, as a year.
    (WED, "Prices are up from a year ago.", "a year ago", "2022"),
    # --- "N units after <an event>": TimeML values the length --------------------------
    (WED, "It came a month after the offensive began on March 1.", "a month", "P1M"),
    (WED, "Twenty years after the war ended, they met.", "Twenty years", "P20Y"),
    (WED, "It resumed nearly two months after it was halted.", "nearly two months", "P2M"),
    (WED, "Buyers must wait 30 days before closing the deal.", "30 days", "P30D"),
    # Without a count no date can be counted: the length, whichever the signal.
    (WED, "A few days later, the firm reported a loss.", "A few days later", "PXD"),
    (WED, "He said so several months before he took office.", "several months", "PXM"),
    # --- the weekend: the one before the reference, or after it with a future cue ------
    # Wed 15 Mar 2023 is in ISO week 11; the weekend before is Sat 11-Sun 12 Mar, week 10.
    (WED, "Over the weekend, talks resumed.", "the weekend", "2023-W10-WE"),
    (WED, "Traders squared positions ahead of the weekend.", "the weekend", "2023-W11-WE"),
    # "ago" looks back whatever the clause's tense.
    (
        WED,
        "Support will reach 51 percent, up from 35 percent several years ago.",
        "several years ago",
        "PAST_REF",
    ),
    # --- clock times on the reference day ---------------------------------------------------
    (WED, "The strike came at 1530 GMT.", "1530 GMT", "2023-03-15T15:30"),
    (WED, "The truce starts at midnight.", "midnight", "2023-03-15T24:00"),
    # A time right before its day takes that day (Wed 15 Mar: Monday 13, Tuesday 14), and
    # a deadline word before the time governs the day: until Friday = Fri 17 Mar.
    (WED, "He was seized at 10 p.m. Monday, police said.", "10 p.m. Monday", "2023-03-13T22:00"),
    (WED, "Talks broke off at noon Tuesday.", "noon Tuesday", "2023-03-14T12:00"),
    (WED, "They have until 9 a.m. Friday to sign.", "9 a.m. Friday", "2023-03-17T09:00"),
    (NOV, "The offer runs until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "2023-11-09T17:00"),
    # "the week of" a date is that date's ISO week. Mon 20 Mar 2023 (Wed 15 + 5); ISO
    # week 1 of 2023 began Mon 2 Jan, and 20 Mar is 77 days = 11 weeks later: week 12.
    (WED, "Talks are set for the week of March 20.", "the week of March 20", "2023-W12"),
    # A month placed in a year named relative to the reference, with its position.
    (
        FRI,
        "The house approved it in early October this year.",
        "early October this year",
        "2022-10",
    ),
    (TUE, "They met in late January last year.", "late January last year", "2023-01"),
    # A day counted from a weekday: "last Tuesday" from Wed 15 Mar is not the day before
    # (14), so it is Tue 7 Mar (15 - 8), and the day before it Mon 6;
    # the past Friday is 10 Mar (15 - 5), the day after 11.
    (
        WED,
        "The day before last Tuesday's hearing, he flew home.",
        "The day before last Tuesday",
        "2023-03-06",
    ),
    # From Fri 17 Mar, last Wednesday is two days back, Wed 15 Mar, the day before 14.
    (
        dt.date(2023, 3, 17),
        "The day before last Wednesday's hearing, he flew home.",
        "The day before last Wednesday",
        "2023-03-14",
    ),
    (WED, "They had met the day after Friday.", "the day after Friday", "2023-03-11"),
    # --- named days ---------------------------------------------------------------------
    # Thanksgiving is the first Thursday from 22 November. 22 Nov 2023 is day 326 of a
    # year that began on a Sunday: 325 = 46 weeks + 3 days, a Wednesday, so Thu 23 Nov.
    (TUE, "He has not been home since Thanksgiving Day.", "Thanksgiving Day", "2023-11-23"),
    (NOV, "The family will gather on Thanksgiving.", "Thanksgiving", "2023-11-23"),
    # "last" from Thu 2 Nov 2023 is 2022's: 22 Nov 2022 is day 326 of a year that began
    # on a Saturday, 325 = 46 weeks + 3 days, a Tuesday, so Thu 24 Nov.
    (NOV, "Prices have doubled since last Thanksgiving.", "last Thanksgiving", "2022-11-24"),
    # A year with a prefix is that year, whatever the reference.
    (WED, "The post-2011 order collapsed.", "post-2011", "2011"),
    # A plan in the past perfect looks back: from Wed 15 Mar, Friday 15 - 5 = 10.
    (WED, "The offer had been due to expire on Friday.", "Friday", "2023-03-10"),
    # A clock time restated in brackets is on the day named with either: from Wed 15 Mar
    # the coming Thursday is 16, the past Friday 15 - 5 = 10.
    (
        WED,
        "He will leave at 4 in the morning (4 a.m. EDT Thursday).",
        "4 in the morning",
        "2023-03-16T04:00",
    ),
    (WED, "The blast came at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "2023-03-10T10:35"),
    (WED, "The blast came at 10:35 a.m. (0735 GMT) on Friday.", "0735 GMT", "2023-03-10T07:35"),
    # A second day takes the month and the direction of the first: from Wed 15 Mar, a
    # future 24 and 25 April are 2023's.
    (WED, "A summit will be held on April 24 and 25.", "25", "2023-04-25"),
    # Election Day is the first Tuesday from 2 November: from Thu 2 Nov 2023 that is 2 + 5
    # = 7 Nov; from Tue 2 Jan 2024, 2 Nov 2024 is day 307 of a leap year that began on a
    # Monday, 306 = 43 weeks + 5 days, a Saturday, so Tue 5 Nov.
    (NOV, "He will campaign until Election Day.", "Election Day", "2023-11-07"),
    (TUE, "Turnout on Election Day will decide it.", "Election Day", "2024-11-05"),
    (TUE, "Shelling resumed on Christmas Eve.", "Christmas Eve", "2023-12-24"),
    (FRI, "The truce is to start on New Year's Day.", "New Year's Day", "2023-01-01"),
    # --- a past verb that directly governs a year-less date decides it -------------------
    # From Thu 2 Nov 2023 (day 306): 1 Dec 2023 is 28 + 1 = 29 days ahead, 1 Dec 2022 is
    # 365 - 29 = 336 back. A weak past cue would yield (336 > 4 x 29 + 30 = 146); "seized
    # the town on" governs the date, so it looks back.
    (NOV, "Rebels seized the town on Dec. 1.", "Dec. 1", "2022-12-01"),
    # 2 Jan 2024 is 28 + 31 + 2 = 61 days ahead, 2 Jan 2023 is 365 - 61 = 304 back.
    (NOV, "Protests erupted on Jan. 2.", "Jan. 2", "2023-01-02"),
    # January 2024 begins 28 + 31 + 1 = 60 days ahead; January 2023 ended on day 31,
    # 306 - 31 = 275 days back.
    (NOV, "The minister resigned in January.", "January", "2023-01"),
    # Near misses: the past cue is not the date's own verb, so the nearer one stays.
    # 20 Nov 2023 is 18 days ahead, 20 Nov 2022 is 365 - 18 = 347 back (> 4 x 18 + 30).
    (NOV, "The offer was extended to Nov. 20.", "Nov. 20", "2023-11-20"),
    # "payable" points ahead: 2 Jan 2024, 61 days ahead (above).
    (NOV, "The reduced dividend is payable Jan. 2.", "Jan. 2", "2024-01-02"),
    # "said" reports; "would" is the date's verb: January 2024, 60 days ahead.
    (NOV, "He said the talks would resume in January.", "January", "2024-01"),
    # "fell to a record": a comparison, not the fall's date; weak, so 2023's December
    # (29 days ahead, as 1 Dec above) stays.
    (NOV, "Prices fell to a record high in December.", "December", "2023-12"),
    # "preferred shares": an adjective under a modal, not a verb of its own. 31 Dec 2023
    # is 28 + 31 = 59 days ahead.
    (NOV, "It will redeem preferred shares on Dec. 31.", "Dec. 31", "2023-12-31"),
    # --- values that are no calendar dates -----------------------------------------------------
    (WED, "After two days of talks, they agreed.", "two days", "P2D"),
    (WED, "A seven-week offensive on Velmora.", "seven-week", "P7W"),
    # Decades and centuries in years: 2 x 10 = 20, 1 x 100 = 100.
    (WED, "The lowest rate in almost two decades.", "two decades", "P20Y"),
    (WED, "The lowest rate in a century.", "a century", "P100Y"),
    (WED, "A plan within the next 90 days.", "the next 90 days", "P90D"),
    # A fraction is said in the next smaller unit, after the whole count: half an hour
    # is 30 minutes, half a year 6 months, half a day 12 hours.
    (WED, "The trip took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
    (WED, "He spent 2 1/2 years in jail.", "2 1/2 years", "P2Y6M"),
    (WED, "The siege lasted a day and a half.", "a day and a half", "P1DT12H"),
    (WED, "The shelling lasted half an hour.", "half an hour", "PT30M"),
    (WED, "They will buy new arms in the coming years.", "the coming years", "PXY"),
    (WED, "Prices rose over the past months.", "the past months", "PXM"),
    (WED, "Prayers are held every Friday.", "every Friday", "XXXX-WXX-5"),
    (WED, "The ceasefire is now in force.", "now", "PRESENT_REF"),
    # --- TimeML conventions: quarters, halves, sets, holidays ---------------------------
    # A part of the year named with "the year" is the reference's (2023); "last year"
    # is 2023 - 1 = 2022; "the final quarter" of a given year is its fourth.
    (WED, "Exports rose in the second half of the year.", "the second half of the year", "2023-H2"),
    (WED, "Output fell in the first half of last year.", "the first half of last year", "2022-H1"),
    (WED, "Losses mounted in the final quarter of 2021.", "the final quarter of 2021", "2021-Q4"),
    (WED, "The plant shut in the last half of 2019.", "the last half of 2019", "2019-H2"),
    # A fiscal year is written as its number: TimeML has no fiscal calendar.
    (
        WED,
        "Results for the first quarter of fiscal 2024.",
        "the first quarter of fiscal 2024",
        "2024-Q1",
    ),
    # How often goes to TIMEX3 ``freq``; the value is the period: a week, a day.
    (WED, "Aid flights land twice a week.", "twice a week", "P1W"),
    (WED, "Patrols pass every other day.", "every other day", "P2D"),
    # Friday is weekday 5 in ISO numbering (Monday 1), evenings TEV.
    (WED, "Markets open on Friday evenings.", "Friday evenings", "XXXX-WXX-5TEV"),
    (WED, "Fighting flares every summer.", "every summer", "XXXX-SU"),
    (WED, "Talks will go on in the weeks ahead.", "the weeks ahead", "PXW"),
    # 1 May 2023 is 16 + 30 + 1 = 47 days after Wed 15 Mar; 1 May 2022 is 365 - 47 = 318
    # days before: the nearer one.
    (WED, "Unions plan a May Day rally.", "May Day", "2023-05-01"),
]


@pytest.mark.parametrize(
    ("reference", "sentence", "expression", "value"),
    CASES,
    ids=[f"{c[2]}@{c[0]}:{c[3]}" for c in CASES],
)
def test_resolves_like_a_careful_reader(
    reference: dt.date, sentence: str, expression: str, value: str
) -> None:
    found = {r.mention.text: r.value for r in tag(sentence, reference)}
    assert expression in found, f"{expression!r} not found in {found}"
    assert found[expression] == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("They met on Tuesday.", "Tuesday", "XXXX-WXX-2"),
        ("The siege of Torvik began on December 14.", "December 14", "XXXX-12-14"),
        ("Talks will be held next month.", "next month", "XXXX"),
        ("It was signed on 14 December 2015.", "14 December 2015", "2015-12-14"),
    ],
)
def test_without_a_reference_relative_values_stay_underspecified(
    sentence: str, expression: str, value: str
) -> None:
    found = {r.mention.text: r.value for r in tag(sentence, None)}
    assert found[expression] == value


def test_a_look_back_does_not_move_the_story() -> None:
    # Both comparisons count from the third quarter (2023-Q3), not from each other.
    text = (
        "In the third quarter, sales rose from $3 billion a year earlier. "
        "Profit rose to $1 billion from $800 million a year earlier."
    )
    values = [r.value for r in tag(text, OCT) if "earlier" in r.mention.text]
    assert values == ["2022-Q3", "2022-Q3"]


def test_a_year_later_moves_the_story_on() -> None:
    # 1 Mar 2021 + 1 year = 1 Mar 2022; the next day counts from there: 2 Mar 2022.
    text = "Talks opened on March 1, 2021. A year later they failed. The next day, shells fell."
    found = {r.mention.text: r.value for r in tag(text, WED)}
    assert (found["A year later"], found["The next day"]) == ("2022-03-01", "2022-03-02")


def test_a_report_compares_with_the_quarter_it_reports_on() -> None:
    # 27 Oct 2023: the report is on 2023-Q3; "the second quarter" (2023-Q2) is an aside.
    text = (
        "Third-quarter net rose to $5 million from $4 million a year ago. "
        "It also beat the second quarter. Sales rose from $3 billion a year ago."
    )
    values = [r.value for r in tag(text, OCT) if r.mention.text == "a year ago"]
    assert values == ["2022-Q3", "2022-Q3"]


def test_a_length_before_an_undated_event_dates_nothing() -> None:
    # "a month after it began" counts from the beginning the clause names, not from the
    # story's last date (14 December): the length is all the words give.
    text = "The siege of Torvik began on December 14. A truce came a month after it began."
    found = {r.mention.text: r for r in tag(text, WED)}
    length = found["a month"]
    assert (length.value, length.type.value, length.start) == ("P1M", "DURATION", None)


def test_every_resolution_names_its_rule_and_anchor() -> None:
    for r in tag("On Tuesday, two days after talks began, he said it was over.", WED):
        assert r.rule
        if r.value.startswith("2023"):
            assert r.anchor is not None


# "last <weekday>" on each day of the week Mon 2 - Sun 8 Jan 2017 (1 Jan 2017 was a
# Sunday, so 2 Jan a Monday): the latest such day at least two days back, never
# yesterday. Days back = 2 + (days since the latest such weekday - 2) mod 7: 2 to 8.
LAST_WEEKDAY = [
    # (reference, expression, value); the comment: the reference weekday, days back
    (dt.date(2017, 1, 2), "last Friday", "2016-12-30"),  # Mon: 2 - 3
    (dt.date(2017, 1, 2), "last Sunday", "2016-12-25"),  # Mon: 2 - 8, not yesterday (1 Jan)
    (dt.date(2017, 1, 2), "last Monday", "2016-12-26"),  # Mon: 2 - 7
    (dt.date(2017, 1, 3), "last Sunday", "2017-01-01"),  # Tue: 3 - 2
    (dt.date(2017, 1, 3), "last Monday", "2016-12-26"),  # Tue: 3 - 8, not yesterday (2 Jan)
    (dt.date(2017, 1, 4), "last Monday", "2017-01-02"),  # Wed: 4 - 2
    (dt.date(2017, 1, 4), "last Tuesday", "2016-12-27"),  # Wed: 4 - 8, not yesterday (3 Jan)
    (dt.date(2017, 1, 5), "last Tuesday", "2017-01-03"),  # Thu: 5 - 2
    (dt.date(2017, 1, 5), "last Wednesday", "2016-12-28"),  # Thu: 5 - 8, not yesterday
    (dt.date(2017, 1, 6), "last Friday", "2016-12-30"),  # Fri: 6 - 7
    (dt.date(2017, 1, 6), "last Thursday", "2016-12-29"),  # Fri: 6 - 8, not yesterday (5 Jan)
    (dt.date(2017, 1, 7), "last Friday", "2016-12-30"),  # Sat: 7 - 8, not yesterday (6 Jan)
    (dt.date(2017, 1, 7), "last Thursday", "2017-01-05"),  # Sat: 7 - 2
    (dt.date(2017, 1, 8), "last Saturday", "2016-12-31"),  # Sun: 8 - 8, not yesterday (7 Jan)
    (dt.date(2017, 1, 8), "last Friday", "2017-01-06"),  # Sun: 8 - 2
    (dt.date(2017, 1, 8), "last Sunday", "2017-01-01"),  # Sun: 8 - 7
]


@pytest.mark.parametrize(("reference", "expression", "value"), LAST_WEEKDAY)
def test_last_weekday_is_never_the_day_before(
    reference: dt.date, expression: str, value: str
) -> None:
    sentence = f"The truce went into force {expression}."
    found = {r.mention.text: r.value for r in tag(sentence, reference)}
    assert found.get(expression) == value
