"""Shared fixtures: real databases (SQLite always; PostgreSQL where JCDESK_TEST_PG_URL names a
server), keys, and the offscreen Qt platform for GUI tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# GUI tests run offscreen unless a developer asks for a screen (pytest --onscreen not needed:
# set QT_QPA_PLATFORM yourself to override).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_ENV = "JCDESK_TEST_PG_URL"


def postgres_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    base = postgres_admin_url()
    if not base:
        pytest.skip(
            f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+psycopg://user@host/db); "
            ".ci/run starts a server and sets it"
        )
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "jcdesk_t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on a real SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return request.getfixturevalue("pg_url")
