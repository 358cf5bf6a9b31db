"""placeholder"""
def rows() -> list[dict]:
    return []
