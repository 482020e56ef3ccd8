"""A statement the node rejects counts nowhere on the desk that signed it.

Two desks at the same moment, on a real node: the borrower signs version 1 of an agreement while
offline; meanwhile the mediator proposes version 2. When the borrower's desk reconnects, the node
refuses the stale signature (online mediation rules Art. 19). Every case view of that desk
then shows the case without it, and a replay of its log agrees with its tables.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from chain_client.sync import ChainClient, ClientConfig
from chain_node.config import NodeConfig
from chain_node.domains import installed_domains
from chain_node.server import serve
from ledger.keys import SigningKey
from ledger.statement import Statement, build_statement
from ledger.store.append import sign_and_append
from ledger.store.audit import consistency
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.store import Store
from mediation import services
from mediation.projections import MediationCase, TimelineEvent
from tests.mediation.conftest import CASE, Case


async def until(predicate, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)


class Desk:
    def __init__(self, folder: Path, name: str, key: SigningKey, url: str) -> None:
        self.name, self.key, self.url = name, key, url
        self.store = Store.open(f"sqlite:///{folder / name}.sqlite", installed_domains())
        self.client = self._client()
        self.task: asyncio.Task[None] | None = None

    def _client(self) -> ChainClient:
        return ChainClient(self.store, self.key, ClientConfig(url=self.url, poll_seconds=0.2))

    async def start(self, role: str | None = None) -> None:
        if role is not None:
            await self.client.connect()
            assert (await self.client.enrol(self.name, role))["status"] == "approved"
            await self.client._disconnect()
        self.task = asyncio.create_task(self.client.run())

    async def stop(self) -> None:
        assert self.task is not None
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)
        await self.client._disconnect()
        self.client, self.task = self._client(), None

    def sign(self, origin: str, statement: Statement) -> bytes:
        signed = build_statement(
            log=origin,
            type=statement.type,
            case=statement.case,
            actor=self.key.vkey,
            time=datetime.now(UTC),  # the node refuses times far from its clock
            body=statement.body,
        )
        with self.store.transaction() as session:
            entry, _ = sign_and_append(session, self.store.projections, self.key, signed)
        self.client.kick()
        return entry.leaf_hash

    def holds(self, count: int) -> bool:
        with self.store.session() as session:
            rows = session.scalars(select(LogEntry.seq).where(LogEntry.case_id == CASE)).all()
        return len(rows) >= count

    def outbox(self, leaf: bytes) -> tuple[str, str | None]:
        with self.store.session() as session:
            row = session.get(OutboxItem, leaf)
            return row.state, row.reason


def test_a_rejected_entry_disappears_from_every_case_view(tmp_path: Path) -> None:
    plan = Case()

    async def scenario() -> None:
        node = await serve(
            NodeConfig(data_dir=tmp_path / "node", auto_approve=True, domains=installed_domains())
        )
        mediator = Desk(tmp_path, "mediator", plan.mediator, node.url)
        borrower = Desk(tmp_path, "borrower", plan.borrower, node.url)
        try:
            await mediator.start("mediator")
            await borrower.start("party")
            origin = node.info["origin"]
            mediator.sign(origin, plan.add(plan.opened()))
            mediator.sign(origin, plan.add(plan.proposed()))
            await until(lambda: borrower.holds(2))

            await borrower.stop()  # offline: signs version 1 as the borrower's desk shows it
            stale = borrower.sign(origin, plan.signed(plan.borrower))
            with borrower.store.session() as session:
                assert session.get(TimelineEvent, stale) is not None
            assert plan.borrower.vkey in services.load(borrower.store, CASE).agreements[
                "A1"
            ].signatures.get(1, {})

            newer = mediator.sign(origin, plan.add(plan.proposed(2, facts="双方核对后的事实")))
            await until(lambda: mediator.outbox(newer)[0] == "confirmed")
            await borrower.start()  # back online: the node refuses the stale signature
            await until(lambda: borrower.outbox(stale)[0] == "rejected")
            assert "no longer the one proposed" in (borrower.outbox(stale)[1] or "")
            await until(lambda: borrower.holds(4))  # the stale one and the three on the chain

            state = services.load(borrower.store, CASE)
            assert state.agreements["A1"].signatures == {}
            assert state.agreements["A1"].latest.number == 2
            with borrower.store.session() as session:
                assert session.get(TimelineEvent, stale) is None
                timeline = session.scalars(
                    select(TimelineEvent.type).where(TimelineEvent.case_id == CASE)
                ).all()
                assert "mediation.agreement.signed" not in timeline
                row = session.get(MediationCase, CASE)
                assert (row.status, row.agreement_version) == ("signing", 2)
            with borrower.store.session(write=True) as session:
                assert consistency(session, borrower.store.projections) == []
        finally:
            for desk in (mediator, borrower):
                if desk.task is not None:
                    await desk.stop()
                desk.store.close()
            await node.close()

    asyncio.run(asyncio.wait_for(scenario(), 120))
