"""The exceptions the ledger raises."""


class LedgerError(Exception):
    """A ledger could not be opened, read or written. The message is one line naming the cause."""


class LedgerMissing(LedgerError):
    """A command that only reads found no ledger: no file at the path, or an empty one."""
