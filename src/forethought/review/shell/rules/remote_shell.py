"""Remote shells: a shell (or any command runner) wired to a network connection."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.scope import RAW_CONNECTION
from forethought.review.shell.interpreters import SHELLS, language_of
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import (
    EXFILTRATION,
    REMOTE_SHELL,
    harm,
)
from forethought.review.shell.rules.common import (
    Needs,
    has,
    host_of,
    is_local_host,
    option_values,
    short_flags,
)
from forethought.review.shell.rules.network import (
    NETCATS,
    file_secret,
    inner_commands,
    is_shell_program,
    reads_secret,
    send,
    socket_host,
    socket_path,
    stream_upload,
    talks_to_this_machine,
    upstream_secret,
)
from forethought.review.shell.writes import operands

Rule = Iterator[Prediction]


def _netcat(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    programs = option_values(cmd, "-e", "-c", "--exec", "--sh-exec", "--lua-exec")
    listening = "l" in short_flags(cmd) or has(cmd, "--listen")
    kind = (
        "bind shell (anyone who connects gets a shell)"
        if listening
        else "reverse shell (a remote host gets a shell here)"
    )
    for program in programs:
        if is_shell_program(program):
            yield harm(
                cmd,
                REMOTE_SHELL,
                f"{cmd.name} runs {program} over the network: a {kind}",
                "critical",
                0.95,
                False,
            )
            return
        yield harm(
            cmd,
            REMOTE_SHELL,
            f"{cmd.name} runs `{program}` for whoever connects",
            "high",
            0.5,
            True,
        )
        return
    yield from stream_upload(cmd, analysis, listening)
    if "z" in short_flags(cmd):
        return
    if listening:
        yield harm(
            cmd, EXFILTRATION, "listens for connections from other machines", "moderate", 0.5, True
        )
    elif not talks_to_this_machine(cmd):  # (a service on this machine)
        yield harm(
            cmd,
            EXFILTRATION,
            RAW_CONNECTION,
            "moderate",
            0.5,
            True,
        )


def _socat(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    addresses = [a for a in cmd.args if not a.startswith("-") or a == "-"]
    lowered = [a.lower() for a in addresses]
    network = any(
        re.match(r"(?:tcp|udp|ssl|openssl|sctp|socks|proxy)[46]?(?:-|:)", a) for a in lowered
    )
    for address in lowered:
        if address.startswith(("exec:", "system:")):
            program = address.split(":", 1)[1].split(",", 1)[0]
            if network and is_shell_program(program):
                listening = any("listen" in a for a in lowered)
                kind = "bind shell" if listening else "reverse shell"
                yield harm(
                    cmd,
                    REMOTE_SHELL,
                    f"socat connects {program} to the network: a {kind}",
                    "critical",
                    0.95,
                    False,
                )
                return
    if network:
        files = [
            a.split(":", 1)[1].split(",", 1)[0] for a in lowered if a.startswith(("file:", "open:"))
        ]
        if files:
            yield send(cmd, files[0], "a remote host", file_secret(files[0], cmd.cwd))
        else:
            yield from stream_upload(cmd, analysis, any("listen" in a for a in lowered))
            yield harm(
                cmd,
                EXFILTRATION,
                "relays data between this machine and the network",
                "moderate",
                0.5,
                True,
            )


def _socket_tool(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """``socket -svp '/bin/sh -i' 12345`` (the socket(1) program)."""
    args = cmd.args
    for i, arg in enumerate(args[:-1]):
        if arg.startswith("-") and arg.endswith("p") and is_shell_program(args[i + 1]):
            kind = "bind shell" if "s" in arg else "reverse shell"
            yield harm(
                cmd,
                REMOTE_SHELL,
                f"socket runs {args[i + 1]} on a network connection: a {kind}",
                "critical",
                0.95,
                False,
            )


def _socket_redirects(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    sockets = [(op, t) for op, t in cmd.redirects if socket_path(t)]
    if not sockets:
        return
    host = socket_host(sockets[0][1])
    name = cmd.name
    interactive = name in SHELLS or language_of(name) is not None or "-i" in cmd.args
    if interactive and name not in ("cat", "echo", "printf"):
        yield harm(
            cmd,
            REMOTE_SHELL,
            f"connects {name}'s input and output to {host} over /dev/tcp: a reverse shell",
            "critical",
            0.95,
            False,
        )
        return
    if not name or name == "exec":
        return  # an fd opened for later: judged with the rest of the script
    writes = [t for op, t in sockets if ">" in op]
    if writes:
        secret = reads_secret(cmd) or upstream_secret(analysis, cmd)
        if not secret:
            secret = next(
                (s for c in inner_commands(analysis, cmd) if (s := reads_secret(c))), None
            )
        yield send(cmd, f"the output of `{name}`", f"{host} over /dev/tcp", secret)


def _socket_scripts(analysis: ShellAnalysis) -> Rule:
    """An fd opened on a socket (exec 3<>/dev/tcp/.., ztcp) and later wired to a shell."""
    opener = None
    for cmd in analysis.commands:
        if (
            cmd.name in ("exec", "") and any(socket_path(t) for _, t in cmd.redirects)
        ) or cmd.name in ("ztcp", "zsocket"):
            opener = cmd
            break
    if opener is None:
        return
    for cmd in analysis.commands[opener.index + 1 :]:
        fd_redirects = [
            t
            for op, t in cmd.redirects
            if "&" in op and (t.startswith("$") or (t.isdigit() and int(t) > 2))
        ]
        if cmd.dynamic_name or (fd_redirects and (cmd.name in SHELLS or cmd.name == "eval")):
            yield harm(
                cmd,
                REMOTE_SHELL,
                "runs commands read from a network socket opened with "
                f"`{opener.text}`: a remote shell",
                "critical",
                0.95,
                False,
            )
            return
        if fd_redirects and any(">" in op for op, _ in cmd.redirects):
            secret = next(
                (s for c in inner_commands(analysis, cmd) if (s := reads_secret(c))), None
            )
            inner_reads = [c for c in inner_commands(analysis, cmd) if c.name == "cat"]
            what = (
                f"the contents of {inner_reads[0].args[0]}"
                if inner_reads and inner_reads[0].args
                else f"the output of `{cmd.name}`"
            )
            yield send(cmd, what, "a network socket", secret)
            return
    yield harm(
        opener,
        EXFILTRATION,
        RAW_CONNECTION,
        "moderate",
        0.5,
        True,
    )


# Programs that share this machine's terminal with a remote party, and tunnels that expose a
# local service to the internet.
_TERMINAL_SHARING = ("tmate", "sshx", "upterm")
_TUNNELS = (
    "ngrok",
    "cloudflared",
    "lt",
    "localtunnel",
    "bore",
    "frpc",
    "chisel",
    "localxpose",
    "serveo",
)


def _remote_access(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name.rsplit("/", 1)[-1], cmd.args  # ./chisel is chisel
    if (name == "code" and args[:1] == ["tunnel"]) or name in _TERMINAL_SHARING:
        yield harm(
            cmd,
            REMOTE_SHELL,
            "opens a tunnel that gives a remote party a shell and the files on this machine",
            "high",
            0.8,
            False,
        )
    elif name in _TUNNELS or (name == "tailscale" and args[:1] in (["funnel"], ["serve"])):
        yield harm(
            cmd,
            EXFILTRATION,
            "exposes a local service or directory to the internet through a tunnel",
            "high",
            0.7,
            True,
        )
    elif name in ("xterm",) and any(a in ("-display", "-d") for a in args):
        yield harm(
            cmd,
            REMOTE_SHELL,
            "opens a terminal on a remote X display: a remote shell",
            "critical",
            0.9,
            False,
        )


# ssh options that take a value (autossh adds -M), and the -o settings that forward.
_SSH_VALUED = "bcDEeFIiJLlmOopQRSWwM"
_SSH_FORWARD_SETTINGS = {"remoteforward": "R", "dynamicforward": "D", "tunnel": "w"}
# Local services that give whoever reaches them a login: ssh, telnet, RDP, VNC.
_LOGIN_PORTS = frozenset({"22", "23", "3389", "5900", "5901"})


def _ssh_forwards(cmd: SimpleCommand) -> list[tuple[str, str]]:
    """(letter, value) of -R/-D/-w, clustered (``-fNR spec``) or as -o settings."""
    found: list[tuple[str, str]] = []
    args = cmd.args
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("-") or arg.startswith("--") or arg == "-":
            i += 1
            continue
        for k, letter in enumerate(arg[1:], 1):
            if letter in _SSH_VALUED:
                value = arg[k + 1 :] or (args[i + 1] if i + 1 < len(args) else "")
                i += 0 if arg[k + 1 :] else 1
                if letter == "o":
                    key, _, setting = value.replace("=", " ", 1).partition(" ")
                    letter = _SSH_FORWARD_SETTINGS.get(key.strip().lower(), "o")
                    value = ":".join(setting.split())  # RemoteForward "2222 localhost:22"
                if letter in "RDw":
                    found.append((letter, value))
                break
        i += 1
    return found


def _ssh_tunnels(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """``ssh -R`` (a remote host reaches into this machine), ``-D`` (a SOCKS proxy out through
    another host), ``-w`` (a VPN between the two networks); autossh keeps them up."""
    forwards = _ssh_forwards(cmd)
    if not forwards:
        return
    destination = next(iter(operands(cmd, _SSH_VALUED)), "")
    if is_local_host(host_of(destination)):
        return  # a tunnel to this machine itself reaches nothing new
    letter, spec = forwards[0]
    parts = spec.replace("[", "").split("]")[-1].split(":") if spec else []
    kept_up = " and keeps it up (autossh)" if cmd.name == "autossh" else ""
    if letter == "R":
        # -R [bind:]port is a SOCKS proxy into this network; a bind address of 0.0.0.0 or *
        # opens the tunnel to anyone who reaches the remote host, not just its own users
        reverse_socks = len(parts) <= 2
        open_bind = len(parts) == 4 and parts[0] in ("", "*", "0.0.0.0")
        reached = (
            "any host on this machine's network (a reverse SOCKS proxy)"
            if reverse_socks
            else f"port {parts[-1]} on {parts[-2] or 'this machine'}"
        )
        wide = reverse_socks or open_bind or bool(kept_up)
        yield harm(
            cmd,
            REMOTE_SHELL,
            f"opens a reverse tunnel{kept_up}: the remote host "
            f"{'and anyone who reaches it ' if open_bind else ''}can reach {reached}",
            "high" if wide else "moderate",
            0.7 if wide else 0.6,
            True,
        )
    elif letter == "D":
        open_bind = len(parts) > 1 and parts[0] in ("", "*", "0.0.0.0")
        who = " for every machine that reaches it" if open_bind or "g" in short_flags(cmd) else ""
        yield harm(
            cmd,
            EXFILTRATION,
            "opens a SOCKS proxy that carries traffic out through the remote host, around "
            f"this machine's network controls{who}{kept_up}",
            "high",
            0.7 if who else 0.5,
            True,
        )
    else:
        yield harm(
            cmd,
            REMOTE_SHELL,
            f"joins this machine's network to the remote host's through a tun device (a VPN)"
            f"{kept_up}",
            "high",
            0.7,
            True,
        )


def _openssl(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    if cmd.args[:1] == ["s_client"]:
        reads_file = any(op.lstrip("0123456789") == "<" for op, _ in cmd.redirects)
        if analysis.upstream(cmd) or reads_file:
            yield from stream_upload(cmd, analysis, False)
        else:
            yield harm(
                cmd, EXFILTRATION, "opens a TLS connection to another host", "low", 0.3, True
            )
    elif cmd.args[:1] == ["s_server"]:
        yield harm(
            cmd,
            EXFILTRATION,
            "listens for TLS connections from other machines",
            "moderate",
            0.5,
            True,
        )


COMMANDS: dict[str, list] = {
    "socat": [_socat],
    "socket": [_socket_tool],
    "openssl": [_openssl],
    "ssh": [_ssh_tunnels],
    "autossh": [_ssh_tunnels],
}
for _tool in ("code", "tailscale", "xterm", *_TERMINAL_SHARING, *_TUNNELS):
    COMMANDS[_tool] = [_remote_access]
for _tool in NETCATS:
    COMMANDS[_tool] = [_netcat]


def _tunnel_by_path(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """``./chisel``, ``/tmp/ngrok``: a tunnel program run from a path of its own."""
    if "/" in cmd.name and cmd.name.rsplit("/", 1)[1] in (*_TERMINAL_SHARING, *_TUNNELS):
        yield from _remote_access(cmd, analysis)


GENERIC = [_socket_redirects, _tunnel_by_path]
NEEDS = {_socket_redirects: Needs.REDIRECTS, _tunnel_by_path: Needs.PATH_NAME}
SCRIPT = [_socket_scripts]
