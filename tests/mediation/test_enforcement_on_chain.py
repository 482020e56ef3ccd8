"""Opinion item 14 on a real node: the deadline passes (injected clock), the node appends a
signed enforcement request, and every member's desktop receives and verifies it."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from chain_client.sync import ChainClient, ClientConfig
from chain_node.config import NodeConfig
from chain_node.domains import installed_domains
from chain_node.server import serve
from ledger.clock import FixedClock
from ledger.keys import SigningKey
from ledger.statement import build_statement, parse_entry
from ledger.store.append import sign_and_append
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.store import Store
from mediation import types as t
from mediation.agreement import due_at
from mediation.projections import MediationCase
from tests.notes import with_notes

from .conftest import CASE, T0, Case


async def until(predicate, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)


def test_missed_deadline_files_enforcement_on_every_desk(tmp_path: Path) -> None:
    plan = Case()
    clock = FixedClock(T0)

    async def scenario() -> None:
        node = await serve(
            NodeConfig(
                domains=with_notes(),
                data_dir=tmp_path / "node",
                auto_approve=True,
                clock=clock,
                trigger_poll_seconds=3600,
            )
        )
        desks = {}
        try:
            judge = SigningKey.generate()
            for name, key, role in (
                ("mediator", plan.mediator, "mediator"),
                ("lender", plan.lender, "party"),
                ("borrower", plan.borrower, "party"),
                ("judge", judge, "judge"),
            ):
                store = Store.open(f"sqlite:///{tmp_path / name}.sqlite", installed_domains())
                client = ChainClient(
                    store, key, ClientConfig(url=node.url, poll_seconds=0.2), clock=clock
                )
                info = await client.connect()
                assert (await client.enrol(name, role))["status"] == "approved"
                await client._disconnect()
                desks[name] = (store, client, key, asyncio.create_task(client.run()))
            origin = info["origin"]

            def sign(name: str, statement) -> None:
                store, client, key, _ = desks[name]
                resigned = build_statement(
                    log=origin,
                    type=statement.type,
                    case=statement.case,
                    actor=key.vkey,
                    time=clock.now(),
                    body=statement.body,
                )
                with store.transaction() as session:
                    sign_and_append(session, store.projections, key, resigned, clock=clock)
                client.kick()

            def confirmed(name: str) -> bool:
                with desks[name][0].session() as session:
                    return set(session.scalars(select(OutboxItem.state))) <= {"confirmed"}

            for statement, who in [
                (plan.add(plan.opened()), "mediator"),
                (plan.add(plan.proposed()), "mediator"),
            ]:
                sign(who, statement)
                await until(lambda who=who: confirmed(who))

            def holds(name: str, count: int) -> bool:
                with desks[name][0].session() as session:
                    return count <= session.scalar(
                        select(func.count()).where(LogEntry.case_id == CASE)
                    )

            for who, key in (
                ("lender", plan.lender),
                ("borrower", plan.borrower),
                ("mediator", plan.mediator),
            ):
                # a desk signs what it holds: its views follow its own log's order
                held = len(plan.history)
                await until(lambda who=who, held=held: holds(who, held))
                sign(who, plan.add(plan.signed(key)))
                await until(lambda who=who: confirmed(who))

            def status(name: str) -> str | None:
                with desks[name][0].session() as session:
                    return session.scalar(
                        select(MediationCase.status).where(MediationCase.case_id == CASE)
                    )

            for name in ("mediator", "lender", "borrower"):
                await until(lambda name=name: status(name) == "effective")

            # the parties apply to the court (making its judge a member of the case); only a
            # key enrolled as judge may rule (CPL Art. 206; the node checks the role)
            court = {"agreement_id": "A1", "court": "北京市朝阳区人民法院", "members": [judge.vkey]}
            sign("lender", plan.add(plan.make(plan.lender, t.CONFIRMATION_APPLIED, court)))
            await until(lambda: confirmed("lender"))
            effective_hash = plan.history[2].body["content_hash"]
            ruling = {
                "agreement_id": "A1",
                "content_hash": effective_hash,
                "valid": True,
                "court": "北京市朝阳区人民法院",
            }
            sign("borrower", plan.make(plan.borrower, t.CONFIRMATION_RULED, ruling))

            def refused(name: str) -> str | None:
                with desks[name][0].session() as session:
                    return session.scalar(
                        select(OutboxItem.reason).where(OutboxItem.state == "rejected")
                    )

            await until(lambda: refused("borrower") is not None)
            assert "judge" in refused("borrower")
            sign("judge", plan.add(plan.make(judge, t.CONFIRMATION_RULED, ruling)))
            await until(lambda: confirmed("judge"))

            assert await node.node.run_triggers() == []  # nothing due yet
            clock.advance(due_at("2026-12-31", 3) - T0 + timedelta(minutes=1))
            [index] = await node.node.run_triggers()
            assert await node.node.run_triggers() == []  # only once
            for name in desks:
                await until(lambda name=name: status(name) == "enforcement")
                with desks[name][0].session() as session:
                    row = session.execute(
                        select(LogEntry.actor, LogEntry.source).where(
                            LogEntry.type == t.ENFORCEMENT_REQUESTED
                        )
                    ).one()
                assert row.actor == node.info["node_vkey"] and row.source == "chain"
                with desks[name][0].session() as session:
                    text = session.scalar(
                        select(LogEntry.entry).where(LogEntry.type == t.ENFORCEMENT_REQUESTED)
                    )
                # confirmed by the court: the filing is for enforcement (PML Art. 33)
                assert parse_entry(text).statement.body["filing"] == "enforcement"
            assert index == node.info["tree_size"] - 1
        finally:
            for store, client, _, task in desks.values():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
                await client._disconnect()
                store.close()
            await node.close()

    asyncio.run(asyncio.wait_for(scenario(), 120))
