"""Databases: the SQL the code runs through a driver (sqlite3, psycopg, SQLAlchemy, MySQL, ...)
and the wholesale calls of document and key-value stores (MongoDB, Redis), as effects on the
data the database holds (:mod:`forethought.review.sql` reads the statements and says which
database a connection names). Dropping a schema on a production database is graded high; the
same statement in a scratch SQLite file the code makes is ordinary work; queries are nothing.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from forethought.review import sql
from forethought.review.python import effects
from forethought.review.python.syntax import argument

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

# Calls that open a connection, and the modules whose presence makes ``.execute`` a query.
CONNECTS = frozenset(
    {
        "sqlite3.connect",
        "psycopg2.connect",
        "psycopg.connect",
        "psycopg.AsyncConnection.connect",
        "psycopg2.pool.SimpleConnectionPool",
        "psycopg2.pool.ThreadedConnectionPool",
        "asyncpg.connect",
        "asyncpg.create_pool",
        "pymysql.connect",
        "MySQLdb.connect",
        "mysql.connector.connect",
        "mariadb.connect",
        "pymssql.connect",
        "pyodbc.connect",
        "cx_Oracle.connect",
        "oracledb.connect",
        "duckdb.connect",
        "sqlalchemy.create_engine",
        "sqlalchemy.ext.asyncio.create_async_engine",
        "records.Database",
        "databases.Database",
        "aiosqlite.connect",
        "aiomysql.connect",
        "clickhouse_driver.Client",
        "pymongo.MongoClient",
        "motor.motor_asyncio.AsyncIOMotorClient",
        "redis.Redis",
        "redis.StrictRedis",
        "redis.from_url",
        "redis.Redis.from_url",
    }
)
MODULES = (
    "sqlite3",
    "psycopg",
    "asyncpg",
    "pymysql",
    "MySQLdb",
    "mysql",
    "mariadb",
    "pymssql",
    "pyodbc",
    "cx_Oracle",
    "oracledb",
    "duckdb",
    "sqlalchemy",
    "records",
    "databases",
    "aiosqlite",
    "aiomysql",
    "clickhouse_driver",
    "pymongo",
    "motor",
    "redis",
    "pandas",
    "django",
)
_EXECUTES = frozenset(
    {
        "execute",
        "executescript",
        "executemany",
        "exec_driver_sql",
        "query",
        "fetch",
        "fetchrow",
        "fetchval",
        "sql",
        "command",
    }
)
_TEXT = frozenset(
    {"sqlalchemy.text", "sqlalchemy.sql.text", "pandas.read_sql", "pandas.read_sql_query"}
)
# Methods of document and key-value stores that remove everything they name.
_WHOLESALE = {
    "drop_database": "drops a whole MongoDB database",
    "drop_collection": "drops a MongoDB collection",
    "flushall": "deletes every key of every Redis database",
    "flushdb": "deletes every key of the Redis database",
}
_ORDER: tuple[sql.DatabaseKind, ...] = ("production", "remote", "unknown", "local", "scratch")


def _kind_of(a: Analysis, node: ast.Call) -> sql.DatabaseKind:
    values = [argument(node, i) for i in range(len(node.args))] + [k.value for k in node.keywords]
    texts = [v for v in (a.static(x) for x in values if x is not None) if isinstance(v, str)]
    if not texts:
        return "unknown"
    return sql.database_kind(" ".join(texts))


def scan(a: Analysis) -> None:
    """The code's statements and wholesale calls, on the worst database it connects to."""
    kinds = [
        _kind_of(a, n) for n in a.nodes if isinstance(n, ast.Call) and a.resolve(n.func) in CONNECTS
    ]
    if not kinds and not any(name.split(".")[0] in MODULES for name, _ in a.facts.imports):
        return
    kind = min(kinds, key=_ORDER.index) if kinds else "unknown"
    for node in a.nodes:
        if not isinstance(node, ast.Call):
            continue
        name = a.resolve(node.func)
        attr = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name in _TEXT or (attr in _EXECUTES and name not in CONNECTS):
            text = a.static(argument(node, 0, "sql", "query", "statement", "sql_script"))
            if isinstance(text, str):
                a.facts.sql.append((text, a.evidence(node)))
                _statements(a, node, text, kind)
        elif attr in _WHOLESALE:
            _add(
                a,
                node,
                sql.SqlEffect("delete", "remote_data", _WHOLESALE[attr], "high", attr),
                kind,
            )
        elif attr == "delete_many" and _empty_filter(argument(node, 0, "filter")):
            _add(
                a,
                node,
                sql.SqlEffect(
                    "delete",
                    "remote_data",
                    "deletes every document of a MongoDB collection",
                    "high",
                    attr,
                ),
                kind,
            )


def _empty_filter(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Dict) and not node.keys


def _statements(a: Analysis, node: ast.Call, text: str, kind: sql.DatabaseKind) -> None:
    for found in sql.statement_effects(text):
        _add(a, node, found, kind)


def _add(a: Analysis, node: ast.Call, found: sql.SqlEffect, kind: sql.DatabaseKind) -> None:
    grade = sql.graded(found, kind)
    if grade is None:
        return
    severity, probability = grade
    effects.add(
        a,
        found.op,
        found.resource,
        "",
        a.evidence(node),
        what=f"{found.what} in {sql.where_of(kind)}",
        severity=severity,
        probability=probability,
        reversible=found.op == "account",
    )
