"""Find the article files named on the command line, each once, with a unique id.

A path given is a regular file or a folder whose ``*.txt`` files and HTML pages
(``*.html``, ``*.htm``), at any depth with symlinked folders followed, are the articles.
A file is known by its device and inode, so a file reached by two paths (a folder and a
file inside it, a symlink, ``a/../a``, a hard link) is read once. Ids are the file stem;
when two files share a stem, their ids become their paths relative to the root that was
given (``a/x``, ``b/x``), then the paths as given.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from syriatl.errors import SyriatlError
from syriatl.model import Problem

# The names of article files found in a folder: text files and HTML pages.
SUFFIXES = (".txt", ".html", ".htm")

_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "no such file or folder",
    errno.ELOOP: "symlink loop",
    errno.EACCES: "permission denied",
}


def printable(text: str) -> str:
    """``text`` with undecodable bytes of a file name and control characters written as
    backslash escapes (``\\xff``, ``\\n``), so that it prints on one line and encodes."""
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "backslashreplace")
    decoded = raw.decode("utf-8", "backslashreplace")
    if decoded.isprintable():
        return decoded
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in decoded
    )


def reason(error: OSError) -> str:
    """What an OSError says about a path, in the words of the messages."""
    return _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()


@dataclass(frozen=True, slots=True)
class Found:
    """One article file: where to open it, its path as given (printable) and its id."""

    path: Path
    shown: str
    id: str


@dataclass(frozen=True, slots=True)
class Discovery:
    """The article files found, and what could not be looked into (never skipped
    silently): problems (an unreadable folder, a broken link) and warnings."""

    files: tuple[Found, ...]
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class _Walk:
    seen_files: set[tuple[int, int]]
    seen_folders: set[tuple[int, int]]
    found: list[tuple[Path, PurePath]]
    problems: list[Problem]
    warnings: list[str]
    met: int = 0  # article entries met, read or not

    def add(self, path: Path, info: os.stat_result, relative: PurePath) -> None:
        self.met += 1
        key = (info.st_dev, info.st_ino)
        if key not in self.seen_files:
            self.seen_files.add(key)
            self.found.append((path, relative))

    def folder(self, folder: Path, relative: PurePath) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            shown = printable(str(folder))
            self.problems.append(Problem(shown, f"cannot read this folder ({reason(error)})"))
            return
        for entry in entries:
            self.entry(Path(entry.path), relative / entry.name)

    def entry(self, path: Path, relative: PurePath) -> None:
        article = path.name.endswith(SUFFIXES)
        try:
            info = path.stat()
        except OSError as error:
            if article:
                self.met += 1
                self.problems.append(Problem(printable(str(path)), reason(error)))
            return
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key not in self.seen_folders:  # a folder linked twice holds nothing new
                self.seen_folders.add(key)
                self.folder(path, relative)
        elif article and stat.S_ISREG(info.st_mode):
            self.add(path, info, relative)
        elif article:
            self.met += 1
            self.warnings.append(f"{printable(str(path))}: not a regular file; skipped")


def _argument(raw: str) -> tuple[Path, os.stat_result]:
    path = Path(raw)
    try:
        info = path.stat()
    except OSError as error:
        broken = error.errno == errno.ENOENT and path.is_symlink()
        raise SyriatlError(printable(raw), "broken symlink" if broken else reason(error)) from None
    folder = stat.S_ISDIR(info.st_mode)
    if not os.access(path, os.R_OK | (os.X_OK if folder else 0)):
        raise SyriatlError(printable(raw), "permission denied")
    if not stat.S_ISREG(info.st_mode) and not folder:
        raise SyriatlError(printable(raw), "not a regular file")
    return path, info


def discover(paths: Iterable[str]) -> Discovery:
    """The article files named by ``paths``: files as given, folders' articles sorted.

    Raises SyriatlError for a path that is not a readable regular file or folder, and for
    a folder with no articles.
    """
    walk = _Walk(set(), set(), [], [], [])
    for raw in paths:
        path, info = _argument(raw)
        if stat.S_ISREG(info.st_mode):
            walk.add(path, info, PurePath(path.name))
            continue
        key = (info.st_dev, info.st_ino)
        if key in walk.seen_folders:  # given twice, or inside a folder given before
            continue
        before = (walk.met, len(walk.problems))
        walk.seen_folders.add(key)
        walk.folder(path, PurePath())
        if (walk.met, len(walk.problems)) == before:
            raise SyriatlError(printable(raw), "no .txt or .html articles in this folder")
    return Discovery(_with_ids(walk.found), tuple(walk.problems), tuple(walk.warnings))


def _with_ids(found: list[tuple[Path, PurePath]]) -> tuple[Found, ...]:
    def unique(names: list[str]) -> list[bool]:
        counts = Counter(names)
        return [counts[n] == 1 for n in names]

    stems = [_unsuffixed(p.name) for p, _ in found]
    relative = [_unsuffixed(str(r)) for _, r in found]
    given = [_unsuffixed(str(p)) for p, _ in found]
    ids = [
        stem if a else rel if b else short if c else str(path)
        for (path, _), stem, rel, short, a, b, c in zip(
            found, stems, relative, given, unique(stems), unique(relative), unique(given),
            strict=True,
        )
    ]  # fmt: skip
    return tuple(
        Found(path, printable(str(path)), printable(i))
        for (path, _), i in zip(found, ids, strict=True)
    )


def _unsuffixed(path: str) -> str:
    """``path`` without its suffix, as pathlib's ``with_suffix("")`` gives it, on text: a
    corpus has many files, and pathlib's operations cost microseconds each. The suffix is
    the last dot of the file's name and what follows it, when that dot is neither the
    name's first character nor its last ("..txt" is "." with ".txt"; "notes." has none)."""
    name = max(path.rfind(os.sep), path.rfind(os.altsep) if os.altsep else -1) + 1
    dot = path.rfind(".")
    return path[:dot] if name < dot < len(path) - 1 else path
