"""Checking the local store: every entry's signature, and every projection against a replay.

``verify_log`` re-checks each stored entry (its signature, its leaf hash, the columns copied
from it). ``replay`` rebuilds every projection from the log. ``consistency`` replays inside a
savepoint that is always rolled back, and names each row that differs from the stored one:
this is the on-chain/off-chain consistency check of the SPC Opinions, item (三十一).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.statement import Entry, parse_entry, verify_entry
from ledger.store.models import Base, LogEntry
from ledger.store.projection import Applied, Projections

Progress = Callable[[int, int], None]
REPLAY_CHUNK = 500


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


def _projection_tables(projections: Projections) -> list[Table]:
    mine = set(projections.tables())
    return [t for t in Base.metadata.sorted_tables if t in mine]


def replay(session: Session, projections: Projections) -> list[Problem]:
    """Clear every projection table and apply the whole log again, in log order.

    Entries that no longer parse are skipped and reported (``verify_log`` says why).
    """
    for table in reversed(_projection_tables(projections)):
        session.execute(delete(table))
    session.expire_all()
    problems: list[Problem] = []
    log = LogEntry.__table__
    rows = session.execute(select(log.c.seq, log.c.leaf_hash, log.c.entry).order_by(log.c.seq))
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


def consistency(session: Session, projections: Projections) -> list[Problem]:
    """Compare every projection row with what a replay of the log produces. Changes nothing."""
    session.flush()
    tables = _projection_tables(projections)
    stored = _snapshot(session, tables)
    savepoint = session.begin_nested()
    try:
        problems = replay(session, projections)
        replayed = _snapshot(session, tables)
    finally:
        savepoint.rollback()
        session.expire_all()
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
