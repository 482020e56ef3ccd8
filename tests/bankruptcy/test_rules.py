"""The claims procedure's rules and reducer, statement by statement (Enterprise Bankruptcy Law
Art. 45-62; SPC Interpretation III Art. 6, 8): each limit is tried at the limit and one day or
one fen past it. The same registry check runs at the node (tests/chain_node/
test_bankruptcy_rules.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bankruptcy import types as t
from bankruptcy.bodies import parse
from bankruptcy.codes import code_hash, valid
from bankruptcy.state import add_months, rows_hash, table_rows
from ledger.canonical import MAX_SAFE_INTEGER
from ledger.contract import ContractViolation
from ledger.keys import SigningKey
from tests.bankruptcy.plan import CASE_NUMBER, CREDIT_CODE, REGISTRY, Plan


def refused(plan: Plan, key: SigningKey, type_: str, body: dict[str, Any], words: str) -> str:
    """The rule refuses ``body`` with ``words`` in its reason; the state is left as it was."""
    before = plan.slot.size
    with pytest.raises(ContractViolation) as info:
        plan.do(key, type_, body)
    assert words in str(info.value), str(info.value)
    assert plan.slot.size == before
    return str(info.value)


@pytest.fixture
def plan() -> Plan:
    return Plan()


@pytest.fixture
def joined(plan: Plan) -> Plan:
    plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    plan.do(plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.bank, plan.person))
    return plan


@pytest.fixture
def tabled(joined: Plan) -> Plan:
    """C1 (the bank's) declared, reviewed with its interest adjusted, and table 1 published."""
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared())
    joined.do(
        joined.administrator, t.CLAIM_REVIEWED, joined.reviewed(interest=("adjusted", 4_000_00))
    )
    joined.do(joined.administrator, t.TABLE_PUBLISHED, joined.table())
    return joined


# -- the credit code -------------------------------------------------------------------------


def test_the_credit_code_travels_as_a_hash_because_the_guard_refuses_an_all_digit_code(
    plan: Plan,
) -> None:
    assert valid(CREDIT_CODE) and valid("91350100M000100Y43")
    assert not valid("911000001000013429")  # one check character off
    assert not valid("91350100M000100Y4")  # 17 characters
    # the code in clear is refused by the personal-data guard every statement passes
    refused(
        plan,
        plan.judge,
        t.CASE_ACCEPTED,
        plan.accepted(debtor_name=f"北京某机械制造有限公司 {CREDIT_CODE}"),
        "Personal data must not go on the chain",
    )
    plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    assert plan.state.accepted.body.debtor_code_hash == code_hash(CASE_NUMBER, CREDIT_CODE)
    # anyone with the announcement recomputes it; another case's hash differs
    assert code_hash(CASE_NUMBER, " 911000001000013428 ") == code_hash(CASE_NUMBER, CREDIT_CODE)
    assert code_hash("(2026)京01破13号", CREDIT_CODE) != code_hash(CASE_NUMBER, CREDIT_CODE)


# -- 1. acceptance ----------------------------------------------------------------------------


def test_the_filing_period_is_thirty_days_to_three_months_from_the_announcement(
    plan: Plan,
) -> None:
    announced = date(2026, 11, 30)
    meeting = timedelta(days=10)
    for ends in (announced + timedelta(days=29), date(2027, 3, 1)):  # one day short, one over
        refused(
            plan,
            plan.judge,
            t.CASE_ACCEPTED,
            plan.periods(announced, ends, ends + meeting),
            "at least thirty days and at most three months from the announcement "
            "(Enterprise Bankruptcy Law Art. 45): it ends between 2026-12-30 and 2027-02-28",
        )
    # Civil Code Art. 202: no 30 February, so three months from 30 November end on 28 February
    assert add_months(announced, 3) == date(2027, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    for ends in (announced + timedelta(days=30), date(2027, 2, 28)):
        fresh = Plan()
        fresh.do(fresh.judge, t.CASE_ACCEPTED, fresh.periods(announced, ends, ends + meeting))
        assert fresh.state.accepted.body.filing_ends == ends


def test_the_first_meeting_is_within_fifteen_days_after_the_filing_period(plan: Plan) -> None:
    announced, ends = date(2026, 11, 1), date(2026, 12, 15)
    for meeting in (ends, ends + timedelta(days=16)):
        refused(
            plan,
            plan.judge,
            t.CASE_ACCEPTED,
            plan.periods(announced, ends, meeting),
            "within fifteen days after the claim-filing period ends (Enterprise Bankruptcy "
            "Law Art. 62): between the day after 2026-12-15 and 2026-12-30",
        )
    for meeting in (ends + timedelta(days=1), ends + timedelta(days=15)):
        Plan().do(plan.judge, t.CASE_ACCEPTED, plan.periods(announced, ends, meeting))


def test_the_announcement_is_within_twenty_five_days_of_the_acceptance(plan: Plan) -> None:
    body = plan.accepted(accepted_on="2026-11-02")
    for announced in (date(2026, 11, 1), date(2026, 11, 28)):  # a day early, a day late
        ends = announced + timedelta(days=40)
        refused(
            plan,
            plan.judge,
            t.CASE_ACCEPTED,
            {
                **body,
                "announced_on": announced.isoformat(),
                "filing_ends_on": ends.isoformat(),
                "first_meeting_on": (ends + timedelta(days=1)).isoformat(),
            },
            "within twenty-five days of accepting it (Enterprise Bankruptcy Law Art. 14): "
            "between 2026-11-02 and 2026-11-27",
        )
    ends = date(2026, 11, 27) + timedelta(days=40)
    plan.do(
        plan.judge,
        t.CASE_ACCEPTED,
        {
            **body,
            "announced_on": "2026-11-27",
            "filing_ends_on": ends.isoformat(),
            "first_meeting_on": (ends + timedelta(days=1)).isoformat(),
        },
    )


def test_acceptance_names_the_administrator_as_a_member_and_only_once(plan: Plan) -> None:
    refused(
        plan,
        plan.judge,
        t.CASE_ACCEPTED,
        plan.accepted(members=[plan.debtor.vkey]),
        "makes the administrator (and the debtor's representative, if named) members",
    )
    refused(
        plan,
        plan.judge,
        t.CASE_ACCEPTED,
        plan.accepted(administrator=plan.judge.vkey, members=[plan.judge.vkey, plan.debtor.vkey]),
        "each sign with a key of their own",
    )
    refused(
        plan,
        plan.judge,
        t.CASE_ACCEPTED,
        plan.accepted(filing_ends_on="2026-02-30"),
        "dates as YYYY-MM-DD (Enterprise Bankruptcy Law Art. 45, 62)",
    )
    plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    refused(plan, plan.judge, t.CASE_ACCEPTED, plan.accepted(), "already accepted")
    refused(
        plan, plan.bank, t.CLAIM_DECLARED, plan.declared(), "invites the creditor into the case"
    )


def test_nothing_before_the_court_accepts_the_case(plan: Plan) -> None:
    refused(
        plan,
        plan.administrator,
        t.CREDITORS_INVITED,
        plan.invited(plan.bank),
        "The court has not accepted this case",
    )


# -- 2. joining -------------------------------------------------------------------------------


def test_only_the_administrator_invites_each_creditor_once(plan: Plan) -> None:
    plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    refused(
        plan,
        plan.judge,
        t.CREDITORS_INVITED,
        plan.invited(plan.bank),
        "Only the case's administrator",
    )
    refused(
        plan,
        plan.administrator,
        t.CREDITORS_INVITED,
        plan.invited(plan.bank, members=[]),
        "exactly the invited creditors' keys members",
    )
    plan.do(plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.bank))
    stranger = SigningKey.generate().vkey
    refused(
        plan,
        plan.bank,
        t.CLAIM_DECLARED,
        {**plan.declared(), "members": [stranger]},
        "Only the court's acceptance and the administrator's invitation make keys members",
    )
    for again in (plan.bank, plan.debtor):
        refused(plan, plan.administrator, t.CREDITORS_INVITED, plan.invited(again), "joins once")
    assert set(plan.state.creditors) == {plan.bank.vkey}


# -- 3. declaration ---------------------------------------------------------------------------


def test_a_declaration_states_whole_fen_none_below_zero_with_evidence(joined: Plan) -> None:
    for amounts in ({"principal": -1}, {"interest": -1, "principal": 5}, {"other": -1}):
        refused(joined, joined.bank, t.CLAIM_DECLARED, joined.declared(**amounts), "whole fen")
    refused(
        joined,
        joined.bank,
        t.CLAIM_DECLARED,
        joined.declared(principal=0, interest=0, other=0),
        "none below zero",
    )
    refused(
        joined,
        joined.bank,
        t.CLAIM_DECLARED,
        joined.declared(documents=[]),
        "comes with its evidence (Enterprise Bankruptcy Law Art. 49",
    )
    refused(
        joined,
        joined.bank,
        t.CLAIM_DECLARED,
        joined.declared(nature="secured", secured=True),
        "A secured claim names its collateral",
    )
    refused(joined, joined.bank, t.CLAIM_DECLARED, joined.declared(nature="dividend"), "its nature")
    refused(
        joined,
        joined.bank,
        t.CLAIM_DECLARED,
        joined.declared(contact="北京市朝阳区"),
        "has no field contact",
    )
    # zero principal with one fen of other amounts is a claim
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared(principal=0, interest=0, other=1))
    assert joined.state.claims["C1"].declaration.total_fen == 1


def test_the_case_s_claims_stay_within_the_chain_s_exact_integers(joined: Plan) -> None:
    """A claim table's totals are JSON integers, exact up to 2^53 - 1 fen: a declaration that
    could push a total past it is refused, one fen past, counting each claim's largest version."""
    limit = MAX_SAFE_INTEGER
    joined.do(
        joined.bank, t.CLAIM_DECLARED, joined.declared("C1", principal=limit - 10, interest=0)
    )
    refused(
        joined,
        joined.person,
        t.CLAIM_DECLARED,
        joined.declared("C2", principal=11, interest=0),
        f"would together exceed {limit} fen",
    )
    joined.do(joined.person, t.CLAIM_DECLARED, joined.declared("C2", principal=10, interest=0))
    # a smaller amendment does not free room: the table may still list the larger version
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared("C1", 2, principal=5, interest=0))
    refused(
        joined,
        joined.person,
        t.CLAIM_DECLARED,
        joined.declared("C2", 2, principal=11, interest=0),
        "would together exceed",
    )
    assert joined.state.ceiling_fen == limit


def test_interest_runs_up_to_the_acceptance_and_no_day_later(joined: Plan) -> None:
    day_after = (joined.accepted_on + timedelta(days=1)).isoformat()
    refused(
        joined,
        joined.bank,
        t.CLAIM_DECLARED,
        joined.declared(interest_until=day_after),
        f"Interest stops running when the court accepts the case, on "
        f"{joined.accepted_on.isoformat()} (Enterprise Bankruptcy Law Art. 46)",
    )
    refused(
        joined,
        joined.bank,
        t.CLAIM_DECLARED,
        {k: v for k, v in joined.declared().items() if k != "interest_until"},
        "give that day",
    )
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared())


def test_amendments_are_new_versions_by_the_same_creditor(joined: Plan) -> None:
    refused(joined, joined.bank, t.CLAIM_DECLARED, joined.declared(version=2), "is 1")
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared())
    refused(joined, joined.bank, t.CLAIM_DECLARED, joined.declared(version=1), "is 2")
    refused(
        joined,
        joined.person,
        t.CLAIM_DECLARED,
        joined.declared(version=2),
        "declared by another creditor",
    )
    refused(
        joined,
        joined.administrator,
        t.CLAIM_DECLARED,
        joined.declared(claim_id="C9"),
        "declared by its creditor",
    )
    joined.do(
        joined.bank,
        t.CLAIM_DECLARED,
        joined.declared(
            version=2,
            principal=1_200_000_00,
            nature="secured",
            secured=True,
            collateral="债务人厂房抵押",
            joint=True,
        ),
    )
    claim = joined.state.claims["C1"]
    assert sorted(claim.declarations) == [1, 2]
    assert claim.declaration.total_fen == 1_205_000_00 and claim.declaration.joint
    assert t.group_of(claim.declaration.nature) is t.Group.SECURED


def test_a_late_declaration_is_accepted_and_flagged(joined: Plan) -> None:
    ends = joined.filing_ends_on
    last_moment = datetime(ends.year, ends.month, ends.day, 15, 59, 59, tzinfo=UTC)  # 23:59:59 CST
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared("C1"), at=last_moment)
    joined.do(
        joined.person,
        t.CLAIM_DECLARED,
        joined.declared("C2", interest=0),
        at=last_moment + timedelta(seconds=1),  # 00:00 of the next day in China
    )
    assert not joined.state.claims["C1"].late
    assert joined.state.claims["C2"].late  # Art. 56: accepted, at the creditor's cost
    joined.do(
        joined.bank,
        t.CLAIM_DECLARED,
        joined.declared("C1", version=2),
        at=last_moment + timedelta(days=3),
    )
    assert not joined.state.claims["C1"].late  # a claim is late by its first declaration


# -- 4. review --------------------------------------------------------------------------------


def test_a_review_never_confirms_more_than_declared(joined: Plan) -> None:
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared())
    declared = joined.state.claims["C1"].declaration
    for outcome in ("adjusted", "confirmed"):
        refused(
            joined,
            joined.administrator,
            t.CLAIM_REVIEWED,
            joined.reviewed(principal=(outcome, declared.principal_fen + 1)),
            f"confirms {declared.principal_fen + 1} fen of principal where "
            f"{declared.principal_fen} fen were declared",
        )
    refused(
        joined,
        joined.administrator,
        t.CLAIM_REVIEWED,
        joined.reviewed(interest=("confirmed", declared.interest_fen - 1)),
        "An amount confirmed is the amount declared",
    )
    refused(
        joined,
        joined.administrator,
        t.CLAIM_REVIEWED,
        joined.reviewed(interest=("rejected", 1)),
        "A rejected amount is confirmed at zero fen",
    )
    bare = joined.reviewed(interest=("adjusted", 1))
    del bare["items"][1]["reason"]
    refused(joined, joined.administrator, t.CLAIM_REVIEWED, bare, "needs its reason")
    refused(
        joined,
        joined.administrator,
        t.CLAIM_REVIEWED,
        joined.reviewed(secured=True),
        "A claim found secured is of secured nature",
    )
    refused(
        joined, joined.bank, t.CLAIM_REVIEWED, joined.reviewed(), "Only the case's administrator"
    )
    refused(
        joined,
        joined.administrator,
        t.CLAIM_REVIEWED,
        {**joined.reviewed(), "claim_id": "C9"},
        "no claim C9",
    )
    joined.do(
        joined.administrator,
        t.CLAIM_REVIEWED,
        joined.reviewed(principal=("adjusted", declared.principal_fen), interest=("rejected", 0)),
    )
    claim = joined.state.claims["C1"]
    assert claim.confirmed_fen == declared.principal_fen
    assert joined.state.status(claim) is t.ClaimStatus.ADJUSTED


def test_a_review_answers_the_current_declaration(joined: Plan) -> None:
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared())
    joined.do(joined.administrator, t.CLAIM_REVIEWED, joined.reviewed())
    assert joined.state.status(joined.state.claims["C1"]) is t.ClaimStatus.CONFIRMED
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared(version=2, other=3_00))
    # the amendment needs a review of its own: the claim reads as declared again
    assert joined.state.status(joined.state.claims["C1"]) is t.ClaimStatus.DECLARED
    refused(
        joined,
        joined.administrator,
        t.CLAIM_REVIEWED,
        joined.reviewed(review=2, declaration=1),
        "answers the claim's current declaration, version 2",
    )
    refused(
        joined,
        joined.administrator,
        t.CLAIM_REVIEWED,
        joined.reviewed(review=1, declaration=2),
        "The next review of claim C1 is version 2",
    )
    joined.do(
        joined.administrator,
        t.CLAIM_REVIEWED,
        joined.reviewed(review=2, declaration=2, other=("rejected", 0)),
    )
    assert joined.state.claims["C1"].confirmed_fen == 1_005_000_00


# -- 5. the claim table -----------------------------------------------------------------------


def test_a_table_whose_rows_or_totals_differ_from_the_chain_is_refused(joined: Plan) -> None:
    joined.do(joined.bank, t.CLAIM_DECLARED, joined.declared("C1"))
    joined.do(joined.person, t.CLAIM_DECLARED, joined.declared("C2", interest=0))
    joined.do(joined.administrator, t.CLAIM_REVIEWED, joined.reviewed("C1"))
    good = joined.table()
    assert good["claims"] == 1  # C2 is not reviewed yet: the table lists reviews
    ordinary = next(g for g in good["totals"] if g["group"] == "ordinary")
    wrong_total = joined.table(
        totals=[
            {**g, "confirmed_fen": g["confirmed_fen"] + 1} if g is ordinary else g
            for g in good["totals"]
        ]
    )
    for body in (
        wrong_total,  # one fen more in one group
        joined.table(rows_hash="0" * 64),
        joined.table(claims=2),
    ):
        refused(
            joined,
            joined.administrator,
            t.TABLE_PUBLISHED,
            body,
            "The claim table differs from the reviews on the chain",
        )
    refused(joined, joined.administrator, t.TABLE_PUBLISHED, joined.table(table=2), "is 1")
    refused(joined, joined.bank, t.TABLE_PUBLISHED, good, "Only the case's administrator")
    joined.do(joined.administrator, t.TABLE_PUBLISHED, good)
    rows = table_rows(joined.state)
    assert rows == [["C1", 1, 1, "ordinary", 1_005_000_00, 1_005_000_00]]
    assert joined.state.table.body.rows_hash == rows_hash(rows)


# -- 6. objections ----------------------------------------------------------------------------


def test_objections_by_a_creditor_or_the_debtor_to_a_published_row(tabled: Plan) -> None:
    refused(
        tabled,
        tabled.administrator,
        t.OBJECTION_RAISED,
        tabled.objection(),
        "raised by a creditor or the debtor",
    )
    refused(tabled, tabled.person, t.OBJECTION_RAISED, tabled.objection(table=2), "lists no claim")
    no_basis = {**tabled.objection(), "legal_basis": " "}
    refused(tabled, tabled.person, t.OBJECTION_RAISED, no_basis, "reasons and legal basis")
    tabled.do(tabled.person, t.OBJECTION_RAISED, tabled.objection())
    tabled.do(tabled.debtor, t.OBJECTION_RAISED, tabled.objection(oid="O2"))
    refused(tabled, tabled.bank, t.OBJECTION_RAISED, tabled.objection(oid="O2"), "new identifier")
    claim = tabled.state.claims["C1"]
    assert claim.objections == ["O1", "O2"]
    assert tabled.state.status(claim) is t.ClaimStatus.DISPUTED


def test_the_administrator_explains_or_adjusts_through_a_new_review(tabled: Plan) -> None:
    tabled.do(tabled.person, t.OBJECTION_RAISED, tabled.objection())
    adjusted = {"objection_id": "O1", "answer": "adjusted", "text": "已重新审查", "review": 2}
    refused(tabled, tabled.administrator, t.OBJECTION_ANSWERED, adjusted, "a new review")
    refused(tabled, tabled.bank, t.OBJECTION_ANSWERED, adjusted, "Only the case's administrator")
    tabled.do(
        tabled.administrator,
        t.CLAIM_REVIEWED,
        tabled.reviewed(review=2, principal=("adjusted", 900_000_00), interest=("adjusted", 0)),
    )
    # an objection to the old row is stale once the claim was reviewed again
    refused(tabled, tabled.person, t.OBJECTION_RAISED, tabled.objection(oid="O3"), "reviewed again")
    tabled.do(tabled.administrator, t.OBJECTION_ANSWERED, adjusted)
    refused(tabled, tabled.administrator, t.OBJECTION_ANSWERED, adjusted, "was answered on")
    claim = tabled.state.claims["C1"]
    assert not tabled.state.disputed(claim)  # the objection was to review 1
    assert tabled.state.status(claim) is t.ClaimStatus.ADJUSTED
    tabled.do(tabled.administrator, t.TABLE_PUBLISHED, tabled.table())
    assert tabled.state.table.rows == {"C1": 2}


# -- 7. the court -----------------------------------------------------------------------------


def test_the_court_confirms_undisputed_rows_only(tabled: Plan) -> None:
    ruling = {"table": 1, "claims": ["C1"], "ruling": "(2026)京01破12号之一"}
    refused(tabled, tabled.administrator, t.CLAIMS_CONFIRMED, ruling, "Only the court")
    refused(
        tabled, tabled.judge, t.CLAIMS_CONFIRMED, {**ruling, "claims": ["C2"]}, "lists no claim C2"
    )
    tabled.do(tabled.person, t.OBJECTION_RAISED, tabled.objection())
    refused(tabled, tabled.judge, t.CLAIMS_CONFIRMED, ruling, "Claim C1 is disputed")
    # explained, not adjusted: the objector may still sue, so the row stays disputed
    explained = {"objection_id": "O1", "answer": "explained", "text": "利息按合同计算"}
    tabled.do(tabled.administrator, t.OBJECTION_ANSWERED, explained)
    refused(tabled, tabled.judge, t.CLAIMS_CONFIRMED, ruling, "Claim C1 is disputed")


def test_the_court_confirms_the_row_as_it_stands_then_it_is_settled(tabled: Plan) -> None:
    ruling = {"table": 1, "claims": ["C1"], "ruling": "(2026)京01破12号之一"}
    tabled.do(tabled.bank, t.CLAIM_DECLARED, tabled.declared(version=2))
    refused(tabled, tabled.judge, t.CLAIMS_CONFIRMED, ruling, "changed after table 1")
    tabled.do(tabled.administrator, t.CLAIM_REVIEWED, tabled.reviewed(review=2, declaration=2))
    refused(tabled, tabled.judge, t.CLAIMS_CONFIRMED, ruling, "changed after table 1")
    tabled.do(tabled.administrator, t.TABLE_PUBLISHED, tabled.table())
    tabled.do(tabled.judge, t.CLAIMS_CONFIRMED, {**ruling, "table": 2})
    claim = tabled.state.claims["C1"]
    assert tabled.state.status(claim) is t.ClaimStatus.COURT_CONFIRMED
    assert claim.court_confirmed == 2
    refused(tabled, tabled.judge, t.CLAIMS_CONFIRMED, {**ruling, "table": 2}, "already confirmed")
    refused(
        tabled,
        tabled.person,
        t.OBJECTION_RAISED,
        tabled.objection(table=2),
        "the time for objecting to its row has passed",
    )
    refused(
        tabled,
        tabled.bank,
        t.CLAIM_DECLARED,
        tabled.declared(version=3),
        "confirmed by the court's ruling",
    )
    refused(
        tabled,
        tabled.administrator,
        t.CLAIM_REVIEWED,
        tabled.reviewed(review=3, declaration=2),
        "no longer reviews it",
    )
    refused(
        tabled,
        tabled.judge,
        t.PROVISIONAL_SET,
        {"claim_id": "C1", "amount_fen": 1, "reason": "临时确定"},
        "a provisional amount is set only for a claim not yet determined",
    )


def test_a_provisional_amount_for_voting_is_at_most_the_declared(tabled: Plan) -> None:
    declared = tabled.state.claims["C1"].declaration.total_fen
    body = {"claim_id": "C1", "amount_fen": declared + 1, "reason": "诉讼未决，临时确定债权额"}
    refused(tabled, tabled.judge, t.PROVISIONAL_SET, body, f"at most the {declared} fen declared")
    refused(
        tabled, tabled.administrator, t.PROVISIONAL_SET, {**body, "amount_fen": 1}, "Only the court"
    )
    refused(tabled, tabled.judge, t.PROVISIONAL_SET, {**body, "amount_fen": -1}, "whole fen")
    tabled.do(tabled.judge, t.PROVISIONAL_SET, {**body, "amount_fen": declared})
    claim = tabled.state.claims["C1"]
    assert claim.provisional_fen == declared
    assert tabled.state.status(claim) is t.ClaimStatus.PROVISIONAL


# -- the typed bodies ---------------------------------------------------------------------------


def test_every_body_parses_once_and_writes_back_as_signed(tabled: Plan) -> None:
    tabled.do(tabled.person, t.OBJECTION_RAISED, tabled.objection())
    tabled.do(
        tabled.administrator,
        t.OBJECTION_ANSWERED,
        {"objection_id": "O1", "answer": "explained", "text": "利息按合同计算"},
    )
    tabled.do(
        tabled.judge, t.PROVISIONAL_SET, {"claim_id": "C1", "amount_fen": 5, "reason": "临时"}
    )
    other = Plan()
    other.do(other.judge, t.CASE_ACCEPTED, other.accepted())
    other.do(other.administrator, t.CREDITORS_INVITED, other.invited(other.bank))
    other.do(other.bank, t.CLAIM_DECLARED, other.declared())
    other.do(other.administrator, t.CLAIM_REVIEWED, other.reviewed())
    other.do(other.administrator, t.TABLE_PUBLISHED, other.table())
    other.do(other.judge, t.CLAIMS_CONFIRMED, {"table": 1, "claims": ["C1"], "ruling": "之一"})
    history = tabled.history + other.history
    assert {s.type for s in history} == t.ALL
    for statement in history:
        assert parse(statement).body_json() == statement.body, statement.type


def test_the_state_kept_one_statement_at_a_time_equals_a_fold_of_the_log(tabled: Plan) -> None:
    """What the node and the desk keep (advanced entry by entry) is what replay and ``log
    verify`` fold from the whole case."""
    tabled.do(tabled.person, t.OBJECTION_RAISED, tabled.objection())
    tabled.do(
        tabled.administrator,
        t.CLAIM_REVIEWED,
        tabled.reviewed(review=2, principal=("adjusted", 900_000_00)),
    )
    tabled.do(
        tabled.administrator,
        t.OBJECTION_ANSWERED,
        {"objection_id": "O1", "answer": "adjusted", "text": "已重新审查", "review": 2},
    )
    tabled.do(tabled.administrator, t.TABLE_PUBLISHED, tabled.table())
    tabled.do(tabled.judge, t.CLAIMS_CONFIRMED, {"table": 2, "claims": ["C1"], "ruling": "之一"})
    folded = REGISTRY.fold(tabled.case, tabled.history)
    assert folded.state == tabled.state
    assert folded.size == tabled.slot.size == len(tabled.history)
    assert tabled.state.status(tabled.state.claims["C1"]) is t.ClaimStatus.COURT_CONFIRMED
