"""One recorded step: what the ledger stores and hands back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Event:
    """One ledger entry.

    ``hash`` is SHA-256 over ``prev_hash`` and the canonical JSON of
    ``{seq, ts, kind, run_id, payload}`` (see :mod:`forethought.ledger.chain`). ``payload`` is the
    stored canonical JSON parsed back, so an Event returned by ``append`` equals the one read later.
    """

    seq: int
    ts: float
    kind: str
    run_id: str | None
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts": self.ts,
            "kind": self.kind,
            "run_id": self.run_id,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }
