"""Human-readable rendering of Decisions for the terminal.

Everything a proposal carries is the agent's (or an attacker's) text: before it reaches a human
it goes through ``printable``, so that no terminal control sequence (erase line, conceal, cursor
movement), other C0/C1 control or bidirectional override can hide or reorder what is shown.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from forethought.decision import Decision
from forethought.proposal import Proposal
from forethought.review.base import Prediction

STYLES = {
    "allow": "bold green",
    "block": "bold red",
    "escalate": "bold yellow",
    "revise": "bold magenta",
    "resample": "bold magenta",
}
SEVERITY_RANK = {"negligible": 0, "low": 1, "moderate": 2, "high": 3, "critical": 4}


# C0 and C1 controls, DEL, bidirectional marks, embeddings, overrides and isolates, zero-width
# characters and the Unicode line and paragraph separators.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff"
_UNSAFE_IN_LINES = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_A_LINE = re.compile(f"[{_UNSAFE}\t\n]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, lines: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\e``, ``\\x9b``,
    ``\\u202e``), so that it is displayed, never obeyed; ``lines`` keeps newlines and tabs."""
    text = text if isinstance(text, str) else str(text)
    return (_UNSAFE_IN_LINES if lines else _UNSAFE_IN_A_LINE).sub(_escaped, text)


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
    out.append(f"  H={decision.harm:.2f}  B={decision.benefit:.2f}  risk={risk}\n", "dim")

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
