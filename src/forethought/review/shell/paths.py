"""What a path is: the system, a home directory, a secret, a startup file, a log, a device."""

from __future__ import annotations

import posixpath
import re
from enum import IntEnum

_HOME = r"(?:~[^/]*|\$\{?HOME\}?|/home/[^/]+|/root|/Users/[^/]+|/var/root)"
# Directories whose loss takes the system (or a user's whole home) down with it.
_CRITICAL_DIRS = frozenset(
    {
        "/",
        "/bin",
        "/boot",
        "/dev",
        "/etc",
        "/home",
        "/lib",
        "/lib32",
        "/lib64",
        "/libx32",
        "/opt",
        "/proc",
        "/root",
        "/run",
        "/sbin",
        "/srv",
        "/sys",
        "/usr",
        "/var",
        "/usr/bin",
        "/usr/lib",
        "/usr/lib64",
        "/usr/local",
        "/usr/sbin",
        "/usr/share",
        "/usr/include",
        "/usr/local/bin",
        "/usr/local/lib",
        "/var/lib",
        "/var/log",
        "/var/spool",
        "/var/www",
        "/Users",
        "/System",
        "/Library",
        "/Applications",
        "/private",
        "/Volumes",
        "/mnt",
        "/media",
        "/snap",
        "/nix",
        "/efi",
        "/boot/efi",
        "C:",
        "C:\\",
    }
)
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
_DEVICE = re.compile(
    r"^/dev/(?:[shv]d[a-z]+\d*|xvd[a-z]+\d*|nvme\d+(?:n\d+)?(?:p\d+)?|mmcblk\d+(?:p\d+)?|"
    r"r?disk\d+(?:s\d+)?|mapper/.+|md\d+|dm-\d+|mem|kmem|port|root|sr\d+|nbd\d+|zd\d+|"
    r"disk/by-[^/]+/.+)$"
)
_HARMLESS_DEVICES = frozenset(
    {
        "/dev/null",
        "/dev/zero",
        "/dev/stdout",
        "/dev/stderr",
        "/dev/stdin",
        "/dev/tty",
        "/dev/random",
        "/dev/urandom",
        "/dev/full",
    }
)


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
    """Collapse ``//``, ``/./`` and trailing slashes; resolve relative paths against ``cwd``."""
    if not path:
        return path
    if re.match(r"\$\{?HOME\}?(/|$)", path):
        path = "~" + path[path.index("/") :] if "/" in path else "~"
    if cwd and not path.startswith(("/", "~", "$")):
        path = posixpath.join(cwd, path)
    if path.startswith(("/", "~")):
        glob_tail = ""
        if path.endswith("/*") or path.endswith("/.*"):
            path, glob_tail = path.rsplit("/", 1)
            path = path or "/"
            glob_tail = "/" + glob_tail
        path = posixpath.normpath(path) if path not in ("~", "/") else path
        if path.startswith("//"):
            path = path[1:]
        if path == "/" and glob_tail:
            return glob_tail
        return path + glob_tail
    return path


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


def is_device(path: str) -> bool:
    return path not in _HARMLESS_DEVICES and bool(_DEVICE.match(path))


def is_home_root(path: str) -> bool:
    base = path[:-2] if path.endswith("/*") else path
    base = base[:-3] if base.endswith("/.*") else base
    return bool(re.fullmatch(_HOME + r"/?", base)) or base in ("/home/*", "/Users/*")


def scope_of(raw: str, cwd: str | None = None) -> Scope:
    """How far the loss of ``raw`` reaches."""
    path = normalise(raw, cwd)
    if not path:
        return Scope.LOCAL
    base = path[:-2] if path.endswith("/*") else path
    base = base[:-3] if base.endswith("/.*") else base
    if path in ("/*", "/.*") or base in _CRITICAL_DIRS or is_home_root(path):
        return Scope.SYSTEM
    if path == "--no-preserve-root":
        return Scope.SYSTEM
    if path.startswith(_SYSTEM_PREFIXES) and not path.startswith(_ADMIN_PREFIXES):
        return Scope.SYSTEM_FILE
    if _CACHE.search(path):
        return Scope.LOCAL
    if re.search(r"(?:^|/)\.git/?$", path):
        return Scope.CWD_ALL  # the repository's whole history
    if re.match(_HOME + r"/\.[^/]", path) or path.startswith(".ssh") or path.startswith(".gnupg"):
        return Scope.USER_CONFIG
    if path in ("..", "../", "../*", "../..") or path.startswith("../.."):
        return Scope.PARENT
    if path in (".", "./", "*", "./*", ".*", "./.*"):
        return Scope.CWD_ALL
    if re.match(_HOME + r"/", path):
        return Scope.HOME_PART
    if path.startswith(_TMP_PREFIXES):
        return Scope.LOCAL
    if path.startswith("$") or "$" in path.split("/")[0]:
        return Scope.UNKNOWN
    if path.startswith("/"):
        return Scope.ABSOLUTE
    return Scope.LOCAL


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_HIGH_SECRETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "an SSH private key",
        _rx(
            r"(?:^|/)\.ssh/(?:id_[^/]*|[^/]*_(?:rsa|dsa|ecdsa|ed25519)|[^/]*\.pem|[^/]*\.key)(?<!\.pub)$",
            r"(?:^|/)\.ssh/?\*?$",
            r"^/etc/ssh/ssh_host_[^/]*_key$",
            r"(?:^|/)id_(?:rsa|dsa|ecdsa|ed25519)$",
        ),
    ),
    (
        "cloud credentials",
        _rx(
            r"(?:^|/)\.aws(?:/credentials|/config)?/?$",
            r"(?:^|/)\.config/gcloud(?:/|$)",
            r"(?:^|/)\.azure(?:/|$)",
            r"(?:^|/)\.kube(?:/config)?/?$",
            r"^/etc/kubernetes/admin\.conf$",
            r"(?:^|/)\.oci/config$",
            r"(?:^|/)\.config/doctl/",
            r"(?:^|/)\.boto$",
            r"(?:^|/)\.s3cfg$",
            r"^/etc/ssl/private/",
            r"(?:^|/)\.config/rclone/rclone\.conf$",
            r"^/(?:var/)?run/secrets/",
        ),
    ),
    (
        "stored passwords or tokens",
        _rx(
            r"(?:^|/)\.docker/config\.json$",
            r"(?:^|/)\.netrc$",
            r"(?:^|/)\.pgpass$",
            r"(?:^|/)\.git-credentials$",
            r"(?:^|/)\.npmrc$",
            r"(?:^|/)\.pypirc$",
            r"(?:^|/)\.vault-token$",
            r"(?:^|/)\.config/gh/hosts\.yml$",
            r"(?:^|/)\.my\.cnf$",
            r"(?:^|/)\.terraform\.d/credentials\.tfrc\.json$",
            r"(?:^|/)\.password-store(?:/|$)",
            r"(?:^|/)\.cargo/credentials(?:\.toml)?$",
            r"(?:^|/)\.gem/credentials$",
        ),
    ),
    (
        "system password hashes",
        _rx(
            r"^/etc/(?:shadow|gshadow|master\.passwd|security/opasswd)-?$",
        ),
    ),
    (
        "GPG private keys",
        _rx(
            r"(?:^|/)\.gnupg(?:/|$)",
            r"(?:^|/)secring\.gpg$",
            r"(?:^|/)private-keys-v1\.d(?:/|$)",
        ),
    ),
    (
        "a keychain",
        _rx(
            r"(?:^|/)Library/Keychains(?:/|$)",
            r"\.keychain(?:-db)?$",
            r"(?:^|/)\.local/share/keyrings(?:/|$)",
            r"(?:^|/)kwallet",
            r"(?:^|/)wallet\.dat$",
        ),
    ),
    (
        "browser cookies or saved logins",
        _rx(
            r"(?:^|/)(?:Cookies|Login Data|Web Data|cookies\.sqlite|logins\.json|key[34]\.db|"
            r"signons\.sqlite)$",
        ),
    ),
    ("another process's environment", _rx(r"^/proc/[^/]+/environ$")),
    (
        "shell history",
        _rx(
            r"(?:^|/)\.(?:bash|zsh|sh|ksh|python|mysql|psql|node_repl|sqlite|rediscli)_history$",
            r"(?:^|/)\.history$",
            r"(?:^|/)fish_history$",
            r"(?:^|/)\.lesshst$",
        ),
    ),
)
_MODERATE_SECRETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "an environment file with secrets",
        _rx(
            r"(?:^|/)\.env(?!\.(?:example|sample|template|dist|defaults)$)(?:\.[^/]+)?$",
            r"(?:^|/)\.envrc$",
        ),
    ),
    (
        "a private key or keystore",
        _rx(
            r"(?:^|/)[^/]*(?:private|priv)[^/]*\.(?:pem|key)$",
            r"\.(?:p12|pfx|jks|keystore|key)$",
            r"(?:^|/)[^/]+\.pem$",
        ),
    ),
    (
        "a credentials file",
        _rx(
            r"(?:^|/)[^/]*credentials[^/]*$",
            r"(?:^|/)secrets?\.(?:json|ya?ml|toml|env|txt)$",
            r"(?:^|/)service[-_]?account[^/]*\.json$",
            r"(?:^|/)\.htpasswd$",
            r"(?:^|/)wp-config\.php$",
        ),
    ),
)


# Every secret pattern below contains one of these: a cheap first test for ordinary paths.
_SECRET_HINT = re.compile(
    r"\.ssh|id_|\.aws|gcloud|\.azure|\.kube|kubernetes|\.oci|doctl|boto|s3cfg|rclone|secret|"
    r"docker|netrc|pgpass|credential|npmrc|pypirc|vault|gh/|my\.cnf|terraform|password|cargo|"
    r"gem/|shadow|passwd|gnupg|secring|private|keychain|keyring|kwallet|wallet|cookies|login|"
    r"web data|key[34]\.db|signons|environ|history|lesshst|\.env|\.pem|\.key|\.p12|\.pfx|"
    r"\.jks|keystore|service|htpasswd|wp-config|ssl/|ssh_host",
    re.I,
)


def secret_kind(raw: str, cwd: str | None = None) -> tuple[str, bool] | None:
    """(what kind of secret, whether it is a high-value one), or None for an ordinary path."""
    if not raw or not _SECRET_HINT.search(raw):
        return None
    path = normalise(raw, cwd)
    for label, pattern in _HIGH_SECRETS:
        if pattern.search(path):
            return label, True
    for label, pattern in _MODERATE_SECRETS:
        if pattern.search(path):
            return label, False
    return None


def is_history_file(raw: str) -> bool:
    return secret_kind(raw) == ("shell history", True)


_PERSISTENCE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a shell startup file",
        _rx(
            r"(?:^|/)\.(?:bashrc|bash_profile|bash_login|bash_logout|profile|zshrc|zprofile|zshenv|"
            r"zlogin|zlogout|kshrc|cshrc|tcshrc|login|xinitrc|xprofile|xsessionrc|inputrc)$",
            r"(?:^|/)\.config/fish/(?:config\.fish|conf\.d/)",
            r"^/etc/(?:profile|bashrc|bash\.bashrc|zshrc|zprofile|zshenv|zlogin|environment|"
            r"csh\.cshrc|csh\.login)$",
            r"^/etc/(?:profile\.d|zsh)/",
        ),
    ),
    ("SSH authorized keys", _rx(r"(?:^|/)\.ssh/authorized_keys2?$", r"^/etc/ssh/authorized_keys")),
    (
        "a cron table",
        _rx(
            r"^/etc/(?:crontab|anacrontab|cron\.(?:d|hourly|daily|weekly|monthly|allow))(?:/|$)",
            r"^/var/spool/(?:cron|anacron|at)(?:/|$)",
            r"^/var/at/",
        ),
    ),
    (
        "a system service or boot script",
        _rx(
            r"^/(?:etc|lib|usr/lib|usr/local/lib|run)/systemd/(?:system|user)(?:/|$)",
            r"(?:^|/)\.config/systemd/user(?:/|$)",
            r"^/etc/init\.d/",
            r"^/etc/rc[0-6S]?\.d/",
            r"^/etc/rc\.local$",
            r"^/etc/inittab$",
            r"^/etc/init/",
            r"^/etc/update-motd\.d/",
            r"^/etc/udev/rules\.d/",
            r"^/etc/modules(?:-load\.d/.*)?$",
            r"^/etc/apt/apt\.conf\.d/",
            r"^/etc/xdg/autostart/",
            r"(?:^|/)\.config/autostart/",
        ),
    ),
    ("a launchd agent", _rx(r"(?:^|/)Library/(?:LaunchAgents|LaunchDaemons)(?:/|$)")),
    ("a git hook", _rx(r"(?:^|/)\.git/hooks/[^/]+$", r"(?:^|/)\.husky/[^/_]+$")),
    ("the SSH server configuration", _rx(r"^/etc/ssh/sshd_config(?:\.d/.*)?$")),
)


def persistence_kind(raw: str, cwd: str | None = None) -> str | None:
    path = normalise(raw, cwd)
    for label, pattern in _PERSISTENCE:
        if pattern.search(path):
            return label
    return None


_PRIVILEGE_FILES = _rx(
    r"^/etc/sudoers(?:\.d(?:/.*)?)?$",
    r"^/etc/(?:pam\.d|security|polkit-1)/",
    r"^/etc/doas\.conf$",
    r"^/usr/local/etc/sudoers",
    r"^/private/etc/sudoers",
)
_PRELOAD_FILE = _rx(r"^/etc/ld\.so\.preload$", r"^/etc/ld\.so\.conf(?:\.d/.*)?$")
_ACCOUNT_FILES = _rx(r"^/etc/(?:passwd|shadow|group|gshadow|master\.passwd|subuid|subgid)-?$")
_LOG = _rx(
    r"^/var/log(?:/|$)",
    r"^/var/adm(?:/|$)",
    r"^/var/run/utmp$",
    r"^/run/utmp$",
    r"(?:^|/)(?:wtmp|btmp|lastlog|utmp|auth\.log|syslog|secure|messages|audit\.log)$",
    r"^/private/var/log/",
)
_SECURITY_CONFIG = _rx(
    r"^/etc/selinux/config$",
    r"^/etc/audit/",
    r"^/etc/rsyslog",
    r"^/etc/apparmor",
    r"^/proc/sys/kernel/(?:randomize_va_space|yama/ptrace_scope|kptr_restrict|dmesg_restrict)$",
    r"^/etc/sysctl\.(?:conf|d/)",
)


def is_privilege_file(raw: str, cwd: str | None = None) -> bool:
    return bool(_PRIVILEGE_FILES.search(normalise(raw, cwd)))


def is_preload_file(raw: str, cwd: str | None = None) -> bool:
    return bool(_PRELOAD_FILE.search(normalise(raw, cwd)))


def is_account_file(raw: str, cwd: str | None = None) -> bool:
    return bool(_ACCOUNT_FILES.search(normalise(raw, cwd)))


def is_log(raw: str, cwd: str | None = None) -> bool:
    return bool(_LOG.search(normalise(raw, cwd)))


def is_security_config(raw: str, cwd: str | None = None) -> bool:
    return bool(_SECURITY_CONFIG.search(normalise(raw, cwd)))


def is_system_path(raw: str, cwd: str | None = None) -> bool:
    return scope_of(raw, cwd) >= Scope.SYSTEM_FILE
