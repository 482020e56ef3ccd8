"""The Verify page on a real embedded node: deposit (pending, then confirmed), verify a deposited
file, a changed copy, a receipt file; hashing a large file with progress and cancel."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import select

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from desk.embedded import LocalNode, start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from desk.verify import (
    Kind,
    NodeState,
    Step,
    Verdict,
    deposit_state,
    evidence_statement,
    hash_file,
)
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.receipt import parse_receipt
from ledger.store.models import LogEntry
from ledger.store.models import Receipt as ReceiptRow
from ui.bridge import SyncBridge
from ui.pages.verify_page import VerifyPage, local_text


def wait_for(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


@dataclass
class World:
    node: LocalNode
    network: NetworkThread
    alice: DeskSession
    bob: DeskSession
    tmp: Path


def open_session(tmp: Path, node: LocalNode, network: NetworkThread, name: str, display: str):
    profile = Profile.named(name, home=tmp)
    profile.save_settings(Settings(display_name=display, role="mediator"))
    statuses: list = []
    session = DeskSession.open(
        profile, SigningKey.generate(), network, node.url, on_status=statuses.append
    )
    assert session.enrol().result(30)["status"] == "approved"
    return session, statuses


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("verify-page")
    node = start_or_attach(tmp / "node")
    network = NetworkThread().start()
    alice, statuses = open_session(tmp, node, network, "alice", "王调解员")
    bob, _ = open_session(tmp, node, network, "bob", "李债权人")
    alice.start_sync()
    wait_for(lambda: bool(statuses) and statuses[-1].state == "online")
    try:
        yield World(node, network, alice, bob, tmp)
    finally:
        node.stop()  # first, so the node closes its connections before the clients go
        network.stop()
        alice.close()
        bob.close()


@pytest.fixture
def make_page(qtbot, world: World):
    pages: list[VerifyPage] = []
    feeds: list[tuple[DeskSession, SyncBridge]] = []

    def make(session: DeskSession | None = None) -> VerifyPage:
        session = session or world.alice
        page = VerifyPage(session)
        # the page learns of deposits confirmed through the writer's change events, as the
        # main window wires them
        bridge = SyncBridge()
        session.writer.add_listener(bridge.on_changes)
        bridge.changed.connect(page.on_changes)
        feeds.append((session, bridge))
        qtbot.addWidget(page)
        page.resize(900, 760)
        page.show()
        pages.append(page)
        return page

    yield make
    for session, bridge in feeds:
        session.writer.remove_listener(bridge.on_changes)
    for page in pages:
        page.shutdown()
    assert QThreadPool.globalInstance().waitForDone(10_000)


def verify(qtbot, page: VerifyPage, path: Path, timeout: int = 30_000):
    with qtbot.waitSignal(page.checked, timeout=timeout) as blocker:
        page.open_file(path)
    return blocker.args[0]


def deposited_file(world: World, name: str) -> tuple[Path, bytes]:
    """A file alice deposited through the session (not the page), confirmed."""
    path = world.tmp / name
    path.write_bytes(b"%PDF " + name.encode() + os.urandom(500))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    session = world.alice
    entry = session.record(
        evidence_statement(session, [(path.name, digest, path.stat().st_size)], "")
    )
    wait_for(lambda: deposit_state(session.store, entry.leaf_hash).state == "confirmed")
    return path, entry.leaf_hash


def test_deposit_from_the_page_is_pending_until_confirmed(qtbot, world, make_page) -> None:
    page = make_page()
    path = world.tmp / "调解协议书.pdf"
    path.write_bytes(b"%PDF-1.7 agreement " + os.urandom(4096))
    report = verify(qtbot, page, path)
    assert report.verdict is Verdict.NOT_ON_CHAIN
    assert page.deposit_button.isEnabled()

    states: list[str] = []
    page.deposit_changed.connect(states.append)
    page.note_edit.setText("双方签字版")
    page.deposit()
    # the same instant: signed and stored here, but not registered
    assert states and states[0] in ("pending", "submitted")
    status = page.deposit_status.text()
    assert "pending" in status and "Confirmed" not in status
    assert not page.deposit_button.isEnabled()

    qtbot.waitUntil(lambda: "confirmed" in states, timeout=30_000)
    deposit = page._deposit
    assert deposit is not None and deposit.on_chain_time is not None
    status = page.deposit_status.text()
    assert "Confirmed on the chain" in status
    assert local_text(deposit.on_chain_time) in status
    assert f"#{deposit.index}" in status
    # after confirmation the page checks the file again and now proves the deposit
    qtbot.waitUntil(
        lambda: page._report is not None and page._report.verdict is Verdict.PROVEN,
        timeout=30_000,
    )
    text = page.details.toPlainText()
    assert "王调解员" in text and "双方签字版" in text and "On-chain time" in text


def test_verifying_a_deposited_file_says_by_whom_and_when(qtbot, world, make_page) -> None:
    path, leaf = deposited_file(world, "现场照片.jpg")
    page = make_page()
    report = verify(qtbot, page, path)
    assert report.verdict is Verdict.PROVEN and report.node is NodeState.ANSWERED
    (finding,) = report.findings
    assert finding.leaf_hash == leaf
    assert "on the chain" in page.verdict.text()
    text = page.details.toPlainText()
    assert "Evidence deposit" in text and "evidence.deposited" in text
    assert "王调解员" in text and world.alice.key.key_id in text and "you" in text
    assert "On-chain time" in text and local_text(finding.on_chain_time) in text
    assert local_text(finding.statement_time) in text
    assert "Proven on this computer" in text
    assert "On the chain node's word" not in text  # nothing rests on it here

    # bob's desktop does not hold alice's entry: it says what rests on the node's word
    bob_page = make_page(world.bob)
    other = verify(qtbot, bob_page, path)
    assert other.verdict is Verdict.NODE_ONLY
    assert "node's word" in bob_page.details.toPlainText()
    assert "cannot prove" in bob_page.verdict.text()


def test_a_changed_copy_is_not_on_the_chain(qtbot, world, make_page) -> None:
    path, _ = deposited_file(world, "original.pdf")
    copy = world.tmp / "copy-of-original.pdf"
    copy.write_bytes(path.read_bytes()[:-1] + b"!")
    page = make_page()
    report = verify(qtbot, page, copy)
    assert report.verdict is Verdict.NOT_ON_CHAIN
    verdict = page.verdict.text()
    assert "not on the chain" in verdict
    assert "never registered" in verdict and "changed after registration" in verdict
    assert page.hash_value.text() == hashlib.sha256(copy.read_bytes()).hexdigest()


def test_a_receipt_file_exported_from_the_store(qtbot, world, make_page, tmp_path) -> None:
    _path, leaf = deposited_file(world, "served-notice.pdf")
    with world.alice.store.session() as s:
        receipt = s.get(ReceiptRow, leaf).receipt
        entry_text = s.scalar(select(LogEntry.entry).where(LogEntry.leaf_hash == leaf))
    receipt_file = tmp_path / "served-notice.tlog-proof"
    receipt_file.write_text(receipt, encoding="utf-8", newline="")

    page = make_page()
    report = verify(qtbot, page, receipt_file)
    assert report.subject.kind is Kind.RECEIPT and report.verdict is Verdict.PROVEN
    assert "receipt is valid" in page.verdict.text()
    assert "the node was not needed" in page.details.toPlainText()
    assert not page.entry_button.isVisible()

    # bob holds no entry: the checkpoint verifies, he is asked for the entry file
    bob_page = make_page(world.bob)
    partial = verify(qtbot, bob_page, receipt_file)
    assert partial.verdict is Verdict.INCOMPLETE
    assert bob_page.entry_button.isVisible()
    entry_file = tmp_path / "served-notice.entry"
    entry_file.write_text(entry_text, encoding="utf-8", newline="")
    with qtbot.waitSignal(bob_page.checked, timeout=30_000) as blocker:
        bob_page.use_entry_file(entry_file)
    assert blocker.args[0].verdict is Verdict.PROVEN
    assert "served-notice.entry" in bob_page.details.toPlainText()

    # a tampered receipt fails, in words
    tampered = tmp_path / "tampered.tlog-proof"
    parsed = parse_receipt(receipt)
    assert parsed.proof  # alice's deposits are not alone in the log
    flipped = bytes([parsed.proof[0][0] ^ 1]) + parsed.proof[0][1:]
    tampered.write_text(
        replace(parsed, proof=(flipped, *parsed.proof[1:])).to_text(), encoding="utf-8"
    )
    bad = verify(qtbot, page, tampered)
    assert bad.verdict is Verdict.FAILED
    assert "failed" in page.verdict.text() and "Does not verify" in page.details.toPlainText()
    (finding,) = bad.findings
    assert finding.step is Step.INCLUSION  # the flipped proof hash, not the checkpoint
    assert "at step 6 of 6 (the proof that the entry is in the log)" in page.details.toPlainText()


def test_dropping_a_file_checks_it(qtbot, world, make_page, tmp_path) -> None:
    path = tmp_path / "dropped.txt"
    path.write_bytes(b"dropped evidence " + os.urandom(64))
    page = make_page()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.checked, timeout=30_000) as blocker:
        page.dropEvent(event)
    assert blocker.args[0].subject.path == path
    assert event.isAccepted()


def test_node_out_of_reach_still_verifies_stored_receipts(qtbot, world, make_page) -> None:
    path, _ = deposited_file(world, "kept-offline.pdf")
    # alice's profile again, pointed at a node that is not there
    offline = DeskSession.open(
        world.alice.profile, world.alice.key, world.network, "ws://127.0.0.1:9"
    )
    try:
        page = make_page(offline)
        report = verify(qtbot, page, path)
        assert report.node is NodeState.UNREACHABLE and report.verdict is Verdict.PROVEN
        assert "could not be asked" in page.details.toPlainText()
        stranger = world.tmp / "never-seen.bin"
        stranger.write_bytes(os.urandom(100))
        unknown = verify(qtbot, page, stranger)
        assert unknown.verdict is Verdict.UNKNOWN
        assert "not a final answer" in page.verdict.text()
    finally:
        offline.close()


def slow_hash(path, chunk: int = 1 << 20):
    """The real hash_file, as a slow disk would deliver it."""
    for step in hash_file(path, chunk):
        time.sleep(0.01)
        yield step


def test_large_file_progress_and_cancel_keep_the_window_alive(qtbot, make_page, tmp_path) -> None:
    big = tmp_path / "evidence-video.mp4"
    with big.open("wb") as file:
        for _ in range(50):
            file.write(os.urandom(1024 * 1024))
    page = make_page()

    ticks: list[float] = []  # the GUI thread keeps running while hashing
    timer = QTimer(page)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    values: list[int] = []
    page.progress.bar.valueChanged.connect(values.append)

    page.hasher = slow_hash
    page.open_file(big)
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: page.progress.value >= 300, timeout=10_000)
    started = time.monotonic()
    page.progress.cancel_button.click()
    qtbot.waitUntil(lambda: "Cancelled" in page.verdict.text(), timeout=2_000)
    assert time.monotonic() - started < 1.0
    assert page._hashed is None and not page.deposit_button.isEnabled()
    assert not page.progress.isVisible()
    assert values == sorted(values) and len(set(values)) >= 3 and max(values) < 1000
    assert len(ticks) >= 5

    # and without slowing it down, the whole file hashes to what hashlib says
    page.hasher = hash_file
    report = verify(qtbot, page, big)
    assert report.subject.sha256 == hashlib.sha256(big.read_bytes()).hexdigest()
    assert page.hash_value.text() == report.subject.sha256
    timer.stop()


def test_texts_rebuild_on_language_change(qtbot, world, make_page, tmp_path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"x")
    page = make_page()
    verify(qtbot, page, path)
    before = page.verdict.text()
    page.changeEvent(QEvent(QEvent.Type.LanguageChange))
    assert page.verdict.text() == before
    assert page.deposit_button.text().startswith("Deposit")


def test_render_after_a_verification(qtbot, world, make_page) -> None:
    path, _ = deposited_file(world, "render.pdf")
    page = make_page()
    verify(qtbot, page, path)
    qtbot.wait(50)
    image = page.grab()
    assert image.width() >= 800 and image.height() >= 600
    target = os.environ.get("JCDESK_SCREENSHOT_DIR")
    if target:
        image.save(str(Path(target) / "verify_page.png"))


def test_a_file_that_cannot_be_read_is_said_so(qtbot, make_page, tmp_path) -> None:
    page = make_page()
    missing = tmp_path / "gone.pdf"
    missing.write_bytes(b"soon gone")
    missing.unlink()
    page.open_file(missing)
    qtbot.waitUntil(lambda: "could not be read" in page.verdict.text(), timeout=5_000)
    assert page._hashed is None and not page.deposit_button.isEnabled()
    assert "gone.pdf" in page.file_value.text()


def test_a_desktop_that_never_reached_its_node_says_so(qtbot, make_page, tmp_path) -> None:
    profile = Profile.named("newcomer", home=tmp_path)
    profile.save_settings(Settings(display_name="新用户", role="party"))
    network = NetworkThread().start()
    session = DeskSession.open(profile, SigningKey.generate(), network, "ws://127.0.0.1:9")
    try:
        page = make_page(session)
        path = tmp_path / "evidence.pdf"
        path.write_bytes(b"%PDF evidence")
        report = verify(qtbot, page, path)
        assert report.verdict is Verdict.UNCHECKED
        assert "pinned" in page.details.toPlainText()
        # depositing needs the log's origin: an error in words, and no "pending" claim
        page.deposit()
        box = page.findChild(QMessageBox, "errorDialog")
        assert box is not None and "Connect once" in box.text()
        assert "pending" not in page.deposit_status.text()
        box.close()
    finally:
        network.stop()
        session.close()
