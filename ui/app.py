"""The desktop application's entry point (issue 4 builds the full shell on this)."""

from __future__ import annotations

import argparse
import sys

from ledger.profile import DEFAULT_PROFILE, Profile


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py", description="Judicial Chain Desk")
    parser.add_argument("--profile", default=DEFAULT_PROFILE)
    args, qt_args = parser.parse_known_args(argv)

    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Judicial Chain Desk")
    window = MainWindow(Profile.named(args.profile))
    window.show()
    return app.exec()
