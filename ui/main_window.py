"""The main window: a sidebar of pages, the chain status bar, and the Desk menu.

Pages: Mediation and Bankruptcy (placeholders until their modules ship), Verify (anyone's
document or receipt against the chain) and Chain (this desktop's outbox, checkpoints, alarms).
The Desk menu also backs up the profile and restores a backup (``ui.profile_backup``).
The window is given an open ``DeskSession`` and the ``SyncBridge`` its callbacks go through;
it connects the bridge's signals to ``@Slot`` methods of its pages and status bar, so every
network event is handled on the GUI thread.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desk.session import DeskSession
from ledger.statement import Entry, Statement
from ui.bridge import SyncBridge
from ui.errors import show_error
from ui.i18n import Translations, role_name
from ui.pages.chain_page import ChainPage
from ui.pages.placeholder_pages import BankruptcyPage
from ui.pages.verify_page import VerifyPage
from ui.profile_backup import ProfileBackup
from ui.settings_dialog import SettingsDialog
from ui.status_bar import ChainStatusBar

PAGE_KEYS = ("mediation", "bankruptcy", "verify", "chain")


def domain_page(spec: str) -> type[QWidget]:
    """The page class a domain descriptor names as ``"module:Class"`` (imported here, in ui/)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


class MainWindow(QMainWindow):
    first_painted = Signal()  # once, after the window first painted (start-up measurement)

    def __init__(
        self,
        session: DeskSession,
        bridge: SyncBridge,
        *,
        embedded: bool,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.bridge = bridge
        self.translations = translations
        self.setObjectName("mainWindow")
        self._painted = False

        # each installed domain's page, as its descriptor names it (ledger.domain.Domain.page);
        # bankruptcy keeps its placeholder until its package names a page
        domain_pages = {
            domain.name: domain_page(domain.page)(session, self)
            for domain in session.store.registry.domains
            if domain.page is not None
        }
        self.mediation_page = domain_pages["mediation"]
        self.bankruptcy_page = domain_pages.get("bankruptcy") or BankruptcyPage(session.store, self)
        self.verify_page = VerifyPage(session, self)
        self.chain_page = ChainPage(session, self)
        self.pages: dict[str, QWidget] = {
            "mediation": self.mediation_page,
            "bankruptcy": self.bankruptcy_page,
            "verify": self.verify_page,
            "chain": self.chain_page,
        }

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setIconSize(QSize(0, 0))
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget(self)
        for key in PAGE_KEYS:
            item = QListWidgetItem(self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.stack.addWidget(self.pages[key])
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet(
            "#navigation { background: palette(window); font-size: 11pt; }"
            " #navigation::item { padding: 10px 12px; border-radius: 4px; }"
            " #navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )

        body = QWidget(self)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        settings = session.settings
        self.status = ChainStatusBar(
            embedded=embedded,
            display_name=settings.display_name,
            role=settings.role,
            key_id=session.key.key_id,
            parent=self,
        )
        self.setStatusBar(self.status)
        self.status.show_status(session.client.status)

        menu_bar = self.menuBar()
        self.desk_menu = menu_bar.addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.backup = ProfileBackup(self, session.profile)
        self.backup_action = QAction(self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self.backup.back_up)
        self.restore_action = QAction(self)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(self.backup.restore)
        self.backup.busy_changed.connect(self._on_backup_busy)
        self.desk_menu.addAction(self.settings_action)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.backup_action)
        self.desk_menu.addAction(self.restore_action)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.quit_action)
        self.help_menu = menu_bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

        bridge.status_changed.connect(self.status.show_status)
        bridge.status_changed.connect(self.chain_page.on_status)  # checkpoints, alarms
        # change events after every committed write; each page refreshes only when concerned
        bridge.changed.connect(self.chain_page.on_changes)
        bridge.changed.connect(self.verify_page.on_changes)
        bridge.changed.connect(self.mediation_page.on_changes)
        bridge.entry_received.connect(self.bankruptcy_page.on_entry)
        if hasattr(self.bankruptcy_page, "on_changes"):  # the real page, not the placeholder
            bridge.changed.connect(self.bankruptcy_page.on_changes)
        bridge.sync_failed.connect(self.on_sync_failed)

        self.retranslate_ui()
        self.resize(1100, 700)
        self.show_page("chain")

    # -- navigation ----------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(PAGE_KEYS.index(key))

    @property
    def current_page(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    # -- actions -------------------------------------------------------------------------

    def record(self, statement: Statement) -> Entry:
        """Sign and append ``statement`` (pending), wake the sync, and show it at once."""
        entry = self.session.record(statement)
        self.chain_page.schedule_refresh()
        return entry

    @Slot()
    def open_settings(self) -> None:
        if self.translations is None:
            return
        dialog = SettingsDialog(
            self.session.profile,
            self.translations,
            self,
            network=self.session.network,
            node_url=self.session.client.config.url,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Judicial Chain Desk"),
            self.tr(
                "Judicial Chain Desk records mediation and bankruptcy proceedings as signed "
                "statements on a judicial chain node, with receipts anyone can verify offline."
            ),
        )

    @Slot(bool)
    def _on_backup_busy(self, busy: bool) -> None:
        # one backup or restore at a time
        self.backup_action.setEnabled(not busy)
        self.restore_action.setEnabled(not busy)

    @Slot(object)
    def on_sync_failed(self, error: BaseException) -> None:
        """The sync loop ended with an unexpected error: say so; the entries stay signed."""
        show_error(self, error, self.session.profile.log_path)

    # -- words ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        settings = self.session.settings
        self.setWindowTitle(
            self.tr("Judicial Chain Desk — {name} ({role}, profile {profile})").format(
                name=settings.display_name or self.session.profile.name,
                role=role_name(settings.role),
                profile=self.session.profile.name,
            )
        )
        names = {
            "mediation": self.tr("Mediation"),
            "bankruptcy": self.tr("Bankruptcy"),
            "verify": self.tr("Verify"),
            "chain": self.tr("Chain"),
        }
        for row, key in enumerate(PAGE_KEYS):
            item = self.navigation.item(row)
            item.setText(names[key])
        self.desk_menu.setTitle(self.tr("&Desk"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.backup_action.setText(self.tr("&Back Up Profile…"))
        self.restore_action.setText(self.tr("&Restore a Backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Judicial Chain Desk"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.chain_page.cancel_check()
        self.mediation_page.shutdown()
        if hasattr(self.bankruptcy_page, "shutdown"):
            self.bankruptcy_page.shutdown()
        self.verify_page.shutdown()
        super().closeEvent(event)
