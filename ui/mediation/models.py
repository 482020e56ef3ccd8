"""Qt models of the mediation pages (STYLE.md: models, not item widgets, for growing lists).

- ``CaseListModel``: the cases of ``mediation_cases``, filtered in SQL by a search text (case
  id, party name, dispute type, summary) and a status; rows hydrate lazily (``LazyRowsModel``).
- ``TimelineModel``: every signed entry of one case from the local log, in log order, with its
  chain status; lazily hydrated too.
- ``RowsModel``: a small table over a list of rows held in memory (parties, signatures,
  instalments), rebuilt on the GUI thread when its case changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ledger.statement import Statement
from ledger.store.models import LogEntry
from ledger.store.store import Store
from mediation import types as t
from mediation.projections import MediationCase, MediationParty
from mediation.rules import DEFAULT_RULE
from ui.mediation.common import (
    CHAIN_COLOURS,
    STATUS_NAMES,
    TYPE_NAMES,
    CaseView,
    Chain,
    chain_text,
    logged_entries,
    word,
)
from ui.mediation.money import format_yuan
from ui.pages import NO_INDEX, Index, LazyRowsModel, local_time

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
RAW = Qt.ItemDataRole.UserRole
R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    """A table over ``rows``; subclasses give ``headers`` and ``cell``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

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


# -- the case list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    dispute_type: str
    summary: str
    parties: tuple[str, ...]
    status: str
    updated_at: str


class CaseListModel(LazyRowsModel[str, CaseRow]):
    """Cases, most recently changed first, filtered by text and status."""

    COLUMNS = 6
    CASE, DISPUTE, PARTIES, SUMMARY, STATUS, UPDATED = range(COLUMNS)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(store, parent)
        self.search = ""
        self.status = ""  # "" for every status

    def set_filter(self, search: str, status: str) -> None:
        self.search, self.status = search.strip(), status
        self.refresh()

    def query_ids(self, session: Session) -> list[str]:
        query = select(MediationCase.case_id).order_by(
            MediationCase.updated_at.desc(), MediationCase.case_id
        )
        if self.status:
            query = query.where(MediationCase.status == self.status)
        if self.search:
            text = self.search
            by_party = select(MediationParty.case_id).where(
                MediationParty.name.icontains(text, autoescape=True)
            )
            query = query.where(
                or_(
                    MediationCase.case_id.icontains(text, autoescape=True),
                    MediationCase.summary.icontains(text, autoescape=True),
                    MediationCase.dispute_type.icontains(text, autoescape=True),
                    MediationCase.case_id.in_(by_party),
                )
            )
        return list(session.scalars(query))

    def load_rows(self, session: Session, ids: Sequence[str]) -> dict[str, CaseRow]:
        names: dict[str, list[str]] = {}
        for case_id, name in session.execute(
            select(MediationParty.case_id, MediationParty.name)
            .where(MediationParty.case_id.in_(ids))
            .order_by(MediationParty.case_id, MediationParty.party_id)
        ):
            names.setdefault(case_id, []).append(name)
        rows = {}
        for case in session.scalars(select(MediationCase).where(MediationCase.case_id.in_(ids))):
            rows[case.case_id] = CaseRow(
                case.case_id,
                case.dispute_type,
                case.summary,
                tuple(names.get(case.case_id, ())),
                case.status,
                case.updated_at,
            )
        return rows

    def headers(self) -> list[str]:
        return [
            self.tr("Case"),
            self.tr("Dispute"),
            self.tr("Parties"),
            self.tr("Summary"),
            self.tr("Status"),
            self.tr("Last change"),
        ]

    def cell(self, row: CaseRow, column: int, role: int) -> Any:
        if role == RAW:
            return (row.case_id, row.dispute_type, row.parties, row.status, row.updated_at)[column]
        if role == DISPLAY:
            if column == self.CASE:
                return row.case_id
            if column == self.DISPUTE:
                return row.dispute_type
            if column == self.PARTIES:
                return self.tr(", ").join(row.parties)
            if column == self.SUMMARY:
                return row.summary
            if column == self.STATUS:
                return word(STATUS_NAMES, row.status)
            if column == self.UPDATED:
                return local_time(row.updated_at)
        if role == TOOLTIP:
            if column in (self.CASE, self.DISPUTE, self.SUMMARY):
                return row.summary
            if column == self.UPDATED:
                return row.updated_at + " (UTC)"
        return None


# -- the timeline ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    seq: int
    statement: Statement
    chain: Chain


class TimelineModel(LazyRowsModel[int, TimelineRow]):
    """Every signed action of one case, oldest first, with its chain status."""

    COLUMNS = 4
    TIME, WHO, WHAT, CHAIN = range(COLUMNS)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(store, parent)
        self.view: CaseView | None = None

    def set_case(self, view: CaseView) -> None:
        self.view = view
        self.refresh()

    def query_ids(self, session: Session) -> list[int]:
        if self.view is None:
            return []
        return list(
            session.scalars(
                select(LogEntry.seq)
                .where(LogEntry.case_id == self.view.case_id)
                .order_by(LogEntry.seq)
            )
        )

    def load_rows(self, session: Session, ids: Sequence[int]) -> dict[int, TimelineRow]:
        found = logged_entries(session, LogEntry.seq.in_(ids))
        return {item.seq: TimelineRow(item.seq, item.statement, item.chain) for item in found}

    def headers(self) -> list[str]:
        return [self.tr("Signed at"), self.tr("Who"), self.tr("What"), self.tr("Chain status")]

    def who(self, actor: str) -> str:
        if self.view is None:
            return actor.split("+", 1)[0]
        role = self.view.role_of(actor)
        name = self.view.name_of(actor)
        return self.tr("{name} ({role})").format(name=name, role=role) if role else name

    def what(self, statement: Statement) -> str:
        kind = word(TYPE_NAMES, statement.type)
        body = statement.body
        view = self.view
        if statement.type in (t.AGREEMENT_PROPOSED, t.AGREEMENT_SIGNED):
            return self.tr("{what}: version {version}").format(
                what=kind, version=body.get("version", "")
            )
        if statement.type in (t.SESSION_RECORDED, t.SESSION_ACKNOWLEDGED):
            return self.tr("{what}: {session}").format(what=kind, session=body.get("session_id"))
        if statement.type == t.ENFORCEMENT_REQUESTED:
            if body.get("rule") == DEFAULT_RULE:
                return self.tr(
                    "{what}: filed automatically by the chain's contract rule {rule}"
                ).format(what=kind, rule=DEFAULT_RULE)
            return self.tr("{what}: the obligee's application").format(what=kind)
        if statement.type in (t.PERFORMANCE_CONFIRMED, t.PERFORMANCE_REPORTED):
            amount = body.get("amount_fen")
            if isinstance(amount, int):
                return self.tr("{what}: {amount} yuan").format(
                    what=kind, amount=format_yuan(amount)
                )
        if statement.type == t.DOCUMENT_ISSUED:
            names = ", ".join(str(d.get("name", "")) for d in body.get("documents", []))
            return self.tr("{what}: {name}").format(what=kind, name=names)
        if statement.type == t.PARTY_ADDED and view is not None:
            party = body.get("party", {})
            return self.tr("{what}: {name}").format(what=kind, name=party.get("name", ""))
        return kind

    def cell(self, row: TimelineRow, column: int, role: int) -> Any:
        statement = row.statement
        if role == RAW:
            return (statement.time, statement.actor, statement.type, row.chain.state)[column]
        if role == DISPLAY:
            if column == self.TIME:
                return local_time(statement.time)
            if column == self.WHO:
                return self.who(statement.actor)
            if column == self.WHAT:
                return self.what(statement)
            if column == self.CHAIN:
                return chain_text(row.chain)
        if role == TOOLTIP:
            if column == self.TIME:
                return statement.time + " (UTC)"
            if column == self.WHO:
                return statement.actor
            if column == self.WHAT:
                return statement.type
        if role == FOREGROUND and column == self.CHAIN:
            return QBrush(QColor(CHAIN_COLOURS.get(row.chain.state, "#202124")))
        return None
