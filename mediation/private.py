"""Personal data of the parties, kept only in the local store of the case's members.

Statements carry names, roles, key ids and a salted SHA-256 of the identity document number;
the number itself, the address and the phone stay here (and in documents for the parties and
the court, never in a statement). This table is not derived from the log, so replay leaves it
alone and the consistency check does not compare it.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger.store.models import Base


class PrivateParty(Base):
    __tablename__ = "mediation_private_parties"

    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    party_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    id_number: Mapped[str]
    salt: Mapped[bytes] = mapped_column(LargeBinary(16))
    address: Mapped[str]
    phone: Mapped[str]
    agent: Mapped[str]


def new_salt() -> bytes:
    return os.urandom(16)


def identity_hash(salt: bytes, id_type: str, number: str) -> str:
    """SHA-256(salt || id_type || 0x00 || normalized number), lowercase hex.

    The salt makes the hash useless for guessing numbers across cases; anyone holding the
    salt and the number (a party, the court) can check it against the statement.
    """
    normalized = unicodedata.normalize("NFKC", number).strip().upper()
    data = salt + id_type.encode() + b"\0" + normalized.encode()
    return hashlib.sha256(data).hexdigest()


def masked(number: str) -> str:
    """``110101********1234``: enough for a document reader to recognise, not to copy."""
    number = number.strip()
    if len(number) <= 12:  # passports and short numbers: the last two characters only
        return "*" * max(0, len(number) - 2) + number[-2:]
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def save(session: Session, rows: list[PrivateParty]) -> None:
    for row in rows:
        session.merge(row)


def load(session: Session, case_id: str) -> dict[str, PrivateParty]:
    rows = session.query(PrivateParty).filter(PrivateParty.case_id == case_id).all()
    return {row.party_id: row for row in rows}
