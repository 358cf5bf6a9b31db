"""The warm review server: ``forethought hook`` calls without the start-up cost.

Started by the first hook call that finds none running (or by ``forethought serve``) as
``python -I -c BOOT DIR`` (``warm.server_argv``: isolated, importing forethought from ``DIR``, the
caller's own copy). It imports the CLI, the policy code and every reviewer once, runs the
default Gate's canaries once so that the reviewers' rules are compiled, and waits on a Unix
socket in the user's runtime directory.

For each hook call (``forethought.integrations.warm`` sends it: command line, environment,
working directory, umask and the hook input) the server first makes sure the Gate the call
needs is built (``forethought.prepared``): under the caller's environment and working
directory it reads the policy in force (every call: an edit is in force at the next one), and
builds the reviewers and runs their canaries only if no Gate is kept for the same policy
(source and SHA-256), ledger, environment, working directory and protected paths. Then it forks
a handler that takes on the caller's environment, working directory and umask and runs the
caller's command line through the same CLI code as an ordinary start: the policy is loaded and
checked, the ledger opened, the call reviewed and recorded, with the kept Gate's reviewers
(the ledger's ``gate_start`` event then says ``"server": {"pid": ..., "reused": true}``). The
handler sends back the exit status and what the call printed; a handler past the call's
deadline is killed (SIGALRM), and the caller refuses the call. A policy that cannot be loaded,
reviewers that cannot be built or that fail their canaries are never kept: the handler then
does what an ordinary start does and the call is refused with the same message.

It exits when idle for ``--idle`` seconds (30 minutes by default), and as soon as any of its
files changed on disk: the call that noticed is answered "not run", and reviewed in-process by
the caller with the new code.

Security: the server is the user's own process, and adds no power that an agent running as the
same user does not already have.

- Nobody else can use it: the socket lives in a directory of the user's with mode 0700, and the
  server checks each caller's credentials (SO_PEERCRED) and serves only its own user.
- The caller trusts the answer only from a genuine server (see ``warm.not_genuine``): same user,
  the caller's own Python binary, exactly the server's isolated command line (no PYTHONPATH,
  no user site-packages, not the working directory: the caller's own forethought runs) and no
  dynamic-linker or Python variables in its environment. Anything else on the socket is
  ignored and the call is reviewed in-process.
- What an agent running as the user could do to it: kill it (the next call is reviewed
  in-process and starts another), start one itself (a genuine server, which gives the same
  answers), ask it for reviews (which ``forethought hook`` gives it anyway), or, with arbitrary
  code already running unreviewed, attach a debugger to it or start an impostor that passes
  these checks. But the same agent could equally edit Claude Code's settings, the installed
  forethought or the policy, or tamper with the in-process hook as it starts: all of which
  need a command that the hook reviews first, and the self-protection reviewer refuses
  commands that touch forethought's files. The server is no softer a target than those.
- A failure once the call is handed over (the server dies, answers nonsense) leaves the call to
  the caller's in-process review within the time left; one past the deadline refuses it: the
  caller exits 2, which the harnesses read as a block.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sys
import time

from forethought.integrations import warm

IDLE_S = 30 * 60.0
_START_LOCK_FD = 3  # a hook that started this server passed its start lock here
_MAX_FD = 1 << 16  # closed up to here at start (os.closerange uses close_range where it can)


class _Stop(Exception):
    """SIGTERM: leave the serving loop (the socket and pid file are removed on the way out)."""


def main(argv: list[str] | None = None) -> None:
    """``[--idle SECONDS]``; what it imports before a hook that started it has exited is kept
    to the least, so as not to slow down that hook's own (in-process) review."""
    argv = sys.argv[1:] if argv is None else argv
    idle_s = IDLE_S
    if argv[:1] == ["--idle"] and len(argv) == 2:
        idle_s = float(argv[1])
    elif argv:
        sys.exit(f"usage: forethought-review-server [--idle SECONDS], not {argv}")
    os.chdir("/")
    start_lock = _start_lock()
    # Nothing inherited stays open beyond the standard streams (and the start lock): a pipe of
    # the harness's kept open here would keep it waiting for the hook's end.
    os.closerange(_START_LOCK_FD if start_lock is None else _START_LOCK_FD + 1, _MAX_FD)
    path = warm.socket_path()
    warm.private_directory(path, create=True)
    lock = os.open(warm.lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        running = warm.read_pid()
        print(
            f"forethought: a review server is already running on {path}"
            + (f" (pid {running})" if running else ""),
            file=sys.stderr,
        )
        return
    # Stopped by a signal, it still removes its socket and pid file (a SIGKILL leaves both: the
    # next server replaces them, callers find no server behind the socket, and `forethought
    # serve --status` sees that the pid file's lock is free).
    signal.signal(signal.SIGTERM, _on_term)
    pid_file = warm.pid_path()
    try:
        warm.write_pid(os.getpid())
        started = time.time()
        if start_lock is not None:
            _after_parent()
        from forethought.integrations import serving

        serving.warm_up()
        sources = serving.sources()
        listener = serving.listen(path)
        server = serving.Server(listener, sources, idle_s, started)
        server.save_state()
        if start_lock is not None:  # listening: a hook may start another once this one is gone
            os.ftruncate(start_lock, 0)  # and at once: this start did not fail (warm._start)
            os.close(start_lock)
        print(f"{warm.READY} {path} (pid {os.getpid()})", file=sys.stderr, flush=True)
        try:
            server.serve()
        except _Stop:
            pass
        finally:
            listener.close()
            if os.path.exists(path) and os.stat(path).st_ino == server.inode:
                warm._unlink(path)
    except _Stop:  # stopped while starting
        pass
    finally:
        if warm.read_pid() == os.getpid():
            warm._unlink(pid_file)
            warm._unlink(warm.state_path())


def _after_parent(wait_s: float = 60.0) -> None:
    """Started by a hook: wait until it has answered its own call (in-process) before warming
    up, so as not to slow it down."""
    parent, deadline = os.getppid(), time.monotonic() + wait_s
    while os.getppid() == parent and time.monotonic() < deadline:
        time.sleep(0.02)


def _on_term(*_: object) -> None:
    raise _Stop


def _start_lock() -> int | None:
    """Fd 3 if it is the start lock a hook handed over (kept until this server listens)."""
    try:
        mine = os.fstat(_START_LOCK_FD)
        there = os.stat(warm.start_lock_path())
    except OSError:
        return None
    if (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino):
        return _START_LOCK_FD
    return None


if __name__ == "__main__":
    main()
