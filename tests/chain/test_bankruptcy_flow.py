"""The claims procedure's first step over a real node and real desks: the judge accepts the
case, the administrator invites a creditor, the creditor declares from its own desk, the
administrator reviews and publishes the claim table; the creditor's desk then shows the reviewed
claim and the table, and a replay of its log equals its tables (the courts' on-chain/off-chain
consistency check, SPC Opinions item 31)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bankruptcy import services
from bankruptcy import types as t
from bankruptcy.projections import BankruptcyCase, ClaimRow, TableVersion
from chain_client.sync import ChainClient, ClientConfig
from chain_node.config import NodeConfig
from chain_node.domains import installed_domains
from chain_node.server import serve
from ledger.keys import SigningKey
from ledger.statement import build_statement
from ledger.store.append import sign_and_append
from ledger.store.audit import consistency
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.store import Store
from tests.bankruptcy.plan import CASE, Plan


async def until(predicate, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)


class Desk:
    """One person's desktop: its own SQLite store and chain client, signing with its own key."""

    def __init__(self, folder: Path, name: str, key: SigningKey, url: str) -> None:
        self.name, self.key, self.url = name, key, url
        self.store = Store.open(f"sqlite:///{folder / name}.sqlite", installed_domains())
        self.client = ChainClient(self.store, key, ClientConfig(url=url, poll_seconds=0.2))
        self.task: asyncio.Task[None] | None = None

    async def start(self, role: str) -> None:
        await self.client.connect()
        assert (await self.client.enrol(self.name, role))["status"] == "approved"
        await self.client._disconnect()
        self.task = asyncio.create_task(self.client.run())

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
            await self.client._disconnect()
        self.store.close()

    def sign(self, origin: str, type_: str, body: dict[str, Any]) -> bytes:
        """Check the statement against this desk's case (the rule the node runs), then sign
        and append it."""
        statement = build_statement(
            log=origin,
            type=type_,
            case=CASE,
            actor=self.key.vkey,
            time=datetime.now(UTC),
            body=body,
        )
        services.checked(services.load(self.store, CASE), statement)
        with self.store.transaction() as session:
            entry, _ = sign_and_append(session, self.store.projections, self.key, statement)
        self.client.kick()
        return entry.leaf_hash

    def holds(self, count: int) -> bool:
        with self.store.session() as session:
            rows = session.scalars(select(LogEntry.seq).where(LogEntry.case_id == CASE)).all()
        return len(rows) >= count

    def confirmed(self, leaf: bytes) -> bool:
        with self.store.session() as session:
            row = session.get(OutboxItem, leaf)
            return row is not None and row.state == "confirmed"


def test_a_creditor_s_desk_shows_its_reviewed_claim_and_the_table(tmp_path: Path) -> None:
    plan = Plan()

    async def scenario() -> None:
        node = await serve(
            NodeConfig(data_dir=tmp_path / "node", auto_approve=True, domains=installed_domains())
        )
        judge = Desk(tmp_path, "judge", plan.judge, node.url)
        administrator = Desk(tmp_path, "administrator", plan.administrator, node.url)
        creditor = Desk(tmp_path, "bank", plan.bank, node.url)
        desks = (judge, administrator, creditor)
        try:
            for desk, role in zip(desks, ("judge", "administrator", "creditor"), strict=True):
                await desk.start(role)
            origin = node.info["origin"]

            accepted = judge.sign(
                origin,
                t.CASE_ACCEPTED,
                plan.accepted(debtor_key=None, members=[plan.administrator.vkey]),
            )
            await until(lambda: judge.confirmed(accepted) and administrator.holds(1))
            invited = administrator.sign(origin, t.CREDITORS_INVITED, plan.invited(plan.bank))
            await until(lambda: administrator.confirmed(invited) and creditor.holds(2))

            # the creditor declares on its own desk; its desk knows the case from the chain
            declared = creditor.sign(origin, t.CLAIM_DECLARED, plan.declared("C1"))
            await until(lambda: creditor.confirmed(declared) and administrator.holds(3))

            state = services.load(administrator.store, CASE)
            plan.slot.state = state  # the plan builds the review from the administrator's view
            review = plan.reviewed("C1", interest=("adjusted", 4_000_00))
            administrator.sign(origin, t.CLAIM_REVIEWED, review)
            table = services.table_body(services.load(administrator.store, CASE))
            published = administrator.sign(origin, t.TABLE_PUBLISHED, table)
            await until(lambda: administrator.confirmed(published) and creditor.holds(5))

            with creditor.store.session() as session:
                row = session.get(ClaimRow, (CASE, "C1"))
                assert row is not None
                assert (row.status, row.review_version, row.declared_fen, row.confirmed_fen) == (
                    "adjusted",
                    1,
                    1_005_000_00,
                    1_004_000_00,
                )
                assert (row.creditor_name, row.claim_group, row.late) == (
                    "某商业银行股份有限公司",
                    "ordinary",
                    False,
                )
                case = session.get(BankruptcyCase, CASE)
                assert (case.claims, case.table_version) == (1, 1)
                versions = session.scalars(
                    select(TableVersion).where(TableVersion.case_id == CASE)
                ).all()
                assert [(v.version, v.claims, v.confirmed_fen) for v in versions] == [
                    (1, 1, 1_004_000_00)
                ]
                assert versions[0].rows_hash == table["rows_hash"]
            # the creditor's desk recomputes the same table from its own copy of the chain
            assert (
                services.table_body(services.load(creditor.store, CASE))["rows_hash"]
                == (table["rows_hash"])
            )
            for desk in desks:
                with desk.store.session(write=True) as session:
                    assert consistency(session, desk.store.projections) == []
        finally:
            for desk in desks:
                await desk.stop()
            await node.close()

    asyncio.run(asyncio.wait_for(scenario(), 120))
