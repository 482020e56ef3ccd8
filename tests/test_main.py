"""``python main.py node`` is the node a court runs: start it, read its info, stop it."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

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


def _main_py(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` in a fresh data folder; a hang (the app opening) is a failure."""
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"JCDESK_HOME": str(home), "PATH": "/usr/bin:/bin", "JCD_PASS": "long enough pass"},
        timeout=60,
    )


@pytest.mark.parametrize(
    "profile", [["--profile", "alice"], ["--profile=alice"]], ids=["space", "equals"]
)
def test_profile_and_database_url_in_both_spellings(tmp_path: Path, profile: list[str]) -> None:
    """README: ``main.py --profile NAME keys show``; the value is never taken as the command."""
    new = _main_py(tmp_path, *profile, "keys", "new", "--passphrase-env", "JCD_PASS")
    assert new.returncode == 0, new.stderr
    assert "New key for profile alice" in new.stdout
    for args in ([*profile, "keys", "show"], ["keys", "show", *profile]):
        shown = _main_py(tmp_path, *args)
        assert shown.returncode == 0, shown.stderr
        assert "Profile alice" in shown.stdout and "verifier key:" in shown.stdout
    missing = f"sqlite:///{tmp_path / 'nowhere.sqlite'}"
    for url in (["--database-url", missing], [f"--database-url={missing}"]):
        for args in ([*profile, *url, "log", "verify"], [*profile, "log", "verify", *url]):
            checked = _main_py(tmp_path, *args)
            assert checked.returncode == 1
            assert f"no local database at {missing}" in checked.stderr, checked.stderr


def test_demo_help_prints_without_seeding(tmp_path: Path) -> None:
    shown = _main_py(tmp_path, "demo", "--help")
    assert shown.returncode == 0, shown.stderr
    assert "usage: main.py demo" in shown.stdout
    assert not (tmp_path / "demo").exists()  # nothing seeded


def test_profile_commands_route_to_the_backup_tool(tmp_path: Path) -> None:
    shown = _main_py(tmp_path, "--profile", "alice", "profile", "--help")
    assert shown.returncode == 0, shown.stderr
    assert "usage: main.py profile" in shown.stdout
    missing = _main_py(tmp_path, "--profile=nobody", "profile", "backup", str(tmp_path / "b.bak"))
    assert missing.returncode == 1
    assert "nobody is not set up" in missing.stderr, missing.stderr
    assert not (tmp_path / "b.bak").exists()
