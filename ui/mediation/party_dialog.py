"""One party as the mediator enters it (online mediation rules Art. 8).

Name, kind, role and agent go on the chain; the identity document number, the address and the
phone stay in this computer's case file, and only a salted SHA-256 of the number is signed
(``mediation.services`` splits them). The dialog says so in plain words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mediation.services import PartyInput
from ui.casework.directory import Directory
from ui.casework.widgets import CaseDialog, KeyPicker, button_texts, ok_cancel, open_dialog
from ui.mediation.common import ID_TYPE_NAMES, KIND_NAMES, ROLE_NAMES, word


class PrivacyNote(QLabel):
    """The plain-words note about personal data, shown wherever it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyNote")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#privacyNote { background: #e8f0fe; color: #174ea6; padding: 6px;"
            " border: 1px solid #aecbfa; border-radius: 4px; }"
        )
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setText(
            self.tr(
                "ID numbers, addresses and phone numbers stay on this computer, in the case "
                "file. Only a salted hash of the ID number goes on the chain, so a court holding "
                "the number can check it, and nobody can read it from the chain."
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class PartyDialog(CaseDialog):
    """Enter one party; ``party()`` gives the ``PartyInput`` after ``accept``."""

    entered = Signal(object)  # the PartyInput, once OK is pressed

    def __init__(self, directory: Directory, party_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partyDialog")
        self.party_id = party_id
        self.kind = QComboBox(self)
        self.kind.setObjectName("partyKind")
        self.name = QLineEdit(self)
        self.name.setObjectName("partyName")
        self.role = QComboBox(self)
        self.role.setObjectName("partyRole")
        self.id_type = QComboBox(self)
        self.id_type.setObjectName("idType")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("idNumber")
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("phone")
        self.agent = QLineEdit(self)
        self.agent.setObjectName("agent")
        self.key = KeyPicker(directory, self)
        self.note = PrivacyNote(self)
        for key in KIND_NAMES:
            self.kind.addItem("", key)
        for key in ROLE_NAMES:
            self.role.addItem("", key)
        for key in ID_TYPE_NAMES:
            self.id_type.addItem("", key)
        self.labels = [QLabel(self) for _ in range(9)]
        form = QFormLayout()
        for label, field in zip(
            self.labels,
            (
                self.kind,
                self.name,
                self.role,
                self.id_type,
                self.id_number,
                self.address,
                self.phone,
                self.agent,
                self.key,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.key.changed.connect(self._update)
        self.retranslate_ui()
        self.setMinimumWidth(620)
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Party"))
        for number, text in enumerate(
            (
                self.tr("Person or organisation:"),
                self.tr("Name:"),
                self.tr("Role:"),
                self.tr("Identity document:"),
                self.tr("Document number:"),
                self.tr("Address:"),
                self.tr("Phone:"),
                self.tr("Agent (optional):"),
                self.tr("Signing key:"),
            )
        ):
            self.labels[number].setText(text)
        for combo, table in (
            (self.kind, KIND_NAMES),
            (self.role, ROLE_NAMES),
            (self.id_type, ID_TYPE_NAMES),
        ):
            for number in range(combo.count()):
                combo.setItemText(number, word(table, combo.itemData(number)))
        button_texts(self.buttons, self.tr("Add party"), self.tr("Cancel"))

    @Slot(int)
    def _on_kind(self, _number: int) -> None:
        wanted = "credit_code" if self.kind.currentData() == "organisation" else "resident_id"
        self.id_type.setCurrentIndex(max(0, self.id_type.findData(wanted)))

    @Slot()
    @Slot(str)
    def _update(self, *_args: object) -> None:
        ok = bool(self.name.text().strip()) and not self.key.pasted_problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def set_choice(self, combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def set_party(self, party: PartyInput) -> None:
        """Show ``party`` for editing (its key chosen from the list, or pasted)."""
        self.name.setText(party.name)
        self.set_choice(self.kind, party.kind)
        self.set_choice(self.role, party.role)
        self.set_choice(self.id_type, party.id_type)
        for edit, text in (
            (self.id_number, party.id_number),
            (self.address, party.address),
            (self.phone, party.phone),
            (self.agent, party.agent),
        ):
            edit.setText(text)
        if party.key and not self.key.choose(party.key):
            self.key.paste.setText(party.key)

    def open_for(self, on_entered: Callable[[PartyInput], object]) -> None:
        """Open window-modal (not blocking); ``on_entered`` receives the party after OK."""
        self.entered.connect(on_entered)
        open_dialog(self, self._enter)

    @Slot()
    def _enter(self) -> None:
        self.entered.emit(self.party())

    def party(self) -> PartyInput:
        return PartyInput(
            id=self.party_id,
            name=self.name.text().strip(),
            role=str(self.role.currentData()),
            kind=str(self.kind.currentData()),
            id_type=str(self.id_type.currentData()),
            id_number=self.id_number.text().strip(),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            agent=self.agent.text().strip(),
            key=self.key.vkey() or None,
        )
