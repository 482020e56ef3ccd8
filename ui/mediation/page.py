"""The Mediation page of the main window: the case list, and one case at a time.

``MediationPage(session)`` is what the main window shows. ``refresh()`` (a slot) re-reads the
local store. The page never polls: ``on_changes`` takes the bridge's ``changed`` (a change
event after every committed write: an entry recorded here or ingested from the chain, a
receipt, an outbox state) and refreshes only when it names a mediation type or
``document.issued``; a hidden page only notes that it is stale and refreshes when shown
(STYLE.md pattern 6).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desk.changes import Changes
from desk.session import DeskSession
from ui.casework.directory import Directory
from ui.mediation.case_list import CaseList
from ui.mediation.case_page import CasePage
from ui.mediation.new_case_dialog import NewCaseDialog

SHOWN_TYPES = ("mediation.", "document.issued")  # what the case list and the case page show


class MediationPage(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediationPage")
        self.session = session
        self.directory = Directory(session, self)
        self.case_list = CaseList(session, self)
        self.case_page = CasePage(session, self.directory, self)
        self.new_case_dialog: NewCaseDialog | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.case_list)
        self.stack.addWidget(self.case_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.case_list.open_requested.connect(self.open_case)
        self.case_list.new_requested.connect(self.new_case)
        self.case_page.back_requested.connect(self.show_list)
        self._stale = True
        self.refreshes = 0  # how often the page read the store again (tests count them)
        self.refresh()

    # -- refreshing --------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Re-read the store: the case list, and the open case."""
        self._stale = False
        self.refreshes += 1
        self.case_list.refresh()
        if self.stack.currentWidget() is self.case_page:
            self.case_page.refresh()

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """A committed write (the bridge's ``changed``): refresh if it touches what the page
        shows: a mediation entry or an issued document, recorded, ingested, or confirmed."""
        if not changes.concerns(type_prefixes=SHOWN_TYPES):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- navigation --------------------------------------------------------------------------

    @Slot(str)
    def open_case(self, case_id: str) -> None:
        self.case_page.set_case(case_id)
        self.stack.setCurrentWidget(self.case_page)

    @Slot()
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.case_list)
        self.case_list.refresh()

    @Slot()
    def new_case(self) -> None:
        """Open the new-case dialog (window-modal, not blocking)."""
        if self.new_case_dialog is not None:
            self.new_case_dialog.raise_()
            return
        dialog = NewCaseDialog(self.session, self.directory, self)
        self.new_case_dialog = dialog
        dialog.opened.connect(self._on_opened)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    @Slot(str)
    def _on_opened(self, case_id: str) -> None:
        self.refresh()
        self.open_case(case_id)

    @Slot(int)
    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.new_case_dialog = self.new_case_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def shutdown(self) -> None:
        """Stop any background work (the window is closing)."""
        tab = self.case_page.documents_tab
        if tab.task is not None:
            tab.task.cancel()
