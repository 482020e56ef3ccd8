"""Judicial Chain Desk (司法链调解与债权人会议桌面端): the entry point.

``python main.py`` opens the desktop app; sub-commands run the chain node and the tools:
``node``, ``keys``, ``log``, ``receipt``, ``profile`` (encrypted backup and restore).
"""

from __future__ import annotations

import sys

LEDGER_COMMANDS = {"keys", "log", "receipt"}
# Options whose value may follow as the next word (``--profile NAME``) or after "="
# (``--profile=NAME``): that word is a value, never the command.
VALUE_OPTIONS = {"--profile", "--lang", "--database-url"}


def split_command(argv: list[str]) -> tuple[str | None, list[str], list[str]]:
    """The command word, the options before it, and the words after it."""
    i = 0
    while i < len(argv):
        if argv[i] in VALUE_OPTIONS:
            i += 2
        elif argv[i].startswith("-"):
            i += 1
        else:
            return argv[i], argv[:i], argv[i + 1 :]
    return None, argv, []


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command, before, after = split_command(argv)
    if command == "node":
        from chain_node.cli import main as node_main

        return node_main(after)
    if command == "demo":
        return demo(before + after)
    if command == "profile":
        from desk.cli import main as desk_main

        return desk_main(argv)
    if command in LEDGER_COMMANDS or "-h" in argv or "--help" in argv:
        from chain_node.domains import installed_domains
        from ledger.cli import main as ledger_main

        return ledger_main(argv, registry=installed_domains())
    from ui.app import main as gui_main

    return gui_main(argv)


def demo(argv: list[str]) -> int:
    """Seed a demonstration node and case in ``<data>/demo``, then open the app there."""
    import argparse
    import os

    # --help prints before anything is seeded; other options go to the app
    argparse.ArgumentParser(
        prog="main.py demo",
        description="Seed a demonstration node, profiles and case in <data>/demo (kept between "
        "runs), then open the app there as the mediator. Other options go to the app.",
    ).parse_known_args(argv)

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
