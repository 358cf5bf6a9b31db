"""Static review of shell commands: parse with tree-sitter, see through wrappers, quoting,
variables, aliases and encoded payloads, and predict what each command would do.

Modules: ``parse`` (the iterative tree walk producing SimpleCommands), ``source`` (the parser
and the walk's context), ``words`` (quote removal and variables), ``evaluate`` (static ``$(...)``),
``nested`` (strings that commands run as scripts), ``unwrap`` (sudo, env, xargs, find -exec...),
``decode`` (base64, hex, escapes), ``interpreters`` (where code comes from), ``paths`` (what a
path is), ``writes`` (what a command writes), ``rules`` (the predictions, one module per kind of
harm), ``predict`` (building and merging Predictions), ``reviewer`` (ShellReviewer).
"""

from forethought.review.shell.model import (
    MAX_COMMAND_BYTES,
    MAX_DEPTH,
    Issue,
    Payload,
    ShellAnalysis,
    SimpleCommand,
    Word,
    WriteTarget,
)
from forethought.review.shell.parse import analyze
from forethought.review.shell.reviewer import ShellReviewer, shell_predictions
from forethought.review.shell.writes import write_targets

__all__ = [
    "MAX_COMMAND_BYTES",
    "MAX_DEPTH",
    "Issue",
    "Payload",
    "ShellAnalysis",
    "ShellReviewer",
    "SimpleCommand",
    "Word",
    "WriteTarget",
    "analyze",
    "shell_predictions",
    "write_targets",
]
