"""What a committed write changed, so that views refresh only when it concerns them.

A ``Changes`` is a frozen value (Anki's ``OpChanges`` is the model): the cases and statement
types whose log entries were appended, and whether receipts or outbox states moved. The
profile's writer (``desk.writer``) emits one after every committed write; ``DeskSession.record``,
the chain client's ingest and its receipt and outbox handling say what they wrote. The UI
re-emits them as one Qt signal (``ui.bridge.SyncBridge.changed``) and each page asks
``concerns`` before it reads the store again, instead of polling it.

Qt-free, like all of ``desk``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Which cases and statement types changed, and whether receipts or the outbox did."""

    cases: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    receipts: bool = False  # a receipt was stored (an entry became confirmed)
    outbox: bool = False  # an outbox state moved (pending, submitted, confirmed, rejected)

    @classmethod
    def of(
        cls,
        *,
        cases: Iterable[str] = (),
        types: Iterable[str] = (),
        receipts: bool = False,
        outbox: bool = False,
    ) -> Changes:
        # the public case ("") is a case too: evidence deposits live there
        return cls(frozenset(cases), frozenset(types), receipts, outbox)

    def __bool__(self) -> bool:
        return bool(self.cases or self.types or self.receipts or self.outbox)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.cases | other.cases,
            self.types | other.types,
            self.receipts or other.receipts,
            self.outbox or other.outbox,
        )

    def concerns(
        self,
        *,
        case: str | None = None,
        type_prefixes: Iterable[str] = (),
        types: Iterable[str] = (),
        receipts: bool = False,
        outbox: bool = False,
    ) -> bool:
        """Does this change touch what a view shows?

        A view names what it shows: the outbox states or the receipts (any change to them
        counts), and entries of one ``case`` (None: any case) and of statement types by prefix
        (``"mediation."``) or exactly (none named: any type). A view that names nothing is
        concerned by every change.
        """
        if (receipts and self.receipts) or (outbox and self.outbox):
            return True
        prefixes = tuple(type_prefixes)
        exact = frozenset(types)
        if case is None and not prefixes and not exact:
            return not (receipts or outbox) and bool(self)
        if case is not None and case not in self.cases:
            return False
        if not prefixes and not exact:
            return True
        return any(t in exact or t.startswith(prefixes) for t in self.types)


NOTHING = Changes()
