"""The local log check replays into a scratch database: it never holds the profile's write lock,
so the desk keeps recording while it runs, and it reads one snapshot. Real SQLite file, real
threads; the store tests (tests/ledger/test_store.py) cover what it finds, on both databases."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from ledger.keys import SigningKey
from ledger.statement import sign_statement
from ledger.store.append import append, sign_and_append
from ledger.store.audit import consistency
from ledger.store.generic import DepositedDocument
from ledger.store.models import LogEntry
from ledger.store.projection import Applied
from ledger.store.store import Store, sqlite_url
from tests.ledger.test_store import deposit

ENTRIES = 3_000
MAX_WAIT = 0.5  # seconds a write may wait while the check runs


class ReplayWatch:
    """A projection of the test's own: it writes nothing and notes when the replay, which runs
    on the scratch database, applies its chunks."""

    name = "test-replay-watch"
    tables: Sequence[Table] = ()

    def __init__(self) -> None:
        self.started = threading.Event()
        self.chunks: list[float] = []  # when each replay chunk was applied (monotonic)
        self.databases: set[str] = set()

    def handles(self, statement_type: str) -> bool:
        return statement_type == "evidence.deposited"

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        database = str(session.get_bind().url.database)
        if "jcdesk-replay-" in database:  # the scratch copy, not the profile's file
            self.databases.add(database)
            self.chunks.append(time.monotonic())
            self.started.set()


def test_a_write_does_not_wait_for_the_check(tmp_path: Path) -> None:
    watch = ReplayWatch()
    path = tmp_path / "desk.sqlite"
    store = Store.open(sqlite_url(path), projections=[watch])
    key = SigningKey.generate()
    try:
        with store.transaction() as session:
            append(
                session,
                store.projections,
                [sign_statement(deposit(key, n, "c1"), key) for n in range(ENTRIES)],
            )
        found: list[object] = []

        def check() -> None:
            with store.session() as session:
                found.extend(consistency(session, store.projections))

        checker = threading.Thread(target=check)
        checker.start()
        assert watch.started.wait(30), "the replay did not start"
        before = time.monotonic()
        with store.transaction() as session:  # the GUI records a statement meanwhile
            sign_and_append(session, store.projections, key, deposit(key, ENTRIES, "c2"))
        written = time.monotonic()
        checker.join(120)
        assert not checker.is_alive()

        assert written - before < MAX_WAIT  # the write did not wait for the replay
        assert written < watch.chunks[-1]  # ... which was still running when it committed
        # one snapshot: the entry written meanwhile is in neither the stored rows nor the
        # replay's log, so the check found nothing to report
        assert found == []
        assert len(watch.databases) == 1 and str(path) not in watch.databases
        with store.session() as session:  # the write is there, and the check left no trace
            assert session.scalar(select(func.count()).select_from(LogEntry)) == ENTRIES + 1
            assert session.scalar(select(func.count()).select_from(DepositedDocument)) == 2 * (
                ENTRIES + 1
            )
            assert consistency(session, store.projections) == []
        assert not Path(next(iter(watch.databases))).exists()  # the scratch copy is gone
    finally:
        store.close()
