"""Backup and restore of a node (``node backup`` / ``node restore``), consistent with its
high-water mark (``chain_node.highwater``).

A backup is one tar file, mode 0600 (it holds the node's keys and, unless the court passes its
own passphrase, the key files' passphrase: keep it like the data directory itself):

- ``manifest.json``: format, origin, the snapshot's size and root, when it was taken;
- ``node.db``: a consistent snapshot by SQLite's online backup API, taken while the node may
  be serving;
- ``keys/*``: the key files (and ``keys/passphrase`` when the node keeps one);
- ``highwater.checkpoint``: read *before* the snapshot, so it is never ahead of it.

``restore`` refuses to write over a running node (the data directory's lock), over the node of
another log, or under a high-water mark the backup is behind (restoring it would make the node
sign a second history for sizes it already signed). It changes nothing until the backup has
been checked, then puts the database in place first and the high-water file last, so that the
file is never ahead of the database: a restore cut short can simply be run again.

PostgreSQL: the database is the court's to back up (``pg_dump`` or WAL archiving); both
commands refuse politely and say what to copy beside the dump.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from chain_node.highwater import FILE_NAME, HighWater, HighWaterError, Mark, fsync_dir
from chain_node.keys import stored_origin
from chain_node.storage import CheckpointRow, make_engine
from chain_node.tree import TreeReader
from ledger.keys import read_key_file

FORMAT = "jcdesk-node-backup/1"
DB_NAME = "node.db"
KEY_FILES = ("keys/log.key", "keys/witness.key", "keys/node.key")
MEMBERS = frozenset({"manifest.json", DB_NAME, FILE_NAME, *KEY_FILES, "keys/passphrase"})
MAX_SMALL_FILE = 1 << 20  # manifest, keys, high-water file: a few KB each


class BackupError(ValueError):
    """A backup or restore refused; the message says why and what to do. Nothing changed."""


def refuse_postgres(database_url: str | None, command: str) -> None:
    if database_url and make_url(database_url).get_backend_name() != "sqlite":
        raise BackupError(
            f"this node keeps its log in {make_url(database_url).get_backend_name()}, whose "
            f"backups are the court's database tools (pg_dump, or WAL archiving for a "
            f"point-in-time copy); `node {command}` handles the SQLite file only. Beside the "
            f"dump, keep the data directory's keys/ and {FILE_NAME}, copying {FILE_NAME} "
            "before starting the dump so that it is never ahead of it."
        )


# -- backup ----------------------------------------------------------------------------------


def backup(data: Path, out: Path, database_url: str | None = None) -> str:
    """Write a backup of the node in ``data`` to ``out``; returns a line for the operator."""
    refuse_postgres(database_url, "backup")
    data, out = Path(data), Path(out)
    origin = stored_origin(data)
    db = data / DB_NAME
    if origin is None or not db.exists():
        raise BackupError(
            f"no SQLite node in {data} (no keys/log.key or {DB_NAME}; a node on PostgreSQL: "
            "pass its --database-url)"
        )
    hw = HighWater.from_key_files(data)
    mark_bytes = hw.path.read_bytes() if hw.path.exists() else None  # first: never ahead
    mark = hw.parse(mark_bytes) if mark_bytes is not None else None
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".node-backup-") as tmp:
        snapshot = Path(tmp) / DB_NAME
        source = sqlite3.connect(db, timeout=30)
        target = sqlite3.connect(snapshot)
        try:
            source.backup(target)  # one step: a consistent snapshot, the node keeps writing
        except sqlite3.Error as exc:
            raise BackupError(
                f"the database {db} could not be read: {exc}; nothing written"
            ) from exc
        finally:
            target.close()
            source.close()
        size, root = _snapshot_state(snapshot, hw, mark)
        manifest = {
            "format": FORMAT,
            "origin": origin,
            "size": size,
            "root": root.hex(),
            "highwater_size": mark.size if mark else None,
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        partial = Path(tmp) / "backup.tar"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
            tar.add(snapshot, DB_NAME)
            for name in (*KEY_FILES, "keys/passphrase"):
                if (data / name).exists():
                    _add_bytes(tar, name, (data / name).read_bytes())
            if mark_bytes is not None:
                _add_bytes(tar, FILE_NAME, mark_bytes)
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, out)
    fsync_dir(out.parent)
    return f"backed up the log {origin!r} at size {size} to {out} (it holds the node's keys)"


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def _snapshot_state(db: Path, hw: HighWater, mark: Mark | None) -> tuple[int, bytes]:
    """The snapshot's size and root; HighWaterError if it is behind ``mark``."""
    engine = make_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            size = conn.execute(select(func.max(CheckpointRow.size))).scalar() or 0
            reader = TreeReader(conn)
            root = reader.root(size)
            if mark is not None:
                hw.check_mark(mark, size, reader.root)
    finally:
        engine.dispose()
    return size, root


# -- restore ---------------------------------------------------------------------------------


def restore(archive: Path, data: Path, database_url: str | None = None) -> str:
    """Restore the backup ``archive`` into ``data``; returns a line for the operator."""
    refuse_postgres(database_url, "restore")
    archive, data = Path(archive), Path(data)
    data.mkdir(parents=True, exist_ok=True)
    with _data_lock(data), tempfile.TemporaryDirectory(dir=data, prefix=".restore-") as tmp:
        unpacked = Path(tmp)
        _unpack(archive, unpacked)
        theirs = HighWater.from_key_files(unpacked)
        their_mark = theirs.read()
        try:
            size, _ = _snapshot_state(unpacked / DB_NAME, theirs, their_mark)
        except HighWaterError as exc:
            raise BackupError(f"the backup {archive} is not consistent with itself: {exc}") from exc
        ours, our_mark = _check_target(data, unpacked, theirs.origin)
        if ours is not None and our_mark is not None:
            try:
                _snapshot_state(unpacked / DB_NAME, ours, our_mark)
            except HighWaterError as exc:
                raise BackupError(_behind(archive, data, size, our_mark, theirs.origin)) from exc
        _put_in_place(data, unpacked, their_mark, our_mark)
    return (
        f"restored the log {theirs.origin!r} at size {size} into {data}; start the node there "
        "(it checks the database in full before serving)"
    )


@contextlib.contextmanager
def _data_lock(data: Path) -> Iterator[None]:
    """The node's own lock (``NodeCore._take_lock``): no node runs here while we restore."""
    with open(data / "node.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise BackupError(
                f"a node is running on {data}: stop it first (restore never writes under a "
                "running node). Nothing was changed."
            ) from exc
        yield


def _unpack(archive: Path, into: Path) -> None:
    """Extract the known members only, as regular files, mode 0600."""
    try:
        with tarfile.open(archive, mode="r") as tar:
            found = _extract(tar, into, archive)
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{archive} cannot be read as a node backup: {exc}") from exc
    missing = {"manifest.json", DB_NAME, *KEY_FILES} - found
    if missing:
        raise BackupError(f"{archive} is not a whole node backup: {sorted(missing)} missing")
    manifest = json.loads((into / "manifest.json").read_text("utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{archive} is a backup of format {manifest.get('format')!r}, not {FORMAT}"
        )


def _extract(tar: tarfile.TarFile, into: Path, archive: Path) -> set[str]:
    found: set[str] = set()
    for member in tar:
        if member.name not in MEMBERS or not member.isfile() or member.name in found:
            raise BackupError(f"{archive} is not a node backup: unexpected {member.name!r}")
        if member.name != DB_NAME and member.size > MAX_SMALL_FILE:
            raise BackupError(f"{archive}: {member.name} is too large to be what it says")
        found.add(member.name)
        source = tar.extractfile(member)
        assert source is not None
        target = into / member.name
        target.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, source:
            while chunk := source.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    return found


def _check_target(data: Path, unpacked: Path, origin: str) -> tuple[HighWater | None, Mark | None]:
    """The node already in ``data`` must be this log's, with the same keys; its mark."""
    here = stored_origin(data)
    if here is None:
        return None, None
    if here != origin:
        raise BackupError(
            f"{data} holds the node of the log {here!r}; this backup is of {origin!r}. Restore "
            "it into its own (empty) directory. Nothing was changed."
        )
    for name in KEY_FILES:
        if read_key_file(data / name)[0]["vkey"] != read_key_file(unpacked / name)[0]["vkey"]:
            raise BackupError(
                f"{data} holds other keys for the log {origin!r} than the backup ({name}): two "
                "nodes claim this log. Find out which is the court's before restoring. Nothing "
                "was changed."
            )
    ours = HighWater.from_key_files(data)
    return ours, ours.read()


def _behind(archive: Path, data: Path, size: int, mark: Mark, origin: str) -> str:
    return (
        f"the backup {archive} holds the log up to size {size}, but the node in {data} has "
        f"already signed a checkpoint for {mark.size} entries that this backup does not hold "
        "(or a different history). Restored, the node would sign a second history for sizes "
        "the desks have already seen (a split view), so the restore is refused and nothing was "
        f"changed. Safe options: restore a newer backup, one taken at or after size "
        f"{mark.size}; keep the database that is there if it is intact (the node checks it at "
        "start); if the newer entries are lost for good, start a new log under a new origin "
        f"in a new directory and tell the desks and the court that the log {origin!r} ended "
        f"at size {mark.size}. Do not delete the high-water file to get past this."
    )


def _put_in_place(data: Path, unpacked: Path, theirs: Mark | None, ours: Mark | None) -> None:
    db = data / DB_NAME
    if db.exists():  # fold the old database's WAL in, so no stale WAL meets the new file
        old = sqlite3.connect(db, timeout=30)
        try:
            old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            pass  # not a readable database: it is replaced all the same
        finally:
            old.close()
    for suffix in ("-wal", "-shm", "-journal"):
        (data / (DB_NAME + suffix)).unlink(missing_ok=True)
    os.replace(unpacked / DB_NAME, db)
    if not (data / KEY_FILES[0]).exists():
        keys = data / "keys"
        keys.mkdir(mode=0o700, exist_ok=True)
        for name in (*KEY_FILES, "keys/passphrase"):
            if (unpacked / name).exists():
                os.replace(unpacked / name, data / name)
        fsync_dir(keys)
    fsync_dir(data)
    if theirs is not None and (ours is None or theirs.size > ours.size):
        HighWater.from_key_files(data).record(theirs.note)  # last: see the module's docstring
