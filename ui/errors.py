"""Errors shown to people: expected failures in their words, faults logged with a traceback.

- Expected failures are ``LedgerError`` subclasses (wrong passphrase, node unreachable, an entry
  the node rejected, a chain alarm). They carry an English template marked for translation in
  the context ``LedgerError``; ``error_text`` shows the translated template filled with the
  error's arguments (``ui.i18n.error_text``, the one place that translates them), and no
  traceback, ever.
- Anything else is a fault in the program: ``ExceptionHook`` (installed as ``sys.excepthook``
  and ``threading.excepthook``) writes the traceback to the profile's log file and shows a
  readable dialog with the traceback folded away under "Show Details".

Dialogs are only ever built on the GUI thread: the hook emits a signal, which Qt delivers
directly on the GUI thread and queues from any other thread. An error repeated with the same
type, text and origin is logged once more but not shown again.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ledger.errors import LedgerError
from ui.i18n import error_text as ledger_error_text

log = logging.getLogger("jcdesk.ui.errors")

CONTEXT = "ErrorDialog"
CANCELLED = (asyncio.CancelledError, concurrent.futures.CancelledError)
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
E = TypeVar("E", bound=BaseException)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def is_expected(exc: BaseException) -> bool:
    """An expected failure: the person is told what happened, without a traceback."""
    return isinstance(exc, LedgerError)


def error_text(exc: BaseException) -> str:
    """What a person reads about ``exc``, in the installed language."""
    if is_expected(exc):
        return ledger_error_text(exc)
    detail = str(exc) or type(exc).__name__
    return _tr("Something went wrong inside Judicial Chain Desk: {detail}").format(detail=detail)


def without_traceback(exc: E) -> E:
    """``exc`` with its traceback dropped, and those of the exceptions it chains: safe to keep.

    A traceback holds the frames the exception passed through, and each frame its caller
    (``f_back``), up to the event loop or the test. Kept in a local of one of those frames or
    in an attribute of a widget, the exception closes a reference cycle, and every object those
    frames hold (a window made without a parent, say) then lives until the cyclic collector
    runs: at any allocation, possibly inside a Qt event that is using that very window, which
    Qt then touches after it was deleted (a segmentation fault). Call this on an expected
    failure that is kept to be shown (they are shown without a traceback anyway).
    """
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return exc


def show_error(
    parent: QWidget | None,
    exc: BaseException,
    log_path: Path | None = None,
    *,
    wait: bool = False,
) -> QMessageBox:
    """Show ``exc`` in a window-modal message box and return it.

    The box is opened without blocking (``open()``), unless ``wait`` asks to block until it is
    closed (``exec()``: start-up failures before the main window exists). Call on the GUI
    thread only. Expected failures show their translated message; faults also
    say where the log is and keep the traceback under "Show Details".
    """
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorDialog")
    box.setText(error_text(exc))
    if is_expected(exc):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Judicial Chain Desk"))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_tr("Unexpected error"))
        info = _tr("This is a fault in the program, not something you did.")
        if log_path is not None:
            info += " " + _tr("The details were written to {path}.").format(path=str(log_path))
        box.setInformativeText(info)
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    if wait:
        box.exec()
    else:
        box.open()
    return box


def _origin(tb: TracebackType | None) -> tuple[str, int]:
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return ("", 0)
    return (tb.tb_frame.f_code.co_filename, tb.tb_lineno)


class ExceptionHook(QObject):
    """Logs every uncaught exception and shows it once, on the GUI thread.

    Create it on the GUI thread. ``install`` replaces ``sys.excepthook`` and
    ``threading.excepthook``; ``uninstall`` puts the previous hooks back.
    """

    report = Signal(object)  # the exception to show; queued when raised off the GUI thread

    def __init__(self, log_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.counts: dict[tuple[str, str, str, int], int] = {}
        self.shown = 0  # dialogs shown so far
        self._boxes: list[QMessageBox] = []
        self._previous: tuple[Callable[..., Any], Callable[..., Any]] | None = None
        self.report.connect(self._show)

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.handle
            threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Log ``exc``; ask the GUI thread to show it unless it was shown already."""
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, CANCELLED):
            return  # the person cancelled: nothing to report
        key = (exc_type.__qualname__, str(exc), *_origin(tb))
        seen = self.counts.get(key, 0)
        self.counts[key] = seen + 1
        if is_expected(exc):
            log.warning("%s: %s", exc_type.__name__, exc)
        else:
            log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        if seen:
            log.info("the same error again (%d times); not shown again", seen + 1)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        self.report.emit(exc)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        box = show_error(QApplication.activeWindow(), exc, self.log_path)
        # a box without a parent belongs to Python: keep it until it is closed (and deleted)
        self._boxes = [b for b in self._boxes if shiboken6.isValid(b)]
        self._boxes.append(box)
        self.shown += 1
