"""The model as plain JSON values and back: what the cache stores and worker processes
send, without pickling objects that a foreign file could name.

A frozen dataclass is the list of its fields in order, an enum its value, a date its
ordinal day number, a time its ISO form, a tuple a list. Decoding follows the annotated
types and checks every value against them, so a record that does not fit them (written
by other code, or damaged) raises ``Unfit`` rather than building a wrong object. The
fields that hold an article's id are stored empty and given back by the decoder: an id
depends on the rest of the corpus (two files of one stem in different folders).

Records read with one memo (``Ones``) share what they repeat: one object for each
distinct value of a class of ``SHARED`` and one string for each distinct text of a
field of ``INTERNED``, as the events told afresh share them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import Any

from syriatl.model import Anchor, Article, ArticleReport, Happening, Problem, Source, When

# The field of each class that holds the id of the article it belongs to.
ID_FIELDS: dict[type, str] = {
    Article: "id",
    ArticleReport: "id",
    Source: "article",
    Problem: "article",
}
# Classes whose values a corpus repeats across articles (a date, the anchor of a
# publication day, a reposted happening), and text fields it repeats (a reposted
# sentence, the name of a rule).
SHARED: frozenset[type] = frozenset({When, Anchor, Happening})
INTERNED: dict[type, frozenset[str]] = {Source: frozenset({"quote", "expression", "rule"})}

# A memo of the values read so far, by class and fields (see SHARED).
Ones = dict[tuple[Any, ...], Any]
Encode = Callable[[Any], Any]
Decode = Callable[[Any, str, "Ones | None"], Any]


class Unfit(ValueError):
    """Plain data that does not fit the type it is read as."""


def dumps(kind: Any, value: Any) -> bytes:
    """``value`` (of the type ``kind``) as compact JSON in UTF-8."""
    plain = codec(kind)[0](value)
    text = json.dumps(plain, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return text.encode("utf-8", "surrogatepass")


def loads(kind: Any, data: bytes, article_id: str, ones: Ones | None = None) -> Any:
    """The value of type ``kind`` that ``dumps`` wrote, with ``article_id`` as its
    article's id (sharing values with the others read with the memo ``ones``); raises
    Unfit for data that is not such a value."""
    return from_plain(kind, parse(data), article_id, ones)


def parse(data: bytes) -> Any:
    """The plain data of JSON in UTF-8; raises Unfit for anything else."""
    try:
        return json.loads(data.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError) as error:
        raise Unfit(f"not JSON ({error})") from None


def from_plain(kind: Any, data: Any, article_id: str, ones: Ones | None = None) -> Any:
    """The value of type ``kind`` whose plain form is ``data``; raises Unfit when it does
    not fit."""
    try:
        return codec(kind)[1](data, article_id, ones)
    except RecursionError:
        raise Unfit("nested too deeply") from None


def to_plain(value: Any) -> Any:
    """Any value of the model (a dataclass, enum, date, primitive or None) as plain data."""
    return value if value is None else codec(type(value))[0](value)  # type: ignore[arg-type]


@cache
def codec(kind: Any) -> tuple[Encode, Decode]:
    """The encoder and the checking decoder of an annotated type (compiled once)."""
    if kind is type(None):
        return _same, _exactly(type(None))
    if kind in (str, int, bool):
        return _same, _exactly(kind)
    if kind is float:
        return _same, _number
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _enum(kind)
    if kind is dt.date:
        return dt.date.toordinal, _date
    if kind is dt.time:
        return dt.time.isoformat, _time
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass(kind)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
        return _optional(next(a for a in args if a is not type(None)))
    if origin is tuple:
        return _tuple(args)
    raise TypeError(f"no plain form for {kind!r}")


def _same(value: Any) -> Any:
    return value


def _exactly(kind: type) -> Decode:
    def decode(data: Any, article_id: str, ones: Ones | None) -> Any:
        if type(data) is not kind:
            raise Unfit(_unfit(data, kind.__name__))
        return data

    return decode


def _number(data: Any, article_id: str, ones: Ones | None) -> float:
    if type(data) not in (int, float):  # an int stays one, as it was written
        raise Unfit(_unfit(data, "number"))
    return data  # type: ignore[no-any-return]


def _date(data: Any, article_id: str, ones: Ones | None) -> dt.date:
    if type(data) is not int or not 1 <= data <= dt.date.max.toordinal():
        raise Unfit(_unfit(data, "day number"))
    return dt.date.fromordinal(data)


def _time(data: Any, article_id: str, ones: Ones | None) -> dt.time:
    try:
        return dt.time.fromisoformat(data)
    except (TypeError, ValueError):
        raise Unfit(_unfit(data, "time")) from None


def _enum(kind: type[Enum]) -> tuple[Encode, Decode]:
    members = {(type(m.value), m.value): m for m in kind}

    def decode(data: Any, article_id: str, ones: Ones | None) -> Any:
        try:
            return members[type(data), data]
        except (KeyError, TypeError):  # JSON's true is not the enum's 1
            raise Unfit(_unfit(data, kind.__name__)) from None

    return attrgetter("value"), decode


def _optional(kind: Any) -> tuple[Encode, Decode]:
    encode_one, decode_one = codec(kind)

    def encode(value: Any) -> Any:
        return None if value is None else encode_one(value)

    def decode(data: Any, article_id: str, ones: Ones | None) -> Any:
        return None if data is None else decode_one(data, article_id, ones)

    return encode, decode


def _tuple(args: tuple[Any, ...]) -> tuple[Encode, Decode]:
    if len(args) == 2 and args[1] is Ellipsis:
        encode_one, decode_one = codec(args[0])

        def encode_all(value: Any) -> Any:
            return [encode_one(v) for v in value]

        def decode_all(data: Any, article_id: str, ones: Ones | None) -> Any:
            if type(data) is not list:
                raise Unfit(_unfit(data, "list"))
            return tuple([decode_one(d, article_id, ones) for d in data])

        return encode_all, decode_all
    parts = [codec(a) for a in args]
    encoders, decoders = [e for e, _ in parts], [d for _, d in parts]

    def encode(value: Any) -> Any:
        return [e(v) for e, v in zip(encoders, value, strict=True)]

    def decode(data: Any, article_id: str, ones: Ones | None) -> Any:
        if type(data) is not list or len(data) != len(decoders):
            raise Unfit(_unfit(data, f"list of {len(decoders)}"))
        return tuple([d(v, article_id, ones) for d, v in zip(decoders, data, strict=True)])

    return encode, decode


def _dataclass(kind: type) -> tuple[Encode, Decode]:
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]
    ident = ID_FIELDS.get(kind)
    parts = [codec(hints[name]) for name in names]
    encoders = [None if name == ident else e for name, (e, _) in zip(names, parts, strict=True)]
    values = attrgetter(*names) if len(names) > 1 else (lambda v: (getattr(v, names[0]),))

    def encode(value: Any) -> Any:
        return [None if e is None else e(v) for e, v in zip(encoders, values(value), strict=True)]

    return encode, _compiled(kind, {name: hints[name] for name in names if name != ident}, names)


def _compiled(kind: type, hints: dict[str, Any], names: list[str]) -> Decode:
    """The checking decoder of the dataclass ``kind`` with the fields ``names`` in order,
    of the types ``hints`` (a field without one holds its article's id), as one function
    of straight-line code: each field is checked and converted in place, and only a
    field of another dataclass or of a rarer type calls a decoder of its own. A record
    holds tens of values of the model; a call and a loop for each field would cost more
    than the checks."""
    scope: dict[str, Any] = {"kind": kind, "Unfit": Unfit, "unfit": _unfit, "intern": sys.intern}
    got = [f"v{i}" for i in range(len(names))]
    lines = [
        "def decode(data, article_id, ones):",
        f"    if type(data) is not list or len(data) != {len(names)}:",
        f"        raise Unfit(unfit(data, {kind.__name__!r}))",
        f"    {', '.join(got)}{',' if len(got) == 1 else ''} = data",
    ]
    flat = [_flat(hints[field]) if field in hints else None for field in names]
    shared = kind in SHARED and all(flat)
    if shared:
        lines += _found(got, flat)
    for name, field in zip(got, names, strict=True):
        if field not in hints:
            lines.append(f"    {name} = article_id")
            continue
        lines += _converted(name, hints[field], scope, "    ")
        if field in INTERNED.get(kind, ()):
            lines.append(f"    if ones is not None and {name} is not None:")
            lines.append(f"        {name} = intern({name})")
    lines.append(f"    value = kind({', '.join(got)})")
    if shared:
        lines += ["    if ones is not None:", "        ones[key] = value"]
    lines.append("    return value")
    exec("\n".join(lines), scope)  # code of names and types, never of data
    return scope["decode"]  # type: ignore[no-any-return]


def _found(got: list[str], flat: list[Any]) -> list[str]:
    """Lines that return the value the memo ``ones`` holds for plain fields equal to
    those in the variables ``got``, each of one of the ``flat`` types. A text, None or
    a list equals only its like, but JSON's true and 1.0 equal 1: the fields of a type
    that such a value equals are checked before the value is taken, so that only the
    very fields of a value read before find it."""
    checks = [
        f"({name} is None or type({name}) is {kind.__name__})"
        if optional
        else f"type({name}) is {kind.__name__}"
        for name, (kind, optional) in zip(got, flat, strict=True)
        if kind in (int, bool)
    ]
    return [
        "    if ones is not None:",
        f"        key = (kind, {', '.join(got)})",
        "        try:",
        "            found = ones.get(key)",
        "        except TypeError:  # a list or an object among them: not a value read",
        "            found = None",
        f"        if found is not None{''.join(f' and {c}' for c in checks)}:",
        "            return found",
    ]


def _flat(kind: Any) -> tuple[type, bool] | None:
    """The type of the plain form of a field of type ``kind`` and whether it may be None,
    when that form is one JSON value and no list; else None."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
        inner = _flat(next(a for a in args if a is not type(None)))
        return None if inner is None else (inner[0], True)
    if kind in (str, int, bool):
        return kind, False
    if kind is dt.date:
        return int, False
    if kind is dt.time:
        return str, False
    if isinstance(kind, type) and issubclass(kind, Enum):
        of = {type(m.value) for m in kind}
        return (of.pop(), False) if len(of) == 1 and of <= {str, int} else None
    return None


def _converted(name: str, kind: Any, scope: dict[str, Any], indent: str) -> list[str]:
    """Lines that check the value in the variable ``name`` against ``kind`` (raising
    Unfit) and leave the value of the model in it."""
    said = f"raise Unfit(unfit({name}, {_shown(kind)!r}))"
    if kind in (str, int, bool, type(None)):
        return [f"{indent}if type({name}) is not {kind.__name__}:", f"{indent}    {said}"]
    if kind is float:  # an int stays one, as it was written
        return [f"{indent}if type({name}) is not float and type({name}) is not int:",
                f"{indent}    {said}"]  # fmt: skip
    if kind is dt.date:
        scope["day"], scope["last"] = dt.date.fromordinal, dt.date.max.toordinal()
        return [
            f"{indent}if type({name}) is not int or not 1 <= {name} <= last:",
            f"{indent}    {said}",
            f"{indent}{name} = day({name})",
        ]
    if isinstance(kind, type) and issubclass(kind, Enum):
        of = {type(m.value) for m in kind}
        if of in ({str}, {int}):  # JSON's true is not the enum's 1
            members = _bind(scope, {m.value: m for m in kind})
            value = _bind(scope, of.pop())
            return [
                f"{indent}found = {members}.get({name}) if type({name}) is {value} else None",
                f"{indent}if found is None:",
                f"{indent}    {said}",
                f"{indent}{name} = found",
            ]
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
        inner = _converted(
            name, next(a for a in args if a is not type(None)), scope, indent + "    "
        )
        return [f"{indent}if {name} is not None:", *inner]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        one = args[0]
        head = [f"{indent}if type({name}) is not list:", f"{indent}    {said}"]
        if one in (str, int):
            return [
                *head,
                f"{indent}for each in {name}:",
                f"{indent}    if type(each) is not {one.__name__}:",
                f"{indent}        raise Unfit(unfit(each, {one.__name__!r}))",
                f"{indent}{name} = tuple({name})",
            ]
        if isinstance(one, type) and dataclasses.is_dataclass(one):
            element = _bind(scope, codec(one)[1])
            each = f"{element}(each, article_id, ones)"
            return [*head, f"{indent}{name} = tuple([{each} for each in {name}])"]
    decoder = _bind(scope, codec(kind)[1])
    return [f"{indent}{name} = {decoder}({name}, article_id, ones)"]


def _bind(scope: dict[str, Any], value: Any) -> str:
    """A new name for ``value`` in the generated code's ``scope``."""
    name = f"c{len(scope)}"
    scope[name] = value
    return name


def _shown(kind: Any) -> str:
    return getattr(kind, "__name__", None) or str(kind)


def _unfit(data: Any, kind: str) -> str:
    return f"{data!r:.40} is not a {kind}"
