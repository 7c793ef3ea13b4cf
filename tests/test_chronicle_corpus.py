"""The hand-written truce corpus: the built chronology must be exactly the expected one.

``tests/corpus/truce/expected.yaml`` lists every event (date, time, kind, status, basis,
the set of source references and the dissenting references with their dates) and the
site and origin of every article, all worked out by hand from the text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from syriatl import metadata
from syriatl.model import Event, Source
from syriatl.pipeline import build_timeline

CORPUS = Path(__file__).parent / "corpus" / "truce"

Key = tuple[str, str | None, frozenset[str]]


def ref(source: Source) -> str:
    """The string form of a source's stable reference."""
    article, line, expression = source.ref
    return f"{article}:{line}" if expression is None else f"{article}:{line}:{expression}"


def plain(value: Any) -> Any:
    """metadata.load gives mappings as tuples of (key, value) pairs: make them dicts."""
    if isinstance(value, tuple):
        return {k: plain(v) for k, v in value}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def expected() -> dict[str, Any]:
    value = metadata.load((CORPUS / "expected.yaml").read_text(encoding="utf-8"), "expected.yaml")
    found = plain(value)
    assert isinstance(found, dict)
    return found


def built_row(event: Event) -> dict[str, Any]:
    return {
        "date": event.when.value,
        "time": event.when.time,
        "kind": event.kind,
        "status": str(event.status),
        "basis": str(event.basis),
        "sources": frozenset(ref(s) for s in event.sources),
        "dissent": frozenset((ref(s), s.when.value) for s in event.conflicts),
    }


def expected_row(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": str(entry["date"]),
        "time": entry.get("time"),
        "kind": entry["kind"],
        "status": entry["status"],
        "basis": entry["basis"],
        "sources": frozenset(entry["sources"]),
        "dissent": frozenset((d["ref"], str(d["date"])) for d in entry.get("dissent") or ()),
    }


def key(row: dict[str, Any]) -> Key:
    return (row["date"], row["time"], row["sources"])


def show(row: dict[str, Any]) -> str:
    when = row["date"] + (f" {row['time']}" if row["time"] else "")
    refs = ", ".join(sorted(row["sources"]))
    return f"{when} {row['kind']}/{row['status']}/{row['basis']}: {refs}"


def diff(want: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[str]:
    """Readable differences: missing events, unexpected events, wrong fields."""
    wanted = {key(r): r for r in want}
    built = {key(r): r for r in got}
    lines = [
        f"missing:    {show(wanted[k])}" for k in sorted(wanted.keys() - built.keys(), key=str)
    ]
    lines += [
        f"unexpected: {show(built[k])}" for k in sorted(built.keys() - wanted.keys(), key=str)
    ]
    for k in sorted(wanted.keys() & built.keys(), key=str):
        for field in ("kind", "status", "basis", "dissent"):
            if wanted[k][field] != built[k][field]:
                lines.append(
                    f"wrong {field}: {show(wanted[k])}: expected {sorted(wanted[k][field])!r}"
                    f" got {sorted(built[k][field])!r}"
                    if field == "dissent"
                    else f"wrong {field}: {show(wanted[k])}: got {built[k][field]}"
                )
    return lines


@pytest.fixture(scope="module")
def build() -> Any:
    return build_timeline([str(CORPUS)])


def test_the_chronology_is_exactly_the_expected_one(build: Any) -> None:
    want = [expected_row(e) for e in expected()["events"]]
    got = [built_row(e) for e in build.timeline.events]
    problems = diff(want, got)
    assert not problems, "\n" + "\n".join(problems)


ARTICLES = sorted(expected()["articles"].items())


@pytest.mark.parametrize(("article", "outlet"), ARTICLES, ids=[a for a, _ in ARTICLES])
def test_each_article_has_its_site_and_origin(
    build: Any, article: str, outlet: dict[str, Any]
) -> None:
    reports = {r.id: r for r in build.timeline.articles}
    provenance = reports[article].provenance
    assert (provenance.site, provenance.origin) == (outlet["site"], outlet["origin"])


def test_a_wire_story_and_its_two_reprints_count_one_origin(build: Any) -> None:
    # vw-truce is the wire's copy; gulf-truce and meridian-truce reprint it.
    origins = {r.provenance.origin for r in build.timeline.articles if r.id.endswith("-truce")}
    assert origins == {"Velmora Wire"}
