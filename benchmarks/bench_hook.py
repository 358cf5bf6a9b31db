"""How long `forethought hook claude-code` takes end to end, process start included.

    python benchmarks/bench_hook.py [--runs 50]

Runs the hook as Claude Code would (a fresh process reading the hook input on stdin) with the
built-in policy and the static reviewers, into a scratch ledger, runtime directory and home, and
prints p50 and p90 of the wall time, the median CPU time (user + system) of the hook process
(for served calls plus the server's CPU per call: its own, the handlers' and the rehearsals'),
and each row's p50 as a multiple of a bare Python start from the same interpreter.

Rows:
- ``python -c pass``: the interpreter's start alone, for scale;
- the hook with the server turned off (``FORETHOUGHT_NO_SERVER=1``): every call starts cold;
- the default set-up, nothing started by hand: the first call (which finds no server, starts
  one, detached, and reviews its own call in-process meanwhile); then, once the server answers,
  the later calls, 0.2 s apart (as a harness's calls are, at the least) and back to back, each
  run right after a bare Python start so that both see the same load (the ratio is to those);
- the parts of a warm call, p50, from the server's own marks (``$FORETHOUGHT_HOOK_TIMINGS``)
  and the hook process's time from the start of ``main`` to its exit less the server's; the
  rest of a call's wall time is Python's start and exit (the bare start, about).

On a shared machine wall times vary with the load (printed); the ratio to a bare Python start
measured alongside varies less, and CPU time less still.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORETHOUGHT = str(Path(sys.executable).parent / "forethought")
# The first call is measured this many times (the server stopped before each).
FIRST_CALLS = 5
INPUT = json.dumps(
    {
        "session_id": "bench",
        "transcript_path": "/nonexistent/session.jsonl",
        "cwd": "/tmp",
        "permission_mode": "default",
        "hook_event_name": "PreToolUse",
        "tool_name": "Bash",
        "tool_input": {"command": "git status && ls -la src", "description": "Look around"},
        "tool_use_id": "toolu_bench",
    }
).encode()


def one(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call; exits if the answer is not the clean review's."""
    with tempfile.TemporaryFile() as out:
        stdin_r, stdin_w = os.pipe()
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(stdin_r, 0)
            os.dup2(out.fileno(), 1)
            os.closerange(3, 256)
            os.execve(argv[0], argv, env)
        os.close(stdin_r)
        os.write(stdin_w, INPUT)
        os.close(stdin_w)
        _, status, usage = os.wait4(pid, 0)
        wall = (time.perf_counter() - start) * 1000
        out.seek(0)
        answer = out.read()
    if os.waitstatus_to_exitcode(status) != 0 or answer.strip():
        sys.exit(f"unexpected answer from {argv}: {status} {answer!r}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[list[float], float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = one(argv, env)
        walls.append(wall)
        cpus.append(cpu)
    return walls, statistics.median(cpus)


def interleaved(
    argv: list[str], env: dict[str, str], runs: int, pause_s: float
) -> tuple[list[float], list[float], float]:
    """``runs`` calls of ``argv``, each after a bare Python start (so that both see the same
    load), ``pause_s`` apart: (bare walls, walls, median CPU of the calls)."""
    bare, walls, cpus = [], [], []
    for _ in range(runs):
        time.sleep(pause_s)
        bare.append(one([sys.executable, "-c", "pass"], env)[0])
        wall, cpu = one(argv, env)
        walls.append(wall)
        cpus.append(cpu)
    return bare, walls, statistics.median(cpus)


def cpu_s(pid: int) -> float:
    """CPU seconds of process ``pid`` and its reaped children (the server's handlers)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def p(times: list[float], q: int) -> float:
    if len(times) == 1:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[q - 1]


def serve(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FORETHOUGHT, "serve", *args], env=env, capture_output=True, text=True, timeout=60
    )


def wait_until_served(env: dict[str, str]) -> float:
    """Seconds until the server started by the first call answers calls."""
    started = time.monotonic()
    while "hook calls" not in serve(env, "--status").stdout:
        if time.monotonic() - started > 60:
            sys.exit("the review server did not start within 60 s")
        time.sleep(0.05)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        runtime = Path(scratch) / "run"
        runtime.mkdir(mode=0o700)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FORETHOUGHT_", "XDG_"))}
        env.update(
            FORETHOUGHT_LEDGER=str(Path(scratch) / "ledger.db"),
            HOME=str(Path(scratch) / "home"),
            XDG_CONFIG_HOME=str(Path(scratch) / "config"),
            XDG_RUNTIME_DIR=str(runtime),
        )
        # Installed packages carry compiled bytecode; let the warm-up run write it here too.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cold = {**env, "FORETHOUGHT_NO_SERVER": "1"}
        hook = [FORETHOUGHT, "hook", "claude-code"]
        print(
            f"{runs} runs each; {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"load average {os.getloadavg()[0]:.1f} at the start"
        )
        print(f"{'measure':<58} {'p50 ms':>8} {'p90 ms':>8} {'CPU ms':>8} {'x python':>9}")

        def row(label: str, walls: list[float], cpu: float, bare: float) -> None:
            ratio = p(walls, 50) / bare
            print(
                f"{label:<58} {p(walls, 50):>8.1f} {p(walls, 90):>8.1f} {cpu:>8.1f} {ratio:>8.1f}x"
            )

        one([sys.executable, "-c", "pass"], cold)  # page the interpreter in
        walls, cpu = timed([sys.executable, "-c", "pass"], cold, runs)
        bare = p(walls, 50)
        row("python -c pass (interpreter start alone)", walls, cpu, bare)
        one(hook, cold)  # compile bytecode
        walls, cpu = timed(hook, cold, runs)
        row("hook, server off (FORETHOUGHT_NO_SERVER=1): every call", walls, cpu, bare)
        try:
            firsts, first_cpus, readies = [], [], []
            for attempt in range(FIRST_CALLS):
                if attempt:
                    serve(env, "--stop")
                wall, cpu = one(hook, env)
                firsts.append(wall)
                first_cpus.append(cpu)
                readies.append(wait_until_served(env))
            label = f"hook, default: first call (starts the server; {FIRST_CALLS} tries)"
            row(label, firsts, statistics.median(first_cpus), bare)
            status = serve(env, "--status").stdout
            server = int(status.partition("(pid ")[2].partition(")")[0])
            timings = Path(scratch) / "timings.jsonl"
            warm_env = {**env, "FORETHOUGHT_HOOK_TIMINGS": str(timings)}
            for pause, label in ((0.2, "0.2 s apart"), (0.0, "back to back")):
                before = cpu_s(server)
                bares, walls, cpu = interleaved(hook, warm_env, runs, pause)
                time.sleep(1.5)  # the server reaps its handlers at least once a second
                cpu += (cpu_s(server) - before) * 1000 / runs
                row(f"hook, default: later calls, {label}", walls, cpu, statistics.median(bares))
                print(f"{'   (python -c pass between them)':<58} {p(bares, 50):>8.1f}")
            print(
                f"(the server answered calls {statistics.median(readies):.2f} s after the first "
                "call returned, median)"
            )
            print("\n" + serve(env, "--status").stdout.strip())
        finally:
            serve(env, "--stop")
        parts(timings)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


def parts(timings: Path) -> None:
    """The p50 of each part of a warm call, for calls handed to a handler forked ahead and for
    calls that forked their own (the next call came before a handler was ready)."""
    lines = [json.loads(line) for line in timings.read_text().splitlines()]
    for ahead in (True, False):
        chosen = [
            line
            for line in lines
            if ahead == any("ahead" in part for part, _ in line["server"] or [])
        ]
        if not chosen:
            continue
        how = "handed to a handler forked ahead" if ahead else "forked a handler"
        print(f"\nparts of a warm call that {how} (p50 over {len(chosen)} calls)")
        by_part: dict[str, list[float]] = {}
        clients, totals = [], []
        for line in chosen:
            server = line["server"] or []
            totals.append(sum(ms for _, ms in server))
            clients.append(line["client_ms"] - totals[-1])
            for part, ms in server:
                by_part.setdefault(part, []).append(ms)
        print(f"  {'hook process: read stdin, connect, check the server, send, print':<68} "
              f"{statistics.median(clients):>8.2f}")  # fmt: skip
        for part, values in by_part.items():
            print(f"  {part:<68} {statistics.median(values):>8.2f}")
        print(f"  {'(server in all)':<68} {statistics.median(totals):>8.2f}")


if __name__ == "__main__":
    main()
