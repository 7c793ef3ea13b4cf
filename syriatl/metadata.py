"""Metadata given beside an article's text: YAML front matter and ``sources.yaml``; and
an editor's ``corrections.yaml``, read here as plain values.

YAML is read without constructing anything: the document is composed into nodes and
walked here, so every scalar stays the string it was written as (a date is parsed by us,
never by PyYAML's timestamp constructor), aliases and non-standard tags (``!!python/...``)
are refused, nesting and size are bounded, and duplicate keys are seen, not overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from syriatl.discover import printable, reason
from syriatl.errors import ExitCode, SyriatlError
from syriatl.localtime import zone_problem
from syriatl.model import Metadata

if TYPE_CHECKING:
    import yaml

SOURCES = "sources.yaml"
ALL = "*"  # the sources.yaml entry that gives every file of its folder its fields
FIELDS = ("published", "url", "outlet", "origin", "title", "timezone")
FRONT_MATTER_LIMIT = 64 * 1024  # bytes of YAML between the two '---' lines
SOURCES_LIMIT = 16 * 1024 * 1024  # a sources.yaml for ~100,000 articles
CORRECTIONS = "corrections.yaml"
CORRECTIONS_LIMIT = 4 * 1024 * 1024  # tens of thousands of corrections
_DEPTH = 8  # metadata is two levels deep; anything deeper is not metadata
_STANDARD = "tag:yaml.org,2002:"
_PLAIN = ("str", "int", "float", "bool", "timestamp", "null", "seq", "map")
_ALLOWED = frozenset(f"{_STANDARD}{kind}" for kind in _PLAIN)
_NULL = f"{_STANDARD}null"
_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^---[ \t]*$", re.MULTILINE)
# The first line of a YAML block of fields: a one-word key, a list item, a comment, or
# nothing; any other block between two '---' lines is a rule drawn around article text.
_FIELD = r"[ \t]*(?:[\w\"'-]+[ \t]*:|-[ \t])"
_LOOKS_LIKE_FIELD = re.compile(_FIELD)
_LOOKS_LIKE_YAML = re.compile(rf"{_FIELD}|[ \t]*(?:#|$)", re.MULTILINE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# A mapping keeps its pairs in order, duplicates included, so they can be reported.
Value = str | None | list["Value"] | tuple[tuple[str, "Value"], ...]


@dataclass(frozen=True, slots=True)
class Refused:
    """Metadata that was given but cannot be used, and why (``FILE: field problem``)."""

    problem: str


def _line(node: yaml.Node) -> str:
    return f"line {node.start_mark.line + 1}: "


def _walk(node: yaml.Node, seen: set[int], depth: int) -> Value:
    import yaml  # loaded by ``load`` already: a look-up (about 0.1 µs a node)

    if id(node) in seen:
        raise ValueError(f"{_line(node)}YAML aliases are not allowed in metadata")
    seen.add(id(node))
    if depth > _DEPTH:
        raise ValueError(f"{_line(node)}nested too deeply for metadata")
    if node.tag not in _ALLOWED:
        what = "python tags are" if "python/" in node.tag else f"the tag {node.tag!r} is"
        raise ValueError(f"{_line(node)}{what} not allowed in metadata")
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL else str(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, seen, depth + 1) for item in node.value]
    pairs = []
    for key, value in node.value:
        name = _walk(key, seen, depth + 1)
        if not isinstance(name, str):
            raise ValueError(f"{_line(key)}a key must be plain text")
        pairs.append((name, _walk(value, seen, depth + 1)))
    return tuple(pairs)


# Characters around which libyaml and PyYAML's own parser may disagree: C0 controls
# (the tab among them), DEL, C1 controls (NEL), the byte-order mark, the line and
# paragraph separators.
_APART = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]")


def _compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML document, by libyaml's parser when PyYAML has it (a large
    ``sources.yaml`` reads several times faster). A document it refuses is composed
    again by PyYAML's own parser, whose verdict and message stand: libyaml words its
    errors differently and refuses deep nesting itself, and a build's messages must
    not depend on how PyYAML was installed. For the same reason a text with a tab, a
    byte-order mark or another character the two parsers treat apart (``_APART``) goes
    to PyYAML's parser only: libyaml accepts some such documents that PyYAML refuses."""
    import yaml  # loaded by ``load`` already

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None and _APART.search(text) is None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def load(text: str, where: str) -> Value:
    """The YAML document ``text`` as plain values (None when it is empty).

    Raises SyriatlError naming ``where`` when it is not YAML or not plain metadata.
    """
    import yaml  # here, not at the top: an article without metadata needs no YAML

    try:
        node = _compose(text)
        return None if node is None else _walk(node, set(), 0)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise SyriatlError(where, f"{line}{problem}") from None
    except RecursionError:
        raise SyriatlError(where, "nested too deeply for metadata") from None
    except ValueError as error:
        raise SyriatlError(where, str(error)) from None


def _kind(value: Value) -> str:
    return "a list" if isinstance(value, list) else "a mapping"


def _date(value: str) -> dt.date:
    if _ISO_DAY.fullmatch(value):
        return dt.date.fromisoformat(value)
    if _ISO_DAY.match(value):
        return dt.datetime.fromisoformat(value).date()
    raise ValueError(value)


def _field(key: str, value: Value) -> str | dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text, not {_kind(value)}")
    if key == "timezone":
        problem = zone_problem(value)
        if problem:
            raise ValueError(problem)
        return value
    if key != "published":
        return value
    try:
        return _date(value.strip())
    except ValueError:
        raise ValueError(f"published {value!r} is not a date (YYYY-MM-DD)") from None


def metadata(fields: Value, where: str) -> Metadata | Refused:
    """Metadata from a mapping of the known fields, or why it cannot be used: not a
    mapping, an unknown or repeated field, a value of the wrong type, an impossible date."""
    if not isinstance(fields, tuple):
        what = "a list" if isinstance(fields, list) else "plain text"
        return Refused(f"{where}: must be a mapping of fields ({', '.join(FIELDS)}), not {what}")
    values: dict[str, str | dt.date | None] = {}
    for key, value in fields:
        if key not in FIELDS:
            return Refused(f"{where}: unknown field {key!r} (known: {', '.join(FIELDS)})")
        if key in values:
            return Refused(f"{where}: {key} is given twice")
        try:
            values[key] = _field(key, value)
        except ValueError as error:
            return Refused(f"{where}: {error}")
    published = values.get("published")
    url, outlet, title, origin, timezone = (
        values.get(k) for k in ("url", "outlet", "title", "origin", "timezone")
    )
    return Metadata(
        published=published if isinstance(published, dt.date) else None,
        url=url if isinstance(url, str) else None,
        outlet=outlet if isinstance(outlet, str) else None,
        title=title if isinstance(title, str) else None,
        origin=origin if isinstance(origin, str) else None,
        timezone=timezone if isinstance(timezone, str) else None,
    )


def split_front_matter(text: str, where: str) -> tuple[Metadata | Refused | None, str, int]:
    """Front matter (None when there is none), the text after it, and how many lines the
    front matter took. A block between '---' lines that is plain text is article text."""
    opened = _OPEN.match(text)
    if not opened:
        return None, text, 0
    closed = _CLOSE.search(text, opened.end())
    label = f"{where}: front matter"
    if closed is None:
        if _LOOKS_LIKE_FIELD.match(text, opened.end()):
            return Refused(f"{label}: never closed (no '---' line after its fields)"), text, 0
        return None, text, 0
    block = text[opened.end() : closed.start()]
    if not _LOOKS_LIKE_YAML.match(block):
        return None, text, 0
    if len(block.encode("utf-8", "replace")) > FRONT_MATTER_LIMIT:
        return Refused(f"{label}: longer than {FRONT_MATTER_LIMIT // 1024} KB"), text, 0
    end = closed.end() + (1 if text[closed.end() : closed.end() + 1] == "\n" else 0)
    try:  # the leading newline stands for the opening '---': lines count from the top
        raw = load("\n" + block, label)
    except SyriatlError as error:
        return Refused(str(error)), text, 0
    if isinstance(raw, str):
        return None, text, 0
    meta = Metadata() if raw is None else metadata(raw, label)
    return meta, text[end:], text[:end].count("\n")


def _read_limited(path: Path, limit: int = SOURCES_LIMIT) -> str:
    where = printable(str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SyriatlError(where, "not a regular file")
        if info.st_size > limit:
            raise SyriatlError(where, f"larger than {limit // 2**20} MB")
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SyriatlError(where, "not UTF-8 text") from None
    except OSError as error:
        raise SyriatlError(where, f"cannot read ({reason(error)})") from None


# A sources.yaml read: file name -> its metadata, or why it cannot be used.
Listed = dict[str, Metadata | Refused]


def read_sources(folder: Path, parsed: Callable[[str, str], Listed] | None = None) -> Listed:
    """The ``sources.yaml`` of a folder as file name -> metadata (or why an entry cannot be
    used); empty when there is none. Raises SyriatlError when the file as a whole is not
    readable metadata: then no entry of it can be trusted. ``parsed`` reads the text
    (``sources_of`` unless given: a cache may know it)."""
    path = folder / SOURCES
    if not os.path.lexists(path):
        return {}
    return (parsed or sources_of)(_read_limited(path), printable(str(path)))


def sources_of(text: str, where: str) -> Listed:
    """The entries of the text of a ``sources.yaml`` shown as ``where``, as
    ``read_sources`` gives them."""
    raw = load(text, where)
    if raw is None:
        return {}
    if not isinstance(raw, tuple):
        raise SyriatlError(where, "must map file names to their fields")
    out: dict[str, Metadata | Refused] = {}
    for name, fields in raw:
        out[name] = Refused(f"{where}: listed twice") if name in out else metadata(fields, where)
    return out


def read_corrections(paths: Iterable[str], given: str | None) -> list[tuple[str, Value]]:
    """The plain values of each ``corrections.yaml`` that applies to a build of ``paths``:
    the one in each folder given (if any), then the file ``given`` (which must exist),
    each read once, with the name it is shown by. Raises SyriatlError naming a file that
    cannot be read or is not plain YAML."""
    found = [Path(p) / CORRECTIONS for p in paths if Path(p).is_dir()]
    files = [f for f in found if os.path.lexists(f)] + ([Path(given)] if given else [])
    read: list[tuple[str, Value]] = []
    seen: set[str] = set()
    for path in files:
        key = os.path.realpath(path)
        if key in seen:
            continue
        seen.add(key)
        where = printable(str(path))
        read.append((where, load(_read_limited(path, CORRECTIONS_LIMIT), where)))
    return read


def check_value(option: str, value: str) -> None:
    """Refuse (as a usage error) a value that cannot be recorded on one line."""
    if any(not c.isprintable() for c in value):
        raise SyriatlError(
            option, f"{value!r} holds a control character; give it on one line", ExitCode.USAGE
        )


def entry_yaml(name: str, fields: dict[str, str]) -> str:
    """One ``sources.yaml`` entry, quoted so that it reads back as exactly these values."""
    import yaml

    return yaml.safe_dump(
        {name: fields}, allow_unicode=True, sort_keys=False, width=1 << 30, default_flow_style=False
    )
