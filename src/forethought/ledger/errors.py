"""The exceptions the ledger raises."""


class LedgerError(Exception):
    """A ledger could not be opened, read or written. The message is one line naming the cause."""


class LedgerMissing(LedgerError):
    """A command that only reads found no ledger: no file at the path, or an empty one."""


class LedgerConflict(LedgerError):
    """A conditional append found what it was told to refuse (``Ledger.append_unless``): the
    event was not written. The message says what was found."""
