"""Human-readable rendering of Decisions for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from forethought.decision import Decision
from forethought.proposal import Proposal

STYLES = {
    "allow": "bold green",
    "block": "bold red",
    "escalate": "bold yellow",
    "revise": "bold magenta",
    "resample": "bold magenta",
}


def _summary(proposal: Proposal) -> str:
    args = proposal.action.args
    for key in ("command", "code", "url", "path", "title"):
        if args.get(key):
            text = str(args[key]).replace("\n", "\\n")
            return text if len(text) <= 100 else text[:97] + "..."
    return ""


def render_decision(proposal: Proposal, decision: Decision) -> Panel:
    head = Text()
    head.append(f"{decision.verdict.upper()}", STYLES[decision.verdict])
    head.append(f"  {proposal.action.tool}: ", "bold")
    head.append(_summary(proposal))
    lines: list[Text | Table] = [head]
    risk = "unscored" if decision.risk is None else f"{decision.risk:.2f}"
    lines.append(
        Text(
            f"decided by {decision.term}: {decision.reason}\n"
            f"expected harm H={decision.harm:.2f}  expected benefit B={decision.benefit:.2f}  "
            f"risk={risk}",
            "dim",
        )
    )

    predictions = Table(title="predicted consequences", title_justify="left", expand=True)
    for column in ("", "outcome", "p", "severity", "reversible", "evidence", "reviewer"):
        predictions.add_column(column, overflow="fold")
    for review in decision.reviews:
        for p in review.predictions:
            predictions.add_row(
                Text(p.valence, "red" if p.valence == "harm" else "green"),
                p.outcome,
                f"{p.probability:.2f}",
                p.severity,
                "yes" if p.reversible else "no",
                p.evidence,
                review.reviewer,
            )
    if predictions.row_count:
        lines.append(predictions)

    reviewers = Table(title="reviewers", title_justify="left", expand=True)
    for column in ("reviewer", "risk", "ms", "rationale"):
        reviewers.add_column(column, overflow="fold")
    for review in decision.reviews:
        reviewers.add_row(
            f"{review.reviewer} {review.version}",
            Text("FAILED", "bold red") if review.failed else f"{review.risk:.2f}",
            f"{review.elapsed_ms:.2f}",
            review.rationale,
        )
    lines.append(reviewers)
    title = f"proposal {proposal.id}" if proposal.id else None
    return Panel(Group(*lines), title=title, title_align="left")


def print_decision(console: Console, proposal: Proposal, decision: Decision) -> None:
    console.print(render_decision(proposal, decision))
