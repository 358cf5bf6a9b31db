"""Run the agent's shell commands and Python code inside limits, in bubblewrap where it works.

Every run gets: the workspace as its working directory and HOME; a wall-clock timeout after
which every process the run started is killed; CPU, address-space and process limits (set by
util-linux ``prlimit`` before anything runs, so nothing escapes them by forking early); a
scrubbed environment (nothing from the parent unless allow-listed, never ``FORETHOUGHT_*``);
and each output stream cut to ``Limits.output_bytes`` with a note saying how much was cut.

Where bubblewrap works, the run is also isolated: new user, PID, network, IPC and UTS
namespaces (no network unless asked), a read-only view of the system (``/usr``, ``/etc`` and the
``/bin``, ``/lib*`` links), a private ``/tmp``, only the workspace writable, no capabilities, a
new session (no typing into the caller's terminal), and death with the parent.

forethought's own files are out of the agent's reach wherever they lie in that view, the
workspace included (``--workspace ~`` is common, and holds ``~/.config/forethought``): its
configuration and data directories, ``/etc/forethought``, the policy in force and its signature,
the ledger and the hook settings of the agents it guards are *concealed* (an empty read-only
tmpfs over a directory, ``/dev/null`` over a file), so they can be neither read nor written, by
literal path or by one computed at run time; its package, executable and the Python environment
it runs from are *read-only*. Without bubblewrap nothing can be concealed, so a workspace that
contains any of those files is refused. Without it the
limits still apply, but the command can read and write whatever the user can and reach the
network: a loud warning says so, and ``require_isolation`` (the policy's ``require_sandbox``)
refuses to run at all.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forethought.policy import Policy

log = logging.getLogger(__name__)

SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"
# Files under /etc that hold password hashes; the sandbox sees them empty.
_HIDDEN_ETC = ("shadow", "shadow-", "gshadow", "gshadow-")
# After the command exits, how long to wait for processes it left behind to close its output.
_DRAIN_S = 0.5
_READ_CHUNK = 65536


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run (one shell command or one piece of Python)."""

    timeout_s: float = 30.0
    cpu_s: int = 30
    memory_mb: int = 1024
    output_bytes: int = 20_000  # per stream; the rest is cut with a note saying how much
    processes: int = 256

    def __post_init__(self) -> None:
        for name in ("timeout_s", "cpu_s", "memory_mb", "output_bytes", "processes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive, got {getattr(self, name)!r}")


@dataclass(frozen=True)
class ExecResult:
    """What one run did. ``stdout``/``stderr`` end with a note where they were cut."""

    exit_code: int | None  # None when killed for the timeout
    stdout: str
    stderr: str
    timed_out: bool
    cut_bytes: int  # how much output was cut, both streams together
    elapsed_s: float
    isolation: str  # "bwrap" or "none"

    def observation(self) -> str:
        """What the agent is shown: how the run ended, then its output."""
        if self.timed_out:
            status = (
                f"timed out after {self.elapsed_s:.1f}s; the command and every process it "
                "started were killed"
            )
        else:
            status = f"exit code {self.exit_code}{_signal_note(self.exit_code)}"
        parts = [status]
        if self.stdout:
            parts.append("stdout:\n" + self.stdout.rstrip("\n"))
        if self.stderr:
            parts.append("stderr:\n" + self.stderr.rstrip("\n"))
        if not self.stdout and not self.stderr:
            parts.append("(no output)")
        return "\n".join(parts)


class SandboxUnavailable(Exception):
    """Isolation was required but bubblewrap cannot run here; the message says why."""


def _signal_note(code: int | None) -> str:
    # A shell (and bwrap) reports a child killed by signal N as 128 + N; Python as -N.
    if code is None or not (code < 0 or 128 < code < 128 + 65):
        return ""
    number = -code if code < 0 else code - 128
    try:
        name = signal.Signals(number).name
    except ValueError:
        return ""
    why = {
        "SIGXCPU": ": the CPU time limit was reached",
        "SIGKILL": ": killed, often by the CPU time limit",
        "SIGSEGV": ": crashed, possibly out of memory under the memory limit",
    }.get(name, "")
    return f" (killed by {name}{why})"


# --------------------------------------------------------------------------------------------
# Isolation
# --------------------------------------------------------------------------------------------


def _system_mounts() -> list[str]:
    """A read-only view of the system: /usr, /etc and the /bin, /sbin, /lib* links or dirs."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/", name)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    args += ["--ro-bind", "/etc", "/etc"]
    for name in _HIDDEN_ETC:
        if Path("/etc", name).exists():
            args += ["--ro-bind", "/dev/null", f"/etc/{name}"]
    return args


def bwrap_arguments(
    bwrap: str, workspace: Path, *, network: bool = False, masks: Sequence[str] = ()
) -> list[str]:
    """The bubblewrap command line (up to ``--``) that isolates a run in ``workspace``;
    ``masks`` (from :meth:`OwnFiles.masks`) go last, over what the earlier mounts show."""
    args = [
        bwrap,
        "--unshare-all",
        "--unshare-user",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        "--hostname",
        "sandbox",
        *_system_mounts(),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
        "--tmpfs",
        "/var/tmp",
        "--bind",
        str(workspace),
        str(workspace),
        *masks,
        "--chdir",
        str(workspace),
    ]
    if network:
        args.append("--share-net")
    return [*args, "--"]


# --------------------------------------------------------------------------------------------
# forethought's own files
# --------------------------------------------------------------------------------------------

# The agent hooks' settings files under a home directory (see review/self_protection.py).
_HOOK_SETTINGS = (
    ".claude/settings.json",
    ".claude/settings.local.json",
    ".gemini/settings.json",
    ".codex/config.toml",
    ".codex/hooks.json",
)
_LEDGER_SUFFIXES = ("", "-wal", "-shm", "-journal")


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


@dataclass(frozen=True)
class OwnFiles:
    """forethought's own files, as the sandbox treats them.

    ``conceal``: neither readable nor writable inside (policy, signature, keys, configuration
    and data directories, ledger, hook settings). ``conceal_dirs``: directories concealed even
    while they do not exist yet (an empty one is made to mount over, so that the agent cannot
    create, say, ``~/.config/forethought/policy.toml`` for the next run to load).
    ``read_only``: readable, never writable (package, executable, the Python environment).
    """

    conceal: tuple[Path, ...] = ()
    conceal_dirs: tuple[Path, ...] = ()
    read_only: tuple[Path, ...] = ()
    # read-only directories made (empty) when missing, so nothing can be planted there
    read_only_dirs: tuple[Path, ...] = ()

    @classmethod
    def of_gate(
        cls,
        *,
        policy_source: str | Path | None = None,
        ledger: str | Path | None = None,
        extra_conceal: Sequence[str | Path] = (),
        extra_read_only: Sequence[str | Path] = (),
    ) -> OwnFiles:
        """The built-in set (see the module docstring) plus this gate's policy and ledger."""
        import platformdirs

        from forethought import signing
        from forethought.ledger.config import default_ledger_path, ledger_file

        dirs = [
            signing.SYSTEM_CONFIG_DIR,
            signing.user_config_dir(),
            platformdirs.user_data_path("forethought"),
        ]
        files: list[Path] = []
        home = Path(os.path.expanduser("~"))
        files += [home / name for name in _HOOK_SETTINGS]
        for chosen in (ledger_file(ledger), default_ledger_path()):  # a database has no file
            if chosen is not None:
                files += [Path(f"{chosen}{s}") for s in _LEDGER_SUFFIXES]
        if policy_source is not None and not str(policy_source).startswith("<"):
            source = Path(policy_source).expanduser()
            files += [source, signing.signature_path(source)]
        files += [Path(p).expanduser() for p in extra_conceal]
        read_only = [Path(__file__).parents[1], *_environment_dirs()]  # the package
        for exe in (shutil.which("forethought"), sys.argv[0] if sys.argv else None):
            if exe and Path(exe).name.startswith("forethought") and Path(exe).is_file():
                read_only.append(Path(exe))
        read_only += [Path(p).expanduser() for p in extra_read_only]
        return cls(tuple(files), tuple(dirs), tuple(read_only), tuple(_user_site()))

    def masks(self, workspace: Path, visible: Sequence[Path]) -> list[str]:
        """bubblewrap arguments that conceal and protect these files where the sandbox would
        show them: under the workspace or a read-only system mount in ``visible``.

        A mount point cannot be renamed or removed, but the directory above it can be renamed
        with it inside (``mv ~/.config x`` would take ``~/.config/forethought`` along, and the
        agent could then plant a new one). So every directory between the workspace and one of
        these files is bound onto itself (a mount point too, still writable), and a concealed
        directory that does not exist yet is made, empty, on the host first.
        """
        roots = [workspace, *visible]

        def shown(path: Path) -> bool:
            return any(_under(path, root) for root in roots)

        for path in map(_real, self.read_only_dirs):
            if _under(path, workspace) and not path.exists():
                with contextlib.suppress(OSError):
                    path.mkdir(mode=0o700, parents=True, exist_ok=True)
        every = (*self.read_only, *self.read_only_dirs)
        read_only = sorted({_real(p) for p in every}, key=lambda p: len(p.parts))
        kept: list[Path] = []  # read-only trees: nothing in them can be renamed anyway
        for path in read_only:
            if _under(path, workspace) and path.exists() and not any(_under(path, k) for k in kept):
                kept.append(path)
        # the hook settings of a project in the workspace route its agents through the gate too
        in_workspace = [workspace / name for name in _HOOK_SETTINGS]
        wanted = {_real(p): True for p in self.conceal_dirs} | {
            _real(p): False for p in (*self.conceal, *in_workspace)
        }
        concealed: list[Path] = []  # directories already hidden: nothing below needs a mount
        hide: list[str] = []
        targets: list[Path] = []
        for path in sorted(wanted, key=lambda p: len(p.parts)):
            if not shown(path) or any(_under(path, c) for c in concealed):
                continue
            if not path.exists() and wanted[path] and _under(path, workspace):
                if any(_under(path, k) for k in kept):
                    continue
                with contextlib.suppress(OSError):  # bubblewrap would make it anyway
                    path.mkdir(mode=0o700, parents=True, exist_ok=True)
            if path.is_dir():
                concealed.append(path)
                targets.append(path)
                hide += ["--tmpfs", str(path), "--remount-ro", str(path)]
            elif path.exists():
                targets.append(path)
                hide += ["--ro-bind", "/dev/null", str(path)]
        pinned: set[Path] = set()
        for path in (*kept, *targets):
            if _under(path, workspace):
                pinned.update(a for a in path.parents if workspace in a.parents)
        pins = sorted(
            (a for a in pinned if a.is_dir() and not any(_under(a, k) for k in kept)),
            key=lambda p: len(p.parts),
        )
        args: list[str] = []
        for path in pins:
            args += ["--bind", str(path), str(path)]
        for path in kept:
            args += ["--ro-bind", str(path), str(path)]
        return args + hide

    def inside(self, workspace: Path) -> list[Path]:
        """The concealed files and directories that exist inside ``workspace``."""
        every = [*self.conceal_dirs, *self.conceal]
        return [p for p in map(_real, every) if _under(p, workspace) and p.exists()]

    def conceals(self, path: Path) -> bool:
        """Whether ``path`` (resolved) is, or lies inside, a concealed file or directory."""
        real = _real(path)
        return any(_under(real, _real(p)) for p in (*self.conceal_dirs, *self.conceal))

    def protects(self, path: Path) -> bool:
        """Whether ``path`` is concealed or read-only to the agent."""
        real = _real(path)
        return self.conceals(path) or any(_under(real, _real(p)) for p in self.read_only)


def gate_files(policy: Policy, ledger: Path | str | None) -> OwnFiles:
    """The files of a gate running ``policy`` and recording in ``ledger``: the built-in set, the
    policy file and its signature, the ledger, the learned reviewer's weights (concealed) and
    the policy's ``paths.protected`` (read-only)."""
    from forethought.review.registry import classifier_path

    model_file = classifier_path(policy)
    return OwnFiles.of_gate(
        policy_source=policy.source,
        ledger=ledger,
        extra_conceal=[model_file] if model_file is not None else [],
        extra_read_only=policy.paths.protected,
    )


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _environment_dirs() -> list[Path]:
    """Where the Python running forethought keeps its packages and scripts: code there runs in
    the gate's own process (a ``.pth`` file, a changed dependency)."""
    import sysconfig

    names = ("purelib", "platlib", "scripts")
    paths = sysconfig.get_paths()
    return [Path(paths[n]) for n in names if n in paths]


def _user_site() -> list[Path]:
    """The user site-packages of the gate's Python, where it reads one: a usercustomize.py or
    .pth file there would run in the gate's own process."""
    import site

    return [Path(site.getusersitepackages())] if site.ENABLE_USER_SITE else []


def _visible_system() -> list[Path]:
    """The host paths the sandbox shows read-only (see :func:`_system_mounts`)."""
    shown = [Path("/usr"), Path("/etc")]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/", name)
        if path.is_dir() and not path.is_symlink():
            shown.append(path)
    return shown


@functools.cache
def bwrap_problem() -> str | None:
    """None when bubblewrap can isolate a command here, else one line saying why it cannot."""
    if not sys.platform.startswith("linux"):
        return f"bubblewrap needs Linux (this is {sys.platform})"
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap is not installed (no bwrap on PATH; Debian/Ubuntu package bubblewrap)"
    probe = [*bwrap_arguments(bwrap, Path("/tmp")), "true"]
    try:
        done = subprocess.run(
            probe, capture_output=True, timeout=20, env={"PATH": SAFE_PATH}, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap ({bwrap}) could not be started: {exc}"
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = lines[0] if lines else f"exit code {done.returncode}"
        return f"bubblewrap ({bwrap}) cannot create a sandbox here: {why}"
    return None


_warned = False


def _warn_unisolated(reason: str) -> None:
    global _warned
    if _warned:
        return
    _warned = True
    message = (
        f"forethought sandbox: NO ISOLATION: {reason}. Commands run with time, CPU, memory "
        "and process limits only: they can read and write anything this user can and reach "
        "the network. Install bubblewrap, or set require_sandbox = true in the policy to "
        "refuse to run without it."
    )
    log.warning(message)
    warnings.warn(message, RuntimeWarning, stacklevel=3)


# --------------------------------------------------------------------------------------------
# Limits and environment
# --------------------------------------------------------------------------------------------


def _tasks_of_this_user() -> int:
    """Threads this user already runs: RLIMIT_NPROC counts all of them, not just the run's."""
    uid, total = os.getuid(), 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid == uid:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    # num_threads is field 20; field 2 (the name) may contain spaces.
                    total += int(f.read().rsplit(b")", 1)[1].split()[17])
        except (OSError, ValueError, IndexError):
            continue
    return total


def _rlimits(limits: Limits) -> list[tuple[str, int, int]]:
    """(prlimit option, soft, hard) for one run."""
    memory = limits.memory_mb * 1024 * 1024
    processes = limits.processes
    if os.getuid() != 0 and sys.platform.startswith("linux"):
        # The kernel counts every process of the user (and never limits root), so the cap is
        # what the user runs already plus the run's allowance.
        processes += _tasks_of_this_user()
    return [
        ("cpu", limits.cpu_s, limits.cpu_s + 1),  # SIGXCPU first, SIGKILL a second later
        ("as", memory, memory),
        ("nproc", processes, processes),
        ("core", 0, 0),
    ]


def _limit_prefix(limits: Limits) -> tuple[list[str], list[tuple[int, int, int]]]:
    """A ``prlimit`` command prefix where util-linux has one, else rlimits for preexec_fn."""
    rlimits = _rlimits(limits)
    prlimit = shutil.which("prlimit")
    if prlimit is not None:
        return [prlimit, *(f"--{name}={soft}:{hard}" for name, soft, hard in rlimits), "--"], []
    import resource

    ids = {"cpu": resource.RLIMIT_CPU, "as": resource.RLIMIT_AS, "core": resource.RLIMIT_CORE}
    if hasattr(resource, "RLIMIT_NPROC"):
        ids["nproc"] = resource.RLIMIT_NPROC
    return [], [(ids[name], soft, hard) for name, soft, hard in rlimits if name in ids]


def scrubbed_environment(workspace: Path, allow: Sequence[str] = ()) -> dict[str, str]:
    """A minimal environment; ``allow`` names parent variables to pass on (never FORETHOUGHT_*)."""
    env = {
        "PATH": SAFE_PATH,
        "HOME": str(workspace),
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "TERM": "dumb",
        "PYTHONUNBUFFERED": "1",  # so output written before a timeout is not lost in a buffer
    }
    for name in allow:
        if name in os.environ and not name.upper().startswith("FORETHOUGHT"):
            env[name] = os.environ[name]
    return env


# --------------------------------------------------------------------------------------------
# The sandbox
# --------------------------------------------------------------------------------------------


class Sandbox:
    """Runs commands in ``workspace`` under ``limits``; ``isolation`` says how well."""

    def __init__(
        self,
        workspace: Path,
        limits: Limits = Limits(),
        *,
        require_isolation: bool = False,
        network: bool = False,
        env_allow: Sequence[str] = (),
        python: str = "python3",
        own_files: OwnFiles | None = None,
    ) -> None:
        workspace = Path(workspace).expanduser()
        if workspace.exists() and not workspace.is_dir():
            raise ValueError(f"sandbox workspace {workspace} exists and is not a directory")
        workspace.mkdir(parents=True, exist_ok=True)
        self.workspace = workspace.resolve()
        self.limits = limits
        self.network = network
        self.python = python
        self.env = scrubbed_environment(self.workspace, env_allow)
        self.own_files = own_files if own_files is not None else OwnFiles.of_gate()
        if self.own_files.conceals(self.workspace):
            raise ValueError(
                f"sandbox workspace {self.workspace} is inside forethought's own files; "
                "choose another workspace"
            )
        problem = bwrap_problem()
        if problem is None:
            self.isolation = "bwrap"
        elif require_isolation:
            raise SandboxUnavailable(f"the policy requires a sandbox, but {problem}")
        else:
            inside = self.own_files.inside(self.workspace)
            if inside:
                raise ValueError(
                    f"sandbox workspace {self.workspace} contains forethought's own {inside[0]}, "
                    f"and without isolation ({problem}) it cannot be hidden from the agent; "
                    "choose a workspace that does not contain it"
                )
            self.isolation = "none"
            _warn_unisolated(problem)

    def run_shell(self, command: str, *, timeout_s: float | None = None) -> ExecResult:
        return self._run(["/bin/sh", "-c", command], None, timeout_s)

    def run_python(self, code: str, *, timeout_s: float | None = None) -> ExecResult:
        # The code goes in on stdin: no argument-length limit, nothing left in the workspace.
        return self._run([self.python, "-"], code.encode("utf-8"), timeout_s)

    def _argv(self, argv: list[str]) -> tuple[list[str], list[tuple[int, int, int]]]:
        prefix, rlimits = _limit_prefix(self.limits)
        if self.isolation == "bwrap":
            bwrap = shutil.which("bwrap") or "bwrap"
            masks = self.own_files.masks(self.workspace, _visible_system())
            prefix += bwrap_arguments(bwrap, self.workspace, network=self.network, masks=masks)
        return prefix + argv, rlimits

    def _run(self, argv: list[str], stdin: bytes | None, timeout_s: float | None) -> ExecResult:
        full, rlimits = self._argv(argv)
        timeout = self.limits.timeout_s if timeout_s is None else timeout_s
        start = time.monotonic()
        proc = subprocess.Popen(
            full,
            cwd=self.workspace,
            env=self.env,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, which the timeout kills whole
            preexec_fn=functools.partial(_apply_rlimits, rlimits) if rlimits else None,
        )
        try:
            out, err, timed_out = _pump(proc, stdin, self.limits.output_bytes, start + timeout)
        finally:
            _kill_group(proc)
            proc.wait()
        elapsed = time.monotonic() - start
        stdout, cut_out = out.text("stdout")
        stderr, cut_err = err.text("stderr")
        return ExecResult(
            exit_code=None if timed_out else proc.returncode,
            stdout=stdout,
            stderr=stderr,
            timed_out=timed_out,
            cut_bytes=cut_out + cut_err,
            elapsed_s=round(elapsed, 3),
            isolation=self.isolation,
        )


def _apply_rlimits(rlimits: list[tuple[int, int, int]]) -> None:
    import resource

    for which, soft, hard in rlimits:
        resource.setrlimit(which, (soft, hard))


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


class _Capped:
    """The first ``cap`` bytes of a stream, and a count of the rest."""

    def __init__(self, cap: int) -> None:
        self.cap, self.kept, self.cut = cap, bytearray(), 0

    def add(self, chunk: bytes) -> None:
        room = self.cap - len(self.kept)
        self.kept += chunk[: max(room, 0)]
        self.cut += max(len(chunk) - room, 0)

    def text(self, stream: str) -> tuple[str, int]:
        text = self.kept.decode("utf-8", "replace")
        if self.cut:
            text += f"\n[... {self.cut:,} more bytes of {stream} cut]"
        return text, self.cut


def _pump(
    proc: subprocess.Popen[bytes], stdin: bytes | None, cap: int, deadline: float
) -> tuple[_Capped, _Capped, bool]:
    """Feed stdin and read both outputs until they close, the command ends or time runs out."""
    assert proc.stdout is not None and proc.stderr is not None
    out, err = _Capped(cap), _Capped(cap)
    sinks = {proc.stdout.fileno(): out, proc.stderr.fileno(): err}
    pending = memoryview(stdin or b"")
    with selectors.DefaultSelector() as sel:
        for f in (proc.stdout, proc.stderr):
            sel.register(f, selectors.EVENT_READ)
        if proc.stdin is not None:
            os.set_blocking(proc.stdin.fileno(), False)
            sel.register(proc.stdin, selectors.EVENT_WRITE)
        exited_at: float | None = None
        while sel.get_map():
            now = time.monotonic()
            if now >= deadline:
                return out, err, True
            if exited_at is None and proc.poll() is not None:
                # The command is done; whatever it left running in its group goes with it.
                exited_at = now
                _kill_group(proc)
            if exited_at is not None and now - exited_at > _DRAIN_S:
                break
            for key, _ in sel.select(timeout=min(deadline - now, 0.05)):
                if key.fileobj is proc.stdin:
                    pending = _feed(proc, sel, pending)
                    continue
                chunk = os.read(key.fd, _READ_CHUNK)
                if chunk:
                    sinks[key.fd].add(chunk)
                else:
                    sel.unregister(key.fileobj)
    if proc.poll() is None:  # it closed its output but is still running
        try:
            proc.wait(timeout=max(deadline - time.monotonic(), 0))
        except subprocess.TimeoutExpired:
            return out, err, True
    return out, err, False


def _feed(
    proc: subprocess.Popen[bytes], sel: selectors.BaseSelector, data: memoryview
) -> memoryview:
    assert proc.stdin is not None
    try:
        written = os.write(proc.stdin.fileno(), data[:_READ_CHUNK]) if data else 0
    except BlockingIOError:
        return data
    except BrokenPipeError:  # the command stopped reading; the rest is of no use to it
        written = len(data)
    data = data[written:]
    if not data:
        sel.unregister(proc.stdin)
        proc.stdin.close()
    return data
