"""Ed25519 keys: generation, encrypted key files, C2SP verifier keys and key ids.

A person's key is an Ed25519 pair. Its *key id* is the first 16 hex digits of SHA-256 of the
raw public key, and its C2SP key name is ``jcd-<key id>``; so a verifier key string
(``name+hexkeyhash+base64(type||pubkey)``, c2sp.org/signed-note) identifies a person without
carrying their name in clear. Node keys (log, witness, node) are named after the log origin.

Key files are encrypted PKCS#8 PEM (PBES2, AES-256-CBC) behind a short header that records the
key name, the verifier key, a scrypt salt and a SHA-256 of the rest of the file (header fields
and PEM block), so that a damaged file is told apart from a wrong passphrase, and the public
half can be shown without the passphrase.
The PKCS#8 password is scrypt(passphrase) rather than the passphrase itself, because the PKCS#8
writer of ``cryptography`` uses only 2,048 PBKDF2 rounds; scrypt makes guessing expensive.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ledger.errors import KeyFileError, NoteError, WrongPassphraseError

# c2sp.org/signed-note signature types
SIG_ED25519 = 0x01
SIG_COSIGNATURE_V1 = 0x04  # c2sp.org/tlog-cosignature, timestamped Ed25519

KEY_FILE_MAGIC = "jcdesk-key-v1"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


def passphrase_key(passphrase: str, salt: bytes) -> bytes:
    """32 bytes from a passphrase: the one KDF for passphrases (key files, profile backups)."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=32,
        maxmem=64 * 1024 * 1024,
    )


def _stretch(passphrase: str, salt: bytes) -> bytes:
    return base64.b64encode(passphrase_key(passphrase, salt))


def key_hash(name: str, sig_type: int, public_key: bytes) -> bytes:
    """c2sp.org/signed-note key ID: SHA-256(name || 0x0A || type || public key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + public_key).digest()[:4]


def key_id_of(public_key: bytes) -> str:
    """Our short key id: first 16 hex digits of SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def person_key_name(public_key: bytes) -> str:
    return "jcd-" + key_id_of(public_key)


_NAME_OK: dict[str, bool] = {}


def check_key_name(name: str) -> None:
    """c2sp.org/signed-note: a key name is non-empty, with no whitespace and no '+'."""
    ok = _NAME_OK.get(name)
    if ok is None:
        ok = bool(name) and "+" not in name and name.isprintable()
        ok = ok and not any(ch.isspace() for ch in name)
        if len(_NAME_OK) < 10_000:
            _NAME_OK[name] = ok
    if not ok:
        raise NoteError(detail=f"invalid key name {name!r}")


@dataclass(frozen=True)
class Verifier:
    """A public key that checks note signatures of one C2SP signature type."""

    name: str
    sig_type: int
    public_key: bytes

    @cached_property
    def key_hash(self) -> bytes:
        return key_hash(self.name, self.sig_type, self.public_key)

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    @cached_property
    def vkey(self) -> str:
        """The C2SP verifier key string: ``name+<8 hex>+base64(type || key)``."""
        blob = base64.b64encode(bytes([self.sig_type]) + self.public_key).decode()
        return f"{self.name}+{self.key_hash.hex()}+{blob}"

    @cached_property
    def _public(self) -> Ed25519PublicKey | None:
        try:
            return Ed25519PublicKey.from_public_bytes(self.public_key)
        except ValueError:
            return None

    def verify_raw(self, message: bytes, signature: bytes) -> bool:
        key = self._public
        if key is None:
            return False
        try:
            key.verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def with_type(self, sig_type: int) -> Verifier:
        return Verifier(self.name, sig_type, self.public_key)


def parse_vkey(vkey: str) -> Verifier:
    """Parse a C2SP verifier key string, checking that its key hash matches."""
    parts = vkey.strip().split("+", 2)
    if len(parts) != 3:
        raise NoteError(detail=f"verifier key {vkey!r} is not name+hash+key")
    name, hash_hex, blob = parts
    check_key_name(name)
    try:
        raw = base64.b64decode(blob, validate=True)
        claimed = bytes.fromhex(hash_hex)
    except ValueError as exc:
        raise NoteError(detail=f"verifier key {vkey!r} is not well encoded") from exc
    if len(claimed) != 4 or len(hash_hex) != 8:
        raise NoteError(detail=f"verifier key {vkey!r} has a key hash of the wrong length")
    if len(raw) != 33 or raw[0] not in (SIG_ED25519, SIG_COSIGNATURE_V1):
        raise NoteError(
            detail=f"verifier key {vkey!r} is not an Ed25519 (type 0x01) or cosignature/v1 "
            "(type 0x04) key"
        )
    verifier = Verifier(name, raw[0], raw[1:])
    if verifier.key_hash != claimed:
        raise NoteError(detail=f"verifier key {vkey!r}: key hash does not match the key")
    if verifier.vkey != vkey.strip():  # one spelling per key: lowercase hex, exact base64
        raise NoteError(detail=f"verifier key {vkey!r} is not in canonical form")
    return verifier


class SigningKey:
    """An Ed25519 private key with its C2SP key name."""

    def __init__(self, private: Ed25519PrivateKey, name: str | None = None) -> None:
        self._private = private
        self.public_key = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.name = name if name is not None else person_key_name(self.public_key)
        check_key_name(self.name)

    @classmethod
    def generate(cls, name: str | None = None) -> SigningKey:
        return cls(Ed25519PrivateKey.generate(), name)

    @classmethod
    def from_seed(cls, seed: bytes, name: str | None = None) -> SigningKey:
        return cls(Ed25519PrivateKey.from_private_bytes(seed), name)

    def verifier(self, sig_type: int = SIG_ED25519) -> Verifier:
        if sig_type == SIG_ED25519:
            return self._ed25519_verifier
        return Verifier(self.name, sig_type, self.public_key)

    @cached_property
    def _ed25519_verifier(self) -> Verifier:
        return Verifier(self.name, SIG_ED25519, self.public_key)

    @property
    def vkey(self) -> str:
        return self.verifier().vkey

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    def sign_raw(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def derive_secret(self, purpose: bytes, salt: bytes) -> bytes:
        """32 bytes derived from the private key (HKDF-SHA256) for ``purpose``: whoever
        unlocked this key (scrypt over the passphrase) can derive them, nobody else. The
        profile's data key is wrapped under such a secret (``ledger.vault``)."""
        seed = self._private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(seed)

    # -- key files -------------------------------------------------------------------------

    def save(self, path: Path, passphrase: str) -> None:
        """Write the key encrypted with ``passphrase`` (PKCS#8, PBES2), atomically, mode 0600."""
        if not passphrase:
            raise KeyFileError(detail="a passphrase is required to protect the key")
        salt = os.urandom(16)
        pem = self._private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(_stretch(passphrase, salt)),
        )
        fields = (
            f"{KEY_FILE_MAGIC}\nname: {self.name}\nvkey: {self.vkey}\nscrypt-salt: {salt.hex()}\n"
        ).encode()
        header = fields + f"sha256: {hashlib.sha256(fields + pem).hexdigest()}\n".encode()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(header + pem)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, passphrase: str) -> SigningKey:
        """Load a key file; a wrong passphrase and a damaged file give different errors."""
        header, pem = read_key_file(path)
        try:
            password = _stretch(passphrase, bytes.fromhex(header["scrypt-salt"]))
            private = serialization.load_pem_private_key(pem, password)
        except (ValueError, TypeError) as exc:
            raise WrongPassphraseError(path=str(path)) from exc
        if not isinstance(private, Ed25519PrivateKey):
            raise KeyFileError(detail=f"{path} does not hold an Ed25519 key")
        key = cls(private, header["name"])
        if key.vkey != header["vkey"]:
            raise KeyFileError(detail=f"{path} is damaged: the key does not match its header")
        return key


def read_key_file(path: Path) -> tuple[dict[str, str], bytes]:
    """Read a key file's header (name, vkey) and check the whole file's integrity."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise KeyFileError(detail=f"no key file at {path}") from exc
    except OSError as exc:
        raise KeyFileError(detail=f"{path} cannot be read ({exc.strerror})") from exc
    start = data.find(b"-----BEGIN")
    head = data[:start] if start >= 0 else data
    try:
        lines = head.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        lines = []
    if start < 0 or len(lines) < 2 or lines[0] != KEY_FILE_MAGIC or lines[-1] != "":
        raise KeyFileError(detail=f"{path} is not a Judicial Chain Desk key file, or is damaged")
    header: dict[str, str] = {}
    for line in lines[1:-1]:
        field, _, value = line.partition(": ")
        header[field] = value
    pem = data[start:]
    if set(header) != {"name", "vkey", "scrypt-salt", "sha256"} or not lines[-2].startswith(
        "sha256: "
    ):
        raise KeyFileError(detail=f"{path} is damaged: its header is incomplete")
    try:
        if len(bytes.fromhex(header["scrypt-salt"])) != 16:
            raise ValueError
    except ValueError as exc:
        raise KeyFileError(detail=f"{path} is damaged: its salt is unreadable") from exc
    # the checksum covers every byte of the file but its own line: header fields and PEM block
    covered = head[: len(head) - len(lines[-2].encode()) - 1] + pem
    if hashlib.sha256(covered).hexdigest() != header["sha256"]:
        raise KeyFileError(detail=f"{path} is damaged: the file was altered or truncated")
    try:
        verifier = parse_vkey(header["vkey"])
    except NoteError as exc:
        raise KeyFileError(detail=f"{path} is damaged: {exc}") from exc
    if verifier.name != header["name"]:
        raise KeyFileError(detail=f"{path} is damaged: its key name does not match its vkey")
    return header, pem
