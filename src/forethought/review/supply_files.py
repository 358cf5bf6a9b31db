"""Dependency and packaging files: what a write to them makes the next install run.

A line added to ``requirements*.txt``, ``pyproject.toml``, ``setup.cfg``, ``Pipfile`` or
``package.json`` is code that the next ``pip install`` or ``npm install`` downloads and runs:
judged by what it names, not by the file's path. A package whose name is a slip of a popular one
(:mod:`forethought.review.packages`), a dependency fetched straight from a URL or a git host that
is not on the policy's allow list, and a changed package index are supply-chain effects;
``.pre-commit-config.yaml`` repositories from unknown hosts likewise run on every commit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from forethought.review.base import Prediction, Severity
from forethought.review.packages import Compromised, Ecosystem, compromised, squats

_PYTHON_DEPS = re.compile(
    r"(?:^|/)(?:requirements[^/]*\.(?:txt|in)|constraints[^/]*\.txt|pyproject\.toml|setup\.cfg|"
    r"Pipfile)$"
)
_NODE_DEPS = re.compile(r"(?:^|/)package\.json$")
_PRE_COMMIT = re.compile(r"(?:^|/)\.pre-commit-config\.ya?ml$")
_URL = re.compile(r"(?:git\+)?(?:https?|ssh|git)://[^\s'\"\],;#]+")
_INDEX = re.compile(r"^\s*(?:-i|--index-url|--extra-index-url|--find-links|-f)[\s=]+(\S+)", re.M)
# A requirement's name at the start of a requirements line or of a quoted dependency string.
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@]|$)")
_QUOTED = re.compile(
    r"[\"']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@][^\"']*)?[\"']"
)
# A dependency's version (not a script's command): "^1.2", "~0.3", "1.x", "*", "latest", "npm:..."
_VERSION_SPEC = re.compile(r"^(?:[\^~<>=*]|\d|latest$|next$|npm:|git|https?:|file:|workspace:)")
_NPM_DEP = re.compile(r"\"(@?[a-z0-9][a-z0-9._/-]*)\"\s*:\s*\"([^\"]*)\"", re.I)


def _host_allowed(url: str, allowed_hosts: Sequence[str]) -> bool:
    host = (urlsplit(url.removeprefix("git+")).hostname or "").lower()
    for pattern in allowed_hosts:
        p = pattern.lower()
        if host == p or (p.startswith("*.") and host.endswith(p[1:])):
            return True
    return False


def _added(old: str, new: str) -> str:
    """The lines of ``new`` that ``old`` did not have."""
    before = set(old.splitlines())
    return "\n".join(line for line in new.splitlines() if line not in before)


def _harm(outcome: str, evidence: str, severity: Severity = "high", p: float = 0.6) -> Prediction:
    return Prediction(
        outcome,
        "harm",
        p,
        severity,
        False,
        evidence[:200],
        "remote_code_execution",
    )


_PYPI_EXACT = re.compile(
    r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([\w.!+-]+)", re.MULTILINE
)
_NPM_EXACT = re.compile(r"\"(@?[a-z0-9][a-z0-9._/-]*)\"\s*:\s*\"=?v?(\d[\w.+-]*)\"", re.I)


def _compromised_pins(text: str, ecosystem: Ecosystem | None) -> tuple[Compromised, str] | None:
    """A release published by an attacker that the added lines pin exactly (``x==1.2`` in a
    requirements file, ``"x": "1.2.3"`` in package.json)."""
    pattern = {"pypi": _PYPI_EXACT, "npm": _NPM_EXACT}.get(ecosystem or "")
    for m in pattern.finditer(text) if pattern else ():
        entry = compromised(str(ecosystem), m.group(1), m.group(2))
        if entry is not None:
            return entry, m.group(2)
    return None


def supply_predictions(
    path: str, old: str, new: str, allowed_hosts: Sequence[str] = ()
) -> list[Prediction]:
    """What the lines a write adds to a dependency or packaging file will make installs run."""
    ecosystem: Ecosystem | None = (
        "pypi" if _PYTHON_DEPS.search(path) else "npm" if _NODE_DEPS.search(path) else None
    )
    pre_commit = bool(_PRE_COMMIT.search(path))
    if ecosystem is None and not pre_commit:
        return []
    text = _added(old, new)
    found: list[Prediction] = []
    for url in _URL.findall(text):
        if not _host_allowed(url, allowed_hosts):
            what = "a pre-commit hook that runs on every commit" if pre_commit else "a dependency"
            found.append(
                _harm(f"{path} now fetches {what} from {url}, a host not on the allow list", url)
            )
            break
    for m in _INDEX.finditer(text):
        found.append(_harm(f"{path} now installs packages from the index {m.group(1)}", m.group(0)))
        break
    if ecosystem == "pypi":
        names = [r.group(1) for line in text.splitlines() if (r := _REQUIREMENT.match(line))]
        names += [q.group(1) for q in _QUOTED.finditer(text)]
    elif ecosystem == "npm":
        names = [m.group(1) for m in _NPM_DEP.finditer(text) if _VERSION_SPEC.match(m.group(2))]
    else:
        names = []
    bad = _compromised_pins(text, ecosystem)
    if bad is not None:
        entry, version = bad
        found.append(
            _harm(
                f"{path} now pins {entry.name} {version}, a release published by an attacker: it "
                f"{entry.what} ({entry.advisory})",
                f"{entry.name} {version}",
                "critical",
                0.9,
            )
        )
    for name in names:
        target = squats(name, ecosystem) if ecosystem else None
        if target is not None:
            found.append(
                _harm(
                    f"{path} now depends on `{name}`, one slip from the popular package "
                    f"`{target}`: a typosquat's install scripts run its author's code",
                    name,
                )
            )
            break
    return found
