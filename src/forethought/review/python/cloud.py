"""Cloud SDKs: a call of a boto3 client is the AWS CLI command it equals, judged by the program
catalogue (``programs.d/cloud.toml``) like the command itself.

``boto3.client("cloudtrail").stop_logging(Name="main")`` is ``aws cloudtrail stop-logging
--name main``: botocore's operations and parameters are the CLI's, in snake case and
CamelCase where the CLI writes kebab case (the CLI is generated from the same service models),
so one catalogue entry describes both and no second table of cloud operations is kept. A
client is a ``.client("<service>")`` call (of ``boto3``, a session, or ``aioboto3``) or a name
assigned one; values only the run can tell are written as ``UNKNOWN``. The Google and Azure
SDKs have no such one-to-one CLI: a table gives their calls' commands (``cloud_sdks``). The
command is also what the task's scope reads: "delete the bucket my-lab-bucket" names the
bucket of ``s3.delete_bucket(Bucket="my-lab-bucket")`` as it names that of ``aws s3api
delete-bucket --bucket my-lab-bucket``.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
from typing import TYPE_CHECKING, Any

from forethought.review.python.cloud_sdks import note_command
from forethought.review.python.syntax import argument
from forethought.review.python.values import UNKNOWN

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

MODULES = ("boto3", "botocore", "aioboto3")
# boto3's service names where the AWS CLI spells them otherwise (s3's API operations are the
# CLI's s3api; `aws s3` is the CLI's own file commands).
_CLI_SERVICE = {"s3": "s3api", "config": "configservice"}
_PLACEHOLDER = "UNKNOWN"
_MAX_DEPTH = 8


def _kebab(name: str) -> str:
    """``DBSnapshotIdentifier`` -> ``db-snapshot-identifier`` (botocore's xform_name, kebab)."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    return name.replace("_", "-").lower()


def _service(a: Analysis, node: ast.expr, depth: int = 0) -> str | None:
    """The service of the boto3 client ``node`` is, if it is one."""
    if depth > 3:
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("client", "create_client"):
            service = a.static(argument(node, 0, "service_name"))
            return service if isinstance(service, str) else None
        return None
    if isinstance(node, ast.Name):
        for value in a.names.values_of(node.id):
            found = _service(a, value, depth + 1)
            if found is not None:
                return found
    return None


def _value(a: Analysis, node: ast.expr, depth: int = 0) -> Any:
    """A parameter's value: literals, dicts and lists of them, json.dumps of one."""
    if depth > _MAX_DEPTH:
        return UNKNOWN
    if isinstance(node, ast.Dict):
        out: dict[str, Any] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            k = a.static(key) if key is not None else UNKNOWN
            if not isinstance(k, str):
                return UNKNOWN
            out[k] = _value(a, value, depth + 1)
        return out
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_value(a, e, depth + 1) for e in node.elts]
    if isinstance(node, ast.Call) and a.resolve(node.func) == "json.dumps" and node.args:
        inner = _value(a, node.args[0], depth + 1)
        return _json(inner) if inner is not UNKNOWN else UNKNOWN
    if isinstance(node, ast.Name):
        values = a.names.values_of(node.id)
        if len(values) == 1 and isinstance(values[0], (ast.Dict, ast.List, ast.Call)):
            return _value(a, values[0], depth + 1)
    return a.static(node)


def _json(value: Any) -> str:
    return json.dumps(value, default=lambda _: _PLACEHOLDER)


def _words(option: str, value: Any) -> list[str]:
    if value is True:
        return [option]
    if value is False:
        return [f"--no-{option[2:]}"]
    if value is UNKNOWN or value is None:
        return [option, _PLACEHOLDER]
    if isinstance(value, (dict, list)):
        return [option, _json(value)]
    return [option, str(value)]


def command(a: Analysis, node: ast.Call) -> str | None:
    """The AWS CLI command a boto3 client call equals, or None where ``node`` is none."""
    if not isinstance(node.func, ast.Attribute):
        return None
    service = _service(a, node.func.value)
    if service is None or node.func.attr.startswith("_"):
        return None
    words = ["aws", _CLI_SERVICE.get(service, service), _kebab(node.func.attr)]
    for kw in node.keywords:
        if kw.arg is None:  # **params: what they hold is known only at run time
            words.append(f"--{_PLACEHOLDER.lower()}")
            continue
        words += _words(f"--{_kebab(kw.arg)}", _value(a, kw.value))
    return shlex.join(words)


def scan(a: Analysis) -> None:
    """Every boto3 client call of the code, judged as its AWS CLI command."""
    for node in a.nodes:
        if isinstance(node, ast.Call):
            found = command(a, node)
            if found is not None:
                note_command(a, a.evidence(node), found)
                a.add(a.shell(found, a.evidence(node), f"through boto3 as `{found[:120]}`"))
