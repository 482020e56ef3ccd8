"""Change events instead of pollers, with a real embedded node and two desks.

When the party's desk ingests the mediator's entry, its change event (``SyncBridge.changed``,
on the GUI thread) names that case and type, and the Mediation page refreshes without any
timer; a change that does not concern the page leaves it alone. No page keeps a repeating
QTimer (a poller).
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QObject, QThread, QTimer, Slot
from PySide6.QtWidgets import QApplication

from desk.changes import Changes
from mediation import services
from tests.ui.conftest import wait_online
from ui.app import Desk

pytestmark = pytest.mark.usefixtures("source_language")


class ChangeLog(QObject):
    """Receives the bridge's ``changed`` like a page does (a slot), noting the thread."""

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[Changes] = []
        self.threads: list[QThread] = []

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        self.changes.append(changes)
        self.threads.append(QThread.currentThread())

    def named(self, case: str, type_: str) -> list[Changes]:
        return [c for c in self.changes if case in c.cases and type_ in c.types]


def pollers(root: QObject) -> list[QTimer]:
    """Repeating timers that run: what a poller is (a one-shot debounce is not)."""
    return [t for t in root.findChildren(QTimer) if t.isActive() and not t.isSingleShot()]


def test_an_ingested_entry_names_its_case_and_type_and_the_page_refreshes(
    qtbot, qapp: QApplication, open_desk
) -> None:
    mediator: Desk = open_desk("mediator", "王调解员")
    party: Desk = open_desk("party", "张三", "party")
    wait_online(qtbot, mediator)
    wait_online(qtbot, party)
    log = ChangeLog()
    party.bridge.changed.connect(log.on_changes)
    party.window.show_page("mediation")
    page = party.window.mediation_page
    qtbot.waitUntil(page.isVisible, timeout=5_000)
    refreshed = page.refreshes

    case = services.new_case_id(mediator.session.clock.now())
    prepared = services.open_case(
        mediator.session,
        case_id=case,
        dispute_type="loan",
        summary="借款纠纷",
        organisation="人民调解委员会",
        mediator_name="王调解员",
        parties=[
            services.PartyInput(id="P1", name="张三", key=party.session.key.vkey),
            services.PartyInput(id="P2", name="李四", role="respondent"),
        ],
    )
    mediator.session.record(prepared.statement)

    # the party's desk ingests it: its change event names the case and the type
    qtbot.waitUntil(lambda: bool(log.named(case, "mediation.case.opened")), timeout=30_000)
    (ingested, *_) = log.named(case, "mediation.case.opened")
    assert ingested.receipts and not ingested.outbox  # another's entry, with its receipt
    assert all(t is qapp.thread() for t in log.threads)  # delivered on the GUI thread
    # ... and the page, which shows mediation cases, read the store again (no timer asked it)
    qtbot.waitUntil(lambda: page.refreshes > refreshed, timeout=5_000)
    assert page.case_list.isVisible()

    # a change that does not concern the page (an evidence deposit) does not refresh it
    settled = page.refreshes
    chain_refreshes = party.window.chain_page.refreshes
    party.window.record(
        party.session.statement(
            "evidence.deposited",
            "",
            {"documents": [{"name": "a.pdf", "sha256": "a" * 64, "size": 1}]},
        )
    )
    qtbot.waitUntil(lambda: bool(log.named("", "evidence.deposited")), timeout=10_000)
    qtbot.waitUntil(
        lambda: any(c.receipts and "evidence.deposited" in c.types for c in log.changes),
        timeout=30_000,  # confirmed: the receipt's change event came too
    )
    qtbot.wait(50)
    assert page.refreshes == settled
    party.window.show_page("chain")  # the chain page was hidden: stale, read when shown
    assert party.window.chain_page.refreshes > chain_refreshes

    # no page polls
    for desk in (mediator, party):
        for name in ("mediation", "verify", "chain"):
            desk.window.show_page(name)
        assert pollers(desk.window) == [], [t.objectName() for t in pollers(desk.window)]


def test_changes_say_what_concerns_a_view() -> None:
    opened = Changes.of(cases=["C1"], types=["mediation.case.opened"], receipts=True)
    deposit = Changes.of(cases=[""], types=["evidence.deposited"], outbox=True)
    assert opened.concerns(type_prefixes=("mediation.",))
    assert opened.concerns(case="C1") and not opened.concerns(case="C2")
    assert not deposit.concerns(type_prefixes=("mediation.", "document.issued"))
    assert deposit.concerns(outbox=True) and not opened.concerns(outbox=True)
    assert opened.concerns(receipts=True)
    merged = opened | deposit
    assert merged.cases == {"C1", ""} and merged.receipts and merged.outbox
    assert not Changes() and bool(deposit)
