"""Error classes seen on text the tagger never saw, as tables of invented cases.

Each file in ``tests/cases/unseen/`` holds the cases of one class (its header says which),
every expected value worked out by hand in a comment beside it; ``unseen_cases`` says
what a case holds. ``benchmarks/unseen.py`` scores the same files per class, against any
installed build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from unseen_cases import CASES, article, as_written, dated_event, event_fields, load

from syriatl.pipeline import build_timeline
from syriatl.render import timeline_data
from syriatl.tagger import tag


@pytest.mark.parametrize("case", [pytest.param(case, id=f"{name}-{n}") for name, n, case in load()])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    found = tag(case["text"], dt.date.fromisoformat(as_written(case["published"])))
    if case.get("nothing"):
        assert [r.mention.text for r in found] == []
        return
    values = [r.value for r in found if r.mention.text == case["expression"]]
    assert values[:1] == [str(case["value"])], [(r.mention.text, r.value) for r in found]
    wanted = event_fields(case)
    if not wanted:
        return
    (tmp_path / "case.txt").write_text(article(case), encoding="utf-8")
    events = timeline_data(build_timeline([str(tmp_path)]).timeline)["events"]
    event = dated_event(case, events)
    assert event is not None, "no event quotes the expression"
    assert {k: str(event.get(k)) for k in wanted} == wanted


def test_every_class_file_says_what_it_holds_and_has_cases() -> None:
    files = sorted(CASES.glob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), path.name
        assert len(yaml.safe_load(text)["cases"]) >= 5, path.name
