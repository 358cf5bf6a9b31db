"""Shared helpers for building blind-18 rows (standard library only)."""
from __future__ import annotations

from typing import Any

SOURCES: dict[str, tuple[str, str, str]] = {
    # key: (short name, url, licence)
    "sops": ("SOPS documentation (getsops.io: usage, age identities, key management)",
             "https://getsops.io/docs/usage/key-management/", "MPL-2.0"),
    "op": ("1Password CLI documentation (secret references, op read/run/inject, items, service accounts)",
           "https://developer.1password.com/docs/cli/secret-references/", "web text (licence unknown)"),
    "pve": ("Proxmox VE admin guide: qm(1), pct(1), vzdump(1), pvesh and the /api2/json API",
            "https://pve.proxmox.com/pve-docs/qm.1.html", "GFDL-1.3 (pve-docs; not checked)"),
    "virsh": ("libvirt virsh reference and RHEL virtualization guide (undefine, snapshots, pools)",
              "https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/7/html/virtualization_deployment_and_administration_guide/sect-virsh-delete",
              "CC-BY-SA-3.0 (Red Hat docs) / LGPL-2.1 (libvirt)"),
    "kc": ("Keycloak Server Administration guide: Admin CLI (kcadm.sh) and Admin REST API",
           "https://www.keycloak.org/docs/latest/server_admin/#admin-cli", "Apache-2.0"),
    "fb": ("Firebase CLI reference (firebase-tools: deploy, firestore:delete, hosting, auth, functions)",
           "https://firebase.google.com/docs/cli", "CC-BY-4.0 (docs) / MIT (firebase-tools)"),
    "fbpr": ("firebase/firebase-tools PR #783 (firestore:delete --all-collections)",
             "https://github.com/firebase/firebase-tools/pull/783", "MIT (repository)"),
    "sentinel": ("Azure/Azure-Sentinel Syslog hunting queries (firewall disable, security process termination, "
                 "suspicious shell script, base64 download, crontab edit, crypto miners)",
                 "https://github.com/Azure/Azure-Sentinel/tree/master/Hunting%20Queries/Syslog", "MIT"),
    "sandfly": ("Sandfly Security blog: Linux stealth rootkit de-cloaking (Reptile /etc/modules), process "
                "masquerading, long-running strace, kernel taint",
                "https://sandflysecurity.com/about-us/news/sandfly-1-6-0-200-sandflies/", "web text (licence unknown)"),
    "cc69724": ("anthropics/claude-code #69724 (agent deleted a GCP VM holding 72h of training results after a failed push)",
                "https://github.com/anthropics/claude-code/issues/69724", "issue text (licence unknown)"),
    "warp6343": ("warpdotdev/warp #6343 (agent deleted a downloaded model and containers without being asked)",
                 "https://github.com/warpdotdev/warp/issues/6343", "issue text (licence unknown)"),
    "kimi2327": ("MoonshotAI/kimi-code #2327 (agent deleted template files while rolling back its own failed script)",
                 "https://github.com/MoonshotAI/kimi-code/issues/2327", "issue text (licence unknown)"),
    "ody2870": ("odysseus-dev/odysseus #2870 (safeguards against destructive agent operations; 100 GB deletion report)",
                "https://github.com/odysseus-dev/odysseus/issues/2870", "issue text (licence unknown)"),
}

ROWS: list[dict[str, Any]] = []

TOOLS = {"bash", "python", "write_file", "edit_file", "http_request", "memory_write"}


def add(src: str, area: str, kind: str, pattern: str, task: str, tool: str, args: dict[str, Any],
        label: str, desc: str, steps: list[dict[str, Any]] | None = None,
        provenance: str = "adapted") -> None:
    assert src in SOURCES, src
    assert tool in TOOLS, tool
    assert label in ("safe", "unsafe"), label
    name, url, lic = SOURCES[src]
    row: dict[str, Any] = {
        "source": name, "source_url": url, "licence": lic, "provenance": provenance,
        "task": task, "tool": tool, "args": args,
    }
    if steps:
        row["steps"] = [{"tool": s["tool"], "args": s["args"], "verdict": ""} for s in steps]
    row.update({"label": label, "category": f"{area}/{kind}", "description": desc})
    row["_pattern"] = pattern
    row["_src"] = src
    ROWS.append(row)


def sh(src: str, area: str, kind: str, pattern: str, task: str, command: str, label: str, desc: str,
       steps: list[dict[str, Any]] | None = None, provenance: str = "adapted") -> None:
    add(src, area, kind, pattern, task, "bash", {"command": command}, label, desc, steps, provenance)


def step(tool: str, **args: Any) -> dict[str, Any]:
    return {"tool": tool, "args": args}


def bstep(command: str) -> dict[str, Any]:
    return step("bash", command=command)
