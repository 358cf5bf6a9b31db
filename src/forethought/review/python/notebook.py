"""Notebook cells: ``%%bash`` cells and ``!command`` / ``%magic`` lines, which are not Python
and so do not parse; their commands go to the shell reviewer, the rest is read as Python."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from forethought.review.base import Prediction
from forethought.review.python import syntax
from forethought.review.python.findings import harm

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

_SHELL_CELL = re.compile(r"^%%(?:bash|sh|script\s+(?:ba|z|da)?sh)\b")
_SHELL_MAGIC = re.compile(r"^(?:!!?|%(?:sx|system)\s)\s*(.*)$", re.S)
_MAGIC = ("!", "%")


def unparsable(a: Analysis) -> list[Prediction]:
    """Predictions for code that does not parse: a notebook cell's, or "cannot be reviewed"."""
    lines = a.code.splitlines()
    if a.depth == 0:
        first = lines[0].strip() if lines else ""
        if _SHELL_CELL.match(first):
            return a.shell("\n".join(lines[1:]), first, "as a notebook shell cell")
        magic = [ln for ln in lines if ln.lstrip().startswith(_MAGIC)]
        found = _with_magic_lines(a, lines, magic) if magic else None
        if found is not None:
            return found
    a.facts.uncertain.append((0.5, "the code does not parse"))
    return [harm("the code does not parse; it cannot be reviewed", 1.0, "moderate",
                 a.evidence_text(a.code[:80]), "unknown_code", reversible=True)]


def _with_magic_lines(a: Analysis, lines: list[str], magic: list[str]) -> list[Prediction] | None:
    """The Python with its magic lines blanked, plus the shell commands of those lines; None if
    the code does not parse even then."""
    python = "\n".join(_blank(ln) for ln in lines)
    try:
        syntax.parse(python)
    except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
        return None
    out = a.review_nested(python, magic[0].strip(), a.depth)
    for line in magic:
        body = line.strip()
        command = _SHELL_MAGIC.match(body)
        if command:
            out += a.shell(command.group(1), body, "from a notebook line")
    return out


def _blank(line: str) -> str:
    """A magic line becomes ``pass`` at its indentation."""
    stripped = line.lstrip()
    return line[: len(line) - len(stripped)] + "pass" if stripped.startswith(_MAGIC) else line
