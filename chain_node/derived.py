"""The tables the log determines, derived again from the entries and compared with storage.

The Merkle check of ``NodeCore.fsck`` proves the entry texts are the signed log; every table
the node answers from that the log determines must then agree with those texts, or one changed
row grants a role, opens a case to a stranger or serves a private entry to everyone. Derived
here, in log order, from the entry texts alone:

- ``entries.type / case_id / actor / time``: the statement's own fields.
- ``enrolments`` with status ``approved``: one per node-signed ``identity.approved`` entry
  (key, role, ``enrol_index``) whose ``identity.enrol`` entry at ``enrol_index`` is the key's:
  vkey, key_id, name (the enrolment's), role, ``enrol_index``, ``approval_index``. A stored
  ``approved`` row without those entries is a mismatch, and so is a logged approval whose row
  is missing or not ``approved``. Rows not derived from the log (pending and approving
  requests; ``entry`` and ``requested_at``) are left alone.
- ``case_members``: replayed as ``chain_node.access.authorize`` grows them: the first
  statement in a case (not the node's own) adds its actor and ``body.members``; a later one adds
  the ``body.members`` not yet in the case; ``added_index`` is the statement's index.
- ``documents``: ``(sha256, idx)`` for every ``body.documents[].sha256``.
- ``revocations`` with status ``revoked`` and the revoked key's ``enrolments`` status: one per
  node-signed ``identity.revoked`` (key, reason, successor, ``revoke_index``; its own index is
  ``revoked_index``); a successor joins, at that index, every case the revoked key is in
  (``NodeCore._commit``). Operator requests not yet logged (``requested``) are left alone.

A new statement type that changes one of these tables must be replayed here too, or a full
start refuses the node's own rows.

Streamed in chunks of ``CHUNK`` entries (one query per table per chunk): memory grows with
the enrolled keys and case members (which the node holds in memory anyway), not with the log.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select

from chain_node.access import PUBLIC_CASE, declared_members
from chain_node.errors import FsckError, RpcError
from chain_node.storage import CaseMember, DocumentHash, Enrolment, EntryRow, Revocation
from ledger.errors import LedgerError
from ledger.keys import parse_vkey
from ledger.statement import STATEMENT_HEADER

CHUNK = 20_000  # entries per read, as _full_rebuild: ~10 MB of typical (~500-byte) entries
MAX_REPORTED = 20  # mismatches named before the check stops looking
ENTRY_COLUMNS = ("type", "case_id", "actor", "time")  # the statement's type, case, actor, time


@dataclass(frozen=True)
class Mismatch:
    """One stored value that differs from what the log says (``None``: no such row)."""

    table: str
    key: str
    column: str
    stored: Any
    derived: Any

    def __str__(self) -> str:
        return (
            f"{self.table} {self.key}: {self.column} is {_show(self.stored)} in the database "
            f"but {_show(self.derived)} by the log"
        )


def _show(value: Any) -> str:
    return "absent" if value is None else repr(value)


class _Enough(Exception):
    """MAX_REPORTED mismatches found: stop reading."""


@dataclass
class _Found:
    items: list[Mismatch]

    def add(self, table: str, key: str, column: str, stored: Any, derived: Any) -> None:
        self.items.append(Mismatch(table, key, column, stored, derived))
        if len(self.items) >= MAX_REPORTED:
            raise _Enough


def statement_fields(text: str) -> dict[str, Any]:
    """The statement an entry carries, read without re-checking its shape or signature.

    The caller has already proved the text is the signed log's (leaf hash, signed root); the
    node checked its shape and signature when it logged it.
    """
    end = text.find("\n", len(STATEMENT_HEADER))
    data = json.loads(text[len(STATEMENT_HEADER) : end])
    if not isinstance(data, dict):
        raise ValueError("the statement is not a JSON object")
    return data


def document_hashes(body: Any) -> list[bytes]:
    """SHA-256 values of ``body.documents`` (PROTOCOL.md section 1), for ``verify.hash``."""
    if not isinstance(body, dict) or not isinstance(body.get("documents"), list):
        return []
    out = []
    for doc in body["documents"]:
        if isinstance(doc, dict) and isinstance(doc.get("sha256"), str):
            value = doc["sha256"]
            if len(value) == 64:
                try:
                    out.append(bytes.fromhex(value))
                except ValueError:
                    continue
    return out


class DerivedMismatchError(FsckError):
    """A stored table differs from what the log determines."""


def verify_derived(conn: Connection, count: int, node_vkey: str) -> None:
    """Raise DerivedMismatchError naming the differences (table, key, column, stored vs
    derived) if any log-determined table differs from the entries [0, count)."""
    found = check_derived(conn, count, node_vkey)
    if found:
        more = " (and maybe more)" if len(found) >= MAX_REPORTED else ""
        raise DerivedMismatchError(
            f"{len(found)} stored value(s){more} differ from what the signed log says, so the "
            "database was changed outside the node (or by a bug) and would grant or show what "
            "the log does not: "
            + "; ".join(str(m) for m in found)
            + ". The node refuses to serve. Find out who changed the database; then restore the "
            "latest backup of this node (`node restore`) and start it again."
        )


def check_derived(conn: Connection, count: int, node_vkey: str) -> list[Mismatch]:
    """Compare every log-determined table with the entries [0, count); the mismatches found
    (at most MAX_REPORTED; empty: all agree). Entry texts are assumed verified."""
    found = _Found([])
    with contextlib.suppress(_Enough):
        _check(conn, count, node_vkey, found)
    return found.items


def _chunks(conn: Connection, count: int) -> Iterator[tuple[int, int, list[Any]]]:
    for start in range(0, count, CHUNK):
        end = min(start + CHUNK, count)
        rows = conn.execute(
            select(
                EntryRow.idx,
                EntryRow.entry,
                EntryRow.type,
                EntryRow.case_id,
                EntryRow.actor,
                EntryRow.time,
            )
            .where(EntryRow.idx >= start, EntryRow.idx < end)
            .order_by(EntryRow.idx)
        ).all()
        yield start, end, rows


def _check(conn: Connection, count: int, node_vkey: str, found: _Found) -> None:
    members: dict[str, set[str]] = {}
    enrols: dict[int, tuple[str, str]] = {}  # enrol index -> (actor, name), until approved
    approved: dict[str, tuple[str, str, int, int]] = {}  # vkey -> (name, role, enrol, approval)
    revoked: dict[str, dict[str, Any]] = {}  # vkey -> its revocations row
    for start, end, rows in _chunks(conn, count):
        chunk_members: dict[tuple[str, str], int] = {}
        chunk_docs: set[tuple[bytes, int]] = set()
        for idx, text, type_, case_id, actor, time in rows:
            try:
                s = statement_fields(text)
            except ValueError:
                found.add("entries", f"idx={idx}", "entry", "unreadable", "a statement")
                continue
            derived = (s.get("type"), s.get("case"), s.get("actor"), s.get("time"))
            kind, case, signer = derived[:3]  # the log's, not the stored columns
            if (type_, case_id, actor, time) != derived:
                stored = (type_, case_id, actor, time)
                for column, was, value in zip(ENTRY_COLUMNS, stored, derived, strict=True):
                    if was != value:
                        found.add("entries", f"idx={idx}", column, was, value)
            body = s.get("body")
            for sha in document_hashes(body):
                chunk_docs.add((sha, idx))
            if kind == "identity.enrol" and isinstance(body, dict):
                enrols[idx] = (signer, body.get("name"))
            elif kind == "identity.approved" and signer == node_vkey:
                _approval(idx, body, enrols, approved)
            elif kind == "identity.revoked" and signer == node_vkey and isinstance(body, dict):
                _revocation(idx, body, revoked, members, chunk_members)
            elif (
                case != PUBLIC_CASE
                and signer != node_vkey
                and (case not in members or (isinstance(body, dict) and "members" in body))
            ):  # (a statement that opens no case and names no members adds none)
                _replay_members(idx, s, members, chunk_members)
        _compare_members(conn, start, end, chunk_members, found)
        _compare_documents(conn, start, end, chunk_docs, found)
    _compare_outside(conn, count, found)
    _compare_enrolments(conn, approved, set(revoked), found)
    _compare_revocations(conn, revoked, found)


def _approval(
    idx: int,
    body: Any,
    enrols: dict[int, tuple[str, str]],
    approved: dict[str, tuple[str, str, int, int]],
) -> None:
    """A node-signed approval of the enrolment it names (``NodeCore._approval``)."""
    if not isinstance(body, dict):
        return
    enrol_index = body.get("enrol_index")
    enrol = enrols.get(enrol_index) if isinstance(enrol_index, int) else None
    if enrol is None or enrol[0] != body.get("key"):
        return  # not an approval of a logged enrolment: it grants nothing
    vkey, name = enrol
    approved[vkey] = (name, body.get("role"), enrol_index, idx)
    del enrols[enrol_index]


def _revocation(
    idx: int,
    body: dict[str, Any],
    revoked: dict[str, dict[str, Any]],
    members: dict[str, set[str]],
    chunk_members: dict[tuple[str, str], int],
) -> None:
    """The node's ``identity.revoked``: the key's row, and its successor in its cases."""
    key, successor = body.get("key"), body.get("successor")
    revoked[key] = {
        "status": "revoked",
        "reason": str(body.get("reason", "")),
        "successor": successor,
        "revoke_index": body.get("revoke_index"),
        "revoked_index": idx,
    }
    if successor is None:
        return
    for case, current in members.items():
        if key in current and successor not in current:
            current.add(successor)
            chunk_members[(case, successor)] = idx


def _replay_members(
    idx: int,
    s: dict[str, Any],
    members: dict[str, set[str]],
    chunk_members: dict[tuple[str, str], int],
) -> None:
    """The members this logged statement added (as ``chain_node.access.authorize``)."""
    case, actor = s.get("case"), s.get("actor")
    try:
        declared = declared_members(s.get("body"))
    except RpcError:
        declared = []  # authorize would have refused it; a logged entry never has this
    current = members.get(case)
    if current is None:
        added = list(dict.fromkeys([actor, *declared]))
        current = members[case] = set()
    else:
        added = [m for m in dict.fromkeys(declared) if m not in current]
    current.update(added)
    for vkey in added:
        chunk_members[(case, vkey)] = idx


def _compare_members(
    conn: Connection,
    start: int,
    end: int,
    derived: dict[tuple[str, str], int],
    found: _Found,
) -> None:
    stored = {
        (case, vkey): added
        for case, vkey, added in conn.execute(
            select(CaseMember.case_id, CaseMember.vkey, CaseMember.added_index).where(
                CaseMember.added_index >= start, CaseMember.added_index < end
            )
        )
    }
    for key in sorted(derived.keys() - stored.keys()):  # missing, or added elsewhere
        other = conn.execute(
            select(CaseMember.added_index).where(
                CaseMember.case_id == key[0], CaseMember.vkey == key[1]
            )
        ).scalar_one_or_none()
        found.add("case_members", _member_key(key), "added_index", other, derived[key])
    for key in sorted(stored.keys() - derived.keys()):
        found.add("case_members", _member_key(key), "added_index", stored[key], None)
    for key in sorted(stored.keys() & derived.keys()):
        if stored[key] != derived[key]:
            found.add("case_members", _member_key(key), "added_index", stored[key], derived[key])


def _member_key(key: tuple[str, str]) -> str:
    return f"(case_id={key[0]!r}, vkey={key[1]!r})"


def _compare_documents(
    conn: Connection, start: int, end: int, derived: set[tuple[bytes, int]], found: _Found
) -> None:
    stored = {
        (bytes(sha), idx)
        for sha, idx in conn.execute(
            select(DocumentHash.sha256, DocumentHash.idx).where(
                DocumentHash.idx >= start, DocumentHash.idx < end
            )
        )
    }
    for sha, idx in sorted(derived - stored):
        found.add("documents", f"(sha256={sha.hex()}, idx={idx})", "row", None, "present")
    for sha, idx in sorted(stored - derived):
        found.add("documents", f"(sha256={sha.hex()}, idx={idx})", "row", "present", None)


def _compare_outside(conn: Connection, count: int, found: _Found) -> None:
    """Rows naming an index outside the log: no entry derives them."""
    for case, vkey, added in conn.execute(
        select(CaseMember.case_id, CaseMember.vkey, CaseMember.added_index).where(
            or_(CaseMember.added_index < 0, CaseMember.added_index >= count)
        )
    ):
        found.add("case_members", _member_key((case, vkey)), "added_index", added, None)
    for sha, idx in conn.execute(
        select(DocumentHash.sha256, DocumentHash.idx).where(
            or_(DocumentHash.idx < 0, DocumentHash.idx >= count)
        )
    ):
        found.add("documents", f"(sha256={bytes(sha).hex()}, idx={idx})", "row", "present", None)


def _compare_enrolments(
    conn: Connection,
    derived: dict[str, tuple[str, str, int, int]],
    revoked: set[str],
    found: _Found,
) -> None:
    seen: set[str] = set()
    for row in conn.execute(
        select(
            Enrolment.vkey,
            Enrolment.key_id,
            Enrolment.name,
            Enrolment.role,
            Enrolment.status,
            Enrolment.enrol_index,
            Enrolment.approval_index,
        )
    ):
        logged = derived.get(row.vkey)
        key = f"vkey={row.vkey!r}"
        if logged is None:
            if row.status in ("approved", "revoked"):
                found.add("enrolments", key, "status", row.status, "not approved in the log")
            continue
        seen.add(row.vkey)
        name, role, enrol_index, approval_index = logged
        expected = {
            "status": "revoked" if row.vkey in revoked else "approved",
            "key_id": _key_id(row.vkey),
            "name": name,
            "role": role,
            "enrol_index": enrol_index,
            "approval_index": approval_index,
        }
        for column, value in expected.items():
            if getattr(row, column) != value:
                found.add("enrolments", key, column, getattr(row, column), value)
    for vkey in sorted(derived.keys() - seen):
        found.add("enrolments", f"vkey={vkey!r}", "row", None, "approved")


def _key_id(vkey: str) -> str | None:
    try:
        return parse_vkey(vkey).key_id
    except LedgerError:
        return None


def _compare_revocations(
    conn: Connection, derived: dict[str, dict[str, Any]], found: _Found
) -> None:
    seen: set[str] = set()
    columns = ("status", "reason", "successor", "revoke_index", "revoked_index")
    for row in conn.execute(select(Revocation.vkey, *(getattr(Revocation, c) for c in columns))):
        logged = derived.get(row.vkey)
        key = f"vkey={row.vkey!r}"
        if logged is None:
            if row.status != "requested":
                found.add("revocations", key, "status", row.status, "not revoked in the log")
            continue
        seen.add(row.vkey)
        for column in columns:
            if getattr(row, column) != logged[column]:
                found.add("revocations", key, column, getattr(row, column), logged[column])
    for vkey in sorted(derived.keys() - seen):
        found.add("revocations", f"vkey={vkey!r}", "row", None, "revoked")
