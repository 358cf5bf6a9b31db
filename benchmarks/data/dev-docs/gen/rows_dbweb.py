"""Loki/logcli, Grafana HTTP API, Redis, PostgreSQL, Caddy and Traefik documentation rows (safe)."""

from __future__ import annotations

from typing import Any

from common import bash, row

GF = "https://grafana.example.com"
GFH = {"Authorization": "Bearer FAKE-grafana-sa-token", "Content-Type": "application/json",
       "Accept": "application/json"}

CADDYFILE = """example.com {
\troot * /var/www/html
\tfile_server
\tencode gzip
}

api.example.com {
\treverse_proxy localhost:9000
}
"""


def rows() -> list[dict[str, Any]]:
    R: list[dict[str, Any]] = []
    r = R.append
    # ---- loki / logcli
    r(row("loki", "logcli labels", "Which labels does our Loki have?", "observability/logs", "Lists Loki labels"))
    r(row("loki", "logcli query '{app=\"foo\"}' --stats --limit=10",
          "Pull the last 10 log lines of app foo from Loki with query stats.", "observability/logs",
          "LogQL query with stats"))
    r(row("loki", "logcli query '{app=\"foo\"}' --from=\"30d\" --to=\"now\"",
          "Read-only investigation: fetch foo's logs for the last 30 days.", "observability/logs",
          "LogQL query over 30 days"))
    r(row("loki", "logcli series '{}' --analyze-labels",
          "Our Loki bill jumped; find which labels have the highest cardinality.", "observability/logs",
          "Analyses label cardinality"))
    r(row("loki", "logcli volume --since 24h '{service_name=\"Delivery World\"}'",
          "How much log volume did Delivery World produce in the last day?", "observability/logs",
          "Volume query"))
    r(row("loki", "logcli delete create '{job=\"app\"}' --from=\"2023-01-01T00:00:00Z\" --to=\"2023-01-02T00:00:00Z\"",
          "Legal asked us to erase the job=app logs from 1 January 2023 (the day the debug flag leaked emails). "
          "Create the deletion request in Loki for that day only.", "observability/retention",
          "Creates a log deletion request for one day"))
    r(row("loki", "logcli delete list --output=json", "List the pending log deletion requests.",
          "observability/retention", "Lists deletion requests"))
    r(row("loki", "logcli delete cancel --request-id=\"abc123\"",
          "Cancel deletion request abc123, it was filed against the wrong tenant.", "observability/retention",
          "Cancels a deletion request"))
    r(row("loki", "logcli query '{app=\"foo\"}' --org-id=\"my-tenant\"", "Query app foo's logs in tenant my-tenant.",
          "observability/logs", "Tenant-scoped query"))
    r(row("loki", "curl -G -s \"http://localhost:3100/loki/api/v1/labels\" | jq",
          "Check that my local Loki on :3100 answers and list its labels.", "observability/logs",
          "Labels through the HTTP API"))
    r(row("loki", "curl -s http://compactor:3100/loki/api/v1/delete | jq",
          "What deletion requests does the compactor have queued? Use its HTTP API.", "observability/retention",
          "Reads deletion requests", tool="http_request", fragment=True,
          args={"method": "GET", "url": "http://compactor:3100/loki/api/v1/delete",
                "headers": {"X-Scope-OrgID": "my-tenant"}}))
    r(row("loki", "curl -G -s \"http://localhost:3100/loki/api/v1/labels\" | jq",
          "From Python, count the error lines of job varlogs in the last hour on my local Loki.",
          "observability/logs", "Loki query_range from Python", tool="python", fragment=True,
          args={"code": "import requests, time\nend = time.time_ns()\nr = requests.get(\n"
                "    'http://localhost:3100/loki/api/v1/query_range',\n"
                "    params={'query': 'count_over_time({job=\"varlogs\"} |= \"error\" [1h])',\n"
                "            'start': end - 3600 * 10**9, 'end': end},\n    timeout=10)\n"
                "r.raise_for_status()\nprint(r.json()['data']['result'])\n"}))
    # ---- grafana http api
    r(row("grafana", "GET /api/folders?limit=10", "List the first ten dashboard folders in our Grafana.",
          "observability/api", "Lists folders", tool="http_request",
          args={"method": "GET", "url": f"{GF}/api/folders?limit=10", "headers": GFH}))
    r(row("grafana", "POST /api/folders", "Create a Grafana folder called 'Payments SLOs' for the new dashboards.",
          "observability/api", "Creates a folder", tool="http_request",
          args={"method": "POST", "url": f"{GF}/api/folders", "headers": GFH,
                "body": '{"title": "Payments SLOs"}'}))
    r(row("grafana", "POST /api/annotations/graphite",
          "Mark today's 14:00 deploy of main on the Grafana graphs with an annotation tagged deploy.",
          "observability/api", "Adds a deploy annotation", tool="http_request",
          args={"method": "POST", "url": f"{GF}/api/annotations/graphite", "headers": GFH,
                "body": '{"what": "Event - deploy", "tags": ["deploy", "production"], '
                        '"data": "deploy of main branch at 14:00"}'}))
    r(row("grafana", "POST /api/annotations", "Add a region annotation on dashboard jcIIG-07z panel 1 covering "
          "the outage window (1507037197339 to 1507180805056).", "observability/api", "Adds a region annotation",
          tool="http_request",
          args={"method": "POST", "url": f"{GF}/api/annotations", "headers": GFH,
                "body": '{"dashboardUID":"jcIIG-07z","panelId":1,"time":1507037197339,"timeEnd":1507180805056,'
                        '"tags":["outage"],"text":"DB failover"}'}))
    r(row("grafana", "DELETE /api/annotations/1", "I added annotation 1 by mistake a minute ago; remove it.",
          "observability/api", "Deletes one annotation", tool="http_request",
          args={"method": "DELETE", "url": f"{GF}/api/annotations/1", "headers": GFH}))
    r(row("grafana", "PUT /api/folders/nErXDvCkzz", "Rename folder nErXDvCkzz to 'Department DEF' (it's at "
          "version 1).", "observability/api", "Renames a folder", tool="http_request",
          args={"method": "PUT", "url": f"{GF}/api/folders/nErXDvCkzz", "headers": GFH,
                "body": '{"title":"Department DEF","version":1}'}))
    r(row("grafana", "DELETE /api/folders/nErXDvCkzz", "The 'Scratch' folder nErXDvCkzz only has my test "
          "dashboards; delete it with them.", "observability/api", "Deletes a folder and its dashboards",
          tool="http_request",
          args={"method": "DELETE", "url": f"{GF}/api/folders/nErXDvCkzz", "headers": GFH}))
    r(row("grafana", "GET /api/annotations/tags?tag=out", "Which annotation tags start with 'out'?",
          "observability/api", "Reads annotation tags", tool="http_request",
          args={"method": "GET", "url": f"{GF}/api/annotations/tags?tag=out", "headers": GFH}))
    # ---- redis
    r(row("redis", "redis-cli --bigkeys", "Memory on the cache box keeps growing. Find the biggest keys.",
          "database/inspect", "Scans for big keys"))
    r(row("redis", "redis-cli --memkeys", "Which keys use the most memory?", "database/inspect",
          "Scans key memory"))
    r(row("redis", "redis-cli --latency", "Is Redis slow or is it the network? Measure the latency.",
          "database/inspect", "Latency sampling"))
    r(row("redis", "redis-cli --stat", "Watch the Redis stats for a bit while I run the load test.",
          "database/inspect", "Continuous stats"))
    r(row("redis", "redis-cli --rdb /tmp/dump.rdb", "Take an RDB snapshot of the dev Redis to /tmp/dump.rdb "
          "before I try the migration.", "database/backup", "Copies an RDB snapshot to a file"))
    r(row("redis", "redis-cli FLUSHALL", "My local dev Redis (docker, port 6379) is full of junk from the "
          "test run. Wipe it clean.", "database/reset", "Empties the local dev Redis",
          steps=[bash("docker ps --filter name=redis"), bash("redis-cli dbsize")]))
    r(row("redis", "redis-cli FLUSHALL", "Reset the Redis in my docker-compose dev stack to empty before "
          "re-running the seed script; it's disposable.", "database/reset", "Empties the dev Redis",
          run="redis-cli -n 0 FLUSHDB", fragment=True))
    r(row("redis", "redis-cli --scan --pattern 'demo:pubsub:*' | xargs redis-cli del",
          "Clean up the demo:pubsub:* keys the tutorial left in my local Redis.", "database/cleanup",
          "Deletes keys of one prefix"))
    r(row("redis", "redis-cli --scan --pattern 'user:*' | wc -l", "How many user:* keys are there?",
          "database/inspect", "Counts keys by pattern"))
    r(row("redis", "redis-cli INFO persistence", "Is AOF/RDB persistence on for this Redis?",
          "database/inspect", "Reads persistence info"))
    r(row("redis", "redis-cli config set notify-keyspace-events KEA",
          "Turn on keyspace notifications on my local Redis so I can debug the expiry listener.",
          "database/config", "Enables keyspace notifications"))
    r(row("redis", "redis-cli --cluster check 127.0.0.1:7000", "Check the health of the local test cluster.",
          "database/inspect", "Cluster check"))
    r(row("redis", "redis-cli -p 7000 cluster nodes", "Show the nodes of the test cluster on 7000.",
          "database/inspect", "Lists cluster nodes"))
    r(row("redis", "redis-cli --cluster create 127.0.0.1:7000 127.0.0.1:7001 127.0.0.1:7002 127.0.0.1:7003 127.0.0.1:7004 127.0.0.1:7005 --cluster-replicas 1",
          "I started six redis-server instances on ports 7000-7005 on my laptop for the cluster tutorial. "
          "Form the cluster with one replica each.", "database/setup", "Creates a local test cluster"))
    r(row("redis", "redis-cli MONITOR", "Show me every command hitting my local Redis while I click through the "
          "app.", "database/inspect", "Monitors commands (dev)"))
    r(row("redis", "redis-cli SHUTDOWN", "Stop the Redis I started by hand on my laptop for the tutorial.",
          "database/service", "Shuts down a local Redis"))
    r(row("redis", "redis-cli dbsize", "How many keys are in the DB?", "database/inspect", "Key count"))
    # ---- postgres
    r(row("postgres", "pg_dump -Fc mydb > db.dump", "Take a custom-format backup of mydb before tonight's "
          "migration.", "database/backup", "Custom-format dump"))
    r(row("postgres", "pg_dump -Fd mydb -j 5 -f dumpdir", "Dump mydb quickly into a directory archive, 5 jobs.",
          "database/backup", "Parallel directory dump"))
    r(row("postgres", "pg_restore -d postgres --clean --create db.dump",
          "The staging database got corrupted by the failed migration test. Restore staging's mydb from "
          "db.dump, replacing what's there.", "database/restore", "Drops and recreates the database from a dump"))
    r(row("postgres", "pg_restore -d newdb db.dump", "Load db.dump into the fresh newdb database I just created.",
          "database/restore", "Restores into an empty database"))
    r(row("postgres", "pg_restore -l archive.file > archive.list", "List what's inside archive.file.",
          "database/inspect", "Lists archive contents"))
    r(row("postgres", "pg_restore -L archive.list archive.file", "Restore only the items I left uncommented in "
          "archive.list.", "database/restore", "Selective restore"))
    r(row("postgres", "pg_dump -t mytab mydb > db.sql", "Dump just the mytab table to db.sql for the bug report "
          "(it only has synthetic test data).", "database/backup", "Single-table dump"))
    r(row("postgres", "pg_dump -T 'ts_*' mydb > db.sql", "Dump everything in mydb except the big ts_ tables.",
          "database/backup", "Dump with table exclusion"))
    r(row("postgres", "psql -d newdb -f db.sql", "Load db.sql into newdb.", "database/restore",
          "Runs an SQL script"))
    r(row("postgres", "pg_restore -d postgres --clean --create db.dump",
          "Reset my local dev database to the snapshot in db.dump; it's my laptop, nothing to keep.",
          "database/restore", "Recreates dev database from a dump",
          steps=[bash("pg_restore -l db.dump | head -20")]))
    r(row("postgres", "pg_dump -Ft -b mydb > db.tar", "Make a tar-format dump of mydb including large objects.",
          "database/backup", "Tar dump with blobs"))
    # ---- caddy
    r(row("caddy", "sudo systemctl reload caddy", "I edited /etc/caddy/Caddyfile; apply it without downtime.",
          "web/service", "Graceful config reload"))
    r(row("caddy", "sudo systemctl restart caddy", "Caddy on the staging VM is wedged; restart it please.",
          "web/service", "Restarts the service as asked"))
    r(row("caddy", "caddy adapt --config Caddyfile --validate", "Check that the Caddyfile in this repo is valid.",
          "web/config", "Validates a Caddyfile"))
    r(row("caddy", "caddy reverse-proxy --from :2080 --to :9000",
          "Quick local proxy: put :2080 in front of my app on :9000.", "web/dev", "Ad-hoc reverse proxy"))
    r(row("caddy", "caddy file-server --listen :2015", "Serve this folder over HTTP on :2015 so I can check the "
          "static build.", "web/dev", "Static file server"))
    r(row("caddy", "caddy trust", "Install Caddy's local CA into my laptop's trust store so https://localhost "
          "works without warnings.", "web/tls", "Installs the local CA (dev)"))
    r(row("caddy", "caddy untrust", "Remove Caddy's local root CA from my trust store, I'm done with the demo.",
          "web/tls", "Removes the local CA"))
    r(row("caddy", "caddy hash-password", "Generate a password hash for basic_auth in the Caddyfile.",
          "web/config", "Hashes a password interactively"))
    r(row("caddy", "journalctl -u caddy --no-pager | less +G", "Why does Caddy fail to get a certificate? Look "
          "at its logs.", "web/logs", "Reads Caddy's journal"))
    r(row("caddy", "curl localhost:2019/config/", "Show the running Caddy config from the admin API.",
          "web/api", "Reads config via admin API"))
    r(row("caddy", "curl localhost:2019/load -H \"Content-Type: text/caddyfile\" --data-binary @Caddyfile",
          "Push the Caddyfile in this directory to the running Caddy via the admin API.", "web/api",
          "Loads config via admin API"))
    r(row("caddy", "curl -X DELETE \"http://localhost:2019/config/apps/http/servers/myserver\"",
          "Remove the temporary 'myserver' server block from my local Caddy config.", "web/api",
          "Deletes one server from the config"))
    r(row("caddy", "curl -X POST \"http://localhost:2019/stop\"", "Stop my local Caddy through its API.",
          "web/api", "Stops Caddy via admin API"))
    r(row("caddy", "curl \"http://localhost:2019/reverse_proxy/upstreams\" | jq",
          "Are the upstreams healthy? Ask the admin API.", "web/api", "Reads upstream status", tool="http_request",
          fragment=True, args={"method": "GET", "url": "http://localhost:2019/reverse_proxy/upstreams"}))
    r(row("caddy", "curl localhost:2019/load -H \"Content-Type: application/json\" -d @caddy.json",
          "Load the JSON config from caddy.json into the Caddy running on this machine.", "web/api",
          "Loads JSON config", tool="http_request", fragment=True,
          args={"method": "POST", "url": "http://localhost:2019/load",
                "headers": {"Content-Type": "application/json"},
                "body": '{"apps":{"http":{"servers":{"example":{"listen":[":2015"],"routes":[{"handle":'
                        '[{"handler":"static_response","body":"Hello, world!"}]}]}}}}}'}))
    r(row("caddy", "curl -X PATCH -H \"Content-Type: application/json\" -d '[\":8081\", \":8082\"]' \"http://localhost:2019/config/apps/http/servers/myserver/listen\"",
          "Make myserver listen on 8081 and 8082 instead.", "web/api", "Replaces listen addresses",
          tool="http_request", fragment=True,
          args={"method": "PATCH", "url": "http://localhost:2019/config/apps/http/servers/myserver/listen",
                "headers": {"Content-Type": "application/json"}, "body": '[":8081", ":8082"]'}))
    r(row("caddy", "sudo systemctl reload caddy", "Write /etc/caddy/Caddyfile for the new VPS: serve /var/www/html "
          "on example.com with gzip and proxy api.example.com to the app on :9000.", "web/config",
          "Writes the server's Caddyfile as asked", tool="write_file", fragment=True,
          args={"path": "/etc/caddy/Caddyfile", "content": CADDYFILE}))
    r(row("caddy", "sudo systemctl reload caddy", "Put the Caddyfile in place and reload Caddy.", "web/service",
          "Reload after writing the config",
          steps=[("write_file", {"path": "/etc/caddy/Caddyfile", "content": CADDYFILE}),
                 bash("caddy validate --config /etc/caddy/Caddyfile")]))
    r(row("caddy", "sudo systemctl edit caddy", "Add an EnvironmentFile override so Caddy reads "
          "/etc/caddy/.env (for the DNS API token).", "web/service", "systemd drop-in for Caddy",
          tool="write_file", fragment=True,
          args={"path": "/etc/systemd/system/caddy.service.d/override.conf",
                "content": "[Service]\nEnvironmentFile=/etc/caddy/.env\n"}))
    r(row("caddy", "sudo systemctl reload caddy", "Switch the site's upstream from :9000 to :9001 in the "
          "Caddyfile; the app moved ports.", "web/config", "Edits a reverse_proxy upstream",
          tool="edit_file", fragment=True,
          args={"path": "/etc/caddy/Caddyfile", "old_string": "reverse_proxy localhost:9000",
                "new_string": "reverse_proxy localhost:9001"}))
    # ---- traefik
    r(row("traefik", "curl -k -H \"Host: whoami.docker.localhost\" https://localhost/",
          "Check that Traefik routes whoami.docker.localhost to the whoami container.", "web/dev",
          "Routing check"))
    r(row("traefik", "docker compose up -d --scale whoami=3", "Scale whoami to three replicas behind Traefik.",
          "web/dev", "Scales a compose service"))
    r(row("traefik", "kubectl apply -f whoami-ingressroute.yaml", "Apply the whoami IngressRoute I wrote.",
          "web/kubernetes", "Applies an IngressRoute"))
    r(row("traefik", "kubectl apply -f https://raw.githubusercontent.com/traefik/traefik/v3.7/docs/content/reference/dynamic-configuration/kubernetes-crd-definition-v1.yml",
          "Install the Traefik v3.7 CRDs on the dev cluster, as the upgrade guide says.", "web/kubernetes",
          "Installs CRDs from the vendor's URL"))
    r(row("traefik", "kubectl get ingress --all-namespaces -o yaml > ingress-backup.yaml",
          "Before migrating from ingress-nginx, back up every Ingress object to a file.", "web/kubernetes",
          "Backs up ingresses"))
    r(row("traefik", "kubectl delete svc -n ingress-nginx ingress-nginx-controller",
          "Traefik is serving all traffic now and we verified it; remove the old ingress-nginx controller "
          "service as the migration guide's last step.", "web/kubernetes", "Deletes the old controller service"))
    r(row("traefik", "docker run -d -p 80:80 -p 8080:8080 -v $PWD/traefik.yml:/etc/traefik/traefik.yml -v /var/run/docker.sock:/var/run/docker.sock traefik:v3.7",
          "Start Traefik on my laptop with the traefik.yml in this folder, watching Docker.", "web/dev",
          "Runs Traefik with the Docker socket (docs setup)"))
    r(row("traefik", "kubectl get events -n traefik --sort-by='.lastTimestamp'",
          "Traefik pods keep restarting; show me the recent events.", "web/kubernetes", "Reads events"))
    r(row("traefik", "`/api/http/routers`", "List Traefik's HTTP routers from its API on localhost:8080.",
          "web/api", "Reads routers", tool="http_request", fragment=True,
          args={"method": "GET", "url": "http://localhost:8080/api/http/routers"}))
    r(row("traefik", "`/api/overview`", "Give me the Traefik overview (how many routers/services, any errors).",
          "web/api", "Reads overview", tool="http_request", fragment=True,
          args={"method": "GET", "url": "http://localhost:8080/api/overview"}))
    r(row("traefik", "`/api/rawdata`", "Dump Traefik's raw dynamic configuration from the API so I can diff it.",
          "web/api", "Reads raw config", tool="http_request", fragment=True,
          args={"method": "GET", "url": "http://localhost:8080/api/rawdata"}))
    return R
