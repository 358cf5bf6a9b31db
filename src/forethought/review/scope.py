"""What the task asks for: an effect on a target the task itself names is in the user's scope.

"Reset the local test database", "add ~/.local/bin to PATH in ~/.bashrc", "copy the build to
staging.example.com": the task names the target, so touching it is the work, not an accident or
an attack. Such a harm is kept on record but capped (moderate, probability 0.5): a human may
still be asked (escalate), it is no longer blocked outright. Where the task also asks for the
kind of change ("remove /etc/nginx/sites-enabled/default", "deploy the build to web01"), a harm
short of critical is capped at low: the user asked for exactly this, so nobody is asked again.
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
    r"[\w.-]+@[\w-]+:[^\s'\"]*)",  # scp's user@host:path, the host a bare name
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
    `/etc/hosts`, nor `~/projects` by one about `~/projects/old`."""
    return re.search(rf"(?<![\w.~/$-]){re.escape(name)}(?![\w./-])", task) is not None


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
    return False


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
        out.append(p)
    return out
