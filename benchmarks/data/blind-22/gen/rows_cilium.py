"""cilium rows."""
from __future__ import annotations
