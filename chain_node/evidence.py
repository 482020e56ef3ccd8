"""Encrypted evidence on the node: ciphertext in, ciphertext out (docs/protocol.md,
"Encrypted evidence (our addition)").

The node stores a file's ciphertext (in parts, each at most ``Limits.evidence_part_bytes``)
and its file key wrapped for each recipient; it never holds a key able to open either. Writes
go through the sequencer's single writer (``Sequencer.write``), reads through the reader
threads in the client's turn. These tables are not derived from the log: the full fsck
(``chain_node/derived.py``) leaves them alone.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, select

from chain_node import rpc
from chain_node.access import PUBLIC_CASE, normal_vkey
from chain_node.errors import ENTRY_REJECTED, INVALID_PARAMS, NOT_ALLOWED, RpcError
from chain_node.storage import EntryRow, EvidenceFile, EvidencePart, EvidenceWrap
from ledger.clock import format_time
from ledger.errors import LedgerError

if TYPE_CHECKING:
    from chain_node.server import Conn, Node

ENCRYPTION_KEY_TYPE = "identity.encryption_key"
MAX_WRAP_BYTES = 256  # an HPKE X25519 wrap of a 32-byte key is 80 bytes
_HEX64 = re.compile(r"[0-9a-f]{64}")

Handler = Callable[["Conn", dict[str, Any]], Awaitable[Any]]


class EvidenceMethods:
    """``evidence.put``, ``evidence.get``, ``evidence.share`` and ``evidence.recipient_key``."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.core = node.core
        self.limits = node.core.limits

    def methods(self) -> dict[str, Handler]:
        return {
            "evidence.put": self.m_put,
            "evidence.get": self.m_get,
            "evidence.share": self.m_share,
            "evidence.recipient_key": self.m_recipient_key,
        }

    # -- parameters ------------------------------------------------------------------------------

    def _member(self, conn: Conn, params: dict[str, Any]) -> tuple[str, str, str]:
        """(actor, case, sha256): a logged-in member of a case (not the public space)."""
        actor = self.node._require_login(conn)
        case = rpc.get_str(params, "case")
        sha = rpc.get_str(params, "sha256")
        if not _HEX64.fullmatch(sha):
            raise RpcError(INVALID_PARAMS, "'sha256' is 64 lower-case hex digits")
        if case == PUBLIC_CASE or actor not in self.core.members.get(case, ()):
            raise RpcError(NOT_ALLOWED, "only a member of the case may keep evidence in it")
        return actor, case, sha

    def _wraps(self, case: str, value: Any) -> list[tuple[str, bytes, bytes]]:
        """(recipient, X25519 key, wrap) per item; every recipient a member of the case."""
        if not isinstance(value, list) or not 1 <= len(value) <= self.limits.evidence_recipients:
            raise RpcError(
                INVALID_PARAMS,
                f"'wraps' is a list of 1 to {self.limits.evidence_recipients} wraps",
            )
        out: dict[str, tuple[str, bytes, bytes]] = {}
        members = self.core.members.get(case, ())
        for item in value:
            if not isinstance(item, dict) or set(item) != {"recipient", "key", "wrap"}:
                raise RpcError(INVALID_PARAMS, "a wrap is {recipient, key, wrap}")
            recipient = item["recipient"]
            try:
                if not isinstance(recipient, str) or normal_vkey(recipient) != recipient:
                    raise RpcError(INVALID_PARAMS, "a wrap's recipient is a canonical vkey")
            except LedgerError as exc:
                raise RpcError(INVALID_PARAMS, f"recipient: {exc}") from exc
            key = _b64(item["key"], "key")
            wrap = _b64(item["wrap"], "wrap")
            if len(key) != 32 or not 0 < len(wrap) <= MAX_WRAP_BYTES:
                raise RpcError(INVALID_PARAMS, "a wrap's key is 32 bytes, its wrap at most 256")
            if recipient not in members:
                raise RpcError(NOT_ALLOWED, "evidence is shared only with members of the case")
            out[recipient] = (recipient, key, wrap)
        return list(out.values())

    # -- methods ---------------------------------------------------------------------------------

    async def m_put(self, conn: Conn, params: dict[str, Any]) -> Any:
        """One part of a file's ciphertext; the first (``offset`` 0) names its size and wraps,
        the uploader's own among them (it re-wraps from it to share)."""
        rpc.only(params, "case", "sha256", "size", "offset", "data", "wraps")
        actor, case, sha = self._member(conn, params)
        size = rpc.get_int(params, "size", minimum=1, maximum=self.limits.evidence_file_bytes)
        offset = rpc.get_int(params, "offset")
        data = _b64(rpc.get_str(params, "data"), "data")
        if len(data) > self.limits.evidence_part_bytes or offset + len(data) > size:
            raise RpcError(
                INVALID_PARAMS,
                f"a part is at most {self.limits.evidence_part_bytes} bytes and ends "
                "within the file's size",
            )
        if not data and offset < size:
            raise RpcError(INVALID_PARAMS, "a part holds at least one byte")
        wraps = None
        if offset == 0:
            wraps = self._wraps(case, params.get("wraps"))
            if actor not in {w[0] for w in wraps}:
                raise RpcError(INVALID_PARAMS, "the uploader wraps the file key for itself too")
        elif "wraps" in params:
            raise RpcError(INVALID_PARAMS, "'wraps' goes with the first part (offset 0)")
        return await self.node.sequencer.write(
            self._put, actor, case, sha, size, offset, data, wraps
        )

    def _put(
        self,
        actor: str,
        case: str,
        sha: str,
        size: int,
        offset: int,
        data: bytes,
        wraps: list[tuple[str, bytes, bytes]] | None,
    ) -> dict[str, Any]:
        """On the sequencer's database thread (the node's one writer)."""
        key = (EvidenceFile.case_id == case, EvidenceFile.sha256 == sha)
        with self.core.engine.begin() as db:
            row = db.execute(select(EvidenceFile).where(*key)).first()
            if row is not None and row.owner != actor:
                raise RpcError(
                    ENTRY_REJECTED,
                    "another member already keeps this file in the case; ask them to share it",
                )
            if row is not None and row.size != size:
                raise RpcError(INVALID_PARAMS, f"this upload's size is {row.size}")
            if offset == 0:
                if row is not None and row.received == row.size:
                    return {"received": row.size, "complete": True}  # sent again: kept as is
                used = db.execute(
                    select(func.coalesce(func.sum(EvidenceFile.size), 0)).where(
                        EvidenceFile.owner == actor,
                        (EvidenceFile.case_id != case) | (EvidenceFile.sha256 != sha),
                    )
                ).scalar_one()
                if used + size > self.limits.evidence_bytes_per_key:
                    raise RpcError(
                        ENTRY_REJECTED,
                        f"this key keeps {used} bytes of evidence on the node; at most "
                        f"{self.limits.evidence_bytes_per_key} in all",
                    )
                # a fresh start (also of an upload broken off): parts and wraps anew
                for table in (EvidencePart, EvidenceWrap):
                    db.execute(delete(table).where(table.case_id == case, table.sha256 == sha))
                db.execute(delete(EvidenceFile).where(*key))
                db.execute(
                    EvidenceFile.__table__.insert(),
                    {
                        "case_id": case,
                        "sha256": sha,
                        "owner": actor,
                        "size": size,
                        "received": 0,
                        "created_at": format_time(self.core.config.clock.now()),
                    },
                )
                for recipient, x_key, wrap in wraps or []:
                    db.execute(
                        EvidenceWrap.__table__.insert(),
                        {
                            "case_id": case,
                            "sha256": sha,
                            "recipient": recipient,
                            "key": x_key,
                            "wrap": wrap,
                        },
                    )
                received = 0
            else:
                if row is None:
                    raise RpcError(INVALID_PARAMS, "start the upload with offset 0")
                received = row.received
                if offset < received:  # a part sent again after a lost answer
                    return {"received": received, "complete": received == size}
                if offset > received:
                    raise RpcError(INVALID_PARAMS, f"the next part starts at offset {received}")
            if data:
                db.execute(
                    EvidencePart.__table__.insert(),
                    {"case_id": case, "sha256": sha, "start": offset, "data": data},
                )
            received += len(data)
            db.execute(EvidenceFile.__table__.update().where(*key), {"received": received})
        return {"received": received, "complete": received == size}

    async def m_get(self, conn: Conn, params: dict[str, Any]) -> Any:
        """A recipient's wrap and one part of the ciphertext (from ``offset``, default 0)."""
        rpc.only(params, "case", "sha256", "offset")
        actor, case, sha = self._member(conn, params)
        offset = rpc.get_int(params, "offset", 0)
        async with conn.big_answer():
            found = await self.node.read(self._get, actor, case, sha, offset)
        if found is None:
            raise RpcError(
                NOT_ALLOWED, "no complete evidence file with this hash was sealed for this key"
            )
        return found

    def _get(
        self, db: Connection, actor: str, case: str, sha: str, offset: int
    ) -> dict[str, Any] | None:
        row = db.execute(
            select(EvidenceFile).where(EvidenceFile.case_id == case, EvidenceFile.sha256 == sha)
        ).first()
        if row is None or row.received != row.size:
            return None
        wrap = db.execute(
            select(EvidenceWrap.key, EvidenceWrap.wrap).where(
                EvidenceWrap.case_id == case,
                EvidenceWrap.sha256 == sha,
                EvidenceWrap.recipient == actor,
            )
        ).first()
        if wrap is None:
            return None
        part = db.execute(
            select(EvidencePart.data).where(
                EvidencePart.case_id == case,
                EvidencePart.sha256 == sha,
                EvidencePart.start == offset,
            )
        ).scalar_one_or_none()
        if part is None:
            raise RpcError(INVALID_PARAMS, f"no part starts at offset {offset}")
        end = offset + len(part)
        return {
            "owner": row.owner,
            "size": row.size,
            "wrap": {"recipient": actor, "key": rpc.b64(wrap.key), "wrap": rpc.b64(wrap.wrap)},
            "offset": offset,
            "data": rpc.b64(bytes(part)),
            "next": end if end < row.size else None,
        }

    async def m_share(self, conn: Conn, params: dict[str, Any]) -> Any:
        """The uploader adds wraps of the same file key for more members (cross-examination)."""
        rpc.only(params, "case", "sha256", "wraps")
        actor, case, sha = self._member(conn, params)
        wraps = self._wraps(case, params.get("wraps"))
        return await self.node.sequencer.write(self._share, actor, case, sha, wraps)

    def _share(
        self, actor: str, case: str, sha: str, wraps: list[tuple[str, bytes, bytes]]
    ) -> dict[str, Any]:
        where = (EvidenceWrap.case_id == case, EvidenceWrap.sha256 == sha)
        with self.core.engine.begin() as db:
            owner = db.execute(
                select(EvidenceFile.owner).where(
                    EvidenceFile.case_id == case, EvidenceFile.sha256 == sha
                )
            ).scalar_one_or_none()
            if owner != actor:
                raise RpcError(NOT_ALLOWED, "only the member who uploaded a file shares it")
            have = set(db.execute(select(EvidenceWrap.recipient).where(*where)).scalars())
            new = [w for w in wraps if w[0] not in have]  # a recipient already keeps its wrap
            if len(have) + len(new) > self.limits.evidence_recipients:
                raise RpcError(
                    ENTRY_REJECTED,
                    f"a file is shared with at most {self.limits.evidence_recipients} members",
                )
            for recipient, x_key, wrap in new:
                db.execute(
                    EvidenceWrap.__table__.insert(),
                    {"case_id": case, "sha256": sha, "recipient": recipient, "key": x_key,
                     "wrap": wrap},
                )  # fmt: skip
        return {"recipients": len(have) + len(new)}

    async def m_recipient_key(self, conn: Conn, params: dict[str, Any]) -> Any:
        """The latest ``identity.encryption_key`` entry ``vkey`` signed, covered by the
        latest checkpoint: ``{index, entry}``, or ``{}`` if it published none."""
        self.node._require_login(conn)
        rpc.only(params, "vkey")
        vkey = rpc.get_str(params, "vkey")
        size = self.node._latest().size
        found = await self.node.read(self._recipient_key, vkey, size)
        return {} if found is None else {"index": found[0], "entry": found[1]}

    def _recipient_key(self, db: Connection, vkey: str, size: int) -> tuple[int, str] | None:
        row = db.execute(
            select(EntryRow.idx, EntryRow.entry)
            .where(
                EntryRow.case_id == PUBLIC_CASE,
                EntryRow.type == ENCRYPTION_KEY_TYPE,
                EntryRow.actor == vkey,
                EntryRow.idx < size,
            )
            .order_by(EntryRow.idx.desc())
            .limit(1)
        ).first()
        return None if row is None else (row[0], row[1])


def _b64(value: Any, name: str) -> bytes:
    if not isinstance(value, str):
        raise RpcError(INVALID_PARAMS, f"'{name}' is base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise RpcError(INVALID_PARAMS, f"'{name}' is not base64") from None
