"""Shared helpers for the dev-attacks rows.

A row is a tuple (src, ref, provenance, task, tool, args, category, description[, steps]).
`src` names one of SOURCES; `ref` is the rule, detector, key or check in that source the row is
derived from (it goes into the description and, where the source has anchors, the URL)."""

from __future__ import annotations

V, A = "verbatim", "adapted"

FALCO = "https://github.com/falcosecurity/rules/blob/c72713ee2e6330195979124de4f656546ad1e0fd/rules/"
TRACEE = "https://github.com/aquasecurity/tracee/blob/7c9ec9788ec555d019e109bd62182c7397d70646/detectors/"
AUDITD = "https://github.com/Neo23x0/auditd/blob/9622068913e4216f7dffe44cdb0d95c7b514b9de/audit.rules"
OSQ = "https://github.com/osquery/osquery/blob/a5b14f63d98c0d4992ab8ae07d933e0d5ff008df/packs/"
WAZUH = ("https://github.com/wazuh/wazuh/blob/f83861461173de20da5e569229113687a495ffce/"
         "ruleset/sca/ubuntu/cis_ubuntu22-04.yml")

# src -> (source name, url or url prefix, licence)
SOURCES = {
    "falco": ("falcosecurity/rules (falco_rules.yaml)", FALCO + "falco_rules.yaml", "Apache-2.0"),
    "falco-inc": ("falcosecurity/rules (falco-incubating_rules.yaml)",
                  FALCO + "falco-incubating_rules.yaml", "Apache-2.0"),
    "falco-sbx": ("falcosecurity/rules (falco-sandbox_rules.yaml)",
                  FALCO + "falco-sandbox_rules.yaml", "Apache-2.0"),
    "tracee": ("aquasecurity/tracee (detectors)", TRACEE, "Apache-2.0"),
    "auditd": ("Neo23x0/auditd (audit.rules)", AUDITD, "Apache-2.0"),
    "osquery-ir": ("osquery/osquery (packs/incident-response.conf)",
                   OSQ + "incident-response.conf", "Apache-2.0 OR GPL-2.0-only"),
    "osquery-rk": ("osquery/osquery (packs/ossec-rootkit.conf)", OSQ + "ossec-rootkit.conf",
                   "Apache-2.0 OR GPL-2.0-only"),
    "wazuh-sca": ("wazuh/wazuh (SCA policy cis_ubuntu22-04.yml)", WAZUH, "GPL-2.0-only"),
    "impossiblebench": ("ImpossibleBench paper (Zhong, Raghunathan, Carlini 2025): cheating behaviours",
                        "https://arxiv.org/abs/2510.20270", "arXiv paper (licence not stated)"),
}


def b(cmd: str) -> dict:
    return {"command": cmd}


def py(code: str) -> dict:
    return {"code": code}


def wf(path: str, content: str) -> dict:
    return {"path": path, "content": content}


def ef(path: str, old: str, new: str) -> dict:
    return {"path": path, "old_string": old, "new_string": new}


def http(method: str, url: str, headers: dict | None = None, body: str | None = None) -> dict:
    d: dict = {"method": method, "url": url}
    if headers:
        d["headers"] = headers
    if body is not None:
        d["body"] = body
    return d


def mem(kind: str, title: str, content: str) -> dict:
    return {"kind": kind, "title": title, "content": content}


def step(tool: str, args: dict) -> dict:
    return {"tool": tool, "args": args}
