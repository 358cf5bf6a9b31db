"""Collect the checks of linux-smart-enumeration (lse.sh): id, title and the shell command.

python gen/extract_lse.py writes gen/cand_lse.json.
"""

from __future__ import annotations

import json
import re

from common import GEN, git_head, git_show

REPO = "diego-treitos/linux-smart-enumeration"


def main() -> None:
    text = git_show(REPO, "lse.sh")
    recs = []
    pat = re.compile(r'lse_test "(\w+)" "(\d)" \\\n\s*"([^"]*)" \\\n\s*\'((?:[^\']|\'"\'"\')*)\'', re.M)
    for m in pat.finditer(text):
        recs.append({"repo": REPO, "path": "lse.sh", "commit": git_head(REPO), "id": m.group(1),
                     "level": m.group(2), "title": m.group(3), "command": m.group(4)})
    (GEN / "cand_lse.json").write_text(json.dumps(recs, indent=1) + "\n")
    print(len(recs))


if __name__ == "__main__":
    main()
