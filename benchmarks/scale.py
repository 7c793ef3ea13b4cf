"""Scale benchmark: the whole build on synthetic corpora of growing size.

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--jobs 1 2] [--keep DIR]

Writes corpora of hand-written article templates (wire stories with and without a year
in their dateline, live blogs with timed entries, scraped pages with menus and reader
comments, and reposts of earlier stories by other outlets) with varied dates, places and
outlets into a temporary folder; then, in a fresh process per run, builds the timeline
and writes it as YAML, as ``syriatl build DIR -f yaml -o FILE`` does. Prints wall time,
articles/s, MB/s and peak memory (max RSS of that process) per size and job count, the
ratio of each size's time to the previous size's, and the speed-up of more jobs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CITIES = ("BEIRUT", "MOSCOW", "ANKARA", "GENEVA", "AMMAN", "ASTANA", "TEHRAN", "DAMASCUS")
PLACES = ("Aleppo", "Idlib", "Douma", "Homs", "Deir ez-Zor", "Raqqa", "Daraa", "Hama",
          "al-Bab", "Manbij", "Qamishli", "Latakia", "Palmyra", "Madaya", "Zabadani")  # fmt: skip
ACTORS = ("the foreign minister", "the UN envoy", "a rebel spokesman", "the defence ministry",
          "the monitoring group", "the Red Crescent", "the opposition delegation",
          "a government negotiator")  # fmt: skip
OUTLETS = tuple(f"Outlet {i:02d}" for i in range(12))
THINGS = ("a ceasefire", "an aid convoy", "a prisoner exchange", "a round of talks",
          "an evacuation", "a local truce", "a monitoring mission")  # fmt: skip

WIRE = """{title}

{date_line}

{city}, {mon} {day} ({agency}) – {actor_cap} said on {w0} that {thing} in {place} had held, a day after shelling on {w1} killed {n} people.

The offensive on {place2} began on {start} and continued despite {thing2} announced a week later.

{actor2_cap} will meet rebel commanders in {place3} on {w2}, officials said.

Talks on {place} are due to resume next month in Geneva, and the envoy said the war that began in 2011 could end this year.
"""

BLOG = """---
published: {iso}
outlet: {outlet}
---
Live: {place} {thing_cap} Updates

UPDATE {h2:02d}{m2:02d} GMT: {actor_cap} said {thing} in {place} was holding this afternoon.

UPDATE {h1:02d}{m1:02d} GMT: Convoys left {place2} this morning, and more will follow on {w2}.

ORIGINAL ENTRY: Fighting around {place} eased on {w1} after {thing2} was agreed.

Residents said shelling had stopped since {w3}, the first calm since late {prev_month}.

Related Posts

  1. I hope this holds but I doubt it, the last one collapsed within days of being signed.

Leave a Comment
"""

PAGE = """1. Skip to content
  2. Main menu

{title}

{long_date}

{actor_cap} said on {w0} that {thing} around {place} was being respected by most sides.

Aid agencies said they had reached {place2} for the first time since {prev_month_full}.

Share this story

Comments {n}

reader{n} {comment_stamp}

Let us see how long it lasts this time.
"""


def _weekday_before(day: dt.date, back: int) -> str:
    return WEEKDAYS[(day - dt.timedelta(days=back)).weekday()]


def article(rng: random.Random, index: int, day: dt.date) -> tuple[str, str]:
    """One synthetic article (file name, text) published on ``day``."""
    place, place2, place3 = rng.sample(PLACES, 3)
    actor, actor2 = rng.sample(ACTORS, 2)
    thing, thing2 = rng.sample(THINGS, 2)
    start = day - dt.timedelta(days=rng.randint(8, 40))
    prev = dt.date(day.year, day.month, 1) - dt.timedelta(days=1)
    fields = {
        "title": f"{thing.capitalize()} in {place} holds, {actor} says",
        "date_line": f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        "long_date": f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}",
        "city": rng.choice(CITIES), "mon": MONTHS[day.month - 1][:3], "day": day.day,
        "agency": rng.choice(("Reuters", "AFP", "AP")), "actor_cap": actor.capitalize(),
        "actor2_cap": actor2.capitalize(), "w0": WEEKDAYS[day.weekday()],
        "w1": _weekday_before(day, 1), "w2": _weekday_before(day, -rng.randint(1, 5)),
        "w3": _weekday_before(day, rng.randint(2, 5)), "thing": thing, "thing2": thing2,
        "thing_cap": thing.split()[-1].capitalize(), "place": place, "place2": place2,
        "place3": place3, "n": rng.randint(2, 40),
        "start": f"{MONTHS[start.month - 1]} {start.day}", "iso": day.isoformat(),
        "outlet": rng.choice(OUTLETS), "h1": rng.randint(6, 11), "m1": rng.choice((0, 15, 30)),
        "h2": rng.randint(12, 22), "m2": rng.choice((0, 20, 45)),
        "prev_month": MONTHS[prev.month - 1], "prev_month_full": f"{MONTHS[prev.month - 1]} {prev.year}",
        "comment_stamp": f"{day.day + 0} {MONTHS[day.month - 1]} {day.year}, {rng.randint(10, 23)}:{rng.randint(10, 59)}",
    }  # fmt: skip
    kind = index % 4
    if kind == 3:
        fields["date_line"] = ""  # a wire story whose dateline has no year
    template = (WIRE, BLOG, PAGE, WIRE)[kind]
    return f"a{index:06d}.txt", template.format(**fields)


def write_corpus(folder: Path, size: int, seed: int = 7) -> int:
    """Write ``size`` articles (a fifth of them reposts) and a sources.yaml; returns bytes."""
    rng = random.Random(seed)
    first = dt.date(2015, 1, 1)
    written: list[tuple[str, str]] = []
    sources = []
    total = 0
    for index in range(size):
        if written and rng.random() < 0.2:
            _, text = rng.choice(written[-200:])
            repost = f"r{index:06d}.txt"
            outlet = rng.choice(OUTLETS)
            sources.append(f"{repost}:\n  outlet: {outlet}\n")
            path, body = repost, text
        else:
            day = first + dt.timedelta(days=rng.randint(0, 4 * 365))
            path, body = article(rng, index, day)
            written.append((path, body))
            sources.append(f"{path}:\n  outlet: {rng.choice(OUTLETS)}\n")
        (folder / path).write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    (folder / "sources.yaml").write_text("".join(sources), encoding="utf-8")
    return total


CHILD = """
import json, resource, sys, time
from pathlib import Path
from syriatl.pipeline import Options, build_timeline
from syriatl.render import timeline_sections, yaml_chunks
started = time.perf_counter()
built = build_timeline([sys.argv[1]], Options(jobs=int(sys.argv[3])))
with Path(sys.argv[2]).open("w", encoding="utf-8") as out:
    out.writelines(yaml_chunks(timeline_sections(built.timeline)))
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "worker_peak_mb": children,
                  "events": len(built.timeline.events), "articles": len(built.timeline.articles)}))
"""


def run(folder: Path, jobs: int) -> dict[str, float]:
    """Build the corpus in a fresh process; its own figures."""
    with tempfile.NamedTemporaryFile(suffix=".yaml") as out:
        result = subprocess.run([sys.executable, "-c", CHILD, str(folder), out.name, str(jobs)],
                                capture_output=True, text=True, check=True)  # fmt: skip
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    args = parser.parse_args()
    print(f"{'articles':>9} {'jobs':>4} {'MB':>7} {'wall s':>8} {'art/s':>8} {'MB/s':>6} "
          f"{'peak MB':>8} {'events':>8} {'vs prev size':>12} {'speed-up':>8}")  # fmt: skip
    previous: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for size in args.sizes:
            folder = root / f"corpus-{size}"
            folder.mkdir(parents=True, exist_ok=True)
            size_bytes = write_corpus(folder, size)
            single = None
            for jobs in args.jobs:
                f = run(folder, jobs)
                seconds = f["seconds"]
                single = single or seconds
                ratio = f"{seconds / previous[jobs]:.1f}x" if jobs in previous else "-"
                previous[jobs] = seconds
                peak = max(f["peak_mb"], f["worker_peak_mb"])
                print(f"{size:>9} {jobs:>4} {size_bytes / 1e6:>7.1f} {seconds:>8.1f} "
                      f"{size / seconds:>8.0f} {size_bytes / 1e6 / seconds:>6.2f} {peak:>8.0f} "
                      f"{int(f['events']):>8} {ratio:>12} {single / seconds:>7.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
