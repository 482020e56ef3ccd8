"""Progress widgets for operations (``ui.ops.Op``): an inline bar and a dialog, each with Cancel.

The operation itself (a worker or the network loop, success and failure on the GUI thread) is
``ui.ops.Op``; ``BackgroundTask`` is its former name, kept for the pages that use it.

``progress(done, total)`` arrives as 64-bit integers so that a file larger than 2 GiB reports
correctly; the widgets show permille. An op's ``finished`` carries the generator's return value,
or when it returns None the last item it yielded (``desk.verify.hash_file`` ends with
``(total, total, digest)``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from ui.ops import Cancelled, Op

__all__ = ["STEPS", "BackgroundTask", "Cancelled", "Op", "ProgressDialog", "TaskProgress"]

STEPS = 1000  # QProgressBar holds a 32-bit int: show permille, not bytes

BackgroundTask = Op  # the former name of the one operation type


def data_size(value: int) -> str:
    return QLocale().formattedDataSize(max(0, value))


class TaskProgress(QWidget):
    """An inline progress bar with a Cancel button for one task at a time; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Op | None = None
        self._done = 0
        self._total = 0
        self.bar = QProgressBar(self)
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(True)
        self.label = QLabel(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def attach(self, task: Op) -> None:
        """Follow ``task`` (call before ``task.start()``)."""
        self._task = task
        self._done = self._total = 0
        self.bar.setRange(0, STEPS)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        task.progress.connect(self.on_progress)
        task.finished.connect(self.on_finished)
        task.failed.connect(self.on_failed)
        self._show_counts()
        self.show()

    @property
    def value(self) -> int:
        return self.bar.value()

    @Slot()
    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    @Slot("qint64", "qint64")
    def on_progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self.bar.setValue(STEPS if total <= 0 else min(STEPS, done * STEPS // total))
        self._show_counts()

    @Slot(object)
    def on_finished(self, _result: object) -> None:
        self._stop()

    @Slot(object)
    def on_failed(self, _error: object) -> None:
        self._stop()

    def _stop(self) -> None:
        sender = self._task
        self._task = None
        if sender is not None:
            sender.progress.disconnect(self.on_progress)
            sender.finished.disconnect(self.on_finished)
            sender.failed.disconnect(self.on_failed)
        self.hide()

    def _show_counts(self) -> None:
        self.label.setText(
            self.tr("{done} of {total}").format(
                done=data_size(self._done), total=data_size(self._total)
            )
        )


class ProgressDialog(QProgressDialog):
    """A modal-less progress dialog for a task, for work not tied to one page."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, STEPS)
        self.setMinimumDuration(400)
        self.setAutoClose(True)
        self.setAutoReset(True)
        self.setLabelText(label)
        self._task: Op | None = None
        self.canceled.connect(self.cancel_task)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setCancelButtonText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def attach(self, task: Op) -> None:
        self._task = task
        task.progress.connect(self.on_progress)
        task.finished.connect(self.on_end)
        task.failed.connect(self.on_end)
        self.setValue(0)

    @Slot()
    def cancel_task(self) -> None:
        if self._task is not None:
            self._task.cancel()

    @Slot("qint64", "qint64")
    def on_progress(self, done: int, total: int) -> None:
        self.setValue(STEPS if total <= 0 else min(STEPS - 1, done * STEPS // total))

    @Slot(object)
    def on_end(self, _outcome: object) -> None:
        self._task = None
        self.setValue(STEPS)
        self.close()
