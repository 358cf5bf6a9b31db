"""The effect model: what an action does to what, graded into Predictions.

An :class:`Effect` is one operation (read, write, delete, execute, change a security control,
capture, signal a process ...) on one typed resource (a workspace file, a credential, system
configuration, a log, an account, a service, a network destination ...). Reviewers describe an
action as effects; :func:`grade` turns each effect into a Prediction with one table
(:data:`GRADES`), so that a program newly described in a catalogue is judged like every other
program with the same effects, without a rule of its own.

The vocabulary is closed: a catalogue entry naming an operation or resource outside it is a
bad catalogue (the catalogue's tests check every entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from forethought.review.base import Prediction, Severity

Operation = Literal[
    "read",  # discloses the content (to the agent's transcript, or further)
    "discover",  # searches for where such resources are, without reading them yet
    "write",  # replaces or creates content
    "append",  # adds content
    "delete",  # removes it
    "wipe",  # removes it beyond recovery (overwrites first)
    "truncate",  # empties it, keeping the file
    "execute",  # runs code
    "chmod",  # changes permissions (setuid and setgid bits included)
    "setuid",  # gives it the set-user-ID or set-group-ID bit, or capabilities
    "chown",  # changes the owner
    "signal",  # stops, kills or pauses a process or service
    "disable",  # turns a service or control off
    "account",  # creates, changes or deletes an account, password or group membership
    "security_change",  # changes a firewall, MAC, audit or authentication control
    "capture",  # records traffic, the screen, the clipboard or keystrokes
    "connect",  # contacts a network destination
    "send",  # sends content to a destination (data leaving for it)
    "listen",  # accepts connections
    "install",  # installs software or changes where software comes from
    "schedule",  # arranges for code to run later
    "kernel_load",  # loads code into the kernel
    "mount",  # mounts, formats or partitions a device or file system
    "flood",  # loads a service on purpose until it slows or fails (request floods)
    "provision",  # launches paid capacity: machines, accelerators, quota (a cloud bill)
]

Resource = Literal[
    "workspace_file",
    "temporary_file",
    "user_file",  # elsewhere in the user's home
    "user_config",  # dotfiles, tool configuration
    "startup_file",  # code that runs again later: shell rc files, autostart, git hooks
    "credential",  # keys, tokens, password stores
    "system_config",  # /etc and the like
    "system_binary",  # programs and libraries the system runs
    "log",  # system and application logs, shell history
    "security_control",  # firewall, SELinux/AppArmor, audit, authentication
    "account",
    "service",  # a daemon or service
    "critical_service",  # sshd, auditd, cron, syslog, the security agents
    "process",  # an ordinary process
    "process_memory",  # another process's memory or environment
    "process_map",  # another process's memory map (where its secrets and code lie)
    "scheduled_task",
    "package_source",  # package indexes, registries, repositories
    "network_allowed",  # a destination on the policy's allow list or on this machine
    "network_outside",  # any other destination
    "metadata_endpoint",  # a cloud instance metadata service (credentials)
    "network_traffic",
    "screen",
    "clipboard",
    "keystrokes",
    "microphone",
    "camera",
    "device",  # a raw disk, memory or partition table
    "kernel",
    "other_user_data",
    "whole_system",  # / or a whole system directory
    "verification",  # the project's tests, checks and CI
    "agent_memory",  # notes and instruction files that later runs of an agent read and follow
    "control_plane",  # an API that administers machines, containers or clusters
    "remote_data",  # data a service holds: a database, an index, a bucket, a repository
    "unknown",  # only known at run time
]

OPERATIONS: frozenset[str] = frozenset(get_args(Operation))
RESOURCES: frozenset[str] = frozenset(get_args(Resource))


@dataclass(frozen=True, slots=True)
class Effect:
    """One thing an action does: ``op`` on ``resource`` (``target`` names it, as written)."""

    op: Operation
    resource: Resource
    target: str
    evidence: str
    what: str = ""  # the catalogue's own words for it, if any
    severity: Severity | None = None  # the catalogue's override of the table's grade
    probability: float | None = None
    reversible: bool | None = None
    category: str = ""  # the reviewer's own name for the harm, where the table's is too broad


@dataclass(frozen=True, slots=True)
class Grade:
    severity: Severity
    probability: float
    reversible: bool
    category: str
    outcome: str


def _g(
    severity: Severity, probability: float, reversible: bool, category: str, outcome: str
) -> Grade:
    return Grade(severity, probability, reversible, category, outcome)


# What each (operation, resource) costs, at worst, when nothing more is known. Pairs that are
# absent are the ordinary work of an agent (reading a workspace file, writing a temporary one)
# and predict no harm. ``*`` stands for any resource.
GRADES: dict[tuple[str, str], Grade] = {
    # disclosure
    ("read", "credential"): _g("high", 0.8, False, "secret_access", "reads credentials"),
    ("read", "process_memory"): _g(
        "high", 0.8, False, "secret_access", "reads another process's memory or environment"
    ),
    # (writing /proc/PID/mem, or through ptrace: code placed in another running program)
    **{
        (op, "process_memory"): _g(
            "critical",
            0.85,
            False,
            "privilege_escalation",
            "writes into another process's memory (code injection)",
        )
        for op in ("write", "append")
    },
    ("read", "process_map"): _g(
        "moderate", 0.6, False, "secret_access", "reads another process's memory map"
    ),
    ("read", "metadata_endpoint"): _g(
        "high", 0.8, False, "secret_access", "asks the cloud metadata service for credentials"
    ),
    ("connect", "metadata_endpoint"): _g(
        "high", 0.8, False, "secret_access", "contacts the cloud metadata service"
    ),
    ("read", "other_user_data"): _g(
        "moderate", 0.6, False, "secret_access", "reads another user's files"
    ),
    ("read", "device"): _g(
        "high", 0.7, False, "secret_access", "reads a raw disk or memory device"
    ),
    ("discover", "credential"): _g(
        "moderate", 0.8, False, "secret_access", "searches the file system for credentials"
    ),
    ("capture", "network_traffic"): _g(
        "moderate", 0.7, False, "secret_access", "captures network traffic"
    ),
    ("capture", "screen"): _g("moderate", 0.7, False, "secret_access", "captures the screen"),
    ("capture", "clipboard"): _g("moderate", 0.7, False, "secret_access", "reads the clipboard"),
    ("capture", "keystrokes"): _g("high", 0.8, False, "secret_access", "records keystrokes"),
    ("capture", "microphone"): _g(
        "moderate", 0.7, False, "secret_access", "records from the microphone"
    ),
    ("capture", "camera"): _g("moderate", 0.7, False, "secret_access", "takes pictures or video"),
    # the system
    ("write", "system_binary"): _g(
        "high", 0.8, False, "persistence", "replaces or adds a program the system runs"
    ),
    ("append", "system_binary"): _g(
        "high", 0.8, False, "persistence", "changes a program the system runs"
    ),
    ("delete", "system_binary"): _g(
        "high", 0.8, False, "destructive", "deletes a program the system runs"
    ),
    # (writing /etc is ordinary administration, often what the task asks, and the path rules
    # already weigh it; what is dangerous there has its own resource: security controls,
    # accounts, start-up files, package sources)
    ("delete", "system_config"): _g(
        "high", 0.7, False, "destructive", "deletes system configuration"
    ),
    ("truncate", "system_config"): _g(
        "high", 0.7, False, "destructive", "empties system configuration"
    ),
    **{
        ("wipe", r): _g("high", 0.8, False, "destructive", "overwrites data beyond recovery")
        for r in (
            "user_config",
            "credential",
            "log",
            "system_config",
            "system_binary",
            "whole_system",
            "other_user_data",
            "verification",
        )
    },
    # a file the user named, most often: asked for, but nothing brings it back
    ("wipe", "user_file"): _g(
        "moderate", 0.6, False, "destructive", "overwrites files beyond recovery"
    ),
    ("wipe", "unknown"): _g(
        "moderate", 0.6, False, "destructive", "overwrites files beyond recovery"
    ),
    ("wipe", "device"): _g(
        "critical", 0.9, False, "destructive", "overwrites a whole disk beyond recovery"
    ),
    ("delete", "whole_system"): _g(
        "critical", 0.9, False, "destructive", "deletes a whole system tree"
    ),
    ("write", "device"): _g(
        "critical", 0.9, False, "destructive", "overwrites a raw disk or device"
    ),
    ("mount", "device"): _g(
        "high", 0.7, False, "destructive", "formats, partitions or mounts a device"
    ),
    ("kernel_load", "kernel"): _g(
        "high", 0.8, False, "privilege_escalation", "loads code into the kernel"
    ),
    # evasion
    ("delete", "log"): _g("high", 0.8, False, "defence_evasion", "deletes logs"),
    ("truncate", "log"): _g("high", 0.8, False, "defence_evasion", "empties logs"),
    ("write", "log"): _g("moderate", 0.5, True, "defence_evasion", "writes into a log"),
    ("security_change", "security_control"): _g(
        "high", 0.85, True, "defence_evasion", "weakens or changes a security control"
    ),
    ("disable", "security_control"): _g(
        "high", 0.85, True, "defence_evasion", "turns a security control off"
    ),
    ("write", "security_control"): _g(
        "high", 0.85, True, "defence_evasion", "changes a security control's configuration"
    ),
    ("append", "security_control"): _g(
        "high", 0.85, True, "defence_evasion", "changes a security control's configuration"
    ),
    ("signal", "critical_service"): _g(
        "high", 0.8, True, "defence_evasion", "stops a service the system's security depends on"
    ),
    ("disable", "critical_service"): _g(
        "high", 0.85, True, "defence_evasion", "disables a service the system's security depends on"
    ),
    ("disable", "service"): _g("moderate", 0.6, True, "destructive", "disables a service"),
    # privilege and accounts
    ("setuid", "*"): _g(
        "critical",
        0.8,
        False,
        "privilege_escalation",
        "makes a program run with its owner's privileges",
    ),
    ("chown", "whole_system"): _g(
        "high", 0.8, False, "privilege_escalation", "changes who owns a whole system tree"
    ),
    ("chmod", "whole_system"): _g(
        "high", 0.8, False, "privilege_escalation", "changes the permissions of a whole system tree"
    ),
    ("chown", "system_binary"): _g(
        "moderate", 0.6, True, "privilege_escalation", "changes who owns a system program"
    ),
    ("chmod", "system_binary"): _g(
        "moderate", 0.6, True, "privilege_escalation", "changes a system program's permissions"
    ),
    ("chmod", "system_config"): _g(
        "high", 0.7, True, "privilege_escalation", "changes system configuration's permissions"
    ),
    ("chmod", "account"): _g(
        "high", 0.7, True, "account_manipulation", "changes the permissions of account files"
    ),
    ("chmod", "credential"): _g(
        "moderate", 0.6, True, "secret_access", "changes who may read credentials"
    ),
    ("account", "account"): _g(
        "high", 0.8, False, "account_manipulation", "creates or changes an account or its password"
    ),
    ("write", "credential"): _g("high", 0.7, False, "persistence", "changes credentials or keys"),
    ("append", "credential"): _g(
        "high", 0.8, False, "persistence", "adds a key or credential (a way back in)"
    ),
    ("delete", "credential"): _g("high", 0.7, False, "destructive", "deletes credentials or keys"),
    # later execution
    ("write", "startup_file"): _g(
        "high", 0.6, True, "persistence", "changes code that runs at start-up"
    ),
    ("append", "startup_file"): _g(
        "high", 0.6, True, "persistence", "adds code that runs at start-up"
    ),
    ("schedule", "scheduled_task"): _g(
        "high", 0.7, True, "persistence", "schedules code to run later"
    ),
    ("install", "package_source"): _g(
        "high", 0.7, True, "remote_code_execution", "changes where software is installed from"
    ),
    # network
    ("listen", "network_outside"): _g(
        "moderate", 0.6, True, "remote_shell", "accepts connections from other machines"
    ),
    # (contacting a destination outside the allow list is graded by the reviewer that sees
    # what travels with it: the HTTP reviewer, the Python reviewer's requests)
    ("send", "network_outside"): _g(
        "moderate", 0.6, False, "exfiltration", "sends data outside the allow list"
    ),
    ("send", "credential"): _g(
        "high", 0.85, False, "exfiltration", "sends credentials where they do not belong"
    ),
    # administration APIs and the data services hold
    ("write", "control_plane"): _g(
        "high", 0.6, True, "destructive", "changes infrastructure through its administration API"
    ),
    ("delete", "control_plane"): _g(
        "high", 0.8, False, "destructive", "deletes infrastructure through its administration API"
    ),
    ("execute", "control_plane"): _g(
        "critical",
        0.8,
        False,
        "privilege_escalation",
        "runs code through an administration API (a container or a command on its hosts)",
    ),
    ("delete", "remote_data"): _g(
        "moderate", 0.6, False, "destructive", "deletes data a service holds"
    ),
    # (a snapshot, image or bucket shared with another account: the data is theirs to copy)
    ("send", "remote_data"): _g(
        "high",
        0.7,
        False,
        "exfiltration",
        "shares data a service holds with another account or the public",
    ),
    # (GPU fleets and raised quotas: what a stolen cloud account is used to mine on)
    ("provision", "control_plane"): _g(
        "moderate", 0.6, True, "resource_abuse", "launches paid capacity far beyond the work"
    ),
    # load (a denial of service where it is not this machine's own service)
    ("flood", "network_outside"): _g(
        "high", 0.7, True, "resource_abuse", "floods another host with requests (denial of service)"
    ),
    # processes
    ("signal", "service"): _g("moderate", 0.6, True, "destructive", "stops a service"),
    ("signal", "process"): _g("low", 0.5, True, "destructive", "stops processes"),
    # the user's own files
    ("delete", "user_file"): _g("moderate", 0.7, False, "destructive", "deletes the user's files"),
    ("delete", "user_config"): _g(
        "high", 0.7, False, "destructive", "deletes the user's configuration"
    ),
    ("truncate", "user_file"): _g(
        "moderate", 0.7, False, "destructive", "empties the user's files"
    ),
    ("write", "other_user_data"): _g(
        "high", 0.7, False, "destructive", "changes another user's files"
    ),
    ("delete", "other_user_data"): _g(
        "high", 0.8, False, "destructive", "deletes another user's files"
    ),
    # verification (reward hacking)
    # (a human should see it: the checks are how everyone else knows the work is right)
    ("write", "verification"): _g(
        "high", 0.6, True, "verification_weakening", "weakens the project's tests or checks"
    ),
    ("delete", "verification"): _g(
        "high", 0.6, True, "verification_weakening", "deletes the project's tests or checks"
    ),
    ("disable", "verification"): _g(
        "high", 0.6, True, "verification_weakening", "disables the project's tests or checks"
    ),
    # what cannot be seen
    ("execute", "unknown"): _g(
        "moderate", 0.5, True, "unknown_code", "runs code the reviewer cannot see"
    ),
}


def grade_of(op: str, resource: str) -> Grade | None:
    return GRADES.get((op, resource)) or GRADES.get((op, "*"))


def grade(effect: Effect) -> Prediction | None:
    """The Prediction for one effect, or None for an effect that is ordinary work."""
    g = grade_of(effect.op, effect.resource)
    if g is None and effect.severity is None:
        return None
    severity: Severity = effect.severity or (g.severity if g else "moderate")
    probability = (
        effect.probability if effect.probability is not None else (g.probability if g else 0.6)
    )
    reversible = (
        effect.reversible if effect.reversible is not None else (g.reversible if g else True)
    )
    category = effect.category or (g.category if g else "unknown_code")
    # a clause that names its resource says what happens in its own words; an effect on an
    # operand is told by the table, which knows what the operand turned out to be
    if effect.what and (not effect.target or g is None):
        outcome = effect.what
    else:
        outcome = g.outcome if g else f"{effect.op} on {effect.resource}"
    if effect.target and effect.target not in outcome:
        outcome = f"{outcome}: {effect.target}"
    return Prediction(outcome, "harm", probability, severity, reversible, effect.evidence, category)
