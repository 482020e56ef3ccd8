"""``node backup`` / ``node restore`` (issue 8: backup and restore of a node, consistent with
the high-water mark), through the CLI, against a real node on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from chain_node.cli import main
from chain_node.highwater import FILE_NAME, HighWater, HighWaterError
from chain_node.storage import make_engine
from tests.chain_node.conftest import make_entry
from tests.chain_node.test_highwater import pg_database  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]


def submit(node: Any, n: int, tag: str) -> None:
    key, c = node.person("creditor", f"P-{tag}")
    for i in range(n):
        c.call("tlog.submit", entry=make_entry(key, node.origin, "test.note", "", {tag: i}))


def checkpoint_at(data: Path, size: int) -> str:
    engine = make_engine(f"sqlite:///{data / 'node.db'}")
    with engine.connect() as conn:
        note = conn.execute(
            text("SELECT note FROM checkpoints WHERE size = :s"), {"s": size}
        ).scalar_one()
    engine.dispose()
    return note


def cli(*args: Any) -> tuple[int, str]:
    """``python main.py node ...`` in a subprocess: exit status and stdout+stderr."""
    done = subprocess.run(
        [sys.executable, "main.py", "node", *map(str, args)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


def test_backup_while_serving_then_restore_serves_the_same_checkpoint(start_node, tmp_path):
    data, out, restored = tmp_path / "node", tmp_path / "b.tar", tmp_path / "restored"
    node = start_node(data)
    submit(node, 3, "before")
    stop = threading.Event()
    errors: list[Exception] = []
    written = [0]

    def keep_writing() -> None:
        try:
            key, c = node.person("creditor", "Writer")
            i = 0
            while not stop.is_set():
                c.call("tlog.submit", entry=make_entry(key, node.origin, "test.w", "", {"i": i}))
                i += 1
                written[0] = i
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while written[0] < 5:  # the writer is under way
            threading.Event().wait(0.01)
        at_start = written[0]
        status, said = cli("backup", "--data", data, "--out", out)
        during = written[0] - at_start
    finally:
        stop.set()
        writer.join()
    assert status == 0, said
    assert not errors
    assert during > 0  # the node kept answering writes while the backup ran
    assert out.stat().st_mode & 0o777 == 0o600
    with tarfile.open(out) as tar:
        names = set(tar.getnames())
    assert {"node.db", "manifest.json", FILE_NAME, "keys/log.key"} <= names
    size = int(said.split("at size ")[1].split()[0])
    origin = node.origin
    node.stop()
    assert main(["restore", str(out), "--data", str(restored)]) == 0
    again = start_node(restored, origin=None)
    served = again.client().call("tlog.checkpoint")["checkpoint"]
    assert again.info["origin"] == origin
    assert again.info["tree_size"] == size
    assert served == checkpoint_at(data, size)  # the very note the node signed
    assert HighWater.from_key_files(restored).read().size <= size
    submit(again, 1, "after")  # and it carries on from there


def test_old_backup_under_a_newer_mark_is_refused(start_node, tmp_path, capsys):
    data, old = tmp_path / "node", tmp_path / "old.tar"
    node = start_node(data)
    submit(node, 2, "a")
    node.stop()
    assert main(["backup", "--data", str(data), "--out", str(old)]) == 0
    node = start_node(data)
    submit(node, 2, "b")
    node.stop()
    before = (data / "node.db").read_bytes()
    mark = (data / FILE_NAME).read_bytes()
    capsys.readouterr()
    # at `node restore`: refused, explained, nothing changed
    assert main(["restore", str(old), "--data", str(data)]) == 1
    said = capsys.readouterr().err
    for part in ("already signed a checkpoint", "Safe options", "newer backup", "new origin"):
        assert part in said, said
    assert (data / "node.db").read_bytes() == before
    assert (data / FILE_NAME).read_bytes() == mark
    # at start: the old database put in place by hand is refused too
    with tarfile.open(old) as tar:
        tar.extract("node.db", tmp_path / "by-hand", filter="data")
    for suffix in ("-wal", "-shm"):
        (data / f"node.db{suffix}").unlink(missing_ok=True)
    os.replace(tmp_path / "by-hand" / "node.db", data / "node.db")
    with pytest.raises(HighWaterError, match="older than the log this node has already signed"):
        start_node(data)
    # the newest backup is the way back
    (data / "node.db").write_bytes(before)
    node = start_node(data)
    mark = HighWater.from_key_files(data).read()
    assert mark is not None
    assert node.client().call("tlog.checkpoint")["checkpoint"] == mark.note


def test_restore_refuses_a_running_node_and_another_log(start_node, tmp_path, capsys):
    data, other, out = tmp_path / "node", tmp_path / "other", tmp_path / "b.tar"
    node = start_node(data)
    submit(node, 1, "a")
    assert main(["backup", "--data", str(data), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["restore", str(out), "--data", str(data)]) == 1
    assert "a node is running" in capsys.readouterr().err
    node.stop()
    start_node(other).stop()
    assert main(["restore", str(out), "--data", str(other)]) == 1
    assert "holds the node of the log" in capsys.readouterr().err
    # a newer backup over its own node is fine
    assert main(["restore", str(out), "--data", str(data)]) == 0


def test_restore_refuses_what_is_not_a_backup(tmp_path, capsys):
    bad = tmp_path / "bad.tar"
    with tarfile.open(bad, "w") as tar:
        tar.add(__file__, "../../etc/evil")
    assert main(["restore", str(bad), "--data", str(tmp_path / "d")]) == 1
    assert "not a node backup" in capsys.readouterr().err
    assert not (tmp_path / "d" / "node.db").exists()


def test_postgresql_backup_is_the_courts_tool(start_node, tmp_path, pg_database, capsys):  # noqa: F811
    data = tmp_path / "node"
    start_node(data, database_url=pg_database).stop()
    status = main(
        ["backup", "--data", str(data), "--out", str(tmp_path / "b"), "--database-url", pg_database]
    )
    assert status == 1
    said = capsys.readouterr().err
    assert "pg_dump" in said and FILE_NAME in said
    assert not (tmp_path / "b").exists()
