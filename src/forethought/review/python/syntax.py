"""Reading the syntax tree: the exact source text of a node, and the arguments of a call."""

from __future__ import annotations

import ast
import re
import warnings

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse(code: str) -> ast.Module:
    """ast.parse without the SyntaxWarnings that odd code emits: the agent's code is data."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(code)


class Source:
    """Exact source text of nodes; ast's column offsets count UTF-8 bytes."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(code)]

    def offset(self, line: int, col: int) -> int:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.code)
        text = self.code[start:end]
        if text.isascii():
            return start + col
        return start + len(text.encode("utf-8")[:col].decode("utf-8", "replace"))

    def segment(self, node: ast.AST) -> str:
        try:
            lineno, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
            end_line, end_col = node.end_lineno, node.end_col_offset  # type: ignore[attr-defined]
            if end_line is None or end_col is None:
                return ""
            return self.code[self.offset(lineno, col) : self.offset(end_line, end_col)]
        except (AttributeError, IndexError):
            return ""


def keyword(call: ast.Call, *names: str) -> ast.expr | None:
    """The first keyword argument with one of ``names``."""
    for kw in call.keywords:
        if kw.arg in names:
            return kw.value
    return None


def argument(call: ast.Call, index: int, *names: str) -> ast.expr | None:
    """Positional argument ``index`` or the keyword of that name; None where ``*args`` hides it."""
    for position, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            return None
        if position == index:
            return arg
    return keyword(call, *names)
