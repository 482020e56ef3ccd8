"""What the mediation pages share: a case as the desk reads it, its words, its errors.

``load_case`` reads one case through the desk's read API (``desk.read.mediation.read_case``):
the store's own state of the case (kept one entry at a time; nothing is folded here) and its
entries in log order with their chain status, both without the entries the node rejected (they
count nowhere; the Chain page lists them with the reason). It can take time in a large case:
the case page calls it off the GUI thread.

Words: statement types, statuses, roles and the domain's findings are translated here. The
domain's own texts (``Finding.message``, ``ContractViolation`` templates of the rules) are
English templates in the translation context ``Mediation``; ``finding_text`` and
``show_mediation_error`` translate them before filling their arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.read.entries import Logged
from desk.read.mediation import CaseRead, read_case
from ledger.errors import LedgerError
from ledger.store.store import Store
from mediation import types as t
from mediation.agreement import CONTEXT as DOMAIN_CONTEXT
from mediation.agreement import Finding
from mediation.case import Agreement, CaseState
from ui.casework import tab
from ui.errors import show_error
from ui.pages import local_time

__all__ = ["local_time"]

WORDS = "MediationWords"  # the context of the words below
T = TypeVar("T")

STATUS_NAMES = {
    "open": QT_TRANSLATE_NOOP("MediationWords", "In mediation"),
    "signing": QT_TRANSLATE_NOOP("MediationWords", "Signing"),
    "effective": QT_TRANSLATE_NOOP("MediationWords", "In effect"),
    "enforcement": QT_TRANSLATE_NOOP("MediationWords", "Filed with the court"),
    "closed": QT_TRANSLATE_NOOP("MediationWords", "Closed"),
}
STATUSES = tuple(STATUS_NAMES)

ROLE_NAMES = {
    "applicant": QT_TRANSLATE_NOOP("MediationWords", "Applicant"),
    "respondent": QT_TRANSLATE_NOOP("MediationWords", "Respondent"),
    "third_party": QT_TRANSLATE_NOOP("MediationWords", "Third party"),
}
KIND_NAMES = {
    "person": QT_TRANSLATE_NOOP("MediationWords", "Person"),
    "organisation": QT_TRANSLATE_NOOP("MediationWords", "Organisation"),
}
ID_TYPE_NAMES = {
    "resident_id": QT_TRANSLATE_NOOP("MediationWords", "Resident identity card"),
    "passport": QT_TRANSLATE_NOOP("MediationWords", "Passport"),
    "credit_code": QT_TRANSLATE_NOOP("MediationWords", "Unified social credit code"),
}
TYPE_NAMES = {
    t.CASE_OPENED: QT_TRANSLATE_NOOP("MediationWords", "Case opened"),
    t.PARTY_ADDED: QT_TRANSLATE_NOOP("MediationWords", "Party added"),
    t.DISCLOSURE: QT_TRANSLATE_NOOP("MediationWords", "Conflict-of-interest disclosure"),
    t.SESSION_RECORDED: QT_TRANSLATE_NOOP("MediationWords", "Session recorded"),
    t.SESSION_ACKNOWLEDGED: QT_TRANSLATE_NOOP("MediationWords", "Session record acknowledged"),
    t.AGREEMENT_PROPOSED: QT_TRANSLATE_NOOP("MediationWords", "Agreement proposed"),
    t.AGREEMENT_SIGNED: QT_TRANSLATE_NOOP("MediationWords", "Agreement signed"),
    t.PERFORMANCE_REPORTED: QT_TRANSLATE_NOOP("MediationWords", "Performance reported"),
    t.PERFORMANCE_CONFIRMED: QT_TRANSLATE_NOOP("MediationWords", "Payment confirmed"),
    t.PERFORMANCE_DISPUTED: QT_TRANSLATE_NOOP("MediationWords", "Performance disputed"),
    t.CONFIRMATION_APPLIED: QT_TRANSLATE_NOOP(
        "MediationWords", "Judicial confirmation applied for"
    ),
    t.ENFORCEMENT_REQUESTED: QT_TRANSLATE_NOOP("MediationWords", "Filed with the court"),
    t.CASE_CLOSED: QT_TRANSLATE_NOOP("MediationWords", "Case closed"),
    t.DOCUMENT_ISSUED: QT_TRANSLATE_NOOP("MediationWords", "Document registered"),
    "evidence.deposited": QT_TRANSLATE_NOOP("MediationWords", "Evidence deposited"),
}
MATTER_NAMES = {
    "status_relation": QT_TRANSLATE_NOOP(
        "MediationWords",
        "Confirming a marriage, parent-child or adoption relation as valid, invalid or dissolved",
    ),
    "special_procedure": QT_TRANSLATE_NOOP(
        "MediationWords", "A special, public-notice or bankruptcy procedure"
    ),
    "property_title": QT_TRANSLATE_NOOP("MediationWords", "Confirming ownership of property"),
    "ip_title": QT_TRANSLATE_NOOP(
        "MediationWords", "Confirming ownership of intellectual property"
    ),
}


def word(table: dict[str, str], key: str) -> str:
    """``key`` looked up in one of the tables above, in the current UI language."""
    source = table.get(key)
    return QCoreApplication.translate(WORDS, source) if source else key


def mediation_text(template: str) -> str:
    """A domain template (context ``Mediation``) in the current UI language."""
    return QCoreApplication.translate(DOMAIN_CONTEXT, template)


def finding_text(finding: Finding) -> str:
    return finding.text(mediation_text(finding.message))


def show_mediation_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """``ui.errors.show_error``, with the rules' texts translated in their own context.

    A ``ContractViolation`` of the mediation rules carries an English template of the context
    ``Mediation`` (``ui.errors`` looks in ``LedgerError``); when a translation exists, the
    error is shown through a copy holding the translated template and the same arguments.
    """
    if isinstance(exc, LedgerError):
        translated = mediation_text(exc.message)
        if translated != exc.message:
            copy = LedgerError(translated, **exc.args_for_message)
            copy.__cause__ = exc
            exc = copy
    return show_error(parent, exc)


def attempt(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run ``action``; an expected failure (a rule said no) is shown and gives None."""
    return tab.attempt(parent, action, show_mediation_error)


def local_moment(moment: datetime | None) -> str:
    """An aware moment in this computer's time zone, e.g. ``2026-11-27 16:37``."""
    if moment is None:
        return ""
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(stamp, "yyyy-MM-dd HH:mm")


# -- one case, read from the local store -----------------------------------------------------


@dataclass
class CaseView:
    """A case as this desktop holds it: its state and its entries that count, each with its
    chain status (entries the node rejected are in neither)."""

    case_id: str
    me: str  # this profile's verifier key
    node_vkey: str
    logged: list[Logged] = field(default_factory=list)
    state: CaseState = field(default_factory=lambda: CaseState(""))
    status: str = "open"  # the case list's word for it

    @property
    def exists(self) -> bool:
        return bool(self.state.opened_by)

    @property
    def is_mediator(self) -> bool:
        return self.exists and self.me == self.state.mediator

    @property
    def my_party(self) -> str | None:
        party = self.state.party_by_key(self.me)
        return party.id if party is not None else None

    @property
    def agreement(self) -> Agreement | None:
        return self.state.agreements.get("A1")

    def of_type(self, kind: str) -> list[Logged]:
        return [item for item in self.logged if item.statement.type == kind]

    def name_of(self, actor: str) -> str:
        """Who signed: a party's name, the mediator's, or the chain node."""
        party = self.state.party_by_key(actor)
        if party is not None:
            return party.name
        if actor == self.state.mediator:
            return self.state.mediator_name or QCoreApplication.translate(
                "MediationWords", "Mediator"
            )
        if actor and actor == self.node_vkey:
            return QCoreApplication.translate("MediationWords", "Chain node")
        return actor.split("+", 1)[0]

    def role_of(self, actor: str) -> str:
        party = self.state.party_by_key(actor)
        if party is not None:
            return word(ROLE_NAMES, party.role)
        if actor == self.state.mediator:
            return QCoreApplication.translate("MediationWords", "Mediator")
        if actor and actor == self.node_vkey:
            return QCoreApplication.translate("MediationWords", "Contract rule")
        return ""

    def party_name(self, party_id: str) -> str:
        party = self.state.parties.get(party_id)
        return party.name if party is not None else party_id


def case_view(read: CaseRead, me: str) -> CaseView:
    """The view of a case the desk read (``read_case``), for the profile whose key is ``me``."""
    return CaseView(read.case_id, me, read.node_vkey, list(read.entries), read.state, read.status)


def load_case(store: Store, case_id: str, me: str) -> CaseView:
    """Read the case through the desk's read API (slow in a large case: off the GUI thread)."""
    return case_view(read_case(store, case_id), me)
