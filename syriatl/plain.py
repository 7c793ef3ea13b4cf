"""The model as plain JSON values and back: what the cache stores and worker processes
send, without pickling objects that a foreign file could name.

A frozen dataclass is the list of its fields in order, an enum its value, a date its
ordinal day number, a time its ISO form, a tuple a list. Decoding follows the annotated
types and checks every value against them, so a record that does not fit them (written
by other code, or damaged) raises ``Unfit`` rather than building a wrong object. The
fields that hold an article's id are stored empty and given back by the decoder: an id
depends on the rest of the corpus (two files of one stem in different folders).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import Any

from syriatl.model import Article, ArticleReport, Problem, Source

# The field of each class that holds the id of the article it belongs to.
ID_FIELDS: dict[type, str] = {
    Article: "id",
    ArticleReport: "id",
    Source: "article",
    Problem: "article",
}

Encode = Callable[[Any], Any]
Decode = Callable[[Any, str], Any]


class Unfit(ValueError):
    """Plain data that does not fit the type it is read as."""


def dumps(kind: Any, value: Any) -> bytes:
    """``value`` (of the type ``kind``) as compact JSON in UTF-8."""
    plain = codec(kind)[0](value)
    text = json.dumps(plain, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return text.encode("utf-8", "surrogatepass")


def loads(kind: Any, data: bytes, article_id: str) -> Any:
    """The value of type ``kind`` that ``dumps`` wrote, with ``article_id`` as its
    article's id; raises Unfit for data that is not such a value."""
    return from_plain(kind, parse(data), article_id)


def parse(data: bytes) -> Any:
    """The plain data of JSON in UTF-8; raises Unfit for anything else."""
    try:
        return json.loads(data.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError) as error:
        raise Unfit(f"not JSON ({error})") from None


def from_plain(kind: Any, data: Any, article_id: str) -> Any:
    """The value of type ``kind`` whose plain form is ``data``; raises Unfit when it does
    not fit."""
    try:
        return codec(kind)[1](data, article_id)
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
    def decode(data: Any, article_id: str) -> Any:
        if type(data) is not kind:
            raise Unfit(f"{data!r:.40} is not a {kind.__name__}")
        return data

    return decode


def _number(data: Any, article_id: str) -> float:
    if type(data) not in (int, float):  # an int stays one, as it was written
        raise Unfit(f"{data!r:.40} is not a number")
    return data  # type: ignore[no-any-return]


def _date(data: Any, article_id: str) -> dt.date:
    if type(data) is not int or not 1 <= data <= dt.date.max.toordinal():
        raise Unfit(f"{data!r:.40} is not a day number")
    return dt.date.fromordinal(data)


def _time(data: Any, article_id: str) -> dt.time:
    try:
        return dt.time.fromisoformat(data)
    except (TypeError, ValueError):
        raise Unfit(f"{data!r:.40} is not a time") from None


def _enum(kind: type[Enum]) -> tuple[Encode, Decode]:
    members = {(type(m.value), m.value): m for m in kind}

    def decode(data: Any, article_id: str) -> Any:
        try:
            return members[type(data), data]
        except (KeyError, TypeError):  # JSON's true is not the enum's 1
            raise Unfit(f"{data!r:.40} is not a {kind.__name__}") from None

    return attrgetter("value"), decode


def _optional(kind: Any) -> tuple[Encode, Decode]:
    encode_one, decode_one = codec(kind)

    def encode(value: Any) -> Any:
        return None if value is None else encode_one(value)

    def decode(data: Any, article_id: str) -> Any:
        return None if data is None else decode_one(data, article_id)

    return encode, decode


def _tuple(args: tuple[Any, ...]) -> tuple[Encode, Decode]:
    if len(args) == 2 and args[1] is Ellipsis:
        encode_one, decode_one = codec(args[0])

        def encode_all(value: Any) -> Any:
            return [encode_one(v) for v in value]

        def decode_all(data: Any, article_id: str) -> Any:
            if type(data) is not list:
                raise Unfit(f"{data!r:.40} is not a list")
            return tuple([decode_one(d, article_id) for d in data])

        return encode_all, decode_all
    parts = [codec(a) for a in args]
    encoders, decoders = [e for e, _ in parts], [d for _, d in parts]

    def encode(value: Any) -> Any:
        return [e(v) for e, v in zip(encoders, value, strict=True)]

    def decode(data: Any, article_id: str) -> Any:
        if type(data) is not list or len(data) != len(decoders):
            raise Unfit(f"{data!r:.40} is not a list of {len(decoders)}")
        return tuple([d(v, article_id) for d, v in zip(decoders, data, strict=True)])

    return encode, decode


def _dataclass(kind: type) -> tuple[Encode, Decode]:
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]
    ident = ID_FIELDS.get(kind)
    parts = [codec(hints[name]) for name in names]
    encoders = [None if name == ident else e for name, (e, _) in zip(names, parts, strict=True)]
    decoders = [None if name == ident else d for name, (_, d) in zip(names, parts, strict=True)]
    values = attrgetter(*names) if len(names) > 1 else (lambda v: (getattr(v, names[0]),))
    count = len(names)

    def encode(value: Any) -> Any:
        return [None if e is None else e(v) for e, v in zip(encoders, values(value), strict=True)]

    def decode(data: Any, article_id: str) -> Any:
        if type(data) is not list or len(data) != count:
            raise Unfit(f"{data!r:.40} is not a {kind.__name__}")
        return kind(
            *[
                article_id if d is None else d(v, article_id)
                for d, v in zip(decoders, data, strict=True)
            ]
        )

    return encode, decode
