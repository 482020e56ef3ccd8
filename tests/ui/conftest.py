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
HERE = Path(__file__).parent

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


# -- Qt objects left to the cyclic garbage collector ---------------------------------------------
#
# A widget that Python owns (made without a parent) is deleted when its last reference goes. If a
# reference cycle holds it, that happens only when the collector runs, which can be at any
# allocation: inside a slot, a model's data(), a paint, while Qt is in the middle of using that
# very widget or its children, or while PySide is converting a list of widgets
# (``QApplication.allWidgets()``). Qt then touches freed memory and the process dies (it did, about
# one run in seven, see the README). The usual cycle: a caught exception kept in a local or an
# attribute; its traceback holds the frame that holds it, and through ``f_back`` every calling
# frame up to the test, with the test's widgets in its locals.
#
# So during a GUI test the collector does not run by itself, and after the test body one
# collection finds what only a cycle still held: a live Python-owned widget there fails the test,
# naming it and the frames of the cycle; one more collection after the teardown frees it all.


def _held_by_cycles() -> list[str]:
    """Collect; describe every live, Python-owned widget that only a reference cycle held."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        garbage, gc.garbage[:] = list(gc.garbage), []
    finally:
        gc.set_debug(0)
    held: list[str] = []
    frames: list[str] = []
    for obj in garbage:
        kind = type(obj)  # not isinstance: a dead weakref proxy raises on __class__
        if issubclass(kind, QWidget) and shiboken6.isValid(obj) and shiboken6.ownedByPython(obj):
            held.append(f"{kind.__module__}.{kind.__qualname__}")
        elif kind.__name__ == "frame" and "site-packages" not in obj.f_code.co_filename:
            frames.append(f"{obj.f_code.co_name} ({obj.f_code.co_filename}:{obj.f_lineno})")
    # what the cycles held is freed by the collection after the teardown: no Qt event on the stack
    obj = garbage = None
    if held and frames:
        held.append("frames in the cycle: " + ", ".join(frames[:8]))
    return held


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Each GUI test runs without automatic collections; one explicit collection follows it.

    pytest calls this hook for every test of the session, not only for those below this folder.
    """
    if not item.path.is_relative_to(HERE):
        return (yield)
    gc.disable()
    try:
        return (yield)
    finally:
        gc.enable()
        gc.collect()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    result = yield  # a failing test keeps its traceback (and so its frames) for the report
    held = _held_by_cycles()
    if held:
        pytest.fail(
            "Widgets that only a reference cycle kept alive (Python would have deleted them "
            "whenever the collector ran, possibly inside a Qt event): " + "; ".join(held),
            pytrace=False,
        )
    return result


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
