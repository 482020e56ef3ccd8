"""The one SQLite setup (``ledger.sqlite``): the desk's store and the node's log get the same
pragmas where they agree, and their own where they differ."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from chain_node.storage import make_engine
from ledger.store.store import Store, sqlite_url

PRAGMAS = ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "secure_delete")
FULL = 2  # PRAGMA synchronous answers a number


def pragmas(engine) -> dict[str, object]:
    with engine.connect() as conn:
        return {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in PRAGMAS}


def test_the_desk_store_settings(tmp_path: Path) -> None:
    store = Store.open(sqlite_url(tmp_path / "desk.sqlite"))
    try:
        assert pragmas(store.engine) == {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": FULL,
            "busy_timeout": 10_000,
            "secure_delete": 1,
        }
    finally:
        store.close()


def test_the_node_settings(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "node.sqlite"), busy_timeout_ms=1234)
    try:
        found = pragmas(engine)
        del found["secure_delete"]  # not set: the library's own default
        assert found == {
            "journal_mode": "wal",
            "foreign_keys": 0,
            "synchronous": FULL,
            "busy_timeout": 1234,
        }
    finally:
        engine.dispose()


def test_a_writing_session_takes_the_write_lock_when_it_begins(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    store = Store.open(sqlite_url(path))
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        with store.session() as reader:
            reader.execute(text("SELECT 1"))  # a read transaction: no lock that stops a writer
            other.execute("BEGIN IMMEDIATE")
            other.execute("COMMIT")
        with store.session(write=True) as writer:
            writer.execute(text("SELECT 1"))  # BEGIN IMMEDIATE before anything is written
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        store.close()
