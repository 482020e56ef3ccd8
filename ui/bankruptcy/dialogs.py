"""The dialogs that sign a bankruptcy statement: a creditor's declaration (or amendment, a new
version), the administrator's review, an objection to a row, the claim table's publication.

Each dialog builds its statement from what was typed, runs the rule the node will run on it
(``desk.read.bankruptcy.check``) and shows a refusal in the dialog, with its article, before
anything is signed; Sign then goes through ``DeskSession.record`` (which runs the rule once more
against the state it appends to, signs with this profile's key and appends as pending). After a
signature ``signed`` carries the claim id and the dialog closes.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bankruptcy import types as t
from desk.read import bankruptcy as read
from desk.read.bankruptcy import CaseLine, ClaimDetail
from desk.session import DeskSession
from ledger.errors import LedgerError
from ledger.statement import Statement
from ui.bankruptcy.common import (
    GROUP_NAMES,
    ITEM_NAMES,
    NATURE_NAMES,
    OUTCOME_NAMES,
    refusal_text,
    word,
)
from ui.casework.money import format_yuan
from ui.casework.widgets import (
    ERROR_STYLE,
    NOTE_STYLE,
    CaseDialog,
    EvidenceList,
    MoneyEdit,
    button_texts,
    ok_cancel,
)
from ui.errors import without_traceback

OK = QDialogButtonBox.StandardButton.Ok


class SigningDialog(CaseDialog):
    """A dialog that signs one statement: the rule's refusal shows in ``problem``."""

    signed = Signal(str)  # the claim id the statement concerns

    def __init__(self, session: DeskSession, case: CaseLine, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.case = case
        self.claim_id = ""
        self.refusal: LedgerError | None = None
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.buttons = ok_cancel(self, self.sign)

    # -- what a dialog provides ------------------------------------------------------------

    def build(self) -> Statement | None:
        """The statement as typed so far, or None while something is missing."""
        raise NotImplementedError

    # -- checking and signing ------------------------------------------------------------

    def statement(self, type_: str, body: dict[str, Any]) -> Statement:
        return self.session.statement(type_, self.case.case_id, body)

    @Slot()
    def update_state(self) -> None:
        """Check what is typed against the rule; Sign is enabled only when it would pass."""
        self.refusal = None
        statement: Statement | None = None
        try:
            statement = self.build()
            if statement is not None:
                read.check(self.session.store, statement)
        except LedgerError as exc:
            self.refusal = without_traceback(exc)
        self._show_refusal()
        self.buttons.button(OK).setEnabled(statement is not None and self.refusal is None)

    def _show_refusal(self) -> None:
        text = refusal_text(self.refusal) if self.refusal is not None else ""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def retranslate_ui(self) -> None:
        # a base class's texts use its own context (STYLE.md avoid #9: tr() would use the
        # subclass's name)
        button_texts(
            self.buttons,
            QCoreApplication.translate("SigningDialog", "Sign"),
            QCoreApplication.translate("SigningDialog", "Cancel"),
        )
        self._show_refusal()

    @Slot()
    def sign(self) -> None:
        """Sign and append (pending); a refusal stays in the dialog."""
        try:
            statement = self.build()
            if statement is None:
                return
            self.session.record(statement)
        except LedgerError as exc:
            self.refusal = without_traceback(exc)
            self._show_refusal()
            self.buttons.button(OK).setEnabled(False)
            return
        self.signed.emit(self.claim_id)
        self.accept()


def next_claim_id(session: DeskSession, case_id: str) -> str:
    """A claim id of this creditor's own: its key's short id and a number (unique in the case,
    since no other key has the same short id)."""
    mine = set(read.claims_of(session.store, case_id, session.key.vkey))
    short = hashlib.sha256(session.key.vkey.encode()).hexdigest()[:6].upper()
    number = len(mine) + 1
    while f"{short}-{number}" in mine:
        number += 1
    return f"{short}-{number}"


class DeclarationDialog(SigningDialog):
    """A creditor declares a claim (Art. 49; Interp. III Art. 6), or amends one: a new version."""

    def __init__(
        self,
        session: DeskSession,
        case: CaseLine,
        parent: QWidget | None = None,
        *,
        amend: ClaimDetail | None = None,
    ) -> None:
        super().__init__(session, case, parent)
        self.setObjectName("declarationDialog")
        self.amending = amend
        if amend is not None:
            self.claim_id = amend.claim.id
            self.version = max(amend.claim.declarations) + 1
        else:
            self.claim_id = next_claim_id(session, case.case_id)
            self.version = 1
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.principal = MoneyEdit(self, positive=False)
        self.principal.setObjectName("principal")
        self.interest = MoneyEdit(self, positive=False)
        self.interest.setObjectName("interest")
        self.interest_until = QDateEdit(self)
        self.interest_until.setObjectName("interestUntil")
        self.interest_until.setCalendarPopup(True)
        self.interest_until.setDisplayFormat("yyyy-MM-dd")
        self.interest_until.setDate(QDate.fromString(case.accepted_on, "yyyy-MM-dd"))
        self.other = MoneyEdit(self, positive=False)
        self.other.setObjectName("other")
        self.total = QLabel(self)
        self.total.setObjectName("declaredTotal")
        self.nature = QComboBox(self)
        self.nature.setObjectName("nature")
        for nature in t.Nature:
            self.nature.addItem("", nature.value)
        self.collateral = QLineEdit(self)
        self.collateral.setObjectName("collateral")
        self.joint = QCheckBox(self)
        self.joint.setObjectName("joint")
        self.guaranteed = QCheckBox(self)
        self.guaranteed.setObjectName("guaranteed")
        self.agent = QLineEdit(self)
        self.agent.setObjectName("agent")
        self.facts = QPlainTextEdit(self)
        self.facts.setObjectName("facts")
        self.facts.setMaximumHeight(70)
        self.evidence = EvidenceList(self)
        self.labels = [QLabel(self) for _ in range(11)]
        form = QFormLayout()
        for label, field in zip(
            self.labels,
            (
                self.principal,
                self.interest,
                self.interest_until,
                self.other,
                self.total,
                self.nature,
                self.collateral,
                self.joint,
                self.agent,
                self.facts,
                self.evidence,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        form.insertRow(8, "", self.guaranteed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if amend is not None:
            self._fill(amend.claim.declaration)
        for edit in (self.principal, self.interest, self.other):
            edit.changed.connect(self.update_state)
        self.interest_until.dateChanged.connect(self.update_state)
        self.nature.currentIndexChanged.connect(self.update_state)
        self.collateral.textChanged.connect(self.update_state)
        self.evidence.idle.connect(self.update_state)
        self.evidence.model.rowsRemoved.connect(self.update_state)
        self.retranslate_ui()
        self.setMinimumWidth(640)
        self.update_state()

    def _fill(self, declared: t.ClaimDeclared) -> None:
        self.principal.set_fen(declared.principal_fen)
        self.interest.set_fen(declared.interest_fen)
        self.other.set_fen(declared.other_fen)
        if declared.interest_until:
            self.interest_until.setDate(QDate.fromString(declared.interest_until, "yyyy-MM-dd"))
        self.nature.setCurrentIndex(self.nature.findData(declared.nature.value))
        self.collateral.setText(declared.collateral or "")
        self.joint.setChecked(declared.joint)
        self.guaranteed.setChecked(declared.guaranteed)
        self.agent.setText(declared.agent or "")
        self.facts.setPlainText(declared.facts or "")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if self.amending is not None:
            self.setWindowTitle(self.tr("Amend claim {claim}").format(claim=self.claim_id))
            self.intro.setText(
                self.tr(
                    "An amended declaration is version {n} of claim {claim}; the earlier "
                    "versions stay on the chain (Enterprise Bankruptcy Law Art. 49)."
                ).format(n=self.version, claim=self.claim_id)
            )
        else:
            self.setWindowTitle(self.tr("Declare a claim"))
            self.intro.setText(
                self.tr(
                    "Declare your claim against {debtor} to the administrator {administrator}: "
                    "the amounts, whether it is secured, its nature and your evidence "
                    "(Enterprise Bankruptcy Law Art. 49; Interpretation III Art. 6). Interest "
                    "runs at most until the court accepted the case, {accepted} (Art. 46). "
                    "Claim number: {claim}."
                ).format(
                    debtor=self.case.debtor_name,
                    administrator=self.case.administrator_name,
                    accepted=self.case.accepted_on,
                    claim=self.claim_id,
                )
            )
        texts = (
            self.tr("Principal:"),
            self.tr("Interest:"),
            self.tr("Interest until:"),
            self.tr("Other amounts:"),
            self.tr("Total declared:"),
            self.tr("Nature:"),
            self.tr("Collateral:"),
            self.tr("Joint claim (Art. 50):"),
            self.tr("Agent (if any):"),
            self.tr("Facts:"),
            self.tr("Evidence:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.guaranteed.setText(self.tr("A guarantor's or guaranteed claim (Art. 51)"))
        self.joint.setText(self.tr("Yes"))
        for number in range(self.nature.count()):
            self.nature.setItemText(number, word(NATURE_NAMES, self.nature.itemData(number)))
        self.collateral.setPlaceholderText(
            self.tr("What secures the claim, e.g. the mortgaged plant (secured claims only)")
        )
        self._show_total()

    def amounts(self) -> list[int | None]:
        """Principal, interest and other amounts in fen: an empty field is zero, a text that
        is not an amount None."""
        return [
            e.fen() if e.text().strip() else 0 for e in (self.principal, self.interest, self.other)
        ]

    def _show_total(self) -> None:
        amounts = self.amounts()
        if any(a is None for a in amounts):
            self.total.setText("")
            return
        total = sum(a for a in amounts if a is not None)
        self.total.setText(self.tr("{amount} yuan").format(amount=format_yuan(total)))

    @Slot()
    def update_state(self) -> None:
        secured = self.nature.currentData() == t.Nature.SECURED.value
        self.collateral.setEnabled(secured)
        self._show_total()
        super().update_state()

    def build(self) -> Statement | None:
        amounts = self.amounts()
        if any(a is None for a in amounts) or not any(amounts):
            return None
        if self.evidence.busy or not self.evidence.documents():
            return None
        principal, interest, other = (int(a or 0) for a in amounts)
        nature = str(self.nature.currentData())
        secured = nature == t.Nature.SECURED.value
        body: dict[str, Any] = {
            "claim_id": self.claim_id,
            "version": self.version,
            "principal_fen": principal,
            "interest_fen": interest,
            "other_fen": other,
            "nature": nature,
            "secured": secured,
            "joint": self.joint.isChecked(),
            "guaranteed": self.guaranteed.isChecked(),
            "documents": self.evidence.documents(),
        }
        if secured:
            body["collateral"] = self.collateral.text().strip()
        if interest:
            body["interest_until"] = self.interest_until.date().toString("yyyy-MM-dd")
        if self.agent.text().strip():
            body["agent"] = self.agent.text().strip()
        if self.facts.toPlainText().strip():
            body["facts"] = self.facts.toPlainText().strip()
        return self.statement(t.CLAIM_DECLARED, body)


class ReviewDialog(SigningDialog):
    """The administrator reviews a claim amount by amount (Art. 57; Interp. III Art. 6):
    confirm, adjust or reject each, with reasons; never more than declared."""

    def __init__(
        self,
        session: DeskSession,
        case: CaseLine,
        detail: ClaimDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, case, parent)
        self.setObjectName("reviewDialog")
        self.detail = detail
        self.claim_id = detail.claim.id
        self.declared = detail.claim.declaration
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.outcomes: dict[t.Item, QComboBox] = {}
        self.amounts: dict[t.Item, MoneyEdit] = {}
        self.reasons: dict[t.Item, QLineEdit] = {}
        self.item_labels: dict[t.Item, QLabel] = {}
        self.declared_labels: dict[t.Item, QLabel] = {}
        self.headings = [QLabel(self) for _ in range(5)]
        grid = QGridLayout()
        for column, heading in enumerate(self.headings):
            heading.setStyleSheet("font-weight: 600;")
            grid.addWidget(heading, 0, column)
        for row, item in enumerate(t.Item, start=1):
            self.item_labels[item] = QLabel(self)
            self.declared_labels[item] = QLabel(format_yuan(self.declared.amount(item)), self)
            outcome = QComboBox(self)
            outcome.setObjectName(f"outcome_{item.value}")
            for choice in t.Outcome:
                outcome.addItem("", choice.value)
            amount = MoneyEdit(self, positive=False)
            amount.setObjectName(f"amount_{item.value}")
            amount.set_fen(self.declared.amount(item))
            reason = QLineEdit(self)
            reason.setObjectName(f"reason_{item.value}")
            self.outcomes[item], self.amounts[item], self.reasons[item] = outcome, amount, reason
            for column, widget in enumerate(
                (self.item_labels[item], self.declared_labels[item], outcome, amount, reason)
            ):
                grid.addWidget(widget, row, column)
            outcome.currentIndexChanged.connect(self._on_outcome)
            amount.changed.connect(self.update_state)
            reason.textChanged.connect(self.update_state)
        grid.setColumnStretch(4, 1)
        self.nature = QComboBox(self)
        self.nature.setObjectName("reviewNature")
        for nature in t.Nature:
            self.nature.addItem("", nature.value)
        self.nature.setCurrentIndex(self.nature.findData(self.declared.nature.value))
        self.nature_label = QLabel(self)
        self.total = QLabel(self)
        self.total.setObjectName("confirmedTotal")
        form = QFormLayout()
        form.addRow(self.nature_label, self.nature)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.total)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.nature.currentIndexChanged.connect(self.update_state)
        self.retranslate_ui()
        self.setMinimumWidth(760)
        self.update_state()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        claim = self.detail.claim
        self.setWindowTitle(self.tr("Review claim {claim}").format(claim=self.claim_id))
        self.intro.setText(
            self.tr(
                "Review version {n} of claim {claim}, as declared. Confirm, adjust or reject "
                "each amount; an adjusted or rejected amount needs its reason (Interpretation "
                "III Art. 6). A review never confirms more than was declared (Enterprise "
                "Bankruptcy Law Art. 57). This is review {review} of the claim."
            ).format(
                n=max(claim.declarations), claim=self.claim_id, review=claim.review_version + 1
            )
        )
        for heading, text in zip(
            self.headings,
            (
                self.tr("Amount"),
                self.tr("Declared (yuan)"),
                self.tr("Finding"),
                self.tr("Confirmed (yuan)"),
                self.tr("Reason"),
            ),
            strict=True,
        ):
            heading.setText(text)
        for item in t.Item:
            self.item_labels[item].setText(word(ITEM_NAMES, item.value))
            combo = self.outcomes[item]
            for number in range(combo.count()):
                combo.setItemText(number, word(OUTCOME_NAMES, combo.itemData(number)))
        self.nature_label.setText(self.tr("Nature found:"))
        for number in range(self.nature.count()):
            data = self.nature.itemData(number)
            group = word(GROUP_NAMES, t.group_of(t.Nature(data)).value)
            self.nature.setItemText(
                number,
                self.tr("{nature} (group: {group})").format(
                    nature=word(NATURE_NAMES, data), group=group
                ),
            )
        self._show_total()

    @Slot(int)
    def _on_outcome(self, _number: int) -> None:
        """A confirmed amount is the amount declared and a rejected one zero: the dialog fills
        them in; only an adjusted amount is typed."""
        for item, combo in self.outcomes.items():
            outcome = combo.currentData()
            edit = self.amounts[item]
            if outcome == t.Outcome.CONFIRMED.value:
                edit.set_fen(self.declared.amount(item))
            elif outcome == t.Outcome.REJECTED.value:
                edit.set_fen(0)
            edit.edit.setReadOnly(outcome != t.Outcome.ADJUSTED.value)
        self.update_state()

    def _show_total(self) -> None:
        amounts = [self.amounts[i].fen() for i in t.Item]
        if any(a is None for a in amounts):
            self.total.setText("")
            return
        confirmed = sum(a for a in amounts if a is not None)
        self.total.setText(
            self.tr("Confirmed {confirmed} of {declared} yuan declared.").format(
                confirmed=format_yuan(confirmed), declared=format_yuan(self.declared.total_fen)
            )
        )

    @Slot()
    def update_state(self) -> None:
        self._show_total()
        super().update_state()

    def build(self) -> Statement | None:
        items = []
        for item in t.Item:
            amount = self.amounts[item].fen()
            if amount is None:
                return None
            entry: dict[str, Any] = {
                "item": item.value,
                "outcome": str(self.outcomes[item].currentData()),
                "amount_fen": amount,
            }
            reason = self.reasons[item].text().strip()
            if reason:
                entry["reason"] = reason
            items.append(entry)
        nature = str(self.nature.currentData())
        body = {
            "claim_id": self.claim_id,
            "review": self.detail.claim.review_version + 1,
            "declaration": max(self.detail.claim.declarations),
            "items": items,
            "nature": nature,
            "secured": nature == t.Nature.SECURED.value,
        }
        return self.statement(t.CLAIM_REVIEWED, body)


class ObjectionDialog(SigningDialog):
    """A creditor (or the debtor) objects to a row of the published table (Art. 58;
    Interp. III Art. 8): reasons and legal basis."""

    def __init__(
        self,
        session: DeskSession,
        case: CaseLine,
        claim_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, case, parent)
        self.setObjectName("objectionDialog")
        self.claim_id = claim_id
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.reasons = QPlainTextEdit(self)
        self.reasons.setObjectName("objectionReasons")
        self.legal_basis = QLineEdit(self)
        self.legal_basis.setObjectName("legalBasis")
        self.legal_basis.setText("《企业破产法》第五十八条")
        self.reasons_label = QLabel(self)
        self.basis_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.reasons_label, self.reasons)
        form.addRow(self.basis_label, self.legal_basis)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.reasons.textChanged.connect(self.update_state)
        self.legal_basis.textChanged.connect(self.update_state)
        self.objection_id = f"OBJ-{uuid.uuid4().hex[:12].upper()}"  # new, as the rule wants
        self.retranslate_ui()
        self.setMinimumWidth(560)
        self.update_state()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Object to claim {claim}").format(claim=self.claim_id))
        self.intro.setText(
            self.tr(
                "Object to the row of claim {claim} in claim table version {table}, with your "
                "reasons and their legal basis (Enterprise Bankruptcy Law Art. 58; "
                "Interpretation III Art. 8). The administrator answers; if the answer does not "
                "satisfy you, you may sue."
            ).format(claim=self.claim_id, table=self.case.table_version)
        )
        self.reasons_label.setText(self.tr("Reasons:"))
        self.basis_label.setText(self.tr("Legal basis:"))

    def build(self) -> Statement | None:
        reasons = self.reasons.toPlainText().strip()
        basis = self.legal_basis.text().strip()
        if not reasons or not basis or not self.case.table_version:
            return None
        body = {
            "objection_id": self.objection_id,
            "claim_id": self.claim_id,
            "table": self.case.table_version,
            "reasons": reasons,
            "legal_basis": basis,
        }
        return self.statement(t.OBJECTION_RAISED, body)


class PublishDialog(SigningDialog):
    """The administrator publishes the next version of the claim table (Art. 57): its rows as
    recomputed from the reviews on the chain, and the totals per group (Art. 82)."""

    def __init__(self, session: DeskSession, case: CaseLine, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.setObjectName("publishDialog")
        self.body = read.next_table(session.store, case.case_id) or {}
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.totals = QLabel(self)
        self.totals.setObjectName("tableTotals")
        self.totals.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.totals)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.setMinimumWidth(520)
        self.update_state()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Publish the claim table"))
        self.intro.setText(
            self.tr(
                "Publish version {n} of the claim table: {claims} reviewed claims, each from "
                "its latest review (Enterprise Bankruptcy Law Art. 57). Every member's desk "
                "recomputes it from the chain; the node refuses a table that differs."
            ).format(n=self.body.get("table", "?"), claims=self.body.get("claims", 0))
        )
        lines = [
            self.tr(
                "{group}: {claims} claims, declared {declared}, confirmed {confirmed} yuan"
            ).format(
                group=word(GROUP_NAMES, total["group"]),
                claims=total["claims"],
                declared=format_yuan(total["declared_fen"]),
                confirmed=format_yuan(total["confirmed_fen"]),
            )
            for total in self.body.get("totals", [])
        ]
        self.totals.setText("\n".join(lines))

    def build(self) -> Statement | None:
        if not self.body:
            return None
        return self.statement(t.TABLE_PUBLISHED, dict(self.body))
