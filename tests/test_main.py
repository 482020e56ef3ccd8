"""``python main.py node`` is the node a court runs: start it, read its info, stop it."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_main_py_node_serves_and_reports(tmp_path: Path) -> None:
    node = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "node",
            "--data",
            str(tmp_path),
            "--listen",
            "127.0.0.1:0",
            "--origin",
            "court.example/jcdesk",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert node.stdout is not None
        line = node.stdout.readline()
        assert line.startswith("JCDESK-NODE-READY "), line + node.stderr.read()
        ready = json.loads(line.split(" ", 1)[1])
        assert ready["origin"] == "court.example/jcdesk" and ready["port"] > 0
        assert ready.get("auto_approve") in (False, None)
    finally:
        node.send_signal(signal.SIGTERM)
        node.wait(30)
    info = subprocess.run(
        [sys.executable, "main.py", "node", "info", "--data", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert info.returncode == 0, info.stderr
    assert "court.example/jcdesk" in info.stdout
