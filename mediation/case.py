"""A mediation case as a pure function of its statements: ``apply`` advances it by one.

``apply`` receives each statement typed (``mediation.bodies.parse``, the registry's parse), in
log order; the state keeps typed records, never a statement's JSON. The projections, the
contract rules (in the app and in the node) and the documents read a case from this state;
nothing here touches a database or a clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from casework.days import Deadline, period_end
from casework.typed import Typed
from ledger.clock import parse_time
from ledger.statement import Statement
from mediation import bodies as b
from mediation import types as t
from mediation.agreement import due_at

# The days for applying jointly for judicial confirmation (People's Mediation Law Art. 33; CPL
# Art. 205), counted as the Civil Code counts them (``casework.days.period_end``).
CONFIRMATION_DAYS = 30


@dataclass
class Party:
    id: str
    role: b.PartyRole
    kind: b.PartyKind
    name: str
    key: str | None  # the party's verifier key, once known
    id_type: b.IdType = b.IdType.NONE
    id_hash: str = ""  # salted SHA-256 of the identity document number, never the number
    agent: str = ""

    @classmethod
    def of(cls, body: b.PartyBody) -> Party:
        return cls(
            body.id,
            body.role,
            body.kind,
            body.name,
            body.key,
            body.id_type or b.IdType.NONE,
            body.id_hash or "",
            body.agent or "",
        )


@dataclass(frozen=True)
class Version:
    number: int
    content: b.AgreementContent
    hash: str
    proposed_at: str


@dataclass
class Agreement:
    id: str
    versions: dict[int, Version] = field(default_factory=dict)
    # version -> actor -> time: a signature counts for the version it names, so a later
    # version restoring an earlier text still needs every signature again (PML Art. 23(4))
    signatures: dict[int, dict[str, str]] = field(default_factory=dict)
    effective_hash: str | None = None
    effective_number: int | None = None
    effective_at: str | None = None

    @property
    def latest(self) -> Version | None:
        return self.versions[max(self.versions)] if self.versions else None

    @property
    def effective(self) -> Version | None:
        return None if self.effective_number is None else self.versions[self.effective_number]

    @property
    def consents_to_filing(self) -> bool:
        """The parties consented in the text in effect to automatic filing (SPC Opinions
        item 14). Only a literal ``true`` counts: the contract rule reads it that way."""
        effective = self.effective
        return effective is not None and effective.content.consents_to_filing


@dataclass(frozen=True)
class Payment:
    agreement_id: str
    obligation_id: str
    amount_fen: int
    time: str
    actor: str


@dataclass(frozen=True)
class Filing:
    """An enforcement filing in the case, and how many confirmed payments preceded it in the
    log (what the filing saw: ``filed_default``)."""

    statement: Typed[b.EnforcementRequested]
    payments: int

    @property
    def time(self) -> str:
        return self.statement.time

    @property
    def kind(self) -> b.FilingKind:
        return self.statement.body.kind


@dataclass
class CaseState:
    id: str
    opened_by: str = ""
    opened_at: str = ""
    dispute_type: str = ""
    summary: str = ""
    organisation: str = ""
    mediator_name: str = ""
    parties: dict[str, Party] = field(default_factory=dict)
    disclosures: list[Typed[b.Disclosure]] = field(default_factory=list)
    sessions: dict[str, Typed[b.SessionRecorded]] = field(default_factory=dict)
    acknowledgements: dict[str, set[str]] = field(default_factory=dict)  # session -> actors
    agreements: dict[str, Agreement] = field(default_factory=dict)
    payments: list[Payment] = field(default_factory=list)
    reports: list[Typed[b.PerformanceReported]] = field(default_factory=list)
    disputes: list[Typed[b.PerformanceDisputed]] = field(default_factory=list)
    confirmation: dict[str, str] = field(default_factory=dict)  # actor -> time applied
    # actor -> time, for a first application made after the 30 days ended: accepted and
    # recorded as late, not refused (CPL Art. 86: the court decides on an extension)
    confirmation_late: dict[str, str] = field(default_factory=dict)
    enforcement: dict[tuple[str, str, int], Filing] = field(default_factory=dict)
    rulings: list[Typed[b.ConfirmationRuled]] = field(default_factory=list)
    closed: Typed[b.CaseClosed] | None = None

    @property
    def mediator(self) -> str:
        return self.opened_by

    def party_by_key(self, key: str) -> Party | None:
        return next((p for p in self.parties.values() if p.key == key), None)

    def signers_needed(self, agreement: Agreement) -> dict[str, str]:
        """Who must sign the latest version: each named party and the mediator (key -> name)."""
        latest = agreement.latest
        if latest is None:
            return {}
        needed = {}
        for party_id in latest.content.parties:
            party = self.parties.get(party_id)
            if party is not None and party.key:
                needed[party.key] = party.name
        needed[self.mediator] = self.mediator_name or "mediator"
        return needed

    def unsigned(self, agreement: Agreement) -> dict[str, str]:
        """Signers of the latest version who have not signed it yet (key -> name)."""
        latest = agreement.latest
        signed = agreement.signatures.get(latest.number, {}) if latest is not None else {}
        return {k: n for k, n in self.signers_needed(agreement).items() if k not in signed}

    def keyless(self, party_ids: Iterable[str]) -> list[Party]:
        """The named parties of this case who have no key yet, so cannot sign (online
        mediation rules Art. 19: each party signs with their own key)."""
        return [self.parties[p] for p in party_ids if p in self.parties and not self.parties[p].key]

    def unacknowledged(self, session_id: str) -> dict[str, str]:
        """Parties with a key who have not acknowledged a session's record (key -> name)."""
        acked = self.acknowledgements.get(session_id, set())
        return {p.key: p.name for p in self.parties.values() if p.key and p.key not in acked}

    def unapplied(self, agreement_id: str) -> dict[str, str]:
        """Parties of the agreement in effect who have not applied for judicial confirmation
        (key -> name); nobody before it is in effect."""
        agreement = self.agreements.get(agreement_id)
        if agreement is None or agreement.effective is None:
            return {}
        found = {}
        for party_id in agreement.effective.content.parties:
            party = self.parties.get(party_id)
            if party is not None and party.key and party.key not in self.confirmation:
                found[party.key] = party.name
        return found

    def reported(self, agreement_id: str, obligation_id: str) -> bool:
        """The obligor reported some performance of this obligation (the obligee may dispute)."""
        return any(
            (r.body.agreement_id, r.body.obligation_id) == (agreement_id, obligation_id)
            for r in self.reports
        )

    def signers_everyone(self) -> set[str]:
        """Every key that acts for a party or as the mediator in this case."""
        return {p.key for p in self.parties.values() if p.key} | {self.mediator}

    def reported_undisputed(self, agreement_id: str, obligation_id: str) -> int:
        """What the obligor reported performing, leaving out reports the obligee disputed
        (a dispute answers every report made before it)."""
        total = 0
        wanted = (agreement_id, obligation_id)
        for report in self.reports:
            if (report.body.agreement_id, report.body.obligation_id) != wanted:
                continue
            disputed = any(
                (d.body.agreement_id, d.body.obligation_id) == wanted and d.time >= report.time
                for d in self.disputes
            )
            if not disputed:
                total += report.body.amount_fen
        return total

    def confirmed_by_court(self, agreement_id: str) -> bool:
        """A court ruled the effective version valid (PML Art. 33; CPL Art. 206)."""
        agreement = self.agreements.get(agreement_id)
        if agreement is None or agreement.effective_hash is None:
            return False
        return any(
            r.body.agreement_id == agreement_id
            and r.body.content_hash == agreement.effective_hash
            and r.body.ruling is b.Ruling.VALID
            for r in self.rulings
        )

    def paid(self, agreement_id: str, obligation_id: str) -> int:
        return sum(
            p.amount_fen
            for p in self.payments
            if p.agreement_id == agreement_id and p.obligation_id == obligation_id
        )

    @property
    def status(self) -> b.CaseStatus:
        """The one word a case list shows (no clock: deadlines are judged where time is
        known)."""
        if self.closed is not None:
            return b.CaseStatus.CLOSED
        if self.enforcement:
            return b.CaseStatus.ENFORCEMENT
        if any(a.effective_hash for a in self.agreements.values()):
            return b.CaseStatus.EFFECTIVE
        if self.agreements:
            return b.CaseStatus.SIGNING
        return b.CaseStatus.OPEN


def fold(case_id: str, history: Iterable[Statement]) -> CaseState:
    """Apply a case's statements, in log order, to an empty case (each parsed first; a
    generic statement such as ``document.issued`` changes nothing here)."""
    state = CaseState(case_id)
    for statement in history:
        if statement.type in t.ALL:
            apply(state, b.parse(statement))
    return state


def apply(state: CaseState, s: Any) -> None:
    """Advance ``state`` by one typed statement (``Domain.apply``). The registry hands a
    generic statement of the case (``document.issued``) as it is: it changes nothing here."""
    if isinstance(s, Typed):
        _APPLY[s.type](state, s)


def _opened(state: CaseState, s: Typed[b.CaseOpened]) -> None:
    body = s.body
    state.opened_by, state.opened_at = s.actor, s.time
    state.dispute_type, state.summary = body.dispute_type, body.summary
    state.organisation, state.mediator_name = body.organisation, body.mediator_name
    for party in body.parties:
        state.parties[party.id] = Party.of(party)


def _party_added(state: CaseState, s: Typed[b.PartyAdded]) -> None:
    state.parties[s.body.party.id] = Party.of(s.body.party)


def _disclosure(state: CaseState, s: Typed[b.Disclosure]) -> None:
    state.disclosures.append(s)


def _session_recorded(state: CaseState, s: Typed[b.SessionRecorded]) -> None:
    state.sessions[s.body.session_id] = s
    state.acknowledgements.setdefault(s.body.session_id, set())


def _session_acknowledged(state: CaseState, s: Typed[b.SessionAcknowledged]) -> None:
    state.acknowledgements.setdefault(s.body.session_id, set()).add(s.actor)


def _agreement_proposed(state: CaseState, s: Typed[b.AgreementProposed]) -> None:
    body = s.body
    agreement = state.agreements.setdefault(body.agreement_id, Agreement(body.agreement_id))
    agreement.versions[body.version] = Version(
        body.version, body.content, body.content_hash, s.time
    )


def _agreement_signed(state: CaseState, s: Typed[b.AgreementSigned]) -> None:
    body = s.body
    agreement = state.agreements.get(body.agreement_id)
    if agreement is None:
        return  # the rules refuse such a signature; a fold of partial history skips it
    version = agreement.versions.get(body.version)
    if version is None or version.hash != body.content_hash:
        return  # not a version this desktop holds: the rules refuse it
    agreement.signatures.setdefault(version.number, {})[s.actor] = s.time
    latest = agreement.latest
    if agreement.effective_hash is None and latest is not None and latest.hash == body.content_hash:
        signed = agreement.signatures.get(latest.number, {})
        if set(state.signers_needed(agreement)) <= set(signed):
            # Online mediation rules Art. 19: in effect once every signature is complete.
            agreement.effective_hash, agreement.effective_at = latest.hash, s.time
            agreement.effective_number = latest.number


def _performance_confirmed(state: CaseState, s: Typed[b.PerformanceConfirmed]) -> None:
    body = s.body
    state.payments.append(
        Payment(body.agreement_id, body.obligation_id, body.amount_fen, s.time, s.actor)
    )


def _performance_reported(state: CaseState, s: Typed[b.PerformanceReported]) -> None:
    state.reports.append(s)


def _performance_disputed(state: CaseState, s: Typed[b.PerformanceDisputed]) -> None:
    state.disputes.append(s)


def _confirmation_applied(state: CaseState, s: Typed[b.ConfirmationApplied]) -> None:
    limit = confirmation_deadline(state, s.body.agreement_id)
    if s.actor not in state.confirmation and limit is not None and s.moment >= limit:
        state.confirmation_late[s.actor] = s.time
    state.confirmation[s.actor] = s.time


def _confirmation_ruled(state: CaseState, s: Typed[b.ConfirmationRuled]) -> None:
    state.rulings.append(s)


def _enforcement_requested(state: CaseState, s: Typed[b.EnforcementRequested]) -> None:
    # what the filing saw: the payments before it in the log (``filed_default``)
    state.enforcement[s.body.key] = Filing(s, len(state.payments))


def _case_closed(state: CaseState, s: Typed[b.CaseClosed]) -> None:
    state.closed = s


_APPLY: dict[str, Callable[[CaseState, Any], None]] = {
    t.CASE_OPENED: _opened,
    t.PARTY_ADDED: _party_added,
    t.DISCLOSURE: _disclosure,
    t.SESSION_RECORDED: _session_recorded,
    t.SESSION_ACKNOWLEDGED: _session_acknowledged,
    t.AGREEMENT_PROPOSED: _agreement_proposed,
    t.AGREEMENT_SIGNED: _agreement_signed,
    t.PERFORMANCE_REPORTED: _performance_reported,
    t.PERFORMANCE_CONFIRMED: _performance_confirmed,
    t.PERFORMANCE_DISPUTED: _performance_disputed,
    t.CONFIRMATION_APPLIED: _confirmation_applied,
    t.CONFIRMATION_RULED: _confirmation_ruled,
    t.ENFORCEMENT_REQUESTED: _enforcement_requested,
    t.CASE_CLOSED: _case_closed,
}
assert set(_APPLY) == t.ALL


class InstalmentStatus(StrEnum):
    PAID = "paid"  # confirmed in full by the obligee
    DUE = "due"  # its deadline day has not ended
    GRACE = "grace"  # past the deadline, within the grace days the agreement gives
    DEFAULT = "default"  # not performed by the deadline and its grace period
    ENFORCEMENT = "enforcement"  # not performed, and filed with the court


@dataclass(frozen=True)
class Instalment:
    """One instalment of an obligation in the agreement in effect, as it stands at ``now``.

    Confirmed payments count toward the instalments in order, the earliest debt first; a
    payment confirmed after the deadline still counts, so a debt settled late stops defaulting.
    What is confirmed beyond the whole obligation stays in ``confirmed_fen`` (never lost, never
    carried to another obligation).
    """

    agreement_id: str
    version: int
    content_hash: str
    obligation_id: str
    seq: int
    obligor: str  # party id
    obligee: str
    amount_fen: int  # this instalment
    owed_fen: int  # this instalment and every earlier one of the obligation
    paid_fen: int  # confirmed toward this instalment (0 to amount_fen)
    confirmed_fen: int  # confirmed toward the whole obligation, overpayment included
    deadline: str  # a calendar date, as the parties wrote it
    due: datetime  # end of the deadline day, China Standard Time
    grace_end: datetime  # plus the grace days
    status: InstalmentStatus
    enforcement_time: str = ""
    filing: str = ""  # "enforcement" or "trial" (no judicial confirmation: PML Art. 32)

    @property
    def outstanding_fen(self) -> int:
        return self.amount_fen - self.paid_fen

    @property
    def missed(self) -> bool:
        """Past its grace period and not confirmed in full (filed with the court or not)."""
        return self.status in (InstalmentStatus.DEFAULT, InstalmentStatus.ENFORCEMENT)


def instalments(state: CaseState, now: datetime) -> list[Instalment]:
    """Every instalment of every agreement in effect, with its status at ``now``.

    Deadlines count calendar days (the parties name the date; no shift for a public
    holiday): an instalment falls due at the end of its deadline day, China time, and
    defaults once its grace days have passed too.
    """
    found: list[Instalment] = []
    for agreement in state.agreements.values():
        version = agreement.effective
        if version is None:
            continue
        for ob in version.content.obligations:
            confirmed = state.paid(agreement.id, ob.id)
            owed = 0
            for part in ob.parts:
                seq, amount = part.seq, part.amount_fen
                paid = max(0, min(amount, confirmed - owed))
                owed += amount
                due = due_at(part.deadline)
                grace_end = due_at(part.deadline, ob.grace)
                filed = state.enforcement.get((agreement.id, ob.id, seq))
                if confirmed >= owed:
                    status = InstalmentStatus.PAID
                elif filed is not None:
                    status = InstalmentStatus.ENFORCEMENT
                elif now < due:
                    status = InstalmentStatus.DUE
                elif now < grace_end:
                    status = InstalmentStatus.GRACE
                else:
                    status = InstalmentStatus.DEFAULT
                found.append(
                    Instalment(
                        agreement.id,
                        version.number,
                        version.hash,
                        ob.id,
                        seq,
                        ob.obligor,
                        ob.obligee,
                        amount,
                        owed,
                        paid,
                        confirmed,
                        part.deadline,
                        due,
                        grace_end,
                        status,
                        filed.time if filed else "",
                        filed.kind.value if filed else "",
                    )
                )
    return found


@dataclass(frozen=True)
class InstalmentActions:
    """What the key ``me`` may do about one instalment, as the rules read it: the obligee
    confirms a payment or disputes a reported one (PML Art. 31-32), the obligor reports
    performance, and, when the parties did not consent to automatic filing, the obligee applies
    for enforcement of a missed instalment (SPC Opinions item 14)."""

    obligee: bool  # ``me`` is the instalment's obligee
    obligor: bool
    automatic: bool  # the agreement files by itself: nobody applies
    confirm: bool
    dispute: bool
    report: bool
    apply: bool


def instalment_actions(state: CaseState, row: Instalment | None, me: str) -> InstalmentActions:
    """The actions open to ``me`` on ``row`` (none without a row); the UI shows exactly these."""
    agreement = state.agreements.get(row.agreement_id) if row is not None else None
    automatic = agreement is not None and agreement.consents_to_filing
    if row is None:
        return InstalmentActions(False, False, automatic, False, False, False, False)
    obligee_party, obligor_party = state.parties.get(row.obligee), state.parties.get(row.obligor)
    obligee = bool(me) and obligee_party is not None and obligee_party.key == me
    obligor = bool(me) and obligor_party is not None and obligor_party.key == me
    open_ = row.status != InstalmentStatus.PAID
    return InstalmentActions(
        obligee=obligee,
        obligor=obligor,
        automatic=automatic,
        confirm=obligee and open_,
        dispute=obligee and state.reported(row.agreement_id, row.obligation_id),
        report=obligor and open_,
        apply=obligee and not automatic and row.status == InstalmentStatus.DEFAULT,
    )


@dataclass(frozen=True)
class Default:
    """An instalment that was not performed by its deadline (after any grace period)."""

    agreement_id: str
    version: int
    content_hash: str
    obligation_id: str
    instalment: int
    due_fen: int  # cumulative amount due by this instalment's deadline
    paid_fen: int  # what the obligee had confirmed by then
    deadline: str
    due_at: datetime


def defaults(state: CaseState, now: datetime) -> list[Default]:
    """Every instalment past due and not fully confirmed by the obligee, oldest first
    (``instalments`` counts the payments; filed instalments are defaults too)."""
    return [
        Default(
            i.agreement_id,
            i.version,
            i.content_hash,
            i.obligation_id,
            i.seq,
            i.owed_fen,
            i.confirmed_fen,
            i.deadline,
            i.grace_end,
        )
        for i in instalments(state, now)
        if i.missed
    ]


def filed_default(state: CaseState, filing: Typed[b.EnforcementRequested]) -> Default:
    """The default an enforcement entry (typed: ``bodies.parse``) was filed for, as it stood then:
    counted with the payments before the filing in the log (as the rule saw them), or for an
    entry not in this case yet, those confirmed up to its time; never those confirmed since.

    Raises ``KeyError`` for an instalment not missed at that time in an agreement in effect
    here (the rules never let such an entry in).
    """
    filed_at, moment = filing.time, filing.moment
    wanted = filing.body.key
    record = state.enforcement.get(wanted)
    if record is not None and record.time == filed_at:
        payments = state.payments[: record.payments]
    else:
        payments = [p for p in state.payments if parse_time(p.time) <= moment]
    then = replace(state, payments=payments)
    for found in defaults(then, moment):
        if (found.agreement_id, found.obligation_id, found.instalment) == wanted:
            return found
    raise KeyError(wanted)


def confirmation_period(state: CaseState, agreement_id: str) -> Deadline | None:
    """The 30 days for applying jointly for judicial confirmation (PML Art. 33; CPL Art. 205),
    from the agreement's taking effect; None before it is in effect.

    Counted as the Civil Code counts days (``casework.days.period_end``): the day of effect is
    not counted (Art. 201); a last day on a statutory holiday or weekend rest day moves to the
    next working day (Art. 203; CPL Art. 85); the period ends at 24:00 China time of its last
    day. ``Deadline.notices()`` says when the day moved, and when the holiday calendar did not
    cover the year (weekends only). The app, the node's rule and the PDF all read it here.
    """
    agreement = state.agreements.get(agreement_id)
    if agreement is None or agreement.effective_at is None:
        return None
    return period_end(parse_time(agreement.effective_at), CONFIRMATION_DAYS)


def confirmation_last_day(state: CaseState, agreement_id: str) -> date | None:
    """The last day (China time) to apply for judicial confirmation, after any move to the
    next working day (Civil Code Art. 203; CPL Art. 85)."""
    period = confirmation_period(state, agreement_id)
    return None if period is None else period.last_day


def confirmation_deadline(state: CaseState, agreement_id: str) -> datetime | None:
    """The end (UTC) of the 30 days for applying for judicial confirmation: 24:00 China time
    of ``confirmation_last_day`` (Civil Code Art. 203)."""
    period = confirmation_period(state, agreement_id)
    return None if period is None else period.ends_at


def confirmation_days_left(state: CaseState, agreement_id: str, now: datetime) -> int | None:
    """Whole days, rounded up, left to apply for judicial confirmation; 0 or less once the
    30 days ended (an application is still accepted, marked late: CPL Art. 86); None before
    the agreement is in effect."""
    limit = confirmation_deadline(state, agreement_id)
    if limit is None:
        return None
    return math.ceil((limit - now) / timedelta(days=1))
