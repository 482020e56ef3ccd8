"""The mediation tables the UI reads; each a pure function of the log (see ledger.store.audit).

``mediation_cases`` and ``mediation_parties`` are rebuilt for every case an appended batch
touches, by folding that case's entries from the local log; ``mediation_timeline`` holds one
row per signed action, in log order.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Integer, LargeBinary, String, Table, delete, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger.statement import Statement, parse_entry
from ledger.store.models import Base, LogEntry, Receipt
from ledger.store.projection import Applied
from mediation import types as t
from mediation.case import CaseState, fold

log = logging.getLogger(__name__)


class MediationCase(Base):
    __tablename__ = "mediation_cases"

    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    dispute_type: Mapped[str]
    summary: Mapped[str]
    organisation: Mapped[str]
    mediator_name: Mapped[str]
    mediator: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    opened_at: Mapped[str] = mapped_column(String(24))
    updated_at: Mapped[str] = mapped_column(String(24))
    agreement_version: Mapped[int] = mapped_column(Integer)
    effective_at: Mapped[str] = mapped_column(String(24))


class MediationParty(Base):
    __tablename__ = "mediation_parties"

    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    party_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str]
    key: Mapped[str]
    id_type: Mapped[str]
    id_hash: Mapped[str]


class TimelineEvent(Base):
    __tablename__ = "mediation_timeline"

    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)
    case_id: Mapped[str] = mapped_column(String(120), index=True)
    type: Mapped[str] = mapped_column(String(120))
    actor: Mapped[str] = mapped_column(String(200))
    statement_time: Mapped[str] = mapped_column(String(24))


def status_of(state: CaseState) -> str:
    """The one word a case list shows (no clock: deadlines are judged where time is known)."""
    if state.closed is not None:
        return "closed"
    if state.enforcement:
        return "enforcement"
    if any(a.effective_hash for a in state.agreements.values()):
        return "effective"
    if state.agreements:
        return "signing"
    return "open"


def case_history(session: Session, case_id: str) -> list[Statement]:
    """The case's statements in chain order: by chain index where a receipt gives it, then
    what is not on the chain yet, in the order this desktop signed it.

    (The local log's own order can differ from the chain's: an entry signed here may be stored
    before another member's earlier entry reaches this desktop.)
    """
    texts = session.scalars(
        select(LogEntry.entry)
        .outerjoin(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
        .where(LogEntry.case_id == case_id)
        .order_by(Receipt.chain_index.is_(None), Receipt.chain_index, LogEntry.seq)
    )
    history = []
    for text in texts:
        statement = parse_entry(text).statement
        if statement.type.startswith("mediation."):
            history.append(statement)
    return history


class MediationProjection:
    name = "mediation"

    @property
    def tables(self) -> Sequence[Table]:
        return [MediationCase.__table__, MediationParty.__table__, TimelineEvent.__table__]

    def handles(self, statement_type: str) -> bool:
        return statement_type in t.ALL

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        session.execute(
            insert(TimelineEvent.__table__),
            [
                {
                    "leaf_hash": a.leaf_hash,
                    "seq": a.seq,
                    "case_id": a.entry.statement.case,
                    "type": a.entry.statement.type,
                    "actor": a.entry.statement.actor,
                    "statement_time": a.entry.statement.time,
                }
                for a in batch
            ],
        )
        for case_id in dict.fromkeys(a.entry.statement.case for a in batch):
            self._rebuild_case(session, case_id)

    def _rebuild_case(self, session: Session, case_id: str) -> None:
        history = case_history(session, case_id)
        session.execute(delete(MediationParty.__table__).where(MediationParty.case_id == case_id))
        session.execute(delete(MediationCase.__table__).where(MediationCase.case_id == case_id))
        try:
            state = fold(case_id, history)
        except (KeyError, TypeError, ValueError, AttributeError):
            # A history this desktop holds only in part must never stop the sync: the case
            # reappears when the missing entries arrive (the rules keep bad bodies off the log).
            log.warning("case %s cannot be read from this desktop's log yet", case_id)
            return
        if not state.opened_by:
            return  # statements of a case this desktop has not seen opened (yet)
        effective = [a for a in state.agreements.values() if a.effective_hash]
        latest = max((a.latest.number for a in state.agreements.values() if a.latest), default=0)
        session.execute(
            insert(MediationCase.__table__).values(
                case_id=case_id,
                dispute_type=state.dispute_type,
                summary=state.summary,
                organisation=state.organisation,
                mediator_name=state.mediator_name,
                mediator=state.mediator,
                status=status_of(state),
                opened_at=state.opened_at,
                updated_at=history[-1].time,
                agreement_version=latest,
                effective_at=effective[0].effective_at if effective else "",
            )
        )
        if state.parties:
            session.execute(
                insert(MediationParty.__table__),
                [
                    {
                        "case_id": case_id,
                        "party_id": p.id,
                        "role": p.role,
                        "kind": p.kind,
                        "name": p.name,
                        "key": p.key or "",
                        "id_type": p.id_type,
                        "id_hash": p.id_hash,
                    }
                    for p in state.parties.values()
                ],
            )


def mediation_projections() -> list[MediationProjection]:
    return [MediationProjection()]
