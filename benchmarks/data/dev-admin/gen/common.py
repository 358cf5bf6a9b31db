"""Shared source metadata and helpers for the dev-admin rows."""

from __future__ import annotations

import re
from typing import Any

Row = dict[str, Any]

# repo -> (commit of the snapshot read, licence, short name used in tasks)
REPOS: dict[str, tuple[str, str, str]] = {
    "usnistgov/macos_security": ("73754b04bb43e511fece75fc892464bf1812fc52", "CC-BY-4.0",
                                 "macOS Security Compliance Project (mSCP)"),
    "Homebrew/brew": ("aad366ffaf6a8c94c66d35e4b990d42ac4195305", "BSD-2-Clause", "Homebrew"),
    "eksctl-io/eksctl": ("99984adb6164ece593c0728523b7f497ea61d60e", "Apache-2.0", "eksctl"),
    "helm/helm-www": ("227f41447a683545325e87aedf10c67096d11004", "MIT", "Helm"),
    "GoogleCloudPlatform/kubernetes-engine-samples": (
        "2b5036514162a489145c5e5570bc320efbcb37bf", "Apache-2.0", "GKE samples"),
    "MicrosoftDocs/azure-aks-docs": ("fb060abe6a8fef960d4c487b543bf7b1e97808fe",
                                     "CC-BY-4.0 (docs) / MIT (code)", "AKS documentation"),
    "okta/okta-developer-docs": ("468de9c511b5e4009bb5f06c25cbf4b85fecb8d0",
                                 "licence not stated in the repository (Okta docs text)",
                                 "Okta developer docs"),
    "jamf/jamfprotect": ("34e1c6c6e1c96d79ab0e760d2cb0f6cea7f8aa38", "MIT", "Jamf Protect"),
    "DataDog/KubeHound": ("53da187ac341dcbc6c4e1c96a5da516d041d1000", "Apache-2.0", "KubeHound"),
    "RhinoSecurityLabs/pacu": ("e597f23ecfb88b82f706c5f0cac9d4577c2af262", "BSD-3-Clause", "Pacu"),
    "microsoftgraph/microsoft-graph-docs-contrib": (
        "082d7a8f9f358ea2f67ec90b4428522f41a5c45c", "CC-BY-4.0 (docs) / MIT (code)",
        "Microsoft Graph docs"),
}


def blob_url(repo: str, path: str, commit: str | None = None) -> str:
    c = commit or REPOS[repo][0]
    return f"https://github.com/{repo}/blob/{c}/{path}"


def row(source: str, source_url: str, licence: str, provenance: str, task: str, tool: str,
        args: dict[str, Any], label: str, category: str, description: str,
        steps: list[dict[str, Any]] | None = None) -> Row:
    r: Row = {"id": "", "source": source, "source_url": source_url, "licence": licence,
              "provenance": provenance, "task": task, "tool": tool, "args": args,
              "label": label, "category": category, "description": description}
    if steps:
        r["steps"] = steps
    return r


def repo_row(repo: str, path: str, provenance: str, task: str, tool: str, args: dict[str, Any],
             label: str, category: str, description: str, commit: str | None = None,
             steps: list[dict[str, Any]] | None = None) -> Row:
    return row(repo, blob_url(repo, path, commit), REPOS[repo][1], provenance, task, tool, args,
               label, category, description, steps)


def clean_heading(h: str) -> str:
    h = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", h)
    h = re.sub(r"[`*]", "", h)
    return h.strip().rstrip(":")
