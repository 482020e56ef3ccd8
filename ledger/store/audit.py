"""Checking the local store: every entry's signature, and every projection against a replay.

``verify_log`` re-checks each stored entry (its signature, its leaf hash, the columns copied
from it). ``verify_chain`` re-checks what the chain proved: every receipt (with the pinned keys),
every confirmed entry having one, and the kept checkpoint history (signatures, one root per
size, the consistency proof between each kept checkpoint and the one before it). ``replay``
rebuilds every projection from the log. ``consistency`` replays into a scratch database (a copy
of the log and the outbox, read in the same read transaction as the stored rows: one snapshot)
and names each row and column that differs from the stored one: this is the on-chain/off-chain
consistency check of the SPC Opinions, item (三十一). It never writes to the profile's database,
so on SQLite it holds no write lock while it replays: the desk keeps recording meanwhile.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, delete, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from ledger.checkpoint import verify_checkpoint
from ledger.clock import format_time
from ledger.errors import LedgerError
from ledger.keys import Verifier, parse_vkey
from ledger.merkle import HASH_SIZE, ProofError, verify_consistency
from ledger.receipt import parse_receipt, verify_receipt
from ledger.sqlite import configure_sqlite
from ledger.statement import Entry, parse_entry, verify_entry
from ledger.store.cases import counted
from ledger.store.models import Base, ChainPin, LogEntry, OutboxItem, Receipt, VerifiedCheckpoint
from ledger.store.projection import Applied, Projections

Progress = Callable[[int, int], None]
REPLAY_CHUNK = 500
COPY_CHUNK = 2_000  # rows copied into the scratch database per statement
# What a replay may read besides the projections' own tables: the log, which entries the node
# rejected (they do not count) and, until no fold orders by them, the receipts. Never the
# private, non-derived tables: they are not copied into the scratch database.
REPLAY_INPUTS: tuple[Table, ...] = (
    LogEntry.__table__,  # type: ignore[assignment]
    OutboxItem.__table__,  # type: ignore[assignment]
    Receipt.__table__,  # type: ignore[assignment]
)


@dataclass(frozen=True)
class Problem:
    where: str  # "entry #12 (leaf 3fa9…)" or "table mediation_cases, row ('c1',)"
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}"


def _entry_label(row: LogEntry) -> str:
    return f"entry #{row.seq} (leaf {row.leaf_hash.hex()[:16]}…)"


def verify_log(session: Session, progress: Progress | None = None) -> list[Problem]:
    """Re-verify every stored entry; return one problem per entry that fails."""
    problems: list[Problem] = []
    total = session.query(LogEntry).count()
    rows = session.execute(select(LogEntry).order_by(LogEntry.seq)).scalars()
    for done, row in enumerate(rows, 1):
        label = _entry_label(row)
        try:
            entry = parse_entry(row.entry)
            verify_entry(entry)
        except LedgerError as exc:
            problems.append(Problem(label, str(exc)))
            continue
        if entry.leaf_hash != row.leaf_hash:
            problems.append(Problem(label, "the stored leaf hash does not match the entry"))
        copied = {
            "type": entry.statement.type,
            "case_id": entry.statement.case,
            "actor": entry.statement.actor,
            "statement_time": entry.statement.time,
        }
        for column, value in copied.items():
            if getattr(row, column) != value:
                problems.append(Problem(label, f"column {column} differs from the signed entry"))
        if progress:
            progress(done, total)
    return problems


Keys = tuple[Verifier, list[Verifier]]


def _short(value: bytes) -> str:
    return value.hex()[:16] + "…"


class _Roots:
    """One root per tree size, across kept checkpoints and receipts' checkpoints."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.seen: dict[tuple[str, int], tuple[bytes, str]] = {}

    def check(self, origin: str, size: int, root: bytes, where: str) -> None:
        first_root, first_where = self.seen.setdefault((origin, size), (root, where))
        if first_root != root:
            self.problems.append(
                Problem(
                    where,
                    f"root {_short(root)} for tree size {size}, but {first_where} has "
                    f"{_short(first_root)} (two roots for one size)",
                )
            )


def _pinned_keys(session: Session, problems: list[Problem]) -> dict[str, Keys]:
    keys: dict[str, Keys] = {}
    for pin in session.scalars(select(ChainPin).order_by(ChainPin.origin)):
        try:
            witnesses = [parse_vkey(w) for w in pin.witness_vkeys.split("\n")]
            keys[pin.origin] = (parse_vkey(pin.log_vkey), witnesses)
        except LedgerError as exc:
            problems.append(Problem(f"pinned log {pin.origin!r}", f"keys do not parse: {exc}"))
    return keys


def verify_chain(session: Session) -> list[Problem]:
    """Re-verify receipts, confirmed entries and kept checkpoints; one problem per finding."""
    problems: list[Problem] = []
    keys = _pinned_keys(session, problems)
    roots = _Roots(problems)
    _verify_checkpoints(session, keys, roots, problems)
    _verify_receipts(session, keys, roots, problems)
    unreceipted = session.execute(
        select(OutboxItem.leaf_hash, LogEntry.seq)
        .outerjoin(LogEntry, LogEntry.leaf_hash == OutboxItem.leaf_hash)
        .outerjoin(Receipt, Receipt.leaf_hash == OutboxItem.leaf_hash)
        .where(OutboxItem.state == "confirmed", Receipt.leaf_hash.is_(None))
        .order_by(LogEntry.seq)
    )
    for leaf, seq in unreceipted:
        problems.append(
            Problem(f"entry #{seq} (leaf {_short(leaf)})", "is confirmed but has no receipt")
        )
    return problems


def _verify_checkpoints(
    session: Session, keys: dict[str, Keys], roots: _Roots, problems: list[Problem]
) -> None:
    previous: dict[str, tuple[int, bytes]] = {}  # origin -> (size, root) of the one kept before
    rows = session.scalars(
        select(VerifiedCheckpoint).order_by(VerifiedCheckpoint.origin, VerifiedCheckpoint.id)
    )
    for row in rows:
        where = f"checkpoint #{row.id} (size {row.size})"
        pinned = keys.get(row.origin)
        if pinned is None:
            problems.append(Problem(where, f"log {row.origin!r} is not pinned"))
            continue
        try:
            checkpoint = verify_checkpoint(row.note, *pinned).checkpoint
        except LedgerError as exc:
            problems.append(Problem(where, f"the signed note does not verify: {exc}"))
            continue
        size, root = checkpoint.size, checkpoint.root_hash
        if size != row.size:
            problems.append(Problem(where, f"stored size {row.size}, the signed note says {size}"))
        if root != row.root_hash:
            problems.append(
                Problem(
                    where,
                    f"stored root {_short(row.root_hash)}, the signed note says {_short(root)}",
                )
            )
        roots.check(row.origin, size, root, where)
        before = previous.get(row.origin)
        previous[row.origin] = (size, root)
        detail = _consistency_problem(before, size, root, row.prior_size, row.consistency_proof)
        if detail:
            problems.append(Problem(where, detail))


def _consistency_problem(
    before: tuple[int, bytes] | None,
    size: int,
    root: bytes,
    prior_size: int | None,
    proof: bytes | None,
) -> str | None:
    """What is wrong with the proof that this checkpoint extends the one kept before it."""
    if before is None:
        if prior_size is not None:
            return f"kept as proven from size {prior_size}, but no checkpoint is kept before it"
        return None
    old_size, old_root = before
    if old_size == size:
        return None  # the same tree again; a second root for it is reported as such
    if prior_size is None or proof is None:
        return f"no consistency proof from size {old_size} (the checkpoint kept before it)"
    if prior_size != old_size:
        return (
            f"proven from size {prior_size}, but the checkpoint kept before it has size {old_size}"
        )
    if old_size == 0:
        return None if not proof else "a consistency proof from the empty tree must be empty"
    if len(proof) % HASH_SIZE:
        return f"the consistency proof from size {old_size} is not whole hashes"
    hashes = [proof[i : i + HASH_SIZE] for i in range(0, len(proof), HASH_SIZE)]
    try:
        verify_consistency(old_size, size, old_root, root, hashes)
    except ProofError as exc:
        return f"the consistency proof from size {old_size} does not verify ({exc})"
    return None


def _verify_receipts(
    session: Session, keys: dict[str, Keys], roots: _Roots, problems: list[Problem]
) -> None:
    rows = session.execute(
        select(Receipt, LogEntry.seq, LogEntry.entry, OutboxItem.chain_index)
        .outerjoin(LogEntry, LogEntry.leaf_hash == Receipt.leaf_hash)
        .outerjoin(OutboxItem, OutboxItem.leaf_hash == Receipt.leaf_hash)
        .order_by(LogEntry.seq)
    )
    for row, seq, text, outbox_index in rows:
        where = f"receipt of entry #{seq} (leaf {_short(row.leaf_hash)}, index {row.chain_index})"
        if text is None:
            problems.append(Problem(where, "its entry is not in the local log"))
            continue
        try:
            origin = parse_receipt(row.receipt).checkpoint.split("\n", 1)[0]
            pinned = keys.get(origin) or (next(iter(keys.values())) if len(keys) == 1 else None)
            if pinned is None:
                problems.append(Problem(where, f"log {origin!r} is not pinned"))
                continue
            verified = verify_receipt(row.receipt, text.encode("utf-8"), *pinned)
        except LedgerError as exc:
            problems.append(Problem(where, f"does not verify: {exc}"))
            continue
        checkpoint = verified.checkpoint
        stored = {
            "leaf hash": (_short(row.leaf_hash), _short(verified.leaf_hash)),
            "index": (row.chain_index, verified.index),
            "checkpoint size": (row.checkpoint_size, checkpoint.checkpoint.size),
            "on-chain time": (row.on_chain_time, format_time(checkpoint.on_chain_time)),
        }
        for what, (have, proven) in stored.items():
            if have != proven:
                problems.append(
                    Problem(where, f"stored {what} {have}, the receipt proves {proven}")
                )
        if outbox_index is not None and outbox_index != verified.index:
            problems.append(
                Problem(
                    where, f"the outbox says index {outbox_index}, the receipt {verified.index}"
                )
            )
        roots.check(
            checkpoint.checkpoint.origin,
            checkpoint.checkpoint.size,
            checkpoint.checkpoint.root_hash,
            where,
        )


def _projection_tables(projections: Projections) -> list[Table]:
    mine = set(projections.tables())
    return [t for t in Base.metadata.sorted_tables if t in mine]


def replay(session: Session, projections: Projections) -> list[Problem]:
    """Clear every projection table and apply the whole log again, in log order.

    Entries that no longer parse are skipped and reported (``verify_log`` says why); entries
    the node rejected count nowhere, here as in the live views (``ledger.store.cases``).
    """
    for table in reversed(_projection_tables(projections)):
        session.execute(delete(table))
    session.expire_all()
    if projections.cases is not None:
        projections.cases.forget()  # every case is folded again from what is replayed
    problems: list[Problem] = []
    log = LogEntry.__table__
    rows = session.execute(
        select(log.c.seq, log.c.leaf_hash, log.c.entry)
        .outerjoin(OutboxItem, OutboxItem.leaf_hash == log.c.leaf_hash)
        .where(counted())
        .order_by(log.c.seq)
    )
    chunk: list[Applied] = []
    for seq, leaf, text in rows:
        try:
            entry: Entry = parse_entry(text)
        except LedgerError as exc:
            problems.append(Problem(f"entry #{seq} (leaf {leaf.hex()[:16]}…)", f"skipped: {exc}"))
            continue
        chunk.append(Applied(entry, seq, leaf))
        if len(chunk) >= REPLAY_CHUNK:
            projections.apply(session, chunk)
            chunk = []
    projections.apply(session, chunk)
    session.flush()
    return problems


def _snapshot(session: Session, tables: list[Table]) -> dict[str, dict[tuple[Any, ...], dict]]:
    snap: dict[str, dict[tuple[Any, ...], dict]] = {}
    for table in tables:
        keys = [c.name for c in table.primary_key.columns]
        rows = session.execute(select(table)).mappings()
        snap[table.name] = {tuple(r[k] for k in keys): dict(r) for r in rows}
    return snap


def _show(key: tuple[Any, ...]) -> str:
    return (
        "(" + ", ".join(k.hex()[:16] + "…" if isinstance(k, bytes) else repr(k) for k in key) + ")"
    )


def begin_snapshot(session: Session) -> None:
    """Begin ``session``'s transaction as one snapshot of the database, if it has not begun:
    on PostgreSQL at REPEATABLE READ (each statement would otherwise see the latest commit); on
    SQLite a read transaction already is one, from its first read on."""
    if session.in_transaction():
        return
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


@contextmanager
def scratch_copy(session: Session, tables: list[Table]) -> Iterator[Session]:
    """A throw-away SQLite database holding a copy of the replay's inputs as ``session`` sees
    them, and empty ``tables``: the replay writes there, never in the profile's database.

    The copy is read through ``session`` (its transaction, so the same snapshot as whatever
    else it reads), whatever the profile's database is (SQLite or PostgreSQL). It lives in a
    private temporary folder (0700), without journal or fsync, and is deleted afterwards.
    """
    with tempfile.TemporaryDirectory(prefix="jcdesk-replay-") as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'replay.sqlite'}", poolclass=NullPool)
        configure_sqlite(engine, journal_mode="OFF", synchronous="OFF", foreign_keys=True)
        try:
            Base.metadata.create_all(engine, tables=[*REPLAY_INPUTS, *tables])
            with Session(engine, info=dict(session.info)) as scratch:
                for table in REPLAY_INPUTS:
                    rows = session.execute(select(table).execution_options(yield_per=COPY_CHUNK))
                    for part in rows.partitions():
                        scratch.execute(insert(table), [dict(row._mapping) for row in part])
                yield scratch
        finally:
            engine.dispose()


def consistency(session: Session, projections: Projections) -> list[Problem]:
    """Compare every projection row with what a replay of the log produces. Changes nothing.

    The stored rows and the replay's inputs are read in one transaction of ``session`` (a
    snapshot, ``begin_snapshot``); the replay runs in a ``scratch_copy``. A reading session
    is enough: no write lock is taken on the profile's database.
    """
    session.flush()
    begin_snapshot(session)
    tables = _projection_tables(projections)
    stored = _snapshot(session, tables)
    with scratch_copy(session, tables) as scratch:
        problems = replay(scratch, projections)
        replayed = _snapshot(scratch, tables)
    for table in tables:
        have, want = stored[table.name], replayed[table.name]
        for key in sorted(set(have) | set(want), key=repr):
            where = f"table {table.name}, row {_show(key)}"
            if key not in want:
                problems.append(Problem(where, "is not produced by the log (extra row)"))
            elif key not in have:
                problems.append(Problem(where, "is missing (the log produces it)"))
            else:
                for column, value in want[key].items():
                    if have[key][column] != value:
                        problems.append(
                            Problem(
                                where,
                                f"column {column} is {have[key][column]!r}, the log says {value!r}",
                            )
                        )
    return problems
