"""The ledger in a database: what would change it, so that self-protection can refuse it.

A ledger kept in PostgreSQL is a database, not a file, so the path checks of
:mod:`forethought.review.self_protection` cannot see it. An action tampers with it where it
writes to the ledger's tables (``events``, ``head``, ``ledger_meta``) or turns their triggers off
in text that names the ledger's database (its URL or its database name), drops that database, or
writes to ``ledger_meta`` anywhere (no other table has that name). Tampering the database allows
is still caught by ``forethought ledger verify`` (the triggers and the head's HMAC); this stops it
before it runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

_TABLES = r"(?:events|head|ledger_meta)"
_WRITE = re.compile(
    rf"\b(?:delete\s+from|update|truncate(?:\s+table)?|insert\s+into|alter\s+table|"
    rf"drop\s+table(?:\s+if\s+exists)?|copy)\s+(?:only\s+)?(?:\"?\w+\"?\.)?\"?{_TABLES}\"?(?![\w.])"
    r"|\b(?:disable|drop)\s+trigger\b|\bsession_replication_role\b",
    re.IGNORECASE,
)
_META = re.compile(
    r"\b(?:delete\s+from|update|truncate(?:\s+table)?|insert\s+into|alter\s+table|drop\s+table)"
    r"\s+(?:if\s+exists\s+)?(?:\"?\w+\"?\.)?\"?ledger_meta\b",
    re.IGNORECASE,
)
# Database names too common to say, on their own, that a text is about the ledger.
_GENERIC = frozenset({"postgres", "template0", "template1", ""})


@dataclass(frozen=True, slots=True)
class LedgerDatabase:
    url: str
    name: str

    @classmethod
    def of(cls, url: str) -> LedgerDatabase | None:
        if not url.startswith(("postgresql://", "postgres://")):
            return None
        return cls(url.split("?", 1)[0], urlsplit(url).path.lstrip("/"))

    def named_in(self, text: str) -> bool:
        if self.url in text:
            return True
        return self.name not in _GENERIC and (
            re.search(rf"(?<![\w.-]){re.escape(self.name)}(?![\w-])", text) is not None
        )

    def dropped_in(self, text: str) -> bool:
        if self.name in _GENERIC:
            return False
        name = re.escape(self.name)
        return (
            re.search(rf"\bdropdb\b[^\n;|&]*(?<![\w.-]){name}(?![\w-])", text) is not None
            or re.search(rf"\bdrop\s+database\s+(?:if\s+exists\s+)?\"?{name}\b", text, re.I)
            is not None
        )


def tampering(text: str, databases: Iterable[LedgerDatabase]) -> str | None:
    """What ``text`` (a command, code, a tool's arguments) would do to a ledger database, or
    None."""
    if _META.search(text):
        return "writes to the ledger's ledger_meta table"
    for db in databases:
        if db.dropped_in(text):
            return f"drops the ledger's database {db.name}"
        match = _WRITE.search(text)
        if match is not None and db.named_in(text):
            return f"changes the ledger database's tables ({match.group(0).strip()})"
    return None
