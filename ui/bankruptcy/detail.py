"""One claim's detail: its declaration versions, its review history, the objections to its row
and the chain status of each statement about it (signed here and pending, confirmed on the
chain). Read off the GUI thread (``ui.ops.Op``): a claim is copied out of the case's kept state.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bankruptcy import types as t
from desk.read import bankruptcy as read
from desk.read.bankruptcy import ClaimDetail
from desk.session import DeskSession
from ui.bankruptcy.common import ITEM_NAMES, NATURE_NAMES, TYPE_NAMES, show_refusal, word
from ui.casework.chain import chain_colour, chain_text
from ui.casework.models import DISPLAY, RAW, TOOLTIP, RowsModel
from ui.casework.money import format_yuan
from ui.casework.widgets import table_view
from ui.ops import Cancelled, Op
from ui.pages import local_time


class DeclarationsModel(RowsModel[t.ClaimDeclared]):
    def headers(self) -> list[str]:
        return [
            self.tr("Version"),
            self.tr("Principal"),
            self.tr("Interest"),
            self.tr("Other"),
            self.tr("Total (yuan)"),
            self.tr("Nature"),
            self.tr("Evidence"),
        ]

    def cell(self, row: t.ClaimDeclared, column: int, role: int) -> Any:
        if role == DISPLAY:
            nature = word(NATURE_NAMES, row.nature.value)
            if row.collateral:
                nature = self.tr("{nature}: {collateral}").format(
                    nature=nature, collateral=row.collateral
                )
            return (
                str(row.version),
                format_yuan(row.principal_fen),
                format_yuan(row.interest_fen),
                format_yuan(row.other_fen),
                format_yuan(row.total_fen),
                nature,
                self.tr("%n file(s)", "", len(row.documents)),
            )[column]
        if role == TOOLTIP and column == 6:
            return "\n".join(f"{d.name}  {d.sha256}" for d in row.documents)
        if role == RAW:
            return (row.version, row.principal_fen, row.interest_fen, row.other_fen)[min(column, 3)]
        return None


class ReviewsModel(RowsModel[t.ClaimReviewed]):
    def headers(self) -> list[str]:
        return [
            self.tr("Review"),
            self.tr("Answers version"),
            self.tr("Confirmed (yuan)"),
            self.tr("Nature found"),
            self.tr("Findings"),
        ]

    def cell(self, row: t.ClaimReviewed, column: int, role: int) -> Any:
        if role in (DISPLAY, TOOLTIP):
            if role == TOOLTIP and column != 4:
                return None
            findings = self.tr("; ").join(
                self.tr("{item} {amount}").format(
                    item=word(ITEM_NAMES, i.item.value), amount=format_yuan(i.amount_fen)
                )
                + (f" ({i.reason})" if i.reason else "")
                for i in row.items
            )
            return (
                str(row.review),
                str(row.declaration),
                format_yuan(row.confirmed_fen),
                word(NATURE_NAMES, row.nature.value),
                findings,
            )[column]
        if role == RAW:
            return (row.review, row.declaration, row.confirmed_fen, row.nature.value, "")[column]
        return None


class ClaimDetailPanel(QWidget):
    """The selected claim, read off the GUI thread whenever it or its case changes."""

    loaded = Signal()  # a read is back and shown

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimDetail")
        self.session = session
        self.case_id = ""
        self.claim_id = ""
        self.detail: ClaimDetail | None = None
        self._reading: Op | None = None
        self._again = False
        self.title = QLabel(self)
        self.title.setObjectName("claimTitle")
        self.title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.declarations_label = QLabel(self)
        self.declarations = DeclarationsModel(self)
        self.declarations_view = table_view(self, self.declarations, "declarationVersions")
        self.reviews_label = QLabel(self)
        self.reviews = ReviewsModel(self)
        self.reviews_view = table_view(self, self.reviews, "reviewHistory", stretch=4)
        self.objections = QLabel(self)
        self.objections.setObjectName("claimObjections")
        self.objections.setWordWrap(True)
        self.chain = QLabel(self)
        self.chain.setObjectName("claimChain")
        self.chain.setWordWrap(True)
        self.chain.setTextFormat(Qt.TextFormat.RichText)
        declarations = QVBoxLayout()
        declarations.addWidget(self.declarations_label)
        declarations.addWidget(self.declarations_view, 1)
        reviews = QVBoxLayout()
        reviews.addWidget(self.reviews_label)
        reviews.addWidget(self.reviews_view, 1)
        history = QHBoxLayout()
        history.addLayout(declarations, 1)
        history.addLayout(reviews, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(history, 1)
        layout.addWidget(self.objections)
        layout.addWidget(self.chain)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.declarations_label.setText(self.tr("Declaration versions"))
        self.reviews_label.setText(self.tr("Review history"))
        self.declarations.retranslate()
        self.reviews.retranslate()
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def reading(self) -> bool:
        return self._reading is not None

    def show_claim(self, case_id: str, claim_id: str) -> None:
        if (case_id, claim_id) != (self.case_id, self.claim_id):
            self.case_id, self.claim_id, self.detail = case_id, claim_id, None
            self._show()
        self.refresh()

    def refresh(self) -> None:
        """Read the claim again; a refresh asked for during a read reads once more after it."""
        if not self.claim_id:
            return
        if self._reading is not None:
            self._again = True
            return
        self._reading = Op(
            read.claim_detail,
            self.session.store,
            self.case_id,
            self.claim_id,
            parent=self,
            success=self._on_read,
            failure=self._on_failed,
        ).start()

    def _on_read(self, detail: object) -> None:
        self._reading = None
        if isinstance(detail, ClaimDetail) and detail.claim.id == self.claim_id:
            self.detail = detail
            self._show()
        self._next()

    def _on_failed(self, error: BaseException) -> None:
        self._reading = None
        if not isinstance(error, Cancelled):
            show_refusal(self, error)
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.loaded.emit()

    def _show(self) -> None:
        detail = self.detail
        if detail is None:
            self.title.setText(self.claim_id or self.tr("Choose a claim to see its history."))
            self.declarations.set_rows([])
            self.reviews.set_rows([])
            self.objections.setText("")
            self.chain.setText("")
            return
        claim = detail.claim
        self.title.setText(
            self.tr("Claim {claim}: declared {declared} yuan, version {n}").format(
                claim=claim.id,
                declared=format_yuan(claim.declaration.total_fen),
                n=max(claim.declarations),
            )
        )
        self.declarations.set_rows([claim.declarations[v] for v in sorted(claim.declarations)])
        self.reviews.set_rows([claim.reviews[v] for v in sorted(claim.reviews)])
        if detail.objections:
            lines = [
                self.tr("Objection {id} to the row in table {table}{answered}").format(
                    id=o.id,
                    table=o.table,
                    answered=self.tr(", answered") if o.answer is not None else "",
                )
                for o in detail.objections
            ]
            self.objections.setText("\n".join(lines))
        else:
            self.objections.setText("")
        rows = [
            f'{word(TYPE_NAMES, kind)} · {local_time(time)} · <span style="color:'
            f'{chain_colour(chain.state)}">{escape(chain_text(chain))}</span>'
            for kind, time, chain in detail.chain
        ]
        self.chain.setText("<br>".join(rows))
