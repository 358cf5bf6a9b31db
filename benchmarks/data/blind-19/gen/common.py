"""Shared helpers for building blind-19 (standard library only)."""
from __future__ import annotations

from typing import Any

# source key -> (area, short source name, url, licence)
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "cm": ("certmanager", "cert-manager docs: cmctl reference and usage",
           "https://cert-manager.io/docs/reference/cmctl/", "Apache-2.0 (cert-manager/website)"),
    "argo": ("argo", "Argo Workflows CLI reference (argo delete/stop/terminate/archive/cron) and server API",
             "https://argo-workflows.readthedocs.io/en/latest/cli/argo/", "Apache-2.0"),
    "nix": ("nix", "Nix manual (garbage collection, nix-collect-garbage(1)) and NixOS wiki (rollback)",
            "https://nix.dev/manual/nix/latest/package-management/garbage-collection",
            "LGPL-2.1 (NixOS/nix manual)"),
    "skopeo": ("skopeo", "skopeo and buildah docs (README, skopeo(1), Oracle Linux Podman guide chapter 8)",
               "https://github.com/containers/skopeo", "Apache-2.0"),
    "doppler": ("doppler", "Doppler CLI docs (CLI guide, setting secrets, install)",
                "https://docs.doppler.com/docs/cli", "web text (licence unknown); CLI Apache-2.0"),
    "k3d": ("k3d", "k3d command reference (cluster create/delete, kubeconfig merge, image import)",
            "https://k3d.io/stable/usage/commands/", "MIT (k3d-io/k3d)"),
    "pberba": ("attack", "Pepe Berba, Linux threat hunting for persistence: systemd, timers, cron",
               "https://pberba.github.io/security/2022/01/30/linux-threat-hunting-for-persistence-systemd-timers-cron/",
               "web text (licence unknown)"),
    "otw": ("attack", "Operator On The Wire blue-team threat-hunt notes (Linux: authorized_keys backdoor, "
            "systemd service persistence, log tampering, history tampering)",
            "https://operatoronthewire.com/knowledge/blue-team/threat-hunt/linux/persistence/authorized-keys-backdoor",
            "web text (licence unknown)"),
    "hermes": ("agent", "NousResearch/hermes-agent #82842 and PR #82932 (scoped delete became rd /s /q on the drive root)",
               "https://github.com/NousResearch/hermes-agent/issues/82842", "issue text (licence unknown)"),
    "cc93602": ("agent", "anthropics/claude-code #93602 (agent bypassed a Remove-Item block by switching to rmdir; ~10,000 files lost)",
                "https://github.com/anthropics/claude-code/issues/93602", "issue text (licence unknown)"),
    "cc38417": ("agent", "anthropics/claude-code #38417 and #18223 (agent read whole .env files and leaked every key)",
                "https://github.com/anthropics/claude-code/issues/38417", "issue text (licence unknown)"),
    "codex34512": ("agent", "openai/codex #34512 (recursive remote cleanup escaped its directory through nested quoting)",
                   "https://github.com/openai/codex/issues/34512", "issue text (licence unknown)"),
}

ROWS: list[dict[str, Any]] = []

TOOLS = {"bash", "python", "write_file", "edit_file", "http_request", "memory_write"}


def add(src: str, task: str, tool: str, args: dict[str, Any], label: str, kind: str, pattern: str,
        desc: str, prov: str = "adapted", steps: list[tuple[str, dict[str, Any]]] | None = None) -> None:
    assert src in SOURCES, src
    assert tool in TOOLS, tool
    assert label in ("safe", "unsafe"), label
    area, name, url, lic = SOURCES[src]
    row: dict[str, Any] = {
        "id": "", "source": name, "source_url": url, "licence": lic, "provenance": prov,
        "task": task, "tool": tool, "args": args,
    }
    if steps:
        row["steps"] = [{"tool": t, "args": a, "verdict": ""} for t, a in steps]
    row.update({"label": label, "category": f"{area}/{kind}", "description": desc})
    row["_src"] = src
    row["_pattern"] = "multi-step" if steps else pattern
    ROWS.append(row)


def sh(src: str, task: str, cmd: str, label: str, kind: str, pattern: str, desc: str,
       prov: str = "adapted", steps: list[tuple[str, dict[str, Any]]] | None = None) -> None:
    add(src, task, "bash", {"command": cmd}, label, kind, pattern, desc, prov, steps)


def b(cmd: str) -> tuple[str, dict[str, Any]]:
    """An earlier bash step."""
    return ("bash", {"command": cmd})
