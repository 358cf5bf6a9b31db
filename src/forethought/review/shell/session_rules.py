"""Judging a command by what the session did before it: running a file the session wrote is
running what was written into it; running a file it downloaded is running downloaded code;
sending a file it copied a secret into is sending the secret."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from forethought.review.base import Prediction
from forethought.review.shell.git import subcommand
from forethought.review.shell.interpreters import language_of
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import EXFILTRATION, REMOTE_CODE_EXECUTION, harm, short
from forethought.session import SessionFacts

_SENDERS = frozenset(
    {
        "curl",
        "wget",
        "scp",
        "rsync",
        "nc",
        "ncat",
        "netcat",
        "socat",
        "sftp",
        "ftp",
        "http",
        "aws",
        "gsutil",
        "rclone",
        "mail",
        "sendmail",
        "mutt",
    }
)


def executed_path(cmd: SimpleCommand, analysis: ShellAnalysis) -> tuple[str, str] | None:
    """(path, language) of a file ``cmd`` runs: ``bash x.sh``, ``python x.py``, ``./x``,
    ``source x``, ``cat x.sh | sh``; None if it runs no file."""
    name, args = cmd.name, cmd.args
    if name in (".", "source") and args:
        return args[0], "shell"
    language = language_of(name)
    if language in ("shell", "python"):
        operands = [a for a in args if not a.startswith("-")]
        if operands and not any(a in ("-c", "-m", "-s") for a in args):
            return operands[0], language
        piped = analysis.piped_file(cmd)
        if piped is not None and not any(a in ("-c", "-m") for a in args):
            return piped, language
        return None
    raw = cmd.argv[0] if cmd.argv else ""
    if "/" in raw or raw.startswith("."):
        return raw, ""
    return None


def _allowed(url: str, allowed_hosts: Sequence[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(
        host == h.lower() or (h.startswith("*.") and host.endswith(h[1:].lower()))
        for h in allowed_hosts
    )


_VERB = {"commit": "commits", "push": "pushes"}
_MESSAGE = frozenset({"-m", "--message", "-F", "-C"})


def _commits_weakened(analysis: ShellAnalysis, facts: SessionFacts) -> list[Prediction]:
    """``git add``/``git commit`` of files whose checks an earlier step of the session weakened
    without anyone approving it: the weakened checks go into the project's history."""
    from forethought.review.effects import GRADES
    from forethought.review.verification import CATEGORY
    from forethought.session import key

    grade = GRADES[("write", "verification")]
    found: list[Prediction] = []
    for cmd in analysis.commands:
        found_sub = subcommand(cmd.args) if cmd.name == "git" else None
        if found_sub is None or found_sub[0] not in ("add", "commit", "stage", "push"):
            continue
        sub, rest = found_sub
        # (a commit's message is not a path)
        valued = {j + 1 for j, a in enumerate(rest) if sub == "commit" and a in _MESSAGE}
        operands = [a for j, a in enumerate(rest) if j not in valued and not a.startswith("-")]
        everything = (
            sub == "push"
            or any(a in (".", "-A", "--all", "-u", "--update") for a in rest)
            or (sub == "commit" and any(re.fullmatch(r"-[a-zA-Z]*a[a-zA-Z]*", a) for a in rest))
        )
        hits = [
            path
            for path in facts.weakened
            if everything
            or any(
                key(o, cmd.cwd) == path or path.startswith(key(o, cmd.cwd).rstrip("/") + "/")
                for o in operands
            )
        ]
        if hits:
            path = hits[0]
            # pushed, the weakened checks reach everyone who pulls and the CI that trusts them
            pushed = sub == "push"
            found.append(
                Prediction(
                    f"{_VERB.get(sub, 'stages')} {path}, whose checks an "
                    "earlier step of this session weakened without anyone approving it "
                    f"({facts.weakened[path]})",
                    "harm",
                    max(grade.probability, 0.7) if pushed else grade.probability,
                    grade.severity,
                    False if pushed else grade.reversible,
                    cmd.text,
                    CATEGORY,
                )
            )
    # the furthest reaching of them (staging, committing, pushing)
    return sorted(found, key=lambda p: (p.probability, not p.reversible))[-1:]


def _units_copied(analysis: ShellAnalysis, facts: SessionFacts) -> list[Prediction]:
    """A unit file copied (``cp``/``install``/``mv``) where systemd reads units (or a launchd
    job where launchd reads jobs), from a file this session wrote, or a launchd job this session
    wrote loaded (``launchctl load/bootstrap``): what it runs is judged by what was written."""
    from forethought.review.units import is_job_file, unit_predictions

    found: list[Prediction] = []
    if not facts.written:
        return found
    for cmd in analysis.commands:
        if cmd.name == "launchctl" and cmd.args[:1] in (["load"], ["bootstrap"]):
            for operand in cmd.args[1:]:
                content = facts.content_of(operand, cmd.cwd)
                if content is not None:
                    found += unit_predictions(operand, content)
            continue
        if cmd.name not in ("cp", "install", "mv"):
            continue
        operands = [a for a in cmd.args if not a.startswith("-")]
        if len(operands) < 2:
            continue
        dest = operands[-1]
        for source in operands[:-1]:
            content = facts.content_of(source, cmd.cwd)
            if content is None:
                continue
            name = source.rstrip("/").rsplit("/", 1)[-1]
            target = dest if is_job_file(dest) else f"{dest.rstrip('/')}/{name}"
            found += unit_predictions(target, content)
    return found


def _language_of_content(content: str, hint: str) -> str:
    first = content.lstrip()[:80]
    if first.startswith("#!"):
        return "python" if "python" in first.split("\n", 1)[0] else "shell"
    return hint or "shell"


def _manifest_applied(cmd: SimpleCommand, facts: SessionFacts) -> list[Prediction]:
    """``kubectl apply -f pod.yaml`` of a manifest an earlier step wrote: judged by its content
    (:mod:`forethought.review.kubernetes`)."""
    if cmd.name not in ("kubectl", "oc"):
        return []
    from forethought.review.kubernetes import manifest_predictions
    from forethought.review.shell.rules.manifests import applied_files

    found: list[Prediction] = []
    for source in applied_files(cmd):
        content = facts.content_of(source, cmd.cwd) if source != "-" else None
        for p in manifest_predictions(content or "", cmd.text):
            found.append(
                harm(
                    cmd,
                    p.category,
                    f"applies {source}, which this session wrote: {p.outcome}",
                    p.severity,
                    p.probability,
                    p.reversible,
                )
            )
    return found


def session_predictions(
    analysis: ShellAnalysis,
    facts: SessionFacts,
    allowed_hosts: Sequence[str] = (),
    depth: int = 0,
) -> list[Prediction]:
    from forethought.review.python.reviewer import CodeTooLarge, code_predictions
    from forethought.review.shell.reviewer import shell_predictions

    found: list[Prediction] = []
    if facts.weakened:
        found += _commits_weakened(analysis, facts)
    found += _units_copied(analysis, facts)
    for cmd in analysis.commands:
        found += _manifest_applied(cmd, facts)
        executed = executed_path(cmd, analysis)
        if executed is not None:
            path, hint = executed
            content = facts.content_of(path, cmd.cwd)
            source = facts.source_of(path, cmd.cwd)
            if content is not None and depth < 3:
                language = _language_of_content(content, hint)
                try:
                    inner = (
                        code_predictions(content, allowed_hosts)
                        if language == "python"
                        else shell_predictions(content, allowed_hosts=allowed_hosts)
                    )
                except (ValueError, CodeTooLarge):
                    inner = [
                        harm(
                            cmd,
                            "unknown_code",
                            f"runs {path}, which this session wrote "
                            "and which is too large to review",
                            "high",
                            0.7,
                            True,
                        )
                    ]
                for p in inner:
                    if p.valence != "harm":
                        continue
                    found.append(
                        harm(
                            cmd,
                            p.category,
                            f"runs {path}, which this session wrote: {p.outcome}",
                            p.severity,
                            p.probability,
                            p.reversible,
                            evidence=f"{cmd.text}  <- {path}: {short(p.evidence, 120)}",
                        )
                    )
            elif source is not None:
                vouched = _allowed(source, allowed_hosts)
                found.append(
                    harm(
                        cmd,
                        REMOTE_CODE_EXECUTION,
                        f"runs {path}, which this session downloaded from {source}: code "
                        "nobody has read" + (" (from an allowed host)" if vouched else ""),
                        "moderate" if vouched else "high",
                        0.6 if vouched else 0.8,
                        False,
                    )
                )
        if cmd.name in _SENDERS:
            for arg in cmd.args:
                candidate = arg.lstrip("@<")
                if "=" in candidate and candidate.split("=", 1)[1].startswith("@"):
                    candidate = candidate.split("=", 1)[1].lstrip("@")
                secret = facts.secret_behind(candidate.split(":", 1)[0], cmd.cwd)
                if secret is not None:
                    found.append(
                        harm(
                            cmd,
                            EXFILTRATION,
                            f"sends {candidate}, where this session copied {secret}: the "
                            "secret leaves the machine",
                            "critical",
                            0.85,
                            False,
                        )
                    )
                    break
        for op, target in cmd.redirects:
            if op.lstrip("0123456789") == "<" and cmd.name in _SENDERS:
                secret = facts.secret_behind(target, cmd.cwd)
                if secret is not None:
                    found.append(
                        harm(
                            cmd,
                            EXFILTRATION,
                            f"sends {target}, where this session copied "
                            f"{secret}: the secret leaves the machine",
                            "critical",
                            0.85,
                            False,
                        )
                    )
    return found
