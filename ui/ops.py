"""The one way off the GUI thread: an ``Op`` runs work on a worker or on the network loop, and
its outcome always comes back to the GUI thread.

Anki's ``QueryOp``/``CollectionOp`` are the model (STYLE.md pattern 4). An op runs

- a callable on a ``QThreadPool`` worker: ``Op(fn, *args, **kwargs)``; a generator function's
  items report progress (TagStudio's function iterator, STYLE.md pattern 7); or
- a coroutine on the network loop (``desk.network.NetworkThread``): ``Op.on_loop(network, coro)``.

The contract (STYLE.md avoid #4): after ``start()``, exactly one of ``success(result)`` or
``failure(exception)`` is called, once, on the GUI thread, and the ``finished``/``failed`` signals
are emitted beside them (for widgets that follow an op, like ``ui.tasks.TaskProgress``).
Cancelling is a failure with a ``Cancelled`` instance, which callers recognise and do not show
as an error (STYLE.md pattern 15). ``cancel()`` sets a flag the worker checks before asking a
generator for its next item (a plain callable can only be cancelled before it starts), or
cancels the coroutine's task on the loop.

The worker never touches the caller's objects: it emits on a private relay, which the op (a
QObject on the GUI thread) receives queued, so callbacks and signal receivers run on the GUI
thread, lambdas included (STYLE.md avoid #2). This relay is the only place where a thread's or a
future's outcome becomes a signal. ``parent`` is watched, not owned: when it is destroyed the op
drops its callbacks and emits nothing, so nothing calls into a deleted C++ object; the op itself
lives on (in ``Op._alive``) until its worker has finished, so the worker never emits on a
deleted relay.

``Op.future`` is the outcome as a ``concurrent.futures.Future``, resolved on the worker or the
loop before the GUI hears of it: for releasing resources whatever happens to the GUI (the
wizard's staging folder), or for a caller that must block (start-up waiting for its node).

Imports only QtCore, so that start-up can start its first op before the widgets load.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
import time
import weakref
from collections.abc import Callable, Coroutine, Generator
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import SIGNAL, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desk.network import NetworkThread

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class Cancelled(Exception):
    """The user cancelled the operation; not an error to show."""

    def __init__(self) -> None:
        super().__init__("cancelled by the user")


class _Relay(QObject):
    """Lives on the GUI thread; the worker (or the loop) emits these, the op receives them
    queued."""

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
        future: concurrent.futures.Future[Any],
        interval: float,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.relay, self.cancel, self.future, self.interval = relay, cancel, future, interval

    def run(self) -> None:
        outcome: Any = None
        error: BaseException | None = None
        try:
            if self.cancel.is_set():
                raise Cancelled()
            outcome = self.fn(*self.args, **self.kwargs)
            if isinstance(outcome, Generator):
                outcome = self._drain(outcome)
        except BaseException as exc:  # every failure becomes failure(exc), never a lost op
            # without this frame in its traceback: it holds the runner, which holds the future
            # that holds the error, a cycle the collector would free on whatever thread it runs
            error = exc.with_traceback(exc.__traceback__.tb_next if exc.__traceback__ else None)
        self.fn = self.args = self.kwargs = None  # type: ignore[assignment]
        if error is None:
            self.future.set_result(outcome)
        else:
            self.future.set_exception(error)
        with contextlib.suppress(RuntimeError):  # only at interpreter exit: nobody listens
            if error is None:
                self.relay.result.emit(outcome)
            else:
                self.relay.error.emit(error)

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


class Op(QObject):
    """One call of ``fn(*args, **kwargs)`` on a worker, or one coroutine on the network loop
    (``Op.on_loop``). See the module docstring."""

    progress = Signal("qint64", "qint64")
    finished = Signal(object)
    failed = Signal(object)

    # Started ops are kept alive here until their outcome is delivered, so that a caller may
    # drop its reference without losing the outcome (Anki's taskman keeps them the same way),
    # and so that the relay outlives the worker that emits on it.
    _alive: ClassVar[set[Op]] = set()

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
        progress_interval: float = 0.03,
        success: Success | None = None,
        failure: Failure | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__()  # no Qt parent: the parent is watched (module docstring)
        self._fn: Callable[..., Any] | None = fn
        self._args, self._kwargs = args, kwargs
        self._coro: Coroutine[Any, Any, Any] | None = None
        self._network: NetworkThread | None = None
        self._pool = pool
        self._interval = progress_interval
        self._success, self._failure = success, failure
        self._cancel = threading.Event()
        self._future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        self._submitted: concurrent.futures.Future[Any] | None = None  # on the loop
        self._started = False
        self._ended = False
        self._dropped = False
        self._parent: weakref.ref[QObject] | None = None
        if parent is not None:
            self._parent = weakref.ref(parent)
            parent.destroyed.connect(self._drop)
        self._relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection  # never inside start(), always later
        self._relay.progress.connect(self._on_progress, queued)
        self._relay.result.connect(self._on_result, queued)
        self._relay.error.connect(self._on_error, queued)

    @classmethod
    def on_loop(
        cls,
        network: NetworkThread,
        coro: Coroutine[Any, Any, Any],
        *,
        parent: QObject | None = None,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> Op:
        """An op that runs ``coro`` on ``network``'s event loop (``start()`` submits it)."""
        op = cls(_never, parent=parent, success=success, failure=failure)
        op._fn = None
        op._coro, op._network = coro, network
        return op

    # -- fluent set-up (before start) ---------------------------------------------------------

    def on_success(self, callback: Success) -> Op:
        self._success = callback
        return self

    def on_failure(self, callback: Failure) -> Op:
        self._failure = callback
        return self

    # -- running ------------------------------------------------------------------------------

    def start(self) -> Op:
        if self._started:
            raise RuntimeError("an Op runs once; make a new one")
        self._started = True
        Op._alive.add(self)
        if self._coro is not None:
            self._start_on_loop()
            return self
        assert self._fn is not None
        runner = _Runner(
            self._fn,
            self._args,
            self._kwargs,
            self._relay,
            self._cancel,
            self._future,
            self._interval,
        )
        self._fn, self._args, self._kwargs = None, (), {}
        (self._pool or QThreadPool.globalInstance()).start(runner)
        return self

    def _start_on_loop(self) -> None:
        coro, self._coro = self._coro, None
        assert coro is not None and self._network is not None
        if self._cancel.is_set():
            coro.close()
            self._future.set_exception(Cancelled())
            self._relay.error.emit(Cancelled())
            return
        try:
            self._submitted = self._network.submit(coro)  # closes coro if it cannot run
        except RuntimeError as exc:  # the network thread is not running
            self._future.set_exception(exc)
            self._relay.error.emit(exc)
            return
        self._submitted.add_done_callback(self._loop_done)

    def _loop_done(self, submitted: concurrent.futures.Future[Any]) -> None:
        """On the network thread (or the cancelling one): the outcome goes into ``future``,
        then only an emit on the relay (queued to the GUI thread)."""
        error = Cancelled() if submitted.cancelled() else submitted.exception()
        if isinstance(error, concurrent.futures.CancelledError | asyncio.CancelledError):
            error = Cancelled()
        if error is None:
            result = submitted.result()
            self._future.set_result(result)
            self._relay.result.emit(result)
        else:
            self._future.set_exception(error)
            self._relay.error.emit(error)

    def cancel(self) -> None:
        """Ask the work to stop: a worker before the generator's next item, a coroutine at
        once. ``failure(Cancelled)`` follows (or ``success`` if it had already finished)."""
        self._cancel.set()
        if self._submitted is not None:
            self._submitted.cancel()

    def report(self, done: int, total: int) -> None:
        """Progress from any thread (a coroutine on the loop reports with this)."""
        if not self._cancel.is_set():
            self._relay.progress.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return self._started and not self._ended

    @property
    def future(self) -> concurrent.futures.Future[Any]:
        """The outcome, resolved on the worker or the loop (module docstring)."""
        return self._future

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the work returned (its outcome is then queued for the GUI thread)."""
        done, _ = concurrent.futures.wait([self._future], timeout_ms / 1000)
        return bool(done)

    # -- the outcome, on the GUI thread ------------------------------------------------------

    @Slot()
    def _drop(self) -> None:
        """The parent is being destroyed: forget the callbacks, emit nothing more."""
        self._dropped = True
        self._success = self._failure = None

    def _parent_gone(self) -> bool:
        if self._dropped:
            return True
        if self._parent is None:
            return False
        parent = self._parent()
        if parent is None or not shiboken6.isValid(parent):
            self._drop()
            return True
        return False

    @Slot("qint64", "qint64")
    def _on_progress(self, done: int, total: int) -> None:
        if not self._ended and not self._cancel.is_set() and not self._parent_gone():
            self.progress.emit(done, total)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        if not self._end():
            return
        callback = self._success
        self._success = self._failure = None
        if callback is not None:
            callback(result)
        self.finished.emit(result)

    @Slot(object)
    def _on_error(self, error: object) -> None:
        if not self._end():
            return
        callback = self._failure
        self._success = self._failure = None
        assert isinstance(error, BaseException)
        if callback is not None:
            callback(error)
        elif not isinstance(error, Cancelled) and not self.receivers(SIGNAL("failed(PyObject)")):
            log.warning("an operation failed and nobody was told", exc_info=error)
        self.failed.emit(error)

    def _end(self) -> bool:
        """True once: the outcome is to be delivered (unless the parent is gone)."""
        if self._ended:
            return False
        self._ended = True
        Op._alive.discard(self)
        return not self._parent_gone()


def _never() -> None:  # the callable slot of an op that runs a coroutine instead
    raise AssertionError("unreachable")
