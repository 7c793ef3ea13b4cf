"""Adversarial text benchmark: does a build take time in proportion to its input?

    python benchmarks/adversarial.py [--sizes 0.1 0.4] [--inputs jan digits ...]
                                     [--timeout 120] [--files-kb 1] [--keep DIR]
    python benchmarks/adversarial.py --sizes 0.1 1 4 --timeout 300    # the full table

The default sizes keep a run to a few minutes; the full table (100 KB, 1 MB, 4 MB) takes
most of an hour, as the tool reads 0.02 to 0.7 MB/s of such text on one core.

For each input (100k-style repetitions of "on Tuesday and ", "1,", "Jan. ", a live blog
of "UPDATE 1130 GMT: " lines, a live blog whose entries carry a sentence each, a wire
round-up of datelines without a year, a long run of digits and spaces, and a realistic
article of invented news prose under a date line), writes the text at each size (in MB)
as one file, and the same text cut into small files of about ``--files-kb`` KB each (cut
only where the repeated unit or a line ends; a headed input repeats its head in each).
Then, each in a fresh process, runs ``syriatl build FILE -f yaml``, ``syriatl tag FILE``
and ``syriatl build FOLDER -f yaml`` on the small files, and prints seconds per MB at
each size and how the s/MB grows from each size to the next (about 1x when linear).
Seconds are CPU seconds (user + system) of the process and its workers, less the
start-up cost of the same command on a one-line article (measured first, printed), so
that a shared machine and the fixed start-up do not hide the growth; below about 100 KB
that subtraction leaves mostly noise. A run that exceeds ``--timeout`` seconds of wall
time is shown as ``>T``.
"""

from __future__ import annotations

import argparse
import random
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

MB = 1_000_000

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PLACES = ("Valdora", "Kestrin", "Olmwick", "Tarsel", "Brennmoor", "Quillan", "Ostrava Nova",
          "Harrowgate East", "Selby Fen", "Marrowdale")  # fmt: skip
ACTORS = ("the regional governor", "a council spokeswoman", "the harbour authority",
          "the relief agency", "the opposition bloc", "a senior negotiator")  # fmt: skip
THINGS = ("a ceasefire", "a supply convoy", "a round of talks", "an evacuation",
          "a local truce", "a prisoner exchange")  # fmt: skip


def repeated(unit: str) -> Callable[[int], list[str]]:
    """Pieces of ``unit`` repeated to ``size`` bytes (each piece one unit)."""

    def pieces(size: int) -> list[str]:
        return [unit] * max(1, size // len(unit))

    return pieces


def live_blog(size: int) -> list[str]:
    """Timed entries, newest first, each with one sentence, under a title and a date line."""
    rng = random.Random(11)
    out = ["Live: Valdora talks updates\n\nMarch 14, 2019\n\n"]
    total = len(out[0])
    clock = 23 * 60 + 59
    while total < size:
        clock = (clock - rng.randint(1, 9)) % (24 * 60)
        place, thing = rng.choice(PLACES), rng.choice(THINGS)
        line = f"UPDATE {clock // 60:02d}{clock % 60:02d} GMT: {thing.capitalize()} in {place} held on {rng.choice(WEEKDAYS)}.\n\n"
        out.append(line)
        total += len(line)
    return out


def datelines(size: int) -> list[str]:
    """A wire round-up: paragraphs that each open with a dateline without a year."""
    rng = random.Random(7)
    out, total = [], 0
    while total < size:
        para = (
            f"{rng.choice(PLACES).upper()}, {MONTHS[rng.randint(0, 11)]} {rng.randint(1, 28)} – "
            f"Talks on {rng.choice(THINGS)} resumed on {rng.choice(WEEKDAYS)}, officials said.\n\n"
        )
        out.append(para)
        total += len(para)
    return out


def digits(size: int) -> list[str]:
    """Runs of one to four digits separated by single spaces, in 1 KB pieces."""
    rng = random.Random(5)
    out, total = [], 0
    while total < size:
        piece = " ".join(str(rng.randint(0, 9999)) for _ in range(200)) + " "
        out.append(piece)
        total += len(piece)
    return out


def article(size: int) -> list[str]:
    """A long invented news article: a title, a date line, then paragraphs with dates."""
    rng = random.Random(3)
    head = "Talks on the Valdora corridor drag on\n\nMarch 14, 2019\n\n"
    out, total = [head], len(head)
    while total < size:
        place, place2 = rng.sample(PLACES, 2)
        actor, thing = rng.choice(ACTORS), rng.choice(THINGS)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        para = (
            f"{actor.capitalize()} said on {rng.choice(WEEKDAYS)} that {thing} in {place} had "
            f"held since {MONTHS[month - 1]} {day}, 2018, a week after shelling near {place2} "
            f"killed {rng.randint(2, 40)} people. Officials will meet again next "
            f"{rng.choice(WEEKDAYS)}, and the talks that began in {rng.randint(2011, 2018)} "
            f"could end this year, {actor} added.\n\n"
        )
        out.append(para)
        total += len(para)
    return out


INPUTS: dict[str, Callable[[int], list[str]]] = {
    "tuesday": repeated("on Tuesday and "),
    "one-comma": repeated("1,"),
    "jan": repeated("Jan. "),
    "update-lines": repeated("UPDATE 1130 GMT: \n"),
    "live-blog": live_blog,
    "datelines": datelines,
    "digits": digits,
    "article": article,
}


# Inputs whose first piece is a page head (title and date line), which each small file
# repeats so that it is an article of its own, dated as the long one is.
HEADED = frozenset({"live-blog", "article"})


def chunks(pieces: list[str], size: int, headed: bool = False) -> list[str]:
    """The pieces joined into texts of about ``size`` bytes each; with ``headed``, every
    text after the first opens with the first piece too."""
    head = pieces[0] if headed else ""
    out: list[str] = []
    current: list[str] = []
    length = 0
    for piece in pieces:
        if head and out and not current:
            current.append(head)
        current.append(piece)
        length += len(piece)
        if length >= size:
            out.append("".join(current))
            current, length = [], 0
    if current:
        out.append("".join(current))
    return out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], timeout: float) -> float | None:
    """CPU seconds of the command in a fresh process; None when it ran out of wall time."""
    before = _children_cpu()
    try:
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout,
                       check=True)  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    return _children_cpu() - before


def start_up(syriatl: list[str], root: Path, timeout: float) -> dict[str, float]:
    """The least CPU seconds of three runs of each command on a one-line article."""
    tiny = root / "tiny" / "tiny.txt"
    tiny.parent.mkdir(parents=True, exist_ok=True)
    tiny.write_text("March 3, 2019\n\nIt rained in Valdora on Sunday.\n", encoding="utf-8")
    commands = {"build": [*syriatl, "build", str(tiny), "-f", "yaml"],
                "tag": [*syriatl, "tag", str(tiny)],
                "many": [*syriatl, "build", str(tiny.parent), "-f", "yaml"]}  # fmt: skip
    return {k: min(timed(c, timeout) or 0.0 for _ in range(3)) for k, c in commands.items()}


def cell(seconds: float | None, megabytes: float, timeout: float) -> str:
    return (
        f"{seconds / megabytes:>9.2f}" if seconds is not None else f"{'>' + str(int(timeout)):>9}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.4], help="MB")
    parser.add_argument("--inputs", nargs="+", choices=list(INPUTS), default=list(INPUTS))
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--files-kb", type=float, default=1, help="size of each small file")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    parser.add_argument("--command", default=str(Path(sys.executable).with_name("syriatl")),
                        help="the syriatl command to time (default: this environment's)")  # fmt: skip
    args = parser.parse_args()
    syriatl = shlex.split(args.command)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        base = start_up(syriatl, root, args.timeout)
        print("start-up CPU s (subtracted): " + ", ".join(f"{k} {v:.2f}" for k, v in base.items()))
        print(f"{'input':>13} {'MB':>5} {'build s/MB':>10} {'tag s/MB':>9} {'files':>6} "
              f"{'many s/MB':>9}")  # fmt: skip
        for name in args.inputs:
            history: list[dict[str, float | None]] = []
            for size in args.sizes:
                pieces = INPUTS[name](int(size * MB))
                text = "".join(pieces)
                megabytes = len(text.encode("utf-8")) / MB
                folder = root / f"{name}-{size}"
                shutil.rmtree(folder, ignore_errors=True)
                (folder / "many").mkdir(parents=True)
                single = folder / f"{name}.txt"
                single.write_text(text, encoding="utf-8")
                small = chunks(pieces, int(args.files_kb * 1000), name in HEADED)
                for index, part in enumerate(small):
                    (folder / "many" / f"p{index:05d}.txt").write_text(part, encoding="utf-8")
                figures = {
                    "build": timed([*syriatl, "build", str(single), "-f", "yaml"], args.timeout),
                    "tag": timed([*syriatl, "tag", str(single)], args.timeout),
                    "many": timed([*syriatl, "build", str(folder / "many"), "-f", "yaml"],
                                  args.timeout),
                }  # fmt: skip
                figures = {k: v - base[k] if v is not None else None for k, v in figures.items()}
                many_mb = sum(len(part.encode("utf-8")) for part in small) / MB
                sizes = {"build": megabytes, "tag": megabytes, "many": many_mb}
                per_mb = {k: v / sizes[k] if v is not None else None for k, v in figures.items()}
                history.append(per_mb)
                print(f"{name:>13} {megabytes:>5.2f} {cell(figures['build'], megabytes, args.timeout):>10} "
                      f"{cell(figures['tag'], megabytes, args.timeout)} {len(small):>6} "
                      f"{cell(figures['many'], many_mb, args.timeout)}", flush=True)  # fmt: skip
            steps = {k: " ".join(_growth(a[k], b[k]) for a, b in pairwise(history))
                     for k in ("build", "tag", "many")}  # fmt: skip
            print(f"{name:>13} s/MB growth from each size to the next: "
                  + ", ".join(f"{k} {v}" for k, v in steps.items()))  # fmt: skip


def _growth(before: float | None, after: float | None) -> str:
    """How many times the s/MB grew (about 1 when linear); "-" when a figure is missing
    or too small to divide by (start-up noise at the smallest size)."""
    if before is None or after is None or before <= 0.5:
        return "-"
    return f"{after / before:.1f}x"


if __name__ == "__main__":
    main()
