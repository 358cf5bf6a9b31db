"""What SQL does to the data a database holds, and which database it is.

:func:`statement_effects` reads SQL text (one or several statements) for what changes the data
or who may reach it: dropping a database, schema or table, emptying a table, a DELETE or UPDATE
without a WHERE clause (every row), granting all privileges or superuser, running a program
through the server (``COPY ... PROGRAM``). Queries (SELECT, an INSERT, an UPDATE of some rows)
are ordinary work and have no effect.

:func:`database_kind` says which database a connection string (or its parts) names: a
throw-away one (SQLite in memory or in the workspace), this machine's or a test database, one
whose name says production, or another server. The same statement weighs according to it: a
schema dropped in the local test database is the task's business far more often than one
dropped on ``prod-db``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from forethought.review.base import Severity
from forethought.review.effects import Operation, Resource

DatabaseKind = Literal["scratch", "local", "production", "remote", "unknown"]

_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)
_STRINGS = re.compile(r"'(?:[^']|'')*'")
_NAME = r"(?:[\w$.\"`\[\]]+)"
_DROP_WHOLE = re.compile(r"^\s*drop\s+(database|schema|keyspace)\b", re.I)
_DROP_TABLE = re.compile(
    rf"^\s*drop\s+(?:table|materialized\s+view)\s+(?:if\s+exists\s+)?({_NAME})", re.I
)
_TRUNCATE = re.compile(rf"^\s*truncate\s+(?:table\s+)?(?:only\s+)?({_NAME})", re.I)
_DELETE = re.compile(rf"^\s*delete\s+from\s+(?:only\s+)?({_NAME})", re.I)
_UPDATE = re.compile(rf"^\s*update\s+(?:only\s+)?({_NAME})\s+set\b", re.I)
_WHERE = re.compile(r"\bwhere\b", re.I)
_PRIVILEGE = re.compile(
    r"^\s*(?:grant\s+all\b.*\bon\s+(?:\*\.\*|all\s+tables|database)|grant\s+\w+\s+to\b|"
    r"alter\s+(?:role|user)\s+\S+\s+(?:with\s+)?(?:superuser|createrole|bypassrls)|"
    r"create\s+(?:role|user)\s+\S+.*\b(?:superuser|password|identified\s+by)\b)",
    re.I | re.S,
)
_PROGRAM = re.compile(r"^\s*copy\b.*\b(?:to|from)\s+program\b", re.I | re.S)

# Names that say the data is not the real thing, or that the server is this machine.
_TEST_WORDS = re.compile(
    r"(?i)(?:^|[^a-z])(?:test|tests|testing|dev|devel|development|local|ci|sandbox|scratch|"
    r"example|demo|tmp|temp|fixture|fixtures)(?:[^a-z]|$)"
)
# Names that say production outright, and names of data that is the real thing unless a test
# word says otherwise (``payments_test`` on localhost is a test database).
_PRODUCTION_WORDS = re.compile(r"(?i)(?:^|[^a-z])(?:prod|production|prd)(?:[^a-z]|$)")
_REAL_DATA_WORDS = re.compile(
    r"(?i)(?:^|[^a-z])(?:live|primary|master|customers?|billing|payments?|warehouse)(?:[^a-z]|$)"
)
_LOCAL_HOSTS = re.compile(
    r"(?i)(?:^|[@/=\s:(])(?:localhost|127\.0\.0\.1|\[?::1\]?|0\.0\.0\.0|host\.docker\.internal|"
    r"/var/run/postgresql|/tmp/\.s\.PGSQL|/run/mysqld)(?:[:/\s)?,;]|$)"
)


@dataclass(frozen=True, slots=True)
class SqlEffect:
    op: Operation
    resource: Resource
    what: str
    # the severity on a production database; lower on others (see :func:`graded`)
    severity: Severity
    statement: str


def _clean(sql: str) -> str:
    return _STRINGS.sub("''", _COMMENTS.sub(" ", sql))


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in _clean(sql).split(";") if s.strip()]


# Statements that change the data or the schema at all (not only wholesale), for a task that
# rules changes out (forethought.review.task_limits): removals, and every other write.
_REMOVES = re.compile(
    r"\bdelete\s+from\b|\bdrop\s+(?:table|database|schema|index|view|materialized|user|role|"
    r"owned|column|constraint|trigger|function|extension|keyspace|collection|sequence)\b|"
    r"\btruncate\b",
    re.IGNORECASE,
)
_WRITES = re.compile(
    r"\binsert\s+(?:into|overwrite)\b|\bupdate\s+[\w.\"`\[\]]+\s+set\b|\balter\s+\w+|"
    r"\bcreate\s+(?:or\s+replace\s+)?(?:unique\s+)?\w+|\bgrant\s+\w+|\brevoke\s+\w+|"
    r"\bmerge\s+into\b|\breplace\s+into\b|\bupsert\b|\bcopy\s+[\w.\"]+(?:\s*\([^)]*\))?\s+from\b|"
    r"\bvacuum\b|\breindex\b|\bcluster\s+\w|\bload\s+data\b|\bset\s+(?:global|persist)\b|"
    r"\bpg_(?:terminate|cancel)_backend\b|\bpg_reload_conf\b|^\s*kill\s+\d|\bshutdown\b|"
    r"\boptimize\s+table\b|\brefresh\s+materialized\b|^\s*call\s+\w+",
    re.IGNORECASE | re.MULTILINE,
)


def changes_data(sql: str) -> Literal["delete", "write"] | None:
    """Whether ``sql`` changes the data or the schema at all: "delete" where a statement
    removes something, "write" for any other change, None for queries."""
    text = _clean(sql)
    if _REMOVES.search(text):
        return "delete"
    return "write" if _WRITES.search(text) else None


def statement_effects(sql: str) -> list[SqlEffect]:
    """The effects of the statements in ``sql`` that change the data wholesale or who may
    reach it (none for queries and ordinary writes)."""
    out: list[SqlEffect] = []
    for statement in _statements(sql)[:200]:
        short = " ".join(statement.split())[:120]
        if m := _DROP_WHOLE.match(statement):
            out.append(
                SqlEffect(
                    "delete", "remote_data", f"drops a whole {m.group(1).lower()}", "high", short
                )
            )
        elif m := _DROP_TABLE.match(statement):
            out.append(
                SqlEffect("delete", "remote_data", f"drops the table {m.group(1)}", "high", short)
            )
        elif m := _TRUNCATE.match(statement):
            out.append(
                SqlEffect(
                    "delete",
                    "remote_data",
                    f"empties the table {m.group(1)} (every row)",
                    "high",
                    short,
                )
            )
        elif (m := _DELETE.match(statement)) and not _WHERE.search(statement):
            out.append(
                SqlEffect(
                    "delete",
                    "remote_data",
                    f"deletes every row of {m.group(1)} (no WHERE clause)",
                    "high",
                    short,
                )
            )
        elif (m := _UPDATE.match(statement)) and not _WHERE.search(statement):
            out.append(
                SqlEffect(
                    "write",
                    "remote_data",
                    f"overwrites every row of {m.group(1)} (no WHERE clause)",
                    "high",
                    short,
                )
            )
        elif _PROGRAM.match(statement):
            out.append(
                SqlEffect(
                    "execute",
                    "control_plane",
                    "runs a program on the database server (COPY ... PROGRAM)",
                    "critical",
                    short,
                )
            )
        elif _PRIVILEGE.match(statement):
            out.append(
                SqlEffect(
                    "account",
                    "account",
                    "creates a database account or gives one every privilege",
                    "high",
                    short,
                )
            )
    return out


def database_kind(parts: str | None) -> DatabaseKind:
    """Which database ``parts`` names (a connection URL, a DSN, or its host and database names
    joined by spaces); None where only the run knows."""
    if parts is None or not parts.strip():
        return "unknown"
    text = parts.strip()
    lowered = text.lower()
    if (
        lowered.startswith(("sqlite", "duckdb"))
        or lowered in (":memory:", "")
        or (
            "://" not in text
            and "=" not in text
            and "@" not in text
            and re.fullmatch(r"[\w./~-]+\.(?:db|sqlite3?|duckdb)|:memory:", text)
        )
    ):
        if ":memory:" in lowered or not re.search(
            r"(?:^|[/:])/(?:var|srv|opt|home|root)/", lowered
        ):
            return "scratch"
        return "remote" if _PRODUCTION_WORDS.search(text) else "local"
    if _PRODUCTION_WORDS.search(text):
        return "production"
    if _LOCAL_HOSTS.search(" " + text) or _TEST_WORDS.search(text):
        return "local"
    return "production" if _REAL_DATA_WORDS.search(text) else "remote"


# How each kind lowers the statement's grade: (severity, probability) by the statement's own
# severity on production.
_LOWER: dict[DatabaseKind, dict[Severity, tuple[Severity, float]]] = {
    "production": {"critical": ("critical", 0.85), "high": ("high", 0.8)},
    "remote": {"critical": ("critical", 0.8), "high": ("high", 0.6)},
    "unknown": {"critical": ("critical", 0.7), "high": ("moderate", 0.6)},
    "local": {"critical": ("high", 0.6), "high": ("low", 0.5)},
}


def graded(effect: SqlEffect, kind: DatabaseKind) -> tuple[Severity, float] | None:
    """The severity and probability of ``effect`` on a database of ``kind``; None where it is
    ordinary work (a scratch database the code itself makes)."""
    if kind == "scratch" and effect.op != "execute":
        return None
    table = _LOWER.get(kind, _LOWER["local"])
    return table.get(effect.severity, (effect.severity, 0.6))


def where_of(kind: DatabaseKind) -> str:
    return {
        "production": "a database whose name says production",
        "remote": "a database on another server",
        "unknown": "a database known only at run time",
        "local": "a local or test database",
        "scratch": "a scratch database",
    }[kind]
