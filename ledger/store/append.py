"""The one way into the local log.

``append`` stores signed entries, puts the ones signed here in the outbox as *pending*, and
applies every entry to the registered projections, all inside the caller's transaction: either
everything is there or nothing is (ARCHITECTURE.md, "the log is the truth").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ledger.clock import Clock, format_time
from ledger.keys import SigningKey
from ledger.statement import Entry, Statement, sign_statement
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.projection import Applied, Projections

SOURCES = ("local", "chain")


@dataclass(frozen=True)
class Appended:
    seq: int
    leaf_hash: bytes
    new: bool  # False when the entry was already in the log (appending is idempotent)


def append(
    session: Session,
    projections: Projections,
    entries: Sequence[Entry],
    *,
    source: str = "local",
    clock: Clock | None = None,
) -> list[Appended]:
    """Append ``entries`` (already signed; from elsewhere, already verified) in order."""
    if source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES}")
    now = format_time((clock or Clock()).now())
    hashes = [e.leaf_hash for e in entries]
    existing = {
        leaf: seq
        for leaf, seq in session.execute(
            select(LogEntry.leaf_hash, LogEntry.seq).where(LogEntry.leaf_hash.in_(set(hashes)))
        )
    }
    fresh: list[tuple[Entry, bytes]] = []
    seen: set[bytes] = set()
    for entry, leaf in zip(entries, hashes, strict=True):
        if leaf not in existing and leaf not in seen:
            fresh.append((entry, leaf))
            seen.add(leaf)
    new_seqs: dict[bytes, int] = {}
    if fresh:
        # Sequence numbers are given here rather than by RETURNING, which SQLite can only do
        # one row at a time. Writers are serialized (SQLite: BEGIN IMMEDIATE); a concurrent
        # writer on a server database fails on the primary key and its transaction rolls
        # back whole, so nothing is half-written.
        log = LogEntry.__table__
        first = (session.scalar(select(func.max(log.c.seq))) or 0) + 1
        rows = []
        for offset, (entry, leaf) in enumerate(fresh):
            new_seqs[leaf] = first + offset
            rows.append(
                {
                    "seq": first + offset,
                    "leaf_hash": leaf,
                    "entry": entry.text,
                    "type": entry.statement.type,
                    "case_id": entry.statement.case,
                    "actor": entry.statement.actor,
                    "statement_time": entry.statement.time,
                    "source": source,
                    "added_at": now,
                }
            )
        session.execute(insert(log), rows)
        if source == "local":
            session.execute(
                insert(OutboxItem.__table__),
                [
                    {"leaf_hash": leaf, "state": "pending", "attempts": 0, "updated_at": now}
                    for _, leaf in fresh
                ],
            )
        projections.apply(session, [Applied(e, new_seqs[leaf], leaf) for e, leaf in fresh])
    results: list[Appended] = []
    reported: set[bytes] = set()
    for leaf in hashes:
        if leaf in existing:
            results.append(Appended(existing[leaf], leaf, False))
        else:
            results.append(Appended(new_seqs[leaf], leaf, leaf not in reported))
            reported.add(leaf)
    return results


def sign_and_append(
    session: Session,
    projections: Projections,
    key: SigningKey,
    statement: Statement,
    *,
    clock: Clock | None = None,
) -> tuple[Entry, Appended]:
    """Sign ``statement`` with the actor's own key and append it as a pending local entry."""
    entry = sign_statement(statement, key)
    (appended,) = append(session, projections, [entry], source="local", clock=clock)
    return entry, appended


def reject(
    session: Session,
    projections: Projections,
    leaf_hash: bytes,
    *,
    reason: str,
    when: str,
    attempts: Any = None,
) -> None:
    """The node refused an entry signed here: mark it, and rebuild its case's views without
    it (a case is a function of the entries that count; ``ledger.store.cases``)."""
    values: dict[str, Any] = {"state": "rejected", "reason": reason, "updated_at": when}
    if attempts is not None:
        values["attempts"] = attempts
    session.execute(update(OutboxItem).where(OutboxItem.leaf_hash == leaf_hash).values(**values))
    case = session.scalar(select(LogEntry.case_id).where(LogEntry.leaf_hash == leaf_hash))
    if case is not None:
        projections.rederive(session, [case])
