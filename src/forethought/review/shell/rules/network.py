"""What the network rules share: which programs fetch, stream or run code, and how sending
data to another host is graded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from forethought.review.base import Prediction, Severity
from forethought.review.shell.interpreters import SHELLS, inline_code, shell_input
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import secret_kind
from forethought.review.shell.predict import (
    DESTRUCTIVE,
    EXFILTRATION,
    harm,
)
from forethought.review.shell.rules.common import (
    host_of,
    is_local_host,
    is_remote_spec,
)
from forethought.review.shell.writes import operands

Rule = Iterator[Prediction]

# The policy's network.allowed_hosts for the review in progress (ShellReviewer sets it): code
# fetched from one of them over TLS is trusted like the registries, anything else is graded.
ALLOWED_HOSTS: ContextVar[tuple[str, ...]] = ContextVar("shell_allowed_hosts", default=())


@dataclass(frozen=True, slots=True)
class Origin:
    """Where fetched code comes from, as far as trusting it goes."""

    host: str
    trusted: bool  # on the allow list over TLS, or this machine
    plain: bool  # no TLS (http://, git://), or its checks switched off (--trusted-host)
    raw_ip: bool  # a literal IP address: no name anyone vouches for


def code_origin(url: str, unverified_hosts: frozenset[str] = frozenset()) -> Origin | None:
    """How far code from ``url`` (``git+https://..``, ``git@host:x``) can be trusted; None
    when it names no host (a local path, a package name)."""
    from forethought.review.http import host_allowed, is_internal, parse_ip

    url = url.strip()
    if url.lower().startswith(("git+", "hg+", "svn+", "bzr+")):
        url = url.split("+", 1)[1]
    if "://" not in url and not re.match(r"^[\w.-]+@[\w.-]+:", url):
        return None
    host = host_of(url).strip("[]")
    if not host:
        return None
    ip = parse_ip(host)
    if is_internal(host, ip):
        return Origin(host, True, False, False)
    scheme = url.split("://", 1)[0].lower() if "://" in url else "ssh"
    plain = scheme in ("http", "git", "ftp") or host in unverified_hosts
    allowed = host_allowed(host, ALLOWED_HOSTS.get())
    return Origin(host, allowed and not plain, plain, ip is not None)


FETCHERS = frozenset(
    {
        "curl",
        "wget",
        "fetch",
        "aria2c",
        "lwp-download",
        "lwp-request",
        "GET",
        "http",
        "https",
        "xh",
        "httpie",
        "lynx",
        "links",
        "w3m",
        "elinks",
        "wget2",
        "curlie",
        "axel",
        "iwr",
        "Invoke-WebRequest",
        "irm",
        "Invoke-RestMethod",
    }
)
# netcat and its kin: a raw connection, or a listener, with stdin and stdout on the socket
NETCATS = frozenset(
    {
        "nc",
        "ncat",
        "netcat",
        "nc.openbsd",
        "nc.traditional",
        "cryptcat",
        "pwncat",
        "sbd",
        "telnet",
        "gnutls-cli",
    }
)
RAW_NETWORK = NETCATS | {"socat", "s_client", "rlogin", "rsh"}
DNS_AND_PROBES = frozenset(
    {
        "dig",
        "nslookup",
        "host",
        "drill",
        "ping",
        "ping6",
        "traceroute",
        "tracepath",
        "whois",
        "finger",
        "kdig",
        "resolvectl",
    }
)
HARMLESS_SUBSTITUTIONS = frozenset(
    {
        "date",
        "seq",
        "echo",
        "printf",
        "expr",
        "which",
        "basename",
        "dirname",
        "nproc",
        "shuf",
        "mktemp",
        "uuidgen",
        "pwd",
        "command",
        "type",
    }
)
# Programs whose output is file contents (as opposed to a host or user name).
DATA_READERS = frozenset(
    {
        "cat",
        "head",
        "tail",
        "base64",
        "xxd",
        "od",
        "hexdump",
        "tac",
        "env",
        "printenv",
        "history",
        "gzip",
        "tar",
        "zip",
        "openssl",
        "gpg",
        "grep",
        "awk",
        "sed",
        "cut",
        "tr",
        "strings",
        "ls",
        "find",
    }
)
FILE_TRANSFER_CLIENTS = frozenset(
    {"ftp", "sftp", "tftp", "lftp", "ncftp", "smbclient", "pftp", "busybox"}
)
UPLOAD_LINES = re.compile(r"^\s*(?:put|mput|send|append|upload|reput)\b", re.M | re.I)
_SHELL_PATH = re.compile(
    r"^(?:\S*/)?(?:ba|z|da|k|c|tc|fi|a|mk)?sh(?:\s|$)|^(?:\S*/)?(?:python\S*|perl|"
    r"ruby|php|lua|node|pwsh|powershell|cmd(?:\.exe)?)(?:\s|$)",
    re.I,
)


def is_shell_program(value: str) -> bool:
    return bool(_SHELL_PATH.match(value.strip()))


def is_raw_network(cmd: SimpleCommand) -> bool:
    if cmd.name in RAW_NETWORK:
        return True
    if cmd.name == "openssl" and cmd.args[:1] == ["s_client"]:
        return True
    return any(socket_path(t) for _, t in cmd.redirects)


def is_fetcher(cmd: SimpleCommand) -> bool:
    if cmd.name in FETCHERS:
        return True
    if cmd.name == "tftp" or (cmd.name == "scp" and cmd.args and is_remote_spec(cmd.args[0])):
        return True
    return any(
        socket_path(t) and op.lstrip("0123456789").startswith("<") for op, t in cmd.redirects
    )


def socket_path(target: str) -> bool:
    return target.startswith(("/dev/tcp/", "/dev/udp/"))


def socket_host(target: str) -> str:
    parts = target.split("/")
    return parts[3] if len(parts) > 3 else target


def executes_stdin(cmd: SimpleCommand) -> bool:
    """Does ``cmd`` run as code whatever arrives on its standard input?"""
    name = cmd.name
    if cmd.stdin is not None:
        return False
    if name in SHELLS:
        return shell_input(cmd.words[1:]).kind == "stdin"
    if name in ("source", ".", "eval"):
        return bool(cmd.args) and cmd.args[0] in ("/dev/stdin", "/proc/self/fd/0", "-")
    if name.lower() in ("iex", "invoke-expression"):
        return not cmd.args  # PowerShell: `iwr URL | iex` runs what arrives on the pipe
    code = inline_code(name, cmd.words[1:])
    return code is not None and code.reads_stdin and code.language not in ("go", "gdb")


def interactive_shell(cmd: SimpleCommand) -> bool:
    return cmd.name in SHELLS and shell_input(cmd.words[1:]).interactive


def inner_commands(analysis: ShellAnalysis, cmd: SimpleCommand) -> list[SimpleCommand]:
    """Commands inside the substitutions in ``cmd``'s arguments."""
    found: list[SimpleCommand] = []
    frontier = [cmd]
    while frontier and len(found) < 256:
        for child in analysis.children(frontier.pop()):
            if child.in_substitution:
                found.append(child)
            frontier.append(child)
    return found


# Programs that only reshape what they are given: on their own they read no local data, so a
# substitution made of them (``$(echo $V | sed 's/\./_/g')``) carries nothing out of the machine.
# Value: the options that take the next word; ``True`` where the first operand is a script.
_TRANSFORMERS: dict[str, tuple[str, bool]] = {
    "sed": ("ef", True),
    "awk": ("fFv", True),
    "gawk": ("fFv", True),
    "mawk": ("fFv", True),
    "grep": ("efmABC", True),
    "egrep": ("efmABC", True),
    "fgrep": ("efmABC", True),
    "jq": ("", True),
    "tr": ("", True),
    "cut": ("bcdf", False),
    "head": ("nc", False),
    "tail": ("nc", False),
    "sort": ("tko", False),
    "uniq": ("fs", False),
    "rev": ("", False),
    "wc": ("", False),
    "fold": ("w", False),
    "base64": ("w", False),
    "xxd": ("cglos", False),
    "sha256sum": ("", False),
    "sha1sum": ("", False),
    "md5sum": ("", False),
}
# Facts about the machine's kind (its architecture, OS release) that every download URL uses.
_MACHINE_KIND = frozenset({"uname", "arch", "lsb_release", "getconf"})
_RELEASE_FILES = frozenset({"/etc/os-release", "/usr/lib/os-release", "/etc/lsb-release"})


def reads_local_data(cmd: SimpleCommand) -> bool:
    """Does a command inside a substitution put local data (files, environment, names) in it?"""
    name, args = cmd.name, cmd.args
    if name in HARMLESS_SUBSTITUTIONS or name in _MACHINE_KIND:
        return False
    if any(op.lstrip("0123456789") == "<" for op, _ in cmd.redirects):
        return True
    if name in (".", "source"):
        return not (args and args[0] in _RELEASE_FILES)
    if name == "dpkg" and args == ["--print-architecture"]:
        return False
    if name == "git" and args[:1] in (["describe"], ["rev-parse"]):
        return False
    if name in ("curl", "wget"):  # a download: remote data, unless it uploads something
        return any(
            a.startswith(("-d", "--data", "-F", "--form", "-T", "--upload", "--post")) for a in args
        )
    shape = _TRANSFORMERS.get(name)
    if shape is None:
        return True
    with_value, script_first = shape
    files = operands(cmd, with_value)
    if script_first and not any(a in ("-e", "-f", "--expression") for a in args):
        files = files[1:]
    return name != "tr" and bool(files)


def carries_local_data(analysis: ShellAnalysis, cmd: SimpleCommand) -> bool:
    """Do the substitutions in ``cmd``'s words put local data into its arguments?"""
    return any(reads_local_data(c) for c in inner_commands(analysis, cmd))


def reads_secret(cmd: SimpleCommand) -> str | None:
    """The secret a command reads or sends, if any of its operands or inputs is one."""
    for arg in [*cmd.args, *(t for op, t in cmd.redirects if op.lstrip("0123456789") == "<")]:
        for candidate in (arg, arg.lstrip("@"), arg.split("=", 1)[-1].lstrip("@")):
            kind = secret_kind(candidate, cmd.cwd)
            if kind is not None:
                return f"{candidate} ({kind[0]})"
    if cmd.name in ("env", "printenv") and not cmd.args:
        return "the environment variables"
    return None


def upstream_secret(analysis: ShellAnalysis, cmd: SimpleCommand) -> str | None:
    for feeder in analysis.upstream(cmd):
        secret = reads_secret(feeder)
        if secret:
            return secret
    return None


def send(
    cmd: SimpleCommand,
    what: str,
    where: str,
    secret: str | None,
    severity: Severity = "high",
    probability: float = 0.7,
) -> Prediction:
    if secret:
        return harm(
            cmd,
            EXFILTRATION,
            f"sends {secret} to {where}: the secret leaves this machine",
            "critical",
            0.9,
            False,
        )
    return harm(
        cmd,
        EXFILTRATION,
        f"sends {what} to {where}: the data leaves this machine",
        severity,
        probability,
        False,
    )


def file_secret(path: str, cwd: str | None) -> str | None:
    kind = secret_kind(path, cwd)
    return f"{path} ({kind[0]})" if kind else None


# -- remote code execution -----------------------------------------------------------------


# Cache and key-value protocol commands that empty or stop the server (memcached's protocol.txt,
# Redis's inline commands) and that delete what they name.
_EMPTIES_SERVER = re.compile(r"\b(?:flush_all|flushall|flushdb|shutdown)\b", re.IGNORECASE)
_DELETES_ITEM = re.compile(r"(?:^|[\s'\"])(?:delete|del|unlink)\s+\S+", re.IGNORECASE)
# Commands whose output is only what their own words say (`printf 'stats\r\n'`, `sleep 60`).
_LITERAL_PRINTERS = frozenset({"printf", "echo", "sleep", "true"})


def talks_to_this_machine(cmd: SimpleCommand) -> bool:
    """Whether a raw network client (nc, ncat, socat ...) names only this machine: every
    operand that could be a host is loopback (`nc -q1 127.0.0.1 11211`; not `nc -s 127.0.0.1
    203.0.113.5 4444`, whose source address is local and whose peer is not)."""
    hosts = [
        a
        for a in cmd.args
        if not a.startswith("-") and not a.isdigit() and re.search(r"[A-Za-z.:]", a)
    ]
    return bool(hosts) and all(is_local_host(h) for h in hosts)


def _literal_request(analysis: ShellAnalysis, cmd: SimpleCommand) -> bool:
    """Whether everything piped into ``cmd`` is written out in the command (printf or echo of
    literal words, with no substitution or variable), or ``cmd`` talks to this machine."""
    if talks_to_this_machine(cmd):
        return True
    stages = analysis.upstream(cmd)
    nested = [c for s in stages for c in analysis.children(s)]
    printers = [c for c in (*stages, *nested) if c.name not in ("sh", "bash", "timeout")]
    return bool(printers) and all(
        c.name in _LITERAL_PRINTERS and not c.redirects and not any(w.dynamic for w in c.words)
        for c in printers
    )


def stream_upload(cmd: SimpleCommand, analysis: ShellAnalysis, listening: bool) -> Rule:
    """A raw network client whose standard input is a file or another command's output."""
    files = [
        t
        for op, t in cmd.redirects
        if op.lstrip("0123456789") == "<" and t != "/dev/null" and not socket_path(t)
    ]
    fed = bool(analysis.upstream(cmd)) and not executes_stdin(cmd)
    if not files and not fed:
        return
    if not files and not listening and _literal_request(analysis, cmd):
        # (`printf 'stats\r\n' | nc cache01 11211`: what is sent is the request the command
        # shows, a protocol command; nothing of this machine's goes with it. A server on this
        # machine is a local service.) What the request does to the server is judged.
        shown = " | ".join(c.text for c in analysis.upstream(cmd))
        request = re.sub(r"\\[rn]", " ", shown)  # (printf's \r\n between commands)
        evidence = f"{shown} | {cmd.text}"
        if m := _EMPTIES_SERVER.search(request):
            yield harm(
                cmd,
                DESTRUCTIVE,
                f"sends `{m.group(0)}` to the server: it drops every item it holds, or stops",
                "high",
                0.8,
                False,
                evidence,
            )
        elif m := _DELETES_ITEM.search(request):
            yield harm(
                cmd,
                DESTRUCTIVE,
                f"sends `{m.group(0).strip(chr(39) + chr(34) + ' ')}` to the server: it "
                "deletes what it names",
                "moderate",
                0.6,
                False,
                evidence,
            )
        return
    source = files[0] if files else f"the output of `{analysis.upstream(cmd)[0].text}`"
    secret = file_secret(files[0], cmd.cwd) if files else upstream_secret(analysis, cmd)
    where = "whoever connects to the port it listens on" if listening else "a remote host"
    yield send(cmd, source, where, secret)
