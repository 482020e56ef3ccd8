"""The Chain page: this desktop's outbox, the checkpoints it verified, alarms, and a log check.

- The outbox table lists every entry signed here with its chain status as the store records it:
  *pending* (signed, not yet accepted by the node), *submitted* (sequenced at an index, awaiting
  a verified receipt), *confirmed* (receipt verified), *rejected* (with the node's reason).
- The checkpoint history lists the checkpoints this desktop verified, newest first.
- An alarm banner appears when the store holds a ``CheckpointAlarm``: the node showed two
  histories. Both notes are kept as evidence and can be saved to files.
- "Check local log" re-verifies every entry and compares every view with a replay of the log
  (``ledger.store.audit``), off the GUI thread, with progress and cancel.

The page refreshes on the profile's change events (``SyncBridge.changed``) that concern the
outbox or receipts, and on a sync status that shows a new checkpoint or an alarm; it never
polls. A burst of changes is folded into one refresh (queued behind the burst). While hidden it
only notes that it is stale and refreshes when shown (STYLE.md pattern 6).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chain_client.sync import SyncStatus
from desk.changes import Changes
from desk.read import chain as read_chain
from desk.read.chain import Alarm, CheckpointRow, OutboxRow
from desk.session import DeskSession
from ledger.store.audit import (
    Problem,
    begin_snapshot,
    consistency,
    verify_chain,
    verify_log,
)
from ledger.store.store import Store
from ui.errors import show_error
from ui.pages import LazyRowsModel, local_time
from ui.tasks import BackgroundTask, Cancelled

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
RAW = Qt.ItemDataRole.UserRole  # the stored value behind a cell (state, times in UTC, ...)

PROGRESS_INTERVAL = 0.05  # seconds between progress signals of the log check

STATE_COLOURS = {
    "pending": "#b06000",
    "submitted": "#b06000",
    "confirmed": "#1e8e3e",
    "rejected": "#c5221f",
}


# -- the outbox -----------------------------------------------------------------------------


class OutboxModel(LazyRowsModel[int, OutboxRow]):
    """Entries signed on this desktop (by local #), each with its chain status."""

    COLUMNS = 8
    SEQ, TYPE, CASE, SIGNED, STATUS, INDEX, ON_CHAIN, REASON = range(COLUMNS)

    def query_ids(self) -> list[int]:
        return read_chain.outbox_seqs(self.store)

    def load_rows(self, ids: Sequence[int]) -> dict[int, OutboxRow]:
        return read_chain.outbox_rows(self.store, ids)

    def headers(self) -> list[str]:
        return [
            self.tr("Local #"),
            self.tr("Type"),
            self.tr("Case"),
            self.tr("Signed at"),
            self.tr("Chain status"),
            self.tr("Chain index"),
            self.tr("On-chain time"),
            self.tr("Reason (rejected)"),
        ]

    def state_name(self, state: str) -> str:
        names = {
            "pending": self.tr("pending"),
            "submitted": self.tr("submitted"),
            "confirmed": self.tr("confirmed"),
            "rejected": self.tr("rejected"),
        }
        return names.get(state, state)

    def state_help(self, row: OutboxRow) -> str:
        if row.state == "pending":
            return self.tr("Signed on this computer; not yet accepted by the node.")
        if row.state == "submitted":
            return self.tr(
                "The node sequenced it at index {index}; waiting for a verified receipt."
            ).format(index=row.chain_index)
        if row.state == "confirmed":
            return self.tr("Its receipt verified: the log includes it at index {index}.").format(
                index=row.chain_index
            )
        if row.state == "rejected":
            return self.tr(
                "The node refused it: {reason}. It stays in the local log as a signed record."
            ).format(reason=row.reason or "")
        return row.state

    def cell(self, row: OutboxRow, column: int, role: int) -> Any:
        if role == RAW:
            return (
                row.seq,
                row.type,
                row.case_id,
                row.statement_time,
                row.state,
                row.chain_index,
                row.on_chain_time,
                row.reason,
            )[column]
        if role == DISPLAY:
            if column == self.SEQ:
                return row.seq
            if column == self.TYPE:
                return row.type
            if column == self.CASE:
                return row.case_id or self.tr("(public)")
            if column == self.SIGNED:
                return local_time(row.statement_time)
            if column == self.STATUS:
                return self.state_name(row.state)
            if column == self.INDEX:
                return "" if row.chain_index is None else row.chain_index
            if column == self.ON_CHAIN:
                return local_time(row.on_chain_time)
            if column == self.REASON:
                return row.reason or ""
        if role == TOOLTIP:
            if column == self.STATUS:
                return self.state_help(row)
            if column == self.SIGNED:
                return row.statement_time + " (UTC)"
            if column == self.ON_CHAIN and row.on_chain_time:
                return row.on_chain_time + " (UTC)"
            if column == self.REASON and row.reason:
                return row.reason
        if role == FOREGROUND and column == self.STATUS:
            return QBrush(QColor(STATE_COLOURS.get(row.state, "#202124")))
        return None


# -- checkpoints ----------------------------------------------------------------------------


class CheckpointModel(LazyRowsModel[int, CheckpointRow]):
    """The checkpoints this desktop verified, newest first."""

    SIZE, ROOT, VERIFIED = range(3)

    def query_ids(self) -> list[int]:
        return read_chain.checkpoint_ids(self.store)

    def load_rows(self, ids: Sequence[int]) -> dict[int, CheckpointRow]:
        return read_chain.checkpoint_rows(self.store, ids)

    def headers(self) -> list[str]:
        return [self.tr("Size"), self.tr("Root hash"), self.tr("Verified at")]

    def cell(self, row: CheckpointRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.SIZE:
                return row.size
            if column == self.ROOT:
                return row.root_hash.hex()[:16] + "…"
            if column == self.VERIFIED:
                return local_time(row.verified_at)
        if role == TOOLTIP:
            if column == self.ROOT:
                return row.root_hash.hex()
            if column == self.VERIFIED:
                return row.verified_at + " (UTC)"
        if role == RAW:
            return (row.size, row.root_hash, row.verified_at)[column]
        return None


# -- alarms ---------------------------------------------------------------------------------


def save_alarm_notes(store: Store, folder: Path) -> list[Path]:
    """Write both notes of every alarm to ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for alarm in read_chain.alarms(store):
        for which, note in (("kept", alarm.kept_note), ("offered", alarm.offered_note)):
            path = folder / f"checkpoint-alarm-{alarm.id}-{alarm.kind}-{which}.txt"
            path.write_text(note, "utf-8")
            written.append(path)
    return written


class AlarmBanner(QFrame):
    """A red banner: what the alarm is, that both notes are kept, and a button to save them."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.alarms: list[Alarm] = []
        self.setObjectName("alarmBanner")
        self.setStyleSheet(
            "#alarmBanner { background: #fce8e6; border: 2px solid #c5221f; border-radius: 4px; }"
            " #alarmBanner QLabel { color: #a50e0e; }"
        )
        layout = QHBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("alarmText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveAlarmNotes")
        self.save_button.clicked.connect(self.ask_and_save)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)
        self.retranslate_ui()

    def refresh(self) -> None:
        self.alarms = read_chain.alarms(self.store)
        self.retranslate_ui()
        self.setVisible(bool(self.alarms))

    def retranslate_ui(self) -> None:
        self.save_button.setText(self.tr("Save both notes…"))
        if not self.alarms:
            self.text.setText("")
            return
        alarm = self.alarms[-1]
        text = self.tr(
            "ALARM ({kind}), detected {when}: the chain node's log is not consistent with what "
            "this desktop verified before. {detail}\nBoth checkpoint notes (the one this desktop "
            "kept and the one the node offered) are kept in the local database as evidence. "
            "Syncing has stopped; tell the court that runs the node."
        ).format(kind=alarm.kind, when=local_time(alarm.detected_at), detail=alarm.detail)
        if len(self.alarms) > 1:
            text += "\n" + self.tr("{count} alarms recorded in all.").format(count=len(self.alarms))
        self.text.setText(text)

    @Slot()
    def ask_and_save(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the two checkpoint notes")
        )
        if not folder:
            return
        try:
            written = save_alarm_notes(self.store, Path(folder))
        except OSError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("Notes saved"),
            self.tr("Saved {count} files to {folder}.").format(count=len(written), folder=folder),
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# -- the local log check --------------------------------------------------------------------


@dataclass(frozen=True)
class LogCheck:
    """The outcome of ``check_local_log``: how many entries were re-verified, what is wrong."""

    entries: int
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


class CheckRelay(QObject):
    """Carries the check's progress from the worker thread to the page (queued)."""

    progress = Signal(int, int)  # entries verified, total; (-1, -1): replaying the views


def check_local_log(store: Store, relay: CheckRelay, cancel: threading.Event) -> LogCheck:
    """``log verify``: every entry's signature and columns, then every view against a replay.

    Runs on a worker thread; reads only, in one read transaction (the replay runs in a scratch
    copy, so the desk keeps writing). ``cancel`` is checked after each entry; the replay itself
    cannot be interrupted.
    """
    total = 0
    shown = 0.0

    def progress(done: int, count: int) -> None:
        nonlocal total, shown
        total = count
        if cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - shown >= PROGRESS_INTERVAL or done == count:  # a few signals, not one per entry
            shown = now
            relay.progress.emit(done, count)

    with store.session() as session:  # one snapshot; the replay runs in a scratch copy
        begin_snapshot(session)
        problems = verify_log(session, progress)
        problems += verify_chain(session)
        if cancel.is_set():
            raise Cancelled()
        relay.progress.emit(-1, -1)
        problems += consistency(session, store.projections)
    if cancel.is_set():
        raise Cancelled()
    return LogCheck(total, problems)


# -- the page -------------------------------------------------------------------------------


class ChainPage(QWidget):
    """The outbox, the checkpoint history, the alarm banner, and "Check local log"."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        store = session.store
        self.stale = True
        self.refreshes = 0  # how often the page read the store again (tests count them)
        self._refresh_queued = False
        self._seen_status: tuple[int | None, str] | None = None
        self._fingerprint: tuple[Any, ...] | None = None
        self.check_task: BackgroundTask | None = None
        self.check_result: LogCheck | None = None
        self.check_error: BaseException | None = None
        self._check_cancel = threading.Event()
        self._check_relay = CheckRelay(self)
        self._check_relay.progress.connect(self.on_check_progress)

        self.alarm_banner = AlarmBanner(store, self)

        self.outbox_title = QLabel(self)
        self.outbox_title.setObjectName("sectionTitle")
        self.outbox_title.setStyleSheet("font-weight: bold;")
        self.outbox_model = OutboxModel(store, self)
        self.outbox_view = self._table(self.outbox_model, "outboxView")

        self.checkpoint_title = QLabel(self)
        self.checkpoint_title.setObjectName("sectionTitle")
        self.checkpoint_title.setStyleSheet("font-weight: bold;")
        self.checkpoint_model = CheckpointModel(store, self)
        self.checkpoint_view = self._table(self.checkpoint_model, "checkpointView")

        self.check_button = QPushButton(self)
        self.check_button.setObjectName("checkLocalLog")
        self.check_button.clicked.connect(self.start_check)
        self.check_bar = QProgressBar(self)
        self.check_bar.setObjectName("checkProgress")
        self.check_bar.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelCheck")
        self.cancel_button.clicked.connect(self.cancel_check)
        self.cancel_button.hide()
        self.check_summary = QLabel(self)
        self.check_summary.setObjectName("checkSummary")
        self.check_summary.setWordWrap(True)
        self.check_problems = QPlainTextEdit(self)
        self.check_problems.setObjectName("checkProblems")
        self.check_problems.setReadOnly(True)
        self.check_problems.setMaximumHeight(120)
        self.check_problems.hide()

        outbox_box = QWidget(self)
        outbox_layout = QVBoxLayout(outbox_box)
        outbox_layout.setContentsMargins(0, 0, 0, 0)
        outbox_layout.addWidget(self.outbox_title)
        outbox_layout.addWidget(self.outbox_view)
        checkpoint_box = QWidget(self)
        checkpoint_layout = QVBoxLayout(checkpoint_box)
        checkpoint_layout.setContentsMargins(0, 0, 0, 0)
        checkpoint_layout.addWidget(self.checkpoint_title)
        checkpoint_layout.addWidget(self.checkpoint_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(outbox_box)
        splitter.addWidget(checkpoint_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.check_bar, 1)
        check_row.addWidget(self.cancel_button)
        check_row.addWidget(self.check_summary, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.alarm_banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(check_row)
        layout.addWidget(self.check_problems)

        self.retranslate_ui()

    def _table(self, model: QAbstractItemModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setHighlightSections(False)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    # -- refreshing ----------------------------------------------------------------------

    def fingerprint(self) -> tuple[Any, ...]:
        """A cheap summary of what the page shows; unchanged means nothing to redraw."""
        return read_chain.fingerprint(self.session.store)

    @Slot()
    def refresh(self) -> None:
        """Read the store again (GUI thread only)."""
        self.stale = False
        self.refreshes += 1
        self._fingerprint = self.fingerprint()
        self.outbox_model.refresh()
        self.checkpoint_model.refresh()
        self.alarm_banner.refresh()
        for view in (self.outbox_view, self.checkpoint_view):
            if view.model().rowCount() and not view.property("sized"):
                for column in range(view.model().columnCount() - 1):  # the last one stretches
                    view.resizeColumnToContents(column)
                    view.setColumnWidth(column, view.columnWidth(column) + 8)
                view.setProperty("sized", True)

    @Slot()
    def refresh_if_changed(self) -> None:
        if not self.isVisible():
            self.stale = True
            return
        if self.stale or self.fingerprint() != self._fingerprint:
            self.refresh()

    @Slot()
    def schedule_refresh(self) -> None:
        """The store changed: refresh once the events already queued are handled (a burst of
        changes makes one refresh), or when next shown."""
        if not self.isVisible():
            self.stale = True
            return
        if not self._refresh_queued:
            self._refresh_queued = True
            QMetaObject.invokeMethod(self, "_queued_refresh", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _queued_refresh(self) -> None:
        self._refresh_queued = False
        self.refresh_if_changed()

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """A committed write (the bridge's ``changed``): the page shows the outbox and the
        receipts, not other members' entries."""
        if changes.concerns(outbox=True, receipts=True):
            self.schedule_refresh()

    @Slot(object)
    def on_status(self, status: SyncStatus) -> None:
        """Checkpoints and alarms are kept by the checkpoint tracker, not by the writer: a
        status with a new checkpoint size or a new state is their change event."""
        seen = (status.checkpoint_size, status.state)
        if seen != self._seen_status:
            self._seen_status = seen
            self.schedule_refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    # -- the check -----------------------------------------------------------------------

    @Slot()
    def start_check(self) -> None:
        if self.check_task is not None and self.check_task.running:
            return
        self.check_result = None
        self.check_error = None
        self._check_cancel = threading.Event()
        task = BackgroundTask(
            check_local_log,
            self.session.store,
            self._check_relay,
            self._check_cancel,
            parent=self,
        )
        task.finished.connect(self.on_check_finished)
        task.failed.connect(self.on_check_failed)
        self.check_task = task
        self.check_button.setEnabled(False)
        self.check_bar.setRange(0, 0)
        self.check_bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.check_problems.hide()
        self.check_summary.setText(self.tr("Checking the local log…"))
        task.start()

    @Slot()
    def cancel_check(self) -> None:
        if self.check_task is not None:
            self._check_cancel.set()
            self.check_task.cancel()
            self.cancel_button.setEnabled(False)

    @Slot(int, int)
    def on_check_progress(self, done: int, total: int) -> None:
        if done < 0:
            self.check_bar.setRange(0, 0)
            self.check_summary.setText(self.tr("Comparing every view with a replay of the log…"))
            return
        self.check_bar.setRange(0, max(total, 1))
        self.check_bar.setValue(done)
        self.check_summary.setText(
            self.tr("Verifying entry {done} of {total}…").format(done=done, total=total)
        )

    @Slot(object)
    def on_check_finished(self, result: LogCheck) -> None:
        self.check_result = result
        self._end_check()

    @Slot(object)
    def on_check_failed(self, error: BaseException) -> None:
        self.check_error = error
        self._end_check()
        if not isinstance(error, Cancelled):
            show_error(self, error)

    def _end_check(self) -> None:
        self.check_task = None
        self.check_button.setEnabled(True)
        self.check_bar.hide()
        self.cancel_button.hide()
        self._show_check()

    def _show_check(self) -> None:
        result, error = self.check_result, self.check_error
        if result is None:
            if isinstance(error, Cancelled):
                self.check_summary.setText(self.tr("Check cancelled."))
            elif error is not None:
                self.check_summary.setText(self.tr("The check could not run."))
            else:
                self.check_summary.setText("")
            return
        if result.ok:
            self.check_summary.setText(
                self.tr(
                    "OK: {count} entries verified, and every view matches a replay of the log."
                ).format(count=result.entries)
            )
            self.check_summary.setStyleSheet("QLabel { color: #1e8e3e; }")
            self.check_problems.hide()
            return
        self.check_summary.setText(
            self.tr("{problems} problems found in {count} entries:").format(
                problems=len(result.problems), count=result.entries
            )
        )
        self.check_summary.setStyleSheet("QLabel { color: #c5221f; }")
        self.check_problems.setPlainText("\n".join(str(p) for p in result.problems))
        self.check_problems.show()

    # -- words ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.outbox_title.setText(
            self.tr("Entries signed on this desktop, and what the chain says of them")
        )
        self.checkpoint_title.setText(self.tr("Checkpoints this desktop verified"))
        self.check_button.setText(self.tr("Check local log"))
        self.check_button.setToolTip(
            self.tr(
                "Re-verify every entry's signature and compare every table with a replay of "
                "the log (the on-chain/off-chain consistency check)."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.outbox_model.retranslate()
        self.checkpoint_model.retranslate()
        if self.check_task is None:
            self._show_check()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
