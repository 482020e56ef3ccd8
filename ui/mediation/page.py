"""The Mediation page of the main window: the case list, and one case at a time.

``MediationPage(session)`` is what the main window shows. ``refresh()`` (a slot) re-reads the
local store; the main window calls it when entries arrive (``on_entry`` takes the bridge's
``entry_received`` directly). Chain status changes of entries signed here (a receipt arrived)
do not come as entries, so while the page is visible it also compares a cheap change stamp of
the store once a second and refreshes when it moved; a hidden page only notes that it is
stale and refreshes when shown (STYLE.md pattern 6).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy import func, select

from desk.session import DeskSession
from ledger.store.models import LogEntry, OutboxItem, Receipt
from ui.mediation.case_list import CaseList
from ui.mediation.case_page import CasePage
from ui.mediation.directory import Directory
from ui.mediation.new_case_dialog import NewCaseDialog

POLL_MS = 1000


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
        self._stamp: tuple[Any, ...] | None = None
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        self.refresh()

    # -- refreshing --------------------------------------------------------------------------

    def change_stamp(self) -> tuple[Any, ...]:
        """What moves when anything the page shows may have changed (three aggregates)."""
        with self.session.store.session() as session:
            last = session.scalar(select(func.max(LogEntry.seq)))
            receipts = session.scalar(select(func.count()).select_from(Receipt))
            outbox = session.scalar(select(func.max(OutboxItem.updated_at)))
        now: datetime = self.session.clock.now()
        return (last, receipts, outbox, now.replace(second=0, microsecond=0))

    @Slot()
    def refresh(self) -> None:
        """Re-read the store: the case list, and the open case."""
        self._stamp = self.change_stamp()
        self._stale = False
        self.case_list.refresh()
        if self.stack.currentWidget() is self.case_page:
            self.case_page.refresh()

    @Slot(int, str)
    def on_entry(self, _index: int, statement_type: str) -> None:
        """An entry arrived from the chain (the bridge's ``entry_received``)."""
        if not (statement_type.startswith("mediation.") or statement_type == "document.issued"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    @Slot(object)
    def on_status(self, _status: object) -> None:
        """The sync reported (a receipt may have arrived): refresh if anything moved."""
        self._poll()

    @Slot()
    def _poll(self) -> None:
        if not self.isVisible():
            return
        if self._stale or self.change_stamp() != self._stamp:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._poll()

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
        """Stop polling and any background work (the window is closing)."""
        self._timer.stop()
        tab = self.case_page.documents_tab
        if tab.task is not None:
            tab.task.cancel()
