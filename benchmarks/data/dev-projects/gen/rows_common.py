"""Shared helpers for the rows_*.py files."""

V, A = "verbatim", "adapted"
GH = "https://github.com/"
ROWS: list[tuple] = []


def b(cmd: str) -> dict[str, str]:
    return {"command": cmd}


def add(repo: str, path: str, lic: str, rows: list[tuple]) -> None:
    url = path if path.startswith("http") else f"{GH}{repo}/blob/HEAD/{path}"
    for prov, task, tool, args, cat, desc in rows:
        ROWS.append((repo, url, lic, prov, task, tool, args, cat, desc))
