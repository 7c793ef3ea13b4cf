"""Read article files with the metadata given beside them, and add files to a corpus.

An article is a text file read byte for byte (see ``decode``), or an HTML page read
through ``syriatl.read.html``; what its text cannot tell comes from YAML front matter at
the top of a text file or from a ``sources.yaml`` in its folder (see ``metadata``), and
for a page also from its own markup (its address and site name). Every file that cannot
be read comes back as a problem, never an error.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from syriatl.decode import decode, not_english
from syriatl.discover import SUFFIXES, Discovery, Found, discover, printable, reason
from syriatl.errors import SyriatlError
from syriatl.metadata import (
    ALL,
    SOURCES,
    Listed,
    Refused,
    check_value,
    entry_yaml,
    read_sources,
    split_front_matter,
)
from syriatl.model import Article, Metadata
from syriatl.read import html

__all__ = ["Discovery", "Found", "Read", "add_to_corpus", "discover", "read_article"]

Beside = Metadata | Refused | None


@dataclass(frozen=True, slots=True)
class Read:
    """The result of reading one file: an article, or the problem that stopped it."""

    path: str
    article: Article | None
    problem: str | None = None
    warning: str | None = None


def _merge(given: Metadata | None, beside: Metadata | None) -> Metadata:
    """Metadata field by field: what ``given`` says, else what ``beside`` says."""
    if given is None:
        return beside or Metadata()
    if beside is None:
        return given
    return Metadata(
        published=given.published or beside.published,
        url=given.url or beside.url,
        outlet=given.outlet or beside.outlet,
        title=given.title or beside.title,
        origin=given.origin or beside.origin,
        timezone=given.timezone or beside.timezone,
    )


def read_article(
    found: Found, beside: Beside = None, timezone: str | None = None, data: bytes | None = None
) -> Read:
    """Read one article file with the metadata given beside it; an unreadable, binary,
    empty or non-English file, or unusable metadata, comes back as a problem.
    ``timezone`` (``build --timezone``) is the zone when no metadata names one; ``data``
    the file's bytes when they have been read already."""
    where = found.shown
    if data is None:
        try:
            data = found.path.read_bytes()
        except OSError as error:
            return Read(where, None, f"cannot read ({reason(error)})")
    page = html.is_page(found.path.name)
    decoded = html.decode_page(data) if page else decode(data)
    warning = f"{where}: {decoded.warning}" if decoded.warning else None
    if decoded.text is None:
        return Read(where, None, decoded.problem, warning)
    text = decoded.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if page:
        return _page(found, text, decoded.encoding, beside, timezone, warning)
    front, body, offset = split_front_matter(text, where)
    problem = next((m.problem for m in (front, beside) if isinstance(m, Refused)), None)
    if problem is None and (not body or body.isspace()):
        problem = "empty"
    problem = problem or not_english(body)
    if problem is not None:
        return Read(where, None, problem.removeprefix(f"{where}: "), warning)
    assert not isinstance(front, Refused) and not isinstance(beside, Refused)
    article = Article(
        id=found.id,
        path=where,
        text=body,
        meta=_merge(_merge(front, beside), Metadata(timezone=timezone)),
        line_offset=offset,
        encoding=decoded.encoding,
    )
    return Read(where, article, None, warning)


def _page(
    found: Found,
    text: str,
    encoding: str,
    beside: Beside,
    timezone: str | None,
    warning: str | None,
) -> Read:
    """An HTML page as an article: its text read, what of it is no story, the date its
    markup gives, and its address and site name where no metadata gives them."""
    where = found.shown
    if isinstance(beside, Refused):
        return Read(where, None, beside.problem.removeprefix(f"{where}: "), warning)
    if not text or text.isspace():
        return Read(where, None, "empty", warning)
    read = html.read_page(text)
    if isinstance(read, str):
        return Read(where, None, read, warning)
    story = read.text[: read.aside[0].start] if read.aside else read.text
    problem = not_english(story)
    if problem is not None:
        return Read(where, None, problem, warning)
    own = Metadata(url=read.url, outlet=read.site)
    article = Article(
        id=found.id,
        path=where,
        text=read.text,
        meta=_merge(_merge(beside, own), Metadata(timezone=timezone)),
        encoding=encoding,
        aside=read.aside,
        page_date=read.page_date,
    )
    return Read(where, article, None, warning)


def metadata_beside(
    paths: Iterable[Path], parsed: Callable[[str, str], Listed] | None = None
) -> tuple[dict[Path, Beside], tuple[str, ...]]:
    """The metadata each folder's ``sources.yaml`` gives its files, and warnings for
    entries that name no file of the corpus. The entry ``*`` gives every file of the
    folder the fields its own entry leaves out (``timezone``, ``outlet``, ...).
    ``parsed`` reads a ``sources.yaml``'s text (see ``read_sources``)."""
    folders: dict[Path, dict[str, Path]] = {}  # folder -> name -> the path given
    for path in paths:
        folders.setdefault(path.parent, {})[path.name] = path
    given: dict[Path, Beside] = {}
    warnings = []
    for folder in sorted(folders):
        mine = folders[folder]
        read = read_sources(folder, parsed)
        every = read.pop(ALL, None)
        if every is not None:
            given.update(dict.fromkeys(mine.values(), every))
        for name, meta in read.items():
            if name in mine:
                given[mine[name]] = _over(meta, every)
            elif not (folder / name).exists():
                shown = printable(str(folder / SOURCES))
                warnings.append(f"{shown}: {name}: no such article in the folder")
    return given, tuple(warnings)


def _over(meta: Metadata | Refused, every: Beside) -> Metadata | Refused:
    """A file's own entry over the folder's ``*`` entry (a refused one stays refused)."""
    if isinstance(meta, Refused) or every is None:
        return meta
    if isinstance(every, Refused):
        return every
    return _merge(meta, every)


def read_corpus(found: Discovery) -> tuple[Read, ...]:
    """Read every file, with each folder's ``sources.yaml`` applied to its files; what
    could not be looked into comes first, as reads without an article."""
    given, warnings = metadata_beside(f.path for f in found.files)
    return (
        *(Read(p.article, None, p.problem) for p in found.problems),
        *(Read("", None, None, w) for w in found.warnings + warnings),
        *(read_article(f, given.get(f.path)) for f in found.files),
    )


def _source(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SyriatlError(printable(str(path)), "not a regular file")
        data = path.read_bytes()
    except OSError as error:
        raise SyriatlError(printable(str(path)), reason(error)) from None
    decoded = decode(data)
    if decoded.text is None:
        raise SyriatlError(printable(str(path)), decoded.problem or "not text")
    return data


def _write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file (never a partial file)."""
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SyriatlError(printable(str(target)), f"cannot write ({reason(error)})") from None


def _folder(into: Path) -> None:
    try:
        if not into.is_dir():
            into.mkdir(parents=True)
    except FileExistsError:
        raise SyriatlError(printable(str(into)), "not a folder") from None
    except NotADirectoryError:
        raise SyriatlError(printable(str(into)), "a part of this path is not a folder") from None
    except OSError as error:
        raise SyriatlError(printable(str(into)), f"cannot create ({reason(error)})") from None


def _fields(published: dt.date | None, url: str | None, outlet: str | None) -> dict[str, str]:
    given = {"published": published.isoformat() if published else None, "url": url}
    given["outlet"] = outlet
    for key, value in given.items():
        if value:
            check_value(f"--{key}", value)
    return {k: v for k, v in given.items() if v}


def _recorded(known: Metadata | Refused, where: str) -> dict[str, str | None]:
    if isinstance(known, Refused):
        raise SyriatlError(where, known.problem.removeprefix(f"{where}: "))
    published = known.published.isoformat() if known.published else None
    return {"published": published, "url": known.url, "outlet": known.outlet}


def add_to_corpus(
    files: Iterable[Path],
    into: Path,
    published: dt.date | None,
    url: str | None,
    outlet: str | None,
) -> list[str]:
    """Copy articles byte for byte into a corpus folder and record what their text cannot
    tell in its ``sources.yaml``; returns one line per thing done.

    Refuses (SyriatlError) a file that is not an article (``.txt``, ``.html``, ``.htm``),
    a missing, non-regular or binary file, a folder it cannot
    write, a value with a control character (a usage error), a different file of the same
    name already in the folder, and metadata that would overwrite a different value.
    """
    fields = _fields(published, url, outlet)
    files = list(files)
    for path in files:
        if not path.name.endswith(SUFFIXES):  # copied, it would lie in the corpus unread
            raise SyriatlError(
                printable(str(path)),
                "not an article file (.txt, .html or .htm): a build would not read it",
            )
    if fields:
        for path in files:
            _name(path)
    _folder(into)
    sources_path = into / SOURCES
    recorded = read_sources(into)
    # Everything is checked before anything is written: a refusal leaves the corpus as it was.
    plan = [
        (path, data, _needs_copy(path, data, into)) for path in files for data in [_source(path)]
    ]
    appended: list[str] = []
    for path, _, _ in plan:
        known = recorded.get(path.name)
        if not fields:
            continue
        if known is None:
            appended.append(entry_yaml(path.name, fields))
            continue
        have = _recorded(known, printable(str(sources_path)))
        clash = [k for k, v in fields.items() if have.get(k) != v]
        if clash:
            raise SyriatlError(
                str(sources_path),
                f"{path.name} already records {clash[0]} "
                f"{have[clash[0]]!r}; edit the file to change it",
            )
    done: list[str] = []
    for path, data, copy in plan:
        if copy:
            target = into / path.name
            _write(target, data)
            done.append(f"copied {printable(str(path))} to {printable(str(target))}")
        if fields and recorded.get(path.name) is None:
            done.append(f"recorded {', '.join(fields)} for {path.name} in {sources_path}")
    if appended:
        existing = sources_path.read_text(encoding="utf-8") if sources_path.exists() else ""
        joined = existing + ("" if not existing or existing.endswith("\n") else "\n")
        _write(sources_path, (joined + "".join(appended)).encode("utf-8"))
    return done


def _needs_copy(path: Path, data: bytes, into: Path) -> bool:
    """Whether ``path`` must be copied into the corpus (False: the same file is there);
    refuses a different file, or something other than a file, of that name."""
    target = into / path.name
    try:
        if not target.exists():
            return True
        if not target.is_file():
            raise SyriatlError(printable(str(target)), "already in the corpus and not a file")
        same = target.read_bytes() == data
    except OSError as error:
        raise SyriatlError(printable(str(target)), f"cannot read ({reason(error)})") from None
    if not same:
        raise SyriatlError(
            printable(str(target)), "a different file of this name is already in the corpus"
        )
    return False


def _name(path: Path) -> None:
    """Refuse a file name that ``sources.yaml`` (UTF-8 text) cannot hold."""
    try:
        os.fsencode(path.name).decode("utf-8")
    except UnicodeDecodeError:
        raise SyriatlError(
            printable(str(path)), "file name is not UTF-8, so sources.yaml cannot name it"
        ) from None
