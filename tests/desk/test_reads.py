"""The desk's read API (``desk.read``), on SQLite and PostgreSQL: what the UI shows is a
function of the log, and an entry the node rejected is in no case read while the Chain page's
outbox keeps it with the node's reason."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chain_node.domains import installed_domains
from desk.read import cases as read_cases
from desk.read import chain as read_chain
from desk.read import directory as read_directory
from desk.read import entries as read_entries
from desk.read import mediation as read_mediation
from ledger.statement import Statement
from ledger.store.append import reject, sign_and_append
from ledger.store.store import Store
from mediation import types as t
from tests.mediation.conftest import CASE, Case

REASON = "the proposal names an obligation nobody owes (PML Art. 28)"


@pytest.fixture
def case() -> Case:
    return Case()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = Store.open(store_url, installed_domains())
    yield store
    store.close()


def signed_here(store: Store, case: Case, statement: Statement) -> bytes:
    key = next(k for k in (case.mediator, case.lender, case.borrower) if k.vkey == statement.actor)
    with store.transaction() as session:
        entry, _ = sign_and_append(session, store.projections, key, statement)
    return entry.leaf_hash


def test_case_reads_leave_out_what_the_node_rejected_and_the_outbox_keeps_it(
    store: Store, case: Case
) -> None:
    signed_here(store, case, case.add(case.opened()))
    proposal = signed_here(store, case, case.add(case.proposed()))

    before = read_mediation.read_case(store, CASE)
    assert [e.statement.type for e in before.entries] == [t.CASE_OPENED, t.AGREEMENT_PROPOSED]
    assert before.status == "signing" and "A1" in before.state.agreements
    assert [e.chain.state for e in before.entries] == ["pending", "pending"]
    assert read_mediation.case_ids(store, status="signing") == [CASE]
    fingerprint = read_chain.fingerprint(store)

    with store.transaction() as session:
        reject(session, store.projections, proposal, reason=REASON, when="2026-11-02T02:00:00.000Z")

    after = read_mediation.read_case(store, CASE)
    assert [e.statement.type for e in after.entries] == [t.CASE_OPENED]
    assert after.status == "open" and after.state.agreements == {}
    assert proposal not in {e.leaf for e in read_entries.case_entries(store, CASE)}
    assert read_entries.case_entries(store, CASE, types=[t.AGREEMENT_PROPOSED]) == []
    assert read_mediation.case_ids(store, status="signing") == []
    assert read_mediation.case_ids(store, status="open") == [CASE]

    seqs = read_chain.outbox_seqs(store)
    rows = read_chain.outbox_rows(store, seqs)
    assert [rows[s].type for s in seqs] == [t.CASE_OPENED, t.AGREEMENT_PROPOSED]
    rejected = rows[seqs[1]]
    assert (rejected.state, rejected.reason, rejected.case_id) == ("rejected", REASON, CASE)
    assert read_chain.fingerprint(store) != fingerprint  # the Chain page redraws


def test_the_case_list_searches_parties_and_text_literally(store: Store, case: Case) -> None:
    signed_here(store, case, case.add(case.opened()))
    [row] = read_mediation.case_rows(store, [CASE]).values()
    assert row.parties == ("张三", "李四") and row.status == "open"
    assert read_mediation.case_ids(store, search="李四") == [CASE]  # a party's name
    assert read_mediation.case_ids(store, search="到期") == [CASE]  # the summary
    assert read_mediation.case_ids(store, search=CASE.lower()) == [CASE]  # any case
    assert read_mediation.case_ids(store, search="100%") == []  # wildcards are literal
    assert read_mediation.last_organisation(store, case.mediator.vkey) == "朝阳区人民调解委员会"
    assert read_mediation.last_organisation(store, case.lender.vkey) == ""
    people = {p.vkey: p for p in read_directory.local_people(store)}
    assert people[case.lender.vkey].name == "张三" and people[case.lender.vkey].role == "party"
    [summary] = read_cases.cases_with_types(store, "mediation.")
    assert (summary.case_id, summary.entries) == (CASE, 1)
    assert read_cases.cases_with_types(store, "bankruptcy.") == []
    assert read_entries.node_vkey(store) == ""  # nothing pinned yet
