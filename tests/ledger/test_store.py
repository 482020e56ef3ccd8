"""The local store on real SQLite and real PostgreSQL: append, outbox, projections, replay,
consistency, migrations and refusal of a newer database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Integer, LargeBinary, String, Table, func, insert, select, text, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger.domain import Registry
from ledger.errors import DatabaseTooNewError, StoreError
from ledger.keys import SigningKey
from ledger.statement import Entry, Statement, build_statement, sign_statement
from ledger.store.append import append, sign_and_append
from ledger.store.audit import consistency, replay, verify_log
from ledger.store.generic import DepositedDocument, Identity
from ledger.store.models import Base, LogEntry, OutboxItem
from ledger.store.projection import Applied
from ledger.store.store import Store

LOG = "test.jcdesk.example/log"
T0 = datetime(2026, 11, 27, 7, 30, tzinfo=UTC)


def deposit(key: SigningKey, n: int, case: str = "") -> Statement:
    return build_statement(
        log=LOG,
        type="evidence.deposited",
        case=case,
        actor=key.vkey,
        time=T0 + timedelta(seconds=n),
        body={
            "documents": [
                {"name": f"合同-{n}.pdf", "sha256": f"{n:064x}", "size": 1000 + n},
                {"name": f"photo-{n}.jpg", "sha256": f"{n + 10**6:064x}", "size": 7},
            ],
            "note": "借款合同及转账记录",
        },
    )


def enrol(key: SigningKey, name: str, role: str = "party") -> Statement:
    return build_statement(
        log=LOG,
        type="identity.enrol",
        case="",
        actor=key.vkey,
        time=T0,
        body={"name": name, "role": role},
    )


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey.generate()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = Store.open(store_url)
    yield store
    store.close()


def count(session: Session, table: type[Base] | Table) -> int:
    return session.scalar(select(func.count()).select_from(table)) or 0


def test_sqlite_is_durable_wal_with_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_append_stores_entry_outbox_and_projection_in_one_go(store: Store, key: SigningKey) -> None:
    with store.transaction() as session:
        entry, appended = sign_and_append(session, store.projections, key, deposit(key, 1))
    assert appended.new
    with store.session() as session:
        row = session.scalars(select(LogEntry)).one()
        assert row.entry == entry.text and row.leaf_hash == entry.leaf_hash
        assert row.type == "evidence.deposited" and row.source == "local"
        outbox = session.scalars(select(OutboxItem)).one()
        assert (outbox.leaf_hash, outbox.state) == (entry.leaf_hash, "pending")
        docs = session.scalars(select(DepositedDocument).order_by(DepositedDocument.position)).all()
        assert [d.name for d in docs] == ["合同-1.pdf", "photo-1.jpg"]
        assert docs[0].sha256 == f"{1:064x}" and docs[0].size == 1001


def test_append_is_idempotent_and_keeps_order(store: Store, key: SigningKey) -> None:
    entries = [sign_statement(deposit(key, n), key) for n in range(5)]
    with store.transaction() as session:
        first = append(session, store.projections, entries[:3])
    with store.transaction() as session:
        second = append(session, store.projections, [entries[1], *entries[3:], entries[3]])
    assert [a.new for a in first] == [True, True, True]
    assert [a.new for a in second] == [False, True, True, False]
    assert second[0].seq == first[1].seq
    with store.session() as session:
        seqs = session.execute(select(LogEntry.seq, LogEntry.leaf_hash).order_by(LogEntry.seq))
        assert [leaf for _, leaf in seqs] == [e.leaf_hash for e in entries]
        assert count(session, OutboxItem) == 5
        assert count(session, DepositedDocument) == 10


def test_entries_from_the_chain_skip_the_outbox(store: Store, key: SigningKey) -> None:
    other = SigningKey.generate()
    entry = sign_statement(deposit(other, 7), other)
    with store.transaction() as session:
        append(session, store.projections, [entry], source="chain")
    with store.session() as session:
        assert count(session, LogEntry) == 1
        assert count(session, OutboxItem) == 0
        assert session.scalars(select(LogEntry.source)).one() == "chain"


class ExplodingProjection:
    """Fails on the third entry it sees: the whole append must roll back."""

    name = "test.exploding"
    tables: Sequence[Table] = ()

    def handles(self, statement_type: str) -> bool:
        return statement_type == "evidence.deposited"

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        if len(batch) >= 3:
            raise RuntimeError("projection failed")


def test_a_failing_projection_leaves_nothing_half_written(store_url: str, key: SigningKey) -> None:
    store = Store.open(store_url, projections=[ExplodingProjection()])
    entries = [sign_statement(deposit(key, n), key) for n in range(3)]
    with pytest.raises(RuntimeError), store.transaction() as session:
        append(session, store.projections, entries)
    with store.session() as session:
        assert count(session, LogEntry) == 0
        assert count(session, OutboxItem) == 0
        assert count(session, DepositedDocument) == 0
    store.close()


def fill(store: Store, key: SigningKey) -> list[Entry]:
    entries = [sign_statement(deposit(key, n, case="case-1"), key) for n in range(4)]
    alice, bob = SigningKey.generate(), SigningKey.generate()
    entries += [
        sign_statement(enrol(alice, "调解员 王"), alice),
        sign_statement(enrol(bob, "当事人 李"), bob),
    ]
    with store.transaction() as session:
        append(session, store.projections, entries)
    return entries


def test_replay_rebuilds_every_projection(store: Store, key: SigningKey) -> None:
    fill(store, key)
    with store.session() as session:
        before = sorted(session.execute(select(DepositedDocument.__table__)).all())
        names_before = sorted(session.scalars(select(Identity.name)).all())
    with store.transaction() as session:
        session.execute(DepositedDocument.__table__.delete())
        session.execute(Identity.__table__.delete())
    with store.transaction() as session:
        assert replay(session, store.projections) == []
    with store.session() as session:
        assert sorted(session.execute(select(DepositedDocument.__table__)).all()) == before
        assert sorted(session.scalars(select(Identity.name)).all()) == names_before
        assert names_before == ["当事人 李", "调解员 王"]


def test_consistency_is_clean_and_changes_nothing(store: Store, key: SigningKey) -> None:
    fill(store, key)
    with store.session() as session:
        assert verify_log(session) == []
        assert consistency(session, store.projections) == []
        assert count(session, DepositedDocument) == 8


@pytest.mark.parametrize("column", ["size", "name", "sha256"])
def test_consistency_names_a_changed_projected_value(
    store: Store, key: SigningKey, column: str
) -> None:
    entries = fill(store, key)
    value = {"size": 5, "name": "forged.pdf", "sha256": "f" * 64}[column]
    with store.transaction() as session:
        session.execute(
            update(DepositedDocument)
            .where(DepositedDocument.leaf_hash == entries[2].leaf_hash)
            .where(DepositedDocument.position == 1)
            .values({column: value})
        )
    with store.session() as session:
        problems = consistency(session, store.projections)
        # the check rolled back its replay: the tampered value is still there to be seen
        assert (
            session.scalar(
                select(getattr(DepositedDocument, column)).where(
                    DepositedDocument.leaf_hash == entries[2].leaf_hash,
                    DepositedDocument.position == 1,
                )
            )
            == value
        )
    assert len(problems) == 1
    text_ = str(problems[0])
    assert "deposited_documents" in text_ and entries[2].leaf_hash.hex()[:16] in text_
    assert f"column {column}" in text_


def test_consistency_names_extra_and_missing_rows(store: Store, key: SigningKey) -> None:
    entries = fill(store, key)
    with store.transaction() as session:
        session.execute(
            DepositedDocument.__table__.delete().where(
                DepositedDocument.leaf_hash == entries[0].leaf_hash
            )
        )
        session.execute(
            insert(Identity.__table__).values(
                actor="jcd-0000+00000000+forged", name="ghost", role="judge", leaf_hash=b"\0" * 32
            )
        )
    with store.session() as session:
        problems = [str(p) for p in consistency(session, store.projections)]
    assert sum("is missing" in p for p in problems) == 2
    assert sum("extra row" in p and "identities" in p for p in problems) == 1


def test_verify_log_names_an_entry_with_one_changed_byte(store: Store, key: SigningKey) -> None:
    entries = fill(store, key)
    with store.session() as session:
        seq = session.scalar(select(LogEntry.seq).where(LogEntry.leaf_hash == entries[1].leaf_hash))
    original = entries[1].text
    # flip one byte inside the signed JSON (the size 1001 -> 1009)
    tampered = original.replace('"size":1001', '"size":1009', 1)
    assert tampered != original and len(tampered) == len(original)
    with store.transaction() as session:
        session.execute(update(LogEntry).where(LogEntry.seq == seq).values(entry=tampered))
    with store.session() as session:
        problems = verify_log(session)
    assert len(problems) == 1
    assert f"entry #{seq}" in problems[0].where
    assert "signature" in problems[0].detail


def test_verify_log_names_a_copied_column_that_lies(store: Store, key: SigningKey) -> None:
    fill(store, key)
    with store.transaction() as session:
        session.execute(update(LogEntry).where(LogEntry.seq == 3).values(case_id="other-case"))
    with store.session() as session:
        problems = [str(p) for p in verify_log(session)]
    assert problems == [p for p in problems if "entry #3" in p and "case_id" in p] and problems


def ledger_head() -> str:
    """The ledger branch's latest revision (what a store is migrated to)."""
    from alembic.script import ScriptDirectory

    from ledger.store.migrate import alembic_config

    (head,) = ScriptDirectory.from_config(alembic_config()).get_revisions("ledger@head")
    assert head is not None
    return head.revision


def test_a_database_from_the_future_is_refused_untouched(tmp_path: Path, key: SigningKey) -> None:
    url = f"sqlite:///{tmp_path / 'future.sqlite'}"
    store = Store.open(url)
    with store.transaction() as session:
        sign_and_append(session, store.projections, key, deposit(key, 1))
        session.execute(
            text(
                "UPDATE alembic_version SET version_num = '9999_from_the_future' "
                f"WHERE version_num = '{ledger_head()}'"
            )
        )
    store.close()
    before = (tmp_path / "future.sqlite").read_bytes()
    with pytest.raises(DatabaseTooNewError) as caught:
        Store.open(url)
    assert "9999_from_the_future" in str(caught.value) and "newer version" in str(caught.value)
    assert (tmp_path / "future.sqlite").read_bytes() == before
    assert not list(tmp_path.glob("future.sqlite.before-*"))


def test_postgres_from_the_future_is_refused(pg_url: str) -> None:
    Store.open(pg_url).close()
    from sqlalchemy import create_engine

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE alembic_version SET version_num = '9999_newer' "
                f"WHERE version_num = '{ledger_head()}'"
            )
        )
    engine.dispose()
    with pytest.raises(DatabaseTooNewError):
        Store.open(pg_url)


def test_reopening_migrates_nothing_and_keeps_data(tmp_path: Path, key: SigningKey) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    store = Store.open(url)
    with store.transaction() as session:
        sign_and_append(session, store.projections, key, deposit(key, 1))
    store.close()
    again = Store.open(url)
    with again.session() as session:
        assert count(session, LogEntry) == 1
    again.close()
    assert not list(tmp_path.glob("x.sqlite.before-*"))


def test_an_older_schema_is_upgraded_on_a_backup(tmp_path: Path, key: SigningKey) -> None:
    """A database at the first revision is copied aside, then upgraded; data survives."""
    from alembic import command
    from sqlalchemy import create_engine

    from ledger.store.migrate import alembic_config, current_revisions

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_ledger")
    engine.dispose()
    old = Store(
        create_engine(f"sqlite:///{path}"),
        Store.open(f"sqlite:///{tmp_path / 'n.sqlite'}").projections,
        Registry(),
    )
    with old.transaction() as session:
        sign_and_append(session, old.projections, key, deposit(key, 1))
    old.close()

    store = Store.open(f"sqlite:///{path}")
    assert ledger_head() in current_revisions(store.engine)
    with store.session() as session:
        assert count(session, LogEntry) == 1
    store.close()
    backup = tmp_path / "old.sqlite.before-0001_ledger"
    assert backup.exists()
    engine = create_engine(f"sqlite:///{backup}")
    assert current_revisions(engine) == {"0001_ledger"}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM log_entries")).scalar() == 1
    engine.dispose()


def test_bad_urls_and_unreachable_servers_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open("not a url")
    with pytest.raises(StoreError):
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


class CaseCounter:
    """A domain-style projection with its own table, to show registration works."""

    name = "test.case_counter"

    @property
    def tables(self) -> Sequence[Table]:
        return [CaseCount.__table__]

    def handles(self, statement_type: str) -> bool:
        return statement_type == "evidence.deposited"

    def apply(self, session: Session, batch: Sequence[Applied]) -> None:
        for applied in batch:
            case = applied.entry.statement.case
            row = session.get(CaseCount, case)
            if row is None:
                session.add(CaseCount(case_id=case, deposits=1, last_leaf=applied.leaf_hash))
            else:
                row.deposits += 1
                row.last_leaf = applied.leaf_hash
            session.flush()


class CaseCount(Base):
    __tablename__ = "test_case_counts"
    case_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    deposits: Mapped[int] = mapped_column(Integer)
    last_leaf: Mapped[bytes] = mapped_column(LargeBinary(32))


def test_registered_domain_projection_is_replayed_and_checked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    store = Store.open(url, projections=[CaseCounter()])
    CaseCount.__table__.create(store.engine)  # a domain package would ship a migration
    key = SigningKey.generate()
    with store.transaction() as session:
        append(
            session,
            store.projections,
            [sign_statement(deposit(key, n, "c1"), key) for n in range(3)],
        )
    with store.transaction() as session:
        sign_and_append(session, store.projections, key, deposit(key, 9, "c2"))
    with store.session() as session:
        assert dict(session.execute(select(CaseCount.case_id, CaseCount.deposits)).all()) == {
            "c1": 3,
            "c2": 1,
        }
        assert consistency(session, store.projections) == []
    with store.transaction() as session:
        session.execute(update(CaseCount).where(CaseCount.case_id == "c1").values(deposits=4))
    with store.session() as session:
        problems = [str(p) for p in consistency(session, store.projections)]
    assert problems == ["table test_case_counts, row ('c1'): column deposits is 4, the log says 3"]
    store.close()
