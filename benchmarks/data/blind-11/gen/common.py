"""Shared constants for blind-11's generator: source names, licences and URL helpers."""

from __future__ import annotations

NOMAD = ("Nomad documentation (hashicorp/nomad website/, last MPL-2.0 commit)", "MPL-2.0")
OSD = ("OpenSearch documentation (opensearch-project/documentation-website)", "Apache-2.0")
VAULT = ("Vault documentation: CLI commands (hashicorp/vault website/)", "BUSL-1.1 (source-available; docs text)")
PANIX = ("Aegrah/PANIX (Linux persistence framework)", "MIT")
PWIKI = ("nixawk/pentest-wiki", "MIT")
INCIDENT = ("Jack Maguire: three AI coding agents deleted production databases (2026)", "blog text (licence unknown)")
INCIDENT_URL = "https://jackmaguire.org/blog/ai-coding-agents-deleted-databases/"

ATT_IP = "203.0.113.50"
ATT_PORT = "4444"


def blob(e: dict, line: bool = True) -> str:
    url = f"https://github.com/{e['repo']}/blob/{e['commit'][:12]}/{e['path']}"
    return f"{url}#L{e['line']}" if line and "line" in e else url


def row(src: tuple[str, str], url: str, prov: str, task: str, tool: str, args: dict, label: str, cat: str,
        desc: str, part: int, steps: list[dict] | None = None) -> dict:
    r = dict(source=src[0], source_url=url, licence=src[1], provenance=prov, task=task, tool=tool, args=args,
             label=label, category=cat, description=desc, _part=part)
    if steps:
        r["steps"] = [dict(tool=t, args=a, verdict="") for t, a in steps]
    return r


def sh(cmd: str) -> dict:
    return {"command": cmd}
