"""The agreement (调解协议书): its contents per People's Mediation Law Art. 29, its versions,
and who signed which.

- The editor holds the Art. 29 contents: the parties, the main facts, the disputed matters,
  each party's responsibility, the agreed terms, and the obligations (obligor, obligee,
  amount in fen, manner, deadline, grace days, instalments), the parties' consent to an
  automatic enforcement filing, and the matters that would bar judicial confirmation.
- The completeness panel lists, live, what Art. 29 still asks for (``agreement.completeness``,
  each with its article) and the parties who have no key to sign with; "Propose" is disabled
  until it is empty. The warnings panel lists where a court would refuse judicial confirmation
  (``agreement.confirmation_risks``: CPL Interpretation Art. 355, 358).
- "Propose" signs the next version; any earlier version's signatures no longer count (its hash
  differs: online mediation rules Art. 19), and the tab says so before and after.
- The signature panel shows, for the latest version, every signer needed, whether they signed,
  and each signature's chain status; "Sign" signs with this profile's key, "A party signs at
  this desk" with the party's own key (``signing.PartyKeyDialog``). Once everyone signed, the
  agreement is in effect, and the banner says since when (local time).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.session import DeskSession
from mediation import services
from mediation.agreement import NOT_CONFIRMABLE_MATTERS, completeness, confirmation_risks
from ui.casework.models import DISPLAY, RAW, RowsModel
from ui.casework.money import format_yuan
from ui.casework.widgets import open_dialog, push_button, selected_row, table_view
from ui.mediation.common import MATTER_NAMES, finding_text, local_time, word
from ui.mediation.obligation_dialog import ObligationDialog
from ui.mediation.signatures import SignaturesModel, signer_rows
from ui.mediation.tab import MediationTab

BANNER_STYLE = (
    "#effectiveBanner { background: #e6f4ea; color: #0d652d; border: 1px solid #a8dab5;"
    " border-radius: 4px; padding: 8px; font-weight: 600; }"
)
MISSING_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #7a4f01;"


class ObligationsModel(RowsModel[dict[str, Any]]):
    COLUMNS = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Obligor"),
            self.tr("Obligee"),
            self.tr("Amount (yuan)"),
            self.tr("Manner"),
            self.tr("Deadline"),
            self.tr("Grace days"),
        ]

    def deadlines(self, ob: dict[str, Any]) -> str:
        parts = ob.get("instalments") or []
        if not parts:
            return str(ob.get("deadline", ""))
        return self.tr("; ").join(
            self.tr("{amount} by {deadline}").format(
                amount=format_yuan(p["amount_fen"]), deadline=p["deadline"]
            )
            for p in parts
        )

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == 0:
                return row.get("id")
            if column == 1:
                return self.names.get(row.get("obligor", ""), row.get("obligor"))
            if column == 2:
                return self.names.get(row.get("obligee", ""), row.get("obligee"))
            if column == 3:
                amount = row.get("amount_fen")
                return format_yuan(amount) if isinstance(amount, int) else ""
            if column == 4:
                return row.get("manner", "")
            if column == 5:
                return self.deadlines(row)
            if column == 6:
                return row.get("grace_days", 0)
        if role == RAW:
            return row.get("id") if column == 0 else None
        return None


class AgreementTab(MediationTab):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("agreementTab")
        self.loaded_case = ""  # the case whose agreement the editor shows
        self.loaded_version = 0  # the version shown in the editor (0: none yet)
        self.dirty = False  # the editor holds changes not yet proposed
        self.missing: list[str] = []  # the completeness panel's lines, as shown
        self.warnings: list[str] = []
        self.obligation_dialog: ObligationDialog | None = None
        self._editing: int | None = None
        self._loading = False
        self.editable = False  # the editor may be changed here (the mediator, before effect)

        # -- the editor ------------------------------------------------------------------
        editor = QWidget(self)
        self.version_label = QLabel(editor)
        self.version_label.setObjectName("versionLabel")
        self.version_label.setWordWrap(True)
        self.parties_list = QListWidget(editor)
        self.parties_list.setObjectName("agreementParties")
        self.parties_list.setMaximumHeight(64)
        self.facts = QPlainTextEdit(editor)
        self.facts.setObjectName("facts")
        self.disputes = QPlainTextEdit(editor)
        self.disputes.setObjectName("disputes")
        self.responsibilities = QPlainTextEdit(editor)
        self.responsibilities.setObjectName("responsibilities")
        self.terms = QPlainTextEdit(editor)
        self.terms.setObjectName("terms")
        for edit in (self.facts, self.disputes, self.responsibilities, self.terms):
            edit.setFixedHeight(64)
            edit.textChanged.connect(self._edited)
        self.obligations = ObligationsModel(self)
        self.obligations_view = table_view(editor, self.obligations, "obligations", stretch=5)
        self.obligations_view.setMinimumHeight(90)
        self.obligations_view.doubleClicked.connect(self.edit_obligation)
        self.add_obligation_button = push_button(editor, self.add_obligation, "addObligation")
        self.edit_obligation_button = push_button(editor, self.edit_obligation)
        self.remove_obligation_button = push_button(editor, self.remove_obligation)
        self.consent = QCheckBox(editor)
        self.consent.setObjectName("enforcementConsent")
        self.consent.toggled.connect(self._edited)
        self.consent_note = QLabel(editor)
        self.consent_note.setWordWrap(True)
        self.consent_note.setStyleSheet("color: palette(mid);")
        self.matters_box = QGroupBox(editor)
        self.matters: dict[str, QCheckBox] = {}
        matters_layout = QVBoxLayout(self.matters_box)
        for matter in NOT_CONFIRMABLE_MATTERS:
            box = QCheckBox(self.matters_box)
            box.setObjectName("matter_" + matter)
            box.toggled.connect(self._edited)
            self.matters[matter] = box
            matters_layout.addWidget(box)
        self.parties_list.itemChanged.connect(self._edited)

        self.labels = [QLabel(editor) for _ in range(6)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.parties_list)
        form.addRow(self.labels[1], self.facts)
        form.addRow(self.labels[2], self.disputes)
        form.addRow(self.labels[3], self.responsibilities)
        form.addRow(self.labels[4], self.terms)
        ob_buttons = QHBoxLayout()
        ob_buttons.addWidget(self.add_obligation_button)
        ob_buttons.addWidget(self.edit_obligation_button)
        ob_buttons.addWidget(self.remove_obligation_button)
        ob_buttons.addStretch(1)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.version_label)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.labels[5])
        editor_layout.addWidget(self.obligations_view)
        editor_layout.addLayout(ob_buttons)
        editor_layout.addWidget(self.consent)
        editor_layout.addWidget(self.consent_note)
        editor_layout.addWidget(self.matters_box)
        editor_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        self.editor = editor

        # -- checks, proposing, signatures ---------------------------------------------------
        side = QWidget(self)
        self.banner = QLabel(side)
        self.banner.setObjectName("effectiveBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.missing_box = QGroupBox(side)
        self.missing_box.setObjectName("completenessPanel")
        self.missing_label = QLabel(self.missing_box)
        self.missing_label.setObjectName("missing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.missing_box).addWidget(self.missing_label)
        self.warnings_box = QGroupBox(side)
        self.warnings_box.setObjectName("warningsPanel")
        self.warnings_label = QLabel(self.warnings_box)
        self.warnings_label.setObjectName("warnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.setStyleSheet(WARNING_STYLE)
        QVBoxLayout(self.warnings_box).addWidget(self.warnings_label)
        self.propose_button = push_button(side, self.propose, "propose")
        self.propose_note = QLabel(side)
        self.propose_note.setObjectName("proposeNote")
        self.propose_note.setWordWrap(True)

        self.signatures_box = QGroupBox(side)
        self.signatures_box.setObjectName("signaturePanel")
        self.signatures = SignaturesModel(self)
        self.signatures_view = table_view(
            self.signatures_box, self.signatures, "signatures", stretch=SignaturesModel.CHAIN
        )
        self.signatures_view.setMinimumHeight(110)
        self.sign_button = push_button(self.signatures_box, self.sign_own, "signAgreement")
        self.at_desk_button = push_button(
            self.signatures_box, self.sign_party_at_desk, "signAtDesk"
        )
        self.signatures_note = QLabel(self.signatures_box)
        self.signatures_note.setWordWrap(True)
        sign_buttons = QHBoxLayout()
        sign_buttons.addWidget(self.sign_button)
        sign_buttons.addWidget(self.at_desk_button)
        sign_buttons.addStretch(1)
        sig_layout = QVBoxLayout(self.signatures_box)
        sig_layout.addWidget(self.signatures_view, 1)
        sig_layout.addLayout(sign_buttons)
        sig_layout.addWidget(self.signatures_note)

        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.banner)
        side_layout.addWidget(self.missing_box)
        side_layout.addWidget(self.warnings_box)
        side_layout.addWidget(self.propose_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addWidget(self.propose_note)
        side_layout.addWidget(self.signatures_box, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate_ui()

    # -- texts -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        for label, text in zip(
            self.labels,
            (
                self.tr("Parties to the agreement:"),
                self.tr("Main facts of the dispute:"),
                self.tr("Disputed matters:"),
                self.tr("Each party's responsibility:"),
                self.tr("What the parties agreed:"),
                self.tr("Obligations (manner and time limit of performance, Art. 29(3)):"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.add_obligation_button.setText(self.tr("Add obligation…"))
        self.edit_obligation_button.setText(self.tr("Edit…"))
        self.remove_obligation_button.setText(self.tr("Remove"))
        self.consent.setText(self.tr("Non-performance triggers a filing with the court"))
        self.consent_note.setText(
            self.tr(
                "Ticked, every party agrees in the agreement that if an obligation is not "
                "performed by its deadline and grace period, the chain's contract rule files "
                "with the court by itself: for enforcement once a court has confirmed the "
                "agreement (People's Mediation Law Art. 33), otherwise for trial (Art. 32); SPC "
                "Opinions on blockchain judicial applications, item 14. Unticked, the obligee "
                "applies with one click."
            )
        )
        self.matters_box.setTitle(
            self.tr("The agreement concerns (a court would not confirm it, CPL Interp. 355):")
        )
        for matter, box in self.matters.items():
            box.setText(word(MATTER_NAMES, matter))
        self.missing_box.setTitle(self.tr("Missing before it can be proposed"))
        self.warnings_box.setTitle(self.tr("Judicial confirmation risks"))
        self.signatures_box.setTitle(self.tr("Signatures on the latest version"))
        self.sign_button.setText(self.tr("Sign"))
        self.at_desk_button.setText(self.tr("A party signs at this desk…"))
        self.signatures.retranslate()
        self.obligations.retranslate()
        self.check()

    # -- showing the case ------------------------------------------------------------------

    def update_view(self) -> None:
        view = self.view
        if view is None:
            return
        state = view.state
        agreement = view.agreement
        latest = agreement.latest if agreement is not None else None
        effective = agreement is not None and agreement.effective is not None
        self.obligations.names = {pid: p.name for pid, p in state.parties.items()}
        self.editable = view.is_mediator and not effective
        if view.case_id != self.loaded_case:  # another case: nothing of the last one stays
            self.loaded_case, self.loaded_version, self.dirty = view.case_id, 0, False
            self.load_content({"parties": list(state.parties)})
        if latest is not None and latest.number != self.loaded_version and not self.dirty:
            self.load_content(latest.content.json())
            self.loaded_version = latest.number
        elif latest is None and self.loaded_version == 0 and not self.dirty:
            self._fill_parties(list(state.parties))
        else:
            self._fill_parties(self.chosen_parties())
        editable = view.is_mediator and not effective
        self.editable = editable
        for widget in (
            self.consent,
            self.matters_box,
            self.add_obligation_button,
            self.edit_obligation_button,
            self.remove_obligation_button,
        ):
            widget.setEnabled(editable)
        for edit in (self.facts, self.disputes, self.responsibilities, self.terms):
            edit.setReadOnly(not editable)  # read-only, not disabled: still easy to read
        self._set_checkable(editable)
        self.missing_box.setVisible(editable)
        self.propose_button.setVisible(view.is_mediator and not effective)
        self.propose_note.setVisible(view.is_mediator and not effective)
        self._show_version(latest.number if latest else 0, latest.proposed_at if latest else "")
        self._show_banner()
        self.signatures.set_rows(signer_rows(view))
        self._update_sign_buttons()
        self.check()

    def _show_version(self, number: int, proposed_at: str) -> None:
        if number == 0:
            self.version_label.setText(self.tr("No version proposed yet."))
        elif self.dirty:
            self.version_label.setText(
                self.tr(
                    "Version {n} was proposed {time}. You changed the text: proposing makes "
                    "version {next}."
                ).format(n=number, time=local_time(proposed_at), next=number + 1)
            )
        else:
            self.version_label.setText(
                self.tr("Version {n}, proposed {time}.").format(
                    n=number, time=local_time(proposed_at)
                )
            )

    def _show_banner(self) -> None:
        agreement = self.view.agreement if self.view is not None else None
        if agreement is None or agreement.effective is None:
            self.banner.hide()
            return
        self.banner.setText(
            self.tr(
                "In effect since {time}: every party and the mediator signed version {n} "
                "(online mediation rules Art. 19). It binds the parties (PML Art. 31)."
            ).format(time=local_time(agreement.effective_at), n=agreement.effective.number)
        )
        self.banner.show()

    def _update_sign_buttons(self) -> None:
        view = self.view
        rows = self.signatures.rows
        agreement = view.agreement if view is not None else None
        open_ = agreement is not None and agreement.effective is None and bool(rows)
        mine = next((r for r in rows if view is not None and r.vkey == view.me), None)
        self.sign_button.setEnabled(open_ and mine is not None and mine.signed_at is None)
        done = agreement is not None and agreement.effective is not None
        self.sign_button.setVisible(mine is not None and not done)
        others = self.unsigned_others()
        self.at_desk_button.setVisible(view is not None and view.is_mediator and not done)
        self.at_desk_button.setEnabled(open_ and bool(others))
        if agreement is None or agreement.latest is None:
            self.signatures_note.setText(self.tr("Nothing to sign until a version is proposed."))
        elif agreement.effective is not None:
            self.signatures_note.setText(self.tr("Every signature is in: nothing left to sign."))
        else:
            waiting = [r.name for r in rows if r.signed_at is None]
            self.signatures_note.setText(
                self.tr("Waiting for: {names}.").format(names=self.tr(", ").join(waiting))
            )

    def unsigned_others(self) -> dict[str, str]:
        """Signers of the latest version other than this profile who have not signed."""
        agreement = self.view.agreement if self.view is not None else None
        if self.view is None or agreement is None:
            return {}
        return self.others(self.view.state.unsigned(agreement))

    # -- the editor ------------------------------------------------------------------------

    def _fill_parties(self, chosen: list[str]) -> None:
        was_loading, self._loading = self._loading, True
        state = self.view.state if self.view is not None else None
        self.parties_list.clear()
        if state is not None:
            for pid, party in state.parties.items():
                item = QListWidgetItem(party.name, self.parties_list)
                item.setData(Qt.ItemDataRole.UserRole, pid)
                if self.editable:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                else:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                checked = pid in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._loading = was_loading

    def _set_checkable(self, editable: bool) -> None:
        was_loading, self._loading = self._loading, True
        for number in range(self.parties_list.count()):
            item = self.parties_list.item(number)
            flags = item.flags()
            if editable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
        self._loading = was_loading

    def chosen_parties(self) -> list[str]:
        chosen = []
        for number in range(self.parties_list.count()):
            item = self.parties_list.item(number)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(item.data(Qt.ItemDataRole.UserRole))
        return chosen

    def load_content(self, content: dict[str, Any]) -> None:
        self._loading = True
        try:
            self._fill_parties(list(content.get("parties", [])))
            self.facts.setPlainText(str(content.get("facts", "")))
            self.disputes.setPlainText(str(content.get("disputes", "")))
            self.responsibilities.setPlainText(str(content.get("responsibilities", "")))
            self.terms.setPlainText(str(content.get("terms", "")))
            self.obligations.set_rows([dict(ob) for ob in content.get("obligations", [])])
            self.consent.setChecked(bool(content.get("enforcement_consent")))
            ticked = set(content.get("matters") or [])
            for matter, box in self.matters.items():
                box.setChecked(matter in ticked)
        finally:
            self._loading = False
        self.dirty = False
        self.check()

    def content(self) -> dict[str, Any]:
        """The agreement as the editor holds it (the statement's ``content``)."""
        content: dict[str, Any] = {
            "parties": self.chosen_parties(),
            "facts": self.facts.toPlainText().strip(),
            "disputes": self.disputes.toPlainText().strip(),
            "responsibilities": self.responsibilities.toPlainText().strip(),
            "terms": self.terms.toPlainText().strip(),
            "obligations": [dict(ob) for ob in self.obligations.rows],
            "enforcement_consent": self.consent.isChecked(),
        }
        matters = sorted(m for m, box in self.matters.items() if box.isChecked())
        if matters:
            content["matters"] = matters
        return content

    @Slot()
    @Slot(bool)
    @Slot(QListWidgetItem)
    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self.dirty = True
        self.check()
        agreement = self.view.agreement if self.view is not None else None
        if agreement is not None and agreement.latest is not None:
            self._show_version(agreement.latest.number, agreement.latest.proposed_at)

    def check(self) -> None:
        """Run the domain's checks on the editor's content; show them; gate "Propose"."""
        if self.view is None:
            self.missing, self.warnings = [], []
        else:
            content = self.content()
            findings = completeness(content, set(self.view.state.parties))
            self.missing = [finding_text(f) for f in findings]
            keyless = [p.name for p in self.view.state.keyless(content["parties"])]
            if keyless:
                self.missing.append(
                    self.tr(
                        "Online mediation rules Art. 19: {names} cannot sign yet; add their key "
                        "in the Parties tab."
                    ).format(names=self.tr(", ").join(keyless))
                )
            self.warnings = [finding_text(f) for f in confirmation_risks(content)]
        if self.missing:
            self.missing_label.setStyleSheet(MISSING_STYLE)
            self.missing_label.setText("\n".join("• " + line for line in self.missing))
        else:
            self.missing_label.setStyleSheet("color: #0d652d;")
            self.missing_label.setText(
                self.tr("Nothing missing: the contents PML Art. 29 asks for are all there.")
            )
        if self.warnings:
            self.warnings_label.setText("\n".join("• " + line for line in self.warnings))
        else:
            self.warnings_label.setText(self.tr("None found."))
        self._update_propose()

    def _update_propose(self) -> None:
        agreement = self.view.agreement if self.view is not None else None
        latest = agreement.latest if agreement is not None else None
        unchanged = latest is not None and not self.dirty
        self.propose_button.setEnabled(not self.missing and not unchanged)
        next_number = latest.number + 1 if latest is not None else 1
        self.propose_button.setText(self.tr("Propose version {n}").format(n=next_number))
        if latest is None:
            self.propose_note.setText(
                self.tr(
                    "Proposing signs version 1 with your key and sends it to the parties to sign."
                )
            )
        elif unchanged:
            self.propose_note.setText(
                self.tr(
                    "Version {n} is the one to sign. Change the text to propose another."
                ).format(n=latest.number)
            )
        else:
            self.propose_note.setText(
                self.tr(
                    "Proposing makes version {next}. Signatures on version {n} no longer count: "
                    "everyone signs the new version (online mediation rules Art. 19)."
                ).format(next=next_number, n=latest.number)
            )

    # -- obligations -----------------------------------------------------------------------

    def _party_choices(self) -> list[tuple[str, str]]:
        if self.view is None:
            return []
        return [(pid, self.view.party_name(pid)) for pid in self.chosen_parties()]

    def _today(self) -> QDate:
        now = self.session.clock.now().astimezone()
        return QDate(now.year, now.month, now.day)

    @Slot()
    def add_obligation(self) -> None:
        used = {ob.get("id") for ob in self.obligations.rows}
        number = 1
        while f"o{number}" in used:
            number += 1
        self._editing = None
        dialog = ObligationDialog(f"o{number}", self._party_choices(), self._today(), self)
        self._open_obligation(dialog)

    @Slot()
    def edit_obligation(self, *_args: object) -> None:
        row = selected_row(self.obligations_view)
        if row is None or not self.add_obligation_button.isEnabled():
            return
        self._editing = row
        ob = self.obligations.rows[row]
        dialog = ObligationDialog(str(ob["id"]), self._party_choices(), self._today(), self)
        dialog.set_obligation(ob)
        self._open_obligation(dialog)

    def _open_obligation(self, dialog: ObligationDialog) -> None:
        self.obligation_dialog = dialog
        open_dialog(dialog, self._on_obligation)

    @Slot()
    def _on_obligation(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ObligationDialog):
            return
        ob = dialog.obligation()
        if self._editing is None:
            self.obligations.append(ob)
        else:
            self.obligations.replace(self._editing, ob)
        self.obligation_dialog = None
        self._edited()

    @Slot()
    def remove_obligation(self) -> None:
        row = selected_row(self.obligations_view)
        if row is not None:
            self.obligations.remove(row)
            self._edited()

    # -- actions ---------------------------------------------------------------------------

    @Slot()
    def propose(self) -> None:
        if self.view is None or self.missing:
            return
        content = self.content()
        case_id = self.case_id
        entry = self.sign(
            lambda past: services.propose_agreement(self.session, past, case_id, content)
        )
        if entry is not None:
            self.dirty = False
            self.loaded_version = int(entry.statement.body["version"])
            self.update_view()

    @Slot()
    def sign_own(self) -> None:
        case_id = self.case_id
        self.sign(lambda past: services.sign_agreement(self.session, past, case_id))

    @Slot()
    def sign_party_at_desk(self) -> None:
        """A party who has not signed the latest version signs it here, with their own key."""
        agreement = self.view.agreement if self.view is not None else None
        number = agreement.latest.number if agreement and agreement.latest else 0
        case_id, session = self.case_id, self.session
        self.sign_at_desk(
            self.unsigned_others(),
            self.tr("Sign version {n} of the mediation agreement of case {case}.").format(
                n=number, case=case_id
            ),
            lambda past, key: services.sign_agreement(session, past, case_id, actor=key),
        )
