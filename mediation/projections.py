"""The mediation tables the UI reads; each a pure function of the log (see ledger.store.audit).

``mediation_cases`` and ``mediation_parties`` are written, for every case an appended batch
touches, from the case's state as the store keeps it (``ledger.store.cases``: advanced by the
batch, never folded again); ``mediation_timeline`` holds one row per signed action, in log order.
Entries the node rejected count nowhere (``Projections.rederive``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Integer, LargeBinary, String, Table, delete, insert, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger.store.models import Base
from ledger.store.projection import Applied
from mediation import types as t
from mediation.case import CaseState


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


# the types that change a case's parties (the only ones that rewrite its party rows)
PARTY_TYPES = frozenset({t.CASE_OPENED, t.PARTY_ADDED})


def status_of(state: CaseState) -> str:
    """The one word a case list shows (``CaseState.status``)."""
    return state.status.value


class MediationProjection:
    """Case and party rows written from the case's state after each batch (one statement's
    work, whatever the case's size), and one timeline row per signed action."""

    name = "mediation"

    def __init__(self, cases: object = None) -> None:
        self.cases = cases  # the store's case states (ledger.store.cases), which advance first

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
        last: dict[str, Applied] = {}
        parties_changed: set[str] = set()
        for applied in batch:
            case_id = applied.entry.statement.case
            last[case_id] = applied
            if applied.entry.statement.type in PARTY_TYPES:
                parties_changed.add(case_id)
        for case_id, applied in last.items():
            assert applied.slot is not None, "the store advances case states first"
            state = applied.slot.state
            updated = applied.entry.statement.time
            self._write_case(session, case_id, state, updated, case_id in parties_changed)

    def _write_case(
        self, session: Session, case_id: str, state: object, updated: str, parties: bool
    ) -> None:
        cases, rows = MediationCase.__table__, MediationParty.__table__
        if not isinstance(state, CaseState) or not state.opened_by:
            # statements of a case this desktop has not seen opened (yet), or cannot read
            session.execute(delete(rows).where(rows.c.case_id == case_id))
            session.execute(delete(cases).where(cases.c.case_id == case_id))
            return
        effective = [a for a in state.agreements.values() if a.effective_hash]
        latest = max((a.latest.number for a in state.agreements.values() if a.latest), default=0)
        values = {
            "dispute_type": state.dispute_type,
            "summary": state.summary,
            "organisation": state.organisation,
            "mediator_name": state.mediator_name,
            "mediator": state.mediator,
            "status": status_of(state),
            "opened_at": state.opened_at,
            "updated_at": updated,
            "agreement_version": latest,
            "effective_at": effective[0].effective_at if effective else "",
        }
        # one statement for the common append: the case row is there, the parties unchanged
        written = session.execute(update(cases).where(cases.c.case_id == case_id).values(values))
        if written.rowcount == 0:
            session.execute(insert(cases).values(case_id=case_id, **values))
            parties = True
        if not parties:
            return
        session.execute(delete(rows).where(rows.c.case_id == case_id))
        if state.parties:
            session.execute(
                insert(rows),
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


def mediation_projections(cases: object = None) -> list[MediationProjection]:
    return [MediationProjection(cases)]
