"""Receipts: C2SP tlog-proof@v1 texts that prove, offline, that an entry is in the log.

A receipt holds the entry's index, the RFC 9162 inclusion proof, and the cosigned checkpoint
the proof leads to. With the entry and the log's and witnesses' verifier keys, anyone can check
it with no node and no network. ``verify_receipt`` is the one place that does.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass

from ledger.checkpoint import VerifiedCheckpoint, verify_checkpoint
from ledger.errors import LedgerError, ReceiptError
from ledger.keys import Verifier
from ledger.merkle import ProofError, leaf_hash, verify_inclusion

HEADER = "c2sp.org/tlog-proof@v1"
MAX_RECEIPT_BYTES = 1 << 20
MAX_PROOF_HASHES = 64  # a tree of 2**64 leaves needs no more


@dataclass(frozen=True)
class Receipt:
    index: int
    proof: tuple[bytes, ...]
    checkpoint: str  # the whole signed checkpoint note
    extra: bytes | None = None

    def to_text(self) -> str:
        lines = [HEADER]
        if self.extra is not None:
            lines.append("extra " + base64.b64encode(self.extra).decode())
        lines.append(f"index {self.index}")
        lines += [base64.b64encode(h).decode() for h in self.proof]
        return "\n".join(lines) + "\n\n" + self.checkpoint


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ReceiptError(detail=f"{what} is not base64") from exc


def parse_receipt(text: str | bytes) -> Receipt:
    """Parse a tlog-proof@v1 text; a truncated or altered layout is a ReceiptError."""
    if isinstance(text, bytes):
        if len(text) > MAX_RECEIPT_BYTES:
            raise ReceiptError(detail="receipt is too large")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ReceiptError(detail="receipt is not UTF-8 text") from exc
    head, sep, checkpoint = text.partition("\n\n")
    if not sep or not checkpoint:
        raise ReceiptError(detail="receipt is truncated: no checkpoint after the proof")
    lines = head.split("\n")
    if lines[0] != HEADER:
        raise ReceiptError(detail=f"receipt does not start with {HEADER!r}")
    lines = lines[1:]
    extra = None
    if lines and lines[0].startswith("extra "):
        extra = _b64(lines[0][len("extra ") :], "extra data")
        lines = lines[1:]
    if not lines or not lines[0].startswith("index "):
        raise ReceiptError(detail="receipt has no index line")
    index_text = lines[0][len("index ") :]
    if (
        not index_text.isdigit()
        or not index_text.isascii()
        or (index_text != "0" and index_text.startswith("0"))
    ):
        raise ReceiptError(detail=f"receipt index {index_text!r} is not a decimal number")
    hashes = lines[1:]
    if len(hashes) > MAX_PROOF_HASHES:
        raise ReceiptError(detail="receipt has too many proof hashes")
    proof = []
    for line in hashes:
        value = _b64(line, "a proof hash")
        if len(value) != 32:
            raise ReceiptError(detail="a proof hash is not 32 bytes")
        proof.append(value)
    return Receipt(int(index_text), tuple(proof), checkpoint, extra)


@dataclass(frozen=True)
class VerifiedReceipt:
    index: int
    leaf_hash: bytes
    checkpoint: VerifiedCheckpoint


def verify_receipt(
    receipt: Receipt | str | bytes,
    entry: bytes,
    log_verifier: Verifier,
    witness_verifiers: Sequence[Verifier],
) -> VerifiedReceipt:
    """Verify, offline, that ``entry`` (the signed note bytes) is in the log.

    1. the receipt parses; 2. the checkpoint carries a valid log signature and at least one
    valid timestamped cosignature; 3. the index is below the checkpoint's size; 4. the RFC 9162
    inclusion proof leads from SHA-256(0x00 || entry) to the checkpoint's root.
    """
    if not isinstance(receipt, Receipt):
        receipt = parse_receipt(receipt)
    try:
        checkpoint = verify_checkpoint(receipt.checkpoint, log_verifier, witness_verifiers)
    except LedgerError as exc:
        raise ReceiptError(detail=str(exc)) from exc
    size = checkpoint.checkpoint.size
    if receipt.index >= size:
        raise ReceiptError(detail=f"index {receipt.index} is not below the tree size {size}")
    leaf = leaf_hash(entry)
    try:
        verify_inclusion(leaf, receipt.index, size, receipt.proof, checkpoint.checkpoint.root_hash)
    except ProofError as exc:
        raise ReceiptError(detail=f"the inclusion proof does not lead to the root ({exc})") from exc
    return VerifiedReceipt(receipt.index, leaf, checkpoint)
