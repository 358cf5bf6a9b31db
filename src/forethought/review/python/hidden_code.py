"""Code a plain reading cannot see: strings run with exec/eval (reviewed in turn where known),
modules imported and attributes looked up by computed names, deserialisers, native code, and
dangerous functions passed around instead of called."""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import TYPE_CHECKING

from forethought.review.python.decoders import DECODERS, PLAIN_CODECS
from forethought.review.python.findings import harm
from forethought.review.python.limits import MAX_NESTING
from forethought.review.python.syntax import argument
from forethought.review.python.tables import HTTP_CALLS, LIBRARY_LOADS, SENSITIVE_MODULES

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

_OBFUSCATORS = frozenset({*DECODERS, "codecs.decode", "chr"})
_FETCHES = frozenset({*HTTP_CALLS, "urllib.request.urlopen", "urllib.request.Request"})


def run_code(a: Analysis, node: ast.Call, name: str) -> None:
    """exec/eval/compile: the code they are given is reviewed where it is known."""
    source = argument(node, 0, "source", "object", "expression")
    if source is None:
        return
    values = a.names.values_of(source.id) if isinstance(source, ast.Name) else [source]
    if values and all(isinstance(v, ast.Call) and a.resolve(v.func) == "compile"
                      for v in values):
        return  # the compile() call is reviewed where it is made
    evidence = a.evidence(node)
    code = a.static(source)
    if isinstance(code, bytes):
        code = code.decode("utf-8", "replace")
    if not isinstance(code, str):
        read = _file_read(a, source)
        if _fetches_remotely(a, source):
            a.add([harm(f"downloads code and runs it with {name}()", 0.9, "critical", evidence,
                        "remote_code_execution")])
        elif read is not None:
            # judged by what the session wrote into it, where it did (review.python.reviewer)
            a.facts.runs_files.append((read, evidence, name))
        else:
            a.add([harm(f"runs code built at run time with {name}(); it cannot be reviewed",
                        0.5, "high", evidence, "unknown_code", reversible=True)])
            a.facts.uncertain.append((0.9, f"{name}() runs code the reviewer cannot see"))
        return
    if _is_obfuscated(a, source):
        a.add([harm(f"runs code hidden by encoding with {name}()", 0.6, "moderate", evidence,
                    "defence_evasion")])
    if a.depth >= MAX_NESTING:
        a.add([harm("code nested in exec() too deeply to review", 0.5, "high", evidence,
                    "unknown_code", reversible=True)])
        return
    a.add(replace(p, outcome=f"{p.outcome} (in code run by {name}())")
          for p in a.review_nested(code, evidence, a.depth + 1))


def _file_read(a: Analysis, node: ast.AST) -> str | None:
    """The path of ``open(path).read()`` or ``Path(path).read_text()``, where known."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    inner = node.func.value
    path: object = None
    if node.func.attr == "read" and isinstance(inner, ast.Call) and a.resolve(inner.func) in (
        "open", "io.open"
    ):
        path = a.static(argument(inner, 0, "file"))
    elif node.func.attr == "read_text":
        path = a.static(inner)
    return path if isinstance(path, str) else None


def run_path(a: Analysis, node: ast.Call, name: str) -> None:
    """``runpy.run_path(path)``: runs a file, judged by what the session wrote into it."""
    path = a.static(argument(node, 0, "path_name"))
    if isinstance(path, str):
        a.facts.runs_files.append((path, a.evidence(node), ""))
    else:
        a.facts.uncertain.append((0.8, f"{name}() runs a file known only at run time"))


def _is_obfuscated(a: Analysis, node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and a.resolve(sub.func) in _OBFUSCATORS:
            return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and (
            sub.func.attr == "decode" and sub.args and a.static(sub.args[0]) not in PLAIN_CODECS
        ):
            return True
        if isinstance(sub, ast.Slice) and a.static(sub.step) == -1:
            return True
    return False


def _fetches_remotely(a: Analysis, node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if not isinstance(sub, ast.Call):
            continue
        if a.resolve(sub.func) in _FETCHES:
            return True
        if isinstance(sub.func, ast.Attribute) and sub.func.attr in ("recv", "recvfrom"):
            return True
    return False


def dynamic_import(a: Analysis, node: ast.Call, name: str) -> None:
    module = a.static(argument(node, 0, "name"))
    evidence = a.evidence(node)
    if not isinstance(module, str):
        a.add([harm("imports a module chosen at run time; it cannot be reviewed", 0.5,
                    "moderate", evidence, "unknown_code", reversible=True)])
        a.facts.uncertain.append((0.6, f"{name}() imports a module chosen at run time"))
    elif module.split(".")[0] in SENSITIVE_MODULES:
        a.add([harm(f"imports {module} through {name}(), hiding it from a plain reading", 0.6,
                    "low", evidence, "defence_evasion", reversible=True)])


def computed_getattr(a: Analysis, node: ast.Call, name: str) -> None:
    """``getattr(os, 'sys' + 'tem')``: an attribute of a sensitive module by a computed name."""
    if len(node.args) < 2:
        return
    base = a.resolve(node.args[0])
    if base is None or base.split(".")[0] not in SENSITIVE_MODULES:
        return
    attr_node = node.args[1]
    if isinstance(attr_node, ast.Constant):
        return
    attr = a.static(attr_node)
    evidence = a.evidence(node)
    if isinstance(attr, str):
        a.add([harm(f"looks up {base}.{attr} by a computed name (obfuscation)", 0.6, "moderate",
                    evidence, "unknown_code")])
    else:
        a.add([harm(f"calls an attribute of {base} chosen at run time; it cannot be reviewed",
                    0.6, "moderate", evidence, "unknown_code")])
        a.facts.uncertain.append((0.6, f"calls an attribute of {base} chosen at run time"))


def deserialise(a: Analysis, node: ast.Call, name: str) -> None:
    a.add([harm(f"{name}() can run arbitrary code hidden in its input", 0.4, "moderate",
                a.evidence(node), "unknown_code", reversible=True)])


def native_library(a: Analysis, node: ast.Call, name: str) -> None:
    evidence = a.evidence(node)
    if name not in LIBRARY_LOADS:  # ctypes.cdll.<library>.<function>(...)
        a.add([harm(f"calls native code through {name}; it is not reviewed", 0.6, "moderate",
                    evidence, "privilege_escalation")])
        return
    library_node = argument(node, 0, "name")
    library = a.static(library_node)
    if isinstance(library_node, ast.Call) and (
        a.resolve(library_node.func) == "ctypes.util.find_library"
    ):
        system = True  # a library found by name on the system path
    elif isinstance(library, str):
        system = "/" not in library and library.startswith("lib")
    else:
        system = library is None  # CDLL(None): the running program's own symbols
    what = library if isinstance(library, str) else "a native library"
    if system:
        a.add([harm(f"loads {what} through ctypes; calls into native code are not reviewed",
                    0.6, "moderate", evidence, "privilege_escalation")])
    else:
        a.add([harm(f"loads the native library {what}, whose code runs unreviewed", 0.6,
                    "high", evidence, "privilege_escalation")])


def passed_around(a: Analysis, node: ast.AST, name: str) -> None:
    """A dangerous function handed on (``map(os.remove, ...)``, ``[os.system][0]``)."""
    a.add([harm(f"passes {name} around instead of calling it; where and on what it runs "
                "cannot be reviewed", 0.6, "moderate", a.evidence(node), "unknown_code")])
