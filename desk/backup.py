"""Encrypted profile backup and restore: one file, a consistent snapshot, the profile's passphrase.

A backup file is ``jcdesk-backup-v1`` and a JSON header line (scrypt salt, GCM nonce, a check
value), then AES-256-GCM over a zip of the profile: ``desk.sqlite`` copied with SQLite's online
backup API (a consistent snapshot even while the sync writes), ``identity.key``, ``data.key``,
``settings.json`` and a manifest with each file's SHA-256. The file key is scrypt over the
profile's passphrase (``ledger.keys.passphrase_key``, the KDF of the key files); the header is
the associated data, so no byte of the file can change unnoticed. The check value (HMAC of the
file key) tells a wrong passphrase from a damaged file.

``restore`` decrypts and checks everything — the passphrase, every file's hash, the key file
under the same passphrase, the data key under that key, the database's integrity — before it
writes a byte, builds the profile in a hidden folder beside the target and renames it into
place, so a failure leaves nothing half-written. It never writes over a profile that holds
anything unless told to (``replace``).

A restored older backup converges with the chain by the sync alone: entries signed before the
backup but still unsent are sent again and get their first index back, and what the profile's
cases received after the backup is fetched from the ingest cursor the backup holds
(``chain_client.sync``).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import secrets
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.keys import SigningKey, passphrase_key
from ledger.profile import Profile
from ledger.vault import PrivateVault

MAGIC = b"jcdesk-backup-v1\n"
MAX_BACKUP_BYTES = 2 * 1024**3  # read whole into memory: a desk store is megabytes, not GB
MANIFEST = "manifest.json"
DATABASE = "desk.sqlite"
KEY_FILE = "identity.key"
DATA_KEY = "data.key"
SETTINGS = "settings.json"
FILES = (DATABASE, KEY_FILE, DATA_KEY, SETTINGS)


class BackupError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The profile backup failed: {detail}")


class BackupPassphraseError(BackupError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "Wrong passphrase: the backup {path} could not be opened. Type the passphrase the "
        "profile had when it was backed up.",
    )


class BackupDamagedError(BackupError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "{path} is not a Judicial Chain Desk backup, or it is damaged: {detail}. Nothing was "
        "restored.",
    )


class ProfileNotEmptyError(BackupError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "The profile {profile} already holds data. Restore into a new profile, or confirm that "
        "it should be replaced.",
    )


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds (read back from its manifest)."""

    path: Path
    profile: str
    key_id: str
    created: str  # UTC, RFC 3339
    entries: int  # log entries in the database


# -- backing up --------------------------------------------------------------------------------


def backup(profile: Profile, passphrase: str, target: Path, *, replace: bool = False) -> BackupInfo:
    """Write an encrypted backup of ``profile`` to ``target`` (mode 0600, atomically).

    ``passphrase`` must unlock the profile's key: a backup is opened with the passphrase the
    profile had, nothing to remember besides it."""
    target = Path(target)
    if target.exists() and not replace:
        raise BackupError(detail=f"{target} exists; choose another file name")
    if not profile.is_set_up:
        raise BackupError(detail=f"the profile {profile.name} is not set up")
    url = profile.database_url()
    if not url.startswith("sqlite:"):
        raise BackupError(detail="only a profile whose store is its own SQLite file is backed up")
    key = SigningKey.load(profile.key_path, passphrase)  # WrongPassphraseError if it is not
    PrivateVault.open(profile.data_key_path, key)  # creates it for a profile not yet opened
    with tempfile.TemporaryDirectory(prefix="jcdesk-backup-") as scratch:  # mode 0700
        snapshot = Path(scratch) / DATABASE
        entries = _snapshot(profile.database_path, snapshot)
        files = {
            DATABASE: snapshot.read_bytes(),
            KEY_FILE: profile.key_path.read_bytes(),
            DATA_KEY: profile.data_key_path.read_bytes(),
            SETTINGS: profile.settings_path.read_bytes(),
        }
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = {
        "format": MAGIC.decode().strip(),
        "profile": profile.name,
        "key_id": key.key_id,
        "created": created,
        "entries": entries,
        "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
        for name, data in files.items():
            archive.writestr(name, data)
    _write_private(target, _seal(payload.getvalue(), passphrase))
    return BackupInfo(target, profile.name, key.key_id, created, entries)


def _snapshot(database: Path, target: Path) -> int:
    """Copy the store with SQLite's online backup API; return its number of log entries."""
    if not database.exists():
        raise BackupError(detail=f"the profile has no database at {database}")
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)  # one step: one read transaction, a consistent snapshot
            return _entries(dest)
        finally:
            dest.close()
    finally:
        source.close()


def _entries(conn: sqlite3.Connection) -> int:
    try:
        return int(conn.execute("SELECT count(*) FROM log_entries").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0


def _seal(payload: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    file_key = passphrase_key(passphrase, salt)
    header = {"salt": salt.hex(), "nonce": nonce.hex(), "check": _check(file_key)}
    head = MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n"
    return head + AESGCM(file_key).encrypt(nonce, payload, head)


def _check(file_key: bytes) -> str:
    return hmac.new(file_key, b"jcdesk-backup passphrase check", "sha256").hexdigest()[:16]


def _write_private(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# -- restoring ---------------------------------------------------------------------------------


def read_backup(path: Path, passphrase: str) -> tuple[BackupInfo, dict[str, bytes]]:
    """Decrypt and check a backup file; nothing is written. The files it holds, by name."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise BackupDamagedError(path=str(path), detail="it is larger than 2 GiB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise BackupError(detail=f"no file at {path}") from exc
    except OSError as exc:
        raise BackupError(detail=f"{path} cannot be read ({exc.strerror})") from exc
    end = data.find(b"\n", len(MAGIC))
    if not data.startswith(MAGIC) or end < 0:
        raise BackupDamagedError(path=str(path), detail="its header is missing")
    head = data[: end + 1]
    try:
        header = json.loads(data[len(MAGIC) : end])
        salt, nonce = bytes.fromhex(header["salt"]), bytes.fromhex(header["nonce"])
        check = str(header["check"])
    except (ValueError, TypeError, KeyError) as exc:
        raise BackupDamagedError(path=str(path), detail="its header is unreadable") from exc
    file_key = passphrase_key(passphrase, salt)
    if not hmac.compare_digest(_check(file_key), check):
        raise BackupPassphraseError(path=str(path))
    try:
        payload = AESGCM(file_key).decrypt(nonce, data[end + 1 :], head)
    except (InvalidTag, ValueError) as exc:
        raise BackupDamagedError(path=str(path), detail="it was altered or truncated") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            files = {name: archive.read(name) for name in FILES}
        hashes = manifest["sha256"]
        info = BackupInfo(
            path,
            str(manifest["profile"]),
            str(manifest["key_id"]),
            str(manifest["created"]),
            int(manifest["entries"]),
        )
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise BackupDamagedError(path=str(path), detail="its contents are incomplete") from exc
    for name, content in files.items():
        if hashes.get(name) != hashlib.sha256(content).hexdigest():
            raise BackupDamagedError(path=str(path), detail=f"{name} does not match its hash")
    return info, files


def restore(path: Path, profile: Profile, passphrase: str, *, replace: bool = False) -> BackupInfo:
    """Restore the backup at ``path`` as ``profile``: into a new or empty profile, or over
    one that holds data only with ``replace``. All or nothing."""
    info, files = read_backup(path, passphrase)
    if _holds_data(profile.folder) and not replace:
        raise ProfileNotEmptyError(profile=profile.name)
    root = profile.folder.parent
    root.mkdir(parents=True, exist_ok=True)
    # '~' is not allowed in a profile name, so a half-built folder is never listed as one
    staging = root / f"{profile.name}~restore-{secrets.token_hex(4)}"
    aside = root / f"{profile.name}~replaced-{secrets.token_hex(4)}"
    staging.mkdir(mode=0o700)
    try:
        for name, content in files.items():
            _write_private(staging / name, content)
        staged = Profile(profile.name, staging)
        key = SigningKey.load(staged.key_path, passphrase)
        if key.key_id != info.key_id:
            raise BackupDamagedError(path=str(path), detail="the key does not match its manifest")
        PrivateVault.open(staged.data_key_path, key)  # the data key opens with that key
        _check_database(staged.database_path, path)
        if profile.folder.exists():
            profile.folder.rename(aside)
        try:
            staging.rename(profile.folder)
        except BaseException:
            if aside.exists():
                aside.rename(profile.folder)
            raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(aside, ignore_errors=True)
    profile.secure()
    return info


def _holds_data(folder: Path) -> bool:
    return folder.exists() and any(folder.iterdir())


def _check_database(database: Path, source: Path) -> None:
    conn = sqlite3.connect(database)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupDamagedError(
            path=str(source), detail=f"its database is unreadable ({exc})"
        ) from exc
    finally:
        conn.close()
    if result != "ok":
        raise BackupDamagedError(path=str(source), detail=f"its database is damaged ({result})")


__all__ = [
    "BackupDamagedError",
    "BackupError",
    "BackupInfo",
    "BackupPassphraseError",
    "ProfileNotEmptyError",
    "backup",
    "read_backup",
    "restore",
]
