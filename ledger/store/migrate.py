"""Schema migrations with Alembic, run at start-up.

A SQLite file is copied aside (``<file>.before-<revision>``) before it is upgraded, so a failed
upgrade loses nothing. A database whose revision this version does not know was written by a
newer version: it is refused, untouched, with ``DatabaseTooNewError``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from ledger.errors import DatabaseTooNewError, StoreError

# Domain packages keep their projections' migrations in their own Alembic branch; the registry
# names the folders (``Domain.migrations``), so this module names no domain.


def alembic_config(locations: Sequence[Path] = ()) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("ledger.store") / "migrations"))
    config.set_main_option("path_separator", "os")
    folders = [str(files("ledger.store") / "migrations" / "versions"), *map(str, locations)]
    config.set_main_option("version_locations", os.pathsep.join(folders))
    return config


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def check_not_newer(engine: Engine, locations: Sequence[Path] = ()) -> set[str]:
    """Return the database's revisions; refuse one this version of the app does not know."""
    script = ScriptDirectory.from_config(alembic_config(locations))
    current = current_revisions(engine)
    for revision in current:
        try:
            known = script.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise DatabaseTooNewError(revision=revision)
    return current


def upgrade(engine: Engine, locations: Sequence[Path] = ()) -> bool:
    """Bring the schema to the latest revision of the ledger and of the domains whose branches
    are in ``locations``; return True if anything was applied."""
    config = alembic_config(locations)
    heads = set(ScriptDirectory.from_config(config).get_heads())
    current = check_not_newer(engine, locations)
    if current == heads:
        return False
    if (
        current
        and engine.dialect.name == "sqlite"
        and engine.url.database not in (None, "", ":memory:")
    ):
        _backup_sqlite(Path(engine.url.database), "-".join(sorted(current)))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "heads")
    except Exception as exc:
        raise StoreError(detail=f"the database could not be upgraded ({exc})") from exc
    return True


def _backup_sqlite(path: Path, revision: str) -> Path:
    target = path.with_name(f"{path.name}.before-{revision}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
