"""Administration APIs as data (``data/admin_apis.toml``): HTTP calls that add a key, a
webhook, a member or an account, register a check that runs a command, or change a security
control, each described as an effect of the shared vocabulary (:mod:`forethought.review.effects`).

The HTTP reviewer asks :func:`effects_of` for every request it reviews (the Python reviewer's
requests go through the same function), so a new service is a catalogue entry, not a rule.
Reading never matches: listing keys, hooks or checks is ordinary work.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

from forethought.review.base import SEVERITIES, Severity
from forethought.review.effects import OPERATIONS, RESOURCES, Effect, Operation, Resource

_READS = frozenset({"GET", "HEAD", "OPTIONS"})
# GitHub Enterprise serves the REST API under /api/v3 on its own host.
_ENTERPRISE_PREFIX = re.compile(r"^/api/v3(?=/)")


class CatalogueError(ValueError):
    """An entry of admin_apis.toml that cannot be used; the message names it."""


@dataclass(frozen=True, slots=True)
class Api:
    service: str
    path: re.Pattern[str]
    methods: frozenset[str]
    op: Operation
    on: Resource
    what: str
    docs: str
    hosts: re.Pattern[str] | None = None
    ports: frozenset[int] = frozenset()
    body: re.Pattern[str] | None = None
    unless_body: re.Pattern[str] | None = None
    severity: Severity | None = None
    probability: float | None = None
    reversible: bool | None = None

    def matches(self, method: str, host: str, port: int | None, path: str, body: str) -> bool:
        if method not in self.methods or method in _READS:
            return False
        if self.hosts is not None and not self.hosts.search(host):
            return False
        if self.ports and port not in self.ports:
            return False
        if not self.path.search(_ENTERPRISE_PREFIX.sub("", path) or "/"):
            return False
        if self.body is not None and not self.body.search(body):
            return False
        return self.unless_body is None or not self.unless_body.search(body)


def _regex(entry: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    raw = entry.get(key)
    if raw is None:
        return None
    try:
        return re.compile(str(raw))
    except re.error as exc:
        raise CatalogueError(f"{where}: `{key}` is not a regular expression: {exc}") from exc


def _entry(entry: dict[str, Any], index: int) -> Api:
    where = f"admin_apis.toml entry {index + 1} ({entry.get('service', '?')})"
    op, on = entry.get("op"), entry.get("on")
    if op not in OPERATIONS:
        raise CatalogueError(f"{where}: op {op!r} is not an operation of the vocabulary")
    if on not in RESOURCES:
        raise CatalogueError(f"{where}: on {on!r} is not a resource of the vocabulary")
    severity = entry.get("severity")
    if severity is not None and severity not in SEVERITIES:
        raise CatalogueError(f"{where}: severity {severity!r} is not a severity")
    for key in ("path", "methods", "what", "docs", "service"):
        if not entry.get(key):
            raise CatalogueError(f"{where}: `{key}` is missing")
    path = _regex(entry, "path", where)
    assert path is not None
    return Api(
        service=str(entry["service"]),
        path=path,
        methods=frozenset(str(m).upper() for m in entry["methods"]),
        op=cast(Operation, op),
        on=cast(Resource, on),
        what=str(entry["what"]),
        docs=str(entry["docs"]),
        hosts=_regex(entry, "hosts", where),
        ports=frozenset(int(p) for p in entry.get("ports", ())),
        body=_regex(entry, "body", where),
        unless_body=_regex(entry, "unless_body", where),
        severity=cast(Severity | None, severity),
        probability=entry.get("probability"),
        reversible=entry.get("reversible"),
    )


@functools.cache
def catalogue() -> tuple[Api, ...]:
    text = resources.files("forethought.review").joinpath("data/admin_apis.toml").read_text()
    data = tomllib.loads(text)
    return tuple(_entry(e, i) for i, e in enumerate(data.get("api", [])))


def effects_of(
    method: str, host: str, port: int | None, path: str, body: str, evidence: str
) -> list[Effect]:
    """The effects of one request on the administration APIs the catalogue knows (the first
    entry that matches; none for a read or an endpoint it does not know)."""
    method = method.upper()
    if method in _READS:
        return []
    for api in catalogue():
        if api.matches(method, host, port, path, body):
            return [
                Effect(
                    op=api.op,
                    resource=api.on,
                    target=host,
                    evidence=evidence,
                    what=f"{api.what} ({api.service}: {method} {path})",
                    severity=api.severity,
                    probability=api.probability,
                    reversible=api.reversible,
                    category="",
                )
            ]
    return []
