"""The environment: secret variables read, the whole environment dumped, and LD_PRELOAD set."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from forethought.review.python.findings import harm
from forethought.review.python.syntax import argument
from forethought.review.python.tables import ENV_DUMPERS, PRELOAD_NAMES, SECRET_ENV_NAME

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis


def getenv(a: Analysis, node: ast.Call, name: str) -> None:
    _variable(a, node, a.static(argument(node, 0, "key")))


def environ(a: Analysis, node: ast.AST) -> None:
    """A use of ``os.environ``: one variable read, or the whole of it dumped."""
    parent = a.parents.get(node)
    if isinstance(parent, ast.Subscript) and parent.value is node:
        if isinstance(parent.ctx, ast.Load):
            _variable(a, parent, a.static(parent.slice))
        return
    if isinstance(parent, ast.Attribute) and parent.value is node:
        if parent.attr in ("items", "keys", "values"):
            _dump(a, parent)
        return
    dumped = not _child_environment(a, parent) and (
        (isinstance(parent, ast.Call) and node in parent.args
         and a.resolve(parent.func) in ENV_DUMPERS)
        or (isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is node)
        or isinstance(parent, (ast.Expr, ast.FormattedValue))
    )
    if dumped:
        _dump(a, parent if parent is not None else node)


def _child_environment(a: Analysis, call: ast.AST | None) -> bool:
    """``dict(os.environ, PYTHONPATH='src')`` handed to a child process as its ``env=`` (directly
    or through a name): the environment passed on, not dumped."""
    if not (isinstance(call, ast.Call) and call.keywords and a.resolve(call.func) == "dict"):
        return False
    holder = a.parents.get(call)
    if isinstance(holder, ast.keyword):
        return holder.arg == "env"
    if isinstance(holder, ast.Assign) and len(holder.targets) == 1 and isinstance(
        holder.targets[0], ast.Name
    ):
        name = holder.targets[0].id
        return any(
            isinstance(n, ast.keyword) and n.arg == "env" and isinstance(n.value, ast.Name)
            and n.value.id == name
            for n in a.parents
        )
    return False


def _variable(a: Analysis, node: ast.AST, key: Any) -> None:
    if isinstance(key, str) and SECRET_ENV_NAME.search(key):
        a.facts.reads_secrets = True
        a.add([harm(f"reads the secret environment variable {key}", 0.5, "low",
                    a.evidence(node), "secret_access")])


def _dump(a: Analysis, node: ast.AST) -> None:
    a.facts.dumps_environment = True
    a.add([harm("reads the whole environment, where API tokens and passwords live", 0.4,
                "moderate", a.evidence(node), "secret_access")])


def preload_string(a: Analysis, node: ast.Constant) -> None:
    """A string that sets LD_PRELOAD (``os.environ['LD_PRELOAD'] = ...``, ``"LD_PRELOAD=..."``)."""
    text = node.value
    if not isinstance(text, str) or len(text) > 200:
        return
    if not any(name in text for name in PRELOAD_NAMES):
        return
    if text in PRELOAD_NAMES or any(f"{name}=" in text for name in PRELOAD_NAMES):
        a.add([harm("sets LD_PRELOAD, injecting a library into the programs it starts", 0.8,
                    "high", a.evidence(node), "privilege_escalation", reversible=True)])
