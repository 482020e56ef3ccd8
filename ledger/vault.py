"""The profile's data key: personal data in the local store is encrypted at rest under it.

A random 256-bit *data key* encrypts each private value with AES-256-GCM, a fresh 96-bit nonce
per value, and associated data naming where the value belongs (table, row, column), so a
ciphertext moved to another row or column fails to decrypt instead of showing the wrong
person's number. The data key is kept in ``data.key`` in the profile folder, wrapped
(AES-256-GCM) under a secret derived from the profile's signing key (``SigningKey.
derive_secret``, HKDF-SHA256): unlocking the key with the passphrase (scrypt, ``ledger.keys``)
is what unlocks the data, one passphrase for both, and changing the passphrase needs no
re-wrapping.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.keys import SigningKey

DATA_KEY_MAGIC = "jcdesk-data-key-v1"
SEALED_PREFIX = "jcd1:"  # a sealed text value: prefix + base64(nonce || ciphertext || tag)
_NONCE = 12
_TAG = 16


class DataKeyError(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT, "The profile's data key cannot be used: {detail}"
    )


class SealedValueError(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "The private details of case {case} cannot be decrypted: they were altered, or were "
        "written under another profile's data key. Nothing was changed.",
    )


class PrivateVault:
    """Seals and opens private values under the profile's data key."""

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != 32:
            raise DataKeyError(detail="a data key is 32 bytes")
        self._aead = AESGCM(data_key)
        self._data_key = data_key

    @classmethod
    def open(cls, path: Path, key: SigningKey) -> PrivateVault:
        """Unwrap the data key at ``path`` with ``key``; create it (mode 0600) if missing."""
        path = Path(path)
        if not path.exists():
            vault = cls(AESGCM.generate_key(bit_length=256))
            vault.save(path, key)
            return vault
        try:
            record = json.loads(path.read_text("utf-8"))
            if record.get("format") != DATA_KEY_MAGIC:
                raise ValueError("not a data key file")
            salt = bytes.fromhex(record["salt"])
            wrapped = base64.b64decode(record["wrapped"], validate=True)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise DataKeyError(detail=f"{path} is damaged ({exc})") from exc
        kek = AESGCM(key.derive_secret(DATA_KEY_MAGIC.encode(), salt))
        try:
            data_key = kek.decrypt(wrapped[:_NONCE], wrapped[_NONCE:], key.vkey.encode())
        except InvalidTag as exc:
            raise DataKeyError(
                detail=f"{path} was not written for this profile's key, or was altered"
            ) from exc
        return cls(data_key)

    def save(self, path: Path, key: SigningKey) -> None:
        """Write the data key wrapped under ``key``, atomically, mode 0600."""
        salt = os.urandom(16)
        nonce = os.urandom(_NONCE)
        kek = AESGCM(key.derive_secret(DATA_KEY_MAGIC.encode(), salt))
        wrapped = nonce + kek.encrypt(nonce, self._data_key, key.vkey.encode())
        record = {
            "format": DATA_KEY_MAGIC,
            "vkey": key.vkey,
            "salt": salt.hex(),
            "wrapped": base64.b64encode(wrapped).decode(),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)

    # -- values -----------------------------------------------------------------------------

    def seal(self, value: bytes, where: tuple[str, ...]) -> bytes:
        """``nonce || AES-256-GCM(value)`` bound to ``where`` (e.g. table, case, row, column)."""
        nonce = os.urandom(_NONCE)
        return nonce + self._aead.encrypt(nonce, value, _bind(where))

    def unseal(self, blob: bytes, where: tuple[str, ...], case: str) -> bytes:
        if len(blob) < _NONCE + _TAG:
            raise SealedValueError(case=case)
        try:
            return self._aead.decrypt(blob[:_NONCE], blob[_NONCE:], _bind(where))
        except InvalidTag as exc:
            raise SealedValueError(case=case) from exc

    def seal_text(self, value: str, where: tuple[str, ...]) -> str:
        return SEALED_PREFIX + base64.b64encode(self.seal(value.encode(), where)).decode()

    def unseal_text(self, value: str, where: tuple[str, ...], case: str) -> str:
        if not is_sealed_text(value):
            raise SealedValueError(case=case)
        try:
            blob = base64.b64decode(value[len(SEALED_PREFIX) :], validate=True)
        except ValueError as exc:
            raise SealedValueError(case=case) from exc
        return self.unseal(blob, where, case).decode("utf-8")


def is_sealed_text(value: str) -> bool:
    return value.startswith(SEALED_PREFIX)


def _bind(where: tuple[str, ...]) -> bytes:
    # length-prefixed parts: ("a", "bc") and ("ab", "c") bind differently
    return b"".join(len(p.encode()).to_bytes(4, "big") + p.encode() for p in where)
