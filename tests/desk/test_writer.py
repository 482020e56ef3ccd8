"""The profile's one writer, with a real embedded node and two desks.

- A GUI-thread ``record`` and the network thread's ingest at the same moment: nothing
  deadlocks, no two transactions overlap, and every view equals a replay of the log.
- A failing write reports its exception to the caller and leaves nothing half-written.
- While a write waits for the database (another connection holds SQLite's write lock), the
  network loop keeps answering: a call to the node returns, and the ingest completes later.
- Every committed write sends one change event naming what it wrote.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.changes import Changes
from desk.embedded import LocalNode, start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from desk.writer import Writer, WriterClosed
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.statement import build_statement
from ledger.store.audit import consistency
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.models import Receipt as ReceiptRow
from mediation import services

TIMEOUT = 60.0


def wait_for(predicate, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


class Events:
    """A change listener (called on the writer thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: list[tuple[Changes, str]] = []

    def __call__(self, changes: Changes) -> None:
        with self.lock:
            self.seen.append((changes, threading.current_thread().name))

    def about(self, case: str) -> list[Changes]:
        with self.lock:
            return [c for c, _ in self.seen if case in c.cases]


@dataclass
class World:
    node: LocalNode
    network: NetworkThread
    mediator: DeskSession
    party: DeskSession
    statuses: list


def open_session(tmp: Path, node: LocalNode, network: NetworkThread, name: str, role: str):
    profile = Profile.named(name, home=tmp)
    profile.save_settings(Settings(display_name=name, role=role))
    statuses: list = []
    session = DeskSession.open(
        profile, SigningKey.generate(), network, node.url, on_status=statuses.append
    )
    assert session.enrol().result(30)["status"] == "approved"
    session.start_sync()
    wait_for(lambda: bool(statuses) and statuses[-1].state == "online")
    return session, statuses


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    node = start_or_attach(tmp_path / "node")
    network = NetworkThread(name="jcd-network-writer-test").start()
    sessions: list[DeskSession] = []
    try:
        mediator, _ = open_session(tmp_path, node, network, "mediator", "mediator")
        sessions.append(mediator)
        party, statuses = open_session(tmp_path, node, network, "party", "party")
        sessions.append(party)
        yield World(node, network, mediator, party, statuses)
    finally:
        node.stop()
        network.stop()
        for session in sessions:
            session.close()


def open_case_with(mediator: DeskSession, party: DeskSession, case_id: str) -> None:
    """A mediation case naming ``party``'s key: the party's desk receives it (a member)."""
    prepared = services.open_case(
        mediator,
        case_id=case_id,
        dispute_type="loan",
        summary="借款纠纷",
        organisation="人民调解委员会",
        mediator_name="王调解员",
        parties=[
            services.PartyInput(id="P1", name="张三", key=party.key.vkey),
            services.PartyInput(id="P2", name="李四", role="respondent"),
        ],
    )
    mediator.record(prepared.statement)


def deposit(session: DeskSession, n: int):
    return session.statement(
        "evidence.deposited",
        "",
        {"documents": [{"name": f"{n}.pdf", "sha256": f"{n % 10}" * 64, "size": n}]},
    )


def count(session: DeskSession, case: str | None = None) -> int:
    with session.store.session() as s:
        query = select(func.count()).select_from(LogEntry)
        if case is not None:
            query = query.where(LogEntry.case_id == case)
        return int(s.scalar(query) or 0)


def has_case(session: DeskSession, case: str) -> bool:
    return count(session, case) > 0


def test_gui_record_and_network_ingest_at_once(world: World) -> None:
    """The party records deposits on this (GUI) thread while its network thread ingests the
    mediator's new cases: both finish, and the party's store is whole."""
    party, mediator = world.party, world.mediator
    events = Events()
    party.writer.add_listener(events)
    cases = [f"(2026)调字第{n}号" for n in range(6)]
    before = count(party)

    failures: list[BaseException] = []

    def open_cases() -> None:  # the mediator's desk, at the same time
        try:
            for case in cases:
                open_case_with(mediator, party, case)
        except BaseException as exc:
            failures.append(exc)

    opener = threading.Thread(target=open_cases, name="mediator-gui")
    opener.start()
    own = [party.record(deposit(party, n)) for n in range(12)]  # meanwhile, here
    opener.join(TIMEOUT)
    assert not opener.is_alive() and failures == []
    wait_for(lambda: all(has_case(party, c) for c in cases))

    assert [count(party, c) for c in cases] == [1] * len(cases)  # each case once
    # besides them, only the mediator's enrolment the ingest fetched to check the signer
    assert count(party) == before + len(own) + len(cases) + 2
    with party.store.session(write=True) as s:
        # every view equals a replay of the log: no half-applied transaction anywhere
        assert consistency(s, party.store.projections) == []
        s.rollback()
        own_rows = s.scalars(
            select(OutboxItem.leaf_hash).where(OutboxItem.leaf_hash.in_([e.leaf_hash for e in own]))
        ).all()
        ingested = s.scalars(select(LogEntry.leaf_hash).where(LogEntry.case_id.in_(cases))).all()
        receipts = s.scalars(
            select(ReceiptRow.leaf_hash).where(ReceiptRow.leaf_hash.in_(ingested))
        ).all()
    assert len(own_rows) == len(own)  # each own entry with its outbox row
    assert sorted(receipts) == sorted(ingested)  # each ingested entry with its receipt

    # change events: each on the writer thread, naming the case and type it wrote
    for case in cases:
        assert any("mediation.case.opened" in c.types and c.receipts for c in events.about(case))
    assert {name for _, name in events.seen} == {"jcd-writer"}
    assert sum(1 for c, _ in events.seen if "evidence.deposited" in c.types and c.outbox) >= 12


def test_writes_never_overlap_and_keep_their_order(world: World) -> None:
    """Jobs from this thread and from the network loop, each sleeping inside its transaction:
    none starts before the one before it ended, and one source's jobs run in its order."""
    writer = world.party.writer
    spans: list[tuple[str, int, float, float]] = []

    def job(source: str, n: int):
        def run(_session) -> None:
            start = time.perf_counter()
            time.sleep(0.005)
            spans.append((source, n, start, time.perf_counter()))

        return run

    async def from_loop() -> None:
        await asyncio.gather(*(writer.write(job("loop", n)) for n in range(20)))

    loop_done = world.network.submit(from_loop())
    futures = [writer.submit(job("gui", n)) for n in range(20)]
    for future in futures:
        future.result(TIMEOUT)
    loop_done.result(TIMEOUT)
    ordered = sorted(spans, key=lambda s: s[2])
    assert len(ordered) == 40
    for (_, _, _, end), (_, _, start, _) in itertools.pairwise(ordered):
        assert start >= end  # one at a time
    assert [n for source, n, _, _ in ordered if source == "gui"] == list(range(20))
    assert [n for source, n, _, _ in ordered if source == "loop"] == list(range(20))


def test_a_failing_write_reports_and_leaves_nothing(world: World) -> None:
    party = world.party
    events = Events()
    party.writer.add_listener(events)
    before = count(party)
    with party.store.session() as s:
        outbox_before = s.scalar(select(func.count()).select_from(OutboxItem))

    class DiskFull(Exception):
        pass

    def boom(_session) -> None:
        raise DiskFull("no space left")

    with pytest.raises(DiskFull):
        party.record(deposit(party, 1), also=boom)  # the append ran, then the also failed
    assert count(party) == before
    with party.store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxItem)) == outbox_before
    assert events.seen == []  # nothing committed, nothing announced

    # the same through the loop: the coroutine gets the exception
    async def from_loop() -> None:
        await party.writer.write(boom)

    with pytest.raises(DiskFull):
        world.network.submit(from_loop()).result(TIMEOUT)

    # and the writer goes on
    entry = party.record(deposit(party, 2))
    assert count(party) == before + 1 and entry.leaf_hash
    wait_for(lambda: any("evidence.deposited" in c.types for c, _ in events.seen))


def test_the_loop_answers_while_a_write_waits_for_the_lock(world: World) -> None:
    party, mediator = world.party, world.mediator
    case = "(2026)调字第99号"
    database = Path(party.store.engine.url.database or "")
    blocker = sqlite3.connect(database, timeout=0, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another connection holds SQLite's write lock
    try:
        open_case_with(mediator, party, case)
        # the party's ingest of it (or the checkpoint it verified first) waits for the lock
        wait_for(lambda: party.writer.busy, timeout=20)
        assert party.client.rpc is not None
        started = time.monotonic()
        info = world.network.submit(party.client.rpc.call("node.info")).result(5)
        answered = time.monotonic() - started
        assert info["origin"] and answered < 1.0  # the loop was not blocked by the write
        assert party.writer.busy and not has_case(party, case)  # the write still waits
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    wait_for(lambda: has_case(party, case))
    assert world.statuses[-1].state == "online"  # the session never dropped


def test_a_closed_writer_refuses_new_writes(tmp_path: Path) -> None:
    profile = Profile.named("solo", home=tmp_path)
    profile.save_settings(Settings(display_name="solo", role="mediator"))
    network = NetworkThread().start()
    session = DeskSession.open(profile, SigningKey.generate(), network, "ws://127.0.0.1:9/")
    try:
        writer: Writer = session.writer
        statement = build_statement(
            log="example.test/log",
            type="evidence.deposited",
            case="",
            actor=session.key.vkey,
            time=session.clock.now(),
            body={"documents": [{"name": "a.pdf", "sha256": "a" * 64, "size": 1}]},
        )
        assert session.record(statement).leaf_hash  # written through the writer
        queued = writer.submit(lambda s: s.scalar(select(func.count()).select_from(LogEntry)))
        writer.close()
        assert queued.result(5) == 1  # what was queued before close still ran
        with pytest.raises(WriterClosed):
            writer.submit(lambda s: None)
    finally:
        network.stop()
        session.close()
