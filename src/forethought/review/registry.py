"""Build the reviewers a policy enables, configured from that policy."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from forethought import signing
from forethought.ledger.config import ledger_file
from forethought.policy import Policy, PolicyError
from forethought.review.base import Reviewer

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from forethought.models.base import Model

# Reviewers that ask a model (policy: reviewers.model); see review/model_review.py.
MODEL_REVIEWERS = ("consequences", "reasoning", "debate")
# The learned reviewer (policy: reviewers.classifier); see review/classifier.py.
CLASSIFIER = "classifier"


def protected_paths(policy: Policy, ledger_path: Path | str | None) -> list[str]:
    """forethought's own files, which the agent may never modify, plus the policy's extras."""
    paths = [
        str(signing.SYSTEM_CONFIG_DIR),
        str(signing.user_config_dir()),
        str(Path(__file__).resolve().parents[1]),  # the forethought package
        *policy.paths.protected,
    ]
    if not policy.source.startswith("<"):
        source = Path(policy.source).resolve()
        paths += [str(source), str(signing.signature_path(source))]
    model_file = classifier_path(policy)
    if model_file is not None:  # the learned reviewer's weights are part of the oversight too
        paths.append(str(model_file))
    ledger_at = ledger_file(ledger_path)  # a database URL names no file to protect
    if ledger_at is not None:
        ledger = ledger_at.resolve()
        paths += [str(ledger)] + [f"{ledger}{suffix}" for suffix in ("-wal", "-shm", "-journal")]
    return paths


def _factories(
    policy: Policy, ledger_path: Path | str | None
) -> dict[str, Callable[[], Reviewer]]:
    from forethought.review.files import FileReviewer
    from forethought.review.http import HttpReviewer
    from forethought.review.python import PythonReviewer
    from forethought.review.self_protection import SelfProtectionReviewer
    from forethought.review.shell import ShellReviewer
    from forethought.review.text import TextReviewer

    hosts = policy.network.allowed_hosts
    return {
        "shell": lambda: ShellReviewer(allowed_hosts=hosts),
        "file": lambda: FileReviewer(
            workspace=policy.paths.workspace or None, allowed_hosts=hosts
        ),
        "python": lambda: PythonReviewer(allowed_hosts=hosts),
        "http": lambda: HttpReviewer(allowed_hosts=hosts),
        "self_protection": lambda: SelfProtectionReviewer(protected_paths(policy, ledger_path)),
        "text": TextReviewer,
    }


def available() -> list[str]:
    return ["shell", "file", "python", "http", "text", "self_protection"]


def build_reviewers(policy: Policy, ledger_path: Path | str | None = None) -> list[Reviewer]:
    factories = _factories(policy, ledger_path)
    enabled = policy.reviewers.enabled
    known = [*factories, CLASSIFIER, *MODEL_REVIEWERS]
    unknown = [n for n in enabled if n not in known]
    plugins = installed_reviewers() if unknown else {}
    known += plugins
    unknown = [n for n in unknown if n not in plugins]
    if unknown:
        raise PolicyError(
            f"{policy.source}: reviewers.enabled: unknown reviewer {unknown[0]!r} "
            f"(available: {', '.join(known)})"
        )
    # Self-protection is not optional: it is what keeps the agent from disabling the rest.
    names = list(dict.fromkeys([*enabled, "self_protection"]))
    static = [factories[name]() for name in names if name in factories]
    learned = [classifier_reviewer(policy)] if CLASSIFIER in names else []
    wanted = [name for name in names if name in MODEL_REVIEWERS]
    extra = [plugin_reviewer(plugins[name], policy) for name in names if name in plugins]
    return static + extra + learned + model_reviewers(wanted, policy, static)


# Reviewers installed by other packages: an entry point in this group names a factory that takes
# the Policy and returns a Reviewer; a policy enables it by the entry point's name.
PLUGIN_GROUP = "forethought.reviewers"


def installed_reviewers() -> dict[str, EntryPoint]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=PLUGIN_GROUP)}


def plugin_reviewer(entry: EntryPoint, policy: Policy) -> Reviewer:
    """The installed reviewer ``entry`` names; one that cannot be built is a PolicyError."""
    try:
        reviewer = entry.load()(policy)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # SystemExit from a plugin must not end us quietly
        raise PolicyError(
            f"{policy.source}: reviewers.enabled: reviewer {entry.name!r} ({entry.value}) "
            f"cannot be built: {type(exc).__name__}: {exc}"
        ) from None
    if not all(hasattr(reviewer, a) for a in ("name", "version", "applies", "review")):
        raise PolicyError(
            f"{policy.source}: reviewers.enabled: {entry.name!r} ({entry.value}) "
            "did not return a Reviewer"
        )
    return reviewer


def classifier_path(policy: Policy) -> Path | None:
    """The learned reviewer's model file, relative to the policy file's directory."""
    if not policy.reviewers.classifier.path:
        return None
    path = Path(policy.reviewers.classifier.path).expanduser()
    if not path.is_absolute() and not policy.source.startswith("<"):
        path = Path(policy.source).resolve().parent / path
    return path.resolve()


def classifier_reviewer(policy: Policy, *, out_of_fold: bool = False) -> Reviewer:
    """The learned reviewer the policy configures; a missing or unusable file is a PolicyError."""
    path = classifier_path(policy)
    if path is None:
        raise PolicyError(
            f"{policy.source}: reviewers.classifier.path: the classifier is enabled but no model "
            "file is named (write one with `forethought train-reviewer DATA -o FILE`)"
        )
    from forethought.review.classifier import ClassifierError, ClassifierReviewer

    try:
        return ClassifierReviewer.from_file(path, out_of_fold=out_of_fold)
    except ClassifierError as exc:
        raise PolicyError(f"{policy.source}: reviewers.classifier: {exc}") from None


def model_reviewers(
    names: Sequence[str],
    policy: Policy,
    static: Sequence[Reviewer],
    *,
    spec: str | None = None,
) -> list[Reviewer]:
    """The model reviewers ``names``, behind the policy's cascade over ``static``.

    ``spec`` overrides ``reviewers.model.spec``. A model that cannot be built (no spec, an
    unknown provider, a missing key or endpoint variable) is a PolicyError, never a skip.
    """
    settings = policy.reviewers.model
    if not names or settings.cascade == "never":
        return []
    model = reviewer_model(policy, spec)
    return [cascaded(model_reviewer(name, policy, model), policy, static) for name in names]


def cascaded(reviewer: Reviewer, policy: Policy, static: Sequence[Reviewer]) -> Reviewer:
    """A model reviewer behind the policy's cascade: asked always, or where ``static`` is unsure.

    Other reviewers are returned as they are.
    """
    settings = policy.reviewers.model
    if settings.cascade != "uncertain" or reviewer.name not in MODEL_REVIEWERS:
        return reviewer
    from forethought.review.cascade import Cascade

    return Cascade(reviewer, static, settings.uncertain, policy.thresholds.uncertainty)


def reviewer_model(policy: Policy, spec: str | None = None) -> Model:
    from forethought.models import ModelError, get_model

    settings = policy.reviewers.model
    spec = spec or settings.spec
    where = f"{policy.source}: reviewers.model"
    if not spec:
        raise PolicyError(
            f"{where}.spec: a model reviewer is enabled but no model is named "
            '(e.g. spec = "openai:gpt-4o-mini", or --model)'
        )
    env: dict[str, str] = {}
    for key, variable in (("base_url", settings.base_url_env), ("api_key", settings.api_key_env)):
        if variable:
            if not os.environ.get(variable):
                raise PolicyError(f"{where}.{key}_env: ${variable} is not set")
            env[key] = os.environ[variable]
    try:
        # One retry of a 429/5xx: a reviewer works to a deadline.
        return get_model(spec, base_url=env.get("base_url"), api_key=env.get("api_key"),
                         timeout_s=settings.deadline_ms / 1000, max_retries=1)
    except ModelError as exc:
        raise PolicyError(f"{where}.spec: {exc}") from None


class _ModelReviewerOptions(TypedDict):
    history_steps: int
    max_tokens: int
    deadline_s: float


def model_reviewer(name: str, policy: Policy, model: Model) -> Reviewer:
    """One model reviewer, configured from ``reviewers.model`` (no cascade)."""
    settings = policy.reviewers.model
    options: _ModelReviewerOptions = {
        "history_steps": settings.history_steps,
        "max_tokens": settings.max_tokens,
        "deadline_s": settings.deadline_ms / 1000,
    }
    if name == "consequences":
        from forethought.review.consequences import ConsequenceReviewer

        return ConsequenceReviewer(model, **options)
    if name == "reasoning":
        from forethought.review.reasoning import ReasoningMonitor

        return ReasoningMonitor(model, **options)
    if name == "debate":
        from forethought.review.debate import DebateReviewer

        return DebateReviewer(model, rounds=settings.debate_rounds, **options)
    raise PolicyError(f"{policy.source}: unknown model reviewer {name!r}")
