"""What the mediation pages show: the case list, one case, its parties' private details, and
what its PDFs cite.

A case as its pages show it (``read_case``) is the store's own state of the case (advanced one
entry at a time, ``mediation.services.load`` gives a copy) with its entries in log order and
their chain status, both without the entries the node rejected: those count nowhere, and only
the Chain page lists them. Reading a large case's entries takes time: the UI calls
``read_case`` off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from casework import private
from desk.read.entries import Logged, case_entries, node_vkey
from ledger.store.store import Store
from mediation import dossier, services
from mediation.case import CaseState
from mediation.documents import ChainFacts, SignatureLine
from mediation.projections import MediationCase, MediationParty, status_of

# -- the case list --------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    dispute_type: str
    summary: str
    parties: tuple[str, ...]
    status: str
    updated_at: str


def case_ids(store: Store, search: str = "", status: str = "") -> list[str]:
    """Cases, most recently changed first; ``search`` in the case id, a party's name, the
    dispute type or the summary; ``status`` one word of ``status_of`` ("" for any)."""
    query = select(MediationCase.case_id).order_by(
        MediationCase.updated_at.desc(), MediationCase.case_id
    )
    if status:
        query = query.where(MediationCase.status == status)
    text = search.strip()
    if text:
        by_party = select(MediationParty.case_id).where(
            MediationParty.name.icontains(text, autoescape=True)
        )
        query = query.where(
            or_(
                MediationCase.case_id.icontains(text, autoescape=True),
                MediationCase.summary.icontains(text, autoescape=True),
                MediationCase.dispute_type.icontains(text, autoescape=True),
                MediationCase.case_id.in_(by_party),
            )
        )
    with store.session() as session:
        return list(session.scalars(query))


def case_rows(store: Store, ids: Sequence[str]) -> dict[str, CaseRow]:
    names: dict[str, list[str]] = {}
    rows = {}
    with store.session() as session:
        for case_id, name in session.execute(
            select(MediationParty.case_id, MediationParty.name)
            .where(MediationParty.case_id.in_(ids))
            .order_by(MediationParty.case_id, MediationParty.party_id)
        ):
            names.setdefault(case_id, []).append(name)
        for case in session.scalars(select(MediationCase).where(MediationCase.case_id.in_(ids))):
            rows[case.case_id] = CaseRow(
                case.case_id,
                case.dispute_type,
                case.summary,
                tuple(names.get(case.case_id, ())),
                case.status,
                case.updated_at,
            )
    return rows


def last_organisation(store: Store, mediator: str) -> str:
    """The organisation of the last case ``mediator`` opened ("" if none)."""
    with store.session() as session:
        found = session.scalars(
            select(MediationCase.organisation)
            .where(MediationCase.mediator == mediator)
            .order_by(MediationCase.opened_at.desc())
            .limit(1)
        ).first()
    return found or ""


# -- one case -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRead:
    """One case as its pages show it; entries the node rejected are not in it."""

    case_id: str
    state: CaseState  # a copy of the store's state of the case
    status: str  # the case list's word (``status_of``)
    entries: tuple[Logged, ...]  # in log order, each with its chain status
    node_vkey: str  # the pinned node's key ("" before the first sync)


def read_case(store: Store, case_id: str) -> CaseRead:
    """The case's state and its counted entries (can be slow in a large case: off the GUI
    thread)."""
    entries = tuple(case_entries(store, case_id))
    state = services.load(store, case_id)
    return CaseRead(case_id, state, status_of(state), entries, node_vkey(store))


def case_status(state: CaseState) -> str:
    """The one word a case list shows for ``state``."""
    return status_of(state)


def party_details(store: Store, case_id: str) -> dict[str, private.PrivateParty]:
    """The case's parties' private details (ID numbers, addresses, phones), opened from the
    vault; raises ``LedgerError`` when a sealed value does not open."""
    with store.session() as session:
        return private.load(session, case_id)


# -- what the PDFs cite ---------------------------------------------------------------------


def signature_lines(store: Store, state: CaseState, agreement_id: str) -> list[SignatureLine]:
    with store.session() as session:
        return dossier.signature_lines(session, state, agreement_id)


def applicant_lines(store: Store, state: CaseState) -> list[SignatureLine]:
    with store.session() as session:
        return dossier.applicant_lines(session, state)


def chain_facts(
    store: Store, case_id: str, kind: str, match: dict[str, Any] | None = None
) -> ChainFacts | None:
    with store.session() as session:
        return dossier.chain_facts(session, case_id, kind, match)
