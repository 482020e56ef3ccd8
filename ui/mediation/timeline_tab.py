"""Every signed action of the case that counts, oldest first: when (local time), who, what,
and the chain's word on it — pending, submitted or confirmed (with the on-chain time). Never
"saved": a signature stored here is not yet a fact on the chain. An entry the node rejected is
not listed (it counts nowhere); the Chain page shows it with the node's reason."""

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
        self.model = TimelineModel(self)
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
                "in the log; confirmed — its receipt verified here, with the on-chain time. An "
                "entry the node refused counts nowhere and is not listed here: the Chain page "
                "shows it, with the node's reason."
            )
        )
        self.model.retranslate()

    def update_view(self) -> None:
        if self.view is not None:
            self.model.set_case(self.view)
