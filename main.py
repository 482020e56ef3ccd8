"""Judicial Chain Desk (司法链调解与债权人会议桌面端): the entry point.

``python main.py`` opens the desktop app; sub-commands run the chain node and the tools:
``node``, ``keys``, ``log``, ``receipt``.
"""

from __future__ import annotations

import sys

LEDGER_COMMANDS = {"keys", "log", "receipt"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    if command == "node":
        from chain_node.cli import main as node_main

        return node_main(argv[argv.index("node") + 1 :])
    if command == "demo":
        return demo(argv[argv.index("demo") + 1 :])
    if command in LEDGER_COMMANDS or "-h" in argv or "--help" in argv:
        from desk.domains import domain_projections
        from ledger.cli import main as ledger_main

        return ledger_main(argv, projections=domain_projections())
    from ui.app import main as gui_main

    return gui_main(argv)


def demo(argv: list[str]) -> int:
    """Seed a demonstration node and case in ``<data>/demo``, then open the app there."""
    import os

    from desk.demo import seed
    from ledger.profile import data_home

    home = data_home() / "demo"
    print(f"Preparing the demonstration in {home} (first run takes a few seconds) ...")
    info = seed(home)
    print("Demo profiles:", ", ".join(info.profiles))
    print(f"Demo passphrase (for every demo profile): {info.passphrase}")
    print("Open another profile side by side with: python main.py --profile zhang")
    os.environ["JCDESK_HOME"] = str(home)
    from ui.app import main as gui_main

    return gui_main(["--profile", "mediator", *argv])


if __name__ == "__main__":
    sys.exit(main())
