"""Every signed action of the case, oldest first: when (local time), who, what, and the
chain's word on it — pending, submitted, confirmed (with the on-chain time) or rejected (with
the node's reason). Never "saved": a signature stored here is not yet a fact on the chain."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.session import DeskSession
from ui.casework.widgets import table_view
from ui.mediation.models import TimelineModel
from ui.mediation.tab import MediationTab


class TimelineTab(MediationTab):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("timelineTab")
        self.model = TimelineModel(session.store, self)
        self.table = table_view(self, self.model, "timeline", stretch=TimelineModel.WHAT)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.note.setText(
            self.tr(
                "Times are this computer's local time. Chain status: pending — signed on this "
                "computer, not yet accepted by the node; submitted — the node gave it a place "
                "in the log; confirmed — its receipt verified here, with the on-chain time; "
                "rejected — the node refused it, with its reason."
            )
        )
        self.model.retranslate()

    def update_view(self) -> None:
        if self.view is not None:
            self.model.set_case(self.view)
