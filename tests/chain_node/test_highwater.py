"""The high-water mark (issue 8, item 6): the node never signs a second root for a size it
already signed, even when started on an older copy of its database."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from chain_node.errors import FsckError
from chain_node.highwater import (
    FILE_NAME,
    META_KEY,
    SLOT_BYTES,
    HighWater,
    HighWaterError,
    start_check,
)
from chain_node.storage import make_engine
from ledger import merkle
from ledger.checkpoint import Checkpoint, sign_checkpoint
from ledger.keys import SIG_COSIGNATURE_V1, SigningKey
from tests.chain_node.conftest import make_entry, own_pg_database

ORIGIN = "court.example/log"
NOW = int(datetime(2026, 12, 1, tzinfo=UTC).timestamp())
ROOT_A = merkle.leaf_hash(b"a")
ROOT_B = merkle.leaf_hash(b"b")


# -- the module ------------------------------------------------------------------------------


def keypair(origin: str = ORIGIN) -> tuple[SigningKey, SigningKey]:
    return SigningKey.generate(origin), SigningKey.generate(f"{origin}/witness")


def highwater(path: Path, log_key: SigningKey, witness: SigningKey) -> HighWater:
    return HighWater(path, log_key.verifier(), witness.verifier(SIG_COSIGNATURE_V1))


def note(log_key: SigningKey, witness: SigningKey, size: int, root: bytes) -> str:
    return sign_checkpoint(Checkpoint(log_key.name, size, root), log_key, [witness], NOW)


def test_record_and_read(tmp_path):
    log_key, witness = keypair()
    hw = highwater(tmp_path, log_key, witness)
    assert hw.read() is None
    hw.record(note(log_key, witness, 5, ROOT_A))
    hw.record(note(log_key, witness, 7, ROOT_B))
    mark = hw.read()
    assert (mark.size, mark.root) == (7, ROOT_B)
    assert (tmp_path / FILE_NAME).stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / (FILE_NAME + ".tmp")).exists()


def test_torn_write_leaves_the_old_mark_whole(tmp_path):
    log_key, witness = keypair()
    hw = highwater(tmp_path, log_key, witness)
    hw.record(note(log_key, witness, 5, ROOT_A))
    hw.record(note(log_key, witness, 7, ROOT_A))
    path = tmp_path / FILE_NAME
    whole = path.read_bytes()
    assert len(whole) == 2 * SLOT_BYTES
    # a crash in the middle of the next record: the slot being written (the older one, which
    # held size 5) is half new, half old; the other slot still holds size 7
    nxt = note(log_key, witness, 9, ROOT_B).encode()
    torn = bytearray(whole)
    torn[SLOT_BYTES + 40 : SLOT_BYTES + 60] = nxt[:20]
    path.write_bytes(bytes(torn))
    assert hw.read().size == 7
    hw.record(nxt.decode())  # the node goes on writing after a restart
    assert hw.read().size == 9
    reopened = highwater(tmp_path, log_key, witness)  # a restarted node continues the sequence
    reopened.record(note(log_key, witness, 11, ROOT_A))
    assert reopened.read().size == 11
    hw.close()
    reopened.close()
    # both slots spoiled, or a file cut short by a bad copy: refused, not guessed at
    path.write_bytes(whole[:30])
    with pytest.raises(HighWaterError, match="not a checkpoint signed by this node's keys"):
        hw.read()
    bare = note(log_key, witness, 9, ROOT_B)
    path.write_text(bare[: len(bare) // 2])
    with pytest.raises(HighWaterError, match="not a checkpoint signed by this node's keys"):
        hw.read()
    path.write_text(bare)  # one bare note (the format before the slots) is still read
    assert hw.read().size == 9


def test_wrong_key_and_another_origin_are_refused(tmp_path):
    log_key, witness = keypair()
    hw = highwater(tmp_path, log_key, witness)
    impostor, impostor_witness = keypair()  # same origin name, other keys
    hw.record(note(impostor, impostor_witness, 5, ROOT_A))
    with pytest.raises(HighWaterError, match="log signature"):
        hw.read()
    hw.record(note(log_key, impostor_witness, 5, ROOT_A))  # the log's key, a stranger cosigns
    with pytest.raises(HighWaterError):
        hw.read()
    other, other_witness = keypair("other.example/log")
    hw.record(note(other, other_witness, 5, ROOT_A))
    with pytest.raises(HighWaterError, match=r"other\.example/log"):
        hw.read()


def test_check_refuses_a_database_behind_the_mark(tmp_path):
    log_key, witness = keypair()
    hw = highwater(tmp_path, log_key, witness)
    hw.record(note(log_key, witness, 5, ROOT_A))
    roots = {5: ROOT_A}
    assert hw.check(5, roots.__getitem__).size == 5
    assert hw.check(9, roots.__getitem__).size == 5  # ahead (crash after commit): fine
    with pytest.raises(HighWaterError) as behind:
        hw.check(4, roots.__getitem__)
    message = str(behind.value)
    for part in ("5 entries", "only 4", "restore a newer backup", "new origin", "Do not delete"):
        assert part in message
    with pytest.raises(HighWaterError, match="not the history this node signed"):
        hw.check(5, {5: ROOT_B}.__getitem__)
    with pytest.raises(HighWaterError, match="not the history this node signed"):
        hw.check(9, {5: ROOT_B}.__getitem__)


def test_missing_file_is_an_upgrade_once(tmp_path, caplog):
    log_key, witness = keypair()
    hw = highwater(tmp_path, log_key, witness)
    with caplog.at_level(logging.WARNING, "chain_node.highwater"):
        assert start_check(hw, 12, {}.__getitem__, kept=False) is True
    assert "first start after an upgrade" in caplog.text
    with pytest.raises(HighWaterError, match="missing"):
        start_check(hw, 12, {}.__getitem__, kept=True)


# -- a real node -----------------------------------------------------------------------------


def submit(node: Any, n: int, tag: str) -> None:
    key, c = node.person("creditor", f"P-{tag}")
    for i in range(n):
        c.call("tlog.submit", entry=make_entry(key, node.origin, "test.note", "", {tag: i}))


def tree_size(node: Any) -> int:
    return node.client().call("node.info")["tree_size"]


def copy_db(src: Path, dst: Path) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        target = dst / f"node.db{suffix}"
        target.unlink(missing_ok=True)
        if (src / f"node.db{suffix}").exists():
            shutil.copy2(src / f"node.db{suffix}", target)


def test_database_put_back_is_refused_sqlite(start_node, tmp_path):
    data = tmp_path / "node"
    node = start_node(data)
    submit(node, 3, "a")
    node.stop()
    copy_db(data, tmp_path / "old")  # a backup taken before the next batch
    node = start_node(data)
    submit(node, 2, "b")
    size = tree_size(node)
    node.stop()
    assert HighWater.from_key_files(data).read().size == size
    copy_db(tmp_path / "old", data)
    with pytest.raises(HighWaterError) as refused:
        start_node(data)
    message = str(refused.value)
    assert f"checkpoint for {size} entries" in message
    assert "restore a newer backup" in message and "new origin" in message
    # deleting the file does not get past it: the database remembers it had one
    (data / FILE_NAME).unlink()
    with pytest.raises(HighWaterError, match="missing"):
        start_node(data)


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A PostgreSQL database of this test's own (others may use the server's at the same time)."""
    with own_pg_database() as url:
        yield url


def test_database_rolled_back_is_refused_postgresql(start_node, tmp_path, pg_database):
    url = pg_database
    data = tmp_path / "node"
    node = start_node(data, database_url=url)
    submit(node, 3, "a")
    old = tree_size(node)
    submit(node, 2, "b")
    node.stop()
    # the database as it was before the last batches (a restored dump): same rows, fewer
    engine = make_engine(url)
    with engine.begin() as conn:
        for sql in (
            "DELETE FROM entries WHERE idx >= :n",
            "DELETE FROM tree_nodes WHERE (idx + 1) * power(2, level) > :n",
            "DELETE FROM checkpoints WHERE size > :n",
            "DELETE FROM case_members WHERE added_index >= :n",
            "DELETE FROM documents WHERE idx >= :n",
            "DELETE FROM enrolments WHERE enrol_index >= :n",
        ):
            conn.execute(text(sql), {"n": old})
    engine.dispose()
    with pytest.raises(HighWaterError, match=f"database holds only {old}"):
        start_node(data, database_url=url)


def test_another_history_of_the_same_size_is_refused(start_node, tmp_path):
    """Two copies of one node each signed its own batch for the same sizes: the node's own
    directory refuses the other copy's database."""
    a, b = tmp_path / "a", tmp_path / "b"
    node = start_node(a)
    submit(node, 2, "base")
    node.stop()
    shutil.copytree(a, b)
    node = start_node(a)
    submit(node, 2, "a")
    size = tree_size(node)
    node.stop()
    node = start_node(b)
    submit(node, 2, "b")
    assert tree_size(node) == size
    node.stop()
    copy_db(b, a)
    with pytest.raises(HighWaterError, match=f"at size {size} its tree has root"):
        start_node(a)


def test_first_start_after_upgrade_writes_the_file(start_node, tmp_path):
    data = tmp_path / "node"
    node = start_node(data)
    submit(node, 2, "a")
    node.stop()
    # the database and directory as the previous version left them: no file, no memory of one
    (data / FILE_NAME).unlink()
    engine = make_engine(f"sqlite:///{data / 'node.db'}")
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM node_meta WHERE key = :k"), {"k": META_KEY})
    engine.dispose()
    node = start_node(data)
    size = tree_size(node)
    assert HighWater.from_key_files(data).read().size == size
    submit(node, 1, "b")  # and it follows every batch
    assert (
        HighWater.from_key_files(data).read().size == tree_size(node) == size + 3
    )  # enrol, approval, note
    node.stop()
    assert isinstance(HighWaterError("x"), FsckError)  # the CLI reports it as a refusal
