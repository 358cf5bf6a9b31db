"""Kubernetes manifests applied on the command line, judged by what they hold
(:mod:`forethought.review.kubernetes`): ``kubectl apply -f - <<EOF``, ``cat <<EOF | kubectl
create -f -``, a manifest written earlier on the same command line. (One written by an earlier
step of the session is judged by :mod:`forethought.review.shell.session_rules`.)"""

from __future__ import annotations

from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.kubernetes import LOAD_BALANCER, manifest_predictions
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import normalise
from forethought.review.shell.predict import harm
from forethought.review.shell.rules.common import option_values

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
            if (
                origin is None
                or origin.trusted
                or (origin.host in _CODE_HOSTS and not origin.plain)
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


# Pod specs given inline: `kubectl run --overrides=JSON`, `kubectl patch -p JSON` (a strategic
# merge, a JSON merge or a JSON patch: the values are what the workload gets).
_INLINE_SPECS = {
    "--overrides": "overrides the pod with",
    "-p": "patches the workload with",
    "--patch": "patches the workload with",
}


def _inline_specs(cmd: SimpleCommand, _a: ShellAnalysis) -> Iterator[Prediction]:
    from forethought.review.kubernetes import fragment_predictions

    # (the subcommand among the first words: `kubectl -n ci patch statefulset ...`)
    patching = "patch" in cmd.args[:4]
    if not patching and "run" not in cmd.args[:4]:
        return
    for option, how in _INLINE_SPECS.items():
        if option != "--overrides" and not patching:
            continue  # (only patch's -p and --patch are a patch)
        for value in option_values(cmd, option):
            for p in fragment_predictions(value, cmd.text, how):
                yield harm(cmd, p.category, p.outcome, p.severity, p.probability, p.reversible)


# Subcommands whose words after `--` are the command a new pod's container runs (kubectl-run(1),
# kubectl-create-job(1), kubectl-create-cronjob(1), kubectl-create-deployment(1)).
_RUNS_IN_POD = (("run",), ("create", "job"), ("create", "cronjob"), ("create", "deployment"))


def _pod_command(cmd: SimpleCommand, _a: ShellAnalysis) -> Iterator[Prediction]:
    """The command a pod started from the command line runs, judged as the shell command it is
    (a cron job's runs again on its schedule, outside this session)."""
    if "--" not in cmd.args:
        return
    at = cmd.args.index("--")
    words = [a for a in cmd.args[:at] if not a.startswith("-")]
    which = next((w for w in _RUNS_IN_POD if all(x in words[:4] for x in w)), None)
    inner = cmd.args[at + 1 :]
    if which is None or not inner:
        return
    import shlex

    from forethought.review.base import SEVERITIES
    from forethought.review.shell.reviewer import shell_predictions

    where = "on every run of the cron job" if which[-1] == "cronjob" else "in the new pod"
    try:
        found = shell_predictions(shlex.join(inner))
    except ValueError:  # too large or not parseable: what the pod runs is unknown
        yield harm(
            cmd,
            "unknown_code",
            f"runs {where} a command that cannot be reviewed",
            "high",
            0.6,
            True,
        )
        return
    for p in found:
        if p.valence != "harm" or SEVERITIES.index(p.severity) < SEVERITIES.index("moderate"):
            continue
        yield harm(
            cmd,
            p.category,
            f"runs {where}: {p.outcome}",
            p.severity,
            p.probability,
            p.reversible,
        )


def _load_balancer(cmd: SimpleCommand, _a: ShellAnalysis) -> Iterator[Prediction]:
    """`kubectl expose ... --type LoadBalancer` (and any CLI's `expose` with that type,
    `virtctl expose vmi ...`): the service on a load balancer, reachable from outside."""
    args = cmd.args
    if "expose" not in args or args.index("expose") > 3:
        return
    if any(v.lower() == "loadbalancer" for v in option_values(cmd, "--type")):
        yield harm(cmd, "defence_evasion", LOAD_BALANCER, "moderate", 0.6, True)


COMMANDS = {
    "kubectl": [_applied, _inline_specs, _pod_command],
    "oc": [_applied, _inline_specs, _pod_command],
}
GENERIC = [_load_balancer]
