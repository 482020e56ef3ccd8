"""The house rules that keep the core usable without a GUI (ARCHITECTURE.md, "Rooms")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ["ledger", "casework", "mediation", "bankruptcy", "chain_client", "chain_node", "desk"]

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


# -- the UI reads through the desk's read API ----------------------------------------------------

# The store's tables and SQL stay below ui/: pages read through ``desk.read`` (and the Verify
# page through ``desk.verify.records``), and a case's state comes from the store, never from a
# fold of the log on the GUI thread (ARCHITECTURE.md, "Rooms": ui/ never uses store tables or SQL).
STORE_INTERNALS = (
    "sqlalchemy",
    "ledger.store.models",
    "ledger.store.generic",
    "ledger.store.projection",
    "ledger.store.cases",
    "mediation.projections",
)


def ui_read_offences(source: str) -> list[str]:
    """What in ``source`` reads the store past the read API: an import of SQL or a table
    model, or a call of ``fold`` (by name, attribute, or a name imported as ``fold``)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [f"imports fold from {node.module}" for a in node.names if a.name == "fold"]
        elif isinstance(node, ast.Call):
            called = node.func
            name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
            if name == "fold":
                found.append(f"calls fold (line {node.lineno})")
            continue
        else:
            continue
        for module in modules:
            if any(module == m or module.startswith(m + ".") for m in STORE_INTERNALS):
                found.append(f"imports {module} (line {node.lineno})")
                break  # one finding per import statement
    return found


def test_the_ui_check_finds_sql_table_models_and_folds() -> None:
    assert ui_read_offences("from sqlalchemy import select") == ["imports sqlalchemy (line 1)"]
    assert ui_read_offences("import sqlalchemy.orm") == ["imports sqlalchemy.orm (line 1)"]
    assert ui_read_offences("from ledger.store import models")
    assert ui_read_offences("from mediation.projections import MediationCase")
    assert ui_read_offences("from mediation.case import fold") == [
        "imports fold from mediation.case"
    ]
    assert ui_read_offences("state = case.fold(case_id, history)") == ["calls fold (line 1)"]
    assert (
        ui_read_offences("from desk.read import mediation\nview = mediation.read_case(s, c)") == []
    )


def test_ui_reads_the_store_only_through_the_read_api() -> None:
    offenders = {}
    for path in sorted((ROOT / "ui").rglob("*.py")):
        found = ui_read_offences(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}
