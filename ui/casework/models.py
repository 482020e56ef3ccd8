"""Qt models every case page shares (STYLE.md: models, not item widgets, for growing lists).

``RowsModel``: a small table over a list of rows held in memory (parties, signatures,
instalments, claims of one creditor), rebuilt on the GUI thread when its case changes. Long
lists (a case list, a timeline) use ``ui.pages.LazyRowsModel`` instead: ids first, rows on
demand. The item roles below are the ones every case table uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QObject, Qt

from ui.pages import NO_INDEX, Index

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
RAW = Qt.ItemDataRole.UserRole  # the stored value behind a cell (state, times in UTC, ...)
R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    """A table over ``rows``; subclasses give ``headers`` and ``cell``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []
        self.view: Any = None  # the case view a cell takes names and roles from, if any

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[R]) -> None:
        rows = list(rows)
        if len(rows) == len(self.rows):
            self.rows = rows
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
                )
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def append(self, row: R) -> None:
        self.beginInsertRows(NO_INDEX, len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()
        self.layoutChanged.emit()  # views with ResizeToContents columns fit the new row

    def remove(self, number: int) -> None:
        if 0 <= number < len(self.rows):
            self.beginRemoveRows(NO_INDEX, number, number)
            del self.rows[number]
            self.endRemoveRows()
            self.layoutChanged.emit()

    def replace(self, number: int, row: R) -> None:
        self.rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def rowCount(self, parent: Index = NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1)
            )
