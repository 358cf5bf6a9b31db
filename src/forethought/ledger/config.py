"""Where the ledger lives and which HMAC key signs its head, from the environment."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

LEDGER_PATH_ENV = "FORETHOUGHT_LEDGER"
LEDGER_KEY_ENV = "FORETHOUGHT_LEDGER_KEY"

_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")


def default_ledger_path() -> Path:
    """``$FORETHOUGHT_LEDGER`` if set, else ``<user data dir>/forethought/ledger.db``."""
    configured = os.environ.get(LEDGER_PATH_ENV)
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path("forethought") / "ledger.db"


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
