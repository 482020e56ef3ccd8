"""The parties of a case, and the mediator's conflict-of-interest disclosure.

The list shows what the chain holds of each party (name, role, kind, agent, key, whether an
identity hash was signed) and, on the mediator's desktop, the personal data kept in this
computer's case file. The mediator adds a party (``services.add_party``; a party's key can be
given later, never replaced) and discloses any conflict of interest (online mediation rules
Art. 13, ``services.disclose``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casework import private
from desk.read import mediation as read_mediation
from desk.session import DeskSession
from ledger.errors import LedgerError
from ledger.keys import parse_vkey
from mediation import services
from mediation.case import Party
from ui.casework.directory import Directory
from ui.casework.models import DISPLAY, RAW, TOOLTIP, RowsModel
from ui.casework.widgets import push_button, selected_row, table_view
from ui.errors import show_error, without_traceback
from ui.mediation.common import ID_TYPE_NAMES, KIND_NAMES, ROLE_NAMES, local_time, word
from ui.mediation.party_dialog import PartyDialog, PrivacyNote
from ui.mediation.tab import MediationTab


@dataclass(frozen=True)
class PartyRow:
    party: Party
    details: private.PrivateParty | None


class PartiesModel(RowsModel[PartyRow]):
    COLUMNS = 7
    NAME, ROLE, KIND, AGENT, KEY, IDENTITY, CONTACT = range(COLUMNS)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Kind"),
            self.tr("Agent"),
            self.tr("Key id"),
            self.tr("Identity document"),
            self.tr("Contact (this computer only)"),
        ]

    def cell(self, row: PartyRow, column: int, role: int) -> Any:
        party, details = row.party, row.details
        if role == DISPLAY:
            if column == self.NAME:
                return party.name
            if column == self.ROLE:
                return word(ROLE_NAMES, party.role)
            if column == self.KIND:
                return word(KIND_NAMES, party.kind)
            if column == self.AGENT:
                return party.agent
            if column == self.KEY:
                if not party.key:
                    return self.tr("no key yet")
                try:
                    return parse_vkey(party.key).key_id
                except LedgerError:
                    return party.key
            if column == self.IDENTITY:
                if not party.id_hash:
                    return ""
                kind = word(ID_TYPE_NAMES, party.id_type)
                if details is not None and details.id_number:
                    return self.tr("{kind} {number}").format(
                        kind=kind, number=private.masked(details.id_number)
                    )
                return self.tr("{kind} (salted hash on the chain)").format(kind=kind)
            if column == self.CONTACT:
                if details is None:
                    return ""
                return self.tr("; ").join(x for x in (details.address, details.phone) if x)
        if role == RAW:
            return party.id if column == self.NAME else None
        if role == TOOLTIP:
            if column == self.KEY:
                return party.key or ""
            if column == self.IDENTITY and party.id_hash:
                return party.id_hash
        return None


@dataclass(frozen=True)
class DisclosureRow:
    time: str
    conflict: bool
    text: str


class DisclosuresModel(RowsModel[DisclosureRow]):
    def headers(self) -> list[str]:
        return [self.tr("Disclosed"), self.tr("Conflict of interest"), self.tr("Explanation")]

    def cell(self, row: DisclosureRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == 0:
                return local_time(row.time)
            if column == 1:
                return self.tr("yes") if row.conflict else self.tr("none")
            if column == 2:
                return row.text
        if role == TOOLTIP and column == 2:
            return row.text
        return None


class PartiesTab(MediationTab):
    def __init__(
        self, session: DeskSession, directory: Directory, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("partiesTab")
        self.directory = directory
        self.party_dialog: PartyDialog | None = None
        self._updating: str | None = None
        self._private_problem: str | None = None  # the private-data error last shown
        self.model = PartiesModel(self)
        self.table = table_view(self, self.model, "parties", stretch=PartiesModel.CONTACT)
        self.table.setWordWrap(True)
        self.add_button = push_button(self, self.add_party, "addCaseParty")
        self.update_button = push_button(self, self.update_party, "updateParty")
        self.note = PrivacyNote(self)

        self.disclosure_box = QGroupBox(self)
        self.disclosures = DisclosuresModel(self)
        self.disclosures_view = table_view(
            self.disclosure_box, self.disclosures, "disclosures", stretch=2
        )
        self.disclosures_view.setMaximumHeight(120)
        self.disclosure_intro = QLabel(self.disclosure_box)
        self.disclosure_intro.setWordWrap(True)
        self.no_conflict = QRadioButton(self.disclosure_box)
        self.no_conflict.setObjectName("noConflict")
        self.no_conflict.setChecked(True)
        self.conflict = QRadioButton(self.disclosure_box)
        self.conflict.setObjectName("conflict")
        group = QButtonGroup(self)
        group.addButton(self.no_conflict)
        group.addButton(self.conflict)
        self.disclosure_text = QPlainTextEdit(self.disclosure_box)
        self.disclosure_text.setObjectName("disclosureText")
        self.disclosure_text.setFixedHeight(56)
        self.disclose_button = push_button(self.disclosure_box, self.disclose, "disclose")
        choice = QHBoxLayout()
        choice.addWidget(self.no_conflict)
        choice.addWidget(self.conflict)
        choice.addStretch(1)
        choice.addWidget(self.disclose_button)
        box_layout = QVBoxLayout(self.disclosure_box)
        box_layout.addWidget(self.disclosures_view)
        box_layout.addWidget(self.disclosure_intro)
        box_layout.addLayout(choice)
        box_layout.addWidget(self.disclosure_text)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.update_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.disclosure_box)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add party…"))
        self.update_button.setText(self.tr("Complete party details…"))
        self.update_button.setToolTip(
            self.tr("Give a party their signing key, or add details; a key once given stays.")
        )
        self.disclosure_box.setTitle(self.tr("Conflict-of-interest disclosure (Art. 13)"))
        self.disclosure_intro.setText(
            self.tr(
                "Online mediation rules Art. 13: the mediator tells the parties of any "
                "relationship with a party or interest in the outcome that could affect "
                "impartiality, so they can accept or refuse the mediator."
            )
        )
        self.no_conflict.setText(self.tr("I have no conflict of interest"))
        self.conflict.setText(self.tr("I have a conflict of interest:"))
        self.disclosure_text.setPlaceholderText(
            self.tr("Explain (e.g. “I know the applicant from our former workplace”).")
        )
        self.disclose_button.setText(self.tr("Sign the disclosure"))
        self.model.retranslate()
        self.disclosures.retranslate()

    def update_view(self) -> None:
        view = self.view
        if view is None:
            return
        problem: LedgerError | None = None
        try:
            details = read_mediation.party_details(self.session.store, view.case_id)
        except LedgerError as exc:  # altered or foreign private data: the parties still show
            details, problem = {}, without_traceback(exc)  # kept in a local: no cycle
        self.model.set_rows([PartyRow(p, details.get(p.id)) for p in view.state.parties.values()])
        if problem is not None and str(problem) != self._private_problem:
            show_error(self, problem)  # once, not at every refresh
        self._private_problem = str(problem) if problem is not None else None
        self.disclosures.set_rows(
            [DisclosureRow(d.time, d.body.conflict, d.body.text) for d in view.state.disclosures]
        )
        mediator = view.is_mediator and view.state.closed is None
        for widget in (
            self.add_button,
            self.update_button,
            self.no_conflict,
            self.conflict,
            self.disclosure_text,
            self.disclose_button,
        ):
            widget.setVisible(mediator)
        self.disclosure_intro.setVisible(True)

    # -- parties ---------------------------------------------------------------------------

    @Slot()
    def add_party(self) -> None:
        self._updating = None
        self._open(
            PartyDialog(
                self.directory,
                services.next_party_id(self.view.state.parties if self.view else ()),
                self,
            )
        )

    @Slot()
    def update_party(self) -> None:
        row = selected_row(self.table)
        if row is None or self.view is None:
            return
        current = self.model.rows[row]
        party, details = current.party, current.details
        dialog = PartyDialog(self.directory, party.id, self)
        dialog.set_party(
            services.PartyInput(
                party.id,
                party.name,
                party.role,
                party.kind,
                party.id_type or "resident_id",
                details.id_number if details is not None else "",
                details.address if details is not None else "",
                details.phone if details is not None else "",
                party.agent,
                party.key,
            )
        )
        dialog.key.setEnabled(not party.key)  # a party's key is not replaced here
        self._updating = party.id
        self._open(dialog)

    def _open(self, dialog: PartyDialog) -> None:
        self.party_dialog = dialog
        dialog.open_for(self._on_party)

    @Slot(object)
    def _on_party(self, party: services.PartyInput) -> None:
        self.party_dialog = None
        case_id = self.case_id
        prepared: list[services.Prepared] = []

        def build(past: list[Any]) -> Any:
            prepared.append(services.add_party(self.session, past, case_id, party))
            return prepared[-1].statement

        def save_private(session: Any) -> None:
            private.save(session, prepared[-1].private_rows)

        self.sign(build, also=save_private)

    # -- disclosure ------------------------------------------------------------------------

    @Slot()
    def disclose(self) -> None:
        conflict = self.conflict.isChecked()
        text = self.disclosure_text.toPlainText()
        if conflict and not text.strip():
            self.disclosure_text.setFocus()
            return
        if not text.strip():
            text = self.tr("I have no relationship with any party and no interest in the outcome.")
        case_id = self.case_id
        entry = self.sign(partial(self._disclosure, case_id=case_id, conflict=conflict, text=text))
        if entry is not None:
            self.disclosure_text.clear()

    def _disclosure(self, past: list[Any], *, case_id: str, conflict: bool, text: str) -> Any:
        return services.disclose(self.session, past, case_id, conflict, text)
