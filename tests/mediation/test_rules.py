"""Every mediation rule, each test naming the article it enforces."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ledger.contract import ContractViolation
from ledger.domain import Registry
from ledger.keys import SigningKey
from mediation import types as t
from mediation.agreement import completeness, confirmation_risks, content_hash, due_at
from mediation.case import defaults, fold
from mediation.domain import DOMAIN
from mediation.rules import DEFAULT_RULE

from .conftest import CASE, Case

REGISTRY = Registry([DOMAIN])


def refused(case: Case, statement, words: str) -> None:
    with pytest.raises(ContractViolation) as caught:
        REGISTRY.check(REGISTRY.fold(CASE, case.history), statement)
    assert words in str(caught.value), str(caught.value)


def accepted(case: Case, statement) -> None:
    REGISTRY.check(REGISTRY.fold(CASE, case.history), statement)
    case.add(statement)


def due(history, now):
    return REGISTRY.due(REGISTRY.fold(CASE, history), now)


def test_pml_art_17_a_case_is_opened_first_with_two_parties(case: Case) -> None:
    refused(
        case,
        case.make(case.mediator, t.DISCLOSURE, {"conflict": False, "text": "无"}),
        "PML Art. 17",
    )
    one = case.opened(parties=case.opened().body["parties"][:1])
    refused(case, one, "PML Art. 2")


def test_pml_art_17_is_not_cited_for_the_two_parties(case: Case) -> None:
    """PML Art. 17 is about mediating on application and not where a party refuses; the two
    parties a case needs come from what people's mediation is (PML Art. 2)."""
    one = case.opened(parties=case.opened().body["parties"][:1])
    with pytest.raises(ContractViolation) as caught:
        REGISTRY.check(REGISTRY.fold(CASE, case.history), one)
    assert "at least two parties" in str(caught.value)
    assert "Art. 17" not in str(caught.value)
    accepted(case, case.opened())
    refused(case, case.opened(), "already open")


def test_online_rules_art_8_opening_needs_the_case_facts(case: Case) -> None:
    refused(case, case.opened(organisation=""), "online mediation rules Art. 8")


def test_personal_numbers_never_go_in_clear(case: Case) -> None:
    parties = case.opened().body["parties"]
    leaking = [{**parties[0], "name": "张三 110101199003071234"}, parties[1]]
    refused(case, case.opened(parties=leaking), "Personal data must not go on the chain")
    phone = case.opened(summary="请联系13812345678")
    refused(case, phone, "identity, phone or account number")
    extra = [{**parties[0], "address": "北京市朝阳区"}, parties[1]]
    refused(case, case.opened(parties=extra), "other personal data stays off the chain")


def test_online_rules_art_13_disclosure_is_the_mediators(case: Case) -> None:
    case.add(case.opened())
    refused(
        case,
        case.make(case.lender, t.DISCLOSURE, {"conflict": False, "text": "无"}),
        "Only the case's mediator",
    )
    refused(
        case,
        case.make(case.mediator, t.DISCLOSURE, {"text": "无"}),
        "online mediation rules Art. 13",
    )
    accepted(
        case,
        case.make(case.mediator, t.DISCLOSURE, {"conflict": False, "text": "与双方无利害关系"}),
    )


def session_body(**overrides):
    body = {
        "session_id": "S1",
        "start": "2026-11-02T02:00:00.000Z",
        "end": "2026-11-02T03:30:00.000Z",
        "participants": ["王调解", "张三", "李四"],
        "notes": "双方同意分期归还。",
        "statements": [
            {"party": "p1", "text": "要求归还本金。", "concession": False},
            {"party": "p2", "text": "愿意放弃反诉以求和解。", "concession": True},
        ],
    }
    body.update(overrides)
    return body


def test_pml_art_27_session_record_by_the_mediator_acknowledged_by_parties(case: Case) -> None:
    case.add(case.opened())
    refused(case, case.make(case.lender, t.SESSION_RECORDED, session_body()), "PML Art. 27")
    refused(
        case,
        case.make(case.mediator, t.SESSION_RECORDED, session_body(end="x")),
        "start and end time (PML Art. 27)",
    )
    refused(
        case,
        case.make(
            case.mediator,
            t.SESSION_RECORDED,
            session_body(statements=[{"party": "p9", "text": "?", "concession": False}]),
        ),
        "online mediation rules Art. 18",
    )
    accepted(case, case.make(case.mediator, t.SESSION_RECORDED, session_body()))
    refused(case, case.make(case.mediator, t.SESSION_RECORDED, session_body()), "new session id")
    refused(
        case,
        case.make(case.mediator, t.SESSION_ACKNOWLEDGED, {"session_id": "S1"}),
        "Only a party acknowledges",
    )
    accepted(case, case.make(case.borrower, t.SESSION_ACKNOWLEDGED, {"session_id": "S1"}))
    assert fold(CASE, case.history).acknowledgements["S1"] == {case.borrower.vkey}


def test_pml_art_29_completeness_lists_everything_missing(case: Case) -> None:
    content = case.content(
        facts="",
        terms=" ",
        obligations=[
            {"id": "o1", "obligor": "p2", "obligee": "p2", "amount_fen": 100, "manner": ""},
        ],
    )
    codes = {f.code for f in completeness(content, {"p1", "p2"})}
    assert {
        "facts",
        "terms",
        "obligation_same",
        "obligation_manner",
        "obligation_deadline",
    } <= codes
    assert all("Art. 29" in f.article for f in completeness(content, {"p1", "p2"}))
    assert completeness(case.content(), {"p1", "p2"}) == []
    bad_sum = case.content(obligations=[{**case.content()["obligations"][0], "amount_fen": 1}])
    [finding] = completeness(bad_sum, {"p1", "p2"})
    assert finding.code == "instalment_sum" and "10000000 fen" in finding.text()


def test_pml_art_29_an_incomplete_agreement_cannot_be_proposed(case: Case) -> None:
    case.add(case.opened())
    refused(case, case.proposed(facts=""), "main facts")
    accepted(case, case.proposed())
    refused(case, case.proposed(version=1), "next version of this agreement is 2")


def test_cpl_interpretation_art_355_and_358_warn_before_signing(case: Case) -> None:
    assert confirmation_risks(case.content()) == []
    risky = case.content(terms="双方确认房屋所有权归张三。", matters=["ip_title"])
    codes = {f.code for f in confirmation_risks(risky)}
    assert codes == {"property_title", "ip_title"}
    assert all(f.article == "CPL Interpretation Art. 355" for f in confirmation_risks(risky))
    status = confirmation_risks(case.content(terms="双方同意离婚。"))
    assert [f.code for f in status] == ["status_relation"]
    assert "valid, invalid or dissolved" in status[0].text()
    unclear = case.content(obligations=[{**case.content()["obligations"][0], "manner": ""}])
    assert [f.article for f in confirmation_risks(unclear)] == ["CPL Interpretation Art. 358(5)"]


@pytest.mark.parametrize(
    "terms",
    [
        "离婚后子女抚养费由李四每月支付二千元。",  # child support after a divorce
        "双方离婚后的夫妻共同财产分割如下。",  # the spouses' property
        "李四每月向父母支付赡养费一千元。",  # maintenance of parents
        "变更子女抚养关系，由张三抚养。",  # upbringing: no status confirmed
    ],
)
def test_cpl_interpretation_art_355_3_is_status_only_support_and_property_are_confirmable(
    case: Case, terms: str
) -> None:
    """Art. 355(3) refuses applications to confirm a marriage, parent-child or adoption
    relation as valid, invalid or dissolved; support and property agreements between spouses
    or family members are confirmable, so they bring no warning."""
    assert confirmation_risks(case.content(terms=terms)) == []


def test_online_rules_art_19_effective_when_every_party_and_the_mediator_signed(case: Case) -> None:
    case.add(case.opened())
    case.add(case.proposed())
    accepted(case, case.signed(case.lender))
    refused(case, case.signed(case.lender), "already signed")
    assert fold(CASE, case.history).agreements["A1"].effective_hash is None
    accepted(case, case.signed(case.borrower))
    assert fold(CASE, case.history).agreements["A1"].effective_hash is None
    accepted(case, case.signed(case.mediator))
    state = fold(CASE, case.history)
    assert state.agreements["A1"].effective_hash == content_hash(case.content())
    assert state.agreements["A1"].effective_at == case.history[-1].time


def test_online_rules_art_19_a_change_makes_a_new_version_and_voids_signatures(case: Case) -> None:
    case.add(case.opened())
    case.add(case.proposed())
    accepted(case, case.signed(case.lender))
    old_hash = case.history[1].body["content_hash"]
    accepted(case, case.proposed(version=2, terms="李四一次性归还本金十万元。"))
    refused(
        case, case.signed(case.borrower, version=1, hash_=old_hash), "no longer the one proposed"
    )
    accepted(case, case.signed(case.borrower, version=2))
    accepted(case, case.signed(case.mediator, version=2))
    # the lender's signature was on version 1 only: not yet in effect
    assert fold(CASE, case.history).agreements["A1"].effective_hash is None
    accepted(case, case.signed(case.lender, version=2))
    assert fold(CASE, case.history).agreements["A1"].effective.number == 2


def test_pml_art_29_only_named_parties_and_mediator_sign(case: Case) -> None:
    from ledger.keys import SigningKey

    stranger = SigningKey.generate()
    case.add(case.opened())
    case.add(case.proposed())
    refused(case, case.signed(stranger), "Only the parties named")


def test_pml_art_31_an_effective_agreement_cannot_be_changed(case: Case) -> None:
    case.effective()
    refused(case, case.proposed(version=2), "PML Art. 31")


def test_online_rules_art_19_parties_without_a_key_cannot_be_asked_to_sign(case: Case) -> None:
    parties = case.opened().body["parties"]
    keyless = [parties[0], {**parties[1], "key": None}]
    case.add(case.opened(parties=[keyless[0], {k: v for k, v in keyless[1].items() if k != "key"}]))
    refused(case, case.proposed(), "each party signs with their own key")


def test_performance_is_confirmed_by_the_obligee_only(case: Case) -> None:
    case.add(case.opened())
    pay = {"agreement_id": "A1", "obligation_id": "o1", "amount_fen": 6_000_000}
    refused(case, case.make(case.lender, t.PERFORMANCE_CONFIRMED, pay), "not in effect yet")
    case.add(case.proposed())
    refused(case, case.make(case.lender, t.PERFORMANCE_CONFIRMED, pay), "not in effect yet")
    for key in (case.lender, case.borrower, case.mediator):
        case.add(case.signed(key))
    refused(case, case.make(case.borrower, t.PERFORMANCE_CONFIRMED, pay), "Only the obligee")
    refused(
        case,
        case.make(case.lender, t.PERFORMANCE_CONFIRMED, {**pay, "amount_fen": 0}),
        "positive number of fen",
    )
    accepted(case, case.make(case.lender, t.PERFORMANCE_CONFIRMED, pay))
    report = {
        "agreement_id": "A1",
        "obligation_id": "o1",
        "amount_fen": 4_000_000,
        "documents": [{"name": "转账凭证.jpg", "sha256": "b" * 64, "size": 2048}],
    }
    refused(case, case.make(case.lender, t.PERFORMANCE_REPORTED, report), "Only the obligor")
    accepted(case, case.make(case.borrower, t.PERFORMANCE_REPORTED, report))
    dispute = {"agreement_id": "A1", "obligation_id": "o1", "reason": "x"}
    refused(case, case.make(case.borrower, t.PERFORMANCE_DISPUTED, dispute), "PML Art. 32")
    # a dispute carries no report's fields: the typed body has none to keep (mediation.bodies)
    refused(
        case,
        case.make(case.lender, t.PERFORMANCE_DISPUTED, {**report, "reason": "x"}),
        "has no field amount_fen, documents",
    )
    accepted(
        case,
        case.make(
            case.lender,
            t.PERFORMANCE_DISPUTED,
            {"agreement_id": "A1", "obligation_id": "o1", "reason": "未到账"},
        ),
    )


def test_deadline_is_end_of_day_china_time_plus_grace() -> None:
    assert due_at("2026-12-31") == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    assert due_at("2026-12-31", 3) == datetime(2027, 1, 3, 16, 0, tzinfo=UTC)


def test_opinion_item_14_default_detected_after_deadline_and_grace(case: Case) -> None:
    case.effective()
    state = fold(CASE, case.history)
    limit = due_at("2026-12-31", 3)
    assert defaults(state, limit - timedelta(milliseconds=1)) == []
    [missed] = defaults(state, limit)
    assert (missed.obligation_id, missed.instalment, missed.due_fen, missed.paid_fen) == (
        "o1",
        1,
        6_000_000,
        0,
    )
    # a part payment is not enough; the full first instalment is
    case.add(
        case.make(
            case.lender,
            t.PERFORMANCE_CONFIRMED,
            {"agreement_id": "A1", "obligation_id": "o1", "amount_fen": 5_999_999},
        )
    )
    assert [d.paid_fen for d in defaults(fold(CASE, case.history), limit)] == [5_999_999]
    case.add(
        case.make(
            case.lender,
            t.PERFORMANCE_CONFIRMED,
            {"agreement_id": "A1", "obligation_id": "o1", "amount_fen": 1},
        )
    )
    assert defaults(fold(CASE, case.history), limit) == []
    # the second instalment falls due later
    [second] = defaults(fold(CASE, case.history), due_at("2027-03-31", 3))
    assert (second.instalment, second.due_fen, second.paid_fen) == (2, 10_000_000, 6_000_000)


def test_opinion_item_14_trigger_only_with_consent_and_only_once(case: Case) -> None:
    case.effective()
    after = due_at("2026-12-31", 3) + timedelta(hours=1)
    [trigger] = due(case.history, after)
    assert trigger.type == t.ENFORCEMENT_REQUESTED and trigger.body["rule"] == DEFAULT_RULE
    assert trigger.body["due_fen"] == 6_000_000 and "item 14" in trigger.body["basis"]
    # the node signs it: accepted because the agreement carries every party's consent
    from ledger.keys import SigningKey

    node = SigningKey.generate("court.example/log/node")
    filing = case.make(node, t.ENFORCEMENT_REQUESTED, trigger.body, at=after)
    accepted(case, filing)
    assert due(case.history, after) == []
    refused(
        case, case.make(node, t.ENFORCEMENT_REQUESTED, trigger.body, at=after), "already requested"
    )


def test_opinion_item_14_without_consent_only_the_obligee_files(case: Case) -> None:
    from ledger.keys import SigningKey

    case.add(case.opened())
    case.add(case.proposed(enforcement_consent=False))
    for key in (case.lender, case.borrower, case.mediator):
        case.add(case.signed(key))
    after = due_at("2026-12-31", 3) + timedelta(hours=1)
    assert due(case.history, after) == []
    body = {"agreement_id": "A1", "obligation_id": "o1", "instalment": 1, "rule": DEFAULT_RULE}
    node = SigningKey.generate("court.example/log/node")
    refused(case, case.make(node, t.ENFORCEMENT_REQUESTED, body, at=after), "contract rule alone")
    refused(
        case,
        case.make(
            case.lender,
            t.ENFORCEMENT_REQUESTED,
            {**body, "rule": "obligee-application"},
            at=after - timedelta(days=30),
        ),
        "no missed deadline",
    )
    own = {**body, "rule": "obligee-application"}
    refused(
        case, case.make(case.lender, t.ENFORCEMENT_REQUESTED, body, at=after), "contract rule alone"
    )  # an obligee cannot spend the automatic filing
    accepted(case, case.make(case.lender, t.ENFORCEMENT_REQUESTED, own, at=after))


def test_pml_art_33_joint_application_within_30_days(case: Case) -> None:
    """Counted as the Civil Code counts days: the day of effect is not counted (Art. 201) and
    the last day ends at 24:00 (Art. 203), China time. Effect: 2026-11-02 09:0x CST."""
    case.effective()
    assert case.history[-1].time.startswith("2026-11-02T01:")
    last_moment = datetime(2026, 12, 2, 16, 0, tzinfo=UTC)  # 2026-12-03 00:00 CST
    body = {"agreement_id": "A1", "court": "北京市朝阳区人民法院"}
    refused(case, case.make(case.mediator, t.CONFIRMATION_APPLIED, body), "PML Art. 33")
    late = case.make(case.borrower, t.CONFIRMATION_APPLIED, body, at=last_moment)
    accepted(
        case,
        case.make(case.lender, t.CONFIRMATION_APPLIED, body, at=last_moment - timedelta(minutes=1)),
    )
    # after the 30 days: accepted and recorded as late, not refused (CPL Art. 86: the court
    # decides on an extension)
    accepted(case, late)
    state = fold(CASE, case.history)
    assert set(state.confirmation) == {case.lender.vkey, case.borrower.vkey}
    assert state.confirmation_late == {case.borrower.vkey: late.time}


def test_pml_art_26_a_closed_case_takes_nothing_more(case: Case) -> None:
    case.add(case.opened())
    refused(case, case.make(case.mediator, t.CASE_CLOSED, {"reason": ""}), "PML Art. 26")
    accepted(case, case.make(case.mediator, t.CASE_CLOSED, {"reason": "当事人拒绝继续调解"}))
    refused(case, case.proposed(), "was closed")


def test_signing_before_any_proposal_is_refused_in_words(case: Case) -> None:
    from mediation import services

    class Author:
        def statement(self, type_, case_id, body, *, actor=None):
            return case.make(actor or case.lender, type_, body, case=case_id)

    case.add(case.opened())
    with pytest.raises(ContractViolation) as caught:
        services.sign_agreement(Author(), fold(CASE, case.history), CASE)
    assert "no such agreement" in str(caught.value)


def test_esl_art_13_each_party_signs_with_a_key_of_their_own(case: Case) -> None:
    parties = case.opened().body["parties"]
    shared = [parties[0], {**parties[1], "key": parties[0]["key"]}]
    refused(case, case.opened(parties=shared), "key of their own")
    mediators = [parties[0], {**parties[1], "key": case.mediator.vkey}]
    refused(case, case.opened(parties=mediators), "key of their own")


def test_item_14_nobody_in_the_case_can_spend_the_automatic_filing(case: Case) -> None:
    case.effective()
    after = due_at("2026-12-31", 3) + timedelta(hours=1)
    [real] = due(case.history, after)
    fake = {**real.body, "due_fen": 1, "paid_fen": 1}
    from ledger.keys import SigningKey

    node = SigningKey.generate("court.example/log/node")
    refused(
        case,
        case.make(case.borrower, t.ENFORCEMENT_REQUESTED, real.body, at=after),
        "contract rule alone",
    )
    refused(case, case.make(node, t.ENFORCEMENT_REQUESTED, fake, at=after), "contract rule alone")
    accepted(case, case.make(node, t.ENFORCEMENT_REQUESTED, real.body, at=after))


def test_item_14_files_for_trial_unless_a_court_confirmed_the_agreement(case: Case) -> None:
    """PML Art. 33 / CPL Art. 206: enforcement needs a confirmed agreement; otherwise the
    dispute goes to court (PML Art. 32) — the Opinions' "trial or enforcement filing"."""
    case.effective()
    after = due_at("2026-12-31", 3) + timedelta(hours=1)
    [trigger] = due(case.history, after)
    assert trigger.body["filing"] == "trial"
    from ledger.keys import SigningKey

    judge = SigningKey.generate()
    effective = fold(CASE, case.history).agreements["A1"].effective_hash
    ruling = {
        "agreement_id": "A1",
        "content_hash": effective,
        "valid": True,
        "court": "北京市朝阳区人民法院",
    }
    refused(case, case.make(case.lender, t.CONFIRMATION_RULED, ruling), "Only the court")
    accepted(case, case.make(judge, t.CONFIRMATION_RULED, ruling))
    [trigger] = due(case.history, after)
    assert trigger.body["filing"] == "enforcement"


def test_an_undisputed_report_of_performance_holds_the_automatic_filing(case: Case) -> None:
    case.effective()
    case.add(
        case.make(
            case.borrower,
            t.PERFORMANCE_REPORTED,
            {"agreement_id": "A1", "obligation_id": "o1", "amount_fen": 6_000_000},
        )
    )
    after = due_at("2026-12-31", 3) + timedelta(hours=1)
    assert due(case.history, after) == []
    case.add(
        case.make(
            case.lender,
            t.PERFORMANCE_DISPUTED,
            {"agreement_id": "A1", "obligation_id": "o1", "reason": "未到账"},
        )
    )
    assert len(due(case.history, after)) == 1


def test_pml_art_26_an_agreement_in_effect_is_not_closed_as_failed(case: Case) -> None:
    case.effective()
    refused(case, case.make(case.mediator, t.CASE_CLOSED, {"reason": "结案"}), "PML Art. 31")


def test_restoring_an_earlier_text_needs_every_signature_again(case: Case) -> None:
    case.add(case.opened())
    case.add(case.proposed())
    accepted(case, case.signed(case.lender))
    accepted(case, case.proposed(version=2, terms="改为一次性归还。"))
    accepted(case, case.proposed(version=3))  # the text of version 1 again
    accepted(case, case.signed(case.borrower, version=3))
    accepted(case, case.signed(case.mediator, version=3))
    assert fold(CASE, case.history).agreements["A1"].effective_hash is None
    accepted(case, case.signed(case.lender, version=3))
    assert fold(CASE, case.history).agreements["A1"].effective.number == 3


def test_instalments_are_numbered_and_in_order(case: Case) -> None:
    ob = case.content()["obligations"][0]
    swapped = {
        **ob,
        "instalments": [ob["instalments"][1] | {"seq": 1}, ob["instalments"][0] | {"seq": 2}],
    }
    codes = {f.code for f in completeness(case.content(obligations=[swapped]), {"p1", "p2"})}
    assert "instalment_order" in codes
    far = {**ob, "instalments": [], "deadline": "9999-12-31"}
    assert "obligation_deadline" in {
        f.code for f in completeness(case.content(obligations=[far]), {"p1", "p2"})
    }


def test_personal_numbers_are_found_behind_separators_and_in_file_names(case: Case) -> None:
    case.add(case.opened())
    for text in (
        "138-1234-5678",
        "１１０１０１１９９００３０７１２３４",
        "6222 0212 3456 7890 123",
    ):
        refused(
            case,
            case.make(case.mediator, t.DISCLOSURE, {"conflict": False, "text": text}),
            "Personal data",
        )
    issued = {
        "documents": [{"name": "张三_13812345678.pdf", "sha256": "a" * 64, "size": 1}],
        "about": {},
    }
    refused(case, case.make(case.mediator, t.DOCUMENT_ISSUED, issued), "Personal data")


def test_electronic_signature_law_art_15_a_compromised_key_is_told_to_the_parties(
    case: Case,
) -> None:
    """Art. 15: the holder of a compromised key tells the parties concerned and stops using it;
    nothing in it sends the holder to a court."""
    case.add(case.opened())
    party = {**case.opened().body["parties"][0], "key": SigningKey.generate().vkey}
    with pytest.raises(ContractViolation) as caught:
        REGISTRY.check(
            REGISTRY.fold(CASE, case.history),
            case.make(case.mediator, t.PARTY_ADDED, {"party": party}),
        )
    text = str(caught.value)
    assert "Electronic Signature Law Art. 15" in text
    assert "tells the parties concerned" in text and "stops using it" in text
    assert "court" not in text


def test_pml_art_32_either_party_may_go_to_court_over_performance(case: Case) -> None:
    """Only the obligee answers the obligor's report in the case, but the refusal must not say
    that only the obligee may take the dispute to court: either party may (PML Art. 32)."""
    case.effective()
    dispute = {"agreement_id": "A1", "obligation_id": "o1", "reason": "未收到"}
    with pytest.raises(ContractViolation) as caught:
        REGISTRY.check(
            REGISTRY.fold(CASE, case.history),
            case.make(case.borrower, t.PERFORMANCE_DISPUTED, dispute),
        )
    assert "Either party may take a dispute over performance" in str(caught.value)
    assert "PML Art. 32" in str(caught.value)
