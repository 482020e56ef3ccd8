"""Personal data of a case's participants (a mediation's parties, a bankruptcy's creditors),
kept only in the local store of the case's members.

Statements carry names, roles, key ids and a salted SHA-256 of the identity document number;
the number itself, the address and the phone stay here (and in documents for the parties and
the court, never in a statement). This table is not derived from the log, so replay leaves it
alone and the consistency check does not compare it.

The table keeps the name it was born with (``mediation_private_parties``, created by the
mediation migrations' first revision) and its ``party_id`` column: every sealed value is bound
to that name, so a rename would leave old profiles' values unreadable. Any domain's
participants use it, keyed by case and participant id.

At rest the number, its salt, the address and the phone are sealed under the profile's data
key (``ledger.vault``), each bound to its case, party and column; the vault travels in the
store's ``session.info["vault"]`` (``DeskSession`` puts it there), so callers only ``save``
and ``load`` plain ``PrivateParty`` values.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import LargeBinary, String, create_engine, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.store.models import Base
from ledger.vault import PrivateVault, SealedValueError, is_sealed_text


class _StoredParty(Base):
    __tablename__ = "mediation_private_parties"

    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    party_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    id_number: Mapped[str]  # sealed text (ledger.vault.SEALED_PREFIX), or clear before 2026-12
    salt: Mapped[bytes] = mapped_column(LargeBinary(16))  # sealed: nonce || ciphertext || tag
    address: Mapped[str]
    phone: Mapped[str]
    agent: Mapped[str]  # not sealed: the agent's name goes on the chain anyway


@dataclass
class PrivateParty:
    """A participant's personal data, in clear, as the app uses it (never stored like this);
    ``party_id`` is the participant's id within its case."""

    case_id: str
    party_id: str
    id_number: str
    salt: bytes
    address: str
    phone: str
    agent: str


class VaultLockedError(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "Personal data can be stored and read only in a profile unlocked with its passphrase.",
    )


_SEALED = ("id_number", "address", "phone")
_CLEAR_SALT = 16  # bytes: a salt written before sealing


def _vault(session: Session) -> PrivateVault:
    vault = session.info.get("vault")
    if vault is None:
        raise VaultLockedError()
    return vault


def _where(case_id: str, party_id: str, column: str) -> tuple[str, ...]:
    return (_StoredParty.__tablename__, case_id, party_id, column)


def _sealed(vault: PrivateVault, row: PrivateParty) -> _StoredParty:
    texts = {
        column: vault.seal_text(getattr(row, column), _where(row.case_id, row.party_id, column))
        for column in _SEALED
    }
    salt = vault.seal(row.salt, _where(row.case_id, row.party_id, "salt"))
    return _StoredParty(
        case_id=row.case_id, party_id=row.party_id, salt=salt, agent=row.agent, **texts
    )


def _opened(vault: PrivateVault, stored: _StoredParty) -> PrivateParty:
    case, party = stored.case_id, stored.party_id
    texts = {
        column: vault.unseal_text(getattr(stored, column), _where(case, party, column), case)
        for column in _SEALED
    }
    salt = vault.unseal(stored.salt, _where(case, party, "salt"), case)
    return PrivateParty(case_id=case, party_id=party, salt=salt, agent=stored.agent, **texts)


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


def split(
    case_id: str,
    participant_id: str,
    *,
    id_type: str,
    id_number: str = "",
    address: str = "",
    phone: str = "",
    agent: str = "",
) -> tuple[dict[str, str], PrivateParty | None]:
    """A participant's details split for the chain and for this store: the identity fields a
    statement may carry (``id_type`` and the salted ``id_hash``, when a number is given) and
    the private row to save in the same transaction (None when there is nothing private)."""
    public: dict[str, str] = {}
    if not (id_number or address or phone):
        return public, None
    salt = new_salt()
    if id_number:
        public = {"id_type": id_type, "id_hash": identity_hash(salt, id_type, id_number)}
    row = PrivateParty(
        case_id=case_id,
        party_id=participant_id,
        id_number=id_number.strip(),
        salt=salt,
        address=address.strip(),
        phone=phone.strip(),
        agent=agent.strip(),
    )
    return public, row


def masked(number: str) -> str:
    """``110101********1234``: enough for a document reader to recognise, not to copy."""
    number = number.strip()
    if len(number) <= 12:  # passports and short numbers: the last two characters only
        return "*" * max(0, len(number) - 2) + number[-2:]
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def save(session: Session, rows: list[PrivateParty]) -> None:
    vault = _vault(session)
    for row in rows:
        session.merge(_sealed(vault, row))


def load(session: Session, case_id: str) -> dict[str, PrivateParty]:
    """The case's parties' details in clear; ``SealedValueError`` naming the case if a value
    was altered or swapped."""
    vault = _vault(session)
    rows = session.scalars(select(_StoredParty).where(_StoredParty.case_id == case_id))
    return {row.party_id: _opened(vault, row) for row in rows}


def has_sealed_rows(session: Session) -> bool:
    """Whether any row is sealed (under some data key); needs no vault."""
    ids = session.scalars(select(_StoredParty.id_number).limit(1000))
    return any(is_sealed_text(value) for value in ids)


def seal_clear_rows(session: Session) -> int:
    """Seal rows written in clear by a version before sealing; return how many. Run in one
    transaction at unlock: either every row is sealed or none is."""
    vault = _vault(session)
    count = 0
    for stored in session.scalars(select(_StoredParty)).all():
        if is_sealed_text(stored.id_number):
            continue
        if len(stored.salt) != _CLEAR_SALT:
            raise SealedValueError(case=stored.case_id)
        clear = PrivateParty(
            case_id=stored.case_id,
            party_id=stored.party_id,
            id_number=stored.id_number,
            salt=stored.salt,
            address=stored.address,
            phone=stored.phone,
            agent=stored.agent,
        )
        session.merge(_sealed(vault, clear))
        count += 1
    return count


def seal_sqlite_copy(path: Path, vault: PrivateVault) -> int:
    """Seal the clear rows of a SQLite copy of the store (a pre-migration ``.before-*``
    backup), zeroing what they leave behind; a copy without the table is left alone."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(_StoredParty.__tablename__):
                return 0
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
            with Session(conn, info={"vault": vault}) as session:
                count = seal_clear_rows(session)
                session.commit()
            conn.commit()
            conn.exec_driver_sql("VACUUM")
        return count
    finally:
        engine.dispose()
