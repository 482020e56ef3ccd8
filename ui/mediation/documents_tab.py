"""The case's documents: the agreement, the joint application for judicial confirmation, and the
enforcement application, each as a PDF that the Verify page recognises.

Each PDF is made from the local store (``mediation.dossier``: who signed, what the chain
confirmed) by ``mediation.documents`` and exported by ``ui.casework.export.RegisteredExport``:
made off the GUI thread, written where the user chose (atomically), and then registered: its own
SHA-256 goes into a signed ``document.issued`` statement (``dossier.issued_body``), so that
anyone holding the file can check it on the Verify page. A PDF made before every signature is
confirmed says so itself.

Judicial confirmation (PML Art. 33; CPL Art. 205): both parties apply jointly within 30 days of
the agreement taking effect; the tab shows the deadline and the days left, counted as the Civil
Code counts them (``case.confirmation_period``), with its notices: a last day moved off a rest
day, a year the holiday calendar does not cover. It shows who has applied
(``services.apply_for_confirmation``, each party with their own key), an application after the
30 days marked late (accepted: the court decides, CPL Art. 86), and the application PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casework import private
from casework.days import CONTEXT as PERIOD_CONTEXT
from casework.days import Notice
from desk.read import mediation as read_mediation
from desk.read.entries import Logged
from desk.session import DeskSession
from mediation import documents, dossier, services
from mediation import types as t
from mediation.bodies import parse
from mediation.case import (
    CaseState,
    Default,
    confirmation_days_left,
    confirmation_period,
    filed_default,
)
from mediation.rules import DEFAULT_RULE
from ui.casework.chain import CHAIN_COLOURS, chain_text
from ui.casework.export import Exported, RegisteredExport
from ui.casework.models import DISPLAY, FOREGROUND, RAW, TOOLTIP, RowsModel
from ui.casework.widgets import push_button, table_view
from ui.mediation.common import CaseView, local_time, show_mediation_error
from ui.mediation.tab import MediationTab
from ui.ops import Op
from ui.tasks import data_size

AGREEMENT, CONFIRMATION, ENFORCEMENT = "agreement", "confirmation", "enforcement"
# Who filed, as the enforcement application (a Chinese court document) names them.
NODE_FILER = "司法链节点（智能合约规则 mediation.default@1）"
OBLIGEE_FILER = "{name}（权利人）"


def notice_text(notice: Notice) -> str:
    """A legal period's notice (``casework.days.Deadline.notices``) in the UI language."""
    return notice.render(QCoreApplication.translate(PERIOD_CONTEXT, notice.template))


class IssuedModel(RowsModel[Logged]):
    """The documents this case registered (``document.issued``), with their chain status."""

    view: CaseView | None

    def headers(self) -> list[str]:
        return [
            self.tr("Document"),
            self.tr("Size"),
            self.tr("Registered by"),
            self.tr("Signed at"),
            self.tr("Chain status"),
        ]

    def cell(self, row: Logged, column: int, role: int) -> Any:
        docs = row.statement.body.get("documents") or [{}]
        doc = docs[0]
        if role == DISPLAY:
            if column == 0:
                return doc.get("name", "")
            if column == 1:
                return data_size(int(doc.get("size", 0)))
            if column == 2:
                return self.view.name_of(row.statement.actor) if self.view else ""
            if column == 3:
                return local_time(row.statement.time)
            if column == 4:
                return chain_text(row.chain)
        if role == TOOLTIP and column == 0:
            return self.tr("SHA-256: {sha}").format(sha=doc.get("sha256", ""))
        if role == RAW:
            return doc.get("sha256") if column == 0 else None
        if role == FOREGROUND and column == 4:
            return QBrush(QColor(CHAIN_COLOURS.get(row.chain.state, "#202124")))
        return None


class DocumentsTab(MediationTab):
    exported = Signal(object)  # Exported, once a PDF is written (and registered, when allowed)

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("documentsTab")
        self.export = RegisteredExport(session, dossier.issued_body, self, show_mediation_error)
        self.export.exported.connect(self._on_exported)
        self.export.failed.connect(self._on_export_failed)
        self.last: Exported | None = None

        # -- the agreement ---------------------------------------------------------------
        self.agreement_box = QGroupBox(self)
        self.agreement_state = QLabel(self.agreement_box)
        self.agreement_state.setObjectName("agreementPdfState")
        self.agreement_state.setWordWrap(True)
        self.agreement_button = push_button(
            self.agreement_box, self.save_agreement_pdf, "agreementPdf"
        )
        agreement_layout = QVBoxLayout(self.agreement_box)
        agreement_layout.addWidget(self.agreement_state)
        agreement_layout.addWidget(self.agreement_button)

        # -- judicial confirmation -------------------------------------------------------
        self.confirmation_box = QGroupBox(self)
        self.deadline_label = QLabel(self.confirmation_box)
        self.deadline_label.setObjectName("confirmationDeadline")
        self.deadline_label.setWordWrap(True)
        self.court = QLineEdit(self.confirmation_box)
        self.court.setObjectName("court")
        self.court.textChanged.connect(self._update_buttons)
        self.court_label = QLabel(self.confirmation_box)
        self.applicants_label = QLabel(self.confirmation_box)
        self.applicants_label.setObjectName("applicants")
        self.applicants_label.setWordWrap(True)
        self.apply_button = push_button(
            self.confirmation_box, self.apply_for_confirmation, "applyConfirmation"
        )
        self.apply_at_desk_button = push_button(
            self.confirmation_box, self.apply_at_desk, "applyConfirmationAtDesk"
        )
        self.confirmation_button = push_button(
            self.confirmation_box, self.save_confirmation_pdf, "confirmationPdf"
        )
        court_form = QFormLayout()
        court_form.addRow(self.court_label, self.court)
        confirmation_buttons = QHBoxLayout()
        confirmation_buttons.addWidget(self.apply_button)
        confirmation_buttons.addWidget(self.apply_at_desk_button)
        confirmation_buttons.addStretch(1)
        confirmation_buttons.addWidget(self.confirmation_button)
        confirmation_layout = QVBoxLayout(self.confirmation_box)
        confirmation_layout.addWidget(self.deadline_label)
        confirmation_layout.addLayout(court_form)
        confirmation_layout.addWidget(self.applicants_label)
        confirmation_layout.addLayout(confirmation_buttons)

        # -- enforcement -----------------------------------------------------------------
        self.enforcement_box = QGroupBox(self)
        self.enforcement_choice = QComboBox(self.enforcement_box)
        self.enforcement_choice.setObjectName("enforcementChoice")
        self.enforcement_button = push_button(
            self.enforcement_box, self.save_enforcement_pdf, "enforcementPdf"
        )
        self.enforcement_state = QLabel(self.enforcement_box)
        self.enforcement_state.setWordWrap(True)
        enforcement_row = QHBoxLayout()
        enforcement_row.addWidget(self.enforcement_choice, 1)
        enforcement_row.addWidget(self.enforcement_button)
        enforcement_layout = QVBoxLayout(self.enforcement_box)
        enforcement_layout.addWidget(self.enforcement_state)
        enforcement_layout.addLayout(enforcement_row)

        # -- registered documents --------------------------------------------------------
        self.issued_box = QGroupBox(self)
        self.issued = IssuedModel(self)
        self.issued_view = table_view(self.issued_box, self.issued, "issuedDocuments", stretch=0)
        self.busy = QLabel(self)
        self.busy.setObjectName("documentBusy")
        self.busy.hide()
        self.result = QLabel(self)
        self.result.setObjectName("documentResult")
        self.result.setWordWrap(True)
        self.result.hide()
        issued_layout = QVBoxLayout(self.issued_box)
        issued_layout.addWidget(self.issued_view)

        layout = QVBoxLayout(self)
        layout.addWidget(self.agreement_box)
        layout.addWidget(self.confirmation_box)
        layout.addWidget(self.enforcement_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addWidget(self.issued_box, 1)
        self.retranslate_ui()

    # -- texts -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.agreement_box.setTitle(self.tr("Mediation agreement (PDF)"))
        self.agreement_button.setText(self.tr("Save and register the agreement PDF…"))
        self.confirmation_box.setTitle(
            self.tr("Joint application for judicial confirmation (PML Art. 33)")
        )
        self.court_label.setText(self.tr("Court:"))
        self.court.setPlaceholderText(
            self.tr("The basic court of a party's domicile or of the mediation organisation")
        )
        self.apply_button.setText(self.tr("Apply (sign my half)"))
        self.apply_at_desk_button.setText(self.tr("A party applies at this desk…"))
        self.confirmation_button.setText(self.tr("Save and register the application PDF…"))
        self.enforcement_box.setTitle(self.tr("Application for enforcement"))
        self.enforcement_button.setText(self.tr("Save and register the application PDF…"))
        self.issued_box.setTitle(self.tr("Documents registered on the chain"))
        self.busy.setText(self.tr("Making the PDF…"))
        self.issued.retranslate()
        self._show_result()

    def _show_result(self) -> None:
        last = self.last
        if last is None:
            self.result.hide()
            return
        if last.leaf is not None:
            text = self.tr("Saved to {path} and registered (SHA-256 {sha}).")
        else:
            text = self.tr("Saved to {path}, but not registered: the Verify page will not know it.")
        self.result.setText(text.format(path=str(last.path), sha=last.sha256))
        self.result.show()

    # -- showing ---------------------------------------------------------------------------

    def update_view(self) -> None:
        view = self.view
        if view is None:
            return
        agreement = view.agreement
        self.issued.view = view
        self.issued.set_rows(view.of_type(t.DOCUMENT_ISSUED))
        if agreement is None or agreement.latest is None:
            self.agreement_state.setText(self.tr("No agreement proposed yet."))
        elif agreement.effective is None:
            self.agreement_state.setText(
                self.tr(
                    "Version {n} is not in effect yet: the PDF shows the signatures so far and "
                    "says it is not in effect."
                ).format(n=agreement.latest.number)
            )
        else:
            pending = [
                item
                for item in view.of_type(t.AGREEMENT_SIGNED)
                if item.statement.body.get("content_hash") == agreement.effective_hash
                and item.chain.state != "confirmed"
            ]
            if pending:
                self.agreement_state.setText(
                    self.tr(
                        "In effect since {time}. {count} signature(s) are not confirmed by the "
                        "chain yet; a PDF made now says so. Wait for the receipts for a "
                        "complete one."
                    ).format(time=local_time(agreement.effective_at), count=len(pending))
                )
            else:
                self.agreement_state.setText(
                    self.tr(
                        "In effect since {time}; every signature is confirmed by the chain."
                    ).format(time=local_time(agreement.effective_at))
                )
        self._show_confirmation(view)
        self._show_enforcement(view)
        self._update_buttons()

    def _show_confirmation(self, view: CaseView) -> None:
        state = view.state
        period = confirmation_period(state, "A1")
        self.confirmation_box.setVisible(period is not None)
        if period is None:
            return
        left = confirmation_days_left(state, "A1", self.session.clock.now()) or 0
        deadline = f"{period.last_day.isoformat()} 24:00 (UTC+8)"
        if left > 0:
            text = self.tr(
                "Both parties apply together within 30 days of the agreement taking effect, the "
                "day of effect not counted (PML Art. 33; Civil Code Art. 201): by {deadline} "
                "({days} days left)."
            ).format(deadline=deadline, days=left)
        else:
            text = self.tr(
                "The 30 days for applying ended on {deadline} (PML Art. 33; CPL Art. 205). An "
                "application made now is still sent, marked late: the court decides whether to "
                "accept it, for instance on a proper reason for the delay (CPL Art. 86)."
            ).format(deadline=deadline)
        # the day moved off a rest day; a year the holiday calendar does not cover
        notices = [notice_text(n) for n in period.notices()]
        self.deadline_label.setText("\n".join([text, *notices]))
        applied = []
        for item in view.of_type(t.CONFIRMATION_APPLIED):
            if state.confirmation_late.get(item.statement.actor) == item.statement.time:
                line = self.tr(
                    "{name} applied to {court} on {time}, after the 30 days ended: late, the "
                    "court decides whether to accept it (CPL Art. 86) — {status}"
                )
            else:
                line = self.tr("{name} applied to {court} on {time} — {status}")
            applied.append(
                line.format(
                    name=view.name_of(item.statement.actor),
                    court=item.statement.body.get("court", ""),
                    time=local_time(item.statement.time),
                    status=chain_text(item.chain),
                )
            )
            if not self.court.text().strip():
                self.court.setText(str(item.statement.body.get("court", "")))
        waiting = self._unapplied()
        if self.view is not None and self.view.my_party and self.view.me not in state.confirmation:
            party = state.parties.get(self.view.my_party)
            if party is not None:
                waiting[self.view.me] = party.name
        if waiting:
            applied.append(
                self.tr("Not yet applied: {names}").format(
                    names=self.tr(", ").join(waiting.values())
                )
            )
        self.applicants_label.setText("\n".join(applied))

    def _unapplied(self) -> dict[str, str]:
        """Parties of the effective agreement, other than this profile, who have not applied."""
        return self.others(self.view.state.unapplied("A1")) if self.view is not None else {}

    def _show_enforcement(self, view: CaseView) -> None:
        entries = view.of_type(t.ENFORCEMENT_REQUESTED)
        self.enforcement_box.setVisible(bool(entries))
        chosen = self.enforcement_choice.currentData()
        self.enforcement_choice.clear()
        for item in entries:
            body = item.statement.body
            if body.get("rule") == DEFAULT_RULE:
                label = self.tr("{obligation}, instalment {seq}: filed by the contract rule {rule}")
            else:
                label = self.tr("{obligation}, instalment {seq}: the obligee's application")
            self.enforcement_choice.addItem(
                label.format(
                    obligation=body.get("obligation_id", ""),
                    seq=body.get("instalment", 1),
                    rule=DEFAULT_RULE,
                ),
                item.seq,
            )
        if chosen is not None:
            self.enforcement_choice.setCurrentIndex(
                max(0, self.enforcement_choice.findData(chosen))
            )
        self.enforcement_state.setText(
            self.tr(
                "An obligation was not performed in time. The application names the agreement, "
                "what was due, what was confirmed, and the chain entry that filed it."
            )
        )

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        view = self.view
        idle = self.task is None
        agreement = view.agreement if view is not None else None
        self.agreement_button.setEnabled(
            idle and agreement is not None and agreement.latest is not None
        )
        effective = agreement is not None and agreement.effective is not None
        me_party = view is not None and view.my_party is not None
        applied = view is not None and view.me in view.state.confirmation
        court = bool(self.court.text().strip())
        self.apply_button.setVisible(me_party)
        self.apply_button.setEnabled(effective and me_party and not applied and court and idle)
        self.apply_at_desk_button.setVisible(view is not None and view.is_mediator)
        self.apply_at_desk_button.setEnabled(effective and court and bool(self._unapplied()))
        self.confirmation_button.setEnabled(effective and idle and court)
        self.enforcement_button.setEnabled(idle and self.enforcement_choice.count() > 0)

    # -- judicial confirmation: signing ---------------------------------------------------

    @Slot()
    def apply_for_confirmation(self) -> None:
        court, case_id = self.court.text(), self.case_id
        self.sign(lambda past: services.apply_for_confirmation(self.session, past, case_id, court))

    @Slot()
    def apply_at_desk(self) -> None:
        court, case_id, session = self.court.text(), self.case_id, self.session
        self.sign_at_desk(
            self._unapplied(),
            self.tr("Apply for judicial confirmation of the agreement of case {case}.").format(
                case=case_id
            ),
            lambda past, key: services.apply_for_confirmation(
                session, past, case_id, court, actor=key
            ),
        )

    # -- PDFs ------------------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF"), suggested, self.tr("PDF documents (*.pdf)")
        )
        return Path(path) if path else None

    def _dossier(self) -> tuple[CaseState, dict[str, private.PrivateParty]]:
        assert self.view is not None
        return self.view.state, read_mediation.party_details(self.session.store, self.view.case_id)

    @Slot()
    def save_agreement_pdf(self, path: Path | str | None = None) -> None:
        """Make the agreement PDF (of the version in effect, else the latest), save, register."""
        view = self.view
        agreement = view.agreement if view is not None else None
        if view is None or agreement is None or agreement.latest is None or self.task:
            return
        version = agreement.effective or agreement.latest
        if not path:
            path = self._ask_path(
                self.tr("Mediation agreement {case} v{n}.pdf").format(
                    case=view.case_id, n=version.number
                )
            )
            if path is None:
                return
        state, details = self._dossier()
        store = self.session.store
        signatures = read_mediation.signature_lines(store, state, agreement.id)
        facts = read_mediation.chain_facts(
            store, view.case_id, t.AGREEMENT_SIGNED, {"content_hash": version.hash}
        )
        about = {
            "kind": "mediation.agreement",
            "agreement_id": agreement.id,
            "version": version.number,
            "content_hash": version.hash,
        }
        self._start(
            AGREEMENT,
            Path(path),
            about,
            documents.agreement_pdf,
            state,
            agreement.id,
            signatures,
            facts,
            details,
        )

    @Slot()
    def save_confirmation_pdf(self, path: Path | str | None = None) -> None:
        view = self.view
        agreement = view.agreement if view is not None else None
        if view is None or agreement is None or agreement.effective is None or self.task:
            return
        court = self.court.text().strip()
        if not court:
            return
        if not path:
            path = self._ask_path(
                self.tr("Application for judicial confirmation {case}.pdf").format(
                    case=view.case_id
                )
            )
            if path is None:
                return
        state, details = self._dossier()
        applicants = read_mediation.applicant_lines(self.session.store, state)
        facts = read_mediation.chain_facts(self.session.store, view.case_id, t.CONFIRMATION_APPLIED)
        about = {
            "kind": "mediation.confirmation_application",
            "agreement_id": agreement.id,
            "content_hash": agreement.effective.hash,
        }
        self._start(
            CONFIRMATION,
            Path(path),
            about,
            documents.confirmation_application_pdf,
            state,
            agreement.id,
            court,
            applicants,
            facts,
            details,
        )

    def missed_for(self, item: Logged) -> Default:
        """The default an enforcement entry was filed for, as it stood at the filing time."""
        assert self.view is not None
        return filed_default(self.view.state, parse(item.statement))

    @Slot()
    def save_enforcement_pdf(self, path: Path | str | None = None) -> None:
        view = self.view
        if view is None or self.task or self.enforcement_choice.count() == 0:
            return
        seq = self.enforcement_choice.currentData()
        item = next((i for i in view.of_type(t.ENFORCEMENT_REQUESTED) if i.seq == seq), None)
        if item is None:
            return
        body = item.statement.body
        if not path:
            path = self._ask_path(
                self.tr("Application for enforcement {case} {obligation}.pdf").format(
                    case=view.case_id, obligation=body.get("obligation_id", "")
                )
            )
            if path is None:
                return
        missed = self.missed_for(item)
        state, details = self._dossier()
        match = {"obligation_id": missed.obligation_id, "instalment": missed.instalment}
        facts = read_mediation.chain_facts(
            self.session.store, view.case_id, t.ENFORCEMENT_REQUESTED, match
        )
        if body.get("rule") == DEFAULT_RULE:
            filed_by = NODE_FILER
        else:
            filed_by = OBLIGEE_FILER.format(name=view.name_of(item.statement.actor))
        about = {
            "kind": "mediation.enforcement_application",
            "agreement_id": missed.agreement_id,
            "obligation_id": missed.obligation_id,
            "instalment": missed.instalment,
        }
        self._start(
            ENFORCEMENT,
            Path(path),
            about,
            partial(
                documents.enforcement_application_pdf,
                automatic=body.get("rule") == DEFAULT_RULE,
                kind=body.get("filing", "trial"),
            ),
            state,
            missed,
            facts,
            filed_by,
            details,
        )

    def _start(
        self,
        kind: str,
        path: Path,
        about: dict[str, Any],
        builder: Callable[..., bytes],
        *args: Any,
    ) -> None:
        def build() -> bytes:
            return builder(*args)

        self.export.start(kind, path, self.case_id, about, build)
        self.busy.show()
        self._update_buttons()

    @property
    def task(self) -> Op | None:
        """The PDF being made and written, if any."""
        return self.export.task

    @Slot(object)
    def _on_exported(self, exported: object) -> None:
        assert isinstance(exported, Exported)
        self.busy.hide()
        self.last = exported
        self._show_result()
        self._update_buttons()
        self.exported.emit(exported)
        if exported.leaf is not None:
            self.recorded.emit()

    @Slot(object)
    def _on_export_failed(self, _error: object) -> None:
        self.busy.hide()
        self._update_buttons()
