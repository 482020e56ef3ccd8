"""Personal data at rest: owner-only profile files, sealed private columns (AES-256-GCM bound to
case, party and column), clear rows from before sealed at first unlock, and the personal-data
guard refusing a deposit before anything is signed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from casework import private
from chain_node.domains import installed_domains
from desk.embedded import start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from desk.verify import evidence_statement
from ledger.keys import SigningKey
from ledger.privacy import PersonalDataError
from ledger.profile import Profile, Settings
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.store import Store
from ledger.vault import DataKeyError, SealedValueError

ID_NUMBER = "110101199003071234"
PHONE = "13812345678"
ADDRESS = "北京市朝阳区建国路88号"


def party(case_id: str, party_id: str, number: str = ID_NUMBER) -> private.PrivateParty:
    return private.PrivateParty(
        case_id=case_id,
        party_id=party_id,
        id_number=number,
        salt=private.new_salt(),
        address=ADDRESS + party_id,
        phone=PHONE,
        agent="律师王五",
    )


def open_offline(profile: Profile, key: SigningKey) -> DeskSession:
    # no node is needed to store and read private data: the sync is never started
    return DeskSession.open(profile, key, NetworkThread(), "ws://127.0.0.1:9")


def raw_bytes(database: Path) -> bytes:
    """The database file and its WAL as they are on disk."""
    data = database.read_bytes()
    wal = database.with_name(database.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def leaks(data: bytes) -> list[str]:
    return [text for text in (ID_NUMBER, PHONE, ADDRESS) if text.encode() in data]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    profile = Profile.named("p", home=tmp_path)
    profile.save_settings(Settings(display_name="调解员", role="mediator"))
    return profile


def test_saved_party_is_sealed_on_disk_and_loads_back(profile: Profile) -> None:
    key = SigningKey.generate()
    session = open_offline(profile, key)
    try:
        with session.store.transaction() as s:
            private.save(s, [party("MED-1", "p1"), party("MED-1", "p2")])
        assert leaks(raw_bytes(profile.database_path)) == []  # db and WAL, while open
        with session.store.session() as s:
            loaded = private.load(s, "MED-1")
        assert loaded["p1"].id_number == ID_NUMBER and loaded["p1"].phone == PHONE
        assert loaded["p2"].address == ADDRESS + "p2" and loaded["p2"].agent == "律师王五"
        # the salt is sealed too: with it and the public hash, a number could be guessed
        assert len(loaded["p1"].salt) == 16
        with session.store.session() as s:
            stored = s.execute(
                private._StoredParty.__table__.select().where(private._StoredParty.party_id == "p1")
            ).one()
        assert stored.salt != loaded["p1"].salt and len(stored.salt) == 12 + 16 + 16
    finally:
        session.close()
    assert leaks(raw_bytes(profile.database_path)) == []
    # owner-only: folder 0700; key, data key, settings, database (and WAL/SHM) 0600
    assert mode(profile.folder) == 0o700
    files = [p for p in profile.folder.iterdir() if p.is_file()]
    assert {"data.key", "settings.json", "desk.sqlite"} <= {p.name for p in files}
    assert all(mode(p) == 0o600 for p in files), {p.name: oct(mode(p)) for p in files}
    # a second unlock with the same key reads the same data
    again = open_offline(profile, key)
    try:
        with again.store.session() as s:
            assert private.load(s, "MED-1")["p1"].id_number == ID_NUMBER
    finally:
        again.close()


def test_swapped_or_altered_ciphertexts_are_named_not_shown(profile: Profile) -> None:
    session = open_offline(profile, SigningKey.generate())
    try:
        with session.store.transaction() as s:
            private.save(s, [party("MED-1", "p1", "11010119900307123X"), party("MED-1", "p2")])
            private.save(s, [party("MED-2", "p1")])
        db = sqlite3.connect(profile.database_path)
        table = "mediation_private_parties"

        def column(case: str, pid: str, name: str) -> object:
            sql = f"SELECT {name} FROM {table} WHERE case_id=? AND party_id=?"
            return db.execute(sql, (case, pid)).fetchone()[0]

        def put(case: str, pid: str, name: str, value: object) -> None:
            sql = f"UPDATE {table} SET {name}=? WHERE case_id=? AND party_id=?"
            db.execute(sql, (value, case, pid))
            db.commit()

        # two rows' numbers swapped: the rows bind case and party
        a, b = column("MED-1", "p1", "id_number"), column("MED-1", "p2", "id_number")
        put("MED-1", "p1", "id_number", b)
        put("MED-1", "p2", "id_number", a)
        with session.store.session() as s, pytest.raises(SealedValueError) as caught:
            private.load(s, "MED-1")
        assert "MED-1" in str(caught.value)
        with session.store.session() as s:  # the other case is untouched and reads fine
            assert private.load(s, "MED-2")["p1"].id_number == ID_NUMBER
        # the same party's row moved to another case
        put("MED-2", "p1", "id_number", b)
        with session.store.session() as s, pytest.raises(SealedValueError):
            private.load(s, "MED-2")
        # phone and address swapped within one row: the columns are bound too
        phone, address = column("MED-1", "p2", "phone"), column("MED-1", "p2", "address")
        put("MED-1", "p2", "phone", address)
        put("MED-1", "p2", "address", phone)
        put("MED-1", "p1", "id_number", a)
        put("MED-1", "p2", "id_number", b)
        with session.store.session() as s, pytest.raises(SealedValueError):
            private.load(s, "MED-1")
        put("MED-1", "p2", "phone", phone)
        put("MED-1", "p2", "address", address)
        with session.store.session() as s:
            assert private.load(s, "MED-1")["p1"].id_number == "11010119900307123X"
        # one flipped byte of a salt
        salt = bytearray(column("MED-1", "p1", "salt"))
        salt[-1] ^= 1
        put("MED-1", "p1", "salt", bytes(salt))
        with session.store.session() as s, pytest.raises(SealedValueError):
            private.load(s, "MED-1")
        db.close()
    finally:
        session.close()


def test_a_lost_data_key_is_not_silently_replaced(profile: Profile) -> None:
    key = SigningKey.generate()
    session = open_offline(profile, key)
    with session.store.transaction() as s:
        private.save(s, [party("MED-1", "p1")])
    session.close()
    profile.data_key_path.unlink()
    with pytest.raises(DataKeyError) as caught:
        open_offline(profile, key)
    assert "is missing" in str(caught.value)
    assert not profile.data_key_path.exists()  # no new key that would orphan the sealed rows


def test_another_key_cannot_open_the_data_key(profile: Profile) -> None:
    open_offline(profile, SigningKey.generate()).close()
    with pytest.raises(DataKeyError) as caught:
        open_offline(profile, SigningKey.generate())
    assert "data.key" in str(caught.value)
    profile.data_key_path.write_text("{not json", "utf-8")
    with pytest.raises(DataKeyError):
        open_offline(profile, SigningKey.generate())


def test_a_profile_from_before_is_sealed_and_tightened_at_first_unlock(profile: Profile) -> None:
    # the store as the previous version left it: clear rows, files readable by all
    store = Store.open(profile.database_url(), installed_domains())
    old = [party("MED-1", "p1"), party("MED-1", "p2")]
    with store.engine.begin() as conn:
        for row in old:
            conn.execute(private._StoredParty.__table__.insert().values(**vars(row)))
    store.close()
    backup = profile.database_path.with_name("desk.sqlite.before-0001_ledger")
    shutil.copy(profile.database_path, backup)
    log = profile.log_path
    log.write_text("started\n", "utf-8")
    for path in (profile.folder, profile.database_path, backup, log, profile.settings_path):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert leaks(raw_bytes(profile.database_path)) and leaks(backup.read_bytes())

    session = open_offline(profile, SigningKey.generate())
    try:
        assert leaks(raw_bytes(profile.database_path)) == []
        assert leaks(backup.read_bytes()) == []  # the pre-migration copy holds ciphertext
        with session.store.session() as s:
            loaded = private.load(s, "MED-1")
        assert {pid: (r.id_number, r.salt, r.phone) for pid, r in loaded.items()} == {
            r.party_id: (r.id_number, r.salt, r.phone) for r in old
        }
        for path in (profile.folder, profile.database_path, backup, log, profile.settings_path):
            assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    finally:
        session.close()


def test_a_deposit_with_a_phone_number_is_refused_before_signing(tmp_path: Path) -> None:
    node = start_or_attach(tmp_path / "node")
    network = NetworkThread().start()
    profile = Profile.named("alice", home=tmp_path)
    profile.save_settings(Settings(display_name="ALICE", role="creditor"))
    session = DeskSession.open(profile, SigningKey.generate(), network, node.url)
    try:
        assert session.enrol().result(30)["status"] == "approved"
        session.start_sync()
        deadline = time.monotonic() + 30
        while True:  # the profile learns the log's origin on its first sync
            try:
                session.origin  # noqa: B018
                break
            except Exception:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        sha = hashlib.sha256(b"contract").hexdigest()

        def counts() -> tuple[int, int]:
            with session.store.session() as s:
                return s.query(LogEntry).count(), s.query(OutboxItem).count()

        before = counts()
        with pytest.raises(PersonalDataError):
            evidence_statement(session, [("contract.pdf", sha, 8)], "张三 手机 138 1234 5678")
        with pytest.raises(PersonalDataError):
            evidence_statement(session, [("张三_110101199003071234.pdf", sha, 8)])
        assert counts() == before
        ok = session.record(evidence_statement(session, [("contract.pdf", sha, 8)], "原件"))
        assert ok.statement.body["note"] == "原件" and counts() != before
    finally:
        node.stop()
        network.stop()
        session.close()


def test_sealing_on_postgresql(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JCDESK_DATABASE_URL", pg_url)
    profile = Profile.named("pg", home=tmp_path)
    profile.save_settings(Settings(display_name="调解员", role="mediator"))
    store = Store.open(profile.database_url(), installed_domains())
    table = private._StoredParty.__table__
    with store.engine.begin() as conn:  # a clear row, as the previous version wrote it
        conn.execute(table.insert().values(**vars(party("MED-1", "p1"))))
    store.close()
    session = open_offline(profile, SigningKey.generate())
    try:
        with session.store.transaction() as s:
            private.save(s, [party("MED-1", "p2")])
        with session.store.engine.connect() as conn:
            raw = repr(conn.execute(table.select()).all())
        assert len(raw) > 400 and leaks(raw.encode()) == []
        with session.store.session() as s:
            loaded = private.load(s, "MED-1")
        assert loaded["p1"].id_number == ID_NUMBER and loaded["p2"].phone == PHONE
        with session.store.engine.begin() as conn:  # p1's phone into p2's row
            phone = conn.execute(select(table.c.phone).where(table.c.party_id == "p1")).scalar_one()
            conn.execute(table.update().where(table.c.party_id == "p2").values(phone=phone))
        with session.store.session() as s, pytest.raises(SealedValueError):
            private.load(s, "MED-1")
    finally:
        session.close()
