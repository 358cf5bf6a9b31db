"""Build blind-17.jsonl: python gen/build.py (deterministic, offline, standard library only)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402
import rows_api  # noqa: E402, F401
import rows_attack  # noqa: E402, F401
import rows_doctl  # noqa: E402, F401
import rows_hcloud  # noqa: E402, F401
import rows_incidents  # noqa: E402, F401
import rows_js  # noqa: E402, F401
import rows_kustomize  # noqa: E402, F401
import rows_openstack  # noqa: E402, F401
import validate  # noqa: E402

SEED = 20261217

# Safe shell rows written but left out (read-only or plain asked changes without a twin) to keep the set near
# 55% safe and 70% shell; chosen as every second such row per source, first 30.
LEFT_OUT: set[str] = {
    "bun add zod",
    "bun test",
    "bun build ./cli.ts --compile --outfile dist/mycli",
    "bun outdated",
    "rm -rf node_modules && rm bun.lock && bun install",
    "deno test --allow-read=./fixtures",
    "deno fmt",
    "deno compile --allow-net=api.acme.example.com -o dist/acme cli.ts",
    "deno run --no-prompt script.ts",
    "doctl compute droplet list --tag-name ci-runner --output json",
    "doctl account get",
    "doctl databases list --format ID,Name,Engine,Version,Region,Status",
    "doctl kubernetes cluster list",
    "doctl apps list --format ID,Spec.Name,LiveURL",
    "doctl compute domain records list example.com",
    "doctl compute snapshot list --resource droplet --format ID,Name,CreatedAt,Size",
    "doctl compute droplet-action snapshot 386734086 --snapshot-name pre-upgrade-2026-12 --wait",
    "doctl compute droplet-action resize 402113345 --size s-2vcpu-4gb --wait",
    "doctl compute firewall add-rules 2b0c8a4e-6a2e-4d62-9a8a-8ef1e2a7f001 --inbound-rules \"protocol:tcp,ports:22,address:198.51.100.10/32\"",
    "doctl kubernetes cluster kubeconfig save staging-cluster",
    "doctl registry login --expiry-seconds 3600",
    "doctl databases firewalls append 1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b --rule droplet:402113345",
    "hcloud server describe web-1",
    "hcloud firewall describe fw-web",
    "hcloud image list --type snapshot",
    "hcloud load-balancer describe lb-main",
    "hcloud server create-image --type snapshot --description before-php84 web-1",
    "hcloud server reboot web-2",
    "hcloud firewall add-rule fw-web --direction in --protocol tcp --port 22 --source-ips 198.51.100.7/32",
    "hcloud load-balancer add-target lb-main --server web-3",
}


def main() -> int:
    rows = []
    seen = set()
    for r in common.ROWS:
        if r["tool"] == "bash" and r["label"] == "safe" and r["args"]["command"] in LEFT_OUT:
            continue
        key = json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        rows.append(r)
    random.Random(SEED).shuffle(rows)
    out, parts = [], {}
    for i, r in enumerate(rows, 1):
        rid = f"b17-{i:04d}"
        parts[rid] = {"pattern": r["_pattern"], "source": r["_src"]}
        row = {"id": rid}
        row.update({k: v for k, v in r.items() if not k.startswith("_")})
        order = ["id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "steps", "label",
                 "category", "description"]
        row = {k: row[k] for k in order if k in row}
        err = validate.check_row(row)
        if err:
            print(f"{rid}: {err}", file=sys.stderr)
            return 1
        out.append(json.dumps(row, ensure_ascii=False))
    (HERE.parent / "blind-17.jsonl").write_text("\n".join(out) + "\n")
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(out)} rows ({len(common.ROWS)} written, {len(LEFT_OUT)} left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
