"""The main window's pages, and what they share: local time and a lazily loaded table model.

Times are stored in UTC (RFC 3339 with milliseconds); people read them in local time.
``LazyRowsModel`` follows Anki's browser model (STYLE.md pattern 5): it holds the ordered ids of
its rows from one call of the desk's read API (``desk.read``) and loads the rows a view asks
for in blocks, from a cache that every refresh marks stale. It is only ever refreshed on the
GUI thread (pattern 6).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ledger.clock import parse_time
from ledger.store.store import Store

Index = QModelIndex | QPersistentModelIndex
K = TypeVar("K", bound=Hashable)
R = TypeVar("R")
NO_INDEX = QModelIndex()


def local_time(stored: str | None) -> str:
    """A stored UTC time shown in this computer's time zone (``2026-11-27 16:37:40``)."""
    if not stored:
        return ""
    try:
        moment: datetime = parse_time(stored)
    except ValueError:
        return stored
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class LazyRowsModel(QAbstractTableModel, Generic[K, R]):
    """A table over ids loaded by one query; rows hydrate in blocks when first displayed."""

    BLOCK = 200

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ids: list[K] = []
        self._cache: dict[K, R] = {}

    # -- what a subclass provides --------------------------------------------------------

    def query_ids(self) -> list[K]:
        """The ordered ids of every row (one call of the desk's read API)."""
        raise NotImplementedError

    def load_rows(self, ids: Sequence[K]) -> dict[K, R]:
        """The rows of ``ids`` (one call of the desk's read API)."""
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    # -- refreshing ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the ids; new rows at either end are inserted, anything else resets."""
        ids = self.query_ids()
        old = self.ids
        self._cache.clear()
        if ids == old:
            if ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(ids) - 1, self.columnCount() - 1)
                )
            return
        added = len(ids) - len(old)
        if added > 0 and ids[: len(old)] == old:
            self.beginInsertRows(NO_INDEX, len(old), len(ids) - 1)
            self.ids = ids
            self.endInsertRows()
        elif added > 0 and ids[added:] == old:
            self.beginInsertRows(NO_INDEX, 0, added - 1)
            self.ids = ids
            self.endInsertRows()
        else:
            self.beginResetModel()
            self.ids = ids
            self.endResetModel()
            return
        if old:
            first = 0 if ids[: len(old)] == old else added
            self.dataChanged.emit(
                self.index(first, 0), self.index(first + len(old) - 1, self.columnCount() - 1)
            )

    def row(self, number: int) -> R:
        """The row at ``number``, loading its block from the store if it is not cached."""
        key = self.ids[number]
        found = self._cache.get(key)
        if found is None:
            start = number - number % self.BLOCK
            block = self.ids[start : start + self.BLOCK]
            self._cache.update(self.load_rows(block))
            found = self._cache[key]
        return found

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        return self.cell(self.row(index.row()), index.column(), role)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def retranslate(self) -> None:
        """The language changed: headers and cells are words, so show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.ids) - 1, self.columnCount() - 1)
            )
