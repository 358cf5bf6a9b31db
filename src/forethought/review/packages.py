"""Package names that are one slip from a popular one: typosquats.

A package whose name is not itself among the most downloaded, but is one edit (a letter added,
dropped, changed or two swapped) or one separator or ``python``/``py`` affix away from a popular
one, is most often a typosquat: installing it runs its author's install scripts. The lists are
data (``review/data/popular-*.txt``, with their sources); the comparison is
Damerau-Levenshtein distance 1 on normalised names.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

Ecosystem = Literal["pypi", "npm"]
# Names shorter than this are too close to too many others to tell a slip from a choice.
MIN_LENGTH = 5
# How many of the most popular names a slip is measured against (all of the list is "known").
TARGETS = 600

_SEPARATORS = re.compile(r"[-_.]+")


def normalise(name: str, ecosystem: Ecosystem) -> str:
    name = name.strip().lower()
    if ecosystem == "pypi":
        name = re.split(r"[\[<>=!~;@ ]", name, maxsplit=1)[0]
        return _SEPARATORS.sub("-", name)
    if name.startswith("@"):
        return name  # a scoped name: the scope is the safeguard
    return name.split("@", 1)[0]


@functools.cache
def popular(ecosystem: Ecosystem) -> tuple[str, ...]:
    text = resources.files("forethought.review").joinpath(f"data/popular-{ecosystem}.txt")
    names = [ln.strip() for ln in text.read_text().splitlines()]
    return tuple(normalise(n, ecosystem) for n in names if n and not n.startswith("#"))


@functools.cache
def _known(ecosystem: Ecosystem) -> frozenset[str]:
    return frozenset(popular(ecosystem))


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance exactly 1 (adjacent transposition counts as one)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


def _affixed(name: str, target: str) -> bool:
    bare = name.replace("-", "")
    return bare != target.replace("-", "") and bare in {
        f"python{target}".replace("-", ""),
        f"{target}python".replace("-", ""),
        f"py{target}".replace("-", ""),
        f"{target}js".replace("-", ""),
        f"node{target}".replace("-", ""),
    }


@functools.lru_cache(maxsize=4096)
def squats(name: str, ecosystem: Ecosystem) -> str | None:
    """The popular package ``name`` looks like a slip of, or None."""
    n = normalise(name, ecosystem)
    if not n or n.startswith("@") or n in _known(ecosystem) or len(n) < MIN_LENGTH:
        return None
    bare = n.replace("-", "")
    for rank, target in enumerate(popular(ecosystem)):
        if len(target) < MIN_LENGTH:
            continue
        # a separator added or dropped (crossenv for cross-env) is a slip whatever the rank;
        # a letter only against the most popular, where squatters aim
        if bare == target.replace("-", ""):
            return target
        if rank < TARGETS and (_one_edit(n, target) or _affixed(n, target)):
            return target
    return None


# --------------------------------------------------------------------------------------------
# Releases known to be malicious (data/compromised.toml)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Compromised:
    ecosystem: str
    name: str
    versions: tuple[str, ...]
    what: str
    advisory: str


@functools.cache
def compromised_table() -> dict[tuple[str, str], Compromised]:
    """Every entry of ``data/compromised.toml``, by (ecosystem, lower-case name); a malformed
    entry is refused with the file and entry named."""
    text = resources.files("forethought.review").joinpath("data/compromised.toml").read_text()
    table: dict[tuple[str, str], Compromised] = {}
    for i, raw in enumerate(tomllib.loads(text).get("package", []), 1):
        where = f"review/data/compromised.toml: package {i}"
        try:
            entry = Compromised(
                str(raw["ecosystem"]),
                str(raw["name"]),
                tuple(str(v) for v in raw["versions"]),
                str(raw["what"]),
                str(raw["advisory"]),
            )
        except KeyError as missing:
            raise ValueError(f"{where}: {missing.args[0]} is missing") from None
        if entry.ecosystem not in ("npm", "pypi", "debian", "rubygems") or not entry.versions:
            raise ValueError(f"{where}: unknown ecosystem or no versions")
        table[(entry.ecosystem, entry.name.lower())] = entry
    return table


def compromised(ecosystem: str, name: str, version: str | None) -> Compromised | None:
    """The known-malicious release ``name`` at ``version`` is, if any (a name malicious in every
    version matches without one)."""
    entry = compromised_table().get((ecosystem, name.strip().lower()))
    if entry is None:
        return None
    if "*" in entry.versions or (version is not None and version.strip() in entry.versions):
        return entry
    return None


_PYPI_PIN = re.compile(r"^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(?:===?\s*([\w.!+-]+))?$")
_NPM_PIN = re.compile(r"^(@?[^@\s]+)(?:@([\w.+-]+))?$")
_DEB_PIN = re.compile(r"^([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9]+)?(?:=([\w.:+~-]+))?$")


def pinned(spec: str, ecosystem: str) -> tuple[str, str | None] | None:
    """(name, exact version or None) of an install argument: ``x==1.2`` (PyPI), ``x@1.2``
    (npm), ``x=1.2`` (Debian), ``x`` with no version; None for anything else."""
    pattern = {"pypi": _PYPI_PIN, "npm": _NPM_PIN, "debian": _DEB_PIN}.get(ecosystem)
    m = pattern.match(spec.strip()) if pattern else None
    return (m.group(1), m.group(2)) if m else None
