"""Our YAML writer writes what PyYAML's pure-Python safe dumper writes, byte for byte,
or says it cannot (and the renderer hands the data to PyYAML)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from yaml.nodes import ScalarNode

from syriatl.export.yamltext import Unusual, Writer
from syriatl.render import _dump_yaml, yaml_chunks


def _pyyaml(data: Any) -> str:
    """The reference: PyYAML's pure-Python dumper with the options of our output."""
    return yaml.dump(
        data,
        Dumper=yaml.SafeDumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=1 << 30,
    )


def _resolve(value: str) -> str:
    tag_of: Callable[[type, str, tuple[bool, bool]], str] = yaml.resolver.Resolver().resolve
    return tag_of(ScalarNode, value, (True, False))


def _represent(value: Any) -> tuple[str, str]:
    node = yaml.representer.SafeRepresenter().represent_data(value)
    if not isinstance(node, ScalarNode):
        raise Unusual(repr(value))
    return str(node.tag), str(node.value)


def _ours(data: Any) -> str:
    return Writer(_resolve, _represent).document(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # An emoji (U+1F600, beyond the Basic Multilingual Plane) stays as it is.
        ([{"quote": "Rain 😀 fell"}], "- quote: Rain 😀 fell\n"),
        (["😀"], "- 😀\n"),
        # Text that would read back as a number, a date, a boolean or null is quoted.
        (["2011", "2015-03-04", "yes", "null", "~", "0.5", ""], None),
        # Indicators: first, before a space, inside, at the end.
        (["- a", "-a", "a - b", "a: b", "a:b", "a:", "#x", "a #b", "a#b", "'q'", "it's"], None),
        ([" lead", "trail ", "---x", "...", "? a", "?a", "@x", "%x", "`x", "*x", "&x"], None),
        # Nested mappings and lists, empty ones, numbers, booleans, None, a float, a date.
        (
            [{"a": {"b": [1, [2, 3], {"c": None}]}, "d": [], "e": {}, "f": True, "g": 0.25}],
            "- a:\n    b:\n    - 1\n    - - 2\n      - 3\n    - c: null\n"
            "  d: []\n  e: {}\n  f: true\n  g: 0.25\n",
        ),
        ([dt.date(2015, 3, 4), -7, False], "- 2015-03-04\n- -7\n- false\n"),
        ([[], {}, [[]]], "- []\n- {}\n- - []\n"),
        ({"yes": 1, "null": "x"}, "'yes': 1\n'null': x\n"),
    ],
)
def test_the_writer_writes_what_pyyaml_writes(data: Any, expected: str | None) -> None:
    assert _ours(data) == _pyyaml(data)
    if expected is not None:
        assert _ours(data) == expected


# One text in a list, and how it is written, worked out by hand from YAML 1.1 as PyYAML
# reads it: plain when the plain text reads back as text and has no indicator where an
# indicator counts, else in single quotes (a quote inside doubled).
_ONE_TEXT = [
    # Beyond the Basic Multilingual Plane, first, inside and alone: written as it is.
    ("😀 at dawn", "😀 at dawn"),
    ("shelling 😀 stopped", "shelling 😀 stopped"),
    ("\U0001f1f8\U0001f1fe", "\U0001f1f8\U0001f1fe"),  # the flag of Syria, two symbols
    ("\U0010fffd", "\U0010fffd"),  # the last printable code point PyYAML writes plain
    # Quotes: an apostrophe or a double quote inside is no indicator; first, it is one.
    ("it's over", "it's over"),
    ('he said "ceasefire"', 'he said "ceasefire"'),
    ("'quoted'", "'''quoted'''"),
    ('"quoted"', "'\"quoted\"'"),
    # Leading and trailing spaces need quotes; a space inside does not.
    (" Aleppo", "' Aleppo'"),
    ("Aleppo ", "'Aleppo '"),
    ("  ", "'  '"),
    ("East Aleppo", "East Aleppo"),
    # Empty text reads back as null.
    ("", "''"),
    # Numbers: an int, a float, base 16, a YAML 1.1 sexagesimal (12:30 = 750), "_" in a
    # number; "1e3" has no dot, which YAML 1.1 floats need, and "0o7" is no 1.1 octal.
    ("2011", "'2011'"),
    ("-1", "'-1'"),
    ("+1", "'+1'"),
    ("0.5", "'0.5'"),
    (".5", "'.5'"),
    (".inf", "'.inf'"),
    ("0x1F", "'0x1F'"),
    ("12:30", "'12:30'"),
    ("1_000", "'1_000'"),
    ("1e3", "1e3"),
    ("0o7", "0o7"),
    ("NaN", "NaN"),  # only .nan, .NaN and .NAN are YAML's not-a-number
    # Booleans and null in their YAML 1.1 spellings; "y" and "n" alone are text.
    ("yes", "'yes'"),
    ("No", "'No'"),
    ("ON", "'ON'"),
    ("off", "'off'"),
    ("true", "'true'"),
    ("False", "'False'"),
    ("y", "y"),
    ("n", "n"),
    ("null", "'null'"),
    ("Null", "'Null'"),
    ("NULL", "'NULL'"),
    ("~", "'~'"),
    # Dates: YYYY-MM-DD is a timestamp; one-digit month and day only with a time.
    ("2015-03-04", "'2015-03-04'"),
    ("2015-03-04 10:00:00", "'2015-03-04 10:00:00'"),
    ("2015-3-4", "2015-3-4"),
    ("March 4, 2015", "March 4, 2015"),
    # PyYAML's merge key and value tags.
    ("<<", "'<<'"),
    ("=", "'='"),
    # Colons: before a space or at the end an indicator, else not (first or inside).
    ("a: b", "'a: b'"),
    ("Note:", "'Note:'"),
    ("10:00 GMT: talks", "'10:00 GMT: talks'"),
    ("a:b", "a:b"),
    (":a", ":a"),
    ("http://example.org/a?b=c", "http://example.org/a?b=c"),
    # Hashes: first or after a space a comment, else not.
    ("#Syria", "'#Syria'"),
    ("talks #Geneva", "'talks #Geneva'"),
    ("C#", "C#"),
    ("a#b", "a#b"),
    # Dashes and the other indicators, first: a dash or a question mark only before a
    # space (or alone), the rest always; a document marker first.
    ("- a", "'- a'"),
    ("-", "'-'"),
    ("-a", "-a"),
    ("? a", "'? a'"),
    ("?a", "?a"),
    ("[a]", "'[a]'"),
    ("{a}", "'{a}'"),
    (",a", "',a'"),
    ("&a", "'&a'"),
    ("*a", "'*a'"),
    ("!a", "'!a'"),
    ("|a", "'|a'"),
    (">a", "'>a'"),
    ("%a", "'%a'"),
    ("@a", "'@a'"),
    ("`a", "'`a'"),
    ("---", "'---'"),
    ("---x", "'---x'"),
    ("...", "'...'"),
    ("a, [b] {c}", "a, [b] {c}"),  # flow indicators inside count only in flow style
    # Other scripts and punctuation of the Basic Multilingual Plane.
    ("وقف إطلاق النار", "وقف إطلاق النار"),
    ("Deir ez-Zor – Raqqa", "Deir ez-Zor – Raqqa"),
    ("\u00a0nbsp", "\u00a0nbsp"),  # a no-break space first is no space to YAML
    ("nbsp\u00a0", "nbsp\u00a0"),  # nor last
    ("\u3000wide", "\u3000wide"),  # an ideographic space is no space to YAML either
    ("thin\u2009", "thin\u2009"),
    # Text quoted only in part of its spelling: beyond the first word, or with more after.
    ("Tuesday", "Tuesday"),
    ("Yes please", "Yes please"),
    ("No", "'No'"),
    ("1.5 km", "1.5 km"),
    ("2015-03-04T10:00", "2015-03-04T10:00"),  # a timestamp needs seconds
    ("~x", "~x"),
    ("=x", "=x"),
    ("<< x", "<< x"),
    # Dashes and colons: two dashes are no marker, a lone colon is an indicator.
    ("--", "--"),
    ("-- a", "-- a"),
    (":", "':'"),
    ("a :b", "a :b"),
    (" ", "' '"),
    ("x\U0010fffe", "x\U0010fffe"),
]


@pytest.mark.parametrize(("text", "written"), _ONE_TEXT)
def test_one_text_is_written_as_pyyaml_writes_it(text: str, written: str) -> None:
    assert _ours([text]) == f"- {written}\n"
    assert _ours({"quote": text}) == f"quote: {written}\n"
    assert _pyyaml([text]) == f"- {written}\n"


def test_a_quoted_number_and_an_apostrophe_are_single_quoted() -> None:
    # Worked out by hand: "2011" alone reads back as an int, so it is quoted; "it's"
    # is plain (an apostrophe inside is no indicator); "'q'" starts with one.
    assert _ours(["2011", "it's", "'q'"]) == "- '2011'\n- it's\n- '''q'''\n"


@pytest.mark.parametrize(
    "data",
    [
        ["a\nb"],  # a line break: PyYAML folds it over two lines
        ["a\u2028b"],
        ["a\x85b"],
        ["tab\there"],  # a control character: double-quoted with an escape
        ["\ufeffbom"],
        ["del\x7f"],  # ASCII, but not printable
        ["c1\x9f"],  # a control character beyond ASCII
        ["\U0010ffff"],
        [{"two words": 1}],  # a key that is not a word
        [{1: "x"}],
        [("a", "tuple")],
        "a scalar document",
    ],
)
def test_what_the_writer_does_not_vouch_for_goes_to_pyyaml(data: Any) -> None:
    with pytest.raises(Unusual):
        _ours(data)
    if not isinstance(data[0], tuple):
        assert _dump_yaml(data) == _pyyaml(data)


def test_the_output_does_not_depend_on_libyaml() -> None:
    # libyaml's emitter escapes U+1F600 as "\U0001F600" in double quotes; the output
    # keeps it as it is, as the pure-Python dumper does.
    assert "".join(yaml_chunks([("quotes", iter(["a 😀"]))])) == "quotes:\n- a 😀\n"


_CHARS = st.sampled_from(
    [
        *"ab -:#?'\",[]{}&*!|>%@`.~0129eEyYnNtTfF+_",
        "😀",
        "é",
        "–",
        "\u2028",
        "\n",
        "\t",
        "\x85",
        "\ufeff",
        "\U0010ffff",
        "\x00",
    ]
)
_TEXT = st.text(_CHARS, max_size=8) | st.text(max_size=8)
_KEYS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,5}", fullmatch=True) | _TEXT
_LEAVES = (
    _TEXT | st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.dates()
)
_DATA = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=12,
)


@given(st.lists(_DATA, max_size=3) | st.dictionaries(_KEYS, _DATA, max_size=3))
def test_the_writer_and_its_fallback_give_pyyamls_bytes(data: Any) -> None:
    expected = _pyyaml(data)
    assert _dump_yaml(data) == expected
    try:
        ours = _ours(data)
    except Unusual:
        return  # PyYAML wrote it, as checked above
    assert ours == expected


_PLAIN_CHARS = st.sampled_from([*"ab -:#?'\",[]{}&*!|>%@`.~0129eyYnNtTf+", "😀", "é"])


@given(
    st.lists(
        st.dictionaries(
            st.from_regex(r"[a-z_]{1,6}", fullmatch=True),
            st.text(_PLAIN_CHARS, max_size=8) | st.lists(st.text(_PLAIN_CHARS, max_size=4)),
            max_size=4,
        ),
        max_size=3,
    )
)
def test_one_line_text_under_word_keys_is_always_ours(data: list[dict[str, Any]]) -> None:
    assert _ours(data) == _pyyaml(data)


def test_one_writer_writes_a_text_the_same_every_time() -> None:
    # One writer serves a whole output and remembers short texts as it wrote them;
    # each text twice, in and out of a mapping, gives PyYAML's bytes each time.
    writer = Writer(_resolve, _represent)
    texts = [text for text, _ in _ONE_TEXT] * 2
    assert [writer.document([t]) for t in texts] == [_pyyaml([t]) for t in texts]
    assert [writer.document({"quote": t}) for t in texts] == [_pyyaml({"quote": t}) for t in texts]


# Documents written one after the other by one writer, which remembers texts, integers
# and the shape of each mapping (its keys in order, at its indent): True and 1, and 1.0,
# are equal keys to a dict but are written apart; the same keys at another depth, in
# another order or with a list where there was text keep their own lines.
_SAME_WRITER = [
    [{"a": 1, "b": True}, {"a": True, "b": 1}, {"a": 1.0, "b": False}, {"a": 0, "b": -0}],
    [{"a": "x", "b": {"a": "x", "b": {"a": "x", "b": None}}}],
    [{"b": "x", "a": "y"}, {"a": "y", "b": "x"}, {"a": ["x"], "b": []}, {"a": {}, "b": {"a": 1}}],
    [{"q": "a" * 65}, {"q": "a" * 65, "r": "a" * 65}, {"q": "'" + "a" * 65}],
    [{"yes": "yes", "no": ["no", {"on": "off"}]}],
    [[{"a": 1}], [[{"a": 1}]], {"a": [[1, "1"], [True]]}],
]


@pytest.mark.parametrize("documents", _SAME_WRITER)
def test_what_one_writer_remembers_does_not_change_what_it_writes(documents: list[Any]) -> None:
    writer = Writer(_resolve, _represent)
    assert [writer.document(d) for d in documents * 2] == [_pyyaml(d) for d in documents * 2]


def test_equal_values_of_other_types_are_written_apart() -> None:
    # True == 1 == 1.0 to a dict: each is still written as its own type.
    writer = Writer(_resolve, _represent)
    assert writer.document([{"n": 1}, {"n": True}, {"n": 1.0}]) == ("- n: 1\n- n: true\n- n: 1.0\n")
