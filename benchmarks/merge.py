"""Merge benchmark: this tree's merge against a baseline's, on the same sources, in one run.

    python benchmarks/merge.py [--size 3000] [--corpus DIR] [--baseline REV] [--repeat 3]
                               [--keep FILE]

Writes ``benchmarks/scale.py``'s synthetic corpus of ``--size`` articles (or reads
``--corpus DIR``), tells its articles as a build does, and keeps the sources a build
would merge (``--keep FILE``: in a pickle, read again when it exists). Then, in this
process, it merges them with this tree's ``syriatl.chronicle.merge`` and with the
``merge.py`` of ``--baseline`` (a git revision, default ``main``; it runs against this
tree's model and pattern tables), and prints the median wall and CPU seconds of each, their
ratios (run in turn, each after a garbage collection), and whether the two give the same events (ids, order, texts, sources).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from scale import write_corpus

from syriatl.model import Source

ROOT = Path(__file__).resolve().parent.parent


def told_sources(corpus: Path) -> list[Source]:
    """The sources a build of ``corpus`` hands to the merge, in the order it hands them."""
    from syriatl.chronicle import corrections
    from syriatl.pipeline import Options, build_timeline

    caught: list[Source] = []

    def catch(sources: Any) -> tuple[()]:
        caught.extend(sources)
        return ()

    names = vars(corrections)  # where ``merged`` finds ``merge``
    merging = names["merge"]
    names["merge"] = catch
    try:
        build_timeline([str(corpus)], Options(cache=None))
    finally:
        names["merge"] = merging
    return caught


def baseline(revision: str) -> ModuleType:
    """The merge module of ``revision``, imported beside this tree's."""
    text = subprocess.run(
        ["git", "show", f"{revision}:syriatl/chronicle/merge.py"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="merge-baseline-"))
    path = folder / "baseline_merge.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_merge", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_merge"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def paired(
    works: Sequence[Callable[[], Any]], repeat: int
) -> tuple[list[float], list[float], list[Any]]:
    """The median wall and CPU seconds of each of ``works`` over ``repeat`` rounds, run in
    turn (so that the machine's moods fall on all alike), and the result of each's first
    run. CPU seconds are this process's: on a busy machine they count less of the others'
    work than wall seconds do. Results are let go and collected before each run: the
    garbage collector's work grows with what is alive."""
    walls: list[list[float]] = [[] for _ in works]
    cpus: list[list[float]] = [[] for _ in works]
    results: list[Any] = [None for _ in works]
    for round_ in range(repeat):
        for i, work in enumerate(works):
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            result = work()
            walls[i].append(time.perf_counter() - start)
            cpus[i].append(time.process_time() - cpu)
            if round_ == 0:
                results[i] = result
            del result
    return [statistics.median(t) for t in walls], [statistics.median(t) for t in cpus], results


def sources_of(args: argparse.Namespace) -> Sequence[Source]:
    keep = Path(args.keep) if args.keep else None
    if keep and keep.exists():
        with keep.open("rb") as f:
            loaded: list[Source] = pickle.load(f)
        return loaded
    if args.corpus:
        sources = told_sources(Path(args.corpus))
    else:
        with tempfile.TemporaryDirectory() as folder:
            write_corpus(Path(folder), args.size)
            sources = told_sources(Path(folder))
    if keep:
        with keep.open("wb") as f:
            pickle.dump(sources, f, protocol=pickle.HIGHEST_PROTOCOL)
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--corpus")
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep")
    args = parser.parse_args()
    from syriatl.chronicle import merge as ours

    sources = sources_of(args)
    old = baseline(args.baseline)
    print(f"merge: {len(sources)} sources; median wall seconds of {args.repeat}, in this "
          "process (a shared machine is noisy)")  # fmt: skip
    (base, mine), (base_cpu, mine_cpu), (before, after) = paired(
        [lambda: old.merge(sources), lambda: ours.merge(sources)], args.repeat
    )
    same = "same events" if before == after else "EVENTS DIFFER"
    print(
        f"  wall: this tree {mine:8.3f} s   {args.baseline} {base:8.3f} s   "
        f"ratio {mine / base:5.2f}   {len(after)} events, {same}\n"
        f"  CPU:  this tree {mine_cpu:8.3f} s   {args.baseline} {base_cpu:8.3f} s   "
        f"ratio {mine_cpu / base_cpu:5.2f}"
    )
    if before != after:
        sys.exit(1)


if __name__ == "__main__":
    main()
