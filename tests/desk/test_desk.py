"""Desk services with a real embedded node: network thread, attach, sign and confirm."""

from __future__ import annotations

import asyncio
import time
import warnings
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.embedded import start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession, NotConnectedYet
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.store.models import OutboxItem


def wait_for(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def test_network_thread_stops_with_nothing_pending() -> None:
    network = NetworkThread().start()

    async def forever() -> None:
        await asyncio.sleep(3600)

    futures = [network.submit(forever()) for _ in range(5)]
    assert network.submit(asyncio.sleep(0, result=42)).result(5) == 42
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        network.stop()
    assert not network.running
    assert all(f.cancelled() or f.done() for f in futures)
    assert not [w for w in caught if "pending" in str(w.message)]
    with pytest.raises(RuntimeError):
        network.submit(asyncio.sleep(0))


def test_second_app_attaches_to_the_running_embedded_node(tmp_path: Path) -> None:
    first = start_or_attach(tmp_path / "node")
    try:
        second = start_or_attach(tmp_path / "node")
        assert second.owned is None and second.url == first.url
    finally:
        first.stop()


def test_session_signs_then_sees_the_entry_confirmed(tmp_path: Path) -> None:
    node = start_or_attach(tmp_path / "node")
    network = NetworkThread().start()
    profile = Profile.named("mediator", home=tmp_path)
    profile.save_settings(Settings(display_name="王调解员", role="mediator"))
    statuses = []
    session = DeskSession.open(
        profile, SigningKey.generate(), network, node.url, on_status=statuses.append
    )
    try:
        with pytest.raises(NotConnectedYet):
            session.statement("evidence.deposited", "", {})
        assert session.enrol().result(30)["status"] == "approved"
        session.start_sync()
        wait_for(lambda: bool(statuses) and statuses[-1].state == "online")
        entry = session.record(
            session.statement(
                "evidence.deposited",
                "",
                {"documents": [{"name": "调解笔录.pdf", "sha256": "c" * 64, "size": 99}]},
            )
        )

        def state() -> str:
            with session.store.session() as s:
                return s.scalar(
                    select(OutboxItem.state).where(OutboxItem.leaf_hash == entry.leaf_hash)
                )

        wait_for(lambda: state() == "confirmed")
        wait_for(lambda: statuses[-1].pending == 0 and statuses[-1].submitted == 0)
    finally:
        network.stop()
        session.close()
        node.stop()
