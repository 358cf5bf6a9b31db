"""What an expression names and what value it holds, worked out before the code runs.

``resolve`` gives the qualified name an expression refers to (``o.system`` -> ``os.system``),
following ``__import__('os')``, ``getattr(os, ...)`` and ``sys.modules['os']``; ``static`` gives
its value where literals decide it: concatenations, f-strings, path joins, decoders. Each needs
the other: ``getattr(os, 'sys' + 'tem')`` names ``os.system`` once ``'sys' + 'tem'`` is known.
A value only the run can tell is UNKNOWN; every evaluation is bounded in depth and size.
"""

from __future__ import annotations

import ast
import codecs
import operator
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, AnyStr

from forethought.review.python.decoders import DECODERS, TEXT_CODECS
from forethought.review.python.limits import DECODE_BUDGET, MAX_EVAL_DEPTH, MAX_STATIC_CHARS
from forethought.review.python.names import Names, canonical
from forethought.review.python.tables import (
    BUILTINS,
    DYNAMIC_IMPORTS,
    ENVIRON,
    KNOWN_MODULES,
    PATH_CONSTRUCTORS,
)


class _Unknown:
    """A value that is only known once the code runs."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()

# A format field wide enough to build a huge string ("%099999999d", "{:>99999999}").
_WIDE_FIELD = re.compile(r"\d{5,}")
# Calls taken to return their string argument: the path catalogue reads "~" itself.
_SAME_STRING = frozenset({
    "os.path.expanduser", "os.path.expandvars", "os.path.abspath", "os.path.normpath",
    "os.path.realpath", "str", "os.fsdecode",
})
_HOMES = frozenset(f"{path}.home" for path in PATH_CONSTRUCTORS)
_NAMESPACES = frozenset({"globals", "vars", "locals", "builtins", "__builtins__", "__dict__"})


@dataclass
class DecodeBudget:
    """Characters one review may still decode, across all nesting levels."""

    left: int = DECODE_BUDGET


_INT_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.BitOr: operator.or_,
    ast.BitAnd: operator.and_,
    ast.BitXor: operator.xor,
    ast.LShift: operator.lshift,
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Evaluator:
    def __init__(self, names: Names, budget: DecodeBudget) -> None:
        self.names = names
        self.budget = budget
        self._resolved: dict[int, str | None] = {}
        self._values: dict[int, Any] = {}

    # ---- names ---------------------------------------------------------------------------

    def resolve(self, node: ast.AST, depth: int = 0) -> str | None:
        """The qualified name an expression refers to (``os.system``), if known."""
        key = id(node)
        if key in self._resolved:
            return self._resolved[key]
        self._resolved[key] = None  # cycles resolve to nothing
        name = self._resolve(node, depth) if depth < MAX_EVAL_DEPTH else None
        name = canonical(name) if name else None
        self._resolved[key] = name
        return name

    def _resolve(self, node: ast.AST, depth: int) -> str | None:
        names = self.names
        if isinstance(node, ast.Name):
            if node.id in names.aliases:
                return names.aliases[node.id]
            if node.id in names.bindings:
                found = {self.resolve(v, depth + 1) for v in names.values_of(node.id)}
                return found.pop() if len(found) == 1 else None
            if node.id in names.opaque:
                return None
            if node.id in KNOWN_MODULES or node.id in BUILTINS:
                return node.id
            return None
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value, depth + 1)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            return self._resolve_call(node, depth)
        if isinstance(node, ast.Subscript):
            base = self.resolve(node.value, depth + 1)
            key = self.static(node.slice, depth + 1)
            if not isinstance(key, str):
                return None
            if base == "sys.modules":
                return key
            if base in _NAMESPACES:
                return "builtins" if key == "__builtins__" else key
        return None

    def _resolve_call(self, node: ast.Call, depth: int) -> str | None:
        func = self.resolve(node.func, depth + 1)
        if func in DYNAMIC_IMPORTS and node.args:
            module = self.static(node.args[0], depth + 1)
            return module if isinstance(module, str) and module else None
        if func == "getattr" and len(node.args) >= 2:
            base = self.resolve(node.args[0], depth + 1)
            attr = self.static(node.args[1], depth + 1)
            return f"{base}.{attr}" if base and isinstance(attr, str) else None
        if func in ("globals", "vars", "locals") and not node.args:
            return func
        if func == "vars" and node.args and self.resolve(node.args[0], depth + 1) in (
            "builtins", "__builtins__"
        ):
            return "builtins"
        if func == "sys.modules.get" and node.args:
            module = self.static(node.args[0], depth + 1)
            return module if isinstance(module, str) else None
        return None

    # ---- values --------------------------------------------------------------------------

    def static(self, node: ast.AST | None, depth: int = 0) -> Any:
        """The value of an expression where it is known before the code runs, else UNKNOWN."""
        if node is None:
            return UNKNOWN
        key = id(node)
        if key in self._values:
            return self._values[key]
        self._values[key] = UNKNOWN  # cycles (x = x + "a") stay unknown
        try:
            value = self._static(node, depth) if depth < MAX_EVAL_DEPTH else UNKNOWN
        except Exception:  # evaluating untrusted literals: any failure just means "unknown"
            value = UNKNOWN
        if isinstance(value, (str, bytes)) and len(value) > MAX_STATIC_CHARS:
            value = UNKNOWN
        self._values[key] = value
        return value

    def _static(self, node: ast.AST, depth: int) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            values = [self.static(v, depth + 1) for v in self.names.values_of(node.id)]
            if not values or any(v is UNKNOWN or v != values[0] for v in values):
                return UNKNOWN
            return values[0]
        if isinstance(node, ast.JoinedStr):
            return self._fstring(node, depth)
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [self.static(e, depth + 1) for e in node.elts]
            return UNKNOWN if any(i is UNKNOWN for i in items) else items
        if isinstance(node, ast.BinOp):
            return self._binop(node, depth)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
            value = self.static(node.operand, depth + 1)
            if not _is_int(value):
                return UNKNOWN
            if isinstance(node.op, ast.Invert):
                return ~value
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.Subscript):
            if self.resolve(node.value, depth + 1) in ENVIRON and (
                self.static(node.slice, depth + 1) == "HOME"
            ):
                return "~"
            base, index = self.static(node.value, depth + 1), self._index(node.slice, depth)
            if isinstance(base, (str, bytes, list)) and index is not UNKNOWN:
                return base[index]
            return UNKNOWN
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        return UNKNOWN

    def _fstring(self, node: ast.JoinedStr, depth: int) -> Any:
        parts = []
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                if v.format_spec:
                    return UNKNOWN
                value = self.static(v.value, depth + 1)
                conversion = {ord("r"): repr, ord("a"): ascii}.get(v.conversion, str)
            else:
                value, conversion = self.static(v, depth + 1), str
            if value is UNKNOWN:
                return UNKNOWN
            parts.append(conversion(value))
        return "".join(parts)

    def _index(self, node: ast.AST, depth: int) -> Any:
        if isinstance(node, ast.Slice):
            bounds = [self.static(b, depth + 1) if b is not None else None
                      for b in (node.lower, node.upper, node.step)]
            ok = all(b is None or _is_int(b) for b in bounds)
            return slice(*bounds) if ok else UNKNOWN
        index = self.static(node, depth + 1)
        return index if _is_int(index) else UNKNOWN

    def _binop(self, node: ast.BinOp, depth: int) -> Any:
        left, right = self.static(node.left, depth + 1), self.static(node.right, depth + 1)
        if left is UNKNOWN or right is UNKNOWN:
            return UNKNOWN
        op = node.op
        if isinstance(op, ast.Add) and type(left) is type(right) and not _is_int(left):
            if not isinstance(left, (str, bytes, list)) or _too_big(len(left) + len(right)):
                return UNKNOWN
            return left + right
        if isinstance(op, ast.Div) and isinstance(left, str) and isinstance(right, str):
            return posixpath.join(left, right)  # pathlib's ``/``
        if isinstance(op, ast.Mult) and isinstance(left, (str, bytes)) and isinstance(right, int):
            return left * right if len(left) * right <= MAX_STATIC_CHARS else UNKNOWN
        if isinstance(op, ast.Mod) and isinstance(left, str) and not _WIDE_FIELD.search(left):
            values = right if isinstance(right, list) else [right]
            if _too_big(_expansion(left, "%", values)):
                return UNKNOWN
            return left % (tuple(right) if isinstance(right, list) else right)
        if _is_int(left) and _is_int(right) and type(op) in _INT_OPS:
            # file modes and flags are often built as 0o4000 + 0o755 or S_ISUID | 0o755
            if isinstance(op, ast.LShift) and not 0 <= right <= 64:
                return UNKNOWN
            value = _INT_OPS[type(op)](left, right)
            return value if abs(value) < 1 << 64 else UNKNOWN
        return UNKNOWN

    def _call(self, node: ast.Call, depth: int) -> Any:
        func = self.resolve(node.func, depth + 1)
        args = [self.static(a, depth + 1) for a in node.args]
        if any(a is UNKNOWN for a in args) or any(isinstance(a, ast.Starred) for a in node.args):
            return UNKNOWN
        if func in DECODERS and args and isinstance(args[0], (str, bytes)):
            return self._decode(func, args[0])
        if func == "codecs.decode" and len(args) >= 2 and str(args[1]).lower() in TEXT_CODECS:
            return codecs.decode(args[0], args[1])
        if func in PATH_CONSTRUCTORS or func == "os.path.join":
            if not args:
                return "."
            return posixpath.join(*args) if all(isinstance(a, str) for a in args) else UNKNOWN
        if func in _HOMES:
            return "~"
        if func in _SAME_STRING:
            return args[0] if len(args) == 1 and isinstance(args[0], str) else UNKNOWN
        if func in ("os.getenv", "os.environ.get") and args == ["HOME"]:
            return "~"
        if func in ("bytes", "bytearray") and len(args) == 1 and isinstance(args[0], list):
            return bytes(args[0])
        if func == "chr" and len(args) == 1 and isinstance(args[0], int):
            return chr(args[0])
        if isinstance(node.func, ast.Attribute):
            return self._method(node.func, node, args, depth)
        return UNKNOWN

    def _decode(self, func: str, data: str | bytes) -> Any:
        if self.budget.left <= 0:
            return UNKNOWN
        decoded = DECODERS[func](data)
        self.budget.left -= len(decoded)
        if len(decoded) >= MAX_STATIC_CHARS:
            return UNKNOWN  # cut short: what would run is more than what was seen
        return decoded

    def _method(self, func: ast.Attribute, node: ast.Call, args: list[Any], depth: int) -> Any:
        """String and bytes methods: decode, join, replace, format..."""
        receiver = self.static(func.value, depth + 1)
        if not isinstance(receiver, (str, bytes)):
            return UNKNOWN
        attr = func.attr
        if attr in ("decode", "encode"):
            codec = args[0] if args else "utf-8"
            if not isinstance(codec, str) or codec.lower() not in TEXT_CODECS:
                return UNKNOWN
            # codecs take str or bytes depending on the codec (rot13 str, hex bytes...): a wrong
            # pairing raises, and static evaluation turns that into UNKNOWN
            convert: Callable[[Any, str], Any] = (
                codecs.decode if attr == "decode" else codecs.encode
            )
            return convert(receiver, codec)
        if attr == "join" and len(args) == 1 and isinstance(args[0], list):
            parts = args[0]
            size = sum(len(p) for p in parts if isinstance(p, (str, bytes)))
            if _too_big(size + len(receiver) * len(parts)):
                return UNKNOWN
            return receiver.join(parts)
        if attr == "replace" and len(args) == 2:
            old, new = args
            if isinstance(receiver, str) and isinstance(old, str) and isinstance(new, str):
                return _replace(receiver, old, new)
            if isinstance(receiver, bytes) and isinstance(old, bytes) and isinstance(new, bytes):
                return _replace(receiver, old, new)
            return UNKNOWN
        if attr in ("lower", "upper", "strip", "lstrip", "rstrip") and not args:
            return getattr(receiver, attr)()
        if isinstance(receiver, str):  # a path (pathlib's methods, on the path's text)
            if attr == "joinpath" and all(isinstance(a, str) for a in args):
                return posixpath.join(receiver, *args)
            if attr in ("expanduser", "resolve", "absolute") and not args:
                return receiver
            if attr == "with_name" and len(args) == 1 and isinstance(args[0], str):
                return posixpath.join(posixpath.dirname(receiver), args[0])
            if attr == "with_suffix" and len(args) == 1 and isinstance(args[0], str):
                return posixpath.splitext(receiver)[0] + args[0]
        if attr == "format" and isinstance(receiver, str) and not node.keywords and (
            not _WIDE_FIELD.search(receiver)
        ):
            return UNKNOWN if _too_big(_expansion(receiver, "{", args)) else receiver.format(*args)
        return UNKNOWN


def _replace(receiver: AnyStr, old: AnyStr, new: AnyStr) -> Any:
    hits = receiver.count(old) if old else len(receiver) + 1
    growth = max(0, len(new) - len(old)) * hits
    return UNKNOWN if _too_big(len(receiver) + growth) else receiver.replace(old, new)


def _too_big(size: int) -> bool:
    """Checked *before* building a value: hostile code must not make the review build a huge one."""
    return size > MAX_STATIC_CHARS


def _expansion(template: str, field_marker: str, values: list[Any]) -> int:
    """An upper bound on the length of ``template`` with every field filled by the longest value."""
    longest = max((len(str(v)) for v in values), default=0)
    return len(template) + template.count(field_marker) * longest
