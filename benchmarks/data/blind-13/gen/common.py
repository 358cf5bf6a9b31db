"""Shared helpers: sources table, snapshot look-up and the row constructor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GEN = Path(__file__).resolve().parent
SNAP = json.loads((GEN / "snapshot.json").read_text())
ROWS: list[dict[str, Any]] = []
PARTS: list[dict[str, str]] = []

# key: (source name, licence, url, group)
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "pnpm": ("pnpm documentation (pnpm/pnpm.io docs/)", "MIT",
             "https://github.com/pnpm/pnpm.io", "pnpm"),
    "flux": ("Flux documentation (fluxcd/website content/en/flux/)", "Apache-2.0",
             "https://github.com/fluxcd/website", "flux"),
    "lott": ("LOTTunnels project (LOTTunnels/LOTTunnels.github.io _lottunnels/Binaries/)", "GPL-3.0",
             "https://github.com/LOTTunnels/LOTTunnels.github.io", "lottunnels"),
    "prisma": ("Prisma CLI reference (prisma/docs content/200-orm/500-reference/200-prisma-cli-reference.mdx)",
               "licence not verified (prisma/docs; no licence file in the stored copy)",
               "https://github.com/prisma/docs/blob/003103d804a3abd51c94738274e55522c1000e0e/"
               "content/200-orm/500-reference/200-prisma-cli-reference.mdx", "prisma"),
    # coding-agent incident threads (group agent-issues)
    "oc27745": ("anomalyco/opencode issue #27745 (TRUNCATE despite read-only instruction)",
                "issue text (licence unknown)", "https://github.com/anomalyco/opencode/issues/27745", "agent-issues"),
    "oc46386": ("anomalyco/opencode issue #46386 (DROP MEASUREMENT on live InfluxDB)",
                "issue text (licence unknown)", "https://github.com/anomalyco/opencode/issues/46386", "agent-issues"),
    "oc16331": ("anomalyco/opencode issue #16331 (git commands run despite ask permission)",
                "issue text (licence unknown)", "https://github.com/anomalyco/opencode/issues/16331", "agent-issues"),
    "ds3": ("deepseek-ai/awesome-deepseek-agent issue #3 (delete with a hallucinated variable wiped a partition)",
            "issue text (licence unknown)", "https://github.com/deepseek-ai/awesome-deepseek-agent/issues/3",
            "agent-issues"),
    "omo1290": ("code-yeongyu/oh-my-openagent issue #1290 (recursive deletion of the WSL home)",
                "issue text (licence unknown)", "https://github.com/code-yeongyu/oh-my-openagent/issues/1290",
                "agent-issues"),
    "inf7666": ("Infisical/infisical issue #7666 (agent prints secrets, greps .env)",
                "issue text (licence unknown)", "https://github.com/Infisical/infisical/issues/7666", "agent-issues"),
    "kag1504": ("kagent-dev/kagent pull request #1504 (env leaks API keys through the bash tool)",
                "PR text (licence unknown)", "https://github.com/kagent-dev/kagent/pull/1504", "agent-issues"),
    "smq25": ("guycorbaz/smartme_mqtt issue #25 (review subagent edited production code)",
              "issue text (licence unknown)", "https://github.com/guycorbaz/smartme_mqtt/issues/25", "agent-issues"),
    "tiny75": ("Alex1990/tiny-oss issue #75 (agents weakening CI and rewriting assertions)",
               "issue text (licence unknown)", "https://github.com/Alex1990/tiny-oss/issues/75", "agent-issues"),
    "kent309": ("respawn-llc/kent issue #309 (eslint-disable with fake reasons)",
                "issue text (licence unknown)", "https://github.com/respawn-llc/kent/issues/309", "agent-issues"),
    "llx2080": ("vybestack/llxprt-code issue #2080 (agents weakening ESLint config)",
                "issue text (licence unknown)", "https://github.com/vybestack/llxprt-code/issues/2080", "agent-issues"),
    "ak192": ("saltbo/agent-kanban issue #192 (git reset --hard during a review run)",
              "issue text (licence unknown)", "https://github.com/saltbo/agent-kanban/issues/192", "agent-issues"),
    # package-malware and incident-response write-ups (web pages)
    "strapi": ("API Stronghold: strapi-plugin-events postinstall .env exfiltration (2026)", "blog text (licence unknown)",
               "https://www.apistronghold.com/blog/strapi-npm-plugin-attack-env-file-credential-exfiltration",
               "malware-writeups"),
    "datahogo": ("Data Hogo: malicious install scripts", "web text (licence unknown)",
                 "https://www.datahogo.com/en/learn/malicious-install-scripts", "malware-writeups"),
    "zichat": ("AppSecurityStandards: PyPI ZiChatBot packages using Zulip as C2 (2025)", "blog text (licence unknown)",
               "https://appsecuritystandards.org/blog/pypi-malware-detection-playbook-for-python-teams",
               "malware-writeups"),
    "pth": ("pipguard write-up: litellm .pth start-up payload (March 2026)", "web text (licence unknown)",
            "https://vuink.com/post/tvguho-d-dpbz/shenxianpeng/pipguard", "malware-writeups"),
    "lsec": ("LinuxSecurity: How to investigate Linux persistence during incident response",
             "web text (licence unknown)",
             "https://linuxsecurity.com/howtos/harden-my-filesystem/linux-persistence-incident-response",
             "linuxsecurity-ir"),
}

PRISMA_SEEN = {  # commands read verbatim in the Prisma CLI reference (commit pinned in SOURCES)
    "prisma version", "prisma -v", "prisma version --json", "prisma init", "prisma init --datasource-provider sqlite",
    "prisma init --url mysql://user:password@localhost:3306/mydb", "prisma generate", "prisma generate --watch",
    "prisma generate --generator client", "prisma generate --schema=./alternative/schema.prisma",
    "prisma migrate dev", "prisma migrate dev --create-only", "prisma migrate reset", "prisma migrate deploy",
    "prisma migrate resolve --applied 20201231000000_add_users_table",
    "prisma migrate resolve --rolled-back 20201231000000_add_users_table", "prisma migrate status",
}


def _doc_url(key: str, cmd: str) -> str:
    if key == "prisma":
        if cmd not in PRISMA_SEEN:
            raise KeyError(f"prisma command not seen in the reference: {cmd}")
        return SOURCES["prisma"][2]
    snap = SNAP[key]
    if key == "lott":
        raise KeyError
    info = snap["commands"][cmd]
    return f"https://github.com/{snap['repo']}/blob/{snap['commit']}/{info['file']}#L{info['line']}"


def lott_url(binary: str, fragment: str) -> str:
    snap = SNAP["lottunnels"]
    b = snap["binaries"][binary]
    if not any(fragment in c["command"] for c in b["commands"]):
        raise KeyError(f"{binary}: no command containing {fragment!r}")
    return f"https://github.com/{snap['repo']}/blob/{snap['commit']}/{b['file']}"


def B(command: str) -> tuple[str, dict[str, Any]]:
    return "bash", {"command": command}


def PY(code: str) -> tuple[str, dict[str, Any]]:
    return "python", {"code": code}


def W(path: str, content: str) -> tuple[str, dict[str, Any]]:
    return "write_file", {"path": path, "content": content}


def E(path: str, old: str, new: str) -> tuple[str, dict[str, Any]]:
    return "edit_file", {"path": path, "old_string": old, "new_string": new}


def H(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None
      ) -> tuple[str, dict[str, Any]]:
    a: dict[str, Any] = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return "http_request", a


def M(kind: str, title: str, content: str) -> tuple[str, dict[str, Any]]:
    return "memory_write", {"kind": kind, "title": title, "content": content}


def S(action: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    return {"tool": action[0], "args": action[1], "verdict": ""}


def row(src: str, task: str, action: tuple[str, dict[str, Any]], label: str, category: str, description: str,
        pattern: str, *, cmd: str | None = None, lott: tuple[str, str] | None = None,
        steps: list[tuple[str, dict[str, Any]]] | None = None) -> None:
    name, licence, url, _group = SOURCES[src]
    tool, args = action
    prov = "adapted"
    if cmd is not None:
        url = _doc_url(src, cmd)
        if tool == "bash" and args["command"] == cmd:
            prov = "verbatim"
    if lott is not None:
        url = lott_url(*lott)
    r: dict[str, Any] = {"id": "", "source": name, "source_url": url, "licence": licence, "provenance": prov,
                         "task": task, "tool": tool, "args": args}
    if steps:
        r["steps"] = [S(s) for s in steps]
    r.update({"label": label, "category": category, "description": description})
    assert label in ("safe", "unsafe"), label
    ROWS.append(r)
    if pattern == "asked-step" and tool != "bash":
        pattern = "asked-file"  # a file, code, HTTP call or note the task asks for (not a documented command)
    PARTS.append({"pattern": pattern if not steps else "multi-step", "source_key": src})
