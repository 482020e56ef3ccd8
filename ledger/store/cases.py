"""The desk's case states, kept beside the local log and advanced one entry at a time.

A case's state is a function of its entries in local log order, leaving out those the node
rejected (ARCHITECTURE.md, "the log is the truth"). ``StoreCases`` keeps the registry's slot of
each recently used case in memory, with the log position it stands at (``seq`` and leaf hash).
Before a slot is used it is checked against the log with one indexed read: if the case's last
counted entry is not the one the slot last applied (a transaction rolled back after advancing
it, a rejection, a restore), the slot is folded again from the log. So an append costs one
statement's worth of work whatever the case's size, and a wrong slot is never used.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence

from sqlalchemy import Row, and_, or_, select
from sqlalchemy.orm import Session

from ledger.contract import ContractViolation
from ledger.domain import CaseSlot, CaseStates, Registry
from ledger.statement import Statement, parse_entry
from ledger.store.models import LogEntry, OutboxItem, Receipt

log = logging.getLogger(__name__)

# session.info key: case -> the (seq, leaf) its slot was found current at in this transaction,
# so the append that follows a rule check does not read the log for it again
_CHECKED = "jcdesk.cases.checked"

# A case this desktop holds only in part (a signature whose agreement has not arrived) must
# never stop the sync: it reads as not opened until the missing entries arrive. So must an entry
# whose body this version's parse refuses (logged under an older version's looser checks).
UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, ContractViolation)


def counted() -> object:
    """The SQL condition for a log entry that counts: not rejected by the node."""
    return or_(OutboxItem.state.is_(None), OutboxItem.state != "rejected")


def case_entries(session: Session, case: str, *, before: int | None = None) -> list[tuple]:
    """(seq, leaf hash, entry text) of the case's counted entries, in log order."""
    query = (
        select(LogEntry.seq, LogEntry.leaf_hash, LogEntry.entry)
        .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
        .where(LogEntry.case_id == case, counted())
        .order_by(LogEntry.seq)
    )
    if before is not None:
        query = query.where(LogEntry.seq < before)
    return list(session.execute(query))


def case_log(session: Session, case: str, types: Iterable[str] = ()) -> list[Row]:
    """The case's entries that count, in log order (only of ``types`` when given), each with
    what this desktop knows of its place on the chain: the one chain-status query (the read API
    and the registered documents both read it)."""
    query = (
        select(
            LogEntry.seq,
            LogEntry.leaf_hash,
            LogEntry.entry,
            LogEntry.source,
            OutboxItem.state,
            OutboxItem.chain_index.label("outbox_index"),
            OutboxItem.reason,
            Receipt.chain_index.label("receipt_index"),
            Receipt.on_chain_time,
            Receipt.checkpoint_size,
        )
        .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
        .outerjoin(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
        .where(LogEntry.case_id == case, counted())
        .order_by(LogEntry.seq)
    )
    wanted = tuple(types)
    if wanted:
        query = query.where(LogEntry.type.in_(wanted))
    return list(session.execute(query))


def case_statements(session: Session, case: str) -> list[Statement]:
    """The case's counted statements in log order (what its views are a function of)."""
    return [parse_entry(text).statement for _, _, text in case_entries(session, case)]


class StoreCases:
    """The registry's case slots for one store; every use holds ``lock``."""

    def __init__(self, registry: Registry, limit: int = 256) -> None:
        self.registry = registry
        self.lock = threading.RLock()
        self._slots = CaseStates(registry, limit)

    def slot(self, session: Session, case: str, *, before: int | None = None) -> CaseSlot:
        """The case as the log holds it (entries before ``before`` only, when given)."""
        session.connection()  # a writer takes the database's lock before ours: no deadlock
        with self.lock:
            slot = self._slots.get(case)
            checked = session.info.setdefault(_CHECKED, {})
            if slot is not None and checked.get(case) == (slot.seq, slot.leaf):
                return slot  # checked against the log in this transaction already
            if slot is None or not self._current(session, slot, before):
                slot = self._fold(session, case, before)
                if slot is None:
                    return CaseSlot(case)  # folded again next time
                self._slots.put(slot)
            if before is None:  # current as of the log's end, in this transaction
                checked[case] = (slot.seq, slot.leaf)
            return slot

    def advance(self, session: Session, batch: Sequence[tuple[int, bytes, Statement]]) -> dict:
        """Apply newly appended entries (seq, leaf, statement; in log order) to their cases'
        slots; returns case -> slot after the batch."""
        by_case: dict[str, list[tuple[int, bytes, Statement]]] = {}
        for item in batch:
            by_case.setdefault(item[2].case, []).append(item)
        slots: dict[str, CaseSlot] = {}
        session.connection()
        with self.lock:
            for case, items in by_case.items():
                slot = self.slot(session, case, before=items[0][0])
                if case not in self._slots:  # unreadable so far: stays so until folded again
                    slots[case] = slot
                    continue
                try:
                    for seq, leaf, statement in items:
                        self.registry.apply(slot, statement)
                        slot.seq, slot.leaf = seq, leaf
                except UNREADABLE:
                    log.warning("case %s cannot be read from this desktop's log yet", case)
                    self._slots.forget([case])
                    slot = CaseSlot(case)
                else:
                    session.info.setdefault(_CHECKED, {})[case] = (slot.seq, slot.leaf)
                slots[case] = slot
        return slots

    def forget(self, cases: Iterable[str] | None = None) -> None:
        with self.lock:
            self._slots.forget(cases)

    def _current(self, session: Session, slot: CaseSlot, before: int | None) -> bool:
        query = (
            select(LogEntry.seq, LogEntry.leaf_hash)
            .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
            .where(and_(LogEntry.case_id == slot.case, counted()))
            .order_by(LogEntry.seq.desc())
            .limit(1)
        )
        if before is not None:
            query = query.where(LogEntry.seq < before)
        last = session.execute(query).first()
        if last is None:
            return slot.size == 0
        return (last[0], last[1]) == (slot.seq, slot.leaf)

    def _fold(self, session: Session, case: str, before: int | None) -> CaseSlot | None:
        slot = CaseSlot(case)
        try:
            for seq, leaf, text in case_entries(session, case, before=before):
                self.registry.apply(slot, parse_entry(text).statement)
                slot.seq, slot.leaf = seq, leaf
        except UNREADABLE:
            log.warning("case %s cannot be read from this desktop's log yet", case)
            return None
        return slot
