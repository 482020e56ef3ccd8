#!/usr/bin/env python3
"""Set up the project's virtual environment and run the app or the tests.

    python3 scripts/dev.py app [ARGS...]    # start Judicial Chain Desk (python main.py ARGS)
    python3 scripts/dev.py test [PYTEST ARGS...]   # lint, then the whole test suite

Needs only Python 3.11+. The first run creates ``.venv`` beside this folder and installs the
project with its test extras; later runs reuse it (reinstalling when pyproject.toml changes).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-pyproject-sha256"


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may run under an old python3
        sys.exit("Judicial Chain Desk needs Python 3.11 or newer")
    if not PYTHON.exists():
        print(f"creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("installing dependencies ...", flush=True)
        pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__)
        return 2
    ensure_venv()
    command, rest = argv[0], argv[1:]
    if command == "app":
        return subprocess.run([str(PYTHON), str(ROOT / "main.py"), *rest], cwd=ROOT).returncode
    lint = subprocess.run([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT)
    if lint.returncode:
        print("ruff found problems (see above)")
        return lint.returncode
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # One pytest process for everything: the GUI tests' conftest keeps the collector from
    # deleting widgets inside Qt events (the PySide6 segfault this used to work around).
    return subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
