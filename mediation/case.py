"""A mediation case as a pure function of its statements (the fold).

The projections, the contract rules (in the app and in the node) and the documents all read a
case through ``fold``; nothing here touches a database or a clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ledger.clock import parse_time
from ledger.statement import Statement
from mediation import types as t
from mediation.agreement import CHINA_TIME, content_hash, due_at, instalments_of

CONFIRMATION_WINDOW = timedelta(days=30)  # People's Mediation Law Art. 33; CPL Art. 205


@dataclass
class Party:
    id: str
    role: str  # applicant, respondent, third_party
    kind: str  # person, organisation
    name: str
    key: str | None  # the party's verifier key, once known
    id_type: str = ""
    id_hash: str = ""  # salted SHA-256 of the identity document number, never the number
    agent: str = ""


@dataclass
class Version:
    number: int
    content: dict[str, Any]
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


@dataclass
class Payment:
    agreement_id: str
    obligation_id: str
    amount_fen: int
    time: str
    actor: str


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
    disclosures: list[dict[str, Any]] = field(default_factory=list)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    acknowledgements: dict[str, set[str]] = field(default_factory=dict)  # session -> actors
    agreements: dict[str, Agreement] = field(default_factory=dict)
    payments: list[Payment] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    disputes: list[dict[str, Any]] = field(default_factory=list)
    confirmation: dict[str, str] = field(default_factory=dict)  # actor -> time applied
    enforcement: dict[tuple[str, str, int], dict[str, Any]] = field(default_factory=dict)
    rulings: list[dict[str, Any]] = field(default_factory=list)  # judicial confirmation rulings
    closed: dict[str, Any] | None = None

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
        for party_id in latest.content.get("parties", []):
            party = self.parties.get(party_id)
            if party is not None and party.key:
                needed[party.key] = party.name
        needed[self.mediator] = self.mediator_name or "mediator"
        return needed

    def signers_everyone(self) -> set[str]:
        """Every key that acts for a party or as the mediator in this case."""
        return {p.key for p in self.parties.values() if p.key} | {self.mediator}

    def reported_undisputed(self, agreement_id: str, obligation_id: str) -> int:
        """What the obligor reported performing, leaving out reports the obligee disputed
        (a dispute answers every report made before it)."""
        total = 0
        for report in self.reports:
            if (report.get("agreement_id"), report.get("obligation_id")) != (
                agreement_id,
                obligation_id,
            ):
                continue
            disputed = any(
                (d.get("agreement_id"), d.get("obligation_id")) == (agreement_id, obligation_id)
                and d["time"] >= report["time"]
                for d in self.disputes
            )
            if not disputed:
                total += report.get("amount_fen", 0)
        return total

    def confirmed_by_court(self, agreement_id: str) -> bool:
        """A court ruled the effective version valid (PML Art. 33; CPL Art. 206)."""
        agreement = self.agreements.get(agreement_id)
        if agreement is None or agreement.effective_hash is None:
            return False
        return any(
            r.get("agreement_id") == agreement_id
            and r.get("content_hash") == agreement.effective_hash
            and r.get("valid") is True
            for r in self.rulings
        )

    def paid(self, agreement_id: str, obligation_id: str) -> int:
        return sum(
            p.amount_fen
            for p in self.payments
            if p.agreement_id == agreement_id and p.obligation_id == obligation_id
        )


def fold(case_id: str, history: Iterable[Statement]) -> CaseState:
    """Apply a case's statements, in log order, to an empty case."""
    state = CaseState(case_id)
    for statement in history:
        apply(state, statement)
    return state


def apply(state: CaseState, s: Statement) -> None:
    body = s.body
    if s.type == t.CASE_OPENED:
        state.opened_by, state.opened_at = s.actor, s.time
        state.dispute_type = body.get("dispute_type", "")
        state.summary = body.get("summary", "")
        state.organisation = body.get("organisation", "")
        state.mediator_name = body.get("mediator_name", "")
        for party in body.get("parties", []):
            _add_party(state, party)
    elif s.type == t.PARTY_ADDED:
        _add_party(state, body.get("party", {}))
    elif s.type == t.DISCLOSURE:
        state.disclosures.append({**body, "actor": s.actor, "time": s.time})
    elif s.type == t.SESSION_RECORDED:
        state.sessions[body["session_id"]] = {**body, "time": s.time}
        state.acknowledgements.setdefault(body["session_id"], set())
    elif s.type == t.SESSION_ACKNOWLEDGED:
        state.acknowledgements.setdefault(body["session_id"], set()).add(s.actor)
    elif s.type == t.AGREEMENT_PROPOSED:
        agreement = state.agreements.setdefault(
            body["agreement_id"], Agreement(body["agreement_id"])
        )
        agreement.versions[body["version"]] = Version(
            body["version"], body["content"], content_hash(body["content"]), s.time
        )
    elif s.type == t.AGREEMENT_SIGNED:
        agreement = state.agreements.get(body["agreement_id"])
        if agreement is None:
            return  # the rules refuse such a signature; a fold of partial history skips it
        version = agreement.versions.get(body.get("version"))
        if version is None or version.hash != body.get("content_hash"):
            return  # not a version this desktop holds: the rules refuse it
        agreement.signatures.setdefault(version.number, {})[s.actor] = s.time
        latest = agreement.latest
        if (
            agreement.effective_hash is None
            and latest is not None
            and latest.hash == body["content_hash"]
        ):
            signed = agreement.signatures.get(latest.number, {})
            if set(state.signers_needed(agreement)) <= set(signed):
                # Online mediation rules Art. 19: in effect once every signature is complete.
                agreement.effective_hash, agreement.effective_at = latest.hash, s.time
                agreement.effective_number = latest.number
    elif s.type == t.PERFORMANCE_CONFIRMED:
        state.payments.append(
            Payment(
                body["agreement_id"], body["obligation_id"], body["amount_fen"], s.time, s.actor
            )
        )
    elif s.type == t.PERFORMANCE_REPORTED:
        state.reports.append({**body, "actor": s.actor, "time": s.time})
    elif s.type == t.PERFORMANCE_DISPUTED:
        state.disputes.append({**body, "actor": s.actor, "time": s.time})
    elif s.type == t.CONFIRMATION_RULED:
        state.rulings.append({**body, "actor": s.actor, "time": s.time})
    elif s.type == t.CONFIRMATION_APPLIED:
        state.confirmation[s.actor] = s.time
    elif s.type == t.ENFORCEMENT_REQUESTED:
        key = (body["agreement_id"], body["obligation_id"], body.get("instalment", 1))
        state.enforcement[key] = {**body, "actor": s.actor, "time": s.time}
    elif s.type == t.CASE_CLOSED:
        state.closed = {**body, "time": s.time}


def _add_party(state: CaseState, data: dict[str, Any]) -> None:
    party = Party(
        id=data["id"],
        role=data.get("role", "applicant"),
        kind=data.get("kind", "person"),
        name=data.get("name", ""),
        key=data.get("key"),
        id_type=data.get("id_type", ""),
        id_hash=data.get("id_hash", ""),
        agent=data.get("agent", ""),
    )
    state.parties[party.id] = party


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
    """Every instalment past due and not fully confirmed by the obligee, oldest first.

    Payments count toward instalments in order (the earliest debt is paid first). A payment
    confirmed after the deadline still counts, so a debt settled late stops defaulting.
    """
    found: list[Default] = []
    for agreement in state.agreements.values():
        version = agreement.effective
        if version is None:
            continue
        for ob in version.content.get("obligations", []):
            paid = state.paid(agreement.id, ob["id"])
            owed = 0
            for part in instalments_of(ob):
                owed += part["amount_fen"]
                limit = due_at(part["deadline"], ob.get("grace_days", 0))
                if now >= limit and paid < owed:
                    found.append(
                        Default(
                            agreement.id,
                            version.number,
                            version.hash,
                            ob["id"],
                            part.get("seq", 1),
                            owed,
                            paid,
                            part["deadline"],
                            limit,
                        )
                    )
    return found


def confirmation_last_day(state: CaseState, agreement_id: str) -> date | None:
    """The last calendar day (China time) to apply for judicial confirmation."""
    limit = confirmation_deadline(state, agreement_id)
    if limit is None:
        return None
    return (limit.astimezone(CHINA_TIME) - timedelta(microseconds=1)).date()


def confirmation_deadline(state: CaseState, agreement_id: str) -> datetime | None:
    """The end of the 30 days for applying jointly for judicial confirmation (PML Art. 33).

    Counted in days as the Civil Code counts them: the day of effect is not counted
    (Art. 201), and the period ends at 24:00 of its last day (Art. 203), China time.
    """
    agreement = state.agreements.get(agreement_id)
    if agreement is None or agreement.effective_at is None:
        return None
    effect_day = parse_time(agreement.effective_at).astimezone(CHINA_TIME).date()
    return due_at((effect_day + CONFIRMATION_WINDOW).isoformat())
