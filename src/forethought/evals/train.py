"""``forethought train-reviewer``: fit the learned reviewer and score it out of fold.

Training embeds every item once, assigns each text to one of K folds by its hash, or by its
source or data set (``--group-by``; equal texts always share a fold, so a duplicated command
cannot leak from training into scoring), fits one
LogisticRegression per fold on the other folds and one on everything, and sets the severity bands
on the out-of-fold scores of the safe items. It then runs the training data through the bench
(one Gate per stack, the policy in force) with the new file as ``classifier:FILE``: every item is
judged by the fold model that never saw it, so the figures printed are out-of-fold figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from forethought.cli import EXIT_BAD_INPUT, EXIT_CANNOT_REVIEW, fail, policy_option
from forethought.evals.datasets import Dataset, Item
from forethought.evals.progress import Steps

# Starts a step of the work: its description and size (None: unknown); advances it by n.
Step = Callable[[str, int | None], Callable[[int], None]]

DEFAULT_FOLDS = 5
DEFAULT_C = 4.0
MAX_CANARIES = 3


class TrainingError(ValueError):
    """Data the reviewer cannot be trained on; the message is one line."""


GROUP_BY = ("hash", "source", "dataset")


def train(
    datasets: Sequence[Dataset],
    policy: Any,
    *,
    folds: int = DEFAULT_FOLDS,
    c: float = DEFAULT_C,
    group_by: str = "hash",
    task: bool = False,
    step: Step | None = None,
) -> Any:
    """A ReviewerModel fitted on every item of ``datasets``; ``step`` hears of each step.

    ``group_by``: how the cross-validation folds are made. ``hash`` (by the text's hash) measures
    how well it recognises new items from the sources it was trained on; ``source`` (the rows'
    ``source``, ``folds`` folds of whole sources) and ``dataset`` (one fold per data set: leave
    one set out) how well it carries over to sources it never saw. ``task``: whether the text it
    embeds starts with the user's task.
    """
    step = step or (lambda _description, _total: lambda _n: None)
    import numpy as np
    import sklearn

    from forethought.review.classifier import (
        PROBE_TEXT,
        ReviewerModel,
        cutoffs_from,
        embedder,
        proposal_text,
        text_key,
    )

    items = [item for dataset in datasets for item in dataset.items]
    texts = [proposal_text(item.proposal, task=task) for item in items]
    labels = np.array([item.unsafe for item in items], dtype=bool)
    fold_ids = np.array(fold_ids_of(items, texts, folds, group_by), dtype=int)
    folds = int(fold_ids.max()) + 1 if len(fold_ids) else folds
    _check_labels(labels, fold_ids, folds, group_by)

    step("loading the embedding model", None)
    embed = embedder()
    vectors = _embed(embed, texts, step("embedding", len(texts)))
    oof = np.zeros(len(items))
    fold_models = []
    fitted = step(f"fitting {folds} fold models and the full one", folds + 1)
    for k in range(folds):
        held = fold_ids == k
        model = _fit(vectors[~held], labels[~held], c)
        if held.any():
            oof[held] = model.predict_proba(vectors[held])[:, 1]
        fold_models.append(model)
        fitted(1)
    full = _fit(vectors, labels, c)
    fitted(1)
    step("choosing the canaries", None)

    data = [d.describe() for d in datasets]
    data_sha256 = hashlib.sha256("".join(d.sha256 for d in datasets).encode()).hexdigest()
    reviewer_model = ReviewerModel(
        classifier=full,
        folds=tuple(fold_models),
        trained={text_key(t): int(f) for t, f in zip(texts, fold_ids, strict=True)},
        cutoffs=cutoffs_from(oof[~labels]),
        kinds=tuple(sorted({item.proposal.action.kind for item in items})),
        data=data,
        data_sha256=data_sha256,
        probe=embed.encode([PROBE_TEXT])[0],
        canaries=[],
        settings={
            "C": c,
            "folds": folds,
            "group_by": group_by,
            "class_weight": "balanced",
            "solver": "lbfgs",
        },
        task_in_text=task,
        embedding_package=f"{embed.package_version}",
        sklearn=sklearn.__version__,
    )
    reviewer_model.canaries = _canaries(reviewer_model, embed, items, vectors, oof, policy)
    return reviewer_model


def fold_ids_of(
    items: Sequence[Item], texts: Sequence[str], folds: int, group_by: str
) -> list[int]:
    """Each item's cross-validation fold, numbered from 0 with none empty.

    Equal texts always share a fold (the first one's), whatever their group: the bench scores a
    training text by the fold model that never saw it, so a text in two folds would leak.
    """
    from forethought.review.classifier import fold_of

    if group_by == "hash":
        return [fold_of(text, folds) for text in texts]
    if group_by not in GROUP_BY:
        raise TrainingError(f"--group-by {group_by!r}: one of {', '.join(GROUP_BY)}")
    groups = [item.source if group_by == "source" else item.dataset for item in items]
    names = sorted(set(groups))
    if len(names) < 2:
        raise TrainingError(
            f"--group-by {group_by}: the data has one {group_by} ({names[0] if names else '-'}), "
            "need at least 2 to hold one out"
        )
    if group_by == "dataset":
        of_group = {name: k for k, name in enumerate(names)}  # leave one set out
    else:
        import numpy as np
        from sklearn.model_selection import GroupKFold

        splits = GroupKFold(n_splits=min(folds, len(names))).split(
            np.zeros((len(names), 1)), groups=names
        )
        of_group = {names[int(i)]: k for k, (_, held) in enumerate(splits) for i in held}
    first: dict[str, int] = {}
    assigned = [first.setdefault(text, of_group[g]) for text, g in zip(texts, groups, strict=True)]
    used = sorted(set(assigned))
    renumber = {k: n for n, k in enumerate(used)}
    return [renumber[k] for k in assigned]


def _check_labels(labels: Any, fold_ids: Any, folds: int, group_by: str) -> None:
    unsafe, safe = int(labels.sum()), int((~labels).sum())
    if group_by == "hash" and (unsafe < folds or safe < folds):
        raise TrainingError(
            f"{unsafe} unsafe and {safe} safe items: need at least {folds} of each for "
            f"{folds}-fold cross-validation"
        )
    if not unsafe or not safe:
        raise TrainingError(f"{unsafe} unsafe and {safe} safe items: need both to learn from")
    for k in range(folds):
        rest = labels[fold_ids != k]
        if rest.all() or not rest.any():
            hint = "add data or lower --cv" if group_by == "hash" else "add data or regroup"
            raise TrainingError(f"fold {k} of {folds} leaves only one label to train on: {hint}")


def subsample_safe(datasets: Sequence[Dataset], most: int) -> list[Dataset]:
    """At most ``most`` safe items from each data set (every unsafe one kept): those whose id
    hashes lowest, the same ones every run, so a large set of one kind does not swamp the
    rest."""
    out = []
    for dataset in datasets:
        safe = [item for item in dataset.items if not item.unsafe]
        if len(safe) <= most:
            out.append(dataset)
            continue
        ranked = sorted(safe, key=lambda item: hashlib.sha256(item.id.encode()).digest())
        kept = {item.id for item in ranked[:most]}
        items = tuple(item for item in dataset.items if item.unsafe or item.id in kept)
        digest = hashlib.sha256(f"{dataset.sha256}:max-safe={most}".encode()).hexdigest()
        out.append(replace(dataset, items=items, sha256=digest))
    return out


def _embed(embed: Any, texts: list[str], progress: Callable[[int], None]) -> Any:
    import numpy as np

    chunk = 256
    parts = []
    for start in range(0, len(texts), chunk):
        parts.append(embed.encode(texts[start : start + chunk]))
        progress(len(parts[-1]))
    return np.concatenate(parts) if parts else np.zeros((0, 384), dtype=np.float32)


def _fit(vectors: Any, labels: Any, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    # Balanced weights: the unsafe class is tiny (86 of 10,710 in dev-shell), and without them
    # the model learns to call everything safe.
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    return model.fit(vectors, labels)


def _canaries(
    model: Any, embed: Any, items: list[Item], vectors: Any, oof: Any, policy: Any
) -> list[dict[str, Any]]:
    """Unsafe training items that both the full model and the fold model that never saw them
    score as harmful enough for the policy to stop; checked again at every start (the bench
    judges them out of fold, use with the full model), they catch a broken embedder or file."""
    from forethought.review.classifier import ClassifierReviewer

    reviewer = ClassifierReviewer(model, embed)
    full = model.classifier.predict_proba(vectors)[:, 1]

    def stopped(text: str, p: float) -> bool:
        review = reviewer.review_of(text, float(p))
        return policy.harm_of(review.predictions) >= policy.thresholds.escalate

    order = sorted(
        (i for i, item in enumerate(items) if item.unsafe), key=lambda i: (-oof[i], items[i].id)
    )
    chosen: list[dict[str, Any]] = []
    for i in order:
        text = model.text(items[i].proposal)
        if len(chosen) == MAX_CANARIES or not stopped(text, oof[i]):
            break
        if stopped(text, full[i]):
            proposal = items[i].proposal
            spec: dict[str, Any] = {
                "tool": proposal.action.tool,
                "args": dict(proposal.action.args),
            }
            if proposal.reasoning:
                spec["reasoning"] = proposal.reasoning
            if proposal.task and model.task_in_text:
                spec["task"] = proposal.task
            chosen.append(spec)
    if not chosen:
        raise TrainingError(
            "no unsafe item scores high enough out of fold for the policy to stop it: the model "
            "learned nothing usable (more or clearer unsafe examples are needed)"
        )
    return chosen


# --------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------


@click.command("train-reviewer")
@click.argument("data", nargs=-1, required=True, metavar="FILE|NAME...")
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model file (joblib).",
)
@click.option(
    "--cv",
    "folds",
    type=click.IntRange(min=2, max=20),
    default=DEFAULT_FOLDS,
    show_default=True,
    help="Cross-validation folds: the out-of-fold scores set the severity bands and give the "
    "figures printed.",
)
@click.option(
    "--c",
    "c",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_C,
    show_default=True,
    help="Inverse regularisation strength of the logistic regression.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the out-of-fold evaluation (forethought eval's JSON format) to FILE.",
)
@click.option(
    "--group-by",
    type=click.Choice(GROUP_BY),
    default="hash",
    show_default=True,
    help="How the folds are made: by the text's hash (new items from the same sources), by the "
    "rows' source (--cv folds of whole sources) or by data set (one fold per set: leave one set "
    "out). The last two measure how it carries over to data it never saw.",
)
@click.option(
    "--task/--no-task",
    default=False,
    show_default=True,
    help="Start the text it embeds with the user's task. Off by default: measured leaving one "
    "development set out, the task made it worse (it learned which set a row came from).",
)
@click.option(
    "--max-safe",
    type=click.IntRange(min=1),
    help="At most N safe items from each data set (every unsafe one kept), the same ones every "
    "run: a large set of routine commands does not swamp the rest.",
)
@click.option("--no-eval", is_flag=True, help="Write the model without scoring it out of fold.")
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap seed.")
@policy_option
def train_command(
    data: tuple[str, ...],
    output: Path,
    folds: int,
    c: float,
    json_path: Path | None,
    group_by: str,
    task: bool,
    max_safe: int | None,
    no_eval: bool,
    seed: int,
    policy_path: Path | None,
) -> None:
    """Train the learned reviewer (classifier) on labelled JSONL and score it out of fold.

    DATA is in `forethought eval`'s format (a NAME such as dev-shell is looked up as there).
    Never report figures on data it was trained on except out of fold: keep the sets you
    report on for `forethought eval --reviewers classifier:FILE`. --group-by dataset scores
    each set by a model trained on the others (leave one set out).

    \b
      forethought train-reviewer dev-shell -o reviewer.joblib
      forethought eval shell-heldout -r static -r classifier:reviewer.joblib
      forethought train-reviewer dev-shell shell-adversarial shell-heldout \\
          --max-safe 1500 --group-by dataset -o reviewer.joblib
    """
    from rich.console import Console

    from forethought.evals.datasets import DatasetError, load
    from forethought.policy import PolicyError, load_policy
    from forethought.review.classifier import ClassifierError, describe

    for path in (output, json_path):
        if path is not None and not path.resolve().parent.is_dir():
            fail(f"{path}: its directory does not exist")
    try:
        policy = load_policy(policy_path)
        datasets = load(data)
    except (PolicyError, DatasetError) as exc:
        fail(str(exc))
    if max_safe is not None:
        datasets = subsample_safe(datasets, max_safe)
    total = sum(len(d.items) for d in datasets)
    # Loading torch and the model, fitting and scoring take minutes on dev-shell: say which.
    with Steps(Console(stderr=True), "train-reviewer") as steps:
        try:
            model = train(
                datasets,
                policy,
                folds=folds,
                c=c,
                group_by=group_by,
                task=task,
                step=steps.step,
            )
        except TrainingError as exc:
            fail(str(exc))
        except ClassifierError as exc:
            fail(str(exc), EXIT_CANNOT_REVIEW)
        steps.step(f"writing {output}", None)
        try:
            model.save(output)
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror}", EXIT_BAD_INPUT)
        result = None
        if not no_eval:
            result = _evaluate_out_of_fold(datasets, output, policy, seed=seed, step=steps.step)
    info = describe(model)
    click.echo(
        f"wrote {output}: {total:,} items ({sum(d['unsafe'] for d in info['data']):,} unsafe), "
        f"{info['folds']} folds by {group_by}, kinds {', '.join(info['kinds'])}, "
        f"severity bands {info['cutoffs']}"
    )
    if result is not None:
        _print_out_of_fold(result, json_path)


def _evaluate_out_of_fold(
    datasets: list[Dataset], path: Path, policy: Any, *, seed: int, step: Step
) -> dict[str, Any]:
    from forethought.evals import metrics
    from forethought.evals.bench import evaluate
    from forethought.evals.runner import RunConfig
    from forethought.evals.stacks import StackError, parse_stack
    from forethought.gate import CanaryFailure

    try:
        step("loading the new model file", None)
        stack = parse_stack(f"classifier:{path.resolve()}", policy)
        total = sum(len(d.items) for d in datasets)
        # The embeddings are cached from training, so review times would be misleading.
        result = evaluate(
            datasets,
            RunConfig(policy, (stack,)),
            seed=seed,
            budgets=metrics.BUDGETS,
            timings=False,
            progress=step("scoring out of fold, then the figures", total),
        )
    except StackError as exc:
        fail(str(exc))
    except CanaryFailure as exc:
        fail(str(exc), EXIT_CANNOT_REVIEW)
    return result


def _print_out_of_fold(result: dict[str, Any], json_path: Path | None) -> None:
    from rich.console import Console

    from forethought.evals.cli import write_json
    from forethought.evals.report_terminal import print_result

    console = Console()
    console.print("out-of-fold (each item judged by the fold model that never saw it):")
    print_result(console, result)
    if json_path is not None:
        write_json(json_path, result)
        console.print(f"wrote {json_path}")
