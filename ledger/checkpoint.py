"""Checkpoints (c2sp.org/tlog-checkpoint) signed by the log and cosigned by witnesses
(c2sp.org/tlog-cosignature, cosignature/v1, signature type 0x04).

The cosignature's timestamp is the legal "on-chain time": an upper bound on when every entry
the checkpoint covers was logged (PROTOCOL.md section 2).
"""

from __future__ import annotations

import base64
import binascii
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ledger.errors import CheckpointError, LedgerError
from ledger.keys import SIG_COSIGNATURE_V1, SIG_ED25519, SigningKey, Verifier
from ledger.note import (
    Ed25519NoteSigner,
    NoteSigner,
    cosignature_message,
    parse_note,
    sign_note,
    verify_note,
)


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()

    def body(self) -> str:
        lines = [self.origin, str(self.size), base64.b64encode(self.root_hash).decode()]
        return "\n".join([*lines, *self.extensions]) + "\n"


def parse_checkpoint_body(text: str) -> Checkpoint:
    """Parse ``origin\\nsize\\nbase64(root)\\n[extension lines]`` strictly."""
    if not text.endswith("\n"):
        raise CheckpointError(detail="checkpoint does not end in a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise CheckpointError(detail="checkpoint needs origin, size and root hash lines")
    origin, size_text, root_text, *extensions = lines
    if not origin:
        raise CheckpointError(detail="checkpoint origin is empty")
    if (
        not size_text.isdigit()
        or not size_text.isascii()
        or (size_text != "0" and size_text.startswith("0"))
    ):
        raise CheckpointError(detail=f"checkpoint size {size_text!r} is not a decimal number")
    try:
        root = base64.b64decode(root_text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CheckpointError(detail="checkpoint root hash is not base64") from exc
    if len(root) != 32:
        raise CheckpointError(detail="checkpoint root hash is not 32 bytes")
    if any(not ext for ext in extensions):
        raise CheckpointError(detail="checkpoint has an empty extension line")
    return Checkpoint(origin, int(size_text), root, tuple(extensions))


class CosignatureNoteSigner:
    """A witness's timestamped cosignature/v1 signer (signature type 0x04)."""

    def __init__(self, key: SigningKey, timestamp: int) -> None:
        self.key = key
        self.name = key.name
        self.timestamp = timestamp

    @property
    def key_hash(self) -> bytes:
        return self.key.verifier(SIG_COSIGNATURE_V1).key_hash

    def sign_note_text(self, text: bytes) -> bytes:
        message = cosignature_message(text, self.timestamp)
        return struct.pack(">Q", self.timestamp) + self.key.sign_raw(message)


def sign_checkpoint(
    checkpoint: Checkpoint,
    log_key: SigningKey,
    witness_keys: Sequence[SigningKey],
    timestamp: int,
) -> str:
    """Sign a checkpoint with the log key (named after the origin) and cosign it."""
    if log_key.name != checkpoint.origin:
        raise CheckpointError(detail="the log key's name must be the checkpoint's origin")
    signers: list[NoteSigner] = [Ed25519NoteSigner(log_key)]
    signers += [CosignatureNoteSigner(k, timestamp) for k in witness_keys]
    return sign_note(checkpoint.body(), signers)


@dataclass(frozen=True)
class VerifiedCheckpoint:
    checkpoint: Checkpoint
    note_text: str
    cosigned_at: int  # earliest verified cosignature time, seconds since the Unix epoch
    witnesses: tuple[str, ...]

    @property
    def on_chain_time(self) -> datetime:
        return datetime.fromtimestamp(self.cosigned_at, UTC)


def verify_checkpoint(
    note_text: str,
    log_verifier: Verifier,
    witness_verifiers: Sequence[Verifier],
    *,
    min_cosignatures: int = 1,
) -> VerifiedCheckpoint:
    """Verify a checkpoint note: the log's signature and at least ``min_cosignatures``
    timestamped cosignatures from the given witnesses (all fail-closed)."""
    try:
        note = parse_note(note_text)
    except LedgerError as exc:
        raise CheckpointError(detail=str(exc)) from exc
    checkpoint = parse_checkpoint_body(note.text)
    if log_verifier.sig_type != SIG_ED25519:
        raise CheckpointError(detail="the log key must be an Ed25519 (type 0x01) key")
    if checkpoint.origin != log_verifier.name:
        raise CheckpointError(
            detail=f"checkpoint origin {checkpoint.origin!r} is not the log {log_verifier.name!r}"
        )
    try:
        verify_note(note, [log_verifier])
    except LedgerError as exc:
        raise CheckpointError(detail=f"log signature: {exc}") from exc
    witnesses = [w for w in witness_verifiers if w.sig_type == SIG_COSIGNATURE_V1]
    if min_cosignatures and not witnesses:
        raise CheckpointError(detail="no witness key (type 0x04) to check the cosignature with")
    cosigned = []
    if witnesses:
        try:
            cosigned = verify_note(note, witnesses)
        except LedgerError as exc:
            if min_cosignatures:
                raise CheckpointError(detail=f"cosignature: {exc}") from exc
    if len(cosigned) < min_cosignatures:
        raise CheckpointError(
            detail=f"{len(cosigned)} valid cosignatures, {min_cosignatures} required"
        )
    times = [c.timestamp for c in cosigned if c.timestamp is not None]
    return VerifiedCheckpoint(
        checkpoint,
        note_text,
        min(times) if times else 0,
        tuple(c.verifier.name for c in cosigned),
    )
