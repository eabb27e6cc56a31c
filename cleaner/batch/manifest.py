"""The manifest: what each input was when it was last cleaned, and where its output is, in SQLite.

One row per input, keyed by its path components as bytes joined by NUL (so rows sort as the walk yields files
and undecodable names survive). A run reads the rows in key order beside the walk, plans the work in temporary
tables, and writes its results in batched transactions; WAL mode keeps the file whole if the process is killed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from typing import NamedTuple

#: Bump when the tables change: an older manifest is then rebuilt (everything is cleaned again).
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    key BLOB PRIMARY KEY,     -- path components under IN (bytes) joined by NUL
    size INTEGER NOT NULL,    -- the input's size and mtime when it was read
    mtime_ns INTEGER NOT NULL,
    hash BLOB NOT NULL,       -- BLAKE2b-128 of the input's bytes
    options TEXT NOT NULL,    -- fingerprint of the options that shape the output
    version TEXT NOT NULL,    -- cleaner version that wrote the output
    out BLOB NOT NULL,        -- output path under the output root, '/'-separated (bytes)
    out_size INTEGER NOT NULL,
    errors TEXT               -- JSON Lines of the input's failed records, re-reported on every run
) WITHOUT ROWID;
"""

_PLAN = """
CREATE TEMP TABLE plan (
    key BLOB PRIMARY KEY, rel BLOB NOT NULL, path BLOB NOT NULL, out BLOB NOT NULL,
    reason TEXT NOT NULL, expect BLOB, old_out BLOB
) WITHOUT ROWID;
CREATE TEMP TABLE gone (key BLOB PRIMARY KEY, out BLOB NOT NULL) WITHOUT ROWID;
"""


class Row(NamedTuple):
    """One input as the manifest remembers it."""

    key: bytes
    size: int
    mtime_ns: int
    hash: bytes
    options: str
    version: str
    out: str
    out_size: int
    errors: str | None


class Planned(NamedTuple):
    """One input the run will read: clean it, or (``expect`` set) clean it only if its hash differs."""

    key: bytes
    rel: str
    path: str
    out: str
    reason: str
    expect: bytes | None
    old_out: str | None


def _b(text: str) -> bytes:
    """Return a path as bytes, undecodable characters included."""
    return os.fsencode(text)


def _s(data: bytes) -> str:
    """Return a path from bytes, undecodable bytes kept as surrogates."""
    return os.fsdecode(data)


class Manifest:
    """An open manifest; ``path=None`` gives an empty one in memory (a dry run over a fresh output folder)."""

    def __init__(self, path: str | None, *, readonly: bool = False) -> None:
        """Open (and create, unless ``readonly``) the manifest at ``path``; rebuild it if it is damaged."""
        self.path, self.readonly = path, readonly
        self.damaged: str | None = None  # why an unusable manifest was set aside, for the summary
        try:
            self.db = self._connect(readonly)
        except sqlite3.DatabaseError as exc:
            if path is None or readonly:
                raise
            # A damaged or foreign file would stop every future run: keep it for inspection and start afresh.
            os.replace(path, path + ".damaged")
            for suffix in ("-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.unlink(path + suffix)
            self.damaged = f"{exc}; set aside as {os.path.basename(path)}.damaged, everything is cleaned again"
            self.db = self._connect(readonly)
        self.db.executescript(_PLAN)

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        """Connect, set the journal up, and check (or create) the schema."""
        if self.path is None:
            db = sqlite3.connect(":memory:")
        elif readonly:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        else:
            db = sqlite3.connect(self.path)
        try:
            if not readonly:
                # WAL while the run writes: a commit costs no disk flush, and a killed process loses nothing that
                # was committed; ``close`` goes back to a plain file, which a dry run reads without leaving any.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = db.execute("SELECT value FROM meta WHERE name='schema'").fetchone() if "meta" in tables else None
            if readonly:
                if tables and (version is None or version[0] != SCHEMA_VERSION):
                    raise sqlite3.DatabaseError("not a manifest of this version of cleaner")
                if not tables:
                    db.executescript(_SCHEMA.replace("TABLE IF NOT EXISTS ", "TEMP TABLE "))
                return db
            if version is None or version[0] != SCHEMA_VERSION:
                db.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS meta;" + _SCHEMA)
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        """Commit, fold the write-ahead log back into the file, and close."""
        self.db.commit()
        if not self.readonly and self.path is not None:
            self.db.execute("PRAGMA journal_mode=DELETE")
        self.db.close()

    def commit(self) -> None:
        """Commit what was written since the last commit."""
        self.db.commit()

    def rows(self) -> Iterator[Row]:
        """Yield every row in key order, a page at a time (the caller may write to the plan meanwhile)."""
        after = b""
        while True:
            page = self.db.execute(
                "SELECT key, size, mtime_ns, hash, options, version, out, out_size, errors FROM files "
                "WHERE key > ? ORDER BY key LIMIT 500",
                (after,),
            ).fetchall()
            for r in page:
                yield Row(r[0], r[1], r[2], r[3], r[4], r[5], _s(r[6]), r[7], r[8])
            if len(page) < 500:
                return
            after = page[-1][0]

    def plan(self, item: Planned) -> None:
        """Add one input to the work of this run."""
        out, old = _b(item.out), None if item.old_out is None else _b(item.old_out)
        self.db.execute(
            "INSERT INTO plan VALUES (?, ?, ?, ?, ?, ?, ?)",
            (item.key, _b(item.rel), _b(item.path), out, item.reason, item.expect, old),
        )

    def planned(self, page: int = 256) -> Iterator[Planned]:
        """Yield the planned inputs in key order, a page at a time."""
        after = b""
        while rows := self.db.execute(
            f"SELECT key, rel, path, out, reason, expect, old_out FROM plan WHERE key > ? ORDER BY key LIMIT {page}",
            (after,),
        ).fetchall():
            for r in rows:
                yield Planned(r[0], _s(r[1]), _s(r[2]), _s(r[3]), r[4], r[5], None if r[6] is None else _s(r[6]))
            after = rows[-1][0]

    def moved_outputs(self) -> Iterator[str]:
        """Yield the old output of each planned input whose output is to get a new name."""
        for (old,) in self.db.execute("SELECT old_out FROM plan WHERE old_out IS NOT NULL AND old_out != out"):
            yield _s(old)

    def mark_gone(self, key: bytes, out: str) -> None:
        """Remember an input that is no longer there (or no longer selected)."""
        self.db.execute("INSERT INTO gone VALUES (?, ?)", (key, _b(out)))

    def gone(self) -> Iterator[tuple[bytes, str]]:
        """Yield ``(key, output)`` of each input that is no longer there, in key order."""
        after = b""
        while rows := self.db.execute(
            "SELECT key, out FROM gone WHERE key > ? ORDER BY key LIMIT 500", (after,)
        ).fetchall():
            yield from ((key, _s(out)) for key, out in rows)
            after = rows[-1][0]

    def put(self, row: Row) -> None:
        """Record an input and its output (replacing what was known of it)."""
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*row[:6], _b(row.out), row.out_size, row.errors),
        )

    def restat(self, key: bytes, size: int, mtime_ns: int) -> None:
        """Record a new size and mtime for an input whose content turned out unchanged."""
        self.db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE key = ?", (size, mtime_ns, key))

    def drop(self, key: bytes) -> None:
        """Forget an input."""
        self.db.execute("DELETE FROM files WHERE key = ?", (key,))

    def outputs(self) -> Iterator[str]:
        """Yield the output of every input, in key order (the order of ``--jsonl``)."""
        after = b""
        while rows := self.db.execute(
            "SELECT key, out FROM files WHERE key > ? ORDER BY key LIMIT 500", (after,)
        ).fetchall():
            yield from (_s(out) for _, out in rows)
            after = rows[-1][0]
