"""Back up the open profile, or restore a backup as another profile, from the Desk menu.

The work (``desk.backup``) runs on a worker thread with ``BackgroundTask``; the outcome is told
in a message box in the user's language. The app restores only into a new or empty profile:
replacing one that holds data is left to the command line (``--replace``), where it is said
in so many words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from desk import backup
from ledger.profile import Profile
from ui.errors import show_error
from ui.tasks import BackgroundTask

SUFFIX = ".jcdbackup"


class ProfileBackup(QObject):
    """The Desk menu's "Back up profile…" and "Restore a backup…"."""

    busy_changed = Signal(bool)
    done = Signal(str)  # the message shown when a backup or restore succeeded

    def __init__(self, window: QWidget, profile: Profile) -> None:
        super().__init__(window)
        self.window = window
        self.profile = profile
        self.task: BackgroundTask | None = None
        self.message: QMessageBox | None = None
        self.restored_as = ""  # the profile a restore writes (not the backup's own name)

    @property
    def home(self) -> Path:
        return self.profile.folder.parent.parent  # <home>/profiles/<name>

    # -- asking (the tests call start_* directly) --------------------------------------------

    def ask_backup_file(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d")
        suggested = str(Path.home() / f"{self.profile.name}-{stamp}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up the profile to"),
            suggested,
            self.tr("Judicial Chain Desk backups (*{suffix})").format(suffix=SUFFIX),
        )
        return path

    def ask_backup_to_restore(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore a backup"),
            str(Path.home()),
            self.tr("Judicial Chain Desk backups (*{suffix})").format(suffix=SUFFIX),
        )
        return path

    def ask_profile_name(self) -> str:
        name, ok = QInputDialog.getText(
            self.window,
            self.tr("Restore a backup"),
            self.tr("Name of the new profile to restore into:"),
        )
        return name.strip() if ok else ""

    def ask_passphrase(self, question: str) -> str:
        text, ok = QInputDialog.getText(
            self.window, self.tr("Passphrase"), question, QLineEdit.EchoMode.Password
        )
        return text if ok else ""

    # -- the two actions -----------------------------------------------------------------------

    @Slot()
    def back_up(self) -> None:
        path = self.ask_backup_file()
        if not path:
            return
        passphrase = self.ask_passphrase(
            self.tr("Type the passphrase of this profile's key: the backup is encrypted with it.")
        )
        if passphrase:
            self.start_backup(Path(path), passphrase)

    @Slot()
    def restore(self) -> None:
        path = self.ask_backup_to_restore()
        if not path:
            return
        name = self.ask_profile_name()
        if not name:
            return
        passphrase = self.ask_passphrase(
            self.tr("Type the passphrase the profile had when it was backed up.")
        )
        if passphrase:
            self.start_restore(Path(path), name, passphrase)

    def start_backup(self, path: Path, passphrase: str) -> BackgroundTask:
        # the save dialog already asked before an existing file is replaced
        task = BackgroundTask(
            backup.backup, self.profile, passphrase, path, replace=True, parent=self
        )
        task.finished.connect(self._backed_up)
        return self._run(task)

    def start_restore(self, path: Path, name: str, passphrase: str) -> BackgroundTask | None:
        try:
            target = Profile.named(name, home=self.home)
        except ValueError:
            self._tell(
                self.tr(
                    "A profile name uses letters, digits, '.', '-' or '_' (at most 64 characters)."
                ),
                QMessageBox.Icon.Warning,
            )
            return None
        self.restored_as = target.name
        task = BackgroundTask(backup.restore, path, target, passphrase, parent=self)
        task.finished.connect(self._restored)
        return self._run(task)

    def _run(self, task: BackgroundTask) -> BackgroundTask:
        task.failed.connect(self._failed)
        self.task = task
        self.busy_changed.emit(True)
        return task.start()

    # -- outcomes ------------------------------------------------------------------------------

    @Slot(object)
    def _backed_up(self, info: backup.BackupInfo) -> None:
        self.busy_changed.emit(False)
        self._tell(
            self.tr(
                "The profile {profile} was backed up to {path} ({entries} log entries). The "
                "file is encrypted with the profile's passphrase; keep it away from this "
                "computer."
            ).format(profile=info.profile, path=str(info.path), entries=info.entries)
        )

    @Slot(object)
    def _restored(self, info: backup.BackupInfo) -> None:
        self.busy_changed.emit(False)
        self._tell(
            self.tr(
                "The backup of {created} was restored as the profile {profile}. Open it "
                "(main.py --profile {profile}) and let it sync: what the chain received "
                "since the backup comes back. Private details of parties added after the "
                "backup are not in it."
            ).format(created=info.created, profile=self.restored_as)
        )

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.busy_changed.emit(False)
        show_error(self.window, error)

    def _tell(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
        box = QMessageBox(self.window)
        box.setObjectName("backupMessage")
        box.setIcon(icon)
        box.setWindowTitle(self.tr("Backup and restore"))
        box.setText(text)
        self.message = box
        box.open()
        if icon == QMessageBox.Icon.Information:
            self.done.emit(text)
