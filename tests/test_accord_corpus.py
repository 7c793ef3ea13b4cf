"""The accord corpus: eight invented articles about one truce's fortnight, with a
chronology written by hand (tests/corpus/accord/expected.yaml, reasoning in its comments).

Every event is compared exactly as (date, time, kind, status, sources, dissent), where a
source is ``ARTICLE:LINE:EXPRESSION`` (or ``ARTICLE:LINE`` for a headline or entry lead
with no date word) and a dissent is ``REF=DATE``. A failure prints the events missing from
the build and the unexpected ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from syriatl.model import Source
from syriatl.pipeline import build_timeline

FOLDER = Path(__file__).parent / "corpus" / "accord"
EXPECTED: dict[str, Any] = yaml.safe_load((FOLDER / "expected.yaml").read_text("utf-8"))

Row = tuple[str, str | None, str, str, frozenset[str], frozenset[str]]


def ref(source: Source) -> str:
    article, line, expression = source.ref
    return f"{article}:{line}" if expression is None else f"{article}:{line}:{expression}"


def expected_rows() -> set[Row]:
    rows = set()
    for event in EXPECTED["events"]:
        dissent = frozenset(f"{d['ref']}={d['date']}" for d in event.get("dissent", ()))
        rows.add(
            (
                str(event["date"]),
                event.get("time"),
                event["kind"],
                event["status"],
                frozenset(event["sources"]),
                dissent,
            )
        )
    return rows


@pytest.fixture(scope="module")
def built() -> Any:
    return build_timeline([str(FOLDER)]).timeline


def show(rows: set[Row]) -> str:
    def line(row: Row) -> str:
        date, time, kind, status, sources, dissent = row
        head = f"  {date} {time or ''} {kind} ({status})"
        body = "".join(f"\n      {s}" for s in sorted(sources))
        extra = "".join(f"\n      dissent {d}" for d in sorted(dissent))
        return head + body + extra

    return "\n".join(line(r) for r in sorted(rows, key=lambda r: (r[0], r[1] or "", r[2])))


def test_the_hand_written_chronology_is_built_exactly(built: Any) -> None:
    got: set[Row] = {
        (
            event.when.value,
            event.when.time,
            event.kind,
            str(event.status),
            frozenset(ref(s) for s in event.sources),
            frozenset(f"{ref(s)}={s.when.value}" for s in event.conflicts),
        )
        for event in built.events
    }
    want = expected_rows()
    missing, unexpected = want - got, got - want
    assert not missing and not unexpected, (
        f"{len(want)} events expected, {len(got)} built\n"
        f"MISSING ({len(missing)}):\n{show(missing)}\n"
        f"UNEXPECTED ({len(unexpected)}):\n{show(unexpected)}"
    )


@pytest.mark.parametrize("article, origin", sorted(EXPECTED["articles"].items()))
def test_each_article_has_its_hand_written_origin(built: Any, article: str, origin: str) -> None:
    reports = {report.id: report for report in built.articles}
    assert reports[article].provenance.origin == origin


def test_the_wire_story_and_its_reprint_share_one_origin(built: Any) -> None:
    origins = {report.id: report.provenance.origin for report in built.articles}
    assert origins["vw-vote"] is not None
    assert origins["vw-vote"] == origins["gulf-vote"]
    assert origins["gulf-vote"] != origins["tamsin-evac"]
