"""The per-instalment view and the other rules the case tabs show (``mediation.case``).

One computation serves the performance tab, the enforcement documents and the contract rule;
these tests hold it to the edges: a payment one fen short, one that covers two instalments, an
overpayment, a deadline on a public holiday, a payment confirmed late.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from casework.typed import to_json
from ledger.contract import ContractViolation
from ledger.keys import SigningKey
from mediation import types as t
from mediation.bodies import FilingRule, parse
from mediation.case import (
    InstalmentStatus,
    confirmation_days_left,
    defaults,
    filed_default,
    fold,
    instalment_actions,
    instalments,
)
from mediation.rules import automatic_filings

from .conftest import CASE, Case

S = InstalmentStatus
# The first instalment (6,000,000 fen) is due 2026-12-31, the second (4,000,000) 2027-03-31,
# each at the end of that day in Beijing (16:00 UTC), with 3 grace days (conftest.Case).
FIRST_DUE = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
SECOND_DUE = datetime(2027, 3, 31, 16, 0, tzinfo=UTC)
GRACE = timedelta(days=3)
SECOND = timedelta(seconds=1)


def pay(case: Case, fen: int, at: datetime | None = None) -> None:
    body = {"agreement_id": "A1", "obligation_id": "o1", "amount_fen": fen}
    case.add(case.make(case.lender, t.PERFORMANCE_CONFIRMED, body, at=at))


def view(case: Case, now: datetime):
    return instalments(fold(CASE, case.history), now)


def test_payments_count_toward_the_earliest_instalment_first(case: Case) -> None:
    case.effective()
    rows = view(case, FIRST_DUE - SECOND)
    assert [(r.seq, r.amount_fen, r.owed_fen, r.paid_fen, r.status) for r in rows] == [
        (1, 6_000_000, 6_000_000, 0, S.DUE),
        (2, 4_000_000, 10_000_000, 0, S.DUE),
    ]
    assert [r.deadline for r in rows] == ["2026-12-31", "2027-03-31"]
    assert rows[0].due == FIRST_DUE and rows[0].grace_end == FIRST_DUE + GRACE
    assert rows[0].obligor == "p2" and rows[0].obligee == "p1"


def test_a_payment_one_fen_short_leaves_the_instalment_open_and_then_in_default(
    case: Case,
) -> None:
    case.effective()
    pay(case, 5_999_999)
    first = view(case, FIRST_DUE - SECOND)[0]
    assert first.status == S.DUE and first.paid_fen == 5_999_999 and first.outstanding_fen == 1
    assert view(case, FIRST_DUE)[0].status == S.GRACE
    assert view(case, FIRST_DUE + GRACE - SECOND)[0].status == S.GRACE
    assert view(case, FIRST_DUE + GRACE)[0].status == S.DEFAULT
    [missed] = defaults(fold(CASE, case.history), FIRST_DUE + GRACE)
    assert (missed.instalment, missed.due_fen, missed.paid_fen) == (1, 6_000_000, 5_999_999)
    assert missed.due_at == FIRST_DUE + GRACE
    assert defaults(fold(CASE, case.history), FIRST_DUE + GRACE - SECOND) == []

    pay(case, 1)  # the last fen, confirmed late: a debt settled late stops defaulting
    first = view(case, FIRST_DUE + GRACE)[0]
    assert first.status == S.PAID and first.outstanding_fen == 0
    assert defaults(fold(CASE, case.history), FIRST_DUE + GRACE) == []


def test_one_payment_covering_two_instalments(case: Case) -> None:
    case.effective()
    pay(case, 10_000_000)
    rows = view(case, SECOND_DUE + GRACE)
    assert [(r.paid_fen, r.status) for r in rows] == [(6_000_000, S.PAID), (4_000_000, S.PAID)]
    assert defaults(fold(CASE, case.history), SECOND_DUE + GRACE) == []


def test_a_payment_reaching_into_the_second_instalment(case: Case) -> None:
    case.effective()
    pay(case, 7_000_000)
    rows = view(case, SECOND_DUE + GRACE)
    assert [(r.paid_fen, r.outstanding_fen, r.status) for r in rows] == [
        (6_000_000, 0, S.PAID),
        (1_000_000, 3_000_000, S.DEFAULT),
    ]
    [missed] = defaults(fold(CASE, case.history), SECOND_DUE + GRACE)
    assert (missed.instalment, missed.due_fen, missed.paid_fen) == (2, 10_000_000, 7_000_000)


def test_an_overpayment_pays_every_instalment_and_is_kept_not_spread(case: Case) -> None:
    case.effective()
    pay(case, 12_000_000)
    rows = view(case, SECOND_DUE + GRACE)
    assert [r.paid_fen for r in rows] == [6_000_000, 4_000_000]  # each capped at its amount
    assert all(r.status == S.PAID and r.outstanding_fen == 0 for r in rows)
    assert {r.confirmed_fen for r in rows} == {12_000_000}  # the 2,000,000 extra is not lost
    assert defaults(fold(CASE, case.history), SECOND_DUE + GRACE) == []


def test_a_deadline_on_a_public_holiday_is_not_moved(case: Case) -> None:
    """The parties name a calendar date; the rule counts calendar days, so a deadline on
    National Day (1 October) falls due at the end of that day, not after the holiday week."""
    case.add(case.opened())
    obligation = {
        "id": "o1",
        "obligor": "p2",
        "obligee": "p1",
        "amount_fen": 10_000_000,
        "manner": "银行转账",
        "grace_days": 0,
        "deadline": "2027-10-01",
    }
    case.add(case.proposed(obligations=[obligation]))
    for key in (case.lender, case.borrower, case.mediator):
        case.add(case.signed(key))
    end_of_holiday = datetime(2027, 10, 1, 16, 0, tzinfo=UTC)
    [row] = view(case, end_of_holiday - SECOND)
    assert row.seq == 1 and row.amount_fen == 10_000_000 and row.status == S.DUE
    assert row.due == row.grace_end == end_of_holiday
    assert view(case, end_of_holiday)[0].status == S.DEFAULT
    assert [d.deadline for d in defaults(fold(CASE, case.history), end_of_holiday)] == [
        "2027-10-01"
    ]


def test_a_filed_instalment_shows_enforcement_and_still_counts_as_missed(case: Case) -> None:
    case.effective()
    now = FIRST_DUE + GRACE
    [body] = automatic_filings(fold(CASE, case.history), now)
    node = SigningKey.generate()
    case.add(case.make(node, t.ENFORCEMENT_REQUESTED, to_json(body), at=now + SECOND))
    rows = view(case, now + SECOND)
    assert rows[0].status == S.ENFORCEMENT and rows[0].missed
    assert rows[0].filing == "trial" and rows[0].enforcement_time == case.history[-1].time
    assert rows[1].status == S.DUE and not rows[1].missed
    assert [d.instalment for d in defaults(fold(CASE, case.history), now + SECOND)] == [1]


def test_the_default_a_filing_was_for_survives_a_later_payment(case: Case) -> None:
    case.effective()
    now = FIRST_DUE + GRACE
    [body] = automatic_filings(fold(CASE, case.history), now)
    signed = case.make(SigningKey.generate(), t.ENFORCEMENT_REQUESTED, to_json(body), at=now)
    filing = parse(case.add(signed))
    state = fold(CASE, case.history)
    computed = filed_default(state, filing)
    assert computed == defaults(state, now)[0]

    # settled after the filing in the log, with a time stamp before it (a desk's clock ran
    # behind): the filing saw no payment, and its default stays as it saw it
    pay(case, 6_000_000, at=now - timedelta(hours=1))
    state = fold(CASE, case.history)
    assert defaults(state, now) == []  # today the instalment counts as paid
    assert filed_default(state, filing) == computed

    # The obligee's own application carries no amounts: counted from the log as it stood.
    own = replace(filing.body, rule=FilingRule.OBLIGEE, version=None, content_hash=None)
    own = replace(own, due_fen=None, paid_fen=None, deadline=None, filing=None, basis=None)
    applied = filed_default(state, replace(filing, body=own))
    assert (applied.instalment, applied.due_fen, applied.paid_fen) == (1, 6_000_000, 0)
    assert applied.deadline == "2026-12-31" and applied.due_at == FIRST_DUE + GRACE
    with pytest.raises(KeyError):  # the second instalment was not missed then
        filed_default(state, replace(filing, body=replace(filing.body, instalment=2)))
    with pytest.raises(KeyError):
        filed_default(state, replace(filing, body=replace(filing.body, obligation_id="o9")))


@pytest.mark.parametrize(("consent", "expected"), [(True, True), (False, False)])
def test_consent_to_filing_as_the_rule_reads_it(
    case: Case, consent: object, expected: bool
) -> None:
    case.add(case.opened())
    case.add(case.proposed(enforcement_consent=consent))
    agreement = fold(CASE, case.history).agreements["A1"]
    assert not agreement.consents_to_filing  # not in effect yet: nothing to consent to
    for key in (case.lender, case.borrower, case.mediator):
        case.add(case.signed(key))
    state = fold(CASE, case.history)
    assert state.agreements["A1"].consents_to_filing is expected
    # the contract rule files automatically exactly when the tab says it will
    assert bool(automatic_filings(state, FIRST_DUE + GRACE)) is expected


@pytest.mark.parametrize("consent", ["true", 1, None])
def test_consent_to_filing_is_yes_or_no(case: Case, consent: object) -> None:
    """Only a literal true or false: "true" or 1 is refused when proposed, never read as a
    consent the parties did not give (SPC Opinions item 14)."""
    with pytest.raises(ContractViolation, match="item 14"):
        parse(case.proposed(enforcement_consent=consent))


def test_a_party_without_a_key_cannot_sign(case: Case) -> None:
    parties = case.opened().body["parties"]
    keyless = {k: v for k, v in parties[1].items() if k != "key"}
    case.add(case.opened(parties=[parties[0], keyless]))
    state = fold(CASE, case.history)
    assert [p.name for p in state.keyless(["p1", "p2", "p9"])] == ["李四"]
    assert state.keyless(["p1"]) == []


def test_who_still_has_to_sign_acknowledge_and_apply(case: Case) -> None:
    case.add(case.opened())
    case.add(case.proposed())
    state = fold(CASE, case.history)
    everyone = {case.lender.vkey: "张三", case.borrower.vkey: "李四", case.mediator.vkey: "王调解"}
    assert state.unsigned(state.agreements["A1"]) == everyone
    assert state.unapplied("A1") == {}  # not in effect: nobody applies yet
    case.add(case.signed(case.borrower))
    state = fold(CASE, case.history)
    everyone.pop(case.borrower.vkey)
    assert state.unsigned(state.agreements["A1"]) == everyone

    for key in (case.lender, case.mediator):
        case.add(case.signed(key))
    case.add(case.make(case.lender, t.CONFIRMATION_APPLIED, {"agreement_id": "A1", "court": "X"}))
    state = fold(CASE, case.history)
    assert state.unsigned(state.agreements["A1"]) == {}
    assert state.unapplied("A1") == {case.borrower.vkey: "李四"}

    session = {
        "session_id": "S1",
        "start": "2026-11-02T02:00:00.000Z",
        "end": "2026-11-02T03:00:00.000Z",
        "participants": ["p1", "p2"],
    }
    case.add(case.make(case.mediator, t.SESSION_RECORDED, session))
    case.add(case.make(case.borrower, t.SESSION_ACKNOWLEDGED, {"session_id": "S1"}))
    assert fold(CASE, case.history).unacknowledged("S1") == {case.lender.vkey: "张三"}


def test_a_report_opens_the_dispute_for_its_own_obligation_only(case: Case) -> None:
    case.effective()
    assert not fold(CASE, case.history).reported("A1", "o1")
    body = {"agreement_id": "A1", "obligation_id": "o1", "amount_fen": 100, "documents": []}
    case.add(case.make(case.borrower, t.PERFORMANCE_REPORTED, body))
    state = fold(CASE, case.history)
    assert state.reported("A1", "o1") and not state.reported("A1", "o2")


def test_days_left_to_apply_for_judicial_confirmation(case: Case) -> None:
    case.add(case.opened())
    case.add(case.proposed())
    assert confirmation_days_left(fold(CASE, case.history), "A1", FIRST_DUE) is None
    for key in (case.lender, case.borrower, case.mediator):
        case.add(case.signed(key))
    state = fold(CASE, case.history)
    effect = datetime.fromisoformat(state.agreements["A1"].effective_at.replace("Z", "+00:00"))
    # the day of effect is not counted (Civil Code Art. 201): 30 whole days and the rest of it
    assert confirmation_days_left(state, "A1", effect) == 31
    last = datetime(2026, 12, 2, 16, 0, tzinfo=UTC)  # 2026-12-02 24:00 in Beijing
    assert confirmation_days_left(state, "A1", last - SECOND) == 1
    assert confirmation_days_left(state, "A1", last) == 0
    assert confirmation_days_left(state, "A1", last + timedelta(days=2)) == -2


def test_what_each_key_may_do_about_an_instalment(case: Case) -> None:
    """The performance tab shows exactly ``instalment_actions``: the obligee confirms and
    disputes a report, the obligor reports, and with automatic filing nobody applies."""
    case.effective()
    state = fold(CASE, case.history)
    [first, _] = instalments(state, FIRST_DUE + GRACE)
    lender = instalment_actions(state, first, case.lender.vkey)  # the obligee
    borrower = instalment_actions(state, first, case.borrower.vkey)
    assert (lender.obligee, lender.confirm, lender.dispute, lender.report) == (
        True,
        True,
        False,
        False,
    )
    assert lender.automatic and not lender.apply  # consent: the chain files, not the obligee
    assert (borrower.obligor, borrower.report, borrower.confirm) == (True, True, False)
    nothing = instalment_actions(state, None, case.lender.vkey)
    assert not (nothing.confirm or nothing.dispute or nothing.report or nothing.apply)
    body = {"agreement_id": "A1", "obligation_id": "o1", "amount_fen": 100}
    case.add(case.make(case.borrower, t.PERFORMANCE_REPORTED, body))
    state = fold(CASE, case.history)
    assert instalment_actions(state, first, case.lender.vkey).dispute


def test_without_consent_the_obligee_applies_for_a_missed_instalment_only(case: Case) -> None:
    case.add(case.opened())
    case.add(case.proposed(enforcement_consent=False))
    for key in (case.lender, case.borrower, case.mediator):
        case.add(case.signed(key))
    state = fold(CASE, case.history)
    [due_row, _] = instalments(state, FIRST_DUE - SECOND)
    [missed, _] = instalments(state, FIRST_DUE + GRACE)
    assert not instalment_actions(state, due_row, case.lender.vkey).apply
    assert instalment_actions(state, missed, case.lender.vkey).apply
    assert not instalment_actions(state, missed, case.borrower.vkey).apply
