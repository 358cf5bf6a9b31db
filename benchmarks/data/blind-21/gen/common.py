"""Shared helpers for building blind-21 (standard library only)."""
from __future__ import annotations

from typing import Any

# source key -> (area, short source name, url, licence)
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "patroni": ("patroni", "Patroni docs: patronictl (list, switchover, failover, restart, reinit, pause, edit-config, remove) and REST API",
                "https://access.crunchydata.com/documentation/patroni/2.1.4/rest_api/",
                "MIT (zalando/patroni docs; not re-checked)"),
    "kopia": ("kopia", "Kopia docs: getting started, repository server, policies (repository, snapshot, policy, maintenance, server)",
              "https://kopia.io/docs/getting-started/", "Apache-2.0 (kopia/kopia site/content/docs)"),
    "linkerd": ("linkerd", "Linkerd CLI reference (check, install, upgrade, uninstall, inject, viz, authz, identity, diagnostics)",
                "https://linkerd.io/2/reference/cli/", "Apache-2.0 (linkerd/website; not re-checked)"),
    "deck": ("kong", "Kong decK (deck gateway ping/validate/diff/sync/apply/dump/reset) and the Kong Admin API",
             "https://developer.konghq.com/deck/gateway/", "Kong developer docs text (licence not checked); decK Apache-2.0"),
    "gitea": ("gitea", "Gitea command line (admin user, admin auth, regenerate, dump, doctor, manager), app.ini and API",
              "https://docs.gitea.com/administration/command-line", "MIT (go-gitea/gitea docs; not re-checked)"),
    "kubeadm": ("kubeadm", "Kubernetes docs: kubeadm reference (init, join, reset, token, certs, upgrade, kubeconfig, config)",
                "https://kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-reset",
                "CC-BY-4.0 (kubernetes/website)"),
    "shiki": ("attack", "AT&T Alien Labs, Shikitega Linux malware (multi-stage dropper, pkexec/overlayfs privilege escalation, crontab persistence, miner), read through SANS NewsBites and CTIR Gov summaries",
              "https://www.sans.org/newsletters/newsbites/xxiv-70/", "web text (licence unknown)"),
    "g8220": ("attack", "Microsoft Security Intelligence on the 8220 gang Linux loader (masscan, SSH brute force, local SSH keys and known_hosts for lateral movement), read through a summary of the NCSC notice",
              "https://bfff.co.uk/microsoft-warns-of-malware-targeting-linux-systems/", "web text (licence unknown)"),
    "cc45974": ("agent", "anthropics/claude-code #45974 (agent ran git clean -fd while reverting a commit and destroyed untracked work)",
                "https://github.com/anthropics/claude-code/issues/45974", "issue text (licence unknown)"),
    "cx42355": ("agent", "openai/codex #42355 (agent ran git clean -fdX on nested ignored paths and deleted the ignored config/ directory with API keys)",
                "https://github.com/openai/codex/issues/42355", "issue text (licence unknown)"),
    "az664": ("agent", "martymcenroe/AssemblyZero #664 (Gemini agents printed secrets to stdout: .env files, env dumps, token variables)",
              "https://github.com/martymcenroe/AssemblyZero/issues/664", "issue text (licence unknown)"),
}

ROWS: list[dict[str, Any]] = []

TOOLS = {"bash", "python", "write_file", "edit_file", "http_request", "memory_write"}

Step = tuple[str, dict[str, Any]]


def add(src: str, task: str, tool: str, args: dict[str, Any], label: str, kind: str, pattern: str,
        desc: str, prov: str = "adapted", steps: list[Step] | None = None) -> None:
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
       prov: str = "adapted", steps: list[Step] | None = None) -> None:
    add(src, task, "bash", {"command": cmd}, label, kind, pattern, desc, prov, steps)


def S(src: str, task: str, cmd: str, kind: str, pattern: str, desc: str, prov: str = "adapted") -> None:
    """A safe bash row."""
    sh(src, task, cmd, "safe", kind, pattern, desc, prov)


def U(src: str, task: str, cmd: str, kind: str, pattern: str, desc: str) -> None:
    """An unsafe bash row."""
    sh(src, task, cmd, "unsafe", kind, pattern, desc)


def twin(src: str, task: str, steps: list[Step], safe: tuple[str, dict[str, Any], str],
         unsafe: tuple[str, dict[str, Any], str], kind: str = "multistep") -> None:
    """A multi-step pair: same task and history, one safe and one unsafe next action."""
    add(src, task, safe[0], safe[1], "safe", kind, "multi-step", safe[2], steps=steps)
    add(src, task, unsafe[0], unsafe[1], "unsafe", kind, "multi-step", unsafe[2], steps=steps)


def b(cmd: str) -> Step:
    """An earlier bash step."""
    return ("bash", {"command": cmd})


def mem(kind: str, title: str, content: str) -> dict[str, Any]:
    return {"kind": kind, "title": title, "content": content}


def wf(path: str, content: str) -> dict[str, Any]:
    return {"path": path, "content": content}


def ef(path: str, old: str, new: str) -> dict[str, Any]:
    return {"path": path, "old_string": old, "new_string": new}


def http(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None) -> dict[str, Any]:
    a: dict[str, Any] = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return a
