"""The claim table widget over a real SQLite store holding a case of 1,000 claims (appended
through the projections): filters and header sorts are answered by SQL, and rows are read a
block at a time as the view shows them, never every row at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import Qt

from bankruptcy import types as t
from chain_node.domains import installed_domains
from desk.read.bankruptcy import QUEUE, ClaimFilter
from ledger.statement import sign_statement
from ledger.store.append import append
from ledger.store.store import Store
from tests.bankruptcy.plan import CASE, Plan
from tests.ui.conftest import type_into
from ui.bankruptcy.claim_table import ClaimTable
from ui.bankruptcy.models import ClaimTableModel

pytestmark = pytest.mark.usefixtures("source_language")
CLAIMS = 1_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'claims.sqlite'}", installed_domains())
    plan = Plan()
    signed = [
        sign_statement(plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted()), plan.judge),
        sign_statement(
            plan.do(plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.bank, plan.person)),
            plan.administrator,
        ),
    ]
    for n in range(CLAIMS):
        key = plan.person if n % 10 == 0 else plan.bank
        body = plan.declared(f"C{n:04d}", principal=10_000_00 + n * 1_00, interest=0)
        signed.append(sign_statement(plan.do(key, t.CLAIM_DECLARED, body), key))
    for n in range(0, CLAIMS, 4):  # every fourth claim confirmed as declared
        statement = plan.do(plan.administrator, t.CLAIM_REVIEWED, plan.reviewed(f"C{n:04d}"))
        signed.append(sign_statement(statement, plan.administrator))
    with store.transaction() as session:
        append(session, store.projections, signed, source="chain")
    yield store
    store.close()


@pytest.fixture
def table(qtbot, store: Store) -> ClaimTable:
    widget = ClaimTable(store, "claims")
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_case(CASE, ClaimFilter())
    return widget


def test_rows_are_read_by_block_as_the_view_shows_them(qtbot, table: ClaimTable) -> None:
    model = table.model
    assert model.rowCount() == CLAIMS and table.count.text() == f"{CLAIMS} claim(s)"
    table.view.viewport().repaint()
    assert 0 < len(model._cache) <= ClaimTableModel.BLOCK  # the first screen's block only
    assert model.index(0, ClaimTableModel.DECLARED).data() == "10,000.00"
    assert model.index(0, ClaimTableModel.DECLARED).data(Qt.ItemDataRole.UserRole) == 10_000_00
    assert model.index(0, ClaimTableModel.CREDITOR).data() == "张*"  # a person: masked
    assert model.index(1, ClaimTableModel.CREDITOR).data() == "某商业银行股份有限公司"
    table.view.scrollToBottom()
    table.view.viewport().repaint()
    assert len(model._cache) <= 2 * ClaimTableModel.BLOCK


def test_filters_and_header_sorts_ask_sql_again(qtbot, table: ClaimTable) -> None:
    model = table.model
    header = table.view.horizontalHeader()
    header.setSortIndicator(ClaimTableModel.DECLARED, Qt.SortOrder.DescendingOrder)
    assert model.ids[:2] == ["C0999", "C0998"]
    assert model.index(0, ClaimTableModel.DECLARED).data() == "10,999.00"
    table.status.setCurrentIndex(table.status.findData("confirmed"))
    assert model.rowCount() == CLAIMS // 4 and model.ids[0] == "C0996"
    type_into(qtbot, table.least, "10,500")
    type_into(qtbot, table.most, "10,600.00")
    table.apply_filter()  # (the debounce timer would, a moment later)
    assert model.ids == [f"C{n:04d}" for n in range(600, 499, -4)]
    type_into(qtbot, table.most, "10,600.001")
    table.apply_filter()
    assert table.problem.isVisible()  # a third decimal is not an amount in yuan
    for edit in (table.least, table.most):
        type_into(qtbot, edit, "")
    table.status.setCurrentIndex(0)
    type_into(qtbot, table.search, "张")
    table.apply_filter()
    assert model.rowCount() == CLAIMS // 10
    assert all(model.row(n).creditor_name == "张*" for n in range(model.rowCount()))
    # the review queue: claims awaiting review first
    type_into(qtbot, table.search, "")
    table.set_case(CASE, ClaimFilter(sort=QUEUE))
    statuses = [model.row(n).status for n in range(model.rowCount())]
    assert statuses == ["declared"] * (CLAIMS - CLAIMS // 4) + ["confirmed"] * (CLAIMS // 4)
