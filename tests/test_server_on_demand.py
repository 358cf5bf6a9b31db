"""The default set-up, through the real command: a hook call that finds no review server starts
one (and answers its own call in-process meanwhile), later calls are served by it with the Gate
it built, a policy edit is in force at the next call, `serve --stop` stops it, and a socket with
no server behind it, or a server that is killed, never lets a dangerous command through.

Every test runs in its own HOME, runtime directory and ledger, and stops what it started."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FORETHOUGHT = str(Path(sys.executable).parent / "forethought")
DANGEROUS = "rm -rf --no-preserve-root /"

pytestmark = [
    pytest.mark.skipif(not hasattr(socket, "SO_PEERCRED"), reason="Linux only"),
    pytest.mark.slow,
    # (servers run under a shared lock; the test that retires every server takes it alone)
    pytest.mark.usefixtures("review_servers"),
]


@pytest.fixture
def env(tmp_path: Path, runtime_dir: Path) -> Iterator[dict[str, str]]:
    runtime = runtime_dir
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FORETHOUGHT_NO_SERVER", "FORETHOUGHT_NO_SERVER_START", "FORETHOUGHT_POLICY")
    }
    environment.update(
        FORETHOUGHT_LEDGER=str(tmp_path / "ledger.db"),
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    yield environment
    pid = server_pid(environment)
    serve(environment, "--stop")
    if pid is not None:  # nothing of it is left: not the server, nor a handler of its
        assert wait_for(lambda: gone(pid), 15)
    assert not any(is_server_process(p, runtime) for p in all_pids())


def serve(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FORETHOUGHT, "serve", *args], env=env, capture_output=True, text=True, timeout=60
    )


def hook(env: dict[str, str], command: str, *options: str) -> subprocess.CompletedProcess[str]:
    payload = {
        "session_id": "on-demand",
        "hook_event_name": "PreToolUse",
        "tool_name": "Bash",
        "tool_input": {"command": command},
        "cwd": "/tmp",
    }
    return subprocess.run(
        [FORETHOUGHT, "hook", "claude-code", *options],
        input=json.dumps(payload), capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def decision(result: subprocess.CompletedProcess[str]) -> str:
    """deny / ask, or allow for no opinion (Claude Code's own rules apply)."""
    assert result.returncode == 0, result.stderr
    if not result.stdout.strip():
        return "allow"
    return str(json.loads(result.stdout)["hookSpecificOutput"]["permissionDecision"])


def status(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return serve(env, "--status")


def server_pid(env: dict[str, str]) -> int | None:
    out = status(env).stdout
    return int(out.partition("(pid ")[2].partition(")")[0]) if "(pid " in out else None


def served_calls(env: dict[str, str]) -> int | None:
    """Hook calls the running server has answered (None while none answers)."""
    for line in status(env).stdout.splitlines():
        if "hook calls" in line:
            return int(line.split(";")[1].split()[0])
    return None


def wait_for(condition: Any, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return True
    return state == "Z"


def all_pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def is_server_process(pid: int, runtime: Path) -> bool:
    """A review server (or a handler of one) of this test's runtime directory."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return False
    return (
        b"forethought.integrations.review_server" in cmdline
        and f"XDG_RUNTIME_DIR={runtime}\0".encode() in environ
        and not gone(pid)
    )


def gate_starts(env: dict[str, str]) -> list[dict[str, Any]]:
    exported = subprocess.run(
        [FORETHOUGHT, "ledger", "export", "--jsonl"],
        env=env, capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    events = [json.loads(line) for line in exported.splitlines()]
    return [e["payload"] for e in events if e["kind"] == "gate_start"]


def test_the_first_call_starts_a_server_and_the_next_are_served_by_it(
    env: dict[str, str],
) -> None:
    assert status(env).returncode == 1  # nothing started by hand
    assert decision(hook(env, DANGEROUS)) == "deny"  # reviewed in-process meanwhile
    assert wait_for(lambda: served_calls(env) == 0), status(env).stdout

    assert decision(hook(env, "ls -la")) == "allow"
    assert decision(hook(env, DANGEROUS)) == "deny"
    assert served_calls(env) == 2
    shown = status(env).stdout
    assert "policy <built-in> sha256 " in shown
    # The ledger says which calls the server answered, and with which server.
    starts = gate_starts(env)
    assert len(starts) == 3
    assert "server" not in starts[0]  # the first call, in-process
    assert [s["server"]["pid"] for s in starts[1:]] == [server_pid(env)] * 2
    assert all(s["server"]["reused"] and s["canaries"] for s in starts[1:])

    pid = server_pid(env)
    assert pid is not None
    stopped = serve(env, "--stop")
    assert stopped.stdout.strip() == f"stopped the review server (pid {pid})"
    assert gone(pid)
    assert status(env).returncode == 1


def test_a_caller_with_another_home_is_not_served_and_still_reviewed_right(
    env: dict[str, str], tmp_path: Path
) -> None:
    """The reviewers took in $HOME when the server imported them (the path catalogue expands ~
    once): a caller whose HOME differs reviews in-process, with its own."""
    assert decision(hook(env, DANGEROUS)) == "deny"
    assert wait_for(lambda: served_calls(env) == 0), status(env).stdout
    other = {**env, "HOME": str(tmp_path / "other-home")}
    write_keys = "echo 'ssh-ed25519 AAAA attacker' >> ~/.ssh/authorized_keys"
    assert decision(hook(other, write_keys)) == "deny"
    assert decision(hook(other, "ls -la")) == "allow"
    assert decision(hook(env, "ls -la")) == "allow"
    starts = gate_starts(env)
    assert len(starts) == 4
    # the first call and the two with another HOME were reviewed in-process, the last served
    assert ["server" in s for s in starts] == [False, False, False, True]


def test_a_harmless_first_call_is_allowed_and_opting_out_starts_nothing(
    env: dict[str, str],
) -> None:
    for off in ({**env, "FORETHOUGHT_NO_SERVER": "1"}, env):
        options = ("--no-server",) if off is env else ()
        assert decision(hook(off, "ls -la", *options)) == "allow"
        assert decision(hook(off, DANGEROUS, *options)) == "deny"
        time.sleep(0.5)
        assert status(env).returncode == 1, "an opted-out call started a server"
    assert decision(hook(env, "ls -la")) == "allow"
    assert wait_for(lambda: served_calls(env) == 0)


def test_a_policy_edit_is_in_force_at_the_next_served_call(
    env: dict[str, str], tmp_path: Path
) -> None:
    notes = tmp_path / "project" / "notes.txt"
    policy = tmp_path / "policy.toml"
    policy.write_text("[paths]\nprotected = []\n")
    env = {**env, "FORETHOUGHT_POLICY": str(policy)}
    command = f"echo hello > {notes}"
    assert decision(hook(env, command)) == "allow"
    assert wait_for(lambda: served_calls(env) == 0)
    assert decision(hook(env, command)) == "allow"
    first = status(env).stdout

    policy.write_text(f'[paths]\nprotected = ["{notes.parent}"]\n')
    assert decision(hook(env, command)) == "deny"
    assert served_calls(env) == 2  # the same server, with the new policy
    second = status(env).stdout
    assert first.split("sha256 ")[1] != second.split("sha256 ")[1]
    assert gate_starts(env)[-1]["policy"]["sha256"] in second

    policy.write_text("[paths\nprotected = [")  # broken: no review, so the call is refused
    broken = hook(env, command)
    assert decision(broken) == "deny"
    assert "not valid TOML" in broken.stderr
    assert served_calls(env) == 3

    policy.write_text("[paths]\nprotected = []\n")  # and back
    assert decision(hook(env, command)) == "allow"


def test_a_socket_with_no_server_behind_it_falls_back_and_still_denies(
    env: dict[str, str],
) -> None:
    directory = Path(env["XDG_RUNTIME_DIR"]) / "forethought"
    assert decision(hook(env, "ls")) == "allow"
    assert wait_for(lambda: served_calls(env) == 0)
    [path] = directory.glob("*.sock")
    pid = server_pid(env)
    assert pid is not None
    os.kill(pid, signal.SIGKILL)  # no clean-up: its socket stays, with nothing behind it
    assert wait_for(lambda: gone(pid), 15)
    assert path.is_socket()

    never = {**env, "FORETHOUGHT_NO_SERVER_START": "1"}
    result = hook(never, DANGEROUS)
    assert decision(result) == "deny"
    assert "Blocked: deletes everything" in result.stdout
    # A file that is not a socket at all, where the socket should be: the same.
    path.unlink()
    path.write_text("not a socket")
    assert decision(hook(never, DANGEROUS)) == "deny"
    path.unlink()

    # The next call without the opt-out starts a new server in the stale one's place.
    assert decision(hook(env, DANGEROUS)) == "deny"
    assert wait_for(lambda: served_calls(env) == 0)
    assert server_pid(env) != pid
    assert decision(hook(env, DANGEROUS)) == "deny"
    assert served_calls(env) == 1


def test_a_server_that_dies_during_the_call_leaves_it_to_the_in_process_review(
    env: dict[str, str],
) -> None:
    assert decision(hook(env, "ls")) == "allow"
    assert wait_for(lambda: served_calls(env) == 0)
    pid = server_pid(env)
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # the call is handed over and waits for an answer ...
    payload = json.dumps(
        {"session_id": "s", "hook_event_name": "PreToolUse", "tool_name": "Bash",
         "tool_input": {"command": DANGEROUS}, "cwd": "/tmp"}
    )  # fmt: skip
    never = {**env, "FORETHOUGHT_NO_SERVER_START": "1"}
    call = subprocess.Popen(
        [FORETHOUGHT, "hook", "claude-code"], env=never, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert call.stdin is not None
        call.stdin.write(payload)
        call.stdin.close()
        call.stdin = None
        time.sleep(1.0)
        os.kill(pid, signal.SIGKILL)  # ... and the server dies before answering
        out, err = call.communicate(timeout=60)
    finally:
        if call.poll() is None:
            call.kill()
            call.wait()
    assert "the review server gave no answer; reviewing in-process" in err
    assert json.loads(out)["hookSpecificOutput"]["permissionDecision"] == "deny"
    assert call.returncode == 0


def test_a_hung_server_past_the_deadline_refuses_the_call(env: dict[str, str]) -> None:
    assert decision(hook(env, "ls")) == "allow"
    assert wait_for(lambda: served_calls(env) == 0)
    pid = server_pid(env)
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # connected and handed over, never answered
    try:
        hung = hook(env, "ls -la", "--timeout", "1")
    finally:
        os.kill(pid, signal.SIGCONT)
    assert hung.returncode == 2  # a block, in every harness
    assert "could not review this action" in hung.stderr
    assert "no answer in time" in hung.stderr


def test_hooks_that_find_no_server_at_once_start_one_between_them(env: dict[str, str]) -> None:
    payload = json.dumps(
        {"session_id": "race", "hook_event_name": "PreToolUse", "tool_name": "Bash",
         "tool_input": {"command": DANGEROUS}, "cwd": "/tmp"}
    )  # fmt: skip
    calls = [
        subprocess.Popen(
            [FORETHOUGHT, "hook", "claude-code"],
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(4)
    ]
    for call in calls:  # all four under way before any answers
        assert call.stdin is not None
        call.stdin.write(payload)
        call.stdin.close()
        call.stdin = None
    answers = [call.communicate(timeout=120)[0] for call in calls]
    assert all(json.loads(a)["hookSpecificOutput"]["permissionDecision"] == "deny" for a in answers)
    assert wait_for(lambda: served_calls(env) is not None)  # some calls may have been served
    runtime = Path(env["XDG_RUNTIME_DIR"])
    servers = [p for p in all_pids() if is_server_process(p, runtime)]
    started = [p for p in servers if parent_of(p) not in servers]  # not a handler of one
    assert started == [server_pid(env)]


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[1])


def test_a_policy_that_never_finishes_reading_does_not_hang_the_server(
    env: dict[str, str], tmp_path: Path
) -> None:
    assert decision(hook(env, "ls")) == "allow"
    assert wait_for(lambda: served_calls(env) == 0)
    fifo = tmp_path / "policy.toml"
    os.mkfifo(fifo)  # opening it for reading waits for a writer that never comes
    stuck = hook({**env, "FORETHOUGHT_POLICY": str(fifo)}, "ls", "--timeout", "2")
    assert stuck.returncode == 2  # refused, as a review past its deadline is
    started = time.monotonic()
    assert decision(hook(env, DANGEROUS)) == "deny"
    assert time.monotonic() - started < 10
    assert served_calls(env) == 2


@pytest.mark.retires_review_servers
def test_a_change_to_forethoughts_files_retires_the_server(env: dict[str, str]) -> None:
    import forethought

    marker = Path(forethought.__file__).with_name("py.typed")  # one of its files, never read
    if not os.access(marker, os.W_OK):
        pytest.skip("forethought's files are not writable here")
    assert decision(hook(env, "ls")) == "allow"
    assert wait_for(lambda: served_calls(env) == 0)
    old = server_pid(env)
    assert old is not None
    stamp = marker.stat()
    os.utime(marker, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
    try:
        # Noticed by the next call, which the old server leaves to the in-process review.
        assert decision(hook(env, DANGEROUS)) == "deny"
        assert wait_for(lambda: gone(old), 15)
        # The call after that starts a new server, with the new files.
        assert decision(hook(env, DANGEROUS)) == "deny"
        assert wait_for(lambda: served_calls(env) == 0)
        assert server_pid(env) not in (None, old)
    finally:
        os.utime(marker, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
