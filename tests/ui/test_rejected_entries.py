"""An entry the node rejected counts nowhere: no case view shows it (the case's state, its
timeline, its agreement, its documents and performance), and the Chain page tells the user,
with the node's reason. The rejection is the store's own (``ledger.store.append.reject``, what
the sync runs when the node refuses an entry)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QThreadPool

from desk.network import NetworkThread
from desk.read import entries as read_entries
from desk.read import mediation as read_mediation
from desk.session import DeskSession
from ledger.clock import FixedClock, format_time
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.store.append import reject
from ledger.store.models import ChainPin
from mediation import services
from mediation import types as t
from tests.ui.conftest import wait_reads
from ui.casework.models import RAW
from ui.mediation import MediationPage
from ui.mediation.models import CaseListModel, TimelineModel
from ui.pages.chain_page import ChainPage, OutboxModel

pytestmark = pytest.mark.usefixtures("source_language")

T0 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
REASON = "the agreement names a party the case does not have (PML Art. 28)"


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DeskSession]:
    """An offline mediator's desk (its entries stay pending until the test rejects one)."""
    monkeypatch.delenv("JCDESK_DATABASE_URL", raising=False)
    profile = Profile.named("mediator", tmp_path / "home")
    profile.save_settings(Settings(display_name="王调解", role="mediator"))
    session = DeskSession.open(
        profile, SigningKey.generate(), NetworkThread(), "ws://127.0.0.1:9", clock=FixedClock(T0)
    )
    with session.store.transaction() as s:  # the log it signs for, as if it had synced once
        s.add(
            ChainPin(
                origin="court.example/log",
                log_vkey="",
                witness_vkeys="",
                node_vkey="",
                pinned_at=format_time(T0),
                pinned_how="configured",
                next_index=0,
            )
        )
    yield session
    QThreadPool.globalInstance().waitForDone(10_000)
    session.close()


def agreement() -> dict:
    return {
        "parties": ["p1", "p2"],
        "facts": "李四向张三借款六万元。",
        "disputes": "还款期限。",
        "responsibilities": "李四应还款。",
        "terms": "李四年底前还清。",
        "obligations": [
            {
                "id": "o1",
                "obligor": "p2",
                "obligee": "p1",
                "amount_fen": 6_000_000,
                "manner": "银行转账",
                "deadline": "2026-12-31",
                "grace_days": 3,
            }
        ],
        "enforcement_consent": True,
    }


def test_a_rejected_entry_is_in_no_case_view_and_the_chain_page_names_it(
    qtbot, desk: DeskSession
) -> None:
    lender, borrower = SigningKey.generate(), SigningKey.generate()
    opened = services.open_case(
        desk,
        case_id="MED-1",
        dispute_type="民间借贷纠纷",
        summary="借款",
        organisation="朝阳区人民调解委员会",
        mediator_name="王调解",
        parties=[
            services.PartyInput("p1", "张三", "applicant", key=lender.vkey),
            services.PartyInput("p2", "李四", "respondent", key=borrower.vkey),
        ],
    )
    desk.record(opened.statement)
    state = services.load(desk.store, "MED-1")
    proposed = desk.record(services.propose_agreement(desk, state, "MED-1", agreement()))

    page = MediationPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    case = page.case_page
    assert case.view is not None and case.view.agreement is not None  # before: it shows
    assert case.timeline_tab.model.rowCount() == 2

    with desk.store.transaction() as session:  # what the sync does when the node refuses it
        reject(
            session,
            desk.store.projections,
            proposed.leaf_hash,
            reason=REASON,
            when=format_time(T0 + timedelta(minutes=1)),
        )

    # the read API: the case's state and its entries leave it out
    read = read_mediation.read_case(desk.store, "MED-1")
    assert [e.statement.type for e in read.entries] == [t.CASE_OPENED]
    assert read.state.agreements == {} and read.status == "open"
    assert all(e.leaf != proposed.leaf_hash for e in read_entries.case_entries(desk.store, "MED-1"))

    page.refresh()
    wait_reads(qtbot)
    view = case.view
    assert view is not None
    assert view.agreement is None and not view.state.agreements
    assert all(item.leaf != proposed.leaf_hash for item in view.logged)
    # the header, the case list, the timeline, the agreement, documents and performance tabs
    assert case.status.text() == "In mediation"
    cases = page.case_list.model
    assert cases.index(0, CaseListModel.STATUS).data() == "In mediation"
    timeline = case.timeline_tab.model
    assert timeline.rowCount() == 1
    assert timeline.index(0, TimelineModel.WHAT).data(RAW) == t.CASE_OPENED
    texts = [timeline.index(0, c).data() for c in range(TimelineModel.COLUMNS)]
    assert not any("rejected" in str(text) for text in texts)
    assert not case.documents_tab.agreement_button.isEnabled()  # no agreement to make a PDF of
    assert case.performance_tab.instalments.rowCount() == 0

    # the Chain page tells the truth: the entry is there, rejected, with the node's reason
    chain = ChainPage(desk)
    qtbot.addWidget(chain)
    chain.show()
    chain.refresh()
    outbox = chain.outbox_model
    rows = {outbox.index(r, OutboxModel.TYPE).data(RAW): r for r in range(outbox.rowCount())}
    assert set(rows) == {t.CASE_OPENED, t.AGREEMENT_PROPOSED}
    row = rows[t.AGREEMENT_PROPOSED]
    assert outbox.index(row, OutboxModel.STATUS).data(RAW) == "rejected"
    assert outbox.index(row, OutboxModel.STATUS).data() == "rejected"
    assert outbox.index(row, OutboxModel.REASON).data() == REASON
    assert outbox.index(rows[t.CASE_OPENED], OutboxModel.STATUS).data(RAW) == "pending"
