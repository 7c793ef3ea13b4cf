"""The case files of ``tests/cases/unseen/`` (one error class each), read the one way
``tests/test_unseen.py`` and ``benchmarks/unseen.py`` both need them.

A case names a text, the day it was published and the expression to check: its TIMEX3
``value`` from the tagger and, where given, the ``date``/``at``/``zone``/``time`` of the
event it dates in a build (with the article's ``timezone`` as front matter when the case
gives one). A case with ``nothing: true`` is from the negative corpus: the tagger must
find no expression in it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases" / "unseen"
EVENT_FIELDS = ("date", "at", "zone", "time")


def load() -> list[tuple[str, int, dict[str, Any]]]:
    """Every case as (class file name, number in the file from 1, case)."""
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]):
            out.append((path.stem, i + 1, case))
    return out


def as_written(value: Any) -> str:
    """A case's value as the build writes it: YAML reads ``2017-01-05T22:00:00Z`` as a
    datetime, which the build writes back in ISO 8601 with ``Z``."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def event_fields(case: dict[str, Any]) -> dict[str, str]:
    """The event fields a case expects, as the build writes them."""
    return {k: as_written(case[k]) for k in EVENT_FIELDS if k in case}


def article(case: dict[str, Any]) -> str:
    """The case as an article: front matter, a neutral title, the text as its body."""
    front = [f"published: {as_written(case['published'])}"]
    if case.get("timezone"):
        front.append(f"timezone: {case['timezone']}")
    return "---\n" + "\n".join(front) + "\n---\nDispatch\n\n" + case["text"] + "\n"


def dated_event(case: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event the case's expression dates: named by the expression, else quoting it
    (one instant told twice, "midnight (2100 GMT)", is one source named by its first
    expression)."""
    expression = case.get("expression") or ""
    named = [e for e in events if any(s["expression"] == expression for s in e["sources"])]
    quoting = [e for e in events if any(expression in s["quote"] for s in e["sources"])]
    told = named or quoting
    return told[0] if told else None
