"""Files: what the code opens, writes, deletes, copies and chmods, through the os, shutil and
io functions and through pathlib.Path methods; the paths catalogue says what each path is."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from forethought.review.paths import delete_predictions, read_predictions, write_predictions
from forethought.review.python.findings import harm
from forethought.review.python.syntax import argument
from forethought.review.python.tables import DELETES, OS_WRITE_FLAGS, PATH_CONSTRUCTORS

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

_PATH_FACTORIES = PATH_CONSTRUCTORS | {"pathlib.Path.home", "pathlib.Path.cwd"}


def _open_mode(a: Analysis, mode_node: ast.expr | None) -> tuple[bool, bool]:
    """(writes, replaces the file) for an open() mode; a mode unknown before the run reads."""
    mode = a.static(mode_node) if mode_node is not None else "r"
    if not isinstance(mode, str):
        return False, False
    return any(c in mode for c in "wax+"), "w" in mode


def open_call(a: Analysis, node: ast.Call, name: str) -> None:
    path = a.static(argument(node, 0, "file", "path"))
    mode_node = argument(node, 1, "mode", "flags")
    if name == "os.open":
        writing = mode_node is not None and any(
            isinstance(sub, (ast.Attribute, ast.Name))
            and (a.resolve(sub) or "").rsplit(".", 1)[-1] in OS_WRITE_FLAGS
            for sub in ast.walk(mode_node)
        )
        replaces = writing
    else:
        writing, replaces = _open_mode(a, mode_node)
    touch_path(a, node, path, writing=writing, replaces=replaces)


def touch_path(a: Analysis, node: ast.AST, path: Any, *, writing: bool, replaces: bool) -> None:
    if isinstance(path, bytes):
        path = path.decode("utf-8", "replace")
    evidence = a.evidence(node)
    if writing:
        if isinstance(path, str):
            a.add(write_predictions(path, evidence, replaces_file=replaces))
        return
    a.facts.reads_files = True
    if isinstance(path, str):
        found = read_predictions(path, evidence)
        if found:
            a.facts.reads_secrets = True
            a.add(found)


def delete(a: Analysis, node: ast.Call, name: str) -> None:
    _delete_path(a, node, a.static(argument(node, 0, "path")), DELETES[name], name)


def _delete_path(a: Analysis, node: ast.AST, path: Any, recursive: bool, name: str) -> None:
    evidence = a.evidence(node)
    if isinstance(path, str):
        a.add(delete_predictions(path, evidence, recursive=recursive))
    elif recursive:
        a.add([harm(f"deletes a directory tree chosen at run time ({name})", 0.5, "moderate",
                    evidence, "destructive")])
    else:
        a.add([harm(f"deletes a file chosen at run time ({name})", 0.5, "low", evidence,
                    "destructive")])


def copy(a: Analysis, node: ast.Call, name: str) -> None:
    source = a.static(argument(node, 0, "src"))
    target = a.static(argument(node, 1, "dst"))
    touch_path(a, node, source, writing=False, replaces=False)
    if isinstance(target, str):
        a.add(write_predictions(target, a.evidence(node), replaces_file=True))


def chmod(a: Analysis, node: ast.Call, name: str) -> None:
    _set_mode(a, node, a.static(argument(node, 0, "path")), argument(node, 1, "mode"))


def _set_mode(a: Analysis, node: ast.AST, path: Any, mode_node: ast.expr | None) -> None:
    evidence = a.evidence(node)
    mode = a.static(mode_node)
    names = {a.resolve(s) for s in ast.walk(mode_node)} if mode_node is not None else set()
    setuid = (isinstance(mode, int) and mode & 0o6000) or bool(
        names & {"stat.S_ISUID", "stat.S_ISGID"}
    )
    if setuid:
        target = path if isinstance(path, str) else "a file"
        a.add([harm(f"sets the setuid/setgid bit on {target}", 0.9, "high", evidence,
                    "privilege_escalation", reversible=True)])
    elif isinstance(path, str):
        a.add(write_predictions(path, evidence, replaces_file=False))


def reads_many(a: Analysis, node: ast.Call, name: str) -> None:
    a.facts.reads_files = True


def is_path(a: Analysis, node: ast.AST, depth: int = 0) -> bool:
    """Whether an expression is a pathlib path (``Path.home() / '.ssh'``)."""
    if depth > 10:
        return False
    if isinstance(node, ast.Call):
        return a.resolve(node.func) in _PATH_FACTORIES
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return is_path(a, node.left, depth + 1)
    if isinstance(node, ast.Name):
        values = a.names.values_of(node.id)
        return bool(values) and all(is_path(a, v, depth + 1) for v in values)
    return False


def path_method(a: Analysis, node: ast.Call, attr: str, path: Any) -> None:
    """``path.read_text()``, ``path.unlink()``... on a pathlib path."""
    if attr in ("read_text", "read_bytes"):
        touch_path(a, node, path, writing=False, replaces=False)
    elif attr in ("write_text", "write_bytes"):
        touch_path(a, node, path, writing=True, replaces=True)
    elif attr == "open":
        writing, replaces = _open_mode(a, argument(node, 0, "mode"))
        touch_path(a, node, path, writing=writing, replaces=replaces)
    elif attr in ("unlink", "rmdir"):
        _delete_path(a, node, path, False, f"Path.{attr}")
    elif attr == "chmod":
        _set_mode(a, node, path, argument(node, 0, "mode"))
    elif attr in ("rename", "replace"):
        target = a.static(argument(node, 0, "target"))
        if isinstance(target, str):
            a.add(write_predictions(target, a.evidence(node), replaces_file=True))
