"""The claims procedure's refusals at the node (Enterprise Bankruptcy Law Art. 45-62; SPC
Interpretation III Art. 6, 8): a real node on loopback with the installed domains, real keys
enrolled in their roles, each refusal answered -32003 in the rule's words (or -32004 for a key
that is not a member of the case) and nothing of it logged. Money one fen past each limit,
dates one day past."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bankruptcy import types as t
from chain_node.config import Limits
from chain_node.domains import installed_domains
from chain_node.errors import ENTRY_REJECTED, NOT_ALLOWED
from ledger.keys import SigningKey
from ledger.statement import parse_entry
from tests.bankruptcy.plan import CASE, CREDIT_CODE, Plan
from tests.chain_node.conftest import Client, NodeHandle, enrol_entry, make_entry


@dataclass
class Court:
    """A node, a bankruptcy case's people enrolled in their roles, and the plan of the case
    (its state as the node accepted it, to build the next claim table)."""

    node: NodeHandle
    plan: Plan
    clients: dict[str, Client]

    def client(self, key: SigningKey) -> Client:
        return self.clients[key.vkey]

    def submit(self, key: SigningKey, type_: str, body: dict[str, Any]) -> int:
        entry = make_entry(key, self.node.origin, type_, self.plan.case, body)
        index = self.client(key).call("tlog.submit", entry=entry)["index"]
        self.plan.add(parse_entry(entry).statement)  # the node took it: so does the plan
        return index

    def refused(
        self,
        key: SigningKey,
        type_: str,
        body: dict[str, Any],
        words: str,
        code: int = ENTRY_REJECTED,
    ) -> str:
        before = self.size()
        entry = make_entry(key, self.node.origin, type_, self.plan.case, body)
        failure = self.client(key).error("tlog.submit", entry=entry)
        assert failure.code == code, failure
        assert words in str(failure.data), failure.data
        assert self.size() == before  # nothing of it was logged
        return str(failure.data)

    def size(self) -> int:
        return self.client(self.plan.judge).call("node.info")["tree_size"]


def court(start_node: Any, plan: Plan | None = None, *, enrol: bool = True, **node: Any) -> Court:
    """A node (``node``: start_node's arguments) with the plan's people enrolled (unless they
    were, on this node's database, before a restart) and logged in."""
    handle = start_node(domains=installed_domains(), **node)
    plan = plan or Plan()
    clients = {}
    for key, role in (
        (plan.judge, "judge"),
        (plan.administrator, "administrator"),
        (plan.bank, "creditor"),
        (plan.person, "creditor"),
        (plan.debtor, "party"),  # the debtor's representative: no debtor role is enrolled
    ):
        client = handle.client()
        if enrol:
            answer = client.call("auth.enrol", entry=enrol_entry(key, handle.origin, role))
            assert answer["status"] == "approved"
        client.login(key, handle.origin)
        clients[key.vkey] = client
    return Court(handle, plan, clients)


@pytest.fixture
def joined(start_node: Any) -> Court:
    c = court(start_node)
    c.submit(c.plan.judge, t.CASE_ACCEPTED, c.plan.accepted())
    c.submit(c.plan.administrator, t.CREDITORS_INVITED, c.plan.invited(c.plan.bank, c.plan.person))
    return c


@pytest.fixture
def tabled(joined: Court) -> Court:
    p = joined.plan
    joined.submit(p.bank, t.CLAIM_DECLARED, p.declared())
    joined.submit(p.administrator, t.CLAIM_REVIEWED, p.reviewed(interest=("adjusted", 4_000_00)))
    joined.submit(p.administrator, t.TABLE_PUBLISHED, p.table())
    return joined


# -- 1. acceptance ----------------------------------------------------------------------------


def test_acceptance_is_the_judge_s_within_the_periods_of_art_45_and_62(start_node: Any) -> None:
    c = court(start_node)
    p = c.plan
    refused = c.refused(p.administrator, t.CASE_ACCEPTED, p.accepted(), "enrolled as judge")
    assert "this key is enrolled as administrator" in refused
    announced = p.announced_on
    short = p.periods(announced, announced + timedelta(days=29), announced + timedelta(days=40))
    c.refused(p.judge, t.CASE_ACCEPTED, short, "(Enterprise Bankruptcy Law Art. 45)")
    ends = announced + timedelta(days=40)
    for meeting in (ends, ends + timedelta(days=16)):
        c.refused(
            p.judge,
            t.CASE_ACCEPTED,
            p.periods(announced, ends, meeting),
            "(Enterprise Bankruptcy Law Art. 62)",
        )
    c.refused(
        p.judge,
        t.CASE_ACCEPTED,
        p.accepted(members=[p.debtor.vkey]),
        "makes the administrator (and the debtor's representative, if named) members",
    )
    c.refused(
        p.judge,
        t.CASE_ACCEPTED,
        p.accepted(debtor_name=f"某公司（{CREDIT_CODE}）"),
        "Personal data must not go on the chain",
    )
    c.submit(p.judge, t.CASE_ACCEPTED, p.periods(announced, ends, ends + timedelta(days=15)))
    c.refused(p.judge, t.CASE_ACCEPTED, p.accepted(), "already accepted")
    # the acceptance made the administrator a member: it reads the case
    entries = c.client(p.administrator).call("case.entries", case=CASE)["entries"]
    assert len(entries) == 1


# -- 2. joining -------------------------------------------------------------------------------


def test_only_the_administrator_invites_creditors_once_each(start_node: Any) -> None:
    c = court(start_node)
    p = c.plan
    c.submit(p.judge, t.CASE_ACCEPTED, p.accepted())
    c.refused(p.judge, t.CREDITORS_INVITED, p.invited(p.bank), "enrolled as administrator")
    # a creditor not yet invited is not a member of the case: it cannot write in it
    c.refused(p.bank, t.CLAIM_DECLARED, p.declared(), "", code=NOT_ALLOWED)
    c.refused(
        p.administrator,
        t.CREDITORS_INVITED,
        p.invited(p.bank, members=[]),
        "exactly the invited creditors' keys members",
    )
    c.submit(p.administrator, t.CREDITORS_INVITED, p.invited(p.bank))
    c.refused(p.administrator, t.CREDITORS_INVITED, p.invited(p.bank), "joins once")
    # a creditor cannot let a stranger into the case through its own statement
    c.refused(
        p.bank,
        t.CLAIM_DECLARED,
        {**p.declared(), "members": [p.person.vkey]},
        "Only the court's acceptance and the administrator's invitation make keys members",
    )
    c.refused(p.person, t.CLAIM_DECLARED, p.declared("C5"), "", code=NOT_ALLOWED)
    assert c.client(p.bank).call("case.entries", case=CASE)["entries"]  # a member now


# -- 3. declaration ---------------------------------------------------------------------------


def test_declarations_at_the_node(joined: Court) -> None:
    p = joined.plan
    for body in (p.declared(principal=-1), p.declared(interest=-1), p.declared(other=-1)):
        joined.refused(p.bank, t.CLAIM_DECLARED, body, "as whole fen, none below zero")
    joined.refused(p.bank, t.CLAIM_DECLARED, p.declared(principal=0, interest=0), "none below zero")
    joined.refused(p.bank, t.CLAIM_DECLARED, p.declared(documents=[]), "comes with its evidence")
    day_after = (p.accepted_on + timedelta(days=1)).isoformat()
    joined.refused(
        p.bank,
        t.CLAIM_DECLARED,
        p.declared(interest_until=day_after),
        "(Enterprise Bankruptcy Law Art. 46)",
    )
    joined.refused(
        p.bank,
        t.CLAIM_DECLARED,
        p.declared(nature="secured", secured=True),
        "names its collateral",
    )
    joined.refused(p.bank, t.CLAIM_DECLARED, p.declared(version=2), "is 1")
    joined.refused(p.administrator, t.CLAIM_DECLARED, p.declared(), "enrolled as creditor")
    joined.submit(p.bank, t.CLAIM_DECLARED, p.declared(principal=0, interest=0, other=1))
    joined.refused(p.person, t.CLAIM_DECLARED, p.declared(version=2), "another creditor")
    joined.submit(p.bank, t.CLAIM_DECLARED, p.declared(version=2))
    assert not p.state.claims["C1"].late


def test_a_late_declaration_is_accepted_and_flagged_at_the_node(start_node: Any) -> None:
    plan = Plan()
    plan.accepted_on -= timedelta(days=60)  # the filing period ended fifteen days ago
    c = court(start_node, plan)
    c.submit(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    c.submit(plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.person))
    assert isinstance(c.submit(plan.person, t.CLAIM_DECLARED, plan.declared("C7", interest=0)), int)
    assert plan.state.claims["C7"].late  # Art. 56


# -- 4. review --------------------------------------------------------------------------------


def test_reviews_at_the_node(joined: Court) -> None:
    p = joined.plan
    joined.submit(p.bank, t.CLAIM_DECLARED, p.declared())
    principal = p.state.claims["C1"].declaration.principal_fen
    joined.refused(
        p.administrator,
        t.CLAIM_REVIEWED,
        p.reviewed(principal=("adjusted", principal + 1)),
        "never confirms more than the creditor declared",
    )
    joined.refused(p.bank, t.CLAIM_REVIEWED, p.reviewed(), "enrolled as administrator")
    joined.submit(p.administrator, t.CLAIM_REVIEWED, p.reviewed(principal=("adjusted", principal)))
    joined.submit(p.bank, t.CLAIM_DECLARED, p.declared(version=2))
    joined.refused(
        p.administrator,
        t.CLAIM_REVIEWED,
        p.reviewed(review=2, declaration=1),
        "answers the claim's current declaration, version 2",
    )
    joined.submit(p.administrator, t.CLAIM_REVIEWED, p.reviewed(review=2, declaration=2))


# -- 5. the claim table -----------------------------------------------------------------------


def test_a_claim_table_that_differs_from_the_chain_is_refused(joined: Court) -> None:
    p = joined.plan
    joined.submit(p.bank, t.CLAIM_DECLARED, p.declared())
    joined.submit(p.administrator, t.CLAIM_REVIEWED, p.reviewed())
    good = p.table()
    one_fen_more = [
        {**g, "declared_fen": g["declared_fen"] + 1} if g["group"] == "ordinary" else g
        for g in good["totals"]
    ]
    for body in (p.table(totals=one_fen_more), p.table(rows_hash="1" * 64)):
        joined.refused(
            p.administrator,
            t.TABLE_PUBLISHED,
            body,
            "The claim table differs from the reviews on the chain",
        )
    joined.refused(p.bank, t.TABLE_PUBLISHED, good, "enrolled as administrator")
    joined.submit(p.administrator, t.TABLE_PUBLISHED, good)


# -- 6. objections ----------------------------------------------------------------------------


def test_objections_and_answers_at_the_node(tabled: Court) -> None:
    p = tabled.plan
    tabled.refused(
        p.administrator, t.OBJECTION_RAISED, p.objection(), "enrolled as creditor or party"
    )
    tabled.refused(p.person, t.OBJECTION_RAISED, p.objection(table=2), "lists no claim C1")
    tabled.submit(p.person, t.OBJECTION_RAISED, p.objection())
    tabled.submit(p.debtor, t.OBJECTION_RAISED, p.objection(oid="O2"))  # the debtor objects too
    adjusted = {"objection_id": "O1", "answer": "adjusted", "text": "已重新审查", "review": 2}
    tabled.refused(p.administrator, t.OBJECTION_ANSWERED, adjusted, "a new review")
    tabled.submit(
        p.administrator,
        t.CLAIM_REVIEWED,
        p.reviewed(review=2, interest=("adjusted", 3_000_00)),
    )
    tabled.submit(p.administrator, t.OBJECTION_ANSWERED, adjusted)
    tabled.refused(p.administrator, t.OBJECTION_ANSWERED, adjusted, "was answered on")


# -- 7. the court -----------------------------------------------------------------------------


def test_the_court_confirms_undisputed_rows_and_sets_provisional_amounts(tabled: Court) -> None:
    p = tabled.plan
    ruling = {"table": 1, "claims": ["C1"], "ruling": "(2026)京01破12号之一"}
    tabled.refused(p.administrator, t.CLAIMS_CONFIRMED, ruling, "enrolled as judge")
    tabled.submit(p.person, t.OBJECTION_RAISED, p.objection())
    tabled.refused(p.judge, t.CLAIMS_CONFIRMED, ruling, "Claim C1 is disputed")
    declared = p.state.claims["C1"].declaration.total_fen
    provisional = {"claim_id": "C1", "amount_fen": declared + 1, "reason": "异议未决"}
    tabled.refused(p.judge, t.PROVISIONAL_SET, provisional, f"at most the {declared} fen declared")
    tabled.refused(p.administrator, t.PROVISIONAL_SET, provisional, "enrolled as judge")
    tabled.submit(p.judge, t.PROVISIONAL_SET, {**provisional, "amount_fen": declared})
    # the person's own claim, undisputed, is confirmed by ruling
    tabled.submit(p.person, t.CLAIM_DECLARED, p.declared("C2", interest=0))
    tabled.submit(p.administrator, t.CLAIM_REVIEWED, p.reviewed("C2"))
    tabled.submit(p.administrator, t.TABLE_PUBLISHED, p.table())
    tabled.submit(p.judge, t.CLAIMS_CONFIRMED, {**ruling, "table": 2, "claims": ["C2"]})
    tabled.refused(
        p.judge, t.CLAIMS_CONFIRMED, {**ruling, "table": 2, "claims": ["C2"]}, "already confirmed"
    )
    tabled.refused(
        p.judge,
        t.PROVISIONAL_SET,
        {"claim_id": "C2", "amount_fen": 1, "reason": "临时"},
        "only for a claim not yet determined",
    )
    assert p.state.status(p.state.claims["C2"]) is t.ClaimStatus.COURT_CONFIRMED


# -- the node's kept state ----------------------------------------------------------------------


def test_the_case_state_is_read_again_from_the_log_after_a_restart(
    start_node: Any, tmp_path: Path, db_url: str | None
) -> None:
    """On SQLite and PostgreSQL, with room for one case's state: after a restart the node folds
    the case again from its log and rules as before (the table's rows, the disputed row)."""
    data = tmp_path / "n"
    options = {"database_url": db_url, "limits": Limits(case_states=1)}
    c = court(lambda **kw: start_node(data, **kw), **options)
    p = c.plan
    c.submit(p.judge, t.CASE_ACCEPTED, p.accepted())
    c.submit(p.administrator, t.CREDITORS_INVITED, p.invited(p.bank, p.person))
    c.submit(p.bank, t.CLAIM_DECLARED, p.declared())
    c.submit(p.administrator, t.CLAIM_REVIEWED, p.reviewed(interest=("adjusted", 1)))
    c.submit(p.administrator, t.TABLE_PUBLISHED, p.table())
    c.submit(p.person, t.OBJECTION_RAISED, p.objection())
    c.submit(p.person, t.CLAIM_DECLARED, p.declared("C2", interest=0))
    c.submit(p.administrator, t.CLAIM_REVIEWED, p.reviewed("C2"))
    c.node.stop()

    again = court(lambda **kw: start_node(data, **kw), p, enrol=False, **options)
    ruling = {"table": 1, "claims": ["C1"], "ruling": "(2026)京01破12号之一"}
    again.refused(p.judge, t.CLAIMS_CONFIRMED, ruling, "Claim C1 is disputed")
    stale = p.table(claims=1, rows_hash=p.state.tables[1].body.rows_hash)
    again.refused(p.administrator, t.TABLE_PUBLISHED, stale, "differs from the reviews")
    again.submit(p.administrator, t.TABLE_PUBLISHED, p.table())  # two rows now, as recomputed
    again.submit(p.judge, t.CLAIMS_CONFIRMED, {**ruling, "table": 2, "claims": ["C2"]})
