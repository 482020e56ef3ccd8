"""Looking entries up by hash on the node: ``verify.hash`` (docs/protocol.md §6).

The one client of that call, for the sync (an entry whose index is in doubt, by its leaf hash)
and for the desk's Verify page (a file, by its SHA-256 or by an entry's leaf hash). Every item
of the answer is the node's word: its receipt proves something only once it has been verified
offline with the pinned keys (``ledger.receipt``), and the index, type and time beside it are
claims until then.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from chain_client.errors import ChainError
from chain_client.rpc import RpcClient
from ledger.clock import parse_time

if TYPE_CHECKING:
    from chain_client.sync import ChainClient


@dataclass(frozen=True)
class HashMatch:
    """One item of a ``verify.hash`` answer, unverified. A field the node sent malformed is
    None; with no ``receipt`` the item proves nothing."""

    index: int | None
    type: str | None
    time: datetime | None  # the on-chain time the node reports (its first covering checkpoint)
    receipt: str | None  # a tlog-proof text


def _match(item: Any) -> HashMatch:
    if not isinstance(item, dict):
        return HashMatch(None, None, None, None)
    index, type_, receipt = item.get("index"), item.get("type"), item.get("receipt")
    try:
        time = parse_time(item.get("time"))  # type: ignore[arg-type]
    except ValueError:
        time = None
    return HashMatch(
        index if isinstance(index, int) and not isinstance(index, bool) else None,
        type_ if isinstance(type_, str) else None,
        time,
        receipt if isinstance(receipt, str) else None,
    )


async def hash_matches(rpc: RpcClient, digest: bytes, *, timeout: float = 20.0) -> list[HashMatch]:
    """The node's ``verify.hash`` answer for a leaf or document hash (32 bytes): one item per
    log entry that is, or lists, that hash. Raises ``NodeUnreachable`` (no answer),
    ``RemoteError`` (an error answer) or ``ChainError`` (an answer without a list)."""
    answer = await rpc.call("verify.hash", {"sha256": digest.hex()}, timeout=timeout)
    items = answer.get("matches") if isinstance(answer, dict) else None
    if not isinstance(items, list):
        raise ChainError(detail="the node's answer to verify.hash has no list of matches")
    return [_match(item) for item in items]


@asynccontextmanager
async def node_rpc(client: ChainClient) -> AsyncIterator[RpcClient]:
    """The sync's connection when it is up, else a short-lived one (``verify.hash`` is open to
    anyone, no login needed). Run on the network thread."""
    if client.rpc is not None and not client.rpc.closed.is_set():
        yield client.rpc
        return
    rpc = await RpcClient.connect(client.config.url, open_timeout=5.0)
    try:
        yield rpc
    finally:
        await rpc.close()
