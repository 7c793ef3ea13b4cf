"""TempEval-3 Task A benchmark: accuracy of the tagger and its throughput.

    python benchmarks/te3.py --docs ../shared/eval/te3/docs.jsonl [--split timebank ...]
                             [--predictions OUT.jsonl] [--passes 5] [--baseline-docs 30]
                             [--held-out]

Tags every document against its creation date, scores the predictions with the
``score.py`` that sits beside the documents (strict / relaxed / value / type F1 and the
per-type table), and measures warm tagging throughput (median of several passes, one
core) next to ``dateparser.search_dates`` run in the same process on the same documents.
Nothing of the corpus is copied anywhere: it is read from where it lies.

``--held-out`` also scores each split in two parts: the third of its documents kept
apart while developing rules (``held``: those whose SHA-256 of the document id is 0
modulo 3, a split no one picks by hand) and the two thirds rules are developed on
(``dev``). The parts are scored from a temporary copy of the gold with the split
renamed, which is deleted afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from syriatl.model import Resolution
from syriatl.tagger import tag


def load(path: Path, splits: list[str]) -> list[dict[str, Any]]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [d for d in docs if not splits or d["split"] in splits]


def held_out(doc_id: str) -> bool:
    """Whether a document belongs to the third kept apart while developing rules."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def parts(docs: list[dict[str, Any]], folder: Path) -> Path:
    """A gold file whose splits are ``<split>-dev`` and ``<split>-held``."""
    path = folder / "parts.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            part = "held" if held_out(doc["id"]) else "dev"
            handle.write(json.dumps({**doc, "split": f"{doc['split']}-{part}"}) + "\n")
    return path


def predict(doc: dict[str, Any]) -> tuple[Resolution, ...]:
    return tag(doc["text"], dt.date.fromisoformat(doc["dct"]))


def write_predictions(docs: list[dict[str, Any]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for doc in docs:
            timexes = [
                {
                    "start": r.mention.start,
                    "end": r.mention.end,
                    "value": r.value,
                    "type": r.type.value,
                    "text": r.mention.text,
                    "rule": r.rule,
                }
                for r in predict(doc)
            ]
            handle.write(json.dumps({"id": doc["id"], "timexes": timexes}) + "\n")


def score(
    docs_path: Path, predictions: Path, split: str, scorer: Path | None = None
) -> dict[str, Any]:
    """The scorer's figures for one split (with its list of errors), read from its
    ``--json`` output."""
    scorer = scorer or docs_path.parent / "score.py"
    args = [sys.executable, str(scorer), str(docs_path), str(predictions), "--split", split]
    args.append("--errors")
    result = subprocess.run([*args, "--json"], capture_output=True, text=True, check=True)
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def passes(run: Any, count: int) -> float:
    """Median seconds of ``count`` runs after one warm-up."""
    run()
    times = []
    for _ in range(count):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def baseline(doc: dict[str, Any]) -> int:
    import dateparser.search

    base = dt.datetime.fromisoformat(doc["dct"])
    found = dateparser.search.search_dates(
        doc["text"], languages=["en"], settings={"RELATIVE_BASE": base}
    )
    return len(found or ())


def throughput(docs: list[dict[str, Any]], count: int, baseline_docs: int) -> None:
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    ours = passes(lambda: [predict(d) for d in docs], count)
    sample = docs[:baseline_docs]
    sample_size = sum(len(d["text"].encode("utf-8")) for d in sample)
    theirs = passes(lambda: [baseline(d) for d in sample], max(1, min(count, 3)))
    ours_rate, theirs_rate = size / ours / 1e6, sample_size / theirs / 1e6
    print(f"throughput (median of {count} warm passes, one process):")
    print(
        f"  syriatl tag            {ours_rate:8.2f} MB/s  {len(docs) / ours:9.1f} docs/s"
        f"  ({len(docs)} docs, {size / 1e3:.0f} KB)"
    )
    print(
        f"  dateparser baseline    {theirs_rate:8.2f} MB/s  {len(sample) / theirs:9.1f} docs/s"
        f"  ({len(sample)} docs, {sample_size / 1e3:.0f} KB)"
    )
    print(f"  ratio                  {ours_rate / theirs_rate:8.0f}x")


def report(name: str, figures: dict[str, Any], errors: bool) -> None:
    def pct(x: float | None) -> str:
        return "    - " if x is None else f"{100 * x:6.2f}"

    print(
        f"{name:<13} strict F1 {pct(figures['strict']['f1'])}  relaxed F1 "
        f"{pct(figures['relaxed']['f1'])}  value F1 {pct(figures['value']['f1'])}  "
        f"type F1 {pct(figures['type']['f1'])}   (gold {figures['gold']}, "
        f"predicted {figures['predicted']})"
    )
    print(
        f"    {'type':<9}{'gold':>6}{'pred':>6}{'strictR':>9}{'relaxR':>9}{'valAcc':>9}"
        f"{'valR':>9}{'typeAcc':>9}"
    )
    for kind, row in figures["per_gold_type"].items():
        print(
            f"    {kind:<9}{row['gold']:>6}{row['pred']:>6}{pct(row['strict_recall']):>9}"
            f"{pct(row['relaxed_recall']):>9}{pct(row['value_accuracy']):>9}"
            f"{pct(row['value_recall']):>9}{pct(row['type_accuracy']):>9}"
        )
    if errors:
        for doc_id, start, kind, text, gold, predicted in figures["errors"]:
            print(f"  {doc_id}\t{start}\t{kind}\t{text!r}\t{gold}\t{predicted}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--split", action="append", default=[])
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--baseline-docs", type=int, default=30)
    parser.add_argument("--errors", action="store_true", help="list the scorer's errors")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput runs")
    parser.add_argument(
        "--held-out", action="store_true", help="also score the dev and held-out parts"
    )
    args = parser.parse_args()
    splits = args.split or ["timebank", "aquaint"]
    docs = load(args.docs, splits)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.predictions or Path(tmp) / "predictions.jsonl"
        write_predictions(docs, out)
        for split in splits:
            report(split, score(args.docs, out, split), args.errors)
        if args.held_out:
            gold = parts(docs, Path(tmp))
            for split in splits:
                for part in ("dev", "held"):
                    name = f"{split}-{part}"
                    report(name, score(gold, out, name, args.docs.parent / "score.py"), args.errors)
    if not args.no_speed:
        throughput(docs, args.passes, args.baseline_docs)


if __name__ == "__main__":
    main()
