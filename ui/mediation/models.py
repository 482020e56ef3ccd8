"""Qt models of the mediation pages (STYLE.md: models, not item widgets, for growing lists).

- ``CaseListModel``: the mediation cases, filtered by a search text (case id, party name,
  dispute type, summary) and a status (``desk.read.mediation``); rows hydrate lazily
  (``LazyRowsModel``).
- ``TimelineModel``: every signed entry of one case that counts (not rejected by the node), in
  log order, with its chain status: the entries of the case view, read off the GUI thread.

Small in-memory tables (parties, signatures, instalments) use ``ui.casework.models.RowsModel``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from desk.read import mediation as read_mediation
from desk.read.entries import Chain
from desk.read.mediation import CaseRow
from ledger.statement import Statement
from ledger.store.store import Store
from mediation import types as t
from mediation.rules import DEFAULT_RULE
from ui.casework.chain import CHAIN_COLOURS, chain_text
from ui.casework.models import DISPLAY, FOREGROUND, RAW, TOOLTIP, RowsModel
from ui.casework.money import format_yuan
from ui.mediation.common import STATUS_NAMES, TYPE_NAMES, CaseView, word
from ui.pages import LazyRowsModel, local_time

# -- the case list ---------------------------------------------------------------------------


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

    def query_ids(self) -> list[str]:
        return read_mediation.case_ids(self.store, self.search, self.status)

    def load_rows(self, ids: Sequence[str]) -> dict[str, CaseRow]:
        return read_mediation.case_rows(self.store, ids)

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


class TimelineModel(RowsModel[TimelineRow]):
    """Every signed action of one case that counts, oldest first, with its chain status: the
    entries of the case view, which the case page read off the GUI thread."""

    COLUMNS = 4
    TIME, WHO, WHAT, CHAIN = range(COLUMNS)

    view: CaseView | None

    def set_case(self, view: CaseView) -> None:
        self.view = view
        self.set_rows([TimelineRow(i.seq, i.statement, i.chain) for i in view.logged])

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
