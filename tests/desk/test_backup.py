"""Encrypted profile backup and restore (desk.backup, desk.cli) with real SQLite files and, for
convergence, a real node over loopback WebSockets."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import time
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casework import private
from desk import backup
from desk.cli import main as cli_main
from desk.embedded import start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from ledger.errors import WrongPassphraseError
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.store.models import LogEntry, OutboxItem
from mediation import services
from mediation import types as t
from tests.chain_node.conftest import Client

PASS = "correct horse battery"


def wait_for(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def new_profile(home: Path, name: str = "mediator") -> tuple[Profile, SigningKey]:
    profile = Profile.named(name, home=home)
    profile.save_settings(Settings(display_name="王调解员", role="mediator"))
    key = SigningKey.generate()
    key.save(profile.key_path, PASS)
    return profile, key


def party(pid: str, number: str, phone: str) -> services.PartyInput:
    role = "applicant" if pid == "p1" else "respondent"
    return services.PartyInput(pid, "当事人" + pid, role, id_number=number, phone=phone)


def offline_profile_with_a_party(home: Path) -> tuple[Profile, SigningKey]:
    profile, key = new_profile(home)
    session = DeskSession.open(profile, key, NetworkThread(), "ws://127.0.0.1:9")
    row = private.PrivateParty(
        "MED-1", "p1", "110101199003071234", b"s" * 16, "北京", "13812345678", ""
    )
    with session.store.transaction() as s:
        private.save(s, [row])
    session.close()
    return profile, key


def test_backup_and_restore_round_trip_and_refusals(tmp_path: Path) -> None:
    profile, key = offline_profile_with_a_party(tmp_path)
    target = tmp_path / "out" / "mediator.jcdbackup"
    with pytest.raises(WrongPassphraseError):
        backup.backup(profile, "not the passphrase", target)
    assert not target.exists()
    info = backup.backup(profile, PASS, target)
    assert info.key_id == key.key_id and info.entries == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = target.read_bytes()
    for secret in (b"110101199003071234", b"13812345678", key.key_id.encode(), b"mediator"):
        assert secret not in data  # all encrypted, names included
    with pytest.raises(backup.BackupError):
        backup.backup(profile, PASS, target)  # an existing file is not overwritten silently

    restored = Profile.named("copy", home=tmp_path)
    with pytest.raises(backup.BackupPassphraseError):
        backup.restore(target, restored, "wrong passphrase")
    assert not restored.folder.exists()
    damaged = tmp_path / "damaged.jcdbackup"
    damaged.write_bytes(data[:-40] + bytes(b ^ 1 for b in data[-40:]))
    with pytest.raises(backup.BackupDamagedError):
        backup.restore(damaged, restored, PASS)
    damaged.write_bytes(b"hello")
    with pytest.raises(backup.BackupDamagedError):
        backup.restore(damaged, restored, PASS)
    assert not restored.folder.exists()
    assert [p.name for p in tmp_path.joinpath("profiles").iterdir()] == ["mediator"]  # no debris

    assert backup.restore(target, restored, PASS).profile == "mediator"
    assert stat.S_IMODE(restored.folder.stat().st_mode) == 0o700
    assert restored.load_settings().display_name == "王调解员"
    session = DeskSession.open(
        restored, SigningKey.load(restored.key_path, PASS), NetworkThread(), "ws://127.0.0.1:9"
    )
    try:
        with session.store.session() as s:
            assert private.load(s, "MED-1")["p1"].phone == "13812345678"
    finally:
        session.close()
    # never over a profile that holds data, unless told so
    with pytest.raises(backup.ProfileNotEmptyError):
        backup.restore(target, profile, PASS)
    marker = profile.folder / "desk.log"
    marker.write_text("kept\n", "utf-8")
    assert backup.restore(target, profile, PASS, replace=True).key_id == key.key_id
    assert not marker.exists()
    # an empty folder counts as empty
    empty = Profile.named("empty", home=tmp_path)
    empty.folder.mkdir()
    backup.restore(target, empty, PASS)
    assert empty.is_set_up


def test_cli_backup_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JCDESK_HOME", str(tmp_path))
    offline_profile_with_a_party(tmp_path)
    monkeypatch.setenv("PASS_VAR", PASS)
    file = str(tmp_path / "b.jcdbackup")
    out, err = io.StringIO(), io.StringIO()
    argv = ["profile", "backup", file, "--profile", "mediator", "--passphrase-env", "PASS_VAR"]
    assert cli_main(argv, out, err) == 0, err.getvalue()
    assert "Backed up profile mediator" in out.getvalue()
    # --profile before the command word, as main.py may pass it
    argv = ["--profile", "mediator", "profile", "backup", file, "--passphrase-env", "PASS_VAR"]
    assert cli_main(argv, out, err) == 1 and "exists" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    argv = ["profile", "restore", file, "--profile", "mediator", "--passphrase-env", "PASS_VAR"]
    assert cli_main(argv, out, err) == 1
    assert "already holds data" in err.getvalue() and err.getvalue().count("\n") == 1
    monkeypatch.setenv("PASS_VAR", "wrong")
    argv = ["profile", "restore", file, "--profile", "other", "--passphrase-env", "PASS_VAR"]
    assert cli_main(argv, out, err) == 1 and "Wrong passphrase" in err.getvalue()
    monkeypatch.setenv("PASS_VAR", PASS)
    out = io.StringIO()
    assert cli_main(argv, out, err) == 0
    assert "as profile other" in out.getvalue()
    assert Profile.named("other", home=tmp_path).is_set_up
    with pytest.raises(SystemExit):  # restore needs --profile
        cli_main(["profile", "restore", file], out, err)


def _leaves(session: DeskSession) -> list[bytes]:
    with session.store.session() as s:
        return sorted(s.scalars(select(LogEntry.leaf_hash)))


def _settled(session: DeskSession) -> bool:
    with session.store.session() as s:
        return not s.scalar(
            select(func.count()).select_from(OutboxItem).where(OutboxItem.state != "confirmed")
        )


def _index_of(session: DeskSession, leaf: bytes) -> int | None:
    with session.store.session() as s:
        item = s.get(OutboxItem, leaf)
        return None if item is None else (item.chain_index if item.state == "confirmed" else None)


def _node_size(url: str) -> int:
    client = Client(url)
    try:
        return int(client.call("tlog.checkpoint")["checkpoint"].split("\n")[1])
    finally:
        client.close()


def _online(session: DeskSession) -> DeskSession:
    session.start_sync()
    deadline = time.monotonic() + 30
    while True:
        try:
            session.origin  # noqa: B018 - known once the node was reached
            return session
        except Exception:
            assert time.monotonic() < deadline
            time.sleep(0.05)


def test_a_restored_old_backup_converges_with_the_chain(tmp_path: Path) -> None:
    node = start_or_attach(tmp_path / "node")
    sessions: list[DeskSession] = []
    networks: list[NetworkThread] = []

    def open_(profile: Profile) -> DeskSession:
        network = NetworkThread().start()
        networks.append(network)
        session = DeskSession.open(
            profile, SigningKey.load(profile.key_path, PASS), network, node.url
        )
        sessions.append(session)
        return session

    def close(session: DeskSession) -> None:
        session.network.stop()
        session.close()

    try:
        profile, key = new_profile(tmp_path)
        first = open_(profile)
        assert first.enrol().result(30)["status"] == "approved"
        _online(first)
        case = "MED-20261202-0001"
        prepared = services.open_case(
            first,
            case_id=case,
            dispute_type="民间借贷纠纷",
            summary="借款到期未还。",
            organisation="朝阳区人民调解委员会",
            mediator_name="王调解员",
            parties=[
                party("p1", "110101199003071234", "13812345678"),
                party("p2", "110105198805124321", ""),
            ],
        )
        first.record(prepared.statement, also=lambda s: private.save(s, prepared.private_rows))
        wait_for(lambda: _settled(first))
        close(first)

        # signed while offline: pending in the backup, then sent by the original profile
        offline = DeskSession.open(profile, key, NetworkThread(), node.url)
        past = services.load(offline.store, case)
        pending = offline.record(services.disclose(offline, past, case, False, "无利害关系。"))
        backed_up = _leaves(offline)
        offline.close()
        info = backup.backup(profile, PASS, tmp_path / "old.jcdbackup")
        before_backup = info.entries
        assert before_backup == len(backed_up) >= 2  # the case opened, the disclosure

        later = open_(profile)
        _online(later)
        wait_for(lambda: _settled(later))
        pending_index = _index_of(later, pending.leaf_hash)
        assert pending_index is not None
        now = later.clock.now()
        past = services.load(later.store, case)
        later.record(
            services.record_session(
                later,
                past,
                case,
                start=now - timedelta(hours=2),
                end=now - timedelta(hours=1),
                participants=["王调解员"],
                notes="双方同意分期。",
                statements=[],
            )
        )
        added = services.add_party(
            later, services.load(later.store, case), case, party("p3", "", "13700137000")
        )
        later.record(added.statement, also=lambda s: private.save(s, added.private_rows))
        wait_for(lambda: _settled(later))
        expected = _leaves(later)
        size = _node_size(node.url)
        assert len(expected) > before_backup
        close(later)

        # the old backup, restored as a new profile, syncs to the same history
        copy = Profile.named("restored", home=tmp_path)
        backup.restore(tmp_path / "old.jcdbackup", copy, PASS)
        restored = open_(copy)
        with restored.store.session() as s:
            assert s.get(OutboxItem, pending.leaf_hash).state == "pending"
        _online(restored)
        wait_for(lambda: _settled(restored) and _leaves(restored) == expected)
        assert _index_of(restored, pending.leaf_hash) == pending_index  # its first index back
        assert _node_size(node.url) == size  # the resend logged nothing twice
        with restored.store.session() as s:
            types = list(s.scalars(select(LogEntry.type).where(LogEntry.case_id == case)))
            assert types.count(t.SESSION_RECORDED) == 1 and types.count(t.DISCLOSURE) == 1
            assert len(types) == len(
                set(s.scalars(select(LogEntry.leaf_hash).where(LogEntry.case_id == case)))
            )
        state = services.load(restored.store, case)
        assert set(state.parties) == {"p1", "p2", "p3"}
        with restored.store.session() as s:
            kept = private.load(s, case)
        # private details are local only: those from before the backup come back with it
        assert kept["p1"].phone == "13812345678" and "p3" not in kept
    finally:
        node.stop()
        for network in networks:
            network.stop()
        for session in sessions:
            session.close()


def test_a_backup_whose_database_is_damaged_leaves_nothing_behind(tmp_path: Path) -> None:
    profile, _ = offline_profile_with_a_party(tmp_path)
    good = tmp_path / "good.jcdbackup"
    backup.backup(profile, PASS, good)
    _, files = backup.read_backup(good, PASS)
    # well encrypted, hashes right, but the database inside is not one: found before renaming
    files[backup.DATABASE] = b"SQLite format 3\0" + b"\xff" * 4080
    manifest = {
        "format": "jcdesk-backup-v1",
        "profile": "mediator",
        "key_id": SigningKey.load(profile.key_path, PASS).key_id,
        "created": "2026-12-02T00:00:00Z",
        "entries": 0,
        "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w") as archive:
        archive.writestr(backup.MANIFEST, json.dumps(manifest))
        for name, data in files.items():
            archive.writestr(name, data)
    bad = tmp_path / "bad.jcdbackup"
    bad.write_bytes(backup._seal(payload.getvalue(), PASS))
    target = Profile.named("target", home=tmp_path)
    with pytest.raises(backup.BackupDamagedError) as caught:
        backup.restore(bad, target, PASS)
    assert "database" in str(caught.value)
    assert sorted(p.name for p in (tmp_path / "profiles").iterdir()) == ["mediator"]
