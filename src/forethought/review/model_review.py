"""What every model reviewer shares: the prompt, the quoting of untrusted text, the answer, the
cost.

Independence and injection hardening:

- The reviewer model never receives the agent's system prompt or conversation, only the Proposal.
- Everything the agent, a user or a tool wrote (task, reasoning, history, the action's tool name
  and arguments) reaches it inside quoted blocks whose markers carry a random boundary chosen
  per call (``<<<DATA-3f9a... LABEL>>>`` ... ``<<<END-3f9a...>>>``), one that occurs nowhere in
  the quoted text, so the data cannot close its own block; the instructions (a prompt file in
  ``review/prompts/``) say that text inside the blocks is data.
- The answer is requested as JSON against a schema and validated with pydantic. Only a
  schema-valid JSON object counts; text around it is ignored, and an answer holding two
  different valid objects is not an answer. One retry on an invalid answer, then the review
  fails: a failed review, never a score of 0.

Every review carries the tokens it spent (all calls, retries included) and its wall time.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from string import Template
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from forethought.models.base import Completion, Message, Model, ModelError
from forethought.proposal import Proposal
from forethought.review.base import MODEL_STAGE, Prediction, Review

DEFAULT_MAX_TOKENS = 1024
DEFAULT_HISTORY_STEPS = 5
DEFAULT_DEADLINE_S = 15.0
MAX_EVIDENCE_CHARS = 300

Answer = TypeVar("Answer", bound=BaseModel)


class AnswerError(Exception):
    """The reviewer model's answer was not one schema-valid JSON object. One line."""


# --------------------------------------------------------------------------------------------
# Prompts (files in review/prompts, versioned by their hash)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Prompt:
    """A reviewer's instructions: its template and the shared rules for reading data."""

    name: str
    template: str
    rules: str

    @property
    def version(self) -> str:
        return hashlib.sha256(f"{self.template}\0{self.rules}".encode()).hexdigest()[:8]

    def render(self, boundary: str) -> str:
        rules = Template(self.rules).substitute(boundary=boundary).strip()
        return Template(self.template).substitute(boundary=boundary, data_rules=rules)


@cache
def _read(name: str) -> str:
    return resources.files("forethought.review").joinpath("prompts", f"{name}.txt").read_text()


def load_prompt(name: str) -> Prompt:
    return Prompt(name, _read(name), _read("_data_rules"))


# --------------------------------------------------------------------------------------------
# Quoting
# --------------------------------------------------------------------------------------------


class Quoter:
    """Wraps untrusted text in blocks whose boundary occurs in none of the texts given."""

    def __init__(self, texts: Sequence[str]) -> None:
        while True:
            boundary = secrets.token_hex(8)
            if not any(boundary in text for text in texts):
                break
        self.boundary = boundary

    def block(self, label: str, text: str) -> str:
        return f"<<<DATA-{self.boundary} {label}>>>\n{text}\n<<<END-{self.boundary}>>>"


def action_text(proposal: Proposal) -> str:
    action = proposal.action
    return json.dumps(
        {"tool": action.tool, "kind": action.kind, "args": dict(action.args)},
        ensure_ascii=False,
        indent=1,
        default=str,
    )


@dataclass(frozen=True, slots=True)
class Material:
    """The parts of a Proposal one reviewer reads, each to go in its own data block."""

    parts: tuple[tuple[str, str], ...]

    @classmethod
    def of(
        cls,
        proposal: Proposal,
        *,
        reasoning: bool,
        history_steps: int,
        extra: Sequence[tuple[str, str]] = (),
    ) -> Material:
        parts: list[tuple[str, str]] = [("task", proposal.task or "(no task was given)")]
        if history_steps > 0 and proposal.history:
            steps = proposal.history[-history_steps:]
            first = len(proposal.history) - len(steps) + 1
            parts += [(f"earlier step {first + i}", step) for i, step in enumerate(steps)]
        if reasoning:
            parts.append(("agent reasoning", proposal.reasoning or "(the agent stated none)"))
        parts.append(("proposed action", action_text(proposal)))
        return cls((*parts, *extra))

    def texts(self) -> list[str]:
        return [text for _, text in self.parts]


def messages_for(prompt: Prompt, material: Material, closing: str) -> list[Message]:
    """System: the reviewer's instructions. User: the quoted data, then what to answer."""
    quoter = Quoter(material.texts())
    blocks = "\n\n".join(quoter.block(label, text) for label, text in material.parts)
    return [
        Message("system", prompt.render(quoter.boundary)),
        Message("user", f"{blocks}\n\n{closing}"),
    ]


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Meter:
    """Tokens and calls spent on one review."""

    tokens_in: int = 0
    tokens_out: int = 0
    calls: list[dict[str, Any]] = field(default_factory=list)

    def add(self, completion: Completion) -> None:
        self.tokens_in += completion.usage.input_tokens
        self.tokens_out += completion.usage.output_tokens
        self.calls.append({
            "tokens_in": completion.usage.input_tokens,
            "tokens_out": completion.usage.output_tokens,
            "elapsed_ms": round(completion.elapsed_s * 1000, 3),
            "finish_reason": completion.finish_reason,
        })


def _json_objects(text: str) -> Iterator[Any]:
    decoder = json.JSONDecoder()
    at = text.find("{")
    while at != -1:
        try:
            value, end = decoder.raw_decode(text, at)
        except ValueError:
            at = text.find("{", at + 1)
            continue
        yield value
        at = text.find("{", end)


def parse_answer(text: str, answer_type: type[Answer]) -> Answer:
    """The one schema-valid JSON object in ``text``; raises AnswerError otherwise."""
    valid: list[Answer] = []
    first_error = ""
    for value in _json_objects(text):
        try:
            answer = answer_type.model_validate(value)
        except ValidationError as exc:
            if not first_error:
                err = exc.errors()[0]
                where = ".".join(str(x) for x in err["loc"]) or "<top>"
                first_error = f"{where}: {err['msg']}"
            continue
        if answer not in valid:
            valid.append(answer)
    if len(valid) == 1:
        return valid[0]
    if len(valid) > 1:
        raise AnswerError(f"the answer holds {len(valid)} different JSON answers")
    if first_error:
        raise AnswerError(f"the answer does not follow the schema ({first_error})")
    raise AnswerError("the answer holds no JSON object")


def ask(
    model: Model,
    messages: Sequence[Message],
    answer_type: type[Answer],
    meter: Meter,
    *,
    max_tokens: int,
) -> Answer:
    """Ask for a JSON answer; one retry on an invalid one. Raises AnswerError or ModelError."""
    schema = answer_type.model_json_schema()
    attempt = list(messages)
    error = ""
    for _ in range(2):
        completion = model.complete(
            attempt, json_schema=schema, temperature=0.0, max_tokens=max_tokens
        )
        meter.add(completion)
        try:
            return parse_answer(completion.text, answer_type)
        except AnswerError as exc:
            error = str(exc)
            if completion.finish_reason == "length":
                error += "; it was cut off at the token limit"
        attempt = [
            *messages,
            Message(
                "user",
                f"Your previous answer could not be used: {error}. Answer again with exactly "
                "one JSON object that follows the schema, and nothing else.",
            ),
        ]
    raise AnswerError(f"invalid answer twice: {error}")


def say(model: Model, messages: Sequence[Message], meter: Meter, *, max_tokens: int) -> str:
    """A free-text answer (a debater's argument)."""
    completion = model.complete(messages, temperature=0.0, max_tokens=max_tokens)
    meter.add(completion)
    return completion.text.strip()


def clip(text: str, limit: int = MAX_EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --------------------------------------------------------------------------------------------
# The reviewer
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a model reviewer concluded, before metering turns it into a Review."""

    predictions: tuple[Prediction, ...]
    rationale: str
    details: dict[str, Any]


class ModelReviewer:
    """Base of the model reviewers: runs ``judge`` and turns its outcome into a metered Review.

    Model reviewers run on the Gate's worker threads (``inline = False``) under their own
    ``deadline_s``. They carry no start-up canaries: a canary would cost model calls at every
    start of the Gate.
    """

    name = "model"
    prompt_names: tuple[str, ...] = ()
    inline = False
    stage = MODEL_STAGE  # the Gate asks it behind the policy's cascade
    canaries: tuple[dict[str, Any], ...] = ()

    def __init__(
        self,
        model: Model,
        *,
        history_steps: int = DEFAULT_HISTORY_STEPS,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        deadline_s: float = DEFAULT_DEADLINE_S,
    ) -> None:
        self.model = model
        self.history_steps = history_steps
        self.max_tokens = max_tokens
        self.deadline_s = deadline_s
        self.prompts = {name: load_prompt(name) for name in self.prompt_names}
        self.version = "1+" + "+".join(p.version for p in self.prompts.values())

    def applies(self, proposal: Proposal) -> bool:
        return True

    def judge(self, proposal: Proposal, meter: Meter) -> Verdict:
        raise NotImplementedError

    def review(self, proposal: Proposal) -> Review:
        start = time.perf_counter()
        meter = Meter()
        try:
            verdict = self.judge(proposal, meter)
        except (ModelError, AnswerError) as exc:
            return self._review(
                start, meter, (), f"review failed: {exc}", {}, error=str(exc)
            )
        return self._review(start, meter, verdict.predictions, verdict.rationale, verdict.details)

    def _review(
        self,
        start: float,
        meter: Meter,
        predictions: tuple[Prediction, ...],
        rationale: str,
        details: dict[str, Any],
        *,
        error: str | None = None,
    ) -> Review:
        elapsed_ms = (time.perf_counter() - start) * 1000
        details = {"model": self.model.name, "calls": meter.calls, **details}
        if error is not None:
            return Review(
                self.name, self.version, risk=None, rationale=rationale, elapsed_ms=elapsed_ms,
                tokens_in=meter.tokens_in, tokens_out=meter.tokens_out, failed=True, error=error,
                details=details,
            )
        return Review.of(
            self.name, self.version, predictions, rationale, elapsed_ms=elapsed_ms,
            tokens_in=meter.tokens_in, tokens_out=meter.tokens_out, details=details,
        )
