"""Process-based supervision: the Gate's judgement of each step as training data and as a reward.

- ``forethought rewards export``: a ledger's (or an eval result's) reviewed steps as JSON Lines in
  the layouts Hugging Face TRL reads (stepwise supervision, preference pairs, SFT conversations);
  see :mod:`forethought.training.export`.
- :func:`process_reward`: a TRL reward function (``GRPOTrainer(reward_funcs=[...])``) that
  reviews each completion's tool call(s) through the Gate, on paper; see
  :mod:`forethought.training.reward`.

Nothing here imports TRL, datasets or transformers.
"""

from forethought.training.reward import (
    FAILED_REVIEW,
    NO_ACTION,
    ProcessReward,
    harm_benefit_score,
    process_reward,
)

__all__ = ["FAILED_REVIEW", "NO_ACTION", "ProcessReward", "harm_benefit_score", "process_reward"]
