"""The bounds that keep one review quick and small, whatever the code holds."""

MAX_CODE_CHARS = 200_000
MAX_NESTING = 3  # exec of a string that execs a string...
MAX_STATIC_CHARS = 200_000  # the longest value worked out before the code runs
DECODE_BUDGET = 1_000_000  # characters decoded per review, across all nesting levels
MAX_EVAL_DEPTH = 40  # steps through names, calls and operators when working out a value
MAX_RAW_PREDICTIONS = 2_000
MAX_PREDICTIONS = 40
