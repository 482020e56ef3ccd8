"""The node's durable store (SQLAlchemy 2, its own metadata; SQLite default, PostgreSQL too).

Tables:
- ``node_meta``: schema version and origin; a database from a newer schema is refused.
- ``entries``: the log leaves (index, leaf hash unique, entry text, type, case, actor, time).
- ``tree_nodes``: the hash of every complete aligned subtree of height >= 1, keyed by
  (level, index): subtree covering leaves [index*2^level, (index+1)*2^level). Level 0 is
  ``entries.leaf_hash``. Any RFC 9162 range hash is served from O(log n) of these rows.
- ``checkpoints``: one signed note per size (size is the primary key: never two roots per size).
- ``enrolments``: keys and roles (pending / approving / approved / revoked).
- ``revocations``: revoked keys (``identity.revoked`` logged) and operator requests to revoke
  one (``node revoke``; the running node logs them): reason, successor, indexes.
- ``case_members``: who belongs to which case (docs/protocol.md, "Cases and membership").
- ``documents``: document SHA-256 -> entry index, for ``verify.hash``.
- ``evidence_files``, ``evidence_parts``, ``evidence_wraps``: evidence files sealed end to end
  (ciphertext in parts, and the file key wrapped per recipient; ``chain_node/evidence.py``).
  Not derived from the log: fsck leaves them alone.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Engine,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    inspect,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ledger.sqlite import configure_sqlite

SCHEMA_VERSION = 3  # 2: the revocations table (key revocation and rotation); 3: evidence


class NodeBase(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {bytes: LargeBinary, int: BigInteger, str: Text}


class NodeMeta(NodeBase):
    __tablename__ = "node_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]


class EntryRow(NodeBase):
    __tablename__ = "entries"
    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    entry: Mapped[str]
    type: Mapped[str] = mapped_column(String(200))
    case_id: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(300))
    time: Mapped[str] = mapped_column(String(24))

    __table_args__ = (Index("ix_entries_case_idx", "case_id", "idx"),)


class TreeNode(NodeBase):
    __tablename__ = "tree_nodes"
    level: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class CheckpointRow(NodeBase):
    __tablename__ = "checkpoints"
    size: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    root_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    note: Mapped[str]
    cosigned_at: Mapped[int]


ENROLMENT_STATES = ("pending", "approving", "approved", "revoked")


class Enrolment(NodeBase):
    __tablename__ = "enrolments"
    vkey: Mapped[str] = mapped_column(String(300), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str]
    role: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))
    entry: Mapped[str]  # the signed identity.enrol note
    enrol_index: Mapped[int | None]
    approval_index: Mapped[int | None]
    requested_at: Mapped[str] = mapped_column(String(24))


MAX_REVOKE_REASON = 200  # identity.revoke body.reason, in characters


class Revocation(NodeBase):
    """A revoked key, or one the operator asked to revoke (status ``requested``) that the
    running node has not logged yet. ``revoked_index``: the node's ``identity.revoked`` entry;
    ``revoke_index``: the key's own ``identity.revoke`` (None on the operator's route)."""

    __tablename__ = "revocations"
    vkey: Mapped[str] = mapped_column(String(300), primary_key=True)
    status: Mapped[str] = mapped_column(String(12))  # requested | revoked
    reason: Mapped[str] = mapped_column(String(MAX_REVOKE_REASON))
    successor: Mapped[str | None] = mapped_column(String(300), index=True)
    revoke_index: Mapped[int | None]
    revoked_index: Mapped[int | None]
    requested_at: Mapped[str] = mapped_column(String(24))


class CaseMember(NodeBase):
    __tablename__ = "case_members"
    case_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    vkey: Mapped[str] = mapped_column(String(300), primary_key=True)
    added_index: Mapped[int]


class DocumentHash(NodeBase):
    __tablename__ = "documents"
    sha256: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class EvidenceFile(NodeBase):
    """An evidence file sealed for its recipients (docs/protocol.md, "Encrypted evidence"):
    who uploaded it, the ciphertext's announced size and how much of it arrived."""

    __tablename__ = "evidence_files"
    case_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # of the plaintext
    owner: Mapped[str] = mapped_column(String(300), index=True)
    size: Mapped[int]  # ciphertext bytes announced
    received: Mapped[int]  # ciphertext bytes stored
    created_at: Mapped[str] = mapped_column(String(24))


class EvidencePart(NodeBase):
    """One part of a file's ciphertext, as uploaded (at most ``Limits.evidence_part_bytes``)."""

    __tablename__ = "evidence_parts"
    case_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    start: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    data: Mapped[bytes]


class EvidenceWrap(NodeBase):
    """A file's key sealed (HPKE) for one recipient; only that recipient can open it."""

    __tablename__ = "evidence_wraps"
    case_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(300), primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary(32))  # the recipient's X25519 public key
    wrap: Mapped[bytes]


class SchemaTooNewError(RuntimeError):
    pass


def make_engine(url: str, busy_timeout_ms: int = 10_000) -> Engine:
    """An engine for the node: SQLite with WAL + synchronous=FULL; PostgreSQL via psycopg.

    ``busy_timeout_ms``: how long a SQLite write waits for a lock another connection holds
    before it fails (the batch then fails as a whole and its entries are told to resend)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, pool_size=8, max_overflow=8, pool_timeout=30)
        # The one writer is the sequencer's thread, so a plain BEGIN is enough (no writer ever
        # upgrades a read lock against another); no foreign keys in this schema.
        configure_sqlite(engine, busy_timeout_ms=busy_timeout_ms)
        return engine
    return create_engine(url, pool_size=8, max_overflow=8, pool_pre_ping=True)


def init_schema(engine: Engine) -> None:
    """Create missing tables, upgrade an older schema step by step (``_UPGRADES``) and record
    the version, all in one transaction; refuse a newer schema."""
    with engine.begin() as conn:
        row = None
        if inspect(conn).has_table("node_meta"):
            row = conn.execute(
                select(NodeMeta.value).where(NodeMeta.key == "schema_version")
            ).scalar_one_or_none()
        if row is not None and int(row) > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f"the node database has schema version {row}, newer than this node "
                f"({SCHEMA_VERSION}); install the newer node. Nothing was changed."
            )
        NodeBase.metadata.create_all(conn)
        if row is None:
            conn.execute(
                NodeMeta.__table__.insert(), {"key": "schema_version", "value": str(SCHEMA_VERSION)}
            )
            return
        version = int(row)
        while version < SCHEMA_VERSION:
            _UPGRADES[version](conn)
            version += 1
            conn.execute(
                NodeMeta.__table__.update().where(NodeMeta.key == "schema_version"),
                {"value": str(version)},
            )


def _upgrade_1_to_2(conn: Any) -> None:
    """Version 2 adds ``revocations`` (made by ``create_all`` above) and the ``revoked``
    enrolment status. A version-1 database has revoked nothing, so no row changes; the step
    checks the new table exists before the version is raised."""
    if not inspect(conn).has_table("revocations"):  # pragma: no cover - create_all made it
        raise RuntimeError("the revocations table could not be created")


def _upgrade_2_to_3(conn: Any) -> None:
    """Version 3 adds the evidence tables (made by ``create_all`` above); no row changes."""
    for table in ("evidence_files", "evidence_parts", "evidence_wraps"):
        if not inspect(conn).has_table(table):  # pragma: no cover - create_all made it
            raise RuntimeError(f"the {table} table could not be created")


_UPGRADES = {1: _upgrade_1_to_2, 2: _upgrade_2_to_3}  # version -> the step to version + 1


def get_meta(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(NodeMeta.value).where(NodeMeta.key == key)).scalar_one_or_none()


def set_meta(engine: Engine, key: str, value: str) -> None:
    with engine.begin() as conn:
        exists = conn.execute(select(NodeMeta.key).where(NodeMeta.key == key)).first()
        if exists:
            conn.execute(NodeMeta.__table__.update().where(NodeMeta.key == key), {"value": value})
        else:
            conn.execute(NodeMeta.__table__.insert(), {"key": key, "value": value})
