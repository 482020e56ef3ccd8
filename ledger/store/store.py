"""The local store: one SQLAlchemy engine, its projections, and short sessions.

SQLite by default (WAL, foreign keys on, ``synchronous=FULL``: a statement the UI showed as
signed survives a power cut); any SQLAlchemy URL works, PostgreSQL included.

A SQLite file, its ``-wal``/``-shm`` and its pre-migration copies are the owner's only (0600),
and ``secure_delete`` zeroes what a row update or delete leaves behind, so a value sealed in
place leaves no clear copy in the file. ``Store.info`` is shared by every session it opens
(``session.info``): the profile's private-data vault travels there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ledger.domain import Registry
from ledger.errors import StoreError
from ledger.sqlite import configure_sqlite
from ledger.store import migrate
from ledger.store.cases import StoreCases
from ledger.store.generic import generic_projections
from ledger.store.projection import Projection, Projections


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def _configure_sqlite(engine: Engine) -> None:
    # the profile's settings of the one SQLite setup: foreign keys, and secure_delete so that a
    # value sealed in place leaves no clear copy in the file
    configure_sqlite(engine, foreign_keys=True, secure_delete=True)


def owner_only(database: Path) -> None:
    """Make a SQLite file, its -wal/-shm and its ``.before-*`` copies readable by the owner
    only (they hold personal data and signed history)."""
    copies = [*database.parent.glob(database.name + "-*")]
    copies += database.parent.glob(database.name + ".before-*")
    for path in [database, *copies]:
        with suppress(FileNotFoundError):  # a -shm may go as we look
            os.chmod(path, 0o600)


def create_store_engine(url: str) -> Engine:
    """An engine for ``url`` with our SQLite settings applied where it is SQLite."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(detail=f"{url!r} is not a database URL") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        # created owner-only before SQLite does (it would use 0644); -wal/-shm inherit the mode
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        owner_only(path)
    try:
        engine = create_engine(parsed)
    except Exception as exc:  # missing driver, bad options
        raise StoreError(detail=f"cannot open {parsed.render_as_string()}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    return engine


class Store:
    """A migrated database plus the projections the app registered on it."""

    def __init__(self, engine: Engine, projections: Projections, registry: Registry) -> None:
        self.engine = engine
        self.projections = projections
        self.registry = registry
        self.info: dict[str, Any] = {}  # copied into each new session's ``info``
        self._sessions = sessionmaker(engine, expire_on_commit=False, info=self.info)
        self._writers = sessionmaker(
            engine.execution_options(jcdesk_write=True), expire_on_commit=False, info=self.info
        )

    @classmethod
    def open(
        cls, url: str, registry: Registry | None = None, projections: Iterable[Projection] = ()
    ) -> Store:
        """Open (and migrate) the database at ``url`` for the domains of ``registry`` (none:
        the generic types only); generic projections are always on, ``projections`` are
        added after the domains' (a test's own)."""
        registry = registry or Registry()
        engine = create_store_engine(url)
        try:
            migrate.upgrade(engine, registry.migrations())
        except OperationalError as exc:
            engine.dispose()
            raise StoreError(detail=f"cannot reach the database ({exc.orig})") from exc
        except Exception:
            engine.dispose()
            raise
        if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
            owner_only(Path(engine.url.database))  # the migration may have made a copy
        cases = StoreCases(registry)
        views = [*generic_projections(), *registry.projections(cases), *projections]
        return cls(engine, Projections(views, cases), registry)

    def session(self, *, write: bool = False) -> Session:
        """A session for reading (no write lock on SQLite), or with ``write`` one that takes
        the write lock when it begins: for work that writes and then rolls back, like the
        consistency check's replay."""
        return self._writers() if write else self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short writing session, committed on success and rolled back on any error."""
        with self._writers() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
