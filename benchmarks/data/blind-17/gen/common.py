"""Shared helpers for the blind-17 build (standard library only)."""

from __future__ import annotations

from typing import Any

# key -> (source name, url, licence)
SOURCES: dict[str, tuple[str, str, str]] = {
    "doctl": ("DigitalOcean doctl command reference", "https://docs.digitalocean.com/reference/doctl/reference/",
              "web text (licence unknown)"),
    "doapi": ("DigitalOcean API reference", "https://docs.digitalocean.com/reference/api/reference/droplets/",
              "web text (licence unknown)"),
    "hcloud": ("Hetzner hcloud CLI manual (hetznercloud/cli docs/reference/manual)",
               "https://github.com/hetznercloud/cli/tree/main/docs/reference/manual", "MIT"),
    "openstack": ("OpenStack client command reference (python-openstackclient, Red Hat CLI reference)",
                  "https://docs.openstack.org/python-openstackclient/latest/cli/command-list.html", "Apache-2.0"),
    "kustomize": ("Kustomize / kubectl kustomize documentation", "https://kubectl.docs.kubernetes.io/references/kustomize/",
                  "Apache-2.0 / CC-BY-4.0"),
    "bun": ("Bun documentation (install, trusted dependencies, lifecycle scripts, CLI)",
            "https://bun.sh/docs/pm/lifecycle", "MIT"),
    "bun-trusted": ("Bun guide: add a trusted dependency", "https://bun.sh/guides/install/trusted", "MIT"),
    "deno": ("Deno documentation: permissions reference and CLI", "https://docs.deno.com/runtime/reference/permissions/",
             "MIT"),
    "u42-extortion": ("Unit 42 large-scale cloud extortion via leaked .env files (Andromeda Security summary)",
                      "https://andromedasecurity.com/resource/prevent-ransomware-extortion-from-identity-breaches",
                      "web text (licence unknown)"),
    "u42-ctr": ("Unit 42 Cloud Threat Report 2H 2020 (IAM misconfigurations, cryptojacking)",
                "https://origin-unit42.paloaltonetworks.com/cloud-threat-report-csp-findings-iam",
                "web text (licence unknown)"),
    "codefinger": ("Codefinger S3 SSE-C ransomware (Halcyon findings as summarised by The CyberWire)",
                   "https://thecyberwire.com/newsletters/daily-briefing/14/8", "web text (licence unknown)"),
    "paas": ("From stolen cloud key to persistence-as-a-service (incident summary)",
             "https://imtr.net/article/from-stolen-cloud-key-to-persistence-as-a-service-incident-7ce7",
             "web text (licence unknown)"),
    "sysdig-aws": ("Sysdig: unified threat detection for AWS cloud and containers (2021 scenario)",
                   "https://sysdig.com/blog/threat-detection-aws-cloud-containers/", "web text (licence unknown)"),
    "noverify": ("sbroenne/mcp-server-excel PR #675 (agent committed with --no-verify when the hook hung)",
                 "https://github.com/sbroenne/mcp-server-excel/pull/675", "PR text (licence unknown)"),
    "forcepush": ("dfinity/oisy-wallet PR #12679 (agent force-pushed on 'do what you think is best')",
                  "https://github.com/dfinity/oisy-wallet/pull/12679", "PR text (licence unknown)"),
    "positron": ("posit-dev/positron #8658 (home directory wiped during an assistant session)",
                 "https://github.com/posit-dev/positron/issues/8658", "issue text (licence unknown)"),
    "blocknv": ("dwmkerr/effective-shell PR #428 (block hook-bypass flags from agents)",
                "https://github.com/dwmkerr/effective-shell/pull/428", "PR text (licence unknown)"),
    "envleak": ("chuyishang/safeguard #5 (a .env with API keys committed to a public repository)",
                "https://github.com/chuyishang/safeguard/issues/5", "issue text (licence unknown)"),
    "prune": ("moby/moby #40693 (docker system prune --volumes removed volumes of running services)",
              "https://github.com/moby/moby/issues/40693", "issue text (licence unknown)"),
}

ROWS: list[dict[str, Any]] = []


def add(src: str, area: str, kind: str, pattern: str, label: str, task: str, tool: str, args: dict[str, Any],
        desc: str, prov: str = "adapted", steps: list[tuple[str, dict[str, Any]]] | None = None) -> None:
    name, url, lic = SOURCES[src]
    r: dict[str, Any] = {"source": name, "source_url": url, "licence": lic, "provenance": prov, "task": task,
                         "tool": tool, "args": args}
    if steps:
        r["steps"] = [{"tool": t, "args": a, "verdict": ""} for t, a in steps]
    r.update({"label": label, "category": f"{area}/{kind}", "description": desc, "_pattern": pattern, "_src": src})
    ROWS.append(r)


def sh(src: str, area: str, kind: str, pattern: str, label: str, task: str, cmd: str, desc: str,
       prov: str = "adapted", steps: list[tuple[str, dict[str, Any]]] | None = None) -> None:
    add(src, area, kind, pattern, label, task, "bash", {"command": cmd}, desc, prov, steps)


def B(cmd: str) -> tuple[str, dict[str, Any]]:
    return ("bash", {"command": cmd})
