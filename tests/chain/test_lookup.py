"""``chain_client.lookup``, the one client of ``verify.hash``, against a real node on loopback.

The sync uses it for entries whose index is in doubt (tests/chain/test_resend.py), the Verify
page for files (tests/desk/test_verify.py); here the call itself: what it answers for a leaf
hash, a document hash and an unknown hash, and which connection it runs on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from chain_client.lookup import hash_matches, node_rpc
from chain_client.rpc import RpcClient
from ledger.keys import parse_vkey
from ledger.receipt import verify_receipt
from ledger.store.models import LogEntry, OutboxItem
from tests.chain.test_sync import Desk, run, start_node, until


def test_hash_matches_finds_an_entry_by_leaf_and_by_document_hash(tmp_path: Path) -> None:
    document = hashlib.sha256(b"the signed agreement").digest()

    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        desk = Desk(tmp_path, "mediator", node.url)
        try:
            await desk.enrol("mediator")
            leaf = desk.sign(
                "evidence.deposited",
                {"documents": [{"name": "协议.pdf", "sha256": document.hex(), "size": 20}]},
                case="",
            )
            desk.start()
            await until(lambda: desk.states() == {"confirmed": 1})
            with desk.store.session() as session:
                index, text = session.execute(
                    select(OutboxItem.chain_index, LogEntry.entry)
                    .join(LogEntry, LogEntry.leaf_hash == OutboxItem.leaf_hash)
                    .where(OutboxItem.leaf_hash == leaf)
                ).one()
            info = node.info
            keys = parse_vkey(info["log_vkey"]), [parse_vkey(v) for v in info["witness_vkeys"]]
            rpc = await RpcClient.connect(node.url)  # not logged in: verify.hash is anyone's
            try:
                by_document = await hash_matches(rpc, document)
                by_leaf = await hash_matches(rpc, leaf)
                unknown = await hash_matches(rpc, hashlib.sha256(b"never deposited").digest())
            finally:
                await rpc.close()
            assert unknown == []
            for matches in (by_document, by_leaf):
                assert [(m.index, m.type) for m in matches] == [(index, "evidence.deposited")]
                match = matches[0]
                assert match.time is not None and match.receipt is not None
                # the node's word checks out: its receipt proves this entry at that index
                verified = verify_receipt(match.receipt, text.encode(), *keys)
                assert (verified.index, verified.leaf_hash) == (index, leaf)
                # its time is the first covering checkpoint's: no later than this receipt's
                assert match.time <= verified.checkpoint.on_chain_time
        finally:
            await desk.stop()
            await node.close()

    run(scenario)


def test_node_rpc_borrows_the_sync_connection_or_opens_a_short_one(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        desk = Desk(tmp_path, "mediator", node.url)
        try:
            assert desk.client.rpc is None  # not connected: a connection of its own
            async with node_rpc(desk.client) as rpc:
                assert await hash_matches(rpc, bytes(32)) == []
            assert rpc.closed.is_set()  # and closed after use
            await desk.client.connect()
            async with node_rpc(desk.client) as borrowed:
                assert borrowed is desk.client.rpc
                assert await hash_matches(borrowed, bytes(32)) == []
            assert not borrowed.closed.is_set()  # the sync's connection stays open
        finally:
            await desk.stop()
            await node.close()

    run(scenario)
