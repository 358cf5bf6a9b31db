"""A throwaway PostgreSQL server for the tests, started once per test process.

Found through ``initdb``/``pg_ctl`` on PATH or under /usr/lib/postgresql/*/bin (Debian's
``postgresql`` package); tests that need it skip, saying why, where either is missing or psycopg
is not installed (``pip install -e '.[postgres]'``). initdb refuses to run as root, so as root the
cluster runs as the ``postgres`` user in a directory that user owns.

The server listens on 127.0.0.1 (a free port) and a socket in its own directory, with fsync off:
the tests kill clients, never the server. Local and 127.0.0.1 connections are trusted, except
the role ``pwuser``, which must give its password (for the tests that no password is shown).
"""

from __future__ import annotations

import atexit
import functools
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

PASSWORD_USER = "pwuser"
PASSWORD = "s3cr3t-Pa55word"


@dataclass(frozen=True)
class Server:
    port: int
    directory: Path

    def url(self, user: str = "postgres", database: str = "postgres", **params: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}" + (
            f"?{query}" if query else ""
        )

    def schema_url(self, schema: str, user: str = "postgres") -> str:
        """A URL whose tables live in ``schema`` (its search_path)."""
        return self.url(user, options=f"-csearch_path%3D{schema}")

    def admin(self) -> Any:
        import psycopg

        return psycopg.connect(self.url(), autocommit=True)


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    for directory in reversed(candidates):
        if (Path(directory) / "initdb").exists() and (Path(directory) / "pg_ctl").exists():
            return Path(directory)
    return None


def _as_owner(argv: list[str]) -> list[str]:
    if os.getuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def problem() -> str | None:
    """Why no server can be started here, or None."""
    try:
        import psycopg  # noqa: F401
    except ModuleNotFoundError:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    if _bin_dir() is None:
        return "PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql)"
    if os.getuid() == 0:
        if shutil.which("runuser") is None:
            return "running as root and runuser (util-linux) is missing: initdb refuses root"
        done = subprocess.run(["id", "-u", "postgres"], capture_output=True, check=False)
        if done.returncode != 0:
            return "running as root and there is no postgres user to run initdb as"
    return None


@functools.cache
def _start(durable: bool = False) -> Server:
    """Start a server; ``durable`` keeps PostgreSQL's defaults (fsync, synchronous_commit on:
    what a benchmark should measure) instead of the tests' faster settings."""
    bin_dir = _bin_dir()
    assert bin_dir is not None
    # As root, under /tmp: the postgres user must reach it (TMPDIR may be a private directory).
    directory = Path(
        tempfile.mkdtemp(prefix="forethought-pg-", dir="/tmp" if os.getuid() == 0 else None)
    )
    if os.getuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    data = directory / "data"
    subprocess.run(
        _as_owner(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ]
        ),
        check=True,
        capture_output=True,
    )
    hba = data / "pg_hba.conf"
    rules = (
        "local all all trust\n"
        f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"
        "host all all 127.0.0.1/32 trust\n"
    )
    subprocess.run(_as_owner(["sh", "-c", f"cat > '{hba}'"]), input=rules.encode(), check=True)
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={directory} "
        "-c max_connections=200"
    )
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        _as_owner(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(directory / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    server = Server(port, directory)
    atexit.register(_stop, bin_dir, data, directory)
    with server.admin() as conn:
        conn.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
    return server


def _stop(bin_dir: Path, data: Path, directory: Path) -> None:
    subprocess.run(
        _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
        capture_output=True,
        check=False,
    )
    shutil.rmtree(directory, ignore_errors=True)


_failed: list[str] = []  # why the server could not start, so that it is tried only once


def server() -> Server:
    """The test process's server, started on first use; skips the test where none can run."""
    why = problem()
    if why is not None:
        pytest.skip(f"no PostgreSQL server for this test: {why}")
    if _failed:
        pytest.skip(_failed[0])
    try:
        return _start()
    except subprocess.CalledProcessError as exc:
        output = (exc.stderr or b"").decode(errors="replace").strip().splitlines()
        _failed.append(f"could not start a PostgreSQL server: {output[-1] if output else exc}")
        pytest.skip(_failed[0])


@contextmanager
def fresh_schema(srv: Server) -> Iterator[str]:
    """A new, empty schema for one test (its ledger), dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with srv.admin() as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield name
    finally:
        with srv.admin() as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")
