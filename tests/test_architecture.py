"""The house rules that keep the core usable without a GUI (ARCHITECTURE.md, "Rooms")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ["ledger", "mediation", "bankruptcy", "chain_client", "chain_node", "desk"]

BLOCK_QT = """
import importlib, pkgutil, sys
sys.modules["PySide6"] = None  # any 'import PySide6...' now raises ImportError
for top in {core!r}:
    package = importlib.import_module(top)
    for info in pkgutil.walk_packages(package.__path__, top + "."):
        if ".migrations" in info.name:
            continue  # alembic scripts run only inside alembic
        importlib.import_module(info.name)
        print(info.name)
assert not any(name.startswith("PySide6.") for name in sys.modules)
"""


def test_core_packages_import_with_pyside6_blocked() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT.format(core=CORE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    # every module of the ledger was imported, not just the package roots
    for module in ("ledger.statement", "ledger.merkle", "ledger.store.append", "ledger.receipt"):
        assert module in imported


def test_no_qt_import_below_ui() -> None:
    offenders = []
    for top in CORE:
        for path in (ROOT / top).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "PySide6" in text or "shiboken6" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
