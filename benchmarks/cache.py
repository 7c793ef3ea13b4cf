"""Cache benchmark: a cold build against rebuilds from the cache, in one run.

    python benchmarks/cache.py [--size 10000] [--added 10] [--jobs 1] [--repeat 1]
                               [--keep DIR] [--python PY]

Writes ``benchmarks/scale.py``'s synthetic corpus of ``--size`` articles, then, in a
fresh process each, builds it and writes its YAML (as ``syriatl build DIR -f yaml -o
FILE`` does):

- ``no cache``: without a cache (the baseline of every ratio);
- ``cold``: into an empty cache (what keeping costs);
- ``rebuild``: again, unchanged, from the cache ``cold`` filled (target: at most 15% of
  the baseline);
- ``+N``: with ``--added`` new articles of the same generator beside the others, from a
  copy of that cache (the cost of N articles and the merge).

Prints the wall seconds of each (median of ``--repeat`` rounds, run in turn), its ratio
to ``no cache``, the seconds of the build and of the YAML apart, the build split into telling the
articles (afresh or from the cache: everything of the build but the merge) and the
merge, the cache's size, and whether the output of every run with a cache is
byte-identical to the one without.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from scale import write_corpus

CHILD = """
import json, sys, time
from pathlib import Path
import syriatl
from syriatl.chronicle import corrections
from syriatl.pipeline import Options, build_timeline
from syriatl.render import timeline_sections, yaml_chunks
merging = []
merged = corrections.merged
def timed_merge(*args, **kwargs):
    began = time.perf_counter()
    try:
        return merged(*args, **kwargs)
    finally:
        merging.append(time.perf_counter() - began)
corrections.merged = timed_merge  # the build looks it up at each call
started = time.perf_counter()
cache = sys.argv[3] if sys.argv[3] != "-" else None
built = build_timeline([sys.argv[1]], Options(jobs=int(sys.argv[4]), cache=cache))
middle = time.perf_counter()
with Path(sys.argv[2]).open("w", encoding="utf-8") as out:
    out.writelines(yaml_chunks(timeline_sections(built.timeline)))
done = time.perf_counter()
print(json.dumps({"seconds": done - started, "build": middle - started, "yaml": done - middle,
                  "merge": sum(merging),
                  "warnings": [w for w in built.warnings if "cache" in w],
                  "module": syriatl.__file__}))
"""


def run(python: str, folder: Path, cache: Path | None, jobs: int) -> tuple[dict[str, Any], str]:
    """One build in a fresh process, in a neutral folder (so that it imports its own
    interpreter's ``syriatl``): its figures and the SHA-256 of its YAML."""
    with tempfile.TemporaryDirectory() as neutral:
        out = Path(neutral) / "timeline.yaml"
        where = str(cache) if cache else "-"
        command = [python, "-c", CHILD, str(folder.resolve()), str(out), where, str(jobs)]
        result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=neutral)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
    figures: dict[str, Any] = json.loads(result.stdout)
    if figures["warnings"]:
        sys.exit(f"the cache warned: {figures['warnings']}")
    return figures, digest


def add_articles(folder: Path, size: int, added: int) -> list[Path]:
    """Write the ``added`` articles the generator makes after the first ``size`` (the
    first ``size`` files are the same bytes) and their ``sources.yaml``; the new files."""
    with tempfile.TemporaryDirectory() as more:
        write_corpus(Path(more), size + added)
        new = sorted(
            {p.name for p in Path(more).glob("*.txt")} - {p.name for p in folder.glob("*.txt")}
        )
        for name in new:
            shutil.copy(Path(more) / name, folder / name)
        shutil.copy(Path(more) / "sources.yaml", folder / "sources.yaml")
    return [folder / name for name in new]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--added", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="rounds (median)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--python", default=sys.executable, help="interpreter of the code")
    args = parser.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {}
    digests: dict[str, set[str]] = {}
    sizes: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        folder = root / f"corpus-{args.size}"
        folder.mkdir(parents=True, exist_ok=True)
        write_corpus(folder, args.size)
        original = (folder / "sources.yaml").read_bytes()
        for round_ in range(args.repeat):
            caches = Path(tmp) / f"caches-{round_}"

            def measure(label: str, cache: Path | None) -> None:
                figures, digest = run(args.python, folder, cache, args.jobs)
                runs.setdefault(label, []).append(figures)
                digests.setdefault(label, set()).add(digest)

            measure("no cache", None)
            measure("cold", caches / "a")
            measure("rebuild", caches / "a")
            sizes.append(sum(p.stat().st_size for p in (caches / "a").iterdir()))
            shutil.copytree(caches / "a", caches / "b")
            new = add_articles(folder, args.size, args.added)
            measure(f"+{args.added} no cache", None)
            measure(f"+{args.added}", caches / "b")
            for path in new:
                path.unlink()
            (folder / "sources.yaml").write_bytes(original)
            shutil.rmtree(caches)
    module = runs["no cache"][0]["module"]
    print(f"{args.size} articles, --jobs {args.jobs}, {args.repeat} round(s), syriatl of {module}")
    base = statistics.median(f["seconds"] for f in runs["no cache"])
    print(f"{'run':>16} {'s':>7} {'/ no cache':>10} {'build s':>8} {'told s':>7} "
          f"{'merge s':>7} {'yaml s':>7}")  # fmt: skip
    for label, figures in runs.items():
        seconds = statistics.median(f["seconds"] for f in figures)
        build = statistics.median(f["build"] for f in figures)
        told = statistics.median(f["build"] - f["merge"] for f in figures)
        merge = statistics.median(f["merge"] for f in figures)
        yaml = statistics.median(f["yaml"] for f in figures)
        print(f"{label:>16} {seconds:>7.2f} {seconds / base:>10.2f} {build:>8.2f} {told:>7.2f} "
              f"{merge:>7.2f} {yaml:>7.2f}")  # fmt: skip
    added = f"+{args.added}"
    rebuild = statistics.median(f["seconds"] for f in runs["rebuild"])
    grown = statistics.median(f["seconds"] for f in runs[added])
    print(f"{added} over the rebuild: {grown - rebuild:+.2f} s "
          f"({(grown - rebuild) / args.added * 1000:+.0f} ms an added article)")  # fmt: skip
    print(f"cache file: {statistics.median(sizes) / 1e6:.1f} MB "
          f"({statistics.median(sizes) / args.size / 1e3:.1f} KB an article)")  # fmt: skip
    same = all(len(d) == 1 for d in digests.values())
    same = same and digests["no cache"] == digests["cold"] == digests["rebuild"]
    same = same and digests[f"{added} no cache"] == digests[added]
    print(f"byte-identical with and without the cache: {'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
