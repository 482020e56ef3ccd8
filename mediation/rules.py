"""The mediation contract rules: run by the app before signing and by the node before
sequencing (ARCHITECTURE.md, "one implementation, two enforcement points").

``RULES`` maps each mediation statement type to the rule that checks it against the case's state
(refusing, with the article, what breaks a rule); ``due`` lists the enforcement filings the node
must append now (SPC Opinions on blockchain judicial applications, item 14: an agreement that is
not performed triggers enforcement filing through business rules and smart contracts).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ledger.clock import parse_time
from ledger.contract import ContractViolation, Trigger
from ledger.domain import Check
from ledger.errors import QT_TRANSLATE_NOOP
from ledger.statement import Statement, check_documents
from mediation import types as t
from mediation.agreement import CONTEXT, completeness, content_hash
from mediation.case import (
    CaseState,
    confirmation_deadline,
    confirmation_last_day,
    defaults,
)

RULE = "mediation.rules@1"
DEFAULT_RULE = "mediation.default@1"
PARTY_ROLES = ("applicant", "respondent", "third_party")
KINDS = ("person", "organisation")
ID_TYPES = ("", "resident_id", "passport", "credit_code")
_HEX64 = re.compile(r"^[0-9a-f]{64}\Z")


def refuse(message: str, **args: Any) -> ContractViolation:
    return ContractViolation(message, rule=RULE, **args)


def _party_ok(data: Any) -> None:
    if not isinstance(data, dict):
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A party must be described as an object."))
    if not isinstance(data.get("id"), str) or not data["id"]:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A party needs an identifier."))
    if data.get("role") not in PARTY_ROLES or data.get("kind") not in KINDS:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A party's role is applicant, respondent or third party, and it is a "
                "person or an organisation (online mediation rules Art. 8).",
            )
        )
    if not str(data.get("name") or "").strip():
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A party needs a name (PML Art. 29(1))."))
    if data.get("id_type", "") not in ID_TYPES:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT, "The identity document type is resident ID, passport or credit code."
            )
        )
    if data.get("id_hash") and not _HEX64.match(str(data["id_hash"])):
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "An identity hash is 64 lowercase hex digits."))
    if set(data) - {"id", "role", "kind", "name", "key", "id_type", "id_hash", "agent"}:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A party carries only id, role, kind, name, key, id_type, id_hash and "
                "agent: other personal data stays off the chain.",
            )
        )


def _shared_key() -> ContractViolation:
    return refuse(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Each party signs with a key of their own, not another party's or the mediator's "
            "(Electronic Signature Law Art. 13: signature creation data exclusively the "
            "signer's).",
        )
    )


def _in_open_case(rule: Check) -> Check:
    """Every statement but the opening one needs an open case that is not closed."""

    def check(state: CaseState, statement: Statement) -> None:
        if not state.opened_by:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The case has not been opened: a mediator opens it first (PML Art. 17).",
                )
            )
        if state.closed is not None:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The case was closed on {time}; nothing more can be added (PML Art. 26).",
                ),
                time=state.closed["time"],
            )
        rule(state, statement)

    return check


# -- by the mediator ------------------------------------------------------------------


def _require_mediator(state: CaseState, s: Statement) -> None:
    if s.actor != state.mediator:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the case's mediator may do this (PML Art. 27: the mediator keeps "
                "the records).",
            )
        )


def _opened(state: CaseState, s: Statement) -> None:
    if not s.case:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A case needs a case number."))
    if state.opened_by:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "This case is already open."))
    body = s.body
    for field in ("dispute_type", "summary", "organisation", "mediator_name"):
        if not str(body.get(field) or "").strip():
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Opening a case needs the dispute type, a summary, the mediation "
                    "organisation and the mediator's name (online mediation rules Art. 8).",
                )
            )
    parties = body.get("parties")
    if not isinstance(parties, list) or len(parties) < 2:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "A dispute needs at least two parties (PML Art. 17).")
        )
    ids, keys = set(), set()
    for party in parties:
        _party_ok(party)
        ids.add(party["id"])
        if party.get("key"):
            if party["key"] in keys or party["key"] == s.actor:
                raise _shared_key()
            keys.add(party["key"])
    if len(ids) != len(parties):
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "Two parties share one identifier."))


def _party_added(state: CaseState, s: Statement) -> None:
    _require_mediator(state, s)
    _party_ok(s.body.get("party"))
    existing = state.parties.get(s.body["party"]["id"])
    key = s.body["party"].get("key")
    others = state.signers_everyone() - ({existing.key} if existing and existing.key else set())
    if key and key in others:
        raise _shared_key()
    if existing is not None and existing.key and existing.key != s.body["party"].get("key"):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A party's key cannot be replaced once given: a compromised key is reported "
                "to the court, which stops its use (Electronic Signature Law Art. 15).",
            )
        )


def _disclosure(state: CaseState, s: Statement) -> None:
    _require_mediator(state, s)
    if not isinstance(s.body.get("conflict"), bool) or not isinstance(s.body.get("text"), str):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A disclosure states whether there is a conflict of interest and "
                "explains it (online mediation rules Art. 13).",
            )
        )


def _session_recorded(state: CaseState, s: Statement) -> None:
    _require_mediator(state, s)
    body = s.body
    if not isinstance(body.get("session_id"), str) or body["session_id"] in state.sessions:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A session record needs a new session id."))
    try:
        start, end = parse_time(body.get("start")), parse_time(body.get("end"))
    except ValueError:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT, "A session record needs its start and end time (PML Art. 27)."
            )
        ) from None
    if end < start:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "The session ends before it starts."))
    participants = body.get("participants")
    if not isinstance(participants, list) or not participants:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "A session record lists who took part (PML Art. 27).")
        )
    for item in body.get("statements", []):
        if item.get("party") not in state.parties or not isinstance(item.get("concession"), bool):
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Each recorded statement names a party of the case and whether it "
                    "is a concession (online mediation rules Art. 18).",
                )
            )
    if body.get("documents"):
        check_documents(body["documents"])


def _agreement_proposed(state: CaseState, s: Statement) -> None:
    _require_mediator(state, s)
    body = s.body
    agreement = state.agreements.get(body.get("agreement_id", ""))
    expected = 1 if agreement is None or agreement.latest is None else agreement.latest.number + 1
    if agreement is not None and agreement.effective_hash is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "This agreement is already in effect and binding (PML Art. 31); it "
                "cannot be changed. Disputes over it go to court (PML Art. 32).",
            )
        )
    if body.get("version") != expected:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The next version of this agreement is {n}."), n=expected
        )
    content = body.get("content")
    if not isinstance(content, dict) or body.get("content_hash") != content_hash(content):
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The agreement's content hash does not match its content.")
        )
    missing = completeness(content, set(state.parties))
    if missing:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The agreement is incomplete: {items}"),
            items=" ".join(f.text() for f in missing),
        )
    keyless = [p.name for p in state.keyless(content["parties"])]
    if keyless:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "{names} cannot sign yet: each party signs with their own key (online "
                "mediation rules Art. 19). Add their key to the case first.",
            ),
            names=", ".join(keyless),
        )


def _case_closed(state: CaseState, s: Statement) -> None:
    _require_mediator(state, s)
    if any(a.effective_hash for a in state.agreements.values()):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A case whose agreement is in effect is not closed as failed (PML Art. 26 is "
                "for mediation that did not succeed): the agreement binds the parties and "
                "its performance continues (PML Art. 31).",
            )
        )
    if not str(s.body.get("reason") or "").strip():
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Closing a case states why, and the parties are told of their other "
                "remedies (PML Art. 26).",
            )
        )


# -- by parties and mediator ----------------------------------------------------------


def _session_acknowledged(state: CaseState, s: Statement) -> None:
    session = state.sessions.get(s.body.get("session_id", ""))
    if session is None:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "There is no such session record."))
    if state.party_by_key(s.actor) is None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Only a party acknowledges a session record, with their own key."
            )
        )


def _agreement_signed(state: CaseState, s: Statement) -> None:
    agreement = state.agreements.get(s.body.get("agreement_id", ""))
    latest = agreement.latest if agreement else None
    if agreement is None or latest is None:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "There is no such agreement to sign."))
    if s.body.get("version") != latest.number or s.body.get("content_hash") != latest.hash:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Version {v} is no longer the one proposed: the agreement changed, so "
                "earlier signatures no longer count. Sign version {latest} (online mediation "
                "rules Art. 19).",
            ),
            v=s.body.get("version"),
            latest=latest.number,
        )
    if s.actor not in state.signers_needed(agreement):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the parties named in the agreement and the mediator sign it (PML Art. 29).",
            )
        )
    if s.actor in agreement.signatures.get(latest.number, {}):
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "You have already signed this version."))


def _effective(state: CaseState, s: Statement) -> Any:
    agreement = state.agreements.get(s.body.get("agreement_id", ""))
    if agreement is None or agreement.effective is None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The agreement is not in effect yet: every party and the mediator "
                "must sign it first (online mediation rules Art. 19).",
            )
        )
    return agreement


def _obligation(state: CaseState, s: Statement) -> dict[str, Any]:
    agreement = _effective(state, s)
    for ob in agreement.effective.content["obligations"]:
        if ob["id"] == s.body.get("obligation_id"):
            return ob
    raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "The agreement has no such obligation."))


def _performance_confirmed(state: CaseState, s: Statement) -> None:
    ob = _obligation(state, s)
    if state.parties[ob["obligee"]].key != s.actor:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the obligee confirms that an obligation was performed "
                "(PML Art. 31: the committee supervises performance).",
            )
        )
    amount = s.body.get("amount_fen")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A confirmed amount is a positive number of fen."))


def _performance_reported(state: CaseState, s: Statement) -> None:
    ob = _obligation(state, s)
    amount = s.body.get("amount_fen")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A reported amount is a whole number of fen."))
    if state.parties[ob["obligor"]].key != s.actor:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "Only the obligor reports their own performance."))
    if s.body.get("documents"):
        check_documents(s.body["documents"])


def _performance_disputed(state: CaseState, s: Statement) -> None:
    ob = _obligation(state, s)
    if state.parties[ob["obligee"]].key != s.actor:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Only the obligee disputes a reported performance (PML Art. 32)."
            )
        )


def _confirmation_applied(state: CaseState, s: Statement) -> None:
    agreement = _effective(state, s)
    if state.party_by_key(s.actor) is None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Judicial confirmation is applied for by the parties jointly "
                "(PML Art. 33; CPL Art. 205).",
            )
        )
    limit = confirmation_deadline(state, agreement.id)
    if limit is not None and s.moment >= limit:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The 30 days for applying for judicial confirmation ended on {date} "
                "(PML Art. 33; CPL Art. 205).",
            ),
            date=str(confirmation_last_day(state, agreement.id)),
        )


def _confirmation_ruled(state: CaseState, s: Statement) -> None:
    agreement = _effective(state, s)
    if s.actor in state.signers_everyone():
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the court rules on judicial confirmation (CPL Art. 206); a party or "
                "the mediator cannot.",
            )
        )
    body = s.body
    if (
        body.get("content_hash") != agreement.effective_hash
        or not isinstance(body.get("valid"), bool)
        or not str(body.get("court") or "").strip()
    ):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A ruling names the court, the agreement version in effect and whether it "
                "is valid (CPL Art. 206).",
            )
        )


def _enforcement_requested(state: CaseState, s: Statement) -> None:
    _effective(state, s)
    body = s.body
    key = (body.get("agreement_id"), body.get("obligation_id"), body.get("instalment"))
    if key in state.enforcement:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Enforcement for this instalment was already requested on {time}."
            ),
            time=state.enforcement[key]["time"],
        )
    match = [
        d
        for d in defaults(state, s.moment)
        if d.obligation_id == body.get("obligation_id") and d.instalment == body.get("instalment")
    ]
    if not match:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "There is no missed deadline for this obligation at {time}: enforcement "
                "can be requested only after non-performance (SPC Opinions item 14).",
            ),
            time=s.time,
        )
    ob = _obligation(state, s)
    obligee = state.parties[ob["obligee"]].key
    if body.get("rule") == DEFAULT_RULE:
        # Only the chain files automatically, and only exactly what the rule computes:
        # neither a party nor the mediator can spend the one automatic filing.
        expected = [
            b
            for b in automatic_filings(state, s.moment)
            if (b["obligation_id"], b["instalment"])
            == (body.get("obligation_id"), body.get("instalment"))
        ]
        if s.actor in state.signers_everyone() or not expected or expected[0] != body:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "An automatic filing is made by the chain's contract rule alone, with "
                    "the amounts the rule computes (SPC Opinions item 14).",
                )
            )
        return
    if s.actor != obligee:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the obligee applies for enforcement, unless every party consented "
                "in the agreement to automatic filing (SPC Opinions item 14).",
            )
        )


# -- the trigger ----------------------------------------------------------------------


def due(state: CaseState, now: datetime) -> list[Trigger]:
    """The statements the node appends now: the automatic filings of ``automatic_filings``."""
    if not state.opened_by or state.closed is not None:
        return []
    return [
        Trigger(t.ENFORCEMENT_REQUESTED, state.id, body, DEFAULT_RULE)
        for body in automatic_filings(state, now)
    ]


def automatic_filings(state: CaseState, now: datetime) -> list[dict[str, Any]]:
    """The filings the contract rule makes now (SPC Opinions item 14): one per missed
    instalment of an agreement whose parties all consented in its text, unless the obligor
    reported performing it and the obligee has not disputed that report.

    The filing is for enforcement when a court confirmed the agreement (PML Art. 33, CPL
    Art. 206), otherwise for trial: a dispute over an unconfirmed agreement goes to court
    (PML Art. 32). "Trial or enforcement filing" is the Opinions' own wording.
    """
    bodies = []
    for d in defaults(state, now):
        agreement = state.agreements[d.agreement_id]
        if not agreement.consents_to_filing:
            continue
        if (d.agreement_id, d.obligation_id, d.instalment) in state.enforcement:
            continue
        if state.reported_undisputed(d.agreement_id, d.obligation_id) + d.paid_fen >= d.due_fen:
            continue  # the obligee must answer the obligor's report first
        confirmed = state.confirmed_by_court(d.agreement_id)
        bodies.append(
            {
                "agreement_id": d.agreement_id,
                "version": d.version,
                "content_hash": d.content_hash,
                "obligation_id": d.obligation_id,
                "instalment": d.instalment,
                "due_fen": d.due_fen,
                "paid_fen": d.paid_fen,
                "deadline": d.deadline,
                "filing": "enforcement" if confirmed else "trial",
                "rule": DEFAULT_RULE,
                "basis": "SPC Opinions on blockchain judicial applications, item 14",
            }
        )
    return bodies


# Each mediation type and the rule that checks it: the node and the desk both run this table
# (through ``ledger.domain.Registry``, which first keeps personal numbers off the chain).
RULES: dict[str, Check] = {
    t.CASE_OPENED: _opened,
    t.PARTY_ADDED: _in_open_case(_party_added),
    t.DISCLOSURE: _in_open_case(_disclosure),
    t.SESSION_RECORDED: _in_open_case(_session_recorded),
    t.SESSION_ACKNOWLEDGED: _in_open_case(_session_acknowledged),
    t.AGREEMENT_PROPOSED: _in_open_case(_agreement_proposed),
    t.AGREEMENT_SIGNED: _in_open_case(_agreement_signed),
    t.PERFORMANCE_REPORTED: _in_open_case(_performance_reported),
    t.PERFORMANCE_CONFIRMED: _in_open_case(_performance_confirmed),
    t.PERFORMANCE_DISPUTED: _in_open_case(_performance_disputed),
    t.CONFIRMATION_APPLIED: _in_open_case(_confirmation_applied),
    t.CONFIRMATION_RULED: _in_open_case(_confirmation_ruled),
    t.ENFORCEMENT_REQUESTED: _in_open_case(_enforcement_requested),
    t.CASE_CLOSED: _in_open_case(_case_closed),
}
assert set(RULES) == t.ALL

# Only a court rules on judicial confirmation (CPL Art. 206): a key enrolled as judge.
ROLES: dict[str, frozenset[str]] = {t.CONFIRMATION_RULED: frozenset({"judge"})}
