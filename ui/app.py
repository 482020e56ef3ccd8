"""The desktop application: choose a profile, unlock it, open the desk, and close it cleanly.

``python main.py [--profile NAME] [--lang zh_CN|en]`` runs the GUI. Several profiles run side by
side (``--profile mediator`` and ``--profile party``); the embedded node is shared between them
(the first app starts it, the others attach). ``Desk`` holds what one running desktop owns, and
``Desk.close`` takes it down in an order that leaves nothing pending: the sync is cancelled,
the embedded node this process runs is stopped (while our loop can still answer its goodbye),
the network loop cancels and awaits every task, then the store closes.

Start-up: for a profile that is set up with the embedded chain, the node starts in an op
(``ui.ops.Op``, on a worker) first thing, while the widgets, the fonts and the windows load and
the person types the passphrase (the node spends most of its start unlocking its own keys with
scrypt, which runs without the GIL). That is why this module imports only QtCore (through
``ui.ops``) before that op is on its way, and the rest of Qt and the app inside ``main`` and
``Desk.open``.

``--measure-startup`` (with the passphrase in ``JCDESK_PASSPHRASE``, for that measurement only)
prints how long the app took from process start to the first paint of the main window, and
the part of it spent unlocking the key, then quits: ``bench/startup_bench.py`` runs it.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import logging.handlers
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ledger.profile import (
    DEFAULT_PROFILE,
    EMBEDDED,
    LANGUAGES,
    Profile,
    data_home,
    embedded_node_folder,
    list_profiles,
)

if TYPE_CHECKING:
    from desk.embedded import LocalNode
    from desk.network import NetworkThread
    from desk.session import DeskSession
    from ledger.keys import SigningKey
    from ui.bridge import SyncBridge
    from ui.i18n import Translations
    from ui.main_window import MainWindow
    from ui.ops import Op

log = logging.getLogger("jcdesk.app")

ORGANIZATION = "JudicialChainDesk"
APPLICATION = "Judicial Chain Desk"
PASSPHRASE_ENV = "JCDESK_PASSPHRASE"  # read by --measure-startup only
_IMPORTED = time.time()


def process_start() -> float:
    """When this process started, on the ``time.time()`` clock (Linux: from /proc)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return _IMPORTED


# -- one running desktop --------------------------------------------------------------------


@dataclass
class Desk:
    """What one running desktop owns: its node, network loop, session, bridge and window."""

    network: NetworkThread
    local_node: LocalNode | None
    session: DeskSession
    bridge: SyncBridge
    window: MainWindow
    sync: Op | None = None  # ChainClient.run on the network loop
    closed: bool = False

    @classmethod
    def open(
        cls,
        profile: Profile,
        key: SigningKey,
        network: NetworkThread,
        *,
        local_node: LocalNode | None = None,
        translations: Translations | None = None,
        home: Path | None = None,
    ) -> Desk:
        """Open ``profile`` with its unlocked ``key`` and start syncing.

        With the chain set to "embedded", ``local_node`` is used if given (already started),
        else the embedded node is started or attached to. The returned desk owns ``network``
        and ``local_node``: ``close`` stops them.
        """
        from desk.embedded import start_or_attach
        from desk.session import DeskSession
        from ui.bridge import SyncBridge
        from ui.main_window import MainWindow
        from ui.ops import Op

        settings = profile.load_settings()
        embedded = settings.chain == EMBEDDED
        if embedded and local_node is None:
            local_node = start_or_attach(embedded_node_folder(home))
        url = local_node.url if embedded and local_node is not None else settings.chain
        bridge = SyncBridge()
        session = DeskSession.open(
            profile, key, network, url, on_status=bridge.on_status, on_entry=bridge.on_entry
        )
        session.writer.add_listener(bridge.on_changes)  # change events, re-emitted queued
        try:
            window = MainWindow(session, bridge, embedded=embedded, translations=translations)
        except BaseException:
            session.close()
            raise
        desk = cls(network, local_node, session, bridge, window)
        desk.sync = Op.on_loop(
            network, session.client.run(), parent=bridge, failure=bridge.on_sync_ended
        ).start()
        return desk

    def close(self) -> None:
        """Stop everything this desk started, leaving no task pending and no thread behind."""
        if self.closed:
            return
        self.closed = True
        self.session.writer.remove_listener(self.bridge.on_changes)
        self.window.close()
        if self.sync is not None:
            self.sync.cancel()
        if self.local_node is not None:
            self.local_node.stop()
        self.network.stop()
        self.session.close()
        self.window.deleteLater()
        self.bridge.deleteLater()


# -- start-up -------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="main.py", description=APPLICATION)
    parser.add_argument("--profile", help="the profile to open (default: the only one set up)")
    parser.add_argument("--lang", choices=LANGUAGES, help="the UI language for this run")
    parser.add_argument(
        "--measure-startup",
        action="store_true",
        help=f"print the start-up time after the first paint and quit (reads {PASSPHRASE_ENV})",
    )
    return parser.parse_known_args(argv)


def choose_profile(name: str | None, home: Path) -> Profile:
    """``--profile`` if given; else the only profile set up on this computer; else "default"."""
    if name:
        return Profile.named(name, home)
    ready = [p for p in list_profiles(home) if p.is_set_up]
    if len(ready) == 1:
        return ready[0]
    return Profile.named(DEFAULT_PROFILE, home)


def configure_logging(path: Path) -> list[logging.Handler]:
    """Log INFO and above to the profile's log file (rotated); warnings also to stderr."""
    path.parent.mkdir(parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    file_handler.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    handlers: list[logging.Handler] = [file_handler, console]
    for handler in handlers:
        root.addHandler(handler)
    return handlers


def remove_logging(handlers: list[logging.Handler]) -> None:
    root = logging.getLogger()
    for handler in handlers:
        root.removeHandler(handler)
        handler.close()


def _start_embedded(home: Path) -> LocalNode:
    from desk.embedded import start_or_attach

    return start_or_attach(embedded_node_folder(home))


def start_node_early(profile: Profile, home: Path) -> Op | None:
    """Start (or attach to) the embedded node in an op, if this profile will need it. Start-up
    waits for it with ``op.future`` where it needs the node (no callback: nothing is shown)."""
    if not profile.is_set_up or profile.load_settings().chain != EMBEDDED:
        return None
    from ui.ops import Op  # QtCore only: the widgets load while the node starts

    return Op(_start_embedded, home).start()


def _stop_early_node(op: Op | None) -> None:
    """The desk never took the early node (cancelled unlock, failed start): stop it."""
    if op is None:
        return
    try:
        node = op.future.result(timeout=120)
    except Exception:
        return  # it did not start; nothing to stop
    node.stop()


def _load_desk_modules() -> None:
    """Import what ``Desk.open`` needs (the store, the sync client, the pages)."""
    importlib.import_module("ui.main_window")


def _unlock(profile: Profile, measuring: bool) -> tuple[SigningKey | None, float]:
    """The profile's key: from the dialog, or for ``--measure-startup`` from the environment."""
    from PySide6.QtWidgets import QDialog

    from ledger.keys import SigningKey
    from ui.unlock import UnlockDialog

    if measuring:
        passphrase = os.environ.get(PASSPHRASE_ENV)
        if not passphrase:
            raise SystemExit(f"--measure-startup needs the passphrase in {PASSPHRASE_ENV}")
        began = time.perf_counter()
        key = SigningKey.load(profile.key_path, passphrase)
        return key, time.perf_counter() - began
    dialog = UnlockDialog(profile)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.key is None:
        return None, 0.0
    return dialog.key, 0.0


def _report_first_paint(started: float, unlock_seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication

    total = (time.time() - started) * 1000
    unlock = unlock_seconds * 1000
    print(
        f"startup_ms={total:.0f} unlock_ms={unlock:.0f} without_unlock_ms={total - unlock:.0f}",
        flush=True,
    )
    QCoreApplication.quit()


def main(argv: list[str]) -> int:
    started = process_start()
    args, qt_args = parse_args(argv)
    home = data_home()
    profile = choose_profile(args.profile, home)
    early_node = start_node_early(profile, home)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    from desk.network import NetworkThread
    from ledger.errors import LedgerError
    from ui.errors import ExceptionHook, show_error
    from ui.fonts import load_bundled_fonts
    from ui.i18n import Translations

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    load_bundled_fonts()

    # until the wizard has made the profile, log beside the profiles (a folder made here would
    # take the profile's name away from the wizard)
    log_path = profile.log_path if profile.is_set_up else home / "first-run.log"
    handlers = configure_logging(log_path)
    translations = app.findChild(Translations) or Translations(app)
    translations.install(args.lang or profile.load_settings().language)
    hook = ExceptionHook(log_path)
    hook.install()
    network = NetworkThread().start()
    local_node: LocalNode | None = None
    desk: Desk | None = None
    try:
        if profile.is_set_up:
            key, unlock_seconds = _unlock(profile, args.measure_startup)
        elif args.measure_startup:
            raise SystemExit(f"--measure-startup needs a set-up profile; {profile.name} is not")
        else:
            from ui.wizard import FirstRunWizard

            wizard = FirstRunWizard(home, network, translations=translations)
            accepted = wizard.exec() == QDialog.DialogCode.Accepted
            local_node = wizard.local_node
            if not accepted or wizard.profile is None or wizard.key is None:
                return 0
            profile, key, unlock_seconds = wizard.profile, wizard.key, 0.0
            remove_logging(handlers)
            log_path = profile.log_path
            handlers = configure_logging(log_path)
            hook.log_path = log_path
            if args.lang is None:
                translations.install(profile.load_settings().language)
        if key is None:
            return 0
        if early_node is not None:
            _load_desk_modules()  # while the node thread finishes
            local_node, early_node = early_node.future.result(), None
        desk = Desk.open(
            profile,
            key,
            network,
            local_node=local_node,
            translations=translations,
            home=home,
        )
        local_node = None  # the desk owns it now
        if args.measure_startup:
            desk.window.first_painted.connect(
                functools.partial(_report_first_paint, started, unlock_seconds),
                Qt.ConnectionType.QueuedConnection,  # after the paint has finished
            )
        desk.window.show()
        log.info("desk open: profile %s, node %s", profile.name, desk.session.client.config.url)
        return app.exec()
    except Exception as exc:
        if isinstance(exc, LedgerError):
            log.warning("start-up failed: %s", exc)
        else:
            log.exception("start-up failed")
        show_error(None, exc, log_path, wait=True)
        return 1
    finally:
        if desk is not None:
            desk.close()
        else:
            if local_node is not None:
                local_node.stop()
            network.stop()
        _stop_early_node(early_node)
        hook.uninstall()
        remove_logging(handlers)
