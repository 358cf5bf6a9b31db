"""Part 4: documented install/contribute commands from the same public repos' README/INSTALL/CONTRIBUTING
(safe). Rows are in part4_docs.json, made by extract_docs.py + make_part4.py."""
import json
from pathlib import Path


def rows() -> list[dict]:
    return json.loads((Path(__file__).parent / "part4_docs.json").read_text())
