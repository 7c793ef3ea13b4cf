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
# U+FFFF or U+10FFFF.
_AS_IS = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*"
)
# A one-line text PyYAML writes plain in block context (when it reads back as its own
# tag): no document marker, indicator or space first ("-", "?" and ":" only before a
# space or at the end), no ": " or " #" inside, no ":" or space at the end.
_PLAIN = re.compile(
    r"(?!---|\.\.\.|[#,\[\]{}&*!|>'\"%@` ]|[-?:](?: |\Z))"
    "(?:[\x21-\x39\x3b-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    "\U00010000-\U0010fffe]|:(?! |\\Z)| (?!#|\\Z))+"
)
# A key written as a simple key: a word of fewer than 128 characters.
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,126}")


def scalar(value: str, tag: str, resolve: Resolve) -> str:
    """A one-line scalar as PyYAML writes it: plain when that reads back with its tag,
    else single-quoted (text only); raises Unusual for anything else."""
    if _PLAIN.fullmatch(value) and resolve(value) == tag:
        return value
    if tag != STR or not _AS_IS.fullmatch(value):
        raise Unusual(value)
    return "'" + value.replace("'", "''") + "'"


# Texts up to this long are remembered as written: values such as "day", "stated" or an
# outlet's name recur on every event.
_REMEMBERED = 64


class Writer:
    """Writes documents, one walk over each one's data; remembers the keys and the short
    texts it has written (so one writer serves a whole output)."""

    __slots__ = ("names", "out", "represent", "resolve", "texts")

    def __init__(self, resolve: Resolve, represent: Represent) -> None:
        self.out: list[str] = []
        self.names: dict[str, str] = {}  # each key as written (a few dozen, many times)
        self.texts: dict[str, str] = {}  # short texts as written
        self.resolve = resolve
        self.represent = represent

    def document(self, data: dict[Any, Any] | list[Any]) -> str:
        """The YAML document of a mapping or a list, in block style; raises Unusual for
        data this writer does not write."""
        self.out = []
        text = self.leaf(data)
        if text is not None:
            if isinstance(data, dict | list):
                return text + "\n"
            raise Unusual("a document of one scalar")
        if isinstance(data, dict):
            self.mapping(data, 0, False)
        else:
            self.sequence(data, 0, False)
        return "".join(self.out)

    def leaf(self, data: Any) -> str | None:
        """A value's one-line text, or None for a non-empty mapping or list."""
        if isinstance(data, str):
            text = self.texts.get(data)
            if text is None:
                text = scalar(data, STR, self.resolve)
                if len(data) <= _REMEMBERED:
                    self.texts[data] = text
            return text
        if isinstance(data, dict):
            return None if data else "{}"
        if isinstance(data, list):
            return None if data else "[]"
        if data is None:
            return scalar("null", _NULL, self.resolve)
        if isinstance(data, bool):
            return scalar("true" if data else "false", _BOOL, self.resolve)
        if isinstance(data, int):
            return scalar(str(data), _INT, self.resolve)
        tag, value = self.represent(data)
        return scalar(value, tag, self.resolve)

    def mapping(self, data: dict[Any, Any], indent: int, inline: bool) -> None:
        """Keys at column ``indent``, the first on the current line when ``inline``."""
        out, pad, names = self.out, " " * indent, self.names
        for key, value in data.items():
            name = names.get(key)
            if name is None:
                if not isinstance(key, str) or not _KEY.fullmatch(key):
                    raise Unusual(repr(key))
                name = names[key] = scalar(key, STR, self.resolve)
            out.append(f"{name}:" if inline else f"{pad}{name}:")
            inline = False
            text = self.leaf(value)
            if text is not None:
                out.append(f" {text}\n")
            elif isinstance(value, dict):
                out.append("\n")
                self.mapping(value, indent + 2, False)
            else:  # a list under a key is not indented further
                out.append("\n")
                self.sequence(value, indent, False)

    def sequence(self, data: list[Any], indent: int, inline: bool) -> None:
        """Dashes at column ``indent``, the first on the current line when ``inline``."""
        out, pad = self.out, " " * indent
        for item in data:
            out.append("- " if inline else f"{pad}- ")
            inline = False
            text = self.leaf(item)
            if text is not None:
                out.append(f"{text}\n")
            elif isinstance(item, dict):
                self.mapping(item, indent + 2, True)
            else:
                self.sequence(item, indent + 2, True)
