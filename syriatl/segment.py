"""Lay out an article: title, dateline, live-blog entries, paragraphs, sentences; and the
page chrome and reader comments around them, marked so that they produce no events.

Chrome is recognised by structure (short lines of interface words, lines repeated on the
page, all-capital labels, credits, lowercase file-name slugs, menus before the story);
comment threads by what opens them after the story (a short comment-widget line, a
user-name + timestamp header, an indented numbered list after a widget line).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from syriatl.model import Entry, Kind, Layout, Mention, Segment, SegmentKind, Sentence
from syriatl.patterns import chrome

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}(?:\.(?:jpe?g|png|gif|webp))?")
_LIST_ITEM = re.compile(r"(?P<indent>[ \t]*)\d{1,3}[.)][ \t]+")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.]+)?),[ \t]*(?P<date>[^–—\n]{0,40}?)"
    r"[ \t]*(?:\([A-Za-z ]+\)[ \t]*)?[–—-]+[ \t]+"
)
_TERMINAL = re.compile(r"[.!?:;…][\"”’)\]]*$|[\"”]$")
_INITIALS_LINE = re.compile(r"[a-z]{2,5}(?:[ \t]*[,/&][ \t]*[a-z]{2,5})*[ \t]*\([^)]*\)")
_FILLER = re.compile(
    r"(?i)\b(?:updated|update|published|posted|last|on|at|date|time|created|modified|am|pm)\b"
    r"|[|,·•:/()–—-]|\s"
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    number: int
    text: str


@cache
def _entry_regex() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label, _ in chrome.ENTRY_LABELS)
    return re.compile(chrome.ENTRY_HEADER.format(labels=labels))


@cache
def _credit_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    labels = "|".join(chrome.CREDIT_LABELS)
    glued = re.compile(rf"(?<=[\w.)])(?:{labels})s?:[ \t]*\S.*$")
    opening = re.compile(rf"[ \t]*(?:{labels})s?:[ \t]*\S")
    return glued, opening


def _lines(text: str) -> list[_Line]:
    out, offset = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            out.append(_Line(offset, offset + len(raw), number, raw))
        offset += len(raw) + 1
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _mentions_in(
    mentions: Sequence[Mention], starts: Sequence[int], a: int, b: int
) -> list[Mention]:
    i = bisect_left(starts, a)
    found = []
    while i < len(mentions) and mentions[i].start < b:
        found.append(mentions[i])
        i += 1
    return found


def _full_date(m: Mention) -> bool:
    s = m.spec
    return (
        s.kind is Kind.CALENDAR
        and s.year is not None
        and s.month is not None
        and (s.day is not None)
    )


def _remainder(line: _Line, mentions: list[Mention]) -> str:
    text, cut = line.text, 0
    pieces = []
    for m in mentions:
        pieces.append(text[cut : m.start - line.start])
        cut = m.end - line.start
    pieces.append(text[cut:])
    return "".join(pieces)


def _is_short(text: str) -> bool:
    words = _words(text)
    return 0 < len(words) <= chrome.SHORT_LINE_WORDS and not _TERMINAL.search(text.rstrip())


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    if not words:
        return 0.0
    return sum(w.lower() in vocabulary for w in words) / len(words)


def _classify(line: _Line, mentions: list[Mention]) -> str:
    """A line's shape, judged on the line alone."""
    text = line.text.strip()
    words = _words(text)
    if _entry_regex().match(line.text):
        return "entry"
    if any(text.startswith(label + ":") for label in chrome.CAPTION_LABELS):
        return "caption"
    if _credit_regex()[0].search(text) and len(words) > 3:
        return "caption"
    if _SLUG.fullmatch(text) or _credit_regex()[1].match(text):
        return "credit"
    if _INITIALS_LINE.fullmatch(text):
        return "credit"
    dates = [m for m in mentions if _full_date(m)]
    if dates:
        rest = _remainder(line, mentions)
        leftover = _words(_FILLER.sub(" ", rest))
        if not leftover:
            return "date-only"
        if len(leftover) <= 4 and len(text) <= 100 and not _TERMINAL.search(text):
            return "stamp"
    dateline = _DATELINE.match(text)
    if dateline and not dateline.group("place").strip().isdigit():
        return "dateline"
    if _LIST_ITEM.match(line.text):
        return "list"
    if _is_short(text):
        if text.upper() == text and any(c.isalpha() for c in text):
            return "caps"
        if _share(words, chrome.COMMENT_WORDS) >= 0.5 and len(words) <= 4:
            return "comment-marker"
        if _share(words, chrome.INTERFACE_WORDS | chrome.COMMENT_WORDS) >= 0.5:
            return "widget"
        return "short"
    return "prose"


def _entry(line: _Line) -> tuple[Entry, int]:
    match = _entry_regex().match(line.text)
    assert match is not None
    hour = int(match.group("hour")) if match.group("hour") else None
    minute = int(match.group("minute")) if match.group("minute") else None
    entry = Entry(label=match.group("label"), start=line.start, hour=hour, minute=minute)
    return entry, line.start + match.end()


def _day_offsets(entries: list[Entry]) -> list[Entry]:
    """Entries with the day each falls on, counted from the first post.

    A blog lists entries newest first or oldest first (whichever way most clocks run);
    reading them in time order, a clock that goes backwards means the next day.
    """
    clocks = [(e.hour or 0) * 60 + (e.minute or 0) for e in entries if e.hour is not None]
    falling = sum(a > b for a, b in pairwise(clocks))
    rising = sum(a < b for a, b in pairwise(clocks))
    order = list(range(len(entries)))
    if falling >= rising:
        order.reverse()
    offsets, day, last = {}, 0, None
    for index in order:
        e = entries[index]
        if e.hour is not None:
            clock = e.hour * 60 + (e.minute or 0)
            if last is not None and clock < last:
                day += 1
            last = clock
        offsets[index] = day
    return [Entry(e.label, e.start, e.hour, e.minute, offsets[i]) for i, e in enumerate(entries)]


def _sentences(text: str, start: int, end: int, line: int, segment: Segment) -> list[Sentence]:
    out, cursor = [], start
    # The word before a boundary lies after the previous boundary (whose lookahead saw
    # a space), so only that stretch is read, and lines are counted as the cursor moves:
    # a long run of abbreviations ("Jan. Jan. ...") stays linear.
    after, counted = start, start
    for match in _BOUNDARY.finditer(text, start, end):
        before = text[max(cursor, after) : match.start()].rsplit(None, 1)
        after = match.end()
        word = before[-1] if before else ""
        bare = word.lstrip("(\"“‘'").lower()
        if bare in chrome.ABBREVIATIONS or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", bare):
            continue
        line, counted = line + text.count("\n", counted, cursor), cursor
        stop = match.end()
        out.append(Sentence(cursor, stop, line, segment))
        cursor = stop
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end and text[cursor:end].strip():
        out.append(Sentence(cursor, end, line + text.count("\n", counted, cursor), segment))
    return out


def layout(text: str, mentions: Sequence[Mention]) -> Layout:
    """The structure of an article's text; ``mentions`` are its detected expressions."""
    lines = _lines(text)
    starts = [m.start for m in mentions]
    shapes = [_classify(ln, _mentions_in(mentions, starts, ln.start, ln.end)) for ln in lines]
    counts = Counter(" ".join(ln.text.split()) for ln in lines)
    for i, ln in enumerate(lines):
        repeated = counts[" ".join(ln.text.split())] > 1 and _is_short(ln.text.strip())
        if repeated and shapes[i] in ("short", "widget", "caps", "list"):
            shapes[i] = "widget"
    title_index = _title(lines, shapes)
    story = next(
        (
            i
            for i, s in enumerate(shapes)
            if s in ("prose", "entry", "dateline") and i != title_index
        ),
        len(lines),
    )
    comments = _comment_start(lines, shapes, story)
    return _assemble(text, lines, shapes, title_index, story, comments)


def _title(lines: list[_Line], shapes: list[str]) -> int | None:
    for i, shape in enumerate(shapes):
        if shape in ("widget", "caps", "credit", "list", "comment-marker"):
            continue
        words = _words(lines[i].text)
        headline = shape in ("short", "prose") and not lines[i].text.rstrip().endswith(".")
        if headline and chrome.TITLE_MIN_WORDS <= len(words) <= 25:
            return i
        return None
    return None


def _comment_start(lines: list[_Line], shapes: list[str], story: int) -> int:
    for i in range(story + 1, len(lines)):
        shape = shapes[i]
        if shape in ("comment-marker", "stamp"):
            return i
        item = _LIST_ITEM.match(lines[i].text)
        indented = shape == "list" and item is not None and item.group("indent")
        if indented and shapes[i - 1] in ("widget", "short", "caps", "comment-marker"):
            return i
    return len(lines)


def _assemble(
    text: str,
    lines: list[_Line],
    shapes: list[str],
    title: int | None,
    story: int,
    comments: int,
) -> Layout:
    segments: list[Segment] = []
    sentences: list[Sentence] = []
    raw_entries = [
        _entry(lines[i])[0] for i, s in enumerate(shapes) if s == "entry" and i < comments
    ]
    entries = _day_offsets(raw_entries)
    by_start = {e.start: e for e in entries}
    current: Entry | None = None
    glued, _ = _credit_regex()
    for i, (ln, shape) in enumerate(zip(lines, shapes, strict=True)):
        start, end = ln.start + len(ln.text) - len(ln.text.lstrip()), ln.end
        if i >= comments:
            kind = (
                SegmentKind.COMMENT_STAMP
                if shape == "stamp"
                else (
                    SegmentKind.CHROME
                    if shape in ("widget", "caps", "comment-marker")
                    else SegmentKind.COMMENT
                )
            )
            segments.append(Segment(kind, start, end, ln.number))
            continue
        if i == title:
            segments.append(Segment(SegmentKind.TITLE, start, end, ln.number))
            continue
        if shape == "entry":
            current = by_start[ln.start]
            _, start = _entry(ln)
            kind = SegmentKind.ENTRY
        elif shape == "dateline":
            match = _DATELINE.match(text, start)
            assert match is not None
            segments.append(Segment(SegmentKind.DATELINE, start, match.end(), ln.number, current))
            start, kind = match.end(), SegmentKind.PARAGRAPH
        elif shape == "caption":
            kind = SegmentKind.CAPTION
        elif shape in ("date-only", "stamp") and i < story + 2:
            kind = SegmentKind.DATE_LINE
        elif shape == "prose" and i >= story:
            kind = SegmentKind.PARAGRAPH
        elif shape in ("short", "stamp", "date-only", "list") and i > story:
            kind = SegmentKind.HEADING
        else:
            kind = SegmentKind.CHROME
        credit = glued.search(text, start, end) if kind.is_story else None
        if credit:
            end = credit.start()
            kind = SegmentKind.CAPTION
        segment = Segment(kind, start, end, ln.number, current)
        segments.append(segment)
        if kind.is_story:
            sentences.extend(_sentences(text, start, end, ln.number, segment))
    title_text = " ".join(lines[title].text.split()) if title is not None else None
    return Layout(tuple(segments), tuple(sentences), title_text, tuple(entries))
