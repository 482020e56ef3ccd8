"""The Desk menu backs up the open profile and restores a backup as a new profile, off the GUI
thread, and says what it did in the user's language (real node, real files)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from desk import backup
from ledger.profile import Profile
from tests.ui.conftest import PASSPHRASE, wait_online
from ui.i18n import Translations


@pytest.fixture
def chinese(qapp) -> Iterator[Translations]:
    installed = Translations(qapp)
    installed.install("zh_CN")
    yield installed
    installed.remove()
    installed.setParent(None)
    installed.deleteLater()
    QCoreApplication.sendPostedEvents()


def visible_box(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def test_back_up_and_restore_from_the_desk_menu(qtbot, open_desk, home: Path, chinese) -> None:
    desk = open_desk("mediator", "王调解员")
    wait_online(qtbot, desk)
    window = desk.window
    session = window.session
    session.key.save(session.profile.key_path, PASSPHRASE)  # open_desk keeps no key file
    assert window.backup_action.text() == "备份档案(&B)…"
    body = {"documents": [{"name": "借条.jpg", "sha256": "5" * 64, "size": 1}]}
    window.record(session.statement("evidence.deposited", "", body))
    target = home.parent / "mediator.jcdbackup"
    actions = window.backup
    gui = threading.get_ident()
    ran_on: list[int] = []
    real_backup = backup.backup

    def spy(*args, **kwargs):
        ran_on.append(threading.get_ident())
        return real_backup(*args, **kwargs)

    # a wrong passphrase: the error is shown in Chinese and no file is written
    actions.ask_backup_file = lambda: str(target)
    actions.ask_passphrase = lambda question: "not the passphrase"
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: visible_box("errorDialog") is not None, timeout=30_000)
    box = visible_box("errorDialog")
    assert box.text().startswith("口令错误")
    box.close()
    assert not target.exists()
    qtbot.waitUntil(window.backup_action.isEnabled)

    # the right one: the backup runs on a worker thread and the window says where it went
    actions.ask_passphrase = lambda question: PASSPHRASE
    backup.backup, restore_backup = spy, backup.backup
    try:
        with qtbot.waitSignal(actions.done, timeout=30_000) as said:
            window.backup_action.trigger()
            assert not window.backup_action.isEnabled()  # one at a time
    finally:
        backup.backup = restore_backup
    assert ran_on and ran_on[0] != gui
    assert target.exists() and str(target) in said.args[0]
    assert said.args[0].startswith("档案 mediator 已备份到")
    actions.message.close()
    info, files = backup.read_backup(target, PASSPHRASE)
    assert files["settings.json"] == session.profile.settings_path.read_bytes()
    assert info.key_id == session.key.key_id and info.entries == 1

    # restore as a new profile; over the open one it refuses, in Chinese
    actions.ask_backup_to_restore = lambda: str(target)
    actions.ask_profile_name = lambda: "mediator"
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: visible_box("errorDialog") is not None, timeout=30_000)
    assert "已有数据" in visible_box("errorDialog").text()
    visible_box("errorDialog").close()
    assert session.profile.is_set_up  # untouched
    actions.ask_profile_name = lambda: "bad name/"
    window.restore_action.trigger()
    assert "档案名称只能使用" in actions.message.text()
    actions.message.close()
    actions.ask_profile_name = lambda: "restored"
    with qtbot.waitSignal(actions.done, timeout=30_000) as said:
        window.restore_action.trigger()
    assert "已恢复为档案 restored" in said.args[0]
    actions.message.close()
    restored = Profile.named("restored", home=home)
    assert restored.is_set_up and restored.data_key_path.exists()
    assert QThreadPool.globalInstance().waitForDone(10_000)
