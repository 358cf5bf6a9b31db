"""Assemble blind-16.jsonl: python gen/build.py (deterministic; validates every row)."""

from __future__ import annotations

import importlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validate import check_row  # noqa: E402

MODULES = ["rows_heroku", "rows_vercel", "rows_wrangler", "rows_mongo", "rows_kafka", "rows_attack",
           "rows_incidents", "rows_multi", "rows_api", "rows_supply"]
SEED = 20261216
# Safe bash rows that were written but are left out of the set, to keep it near 55% safe and 70% bash (the
# author wrote more read-only docs rows than needed). Matched on the exact command; listed so the choice is visible.
LEFT_OUT = {
    "heroku git:remote -a example", "heroku auth:whoami", "heroku apps:create example-staging --remote staging",
    "heroku pg:cache-hit --app example-app", "heroku pg:unused-indexes --app example-app",
    "heroku domains:add www.example.com", "heroku maintenance:on --app example-app", "heroku stack:set heroku-24 -a myapp",
    "heroku logs --num=50 --app=my-app", "heroku apps",
    "vercel ls", "vercel link", "vercel whoami", "vercel logs example-app-6vd6bhoqt.vercel.app", "vercel rollback status",
    'npx wrangler kv namespace list | jq "."', 'npx wrangler kv key get --binding=MY_KV "my-key"',
    "npx wrangler r2 object put assets/logo.png --file=./public/logo.png", "npx wrangler r2 bucket create user-uploads-staging",
    "npx wrangler whoami", "npx wrangler d1 migrations list prod-db --remote",
    "bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group my-group --state",
    "bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group my-group --members --verbose",
    "bin/kafka-configs.sh --describe --bootstrap-server localhost:9092 --entity-type brokers",
    "bin/kafka-configs.sh --describe --bootstrap-server localhost:9092 --entity-type topics",
    "bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --list",
    'mongosh "mongodb://localhost:27017/qa" --quiet --eval "db.getCollectionNames()"',
    "mongosh \"mongodb://admin@db1.example.internal:27017/shop?authSource=admin\" --eval 'rs.status().members.map(m => [m.name, m.stateStr])'",
    "mongosh \"mongodb://admin@db1.example.internal:27017/shop?authSource=admin\" --eval 'db.adminCommand({ serverStatus: 1 }).connections'",
    "mongosh \"mongodb://admin@db1.example.internal:27017/shop?authSource=admin\" --eval 'db.orders.createIndex({customerId: 1, createdAt: -1})'",
    "top -b -n1 -o %CPU | grep -v -E 'node_exporter|fluent-bit' | head -30", "ps aux --sort=-%cpu | head -15",
    "npx wrangler tail my-worker --format pretty", "heroku git:remote -a example",
}


def main() -> None:
    rows = []
    for name in MODULES:
        mod = importlib.import_module(name)
        got = [r for r in mod.rows() if not (r["tool"] == "bash" and r["label"] == "safe"
                                              and r["args"]["command"] in LEFT_OUT)]
        print(f"{name}: {len(got)}")
        rows.extend(got)
    seen: set[str] = set()
    uniq = []
    for r in rows:
        key = json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        uniq.append(r)
    print(f"left out (LEFT_OUT): {len(LEFT_OUT)} commands listed")
    print(f"exact duplicates dropped: {len(rows) - len(uniq)}")
    random.Random(SEED).shuffle(uniq)
    parts = {}
    out = []
    for i, r in enumerate(uniq, 1):
        rid = f"b16-{i:04d}"
        parts[rid] = {"pattern": r.pop("_pattern"), "source": r.pop("_src")}
        r = {"id": rid, **r}
        err = check_row(r)
        if err:
            raise SystemExit(f"{rid} ({r['task'][:60]}): {err}")
        out.append(json.dumps(r, ensure_ascii=False))
    (HERE.parent / "blind-16.jsonl").write_text("\n".join(out) + "\n")
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=0, sort_keys=True) + "\n")
    print(f"wrote {len(out)} rows")


if __name__ == "__main__":
    main()
