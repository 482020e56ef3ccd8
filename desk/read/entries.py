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
from ledger.store.cases import case_log
from ledger.store.models import ChainPin
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
    with store.session() as session:
        rows = case_log(session, case_id, types)
    return [
        Logged(
            row.seq,
            row.leaf_hash,
            parse_entry(row.entry).statement,
            chain_of(
                row.source,
                row.state,
                row.outbox_index,
                row.reason,
                row.receipt_index,
                row.on_chain_time,
            ),
            row.source,
        )
        for row in rows
    ]


def node_vkey(store: Store) -> str:
    """The verifier key of the chain node this desktop pinned ("" before the first sync)."""
    with store.session() as session:
        return session.scalars(select(ChainPin.node_vkey).limit(1)).first() or ""
