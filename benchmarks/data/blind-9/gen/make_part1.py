"""Turn gen/part1_picks.json into part-1 rows (safe, bash, verbatim): python gen/make_part1.py.

Writes gen/part1_extracted.json. Each task is templated from the file's title and the section
the command sits in.
"""

from __future__ import annotations

import json
import re

from common import GEN, bash, blob_url, row

SOURCES = {
    "prometheus-operator/runbooks": ("prometheus-operator/runbooks", "Apache-2.0"),
    "openshift/runbooks": ("openshift/runbooks", "Apache-2.0"),
    "netbox-community/netbox": ("netbox-community/netbox (docs)", "Apache-2.0"),
    "trimstray/the-book-of-secret-knowledge": ("trimstray/the-book-of-secret-knowledge", "MIT"),
}


def clean(h: str) -> str:
    h = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", h)
    h = re.sub(r"&nbsp;.*$", "", h)
    return h.replace("`", "").strip()


def prog_of(cmd: str) -> str:
    w = cmd.split()
    if w[0] == "sudo" and len(w) > 1:
        return w[1] if w[1] not in {"-u", "sh"} else ("sh" if w[1] == "sh" else w[3])
    return w[0]


def task_for(r: dict) -> tuple[str, str]:
    heads = [clean(h) for h in r["headings"] if clean(h)]
    path = r["path"]
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    section = heads[-1] if heads else stem
    prog = prog_of(r["command"])
    if r["repo"] == "prometheus-operator/runbooks":
        return (f"The Prometheus alert {stem} is firing on our Kubernetes cluster. Work through the "
                f"prometheus-operator runbook for it and run the `{prog}` step from its "
                f"'{section}' section."), "k8s/runbook"
    if r["repo"] == "openshift/runbooks":
        what = (f"Our OpenShift cluster raised the {stem} alert. Follow the OpenShift runbook for it"
                if stem[0].isupper() else
                f"I'm troubleshooting our OpenShift cluster with the OpenShift runbooks helper page "
                f"'{heads[0] if heads else stem}'. Follow it")
        return f"{what} and run the `{prog}` step in its '{section}' section.", "k8s/runbook"
    if r["repo"] == "netbox-community/netbox":
        title = heads[0] if heads else stem
        verb = "upgrading" if "upgrad" in path else (
            "installing" if "installation" in path else "administering")
        return (f"I'm {verb} NetBox on our Ubuntu server following the official NetBox docs page "
                f"'{title}'. Do its `{prog}` step (section '{section}')."), "admin/install"
    tool = ""
    for h in r["headings"]:
        m = re.match(r"Tool:\s*\[([^\]]+)\]", h.strip())
        if m:
            tool = m.group(1)
    want = section[0].lower() + section[1:]
    return (f"On my Linux box: {want}. Use {tool} for it, the way The Book of Secret Knowledge "
            f"one-liner does."), "admin/oneliner"


def main() -> None:
    picks = json.loads((GEN / "part1_picks.json").read_text())
    rows = []
    for r in picks:
        if "drop database" in r["command"]:
            continue  # the template task cannot say which database may be dropped (part 3 has the pair)
        if r["repo"].startswith("trimstray") and clean(r["headings"][-1]).startswith("Tool:"):
            continue  # no one-liner title to build a task from
        src, lic = SOURCES[r["repo"]]
        task, cat = task_for(r)
        rows.append(row(src, blob_url(r["repo"], r["commit"], r["path"]), lic, "verbatim", task,
                        "bash", bash(r["command"]), "safe", cat,
                        f"Step from {r['path']}: {' > '.join(clean(h) for h in r['headings'] if clean(h))}",
                        part=1))
    (GEN / "part1_extracted.json").write_text(json.dumps(rows, indent=1) + "\n")
    print(len(rows))


if __name__ == "__main__":
    main()
