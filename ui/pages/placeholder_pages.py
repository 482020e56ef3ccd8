"""The Mediation and Bankruptcy pages until their modules ship: honest about what is missing.

Each page says that its module arrives with a later release and lists the case ids of its
statement types already in this desktop's local log (signed here or received from the chain),
so nobody wonders where their records went: they are in the log, and the module will show them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from desk.read.cases import CaseSummary, cases_with_types
from ledger.store.store import Store
from ui.pages import local_time

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "ModulePlaceholderPage"  # base-class texts use a fixed context (STYLE.md avoid #9)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class CaseListModel(QAbstractListModel):
    """The cases with statements of one module's types in the local log, from one query."""

    def __init__(self, store: Store, type_prefix: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.type_prefix = type_prefix
        self.cases: list[CaseSummary] = []

    def refresh(self) -> None:
        cases = cases_with_types(self.store, self.type_prefix)
        self.beginResetModel()
        self.cases = cases
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cases):
            return None
        case = self.cases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("{case}: {count} entries, latest signed {when}").format(
                case=case.case_id or _tr("(public)"),
                count=case.entries,
                when=local_time(case.latest),
            )
        if role == Qt.ItemDataRole.UserRole:
            return case.case_id
        return None

    def retranslate(self) -> None:
        if self.cases:
            self.dataChanged.emit(self.index(0), self.index(len(self.cases) - 1))


class ModulePlaceholderPage(QWidget):
    """A page for a module that is not in this release; subclasses give the words."""

    type_prefix = ""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = CaseListModel(store, self.type_prefix, self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.cases_label = QLabel(self)
        self.cases_view = QListView(self)
        self.cases_view.setObjectName("caseList")
        self.cases_view.setModel(self.model)
        self.cases_view.setUniformItemSizes(True)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("noCases")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addSpacing(12)
        layout.addWidget(self.cases_label)
        layout.addWidget(self.cases_view, 1)
        layout.addWidget(self.empty_label)
        layout.addStretch(0)  # takes the room while the (empty) list is hidden
        self.retranslate_ui()

    def page_title(self) -> str:
        raise NotImplementedError

    def page_explanation(self) -> str:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        self.title.setText(self.page_title())
        self.explanation.setText(self.page_explanation())
        self.cases_label.setText(_tr("Case ids of this module found in the local log:"))
        self.empty_label.setText(_tr("None yet."))
        self.model.retranslate()

    def refresh(self) -> None:
        self.model.refresh()
        empty = self.model.rowCount() == 0
        self.cases_view.setVisible(not empty)
        self.empty_label.setVisible(empty)

    @Slot(int, str)
    def on_entry(self, _index: int, statement_type: str) -> None:
        """An entry of this module arrived: refresh if shown (a hidden page refreshes when
        shown)."""
        if statement_type.startswith(self.type_prefix) and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.refresh()  # one grouped query: cheap enough to run on every showing
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class BankruptcyPage(ModulePlaceholderPage):
    type_prefix = "bankruptcy."

    def page_title(self) -> str:
        return self.tr("Bankruptcy")

    def page_explanation(self) -> str:
        return self.tr(
            "The bankruptcy module (claims, the claim table, creditors' meetings and votes) "
            "arrives with a later release of Judicial Chain Desk. Until then this desktop keeps "
            "every bankruptcy statement it signs or receives in its local log, and the module "
            "will show them from there."
        )
