"""Golden timelines: small hand-written corpora whose expected YAML was worked out by hand
(the reasoning is in each expected.yaml's header comment). Event ids are content hashes,
which no hand can work out: they are compared apart, by their properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from syriatl.pipeline import build_timeline
from syriatl.render import timeline_data

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_timeline_is_what_a_careful_reader_writes(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(GOLDEN / case)
    expected = yaml.safe_load((GOLDEN / case / "expected.yaml").read_text(encoding="utf-8"))
    built = timeline_data(build_timeline(["."]).timeline)
    ids = [event.pop("id") for event in built["events"]]
    assert built == expected
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"ev-[0-9a-f]{10}", i) for i in ids)


def test_event_ids_survive_a_rebuild_and_new_wording_and_change_with_the_source(
    tmp_path: Path,
) -> None:
    story = "Talks End\n\nMarch 6, 2019\n\nNegotiators left Geneva on Wednesday.\n"

    def lead_id(expression: str) -> str:
        events = build_timeline([str(tmp_path)]).timeline.events
        (event,) = [e for e in events if any(s.expression == expression for s in e.sources)]
        return event.id

    (tmp_path / "a.txt").write_text(story)
    first = lead_id("Wednesday")
    (tmp_path / "b.txt").write_text("Other News\n\nMarch 1, 2019\n\nAid reached Douma on Friday.\n")
    assert lead_id("Wednesday") == first
    # The id comes from the source (article, line, expression), not from the words.
    (tmp_path / "a.txt").write_text(story.replace("left", "quit"))
    assert lead_id("Wednesday") == first
    (tmp_path / "a.txt").write_text(story.replace("on Wednesday", "on Tuesday"))
    assert lead_id("Tuesday") != first


@pytest.mark.parametrize("case", CASES)
def test_copies_of_a_corpus_under_other_names_only_multiply_the_sources(
    case: str, tmp_path: Path
) -> None:
    for n in range(3):
        for article in (GOLDEN / case).glob("*.txt"):
            (tmp_path / f"copy{n}-{article.name}").write_bytes(article.read_bytes())
    once = build_timeline([str(GOLDEN / case)]).timeline.events
    thrice = build_timeline([str(tmp_path)]).timeline.events
    # The same events, in the same order, each told three times as often.
    assert [(e.when, e.text, e.kind) for e in thrice] == [(e.when, e.text, e.kind) for e in once]
    assert [len(e.sources) for e in thrice] == [3 * len(e.sources) for e in once]
    assert [len(e.conflicts) for e in thrice] == [3 * len(e.conflicts) for e in once]
