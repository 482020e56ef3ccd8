"""The desk never loses a statement: what the node did not confirm is looked up or sent again.

Real node on loopback, real websockets, real SQLite stores. The faults are real conditions: a
desk store holding an index no receipt confirms (what a node that answered before its commit
left behind), a rate limit refusing part of a batch, and another connection holding the
node's database (SQLite ``BEGIN IMMEDIATE``, PostgreSQL ``LOCK TABLE``) past the time the node
waits for a lock, while desks submit.
"""

from __future__ import annotations

import asyncio
import base64
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, delete, func, select, update
from sqlalchemy.engine import make_url

from chain_client.errors import RemoteError
from chain_client.rpc import RpcClient
from chain_node.config import Limits, NodeConfig
from chain_node.server import RunningNode, serve
from ledger.auth import login_message
from ledger.checkpoint import verify_checkpoint
from ledger.keys import parse_vkey
from ledger.merkle import root_from_leaf_hashes
from ledger.receipt import verify_receipt
from ledger.statement import build_statement, sign_statement
from ledger.store.append import sign_and_append
from ledger.store.models import LogEntry, OutboxItem, Receipt
from tests.chain.test_sync import CASE, Desk, run, until
from tests.notes import with_notes

# How long the node's database waits for a lock in the fault test (SQLite busy timeout,
# PostgreSQL lock_timeout): a lock held longer fails the commit.
LOCK_WAIT_MS = 1000


class HeldLock:
    """Another connection holding the node's database against writes: on SQLite a
    ``BEGIN IMMEDIATE`` write lock, on PostgreSQL ``LOCK TABLE entries`` (reads still pass)."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        self.connection = self.engine.connect()

    def hold(self) -> None:
        if self.engine.dialect.name == "sqlite":
            self.connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            self.connection.exec_driver_sql("BEGIN")
            self.connection.exec_driver_sql("LOCK TABLE entries IN EXCLUSIVE MODE")

    def release(self) -> None:
        self.connection.exec_driver_sql("ROLLBACK")

    def close(self) -> None:
        self.connection.close()
        self.engine.dispose()


def lock_wait_config(data: Path, database_url: str | None) -> NodeConfig:
    """A node whose database gives up waiting for a lock after LOCK_WAIT_MS."""
    if database_url is not None:
        admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = make_url(database_url).database
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" SET lock_timeout = {LOCK_WAIT_MS}')
        admin.dispose()
    return NodeConfig(
        domains=with_notes(),
        data_dir=data,
        database_url=database_url,
        auto_approve=True,
        limits=Limits(db_busy_timeout_ms=LOCK_WAIT_MS),
    )


def _doc(i: int, tag: str) -> dict[str, Any]:
    digest = (tag.encode().hex() + f"{i:x}").rjust(64, "0")[-64:]
    return {"documents": [{"name": f"{tag}-{i}.pdf", "sha256": digest, "size": i + 1}]}


async def node_leaves(node: RunningNode) -> list[bytes]:
    """Every leaf hash of the node's log, checked against its signed checkpoint's root."""
    rpc = await RpcClient.connect(node.url, lambda *_: None)
    try:
        note = (await rpc.call("tlog.checkpoint"))["checkpoint"]
        info = node.info
        checkpoint = verify_checkpoint(
            note, parse_vkey(info["log_vkey"]), [parse_vkey(v) for v in info["witness_vkeys"]]
        ).checkpoint
        leaves: list[bytes] = []
        while len(leaves) < checkpoint.size:
            end = min(checkpoint.size, len(leaves) + 1024)
            answer = await rpc.call("tlog.leaf_hashes", {"start": len(leaves), "end": end})
            leaves += [base64.b64decode(h) for h in answer["hashes"]]
    finally:
        await rpc.close()
    assert root_from_leaf_hashes(leaves) == checkpoint.root_hash
    return leaves


def assert_confirmed_once(desks: list[Desk], node: RunningNode, leaves: list[bytes]) -> None:
    """Every statement of every desk is confirmed at the index that holds its leaf, with a
    receipt that verifies; no leaf is in the log twice; no two statements share an index."""
    assert len(set(leaves)) == len(leaves), "a leaf is in the node's log twice"
    info = node.info
    log_key = parse_vkey(info["log_vkey"])
    witnesses = [parse_vkey(v) for v in info["witness_vkeys"]]
    indexes: list[int] = []
    for desk in desks:
        with desk.store.session() as session:
            rows = session.execute(
                select(OutboxItem.leaf_hash, OutboxItem.state, OutboxItem.chain_index)
            ).all()
            for leaf, state, index in rows:
                assert state == "confirmed", (desk.name, leaf.hex(), state)
                assert leaves[index] == leaf, f"{desk.name}: index {index} holds another leaf"
                text, receipt, receipt_index = session.execute(
                    select(LogEntry.entry, Receipt.receipt, Receipt.chain_index)
                    .join(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
                    .where(LogEntry.leaf_hash == leaf)
                ).one()
                verified = verify_receipt(receipt, text.encode(), log_key, witnesses)
                assert verified.index == receipt_index == index and verified.leaf_hash == leaf
                indexes.append(index)
    assert len(indexes) == len(set(indexes))


def sign_as_submitted(desk: Desk, body: dict[str, Any], index: int) -> bytes:
    """Sign a statement and leave it as a node that answered before its commit would have:
    ``submitted`` at ``index``, never stored by the node."""
    statement = build_statement(
        log=desk.origin,
        type="evidence.deposited",
        case=CASE,
        actor=desk.key.vkey,
        time=datetime.now(UTC),
        body=body,
    )
    with desk.store.transaction() as session:
        entry, _ = sign_and_append(session, desk.store.projections, desk.key, statement)
        session.execute(
            update(OutboxItem)
            .where(OutboxItem.leaf_hash == entry.leaf_hash)
            .values(state="submitted", chain_index=index)
        )
    return entry.leaf_hash


def outbox(desk: Desk, leaf: bytes) -> OutboxItem:
    with desk.store.session() as session:
        row = session.get(OutboxItem, leaf)
        assert row is not None
        session.expunge(row)
        return row


def _test_wrong_indexes_are_corrected(tmp_path: Path, online: bool) -> None:
    async def scenario() -> None:
        node = await serve(
            NodeConfig(domains=with_notes(), data_dir=tmp_path / "node", auto_approve=True)
        )
        desk = Desk(tmp_path, "mediator", node.url, receipt_wait_ms=200, unconfirmed_after_s=1.0)
        try:
            await desk.enrol("mediator")
            first = desk.sign("test.case.opened", {"members": []})
            stored = desk.sign("evidence.deposited", _doc(1, "stored"))
            desk.start()
            await until(lambda: desk.states() == {"confirmed": 2})
            wrong = outbox(desk, first).chain_index
            true_index = outbox(desk, stored).chain_index
            assert wrong is not None and true_index is not None and wrong != true_index
            if not online:
                await desk.stop()
            size_before = node.info["tree_size"]
            # "stored": on the node, but the desk holds another entry's index and no receipt
            with desk.store.transaction() as session:
                session.execute(delete(Receipt).where(Receipt.leaf_hash == stored))
                session.execute(
                    update(OutboxItem)
                    .where(OutboxItem.leaf_hash == stored)
                    .values(state="submitted", chain_index=wrong)
                )
            # "lost": acknowledged with an index whose receipt is another leaf's
            lost = sign_as_submitted(desk, _doc(2, "lost"), wrong)
            # "beyond": acknowledged with an index that never reaches a checkpoint (-32002)
            beyond = sign_as_submitted(desk, _doc(3, "beyond"), size_before + 1000)
            assert desk.states() == {"confirmed": 1, "submitted": 3}
            if online:
                desk.client.kick()
            else:
                desk.start()  # a reconnect: the desk looks them up before anything else
            await until(lambda: desk.states() == {"confirmed": 4}, timeout=60)
            # found by its leaf hash at its true index, not sent again
            assert outbox(desk, stored).chain_index == true_index
            assert outbox(desk, stored).attempts == 1
            # never stored by the node: sent (once) by the desk and confirmed
            for leaf in (lost, beyond):
                assert outbox(desk, leaf).attempts == 1
                assert outbox(desk, leaf).reason is None
            assert node.info["tree_size"] == size_before + 2  # only the two lost ones added
            assert_confirmed_once([desk], node, await node_leaves(node))
        finally:
            await desk.stop()
            await node.close()

    run(scenario)


def test_wrong_indexes_are_corrected_while_online(tmp_path: Path) -> None:
    """A receipt that does not verify for the entry, or -32002 past the bound: the desk asks
    by leaf hash, confirms at the true index, and resends what the node does not hold."""
    _test_wrong_indexes_are_corrected(tmp_path, online=True)


def test_submitted_entries_are_looked_up_after_a_reconnect(tmp_path: Path) -> None:
    _test_wrong_indexes_are_corrected(tmp_path, online=False)


def test_a_refused_part_of_a_batch_stays_pending_and_is_resent(tmp_path: Path) -> None:
    """The per-connection rate limit answers -32005 to part of a batch: the accepted entries
    are confirmed, the refused ones stay pending (never rejected) and go out again."""

    async def scenario() -> None:
        limits = Limits(burst=12, requests_per_second=20.0)
        node = await serve(
            NodeConfig(
                domains=with_notes(), data_dir=tmp_path / "node", auto_approve=True, limits=limits
            )
        )
        desk = Desk(tmp_path, "mediator", node.url, receipt_wait_ms=500)
        try:
            await desk.enrol("mediator")
            leaves = [desk.sign("test.case.opened", {"members": []})]
            leaves += [desk.sign("evidence.deposited", _doc(i, "rate")) for i in range(30)]
            seen: set[str] = set()
            desk.start()
            while desk.states() != {"confirmed": 31}:
                seen.update(desk.states())
                assert "rejected" not in seen
                await asyncio.sleep(0.02)
            attempts = [outbox(desk, leaf).attempts for leaf in leaves]
            assert max(attempts) > 1  # some were refused and sent again ...
            assert min(attempts) == 1  # ... while others of the same batch went through
            assert_confirmed_once([desk], node, await node_leaves(node))
        finally:
            await desk.stop()
            await node.close()

    run(scenario, timeout=120)


async def _login(url: str, key: Any, origin: str) -> RpcClient:
    rpc = await RpcClient.connect(url, lambda *_: None)
    nonce = (await rpc.call("auth.challenge"))["nonce"]
    signature = base64.b64encode(key.sign_raw(login_message(origin, nonce))).decode()
    await rpc.call("auth.login", {"vkey": key.vkey, "signature": signature})
    return rpc


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_refused_commit_loses_nothing_and_reuses_no_index(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    """Issue 8, must show: another connection holds the node's database past the time the
    node waits for a lock, so the batch commits fail, while two desks and a bare client
    submit. Every acknowledged index holds its entry, no index is given twice, and each desk
    ends with every statement confirmed exactly once."""
    database_url = request.getfixturevalue("pg_url") if backend == "postgresql" else None
    node_config = lock_wait_config(tmp_path / "node", database_url)

    async def scenario() -> None:
        node = await serve(node_config)
        config = {"receipt_wait_ms": 1000, "unconfirmed_after_s": 5.0}
        a = Desk(tmp_path, "mediator", node.url, **config)
        b = Desk(tmp_path, "party", node.url, **config)
        c = Desk(tmp_path, "depositor", node.url)
        bare: RpcClient | None = None
        blocker = HeldLock(node_config.url)
        try:
            for desk, role in ((a, "mediator"), (b, "party"), (c, "party")):
                await desk.enrol(role)
            a.sign("test.case.opened", {"members": [b.key.vkey]})
            a.start()
            b.start()
            await until(lambda: a.states() == {"confirmed": 1})
            bare = await _login(node.url, c.key, c.origin)
            size_before = node.info["tree_size"]

            # the fault: a lock held past the node's lock wait (two failed commits)
            blocker.hold()
            loop = asyncio.get_running_loop()
            release_at = loop.time() + 2.5 * LOCK_WAIT_MS / 1000
            acknowledged: dict[bytes, int] = {}
            refused: list[int] = []

            async def submit_until_acknowledged(body: dict[str, Any]) -> None:
                assert bare is not None
                statement = build_statement(
                    log=c.origin,
                    type="evidence.deposited",
                    case="",
                    actor=c.key.vkey,
                    time=datetime.now(UTC),
                    body=body,
                )
                signed = sign_statement(statement, c.key)
                while True:
                    try:
                        answer = await bare.call("tlog.submit", {"entry": signed.text})
                    except RemoteError as exc:
                        refused.append(exc.code)
                        await asyncio.sleep(0.2)
                        continue
                    acknowledged[signed.leaf_hash] = answer["index"]
                    return

            bare_tasks = [
                asyncio.create_task(submit_until_acknowledged(_doc(i, "bare"))) for i in range(5)
            ]
            for i in range(5):
                a.sign("evidence.deposited", _doc(i, "a"))
                b.sign("evidence.deposited", _doc(i, "b"))
                await asyncio.sleep(0.1)
            await asyncio.sleep(release_at - loop.time())
            assert node.info["tree_size"] == size_before  # the fault held: nothing committed
            blocker.release()

            await asyncio.wait_for(asyncio.gather(*bare_tasks), 60)
            await until(
                lambda: a.states() == {"confirmed": 6} and b.states() == {"confirmed": 5},
                timeout=90,
            )
            leaves = await node_leaves(node)
            assert -32603 in refused, f"the failed commit was answered {refused}, not -32603"
            for leaf, index in acknowledged.items():
                assert leaves[index] == leaf, f"acknowledged index {index} holds another entry"
            assert_confirmed_once([a, b], node, leaves)
            assert len(leaves) == size_before + 5 + 10
            for desk in (a, b):  # each desk met the fault and sent again what it refused
                with desk.store.session() as session:
                    assert session.scalar(select(func.max(OutboxItem.attempts))) > 1
        finally:
            blocker.close()
            if bare is not None:
                await bare.close()
            for desk in (a, b, c):
                await desk.stop()
            await node.close()

    run(scenario, timeout=180)
