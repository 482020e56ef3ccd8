"""Log entries with their chain status, as this desktop knows it: the one chain-status query.

An entry's status comes from the outbox for entries signed here (``pending``, ``submitted``,
``confirmed``, ``rejected`` with the node's reason) and from the stored receipt for entries
received from the chain. A case's entries leave out those the node rejected: they count nowhere
(``ledger.store.cases``), and only the Chain page lists them, with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from ledger.statement import Statement, parse_entry
from ledger.store.cases import counted
from ledger.store.models import ChainPin, LogEntry, OutboxItem, Receipt
from ledger.store.store import Store

PENDING, SUBMITTED, CONFIRMED, REJECTED = "pending", "submitted", "confirmed", "rejected"


@dataclass(frozen=True)
class Chain:
    """The chain status of one entry as this desktop knows it."""

    state: str  # pending, submitted, confirmed, rejected
    index: int | None = None
    on_chain_time: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Logged:
    """One entry of the local log, parsed, with its chain status."""

    seq: int
    leaf: bytes
    statement: Statement
    chain: Chain
    source: str  # "local" (signed on this desktop) or "chain"


def chain_of(
    source: str,
    state: str | None,
    outbox_index: int | None,
    reason: str | None,
    receipt_index: int | None,
    on_chain_time: str | None,
) -> Chain:
    """An entry's status from its outbox row (if signed here) and its receipt (if any)."""
    if receipt_index is not None:
        return Chain(CONFIRMED, receipt_index, on_chain_time)
    if state is None:  # received from the chain without a receipt: never stored that way
        return Chain(SUBMITTED if source == "chain" else PENDING)
    return Chain(state, outbox_index, None, reason)


def case_entries(store: Store, case_id: str, *, types: Iterable[str] = ()) -> list[Logged]:
    """The case's entries that count (not rejected by the node), in log order, each with its
    chain status; only of ``types`` when given."""
    query = (
        select(
            LogEntry.seq,
            LogEntry.leaf_hash,
            LogEntry.entry,
            LogEntry.source,
            OutboxItem.state,
            OutboxItem.chain_index,
            OutboxItem.reason,
            Receipt.chain_index,
            Receipt.on_chain_time,
        )
        .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
        .outerjoin(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
        .where(LogEntry.case_id == case_id, counted())
        .order_by(LogEntry.seq)
    )
    wanted = tuple(types)
    if wanted:
        query = query.where(LogEntry.type.in_(wanted))
    with store.session() as session:
        rows = session.execute(query).all()
    return [
        Logged(
            seq,
            leaf,
            parse_entry(text).statement,
            chain_of(source, state, index, reason, r_index, on_chain),
            source,
        )
        for seq, leaf, text, source, state, index, reason, r_index, on_chain in rows
    ]


def node_vkey(store: Store) -> str:
    """The verifier key of the chain node this desktop pinned ("" before the first sync)."""
    with store.session() as session:
        return session.scalars(select(ChainPin.node_vkey).limit(1)).first() or ""
