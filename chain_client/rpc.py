"""JSON-RPC 2.0 over one WebSocket (PROTOCOL.md section 3): calls, batches, notifications.

The one module that talks to the node. A reader task matches answers to waiting calls by id
and hands notifications to a callback; when the socket closes, every waiting call fails with
``NodeUnreachable`` so that no caller waits forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from chain_client.errors import NodeUnreachable, RemoteError

log = logging.getLogger(__name__)
Notification = Callable[[str, dict[str, Any]], None]


class RpcClient:
    def __init__(
        self, ws: ClientConnection, url: str, on_notification: Notification | None
    ) -> None:
        self.ws = ws
        self.url = url
        self.on_notification = on_notification
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read(), name="jcd-rpc-reader")
        self.closed = asyncio.Event()

    @classmethod
    async def connect(
        cls,
        url: str,
        on_notification: Notification | None = None,
        *,
        open_timeout: float = 10.0,
        max_size: int = 4 * 1024 * 1024,
    ) -> RpcClient:
        try:
            ws = await connect(url, open_timeout=open_timeout, max_size=max_size, compression=None)
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            raise NodeUnreachable(url=url, detail=str(exc) or type(exc).__name__) from exc
        return cls(ws, url, on_notification)

    async def _read(self) -> None:
        try:
            async for message in self.ws:
                try:
                    data = json.loads(message)
                except ValueError:
                    log.warning("node sent a frame that is not JSON; ignored")
                    continue
                for item in data if isinstance(data, list) else [data]:
                    self._dispatch(item)
        except ConnectionClosed:
            pass
        finally:
            self.closed.set()
            for future in self._waiting.values():
                if not future.done():
                    future.set_exception(NodeUnreachable(url=self.url, detail="connection closed"))
            self._waiting.clear()

    def _dispatch(self, item: Any) -> None:
        if not isinstance(item, dict):
            return
        if "method" in item and "id" not in item:
            if self.on_notification is not None:
                try:
                    self.on_notification(item["method"], item.get("params") or {})
                except Exception:  # a bad handler must not kill the connection
                    log.exception("notification handler failed")
            return
        future = self._waiting.pop(item.get("id"), None)  # type: ignore[arg-type]
        if future is not None and not future.done():
            future.set_result(item)

    def _request(self, method: str, params: dict[str, Any] | None) -> tuple[int, dict[str, Any]]:
        rid = next(self._ids)
        request: dict[str, Any] = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            request["params"] = params
        self._waiting[rid] = asyncio.get_running_loop().create_future()
        return rid, request

    @staticmethod
    def _unwrap(answer: dict[str, Any]) -> Any:
        if "error" in answer:
            error = answer["error"] if isinstance(answer["error"], dict) else {}
            raise RemoteError(
                int(error.get("code", -32603)), str(error.get("message", "")), error.get("data")
            )
        return answer.get("result")

    async def _send(self, payload: Any) -> None:
        try:
            await self.ws.send(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        except ConnectionClosed as exc:
            raise NodeUnreachable(url=self.url, detail="connection closed") from exc

    async def call(
        self, method: str, params: dict[str, Any] | None = None, timeout: float = 60.0
    ) -> Any:
        rid, request = self._request(method, params)
        future = self._waiting[rid]
        try:
            await self._send(request)
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a
            # cancellation that arrives as the answer does, and the sync would not stop.
            async with asyncio.timeout(timeout):
                answer = await future
        except TimeoutError as exc:
            raise NodeUnreachable(url=self.url, detail=f"no answer to {method}") from exc
        finally:
            self._waiting.pop(rid, None)
            if future.done() and not future.cancelled():
                future.exception()  # retrieved, whatever happened
            else:
                future.cancel()
        return self._unwrap(answer)

    async def batch(
        self, calls: Sequence[tuple[str, dict[str, Any] | None]], timeout: float = 60.0
    ) -> list[Any]:
        """Send one JSON-RPC batch; each item is its result or the RemoteError it raised."""
        if not calls:
            return []
        requests = [self._request(method, params) for method, params in calls]
        futures = [self._waiting[rid] for rid, _ in requests]
        try:
            await self._send([request for _, request in requests])
            async with asyncio.timeout(timeout):
                answers = [await future for future in futures]
        except TimeoutError as exc:
            raise NodeUnreachable(url=self.url, detail="no answer to a batch") from exc
        finally:
            for (rid, _), future in zip(requests, futures, strict=True):
                self._waiting.pop(rid, None)
                if future.done() and not future.cancelled():
                    future.exception()  # retrieved: a lost socket fails them all at once
                else:
                    future.cancel()
        results: list[Any] = []
        for answer in answers:
            try:
                results.append(self._unwrap(answer))
            except RemoteError as exc:
                results.append(exc)
        return results

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.ws.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
