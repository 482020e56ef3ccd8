"""Gathering what the mediation documents show from the local store: who signed, and what the
chain confirmed (receipts), read through ``casework.records``."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from casework.pdf import ChainFacts, SignatureLine
from casework.records import chain_facts as facts_of
from casework.records import issued_body as issued_body
from casework.records import on_chain
from ledger.statement import Statement
from mediation import types as t
from mediation.bodies import parse
from mediation.case import CaseState
from mediation.documents import ROLE_NAMES


def _who(state: CaseState, actor: str) -> tuple[str, str]:
    party = state.party_by_key(actor)
    if party is not None:
        return party.name, ROLE_NAMES.get(party.role, party.role)
    if actor == state.mediator:
        return state.mediator_name, "调解员"
    return actor.split("+", 1)[0], "司法链节点"


def signature_lines(session: Session, state: CaseState, agreement_id: str) -> list[SignatureLine]:
    """Signatures on the agreement's effective (or latest) version, in signing order."""
    agreement = state.agreements[agreement_id]
    version = agreement.effective or agreement.latest
    if version is None:
        return []
    return [
        entry.signature(*_who(state, entry.statement.actor))
        for entry in on_chain(session, state.id, t.AGREEMENT_SIGNED)
        if parse(entry.statement).body.content_hash == version.hash
    ]


def applicant_lines(session: Session, state: CaseState) -> list[SignatureLine]:
    return [
        entry.signature(*_who(state, entry.statement.actor))
        for entry in on_chain(session, state.id, t.CONFIRMATION_APPLIED)
    ]


def chain_facts(
    session: Session, case_id: str, kind: str, match: dict[str, Any] | None = None
) -> ChainFacts | None:
    """The chain facts of the last entry of ``kind`` in the case whose body has the ``match``
    fields (as signed)."""

    def matches(statement: Statement) -> bool:
        body = parse(statement).body
        return all(getattr(body, k, None) == v for k, v in (match or {}).items())

    return facts_of(session, case_id, kind, matches if match else None)


__all__ = ["applicant_lines", "chain_facts", "issued_body", "signature_lines"]
