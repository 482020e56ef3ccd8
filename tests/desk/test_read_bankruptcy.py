"""The claim table's read API (desk.read.bankruptcy) on a real store: ids filtered and sorted in
SQL, rows by page, one claim's history, and the rule run before signing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bankruptcy import types as t
from chain_node.domains import installed_domains
from desk.read import bankruptcy as read
from desk.read.bankruptcy import ClaimFilter
from ledger.contract import ContractViolation
from ledger.statement import sign_statement
from ledger.store.append import append
from ledger.store.store import Store
from tests.bankruptcy.plan import CASE, Plan


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = Store.open(store_url, installed_domains())
    yield store
    store.close()


def record(store: Store, plan: Plan, key, type_: str, body: dict) -> None:
    statement = plan.do(key, type_, body)
    with store.transaction() as session:
        append(session, store.projections, [sign_statement(statement, key)], source="chain")


def test_ids_filter_and_sort_and_rows_come_by_page(store: Store) -> None:
    plan = Plan()
    record(store, plan, plan.judge, t.CASE_ACCEPTED, plan.accepted())
    record(
        store, plan, plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.bank, plan.person)
    )
    record(
        store, plan, plan.bank, t.CLAIM_DECLARED, plan.declared("C1", principal=500_00, interest=0)
    )
    record(
        store, plan, plan.person, t.CLAIM_DECLARED, plan.declared("C2", principal=80_00, interest=0)
    )
    record(
        store,
        plan,
        plan.bank,
        t.CLAIM_DECLARED,
        plan.declared("C3", principal=9_000_00, interest=0),
    )
    record(store, plan, plan.administrator, t.CLAIM_REVIEWED, plan.reviewed("C1"))

    assert read.claim_ids(store, CASE) == ["C1", "C2", "C3"]
    by_amount = ClaimFilter(sort="declared", descending=True)
    assert read.claim_ids(store, CASE, by_amount) == ["C3", "C1", "C2"]
    assert read.claim_ids(store, CASE, ClaimFilter(status="confirmed")) == ["C1"]
    assert read.claim_ids(store, CASE, ClaimFilter(min_fen=100_00, max_fen=500_00)) == ["C1"]
    assert read.claim_ids(store, CASE, ClaimFilter(text="张")) == ["C2"]  # the masked name
    assert read.claim_ids(store, CASE, ClaimFilter(creditor=plan.bank.vkey)) == ["C1", "C3"]
    # the review queue: claims awaiting review first
    assert read.claim_ids(store, CASE, ClaimFilter(sort=read.QUEUE))[-1] == "C1"
    assert read.claim_count(store, CASE, ClaimFilter(group="ordinary")) == 3

    lines = read.claim_lines(store, CASE, ["C2", "C3"])
    assert set(lines) == {"C2", "C3"}
    assert lines["C2"].creditor_name == "张*" and lines["C2"].declared_fen == 80_00
    assert lines["C3"].confirmed_fen is None and lines["C3"].status == "declared"

    [line] = read.cases(store)
    assert line.case_id == CASE and line.claims == 3 and line.table_version == 0
    detail = read.claim_detail(store, CASE, "C1")
    assert detail is not None and list(detail.claim.declarations) == [1]
    assert list(detail.claim.reviews) == [1] and detail.administrator == plan.administrator.vkey
    # the chain status of the entries about C1 only (C3's declaration is not one of them)
    assert [kind for kind, _time, _chain in detail.chain] == [t.CLAIM_DECLARED, t.CLAIM_REVIEWED]
    assert {chain.state for _kind, _time, chain in detail.chain} == {"submitted"}
    assert read.claim_detail(store, CASE, "NOPE") is None
    body = read.next_table(store, CASE)
    assert body is not None and body["claims"] == 1 and body["table"] == 1


def test_check_runs_the_node_s_rule_before_signing(store: Store) -> None:
    plan = Plan()
    record(store, plan, plan.judge, t.CASE_ACCEPTED, plan.accepted())
    record(store, plan, plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.bank))
    record(store, plan, plan.bank, t.CLAIM_DECLARED, plan.declared("C1", interest=0))
    declared = plan.state.claims["C1"].declaration.principal_fen
    too_much = plan.statement(
        plan.administrator,
        t.CLAIM_REVIEWED,
        plan.reviewed("C1", principal=("adjusted", declared + 1)),
    )
    with pytest.raises(ContractViolation) as refused:
        read.check(store, too_much)
    assert "Art. 57" in str(refused.value)
    read.check(store, plan.statement(plan.administrator, t.CLAIM_REVIEWED, plan.reviewed("C1")))
