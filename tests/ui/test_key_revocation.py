"""Revoking or replacing one's key from the desk (ui.key_revocation, opened from the settings
dialog) on a running desk and a real embedded node, and the Verify page's "signed before the
key was revoked"."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desk.embedded import LocalNode
from desk.network import NetworkThread
from desk.rotation import revoke_key
from desk.verify import Level, Verdict, deposit_state, evidence_statement
from desk.verify.findings import Revocation
from ledger.errors import WrongPassphraseError
from ledger.keys import SigningKey
from ledger.statement import open_entry
from tests.chain_node.conftest import Client
from tests.ui.conftest import PASSPHRASE, enrol, flush_deletes, make_profile, type_into, wait_online
from ui.i18n import Translations
from ui.key_revocation import KeyRevocationDialog
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def desk_with_key(
    qtbot, home: Path, node: LocalNode, source_language: None
) -> Iterator[Callable[..., object]]:
    """Opens a running desk whose profile has a key file under PASSPHRASE (revoke_key unlocks
    it again), enrolled and online; closes it at the end."""
    from ui.app import Desk

    desks: list[Desk] = []

    def make(name: str = "mediator", display_name: str = "王调解员") -> Desk:
        profile, key = make_profile(home, name, display_name, passphrase=PASSPHRASE)
        network = NetworkThread(name=f"jcd-network-{name}").start()
        try:
            enrol(profile, key, network, node.url)
            desk = Desk.open(profile, key, network, home=home)
        except BaseException:
            network.stop()
            raise
        desks.append(desk)
        desk.window.show()
        qtbot.waitExposed(desk.window)
        wait_online(qtbot, desk)
        return desk

    yield make
    for desk in desks:
        with contextlib.suppress(Exception):
            desk.close()
    flush_deletes()


def settings_of(qtbot, qapp: QApplication, desk) -> SettingsDialog:
    """The settings dialog as the main window opens it (the running desk's loop and node)."""
    session = desk.session
    dialog = SettingsDialog(
        session.profile,
        Translations.of(qapp) or Translations(qapp),
        desk.window,
        network=session.network,
        node_url=session.client.config.url,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(qtbot, dialog: KeyRevocationDialog, reason: str, passphrase: str) -> None:
    type_into(qtbot, dialog.reason_edit, reason)
    type_into(qtbot, dialog.passphrase_edit, passphrase)
    assert dialog.run_button.isEnabled()
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.running and not dialog.close_button.isEnabled()  # off the GUI thread
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)


def node_client(node: LocalNode, origin: str) -> Client:
    """A node connection logged in as a fresh enrolled observer (identity.get needs a login)."""
    from tests.chain_node.conftest import enrol_entry

    observer = SigningKey.generate()
    c = Client(node.url)
    assert c.call("auth.enrol", entry=enrol_entry(observer, origin, "observer"))["status"] == (
        "approved"
    )
    c.login(observer, origin)
    return c


def test_replacing_the_key_from_the_desk(qtbot, qapp, node, desk_with_key) -> None:
    desk = desk_with_key()
    session = desk.session
    old = session.key
    origin = session.origin
    settings = settings_of(qtbot, qapp, desk)
    assert settings.revoke_button.isVisible() and settings.revoke_button.isEnabled()
    dialog = settings.open_revocation()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.intro.text()
    assert "Electronic Signature Law Art. 15" in text and "stay valid" in text
    assert dialog.replace_button.isChecked() and dialog.run_button.text() == "Replace my key"
    assert not dialog.run_button.isEnabled()  # no reason, no passphrase yet

    with qtbot.waitSignal(dialog.done, timeout=60_000) as done:
        run(qtbot, dialog, "new computer", PASSPHRASE)
    outcome = done.args[0]
    assert dialog.error is None and dialog.outcome is outcome
    assert outcome.old_vkey == old.vkey and outcome.successor and outcome.enrolment == "approved"

    # the node: the old key revoked with the new one as successor, the new one enrolled under
    # the same name and role
    c = node_client(node, origin)
    revoked = c.call("identity.get", vkey=old.vkey)
    assert revoked["status"] == "revoked" and revoked["successor"] == outcome.new_vkey
    assert revoked["revocation"]["index"] == outcome.revoked_index
    assert open_entry(revoked["revocation"]["entry"]).statement.body["reason"] == "new computer"
    enrolled = c.call("identity.get", vkey=outcome.new_vkey)
    assert enrolled["status"] == "approved"
    body = open_entry(enrolled["enrol"]["entry"]).statement.body
    assert body["name"] == "王调解员" and body["role"] == "mediator"

    # on disk: the profile holds the new key, the old one is kept
    profile = session.profile
    assert SigningKey.load(profile.key_path, PASSPHRASE).vkey == outcome.new_vkey
    assert SigningKey.load(outcome.kept_as, PASSPHRASE).vkey == old.vkey

    # the words: the index, the new key, the restart; the settings show the new key
    said = dialog.result.text()
    new_id = SigningKey.load(profile.key_path, PASSPHRASE).key_id
    assert f"#{outcome.revoked_index}" in said and new_id in said
    assert "start it again" in said and outcome.kept_as.name in said
    assert dialog.quit_button.isVisible() and not dialog.run_button.isVisible()
    assert settings.key_id_edit.text() == new_id and not settings.revoke_button.isEnabled()

    # "Close the desk now" closes the dialogs and the main window
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not desk.window.isVisible())
    assert not settings.isVisible()


def test_revoke_only_names_no_successor(qtbot, qapp, node, desk_with_key) -> None:
    desk = desk_with_key()
    old = desk.session.key
    origin = desk.session.origin
    dialog = settings_of(qtbot, qapp, desk).open_revocation()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # on the indicator: a radio button takes clicks on its indicator and label only
    indicator = QPoint(8, dialog.revoke_button.height() // 2)
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton, pos=indicator)
    assert dialog.revoke_button.isChecked(), "click"
    assert dialog.run_button.text() == "Revoke my key"
    run(qtbot, dialog, "laptop stolen", PASSPHRASE)
    outcome = dialog.outcome
    assert outcome is not None and not outcome.successor and outcome.enrolment == ""
    answer = node_client(node, origin).call("identity.get", vkey=old.vkey)
    assert answer["status"] == "revoked" and "successor" not in answer
    assert "another name" in dialog.result.text()


def test_a_wrong_passphrase_changes_nothing(qtbot, qapp, node, desk_with_key) -> None:
    desk = desk_with_key()
    session = desk.session
    old = session.key
    profile = session.profile
    dialog = settings_of(qtbot, qapp, desk).open_revocation()
    assert dialog is not None
    run(qtbot, dialog, "new computer", "not the passphrase")
    assert isinstance(dialog.error, WrongPassphraseError) and dialog.outcome is None
    said = dialog.result.text()
    assert "Wrong passphrase" in said and "Nothing was changed" in said
    # may be typed again at once
    assert dialog.passphrase_edit.isEnabled() and dialog.run_button.isEnabled()
    assert SigningKey.load(profile.key_path, PASSPHRASE).vkey == old.vkey
    assert not list(profile.folder.glob("identity.key.*"))
    answer = node_client(node, session.origin).call("identity.get", vkey=old.vkey)
    assert answer["status"] == "approved"
    # the desk still signs with its key, and the node takes it
    path_digest = hashlib.sha256(b"still mine").hexdigest()
    entry = session.record(evidence_statement(session, [("still.pdf", path_digest, 10)], ""))
    qtbot.waitUntil(
        lambda: deposit_state(session.store, entry.leaf_hash).state == "confirmed",
        timeout=30_000,
    )


def test_verify_page_says_signed_before_the_key_was_revoked(
    qtbot, qapp, node, desk_with_key, tmp_path
) -> None:
    desk = desk_with_key()
    session = desk.session
    path = tmp_path / "调解协议.pdf"
    path.write_bytes(b"%PDF agreement " + os.urandom(500))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    entry = session.record(
        evidence_statement(session, [(path.name, digest, path.stat().st_size)], "")
    )
    qtbot.waitUntil(
        lambda: deposit_state(session.store, entry.leaf_hash).state == "confirmed",
        timeout=30_000,
    )
    # revoked beside the running desk, as the dialog does (an op on the desk's loop)
    done = session.network.submit(
        revoke_key(session.profile, PASSPHRASE, session.client.config.url, "new", rotate=True)
    ).result(60)
    assert session.revoked_keys() == {session.key.vkey: done.revoked_index}

    page = desk.window.verify_page
    with qtbot.waitSignal(page.checked, timeout=30_000) as checked:
        page.open_file(path)
    report = checked.args[0]
    (finding,) = report.findings
    assert finding.signer is not None and finding.signer.revoked_at == done.revoked_index
    assert finding.index is not None and finding.index < done.revoked_index
    assert finding.revocation is Revocation.BEFORE
    assert finding.level is Level.PROVEN and report.verdict is Verdict.PROVEN
    text = page.details.toPlainText()
    assert "Key revoked" in text and "signed before the key was revoked: valid" in text
    assert f"#{done.revoked_index}" in text and "Art. 15" in text

    # an entry at or after the revocation (the node never accepts one) and one not logged
    after = replace(finding, index=done.revoked_index + 3, level=Level.FAILED)
    page.show_report(replace(report, findings=(after,)))
    text = page.details.toPlainText()
    assert after.revocation is Revocation.AFTER and "is not below it" in text
    unlogged = replace(finding, index=None, level=Level.PENDING)
    page.show_report(replace(report, findings=(unlogged,)))
    assert "the chain node will refuse it" in page.details.toPlainText()

    # the same, offline (no network thread): from the revocations the store holds
    desk.sync.cancel()
    session.network.stop()
    with qtbot.waitSignal(page.checked, timeout=30_000) as offline:
        page.start_check()
    (again,) = offline.args[0].findings
    assert again.revocation is Revocation.BEFORE
    assert "signed before the key was revoked" in page.details.toPlainText()


def test_a_node_out_of_reach_revokes_nothing_and_says_so(qtbot, qapp, node, desk_with_key) -> None:
    desk = desk_with_key()
    session = desk.session
    old = session.key
    profile = session.profile
    # the same desk, asking a node that is not there (a closed port on loopback)
    dialog = KeyRevocationDialog(profile, session.network, "ws://127.0.0.1:9", desk.window)
    qtbot.addWidget(dialog)
    dialog.show()
    run(qtbot, dialog, "new computer", PASSPHRASE)
    assert dialog.outcome is None and dialog.error is not None
    said = dialog.result.text()
    assert "Your key was not revoked" in said and "still signs with it" in said
    assert "a new key was made" in said  # identity.key.next, kept for the next try
    assert (profile.folder / "identity.key.next").exists()
    assert SigningKey.load(profile.key_path, PASSPHRASE).vkey == old.vkey
    answer = node_client(node, session.origin).call("identity.get", vkey=old.vkey)
    assert answer["status"] == "approved"
    assert dialog.run_button.isEnabled()  # may be tried again
    prepared = SigningKey.load(profile.folder / "identity.key.next", PASSPHRASE).vkey

    # tried again with the node in reach: the key made the first time becomes the new key
    dialog.node_url = session.client.config.url
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.outcome is not None and dialog.outcome.new_vkey == prepared
    assert SigningKey.load(profile.key_path, PASSPHRASE).vkey == prepared
