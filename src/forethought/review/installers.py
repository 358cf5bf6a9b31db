"""Official install scripts (``data/installers.toml``): the addresses from which tools' own
documentation pipes a script into a shell, and the words a task uses for each tool."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Installer:
    tool: str
    names: tuple[str, ...]
    urls: tuple[str, ...]
    docs: str


class InstallersError(ValueError):
    """An entry of the installer table that does not follow the format."""


def parse_installers(text: str) -> tuple[Installer, ...]:
    """Parse the table; raises InstallersError naming the entry that is wrong."""
    found: list[Installer] = []
    for number, entry in enumerate(tomllib.loads(text).get("installer", []), 1):
        where = f"installer #{number} ({entry.get('tool', '?')})"
        names, urls, docs = entry.get("names"), entry.get("urls"), entry.get("docs")
        if not isinstance(entry.get("tool"), str) or not names or not urls:
            raise InstallersError(f"{where}: needs tool, names and urls")
        if not all(isinstance(u, str) and u.startswith("https://") for u in urls):
            raise InstallersError(f"{where}: every url must be an https:// address")
        if not isinstance(docs, str) or not docs.startswith("https://"):
            raise InstallersError(f"{where}: docs must be the https:// page documenting it")
        found.append(Installer(entry["tool"], tuple(names), tuple(urls), docs))
    return tuple(found)


@functools.cache
def installers() -> tuple[Installer, ...]:
    text = resources.files("forethought.review").joinpath("data/installers.toml").read_text()
    return parse_installers(text)


def official(url: str) -> Installer | None:
    """The tool whose official install script ``url`` is, or None: the same https host
    exactly (``https://sh.rustup.rs.example.com`` is not ``https://sh.rustup.rs``), a path
    starting with the entry's."""
    host, path = _split(url)
    if not host:
        return None
    for installer in installers():
        for prefix in installer.urls:
            want_host, want_path = _split(prefix)
            if host == want_host and path.startswith(want_path):
                return installer
    return None


def _split(url: str) -> tuple[str, str]:
    if not url.startswith("https://"):
        return "", ""
    parts = urlsplit(url)
    if parts.username or parts.password or parts.port not in (None, 443):
        return "", ""
    return (parts.hostname or "").lower(), parts.path or "/"


def named_by(installer: Installer, task: str) -> bool:
    """Whether ``task`` names the tool (a whole word or phrase, any case)."""
    return any(
        re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", task, re.IGNORECASE) is not None
        for name in installer.names
    )
