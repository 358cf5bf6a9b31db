"""What each plain name in the code stands for.

An import gives a name a qualified meaning (``import subprocess as sp``: ``sp`` is
``subprocess``); assignments give it values; a name bound any other way (a loop variable, a
parameter, a definition) is opaque: nothing is known about it before the code runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

from forethought.review.python.decoders import DECODERS
from forethought.review.python.tables import (
    CHMODS,
    COPIES,
    DELETES,
    FORKS,
    HTTP_CALLS,
    LIBRARY_LOADS,
    PROCESS_FORMS,
    SETUIDS,
)

_SPELLINGS = (("builtins.", ""), ("__builtins__.", ""), ("posix.", "os."), ("nt.", "os."))


def canonical(name: str) -> str:
    """One spelling per function: ``builtins.exec`` is ``exec``, ``posix.system`` ``os.system``."""
    for prefix, to in _SPELLINGS:
        if name.startswith(prefix):
            return to + name[len(prefix) :]
    return name


def _by_module(qualified_names: Iterable[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for qualified in qualified_names:
        module, _, last = qualified.rpartition(".")
        out.setdefault(module, {})[last] = qualified
    return out


# What ``from <module> import *`` brings in, of the names the reviewer knows.
_STAR_EXPORTS = _by_module([
    *PROCESS_FORMS, *HTTP_CALLS, *DELETES, *COPIES, *SETUIDS, *CHMODS, *FORKS, *LIBRARY_LOADS,
    *DECODERS, "os.environ", "os.getenv", "os.dup2", "socket.socket", "socket.create_connection",
])


class Names:
    """Import aliases, the values assigned to each plain name, and the opaque names."""

    def __init__(self, aliases: dict[str, str] | None = None) -> None:
        self.aliases: dict[str, str] = dict(aliases or {})
        self.bindings: dict[str, list[ast.expr]] = {}
        self.opaque: set[str] = set()

    def collect(self, nodes: Iterable[ast.AST]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        self.aliases[a.asname] = a.name
                    else:
                        top = a.name.split(".")[0]
                        self.aliases[top] = top
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    if a.name == "*":
                        for last, qualified in _STAR_EXPORTS.get(node.module, {}).items():
                            self.aliases.setdefault(last, qualified)
                    else:
                        self.aliases[a.asname or a.name] = f"{node.module}.{a.name}"
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name) and node.value is not None:
                        self.bindings.setdefault(target.id, []).append(node.value)
                    else:
                        self._make_opaque(target)
            elif isinstance(node, (ast.AugAssign, ast.For, ast.AsyncFor, ast.comprehension)):
                self._make_opaque(node.target)
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                self._make_opaque(node.optional_vars)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.opaque.add(node.name)
            elif isinstance(node, ast.arg):
                self.opaque.add(node.arg)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.opaque.add(node.name)
        for name in self.opaque:
            self.bindings.pop(name, None)

    def _make_opaque(self, target: ast.AST) -> None:
        for sub in ast.walk(target):
            if isinstance(sub, ast.Name):
                self.opaque.add(sub.id)

    def values_of(self, name: str) -> list[ast.expr]:
        """What ``name`` may hold: its assigned values, less self-references (``f = f``)."""
        return [v for v in self.bindings.get(name, ())
                if not (isinstance(v, ast.Name) and v.id == name)]
