"""The client side of the warm review server: hand a hook call to it, start it, or say it cannot.

A hook call pays for Python's start on every tool call; importing the reviewers, compiling their
rules, building them and running their canaries costs tens of times more. The review server
(``forethought.integrations.review_server``) keeps all of that done; this module, which imports
only what a bare ``python`` has already loaded (plus the C socket module), passes it the hook
call: the command line, environment, working directory, umask and the hook input read from
stdin. The server answers with the exit status and what the call printed, which this process
prints. Only then is anything written: until a complete answer has come back, nothing of the
call has reached the harness.

``through_server`` returns ``(None, argv)`` whenever the call is to be reviewed in this process
instead: the server is not wanted (``--no-server``, ``$FORETHOUGHT_NO_SERVER``), none runs (one
is started, detached, for the next calls), it is not genuine, out of date, or it failed in any
way (died, answered garbage). A failure after the hand-over still leaves the call to the
in-process review, within the time left of the call's deadline; when none is left (the server
hung past it) the call is refused: exit status 2, which every supported harness reads as a
block, as an in-process review past its deadline is refused.

Which process may answer: only one listening on the socket in the user's runtime directory
(a directory of ours with mode 0700, the socket 0600), run by the same user, by this very
Python binary, with exactly the command line ``server_argv()`` (isolated ``-I``: no PYTHONPATH,
no user site, not the working directory; this process's own copy of forethought named
explicitly) and no dynamic-linker or Python variables in its environment. See the server's
docstring for what that does and does not protect against.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not typing's: importing typing would cost this fast path
if TYPE_CHECKING:
    from _socket import socket as Socket

SERVER_MODULE = "forethought.integrations.review_server"
# The server's command: isolated Python, told where this process's forethought is.
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    f"from {SERVER_MODULE} import main; main(sys.argv[2:])"
)
# The first line a server that started prints on stderr (then the socket's path and its pid).
READY = "forethought: review server ready on"
# The review's deadline unless --timeout says otherwise (the hook runner's default).
DEFAULT_TIMEOUT_S = 20.0
# How much longer than the review's deadline the client waits for the server's answer.
GRACE_S = 1.0
# A failed hand-over is reviewed in-process only with at least this much of the deadline left.
MIN_FALLBACK_S = 0.5
# A start of the server on demand that failed is tried again only after this many seconds.
START_EVERY_S = 30.0
# The server's answer when it will not run the call (out of date): review in-process instead.
NOT_RUN = -1
# Bytes: a request (command line, environment, hook input) and an answer (what was printed).
MAX_MESSAGE = 64 << 20
# Environment variables that change what code a process runs without changing its command line.
_LOADER_VARIABLES = (b"LD_PRELOAD=", b"LD_LIBRARY_PATH=", b"LD_AUDIT=", b"PYTHON")
# Hook options that are not a review: run in this process.
_NOT_REVIEWS = frozenset({"--install", "--check", "--help", "-h"})
HARNESSES = ("claude-code", "codex", "gemini")


class Unusable(Exception):
    """The server cannot take this call; nothing was handed over."""


# --- where things are -----------------------------------------------------------------------


def package_parent() -> str:
    """The directory this process imports forethought from."""
    here = sys.modules["forethought"].__file__ or ""
    return os.path.dirname(os.path.dirname(os.path.abspath(here)))


def server_argv() -> list[str]:
    """The exact command line of a genuine server for this Python and this forethought."""
    return [sys.executable, "-I", "-c", _BOOT, package_parent()]


def socket_path() -> str:
    """The socket of this user's server for this Python and this copy of forethought.

    In ``$XDG_RUNTIME_DIR/forethought`` (else ``/tmp/forethought-UID``); a directory that is not
    ours or is open to others is never used.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR") or ""
    directory = (
        os.path.join(runtime, "forethought")
        if os.path.isabs(runtime)
        else f"/tmp/forethought-{os.getuid()}"
    )
    install = f"{sys.executable}\0{package_parent()}".encode()
    digest = 0x811C9DC5  # FNV-1a: no hashing module to import on the hook's fast path
    for byte in install:
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return os.path.join(directory, f"review-{digest:08x}.sock")


def _beside(suffix: str) -> str:
    return socket_path().removesuffix(".sock") + suffix


def pid_path() -> str:
    """The file where the server writes its own pid (beside its socket)."""
    return _beside(".pid")


def lock_path() -> str:
    """The file the running server holds an exclusive lock on for as long as it lives."""
    return socket_path() + ".lock"


def start_lock_path() -> str:
    """The file a hook locks while it starts a server (the server keeps it until it listens)."""
    return _beside(".start")


def state_path() -> str:
    """The server's own account of itself (JSON): started, calls served, policies in use."""
    return _beside(".json")


def log_path() -> str:
    """Where a server started by a hook writes what it prints (why it stopped, or failed)."""
    return _beside(".log")


def write_pid(pid: int) -> None:
    """Write ``pid`` to the pid file, whole or not at all (only a server holding the lock)."""
    write_private(pid_path(), f"{pid}\n".encode())


def write_private(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (mode 0600), whole or not at all."""
    partial = f"{path}.{os.getpid()}.tmp"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(partial, path)


def read_pid() -> int | None:
    """The pid in the pid file, or None (no file, or not a pid)."""
    try:
        with open(pid_path()) as f:
            text = f.read().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def lock_held() -> bool:
    """Whether a live server holds the lock (a crashed one's lock is released with it)."""
    import fcntl

    try:
        fd = os.open(lock_path(), os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases a lock we took
    return False


def _is_server(pid: int) -> bool:
    """Whether process ``pid`` runs this installation's review server."""
    if not os.path.isdir("/proc/self"):  # no /proc: the lock says one runs; is this pid alive?
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().split(b"\0")[:-1]
    except OSError:
        return False
    expected = [os.fsencode(word) for word in server_argv()]
    return cmdline[: len(expected)] == expected


# --- status and stop --------------------------------------------------------------------------


def server_status() -> tuple[str, int | None]:
    """``("running", pid)`` (pid None if the server wrote none), ``("stale", pid)`` (a pid file
    left by a server that is gone, now removed) or ``("stopped", None)``."""
    path = socket_path()
    if not os.path.isdir(os.path.dirname(path)):
        return "stopped", None
    private_directory(path, create=False)
    pid = read_pid()
    if lock_held():
        return "running", pid if pid is not None and _is_server(pid) else None
    if pid is None:
        return "stopped", None
    _unlink(pid_path())
    return "stale", pid


def server_state() -> dict[str, object]:
    """What the running server last wrote about itself (empty if nothing readable)."""
    import json

    try:
        with open(state_path(), "rb") as f:
            state = json.loads(f.read())
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def stop_server(wait_s: float = 10.0) -> tuple[str, int | None]:
    """SIGTERM the running server and wait until it is gone. ``(state, pid)``: ``"stopped"``
    (it was running and has exited), ``"timeout"`` (still running after ``wait_s``),
    ``"none"`` (nothing running), ``"stale"`` (nothing running; a stale pid file removed) or
    ``"unknown"`` (a server holds the lock but wrote no pid file of its own)."""
    import signal
    import time

    state, pid = server_status()
    if state != "running":
        return ("stale" if state == "stale" else "none"), pid
    if pid is None:
        return "unknown", None
    import contextlib

    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + wait_s
    while lock_held():  # released when the server and any call it is answering have ended
        if time.monotonic() > deadline:
            return "timeout", pid
        time.sleep(0.05)
    return "stopped", pid


def private_directory(path: str, *, create: bool) -> str:
    """The socket's directory, made (mode 0700) if asked; Unusable unless ours and closed."""
    import stat

    directory = os.path.dirname(path)
    if create:
        os.makedirs(directory, mode=0o700, exist_ok=True)
    try:
        st = os.lstat(directory)
    except OSError as exc:
        raise Unusable(f"{directory}: {exc.strerror}") from None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        raise Unusable(f"{directory}: not a private directory of this user")
    return directory


def _unlink(path: str) -> None:
    import contextlib

    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


# --- a hook call ------------------------------------------------------------------------------


def through_server(argv: list[str]) -> tuple[int | None, list[str]]:
    """Run ``forethought ARGV`` (a hook call) on the warm server.

    ``(exit status, argv)`` once the server answered (its output printed here), else
    ``(None, argv)``: review in this process, with ``argv`` (the time left of the deadline
    where a hand-over failed). Reads the hook input from stdin; ``sys.stdin`` then holds it.
    """
    if not _eligible(argv):
        return None, argv
    answering = [False]  # set once the answer is being printed
    try:
        return _through_server(argv, answering)
    except Exception as exc:  # a fault of the warm path: the call is reviewed in-process
        if answering[0]:  # half an answer printed: refuse the call (exit 2 blocks)
            return 2, argv
        print(f"forethought: not using the review server: {exc!r}", file=sys.stderr)
        return None, argv


def _through_server(argv: list[str], answering: list[bool]) -> tuple[int | None, list[str]]:
    import time

    started = time.monotonic()
    data = _read_stdin()
    if data is None:  # too large to hand over
        return None, argv
    try:
        sock = _connect()
    except Unusable as exc:
        if str(exc):
            print(f"forethought: not using the review server: {exc}", file=sys.stderr)
        elif not os.environ.get("FORETHOUGHT_NO_SERVER_START"):
            start_server()
        return None, argv
    timeout = _timeout(argv)
    try:
        try:
            sock.sendall(_request(argv, data))
        except OSError:  # nothing reached the server: review in-process
            return None, argv
        try:
            sock.settimeout(timeout + GRACE_S)
            code, out, err, timings = _answer(sock)
        except (OSError, EOFError, ValueError) as exc:
            failure = "no answer in time" if isinstance(exc, TimeoutError) else "no answer"
            return _after_failure(f"the review server gave {failure}", argv, timeout, started)
    finally:
        sock.close()
    if code == NOT_RUN:
        return None, argv
    answering[0] = True
    _write(1, out)
    _write(2, err)
    where = os.environ.get("FORETHOUGHT_HOOK_TIMINGS")
    if where:
        _save_timings(where, timings, started)
    return code, argv


def _eligible(argv: list[str]) -> bool:
    if len(argv) < 2 or argv[0] != "hook" or argv[1] not in HARNESSES:
        return False
    if os.environ.get("FORETHOUGHT_NO_SERVER") or "--no-server" in argv:
        return False
    if _NOT_REVIEWS.intersection(argv) or "--no-fork" in argv:
        return False
    import _socket

    return hasattr(_socket, "SO_PEERCRED") and os.path.isdir("/proc/self")  # the peer checks


def _read_stdin() -> bytes | None:
    """The hook input; ``sys.stdin`` then reads it again (for an in-process review). None if
    it is too large to hand over."""
    import io

    chunks = []
    while chunk := os.read(0, 1 << 16):
        chunks.append(chunk)
    data = b"".join(chunks)
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    return data if len(data) <= MAX_MESSAGE // 2 else None


def _connect() -> Socket:
    import _socket

    path = socket_path()
    if not os.path.exists(path):
        raise Unusable("")
    private_directory(path, create=False)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(2.0)
        sock.connect(path)
        why = not_genuine(sock)
    except OSError:  # a stale socket: no server behind it
        sock.close()
        raise Unusable("") from None
    if why:
        sock.close()
        raise Unusable(f"{path}: {why}")
    return sock


def not_genuine(sock: Socket) -> str | None:
    """Why the process at the other end of ``sock`` is not a forethought review server of ours
    (None if it is one)."""
    import _socket

    creds = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)
    pid = int.from_bytes(creds[0:4], sys.byteorder, signed=True)
    uid = int.from_bytes(creds[4:8], sys.byteorder, signed=True)
    if uid != os.getuid():
        return f"run by another user (uid {uid})"
    try:
        exe = os.readlink(f"/proc/{pid}/exe")
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().split(b"\0")[:-1]
        with open(f"/proc/{pid}/environ", "rb") as f:
            environ = f.read().split(b"\0")
    except OSError as exc:
        return f"cannot inspect process {pid}: {exc.strerror}"
    if exe != os.path.realpath(sys.executable):
        return f"process {pid} runs {exe}, not {os.path.realpath(sys.executable)}"
    expected = [os.fsencode(word) for word in server_argv()]
    options = cmdline[len(expected) :]
    if cmdline[: len(expected)] != expected or not (
        options == [] or (len(options) == 2 and options[0] == b"--idle")
    ):
        return f"process {pid} is not a forethought review server"
    if any(variable.startswith(_LOADER_VARIABLES) for variable in environ):
        return f"process {pid} runs with loader or Python variables set"
    return None


def _request(argv: list[str], data: bytes) -> bytes:
    """[length] cwd, umask, argc, argv..., the hook input, then the environment: NUL-separated
    (the hook input is a field of its own, escaped: see ``_escape``)."""
    umask = os.umask(0o022)
    os.umask(umask)
    words = [os.getcwd(), str(umask), str(len(argv)), *argv]
    fields = [os.fsencode(word) for word in words]
    fields.append(_escape(data))
    fields += [key + b"=" + value for key, value in os.environb.items()]
    payload = b"\0".join(fields)
    return len(payload).to_bytes(4, "big") + payload


def _escape(data: bytes) -> bytes:
    return data.replace(b"\x01", b"\x01\x01").replace(b"\0", b"\x01\x02")


def unescape(field: bytes) -> bytes:
    return field.replace(b"\x01\x02", b"\0").replace(b"\x01\x01", b"\x01")


def _answer(sock: Socket) -> tuple[int, bytes, bytes, bytes]:
    """(exit status, stdout, stderr, timings) from the server; ValueError if malformed."""
    head = _receive_exactly(sock, 4)
    code = int.from_bytes(head, "big", signed=True)
    if code == NOT_RUN:
        return code, b"", b"", b""
    parts = []
    for _ in range(3):
        size = int.from_bytes(_receive_exactly(sock, 4), "big")
        if size > MAX_MESSAGE:
            raise ValueError("answer too large")
        parts.append(_receive_exactly(sock, size))
    if not 0 <= code <= 255:
        raise ValueError(f"exit status {code}")
    return code, parts[0], parts[1], parts[2]


def encode_answer(code: int, out: bytes, err: bytes, timings: bytes = b"") -> bytes:
    parts = [code.to_bytes(4, "big", signed=True)]
    for part in (out, err, timings):
        parts += [len(part).to_bytes(4, "big"), part]
    return b"".join(parts)


def _receive_exactly(sock: Socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _timeout(argv: list[str]) -> float:
    value = None
    for i, word in enumerate(argv):
        if word == "--timeout" and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--timeout="):
            value = word.partition("=")[2]
    if value is not None:
        try:
            return max(float(value), 0.1)
        except ValueError:
            pass  # the click run rejects it with its message
    return DEFAULT_TIMEOUT_S


def _after_failure(
    error: str, argv: list[str], timeout: float, started: float
) -> tuple[int | None, list[str]]:
    """The call was handed over but no answer came back: review it in-process in the time
    left, or, with none left, refuse it (exit 2 blocks)."""
    import time

    left = timeout - (time.monotonic() - started)
    if left >= MIN_FALLBACK_S:
        print(f"forethought: {error}; reviewing in-process", file=sys.stderr)
        return None, [*argv, "--timeout", f"{left:.3f}"]
    from forethought.integrations.hook import UNREVIEWED, _record_failure

    print(f"forethought: {UNREVIEWED}: {error}", file=sys.stderr)
    ledger = next((argv[i + 1] for i, w in enumerate(argv[:-1]) if w == "--ledger"), None)
    from forethought.ledger.config import ledger_target

    _record_failure(error, sys.stdin.buffer.read(), ledger_target(ledger) if ledger else None)
    return 2, argv


def _save_timings(where: str, timings: bytes, started: float) -> None:
    """For benchmarks/bench_hook.py: append the call's parts (JSON) to the file ``where``."""
    import time

    client = (time.monotonic() - started) * 1000
    line = b'{"client_ms": %.3f, "server": %s}\n' % (client, timings or b"null")
    fd = os.open(where, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


# --- starting a server on demand ------------------------------------------------------------


def server_env() -> dict[str, str]:
    """The server's environment: this one without loader and Python variables (which the hook
    would refuse to trust it with)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("LD_", "PYTHON"))}


def start_server(idle_s: float | None = None) -> bool:
    """Start a detached server unless one runs, one is starting, or one failed to start in the
    last ``START_EVERY_S`` seconds (a server that cannot start is not retried on every call).
    Returns whether one was started; never raises."""
    try:
        return _start(idle_s)
    except Exception:  # whatever happens, this call is reviewed in-process
        return False


def _start(idle_s: float | None) -> bool:
    import fcntl
    import time

    path = socket_path()
    try:
        private_directory(path, create=True)
    except (Unusable, OSError):
        return False
    lock = os.open(start_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # another hook is starting one, and it has not listened yet
        # A start that has not come to listen (it failed) is not tried again at once.
        tried = os.fstat(lock)
        if tried.st_size and time.time() - tried.st_mtime < START_EVERY_S:
            return False
        if lock_held():  # one runs (it is starting, or its socket was removed)
            return False
        os.write(lock, b"%d\n" % int(time.time()))  # marks the attempt (mtime)
        log = os.open(log_path(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            argv = server_argv() + ([] if idle_s is None else ["--idle", f"{idle_s:g}"])
            os.set_inheritable(lock, True)
            actions = [
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_DUP2, log, 1),
                (os.POSIX_SPAWN_DUP2, log, 2),
            ]
            if lock != 3:  # the server releases fd 3, the start lock, once it listens
                actions.append((os.POSIX_SPAWN_DUP2, lock, 3))
            os.posix_spawn(sys.executable, argv, server_env(), file_actions=actions, setsid=True)
        finally:
            os.close(log)
        return True
    finally:
        os.close(lock)
