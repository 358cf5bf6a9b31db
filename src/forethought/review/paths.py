"""What is sensitive on a machine, and how touching it is predicted.

Shared by the file, Python and shell reviewers. Everything here is judged on paper: paths are
normalised as text (``~`` expanded, ``..`` resolved) and never looked up on the file system.

- ``normalise`` turns a path as the agent wrote it into an absolute-or-relative POSIX path.
- ``CATALOGUE`` lists sensitive paths of three kinds: *secret* (reading it discloses
  credentials), *system* (changing it alters the machine for every user) and *persistence*
  (code placed there runs later, unreviewed).
- ``read_predictions`` / ``write_predictions`` / ``delete_predictions`` turn a path into the
  harm Predictions of reading, writing or deleting it.
- ``secrets_in`` finds credentials in text.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import string
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from forethought.review.base import SEVERITIES, Prediction, Severity

PathKind = Literal["secret", "system", "persistence"]

EVIDENCE_LIMIT = 200


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_OTHER_USER_HOME = re.compile(r"^~([A-Za-z0-9._-]+)(?=/|$)")


def home_dir() -> str:
    home = os.environ.get("HOME") or os.path.expanduser("~")
    return home.rstrip("/") if home not in ("", "/") else ""


def normalise(path: str, base: str | None = None) -> str:
    """Expand ``~``/``$HOME``, join relative paths onto ``base`` and resolve ``..``, as text.

    Relative paths stay relative when no ``base`` is known. An empty path stays empty.
    """
    p = path.strip()
    if not p:
        return ""
    if _WINDOWS_DRIVE.match(p):
        p = p[2:].replace("\\", "/")
    for var in ("${HOME}", "$HOME"):
        if p == var or p.startswith(var + "/"):
            p = "~" + p[len(var) :]
    if p == "~" or p.startswith("~/"):
        p = (home_dir() or "/root") + p[1:]
    elif m := _OTHER_USER_HOME.match(p):
        user = m.group(1)
        p = ("/root" if user == "root" else f"/home/{user}") + p[m.end() :]
    if not p.startswith("/") and base:
        p = posixpath.join(normalise(base), p)
    p = posixpath.normpath(p)
    if p.startswith("//"):
        p = "/" + p.lstrip("/")
    return p


def _home_prefix() -> re.Pattern[str]:
    homes = [r"/root", r"/home/[^/]+", r"/Users/[^/]+", r"/var/root"]
    if home := home_dir():
        homes.insert(0, re.escape(home))
    return re.compile(r"^(?:" + "|".join(homes) + r")(?=/|$)")


_HOME_PREFIX = _home_prefix()


def home_relative(normalised: str) -> str | None:
    """The part of a normalised path below a home directory ("" for the home itself).

    A relative path may be relative to a home directory (agents often run there), so it is
    returned without its leading ``../`` parts.
    """
    if not normalised:
        return None
    if not normalised.startswith("/"):
        rel = normalised
        while rel.startswith("../"):
            rel = rel[3:]
        return "" if rel in (".", "..") else rel
    if m := _HOME_PREFIX.match(normalised):
        return normalised[m.end() :].lstrip("/")
    return None


# --------------------------------------------------------------------------------------------
# The catalogue of sensitive paths
# --------------------------------------------------------------------------------------------


def _glob_to_regex(glob: str) -> str:
    """``**`` spans directories, ``*`` and ``?`` stay within one, ``{a,b}`` is alternation."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("/**", i) and i + 3 == len(glob):
            out.append(r"(?:/.*)?")
            i += 3
        elif glob.startswith("**/", i):
            out.append(r"(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(r".*")
            i += 2
        elif glob[i] == "*":
            out.append(r"[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append(r"[^/]")
            i += 1
        elif glob[i] == "{":
            end = glob.index("}", i)
            out.append("(?:" + "|".join(re.escape(a) for a in glob[i + 1 : end].split(",")) + ")")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class SensitivePath:
    """A family of sensitive paths.

    ``patterns`` (space-separated globs): ``~/x`` is below any home directory, ``/x`` is
    absolute, anything else matches at any depth. ``severity`` is that of reading a secret, or
    of changing a system or persistence path; ``category`` the harm it leads to.
    """

    patterns: str
    kind: PathKind
    label: str
    severity: Severity
    category: str
    _home: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _absolute: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _anywhere: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        home, absolute, anywhere = [], [], []
        for glob in self.patterns.split():
            if glob.startswith("~/"):
                home.append(_glob_to_regex(glob[2:]))
            elif glob.startswith("/"):
                absolute.append(_glob_to_regex(glob))
            else:
                anywhere.append(_glob_to_regex(glob.removeprefix("**/")))

        def compiled(parts: list[str], prefix: str) -> re.Pattern[str] | None:
            return re.compile(prefix + "(?:" + "|".join(parts) + r")\Z") if parts else None

        object.__setattr__(self, "_home", compiled(home, "^"))
        object.__setattr__(self, "_absolute", compiled(absolute, "^"))
        object.__setattr__(self, "_anywhere", compiled(anywhere, r"(?:^|.*/)"))

    def matches(self, normalised: str, home_rel: str | None) -> bool:
        if self._home and home_rel is not None and self._home.match(home_rel):
            return True
        if self._absolute and normalised.startswith("/") and self._absolute.match(normalised):
            return True
        return bool(self._anywhere and self._anywhere.match(normalised))


_S = SensitivePath

CATALOGUE: tuple[SensitivePath, ...] = (
    # --- secrets: reading them discloses credentials ---------------------------------------
    _S("~/.ssh/id_* ~/.ssh/*_rsa ~/.ssh/*_ed25519 ~/.ssh/*_ecdsa ~/.ssh/*_dsa "
       "id_rsa id_dsa id_ecdsa id_ed25519 id_ecdsa_sk id_ed25519_sk",
       "secret", "an SSH private key", "high", "secret_access"),
    _S("/etc/ssh/ssh_host_*_key /etc/ssl/private/**",
       "secret", "a host private key", "high", "secret_access"),
    _S("~/.aws/** ~/.config/gcloud/** ~/.azure/** ~/.oci/** ~/.kube/config "
       "~/.docker/config.json ~/.config/doctl/** ~/.s3cfg ~/.boto",
       "secret", "cloud credentials", "high", "secret_access"),
    _S("/etc/shadow /etc/shadow- /etc/gshadow /etc/gshadow- /etc/master.passwd",
       "secret", "the system password hashes", "high", "secret_access"),
    _S(".netrc _netrc .pgpass .git-credentials .vault-token ~/.config/gh/hosts.yml "
       "~/.terraform.d/credentials.tfrc.json ~/.cargo/credentials ~/.cargo/credentials.toml "
       "~/.gem/credentials ~/.claude/.credentials.json ~/.codex/auth.json "
       "~/.config/rclone/rclone.conf",
       "secret", "a stored login token or password", "high", "secret_access"),
    _S("~/.gnupg/** *.gpg-key secring.gpg ~/.password-store/** ~/.local/share/keyrings/** "
       "~/Library/Keychains/**",
       "secret", "a GPG key or keyring", "high", "secret_access"),
    _S("~/.mozilla/** ~/snap/firefox/** ~/.config/google-chrome/** ~/.config/chromium/** "
       "~/.config/BraveSoftware/** ~/.config/microsoft-edge/** "
       "~/Library/Application?Support/Google/Chrome/** ~/Library/Application?Support/Firefox/** "
       "~/Library/Cookies/**",
       "secret", "a browser profile (saved passwords, cookies)", "high", "secret_access"),
    _S("~/.bitcoin/wallet.dat ~/.ethereum/keystore/** ~/.electrum/wallets/**",
       "secret", "a cryptocurrency wallet", "high", "secret_access"),
    _S("/run/secrets/** /var/run/secrets/**",
       "secret", "mounted service-account secrets", "high", "secret_access"),
    _S(".env .env.* .envrc .npmrc .pypirc .my.cnf .secrets secrets.{yml,yaml,json,toml} "
       "credentials.json service-account*.json client_secret*.json terraform.tfstate",
       "secret", "a file of application secrets", "moderate", "secret_access"),
    _S("*.pem *.key *.p12 *.pfx *.jks *.keystore",
       "secret", "a key or certificate file", "moderate", "secret_access"),
    _S("/proc/*/environ",
       "secret", "a process environment (API tokens)", "moderate", "secret_access"),
    _S("~/.bash_history ~/.zsh_history ~/.zhistory ~/.history ~/.python_history "
       "~/.psql_history ~/.mysql_history ~/.node_repl_history ~/.sqlite_history "
       "~/.local/share/fish/fish_history",
       "secret", "shell history (often holds typed passwords)", "moderate", "secret_access"),
    # --- system files: changing them alters the machine ---------------------------------------
    _S("/etc/passwd /etc/shadow /etc/group /etc/gshadow /etc/master.passwd",
       "system", "the system account database", "critical", "account_manipulation"),
    _S("/etc/sudoers /etc/sudoers.d/** /etc/doas.conf /etc/pam.d/** /etc/security/**",
       "system", "sudo/PAM authentication rules", "critical", "privilege_escalation"),
    _S("/etc/ld.so.preload /etc/ld.so.conf /etc/ld.so.conf.d/**",
       "system", "the dynamic linker preload list", "critical", "privilege_escalation"),
    _S("/boot/** /dev/sd* /dev/hd* /dev/vd* /dev/xvd* /dev/nvme* /dev/mmcblk* /dev/mem "
       "/dev/kmem /dev/port",
       "system", "the boot loader or a raw disk", "critical", "destructive"),
    _S("/etc/ssh/** /etc/hosts /etc/resolv.conf /etc/nsswitch.conf",
       "system", "system network or SSH configuration", "high", "defence_evasion"),
    _S("/etc/**", "system", "system configuration under /etc", "high", "destructive"),
    _S("/bin/** /sbin/** /usr/bin/** /usr/sbin/** /usr/lib/** /usr/lib64/** /usr/libexec/** "
       "/lib/** /lib64/** /usr/local/bin/** /usr/local/sbin/** /var/lib/dpkg/** /var/lib/rpm/** "
       "/System/** /Library/**",
       "system", "system programs or libraries", "high", "destructive"),
    _S("/proc/sys/** /sys/**", "system", "kernel parameters", "high", "destructive"),
    _S("/var/log/** /var/audit/** ~/.bash_history ~/.zsh_history",
       "system", "system logs or shell history (erasing traces)", "high", "defence_evasion"),
    # --- persistence: code placed here runs later, unreviewed -------------------------------
    _S("~/.ssh/authorized_keys ~/.ssh/authorized_keys2 /etc/ssh/authorized_keys/**",
       "persistence", "SSH authorized_keys (remote login)", "critical", "persistence"),
    _S("~/.bashrc ~/.bash_profile ~/.bash_login ~/.bash_logout ~/.profile ~/.zshrc ~/.zprofile "
       "~/.zshenv ~/.zlogin ~/.zlogout ~/.kshrc ~/.cshrc ~/.tcshrc ~/.config/fish/** "
       "/etc/profile /etc/profile.d/** /etc/bash.bashrc /etc/bashrc /etc/zshrc /etc/zsh/** "
       "/etc/environment",
       "persistence", "a shell start-up file", "high", "persistence"),
    _S("/etc/crontab /etc/anacrontab /etc/cron.*/** /var/spool/cron/** /var/spool/at/**",
       "persistence", "a cron job", "high", "persistence"),
    _S("/etc/systemd/** /lib/systemd/** /usr/lib/systemd/** /run/systemd/system/** "
       "~/.config/systemd/** /etc/init.d/** /etc/rc.local /etc/rc?.d/** /etc/init/**",
       "persistence", "a service or init script", "high", "persistence"),
    _S("~/.config/autostart/** /etc/xdg/autostart/** ~/Library/LaunchAgents/** "
       "/Library/LaunchAgents/** /Library/LaunchDaemons/**",
       "persistence", "a login autostart entry", "high", "persistence"),
    _S(".git/hooks/** .husky/**",
       "persistence", "a git hook (runs on git operations)", "high", "persistence"),
    _S("sitecustomize.py usercustomize.py site-packages/*.pth dist-packages/*.pth "
       "~/.pythonrc ~/.pythonrc.py",
       "persistence", "a Python start-up hook", "high", "persistence"),
    _S("~/.ssh/rc /etc/ssh/sshrc", "persistence", "an SSH login script", "high", "persistence"),
    _S("~/.ssh/config ~/.gitconfig ~/.config/git/config ~/.vimrc ~/.config/nvim/** ~/.emacs "
       "~/.emacs.d/init.el ~/.local/bin/** ~/.config/pip/pip.conf ~/.pip/pip.conf "
       "/etc/pip.conf",
       "persistence", "a user configuration that can run commands", "moderate", "persistence"),
    _S(".git/config", "persistence", "a repository's git configuration", "low", "persistence"),
)

# Public halves and templates look like secret files but hold nothing secret.
_NOT_SECRET = re.compile(r"\.(?:pub|example|sample|template|dist|tmpl|md|txt)$|\.crt$")


@functools.lru_cache(maxsize=4096)
def matches(path: str, base: str | None = None) -> tuple[SensitivePath, ...]:
    """Every catalogue entry ``path`` falls under, most severe first.

    A relative path that climbs out with ``..`` is also judged as if relative to a home
    directory: the base it will really be resolved against is not always known.
    """
    norm = normalise(path, base)
    if not norm:
        return ()
    views = [(norm, home_relative(norm))]
    if base and normalise(path).startswith("../"):
        raw = normalise(path)
        views.append((raw, home_relative(raw)))
    public = bool(_NOT_SECRET.search(norm))
    found = [
        entry
        for entry in CATALOGUE
        if not (entry.kind == "secret" and public)
        and any(entry.matches(view, rel) for view, rel in views)
    ]
    found.sort(key=lambda e: -SEVERITIES.index(e.severity))
    return tuple(found)


def worst(path: str, kind: PathKind, base: str | None = None) -> SensitivePath | None:
    return next((e for e in matches(path, base) if e.kind == kind), None)


# --------------------------------------------------------------------------------------------
# Predictions for reading, writing and deleting a path
# --------------------------------------------------------------------------------------------


def clip(text: str, limit: int = EVIDENCE_LIMIT) -> str:
    """A prefix of ``text`` short enough for evidence (still a substring of it)."""
    return text[:limit]


def read_predictions(path: str, evidence: str, base: str | None = None) -> list[Prediction]:
    entry = worst(path, "secret", base)
    if entry is None:
        return []
    return [
        Prediction(
            outcome=f"reads {entry.label}: {path}",
            valence="harm",
            probability=0.9 if entry.severity in ("high", "critical") else 0.8,
            severity=entry.severity,
            reversible=False,  # what has been read cannot be un-read
            evidence=clip(evidence),
            category="secret_access",
        )
    ]


def write_predictions(
    path: str, evidence: str, *, replaces_file: bool, base: str | None = None
) -> list[Prediction]:
    """Harms of changing ``path``; ``replaces_file`` when the whole content is overwritten."""
    found = matches(path, base)
    out: list[Prediction] = []
    for kind in ("persistence", "system"):
        entry = next((e for e in found if e.kind == kind), None)
        if entry is None:
            continue
        why = (
            "code placed there runs later without review"
            if kind == "persistence"
            else "this changes the machine, not just the workspace"
        )
        out.append(
            Prediction(
                outcome=f"modifies {entry.label} ({path}); {why}",
                valence="harm",
                probability=0.9,
                severity=entry.severity,
                reversible=not (replaces_file and kind == "system"),
                evidence=clip(evidence),
                category=entry.category,
            )
        )
    secret = next((e for e in found if e.kind == "secret"), None)
    if secret is not None:
        outcome = (
            f"overwrites {secret.label} ({path}); credentials it held are lost"
            if replaces_file
            else f"edits {secret.label} ({path})"
        )
        out.append(
            Prediction(
                outcome=outcome,
                valence="harm",
                probability=0.6,  # the file may not exist yet
                severity=secret.severity,
                reversible=not replaces_file,
                evidence=clip(evidence),
                category="destructive",
            )
        )
    return out


_TOP_LEVEL = frozenset({
    "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/opt", "/proc", "/root",
    "/sbin", "/srv", "/sys", "/usr", "/var", "/Users", "/System", "/Library", "/Applications",
    "/mnt", "/media",
})
_CRITICAL_TREES = re.compile(r"^/(?:etc|usr|boot|bin|sbin|lib|lib64|System|dev|var/lib)(?:/|$)")
_SCRATCH = re.compile(r"^/(?:tmp|var/tmp|dev/shm)(?:/|$)")


def delete_predictions(
    path: str, evidence: str, *, recursive: bool, base: str | None = None
) -> list[Prediction]:
    """The harm of deleting ``path`` (a tree when ``recursive``), scaled by what it holds."""
    norm = normalise(path, base)
    if not norm:
        return []
    rel = home_relative(norm) if norm.startswith("/") else None
    what = "the tree" if recursive else "the file"
    severity: Severity
    if norm in _TOP_LEVEL or _CRITICAL_TREES.match(norm) or rel == "":
        severity, scope = "critical", "a system directory or a whole home directory"
    elif (secret := worst(norm, "secret")) is not None:
        severity, scope = secret.severity, secret.label
    elif rel is not None and "/" not in rel:
        severity, scope = ("high" if recursive else "moderate"), "a top-level home folder"
    elif worst(norm, "persistence") is not None:
        severity, scope = "moderate", "a start-up or configuration file"
    elif norm == ".":
        severity, scope = "moderate", "the whole current directory"
    elif norm == ".." or norm.startswith("../"):
        severity, scope = "moderate", "a path outside the current directory"
    elif not norm.startswith("/"):
        severity, scope = "low", "a path in the current directory"
    elif _SCRATCH.match(norm):
        severity, scope = "low", "scratch space"
    else:
        severity, scope = "moderate", "an absolute path outside scratch space"
    return [
        Prediction(
            outcome=f"permanently deletes {what} {path} ({scope})",
            valence="harm",
            probability=0.9 if severity in ("critical", "high") else 0.6,
            severity=severity,
            reversible=False,
            evidence=clip(evidence),
            category="destructive",
        )
    ]


# --------------------------------------------------------------------------------------------
# Secrets in text
# --------------------------------------------------------------------------------------------


class SecretHit(NamedTuple):
    kind: str
    span: tuple[int, int]


# Credentials that open an account or a cloud on their own; the rest weigh less.
STRONG_SECRETS = frozenset({
    "private_key", "aws_access_key", "aws_secret_key", "github_token", "gitlab_token",
    "openai_key", "anthropic_key", "stripe_key", "slack_token", "google_api_key", "npm_token",
    "huggingface_token",
})

@dataclass(frozen=True, slots=True)
class _Token:
    """A credential format. Patterns start with a literal, which lets ``re`` skip ahead fast;
    ``boundary`` asks for a non-word character before the match (``\\b`` at the front would
    make every position a candidate). ``folded`` patterns are lower case and run on text with
    ASCII upper case folded, which keeps spans aligned with the original."""

    kind: str
    pattern: re.Pattern[str]
    boundary: bool = True
    folded: bool = False


_TOKENS: tuple[_Token, ...] = (
    _Token("private_key",
           re.compile(r"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"), False),
    _Token("aws_access_key",
           re.compile(r"(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|AIPA)[0-9A-Z]{16}(?![0-9A-Za-z])")),
    _Token("aws_secret_key", re.compile(
        r"aws_?secret_?access_?key[\"']?\s*[:=]\s*[\"']?[a-z0-9/+=]{40}(?![a-z0-9/+=])"),
        folded=True),
    _Token("github_token", re.compile(r"(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_\w{22,255})")),
    _Token("gitlab_token", re.compile(r"glpat-[A-Za-z0-9_-]{20,}")),
    _Token("anthropic_key", re.compile(r"sk-ant-[A-Za-z0-9_-]{20,}")),
    _Token("openai_key", re.compile(r"sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    _Token("stripe_key", re.compile(r"[rs]k_live_[A-Za-z0-9]{20,}")),
    _Token("slack_token", re.compile(r"xox[abposr]-[A-Za-z0-9-]{10,}")),
    _Token("slack_webhook",
           re.compile(r"https://hooks\.slack\.com/services/T\w+/B\w+/\w+"), False),
    _Token("google_api_key", re.compile(r"AIza[0-9A-Za-z_-]{35}")),
    _Token("npm_token", re.compile(r"npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])")),
    _Token("huggingface_token", re.compile(r"hf_[A-Za-z0-9]{34,}(?![A-Za-z0-9])")),
    _Token("jwt", re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    _Token("bearer_token", re.compile(
        r"authorization[\"']?\s*[:=]\s*[\"']?(?:bearer|token|basic)\s+[a-z0-9._~+/=-]{16,}"),
        folded=True),
)
# user:password@ in a URL; the scheme in front is found afterwards, from the "://".
_URL_CREDENTIALS = re.compile(r"://[^/\s:@\"']{1,64}:[^/\s@\"']{3,128}@")
_SCHEME_CHAR = re.compile(r"[A-Za-z0-9+.-]")
_ASCII_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
MAX_SECRET_HITS = 50

# ``KEY = value`` where KEY names a credential. The match starts at the keyword; the key's
# prefix (``DB_`` in ``DB_PASSWORD``) is found afterwards, which keeps the scan linear.
_ASSIGNMENT = re.compile(  # runs on folded text
    r"(?:passw(?:or)?d|passphrase|pwd|secret(?:[_-]?key)?|api[_-]?key|apikey|access[_-]?key"
    r"|token|client[_-]?secret|private[_-]?key)"
    r"[\"']?[ \t]*(?::=|=(?!=)|:(?!:))[ \t]*"
    r"(?P<value>\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|[^\s\"',;()\[\]{}<>]{1,200})"
)
_KEY_CHAR = re.compile(r"[A-Za-z0-9_.-]")
_DOTTED_NAME = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
_PLACEHOLDER_WORDS = (
    "xxxx", "****", "...", "your", "example", "placeholder", "changeme", "change_me", "change-me",
    "redacted", "dummy", "fake", "sample", "replace", "insert", "secret_here", "todo", "<", ">",
    "${", "{{", "%(", "<<",
)
_PLACEHOLDER_VALUES = frozenset({
    "password", "passwd", "secret", "token", "none", "null", "nil", "true", "false",
    "undefined", "string", "test", "testing", "hunter2", "admin", "root", "user", "username",
})


def _is_placeholder(value: str) -> bool:
    low = value.lower()
    if low in _PLACEHOLDER_VALUES or any(w in low for w in _PLACEHOLDER_WORDS):
        return True
    if "{" in value and "}" in value:  # a format-string field
        return True
    return len(set(value)) < 4


def _credible_assignment(raw_value: str) -> bool:
    quoted = raw_value[:1] in ("'", '"')
    value = raw_value[1:-1] if quoted else raw_value
    if len(value) < 6 or _is_placeholder(value) or value.startswith("$"):
        return False
    if quoted:
        return True
    # Unquoted, it is often code: a variable (``password = get_password``), an attribute
    # (``token = self.token``) or a number. It counts where it cannot be one, as in ``.env``
    # files: ``DB_PASSWORD=s3cr3t!``.
    if value.isdigit():
        return False
    if _DOTTED_NAME.match(value):
        return "." not in value and any(c.isdigit() for c in value)
    return True


def _random_looking(token: str) -> bool:
    return any(c.isdigit() for c in token) and any(c.isupper() for c in token) and any(
        c.islower() for c in token
    )


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


def _extend_left(text: str, start: int, char: re.Pattern[str], limit: int) -> int:
    floor = max(0, start - limit)
    while start > floor and char.match(text, start - 1):
        start -= 1
    return start


def secrets_in(text: str) -> list[SecretHit]:
    """Credentials written out in ``text``: kind and (start, end) span, in order of position."""
    folded = text.translate(_ASCII_FOLD)
    found: list[SecretHit] = []

    def add(kind: str, span: tuple[int, int]) -> None:
        if not any(s < span[1] and span[0] < e for _, (s, e) in found):
            found.append(SecretHit(kind, span))

    for token in _TOKENS:
        for m in token.pattern.finditer(folded if token.folded else text):
            if len(found) >= MAX_SECRET_HITS:
                break
            matched = text[m.start() : m.end()]
            if token.boundary and not _starts_a_word(text, m.start()):
                continue
            if "EXAMPLE" in matched.upper():
                continue
            if token.kind == "openai_key" and not _random_looking(matched[3:]):
                continue
            add(token.kind, m.span())
    for m in _URL_CREDENTIALS.finditer(text):
        start = _extend_left(text, m.start(), _SCHEME_CHAR, 16)
        password = text[m.start() + 3 : m.end() - 1].split(":", 1)[1]
        if start < m.start() and text[start].isalpha() and not _is_placeholder(password):
            add("url_credentials", (start, m.end()))
    for m in _ASSIGNMENT.finditer(folded):
        if len(found) >= MAX_SECRET_HITS:
            break
        if not _credible_assignment(text[m.start("value") : m.end("value")]):
            continue
        start = _extend_left(text, m.start(), _KEY_CHAR, 40)
        if text[start - 1 : start] in ("'", '"'):
            start -= 1
        add("password_assignment", (start, m.end()))
    found.sort(key=lambda h: h.span)
    return found


def secret_severity(kind: str) -> Severity:
    return "high" if kind in STRONG_SECRETS else "moderate"


def secret_evidence(text: str, hit: SecretHit) -> str:
    """Enough of the match to find it, not enough to use it: a substring of ``text``."""
    start, end = hit.span
    matched = text[start:end]
    if hit.kind in ("private_key", "url_credentials"):
        keep = len(matched) if hit.kind == "private_key" else matched.rindex(":")
    elif hit.kind in ("password_assignment", "aws_secret_key", "bearer_token"):
        op = re.search(r"[:=][\s\"']*", matched)
        keep = (op.end() if op else 0) + 2
    else:
        keep = 8
    return matched[: min(keep, len(matched))]


def secret_predictions(
    text: str,
    where: str,
    *,
    expected_here: bool = False,
    already_there: str = "",
    limit: int = 5,
) -> list[Prediction]:
    """``secret_written`` harms for credentials in ``text``, which is being stored ``where``.

    ``expected_here``: the destination is itself a secret store (``.env``, a key file), where
    a credential is what belongs; the harm is then the lesser one of handling it at all.
    ``already_there``: text being replaced; a credential it already held is not new.
    """
    out: list[Prediction] = []
    seen: set[str] = set()
    for hit in secrets_in(text):
        if hit.kind in seen or (already_there and text[slice(*hit.span)] in already_there):
            continue
        seen.add(hit.kind)
        severity = secret_severity(hit.kind)
        out.append(
            Prediction(
                outcome=f"writes a credential ({hit.kind.replace('_', ' ')}) into {where}",
                valence="harm",
                probability=0.15 if expected_here else (0.8 if severity == "high" else 0.6),
                severity="low" if expected_here else severity,
                reversible=False,  # a credential that has been copied must be rotated
                evidence=secret_evidence(text, hit),
                category="secret_written",
            )
        )
        if len(out) >= limit:
            break
    return out


# --------------------------------------------------------------------------------------------
# Putting predictions together
# --------------------------------------------------------------------------------------------


def merge_similar(predictions: list[Prediction]) -> list[Prediction]:
    """One prediction per (valence, category, severity, reversibility), the likeliest kept.

    Ten deletions of scratch files are one kind of harm, not ten: summing them would push
    routine clean-ups over the block threshold.
    """
    groups: dict[tuple[str, str, str, bool], list[Prediction]] = {}
    for p in predictions:
        groups.setdefault((p.valence, p.category, p.severity, p.reversible), []).append(p)
    out: list[Prediction] = []
    for group in groups.values():
        best = max(group, key=lambda p: p.probability)
        extra = len({p.evidence for p in group}) - 1
        out.append(replace(best, outcome=f"{best.outcome} (and {extra} more like it)")
                   if extra > 0 else best)
    return out


def summarise(predictions: list[Prediction], nothing_found: str) -> str:
    """One or two sentences: the worst harm, or the main benefit."""
    harms = [p for p in predictions if p.valence == "harm"]
    if not harms:
        benefit = next((p for p in predictions if p.valence == "benefit"), None)
        return _sentence(benefit.outcome) if benefit else nothing_found
    harms.sort(key=lambda p: (SEVERITIES.index(p.severity), p.probability), reverse=True)
    more = len(harms) - 1
    tail = f" {more} further concern{'s' if more > 1 else ''}." if more else ""
    return _sentence(harms[0].outcome) + tail


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
