"""Human-readable rendering of Decisions for the terminal.

Everything a proposal carries is the agent's (or an attacker's) text: before it reaches a human
it goes through ``printable`` (forethought.safe_text), so that no terminal control sequence
(erase line, conceal, cursor movement), other C0/C1 control or bidirectional override can hide
or reorder what is shown.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from forethought.decision import Decision
from forethought.proposal import Proposal
from forethought.review.base import Prediction
from forethought.safe_text import printable

__all__ = ["STYLES", "print_decision", "printable", "render_decision"]

STYLES = {
    "allow": "bold green",
    "block": "bold red",
    "escalate": "bold yellow",
    "revise": "bold magenta",
    "resample": "bold magenta",
}
SEVERITY_RANK = {"negligible": 0, "low": 1, "moderate": 2, "high": 3, "critical": 4}


def _clip(text: str, limit: int = 100) -> str:
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _summary(proposal: Proposal) -> str:
    args = proposal.action.args
    for key in ("command", "code", "url", "path", "title"):
        if args.get(key):
            return _clip(str(args[key]))
    return ""


def _weight(p: Prediction) -> tuple[int, int, float]:
    return (p.valence == "harm", SEVERITY_RANK[p.severity] + (not p.reversible), p.probability)


def render_decision(proposal: Proposal, decision: Decision) -> Text:
    out = Text()
    out.append(f"{decision.verdict.upper():<9}", STYLES[decision.verdict])
    if proposal.id:
        out.append(f"[{printable(proposal.id)}] ", "dim")
    out.append(f"{printable(proposal.action.tool)}: ", "bold")
    out.append(_summary(proposal) + "\n")
    risk = "unscored" if decision.risk is None else f"{decision.risk:.2f}"
    out.append(f"  decided by {decision.term}: {printable(decision.reason)}\n", "bold")
    out.append(f"  H={decision.harm:.2f}  B={decision.benefit:.2f}  risk={risk}", "dim")
    if decision.uncertainty:
        out.append(f"  uncertainty={decision.uncertainty:.2f}", "yellow")
    out.append("\n")
    for r in decision.reviews:
        reasons = r.details.get("uncertain") if isinstance(r.details, dict) else None
        if r.uncertainty and isinstance(reasons, list):
            for reason in reasons[:3]:
                out.append(f"  uncertain: {printable(str(reason))}  ({printable(r.reviewer)})\n",
                           "yellow")

    predictions = sorted(
        ((p, r.reviewer) for r in decision.reviews for p in r.predictions),
        key=lambda pr: _weight(pr[0]),
        reverse=True,
    )
    if predictions:
        out.append("  predicted consequences\n")
    for p, reviewer in predictions:
        out.append(f"    {p.valence:<8}", "red" if p.valence == "harm" else "green")
        qualities = f"p={p.probability:.2f} {p.severity}{'' if p.reversible else ', irreversible'}"
        out.append(f"{qualities:<31}")
        out.append(f"{printable(p.outcome)}\n")
        out.append(f"{'':<43}evidence: {_clip(p.evidence, 80)}  ({printable(reviewer)})\n", "dim")

    out.append("  reviewers\n")
    for r in decision.reviews:
        state = Text("FAILED", "bold red") if r.failed else Text(f"risk {r.risk:.2f}")
        out.append(f"    {printable(r.reviewer)} {printable(r.version):<6}".ljust(26))
        out.append_text(state)
        out.append(f"  {r.elapsed_ms:7.2f} ms  ", "dim")
        out.append(f"{_clip(r.error or r.rationale, 160)}\n")
    return out


def print_decision(console: Console, proposal: Proposal, decision: Decision) -> None:
    console.print(render_decision(proposal, decision), soft_wrap=True)
