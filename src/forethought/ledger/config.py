"""Where the ledger lives and which HMAC key signs its head, from the environment.

A ledger is named by a file path (SQLite) or by a ``postgresql://`` URL (PostgreSQL, for several
processes on several hosts sharing one chain). :func:`ledger_target` tells them apart; a URL is
kept as text (``pathlib`` would fold its ``//``), and :func:`redact_url` is how it is shown.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path

import platformdirs

LEDGER_PATH_ENV = "FORETHOUGHT_LEDGER"
LEDGER_KEY_ENV = "FORETHOUGHT_LEDGER_KEY"

DATABASE_SCHEMES = ("postgresql://", "postgres://")

# Where a ledger lives: a SQLite file, or a PostgreSQL URL (text).
LedgerTarget = Path | str

_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")


def is_database_url(value: object) -> bool:
    """Whether ``value`` is a ``postgresql://`` (or ``postgres://``) URL rather than a file."""
    return isinstance(value, str) and value.strip().lower().startswith(DATABASE_SCHEMES)


def ledger_target(value: str | Path) -> LedgerTarget:
    """A PostgreSQL URL as the text given, anything else as a file path (``~`` expanded)."""
    if is_database_url(value):
        return str(value).strip()
    return Path(value).expanduser()


def default_ledger() -> LedgerTarget:
    """``$FORETHOUGHT_LEDGER`` (a path or a URL) if set, else the user's ``ledger.db``."""
    configured = os.environ.get(LEDGER_PATH_ENV)
    if configured:
        return ledger_target(configured)
    return platformdirs.user_data_path("forethought") / "ledger.db"


def default_ledger_path() -> Path | None:
    """The file of the default ledger: ``$FORETHOUGHT_LEDGER`` if set, else
    ``<user data dir>/forethought/ledger.db``; None when the variable names a database URL."""
    chosen = default_ledger()
    return chosen if isinstance(chosen, Path) else None


def ledger_file(target: str | Path | None) -> Path | None:
    """The SQLite file of ``target``; None for a database URL or None."""
    if target is None or is_database_url(target):
        return None
    return Path(target).expanduser()


def redact_url(url: str) -> str:
    """``url`` with any password (in the user part or a ``password=`` parameter) as ``***``:
    the form a URL is shown in, in messages and listings."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, hosts = netloc.rpartition("@")
            user, colon, _ = userinfo.partition(":")
            netloc = f"{user}{':***' if colon else ''}@{hosts}"
        query = "&".join(
            f"{name}=***" if name.lower() == "password" else f"{name}{sep}{value}"
            for name, sep, value in (p.partition("=") for p in parts.query.split("&") if p)
        )
        return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        scheme = url.strip().partition("://")[0]
        return f"{scheme}://***"


def url_secrets(url: str) -> list[str]:
    """The password(s) written in ``url``, raw and percent-decoded: what a message must never
    show."""
    found: list[str] = []
    try:
        parts = urllib.parse.urlsplit(url.strip())
        userinfo = parts.netloc.rpartition("@")[0]
        if ":" in userinfo:
            found.append(userinfo.partition(":")[2])
        for name, _, value in (p.partition("=") for p in parts.query.split("&") if p):
            if name.lower() == "password":
                found.append(value)
    except ValueError:
        pass
    found += [urllib.parse.unquote(s) for s in found]
    return sorted({s for s in found if s}, key=len, reverse=True)


def scrub(text: str, url: str) -> str:
    """``text`` (a driver's error message) on one line, the URL shown redacted and any password
    from it replaced by ``***``."""
    text = text.replace(url.strip(), redact_url(url))
    for secret in url_secrets(url):
        text = text.replace(secret, "***")
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def parse_hmac_key(text: str) -> bytes:
    """A key given as hex (even number of hex digits) is decoded; anything else is used as UTF-8."""
    text = text.strip()
    if _HEX.fullmatch(text):
        return bytes.fromhex(text)
    return text.encode("utf-8")


def hmac_key_from_env() -> bytes | None:
    """The administrator's key from ``$FORETHOUGHT_LEDGER_KEY``, or None when unset or empty."""
    configured = os.environ.get(LEDGER_KEY_ENV, "")
    return parse_hmac_key(configured) if configured.strip() else None
