"""The registered-PDF export, for any domain: make a PDF off the GUI thread, write it where the
user chose (atomically: a temporary file, then a rename), then register it.

Registering signs a ``document.issued`` statement that carries the file's own SHA-256 (its body
made by the domain's ``issued_body``), valid in any case, so that anyone holding the file can
check it on the Verify page. A refusal of the registration is shown in words; the file stays
written and ``Exported.leaf`` is None.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from desk.session import DeskSession
from ledger.errors import LedgerError
from ui.casework.tab import attempt
from ui.errors import show_error
from ui.ops import Cancelled, Op

DOCUMENT_ISSUED = "document.issued"  # a generic type (ledger.domain): valid in any case

# (pdf bytes, file name, what the PDF is about) -> the body of the document.issued statement
IssuedBody = Callable[[bytes, str, dict[str, Any]], dict[str, Any]]
Show = Callable[[QWidget | None, BaseException], object]


@dataclass(frozen=True)
class Exported:
    """A PDF written to ``path``; ``leaf`` is its registration entry (None if refused)."""

    kind: str
    path: Path
    sha256: str
    size: int
    leaf: bytes | None


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".jcdesk-", suffix=".pdf", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def make_and_write(build: Callable[[], bytes], path: Path) -> bytes:
    """Run on a worker thread: build the PDF, write it, return its bytes."""
    pdf = build()
    write_atomically(path, pdf)
    return pdf


class RegisteredExport(QObject):
    """One export at a time for ``parent`` (a case tab): ``start``, then ``exported`` once the
    file is written (registered or not), or ``failed`` with the reason (shown already)."""

    exported = Signal(object)  # Exported
    failed = Signal(object)  # the exception; the user was told

    def __init__(
        self,
        session: DeskSession,
        issued_body: IssuedBody,
        parent: QWidget,
        show: Show = show_error,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.issued_body = issued_body
        self.widget = parent
        self.show = show
        self.task: Op | None = None
        self._job: tuple[str, Path, str, dict[str, Any]] | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(
        self, kind: str, path: Path, case_id: str, about: dict[str, Any], build: Callable[[], bytes]
    ) -> None:
        """Make the PDF with ``build`` (on a worker), write it to ``path``, register it in
        ``case_id`` as ``about`` says."""
        if self.task is not None:
            return
        task = Op(make_and_write, build, path, parent=self.widget)
        task.finished.connect(self._on_written)
        task.failed.connect(self._on_failed)
        self.task, self._job = task, (kind, path, case_id, about)
        task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    @Slot(object)
    def _on_written(self, pdf: object) -> None:
        assert isinstance(pdf, bytes) and self._job is not None
        kind, path, case_id, about = self._job
        self.task, self._job = None, None
        body = self.issued_body(pdf, path.name, {**about, "case": case_id})
        session = self.session
        entry = attempt(
            self.widget,
            lambda: session.record(session.statement(DOCUMENT_ISSUED, case_id, body)),
            self.show,
        )
        sha = body["documents"][0]["sha256"]
        self.exported.emit(Exported(kind, path, sha, len(pdf), entry.leaf_hash if entry else None))

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.task, self._job = None, None
        if isinstance(error, OSError):
            self.show(
                self.widget,
                LedgerError(
                    self.tr("The PDF could not be saved: {detail}"),
                    detail=error.strerror or str(error),
                ),
            )
        elif isinstance(error, LedgerError):
            self.show(self.widget, error)
        elif isinstance(error, BaseException) and not isinstance(error, Cancelled):
            raise error
        self.failed.emit(error)
