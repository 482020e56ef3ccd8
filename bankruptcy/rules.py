"""The claims procedure's contract rules (Enterprise Bankruptcy Law; SPC Interpretation III):
run by the app before signing and by the node before sequencing.

``RULES`` maps each bankruptcy statement type to the rule that checks it against the case's
state, refusing with the article what breaks a rule; ``ROLES`` names the enrolled roles a type
needs (the node checks them before the rule). The rules compare keys with the case's: the judge
who accepted it, the administrator it appointed, the creditors the administrator invited and
the debtor's representative.

Days are calendar days in China (the court's zone), counted as the Civil Code counts them
(Art. 201: the first day is not counted; Art. 202: months end on the corresponding day). A
last day on a public holiday (Art. 203) is not moved here: the court chose the dates.
"""

from __future__ import annotations

from typing import Any

from bankruptcy import types as t
from bankruptcy.bodies import CONTEXT, RULE, refuse
from bankruptcy.state import (
    CaseState,
    Claim,
    earliest_filing_end,
    latest_announcement,
    latest_filing_end,
    latest_first_meeting,
    next_table,
)
from casework.typed import Typed
from ledger.canonical import MAX_SAFE_INTEGER
from ledger.domain import Check
from ledger.errors import QT_TRANSLATE_NOOP

__all__ = ["ROLES", "RULE", "RULES"]


def _in_case(rule: Check, *, admits: bool = False) -> Check:
    """Every statement but the acceptance needs a case the court accepted. Only the acceptance
    and an invitation (``admits``) make keys members: a declaration or an objection that named
    members would open the claim table to strangers."""

    def check(state: CaseState, statement: Typed[Any]) -> None:
        if state.accepted is None:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The court has not accepted this case: a judge accepts it first "
                    "(Enterprise Bankruptcy Law Art. 10, 45).",
                )
            )
        if statement.members is not None and not admits:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Only the court's acceptance and the administrator's invitation make keys "
                    "members of a bankruptcy case.",
                )
            )
        rule(state, statement)

    return check


def _require_administrator(state: CaseState, s: Typed[Any]) -> None:
    if s.actor != state.administrator:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the case's administrator may do this (Enterprise Bankruptcy Law "
                "Art. 25, 57: the administrator registers and reviews claims).",
            )
        )


def _require_judge(state: CaseState, s: Typed[Any]) -> None:
    if s.actor != state.judge:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Only the court that accepted the case rules on it (Enterprise Bankruptcy "
                "Law Art. 58(2), 59(2)).",
            )
        )


def _claim(state: CaseState, claim_id: str) -> Claim:
    claim = state.claims.get(claim_id)
    if claim is None:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "There is no claim {claim} in this case."), claim=claim_id
        )
    return claim


# -- 1. acceptance (Art. 45, 62) --------------------------------------------------------------


def _accepted(state: CaseState, s: Typed[t.CaseAccepted]) -> None:
    body = s.body
    if state.accepted is not None:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "The court has already accepted this case."))
    if not s.case:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A case needs a case number."))
    if body.administrator == s.actor or body.debtor_key in (s.actor, body.administrator):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The judge, the administrator and the debtor each sign with a key of their "
                "own (Electronic Signature Law Art. 13).",
            )
        )
    wanted = {body.administrator} | ({body.debtor_key} if body.debtor_key else set())
    if set(s.members or ()) != wanted:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The acceptance makes the administrator (and the debtor's representative, if "
                "named) members of the case, and no one else: creditors join by the "
                "administrator's invitation.",
            )
        )
    if not body.accepted <= body.announced <= latest_announcement(body.accepted):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The court announces the case within twenty-five days of accepting it "
                "(Enterprise Bankruptcy Law Art. 14): between {accepted} and {latest}.",
            ),
            accepted=body.accepted_on,
            latest=latest_announcement(body.accepted).isoformat(),
        )
    earliest, latest = earliest_filing_end(body.announced), latest_filing_end(body.announced)
    if not earliest <= body.filing_ends <= latest:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The claim-filing period runs at least thirty days and at most three months "
                "from the announcement (Enterprise Bankruptcy Law Art. 45): it ends between "
                "{earliest} and {latest}.",
            ),
            earliest=earliest.isoformat(),
            latest=latest.isoformat(),
        )
    if not body.filing_ends < body.first_meeting <= latest_first_meeting(body.filing_ends):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The first creditors' meeting is held within fifteen days after the "
                "claim-filing period ends (Enterprise Bankruptcy Law Art. 62): between the day "
                "after {ends} and {latest}.",
            ),
            ends=body.filing_ends_on,
            latest=latest_first_meeting(body.filing_ends).isoformat(),
        )


# -- 2. joining -------------------------------------------------------------------------------


def _invited(state: CaseState, s: Typed[t.CreditorsInvited]) -> None:
    _require_administrator(state, s)
    keys = [c.key for c in s.body.creditors]
    if len(set(keys)) != len(keys) or any(state.takes_part(key) for key in keys):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Each creditor joins once, with a key of its own: a key already in the case "
                "cannot be invited again.",
            )
        )
    if set(s.members or ()) != set(keys):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "An invitation makes exactly the invited creditors' keys members of the case.",
            )
        )


# -- 3. declaration (Art. 46, 49-51, 56; Interp. III Art. 6) -------------------------------------


def _declared(state: CaseState, s: Typed[t.ClaimDeclared]) -> None:
    body = s.body
    if s.actor not in state.creditors:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A claim is declared by its creditor, or the creditor's agent, with their own "
                "key (Enterprise Bankruptcy Law Art. 48-49); the administrator invites the "
                "creditor into the case first.",
            )
        )
    claim = state.claims.get(body.claim_id)
    if claim is not None and claim.owner != s.actor:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Claim {claim} was declared by another creditor: only its own creditor amends "
                "it (Enterprise Bankruptcy Law Art. 49).",
            ),
            claim=body.claim_id,
        )
    expected = 1 if claim is None else max(claim.declarations) + 1
    if body.version != expected:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "An amended declaration is a new version: the next version of claim {claim} "
                "is {n}.",
            ),
            claim=body.claim_id,
            n=expected,
        )
    if claim is not None and claim.court_confirmed is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Claim {claim} was confirmed by the court's ruling {ruling} (Enterprise "
                "Bankruptcy Law Art. 58(2)); it is no longer amended by declaration.",
            ),
            claim=body.claim_id,
            ruling=claim.ruling,
        )
    most = claim.most_fen if claim is not None else 0
    if state.ceiling_fen - most + max(most, body.total_fen) > MAX_SAFE_INTEGER:
        # a claim table's totals are JSON integers, exact only up to 2^53 - 1 (RFC 8785): a
        # declaration that could push them past it would stop every table from being published
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The claims of this case would together exceed {limit} fen, the largest amount "
                "the chain records exactly; check the amounts declared.",
            ),
            limit=MAX_SAFE_INTEGER,
        )
    assert state.accepted is not None
    accepted = state.accepted.body
    if body.interest_until is not None and body.interest_until > accepted.accepted_on:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Interest stops running when the court accepts the case, on {date} "
                "(Enterprise Bankruptcy Law Art. 46): declare interest up to that day.",
            ),
            date=accepted.accepted_on,
        )
    # A late declaration (after the filing period) is accepted and flagged in the state
    # (Art. 56) until the final distribution, which this step of the procedure does not reach.


# -- 4. review (Art. 57; Interp. III Art. 6) ------------------------------------------------------


def _reviewed(state: CaseState, s: Typed[t.ClaimReviewed]) -> None:
    _require_administrator(state, s)
    body = s.body
    claim = _claim(state, body.claim_id)
    latest = max(claim.declarations)
    if body.declaration != latest:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A review answers the claim's current declaration, version {n} (Enterprise "
                "Bankruptcy Law Art. 57).",
            ),
            n=latest,
        )
    if body.review != claim.review_version + 1:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The next review of claim {claim} is version {n}."),
            claim=body.claim_id,
            n=claim.review_version + 1,
        )
    if claim.court_confirmed is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Claim {claim} was confirmed by the court's ruling {ruling} (Enterprise "
                "Bankruptcy Law Art. 58(2)); the administrator no longer reviews it.",
            ),
            claim=body.claim_id,
            ruling=claim.ruling,
        )
    declared = claim.declarations[latest]
    for item in body.items:
        asked = declared.amount(item.item)
        if item.amount_fen > asked:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The review confirms {amount} fen of {item} where {asked} fen were "
                    "declared: a review never confirms more than the creditor declared "
                    "(Enterprise Bankruptcy Law Art. 57).",
                ),
                amount=item.amount_fen,
                item=item.item.value,
                asked=asked,
            )
        if item.outcome is t.Outcome.CONFIRMED and item.amount_fen != asked:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "An amount confirmed is the amount declared ({asked} fen of {item}); "
                    "a different amount is an adjustment, with its reason (Interpretation III "
                    "Art. 6).",
                ),
                asked=asked,
                item=item.item.value,
            )


# -- 5. the claim table (Art. 57) ---------------------------------------------------------------


def _table(state: CaseState, s: Typed[t.TablePublished]) -> None:
    _require_administrator(state, s)
    expected = next_table(state)
    if s.body.table != expected.table:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The next version of the claim table is {n}."),
            n=expected.table,
        )
    if s.body != expected:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The claim table differs from the reviews on the chain: it lists {claims} "
                "claims with row hash {hash}; recomputed from the chain it lists {expected} "
                "with {expected_hash}, and totals per group must match too (Enterprise "
                "Bankruptcy Law Art. 57).",
            ),
            claims=s.body.claims,
            hash=s.body.rows_hash[:12],
            expected=expected.claims,
            expected_hash=expected.rows_hash[:12],
        )


# -- 6. objections (Art. 58; Interp. III Art. 8) ------------------------------------------------


def _objection(state: CaseState, s: Typed[t.ObjectionRaised]) -> None:
    body = s.body
    if s.actor not in state.creditors and s.actor != state.debtor_key:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "An objection to the claim table is raised by a creditor or the debtor "
                "(Enterprise Bankruptcy Law Art. 58).",
            )
        )
    if body.objection_id in state.objections:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "An objection needs a new identifier."))
    table = state.tables.get(body.table)
    if table is None or body.claim_id not in table.rows:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "An objection is to a row of a published claim table: table {table} lists no "
                "claim {claim} (Enterprise Bankruptcy Law Art. 58).",
            ),
            table=body.table,
            claim=body.claim_id,
        )
    claim = state.claims[body.claim_id]
    if claim.court_confirmed is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Claim {claim} was confirmed by the court's ruling {ruling}: the time for "
                "objecting to its row has passed (Enterprise Bankruptcy Law Art. 58(2)).",
            ),
            claim=body.claim_id,
            ruling=claim.ruling,
        )
    if table.rows[body.claim_id] != claim.review_version:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Claim {claim} was reviewed again after table {table}: object to the row "
                "that lists its current review.",
            ),
            claim=body.claim_id,
            table=body.table,
        )


def _answered(state: CaseState, s: Typed[t.ObjectionAnswered]) -> None:
    _require_administrator(state, s)
    body = s.body
    objection = state.objections.get(body.objection_id)
    if objection is None:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "There is no such objection."))
    if objection.answer is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "This objection was answered on {time}."),
            time=objection.answer.time,
        )
    if body.answer is t.Answer.ADJUSTED:
        claim = state.claims[objection.claim_id]
        if body.review != claim.review_version or claim.review_version <= objection.review:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "An adjustment is made by a new review of the claim, signed first; the "
                    "answer names it (Interpretation III Art. 8).",
                )
            )


# -- 7. the court (Art. 58(2), 59(2)) ---------------------------------------------------------


def _confirmed(state: CaseState, s: Typed[t.ClaimsConfirmed]) -> None:
    _require_judge(state, s)
    body = s.body
    table = state.tables.get(body.table)
    if table is None:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "There is no claim table {table}."), table=body.table
        )
    for claim_id in body.claims:
        claim = state.claims.get(claim_id)
        if claim is None or claim_id not in table.rows:
            raise refuse(
                QT_TRANSLATE_NOOP(CONTEXT, "Table {table} lists no claim {claim}."),
                table=body.table,
                claim=claim_id,
            )
        if table.rows[claim_id] != claim.review_version or not claim.current:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Claim {claim} changed after table {table} (a new declaration or review): "
                    "the court confirms the row as it stands (Enterprise Bankruptcy Law "
                    "Art. 58(2)).",
                ),
                claim=claim_id,
                table=body.table,
            )
        if state.disputed(claim):
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Claim {claim} is disputed: only rows no creditor or the debtor objected to "
                    "are confirmed by ruling; a disputed claim goes to a lawsuit (Enterprise "
                    "Bankruptcy Law Art. 58(2)-(3); Interpretation III Art. 8).",
                ),
                claim=claim_id,
            )
        if claim.court_confirmed is not None:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "Claim {claim} was already confirmed by ruling {ruling}."
                ),
                claim=claim_id,
                ruling=claim.ruling,
            )


def _provisional(state: CaseState, s: Typed[t.ProvisionalSet]) -> None:
    _require_judge(state, s)
    claim = _claim(state, s.body.claim_id)
    if claim.court_confirmed is not None:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Claim {claim} is determined (confirmed by ruling {ruling}); a provisional "
                "amount is set only for a claim not yet determined (Enterprise Bankruptcy Law "
                "Art. 59(2)).",
            ),
            claim=claim.id,
            ruling=claim.ruling,
        )
    declared = claim.declaration.total_fen
    if s.body.amount_fen > declared:
        # the court sets an amount for voting on what was claimed, never beyond it
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A provisional amount for voting is at most the {declared} fen declared "
                "(Enterprise Bankruptcy Law Art. 59(2)).",
            ),
            declared=declared,
        )


# Each bankruptcy type and the rule that checks it: the node and the desk both run this table
# (through ``ledger.domain.Registry``, which first keeps personal numbers off the chain and types
# the body with ``bankruptcy.bodies.parse``).
RULES: dict[str, Check] = {
    t.CASE_ACCEPTED: _accepted,
    t.CREDITORS_INVITED: _in_case(_invited, admits=True),
    t.CLAIM_DECLARED: _in_case(_declared),
    t.CLAIM_REVIEWED: _in_case(_reviewed),
    t.TABLE_PUBLISHED: _in_case(_table),
    t.OBJECTION_RAISED: _in_case(_objection),
    t.OBJECTION_ANSWERED: _in_case(_answered),
    t.CLAIMS_CONFIRMED: _in_case(_confirmed),
    t.PROVISIONAL_SET: _in_case(_provisional),
}
assert set(RULES) == t.ALL

# The enrolled role each type needs (the node checks it before the rule). The debtor's
# representative enrols as a party: ledger.statement.ROLES has no debtor role.
_ADMINISTRATOR = frozenset({"administrator"})
_JUDGE = frozenset({"judge"})
ROLES: dict[str, frozenset[str]] = {
    t.CASE_ACCEPTED: _JUDGE,
    t.CREDITORS_INVITED: _ADMINISTRATOR,
    t.CLAIM_DECLARED: frozenset({"creditor"}),
    t.CLAIM_REVIEWED: _ADMINISTRATOR,
    t.TABLE_PUBLISHED: _ADMINISTRATOR,
    t.OBJECTION_RAISED: frozenset({"creditor", "party"}),
    t.OBJECTION_ANSWERED: _ADMINISTRATOR,
    t.CLAIMS_CONFIRMED: _JUDGE,
    t.PROVISIONAL_SET: _JUDGE,
}
