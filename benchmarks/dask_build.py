"""Dask benchmark: a build in one process against the same build on Dask, in one run.

    python benchmarks/dask_build.py [--size 2000] [--workers 2] [--repeat 1] [--keep DIR]

Writes ``benchmarks/scale.py``'s synthetic corpus of ``--size`` articles (a quarter of
them with a dateline without a year, a fifth reposts), then builds it without the cache,
each build a fresh ``syriatl build DIR -f FORMAT --no-cache -o FILE`` process:

- ``one process``: no Dask (the baseline of every ratio);
- ``--dask local``: the cluster of one worker thread that the build starts in its own
  process (its start and stop included);
- ``--dask tcp://``: a cluster of ``--workers`` worker processes on this machine, started
  by this script before the rounds (its start excluded): the jobs, with their files'
  bytes, and the tolds cross processes as they would cross machines.

Prints the wall seconds of each (median of ``--repeat`` rounds, run in turn) and its
ratio to one process, and whether the YAML and the JSON of every Dask build are
byte-identical to those of one process. On a machine of few cores the ratio is the
overhead of the path, not a speed-up: that needs workers on other machines.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale import write_corpus


def build(folder: Path, fmt: str, out: Path, dask: str | None) -> tuple[float, str]:
    """Wall seconds of one build in a fresh process, and the SHA-256 of its output."""
    command = [sys.executable, "-m", "syriatl", "build", str(folder), "-f", fmt]
    command += ["--no-cache", "-q", "-o", str(out)]
    if dask is not None:
        command += ["--dask", dask]
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=folder.parent)
    took = time.perf_counter() - start
    return took, hashlib.sha256(out.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2, help="processes of the tcp cluster")
    parser.add_argument("--repeat", type=int, default=1, help="rounds (median)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()

    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch) / "corpus"
        folder.mkdir(parents=True, exist_ok=True)
        size, _ = write_corpus(folder, args.size)
        print(f"{args.size} articles, {size / 1e6:.1f} MB; {args.repeat} round(s), fresh processes")
        print("as they run:", flush=True)
        with LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": ":0"},
        ) as cluster:
            runs: dict[str, str | None] = {
                "one process": None,
                "--dask local": "local",
                f"--dask tcp:// ({args.workers} workers)": cluster.scheduler_address,
            }
            times: dict[tuple[str, str], list[float]] = {}
            digests: dict[tuple[str, str], set[str]] = {}
            for _ in range(args.repeat):
                for fmt in ("yaml", "json"):
                    for label, dask in runs.items():
                        out = Path(scratch) / f"out.{fmt}"
                        took, digest = build(folder, fmt, out, dask)
                        print(f"  {fmt:<4} {label:<28} {took:7.2f} s", flush=True)
                        times.setdefault((label, fmt), []).append(took)
                        digests.setdefault((label, fmt), set()).add(digest)
        for fmt in ("yaml", "json"):
            base = statistics.median(times["one process", fmt])
            (reference,) = digests["one process", fmt]
            print(f"-f {fmt}:")
            for label in runs:
                took = statistics.median(times[label, fmt])
                same = digests[label, fmt] == {reference}
                print(
                    f"  {label:<28} {took:7.2f} s  {took / base:5.2f}x"
                    + ("" if label == "one process" else f"  byte-identical: {same}")
                )


if __name__ == "__main__":
    main()
