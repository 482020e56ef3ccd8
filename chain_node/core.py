"""The node's state and its synchronous storage work: start-up (fsck), the batch commit, reads.

Only the sequencer's single database thread calls ``commit_batch``; reads run on a small pool
of reader threads, each with its own connection. Everything the event loop needs to answer
quickly (tree size, latest checkpoint, enrolled keys, case members) is kept in memory and
replaced only after a commit succeeded.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from chain_node import NODE_VERSION
from chain_node.access import RESERVED_NAMES, authorize, name_key
from chain_node.config import NodeConfig
from chain_node.derived import document_hashes
from chain_node.errors import (
    ENTRY_REJECTED,
    INTERNAL_ERROR,
    UNKNOWN_KEY,
    FsckError,
    RpcError,
)
from chain_node.keys import NodeKeys, load_or_create_keys
from chain_node.storage import (
    CaseMember,
    CheckpointRow,
    DocumentHash,
    Enrolment,
    EntryRow,
    Revocation,
    TreeNode,
    get_meta,
    init_schema,
    make_engine,
    set_meta,
)
from chain_node.tree import Frontier, TreeReader, cache_for
from chain_node.verify import check_entry, claimed_actor
from ledger import merkle
from ledger.checkpoint import Checkpoint, sign_checkpoint, verify_checkpoint
from ledger.clock import format_time
from ledger.contract import ContractViolation
from ledger.domain import CaseSlot, CaseStates
from ledger.errors import LedgerError
from ledger.keys import SIG_COSIGNATURE_V1, SIG_ED25519
from ledger.statement import (
    Entry,
    Statement,
    build_statement,
    parse_entry,
    sign_statement,
)

log = logging.getLogger("chain_node")

ADVISORY_LOCK_KEY = 0x6A63646B  # "jcdk": one sequencer per PostgreSQL database
RESEND = "the entry could not be stored; resend it"  # -32603: retryable, nothing was kept


@dataclass
class Item:
    """One thing for the sequencer: a submitted entry, or an enrolment to log."""

    kind: str  # "submit" | "enrol" | "node" (a contract trigger the node itself signed)
    text: str
    leaf: bytes
    role: str | None = None  # enrol: the approved role
    statement: Statement | None = None
    error: RpcError | None = None
    result: Any = None
    waiters: list[Any] = field(default_factory=list)  # asyncio futures


@dataclass(frozen=True)
class LatestCheckpoint:
    size: int
    root: bytes
    note: str
    cosigned_at: int


@dataclass(frozen=True)
class Committed:
    """What a commit appended: (index, entry text, case) per leaf, and the new checkpoint."""

    entries: list[tuple[int, str, str]]
    checkpoint: LatestCheckpoint | None
    revoked: tuple[str, ...] = ()  # keys revoked by this commit (their logins end)


class NodeCore:
    """Storage, keys and in-memory state of one node."""

    def __init__(self, config: NodeConfig) -> None:
        self.config = config
        self.limits = config.limits
        config.data_dir.mkdir(parents=True, exist_ok=True)
        self._lock_file: Any = None
        self._pg_lock_conn: Connection | None = None
        self.engine: Engine = make_engine(config.url, config.limits.db_busy_timeout_ms)
        self.keys: NodeKeys = load_or_create_keys(config.data_dir, config.origin, config.passphrase)
        self.origin = self.keys.origin
        self.node_vkey = self.keys.node_vkey
        self.frontier = Frontier()
        self.latest: LatestCheckpoint | None = None
        self.enrolled: dict[str, tuple[str, int, int]] = {}  # vkey -> (role, enrol_ix, appr_ix)
        self.members: dict[str, set[str]] = {}
        # each case's rule state, advanced one entry at a time; the writer's, shared with the
        # trigger loop under ``_states_lock``; rebuilt from the log on a miss
        self.states = CaseStates(config.domains, config.limits.case_states)
        self._states_lock = threading.RLock()
        # cases of a domain whose rules make the node append statements (Domain.due): read from
        # the log once, plus those the commits added since start (kept whether or not the log
        # was read yet, so a case sequenced meanwhile is never missed); no scan per trigger run
        self._trigger_cases: set[str] | None = None
        self._trigger_added: set[str] = set()
        self._names: dict[str, str] | None = None  # normal name -> vkey (the writer's, lazily)
        # revoked vkey -> (index of its identity.revoked, successor): read once, then kept
        # up to date by the commits (``revocations``)
        self._revoked: dict[str, tuple[int, str | None]] | None = None
        self._revoked_lock = threading.RLock()
        self._reader_local = threading.local()

    # -- start-up ------------------------------------------------------------------------------

    def open(self) -> None:
        """Take the sequencer lock, create/check the schema, fsck, load state (refuse on error)."""
        self._take_lock()
        init_schema(self.engine)
        stored = get_meta(self.engine, "origin")
        if stored is None:
            set_meta(self.engine, "origin", self.origin)
        elif stored != self.origin:
            raise FsckError(
                f"the database belongs to the log {stored!r}, but the keys are of {self.origin!r}"
            )
        self.fsck(full=self.config.fsck == "full")
        # refuse a database behind what this node already signed, before signing anything
        from chain_node.highwater import META_KEY, HighWater, start_check

        self.highwater = HighWater.for_keys(self.config.data_dir, self.keys)
        kept = get_meta(self.engine, META_KEY) == "kept"
        with self.engine.connect() as conn:
            size = self.latest.size if self.latest else 0
            write = start_check(self.highwater, size, TreeReader(conn).root, kept)
        self._load_state()
        if write:
            assert self.latest is not None  # _load_state signed size 0 for an empty log
            self.highwater.record(self.latest.note)
        if not kept:
            set_meta(self.engine, META_KEY, "kept")

    def _take_lock(self) -> None:
        url = make_url(self.config.url)
        if url.get_backend_name() == "postgresql":
            conn = self.engine.connect()
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_LOCK_KEY})
            if not got.scalar():
                conn.close()
                raise FsckError("another node holds this database's sequencer lock")
            conn.commit()
            self._pg_lock_conn = conn
        path = self.config.data_dir / "node.lock"
        handle = open(path, "a+")  # noqa: SIM115 - held for the node's lifetime
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise FsckError(f"another node is running on {self.config.data_dir}") from exc
        self._lock_file = handle

    def close(self) -> None:
        if self._pg_lock_conn is not None:
            with contextlib.suppress(Exception):  # best effort
                self._pg_lock_conn.close()
            self._pg_lock_conn = None
        self.engine.dispose()
        highwater = getattr(self, "highwater", None)
        if highwater is not None:
            highwater.close()  # the high-water file is kept open between batches
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def fsck(self, *, full: bool = True) -> None:
        """Re-derive the tree from storage and compare it with the latest signed checkpoint.

        Full: every entry's leaf hash is recomputed from its text, every stored subtree node
        from its leaves, and the root at the checkpoint's size; then every table the log
        determines (entries' columns, approved enrolments, case members, document hashes) is
        derived again from the entry texts and compared (``chain_node.derived``). Quick: the
        root from the stored frontier nodes only, and no derived table is checked (a changed
        row is trusted until the next full start). Raises FsckError (the node then refuses to
        serve), naming what differs.
        """
        from chain_node.derived import verify_derived

        with self.engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(EntryRow)).scalar_one()
            top = conn.execute(select(func.max(EntryRow.idx))).scalar_one()
            if count and top != count - 1:
                raise FsckError(f"the log has {count} entries but its last index is {top}")
            row = conn.execute(
                select(
                    CheckpointRow.size,
                    CheckpointRow.root_hash,
                    CheckpointRow.note,
                    CheckpointRow.cosigned_at,
                )
                .order_by(CheckpointRow.size.desc())
                .limit(1)
            ).first()
            reader = TreeReader(conn)
            if row is None:
                if count:
                    raise FsckError(f"the log has {count} entries but no checkpoint")
                if full:  # an empty log derives no approved key, member or document
                    verify_derived(conn, 0, self.node_vkey)
                self.frontier = Frontier()
                self.latest = None
                return
            if row.size != count:
                raise FsckError(
                    f"the latest checkpoint covers {row.size} entries but the log holds {count}"
                )
            try:
                verified = verify_checkpoint(
                    row.note,
                    self.keys.log_key.verifier(SIG_ED25519),
                    [self.keys.witness_key.verifier(SIG_COSIGNATURE_V1)],
                )
            except LedgerError as exc:
                raise FsckError(f"the latest checkpoint does not verify: {exc}") from exc
            if verified.checkpoint.root_hash != bytes(row.root_hash) or (
                verified.checkpoint.size != row.size
            ):
                raise FsckError("the latest checkpoint's note does not match its stored root")
            try:
                frontier = reader.frontier(count)
            except LookupError as exc:
                raise FsckError(f"a stored subtree is missing: {exc}") from exc
            if frontier.root() != bytes(row.root_hash):
                raise FsckError(
                    f"the stored tree's root at size {count} differs from the signed checkpoint"
                )
            if full:
                rebuilt = self._full_rebuild(conn, count)
                if rebuilt.root() != bytes(row.root_hash):
                    raise FsckError(
                        f"the root recomputed from the {count} stored entries differs from the "
                        "signed checkpoint"
                    )
                verify_derived(conn, count, self.node_vkey)
            nodes = conn.execute(select(func.count()).select_from(TreeNode)).scalar_one()
            expected = sum(count >> level for level in range(1, max(count.bit_length(), 1)))
            if nodes != expected:
                raise FsckError(f"the tree store holds {nodes} subtree nodes, {expected} expected")
            self.frontier = frontier
            self.latest = LatestCheckpoint(
                row.size, bytes(row.root_hash), row.note, row.cosigned_at
            )

    def _full_rebuild(self, conn: Connection, count: int) -> Frontier:
        frontier = Frontier()
        chunk = 20000
        for start in range(0, count, chunk):
            end = min(start + chunk, count)
            rows = conn.execute(
                select(EntryRow.idx, EntryRow.entry, EntryRow.leaf_hash)
                .where(EntryRow.idx >= start, EntryRow.idx < end)
                .order_by(EntryRow.idx)
            ).all()
            made: list[tuple[int, int, bytes]] = []
            for idx, entry_text, stored_leaf in rows:
                leaf = merkle.leaf_hash(entry_text.encode("utf-8"))
                if leaf != bytes(stored_leaf):
                    raise FsckError(f"entry {idx}: its text does not hash to its stored leaf hash")
                frontier.append(leaf, made)
            stored: dict[tuple[int, int], bytes] = {}
            for level in range(1, end.bit_length() + 1):
                lo, hi = start >> level, end >> level
                if lo >= hi and not made:
                    continue
                for lv, ix, value in conn.execute(
                    select(TreeNode.level, TreeNode.idx, TreeNode.hash).where(
                        TreeNode.level == level, TreeNode.idx >= lo, TreeNode.idx <= hi
                    )
                ):
                    stored[(lv, ix)] = bytes(value)
            for level, ix, value in made:
                if stored.get((level, ix)) != value:
                    raise FsckError(f"stored subtree ({level}, {ix}) does not match its leaves")
        return frontier

    def _load_state(self) -> None:
        with self.engine.begin() as conn:
            if self.latest is None:
                self._write_checkpoint(conn, 0, merkle.EMPTY_ROOT)
            for vkey, role, enrol_index, approval_index in conn.execute(
                select(
                    Enrolment.vkey, Enrolment.role, Enrolment.enrol_index, Enrolment.approval_index
                ).where(Enrolment.status == "approved")
            ):
                self.enrolled[vkey] = (role, enrol_index or 0, approval_index or 0)
            for case_id, vkey in conn.execute(select(CaseMember.case_id, CaseMember.vkey)):
                self.members.setdefault(case_id, set()).add(vkey)

    def _write_checkpoint(
        self, conn: Connection, size: int, root: bytes, now: int | None = None
    ) -> LatestCheckpoint:
        if now is None:
            now = int(self.config.clock.now().timestamp())  # the cosignature time: on-chain time
        note = sign_checkpoint(
            Checkpoint(self.origin, size, root), self.keys.log_key, [self.keys.witness_key], now
        )
        conn.execute(
            CheckpointRow.__table__.insert(),
            {"size": size, "root_hash": root, "note": note, "cosigned_at": now},
        )
        latest = LatestCheckpoint(size, root, note, now)
        if size == 0:
            self.latest = latest
        return latest

    # -- info ----------------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """``node.info`` (PROTOCOL.md section 4)."""
        return {
            "origin": self.origin,
            "log_vkey": self.keys.log_vkey,
            "witness_vkeys": [self.keys.witness_vkey],
            "node_vkey": self.node_vkey,
            "version": NODE_VERSION,
            "max_entry_bytes": self.limits.max_entry_bytes,
            "auto_approve": self.config.auto_approve,
            "tree_size": self.latest.size if self.latest else 0,
            "max_frame_bytes": self.limits.max_frame_bytes,
            "max_batch_requests": self.limits.max_batch_requests,
            "receipt_wait_cap_ms": self.limits.receipt_wait_cap_ms,
        }

    def is_enrolled(self, vkey: str) -> bool:
        return vkey == self.node_vkey or vkey in self.enrolled

    # -- verification (thread-safe: reads in-memory maps only) ---------------------------------

    def check_entry(self, text: str, *, enrol: bool = False, fresh: bool = True) -> Statement:
        """Check one entry in PROTOCOL.md section 4 order: enrolment (-32001) first, then
        signature, log, JCS, floats, time, shape (-32003). Membership and contract rules come
        later, in log order, in the sequencer. ``fresh``: the statement's time must lie within
        ``past_skew_seconds`` of the clock (False only for an enrolment accepted earlier)."""
        if not enrol:
            self.check_claimed(text)
        statement = check_entry(
            text,
            origin=self.origin,
            max_bytes=self.limits.max_entry_bytes,
            skew_seconds=self.limits.future_skew_seconds,
            now=self.config.clock.now(),
            enrol=enrol,
            past_skew_seconds=self.limits.past_skew_seconds if fresh else None,
        )
        if not enrol:
            self.check_enrolled(statement.actor)
        return statement

    def check_claimed(self, text: str) -> None:
        actor = claimed_actor(text)
        if actor is not None and not self.is_enrolled(actor):
            raise RpcError(UNKNOWN_KEY, self.unknown_reason(actor, "the entry's signer"))

    def check_enrolled(self, actor: str) -> None:
        if not self.is_enrolled(actor):
            raise RpcError(UNKNOWN_KEY, self.unknown_reason(actor, "the entry's signer"))

    def unknown_reason(self, vkey: str, who: str = "this key") -> str:
        """Why ``vkey`` is refused (-32001): revoked (and where), or never enrolled."""
        found = self.revocations().get(vkey)
        if found is not None:
            return _revoked_text(found[0])
        return f"{who} is not an enrolled key (or its enrolment is pending)"

    # -- revocation (docs/protocol.md, identity.revoke) ----------------------------------------

    def revocations(self) -> dict[str, tuple[int, str | None]]:
        """Revoked keys: vkey -> (index of the node's identity.revoked, successor or None)."""
        found = self._revoked
        if found is None:
            with self._revoked_lock:
                if self._revoked is None:
                    with self.engine.connect() as conn:
                        self._revoked = _read_revocations(conn)
                found = self._revoked
        return found

    def _publish_revocations(self, new: dict[str, tuple[int, str | None]]) -> None:
        with self._revoked_lock:
            self._revoked = {**self.revocations(), **new}

    # -- the batch commit (the sequencer's database thread only) -------------------------------

    def commit_batch(self, items: Sequence[Item]) -> Committed:
        """Deduplicate, authorize (members, contract rules), append, sign a checkpoint, commit.

        Sets ``item.result`` or ``item.error`` on every item, and only once the transaction
        has committed: an index is an answer only after the commit that holds it. A failed
        commit fails every entry of the batch with a retryable -32603 ("resend"); the in-memory
        state (frontier, latest, members, enrolled, names) was not advanced, and the case
        states the batch advanced are dropped (rebuilt from the log when next used), so the
        next batch numbers from the same size and no answered index is ever given twice.
        """
        live = [it for it in items if it.error is None]
        touched: dict[str, CaseSlot] = {}
        try:
            with self._states_lock:
                return self._commit(live, touched)
        except Exception:
            log.exception("batch commit failed; its entries are told to resend")
            for it in live:
                it.result = None
                it.error = RpcError(INTERNAL_ERROR, RESEND)
            with self._states_lock:
                self.states.forget(touched)  # advanced by entries that were not stored
            self._after_failed_commit()
            return Committed([], None)

    def _after_failed_commit(self) -> None:
        """Catch the memory up if the failed commit landed after all (an error after COMMIT):
        the resent entries then find their indexes by leaf hash."""
        try:
            with self.engine.connect() as conn:
                size = conn.execute(select(func.max(CheckpointRow.size))).scalar()
            if size is None or (self.latest is not None and size == self.latest.size):
                return
            log.error("the failed batch was stored after all; reloading the node's state")
            self.fsck(full=False)
            self._reload_access()
        except Exception:  # pragma: no cover - storage is gone; later commits fail too
            log.exception("could not reload the node's state")

    def _reload_access(self) -> None:
        enrolled: dict[str, tuple[str, int, int]] = {}
        members: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for vkey, role, enrol_index, approval_index in conn.execute(
                select(
                    Enrolment.vkey, Enrolment.role, Enrolment.enrol_index, Enrolment.approval_index
                ).where(Enrolment.status == "approved")
            ):
                enrolled[vkey] = (role, enrol_index or 0, approval_index or 0)
            for case_id, vkey in conn.execute(select(CaseMember.case_id, CaseMember.vkey)):
                members.setdefault(case_id, set()).add(vkey)
        self.enrolled, self.members = enrolled, members
        with self._states_lock:
            self.states.forget()
        self._names = None
        with self._revoked_lock:
            self._revoked = None

    def _commit(self, items: Sequence[Item], touched: dict[str, CaseSlot]) -> Committed:
        if not items:
            return Committed([], None)
        # one clock reading per batch: the checkpoint's cosignature time is the on-chain time
        # of every entry in it, and the contract rules count from it (not the claimed time)
        now = int(self.config.clock.now().timestamp())
        sequenced_at = datetime.fromtimestamp(now, UTC)
        sequenced_text = format_time(sequenced_at)
        outcomes: list[tuple[Item, Any]] = []  # (item, index or RpcError), set after COMMIT
        with self.engine.begin() as conn:
            existing = self._existing(conn, [it.leaf for it in items])
            size = self.frontier.size
            frontier = self.frontier.copy()
            new_rows: list[dict[str, Any]] = []
            nodes: list[tuple[int, int, bytes]] = []
            member_rows: list[dict[str, Any]] = []
            doc_rows: list[dict[str, Any]] = []
            overlay: dict[str, set[str]] = {}
            enrol_updates: list[tuple[str, int, int]] = []
            enrolled_now: dict[str, tuple[str, int, int]] = {}
            names_now: dict[str, str] = {}
            seen: dict[bytes, int] = {}
            revoked_now: dict[str, tuple[int, str | None]] = {}
            revocation_rows: list[dict[str, Any]] = []
            revoked = self.revocations()
            triggering: set[str] = set()

            def members_of(case: str) -> set[str] | None:
                if case in overlay:
                    return overlay[case]
                return self.members.get(case)

            def append(entry_text: str, leaf: bytes, statement: Statement) -> int:
                index = size + len(new_rows)
                new_rows.append(
                    {
                        "idx": index,
                        "leaf_hash": leaf,
                        "entry": entry_text,
                        "type": statement.type,
                        "case_id": statement.case,
                        "actor": statement.actor,
                        "time": statement.time,
                    }
                )
                frontier.append(leaf, nodes)
                for sha in document_hashes(statement.body):
                    doc_rows.append({"sha256": sha, "idx": index})
                seen[leaf] = index
                return index

            for it in items:
                if it.leaf in existing or it.leaf in seen:
                    index = existing.get(it.leaf, seen.get(it.leaf))
                    if it.kind == "enrol":
                        outcomes.append((it, self._enrolment_result(conn, it)))
                    else:
                        outcomes.append((it, index))
                    continue
                assert it.statement is not None
                statement = it.statement
                try:
                    gone = revoked_now.get(statement.actor) or revoked.get(statement.actor)
                    if gone is not None:  # from the identity.revoked index on, also in a batch
                        raise RpcError(UNKNOWN_KEY, _revoked_text(gone[0]))
                    if statement.type in ("identity.revoke", "identity.revoked"):
                        key, reason, successor, revoke_index = self._revocation(
                            it, statement, enrolled_now, revoked, revoked_now
                        )
                        if revoke_index is not None:  # the key's own identity.revoke first
                            revoke_index = append(it.text, it.leaf, statement)
                            node_entry = self._revoked_entry(
                                key, reason, successor, revoke_index, sequenced_at
                            )
                            index = append(
                                node_entry.text, node_entry.leaf_hash, node_entry.statement
                            )
                        else:  # the operator's request, signed by the node (due_triggers)
                            index = append(it.text, it.leaf, statement)
                        revoked_now[key] = (index, successor)
                        enrolled_now.pop(key, None)
                        revocation_rows.append(
                            {
                                "vkey": key,
                                "status": "revoked",
                                "reason": reason,
                                "successor": successor,
                                "revoke_index": revoke_index,
                                "revoked_index": index,
                                "requested_at": sequenced_text,
                            }
                        )
                        if successor is not None:  # it carries on in every case of the key
                            for case in sorted({*self.members, *overlay}):
                                current = members_of(case) or set()
                                if key in current and successor not in current:
                                    overlay[case] = {*current, successor}
                                    member_rows.append(
                                        {"case_id": case, "vkey": successor, "added_index": index}
                                    )
                        outcomes.append((it, revoke_index if revoke_index is not None else index))
                        continue
                    if it.kind == "enrol":
                        if statement.actor in self.enrolled or statement.actor in enrolled_now:
                            outcomes.append((it, self._enrolment_result(conn, it)))
                            continue
                        key = self._check_name(conn, statement.body["name"], statement.actor)
                        if names_now.get(key, statement.actor) != statement.actor:
                            raise RpcError(ENTRY_REJECTED, _name_taken(statement.body["name"]))
                        names_now[key] = statement.actor
                        enrol_index = append(it.text, it.leaf, statement)
                        role = it.role or statement.body["role"]
                        approval = self._approval(statement, role, enrol_index, sequenced_at)
                        approval_index = append(
                            approval.text, approval.leaf_hash, approval.statement
                        )
                        enrol_updates.append((role, enrol_index, approval_index))
                        enrolled_now[statement.actor] = (role, enrol_index, approval_index)
                        outcomes.append((it, enrol_index))
                        continue
                    view = _MembersView(members_of)
                    # A contract trigger is signed by the node, which is no case member; the
                    # contract rule itself decides whether it may be logged.
                    added = [] if it.kind == "node" else authorize(statement, view)
                    # the rules see the node's sequencing time, not the claimed one
                    statement = replace(statement, time=sequenced_text)
                    slot, parsed = self._check_contract(conn, statement, touched)
                except RpcError as exc:
                    outcomes.append((it, exc))
                    continue
                except ContractViolation as exc:
                    outcomes.append((it, RpcError(ENTRY_REJECTED, str(exc))))
                    continue
                except Exception as exc:  # a broken rule must not stop the log
                    log.exception("contract rule failed")
                    failed = RpcError(INTERNAL_ERROR, f"a contract rule failed: {exc}")
                    outcomes.append((it, failed))
                    continue
                index = append(it.text, it.leaf, it.statement)
                outcomes.append((it, index))
                if slot is not None:
                    touched[statement.case] = slot
                    self.config.domains.apply(slot, statement, parsed)
                    if slot.domain is not None and slot.domain.due is not None:
                        triggering.add(statement.case)
                if added:
                    current = set(members_of(statement.case) or ())
                    current.update(added)
                    overlay[statement.case] = current
                    member_rows += [
                        {"case_id": statement.case, "vkey": v, "added_index": index} for v in added
                    ]
            if new_rows:
                conn.execute(EntryRow.__table__.insert(), new_rows)
                if nodes:
                    conn.execute(
                        TreeNode.__table__.insert(),
                        [{"level": lv, "idx": ix, "hash": h} for lv, ix, h in nodes],
                    )
                if member_rows:
                    conn.execute(CaseMember.__table__.insert(), member_rows)
                if doc_rows:
                    unique = {(r["sha256"], r["idx"]): r for r in doc_rows}
                    conn.execute(DocumentHash.__table__.insert(), list(unique.values()))
                for role, enrol_index, approval_index in enrol_updates:
                    entry_text = new_rows[enrol_index - size]["entry"]
                    self._store_enrolment(
                        conn, entry_text, role, enrol_index, approval_index, sequenced_text
                    )
                for row in revocation_rows:
                    self._store_revocation(conn, row)
                latest = self._write_checkpoint(conn, frontier.size, frontier.root(), now)
        if new_rows:  # durable outside the database before any answer (highwater.py)
            self.highwater.record(latest.note)
        # committed: publish the new state
        if new_rows:
            cache_for(self.engine).fill(nodes, new_rows)  # committed hashes only (tree.py)
            self.frontier = frontier
            self.latest = latest
            for case, value in overlay.items():
                self.members[case] = value
            self.enrolled.update(enrolled_now)
            for key in revoked_now:
                self.enrolled.pop(key, None)
            if revoked_now:
                self._publish_revocations(revoked_now)
            if self._names is not None:
                self._names.update(names_now)
            self._trigger_added |= triggering
        for it, outcome in outcomes:
            if isinstance(outcome, RpcError):
                it.error = outcome
            else:
                it.result = outcome
        if not new_rows:
            return Committed([], None)
        return Committed(
            [(r["idx"], r["entry"], r["case_id"]) for r in new_rows], latest, tuple(revoked_now)
        )

    def _revocation(
        self,
        it: Item,
        statement: Statement,
        enrolled_now: dict[str, tuple[str, int, int]],
        revoked: dict[str, tuple[int, str | None]],
        revoked_now: dict[str, tuple[int, str | None]],
    ) -> tuple[str, str, str | None, int | None]:
        """(key, reason, successor, revoke_index placeholder) of an ``identity.revoke`` the key
        signed (revoke_index 0 until appended) or of the operator's node-signed
        ``identity.revoked`` (revoke_index None); RpcError if it may not be logged."""
        body = statement.body
        if statement.type == "identity.revoked":
            if it.kind != "node" or statement.actor != self.node_vkey:
                raise RpcError(ENTRY_REJECTED, "identity.revoked is written by the node only")
            key, successor, own = body.get("key"), None, None
        else:
            key, successor, own = statement.actor, body.get("successor"), 0
        if not isinstance(key, str) or (key not in self.enrolled and key not in enrolled_now):
            raise RpcError(UNKNOWN_KEY, "only an enrolled key can be revoked")
        if successor is not None:
            successors = {s for _, s in (*revoked.values(), *revoked_now.values())}
            if successor == self.node_vkey:
                raise RpcError(ENTRY_REJECTED, "the node's key cannot be a successor")
            if successor in revoked or successor in revoked_now:
                raise RpcError(ENTRY_REJECTED, "the successor key is revoked itself")
            if successor in successors:
                raise RpcError(ENTRY_REJECTED, "that key is already another key's successor")
        return key, str(body.get("reason", "")), successor, own

    def _revoked_entry(
        self, key: str, reason: str, successor: str | None, revoke_index: int | None, at: datetime
    ) -> Entry:
        """The node's ``identity.revoked`` (a client checks it against the pinned node key)."""
        body: dict[str, Any] = {"key": key, "reason": reason}
        if revoke_index is not None:
            body["revoke_index"] = revoke_index
        if successor is not None:
            body["successor"] = successor
        statement = build_statement(
            log=self.origin,
            type="identity.revoked",
            case="",
            actor=self.node_vkey,
            time=at,
            body=body,
        )
        return sign_statement(statement, self.keys.node_key)

    def _store_revocation(self, conn: Connection, row: dict[str, Any]) -> None:
        conn.execute(
            update(Enrolment).where(Enrolment.vkey == row["vkey"]).values(status="revoked")
        )
        changed = conn.execute(
            update(Revocation)
            .where(Revocation.vkey == row["vkey"])
            .values(**{k: v for k, v in row.items() if k not in ("vkey", "requested_at")})
        ).rowcount
        if not changed:
            conn.execute(Revocation.__table__.insert(), row)

    def identity(self, conn: Connection, vkey: str) -> dict[str, Any]:
        """``identity.get``: a key's enrolment, the node's approval and, for a revoked key, the
        node's ``identity.revoked`` (and its successor), as log entries a client can verify."""
        if vkey == self.node_vkey:
            return {"status": "node"}
        row = conn.execute(
            select(
                Enrolment.status, Enrolment.role, Enrolment.enrol_index, Enrolment.approval_index
            ).where(Enrolment.vkey == vkey)
        ).first()
        found = self.revocations().get(vkey)
        if vkey in self.enrolled:
            role, enrol_index, approval_index = self.enrolled[vkey]
            out: dict[str, Any] = {"status": "approved", "role": role}
            parts = [("enrol", enrol_index), ("approval", approval_index)]
        elif found is not None and row is not None:
            out = {"status": "revoked", "role": row.role}
            parts = [
                ("enrol", row.enrol_index or 0),
                ("approval", row.approval_index or 0),
                ("revocation", found[0]),
            ]
            if found[1] is not None:
                out["successor"] = found[1]
        else:
            return {"status": "unknown"}
        for name, index in parts:
            entry = self.entry_at(conn, index)
            if entry is not None:
                out[name] = {"index": index, "entry": entry[0]}
        return out

    def _store_enrolment(
        self,
        conn: Connection,
        entry_text: str,
        role: str,
        enrol_index: int,
        approval_index: int,
        requested_at: str,
    ) -> None:
        statement = parse_entry(entry_text).statement
        # the row says what the log says: the logged enrolment may be another request of the
        # same key than the one that made the pending row (derived.py checks exactly this)
        values = {
            "status": "approved",
            "role": role,
            "enrol_index": enrol_index,
            "approval_index": approval_index,
            "key_id": statement.actor_verifier.key_id,
            "name": statement.body["name"],
            "entry": entry_text,
        }
        changed = conn.execute(
            update(Enrolment).where(Enrolment.vkey == statement.actor).values(**values)
        ).rowcount
        if not changed:
            conn.execute(
                Enrolment.__table__.insert(),
                {"vkey": statement.actor, "requested_at": requested_at, **values},
            )

    def _existing(self, conn: Connection, leaves: list[bytes]) -> dict[bytes, int]:
        found: dict[bytes, int] = {}
        unique = list(dict.fromkeys(leaves))
        for start in range(0, len(unique), 500):
            part = unique[start : start + 500]
            for idx, leaf in conn.execute(
                select(EntryRow.idx, EntryRow.leaf_hash).where(EntryRow.leaf_hash.in_(part))
            ):
                found[bytes(leaf)] = idx
        return found

    def _enrolment_result(self, conn: Connection, item: Item) -> int:
        assert item.statement is not None
        actor = item.statement.actor
        if actor in self.enrolled:
            return self.enrolled[actor][1]
        row = conn.execute(
            select(Enrolment.enrol_index).where(Enrolment.vkey == actor)
        ).scalar_one_or_none()
        return int(row or 0)

    def _approval(self, enrol: Statement, role: str, enrol_index: int, at: datetime) -> Entry:
        statement = build_statement(
            log=self.origin,
            type="identity.approved",
            case="",
            actor=self.node_vkey,
            time=at,
            body={
                "key": enrol.actor,
                "role": role,
                "name": enrol.body.get("name", ""),
                "enrol_index": enrol_index,
            },
        )
        return sign_statement(statement, self.keys.node_key)

    def _check_contract(
        self, conn: Connection, statement: Statement, batch: dict[str, CaseSlot]
    ) -> tuple[CaseSlot | None, Any]:
        """Check ``statement`` against the registry: a type no domain claims is refused, a
        domain statement against its case's state (the slot returned, with the statement's
        parsed value, which the caller advances once the entry is appended); no slot for a
        generic statement of a case whose state is not held (it is read from the log when the
        case is next needed). ``batch`` holds the slots this batch advanced, which the cache
        may have let go meanwhile."""
        domains = self.config.domains
        allowed = domains.roles_for(statement.type)
        if allowed is not None:
            role = self.enrolled.get(statement.actor, ("",))[0]
            if role not in allowed:
                raise ContractViolation(
                    rule="roles",
                    reason=f"{statement.type} is signed by a key enrolled as "
                    f"{' or '.join(sorted(allowed))}; this key is enrolled as {role or 'nothing'}",
                )
        if not statement.case:  # the public space has no case state to keep or read
            return None, domains.check(CaseSlot(""), statement)
        slot = batch.get(statement.case) or self.states.get(statement.case)
        if slot is None and domains.domain_of(statement.type) is not None:
            try:
                slot = domains.fold(statement.case, self._case_history(conn, statement.case))
            except ContractViolation as exc:  # an older version logged what this one refuses
                raise ContractViolation(
                    rule="registry",
                    reason=f"case {statement.case} holds an earlier entry this node's rules "
                    f"cannot read ({exc}); nothing can be added to it until that is resolved",
                ) from exc
            self.states.put(slot)
        return slot, domains.check(slot or CaseSlot(statement.case), statement)

    def _case_history(self, conn: Connection, case: str) -> list[Statement]:
        """A case's statements in log order, each carrying its on-chain time (the cosignature
        time of the first checkpoint covering it) in place of the time its signer claimed:
        contract rules count days from when the log received a statement."""
        on_chain = (
            select(CheckpointRow.cosigned_at)
            .where(CheckpointRow.size > EntryRow.idx)
            .order_by(CheckpointRow.size)
            .limit(1)
            .correlate(EntryRow)
            .scalar_subquery()
        )
        history = []
        for entry_text, seconds in conn.execute(
            select(EntryRow.entry, on_chain).where(EntryRow.case_id == case).order_by(EntryRow.idx)
        ):
            statement = parse_entry(entry_text, max_bytes=1 << 20).statement
            history.append(replace(statement, time=on_chain_text(seconds)))
        return history

    # -- contract triggers (reader threads) ----------------------------------------------------

    def due_triggers(self, conn: Connection, now: datetime) -> list[str]:
        """Entries the node must append now because a contract rule says so (e.g. an
        enforcement filing when an agreement's deadline passed: SPC Opinions item 14),
        signed with the node key. Each rule excludes what it already triggered."""
        revocations = self._revocations_due(conn, now)
        domains = self.config.domains
        triggering = [d for d in domains.domains if d.due is not None]
        if not triggering:
            return revocations
        if self._trigger_cases is None:
            kinds = [kind for d in triggering for kind in d.rules]
            self._trigger_cases = set(
                conn.execute(
                    select(EntryRow.case_id)
                    .where(EntryRow.case_id != "", EntryRow.type.in_(kinds))
                    .distinct()
                ).scalars()
            )
        with self._states_lock:
            cases = sorted(self._trigger_cases | self._trigger_added)
        texts: list[str] = []
        for case in cases:
            try:
                with self._states_lock:  # a slot the writer holds is as committed
                    slot = self.states.get(case)
                    if slot is not None:
                        due = domains.due(slot, now)
                if slot is None:  # read here, not kept: only the writer fills the cache
                    slot = domains.fold(case, self._case_history(conn, case))
                    due = domains.due(slot, now)
            except Exception:  # one unreadable case must not stop the triggers of the others
                log.exception("contract triggers of case %s failed", case)
                continue
            for trigger in due:
                statement = build_statement(
                    log=self.origin,
                    type=trigger.type,
                    case=trigger.case,
                    actor=self.node_vkey,
                    time=now,
                    body=trigger.body,
                )
                texts.append(sign_statement(statement, self.keys.node_key).text)
        return revocations + texts

    def _revocations_due(self, conn: Connection, now: datetime) -> list[str]:
        """The node's ``identity.revoked`` for each key the operator asked to revoke
        (``node revoke``) that is still enrolled; the commit marks the request done."""
        return [
            self._revoked_entry(vkey, reason, None, None, now).text
            for vkey, reason in conn.execute(
                select(Revocation.vkey, Revocation.reason).where(Revocation.status == "requested")
            )
            if vkey in self.enrolled
        ]

    # -- enrolment requests (the sequencer's database thread: ``Sequencer.write``) -------------

    def enrolment_request(self, text: str, statement: Statement) -> str:
        """Record a pending enrolment; answer its status ("pending" or "approved").

        A write: it runs on the sequencer's single database thread, so it never races a batch
        commit, and two requests for one name cannot both take it (-32003 for the second). A
        failed write is the retryable -32603: nothing was recorded."""
        try:
            return self._enrolment_request(text, statement)
        except SQLAlchemyError as exc:
            log.warning("an enrolment request could not be stored: %s", exc)
            raise RpcError(
                INTERNAL_ERROR, "the enrolment could not be stored; send it again"
            ) from None

    def _enrolment_request(self, text: str, statement: Statement) -> str:
        with self.engine.begin() as conn:
            status = conn.execute(
                select(Enrolment.status).where(Enrolment.vkey == statement.actor)
            ).scalar_one_or_none()
            if status == "revoked":
                raise RpcError(UNKNOWN_KEY, self.unknown_reason(statement.actor))
            if status is not None:
                return "approved" if status == "approved" else "pending"
            key = self._check_name(conn, statement.body["name"], statement.actor)
            conn.execute(
                Enrolment.__table__.insert(),
                {
                    "vkey": statement.actor,
                    "key_id": statement.actor_verifier.key_id,
                    "name": statement.body["name"],
                    "role": statement.body["role"],
                    "status": "approving" if self.config.auto_approve else "pending",
                    "entry": text,
                    "enrol_index": None,
                    "approval_index": None,
                    "requested_at": format_time(self.config.clock.now()),
                },
            )
        if self._names is not None:
            self._names[key] = statement.actor
        return "pending"

    def _check_name(self, conn: Connection, name: str, vkey: str) -> str:
        """The normal form of ``name`` if ``vkey`` may enrol under it; RpcError(-32003) if the
        name is the node's own or another key's (pending enrolments hold their name too)."""
        key = name_key(name)
        if not key:
            raise RpcError(ENTRY_REJECTED, "enrol with a name (it is shown to everyone you meet)")
        if key in self._reserved_names():
            raise RpcError(ENTRY_REJECTED, f"the name {name!r} is reserved for the node")
        if self._names is None:  # first use on this thread: one scan, then kept up to date
            self._names = {}
            for other, other_vkey in conn.execute(select(Enrolment.name, Enrolment.vkey)):
                self._names.setdefault(name_key(other), other_vkey)
        holder = self._names.get(key, vkey)
        if holder != vkey and self.revocations().get(holder, (0, None))[1] != vkey:
            raise RpcError(ENTRY_REJECTED, _name_taken(name))  # a successor takes its name
        return key

    def _reserved_names(self) -> frozenset[str]:
        own = (self.origin, f"{self.origin}/node", f"{self.origin}/witness")
        return RESERVED_NAMES | {name_key(n) for n in own}

    def approvals_due(self) -> list[tuple[str, str]]:
        """Enrolments the operator approved that are not yet in the log: (entry, role)."""
        revoked = self.revocations()  # a revoked key is never approved again
        with self.engine.connect() as conn:
            return [
                (row.entry, row.role)
                for row in conn.execute(
                    select(Enrolment.vkey, Enrolment.entry, Enrolment.role).where(
                        Enrolment.status == "approving"
                    )
                )
                if row.vkey not in revoked
            ]

    # -- reads (reader threads) ----------------------------------------------------------------

    def reader_conn(self) -> Connection:
        """A long-lived connection per reader thread (autocommit reads)."""
        conn = getattr(self._reader_local, "conn", None)
        if conn is None or conn.closed:
            conn = self.engine.connect()
            self._reader_local.conn = conn
        return conn

    def read(self, fn: Any, *args: Any) -> Any:
        conn = self.reader_conn()
        try:
            return fn(conn, *args)
        finally:
            conn.rollback()

    def leaf_hashes(self, conn: Connection, start: int, end: int) -> list[bytes]:
        rows = conn.execute(
            select(EntryRow.leaf_hash)
            .where(EntryRow.idx >= start, EntryRow.idx < end)
            .order_by(EntryRow.idx)
        ).all()
        return [bytes(r[0]) for r in rows]

    def inclusion(self, conn: Connection | None, index: int, size: int) -> list[bytes]:
        """``conn`` None: from memory only, or ``CacheMiss`` (tree.py)."""
        return TreeReader(conn, cache_for(self.engine)).inclusion_proof(index, size)

    def consistency(self, conn: Connection | None, old: int, new: int) -> list[bytes]:
        return TreeReader(conn, cache_for(self.engine)).consistency_proof(old, new)

    def entry_at(self, conn: Connection, index: int) -> tuple[str, str, str] | None:
        row = conn.execute(
            select(EntryRow.entry, EntryRow.type, EntryRow.case_id).where(EntryRow.idx == index)
        ).first()
        return None if row is None else (row[0], row[1], row[2])

    def case_entries(
        self,
        conn: Connection,
        cases: Iterable[str] | None,
        start: int,
        end: int | None,
        limit: int,
    ) -> list[tuple[int, str, str]]:
        query = select(EntryRow.idx, EntryRow.entry, EntryRow.case_id).where(EntryRow.idx >= start)
        if end is not None:
            query = query.where(EntryRow.idx < end)
        if cases is not None:
            query = query.where(EntryRow.case_id.in_(list(cases)))
        rows = conn.execute(query.order_by(EntryRow.idx).limit(limit)).all()
        return [(r[0], r[1], r[2]) for r in rows]

    def lookup_hash(self, conn: Connection, digest: bytes, limit: int = 100) -> list[int]:
        found = []
        leaf = conn.execute(
            select(EntryRow.idx).where(EntryRow.leaf_hash == digest)
        ).scalar_one_or_none()
        if leaf is not None:
            found.append(leaf)
        for (idx,) in conn.execute(
            select(DocumentHash.idx)
            .where(DocumentHash.sha256 == digest)
            .order_by(DocumentHash.idx)
            .limit(limit)
        ):
            if idx not in found:
                found.append(idx)
        return found[:limit]

    def on_chain_time(self, conn: Connection, index: int) -> int | None:
        """Cosignature time of the first checkpoint covering ``index`` (PROTOCOL.md section 4)."""
        return conn.execute(
            select(CheckpointRow.cosigned_at)
            .where(CheckpointRow.size > index)
            .order_by(CheckpointRow.size)
            .limit(1)
        ).scalar_one_or_none()


class _MembersView:
    """A Mapping-like view for ``authorize`` over the batch overlay and committed members."""

    def __init__(self, get: Any) -> None:
        self._get = get

    def get(self, case: str, default: Any = None) -> Any:
        value = self._get(case)
        return default if value is None else value


def _revoked_text(index: int) -> str:
    return (
        f"this key was revoked at index {index}; entries it signed before stay valid, "
        "nothing signed with it is accepted now (enrol a new key)"
    )


def _read_revocations(conn: Connection) -> dict[str, tuple[int, str | None]]:
    return {
        vkey: (int(index), successor)
        for vkey, index, successor in conn.execute(
            select(Revocation.vkey, Revocation.revoked_index, Revocation.successor).where(
                Revocation.status == "revoked"
            )
        )
    }


def _name_taken(name: str) -> str:
    return f"the name {name!r} is already taken on this node; enrol under another name"


def on_chain_text(seconds: int) -> str:
    return format_time(datetime.fromtimestamp(seconds, UTC))


def digest_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def data_dir_exists(path: Path) -> bool:
    return os.path.isdir(path)
