"""The high-water mark: the latest checkpoint the node signed, kept outside its database.

A node started on an older copy of its database (a restored backup, a copied file, a deleted
``node.db``) would sign a second, different root for sizes it had already signed: a split view
by its own hand, which every desk holding the first checkpoint can prove. So after every
committed batch, before any answer is sent, the node writes the signed checkpoint note to
``<data_dir>/highwater.checkpoint``, and at start it refuses a database behind it: fewer
entries than the mark, or a tree whose root at the mark's size is not the mark's root.

The file has two fixed slots, written in turn in place with one ``fdatasync`` (a temp file,
rename and two fsyncs cost ~9 ms a batch and doubled single-entry latency; this costs one
sync). Each slot carries a sequence number and the SHA-256 of its note, so a write torn by a
crash spoils only the slot being written and the other still holds the previous mark, which
the database is never behind. A file holding one bare note (written before the slots, or by
hand) is still read.

The file is verified with the node's own keys (log signature and witness cosignature), so a
file from another log or a hand-edited one is refused too. A database that holds entries but
has no file yet is the first start after an upgrade: a warning, then the file is written and
the database remembers it has one (``node_meta``), so that deleting the file later does not
bring the check back to "first time".
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chain_node.errors import FsckError
from chain_node.keys import NodeKeys
from ledger.checkpoint import verify_checkpoint
from ledger.errors import LedgerError
from ledger.keys import SIG_COSIGNATURE_V1, SIG_ED25519, Verifier, parse_vkey, read_key_file

log = logging.getLogger("chain_node.highwater")

FILE_NAME = "highwater.checkpoint"
META_KEY = "highwater_file"  # node_meta: "kept" once the node has written the file
MAX_FILE_BYTES = 64 * 1024  # a checkpoint note is ~400 bytes
SLOT_BYTES = 4096  # one page per slot; a note must fit with its header
SLOT_MAGIC = b"jcdesk-highwater/v1\n"


class HighWaterError(FsckError):
    """The database is behind (or beside) what the node already signed; the message says
    what happened and how to recover."""


@dataclass(frozen=True)
class Mark:
    size: int
    root: bytes
    note: str


class HighWater:
    """The high-water file of one data directory, checked with the node's public keys."""

    def __init__(self, data_dir: Path, log_verifier: Verifier, witness_verifier: Verifier) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self.log_verifier = log_verifier
        self.witness_verifier = witness_verifier
        self._fd: int | None = None  # kept open by the node between batches
        self._seq = 0  # sequence number of the newest slot
        self._lock = threading.Lock()

    @classmethod
    def for_keys(cls, data_dir: Path, keys: NodeKeys) -> HighWater:
        return cls(
            data_dir,
            keys.log_key.verifier(SIG_ED25519),
            keys.witness_key.verifier(SIG_COSIGNATURE_V1),
        )

    @classmethod
    def from_key_files(cls, data_dir: Path) -> HighWater:
        """From the public halves in the key files' headers (no passphrase needed)."""
        keys = Path(data_dir) / "keys"
        log_key = parse_vkey(read_key_file(keys / "log.key")[0]["vkey"])
        witness = parse_vkey(read_key_file(keys / "witness.key")[0]["vkey"])
        return cls(
            data_dir, log_key, Verifier(witness.name, SIG_COSIGNATURE_V1, witness.public_key)
        )

    @property
    def origin(self) -> str:
        return self.log_verifier.name

    def read(self) -> Mark | None:
        """The verified mark, or None when there is no file. HighWaterError if it does not
        verify with this node's keys (damaged, another log's, hand-made)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        return self.parse(data)

    def parse(self, data: bytes) -> Mark:
        """The newest valid mark in the file's bytes (two slots, or one bare note)."""
        try:
            if len(data) > MAX_FILE_BYTES:
                raise ValueError(f"it is {len(data)} bytes, a checkpoint is well under 1 KB")
            if len(data) != 2 * SLOT_BYTES:  # one bare note (notes are well under a slot)
                return self._verified(data.decode("utf-8"))
            slots = _slots(data)
            if not slots:
                raise ValueError("neither of its two slots holds a whole note")
            errors = []
            for _seq, text in sorted(slots, reverse=True):
                try:
                    return self._verified(text)
                except LedgerError as exc:
                    errors.append(str(exc))
            raise ValueError("; ".join(errors))
        except (LedgerError, ValueError) as exc:
            raise HighWaterError(
                f"the high-water file {self.path} is not a checkpoint signed by this node's keys "
                f"(log {self.origin!r}): {exc}. It is the node's only record of what it signed "
                "outside the database, so the node will not guess: put back the file from the "
                "latest backup of this node (`node backup` keeps it with the database)."
            ) from exc

    def _verified(self, text: str) -> Mark:
        checkpoint = verify_checkpoint(text, self.log_verifier, [self.witness_verifier]).checkpoint
        return Mark(checkpoint.size, checkpoint.root_hash, text)

    def record(self, note: str) -> None:
        """Durably write ``note`` into the older slot: after return, a crash keeps it (or, if
        the write was torn, the slot before it)."""
        body = note.encode("utf-8")
        with self._lock:
            fd = self._open()
            self._seq += 1
            slot = SLOT_MAGIC + b"%d\n%s\n" % (self._seq, hashlib.sha256(body).hexdigest().encode())
            slot += body
            if len(slot) > SLOT_BYTES:
                raise ValueError(f"a checkpoint note of {len(body)} bytes does not fit a slot")
            os.pwrite(fd, slot.ljust(SLOT_BYTES, b"\0"), (self._seq % 2) * SLOT_BYTES)
            os.fdatasync(fd)

    def _open(self) -> int:
        if self._fd is not None:
            return self._fd
        existing = self.path.read_bytes() if self.path.exists() else b""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if len(existing) == 2 * SLOT_BYTES:
                self._seq = max((seq for seq, _ in _slots(existing)), default=0)
            else:  # new, or one bare note from before the slots: lay the slots out first
                os.ftruncate(fd, 0)
                os.pwrite(fd, b"\0" * (2 * SLOT_BYTES), 0)
                os.fsync(fd)
                fsync_dir(self.path.parent)
                self._seq = 0
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return fd

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    def check(self, size: int, root_at: Callable[[int], bytes]) -> Mark | None:
        """Refuse a database of ``size`` entries that is behind the mark (``root_at(n)``: the
        database's root at size n). Returns the mark (None: no file)."""
        mark = self.read()
        if mark is not None:
            self.check_mark(mark, size, root_at)
        return mark

    def check_mark(self, mark: Mark, size: int, root_at: Callable[[int], bytes]) -> None:
        """HighWaterError unless a database of ``size`` entries holds ``mark``'s history."""
        if size < mark.size:
            raise HighWaterError(
                f"this database is older than the log this node has already signed: the node "
                f"signed a checkpoint for {mark.size} entries (kept in {self.path}), but the "
                f"database holds only {size}. It is probably a restored backup or a copied or "
                f"recreated file. {self._consequence(mark)}"
            )
        root = root_at(mark.size)
        if root != mark.root:
            raise HighWaterError(
                f"this database is not the history this node signed: at size {mark.size} its "
                f"tree has root {root.hex()}, but the node signed root {mark.root.hex()} for that "
                f"size (kept in {self.path}). It is another copy of the log or a changed one. "
                f"{self._consequence(mark)}"
            )

    def _consequence(self, mark: Mark) -> str:
        return (
            "Serving it would sign a second, different history for sizes the desks have already "
            "seen (a split view), so the node refuses to start. To recover: restore a newer "
            f"backup of this node, one taken at or after size {mark.size} (`node restore FILE "
            "--data DIR`); if the entries after that backup are lost for good, start a new log "
            f"under a new origin (a new data directory and --origin) and tell the desks and the "
            f"court that the log {self.origin!r} ended at size {mark.size}. Do not delete the "
            "high-water file to get past this: it is the only record of what the node signed."
        )


def _slots(data: bytes) -> list[tuple[int, str]]:
    """(sequence, note) of every whole slot: magic, number, SHA-256 of the note, the note."""
    found = []
    for start in (0, SLOT_BYTES):
        slot = data[start : start + SLOT_BYTES].rstrip(b"\0")
        if not slot.startswith(SLOT_MAGIC):
            continue
        parts = slot[len(SLOT_MAGIC) :].split(b"\n", 2)
        if len(parts) != 3 or not parts[0].isdigit():
            continue
        seq, digest, body = int(parts[0]), parts[1], parts[2]
        if hashlib.sha256(body).hexdigest().encode() != digest:
            continue  # torn
        try:
            found.append((seq, body.decode("utf-8")))
        except UnicodeDecodeError:
            continue
    return found


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX: fsync the directory)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def start_check(
    highwater: HighWater,
    size: int,
    root_at: Callable[[int], bytes],
    kept: bool,
) -> bool:
    """The start-up check: refuse a database behind the mark; a missing file on a database
    that has entries is allowed once (the first start after an upgrade) unless the database
    says it was kept (``kept``). Returns True when the caller should write the file now."""
    mark = highwater.check(size, root_at)
    if mark is not None:
        return mark.size < size
    if kept:
        raise HighWaterError(
            f"the high-water file {highwater.path} is missing, but this database recorded that "
            "the node keeps one: it was deleted or this is another directory. The node cannot "
            "tell whether this database is behind what it already signed, so it refuses to "
            "start. Put back the file from the latest backup of this node (`node backup` keeps "
            "it with the database), or restore that backup whole (`node restore`)."
        )
    if size:
        log.warning(
            "no high-water file yet in %s (first start after an upgrade?): the node trusts "
            "this database of %d entries as the newest and records it now",
            highwater.path.parent,
            size,
        )
    return True
