"""Op: success and failure callbacks on the GUI thread, exactly one, once; coroutines on the
network loop; a destroyed parent drops the callbacks."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from desk.network import NetworkThread
from ui.ops import Cancelled, Op


@pytest.fixture(autouse=True)
def join_workers():
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def network():
    thread = NetworkThread(name="jcd-test-network").start()
    yield thread
    thread.stop()


class Outcomes:
    """Plain callables as success/failure: they run on the GUI thread (no slots needed)."""

    def __init__(self) -> None:
        self.success: list[tuple[object, int]] = []
        self.failure: list[tuple[BaseException, int]] = []

    def ok(self, result: object) -> None:
        self.success.append((result, threading.get_ident()))

    def bad(self, error: BaseException) -> None:
        self.failure.append((error, threading.get_ident()))

    @property
    def count(self) -> int:
        return len(self.success) + len(self.failure)


def test_worker_callbacks_run_on_the_gui_thread_once(qtbot) -> None:
    gui = threading.get_ident()
    out = Outcomes()
    worker: list[int] = []

    def work(x: int) -> int:
        worker.append(threading.get_ident())
        return x * 2

    Op(work, 21, success=out.ok, failure=out.bad).start()
    qtbot.waitUntil(lambda: out.count == 1, timeout=5_000)
    assert out.success == [(42, gui)] and out.failure == []
    assert worker and worker[0] != gui  # the work itself ran elsewhere

    boom = KeyError("no")

    def fails() -> None:
        raise boom

    out2 = Outcomes()
    op = Op(fails).on_success(out2.ok).on_failure(out2.bad).start()
    qtbot.waitUntil(lambda: out2.count == 1, timeout=5_000)
    qtbot.wait(50)
    assert out2.failure == [(boom, gui)] and out2.success == []
    assert op.future.exception() is boom  # the same outcome, as a future


def test_callbacks_are_never_called_inside_start(qtbot, network) -> None:
    """Even an outcome known at once (a loop that is not running) arrives later, from the
    event loop: a caller may finish setting up after start()."""
    stopped = NetworkThread(name="jcd-never-started")  # never started: submit refuses
    out = Outcomes()

    async def nothing() -> int:
        return 1

    Op.on_loop(stopped, nothing(), success=out.ok, failure=out.bad).start()
    assert out.count == 0
    qtbot.waitUntil(lambda: out.count == 1, timeout=5_000)
    assert isinstance(out.failure[0][0], RuntimeError)


def test_a_coroutine_on_the_network_loop(qtbot, network) -> None:
    gui = threading.get_ident()
    out = Outcomes()
    ran_on: list[int] = []

    async def answer(value: int) -> int:
        ran_on.append(threading.get_ident())
        await asyncio.sleep(0.01)
        return value

    op = Op.on_loop(network, answer(7), success=out.ok, failure=out.bad).start()
    qtbot.waitUntil(lambda: out.count == 1, timeout=5_000)
    assert out.success == [(7, gui)]
    assert ran_on == [network._thread.ident]
    assert op.future.result() == 7 and not op.running

    async def fails() -> None:
        raise ValueError("the node said no")

    out2 = Outcomes()
    Op.on_loop(network, fails(), success=out2.ok, failure=out2.bad).start()
    qtbot.waitUntil(lambda: out2.count == 1, timeout=5_000)
    assert isinstance(out2.failure[0][0], ValueError) and out2.failure[0][1] == gui


def test_cancelling_a_coroutine_cancels_its_task(qtbot, network) -> None:
    cancelled = threading.Event()
    out = Outcomes()

    async def forever() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    op = Op.on_loop(network, forever(), success=out.ok, failure=out.bad).start()
    progress: list[tuple[int, int]] = []
    op.progress.connect(lambda done, total: progress.append((done, total)))
    op.report(1, 3)  # a coroutine reports progress from the loop thread the same way
    qtbot.waitUntil(lambda: progress == [(1, 3)], timeout=5_000)
    op.cancel()
    qtbot.waitUntil(lambda: out.count == 1, timeout=5_000)
    assert isinstance(out.failure[0][0], Cancelled) and out.success == []
    assert cancelled.wait(2.0)  # the task on the loop was cancelled, not merely forgotten
    qtbot.wait(50)
    assert out.count == 1


def test_exactly_one_outcome_under_racing_cancels(qtbot, network) -> None:
    results = []
    for n in range(40):
        out = Outcomes()

        async def quick(n: int = n) -> int:
            await asyncio.sleep(0)
            return n

        if n % 2:
            op = Op.on_loop(network, quick(), success=out.ok, failure=out.bad)
        else:
            op = Op(lambda n=n: n, success=out.ok, failure=out.bad)
        op.start()
        if n % 3 == 0:
            op.cancel()  # racing with the work: either outcome, but only one
        results.append((n, out))
    qtbot.waitUntil(lambda: all(out.count >= 1 for _, out in results), timeout=10_000)
    qtbot.wait(100)
    for n, out in results:
        assert out.count == 1
        if out.success:
            assert out.success[0][0] == n
        else:
            assert isinstance(out.failure[0][0], Cancelled)


def test_a_destroyed_parent_drops_the_callbacks(qtbot, network) -> None:
    """The page that asked is gone when the answer comes: nothing is called on it, and nothing
    crashes; the work itself still finishes (its future says how)."""
    release = threading.Event()
    out = Outcomes()
    parent = QWidget()
    finished: list[object] = []

    def slow() -> str:
        release.wait(5)
        return "late"

    op = Op(slow, parent=parent, success=out.ok, failure=out.bad)
    op.finished.connect(finished.append)
    op.start()
    shiboken6.delete(parent)  # the C++ widget is destroyed while the work runs
    release.set()
    assert op.wait(5_000) and op.future.result() == "late"
    qtbot.wait(100)
    assert out.count == 0 and finished == []
    assert op not in Op._alive  # delivered (and dropped), not leaked

    # the same for a coroutine whose parent goes away
    gate = asyncio.Event()

    async def waits() -> str:
        await gate.wait()
        return "late"

    parent2 = QWidget()
    out2 = Outcomes()
    op2 = Op.on_loop(network, waits(), parent=parent2, success=out2.ok, failure=out2.bad).start()
    parent2.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent2), timeout=5_000)
    network.call_soon(gate.set)
    assert op2.wait(5_000)
    qtbot.wait(100)
    assert out2.count == 0


def test_a_live_parent_gets_its_outcome(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    out = Outcomes()
    Op(time.sleep, 0.01, parent=parent, success=out.ok, failure=out.bad).start()
    qtbot.waitUntil(lambda: out.count == 1, timeout=5_000)
    assert out.success and out.success[0][0] is None


def test_an_op_runs_once(qtbot) -> None:
    op = Op(int).start()
    with pytest.raises(RuntimeError):
        op.start()
    assert op.wait(5_000)


def test_a_failed_worker_leaves_no_cycle_for_the_collector(qtbot) -> None:
    """The error an op keeps does not hold the runner's frame: nothing of the op waits for the
    cyclic collector, which could free it on any thread (the GUI tests run with it off)."""
    import gc
    import weakref

    def fails() -> None:
        raise ValueError("refused")

    out = Outcomes()
    op = Op(fails, success=out.ok, failure=out.bad).start()
    qtbot.waitUntil(lambda: out.count == 1, timeout=5_000)
    error = op.future.exception()
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert frames == ["fails"]  # where it was raised, not the runner that caught it
    assert QThreadPool.globalInstance().waitForDone(10_000)
    gone = weakref.ref(op)
    del op, error
    qtbot.wait(50)  # the relay's queued signals delivered
    gc.disable()
    try:
        for _ in range(20):
            if gone() is None:
                break
            qtbot.wait(20)
        assert gone() is None, gc.get_referrers(gone())
    finally:
        gc.enable()
