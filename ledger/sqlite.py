"""The one SQLite setup, for the desk's store, the node's log and the log check's scratch copy.

Every SQLite connection we open gets the same treatment: SQLAlchemy, not the ``sqlite3`` module,
decides when transactions begin (so BEGIN and SAVEPOINT behave as documented: SQLAlchemy's
"pysqlite serializable" recipe), the journal mode and durability asked for, and a busy timeout.
What differs between users is a parameter: the desk wants foreign keys and ``secure_delete``
(sealed personal data leaves no clear copy behind), the node its own busy timeout, the scratch
copy of the log check no journal and no fsync (it is thrown away).
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import Engine, event

# A connection or session with this execution option set begins with BEGIN IMMEDIATE: a writer
# takes the write lock up front (no deadlock on a lock upgrade); readers take none, so WAL lets
# them read while another connection writes.
WRITE_OPTION = "jcdesk_write"

JournalMode = Literal["WAL", "OFF", "MEMORY", "DELETE"]
Synchronous = Literal["FULL", "NORMAL", "OFF"]


def configure_sqlite(
    engine: Engine,
    *,
    journal_mode: JournalMode = "WAL",
    synchronous: Synchronous = "FULL",
    busy_timeout_ms: int = 10_000,
    foreign_keys: bool = False,
    secure_delete: bool = False,
) -> None:
    """Apply our pragmas to every new connection of ``engine`` and take over BEGIN.

    ``synchronous=FULL`` with WAL: a statement the UI showed as saved, or an index the node
    answered, survives a power cut. A transaction begins with ``BEGIN IMMEDIATE`` when its
    connection carries ``WRITE_OPTION``, else with a plain (deferred) ``BEGIN``.
    """
    pragmas = [
        f"PRAGMA journal_mode={journal_mode}",
        *(["PRAGMA foreign_keys=ON"] if foreign_keys else []),
        f"PRAGMA synchronous={synchronous}",
        f"PRAGMA busy_timeout={int(busy_timeout_ms)}",
        *(["PRAGMA secure_delete=ON"] if secure_delete else []),
    ]

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # no implicit BEGIN by the sqlite3 module
        cursor = dbapi_conn.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
