"""The cases a domain's statements name in the local log (a module's placeholder page)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ledger.store.models import LogEntry
from ledger.store.store import Store


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    entries: int
    latest: str  # the latest statement time (UTC)


def cases_with_types(store: Store, type_prefix: str) -> list[CaseSummary]:
    """Cases with entries whose type starts with ``type_prefix``, by case id, in one query."""
    with store.session() as session:
        rows = session.execute(
            select(LogEntry.case_id, func.count(), func.max(LogEntry.statement_time))
            .where(LogEntry.type.startswith(type_prefix, autoescape=True))
            .group_by(LogEntry.case_id)
            .order_by(LogEntry.case_id)
        ).all()
    return [CaseSummary(case, count, latest) for case, count, latest in rows]
