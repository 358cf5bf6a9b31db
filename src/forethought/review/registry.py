"""The reviewer registry: every reviewer under a name, and the reviewers a policy enables.

Like Inspect AI's model registry: a reviewer is registered under a name, with where it comes from
(its *origin*), and a policy names the reviewers it wants by those names (``reviewers.enabled``).

- forethought's own reviewers are registered here (origin ``forethought (built-in)``).
- A package registers more through the entry point group ``forethought.reviewers``: each entry
  point's name is the reviewer's name and its object a factory that takes the Policy and returns
  a Reviewer (``probe = "mypkg.review:make"``). An entry point that names a module (no ``:attr``)
  is imported, and registers its reviewers with the decorator.
- Code in the same process registers with the decorator::

      from forethought.review.registry import register_reviewer

      @register_reviewer("mine")
      def make(policy):
          return MyReviewer()

Built-in names cannot be taken; an entry point under a built-in name is listed as shadowed and
never built. ``forethought reviewers`` lists every registered reviewer with its origin. A name no
one registered, in a policy, is a one-line PolicyError naming the name and the policy file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypedDict

from forethought import signing
from forethought.ledger.config import ledger_file
from forethought.policy import Policy, PolicyError
from forethought.review.base import MODEL_STAGE, Reviewer, stage_of

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from forethought.models.base import Model

# Reviewers that ask a model (policy: reviewers.model); see review/model_review.py.
MODEL_REVIEWERS = ("consequences", "reasoning", "debate")
# The learned reviewer (policy: reviewers.classifier); see review/classifier.py.
CLASSIFIER = "classifier"
# Reviewers installed by other packages: see the module docstring.
PLUGIN_GROUP = "forethought.reviewers"
BUILT_IN = "forethought (built-in)"

Kind = Literal["static", "learned", "model", "plugin"]


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


@dataclass
class Setting:
    """What building a policy's reviewers needs beyond the policy: the ledger (its files are
    protected) and the one model the model reviewers share (built on first use)."""

    policy: Policy
    ledger_path: Path | str | None = None
    model_spec: str | None = None
    _model: Model | None = field(default=None, repr=False)

    def model(self) -> Model:
        if self._model is None:
            self._model = reviewer_model(self.policy, self.model_spec)
        return self._model


@dataclass(frozen=True, slots=True)
class Registered:
    """One registered reviewer: its name, kind, where it comes from and how it is built.

    ``kind``: ``static``, ``learned`` or ``model`` for forethought's own, ``plugin`` for the
    others. ``shadowed``: an entry point under a built-in's name (listed, never built).
    """

    name: str
    kind: Kind
    origin: str
    build: Callable[[Setting], Reviewer]
    shadowed: bool = False


# A third party's factory: the Policy in, a Reviewer out.
ReviewerFactory = Callable[[Policy], Reviewer]

_BUILT_IN: dict[str, Registered] = {}
_REGISTERED: dict[str, Registered] = {}  # by register_reviewer, in this process


def _built_in(name: str, kind: Kind = "static") -> Callable[[Callable[[Setting], Reviewer]], None]:
    def add(build: Callable[[Setting], Reviewer]) -> None:
        _BUILT_IN[name] = Registered(name, kind, BUILT_IN, build)

    return add


def register_reviewer(name: str) -> Callable[[ReviewerFactory], ReviewerFactory]:
    """Register ``factory(policy) -> Reviewer`` under ``name`` (a decorator).

    The origin listed is the factory's module. A built-in's name is refused (ValueError); a name
    registered again replaces the earlier registration.
    """
    if not name or not name.replace("_", "").replace("-", "").isalnum():
        raise ValueError(f"reviewer name {name!r}: letters, digits, '_' and '-' only")
    if name in _BUILT_IN:
        raise ValueError(f"reviewer name {name!r} is taken by {BUILT_IN}")

    def add(factory: ReviewerFactory) -> ReviewerFactory:
        module = getattr(factory, "__module__", "?")
        origin = f"{module}.{getattr(factory, '__qualname__', '?')} (registered in Python)"
        _REGISTERED[name] = Registered(name, "plugin", origin, _plugin_build(name, factory, origin))
        return factory

    return add


def _plugin_build(
    name: str, factory: ReviewerFactory, origin: str
) -> Callable[[Setting], Reviewer]:
    def build(setting: Setting) -> Reviewer:
        return _checked(name, origin, lambda: factory(setting.policy), setting.policy)

    return build


def _checked(name: str, origin: str, make: Callable[[], Reviewer], policy: Policy) -> Reviewer:
    """A third party's reviewer, built; one that cannot be built is a PolicyError."""
    try:
        reviewer = make()
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # SystemExit from a plugin must not end us quietly
        raise PolicyError(
            f"{policy.source}: reviewers.enabled: reviewer {name!r} ({origin}) "
            f"cannot be built: {type(exc).__name__}: {exc}"
        ) from None
    if not all(hasattr(reviewer, a) for a in ("name", "version", "applies", "review")):
        raise PolicyError(
            f"{policy.source}: reviewers.enabled: {name!r} ({origin}) did not return a Reviewer"
        )
    return reviewer


def _entry_origin(entry: EntryPoint) -> str:
    dist = getattr(entry, "dist", None)
    package = f"{dist.name} {dist.version}" if dist is not None else "an installed package"
    return f"{package} (entry point {entry.value})"


def _entry_build(entry: EntryPoint) -> Callable[[Setting], Reviewer]:
    origin = _entry_origin(entry)

    def build(setting: Setting) -> Reviewer:
        return _checked(entry.name, origin, lambda: entry.load()(setting.policy), setting.policy)

    return build


def _entry_points() -> list[EntryPoint]:
    from importlib.metadata import entry_points

    return list(entry_points(group=PLUGIN_GROUP))


_imported: set[str] = set()  # module entry points already imported (they register themselves)


def _import_modules(entries: Iterable[EntryPoint]) -> None:
    """Import the entry points that name a module: importing one registers its reviewers."""
    for entry in entries:
        if entry.attr is None and entry.value not in _imported:
            _imported.add(entry.value)
            before = dict(_REGISTERED)
            try:
                entry.load()
            except Exception as exc:
                raise PolicyError(
                    f"reviewer package {_entry_origin(entry)} cannot be imported: "
                    f"{type(exc).__name__}: {exc}"
                ) from None
            for name, item in _REGISTERED.items():  # their origin is the installed package
                if before.get(name) is not item:
                    origin = f"{_entry_origin(entry)}, {item.origin.partition(' (')[0]}"
                    _REGISTERED[name] = replace(item, origin=origin)


def registered(*, installed: bool = True) -> dict[str, Registered]:
    """Every registered reviewer by name: the built-in ones, those registered in this process,
    and (``installed``) those installed packages name as entry points, which are not imported
    (but for entry points that name a module: importing those is how they register)."""
    found = dict(_BUILT_IN)
    if installed:
        entries = _entry_points()
        _import_modules(entries)
        for entry in entries:
            if entry.attr is None:
                continue
            shadowed = entry.name in _BUILT_IN
            item = Registered(
                entry.name, "plugin", _entry_origin(entry), _entry_build(entry), shadowed
            )
            if shadowed:
                found[f"{entry.name} ({_entry_origin(entry)})"] = item
            else:
                found.setdefault(entry.name, item)
    for name, item in _REGISTERED.items():
        found[name] = item  # registered in Python: the process's own choice wins
    return found


def available() -> list[str]:
    """The built-in static reviewers' names."""
    return [name for name, item in _BUILT_IN.items() if item.kind == "static"]


def build_reviewers(
    policy: Policy, ledger_path: Path | str | None = None, *, model: str | None = None
) -> list[Reviewer]:
    """The reviewers ``policy`` enables, by registry name, in the Gate's order: the static
    ones (self-protection always among them), then the learned one, then the model-stage ones
    (which the Gate asks behind the policy's cascade; none with ``cascade = "never"``).

    ``model`` overrides ``reviewers.model.spec``. A name nobody registered is a PolicyError
    naming it and the policy file; so is a reviewer that cannot be built (no model named, an
    unknown provider, a missing key variable, a plugin that raises).
    """
    # Self-protection is not optional: it is what keeps the agent from disabling the rest.
    names = list(dict.fromkeys([*policy.reviewers.enabled, "self_protection"]))
    known = {n: _BUILT_IN.get(n) or _REGISTERED.get(n) for n in names}
    if any(item is None for item in known.values()):
        everything = registered()
        known = {n: everything.get(n) for n in names}
        unknown = [n for n, item in known.items() if item is None]
        if unknown:
            raise PolicyError(
                f"{policy.source}: reviewers.enabled: unknown reviewer {unknown[0]!r} "
                f"(registered: {', '.join(n for n, i in everything.items() if not i.shadowed)})"
            )
    setting = Setting(policy, ledger_path, model)
    never = policy.reviewers.model.cascade == "never"
    built: list[tuple[int, int, Reviewer]] = []
    for index, name in enumerate(names):
        item = known[name]
        assert item is not None
        if never and item.kind == "model":
            continue  # not even the model is built
        reviewer = item.build(setting)
        rank = {"static": 0, "plugin": 1, "learned": 2, "model": 3}[item.kind]
        if item.kind == "plugin" and stage_of(reviewer) == MODEL_STAGE:
            if never:
                continue
            rank = 3
        built.append((rank, index, reviewer))
    return [reviewer for _, _, reviewer in sorted(built, key=lambda b: (b[0], b[1]))]


def not_run(policy: Policy, reviewers: Sequence[Reviewer]) -> list[str]:
    """The names ``policy`` enables that ``build_reviewers`` left out (``cascade = "never"``)."""
    built = {r.name for r in reviewers}
    return [n for n in policy.reviewers.enabled if n not in built]


# -- forethought's own reviewers ---------------------------------------------------------------


@_built_in("shell")
def _shell(setting: Setting) -> Reviewer:
    from forethought.review.shell import ShellReviewer

    return ShellReviewer(allowed_hosts=setting.policy.network.allowed_hosts)


@_built_in("file")
def _file(setting: Setting) -> Reviewer:
    from forethought.review.files import FileReviewer

    policy = setting.policy
    return FileReviewer(
        workspace=policy.paths.workspace or None, allowed_hosts=policy.network.allowed_hosts
    )


@_built_in("python")
def _python(setting: Setting) -> Reviewer:
    from forethought.review.python import PythonReviewer

    return PythonReviewer(allowed_hosts=setting.policy.network.allowed_hosts)


@_built_in("http")
def _http(setting: Setting) -> Reviewer:
    from forethought.review.http import HttpReviewer

    return HttpReviewer(allowed_hosts=setting.policy.network.allowed_hosts)


@_built_in("text")
def _text(setting: Setting) -> Reviewer:
    from forethought.review.text import TextReviewer

    return TextReviewer()


@_built_in("self_protection")
def _self_protection(setting: Setting) -> Reviewer:
    from forethought.review.self_protection import SelfProtectionReviewer

    ledger = str(setting.ledger_path or "")
    return SelfProtectionReviewer(
        protected_paths(setting.policy, setting.ledger_path),
        databases=[ledger] if "://" in ledger else [],
    )


@_built_in("task_limits")
def _task_limits(setting: Setting) -> Reviewer:
    from forethought.review.task_limits import TaskLimitsReviewer

    return TaskLimitsReviewer()


@_built_in(CLASSIFIER, "learned")
def _classifier(setting: Setting) -> Reviewer:
    return classifier_reviewer(setting.policy)


def _model_entry(name: str) -> None:
    @_built_in(name, "model")
    def build(setting: Setting) -> Reviewer:
        return model_reviewer(name, setting.policy, setting.model())


for _name in MODEL_REVIEWERS:
    _model_entry(_name)


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
        return get_model(
            spec,
            base_url=env.get("base_url"),
            api_key=env.get("api_key"),
            timeout_s=settings.deadline_ms / 1000,
            max_retries=1,
        )
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
