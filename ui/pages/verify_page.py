"""The Verify page: check any file against the chain, or deposit it as evidence (存证).

A person drops or chooses a file: a PDF, any evidence (a 2 GB video too), a ``.tlog-proof``
receipt or a signed entry. Its SHA-256 is computed on this computer in an ``Op``
(progress bar, Cancel); the file itself never leaves the computer. Then ``desk.verify.check``
runs on the network thread (an ``Op`` on the loop): this desktop's own records and receipts
first, then the node's ``verify.hash``, every receipt verified offline against the pinned log
and witness keys. The outcome comes back to the GUI thread; the GUI thread never waits on a
future.

The page tells the truth in plain words (DOMAIN.md section 5): what is proven on this computer
and what rests on the node's word; a file that is not on the chain is said to be so, with the
two reasons that can be; a node out of reach is named, and stored receipts are still checked.
A deposit shows "signed — pending" until the chain's receipt is stored, and only then
"confirmed", with the on-chain time in local time: the page re-reads the deposit's state when a
change event (``on_changes``, the bridge's ``changed``) says the outbox or receipts moved.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.changes import Changes
from desk.session import DeskSession
from desk.verify import (
    DepositState,
    Fact,
    Finding,
    Kind,
    Level,
    NodeState,
    Report,
    Step,
    Subject,
    Verdict,
    check,
    check_offline,
    deposit_state,
    evidence_statement,
    hash_file,
    open_subject,
    pinned_verifiers,
)
from desk.verify.findings import Revocation
from ledger.errors import LedgerError
from ui.errors import show_error, without_traceback
from ui.i18n import error_text, role_name
from ui.ops import Cancelled, Op
from ui.tasks import TaskProgress

VERDICT_STYLE = {
    "good": "background:#e6f4ea; color:#0d652d; border:1px solid #a8dab5;",
    "warn": "background:#fef7e0; color:#7a4f01; border:1px solid #f4d27a;",
    "bad": "background:#fce8e6; color:#a50e0e; border:1px solid #f5b7b1;",
    "info": "background:palette(alternate-base); color:palette(text); border:1px solid #ccc;",
}
VERDICT_TONE = {
    Verdict.PROVEN: "good",
    Verdict.NODE_ONLY: "warn",
    Verdict.INCOMPLETE: "warn",
    Verdict.PENDING: "warn",
    Verdict.NOT_ON_CHAIN: "bad",
    Verdict.FAILED: "bad",
    Verdict.UNKNOWN: "info",
    Verdict.UNCHECKED: "info",
}


def local_text(moment: datetime | None) -> str:
    """A UTC moment in this computer's time zone, e.g. ``2026-11-27 15:30:00 CST``."""
    if moment is None:
        return ""
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    text = QLocale().toString(stamp, "yyyy-MM-dd HH:mm:ss")
    zone = stamp.timeZoneAbbreviation()
    return f"{text} {zone}".strip()


def data_size(value: int) -> str:
    return QLocale().formattedDataSize(max(0, value))


@dataclass(frozen=True)
class _Hashed:
    path: Path
    sha256: str
    size: int


class DropZone(QFrame):
    """The dashed box that invites a drop; the page handles the drop itself."""

    def set_active(self, active: bool) -> None:
        self.setProperty("active", active)
        self.style().unpolish(self)
        self.style().polish(self)


class VerifyPage(QWidget):
    checked = Signal(object)  # the Report shown, after every check (tests and other pages)
    deposit_changed = Signal(str)  # pending, submitted, confirmed, rejected

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("verifyPage")
        self.setAcceptDrops(True)
        self._generation = 0
        self._task: Op | None = None
        self._hashed: _Hashed | None = None
        self._pending_path: Path | None = None
        self._subject: Subject | None = None
        self._entry_text: str | None = None
        self._entry_name: str | None = None
        self._report: Report | None = None
        self._checking = False
        self._hash_error: BaseException | None = None
        self._deposit_leaf: bytes | None = None
        self._deposit_sha: str | None = None
        self._deposit: DepositState | None = None
        self.hasher: Callable[..., Iterator[tuple[int, int, str | None]]] = hash_file

        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.drop_zone = DropZone(self)
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet(
            "#dropZone { border: 2px dashed palette(mid); border-radius: 8px; }"
            ' #dropZone[active="true"] { border-color: palette(highlight);'
            " background: palette(alternate-base); }"
        )
        self.drop_label = QLabel(self.drop_zone)
        self.drop_label.setWordWrap(True)
        self.choose_button = QPushButton(self.drop_zone)
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.clicked.connect(self.choose_file)
        drop_layout = QHBoxLayout(self.drop_zone)
        drop_layout.setContentsMargins(16, 14, 16, 14)
        drop_layout.addWidget(self.drop_label, 1)
        drop_layout.addWidget(self.choose_button)

        self.file_caption = QLabel(self)
        self.file_value = QLabel(self)
        self.file_value.setWordWrap(True)
        self.file_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_caption = QLabel(self)
        self.hash_value = QLabel(self)
        self.hash_value.setObjectName("sha256")
        self.hash_value.setStyleSheet("font-family: monospace;")
        self.hash_value.setWordWrap(True)
        self.hash_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        file_grid = QGridLayout()
        file_grid.setColumnStretch(1, 1)
        file_grid.addWidget(self.file_caption, 0, 0, Qt.AlignmentFlag.AlignTop)
        file_grid.addWidget(self.file_value, 0, 1)
        file_grid.addWidget(self.hash_caption, 1, 0, Qt.AlignmentFlag.AlignTop)
        file_grid.addWidget(self.hash_value, 1, 1)

        self.progress = TaskProgress(self)
        self.progress.setObjectName("hashProgress")

        # The coloured box is a frame around a plain label: a word-wrapped QLabel with its own
        # stylesheet padding gets a wrong height-for-width and clips its last line.
        self.verdict_box = QFrame(self)
        self.verdict_box.setObjectName("verdictBox")
        self.verdict = QLabel(self.verdict_box)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        verdict_layout = QVBoxLayout(self.verdict_box)
        verdict_layout.setContentsMargins(12, 10, 12, 10)
        verdict_layout.addWidget(self.verdict)
        self.verdict_box.hide()

        self.entry_button = QPushButton(self)
        self.entry_button.setObjectName("chooseEntry")
        self.entry_button.clicked.connect(self.choose_entry)
        self.entry_button.hide()

        self.details = QTextBrowser(self)
        self.details.setObjectName("findings")
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(160)

        self.deposit_box = QGroupBox(self)
        self.deposit_box.setObjectName("depositBox")
        self.note_caption = QLabel(self.deposit_box)
        self.note_edit = QLineEdit(self.deposit_box)
        self.note_edit.setObjectName("depositNote")
        self.deposit_button = QPushButton(self.deposit_box)
        self.deposit_button.setObjectName("depositButton")
        self.deposit_button.clicked.connect(self.deposit)
        self.deposit_status = QLabel(self.deposit_box)
        self.deposit_status.setObjectName("depositStatus")
        self.deposit_status.setWordWrap(True)
        self.deposit_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        deposit_row = QHBoxLayout()
        deposit_row.addWidget(self.note_caption)
        deposit_row.addWidget(self.note_edit, 1)
        deposit_row.addWidget(self.deposit_button)
        deposit_layout = QVBoxLayout(self.deposit_box)
        deposit_layout.addLayout(deposit_row)
        deposit_layout.addWidget(self.deposit_status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.drop_zone)
        layout.addLayout(file_grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.verdict_box)
        layout.addWidget(self.entry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.deposit_box)

        self.retranslate_ui()
        self._update_buttons()

    # -- texts ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Verify a file against the chain"))
        self.intro.setText(
            self.tr(
                "Check any file: a PDF, any piece of evidence, a receipt (.tlog-proof) or a "
                "signed entry. Its SHA-256 is computed on this computer; the file itself is "
                "never sent anywhere."
            )
        )
        self.drop_label.setText(self.tr("Drop a file here, or choose one."))
        self.choose_button.setText(self.tr("Choose a file…"))
        self.file_caption.setText(self.tr("File:"))
        self.hash_caption.setText(self.tr("SHA-256:"))
        self.entry_button.setText(self.tr("Choose the signed entry file…"))
        self.deposit_box.setTitle(self.tr("Deposit as evidence (存证)"))
        self.note_caption.setText(self.tr("Note (optional):"))
        self.note_edit.setPlaceholderText(self.tr("What this file is, for the record"))
        self.deposit_button.setText(self.tr("Deposit this file as evidence (存证)"))
        self._show_file()
        self._show_deposit()
        if self._report is not None:
            self.show_report(self._report)
        elif self._checking:
            self._show_busy()
        elif self._hash_error is not None:
            self._show_hash_error()
        else:
            self.details.setHtml(self._explain_html())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._deposit_leaf is not None:
            self.refresh_deposit()

    def _explain_html(self) -> str:
        return "<p>{}</p><p>{}</p>".format(
            html.escape(
                self.tr(
                    "The page tells you who signed what and when, and which facts this "
                    "computer proved itself with the chain's pinned keys, and which rest on "
                    "the chain node's word."
                )
            ),
            html.escape(
                self.tr(
                    "To register a file (存证), choose it and press “Deposit this file as "
                    "evidence”: you sign its SHA-256 with your key, and the chain returns a "
                    "receipt with the on-chain time."
                )
            ),
        )

    # -- choosing and dropping ----------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file to verify"))
        if path:
            self.open_file(path)

    @Slot()
    def choose_entry(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the signed entry the receipt proves")
        )
        if path:
            self.use_entry_file(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
            self.drop_zone.set_active(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802
        self.drop_zone.set_active(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.drop_zone.set_active(False)
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)

    @staticmethod
    def _dropped_path(event: Any) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                return url.toLocalFile()
        return None

    # -- hashing ------------------------------------------------------------------------------

    def open_file(self, path: str | Path) -> None:
        """Hash ``path`` in the background, then check it against the chain."""
        self.cancel()
        self._generation += 1
        self._hashed = None
        self._subject = None
        self._entry_text = self._entry_name = None
        self._report = None
        self._hash_error = None
        self._checking = False
        self._pending_path = Path(path)
        task = Op(self.hasher, self._pending_path, parent=self)
        task.finished.connect(self.on_hashed)
        task.failed.connect(self.on_hash_failed)
        self._task = task
        self.progress.attach(task)
        self.verdict_box.hide()
        self.entry_button.hide()
        self.details.setHtml(self._explain_html())
        self._show_file()
        self._show_deposit()
        self._update_buttons()
        task.start()

    @Slot()
    def cancel(self) -> None:
        """Stop hashing (the user's Cancel, or a new file)."""
        task, self._task = self._task, None
        if task is not None and task.running:
            task.finished.disconnect(self.on_hashed)
            task.failed.disconnect(self.on_hash_failed)
            self.progress.cancel()
            task.cancel()
            self._show_cancelled()

    def shutdown(self, timeout_ms: int = 5_000) -> None:
        """Cancel the background work (when the window closes)."""
        task = self._task
        self.cancel()
        if task is not None:
            task.wait(timeout_ms)

    @Slot(object)
    def on_hashed(self, result: object) -> None:
        self._task = None
        _done, total, digest = result  # type: ignore[misc]
        path = self._pending_path
        assert path is not None
        self._hashed = _Hashed(path, str(digest), int(total))
        try:
            self._subject = open_subject(path, str(digest), int(total))
        except OSError as exc:
            self._hash_error = without_traceback(exc)  # kept on the page: no cycle via frames
            self._show_hash_error()
            self._update_buttons()
            return
        self._show_file()
        self._track_deposit_of(None)
        self._update_buttons()
        self.start_check()

    @Slot(object)
    def on_hash_failed(self, error: object) -> None:
        self._task = None
        if isinstance(error, Cancelled):
            self._show_cancelled()
        else:
            self._hash_error = error if isinstance(error, BaseException) else None
            self._show_hash_error()
        self._update_buttons()

    def _show_cancelled(self) -> None:
        self._set_verdict(self.tr("Cancelled: the file was not checked."), "info")
        self.details.setHtml(self._explain_html())
        self._show_file()

    def _show_hash_error(self) -> None:
        error = self._hash_error
        detail = error_text(error) if error is not None else ""
        self._set_verdict(
            self.tr("The file could not be read: {error}").format(error=detail), "bad"
        )

    # -- checking -----------------------------------------------------------------------------

    def use_entry_file(self, path: str | Path) -> None:
        """The signed entry a receipt file proves (chosen by the user); check again."""
        try:
            data = Path(path).read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            show_error(self, exc)
            return
        self._entry_text = text
        self._entry_name = Path(path).name
        self.start_check()

    @Slot()
    def start_check(self) -> None:
        """Check the hashed file: on the network thread, or here if there is none."""
        subject = self._subject
        if subject is None:
            return
        self._generation += 1
        me = (self.session.key.vkey, self.session.settings.display_name, self.session.settings.role)
        if self.session.network.running:
            self._checking = True
            self._show_busy()
            Op.on_loop(
                self.session.network,
                check(self.session.client, subject, entry_text=self._entry_text, me=me),
                parent=self,
                success=functools.partial(self.on_checked, self._generation),
                failure=functools.partial(self.on_check_failed, self._generation),
            ).start()
            return
        try:
            verifiers = pinned_verifiers(self.session.store)
        except LedgerError as exc:
            problem = without_traceback(exc)  # the report is kept on the page
            self.show_report(Report(subject, (), NodeState.NOT_ASKED, problem=problem))
            return
        report = check_offline(
            self.session.store,
            subject,
            verifiers,
            entry_text=self._entry_text,
            me=me,
            revoked=self.session.revoked_keys(),
        )
        self.show_report(report)

    def _show_busy(self) -> None:
        self._set_verdict(self.tr("Checking with the chain node…"), "info")

    def on_checked(self, generation: int, report: Report) -> None:
        """Success of a check op (GUI thread)."""
        if generation != self._generation:
            return  # a newer file or check replaced this one
        self._checking = False
        self.show_report(report)

    def on_check_failed(self, generation: int, error: BaseException) -> None:
        """Failure of a check op (GUI thread)."""
        if generation != self._generation:
            return
        self._checking = False
        if isinstance(error, Cancelled | RuntimeError):
            return  # the network thread stopped: the window is closing
        self._set_verdict(
            self.tr("The check could not be completed: {error}").format(error=error_text(error)),
            "bad",
        )

    # -- showing a report ---------------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        self._report = report
        verdict = report.verdict
        self._set_verdict(self._verdict_text(report), VERDICT_TONE[verdict])
        self.entry_button.setVisible(
            report.subject.kind is Kind.RECEIPT and verdict is Verdict.INCOMPLETE
        )
        self.details.setHtml(self._report_html(report))
        for finding in report.findings:
            if finding.level is Level.PENDING and finding.signer and finding.signer.is_you:
                if self._deposit_leaf is None and finding.leaf_hash is not None:
                    self._track_deposit_of(finding.leaf_hash)
                break
        self._update_buttons()
        self.checked.emit(report)

    def _set_verdict(self, text: str, tone: str) -> None:
        self.verdict.setText(text)
        self.verdict_tone = tone
        self.verdict_box.setStyleSheet(
            "#verdictBox { border-radius: 6px; " + VERDICT_STYLE[tone] + " }"
            " #verdict { font-weight: 600; border: none; background: transparent; }"
        )
        self.verdict_box.show()

    def _verdict_text(self, report: Report) -> str:
        verdict, kind = report.verdict, report.subject.kind
        if verdict is Verdict.PROVEN:
            if kind is Kind.RECEIPT:
                return self.tr("✔ This receipt is valid: the signed entry below is in the log.")
            if kind is Kind.ENTRY:
                return self.tr("✔ This signed entry is on the chain.")
            return self.tr(
                "✔ This file is on the chain. This computer proved it with the chain's pinned keys."
            )
        if verdict is Verdict.NODE_ONLY:
            return self.tr(
                "The chain node says this file is registered, but this computer cannot prove "
                "all of it by itself. Below: what is proven, and what rests on the node's word."
            )
        if verdict is Verdict.INCOMPLETE:
            return self.tr(
                "The receipt's checkpoint is authentic, but the signed entry it proves is not "
                "on this computer. Choose the entry file to finish the check."
            )
        if verdict is Verdict.PENDING:
            return self.tr(
                "A deposit of this file was signed on this computer and is pending: the chain "
                "has not confirmed it yet, so it is not registered yet."
            )
        if verdict is Verdict.NOT_ON_CHAIN:
            if kind is Kind.ENTRY:
                return self.tr(
                    "✘ This signed entry is not on the chain: it was never sent to it, or it "
                    "was changed after it was signed."
                )
            return self.tr(
                "✘ This file's SHA-256 is not on the chain: no entry in the log lists it. "
                "Either it was never registered, or it was changed after registration "
                "(changing a single byte changes the SHA-256)."
            )
        if verdict is Verdict.UNKNOWN:
            return self.tr(
                "This computer has no record of this file, and the chain node could not be "
                "asked. This is not a final answer: try again when the node is reachable."
            )
        if verdict is Verdict.UNCHECKED:
            return self.tr("This file could not be checked yet (see below why).")
        return self.tr("✘ Verification failed: do not rely on this file's registration.")

    def _report_html(self, report: Report) -> str:
        parts: list[str] = []
        if report.problem is not None:
            colour = None if report.verdict is Verdict.UNCHECKED else "#a50e0e"
            parts.append(self._para(error_text(report.problem), colour))
        if report.node is NodeState.UNREACHABLE:
            detail = error_text(report.node_problem) if report.node_problem else ""
            parts.append(
                self._para(
                    self.tr(
                        "The chain node could not be asked ({error}). Receipts stored on this "
                        "computer were still verified offline."
                    ).format(error=detail),
                    "#7a4f01",
                )
            )
        elif report.node is NodeState.NOT_ASKED and report.subject.kind is Kind.RECEIPT:
            parts.append(
                self._para(self.tr("Checked on this computer alone; the node was not needed."))
            )
        if self._entry_name and report.subject.kind is Kind.RECEIPT:
            parts.append(
                self._para(self.tr("Signed entry chosen: {name}").format(name=self._entry_name))
            )
        for finding in report.findings:
            parts.append(self._finding_html(finding, report.subject.kind))
        if report.verdict is Verdict.NOT_ON_CHAIN:
            parts += self._not_on_chain_html(report)
        return "".join(parts)

    def _not_on_chain_html(self, report: Report) -> list[str]:
        subject = report.subject
        if subject.kind is Kind.ENTRY:
            asked = self.tr(
                "What was checked: the chain node was asked for this entry's leaf hash "
                "{hash} and has no such entry; this computer holds none either."
            ).format(hash=subject.query.hex())
        else:
            asked = self.tr(
                "What was checked: the chain node was asked for this SHA-256 and answered "
                "that no entry lists it; this computer's own records do not list it either."
            )
        advice = self.tr(
            "If this should be a registered file, compare it with the original: any change, "
            "even saving it again, gives a different SHA-256. If this is the original and you "
            "want it registered now, deposit it below."
        )
        return [self._para(asked), self._para(advice)]

    @staticmethod
    def _para(text: str, colour: str | None = None) -> str:
        style = f' style="color:{colour}"' if colour else ""
        return f"<p{style}>{html.escape(text)}</p>"

    def _finding_html(self, finding: Finding, kind: Kind) -> str:
        rows: list[tuple[str, str]] = []
        head = self._finding_head(finding)
        if finding.type:
            rows.append((self.tr("What"), self._type_text(finding.type)))
        if finding.signer is not None:
            rows.append((self.tr("Signed by"), self._signer_text(finding)))
        if finding.revocation is not None:
            rows.append((self.tr("Key revoked"), self._revocation_text(finding)))
        if finding.document is not None:
            rows.append(
                (
                    self.tr("Document"),
                    self.tr("{name}, {size}").format(
                        name=finding.document.get("name", ""),
                        size=data_size(int(finding.document.get("size", 0))),
                    ),
                )
            )
        if finding.note:
            rows.append((self.tr("Note"), finding.note))
        if finding.case:
            rows.append((self.tr("Case"), finding.case))
        if finding.statement_time is not None:
            rows.append(
                (
                    self.tr("Signed at"),
                    self.tr("{time} (the signer's own clock)").format(
                        time=local_text(finding.statement_time)
                    ),
                )
            )
        if finding.on_chain_time is not None:
            rows.append(
                (
                    self.tr("On-chain time"),
                    self.tr("{time} at the latest (cosigned by {witnesses})").format(
                        time=local_text(finding.on_chain_time),
                        witnesses=", ".join(finding.witnesses),
                    ),
                )
            )
        if finding.node_time is not None and (
            Fact.NODE_TIME in finding.on_word or finding.on_chain_time is None
        ):
            rows.append(
                (
                    self.tr("On-chain time (node)"),
                    self.tr("{time}, as the chain node reports it").format(
                        time=local_text(finding.node_time)
                    ),
                )
            )
        if finding.origin is not None and finding.checkpoint_size is not None:
            rows.append(
                (
                    self.tr("Log"),
                    self.tr("{origin}, checkpoint of {size} entries").format(
                        origin=finding.origin, size=finding.checkpoint_size
                    ),
                )
            )
        if finding.leaf_hash is not None:
            rows.append((self.tr("Leaf hash"), finding.leaf_hash.hex()))
        table = "".join(
            '<tr><td style="padding:2px 12px 2px 0; color:#5f6368" valign="top">'
            f"{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
            for label, value in rows
        )
        body = [f"<h3>{html.escape(head)}</h3>"]
        explanation = self._level_text(finding)
        if explanation:
            colour = "#a50e0e" if finding.level is Level.FAILED else None
            body.append(self._para(explanation, colour))
        if table:
            body.append(f"<table>{table}</table>")
        if finding.proven:
            items = "".join(
                f"<li>{html.escape(self._fact_text(f, finding, kind))}</li>" for f in finding.proven
            )
            body.append(
                "<p><b>{}</b></p><ul>{}</ul>".format(
                    html.escape(self.tr("Proven on this computer:")), items
                )
            )
        if finding.on_word:
            items = "".join(
                f"<li>{html.escape(self._fact_text(f, finding, kind))}</li>"
                for f in finding.on_word
            )
            body.append(
                "<p><b>{}</b></p><ul>{}</ul>".format(
                    html.escape(self.tr("On the chain node's word only:")), items
                )
            )
        return "".join(body)

    def _finding_head(self, finding: Finding) -> str:
        if finding.index is None:
            return self.tr("Signed on this computer, not on the chain yet")
        return self.tr("Entry #{index} of the log").format(index=finding.index)

    def _level_text(self, finding: Finding) -> str:
        if finding.level is Level.CHECKPOINT_ONLY:
            return self.tr(
                "This computer does not hold this entry, so who signed it and that it lists "
                "this file rest on the node's word. Ask the depositor for the signed entry "
                "file (or its receipt and the entry) to prove it here."
            )
        if finding.level is Level.PENDING:
            if finding.outbox_state == "submitted":
                return self.tr(
                    "Signed — pending: the node accepted it; its receipt has not arrived yet."
                )
            return self.tr("Signed — pending: waiting to be sent to the chain node.")
        if finding.level is Level.REJECTED:
            return self.tr("The chain node rejected it: {reason}").format(
                reason=finding.reason or ""
            )
        if finding.level is Level.FAILED:
            detail = error_text(finding.problem) if finding.problem is not None else ""
            if finding.step is not None:
                return self.tr(
                    "Does not verify at step {n} of {total} ({step}): {error}. Do not rely on it."
                ).format(
                    n=list(Step).index(finding.step) + 1,
                    total=len(Step),
                    step=self._step_text(finding.step),
                    error=detail,
                )
            return self.tr("Does not verify: {error}. Do not rely on it.").format(error=detail)
        return ""

    def _step_text(self, step: Step) -> str:
        """The receipt verifier's steps (``ledger.receipt.Step``), as a user reads them."""
        return {
            Step.PARSE: self.tr("reading the receipt and its checkpoint"),
            Step.LOG_SIGNATURE: self.tr("the chain log's signature on the checkpoint"),
            Step.COSIGNATURE: self.tr("a witness's timestamped cosignature"),
            Step.INDEX: self.tr("the entry's number within the checkpoint"),
            Step.LEAF: self.tr("the entry's hash"),
            Step.INCLUSION: self.tr("the proof that the entry is in the log"),
        }[step]

    def _type_text(self, type_: str) -> str:
        names = {
            "evidence.deposited": self.tr("Evidence deposit (存证)"),
            "identity.enrol": self.tr("Enrolment of a key"),
            "identity.approved": self.tr("Approval of an enrolment by the node"),
        }
        plain = names.get(type_)
        return self.tr("{plain} ({type})").format(plain=plain, type=type_) if plain else type_

    def _signer_text(self, finding: Finding) -> str:
        signer = finding.signer
        assert signer is not None
        role = role_name(signer.role) if signer.role else ""
        if signer.name and role:
            text = self.tr("{name} ({role}), key {key}").format(
                name=signer.name, role=role, key=signer.key_id
            )
        elif signer.name:
            text = self.tr("{name}, key {key}").format(name=signer.name, key=signer.key_id)
        else:
            text = self.tr("a key this computer has no name for: {key}").format(key=signer.key_id)
        if signer.is_you:
            text = self.tr("{signer} — you").format(signer=text)
        return text

    def _revocation_text(self, finding: Finding) -> str:
        """Where the entry stands against its key's revocation (``Finding.revocation``)."""
        assert finding.signer is not None and finding.signer.revoked_at is not None
        revoked = finding.signer.revoked_at
        if finding.revocation is Revocation.BEFORE:
            return self.tr(
                "at entry #{revoked}; this entry (#{index}) was signed before the key was "
                "revoked: valid (Electronic Signature Law Art. 15: the signer stops using a "
                "compromised key from then on; what it signed before stands)"
            ).format(revoked=revoked, index=finding.index)
        if finding.revocation is Revocation.AFTER:
            return self.tr(
                "at entry #{revoked}; this entry (#{index}) is not below it: the chain node "
                "refuses every entry of a revoked key from its revocation on"
            ).format(revoked=revoked, index=finding.index)
        return self.tr(
            "at entry #{revoked}; this entry is not on the chain, and the chain node will "
            "refuse it: a revoked key signs nothing more"
        ).format(revoked=revoked)

    def _fact_text(self, fact: Fact, finding: Finding, kind: Kind) -> str:
        if fact is Fact.SIGNATURE:
            return self.tr("the signer's signature on the statement")
        if fact is Fact.TYPE:
            return self.tr("what the statement says (its type and content)")
        if fact is Fact.INCLUSION:
            return self.tr("that the entry is in the log at #{index}").format(index=finding.index)
        if fact is Fact.ON_CHAIN_TIME:
            return self.tr("the on-chain time (the witness's cosignature)")
        if fact is Fact.CHECKPOINT:
            return self.tr(
                "that the log signed, and its witness cosigned, a checkpoint of {size} entries"
            ).format(size=finding.checkpoint_size)
        if fact is Fact.NAMES_FILE:
            if kind is Kind.ENTRY:
                return self.tr("that this entry is exactly your file")
            return self.tr("that the entry lists this file's SHA-256")
        return self.tr("the earlier on-chain time {time}").format(
            time=local_text(finding.node_time)
        )

    # -- deposit (存证) -------------------------------------------------------------------------

    @Slot()
    def deposit(self) -> None:
        """Sign an evidence.deposited statement for the hashed file with this profile's key."""
        hashed = self._hashed
        if hashed is None:
            return
        try:
            statement = evidence_statement(
                self.session,
                [(hashed.path.name, hashed.sha256, hashed.size)],
                self.note_edit.text(),
            )
            entry = self.session.record(statement)
        except Exception as exc:
            show_error(self, exc)
            return
        self.note_edit.clear()
        self._deposit_sha = hashed.sha256
        self._track_deposit_of(entry.leaf_hash)
        if self._deposit is not None and self._deposit.state != "confirmed":
            self.start_check()  # the findings now show the signed, pending deposit

    def _track_deposit_of(self, leaf: bytes | None) -> None:
        if leaf is None:
            if self._hashed is None or self._hashed.sha256 != self._deposit_sha:
                self._deposit_leaf = None
                self._deposit = None
                self._show_deposit()
            return
        self._deposit_leaf = leaf
        self._deposit_sha = self._hashed.sha256 if self._hashed else self._deposit_sha
        self._deposit = None
        self.refresh_deposit()

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """A committed write (the bridge's ``changed``): a deposit's state lives in the outbox
        and its receipt, so only such a change makes the page read it again."""
        if self._deposit_leaf is not None and changes.concerns(outbox=True, receipts=True):
            self.refresh_deposit()

    @Slot()
    def refresh_deposit(self) -> None:
        """Re-read the deposit's state from the store; never claims more than it holds."""
        leaf = self._deposit_leaf
        if leaf is None:
            return
        state = deposit_state(self.session.store, leaf)
        changed = self._deposit is None or state.state != self._deposit.state
        self._deposit = state
        self._show_deposit()
        self._update_buttons()
        if changed:
            self.deposit_changed.emit(state.state)
            if state.state == "confirmed" and self._is_current_deposit():
                self.start_check()  # show the deposit as the chain now proves it

    def _is_current_deposit(self) -> bool:
        return self._hashed is not None and self._hashed.sha256 == self._deposit_sha

    def _show_deposit(self) -> None:
        state = self._deposit
        if state is None or not self._is_current_deposit():
            self.deposit_status.setText(
                self.tr(
                    "Depositing signs the file's SHA-256, name and size with your key; the file "
                    "itself stays on this computer."
                )
                if self._hashed is not None
                else self.tr("Choose a file first.")
            )
            self.deposit_status.setStyleSheet("")
            return
        if state.state == "confirmed":
            text = self.tr("Confirmed on the chain: entry #{index}, on-chain time {time}.").format(
                index=state.index, time=local_text(state.on_chain_time)
            )
            colour = "#0d652d"
        elif state.state == "rejected":
            text = self.tr("The chain node rejected this deposit: {reason}").format(
                reason=state.reason or ""
            )
            colour = "#a50e0e"
        elif state.state == "submitted":
            text = self.tr(
                "Signed — pending. The chain node accepted it; waiting for its receipt. It "
                "is not registered until the receipt arrives."
            )
            colour = "#7a4f01"
        else:
            text = self.tr(
                "Signed — pending. Your signed deposit is kept on this computer and will be "
                "sent to the chain node; it is not registered until the receipt arrives."
            )
            colour = "#7a4f01"
        self.deposit_status.setText(text)
        self.deposit_status.setStyleSheet(f"color: {colour}; font-weight: 600;")

    def _update_buttons(self) -> None:
        hashing = self._task is not None and self._task.running
        pending = (
            self._deposit is not None
            and self._is_current_deposit()
            and self._deposit.state in ("pending", "submitted")
        )
        self.deposit_button.setEnabled(self._hashed is not None and not hashing and not pending)
        self.choose_button.setEnabled(True)

    def _show_file(self) -> None:
        hashed = self._hashed
        subject = self._subject
        if hashed is None:
            pending = self._pending_path
            if pending is None:
                self.file_value.setText(self.tr("No file chosen yet."))
            elif self._task is not None:
                self.file_value.setText(
                    self.tr("{name} — computing its SHA-256…").format(name=pending.name)
                )
            else:
                self.file_value.setText(self.tr("{name} — not hashed").format(name=pending.name))
            self.hash_value.setText("—")
            return
        kinds = {
            Kind.RECEIPT: self.tr("receipt (.tlog-proof)"),
            Kind.ENTRY: self.tr("signed entry"),
            Kind.DOCUMENT: self.tr("document"),
        }
        kind = kinds[subject.kind] if subject is not None else ""
        self.file_value.setText(
            self.tr("{name} — {size}, {kind}").format(
                name=hashed.path.name, size=data_size(hashed.size), kind=kind
            )
        )
        self.hash_value.setText(hashed.sha256)
