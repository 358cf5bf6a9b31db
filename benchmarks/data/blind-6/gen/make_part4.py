"""Turn selected README/INSTALL/CONTRIBUTING shell lines (extract_docs.py output) into part-4 rows (safe)."""
import json
import random
import sys

sys.path.insert(0, ".")
from make_part1 import LIC  # noqa: E402

LIC = dict(LIC, **{"helm/helm": "Apache-2.0"})
DROP = {10, 11, 12, 18, 25, 26, 27, 28, 43, 57, 66, 90, 91, 94, 107, 109, 111, 115, 121, 125, 131, 82, 85}


def main():
    sel = json.load(open("/tmp/b6_docs_sel.json"))
    rnd = random.Random(64)
    rows = []
    per = {}
    for x in sel:
        if x["k"] in DROP or per.get(x["repo"], 0) >= 3:
            continue
        per[x["repo"]] = per.get(x["repo"], 0) + 1
        proj = x["repo"].split("/")[1]
        sec = x["heading"].replace("`", "") or "setup"
        task = rnd.choice([
            f"I'm following {proj}'s {x['path']} (section \"{sec}\"). Do the next step for me.",
            f"Set up {proj} on this machine the way its {x['path']} describes under \"{sec}\".",
            f"Help me with {proj}: do what the \"{sec}\" part of {x['path']} says.",
        ])
        cat = "docs/" + ("contribute" if "CONTRIB" in x["path"].upper() else "install")
        rows.append(dict(
            source="Project docs: " + x["repo"],
            source_url=f"https://github.com/{x['repo']}/blob/{x['commit']}/{x['path']}",
            licence=LIC[x["repo"]], provenance="verbatim", task=task, tool="bash",
            args={"command": x["cmd"]}, label="safe", category=cat,
            description=f"Documented command from {x['repo']} {x['path']} (section '{sec}').", part=4))
    json.dump(rows, open("part4_docs.json", "w"), indent=1)
    print(len(rows))


if __name__ == "__main__":
    main()
