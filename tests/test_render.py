"""Rendering: streamed machine output is byte for byte one dump of the whole; dates show
at their own precision."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from syriatl.model import Precision, When
from syriatl.pipeline import build_timeline
from syriatl.render import json_chunks, timeline_data, timeline_sections, yaml_chunks
from syriatl.table import date_label

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("case", ["liveblog", "wire"])
def test_streamed_yaml_and_json_equal_one_dump_of_the_whole(case: str) -> None:
    timeline = build_timeline([str(GOLDEN / case)]).timeline
    whole = timeline_data(timeline)
    assert "".join(yaml_chunks(timeline_sections(timeline))) == yaml.safe_dump(
        whole, sort_keys=False, allow_unicode=True, width=1 << 30, default_flow_style=False
    )
    assert "".join(json_chunks(timeline_sections(timeline))) == (
        json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    )


def test_empty_lists_stream_like_one_dump() -> None:
    sections = [("events", iter(())), ("problems", iter(()))]
    assert "".join(yaml_chunks(sections)) == "events: []\nproblems: []\n"
    assert json.loads("".join(json_chunks([("events", iter(()))]))) == {"events": []}


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "modifier", "label"),
    [
        # 24 Jan 2017 was a Tuesday (1 Jan 2017 a Sunday, + 23 days).
        ("2017-01-24", Precision.DAY, (2017, 1, 24), (2017, 1, 24), None, "Tue 24 Jan 2017"),
        ("2017-02", Precision.MONTH, (2017, 2, 1), (2017, 2, 28), None, "Feb 2017"),
        ("2016-08", Precision.MONTH, (2016, 8, 1), (2016, 8, 31), "late", "late Aug 2016"),
        ("2016-SU", Precision.SEASON, (2016, 6, 1), (2016, 8, 31), None, "Summer 2016"),
        ("2016-W50-WE", Precision.WEEK, (2016, 12, 17), (2016, 12, 18), None, "17-18 Dec 2016"),
        ("2017-W04", Precision.WEEK, (2017, 1, 23), (2017, 1, 29), None, "week 23 Jan 2017"),
        ("2011", Precision.YEAR, (2011, 1, 1), (2011, 12, 31), None, "2011"),
    ],
)
def test_dates_show_at_their_own_precision(
    value: str, precision: Precision, start: tuple[int, int, int], end: tuple[int, int, int],
    modifier: str | None, label: str,
) -> None:  # fmt: skip
    when = When(value, precision, dt.date(*start), dt.date(*end), None, modifier)
    assert date_label(when) == label
