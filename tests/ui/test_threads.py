"""No widget is touched off the GUI thread, and every network callback is handled on it.

A Qt message handler records every warning Qt prints while two desks sync through a real
embedded node: status changes, entries arriving from the other desk through the chain, the node
going away and coming back. Qt reports cross-thread misuse of widgets and timers as warnings
("QObject::setParent: Cannot set parent, new parent is in a different thread", "QBasicTimer can
only be used with threads started with QThread", ...): any such message fails the test. Slots
connected to the bridge record the thread they run on: it must be the GUI thread, while the
callbacks themselves ran on the network thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import (
    QObject,
    Qt,
    QThread,
    Slot,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from chain_client.sync import SyncStatus
from desk.embedded import LocalNode
from ledger.errors import WrongPassphraseError
from tests.ui.conftest import QtMessages, wait_online
from ui.app import Desk
from ui.errors import ExceptionHook

pytestmark = pytest.mark.usefixtures("source_language")


class SlotThreads(QObject):
    """Receives the bridge's signals like the pages do, noting the thread of each call."""

    def __init__(self) -> None:
        super().__init__()
        self.status_threads: list[QThread] = []
        self.entry_threads: list[QThread] = []
        self.entries: list[tuple[int, str]] = []
        self.emitted_on: set[str] = set()

    @Slot(object)
    def on_status(self, _status: SyncStatus) -> None:
        self.status_threads.append(QThread.currentThread())

    @Slot(int, str)
    def on_entry(self, index: int, statement_type: str) -> None:
        self.entry_threads.append(QThread.currentThread())
        self.entries.append((index, statement_type))

    @Slot(object)
    def note_emitter(self, _status: SyncStatus) -> None:
        """Connected directly: runs in the emitting thread, which must be the network's."""
        self.emitted_on.add(threading.current_thread().name)


def test_sync_touches_widgets_only_on_the_gui_thread(
    qtbot, qapp: QApplication, qt_messages: QtMessages, open_desk, node: LocalNode, home: Path
) -> None:
    mediator: Desk = open_desk("mediator", "王调解员")
    creditor: Desk = open_desk("creditor", "赵债权人", "creditor")
    slots = SlotThreads()
    mediator.bridge.status_changed.connect(slots.on_status)
    mediator.bridge.entry_received.connect(slots.on_entry)
    mediator.bridge.status_changed.connect(slots.note_emitter, Qt.ConnectionType.DirectConnection)
    wait_online(qtbot, mediator)
    wait_online(qtbot, creditor)
    mediator.window.show_page("mediation")  # a page that refreshes on entries while shown

    # the other desk opens a case with the mediator as a member: it reaches the mediator's desk
    # through the chain (subscription, inclusion proof, ingest, on_entry)
    case = "MED-THREADS-1"
    opened = {
        "dispute_type": "邻里纠纷",
        "summary": "漏水",
        "organisation": "朝阳区人民调解委员会",
        "mediator_name": "赵调解员",
        "parties": [
            {"id": "p1", "role": "applicant", "kind": "person", "name": "张三"},
            {"id": "p2", "role": "respondent", "kind": "person", "name": "李四"},
        ],
        "members": [mediator.session.key.vkey],
    }
    creditor.window.record(creditor.session.statement("mediation.case.opened", case, opened))
    for n in range(1, 3):
        body = {"conflict": False, "text": f"无利害关系 {n}"}
        creditor.window.record(creditor.session.statement("mediation.disclosure", case, body))
    for n in range(3):
        mediator.window.record(
            mediator.session.statement(
                "evidence.deposited",
                "",
                {"documents": [{"name": f"{n}.pdf", "sha256": f"{n}" * 64, "size": n}]},
            )
        )
    qtbot.waitUntil(lambda: len(slots.entries) >= 3, timeout=30_000)
    qtbot.waitUntil(lambda: mediator.window.status.waiting == 0, timeout=30_000)
    cases = mediator.window.mediation_page.case_list
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=10_000)

    # the node goes away and comes back on the same folder (same log, new port: the desks keep
    # retrying the old address, so they stay offline; what matters is the path through Qt)
    node.stop()
    qtbot.waitUntil(lambda: mediator.window.status.status.state == "offline", timeout=20_000)
    mediator.window.record(
        mediator.session.statement(
            "evidence.deposited", "", {"documents": [{"name": "x", "sha256": "e" * 64, "size": 1}]}
        )
    )
    qtbot.waitUntil(lambda: mediator.window.status.waiting == 1, timeout=20_000)
    mediator.window.show_page("chain")
    for page in ("mediation", "verify", "chain"):
        mediator.window.show_page(page)
        qtbot.wait(20)

    gui = qapp.thread()
    assert slots.status_threads and slots.entry_threads
    assert all(t is gui for t in slots.status_threads)
    assert all(t is gui for t in slots.entry_threads)
    assert slots.emitted_on == {"jcd-network-mediator"}
    assert {kind for _, kind in slots.entries} == {"mediation.case.opened", "mediation.disclosure"}
    assert not qt_messages.thread_trouble(), qt_messages.thread_trouble()


def error_boxes(app: QApplication) -> list[QMessageBox]:
    return [
        w
        for w in app.topLevelWidgets()
        if w.objectName() == "errorDialog" and w.isVisible() and isinstance(w, QMessageBox)
    ]


def test_errors_raised_on_other_threads_show_on_the_gui_thread(
    qtbot, qapp: QApplication, qt_messages: QtMessages, tmp_path: Path
) -> None:
    hook = ExceptionHook(tmp_path / "desk.log")
    hook.install()
    try:

        def fail() -> None:
            raise RuntimeError("boom from a worker")

        for _ in range(3):  # the same error three times: logged thrice, shown once
            worker = threading.Thread(target=fail, name="jcd-test-worker")
            worker.start()
            worker.join()
        qtbot.waitUntil(lambda: hook.shown == 1, timeout=5_000)
        assert hook.counts and max(hook.counts.values()) == 3
        boxes = error_boxes(qapp)
        assert len(boxes) == 1
        box = boxes[0]
        assert isinstance(box, QMessageBox)
        assert box.thread() is qapp.thread()
        assert "boom from a worker" in box.text()
        assert "Traceback" in box.detailedText()
        box.close()

        # an expected failure: its translated message, no traceback
        hook.handle(WrongPassphraseError, WrongPassphraseError(path="/x/identity.key"), None)
        qtbot.waitUntil(lambda: hook.shown == 2, timeout=5_000)
        (box,) = error_boxes(qapp)
        assert "Wrong passphrase" in box.text() and "/x/identity.key" in box.text()
        assert not box.detailedText()
        box.close()
    finally:
        hook.uninstall()
    assert not qt_messages.thread_trouble(), qt_messages.thread_trouble()
