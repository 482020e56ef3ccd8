"""Mediation statement bodies, parsed once into frozen typed values (``parse``).

``parse`` is the mediation domain's ``Domain.parse``: the registry calls it before a rule and
before the reducer, so both receive a ``casework.typed.Typed`` whose ``body`` is one of the
dataclasses below, never the JSON. Every check of a body's *shape* is here (a field missing, of
the wrong kind, an unknown party role, an incomplete agreement text), refused with the same
words and articles the rules always used; what depends on the case (who may sign, which
version is next, whether a deadline passed) stays in ``mediation.rules``.

A typed body writes back to exactly the JSON it was parsed from (``Typed.body_json``): a field
that was absent is None. The agreement's content also keeps its canonical JSON
(``AgreementContent.canonical``), since its hash is what the parties sign.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from casework.typed import (
    WIRE,
    Document,
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
    texts,
)
from ledger.canonical import canonical_json
from ledger.clock import parse_time
from ledger.errors import QT_TRANSLATE_NOOP
from mediation import types as t
from mediation.agreement import CONTEXT, completeness

RULE = "mediation.rules@1"
DEFAULT_RULE = "mediation.default@1"
OBLIGEE_APPLICATION = "obligee-application"


WORDS = Refusals(
    RULE,
    unknown_fields=QT_TRANSLATE_NOOP(
        CONTEXT, "A {type} statement has no field {fields}: nothing else goes on the chain."
    ),
    members=QT_TRANSLATE_NOOP(CONTEXT, "The members a statement adds are a list of verifier keys."),
)
refuse, _fail, _only = WORDS.refuse, WORDS.fail, WORDS.only


# -- choices ------------------------------------------------------------------------------


class PartyRole(StrEnum):
    APPLICANT = "applicant"
    RESPONDENT = "respondent"
    THIRD_PARTY = "third_party"


class PartyKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class IdType(StrEnum):
    NONE = ""  # no identity document recorded
    RESIDENT_ID = "resident_id"
    PASSPORT = "passport"
    CREDIT_CODE = "credit_code"


class FilingRule(StrEnum):
    """Who files for enforcement: the chain's rule (with the parties' consent, SPC Opinions
    item 14) or the obligee."""

    AUTOMATIC = DEFAULT_RULE
    OBLIGEE = OBLIGEE_APPLICATION


class FilingKind(StrEnum):
    ENFORCEMENT = "enforcement"  # a court confirmed the agreement (PML Art. 33, CPL Art. 206)
    TRIAL = "trial"  # not confirmed: a dispute over it goes to court (PML Art. 32)


class Ruling(StrEnum):
    VALID = "valid"
    INVALID = "invalid"


class PerformanceAnswer(StrEnum):
    """What the obligee answers to performance: confirmed, or disputed (PML Art. 31-32)."""

    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


class CaseStatus(StrEnum):
    """The one word a case list shows."""

    OPEN = "open"
    SIGNING = "signing"
    EFFECTIVE = "effective"
    ENFORCEMENT = "enforcement"
    CLOSED = "closed"


# -- bodies -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartyBody:
    """A party as a statement names it; personal numbers stay off the chain (only a salted
    hash of the identity document number)."""

    id: str
    role: PartyRole
    kind: PartyKind
    name: str
    key: str | None = None
    id_type: IdType | None = None
    id_hash: str | None = None
    agent: str | None = None


@dataclass(frozen=True, slots=True)
class CaseOpened:
    dispute_type: str
    summary: str
    organisation: str
    mediator_name: str
    parties: tuple[PartyBody, ...]


@dataclass(frozen=True, slots=True)
class PartyAdded:
    party: PartyBody


@dataclass(frozen=True, slots=True)
class Disclosure:
    conflict: bool
    text: str


@dataclass(frozen=True, slots=True)
class Spoken:
    """One thing a party said in a session; a concession is never used against them (online
    mediation rules Art. 18)."""

    party: str
    text: str
    concession: bool


@dataclass(frozen=True, slots=True)
class SessionRecorded:
    session_id: str
    start: str
    end: str
    participants: tuple[str, ...]
    notes: str | None = None
    statements: tuple[Spoken, ...] | None = None
    documents: tuple[Document, ...] | None = None

    @property
    def said(self) -> tuple[Spoken, ...]:
        return self.statements or ()

    @property
    def files(self) -> tuple[Document, ...]:
        return self.documents or ()


@dataclass(frozen=True, slots=True)
class SessionAcknowledged:
    session_id: str


@dataclass(frozen=True, slots=True)
class InstalmentTerm:
    seq: int
    amount_fen: int
    deadline: str


@dataclass(frozen=True, slots=True)
class Obligation:
    id: str
    obligor: str  # party id
    obligee: str
    amount_fen: int
    manner: str
    deadline: str | None = None
    instalments: tuple[InstalmentTerm, ...] | None = None
    grace_days: int | None = None

    @property
    def parts(self) -> tuple[InstalmentTerm, ...]:
        """The instalments, or one instalment for the whole amount."""
        if self.instalments:
            return self.instalments
        return (InstalmentTerm(1, self.amount_fen, self.deadline or ""),)

    @property
    def grace(self) -> int:
        return self.grace_days or 0


@dataclass(frozen=True, slots=True)
class AgreementContent:
    """The agreement's text (PML Art. 29) as typed values, with the canonical JSON its hash is
    taken over (kept as signed, so a hash never depends on how this class writes it back)."""

    parties: tuple[str, ...]
    facts: str
    disputes: str
    responsibilities: str
    terms: str
    obligations: tuple[Obligation, ...]
    enforcement_consent: bool | None = None
    matters: tuple[str, ...] | None = None
    canonical: bytes = field(default=b"", repr=False, compare=False, metadata={WIRE: False})

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.canonical).hexdigest()

    @property
    def consents_to_filing(self) -> bool:
        """Every party consented in the text to automatic filing (SPC Opinions item 14)."""
        return self.enforcement_consent is True

    def obligation(self, obligation_id: str) -> Obligation | None:
        return next((ob for ob in self.obligations if ob.id == obligation_id), None)

    def json(self) -> dict[str, Any]:
        """The content as signed, for an editor to start a new version from."""
        return json.loads(self.canonical)


@dataclass(frozen=True, slots=True)
class AgreementProposed:
    agreement_id: str
    version: int
    content: AgreementContent
    content_hash: str


@dataclass(frozen=True, slots=True)
class AgreementSigned:
    agreement_id: str
    version: int
    content_hash: str


@dataclass(frozen=True, slots=True)
class PerformanceReported:
    agreement_id: str
    obligation_id: str
    amount_fen: int
    documents: tuple[Document, ...] | None = None


@dataclass(frozen=True, slots=True)
class PerformanceConfirmed:
    agreement_id: str
    obligation_id: str
    amount_fen: int
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PerformanceDisputed:
    agreement_id: str
    obligation_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class ConfirmationApplied:
    agreement_id: str
    court: str


@dataclass(frozen=True, slots=True)
class ConfirmationRuled:
    agreement_id: str
    content_hash: str
    valid: bool
    court: str

    @property
    def ruling(self) -> Ruling:
        return Ruling.VALID if self.valid else Ruling.INVALID


@dataclass(frozen=True, slots=True)
class EnforcementRequested:
    """A filing for one missed instalment: by the chain's rule, with what it computed, or the
    obligee's own application (only the first four fields)."""

    agreement_id: str
    obligation_id: str
    instalment: int
    rule: FilingRule
    version: int | None = None
    content_hash: str | None = None
    due_fen: int | None = None
    paid_fen: int | None = None
    deadline: str | None = None
    filing: FilingKind | None = None
    basis: str | None = None

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.agreement_id, self.obligation_id, self.instalment)

    @property
    def kind(self) -> FilingKind:
        return self.filing or FilingKind.ENFORCEMENT


@dataclass(frozen=True, slots=True)
class CaseClosed:
    reason: str


Body = (
    CaseOpened
    | PartyAdded
    | Disclosure
    | SessionRecorded
    | SessionAcknowledged
    | AgreementProposed
    | AgreementSigned
    | PerformanceReported
    | PerformanceConfirmed
    | PerformanceDisputed
    | ConfirmationApplied
    | ConfirmationRuled
    | EnforcementRequested
    | CaseClosed
)


# -- the words of a refusal ---------------------------------------------------------------

_OPENING = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Opening a case needs the dispute type, a summary, the mediation "
    "organisation and the mediator's name (online mediation rules Art. 8).",
)
_PERFORMANCE = QT_TRANSLATE_NOOP(
    CONTEXT, "A statement of performance names the agreement and the obligation (PML Art. 31)."
)
AUTOMATIC_ONLY = QT_TRANSLATE_NOOP(
    CONTEXT,
    "An automatic filing is made by the chain's contract rule alone, with "
    "the amounts the rule computes (SPC Opinions item 14).",
)
_CONTENT_FORM = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The agreement's text is not in the form its items take: the parties by identifier, "
    "each item as text, each obligation with its amount in fen and its deadline "
    "(PML Art. 29).",
)


# -- parsers ------------------------------------------------------------------------------


def party(data: Any) -> PartyBody:
    """A party object, checked as online mediation rules Art. 8 and PML Art. 29(1) ask."""
    if not isinstance(data, dict):
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "A party must be described as an object."))
    pid = text(data, "id", _fail(QT_TRANSLATE_NOOP(CONTEXT, "A party needs an identifier.")))
    roles = _fail(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "A party's role is applicant, respondent or third party, and it is a "
            "person or an organisation (online mediation rules Art. 8).",
        )
    )
    role = choice(PartyRole, data.get("role"), roles)
    kind = choice(PartyKind, data.get("kind"), roles)
    name = text(
        data, "name", _fail(QT_TRANSLATE_NOOP(CONTEXT, "A party needs a name (PML Art. 29(1))."))
    )
    id_type = None
    if "id_type" in data:
        id_type = choice(
            IdType,
            data["id_type"],
            _fail(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The identity document type is resident ID, passport or credit code."
                )
            ),
        )
    hash_fail = _fail(QT_TRANSLATE_NOOP(CONTEXT, "An identity hash is 64 lowercase hex digits."))
    id_hash = opt_text(data, "id_hash", hash_fail)
    if id_hash:
        sha256_hex(id_hash, hash_fail)
    allowed = {"id", "role", "kind", "name", "key", "id_type", "id_hash", "agent"}
    only = _fail(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "A party carries only id, role, kind, name, key, id_type, id_hash and "
            "agent: other personal data stays off the chain.",
        )
    )
    if set(data) - allowed:
        raise only()
    key = opt_text(data, "key", only)
    agent = opt_text(data, "agent", only)
    return PartyBody(pid, role, kind, name, key, id_type, id_hash, agent)


def _case_opened(body: Mapping[str, Any]) -> CaseOpened:
    _only(
        body, t.CASE_OPENED, ("dispute_type", "summary", "organisation", "mediator_name", "parties")
    )
    opening = _fail(_OPENING)
    fields = [
        text(body, name, opening)
        for name in ("dispute_type", "summary", "organisation", "mediator_name")
    ]
    parties = body.get("parties")
    if not isinstance(parties, list) or len(parties) < 2:
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A mediation case needs at least two parties: mediation helps the parties "
                "reach an agreement among themselves (PML Art. 2).",
            )
        )
    typed_parties = tuple(party(p) for p in parties)
    if len({p.id for p in typed_parties}) != len(typed_parties):
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "Two parties share one identifier."))
    return CaseOpened(*fields, typed_parties)


def _party_added(body: Mapping[str, Any]) -> PartyAdded:
    _only(body, t.PARTY_ADDED, ("party",))
    return PartyAdded(party(body.get("party")))


def _disclosure(body: Mapping[str, Any]) -> Disclosure:
    _only(body, t.DISCLOSURE, ("conflict", "text"))
    fail = _fail(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "A disclosure states whether there is a conflict of interest and "
            "explains it (online mediation rules Art. 13).",
        )
    )
    return Disclosure(flag(body, "conflict", fail), text(body, "text", fail, blank=True))


NEW_SESSION = QT_TRANSLATE_NOOP(CONTEXT, "A session record needs a new session id.")
NO_SESSION = QT_TRANSLATE_NOOP(CONTEXT, "There is no such session record.")
RULING = QT_TRANSLATE_NOOP(
    CONTEXT,
    "A ruling names the court, the agreement version in effect and whether it "
    "is valid (CPL Art. 206).",
)
SPOKEN = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Each recorded statement names a party of the case and whether it "
    "is a concession (online mediation rules Art. 18).",
)


def _spoken(item: Any) -> Spoken:
    fail = _fail(SPOKEN)
    data = obj(item, fail, ("party", "text", "concession"))
    return Spoken(
        text(data, "party", fail),
        text(data, "text", fail, blank=True),
        flag(data, "concession", fail),
    )


def _optional_documents(body: Mapping[str, Any]) -> tuple[Document, ...] | None:
    """``documents``, where an empty list means none (as a desk without files writes it)."""
    if "documents" not in body:
        return None
    if body["documents"] == []:
        return ()
    return documents(body["documents"], RULE)


def _session_recorded(body: Mapping[str, Any]) -> SessionRecorded:
    _only(
        body,
        t.SESSION_RECORDED,
        ("session_id", "start", "end", "participants", "notes", "statements", "documents"),
    )
    session_id = text(
        body,
        "session_id",
        _fail(NEW_SESSION),
    )
    times = _fail(
        QT_TRANSLATE_NOOP(CONTEXT, "A session record needs its start and end time (PML Art. 27).")
    )
    start, end = text(body, "start", times), text(body, "end", times)
    try:
        began, ended = parse_time(start), parse_time(end)
    except ValueError:
        raise times() from None
    if ended < began:
        raise refuse(QT_TRANSLATE_NOOP(CONTEXT, "The session ends before it starts."))
    who = _fail(QT_TRANSLATE_NOOP(CONTEXT, "A session record lists who took part (PML Art. 27)."))
    participants = texts(body.get("participants"), who)
    if not participants:
        raise who()
    notes = opt_text(
        body, "notes", _fail(WORDS.unknown_fields, type=t.SESSION_RECORDED, fields="notes")
    )
    said = None
    if "statements" in body:
        if not isinstance(body["statements"], list):
            raise refuse(SPOKEN)
        said = tuple(_spoken(item) for item in body["statements"])
    return SessionRecorded(
        session_id, start, end, participants, notes, said, _optional_documents(body)
    )


def _session_acknowledged(body: Mapping[str, Any]) -> SessionAcknowledged:
    _only(body, t.SESSION_ACKNOWLEDGED, ("session_id",))
    fail = _fail(NO_SESSION)
    return SessionAcknowledged(text(body, "session_id", fail))


def agreement_content(content: Any) -> AgreementContent:
    """The agreement's text as typed values, refused as PML Art. 29 words it when incomplete.

    Whether its parties are parties to the case is for the rule, which knows the case.
    """
    form = _fail(_CONTENT_FORM)
    data = obj(
        content,
        form,
        (
            "parties",
            "facts",
            "disputes",
            "responsibilities",
            "terms",
            "obligations",
            "enforcement_consent",
            "matters",
        ),
    )
    obligations = data.get("obligations") or []
    if not isinstance(obligations, list) or not all(isinstance(ob, dict) for ob in obligations):
        raise form()
    for ob in obligations:
        parts = ob.get("instalments") or []
        if not isinstance(parts, list) or not all(isinstance(p, dict) for p in parts):
            raise form()
    if "parties" in data:
        texts(data["parties"], form)
    try:
        missing = completeness(data, None)
    except TypeError:  # a value where a name or a number belongs (a list as an obligor)
        raise form() from None
    if missing:
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The agreement is incomplete: {items}"),
            items=" ".join(f.text() for f in missing),
        )
    consent = data.get("enforcement_consent")
    if "enforcement_consent" in data and not isinstance(consent, bool):
        raise refuse(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Consent to automatic filing is given or not, yes or no; nothing else is read "
                "as consent (SPC Opinions item 14).",
            )
        )
    matters = texts(data["matters"], form) if "matters" in data else None
    return AgreementContent(
        parties=texts(data.get("parties"), form),
        facts=text(data, "facts", form),
        disputes=text(data, "disputes", form),
        responsibilities=text(data, "responsibilities", form),
        terms=text(data, "terms", form),
        obligations=tuple(_obligation(ob, form) for ob in data["obligations"]),
        enforcement_consent=consent,
        matters=matters,
        canonical=canonical_json(data),
    )


def _obligation(ob: Mapping[str, Any], form: Fail) -> Obligation:
    obj(
        ob,
        form,
        (
            "id",
            "obligor",
            "obligee",
            "amount_fen",
            "manner",
            "deadline",
            "instalments",
            "grace_days",
        ),
    )
    parts = None
    if "instalments" in ob:
        parts = tuple(
            InstalmentTerm(
                integer(p, "seq", form),
                integer(p, "amount_fen", form),
                text(obj(p, form, ("seq", "amount_fen", "deadline")), "deadline", form),
            )
            for p in ob["instalments"]
        )
    return Obligation(
        id=text(ob, "id", form),
        obligor=text(ob, "obligor", form),
        obligee=text(ob, "obligee", form),
        amount_fen=integer(ob, "amount_fen", form),
        manner=text(ob, "manner", form),
        deadline=opt_text(ob, "deadline", form),
        instalments=parts,
        grace_days=integer(ob, "grace_days", form) if "grace_days" in ob else None,
    )


def _agreement_proposed(body: Mapping[str, Any]) -> AgreementProposed:
    _only(body, t.AGREEMENT_PROPOSED, ("agreement_id", "version", "content", "content_hash"))
    form = _fail(
        QT_TRANSLATE_NOOP(CONTEXT, "A proposal names the agreement, its version and its text.")
    )
    agreement_id = text(body, "agreement_id", form)
    version = integer(body, "version", form, minimum=1)
    content = body.get("content")
    if (
        not isinstance(content, dict)
        or body.get("content_hash") != hashlib.sha256(canonical_json(content)).hexdigest()
    ):
        raise refuse(
            QT_TRANSLATE_NOOP(CONTEXT, "The agreement's content hash does not match its content.")
        )
    typed_content = agreement_content(content)
    return AgreementProposed(agreement_id, version, typed_content, typed_content.hash)


def _agreement_signed(body: Mapping[str, Any]) -> AgreementSigned:
    _only(body, t.AGREEMENT_SIGNED, ("agreement_id", "version", "content_hash"))
    form = _fail(
        QT_TRANSLATE_NOOP(
            CONTEXT, "A signature names the agreement, the version signed and its content hash."
        )
    )
    return AgreementSigned(
        text(body, "agreement_id", form, blank=True),
        integer(body, "version", form),
        text(body, "content_hash", form, blank=True),
    )


def _ids(body: Mapping[str, Any]) -> tuple[str, str]:
    form = _fail(_PERFORMANCE)
    return text(body, "agreement_id", form), text(body, "obligation_id", form)


def _performance_reported(body: Mapping[str, Any]) -> PerformanceReported:
    _only(
        body, t.PERFORMANCE_REPORTED, ("agreement_id", "obligation_id", "amount_fen", "documents")
    )
    amount = integer(
        body,
        "amount_fen",
        _fail(QT_TRANSLATE_NOOP(CONTEXT, "A reported amount is a whole number of fen.")),
        minimum=0,
    )
    return PerformanceReported(*_ids(body), amount, _optional_documents(body))


def _performance_confirmed(body: Mapping[str, Any]) -> PerformanceConfirmed:
    _only(body, t.PERFORMANCE_CONFIRMED, ("agreement_id", "obligation_id", "amount_fen", "note"))
    amount = integer(
        body,
        "amount_fen",
        _fail(QT_TRANSLATE_NOOP(CONTEXT, "A confirmed amount is a positive number of fen.")),
        minimum=1,
    )
    note = opt_text(body, "note", _fail(_PERFORMANCE))
    return PerformanceConfirmed(*_ids(body), amount, note)


def _performance_disputed(body: Mapping[str, Any]) -> PerformanceDisputed:
    _only(body, t.PERFORMANCE_DISPUTED, ("agreement_id", "obligation_id", "reason"))
    reason = text(body, "reason", _fail(_PERFORMANCE), blank=True)
    return PerformanceDisputed(*_ids(body), reason)


def _confirmation_applied(body: Mapping[str, Any]) -> ConfirmationApplied:
    _only(body, t.CONFIRMATION_APPLIED, ("agreement_id", "court"))
    form = _fail(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "An application for judicial confirmation names the agreement and the court "
            "(PML Art. 33; CPL Art. 205).",
        )
    )
    return ConfirmationApplied(
        text(body, "agreement_id", form), text(body, "court", form, blank=True)
    )


def _confirmation_ruled(body: Mapping[str, Any]) -> ConfirmationRuled:
    _only(body, t.CONFIRMATION_RULED, ("agreement_id", "content_hash", "valid", "court"))
    form = _fail(RULING)
    return ConfirmationRuled(
        text(body, "agreement_id", form, blank=True),
        text(body, "content_hash", form, blank=True),
        flag(body, "valid", form),
        text(body, "court", form),
    )


def _enforcement_requested(body: Mapping[str, Any]) -> EnforcementRequested:
    automatic = ("version", "content_hash", "due_fen", "paid_fen", "deadline", "filing", "basis")
    _only(
        body,
        t.ENFORCEMENT_REQUESTED,
        ("agreement_id", "obligation_id", "instalment", "rule", *automatic),
    )
    form = _fail(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "A filing names the agreement, the obligation, the instalment missed and who "
            "files it (SPC Opinions item 14).",
        )
    )
    agreement_id, obligation_id = (
        text(body, "agreement_id", form),
        text(body, "obligation_id", form),
    )
    instalment = integer(body, "instalment", form, minimum=1)
    rule = choice(FilingRule, body.get("rule"), form)
    if rule is FilingRule.OBLIGEE:
        _only(
            body, t.ENFORCEMENT_REQUESTED, ("agreement_id", "obligation_id", "instalment", "rule")
        )
        return EnforcementRequested(agreement_id, obligation_id, instalment, rule)
    # what the rule computes: anything else is not an automatic filing (the rule compares it)
    form = _fail(AUTOMATIC_ONLY)
    return EnforcementRequested(
        agreement_id,
        obligation_id,
        instalment,
        rule,
        version=integer(body, "version", form, minimum=1),
        content_hash=text(body, "content_hash", form),
        due_fen=integer(body, "due_fen", form, minimum=0),
        paid_fen=integer(body, "paid_fen", form, minimum=0),
        deadline=text(body, "deadline", form),
        filing=choice(FilingKind, body.get("filing"), form),
        basis=opt_text(body, "basis", form),
    )


def _case_closed(body: Mapping[str, Any]) -> CaseClosed:
    _only(body, t.CASE_CLOSED, ("reason",))
    fail = _fail(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Closing a case states why, and the parties are told of their other "
            "remedies (PML Art. 26).",
        )
    )
    return CaseClosed(text(body, "reason", fail))


PARSERS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    t.CASE_OPENED: _case_opened,
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
assert set(PARSERS) == t.ALL


WORDS.parsers = PARSERS
parse = WORDS.parse  # the mediation domain's ``Domain.parse``
