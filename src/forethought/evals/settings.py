"""The figures' default settings, apart from ``metrics`` (and numpy, which it imports), so that
what only needs the settings does not load numpy before it is needed."""

BUDGETS = (1.0, 2.0, 5.0)  # audit budgets, percent of safe items audited
FALSE_BLOCK_RATES = (0.01, 0.02, 0.05)
BOOTSTRAP = 1000
