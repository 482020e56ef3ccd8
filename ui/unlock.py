"""Unlock a profile's key with its passphrase; a wrong one may be retyped at once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ledger.errors import KeyFileError, LedgerError, WrongPassphraseError
from ledger.keys import SigningKey, key_id_of, parse_vkey, read_key_file
from ledger.profile import Profile
from ui.errors import without_traceback
from ui.i18n import error_text, role_name


def key_id_on_file(profile: Profile) -> str | None:
    """The key id from the key file's header (no passphrase needed), or None if unreadable."""
    try:
        header, _ = read_key_file(profile.key_path)
        return key_id_of(parse_vkey(header["vkey"]).public_key)
    except LedgerError:
        return None


class UnlockDialog(QDialog):
    """Asks for the passphrase of ``profile``'s key; after ``exec()`` accepts, ``key`` is set."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.settings = profile.load_settings()
        self.key: SigningKey | None = None
        self.key_id = key_id_on_file(profile)
        self._error: LedgerError | None = None
        self._attempts = 0

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.profile_label = QLabel()
        self.profile_value = QLabel()
        self.key_label = QLabel()
        self.key_value = QLabel()
        self.key_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase_label = QLabel()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setMinimumWidth(300)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("problem")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow(self.profile_label, self.profile_value)
        form.addRow(self.key_label, self.key_value)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        self.passphrase_edit.textChanged.connect(self._on_text)
        self.retranslate_ui()
        self.setMinimumWidth(480)
        self._on_text("")
        self.passphrase_edit.setFocus()

    @property
    def attempts(self) -> int:
        """How many passphrases were tried."""
        return self._attempts

    @Slot()
    def unlock(self) -> None:
        """Try the typed passphrase: accept on success, say why not otherwise."""
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            return
        self._attempts += 1
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.key = SigningKey.load(self.profile.key_path, passphrase)
        except WrongPassphraseError as exc:
            self._show_error(exc)
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            return
        except KeyFileError as exc:
            self._show_error(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._error = None
        self.accept()

    def _show_error(self, error: LedgerError) -> None:
        self._error = without_traceback(error)  # kept on the dialog: no cycle through its frames
        self.error_label.setText(error_text(error))
        self.error_label.setVisible(True)
        self.adjustSize()  # room for the message, which may wrap over several lines

    @Slot(str)
    def _on_text(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Unlock your key"))
        name = self.settings.display_name or self.profile.name
        self.intro.setText(
            self.tr("Type the passphrase of {name}'s key to open the profile.").format(name=name)
        )
        self.profile_label.setText(self.tr("Profile:"))
        role = role_name(self.settings.role)
        self.profile_value.setText(
            self.tr("{profile} ({role})").format(profile=self.profile.name, role=role)
        )
        self.key_label.setText(self.tr("Key id:"))
        self.key_value.setText(self.key_id or self.tr("(the key file cannot be read)"))
        self.passphrase_label.setText(self.tr("Passphrase:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self._error is not None:
            self.error_label.setText(error_text(self._error))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
