"""The mediation contract rules: run by the app before signing and by the node before
sequencing (ARCHITECTURE.md, "one implementation, two enforcement points").

``RULES`` maps each mediation statement type to the rule that checks it against the case's state
(refusing, with the article, what breaks a rule); ``due`` lists the enforcement filings the node
must append now (SPC Opinions on blockchain judicial applications, item 14: an agreement that is
not performed triggers enforcement filing through business rules and smart contracts).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from casework.typed import Typed, to_json
from ledger.contract import ContractViolation, Trigger
from ledger.domain import Check
from ledger.errors import QT_TRANSLATE_NOOP
from mediation import bodies as b
from mediation import types as t
from mediation.agreement import CONTEXT, unknown_parties
from mediation.bodies import DEFAULT_RULE, RULE, refuse
from mediation.case import (
    Agreement,
    CaseState,
    defaults,
)

__all__ = ["DEFAULT_RULE", "ROLES", "RULE", "RULES", "automatic_filings", "due", "refuse"]


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

    def check(state: CaseState, statement: Typed[Any]) -> None:
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
                time=state.closed.time,
            )
        rule(state, statement)

    return check


# -- by the mediator ------------------------------------------------------------------


def _require_mediator(state: CaseState, s: Typed[Any]) -> None:
    if s.actor != state.mediator:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the case's mediator may do this (PML Art. 27: the mediator keeps "
                "the records).",
            )
        )


def _opened(state: CaseState, s: Typed[b.CaseOpened]) -> None:
    if not s.case:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A case needs a case number."))
    if state.opened_by:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "This case is already open."))
    keys: set[str] = set()
    for party in s.body.parties:
        if party.key:
            if party.key in keys or party.key == s.actor:
                raise _shared_key()
            keys.add(party.key)


def _party_added(state: CaseState, s: Typed[b.PartyAdded]) -> None:
    _require_mediator(state, s)
    party = s.body.party
    existing = state.parties.get(party.id)
    others = state.signers_everyone() - ({existing.key} if existing and existing.key else set())
    if party.key and party.key in others:
        raise _shared_key()
    if existing is not None and existing.key and existing.key != party.key:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A party's key cannot be replaced in a case once given. A party who knows "
                "their key may be compromised stops using it and tells the parties concerned "
                "at once (Electronic Signature Law Art. 15).",
            )
        )


def _disclosure(state: CaseState, s: Typed[b.Disclosure]) -> None:
    _require_mediator(state, s)


def _session_recorded(state: CaseState, s: Typed[b.SessionRecorded]) -> None:
    _require_mediator(state, s)
    if s.body.session_id in state.sessions:
        raise refuse(b.NEW_SESSION)
    for item in s.body.said:
        if item.party not in state.parties:
            raise refuse(b.SPOKEN)


def _agreement_proposed(state: CaseState, s: Typed[b.AgreementProposed]) -> None:
    _require_mediator(state, s)
    body = s.body
    agreement = state.agreements.get(body.agreement_id)
    expected = 1 if agreement is None or agreement.latest is None else agreement.latest.number + 1
    if agreement is not None and agreement.effective_hash is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "This agreement is already in effect and binding (PML Art. 31); it "
                "cannot be changed. Disputes over it go to court (PML Art. 32).",
            )
        )
    if body.version != expected:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The next version of this agreement is {n}."), n=expected
        )
    # the parse found the text complete; whether it names this case's parties is asked here
    missing = unknown_parties(body.content.parties, set(state.parties))
    if missing:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The agreement is incomplete: {items}"),
            items=" ".join(f.text() for f in missing),
        )
    keyless = [p.name for p in state.keyless(body.content.parties)]
    if keyless:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "{names} cannot sign yet: each party signs with their own key (online "
                "mediation rules Art. 19). Add their key to the case first.",
            ),
            names=", ".join(keyless),
        )


def _case_closed(state: CaseState, s: Typed[b.CaseClosed]) -> None:
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


# -- by parties and mediator ----------------------------------------------------------


def _session_acknowledged(state: CaseState, s: Typed[b.SessionAcknowledged]) -> None:
    if s.body.session_id not in state.sessions:
        raise refuse(b.NO_SESSION)
    if state.party_by_key(s.actor) is None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Only a party acknowledges a session record, with their own key."
            )
        )


def _agreement_signed(state: CaseState, s: Typed[b.AgreementSigned]) -> None:
    agreement = state.agreements.get(s.body.agreement_id)
    latest = agreement.latest if agreement else None
    if agreement is None or latest is None:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "There is no such agreement to sign."))
    if s.body.version != latest.number or s.body.content_hash != latest.hash:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Version {v} is no longer the one proposed: the agreement changed, so "
                "earlier signatures no longer count. Sign version {latest} (online mediation "
                "rules Art. 19).",
            ),
            v=s.body.version,
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


def _effective(state: CaseState, agreement_id: str) -> Agreement:
    agreement = state.agreements.get(agreement_id)
    if agreement is None or agreement.effective is None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The agreement is not in effect yet: every party and the mediator "
                "must sign it first (online mediation rules Art. 19).",
            )
        )
    return agreement


def _obligation(state: CaseState, agreement_id: str, obligation_id: str) -> b.Obligation:
    version = _effective(state, agreement_id).effective
    found = version.content.obligation(obligation_id) if version is not None else None
    if found is None:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "The agreement has no such obligation."))
    return found


def _performance_confirmed(state: CaseState, s: Typed[b.PerformanceConfirmed]) -> None:
    ob = _obligation(state, s.body.agreement_id, s.body.obligation_id)
    if state.parties[ob.obligee].key != s.actor:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the obligee confirms that an obligation was performed "
                "(PML Art. 31: the committee supervises performance).",
            )
        )


def _performance_reported(state: CaseState, s: Typed[b.PerformanceReported]) -> None:
    ob = _obligation(state, s.body.agreement_id, s.body.obligation_id)
    if state.parties[ob.obligor].key != s.actor:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "Only the obligor reports their own performance."))


def _performance_disputed(state: CaseState, s: Typed[b.PerformanceDisputed]) -> None:
    ob = _obligation(state, s.body.agreement_id, s.body.obligation_id)
    if state.parties[ob.obligee].key != s.actor:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the obligee disputes the obligor's report of performance. Either party "
                "may take a dispute over performance or over the agreement to court "
                "(PML Art. 32).",
            )
        )


def _confirmation_applied(state: CaseState, s: Typed[b.ConfirmationApplied]) -> None:
    _effective(state, s.body.agreement_id)
    if state.party_by_key(s.actor) is None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Judicial confirmation is applied for by the parties jointly "
                "(PML Art. 33; CPL Art. 205).",
            )
        )
    # An application after the 30 days (PML Art. 33; CPL Art. 205) is accepted and recorded as
    # late (``CaseState.confirmation_late``), not refused: a period may be extended on a proper
    # reason (CPL Art. 86), and whether to accept it is the court's decision, not the chain's.


def _confirmation_ruled(state: CaseState, s: Typed[b.ConfirmationRuled]) -> None:
    agreement = _effective(state, s.body.agreement_id)
    if s.actor in state.signers_everyone():
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the court rules on judicial confirmation (CPL Art. 206); a party or "
                "the mediator cannot.",
            )
        )
    if s.body.content_hash != agreement.effective_hash:
        raise refuse(b.RULING)


def _enforcement_requested(state: CaseState, s: Typed[b.EnforcementRequested]) -> None:
    body = s.body
    _effective(state, body.agreement_id)
    filed = state.enforcement.get(body.key)
    if filed is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Enforcement for this instalment was already requested on {time}."
            ),
            time=filed.time,
        )
    match = [
        d
        for d in defaults(state, s.moment)
        if d.obligation_id == body.obligation_id and d.instalment == body.instalment
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
    ob = _obligation(state, body.agreement_id, body.obligation_id)
    obligee = state.parties[ob.obligee].key
    if body.rule is b.FilingRule.AUTOMATIC:
        # Only the chain files automatically, and only exactly what the rule computes:
        # neither a party nor the mediator can spend the one automatic filing.
        expected = [
            f
            for f in automatic_filings(state, s.moment)
            if (f.obligation_id, f.instalment) == (body.obligation_id, body.instalment)
        ]
        differs = not expected or expected[0] != body or s.members is not None
        if s.actor in state.signers_everyone() or differs:
            raise refuse(b.AUTOMATIC_ONLY)
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
        Trigger(t.ENFORCEMENT_REQUESTED, state.id, to_json(body), DEFAULT_RULE)
        for body in automatic_filings(state, now)
    ]


def automatic_filings(state: CaseState, now: datetime) -> list[b.EnforcementRequested]:
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
            b.EnforcementRequested(
                agreement_id=d.agreement_id,
                obligation_id=d.obligation_id,
                instalment=d.instalment,
                rule=b.FilingRule.AUTOMATIC,
                version=d.version,
                content_hash=d.content_hash,
                due_fen=d.due_fen,
                paid_fen=d.paid_fen,
                deadline=d.deadline,
                filing=b.FilingKind.ENFORCEMENT if confirmed else b.FilingKind.TRIAL,
                basis="SPC Opinions on blockchain judicial applications, item 14",
            )
        )
    return bodies


# Each mediation type and the rule that checks it: the node and the desk both run this table
# (through ``ledger.domain.Registry``, which first keeps personal numbers off the chain and
# types the body with ``mediation.bodies.parse``).
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
