"""Scale benchmark: the whole build on synthetic corpora of growing size.

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--jobs 1 2] [--keep DIR]
                               [--python PY] [--vs PY] [--repeat N]

Writes corpora of hand-written article templates (wire stories with and without a year
in their dateline, live blogs with timed entries, scraped pages with menus and reader
comments, and reposts of earlier stories by other outlets) with varied dates, places and
outlets into a temporary folder; then, in a fresh process per run, builds the timeline
and writes it as YAML, as ``syriatl build DIR -f yaml -o FILE`` does. Prints wall time,
articles/s, MB/s and peak memory (max RSS of that process) per size and job count, the
ratio of each size's time to the previous size's, and the speed-up of more jobs.

While it writes each article, the corpus records the happening every dated mention is
meant to tell (a key such as ``("held", day, thing, place)``; see the comments at each
template), so ``intended`` (distinct keys) is what a careful reader would count as events,
printed beside ``events`` (what the build gave) and their ratio.

``--vs PY`` runs every size and job count with a second interpreter too (one whose
installed ``syriatl`` is the baseline code), alternating new and old ``--repeat`` times on
the same corpus, and prints the median wall seconds and peak MB of each and new/old.
Children run in a neutral folder, so each imports its own interpreter's ``syriatl``
(a ``syriatl/`` in the current folder would otherwise win); the path each imported is
printed first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Hashable
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
# Each thing with the name a careful reader gives it: "a ceasefire in Hama" and "a local
# truce in Hama" on one day are the same truce, so both key as "truce" (the canonical
# ``thing`` of the event layer); the others are all different things.
THINGS = {"a ceasefire": "truce", "an aid convoy": "convoy", "a prisoner exchange": "exchange",
          "a round of talks": "talks", "an evacuation": "evacuation", "a local truce": "truce",
          "a monitoring mission": "mission"}  # fmt: skip

Key = tuple[Hashable, ...]

# How to read the templates (what a careful reader counts as one happening):
# - Furniture is never an event: the headline (every lead below carries a date, so the
#   headline is not the article's undated main happening), the date line under it, the
#   wire dateline "CITY, Mon D (AGENCY) –", menus, "Share this story", comment counts and
#   comment stamps, "Related Posts", and reader comments (which carry no date anyway).
# - A happening is one across articles when it is the same kind, on the same day (or
#   month, year), with the same thing, place and actor; who says it (the attribution) and
#   the numbers given (a death toll) do not part it. A planned telling ("more will leave
#   on Wednesday") and a past one ("convoys left this morning") of the same happening on
#   the same day are one happening.
# - A repost (r*.txt) is the same text under another outlet: it adds sources, never keys.
# - A live-blog entry lead is an event at the entry's clock; every lead here also says
#   "this afternoon"/"this morning"/"on Sunday", so the clock gives no other happening.

# WIRE, sentence by sentence (day = the dateline's day; kind 3 drops the date line with the
# year, and the reader finds the year from the dateline's day and the weekdays):
# 1. "{thing} in {place} held on {w0}, {actor} said" -> ("held", day, thing, place).
#    It said "{actor} said on {w0} that {thing} ... had held": the date governed the saying
#    (a statement, whose actor would part it from the same truce told by another actor),
#    while the story means the truce holding; now the date governs "held".
#    "a day after shelling of {place} on {w1} killed {n} people" -> ("shelling", day-1,
#    place): one attack with its toll. It said "shelling on {w1}" with no place, which a
#    reader could not tell apart from any other shelling that day; now it names the place.
# 2. "The offensive on {place2} began on {start}" -> ("offensive-began", start, place2).
#    "despite {thing2} for {place2} announced a week later by {actor2}" -> ("announced",
#    start+7, thing2, place2, actor2): a mention in passing of an announcement. It said
#    "{thing2} announced a week later": of no place and no one, so any two with the same
#    thing and day would have been one; now the place and the announcer are named. (An
#    announcement of a truce and another article's truce holding on the same day in the
#    same place are different kinds: two happenings.)
# 3. "{actor2} will meet rebel commanders in {place3} on {w2}" -> ("meeting", day+k,
#    actor2, place3), planned.
# 4. "Talks on {place} are due to resume next month" -> ("talks-resume", next month,
#    place), planned; "the war that began in 2011" -> ("war-began", 2011), one happening in
#    the whole corpus; "could end this year" -> ("war-end", year), planned.
WIRE = """{title}

{date_line}

{city}, {mon} {day} ({agency}) – {thing_cap} in {place} held on {w0}, {actor} said, a day after shelling of {place} on {w1} killed {n} people.

The offensive on {place2} began on {start} and continued despite {thing2} for {place2} announced a week later by {actor2}.

{actor2_cap} will meet rebel commanders in {place3} on {w2}, officials said.

Talks on {place} are due to resume next month in Geneva, and the envoy said the war that began in 2011 could end this year.
"""

# BLOG (day = published), entry by entry:
# 1. "{actor} said {thing} in {place} was holding this afternoon" -> ("held", day, thing,
#    place): the same happening as a wire story's "{thing} in {place} held on {w0}".
# 2. "Convoys left {place2} this morning" -> ("convoys-left", day, place2); "more will
#    leave on {w2}" -> ("convoys-left", day+k, place2), planned. It said "more will follow",
#    which names no act; now it says the convoys leave.
# 3. "Fighting around {place} eased on {w1}" -> ("fighting-eased", day-1, place); "after
#    {thing2} was agreed" has no date. (Easing is not the wire's shelling of that day.)
# 4. "Residents of {place} said shelling had stopped since {w3}" -> ("shelling-stopped",
#    day-k, place); "the first calm since late {prev_month}" -> ("calm", previous month,
#    place), a mention in passing. It said "Residents said": of no place; now it names it.
#    (A stop of shelling is not another blog's easing of fighting on that day.)
BLOG = """---
published: {iso}
outlet: {outlet}
---
Live: {place} {thing_word} Updates

UPDATE {h2:02d}{m2:02d} GMT: {actor_cap} said {thing} in {place} was holding this afternoon.

UPDATE {h1:02d}{m1:02d} GMT: Convoys left {place2} this morning, and more will leave on {w2}.

ORIGINAL ENTRY: Fighting around {place} eased on {w1} after {thing2} was agreed.

Residents of {place} said shelling had stopped since {w3}, the first calm since late {prev_month}.

Related Posts

  1. I hope this holds but I doubt it, the last one collapsed within days of being signed.

Leave a Comment
"""

# PAGE (day = the long date line), sentence by sentence:
# 1. "{thing} around {place} was being respected by most sides on {w0}, {actor} said" ->
#    ("held", day, thing, place). It said "{actor} said on {w0} that ...": as in WIRE, now
#    the date governs the respecting, not the saying.
# 2. "Aid agencies said they had reached {place2} for the first time since
#    {prev_month_full}" -> ("aid-reached", previous month, place2): the last time they had
#    reached it, a mention in passing; the reaching itself has no date.
PAGE = """1. Skip to content
  2. Main menu

{title}

{long_date}

{thing_cap} around {place} was being respected by most sides on {w0}, {actor} said.

Aid agencies said they had reached {place2} for the first time since {prev_month_full}.

Share this story

Comments {n}

reader{n} {comment_stamp}

Let us see how long it lasts this time.
"""


def _weekday_before(day: dt.date, back: int) -> str:
    return WEEKDAYS[(day - dt.timedelta(days=back)).weekday()]


def _cap(words: str) -> str:
    """Capitalised as a sentence's start ("The UN envoy", not "The un envoy")."""
    return words[:1].upper() + words[1:]


def _month(day: dt.date, step: int) -> tuple[int, int]:
    """(year, month) of the month ``step`` months after ``day``'s."""
    index = day.year * 12 + day.month - 1 + step
    return index // 12, index % 12 + 1


def article(rng: random.Random, index: int, day: dt.date) -> tuple[str, str, set[Key]]:
    """One synthetic article (file name, text, intended keys) published on ``day``."""
    place, place2, place3 = rng.sample(PLACES, 3)
    actor, actor2 = rng.sample(ACTORS, 2)
    thing, thing2 = rng.sample(tuple(THINGS), 2)
    start = day - dt.timedelta(days=rng.randint(8, 40))
    prev = dt.date(day.year, day.month, 1) - dt.timedelta(days=1)
    city, agency = rng.choice(CITIES), rng.choice(("Reuters", "AFP", "AP"))
    ahead, back = rng.randint(1, 5), rng.randint(2, 5)
    fields = {
        "title": f"{thing.capitalize()} in {place} holds, {actor} says",
        "date_line": f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        "long_date": f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}",
        "city": city, "mon": MONTHS[day.month - 1][:3], "day": day.day,
        "agency": agency, "actor": actor, "actor_cap": _cap(actor),
        "actor2": actor2, "actor2_cap": _cap(actor2), "w0": WEEKDAYS[day.weekday()],
        "w1": _weekday_before(day, 1), "w2": _weekday_before(day, -ahead),
        "w3": _weekday_before(day, back), "thing": thing, "thing2": thing2,
        "thing_cap": thing.capitalize(), "thing_word": thing.split()[-1].capitalize(),
        "place": place, "place2": place2, "place3": place3, "n": rng.randint(2, 40),
        "start": f"{MONTHS[start.month - 1]} {start.day}", "iso": day.isoformat(),
        "outlet": rng.choice(OUTLETS), "h1": rng.randint(6, 11), "m1": rng.choice((0, 15, 30)),
        "h2": rng.randint(12, 22), "m2": rng.choice((0, 20, 45)),
        "prev_month": MONTHS[prev.month - 1], "prev_month_full": f"{MONTHS[prev.month - 1]} {prev.year}",
        "comment_stamp": f"{day.day + 0} {MONTHS[day.month - 1]} {day.year}, {rng.randint(10, 23)}:{rng.randint(10, 59)}",
    }  # fmt: skip
    one, other = THINGS[thing], THINGS[thing2]
    held: Key = ("held", day, one, place)
    kind = index % 4
    if kind == 1:
        keys = {
            held,
            ("convoys-left", day, place2),
            ("convoys-left", day + dt.timedelta(days=ahead), place2),
            ("fighting-eased", day - dt.timedelta(days=1), place),
            ("shelling-stopped", day - dt.timedelta(days=back), place),
            ("calm", _month(day, -1), place),
        }
    elif kind == 2:
        keys = {held, ("aid-reached", _month(day, -1), place2)}
    else:
        keys = {
            held,
            ("shelling", day - dt.timedelta(days=1), place),
            ("offensive-began", start, place2),
            ("announced", start + dt.timedelta(days=7), other, place2, actor2),
            ("meeting", day + dt.timedelta(days=ahead), actor2, place3),
            ("talks-resume", _month(day, 1), place),
            ("war-began", 2011),
            ("war-end", day.year),
        }
    if kind == 3:
        fields["date_line"] = ""  # a wire story whose dateline has no year
    template = (WIRE, BLOG, PAGE, WIRE)[kind]
    return f"a{index:06d}.txt", template.format(**fields), keys


def write_corpus(folder: Path | None, size: int, seed: int = 7) -> tuple[int, set[Key]]:
    """Write ``size`` articles (a fifth of them reposts) and a sources.yaml into ``folder``
    (or only count them, when it is None); returns bytes and the intended keys."""
    rng = random.Random(seed)
    first = dt.date(2015, 1, 1)
    written: list[tuple[str, str]] = []
    sources = []
    intended: set[Key] = set()
    total = 0
    for index in range(size):
        if written and rng.random() < 0.2:
            _, text = rng.choice(written[-200:])  # its keys are already in ``intended``
            repost = f"r{index:06d}.txt"
            outlet = rng.choice(OUTLETS)
            sources.append(f"{repost}:\n  outlet: {outlet}\n")
            path, body = repost, text
        else:
            day = first + dt.timedelta(days=rng.randint(0, 4 * 365))
            path, body, keys = article(rng, index, day)
            intended |= keys
            written.append((path, body))
            sources.append(f"{path}:\n  outlet: {rng.choice(OUTLETS)}\n")
        if folder is not None:
            (folder / path).write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    if folder is not None:
        (folder / "sources.yaml").write_text("".join(sources), encoding="utf-8")
    return total, intended


CHILD = """
import json, resource, sys, time
from pathlib import Path
import syriatl
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
                  "events": len(built.timeline.events), "articles": len(built.timeline.articles),
                  "module": syriatl.__file__}))
"""


def run(python: str, folder: Path, jobs: int) -> dict[str, float | str]:
    """Build the corpus in a fresh process of ``python``, in a neutral folder so that it
    imports its own installed ``syriatl``; that process's own figures."""
    with (
        tempfile.TemporaryDirectory() as neutral,
        tempfile.NamedTemporaryFile(suffix=".yaml") as out,
    ):
        result = subprocess.run([python, "-c", CHILD, str(folder.resolve()), out.name, str(jobs)],
                                capture_output=True, text=True, check=True, cwd=neutral)  # fmt: skip
    figures: dict[str, float | str] = json.loads(result.stdout)
    return figures


def measured(runs: list[dict[str, float | str]]) -> tuple[float, float, int]:
    """Median wall seconds, median peak MB (the process or its biggest worker) and events."""
    seconds = statistics.median(float(f["seconds"]) for f in runs)
    peak = statistics.median(max(float(f["peak_mb"]), float(f["worker_peak_mb"])) for f in runs)
    events = {int(f["events"]) for f in runs}
    if len(events) != 1:
        sys.exit(f"event counts differ between runs of one build: {sorted(events)}")
    return seconds, peak, events.pop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    parser.add_argument("--python", default=sys.executable, help="interpreter of the new code")
    parser.add_argument("--vs", metavar="PYTHON", help="interpreter of the baseline code")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (median)")
    args = parser.parse_args()
    pythons = {"new": args.python} | ({"old": args.vs} if args.vs else {})
    head = f"{'articles':>9} {'jobs':>4} {'MB':>6} {'intended':>8}"
    for label in pythons:
        head += f" | {label + ' s':>8} {'art/s':>6} {label + ' MB':>7} {'events':>7} {'ev/int':>6}"
    head += f" | {'s n/o':>5} {'MB n/o':>6}" if args.vs else f" | {'vs prev':>7} {'speed-up':>8}"
    shown: set[str] = set()
    previous: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for size in args.sizes:
            folder = root / f"corpus-{size}"
            folder.mkdir(parents=True, exist_ok=True)
            size_bytes, keys = write_corpus(folder, size)
            intended = len(keys)
            single = None
            for jobs in args.jobs:
                runs: dict[str, list[dict[str, float | str]]] = {label: [] for label in pythons}
                for _ in range(args.repeat):
                    for label, python in pythons.items():  # alternating: new, old, new, old...
                        runs[label].append(run(python, folder, jobs))
                for label in pythons:
                    module = str(runs[label][0]["module"])
                    if label not in shown:
                        shown.add(label)
                        print(f"{label}: {pythons[label]} imports {module}")
                if len(shown) == len(pythons) and head:
                    print(head)
                    head = ""
                line = f"{size:>9} {jobs:>4} {size_bytes / 1e6:>6.1f} {intended:>8}"
                figures = {label: measured(runs[label]) for label in pythons}
                for seconds, peak, events in figures.values():
                    line += (f" | {seconds:>8.1f} {size / seconds:>6.0f} {peak:>7.0f} {events:>7}"
                             f" {events / intended:>6.2f}")  # fmt: skip
                seconds, peak, _ = figures["new"]
                if args.vs:
                    old_seconds, old_peak, _ = figures["old"]
                    line += f" | {seconds / old_seconds:>5.2f} {peak / old_peak:>6.2f}"
                else:
                    single = single or seconds
                    ratio = f"{seconds / previous[jobs]:.1f}x" if jobs in previous else "-"
                    previous[jobs] = seconds
                    line += f" | {ratio:>7} {single / seconds:>7.2f}x"
                print(line, flush=True)


if __name__ == "__main__":
    main()
