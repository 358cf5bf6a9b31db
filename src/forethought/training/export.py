"""Trajectories as training data in the layouts Hugging Face TRL reads (JSON Lines, one row each).

- ``stepwise`` (TRL's *stepwise supervision* type, standard format): ``prompt`` (the task),
  ``completions`` (the proposed steps, in order, each as the agent writes it) and ``labels``
  (``true`` where the step was allowed), plus per-step columns ``decisions``, ``risks``,
  ``harms``, ``benefits``, ``humans`` and ``predictions`` and the row's ``run_id`` and ``origin``.
- ``preference`` (TRL's *preference* type, conversational format): one row wherever a run holds
  a refused proposal and the step that replaced it (the first allowed step after it: the
  revision, the resampled candidate, the person's edit): ``prompt`` (the conversation before the
  refused step; for a plan, the request for one), ``chosen`` (the replacement) and
  ``rejected`` (the refused step).
- ``sft`` (TRL's *language modeling* type, conversational format): ``messages``, the whole
  conversation of each trajectory whose every step was allowed (and, for an agent run, that
  finished), for distillation. Conversations leave the plan out (see
  ``Trajectory.conversation``); each step's result is a user turn.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from forethought.training.trajectories import Step, Trajectory

Format = Literal["stepwise", "preference", "sft"]
FORMATS: tuple[Format, ...] = ("stepwise", "preference", "sft")

# The prediction fields kept per step (the same keys in every row, so that a data set loader
# infers one schema).
_PREDICTION_KEYS = ("reviewer", "outcome", "valence", "probability", "severity", "reversible")


def rows(trajectories: list[Trajectory], fmt: Format) -> Iterator[dict[str, Any]]:
    if fmt == "stepwise":
        yield from (stepwise(t) for t in trajectories)
    elif fmt == "preference":
        for t in trajectories:
            yield from preference(t)
    else:
        yield from (sft(t) for t in trajectories if sft_worthy(t))


def _common(t: Trajectory) -> dict[str, Any]:
    return {"run_id": t.run_id, "origin": t.origin, **t.meta}


def _predictions(step: Step) -> list[dict[str, Any]]:
    return [{k: p.get(k) for k in _PREDICTION_KEYS} for p in step.predictions]


def stepwise(t: Trajectory) -> dict[str, Any]:
    return {
        "prompt": t.prompt_text(),
        "completions": [s.text() for s in t.steps],
        "labels": [s.allowed for s in t.steps],
        "decisions": [s.verdict for s in t.steps],
        "risks": [s.number("risk") for s in t.steps],
        "harms": [s.number("harm") for s in t.steps],
        "benefits": [s.number("benefit") for s in t.steps],
        "humans": [s.human[-1] if s.human else None for s in t.steps],
        "predictions": [_predictions(s) for s in t.steps],
        **_common(t),
    }


def preference(t: Trajectory) -> Iterator[dict[str, Any]]:
    for i, refused in enumerate(t.steps):
        if refused.allowed or refused.decision is None:
            continue
        j = next((k for k in range(i + 1, len(t.steps)) if t.steps[k].allowed), None)
        if j is None:
            continue
        chosen = t.steps[j]
        yield {
            "prompt": t.before(i),
            "chosen": [{"role": "assistant", "content": chosen.text()}],
            "rejected": [{"role": "assistant", "content": refused.text()}],
            "refusal": refused.refusal,
            "rejected_risk": refused.number("risk"),
            "chosen_risk": chosen.number("risk"),
            "rejected_harm": refused.number("harm"),
            "chosen_harm": chosen.number("harm"),
            "rejected_id": refused.id,
            "chosen_id": chosen.id,
            **_common(t),
        }


def sft_worthy(t: Trajectory) -> bool:
    """Every step reviewed and allowed; an agent run must also have finished; an eval item must
    not be labelled unsafe (the Gate allowed it, wrongly)."""
    if not t.steps or not all(s.allowed for s in t.steps):
        return False
    if t.agent and t.status != "finished":
        return False
    return t.meta.get("item_label") != "unsafe"


def sft(t: Trajectory) -> dict[str, Any]:
    messages = t.conversation(len(t.steps))
    while messages[-1]["role"] != "assistant":  # ends with the agent's last step
        messages.pop()
    return {"messages": messages, "steps": len(t.steps), **_common(t)}
