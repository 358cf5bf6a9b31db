"""Shared helpers for the blind-16 row modules: sources, the docs snapshot lookup and row()."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SNAP: dict[str, Any] = json.loads((HERE / "snapshot.json").read_text())

CF = "https://github.com/cloudflare/cloudflare-docs/blob/33c660076c38b91fa1e496a8e2a95ebfbba91f99/"
SOURCES: dict[str, dict[str, str]] = {
    # documentation (snapshot-checked where a mirror exists)
    "heroku": {"name": "Heroku CLI command reference (heroku/cli docs/)", "licence": "ISC",
               "url": "https://github.com/heroku/cli/tree/HEAD/docs"},
    "kafka": {"name": "Apache Kafka documentation (apache/kafka docs/)", "licence": "Apache-2.0",
              "url": "https://github.com/apache/kafka/tree/HEAD/docs"},
    "mongosh": {"name": "MongoDB Shell documentation (mongodb/docs-mongodb-shell)",
                "licence": "CC BY-NC-SA 3.0", "url": "https://github.com/mongodb/docs-mongodb-shell"},
    "mongotools": {"name": "MongoDB Database Tools docs (mongodump/mongorestore pages)",
                   "licence": "CC BY-NC-SA 3.0 (MongoDB docs)",
                   "url": "https://www.mongodb.com/docs/database-tools/mongorestore/mongorestore-examples/"},
    "mongoauth": {"name": "MongoDB Manual: user and role management methods",
                  "licence": "CC BY-NC-SA 3.0 (MongoDB docs)",
                  "url": "https://www.mongodb.com/docs/manual/reference/method/db.grantRolesToUser/"},
    "wrangler-kv": {"name": "Cloudflare docs: Wrangler KV commands", "licence": "CC-BY-4.0",
                    "url": CF + "src/content/partials/workers/wrangler-commands/kv.mdx"},
    "wrangler-d1": {"name": "Cloudflare docs: Wrangler D1 commands", "licence": "CC-BY-4.0",
                    "url": CF + "src/content/partials/workers/wrangler-commands/d1.mdx"},
    "wrangler-r2": {"name": "Cloudflare docs: Wrangler R2 commands", "licence": "CC-BY-4.0",
                    "url": "https://github.com/cloudflare/cloudflare-docs/blob/819cf982370a0ecaab8f4151591514585bf94866/"
                           "src/content/partials/workers/wrangler-commands/r2.mdx"},
    "wrangler-workers": {"name": "Cloudflare docs: Wrangler commands (deploy, secret, tail, versions)",
                         "licence": "CC-BY-4.0",
                         "url": "https://github.com/cloudflare/cloudflare-docs/blob/75617bbebff613326d6bf5154e59a205eafffb89/"
                                "src/content/docs/workers/wrangler/commands.mdx"},
    "cf-bulk-secrets": {"name": "Cloudflare changelog: Workers bulk secrets API (2026-06-03)", "licence": "CC-BY-4.0",
                        "url": "https://developers.cloudflare.com/changelog/post/2026-06-03-bulk-secrets-api/"},
    "vercel-env": {"name": "Vercel docs: vercel env", "licence": "web text (licence unknown)",
                   "url": "https://vercel.com/docs/cli/env"},
    "vercel-envguide": {"name": "Vercel docs: managing environment variables across environments",
                        "licence": "web text (licence unknown)",
                        "url": "https://vercel.com/docs/environment-variables/manage-across-environments"},
    "vercel-remove": {"name": "Vercel docs: vercel remove", "licence": "web text (licence unknown)",
                      "url": "https://vercel.com/docs/cli/remove"},
    "vercel-rollback": {"name": "Vercel docs: vercel rollback / promote", "licence": "web text (licence unknown)",
                        "url": "https://vercel.com/docs/cli/rollback"},
    "vercel-alias": {"name": "Vercel docs: vercel alias", "licence": "web text (licence unknown)",
                     "url": "https://vercel.com/docs/cli/alias"},
    "vercel-cli": {"name": "Vercel docs: CLI overview", "licence": "web text (licence unknown)",
                   "url": "https://vercel.com/docs/cli"},
    # attacker techniques
    "esl-persist": {"name": "Elastic Security Labs: Linux persistence series (primer, sequel, continuation, summit, finale)",
                    "licence": "web text (licence unknown)",
                    "url": "https://www.elastic.co/security-labs/primer-on-persistence-mechanisms"},
    "k8s-token": {"name": "a13e research: detecting Kubernetes token theft before it becomes cloud data theft (2026)",
                  "licence": "web text (licence unknown)",
                  "url": "https://a13e.com/research/2026-06-16-kubernetes-token-theft-cloud-data-theft/"},
    "kubeconfig-leak": {"name": "systemshardening.com: from leaked kubeconfig to full cluster takeover",
                        "licence": "web text (licence unknown)",
                        "url": "https://www.systemshardening.com/articles/cicd/kubeconfig-leak-cluster-compromise/"},
    "aqua-docker": {"name": "Aqua Security: attackers build and run malicious images through exposed Docker APIs",
                    "licence": "web text (licence unknown)",
                    "url": "https://www.aquasec.com/news/aqua-security-surfaces-threat-to-container-hosts"},
    "wazuh-miners": {"name": "Wazuh blog: detecting illegitimate crypto miners on Linux endpoints",
                     "licence": "web text (licence unknown)",
                     "url": "https://wazuh.com/blog/detecting-illegitimate-crypto-miners-on-linux-endpoints/"},
    # coding-agent incident threads
    "cc-57165": {"name": "anthropics/claude-code #57165 (subagent ran supabase db reset instead of migration up)",
                 "licence": "issue text (licence unknown)",
                 "url": "https://github.com/anthropics/claude-code/issues/57165"},
    "cc-34729": {"name": "anthropics/claude-code #34729 (prisma migrate reset --force wiped the dev database)",
                 "licence": "issue text (licence unknown)",
                 "url": "https://github.com/anthropics/claude-code/issues/34729"},
    "codex-46853": {"name": "openai/codex #46853 (unapproved irreversible production migration, false status report)",
                    "licence": "issue text (licence unknown)",
                    "url": "https://github.com/openai/codex/issues/46853"},
    "ps-40487": {"name": "PrestaShop/PrestaShop #40487 (Copilot ran git reset --hard HEAD~1 despite a no-auto-commit agreement)",
                 "licence": "issue text (licence unknown)",
                 "url": "https://github.com/PrestaShop/PrestaShop/issues/40487"},
    "oc-36647": {"name": "anomalyco/opencode #36647 (agent dumped environment variables with API keys)",
                 "licence": "issue text (licence unknown)",
                 "url": "https://github.com/anomalyco/opencode/issues/36647"},
    "rx-6178": {"name": "esengine/DeepSeek-Reasonix #6178 (printenv / read_file of .env leaks keys into session logs)",
                "licence": "issue text (licence unknown)",
                "url": "https://github.com/esengine/DeepSeek-Reasonix/issues/6178"},
    "nc-151": {"name": "nanocoai/nanoclaw PR #151 (agents social-engineered into printing env vars to a group chat)",
               "licence": "PR text (licence unknown)",
               "url": "https://github.com/nanocoai/nanoclaw/pull/151"},
    "jazz-627": {"name": "garden-co/jazz PR #627 (no rewriting tests to silence failures without confirmation)",
                 "licence": "PR text (licence unknown)",
                 "url": "https://github.com/garden-co/jazz/pull/627"},
    "ar-55": {"name": "ambient-code/agentready #55 (API key exposure via subprocess environment, /proc/PID/environ)",
              "licence": "issue text (licence unknown)",
              "url": "https://github.com/ambient-code/agentready/issues/55"},
}

MIRRORED = {"heroku": "heroku", "kafka": "kafka", "mongosh": "mongosh"}


def _lookup(src: str, text: str) -> dict[str, Any] | None:
    snap = SNAP[MIRRORED[src]]
    for ln in snap["lines"]:
        if ln["cmd"] == text:
            return {"repo": snap["repo"], "commit": snap["commit"], **ln}
    for ln in snap["lines"]:  # a ref may name the start of a long documented line
        if ln["cmd"].startswith(text):
            return {"repo": snap["repo"], "commit": snap["commit"], **ln}
    return None


def row(src: str, task: str, tool: str, args: Any, label: str, category: str, description: str, *,
        prov: str | None = None, ref: str | None = None, steps: list[tuple[str, Any]] | None = None,
        pattern: str | None = None) -> dict[str, Any]:
    """One row. `args` may be a plain string for bash. `prov` defaults to verbatim for a bash row of a
    mirrored docs source whose command is in the snapshot, else adapted. `ref` names the documented line an
    adapted docs row starts from (must exist in the snapshot)."""
    if src not in SOURCES:
        raise KeyError(f"unknown source {src}")
    s = SOURCES[src]
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    url = s["url"]
    if src in MIRRORED:
        hit = None
        if tool == "bash" and prov != "adapted":
            hit = _lookup(src, args["command"])
            if hit is None and prov == "verbatim":
                raise ValueError(f"verbatim command not in {src} docs: {args['command']}")
            prov = "verbatim" if hit else "adapted"
        if hit is None and ref is not None:
            hit = _lookup(src, ref)
            if hit is None:
                raise ValueError(f"ref not in {src} docs: {ref}")
        if hit is not None:
            url = f"https://github.com/{hit['repo']}/blob/{hit['commit']}/{hit['file']}#L{hit['line']}"
    prov = prov or "adapted"
    r: dict[str, Any] = {"source": s["name"], "source_url": url, "licence": s["licence"], "provenance": prov,
                         "task": task, "tool": tool, "args": args}
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    r.update({"label": label, "category": category, "description": description})
    r["_pattern"] = pattern or category.split("/", 1)[1]
    r["_src"] = src
    return r
