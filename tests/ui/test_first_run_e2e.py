"""Issue 4, must show, in one walk: a new user goes through the first-run wizard, the profile
is created and enrolled with the embedded node, the main window opens, one statement is signed,
it shows pending and then confirmed, and the outbox empties. Offscreen, real node, real store."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtWidgets import QDialog, QWizard

from desk.network import NetworkThread
from tests.ui.test_shell import evidence, hold_network, outbox_cell, seq_of
from tests.ui.test_wizard import click, source_texts, wait_state, walk_to_enrol  # noqa: F401
from ui.app import Desk
from ui.pages.chain_page import OutboxModel
from ui.wizard import FirstRunWizard


def test_wizard_to_a_confirmed_statement(qtbot, tmp_path: Path) -> None:
    network = NetworkThread().start()
    wizard = FirstRunWizard(tmp_path, network)
    qtbot.addWidget(wizard)
    wizard.show()
    desk = None
    try:
        walk_to_enrol(qtbot, wizard)
        wait_state(qtbot, wizard, "approved", "pending", "failed")
        assert wizard.enrol_page.state == "approved"
        click(wizard, QWizard.WizardButton.FinishButton)
        assert wizard.result() == QDialog.DialogCode.Accepted
        assert wizard.profile is not None and wizard.key is not None
        desk = Desk.open(
            wizard.profile, wizard.key, network, local_node=wizard.local_node, home=tmp_path
        )
        desk.window.show()
        qtbot.waitExposed(desk.window)
        bar = desk.window.status
        qtbot.waitUntil(lambda: bar.status.state == "online", timeout=30_000)
        assert bar.status.auto_approve  # the embedded node approves by itself, and says so

        release = hold_network(desk)
        try:
            entry = desk.window.record(evidence(desk, "首份存证.pdf"))
            seq = seq_of(desk, entry.leaf_hash)
            qtbot.waitUntil(lambda: outbox_cell(desk, seq, OutboxModel.STATUS) == "pending")
        finally:
            release.set()
        qtbot.waitUntil(
            lambda: outbox_cell(desk, seq, OutboxModel.STATUS) == "confirmed", timeout=30_000
        )
        assert outbox_cell(desk, seq, OutboxModel.ON_CHAIN)  # the cosignature time
        qtbot.waitUntil(lambda: bar.waiting == 0, timeout=10_000)  # the outbox is empty
    finally:
        if desk is not None:
            desk.close()
        else:
            if wizard.local_node is not None:
                wizard.local_node.stop()
            with contextlib.suppress(Exception):
                network.stop()
