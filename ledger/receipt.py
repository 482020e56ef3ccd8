"""Receipts: C2SP tlog-proof@v1 texts that prove, offline, that an entry is in the log.

A receipt holds the entry's index, the RFC 9162 inclusion proof, and the cosigned checkpoint
the proof leads to. With the entry and the log's and witnesses' verifier keys, anyone can check
it with no node and no network. This module is the one receipt verifier: the CLI, the desk's
Verify page, the sync client and ``log verify`` all verify through it. It runs the steps of
``Step`` in order and fails closed: a ``ReceiptError`` names the step that refused
(``failed_step``), and nothing comes back verified unless every step ran.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ledger.checkpoint import VerifiedCheckpoint, parse_checkpoint_body, verify_checkpoint
from ledger.errors import LedgerError, ReceiptError
from ledger.keys import Verifier
from ledger.merkle import ProofError, leaf_hash, verify_inclusion
from ledger.note import parse_note
from ledger.statement import MAX_ENTRY_BYTES

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


class Step(StrEnum):
    """The steps of verifying a receipt, in order; a refusal names the one that failed."""

    PARSE = "parse"  # the receipt text, its checkpoint note and the checkpoint body parse
    LOG_SIGNATURE = "log-signature"  # the checkpoint is signed by the pinned log key
    COSIGNATURE = "cosignature"  # >= 1 timestamped cosignature by a pinned witness
    INDEX = "index"  # the entry's index is below the checkpoint's tree size
    LEAF = "leaf"  # the entry is a plausible log entry; its leaf hash SHA-256(0x00 || entry)
    INCLUSION = "inclusion"  # the RFC 9162 proof leads from that leaf hash to the root


STEPS: tuple[Step, ...] = tuple(Step)


def _refuse(step: Step, detail: str) -> ReceiptError:
    # ``step`` rides in the error's arguments (not in its words), so callers can name it
    return ReceiptError(detail=detail, step=step)


def failed_step(error: BaseException) -> Step | None:
    """The step a ``ReceiptError`` from this module refused at (None for any other error)."""
    if isinstance(error, LedgerError):
        step = error.args_for_message.get("step")
        return step if isinstance(step, Step) else None
    return None


@dataclass(frozen=True)
class VerifiedReceipt:
    index: int
    leaf_hash: bytes
    checkpoint: VerifiedCheckpoint


@dataclass(frozen=True)
class CheckedReceipt:
    """A receipt whose steps 1-4 passed: its checkpoint is authentic and the index fits in it.
    Nothing is proven about any entry yet; ``prove`` runs the last two steps."""

    receipt: Receipt
    checkpoint: VerifiedCheckpoint

    @property
    def index(self) -> int:
        return self.receipt.index

    def prove(self, entry: bytes) -> VerifiedReceipt:
        """Steps 5 and 6: ``entry`` (the signed note bytes) is the leaf at the index."""
        if not entry or len(entry) > MAX_ENTRY_BYTES:
            raise _refuse(Step.LEAF, f"the entry is {len(entry)} bytes, not 1 to {MAX_ENTRY_BYTES}")
        leaf = leaf_hash(entry)
        checkpoint = self.checkpoint.checkpoint
        try:
            verify_inclusion(
                leaf, self.index, checkpoint.size, self.receipt.proof, checkpoint.root_hash
            )
        except ProofError as exc:
            raise _refuse(
                Step.INCLUSION,
                f"the inclusion proof does not lead from the entry's leaf hash "
                f"{leaf[:6].hex()}... to the root ({exc})",
            ) from exc
        return VerifiedReceipt(self.index, leaf, self.checkpoint)


def check_receipt(
    receipt: Receipt | str | bytes,
    log_verifier: Verifier,
    witness_verifiers: Sequence[Verifier],
) -> CheckedReceipt:
    """Steps 1-4, for a receipt whose entry may not be at hand (the desk then says what the
    checkpoint alone proves). Raises ``ReceiptError`` naming the step (``failed_step``)."""
    try:
        parsed = receipt if isinstance(receipt, Receipt) else parse_receipt(receipt)
        parse_checkpoint_body(parse_note(parsed.checkpoint).text)
    except ReceiptError as exc:  # its own words, not "does not verify" twice
        raise _refuse(Step.PARSE, str(exc.args_for_message.get("detail", exc))) from exc
    except LedgerError as exc:
        raise _refuse(Step.PARSE, str(exc)) from exc
    try:  # the log's own signature first, so a bad one is never blamed on the witnesses
        checkpoint = verify_checkpoint(
            parsed.checkpoint, log_verifier, witness_verifiers, min_cosignatures=0
        )
    except LedgerError as exc:
        raise _refuse(Step.LOG_SIGNATURE, str(exc)) from exc
    if not checkpoint.witnesses:
        try:  # for its words: why no cosignature counts
            checkpoint = verify_checkpoint(parsed.checkpoint, log_verifier, witness_verifiers)
        except LedgerError as exc:
            raise _refuse(Step.COSIGNATURE, str(exc)) from exc
        if not checkpoint.witnesses:  # fail closed even if the reason could not be told
            raise _refuse(Step.COSIGNATURE, "no valid cosignature by a pinned witness")
    size = checkpoint.checkpoint.size
    if parsed.index >= size:
        raise _refuse(Step.INDEX, f"index {parsed.index} is not below the tree size {size}")
    return CheckedReceipt(parsed, checkpoint)


def verify_receipt(
    receipt: Receipt | str | bytes,
    entry: bytes,
    log_verifier: Verifier,
    witness_verifiers: Sequence[Verifier],
) -> VerifiedReceipt:
    """Verify, offline, that ``entry`` (the signed note bytes) is in the log: every step of
    ``Step`` in order, each failing closed with a ``ReceiptError`` that names it."""
    return check_receipt(receipt, log_verifier, witness_verifiers).prove(entry)
