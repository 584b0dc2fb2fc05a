"""The key that signs export bundles (Ed25519), and checking a signature against a published
key.

The private key is a PEM (PKCS#8) file created 0600 on first use. Its public half is what the
operator publishes out of band (``faxvault export-key`` prints it and its fingerprint); an
auditor who holds it, or its fingerprint, can tell a bundle made by the key holder from one
rewritten by anyone else, however carefully the hashes inside were recomputed.

The fingerprint is ``SHA256:`` and the lowercase hex SHA-256 of the 32 raw public key bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = "ed25519"
MAX_KEY_FILE = 16 * 1024


class SigningKeyError(Exception):
    """The signing key file is missing, unsafe or not an Ed25519 key."""


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public: Ed25519PublicKey) -> str:
    return "SHA256:" + hashlib.sha256(_raw(public)).hexdigest()


def public_key_b64(public: Ed25519PublicKey) -> str:
    return base64.b64encode(_raw(public)).decode("ascii")


def public_key_pem(public: Ed25519PublicKey) -> str:
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def _read_private(path: Path) -> Ed25519PrivateKey:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SigningKeyError(f"{path}: not a regular file")
        if info.st_mode & 0o077:
            raise SigningKeyError(f"{path}: readable by others (mode "
                                  f"{stat.S_IMODE(info.st_mode):o}); chmod 600 it")
        data = handle.read(MAX_KEY_FILE)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"{path}: not a PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path}: not an Ed25519 key")
    return key


def load_or_create(path: Path) -> Ed25519PrivateKey:
    """The key at ``path``; a new one is generated (0600, never overwriting) if none is."""
    try:
        return _read_private(path)
    except FileNotFoundError:
        pass
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return _read_private(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    return key


def load_public(text: str) -> Ed25519PublicKey:
    """A public key given as a PEM file's path, PEM text, or the base64 of its 32 bytes."""
    candidate = Path(text)
    if "\n" not in text and len(text) < 4096 and candidate.is_file():
        text = candidate.read_text(encoding="ascii", errors="replace")[:MAX_KEY_FILE]
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode("ascii"))
            if not isinstance(key, Ed25519PublicKey):
                raise SigningKeyError("not an Ed25519 public key")
            return key
        raw = base64.b64decode(text.removeprefix("ed25519:"), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error) as exc:
        raise SigningKeyError(f"not an Ed25519 public key ({exc})") from None


@dataclass(frozen=True)
class Signature:
    """The detached signature of one bundle file (``SIGNATURE.json``)."""

    signed_file: str
    public_key: str
    fingerprint: str
    signature: str
    algorithm: str = ALGORITHM

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, indent=1, sort_keys=True).encode() + b"\n"


def sign(key: Ed25519PrivateKey, signed_file: str, data: bytes) -> Signature:
    public = key.public_key()
    return Signature(signed_file, public_key_b64(public), fingerprint(public),
                     base64.b64encode(key.sign(data)).decode("ascii"))


def check(document: bytes, data: bytes) -> tuple[Signature | None, str | None]:
    """Parse a signature document and check it over ``data`` with the key it names.
    Returns (signature, problem); the caller decides whether that key is the right one."""
    try:
        doc = json.loads(document)
        signature = Signature(**{k: str(doc[k]) for k in (
            "signed_file", "public_key", "fingerprint", "signature", "algorithm")})
    except (ValueError, KeyError, TypeError):
        return None, "SIGNATURE.json is not a faxvault signature"
    if signature.algorithm != ALGORITHM:
        return signature, f"SIGNATURE.json: unsupported algorithm {signature.algorithm!r}"
    try:
        public = load_public(signature.public_key)
        public.verify(base64.b64decode(signature.signature, validate=True), data)
    except (SigningKeyError, InvalidSignature, ValueError, binascii.Error):
        return signature, f"the signature over {signature.signed_file} does not verify"
    if not hmac.compare_digest(fingerprint(public), signature.fingerprint):
        return signature, "SIGNATURE.json: fingerprint does not belong to its public key"
    return signature, None
