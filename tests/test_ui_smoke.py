"""The window opens on a real profile store, offscreen, and shows what the log holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from ledger.keys import SigningKey
from ledger.profile import Profile
from ledger.statement import build_statement
from ledger.store.append import sign_and_append
from ledger.store.store import Store
from ui.main_window import MainWindow


def test_main_window_lists_pending_entries(qtbot, tmp_path: Path) -> None:
    profile = Profile.named("p", home=tmp_path)
    store = Store.open(profile.database_url())
    key = SigningKey.generate()
    statement = build_statement(
        log="x.example/log",
        type="evidence.deposited",
        case="",
        actor=key.vkey,
        time=datetime(2026, 11, 27, tzinfo=UTC),
        body={"documents": [{"name": "a.pdf", "sha256": "a" * 64, "size": 1}]},
    )
    with store.transaction() as session:
        sign_and_append(session, store.projections, key, statement)
    store.close()
    window = MainWindow(profile)
    qtbot.addWidget(window)
    model = window.table.model()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "evidence.deposited"
    assert model.index(0, 3).data() == "pending"
