"""Checking one entry (PROTOCOL.md sections 1 and 4), in a form a worker process can run.

The enrolment check (-32001) needs the node's live key list, so it runs in the node process:
first on the actor an entry *claims* (read leniently, before anything else, to honour the
check order of section 4), then on the parsed actor. Everything else — note shape, JCS,
floats, statement shape, Ed25519 signature, ``log``, time — runs here, in a thread or in a
worker process (``Limits.verify_processes``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from chain_node.access import normal_vkey
from chain_node.errors import ENTRY_REJECTED, INTERNAL_ERROR, RpcError
from chain_node.storage import MAX_REVOKE_REASON, Enrolment, EntryRow
from ledger.errors import LedgerError
from ledger.note import parse_note
from ledger.privacy import check_personal_data
from ledger.statement import (
    MAX_VKEY,
    STATEMENT_HEADER,
    Statement,
    parse_entry,
    verify_entry,
)

# the widths of the sized columns a client's statement fills (storage.py)
ENTRY_WIDTHS = {c.name: getattr(c.type, "length", None) for c in EntryRow.__table__.columns}
ENROLMENT_WIDTHS = {c.name: getattr(c.type, "length", None) for c in Enrolment.__table__.columns}


def claimed_actor(text: str) -> str | None:
    """The ``actor`` an entry claims, read leniently (None if it cannot be read)."""
    if not text.startswith(STATEMENT_HEADER):
        return None
    end = text.find("\n", len(STATEMENT_HEADER))
    if end < 0:
        return None
    try:
        data = json.loads(text[len(STATEMENT_HEADER) : end])
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("actor"), str):
        return None
    try:
        return normal_vkey(data["actor"])
    except LedgerError:
        return None


def check_entry(
    text: str,
    *,
    origin: str,
    max_bytes: int,
    skew_seconds: int,
    now: datetime,
    enrol: bool,
    past_skew_seconds: int | None = None,
) -> Statement:
    """Parse and verify one entry (everything but enrolment); RpcError(-32003) if rejected.

    ``past_skew_seconds``: how far the statement's time may lie behind ``now`` (None: any, for
    an enrolment the node accepted earlier and logs once the operator approved it).
    """
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise RpcError(ENTRY_REJECTED, f"the entry is larger than {max_bytes} bytes")
    try:
        parse_note(text, max_bytes=max_bytes)
        entry = parse_entry(text, max_bytes=max_bytes)
    except LedgerError as exc:
        raise RpcError(ENTRY_REJECTED, str(exc)) from exc
    except (ValueError, RecursionError, UnicodeError, OverflowError) as exc:
        # malformed input the parsers did not name: still the sender's fault, never ours
        raise RpcError(ENTRY_REJECTED, f"the entry cannot be read ({type(exc).__name__})") from exc
    statement = entry.statement
    try:
        canonical_actor = normal_vkey(statement.actor)
    except LedgerError as exc:
        raise RpcError(ENTRY_REJECTED, f"actor: {exc}") from exc
    if canonical_actor != statement.actor:
        raise RpcError(ENTRY_REJECTED, "the actor's vkey is not in canonical form")
    try:
        verify_entry(entry)
    except LedgerError as exc:
        raise RpcError(ENTRY_REJECTED, f"bad signature: {exc}") from exc
    if statement.log != origin:
        raise RpcError(
            ENTRY_REJECTED, f"the statement is for log {statement.log!r}, not {origin!r}"
        )
    if statement.moment > now + timedelta(seconds=skew_seconds):
        raise RpcError(
            ENTRY_REJECTED,
            f"the statement's time {statement.time} is more than {skew_seconds} s ahead of the "
            "node's clock",
        )
    if past_skew_seconds is not None and statement.moment < now - timedelta(
        seconds=past_skew_seconds
    ):
        raise RpcError(
            ENTRY_REJECTED,
            f"the statement's time {statement.time} is more than {_span(past_skew_seconds)} "
            "behind the node's clock; sign it again with the current time",
        )
    check_lengths(statement)
    if enrol:
        if statement.type != "identity.enrol":
            raise RpcError(ENTRY_REJECTED, "auth.enrol takes an identity.enrol statement")
    elif statement.type == "identity.revoke":
        check_revoke(statement)
    elif statement.type.startswith("identity.") and statement.type not in _SUBMITTED_IDENTITY:
        raise RpcError(
            ENTRY_REJECTED,
            "identity statements are sent with auth.enrol or written by the node "
            "(tlog.submit takes identity.revoke and identity.encryption_key only)",
        )
    try:
        check_personal_data(statement.body)  # every type: no ID/phone/account number in clear
    except LedgerError as exc:
        raise RpcError(ENTRY_REJECTED, str(exc)) from exc
    return statement


# identity.revoked passes only to reach the commit, which takes it from the node key alone;
# identity.encryption_key is a desk's own signed X25519 key (docs/protocol.md, "Encrypted
# evidence"), its shape checked by the registry's generic rule
_SUBMITTED_IDENTITY = frozenset({"identity.revoked", "identity.encryption_key"})


def check_revoke(statement: Statement) -> None:
    """``identity.revoke`` (docs/protocol.md section 2): case "", body ``{reason, successor?}``,
    a reason of at most 200 characters, a successor in canonical Ed25519 form, not the signer."""
    body = statement.body
    if statement.case != "":
        raise RpcError(ENTRY_REJECTED, 'identity.revoke has case ""')
    if not set(body) <= {"reason", "successor"} or not isinstance(body.get("reason"), str):
        raise RpcError(ENTRY_REJECTED, "identity.revoke body is {reason, successor?}")
    if len(body["reason"]) > MAX_REVOKE_REASON:
        raise RpcError(
            ENTRY_REJECTED, f"a revocation reason is at most {MAX_REVOKE_REASON} characters"
        )
    if "successor" in body:
        successor = body["successor"]
        if not isinstance(successor, str) or len(successor) > MAX_VKEY:
            raise RpcError(ENTRY_REJECTED, f"successor: a vkey of at most {MAX_VKEY} characters")
        try:
            canonical = normal_vkey(successor)
        except LedgerError as exc:
            raise RpcError(ENTRY_REJECTED, f"successor: {exc}") from exc
        if canonical != successor:
            raise RpcError(ENTRY_REJECTED, "the successor's vkey is not in canonical form")
        if successor == statement.actor:
            raise RpcError(ENTRY_REJECTED, "a key cannot be its own successor")


def _span(seconds: int) -> str:
    return f"{seconds // 3600} h" if seconds % 3600 == 0 else f"{seconds} s"


def check_lengths(statement: Statement) -> None:
    """Every value the node stores in a sized column fits it. Checked per entry before its
    batch: on PostgreSQL one over-long value would otherwise fail the whole batch's commit."""
    values = [
        ("type", statement.type, ENTRY_WIDTHS["type"]),
        ("case", statement.case, ENTRY_WIDTHS["case_id"]),
        ("actor", statement.actor, ENTRY_WIDTHS["actor"]),
        ("time", statement.time, ENTRY_WIDTHS["time"]),
    ]
    if statement.type == "identity.enrol":
        values.append(("role", str(statement.body.get("role")), ENROLMENT_WIDTHS["role"]))
    for name, value, width in values:
        if width is not None and len(value) > width:
            raise RpcError(ENTRY_REJECTED, f"'{name}' is longer than {width} characters")


def check_chunk(
    texts: Sequence[tuple[str, bool]],
    origin: str,
    max_bytes: int,
    skew_seconds: int,
    now_ts: float,
    past_skew_seconds: int | None = None,
) -> list[Any]:
    """Worker entry point: check many entries; each result is a Statement or (code, data)."""
    now = datetime.fromtimestamp(now_ts, UTC)
    out: list[Any] = []
    for text, enrol in texts:
        try:
            out.append(
                check_entry(
                    text,
                    origin=origin,
                    max_bytes=max_bytes,
                    skew_seconds=skew_seconds,
                    now=now,
                    enrol=enrol,
                    past_skew_seconds=None if enrol else past_skew_seconds,
                )
            )
        except RpcError as exc:
            out.append((exc.code, exc.data))
        except Exception as exc:  # never let one entry stop the pipeline
            out.append((INTERNAL_ERROR, f"verification failed: {type(exc).__name__}"))
    return out
