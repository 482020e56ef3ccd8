"""The list of mediation cases this desktop holds, with a search box and a status filter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.session import DeskSession
from ui.casework.models import RAW
from ui.casework.widgets import push_button, selected_row, table_view
from ui.mediation.common import STATUS_NAMES, STATUSES, word
from ui.mediation.models import CaseListModel


class CaseList(QWidget):
    open_requested = Signal(str)  # case id
    new_requested = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediationCaseList")
        self.session = session
        self.model = CaseListModel(session.store, self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem("", "")
        for status in STATUSES:
            self.status.addItem("", status)
        self.new_button = push_button(self, self.new_requested, "newCase")
        self.open_button = push_button(self, self.open_selected, "openCase")
        self.view = table_view(self, self.model, "caseTable", stretch=CaseListModel.SUMMARY)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.activated.connect(self._on_double_click)
        self.empty = QLabel(self)
        self.empty.setObjectName("noCases")
        self.empty.setWordWrap(True)
        self.role_note = QLabel(self)
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("color: palette(mid);")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status, 1)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.role_note)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._show_empty)
        self.model.rowsInserted.connect(self._show_empty)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self._update_buttons()

    @property
    def may_open_cases(self) -> bool:
        return self.session.settings.role == "mediator"

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Mediation cases"))
        self.search.setPlaceholderText(self.tr("Search case id, party name or summary"))
        self.status.setItemText(0, self.tr("Every status"))
        for number in range(1, self.status.count()):
            self.status.setItemText(number, word(STATUS_NAMES, self.status.itemData(number)))
        self.new_button.setText(self.tr("New case…"))
        self.open_button.setText(self.tr("Open"))
        self.new_button.setVisible(self.may_open_cases)
        if self.may_open_cases:
            self.role_note.setText(
                self.tr(
                    "Cases you open, and cases in which you are a party, appear here as the "
                    "chain delivers them."
                )
            )
        else:
            self.role_note.setText(
                self.tr(
                    "Cases in which you are a party appear here once the mediator opens them "
                    "and the chain delivers them. Only a mediator opens a case."
                )
            )
        self.model.retranslate()
        self._show_empty()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def refresh(self) -> None:
        self.model.refresh()
        self._show_empty()

    @Slot()
    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.search.text(), str(self.status.currentData() or ""))
        self._show_empty()

    @Slot()
    def _show_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        if self.model.search or self.model.status:
            self.empty.setText(self.tr("No case matches the search."))
        else:
            self.empty.setText(self.tr("No mediation case yet."))
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.open_button.setEnabled(selected_row(self.view) is not None)

    def case_ids(self) -> list[str]:
        return list(self.model.ids)

    @Slot()
    def open_selected(self) -> None:
        row = selected_row(self.view)
        if row is not None:
            self.open_requested.emit(self.model.index(row, 0).data(RAW))

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.index(index.row(), 0).data(RAW))
