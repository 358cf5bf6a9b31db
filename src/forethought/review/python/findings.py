"""What the analysis finds: single harms, and facts about the whole program (including code
it runs through exec) that only amount to a harm together, such as a connection and a shell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from forethought.review.base import Prediction
from forethought.review.effects import Effect
from forethought.review.http import is_exfiltration_site, is_internal, parse_ip
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
    # requests that may carry data out only through what the run puts in them (a GET whose
    # query is built at run time): a channel for secrets, not a sign that files are sent
    weak_sends: list[tuple[str, str]] = field(default_factory=list)
    # what the code does, in the effect vocabulary (graded by forethought.review.effects)
    effects: list[Effect] = field(default_factory=list)
    # what the reviewer could not see: (share in [0, 1], reason)
    uncertain: list[tuple[float, str]] = field(default_factory=list)
    # what later steps of the session need to know (see forethought.session)
    written: dict[str, str | bytes | None] = field(default_factory=dict)  # None: unknown
    downloaded: dict[str, str] = field(default_factory=dict)  # path -> where it came from
    executable: set[str] = field(default_factory=set)
    secret_copies: dict[str, str] = field(default_factory=dict)  # copy -> the secret
    secrets_read: list[str] = field(default_factory=list)
    read_paths: list[tuple[str, str]] = field(default_factory=list)  # (path, evidence)
    # files whose code it runs: (path, evidence, the call that runs it where it is exec/eval)
    runs_files: list[tuple[str, str, str]] = field(default_factory=list)
    commands: list[tuple[str, str]] = field(default_factory=list)  # (command, evidence)
    imports: list[tuple[str, str]] = field(default_factory=list)  # (module, evidence)
    fetched: list[str] = field(default_factory=list)  # URLs fetched (None: chosen at run time)
    # cloud SDK calls (their evidence) -> the CLI command each equals, whose targets the task's
    # scope reads (None: the evidence stands for several commands)
    cloud_commands: dict[str, str | None] = field(default_factory=dict)
    # every HTTP request made: (method, URL or "" where chosen at run time, body, headers as
    # "Name: value" lines, evidence)
    requests: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # every SQL text given to a database driver: (the SQL, evidence)
    sql: list[tuple[str, str]] = field(default_factory=list)


def conclusions(facts: Facts, allows: Callable[[str], bool]) -> list[Prediction]:
    """Remote shells, raw connections and exfiltration, from the facts of the whole program;
    ``allows`` tells whether data may go to a host."""
    out = []
    sends = list(facts.sends)
    for evidence, host in facts.connects:
        # a shell handed to this machine's own port (a test talking to the task's own server)
        # reaches no one who is not already here
        if facts.hands_over_io and (host is None or not is_internal(host)):
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
    elif facts.listens and not any(e.op == "listen" for e in facts.effects):
        # (where the address is known, the listen effect says whether other machines can reach
        # it, and is graded with the rest)
        out.append(harm("opens a listening network port", 0.5, "low", facts.listens[0],
                        "remote_shell", reversible=True))
    secrets = facts.reads_secrets or facts.dumps_environment
    if secrets:
        sends += facts.weak_sends
    if sends and (facts.reads_files or secrets):
        evidence, where = sends[0]
        what = "secrets" if facts.reads_secrets or facts.dumps_environment else "files"
        out.append(harm(f"reads local {what} and sends data to {where}", 0.8, "high",
                        evidence, "exfiltration"))
    return out
