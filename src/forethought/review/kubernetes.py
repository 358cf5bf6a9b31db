"""What a Kubernetes manifest asks a cluster to do: run privileged pods, share the node's
namespaces or file system, bind cluster-admin.

A manifest changes nothing until it is applied (``kubectl apply -f pod.yaml``, ``kubectl create
-f - <<EOF``), and then it changes the cluster by its content, not by its name: a "dns-debug"
pod with ``hostPID: true`` and the node's ``/`` mounted is root on that node. The shell reviewer
judges an apply by the manifest it reads (a here-document, text piped in, a file the same
command line or an earlier step of the session wrote); the file reviewer notes a manifest
written with such content, graded lower since nothing runs yet.

What counts (the Kubernetes documentation's "Pod Security Standards", baseline and privileged
profiles, and "RBAC good practices"): privileged containers, added capabilities that reach the
node (SYS_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, ALL), the host's PID, IPC and network
namespaces, hostPath volumes of the node's root, system directories, kubelet state or the
container runtime's socket; bindings to cluster-admin, roles granting every verb on every
resource, and the verbs that grant more than they hold (escalate, bind, impersonate).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from forethought.review.base import Prediction, Severity

_MAX_BYTES = 200_000
_MAX_DOCS = 64
# hostPath directories whose mount hands the pod the node: its root, system configuration and
# binaries, every user's home, kubelet and runtime state, the runtime's socket, /proc and /sys.
_NODE_PATHS = re.compile(
    r"^/$|^/(?:etc|root|home|boot|bin|sbin|lib|lib64|usr|proc|sys|dev|var/lib/kubelet|"
    r"var/lib/docker|var/lib/containerd|var/run|run)(?:/.*)?$|"
    r"(?:docker|containerd|crio|cri-dockerd)\.sock$"
)
_NODE_CAPABILITIES = frozenset(
    {"ALL", "SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF"}
)
_ESCALATING_VERBS = frozenset({"escalate", "bind", "impersonate"})
PRIVILEGE = "privilege_escalation"
Finding = tuple[str, Severity, float]  # what, severity, probability


def looks_like_manifest(text: str) -> bool:
    return "apiVersion" in text and "kind" in text


def _documents(text: str) -> list[dict[str, Any]]:
    import yaml

    if len(text) > _MAX_BYTES or not looks_like_manifest(text):
        return []
    try:
        docs = list(yaml.safe_load_all(text))[:_MAX_DOCS]
    except yaml.YAMLError:
        try:  # (a JSON manifest, or a List)
            docs = [yaml.safe_load(text)]
        except yaml.YAMLError:
            return []
    out: list[dict[str, Any]] = []
    for doc in docs:
        if isinstance(doc, dict) and doc.get("kind") == "List":
            out += [d for d in doc.get("items") or [] if isinstance(d, dict)]
        elif isinstance(doc, dict):
            out.append(doc)
    return out


def _pod_specs(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every pod spec in a document (a Pod's, a Deployment's template, a CronJob's job)."""
    if depth > 12:
        return
    if isinstance(node, dict):
        if isinstance(node.get("containers"), list):
            yield node
        for value in node.values():
            yield from _pod_specs(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _pod_specs(value, depth + 1)


def _name(doc: dict[str, Any]) -> str:
    meta = doc.get("metadata")
    name = meta.get("name") if isinstance(meta, dict) else None
    return f"{doc.get('kind', 'object')} {name}" if name else str(doc.get("kind", "object"))


def _pod_findings(doc: dict[str, Any]) -> Iterator[Finding]:
    """(what, severity, probability) for what the document's pods take from their node."""
    for spec in _pod_specs(doc):
        for key, what in (("hostPID", "the node's processes"), ("hostIPC", "the node's IPC")):
            if spec.get(key) is True:
                yield f"shares {what} with the pod ({key}: true)", "high", 0.8
        if spec.get("hostNetwork") is True:
            yield "puts the pod on the node's network (hostNetwork: true)", "moderate", 0.6
        for volume in spec.get("volumes") or []:
            host = volume.get("hostPath") if isinstance(volume, dict) else None
            path = str(host.get("path", "")).rstrip("/") or "/" if isinstance(host, dict) else ""
            if path and _NODE_PATHS.search(path):
                yield f"mounts the node's {path} into the pod (hostPath)", "high", 0.8
        containers = [
            c
            for key in ("containers", "initContainers", "ephemeralContainers")
            for c in spec.get(key) or []
            if isinstance(c, dict)
        ]
        for container in containers:
            context = container.get("securityContext")
            if not isinstance(context, dict):
                continue
            if context.get("privileged") is True:
                yield "runs a privileged container: root on the node", "high", 0.85
            added = (context.get("capabilities") or {}).get("add") or []
            strong = sorted(
                {str(c).upper().removeprefix("CAP_") for c in added} & _NODE_CAPABILITIES
            )
            if strong:
                yield f"gives a container {', '.join(strong)}: reach into the node", "high", 0.8


def _rbac_findings(doc: dict[str, Any]) -> Iterator[Finding]:
    kind = doc.get("kind")
    if kind in ("ClusterRoleBinding", "RoleBinding"):
        ref = doc.get("roleRef")
        if isinstance(ref, dict) and ref.get("name") == "cluster-admin":
            scope = "the whole cluster" if kind == "ClusterRoleBinding" else "its namespace"
            yield f"binds cluster-admin: full control of {scope}", "high", 0.85
    elif kind in ("ClusterRole", "Role"):
        for rule in doc.get("rules") or []:
            if not isinstance(rule, dict):
                continue
            verbs = {str(v) for v in rule.get("verbs") or []}
            resources = {str(r) for r in rule.get("resources") or []}
            if "*" in verbs and "*" in resources:
                yield "grants every verb on every resource (an admin role)", "high", 0.8
            elif verbs & _ESCALATING_VERBS:
                which = ", ".join(sorted(verbs & _ESCALATING_VERBS))
                yield f"grants {which}: more than the role itself holds", "high", 0.75
            elif "secrets" in resources and verbs & {"get", "list", "watch", "*"}:
                yield "lets its subjects read secrets", "moderate", 0.6
            elif resources & {"pods/exec", "pods/attach", "nodes/proxy"} and verbs & {
                "create",
                "get",
                "*",
            }:
                yield "lets its subjects run commands in pods or on nodes", "moderate", 0.6


LOAD_BALANCER = (
    "puts the service on a load balancer with no source ranges: reachable from outside the "
    "cluster, from anywhere the load balancer is"
)


def _fragment_findings(node: Any, depth: int = 0) -> Iterator[Finding]:
    """What a fragment of a pod spec takes from the node, wherever it sits (a `kubectl run
    --overrides` object, the value of a JSON patch's operation): the same findings as a whole
    manifest's pods, read key by key."""
    if depth > 16:
        return
    if isinstance(node, list):
        for value in node[:256]:
            yield from _fragment_findings(value, depth + 1)
        return
    if not isinstance(node, dict):
        return
    for key, what in (("hostPID", "the node's processes"), ("hostIPC", "the node's IPC")):
        if node.get(key) is True:
            yield f"shares {what} with the pod ({key}: true)", "high", 0.8
    if node.get("hostNetwork") is True:
        yield "puts the pod on the node's network (hostNetwork: true)", "moderate", 0.6
    host = node.get("hostPath")
    if isinstance(host, dict):
        path = str(host.get("path", "")).rstrip("/") or "/"
        if _NODE_PATHS.search(path):
            yield f"mounts the node's {path} into the pod (hostPath)", "high", 0.8
    if node.get("type") == "LoadBalancer" and not node.get("loadBalancerSourceRanges"):
        yield LOAD_BALANCER, "moderate", 0.6
    if node.get("privileged") is True:
        yield "runs a privileged container: root on the node", "high", 0.85
    caps = node.get("capabilities")
    if isinstance(caps, dict):
        added = caps.get("add") or []
        strong = sorted(
            {str(c).upper().removeprefix("CAP_") for c in added if isinstance(c, str)}
            & _NODE_CAPABILITIES
        )
        if strong:
            yield f"gives a container {', '.join(strong)}: reach into the node", "high", 0.8
    for value in node.values():
        if isinstance(value, (dict, list)):
            yield from _fragment_findings(value, depth + 1)


def fragment_predictions(text: str, evidence: str, how: str) -> list[Prediction]:
    """What a fragment of a pod spec given on the command line (``how``: "overrides the pod
    with", "patches the workload with") gives the pod; nothing for text that is not JSON or
    YAML."""
    import yaml

    if len(text) > _MAX_BYTES:
        return []
    try:
        node = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    seen: set[str] = set()
    found: list[Prediction] = []
    for what, severity, probability in _fragment_findings(node):
        if what in seen:
            continue
        seen.add(what)
        found.append(
            Prediction(
                f"{how} a spec that {what}",
                "harm",
                probability,
                severity,
                True,
                evidence[:200],
                PRIVILEGE,
            )
        )
    return found


def manifest_predictions(text: str, evidence: str, applied: bool = True) -> list[Prediction]:
    """What applying the manifest ``text`` does to the cluster; where it is only written
    (``applied`` False), the same findings a grade lower: nothing runs until it is applied."""
    found: list[Prediction] = []
    for doc in _documents(text):
        for what, severity, probability in (*_pod_findings(doc), *_rbac_findings(doc)):
            if not applied:
                severity = "moderate" if severity in ("high", "critical") else "low"
                probability = 0.5
                what = f"writes a manifest that, once applied, {what}"
            found.append(
                Prediction(
                    f"{_name(doc)}: {what}",
                    "harm",
                    probability,
                    severity,
                    True,
                    evidence[:200],
                    PRIVILEGE,
                )
            )
    return found
