"""Opening the SQLite file: connection settings, and creating or checking the ledger schema.

Durability: the ledger runs in WAL mode with ``synchronous=NORMAL``. A committed append survives a
crash of the process, but the last few commits before a power loss or OS crash may be lost (never
half-written: the chain stays consistent, it just ends earlier and the head moves back with it).
``synchronous=FULL`` would fsync every append and cost roughly an order of magnitude in speed.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from forethought.ledger.chain import GENESIS_HASH, head_hmac
from forethought.ledger.errors import LedgerError

FORMAT_NAME = "forethought-ledger"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0

_TABLES = (
    "CREATE TABLE IF NOT EXISTS ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY,
        ts REAL NOT NULL,
        kind TEXT NOT NULL,
        run_id TEXT,
        payload BLOB NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS events_by_run ON events (run_id, seq)",
    # The anchor outside the event rows: without it, deleting the last rows leaves a valid chain.
    """CREATE TABLE IF NOT EXISTS head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        hmac TEXT
    )""",
)

# A guard against accidents, not against an attacker: anyone with the file can drop these.
_GUARD_TRIGGERS = {
    "events_no_update": "CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'forethought ledger events are append-only'); END",
    "events_no_delete": "CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'forethought ledger events are append-only'); END",
}


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the ledger's settings; autocommit, so transactions are explicit."""
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise LedgerError(f"cannot open ledger {path}: {exc}") from None
    try:
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = OFF")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LedgerError(f"not a ledger database: {path}: {exc}") from None
    return conn


def open_ledger_db(path: Path, *, hmac_key: bytes | None) -> sqlite3.Connection:
    """Connect to ``path``, creating the file and schema if new, and check it is a ledger."""
    if path.is_dir():
        raise LedgerError(f"ledger path is a directory: {path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerError(f"cannot create the directory for ledger {path}: {exc}") from None
    conn = connect(path)
    try:
        _use_wal(conn, path)
        _ensure_schema(conn, path, hmac_key)
    except LedgerError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LedgerError(f"not a ledger database: {path}: {exc}") from None
    return conn


def _use_wal(conn: sqlite3.Connection, path: Path) -> None:
    # Switching to WAL needs a moment of exclusive access, and SQLite can report "locked" here
    # without consulting the busy timeout when several processes open a new file at once.
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise LedgerError(f"cannot switch ledger {path} to WAL mode: {exc}") from None
            time.sleep(0.01)


def _object_names(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}


def _ensure_schema(conn: sqlite3.Connection, path: Path, hmac_key: bytes | None) -> None:
    names = _object_names(conn)
    if not names:
        _create_schema(conn, path, hmac_key)
        names = _object_names(conn)
    if "ledger_meta" not in names:
        raise LedgerError(f"not a forethought ledger (SQLite file without its schema): {path}")
    meta = dict(conn.execute("SELECT key, value FROM ledger_meta").fetchall())
    if meta.get("format") != FORMAT_NAME:
        raise LedgerError(f"not a forethought ledger (format {meta.get('format')!r}): {path}")
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        raise LedgerError(
            f"unsupported ledger schema version {meta.get('schema_version')!r} "
            f"(this forethought reads {SCHEMA_VERSION}): {path}"
        )
    for table in ("events", "head"):
        if table not in names:
            raise LedgerError(f"ledger schema incomplete, table {table!r} is missing: {path}")
    if not names.issuperset(_GUARD_TRIGGERS):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _GUARD_TRIGGERS.values():
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _create_schema(conn: sqlite3.Connection, path: Path, hmac_key: bytes | None) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have created it between our look and our write lock.
        if not _object_names(conn):
            for statement in (*_TABLES, *_GUARD_TRIGGERS.values()):
                conn.execute(statement)
            conn.executemany(
                "INSERT INTO ledger_meta (key, value) VALUES (?, ?)",
                [("format", FORMAT_NAME), ("schema_version", str(SCHEMA_VERSION))],
            )
            mac = head_hmac(hmac_key, 0, GENESIS_HASH) if hmac_key else None
            conn.execute(
                "INSERT INTO head (id, seq, hash, hmac) VALUES (1, 0, ?, ?)", (GENESIS_HASH, mac)
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
