"""Administration APIs as data (``data/admin_apis.toml``, then one file per domain in
``data/admin_apis.d/``; a service in one file only): HTTP calls that add a key, a webhook, a
member or an account, register a check that runs a command, change a security control or send a
service's data elsewhere, each described as an effect of the shared vocabulary
(:mod:`forethought.review.effects`).

The HTTP reviewer asks :func:`effects_of` for every request it reviews (the Python reviewer's
requests and the shell's curl go through the same function), so a new service is a catalogue
entry, not a rule. Reading never matches (listing keys, hooks or checks is ordinary work) except
where an entry says ``reads_secret = true``: a GET that returns secret values is a credential
read. An entry's ``asks`` names the words of a task that asks for exactly this change; where the
task also names the service, the harm is capped (escalated, not blocked).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

from forethought.review.base import SEVERITIES, Severity
from forethought.review.effects import (
    OPERATIONS,
    RESOURCES,
    Effect,
    Operation,
    Resource,
    grade_of,
)

CATALOGUE_FILE = "admin_apis.toml"
CATALOGUE_DIR = "admin_apis.d"
_READS = frozenset({"GET", "HEAD", "OPTIONS"})
_KEYS = frozenset(
    {
        "service", "hosts", "ports", "path", "query", "methods", "body", "unless_body", "headers",
        "reads_secret", "asks", "op", "on", "what", "severity", "probability", "reversible",
        "docs",
    }
)  # fmt: skip
# The cap where the task asks for the change and names the service: a human is asked.
ASKED_SEVERITY: Severity = "moderate"
ASKED_PROBABILITY = 0.5
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
    headers: re.Pattern[str] | None = None
    query: re.Pattern[str] | None = None
    reads_secret: bool = False
    asks: re.Pattern[str] | None = None
    file: str = CATALOGUE_FILE

    def matches(
        self,
        method: str,
        host: str,
        port: int | None,
        path: str,
        body: str,
        headers: str = "",
        query: str = "",
    ) -> bool:
        if method not in self.methods or (method in _READS and not self.reads_secret):
            return False
        if self.hosts is not None and not self.hosts.search(host) and not self._templated(host):
            return False
        if self.ports and port not in self.ports:
            return False
        if not self.path.search(_ENTERPRISE_PREFIX.sub("", path) or "/"):
            return False
        if self.body is not None and not self.body.search(body):
            return False
        if self.headers is not None and not self.headers.search(headers):
            return False
        if self.query is not None and not self.query.search(query):
            return False
        return self.unless_body is None or not self.unless_body.search(body)

    def _templated(self, host: str) -> bool:
        """A host written as the docs' placeholder for this service's tenant
        (``${yourOktaDomain}``, ``{your-gitlab-host}``): filled in only at run time, named
        for the service."""
        if _TEMPLATE_HOST.search(host) is None:
            return False
        low = host.lower()
        return any(
            len(n) >= 4 and n.lower().replace(" ", "") in low
            for n in (x.strip() for x in self.service.split("/"))
        )

    @property
    def name(self) -> str:
        """The service's first name, the one explanations use ("Microsoft Graph")."""
        return self.service.split("/", 1)[0].strip()

    def asked_by(self, task: str, names_target: bool = False) -> bool:
        """Whether ``task`` asks for this change (the entry's ``asks``) and names the service
        (one of the names in ``service``, "Microsoft Graph / Entra ID") or what the request
        acts on (``names_target``: the account, group or organisation in its path or body)."""
        if self.asks is None or not task or not self.asks.search(task):
            return False
        return names_target or any(
            re.search(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])", task, re.IGNORECASE)
            for name in self.service.split("/")
            if name.strip()
        )


def _regex(entry: dict[str, Any], key: str, where: str, flags: int = 0) -> re.Pattern[str] | None:
    raw = entry.get(key)
    if raw is None:
        return None
    try:
        return re.compile(str(raw), flags)
    except re.error as exc:
        raise CatalogueError(f"{where}: `{key}` is not a regular expression: {exc}") from exc


def _entry(entry: dict[str, Any], index: int, file: str = CATALOGUE_FILE) -> Api:
    where = f"{file} entry {index + 1} ({entry.get('service', '?')})"
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise CatalogueError(f"{where}: unknown key {unknown[0]!r}")
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
    if not str(entry["docs"]).startswith("https://"):
        raise CatalogueError(f"{where}: `docs` is not an https:// address")
    path = _regex(entry, "path", where)
    assert path is not None
    methods = frozenset(str(m).upper() for m in entry["methods"])
    reads_secret = entry.get("reads_secret", False)
    if not isinstance(reads_secret, bool):
        raise CatalogueError(f"{where}: `reads_secret` is not true or false")
    if methods & _READS and not reads_secret:
        raise CatalogueError(
            f"{where}: reading ({', '.join(sorted(methods & _READS))}) never matches unless "
            "the entry says reads_secret = true"
        )
    if reads_secret and (op, on) != ("read", "credential"):
        raise CatalogueError(f"{where}: reads_secret is op read on credential")
    return Api(
        service=str(entry["service"]),
        path=path,
        methods=methods,
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
        headers=_regex(entry, "headers", where),
        query=_regex(entry, "query", where),
        reads_secret=reads_secret,
        asks=_regex(entry, "asks", where, re.IGNORECASE),
        file=file,
    )


def parse_catalogue(text: str, file: str = CATALOGUE_FILE) -> tuple[Api, ...]:
    """One catalogue file's entries; raises CatalogueError naming the file and the entry."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{file}: {exc}") from None
    return tuple(_entry(e, i, file) for i, e in enumerate(data.get("api", [])))


def catalogue_files() -> list[tuple[str, str]]:
    """The shipped catalogue's files as (name, text): admin_apis.toml, then admin_apis.d/*.toml,
    names relative to the package's data directory."""
    data = resources.files("forethought.review").joinpath("data")
    files = [(CATALOGUE_FILE, data.joinpath(CATALOGUE_FILE).read_text())]
    domain = data.joinpath(CATALOGUE_DIR)
    if domain.is_dir():
        for entry in sorted(domain.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                files.append((f"{CATALOGUE_DIR}/{entry.name}", entry.read_text()))
    return files


def combine(files: list[tuple[str, str]]) -> tuple[Api, ...]:
    """The entries of every file, in order; a service described in two files is refused."""
    out: list[Api] = []
    home: dict[str, str] = {}
    for file, text in files:
        for api in parse_catalogue(text, file):
            other = home.setdefault(api.service, file)
            if other != file:
                raise CatalogueError(f"{file}: service {api.service} is already in {other}")
            out.append(api)
    return tuple(out)


@functools.cache
def catalogue() -> tuple[Api, ...]:
    return combine(catalogue_files())


# Words of administration API paths and bodies that name no account, group or organisation.
_API_WORDS = frozenset(
    "api rest admin users user groups group orgs org organizations members member memberships "
    "invitations invitation owners owner roles role teams team accounts account projects project "
    "repos repo collaborators json true false null email emails name names type types value "
    "values directory applications application settings setting workspace channel channels "
    "service services maintenance windows downtime monitors users.invite invite assign "
    "v1.0 beta odata.id https http graph.microsoft.com www.example.com example.com".split()
)
_IDENTIFIER = re.compile(r"[\w.@+-]{4,}")


def _names_request(task: str, path: str, query: str, body: str) -> bool:
    """Whether ``task`` names what the request acts on: a word of its path, query or body (an
    account, a group's id, an organisation, an e-mail address) that is no word of the API's own."""
    if not task:
        return False
    low = task.lower()
    words = {w.lower().strip(".-") for w in _IDENTIFIER.findall(f"{path} {query} {body[:4000]}")}
    return any(
        len(w) >= 4
        and w not in _API_WORDS
        and not w.isdigit()
        and re.search(rf"(?<![\w@.-]){re.escape(w)}(?![\w@-])", low) is not None
        for w in words
    )


@functools.cache
def _services() -> tuple[tuple[tuple[str, ...], re.Pattern[str] | None], ...]:
    """Each entry's service names and hosts, once per service and hosts."""
    seen = dict.fromkeys(
        (tuple(n.strip() for n in api.service.split("/") if n.strip()), api.hosts)
        for api in catalogue()
    )
    return tuple(seen)


@functools.lru_cache(maxsize=1024)
def task_names_service_at(host: str, task: str) -> bool:
    """Whether ``task`` names the service that ``host`` serves: a service of the catalogue whose
    hosts match it, or whose name is part of it ("GitLab" for gitlab.example.com, a self-managed
    instance; "Okta" for the tenant in ``https://${yourOktaDomain}/api/v1/users``)."""
    if not task or not host:
        return False
    low = host.lower()
    for names, hosts in _services():
        named = [
            n
            for n in names
            if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", task, re.IGNORECASE)
        ]
        if not named:
            continue
        if hosts is not None and hosts.search(low):
            return True
        if any(len(n) >= 4 and n.lower().replace(" ", "") in low for n in named):
            return True
    return False


# A placeholder where a host belongs: `${yourOktaDomain}`, `{yourOktaDomain}`, `<your-host>`.
_TEMPLATE_HOST = re.compile(r"[${}<>]|%7b|%24", re.IGNORECASE)


@functools.cache
def _by_method(method: str) -> tuple[Api, ...]:
    """The entries a request of ``method`` may match, in catalogue order (a GET only those
    that read secrets)."""
    return tuple(api for api in catalogue() if method in api.methods)


def _header_lines(headers: Mapping[str, Any] | None) -> str:
    return "\n".join(f"{str(k).lower()}: {v}" for k, v in (headers or {}).items())


def effects_of(
    method: str,
    host: str,
    port: int | None,
    path: str,
    body: str,
    evidence: str,
    *,
    headers: Mapping[str, Any] | None = None,
    query: str = "",
    task: str = "",
) -> list[Effect]:
    """The effects of one request on the administration APIs the catalogue knows (the first
    entry that matches; none for an endpoint it does not know, nor for a read unless the entry
    reads secrets). ``headers`` are searched as ``name: value`` lines (names in lower case),
    ``query`` is the URL's query string; a ``task`` that asks for the entry's change and
    names its service caps the grade."""
    method = method.upper()
    candidates = _by_method(method)
    if not candidates:
        return []
    lines = _header_lines(headers)
    for api in candidates:
        if api.matches(method, host, port, path, body, lines, query):
            what = f"{api.what} ({api.name}: {method} {path})"
            severity, probability = api.severity, api.probability
            names_target = _names_request(task, path, query, body)
            if api.asked_by(task, names_target):
                g = grade_of(api.op, api.on)
                own = severity or (g.severity if g else ASKED_SEVERITY)
                # (the change asked for on what the task names is the work itself, as a shell
                # change the task asks for on its named target is; naming only the service
                # leaves a person to confirm the target)
                # (a secret read stays a person's to confirm: its value reaches the transcript)
                cap: Severity = "low" if names_target and api.op != "read" else ASKED_SEVERITY
                severity = min(own, cap, key=SEVERITIES.index)
                probability = min(
                    ASKED_PROBABILITY,
                    probability if probability is not None else (g.probability if g else 1.0),
                )
                what += " (the change the task asks for)"
            return [
                Effect(
                    op=api.op,
                    resource=api.on,
                    target=host,
                    evidence=evidence,
                    what=what,
                    severity=severity,
                    probability=probability,
                    reversible=api.reversible,
                    category="",
                )
            ]
    return []
