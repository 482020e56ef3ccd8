"""The file a user brings to the Verify page: hashed with progress and cancel, and told apart
as a receipt, a signed entry or any other document."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ledger.errors import LedgerError
from ledger.merkle import leaf_hash
from ledger.receipt import HEADER as RECEIPT_HEADER
from ledger.receipt import MAX_RECEIPT_BYTES, Receipt, parse_receipt
from ledger.statement import MAX_ENTRY_BYTES, STATEMENT_HEADER, Entry, open_entry

CHUNK = 1 << 20


def hash_file(
    path: str | os.PathLike[str], chunk: int = CHUNK
) -> Iterator[tuple[int, int, str | None]]:
    """Stream SHA-256 over ``path``: yields ``(done, total, None)`` while reading, then
    ``(total, total, hexdigest)`` once. Stop iterating (or ``close()``) to cancel; the file is
    closed either way. A file that grows or shrinks while read is hashed as it was read."""
    digest = hashlib.sha256()
    buffer = bytearray(max(1, chunk))
    view = memoryview(buffer)
    with open(path, "rb") as file:
        total = os.fstat(file.fileno()).st_size
        done = 0
        yield (0, total, None)
        while True:
            count = file.readinto(buffer)
            if not count:
                break
            digest.update(view[:count])  # hashlib drops the GIL for large updates
            done += count
            yield (done, max(total, done), None)
    yield (done, done, digest.hexdigest())


class Kind(StrEnum):
    RECEIPT = "receipt"  # a c2sp.org/tlog-proof@v1 text (.tlog-proof)
    ENTRY = "entry"  # a signed statement (jcdesk/statement/v1 signed note)
    DOCUMENT = "document"  # anything else: PDF, photo, video, ...


def classify(path: str | os.PathLike[str]) -> Kind:
    """Tell a receipt and a signed entry from any other file by their first line."""
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as file:
        head = file.read(64)
    if head.startswith(RECEIPT_HEADER.encode() + b"\n") and size <= MAX_RECEIPT_BYTES:
        return Kind.RECEIPT
    if head.startswith(STATEMENT_HEADER.encode()) and size <= MAX_ENTRY_BYTES:
        return Kind.ENTRY
    return Kind.DOCUMENT


@dataclass(frozen=True)
class Subject:
    """The file the user brought, hashed, and what it says it is."""

    path: Path
    kind: Kind
    size: int
    sha256: str  # lowercase hex of the file's bytes
    entry: Entry | None = None  # Kind.ENTRY whose signature verifies
    receipt: Receipt | None = None  # Kind.RECEIPT that parses
    problem: LedgerError | None = None  # the file looks like an entry/receipt but is not valid
    entry_leaf: bytes | None = None  # Kind.ENTRY: SHA-256(0x00 || file bytes)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def query(self) -> bytes:
        """What to ask ``verify.hash``: a signed entry by its leaf hash, else the file's hash."""
        if self.entry_leaf is not None:
            return self.entry_leaf
        return bytes.fromhex(self.sha256)


def open_subject(path: str | os.PathLike[str], sha256_hex: str, size: int) -> Subject:
    """Build the subject of a check from a hashed file (reads receipts and entries, <= 1 MiB)."""
    path = Path(path)
    kind = classify(path)
    if kind is Kind.DOCUMENT:
        return Subject(path, kind, size, sha256_hex)
    data = path.read_bytes()
    if kind is Kind.ENTRY:
        leaf = leaf_hash(data)
        try:
            return Subject(path, kind, size, sha256_hex, entry=open_entry(data), entry_leaf=leaf)
        except LedgerError as exc:
            return Subject(path, kind, size, sha256_hex, problem=exc, entry_leaf=leaf)
    try:
        return Subject(path, kind, size, sha256_hex, receipt=parse_receipt(data))
    except LedgerError as exc:
        return Subject(path, kind, size, sha256_hex, problem=exc)
