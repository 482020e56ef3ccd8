"""Op on a worker: progress on the GUI thread, failures as objects, prompt cancel, one outcome."""

from __future__ import annotations

import gc
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QObject, Qt, QThreadPool, Slot
from PySide6.QtWidgets import QPushButton

from desk.verify import hash_file
from ui.ops import Cancelled, Op
from ui.tasks import STEPS, ProgressDialog, TaskProgress


class Recorder(QObject):
    """A GUI-thread receiver with @Slot methods, as the pages use."""

    def __init__(self) -> None:
        super().__init__()
        self.progress: list[tuple[int, int, int]] = []
        self.finished: list[object] = []
        self.failed: list[object] = []

    def follow(self, task: Op) -> Op:
        task.progress.connect(self.on_progress)
        task.finished.connect(self.on_finished)
        task.failed.connect(self.on_failed)
        return task

    @Slot("qint64", "qint64")
    def on_progress(self, done: int, total: int) -> None:
        self.progress.append((done, total, threading.get_ident()))

    @Slot(object)
    def on_finished(self, result: object) -> None:
        self.finished.append((result, threading.get_ident()))

    @Slot(object)
    def on_failed(self, error: object) -> None:
        self.failed.append((error, threading.get_ident()))

    @property
    def outcomes(self) -> int:
        return len(self.finished) + len(self.failed)


def counting(n: int, pause: float = 0.0, total: int | None = None):
    for i in range(1, n + 1):
        if pause:
            time.sleep(pause)
        yield (i, total if total is not None else n)
    return "counted"


@pytest.fixture(autouse=True)
def join_workers():
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)


def test_progress_and_result_arrive_on_the_gui_thread(qtbot) -> None:
    gui = threading.get_ident()
    rec = Recorder()
    seen_by_lambda: list[int] = []
    task = rec.follow(Op(counting, 50, 0.002, progress_interval=0))
    # public signals are emitted on the GUI thread, so even a lambda runs there
    task.progress.connect(lambda *_: seen_by_lambda.append(threading.get_ident()))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
    assert rec.progress and {ident for *_, ident in rec.progress} == {gui}
    assert set(seen_by_lambda) == {gui}
    assert [d for d, _, _ in rec.progress] == sorted(d for d, _, _ in rec.progress)
    assert rec.progress[-1][:2] == (50, 50)
    assert rec.finished == [("counted", gui)] and rec.failed == []


def test_plain_callable_and_last_item_results(qtbot) -> None:
    rec = Recorder()
    task = rec.follow(Op(pow, 2, 10))
    with qtbot.waitSignal(task.finished, timeout=5_000):
        task.start()
    assert rec.finished[0][0] == 1024 and rec.progress == []

    def items():
        yield (1, 2, None)
        yield (2, 2, "digest")

    rec2 = Recorder()
    task2 = rec2.follow(Op(items))
    with qtbot.waitSignal(task2.finished, timeout=5_000):
        task2.start()
    assert rec2.finished[0][0] == (2, 2, "digest")


def test_sizes_beyond_two_gib_survive_the_signal(qtbot) -> None:
    big = 5 * 1024**3

    def huge():
        yield (big - 1, big)
        yield (big, big)

    rec = Recorder()
    task = rec.follow(Op(huge, progress_interval=0))
    with qtbot.waitSignal(task.finished, timeout=5_000):
        task.start()
    assert [p[:2] for p in rec.progress] == [(big - 1, big), (big, big)]


def test_exceptions_become_failed_with_the_exception_object(qtbot) -> None:
    boom = ValueError("the disk said no")

    def raises_midway():
        yield (1, 3)
        raise boom

    def raises_at_once():
        raise boom

    for fn in (raises_midway, raises_at_once):
        rec = Recorder()
        task = rec.follow(Op(fn))
        with qtbot.waitSignal(task.failed, timeout=5_000):
            task.start()
        assert rec.failed[0][0] is boom and rec.finished == []
        assert rec.failed[0][1] == threading.get_ident()
        assert not task.running


def test_cancel_stops_a_long_generator_promptly(qtbot) -> None:
    closed = threading.Event()
    produced = []

    def endless():
        try:
            i = 0
            while True:
                i += 1
                produced.append(i)
                time.sleep(0.001)
                yield (i, 10**12)
        finally:
            closed.set()

    rec = Recorder()
    task = rec.follow(Op(endless, progress_interval=0))
    task.start()
    qtbot.waitUntil(lambda: len(rec.progress) >= 3, timeout=5_000)
    started = time.monotonic()
    with qtbot.waitSignal(task.failed, timeout=2_000):
        task.cancel()
    assert time.monotonic() - started < 1.0
    assert isinstance(rec.failed[0][0], Cancelled) and rec.finished == []
    assert closed.wait(1.0)  # the generator's clean-up ran
    count = len(produced)
    time.sleep(0.05)
    assert len(produced) == count  # nothing runs after the cancel


def test_cancel_before_start_and_after_finish(qtbot) -> None:
    rec = Recorder()
    task = rec.follow(Op(counting, 3))
    task.cancel()
    with qtbot.waitSignal(task.failed, timeout=5_000):
        task.start()
    assert isinstance(rec.failed[0][0], Cancelled)

    rec2 = Recorder()
    task2 = rec2.follow(Op(counting, 3))
    with qtbot.waitSignal(task2.finished, timeout=5_000):
        task2.start()
    task2.cancel()
    qtbot.wait(50)
    assert rec2.outcomes == 1 and rec2.failed == []
    with pytest.raises(RuntimeError):
        task2.start()


def test_finished_or_failed_fire_exactly_once(qtbot) -> None:
    def maybe(n: int):
        for i in range(n % 4):
            yield (i, 4)
        if n % 3 == 0:
            raise RuntimeError(n)
        return n

    recorders = []
    for n in range(30):
        rec = Recorder()
        task = rec.follow(Op(maybe, n))
        recorders.append((rec, task))
        task.start()
        if n % 5 == 0:
            task.cancel()  # racing with the worker: either outcome, but only one
    qtbot.waitUntil(lambda: all(rec.outcomes >= 1 for rec, _ in recorders), timeout=10_000)
    qtbot.wait(100)
    assert all(rec.outcomes == 1 for rec, _ in recorders)
    for n, (rec, _) in enumerate(recorders):
        if rec.finished:
            assert rec.finished[0][0] == n
        else:
            error = rec.failed[0][0]
            assert isinstance(error, Cancelled) or (isinstance(error, RuntimeError) and n % 3 == 0)


def test_a_dropped_task_still_delivers(qtbot) -> None:
    rec = Recorder()
    rec.follow(Op(counting, 5)).start()  # no reference kept by the caller
    qtbot.waitUntil(lambda: rec.outcomes == 1, timeout=5_000)
    assert rec.finished[0][0] == "counted"


def test_inline_progress_moves_hides_and_cancels(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"\0" * (8 * 1024 * 1024))
    progress = TaskProgress()
    qtbot.addWidget(progress)
    values: list[int] = []

    task = Op(hash_file, path, 256 * 1024, progress_interval=0)
    task.progress.connect(progress.on_progress)  # attach() connects the same; check movement
    progress.attach(task)
    assert progress.isVisibleTo(progress.parentWidget() or progress)
    task.progress.connect(lambda *_: values.append(progress.value))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
    assert values and values[-1] == STEPS and len(set(values)) > 3
    assert progress.isHidden()

    def slow():
        i = 0
        while True:
            i += 1
            time.sleep(0.002)
            yield (i, 10_000)

    slow_task = Op(slow, progress_interval=0)
    progress.attach(slow_task)
    slow_task.start()
    try:
        qtbot.waitUntil(lambda: progress.value > 0, timeout=5_000)
        with qtbot.waitSignal(slow_task.failed, timeout=2_000) as blocker:
            progress.cancel_button.click()
        assert isinstance(blocker.args[0], Cancelled)
        assert progress.isHidden()
    finally:
        slow_task.cancel()


def test_progress_dialog_cancels_its_task(qtbot) -> None:
    dialog = ProgressDialog("Hashing…")
    qtbot.addWidget(dialog)

    def slow():
        i = 0
        while True:
            i += 1
            time.sleep(0.002)
            yield (i, 10_000)

    task = Op(slow, progress_interval=0)
    dialog.attach(task)
    task.start()
    try:
        # The dialog shows itself once the work outlasts its minimum duration (400 ms); only
        # then is "it closed" a sign of anything (a dialog never shown is never visible).
        qtbot.waitUntil(dialog.isVisible, timeout=5_000)
        assert 0 < dialog.value() < STEPS
        with qtbot.waitSignal(task.failed, timeout=2_000) as blocker:
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        assert isinstance(blocker.args[0], Cancelled)  # the task stopped, not merely the dialog
        assert not task.running and not dialog.isVisible()
    finally:
        task.cancel()


def test_emit_keeps_the_bool_reference_count_balanced(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 takes a reference from True on every emit() from Python
    and aborts after a few thousand ("bool_dealloc"); pyproject.toml keeps it out. This guards
    against a PySide6 with that bug being installed again."""
    rec = Recorder()
    task = Op(counting, 1)
    task.progress.connect(rec.on_progress)
    gc.collect()  # garbage freed during the loop would drop references to True too
    gc.disable()
    try:
        before = sys.getrefcount(True)
        for i in range(20_000):
            task.progress.emit(i, 20_000)
        after = sys.getrefcount(True)
    finally:
        gc.enable()
    assert abs(after - before) < 1_000  # unbalanced, it would be 20,000 fewer
    assert len(rec.progress) == 20_000
