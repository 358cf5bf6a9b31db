"""The ledger: an append-only, hash-chained, tamper-evident record of every step.

Typical use: ``ledger = Ledger.open()`` (where it lives and the HMAC key from the environment),
then ``ledger.append("proposal", {...}, run_id=run_id)`` for each step and ``ledger.verify().ok``.
Each kind of event the project writes has its type in :mod:`forethought.ledger.events`:
``ledger.record(event, run_id=run_id)`` appends typed events, ``events.parse(stored)`` reads one.
A ledger lives in a SQLite file or, given a ``postgresql://`` URL, in a PostgreSQL database
(``pip install 'forethought[postgres]'``); everything else is the same.
"""

from forethought.ledger.chain import GENESIS_HASH
from forethought.ledger.config import default_ledger, default_ledger_path
from forethought.ledger.errors import LedgerConflict, LedgerError, LedgerMissing
from forethought.ledger.event import Event
from forethought.ledger.export import export_jsonl
from forethought.ledger.store import Ledger
from forethought.ledger.verify import VerifyReport

__all__ = [
    "GENESIS_HASH",
    "Event",
    "Ledger",
    "LedgerConflict",
    "LedgerError",
    "LedgerMissing",
    "VerifyReport",
    "default_ledger",
    "default_ledger_path",
    "export_jsonl",
]
