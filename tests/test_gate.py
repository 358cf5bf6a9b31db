"""The Gate fails closed, enforces deadlines, checks canaries and records everything."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from forethought import Gate
from forethought.canaries import CanaryFailure
from forethought.ledger import Ledger
from forethought.policy import default_policy, parse_policy
from forethought.proposal import Proposal, from_dict
from forethought.review.base import Prediction, Review
from forethought.review.registry import build_reviewers

LS = from_dict({"id": "p1", "tool": "bash", "args": {"command": "ls"}})
GOOD = Prediction("lists files", "benefit", 0.9, "low", True, "ls", "read_only")
BAD = Prediction("wipes the disk", "harm", 0.95, "critical", False, "rm -rf /", "destructive")


class Scripted:
    """A reviewer whose answer (or misbehaviour) the test chooses."""

    version = "1"

    def __init__(
        self, name: str, answer: object = (GOOD,), inline: bool = True, delay: float = 0.0
    ):
        self.name, self.answer, self.inline, self.delay = name, answer, inline, delay
        self.canaries = [{"tool": "bash", "args": {"command": "rm -rf /"}}]

    def applies(self, proposal: Proposal) -> bool:
        return True

    def review(self, proposal: Proposal) -> Review:
        time.sleep(self.delay)
        if isinstance(self.answer, BaseException):
            raise self.answer
        if not isinstance(self.answer, tuple):
            return self.answer  # type: ignore[return-value]
        if proposal.action.args.get("command") == "rm -rf /":
            return Review.of(self.name, self.version, [BAD])
        return Review.of(self.name, self.version, self.answer)


def test_allows_when_every_reviewer_sees_benefit() -> None:
    decision = Gate(default_policy(), [Scripted("a"), Scripted("b", inline=False)]).review(LS)
    assert decision.verdict == "allow"
    assert [r.reviewer for r in decision.reviews] == ["a", "b"]


@pytest.mark.parametrize(
    "misbehaviour",
    [
        RuntimeError("crashed"),
        "not a review",
        Review("x", "1", risk=7.0),
        Review("x", "1", risk=0.1, tokens_in=-1),
        Review("x", "1", risk=0.1, details={"a": float("inf")}),
        Review("x", "1", risk=0.1, details={"a": object()}),
    ],
    ids=["raises", "wrong type", "risk out of range", "tokens", "inf in details", "details"],
)
def test_a_misbehaving_reviewer_is_a_failed_review_and_never_allows(misbehaviour: object) -> None:
    gate = Gate(
        default_policy(), [Scripted("good"), Scripted("bad", answer=misbehaviour)], canaries=False
    )
    decision = gate.review(LS)
    assert decision.verdict == "escalate"
    assert decision.term == "failed_review"
    assert [r.failed for r in decision.reviews] == [False, True]


def test_a_reviewer_past_its_deadline_is_a_failed_review() -> None:
    policy = parse_policy(b"[reviewers]\ndeadline_ms = 50\n", "t.toml")
    slow = Scripted("slow", inline=False, delay=1.0)
    start = time.perf_counter()
    decision = Gate(policy, [Scripted("fast"), slow], canaries=False).review(LS)
    assert time.perf_counter() - start < 0.9  # the Gate did not wait for it
    assert decision.verdict == "escalate"
    assert "deadline" in (decision.failed_reviews[0].error or "")


def test_an_inline_reviewer_over_its_deadline_is_a_failed_review() -> None:
    policy = parse_policy(b"[reviewers]\ndeadline_ms = 10\n", "t.toml")
    decision = Gate(policy, [Scripted("slow", delay=0.05)], canaries=False).review(LS)
    assert decision.term == "failed_review"


def test_non_inline_reviewers_run_concurrently() -> None:
    seen: set[str] = set()
    barrier = threading.Barrier(2, timeout=2)

    class Meeting(Scripted):
        def review(self, proposal: Proposal) -> Review:
            barrier.wait()  # both must be running at once to get past this
            seen.add(self.name)
            return super().review(proposal)

    gate = Gate(
        default_policy(), [Meeting("a", inline=False), Meeting("b", inline=False)], canaries=False
    )
    assert gate.review(LS).verdict == "allow"
    assert seen == {"a", "b"}


def test_a_reviewer_that_misses_its_canaries_stops_the_gate() -> None:
    blind = Scripted("blind", answer=Review.of("blind", "1", [GOOD]))
    with pytest.raises(CanaryFailure, match="no longer recognises canary"):
        Gate(default_policy(), [blind])


def test_built_in_reviewers_pass_their_canaries() -> None:
    policy = default_policy()
    Gate(policy, build_reviewers(policy))  # raises CanaryFailure otherwise


def test_an_empty_rule_set_is_caught_by_the_canaries(monkeypatch: pytest.MonkeyPatch) -> None:
    from forethought.review.shell import ShellReviewer

    monkeypatch.setattr(ShellReviewer, "review", lambda self, p: Review.of("shell", "1.0", []))
    with pytest.raises(CanaryFailure, match="shell"):
        Gate(default_policy(), build_reviewers(default_policy()))


def test_everything_is_recorded_with_reviewer_versions_and_policy_hash(tmp_path: Path) -> None:
    policy = default_policy()
    with Ledger(tmp_path / "l.db") as ledger:
        broken = Scripted("b", answer=RuntimeError("x"))
        gate = Gate(policy, [Scripted("a"), broken], ledger, canaries=False)
        decision = gate.review(LS, run_id="run-1")
        events = list(ledger.events())
        assert [e.kind for e in events] == [
            "gate_start",
            "proposal",
            "review",
            "review",
            "decision",
        ]
        start, proposal, a, b, recorded = (e.payload for e in events)
        assert start["policy"]["sha256"] == policy.sha256
        assert start["reviewers"] == [{"name": "a", "version": "1"}, {"name": "b", "version": "1"}]
        assert proposal["args"] == {"command": "ls"}
        assert (a["name"], a["version"], a["failed"]) == ("a", "1", False)
        assert (b["name"], b["failed"], b["error"]) == ("b", True, "RuntimeError: x")
        assert recorded["decision"] == decision.verdict == "escalate"
        assert recorded["term"] == "failed_review"
        assert recorded["policy_hash"] == policy.sha256
        assert {e.run_id for e in events[1:]} == {"run-1"}
        assert ledger.verify().ok


def test_the_agent_cannot_disable_its_own_oversight(tmp_path: Path) -> None:
    policy = default_policy()
    ledger_path = tmp_path / "ledger.db"
    gate = Gate(policy, build_reviewers(policy, ledger_path))
    for obj in [
        {"tool": "bash", "args": {"command": f"rm -f {ledger_path}"}},
        {"tool": "bash", "args": {"command": f"sqlite3 {ledger_path} 'delete from events'"}},
        {"tool": "bash", "args": {"command": "echo '{}' > .claude/settings.json"}},
        {"tool": "bash", "args": {"command": "pip uninstall -y forethought"}},
        {"tool": "bash", "args": {"command": "export FORETHOUGHT_POLICY=/tmp/weak.toml"}},
        {"tool": "write_file", "args": {"path": str(ledger_path), "content": ""}},
        {"tool": "python", "args": {"code": f"import os; os.remove({str(ledger_path)!r})"}},
    ]:
        decision = gate.review(from_dict(obj))
        assert (decision.verdict, decision.term) == ("block", "hard_rule"), obj


def test_reading_forethoughts_files_is_not_tampering(tmp_path: Path) -> None:
    policy = default_policy()
    ledger_path = tmp_path / "ledger.db"
    gate = Gate(policy, build_reviewers(policy, ledger_path))
    decision = gate.review(from_dict({"tool": "bash", "args": {"command": f"ls -la {tmp_path}"}}))
    assert decision.term != "hard_rule"


def test_unknown_tools_are_not_allowed_unreviewed() -> None:
    policy = default_policy()
    gate = Gate(policy, build_reviewers(policy))
    decision = gate.review(from_dict({"tool": "launch_rocket", "args": {"target": "moon"}}))
    assert (decision.verdict, decision.term) == ("escalate", "unreviewed")


# --- every reviewer under its deadline, whatever thread it runs on ----------------------------


class Hangs(Scripted):
    """Never returns (until the test releases it)."""

    def __init__(self, name: str, release: threading.Event, inline: bool = True) -> None:
        super().__init__(name, inline=inline)
        self.release = release
        self.calls = 0

    def review(self, proposal: Proposal) -> Review:
        self.calls += 1
        self.release.wait()
        return super().review(proposal)


@pytest.mark.parametrize("inline", [True, False], ids=["inline", "worker"])
def test_a_hung_reviewer_is_a_failed_review_and_the_others_still_count(inline: bool) -> None:
    policy = parse_policy(b"[reviewers]\ndeadline_ms = 100\n", "t.toml")
    release = threading.Event()
    try:
        gate = Gate(
            policy, [Scripted("a"), Hangs("h", release, inline), Scripted("b")], canaries=False
        )
        decision = gate.review(LS)
        assert (decision.verdict, decision.term) == ("escalate", "failed_review")
        assert [(r.reviewer, r.failed) for r in decision.reviews] == [
            ("a", False),
            ("h", True),
            ("b", False),
        ]
        assert "missed its deadline of 100 ms" in (decision.reviews[1].error or "")
        from forethought.integrations.guard import Refused

        with pytest.raises(Refused):  # Gate.guard's road: refused, not hung
            gate.check({"tool": "bash", "args": {"command": "ls"}})
    finally:
        release.set()


def test_a_reviewer_that_always_hangs_does_not_pile_up_threads() -> None:
    from forethought.gate import MAX_HUNG

    policy = parse_policy(b"[reviewers]\ndeadline_ms = 20\n", "t.toml")
    release = threading.Event()
    hangs = Hangs("h", release)
    try:
        gate = Gate(policy, [hangs], canaries=False)
        errors = [gate.review(LS).reviews[0].error or "" for _ in range(MAX_HUNG + 3)]
        assert all("missed its deadline" in e for e in errors[:MAX_HUNG])
        assert all("still running past their deadline" in e for e in errors[MAX_HUNG:])
        assert hangs.calls == MAX_HUNG
    finally:
        release.set()


def test_a_batch_with_a_hung_reviewer_goes_on_with_the_next_proposals() -> None:
    policy = parse_policy(b"[reviewers]\ndeadline_ms = 100\n", "t.toml")
    release = threading.Event()

    class HangsOnRm(Hangs):
        def review(self, proposal: Proposal) -> Review:
            if "rm" in proposal.action.args.get("command", ""):
                return super().review(proposal)
            return Scripted.review(self, proposal)

    rm = from_dict({"tool": "bash", "args": {"command": "rm x"}})
    try:
        gate = Gate(policy, [Scripted("a"), HangsOnRm("h", release)], canaries=False)
        decisions = gate.review_many([LS, rm, LS])
        assert [d.verdict for d in decisions] == ["allow", "escalate", "allow"]
        assert [r.failed for r in decisions[1].reviews] == [False, True]
    finally:
        release.set()


@pytest.mark.parametrize("inline", ["True", "False"])
def test_a_hung_reviewer_does_not_keep_the_process_alive(inline: str) -> None:
    script = f"""
import threading
from forethought import Gate
from forethought.policy import parse_policy
from forethought.proposal import from_dict
from forethought.review.base import Review

class Hangs:
    name, version, inline = "h", "1", {inline}
    def applies(self, proposal): return True
    def review(self, proposal): threading.Event().wait()

gate = Gate(parse_policy(b"[reviewers]\\ndeadline_ms = 100\\n", "t"), [Hangs()], canaries=False)
print(gate.review(from_dict({{"tool": "bash", "args": {{"command": "ls"}}}})).term, flush=True)
"""
    import subprocess
    import sys

    # The timeout only guards the test run: before the fix, this process never exited.
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout.strip()) == (0, "failed_review"), result.stderr


@pytest.mark.parametrize("fault", [SystemExit(0), KeyboardInterrupt(), GeneratorExit()], ids=repr)
def test_a_reviewer_raising_a_base_exception_is_a_failed_review(fault: BaseException) -> None:
    decision = Gate(
        default_policy(), [Scripted("a"), Scripted("x", answer=fault)], canaries=False
    ).review(LS)
    assert (decision.verdict, decision.term) == ("escalate", "failed_review")
    assert type(fault).__name__ in (decision.reviews[1].error or "")


def test_nan_in_a_review_never_allows_on_a_gate_without_a_ledger() -> None:
    sneaky = Prediction("harm", "harm", 0.5, "critical", False, "x")
    object.__setattr__(sneaky, "probability", float("nan"))
    for answer in (
        Review("x", "1", (sneaky,), risk=0.1),
        Review("x", "1", (GOOD,), risk=float("nan")),
    ):
        decision = Gate(default_policy(), [Scripted("x", answer=answer)], canaries=False).review(LS)
        assert (decision.verdict, decision.term, decision.risk) == (
            "escalate",
            "failed_review",
            None,
        )


def test_a_reviewer_that_hangs_on_a_canary_stops_the_gate_within_its_deadline() -> None:
    policy = parse_policy(b"[reviewers]\ndeadline_ms = 100\n", "t.toml")
    release = threading.Event()
    try:
        with pytest.raises(CanaryFailure, match="missed its deadline of 100 ms"):
            Gate(policy, [Hangs("h", release)])
    finally:
        release.set()


def test_a_reviewer_whose_applies_hangs_is_a_failed_review() -> None:
    policy = parse_policy(b"[reviewers]\ndeadline_ms = 100\n", "t.toml")
    release = threading.Event()

    class HangsInApplies(Scripted):
        def applies(self, proposal: Proposal) -> bool:
            release.wait()
            return True

    try:
        decision = Gate(policy, [Scripted("a"), HangsInApplies("h")], canaries=False).review(LS)
        assert (decision.verdict, decision.term) == ("escalate", "failed_review")
    finally:
        release.set()
