"""The status bar: which node, whether we are connected, what waits to sync, what is verified.

Every figure comes from the ``SyncStatus`` the chain client read from the store or the
connection. Words are truthful: an entry is *signed* and *pending* on this desktop until the
node sequences it (*submitted*) and a verified receipt comes back (*confirmed*).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from chain_client.sync import SyncStatus
from ui.i18n import role_name

STATE_COLOURS = {
    "online": "#1e8e3e",
    "connecting": "#b06000",
    "not-enrolled": "#b06000",
    "offline": "#5f6368",
    "alarm": "#c5221f",
}


class ChainStatusBar(QStatusBar):
    """Shows the last ``SyncStatus``; ``show_status`` is the slot the bridge feeds."""

    def __init__(
        self,
        *,
        embedded: bool,
        display_name: str = "",
        role: str = "",
        key_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.embedded = embedded
        self.display_name = display_name
        self.role = role
        self.key_id = key_id
        self.status = SyncStatus()
        self.identity_label = self._label("identityLabel")
        self.node_label = self._label("nodeLabel")
        self.state_label = self._label("stateLabel")
        self.waiting_label = self._label("waitingLabel")
        self.rejected_label = self._label("rejectedLabel")
        self.checkpoint_label = self._label("checkpointLabel")
        self.alarm_indicator = self._label("alarmIndicator")
        self.alarm_indicator.setStyleSheet(
            "QLabel { background: #c5221f; color: white; font-weight: bold; padding: 1px 8px;"
            " border-radius: 3px; }"
        )
        # the identity gives way (elided by the layout) before the chain figures do
        self.identity_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.addWidget(self.identity_label, 1)
        for label in (
            self.node_label,
            self.state_label,
            self.waiting_label,
            self.rejected_label,
            self.checkpoint_label,
            self.alarm_indicator,
        ):
            self.addPermanentWidget(label)
        self.setSizeGripEnabled(False)
        self.retranslate_ui()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        return label

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.retranslate_ui()

    @property
    def waiting(self) -> int:
        """Entries signed here that the chain has not confirmed yet."""
        return self.status.pending + self.status.submitted

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        status = self.status
        self.identity_label.setText(
            self.tr("{name} · {role} · key {key_id}").format(
                name=self.display_name or self.tr("(no name)"),
                role=role_name(self.role),
                key_id=self.key_id,
            )
        )

        url = status.url or "—"
        if self.embedded and status.auto_approve:
            node = self.tr("Node: {url} · embedded, auto-approve").format(url=url)
        elif self.embedded:
            node = self.tr("Node: {url} · embedded").format(url=url)
        elif status.auto_approve:
            node = self.tr("Node: {url} · auto-approve").format(url=url)
        else:
            node = self.tr("Node: {url}").format(url=url)
        self.node_label.setText(node)
        tip = [self.tr("Log: {origin}").format(origin=status.origin or "—")]
        if status.pinned_how == "first-use":
            tip.append(self.tr("The log's keys were trusted on first use (none were configured)."))
        elif status.pinned_how == "configured":
            tip.append(self.tr("The log's keys match the ones configured for this profile."))
        if status.auto_approve:
            tip.append(
                self.tr(
                    "This node approves every enrolment automatically: anyone who can reach it "
                    "can join. Use a court's node for real cases."
                )
            )
        self.node_label.setToolTip("\n".join(tip))

        colour = STATE_COLOURS.get(status.state, "#5f6368")
        self.state_label.setText(
            f'<span style="color:{colour}">●</span> {self.state_name(status.state)}'
        )
        self.state_label.setToolTip(status.detail)

        self.waiting_label.setText(self.tr("Waiting to sync: {count}").format(count=self.waiting))
        self.waiting_label.setToolTip(
            self.tr(
                "{pending} signed and pending on this computer, {submitted} submitted and "
                "awaiting a verified receipt"
            ).format(pending=status.pending, submitted=status.submitted)
        )
        self.rejected_label.setText(
            self.tr("Rejected by the node: {count}").format(count=status.rejected)
        )
        self.rejected_label.setVisible(status.rejected > 0)
        self.rejected_label.setStyleSheet("QLabel { color: #c5221f; }")

        if status.checkpoint_size is None:
            self.checkpoint_label.setText(self.tr("No verified checkpoint yet"))
        else:
            self.checkpoint_label.setText(
                self.tr("Verified checkpoint: {size} entries").format(size=status.checkpoint_size)
            )

        self.alarm_indicator.setText(self.tr("⚠ ALARM"))
        self.alarm_indicator.setToolTip(status.detail)
        self.alarm_indicator.setVisible(status.state == "alarm")

    def state_name(self, state: str) -> str:
        names = {
            "online": self.tr("Online"),
            "connecting": self.tr("Connecting…"),
            "offline": self.tr("Offline: signed entries wait on this computer"),
            "not-enrolled": self.tr("Not enrolled with this node"),
            "alarm": self.tr("Alarm: syncing stopped"),
        }
        return names.get(state, state)
