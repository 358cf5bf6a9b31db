"""`forethought runs` and `show` on a run whose process died without recording its end: it is
"crashed", not "running" for ever. The run is a real `forethought run` killed while it waits for
its model."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from forethought.ledger import Ledger
from forethought.testing import Reply, ScriptedServer

FORETHOUGHT = str(Path(sys.executable).parent / "forethought")


def forethought(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FORETHOUGHT, *args], capture_output=True, text=True, env=env, timeout=60,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def started_run(db: Path, process: subprocess.Popen[str]) -> str:
    """The run's id, once its run_start is in the ledger."""
    while process.poll() is None:
        if db.exists():
            with Ledger(db) as ledger:
                for run in ledger.runs():
                    return str(run["run_id"])
        time.sleep(0.05)
    raise AssertionError(f"forethought run exited early: {process.communicate()}")


def test_a_killed_run_shows_as_crashed(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    env = {**os.environ, "FORETHOUGHT_LEDGER": str(db), "COLUMNS": "200"}
    # The model never answers in time: the run waits in its first model call.
    with ScriptedServer([Reply("plan", delay_s=30)]) as server:
        process = subprocess.Popen(
            [FORETHOUGHT, "run", "Count the files", "--model", "openai:scripted",
             "--base-url", server.base_url, "--workspace", str(tmp_path / "ws")],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        try:
            run_id = started_run(db, process)
            running = forethought(env, "runs")
            assert running.returncode == 0, running.stderr
            row = next(line for line in running.stdout.splitlines() if run_id in line)
            assert "running" in row and "crashed" not in row

            process.send_signal(signal.SIGKILL)  # no chance to record an end
            process.wait()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

    listed = forethought(env, "runs")
    row = next(line for line in listed.stdout.splitlines() if run_id in line)
    assert "crashed" in row and "running" not in row
    shown = forethought(env, "show", run_id)
    assert shown.returncode == 0, shown.stderr
    assert "crashed (its process ended without a record)" in shown.stdout
