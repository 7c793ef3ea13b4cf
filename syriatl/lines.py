"""What each line of a page is, judged on its own: its shape (prose, a short line, an
entry header, a dateline, a stamp, a credit, an embed's signature ...), and the lines of
hard-wrapped copy joined back into the paragraphs they were wrapped out of.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from syriatl.model import Kind, Mention
from syriatl.patterns import chrome, kinds, stamps

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}(?:\.(?:jpe?g|png|gif|webp))?")
LIST_ITEM = re.compile(r"(?P<indent>[ \t]*)\d{1,3}[.)][ \t]+")
BULLET = re.compile(r"[ \t]*[•·▪◦*–—-][ \t]+")
# A wire dateline: the place in capitals, then one of ``chrome.DATELINE_TAILS``.
DATELINE = re.compile(
    rf"(?P<place>{chrome.DATELINE_PLACE})(?:"
    + "|".join(f"(?:{tail})" for _, tail, _ in chrome.DATELINE_TAILS)
    + ")"
)
_TERMINAL = re.compile(r"[.!?:;…][\"”’)\]]*$|[\"”]$")
_INITIALS_LINE = re.compile(r"[a-z]{2,5}(?:[ \t]*[,/&][ \t]*[a-z]{2,5})*[ \t]*\([^)]*\)")
_FILLER = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(stamps.FILLER_WORDS)) + r")\b|[|,·•:/()\[\]–—-]|\s"
)
_FURNITURE = frozenset(w for phrase, _ in stamps.FURNITURE for w in phrase.split())


@dataclass(frozen=True, slots=True)
class Line:
    """A block of the page: one line, or the lines of a hard-wrapped paragraph joined
    (``text`` keeps their line breaks; ``number`` is the first line's)."""

    start: int
    end: int
    number: int
    text: str


@cache
def entry_regex() -> re.Pattern[str]:
    """The header of a live-blog entry (label, clock, colon) at the start of a line."""
    labels = "|".join(re.escape(label) for label, _ in chrome.ENTRY_LABELS)
    return re.compile(chrome.ENTRY_HEADER.format(labels=labels))


@cache
def credit_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A credit glued to the end of a caption, and a line that opens with a credit."""
    labels = "|".join(chrome.CREDIT_LABELS)
    glued = re.compile(rf"(?<=[\w.)])(?:{labels})s?:[ \t]*\S.*$")
    opening = re.compile(rf"[ \t]*(?:{labels})s?:[ \t]*\S")
    return glued, opening


@cache
def glued_signature_regex() -> re.Pattern[str]:
    """An embed's signature glued to the end of the line of the post."""
    return re.compile(chrome.GLUED_SIGNATURE[0])


@cache
def _whole(table: Sequence[tuple[str, str]], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern, _ in table), flags)


@cache
def banner_regex() -> re.Pattern[str]:
    """A page banner or badge ("Breaking News", "Most read", "LIVE"), matched whole."""
    return _whole(chrome.BANNERS, re.IGNORECASE)


@cache
def _ticker_label_regex() -> re.Pattern[str]:
    labels = "|".join(f"(?:{pattern})" for pattern, _ in chrome.TICKER_LABELS)
    return re.compile(rf"(?:{labels})[ \t]*:[ \t]*(?P<rest>\S.*)", re.IGNORECASE)


@cache
def _clock_headline_regex() -> re.Pattern[str]:
    return re.compile(chrome.CLOCK_HEADLINE[0])


@cache
def _widget_regex() -> re.Pattern[str]:
    return _whole(chrome.WIDGETS, re.IGNORECASE)


@cache
def _credit_line_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for _, pattern, _ in chrome.CREDITS))


@cache
def sentence_credit_regex() -> re.Pattern[str]:
    """A credit after the last sentence of a caption ("... in Karvana. Wirenews/J. Orlo")."""
    credits = "|".join(f"(?:{pattern})" for _, pattern, _ in chrome.CREDITS)
    return re.compile(rf"(?<=[.!?”\"])[ \t]+(?:{credits})[ \t]*$")


@cache
def _promo_regex() -> re.Pattern[str]:
    return _whole(chrome.PROMOS)


@cache
def _picture_regex() -> re.Pattern[str]:
    return _whole(chrome.PICTURE_NAMES, re.IGNORECASE)


@cache
def _verbal_regex() -> re.Pattern[str]:
    cues = "|".join(f"(?:{cue.pattern})" for cue in kinds.CUES if cue.verbal)
    return re.compile(rf"\b(?:{cues})\b|\b\w+(?:ed|ing)\b", re.IGNORECASE)


def names_a_picture(text: str) -> bool:
    """True for a caption that only names a picture ("File photo of the palace in
    Velmora."): it opens with a picture's name and no verb form follows."""
    opening = _picture_regex().match(text)
    return opening is not None and not _verbal_regex().search(text, opening.end())


def is_clock_headline(text: str) -> bool:
    """True for a headline link with its clock ("10:32 Ministers meet in Karvana")."""
    return bool(_clock_headline_regex().fullmatch(text)) and is_short(text)


def _banner(text: str) -> bool:
    return bool(banner_regex().fullmatch(text.strip().rstrip(" \t:.!|–—-")))


def _chrome_shape(text: str, words: list[str]) -> str | None:
    """The chrome a line is on its own (a banner, a ticker, a widget, a promo, a credit,
    a caption that names only a picture), or None."""
    bare = text.rstrip(" \t:.!|–—-")
    if _banner(text):
        return "ticker"
    label = _ticker_label_regex().fullmatch(text)
    if label and is_short(label.group("rest")):
        return "ticker"
    if len(words) <= chrome.SHORT_LINE_WORDS and _widget_regex().fullmatch(bare):
        return "widget"
    if len(words) <= chrome.PROMO_MAX_WORDS and _promo_regex().match(text):
        return "promo"
    if _credit_line_regex().fullmatch(text.rstrip(" \t.")):
        return "credit"
    if names_a_picture(text):
        return "picture"
    return None


def furniture_cut(line: Line, mentions: list[Mention]) -> int | None:
    """Where the site's buttons printed after a date line's last date start (an offset
    in the text), or None when the line has none."""
    if not mentions:
        return None
    kept = _without_furniture(line, mentions)
    if kept.end == line.end:
        return None
    rest = line.text[kept.end - line.start :]
    return kept.end + len(rest) - len(rest.lstrip())


@cache
def _byline_regex() -> re.Pattern[str]:
    return re.compile(chrome.BYLINE[0])


@cache
def _signature_regex() -> re.Pattern[str]:
    shapes = "|".join(f"(?:{pattern})" for _, pattern, _ in chrome.EMBED_SIGNATURES)
    return re.compile(shapes)


@cache
def _embed_link_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern, _ in chrome.EMBED_LINKS))


@cache
def _comment_heading_regex() -> re.Pattern[str]:
    headings = "|".join(f"(?:{pattern})" for pattern, _ in chrome.COMMENT_HEADINGS)
    return re.compile(headings, re.IGNORECASE)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of a text, with their offsets and 1-based numbers."""
    out, offset = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            out.append(Line(offset, offset + len(raw), number, raw))
        offset += len(raw) + 1
    return out


def words_of(text: str) -> list[str]:
    """The words of a text (letters and digits, with inner apostrophes, dots, hyphens)."""
    return _WORD.findall(text)


def mentions_in(
    mentions: Sequence[Mention], starts: Sequence[int], a: int, b: int
) -> list[Mention]:
    """The mentions (sorted, ``starts`` their starts) that start in [a, b)."""
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


def _remainder(line: Line, mentions: list[Mention]) -> str:
    text, cut = line.text, 0
    pieces = []
    for m in mentions:
        pieces.append(text[cut : m.start - line.start])
        cut = m.end - line.start
    pieces.append(text[cut:])
    return "".join(pieces)


def _without_furniture(line: Line, mentions: list[Mention]) -> Line:
    """A date line without the site's buttons printed after its last date or clock
    ("April 4, 2019 Adjust font size:"); the line itself when it has none."""
    cut = mentions[-1].end - line.start
    words = words_of(line.text[cut:])
    if words and all(w.lower() in _FURNITURE for w in words):
        return Line(line.start, line.start + cut, line.number, line.text[:cut])
    return line


def is_short(text: str) -> bool:
    """True for a line of a few words that does not end a sentence (a label, a menu)."""
    words = words_of(text)
    return 0 < len(words) <= chrome.SHORT_LINE_WORDS and not _TERMINAL.search(text.rstrip())


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    if not words:
        return 0.0
    return sum(w.lower() in vocabulary for w in words) / len(words)


def classify(line: Line, mentions: list[Mention], embeds: bool = True) -> str:
    """A line's shape, judged on the line alone (with ``embeds`` False, an embed's
    signature is not one of the shapes it can have)."""
    text = line.text.strip()
    words = words_of(text)
    if entry_regex().match(line.text):
        return "entry"
    if embeds and _signature_regex().fullmatch(text):
        return "signature"
    if _embed_link_regex().search(text):
        return "embed-link"
    heading = text.rstrip(" \t:.!?")
    if len(words) <= chrome.SHORT_LINE_WORDS and _comment_heading_regex().fullmatch(heading):
        return "comment-marker"
    aside = _chrome_shape(text, words)
    if aside:
        return aside
    if any(text.startswith(label + ":") for label in chrome.CAPTION_LABELS):
        return "caption"
    if credit_regex()[0].search(text) and len(words) > 3:
        return "caption"
    credited = sentence_credit_regex().search(text)
    if credited and 3 < len(words_of(text[: credited.start()])) <= chrome.CAPTION_MAX_WORDS:
        return "caption"
    if _SLUG.fullmatch(text) or credit_regex()[1].match(text):
        return "credit"
    if _INITIALS_LINE.fullmatch(text):
        return "credit"
    dates = [m for m in mentions if _full_date(m)]
    if dates:
        kept = _without_furniture(line, mentions)
        stamp = kept.text.strip()
        leftover = words_of(_FILLER.sub(" ", _remainder(kept, mentions)))
        if not leftover:
            return "date-only"
        if len(leftover) <= 4 and len(stamp) <= 100 and not _TERMINAL.search(stamp):
            return "stamp"
    dateline = DATELINE.match(text)
    if dateline and not dateline.group("place").strip().isdigit():
        return "dateline"
    if LIST_ITEM.match(line.text):
        return "list"
    if is_clock_headline(text):
        return "clock-headline"
    if is_short(text):
        if text.upper() == text and any(c.isalpha() for c in text):
            return "caps"
        if _share(words, chrome.INTERFACE_WORDS | chrome.COMMENT_WORDS) >= 0.5:
            return "widget"
        return "short"
    return "prose"


# Shapes that may go on onto the next line, and shapes that may be that next line.
_WRAPS = frozenset({"prose", "short", "entry", "dateline", "caption"})
_GOES_ON = frozenset({"prose", "short"})


def _headline_like(text: str) -> bool:
    long_words = [w for w in words_of(text) if len(w) >= 4 and w[0].isalpha()]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def _goes_on(first: Line, shape: str, nxt: Line, nxt_shape: str, width: int) -> bool:
    """True when ``nxt`` carries on the paragraph that ``first`` was wrapped out of."""
    if nxt.number != first.number + 1 or shape not in _WRAPS or nxt_shape not in _GOES_ON:
        return False
    if BULLET.match(nxt.text) or LIST_ITEM.match(nxt.text):
        return False
    head = first.text.strip()
    if width < chrome.WRAP_MIN_WIDTH or _TERMINAL.search(head):
        return False
    if len(head.split()) < chrome.WRAP_MIN_WORDS:
        return False
    lower = nxt.text.lstrip()[:1].islower()
    if lower and len(head) >= chrome.WRAP_LOWER_SHARE * width:
        return True
    return len(head) >= chrome.WRAP_SHARE * width and not _headline_like(head)


def join_wrapped(
    text: str, lines: list[Line], shapes: list[str], shape: Callable[[Line], str]
) -> tuple[list[Line], list[str]]:
    """The lines with each hard-wrapped paragraph joined into one block (its line number
    is that of its first line), and the blocks' shapes."""
    widths = _run_widths(lines)
    blocks: list[Line] = []
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        byline = _byline_regex().fullmatch(lines[i].text.rstrip())
        while (
            not byline
            and j + 1 < len(lines)
            and _goes_on(lines[j], shapes[j], lines[j + 1], shapes[j + 1], widths[j])
        ):
            j += 1
        if j == i:
            blocks.append(lines[i])
            out.append(shapes[i])
        else:
            first = lines[i]
            block = Line(first.start, lines[j].end, first.number, text[first.start : lines[j].end])
            blocks.append(block)
            out.append(shape(block))
        i = j + 1
    return blocks, out


def _run_widths(lines: list[Line]) -> list[int]:
    """For each line, the width of the widest line of its run (lines with no blank
    line between them): the column the copy was wrapped at, if it was."""
    widths: list[int] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1].number == lines[j].number + 1:
            j += 1
        width = max(len(ln.text.strip()) for ln in lines[i : j + 1])
        widths.extend([width] * (j + 1 - i))
        i = j + 1
    return widths
