"""What earlier builds learnt of each article, kept in one SQLite file between builds.

A record is found by a key that hashes everything the article's own stage reads: the
file's bytes, its path as shown, its metadata, the options that reach it, and this
code (``code_hash``: every file of the installed package, the Python version and the
versions of the libraries whose answers it keeps). So a record is never stale; a
changed file, option or program gives a new key, and the records of another program
are dropped at its first write. Each value carries a digest of key and value, so a
damaged record is read as missing. A file that is not such a cache, or one that cannot
be read or written, gives one warning and the build goes on without it: a cache can
make a build slower or faster, never different. The same store keeps a build's merge
and each ``sources.yaml`` parsed, under keys of their own (see ``syriatl.pipeline``).

Two builds may share the file at once: it is in SQLite's write-ahead-log mode (readers
never wait for a writer) and a writer waits up to ``BUSY_SECONDS`` for another one,
writing a batch per transaction; a build that still finds it locked stops storing and
says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import syriatl
from syriatl.discover import printable, reason

FILE = "analyses-1.sqlite3"  # the schema's version is in the name: a new one starts afresh
APPLICATION_ID = 0x5359544C  # "SYTL" in the file's header: this is a syriatl cache
BUSY_SECONDS = 30.0
BATCH = 500
# Libraries whose answers the records keep (dates read by dateparser, zones from
# tzdata, front matter parsed by PyYAML, HTML pages read by trafilatura and the
# libraries it reads them with, htmldate and lxml).
LIBRARIES = (
    "dateparser",
    "tzdata",
    "pyyaml",
    "trafilatura",
    "justext",
    "courlan",
    "lxml_html_clean",
    "htmldate",
    "lxml",
)
_TABLES = (
    "CREATE TABLE analyses (key BLOB PRIMARY KEY, value BLOB NOT NULL, digest BLOB NOT NULL)",
    "CREATE TABLE program (code TEXT NOT NULL)",
)
_WITHOUT = "building without the cache"


def default_folder(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform, home: Path | None = None
) -> Path:
    """The user's cache folder for syriatl on this platform: ``$XDG_CACHE_HOME/syriatl``
    (when that is an absolute path) or ``~/.cache/syriatl`` on Linux and other Unixes,
    ``~/Library/Caches/syriatl`` on macOS, ``%LOCALAPPDATA%\\syriatl\\Cache`` on Windows."""
    home = home or Path.home()
    if platform == "win32":
        local = environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(local) / "syriatl" / "Cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / "syriatl"
    given = environ.get("XDG_CACHE_HOME", "")
    base = Path(given) if given and Path(given).is_absolute() else home / ".cache"
    return base / "syriatl"


@lru_cache(maxsize=1)
def code_hash() -> str:
    """The hash of this program (``program_hash`` of the installed package), computed
    once per process."""
    return program_hash(Path(syriatl.__file__).parent)


def program_hash(root: Path) -> str:
    """A hash of the program that analyses articles: every file under ``root`` (names
    and bytes: its source and its pattern tables, and any data beside them) but compiled
    ones, the Python version, the versions of ``LIBRARIES`` and of the system's zone
    rules (``zone_rules``)."""
    from importlib import metadata  # 30 ms: only for builds that keep a cache

    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{name}={version}".encode())
    digest.update(f"\0zones={zone_rules()}".encode("utf-8", "surrogateescape"))
    for path in sorted(root.rglob("*")):
        inside = path.relative_to(root)
        if "__pycache__" in inside.parts or path.suffix in (".pyc", ".pyo") or not path.is_file():
            continue
        data = path.read_bytes()
        name = inside.as_posix()
        digest.update(f"\0{name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


def zone_rules() -> str:
    """Where ``zoneinfo`` looks for zone rules before the tzdata package, each folder with
    the version line of its ``tzdata.zi`` ("# version 2025b"; "-" where there is none)."""
    import zoneinfo

    found = []
    for folder in zoneinfo.TZPATH:
        try:
            with (Path(folder) / "tzdata.zi").open(encoding="ascii", errors="replace") as zi:
                version = zi.readline().strip()
        except OSError:
            version = "-"
        found.append(f"{folder}:{version}")
    return ";".join(found)


def key(*parts: Any) -> bytes:
    """The key of a record: a hash of plain (JSON) ``parts``."""
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _digest(key: bytes, value: bytes) -> bytes:
    return hashlib.blake2b(key + value, digest_size=16).digest()


class Store:
    """An open cache: records by key, new ones written in batches. Any failure of the
    file is said once in ``warnings`` and turns the store off (reads miss, writes are
    dropped)."""

    def __init__(self, connection: sqlite3.Connection, code: str, shown: str) -> None:
        self._db: sqlite3.Connection | None = connection
        self.code = code
        self._shown = shown
        self._pending: list[tuple[bytes, bytes, bytes]] = []
        self._pruned = False
        self.damaged = 0
        self.warnings: list[str] = []
        self._closed = False

    def get_all(self, keys: Sequence[bytes | None]) -> Iterator[bytes | None]:
        """The value stored under each of ``keys`` in turn, or None (no key, none stored,
        damaged, or the store is off), read ``BATCH`` keys to a query."""
        for start in range(0, len(keys), BATCH):
            asked = keys[start : start + BATCH]
            found = self._rows([k for k in asked if k is not None])
            for key in asked:
                row = None if key is None else found.get(key)
                yield None if row is None or key is None else self._value(key, *row)

    def _rows(self, keys: list[bytes]) -> dict[bytes, tuple[Any, Any]]:
        """The value and digest stored under each of ``keys`` that has them."""
        if self._db is None or not keys:
            return {}
        marks = ",".join("?" * len(keys))
        try:
            rows = self._db.execute(
                # As bytes whatever was stored: a text value is damaged, not unreadable.
                "SELECT key, CAST(value AS BLOB), CAST(digest AS BLOB) FROM analyses "
                f"WHERE key IN ({marks})",
                keys,
            ).fetchall()
        except sqlite3.Error as error:
            self._off(f"cannot read it ({error})")
            return {}
        return {key: (value, digest) for key, value, digest in rows}

    def _value(self, key: bytes, stored: Any, digest: Any) -> bytes | None:
        try:
            if type(stored) is not bytes or digest != _digest(key, stored):
                raise zlib.error("digest differs")
            return zlib.decompress(stored)
        except zlib.error:
            self.damaged += 1
            return None

    def put(self, key: bytes, value: bytes) -> None:
        """Store ``value`` under ``key`` (written with the next batch)."""
        if self._db is None:
            return
        stored = zlib.compress(value, 1)  # records are JSON: a quarter of the size
        self._pending.append((key, stored, _digest(key, stored)))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the records put since the last flush, in one transaction."""
        if self._db is None or not self._pending:
            return
        rows, self._pending = self._pending, []
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                if not self._pruned:
                    _prune(db, self.code)
                    self._pruned = True
                db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            self._off(f"cannot write it ({error})")

    def close(self) -> None:
        """Write what is left and close the file (once: closing again does nothing)."""
        if self._closed:
            return
        self._closed = True
        self.flush()
        if self.damaged:
            self.warnings.append(
                f"{self._shown}: {self.damaged} damaged record(s) of the cache were read "
                "as missing and analysed again"
            )
        if self._db is not None:
            self._db.close()
            self._db = None

    def _off(self, problem: str) -> None:
        self.warnings.append(f"{self._shown}: {problem}; {_WITHOUT}")
        if self._db is not None:
            self._db.close()
        self._db = None
        self._pending = []


def open_store(folder: Path, code: str) -> tuple[Store | None, str | None]:
    """The cache in ``folder`` (created when missing), or None and why it cannot be used
    (a warning: the build goes on without it)."""
    path = folder / FILE
    shown = printable(str(path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        return None, f"{shown}: cannot open the cache ({_said(error)}); {_WITHOUT}"
    try:
        problem = _checked(connection)
    except sqlite3.OperationalError as error:  # read-only, locked too long, disk full
        connection.close()
        return None, f"{shown}: cannot use the cache ({error}); {_WITHOUT}"
    except sqlite3.Error as error:
        problem = f"not a usable cache ({error})"
    if problem is not None:
        connection.close()
        return None, f"{shown}: {problem}; {_WITHOUT} (delete the file to start a new one)"
    return Store(connection, code, shown), None


def _checked(connection: sqlite3.Connection) -> str | None:
    """Make ``connection`` ready (a new file becomes an empty cache); None, or why the
    file is not a cache of this schema."""
    connection.execute("BEGIN IMMEDIATE")  # two builds creating one file: one at a time
    try:
        problem = _schema(connection)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    if problem is None:
        connection.execute("PRAGMA journal_mode=WAL")
        # A power cut may lose the last batches, never the file: a cache can afford it.
        connection.execute("PRAGMA synchronous=NORMAL")
    return problem


def _schema(connection: sqlite3.Connection) -> str | None:
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    if application == 0 and not tables:
        for table in _TABLES:
            connection.execute(table)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return None
    if application != APPLICATION_ID:
        return "not a syriatl cache (another program's database)"
    columns = [
        [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        for table in ("analyses", "program")
    ]
    if columns != [["key", "value", "digest"], ["code"]]:
        return "not a syriatl cache of this version (its tables differ)"
    return None


def _prune(db: sqlite3.Connection, code: str) -> None:
    """Drop the records of another program (they are never read) before writing ours."""
    if db.execute("SELECT code FROM program").fetchall() != [(code,)]:
        db.execute("DELETE FROM analyses")
        db.execute("DELETE FROM program")
        db.execute("INSERT INTO program VALUES (?)", (code,))


def _said(error: Exception) -> str:
    return reason(error) if isinstance(error, OSError) else str(error)
