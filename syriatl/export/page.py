"""The chronology as one self-contained web page: events by month, each with its outlets,
and its sources' quotes and date chains behind a disclosure; a filter box; the problems.

A pure function of the ``build --explain`` schema data. The page fetches nothing: its
CSS and script are inline, pinned by their hashes in a Content-Security-Policy that
forbids every other load, and it reads in full without the script (which only adds the
filter). Every text is escaped; the same data always gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from html import escape
from itertools import groupby
from typing import Any

from syriatl.labels import TAGS, date_label, period_of, short_date
from syriatl.model import Precision, When
from syriatl.timex import span

# What a status other than "happened" is tagged with, as schema data names it.
_TAGS = {status.value: tag for status, tag in TAGS.items()}

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


def when_of(data: Mapping[str, Any]) -> When:
    """The ``When`` of an event or conflict as schema data (its ``precision`` when it
    gives one, else the one its ``date`` value has)."""
    start, end, precision = span(data["date"]) or (None, None, None)
    if start is None or end is None or precision is None:
        raise ValueError(f"{data['date']!r} is not a calendar value")
    if "precision" in data:
        precision = Precision(data["precision"])
    elif data.get("time"):
        precision = Precision.TIME
    return When(data["date"], precision, start, end, data.get("time"),
                data.get("modifier"), data.get("at"), data.get("zone"))  # fmt: skip


def datetime_attr(event: Mapping[str, Any]) -> str:
    """A valid HTML ``datetime`` for an event: the instant, a local date and time, a
    day, an ISO week, a month, or (for seasons, quarters and halves) the year."""
    value, precision = event["date"], event["precision"]
    if precision == "time":
        return event["at"] or f"{value}T{event['time']}"
    if precision in ("day", "month", "year"):
        return str(value)
    if precision == "week":
        return str(value).removesuffix("-WE")
    return str(value)[:4]


def period(event: Mapping[str, Any]) -> tuple[str, str]:
    """The heading an event (as schema data) is listed under (see ``period_of``)."""
    return period_of(when_of(event))


def _ordered(items: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(items))


def outlets_line(sources: Sequence[Mapping[str, Any]]) -> str:
    """The outlets of an event counted by origin, in the table's words: "Karvana Post";
    "2 origins: Velmora Wire via Gulf Daily, Velmora Times; Karvana Post"."""

    def site(s: Mapping[str, Any]) -> str:
        return str(s["outlet"] or s["article"])

    def origin(s: Mapping[str, Any]) -> str:
        return str(s["origin"] or s["outlet"] or s["article"])

    origins = _ordered(origin(s) for s in sources)
    groups = [(o, [s for s in sources if origin(s) == o]) for o in origins]
    named = [(o, _ordered(site(s) for s in told), told) for o, told in groups]
    via = any(names != [o] for o, names, _ in named)
    parts = []
    for o, names, told in named:
        shown = [
            n + (" (caption)" if all(s["caption"] for s in told if site(s) == n) else "")
            for n in names
        ]
        parts.append((f"{o} via " if names != [o] else "") + ", ".join(shown))
    head = ""
    if len(origins) > 1 or sum(len(names) for _, names, _ in named) > 1:
        head = f"{len(origins)} origin{'s' if len(origins) > 1 else ''}: "
    return head + ("; " if via else ", ").join(parts)


def _source(source: Mapping[str, Any], dissent: bool) -> str:
    where = [_e(source["outlet"])] if source["outlet"] else []
    if source["origin"] and source["origin"] != source["outlet"]:
        where.append(f"({_e(source['origin'])})")
    if where:
        where.append("&middot;")
    where.append(f"<code>{_e(source['article'])}</code>, line {_e(source['line'])}")
    if source.get("entry"):
        where.append(f"&middot; {_e(source['entry'])}")
    if source["caption"]:
        where.append("&middot; photo caption")
    if dissent:
        where.insert(0, f"<strong>puts it on {_e(date_label(when_of(source)))}:</strong>")
    chain = source.get("explanation")
    return (
        f'<li><p class="where">{" ".join(where)}</p>'
        f"<blockquote>{_e(source['quote'])}</blockquote>"
        + (f'<p class="chain">{_e(chain)}</p>' if chain else "")
        + "</li>"
    )


def _dissent(event: Mapping[str, Any]) -> str:
    year = when_of(event).start.year
    by_day: dict[str, list[str]] = {}
    for s in event["conflicts"]:
        by_day.setdefault(short_date(when_of(s), year), []).append(
            str(s["origin"] or s["outlet"] or s["article"])
        )
    said = [f"{day} ({', '.join(_ordered(iter(names)))})" for day, names in by_day.items()]
    return f'<p class="dissent">other dates: {_e(", ".join(said))}</p>' if said else ""


def event_html(event: Mapping[str, Any]) -> str:
    """One event as an ``<article>``: date, status tag, kind, text, outlets, dissenting
    dates, and its sources behind a ``<details>``."""
    sources, conflicts = event["sources"], event["conflicts"]
    label = date_label(when_of(event))
    classes = ["event"]
    if event["status"] in _TAGS:
        classes.append(event["status"])
    if event["basis"] == "reported":
        classes.append("reported")
        label = f"reported {label}"
    if sources and all(s["caption"] for s in sources):
        classes.append("caption")
    tag = _TAGS.get(event["status"])
    outlets = outlets_line(sources)
    told = f"{len(sources)} source{'s' if len(sources) != 1 else ''}"
    if conflicts:
        told += f", {len(conflicts)} with another date"
    items = [_source(s, False) for s in sources] + [_source(s, True) for s in conflicts]
    return (
        f'<article class="{" ".join(classes)}" id="{_e(event["id"])}" '
        f'data-kind="{_e(event["kind"])}" data-status="{_e(event["status"])}" '
        f'data-basis="{_e(event["basis"])}" data-outlets="{_e(outlets)}">\n'
        f'<header><time datetime="{_e(datetime_attr(event))}">{_e(label)}</time>'
        + (f' <span class="tag">{tag}</span>' if tag else "")
        + f' <span class="kind">{_e(event["kind"])}</span></header>\n'
        f'<p class="text">{_e(event["text"])}</p>\n'
        f'<p class="outlets">{_e(outlets)}</p>\n'
        + (_dissent(event) + "\n" if conflicts else "")
        + f"<details><summary>{told}</summary>\n<ol>\n"
        + "\n".join(items)
        + "\n</ol></details>\n</article>\n"
    )


def _periods(events: Sequence[Mapping[str, Any]]) -> Iterator[str]:
    if not events:
        yield "<p>No dated events.</p>\n"
    for (stamp, words), grouped in groupby(events, key=period):
        yield f'<section class="period">\n<h2><time datetime="{stamp}">{words}</time></h2>\n'
        yield from (event_html(e) for e in grouped)
        yield "</section>\n"


def _problems(problems: Sequence[Mapping[str, Any]]) -> Iterator[str]:
    yield f'<section id="problems">\n<h2>Problems ({len(problems)})</h2>\n'
    if not problems:
        yield "<p>None: every article was read and dated.</p>\n"
    else:
        yield "<ul>\n"
        for p in problems:
            where = p["path"] or p["article"]
            yield f"<li><code>{_e(where)}</code>: {_e(p['problem'])}</li>\n"
        yield "</ul>\n"
    yield "</section>\n"


def page(data: Mapping[str, Any], title: str = "Chronology") -> str:
    """The whole timeline (``build --explain`` schema data) as one HTML document."""
    events, problems = list(data["events"]), list(data["problems"])
    count = len(events)
    articles = len(data["articles"])
    summary = (
        f"{count} event{'s' if count != 1 else ''} from {articles} "
        f"article{'s' if articles != 1 else ''}; {len(problems)} "
        f'problem{"s" if len(problems) != 1 else ""} (see <a href="#problems">Problems</a>).'
    )
    head = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{_e(title)}</h1>\n<p>{summary}</p>\n"
        '<p class="filter" id="filter" hidden><label>Filter '
        '<input type="search" id="q" placeholder="words, an outlet, kind:attack"></label>'
        f'<output id="shown" for="q">{count} of {count} events shown</output></p>\n'
        "</header>\n<main>\n"
    )
    tail = f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    return head + "".join(_periods(events)) + "".join(_problems(problems)) + tail
