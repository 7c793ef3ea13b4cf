"""Read article files and the metadata given beside them.

An article is a text file read byte for byte: UTF-8 with or without BOM (CRLF or LF),
or cp1252 with a warning. What its text cannot tell comes from YAML front matter at its
top or from a ``sources.yaml`` in its folder mapping file names to the same fields.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from syriatl.errors import SyriatlError
from syriatl.model import Article, Metadata

SOURCES = "sources.yaml"
FIELDS = ("published", "url", "outlet", "title")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
# Bytes that never occur in text: a file holding them is binary, whatever decodes.
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True, slots=True)
class Read:
    """The result of reading one file: an article, or the problem that stopped it."""

    path: str
    article: Article | None
    problem: str | None = None
    warning: str | None = None


def discover(paths: Iterable[str]) -> tuple[Path, ...]:
    """The article files named by ``paths``: files as given, folders' ``*.txt`` sorted.

    Raises SyriatlError for a path that does not exist and for a folder with no articles.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not inside:
                raise SyriatlError(raw, "no .txt articles in this folder")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise SyriatlError(raw, "no such file or folder")
    unique = dict.fromkeys(found)
    return tuple(unique)


def _date(value: object, where: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SyriatlError(where, f"published {value!r} is not a date (YYYY-MM-DD)") from None


def metadata(fields: Mapping[str, Any], where: str) -> Metadata:
    """Metadata from a mapping of the known fields; unknown fields are an error."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise SyriatlError(where, f"unknown field {unknown[0]!r} (known: {', '.join(FIELDS)})")

    def text(key: str) -> str | None:
        value = fields.get(key)
        return None if value is None else str(value)

    return Metadata(
        published=_date(fields.get("published"), where),
        url=text("url"),
        outlet=text("outlet"),
        title=text("title"),
    )


def _load_yaml(text: str, where: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise SyriatlError(where, f"{line}{problem}") from None


def read_sources(folder: Path) -> dict[str, Metadata]:
    """The ``sources.yaml`` of a folder as file name -> metadata; empty when there is none."""
    path = folder / SOURCES
    if not path.is_file():
        return {}
    try:
        raw = _load_yaml(path.read_text(encoding="utf-8-sig"), str(path))
    except UnicodeDecodeError:
        raise SyriatlError(str(path), "not UTF-8 text") from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SyriatlError(str(path), "must map file names to their fields")
    out = {}
    for name, fields in raw.items():
        if not isinstance(fields, dict):
            raise SyriatlError(str(path), f"{name}: must be a mapping of fields")
        out[str(name)] = metadata(fields, f"{path}: {name}")
    return out


def decode(data: bytes) -> tuple[str | None, str, str | None]:
    """Text, encoding and problem of a file's bytes; text is None when it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _BINARY.search(data[:65536]):
        return None, "binary", "binary file, not text"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", None
    except UnicodeDecodeError:
        return None, "unknown", "neither UTF-8 nor cp1252 text"


def split_front_matter(text: str, where: str) -> tuple[Metadata | None, str, int]:
    """Front matter, the text after it, and how many lines the front matter took."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    raw = _load_yaml(match.group(1), where)
    if not isinstance(raw, dict):
        return None, text, 0
    body = text[match.end() :]
    return metadata(raw, f"{where}: front matter"), body, text[: match.end()].count("\n")


def _merge(given: Metadata | None, beside: Metadata | None) -> Metadata:
    if given is None:
        return beside or Metadata()
    if beside is None:
        return given
    return Metadata(
        published=given.published or beside.published,
        url=given.url or beside.url,
        outlet=given.outlet or beside.outlet,
        title=given.title or beside.title,
    )


def read_article(path: Path, beside: Metadata | None = None) -> Read:
    """Read one article file with the metadata given beside it; an undecodable file or
    broken front matter comes back as a problem, not an error."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return Read(where, None, f"cannot read ({error.strerror or error})")
    text, encoding, problem = decode(data)
    if text is None:
        return Read(where, None, problem)
    warning = f"{where}: not UTF-8; read as cp1252" if encoding == "cp1252" else None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        front, body, offset = split_front_matter(text, where)
    except SyriatlError as error:
        return Read(where, None, error.problem)
    meta = _merge(front, beside)
    article = Article(
        id=path.stem, path=where, text=body, meta=meta, line_offset=offset, encoding=encoding
    )
    return Read(where, article, None, warning)


def metadata_beside(paths: Iterable[Path]) -> tuple[dict[Path, Metadata], tuple[str, ...]]:
    """The metadata each folder's ``sources.yaml`` gives its files, and warnings for
    entries that name no file of the corpus."""
    listed = list(paths)
    folders = {path.parent for path in listed}
    names = {(path.parent, path.name) for path in listed}
    given: dict[Path, Metadata] = {}
    warnings = []
    for folder in sorted(folders):
        for name, meta in read_sources(folder).items():
            if (folder, name) in names:
                given[folder / name] = meta
            elif not (folder / name).exists():
                warnings.append(f"{folder / SOURCES}: {name}: no such article in the folder")
    return given, tuple(warnings)


def read_corpus(paths: Iterable[Path]) -> tuple[Read, ...]:
    """Read every file, with each folder's ``sources.yaml`` applied to its files."""
    listed = list(paths)
    given, _ = metadata_beside(listed)
    return tuple(read_article(path, given.get(path)) for path in listed)


def _entry_block(name: str, fields: Mapping[str, str]) -> str:
    lines = [f"{yaml.safe_dump(name, default_style=None).splitlines()[0]}:"]
    for key, value in fields.items():
        dumped = yaml.safe_dump(value, allow_unicode=True, width=1 << 30).splitlines()[0]
        lines.append(f"  {key}: {dumped}")
    return "\n".join(lines) + "\n"


def add_to_corpus(
    files: Iterable[Path],
    into: Path,
    published: dt.date | None,
    url: str | None,
    outlet: str | None,
) -> list[str]:
    """Copy articles byte for byte into a corpus folder and record what their text cannot
    tell in its ``sources.yaml``; returns one line per thing done.

    Refuses (SyriatlError) a missing or binary file, a different file of the same name
    already in the folder, and metadata that would overwrite a different recorded value.
    """
    fields = {
        k: v
        for k, v in (
            ("published", published.isoformat() if published else None),
            ("url", url),
            ("outlet", outlet),
        )
        if v
    }
    into.mkdir(parents=True, exist_ok=True)
    sources_path = into / SOURCES
    recorded = read_sources(into)
    done: list[str] = []
    appended: list[str] = []
    for path in files:
        if not path.is_file():
            raise SyriatlError(str(path), "no such file")
        data = path.read_bytes()
        if decode(data)[0] is None:
            raise SyriatlError(str(path), decode(data)[2] or "not text")
        target = into / path.name
        if target.exists() and target.read_bytes() != data:
            raise SyriatlError(
                str(target), "a different file of this name is already in the corpus"
            )
        if not target.exists():
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_bytes(data)
            temporary.replace(target)
            done.append(f"copied {path} to {target}")
        if not fields:
            continue
        known = recorded.get(path.name)
        if known is None:
            appended.append(_entry_block(path.name, fields))
            done.append(f"recorded {', '.join(fields)} for {path.name} in {sources_path}")
            continue
        have = {
            "published": known.published.isoformat() if known.published else None,
            "url": known.url,
            "outlet": known.outlet,
        }
        clash = [k for k, v in fields.items() if have.get(k) != v]
        if clash:
            raise SyriatlError(
                str(sources_path),
                f"{path.name} already records {clash[0]} "
                f"{have[clash[0]]!r}; edit the file to change it",
            )
    if appended:
        existing = sources_path.read_text(encoding="utf-8") if sources_path.exists() else ""
        joined = existing + ("" if not existing or existing.endswith("\n") else "\n")
        temporary = sources_path.with_name(f".{SOURCES}.tmp")
        temporary.write_text(joined + "".join(appended), encoding="utf-8")
        temporary.replace(sources_path)
    return done
