"""Small widgets every case page shares (mediation's dialogs and tabs, bankruptcy's next).

- ``MoneyEdit``: an amount in yuan, read as integer fen (``ui.casework.money``), with the
  reason shown when the text is not an amount, and the amount it was read as when typed in
  full-width characters.
- ``EvidenceList``: files attached by their SHA-256, each hashed off the GUI thread in a
  ``BackgroundTask`` (streamed, any size) with a progress bar and Cancel; the files themselves
  never leave the computer, only ``{name, sha256, size}`` goes into the statement.
- ``KeyPicker``: a party's verifier key, chosen by name from the people this desktop knows or
  the chain node approved (``ui.casework.directory``), or pasted.
- ``table_view``: a read-only, row-selecting table view with sensible defaults; ``push_button``:
  a named button wired to its slot.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.verify import hash_file
from ledger.errors import LedgerError
from ledger.keys import parse_vkey
from ui.casework.directory import Directory
from ui.casework.models import DISPLAY, RAW, TOOLTIP, RowsModel
from ui.casework.money import MoneyError, Problem, format_yuan, parse_yuan
from ui.errors import show_error
from ui.i18n import error_text, role_name
from ui.tasks import BackgroundTask, Cancelled, TaskProgress, data_size

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #5f6368;"


def push_button(
    parent: QWidget, slot: Callable[..., Any] | SignalInstance, name: str = ""
) -> QPushButton:
    """A button that runs ``slot`` when clicked; ``name`` is its object name (tests find it)."""
    button = QPushButton(parent)
    if name:
        button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class CaseDialog(QDialog):
    """A dialog of a case page whose texts follow the UI language: ``retranslate_ui`` sets them,
    from ``__init__`` and again on every language change."""

    def retranslate_ui(self) -> None:
        """Set every text (subclasses)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def button_texts(buttons: QDialogButtonBox, ok: str, cancel: str) -> None:
    """Name the OK and Cancel buttons of ``ok_cancel`` (texts already translated)."""
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)


def ok_cancel(
    dialog: QDialog,
    ok: Callable[[], Any] | None = None,
    cancel: Callable[[], Any] | None = None,
) -> QDialogButtonBox:
    """The dialog's OK and Cancel buttons, running ``ok`` (default: accept) and ``cancel``
    (default: reject)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(ok or dialog.accept)
    buttons.rejected.connect(cancel or dialog.reject)
    return buttons


def open_dialog(dialog: QDialog, on_accepted: Callable[[], Any]) -> None:
    """Show ``dialog`` without blocking (window-modal); ``on_accepted`` runs after OK, and the
    dialog is deleted once it closes either way."""
    dialog.accepted.connect(on_accepted)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def table_view(parent: QWidget, model: Any, name: str, stretch: int | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if rows:
        return rows[0].row()
    current = view.currentIndex()
    return current.row() if current.isValid() else None


# -- money ------------------------------------------------------------------------------------


class MoneyEdit(QWidget):
    """A yuan amount; ``fen()`` is the integer amount or None while the text is not one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, positive: bool = True) -> None:
        super().__init__(parent)
        self.positive = positive
        self.edit = QLineEdit(self)
        self.edit.setObjectName("yuan")
        self.unit = QLabel(self)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.hide()
        self.reading_label = QLabel(self)  # what full-width input was read as
        self.reading_label.setObjectName("yuanReading")
        self.reading_label.setStyleSheet(NOTE_STYLE)
        self.reading_label.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.unit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.reading_label)
        self.edit.textChanged.connect(self._on_text)
        self._problem: Problem | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.unit.setText(self.tr("yuan"))
        self.edit.setPlaceholderText(self.tr("e.g. 60,000.00"))
        self._show_problem()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - reads like QLineEdit
        self.edit.setText(text)

    def set_fen(self, fen: int) -> None:
        self.edit.setText(format_yuan(fen))

    def fen(self) -> int | None:
        try:
            return parse_yuan(self.edit.text(), positive=self.positive)
        except MoneyError:
            return None

    @Slot(str)
    def _on_text(self, text: str) -> None:
        try:
            parse_yuan(text, positive=self.positive)
            self._problem = None
        except MoneyError as exc:
            self._problem = None if exc.problem is Problem.EMPTY else exc.problem
        self._show_problem()
        self.changed.emit()

    def problem_text(self) -> str:
        problem = self._problem
        if problem is None:
            return ""
        texts = {
            Problem.GARBAGE: self.tr("Write the amount in yuan with digits, e.g. 60,000.50."),
            Problem.NOT_TEXT: self.tr("Write the amount in yuan with digits, e.g. 60,000.50."),
            Problem.NEGATIVE: self.tr("An amount cannot be negative."),
            Problem.PRECISION: self.tr("At most two decimals: the fen is the smallest unit."),
            Problem.GROUPING: self.tr("Thousands separators go every three digits: 60,000.50."),
            Problem.TOO_LARGE: self.tr("This amount is too large."),
            Problem.ZERO: self.tr("The amount must be more than zero."),
        }
        return texts.get(problem, "")

    def reading_text(self) -> str:
        """For input an IME typed in full width (``６０，０００``), the amount it was read as,
        so the user sees the number before signing; "" otherwise."""
        text = self.edit.text()
        fen = self.fen()
        if fen is None or unicodedata.normalize("NFKC", text) == text:
            return ""
        return self.tr("Read as {amount} yuan.").format(amount=format_yuan(fen))

    def _show_problem(self) -> None:
        text = self.problem_text()
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        reading = self.reading_text()
        self.reading_label.setText(reading)
        self.reading_label.setVisible(bool(reading))


# -- evidence files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    path: Path
    sha256: str
    size: int

    def document(self) -> dict[str, Any]:
        return {"name": self.path.name, "sha256": self.sha256, "size": self.size}


class EvidenceModel(RowsModel[Evidence]):
    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Size"), self.tr("SHA-256")]

    def cell(self, row: Evidence, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (row.path.name, data_size(row.size), row.sha256)[column]
        if role == TOOLTIP:
            return str(row.path)
        if role == RAW:
            return (str(row.path), row.size, row.sha256)[column]
        return None


class EvidenceList(QWidget):
    """Files attached by SHA-256, hashed in the background one after another."""

    hashed = Signal(object)  # Evidence, after each file
    idle = Signal()  # nothing left to hash

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EvidenceModel(self)
        self.view = table_view(self, self.model, "evidenceFiles", stretch=2)
        self.view.setMinimumHeight(70)
        self.add_button = push_button(self, self.choose_files, "addEvidence")
        self.remove_button = push_button(self, self.remove_selected)
        self.progress = TaskProgress(self)
        self.progress.setObjectName("evidenceProgress")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.queue: list[Path] = []
        self.task: BackgroundTask | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Attach files…"))
        self.remove_button.setText(self.tr("Remove"))
        self.note.setText(
            self.tr(
                "Only each file's SHA-256 fingerprint, name and size are signed; the files stay "
                "on this computer. Keep them: the fingerprint proves they are unchanged."
            )
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def documents(self) -> list[dict[str, Any]]:
        return [item.document() for item in self.model.rows]

    @Slot()
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence files"))
        for path in paths:
            self.add_file(path)

    def add_file(self, path: str | os.PathLike[str]) -> None:
        """Hash ``path`` (after any file still hashing) and list it."""
        self.queue.append(Path(path))
        if self.task is None:
            self._next()

    def _next(self) -> None:
        if not self.queue:
            self.task = None
            self.idle.emit()
            return
        path = self.queue.pop(0)
        task = BackgroundTask(hash_file, path, parent=self)
        task.finished.connect(self._on_hashed)
        task.failed.connect(self._on_failed)
        self.task = task
        self._path = path
        self.progress.attach(task)
        task.start()

    @Slot(object)
    def _on_hashed(self, result: object) -> None:
        assert isinstance(result, tuple)
        done, _total, digest = result
        evidence = Evidence(self._path, str(digest), int(done))
        if all(e.sha256 != evidence.sha256 for e in self.model.rows):
            self.model.append(evidence)
        self.hashed.emit(evidence)
        self._next()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        if isinstance(error, Cancelled):
            self.queue.clear()
        elif isinstance(error, OSError):
            problem = LedgerError(
                self.tr("The file {path} cannot be read: {detail}"),
                path=str(self._path),
                detail=error.strerror or str(error),
            )
            show_error(self, problem)
        elif isinstance(error, BaseException):
            raise error
        self._next()

    @Slot()
    def cancel(self) -> None:
        self.queue.clear()
        if self.task is not None:
            self.task.cancel()

    @Slot()
    def remove_selected(self) -> None:
        row = selected_row(self.view)
        if row is not None:
            self.model.remove(row)


# -- keys -------------------------------------------------------------------------------------


class KeyPicker(QWidget):
    """Choose a person's verifier key by name, or paste one; ``vkey()`` is "" when none."""

    changed = Signal()

    def __init__(self, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self.combo = QComboBox(self)
        self.combo.setObjectName("knownPeople")
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.search = QLineEdit(self)
        self.search.setObjectName("findPerson")
        self.search.setMaximumWidth(140)
        self.lookup_button = push_button(self, self.look_up, "lookUpEnrolled")
        self.paste = QLineEdit(self)
        self.paste.setObjectName("pastedKey")
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search)
        top.addWidget(self.combo, 1)
        top.addWidget(self.lookup_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.paste)
        layout.addWidget(self.state_label)
        self.combo.currentIndexChanged.connect(self._on_choice)
        self.search.textChanged.connect(self._fill)
        self.paste.textChanged.connect(self._on_paste)
        directory.changed.connect(self._fill)
        directory.failed.connect(self._on_failed)
        self._failed: BaseException | None = None
        self.retranslate_ui()
        self._fill()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Find by name"))
        self.lookup_button.setText(self.tr("Look up enrolled people"))
        self.lookup_button.setToolTip(
            self.tr("Ask the chain node for everyone whose enrolment it approved.")
        )
        self.paste.setPlaceholderText(self.tr("…or paste the party's verifier key"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def look_up(self) -> None:
        self._failed = None
        self.directory.look_up()
        self._show_state()

    @Slot()
    @Slot(str)
    def _fill(self, *_args: object) -> None:
        chosen = self.combo.currentData()
        text = self.search.text().strip().lower()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("(no key yet: the party cannot sign)"), "")
        for person in self.directory.people:
            if text and text not in person.name.lower():
                continue
            label = self.tr("{name} — {role}, key {key_id}").format(
                name=person.name, role=role_name(person.role), key_id=person.key_id
            )
            self.combo.addItem(label, person.vkey)
        found = self.combo.findData(chosen) if chosen else -1
        self.combo.setCurrentIndex(max(0, found))
        self.combo.blockSignals(False)
        self._show_state()
        self.changed.emit()

    def choose(self, vkey: str) -> bool:
        """Select ``vkey`` in the list (tests and callers that know it); False if absent."""
        self.search.clear()
        found = self.combo.findData(vkey)
        if found < 0:
            return False
        self.combo.setCurrentIndex(found)
        return True

    def choose_name(self, name: str) -> bool:
        for number in range(self.combo.count()):
            vkey = self.combo.itemData(number)
            person = self.directory.find(vkey) if vkey else None
            if person is not None and person.name == name:
                self.combo.setCurrentIndex(number)
                return True
        return False

    @Slot(int)
    def _on_choice(self, _number: int) -> None:
        if self.combo.currentData():
            self.paste.blockSignals(True)
            self.paste.clear()
            self.paste.blockSignals(False)
        self._show_state()
        self.changed.emit()

    @Slot(str)
    def _on_paste(self, text: str) -> None:
        if text.strip():
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(0)
            self.combo.blockSignals(False)
        self._show_state()
        self.changed.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._failed = error if isinstance(error, BaseException) else None
        self._show_state()

    def pasted_problem(self) -> str:
        text = self.paste.text().strip()
        if not text:
            return ""
        try:
            verifier = parse_vkey(text)
        except LedgerError:
            return self.tr("This is not a verifier key (name+hash+key).")
        if verifier.sig_type != 0x01:
            return self.tr("This is not a person's signing key.")
        return ""

    def vkey(self) -> str:
        """The chosen or pasted key; "" when none or when the pasted text is not a key."""
        pasted = self.paste.text().strip()
        if pasted:
            return "" if self.pasted_problem() else pasted
        return str(self.combo.currentData() or "")

    def _show_state(self) -> None:
        problem = self.pasted_problem()
        if problem:
            self.state_label.setStyleSheet(ERROR_STYLE)
            self.state_label.setText(problem)
            return
        self.state_label.setStyleSheet("")
        if self.directory.looking_up:
            self.state_label.setText(self.tr("Asking the chain node…"))
        elif self._failed is not None:
            self.state_label.setStyleSheet(ERROR_STYLE)
            self.state_label.setText(error_text(self._failed))
        elif self.vkey():
            self.state_label.setText(
                self.tr("The party signs with the key {key_id}.").format(
                    key_id=parse_vkey(self.vkey()).key_id
                )
            )
            self.state_label.setToolTip(self.vkey())
        else:
            self.state_label.setText(
                self.tr(
                    "Without a key the party can be named but cannot sign; add it later from "
                    "the Parties tab."
                )
            )
