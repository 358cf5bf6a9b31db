"""The bench's figures are computed with numpy alone, and must be bit for bit what scikit-learn
(roc_curve, roc_auc_score, precision_recall_fscore_support) and a per-replicate bootstrap over
the items give: a faster figure that differs in the last digit would change --json output."""

from __future__ import annotations

import math

import numpy as np
import pytest

sklearn_metrics = pytest.importorskip("sklearn.metrics")

from forethought.evals import metrics  # noqa: E402


def samples(seed: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(unsafe, risk, flagged) with ties, few levels, many levels, lopsided labels."""
    rng = np.random.default_rng(seed)
    out = []
    for n, levels, share in ((7, 3, 0.5), (50, 4, 0.1), (400, 12, 0.3), (2000, 0, 0.05)):
        unsafe = rng.random(n) < share
        unsafe[0], unsafe[-1] = True, False  # both labels
        risk = rng.random(n) if levels == 0 else rng.integers(0, levels, n) / levels
        risk = np.where(unsafe, np.minimum(risk + 0.2, 1.0), risk)
        out.append((unsafe, risk, risk > 0.5))
    return out


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("seed", range(5))
def test_roc_auc_and_policy_figures_match_scikit_learn(seed: int) -> None:
    for unsafe, risk, flagged in samples(seed):
        for drop in (True, False):
            ours = metrics.roc_curve(unsafe, risk, drop_intermediate=drop)
            theirs = sklearn_metrics.roc_curve(unsafe, risk, drop_intermediate=drop)
            for mine, reference in zip(ours, theirs, strict=True):
                assert mine.dtype == reference.dtype
                assert np.array_equal(mine, reference)
        assert metrics.auc(unsafe, risk) == float(sklearn_metrics.roc_auc_score(unsafe, risk))
        for flags in (flagged, np.zeros_like(flagged), ~unsafe):
            precision, recall, f1, _ = sklearn_metrics.precision_recall_fscore_support(
                unsafe, flags, average="binary", pos_label=True, zero_division=np.nan
            )
            found = metrics.at_policy(unsafe, flags)
            assert same(found["precision"], float(precision))
            assert same(found["recall"], float(recall))
            assert same(found["f1"], float(f1))


def reference_samples(s: metrics.Scores, n: int, seed: int) -> dict[tuple[str, ...], list[float]]:
    """The bootstrap as it was: each replicate's items through scikit-learn and numpy."""
    rng = np.random.default_rng(seed)
    positives, negatives = np.flatnonzero(s.unsafe), np.flatnonzero(~s.unsafe)
    found: dict[tuple[str, ...], list[float]] = {}

    def add(key: tuple[str, ...], value: float) -> None:
        found.setdefault(key, []).append(value)

    for _ in range(n):
        idx = np.concatenate(
            [rng.choice(positives, positives.size), rng.choice(negatives, negatives.size)]
        )
        for name, flags in (("not_allowed", s.stopped), ("blocked", s.blocked)):
            add(("policy", name, "recall"), float(flags[idx][s.unsafe[idx]].mean()))
            add(("policy", name, "false_block_rate"), float(flags[idx][~s.unsafe[idx]].mean()))
        u, r = s.unsafe[idx][s.scored[idx]], s.risk[idx][s.scored[idx]]
        fpr, tpr, _ = sklearn_metrics.roc_curve(u, r, drop_intermediate=False)
        add(("roc_auc",), float(sklearn_metrics.auc(fpr, tpr)))
        for rate in metrics.FALSE_BLOCK_RATES:
            add(("recall_at_false_block", metrics._pct(rate)), float(tpr[fpr <= rate].max()))
        for budget in metrics.BUDGETS:
            add(("safety", metrics._pct(budget / 100)), metrics.safety(u, r, budget)[0])
    return found


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    ("block_cells", "drawn_at_once", "gathered"),
    [(metrics.BLOCK_CELLS, 64, metrics.GATHERED_CELLS), (1, 3, 1), (400, 1, 200)],
)
def test_bootstrap_replicates_match_the_item_by_item_computation(
    seed: int,
    block_cells: int,
    drawn_at_once: int,
    gathered: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever the number of replicates counted at once (one, a few, all), of replicates drawn
    ahead at once, and of draws made ahead gathered at once."""
    monkeypatch.setattr(metrics, "BLOCK_CELLS", block_cells)
    monkeypatch.setattr(metrics, "DRAWN_AT_ONCE", drawn_at_once)
    monkeypatch.setattr(metrics, "GATHERED_CELLS", gathered)
    rng = np.random.default_rng(100 + seed)
    for unsafe, risk, flagged in samples(seed):
        records = [
            {
                "label": "unsafe" if u else "safe",
                "risk": float(r),
                "scored": bool(rng.random() > 0.05),  # some unscored items
                "decision": "block" if f and rng.random() < 0.5 else ("revise" if f else "allow"),
                "category": "",
                "source": "",
                "elapsed_ms": 0.0,
                "tokens_in": 0,
                "tokens_out": 0,
            }
            for u, r, f in zip(unsafe, risk, flagged, strict=True)
        ]
        s = metrics.Scores.of(records)
        expected = reference_samples(s, 40, seed)
        ahead = metrics.Draws(s.unsafe, 40, seed)  # made ahead, as while items are reviewed
        assert ahead.fits(s.unsafe, 40, seed) and not ahead.fits(s.unsafe, 40, seed + 1)
        for draws in (None, ahead):
            got = metrics.bootstrap_samples(
                s, metrics.BUDGETS, metrics.FALSE_BLOCK_RATES, 40, seed, draws
            )
            assert list(got) == list(expected)
            for key, values in expected.items():
                assert all(same(a, b) for a, b in zip(got[key], values, strict=True)), key


@pytest.mark.parametrize("label", ["safe", "unsafe"])
def test_bootstrap_of_one_label_is_the_same_with_draws_made_ahead(label: str) -> None:
    """A data set of safe actions only (or unsafe only): its figures drawn ahead are those
    drawn as they go."""
    rng = np.random.default_rng(7)
    records = [
        {
            "label": label,
            "risk": float(rng.integers(0, 5) / 4),
            "scored": True,
            "decision": "block" if rng.random() < 0.3 else "allow",
            "category": "",
            "source": "",
            "elapsed_ms": 0.0,
            "tokens_in": 0,
            "tokens_out": 0,
        }
        for _ in range(300)
    ]
    s = metrics.Scores.of(records)
    args = (s, metrics.BUDGETS, metrics.FALSE_BLOCK_RATES, 30, 3)
    expected = metrics.bootstrap_samples(*args)
    got = metrics.bootstrap_samples(*args, metrics.Draws(s.unsafe, 30, 3))
    assert list(got) == list(expected)
    for key, values in expected.items():
        assert all(same(a, b) for a, b in zip(got[key], values, strict=True)), key


@pytest.mark.parametrize("seed", range(5))
def test_percentiles_from_counts_are_numpys_to_the_bit(seed: int) -> None:
    """The bootstrap's audit thresholds come from counts per risk level, not from an array of
    one risk per item: they must be np.percentile's on that array, bit for bit."""
    rng = np.random.default_rng(seed)
    budgets = [1.0, 2.0, 5.0, 0.5, 33.3, 50.0, 99.9, 100.0, 12.345]
    fractions = np.true_divide(np.array([100 - b for b in budgets], dtype=float), 100)
    for _ in range(300):
        size = int(rng.integers(1, 12))
        levels = np.unique(rng.random(size) if rng.random() < 0.5 else rng.integers(0, 9, size) / 8)
        counts = rng.integers(0, 4 if rng.random() < 0.5 else 3000, levels.size)
        if not counts.sum():
            counts[int(rng.integers(0, levels.size))] = 1
        found = metrics.percentiles_of_counts(levels, counts, fractions)
        expected = np.percentile(np.repeat(levels, counts), 100 - np.array(budgets))
        assert found.dtype == expected.dtype
        assert found.tobytes() == expected.tobytes(), (levels, counts)
