"""What the UI asks of mediation: each function builds a statement to sign and checks it
against the case's rules at once (offline too), so the user hears "no" before signing.

The UI never builds JSON or signs by hand: it calls these, then hands the statement to the one
signing-and-appending path (``DeskSession.record`` → ``ledger.store.append.sign_and_append``).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from casework import private
from casework.statements import Author, Prepared
from casework.statements import checked as checked_by
from casework.statements import load as load_case
from ledger.clock import format_time
from ledger.keys import SigningKey
from ledger.statement import Statement
from ledger.store.store import Store
from mediation import types as t
from mediation.agreement import content_hash
from mediation.case import CaseState
from mediation.domain import DOMAIN

__all__ = ["Author", "Prepared", "checked"]  # with the service functions below


@dataclass
class PartyInput:
    """A party as the mediator enters it; personal data is split off before signing."""

    id: str
    name: str
    role: str = "applicant"
    kind: str = "person"
    id_type: str = "resident_id"
    id_number: str = ""
    address: str = ""
    phone: str = ""
    agent: str = ""
    key: str | None = None  # the party's verifier key, when they have enrolled


def next_party_id(used: Iterable[str]) -> str:
    """The first free party id of the form ``p1``, ``p2`` …"""
    taken = set(used)
    number = 1
    while f"p{number}" in taken:
        number += 1
    return f"p{number}"


def new_case_id(now: datetime) -> str:
    return f"MED-{now:%Y%m%d}-{secrets.token_hex(3).upper()}"


def load(store: Store, case_id: str) -> CaseState:
    """The case as this desktop's log holds it now (a copy: the store's own state moves on)."""
    return load_case(store, DOMAIN, case_id)


def checked(state: CaseState, statement: Statement) -> Statement:
    """Run the mediation rule the node will run, at once (offline too): ContractViolation
    with the article (``casework.statements.checked``)."""
    return checked_by(DOMAIN, state, statement)


def _split(case_id: str, party: PartyInput) -> tuple[dict[str, Any], private.PrivateParty | None]:
    public: dict[str, Any] = {
        "id": party.id,
        "role": party.role,
        "kind": party.kind,
        "name": party.name.strip(),
    }
    if party.key:
        public["key"] = party.key
    if party.agent:
        public["agent"] = party.agent.strip()
    identity, row = private.split(
        case_id,
        party.id,
        id_type=party.id_type,
        id_number=party.id_number,
        address=party.address,
        phone=party.phone,
        agent=party.agent,
    )
    public.update(identity)
    return public, row


def open_case(
    author: Author,
    *,
    case_id: str,
    dispute_type: str,
    summary: str,
    organisation: str,
    mediator_name: str,
    parties: Sequence[PartyInput],
) -> Prepared:
    """Open a case (PML Art. 17); party keys become case members so they can sign."""
    bodies, rows = [], []
    for party in parties:
        public, row = _split(case_id, party)
        bodies.append(public)
        if row is not None:
            rows.append(row)
    body = {
        "dispute_type": dispute_type.strip(),
        "summary": summary.strip(),
        "organisation": organisation.strip(),
        "mediator_name": mediator_name.strip(),
        "parties": bodies,
        "members": [p.key for p in parties if p.key],
    }
    return Prepared(
        checked(CaseState(case_id), author.statement(t.CASE_OPENED, case_id, body)), rows
    )


def add_party(author: Author, state: CaseState, case_id: str, party: PartyInput) -> Prepared:
    public, row = _split(case_id, party)
    body: dict[str, Any] = {"party": public}
    if party.key:
        body["members"] = [party.key]
    statement = checked(state, author.statement(t.PARTY_ADDED, case_id, body))
    return Prepared(statement, [row] if row else [])


def disclose(
    author: Author, state: CaseState, case_id: str, conflict: bool, text: str
) -> Statement:
    """The mediator's conflict-of-interest disclosure (online mediation rules Art. 13)."""
    body = {"conflict": conflict, "text": text.strip()}
    return checked(state, author.statement(t.DISCLOSURE, case_id, body))


@dataclass
class SpokenStatement:
    party: str
    text: str
    concession: bool = False  # online mediation rules Art. 18: never used against the party


def record_session(
    author: Author,
    state: CaseState,
    case_id: str,
    *,
    start: datetime,
    end: datetime,
    participants: Sequence[str],
    notes: str,
    statements: Sequence[SpokenStatement],
    documents: Sequence[dict[str, Any]] = (),
) -> Statement:
    """The session record (调解笔录, PML Art. 27), signed by the mediator."""
    session_id = f"S{1 + len(state.sessions)}"
    body: dict[str, Any] = {
        "session_id": session_id,
        "start": format_time(start),
        "end": format_time(end),
        "participants": list(participants),
        "notes": notes.strip(),
        "statements": [
            {"party": s.party, "text": s.text.strip(), "concession": s.concession}
            for s in statements
        ],
    }
    if documents:
        body["documents"] = list(documents)
    return checked(state, author.statement(t.SESSION_RECORDED, case_id, body))


def acknowledge_session(
    author: Author,
    state: CaseState,
    case_id: str,
    session_id: str,
    actor: SigningKey | None = None,
) -> Statement:
    body = {"session_id": session_id}
    return checked(state, author.statement(t.SESSION_ACKNOWLEDGED, case_id, body, actor=actor))


def propose_agreement(
    author: Author,
    state: CaseState,
    case_id: str,
    content: dict[str, Any],
    agreement_id: str = "A1",
) -> Statement:
    """Propose a version; any change to a proposed text makes the next version."""
    agreement = state.agreements.get(agreement_id)
    version = 1 if agreement is None or agreement.latest is None else agreement.latest.number + 1
    body = {
        "agreement_id": agreement_id,
        "version": version,
        "content": content,
        "content_hash": content_hash(content),
    }
    return checked(state, author.statement(t.AGREEMENT_PROPOSED, case_id, body))


def sign_agreement(
    author: Author,
    state: CaseState,
    case_id: str,
    agreement_id: str = "A1",
    actor: SigningKey | None = None,
) -> Statement:
    """Sign the exact latest version (its content hash), with the signer's own key."""
    agreement = state.agreements.get(agreement_id)
    latest = agreement.latest if agreement is not None else None
    body = {
        "agreement_id": agreement_id,
        "version": latest.number if latest else 0,
        "content_hash": latest.hash if latest else "",
    }
    return checked(state, author.statement(t.AGREEMENT_SIGNED, case_id, body, actor=actor))


def confirm_performance(
    author: Author,
    state: CaseState,
    case_id: str,
    obligation_id: str,
    amount_fen: int,
    note: str = "",
    agreement_id: str = "A1",
) -> Statement:
    body: dict[str, Any] = {
        "agreement_id": agreement_id,
        "obligation_id": obligation_id,
        "amount_fen": amount_fen,
    }
    if note:
        body["note"] = note
    return checked(state, author.statement(t.PERFORMANCE_CONFIRMED, case_id, body))


def report_performance(
    author: Author,
    state: CaseState,
    case_id: str,
    obligation_id: str,
    amount_fen: int,
    documents: Sequence[dict[str, Any]],
    agreement_id: str = "A1",
) -> Statement:
    body: dict[str, Any] = {
        "agreement_id": agreement_id,
        "obligation_id": obligation_id,
        "amount_fen": amount_fen,
    }
    if documents:
        body["documents"] = list(documents)
    return checked(state, author.statement(t.PERFORMANCE_REPORTED, case_id, body))


def dispute_performance(
    author: Author,
    state: CaseState,
    case_id: str,
    obligation_id: str,
    reason: str,
    agreement_id: str = "A1",
) -> Statement:
    body = {"agreement_id": agreement_id, "obligation_id": obligation_id, "reason": reason.strip()}
    return checked(state, author.statement(t.PERFORMANCE_DISPUTED, case_id, body))


def apply_for_confirmation(
    author: Author,
    state: CaseState,
    case_id: str,
    court: str,
    agreement_id: str = "A1",
    actor: SigningKey | None = None,
) -> Statement:
    """Each party's half of the joint application (PML Art. 33, CPL Art. 205)."""
    body = {"agreement_id": agreement_id, "court": court.strip()}
    return checked(state, author.statement(t.CONFIRMATION_APPLIED, case_id, body, actor=actor))


def request_enforcement(
    author: Author,
    state: CaseState,
    case_id: str,
    obligation_id: str,
    instalment: int,
    agreement_id: str = "A1",
) -> Statement:
    """The obligee's one-click application when the agreement has no automatic filing."""
    body = {
        "agreement_id": agreement_id,
        "obligation_id": obligation_id,
        "instalment": instalment,
        "rule": "obligee-application",
    }
    return checked(state, author.statement(t.ENFORCEMENT_REQUESTED, case_id, body))


def close_case(author: Author, state: CaseState, case_id: str, reason: str) -> Statement:
    """Terminate without agreement and tell the parties of other remedies (PML Art. 26)."""
    return checked(state, author.statement(t.CASE_CLOSED, case_id, {"reason": reason.strip()}))
