"""Fixtures for GUI tests over the real thing: an embedded node in ``tmp_path``, enrolled
profiles, and desks (``ui.app.Desk``) with their network thread and main window.

Nothing here mocks the node or the store. Fixtures that start something stop it, node last.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QEvent, QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from desk.embedded import LocalNode, start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from ledger.keys import SigningKey
from ledger.profile import EMBEDDED, Profile, Settings, embedded_node_folder

PASSPHRASE = "correct horse battery staple 马"

THREAD_WORDS = (
    "thread",
    "QObject",
    "Cannot create children",
    "QBasicTimer",
    "QSocketNotifier",
    "QPixmap",
    "killTimer",
    "startTimer",
    "moveToThread",
)


def wait_reads(qtbot, timeout: int = 10_000) -> None:
    """Wait until no case page is reading its case (case pages read off the GUI thread, in an
    ``Op``, and show the case when the read is back)."""
    from ui.mediation.case_page import CasePage

    def idle() -> bool:
        pages = [w for w in QApplication.allWidgets() if isinstance(w, CasePage)]
        return not any(page.reading for page in pages)

    qtbot.waitUntil(idle, timeout=timeout)


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Type ``text`` into ``edit`` as a user does: focus, select what is there (Ctrl+A), then
    one event per character, so validators and ``textEdited`` run as they do for a person.

    ASCII goes as key presses (``qtbot.keyClick``); any other character (full-width digits,
    Chinese) is committed the way an input method commits it (``QInputMethodEvent``): QTest
    has no key for it.
    """
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if not text:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            qtbot.keyClick(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)


class QtMessages:
    """Every message Qt logs while installed (``qt_messages`` fixture)."""

    def __init__(self) -> None:
        self.messages: list[tuple[QtMsgType, str]] = []

    def __call__(self, kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        self.messages.append((kind, message))

    def thread_trouble(self) -> list[str]:
        return [
            text
            for kind, text in self.messages
            if kind != QtMsgType.QtDebugMsg and any(w.lower() in text.lower() for w in THREAD_WORDS)
        ]


@pytest.fixture
def qt_messages() -> Iterator[QtMessages]:
    recorder = QtMessages()
    previous = qInstallMessageHandler(recorder)
    try:
        yield recorder
    finally:
        qInstallMessageHandler(previous)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder for this test (``JCDESK_HOME``): profiles and the embedded node."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("JCDESK_HOME", str(folder))
    monkeypatch.delenv("JCDESK_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def node(home: Path) -> Iterator[LocalNode]:
    """The embedded node of ``home``, auto-approving, stopped at the end."""
    local = start_or_attach(embedded_node_folder(home))
    yield local
    local.stop()


@pytest.fixture
def source_language(qapp: QApplication) -> Iterator[None]:
    """Show the English source texts: take out any translator an earlier test installed."""
    from ui.i18n import Translations

    for translations in qapp.findChildren(Translations):
        translations.remove()
    yield
    for translations in qapp.findChildren(Translations):
        translations.remove()


def make_profile(
    home: Path,
    name: str,
    display_name: str,
    role: str = "mediator",
    *,
    key: SigningKey | None = None,
    passphrase: str | None = None,
) -> tuple[Profile, SigningKey]:
    """A profile folder with settings (embedded chain) and, with ``passphrase``, a key file."""
    profile = Profile.named(name, home)
    profile.save_settings(Settings(display_name=display_name, role=role, chain=EMBEDDED))
    key = key or SigningKey.generate()
    if passphrase is not None:
        key.save(profile.key_path, passphrase)
    return profile, key


def enrol(profile: Profile, key: SigningKey, network: NetworkThread, url: str) -> None:
    """Enrol ``key`` with the node at ``url`` the way the wizard does, and hang up."""
    session = DeskSession.open(profile, key, network, url)
    try:
        answer = session.enrol().result(30)
        assert answer["status"] == "approved", answer
    finally:
        rpc = session.client.rpc
        if rpc is not None:
            network.submit(rpc.close()).result(10)
        session.close()


@pytest.fixture
def open_desk(qtbot, home: Path, node: LocalNode) -> Iterator[Callable[..., object]]:
    """Opens enrolled desks (``ui.app.Desk``) on ``node``; closes them all at the end."""
    from ui.app import Desk

    desks: list[Desk] = []

    def make(name: str, display_name: str, role: str = "mediator", **kwargs: object) -> Desk:
        profile, key = make_profile(home, name, display_name, role)
        network = NetworkThread(name=f"jcd-network-{name}").start()
        try:
            enrol(profile, key, network, node.url)
            desk = Desk.open(profile, key, network, home=home, **kwargs)  # type: ignore[arg-type]
        except BaseException:
            network.stop()
            raise
        desks.append(desk)
        desk.window.show()
        qtbot.waitExposed(desk.window)
        return desk

    yield make
    for desk in desks:
        with contextlib.suppress(Exception):
            desk.close()
    flush_deletes()


def flush_deletes() -> None:
    """Delete the widgets closed with ``deleteLater`` now, and collect what they held."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


def wait_online(qtbot, desk: object, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: desk.window.status.status.state == "online", timeout=timeout)  # type: ignore[attr-defined]
