"""Abuse limits, restart, fsck, the O(log n) proof cost, and PostgreSQL."""

from __future__ import annotations

import asyncio
import base64
import json
import math

import pytest
from sqlalchemy import update
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from chain_node.config import Limits, NodeConfig
from chain_node.core import NodeCore
from chain_node.errors import FsckError
from chain_node.storage import EntryRow, TreeNode, init_schema, make_engine
from chain_node.tree import TreeReader, frontier_ranges
from ledger import merkle
from tests.chain_node.conftest import make_entry, pg_url, reset_pg
from tests.notes import with_notes


def test_rate_limit_does_not_disturb_others(start_node):
    node = start_node(limits=Limits(anonymous_requests_per_second=5, anonymous_burst=5))

    async def run():
        async with connect(node.url) as flooder, connect(node.url) as other:
            frame = [{"jsonrpc": "2.0", "id": i, "method": "node.info"} for i in range(40)]
            await flooder.send(json.dumps(frame))
            answers = json.loads(await flooder.recv())
            codes = [a.get("error", {}).get("code") for a in answers]
            assert codes.count(-32005) >= 30
            assert codes.count(None) >= 5
            await other.send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "node.info"}))
            assert "result" in json.loads(await other.recv())
            await asyncio.sleep(0.5)  # the bucket refills: the flooder is served again
            await flooder.send(json.dumps({"jsonrpc": "2.0", "id": 99, "method": "node.info"}))
            assert "result" in json.loads(await flooder.recv())

    asyncio.run(run())


def test_huge_frame_closes_only_that_connection(start_node):
    node = start_node(limits=Limits(max_frame_bytes=64 * 1024))

    async def run():
        async with connect(node.url, max_size=None) as big, connect(node.url) as other:
            await big.send("[" + " " * (200 * 1024) + "]")
            with pytest.raises(ConnectionClosed) as info:
                await big.recv()
            assert info.value.rcvd is not None and info.value.rcvd.code == 1009
            await other.send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "node.info"}))
            assert "result" in json.loads(await other.recv())

    asyncio.run(run())


def test_restart_keeps_log_and_enrolments(start_node, tmp_path):
    data = tmp_path / "n"
    node = start_node(data)
    key, c = node.person("judge")
    text = make_entry(key, node.origin, body={"k": 1})
    idx = c.call("tlog.submit", entry=text)["index"]
    origin = node.origin
    node.stop()
    node2 = start_node(data)
    assert node2.origin == origin
    c2 = node2.client()
    assert c2.login(key, origin)["roles"] == ["judge"]
    assert c2.call("tlog.submit", entry=text)["index"] == idx


def _tamper(data, stmt):
    engine = make_engine(f"sqlite:///{data / 'node.db'}")
    with engine.begin() as conn:
        conn.execute(stmt)
    engine.dispose()


@pytest.mark.parametrize("what", ["entry", "node"])
def test_fsck_refuses_tampered_db(start_node, tmp_path, what):
    data = tmp_path / "n"
    node = start_node(data)
    key, c = node.person()
    for i in range(6):
        c.call("tlog.submit", entry=make_entry(key, node.origin, body={"i": i}))
    node.stop()
    if what == "entry":
        _tamper(
            data,
            update(EntryRow)
            .where(EntryRow.idx == 3)
            .values(entry=make_entry(key, node.origin, body={"i": "forged"})),
        )
    else:
        _tamper(
            data,
            update(TreeNode)
            .where(TreeNode.level == 1, TreeNode.idx == 0)
            .values(hash=b"\x00" * 32),
        )
    with pytest.raises(FsckError):
        start_node(data)


def test_inclusion_proof_reads_are_logarithmic(tmp_path):
    """A synthetic 10,000,000-leaf tree (subtree rows only, inserted directly): a proof reads
    O(log n) stored subtrees."""
    n = 10_000_000
    engine = make_engine(f"sqlite:///{tmp_path / 'big.db'}")
    init_schema(engine)

    def fake(level, idx):
        return merkle.node_hash(level.to_bytes(8, "big"), idx.to_bytes(8, "big"))

    # only the nodes a proof for these leaves needs, computed from the RFC 9162 shape
    wanted = set()
    indexes = [0, 1, 4_999_999, 9_999_998, 9_999_999, 1234567]
    for index in indexes:
        for lo, hi in _needed(index, n):
            level = (hi - lo).bit_length() - 1
            wanted.add((level, lo >> level))
    with engine.begin() as conn:
        rows = [{"level": lv, "idx": ix, "hash": fake(lv, ix)} for lv, ix in wanted if lv > 0]
        conn.execute(TreeNode.__table__.insert(), rows)
        leaves = [
            {
                "idx": ix,
                "leaf_hash": fake(0, ix),
                "entry": "",
                "type": "t.t",
                "case_id": "",
                "actor": "",
                "time": "",
            }
            for lv, ix in wanted
            if lv == 0
        ]
        conn.execute(EntryRow.__table__.insert(), leaves)
    with engine.connect() as conn:
        for index in indexes:
            reader = TreeReader(conn)
            proof = reader.inclusion_proof(index, n)
            assert len(proof) <= math.ceil(math.log2(n))
            assert reader.reads <= 2 * math.ceil(math.log2(n)), reader.reads
    engine.dispose()


def _needed(index, size):
    """Every perfect subtree ledger.merkle asks for (recorded through a get_hash spy)."""
    asked = []

    def spy(lo, hi):
        asked.append((lo, hi))
        return b"\x00" * 32

    merkle.inclusion_proof(index, size, spy)
    return asked


def test_frontier_ranges():
    assert frontier_ranges(0) == []
    assert frontier_ranges(6) == [(2, 0), (1, 2)]
    assert frontier_ranges(7) == [(2, 0), (1, 2), (0, 6)]


@pytest.mark.postgres
def test_postgres_node(start_node, tmp_path):
    url = pg_url()
    reset_pg(url)
    node = start_node(tmp_path / "pg", database_url=url)
    key, c = node.person("creditor")
    texts = [make_entry(key, node.origin, body={"pg": i}) for i in range(20)]
    idx = [c.call("tlog.submit", entry=t)["index"] for t in texts]
    assert c.call("tlog.submit", entry=texts[0])["index"] == idx[0]
    from ledger.keys import parse_vkey
    from ledger.receipt import verify_receipt

    info = node.info
    for i, t in zip(idx, texts, strict=True):
        r = c.call("tlog.receipt", index=i)["receipt"]
        verify_receipt(
            r,
            t.encode(),
            parse_vkey(info["log_vkey"]),
            [parse_vkey(v) for v in info["witness_vkeys"]],
        )
    # a second node on the same database is refused (one sequencer: advisory lock)
    with pytest.raises(FsckError):
        NodeCore(
            NodeConfig(
                domains=with_notes(),
                data_dir=tmp_path / "pg",
                database_url=url,
                passphrase="test-passphrase",
            )
        ).open()
    node.stop()
    node2 = start_node(tmp_path / "pg", database_url=url)
    hashes = node2.client().call("tlog.leaf_hashes", start=0, end=len(idx) + 2)["hashes"]
    assert base64.b64decode(hashes[idx[-1]]) == merkle.leaf_hash(texts[-1].encode())
    node2.stop()
    # tamper on PostgreSQL too
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(update(EntryRow).where(EntryRow.idx == idx[3]).values(entry="forged"))
    engine.dispose()
    with pytest.raises(FsckError):
        start_node(tmp_path / "pg", database_url=url)
