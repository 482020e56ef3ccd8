"""The first-run wizard, the unlock dialog and the settings dialog, offscreen, against a real
embedded node and real profile folders in tmp_path (nothing mocked)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWizard

from desk.embedded import LocalNode, start_or_attach
from desk.network import NetworkThread
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings, list_profiles
from ui import passphrase as pp
from ui.i18n import Translations
from ui.settings_dialog import SettingsDialog
from ui.unlock import UnlockDialog
from ui.wizard import (
    STAGING_PREFIX,
    FirstRunWizard,
    chain_address_problem,
    profile_name_problem,
    suggest_profile_name,
)

PASSPHRASE = "调解 needs a long passphrase"
ENROL_TIMEOUT_MS = 20_000


@pytest.fixture(autouse=True)
def source_texts(qapp) -> Iterator[None]:
    """These tests read the English source texts: take out translators other tests left."""
    for translations in qapp.findChildren(Translations):
        translations.remove()
    yield


@pytest.fixture
def network() -> Iterator[NetworkThread]:
    thread = NetworkThread().start()
    yield thread
    thread.stop()


@pytest.fixture
def make_wizard(qtbot, tmp_path: Path, network: NetworkThread) -> Iterator:
    made: list[FirstRunWizard] = []

    def make(home: Path = tmp_path) -> FirstRunWizard:
        wizard = FirstRunWizard(home, network)
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        if wizard.isVisible():
            wizard.reject()
        if wizard.local_node is not None:
            wizard.local_node.stop()


def click(wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{which} is disabled on {type(wizard.currentPage()).__name__}"
    button.click()


def fill_profile(wizard: FirstRunWizard, name: str = "王调解员", role: str = "mediator") -> None:
    assert wizard.currentPage() is wizard.profile_page
    wizard.profile_page.display_name_edit.setText(name)
    wizard.profile_page.set_role(role)


def fill_key(wizard: FirstRunWizard, passphrase: str = PASSPHRASE) -> None:
    page = wizard.key_page
    assert wizard.currentPage() is page
    page.passphrase_edit.setText(passphrase)
    page.repeat_edit.setText(passphrase)
    page.create_button.click()
    assert page.key is not None


def walk_to_enrol(qtbot, wizard: FirstRunWizard, chain: str = "") -> None:
    click(wizard, QWizard.WizardButton.NextButton)
    fill_profile(wizard)
    click(wizard, QWizard.WizardButton.NextButton)
    fill_key(wizard)
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.node_page
    if chain:
        wizard.node_page.form.remote_radio.setChecked(True)
        wizard.node_page.form.address_edit.setText(chain)
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.enrol_page


def wait_state(qtbot, wizard: FirstRunWizard, *states: str) -> None:
    qtbot.waitUntil(lambda: wizard.enrol_page.state in states, timeout=ENROL_TIMEOUT_MS)


def staging_folders(home: Path) -> list[Path]:
    return list((home / "profiles").glob(STAGING_PREFIX + "*"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- the whole walk ---------------------------------------------------------------------------


def test_wizard_creates_an_enrolled_profile(qtbot, make_wizard, tmp_path: Path) -> None:
    wizard = make_wizard()
    walk_to_enrol(qtbot, wizard)
    page = wizard.enrol_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert page.state in ("node", "prepare", "enrol")  # the GUI thread was never blocked
    wait_state(qtbot, wizard, "approved", "pending", "failed")
    assert page.state == "approved", page.status_label.text()
    assert "approves new keys automatically" in page.note_label.text()
    assert finish.isEnabled()
    assert not (tmp_path / "profiles" / "王调解员").exists()  # nothing in place before Finish

    click(wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    profile = wizard.profile
    assert profile is not None and profile.folder == tmp_path / "profiles" / "王调解员"
    assert profile.is_set_up and profile.database_path.exists()
    settings = json.loads(profile.settings_path.read_text("utf-8"))
    assert settings["display_name"] == "王调解员"
    assert settings["role"] == "mediator"
    assert settings["chain"] == "embedded"
    assert settings["language"] == "zh_CN"
    loaded = SigningKey.load(profile.key_path, PASSPHRASE)
    assert wizard.key is not None and loaded.vkey == wizard.key.vkey
    assert wizard.enrolment["status"] == "approved"
    assert isinstance(wizard.local_node, LocalNode)
    assert [p.name for p in list_profiles(tmp_path)] == ["王调解员"]
    assert staging_folders(tmp_path) == []

    # a second wizard on the same machine refuses the name and attaches to the same node
    second = make_wizard()
    click(second, QWizard.WizardButton.NextButton)
    second.profile_page.display_name_edit.setText("王调解员")
    assert second.profile_page.profile_name() == "王调解员-2"
    second.profile_page.profile_name_edit.setText("王调解员")
    assert not second.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "already exists" in second.profile_page.problem_label.text()


def test_key_page_refuses_weak_short_and_mismatched(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    click(wizard, QWizard.WizardButton.NextButton)
    fill_profile(wizard)
    click(wizard, QWizard.WizardButton.NextButton)
    page = wizard.key_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    for typed, repeated, says in [
        ("short", "short", "at least 8 characters"),
        ("12345678", "12345678", "too easy to guess"),
        ("password", "password", "too easy to guess"),
        ("a fine long passphrase", "a fine long passphrase!", "do not match"),
    ]:
        page.passphrase_edit.setText(typed)
        page.repeat_edit.setText(repeated)
        page.create_button.click()
        assert page.key is None
        assert not next_button.isEnabled()
        assert page.problem_label.isVisible()
        assert says in page.problem_label.text()

    page.passphrase_edit.setText("short")
    assert page.strength_words.text() == "weak"
    page.passphrase_edit.setText("mediator")
    assert page.strength_words.text() == "fair"
    page.passphrase_edit.setText(PASSPHRASE)
    assert page.strength_words.text() == "strong"
    assert page.strength_bar.value() == 100
    page.repeat_edit.setText(PASSPHRASE)
    assert not page.problem_label.isVisible()
    page.create_button.click()
    assert page.key is not None
    assert page.key_id_edit.isVisible() and page.key_id_edit.text() == page.key.key_id
    assert next_button.isEnabled()
    page.repeat_edit.setText(PASSPHRASE + "x")  # changed after the key was made: refused again
    assert not next_button.isEnabled()


def test_cancel_leaves_no_profile_folder(qtbot, make_wizard, tmp_path: Path) -> None:
    wizard = make_wizard()
    walk_to_enrol(qtbot, wizard)
    wait_state(qtbot, wizard, "approved")
    assert len(staging_folders(tmp_path)) == 1  # prepared, not yet in place
    node = wizard.enrol_page.local_node
    assert node is not None and node.owned is not None
    click(wizard, QWizard.WizardButton.CancelButton)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert wizard.profile is None and wizard.local_node is None
    assert list_profiles(tmp_path) == []
    assert staging_folders(tmp_path) == []
    assert node.owned is None  # the wizard stopped the node it started


def test_cancel_while_enrolling_cleans_up_later(qtbot, make_wizard, tmp_path: Path) -> None:
    wizard = make_wizard()
    walk_to_enrol(qtbot, wizard)
    starting = wizard.enrol_page._node_future
    assert starting is not None and not starting.done()
    click(wizard, QWizard.WizardButton.CancelButton)  # the node is still starting
    # the node comes up after the wizard has gone, and is stopped at once
    qtbot.waitUntil(lambda: starting.done(), timeout=ENROL_TIMEOUT_MS)
    qtbot.waitUntil(lambda: starting.result().owned is None, timeout=ENROL_TIMEOUT_MS)
    assert wizard.local_node is None
    assert staging_folders(tmp_path) == []
    assert list_profiles(tmp_path) == []


def test_unreachable_node_then_pending_at_a_court_node(qtbot, make_wizard, tmp_path: Path) -> None:
    wizard = make_wizard()
    walk_to_enrol(qtbot, wizard, chain=f"ws://127.0.0.1:{free_port()}/")
    page = wizard.enrol_page
    wait_state(qtbot, wizard, "failed", "approved", "pending")
    assert page.state == "failed"
    assert "cannot be reached" in page.status_label.text()
    assert page.retry_button.isVisible()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    page.retry_button.click()
    wait_state(qtbot, wizard, "failed")
    assert len(staging_folders(tmp_path)) == 1  # the first try's folder went with Retry

    # Back to the chain page: a court's node that waits for its operator
    court = start_or_attach(tmp_path / "court-node", auto_approve=False)
    try:
        click(wizard, QWizard.WizardButton.BackButton)
        assert staging_folders(tmp_path) == []
        wizard.node_page.form.address_edit.setText(court.url)
        click(wizard, QWizard.WizardButton.NextButton)
        wait_state(qtbot, wizard, "pending", "approved", "failed")
        assert page.state == "pending", page.status_label.text()
        key_id = wizard.key_page.key.key_id
        assert f"must approve key {key_id}" in page.status_label.text()
        click(wizard, QWizard.WizardButton.FinishButton)
        assert wizard.enrolment["status"] == "pending"
        assert wizard.local_node is None  # no embedded node was started
        settings = wizard.profile.load_settings()
        assert settings.chain == court.url
    finally:
        court.stop()


# -- pieces -----------------------------------------------------------------------------------


def test_profile_names(tmp_path: Path) -> None:
    assert suggest_profile_name("", tmp_path) == "default"
    assert suggest_profile_name("  Wang Fang ", tmp_path) == "Wang-Fang"
    assert suggest_profile_name("李/四:", tmp_path) == "李四"
    assert suggest_profile_name("...", tmp_path) == "default"
    Profile.named("default", home=tmp_path).save_settings(Settings())
    assert suggest_profile_name("", tmp_path) == "default-2"
    assert profile_name_problem("default", tmp_path) == "exists"
    assert profile_name_problem("DEFAULT", tmp_path) == "exists"
    assert profile_name_problem("..", tmp_path) == "invalid"
    assert profile_name_problem("a/b", tmp_path) == "invalid"
    assert profile_name_problem("con", tmp_path) == "reserved"
    assert profile_name_problem("", tmp_path) == "empty"
    assert profile_name_problem("调解-1", tmp_path) is None


def test_chain_addresses() -> None:
    assert chain_address_problem("wss://chain.court.example/ws") is None
    assert chain_address_problem("ws://127.0.0.1:8765") is None
    assert chain_address_problem("") == "empty"
    assert chain_address_problem("https://chain.court.example") == "scheme"
    assert chain_address_problem("chain.court.example") == "scheme"
    assert chain_address_problem("wss://") == "host"
    assert chain_address_problem("ws://host:99999") == "host"


def test_chain_form_pins(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    form = wizard.node_page.form
    assert form.problem() is None and form.chain() == "embedded"
    form.remote_radio.setChecked(True)
    assert "address" in (form.problem() or "")
    form.address_edit.setText("http://chain.court.example")
    assert "ws://" in (form.problem() or "")
    form.address_edit.setText("ws://chain.court.example/ws")
    assert form.problem() is None
    assert form.warning_label.isVisibleTo(form)  # ws:// across a network: not encrypted
    form.log_key_edit.setText("not-a-key")
    assert "verifier key" in (form.problem() or "")
    form.log_key_edit.setText(SigningKey.generate("court.example/log").vkey)
    form.witness_edit.setPlainText(SigningKey.generate("witness").vkey + "\nbroken")
    assert "Witness key 2" in (form.problem() or "")
    form.witness_edit.setPlainText(SigningKey.generate("witness").vkey)
    assert form.problem() is None
    assert len(form.pinned_witness_vkeys()) == 1


def test_passphrase_strength() -> None:
    assert pp.assess("").level is pp.Level.EMPTY
    assert pp.assess("abc").level is pp.Level.WEAK
    assert pp.assess("abcdefgh").level is pp.Level.WEAK  # a run
    assert pp.assess("aaaaaaaaaaaa").level is pp.Level.WEAK
    assert pp.assess("Password").level is pp.Level.WEAK  # a well-known one
    assert pp.assess("mediator").level is pp.Level.FAIR
    assert pp.assess("调解协议已经签署").level is pp.Level.STRONG
    assert pp.assess("Tr0ub4dor&3-horse").level is pp.Level.STRONG
    assert pp.problem("abc", "abc") is pp.Problem.TOO_SHORT
    assert pp.problem("mediator", "mediatoR") is pp.Problem.MISMATCH
    assert pp.problem("mediator", "mediator") is None


# -- unlock -----------------------------------------------------------------------------------


def make_profile(home: Path, passphrase: str = PASSPHRASE) -> tuple[Profile, SigningKey]:
    profile = Profile.named("p", home=home)
    profile.save_settings(Settings(display_name="张三", role="party"))
    key = SigningKey.generate()
    key.save(profile.key_path, passphrase)
    return profile, key


def test_unlock_wrong_then_right_passphrase(qtbot, tmp_path: Path) -> None:
    profile, key = make_profile(tmp_path)
    dialog = UnlockDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key_value.text() == key.key_id  # read from the file, before unlocking
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.passphrase_edit, "not the passphrase")
    ok.click()
    assert dialog.isVisible() and dialog.key is None
    assert dialog.error_label.isVisible()
    assert "Wrong passphrase" in dialog.error_label.text()
    dialog.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        ok.click()
    assert dialog.key is not None and dialog.key.vkey == key.vkey
    assert dialog.attempts == 2


def test_unlock_damaged_key_file(qtbot, tmp_path: Path) -> None:
    profile, _ = make_profile(tmp_path)
    data = bytearray(profile.key_path.read_bytes())
    data[-40] ^= 0x01
    profile.key_path.write_bytes(bytes(data))
    dialog = UnlockDialog(profile)
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.key is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "damaged" in dialog.error_label.text()
    assert "Wrong passphrase" not in dialog.error_label.text()


# -- settings ---------------------------------------------------------------------------------


def test_settings_dialog_shows_the_key_and_saves_the_chain(qtbot, tmp_path: Path) -> None:
    profile, key = make_profile(tmp_path)
    translations = Translations(QApplication.instance())
    try:
        dialog = SettingsDialog(profile, translations)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.key_id_edit.text() == key.key_id
        assert dialog.vkey_edit.text() == key.vkey and dialog.vkey_edit.isReadOnly()
        dialog.copy_button.click()
        assert QApplication.clipboard().text() == key.vkey
        assert not dialog.restart_label.isVisible()
        dialog.chain_form.remote_radio.setChecked(True)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no address yet
        dialog.chain_form.address_edit.setText("wss://chain.court.example/ws")
        assert ok.isEnabled()
        assert dialog.restart_label.isVisible()
        assert "next start" in dialog.restart_label.text()
        ok.click()
        assert profile.load_settings().chain == "wss://chain.court.example/ws"
        assert profile.load_settings().display_name == "张三"  # the rest is kept
    finally:
        translations.remove()
        translations.setParent(None)
        translations.deleteLater()
