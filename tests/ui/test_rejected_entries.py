"""An entry the node rejected counts nowhere: no case view shows it (the case's state, its
timeline, its agreement, its documents and performance), and the Chain page tells the user,
with the node's reason. The rejection is the store's own (``ledger.store.append.reject``, what
the sync runs when the node refuses an entry)."""

from __future__ import annotations

from datetime import timedelta

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")


from desk.read import entries as read_entries
from desk.read import mediation as read_mediation
from ledger.clock import format_time
from ledger.store.append import reject
from mediation import services
from mediation import types as t
from tests.ui.conftest import wait_reads
from tests.ui.test_mediation_ui import T0, LocalDesk, content, desk  # noqa: F401 - fixture
from ui.casework.models import RAW
from ui.mediation import MediationPage
from ui.mediation.models import CaseListModel, TimelineModel
from ui.pages.chain_page import ChainPage, OutboxModel

pytestmark = pytest.mark.usefixtures("source_language")

REASON = "the agreement names a party the case does not have (PML Art. 28)"


def test_a_rejected_entry_is_in_no_case_view_and_the_chain_page_names_it(
    qtbot,
    desk: LocalDesk,  # noqa: F811 - the offline mediator's desk of test_mediation_ui
) -> None:
    desk.open_case("MED-1")
    session = desk.session
    state = services.load(session.store, "MED-1")
    proposed = session.record(services.propose_agreement(session, state, "MED-1", content()))

    page = MediationPage(session)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    case = page.case_page
    assert case.view is not None and case.view.agreement is not None  # before: it shows
    assert case.timeline_tab.model.rowCount() == 2

    with session.store.transaction() as s:  # what the sync does when the node refuses it
        reject(
            s,
            session.store.projections,
            proposed.leaf_hash,
            reason=REASON,
            when=format_time(T0 + timedelta(minutes=1)),
        )

    # the read API: the case's state and its entries leave it out
    read = read_mediation.read_case(session.store, "MED-1")
    assert [e.statement.type for e in read.entries] == [t.CASE_OPENED]
    assert read.state.agreements == {} and read.status == "open"
    assert all(
        e.leaf != proposed.leaf_hash for e in read_entries.case_entries(session.store, "MED-1")
    )

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
    chain = ChainPage(session)
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
