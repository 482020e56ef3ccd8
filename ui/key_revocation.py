"""Revoke or replace the profile's key from the desk (Electronic Signature Law Art. 15: a signer
who knows its key is compromised stops using it and tells the parties).

The settings dialog opens ``KeyRevocationDialog``. It explains the two choices in plain words,
asks for the passphrase again and a (public) reason, and runs ``desk.rotation.revoke_key`` as
an ``Op`` on the network loop; the GUI thread never waits. The outcome is told as it is: the
index from which the node refuses the old key, the new key, its enrolment; on failure, what
was done and what was not (``revoke_key``'s steps: prepare the new key, have the node log the
revocation, switch the profile, enrol the successor).

The running desk keeps the key it was unlocked with in memory (``DeskSession.key``, the sync
client's login); after a revocation the node refuses what it signs. Rather than swap the key
under a running session, the dialog says so and offers to close the desk: started again and
unlocked with the same passphrase, it opens the new key.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk.network import NetworkThread
from desk.rotation import MAX_REASON, NEXT_KEY, Revoked, revoke_key
from ledger.errors import KeyFileError, LedgerError
from ledger.keys import parse_vkey, read_key_file
from ledger.profile import Profile
from ui.errors import without_traceback
from ui.i18n import error_text
from ui.ops import Op

GOOD = "#0d652d"
BAD = "#a50e0e"


def vkey_on_file(path: Path) -> str | None:
    """The verifier key in a key file's header (no passphrase needed), None if unreadable."""
    try:
        header, _ = read_key_file(path)
        return parse_vkey(header["vkey"]).vkey
    except (LedgerError, KeyError, OSError):
        return None


def key_id(vkey: str) -> str:
    return parse_vkey(vkey).key_id


class KeyRevocationDialog(QDialog):
    """Revoke the profile's key at ``node_url``, optionally naming a successor (a replacement).

    ``done`` carries the ``Revoked`` outcome (GUI thread) once the node logged the revocation.
    """

    done = Signal(object)

    def __init__(
        self,
        profile: Profile,
        network: NetworkThread,
        node_url: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.network = network
        self.node_url = node_url
        self.settings = profile.load_settings()
        self.old_vkey = vkey_on_file(profile.key_path) or ""
        self.op: Op | None = None
        self.outcome: Revoked | None = None
        self.error: BaseException | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.replace_button = QRadioButton()
        self.replace_text = QLabel()
        self.revoke_button = QRadioButton()
        self.revoke_text = QLabel()
        for label in (self.replace_text, self.revoke_text):
            label.setWordWrap(True)
            label.setIndent(24)
            label.setStyleSheet("color: palette(placeholder-text);")
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.replace_button)
        self.mode.addButton(self.revoke_button)
        self.replace_button.setChecked(True)

        self.reason_label = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(MAX_REASON)
        self.passphrase_label = QLabel()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_edit)
        form.addRow(self.passphrase_label, self.passphrase_edit)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # revoke_key reports no steps: a busy bar, and words
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.quit_button = QPushButton()
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.replace_button)
        layout.addWidget(self.replace_text)
        layout.addWidget(self.revoke_button)
        layout.addWidget(self.revoke_text)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addStretch(1)  # spare height below the words, not between them
        layout.addWidget(self.buttons)

        self.run_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.quit_button.clicked.connect(self.close_desk)
        self.mode.buttonToggled.connect(self._on_mode)
        self.reason_edit.textChanged.connect(self._update_buttons)
        self.passphrase_edit.textChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self._update_buttons()
        self.resize(680, self.sizeHint().height())

    @property
    def rotate(self) -> bool:
        return self.replace_button.isChecked()

    @property
    def running(self) -> bool:
        return self.op is not None and self.op.running

    # -- running --------------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Revoke (and with "replace", enrol a successor) on the network loop."""
        reason = self.reason_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        if self.running or self.outcome is not None or not reason or not passphrase:
            return
        self.error = None
        self._set_editable(False)
        self.result.setVisible(False)
        self.progress.setVisible(True)
        self.status.setText(
            self.tr("Replacing your key at the chain node… (this takes a few seconds)")
            if self.rotate
            else self.tr("Revoking your key at the chain node… (this takes a few seconds)")
        )
        self.status.setVisible(True)
        self.op = Op.on_loop(
            self.network,
            revoke_key(self.profile, passphrase, self.node_url, reason, rotate=self.rotate),
            parent=self,
            success=self.on_done,
            failure=self.on_failed,
        ).start()
        self._update_buttons()  # running now: no second run, no closing

    def on_done(self, outcome: Revoked) -> None:
        """Success (GUI thread): the node logged the revocation; the profile has the new key."""
        self.outcome = outcome
        self.passphrase_edit.clear()
        self.progress.setVisible(False)
        self.status.setVisible(False)
        self._show_outcome()
        self.run_button.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self.quit_button.setVisible(True)
        self._update_buttons()
        self.done.emit(outcome)

    def on_failed(self, error: BaseException) -> None:
        """Failure (GUI thread): say what was done and what was not, from the files on disk."""
        self.error = without_traceback(error)  # kept on the dialog: no cycle through frames
        self.progress.setVisible(False)
        self.status.setVisible(False)
        self._set_editable(True)
        self._show_failure()
        if isinstance(error, KeyFileError):  # a wrong passphrase: typed again at once
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
        self._update_buttons()

    @Slot()
    def close_desk(self) -> None:
        """Close this dialog, the dialogs under it and the main window: the app then shuts
        down cleanly, as on Quit."""
        self.accept()
        widget = self.parentWidget()
        while widget is not None:
            if isinstance(widget, QDialog):
                widget.reject()
            elif isinstance(widget, QMainWindow):
                widget.close()
                break
            widget = widget.parentWidget()

    def reject(self) -> None:
        if self.running:
            return  # the node may be logging it right now: the outcome is shown, not dropped
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)

    # -- words --------------------------------------------------------------------------------

    def _show_outcome(self) -> None:
        done = self.outcome
        assert done is not None
        paragraphs = [
            (
                self.tr(
                    "Your old key {old} is revoked: the chain node logged its revocation as entry "
                    "#{index}. From there on the chain refuses anything signed with it; what it "
                    "signed before stays valid."
                ).format(old=key_id(done.old_vkey), index=done.revoked_index),
                GOOD,
            )
        ]
        new = key_id(done.new_vkey)
        if done.successor:
            if done.enrolment == "approved":
                enrolled = self.tr(
                    "Your new key {new} is enrolled under the same name and role ({name}) and "
                    "carries on in every case of the old one."
                ).format(new=new, name=self.settings.display_name)
            elif done.enrolment == "pending":
                enrolled = self.tr(
                    "Your new key {new} was named as the successor; its enrolment under the same "
                    "name ({name}) waits for the court's approval. Until then it cannot sign."
                ).format(new=new, name=self.settings.display_name)
            else:
                enrolled = self.tr(
                    "Your new key {new} was named as the successor, but its enrolment did not "
                    "go through ({detail}). The name stays reserved for it: enrol the profile "
                    "again when the chain node is reachable."
                ).format(new=new, detail=done.enrolment or self.tr("no answer"))
            paragraphs.append((enrolled, None))
        else:
            paragraphs.append(
                (
                    self.tr(
                        "No successor was named: this profile now holds a new key {new} that "
                        "the chain does not know. To sign again it must be enrolled under "
                        "another name, and the members of your cases must add it again."
                    ).format(new=new),
                    None,
                )
            )
        paragraphs.append(
            (
                self.tr(
                    "The old key file is kept as {path}: it still opens what it sealed. Keep it "
                    "safe; never use it to sign."
                ).format(path=done.kept_as.name),
                None,
            )
        )
        paragraphs.append(
            (
                self.tr(
                    "This desk is still running with the old key, and the chain refuses what it "
                    "signs now. Close the desk and start it again, unlocking with the same "
                    "passphrase: it then opens the new key."
                ),
                BAD,
            )
        )
        self._set_result(paragraphs)

    def _show_failure(self) -> None:
        error = self.error
        assert error is not None
        said = error_text(error)
        if isinstance(error, KeyFileError):
            self._set_result([(said, BAD), (self.tr("Nothing was changed."), None)])
            return
        switched = (vkey_on_file(self.profile.key_path) or "") != self.old_vkey
        if switched:  # only what follows the switch failed (it should not happen)
            self._set_result(
                [
                    (
                        self.tr("The revocation went through, but then: {error}").format(
                            error=said
                        ),
                        BAD,
                    ),
                    (
                        self.tr(
                            "This profile now holds a new key. Close the desk and start it "
                            "again, unlocking with the same passphrase."
                        ),
                        None,
                    ),
                ]
            )
            return
        prepared = (self.profile.folder / NEXT_KEY).exists()
        paragraphs = [
            (self.tr("Your key was not revoked: {error}").format(error=said), BAD),
            (
                self.tr(
                    "Not done: the chain node has not logged a revocation, so the profile "
                    "still holds your current key and this desk still signs with it."
                ),
                None,
            ),
        ]
        if prepared:
            paragraphs.append(
                (
                    self.tr(
                        "Done: a new key was made and kept beside the old one; the next try "
                        "uses it. If the revocation had been signed before this failed, it "
                        "waits on the Chain page and is sent with the next sync."
                    ),
                    None,
                )
            )
        paragraphs.append(
            (self.tr("Try again when the chain node is reachable."), None),
        )
        self._set_result(paragraphs)

    def _set_result(self, paragraphs: list[tuple[str, str | None]]) -> None:
        self.result.setText(
            "".join(
                f'<p style="color:{colour}">{html.escape(text)}</p>'
                if colour
                else f"<p>{html.escape(text)}</p>"
                for text, colour in paragraphs
            )
        )
        self.result.setVisible(True)
        self._fit()

    def _fit(self) -> None:
        """Grow to show every word: wrapped labels need more height than the dialog had."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            self.replace_button,
            self.revoke_button,
            self.reason_edit,
            self.passphrase_edit,
        ):
            widget.setEnabled(editable)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        ready = bool(self.reason_edit.text().strip() and self.passphrase_edit.text())
        self.run_button.setEnabled(ready and not self.running and self.outcome is None)
        self.close_button.setEnabled(not self.running)

    @Slot()
    def _on_mode(self) -> None:
        self.run_button.setText(
            self.tr("Replace my key") if self.rotate else self.tr("Revoke my key")
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Revoke or replace my key"))
        self.intro.setText(
            self.tr(
                "Electronic Signature Law Art. 15: if you know, or should know, that your key "
                "may be in someone else's hands, stop using it and tell the parties. Revoking "
                "it at the chain node does both: from the node's revocation on, the chain "
                "refuses anything signed with it, and everyone who checks an entry sees when "
                "the key was revoked. Statements you signed before stay valid. This cannot be "
                "undone."
            )
        )
        self.replace_button.setText(self.tr("Replace my key: a new key under the same name"))
        self.replace_text.setText(
            self.tr(
                "A new key is made and named as the old one's successor; it is enrolled under "
                "your name and role ({name}) and carries on in every case of the old key. For a "
                "new computer, or a key you fear was seen but is still in your hands."
            ).format(name=self.settings.display_name)
        )
        self.revoke_button.setText(self.tr("Revoke only: the key may have been stolen"))
        self.revoke_text.setText(
            self.tr(
                "This desk can no longer sign with your key, and no successor is named. A new "
                "key is made for this profile, but it inherits nothing: it must be enrolled "
                "under another name, and the members of your cases add it again."
            )
        )
        self.reason_label.setText(self.tr("Reason (public):"))
        self.reason_edit.setPlaceholderText(self.tr("for example: new computer; laptop stolen"))
        self.passphrase_label.setText(self.tr("Passphrase:"))
        self.passphrase_edit.setPlaceholderText(self.tr("the passphrase that unlocks your key"))
        self.close_button.setText(self.tr("Close") if self.outcome else self.tr("Cancel"))
        self.quit_button.setText(self.tr("Close the desk now"))
        self._on_mode()
        if self.outcome is not None:
            self._show_outcome()
        elif self.error is not None:
            self._show_failure()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
