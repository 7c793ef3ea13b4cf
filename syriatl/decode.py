"""A file's bytes -> its text, or why it is not text; and whether a text is English.

UTF-8, UTF-16 and UTF-32 with a byte-order mark; UTF-8 without one; otherwise cp1252
(which also reads latin-1 text) with a warning. One truncated UTF-8 character at the very
end (a file cut short) is replaced, with a warning, rather than losing the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriatl.patterns.english import FUNCTION_WORDS, MIN_DISTINCT, MIN_SHARE, MIN_WORDS

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Characters that never occur in text: a file holding them is binary, whatever decodes.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROLS = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_AS_NUL = bytes.maketrans(_CONTROLS, b"\x00" * len(_CONTROLS))  # one C pass, not a regex
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_JUDGED = 200_000  # characters of a text enough to judge its language


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text (None when it is not text), its encoding, and what to say about it."""

    text: str | None
    encoding: str
    problem: str | None = None
    warning: str | None = None


def _with_bom(data: bytes, bom: bytes, encoding: str) -> Decoded:
    body = data[len(bom) :]
    try:
        text, warning = body.decode(encoding), None
    except UnicodeDecodeError as error:
        if not _truncated(error, body):
            return Decoded(None, encoding, f"not {encoding.upper()} text despite its mark")
        text = body.decode(encoding, "replace")
        warning = f"ends in a truncated {encoding[:6].upper()} character; replaced"
    if _BINARY.search(text):
        return Decoded(None, "binary", "binary file, not text")
    return Decoded(text, encoding, None, warning)


def decode(data: bytes) -> Decoded:
    """Text, encoding and problem or warning of a file's bytes."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _with_bom(data, bom, encoding)
    if b"\x00" in data.translate(_AS_NUL):
        return Decoded(None, "binary", "binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if _truncated(error, data):  # the first error is the last bytes: the rest is UTF-8
            warning = "ends in a truncated UTF-8 character; replaced"
            return Decoded(data.decode("utf-8", "replace"), "utf-8", None, warning)
    try:
        return Decoded(data.decode("cp1252"), "cp1252", None, "not UTF-8; read as cp1252")
    except UnicodeDecodeError:
        return Decoded(None, "unknown", "neither UTF-8 nor cp1252 text")


def _truncated(error: UnicodeDecodeError, data: bytes) -> bool:
    """Whether decoding failed only because the last character is cut short."""
    return error.end == len(data) and error.reason in ("unexpected end of data", "truncated data")


def english_share(text: str) -> tuple[float, int, int]:
    """The share of common English function words among the words of ``text`` (judged on
    its first 200,000 characters), how many words that share was taken over, and how
    many different words they are."""
    words = _WORD.findall(text[:_JUDGED].lower())
    if not words:
        return 0.0, 0, 0
    return sum(w in FUNCTION_WORDS for w in words) / len(words), len(words), len(set(words))


def not_english(text: str) -> str | None:
    """Why ``text`` is not English, or None when it is, or too short or too repetitive
    to judge. A text with one English paragraph long enough to judge is English, whatever
    else it holds (a table of road closures, an appendix in another language)."""
    share, words, distinct = english_share(text)
    if words < MIN_WORDS or distinct < MIN_DISTINCT or share >= MIN_SHARE:
        return None
    for block in text[:_JUDGED].split("\n\n"):
        found, count, _ = english_share(block)
        if count >= MIN_WORDS and found >= MIN_SHARE:
            return None
    return (
        f"not English ({share:.0%} of its {words} words are common English words;"
        f" English text has at least {MIN_SHARE:.0%})"
    )
