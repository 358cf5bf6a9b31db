"""Opening the SQLite file: connection settings, and creating or checking the ledger schema.

Durability: the ledger runs in WAL mode with ``synchronous=NORMAL``. A committed append survives a
crash of the process, but the last few commits before a power loss or OS crash may be lost (never
half-written: the chain stays consistent, it just ends earlier and the head moves back with it).
``synchronous=FULL`` would fsync every append and cost roughly an order of magnitude in speed.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from forethought.ledger.chain import GENESIS_HASH, head_hmac
from forethought.ledger.errors import LedgerError, LedgerMissing

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


def cause(exc: sqlite3.Error, path: Path) -> str:
    """What really went wrong, in words: SQLite reports a full disk met while opening as a
    "disk I/O error" and a refused open as "unable to open database file"."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    directory = path.parent
    if name == "SQLITE_FULL" or (name.startswith("SQLITE_IOERR") and _disk_full(directory)):
        return f"disk full (no space left on the file system holding {directory})"
    if _read_only_fs(directory):
        return f"read-only file system ({directory} is mounted read-only): {exc}"
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH", "SQLITE_READONLY")):
        if path.exists() and not os.access(path, os.R_OK):
            return f"permission denied (cannot read {path})"
        if not os.access(directory, os.X_OK):
            return f"permission denied (cannot enter {directory})"
        if name.startswith("SQLITE_READONLY") and not os.access(path, os.W_OK):
            return f"permission denied (cannot write {path})"
        if name.startswith("SQLITE_READONLY"):
            return f"read-only: {exc}"
    if name == "SQLITE_NOTADB":
        return f"not a ledger database ({exc})"
    return str(exc)


def _disk_full(directory: Path) -> bool:
    try:
        st = os.statvfs(directory)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024 or (st.f_files > 0 and st.f_favail == 0)


def _read_only_fs(directory: Path) -> bool:
    try:
        return bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _frozen(path: Path) -> bool:
    """Whether a ledger may be read as immutable: no write-ahead log holds events the main file
    lacks (immutable mode ignores the log), and nothing can be written beside it."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return False
    except OSError:
        return False
    directory = path.parent
    return _read_only_fs(directory) or not os.access(directory, os.W_OK) or _disk_full(directory)


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """A connection with the ledger's settings; autocommit, so transactions are explicit.

    ``read_only`` opens with SQLite's ``mode=ro`` URI: the ledger is never created or changed,
    and a missing file is an error rather than a new, empty database. (In a writable directory
    SQLite still adds the empty ``-wal``/``-shm`` files any reader of a WAL database needs.)
    ``immutable`` (read-only too) is for a ledger on a read-only file system, where SQLite
    cannot make the WAL's shared-memory file; it tells SQLite that nobody changes the file while
    it is open.
    """
    if read_only or immutable:
        query = "mode=ro&immutable=1" if immutable else "mode=ro"
        target, uri = f"{path.absolute().as_uri()}?{query}", True
    else:
        target, uri = str(path), False
    try:
        conn = sqlite3.connect(
            target, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False, uri=uri
        )
    except sqlite3.Error as exc:
        raise LedgerError(f"cannot open ledger {path}: {cause(exc, path)}") from None
    try:
        if read_only or immutable:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        else:
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = OFF")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LedgerError(_open_failure(exc, path)) from None
    return conn


def _open_failure(exc: sqlite3.Error, path: Path) -> str:
    why = cause(exc, path)
    if why.startswith("not a ledger database"):
        return f"not a ledger database: {path}: {exc}"
    return f"cannot open ledger {path}: {why}"


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
        raise LedgerError(_open_failure(exc, path)) from None
    return conn


def open_ledger_db_read_only(path: Path) -> sqlite3.Connection:
    """Connect to an existing ledger without creating or writing anything, and check it is one.

    Raises LedgerMissing when there is no file at ``path``.
    """
    if not path.exists():
        raise LedgerMissing(
            f"no ledger at {path} (nothing was created; check --ledger or $FORETHOUGHT_LEDGER)"
        )
    if path.is_dir():
        raise LedgerError(f"ledger path is a directory: {path}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LedgerError(f"cannot open ledger {path}: {exc.strerror}") from None
    if size == 0:
        raise LedgerMissing(f"not a ledger: {path} is empty (0 bytes; deleted or truncated)")
    try:
        conn = connect(path, read_only=True)
    except LedgerError:
        if not _frozen(path):
            raise
        # A WAL database where nothing can be written (read-only file system, a directory we
        # may not write, a full disk): SQLite cannot create the -shm file a reader needs, and
        # no writer can change the file either, so it is read as immutable.
        conn = connect(path, immutable=True)
    try:
        _check_schema(conn, path, _object_names(conn))
    except LedgerError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LedgerError(_open_failure(exc, path)) from None
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
                raise LedgerError(
                    f"cannot switch ledger {path} to WAL mode: {cause(exc, path)}"
                ) from None
            time.sleep(0.01)


def _object_names(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}


def _ensure_schema(conn: sqlite3.Connection, path: Path, hmac_key: bytes | None) -> None:
    names = _object_names(conn)
    if not names:
        _create_schema(conn, path, hmac_key)
        names = _object_names(conn)
    _check_schema(conn, path, names)
    if not names.issuperset(_GUARD_TRIGGERS):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _GUARD_TRIGGERS.values():
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _check_schema(conn: sqlite3.Connection, path: Path, names: set[str]) -> None:
    if not names:
        raise LedgerError(f"not a forethought ledger (an empty SQLite database): {path}")
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
