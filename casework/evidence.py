"""Evidence files sealed end to end for their readers (docs/protocol.md, "Encrypted evidence").

The chain holds only a file's SHA-256 (``body.documents``); the file itself travels through
the node encrypted for the administrator, the court and whoever the creditor shares it with.
No network here: ``chain_client.evidence`` moves what this module seals.

- **Encryption key.** Each desk's X25519 key is derived from its Ed25519 signing key
  (HKDF-SHA256 over the private key bytes, info ``jcdesk/encryption-key/v1``), so there is no
  second secret to back up or lose: whoever can unlock the signing key can read what was sealed
  for it. Its public half is published signed, once: ``identity.encryption_key``.
- **File.** A random 256-bit file key; the file in 1 MiB chunks, each AES-256-GCM with the
  chunk index as nonce (unique: the key is used for this one file) and, as associated data,
  the case, the file's SHA-256, the index and a last-chunk flag (the STREAM construction):
  a chunk changed, moved, dropped or cut off at the end fails, as does the blob read as
  another case's or another file's.
- **Wraps.** The file key sealed for each recipient with HPKE (RFC 9180, base mode,
  DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM; ``cryptography``'s
  ``hazmat.primitives.hpke``), its ``info`` binding the case, the file's SHA-256 and the
  recipient's signing and encryption keys. The uploader always wraps for itself too, so it can
  later re-wrap for more readers (sharing for cross-examination, 质证) without re-uploading.
- **Opening** checks SHA-256(plaintext) against the hash the creditor signed: a mismatch is an
  error naming the file, and no plaintext is returned.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.keys import SigningKey
from ledger.statement import Entry, build_statement, open_entry, sign_statement

ENCRYPTION_KEY_TYPE = "identity.encryption_key"
ENCRYPTION_KEY_INFO = b"jcdesk/encryption-key/v1"
WRAP_INFO = b"jcdesk/evidence-wrap/v1"
CHUNK_AAD = b"jcdesk/evidence-chunk/v1"
CHUNK_BYTES = 1024 * 1024  # plaintext per chunk; each ciphertext chunk is 16 bytes longer
TAG_BYTES = 16
_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
_HEX64 = re.compile(r"[0-9a-f]{64}")


class EvidenceError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The evidence file cannot be used: {detail}")


class NotARecipientError(EvidenceError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "The evidence file {name} was not sealed for this key, so it cannot be opened here. "
        "Ask the creditor who uploaded it to share it with you.",
    )


class DamagedEvidenceError(EvidenceError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "The evidence file {name} was altered, cut short or belongs to another case or file: "
        "its encryption does not check. It is not shown.",
    )


class EvidenceMismatchError(EvidenceError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "The evidence file {name} does not match the SHA-256 the creditor signed in the "
        "declaration ({declared}; the file is {actual}). It is not shown: the evidence "
        "submitted with a claim must be the evidence declared (Enterprise Bankruptcy Law "
        "Art. 49).",
    )


# -- keys ------------------------------------------------------------------------------------


def encryption_key(key: SigningKey) -> X25519PrivateKey:
    """The desk's X25519 key, derived from its signing key (nothing else to back up)."""
    return X25519PrivateKey.from_private_bytes(key.derive_secret(ENCRYPTION_KEY_INFO, b""))


def public_bytes(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def encryption_key_entry(key: SigningKey, origin: str, time: datetime) -> Entry:
    """The signed ``identity.encryption_key`` statement publishing ``key``'s X25519 key."""
    body = {"key": _b64(public_bytes(encryption_key(key)))}
    statement = build_statement(
        log=origin, type=ENCRYPTION_KEY_TYPE, case="", actor=key.vkey, time=time, body=body
    )
    return sign_statement(statement, key)


def check_encryption_key_body(body: Any) -> bytes:
    """``{key}``: base64 of a 32-byte X25519 public key, nothing else; the raw key."""
    if not isinstance(body, dict) or set(body) != {"key"} or not isinstance(body["key"], str):
        raise EvidenceError(detail="identity.encryption_key body is {key}")
    try:
        raw = base64.b64decode(body["key"], validate=True)
    except ValueError as exc:
        raise EvidenceError(detail="the encryption key is not base64") from exc
    if len(raw) != 32 or _b64(raw) != body["key"]:
        raise EvidenceError(detail="the encryption key is not 32 bytes in canonical base64")
    return raw


def recipient_key(entry_text: str, vkey: str, origin: str) -> bytes:
    """The X25519 key ``vkey`` published: its own signed ``identity.encryption_key`` (the node
    relays it but cannot forge it). Raises EvidenceError for anything else."""
    try:
        entry = open_entry(entry_text)
    except LedgerError as exc:
        raise EvidenceError(detail=f"the published encryption key does not verify: {exc}") from exc
    st = entry.statement
    if st.type != ENCRYPTION_KEY_TYPE or st.actor != vkey or st.case != "" or st.log != origin:
        raise EvidenceError(detail="the entry is not this key's published encryption key")
    return check_encryption_key_body(st.body)


# -- sealing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wrap:
    """The file key sealed for one recipient (HPKE ``enc || ciphertext``)."""

    recipient: str  # the recipient's signing vkey
    key: bytes  # the recipient's X25519 public key it was sealed to
    wrap: bytes

    def to_json(self) -> dict[str, str]:
        return {"recipient": self.recipient, "key": _b64(self.key), "wrap": _b64(self.wrap)}

    @classmethod
    def from_json(cls, data: Any) -> Wrap:
        if not isinstance(data, dict) or set(data) != {"recipient", "key", "wrap"}:
            raise EvidenceError(detail="a wrap is {recipient, key, wrap}")
        try:
            return cls(
                str(data["recipient"]),
                base64.b64decode(data["key"], validate=True),
                base64.b64decode(data["wrap"], validate=True),
            )
        except (ValueError, TypeError) as exc:
            raise EvidenceError(detail="a wrap is not base64") from exc


@dataclass(frozen=True)
class Sealed:
    """A sealed file: the ciphertext for the node, the wraps, and (for its owner's desk only,
    never sent) the file key."""

    case: str
    sha256: str  # of the plaintext: the hash the creditor signs
    blob: bytes
    wraps: tuple[Wrap, ...]
    file_key: bytes


def seal(data: bytes, *, case: str, recipients: Mapping[str, bytes]) -> Sealed:
    """Encrypt ``data`` under a fresh file key and wrap that key for each recipient
    (signing vkey -> X25519 public key); include the uploader among them to share later."""
    sha = hashlib.sha256(data).hexdigest()
    file_key = AESGCM.generate_key(bit_length=256)
    aead = AESGCM(file_key)
    count = max(1, -(-len(data) // CHUNK_BYTES))
    parts = []
    for i in range(count):
        chunk = data[i * CHUNK_BYTES : (i + 1) * CHUNK_BYTES]
        parts.append(aead.encrypt(_nonce(i), chunk, _chunk_aad(case, sha, i, i == count - 1)))
    wraps = wrap_for(file_key, case=case, sha256=sha, recipients=recipients)
    return Sealed(case, sha, b"".join(parts), wraps, file_key)


def wrap_for(
    file_key: bytes, *, case: str, sha256: str, recipients: Mapping[str, bytes]
) -> tuple[Wrap, ...]:
    """The file key sealed for each recipient (HPKE, info bound to case, file and keys)."""
    out = []
    for vkey, x_pub in recipients.items():
        public = X25519PublicKey.from_public_bytes(x_pub)
        sealed = _SUITE.encrypt(file_key, public, info=_wrap_info(case, sha256, vkey, x_pub))
        out.append(Wrap(vkey, bytes(x_pub), sealed))
    return tuple(out)


def unwrap(wrap: Wrap, key: SigningKey, *, case: str, sha256: str, name: str) -> bytes:
    """The file key from ``wrap``, sealed for ``key``; NotARecipientError otherwise."""
    private = encryption_key(key)
    own = public_bytes(private)
    if wrap.recipient != key.vkey or wrap.key != own:
        raise NotARecipientError(name=name)
    try:
        file_key = _SUITE.decrypt(wrap.wrap, private, info=_wrap_info(case, sha256, key.vkey, own))
    except (InvalidTag, ValueError) as exc:
        raise NotARecipientError(name=name) from exc
    if len(file_key) != 32:
        raise DamagedEvidenceError(name=name)
    return file_key


def decrypt_blob(blob: bytes, file_key: bytes, *, case: str, sha256: str, name: str) -> bytes:
    """The plaintext; DamagedEvidenceError for a changed, reordered or truncated blob."""
    aead = AESGCM(file_key)
    step = CHUNK_BYTES + TAG_BYTES
    count = max(1, -(-len(blob) // step))
    out = []
    for i in range(count):
        part = blob[i * step : (i + 1) * step]
        if len(part) < TAG_BYTES:
            raise DamagedEvidenceError(name=name)
        try:
            out.append(aead.decrypt(_nonce(i), part, _chunk_aad(case, sha256, i, i == count - 1)))
        except InvalidTag as exc:
            raise DamagedEvidenceError(name=name) from exc
    return b"".join(out)


def open_sealed(
    blob: bytes, wraps: list[Wrap], key: SigningKey, *, case: str, sha256: str, name: str
) -> bytes:
    """Open a blob for ``key`` and check it against the signed hash ``sha256``: the file's
    bytes, or an error naming ``name`` (no plaintext leaves this function on a mismatch)."""
    if not _HEX64.fullmatch(sha256):
        raise EvidenceError(detail="a file's SHA-256 is 64 lower-case hex digits")
    mine = [w for w in wraps if w.recipient == key.vkey]
    if not mine:
        raise NotARecipientError(name=name)
    file_key = unwrap(mine[0], key, case=case, sha256=sha256, name=name)
    data = decrypt_blob(blob, file_key, case=case, sha256=sha256, name=name)
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:  # the uploader sealed other bytes under the declared hash
        raise EvidenceMismatchError(name=name, declared=sha256, actual=actual)
    return data


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _chunk_aad(case: str, sha256: str, index: int, last: bool) -> bytes:
    return CHUNK_AAD + _bind(case, sha256) + index.to_bytes(8, "big") + (b"\x01" if last else b"\0")


def _wrap_info(case: str, sha256: str, vkey: str, x_pub: bytes) -> bytes:
    return WRAP_INFO + _bind(case, sha256, vkey) + len(x_pub).to_bytes(4, "big") + bytes(x_pub)


def _bind(*parts: str) -> bytes:
    # length-prefixed: ("a", "bc") and ("ab", "c") bind differently
    return b"".join(len(p.encode()).to_bytes(4, "big") + p.encode() for p in parts)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()
