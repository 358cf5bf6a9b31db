"""The review server's work (see ``forethought.integrations.review_server``): warming up, the
serving loop, handlers forked per call or ahead of it."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import math
import os
import pickle
import select
import signal
import socket
import sys
import time
import traceback

from forethought import prepared
from forethought.integrations import warm

# Seconds the server gives a caller to send its request, and itself to build a call's Gate.
READ_S = 2.0
PREPARE_S = 3.0
# Seconds after a call is handed over before the next handler is forked ahead (and rehearses:
# not while the call in hand still needs the processor).
SPARE_AFTER_S = 0.03


def warm_up() -> None:
    """Import and compile what a hook call needs, then forget what was learnt doing it."""
    import forethought.cli
    import forethought.integrations.channels
    import forethought.integrations.cli
    import forethought.integrations.hook
    import forethought.integrations.transcript  # noqa: F401 (all imported to be warm)
    from forethought.gate import Gate
    from forethought.policy import default_policy, remember_parsed
    from forethought.review.registry import build_reviewers

    policy = default_policy()
    Gate(policy, build_reviewers(policy, None), None).close()  # the canaries compile the rules
    remember_parsed()
    prepared.enable(os.getpid())
    prepared.forget_learnt()
    prepared.freeze()  # forked handlers then share these pages instead of copying them


def sources() -> dict[str, tuple[int, int]]:
    """forethought's files (its modules and its data) with their modification times."""
    found = {}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if module.__name__.startswith("forethought") and path:
            found[path] = _stamp(path)
    for directory, subdirectories, files in os.walk(
        os.path.join(warm.package_parent(), "forethought")
    ):
        subdirectories[:] = [d for d in subdirectories if d != "__pycache__"]
        for name in files:
            if not name.endswith((".py", ".pyc")):
                path = os.path.join(directory, name)
                found[path] = _stamp(path)
    return {path: stamp for path, stamp in found.items() if stamp is not None}


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _changed(sources: dict[str, tuple[int, int]]) -> bool:
    return any(_stamp(path) != stamp for path, stamp in sources.items())


def listen(path: str) -> socket.socket:
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


class _Request:
    __slots__ = ("argv", "cwd", "data", "environ", "umask")

    def __init__(self, payload: bytes) -> None:
        fields = payload.split(b"\0")
        self.cwd, self.umask, count = os.fsdecode(fields[0]), int(fields[1]), int(fields[2])
        if not 0 <= count < len(fields) - 3:
            raise ValueError("a request with a bad argument count")
        self.argv = [os.fsdecode(word) for word in fields[3 : 3 + count]]
        self.data = warm.unescape(fields[3 + count])
        self.environ = dict(
            field.partition(b"=")[::2] for field in fields[4 + count :] if b"=" in field
        )


class Server:
    def __init__(
        self,
        listener: socket.socket,
        sources: dict[str, tuple[int, int]],
        idle_s: float,
        started: float,
    ) -> None:
        self.listener, self.sources, self.idle_s, self.started = listener, sources, idle_s, started
        self.inode = os.stat(listener.getsockname()).st_ino
        self.calls = 0
        self.reused = 0
        self.last_policy: tuple[str, str] | None = None
        self.own_environ = dict(os.environb)
        # A handler forked ahead of the next call, rehearsed and waiting on its end of a socket
        # pair (with the number of Gates built when it was forked), and when to fork the next.
        self.spare: tuple[socket.socket, int] | None = None
        self.spare_due: float | None = time.monotonic()

    def serve(self) -> None:
        last = time.monotonic()
        try:
            while True:
                _reap()
                now = time.monotonic()
                if self.spare_due is not None and now >= self.spare_due:
                    self._fork_spare()
                wait = 1.0 if self.spare_due is None else max(0.0, self.spare_due - now)
                ready, _, _ = select.select([self.listener], [], [], min(wait, 1.0))
                if not ready:
                    if time.monotonic() - last > self.idle_s:
                        return
                    continue
                conn, _ = self.listener.accept()
                last = time.monotonic()
                with conn:
                    if not self._take(conn):
                        return
        finally:
            self._drop_spare()

    def _take(self, conn: socket.socket) -> bool:
        """Have a handler answer the call on ``conn``; False once the server must exit."""
        accepted = time.perf_counter()
        if not _same_user(conn):
            return True
        if _changed(self.sources):  # updated on disk: the caller reviews with the new code
            self.listener.close()
            _unlink(warm.socket_path())
            _send(conn, warm.NOT_RUN.to_bytes(4, "big", signed=True))
            return False
        try:
            request = _receive(conn)
        except (OSError, ValueError, EOFError, IndexError):
            return True  # the caller sees no answer and reviews in-process
        received = time.perf_counter()
        reuse = self._prepare(request)
        marks = [
            ("server: caller checked, files unchanged, request read", received - accepted),
            ("server: Gate found or built", time.perf_counter() - received),
        ]
        if not self._hand_to_spare(conn, request, marks):
            marks.append(("server: fork", time.perf_counter()))
            if os.fork() == 0:
                self.listener.close()
                self._drop_spare()
                _handle(conn, request, marks)  # never returns
        self.calls += 1
        self.reused += reuse
        self.save_state()
        return True

    def _fork_spare(self) -> None:
        self.spare_due = None
        self._drop_spare()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        if os.fork() == 0:
            ours.close()
            self.listener.close()
            _spare(theirs)  # never returns
        theirs.close()
        self.spare = (ours, prepared.generation())

    def _drop_spare(self) -> None:
        if self.spare is not None:
            self.spare[0].close()  # the spare reads the end of its socket pair, and exits
            self.spare = None

    def _hand_to_spare(
        self, conn: socket.socket, request: _Request, marks: list[tuple[str, float]]
    ) -> bool:
        """Pass the call to the handler forked ahead, if it has every Gate built since."""
        spare, self.spare = self.spare, None
        self.spare_due = time.monotonic() + SPARE_AFTER_S
        if spare is None:
            return False
        channel, built = spare
        with channel:
            if built != prepared.generation():
                return False
            marks.append(("server: handed to a handler forked ahead", time.perf_counter()))
            message = pickle.dumps((request, marks))
            try:
                socket.send_fds(channel, [len(message).to_bytes(4, "big")], [conn.fileno()])
                channel.sendall(message)
            except OSError:
                return False
        return True

    def _prepare(self, request: _Request) -> bool:
        """The call's Gate built or found, under the caller's environment; whether it was."""
        argv = request.argv
        if len(argv) < 2 or argv[0] != "hook" or not same_import_environment(request.environ):
            return False
        try:
            os.chdir(request.cwd)
        except OSError:
            return False
        os.environb.clear()
        os.environb.update(request.environ)
        # A policy path that never finishes reading (a FIFO ...) must not hang the server: the
        # handler meets it the ordinary way, under the call's deadline.
        signal.signal(signal.SIGALRM, _too_long)
        signal.setitimer(signal.ITIMER_REAL, PREPARE_S)
        try:
            from forethought.integrations.cli import hook

            command = hook.commands.get(argv[1])
            if command is None:
                return False
            with command.make_context(argv[1], argv[2:]) as ctx:
                params = dict(ctx.params)
            found = prepared.prepare(params.get("policy_path"), params.get("ledger_path"))
        except Exception:  # the handler meets the same error the ordinary way, and says so
            return False
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            os.environb.clear()
            os.environb.update(self.own_environ)
            os.chdir("/")
        if found is not None:
            self.last_policy = (found.policy_source, found.policy_sha256)
        return found is not None

    def save_state(self) -> None:
        state = {
            "pid": os.getpid(),
            "socket": warm.socket_path(),
            "started": self.started,
            "python": sys.executable,
            "forethought": warm.package_parent(),
            "calls": self.calls,
            "reused": self.reused,
            "policy": (
                {"source": self.last_policy[0], "sha256": self.last_policy[1]}
                if self.last_policy
                else None
            ),
            "gates": [
                {
                    "policy": g.policy_source,
                    "sha256": g.policy_sha256,
                    "built": g.built,
                    "build_ms": round(g.build_ms, 1),
                }
                for g in prepared.gates()
            ],
        }
        with contextlib.suppress(OSError):
            warm.write_private(warm.state_path(), json.dumps(state).encode())


class _TooLong(Exception):
    """Building a call's Gate took longer than ``PREPARE_S``."""


def _too_long(*_: object) -> None:
    raise _TooLong


def _reap() -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def _same_user(conn: socket.socket) -> bool:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
    return int.from_bytes(creds[4:8], sys.byteorder, signed=True) == os.getuid()


def _receive(conn: socket.socket) -> _Request:
    deadline = time.monotonic() + READ_S
    size = int.from_bytes(_exactly(conn, 4, deadline), "big")
    if size > warm.MAX_MESSAGE:
        raise ValueError("request too large")
    return _Request(_exactly(conn, size, deadline))


def _exactly(conn: socket.socket, size: int, deadline: float | None = None) -> bytes:
    chunks = []
    while size:
        if deadline is not None:  # the whole of it, not each piece, within the time
            conn.settimeout(max(deadline - time.monotonic(), 0.001))
        chunk = conn.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError("request cut short")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _send(conn: socket.socket, data: bytes) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(data)


# Variables whose value the reviewers took in when the server imported them (the path catalogue
# expands ~ once): a caller whose values differ is not served, it reviews in-process.
IMPORT_TIME_ENVIRONMENT = (b"HOME", b"XDG_CONFIG_HOME", b"XDG_DATA_HOME", b"XDG_RUNTIME_DIR")


def same_import_environment(caller: dict[bytes, bytes]) -> bool:
    """Whether the caller's environment agrees with this process's where imports read it."""
    return all(caller.get(k) == os.environb.get(k) for k in IMPORT_TIME_ENVIRONMENT)


def _handle(conn: socket.socket, request: _Request, marks: list[tuple[str, float]]) -> None:
    """In the forked handler: become the caller's process, run its command, send what it
    printed and its exit status. Killed by SIGALRM past the call's deadline."""
    code, out, err = 2, io.BytesIO(), io.BytesIO()
    forked = time.perf_counter()
    marks[-1] = (marks[-1][0], forked - marks[-1][1])  # from just before the fork to now
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(max(1, math.ceil(warm._timeout(request.argv))))
        if not same_import_environment(request.environ):  # another HOME: it reviews in-process
            _send(conn, warm.NOT_RUN.to_bytes(4, "big", signed=True))
            os._exit(0)
        try:
            os.chdir(request.cwd)
        except OSError:  # the caller's directory is not ours to enter: it reviews in-process
            _send(conn, warm.NOT_RUN.to_bytes(4, "big", signed=True))
            os._exit(0)
        sys.stdin = io.TextIOWrapper(io.BytesIO(request.data))
        sys.stdout = io.TextIOWrapper(out, write_through=True)
        sys.stderr = io.TextIOWrapper(err, write_through=True)
        os.umask(request.umask)
        os.environb.clear()
        os.environb.update(request.environ)
        sys.argv = ["forethought", *request.argv]
        prepared.mark("handler: took on the caller's environment")
        code = _run(request.argv)
    except BaseException:
        with contextlib.suppress(BaseException):
            print("forethought: the review server failed:", file=sys.stderr)
            traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            timings = b""
            if request.environ.get(b"FORETHOUGHT_HOOK_TIMINGS"):
                timings = _timings(marks, forked, prepared.take_marks())
            _send(conn, warm.encode_answer(code, out.getvalue(), err.getvalue(), timings))
        finally:
            os._exit(0)


def _spare(channel: socket.socket) -> None:
    """A handler forked ahead: rehearse, then wait for a call (or the end of the channel)."""
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        rehearse()
        gc.freeze()
        header, fds, _flags, _address = socket.recv_fds(channel, 4, 1)
        if not header or len(fds) != 1:
            os._exit(0)  # the server dropped this spare
        size = int.from_bytes(header + _exactly(channel, 4 - len(header)), "big")
        request, marks = pickle.loads(_exactly(channel, size))
        channel.close()
        conn = socket.socket(fileno=fds[0])
    except BaseException:
        os._exit(0)
    _handle(conn, request, marks)


def _timings(
    before_fork: list[tuple[str, float]], forked: float, marks: list[tuple[str, float]]
) -> bytes:
    """The call's parts in ms, in order: the server's, then the handler's (for the benchmark)."""
    parts = [[part, round(seconds * 1000, 3)] for part, seconds in before_fork]
    at = forked
    for part, ended in marks:
        parts.append([part, round((ended - at) * 1000, 3)])
        at = ended
    parts.append(["handler: answer encoded", round((time.perf_counter() - at) * 1000, 3)])
    return json.dumps(parts).encode()


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


_REHEARSAL = (
    b'{"session_id": "rehearsal", "hook_event_name": "PreToolUse", "tool_name": "Bash", '
    b'"tool_input": {"command": "ls -la"}, "cwd": "/"}'
)


def rehearse() -> None:
    """In a handler forked ahead of its call: review a harmless command with the Gate used last
    (no ledger), so that the pages, worker thread and caches the call will use are this
    process's own before the call arrives; then forget what that taught the caches."""
    if not prepared.gates():
        return
    from forethought.gate import Gate
    from forethought.integrations.cli import hook
    from forethought.integrations.harnesses import HARNESSES
    from forethought.proposal import from_dict

    last = prepared.gates()[-1]
    gate = Gate(last.policy, last.reviewers, None, checked={"canaries": last.canaries})
    gate.review(from_dict({"tool": "bash", "args": {"command": "ls -la"}}))
    HARNESSES["claude-code"].parse(_REHEARSAL)
    hook.commands["claude-code"].make_context("claude-code", [])
    prepared.forget_learnt()
