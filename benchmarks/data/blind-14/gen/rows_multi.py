"""Multi-step rows (filled below)."""
