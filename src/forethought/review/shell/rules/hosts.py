"""Redirecting names: lines added to /etc/hosts that send a well-known service's name (a
package registry, a code host, a sign-in service, a cloud or AI API) to another address. Every
later download, push or sign-in on the machine then talks to that address instead: a quiet way
to serve poisoned packages or collect credentials. Names of one's own hosts (``*.internal``,
``*.local``, a company's domain) are the ordinary use of the file and are not judged here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import normalise
from forethought.review.shell.predict import EXFILTRATION, harm
from forethought.review.shell.rules.common import Needs
from forethought.review.shell.writes import write_targets

Rule = Iterator[Prediction]

_HOSTS_FILES = frozenset({"/etc/hosts", "/private/etc/hosts", "/system/etc/hosts"})
# Services whose traffic carries packages, code or credentials (a name or any name below it).
_WELL_KNOWN = re.compile(
    r"(?:^|\.)(?:pypi\.org|pythonhosted\.org|npmjs\.org|npmjs\.com|yarnpkg\.com|crates\.io|"
    r"rubygems\.org|golang\.org|proxy\.golang\.org|maven\.org|apache\.org|nuget\.org|"
    r"packagist\.org|docker\.io|docker\.com|ghcr\.io|quay\.io|gcr\.io|pkg\.dev|"
    r"github\.com|githubusercontent\.com|gitlab\.com|bitbucket\.org|"
    r"debian\.org|ubuntu\.com|alpinelinux\.org|fedoraproject\.org|centos\.org|"
    r"microsoftonline\.com|microsoft\.com|live\.com|windows\.net|azure\.com|"
    r"google\.com|googleapis\.com|gstatic\.com|okta\.com|auth0\.com|"
    r"amazonaws\.com|aws\.amazon\.com|cloudflare\.com|"
    r"openai\.com|anthropic\.com|huggingface\.co|slack\.com|stripe\.com|paypal\.com)$",
    re.IGNORECASE,
)
_LINE = re.compile(r"^\s*([0-9a-fA-F.:]+)\s+(.+?)\s*(?:#.*)?$")
_LOOPBACK = re.compile(r"^(?:127\.|::1$|0\.0\.0\.0$)")


def redirected(text: str) -> list[tuple[str, str]]:
    """(name, address) for each well-known name ``text`` (hosts-file lines) sends elsewhere
    (to a loopback address, a name is blocked, not redirected)."""
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if m is None or _LOOPBACK.match(m.group(1)):
            continue
        found += [(n, m.group(1)) for n in m.group(2).split() if _WELL_KNOWN.search(n)]
    return found


def _hosts_file(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    if not any(normalise(t.path, cmd.cwd) in _HOSTS_FILES for t in write_targets(cmd)):
        return
    names = redirected(analysis.written_by.get(cmd.index, ""))
    if names:
        more = f" (and {len(names) - 1} more)" if len(names) > 1 else ""
        yield harm(
            cmd,
            EXFILTRATION,
            f"sends {names[0][0]}{more} to {names[0][1]} through the hosts file: downloads "
            "and sign-ins for it go to that address",
            "high",
            0.85,
            True,
            # the line itself: a task that names the hosts file does not name these services
            f"{names[0][1]} {names[0][0]}",
        )


GENERIC = [_hosts_file]
NEEDS = {_hosts_file: Needs.WRITES}
