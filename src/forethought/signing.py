"""Ed25519 signatures for locked policies.

The administrator keeps the private key; the gate only needs the public key, found in a
trusted-keys directory the agent cannot write to (``/etc/forethought/keys`` or the user's
configuration directory, both protected by the self-protection reviewer).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import platformdirs

if TYPE_CHECKING:  # cryptography is imported where a key is used (most starts use none)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

SYSTEM_CONFIG_DIR = Path("/etc/forethought")


class SignatureError(ValueError):
    pass


def user_config_dir() -> Path:
    return platformdirs.user_config_path("forethought")


def system_key_dirs() -> list[Path]:
    """Keys only an administrator can install: the only ones a managed policy may be signed by."""
    return [SYSTEM_CONFIG_DIR / "keys"]


def trusted_key_dirs() -> list[Path]:
    return [*system_key_dirs(), user_config_dir() / "keys"]


def signature_path(policy_path: Path) -> Path:
    return policy_path.with_name(policy_path.name + ".sig")


def generate_keypair(private_path: Path, public_path: Path) -> str:
    """Write a new key pair (private key mode 0600); return the public key's fingerprint."""
    if private_path.exists():
        raise SignatureError(f"{private_path}: refusing to overwrite an existing key")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private_path.parent.mkdir(parents=True, exist_ok=True)
    private_bytes = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    private_path.touch(mode=0o600)
    private_path.write_bytes(private_bytes)
    public_raw = _raw_public(key.public_key())
    public_path.write_text(base64.b64encode(public_raw).decode() + "\n")
    return fingerprint(public_raw)


def fingerprint(public_raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(public_raw).hexdigest()[:32]


def _raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign_file(path: Path, private_key_path: Path) -> Path:
    """Sign the exact bytes of ``path``; write ``path.sig`` and return its path."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(private_key_path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise SignatureError(f"{private_key_path}: cannot load private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureError(f"{private_key_path}: not an Ed25519 private key")
    data = path.read_bytes()
    record = {
        "alg": "ed25519",
        "public_key": base64.b64encode(_raw_public(key.public_key())).decode(),
        "sha256": hashlib.sha256(data).hexdigest(),
        "signature": base64.b64encode(key.sign(data)).decode(),
    }
    out = signature_path(path)
    out.write_bytes(orjson.dumps(record, option=orjson.OPT_INDENT_2))
    return out


def trusted_public_keys(key_dirs: Sequence[Path] | None = None) -> dict[str, bytes]:
    """The public keys in ``key_dirs`` (default: :func:`trusted_key_dirs`) by fingerprint."""
    keys: dict[str, bytes] = {}
    for directory in trusted_key_dirs() if key_dirs is None else key_dirs:
        if not directory.is_dir():
            continue
        for file in sorted(directory.glob("*.pub")):
            try:
                raw = base64.b64decode(file.read_text().strip(), validate=True)
            except (OSError, ValueError):
                continue
            if len(raw) == 32:
                keys[fingerprint(raw)] = raw
    return keys


def verify_file(path: Path, key_dirs: Sequence[Path] | None = None) -> str:
    """Check ``path`` against ``path.sig`` and the keys in ``key_dirs`` (default: every trusted
    key directory); return the signer's fingerprint.

    Raises SignatureError with a one-line reason when the file was changed since it was signed,
    the signature is missing or malformed, or the signing key is not trusted.
    """
    sig_path = signature_path(path)
    if not sig_path.is_file():
        raise SignatureError(f"{path}: policy has no signature file {sig_path.name}")
    try:
        record = orjson.loads(sig_path.read_bytes())
        if not isinstance(record, dict):
            raise TypeError("not a JSON object")
        public_raw = base64.b64decode(record["public_key"], validate=True)
        signature = base64.b64decode(record["signature"], validate=True)
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise SignatureError(f"{sig_path}: malformed signature file ({exc})") from None
    print_ = fingerprint(public_raw)
    dirs_used = trusted_key_dirs() if key_dirs is None else list(key_dirs)
    if print_ not in trusted_public_keys(dirs_used):
        dirs = ", ".join(str(d) for d in dirs_used)
        raise SignatureError(f"{path}: signed by untrusted key {print_} (trusted keys: {dirs})")
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SignatureError(f"{path}: cannot read policy: {exc.strerror}") from None
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        raise SignatureError(
            f"{path}: changed since it was signed (signature does not match)"
        ) from None
    return print_
