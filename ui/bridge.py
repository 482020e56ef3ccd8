"""The bridge from the network thread to the GUI thread.

``ChainClient`` calls its ``on_status``/``on_entry`` callbacks on the network thread. The
``SyncBridge`` methods given as those callbacks do nothing but emit a signal; the bridge lives
in the GUI thread, so Qt queues the emission and the receivers (``@Slot`` methods of GUI
objects, never lambdas: STYLE.md, avoid #2) run on the GUI thread.
"""

from __future__ import annotations

import concurrent.futures

from PySide6.QtCore import QObject, Signal

from chain_client.sync import SyncStatus


class SyncBridge(QObject):
    """Re-emits the chain client's callbacks as queued Qt signals."""

    status_changed = Signal(object)  # SyncStatus
    entry_received = Signal(int, str)  # chain index, statement type
    sync_failed = Signal(object)  # the exception that ended ChainClient.run unexpectedly

    def on_status(self, status: SyncStatus) -> None:
        """Called on the network thread; only emits."""
        self.status_changed.emit(status)

    def on_entry(self, index: int, statement_type: str) -> None:
        """Called on the network thread; only emits."""
        self.entry_received.emit(index, statement_type)

    def on_sync_done(self, future: concurrent.futures.Future[None]) -> None:
        """Done-callback of the sync future: report a crash, stay quiet on cancellation."""
        if future.cancelled():
            return
        error = future.exception()
        if error is not None:
            self.sync_failed.emit(error)
