"""The main window: for now, the profile's local log and each entry's chain status."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget
from sqlalchemy import select

from ledger.profile import Profile
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.store import Store

Index = QModelIndex | QPersistentModelIndex


class LogModel(QAbstractTableModel):
    """Rows of the local log with their outbox state; never claims more than the store says."""

    def __init__(self, rows: list[tuple[int, str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        self.headers = [self.tr("#"), self.tr("Type"), self.tr("Signed at (UTC)"), self.tr("Chain")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return str(self.rows[index.row()][index.column()])
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def load_rows(store: Store) -> list[tuple[int, str, str, str]]:
    with store.session() as session:
        query = (
            select(LogEntry.seq, LogEntry.type, LogEntry.statement_time, OutboxItem.state)
            .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
            .order_by(LogEntry.seq)
        )
        return [
            (seq, kind, time, state or "received")
            for seq, kind, time, state in session.execute(query)
        ]


class MainWindow(QMainWindow):
    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile
        self.setWindowTitle(self.tr("Judicial Chain Desk — {profile}").format(profile=profile.name))
        self.store = Store.open(profile.database_url())
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("Local log of profile {name}").format(name=profile.name)))
        self.table = QTableView()
        self.table.setModel(LogModel(load_rows(self.store)))
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.resize(900, 560)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.store.close()
        super().closeEvent(event)
