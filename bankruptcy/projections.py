"""The bankruptcy tables the UI reads; each a pure function of the log (``ledger.store.audit``).

``bankruptcy_claims`` holds one row per claim: its current declared and confirmed amounts, its
status, group and nature, the creditor's display name (a natural person's masked, an
organisation's in full), the late flag and how many objections it drew. It is indexed by case
and by each column a claim-table view filters or sorts on, so an id-list model over 100,000
claims filters and sorts in SQL. ``bankruptcy_cases`` holds one row per case and
``bankruptcy_tables`` one per published claim-table version.

Rows are written from the case's state as the store keeps it (``ledger.store.cases``, advanced
by the batch before the projections run): for each statement, only the claims it touches, so an
append costs one statement's work whatever the case's size. Entries the node rejected count
nowhere (``Projections.rederive``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Table, delete, insert, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from bankruptcy import types as t
from bankruptcy.bodies import parse
from bankruptcy.state import CaseState, Claim
from ledger.store.models import Base
from ledger.store.projection import Applied


class BankruptcyCase(Base):
    __tablename__ = "bankruptcy_cases"

    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    case_number: Mapped[str]
    court: Mapped[str]
    debtor_name: Mapped[str]
    judge: Mapped[str] = mapped_column(String(200))
    administrator: Mapped[str] = mapped_column(String(200))
    administrator_name: Mapped[str]
    accepted_on: Mapped[str] = mapped_column(String(10))
    filing_ends_on: Mapped[str] = mapped_column(String(10))
    first_meeting_on: Mapped[str] = mapped_column(String(10))
    claims: Mapped[int] = mapped_column(Integer)
    table_version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[str] = mapped_column(String(24))


class ClaimRow(Base):
    __tablename__ = "bankruptcy_claims"
    __table_args__ = (
        Index("ix_bankruptcy_claims_status", "case_id", "status"),
        Index("ix_bankruptcy_claims_group", "case_id", "claim_group"),
        Index("ix_bankruptcy_claims_declared", "case_id", "declared_fen"),
        Index("ix_bankruptcy_claims_confirmed", "case_id", "confirmed_fen"),
        Index("ix_bankruptcy_claims_creditor", "case_id", "creditor_name"),
    )

    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    creditor: Mapped[str] = mapped_column(String(200))  # the declaring key
    creditor_name: Mapped[str]  # as shown: a natural person's name masked
    creditor_kind: Mapped[str] = mapped_column(String(20))
    nature: Mapped[str] = mapped_column(String(30))
    claim_group: Mapped[str] = mapped_column(String(20))  # Art. 82
    secured: Mapped[bool] = mapped_column(Boolean)
    declared_version: Mapped[int] = mapped_column(Integer)
    declared_fen: Mapped[int] = mapped_column(BigInteger)
    review_version: Mapped[int] = mapped_column(Integer)  # 0: not reviewed
    confirmed_fen: Mapped[int | None] = mapped_column(BigInteger)  # None: not reviewed
    provisional_fen: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(20))
    late: Mapped[bool] = mapped_column(Boolean)
    objections: Mapped[int] = mapped_column(Integer)
    declared_at: Mapped[str] = mapped_column(String(24))


class TableVersion(Base):
    __tablename__ = "bankruptcy_tables"

    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    claims: Mapped[int] = mapped_column(Integer)
    rows_hash: Mapped[str] = mapped_column(String(64))
    declared_fen: Mapped[int] = mapped_column(BigInteger)
    confirmed_fen: Mapped[int] = mapped_column(BigInteger)
    published_at: Mapped[str] = mapped_column(String(24))


def masked_name(name: str) -> str:
    """A natural person's name as the claim table shows it: the surname's first character,
    the rest masked (张三 -> 张*, 欧阳娜娜 -> 欧***)."""
    name = name.strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def display_name(state: CaseState, claim: Claim) -> tuple[str, str]:
    """The creditor's name as shown, and its kind."""
    invitee = state.creditors.get(claim.owner)
    if invitee is None:
        return "", ""
    if invitee.kind is t.PartyKind.PERSON:
        return masked_name(invitee.name), invitee.kind.value
    return invitee.name, invitee.kind.value


def claim_values(state: CaseState, claim: Claim) -> dict[str, Any]:
    """A claim's row as the state has it."""
    declared = claim.declaration
    review = claim.review
    nature = review.nature if review is not None else declared.nature
    name, kind = display_name(state, claim)
    return {
        "creditor": claim.owner,
        "creditor_name": name,
        "creditor_kind": kind,
        "nature": nature.value,
        "claim_group": t.group_of(nature).value,
        "secured": review.secured if review is not None else declared.secured,
        "declared_version": declared.version,
        "declared_fen": declared.total_fen,
        "review_version": claim.review_version,
        "confirmed_fen": claim.confirmed_fen,
        "provisional_fen": claim.provisional_fen,
        "status": state.status(claim).value,
        "late": claim.late,
        "objections": len(claim.objections),
        "declared_at": claim.declared_at,
    }


def touched_claims(state: CaseState, parsed: Any) -> list[str]:
    """The claims whose rows one statement changes."""
    body = parsed.body
    if isinstance(body, t.ClaimDeclared | t.ClaimReviewed | t.ProvisionalSet):
        return [body.claim_id]
    if isinstance(body, t.ObjectionRaised):
        return [body.claim_id]
    if isinstance(body, t.ObjectionAnswered):
        objection = state.objections.get(body.objection_id)
        return [objection.claim_id] if objection is not None else []
    if isinstance(body, t.ClaimsConfirmed):
        return list(body.claims)
    return []


class BankruptcyProjection:
    """Case, claim and table-version rows, written from the kept state after each batch."""

    name = "bankruptcy"

    def __init__(self, cases: object = None) -> None:
        self.cases = cases  # the store's case states (ledger.store.cases), which advance first

    @property
    def tables(self) -> Sequence[Table]:
        return [BankruptcyCase.__table__, ClaimRow.__table__, TableVersion.__table__]

    def handles(self, statement_type: str) -> bool:
        return statement_type in t.ALL

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        last: dict[str, Applied] = {}
        claims: dict[str, set[str]] = {}
        tables: list[tuple[str, t.TablePublished, str]] = []
        for applied in batch:
            statement = applied.entry.statement
            last[statement.case] = applied
            assert applied.slot is not None, "the store advances case states first"
            state = applied.slot.state
            if not isinstance(state, CaseState) or state.accepted is None:
                continue
            parsed = parse(statement)
            claims.setdefault(statement.case, set()).update(touched_claims(state, parsed))
            if isinstance(parsed.body, t.TablePublished):
                tables.append((statement.case, parsed.body, statement.time))
        for case_id, applied in last.items():
            assert applied.slot is not None
            state = applied.slot.state
            if not isinstance(state, CaseState) or state.accepted is None:
                self._forget(session, case_id)
                continue
            self._write_case(session, case_id, state, applied.entry.statement.time)
            self._write_claims(session, case_id, state, claims.get(case_id, set()))
        for case_id, body, time in tables:
            declared = sum(g.declared_fen for g in body.totals)
            confirmed = sum(g.confirmed_fen for g in body.totals)
            session.execute(
                insert(TableVersion.__table__).values(
                    case_id=case_id,
                    version=body.table,
                    claims=body.claims,
                    rows_hash=body.rows_hash,
                    declared_fen=declared,
                    confirmed_fen=confirmed,
                    published_at=time,
                )
            )

    def _forget(self, session: Session, case_id: str) -> None:
        """A case this desktop has not seen accepted (yet), or cannot read: no rows."""
        for table in self.tables:
            session.execute(delete(table).where(table.c.case_id == case_id))

    def _write_case(self, session: Session, case_id: str, state: CaseState, updated: str) -> None:
        cases = BankruptcyCase.__table__
        assert state.accepted is not None
        body = state.accepted.body
        values = {
            "case_number": body.case_number,
            "court": body.court,
            "debtor_name": body.debtor_name,
            "judge": state.judge,
            "administrator": body.administrator,
            "administrator_name": body.administrator_name,
            "accepted_on": body.accepted_on,
            "filing_ends_on": body.filing_ends_on,
            "first_meeting_on": body.first_meeting_on,
            "claims": len(state.claims),
            "table_version": max(state.tables, default=0),
            "updated_at": updated,
        }
        written = session.execute(update(cases).where(cases.c.case_id == case_id).values(values))
        if written.rowcount == 0:
            session.execute(insert(cases).values(case_id=case_id, **values))

    def _write_claims(
        self, session: Session, case_id: str, state: CaseState, claim_ids: set[str]
    ) -> None:
        rows = ClaimRow.__table__
        for claim_id in sorted(claim_ids):
            claim = state.claims.get(claim_id)
            if claim is None:
                continue
            values = claim_values(state, claim)
            written = session.execute(
                update(rows)
                .where(rows.c.case_id == case_id, rows.c.claim_id == claim_id)
                .values(values)
            )
            if written.rowcount == 0:
                session.execute(insert(rows).values(case_id=case_id, claim_id=claim_id, **values))


def bankruptcy_projections(cases: object = None) -> list[BankruptcyProjection]:
    return [BankruptcyProjection(cases)]
