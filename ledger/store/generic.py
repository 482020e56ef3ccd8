"""Projections of the two generic statement types (PROTOCOL.md section 1).

- ``identity.enrol``: who a key says it is, and the role it asked for;
- ``evidence.deposited``: the documents deposited as electronic evidence (存证), so that a
  file can be recognised by its SHA-256 on this desktop even before asking the node.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Integer, LargeBinary, String, Table, insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger.store.models import Base
from ledger.store.projection import Applied


class Identity(Base):
    __tablename__ = "identities"

    actor: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str]
    role: Mapped[str] = mapped_column(String(20))
    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class DepositedDocument(Base):
    __tablename__ = "deposited_documents"

    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str]
    size: Mapped[int]
    case_id: Mapped[str] = mapped_column(String(120))
    actor: Mapped[str] = mapped_column(String(200))
    statement_time: Mapped[str] = mapped_column(String(24))


class IdentityProjection:
    name = "ledger.identities"

    @property
    def tables(self) -> Sequence[Table]:
        return [Identity.__table__]

    def handles(self, statement_type: str) -> bool:
        return statement_type in ("identity.enrol", "identity.approved")

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        for applied in batch:
            statement = applied.entry.statement
            if statement.type == "identity.approved":
                # The node's approval sets the role the court granted, which may differ from
                # the one asked for (the sync stores approvals only after checking the pinned
                # node key signed them).
                key, role = statement.body.get("key"), statement.body.get("role")
                row = session.get(Identity, key) if isinstance(key, str) else None
                if row is not None and isinstance(role, str):
                    row.role = role
                continue
            # A key that enrols again keeps its latest name and role.
            session.merge(
                Identity(
                    actor=statement.actor,
                    name=statement.body["name"],
                    role=statement.body["role"],
                    leaf_hash=applied.leaf_hash,
                )
            )


class EvidenceProjection:
    name = "ledger.evidence"

    @property
    def tables(self) -> Sequence[Table]:
        return [DepositedDocument.__table__]

    def handles(self, statement_type: str) -> bool:
        return statement_type == "evidence.deposited"

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        rows = [
            {
                "leaf_hash": applied.leaf_hash,
                "position": i,
                "sha256": doc["sha256"],
                "name": doc["name"],
                "size": doc["size"],
                "case_id": applied.entry.statement.case,
                "actor": applied.entry.statement.actor,
                "statement_time": applied.entry.statement.time,
            }
            for applied in batch
            for i, doc in enumerate(applied.entry.statement.body["documents"])
        ]
        session.execute(insert(DepositedDocument.__table__), rows)


def generic_projections() -> list[IdentityProjection | EvidenceProjection]:
    return [IdentityProjection(), EvidenceProjection()]
