"""The table of Google Cloud and Azure SDK calls (``review/data/cloud_sdks.toml``): the kinds of
SDK object, how code gets each, and the calls that equal a gcloud or az command. The file's
header describes the format; an entry this module cannot use is an error naming it.
"""

from __future__ import annotations

import fnmatch
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

TABLE_FILE = "cloud_sdks.toml"


class TableError(ValueError):
    """An entry of cloud_sdks.toml that cannot be used; the message names it."""


@dataclass(frozen=True, slots=True)
class Value:
    """Where a call's value is read from (see the file's header)."""

    at: int | None = None
    keys: tuple[str, ...] = ()
    find: tuple[str, ...] = ()
    scan: re.Pattern[str] | None = None
    default: str | None = None


@dataclass(frozen=True, slots=True)
class Via:
    """A method or attribute of ``parent`` that returns the kind, and the values it gives."""

    parent: str
    methods: frozenset[str]
    attributes: frozenset[str]
    fields: tuple[tuple[str, Value], ...]


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    sdk: str
    new: tuple[str, ...]  # fnmatch patterns of the constructors' qualified names
    fields: tuple[tuple[str, Value], ...]
    vias: tuple[Via, ...]
    collection: bool


@dataclass(frozen=True, slots=True)
class CallEntry:
    on: str
    methods: frozenset[str]
    api: str | None
    path: str | None  # fnmatch pattern, "|" between alternatives
    args: tuple[tuple[str, Value], ...]
    when: tuple[tuple[str, re.Pattern[str]], ...]
    each: tuple[str, ...]
    words: tuple[str, ...]

    def matches(self, api: object, path: tuple[str, ...]) -> bool:
        if self.api is not None and api != self.api:
            return False
        if self.path is None:
            return True
        joined = ".".join(path)
        return any(fnmatch.fnmatchcase(joined, p) for p in self.path.split("|"))


@dataclass(frozen=True, slots=True)
class Table:
    kinds: dict[str, Kind]
    calls: dict[tuple[str, str], tuple[CallEntry, ...]]  # (kind, method) -> entries

    def constructed(self, qualified: str) -> Kind | None:
        """The kind whose constructor ``qualified`` is (``google.cloud.storage.Client``, or a
        ``from_*`` class method of one), if any."""
        base = re.sub(r"\.from_\w+$", "", qualified)
        for kind in self.kinds.values():
            if any(fnmatch.fnmatchcase(base, pattern) for pattern in kind.new):
                return kind
        return None

    def via(self, parent: str, name: str, *, method: bool) -> tuple[Kind, Via] | None:
        for kind in self.kinds.values():
            for via in kind.vias:
                names = via.methods if method else via.attributes
                if via.parent == parent and name in names:
                    return kind, via
        return None


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise TableError(f"{where}: expected a list of strings")
    return tuple(raw)


def _regex(raw: Any, where: str) -> re.Pattern[str]:
    if not isinstance(raw, str):
        raise TableError(f"{where}: expected a regular expression")
    try:
        return re.compile(raw)
    except re.error as exc:
        raise TableError(f"{where}: {exc}") from exc


def _value(raw: Any, where: str) -> Value:
    if not isinstance(raw, dict) or set(raw) - {"at", "keys", "find", "scan", "default"}:
        raise TableError(f"{where}: expected at, keys, find, scan or default")
    at = raw.get("at")
    if at is not None and not isinstance(at, int):
        raise TableError(f"{where}.at: expected a position")
    return Value(
        at=at,
        keys=_strings(raw.get("keys", []), f"{where}.keys"),
        find=_strings(raw.get("find", []), f"{where}.find"),
        scan=_regex(raw["scan"], f"{where}.scan") if "scan" in raw else None,
        default=str(raw["default"]) if "default" in raw else None,
    )


def _values(raw: Any, where: str) -> tuple[tuple[str, Value], ...]:
    if not isinstance(raw, dict):
        raise TableError(f"{where}: expected a table")
    return tuple((name, _value(spec, f"{where}.{name}")) for name, spec in raw.items())


def _kind(raw: dict[str, Any], n: int) -> Kind:
    where = f"{TABLE_FILE}: kind {raw.get('name', n)}"
    extra = set(raw) - {"name", "sdk", "new", "fields", "via", "collection"}
    if extra or "name" not in raw:
        raise TableError(f"{where}: needs a name; unknown keys {sorted(extra)}")
    vias = []
    for i, via in enumerate(raw.get("via", [])):
        if set(via) - {"parent", "methods", "attributes", "fields"} or "parent" not in via:
            raise TableError(f"{where}.via[{i}]: expected parent, methods, attributes, fields")
        vias.append(Via(
            parent=str(via["parent"]),
            methods=frozenset(_strings(via.get("methods", []), f"{where}.via[{i}].methods")),
            attributes=frozenset(_strings(via.get("attributes", []), f"{where}.via[{i}]")),
            fields=_values(via.get("fields", {}), f"{where}.via[{i}].fields"),
        ))
    return Kind(
        name=str(raw["name"]),
        sdk=str(raw.get("sdk", "")),
        new=_strings(raw.get("new", []), f"{where}.new"),
        fields=_values(raw.get("fields", {}), f"{where}.fields"),
        vias=tuple(vias),
        collection=bool(raw.get("collection", False)),
    )


_CALL_KEYS = frozenset({"on", "methods", "api", "path", "args", "when", "each", "words"})


def _call(raw: dict[str, Any], n: int, kinds: dict[str, Kind]) -> CallEntry:
    where = f"{TABLE_FILE}: call {n} ({raw.get('on')} {raw.get('methods')})"
    if set(raw) - _CALL_KEYS or not {"on", "methods", "words"} <= set(raw):
        raise TableError(f"{where}: expected {sorted(_CALL_KEYS)}, with on, methods, words")
    if raw["on"] not in kinds:
        raise TableError(f"{where}: no kind {raw['on']!r}")
    args = _values(raw.get("args", {}), f"{where}.args")
    names = {name for name, _ in args} | {
        name for kind in _chain(kinds, raw["on"]) for name, _ in kind
    }
    for word in _strings(raw["words"], f"{where}.words"):
        for field in re.findall(r"\{(\w+)", word):
            if field not in names:
                raise TableError(f"{where}: {word!r} names no value of the call or its object")
    when = raw.get("when", {})
    return CallEntry(
        on=str(raw["on"]),
        methods=frozenset(_strings(raw["methods"], f"{where}.methods")),
        api=raw.get("api"),
        path=raw.get("path"),
        args=args,
        when=tuple((k, _regex(v, f"{where}.when.{k}")) for k, v in when.items()),
        each=_strings(raw.get("each", []), f"{where}.each"),
        words=tuple(raw["words"]),
    )


Fields = tuple[tuple[str, Value], ...]


def _chain(kinds: dict[str, Kind], name: str, depth: int = 0) -> list[Fields]:
    """The fields a ``name`` object may carry: its own and its ancestors'."""
    kind = kinds.get(name)
    if kind is None or depth > 8:
        return []
    out = [kind.fields, *(via.fields for via in kind.vias)]
    for via in kind.vias:
        out += _chain(kinds, via.parent, depth + 1)
    return out


def parse(text: str) -> Table:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"{TABLE_FILE}: {exc}") from exc
    kinds = {k.name: k for k in (_kind(raw, n) for n, raw in enumerate(data.get("kind", [])))}
    for kind in kinds.values():
        for via in kind.vias:
            if via.parent not in kinds:
                raise TableError(f"{TABLE_FILE}: kind {kind.name}: no parent {via.parent!r}")
    calls: dict[tuple[str, str], list[CallEntry]] = {}
    for n, raw in enumerate(data.get("call", [])):
        entry = _call(raw, n, kinds)
        for method in entry.methods:
            calls.setdefault((entry.on, method), []).append(entry)
    return Table(kinds, {key: tuple(v) for key, v in calls.items()})


@functools.cache
def table() -> Table:
    data = resources.files("forethought.review").joinpath("data").joinpath(TABLE_FILE)
    return parse(data.read_text(encoding="utf-8"))
