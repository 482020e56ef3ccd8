"""Qt models of the bankruptcy pages.

``ClaimTableModel`` is the claim table of one case over an id list (``LazyRowsModel``, STYLE.md
pattern 5): ``desk.read.bankruptcy.claim_ids`` answers the filter and the sort in SQL with the
ids only; the rows a view shows are read a block at a time (``claim_lines``) and cached until
the next refresh. A case of 100,000 claims never has 100,000 rows in memory as objects. Sorting
by a header asks SQL again (``sort``): nothing is sorted in Python.

Money is shown in yuan with its fen (``format_yuan``); the stored fen is behind each cell
(``RAW``). A natural person's name is shown as the projection stores it: masked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from desk.read import bankruptcy as read
from desk.read.bankruptcy import CaseLine, ClaimFilter, ClaimLine
from ledger.store.store import Store
from ui.bankruptcy.common import GROUP_NAMES, NATURE_NAMES, STATUS_NAMES, word
from ui.casework.models import DISPLAY, FOREGROUND, RAW, TOOLTIP, RowsModel
from ui.casework.money import format_yuan
from ui.pages import LazyRowsModel, local_time

ALIGN = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
STATUS_COLOURS = {
    "declared": "#b06000",
    "disputed": "#c5221f",
    "rejected": "#c5221f",
    "confirmed": "#1e8e3e",
    "court_confirmed": "#1e8e3e",
}


def money(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


class ClaimTableModel(LazyRowsModel[str, ClaimLine]):
    """One case's claims, filtered and sorted in SQL; rows hydrate in blocks."""

    COLUMNS = 8
    CLAIM, CREDITOR, GROUP, STATUS, DECLARED, CONFIRMED, OBJECTIONS, DECLARED_AT = range(COLUMNS)
    # the column each header sorts on (desk.read.bankruptcy.SORTS); None: not sortable
    SORT_KEYS = ("claim_id", "creditor", "group", "status", "declared", "confirmed", None, None)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(store, parent)
        self.case_id = ""
        self.filter = ClaimFilter()

    def set_case(self, case_id: str) -> None:
        self.case_id = case_id
        self.refresh()

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        """Show the claims ``claim_filter`` selects, in its order (one query)."""
        self.filter = claim_filter
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < self.COLUMNS else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_filter(replace(self.filter, sort=key, descending=descending))

    def query_ids(self) -> list[str]:
        if not self.case_id:
            return []
        return read.claim_ids(self.store, self.case_id, self.filter)

    def load_rows(self, ids: Sequence[str]) -> dict[str, ClaimLine]:
        return read.claim_lines(self.store, self.case_id, ids)

    def claim_id(self, number: int) -> str:
        return self.ids[number] if 0 <= number < len(self.ids) else ""

    def headers(self) -> list[str]:
        return [
            self.tr("Claim"),
            self.tr("Creditor"),
            self.tr("Group"),
            self.tr("Status"),
            self.tr("Declared (yuan)"),
            self.tr("Confirmed (yuan)"),
            self.tr("Objections"),
            self.tr("Declared on"),
        ]

    def cell(self, row: ClaimLine, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.CLAIM:
                late = self.tr(" (late)") if row.late else ""
                return row.claim_id + late
            if column == self.CREDITOR:
                return row.creditor_name
            if column == self.GROUP:
                return word(GROUP_NAMES, row.group)
            if column == self.STATUS:
                return word(STATUS_NAMES, row.status)
            if column == self.DECLARED:
                return money(row.declared_fen)
            if column == self.CONFIRMED:
                if row.provisional_fen is not None:
                    return self.tr("{amount} (provisional)").format(
                        amount=money(row.provisional_fen)
                    )
                return money(row.confirmed_fen)
            if column == self.OBJECTIONS:
                return str(row.objections) if row.objections else ""
            if column == self.DECLARED_AT:
                return local_time(row.declared_at)
        if role == RAW:
            return (
                row.claim_id,
                row.creditor,
                row.group,
                row.status,
                row.declared_fen,
                row.confirmed_fen,
                row.objections,
                row.declared_at,
            )[column]
        if role == ALIGN and column in (self.DECLARED, self.CONFIRMED, self.OBJECTIONS):
            return RIGHT
        if role == FOREGROUND and column == self.STATUS and row.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if role == TOOLTIP and column == self.GROUP:
            return word(NATURE_NAMES, row.nature)
        if role == TOOLTIP and column == self.CLAIM and row.late:
            return self.tr(
                "Declared after the claim-filing period (Enterprise Bankruptcy Law Art. 56)."
            )
        return None


class BankruptcyCaseListModel(RowsModel[CaseLine]):
    """The bankruptcy cases this desktop holds (few: one query, held in memory)."""

    COLUMNS = 6
    NUMBER, DEBTOR, COURT, ADMINISTRATOR, CLAIMS, TABLE = range(COLUMNS)

    def headers(self) -> list[str]:
        return [
            self.tr("Case number"),
            self.tr("Debtor"),
            self.tr("Court"),
            self.tr("Administrator"),
            self.tr("Claims"),
            self.tr("Claim table"),
        ]

    def cell(self, row: CaseLine, column: int, role: int) -> Any:
        if role == RAW:
            return row.case_id
        if role == DISPLAY:
            if column == self.TABLE:
                if not row.table_version:
                    return self.tr("not published")
                return self.tr("version {n}").format(n=row.table_version)
            return (
                row.case_number,
                row.debtor_name,
                row.court,
                row.administrator_name,
                str(row.claims),
            )[column]
        return None
