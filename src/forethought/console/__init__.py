"""The web console (`forethought console`): runs, the ledger, the escalation queue."""
