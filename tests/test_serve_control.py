"""`forethought serve --detach / --status / --stop`: the pid printed is the server's own (from a
pid file the server writes), a pid file left by a killed server is seen as stale, and --stop
ends the server (SIGTERM, then waits until it is gone)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

FORETHOUGHT = str(Path(sys.executable).parent / "forethought")

pytestmark = [
    pytest.mark.skipif(not hasattr(socket, "SO_PEERCRED"), reason="Linux only"),
    # (servers run under a shared lock; the test that retires every server takes it alone)
    pytest.mark.usefixtures("review_servers"),
]


@pytest.fixture
def env(tmp_path: Path, runtime_dir: Path) -> Iterator[dict[str, str]]:
    runtime = runtime_dir
    environment = {
        **os.environ,
        "FORETHOUGHT_LEDGER": str(tmp_path / "ledger.db"),
        "HOME": str(tmp_path / "home"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    yield environment
    serve(environment, "--stop")  # whatever a test left running


def serve(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FORETHOUGHT, "serve", *args], env=env, capture_output=True, text=True, timeout=60
    )


def pid_in(text: str) -> int:
    return int(text.rpartition("(pid ")[2].partition(")")[0])


def is_server(pid: int) -> bool:
    try:
        return (
            b"forethought.integrations.review_server" in Path(f"/proc/{pid}/cmdline").read_bytes()
        )
    except OSError:
        return False


def gone(pid: int) -> bool:
    # The detached server is not our child once it has exited (init reaps it), but it may be a
    # zombie for a moment: count a zombie as gone.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return True
    return state == "Z"


def test_detach_prints_the_servers_pid_and_a_second_one_says_it_already_runs(
    env: dict[str, str],
) -> None:
    first = serve(env, "--detach", "--idle", "120")
    assert first.returncode == 0, first.stderr
    assert "review server ready on" in first.stdout
    pid = pid_in(first.stdout)
    assert is_server(pid)

    again = serve(env, "--detach", "--idle", "120")
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stdout and pid_in(again.stdout) == pid

    status = serve(env, "--status")
    assert status.returncode == 0 and pid_in(status.stdout) == pid
    assert "review server running" in status.stdout


def test_stop_ends_the_server_and_status_then_says_none_runs(env: dict[str, str]) -> None:
    pid = pid_in(serve(env, "--detach", "--idle", "120").stdout)
    stopped = serve(env, "--stop")
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.strip() == f"stopped the review server (pid {pid})"
    assert gone(pid)  # --stop returns only once the server has exited

    status = serve(env, "--status")
    assert (status.returncode, status.stdout.strip()) == (1, "no review server running")
    again = serve(env, "--stop")
    assert (again.returncode, again.stdout.strip()) == (0, "no review server running")


def test_a_killed_servers_pid_file_is_stale(env: dict[str, str]) -> None:
    pid = pid_in(serve(env, "--detach", "--idle", "120").stdout)
    os.kill(pid, signal.SIGKILL)  # no clean-up: the pid file stays behind
    while not gone(pid):
        time.sleep(0.05)

    status = serve(env, "--status")
    assert status.returncode == 1
    assert status.stdout.strip() == (
        f"no review server running (removed the stale pid file of pid {pid})"
    )
    assert serve(env, "--status").stdout.strip() == "no review server running"

    restarted = serve(env, "--detach", "--idle", "120")
    assert restarted.returncode == 0 and "ready on" in restarted.stdout
    assert is_server(pid_in(restarted.stdout))


def test_the_options_do_not_combine(env: dict[str, str]) -> None:
    result = serve(env, "--detach", "--stop")
    assert result.returncode == 1
    assert result.stderr.strip() == "forethought: --detach, --status and --stop do not go together"
