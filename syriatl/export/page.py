"""The chronology as one self-contained web page: events by month, each with its outlets,
and its sources' quotes and date chains behind a disclosure; a filter box; the problems.

A pure function of the timeline, in the words of ``syriatl.labels`` and
``syriatl.export.told`` as the other exports have them. The page fetches nothing: its
CSS and script are inline, pinned by their hashes in a Content-Security-Policy that
forbids every other load, and it reads in full without the script (which only adds the
filter). Every text is escaped; the same data always gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from html import escape

from syriatl.explain import chain
from syriatl.export.told import counted, dissent, outlets, summary
from syriatl.labels import TAGS, date_label, event_date_label, periods
from syriatl.model import Basis, Event, Precision, Problem, Published, Source, Timeline, When

_STYLE = """
body{font:16px/1.45 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#222}
h1{margin:0 0 .25rem}h2{border-bottom:1px solid #ccc;margin:1.5rem 0 .5rem;font-size:1.2rem}
.filter input{font:inherit;width:22rem;max-width:100%;padding:.2rem .4rem}
.filter output{margin-left:.75rem;color:#555}
.event{border-left:3px solid #46a;padding:.1rem 0 .1rem .75rem;margin:.6rem 0}
.event p{margin:.15rem 0}
.event header{color:#333;font-weight:600}
.kind{font-weight:400;font-size:.85em;background:#eef;border-radius:3px;padding:0 .3rem}
.tag{font-weight:400;color:#777}
.planned,.claimed,.reported,.caption{border-left-style:dashed;border-left-color:#aaa}
.planned .text,.claimed .text,.caption .text{color:#666}
.reported time{font-style:italic;font-weight:400}
.outlets{color:#444;font-size:.9em}.dissent{font-style:italic;font-size:.9em}
details{font-size:.9em}summary{cursor:pointer;color:#46a}
details ol{padding-left:1.25rem}blockquote{margin:.2rem 0 .2rem 1rem;color:#333}
.chain{font-family:ui-monospace,monospace;font-size:.85em;color:#555;overflow-wrap:anywhere}
#problems li code{overflow-wrap:anywhere}
[hidden]{display:none!important}
""".strip()

_SCRIPT = """
(function () {
  var box = document.getElementById("q"), shown = document.getElementById("shown");
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  function matches(ev, terms) {
    var kind = ev.dataset.kind, outlets = ev.dataset.outlets.toLowerCase();
    var text = ev.querySelector(".text").textContent.toLowerCase();
    return terms.every(function (t) {
      if (t.indexOf("kind:") === 0) return kind === t.slice(5);
      if (t.indexOf("outlet:") === 0) return outlets.indexOf(t.slice(7)) >= 0;
      return text.indexOf(t) >= 0 || outlets.indexOf(t) >= 0 || kind.indexOf(t) >= 0;
    });
  }
  function apply() {
    var terms = box.value.toLowerCase().split(/\\s+/).filter(Boolean), n = 0;
    events.forEach(function (ev) { ev.hidden = !matches(ev, terms); n += ev.hidden ? 0 : 1; });
    document.querySelectorAll("section.period").forEach(function (s) {
      s.hidden = !s.querySelector("article.event:not([hidden])");
    });
    shown.textContent = n + " of " + events.length + " events shown";
  }
  function decode(text) {
    try { return decodeURIComponent(text.replace(/\\+/g, " ")); } catch (e) { return text; }
  }
  function fromHash() {
    var m = /^#q=(.*)$/.exec(location.hash);
    var target = document.getElementById(decode(location.hash.slice(1)));
    if (m) box.value = decode(m[1]);
    else if (target && target.matches("article.event")) {
      target.querySelector("details").open = true;
    }
    apply();
  }
  box.addEventListener("input", function () {
    apply();
    try {
      history.replaceState(null, "", "#q=" + encodeURIComponent(box.value));
    } catch (e) {}
  });
  window.addEventListener("hashchange", fromHash);
  document.getElementById("filter").hidden = false;
  fromHash();
})();
""".strip()


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# Nothing loads but the page's own style and script: no image, font, frame or fetch.
_POLICY = (
    f"default-src 'none'; style-src {_hash(_STYLE)}; script-src {_hash(_SCRIPT)}; "
    "base-uri 'none'; form-action 'none'"
)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def datetime_attr(when: When) -> str:
    """A valid HTML ``datetime`` for a date: the instant, a local date and time, a day,
    an ISO week, a month, or (for seasons, quarters and halves) the year."""
    if when.precision is Precision.TIME:
        return when.at or f"{when.value}T{when.time}"
    if when.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        return when.value
    if when.precision is Precision.WEEK:
        return when.value.removesuffix("-WE")
    return when.value[:4]


def _source(source: Source, dissenting: bool, published: Published | None) -> str:
    where = [_e(source.outlet)] if source.outlet else []
    if source.origin and source.origin != source.outlet:
        where.append(f"({_e(source.origin)})")
    if where:
        where.append("&middot;")
    where.append(f"<code>{_e(source.article)}</code>, line {_e(source.line)}")
    if source.entry:
        where.append(f"&middot; {_e(source.entry)}")
    if source.caption:
        where.append("&middot; photo caption")
    if dissenting:
        where.insert(0, f"<strong>puts it on {_e(date_label(source.when))}:</strong>")
    return (
        f'<li><p class="where">{" ".join(where)}</p>'
        f"<blockquote>{_e(source.quote)}</blockquote>"
        f'<p class="chain">{_e(chain(source, published))}</p>'
        "</li>"
    )


def event_html(event: Event, dates: Mapping[str, Published]) -> str:
    """One event as an ``<article>``: date, status tag, kind, text, outlets, dissenting
    dates, and its sources (each with its date chain, its article's publication date
    taken from ``dates``) behind a ``<details>``."""
    sources, conflicts = event.sources, event.conflicts
    classes = ["event"]
    tag = TAGS.get(event.status)
    if tag:
        classes.append(event.status.value)
    if event.basis is Basis.REPORTED:
        classes.append("reported")
    if sources and all(s.caption for s in sources):
        classes.append("caption")
    told = counted(len(sources), "source")
    if conflicts:
        told += f", {len(conflicts)} with another date"
    items = [_source(s, False, dates.get(s.article)) for s in sources]
    items += [_source(s, True, dates.get(s.article)) for s in conflicts]
    other = dissent(event)
    line = outlets(event)
    return (
        f'<article class="{" ".join(classes)}" id="{_e(event.id)}" '
        f'data-kind="{_e(event.kind)}" data-status="{_e(event.status.value)}" '
        f'data-basis="{_e(event.basis.value)}" data-outlets="{_e(line)}">\n'
        f'<header><time datetime="{_e(datetime_attr(event.when))}">'
        f"{_e(event_date_label(event))}</time>"
        + (f' <span class="tag">{tag}</span>' if tag else "")
        + f' <span class="kind">{_e(event.kind)}</span></header>\n'
        f'<p class="text">{_e(event.text)}</p>\n'
        f'<p class="outlets">{_e(line)}</p>\n'
        + (f'<p class="dissent">{_e(other)}</p>\n' if other else "")
        + f"<details><summary>{told}</summary>\n<ol>\n"
        + "\n".join(items)
        + "\n</ol></details>\n</article>\n"
    )


def _periods(events: Sequence[Event], dates: Mapping[str, Published]) -> Iterator[str]:
    if not events:
        yield "<p>No dated events.</p>\n"
    for (stamp, words), grouped in periods(events):
        yield f'<section class="period">\n<h2><time datetime="{stamp}">{words}</time></h2>\n'
        yield from (event_html(e, dates) for e in grouped)
        yield "</section>\n"


def _problems(problems: Sequence[Problem]) -> Iterator[str]:
    yield f'<section id="problems">\n<h2>Problems ({len(problems)})</h2>\n'
    if not problems:
        yield "<p>None: every article was read and dated.</p>\n"
    else:
        yield "<ul>\n"
        for p in problems:
            yield f"<li><code>{_e(p.where)}</code>: {_e(p.problem)}</li>\n"
        yield "</ul>\n"
    yield "</section>\n"


def page(timeline: Timeline, dates: Mapping[str, Published], title: str = "Chronology") -> str:
    """The whole timeline as one HTML document, each source with its date chain, its
    article's publication date taken from ``dates`` (``syriatl.explain.publications``)."""
    count = len(timeline.events)
    head = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{_e(title)}</h1>\n"
        f'<p>{_e(summary(timeline))} (see <a href="#problems">Problems</a>).</p>\n'
        '<p class="filter" id="filter" hidden><label>Filter '
        '<input type="search" id="q" placeholder="words, an outlet, kind:attack"></label>'
        f'<output id="shown" for="q">{count} of {count} events shown</output></p>\n'
        "</header>\n<main>\n"
    )
    tail = f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    events = "".join(_periods(timeline.events, dates))
    return head + events + "".join(_problems(timeline.problems)) + tail
