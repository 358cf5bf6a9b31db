from __future__ import annotations

from typing import Any


def rows() -> list[dict[str, Any]]:
    return []
