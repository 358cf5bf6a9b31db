"""The shell reviewer: a static reading of a proposed shell command."""

from __future__ import annotations

from collections.abc import Sequence

from forethought.proposal import Proposal
from forethought.review import benefit, scope, system_files, verification
from forethought.review.base import Prediction, Review
from forethought.review.shell.model import ShellAnalysis
from forethought.review.shell.parse import analyze
from forethought.review.shell.predict import SEVERITY_RANK, short
from forethought.review.shell.rules import predictions
from forethought.review.shell.rules.network import ALLOWED_HOSTS
from forethought.review.shell.uncertainty import uncertainty


def shell_predictions(
    command: str, evidence_prefix: str = "", allowed_hosts: Sequence[str] | None = None
) -> list[Prediction]:
    """Predictions for one shell command string (raises ValueError if it is over the size limit).

    ``evidence_prefix`` is prepended to every prediction's evidence, for callers that found the
    command inside something else (e.g. a Python ``subprocess.run`` string). ``allowed_hosts``
    (the policy's network.allowed_hosts) are where installed or fetched code may come from;
    None keeps those of the review in progress (none outside one).
    """
    if allowed_hosts is not None:
        token = ALLOWED_HOSTS.set(tuple(allowed_hosts))
        try:
            return shell_predictions(command, evidence_prefix)
        finally:
            ALLOWED_HOSTS.reset(token)
    found = predictions(analyze(command))
    if not evidence_prefix:
        return found
    return [
        Prediction(
            p.outcome,
            p.valence,
            p.probability,
            p.severity,
            p.reversible,
            evidence_prefix + p.evidence,
            p.category,
            p.hard,
        )
        for p in found
    ]


_DELETERS = frozenset({"rm", "unlink", "shred", "truncate"})


def verification_predictions(analysis: ShellAnalysis) -> list[Prediction]:
    """Commands that delete the project's tests or CI, or rewrite their checks with sed."""
    return [prediction for _, _, prediction in verification_findings(analysis)]


def verification_findings(analysis: ShellAnalysis) -> list[tuple[str, str | None, Prediction]]:
    """Each file of the project's checks a command deletes or weakens, as (path, the command's
    working directory where known, the prediction): the session remembers the file by path."""
    found: list[tuple[str, str | None, Prediction]] = []
    for cmd in analysis.commands:
        args = [a for a in cmd.args if not a.startswith("-")]
        if cmd.name in _DELETERS or (cmd.name == "git" and args[:1] == ["rm"]):
            for path in args[1:] if cmd.name == "git" else args:
                found += [
                    (path, cmd.cwd, p) for p in verification.deletion_predictions(path, cmd.text)
                ]
        elif cmd.name in ("sed", "gsed", "perl") and any(
            a.startswith("-i") or a == "--in-place" or a.startswith("-pi") for a in cmd.args
        ):
            paths = [a for a in args if verification.kind_of_path(a)]
            expressions = _sed_expressions(cmd.args)
            what = verification.sed_expression_weakens(expressions) if paths else None
            if what:
                prediction = Prediction(
                    f"{what} in {', '.join(paths[:3])}",
                    "harm",
                    0.6,
                    "high",
                    True,
                    cmd.text,
                    verification.CATEGORY,
                )
                found += [(path, cmd.cwd, prediction) for path in paths]
    return found


def _sed_expressions(args: Sequence[str]) -> list[str]:
    out: list[str] = []
    take = False
    for arg in args:
        if take:
            out.append(arg)
            take = False
        elif arg in ("-e", "--expression"):
            take = True
        elif not arg.startswith("-") and not out:
            out.append(arg)  # the script, when no -e is given
    return out


class ShellReviewer:
    """Reviews ``shell`` actions by parsing them with tree-sitter; runs nothing."""

    name = "shell"
    version = "1.0"
    inline = True

    def __init__(self, allowed_hosts: Sequence[str] = ()) -> None:
        # the policy's network.allowed_hosts: where installed or fetched code may come from
        self.allowed_hosts = tuple(allowed_hosts)
        # The program catalogue is read and compiled here, once per process, not inside the
        # first review: that one-time cost (about half a second) is the reviewer's start-up,
        # and counted against a review's deadline it made the Gate's canaries miss theirs on a
        # loaded machine (a fresh Ray worker on 2 busy cores: "missed its deadline of 2000 ms").
        from forethought.review.shell.catalogue import catalogue

        catalogue()

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind == "shell"

    def review(self, proposal: Proposal) -> Review:
        command = proposal.action.args.get("command", "")
        if not isinstance(command, str):
            raise TypeError(f"shell command must be a string, got {type(command).__name__}")
        token = ALLOWED_HOSTS.set(self.allowed_hosts)
        try:
            analysis = analyze(command)  # over the size limit: raises, a failed review
            found = predictions(analysis)
        finally:
            ALLOWED_HOSTS.reset(token)
        if proposal.steps:
            from forethought.review.shell.session_rules import session_predictions
            from forethought.session import facts

            session = session_predictions(analysis, facts(proposal.steps), self.allowed_hosts)
            found = [*session, *found]
        checks = verification_predictions(analysis)
        if checks or any(p.category == verification.CATEGORY for p in found):
            found = verification.judged_against([*checks, *found], proposal.task)
        if proposal.task and analysis.written_files:
            found = system_files.in_task(found, analysis.written_files, proposal.task)
        asked, kind = _asked(analysis, proposal.task) if proposal.task else ([], False)
        found = benefit.in_task(found, proposal.task, asked, kind)
        share, reasons = uncertainty(analysis)
        return Review.of(
            self.name,
            self.version,
            found,
            _rationale(found),
            uncertainty=share,
            details={"uncertain": reasons} if reasons else {},
        )


def _asked(analysis: ShellAnalysis, task: str) -> tuple[list[str], bool]:
    """What of the command the task names (its programs, subcommands and operands), and whether
    it asks for the kind of change the command makes. A redirection into a file the task names
    counts as the program "write" ("set the resolver in /etc/resolv.conf")."""
    programs: list[tuple[str, str]] = []
    removing: list[bool] = []
    targets: list[str] = []
    for cmd in analysis.commands:
        operands = [a for a in cmd.args if not a.startswith("-")]
        programs.append((cmd.name, operands[0] if operands else ""))
        # (a subcommand of removal after a group word: `brew bundle cleanup`)
        removing.append(any(benefit.removes(o) for o in operands[1:2]))
        targets += operands
        for _op, target in cmd.redirects:
            if not target.isdigit() and scope.named(target, task):
                programs.append(("write", ""))
                removing.append(False)
                targets.append(target)
    return (
        benefit.shared(task, programs, targets, removing),
        bool(benefit.kind(task, programs, removing)),
    )


def _rationale(found: list[Prediction]) -> str:
    harms = sorted(
        (p for p in found if p.valence == "harm"),
        key=lambda p: (SEVERITY_RANK[p.severity], p.probability),
        reverse=True,
    )
    if not harms:
        return "no harmful effect found; " + (
            short(found[0].outcome, 120) if found else "empty command"
        )
    lines = [f"{p.severity} {p.category}: {short(p.outcome, 160)}" for p in harms[:3]]
    more = f" (+{len(harms) - 3} more)" if len(harms) > 3 else ""
    return "; ".join(lines) + more
