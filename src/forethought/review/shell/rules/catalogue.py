"""Predictions from the program catalogue (``programs.toml``): each command's effects, graded
by the one effect table (:mod:`forethought.review.effects`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from forethought.review.base import Prediction
from forethought.review.effects import Effect, Operation, grade
from forethought.review.python_startup import runs_nothing
from forethought.review.shell.catalogue import effects, resource_of_path
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import own_log, tuning_only
from forethought.review.shell.predict import harm
from forethought.review.shell.startup import settings_only
from forethought.review.shell.writes import redirect_targets


def _redirects(cmd: SimpleCommand, analysis: ShellAnalysis) -> Iterator[Effect]:
    for target, _how, append in redirect_targets(cmd):
        op: Operation = "append" if append else "write"
        if target.startswith("/dev/") and target in ("/dev/null", "/dev/stdout", "/dev/stderr"):
            continue
        resource = resource_of_path(target, op, cmd.cwd)
        if resource == "log" and own_log(cmd.name, target, cmd.cwd):
            continue  # (its output, in its own log: not a record of anything else)
        # (the parser may leave the redirection out of a list's last command's text)
        arrow = ">>" if append else ">"
        evidence = cmd.text if target in cmd.text else f"{cmd.text} {arrow} {target}"
        if (
            resource == "startup_file"
            and cmd.index in analysis.written_by
            and runs_nothing(target, analysis.written_by[cmd.index])
        ):
            continue  # a .pth of directories only: sys.path changes, nothing runs
        if resource == "startup_file" and settings_only(analysis.written_by.get(cmd.index, "")):
            # only settings (export, PATH, source, ulimit...): see forethought.review.shell.startup
            yield Effect(
                op=op,
                resource=resource,
                target=target,
                # (the settings' own paths are what is written, not targets of the write)
                evidence=f"{cmd.name} … {arrow} {target}",
                what="adds settings that every later shell applies",
                severity="moderate",
            )
            continue
        yield Effect(op=op, resource=resource, target=target, evidence=evidence)


def consumer(cmd: SimpleCommand, analysis: ShellAnalysis) -> SimpleCommand | None:
    """The command ``cmd``'s output is piped straight into (None: none, or not only there)."""
    if cmd.pipeline < 0 or any(
        op.lstrip("1").startswith(">") or op.startswith("&>") for op, _ in cmd.redirects
    ):
        return None
    after = analysis.next_stage(cmd)
    return after[0] if len(after) == 1 and not after[0].dynamic_name else None


def _tuning_only(effect: Effect, cmd: SimpleCommand, analysis: ShellAnalysis) -> bool:
    """A write to the kernel settings files whose known text sets only tuning keys: system
    configuration, not a security control."""
    return effect.resource == "security_control" and tuning_only(
        effect.target, analysis.written_by.get(cmd.index, "")
    )


# What a path under a mounted disk's root is on that disk's own system, when it is more than a
# file: /mnt/etc/crontab is the cron table of the system on /dev/vda1.
_ORDINARY = frozenset({"workspace_file", "user_file", "unknown", "temporary_file"})


# Where pods conventionally mount their node's file system (hostPath volumes in the Kubernetes
# documentation's and tools' examples): the node's root, or one of its directories.
_HOST_MOUNTS = {
    "/host": ("the node's file system (a hostPath mount)", ""),
    "/hostfs": ("the node's file system (a hostPath mount)", ""),
    "/host-root": ("the node's file system (a hostPath mount)", ""),
    "/host-etc": ("the node's /etc (a hostPath mount)", "/etc"),
    "/host-var": ("the node's /var (a hostPath mount)", "/var"),
}


def _mount_point(target: str, mounts: dict[str, str]) -> str | None:
    """The mount point of a mounted disk (or a node's conventional hostPath mount) that
    ``target`` lies under; None if none."""
    if not target.startswith("/"):
        return None
    found = next((p for p in mounts if target.startswith(p + "/")), None)
    if found is None and target.startswith("/host"):
        found = next((p for p in _HOST_MOUNTS if target.startswith(p + "/")), None)
    return found


def from_catalogue(cmd: SimpleCommand, analysis: ShellAnalysis) -> Iterator[Prediction]:
    mounts = analysis.mounted_roots()
    catalogued = effects(cmd, consumer_of=lambda: consumer(cmd, analysis))
    for effect in (*catalogued, *_redirects(cmd, analysis)):
        if _tuning_only(effect, cmd, analysis):
            effect = replace(effect, resource="system_config")
        point = _mount_point(effect.target, mounts)
        where = ""
        if point is not None:
            if point in mounts:
                where, prefix = f"the system of {mounts[point]}, mounted at {point}", ""
            else:
                where, prefix = _HOST_MOUNTS[point]
                where = f"{where} at {point}"
            inside = prefix + effect.target[len(point) :]
            resource = resource_of_path(inside, effect.op, cmd.cwd)
            if resource in _ORDINARY:
                where = ""
            else:
                effect = replace(effect, resource=resource, target=inside, what="")
        graded = grade(effect)
        if graded is not None:
            outcome = graded.outcome
            if where:
                outcome = f"{outcome} (on {where})"
            yield harm(
                cmd,
                graded.category,
                outcome,
                graded.severity,
                graded.probability,
                graded.reversible,
                graded.evidence,
            )


GENERIC = [from_catalogue]
