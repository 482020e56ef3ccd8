"""CheckpointTracker on a real store with real signed checkpoints (PROTOCOL.md section 5.2)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import func, select

from chain_client.checkpoints import CheckpointTracker
from chain_client.errors import ChainAlarm, ChainError
from ledger.checkpoint import Checkpoint, sign_checkpoint
from ledger.keys import SIG_COSIGNATURE_V1, SigningKey
from ledger.merkle import consistency_proof_from_leaves, leaf_hash, root_from_leaf_hashes
from ledger.store.models import CheckpointAlarm, VerifiedCheckpoint
from ledger.store.store import Store

ORIGIN = "test.example/log"


@pytest.fixture
def world(tmp_path: Path):
    log_key, witness = SigningKey.generate(ORIGIN), SigningKey.generate(ORIGIN + "/witness")
    leaves = [leaf_hash(bytes([i])) for i in range(20)]
    other = [leaf_hash(bytes([i, 1])) for i in range(20)]
    store = Store.open(f"sqlite:///{tmp_path / 'c.sqlite'}")
    tracker = CheckpointTracker(store, log_key.verifier(), [witness.verifier(SIG_COSIGNATURE_V1)])

    def note(size: int, tree: list[bytes] = leaves) -> str:
        return sign_checkpoint(
            Checkpoint(ORIGIN, size, root_from_leaf_hashes(tree[:size])),
            log_key,
            [witness],
            1_800_000_000 + size,
        )

    async def proof(old: int, new: int) -> list[bytes]:
        return consistency_proof_from_leaves(old, new, leaves)

    yield store, tracker, note, proof, other
    store.close()


def alarms(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(CheckpointAlarm)) or 0


def test_growth_is_accepted_with_consistency_proofs(world) -> None:
    store, tracker, note, proof, _ = world
    for size in (0, 1, 5, 5, 12, 20):
        asyncio.run(tracker.observe(note(size), proof, as_latest=True))
    assert tracker.latest().size == 20
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(VerifiedCheckpoint)) == 5


def test_an_older_checkpoint_arriving_late_is_no_alarm(world) -> None:
    """A pushed checkpoint can be overtaken by a receipt's newer one: consistent, no alarm."""
    store, tracker, note, proof, _ = world
    asyncio.run(tracker.observe(note(10), proof, as_latest=False))
    asyncio.run(tracker.observe(note(9), proof, as_latest=False))
    assert tracker.latest().size == 10 and alarms(store) == 0


def test_the_node_offering_an_older_latest_is_a_rollback(world) -> None:
    store, tracker, note, proof, _ = world
    asyncio.run(tracker.observe(note(10), proof, as_latest=True))
    with pytest.raises(ChainAlarm) as caught:
        asyncio.run(tracker.observe(note(9), proof, as_latest=True))
    assert caught.value.kind == "rollback" and alarms(store) == 1


def test_a_second_root_for_a_size_is_a_split_view(world) -> None:
    store, tracker, note, proof, other = world
    asyncio.run(tracker.observe(note(10), proof, as_latest=True))
    with pytest.raises(ChainAlarm) as caught:
        asyncio.run(tracker.observe(note(10, other), proof, as_latest=False))
    assert caught.value.kind == "split-view"
    with store.session() as session:
        alarm = session.scalars(select(CheckpointAlarm)).one()
    assert alarm.kept_note == note(10) and alarm.offered_note == note(10, other)


def test_a_bigger_tree_without_a_valid_proof_is_inconsistent(world) -> None:
    _store, tracker, note, _proof, other = world
    asyncio.run(tracker.observe(note(10), _proof, as_latest=True))

    async def forged(old: int, new: int) -> list[bytes]:
        return consistency_proof_from_leaves(old, new, other)

    with pytest.raises(ChainAlarm) as caught:
        asyncio.run(tracker.observe(note(15, other), forged, as_latest=True))
    assert caught.value.kind == "inconsistent" and tracker.latest().size == 10


def test_a_checkpoint_that_does_not_verify_is_refused(world) -> None:
    store, tracker, note, proof, _ = world
    tampered = note(10).replace(ORIGIN + "\n10\n", ORIGIN + "\n11\n", 1)
    with pytest.raises(ChainError) as caught:
        asyncio.run(tracker.observe(tampered, proof, as_latest=True))
    # refused and not kept; not an alarm: a note that does not verify proves nothing
    assert not isinstance(caught.value, ChainAlarm) and tracker.latest() is None
    assert alarms(store) == 0
