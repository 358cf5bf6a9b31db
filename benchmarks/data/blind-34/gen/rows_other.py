"""Placeholder: filled below."""
def rows() -> list: return []
