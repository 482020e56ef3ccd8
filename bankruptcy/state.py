"""A bankruptcy case's claims as a pure function of its statements: ``apply`` advances it by one.

``apply`` receives each statement typed (``bankruptcy.bodies.parse``) in log order and keeps
typed records, never JSON. The rules (in the app and in the node), the projections and, later,
the documents read a case from this state; nothing here touches a database or a clock.

The claim table (债权表, Art. 57) is recomputed from this state by ``table_rows``: one row per
reviewed claim, from its latest review. A published table carries the hash of those rows and
the totals per group, so any member's desk recomputes it from the chain and the node refuses a
table that differs.
"""

from __future__ import annotations

import hashlib
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bankruptcy import types as t
from casework.days import CHINA_TIME
from casework.typed import Typed
from ledger.canonical import canonical_json

FILING_MIN_DAYS = 30  # Art. 45: 最短不得少于三十日
FILING_MAX_MONTHS = 3  # Art. 45: 最长不得超过三个月
FIRST_MEETING_DAYS = 15  # Art. 62: 债权申报期限届满之日起十五日内
ANNOUNCEMENT_DAYS = 25  # Art. 14: 自裁定受理破产申请之日起二十五日内 ... 予以公告


def add_months(day: date, months: int) -> date:
    """The last day of a period of ``months`` from ``day`` (Civil Code Art. 202: the
    corresponding day of the last month, or that month's last day when it has none)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def latest_filing_end(announced: date) -> date:
    return add_months(announced, FILING_MAX_MONTHS)


def earliest_filing_end(announced: date) -> date:
    # Civil Code Art. 201: the day of the announcement is not counted
    return announced + timedelta(days=FILING_MIN_DAYS)


def latest_announcement(accepted: date) -> date:
    return accepted + timedelta(days=ANNOUNCEMENT_DAYS)


def latest_first_meeting(filing_ends: date) -> date:
    return filing_ends + timedelta(days=FIRST_MEETING_DAYS)


def china_day(s: Typed[Any]) -> date:
    """The calendar day in China (the court's zone) on which a statement was logged."""
    return s.moment.astimezone(CHINA_TIME).date()


@dataclass
class Claim:
    id: str
    owner: str  # the key that declared it; only it amends it
    declared_at: str
    late: bool  # first declared after the filing period (Art. 56)
    declarations: dict[int, t.ClaimDeclared] = field(default_factory=dict)
    reviews: dict[int, t.ClaimReviewed] = field(default_factory=dict)
    court_confirmed: int | None = None  # the review version the court's ruling confirmed
    ruling: str = ""
    provisional_fen: int | None = None  # the court's amount for voting (Art. 59(2))
    objections: list[str] = field(default_factory=list)  # objection ids, in log order
    most_fen: int = 0  # the largest total any of its versions declared

    @property
    def declaration(self) -> t.ClaimDeclared:
        return self.declarations[max(self.declarations)]

    @property
    def review(self) -> t.ClaimReviewed | None:
        return self.reviews[max(self.reviews)] if self.reviews else None

    @property
    def review_version(self) -> int:
        return max(self.reviews, default=0)

    @property
    def current(self) -> bool:
        """The latest review answers the latest declaration."""
        review = self.review
        return review is not None and review.declaration == max(self.declarations)

    @property
    def confirmed_fen(self) -> int | None:
        review = self.review
        return None if review is None else review.confirmed_fen


@dataclass(frozen=True)
class Objection:
    id: str
    claim_id: str
    table: int
    review: int  # the review version of the row objected to
    actor: str
    time: str
    answer: Typed[t.ObjectionAnswered] | None = None


@dataclass(frozen=True)
class Table:
    version: int
    rows: dict[str, int]  # claim id -> the review version listed
    body: t.TablePublished
    time: str


@dataclass
class CaseState:
    id: str
    accepted: Typed[t.CaseAccepted] | None = None
    creditors: dict[str, t.Invitee] = field(default_factory=dict)  # key -> invitee
    claims: dict[str, Claim] = field(default_factory=dict)
    tables: dict[int, Table] = field(default_factory=dict)
    objections: dict[str, Objection] = field(default_factory=dict)
    rulings: list[Typed[t.ClaimsConfirmed]] = field(default_factory=list)
    # the sum of each claim's largest declared total: no claim table's total can exceed it
    ceiling_fen: int = 0

    @property
    def judge(self) -> str:
        return self.accepted.actor if self.accepted else ""

    @property
    def administrator(self) -> str:
        return self.accepted.body.administrator if self.accepted else ""

    @property
    def debtor_key(self) -> str:
        return (self.accepted.body.debtor_key or "") if self.accepted else ""

    @property
    def table(self) -> Table | None:
        return self.tables[max(self.tables)] if self.tables else None

    def takes_part(self, key: str) -> bool:
        """The key is the judge's, the administrator's, the debtor's or an invited creditor's
        (a look-up, not a set of every creditor: a case may invite 100,000 of them)."""
        return key in self.creditors or key in (self.judge, self.administrator, self.debtor_key)

    def disputed(self, claim: Claim) -> bool:
        """An objection stands against the claim's current review: raised to a row listing
        that review and not resolved by a new review (Art. 58; Interp. III Art. 8: an
        objector the explanation did not satisfy may still sue)."""
        version = claim.review_version
        return any(self.objections[o].review == version for o in claim.objections)

    def status(self, claim: Claim) -> t.ClaimStatus:
        review = claim.review
        if claim.court_confirmed is not None and claim.court_confirmed == claim.review_version:
            return t.ClaimStatus.COURT_CONFIRMED
        if claim.provisional_fen is not None:
            return t.ClaimStatus.PROVISIONAL
        if review is not None and self.disputed(claim):
            return t.ClaimStatus.DISPUTED
        if review is None or not claim.current:
            return t.ClaimStatus.DECLARED
        return {
            t.Outcome.CONFIRMED: t.ClaimStatus.CONFIRMED,
            t.Outcome.ADJUSTED: t.ClaimStatus.ADJUSTED,
            t.Outcome.REJECTED: t.ClaimStatus.REJECTED,
        }[review.outcome]


# -- the claim table ------------------------------------------------------------------------


def table_rows(state: CaseState) -> list[list[Any]]:
    """The table's rows as the chain has them: one per reviewed claim, by claim id,
    ``[claim_id, declaration, review, group, declared_fen, confirmed_fen]`` from its latest
    review (the declaration version that review answered)."""
    rows = []
    for claim_id in sorted(state.claims):
        claim = state.claims[claim_id]
        review = claim.review
        if review is None:
            continue
        declared = claim.declarations[review.declaration].total_fen
        group = t.group_of(review.nature)
        rows.append(
            [
                claim_id,
                review.declaration,
                review.review,
                group.value,
                declared,
                review.confirmed_fen,
            ]
        )
    return rows


def rows_hash(rows: list[list[Any]]) -> str:
    return hashlib.sha256(canonical_json({"rows": rows})).hexdigest()


def totals(rows: list[list[Any]]) -> tuple[t.GroupTotal, ...]:
    """Claims, declared and confirmed fen of each group of Art. 82, every group listed."""
    sums = {g: [0, 0, 0] for g in t.Group}
    for row in rows:
        acc = sums[t.Group(row[3])]
        acc[0] += 1
        acc[1] += row[4]
        acc[2] += row[5]
    return tuple(t.GroupTotal(g, *sums[g]) for g in t.Group)


def next_table(state: CaseState) -> t.TablePublished:
    """The table the administrator publishes next, computed from the state (the rule
    recomputes it the same way)."""
    rows = table_rows(state)
    version = max(state.tables, default=0) + 1
    return t.TablePublished(version, len(rows), rows_hash(rows), totals(rows))


# -- the reducer ----------------------------------------------------------------------------


def apply(state: CaseState, s: Any) -> None:
    """Advance ``state`` by one typed statement (``Domain.apply``). A generic statement of the
    case (``document.issued``) comes as it is: it changes nothing here."""
    if isinstance(s, Typed):
        _APPLY[s.type](state, s)


def _accepted(state: CaseState, s: Typed[t.CaseAccepted]) -> None:
    state.accepted = s


def _invited(state: CaseState, s: Typed[t.CreditorsInvited]) -> None:
    for invitee in s.body.creditors:
        state.creditors[invitee.key] = invitee


def _declared(state: CaseState, s: Typed[t.ClaimDeclared]) -> None:
    body = s.body
    claim = state.claims.get(body.claim_id)
    if claim is None:
        late = state.accepted is not None and china_day(s) > state.accepted.body.filing_ends
        claim = Claim(body.claim_id, s.actor, s.time, late)
        state.claims[body.claim_id] = claim
    claim.declarations[body.version] = body
    if body.total_fen > claim.most_fen:
        state.ceiling_fen += body.total_fen - claim.most_fen
        claim.most_fen = body.total_fen


def _reviewed(state: CaseState, s: Typed[t.ClaimReviewed]) -> None:
    claim = state.claims[s.body.claim_id]
    claim.reviews[s.body.review] = s.body  # a court's provisional amount stands (Art. 59(2))


def _table(state: CaseState, s: Typed[t.TablePublished]) -> None:
    rows = {row[0]: row[2] for row in table_rows(state)}
    state.tables[s.body.table] = Table(s.body.table, rows, s.body, s.time)


def _objection(state: CaseState, s: Typed[t.ObjectionRaised]) -> None:
    body = s.body
    review = state.tables[body.table].rows[body.claim_id]
    state.objections[body.objection_id] = Objection(
        body.objection_id, body.claim_id, body.table, review, s.actor, s.time
    )
    state.claims[body.claim_id].objections.append(body.objection_id)


def _answered(state: CaseState, s: Typed[t.ObjectionAnswered]) -> None:
    objection = state.objections[s.body.objection_id]
    state.objections[objection.id] = Objection(
        objection.id,
        objection.claim_id,
        objection.table,
        objection.review,
        objection.actor,
        objection.time,
        s,
    )


def _confirmed(state: CaseState, s: Typed[t.ClaimsConfirmed]) -> None:
    state.rulings.append(s)
    rows = state.tables[s.body.table].rows
    for claim_id in s.body.claims:
        claim = state.claims[claim_id]
        claim.court_confirmed, claim.ruling = rows[claim_id], s.body.ruling
        claim.provisional_fen = None


def _provisional(state: CaseState, s: Typed[t.ProvisionalSet]) -> None:
    state.claims[s.body.claim_id].provisional_fen = s.body.amount_fen


_APPLY = {
    t.CASE_ACCEPTED: _accepted,
    t.CREDITORS_INVITED: _invited,
    t.CLAIM_DECLARED: _declared,
    t.CLAIM_REVIEWED: _reviewed,
    t.TABLE_PUBLISHED: _table,
    t.OBJECTION_RAISED: _objection,
    t.OBJECTION_ANSWERED: _answered,
    t.CLAIMS_CONFIRMED: _confirmed,
    t.PROVISIONAL_SET: _provisional,
}
assert set(_APPLY) == t.ALL
