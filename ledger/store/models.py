"""The ledger's own tables: the local log, the outbox, receipts and verified checkpoints.

Every projection table (the views the UI reads) lives with the package that owns it, on the
same ``Base`` metadata, and is rebuilt from ``log_entries`` by ``replay``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {bytes: LargeBinary, int: BigInteger, str: Text}


class LogEntry(Base):
    """One signed entry, ours or another member's, in the order this desktop learnt of it."""

    __tablename__ = "log_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    entry: Mapped[str]
    type: Mapped[str] = mapped_column(String(120))
    case_id: Mapped[str] = mapped_column(String(120), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    statement_time: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(10))  # "local" (signed here) or "chain"
    added_at: Mapped[str] = mapped_column(String(24))

    # a case's last entry, read before every append (ledger.store.cases)
    __table_args__ = (Index("ix_log_entries_case_seq", "case_id", "seq"),)


OUTBOX_STATES = ("pending", "submitted", "confirmed", "rejected")


class OutboxItem(Base):
    """Chain status of an entry signed on this desktop (PROTOCOL.md section 5.3)."""

    __tablename__ = "outbox"

    leaf_hash: Mapped[bytes] = mapped_column(
        LargeBinary(32), ForeignKey("log_entries.leaf_hash"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(default=0)
    chain_index: Mapped[int | None]
    reason: Mapped[str | None]
    updated_at: Mapped[str] = mapped_column(String(24))

    __table_args__ = (Index("ix_outbox_state", "state"),)


class Receipt(Base):
    """A tlog-proof receipt for an entry: enough to prove inclusion offline."""

    __tablename__ = "receipts"

    leaf_hash: Mapped[bytes] = mapped_column(
        LargeBinary(32), ForeignKey("log_entries.leaf_hash"), primary_key=True
    )
    chain_index: Mapped[int]
    checkpoint_size: Mapped[int]
    on_chain_time: Mapped[str] = mapped_column(String(24))
    receipt: Mapped[str]


class VerifiedCheckpoint(Base):
    """Checkpoints this desktop verified, oldest first; an alarm keeps conflicting notes."""

    __tablename__ = "checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(200))
    size: Mapped[int]
    root_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    note: Mapped[str]
    verified_at: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(12))  # "verified"
    # The kept checkpoint this one was proven consistent with (None: the first kept), and that
    # RFC 9162 consistency proof (32-byte hashes, concatenated), so ``log verify`` re-checks it.
    prior_size: Mapped[int | None]
    consistency_proof: Mapped[bytes | None]


class ChainPin(Base):
    """The log this desktop syncs with: its keys, pinned once, and where ingest resumes."""

    __tablename__ = "chain_pins"

    origin: Mapped[str] = mapped_column(String(200), primary_key=True)
    log_vkey: Mapped[str]
    witness_vkeys: Mapped[str]  # one per line
    node_vkey: Mapped[str]
    pinned_at: Mapped[str] = mapped_column(String(24))
    pinned_how: Mapped[str] = mapped_column(String(20))  # "configured" or "first-use"
    next_index: Mapped[int]


class CheckpointAlarm(Base):
    """A rollback or split view: the checkpoint we kept and the one the node offered."""

    __tablename__ = "checkpoint_alarms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # "rollback", "split-view", "inconsistent"
    detail: Mapped[str]
    kept_note: Mapped[str]
    offered_note: Mapped[str]
    detected_at: Mapped[str] = mapped_column(String(24))
