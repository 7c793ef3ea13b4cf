"""YAML text of our output's plain data, the bytes PyYAML's pure-Python safe dumper writes.

The data is what the renderers make: mappings with word keys, lists, text, None,
booleans and integers (and the odd float). The text is what ``yaml.safe_dump(data,
default_flow_style=False, sort_keys=False, allow_unicode=True, width=1 << 30)`` writes,
made here in one walk instead of through PyYAML's per-value events. libyaml's emitter is
no substitute: it escapes every character beyond U+FFFF ("\\U0001F600"), which the
pure-Python emitter writes as it is.

A text whose style needs more care than plain or single-quoted on one line (a line
break, a tab or another control character), a key that is not a word, and a value of
another kind raise ``Unusual``: the caller then dumps that data with PyYAML itself. The
two PyYAML decisions this writer needs come from the caller: which tag a plain scalar
reads back as (``resolve``), and the tag and text of a value other than text, None,
a boolean or an integer (``represent``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_TAG = "tag:yaml.org,2002:"
STR = _TAG + "str"
_NULL, _BOOL, _INT = _TAG + "null", _TAG + "bool", _TAG + "int"

Resolve = Callable[[str], str]
Represent = Callable[[Any], tuple[str, str]]


class Unusual(ValueError):
    """Data this writer does not write (the caller hands it to PyYAML)."""


# What PyYAML writes as it is with allow_unicode: no line break (\n, U+0085, U+2028,
# U+2029), no tab or other control character, no BOM (U+FEFF), no surrogate, no U+FFFE,
# U+FFFF or U+10FFFF. For ASCII text that is ``str.isprintable`` (" " to "~"), which
# is quicker to ask.
_AS_IS = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*"
)
# A one-line text PyYAML writes plain in block context (when it reads back as its own
# tag): no document marker, indicator or space first ("-", "?" and ":" only before a
# space or at the end), no ": " or " #" inside, no ":" or space at the end.
_NEVER_FIRST = frozenset("#,[]{}&*!|>'\"%@` ")
_BEFORE_SPACE = frozenset("-?:")
# A key written as a simple key: a word of fewer than 128 characters.
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,126}")


def _as_is(value: str) -> bool:
    return (value.isascii() and value.isprintable()) or _AS_IS.fullmatch(value) is not None


def _plain(value: str) -> bool:
    """True when ``value`` may be written plain, whatever it reads back as."""
    if not value or not _as_is(value):
        return False
    first = value[0]
    if first in _NEVER_FIRST or (first in _BEFORE_SPACE and value[1:2] in ("", " ")):
        return False
    if value.startswith(("---", "...")) or value[-1] in " :":
        return False
    return ": " not in value and " #" not in value


def scalar(value: str, tag: str, resolve: Resolve) -> str:
    """A one-line scalar as PyYAML writes it: plain when that reads back with its tag,
    else single-quoted (text only); raises Unusual for anything else."""
    if _plain(value) and resolve(value) == tag:
        return value
    if tag != STR or not _as_is(value):
        raise Unusual(value)
    return "'" + value.replace("'", "''") + "'"


# Texts up to this long are remembered as written for the whole output: values such as
# "day", "stated" or an outlet's name recur on every event. Longer ones (a quote told by
# several outlets, a source's text that is its quote) only for the document at hand.
_REMEMBERED = 64


class _Texts(dict[str, str]):
    """Each text as it follows its key: `` TEXT\\n``, made on first asking."""

    __slots__ = ("recent", "resolve")

    def __init__(self, resolve: Resolve) -> None:
        super().__init__()
        self.resolve = resolve
        self.recent: dict[str, str] = {}

    def __missing__(self, value: str) -> str:
        text = self.recent.get(value)
        if text is None:
            text = " " + scalar(value, STR, self.resolve) + "\n"
            if len(value) <= _REMEMBERED:
                self[value] = text
            else:
                self.recent[value] = text
        return text


class _Numbers(dict[int, str]):
    """Each integer as it follows its key: `` 12\\n``, made on first asking."""

    __slots__ = ("resolve",)

    def __init__(self, resolve: Resolve) -> None:
        super().__init__()
        self.resolve = resolve

    def __missing__(self, value: int) -> str:
        text = self[value] = " " + scalar(str(value), _INT, self.resolve) + "\n"
        return text


class Writer:
    """Writes documents, one walk over each one's data; remembers the shapes of the
    mappings (their keys, as written, in order) and the short texts it has written, so
    one writer serves a whole output."""

    __slots__ = ("false", "null", "numbers", "represent", "resolve", "shapes", "texts", "true")

    def __init__(self, resolve: Resolve, represent: Represent) -> None:
        self.resolve = resolve
        self.represent = represent
        self.texts = _Texts(resolve)
        self.numbers = _Numbers(resolve)
        self.null = " " + scalar("null", _NULL, resolve) + "\n"
        self.true = " " + scalar("true", _BOOL, resolve) + "\n"
        self.false = " " + scalar("false", _BOOL, resolve) + "\n"
        # (keys, indent, first key inline) -> "KEY:%sKEY:%s..." with each key's indent
        self.shapes: dict[tuple[tuple[Any, ...], int, bool], str] = {}

    def document(self, data: dict[Any, Any] | list[Any]) -> str:
        """The YAML document of a mapping or a list, in block style; raises Unusual for
        data this writer does not write."""
        self.texts.recent.clear()
        if isinstance(data, dict):
            return self.mapping(data, 0, False) if data else "{}\n"
        if isinstance(data, list):
            return self.sequence(data, 0, False) if data else "[]\n"
        raise Unusual("a document of one scalar")

    def _shape(self, keys: tuple[Any, ...], indent: int, inline: bool) -> str:
        pad, parts = " " * indent, list[str]()
        for key in keys:
            if not isinstance(key, str) or not _KEY.fullmatch(key):
                raise Unusual(repr(key))
            parts.append(("" if inline and not parts else pad) + scalar(key, STR, self.resolve))
        shape = self.shapes[keys, indent, inline] = ":%s".join(parts) + ":%s"
        return shape

    def mapping(self, data: dict[Any, Any], indent: int, inline: bool) -> str:
        """A non-empty mapping's lines, keys at column ``indent``, the first on the
        current line when ``inline``."""
        keys = tuple(data)
        shape = self.shapes.get((keys, indent, inline)) or self._shape(keys, indent, inline)
        texts, numbers, null = self.texts, self.numbers, self.null
        pieces: list[str] = []  # each value with what follows its key: " TEXT\n", or "\n" and lines
        for value in data.values():
            kind = type(value)
            if kind is str:
                pieces.append(texts[value])
            elif value is None:
                pieces.append(null)
            elif kind is int:
                pieces.append(numbers[value])
            else:
                pieces.append(self._under_key(value, indent))
        return shape % tuple(pieces)

    def _under_key(self, value: Any, indent: int) -> str:
        if isinstance(value, dict):
            return "\n" + self.mapping(value, indent + 2, False) if value else " {}\n"
        if isinstance(value, list):  # a list under a key is not indented further
            return "\n" + self.sequence(value, indent, False) if value else " []\n"
        return self._leaf(value)

    def _leaf(self, value: Any) -> str:
        """A scalar as it follows a key: `` TEXT\\n``."""
        if value is True:
            return self.true
        if value is False:
            return self.false
        if isinstance(value, str):
            return self.texts[value]
        if value is None:
            return self.null
        if isinstance(value, int):
            return " " + scalar(str(value), _INT, self.resolve) + "\n"
        tag, text = self.represent(value)
        return " " + scalar(text, tag, self.resolve) + "\n"

    def sequence(self, data: list[Any], indent: int, inline: bool) -> str:
        """A non-empty list's lines, dashes at column ``indent``, the first on the
        current line when ``inline``."""
        dash = pad = " " * indent + "- "
        if inline:
            dash = "- "
        parts: list[str] = []
        for item in data:
            if isinstance(item, dict) and item:
                parts.append(dash + self.mapping(item, indent + 2, True))
            elif isinstance(item, list) and item:
                parts.append(dash + self.sequence(item, indent + 2, True))
            elif isinstance(item, dict | list):
                parts.append(dash + ("{}\n" if isinstance(item, dict) else "[]\n"))
            else:
                parts.append(dash + self._leaf(item)[1:])
            dash = pad
        return "".join(parts)
