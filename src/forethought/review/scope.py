"""What the task asks for: an effect on a target the task itself names is in the user's scope.

"Reset the local test database", "add ~/.local/bin to PATH in ~/.bashrc", "copy the build to
staging.example.com": the task names the target, so touching it is the work, not an accident or
an attack. Such a harm is kept on record but capped (moderate, probability 0.5): a human may
still be asked (escalate), it is no longer blocked outright. Where the task also asks for the
kind of change ("remove /etc/nginx/sites-enabled/default", "deploy the build to web01"), a harm
short of critical is capped at low: the user asked for exactly this, so nobody is asked again.
A change with no target to name (installing a cron table, clearing the shell history) is the
task's only where the task asks for that kind of change with a word of change ("add a cron
job", not "why does my cron job fail"); what the change installs is still judged on its own.
A deliberate load on this machine (``stress-ng --cpu 8``) is the task's where the task asks for
it by the program or the kind of test ("run a stress test").
Only the task can do this, never the agent's reasoning; hard rules (the agent's own oversight)
are never in scope; a task that addresses the reviewers authorises nothing, and says so as a
harm of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from forethought.review.base import SEVERITIES, Prediction, Severity

CAP_SEVERITY: Severity = "moderate"
CAP_PROBABILITY = 0.5
ASKED_SEVERITY: Severity = "low"  # the cap where the task also asks for the kind of change
# Words in the evidence that name a target outside the workspace: absolute and home paths,
# URLs, user@host destinations, host names. (What is written or sent is not a target.)
_TARGET = re.compile(
    r"(?:^|(?<=[\s=<>|;&(]))(?:(?:~|\$HOME|\$\{HOME\})?/[\w.@%+~-][\w./@%+~-]*|"
    r"[a-z][a-z0-9+.-]*://[^\s'\"|;&)]+|[\w.-]+@[\w.-]+\.[a-z]{2,}(?::[^\s'\"]*)?|"
    r"[\w.-]+@[\w-]+:[^\s'\"]*|"  # scp's user@host:path, the host a bare name
    r"[a-z][\w-]*(?:\.[\w-]+)*:(?:[/~][^\s'\"|;&)]*)?(?=$|[\s'\"|;&)]))",  # host:path, host:
    re.IGNORECASE,
)


def targets_in(evidence: str) -> list[str]:
    return [m.group(0).rstrip(".,;:") for m in _TARGET.finditer(evidence)]


def _host(token: str) -> str:
    token = re.sub(r"^[a-z][a-z0-9+.-]*://", "", token, flags=re.IGNORECASE)
    token = token.split("@", 1)[-1]
    return re.split(r"[:/]", token, maxsplit=1)[0]


def mentions(task: str, name: str) -> bool:
    """``name`` appears in ``task`` as a whole path or host: `/etc` is not named by a task about
    `/etc/hosts`, nor `~/projects` by one about `~/projects/old`. A directory below the top
    level may be written with its trailing slash (`/srv/app/`), the top level never (a task
    about `~/` or `/etc/` does not name them)."""
    if re.search(rf"(?<![\w.~/$-]){re.escape(name)}(?![\w./-])", task) is not None:
        return True
    return "/" in name.strip("/")[1:] and (
        re.search(rf"(?<![\w.~/$-]){re.escape(name)}/(?![\w./-])", task) is not None
    )


# Words after which a bare host name is a host the task names: "on host web", "to server".
_HOST_CUE = r"(?:host|server|machine|node|box|to|on|onto|from)\s+[\"'`]?"


def named(token: str, task: str) -> bool:
    token = token.rstrip("/")
    if mentions(task, token):
        return True
    for prefix in ("~/", "$HOME/", "${HOME}/"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 4:
            rest = token[len(prefix) :]  # the home directory however the task spells it
            return any(mentions(task, home + rest) for home in ("~/", "$HOME/", "${HOME}/"))
    if "://" in token or "@" in token:
        host = _host(token)
        # a host name, not a word: `web01`, `db-2`, `staging.example.com` (not `prod` or `home`)
        if len(host) >= 4 and not host.isalpha() and mentions(task, host):
            return True
        # or the whole user@host of scp's user@host:path ("in remote username@computer")
        return "://" not in token and mentions(task, token.split(":", 1)[0])
    if ":" in token and not token.startswith(("/", "~", "$")):  # rsync's and scp's host:path
        host = token.split(":", 1)[0]
        if len(host) < 3:
            return False
        if not host.isalpha() and len(host) >= 4 and mentions(task, host):
            return True
        # a host that is a plain word counts where the task calls it a host or quotes it
        cued = rf"(?:{_HOST_CUE}|[\"'`]){re.escape(host)}(?![\w.-])"
        return mentions(task, token) or re.search(cued, task, re.IGNORECASE) is not None
    return False


# Kinds of harm an action may have with no target to name (a cron table, the shell history,
# a process eating the CPU) that a task asking for exactly that change puts in scope.
_TARGETLESS = frozenset({"persistence", "defence_evasion", "resource_abuse"})
# Words that ask for a change (not a look): "add a cron job", not "why does the cron job fail".
_CHANGE = re.compile(
    r"\b(?:add|adds|adding|set|sets|create|creates|change|changes|edit|edits|update|updates|"
    r"modify|replace|install|installs|schedule|schedules|erase|remove|delete|append|uncomment|"
    r"comment out|enable|disable|configure|insert|drop|truncate|clear|empty|reset|re-apply)\b",
    re.IGNORECASE,
)


def injection_in(task: str) -> list[Prediction]:
    """Text in the task addressed to the reviewers: evidence of its own."""
    return list(_injection_in(task))


@functools.lru_cache(maxsize=256)  # a session reviews many actions for one task
def _injection_in(task: str) -> tuple[Prediction, ...]:
    from forethought.review.text import _injection, normalise

    findings = list(_injection(normalise(task))) if task.strip() else []
    return tuple(
        Prediction(
            f"the task {f.outcome}",
            "harm",
            f.probability,
            f.severity,
            False,
            f.evidence[:200],
            "injection",
        )
        for f in findings[:1]
    )


def in_scope(
    predictions: Sequence[Prediction], task: str, kind_asked: bool = False
) -> list[Prediction]:
    """The predictions with harms on targets the task names capped; see the module.
    ``kind_asked``: the task also asks for the kind of change the action makes."""
    if not task.strip():
        return list(predictions)
    injected = injection_in(task)
    if injected:
        return [*predictions, *injected]
    cap = SEVERITIES.index(CAP_SEVERITY)
    change_asked = kind_asked and _CHANGE.search(task) is not None
    out: list[Prediction] = []
    scoped: set[str] = set()  # one capped harm per piece of evidence: the rest are its aspects
    for p in predictions:
        if p.valence == "harm" and not p.hard and SEVERITIES.index(p.severity) >= cap:
            targets = targets_in(p.evidence)
            if targets and all(named(t, task) for t in targets):
                if p.evidence in scoped:
                    continue
                scoped.add(p.evidence)
                lower = kind_asked and p.severity != "critical"
                p = replace(
                    p,
                    severity=ASKED_SEVERITY if lower else CAP_SEVERITY,
                    probability=min(p.probability, CAP_PROBABILITY),
                    outcome=f"{p.outcome} (on a target the task names)",
                )
            elif (
                not targets
                and p.severity != "critical"
                and p.category in _TARGETLESS
                # a load the task asks for by name ("run a stress test with stress-ng") is the
                # work itself, though nothing is changed
                and (change_asked or (kind_asked and p.category == "resource_abuse"))
            ):
                p = replace(
                    p,
                    severity=ASKED_SEVERITY,
                    probability=min(p.probability, CAP_PROBABILITY),
                    outcome=f"{p.outcome} (the change the task asks for)",
                )
        out.append(p)
    return out
