"""The warm review server: ``forethought hook`` calls without the start-up cost.

Started by ``forethought serve`` as ``python -I -m forethought.integrations.review_server``. It
imports the CLI, the policy and every reviewer once, runs the canaries once so that the
reviewers' rules are compiled, forgets every memoised result (so that nothing learnt under the
server's own environment is reused), and waits on a Unix socket in the user's runtime
directory. For each hook call (``forethought.integrations.warm`` sends it) it forks a handler
that takes on the caller's standard streams, working directory, umask and environment, and
runs the caller's command line through the same CLI code as an ordinary start would: the
policy is loaded and checked, the reviewers are built, the canaries run, the review happens
in its own forked child under its deadline and the ledger is written, all anew for every call.
What the server saves is importing modules and compiling regular expressions, nothing else.

It exits when idle for ``--idle`` seconds (30 minutes by default), and as soon as any of its
source files changed on disk: the call that noticed is answered "not run", and reviewed
in-process by the caller with the new code.

Security: the server is the user's own process, and adds no power that an agent running as the
same user does not already have.

- Nobody else can use it: the socket lives in a directory of the user's with mode 0700, and the
  server checks each caller's credentials (SO_PEERCRED) and serves only its own user.
- The caller trusts the answer only from a genuine server (see ``warm.not_genuine``): same user,
  the caller's own Python binary, exactly the server's isolated command line (no PYTHONPATH,
  no user site-packages, not the working directory: the installed forethought runs) and no
  dynamic-linker or Python variables in its environment. Anything else on the socket is
  ignored and the call is reviewed in-process.
- What an agent running as the user could do to it: kill it (the next calls are reviewed
  in-process, more slowly: never unreviewed), start one itself (a genuine server, which gives
  the same answers), ask it for reviews (which ``forethought hook`` gives it anyway), or, with
  arbitrary code already running unreviewed, attach a debugger to it or start an impostor that
  passes these checks. But the same agent could equally edit Claude Code's settings, the
  installed forethought or the policy, or tamper with the in-process hook as it starts: all
  of which need a command that the hook reviews first, and the self-protection reviewer refuses
  commands that touch forethought's files. The server is no softer a target than those.
- A failure once the call is handed over (the server dies, hangs past the deadline, answers
  nonsense) refuses the call: the caller exits 2, which the harnesses read as a block.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import functools
import gc
import os
import select
import signal
import socket
import sys
import time
import traceback

from forethought.integrations import warm

IDLE_S = 30 * 60.0
_MAX_REQUEST = 1 << 20  # bytes: a command line and an environment


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="forethought-review-server")
    parser.add_argument("--idle", type=float, default=IDLE_S)
    idle_s = parser.parse_args(argv).idle
    path = warm.socket_path()
    directory = warm.private_directory(path, create=True)
    del directory  # made private above; the lock and pid files live in it
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
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    pid_file = warm.pid_path()
    try:
        warm.write_pid(os.getpid())
        warm_up()
        sources = _sources()
        listener = _listen(path)
        print(f"{warm.READY} {path} (pid {os.getpid()})", file=sys.stderr, flush=True)
        try:
            _serve(listener, sources, idle_s)
        finally:
            listener.close()
            _unlink(path)
    finally:
        if warm.read_pid() == os.getpid():
            _unlink(pid_file)


def warm_up() -> None:
    """Import and compile what a hook call needs, then forget what was learnt doing it."""
    import forethought.cli
    import forethought.integrations.channels
    import forethought.integrations.cli
    import forethought.integrations.hook
    import forethought.integrations.transcript  # noqa: F401 (all imported to be warm)
    from forethought.gate import Gate
    from forethought.policy import default_policy
    from forethought.review.registry import build_reviewers

    policy = default_policy()
    Gate(policy, build_reviewers(policy, None), None).close()  # the canaries compile the rules
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper):
            obj.cache_clear()
    gc.collect()
    gc.freeze()  # forked handlers then share these pages instead of copying them


def _sources() -> dict[str, tuple[int, int]]:
    """The forethought source files this process runs, with their modification times."""
    found = {}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if module.__name__.startswith("forethought") and path:
            try:
                st = os.stat(path)
            except OSError:
                continue
            found[path] = (st.st_mtime_ns, st.st_size)
    return found


def _changed(sources: dict[str, tuple[int, int]]) -> bool:
    for path, stamp in sources.items():
        try:
            st = os.stat(path)
        except OSError:
            return True
        if (st.st_mtime_ns, st.st_size) != stamp:
            return True
    return False


def _listen(path: str) -> socket.socket:
    _unlink(path)  # ours (we hold the lock): a socket left by a server that died
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        listener.bind(path)
    finally:
        os.umask(old)
    listener.listen(64)
    return listener


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _serve(listener: socket.socket, sources: dict[str, tuple[int, int]], idle_s: float) -> None:
    last = time.monotonic()
    while True:
        _reap()
        ready, _, _ = select.select([listener], [], [], 1.0)
        if not ready:
            if time.monotonic() - last > idle_s:
                return
            continue
        conn, _ = listener.accept()
        last = time.monotonic()
        if not _same_user(conn):
            conn.close()
            continue
        if _changed(sources):  # updated on disk: let the caller review with the new code
            _answer(conn, warm.NOT_RUN)
            conn.close()
            return
        pid = os.fork()
        if pid == 0:
            listener.close()
            _handle(conn)  # never returns
        conn.close()


def _reap() -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def _same_user(conn: socket.socket) -> bool:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
    return int.from_bytes(creds[4:8], sys.byteorder, signed=True) == os.getuid()


def _answer(conn: socket.socket, code: int) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(warm._CODE.pack(code))


def _handle(conn: socket.socket) -> None:
    """In the forked handler: become the caller's process, run its command, answer its status."""
    code = 2
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        argv = _take_over(conn)
        code = _run(argv)
    except BaseException:
        try:
            print("forethought: the review server failed:", file=sys.stderr)
            traceback.print_exc()
        except BaseException:
            pass
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass
        _answer(conn, code)
        os._exit(0)


def _take_over(conn: socket.socket) -> list[str]:
    conn.settimeout(5.0)
    message, fds, _flags, _addr = socket.recv_fds(conn, 65536, 3)
    if len(fds) != 3 or len(message) < warm._LENGTH.size:
        raise ValueError("a request without its streams")
    size = warm._LENGTH.unpack_from(message)[0]
    if size > _MAX_REQUEST:
        raise ValueError("request too large")
    payload = message[warm._LENGTH.size :]
    while len(payload) < size:
        chunk = conn.recv(size - len(payload))
        if not chunk:
            raise EOFError("request cut short")
        payload += chunk
    fields = payload.split(b"\0")
    cwd, umask, count = os.fsdecode(fields[0]), int(fields[1]), int(fields[2])
    argv = [os.fsdecode(word) for word in fields[3 : 3 + count]]
    environ = dict(field.partition(b"=")[::2] for field in fields[3 + count :] if field)
    for fd, target in zip(fds, (0, 1, 2), strict=True):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(cwd)
    os.umask(umask)
    os.environb.clear()
    os.environb.update(environ)
    sys.argv = ["forethought", *argv]
    return argv


def _run(argv: list[str]) -> int:
    """What ``forethought ARGV`` would exit with, run as the console script runs it."""
    from forethought.cli import main as cli

    try:
        cli.main(args=argv, prog_name="forethought")
    except SystemExit as exc:
        if exc.code is None:
            return 0
        if isinstance(exc.code, int):
            return exc.code
        print(exc.code, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    main()
