"""A process reward for Hugging Face TRL: every proposed step reviewed by the Gate, on paper.

::

    from forethought.training import process_reward
    trainer = GRPOTrainer(..., reward_funcs=[process_reward(reviewers="static")])

``process_reward(...)`` returns a callable with TRL's reward-function signature,
``(prompts, completions, **kwargs) -> list[float]``. For each completion (a string, or a list of
chat messages) it finds the tool call(s) the way forethought's agent loop reads a model's answer
(native ``tool_calls`` in OpenAI's shape, Anthropic ``tool_use`` blocks, the text protocol's one
fenced JSON block, or a whole-JSON ``{"reasoning", "tool", "args"}`` answer), checks each against
the agent's tools, and has the Gate review it as a Proposal (the task taken from the prompt, or
from a ``task`` column). Nothing is executed. The completion's score is the lowest of its calls':

- a reviewed call: ``score(H, B)``, by default :func:`harm_benefit_score`,
  ``(B - H) / (1 + H + B)`` over the Decision's expected harm H and benefit B: 0 for an
  action with no predicted consequence, towards -1 as harm dominates, towards +1 as benefit
  does; a call the Gate did not allow (blocked by a rule, sent back to revise or resample,
  escalated to a person) scores at most ``score(0, 0)``, whatever its H and B;
- a call whose review did not complete (a reviewer failed, or none could judge it):
  ``failed_review`` (default -1.0, the floor: the Gate would not let it run);
- no parsable action (no call, a malformed call, an unknown tool, arguments that do not fit):
  ``no_action`` (default -0.5).

Both fixed values must be below ``score(0, 0)``, the score of a call predicted to do nothing
harmful: neither can pass for safe. Scores are deterministic for the static reviewers. With a
``ledger`` every review is recorded there (proposals with origin ``training``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from forethought.decision import Decision
from forethought.models.base import ToolCall
from forethought.proposal import Proposal, ProposalError, from_dict

NO_ACTION = -0.5
FAILED_REVIEW = -1.0

Scorer = Callable[[float, float], float]


def harm_benefit_score(harm: float, benefit: float) -> float:
    """The default score of a reviewed call: ``(B - H) / (1 + H + B)``, in (-1, 1)."""
    return (benefit - harm) / (1.0 + harm + benefit)


@dataclass(frozen=True, slots=True)
class Scored:
    """One completion's score and how it was reached."""

    score: float
    outcome: str  # the worst call's decision, "no action" or "failed review"
    decisions: tuple[Decision | None, ...] = ()  # one per call (None: not parsable)


class ProcessReward:
    """The reward callable :func:`process_reward` returns (see the module docstring)."""

    __name__ = "forethought_process_reward"  # TRL logs each reward function by its name

    def __init__(
        self,
        policy: Any = None,
        reviewers: Any = None,
        *,
        score: Scorer = harm_benefit_score,
        no_action: float = NO_ACTION,
        failed_review: float = FAILED_REVIEW,
        ledger: Any = None,
        label: str = "training",
    ) -> None:
        safe = float(score(0.0, 0.0))
        for name, value in (("no_action", no_action), ("failed_review", failed_review)):
            if not math.isfinite(value) or value >= safe:
                raise ValueError(
                    f"process_reward: {name}={value!r} must be a number below score(0, 0) "
                    f"= {safe!r}, the score of a call predicted to do nothing harmful"
                )
        self.policy, self.reviewers = policy, reviewers
        self.score, self.no_action, self.failed_review = score, no_action, failed_review
        self.ledger, self.label = ledger, label
        self.neutral = safe
        self._gate: Any = None
        self._count = 0

    # -- TRL's reward-function signature ------------------------------------------------------

    def __call__(
        self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (), **kwargs: Any
    ) -> list[float]:
        scored = self.review(prompts, completions, **kwargs)
        log_extra = kwargs.get("log_extra")
        if callable(log_extra):  # TRL's completions table gets the decision beside each reward
            log_extra("forethought", [s.outcome for s in scored])
        return [s.score for s in scored]

    def review(
        self, prompts: Sequence[Any] | None, completions: Sequence[Any], **kwargs: Any
    ) -> list[Scored]:
        """Each completion's score with the decisions behind it, all reviewed in one batch."""
        tasks = kwargs.get("task")
        found: list[list[Proposal | None]] = []
        for i, completion in enumerate(completions):
            if isinstance(tasks, Sequence) and not isinstance(tasks, str) and i < len(tasks):
                task = str(tasks[i] or "")
            else:
                task = task_of(prompts[i] if prompts is not None and i < len(prompts) else "")
            found.append(
                [self._proposal(c, reasoning, task) for reasoning, c in calls_in(completion)]
            )
        batch = [p for calls in found for p in calls if p is not None]
        decided = iter(self.gate.review_many(batch) if batch else [])
        out = []
        for calls in found:
            decisions = tuple(None if p is None else next(decided) for p in calls)
            out.append(self._scored(decisions))
        return out

    def _scored(self, decisions: tuple[Decision | None, ...]) -> Scored:
        worst = Scored(math.inf, "")
        if not decisions:
            return Scored(self.no_action, "no action")
        for decision in decisions:
            if decision is None:
                one = Scored(self.no_action, "no action")
            elif decision.failed_reviews or decision.risk is None:
                one = Scored(self.failed_review, "failed review")
            else:
                value = float(self.score(decision.harm, decision.benefit))
                if not decision.allowed:  # refused by a rule, or sent back: never above neutral
                    value = min(value, self.neutral)
                one = Scored(value, decision.verdict)
            if one.score < worst.score:
                worst = one
        return Scored(worst.score, worst.outcome, decisions)

    def _proposal(self, call: ToolCall, reasoning: str, task: str) -> Proposal | None:
        """The call as the agent loop would propose it, or None where it would not even be
        reviewed (malformed, an unknown tool, arguments that do not fit the tool)."""
        from dataclasses import replace

        from forethought.agent.tools import ToolArgumentError, validate_call

        if call.error:
            return None
        try:
            args = validate_call(call.name, call.arguments)
            proposal = from_dict(
                {"tool": call.name, "args": args, "reasoning": reasoning, "task": task}
            )
        except (ToolArgumentError, ProposalError):
            return None
        self._count += 1
        return replace(proposal, id=f"{self.label}:{self._count}", origin="training")

    # -- the Gate, built on first use (so that the callable pickles without it) ----------------

    @property
    def gate(self) -> Any:
        if self._gate is None:
            self._gate = _build_gate(self.policy, self.reviewers, self.ledger)
        return self._gate

    def close(self) -> None:
        if self._gate is not None:
            self._gate.close()
            if self._gate.ledger is not None and not _is_ledger(self.ledger):
                self._gate.ledger.close()  # opened here from a path
            self._gate = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_gate"] = None
        return state


def process_reward(
    policy: Any = None,
    reviewers: Any = None,
    *,
    score: Scorer = harm_benefit_score,
    no_action: float = NO_ACTION,
    failed_review: float = FAILED_REVIEW,
    ledger: Any = None,
    label: str = "training",
) -> ProcessReward:
    """A TRL reward function that reviews each completion's tool call(s) through the Gate.

    ``policy``: a Policy, a policy file's path, or None for the policy in force (as the CLI).
    ``reviewers``: a reviewer stack as ``forethought eval -r`` takes it (``"static"``,
    ``"shell,http"``, ``"static,consequences"``), a sequence of Reviewer objects, or None for the
    policy's own. ``score(H, B)``: the score of a reviewed call (default
    :func:`harm_benefit_score`). ``no_action``, ``failed_review``: the fixed scores of a completion
    with no parsable call and of a call whose review did not complete. ``ledger``: a Ledger or a
    path, where every review is recorded (none by default). ``label``: the proposals' id prefix.
    """
    return ProcessReward(
        policy,
        reviewers,
        score=score,
        no_action=no_action,
        failed_review=failed_review,
        ledger=ledger,
        label=label,
    )


def _is_ledger(value: Any) -> bool:
    from forethought.ledger import Ledger

    return isinstance(value, Ledger)


def _build_gate(policy: Any, reviewers: Any, ledger: Any) -> Any:
    from forethought.gate import Gate
    from forethought.ledger import Ledger
    from forethought.policy import Policy, load_policy
    from forethought.review.registry import build_reviewers

    if not isinstance(policy, Policy):
        policy = load_policy(policy)
    # a path or a database URL (never through Path, which would fold postgresql:// to one /)
    opened = ledger if _is_ledger(ledger) or ledger is None else Ledger.open(ledger)
    if isinstance(reviewers, str):
        from forethought.evals.stacks import StackOptions, build_gate, parse_stack

        return build_gate(parse_stack(reviewers, policy), policy, StackOptions(), opened)
    if reviewers is None:
        where = None if opened is None else (opened.path or opened.location)
        reviewers = build_reviewers(policy, where)
    return Gate(policy, list(reviewers), opened)


# -- reading a completion's tool calls ---------------------------------------------------------


def task_of(prompt: Any) -> str:
    """The task in a prompt: its text, or the last user message of a conversation, without the
    agent loop's "Task:" heading."""
    text = prompt if isinstance(prompt, str) else ""
    if isinstance(prompt, Sequence) and not isinstance(prompt, str):
        users = [m for m in prompt if isinstance(m, Mapping) and m.get("role") == "user"]
        text = _content_text(users[-1].get("content")) if users else ""
    text = text.strip()
    return text[len("Task:") :].strip() if text.startswith("Task:") else text


def calls_in(completion: Any) -> list[tuple[str, ToolCall]]:
    """Every tool call in a completion, each with the reasoning written beside it."""
    if isinstance(completion, str):
        return _calls_in_text(completion)
    messages = [completion] if isinstance(completion, Mapping) else completion
    if not isinstance(messages, Sequence):
        return []
    found: list[tuple[str, ToolCall]] = []
    for message in messages:
        if not isinstance(message, Mapping) or message.get("role", "assistant") != "assistant":
            continue
        found += _calls_in_message(message)
    return found


def _calls_in_message(message: Mapping[str, Any]) -> list[tuple[str, ToolCall]]:
    from forethought.models.anthropic import _tool_call as anthropic_call
    from forethought.models.openai_compat import _tool_call as openai_call

    content = message.get("content")
    text = _content_text(content)
    found: list[tuple[str, ToolCall]] = []
    if isinstance(content, list):  # Anthropic content blocks
        found += [
            (text, anthropic_call(b, i))
            for i, b in enumerate(content)
            if isinstance(b, Mapping) and b.get("type") == "tool_use"
        ]
    native = message.get("tool_calls")
    if isinstance(native, list) and native:
        found += [(text, openai_call(c, i)) for i, c in enumerate(native)]
    if found:
        return found
    return _calls_in_text(text)


def _calls_in_text(text: str) -> list[tuple[str, ToolCall]]:
    from forethought.agent.tools import tool_specs
    from forethought.models.llamacpp import _action
    from forethought.models.text_protocol import parse_answer

    tools = tool_specs()
    parsed = parse_answer(text, tools)
    if parsed.tool_calls:
        return [(parsed.text, c) for c in parsed.tool_calls]
    try:
        whole = orjson.loads(text.strip() or "null")
    except orjson.JSONDecodeError:
        return []
    if isinstance(whole, dict) and "tool" in whole:  # the llama.cpp backend's grammar answer
        reasoning, call = _action(text.strip(), tools, "json_0")
        return [(reasoning, call)]
    return []


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            str(b.get("text", "")) for b in content if isinstance(b, Mapping) and "text" in b
        )
    return ""
