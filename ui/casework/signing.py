"""Signing at the desk: a party signs with their own key, on someone else's desk.

ARCHITECTURE.md, "Identity": a mediator (or an administrator) never signs for a party. A party
at someone else's desk chooses their own key file and types their own passphrase into
``PartyKeyDialog``; the key is unlocked for this one signature, checked to be one of the keys
the case expects, used, and dropped. The desk then relays the party's signed statement to the
node like any other (PROTOCOL.md section 4, ``tlog.submit``: the signature authorizes it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ledger.errors import KeyFileError, LedgerError
from ledger.keys import SigningKey
from ui.casework.widgets import ERROR_STYLE, CaseDialog, button_texts, ok_cancel, push_button
from ui.errors import without_traceback
from ui.i18n import error_text


class NotAnExpectedKey(LedgerError):
    """The key unlocked, but it is not one the case expects here (the dialog words it)."""


class PartyKeyDialog(CaseDialog):
    """The party chooses their key file and types their passphrase; ``key`` after accept."""

    def __init__(
        self,
        expected: dict[str, str],
        purpose: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partyKeyDialog")
        self.expected = expected  # verifier key -> name, of who may sign now
        self.key: SigningKey | None = None
        self._error: LedgerError | None = None
        self.purpose = QLabel(purpose, self)
        self.purpose.setWordWrap(True)
        self.purpose.setStyleSheet("font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setObjectName("keyPath")
        self.browse = push_button(self, self.choose_file)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("partyPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("problem")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.path_label = QLabel(self)
        self.passphrase_label = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.path_label, row)
        form.addRow(self.passphrase_label, self.passphrase)
        self.buttons = ok_cancel(self, self.unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(self.purpose)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        self.retranslate_ui()
        self.setMinimumWidth(560)
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("A party signs at this desk"))
        self.intro.setText(
            self.tr(
                "Hand the keyboard to the party. They choose their own key file and type their "
                "own passphrase; whoever runs this desk never learns it. The key is used for "
                "this one signature and then forgotten. Who may sign now: {names}."
            ).format(names=self.tr(", ").join(self.expected.values()))
        )
        self.path_label.setText(self.tr("Key file:"))
        self.passphrase_label.setText(self.tr("Passphrase:"))
        self.browse.setText(self.tr("Choose…"))
        button_texts(self.buttons, self.tr("Sign"), self.tr("Cancel"))
        if self._error is not None:
            self.error_label.setText(self._error_text(self._error))

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose your key file"), "", self.tr("Key files (*.key);;All files (*)")
        )
        if path:
            self.path.setText(path)

    @Slot()
    @Slot(str)
    def _update(self, *_args: object) -> None:
        ready = bool(self.path.text().strip()) and bool(self.passphrase.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _error_text(self, error: LedgerError) -> str:
        if isinstance(error, NotAnExpectedKey):
            return self.tr("This key is not one of the keys that may sign here: {names}.").format(
                names=self.tr(", ").join(self.expected.values())
            )
        return error_text(error)

    @Slot()
    def unlock(self) -> None:
        """Unlock the key; accept only a key the case expects; otherwise say why."""
        path = Path(self.path.text().strip())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            key = SigningKey.load(path, self.passphrase.text())
        except (KeyFileError, OSError) as exc:
            error = exc if isinstance(exc, LedgerError) else KeyFileError(detail=str(exc))
            self._show_error(error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        if key.vkey not in self.expected:
            self._show_error(NotAnExpectedKey(names=", ".join(self.expected.values())))
            return
        self.key = key
        self.accept()

    def _show_error(self, error: LedgerError) -> None:
        self._error = without_traceback(error)  # kept on the dialog: no cycle through its frames
        self.error_label.setText(self._error_text(error))
        self.error_label.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def take_key(self) -> SigningKey | None:
        """The unlocked key, once: the dialog forgets it."""
        key, self.key = self.key, None
        return key
