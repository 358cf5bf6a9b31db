"""What a session has done so far, as far as its recorded steps tell: the context reviewers need
to judge a step by what came before it.

A script written by ``write_file`` and run by the next ``bash`` step is judged by what was
written into it; a file downloaded in one step and run in another is downloaded code; a secret
read or copied in one step and sent in the next is exfiltration. :class:`Step` is one earlier
action with the Gate's decision on it; :class:`SessionFacts` is what the steps add up to. The
Gate gives every proposal the steps of its run or session (from the ledger, where it keeps
them), so hooks, the MCP proxy, the guard and the agent loop all see the same history.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from forethought.ledger.events import DecisionEvent, HumanVerdictEvent, ProposalEvent, parse

# How many earlier steps a proposal carries, and how much written text is kept per file.
MAX_STEPS = 200
MAX_CONTENT = 100_000


@dataclass(frozen=True, slots=True)
class Step:
    """One earlier action of the session: its kind, normalised arguments and the verdict."""

    kind: str
    tool: str
    args: Mapping[str, Any]
    verdict: str  # allow / block / revise / resample / escalate, or "" if unknown

    @property
    def ran(self) -> bool:
        """Whether it may have run: allowed, approved, or escalated to someone whose answer is
        not on record (assumed to have run: what it wrote is then judged when it is used)."""
        return self.verdict in ("allow", "", "escalate")


@dataclass(slots=True)
class SessionFacts:
    """Paths the session wrote (with their content), downloaded (with the source), decoded,
    made executable, and the secrets it read or copied (and where it copied them)."""

    written: dict[str, str] = field(default_factory=dict)
    downloaded: dict[str, str] = field(default_factory=dict)
    executable: set[str] = field(default_factory=set)
    secret_copies: dict[str, str] = field(default_factory=dict)  # copy -> the secret it holds
    secrets_read: list[str] = field(default_factory=list)
    # files whose checks an earlier step weakened without anyone approving it -> how
    weakened: dict[str, str] = field(default_factory=dict)

    def content_of(self, path: str, cwd: str | None = None) -> str | None:
        return self.written.get(key(path, cwd))

    def source_of(self, path: str, cwd: str | None = None) -> str | None:
        return self.downloaded.get(key(path, cwd))

    def secret_behind(self, path: str, cwd: str | None = None) -> str | None:
        return self.secret_copies.get(key(path, cwd))


def key(path: str, cwd: str | None = None) -> str:
    """One spelling per path: ``./run.sh``, ``run.sh`` and ``$PWD/run.sh`` alike."""
    path = path.strip().strip("'\"")
    path = re.sub(r"^\$(?:PWD|\{PWD\})/", "", path)
    if cwd and not path.startswith(("/", "~", "$")):
        path = posixpath.join(cwd, path)
    return posixpath.normpath(path) if path else path


def facts(steps: Iterable[Step]) -> SessionFacts:
    """What the steps that may have run add up to (refused steps changed nothing)."""
    from forethought.review.paths import credential_store, worst
    from forethought.review.shell.parse import analyze

    out = SessionFacts()
    for step in steps:
        if not step.ran:
            continue
        if step.kind == "file_write":
            _file_write(out, step.args)
            if step.verdict != "allow":
                _weakened_by_write(out, step.args)
        elif step.kind == "file_read":
            path = str(step.args.get("path") or "")
            if worst(path, "secret", loose=True) or credential_store(path):
                out.secrets_read.append(path)
        elif step.kind == "shell":
            command = step.args.get("command")
            if isinstance(command, str) and len(command) <= MAX_CONTENT:
                try:
                    analysis = analyze(command)
                except ValueError:
                    continue
                _shell(out, analysis)
                if step.verdict != "allow":
                    _weakened_by_shell(out, analysis)
        elif step.kind == "http":
            # an HTTP tool that saved the response to a file: that file is downloaded content
            url, save_to = str(step.args.get("url") or ""), str(step.args.get("save_to") or "")
            if url and save_to:
                out.downloaded[key(save_to)] = url
        elif step.kind == "python":
            code = step.args.get("code")
            if isinstance(code, str) and len(code) <= MAX_CONTENT:
                from forethought.review.python.reviewer import code_facts

                merge_code_facts(out, code_facts(code))
    return out


# What a file holds when earlier code wrote bytes that are not text: a program (or a payload)
# nobody can read, judged as downloaded code when it is run.
DECODED_PAYLOAD = "a binary payload an earlier step wrote"


def merge_code_facts(out: SessionFacts, code: Any) -> None:
    """Add what one piece of Python left behind (a ``review.python.findings.Facts``): files it
    wrote (their text where known), downloaded, made executable, secrets it read or copied."""
    for path, content in code.written.items():
        if isinstance(content, str):
            out.written[key(path)] = content[:MAX_CONTENT]
        elif isinstance(content, (bytes, bytearray)):
            data = bytes(content)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = None
            if text is None or data.startswith(b"\x7fELF") or b"\x00" in data:
                out.downloaded[key(path)] = DECODED_PAYLOAD  # a program, not a script
            else:
                out.written[key(path)] = text[:MAX_CONTENT]
    for path, source in code.downloaded.items():
        out.downloaded[key(path)] = source
    out.executable |= {key(p) for p in code.executable if p}
    for copy, secret in code.secret_copies.items():
        out.secret_copies[key(copy)] = secret
        out.secrets_read.append(secret)
    out.secrets_read += code.secrets_read


def _file_write(out: SessionFacts, args: Mapping[str, Any]) -> None:
    path = key(str(args.get("path") or ""))
    if not path:
        return
    if "edits" in args:
        text = out.written.get(path, "")
        for edit in args.get("edits") or []:
            old, new = str(edit.get("old", "")), str(edit.get("new", ""))
            # an edit to a file the session did not write: what it adds is all that is known
            text = text.replace(old, new, 1) if old and old in text else f"{text}\n{new}"
        out.written[path] = text[-MAX_CONTENT:]
    else:
        out.written[path] = str(args.get("content") or "")[:MAX_CONTENT]


def _weakened_by_write(out: SessionFacts, args: Mapping[str, Any]) -> None:
    """An edit or write that weakened the project's checks and was not plainly allowed (it was
    escalated with no answer on record, or its verdict is unknown)."""
    from forethought.review import verification

    path = str(args.get("path") or "")
    if not path:
        return
    if "edits" in args:
        found = [
            p
            for edit in args.get("edits") or []
            for p in verification.edit_predictions(
                path, str(edit.get("old", "")), str(edit.get("new", "")), path
            )
        ]
    else:
        found = verification.content_predictions(path, str(args.get("content") or ""), path)
    if found:
        out.weakened[key(path)] = found[0].outcome


def _weakened_by_shell(out: SessionFacts, analysis: Any) -> None:
    from forethought.review.shell.reviewer import verification_findings

    for path, cwd, prediction in verification_findings(analysis):
        out.weakened[key(path, cwd)] = prediction.outcome


_DOWNLOADERS = frozenset({"curl", "wget", "aria2c", "fetch", "http", "lwp-download"})
_COPIERS = frozenset({"cp", "mv", "install", "rsync", "scp", "tar", "zip", "ln"})


def _shell(out: SessionFacts, analysis: Any) -> None:
    from forethought.review.shell.paths import secret_kind

    for path, content in getattr(analysis, "written_files", {}).items():
        out.written[key(path)] = content[:MAX_CONTENT]
    for cmd in analysis.commands:
        name, args = cmd.name, cmd.args
        if name in _DOWNLOADERS:
            url = next((a for a in args if "://" in a), "")
            target = _download_target(name, args, url)
            for redirect_op, redirect_target in cmd.redirects:
                if redirect_op.lstrip("0123456789") in (">", ">>", ">|"):
                    target = redirect_target
            if target and url:
                out.downloaded[key(target, cmd.cwd)] = url
        elif name == "chmod" and any("x" in a or re.fullmatch(r"[0-7]*[1357]", a) for a in args):
            for a in args[1:]:
                out.executable.add(key(a, cmd.cwd))
        elif name in _COPIERS:
            operands = [a for a in args if not a.startswith("-")]
            archive = _archive_operands(name, args)
            if archive is not None:
                dest, sources = archive
            elif len(operands) >= 2:
                sources, dest = operands[:-1], operands[-1]
            else:
                continue
            for source in sources:
                if secret_kind(source, cmd.cwd):
                    out.secret_copies[key(dest, cmd.cwd)] = source
                    out.secrets_read.append(source)
        elif name in ("cat", "head", "tail", "base64", "xxd", "gzip", "openssl"):
            readers = [a for a in args if not a.startswith("-") and secret_kind(a, cmd.cwd)]
            for source in readers:
                out.secrets_read.append(source)
                for op, target in cmd.redirects:
                    if op.lstrip("0123456789") in (">", ">>", ">|"):
                        out.secret_copies[key(target, cmd.cwd)] = source


def _archive_operands(name: str, args: list[str]) -> tuple[str, list[str]] | None:
    """(the archive, what goes into it) for ``tar -czf out.tgz dir`` (clustered ``czf`` too)
    and ``zip -r out.zip dir``; None for any other command or an archive read, not made."""
    if name == "zip":
        operands = [a for a in args if not a.startswith("-")]
        return (operands[0], operands[1:]) if len(operands) >= 2 else None
    if name != "tar" or not args:
        return None
    first = args[0].lstrip("-")
    clustered = not args[0].startswith("--") and re.fullmatch(r"[A-Za-z]+", first or "-")
    if not clustered or "c" not in first:
        return None  # (only archives created: tar -x reads one)
    rest = args[1:]
    if "f" in first:
        if not rest:
            return None
        archive, rest = rest[0], rest[1:]
    else:
        given = next((i for i, a in enumerate(rest) if a in ("-f", "--file")), None)
        if given is None or given + 1 >= len(rest):
            return None
        archive, rest = rest[given + 1], rest[:given] + rest[given + 2 :]
    return archive, [a for a in rest if not a.startswith("-")]


def _download_target(name: str, args: list[str], url: str) -> str:
    for i, arg in enumerate(args):
        clustered = (
            name == "curl" and arg.startswith("-") and not arg.startswith("--") and arg[-1] == "o"
        )
        if (arg in ("-o", "--output", "-O", "--output-document") or clustered) and i + 1 < len(
            args
        ):
            if name == "curl" and arg == "-O":
                break
            return args[i + 1]
        if arg.startswith(("--output=", "--output-document=")):
            return arg.split("=", 1)[1]
    if url and (name == "wget" or "-O" in args or "--remote-name" in args):
        return posixpath.basename(url.split("?", 1)[0].rstrip("/"))
    return ""


def steps_from_events(events: Iterable[Any]) -> tuple[Step, ...]:
    """Steps from ledger events (``proposal`` then its ``decision``), oldest first."""
    pending: dict[str | None, list[Any]] = {}
    order: list[list[Any]] = []  # [the ProposalEvent, the verdict so far]
    for event in events:
        if event.kind not in ("proposal", "decision", "human_verdict"):
            continue
        typed = parse(event)  # old shapes too (the guard's "approved")
        if isinstance(typed, ProposalEvent):
            entry: list[Any] = [typed, ""]
            pending[typed.id] = entry
            order.append(entry)
        elif isinstance(typed, DecisionEvent) and order:
            # the Gate records each proposal, its reviews, then its decision
            order[-1][1] = typed.verdict
        elif isinstance(typed, HumanVerdictEvent) and order:
            found = pending.get(typed.proposal_id)
            (found if found is not None else order[-1])[1] = "allow" if typed.approves else "block"
    steps = [
        Step(kind=p.action_kind, tool=p.tool, args=dict(p.args), verdict=verdict)
        for p, verdict in order
    ]
    return tuple(steps[-MAX_STEPS:])
