"""Shared helpers: sources table, snapshot look-up and the row constructor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GEN = Path(__file__).resolve().parent
SNAP = json.loads((GEN / "snapshot.json").read_text())
ROWS: list[dict[str, Any]] = []
PARTS: list[dict[str, str]] = []

_ISS = "issue text (licence unknown)"
_WEB = "web text (licence unknown)"

# key: (source name, licence, url, group)
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "zfs": ("OpenZFS manual pages (openzfs/zfs man/)", "CDDL-1.0", "https://github.com/openzfs/zfs", "openzfs"),
    "incus": ("Incus documentation (lxc/incus doc/)", "Apache-2.0", "https://github.com/lxc/incus", "incus"),
    "conda": ("conda documentation (conda/conda docs/source/)", "BSD-3-Clause", "https://github.com/conda/conda",
              "conda"),
    # coding-agent incident threads (group agent-issues)
    "nemo4770": ("NVIDIA/NemoClaw issue #4770 (agent echoes an env-var token into Slack)", _ISS,
                 "https://github.com/NVIDIA/NemoClaw/issues/4770", "agent-issues"),
    "ag781": ("google-antigravity/antigravity-cli issue #781 (env piped to grep api_key despite AGENTS.md)", _ISS,
              "https://github.com/google-antigravity/antigravity-cli/issues/781", "agent-issues"),
    "fx278": ("fearovex-labs/agent-config issue #278 (mis-composed parameter expansion printed two tokens)", _ISS,
              "https://github.com/fearovex-labs/agent-config/issues/278", "agent-issues"),
    "tend598": ("max-sixty/tend issue #598 (env inspection leaked OAuth token and PAT into a CI session log)", _ISS,
                "https://github.com/max-sixty/tend/issues/598", "agent-issues"),
    "cez427": ("open-mercato/cezar issue #427 (full host environment handed to every agent)", _ISS,
               "https://github.com/open-mercato/cezar/issues/427", "agent-issues"),
    "ka603": ("gke-labs/kube-agents issue #603 (metadata-server OAuth token persisted in transcripts)", _ISS,
              "https://github.com/gke-labs/kube-agents/issues/603", "agent-issues"),
    "fk27": ("sandeepkesarkar/fieldkit issue #27 (sub-agent dumped .env bytes with xxd)", _ISS,
             "https://github.com/sandeepkesarkar/fieldkit/issues/27", "agent-issues"),
    "fb794": ("CodebuffAI/freebuff issue #794 (destructive DROP without confirmation)", _ISS,
              "https://github.com/CodebuffAI/freebuff/issues/794", "agent-issues"),
    "ecc2957": ("affaan-m/ECC issue #2957 (setup guide runs npx -y on non-existent @anthropic/* packages)", _ISS,
                "https://github.com/affaan-m/ECC/issues/2957", "agent-issues"),
    "omc2476": ("Yeachan-Heo/oh-my-claudecode issue #2476 (typosquatting npm package of the project)", _ISS,
                "https://github.com/Yeachan-Heo/oh-my-claudecode/issues/2476", "agent-issues"),
    "gsd2827": ("gsd-build/get-shit-done issue #2827 (package legitimacy gate against slopsquatting)", _ISS,
                "https://github.com/gsd-build/get-shit-done/issues/2827", "agent-issues"),
    "js2pr580": ("loopdive/js2 pull request #580 (public main is append-only; never force-push)", "PR text (licence unknown)",
                 "https://github.com/loopdive/js2/pull/580", "agent-issues"),
    "kz240": ("kirich1409/krozov-ai-tools issue #240 (skill runs git clean -fd over the whole repo)", _ISS,
              "https://github.com/kirich1409/krozov-ai-tools/issues/240", "agent-issues"),
    "scion884": ("GoogleCloudPlatform/scion pull request #884 (git clean -fd vs -fdx hazard)",
                 "PR text (licence unknown)", "https://github.com/GoogleCloudPlatform/scion/pull/884", "agent-issues"),
    # cloud/container attack and response write-ups (web pages)
    "socj1610": ("SOC Journal: T1610 Deploy Container (Prisma Cloud detection walk-through)", _WEB,
                 "https://socjournal.com/t1610-deploy-container-prisma-cloud-detection/", "cloud-attack-writeups"),
    "canister": ("Particle News: CanisterWorm linked to the Trivy supply-chain breach (TeamPCP)", _WEB,
                 "https://particlenews.pages.dev/story/researchers-link-iran-targeted-canisterworm-to-trivy-supply-chain-breach",
                 "cloud-attack-writeups"),
    "cti1200": ("Andrey Pautov: CTI Research: Kubernetes & Cloud-Native Threat Landscape (2026)", _WEB,
                "https://1200km.com/medium-blog-navigation/docs/articles/2026/2026-04-25-cti-research-kubernetes-and-"
                "cloud-native-threat-landscape-70373d6d7a87", "cloud-attack-writeups"),
    "btbedrock": ("BeyondTrust: AWS Bedrock API keys security guide part 1 (2026)", "blog text (licence unknown)",
                  "https://www.beyondtrust.com/blog/entry/aws-bedrock-security-api-keys", "cloud-attack-writeups"),
    "dfirmine": ("DFIR forge-work: Contain the mining workload and entry vector", _WEB,
                 "https://dfir.forge-work.com/node/contain-crypto-mining-workload", "cloud-attack-writeups"),
    "prowler": ("Prowler hub: cloudtrail_threat_detection_llm_jacking check", _WEB,
                "https://hub.prowler.com/check/cloudtrail_threat_detection_llm_jacking", "cloud-attack-writeups"),
}

DOCS = ("zfs", "incus", "conda")


def _doc_url(key: str, cmd: str) -> str:
    snap = SNAP[key]
    info = snap["commands"][cmd]  # KeyError: the docs do not contain the command
    return f"https://github.com/{snap['repo']}/blob/{snap['commit']}/{info['file']}#L{info['line']}"


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
        pattern: str, *, cmd: str | None = None, steps: list[tuple[str, dict[str, Any]]] | None = None) -> None:
    """Add one row. For docs sources, `cmd` names the documented command (looked up in the snapshot: the build
    fails if the docs do not contain it); the row is `verbatim` when a bash action runs exactly that command."""
    name, licence, url, _group = SOURCES[src]
    tool, args = action
    prov = "adapted"
    if src in DOCS:
        if cmd is None:
            cmd = args.get("command") if tool == "bash" else None
        if cmd is None:
            raise KeyError(f"{src} row without a documented command: {description}")
        url = _doc_url(src, cmd)
        if tool == "bash" and args["command"] == cmd:
            prov = "verbatim"
    r: dict[str, Any] = {"id": "", "source": name, "source_url": url, "licence": licence, "provenance": prov,
                         "task": task, "tool": tool, "args": args}
    if steps:
        r["steps"] = [S(s) for s in steps]
    r.update({"label": label, "category": category, "description": description})
    assert label in ("safe", "unsafe"), label
    ROWS.append(r)
    if pattern == "asked-step" and tool != "bash":
        pattern = "asked-file"
    PARTS.append({"pattern": pattern if not steps else "multi-step", "source_key": src})
