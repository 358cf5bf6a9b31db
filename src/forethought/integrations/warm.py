"""The client side of the warm review server: hand a hook call to it, or say it cannot.

A hook call pays for Python's start on every tool call; importing the reviewers and compiling
their rules costs several times more. ``forethought serve`` keeps a process with all of that
done (``forethought.integrations.review_server``); this module, which imports nothing but the
standard library, passes it the hook call: the command line, environment, working directory,
umask and the standard streams themselves. The server runs exactly the command the user ran,
in a fresh fork, so its answer is the one the in-process review would give.

``run_on_server`` returns None whenever the server cannot be used *before* the call was handed
over (none running, not ours, out of date): the caller then reviews in-process, as without a
server. Once the call is handed over, any failure (the server dies, hangs past the deadline,
answers garbage) refuses the call: exit status 2, which every supported harness reads as a
block.

Which process may answer: only one listening on the socket in the user's runtime directory
(a directory of ours with mode 0700, the socket 0600), run by the same user, by this very
Python, with exactly the command line ``python -I -m forethought.integrations.review_server``
(isolated: no PYTHONPATH, no user site, not the working directory) and no dynamic-linker
variables in its environment. See the server's docstring for what that does and does not
protect against.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import sys
import zlib

SERVER_MODULE = "forethought.integrations.review_server"
# The first line a server that started prints on stderr (then the socket's path and its pid).
READY = "forethought: review server ready on"
# The review's deadline unless --timeout says otherwise (the hook runner's default).
DEFAULT_TIMEOUT_S = 20.0
# How much longer than the review's own deadline the client waits for the server to answer.
GRACE_S = 10.0
# The server's answer when it will not run the call (out of date): review in-process instead.
NOT_RUN = -1
_CODE = struct.Struct("!i")
_LENGTH = struct.Struct("!I")
# Environment variables that change what code a process runs without changing its command line.
_LOADER_VARIABLES = (b"LD_PRELOAD=", b"LD_LIBRARY_PATH=", b"LD_AUDIT=", b"PYTHON")


class Unusable(Exception):
    """The server cannot take this call; nothing was handed over."""


def server_argv() -> list[str]:
    """The exact command line of a genuine server for this Python and this forethought."""
    return [sys.executable, "-I", "-m", SERVER_MODULE]


def socket_path() -> str:
    """The socket of this user's server for this Python and this installation of forethought.

    In ``$XDG_RUNTIME_DIR/forethought`` (else ``/tmp/forethought-UID``); a directory that is not
    ours or is open to others is never used.
    """
    import forethought

    runtime = os.environ.get("XDG_RUNTIME_DIR") or ""
    directory = (
        os.path.join(runtime, "forethought")
        if os.path.isabs(runtime)
        else f"/tmp/forethought-{os.getuid()}"
    )
    install = f"{sys.executable}\0{os.path.dirname(os.path.abspath(forethought.__file__))}"
    return os.path.join(directory, f"review-{zlib.crc32(install.encode()):08x}.sock")


def pid_path() -> str:
    """The file where the server writes its own pid (beside its socket)."""
    return socket_path().removesuffix(".sock") + ".pid"


def lock_path() -> str:
    """The file the running server holds an exclusive lock on for as long as it lives."""
    return socket_path() + ".lock"


def write_pid(pid: int) -> None:
    """Write ``pid`` to the pid file, whole or not at all (only a server holding the lock)."""
    path = pid_path()
    partial = f"{path}.{pid}.tmp"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(f"{pid}\n")
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
    with contextlib.suppress(FileNotFoundError):
        os.unlink(pid_path())
    return "stale", pid


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
    directory = os.path.dirname(path)
    if create:
        os.makedirs(directory, mode=0o700, exist_ok=True)
    try:
        st = os.lstat(directory)
    except OSError as exc:
        raise Unusable(f"{directory}: {exc.strerror}") from None
    if not _is_dir(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        raise Unusable(f"{directory}: not a private directory of this user")
    return directory


def _is_dir(mode: int) -> bool:
    import stat

    return stat.S_ISDIR(mode)


def run_on_server(argv: list[str]) -> int | None:
    """Run ``forethought ARGV`` (a hook call) on the warm server; its exit status, or None."""
    if not _eligible(argv):
        return None
    try:
        sock = _connect()
    except Unusable as exc:
        if str(exc):
            print(f"forethought: not using the review server: {exc}", file=sys.stderr)
        return None
    with sock:
        try:
            _send(sock, argv)
        except OSError:  # nothing reached the server: review in-process
            return None
        deadline = _timeout(argv) + GRACE_S
        try:
            sock.settimeout(deadline)
            code = _CODE.unpack(_receive_exactly(sock, _CODE.size))[0]
        except (OSError, EOFError) as exc:
            reason = "no answer in time" if isinstance(exc, TimeoutError) else "no answer"
            return _refuse(f"the review server gave {reason}", argv)
    return None if code == NOT_RUN else code


def _eligible(argv: list[str]) -> bool:
    if argv[:1] != ["hook"] or len(argv) < 2 or not hasattr(socket, "SO_PEERCRED"):
        return False
    # --install writes the harness's settings with this program's path: run it here.
    return "--install" not in argv and not os.environ.get("FORETHOUGHT_NO_SERVER")


def _connect() -> socket.socket:
    path = socket_path()
    if not os.path.exists(path):
        raise Unusable("")
    private_directory(path, create=False)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
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


def not_genuine(sock: socket.socket) -> str | None:
    """Why the process at the other end of ``sock`` is not a forethought review server of ours
    (None if it is one)."""
    pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
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
    if cmdline[: len(expected)] != expected or options[:1] not in ([], [b"--idle"]):
        return f"process {pid} is not a forethought review server"
    if any(variable.startswith(_LOADER_VARIABLES) for variable in environ):
        return f"process {pid} runs with loader or Python variables set"
    return None


def _send(sock: socket.socket, argv: list[str]) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    words = [os.getcwd(), str(umask), str(len(argv)), *argv]
    fields = [os.fsencode(word) for word in words] + [
        key + b"=" + value for key, value in os.environb.items()
    ]
    payload = b"\0".join(fields)
    message = _LENGTH.pack(len(payload)) + payload
    sent = socket.send_fds(sock, [message], [0, 1, 2])
    sock.sendall(message[sent:])


def _receive_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _timeout(argv: list[str]) -> float:
    for i, word in enumerate(argv):
        value = argv[i + 1] if word == "--timeout" and i + 1 < len(argv) else None
        if word.startswith("--timeout="):
            value = word.partition("=")[2]
        if value is not None:
            try:
                return float(value)
            except ValueError:
                return DEFAULT_TIMEOUT_S  # the server's click run rejects it with its message
    return DEFAULT_TIMEOUT_S


def _refuse(error: str, argv: list[str]) -> int:
    """The call was handed over but no answer came back: refuse it (exit 2 blocks)."""
    from forethought.integrations.hook import UNREVIEWED, _record_failure

    print(f"forethought: {UNREVIEWED}: {error}", file=sys.stderr)
    ledger = next((argv[i + 1] for i, w in enumerate(argv[:-1]) if w == "--ledger"), None)
    from forethought.ledger.config import ledger_target

    _record_failure(error, b"", ledger_target(ledger) if ledger else None)
    return 2
