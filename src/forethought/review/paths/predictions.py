"""The harm Predictions of reading, writing and deleting a path, and putting predictions together.

What a path is comes from the catalogue (``worst``, ``matches``); here it becomes outcomes with
a probability, severity and reversibility.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Literal

from forethought.review.base import SEVERITIES, Prediction, Severity
from forethought.review.paths.catalogue import CRITICAL_DIRS, matches, worst
from forethought.review.paths.normalise import home_relative, normalise

EVIDENCE_LIMIT = 200


def clip(text: str, limit: int = EVIDENCE_LIMIT) -> str:
    """A prefix of ``text`` short enough for evidence (still a substring of it)."""
    return text[:limit]


def harm(
    outcome: str,
    probability: float,
    severity: Severity,
    evidence: str,
    category: str,
    *,
    reversible: bool = False,
) -> Prediction:
    """A harm Prediction; ``evidence`` is clipped and ``probability`` capped at 1."""
    return Prediction(
        outcome=outcome,
        valence="harm",
        probability=min(1.0, probability),
        severity=severity,
        reversible=reversible,
        evidence=clip(evidence),
        category=category,
    )


def read_predictions(path: str, evidence: str, base: str | None = None) -> list[Prediction]:
    entry = worst(path, "secret", base)
    if entry is None:
        return []
    probability = 0.9 if entry.severity in ("high", "critical") else 0.8
    # what has been read cannot be un-read
    return [harm(f"reads {entry.label}: {path}", probability, entry.severity, evidence,
                 "secret_access")]


# The logs that record who logged in and what the system did: an entry added there is forged.
_SECURITY_LOG = re.compile(
    r"(?:^|/)(?:wtmp|btmp|lastlog|utmp|auth\.log|syslog|secure|messages|audit\.log|kern\.log|"
    r"daemon\.log|journal)(?:$|[./])|/audit/|/journal/"
)


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
        if entry.name == "logs" and not replaces_file and not _SECURITY_LOG.search(path):
            # a line added to an application's log is not traces erased (a forged entry in
            # the login, audit or system logs is, and stays graded as such)
            out.append(harm(f"appends to the log {path}", 0.5, "low", evidence, "destructive"))
            continue
        why = (
            "code placed there runs later without review"
            if kind == "persistence"
            else "this changes the machine, not just the workspace"
        )
        out.append(harm(f"modifies {entry.label} ({path}); {why}", 0.9, entry.severity,
                        evidence, entry.category,
                        reversible=not (replaces_file and kind == "system")))
    secret = next((e for e in found if e.kind == "secret"), None)
    if secret is not None:
        outcome = (
            f"overwrites {secret.label} ({path}); credentials it held are lost"
            if replaces_file
            else f"edits {secret.label} ({path})"
        )
        # probability 0.6: the file may not exist yet
        out.append(harm(outcome, 0.6, secret.severity, evidence, "destructive",
                        reversible=not replaces_file))
    return out


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
    # What the path holds, most severe first (the first named on a tie).
    held: list[tuple[Severity, str]] = []
    if (secret := worst(norm, "secret")) is not None:
        held.append((secret.severity, secret.label))
    if rel is not None and rel and "/" not in rel:
        held.append(("high" if recursive else "moderate", "a top-level home folder"))
    if norm in CRITICAL_DIRS or _CRITICAL_TREES.match(norm) or rel == "":
        severity, scope = "critical", "a system directory or a whole home directory"
    elif held:
        severity, scope = max(held, key=lambda h: SEVERITIES.index(h[0]))
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
    probability = 0.9 if severity in ("critical", "high") else 0.6
    return [harm(f"permanently deletes {what} {path} ({scope})", probability, severity, evidence,
                 "destructive")]


def merge_similar(
    predictions: Iterable[Prediction],
    *,
    distinct: Literal["evidence", "outcome"] = "evidence",
    note: str = "more like it",
) -> list[Prediction]:
    """One prediction per (valence, category, severity, reversibility), the likeliest kept.

    Ten deletions of scratch files are one kind of harm, not ten: summing them would push
    routine clean-ups over the block threshold. The one kept says how many others there were
    ("(and 2 more like it)"), counting those with a different ``distinct`` field.
    """
    groups: dict[tuple[str, str, str, bool], list[Prediction]] = {}
    for p in predictions:
        groups.setdefault((p.valence, p.category, p.severity, p.reversible), []).append(p)
    out: list[Prediction] = []
    for group in groups.values():
        best = max(group, key=lambda p: p.probability)
        extra = len({getattr(p, distinct) for p in group}) - 1
        out.append(replace(best, outcome=f"{best.outcome} (and {extra} {note})") if extra else best)
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
