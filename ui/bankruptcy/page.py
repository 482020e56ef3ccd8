"""The Bankruptcy page of the main window: the case list, and one case at a time.

``BankruptcyPage(session, parent)`` is what the main window builds from the domain's descriptor
(``bankruptcy.domain.DOMAIN.page``). It never polls: ``on_changes`` takes the bridge's
``changed`` and refreshes only when a bankruptcy entry, a receipt or an outbox state moved (a
claim's chain status is on screen); a hidden page notes that it is stale and refreshes when
shown (STYLE.md pattern 6). ``on_entry`` takes the bridge's ``entry_received`` the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.changes import Changes
from desk.read import bankruptcy as read
from desk.session import DeskSession
from ui.bankruptcy.case_view import BankruptcyCaseView
from ui.bankruptcy.models import BankruptcyCaseListModel
from ui.casework.models import RAW
from ui.casework.widgets import push_button, selected_row, table_view

PREFIX = "bankruptcy."


class BankruptcyCaseList(QWidget):
    open_requested = Signal(str)  # case id

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bankruptcyCaseList")
        self.session = session
        self.model = BankruptcyCaseListModel(self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.open_button = push_button(self, self.open_selected, "openCase")
        self.view = table_view(
            self, self.model, "caseTable", stretch=BankruptcyCaseListModel.DEBTOR
        )
        self.empty = QLabel(self)
        self.empty.setObjectName("noCases")
        self.empty.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.search.textChanged.connect(self.refresh)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.activated.connect(self._on_double_click)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Bankruptcy cases"))
        self.search.setPlaceholderText(self.tr("Search case number or debtor"))
        self.open_button.setText(self.tr("Open"))
        self.empty.setText(
            self.tr(
                "No bankruptcy case yet. A case appears here once the court accepts it and you "
                "are its administrator, or the administrator invites you as a creditor, and the "
                "chain delivers it."
            )
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def refresh(self) -> None:
        self.model.set_rows(read.cases(self.session.store, self.search.text()))
        self.empty.setVisible(self.model.rowCount() == 0)

    def selected_case(self) -> str:
        row = selected_row(self.view)
        return self.model.index(row, 0).data(RAW) if row is not None else ""

    @Slot()
    def open_selected(self) -> None:
        case_id = self.selected_case()
        if case_id:
            self.open_requested.emit(case_id)

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.index(index.row(), 0).data(RAW))


class BankruptcyPage(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bankruptcyPage")
        self.session = session
        self.case_list = BankruptcyCaseList(session, self)
        self.case_view = BankruptcyCaseView(session, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.case_list)
        self.stack.addWidget(self.case_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.case_list.open_requested.connect(self.open_case)
        self.case_view.back_requested.connect(self.show_list)
        self._stale = True
        self.refreshes = 0
        # a sync delivers entries in many small writes: their change events are gathered into
        # one refresh (each reads the claim ids again, about 0.1 s in a case of 100,000)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(150)
        self._soon.timeout.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self._soon.stop()
        self._stale = False
        self.refreshes += 1
        self.case_list.refresh()
        if self.stack.currentWidget() is self.case_view:
            self.case_view.refresh()

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """A committed write: refresh when it touches a bankruptcy case or a chain status."""
        if not (changes.concerns(type_prefixes=(PREFIX,)) or changes.receipts or changes.outbox):
            return
        if self.isVisible():
            self._soon.start()
        else:
            self._stale = True

    @Slot(int, str)
    def on_entry(self, _index: int, statement_type: str) -> None:
        """An entry arrived from the chain (the bridge's ``entry_received``)."""
        if statement_type.startswith(PREFIX):
            self.on_changes(Changes.of(types=(statement_type,)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @Slot(str)
    def open_case(self, case_id: str) -> None:
        self.case_view.set_case(case_id)
        self.stack.setCurrentWidget(self.case_view)

    @Slot()
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.case_list)
        self.case_list.refresh()

    def shutdown(self) -> None:
        """Stop background work (the window is closing): a declaration's hashing."""
        self.case_view.cancel_work()
