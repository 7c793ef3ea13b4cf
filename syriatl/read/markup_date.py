"""The publication date an HTML page's markup gives, with the element that states it.

htmldate chooses the date (``find_date`` in its fast mode, which leaves the page's free
text to syriatl's own rules, preferring the original date to an update); it does not say
where it found it, so the element that states that day is looked up here, in htmldate's
own order, to be quoted as the evidence. A date htmldate reads from no such element (a
class name, the page's text, an update stamp) has the rule ``htmldate`` and dates
nothing. htmldate is imported only when a page is read.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from syriatl.model import PageDate
from syriatl.patterns import markup

UNNAMED = "htmldate"  # the rule of a date htmldate reads from no element named here
# htmldate accepts dates in this range; fixed, so that no date depends on the day of the
# run (its own default latest date is today).
_EARLIEST, _LATEST = "1995-01-01", "2099-12-31"
_EVIDENCE = 160  # characters of quoted markup


def page_date(tree: Any, url: str | None) -> PageDate | None:
    """The date the page's markup gives with the element that states it (rule
    ``htmldate`` when none states it as the publication date); None when htmldate finds
    no date. ``url`` is the page's address."""
    return _attributed(tree, url, _htmldate(tree, url))


def _htmldate(tree: Any, url: str | None) -> dt.date | None:
    """The publication date htmldate reads from the page's markup, or None."""
    import htmldate

    said = htmldate.find_date(
        tree,
        extensive_search=False,
        original_date=True,
        url=url,
        min_date=_EARLIEST,
        max_date=_LATEST,
        deferred_url_extractor=True,
    )
    return dt.date.fromisoformat(said) if said else None


@cache
def _iso_day() -> re.Pattern[str]:
    return re.compile(markup.ISO_DAY[0])


@cache
def _url_day() -> re.Pattern[str]:
    return re.compile(markup.URL_DAY[0])


def _day(value: str | None) -> dt.date | None:
    """The day a markup value opens with: an ISO day, or an RFC 2822 date ("Tue, 05 Mar
    2019 09:30:00 GMT"), each as written, in the page's own zone; None for neither."""
    if value is None:
        return None
    found = _iso_day().match(value)
    if found is not None:
        return _date(found)
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def _date(found: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def _url_date(url: str) -> dt.date | None:
    found = _url_day().search(url)
    return _date(found) if found else None


def _attributed(tree: Any, url: str | None, said: dt.date | None) -> PageDate | None:
    """htmldate's date with the element that states it, in htmldate's own order (the
    head's ``<meta>``, JSON-LD, the address, ``<time>``); rule ``htmldate`` when none
    states it as the publication date; None when htmldate finds no date."""
    if said is None:
        return None
    for rule, evidence, day in _stated(tree, url):
        if day == said:
            return PageDate(said, rule, _short(evidence))
    return PageDate(said, UNNAMED, "no <meta>, JSON-LD, <time> or address gives it as published")


def _stated(tree: Any, url: str | None) -> Iterator[tuple[str, str, dt.date | None]]:
    """Each date the markup states, with its rule and the markup that states it."""
    for meta in tree.iterfind(".//meta"):
        attribute = next((a for a in ("name", "property", "itemprop") if meta.get(a)), None)
        value = meta.get("content") or meta.get("datetime")
        if attribute is None or value is None:
            continue
        name = meta.get(attribute)
        if any(word in name.lower() for word, _ in markup.CHANGE_WORDS):
            continue
        evidence = f'<meta {attribute}="{name}" content="{value.strip()}">'
        yield "html-meta", evidence, _day(value)
    for key, value in _json_ld(tree):
        yield "json-ld", f'"{key}": "{value}"', _day(value)
    if url:
        yield "url-path", url, _url_date(url)
    for time in tree.iterfind(".//time"):
        shown = " ".join(time.text_content().split())
        value = time.get("datetime") or shown
        evidence = f'<time datetime="{value.strip()}">{shown}</time>'
        yield "html-time", evidence, _day(value)


def _json_ld(tree: Any) -> Iterator[tuple[str, str]]:
    """The publication dates the page's JSON-LD gives (key and value), key by key."""
    keys = [k for k, _ in markup.JSON_LD_KEYS]
    found: list[tuple[str, str]] = []
    for script in tree.iterfind(".//script[@type]"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:  # a page's broken JSON-LD says nothing
            continue
        stack, seen = [data], 0
        while stack and seen < 10_000:
            item = stack.pop()
            seen += 1
            if isinstance(item, dict):
                found.extend((k, v) for k, v in item.items() if k in keys and isinstance(v, str))
                stack.extend(reversed(list(item.values())))
            elif isinstance(item, list):
                stack.extend(reversed(item))
    yield from sorted(found, key=lambda kv: keys.index(kv[0]))


def _short(evidence: str) -> str:
    flat = " ".join(evidence.split())
    return flat if len(flat) <= _EVIDENCE else flat[: _EVIDENCE - 1] + "…"
