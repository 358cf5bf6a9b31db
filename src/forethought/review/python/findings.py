"""What the analysis finds: single harms, and facts about the whole program (including code
it runs through exec) that only amount to a harm together, such as a connection and a shell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from forethought.review.base import Prediction
from forethought.review.http import is_exfiltration_site, parse_ip
from forethought.review.paths import harm


@dataclass
class Facts:
    # stdin/stdout wired to something other than the terminal: os.dup2, a pty, an
    # interactive shell, or a process given a socket's file descriptor
    hands_over_io: bool = False
    reads_files: bool = False
    reads_secrets: bool = False
    dumps_environment: bool = False
    connects: list[tuple[str, str | None]] = field(default_factory=list)  # (evidence, host)
    listens: list[str] = field(default_factory=list)
    sends: list[tuple[str, str]] = field(default_factory=list)  # (evidence, where)


def conclusions(facts: Facts, allows: Callable[[str], bool]) -> list[Prediction]:
    """Remote shells, raw connections and exfiltration, from the facts of the whole program;
    ``allows`` tells whether data may go to a host."""
    out = []
    sends = list(facts.sends)
    for evidence, host in facts.connects:
        if facts.hands_over_io:
            out.append(harm(f"opens a remote shell: connects to {host or 'a remote host'} "
                            "and hands it a command interpreter", 0.95, "critical",
                            evidence, "remote_shell"))
            break
        if host is None or not allows(host):
            raw = host is not None and parse_ip(host) is not None
            exfil = host is not None and is_exfiltration_site(host)
            out.append(harm(f"opens a raw connection to {host or 'a host chosen at run time'}"
                            ", outside the allow list", 0.6 + (0.3 if raw or exfil else 0),
                            "moderate", evidence, "exfiltration"))
            sends.append((evidence, host or "a remote host"))
    if facts.listens and facts.hands_over_io:
        out.append(harm("opens a bind shell: listens for connections and hands them a "
                        "command interpreter", 0.9, "critical", facts.listens[0],
                        "remote_shell"))
    elif facts.listens:
        out.append(harm("opens a listening network port", 0.5, "low", facts.listens[0],
                        "remote_shell", reversible=True))
    local = facts.reads_files or facts.reads_secrets or facts.dumps_environment
    if sends and local:
        evidence, where = sends[0]
        what = "secrets" if facts.reads_secrets or facts.dumps_environment else "files"
        out.append(harm(f"reads local {what} and sends data to {where}", 0.8, "high",
                        evidence, "exfiltration"))
    return out
