"""The checkpoints this desktop has verified, and the alarm when a log shows two histories.

PROTOCOL.md section 5.2: accept a newer checkpoint only if its signatures verify and a
consistency proof from the kept one verifies (RFC 9162 section 2.1.4). A smaller size offered
as the latest, a second root for a size already seen, or a proof that fails is an alarm: both
notes are kept in ``checkpoint_alarms`` as evidence and syncing stops. Each kept checkpoint
keeps the consistency proof from the one kept before it, so the history can be re-checked
offline (``log verify``).
"""

from __future__ import annotations

import asyncio
import base64
import itertools
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from chain_client.errors import ChainAlarm, ChainError
from ledger.checkpoint import VerifiedCheckpoint, verify_checkpoint
from ledger.clock import Clock, format_time
from ledger.errors import LedgerError
from ledger.keys import Verifier
from ledger.merkle import ProofError, verify_consistency
from ledger.store.models import CheckpointAlarm
from ledger.store.models import VerifiedCheckpoint as CheckpointRow
from ledger.store.store import Store

ConsistencyFetcher = Callable[[int, int], Awaitable[list[bytes]]]
# Runs a function of a session in one write transaction and awaits it: the sync client passes
# its writer's, so that no commit blocks the event loop (chain_client/sync.py).
Write = Callable[[Callable[[Session], Any]], Awaitable[Any]]


class CheckpointTracker:
    def __init__(
        self,
        store: Store,
        log_key: Verifier,
        witness_keys: Sequence[Verifier],
        clock: Clock | None = None,
        write: Write | None = None,
    ) -> None:
        self.store = store
        self._write: Write = write or self._write_here
        self.origin = log_key.name
        self.log_key = log_key
        self.witness_keys = list(witness_keys)
        self.clock = clock or Clock()
        # observe() awaits proofs: without a lock, two receipts citing one new checkpoint
        # would both find it unseen and keep it twice.
        self._lock = asyncio.Lock()

    async def _write_here(self, fn: Callable[[Session], Any]) -> Any:
        """Without a writer (a tracker used on its own): commit in place."""
        with self.store.transaction() as session:
            return fn(session)

    def latest(self) -> CheckpointRow | None:
        with self.store.session() as session:
            return session.scalars(
                select(CheckpointRow)
                .where(CheckpointRow.origin == self.origin)
                .order_by(CheckpointRow.size.desc(), CheckpointRow.id.desc())
                .limit(1)
            ).first()

    def _seen(self, size: int) -> CheckpointRow | None:
        with self.store.session() as session:
            return session.scalars(
                select(CheckpointRow)
                .where(CheckpointRow.origin == self.origin, CheckpointRow.size == size)
                .limit(1)
            ).first()

    def verify(self, note: str) -> VerifiedCheckpoint:
        try:
            return verify_checkpoint(note, self.log_key, self.witness_keys)
        except LedgerError as exc:
            # A note that does not verify proves nothing about the log: refuse it, no alarm.
            raise ChainError(
                detail=f"The node sent a checkpoint that does not verify: {exc}"
            ) from exc

    async def keep_missing_proofs(self, fetch_consistency: ConsistencyFetcher) -> int:
        """Checkpoints kept before their proofs were stored (ledger migration 0003) get the
        proof from the one kept before them now, verified like any other (an alarm if it
        fails), so ``log verify`` can re-check the whole history. Returns how many."""
        async with self._lock:
            with self.store.session() as session:
                rows = session.scalars(
                    select(CheckpointRow)
                    .where(CheckpointRow.origin == self.origin)
                    .order_by(CheckpointRow.id)
                ).all()
            missing = [
                (before, row)
                for before, row in itertools.pairwise(rows)
                if row.prior_size is None and row.size != before.size
            ]
            for start in range(0, len(missing), 100):  # proofs asked 100 at a time
                part = missing[start : start + 100]
                proofs = await asyncio.gather(
                    *(
                        self._prove(
                            old.size,
                            old.root_hash,
                            new.size,
                            new.root_hash,
                            fetch_consistency,
                            old.note,
                            new.note,
                        )
                        for old, new in part
                    )
                )

                def keep_proofs(session: Session, part: Any = part, proofs: Any = proofs) -> None:
                    for (old, new), proof in zip(part, proofs, strict=True):
                        session.execute(
                            update(CheckpointRow)
                            .where(CheckpointRow.id == new.id)
                            .values(prior_size=old.size, consistency_proof=b"".join(proof))
                        )

                await self._write(keep_proofs)
            return len(missing)

    async def observe(
        self, note: str, fetch_consistency: ConsistencyFetcher, *, as_latest: bool
    ) -> VerifiedCheckpoint:
        async with self._lock:
            return await self._observe(note, fetch_consistency, as_latest=as_latest)

    async def _observe(
        self, note: str, fetch_consistency: ConsistencyFetcher, *, as_latest: bool
    ) -> VerifiedCheckpoint:
        """Check ``note`` against everything verified before; keep it if it is new.

        ``as_latest`` is True when the node offers the note as its current checkpoint (then a
        smaller size than the kept one is a rollback); False for the checkpoint inside a
        receipt, which may legitimately be older than the kept one.
        """
        offered = self.verify(note)
        size, root = offered.checkpoint.size, offered.checkpoint.root_hash
        kept = self.latest()
        same_size = self._seen(size)
        if same_size is not None and same_size.root_hash != root:
            await self._alarm(
                "split-view", f"Two different roots for tree size {size}.", same_size.note, note
            )
        if kept is not None and size < kept.size and as_latest:
            await self._alarm(
                "rollback",
                f"The node offered size {size} as its latest after size {kept.size}.",
                kept.note,
                note,
            )
        if same_size is not None:
            return offered
        if kept is None:
            await self._keep(offered, None, [])
            return offered
        if size < kept.size:
            await self._prove(
                size, root, kept.size, kept.root_hash, fetch_consistency, kept.note, note
            )
            return offered
        proof = await self._prove(
            kept.size, kept.root_hash, size, root, fetch_consistency, kept.note, note
        )
        await self._keep(offered, kept.size, proof)
        return offered

    async def _prove(
        self,
        old: int,
        old_root: bytes,
        new: int,
        new_root: bytes,
        fetch: ConsistencyFetcher,
        kept_note: str,
        offered_note: str,
    ) -> list[bytes]:
        """The verified consistency proof from ``old`` to ``new`` (an alarm if it fails)."""
        if old == 0:
            return []  # every tree extends the empty one; RFC 9162 has no proof from size 0
        proof = await fetch(old, new)
        try:
            verify_consistency(old, new, old_root, new_root, proof)
        except ProofError as exc:
            await self._alarm(
                "inconsistent",
                f"No valid consistency proof from size {old} to size {new} ({exc}).",
                kept_note,
                offered_note,
            )
        return proof

    async def _keep(
        self, checkpoint: VerifiedCheckpoint, prior_size: int | None, proof: list[bytes]
    ) -> None:
        """Keep a verified checkpoint with the proof it was accepted with (``log verify``
        checks it again)."""
        row = CheckpointRow(
            origin=self.origin,
            size=checkpoint.checkpoint.size,
            root_hash=checkpoint.checkpoint.root_hash,
            note=checkpoint.note_text,
            verified_at=format_time(self.clock.now()),
            status="verified",
            prior_size=prior_size,
            consistency_proof=b"".join(proof) if prior_size is not None else None,
        )
        await self._write(lambda session: session.add(row))

    async def _alarm(self, kind: str, detail: str, kept_note: str, offered_note: str) -> None:
        row = CheckpointAlarm(
            origin=self.origin,
            kind=kind,
            detail=detail,
            kept_note=kept_note,
            offered_note=offered_note,
            detected_at=format_time(self.clock.now()),
        )
        await self._write(lambda session: session.add(row))
        raise ChainAlarm(kind, detail)


def decode_proof(items: object) -> list[bytes]:
    """A proof as the node sends it (base64 strings); anything else cannot verify."""
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return []
    try:
        return [base64.b64decode(item, validate=True) for item in items]
    except ValueError:
        return []
