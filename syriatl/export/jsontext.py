"""JSON text of our output's plain data, the bytes ``json.dumps(data, ensure_ascii=False,
indent=2)`` writes, made with one format string per shape of mapping.

The standard library's encoder runs in C only without ``indent``; with it, every value
costs several Python calls. Here each shape of mapping (its keys, in order, at its
indent) becomes one format string made once, and each text is encoded by the encoder's
own string function, short ones once for the whole output. A key that is not text, and
a value other than text, None, a boolean, a number, a mapping or a list, raise
``Unusual``: the caller then dumps that data with ``json.dumps`` itself.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any


class Unusual(ValueError):
    """Data this writer does not write (the caller hands it to ``json.dumps``)."""


# Texts up to this long are remembered as encoded: values such as "day", "stated" or an
# outlet's name recur on every event.
_REMEMBERED = 64


class _Texts(dict[str, str]):
    """Each text as a JSON string, made on first asking."""

    __slots__ = ()

    def __missing__(self, value: str) -> str:
        text = encode_basestring(value)
        if len(value) <= _REMEMBERED:
            self[value] = text
        return text


class Writer:
    """Writes values, one walk over each one's data; remembers the shapes of the mappings
    and the short texts it has written, so one writer serves a whole output."""

    __slots__ = ("shapes", "texts")

    def __init__(self) -> None:
        self.texts = _Texts()
        # (keys, indent) -> '{\n  "KEY": %s,\n  "KEY": %s\n}' with the indent of its lines
        self.shapes: dict[tuple[tuple[Any, ...], int], str] = {}

    def value(self, data: Any, indent: int) -> str:
        """``data`` as JSON, its inner lines indented by ``indent`` and two (the first
        line is the caller's); raises Unusual for data this writer does not write."""
        if isinstance(data, str):
            return self.texts[data]
        if data is None:
            return "null"
        if data is True:
            return "true"
        if data is False:
            return "false"
        if isinstance(data, int):
            return int.__repr__(data)  # as the encoder writes an int (or an IntEnum)
        if isinstance(data, float):
            return json.dumps(data)
        if isinstance(data, dict):
            return self.mapping(data, indent) if data else "{}"
        if isinstance(data, list):
            return self.sequence(data, indent) if data else "[]"
        raise Unusual(repr(data))

    def _shape(self, keys: tuple[Any, ...], indent: int) -> str:
        inner = "\n" + " " * (indent + 2)
        names = []
        for key in keys:
            if not isinstance(key, str):
                raise Unusual(repr(key))
            names.append(encode_basestring(key).replace("%", "%%"))
        lines = f": %s,{inner}".join(names)
        shape = self.shapes[keys, indent] = f"{{{inner}{lines}: %s\n{' ' * indent}}}"
        return shape

    def mapping(self, data: dict[Any, Any], indent: int) -> str:
        """A non-empty mapping, its keys indented by ``indent`` and two."""
        keys = tuple(data)
        shape = self.shapes.get((keys, indent)) or self._shape(keys, indent)
        texts, deeper = self.texts, indent + 2
        pieces: list[str] = []
        for value in data.values():
            if type(value) is str:
                pieces.append(texts[value])
            elif value is None:
                pieces.append("null")
            elif type(value) is int:
                pieces.append(int.__repr__(value))
            else:
                pieces.append(self.value(value, deeper))
        return shape % tuple(pieces)

    def sequence(self, data: list[Any], indent: int) -> str:
        """A non-empty list, its items indented by ``indent`` and two."""
        inner = "\n" + " " * (indent + 2)
        items = ("," + inner).join([self.value(item, indent + 2) for item in data])
        return f"[{inner}{items}\n{' ' * indent}]"
