"""Projections: tables that are pure functions of the log.

A domain package registers a ``Projection`` for the statement types it understands. ``append``
calls it inside the transaction that stores the entry; ``replay`` clears its tables and feeds it
the whole log again; ``consistency`` compares the two (the courts' on-chain/off-chain check).
An entry the node rejected does not count: ``rederive`` rebuilds the rows of its case without it.

Before the projections run, the case states (``ledger.store.cases``) are advanced by the same
entries, and each ``Applied`` carries its case's slot as it stands after the batch, so a
projection writes a case's rows from its state without folding the case again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sqlalchemy import Table, delete
from sqlalchemy.orm import Session

from ledger.domain import CaseSlot
from ledger.statement import Entry, parse_entry
from ledger.store.cases import StoreCases, case_entries


@dataclass(frozen=True)
class Applied:
    """What a projection is given: the entry and where it sits in the local log."""

    entry: Entry
    seq: int
    leaf_hash: bytes
    slot: CaseSlot | None = None  # the entry's case after the whole batch


class Projection(Protocol):
    """A view of the log. ``apply`` must depend only on the log (never on the clock).

    ``apply`` receives, in log order, every entry of one append (or one replay chunk) whose
    type the projection handles, so that it can write its rows in one statement.
    """

    name: str

    @property
    def tables(self) -> Sequence[Table]: ...

    def handles(self, statement_type: str) -> bool: ...

    def apply(self, session: Session, batch: Sequence[Applied]) -> None: ...


class Projections:
    """The projections of one store, in registration order (a store has its own set)."""

    def __init__(
        self, projections: Iterable[Projection] = (), cases: StoreCases | None = None
    ) -> None:
        self.cases = cases
        self._all: list[Projection] = []
        self._by_type: dict[str, list[Projection]] = {}
        for projection in projections:
            self.register(projection)

    def register(self, projection: Projection) -> None:
        if any(p.name == projection.name for p in self._all):
            raise ValueError(f"projection {projection.name!r} registered twice")
        self._all.append(projection)
        self._by_type.clear()

    def __iter__(self):
        return iter(self._all)

    def for_type(self, statement_type: str) -> list[Projection]:
        found = self._by_type.get(statement_type)
        if found is None:
            found = [p for p in self._all if p.handles(statement_type)]
            self._by_type[statement_type] = found
        return found

    def tables(self) -> list[Table]:
        return [t for p in self._all for t in p.tables]

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        """Advance the case states, then feed each projection the entries of ``batch`` it
        handles, keeping log order."""
        if self.cases is not None and batch:
            slots = self.cases.advance(
                session, [(a.seq, a.leaf_hash, a.entry.statement) for a in batch]
            )
            batch = [replace(a, slot=slots[a.entry.statement.case]) for a in batch]
        grouped: dict[str, list[Applied]] = {}
        for applied in batch:
            for projection in self.for_type(applied.entry.statement.type):
                grouped.setdefault(projection.name, []).append(applied)
        for projection in self._all:
            if projection.name in grouped:
                projection.apply(session, grouped[projection.name])

    def rederive(self, session: Session, cases: Iterable[str]) -> None:
        """Rebuild every row of ``cases`` from their counted entries: after the node rejected
        one, the case's views no longer show it."""
        wanted = sorted(set(cases))
        for table in self.tables():
            if "case_id" in table.c:
                session.execute(delete(table).where(table.c.case_id.in_(wanted)))
        if self.cases is not None:
            self.cases.forget(wanted)
        for case in wanted:
            batch = [
                Applied(parse_entry(text), seq, leaf)
                for seq, leaf, text in case_entries(session, case)
            ]
            if batch:
                self.apply(session, batch)
