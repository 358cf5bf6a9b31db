"""The one exception the ledger raises."""


class LedgerError(Exception):
    """A ledger could not be opened, read or written. The message is one line naming the cause."""
