"""One database writer per profile: a single thread that runs every write transaction, in order.

Every write to a profile's store goes through ``Writer.submit``: a GUI action
(``DeskSession.record``) and the chain client's ingest, receipts and outbox updates alike. Each
submitted function runs on the writer thread inside one ``Store.transaction()``: it commits when
the function returns and rolls back when it raises, and the exception reaches the caller
through the returned future; nothing is half-written. Because writes never overlap, a GUI
write and a network write cannot deadlock on SQLite's lock or interleave half-transactions,
and the network loop never blocks on an fsync'd commit: it ``await``s ``Writer.write``
(``asyncio.wrap_future``) and keeps answering meanwhile. Reads stay where they are (WAL lets
them run beside the writer).

After each committed write the writer tells its listeners what changed (``desk.changes``), on
the writer thread; the UI's bridge only re-emits that as a queued Qt signal.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desk.changes import Changes
from ledger.store.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

Listener = Callable[[Changes], None]


class WriterClosed(RuntimeError):
    """The profile is closing: no more writes are taken."""


@dataclass
class _Job:
    fn: Callable[[Session], Any]
    changes: Changes
    future: concurrent.futures.Future[Any]


class Writer:
    """The profile's single writer thread. Start it with the store; ``close`` drains it."""

    def __init__(self, store: Store, *, name: str = "jcd-writer") -> None:
        self.store = store
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._closed = False
        self._busy = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # -- listeners ------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(changes)`` on the writer thread after every committed write that
        changed something. It must be quick and must not write (the UI's only emits)."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    # -- writing --------------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[[Session], T],
        *,
        cases: Iterable[str] = (),
        types: Iterable[str] = (),
        receipts: bool = False,
        outbox: bool = False,
    ) -> concurrent.futures.Future[T]:
        """Queue ``fn(session)`` to run in one transaction on the writer thread. The future
        holds its return value once committed, or the exception that rolled it back. The
        keywords say what it changes (the change event sent after the commit)."""
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        changes = Changes.of(cases=cases, types=types, receipts=receipts, outbox=outbox)
        with self._lock:  # no job slips in behind close()'s sentinel
            if self._closed:
                raise WriterClosed("the profile's writer is closed")
            self._jobs.put(_Job(fn, changes, future))
        return future

    def run(self, fn: Callable[[Session], T], **changes: Any) -> T:
        """``submit`` and wait: for a caller off the writer thread that needs the result (a
        GUI action). A write cannot wait for another write: that would wait for itself."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("a write cannot start another write and wait for it")
        return self.submit(fn, **changes).result()

    async def write(self, fn: Callable[[Session], T], **changes: Any) -> T:
        """``submit`` for a coroutine: the event loop keeps running while the write commits."""
        return await asyncio.wrap_future(self.submit(fn, **changes))

    @property
    def busy(self) -> bool:
        """A write is running now (it may be waiting for the database's lock)."""
        return self._busy

    @property
    def on_writer_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def close(self, timeout: float = 30.0) -> None:
        """Refuse new writes, finish the queued ones, stop the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._jobs.put(None)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the writer did not finish within %.0f s", timeout)

    # -- the thread -----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue  # cancelled while queued: never ran, nothing written
            self._busy = True
            try:
                with self.store.transaction() as session:
                    result = job.fn(session)
            except BaseException as exc:  # rolled back; the caller gets the exception
                job.future.set_exception(exc)
                continue
            finally:
                self._busy = False
            job.future.set_result(result)
            if job.changes:
                self._tell(job.changes)

    def _tell(self, changes: Changes) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # a listener's fault must not stop the profile's writes
                log.exception("a change listener failed")
