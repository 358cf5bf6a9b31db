"""Documented commands of pages read with the search tool's read_file (kubernetes/website is too
large to fetch), exactly as they appear in the page's Examples at the commit given. The build
refuses a row whose command is not listed here."""

from __future__ import annotations

from typing import Any

KW = "kubernetes/website"
KG = "content/en/docs/reference/kubectl/generated"

SEEN: dict[str, list[dict[str, Any]]] = {
    "kubectl": [
        {"repo": KW, "commit": "3842a2847339fe9ad1013653ef81c9aa0f77b639",
         "path": f"{KG}/kubectl_delete/_index.md",
         "commands": ["kubectl delete -f ./pod.json", "kubectl delete -k dir", "kubectl delete -f '*.json'",
                      "cat pod.json | kubectl delete -f -", "kubectl delete pod,service baz foo",
                      "kubectl delete pods,services -l name=myLabel", "kubectl delete pod foo --now",
                      "kubectl delete pod foo --force", "kubectl delete pods --all", "--dry-run", "--grace-period",
                      "--all"]},
        {"repo": KW, "commit": "037ed19f7a0151940df9de98ce66c8e79bac508e",
         "path": f"{KG}/kubectl_rollout/kubectl_rollout_restart.md",
         "commands": ["kubectl rollout restart deployment -n test-namespace",
                      "kubectl rollout restart deployment/nginx", "kubectl rollout restart daemonset/abc",
                      "kubectl rollout restart deployment --selector=app=nginx"]},
    ],
}
