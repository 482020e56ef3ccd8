"""Open a mediation case (PML Art. 17; online mediation rules Art. 8): the dispute, the
organisation, the mediator, and at least two parties with the keys they will sign with.

``services.open_case`` checks the statement against the rules and splits off the parties'
personal data; ``DeskSession.record`` signs it with the mediator's key and stores the private
rows in the same transaction (``also``), so either both are kept or neither.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casework import private
from desk.read import mediation as read_mediation
from desk.session import DeskSession
from mediation import services
from ui.casework.directory import Directory
from ui.casework.models import DISPLAY, RAW, RowsModel
from ui.casework.widgets import (
    CaseDialog,
    ok_cancel,
    push_button,
    selected_row,
    table_view,
)
from ui.mediation.common import KIND_NAMES, ROLE_NAMES, attempt, word
from ui.mediation.party_dialog import PartyDialog, PrivacyNote


class PartiesInputModel(RowsModel[services.PartyInput]):
    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Role"), self.tr("Kind"), self.tr("Signing key")]

    def cell(self, row: services.PartyInput, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == 0:
                return row.name
            if column == 1:
                return word(ROLE_NAMES, row.role)
            if column == 2:
                return word(KIND_NAMES, row.kind)
            if column == 3:
                return row.key.split("+", 1)[0] if row.key else self.tr("none yet")
        if role == RAW:
            return row.id
        return None


class NewCaseDialog(CaseDialog):
    """``opened(case_id)`` is emitted once the case is signed and stored."""

    opened = Signal(str)

    def __init__(
        self, session: DeskSession, directory: Directory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseDialog")
        self.session = session
        self.directory = directory
        self.case_id = ""
        self.party_dialog: PartyDialog | None = None
        self._editing: int | None = None

        self.dispute_type = QComboBox(self)
        self.dispute_type.setObjectName("disputeType")
        self.dispute_type.setEditable(True)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setFixedHeight(70)
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("organisation")
        self.mediator_name = QLineEdit(self)
        self.mediator_name.setObjectName("mediatorName")
        self.mediator_name.setText(session.settings.display_name)
        self.organisation.setText(self._last_organisation())

        self.parties = PartiesInputModel(self)
        self.parties_view = table_view(self, self.parties, "newCaseParties", stretch=3)
        self.parties_view.setMinimumHeight(110)
        self.add_button = push_button(self, self.add_party, "addParty")
        self.edit_button = push_button(self, self.edit_party)
        self.remove_button = push_button(self, self.remove_party)
        self.note = PrivacyNote(self)

        self.labels = [QLabel(self) for _ in range(5)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.dispute_type)
        form.addRow(self.labels[1], self.summary)
        form.addRow(self.labels[2], self.organisation)
        form.addRow(self.labels[3], self.mediator_name)
        party_buttons = QHBoxLayout()
        party_buttons.addWidget(self.add_button)
        party_buttons.addWidget(self.edit_button)
        party_buttons.addWidget(self.remove_button)
        party_buttons.addStretch(1)
        self.buttons = ok_cancel(self, self.open_case)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.labels[4])
        layout.addWidget(self.parties_view, 1)
        layout.addLayout(party_buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        for edit in (self.organisation, self.mediator_name):
            edit.textChanged.connect(self._update)
        self.summary.textChanged.connect(self._update)
        self.dispute_type.editTextChanged.connect(self._update)
        self.parties.rowsInserted.connect(self._update)
        self.parties.rowsRemoved.connect(self._update)
        self.parties.modelReset.connect(self._update)
        self.retranslate_ui()
        self.resize(720, 640)
        self._update()

    def _last_organisation(self) -> str:
        return read_mediation.last_organisation(self.session.store, self.session.key.vkey)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New mediation case"))
        typed = self.dispute_type.currentText()
        self.dispute_type.blockSignals(True)
        self.dispute_type.clear()
        self.dispute_type.addItems(
            [
                self.tr("Private lending dispute"),
                self.tr("Neighbourhood dispute"),
                self.tr("Property management dispute"),
                self.tr("Labour remuneration dispute"),
                self.tr("Consumer dispute"),
                self.tr("Traffic accident compensation dispute"),
                self.tr("Sales contract dispute"),
            ]
        )
        self.dispute_type.setEditText(typed)
        self.dispute_type.blockSignals(False)
        self.dispute_type.lineEdit().setPlaceholderText(self.tr("Choose or type the dispute type"))
        self.summary.setPlaceholderText(self.tr("What the dispute is about, in a few sentences"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Dispute type:"),
                self.tr("Summary:"),
                self.tr("Mediation organisation:"),
                self.tr("Mediator:"),
                self.tr("Parties (at least two):"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.add_button.setText(self.tr("Add party…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Sign and open the case")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.parties.retranslate()

    @Slot()
    @Slot(str)
    def _update(self, *_args: object) -> None:
        ready = (
            bool(self.dispute_type.currentText().strip())
            and bool(self.summary.toPlainText().strip())
            and bool(self.organisation.text().strip())
            and bool(self.mediator_name.text().strip())
            and len(self.parties.rows) >= 2
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    # -- parties ---------------------------------------------------------------------------

    @Slot()
    def add_party(self) -> None:
        self._editing = None
        self._open_party_dialog(
            PartyDialog(
                self.directory, services.next_party_id(p.id for p in self.parties.rows), self
            )
        )

    @Slot()
    def edit_party(self) -> None:
        row = selected_row(self.parties_view)
        if row is None:
            return
        self._editing = row
        party = self.parties.rows[row]
        dialog = PartyDialog(self.directory, party.id, self)
        dialog.set_party(party)
        self._open_party_dialog(dialog)

    def _open_party_dialog(self, dialog: PartyDialog) -> None:
        if not self.parties.rows and self._editing is None:
            dialog.set_choice(dialog.role, "applicant")
        elif self._editing is None:
            dialog.set_choice(dialog.role, "respondent")
        self.party_dialog = dialog
        dialog.open_for(self._on_party)

    @Slot(object)
    def _on_party(self, party: services.PartyInput) -> None:
        if self._editing is None:
            self.parties.append(party)
        else:
            self.parties.replace(self._editing, party)
        self.party_dialog = None

    @Slot()
    def remove_party(self) -> None:
        row = selected_row(self.parties_view)
        if row is not None:
            self.parties.remove(row)

    # -- opening ---------------------------------------------------------------------------

    @Slot()
    def open_case(self) -> None:
        """Build, check, sign and store the opening statement; stay open if a rule says no."""
        session = self.session
        case_id = services.new_case_id(session.clock.now())

        def sign() -> str:
            prepared = services.open_case(
                session,
                case_id=case_id,
                dispute_type=self.dispute_type.currentText(),
                summary=self.summary.toPlainText(),
                organisation=self.organisation.text(),
                mediator_name=self.mediator_name.text(),
                parties=list(self.parties.rows),
            )
            session.record(
                prepared.statement, also=partial(private.save, rows=prepared.private_rows)
            )
            return case_id

        opened = attempt(self, sign)
        if opened is None:
            return
        self.case_id = opened
        self.opened.emit(opened)
        self.accept()
