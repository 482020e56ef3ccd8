"""The statement types of the mediation package (PROTOCOL.md section 1: dotted, namespaced)."""

from __future__ import annotations

PREFIX = "mediation."

CASE_OPENED = "mediation.case.opened"  # by the mediator; body.members enrols keys in the case
PARTY_ADDED = "mediation.party.added"  # by the mediator
DISCLOSURE = "mediation.disclosure"  # conflict-of-interest disclosure (online rules Art. 13)
SESSION_RECORDED = "mediation.session.recorded"  # 调解笔录, by the mediator (PML Art. 27)
SESSION_ACKNOWLEDGED = "mediation.session.acknowledged"  # by each party
AGREEMENT_PROPOSED = "mediation.agreement.proposed"  # a version, by the mediator
AGREEMENT_SIGNED = "mediation.agreement.signed"  # one exact version, by a party or the mediator
PERFORMANCE_REPORTED = "mediation.performance.reported"  # by the obligor, with evidence
PERFORMANCE_CONFIRMED = "mediation.performance.confirmed"  # by the obligee
PERFORMANCE_DISPUTED = "mediation.performance.disputed"  # by the obligee
CONFIRMATION_APPLIED = "mediation.confirmation.applied"  # joint application (PML Art. 33)
CONFIRMATION_RULED = "mediation.confirmation.ruled"  # the court's ruling (CPL Art. 206)
ENFORCEMENT_REQUESTED = "mediation.enforcement.requested"  # node-authored, or by the obligee
CASE_CLOSED = "mediation.case.closed"  # terminated without agreement (PML Art. 26)
DOCUMENT_ISSUED = "document.issued"  # a PDF's own SHA-256, so the Verify page knows the file

ALL = frozenset(
    {
        CASE_OPENED,
        PARTY_ADDED,
        DISCLOSURE,
        SESSION_RECORDED,
        SESSION_ACKNOWLEDGED,
        AGREEMENT_PROPOSED,
        AGREEMENT_SIGNED,
        PERFORMANCE_REPORTED,
        PERFORMANCE_CONFIRMED,
        PERFORMANCE_DISPUTED,
        CONFIRMATION_APPLIED,
        CONFIRMATION_RULED,
        ENFORCEMENT_REQUESTED,
        CASE_CLOSED,
    }
)
