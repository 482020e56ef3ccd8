"""Bankruptcy statement bodies, parsed once into the frozen values of ``bankruptcy.types``.

``parse`` is the domain's ``Domain.parse``: the registry calls it before the rule and before the
reducer, so both receive a ``casework.typed.Typed``. Every check of a body's *shape* is here (a
field missing or of the wrong kind, an amount that is not whole fen, a date that is not a date,
a secured claim without its collateral), refused in words that name the article; what depends
on the case (who may act, which version is next, whether a period has ended) is in
``bankruptcy.rules``. A typed body writes back to exactly the JSON it was parsed from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from bankruptcy import types as t
from casework.typed import (
    Fail,
    Refusals,
    choice,
    documents,
    flag,
    integer,
    obj,
    opt_text,
    sha256_hex,
    text,
)
from ledger.errors import QT_TRANSLATE_NOOP, LedgerError
from ledger.keys import parse_vkey

CONTEXT = "Bankruptcy"
RULE = "bankruptcy.rules@1"


WORDS = Refusals(
    RULE,
    unknown_fields=QT_TRANSLATE_NOOP(
        CONTEXT, "A {type} statement has no field {fields}: nothing else goes on the chain."
    ),
    members=QT_TRANSLATE_NOOP(CONTEXT, "The members a statement adds are a list of verifier keys."),
)
refuse, _fail, _only = WORDS.refuse, WORDS.fail, WORDS.only
_ACCEPTANCE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The acceptance names the court, the case number, the debtor (name and the hash of its "
    "unified social credit code), the administrator (key and name), the acceptance and "
    "announcement dates, the end of the claim-filing period and the first meeting's date, "
    "dates as YYYY-MM-DD (Enterprise Bankruptcy Law Art. 45, 62).",
)
_INVITATION = QT_TRANSLATE_NOOP(
    CONTEXT,
    "An invitation lists each creditor's key, name and whether it is a person or an organisation.",
)
_AMOUNTS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "A declaration states the claim's amounts as whole fen, none below zero: principal, "
    "interest and other amounts (Enterprise Bankruptcy Law Art. 49).",
)
_DECLARATION = QT_TRANSLATE_NOOP(
    CONTEXT,
    "A declaration names the claim and its version, its nature, whether it is secured, joint "
    "or guaranteed (Enterprise Bankruptcy Law Art. 49-51; Interpretation III Art. 6).",
)
_REVIEW = QT_TRANSLATE_NOOP(
    CONTEXT,
    "A review names the claim, its own version, the declaration version it answers and the "
    "nature found, and gives each of principal, interest and other amounts once: confirmed, "
    "adjusted or rejected, as whole fen (Enterprise Bankruptcy Law Art. 57; "
    "Interpretation III Art. 6).",
)
_TABLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "A claim table names its version, the number of claims, the hash of its rows and the "
    "totals of each group (Enterprise Bankruptcy Law Art. 57, 82).",
)
_OBJECTION = QT_TRANSLATE_NOOP(
    CONTEXT,
    "An objection names the claim and the table version, with its reasons and legal basis "
    "(Enterprise Bankruptcy Law Art. 58; Interpretation III Art. 8).",
)
_ANSWER = QT_TRANSLATE_NOOP(
    CONTEXT,
    "An answer names the objection, says whether the administrator explains or adjusted, and "
    "explains; an adjustment names the new review (Interpretation III Art. 8).",
)
_RULING = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The court's ruling names its number, the table version and the claims it confirms "
    "(Enterprise Bankruptcy Law Art. 58(2)).",
)
_PROVISIONAL = QT_TRANSLATE_NOOP(
    CONTEXT,
    "A provisional amount names the claim, the amount in whole fen and why (Enterprise "
    "Bankruptcy Law Art. 59(2)).",
)


def _day(data: Mapping[str, Any], key: str, fail: Fail) -> str:
    """A ``YYYY-MM-DD`` date, kept as signed."""
    value = text(data, key, fail)
    try:
        date.fromisoformat(value)
    except ValueError:
        raise fail() from None
    if len(value) != 10:  # fromisoformat also reads 20261201; the chain keeps one form
        raise fail()
    return value


def _vkey(data: Mapping[str, Any], key: str, fail: Fail) -> str:
    value = text(data, key, fail)
    try:
        parse_vkey(value)
    except LedgerError:
        raise fail() from None
    return value


# -- parsers ------------------------------------------------------------------------------


def _case_accepted(body: Mapping[str, Any]) -> t.CaseAccepted:
    fields = (
        "court",
        "case_number",
        "debtor_name",
        "debtor_code_hash",
        "administrator",
        "administrator_name",
        "accepted_on",
        "announced_on",
        "filing_ends_on",
        "first_meeting_on",
        "debtor_key",
    )
    _only(body, t.CASE_ACCEPTED, fields)
    form = _fail(_ACCEPTANCE)
    debtor_key = _vkey(body, "debtor_key", form) if "debtor_key" in body else None
    return t.CaseAccepted(
        court=text(body, "court", form),
        case_number=text(body, "case_number", form),
        debtor_name=text(body, "debtor_name", form),
        debtor_code_hash=sha256_hex(body.get("debtor_code_hash"), form),
        administrator=_vkey(body, "administrator", form),
        administrator_name=text(body, "administrator_name", form),
        accepted_on=_day(body, "accepted_on", form),
        announced_on=_day(body, "announced_on", form),
        filing_ends_on=_day(body, "filing_ends_on", form),
        first_meeting_on=_day(body, "first_meeting_on", form),
        debtor_key=debtor_key,
    )


def _creditors_invited(body: Mapping[str, Any]) -> t.CreditorsInvited:
    _only(body, t.CREDITORS_INVITED, ("creditors",))
    form = _fail(_INVITATION)
    items = body.get("creditors")
    if not isinstance(items, list) or not items:
        raise form()
    invitees = []
    for item in items:
        data = obj(item, form, ("key", "name", "kind"))
        invitees.append(
            t.Invitee(
                _vkey(data, "key", form),
                text(data, "name", form),
                choice(t.PartyKind, data.get("kind"), form),
            )
        )
    return t.CreditorsInvited(tuple(invitees))


def _claim_declared(body: Mapping[str, Any]) -> t.ClaimDeclared:
    fields = (
        "claim_id",
        "version",
        "principal_fen",
        "interest_fen",
        "other_fen",
        "nature",
        "secured",
        "joint",
        "guaranteed",
        "documents",
        "collateral",
        "interest_until",
        "agent",
        "facts",
    )
    _only(body, t.CLAIM_DECLARED, fields)
    form = _fail(_DECLARATION)
    amounts = _fail(_AMOUNTS)
    principal, interest, other = (
        integer(body, name, amounts, minimum=0)
        for name in ("principal_fen", "interest_fen", "other_fen")
    )
    if principal + interest + other == 0:
        raise amounts()
    if "documents" not in body or body["documents"] == []:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A declaration comes with its evidence (Enterprise Bankruptcy Law Art. 49: "
                "提交有关证据): at least one document, by its hash.",
            )
        )
    evidence = documents(body["documents"], RULE)
    nature = choice(t.Nature, body.get("nature"), form)
    secured = flag(body, "secured", form)
    collateral = opt_text(body, "collateral", form)
    if secured != (nature is t.Nature.SECURED) or secured != bool(
        collateral and collateral.strip()
    ):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A secured claim names its collateral and is of secured nature; an unsecured "
                "claim has neither (Enterprise Bankruptcy Law Art. 49: 有无财产担保).",
            )
        )
    interest_until = None
    if "interest_until" in body:
        interest_until = _day(body, "interest_until", form)
    if interest > 0 and interest_until is None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Interest is declared up to a day, no later than the acceptance of the case "
                "(Enterprise Bankruptcy Law Art. 46): give that day.",
            )
        )
    return t.ClaimDeclared(
        claim_id=text(body, "claim_id", form),
        version=integer(body, "version", form, minimum=1),
        principal_fen=principal,
        interest_fen=interest,
        other_fen=other,
        nature=nature,
        secured=secured,
        joint=flag(body, "joint", form),
        guaranteed=flag(body, "guaranteed", form),
        documents=evidence,
        collateral=collateral,
        interest_until=interest_until,
        agent=opt_text(body, "agent", form),
        facts=opt_text(body, "facts", form),
    )


def _claim_reviewed(body: Mapping[str, Any]) -> t.ClaimReviewed:
    _only(
        body,
        t.CLAIM_REVIEWED,
        ("claim_id", "review", "declaration", "items", "nature", "secured"),
    )
    form = _fail(_REVIEW)
    items = body.get("items")
    if not isinstance(items, list):
        raise form()
    parsed = []
    for item in items:
        data = obj(item, form, ("item", "outcome", "amount_fen", "reason"))
        parsed.append(
            t.ReviewItem(
                choice(t.Item, data.get("item"), form),
                choice(t.Outcome, data.get("outcome"), form),
                integer(data, "amount_fen", form, minimum=0),
                opt_text(data, "reason", form),
            )
        )
    if sorted(i.item for i in parsed) != sorted(t.Item):
        raise form()
    for i in parsed:
        if i.outcome is not t.Outcome.CONFIRMED and not (i.reason and i.reason.strip()):
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "An amount adjusted or rejected needs its reason (Interpretation III Art. 6).",
                )
            )
        if i.outcome is t.Outcome.REJECTED and i.amount_fen != 0:
            raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A rejected amount is confirmed at zero fen."))
    nature = choice(t.Nature, body.get("nature"), form)
    secured = flag(body, "secured", form)
    if secured != (nature is t.Nature.SECURED):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A claim found secured is of secured nature, and only such a claim "
                "(Enterprise Bankruptcy Law Art. 49, 82(1); Interpretation III Art. 6).",
            )
        )
    return t.ClaimReviewed(
        claim_id=text(body, "claim_id", form),
        review=integer(body, "review", form, minimum=1),
        declaration=integer(body, "declaration", form, minimum=1),
        items=tuple(parsed),
        nature=nature,
        secured=secured,
    )


def _table_published(body: Mapping[str, Any]) -> t.TablePublished:
    _only(body, t.TABLE_PUBLISHED, ("table", "claims", "rows_hash", "totals"))
    form = _fail(_TABLE)
    totals = body.get("totals")
    if not isinstance(totals, list):
        raise form()
    parsed = []
    for item in totals:
        data = obj(item, form, ("group", "claims", "declared_fen", "confirmed_fen"))
        parsed.append(
            t.GroupTotal(
                choice(t.Group, data.get("group"), form),
                integer(data, "claims", form, minimum=0),
                integer(data, "declared_fen", form, minimum=0),
                integer(data, "confirmed_fen", form, minimum=0),
            )
        )
    return t.TablePublished(
        table=integer(body, "table", form, minimum=1),
        claims=integer(body, "claims", form, minimum=0),
        rows_hash=sha256_hex(body.get("rows_hash"), form),
        totals=tuple(parsed),
    )


def _objection_raised(body: Mapping[str, Any]) -> t.ObjectionRaised:
    _only(
        body,
        t.OBJECTION_RAISED,
        ("objection_id", "claim_id", "table", "reasons", "legal_basis"),
    )
    form = _fail(_OBJECTION)
    return t.ObjectionRaised(
        objection_id=text(body, "objection_id", form),
        claim_id=text(body, "claim_id", form),
        table=integer(body, "table", form, minimum=1),
        reasons=text(body, "reasons", form),
        legal_basis=text(body, "legal_basis", form),
    )


def _objection_answered(body: Mapping[str, Any]) -> t.ObjectionAnswered:
    _only(body, t.OBJECTION_ANSWERED, ("objection_id", "answer", "text", "review"))
    form = _fail(_ANSWER)
    answer = choice(t.Answer, body.get("answer"), form)
    review = integer(body, "review", form, minimum=1) if "review" in body else None
    if (review is None) != (answer is t.Answer.EXPLAINED):
        raise form()
    return t.ObjectionAnswered(
        objection_id=text(body, "objection_id", form),
        answer=answer,
        text=text(body, "text", form),
        review=review,
    )


def _claims_confirmed(body: Mapping[str, Any]) -> t.ClaimsConfirmed:
    _only(body, t.CLAIMS_CONFIRMED, ("table", "claims", "ruling"))
    form = _fail(_RULING)
    claims = body.get("claims")
    if not isinstance(claims, list) or not claims or not all(isinstance(c, str) for c in claims):
        raise form()
    if len(set(claims)) != len(claims):
        raise form()
    return t.ClaimsConfirmed(
        table=integer(body, "table", form, minimum=1),
        claims=tuple(claims),
        ruling=text(body, "ruling", form),
    )


def _provisional_set(body: Mapping[str, Any]) -> t.ProvisionalSet:
    _only(body, t.PROVISIONAL_SET, ("claim_id", "amount_fen", "reason"))
    form = _fail(_PROVISIONAL)
    return t.ProvisionalSet(
        claim_id=text(body, "claim_id", form),
        amount_fen=integer(body, "amount_fen", form, minimum=0),
        reason=text(body, "reason", form),
    )


PARSERS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    t.CASE_ACCEPTED: _case_accepted,
    t.CREDITORS_INVITED: _creditors_invited,
    t.CLAIM_DECLARED: _claim_declared,
    t.CLAIM_REVIEWED: _claim_reviewed,
    t.TABLE_PUBLISHED: _table_published,
    t.OBJECTION_RAISED: _objection_raised,
    t.OBJECTION_ANSWERED: _objection_answered,
    t.CLAIMS_CONFIRMED: _claims_confirmed,
    t.PROVISIONAL_SET: _provisional_set,
}
assert set(PARSERS) == t.ALL


WORDS.parsers = PARSERS
parse = WORDS.parse  # the bankruptcy domain's ``Domain.parse``
