"""Golden timelines: small hand-written corpora whose expected YAML was worked out by hand
(the reasoning is in each expected.yaml's header comment)."""

from __future__ import annotations

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
    built = build_timeline(["."])
    assert timeline_data(built.timeline) == expected
