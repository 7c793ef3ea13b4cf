"""Lay out an article: title, dateline, live-blog entries, paragraphs, sentences; and the
page chrome and reader comments around them, marked so that they produce no events.

Hard-wrapped lines of one paragraph are joined first, so that sentences run across the
line breaks. Chrome is recognised by structure (short lines of interface words, lines
repeated on the page, all-capital labels, credits, lowercase file-name slugs, menus
before the story; banners and the ticker items under them, share widgets, promos,
captions that only name a picture, the buttons after a date line: tables in
``patterns/chrome.py``, all still shown as chrome); an embedded post by the signature
line under it; comment threads by what opens them after the story (a comments
heading, repeated user-name + timestamp headers over short bodies, an indented
numbered list after a widget line). A thread never holds story structure: an entry, a
dateline or an embed after it shows that it was none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from fractions import Fraction
from itertools import pairwise

from syriatl.lines import (
    BULLET,
    DATELINE,
    LIST_ITEM,
    Line,
    banner_regex,
    classify,
    credit_regex,
    entry_regex,
    furniture_cut,
    glued_signature_regex,
    is_short,
    join_wrapped,
    mentions_in,
    sentence_credit_regex,
    split_lines,
    words_of,
)
from syriatl.model import Aside, Entry, Layout, Mention, Segment, SegmentKind, Sentence
from syriatl.patterns import chrome

_ENDS = re.compile(r"[.!?][\"”’)\]]*$")
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


def _entry(line: Line) -> tuple[Entry, int]:
    match = entry_regex().match(line.text)
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
    """The sentences of text[start:end] (a block that starts on ``line``), each with the
    line it starts on; time grows with the block's length, not its square."""
    out: list[Sentence] = []
    cursor = start
    counted, number = start, line

    def line_of(offset: int) -> int:
        nonlocal counted, number
        number += text.count("\n", counted, offset)
        counted = offset
        return number

    for match in _BOUNDARY.finditer(text, start, end):
        before = text[max(cursor, match.start() - 64) : match.start()].rsplit(None, 1)
        word = before[-1] if before else ""
        bare = word.lstrip("(\"“‘'").lower()
        if bare in chrome.ABBREVIATIONS or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", bare):
            continue
        stop = match.end()
        out.extend(Sentence(a, b, line_of(a), segment) for a, b in _pieces(text, cursor, stop))
        cursor = stop
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end and text[cursor:end].strip():
        out.extend(Sentence(a, b, line_of(a), segment) for a, b in _pieces(text, cursor, end))
    return out


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """text[start:end] cut at spaces into runs of at most ``chrome.LONGEST_SENTENCE``
    characters (a run without sentence ends is a table or a list, not a sentence; each
    of its dates would otherwise quote all of it)."""
    most = chrome.LONGEST_SENTENCE
    while end - start > most:
        cut = text.rfind(" ", start + most // 2, start + most)
        cut = cut if cut > start else start + most
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def layout(text: str, mentions: Sequence[Mention], aside: Sequence[Aside] = ()) -> Layout:
    """The structure of an article's text; ``mentions`` are its detected expressions.
    Lines inside an ``aside`` span (sorted, not overlapping) are no story: each takes its
    span's class, and the rest of the text is laid out as if they were not there."""
    starts = [m.start for m in mentions]

    def shape(line: Line, embeds: bool = True) -> str:
        return classify(line, mentions_in(mentions, starts, line.start, line.end), embeds)

    lines, apart = _apart(split_lines(text), aside)
    lines, shapes = join_wrapped(text, lines, [shape(ln) for ln in lines], shape)
    counts = Counter(" ".join(ln.text.split()) for ln in lines)
    for i, ln in enumerate(lines):
        repeated = counts[" ".join(ln.text.split())] > 1 and is_short(ln.text.strip())
        if repeated and shapes[i] in ("short", "widget", "caps", "list"):
            shapes[i] = "widget"
    _mark_tickers(lines, shapes)
    cuts = {
        i: cut
        for i, ln in enumerate(lines)
        if shapes[i] in ("date-only", "stamp")
        and (cut := furniture_cut(ln, mentions_in(mentions, starts, ln.start, ln.end)))
    }
    title_index = _title(lines, shapes)
    story = next(
        (
            i
            for i, s in enumerate(shapes)
            if s in ("prose", "entry", "dateline") and i != title_index
        ),
        len(lines),
    )
    for i in range(len(shapes)):
        if shapes[i] != "signature":
            continue
        if i < story:  # a byline with a handle ("Jane Doe (@janedoe) March 7, 2019")
            shapes[i] = shape(lines[i], embeds=False)
        else:
            _mark_post(lines, shapes, i, title_index)
    comments = _comment_start(lines, shapes, story)
    laid = _assemble(text, lines, shapes, title_index, story, comments, cuts)
    if not apart:
        return laid
    set_apart = [
        Segment(_aside_kind(kind, shape(ln)), *_trimmed_span(ln), ln.number) for ln, kind in apart
    ]
    segments = tuple(sorted((*laid.segments, *set_apart), key=lambda s: s.start))
    return Layout(segments, laid.sentences, laid.title, laid.entries)


def _apart(
    lines: list[Line], aside: Sequence[Aside]
) -> tuple[list[Line], list[tuple[Line, SegmentKind]]]:
    """The lines outside the ``aside`` spans, and those inside one with its class."""
    if not aside:
        return lines, []
    starts = [a.start for a in aside]
    kept: list[Line] = []
    apart: list[tuple[Line, SegmentKind]] = []
    for ln in lines:
        i = bisect_right(starts, ln.start) - 1
        if i >= 0 and ln.start < aside[i].end:
            apart.append((ln, aside[i].kind))
        else:
            kept.append(ln)
    return kept, apart


def _aside_kind(kind: SegmentKind, shape: str) -> SegmentKind:
    """The class of a line set aside as ``kind``: in reader comments, a name-and-stamp
    header is a comment stamp and a comments heading or a button is chrome, as in a
    thread the layout finds itself."""
    if kind is not SegmentKind.COMMENT:
        return kind
    return _comment_kind(shape)


def _comment_kind(shape: str) -> SegmentKind:
    if shape == "stamp":
        return SegmentKind.COMMENT_STAMP
    if shape in ("widget", "caps", "comment-marker"):
        return SegmentKind.CHROME
    return SegmentKind.COMMENT


def _trimmed_span(line: Line) -> tuple[int, int]:
    start = line.start + len(line.text) - len(line.text.lstrip())
    return start, line.start + len(line.text.rstrip())


def _mark_tickers(lines: list[Line], shapes: list[str]) -> None:
    """Mark a ticker's lines: headline links with clocks next to another or to a banner,
    and the sentences right under a banner (no blank line between, at most
    ``chrome.TICKER_ITEMS`` of them to the end of the banner's run)."""
    for i, shape in enumerate(shapes):
        if shape != "clock-headline":
            continue
        near = [k for k in (i - 1, i + 1) if 0 <= k < len(shapes)]
        ticker = any(shapes[k] in ("clock-headline", "ticker") for k in near)
        shapes[i] = "ticker" if ticker else "short"
    for i, shape in enumerate(shapes):
        if shape != "ticker" or not banner_regex().fullmatch(
            lines[i].text.strip().rstrip(" \t:.!|–—-")
        ):
            continue
        run = i
        while run + 1 < len(lines) and lines[run + 1].number == lines[run].number + 1:
            run += 1
        items = range(i + 1, run + 1)
        sentences = all(
            shapes[k] in ("prose", "short") and _ENDS.search(lines[k].text.rstrip()) for k in items
        )
        if 0 < len(items) <= chrome.TICKER_ITEMS and sentences:
            for k in items:
                shapes[k] = "ticker"


# Shapes a line can have and still be the text of an embedded post above its signature.
_POST = frozenset({"prose", "short", "caps", "embed-link"})


def _mark_post(lines: list[Line], shapes: list[str], signature: int, title: int | None) -> None:
    """Mark the post above an embed's signature: the block just above it, and the short
    lines right above that with no blank line between (a post of several lines; on a page
    without blank lines, the story's prose above stays story)."""
    k, shapes_above = signature - 1, _POST
    while k >= 0 and k != title:
        if shapes[k] not in shapes_above:
            return
        shapes[k], shapes_above = "embed", _POST - {"prose"}
        if k == 0 or lines[k - 1].number != lines[k].number - 1:
            return
        k -= 1


# Lines that may come before the headline: furniture, and a date line or a ticker.
_ABOVE_TITLE = frozenset(
    {"widget", "caps", "credit", "list", "comment-marker", "date-only", "stamp", "ticker",
     "promo", "picture"}
)  # fmt: skip


def _title(lines: list[Line], shapes: list[str]) -> int | None:
    for i, shape in enumerate(shapes):
        if shape in _ABOVE_TITLE:
            continue
        words = words_of(lines[i].text)
        headline = shape in ("short", "prose") and not lines[i].text.rstrip().endswith(".")
        if headline and chrome.TITLE_MIN_WORDS <= len(words) <= 25:
            return i
        return None
    return None


# Story structure: a comment thread never holds one of these.
_STRUCTURE = frozenset({"entry", "dateline", "signature", "embed", "embed-link"})


def _comment_start(lines: list[Line], shapes: list[str], story: int) -> int:
    """Where the reader-comment thread after the story starts (len(lines) for none)."""
    last = max((i for i, s in enumerate(shapes) if s in _STRUCTURE), default=-1)
    headed = next((i for i, s in enumerate(shapes) if s == "comment-marker"), len(lines))
    threads = _stamped_threads(lines, shapes, headed)
    for i in range(max(story, last) + 1, len(lines)):
        shape = shapes[i]
        if (shape == "comment-marker" and _opens_thread(lines, shapes, i)) or i in threads:
            return i
        item = LIST_ITEM.match(lines[i].text)
        indented = shape == "list" and item is not None and item.group("indent")
        if indented and shapes[i - 1] in ("widget", "short", "caps", "comment-marker"):
            return i
    return len(lines)


def _opens_thread(lines: list[Line], shapes: list[str], heading: int) -> bool:
    """True when comment structure follows the comments heading at ``heading``: a
    name-and-stamp header, or short bodies, up to the first header. A block longer than a
    lone comment there is the story going on under a promo line ("Join the conversation")."""
    for k in range(heading + 1, len(lines)):
        if shapes[k] == "stamp":
            return True
        if len(words_of(lines[k].text)) > chrome.LONE_COMMENT_WORDS:
            return False
    return True


def _stamped_threads(lines: list[Line], shapes: list[str], headed: int) -> set[int]:
    """The stamped lines that open a thread of name-and-stamp headers with short bodies
    running to the end of the page (not a stamp the story goes on under); a lone header
    opens one only after a comments heading (at ``headed``): alone, it is as likely an
    embed's signature or a stamp the story goes on under. One pass from the end, so a
    long thread costs no more than its length."""
    found: set[int] = set()
    body: list[int] = []  # the words of each block under the header met next
    headers, short_after = 0, True
    for i in range(len(lines) - 1, -1, -1):
        if shapes[i] != "stamp":
            body.append(len(words_of(lines[i].text)))
            continue
        headers += 1
        short_after = short_after and len(body) <= chrome.COMMENT_BODY_BLOCKS
        lone = len(body) <= 1 and sum(body) <= chrome.LONE_COMMENT_WORDS
        if (headers == 1 and lone and i > headed) or (headers > 1 and short_after):
            found.add(i)
        body = []
    return found


def set_aside_warning(text: str, structure: Layout) -> str | None:
    """What to tell the user when the layout set aside more than a third of the story's
    words (None when it did not)."""
    share = set_aside_share(text, structure)
    if share <= Fraction(*chrome.SET_ASIDE_WARNING):
        return None
    return f"layout set aside {round(share * 100)}% of the story's words as chrome or comments"


def set_aside_share(text: str, structure: Layout) -> Fraction:
    """The share of the words from the first to the last story block that the layout set
    aside as chrome or comments (0 for a layout without story)."""
    story = [i for i, s in enumerate(structure.segments) if s.kind.is_story]
    if not story:
        return Fraction(0)
    inside = structure.segments[story[0] : story[-1] + 1]
    aside = (SegmentKind.CHROME, SegmentKind.COMMENT, SegmentKind.COMMENT_STAMP)
    counts = [(len(words_of(text[s.start : s.end])), s.kind in aside) for s in inside]
    total = sum(n for n, _ in counts)
    return Fraction(sum(n for n, set_aside in counts if set_aside), total or 1)


def _glued_tail(
    text: str, kind: SegmentKind, start: int, end: int
) -> tuple[SegmentKind, int, SegmentKind] | None:
    """A credit or an embed's signature glued to the end of a story line: the line's kind
    without it, where it starts and its own kind; None when there is none."""
    if kind is SegmentKind.EMBED:
        signature = glued_signature_regex().search(text, start, end)
        if signature and signature.start() > start:
            return kind, signature.start(), SegmentKind.EMBED_SIGNATURE
    credit = credit_regex()[0].search(text, start, end) if kind.is_story else None
    if credit:
        return SegmentKind.CAPTION, credit.start(), SegmentKind.CHROME
    if kind is SegmentKind.CAPTION:
        credited = sentence_credit_regex().search(text[start:end])
        if credited:
            cut = start + credited.start()
            return kind, cut + len(credited[0]) - len(credited[0].lstrip()), SegmentKind.CHROME
    return None


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` moved back over white space (not before ``start``)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _assemble(
    text: str,
    lines: list[Line],
    shapes: list[str],
    title: int | None,
    story: int,
    comments: int,
    cuts: dict[int, int],
) -> Layout:
    segments: list[Segment] = []
    sentences: list[Sentence] = []
    raw_entries = [
        _entry(lines[i])[0] for i, s in enumerate(shapes) if s == "entry" and i < comments
    ]
    entries = _day_offsets(raw_entries)
    by_start = {e.start: e for e in entries}
    current: Entry | None = None
    for i, (ln, shape) in enumerate(zip(lines, shapes, strict=True)):
        start, end = ln.start + len(ln.text) - len(ln.text.lstrip()), ln.end
        if i >= comments:
            segments.append(Segment(_comment_kind(shape), start, end, ln.number))
            continue
        if i == title:
            segments.append(Segment(SegmentKind.TITLE, start, end, ln.number))
            continue
        if shape == "entry":
            current = by_start[ln.start]
            _, start = _entry(ln)
            kind = SegmentKind.ENTRY
        elif shape == "dateline":
            match = DATELINE.match(text, start)
            assert match is not None
            stop = match.end()
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            segments.append(Segment(SegmentKind.DATELINE, start, stop, ln.number, current))
            start, kind = match.end(), SegmentKind.PARAGRAPH
            if start >= end:
                continue
        elif shape == "caption":
            kind = SegmentKind.CAPTION
        elif shape in ("embed", "embed-link"):
            kind = SegmentKind.EMBED
        elif shape == "signature":
            kind = SegmentKind.EMBED_SIGNATURE
        elif shape in ("date-only", "stamp") and i < story + 2:
            kind = SegmentKind.DATE_LINE
        elif i >= story and (shape == "prose" or (shape == "short" and BULLET.match(ln.text))):
            # "• Truce to begin at 00:01 local time on 3 March": a story's key
            # points are short bulleted lines, told like its paragraphs.
            kind = SegmentKind.PARAGRAPH
        elif shape in ("short", "stamp", "date-only", "list") and i > story:
            kind = SegmentKind.HEADING
        else:
            kind = SegmentKind.CHROME
        tail = _glued_tail(text, kind, start, end)
        if i in cuts and kind in (SegmentKind.DATE_LINE, SegmentKind.HEADING):
            tail = kind, cuts[i], SegmentKind.CHROME
        if tail:
            kind, end, tail_kind = tail
        segment = Segment(kind, start, _trimmed(text, start, end), ln.number, current)
        segments.append(segment)
        if tail:
            segments.append(Segment(tail_kind, end, ln.end, ln.number, current))
        if kind.is_story:
            sentences.extend(_sentences(text, start, end, ln.number, segment))
    title_text = " ".join(lines[title].text.split()) if title is not None else None
    return Layout(tuple(segments), tuple(sentences), title_text, tuple(entries))
