"""Typed ledger events (forethought.ledger.events): each kind round-trips, the shapes older
versions wrote read back, the writers' payloads are the ones written before, and `forethought
show` prints a run recorded before the types existed as it did then."""

from __future__ import annotations

import dataclasses
import inspect
import io
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from rich.console import Console

from forethought.agent.transcript import print_run, unended_status
from forethought.decision import HumanVerdict, HumanVerdictRecord
from forethought.gate import Gate
from forethought.ledger import Event, Ledger
from forethought.ledger.events import (
    BY_KIND,
    EVENT_TYPES,
    NOT_RECORDED,
    DecisionEvent,
    ExecutionEvent,
    GateStartEvent,
    HookFailureEvent,
    HumanVerdictEvent,
    LedgerEvent,
    MalformedCallEvent,
    McpFailureEvent,
    ModelCallEvent,
    ModelErrorEvent,
    OtherEvent,
    ProposalEvent,
    RecordedCall,
    ReviewEvent,
    RunEndEvent,
    RunStartEvent,
    parse,
)
from forethought.policy import load_policy
from forethought.proposal import from_dict
from forethought.review.registry import build_reviewers
from forethought.session import steps_from_events
from forethought.settle import record_human_verdict
from forethought.training.trajectories import from_ledger

FIXTURES = Path(__file__).parent / "fixtures" / "ledger_events"

# One of each kind, every field away from its default.
SAMPLES: list[LedgerEvent] = [
    GateStartEvent(
        policy={"source": "p.toml", "sha256": "ab", "locked": True},
        reviewers=({"name": "shell", "version": "2"},),
        canaries={"passed": 3},
        extra={"server": {"pid": 7, "reused": True}},
    ),
    ProposalEvent(
        id="r:1",
        tool="bash",
        action_kind="shell",
        args={"command": "ls"},
        reasoning="look",
        task="count",
        history=("bash ls: ran",),
        context={"cwd": "/w"},
        origin="agent",
        session_id="r",
        shape="openai",
        raw='{"tool": "bash"}',
    ),
    ReviewEvent(
        proposal_id="r:1",
        name="shell",
        version="2",
        risk=0.5,
        rationale="deletes",
        elapsed_ms=1.25,
        tokens_in=3,
        tokens_out=4,
        failed=True,
        error="boom",
        partial=True,
        uncertainty=0.25,
        predictions=({"outcome": "x", "valence": "harm"},),
        details={"answer": "text"},
    ),
    DecisionEvent(
        id="r:1",
        verdict="escalate",
        term="tool_rule",
        reason="asked",
        risk=0.5,
        uncertainty=0.1,
        harm=1.5,
        benefit=0.8,
        message="Needs a person",
        explanation="all of it",
        policy_hash="cd",
        human={"answer": "approve", "approver": "a@b", "reason": "", "args": {}},
        extra={"edited_args": {"command": "ls -l"}},
    ),
    HumanVerdictEvent("r:1", "terminal", "edit", "me@terminal", "better", {"command": "ls -l"}),
    RunStartEvent(
        task="count",
        model="openai:m",
        workspace="/w",
        isolation="bwrap",
        policy={"source": "p.toml", "sha256": "ab"},
        budget={"max_steps": 3},
        memory_notes=("notes/a.md",),
        process={"pid": 1, "host": "h"},
    ),
    ModelCallEvent(
        text="thinking",
        tool_calls=(
            RecordedCall("c1", "bash", {"command": "ls"}),
            RecordedCall("c2", "x", {}, "bad"),
        ),
        tokens_in=10,
        tokens_out=2,
        elapsed_s=0.5,
        model="m",
    ),
    ExecutionEvent("r:1", "bash", True, "3\n", 0.01, {"exit_code": 0}),
    MalformedCallEvent("bash", '{"nope": 1}', "argument 'command': Field required", origin="mcp"),
    ModelErrorEvent("429 too many", retryable=True),
    RunEndEvent("finished", "the agent finished", "done", 4, {"agent_s": 0.1}),
    HookFailureEvent("review did not finish", '{"tool_name": "Bash"}'),
    McpFailureEvent("s:1", "write_file", "the server went away"),
]


def test_every_kind_has_a_sample() -> None:
    assert {type(s) for s in SAMPLES} == set(EVENT_TYPES)
    assert set(BY_KIND) == {t.kind for t in EVENT_TYPES}


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: e.kind)
def test_each_event_type_round_trips(event: LedgerEvent) -> None:
    payload = event.to_payload()
    assert type(event).from_payload(payload) == event
    assert parse(event.kind, payload) == event
    # through the ledger's canonical JSON, as it is stored and read back
    stored = orjson.loads(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS))
    assert parse(event.kind, stored).to_payload() == payload
    assert event.entry("r") == (event.kind, payload, "r")


# The events whose __init__ is their own, not the dataclass's.
OWN_INIT: list[type[LedgerEvent]] = [ProposalEvent, ReviewEvent, DecisionEvent]


def test_own_init_names_every_event_with_an_init_of_its_own() -> None:
    generated = {t for t in EVENT_TYPES if t.__init__.__code__.co_filename == "<string>"}
    assert set(EVENT_TYPES) - generated == set(OWN_INIT)


@pytest.mark.parametrize("event_type", OWN_INIT, ids=lambda t: t.kind)
def test_an_own_init_takes_the_fields_in_order_with_their_defaults(
    event_type: type[LedgerEvent],
) -> None:
    """The events the Gate makes for every proposal set their slots in an __init__ of their own;
    the dataclass fields stay the schema: the __init__ takes each, in order, with its default
    (an empty mapping where the field's default is a new dict), and nothing else."""
    fields = dataclasses.fields(event_type)
    params = list(inspect.signature(event_type.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in fields]
    for param, field in zip(params, fields, strict=True):
        if field.default_factory is not dataclasses.MISSING:
            assert field.default_factory is dict
            assert param.default == {}, param.name
        else:
            default = (
                inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
            )
            assert param.default == default, param.name
        assert param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


@pytest.mark.parametrize(
    "make",
    [
        lambda: ProposalEvent("p", "bash", "shell", {}),
        lambda: ReviewEvent("p", "shell"),
        lambda: DecisionEvent("p", "allow"),
    ],
    ids=["proposal", "review", "decision"],
)
def test_an_own_init_gives_each_event_its_own_mappings(make: Any) -> None:
    first, second = make(), make()
    assert first == second
    for field in dataclasses.fields(first):
        if field.default_factory is dict:
            assert getattr(first, field.name) == {}
            assert getattr(first, field.name) is not getattr(second, field.name), field.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.extra = {}
    assert dataclasses.replace(first, extra={"k": 1}).to_payload()["k"] == 1


def test_typed_events_go_through_the_ledger(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        written = ledger.record(*SAMPLES, run_id="r")
        assert [e.kind for e in written] == [s.kind for s in SAMPLES]
        read = list(ledger.events(run_id="r"))
        assert [parse(e) for e in read] == SAMPLES
        assert ledger.verify().ok


# -- what older versions wrote ------------------------------------------------------------------


def test_a_guards_old_verdict_reads_back() -> None:
    # the Python guard recorded {"approved": bool, "channel"} and no approver
    approved = parse("human_verdict", {"proposal_id": "p1", "approved": True, "channel": "python"})
    assert isinstance(approved, HumanVerdictEvent)
    assert approved.answer == "approve" and approved.approves
    assert approved.approver == NOT_RECORDED and approved.channel == "python"
    refused = HumanVerdictEvent.from_payload({"approved": False})
    assert refused.answer == "reject" and refused.channel == "unknown"
    assert refused.proposal_id is None
    # the decision module's record reads through the same type
    record = HumanVerdictRecord.parse({"approved": True, "channel": "python"})
    assert record.verdict == HumanVerdict("approve", NOT_RECORDED)


def test_old_proposal_review_decision_and_run_shapes_read_back() -> None:
    # a proposal before origin, session_id and raw were recorded (origin in its context)
    proposal = ProposalEvent.from_payload(
        {"id": 7, "tool": "bash", "kind": "shell", "args": {"command": "ls"},
         "context": {"origin": "claude-code"}}
    )  # fmt: skip
    assert proposal.id == "7" and proposal.origin == "claude-code"
    assert proposal.raw == "" and proposal.session_id is None and proposal.shape == "plain"
    # a review naming its reviewer "reviewer", before partial and uncertainty
    review = ReviewEvent.from_payload({"reviewer": "shell", "risk": 0.2, "predictions": []})
    assert review.name == "shell" and review.risk == 0.2
    assert review.partial is False and review.uncertainty is None and review.details == {}
    # a decision before uncertainty, harms and the policy hash
    decision = DecisionEvent.from_payload({"id": "p", "decision": "block", "term": "hard"})
    assert decision.verdict == "block" and decision.uncertainty is None
    assert decision.harm is None and decision.policy_hash == "" and decision.human is None
    # a run started before runs named their process; an execution without details
    start = RunStartEvent.from_payload({"task": "t", "model": "m"})
    assert start.process is None and start.memory_notes == ()
    execution = ExecutionEvent.from_payload({"proposal_id": "p", "tool": "bash", "ok": True})
    assert execution.details is None and execution.observation == ""
    assert "details" not in execution.to_payload()


def test_wrong_types_and_unknown_keys_are_never_an_error() -> None:
    end = RunEndEvent.from_payload({"status": None, "steps": "four", "costs": [1], "new": {"x": 1}})
    assert end.status == "" and end.steps == 0 and end.costs == {}
    assert end.extra == {"new": {"x": 1}}
    assert end.to_payload()["new"] == {"x": 1}  # kept and written back
    call = ModelCallEvent.from_payload(
        {"tool_calls": ["junk", {"name": "bash"}], "tokens_in": True}
    )
    assert call.tool_calls == (RecordedCall("call-0", "bash"),) and call.tokens_in == 0
    # a payload that is not a mapping, an unknown kind
    assert parse("run_end", None) == RunEndEvent("")  # type: ignore[arg-type]
    other = parse("a_newer_kind", {"x": 1})
    assert other == OtherEvent("a_newer_kind", {"x": 1})
    assert other.entry() == ("a_newer_kind", {"x": 1}, None)


def test_session_steps_and_rewards_read_old_shapes(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        for kind, payload in [
            ("proposal", {"id": "p1", "tool": "bash", "kind": "shell", "args": {"command": "ls"},
                          "task": "look around", "context": {"origin": "python"}}),
            ("review", {"proposal_id": "p1", "reviewer": "shell", "predictions": [
                {"outcome": "lists", "valence": "benefit"}]}),
            ("decision", {"id": "p1", "decision": "escalate", "risk": 0.3}),
            ("human_verdict", {"proposal_id": "p1", "approved": True, "channel": "python"}),
        ]:  # fmt: skip
            ledger.append(kind, payload, run_id="s")
        events = list(ledger.events(run_id="s"))
        (step,) = steps_from_events(events)
        assert (step.kind, step.tool, step.verdict) == ("shell", "bash", "allow")
        (trajectory,) = from_ledger(ledger, ["s"])
    assert trajectory.task == "look around" and trajectory.origin == "python"
    (reviewed,) = trajectory.steps
    assert reviewed.allowed and reviewed.human == ["approve"]
    assert reviewed.predictions == [{"outcome": "lists", "valence": "benefit", "reviewer": "shell"}]
    assert reviewed.number("risk") == 0.3 and reviewed.number("harm") is None


# -- the writers' payloads are the ones written before ------------------------------------------


def test_the_gate_writes_the_payloads_it_wrote_before(tmp_path: Path) -> None:
    policy = load_policy(None)
    with Ledger.open(tmp_path / "l.db") as ledger:
        gate = Gate(policy, build_reviewers(policy, ledger.path), ledger, canaries=False)
        proposal = from_dict({"tool": "bash", "args": {"command": "rm -rf ~/.ssh"}, "id": "x1"})
        decision = gate.review(proposal, run_id="r")
        record_human_verdict(ledger, proposal, "terminal", HumanVerdict("reject", "me"), "r")
        events = {e.kind: e.payload for e in ledger.events()}
        reviews = [e.payload for e in ledger.events(kinds=["review"])]
    assert events["gate_start"] == {
        "policy": {"source": policy.source, "sha256": policy.sha256, "locked": policy.locked},
        "reviewers": [{"name": r.name, "version": r.version} for r in gate.reviewers],
        "canaries": None,
    }
    # what gate._events wrote before typed events
    assert events["proposal"] == {**proposal.to_dict(), "raw": proposal.action.raw}
    assert reviews == [{"proposal_id": "x1", **r.to_dict()} for r in decision.reviews]
    assert events["decision"] == decision._as_dict(with_reviews=False)
    assert events["human_verdict"] == {
        "proposal_id": "x1", "channel": "terminal", "answer": "reject", "approver": "me",
        "reason": "", "args": {},
    }  # fmt: skip


def test_an_agent_runs_payloads_keep_their_keys() -> None:
    """The fixture was written by the agent loop before typed events: each payload, read and
    written again through its type, is the same (so the hash chain's bytes would be too)."""
    for line in (FIXTURES / "agent_run.jsonl").read_text().splitlines():
        event = Event(**orjson.loads(line))
        typed = parse(event)
        assert not isinstance(typed, OtherEvent), event.kind
        assert typed.to_payload() == event.payload, event.kind


# -- forethought show ---------------------------------------------------------------------------


@pytest.fixture
def utc() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time.tzset()


def _shown(events: list[Event]) -> str:
    console = Console(record=True, width=120, file=io.StringIO())
    print_run(console, events)
    return console.export_text()


def test_show_prints_an_agent_run_as_before(utc: None) -> None:
    """agent_run_show.txt is what `forethought show` printed for agent_run.jsonl (an agent run:
    a plan, an escalation edited then approved, a malformed call, a block, finish) before the
    transcript read events through their types."""
    events = [Event(**orjson.loads(x)) for x in (FIXTURES / "agent_run.jsonl").open()]
    assert _shown(events) == (FIXTURES / "agent_run_show.txt").read_text()


def test_show_reads_old_shapes(utc: None) -> None:
    def event(seq: int, kind: str, payload: dict[str, Any]) -> Event:
        return Event(seq, 0.0, kind, "old", payload, "0" * 64, "1" * 64)

    events = [
        event(1, "run_start", {"task": "an old run", "model": "m", "policy": {"source": "p"}}),
        event(2, "review", {"reviewer": "shell", "risk": 0.25, "rationale": "lists files"}),
        event(3, "human_verdict", {"approved": True, "channel": "python"}),
        event(4, "a_newer_kind", {"x": 1}),
    ]
    shown = _shown(events)
    assert "an old run" in shown and "shell: risk 0.25  lists files" in shown
    assert f"APPROVE by {NOT_RECORDED} via python" in shown
    assert "a_newer_kind {'x': 1}" in shown
    assert "no end recorded" in shown and unended_status(events) == "no end recorded"


def test_ledger_show_summarises_each_event_by_its_kind(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from forethought.cli import main

    db = tmp_path / "ledger.db"
    from forethought.policy import default_policy
    from forethought.review.registry import build_reviewers

    policy = default_policy()
    with Ledger.open(db) as ledger, Gate(policy, build_reviewers(policy, db), ledger) as gate:
        proposal = from_dict({"id": "p1", "tool": "bash", "args": {"command": "ls"}})
        gate.review(proposal, run_id="r1")
        verdict = HumanVerdict("reject", "ann@terminal", "no")
        ledger.record(HumanVerdictRecord("p1", "terminal", verdict).event(), run_id="r1")
        ledger.append("someone_elses", {"x": 1}, run_id="r1")
    shown = CliRunner(env={"COLUMNS": "250"}).invoke(main, ["ledger", "show", "--ledger", str(db)])
    assert shown.exit_code == 0, shown.output
    lines = {line.split("│")[3].strip(): line for line in shown.output.splitlines() if "│" in line}
    reviewers = "reviewers=shell,file,python,http,text,task_limits,self_protection"
    assert reviewers in lines["gate_start"]
    assert 'tool=bash {"command":"ls"}' in lines["proposal"]
    assert "name=self_protection risk=0.0" in lines["review"]
    assert "decision=allow benefit>=harm" in lines["decision"]
    assert "reject by ann@terminal via terminal" in lines["human_verdict"]
    assert '{"x":1}' in lines["someone_elses"]
