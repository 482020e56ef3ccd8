"""Performance of the agreement in effect (PML Art. 31: the committee supervises it).

Per obligation and instalment, as ``mediation.case.instalments`` computes it with the desk's
clock (payments count toward the earliest instalment first, exactly as the contract rule counts
defaults): the deadline, the amount, what the obligee confirmed so far, and a status: *due*,
*paid*, *overdue — grace until …*, *not performed*, or *enforcement requested*.

The obligee confirms a payment or disputes a reported one; the obligor reports performance with
evidence files (attached by SHA-256). Enforcement entries appear as they reach this desktop:
filed automatically by the chain's contract rule ``mediation.default@1`` (when the agreement
carries the parties' consent) or by the obligee, who applies with one click when it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.read.entries import Logged
from desk.session import DeskSession
from mediation import services
from mediation import types as t
from mediation.case import (
    CaseState,
    Instalment,
    InstalmentStatus,
    instalment_actions,
    instalments,
)
from mediation.rules import DEFAULT_RULE
from ui.casework.chain import CHAIN_COLOURS, chain_text
from ui.casework.models import DISPLAY, FOREGROUND, RAW, TOOLTIP, RowsModel
from ui.casework.money import format_yuan
from ui.casework.widgets import (
    CaseDialog,
    EvidenceList,
    MoneyEdit,
    button_texts,
    ok_cancel,
    open_dialog,
    push_button,
    selected_row,
    table_view,
)
from ui.mediation.common import CaseView, local_moment, local_time
from ui.mediation.tab import MediationTab

STATUS_COLOURS = {
    InstalmentStatus.PAID: "#1e8e3e",
    InstalmentStatus.DUE: "#202124",
    InstalmentStatus.GRACE: "#b06000",
    InstalmentStatus.DEFAULT: "#c5221f",
    InstalmentStatus.ENFORCEMENT: "#c5221f",
}


class InstalmentsModel(RowsModel[Instalment]):
    COLUMNS = 7
    OBLIGATION, OBLIGOR, OBLIGEE, DEADLINE, AMOUNT, PAID, STATUS = range(COLUMNS)

    view: CaseView | None

    def headers(self) -> list[str]:
        return [
            self.tr("Obligation"),
            self.tr("Obligor"),
            self.tr("Obligee"),
            self.tr("Deadline"),
            self.tr("Amount (yuan)"),
            self.tr("Paid so far (yuan)"),
            self.tr("Status"),
        ]

    def status_text(self, row: Instalment) -> str:
        if row.status == InstalmentStatus.PAID:
            return self.tr("paid")
        if row.status == InstalmentStatus.DUE:
            return self.tr("due by {date}").format(date=row.deadline)
        if row.status == InstalmentStatus.GRACE:
            return self.tr("overdue — grace until {time}").format(time=local_moment(row.grace_end))
        if row.status == InstalmentStatus.ENFORCEMENT and row.filing == "trial":
            return self.tr("not performed — filed for trial {time}").format(
                time=local_time(row.enforcement_time)
            )
        if row.status == InstalmentStatus.ENFORCEMENT:
            return self.tr("not performed — enforcement requested {time}").format(
                time=local_time(row.enforcement_time)
            )
        return self.tr("not performed since {time}").format(time=local_moment(row.grace_end))

    def cell(self, row: Instalment, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.OBLIGATION:
                return self.tr("{obligation}, instalment {seq}").format(
                    obligation=row.obligation_id, seq=row.seq
                )
            if column in (self.OBLIGOR, self.OBLIGEE):
                pid = row.obligor if column == self.OBLIGOR else row.obligee
                return self.view.party_name(pid) if self.view is not None else pid
            if column == self.DEADLINE:
                return row.deadline
            if column == self.AMOUNT:
                return format_yuan(row.amount_fen)
            if column == self.PAID:
                return format_yuan(row.paid_fen)
            if column == self.STATUS:
                return self.status_text(row)
        if role == RAW:
            return (
                row.obligation_id,
                row.obligor,
                row.obligee,
                row.deadline,
                row.amount_fen,
                row.paid_fen,
                row.status,
            )[column]
        if role == FOREGROUND and column == self.STATUS:
            return QBrush(QColor(STATUS_COLOURS.get(row.status, "#202124")))
        if role == TOOLTIP and column == self.DEADLINE:
            return self.tr("Due at the end of the day, China Standard Time: {time}").format(
                time=local_moment(row.due)
            )
        return None


@dataclass(frozen=True)
class RecordRow:
    item: Logged


class RecordsModel(RowsModel[RecordRow]):
    """Reports, confirmations, disputes and enforcement entries, in log order."""

    COLUMNS = 5
    TIME, WHO, WHAT, DETAIL, CHAIN = range(COLUMNS)

    view: CaseView | None

    def headers(self) -> list[str]:
        return [
            self.tr("Signed at"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Details"),
            self.tr("Chain status"),
        ]

    def what(self, item: Logged) -> str:
        kind = item.statement.type
        body = item.statement.body
        if kind == t.PERFORMANCE_CONFIRMED:
            return self.tr("payment of {amount} yuan confirmed").format(
                amount=format_yuan(int(body.get("amount_fen", 0)))
            )
        if kind == t.PERFORMANCE_REPORTED:
            return self.tr("performance of {amount} yuan reported").format(
                amount=format_yuan(int(body.get("amount_fen", 0)))
            )
        if kind == t.PERFORMANCE_DISPUTED:
            return self.tr("reported performance disputed")
        if kind == t.ENFORCEMENT_REQUESTED:
            if body.get("rule") == DEFAULT_RULE and body.get("filing") == "trial":
                return self.tr(
                    "trial filing made automatically by the chain's contract rule {rule} "
                    "(the agreement was not judicially confirmed)"
                ).format(rule=DEFAULT_RULE)
            if body.get("rule") == DEFAULT_RULE:
                return self.tr(
                    "enforcement filed automatically by the chain's contract rule {rule}"
                ).format(rule=DEFAULT_RULE)
            return self.tr("enforcement applied for by the obligee")
        return kind

    def detail(self, item: Logged) -> str:
        body = item.statement.body
        text = str(body.get("obligation_id", ""))
        if item.statement.type == t.ENFORCEMENT_REQUESTED:
            text = self.tr("{obligation}, instalment {seq}").format(
                obligation=body.get("obligation_id", ""), seq=body.get("instalment", 1)
            )
            if isinstance(body.get("due_fen"), int):
                text += self.tr(": {paid} of {due} yuan confirmed by {deadline}").format(
                    paid=format_yuan(int(body.get("paid_fen", 0))),
                    due=format_yuan(body["due_fen"]),
                    deadline=body.get("deadline", ""),
                )
        elif body.get("reason"):
            text += self.tr(": {reason}").format(reason=body["reason"])
        elif body.get("note"):
            text += self.tr(": {note}").format(note=body["note"])
        documents = body.get("documents") or []
        if documents:
            text += self.tr(" — evidence: {files}").format(
                files=", ".join(str(d.get("name", "")) for d in documents)
            )
        return text

    def cell(self, row: RecordRow, column: int, role: int) -> Any:
        item = row.item
        if role == DISPLAY:
            if column == self.TIME:
                return local_time(item.statement.time)
            if column == self.WHO:
                return self.view.name_of(item.statement.actor) if self.view else ""
            if column == self.WHAT:
                return self.what(item)
            if column == self.DETAIL:
                return self.detail(item)
            if column == self.CHAIN:
                return chain_text(item.chain)
        if role == RAW:
            return (item.statement.time, item.statement.actor, item.statement.type, None, None)[
                column
            ]
        if role == FOREGROUND and column == self.CHAIN:
            return QBrush(QColor(CHAIN_COLOURS.get(item.chain.state, "#202124")))
        if role == TOOLTIP and column == self.DETAIL:
            return self.detail(item)
        return None


class PerformanceDialog(CaseDialog):
    """Confirm a payment, report performance (with evidence), or dispute a report."""

    CONFIRM, REPORT, DISPUTE = "confirm", "report", "dispute"

    def __init__(self, kind: str, row: Instalment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("performanceDialog")
        self.kind = kind
        self.row = row
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.amount = MoneyEdit(self)
        self.amount.setObjectName("performanceAmount")
        self.amount.set_fen(row.outstanding_fen or row.amount_fen)
        self.note = QLineEdit(self)
        self.note.setObjectName("performanceNote")
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("disputeReason")
        self.reason.setFixedHeight(70)
        self.evidence = EvidenceList(self)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        if kind in (self.CONFIRM, self.REPORT):
            form.addRow(self.labels[0], self.amount)
        if kind == self.CONFIRM:
            form.addRow(self.labels[1], self.note)
        if kind == self.DISPUTE:
            form.addRow(self.labels[2], self.reason)
        for widget, shown in (
            (self.amount, kind in (self.CONFIRM, self.REPORT)),
            (self.note, kind == self.CONFIRM),
            (self.reason, kind == self.DISPUTE),
            (self.evidence, kind == self.REPORT),
        ):
            widget.setVisible(shown)
        for label, shown in zip(
            self.labels,
            (kind in (self.CONFIRM, self.REPORT), kind == self.CONFIRM, kind == self.DISPUTE),
            strict=True,
        ):
            label.setVisible(shown)
        self.buttons = ok_cancel(self, self.accept, self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        if kind == self.REPORT:
            layout.addWidget(self.evidence)
        layout.addWidget(self.buttons)
        self.amount.changed.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.evidence.idle.connect(self._update)
        self.evidence.hashed.connect(self._update)
        self.retranslate_ui()
        self.setMinimumWidth(520)
        self._update()

    def retranslate_ui(self) -> None:
        titles = {
            self.CONFIRM: self.tr("Confirm a payment"),
            self.REPORT: self.tr("Report performance"),
            self.DISPUTE: self.tr("Dispute a reported performance"),
        }
        intros = {
            self.CONFIRM: self.tr(
                "As the obligee, confirm what you received for obligation {id}. A confirmed "
                "payment counts toward the earliest instalment first."
            ),
            self.REPORT: self.tr(
                "As the obligor, report what you performed for obligation {id}, with evidence "
                "(a bank slip, a receipt). The obligee confirms or disputes it."
            ),
            self.DISPUTE: self.tr(
                "As the obligee, say why the reported performance of obligation {id} is not "
                "right. Either party may take a dispute over performance to court "
                "(PML Art. 32)."
            ),
        }
        self.setWindowTitle(titles[self.kind])
        self.intro.setText(intros[self.kind].format(id=self.row.obligation_id))
        self.labels[0].setText(self.tr("Amount:"))
        self.labels[1].setText(self.tr("Note (optional):"))
        self.labels[2].setText(self.tr("Reason:"))
        button_texts(self.buttons, self.tr("Sign"), self.tr("Cancel"))

    @Slot()
    @Slot(object)
    def _update(self, *_args: object) -> None:
        if self.kind == self.DISPUTE:
            ready = bool(self.reason.toPlainText().strip())
        else:
            ready = self.amount.fen() is not None and not self.evidence.busy
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    @Slot()
    def _cancel(self) -> None:
        self.evidence.cancel()
        self.reject()


class PerformanceTab(MediationTab):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("performanceTab")
        self.dialog: PerformanceDialog | None = None
        self.state_label = QLabel(self)
        self.state_label.setObjectName("performanceState")
        self.state_label.setWordWrap(True)
        self.instalments = InstalmentsModel(self)
        self.table = table_view(self, self.instalments, "instalmentTable", stretch=6)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.confirm_button = push_button(self, self.confirm_payment, "confirmPayment")
        self.report_button = push_button(self, self.report_performance, "reportPerformance")
        self.dispute_button = push_button(self, self.dispute_performance, "disputePerformance")
        self.apply_button = push_button(self, self.apply_for_enforcement, "applyEnforcement")
        self.enforcement_box = QGroupBox(self)
        self.enforcement_box.setObjectName("enforcementBox")
        self.enforcement_label = QLabel(self.enforcement_box)
        self.enforcement_label.setObjectName("enforcementSummary")
        self.enforcement_label.setWordWrap(True)
        QVBoxLayout(self.enforcement_box).addWidget(self.enforcement_label)
        self.records_box = QGroupBox(self)
        self.records = RecordsModel(self)
        self.records_view = table_view(
            self.records_box, self.records, "performanceRecords", stretch=RecordsModel.DETAIL
        )
        QVBoxLayout(self.records_box).addWidget(self.records_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.dispute_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.state_label)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.enforcement_box)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.records_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.confirm_button.setText(self.tr("Confirm a payment…"))
        self.report_button.setText(self.tr("Report performance…"))
        self.dispute_button.setText(self.tr("Dispute a report…"))
        self.apply_button.setText(self.tr("Apply for enforcement"))
        self.enforcement_box.setTitle(self.tr("Enforcement"))
        self.records_box.setTitle(self.tr("Performance record"))
        self.instalments.retranslate()
        self.records.retranslate()

    def update_view(self) -> None:
        view = self.view
        if view is None:
            return
        now = self.session.clock.now()
        self.instalments.view = view
        self.records.view = view
        selected = selected_row(self.table)
        self.instalments.set_rows(instalments(view.state, now))
        if selected is None and self.instalments.rows:
            self.table.selectRow(0)
        kinds = (
            t.PERFORMANCE_CONFIRMED,
            t.PERFORMANCE_REPORTED,
            t.PERFORMANCE_DISPUTED,
            t.ENFORCEMENT_REQUESTED,
        )
        self.records.set_rows([RecordRow(i) for i in view.logged if i.statement.type in kinds])
        agreement = view.agreement
        if agreement is None or agreement.effective is None:
            self.state_label.setText(
                self.tr("Performance is followed once the agreement is in effect.")
            )
        else:
            consent = agreement.consents_to_filing
            self.state_label.setText(
                self.tr(
                    "Statuses as of {now}. The parties consented to automatic filing: when a "
                    "deadline and its grace period pass unperformed, the chain's contract rule "
                    "{rule} files with the court, for enforcement once a court has confirmed the "
                    "agreement, otherwise for trial."
                ).format(now=local_moment(now), rule=DEFAULT_RULE)
                if consent
                else self.tr(
                    "Statuses as of {now}. No consent to automatic filing: when a deadline and "
                    "its grace period pass unperformed, the obligee applies for enforcement."
                ).format(now=local_moment(now))
            )
        self._show_enforcement(view)
        self._update_buttons()

    def enforcement_entries(self) -> list[Logged]:
        return self.view.of_type(t.ENFORCEMENT_REQUESTED) if self.view is not None else []

    def _show_enforcement(self, view: CaseView) -> None:
        lines = []
        for item in self.enforcement_entries():
            body = item.statement.body
            if body.get("rule") == DEFAULT_RULE and body.get("filing") == "trial":
                text = self.tr(
                    "{obligation}, instalment {seq}: filed automatically for trial by the chain's "
                    "contract rule {rule} on {time}, as no court confirmed the agreement "
                    "(People's Mediation Law Art. 32) — {status}"
                )
            elif body.get("rule") == DEFAULT_RULE:
                text = self.tr(
                    "{obligation}, instalment {seq}: filed automatically by the chain's contract "
                    "rule {rule} on {time} — {status}"
                )
            else:
                text = self.tr(
                    "{obligation}, instalment {seq}: the obligee applied on {time} — {status}"
                )
            lines.append(
                text.format(
                    obligation=body.get("obligation_id", ""),
                    seq=body.get("instalment", 1),
                    rule=DEFAULT_RULE,
                    time=local_time(item.statement.time),
                    status=chain_text(item.chain),
                )
            )
        if not lines:
            lines.append(self.tr("No enforcement requested."))
        self.enforcement_label.setText("\n".join(lines))
        self.enforcement_box.setVisible(view.agreement is not None)

    def selected(self) -> Instalment | None:
        row = selected_row(self.table)
        if row is None or row >= len(self.instalments.rows):
            return None
        return self.instalments.rows[row]

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        view = self.view
        state, me = (view.state, view.me) if view is not None else (CaseState(""), "")
        may = instalment_actions(state, self.selected(), me)
        self.confirm_button.setVisible(may.obligee)
        self.dispute_button.setVisible(may.obligee)
        self.report_button.setVisible(may.obligor)
        self.confirm_button.setEnabled(may.confirm)
        self.dispute_button.setEnabled(may.dispute)
        self.report_button.setEnabled(may.report)
        self.apply_button.setVisible(may.obligee and not may.automatic)
        self.apply_button.setEnabled(may.apply)

    # -- actions ---------------------------------------------------------------------------

    def _open(self, kind: str) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = PerformanceDialog(kind, row, self)
        self.dialog = dialog
        open_dialog(dialog, self._on_dialog)

    @Slot()
    def confirm_payment(self) -> None:
        self._open(PerformanceDialog.CONFIRM)

    @Slot()
    def report_performance(self) -> None:
        self._open(PerformanceDialog.REPORT)

    @Slot()
    def dispute_performance(self) -> None:
        self._open(PerformanceDialog.DISPUTE)

    @Slot()
    def _on_dialog(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, PerformanceDialog):
            return
        self.dialog = None
        row, case_id, session = dialog.row, self.case_id, self.session
        if dialog.kind == PerformanceDialog.CONFIRM:
            amount, note = dialog.amount.fen() or 0, dialog.note.text().strip()
            self.sign(
                lambda past: services.confirm_performance(
                    session, past, case_id, row.obligation_id, amount, note, row.agreement_id
                )
            )
        elif dialog.kind == PerformanceDialog.REPORT:
            amount, documents = dialog.amount.fen() or 0, dialog.evidence.documents()
            self.sign(
                lambda past: services.report_performance(
                    session, past, case_id, row.obligation_id, amount, documents, row.agreement_id
                )
            )
        else:
            reason = dialog.reason.toPlainText()
            self.sign(
                lambda past: services.dispute_performance(
                    session, past, case_id, row.obligation_id, reason, row.agreement_id
                )
            )

    @Slot()
    def apply_for_enforcement(self) -> None:
        row = self.selected()
        if row is None:
            return
        case_id, session = self.case_id, self.session
        self.sign(
            lambda past: services.request_enforcement(
                session, past, case_id, row.obligation_id, row.seq, row.agreement_id
            )
        )
