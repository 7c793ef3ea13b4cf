"""Reading benchmark: large inputs through the reading stage, and optionally the build.

    python benchmarks/reading.py [--build] [--timeout 600]

Writes a single line of 1 MB and 10 MB and files of many short paragraphs of 1 MB and
50 MB (invented text), then times discovery, decoding, front matter and the language
check (``read_article``) in this process; with ``--build`` it also times
``syriatl build FILE -f yaml -o OUT`` in a fresh process, stopped after ``--timeout``
seconds. Prints seconds and seconds per MB for each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from syriatl.discover import discover
from syriatl.ingest import read_article

HEADER = "Talks Go On in Velmora\n\nMarch 12, 2019\n\n"
SENTENCE = "The talks in Velmora went on for another day, officials said. "
PARAGRAPH = "The talks in Karvana went on for another day, officials said on Tuesday.\n\n"
CASES = (
    ("one line, 1 MB", SENTENCE, 1),
    ("one line, 10 MB", SENTENCE, 10),
    ("paragraphs, 1 MB", PARAGRAPH, 1),
    ("paragraphs, 50 MB", PARAGRAPH, 50),
)


def write(folder: Path, name: str, unit: str, megabytes: int) -> Path:
    path = folder / f"{name.replace(' ', '').replace(',', '-')}.txt"
    path.write_text(HEADER + unit * (megabytes * 1_000_000 // len(unit)) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also time the whole build")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    syriatl = str(Path(sys.executable).with_name("syriatl"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, unit, megabytes in CASES:
            path = write(folder, name, unit, megabytes)
            start = time.perf_counter()
            read = read_article(discover([str(path)]).files[0])
            seconds = time.perf_counter() - start
            assert read.article is not None, read.problem
            line = f"{name:>18}: read {seconds:6.2f} s ({seconds / megabytes:.3f} s/MB)"
            if args.build:
                out = folder / "out.yaml"
                start = time.perf_counter()
                try:
                    subprocess.run(
                        [syriatl, "build", str(path), "-f", "yaml", "-o", str(out)],
                        check=True,
                        capture_output=True,
                        timeout=args.timeout,
                    )
                    seconds = time.perf_counter() - start
                    line += f"; build {seconds:7.1f} s ({seconds / megabytes:.1f} s/MB)"
                except subprocess.TimeoutExpired:
                    line += f"; build stopped after {args.timeout:.0f} s"
            print(line, flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
