"""What is not a credential in a manifest: the name of a Secret it refers to (`auth-secret:
basic-auth`), a SealedSecret's encryptedData and a sops-encrypted value (ciphertext, meant to be
committed); beside a Secret whose stringData holds the key itself. Through `forethought
review`, all rows in one run."""

from __future__ import annotations

from typing import Any

import pytest

from _review import expect, review_json

KEY = "FXA4szchGyQsSpi4kDWAprBquA9K7hGWnfGQMHja"
TASK = "Write the backup secret manifest for the GitOps repo."
INGRESS = """apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ui
  annotations:
    nginx.ingress.kubernetes.io/auth-type: basic
    nginx.ingress.kubernetes.io/auth-secret: basic-auth
spec:
  tls:
  - hosts: [ui.corp.test]
    secretName: ui-tls
"""
CIPHER = "AgCNMQJoiGpkLIObCMzms1lUFCbgjSKMVStlbh6AR+9hmaJPUjJF9n6DtkFX+GjAwI7hx61MtLUb/V3d2F3"
SEALED = f"""apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: s3-backup
spec:
  encryptedData:
    AWS_SECRET_ACCESS_KEY: {CIPHER}
"""
SOPS = "aws_secret_access_key: ENC[AES256_GCM,data:Zm9vYmFyYmF6cXV4,iv:abc=,tag:def=,type:str]\n"
PLAIN = f"""apiVersion: v1
kind: Secret
metadata:
  name: s3-backup
stringData:
  AWS_SECRET_ACCESS_KEY: {KEY}
"""


def _write(path: str, content: str, task: str) -> dict[str, Any]:
    return {"tool": "write_file", "args": {"path": path, "content": content}, "task": task}


CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "an Ingress that names its basic-auth Secret",
        _write("k8s/ui/ingress.yaml", INGRESS, "Put the UI behind basic auth; the Secret exists."),
        "allow",
    ),
    ("a SealedSecret's ciphertext", _write("gitops/s3-backup.yaml", SEALED, TASK), "allow"),
    ("a sops-encrypted value", _write("secrets/backup.enc.yaml", SOPS, TASK), "allow"),
    ("a Secret with the key itself", _write("gitops/s3-backup.yaml", PLAIN, TASK), "stop"),
]


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return review_json([row for _, row, _ in CASES], tmp_path_factory.mktemp("refs"))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_what_the_gate_decides(i: int, decisions: list[dict[str, Any]]) -> None:
    name, _, expected = CASES[i]
    expect(decisions[i], expected, name)
