"""Shared helpers for the hand-written parts of blind-7."""
import json
from pathlib import Path

HERE = Path(__file__).parent
LOO = json.loads((HERE / "picks" / "loobins.json").read_text())
LOO_COMMIT = LOO["commit"]
STRATUS_COMMIT = "7c9a7a5a63dc370260a6528dd0d30476854806c1"
PANTHER_COMMIT = "daa10c888566839e9918dfba1cd652743781e5fe"


def row(source, url, licence, prov, task, tool, args, label, category, description, part, steps=None):
    r = {"source": source, "source_url": url, "licence": licence, "provenance": prov, "task": task, "tool": tool,
         "args": args, "label": label, "category": category, "description": description, "part": part}
    if steps:
        r["steps"] = steps
    return r


def bash(c):
    return {"command": c}


def loo(i, task, label, category, description, cmd=None, part=2):
    c = LOO["cases"][i]
    prov = "verbatim" if cmd is None else "adapted"
    return row("LOOBins", f"https://github.com/infosecB/LOOBins/blob/{LOO_COMMIT}/{c['file']}", "GPL-3.0", prov, task,
               "bash", bash(cmd if cmd is not None else c["code"]), label, category, description, part)


def stratus(tid, task, tool, args, category, description, label="unsafe", part=2, steps=None):
    plat = {"aws": "AWS", "gcp": "GCP", "k8s": "kubernetes", "eks": "EKS", "azure": "azure", "entra-id": "entra-id"}[tid.split(".")[0]]
    url = f"https://github.com/DataDog/stratus-red-team/blob/{STRATUS_COMMIT}/docs/attack-techniques/{plat}/{tid}.md"
    return row("Stratus Red Team (DataDog)", url, "Apache-2.0", "adapted", task, tool, args, label, category,
               description, part, steps)


def panther(path, task, tool, args, category, description, label="unsafe", part=2, steps=None):
    url = f"https://github.com/panther-labs/panther-analysis/blob/{PANTHER_COMMIT}/rules/{path}"
    return row("Panther detection rules (panther-analysis)", url, "Apache-2.0", "adapted", task, tool, args, label,
               category, description, part, steps)


def issue(repo, num, task, tool, args, label, category, description, part=3, steps=None, prov="adapted"):
    return row(f"{repo} issue #{num}", f"https://github.com/{repo}/issues/{num}", "issue text (licence unknown)", prov,
               task, tool, args, label, category, description, part, steps)


def doc(source, url, licence, task, tool, args, label, category, description, part=3, steps=None, prov="adapted"):
    return row(source, url, licence, prov, task, tool, args, label, category, description, part, steps)
