"""Gathering what the documents show from the local store: who signed, and what the chain
confirmed (receipts), so a PDF never claims more than this desktop has verified."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.statement import parse_entry
from ledger.store.models import ChainPin, LogEntry, Receipt
from mediation import types as t
from mediation.case import CaseState
from mediation.documents import ROLE_NAMES, ChainFacts, SignatureLine


def _chain_rows(session: Session, case_id: str, kind: str) -> list[tuple[Any, ...]]:
    return list(
        session.execute(
            select(
                LogEntry.entry,
                LogEntry.leaf_hash,
                Receipt.chain_index,
                Receipt.on_chain_time,
                Receipt.checkpoint_size,
            )
            .outerjoin(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
            .where(LogEntry.case_id == case_id, LogEntry.type == kind)
            .order_by(LogEntry.seq)
        )
    )


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
    lines = []
    for text, _leaf, index, on_chain, _size in _chain_rows(session, state.id, t.AGREEMENT_SIGNED):
        statement = parse_entry(text).statement
        if version is None or statement.body.get("content_hash") != version.hash:
            continue
        name, role = _who(state, statement.actor)
        lines.append(
            SignatureLine(
                name, role, statement.actor_verifier.key_id, statement.time, index, on_chain
            )
        )
    return lines


def applicant_lines(session: Session, state: CaseState) -> list[SignatureLine]:
    lines = []
    for text, _leaf, index, on_chain, _size in _chain_rows(
        session, state.id, t.CONFIRMATION_APPLIED
    ):
        statement = parse_entry(text).statement
        name, role = _who(state, statement.actor)
        lines.append(
            SignatureLine(
                name, role, statement.actor_verifier.key_id, statement.time, index, on_chain
            )
        )
    return lines


def chain_facts(
    session: Session, case_id: str, kind: str, match: dict[str, Any] | None = None
) -> ChainFacts | None:
    """The chain facts of the last entry of ``kind`` in the case (matching ``match`` fields)."""
    pin = session.scalars(select(ChainPin).limit(1)).first()
    chosen = None
    for row in _chain_rows(session, case_id, kind):
        body = parse_entry(row[0]).statement.body
        if match is None or all(body.get(k) == v for k, v in match.items()):
            chosen = row
    if chosen is None:
        return None
    _text, leaf, index, on_chain, size = chosen
    return ChainFacts(
        origin=pin.origin if pin else "",
        log_vkey=pin.log_vkey if pin else "",
        index=index,
        checkpoint_size=size,
        on_chain_time=on_chain,
        leaf_hash=leaf.hex(),
    )


def issued_body(pdf: bytes, name: str, about: dict[str, Any]) -> dict[str, Any]:
    """``document.issued``: the PDF's own SHA-256, so the Verify page recognises the file."""
    return {
        "documents": [{"name": name, "sha256": hashlib.sha256(pdf).hexdigest(), "size": len(pdf)}],
        "about": about,
    }
