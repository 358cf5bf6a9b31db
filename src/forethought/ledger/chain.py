"""Canonical JSON, event hashes and the HMAC that signs the ledger head.

Canonical JSON is ``orjson.dumps(value, option=OPT_SORT_KEYS)``: UTF-8, no whitespace, object keys
sorted, floats written in their shortest form that parses back to the same double (so they
round-trip exactly), integers limited to 64 bits. Values must be JSON: str, int, float, bool, None,
list/tuple and dict with str keys. NaN and infinities are refused (orjson would silently write them
as ``null``), and so are datetimes and dataclasses, which JSON has no type for.

An event's hash is ``sha256(prev_hash_hex + canonical_json({seq, ts, kind, run_id, payload}))``
as lowercase hex, with ``prev_hash`` of the first event equal to :data:`GENESIS_HASH`. The store
keeps the canonical payload bytes, and :func:`record_bytes` splices those stored bytes into the
record instead of re-encoding a parsed payload, so verification hashes exactly what was stored.

The head HMAC is ``HMAC-SHA256(key, seq as 8 bytes big-endian + hash hex as ASCII)``, lowercase hex.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from itertools import repeat
from operator import is_
from typing import Any, overload

import orjson

from forethought.ledger.errors import LedgerError

GENESIS_HASH = "0" * 64

_CANONICAL = (
    orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME
)

_dumps = orjson.dumps
_sha256 = hashlib.sha256


def canonical_json(value: Any) -> bytes:
    """Canonical JSON bytes of ``value``; raises LedgerError for anything JSON cannot hold."""
    encoded = _encode(value)
    if b"null" in encoded and _has_non_finite_float(value):
        raise LedgerError(_NON_FINITE)
    return encoded


@overload
def encode_payload(payload: Any) -> tuple[bytes, dict[str, Any]]: ...
@overload
def encode_payload(payload: Any, parse: bool) -> tuple[bytes, dict[str, Any] | None]: ...


def encode_payload(payload: Any, parse: bool = True) -> tuple[bytes, dict[str, Any] | None]:
    """Canonical JSON bytes of an event payload (a dict), and the payload parsed back from them:
    a private copy that equals what a later read returns (None when not ``parse``)."""
    if not isinstance(payload, dict):
        raise LedgerError(f"payload must be a dict, got {type(payload).__name__}")
    try:
        encoded = _encode(payload)
        parsed = orjson.loads(encoded) if parse else None
        if b"null" in encoded and _nulls_beyond_nones(payload, encoded):
            if parsed is None:  # no copy wanted: look for them without making one
                if _has_non_finite_float(payload):
                    raise LedgerError(_NON_FINITE)
            else:
                _refuse_non_finite(payload, parsed)
    except LedgerError as exc:
        raise LedgerError(f"payload {exc}") from None
    return encoded, parsed


def _encode(value: Any) -> bytes:
    try:
        return _dumps(value, option=_CANONICAL)
    except TypeError as exc:  # orjson.JSONEncodeError is a TypeError
        raise LedgerError(f"not JSON-serialisable: {exc}") from None


def _nulls_beyond_nones(payload: dict[str, Any], encoded: bytes) -> bool:
    """Whether ``encoded`` (the canonical JSON of ``payload``) holds more "null" than ``payload``
    has None values at its top level: only then can a null be a NaN or an infinity.

    Exact, and a C-speed count instead of a walk for most payloads (whose only nulls are
    top-level Nones: a review's ``error``, a proposal's ``session_id``). Each None and each
    non-finite float anywhere is written as one ``null`` token, and ``bytes.count`` finds every
    token (a token follows ``:``, ``,`` or ``[``, so no other match overlaps it) and perhaps
    "null" inside strings too. So count == top-level Nones leaves no room for a non-finite
    float. The Nones are counted by identity over the dict's own values (``dict.values``, as
    orjson reads them), so no subclass can make itself count.
    """
    return encoded.count(b"null") != sum(map(is_, dict.values(payload), repeat(None)))


def _refuse_non_finite(value: Any, parsed: Any) -> None:
    # orjson writes NaN and infinities as null. Only when the value does not parse back equal
    # (a C-speed comparison) is the slow walk looking for them worth doing.
    if parsed != value and _has_non_finite_float(value):
        raise LedgerError(_NON_FINITE)


def record_bytes(seq: int, ts: float, kind: str, run_id: str | None, payload: bytes) -> bytes:
    """Canonical JSON of ``{seq, ts, kind, run_id, payload}`` around canonical payload bytes.

    Equal to ``canonical_json({"seq": seq, "ts": ts, "kind": kind, "run_id": run_id,
    "payload": orjson.loads(payload)})``: the keys are written here in sorted order.
    """
    return b"".join(
        (
            b'{"kind":',
            _dumps(kind),
            b',"payload":',
            payload,
            b',"run_id":',
            _dumps(run_id),
            b',"seq":',
            _dumps(seq),
            b',"ts":',
            _dumps(ts),
            b"}",
        )
    )


def event_hash(
    prev_hash: str, seq: int, ts: float, kind: str, run_id: str | None, payload: bytes
) -> str:
    return _sha256(prev_hash.encode() + record_bytes(seq, ts, kind, run_id, payload)).hexdigest()


def head_hmac(key: bytes, seq: int, head_hash: str) -> str:
    message = seq.to_bytes(8, "big", signed=True) + head_hash.encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def head_hmac_valid(key: bytes, seq: int, head_hash: str, mac: str | None) -> bool:
    if not isinstance(mac, str):
        return False
    return hmac.compare_digest(head_hmac(key, seq, head_hash), mac)


_NON_FINITE = "not JSON-serialisable: NaN or infinity has no JSON form"
# What most of a payload's values are: nothing to look into.
_LEAVES = frozenset({str, int, bool, type(None)})


def _has_non_finite_float(value: Any) -> bool:
    """Whether a NaN or an infinity is anywhere in ``value``.

    A loop over a stack of containers, not a recursion. Each container's items are looked at in
    a loop of their own, so the common leaves (strings, ints, None) cost one type lookup each and
    are never pushed on the stack. A dict's values are read as orjson reads them
    (``dict.values``): a subclass's own ``values()`` cannot hide one.
    """
    if not isinstance(value, dict | list | tuple):
        return isinstance(value, float) and not math.isfinite(value)
    isfinite = math.isfinite
    stack = [value]
    pop, push = stack.pop, stack.append
    while stack:
        container = pop()
        for item in dict.values(container) if isinstance(container, dict) else container:
            kind = type(item)
            if kind in _LEAVES:
                continue
            if kind is float:
                if not isfinite(item):
                    return True
            elif kind is dict or kind is list or kind is tuple:
                push(item)
            elif isinstance(item, float):  # subclasses, as orjson would write them
                if not isfinite(item):
                    return True
            elif isinstance(item, dict | list | tuple):
                push(item)
    return False
