"""What the reviewer could not see: unresolved command names, unparseable or too-deep input;
and what the words of a program it does not know say it does."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.scope import CHECK_OFF
from forethought.review.shell.catalogue import operands
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import (
    DEFENCE_EVASION,
    DESTRUCTIVE,
    PRIVILEGE_ESCALATION,
    UNKNOWN_CODE,
    harm,
    issue_harm,
)
from forethought.review.shell.rules.common import option_values
from forethought.review.shell.uncertainty import known_name
from forethought.review.task_limits import administers, subcommand_at

Rule = Iterator[Prediction]


def from_issues(analysis: ShellAnalysis) -> Rule:
    for issue in analysis.issues:
        if issue.kind == "unresolved_command":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"{issue.detail}: it runs a command the reviewer cannot see",
                "moderate",
                0.5,
                True,
            )
        elif issue.kind == "unresolved_wrapper":
            # `"$HELPER" kubectl get pods`, `$SUDO apt-get install`: the command it wraps is
            # reviewed; what the variable adds is unknown, reported as uncertainty as well
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"{issue.detail}: what the wrapper itself does is unknown",
                "low",
                0.5,
                True,
            )
        elif issue.kind == "too_deep":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"nested too deeply to review ({issue.detail}); what runs at the bottom is unknown",
                "high",
                0.9,
                True,
            )
        elif issue.kind == "too_large":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"too much to review ({issue.detail}); the rest is unknown",
                "high",
                0.9,
                True,
            )
        elif issue.kind == "parse_error":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                "could not fully parse the command; parts of it may have been missed",
                "low",
                0.3,
                True,
            )


# What a security control is called in a subcommand (`foocloud firewall disable`, `tool mfa off`).
_CONTROLS = frozenset(
    "firewall firewalls waf mfa 2fa otp audit auditing audit-log logging protection encryption "
    "tls ssl antivirus defender selinux apparmor guard guardrails monitoring alerts alerting "
    "backup backups scanning scanner".split()
)
_TURNS_OFF = frozenset({"disable", "stop", "kill", "mask", "off", "pause", "suspend"})
# The roles that hold every power, as access options give them (`--role owner`, `--admin`).
_ALL_POWER = frozenset(
    "owner owners admin admins administrator administrators superuser super-admin superadmin "
    "root cluster-admin full-access fullaccess * all".split()
)
_ROLE_OPTIONS = (
    "--role",
    "--roles",
    "--clusterrole",
    "--permission",
    "--permissions",
    "--access",
    "--access-level",
)
_POWER_FLAGS = frozenset({"--admin", "--owner", "--superuser", "--super-admin", "--root"})
# Options whose words say they delete (not --prune, which syncing tools use for what their
# source no longer has, nor --delete-after and the like, which say when).
_DELETING_OPTION = re.compile(
    r"^--(?:purge|wipe|destroy|drop)(?:-(?:all|data|database|volumes?|storage|everything))?$|"
    r"^--(?:delete|remove)-(?:all|data|database|volumes?|storage|everything)$|^--force-delete$"
)
_GRANTS = frozenset(
    "grant add create invite assign set bind attach update promote enroll register new".split()
)


def _unknown_program_words(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """A program no rule, catalogue entry or list knows is read by the verb of its subcommand,
    as administration CLIs name them (review/data/task_changes.toml: `foocloud server delete
    web1`, `tool cluster destroy prod`): a verb of deletion deletes what it names, a verb that
    grants or creates giving an all-powerful role (`--role owner`, `--admin`) escalates
    privilege, and turning off a security control (`foocloud firewall disable`) weakens the
    machine. A deletion the task asks for, on what it names, is capped as asked
    (review/scope.py); anything else it may change is left to the uncertainty the unknown
    program already reports."""
    # (by its own name however it is reached: `/opt/fc/bin/foocloud`, `./foocloud`)
    name = cmd.name.rsplit("/", 1)[-1]
    if not cmd.args or not name or known_name(name) or not administers(name):
        return
    off = next((a for a in cmd.args if CHECK_OFF.search(a.split("=", 1)[0])), None)
    if off is not None:
        yield harm(
            cmd,
            DEFENCE_EVASION,
            f"switches off a check of who may log in or act (`{off.split('=', 1)[0]}`, read "
            "from the words of a program forethought does not know)",
            "moderate",
            0.6,
            True,
        )
        return
    found = subcommand_at(cmd.args)
    if found is None:
        return
    if found[1] != "delete":
        # an option that deletes, whatever the subcommand of change (`foocloud volume detach
        # vol1 --purge`, `tool instance rebuild web1 --wipe-data`); a tool with no subcommand
        # (`locale-gen --purge`) is left to what else is known of it
        deleting = next((a for a in cmd.args if _DELETING_OPTION.match(a)), None)
        if deleting is not None:
            yield harm(
                cmd,
                DESTRUCTIVE,
                f"deletes data with `{deleting}` (read from the words of a program forethought "
                "does not know): it may not come back",
                "moderate",
                0.5,
                False,
            )
            return
    at, kind = found
    verb = cmd.args[at]
    words = operands(cmd)
    shown = " ".join([name, *words[:4]])
    if kind == "delete":
        yield harm(
            cmd,
            DESTRUCTIVE,
            f"deletes what `{shown}` names (read from the words of a program forethought does "
            "not know): it may not come back",
            "moderate",
            0.5,
            False,
        )
    elif kind == "write" and any(p in _GRANTS for p in re.split(r"[-_:.]", verb.lower())) and (
        power := _all_power(cmd)
    ):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"gives {power} (`{shown}`, read from the words of a program forethought does not "
            "know): whoever holds it can do anything there",
            "moderate",
            0.6,
            False,
        )
    elif verb.lower() in _TURNS_OFF and any(w.lower() in _CONTROLS for w in words[:3]):
        yield harm(
            cmd,
            DEFENCE_EVASION,
            f"turns off a security control (`{shown}`, read from the words of a program "
            "forethought does not know)",
            "moderate",
            0.6,
            True,
        )


def _all_power(cmd: SimpleCommand) -> str | None:
    """The all-powerful role a command gives (`--role owner`, `--admin`, membership of the
    administrators' group: `tool group add-members idm_admins bob`), or None."""
    for flag in _POWER_FLAGS.intersection(cmd.args):
        return f"the {flag[2:]} role"
    for value in option_values(cmd, *_ROLE_OPTIONS):
        role = value.lower().rpartition("/")[2]  # roles/owner
        if role in _ALL_POWER:
            return f"the {value} role"
    words = operands(cmd)
    pieces = {p for w in words[:3] for p in re.split(r"[-_:.]", w.lower())}
    if pieces & _MEMBERSHIP:
        for w in words[1:]:
            if _ADMIN_GROUP.search(w) is not None:
                return f"membership of {w}"
    if pieces & _ROLE_WORDS:
        # a role given by position (`user set_role bob example.org prosody:admin`, `role assign
        # bob admin`): its last segment names it
        for w in words[1:]:
            if w.lower().rsplit(":", 1)[-1].rsplit("/", 1)[-1] in _ALL_POWER - {"all", "*"}:
                return f"the {w} role"
    return None


_ROLE_WORDS = frozenset({"role", "roles"})


# A group of administrators by its name, as a membership command gives it (`idm_admins`,
# `domain-admins`, `wheel`): the plural or the group's own word, not a name with admin in it
# (`admin-ui`).
_ADMIN_GROUP = re.compile(
    r"(?:^|[-_:.])(?:admins|administrators|superusers|super-admins|owners|wheel|sudo|sudoers)$",
    re.IGNORECASE,
)
_MEMBERSHIP = frozenset("group groups role roles team teams member members membership".split())


GENERIC = [_unknown_program_words]
SCRIPT = [from_issues]
