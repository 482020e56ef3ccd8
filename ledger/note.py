"""C2SP signed notes (c2sp.org/signed-note): sign, parse, verify.

A note is UTF-8 text ending in a newline, a blank line, then one line per signature:
``— <key name> <base64(key hash || signature)>``. Verification fails closed: a signature by a
key we know that does not verify rejects the whole note; signatures by keys we do not know are
ignored; at least one known key must have signed.
"""

from __future__ import annotations

import base64
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ledger.errors import NoteError, SignatureError
from ledger.keys import SIG_COSIGNATURE_V1, SIG_ED25519, SigningKey, Verifier, check_key_name

_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\ud800-\udfff]")
SIGNATURE_PREFIX = "\u2014 "  # em dash, space
MAX_SIGNATURES = 100  # as golang.org/x/mod/sumdb/note
MAX_NOTE_BYTES = 1 << 20


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_hash: bytes  # 4 bytes
    signature: bytes  # what follows the key hash (64 bytes for Ed25519, 72 for cosignature/v1)

    def line(self) -> str:
        blob = base64.b64encode(self.key_hash + self.signature).decode()
        return f"{SIGNATURE_PREFIX}{self.name} {blob}\n"


@dataclass(frozen=True)
class Note:
    text: str
    signatures: tuple[NoteSignature, ...]

    def to_text(self) -> str:
        return self.text + "\n" + "".join(s.line() for s in self.signatures)


class NoteSigner(Protocol):
    name: str

    @property
    def key_hash(self) -> bytes: ...

    def sign_note_text(self, text: bytes) -> bytes: ...


class Ed25519NoteSigner:
    """Signs note text with an Ed25519 key (signature type 0x01)."""

    def __init__(self, key: SigningKey) -> None:
        self.key = key
        self.name = key.name

    @property
    def key_hash(self) -> bytes:
        return self.key.verifier(SIG_ED25519).key_hash

    def sign_note_text(self, text: bytes) -> bytes:
        return self.key.sign_raw(text)


def cosignature_message(text: bytes, timestamp: int) -> bytes:
    """c2sp.org/tlog-cosignature: the message a cosigner/v1 signature covers."""
    return b"cosignature/v1\ntime " + str(timestamp).encode() + b"\n" + text


def check_text(text: str) -> None:
    """Note text: valid UTF-8, ends in a newline, no control character below U+0020 but newline.

    (c2sp.org/signed-note; the text MAY contain empty lines: the last one separates it from
    the signatures.)
    """
    if not text.endswith("\n"):
        raise NoteError(detail="note text does not end in a newline")
    bad = _FORBIDDEN.search(text)
    if bad:
        if bad.group() >= "\ud800":
            raise NoteError(detail="note is not valid UTF-8")
        raise NoteError(detail=f"note contains control character U+{ord(bad.group()):04X}")


def sign_note(text: str, signers: Sequence[NoteSigner]) -> str:
    """Return the whole signed note: text, blank line, one signature line per signer."""
    return sign_note_parts(text, signers).to_text()


def sign_note_parts(text: str, signers: Sequence[NoteSigner]) -> Note:
    """Sign ``text`` and return the note as parts (``to_text()`` gives the wire form)."""
    check_text(text)
    if not signers:
        raise NoteError(detail="a note needs at least one signer")
    raw = text.encode("utf-8")
    return Note(
        text, tuple(NoteSignature(s.name, s.key_hash, s.sign_note_text(raw)) for s in signers)
    )


def parse_note(
    data: str | bytes, *, max_bytes: int = MAX_NOTE_BYTES, max_signatures: int = MAX_SIGNATURES
) -> Note:
    """Parse a signed note without verifying it. Raises NoteError when malformed."""
    if isinstance(data, bytes):
        if len(data) > max_bytes:
            raise NoteError(detail=f"note is larger than {max_bytes} bytes")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NoteError(detail="note is not valid UTF-8") from exc
    elif len(data.encode("utf-8", "surrogatepass")) > max_bytes:
        raise NoteError(detail=f"note is larger than {max_bytes} bytes")
    check_text(data if data.endswith("\n") else data + "\n")  # whole message, per Go's note.Open
    split = data.rfind("\n\n")
    if split < 0:
        raise NoteError(detail="note has no signature block (no blank line)")
    text, sig_block = data[: split + 1], data[split + 2 :]
    check_text(text)
    if not sig_block.endswith("\n"):
        raise NoteError(detail="signature block does not end in a newline")
    lines = sig_block[:-1].split("\n")
    if len(lines) > max_signatures:
        raise NoteError(detail=f"note has more than {max_signatures} signatures")
    signatures = []
    for line in lines:
        signatures.append(_parse_signature_line(line))
    return Note(text, tuple(signatures))


def _parse_signature_line(line: str) -> NoteSignature:
    if not line.startswith(SIGNATURE_PREFIX):
        raise NoteError(detail=f"signature line {line[:40]!r} does not start with '— '")
    name, sep, blob = line[len(SIGNATURE_PREFIX) :].partition(" ")
    if not sep or " " in blob:
        raise NoteError(detail=f"signature line {line[:40]!r} is not '— name signature'")
    check_key_name(name)
    try:
        raw = base64.b64decode(blob, validate=True)
    except ValueError as exc:
        raise NoteError(detail=f"signature of {name} is not base64") from exc
    if len(raw) < 5:
        raise NoteError(detail=f"signature of {name} is too short")
    return NoteSignature(name, raw[:4], raw[4:])


@dataclass(frozen=True)
class VerifiedSignature:
    verifier: Verifier
    signature: NoteSignature
    timestamp: int | None  # cosignature/v1 only: seconds since the Unix epoch


def check_signature(verifier: Verifier, text: bytes, sig: NoteSignature) -> VerifiedSignature:
    """Check one signature line against one known key; raise SignatureError if it is bad."""
    if verifier.sig_type == SIG_ED25519:
        if len(sig.signature) == 64 and verifier.verify_raw(text, sig.signature):
            return VerifiedSignature(verifier, sig, None)
    elif verifier.sig_type == SIG_COSIGNATURE_V1 and len(sig.signature) == 72:
        (timestamp,) = struct.unpack(">Q", sig.signature[:8])
        if verifier.verify_raw(cosignature_message(text, timestamp), sig.signature[8:]):
            return VerifiedSignature(verifier, sig, timestamp)
    raise SignatureError(detail=f"the signature of known key {verifier.name} is invalid")


def verify_note(note: Note, verifiers: Iterable[Verifier]) -> list[VerifiedSignature]:
    """Verify ``note`` against known keys; return the verified signatures.

    Signatures by unknown keys are ignored. A known key whose signature is invalid rejects the
    note. A repeated signature line by the same key is skipped unchecked, as
    golang.org/x/mod/sumdb/note does. At least one known key must have signed.
    """
    known = {(v.name, v.key_hash): v for v in verifiers}
    text = note.text.encode("utf-8")
    verified: list[VerifiedSignature] = []
    seen: set[tuple[str, bytes]] = set()
    for sig in note.signatures:
        verifier = known.get((sig.name, sig.key_hash))
        if verifier is None:
            continue
        if (sig.name, sig.key_hash) in seen:
            continue
        seen.add((sig.name, sig.key_hash))
        verified.append(check_signature(verifier, text, sig))
    if not verified:
        raise SignatureError(detail="no signature from a known key")
    return verified
