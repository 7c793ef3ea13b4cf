"""Error classes on unseen text: how many invented cases of each class an installed
syriatl gets right, next to a baseline build.

    python benchmarks/unseen.py [--bin .venv/bin] [--vs OTHER_VENV/bin]

Reads every case file in ``tests/cases/unseen/`` (see ``tests/test_unseen.py`` for the
schema), runs the ``syriatl`` of each ``bin`` folder on them as a user would (``syriatl
tag --dct`` for values, ``syriatl build -f json`` for the event's date, instant and zone)
and prints, per class, the cases right out of the cases checked. ``--failures`` lists
what each build got wrong.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from unseen_cases import article, dated_event, event_fields, load


def tagged(bin_dir: Path, cases: list[dict[str, Any]], folder: Path) -> list[list[dict[str, Any]]]:
    """What ``syriatl tag`` finds in each case, one run per publication date."""
    found: list[list[dict[str, Any]]] = [[] for _ in cases]
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        (folder / f"t{i:04d}.txt").write_text(case["text"] + "\n", encoding="utf-8")
        by_day[str(case["published"])].append(i)
    for day, indices in sorted(by_day.items()):
        files = [str(folder / f"t{i:04d}.txt") for i in indices]
        run = subprocess.run(
            [str(bin_dir / "syriatl"), "tag", "--dct", day, "-f", "jsonl", *files],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        for line in run.stdout.splitlines():
            row = json.loads(line)
            found[int(Path(row["file"]).stem[1:])].append(row)
    return found


def built(bin_dir: Path, cases: list[dict[str, Any]], folder: Path) -> dict[int, dict[str, Any]]:
    """The event each case's expression dates, one build per case (two cases of one text
    built together would merge into one event)."""
    out: dict[int, dict[str, Any]] = {}
    for i, case in enumerate(cases):
        if not event_fields(case):
            continue
        corpus = folder / f"corpus{i:04d}"
        corpus.mkdir()
        (corpus / "case.txt").write_text(article(case), encoding="utf-8")
        run = subprocess.run(
            [str(bin_dir / "syriatl"), "build", str(corpus), "-f", "json"],
            capture_output=True, text=True,
        )  # fmt: skip
        events = json.loads(run.stdout)["events"] if run.returncode == 0 else []
        event = dated_event(case, events)
        if event is not None:
            out[i] = event
    return out


def judge(case: dict[str, Any], found: list[dict[str, Any]], event: dict[str, Any] | None) -> str:
    """Empty when the build got the case right, else what it gave."""
    if case.get("nothing"):
        return "" if not found else "found " + ", ".join(r["text"] for r in found)
    values = [r["value"] for r in found if r["text"] == case["expression"]]
    if values[:1] != [str(case["value"])]:
        return f"value {values[:1] or None}"
    fields = event_fields(case)
    got = {k: str((event or {}).get(k)) for k in fields}
    return "" if got == fields else f"event {got}"


def score(bin_dir: Path, entries: list[tuple[str, int, dict[str, Any]]]) -> dict[str, list[str]]:
    cases = [c for _, _, c in entries]
    with tempfile.TemporaryDirectory() as tmp:
        found = tagged(bin_dir, cases, Path(tmp))
        events = built(bin_dir, cases, Path(tmp))
    wrong: dict[str, list[str]] = defaultdict(list)
    for i, (name, number, case) in enumerate(entries):
        verdict = judge(case, found[i], events.get(i))
        wrong[name].append(f"{name}-{number} {case.get('text')!r}: {verdict}" if verdict else "")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", type=Path, default=Path(".venv/bin"))
    parser.add_argument("--vs", type=Path, help="the bin folder of a baseline build")
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    entries = load()
    runs = {"this build": score(args.bin, entries)}
    if args.vs:
        runs["baseline"] = score(args.vs, entries)
    names = sorted({name for name, _, _ in entries})
    print(f"{'class':<16}{'cases':>6}" + "".join(f"{label:>14}" for label in runs))
    for name in names:
        total = len(runs["this build"][name])
        cells = "".join(
            f"{sum(1 for v in run[name] if not v):>9}/{total:<4}" for run in runs.values()
        )
        print(f"{name:<16}{total:>6}{cells}")
    if args.failures:
        for label, run in runs.items():
            print(f"\n{label}:")
            for name in names:
                for verdict in run[name]:
                    if verdict:
                        print("  " + verdict)


if __name__ == "__main__":
    main()
