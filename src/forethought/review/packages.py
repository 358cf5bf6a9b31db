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
