"""Kubernetes manifests applied on the command line, judged by what they hold
(:mod:`forethought.review.kubernetes`): ``kubectl apply -f - <<EOF``, ``cat <<EOF | kubectl
create -f -``, a manifest written earlier on the same command line. (One written by an earlier
step of the session is judged by :mod:`forethought.review.shell.session_rules`.)"""

from __future__ import annotations

from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.kubernetes import manifest_predictions
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import normalise
from forethought.review.shell.predict import harm

_APPLIES = frozenset({"apply", "create", "replace"})
# Code hosts where projects publish the manifests their install docs apply by URL.
_CODE_HOSTS = frozenset(
    {
        "github.com",
        "raw.githubusercontent.com",
        "objects.githubusercontent.com",
        "gitlab.com",
        "storage.googleapis.com",
    }
)


def applied_files(cmd: SimpleCommand) -> list[str]:
    """The manifests ``kubectl apply/create/replace`` reads: ``-f FILE``, ``--filename=FILE``,
    ``-` for standard input."""
    if cmd.name not in ("kubectl", "oc") or not set(cmd.args[:2]) & _APPLIES:
        return []
    args = cmd.args
    out: list[str] = []
    for i, arg in enumerate(args):
        if arg in ("-f", "--filename"):
            # (the parser may leave out a last `-`, standard input)
            out.append(args[i + 1] if i + 1 < len(args) else "-")
        elif arg.startswith("--filename="):
            out.append(arg.split("=", 1)[1])
        elif arg.startswith("-f") and len(arg) > 2 and not arg.startswith("--"):
            out.append(arg[2:])
    return out


def _stdin_text(cmd: SimpleCommand, analysis: ShellAnalysis) -> str | None:
    if cmd.stdin is not None:
        return cmd.stdin
    upstream = analysis.upstream(cmd)
    if len(upstream) == 1 and upstream[0].stdin is not None and upstream[0].name == "cat":
        return upstream[0].stdin  # cat <<EOF | kubectl apply -f -
    return None


def _applied(cmd: SimpleCommand, analysis: ShellAnalysis) -> Iterator[Prediction]:
    from forethought.review.shell.predict import REMOTE_CODE_EXECUTION
    from forethought.review.shell.rules.network import code_origin

    for source in applied_files(cmd):
        if "://" in source:
            # a manifest fetched as it is applied: what it runs in the cluster nobody has read
            # (a project's release manifest from an allowed host over TLS is trusted, as
            # packages are; anything else is graded by where it comes from)
            origin = code_origin(source)
            if origin is None or origin.trusted or (
                origin.host in _CODE_HOSTS and not origin.plain
            ):
                continue  # (a project's release manifest on its code host: its install docs)
            why = (
                f"{origin.host} is a raw IP address nobody vouches for"
                if origin.raw_ip
                else "over an unverified connection"
                if origin.plain
                else f"{origin.host} is not on the policy's allowed hosts"
            )
            yield harm(
                cmd,
                REMOTE_CODE_EXECUTION,
                f"applies a manifest downloaded from {source} to the cluster: the workloads "
                f"it runs nobody has read, and {why}",
                "high" if origin.raw_ip or origin.plain else "moderate",
                0.7 if origin.raw_ip or origin.plain else 0.6,
                False,
            )
            continue
        text = (
            _stdin_text(cmd, analysis)
            if source == "-"
            else analysis.written_files.get(normalise(source, cmd.cwd))
        )
        if not text:
            continue
        for p in manifest_predictions(text, cmd.text):
            yield harm(
                cmd,
                p.category,
                f"applies {p.outcome}",
                p.severity,
                p.probability,
                p.reversible,
            )


COMMANDS = {"kubectl": [_applied], "oc": [_applied]}
