"""``forethought hook``: the gate as a pre-tool-use hook of Claude Code, Codex and Gemini CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from forethought.cli import fail, ledger_option, policy_option
from forethought.integrations.hook import DEFAULT_TIMEOUT_S

_grant_option = click.option(
    "--grant",
    is_flag=True,
    help="Answer 'allow' after a clean review, which skips the harness's own permission "
    "prompt for that call (its deny and ask rules still apply). Only for calls that stay "
    "inside the project: a path outside the project root, or a shell command naming one, gets "
    "no opinion, so the harness asks as usual. Without --grant a clean review always gives no "
    "opinion and the harness's rules apply.",
)
_timeout_option = click.option(
    "--timeout",
    "timeout_s",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIMEOUT_S,
    show_default=True,
    help="Seconds the review may take before the call is refused (keep it under the "
    "harness's hook timeout, which --install sets to 60 s).",
)
_install_option = click.option(
    "--install",
    is_flag=True,
    help="Add this hook to the harness's settings instead of reviewing stdin.",
)
_scope_option = click.option(
    "--project/--user",
    "project",
    default=True,
    help="With --install: the project's settings (default; at the git work tree's root) or "
    "the user's.",
)
_check_option = click.option(
    "--check",
    is_flag=True,
    help="Say whether the installed hook will actually run (settings, matcher, executable, "
    "policy, and Codex's trust): exit 0 if it will, 1 with the reasons if not.",
)
# Hidden: the benchmark measures what running the review in a forked child costs.
_fork_option = click.option("--fork/--no-fork", default=True, hidden=True)
_server_option = click.option(
    "--server/--no-server",
    default=True,
    help="Hand the call to the warm review server, starting it if none runs (default), or "
    "always review in this process (as does $FORETHOUGHT_NO_SERVER=1). The server makes a "
    "call about ten times faster; see `forethought serve`.",
)


@click.group()
def hook() -> None:
    """Review each tool call an agent harness is about to make (its pre-tool-use hook).

    Reads the hook input JSON on stdin and answers in the harness's own shape. Anything that
    stops the review (bad input, bad policy, ledger, crash, timeout) refuses the call.
    """


def _command(harness: str, **options: object) -> None:
    ctx = click.get_current_context()
    params = ctx.params
    if params["install"] and params["check"]:
        fail("--install and --check cannot be used together")
    if params["install"]:
        _install(harness, params)
        return
    if params["check"]:
        _check(harness)
        return
    from forethought import prepared
    from forethought.integrations.hook import run

    output = run(
        harness,
        sys.stdin.buffer.read(),
        policy_path=params["policy_path"],
        ledger_path=params["ledger_path"],
        grant=params.get("grant", False),
        timeout_s=params["timeout_s"],
        # A handler of the review server is itself a fork of its own (killed past the deadline).
        fork=params["fork"] and not prepared.enabled(),
    )
    sys.stdout.buffer.write(output.stdout)
    sys.stdout.flush()
    if output.stderr:
        click.echo(output.stderr, err=True)
    sys.exit(output.exit_code)


def _install(harness: str, params: dict[str, object]) -> None:
    from forethought.integrations.hookcheck import codex_instructions
    from forethought.integrations.install import InstallError, install, project_root

    project = bool(params["project"])
    root, note = project_root()
    try:
        path, changed = install(
            harness,
            project=project,
            policy_path=_opt_path(params["policy_path"]),
            ledger_path=_opt_ledger(params["ledger_path"]),
            grant=bool(params.get("grant", False)),
            root=root,
            server=bool(params.get("server", True)),
        )
    except InstallError as exc:
        fail(str(exc))
    if note and project:
        click.echo(f"forethought: note: {note}", err=True)
    click.echo(f"{'installed in' if changed else 'already installed in'} {path}")
    if harness == "codex":
        for line in codex_instructions(path, root, project=project):
            click.echo(line)


def _check(harness: str) -> None:
    from forethought.integrations.hookcheck import check
    from forethought.integrations.install import project_root

    root, _note = project_root()
    will_run, lines = check(harness, root)
    for line in lines:
        click.echo(line)
    sys.exit(0 if will_run else 1)


def _opt_path(value: object) -> Path | None:
    return Path(value) if isinstance(value, (str, Path)) else None


def _opt_ledger(value: object) -> Path | str | None:
    """A --ledger value as given: a path, or a postgresql:// URL (which Path would mangle)."""
    return value if isinstance(value, (str, Path)) else None


@hook.command("claude-code")
@policy_option
@ledger_option
@_grant_option
@_timeout_option
@_install_option
@_check_option
@_scope_option
@_fork_option
@_server_option
def claude_code(**options: object) -> None:
    """Claude Code PreToolUse: deny, ask, or no opinion (allow with --grant)."""
    _command("claude-code", **options)


@hook.command()
@policy_option
@ledger_option
@_timeout_option
@_install_option
@_check_option
@_scope_option
@_fork_option
@_server_option
def codex(**options: object) -> None:
    """Codex PreToolUse: deny (an escalation too: Codex cannot ask), or no opinion."""
    _command("codex", **options)


@hook.command()
@policy_option
@ledger_option
@_grant_option
@_timeout_option
@_install_option
@_check_option
@_scope_option
@_fork_option
@_server_option
def gemini(**options: object) -> None:
    """Gemini CLI BeforeTool: deny, or no opinion (allow with --grant)."""
    _command("gemini", **options)


@click.command()
@click.option("--detach", is_flag=True, help="Start it in the background; return once it answers.")
@click.option(
    "--status",
    is_flag=True,
    help="Say whether a server runs: its pid, socket, uptime, calls served and the policy in "
    "use (exit 0 if one runs, 1 if none does).",
)
@click.option("--stop", is_flag=True, help="Stop the running server (SIGTERM, then wait).")
@click.option(
    "--idle",
    type=click.FloatRange(min=1),
    default=1800.0,
    show_default=True,
    help="Seconds without a hook call after which it exits.",
)
def serve(detach: bool, status: bool, stop: bool, idle: float) -> None:
    """Keep a warm review process, so that `forethought hook` answers faster.

    The first hook call that finds none running starts one (detached); this command starts,
    inspects and stops it by hand. Each hook call is reviewed in a fresh fork of it, with the
    caller's environment: the policy is read and checked and the ledger written on every call;
    the reviewers and their canaries are reused while the policy (by hash), the environment and
    forethought's files are unchanged. Without a server, or if it fails, hook calls are reviewed
    in their own process.
    """
    import os
    import subprocess

    from forethought.integrations import warm

    if detach + status + stop > 1:
        fail("--detach, --status and --stop do not go together")
    if status or stop:
        _serve_control(stop)
        return
    argv = [*warm.server_argv(), "--idle", f"{idle:g}"]
    # The server runs isolated (-I) and the hook only trusts one without these variables.
    env = warm.server_env()
    if not detach:
        os.chdir("/")
        os.execve(sys.executable, argv, env)
    server = subprocess.Popen(
        argv,
        env=env,
        cwd="/",
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert server.stderr is not None
    line = server.stderr.readline().decode(errors="replace").strip()  # ready, or why not
    server.stderr.close()
    # The server's own line names its pid: "ready on PATH (pid N)", or, when one already
    # runs, "already running on PATH (pid N)" from the one that found it and exited.
    if not line.startswith(warm.READY):
        server.wait(timeout=10)
        message = line.removeprefix("forethought: ") or "the review server did not start"
        if "already running" in line:
            click.echo(message)
            return
        fail(message)
    click.echo(line.removeprefix("forethought: "))


def _serve_control(stop: bool) -> None:
    from forethought.integrations import warm

    where = warm.socket_path()
    try:
        state, pid = warm.stop_server() if stop else warm.server_status()
    except warm.Unusable as exc:
        fail(str(exc))
    stale = f"no review server running (removed the stale pid file of pid {pid})"
    match state:
        case "running":
            known = f"pid {pid}" if pid else "it wrote no pid file"
            click.echo(f"review server running on {where} ({known})")
            if not stop:
                _describe(warm.server_state(), pid)
        case "stopped" if stop:
            click.echo(f"stopped the review server (pid {pid})")
        case "timeout":
            fail(f"the review server (pid {pid}) is still running 10 s after SIGTERM")
        case "unknown":
            fail(f"a review server runs on {where} but wrote no pid file: stop it by hand")
        case "stale":
            click.echo(stale)
            if not stop:
                _last_failure()
                sys.exit(1)
        case _:
            click.echo("no review server running")
            if not stop:
                _last_failure()
                sys.exit(1)


def _last_failure() -> None:
    """The last line a server started by a hook printed, if it never came to listen."""
    from forethought.integrations import warm

    try:
        with open(warm.log_path(), errors="replace") as f:
            lines = [line.strip() for line in f if line.strip()]
    except OSError:
        return
    if lines and not any(line.startswith(warm.READY) for line in lines):
        click.echo(f"  the last server a hook started failed: {lines[-1][:300]}")
        click.echo(f"  (all it printed: {warm.log_path()})")


def _describe(state: dict[str, object], pid: int | None) -> None:
    """Uptime, calls and policy from the server's own account (if it is this server's)."""
    import time

    started = state.get("started")
    if state.get("pid") != pid or not isinstance(started, (int, float)):
        click.echo("  starting (not answering calls yet)")
        return
    up = int(time.time() - started)
    click.echo(
        f"  up {up // 3600}h {up % 3600 // 60:02d}m {up % 60:02d}s; "
        f"{state.get('calls', 0)} hook calls, {state.get('reused', 0)} with reviewers "
        "already built and checked"
    )
    policy = state.get("policy")
    if isinstance(policy, dict):
        click.echo(f"  policy {policy.get('source')} sha256 {policy.get('sha256')}")
    else:
        click.echo("  policy: none used yet")
