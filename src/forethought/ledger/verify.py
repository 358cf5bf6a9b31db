"""Verification: recompute the hash chain from the stored rows and compare it with the head.

What is detected, with no key:
  * an edited event (kind, ts, run_id or payload changed): its hash no longer matches;
  * an event deleted from the middle: a gap in seq, and the next event's prev_hash mismatches;
  * reordered events (rows or seqs swapped): hashes and prev_hashes mismatch;
  * an event whose hash was recomputed after an edit: the next event's prev_hash mismatches;
  * rows deleted from the tail while the head record was left alone ("naive" truncation);
  * rows added behind the ledger's back, past the head record.

What is NOT detected without a key: an attacker with write access to the file who rewrites the
tail of the chain (or all of it) *and* the head record consistently, e.g. deletes the last rows
and sets the head to the new last event. Everything in the file is then self-consistent.

With an HMAC key (``FORETHOUGHT_LEDGER_KEY``) the head record carries HMAC(key, seq || hash), so
such a rewrite is caught unless the attacker has the key. Two attacks remain that only an external
checkpoint (``Ledger.checkpoint()`` stored elsewhere, then ``verify(checkpoint=...)``) catches:
rolling the whole file back to an earlier copy, or truncating to a point whose signed head the
attacker saw before; and deleting the file outright, after which a fresh ledger is started.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from forethought.ledger.chain import GENESIS_HASH, event_hash, head_hmac_valid
from forethought.ledger.errors import LedgerError
from forethought.ledger.storage import HeadRow, Snapshot

MAX_LISTED_PROBLEMS = 100


@dataclass
class VerifyReport:
    """``ok`` is True when no problem was found; each problem is one line naming a seq."""

    ok: bool
    checked: int
    problems: list[str] = field(default_factory=list)


class _Problems:
    """Collects problem lines, keeping the first few hundred and counting the rest."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.unlisted = 0

    def add(self, line: str) -> None:
        if len(self.lines) < MAX_LISTED_PROBLEMS:
            self.lines.append(line)
        else:
            self.unlisted += 1

    def finish(self) -> list[str]:
        if self.unlisted:
            return [*self.lines, f"... and {self.unlisted} more problems not listed"]
        return self.lines


def _seq_range(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}..{last}"


def _short(digest: Any) -> str:
    return f"{str(digest)[:12]}..."


def verify_chain(
    snapshot: Snapshot,
    *,
    hmac_key: bytes | None = None,
    checkpoint: Mapping[str, Any] | None = None,
) -> VerifyReport:
    """Check the chain, the head record and optionally a checkpoint.

    ``snapshot`` (see :mod:`forethought.ledger.storage`) gives the head and the rows from one
    moment while other processes keep appending.
    """
    wanted = _parse_checkpoint(checkpoint) if checkpoint is not None else None
    problems = _Problems()
    checked = 0
    try:
        head = snapshot.head()
        checked, last_seq, last_hash = _check_rows(snapshot, problems)
        _check_head(head, last_seq, last_hash, hmac_key, problems)
        if wanted is not None:
            _check_checkpoint(snapshot, wanted, last_seq, hmac_key, problems)
    except LedgerError as exc:
        text = str(exc)
        problems.add(f"seq ?: {text if 'unreadable' in text else f'ledger unreadable: {text}'}")
    lines = problems.finish()
    return VerifyReport(ok=not lines, checked=checked, problems=lines)


def _check_rows(snapshot: Snapshot, problems: _Problems) -> tuple[int, int, str]:
    rows = snapshot.rows()
    expected_seq = 1
    prev_hash = GENESIS_HASH
    checked = 0
    for seq, ts, kind, run_id, payload, stored_prev, stored_hash in rows:
        checked += 1
        if seq != expected_seq:
            if seq > expected_seq:
                missing = _seq_range(expected_seq, seq - 1)
                problems.add(
                    f"seq {missing}: missing (chain jumps from seq {expected_seq - 1} to {seq}; "
                    "events deleted)"
                )
            else:
                problems.add(f"seq {seq}: not a valid sequence number (the chain starts at 1)")
        elif stored_prev != prev_hash:
            problems.add(
                f"seq {seq}: prev_hash {_short(stored_prev)} does not match the hash of seq "
                f"{seq - 1} {_short(prev_hash)} (an event before it was removed, replaced, "
                "rehashed or reordered)"
            )
        try:
            recomputed = event_hash(stored_prev, seq, ts, kind, run_id, payload)
        except (TypeError, AttributeError, ValueError):
            problems.add(f"seq {seq}: malformed row (a column has the wrong type)")
        else:
            if recomputed != stored_hash:
                problems.add(
                    f"seq {seq}: hash mismatch: stored {_short(stored_hash)}, recomputed "
                    f"{_short(recomputed)} (kind, ts, run_id or payload was changed)"
                )
        prev_hash = stored_hash
        expected_seq = seq + 1
    return checked, expected_seq - 1, prev_hash


def _check_head(
    head: HeadRow | None,
    last_seq: int,
    last_hash: str,
    hmac_key: bytes | None,
    problems: _Problems,
) -> None:
    if head is None:
        problems.add(f"seq {last_seq}: head record missing (it anchors the end of the chain)")
        return
    head_seq, head_hash, mac = head
    if not isinstance(head_seq, int):
        problems.add(f"seq {last_seq}: head record malformed (seq {head_seq!r})")
        return
    if head_seq > last_seq:
        missing = _seq_range(last_seq + 1, head_seq)
        problems.add(
            f"seq {missing}: missing at the tail (head record says the chain ends at seq "
            f"{head_seq}, the last event is seq {last_seq}; truncated)"
        )
    elif head_seq < last_seq:
        problems.add(
            f"seq {_seq_range(head_seq + 1, last_seq)}: events past the head record (head says "
            f"the chain ends at seq {head_seq}; rows added outside the ledger, or head rewound)"
        )
    elif head_hash != last_hash:
        problems.add(
            f"seq {head_seq}: head record hash {_short(head_hash)} differs from the event's hash "
            f"{_short(last_hash)} (last event or head rewritten)"
        )
    if hmac_key is None:
        return
    if mac is None:
        problems.add(
            f"seq {head_seq}: head record has no HMAC although a key is set (head rewritten, "
            "or written by a process without the key)"
        )
    elif not _hmac_ok(hmac_key, head_seq, head_hash, mac):
        problems.add(
            f"seq {head_seq}: head HMAC invalid (head rewritten without the key, "
            "or signed with a different key)"
        )


def _hmac_ok(key: bytes, seq: Any, digest: Any, mac: Any) -> bool:
    try:
        return head_hmac_valid(key, seq, digest, mac)
    except (TypeError, AttributeError, OverflowError):
        return False


def _parse_checkpoint(checkpoint: Mapping[str, Any]) -> tuple[int, str, str | None]:
    try:
        seq, digest = checkpoint["seq"], checkpoint["hash"]
    except (KeyError, TypeError):
        raise LedgerError("checkpoint must be a mapping with 'seq' and 'hash'") from None
    mac = checkpoint.get("hmac")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise LedgerError(f"checkpoint seq must be a non-negative integer, got {seq!r}")
    if not isinstance(digest, str) or (mac is not None and not isinstance(mac, str)):
        raise LedgerError("checkpoint hash and hmac must be strings")
    return seq, digest, mac


def _check_checkpoint(
    snapshot: Snapshot,
    wanted: tuple[int, str, str | None],
    last_seq: int,
    hmac_key: bytes | None,
    problems: _Problems,
) -> None:
    seq, digest, mac = wanted
    if hmac_key is not None and mac is not None and not _hmac_ok(hmac_key, seq, digest, mac):
        problems.add(f"seq {seq}: checkpoint HMAC invalid (checkpoint not made with this key)")
    if seq == 0:
        found = GENESIS_HASH
    else:
        row = snapshot.hash_at(seq)
        if row is None:
            problems.add(
                f"seq {seq}: checkpointed event missing (the chain ends at seq {last_seq}; "
                "truncated or rolled back)"
            )
            return
        found = row[0]
    if found != digest:
        problems.add(
            f"seq {seq}: event hash {_short(found)} differs from the checkpoint's "
            f"{_short(digest)} (history rewritten since the checkpoint)"
        )
