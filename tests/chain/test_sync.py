"""The sync client against a real node on loopback, over real websockets, on real SQLite.

Nothing here is mocked: each test starts the reference node (chain_node) in-process on an
ephemeral port and one or more ChainClients, each with its own profile store.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from chain_client.errors import ChainAlarm, NodeUnreachable
from chain_client.sync import ChainClient, ClientConfig, SyncStatus
from chain_node.config import NodeConfig
from chain_node.server import RunningNode, serve
from ledger.keys import SigningKey, parse_vkey
from ledger.receipt import verify_receipt
from ledger.statement import Statement, build_statement, parse_entry
from ledger.store.append import sign_and_append
from ledger.store.models import CheckpointAlarm, LogEntry, OutboxItem, Receipt
from ledger.store.store import Store
from tests.notes import with_notes

CASE = "case-2026-0001"


def run(scenario: Callable[[], Awaitable[Any]], timeout: float = 90) -> Any:
    return asyncio.run(asyncio.wait_for(scenario(), timeout))


async def start_node(data: Path, port: int = 0) -> RunningNode:
    return await serve(
        NodeConfig(domains=with_notes(), data_dir=data, port=port, auto_approve=True)
    )


class Desk:
    """One person's desktop: a key, a profile store, a client."""

    def __init__(self, folder: Path, name: str, url: str, **config: Any) -> None:
        self.key = SigningKey.generate()
        self.name = name
        self.store = Store.open(f"sqlite:///{folder / (name + '.sqlite')}")
        self.statuses: list[SyncStatus] = []
        self.client = ChainClient(
            self.store,
            self.key,
            ClientConfig(
                url=url,
                **{"poll_seconds": 0.2, "backoff_initial": 0.05, "backoff_max": 0.5, **config},
            ),
            on_status=self.statuses.append,
        )
        self.task: asyncio.Task[None] | None = None
        self.origin = ""

    async def enrol(self, role: str) -> None:
        info = await self.client.connect()
        self.origin = info["origin"]
        answer = await self.client.enrol(self.name, role)
        assert answer["status"] == "approved"
        await self.client._disconnect()

    def sign(self, type_: str, body: dict[str, Any], case: str = CASE) -> bytes:
        statement: Statement = build_statement(
            log=self.origin,
            type=type_,
            case=case,
            actor=self.key.vkey,
            time=datetime.now(UTC),
            body=body,
        )
        with self.store.transaction() as session:
            entry, _ = sign_and_append(session, self.store.projections, self.key, statement)
        self.client.kick()
        return entry.leaf_hash

    def start(self) -> None:
        self.task = asyncio.create_task(self.client.run())

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        await self.client._disconnect()

    def count(self, *where: Any, model: Any = LogEntry) -> int:
        """Rows about case entries; the enrolments fetched to check signers are not counted."""
        query = select(func.count()).select_from(model)
        if model is LogEntry or hasattr(model, "leaf_hash"):
            if model is not LogEntry:
                query = query.join(LogEntry, LogEntry.leaf_hash == model.leaf_hash)
            query = query.where(~LogEntry.type.startswith("identity."))
        query = query.where(*where)
        with self.store.session() as session:
            return session.scalar(query) or 0

    def states(self) -> dict[str, int]:
        with self.store.session() as session:
            return dict(
                session.execute(
                    select(OutboxItem.state, func.count()).group_by(OutboxItem.state)
                ).all()
            )


async def until(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


def test_mediator_and_party_see_each_others_entries_with_verified_receipts(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        mediator, party = Desk(tmp_path, "mediator", node.url), Desk(tmp_path, "party", node.url)
        try:
            await mediator.enrol("mediator")
            await party.enrol("party")
            mediator.sign("test.case.opened", {"members": [party.key.vkey]})
            mediator.start()
            await until(lambda: mediator.states() == {"confirmed": 1})
            party.start()
            party.sign(
                "evidence.deposited",
                {"documents": [{"name": "借条.jpg", "sha256": "ab" * 32, "size": 12}]},
            )
            await until(lambda: party.count() == 2 and mediator.count() == 2)
            await until(lambda: party.states() == {"confirmed": 1})
            for desk in (mediator, party):
                # both desks hold both entries, each with a receipt that verifies offline
                assert desk.count(model=Receipt) == 2
                with desk.store.session() as session:
                    rows = session.execute(
                        select(LogEntry.entry, Receipt.receipt).join(
                            Receipt, Receipt.leaf_hash == LogEntry.leaf_hash
                        )
                    ).all()
                # the other desk's enrolment and its approval by the node came with receipts
                kinds = {parse_entry(text).statement.type for text, _ in rows}
                assert {"identity.enrol", "identity.approved"} <= kinds
                info = node.info
                for text, receipt in rows:
                    verify_receipt(
                        receipt,
                        text.encode(),
                        parse_vkey(info["log_vkey"]),
                        [parse_vkey(v) for v in info["witness_vkeys"]],
                    )
            assert mediator.count(LogEntry.source == "chain") == 1
            assert party.count(LogEntry.source == "chain") == 1
            assert mediator.statuses[-1].state == "online"
            assert mediator.statuses[-1].auto_approve is True
        finally:
            await mediator.stop()
            await party.stop()
            await node.close()

    run(scenario)


def test_entries_signed_offline_are_sent_in_order_once(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        port = node.port
        desk = Desk(tmp_path, "mediator", node.url)
        await desk.enrol("mediator")
        desk.sign("test.case.opened", {"members": []})
        desk.start()
        await until(lambda: desk.states() == {"confirmed": 1})
        await node.close()  # the node goes away
        await until(lambda: desk.statuses[-1].state == "offline")
        leaves = [
            desk.sign(
                "evidence.deposited",
                {"documents": [{"name": f"f{i}", "sha256": f"{i:064x}", "size": i}]},
            )
            for i in range(25)
        ]
        await asyncio.sleep(0.3)
        assert desk.states() == {"confirmed": 1, "pending": 25}  # kept, not lost, not "saved"
        node = await start_node(tmp_path / "node", port=port)  # back, same data and port
        try:
            await until(lambda: desk.states() == {"confirmed": 26}, timeout=60)
            with desk.store.session() as session:
                indexes = [
                    session.scalar(
                        select(OutboxItem.chain_index).where(OutboxItem.leaf_hash == leaf)
                    )
                    for leaf in leaves
                ]
            assert indexes == sorted(indexes) and len(set(indexes)) == 25  # in order, none twice
            assert node.info["tree_size"] == max(indexes) + 1
        finally:
            await desk.stop()
            await node.close()

    run(scenario)


def test_unreachable_node_is_reported_not_raised(tmp_path: Path) -> None:
    async def scenario() -> None:
        desk = Desk(tmp_path, "lonely", "ws://127.0.0.1:9")
        with pytest.raises(NodeUnreachable):
            await desk.client.connect()
        desk.start()
        await until(lambda: bool(desk.statuses) and desk.statuses[-1].state == "offline")
        assert "cannot be reached" in desk.statuses[-1].detail
        await desk.stop()

    run(scenario)


def test_rollback_to_an_older_checkpoint_raises_the_alarm(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        port = node.port
        desk = Desk(tmp_path, "mediator", node.url)
        await desk.enrol("mediator")
        desk.sign("test.case.opened", {"members": []})
        desk.start()
        await until(lambda: desk.states() == {"confirmed": 1})
        await node.close()
        snapshot = tmp_path / "snapshot"
        shutil.copytree(tmp_path / "node", snapshot)  # the node's state at this size
        node = await start_node(tmp_path / "node", port=port)
        for i in range(3):
            desk.sign(
                "evidence.deposited",
                {"documents": [{"name": f"f{i}", "sha256": f"{i:064x}", "size": i}]},
            )
        await until(lambda: desk.states() == {"confirmed": 4})
        await node.close()
        shutil.rmtree(tmp_path / "node")
        shutil.copytree(snapshot, tmp_path / "node")  # the operator restores an old backup
        node = await start_node(tmp_path / "node", port=port)
        try:
            await until(lambda: desk.statuses[-1].state == "alarm")
            assert "rollback" in desk.statuses[-1].detail
            assert desk.task is not None
            await asyncio.wait_for(desk.task, 10)  # syncing stopped by itself
            with desk.store.session() as session:
                alarm = session.scalars(select(CheckpointAlarm)).one()
            assert alarm.kind == "rollback" and alarm.kept_note != alarm.offered_note
        finally:
            await node.close()

    run(scenario)


def test_a_second_root_for_a_seen_size_is_a_split_view(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "a")
        desk = Desk(tmp_path, "mediator", node.url)
        other = Desk(tmp_path, "other", node.url)
        await desk.enrol("mediator")
        await other.enrol("party")
        await node.close()
        shutil.copytree(tmp_path / "a", tmp_path / "b")  # same keys, same history so far
        a = await start_node(tmp_path / "a")
        b = await start_node(tmp_path / "b")
        try:
            # node a and node b each sequence a different entry at the same index
            desk.client.config = ClientConfig(url=a.url, poll_seconds=0.2)
            desk.sign("test.case.opened", {"members": []})
            await desk.client.connect()
            await desk.client.login()
            await desk.client.flush()
            await desk.client._disconnect()
            other.client.config = ClientConfig(url=b.url, poll_seconds=0.2)
            other.sign("test.case.opened", {"members": []}, case="case-b")
            await other.client.connect()
            await other.client.login()
            await other.client.flush()
            await other.client._disconnect()
            assert a.info["tree_size"] == b.info["tree_size"]
            # the mediator's desk, having verified a's checkpoint, is now shown b's
            desk.client.config = ClientConfig(url=b.url, poll_seconds=0.2)
            with pytest.raises(ChainAlarm) as caught:
                await desk.client.connect()
            assert caught.value.kind == "split-view"
            assert desk.count(model=CheckpointAlarm) == 1
        finally:
            await desk.client._disconnect()
            await a.close()
            await b.close()

    run(scenario)


def test_a_member_added_later_receives_the_case_from_its_start(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        mediator, party = Desk(tmp_path, "mediator", node.url), Desk(tmp_path, "party", node.url)
        try:
            await mediator.enrol("mediator")
            await party.enrol("party")
            mediator.sign("test.case.opened", {"members": []})
            mediator.sign(
                "evidence.deposited", {"documents": [{"name": "a", "sha256": "1" * 64, "size": 1}]}
            )
            mediator.start()
            party.start()
            await until(lambda: mediator.states() == {"confirmed": 2})
            mediator.sign("test.member.added", {"members": [party.key.vkey]})
            await until(lambda: party.count() == 3)
            with party.store.session() as session:
                kinds = list(
                    session.scalars(
                        select(LogEntry.type)
                        .where(~LogEntry.type.startswith("identity."))
                        .order_by(LogEntry.seq)
                    )
                )
            # the entries from before the party joined arrived too, in log order, with receipts
            assert kinds == ["test.case.opened", "evidence.deposited", "test.member.added"]
            assert party.count(model=Receipt) == 3
        finally:
            await mediator.stop()
            await party.stop()
            await node.close()

    run(scenario)


def test_signers_must_be_enrolled_by_the_pinned_node_key(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        desk = Desk(tmp_path, "mediator", node.url)
        try:
            await desk.enrol("mediator")
            await desk.client.connect()
            await desk.client.login()
            stranger = SigningKey.generate()
            assert await desk.client.is_enrolled(stranger.vkey) is False
            assert await desk.client.is_enrolled(desk.key.vkey) is True
            # the enrolment and the node's approval are now held locally, with receipts
            with desk.store.session() as session:
                kinds = set(
                    session.scalars(
                        select(LogEntry.type).join(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
                    )
                )
            assert kinds == {"identity.enrol", "identity.approved"}
            assert await desk.client.ingest(10_000, "not an entry") is False
        finally:
            await desk.client._disconnect()
            await node.close()

    run(scenario)


def test_another_log_at_the_same_address_is_refused(tmp_path: Path) -> None:
    """One log per profile: a node with another origin is another log, however well its own
    signatures verify (PROTOCOL.md section 5.1)."""

    async def scenario() -> None:
        node = await start_node(tmp_path / "a")
        port = node.port
        desk = Desk(tmp_path, "mediator", node.url)
        await desk.enrol("mediator")
        desk.sign("test.case.opened", {"members": []})
        desk.start()
        await until(lambda: desk.states() == {"confirmed": 1})
        await node.close()
        other = await start_node(tmp_path / "b", port=port)  # a new origin, same address
        try:
            await until(lambda: desk.statuses[-1].state == "alarm")
            assert "other keys than the ones this desktop pinned" in desk.statuses[-1].detail
        finally:
            await desk.stop()
            await other.close()

    run(scenario)
