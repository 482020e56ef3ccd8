"""chain_node imports without Qt (ARCHITECTURE.md: no Qt below ui/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_chain_node_imports_with_pyside6_blocked():
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import chain_node.cli, chain_node.server, chain_node.core, chain_node.sequencer\n"
        "import chain_node.tree, chain_node.access, chain_node.verify, chain_node.__main__\n"
        "assert not any(m.startswith('PySide6') and sys.modules[m] for m in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
