"""The statement types of the bankruptcy claims procedure and their typed bodies.

Each type is dotted under ``bankruptcy.`` (PROTOCOL.md section 1). A body is parsed once
(``bankruptcy.bodies.parse``, the domain's ``Domain.parse``) into one of the frozen dataclasses
below; the rules and the reducer see only those. Dates the law counts in (the filing period,
the first meeting, interest up to acceptance) are ``YYYY-MM-DD`` strings in China's calendar,
kept as signed; the properties give them as ``date``. Money is integer fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casework.typed import Document

PREFIX = "bankruptcy."

CASE_ACCEPTED = "bankruptcy.case.accepted"  # by a judge: the court accepts the case (Art. 45)
CREDITORS_INVITED = "bankruptcy.creditors.invited"  # by the administrator: keys join the case
CLAIM_DECLARED = "bankruptcy.claim.declared"  # by a creditor or its agent (Art. 49), versioned
CLAIM_REVIEWED = "bankruptcy.claim.reviewed"  # by the administrator (Art. 57), versioned
TABLE_PUBLISHED = "bankruptcy.table.published"  # 债权表, by the administrator (Art. 57)
OBJECTION_RAISED = "bankruptcy.objection.raised"  # by a creditor or the debtor (Art. 58)
OBJECTION_ANSWERED = "bankruptcy.objection.answered"  # by the administrator (Interp. III Art. 8)
CLAIMS_CONFIRMED = "bankruptcy.claims.confirmed"  # the court's ruling (Art. 58(2))
PROVISIONAL_SET = "bankruptcy.claim.provisional"  # the court's amount for voting (Art. 59(2))

ALL = frozenset(
    {
        CASE_ACCEPTED,
        CREDITORS_INVITED,
        CLAIM_DECLARED,
        CLAIM_REVIEWED,
        TABLE_PUBLISHED,
        OBJECTION_RAISED,
        OBJECTION_ANSWERED,
        CLAIMS_CONFIRMED,
        PROVISIONAL_SET,
    }
)


# -- choices ------------------------------------------------------------------------------


class PartyKind(StrEnum):
    """A natural person is shown by masked name; an organisation by its name."""

    PERSON = "person"
    ORGANISATION = "organisation"


class Nature(StrEnum):
    """A claim's nature (Interp. III Art. 6: the review covers it)."""

    ORDINARY = "ordinary"
    SECURED = "secured"  # on the debtor's specific property (Art. 49, 109)
    TAX = "tax"  # Art. 82(3), 113(2)
    SOCIAL_INSURANCE = "social_insurance"  # other than employees' own accounts: Art. 113(2)
    EMPLOYEE_WAGES = "employee_wages"  # Art. 48, 82(2), 113(1)


class Group(StrEnum):
    """The voting groups of Art. 82."""

    SECURED = "secured"
    EMPLOYEE = "employee"
    TAX = "tax"
    ORDINARY = "ordinary"


def group_of(nature: Nature) -> Group:
    """Art. 82: (1) secured, (2) employees, (3) taxes, (4) ordinary. Social-insurance arrears
    that are not employees' own accounts rank with taxes (Art. 113(2))."""
    return {
        Nature.SECURED: Group.SECURED,
        Nature.EMPLOYEE_WAGES: Group.EMPLOYEE,
        Nature.TAX: Group.TAX,
        Nature.SOCIAL_INSURANCE: Group.TAX,
        Nature.ORDINARY: Group.ORDINARY,
    }[nature]


class Item(StrEnum):
    """The amounts of a declaration (Art. 46, 49): reviewed one by one."""

    PRINCIPAL = "principal"
    INTEREST = "interest"  # up to the acceptance of the case (Art. 46)
    OTHER = "other"  # damages, fees and other amounts


class Outcome(StrEnum):
    """The administrator's finding on one amount (Art. 57)."""

    CONFIRMED = "confirmed"
    ADJUSTED = "adjusted"
    REJECTED = "rejected"


class Answer(StrEnum):
    """How the administrator answers an objection (Interp. III Art. 8)."""

    EXPLAINED = "explained"
    ADJUSTED = "adjusted"  # through a new review of the claim


class ClaimStatus(StrEnum):
    """The one word a claim's row shows."""

    DECLARED = "declared"
    CONFIRMED = "confirmed"
    ADJUSTED = "adjusted"
    REJECTED = "rejected"
    DISPUTED = "disputed"
    COURT_CONFIRMED = "court_confirmed"
    PROVISIONAL = "provisional"


# -- bodies -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseAccepted:
    """The court accepts the case (Art. 45, 62). The debtor's unified social credit code
    travels as a hash (``bankruptcy.codes``): an all-digit code reads to the chain's
    personal-data guard as an identity number."""

    court: str
    case_number: str
    debtor_name: str
    debtor_code_hash: str
    administrator: str  # the administrator's verifier key (a member from now on)
    administrator_name: str
    accepted_on: str
    announced_on: str
    filing_ends_on: str
    first_meeting_on: str
    debtor_key: str | None = None  # the debtor's representative, if it takes part

    @property
    def accepted(self) -> date:
        return date.fromisoformat(self.accepted_on)

    @property
    def announced(self) -> date:
        return date.fromisoformat(self.announced_on)

    @property
    def filing_ends(self) -> date:
        return date.fromisoformat(self.filing_ends_on)

    @property
    def first_meeting(self) -> date:
        return date.fromisoformat(self.first_meeting_on)


@dataclass(frozen=True, slots=True)
class Invitee:
    key: str
    name: str
    kind: PartyKind


@dataclass(frozen=True, slots=True)
class CreditorsInvited:
    creditors: tuple[Invitee, ...]


@dataclass(frozen=True, slots=True)
class ClaimDeclared:
    """One version of a claim's declaration (Art. 49; Interp. III Art. 6)."""

    claim_id: str
    version: int
    principal_fen: int
    interest_fen: int
    other_fen: int
    nature: Nature
    secured: bool
    joint: bool  # a joint claim (Art. 49, 50)
    guaranteed: bool  # a guarantor's or guaranteed claim (Art. 51)
    documents: tuple[Document, ...]  # the evidence, by hash (the files stay off the chain)
    collateral: str | None = None  # what secures it, when secured
    interest_until: str | None = None  # the last day interest runs to (Art. 46)
    agent: str | None = None  # the agent's name, when an agent declares
    facts: str | None = None

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen + self.other_fen

    def amount(self, item: Item) -> int:
        return {
            Item.PRINCIPAL: self.principal_fen,
            Item.INTEREST: self.interest_fen,
            Item.OTHER: self.other_fen,
        }[item]


@dataclass(frozen=True, slots=True)
class ReviewItem:
    item: Item
    outcome: Outcome
    amount_fen: int
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimReviewed:
    """One version of the administrator's review of a claim (Art. 57; Interp. III Art. 6)."""

    claim_id: str
    review: int  # this review's version for the claim: 1, 2, ...
    declaration: int  # the declaration version it answers
    items: tuple[ReviewItem, ...]  # principal, interest, other: each once
    nature: Nature  # the nature found (Interp. III Art. 6)
    secured: bool

    @property
    def confirmed_fen(self) -> int:
        return sum(i.amount_fen for i in self.items)

    @property
    def outcome(self) -> Outcome:
        """Confirmed when every item is; rejected when nothing is left; adjusted otherwise."""
        if all(i.outcome is Outcome.CONFIRMED for i in self.items):
            return Outcome.CONFIRMED
        if self.confirmed_fen == 0:
            return Outcome.REJECTED
        return Outcome.ADJUSTED


@dataclass(frozen=True, slots=True)
class GroupTotal:
    group: Group
    claims: int
    declared_fen: int
    confirmed_fen: int


@dataclass(frozen=True, slots=True)
class TablePublished:
    """A version of the claim table (债权表, Art. 57): its rows by hash (any desk recomputes
    them from the chain: ``bankruptcy.state.table_rows``) and the totals per group."""

    table: int
    claims: int
    rows_hash: str
    totals: tuple[GroupTotal, ...]


@dataclass(frozen=True, slots=True)
class ObjectionRaised:
    objection_id: str
    claim_id: str
    table: int  # the table version whose row is objected to
    reasons: str
    legal_basis: str  # Interp. III Art. 8: reasons and legal basis


@dataclass(frozen=True, slots=True)
class ObjectionAnswered:
    objection_id: str
    answer: Answer
    text: str
    review: int | None = None  # the new review that adjusted the claim, when adjusted


@dataclass(frozen=True, slots=True)
class ClaimsConfirmed:
    """The court's ruling confirming undisputed rows of a table version (Art. 58(2))."""

    table: int
    claims: tuple[str, ...]
    ruling: str  # the ruling's number (裁定书)


@dataclass(frozen=True, slots=True)
class ProvisionalSet:
    """The amount the court sets for voting on a claim not yet determined (Art. 59(2))."""

    claim_id: str
    amount_fen: int
    reason: str


Body = (
    CaseAccepted
    | CreditorsInvited
    | ClaimDeclared
    | ClaimReviewed
    | TablePublished
    | ObjectionRaised
    | ObjectionAnswered
    | ClaimsConfirmed
    | ProvisionalSet
)
