"""A run's transcript, read back from the ledger: what `forethought runs` and `show` print."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from forethought.agent.process import alive
from forethought.ledger import Ledger
from forethought.ledger.event import Event
from forethought.ledger.events import (
    DecisionEvent,
    ExecutionEvent,
    HumanVerdictEvent,
    MalformedCallEvent,
    ModelCallEvent,
    ModelErrorEvent,
    ProposalEvent,
    ReviewEvent,
    RunEndEvent,
    RunStartEvent,
)
from forethought.render import STYLES, printable

_TEXT_LIMIT = 3000


def run_summaries(ledger: Ledger) -> list[dict[str, Any]]:
    """One dict per run or session, as `forethought runs` lists them (and the console shows
    them): run, first_ts, events, status, steps, what (the task, or the session's origin),
    origin, decisions (verdict -> count), costs (the run_end's, where there is one)."""
    found = []
    for run in ledger.runs():
        start = _first(ledger.events(run_id=run["run_id"], kinds=["run_start"], limit=1))
        end = _first(ledger.events(run_id=run["run_id"], kinds=["run_end"], limit=1))
        origin = _origin(ledger, run["run_id"])
        what = RunStartEvent.from_payload(start.payload).task if start else origin
        ended = RunEndEvent.from_payload(end.payload) if end else None
        decisions: dict[str, int] = {}
        for event in ledger.events(run_id=run["run_id"], kinds=["decision"]):
            verdict = DecisionEvent.from_payload(event.payload).verdict or "?"
            decisions[verdict] = decisions.get(verdict, 0) + 1
        found.append(
            {
                "run": run["run_id"],
                "first_ts": run["first_ts"],
                "last_ts": run["last_ts"],
                "events": run["events"],
                "status": ended.status if ended else _unended(start),
                "steps": ended.steps if ended else "",
                "what": str(what),
                "origin": "agent" if start else origin,
                "decisions": decisions,
                "costs": dict(ended.costs) if ended else {},
            }
        )
    return found


def runs_table(ledger: Ledger) -> Table:
    table = Table(title=f"runs in {ledger.location}", title_justify="left")
    for column in ("run", "started", "events", "status", "steps", "task / origin"):
        table.add_column(column, overflow="fold")
    for run in run_summaries(ledger):
        table.add_row(
            run["run"],
            _time(run["first_ts"]),
            str(run["events"]),
            run["status"],
            str(run["steps"]),
            Text(_clip(run["what"], 80)),
        )
    return table


# A run with a run_start and no run_end: still running, or its process died without a record.
CRASHED = "crashed (its process ended without a record)"


def _unended(start: Event | None) -> str:
    if start is None:
        return ""  # a hook, guard or proxy session: no start or end of its own
    process = RunStartEvent.from_payload(start.payload).process
    if process is None:
        return "no end recorded"  # recorded before runs named their process
    state = alive(dict(process))
    if state is None:
        return f"no end recorded (ran on {process.get('host')}, pid {process.get('pid')})"
    return "running" if state else CRASHED


def unended_status(events: Iterable[Event]) -> str | None:
    """What became of a run whose events have a run_start and no run_end (None otherwise)."""
    kinds = {e.kind: e for e in events if e.kind in ("run_start", "run_end")}
    if "run_start" not in kinds or "run_end" in kinds:
        return None
    return _unended(kinds["run_start"])


def _origin(ledger: Ledger, run_id: str) -> str:
    first = _first(ledger.events(run_id=run_id, kinds=["proposal"], limit=1))
    if first is None:
        return ""
    proposal = ProposalEvent.from_payload(first.payload)  # origin: in its context, in old ones
    return proposal.origin or proposal.shape


def render_run(events: Iterable[Event]) -> Group:
    events = list(events)
    parts: list[Any] = []
    for event in events:
        part = _RENDERERS.get(event.kind, _render_other)(event)
        if part is not None:
            parts.append(part)
    unended = unended_status(events)
    if unended is not None:
        style = "bold red" if unended == CRASHED else "bold yellow"
        parts.append(Panel(Text(unended, style), title="no end of run", border_style="red"))
    return Group(*parts)


def print_run(console: Console, events: Iterable[Event]) -> None:
    console.print(render_run(events))


def _render_run_start(e: Event) -> Panel:
    p = RunStartEvent.from_payload(e.payload)
    body = Text()
    body.append("task\n", "bold").append(_clip(p.task, _TEXT_LIMIT) + "\n")
    body.append(
        f"model {p.model}   workspace {p.workspace}   "
        f"sandbox {p.isolation}   policy {p.policy.get('source')}\n",
        "dim",
    )
    if p.memory_notes:
        body.append(f"memory notes loaded: {len(p.memory_notes)}\n", "dim")
    return Panel(body, title=f"run {e.run_id}  {_time(e.ts)}", border_style="blue")


def _render_model_call(e: Event) -> Text:
    p = ModelCallEvent.from_payload(e.payload)
    out = Text()
    text = p.text.strip()
    if text:
        out.append("reasoning  ", "bold cyan").append(_clip(text, _TEXT_LIMIT) + "\n")
    for call in p.tool_calls:
        out.append("proposes   ", "bold").append(f"{printable(call.name)} ")
        out.append(_clip(str(dict(call.arguments) or call.error), 300) + "\n")
    out.append(
        f"           model {p.elapsed_s:.2f} s, {p.tokens_in} in / {p.tokens_out} out tokens\n",
        "dim",
    )
    return out


def _render_proposal(e: Event) -> Text | None:
    p = ProposalEvent.from_payload(e.payload)
    if p.origin == "agent":
        return None  # the model_call before it already shows the call
    out = Text()
    where = " ".join(x for x in (p.origin, p.shape) if x)
    if p.reasoning:
        out.append("reasoning  ", "bold cyan").append(_clip(p.reasoning, _TEXT_LIMIT) + "\n")
    out.append("proposes   ", "bold").append(f"{printable(p.tool)} ")
    out.append(_clip(str(dict(p.args)), 300)).append(f"  ({where})\n", "dim")
    return out


def _render_review(e: Event) -> Text:
    p = ReviewEvent.from_payload(e.payload)  # old ones named the reviewer "reviewer"
    state = "FAILED" if p.failed else f"risk {p.risk or 0:.2f}"
    out = Text(f"           {printable(p.name)}: {state}  ", "dim")
    out.append(_clip(p.error or p.rationale, 200) + "\n", "dim")
    return out


def _render_decision(e: Event) -> Text:
    p = DecisionEvent.from_payload(e.payload)
    verdict = p.verdict or "?"
    out = Text()
    out.append("decision   ", "bold").append(f"{verdict.upper()}", STYLES.get(verdict, "bold"))
    out.append(f"  ({p.term}: {_clip(p.reason, 200)})\n")
    return out


def _render_human(e: Event) -> Text:
    verdict = HumanVerdictEvent.from_payload(e.payload)  # every integration's, old shapes too
    out = Text("human      ", "bold yellow")
    out.append(printable(f"{verdict.answer.upper()} by {verdict.approver} via {verdict.channel}"))
    if verdict.reason:
        out.append(f": {printable(verdict.reason)}")
    if verdict.args:
        out.append(f"  edit {printable(dict(verdict.args))}")
    return out.append("\n")


def _render_execution(e: Event) -> Text:
    p = ExecutionEvent.from_payload(e.payload)
    out = Text("observes   ", "bold green" if p.ok else "bold red")
    out.append(_clip(p.observation, 1500) + "\n")
    return out


def _render_malformed(e: Event) -> Text:
    error = MalformedCallEvent.from_payload(e.payload).error
    return Text(f"malformed  {printable(error)}\n", "bold red")


def _render_model_error(e: Event) -> Text:
    error = ModelErrorEvent.from_payload(e.payload).error
    return Text(f"model error  {printable(error)}\n", "bold red")


def _render_run_end(e: Event) -> Panel:
    p = RunEndEvent.from_payload(e.payload)
    costs = p.costs
    body = Text()
    body.append(f"{p.status.upper()}", "bold").append(f"  {printable(p.reason)}\n")
    if p.answer:
        body.append("answer\n", "bold").append(_clip(p.answer, _TEXT_LIMIT) + "\n")
    tax = costs.get("tax_time")
    body.append(
        f"steps {p.steps}   agent {costs.get('agent_s', 0):.2f} s, "
        f"{costs.get('agent_tokens_in', 0) + costs.get('agent_tokens_out', 0)} tokens   "
        f"review {costs.get('review_s', 0):.3f} s, "
        f"{costs.get('review_tokens_in', 0) + costs.get('review_tokens_out', 0)} tokens   "
        f"alignment tax (review time / agent time) "
        f"{'n/a' if tax is None else f'{tax:.1%}'}\n",
        "dim",
    )
    if costs.get("run_s"):  # runs recorded before the Gate's wall time was counted lack it
        share, reviews = costs.get("gate_share"), costs.get("reviews") or 0
        per_review = f", {costs['gate_s'] / reviews * 1000:.1f} ms a review" if reviews else ""
        body.append(
            f"wall time {costs['run_s']:.2f} s: model {costs.get('agent_s', 0):.2f} s, "
            f"review in the Gate {costs.get('gate_s', 0):.3f} s "
            f"({'n/a' if share is None else f'{share:.1%}'} of the run{per_review}), "
            f"execution {costs.get('execution_s', 0):.2f} s\n",
            "dim",
        )
    if costs.get("resamples"):
        spent = costs.get("agent_s", 0) + costs.get("review_s", 0)
        share = costs.get("resample_s", 0) / spent if spent else None
        body.append(
            f"resamples {costs['resamples']} (of {p.steps} steps): "
            f"{costs.get('resample_candidates', 0)} fresh candidates drawn, "
            f"{costs.get('resample_refused', 0)} refused; they cost "
            f"{costs.get('resample_s', 0):.2f} s and {costs.get('resample_tokens', 0)} tokens "
            f"({'n/a' if share is None else f'{share:.1%}'} of model and review time)\n",
            "dim",
        )
    return Panel(body, title="end of run", border_style="blue")


def _render_other(e: Event) -> Text:
    return Text(f"{printable(e.kind):<10} {_clip(str(e.payload), 200)}\n", "dim")


_RENDERERS = {
    "run_start": _render_run_start,
    "model_call": _render_model_call,
    "proposal": _render_proposal,
    "review": _render_review,
    "decision": _render_decision,
    "human_verdict": _render_human,
    "execution": _render_execution,
    "malformed_call": _render_malformed,
    "model_error": _render_model_error,
    "run_end": _render_run_end,
}


def _first(events: Iterable[Event]) -> Event | None:
    return next(iter(events), None)


def _time(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


def _clip(text: str, limit: int) -> str:
    text = printable(text, lines=True)  # the agent's text: shown, never obeyed by the terminal
    return text if len(text) <= limit else text[:limit] + f" [... {len(text) - limit} more]"
