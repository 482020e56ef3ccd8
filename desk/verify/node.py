"""The one call the Verify page makes to the node: ``verify.hash`` (PROTOCOL.md).

It belongs in ``chain_client/`` (the desk's sync client); it sits here, behind this one
function, until it moves there. It returns the node's raw matches: nothing in them is trusted
until ``desk.verify.matching`` has verified each receipt offline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from chain_client.errors import ChainError
from chain_client.rpc import RpcClient

if TYPE_CHECKING:
    from chain_client.sync import ChainClient


async def hash_matches(rpc: RpcClient, sha256_hex: str, *, timeout: float = 20.0) -> list[Any]:
    """The node's ``verify.hash`` answer for a document or leaf hash: one item per log entry
    (index, type, time, receipt), unverified. Raises ``NodeUnreachable``, ``RemoteError`` or
    ``ChainError`` when the node cannot answer."""
    answer = await rpc.call("verify.hash", {"sha256": sha256_hex}, timeout=timeout)
    items = answer.get("matches") if isinstance(answer, dict) else None
    if not isinstance(items, list):
        raise ChainError(detail="the node's answer to verify.hash has no list of matches")
    return items


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
