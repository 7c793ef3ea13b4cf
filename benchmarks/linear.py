"""Linear-time benchmark: tagging one large text, writing and reading YAML, the merge.

    python benchmarks/linear.py [--megabytes 4] [--events 10000] [--entries 10000]
                                [--sources 20000] [--repeat 3] [--corpus DIR]

Everything runs in this process, each figure beside its baseline measured in the same
run (the median of ``--repeat`` runs; the grammar is warmed first):

- ``tag``: one synthetic text of ``--megabytes`` MB (the wire stories, live blogs and
  scraped pages of ``scale.py``, joined), against a text of a quarter of it (the ratio
  of the times should be near 4 when tagging is linear) and against the same text as
  one file per story; with ``--dct`` (no publication evidence) against without.
- YAML output of a synthetic timeline of ``--events`` events (an emoji in some quotes),
  or with ``--corpus DIR`` of the build of that folder (built first, without a cache):
  our writer against PyYAML's pure-Python dumper (whose bytes it writes; checked) and
  libyaml's emitter (whose bytes differ beyond U+FFFF: said, not used); JSON output of
  the same, our writer against ``json.dumps(item, indent=2)`` (the same bytes; checked).
- Reading a ``sources.yaml`` of ``--entries`` entries: libyaml's parser against PyYAML's
  pure-Python parser (the same values; checked).
- The merge of ``--sources`` synthetic sources, against a merge of half of them (the
  ratio should be near 2), and the share of it that makes word bags.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import scale  # the corpus templates of the scale benchmark

from syriatl.model import Article


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median wall seconds of ``repeat`` runs of ``work``, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def row(label: str, seconds: float, base_label: str, base: float, note: str = "") -> None:
    ratio = seconds / base if base else float("nan")
    print(f"  {label:<44} {seconds:8.3f} s   {base_label:<30} {base:8.3f} s   "
          f"ratio {ratio:5.2f}{note}")  # fmt: skip


def stories(megabytes: float, seed: int = 7) -> list[str]:
    """Synthetic stories adding up to ``megabytes`` MB of UTF-8."""
    rng = random.Random(seed)
    first, out, total = dt.date(2015, 1, 1), [], 0
    while total < megabytes * 2**20:
        day = first + dt.timedelta(days=rng.randint(0, 4 * 365))
        _, body, _ = scale.article(rng, len(out), day)
        out.append(body)
        total += len(body.encode()) + 2
    return out


def bench_tag(megabytes: float, repeat: int) -> None:
    from syriatl.pipeline import tag_articles

    parts = stories(megabytes)
    whole = "\n\n".join(parts)
    quarter = "\n\n".join(parts[: len(parts) // 4])
    tag_articles([Article("warm", "warm.txt", parts[0])], None)  # the grammar, compiled
    size = len(whole.encode()) / 2**20
    print(f"tag: one text of {size:.2f} MB ({len(parts)} stories joined), in this process")
    big, tagged = timed(lambda: tag_articles([Article("big", "big.txt", whole)], None), repeat)
    small, _ = timed(lambda: tag_articles([Article("q", "q.txt", quarter)], None), repeat)
    row("one text, whole", big, "a quarter of it", small, "  (linear: 4)")
    files = [Article(f"s{i}", f"s{i}.txt", p) for i, p in enumerate(parts)]
    many, _ = timed(lambda: tag_articles(files, None), repeat)
    row("one text, whole", big, f"as {len(parts)} files", many, "  (target: at most 1.5)")
    day = dt.date(2016, 3, 4)
    given, _ = timed(lambda: tag_articles([Article("big", "big.txt", whole)], day), repeat)
    row("one text, whole, --dct 2016-03-04", given, "the date inferred", big)
    print(f"  {sum(len(t.resolutions) for t in tagged)} expressions tagged")


def timeline_items(events: int, seed: int = 11) -> list[dict[str, Any]]:
    """Schema data of ``events`` synthetic events, as ``event_data`` makes it."""
    rng = random.Random(seed)
    out = []
    for n in range(events):
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 1500))
        place = rng.choice(scale.PLACES)
        quote = f"A ceasefire took hold in {place} on {scale.WEEKDAYS[day.weekday()]}"
        if n % 50 == 0:
            quote += ", a monitor wrote 😀"  # beyond U+FFFF: libyaml escapes it
        source = {
            "article": f"a{n:06d}", "outlet": rng.choice(scale.OUTLETS), "origin": None,
            "text": quote, "kind": "truce", "quote": quote + ", a monitor said.",
            "expression": scale.WEEKDAYS[day.weekday()], "rule": "weekday/last", "line": 3,
            "entry": None, "basis": "stated", "caption": False,
        }  # fmt: skip
        out.append({
            "id": f"ev-{n:08x}", "date": day.isoformat(), "time": None, "at": None,
            "zone": None, "precision": "day", "modifier": None,
            "reported": (day + dt.timedelta(days=1)).isoformat(), "text": quote,
            "kind": "truce", "status": "took_effect", "basis": "stated",
            "sources": [source, dict(source, article=f"b{n:06d}")], "conflicts": [],
        })  # fmt: skip
    return out


def _stdlib_json(sections: Any) -> str:
    """JSON as ``json.dumps(item, indent=2)`` writes each item (the stdlib's encoder)."""
    import json

    out = ["{"]
    for n, (key, items) in enumerate(sections):
        out.append(("," if n else "") + f"\n  {json.dumps(key)}: ")
        if isinstance(items, int):
            out.append(json.dumps(items))
            continue
        bodies = [
            json.dumps(i, ensure_ascii=False, indent=2).replace("\n", "\n    ") for i in items
        ]
        out.append("[\n    " + ",\n    ".join(bodies) + "\n  ]" if bodies else "[]")
    return "".join(out) + "\n}\n"


def bench_yaml_out(events: int, repeat: int, corpus: str | None = None) -> None:
    import yaml

    from syriatl.render import _pyyaml_dump, json_chunks, timeline_sections, yaml_chunks

    if corpus is None:
        items = timeline_items(events)
        print(f"YAML and JSON output: {events} synthetic events, two sources each")

        def sections() -> Any:
            return [("events", iter(items))]
    else:
        from syriatl.pipeline import Options, build_timeline

        timeline = build_timeline([corpus], Options(cache=None)).timeline
        print(f"YAML and JSON output of the build of {corpus}: {len(timeline.events)} events, "
              f"{len(timeline.articles)} articles (the schema data made as part of each)")  # fmt: skip

        def sections() -> Any:
            return timeline_sections(timeline)

    def ours() -> str:
        return "".join(yaml_chunks(sections()))

    def pure() -> str:
        out = []
        for key, items in sections():
            if isinstance(items, int):
                out.append(f"{key}: {items}\n")
                continue
            written = [_pyyaml_dump([item]) for item in items]
            out.append(f"{key}:\n" + "".join(written) if written else f"{key}: []\n")
        return "".join(out)

    def libyaml() -> str:  # the same nodes through libyaml's emitter, as before our writer
        dumper = yaml.SafeDumper
        yaml.SafeDumper = yaml.CSafeDumper  # type: ignore[misc]
        try:
            return pure()
        finally:
            yaml.SafeDumper = dumper  # type: ignore[misc]

    mine, text = timed(ours, repeat)
    slow, reference = timed(pure, 1)
    row("our YAML writer", mine, "PyYAML pure-Python dumper", slow,
        "  same bytes" if text == reference else "  BYTES DIFFER")  # fmt: skip
    if getattr(yaml, "CSafeDumper", None):
        fast, escaped = timed(libyaml, 1)
        same = "same bytes" if escaped == reference else "other bytes (escapes U+1F600)"
        row("our YAML writer", mine, "the nodes by libyaml's emitter", fast, f"  {same}")
    ours_json, text = timed(lambda: "".join(json_chunks(sections())), repeat)
    stdlib, reference = timed(lambda: _stdlib_json(sections()), repeat)
    row("our JSON writer", ours_json, "json.dumps(item, indent=2)", stdlib,
        "  same bytes" if text == reference else "  BYTES DIFFER")  # fmt: skip


def bench_yaml_in(entries: int, repeat: int) -> None:
    import yaml

    from syriatl import metadata

    text = "".join(
        f"a{n:06d}.txt:\n  outlet: {scale.OUTLETS[n % 12]}\n  published: 2016-03-{1 + n % 28:02d}\n"
        for n in range(entries)
    )
    print(f"sources.yaml: {entries} entries, {len(text) / 2**20:.2f} MB")
    if not getattr(yaml, "CSafeLoader", None):
        print("  PyYAML has no libyaml here: nothing to compare")
        return
    fast, values = timed(lambda: metadata.load(text, "sources.yaml"), repeat)
    loader = yaml.CSafeLoader
    try:
        del yaml.CSafeLoader  # as where PyYAML is built without libyaml
        slow, pure = timed(lambda: metadata.load(text, "sources.yaml"), repeat)
    finally:
        yaml.CSafeLoader = loader
    row("libyaml's parser", fast, "PyYAML's pure-Python parser", slow,
        "  same values" if values == pure else "  VALUES DIFFER")  # fmt: skip


def bench_merge(count: int, repeat: int) -> None:
    from syriatl.chronicle import merge as merging
    from syriatl.pipeline import tell

    rng = random.Random(5)
    first, sources = dt.date(2015, 1, 1), []
    while len(sources) < count:
        day = first + dt.timedelta(days=rng.randint(0, 4 * 365))
        path, body, _ = scale.article(rng, len(sources), day)
        sources.extend(tell(Article(path, path, body), [2015, 2016, 2017, 2018]).sources)
    sources.sort(key=lambda s: (s.article, s.line))  # the order a build collects them
    half = sources[: len(sources) // 2]
    print(f"merge: {len(sources)} sources of synthetic stories")
    whole, events = timed(lambda: merging.merge(sources), repeat)
    part, _ = timed(lambda: merging.merge(half), repeat)
    row("merge, all sources", whole, "half of them", part, "  (linear: 2)")
    made = merging.words_of
    calls = [0]

    def counted(text: str, expression: str | None = None) -> merging.Bag:
        calls[0] += 1
        return made(text, expression)

    merging.words_of = counted  # type: ignore[assignment]
    try:
        merging.merge(sources)
    finally:
        merging.words_of = made  # type: ignore[assignment]
    texts = [(s.text, s.expression) for s in sources]
    bags, _ = timed(lambda: [made(t, e) for t, e in texts], repeat)
    print(f"  {len(events)} events; {calls[0]} word bags made for {len(sources)} sources; "
          f"one bag per source takes {bags:.3f} s ({bags / whole:.0%} of the merge)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", help="write the build of this folder instead of --events")
    parser.add_argument("--only", choices=["tag", "yaml-out", "yaml-in", "merge"], nargs="+")
    args = parser.parse_args()
    chosen = set(args.only or ["tag", "yaml-out", "yaml-in", "merge"])
    print("Median wall seconds of each, in this process; a shared machine is noisy.")
    if "yaml-out" in chosen:
        bench_yaml_out(args.events, args.repeat, args.corpus)
    if "yaml-in" in chosen:
        bench_yaml_in(args.entries, args.repeat)
    if "merge" in chosen:
        bench_merge(args.sources, args.repeat)
    if "tag" in chosen:
        bench_tag(args.megabytes, args.repeat)


if __name__ == "__main__":
    main()
