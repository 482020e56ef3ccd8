"""The desktop shell over a real embedded node: status bar, Chain page, alarms, the log check.

Every test drives real desks (``ui.app.Desk``: network thread, ``DeskSession``, main window)
against a real embedded node in ``tmp_path``; nothing is mocked.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import warnings
from datetime import timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from chain_client.sync import SyncStatus
from desk.embedded import LocalNode
from desk.network import NetworkThread
from ledger.clock import format_time
from ledger.contract import ContractViolation
from ledger.profile import embedded_node_folder
from ledger.statement import Statement, sign_statement
from ledger.store.append import append
from ledger.store.generic import DepositedDocument
from ledger.store.models import CheckpointAlarm, LogEntry
from tests.ui.conftest import (
    PASSPHRASE,
    QtMessages,
    enrol,
    flush_deletes,
    make_profile,
    wait_online,
)
from ui.app import Desk, main
from ui.pages.chain_page import OutboxModel, save_alarm_notes

RAW = Qt.ItemDataRole.UserRole

pytestmark = pytest.mark.usefixtures("source_language")


def evidence(desk: Desk, name: str = "调解笔录.pdf", case: str = "", **kwargs) -> Statement:
    return desk.session.statement(
        "evidence.deposited",
        case,
        {"documents": [{"name": name, "sha256": "c" * 64, "size": 1234}]},
        **kwargs,
    )


def outbox_cell(desk: Desk, seq: int, column: int, role: int = RAW) -> object:
    """The Chain page's outbox cell of local entry ``seq`` (None if the row is not shown)."""
    model = desk.window.chain_page.outbox_model
    for row in range(model.rowCount()):
        if model.index(row, OutboxModel.SEQ).data(RAW) == seq:
            return model.index(row, column).data(role)
    return None


def seq_of(desk: Desk, leaf_hash: bytes) -> int:
    with desk.session.store.session() as s:
        return s.scalar(select(LogEntry.seq).where(LogEntry.leaf_hash == leaf_hash))


def hold_network(desk: Desk) -> threading.Event:
    """Block the desk's network loop until the returned event is set (at most 20 s), so that
    the GUI can be looked at before the sync moves on."""
    release = threading.Event()
    desk.network.call_soon(release.wait, 20)
    return release


def test_status_bar_reaches_online_and_shows_auto_approve(qtbot, open_desk) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    bar = desk.window.status
    qtbot.waitUntil(lambda: bar.status.checkpoint_size is not None, timeout=10_000)
    assert bar.status.auto_approve
    assert "embedded, auto-approve" in bar.node_label.text()
    assert desk.session.client.config.url in bar.node_label.text()
    assert "automatically" in bar.node_label.toolTip()
    assert "Online" in bar.state_label.text()
    assert bar.waiting_label.text() == "Waiting to sync: 0"
    assert "Verified checkpoint" in bar.checkpoint_label.text()
    assert not bar.alarm_indicator.isVisible()
    assert "王调解员" in bar.identity_label.text()
    assert desk.window.current_page == "chain"


def test_signed_entry_goes_pending_then_confirmed(qtbot, open_desk) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    page = desk.window.chain_page

    release = hold_network(desk)
    try:
        entry = desk.window.record(evidence(desk))
        seq = seq_of(desk, entry.leaf_hash)
        qtbot.waitUntil(lambda: outbox_cell(desk, seq, OutboxModel.STATUS) == "pending")
        assert outbox_cell(desk, seq, OutboxModel.STATUS, Qt.ItemDataRole.DisplayRole) == (
            "pending"
        )
        assert outbox_cell(desk, seq, OutboxModel.TYPE) == "evidence.deposited"
        assert outbox_cell(desk, seq, OutboxModel.ON_CHAIN) is None
        signed = outbox_cell(desk, seq, OutboxModel.SIGNED, Qt.ItemDataRole.DisplayRole)
        assert signed and "T" not in signed and "Z" not in signed  # local time, not the wire
    finally:
        release.set()

    qtbot.waitUntil(
        lambda: outbox_cell(desk, seq, OutboxModel.STATUS) == "confirmed", timeout=30_000
    )
    assert outbox_cell(desk, seq, OutboxModel.STATUS, Qt.ItemDataRole.DisplayRole) == "confirmed"
    assert isinstance(outbox_cell(desk, seq, OutboxModel.INDEX), int)
    assert outbox_cell(desk, seq, OutboxModel.ON_CHAIN)  # stored UTC
    assert outbox_cell(desk, seq, OutboxModel.ON_CHAIN, Qt.ItemDataRole.DisplayRole)
    qtbot.waitUntil(lambda: desk.window.status.waiting == 0, timeout=10_000)
    assert desk.window.status.waiting_label.text() == "Waiting to sync: 0"
    assert page.checkpoint_model.rowCount() >= 1
    newest = page.checkpoint_model.index(0, 0).data(RAW)
    assert newest >= outbox_cell(desk, seq, OutboxModel.INDEX) + 1


def test_rejected_entry_shows_the_nodes_reason(qtbot, open_desk) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    clock_ahead = desk.session.clock.now() + timedelta(days=1)  # a computer clock a day fast
    entry = desk.window.record(evidence(desk, time=clock_ahead))
    seq = seq_of(desk, entry.leaf_hash)
    qtbot.waitUntil(
        lambda: outbox_cell(desk, seq, OutboxModel.STATUS) == "rejected", timeout=30_000
    )
    reason = outbox_cell(desk, seq, OutboxModel.REASON)
    assert isinstance(reason, str) and "ahead of the node's clock" in reason
    assert outbox_cell(desk, seq, OutboxModel.REASON, Qt.ItemDataRole.DisplayRole) == reason
    tip = outbox_cell(desk, seq, OutboxModel.STATUS, Qt.ItemDataRole.ToolTipRole)
    assert "refused" in tip and reason in tip
    bar = desk.window.status
    qtbot.waitUntil(lambda: bar.status.rejected == 1, timeout=10_000)
    assert bar.rejected_label.isVisible() and "1" in bar.rejected_label.text()
    assert bar.waiting == 0


def test_entry_in_another_members_case_is_rejected(qtbot, open_desk) -> None:
    mediator = open_desk("mediator", "王调解员")
    party = open_desk("party", "李当事人", "party")
    wait_online(qtbot, mediator)
    wait_online(qtbot, party)
    opened = mediator.window.record(evidence(mediator, case="(2026)京0105民调123号"))
    mseq = seq_of(mediator, opened.leaf_hash)
    qtbot.waitUntil(
        lambda: outbox_cell(mediator, mseq, OutboxModel.STATUS) == "confirmed", timeout=30_000
    )
    intruding = party.window.record(evidence(party, case="(2026)京0105民调123号"))
    pseq = seq_of(party, intruding.leaf_hash)
    qtbot.waitUntil(
        lambda: (
            outbox_cell(party, pseq, OutboxModel.STATUS) == "rejected"
            or "-32004" in party.window.status.status.detail
        ),
        timeout=30_000,
    )
    party.window.chain_page.refresh()
    assert outbox_cell(party, pseq, OutboxModel.STATUS) == "rejected"
    assert "not a member" in str(outbox_cell(party, pseq, OutboxModel.REASON))


def test_node_gone_shows_offline_and_new_entries_stay_pending(
    qtbot, open_desk, node: LocalNode
) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    node.stop()
    bar = desk.window.status
    qtbot.waitUntil(lambda: bar.status.state in ("offline", "connecting"), timeout=20_000)
    qtbot.waitUntil(lambda: bar.status.state == "offline", timeout=20_000)
    assert "Offline" in bar.state_label.text()
    entry = desk.window.record(evidence(desk, "离线笔录.pdf"))
    seq = seq_of(desk, entry.leaf_hash)
    qtbot.waitUntil(lambda: outbox_cell(desk, seq, OutboxModel.STATUS) == "pending")
    qtbot.waitUntil(lambda: bar.waiting == 1, timeout=20_000)  # the next reconnect attempt
    assert bar.waiting_label.text() == "Waiting to sync: 1"
    assert outbox_cell(desk, seq, OutboxModel.STATUS) == "pending"
    assert bar.status.state in ("offline", "connecting")


def test_alarm_banner_and_indicator(qtbot, open_desk, tmp_path: Path) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    page = desk.window.chain_page
    assert not page.alarm_banner.isVisible()
    with desk.session.store.transaction() as s:
        s.add(
            CheckpointAlarm(
                origin="jcdesk.local/test",
                kind="rollback",
                detail="The node offered size 3 after this desktop verified size 5.",
                kept_note="jcdesk.local/test\n5\nKEPT\n\n— sig\n",
                offered_note="jcdesk.local/test\n3\nOFFERED\n\n— sig\n",
                detected_at=format_time(desk.session.clock.now()),
            )
        )
    page.schedule_refresh()
    qtbot.waitUntil(page.alarm_banner.isVisible, timeout=5_000)
    text = page.alarm_banner.text.text()
    assert "rollback" in text and "size 3 after" in text and "evidence" in text
    written = save_alarm_notes(desk.session.store, tmp_path / "evidence")
    assert sorted(p.read_text("utf-8").split("\n")[2] for p in written) == ["KEPT", "OFFERED"]

    # the sync's alarm state shows as a red indicator in the status bar
    bar = desk.window.status
    bar.show_status(SyncStatus(state="alarm", url=bar.status.url, detail="split view"))
    assert bar.alarm_indicator.isVisible() and bar.alarm_indicator.toolTip() == "split view"


class ProgressRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int]] = []

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        self.seen.append((done, total))


def test_check_local_log_reports_ok_then_a_tampered_view(qtbot, open_desk) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        desk.window.record(evidence(desk, name))
    page = desk.window.chain_page

    progress = ProgressRecorder()
    page._check_relay.progress.connect(progress.on_progress)
    page.check_button.click()
    assert not page.check_button.isEnabled()
    qtbot.waitUntil(lambda: page.check_result is not None, timeout=30_000)
    assert page.check_result.ok and page.check_result.entries >= 3
    assert page.check_summary.text().startswith("OK")
    assert page.check_button.isEnabled() and not page.check_bar.isVisible()
    assert progress.seen and progress.seen[-1] == (-1, -1)

    with desk.session.store.transaction() as s:
        s.execute(
            update(DepositedDocument)
            .where(DepositedDocument.name == "b.pdf")
            .values(name="b-altered.pdf")
        )
    page.check_button.click()
    qtbot.waitUntil(lambda: page.check_result is not None, timeout=30_000)
    assert not page.check_result.ok
    assert "problems found" in page.check_summary.text()
    problems = page.check_problems.toPlainText()
    assert "deposited_documents" in problems and "b-altered.pdf" in problems
    assert page.check_problems.isVisible()

    # cancelling: the check ends (cancelled, or finished if it was quicker) and the page idles
    page.check_button.click()
    page.cancel_check()
    qtbot.waitUntil(lambda: page.check_task is None, timeout=30_000)
    assert page.check_button.isEnabled()
    assert page.check_result is not None or "cancelled" in page.check_summary.text()


def test_hidden_chain_page_defers_its_refresh(qtbot, open_desk) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    window, page = desk.window, desk.window.chain_page
    window.show_page("mediation")
    assert not page.isVisible()
    desk.session.record(evidence(desk))  # behind the window's back: only the sync tells
    qtbot.waitUntil(lambda: page.stale, timeout=10_000)
    assert page.outbox_model.rowCount() == 0
    window.show_page("chain")
    assert page.outbox_model.rowCount() == 1 and not page.stale


def test_bankruptcy_page_lists_its_cases_from_the_log(qtbot, open_desk) -> None:
    from bankruptcy import types as bt
    from desk.changes import Changes
    from tests.bankruptcy.plan import CASE, Plan
    from ui.bankruptcy import BankruptcyPage

    desk = open_desk("administrator", "某律师事务所", "administrator")
    wait_online(qtbot, desk)
    # this desk signs no type its registry does not claim (the node would refuse it too) ...
    unclaimed = desk.session.statement("bankruptcy.note.recorded", "(2026)京01破12号", {"n": 1})
    with pytest.raises(ContractViolation, match="No rule of this chain covers"):
        desk.window.record(unclaimed)
    # ... and the real page (the domain names it) lists a case the court accepted naming this
    # desk's key as administrator, as the sync stores it
    page = desk.window.bankruptcy_page
    assert isinstance(page, BankruptcyPage)
    assert page.case_list.model.rowCount() == 0 and not page.case_list.empty.isHidden()
    plan = Plan(administrator=desk.session.key)
    accepted = plan.statement(
        plan.judge,
        bt.CASE_ACCEPTED,
        plan.accepted(debtor_key=None, members=[desk.session.key.vkey]),
    )
    store = desk.session.store
    with store.transaction() as session:
        append(session, store.projections, [sign_statement(accepted, plan.judge)], source="chain")
    # a hidden page notes the change and reads the store when shown
    page.on_changes(Changes.of(cases=[CASE], types=[bt.CASE_ACCEPTED]))
    assert page.case_list.model.rowCount() == 0
    desk.window.show_page("bankruptcy")
    assert page.case_list.model.rowCount() == 1
    assert page.case_list.model.index(0, 0).data(RAW) == CASE
    page.open_case(CASE)
    assert page.case_view.is_administrator and page.case_view.publish_button.isVisible()
    desk.window.show_page("mediation")
    from ui.mediation import MediationPage

    assert isinstance(desk.window.mediation_page, MediationPage)  # the real module, not a stub


def test_app_lifecycle_in_process_shuts_down_cleanly(
    qtbot,
    qt_messages: QtMessages,
    qapp: QApplication,
    home: Path,
    caplog: pytest.LogCaptureFixture,
    capsys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``main`` for a set-up profile: the app starts its own embedded node, shows the window,
    paints, quits, and stops everything without a pending task or a stray warning."""
    profile, key = make_profile(home, "mediator", "王调解员", passphrase=PASSPHRASE)
    from desk.embedded import start_or_attach

    first = start_or_attach(embedded_node_folder(home))
    network = NetworkThread().start()
    try:
        enrol(profile, key, network, first.url)
    finally:
        network.stop()
        first.stop()
    monkeypatch.setenv("JCDESK_PASSPHRASE", PASSPHRASE)
    flush_deletes()  # what earlier tests left behind is not this lifecycle's noise
    caplog.set_level(logging.WARNING)
    hooks = (sys.excepthook, threading.excepthook)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = main(["--profile", "mediator", "--lang", "en", "--measure-startup"])
        qtbot.wait(50)  # deferred deletes
        gc.collect()
    assert code == 0
    out = capsys.readouterr().out
    assert "startup_ms=" in out
    noise = [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("asyncio") or "pending" in r.getMessage()
    ]
    assert not noise, noise
    assert not [
        w for w in caught if "never awaited" in str(w.message) or "pending" in str(w.message)
    ]
    assert not [t for t in threading.enumerate() if t.name.startswith("jcd-")]
    assert profile.log_path.exists() and "desk open" in profile.log_path.read_text("utf-8")
    assert (sys.excepthook, threading.excepthook) == hooks
    assert not qt_messages.thread_trouble(), qt_messages.thread_trouble()


def test_switching_language_retranslates_at_once(qtbot, qapp: QApplication, open_desk) -> None:
    from ui.i18n import Translations

    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    window, bar = desk.window, desk.window.status
    translations = Translations(qapp)
    try:
        translations.install("zh_CN")
        qtbot.waitUntil(lambda: window.navigation.item(3).text() != "Chain", timeout=5_000)
        chain = QCoreApplication.translate("MainWindow", "Chain")
        assert window.navigation.item(3).text() == chain
        waiting = QCoreApplication.translate("ChainStatusBar", "Waiting to sync: {count}")
        assert bar.waiting_label.text() == waiting.format(count=bar.waiting)
        header = window.chain_page.outbox_model.headerData(
            OutboxModel.STATUS, Qt.Orientation.Horizontal
        )
        assert (
            header == QCoreApplication.translate("OutboxModel", "Chain status") != ("Chain status")
        )
        translations.install("en")
        qtbot.waitUntil(lambda: window.navigation.item(3).text() == "Chain", timeout=5_000)
        assert bar.waiting_label.text().startswith("Waiting to sync")
    finally:
        translations.remove()
        translations.deleteLater()


class RejectWizard(QObject):
    """Cancels the first-run wizard once it is up (it runs its own modal event loop)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.seen = False

    @Slot()
    def poll(self) -> None:
        from ui.wizard import FirstRunWizard

        for widget in self.app.topLevelWidgets():
            if isinstance(widget, FirstRunWizard) and widget.isVisible():
                self.seen = True
                widget.reject()
                return
        QTimer.singleShot(20, self.poll)


def test_first_run_cancelled_leaves_no_profile_behind(
    qtbot, qapp: QApplication, home: Path
) -> None:
    rejecter = RejectWizard(qapp)
    QTimer.singleShot(0, rejecter.poll)
    assert main(["--lang", "en"]) == 0
    assert rejecter.seen
    flush_deletes()
    profiles = home / "profiles"
    assert not profiles.exists() or not list(profiles.iterdir())
    assert (home / "first-run.log").exists()
    assert not [t for t in threading.enumerate() if t.name.startswith("jcd-")]
