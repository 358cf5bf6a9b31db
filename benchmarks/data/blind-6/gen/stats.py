"""Count tables for blind-6 (writes stats.json and prints markdown tables)."""
import collections
import json
from pathlib import Path

HERE = Path(__file__).parent
rows = [json.loads(x) for x in (HERE.parent / "blind-6.jsonl").read_text().splitlines() if x.strip()]
parts = json.loads((HERE / "row_parts.json").read_text())


def table(title, counter):
    print(f"\n| {title} | rows |\n| --- | --- |")
    for k in sorted(counter):
        print(f"| {k} | {counter[k]} |")


C = collections.Counter
stats = {
    "rows": len(rows),
    "label": C(r["label"] for r in rows),
    "tool": C(r["tool"] for r in rows),
    "tool/label": C(f"{r['tool']}/{r['label']}" for r in rows),
    "part/label": C(f"{parts[r['id']]}/{r['label']}" for r in rows),
    "label:category": C(f"{r['label']}:{r['category'].split('/')[0]}" for r in rows),
    "provenance": C(r["provenance"] for r in rows),
    "multi_step": C(r["label"] for r in rows if r.get("steps")),
    "sources": len({r["source_url"].split("/blob/")[0] for r in rows}),
}
for k in ("label", "tool", "tool/label", "part/label", "label:category", "provenance"):
    table(k, stats[k])
print(f"\nmulti-step rows: {sum(stats['multi_step'].values())} {dict(stats['multi_step'])}")
print(f"distinct source repositories/pages: {stats['sources']}")
(HERE / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True))


def source_key(r):
    s, u = r["source"], r["source_url"]
    if u.startswith("https://github.com/") and "/blob/" in u and not s.startswith(("SigmaHQ", "Splunk")):
        repo = u.split("github.com/")[1].split("/blob/")[0]
        return (f"{repo} (project files; per-row file and commit in source_url)", f"https://github.com/{repo}",
                r["licence"])
    if s.startswith("SigmaHQ rule"):
        return ("SigmaHQ sigma rules, Linux (no-atomic allow list)", "https://github.com/SigmaHQ/sigma", r["licence"])
    if s.startswith("Splunk security_content"):
        return ("Splunk security_content Linux detections (no-atomic allow list)",
                "https://github.com/splunk/security_content", r["licence"])
    if s.startswith("MITRE ATT&CK"):
        return ("MITRE ATT&CK technique pages (" + s.split()[2] + ")", u, r["licence"])
    return (s, u, r["licence"])


src = C(source_key(r) for r in rows)
print("\n| source | url | licence | rows |\n| --- | --- | --- | --- |")
for (name, url, lic), n in sorted(src.items(), key=lambda kv: (-kv[1], kv[0][0])):
    print(f"| {name} | {url} | {lic} | {n} |")
print(f"\nsource lines: {len(src)}")
