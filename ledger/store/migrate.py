"""Schema migrations with Alembic, run at start-up.

A SQLite file is copied aside (``<file>.before-<revision>``) before it is upgraded, so a failed
upgrade loses nothing. A database whose revision this version does not know was written by a
newer version: it is refused, untouched, with ``DatabaseTooNewError``.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from ledger.errors import DatabaseTooNewError, StoreError

# Domain packages keep their projections' migrations in ``<package>/migrations`` (their own
# Alembic branch). They are found by path, without importing the packages' code.
DOMAIN_PACKAGES = ("mediation", "bankruptcy")


def _version_locations() -> list[str]:
    locations = [str(files("ledger.store") / "migrations" / "versions")]
    for name in DOMAIN_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            candidate = Path(folder) / "migrations"
            if candidate.is_dir():
                locations.append(str(candidate))
    return locations


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("ledger.store") / "migrations"))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(_version_locations()))
    return config


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def check_not_newer(engine: Engine) -> set[str]:
    """Return the database's revisions; refuse one this version of the app does not know."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revisions(engine)
    for revision in current:
        try:
            known = script.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise DatabaseTooNewError(revision=revision)
    return current


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the latest revision; return True if anything was applied."""
    config = alembic_config()
    heads = set(ScriptDirectory.from_config(config).get_heads())
    current = check_not_newer(engine)
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
