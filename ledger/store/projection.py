"""Projections: tables that are pure functions of the log.

A domain package registers a ``Projection`` for the statement types it understands. ``append``
calls it inside the transaction that stores the entry; ``replay`` clears its tables and feeds it
the whole log again; ``consistency`` compares the two (the courts' on-chain/off-chain check).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Table
from sqlalchemy.orm import Session

from ledger.statement import Entry


@dataclass(frozen=True)
class Applied:
    """What a projection is given: the entry and where it sits in the local log."""

    entry: Entry
    seq: int
    leaf_hash: bytes


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

    def __init__(self, projections: Iterable[Projection] = ()) -> None:
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
        """Feed each projection the entries of ``batch`` it handles, keeping log order."""
        grouped: dict[str, list[Applied]] = {}
        for applied in batch:
            for projection in self.for_type(applied.entry.statement.type):
                grouped.setdefault(projection.name, []).append(applied)
        for projection in self._all:
            if projection.name in grouped:
                projection.apply(session, grouped[projection.name])
