"""A claim table with its filters: free text, status, group (Art. 82) and a declared-amount
range in yuan; sortable headers. Each filter and each sort is one SQL query for ids
(``ClaimTableModel``); rows are read as they scroll into view.

Rows have one fixed height and columns fixed widths, so the view asks only for the rows it
shows: nothing measures 100,000 rows to lay out the table.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bankruptcy import types as t
from desk.read.bankruptcy import QUEUE, ClaimFilter
from ledger.store.store import Store
from ui.bankruptcy.common import GROUP_NAMES, STATUS_NAMES, word
from ui.bankruptcy.models import ClaimTableModel
from ui.casework.money import MoneyError, parse_yuan
from ui.casework.widgets import ERROR_STYLE

WIDTHS = (150, 200, 90, 130, 140, 170, 80, 150)


def claims_view(parent: QWidget, model: ClaimTableModel, name: str) -> QTableView:
    """A read-only, row-selecting table of claims with fixed row heights and column widths."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(WIDTHS):
        header.resizeSection(column, width)
    header.setStretchLastSection(True)
    return view


class ClaimTable(QWidget):
    """Claims of one case: every claim, the review queue, or one creditor's own."""

    current_changed = Signal(str)  # the selected claim id ("" when none)
    activated = Signal(str)  # a claim double-clicked or Enter pressed

    def __init__(self, store: Store, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = ClaimTableModel(store, self)
        self.base = ClaimFilter()  # what this table always applies (queue order, own claims)
        self.search = QLineEdit(self)
        self.search.setObjectName("claimSearch")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("claimStatus")
        self.status.addItem("", "")
        for status in t.ClaimStatus:
            self.status.addItem("", status.value)
        self.group = QComboBox(self)
        self.group.setObjectName("claimGroup")
        self.group.addItem("", "")
        for group in t.Group:
            self.group.addItem("", group.value)
        self.least = QLineEdit(self)
        self.least.setObjectName("leastYuan")
        self.most = QLineEdit(self)
        self.most.setObjectName("mostYuan")
        for edit in (self.least, self.most):
            edit.setMaximumWidth(120)
        self.range_label = QLabel(self)
        self.dash = QLabel("–", self)
        self.count = QLabel(self)
        self.count.setObjectName("claimCount")
        self.problem = QLabel(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.view = claims_view(self, self.model, "claimTable")
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.group, 1)
        bar.addWidget(self.range_label)
        bar.addWidget(self.least)
        bar.addWidget(self.dash)
        bar.addWidget(self.most)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.view, 1)

        # typing waits for a pause before asking again; choices apply at once
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_filter)
        for edit in (self.search, self.least, self.most):
            edit.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.group.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.doubleClicked.connect(self._on_activated)
        self.view.activated.connect(self._on_activated)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search claim or creditor"))
        self.status.setItemText(0, self.tr("Every status"))
        for number in range(1, self.status.count()):
            self.status.setItemText(number, word(STATUS_NAMES, self.status.itemData(number)))
        self.group.setItemText(0, self.tr("Every group"))
        for number in range(1, self.group.count()):
            self.group.setItemText(number, word(GROUP_NAMES, self.group.itemData(number)))
        self.range_label.setText(self.tr("Declared, yuan:"))
        self.least.setPlaceholderText(self.tr("from"))
        self.most.setPlaceholderText(self.tr("to"))
        self.model.retranslate()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- what it shows ---------------------------------------------------------------------

    def set_case(self, case_id: str, base: ClaimFilter) -> None:
        """Show ``case_id``'s claims; ``base`` holds the table's own order and restriction."""
        self.base = base
        self.model.case_id = case_id
        if base.sort == QUEUE:
            self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.apply_filter()

    def refresh(self) -> None:
        """Read the ids again (the case changed); the selection stays on its claim."""
        current = self.current_claim()
        self.model.refresh()
        self._select(current)
        self._show_count()

    def _amount(self, edit: QLineEdit) -> tuple[int | None, bool]:
        if not edit.text().strip():
            return None, True
        try:
            return parse_yuan(edit.text()), True
        except MoneyError:
            return None, False

    @Slot()
    def apply_filter(self) -> None:
        self._debounce.stop()
        least, ok_least = self._amount(self.least)
        most, ok_most = self._amount(self.most)
        self.problem.setVisible(not (ok_least and ok_most))
        self.problem.setText(self.tr("Write amounts in yuan with digits, e.g. 60,000.50."))
        claim_filter = replace(
            self.model.filter,
            status=str(self.status.currentData() or ""),
            group=str(self.group.currentData() or ""),
            min_fen=least,
            max_fen=most,
            text=self.search.text(),
            creditor=self.base.creditor,
        )
        if self.base.sort == QUEUE and self.view.horizontalHeader().sortIndicatorSection() < 0:
            claim_filter = replace(claim_filter, sort=QUEUE, descending=False)
        current = self.current_claim()
        self.model.set_filter(claim_filter)
        self._select(current)
        self._show_count()

    @Slot(int, Qt.SortOrder)
    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        current = self.current_claim()
        if column < 0 or ClaimTableModel.SORT_KEYS[column] is None:
            return
        self.model.sort(column, order)
        self._select(current)

    @Slot()
    def _show_count(self) -> None:
        self.count.setText(self.tr("%n claim(s)", "", self.model.rowCount()))

    # -- the selection ---------------------------------------------------------------------

    def current_claim(self) -> str:
        index = self.view.currentIndex()
        return self.model.claim_id(index.row()) if index.isValid() else ""

    def _select(self, claim_id: str) -> None:
        if not claim_id:
            return
        try:
            number = self.model.ids.index(claim_id)
        except ValueError:
            self.current_changed.emit("")
            return
        self.view.setCurrentIndex(self.model.index(number, 0))

    def select_claim(self, claim_id: str) -> bool:
        """Select ``claim_id`` if the table lists it."""
        self._select(claim_id)
        return self.current_claim() == claim_id

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.claim_id(current.row()) if current.isValid() else "")

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.claim_id(index.row()))
