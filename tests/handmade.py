"""Timelines made by hand for the exporters' tests: events, sources and articles with
only the fields a test is about set, the rest plain defaults."""

from __future__ import annotations

import datetime as dt
from typing import Any

from syriatl.model import (
    ArticleReport,
    Basis,
    Event,
    Outlet,
    Precision,
    Problem,
    Published,
    Source,
    Status,
    Timeline,
    When,
)
from syriatl.timex import span


def when(value: str, precision: str | None = None, **fields: Any) -> When:
    """The date of a TIMEX3 value ("2017-01-24", "2017-W04", "2016-SU"), at its own
    precision unless given, with ``time``, ``modifier``, ``at`` or ``zone``."""
    found = span(value)
    assert found is not None, value
    start, end, own = found
    return When(value, Precision(precision) if precision else own, start, end, **fields)


# Tue 24 Jan 2017 (1 Jan 2017 was a Sunday; + 23 days is a Tuesday).
TUESDAY = when("2017-01-24")


def source(**fields: Any) -> Source:
    """A source told by article ``a`` on line 3, dating Tue 24 Jan 2017 by "Tuesday"."""
    data: dict[str, Any] = {
        "article": "a", "quote": "Talks ended on Tuesday.", "expression": "Tuesday",
        "rule": "weekday/weekday:past", "line": 3, "when": TUESDAY,
        "published": dt.date(2017, 1, 25),
    }  # fmt: skip
    return Source(**(data | fields))


def event(**fields: Any) -> Event:
    """An event of Tue 24 Jan 2017, "Talks ended.", of kind talks, told by one source."""
    data: dict[str, Any] = {
        "when": TUESDAY, "text": "Talks ended.", "sources": (source(),), "id": "ev-1",
        "kind": "talks", "status": Status.HAPPENED, "basis": Basis.TEXT,
    }  # fmt: skip
    return Event(**(data | fields))


def article(
    id: str = "a", published: dt.date | None = dt.date(2017, 1, 25), url: str | None = None
) -> ArticleReport:
    """An article's report: dated (``published``) or not, with its page's URL."""
    dated = Published(published, "date-line", str(published)) if published else None
    undated = Published(None, None, None, reason="no date line")
    return ArticleReport(id, f"in/{id}.txt", None, None, dated or undated, (), 1, Outlet(), url)


def timeline(
    *events: Event,
    articles: tuple[ArticleReport, ...] = (article(),),
    problems: tuple[Problem, ...] = (),
) -> Timeline:
    return Timeline(articles, events, problems)
