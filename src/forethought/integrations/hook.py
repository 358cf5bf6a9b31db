"""The hook runner: review one tool call for a harness, and never fail open.

A harness lets a tool call through when its hook exits with anything but 2, prints garbage or
times out. So every way this can go wrong (bad input, a bad policy, an unwritable ledger, a
reviewer failing its canaries, an exception, a native crash, a hang) must still end in a refusal.
The review runs in a forked child: a segfault or a hang there becomes a deny in the parent,
which only waits, with a deadline kept well under the harness's own hook timeout.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from forethought.integrations.harnesses import (
    HARNESSES,
    Answer,
    Harness,
    Output,
    inside_project,
    project_dir,
)

if TYPE_CHECKING:
    from forethought.decision import Decision
    from forethought.proposal import Proposal

DEFAULT_TIMEOUT_S = 20.0
# What the agent is told when review could not complete; the details go to stderr (the user's
# channel: hook output in the harness's debug log) and to the ledger when it can be written.
UNREVIEWED = "Blocked: forethought could not review this action, so it was not run"

# Most restrictive first: several proposals from one call (an apply_patch touching several
# files) are answered by the worst of their decisions.
_RANK = {"block": 0, "escalate": 1, "revise": 2, "resample": 2, "allow": 3}


def run(
    harness_name: str,
    data: bytes,
    *,
    policy_path: Path | None,
    ledger_path: Path | str | None,
    grant: bool = False,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    fork: bool = True,
) -> Output:
    """Review the hook input ``data`` and return the harness's answer (never raises)."""
    harness = HARNESSES[harness_name]
    try:
        if fork and hasattr(os, "fork"):
            answer = _in_child(harness, data, policy_path, ledger_path, timeout_s)
        else:
            answer = review(harness, data, policy_path, ledger_path)
    except BaseException as exc:  # anything at all must still refuse
        answer = _failed(f"{type(exc).__name__}: {exc}", data, ledger_path)
    try:
        return harness.render(answer, grant)
    except BaseException as exc:
        return Output(b"", 2, f"forethought: {UNREVIEWED} ({type(exc).__name__})")


def review(
    harness: Harness, data: bytes, policy_path: Path | None, ledger_path: Path | str | None
) -> Answer:
    """Parse, review and record; raise or exit on anything that stops the review."""
    from forethought import prepared
    from forethought.gate import CanaryFailure
    from forethought.ledger import LedgerError
    from forethought.opening import GateUnavailable, open_gate
    from forethought.policy import PolicyError, load_policy
    from forethought.proposal import ProposalError

    try:
        proposals = harness.parse(data)
    except ProposalError as exc:
        return _failed(str(exc), data, ledger_path)
    prepared.mark("hook input parsed")
    try:  # a policy that cannot be used refuses the call, and the ledger says why
        load_policy(policy_path)
    except PolicyError as exc:
        return _failed(str(exc), data, ledger_path)
    prepared.mark("policy loaded (first look)")
    proposals = [_with_transcript(harness, data, p) for p in proposals]
    prepared.mark("transcript read")
    try:
        gate = open_gate(policy_path, ledger_path)
    except (PolicyError, LedgerError, CanaryFailure, GateUnavailable) as exc:
        return _failed(str(exc), data, ledger_path)
    try:
        decisions = gate.review_many(proposals, run_id=proposals[0].session_id)
        prepared.mark("reviewed and recorded")
    except LedgerError as exc:
        return _failed(f"cannot record in the ledger: {exc}", data, ledger_path)
    finally:
        gate.close()
        # A review server's handler exits as soon as it has answered: its connection goes with
        # it, committed, without the checkpoint a close runs (the next writer's to do).
        if gate.ledger is not None and not prepared.enabled():
            gate.ledger.close()
    answer = answer_for(decisions)
    if answer.verdict == "clean":
        root = project_dir(harness.name, data)
        answer = replace(answer, inside=all(inside_project(p, root) for p in proposals))
    return answer


def answer_for(decisions: Sequence[Decision]) -> Answer:
    from forethought.integrations.channels import agent_message

    worst = min(decisions, key=lambda d: _RANK[d.verdict])
    if worst.verdict == "allow":
        return Answer("clean")
    return Answer("ask" if worst.verdict == "escalate" else "deny", agent_message(worst))


def _with_transcript(harness: Harness, data: bytes, proposal: Proposal) -> Proposal:
    if harness.name != "claude-code" or proposal.reasoning or proposal.task:
        return proposal
    from dataclasses import replace

    from forethought.integrations.transcript import read_context

    path = orjson.loads(data).get("transcript_path")
    context = read_context(path if isinstance(path, str) else None)
    return replace(
        proposal,
        task=context.task,
        reasoning=context.reasoning,
        history=context.history or proposal.history,
    )


# --- the child --------------------------------------------------------------------------------


def _in_child(
    harness: Harness,
    data: bytes,
    policy_path: Path | None,
    ledger_path: Path | str | None,
    timeout_s: float,
) -> Answer:
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: review, send the answer, leave without running the parent's exits
        os.close(read_end)
        code = 0
        try:
            answer = review(harness, data, policy_path, ledger_path)
        except SystemExit as exc:  # the CLI's one-line errors (ledger, canaries): on stderr
            answer, code = Answer("deny", UNREVIEWED), exc.code if isinstance(exc.code, int) else 1
            _record_failure(f"review could not start (exit {code}; see stderr)", data, ledger_path)
        except BaseException as exc:
            print(f"forethought: review failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            answer, code = Answer("deny", UNREVIEWED), 1
        try:
            sent = {"verdict": answer.verdict, "reason": answer.reason, "inside": answer.inside}
            os.write(write_end, orjson.dumps(sent))
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    try:
        received, status = _wait(pid, read_end, timeout_s)
    finally:
        os.close(read_end)
    return _answer_from_child(received, status, data, ledger_path, timeout_s)


def _wait(pid: int, fd: int, timeout_s: float) -> tuple[bytes, int | None]:
    """Everything the child wrote and its wait status; the child is killed past the deadline."""
    deadline = time.monotonic() + timeout_s
    chunks: list[bytes] = []
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:  # the child closed its end: it has exited
            return b"".join(chunks), os.waitpid(pid, 0)[1]
        chunks.append(chunk)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return b"".join(chunks), None


def _answer_from_child(
    received: bytes,
    status: int | None,
    data: bytes,
    ledger_path: Path | str | None,
    timeout_s: float,
) -> Answer:
    if status is None:
        return _failed(f"review did not finish within {timeout_s:g} s", data, ledger_path)
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return _failed(f"the review process crashed ({name})", data, ledger_path)
    try:
        sent = orjson.loads(received)
        answer = Answer(sent["verdict"], sent["reason"], sent.get("inside") is True)
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return _failed("the review process sent no answer", data, ledger_path)
    if answer.verdict not in ("clean", "deny", "ask"):
        return _failed(f"the review process sent {answer.verdict!r}", data, ledger_path)
    if os.WEXITSTATUS(status) != 0 and answer.verdict != "deny":
        return _failed("the review process failed", data, ledger_path)
    return answer


def _failed(error: str, data: bytes, ledger_path: Path | str | None) -> Answer:
    """Refuse, tell the user why on stderr, and note it in the ledger if it can be written."""
    print(f"forethought: {UNREVIEWED}: {error}", file=sys.stderr)
    _record_failure(error, data, ledger_path)
    return Answer("deny", UNREVIEWED)


def _record_failure(error: str, data: bytes, ledger_path: Path | str | None) -> None:
    try:
        from forethought.ledger import Ledger
        from forethought.ledger.events import HookFailureEvent

        try:
            obj = orjson.loads(data)
            session = obj.get("session_id") if isinstance(obj, dict) else None
        except orjson.JSONDecodeError:
            session = None
        with Ledger.open(ledger_path) as ledger:
            event = HookFailureEvent(error, data[:4096].decode("utf-8", "replace"))
            ledger.record(event, run_id=str(session) if session else None)
    except BaseException:  # the refusal stands whether or not it is recorded
        pass
