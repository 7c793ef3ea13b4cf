"""Error classes seen on text the tagger never saw, as tables of invented cases.

Each file in ``tests/cases/unseen/`` holds the cases of one class (its header says which),
every expected value worked out by hand in a comment beside it. A case names a text, the
day it was published and the expression to check: its TIMEX3 ``value`` from the tagger,
and, where given, the ``date``/``at``/``zone``/``time`` of the event it dates in a build
(with the article's ``timezone`` in front matter when the case gives one). A case with
``nothing: true`` is from the negative corpus: the tagger must find no expression in it.
``benchmarks/unseen.py`` scores the same files per class, against any installed build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from syriatl.pipeline import build_timeline
from syriatl.render import timeline_data
from syriatl.tagger import tag

CASES = Path(__file__).parent / "cases" / "unseen"
EVENT_FIELDS = ("date", "at", "zone", "time")


def _text(value: Any) -> str:
    """A case's value as the build writes it: YAML reads ``2017-01-05T22:00:00Z`` as a
    datetime, which the build writes back in ISO 8601 with ``Z``."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def _cases() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]):
            found.append(pytest.param(case, id=f"{path.stem}-{i + 1}"))
    return found


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def article(case: dict[str, Any]) -> str:
    """The case as an article: front matter, a neutral title, the text as its body."""
    front = [f"published: {_day(case['published']).isoformat()}"]
    if case.get("timezone"):
        front.append(f"timezone: {case['timezone']}")
    return "---\n" + "\n".join(front) + "\n---\nDispatch\n\n" + case["text"] + "\n"


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    found = tag(case["text"], _day(case["published"]))
    if case.get("nothing"):
        assert [r.mention.text for r in found] == []
        return
    values = [r.value for r in found if r.mention.text == case["expression"]]
    assert values[:1] == [str(case["value"])], [(r.mention.text, r.value) for r in found]
    wanted = {k: _text(case[k]) for k in EVENT_FIELDS if k in case}
    if not wanted:
        return
    (tmp_path / "case.txt").write_text(article(case), encoding="utf-8")
    events = timeline_data(build_timeline([str(tmp_path)]).timeline)["events"]
    # The event the expression dates; one instant told twice ("midnight (2100 GMT)") is
    # one source, named by its first expression.
    named = [e for e in events if any(s["expression"] == case["expression"] for s in e["sources"])]
    quoting = [e for e in events if any(case["expression"] in s["quote"] for s in e["sources"])]
    told = named or quoting
    assert told, "no event quotes the expression"
    assert {k: str(told[0].get(k)) for k in wanted} == wanted


def test_every_class_file_says_what_it_holds_and_has_cases() -> None:
    files = sorted(CASES.glob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), path.name
        assert len(yaml.safe_load(text)["cases"]) >= 5, path.name
