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
printed beside ``events`` (what the build gave) and their ratio. Each mention is recorded
by (article, line, expression), so a line under each row tells how the events differ:
happenings split over several events, merged into one, missed, and stray events (each
with its commonest kinds); events = intended + split - merged - missed + stray, roughly.

``--vs PY`` runs every size and job count with a second interpreter too (one whose
installed ``syriatl`` is the baseline code), alternating new and old ``--repeat`` times on
the same corpus, and prints the median wall seconds and peak MB of each and new/old, and
new/old of the median CPU seconds of the building process (with one job all the work,
and steadier than wall time on a machine that other work shares).
Children run in a neutral folder, so each imports its own interpreter's ``syriatl``
(a ``syriatl/`` in the current folder would otherwise win); the line under each row names
the ``syriatl`` each imported. Corpora are seeded: every run of a size is the same.
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
from collections import Counter
from collections.abc import Hashable
from pathlib import Path
from typing import Any

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
Told = dict[int, list[tuple[str, Key]]]  # line -> (expression as written, key) of its mentions
Intended = dict[str, Told]  # article id -> its mentions

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
# - A live-blog entry lead is an event at the entry's clock; every lead here also has a
#   date ("this afternoon", "this morning", "ORIGINAL ENTRY: ... on {w1}"), so the clock
#   (or the report's day, for the entry with no clock) dates the same happening as the
#   lead's own date, never another one: a source with no expression tells its line's
#   first happening.

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
#    "a week later {actor2} announced {thing2} for {place2}" -> ("announced", start+7,
#    thing2, place2, actor2). It said "continued despite {thing2} announced a week later":
#    of no place and no one, so any two with the same thing and day would have been one;
#    and told in passing, which reads as "the {thing2} of that day" (as "despite the March
#    3 truce" is the truce that came into force on March 3), so it would also have been
#    another article's "{thing} in {place} held" of that day (254 times in 10k articles,
#    15948 in 100k) though an announcement is not a holding. Now the announcement is a
#    main clause that names its place and announcer.
# 3. "{actor2} will meet rebel commanders in {place3} on {w2}" -> ("meeting", day+k,
#    actor2, place3), planned.
# 4. "Talks on {place} are due to resume next month" -> ("talks-resume", next month,
#    place), planned; "the war that began in 2011" -> ("war-began", 2011), one happening in
#    the whole corpus; "could end this year" -> ("war-end", year), planned.
WIRE = """{title}

{date_line}

{city}, {mon} {day} ({agency}) – {thing_cap} in {place} held on {w0}, {actor} said, a day after shelling of {place} on {w1} killed {n} people.

The offensive on {place2} began on {start}, and a week later {actor2} announced {thing2} for {place2}.

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


def article(rng: random.Random, index: int, day: dt.date) -> tuple[str, str, Told]:
    """One synthetic article (file name, text, what its mentions mean) published on ``day``."""
    place, place2, place3 = rng.sample(PLACES, 3)
    actor, actor2 = rng.sample(ACTORS, 2)
    thing, thing2 = rng.sample(tuple(THINGS), 2)
    start = day - dt.timedelta(days=rng.randint(8, 40))
    prev = dt.date(day.year, day.month, 1) - dt.timedelta(days=1)
    city, agency = rng.choice(CITIES), rng.choice(("Reuters", "AFP", "AP"))
    ahead, back = rng.randint(1, 5), rng.randint(2, 5)
    fields: dict[str, Any] = {
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
    # Each mention: (a word of its line in the template, its expression as written, key).
    mentions: list[tuple[str, str, Key]]
    if kind == 1:
        mentions = [
            ("was holding", "this afternoon", held),
            ("Convoys left", "this morning", ("convoys-left", day, place2)),
            (
                "Convoys left",
                fields["w2"],
                ("convoys-left", day + dt.timedelta(days=ahead), place2),
            ),
            ("ORIGINAL ENTRY", fields["w1"], ("fighting-eased", day - dt.timedelta(days=1), place)),
            ("Residents", fields["w3"], ("shelling-stopped", day - dt.timedelta(days=back), place)),
            ("Residents", fields["prev_month"], ("calm", _month(day, -1), place)),
        ]
    elif kind == 2:
        mentions = [
            ("being respected", fields["w0"], held),
            ("Aid agencies", fields["prev_month_full"], ("aid-reached", _month(day, -1), place2)),
        ]
    else:
        mentions = [
            (" held on ", fields["w0"], held),
            (" held on ", fields["w1"], ("shelling", day - dt.timedelta(days=1), place)),
            ("The offensive", fields["start"], ("offensive-began", start, place2)),
            ("The offensive", "a week later",
             ("announced", start + dt.timedelta(days=7), other, place2, actor2)),
            ("will meet", fields["w2"], ("meeting", day + dt.timedelta(days=ahead), actor2, place3)),
            ("Talks on", "next month", ("talks-resume", _month(day, 1), place)),
            ("Talks on", "2011", ("war-began", 2011)),
            ("Talks on", "this year", ("war-end", day.year)),
        ]  # fmt: skip
    if kind == 3:
        fields["date_line"] = ""  # a wire story whose dateline has no year
    text = (WIRE, BLOG, PAGE, WIRE)[kind].format(**fields)
    lines = text.splitlines()
    told: Told = {}
    for word, expression, key in mentions:
        line = next(number for number, said in enumerate(lines, 1) if word in said)
        told.setdefault(line, []).append((expression, key))
    return f"a{index:06d}.txt", text, told


def write_corpus(folder: Path | None, size: int, seed: int = 7) -> tuple[int, Intended]:
    """Write ``size`` articles (a fifth of them reposts) and a sources.yaml into ``folder``
    (or only count them, when it is None); returns bytes and what each mention means."""
    rng = random.Random(seed)
    first = dt.date(2015, 1, 1)
    written: list[tuple[str, str, Told]] = []
    sources = []
    intended: Intended = {}
    total = 0
    for index in range(size):
        if written and rng.random() < 0.2:
            _, text, told = rng.choice(written[-200:])  # the same keys: sources, no events
            repost = f"r{index:06d}.txt"
            outlet = rng.choice(OUTLETS)
            sources.append(f"{repost}:\n  outlet: {outlet}\n")
            path, body = repost, text
        else:
            day = first + dt.timedelta(days=rng.randint(0, 4 * 365))
            path, body, told = article(rng, index, day)
            written.append((path, body, told))
            sources.append(f"{path}:\n  outlet: {rng.choice(OUTLETS)}\n")
        intended[path.removesuffix(".txt")] = told
        if folder is not None:
            (folder / path).write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    if folder is not None:
        (folder / "sources.yaml").write_text("".join(sources), encoding="utf-8")
    return total, intended


def keys_of(intended: Intended) -> set[Key]:
    """The distinct happenings the corpus means: its ``intended`` event count."""
    return {key for told in intended.values() for said in told.values() for _, key in said}


def meant(intended: Intended, article: str, line: int, expression: str | None) -> Key | None:
    """The happening a source (article, line, expression) tells, None for one not meant to be
    an event. A source with no expression (an entry's clock, a lead's report) tells its
    line's first happening."""
    said = intended.get(article, {}).get(line)
    if not said:
        return None
    if expression is None:
        return said[0][1]
    fits = [(len(words), key) for words, key in said if words in expression or expression in words]
    return max(fits, key=lambda fit: fit[0])[1] if fits else None


def diagnose(intended: Intended, events: list[list[list[Any]]]) -> str:
    """How the events differ from what the corpus means: ``split`` the events more than one
    per happening (a happening told in three events adds two), ``merged`` the happenings
    lost in events that hold more than one (three in one loses two), ``missed`` happenings
    in no event, ``stray`` events of no happening (furniture, misreadings); each with its
    commonest kinds of key (the key's first field). Events = intended + split - merged -
    missed + stray, but for events that are both a split piece and a merge."""
    told: Counter[Key] = Counter()
    merged: Counter[str] = Counter()
    stray = 0
    for refs in events:
        keys = {meant(intended, article, line, expression) for article, line, expression in refs}
        keys.discard(None)
        if len(keys) > 1:
            merged["+".join(sorted({str(key[0]) for key in keys if key}))] += len(keys) - 1
        stray += not keys
        told.update(key for key in keys if key)
    split: Counter[str] = Counter()
    for key, count in told.items():
        split[str(key[0])] += count - 1
    missed = len(keys_of(intended) - told.keys())

    def most(counts: Counter[str]) -> str:
        return f"{counts.total()}" + (f" ({', '.join(f'{k} {n}' for k, n in counts.most_common(4))})"
                                      if counts else "")  # fmt: skip

    return f"split +{most(+split)}; merged -{most(merged)}; missed {missed}; stray {stray}"


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
used = resource.getrusage(resource.RUSAGE_SELF)
cpu = used.ru_utime + used.ru_stime
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
refs = [[[s.article, s.line, s.expression] for s in (*e.sources, *e.conflicts)]
        for e in built.timeline.events]
Path(sys.argv[4]).write_text(json.dumps(refs), encoding="utf-8")
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "worker_peak_mb": children,
                  "events": len(built.timeline.events), "articles": len(built.timeline.articles),
                  "module": syriatl.__file__}))
"""


def run(python: str, folder: Path, jobs: int) -> tuple[dict[str, Any], list[list[list[Any]]]]:
    """Build the corpus in a fresh process of ``python``, in a neutral folder so that it
    imports its own installed ``syriatl``; that process's own figures, and its events as
    lists of source references (article, line, expression)."""
    with tempfile.TemporaryDirectory() as neutral:
        out, refs = Path(neutral) / "timeline.yaml", Path(neutral) / "events.json"
        command = [python, "-c", CHILD, str(folder.resolve()), str(out), str(jobs), str(refs)]
        result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=neutral)
        events: list[list[list[Any]]] = json.loads(refs.read_text(encoding="utf-8"))
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures, events


def measured(runs: list[dict[str, Any]]) -> tuple[float, float, int]:
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
    head += (
        f" | {'s n/o':>5} {'MB n/o':>6} {'cpu n/o':>7}"
        if args.vs
        else f" | {'vs prev':>7} {'speed-up':>8}"
    )
    for label, python in pythons.items():
        print(f"{label}: {python}")
    print(head)
    previous: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for size in args.sizes:
            folder = root / f"corpus-{size}"
            folder.mkdir(parents=True, exist_ok=True)
            size_bytes, meaning = write_corpus(folder, size)
            intended = len(keys_of(meaning))
            single = None
            for jobs in args.jobs:
                runs: dict[str, list[dict[str, Any]]] = {label: [] for label in pythons}
                found: dict[str, str] = {}
                for _ in range(args.repeat):
                    for label, python in pythons.items():  # alternating: new, old, new, old...
                        figures, events = run(python, folder, jobs)
                        runs[label].append(figures)
                        found[label] = found.get(label) or diagnose(meaning, events)
                line = f"{size:>9} {jobs:>4} {size_bytes / 1e6:>6.1f} {intended:>8}"
                results = {label: measured(runs[label]) for label in pythons}
                for seconds, peak, events_count in results.values():
                    line += (f" | {seconds:>8.1f} {size / seconds:>6.0f} {peak:>7.0f}"
                             f" {events_count:>7} {events_count / intended:>6.2f}")  # fmt: skip
                seconds, peak, _ = results["new"]
                if args.vs:
                    old_seconds, old_peak, _ = results["old"]
                    cpu = {k: statistics.median(float(f["cpu"]) for f in runs[k]) for k in runs}
                    line += f" | {seconds / old_seconds:>5.2f} {peak / old_peak:>6.2f}"
                    line += f" {cpu['new'] / cpu['old']:>7.2f}"
                else:
                    single = single or seconds
                    ratio = f"{seconds / previous[jobs]:.1f}x" if jobs in previous else "-"
                    previous[jobs] = seconds
                    line += f" | {ratio:>7} {single / seconds:>7.2f}x"
                print(line, flush=True)
                for label in pythons:
                    print(
                        f"{'':>6}{label} ({runs[label][0]['module']}): {found[label]}", flush=True
                    )


if __name__ == "__main__":
    main()
