"""A late application for judicial confirmation at a real node (injected clock): after the 30
days (PML Art. 33; CPL Art. 205, counted per Civil Code Art. 201, 203) the node sequences it
rather than refusing it, and every desk records it as late (CPL Art. 86: the court decides on an
extension, not the chain)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from chain_client.sync import ChainClient, ClientConfig
from chain_node.config import NodeConfig
from chain_node.domains import installed_domains
from chain_node.server import serve
from ledger.clock import FixedClock
from ledger.statement import build_statement
from ledger.store.append import sign_and_append
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.store import Store
from mediation import services
from mediation import types as t
from mediation.case import confirmation_deadline, confirmation_last_day
from tests.notes import with_notes

from .conftest import CASE, Case
from .test_enforcement_on_chain import until

# In effect on Thursday 2026-11-05 (Beijing): the 30th day, 2026-12-05, is a Saturday, so the
# period ends at 24:00 on Monday 2026-12-07 (Civil Code Art. 203; CPL Art. 85).
START = datetime(2026, 11, 5, 1, 0, tzinfo=UTC)
END = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)


def test_cpl_art_86_a_late_application_is_sequenced_and_marked_late_on_every_desk(
    tmp_path: Path,
) -> None:
    plan = Case(clock=START)
    clock = FixedClock(START)

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
            for name, key, role in (
                ("mediator", plan.mediator, "mediator"),
                ("lender", plan.lender, "party"),
                ("borrower", plan.borrower, "party"),
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

            def outbox(name: str) -> set[str]:
                with desks[name][0].session() as session:
                    return set(session.scalars(select(OutboxItem.state)))

            def holds(name: str, count: int) -> bool:
                with desks[name][0].session() as session:
                    return count <= session.scalar(
                        select(func.count()).where(LogEntry.case_id == CASE)
                    )

            for statement, who in [
                (plan.add(plan.opened()), "mediator"),
                (plan.add(plan.proposed()), "mediator"),
            ]:
                sign(who, statement)
                await until(lambda who=who: outbox(who) <= {"confirmed"})
            for who, key in (
                ("lender", plan.lender),
                ("borrower", plan.borrower),
                ("mediator", plan.mediator),
            ):
                held = len(plan.history)
                await until(lambda who=who, held=held: holds(who, held))
                clock.advance(timedelta(minutes=1))
                sign(who, plan.add(plan.signed(key)))
                await until(lambda who=who: outbox(who) <= {"confirmed"})
            await until(lambda: holds("lender", len(plan.history)))
            state = services.load(desks["lender"][0], CASE)
            assert confirmation_last_day(state, "A1").isoformat() == "2026-12-07"
            assert confirmation_deadline(state, "A1") == END

            # a day after the period ended, the lender applies: the node sequences it
            clock.advance(END + timedelta(days=1) - clock.now())
            court = {"agreement_id": "A1", "court": "北京市朝阳区人民法院"}
            sign("lender", plan.add(plan.make(plan.lender, t.CONFIRMATION_APPLIED, court)))
            await until(lambda: outbox("lender") == {"confirmed"})
            for name in desks:
                await until(lambda name=name: holds(name, len(plan.history)))
                state = services.load(desks[name][0], CASE)
                assert set(state.confirmation_late) == {plan.lender.vkey}, name
        finally:
            for store, client, _, task in desks.values():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
                await client._disconnect()
                store.close()
            await node.close()

    asyncio.run(asyncio.wait_for(scenario(), 120))
