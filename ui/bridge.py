"""The bridge from the network thread and the profile's writer to the GUI thread.

``ChainClient`` calls its ``on_status``/``on_entry`` callbacks on the network thread, and the
profile's writer (``desk.writer.Writer``) calls its change listener on the writer thread after
every committed write. The ``SyncBridge`` methods given as those callbacks do nothing but emit a
signal; the bridge lives in the GUI thread, so Qt queues the emission and the receivers
(``@Slot`` methods of GUI objects, never lambdas: STYLE.md, avoid #2) run on the GUI thread.

``changed`` is the one signal a page needs to stay current: it carries a ``desk.changes.Changes``
naming the cases and statement types that changed and whether receipts or outbox states did,
and each page refreshes only when ``changes.concerns(...)`` what it shows. No page polls.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from chain_client.sync import SyncStatus
from desk.changes import Changes
from ui.ops import Cancelled


class SyncBridge(QObject):
    """Re-emits the chain client's and the writer's callbacks as queued Qt signals."""

    status_changed = Signal(object)  # SyncStatus
    entry_received = Signal(int, str)  # chain index, statement type
    changed = Signal(object)  # desk.changes.Changes, after a committed write
    sync_failed = Signal(object)  # the exception that ended ChainClient.run unexpectedly

    def on_status(self, status: SyncStatus) -> None:
        """Called on the network thread; only emits."""
        self.status_changed.emit(status)

    def on_entry(self, index: int, statement_type: str) -> None:
        """Called on the network thread; only emits."""
        self.entry_received.emit(index, statement_type)

    def on_changes(self, changes: Changes) -> None:
        """The writer's listener, called on the writer thread; only emits."""
        self.changed.emit(changes)

    @Slot(object)
    def on_sync_ended(self, error: BaseException) -> None:
        """Failure callback of the sync op (GUI thread): report a crash, stay quiet when the
        sync was cancelled (the desk is closing)."""
        if not isinstance(error, Cancelled):
            self.sync_failed.emit(error)
