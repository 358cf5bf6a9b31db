"""Judging a command by what the session did before it: running a file the session wrote is
running what was written into it; running a file it downloaded is running downloaded code;
sending a file it copied a secret into is sending the secret."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from forethought.review.base import Prediction
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


def _executed_path(cmd: SimpleCommand) -> tuple[str, str] | None:
    """(path, language) of a file ``cmd`` runs: ``bash x.sh``, ``python x.py``, ``./x``,
    ``source x``; None if it runs no file."""
    name, args = cmd.name, cmd.args
    if name in (".", "source") and args:
        return args[0], "shell"
    language = language_of(name)
    if language in ("shell", "python"):
        operands = [a for a in args if not a.startswith("-")]
        if operands and not any(a in ("-c", "-m") for a in args):
            return operands[0], language
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


def _language_of_content(content: str, hint: str) -> str:
    first = content.lstrip()[:80]
    if first.startswith("#!"):
        return "python" if "python" in first.split("\n", 1)[0] else "shell"
    return hint or "shell"


# git subcommands that record or publish the work (the options before them take values only
# for -C and -c)
_PUBLISHING = frozenset({"commit", "push"})


def _publishes(args: Sequence[str]) -> bool:
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 2 if args[i] in ("-C", "-c") else 1
    return i < len(args) and args[i] in _PUBLISHING


def session_predictions(
    analysis: ShellAnalysis,
    facts: SessionFacts,
    allowed_hosts: Sequence[str] = (),
    depth: int = 0,
) -> list[Prediction]:
    from forethought.review.python.reviewer import CodeTooLarge, code_predictions
    from forethought.review.shell.reviewer import shell_predictions

    found: list[Prediction] = []
    for cmd in analysis.commands:
        executed = _executed_path(cmd)
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
        if facts.weakened and cmd.name == "git" and _publishes(cmd.args):
            path, what = next(iter(facts.weakened.items()))
            found.append(
                harm(
                    cmd,
                    "verification_weakening",
                    f"records or publishes work in which this session weakened the checks: {what}",
                    "high",
                    0.7,
                    True,
                    evidence=f"{cmd.text}  <- {path}",
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
