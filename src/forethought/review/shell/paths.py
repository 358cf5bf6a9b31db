"""What a path in a shell command is: how far deleting it reaches, and what it holds.

What is sensitive (secrets, startup files, cron, sudoers, account files, logs, security
configuration, raw disks) is looked up in the one catalogue every reviewer shares,
``forethought.review.paths``; the functions below are the shell rules' names for those look-ups.
What stays here is the shell's own view: ``scope_of`` (how much an ``rm``, ``chmod -R`` or
overwrite takes with it) and its directory lists.
"""

from __future__ import annotations

import functools
import re
from enum import IntEnum

from forethought.review.paths import CRITICAL_DIRS, HOME_DIRS, SensitivePath, find, worst
from forethought.review.paths import normalise as _normalise

_HOME = r"(?:~[^/]*|\$\{?HOME\}?|" + HOME_DIRS + ")"
_HOME_ROOT = re.compile(_HOME + r"/?")
_IN_HOME = re.compile(_HOME + r"/")
_HOME_DOTFILE = re.compile(_HOME + r"/\.[^/]")
_GIT_DIR = re.compile(r"(?:^|/)\.git/?$")
_SYSTEM_PREFIXES = (
    "/etc/",
    "/boot/",
    "/bin/",
    "/sbin/",
    "/lib/",
    "/lib32/",
    "/lib64/",
    "/usr/",
    "/sys/",
    "/proc/",
    "/System/",
    "/Library/",
    "/private/etc/",
    "/efi/",
    "/dev/",
)
# Where administrators install their own software: not the operating system's files.
_ADMIN_PREFIXES = ("/usr/local/", "/usr/src/", "/opt/")
_TMP_PREFIXES = ("/tmp/", "/var/tmp/", "/dev/shm/", "/private/tmp/", "/tmp", "/var/tmp")

# Caches anything may delete: they are rebuilt on demand.
_CACHE = re.compile(
    _HOME + r"/(?:\.cache|\.npm|\.node-gyp|\.yarn/cache|\.gradle/caches|\.m2/repository|"
    r"\.cargo/registry|\.pnpm-store|Library/Caches|\.local/share/Trash|\.thumbnails)(?:/|$)|"
    r"(?:^|/)__pycache__(?:/|$)"
)


class Scope(IntEnum):
    """How much a deletion or overwrite of a path takes with it, in increasing order."""

    LOCAL = 0  # a relative path or something under /tmp
    UNKNOWN = 1  # depends on a variable the reviewer cannot see
    ABSOLUTE = 2  # somewhere else on the file system
    HOME_PART = 3  # inside a home directory
    CWD_ALL = 4  # everything in the current directory (*, .)
    PARENT = 5  # the parent directory (..)
    USER_CONFIG = 6  # dotfiles and dot-directories in a home directory
    SYSTEM_FILE = 7  # inside /etc, /usr, /boot...
    SYSTEM = 8  # the root, a system directory or a whole home directory


def normalise(path: str, cwd: str | None = None) -> str:
    """``path`` as the shell will see it, resolved against ``cwd``: ``~`` and variables are
    kept as written (the shared ``normalise`` with ``symbolic=True``)."""
    return _normalise(path, cwd, symbolic=True)


# Directories whose recursive chmod/chown breaks the operating system.
_OS_ROOTS = frozenset(
    {
        "/",
        "/etc",
        "/usr",
        "/bin",
        "/sbin",
        "/lib",
        "/lib32",
        "/lib64",
        "/boot",
        "/var",
        "/sys",
        "/proc",
        "/dev",
        "/home",
        "/Users",
        "/System",
        "/Library",
        "/usr/bin",
        "/usr/lib",
        "/usr/sbin",
        "/usr/share",
        "/var/lib",
        "/root",
        "/private",
    }
)


def is_os_root(raw: str, cwd: str | None = None) -> bool:
    path = normalise(raw, cwd)
    if path in ("/*", "/.*"):
        return True
    base = path[:-2] if path.endswith("/*") else path
    return base in _OS_ROOTS


def is_home_root(path: str) -> bool:
    base = path[:-2] if path.endswith("/*") else path
    base = base[:-3] if base.endswith("/.*") else base
    return bool(_HOME_ROOT.fullmatch(base)) or base in ("/home/*", "/Users/*")


@functools.lru_cache(maxsize=8192)
def scope_of(raw: str, cwd: str | None = None) -> Scope:
    """How far the loss of ``raw`` reaches."""
    path = normalise(raw, cwd)
    if not path:
        return Scope.LOCAL
    base = path[:-2] if path.endswith("/*") else path
    base = base[:-3] if base.endswith("/.*") else base
    if path in ("/*", "/.*") or base in CRITICAL_DIRS or is_home_root(path):
        return Scope.SYSTEM
    if path == "--no-preserve-root":
        return Scope.SYSTEM
    if path.startswith(_SYSTEM_PREFIXES) and not path.startswith(_ADMIN_PREFIXES):
        return Scope.SYSTEM_FILE
    if _CACHE.search(path):
        return Scope.LOCAL
    if _GIT_DIR.search(path):
        return Scope.CWD_ALL  # the repository's whole history
    if _HOME_DOTFILE.match(path) or path.startswith((".ssh", ".gnupg")):
        return Scope.USER_CONFIG
    if path in ("..", "../", "../*", "../..") or path.startswith("../.."):
        return Scope.PARENT
    if path.startswith("../"):
        return Scope.ABSOLUTE  # (beside the project, or the project itself: outside it)
    if path in (".", "./", "*", "./*", ".*", "./.*"):
        return Scope.CWD_ALL
    if _IN_HOME.match(path):
        return Scope.HOME_PART
    if path.startswith(_TMP_PREFIXES):
        return Scope.LOCAL
    if path.startswith("$") or "$" in path.split("/")[0]:
        return Scope.UNKNOWN
    if path.startswith("/"):
        return Scope.ABSOLUTE
    return Scope.LOCAL


def is_system_path(raw: str, cwd: str | None = None) -> bool:
    return scope_of(raw, cwd) >= Scope.SYSTEM_FILE


# --------------------------------------------------------------------------------------------
# Look-ups in the shared catalogue
# --------------------------------------------------------------------------------------------

_SERIOUS = ("high", "critical")
# Secrets the shell reviewer rates high although the catalogue (and so the file reviewer, whose
# tests pin it) rates them moderate: what a command prints lands in the agent's transcript.
_HIGH_FOR_SHELL = frozenset({"history", "environ"})


def secret_kind(raw: str, cwd: str | None = None) -> tuple[str, bool] | None:
    """(what kind of secret, whether it is a high-value one), or None for an ordinary path."""
    entry = worst(raw, "secret", cwd, loose=True)
    if entry is None:
        return None
    return entry.label, entry.severity in _SERIOUS or entry.name in _HIGH_FOR_SHELL


def is_history_file(raw: str) -> bool:
    return find(raw, "history", loose=True) is not None


def persistence_entry(raw: str, cwd: str | None = None) -> SensitivePath | None:
    """The catalogue entry of a place where what is written runs again later (a startup file,
    cron, a service, a git hook...); the milder ones (a user's editor configuration) are not
    counted."""
    entry = worst(raw, "persistence", cwd, loose=True)
    return entry if entry is not None and entry.severity in _SERIOUS else None


def persistence_kind(raw: str, cwd: str | None = None) -> str | None:
    entry = persistence_entry(raw, cwd)
    return None if entry is None else entry.label


def is_privilege_file(raw: str, cwd: str | None = None) -> bool:
    return find(raw, "sudo", cwd, loose=True) is not None


def is_preload_file(raw: str, cwd: str | None = None) -> bool:
    return find(raw, "preload", cwd, loose=True) is not None


def is_account_file(raw: str, cwd: str | None = None) -> bool:
    return find(raw, "accounts", cwd, loose=True) is not None


def is_log(raw: str, cwd: str | None = None) -> bool:
    return find(raw, "logs", cwd, loose=True) is not None


# The logs the system keeps of logins, privileges and its own services: not any program's own.
_SYSTEM_LOG = re.compile(
    r"(?:^|/)(?:wtmp|btmp|lastlog|utmp|faillog|auth\.log|syslog|secure|messages|audit\.log|"
    r"kern\.log|daemon\.log|dmesg|boot\.log|cron|cron\.log|maillog|mail\.\w+|user\.log|"
    r"sudo\.log|dpkg\.log|history\.log|term\.log)(?:[.-]\d+)?(?:\.gz)?$"
)
_SYSTEM_LOG_DIRS = ("/var/log/audit/", "/var/log/journal/", "/var/log/apt/", "/var/log/installer/")
# Programs that write what they are given, not output of their own.
_NO_OUTPUT_OF_THEIR_OWN = frozenset(
    {"echo", "printf", "cat", "true", ":", "cp", "dd", "truncate", "head", "tail", "yes", "tee"}
)


def own_log(program: str, raw: str, cwd: str | None = None) -> bool:
    """Whether ``raw`` is a log under /var/log named for ``program``, which writes its output
    there (``etcdctl snapshot save ... > /var/log/etcd-backup.log`` in a cron job): a word of
    the log file's name of four letters or more begins the program's name, or the name begins it;
    not one of the system's own logs, and not a program that only copies what it is given."""
    path = _normalise(raw, cwd)
    base = program.rsplit("/", 1)[-1].lower()
    if (
        not path.startswith("/var/log/")
        or path.startswith(_SYSTEM_LOG_DIRS)
        or _SYSTEM_LOG.search(path)
        or base in _NO_OUTPUT_OF_THEIR_OWN
        or len(base) < 3
    ):
        return False
    # (the file's own name: a daemon's directory holds its records, /var/log/nginx/access.log)
    words = re.findall(r"[a-z][a-z0-9]*", path.rsplit("/", 1)[-1].lower())
    return any(len(w) >= 4 and (base.startswith(w) or w.startswith(base)) for w in words)


def is_security_config(raw: str, cwd: str | None = None) -> bool:
    return find(raw, "security_config", cwd, loose=True) is not None


def is_device(path: str) -> bool:
    """A raw disk or memory device (``/dev/sda``, ``/dev/nvme0n1p1``, ``/dev/mem``...)."""
    return find(path, "raw_disk", loose=True) is not None


_SYSCTL_FILE = re.compile(r"^(?:/etc/sysctl\.conf|/etc/sysctl\.d/[^/]+|/usr/lib/sysctl\.d/[^/]+)$")
_SETTING = re.compile(r"^\s*-?\s*([\w.*/-]+)\s*=", re.MULTILINE)
# Kernel settings that harden the system (the same keys as sysctl's entry in programs.toml);
# the rest (vm.overcommit_memory, vm.max_map_count, net.core.somaxconn, fs.inotify.*) tune it.
_HARDENING = re.compile(
    r"^(?:kernel\.(?:randomize_va_space|yama\.ptrace_scope|kptr_restrict|dmesg_restrict|"
    r"modules_disabled|perf_event_paranoid|unprivileged_\w+|kexec_load_disabled|sysrq|"
    r"core_pattern|modprobe)|vm\.unprivileged_\w+|fs\.(?:protected_\w+|suid_dumpable)|"
    r"user\.max_\w+_namespaces|net\.ipv4\.(?:ip_forward|conf\.[\w*]+\.(?:rp_filter|"
    r"accept_redirects|send_redirects|accept_source_route))|net\.ipv6\.conf\.[\w*]+\."
    r"(?:accept_redirects|accept_source_route))$"
)


def tuning_only(path: str, text: str) -> bool:
    """Whether ``text`` written to the kernel settings file ``path`` sets only tuning keys:
    system configuration, not a security control (unknown text is not known to be harmless)."""
    if not _SYSCTL_FILE.match(path):
        return False
    keys = _SETTING.findall(text)
    return bool(keys) and not any(_HARDENING.match(k.replace("/", ".")) for k in keys)
