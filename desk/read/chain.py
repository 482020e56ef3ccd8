"""What the Chain page shows: the outbox, the verified checkpoints, the alarms.

The outbox lists every entry signed on this desktop, rejected ones included with the node's
reason: that is where the user learns of a rejection (the case views leave those entries out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from ledger.store.models import CheckpointAlarm, LogEntry, OutboxItem, Receipt, VerifiedCheckpoint
from ledger.store.store import Store


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    type: str
    case_id: str
    statement_time: str
    state: str
    chain_index: int | None
    on_chain_time: str | None
    reason: str | None


def outbox_seqs(store: Store) -> list[int]:
    """Local log numbers of the entries signed here, in log order."""
    with store.session() as session:
        return list(
            session.scalars(
                select(LogEntry.seq)
                .join(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
                .order_by(LogEntry.seq)
            )
        )


def outbox_rows(store: Store, seqs: Sequence[int]) -> dict[int, OutboxRow]:
    query = (
        select(
            LogEntry.seq,
            LogEntry.type,
            LogEntry.case_id,
            LogEntry.statement_time,
            OutboxItem.state,
            OutboxItem.chain_index,
            Receipt.on_chain_time,
            OutboxItem.reason,
        )
        .join(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
        .outerjoin(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
        .where(LogEntry.seq.in_(seqs))
    )
    with store.session() as session:
        return {row.seq: OutboxRow(*row) for row in session.execute(query)}


@dataclass(frozen=True)
class CheckpointRow:
    id: int
    size: int
    root_hash: bytes
    verified_at: str


def checkpoint_ids(store: Store) -> list[int]:
    """Each distinct checkpoint verified here once, as first verified, newest first (the client
    records a checkpoint every time it verifies one: the latest, or a receipt's)."""
    first = func.min(VerifiedCheckpoint.id)
    with store.session() as session:
        return list(
            session.scalars(
                select(first)
                .group_by(
                    VerifiedCheckpoint.origin, VerifiedCheckpoint.size, VerifiedCheckpoint.root_hash
                )
                .order_by(first.desc())
            )
        )


def checkpoint_rows(store: Store, ids: Sequence[int]) -> dict[int, CheckpointRow]:
    query = select(
        VerifiedCheckpoint.id,
        VerifiedCheckpoint.size,
        VerifiedCheckpoint.root_hash,
        VerifiedCheckpoint.verified_at,
    ).where(VerifiedCheckpoint.id.in_(ids))
    with store.session() as session:
        return {row.id: CheckpointRow(*row) for row in session.execute(query)}


@dataclass(frozen=True)
class Alarm:
    """A rollback or split view: the checkpoint kept here and the one the node offered."""

    id: int
    origin: str
    kind: str  # "rollback", "split-view", "inconsistent"
    detail: str
    kept_note: str
    offered_note: str
    detected_at: str


def alarms(store: Store) -> list[Alarm]:
    with store.session() as session:
        return [
            Alarm(a.id, a.origin, a.kind, a.detail, a.kept_note, a.offered_note, a.detected_at)
            for a in session.scalars(select(CheckpointAlarm).order_by(CheckpointAlarm.id))
        ]


def fingerprint(store: Store) -> tuple[Any, ...]:
    """A cheap summary of what the Chain page shows; unchanged means nothing to redraw."""
    with store.session() as s:
        states = tuple(
            tuple(row)
            for row in s.execute(
                select(OutboxItem.state, func.count(), func.max(OutboxItem.updated_at))
                .group_by(OutboxItem.state)
                .order_by(OutboxItem.state)
            ).all()
        )
        checkpoints = s.execute(select(func.max(VerifiedCheckpoint.id))).scalar()
        count = s.scalar(select(func.count()).select_from(CheckpointAlarm))
    return (states, checkpoints, count)
