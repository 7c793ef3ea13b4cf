"""HTML pages per second, against the same articles as text files, in one run.

    python benchmarks/html_pages.py [--pages 300] [--paragraphs 8] [--repeat 3]

Writes ``--pages`` invented news pages (menus, a promo, a headline, a dateline, the
story's paragraphs, a byline, three reader comments, a footer, ``<meta>`` and JSON-LD
dates) and the same stories as ``.txt`` files, then times in this process: reading
(``read_article``: decoding, and for a page trafilatura, htmldate and the rest of the
page) and the whole build (``build_timeline``) of each folder, best of ``--repeat``.
Prints pages or files per second and the ratio of text to HTML, and the one-time cost
of importing trafilatura and htmldate. Figures on a shared machine are indicative.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from syriatl.discover import discover
from syriatl.ingest import read_article
from syriatl.pipeline import build_timeline

PLACES = ("Karvana", "Ostrel", "Velmora", "Tamsin", "Corvan")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARAGRAPH = (
    "Envoys from {a} and {b} met on {day} in {a} to discuss the opening of the road to "
    "{b}, officials said, and agreed to meet again next week after {n} hours of talks."
)


def story(i: int, paragraphs: int) -> tuple[str, str, list[str]]:
    """A headline, a dateline and paragraphs for the i-th article (invented)."""
    day = dt.date(2019, 1, 1) + dt.timedelta(days=i % 300)
    a, b = PLACES[i % 5], PLACES[(i + 2) % 5]
    title = f"Talks on the {b} road go on in {a}, day {i}"
    dateline = f"{a.upper()}, {day:%B} {day.day}, {day.year} (Velmora Wire) -"
    body = [
        PARAGRAPH.format(a=a, b=b, day=WEEKDAYS[(day.weekday() - 1) % 7], n=k + 2)
        for k in range(paragraphs)
    ]
    return title, dateline, body


def html_page(i: int, paragraphs: int) -> str:
    title, dateline, body = story(i, paragraphs)
    day = dt.date(2019, 1, 1) + dt.timedelta(days=i % 300)
    menu = "".join(f"<li><a href='/{p.lower()}'>{p}</a></li>" for p in PLACES)
    text = "".join(f"<p>{p}</p>" for p in [f"{dateline} {body[0]}", *body[1:]])
    comments = "".join(
        f"<li class='comment'><div class='comment-meta'>reader{k} {day:%B} {day.day}, "
        f"{day.year} at {k + 1}:15 pm</div><p>Another round of talks, {k} more to go.</p></li>"
        for k in range(3)
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Gulf Daily</title>"
        f"<meta property='og:site_name' content='Gulf Daily'>"
        f"<meta property='article:published_time' content='{day}T09:30:00Z'>"
        f'<script type=\'application/ld+json\'>{{"datePublished": "{day}"}}</script>'
        f"</head><body><nav><ul>{menu}</ul></nav><div class='promo'>Subscribe now</div>"
        f"<article><h1>{title}</h1><p class='byline'>By Mira Tal</p>{text}</article>"
        f"<div class='share'>Share: Facebook Twitter Email</div><section id='comments'>"
        f"<h2>3 Comments</h2><ol>{comments}</ol></section>"
        f"<footer><p>Copyright {day.year} Gulf Daily</p></footer></body></html>"
    )


def text_file(i: int, paragraphs: int) -> str:
    title, dateline, body = story(i, paragraphs)
    return "\n\n".join([title, f"{dateline} {body[0]}", *body[1:]]) + "\n"


def best(repeat: int, work: Callable[[], int]) -> tuple[float, int]:
    """The least seconds of ``repeat`` runs of ``work``, and what it counted."""
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = work()
        times.append(time.perf_counter() - start)
    return min(times), count


def read_all(folder: Path) -> int:
    reads = [read_article(f) for f in discover([str(folder)]).files]
    assert all(r.article is not None for r in reads), [r.problem for r in reads if r.problem]
    return len(reads)


def build_all(folder: Path) -> int:
    built = build_timeline([str(folder)])
    assert not built.timeline.problems, built.timeline.problems[:3]
    return len(built.timeline.articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--paragraphs", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts, pages = Path(tmp, "txt"), Path(tmp, "html")
        texts.mkdir()
        pages.mkdir()
        for i in range(args.pages):
            (texts / f"a{i:05}.txt").write_text(text_file(i, args.paragraphs))
            (pages / f"a{i:05}.html").write_text(html_page(i, args.paragraphs))
        size = sum(p.stat().st_size for p in pages.iterdir()) / args.pages
        print(f"{args.pages} articles of {args.paragraphs} paragraphs; pages {size:,.0f} bytes")
        figures = {}
        for stage, work in (("read", read_all), ("build", build_all)):
            seconds, count = best(args.repeat, lambda w=work: w(texts))  # type: ignore[misc]
            figures[stage, "txt"] = count / seconds
            if stage == "read":  # the text runs first, before the libraries are loaded
                assert "trafilatura" not in sys.modules
                start = time.perf_counter()
                import htmldate  # noqa: F401
                import trafilatura  # noqa: F401

                print(f"import trafilatura, htmldate: {time.perf_counter() - start:.2f} s once")
            seconds, count = best(args.repeat, lambda w=work: w(pages))  # type: ignore[misc]
            figures[stage, "html"] = count / seconds
            ratio = figures[stage, "txt"] / figures[stage, "html"]
            print(
                f"{stage:>5}: {figures[stage, 'html']:8.1f} HTML pages/s, "
                f"{figures[stage, 'txt']:8.1f} text files/s (text {ratio:.1f}x HTML)",
                flush=True,
            )


if __name__ == "__main__":
    main()
