#!/usr/bin/env python3
"""Render the app's screens offscreen to PNG files under docs/screenshots/.

    python scripts/screenshots.py                 # every screen, in Chinese and in English
    python scripts/screenshots.py --languages en --out /tmp/shots

For each language it walks the first-run wizard in a temporary data folder against a real
embedded node (wizard-<lang>-<n>-<page>.png), opens the unlock and settings dialogs on the new
profile, then opens the main window on it, signs a few statements, waits until the node has
confirmed them, and grabs every page of the window (main-<lang>-<page>.png). Nothing outside
the temporary folder and the output folder is touched. QT_QPA_PLATFORM is forced to
"offscreen" unless --onscreen is given.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PASSPHRASE = "demo passphrase 2026"
DEMO = {
    "zh_CN": {
        "name": "王芳",
        "documents": ["调解笔录（第一次）.pdf", "调解协议.pdf", "送达回证.pdf"],
    },
    "en": {
        "name": "Wang Fang",
        "documents": ["session-record-1.pdf", "mediation-agreement.pdf", "service-receipt.pdf"],
    },
}


def wait(predicate: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or predicate}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


def settle(seconds: float = 0.2) -> None:
    """Let posted events (layouts, LanguageChange, queued signals) run."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.saved: list[Path] = []

    def grab(self, widget, name: str) -> None:
        settle()
        path = self.out / f"{name}.png"
        image = widget.grab().toImage()
        # quality 0: the strongest PNG compression; the screenshots are committed.
        if not image.save(str(path), "PNG", 0):
            raise OSError(f"could not write {path}")
        self.saved.append(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({digest})")


def shoot_wizard(shooter: Shooter, language: str, home: Path, network, translations):
    from PySide6.QtWidgets import QWizard

    from ui.wizard import FirstRunWizard

    demo = DEMO[language]
    wizard = FirstRunWizard(home, network, translations=translations)
    wizard.resize(720, 580)
    wizard.show()
    settle()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    shooter.grab(wizard, f"wizard-{language}-1-welcome")
    next_button.click()
    wizard.profile_page.display_name_edit.setText(demo["name"])
    wizard.profile_page.set_role("mediator")
    shooter.grab(wizard, f"wizard-{language}-2-profile")
    next_button.click()
    page = wizard.key_page
    page.passphrase_edit.setText("short")
    page.repeat_edit.setText("shorter")
    page.create_button.click()
    shooter.grab(wizard, f"wizard-{language}-3-key-refused")
    page.passphrase_edit.setText(PASSPHRASE)
    page.repeat_edit.setText(PASSPHRASE)
    page.create_button.click()
    shooter.grab(wizard, f"wizard-{language}-4-key")
    next_button.click()
    form = wizard.node_page.form
    form.remote_radio.setChecked(True)
    form.address_edit.setText("wss://chain.court.example/ws")
    shooter.grab(wizard, f"wizard-{language}-5-chain-court")
    form.embedded_radio.setChecked(True)
    shooter.grab(wizard, f"wizard-{language}-6-chain")
    next_button.click()
    wait(lambda: wizard.enrol_page.state in ("approved", "pending", "failed"), what="enrolment")
    shooter.grab(wizard, f"wizard-{language}-7-enrol")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    settle()
    if wizard.profile is None:
        raise RuntimeError("the wizard did not finish: " + wizard.enrol_page.status_label.text())
    result = wizard.profile, wizard.key, wizard.local_node
    wizard.deleteLater()
    return result


def shoot_dialogs(shooter: Shooter, language: str, profile, translations) -> None:
    from ui.settings_dialog import SettingsDialog
    from ui.unlock import UnlockDialog

    unlock = UnlockDialog(profile)
    unlock.show()
    unlock.passphrase_edit.setText("wrong passphrase")
    unlock.unlock()
    shooter.grab(unlock, f"unlock-{language}")
    unlock.reject()
    unlock.deleteLater()
    dialog = SettingsDialog(profile, translations)
    dialog.show()
    dialog.chain_form.remote_radio.setChecked(True)
    dialog.chain_form.address_edit.setText("wss://chain.court.example/ws")
    shooter.grab(dialog, f"settings-{language}")
    dialog.reject()
    dialog.deleteLater()


def open_desk(profile, key, node, network, translations, home: Path):
    """The main window as the app opens it (``ui.app.Desk``), or wired here if that is missing.

    Returns ``(window, session, close)``; ``close`` stops what was started, node and network
    included."""
    from ui.bridge import SyncBridge
    from ui.main_window import MainWindow

    try:
        from ui.app import Desk
    except ImportError:
        Desk = None  # noqa: N806
    if Desk is not None and hasattr(Desk, "open"):
        desk = Desk.open(
            profile, key, network, local_node=node, translations=translations, home=home
        )
        return desk.window, desk.session, desk.close

    from desk.session import DeskSession

    bridge = SyncBridge()
    session = DeskSession.open(
        profile, key, network, node.url, on_status=bridge.on_status, on_entry=bridge.on_entry
    )
    window = MainWindow(session, bridge, embedded=True, translations=translations)
    sync = session.start_sync()
    sync.add_done_callback(bridge.on_sync_done)

    def close() -> None:
        window.close()
        sync.cancel()
        node.stop()
        network.stop()
        session.close()
        window.deleteLater()

    return window, session, close


def shoot_main_window(shooter: Shooter, language: str, window, session) -> None:
    from sqlalchemy import func, select

    from ledger.store.models import OutboxItem

    window.resize(1100, 680)
    window.show()
    wait(lambda: session.client.status.state == "online", what="the sync to come online")
    documents = DEMO[language]["documents"]
    for name in documents:
        digest = hashlib.sha256(name.encode()).hexdigest()
        body = {"documents": [{"name": name, "sha256": digest, "size": 48_213}]}
        statement = session.statement("evidence.deposited", "", body)
        if hasattr(window, "record"):
            window.record(statement)
        else:
            session.record(statement)

    def confirmed() -> bool:
        with session.store.session() as s:
            states = dict(
                s.execute(select(OutboxItem.state, func.count()).group_by(OutboxItem.state)).all()
            )
        return states.get("confirmed", 0) >= len(documents)

    wait(confirmed, what="the statements to be confirmed")
    settle(1.0)
    pages = getattr(sys.modules["ui.main_window"], "PAGE_KEYS", ("chain",))
    for page in pages:
        if hasattr(window, "show_page"):
            window.show_page(page)
        shooter.grab(window, f"main-{language}-{page}")


def shoot_bankruptcy(out: Path, language: str) -> bool:
    """The claims pages (bankruptcy-*.png) need a judge, an administrator and a creditor on one
    node: tests/ui/test_bankruptcy_e2e.py drives them and renders the pages, in a process of
    its own. The claims pages' Chinese texts come from the catalogue, or from the file named
    by JCDESK_SCREENSHOTS_CATALOGUE until they are merged."""
    import subprocess

    env = dict(os.environ, JCDESK_SCREENSHOTS=str(out), JCDESK_SCREENSHOTS_LANG=language)
    test = "tests/ui/test_bankruptcy_e2e.py::test_screenshots_of_the_claims_pages"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", test], cwd=ROOT, env=env)
    print(f"  bankruptcy-*.png ({language}): {'written' if done.returncode == 0 else 'FAILED'}")
    return done.returncode == 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--languages", nargs="+", default=["zh_CN", "en"])
    parser.add_argument("--onscreen", action="store_true", help="use the real display")
    args = parser.parse_args(argv)
    if not args.onscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    from desk.network import NetworkThread
    from ui.fonts import load_bundled_fonts
    from ui.i18n import Translations

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Judicial Chain Desk")
    print("fonts:", ", ".join(load_bundled_fonts()))
    translations = Translations(app)
    args.out.mkdir(parents=True, exist_ok=True)
    shooter = Shooter(args.out)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="jcdesk-shots-") as tmp:
        for language in args.languages:
            print(f"{language}:")
            translations.install(language)
            settle()
            home = Path(tmp) / language
            network = NetworkThread().start()
            close = None
            node = None
            try:
                profile, key, node = shoot_wizard(shooter, language, home, network, translations)
                shoot_dialogs(shooter, language, profile, translations)
                try:
                    window, session, close = open_desk(
                        profile, key, node, network, translations, home
                    )
                    shoot_main_window(shooter, language, window, session)
                except Exception:  # the main window may be mid-change: keep the other shots
                    failures += 1
                    traceback.print_exc()
                    print(f"  main window of {language}: not captured (see above)")
            finally:
                if close is not None:
                    close()
                else:
                    if node is not None:
                        node.stop()
                    network.stop()
                settle()
    if "zh_CN" in args.languages and not shoot_bankruptcy(args.out, "zh_CN"):
        failures += 1
    print(f"{len(shooter.saved)} screenshot(s) in {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
