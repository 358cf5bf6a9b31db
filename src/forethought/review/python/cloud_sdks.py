"""Google Cloud and Azure SDKs: a call of one is the gcloud or az command it equals, judged by
the program catalogue (``programs.d/cloud.toml``) like the command itself, as boto3 calls are
judged as AWS CLI commands (:mod:`forethought.review.python.cloud`).

``storage.Client().bucket("exports").make_public()`` is ``gcloud storage buckets update
gs://exports --predefined-acl=publicRead``; ``SecretClient(vault_url=...).get_secret("db")`` is
``az keyvault secret show --vault-name kv --name db``. These SDKs are object-oriented (a
client gives buckets, a bucket blobs; an Azure client has operation groups), so the objects
are followed from their constructors through the methods and attributes that return them, by
the table in ``review/data/cloud_sdks.toml`` (:mod:`forethought.review.python.sdk_table`):
through aliased imports, names, ``with ... as`` and method chains. Values only the run can
tell are written as ``UNKNOWN``: an unknown bucket is still a bucket deleted.
"""

from __future__ import annotations

import ast
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from forethought.review.paths import clip
from forethought.review.python.sdk_table import CallEntry, Kind, Value, table
from forethought.review.python.syntax import argument, keyword
from forethought.review.python.values import UNKNOWN

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

# Words in code that may use one of these SDKs (google.cloud, googleapiclient, azure).
MODULES = ("google", "apiclient", "azure")
_UNKNOWN = "UNKNOWN"
_MAX_DEPTH = 8
_PLACE = re.compile(r"\{(\w+)(?:\.(\w+))?(?:\|([\w:-]+))?\}")
_ENUM = re.compile(r"^[A-Z][A-Z0-9_]*$")
# Azure's built-in roles by definition id
# (https://learn.microsoft.com/en-us/azure/role-based-access-control/built-in-roles).
_AZURE_ROLES = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
    "acdd72a7-3385-48ef-bd42-f606fba81ae7": "Reader",
}

Field = str | list[str] | None  # None: known only at run time


@dataclass(frozen=True)
class Obj:
    """An SDK object: its kind, the values it carries (a bucket's name), and for a discovery
    service the collections called so far (``projects().serviceAccounts()``)."""

    kind: Kind
    fields: dict[str, Field] = field(default_factory=dict)
    path: tuple[str, ...] = ()


class Reader:
    """Follows SDK objects through one piece of code."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.table = table()
        self._objects: dict[int, Obj | None] = {}
        self._constants: list[str] | None = None
        self.withs: dict[str, list[ast.expr]] = {}  # with X as name
        self.assigned: dict[str, list[tuple[str, ast.expr]]] = {}  # name.k = v, name["k"] = v
        for node in a.nodes:
            if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
                self.withs.setdefault(node.optional_vars.id, []).append(node.context_expr)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    self._note_assignment(target, node.value)

    def _note_assignment(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            self.assigned.setdefault(target.value.id, []).append((target.attr, value))
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            key = self.a.static(target.slice)
            if isinstance(key, str):
                self.assigned.setdefault(target.value.id, []).append((key, value))

    # ---- objects ---------------------------------------------------------------------------

    def obj(self, node: ast.expr, depth: int = 0) -> Obj | None:
        key = id(node)
        if key not in self._objects:
            self._objects[key] = None  # cycles are no object
            self._objects[key] = self._obj(node, depth) if depth < _MAX_DEPTH else None
        return self._objects[key]

    def _obj(self, node: ast.expr, depth: int) -> Obj | None:
        if isinstance(node, ast.Await):
            return self.obj(node.value, depth + 1)
        if isinstance(node, ast.Call):
            qualified = self.a.resolve(node.func)
            kind = self.table.constructed(qualified) if qualified else None
            if kind is not None:
                return Obj(kind, self._fields(kind.fields, node))
            bound = self.method(node)
            if bound is None:
                return None
            parent = self.obj(bound[0], depth + 1)
            if parent is None:
                return None
            method = bound[1]
            if parent.kind.collection:  # a discovery service: a method is a request
                if self._entries(parent, method):
                    return None
                return Obj(parent.kind, parent.fields, (*parent.path, method))
            found = self.table.via(parent.kind.name, method, method=True)
            if found is None:
                return None
            kind, via = found
            return Obj(kind, {**parent.fields, **self._fields(via.fields, node)})
        if isinstance(node, ast.Attribute):
            parent = self.obj(node.value, depth + 1)
            found = self.table.via(parent.kind.name, node.attr, method=False) if parent else None
            return Obj(found[0], parent.fields) if found and parent else None
        if isinstance(node, ast.Name):
            for value in [*self.withs.get(node.id, ()), *self.a.names.values_of(node.id)]:
                found_obj = self.obj(value, depth + 1)
                if found_obj is not None:
                    return found_obj
        return None

    def method(self, call: ast.Call) -> tuple[ast.expr, str] | None:
        """The object and the name of the method ``call`` calls: ``obj.name(...)``, or
        ``getattr(obj, "name")(...)`` with the name known before the run."""
        func = call.func
        if isinstance(func, ast.Attribute):
            return func.value, func.attr
        if (
            isinstance(func, ast.Call)
            and self.a.resolve(func.func) == "getattr"
            and len(func.args) >= 2
        ):
            name = self.a.static(func.args[1])
            return (func.args[0], name) if isinstance(name, str) else None
        return None

    def _fields(self, specs: tuple[tuple[str, Value], ...], call: ast.Call) -> dict[str, Field]:
        return {name: self.value(call, spec) for name, spec in specs}

    def _entries(self, parent: Obj, method: str) -> list[CallEntry]:
        entries = self.table.calls.get((parent.kind.name, method), ())
        return [e for e in entries if e.matches(parent.fields.get("api"), parent.path)]

    # ---- values ----------------------------------------------------------------------------

    def value(self, call: ast.Call, spec: Value, element: ast.expr | None = None) -> Field:
        """A call's value as the spec says where to read it (the table file's header); ``find``
        reads only ``element`` where one is given (one of the list ``each`` names)."""
        if spec.at is not None or spec.keys:
            node = argument(call, spec.at if spec.at is not None else -1, *spec.keys)
            if node is None and spec.keys:
                request = keyword(call, "request")
                if request is None and call.args and spec.at != 0:
                    request = call.args[0]
                found = self.find(request, spec.keys) if request is not None else []
                node = found[0] if found else None
            if node is not None:
                return self.text(node)
        if spec.find:
            roots = [element] if element is not None else [
                *call.args, *(kw.value for kw in call.keywords)
            ]
            texts = _flat(self.text(n) for root in roots for n in self.find(root, spec.find))
            if texts:
                return texts
        if spec.scan is not None:
            scanned = [s for s in self.constants() if spec.scan.fullmatch(s)]
            if scanned:
                return list(dict.fromkeys(scanned))
        return spec.default

    def constants(self) -> list[str]:
        if self._constants is None:
            self._constants = [
                n.value for n in self.a.nodes
                if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) < 300
            ]
        return self._constants

    def find(self, node: ast.expr | None, keys: tuple[str, ...]) -> list[ast.expr]:
        """The values under ``keys`` anywhere in ``node``: dict items, keyword arguments of the
        calls that build request objects, list elements, and what names are given (each name
        followed once)."""
        return self._find(node, keys, 0, set())

    def _find(
        self, node: ast.expr | None, keys: tuple[str, ...], depth: int, seen: set[str]
    ) -> list[ast.expr]:
        if node is None or depth > _MAX_DEPTH:
            return []
        out: list[ast.expr] = []
        children: list[ast.expr] = []
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values, strict=True):
                if k is not None and self.a.static(k) in keys:
                    out.append(v)
                else:
                    children.append(v)
        elif isinstance(node, ast.Call):
            for kw in node.keywords:
                (out if kw.arg in keys else children).append(kw.value)
            children += node.args
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            children += node.elts
        elif isinstance(node, ast.Starred):
            children.append(node.value)
        elif isinstance(node, ast.Name) and node.id not in seen:
            seen.add(node.id)
            children += self.a.names.values_of(node.id)
            for key, v in self.assigned.get(node.id, ()):
                (out if key in keys else children).append(v)
        for child in children:
            out += self._find(child, keys, depth + 1, seen)
        return out

    def elements(self, node: ast.expr) -> list[ast.expr]:
        """The elements of a list the code builds (through names, each followed once)."""
        out: list[ast.expr] = []
        pending: list[ast.expr] = [node]
        seen: set[str] = set()
        while pending and len(seen) < _MAX_DEPTH * 4:
            item = pending.pop()
            if isinstance(item, (ast.List, ast.Tuple, ast.Set)):
                out += item.elts
            elif isinstance(item, ast.Name) and item.id not in seen:
                seen.add(item.id)
                pending += self.a.names.values_of(item.id)
        return out

    def text(self, node: ast.expr, depth: int = 0) -> Field:
        """``node`` as text: partly known strings with ``UNKNOWN`` for the rest, lists as lists,
        enum members by name (``PublicAccess.CONTAINER``)."""
        if depth > _MAX_DEPTH:
            return None
        known = self.a.static(node)
        if known is not UNKNOWN:
            return _known(known)
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                inner = self.text(v.value if isinstance(v, ast.FormattedValue) else v, depth + 1)
                parts.append(inner if isinstance(inner, str) else _UNKNOWN)
            return "".join(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.text(node.left, depth + 1), self.text(node.right, depth + 1)
            if isinstance(left, str) or isinstance(right, str):
                return (left if isinstance(left, str) else _UNKNOWN) + (
                    right if isinstance(right, str) else _UNKNOWN
                )
            return None
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return _flat(self.text(e, depth + 1) or _UNKNOWN for e in node.elts)
        if isinstance(node, ast.Attribute) and _ENUM.match(node.attr):
            return node.attr
        if isinstance(node, ast.Name):
            values = self.a.names.values_of(node.id)
            return self.text(values[0], depth + 1) if len(values) == 1 else None
        return None

    # ---- calls -----------------------------------------------------------------------------

    def commands(self, call: ast.Call) -> list[tuple[str, str]]:
        """The (command, SDK) pairs a call equals; none where it is no SDK call that matters."""
        bound = self.method(call)
        parent = self.obj(bound[0]) if bound is not None else None
        if bound is None or parent is None:
            return []
        out = []
        for entry in self._entries(parent, bound[1]):
            scopes: list[ast.expr | None] = [None]
            if entry.each:
                lists = [n for arg in [*call.args, *(k.value for k in call.keywords)]
                         for n in self.find(arg, entry.each)]
                scopes = [e for n in lists for e in self.elements(n)]
            for scope in scopes:
                fields = {**parent.fields}
                fields.update({n: self.value(call, s, scope) for n, s in entry.args})
                if all(any(rx.search(v) for v in _as_list(fields.get(name)))
                       for name, rx in entry.when):
                    out.append((shlex.join(_render(entry.words, fields)), parent.kind.sdk))
        return out


def _known(value: object) -> Field:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, (list, tuple, set)):
        return _flat(_known(v) or _UNKNOWN for v in value)
    return None


def _flat(values: Iterable[Field]) -> list[str]:
    out: list[str] = []
    for v in values:
        out += v if isinstance(v, list) else [v] if isinstance(v, str) else []
    return out


def _as_list(value: Field) -> list[str]:
    return value if isinstance(value, list) else [value] if value is not None else []


def _segment(value: str, seg: str | None) -> str:
    """The part of a resource name after ``seg/`` (``projects/p/secrets/s``: s for secrets); a
    name without slashes is that part itself."""
    if seg is None or "/" not in value:
        return value
    parts = value.split("/")
    for i, part in enumerate(parts[:-1]):
        if part == seg:
            return parts[i + 1] or _UNKNOWN
    return _UNKNOWN


def _filter(value: str, name: str) -> str:
    if name == "lower":
        return value.lower()
    if name == "label":
        host = urlsplit(value).hostname if "://" in value else value
        return (host or _UNKNOWN).split(".")[0]
    if name == "azrole":
        guid = value.rstrip("/").rsplit("/", 1)[-1].lower()
        return _AZURE_ROLES.get(guid, value)
    if name == "anyip" and value == "*":
        return "0.0.0.0/0"
    if name == "anyport" and value == "*":
        return "0-65535"
    return value


def _values(fields: dict[str, Field], m: re.Match[str]) -> list[str]:
    """The placeholder's values, filtered; empty where nothing is known."""
    raw = [_segment(v, m[2]) for v in _as_list(fields.get(m[1]))]
    filters = [f for f in (m[3] or "").split("|") if f and f != "csv" and not f.startswith("opt:")]
    for name in filters:
        raw = [_filter(v, name) for v in raw]
    return raw


def _render(words: tuple[str, ...], fields: dict[str, Field]) -> list[str]:
    out: list[str] = []
    for word in words:
        m = _PLACE.fullmatch(word)
        if m is not None and m[3] and m[3].startswith("opt:"):
            out += [f"--{m[3][4:]}={v}" for v in _values(fields, m)]
        elif m is not None and m[3] != "csv":
            out += _values(fields, m) or [_UNKNOWN]
        else:
            out.append(_PLACE.sub(lambda m: ",".join(_values(fields, m)) or _UNKNOWN, word))
    # (a bare `*` reads as a glob of every file to the shell reviewer)
    return [w if w != "*" else "ANY" for w in out]


def scan(a: Analysis) -> None:
    """Every Google Cloud and Azure SDK call of the code that equals a command, judged as it."""
    reader = Reader(a)
    for node in a.nodes:
        if isinstance(node, ast.Call):
            for command, sdk in reader.commands(node):
                evidence = a.evidence(node)
                note_command(a, evidence, command)
                a.add(a.shell(command, evidence, f"through {sdk} as `{command[:120]}`"))


def note_command(a: Analysis, evidence: str, command: str) -> None:
    """What the task's scope reads for the SDK call ``evidence`` quotes: the command's targets
    (a bucket, a resource group) as the command names them. Evidence standing for two different
    commands (decoded code quoted by the call that decodes it) names none."""
    key = clip(evidence)
    known = a.facts.cloud_commands
    known[key] = command if known.get(key, command) == command else None
