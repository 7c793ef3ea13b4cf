"""Who published an article (its site) and whose copy it is (its origin).

Metadata wins for the site (``outlet:``) and the origin (``origin:``); what it leaves
open is read from the page, in credit positions only, one rule at a time:

origin, strongest first
  dateline-credit  "KARVANA, May 4 (Reuters) –", "KARVANA (AA) -", "DORVAN, May 4. /TASS/."
                   (structural: an agency missing from the table is still found)
  byline           a byline line that ends with an agency ("By Reuters", "By Jane Doe,
                   Associated Press"); "By Jane Doe" names a person, not an outlet
  wire-credit      "/TASS/", "Source: AFP", a "Reporting by ..." line naming an agency,
                   a story opening "Xinhua, ...", a lead sentence "..., Reuters reported"
  copyright        a copyright line naming an agency ("Copyright © 2019 Anadolu Agency")
site
  title-site       the site part of the title ("Truce holds | Gulf Daily")
  copyright        a copyright line naming anything else ("© 2019 Gulf Daily")
  url              the metadata's URL, else the most printed URL host ("gulfdaily.com")

Never an origin: an agency named inside a story sentence ("told Reuters on Monday",
"according to AFP" — a source the story cites, which a site's own write-up does all
the time), in a photo caption or credit ("AP Photo/..."), an embedded post or a reader
comment. Only the lead sentence's "..., AGENCY reported" counts: there the agency's
report is the story. The page of an agency itself has origin = site; when nothing is
found both are None and the merge counts the article as its own origin.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from syriatl.model import Article, Layout, Outlet, Segment, SegmentKind
from syriatl.patterns import outlets as table

# Segments whose words are never the page's credit.
_FOREIGN = frozenset(
    {
        SegmentKind.CAPTION,
        SegmentKind.EMBED,
        SegmentKind.EMBED_SIGNATURE,
        SegmentKind.COMMENT,
        SegmentKind.COMMENT_STAMP,
    }
)
_CREDIT_WORDS = 16  # a credit, byline or copyright line is at most this many words
_EVIDENCE = 80  # characters of quoted evidence per rule
_OPENING = 2  # a dateline opens the story: its first two paragraphs or entries
_BYLINE_WITHIN = 8  # a byline stands among the page's first blocks
_LONGEST = 240  # characters of a credit, byline or copyright line at most
_HEAD = 200  # a credit inside a line sits within its first characters
_COPYRIGHT_MARK = re.compile(r"©|\([cC]\)|[Cc]opyright|COPYRIGHT")
_WORD = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*|&")


@cache
def _canonical() -> dict[str, str]:
    return {form: name for name, forms, _ in table.AGENCIES for form in (name, *forms)}


@cache
def _agency_alternation() -> str:
    forms = sorted(_canonical(), key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


@cache
def _compiled() -> tuple[
    tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[str, re.Pattern[str]], ...]
]:
    credits = tuple((name, re.compile(pattern)) for name, pattern, _, _ in table.CREDITS)
    agency, month = _agency_alternation(), table.MONTH
    wires = tuple(
        (name, re.compile(pattern.replace("{agency}", agency).replace("{month}", month)))
        for name, pattern, _, _ in table.WIRE_FORMS
    )
    return credits, wires


@cache
def _ending_agency() -> re.Pattern[str]:
    """An agency's name ending a byline or credit (after any date, 'staff', 'News')."""
    return re.compile(
        rf"(?:^|[\s,(/;]|\bof\s|\bfor\s)(?P<agency>{_agency_alternation()})"
        rf"(?:[ \t]+(?:staff|Staff|correspondents?|Correspondents?|reporters?|Reporters?))?"
        rf"(?:[ \t,]+(?:{table.DAY_MONTH}))?[ \t).,]*$"
    )


@cache
def _named_agency() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<agency>{_agency_alternation()})(?![\w-])")


@cache
def _copyright() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(table.COPYRIGHT[0], re.IGNORECASE),
        re.compile(table.COPYRIGHT_NOISE),
        re.compile(table.PHOTO_WORDS),
    )


@cache
def _url() -> re.Pattern[str]:
    return re.compile(table.URL)


@cache
def _separators() -> re.Pattern[str]:
    return re.compile(table.TITLE_SEPARATORS)


def canonical(name: str) -> str:
    """An agency's canonical name ("Associated Press" -> "AP"); other names as given."""
    cleaned = " ".join(name.split()).strip(" .,;:")
    return _canonical().get(cleaned, cleaned)


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _EVIDENCE else line[: _EVIDENCE - 1].rstrip() + "…"


def _is_short(line: str) -> bool:
    return len(line) <= _LONGEST and len(line.split()) <= _CREDIT_WORDS


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _segment_text(text: str, segment: Segment) -> str:
    return text[segment.start : segment.end]


def _glued(text: str, segment: Segment) -> bool:
    """True when the segment is the tail of a line (a credit glued to a caption)."""
    line_start = text.rfind("\n", 0, segment.start) + 1
    return bool(text[line_start : segment.start].strip())


def _dateline_origin(text: str, segments: tuple[Segment, ...]) -> tuple[str, str] | None:
    """The origin a dateline credits, with the quoted dateline: the story's opening
    only (a wire dispatch a live blog quotes further down is not the page's copy)."""
    credits, _ = _compiled()
    seen = 0
    for segment in segments:
        if segment.kind not in (SegmentKind.DATELINE, SegmentKind.PARAGRAPH, SegmentKind.ENTRY):
            continue
        if segment.kind is SegmentKind.PARAGRAPH and _glued(text, segment):
            continue  # the story after a dateline segment: the dateline was seen
        seen += 1
        if seen > _OPENING:
            return None
        head = text[segment.start : min(segment.end, segment.start + 200)]
        if segment.kind is SegmentKind.DATELINE:
            head = text[segment.start : segment.end + 200].split("\n", 1)[0]
        for _, pattern in credits:
            found = pattern.match(head)
            if found:
                agency = found.group("agency").split("/")[0]
                return canonical(agency), found.group()
    return None


def _credit_origin(text: str, layout: Layout) -> tuple[str, str, str] | None:
    """The origin a byline or a wire credit names: (agency, rule, evidence)."""
    _, wires = _compiled()
    lines = [(n, p) for n, p in wires if "reported" not in p.pattern]
    for segment in layout.segments:
        if segment.kind in _FOREIGN or segment.kind is SegmentKind.TITLE:
            continue
        line = text[segment.start : min(segment.end, segment.start + _LONGEST)]
        short = segment.end - segment.start <= _LONGEST and _is_short(line)
        short = short and not _glued(text, segment)
        for name, pattern in lines:
            if "who" in pattern.groupindex:
                found = pattern.match(line) if short else None
            elif pattern.pattern.startswith("/") and "/" not in line[:_HEAD]:
                found = None  # no slashed credit: spare the search for one
            else:  # a slashed credit or an opening "Xinhua," sits near the top
                found = pattern.search(line, 0, _HEAD)
            agency = _agency_in(name, found) if found else None
            if found and agency:
                return agency, name, found.group().strip()
    lead = next(
        (
            s
            for s in layout.sentences
            if s.segment.kind in (SegmentKind.PARAGRAPH, SegmentKind.ENTRY)
        ),
        None,
    )
    if lead is not None:
        sentence = text[lead.start : lead.end]
        for name, pattern in wires:
            found = pattern.search(sentence) if "reported" in pattern.pattern else None
            if found:
                return canonical(found.group("agency")), name, found.group().strip(" ,;—–-")
    return None


def _byline_site(text: str, layout: Layout) -> tuple[str, str] | None:
    """The site a byline names after its writer ("By Dana Orsk, Meridian Post"), with the
    line; a byline naming an agency is the origin's, not the site's."""
    for segment in layout.segments[:_BYLINE_WITHIN]:
        if segment.kind in _FOREIGN or segment.kind is SegmentKind.TITLE:
            continue
        line = _segment_text(text, segment).strip()
        found = table.BYLINE_SITE.match(line)
        if found and _named_agency().search(found.group("site")) is None:
            return found.group("site"), line
    return None


def _agency_in(rule: str, found: re.Match[str]) -> str | None:
    if "agency" in found.re.groupindex:
        return canonical(found.group("agency"))
    who = found.group("who")
    if rule == "byline":  # the agency ends the byline: "By Petra Novak" is a person
        ending = _ending_agency().search(who)
        return canonical(ending.group("agency")) if ending else None
    named = _named_agency().search(who)
    return canonical(named.group("agency")) if named else None


def _copyright_name(text: str, layout: Layout) -> tuple[str, str] | None:
    """The name a copyright line gives, with the line."""
    line_re, noise, photo = _copyright()
    for segment in reversed(layout.segments):
        if segment.kind in _FOREIGN or segment.kind is SegmentKind.TITLE:
            continue
        if segment.end - segment.start > _LONGEST:
            continue
        line = _segment_text(text, segment)
        if not _COPYRIGHT_MARK.search(line) or not _is_short(line):
            continue
        if _glued(text, segment) or photo.search(line):
            continue
        found = line_re.match(line)
        if found is None:
            continue
        name = " ".join(noise.sub(" ", found.group("name")).split())
        if name and _words(name) <= table.SITE_WORDS:
            return canonical(name), found.group().strip()
    return None


def _site_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= table.SITE_WORDS or any(c.isdigit() for c in part):
        return False
    if part.rstrip().endswith((".", "?", "!", ":", ",")):
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in table.SITE_SMALL_WORDS for w in words
    )


def _title_site(title: str | None) -> tuple[str, str] | None:
    """The site part of a title: the short end beside a longer headline."""
    if not title:
        return None
    parts = [p.strip() for p in _separators().split(title) if p.strip()]
    if len(parts) < 2:
        return None
    last, first = parts[-1], parts[0]
    rest_last = " ".join(parts[:-1])
    rest_first = " ".join(parts[1:])
    if (
        _site_name(last)
        and _words(rest_last) >= table.HEADLINE_WORDS
        and (not _site_name(rest_last) or _words(last) < _words(rest_last))
    ):
        return canonical(last), " ".join(title.split())
    if (
        _site_name(first)
        and _words(rest_first) >= table.HEADLINE_WORDS
        and not _site_name(rest_first)
    ):
        return canonical(first), " ".join(title.split())
    return None


def _host(url: str) -> str | None:
    """The site of an address: its registrable domain, proxies and archives seen through
    ("https://www.gulfdaily.com/x" -> "gulfdaily.com"); None for a social network."""
    found = _url().search(url) or re.match(rf"(?P<host>{table._HOST})(?P<inner>)", url)
    if found is None:
        return None
    host = (found.group("inner") or found.group("host")).lower().removeprefix("www.")
    if any(host == h or host.endswith("." + h) for h, _ in table.FOREIGN_HOSTS):
        return None
    labels = host.split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        return None
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in table.SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _url_site(text: str, layout: Layout, chrome_only: bool) -> tuple[str, str] | None:
    """The most printed URL host of the page (outside captions, embeds and comments;
    with ``chrome_only``, outside the story's sentences too)."""
    if "://" not in text and "www." not in text:
        return None
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for segment in layout.segments:
        if segment.kind in _FOREIGN or (chrome_only and segment.kind.is_story):
            continue
        for found in _url().finditer(text, segment.start, segment.end):
            host = _host(found.group())
            if host:
                counts[host] += 1
                first.setdefault(host, found.group())
    if not counts:
        return None
    best = max(counts, key=lambda h: (counts[h], -list(first).index(h)))
    return best, first[best]


def shown(outlet: Outlet) -> str | None:
    """How an outlet is shown: "Gulf Daily (AFP)", or "AFP" for the agency's own copy."""
    if outlet.site is None or outlet.origin in (None, outlet.site):
        return outlet.site or outlet.origin
    return f"{outlet.site} ({outlet.origin})"


def outlet_of(article: Article, layout: Layout) -> Outlet:
    """The article's site and origin: metadata wins; otherwise what the page says."""
    meta, text = article.meta, article.text
    rules: list[str] = []
    evidence: list[str] = []

    def note(rule: str, words: str) -> None:
        if rule not in rules:
            rules.append(rule)
            evidence.append(_short(words))

    site = meta.outlet
    if site:
        note("metadata", f"outlet: {site}")
    origin = meta.origin
    if origin:
        note("metadata", f"origin: {origin}")
    else:
        dated = _dateline_origin(text, layout.segments)
        credited = None if dated else _credit_origin(text, layout)
        if dated:
            origin = dated[0]
            note("dateline-credit", dated[1])
        elif credited:
            origin = credited[0]
            note(credited[1], credited[2])
    if site is None:
        titled = _title_site(meta.title) or _title_site(layout.title)
        if titled:
            site = titled[0]
            note("title-site", titled[1])
    if site is None:
        signed = _byline_site(text, layout)
        if signed:
            site = signed[0]
            note("byline-site", signed[1])
    if site is None or origin is None:
        named = _copyright_name(text, layout)
        if named and named[0] in _canonical().values() and origin is None:
            origin = named[0]
            note("copyright", named[1])
        elif named and named[0] not in _canonical().values() and site is None:
            site = named[0]
            note("copyright", named[1])
    if site is None and meta.url:
        host = _host(meta.url)
        if host:
            site = host
            note("url", f"url: {meta.url}")
    if site is None:  # a wire story may print other sites' addresses
        printed = _url_site(text, layout, chrome_only=origin is not None)
        if printed:
            site = printed[0]
            note("url", printed[1])
    if site is None:
        site = origin
    if origin is None:
        origin = site
    if not rules:
        return Outlet()
    return Outlet(site, origin, "+".join(rules), "; ".join(evidence))
