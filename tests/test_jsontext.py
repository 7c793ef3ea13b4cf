"""Our JSON writer writes what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes,
byte for byte, or says it cannot (and the renderer hands the data to ``json.dumps``)."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriatl.export.jsontext import Unusual, Writer
from syriatl.render import json_chunks


def _stdlib(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


class _Level(enum.IntEnum):
    HIGH = 3


class _Basis(enum.StrEnum):
    TEXT = "text"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"a": 1}, '{\n  "a": 1\n}'),
        # Nested: each level two spaces further in; empty ones on one line.
        (
            {"a": {"b": [1, {"c": None}]}, "d": [], "e": {}},
            '{\n  "a": {\n    "b": [\n      1,\n      {\n        "c": null\n      }\n'
            '    ]\n  },\n  "d": [],\n  "e": {}\n}',
        ),
        ([True, False, None, -7, 0.25], "[\n  true,\n  false,\n  null,\n  -7,\n  0.25\n]"),
        # Text: Unicode as it is (beyond the Basic Multilingual Plane too), quotes,
        # backslashes and control characters escaped.
        (["😀 at dawn", 'he said "no"', "a\\b", "a\nb\tc\x00", "\u2028"], None),
        # A key with a percent sign, a quote or a line break in it.
        ({"50%": "%s", 'a"b': 1, "a\nb": 2, "": 3}, None),
        # An IntEnum is written as its number, a StrEnum as its text.
        ({"level": _Level.HIGH, "basis": _Basis.TEXT}, '{\n  "level": 3,\n  "basis": "text"\n}'),
        # Floats as the encoder writes them, not-a-number and infinities included.
        ([1.0, 1e300, float("nan"), float("inf"), -float("inf")], None),
        ("text", '"text"'),
        (12, "12"),
    ],
)
def test_the_writer_writes_what_json_dumps_writes(data: Any, expected: str | None) -> None:
    assert Writer().value(data, 0) == _stdlib(data)
    if expected is not None:
        assert Writer().value(data, 0) == expected


@pytest.mark.parametrize("data", [{1: "a"}, [{None: 1}], ("a", "tuple"), [{1, 2}], {"a": b"x"}])
def test_what_the_writer_does_not_vouch_for_is_unusual(data: Any) -> None:
    with pytest.raises(Unusual):
        Writer().value(data, 0)


def test_what_the_writer_does_not_vouch_for_is_written_by_json_dumps() -> None:
    # An int key and a tuple: json.dumps makes them a text key and a list.
    items = [{1: "a"}, {"t": ("x", "y")}]
    expected = json.dumps({"items": items}, ensure_ascii=False, indent=2) + "\n"
    assert "".join(json_chunks([("items", iter(items))])) == expected


def test_one_writer_remembers_without_mixing_up_equal_values() -> None:
    # True == 1 == 1.0 and the same keys at another depth: each written as its own.
    writer = Writer()
    documents = [{"a": 1, "b": True}, {"a": True, "b": 1.0}, [{"a": 1, "b": True}]] * 2
    assert [writer.value(d, 4) for d in documents] == [
        _stdlib(d).replace("\n", "\n    ") for d in documents
    ]


_TEXT = st.text(max_size=8) | st.sampled_from(["%s", "%", "😀", '"', "\\", "a" * 70])
_LEAVES = _TEXT | st.none() | st.booleans() | st.integers() | st.floats()
_DATA = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)


@given(st.lists(_DATA, max_size=4), st.integers(0, 6))
def test_the_writer_gives_the_bytes_of_json_dumps(data: list[Any], indent: int) -> None:
    writer = Writer()
    pad = "\n" + " " * indent
    assert [writer.value(d, indent) for d in data] == [_stdlib(d).replace("\n", pad) for d in data]
