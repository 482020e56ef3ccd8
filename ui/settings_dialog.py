"""Profile settings: the UI language (applied at once), the key on file (and "Revoke or replace
my key…", ``ui.key_revocation``), the chain in use."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.network import NetworkThread
from ledger.errors import LedgerError
from ledger.keys import parse_vkey, read_key_file
from ledger.profile import EMBEDDED, Profile
from ui.errors import without_traceback
from ui.i18n import LANGUAGE_NAMES, Translations, error_text, role_name
from ui.key_revocation import KeyRevocationDialog
from ui.wizard import ChainForm


class SettingsDialog(QDialog):
    """Language changes apply and are saved at once; chain changes are saved on OK and take
    effect at the next start (the running session keeps its connection). With the running
    desk's ``network`` and ``node_url``, the key can be revoked or replaced from here."""

    def __init__(
        self,
        profile: Profile,
        translations: Translations,
        parent: QWidget | None = None,
        *,
        network: NetworkThread | None = None,
        node_url: str = "",
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.translations = translations
        self.network = network
        self.node_url = node_url
        self.settings = profile.load_settings()
        self._key_error: LedgerError | None = None
        self.vkey = ""
        self.key_id = ""
        self._read_key()

        # language
        self.language_box = QGroupBox()
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        current = translations.language or self.settings.language
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current)))
        row = QHBoxLayout(self.language_box)
        row.addWidget(self.language_label)
        row.addWidget(self.language_combo)
        row.addStretch(1)

        # identity
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.identity_box = QGroupBox()
        self.name_label = QLabel()
        self.name_value = QLabel(self.settings.display_name)
        self.name_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.role_label = QLabel()
        self.role_value = QLabel()
        self.key_id_label = QLabel()
        self.key_id_edit = QLineEdit(self.key_id)
        self.key_id_edit.setReadOnly(True)
        self.key_id_edit.setFont(fixed)
        self.vkey_label = QLabel()
        self.vkey_edit = QLineEdit(self.vkey)
        self.vkey_edit.setReadOnly(True)
        self.vkey_edit.setFont(fixed)
        self.vkey_edit.setCursorPosition(0)
        self.copy_button = QPushButton()
        self.copy_button.setEnabled(bool(self.vkey))
        self.key_error_label = QLabel()
        self.key_error_label.setWordWrap(True)
        self.key_error_label.setStyleSheet("color: #b3261e;")
        self.key_error_label.setVisible(self._key_error is not None)
        vkey_row = QHBoxLayout()
        vkey_row.addWidget(self.vkey_edit, 1)
        vkey_row.addWidget(self.copy_button)
        # revoking needs the running desk's network loop and node (not in the wizard)
        self.revoke_button = QPushButton()
        self.revoke_button.setVisible(network is not None and bool(node_url))
        self.revoke_button.setEnabled(bool(self.vkey))
        self.revocation: KeyRevocationDialog | None = None
        revoke_row = QHBoxLayout()
        revoke_row.addWidget(self.revoke_button)
        revoke_row.addStretch(1)
        identity = QFormLayout(self.identity_box)
        identity.addRow(self.name_label, self.name_value)
        identity.addRow(self.role_label, self.role_value)
        identity.addRow(self.key_id_label, self.key_id_edit)
        identity.addRow(self.vkey_label, vkey_row)
        identity.addRow(self.key_error_label)
        identity.addRow(revoke_row)

        # chain
        self.chain_box = QGroupBox()
        self.chain_form = ChainForm()
        self.chain_form.set_settings(self.settings)
        self.restart_label = QLabel()
        self.restart_label.setWordWrap(True)
        self.restart_label.setStyleSheet("color: #8a5a00;")
        chain = QVBoxLayout(self.chain_box)
        chain.addWidget(self.chain_form)
        chain.addWidget(self.restart_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.language_box)
        layout.addWidget(self.identity_box)
        layout.addWidget(self.chain_box)
        layout.addWidget(self.buttons)

        self.language_combo.currentIndexChanged.connect(self._on_language)
        translations.changed.connect(self._on_language_installed)
        self.copy_button.clicked.connect(self.copy_vkey)
        self.revoke_button.clicked.connect(self.open_revocation)
        self.chain_form.changed.connect(self._on_chain_changed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        self.resize(620, self.sizeHint().height())

    def _read_key(self) -> None:
        """The key on file (its header: no passphrase needed)."""
        try:
            header, _ = read_key_file(self.profile.key_path)
            verifier = parse_vkey(header["vkey"])
            self.vkey, self.key_id = verifier.vkey, verifier.key_id
            self._key_error = None
        except LedgerError as exc:
            self._key_error = without_traceback(exc)  # kept on the dialog: no cycle via frames

    @Slot()
    def open_revocation(self) -> KeyRevocationDialog | None:
        """ "Revoke or replace my key…": the dialog of ``ui.key_revocation``."""
        if self.network is None or not self.node_url:
            return None
        dialog = KeyRevocationDialog(self.profile, self.network, self.node_url, self)
        dialog.done.connect(self._on_key_revoked)
        self.revocation = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_key_revoked(self, _outcome: object) -> None:
        """Show the key the profile now holds (the running desk still has the old one)."""
        self._read_key()
        self.key_id_edit.setText(self.key_id)
        self.vkey_edit.setText(self.vkey)
        self.vkey_edit.setCursorPosition(0)
        self.revoke_button.setEnabled(False)  # once per run: the desk must restart first

    def chain_changed(self) -> bool:
        """Whether the form differs from the chain this session was started with."""
        form = self.chain_form
        now = (form.chain(), form.pinned_log_vkey(), form.pinned_witness_vkeys())
        saved = self.settings
        if saved.chain == EMBEDDED:
            return now != (EMBEDDED, "", [])
        return now != (saved.chain, saved.pinned_log_vkey, list(saved.pinned_witness_vkeys))

    @Slot(str)
    def _on_language_installed(self, language: str) -> None:
        blocked = self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))
        self.language_combo.blockSignals(blocked)

    @Slot(int)
    def _on_language(self, index: int) -> None:
        language = self.language_combo.itemData(index)
        if not language:
            return
        if language != self.translations.language:
            self.translations.install(language)
        saved = self.profile.load_settings()  # keep what else is on file as it is
        saved.language = language
        self.profile.save_settings(saved)
        self.settings.language = language

    @Slot()
    def copy_vkey(self) -> None:
        QGuiApplication.clipboard().setText(self.vkey)
        self.copy_button.setText(self.tr("Copied"))

    @Slot()
    def _on_chain_changed(self) -> None:
        changed = self.chain_changed()
        self.restart_label.setVisible(changed)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chain_form.problem() is None)

    @Slot()
    def save(self) -> None:
        """OK: save the chain choice (it takes effect at the next start)."""
        if self.chain_form.problem() is not None:
            return
        if self.chain_changed():
            saved = self.profile.load_settings()
            self.chain_form.apply_to(saved)
            self.profile.save_settings(saved)
            self.chain_form.apply_to(self.settings)
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_box.setTitle(self.tr("Language"))
        self.language_label.setText(self.tr("Language of the application:"))
        self.identity_box.setTitle(self.tr("Your key"))
        self.name_label.setText(self.tr("Name:"))
        self.role_label.setText(self.tr("Role:"))
        self.role_value.setText(role_name(self.settings.role))
        self.key_id_label.setText(self.tr("Key id:"))
        self.vkey_label.setText(self.tr("Verifier key:"))
        self.vkey_edit.setToolTip(
            self.tr("Your public key. Others use it to check your signatures; it is not secret.")
        )
        self.copy_button.setText(self.tr("Copy"))
        self.revoke_button.setText(self.tr("Revoke or replace my key…"))
        self.revoke_button.setToolTip(
            self.tr(
                "If your key may be in someone else's hands, stop using it and tell the parties "
                "(Electronic Signature Law Art. 15)."
            )
        )
        if self._key_error is not None:
            self.key_error_label.setText(error_text(self._key_error))
        self.chain_box.setTitle(self.tr("Chain node"))
        self.restart_label.setText(
            self.tr("A new chain node takes effect at the next start of the application.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._on_chain_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
