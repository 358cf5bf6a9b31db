"""Benefit from what the task asks: the credit an action earns is the task's, not the program's.

A static reviewer cannot know what an action is worth; it can see whether the task asks for it.
Every static reviewer credits ordinary work with a *generic* benefit (``carries out the requested
work``). When the task names what the action does (its program, a subcommand, a target, or the
kind of change: "delete", "install", "restart"...), or every target of one of its harms,
:func:`ground` marks that benefit as the task's (category :data:`TASK`). Every static reviewer
reads the task through :func:`in_task`. The policy weighs a moderate or worse harm only against
a benefit the task grounds (DESIGN.md, rule 5), so a flat credit for an ordinary command never
cancels a real harm, and a harm the task asks for is weighed against what the task asks.

Only the task grounds a benefit, never the agent's reasoning, and grounding never raises a
benefit above the generic credit's size: it changes which harms a benefit may answer, so it can
only make a decision stricter than a flat credit would.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from forethought.review.base import Prediction
from forethought.review.scope import (
    ASKED_NOTE,
    NAMED_NOTE,
    in_scope,
    mentions,
    names_all,
    targets_of,
)

TASK = "task"  # the category of a benefit the task grounds

# Words of a task that say what kind of change it asks for, by the programs that make it.
_VERBS: dict[str, frozenset[str]] = {
    "delete": frozenset(
        "rm rmdir unlink shred srm wipe find git-clean truncate docker-rm docker-rmi "
        "docker-prune kubectl-delete helm-uninstall terraform-destroy dropdb".split()
    ),
    "remove": frozenset(
        "rm rmdir unlink find apt-remove apt-purge pip-uninstall npm-uninstall".split()
    ),
    "clean": frozenset("rm rmdir find git-clean docker-prune make apt-autoremove".split()),
    "cleanup": frozenset("rm rmdir find git-clean docker-prune".split()),
    "purge": frozenset("rm find apt-purge docker-prune".split()),
    "prune": frozenset("docker-prune git-gc git-prune find".split()),
    "wipe": frozenset("rm shred wipe dd".split()),
    "erase": frozenset("rm shred wipe".split()),
    "reset": frozenset("git-reset dropdb rm".split()),
    "move": frozenset("mv rsync".split()),
    "rename": frozenset("mv rename".split()),
    "copy": frozenset("cp rsync scp sftp install tar aws-s3 gsutil gcloud-storage azcopy".split()),
    "sync": frozenset("rsync aws-s3 gsutil gcloud-storage azcopy rclone s3cmd".split()),
    **{
        verb: frozenset("rsync scp sftp".split())
        for verb in ("synchronize", "synchronise", "mirror", "transfer")
    },
    "backup": frozenset("cp rsync tar scp".split()),
    "deploy": frozenset(
        "rsync scp kubectl helm docker terraform aws-s3 aws-cloudformation aws-ecs aws-lambda "
        "gsutil gcloud-storage gcloud-run gcloud-app gcloud-functions az-storage az-webapp "
        "az-functionapp azcopy rclone s3cmd".split()
    ),
    "upload": frozenset(
        "scp rsync sftp curl aws-s3 gsutil gcloud-storage az-storage azcopy rclone s3cmd".split()
    ),
    "download": frozenset("curl wget git-clone".split()),
    "fetch": frozenset("curl wget git-fetch git-pull".split()),
    "clone": frozenset("git-clone".split()),
    "install": frozenset(
        "apt apt-get dnf yum brew pip pip3 pipx uv npm yarn pnpm cargo go gem make "
        "install rustup".split()
    ),
    "permission": frozenset("chmod chown chgrp setfacl".split()),
    "permissions": frozenset("chmod chown chgrp setfacl".split()),
    "executable": frozenset("chmod".split()),
    "owner": frozenset("chown chgrp".split()),
    "ownership": frozenset("chown chgrp".split()),
    "kill": frozenset("kill pkill killall".split()),
    "stop": frozenset("kill pkill killall systemctl service docker".split()),
    "restart": frozenset("systemctl service docker kill".split()),
    "archive": frozenset("tar zip gzip 7z".split()),
    "compress": frozenset("tar zip gzip xz bzip2 7z".split()),
    "extract": frozenset("tar unzip gunzip 7z".split()),
    "unpack": frozenset("tar unzip gunzip".split()),
    "push": frozenset("git-push docker-push".split()),
    "commit": frozenset("git-commit".split()),
    "format": frozenset("mkfs dd".split()),
    "flash": frozenset("dd".split()),
    "schedule": frozenset("crontab at systemctl".split()),
    "cron": frozenset("crontab".split()),
    # load and stress tests: the catalogue's load generators, and stress/stress-ng
    **{
        verb: frozenset(
            "hey ab ab2 wrk wrk2 siege bombardier oha h2load locust slowhttptest "
            "stress stress-ng".split()
        )
        for verb in ("load", "load-test", "loadtest", "benchmark", "stress", "stress-test")
    },
    # a change written into a file the task names (the shell reviewer's pseudo-program "write")
    **{
        verb: frozenset("write tee sed cp install mv ln touch".split())
        for verb in "set write edit update change configure add append replace modify overwrite "
        "create point".split()
    },
}
# The task's verbs that ask for a removal (the rest ask a program for some other change).
_REMOVAL = frozenset("delete remove clean cleanup purge prune wipe erase reset".split())


def removes(word: str) -> bool:
    """Whether a subcommand is a verb of deletion (`remove`, `uninstall`, `cleanup`)."""
    from forethought.review.task_limits import data

    return bool(word) and data().verbs.get(word.lower()) == "delete"


# Whole cloud platforms: their name in a task ("fix the aws deploy script") does not ask for
# whatever one of their hundreds of services does; the service's own word does ("rotate the
# cloudtrail bucket") or a verb of the task (see _VERBS: "deploy" and aws-s3).
_PLATFORMS = frozenset("aws gcloud az oci doctl".split())
# Programs too general to say what the action does (they run other programs).
_GENERAL = frozenset(
    "sudo doas env nohup time timeout nice ionice xargs bash sh zsh dash exec command builtin "
    "echo printf cat true false test cd".split()
)
_WORD = re.compile(r"[a-z0-9][a-z0-9_.+-]*")
_STOP = frozenset(
    "the and for with that this from into onto then than your you our all any are was were "
    "has have had its not but can will use using run make".split()
)


@functools.lru_cache(maxsize=256)  # a session reviews many actions for one task
def task_terms(task: str) -> frozenset[str]:
    """The task's words, lower-cased (at least three characters, common words left out), with
    the plain forms of inflected verbs: "removing", "deleted", "deploys" also give "remove",
    "delete", "deploy"."""
    words = {w for w in _WORD.findall(task.lower()) if len(w) >= 3 and w not in _STOP}
    return frozenset(words | {s for w in words for s in _stems(w)})


def _stems(word: str) -> set[str]:
    found: set[str] = set()
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            found |= {base, base + "e"}
            if len(base) >= 4 and base[-1] == base[-2]:
                found.add(base[:-1])  # stopping -> stop
    return found


def shared(
    task: str,
    programs: Sequence[tuple[str, str]],
    targets: Iterable[str],
    removing: Sequence[bool] = (),
) -> list[str]:
    """What the task names of an action: programs as (name, subcommand) pairs, and targets
    (paths, hosts, package names). An empty list: the task does not ask for this.
    ``removing``: per program, whether its subcommand removes (see :func:`kind`)."""
    if not task.strip():
        return []
    found = kind(task, programs, removing)
    terms = task_terms(task)
    for target in targets:
        target = target.rstrip("/")
        if len(target) < 3:
            continue
        name = posixpath.basename(target).lower()
        if (len(name) >= 4 and name in terms) or mentions(task, target):
            found.append(target)
    return list(dict.fromkeys(found))


def kind(
    task: str, programs: Sequence[tuple[str, str]], removing: Sequence[bool] = ()
) -> list[str]:
    """The words of the task that ask for the kind of change the programs make: a program's
    own name, or a verb whose programs include it ("delete" and rm). Empty: none.
    A program whose subcommand removes (``removing``, or a subcommand that is itself a verb
    of deletion: `apt-get remove`, `brew bundle cleanup`) is asked for only by a verb of
    removal: "install what's in the Brewfile" does not ask for `brew bundle cleanup --force`."""
    if not task.strip():
        return []
    terms = task_terms(task)
    found: list[str] = []
    for i, (name, sub) in enumerate(programs):
        base = posixpath.basename(name).lower()
        if not base or base in _GENERAL:
            continue
        if base in _PLATFORMS:
            if sub.lower() in terms:
                found.append(f"{base} {sub.lower()}")
        elif base in terms:
            found.append(base)
        removal = (i < len(removing) and removing[i]) or removes(sub)
        found += [
            verb
            for verb in sorted(terms & _VERBS.keys())
            if (f"{base}-{sub.lower()}" in _VERBS[verb])
            or (base in _VERBS[verb] and (not removal or verb in _REMOVAL))
        ]
    return list(dict.fromkeys(found))


def ground(predictions: Sequence[Prediction], what: Sequence[str]) -> list[Prediction]:
    """The predictions with their benefits marked as the task's when ``what`` (from
    :func:`shared`) is not empty."""
    if not what:
        return list(predictions)
    named = ", ".join(what[:3])
    return [
        replace(p, category=TASK, outcome=f"{p.outcome} (the task asks for it: {named})")
        if p.valence == "benefit" and p.category != TASK
        else p
        for p in predictions
    ]


def in_task(
    predictions: Sequence[Prediction],
    task: str,
    asked: Sequence[str] = (),
    kind_asked: bool = False,
) -> list[Prediction]:
    """What every static reviewer does with the task: harms on targets it names are capped
    (:func:`forethought.review.scope.in_scope`; lower where ``kind_asked``, the task asks for
    the kind of change too, from :func:`kind`), and the benefits are the task's when it names
    what the action does: ``asked`` (the reviewer's own reading, from :func:`shared`) or every
    target of one of the action's harms (the user asked for exactly that change)."""
    found = in_scope(predictions, task, kind_asked)
    if not task.strip():
        return found
    if any(
        p.valence == "harm"
        and (
            p.outcome.endswith(ASKED_NOTE)
            # (the kind of change the task asks for, on the targets it names)
            or (p.severity == "low" and p.outcome.endswith(NAMED_NOTE))
        )
        for p in found
    ):
        # the action makes the very change the task asks for: that is its benefit, not the
        # generic credit of a program the reviewer has no rules for
        found = [
            replace(
                p,
                severity="moderate",
                probability=max(p.probability, 0.9),
                outcome=f"makes the change the task asks for ({p.outcome})",
            )
            if p.valence == "benefit" and p.severity == "low"
            else p
            for p in found
        ]
    what = list(asked)
    for p in found:
        if p.valence == "harm" and not p.hard:
            targets = targets_of(p.evidence)
            if targets and names_all(targets, p.severity, task):
                what += targets
    return ground(found, list(dict.fromkeys(what)))
