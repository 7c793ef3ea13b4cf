"""Grammar benchmark: what the rule tables cost a cold run, and how fast detection reads.

    python benchmarks/grammar.py [--docs ../shared/eval/te3/docs.jsonl] [--runs 5]
                                 [--passes 7] [--vs OTHER_CHECKOUT]

Cold, each figure the median over ``--runs`` fresh processes:
  - the grammar build (``grammar()``), then the first ``detect`` of a short sentence;
  - the grammar's share of reading the ``seeds/`` articles: the build, plus what the first
    scan of their texts costs over a second, warm scan (the rules compiled on the way).
Warm, in one process, each figure the median of ``--passes`` interleaved passes over the
same texts (the TempEval-3 documents, or an invented corpus when the file is missing):
  - ``detect`` and ``tag`` (detection and resolution) in MB/s;
  - a bare case-insensitive regex scan for month and weekday names and numbers, the
    baseline both are given as a ratio of.
``--vs`` measures another source checkout (its ``syriatl`` package) the same way, in
processes of its own, and prints its figures beside these.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
BARE = (
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b|\d+"
)
SENTENCES = (
    "The talks in Velmora ended on Tuesday after the two delegations failed to agree.",
    "Officials said the ceasefire would take effect at midnight on Jan. 5, 2017.",
    "About 40 people were killed in the past three days, the monitor said.",
    "The company reported a third-quarter loss of $12 million, or 30 cents a share.",
    "Rebels seized the town in March 2016 and held it until last December.",
    "A spokesman for the mediators said they would meet again next month.",
    "The vote, held two weeks ago, was the first since the 1990s.",
    "Prices rose 2.5 percent in the year to September, the agency said on Friday.",
)

COLD = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from syriatl.grammar import grammar, scan
from syriatl.detect import detect
imported = time.perf_counter()
grammar()
built = time.perf_counter()
detect("The talks resumed on Tuesday, May 5.")
first = time.perf_counter()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
a = time.perf_counter()
for text in texts:
    list(scan(text))
b = time.perf_counter()
for text in texts:
    list(scan(text))
c = time.perf_counter()
print(json.dumps({"import": imported - start, "build": built - imported,
                  "first_detect": first - built, "seeds": (built - imported) + (b - a) - (c - b)}))
"""

WARM = """
import datetime as dt, json, re, statistics, sys, time
from syriatl.detect import detect
from syriatl.tagger import tag
docs = json.loads(sys.stdin.read())
size = sum(len(d["text"].encode("utf-8")) for d in docs)
bare = re.compile(sys.argv[2], re.IGNORECASE)
runs = {
    "bare": lambda: [sum(1 for _ in bare.finditer(d["text"])) for d in docs],
    "detect": lambda: [detect(d["text"]) for d in docs],
    "tag": lambda: [tag(d["text"], dt.date.fromisoformat(d["dct"])) for d in docs],
}
for run in runs.values():
    run()
times = {name: [] for name in runs}
for _ in range(int(sys.argv[1])):
    for name, run in runs.items():
        started = time.perf_counter()
        run()
        times[name].append(time.perf_counter() - started)
print(json.dumps({name: size / statistics.median(t) / 1e6 for name, t in times.items()}))
"""


def corpus(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The documents to read: the TempEval-3 ones, or invented ones when they are missing."""
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        docs = [json.loads(line) for line in lines if line]
        return f"TempEval-3, {len(docs)} documents", [
            {"text": d["text"], "dct": d["dct"]} for d in docs
        ]
    rng = random.Random(12)
    docs = [
        {"text": " ".join(rng.choice(SENTENCES) for _ in range(25)), "dct": "2017-01-24"}
        for _ in range(200)
    ]
    return f"invented, {len(docs)} documents ({path} is missing)", docs


def run(tree: Path, code: str, args: list[str], stdin: str = "") -> dict[str, float]:
    """Run ``code`` in a fresh process that imports ``syriatl`` from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tree.parent,  # not the checkout itself: its folder would shadow PYTHONPATH
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def cold(tree: Path, runs: int) -> dict[str, float]:
    samples = [run(tree, COLD, [str(HERE / "seeds")]) for _ in range(runs)]
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=HERE / "../shared/eval/te3/docs.jsonl")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per cold figure")
    parser.add_argument("--passes", type=int, default=7, help="warm passes per figure")
    parser.add_argument("--vs", type=Path, help="another checkout to measure beside this one")
    args = parser.parse_args()
    trees = {"this": HERE}
    if args.vs:
        trees["vs"] = args.vs.resolve()
    label, docs = corpus(args.docs)
    payload = json.dumps(docs)
    size = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    print(f"cold: median of {args.runs} fresh processes; warm: {label}, {size:.2f} MB,")
    print(f"median of {args.passes} interleaved passes in one process per checkout")
    results = {}
    for name, tree in trees.items():
        results[name] = {
            **cold(tree, args.runs),
            **run(tree, WARM, [str(args.passes), BARE], payload),
        }
    header = f"{'':38}" + "".join(f"{name:>12}" for name in trees)
    print(header + ("       this/vs" if args.vs else ""))
    rows = [
        ("import of the grammar and detect (s)", "import"),
        ("grammar build (s)", "build"),
        ("first detect after the build (s)", "first_detect"),
        ("grammar share of reading seeds/ (s)", "seeds"),
        ("bare month/weekday/digit scan MB/s", "bare"),
        ("detect MB/s", "detect"),
        ("tag MB/s", "tag"),
    ]
    for title, key in rows:
        values = [results[name][key] for name in trees]
        line = f"{title:38}" + "".join(f"{v:12.3f}" for v in values)
        if args.vs:
            line += f"{values[0] / values[1]:14.2f}"
        print(line)
    for name in trees:
        figures = results[name]
        print(
            f"{name}: detect at {figures['detect'] / figures['bare']:.0%} of the bare scan,"
            f" tag at {figures['tag'] / figures['bare']:.0%} (same process)"
        )


if __name__ == "__main__":
    main()
