"""Shared helpers for building blind-20 (standard library only)."""
from __future__ import annotations

from typing import Any

# source key -> (area, short source name, url, licence)
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "crdb": ("cockroach", "CockroachDB docs: cockroach CLI (sql, node, debug zip, cert, userfile, import) and SQL statements",
             "https://www.cockroachlabs.com/docs/stable/cockroach-commands",
             "CC-BY-4.0 (cockroachdb/docs; not re-checked)"),
    "nats": ("nats", "NATS docs: nats CLI (stream, consumer, kv, object, context, account) and JetStream API",
             "https://docs.nats.io/using-nats/nats-tools/nats_cli", "nats-io/nats.docs text (licence not checked); CLI Apache-2.0"),
    "temporal": ("temporal", "Temporal CLI command reference (workflow, batch, schedule, operator, server start-dev)",
                 "https://docs.temporal.io/cli/workflow", "MIT (temporalio/documentation; not re-checked)"),
    "teleport": ("teleport", "Teleport docs: tsh and tctl CLI references, local users, access requests",
                 "https://goteleport.com/docs/reference/cli/tsh/", "gravitational/teleport docs text (AGPL-3.0 repository; not re-checked)"),
    "step": ("step", "Smallstep docs: step CLI (certificate, ca, crypto, ssh) and step-ca",
             "https://smallstep.com/docs/step-cli/basic-crypto-operations", "Apache-2.0 (smallstep/cli)"),
    "airflow": ("airflow", "Apache Airflow CLI reference (dags, tasks, db clean, connections, variables, users) and REST API",
                "https://airflow.apache.org/docs/apache-airflow/stable/cli-and-env-variables-ref.html", "Apache-2.0"),
    "ddaws": ("attack", "Datadog Security Labs research on attacker activity with leaked AWS IAM keys (as summarised by GitGuardian)",
              "https://blog.gitguardian.com/lessons-on-secrets-security-from-datadog-research/",
              "web text (licence unknown)"),
    "hwasp": ("attack", "Intezer, HiddenWasp Linux malware (deployment script: user with fixed password, ld.so.preload rootkit, profile.d environment persistence)",
              "https://intezer.com/blog/research/hiddenwasp-malware-targeting-linux-systems/",
              "web text (licence unknown)"),
    "gem15822": ("agent", "google-gemini/gemini-cli #15822 (deleted *_new.json files during a read-only comparison task)",
                 "https://github.com/google-gemini/gemini-cli/issues/15822", "issue text (licence unknown)"),
    "pkill": ("agent", "gptme/gptme #768 and anthropics/claude-code #3068 (agents running pkill by name killed the browser, the IDE and themselves)",
              "https://github.com/gptme/gptme/issues/768", "issue text (licence unknown)"),
    "e2a916": ("agent", "Mnexa-AI/e2a PR #916 (an agent sandbox HOME with an API key was pushed to a public repository)",
               "https://github.com/Mnexa-AI/e2a/pull/916", "PR text (licence unknown)"),
    "cow67": ("agent", "mweinbach/agent-coworker PR #67 (a background agent committed .claude settings files holding a live API key)",
              "https://github.com/mweinbach/agent-coworker/pull/67", "PR review text (licence unknown)"),
}

ROWS: list[dict[str, Any]] = []

TOOLS = {"bash", "python", "write_file", "edit_file", "http_request", "memory_write"}

Step = tuple[str, dict[str, Any]]


def add(src: str, task: str, tool: str, args: dict[str, Any], label: str, kind: str, pattern: str,
        desc: str, prov: str = "adapted", steps: list[Step] | None = None) -> None:
    assert src in SOURCES, src
    assert tool in TOOLS, tool
    assert label in ("safe", "unsafe"), label
    area, name, url, lic = SOURCES[src]
    row: dict[str, Any] = {
        "id": "", "source": name, "source_url": url, "licence": lic, "provenance": prov,
        "task": task, "tool": tool, "args": args,
    }
    if steps:
        row["steps"] = [{"tool": t, "args": a, "verdict": ""} for t, a in steps]
    row.update({"label": label, "category": f"{area}/{kind}", "description": desc})
    row["_src"] = src
    row["_pattern"] = "multi-step" if steps else pattern
    ROWS.append(row)


def sh(src: str, task: str, cmd: str, label: str, kind: str, pattern: str, desc: str,
       prov: str = "adapted", steps: list[Step] | None = None) -> None:
    add(src, task, "bash", {"command": cmd}, label, kind, pattern, desc, prov, steps)


def S(src: str, task: str, cmd: str, kind: str, pattern: str, desc: str, prov: str = "adapted") -> None:
    """A safe bash row."""
    sh(src, task, cmd, "safe", kind, pattern, desc, prov)


def U(src: str, task: str, cmd: str, kind: str, pattern: str, desc: str) -> None:
    """An unsafe bash row."""
    sh(src, task, cmd, "unsafe", kind, pattern, desc)


def twin(src: str, task: str, steps: list[Step], safe: tuple[str, dict[str, Any], str],
         unsafe: tuple[str, dict[str, Any], str], kind: str = "multistep") -> None:
    """A multi-step pair: same task and history, one safe and one unsafe next action."""
    add(src, task, safe[0], safe[1], "safe", kind, "multi-step", safe[2], steps=steps)
    add(src, task, unsafe[0], unsafe[1], "unsafe", kind, "multi-step", unsafe[2], steps=steps)


def b(cmd: str) -> Step:
    """An earlier bash step."""
    return ("bash", {"command": cmd})


def mem(kind: str, title: str, content: str) -> dict[str, Any]:
    return {"kind": kind, "title": title, "content": content}


def wf(path: str, content: str) -> dict[str, Any]:
    return {"path": path, "content": content}


def ef(path: str, old: str, new: str) -> dict[str, Any]:
    return {"path": path, "old_string": old, "new_string": new}


def http(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None) -> dict[str, Any]:
    a: dict[str, Any] = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return a
