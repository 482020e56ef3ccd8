"""Background work off the GUI thread, with progress, cancel, and an outcome that always arrives.

``BackgroundTask`` runs a plain callable, or a generator function whose items report progress
(TagStudio's function iterator, STYLE.md pattern 7), on a ``QThreadPool`` worker. The worker
never touches the caller's objects: it emits on a private relay, whose signals reach the task's
``@Slot`` methods on the GUI thread (queued), and only there does the task emit its public
signals. So anything connected to ``progress``, ``finished`` or ``failed`` runs on the GUI
thread, lambdas included (STYLE.md avoid #2).

The contract (STYLE.md avoid #4): after ``start()``, exactly one of ``finished(result)`` or
``failed(exception)`` is emitted, once. Cancelling is a failure with a ``Cancelled`` instance:
``failed(Cancelled())``, which callers recognise and do not show as an error (STYLE.md pattern
15, "suppress user cancellation"). ``cancel()`` sets a flag the worker checks before asking the
generator for its next item; a plain callable can only be cancelled before it starts.

Generator items: ``(done, total)`` or ``(done, total, value)``; ``progress(done, total)`` is
emitted for them (throttled, the last one always), as 64-bit integers so that a file larger than
2 GiB reports correctly. ``finished`` carries the generator's return value, or when it returns
None the last item it yielded (``desk.verify.hash_file`` ends with ``(total, total, digest)``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QLocale, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

STEPS = 1000  # QProgressBar holds a 32-bit int: show permille, not bytes


class Cancelled(Exception):
    """The user cancelled the task; not an error to show."""

    def __init__(self) -> None:
        super().__init__("cancelled by the user")


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits these, the task receives them queued."""

    progress = Signal("qint64", "qint64")
    result = Signal(object)
    error = Signal(object)


def _progress_of(item: Any) -> tuple[int, int] | None:
    if isinstance(item, tuple) and len(item) >= 2:
        done, total = item[0], item[1]
        if isinstance(done, int) and isinstance(total, int):
            return done, total
    return None


class _Runner(QRunnable):
    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        relay: _Relay,
        cancel: threading.Event,
        done: threading.Event,
        interval: float,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.relay, self.cancel, self.done, self.interval = relay, cancel, done, interval

    def run(self) -> None:
        outcome: Any = None
        error: BaseException | None = None
        try:
            if self.cancel.is_set():
                raise Cancelled()
            outcome = self.fn(*self.args, **self.kwargs)
            if isinstance(outcome, Generator):
                outcome = self._drain(outcome)
        except BaseException as exc:  # every failure becomes failed(exc), never a lost task
            error = exc
        try:
            if error is None:
                self.relay.result.emit(outcome)
            else:
                self.relay.error.emit(error)
        except RuntimeError:  # the task was deleted while we ran: nobody is listening
            pass
        finally:
            self.done.set()
            self.fn = self.args = self.kwargs = None  # type: ignore[assignment]

    def _drain(self, generator: Generator[Any, Any, Any]) -> Any:
        last: Any = None
        returned: Any = None
        emitted = 0.0
        pending: tuple[int, int] | None = None
        try:
            while True:
                if self.cancel.is_set():
                    raise Cancelled()
                try:
                    item = next(generator)
                except StopIteration as stop:
                    returned = stop.value
                    break
                last = item
                step = _progress_of(item)
                if step is None:
                    continue
                now = time.monotonic()
                if now - emitted >= self.interval or step[0] >= step[1]:
                    self.relay.progress.emit(*step)
                    emitted, pending = now, None
                else:
                    pending = step
            if pending is not None:
                self.relay.progress.emit(*pending)
        finally:
            generator.close()  # runs the generator's own clean-up (closes its file)
        return returned if returned is not None else last


class BackgroundTask(QObject):
    """One call of ``fn(*args, **kwargs)`` on a worker thread. See the module docstring."""

    progress = Signal("qint64", "qint64")
    finished = Signal(object)
    failed = Signal(object)

    # Started tasks are kept alive here until their outcome is delivered, so that a caller may
    # drop its reference without losing the signals (Anki's taskman keeps them the same way).
    _alive: ClassVar[set[BackgroundTask]] = set()

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
        progress_interval: float = 0.03,
        **kwargs: Any,
    ) -> None:
        super().__init__(parent)
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._pool = pool or QThreadPool.globalInstance()
        self._interval = progress_interval
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._started = False
        self._ended = False
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.result.connect(self._on_result)
        self._relay.error.connect(self._on_error)

    def start(self) -> BackgroundTask:
        if self._started:
            raise RuntimeError("a BackgroundTask runs once; make a new one")
        self._started = True
        BackgroundTask._alive.add(self)
        runner = _Runner(
            self._fn,
            self._args,
            self._kwargs,
            self._relay,
            self._cancel,
            self._done,
            self._interval,
        )
        self._fn = self._args = self._kwargs = None  # type: ignore[assignment]
        self._pool.start(runner)
        return self

    def cancel(self) -> None:
        """Ask the worker to stop before the generator's next item; ``failed(Cancelled)``
        follows (or ``finished`` if it had already finished)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return self._started and not self._ended

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the worker returned (its outcome is then queued for the GUI thread)."""
        return self._done.wait(timeout_ms / 1000)

    @Slot("qint64", "qint64")
    def _on_progress(self, done: int, total: int) -> None:
        if not self._ended and not self._cancel.is_set():
            self.progress.emit(done, total)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        if self._end():
            self.finished.emit(result)

    @Slot(object)
    def _on_error(self, error: object) -> None:
        if self._end():
            self.failed.emit(error)

    def _end(self) -> bool:
        if self._ended:
            return False
        self._ended = True
        BackgroundTask._alive.discard(self)
        return True


def data_size(value: int) -> str:
    return QLocale().formattedDataSize(max(0, value))


class TaskProgress(QWidget):
    """An inline progress bar with a Cancel button for one task at a time; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: BackgroundTask | None = None
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

    def attach(self, task: BackgroundTask) -> None:
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
        self._task: BackgroundTask | None = None
        self.canceled.connect(self.cancel_task)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setCancelButtonText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def attach(self, task: BackgroundTask) -> None:
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
