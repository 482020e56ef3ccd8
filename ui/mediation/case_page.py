"""One mediation case: a header (status, who you are in it) and a tab per concern.

Tabs: Parties, Sessions, Agreement, Performance, Documents, Timeline. The page reads the case
once per refresh (``common.load_case``: the desk's read API; nothing is folded here), off the
GUI thread in an ``Op``, and hands the same ``CaseView`` to every tab when it is back (``read``);
a tab that signs something asks for a refresh through ``recorded``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.session import DeskSession
from mediation import services
from ui.casework.directory import Directory
from ui.casework.widgets import CaseDialog, button_texts, ok_cancel, open_dialog, push_button
from ui.mediation.agreement_tab import AgreementTab
from ui.mediation.common import (
    ROLE_NAMES,
    STATUS_NAMES,
    CaseView,
    attempt,
    load_case,
    show_mediation_error,
    word,
)
from ui.mediation.documents_tab import DocumentsTab
from ui.mediation.parties_tab import PartiesTab
from ui.mediation.performance_tab import PerformanceTab
from ui.mediation.session_tab import SessionsTab
from ui.mediation.tab import MediationTab
from ui.mediation.timeline_tab import TimelineTab
from ui.ops import Cancelled, Op


class CloseCaseDialog(CaseDialog):
    """Terminate without agreement (PML Art. 26): the reason, and the parties' other remedies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeCaseDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("closeReason")
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Close the case without agreement"))
        self.intro.setText(
            self.tr(
                "PML Art. 26: when mediation fails, the mediator ends it and tells the parties "
                "they may protect their rights by arbitration, administrative means or a lawsuit. "
                "Nothing can be added to a closed case."
            )
        )
        self.reason.setPlaceholderText(self.tr("Why mediation ends"))
        button_texts(self.buttons, self.tr("Sign and close"), self.tr("Cancel"))

    @Slot()
    def _update(self) -> None:
        ok = bool(self.reason.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class CasePage(QWidget):
    back_requested = Signal()
    read = Signal()  # a read of the case is back and every tab shows it

    def __init__(
        self, session: DeskSession, directory: Directory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mediationCasePage")
        self.session = session
        self.view: CaseView | None = None
        self.close_dialog: CloseCaseDialog | None = None
        self._reading: Op | None = None
        self._read_again = False
        self.back_button = push_button(self, self.back_requested, "backToCases")
        self.title = QLabel(self)
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.status = QLabel(self)
        self.status.setObjectName("caseStatus")
        self.status.setStyleSheet(
            "#caseStatus { border: 1px solid palette(mid); border-radius: 9px; padding: 2px 8px; }"
        )
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("caseSubtitle")
        self.subtitle.setWordWrap(True)
        self.close_button = push_button(self, self.close_case, "closeCase")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.parties_tab = PartiesTab(session, directory, self)
        self.sessions_tab = SessionsTab(session, self)
        self.agreement_tab = AgreementTab(session, self)
        self.performance_tab = PerformanceTab(session, self)
        self.documents_tab = DocumentsTab(session, self)
        self.timeline_tab = TimelineTab(session, self)
        self.all_tabs: list[MediationTab] = [
            self.parties_tab,
            self.sessions_tab,
            self.agreement_tab,
            self.performance_tab,
            self.documents_tab,
            self.timeline_tab,
        ]
        for tab in self.all_tabs:
            self.tabs.addTab(tab, "")
            tab.recorded.connect(self.refresh)
            tab.on_page = True  # the page reads the case again after a signature

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        head.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    @property
    def case_id(self) -> str:
        return self.view.case_id if self.view is not None else ""

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("← Cases"))
        self.close_button.setText(self.tr("Close the case…"))
        for number, text in enumerate(
            (
                self.tr("Parties"),
                self.tr("Sessions"),
                self.tr("Agreement"),
                self.tr("Performance"),
                self.tr("Documents"),
                self.tr("Timeline"),
            )
        ):
            self.tabs.setTabText(number, text)
        self._show_header()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_case(self, case_id: str) -> None:
        if case_id != self.case_id:
            self.tabs.setCurrentIndex(0)
            # nothing of another case stays on screen while this one is read
            self._show(CaseView(case_id, self.session.key.vkey, ""))
        self.refresh()

    @property
    def reading(self) -> bool:
        """A read of the case is under way (the tabs show the one before)."""
        return self._reading is not None

    @Slot()
    def refresh(self) -> None:
        """Read the case again off the GUI thread (an ``Op``: a large case's entries take time);
        every tab shows it when it is back. A refresh asked for during a read reads once more
        after it, so the last change is never missed and reads never pile up."""
        if self.view is None:
            return
        if self._reading is not None:
            self._read_again = True
            return
        self._reading = Op(
            load_case,
            self.session.store,
            self.view.case_id,
            self.session.key.vkey,
            parent=self,
            success=self._on_read,
            failure=self._on_read_failed,
        ).start()

    def _on_read(self, view: object) -> None:
        self._reading = None
        if isinstance(view, CaseView) and view.case_id == self.case_id:
            self._show(view)
        self._next_read()

    def _on_read_failed(self, error: BaseException) -> None:
        self._reading = None
        if not isinstance(error, Cancelled):
            show_mediation_error(self, error)
        self._next_read()

    def _next_read(self) -> None:
        if self._read_again:
            self._read_again = False
            self.refresh()
        else:
            self.read.emit()

    def _show(self, view: CaseView) -> None:
        self.view = view
        self._show_header()
        for tab in self.all_tabs:
            tab.show_case(view)

    def _show_header(self) -> None:
        view = self.view
        if view is None or not view.exists:
            self.title.setText(self.case_id)
            self.status.hide()
            self.subtitle.setText("")
            self.close_button.hide()
            return
        state = view.state
        self.title.setText(
            self.tr("{case} · {dispute}").format(case=view.case_id, dispute=state.dispute_type)
        )
        self.status.setText(word(STATUS_NAMES, view.status))
        self.status.show()
        if view.is_mediator:
            me = self.tr("You are the mediator.")
        elif view.my_party is not None:
            party = state.parties[view.my_party]
            me = self.tr("You are a party: {name}, {role}.").format(
                name=party.name, role=word(ROLE_NAMES, party.role)
            )
        else:
            me = self.tr("You follow this case.")
        self.subtitle.setText(
            self.tr("{summary} — {organisation}, mediator {mediator}. {me}").format(
                summary=state.summary,
                organisation=state.organisation,
                mediator=state.mediator_name,
                me=me,
            )
        )
        agreement = view.agreement
        effective = agreement is not None and agreement.effective is not None
        self.close_button.setVisible(view.is_mediator and state.closed is None and not effective)

    @Slot()
    def close_case(self) -> None:
        dialog = CloseCaseDialog(self)
        self.close_dialog = dialog
        open_dialog(dialog, self._on_close)

    @Slot()
    def _on_close(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, CloseCaseDialog):
            return
        self.close_dialog = None
        reason, case_id = dialog.reason.toPlainText(), self.case_id

        def close() -> object:
            past = services.load(self.session.store, case_id)
            statement = services.close_case(self.session, past, case_id, reason)
            return self.session.record(statement)

        if attempt(self, close) is not None:
            self.refresh()
