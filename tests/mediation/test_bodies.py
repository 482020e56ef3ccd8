"""Typed bodies (``mediation.bodies``): every type parses into frozen values, a malformed body of
each type is refused in the rules' own words, and a parse loses nothing (property test)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casework.typed import Typed, to_json
from chain_node.domains import installed_domains
from ledger.canonical import canonical_json
from ledger.contract import ContractViolation
from ledger.domain import Registry
from ledger.keys import SigningKey
from ledger.statement import sign_statement
from ledger.store.append import append
from ledger.store.store import Store
from mediation import bodies as b
from mediation import services
from mediation import types as t
from mediation.agreement import content_hash
from mediation.domain import DOMAIN

from .conftest import Case

REGISTRY = Registry([DOMAIN])
KEY = SigningKey.generate()
HASH = "c" * 64
DOC = {"name": "借条.jpg", "sha256": "d" * 64, "size": 2048}


def valid_bodies(case: Case) -> dict[str, dict[str, Any]]:
    """One well-formed body of every mediation type."""
    content = case.content()
    return {
        t.CASE_OPENED: case.opened().body,
        t.PARTY_ADDED: {
            "party": {"id": "p3", "role": "third_party", "kind": "organisation", "name": "某公司"},
            "members": [KEY.vkey],
        },
        t.DISCLOSURE: {"conflict": False, "text": "无"},
        t.SESSION_RECORDED: {
            "session_id": "S1",
            "start": "2026-11-02T02:00:00.000Z",
            "end": "2026-11-02T03:00:00.000Z",
            "participants": ["王调解", "张三"],
            "notes": "",
            "statements": [{"party": "p1", "text": "同意", "concession": True}],
            "documents": [DOC],
        },
        t.SESSION_ACKNOWLEDGED: {"session_id": "S1"},
        t.AGREEMENT_PROPOSED: {
            "agreement_id": "A1",
            "version": 1,
            "content": content,
            "content_hash": content_hash(content),
        },
        t.AGREEMENT_SIGNED: {"agreement_id": "A1", "version": 1, "content_hash": HASH},
        t.PERFORMANCE_REPORTED: {
            "agreement_id": "A1",
            "obligation_id": "o1",
            "amount_fen": 0,
            "documents": [DOC],
        },
        t.PERFORMANCE_CONFIRMED: {
            "agreement_id": "A1",
            "obligation_id": "o1",
            "amount_fen": 1,
            "note": "到账",
        },
        t.PERFORMANCE_DISPUTED: {"agreement_id": "A1", "obligation_id": "o1", "reason": ""},
        t.CONFIRMATION_APPLIED: {"agreement_id": "A1", "court": "北京市朝阳区人民法院"},
        t.CONFIRMATION_RULED: {
            "agreement_id": "A1",
            "content_hash": HASH,
            "valid": False,
            "court": "北京市朝阳区人民法院",
        },
        t.ENFORCEMENT_REQUESTED: {
            "agreement_id": "A1",
            "obligation_id": "o1",
            "instalment": 1,
            "rule": b.DEFAULT_RULE,
            "version": 1,
            "content_hash": HASH,
            "due_fen": 6_000_000,
            "paid_fen": 0,
            "deadline": "2026-12-31",
            "filing": "trial",
            "basis": "SPC Opinions on blockchain judicial applications, item 14",
        },
        t.CASE_CLOSED: {"reason": "当事人拒绝继续调解"},
    }


def test_every_type_parses_into_frozen_typed_values_and_back(case: Case) -> None:
    bodies = valid_bodies(case)
    assert set(bodies) == t.ALL
    for type_, body in bodies.items():
        parsed = b.parse(case.make(case.mediator, type_, body))
        assert isinstance(parsed, Typed) and parsed.type == type_
        assert dataclasses.is_dataclass(parsed.body)
        with pytest.raises(dataclasses.FrozenInstanceError):
            parsed.body.__setattr__(dataclasses.fields(parsed.body)[0].name, None)
        assert parsed.body_json() == body, type_
    opened = b.parse(case.make(case.mediator, t.CASE_OPENED, bodies[t.CASE_OPENED]))
    assert opened.body.parties[0].role is b.PartyRole.APPLICANT
    assert opened.body.parties[0].id_type is b.IdType.RESIDENT_ID
    assert opened.members == (case.lender.vkey, case.borrower.vkey)
    filing = b.parse(
        case.make(case.mediator, t.ENFORCEMENT_REQUESTED, bodies[t.ENFORCEMENT_REQUESTED])
    )
    assert filing.body.rule is b.FilingRule.AUTOMATIC and filing.body.kind is b.FilingKind.TRIAL


def test_the_agreement_content_keeps_the_json_its_hash_is_taken_over(case: Case) -> None:
    content = case.content()
    proposed = b.parse(case.proposed()).body
    assert proposed.content.canonical == canonical_json(content)
    assert proposed.content.hash == proposed.content_hash == content_hash(content)
    assert proposed.content.json() == content
    [ob] = proposed.content.obligations
    assert [(p.seq, p.amount_fen) for p in ob.parts] == [(1, 6_000_000), (2, 4_000_000)]
    assert ob.grace == 3 and proposed.content.consents_to_filing


# type, what is wrong with the body, the words (and article) of the refusal
MALFORMED: list[tuple[str, dict[str, Any], str]] = [
    (t.CASE_OPENED, {"summary": " "}, "online mediation rules Art. 8"),
    # PML Art. 17 is a party's refusal of mediation; two parties come from what mediation is
    # (Art. 2: the parties reach an agreement among themselves)
    (t.CASE_OPENED, {"parties": []}, "reach an agreement among themselves (PML Art. 2)"),
    (t.CASE_OPENED, {"colour": "red"}, "has no field colour"),
    (t.PARTY_ADDED, {"party": "张三"}, "described as an object"),
    (
        t.PARTY_ADDED,
        {"party": {"id": "p3", "role": "judge", "kind": "person", "name": "x"}},
        "Art. 8",
    ),
    (
        t.PARTY_ADDED,
        {"party": {"id": "p3", "role": "applicant", "kind": "person", "name": ""}},
        "PML Art. 29(1)",
    ),
    (
        t.PARTY_ADDED,
        {"party": {"id": "p3", "role": "applicant", "kind": "person", "name": "x", "phone": "1"}},
        "other personal data stays off the chain",
    ),
    (t.DISCLOSURE, {"conflict": "no"}, "online mediation rules Art. 13"),
    (t.SESSION_RECORDED, {"end": "yesterday"}, "start and end time (PML Art. 27)"),
    (t.SESSION_RECORDED, {"end": "2026-11-02T01:00:00.000Z"}, "ends before it starts"),
    (t.SESSION_RECORDED, {"participants": []}, "who took part (PML Art. 27)"),
    (
        t.SESSION_RECORDED,
        {"statements": [{"party": "p1", "text": "x"}]},
        "online mediation rules Art. 18",
    ),
    (t.SESSION_RECORDED, {"documents": [{"name": "x"}]}, "each document is exactly"),
    (t.SESSION_ACKNOWLEDGED, {"session_id": 1}, "no such session record"),
    (t.AGREEMENT_PROPOSED, {"content_hash": HASH}, "content hash does not match"),
    (t.AGREEMENT_PROPOSED, {"version": "1"}, "its version and its text"),
    (t.AGREEMENT_SIGNED, {"version": None}, "the version signed and its content hash"),
    (t.PERFORMANCE_REPORTED, {"amount_fen": -1}, "whole number of fen"),
    (t.PERFORMANCE_REPORTED, {"obligation_id": 7}, "(PML Art. 31)"),
    (t.PERFORMANCE_CONFIRMED, {"amount_fen": 0}, "positive number of fen"),
    (t.PERFORMANCE_CONFIRMED, {"amount_fen": True}, "positive number of fen"),
    (t.PERFORMANCE_DISPUTED, {"amount_fen": 1}, "has no field amount_fen"),
    (t.CONFIRMATION_APPLIED, {"court": None}, "(PML Art. 33; CPL Art. 205)"),
    (t.CONFIRMATION_RULED, {"valid": "yes"}, "CPL Art. 206"),
    (t.CONFIRMATION_RULED, {"court": ""}, "CPL Art. 206"),
    (t.ENFORCEMENT_REQUESTED, {"instalment": 0}, "SPC Opinions item 14"),
    (t.ENFORCEMENT_REQUESTED, {"due_fen": "6000000"}, "the amounts the rule computes"),
    (t.ENFORCEMENT_REQUESTED, {"rule": "mine"}, "who files it (SPC Opinions item 14)"),
    (t.CASE_CLOSED, {"reason": "  "}, "(PML Art. 26)"),
    (t.CASE_CLOSED, {"members": "everyone"}, "list of verifier keys"),
]


@pytest.mark.parametrize(("type_", "change", "words"), MALFORMED)
def test_a_malformed_body_of_each_type_is_refused_in_the_rules_words(
    case: Case, type_: str, change: dict[str, Any], words: str
) -> None:
    body = {**valid_bodies(case)[type_], **change}
    statement = case.make(case.mediator, type_, body)
    with pytest.raises(ContractViolation) as caught:
        b.parse(statement)
    assert words in str(caught.value), str(caught.value)
    # the registry refuses it the same way, before any rule runs
    with pytest.raises(ContractViolation) as again:
        REGISTRY.check(REGISTRY.fold("MED-2026-0042", []), statement)
    assert str(again.value) == str(caught.value)


def test_every_type_has_a_malformed_case() -> None:
    assert {type_ for type_, _, _ in MALFORMED} == t.ALL


def test_an_incomplete_agreement_is_refused_at_the_parse_with_every_item(case: Case) -> None:
    with pytest.raises(ContractViolation) as caught:
        b.parse(case.proposed(facts="", terms=""))
    text = str(caught.value)
    assert "incomplete" in text and "Art. 29(2)" in text and "Art. 29(3)" in text


# -- lossless: any accepted statement's body comes back from its typed value ----------------

names = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1, max_size=12
)
texts = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=20)
ids = st.from_regex(r"[a-z][0-9]{1,3}", fullmatch=True)
# three instalments of at most this still sum to an integer JSON carries exactly
fen = st.integers(min_value=1, max_value=(2**53 - 1) // 3)


@st.composite
def parties(draw: st.DrawFn) -> dict[str, Any]:
    party: dict[str, Any] = {
        "id": draw(ids),
        "role": draw(st.sampled_from(list(b.PartyRole))).value,
        "kind": draw(st.sampled_from(list(b.PartyKind))).value,
        "name": draw(names.filter(str.strip)),
    }
    if draw(st.booleans()):
        party["key"] = KEY.vkey
    if draw(st.booleans()):
        party["id_type"] = draw(st.sampled_from(list(b.IdType))).value
        party["id_hash"] = draw(st.sampled_from(["", HASH]))
    if draw(st.booleans()):
        party["agent"] = draw(texts)
    return party


@st.composite
def contents(draw: st.DrawFn) -> dict[str, Any]:
    amounts = draw(st.lists(fen, min_size=1, max_size=3))
    ob: dict[str, Any] = {
        "id": "o1",
        "obligor": "p1",
        "obligee": "p2",
        "amount_fen": sum(amounts),
        "manner": draw(names.filter(str.strip)),
    }
    if len(amounts) == 1 and draw(st.booleans()):
        ob["deadline"] = "2027-01-31"
    else:
        ob["instalments"] = [
            {"seq": n, "amount_fen": a, "deadline": f"2027-{n:02d}-28"}
            for n, a in enumerate(amounts, 1)
        ]
    if draw(st.booleans()):
        ob["grace_days"] = draw(st.integers(0, 365))
    content: dict[str, Any] = {"parties": ["p1", "p2"], "obligations": [ob]}
    for field in ("facts", "disputes", "responsibilities", "terms"):
        content[field] = draw(names.filter(str.strip))
    if draw(st.booleans()):
        content["enforcement_consent"] = draw(st.booleans())
    if draw(st.booleans()):
        content["matters"] = draw(st.lists(st.sampled_from(["ip_title", "status_relation"])))
    return content


def _proposal(content: dict[str, Any]) -> dict[str, Any]:
    return {
        "agreement_id": "A1",
        "version": 1,
        "content": content,
        "content_hash": content_hash(content),
    }


@st.composite
def bodies(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    ref = {"agreement_id": draw(ids), "obligation_id": draw(ids)}
    choices: dict[str, st.SearchStrategy[dict[str, Any]]] = {
        t.CASE_OPENED: st.fixed_dictionaries(
            {
                "dispute_type": names.filter(str.strip),
                "summary": names.filter(str.strip),
                "organisation": names.filter(str.strip),
                "mediator_name": names.filter(str.strip),
                "parties": st.lists(parties(), min_size=2, max_size=4, unique_by=lambda p: p["id"]),
            }
        ),
        t.PARTY_ADDED: st.fixed_dictionaries({"party": parties()}),
        t.DISCLOSURE: st.fixed_dictionaries({"conflict": st.booleans(), "text": texts}),
        t.SESSION_RECORDED: st.fixed_dictionaries(
            {
                "session_id": ids,
                "start": st.just("2026-11-02T02:00:00.000Z"),
                "end": st.just("2026-11-02T02:30:00.000Z"),
                "participants": st.lists(names, min_size=1, max_size=3),
            },
            optional={
                "notes": texts,
                "statements": st.lists(
                    st.fixed_dictionaries(
                        {"party": ids, "text": texts, "concession": st.booleans()}
                    ),
                    max_size=3,
                ),
                "documents": st.lists(st.just(DOC), max_size=2),
            },
        ),
        t.SESSION_ACKNOWLEDGED: st.fixed_dictionaries({"session_id": ids}),
        t.AGREEMENT_PROPOSED: contents().map(_proposal),
        t.AGREEMENT_SIGNED: st.fixed_dictionaries(
            {"agreement_id": ids, "version": st.integers(1, 9), "content_hash": st.just(HASH)}
        ),
        t.PERFORMANCE_REPORTED: st.fixed_dictionaries(
            {**{k: st.just(v) for k, v in ref.items()}, "amount_fen": st.integers(0, 2**53 - 1)},
            optional={"documents": st.lists(st.just(DOC), max_size=2)},
        ),
        t.PERFORMANCE_CONFIRMED: st.fixed_dictionaries(
            {**{k: st.just(v) for k, v in ref.items()}, "amount_fen": fen}, optional={"note": texts}
        ),
        t.PERFORMANCE_DISPUTED: st.fixed_dictionaries(
            {**{k: st.just(v) for k, v in ref.items()}, "reason": texts}
        ),
        t.CONFIRMATION_APPLIED: st.fixed_dictionaries({"agreement_id": ids, "court": texts}),
        t.CONFIRMATION_RULED: st.fixed_dictionaries(
            {
                "agreement_id": ids,
                "content_hash": st.just(HASH),
                "valid": st.booleans(),
                "court": names.filter(str.strip),
            }
        ),
        t.ENFORCEMENT_REQUESTED: st.fixed_dictionaries(
            {
                **{k: st.just(v) for k, v in ref.items()},
                "instalment": st.integers(1, 12),
                "rule": st.just(b.OBLIGEE_APPLICATION),
            }
        ),
        t.CASE_CLOSED: st.fixed_dictionaries({"reason": names.filter(str.strip)}),
    }
    type_ = draw(st.sampled_from(sorted(choices)))
    body = draw(choices[type_])
    if draw(st.booleans()):
        body["members"] = [KEY.vkey]
    return type_, body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies())
def test_parse_of_any_accepted_statement_round_trips_to_its_canonical_body(drawn) -> None:
    type_, body = drawn
    moment = datetime(2026, 11, 2, 1, 0, tzinfo=UTC) + timedelta(minutes=1)
    statement = Case().make(KEY, type_, body, at=moment)
    parsed = b.parse(statement)
    assert canonical_json(parsed.body_json()) == canonical_json(statement.body)
    assert canonical_json(to_json(parsed.body)) == canonical_json(
        {k: v for k, v in statement.body.items() if k != "members"}
    )
    # parsing the written-back body gives the same typed value
    again = b.parse(dataclasses.replace(statement, body=parsed.body_json()))
    assert again == parsed


def test_an_entry_this_version_cannot_type_leaves_its_case_unread_not_the_desk(
    tmp_path: Path, case: Case
) -> None:
    """A party with a null key was accepted by an older version's looser checks; the parse now
    refuses it. A desk holding such an entry keeps working: the case reads as not opened."""
    store = Store.open(f"sqlite:///{tmp_path / 'desk.sqlite'}", installed_domains())
    try:
        parties = case.opened().body["parties"]
        old = case.opened(parties=[parties[0], {**parties[1], "key": None}])
        with pytest.raises(ContractViolation, match="other personal data stays off the chain"):
            b.parse(old)
        with store.transaction() as session:
            append(session, store.projections, [sign_statement(old, case.mediator)], source="chain")
        assert services.load(store, old.case).opened_by == ""
        fine = case.make(case.mediator, t.CASE_OPENED, case.opened().body, case="MED-2")
        with store.transaction() as session:
            append(
                session, store.projections, [sign_statement(fine, case.mediator)], source="chain"
            )
        assert services.load(store, "MED-2").opened_by == case.mediator.vkey
    finally:
        store.close()
