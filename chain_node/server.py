"""The node's WebSocket JSON-RPC server (PROTOCOL.md sections 3-4), and ways to run it.

``serve(config)`` starts a node in the running asyncio loop and returns a ``RunningNode``;
``EmbeddedNode.start(config)`` runs one on a background thread (for the desktop app).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import itertools
import logging
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from websockets.asyncio.server import Server, ServerConnection
from websockets.asyncio.server import serve as ws_serve
from websockets.exceptions import ConnectionClosed

from chain_node import rpc
from chain_node.access import PUBLIC_CASE, may_read, normal_vkey
from chain_node.config import NodeConfig
from chain_node.core import Committed, NodeCore, on_chain_text
from chain_node.errors import (
    BEYOND_CHECKPOINT,
    ENTRY_REJECTED,
    INTERNAL_ERROR,
    INVALID_PARAMS,
    INVALID_REQUEST,
    METHOD_NOT_FOUND,
    NOT_ALLOWED,
    NOT_IN_CHECKPOINT,
    TOO_MANY_REQUESTS,
    UNKNOWN_KEY,
    RpcError,
)
from chain_node.sequencer import Sequencer
from ledger import merkle
from ledger.auth import login_message
from ledger.errors import LedgerError
from ledger.receipt import Receipt

log = logging.getLogger("chain_node.server")

OUTQ_LIMIT = 10_000


class Subscription:
    def __init__(self, sid: str, cases: set[str] | None, live_from: int) -> None:
        self.id = sid
        self.cases = cases  # None: every case the actor belongs to (not the public case)
        self.live_from = live_from
        self.buffer: list[tuple[int, str, str]] | None = []  # None once live

    def wants(self, actor: str | None, case: str, members: dict[str, set[str]]) -> bool:
        if not may_read(actor, case, members):
            return False
        if self.cases is None:
            return case != PUBLIC_CASE
        return case in self.cases


class Conn:
    """Per-connection state: login, nonce, rate limit, subscriptions, outgoing notifications."""

    ids = itertools.count(1)

    def __init__(self, ws: ServerConnection, node: Node) -> None:
        limits = node.core.limits
        self.ws = ws
        self.id = next(self.ids)
        self.actor: str | None = None
        self.roles: list[str] = []
        self.nonce: str | None = None
        self.tokens = float(limits.burst)
        self.rate = limits.requests_per_second
        self.burst = float(limits.burst)
        self.stamp = time.monotonic()
        self.sem = asyncio.Semaphore(limits.max_inflight_per_connection)
        self.subs: dict[str, Subscription] = {}
        self.outq: asyncio.Queue[str] = asyncio.Queue(OUTQ_LIMIT)
        self.sender: asyncio.Task[None] | None = None
        self.tasks: set[asyncio.Task[Any]] = set()

    def take_token(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

    def notify(self, method: str, params: dict[str, Any]) -> None:
        try:
            self.outq.put_nowait(rpc.dumps(rpc.notification(method, params)))
        except asyncio.QueueFull:
            log.warning("connection %s does not read its notifications; closing it", self.id)
            task = asyncio.ensure_future(self.ws.close(1008, "notifications not read"))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def send_loop(self) -> None:
        while True:
            message = await self.outq.get()
            await self.ws.send(message)


class Node:
    """The method handlers and the connections of one node."""

    def __init__(self, core: NodeCore) -> None:
        self.core = core
        self.limits = core.limits
        self.sequencer = Sequencer(core, self._on_commit)
        self.readers = ThreadPoolExecutor(4, thread_name_prefix="jcd-read")
        self.conns: set[Conn] = set()
        self.checkpoint_event = asyncio.Event()
        self.server: Server | None = None
        self.background: list[asyncio.Task[None]] = []
        self.sub_ids = itertools.count(1)
        self.methods: dict[str, Callable[[Conn, dict[str, Any]], Awaitable[Any]]] = {
            "node.info": self.m_node_info,
            "auth.enrol": self.m_auth_enrol,
            "auth.challenge": self.m_auth_challenge,
            "auth.login": self.m_auth_login,
            "tlog.submit": self.m_tlog_submit,
            "tlog.checkpoint": self.m_tlog_checkpoint,
            "tlog.inclusion": self.m_tlog_inclusion,
            "tlog.consistency": self.m_tlog_consistency,
            "tlog.receipt": self.m_tlog_receipt,
            "tlog.leaf_hashes": self.m_tlog_leaf_hashes,
            "case.entries": self.m_case_entries,
            "case.subscribe": self.m_case_subscribe,
            "case.unsubscribe": self.m_case_unsubscribe,
            "verify.hash": self.m_verify_hash,
            "identity.get": self.m_identity_get,
        }

    # -- life cycle ----------------------------------------------------------------------------

    async def start(self, host: str, port: int) -> int:
        self.sequencer.start()
        self.background.append(asyncio.create_task(self._approval_loop(), name="jcd-approvals"))
        self.background.append(asyncio.create_task(self._trigger_loop(), name="jcd-triggers"))
        self.server = await ws_serve(
            self._handle,
            host,
            port,
            max_size=self.limits.max_frame_bytes,
            compression=None,
            ping_interval=20,
            ping_timeout=20,
            max_queue=64,
        )
        sock = next(iter(self.server.sockets))
        return int(sock.getsockname()[1])

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.server.wait_closed(), 5)
        for task in self.background:
            task.cancel()
        for task in self.background:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.sequencer.close()
        self.readers.shutdown(wait=True, cancel_futures=True)
        await asyncio.get_running_loop().run_in_executor(None, self.core.close)

    async def read(self, fn: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.readers, self.core.read, fn, *args)

    async def _approval_loop(self) -> None:
        """Log the enrolments the operator approved (``node approve``) while we run."""
        while True:
            try:
                due = await asyncio.get_running_loop().run_in_executor(
                    self.readers, self.core.approvals_due
                )
                for entry, role in due:
                    task = asyncio.create_task(self._log_enrolment(entry, role))
                    task.add_done_callback(lambda t: t.cancelled() or t.exception())
            except Exception:
                log.exception("reading approvals failed")
            await asyncio.sleep(self.core.config.approval_poll_seconds)

    async def _trigger_loop(self) -> None:
        """Run the contract rules' triggers (node-authored entries) every few seconds."""
        while True:
            await asyncio.sleep(self.core.config.trigger_poll_seconds)
            try:
                await self.run_triggers()
            except Exception:
                log.exception("contract triggers failed")

    async def run_triggers(self) -> list[int]:
        """Append every entry a contract rule says is due now; return their indexes."""
        texts = await self.read(self.core.due_triggers, self.core.config.clock.now())
        indexes = []
        for text in texts:
            try:
                indexes.append(int(await self.sequencer.submit(text, "node")))
            except RpcError as exc:
                log.warning("a contract trigger was refused: %s", exc)
        return indexes

    async def _log_enrolment(self, entry: str, role: str | None) -> int:
        return int(await self.sequencer.submit(entry, "enrol", role))

    # -- connections ---------------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        if len(self.conns) >= self.limits.max_connections:
            await ws.close(1013, "too many connections")
            return
        conn = Conn(ws, self)
        self.conns.add(conn)
        conn.sender = asyncio.create_task(conn.send_loop())
        try:
            async for message in ws:
                await conn.sem.acquire()
                task = asyncio.create_task(self._frame(conn, message))
                conn.tasks.add(task)
                task.add_done_callback(lambda t, c=conn: (c.tasks.discard(t), c.sem.release()))
        except ConnectionClosed:
            pass
        finally:
            self.conns.discard(conn)
            conn.subs.clear()
            if conn.sender is not None:
                conn.sender.cancel()
            for task in list(conn.tasks):
                task.cancel()

    async def _frame(self, conn: Conn, message: str | bytes) -> None:
        try:
            answer = await self._answer_frame(conn, message)
        except Exception:  # pragma: no cover - _answer_frame answers every error itself
            log.exception("frame failed")
            answer = rpc.error(None, RpcError(INTERNAL_ERROR))
        if answer is None:
            return
        with contextlib.suppress(ConnectionClosed):
            await conn.ws.send(rpc.dumps(answer))

    async def _answer_frame(self, conn: Conn, message: str | bytes) -> Any:
        try:
            data = rpc.parse_frame(message)
        except RpcError as exc:
            return rpc.error(None, exc)
        if isinstance(data, list):
            if not data:
                return rpc.error(None, RpcError(INVALID_REQUEST, "empty batch"))
            if len(data) > self.limits.max_batch_requests:
                return rpc.error(
                    None,
                    RpcError(
                        INVALID_REQUEST,
                        f"a batch holds at most {self.limits.max_batch_requests} requests",
                    ),
                )
            answers = await asyncio.gather(
                *(self._fast_submit(conn, obj) or self._request(conn, obj) for obj in data)
            )
            out = [a for a in answers if a is not None]
            return out or None
        return await self._request(conn, data)

    async def _request(self, conn: Conn, obj: Any) -> dict[str, Any] | None:
        rid: Any = None
        notification = False
        try:
            if isinstance(obj, dict) and rpc.valid_id(obj.get("id")):
                rid = obj.get("id")
            rid, method, params, notification = rpc.check_request(obj)
            if not conn.take_token():
                raise RpcError(TOO_MANY_REQUESTS, "slow down: this connection's rate limit")
            handler = self.methods.get(method)
            if handler is None:
                raise RpcError(METHOD_NOT_FOUND, f"no method {method[:100]!r}")
            value = await handler(conn, params)
        except RpcError as exc:
            return None if notification else rpc.error(rid, exc)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("method failed")
            err = RpcError(INTERNAL_ERROR, f"{type(exc).__name__}")
            return None if notification else rpc.error(rid, err)
        return None if notification else rpc.result(rid, value)

    def _fast_submit(self, conn: Conn, obj: Any) -> asyncio.Future[Any] | None:
        """``tlog.submit`` in a batch without a task per request (throughput); None: not one.

        Same checks and answers as the general path (``_request`` + ``m_tlog_submit``).
        """
        if not (
            isinstance(obj, dict)
            and obj.get("method") == "tlog.submit"
            and obj.get("jsonrpc") == "2.0"
            and "id" in obj
            and rpc.valid_id(obj["id"])
            and len(obj) == 4
            and isinstance(obj.get("params"), dict)
            and isinstance(obj["params"].get("entry"), str)
            and len(obj["params"]) == 1
        ):
            return None
        rid = obj["id"]
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Any] = loop.create_future()
        if not conn.take_token():
            exc = RpcError(TOO_MANY_REQUESTS, "slow down: this connection's rate limit")
            answer.set_result(rpc.error(rid, exc))
            return answer
        if conn.actor is None:
            exc = RpcError(NOT_ALLOWED, "log in first (auth.challenge, then auth.login)")
            answer.set_result(rpc.error(rid, exc))
            return answer
        text = obj["params"]["entry"]
        try:
            fut = self.sequencer.enqueue(text)
        except RpcError as exc:
            answer.set_result(rpc.error(rid, exc))
            return answer

        def done(f: asyncio.Future[Any]) -> None:
            if answer.done():
                return
            if f.cancelled():
                answer.set_result(rpc.error(rid, RpcError(INTERNAL_ERROR, "cancelled")))
                return
            err = f.exception()
            if err is None:
                leaf = merkle.leaf_hash(text.encode("utf-8", "surrogatepass"))
                answer.set_result(
                    rpc.result(rid, {"index": f.result(), "leaf_hash": rpc.b64(leaf)})
                )
            elif isinstance(err, RpcError):
                answer.set_result(rpc.error(rid, err))
            else:
                answer.set_result(rpc.error(rid, RpcError(INTERNAL_ERROR, type(err).__name__)))

        fut.add_done_callback(done)
        return answer

    # -- notifications ---------------------------------------------------------------------------

    def _on_commit(self, committed: Committed) -> None:
        event, self.checkpoint_event = self.checkpoint_event, asyncio.Event()
        event.set()
        members = self.core.members
        for conn in list(self.conns):
            if not conn.subs:
                continue
            for index, text, case in committed.entries:
                for sub in list(conn.subs.values()):
                    if index < sub.live_from or not sub.wants(conn.actor, case, members):
                        continue
                    if sub.buffer is not None:
                        sub.buffer.append((index, text, case))
                    else:
                        conn.notify(
                            "case.entry", {"subscription": sub.id, "index": index, "entry": text}
                        )
            if committed.checkpoint is not None:
                conn.notify("tlog.checkpoint", {"checkpoint": committed.checkpoint.note})

    async def _backfill(self, conn: Conn, sub: Subscription, start: int) -> None:
        members = self.core.members
        if sub.cases is None:
            cases = [c for c, m in members.items() if conn.actor in m and c != PUBLIC_CASE]
        else:
            cases = sorted(sub.cases)
        cursor = start
        while cursor < sub.live_from and cases:
            rows = await self.read(self.core.case_entries, cases, cursor, sub.live_from, 500)
            for index, text, case in rows:
                if sub.wants(conn.actor, case, members):
                    conn.notify(
                        "case.entry", {"subscription": sub.id, "index": index, "entry": text}
                    )
            if not rows:
                break
            cursor = rows[-1][0] + 1
        pending, sub.buffer = sub.buffer or [], None
        for index, text, _case in pending:
            conn.notify("case.entry", {"subscription": sub.id, "index": index, "entry": text})

    # -- helpers -------------------------------------------------------------------------------

    def _latest(self) -> Any:
        latest = self.core.latest
        if latest is None:  # pragma: no cover - open() always writes the size-0 checkpoint
            raise RpcError(NOT_IN_CHECKPOINT, "the log has no checkpoint yet")
        return latest

    def _require_login(self, conn: Conn) -> str:
        if conn.actor is None:
            raise RpcError(NOT_ALLOWED, "log in first (auth.challenge, then auth.login)")
        return conn.actor

    async def _receipt(self, index: int) -> str:
        latest = self._latest()
        proof = await self.read(self.core.inclusion, index, latest.size)
        return Receipt(index, tuple(proof), latest.note).to_text()

    # -- methods (PROTOCOL.md section 4) -------------------------------------------------------

    async def m_node_info(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params)
        return self.core.info()

    async def m_auth_enrol(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "entry")
        text = rpc.get_str(params, "entry")
        loop = asyncio.get_running_loop()
        statement = await loop.run_in_executor(
            self.sequencer.verify_pool, lambda: self.core.check_entry(text, enrol=True)
        )
        actor = statement.actor
        if actor == self.core.node_vkey:
            raise RpcError(ENTRY_REJECTED, "the node's own key is not enrolled by request")
        if actor in self.core.enrolled:
            return {"status": "approved", "index": self.core.enrolled[actor][1]}
        status = await self.read(lambda _conn: self.core.enrolment_request(text, statement))
        if status == "approved" and actor in self.core.enrolled:
            return {"status": "approved", "index": self.core.enrolled[actor][1]}
        if self.core.config.auto_approve:
            index = await self.sequencer.submit(text, "enrol")
            return {"status": "approved", "index": int(index)}
        return {"status": "pending"}

    async def m_auth_challenge(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params)
        conn.nonce = base64.b64encode(secrets.token_bytes(32)).decode()
        return {"nonce": conn.nonce}

    async def m_auth_login(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "vkey", "signature")
        vkey_text = rpc.get_str(params, "vkey")
        sig_text = rpc.get_str(params, "signature")
        nonce, conn.nonce = conn.nonce, None  # single use, whatever happens next
        try:
            vkey = normal_vkey(vkey_text)
        except LedgerError as exc:
            raise RpcError(INVALID_PARAMS, f"vkey: {exc}") from exc
        try:
            signature = base64.b64decode(sig_text, validate=True)
        except (binascii.Error, ValueError):
            raise RpcError(INVALID_PARAMS, "signature must be base64") from None
        if nonce is None:
            raise RpcError(NOT_ALLOWED, "no unused challenge on this connection: ask one")
        if vkey not in self.core.enrolled:
            raise RpcError(UNKNOWN_KEY, "this key is not enrolled (or its enrolment is pending)")
        verifier = normal_verifier(vkey)
        if len(signature) != 64 or not verifier.verify_raw(
            login_message(self.core.origin, nonce), signature
        ):
            raise RpcError(NOT_ALLOWED, "the login signature does not verify")
        conn.actor = vkey
        conn.roles = [self.core.enrolled[vkey][0]]
        return {"actor": vkey, "roles": conn.roles}

    async def m_tlog_submit(self, conn: Conn, params: dict[str, Any]) -> Any:
        self._require_login(conn)  # before the entry is read (PROTOCOL.md section 4)
        rpc.only(params, "entry")
        text = rpc.get_str(params, "entry")
        index = await self.sequencer.submit(text)
        leaf = merkle.leaf_hash(text.encode("utf-8", "surrogatepass"))
        return {"index": index, "leaf_hash": rpc.b64(leaf)}

    async def m_tlog_checkpoint(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params)
        return {"checkpoint": self._latest().note}

    async def m_tlog_inclusion(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "index", "size")
        index = rpc.get_int(params, "index")
        size = rpc.get_int(params, "size")
        if size > self._latest().size:
            raise RpcError(BEYOND_CHECKPOINT, f"size {size} is beyond the latest checkpoint")
        if index >= size:
            raise RpcError(INVALID_PARAMS, "index must be below size")
        proof = await self.read(self.core.inclusion, index, size)
        return {"proof": [rpc.b64(h) for h in proof]}

    async def m_tlog_consistency(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "old", "new")
        old = rpc.get_int(params, "old")
        new = rpc.get_int(params, "new")
        if new > self._latest().size:
            raise RpcError(BEYOND_CHECKPOINT, f"size {new} is beyond the latest checkpoint")
        if old > new:
            raise RpcError(INVALID_PARAMS, "old must not be larger than new")
        proof = await self.read(self.core.consistency, old, new)
        return {"proof": [rpc.b64(h) for h in proof]}

    async def m_tlog_receipt(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "index", "wait_ms")
        index = rpc.get_int(params, "index")
        wait_ms = rpc.get_int(params, "wait_ms", 0)
        deadline = time.monotonic() + min(wait_ms, self.limits.receipt_wait_cap_ms) / 1000
        while index >= self._latest().size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RpcError(NOT_IN_CHECKPOINT, f"entry {index} is not in a checkpoint yet")
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await self.checkpoint_event.wait()
        return {"receipt": await self._receipt(index)}

    async def m_tlog_leaf_hashes(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "start", "end")
        start = rpc.get_int(params, "start")
        end = rpc.get_int(params, "end")
        if end < start or end - start > self.limits.max_leaf_hashes:
            raise RpcError(
                INVALID_PARAMS, f"need start <= end <= start + {self.limits.max_leaf_hashes}"
            )
        if end > self._latest().size:
            raise RpcError(BEYOND_CHECKPOINT, f"end {end} is beyond the latest checkpoint")
        hashes = await self.read(self.core.leaf_hashes, start, end)
        return {"hashes": [rpc.b64(h) for h in hashes]}

    async def m_case_entries(self, conn: Conn, params: dict[str, Any]) -> Any:
        actor = self._require_login(conn)
        rpc.only(params, "case", "from_index", "limit")
        case = rpc.get_str(params, "case")
        start = rpc.get_int(params, "from_index", 0)
        limit = rpc.get_int(params, "limit", 100, minimum=1, maximum=self.limits.max_case_entries)
        if not may_read(actor, case, self.core.members):
            raise RpcError(NOT_ALLOWED, "only members of the case may read its entries")
        end = self._latest().size
        rows = await self.read(self.core.case_entries, [case], start, end, limit)
        return {"entries": [{"index": i, "entry": t} for i, t, _ in rows]}

    async def m_case_subscribe(self, conn: Conn, params: dict[str, Any]) -> Any:
        actor = self._require_login(conn)
        rpc.only(params, "cases", "from_index")
        start = rpc.get_int(params, "from_index")
        cases = params.get("cases")
        if cases is not None:
            if not isinstance(cases, list) or not all(isinstance(c, str) for c in cases):
                raise RpcError(INVALID_PARAMS, "'cases' must be a list of case ids")
            if len(cases) > 1000:
                raise RpcError(INVALID_PARAMS, "at most 1000 cases per subscription")
            for case in cases:
                if not may_read(actor, case, self.core.members):
                    raise RpcError(NOT_ALLOWED, f"not a member of case {case!r}")
        if len(conn.subs) >= self.limits.max_subscriptions_per_connection:
            raise RpcError(NOT_ALLOWED, "too many subscriptions on this connection")
        sid = f"s{next(self.sub_ids)}"
        sub = Subscription(sid, None if cases is None else set(cases), self._latest().size)
        conn.subs[sid] = sub
        task = asyncio.create_task(self._backfill(conn, sub, start))
        conn.tasks.add(task)
        task.add_done_callback(conn.tasks.discard)
        return {"subscription": sid}

    async def m_case_unsubscribe(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "subscription")
        sid = rpc.get_str(params, "subscription")
        return {"removed": conn.subs.pop(sid, None) is not None}

    async def m_identity_get(self, conn: Conn, params: dict[str, Any]) -> Any:
        """A key's enrolment and the node's approval, as log entries a client can verify
        (docs/protocol.md, "identity.get"); both live in the public case."""
        self._require_login(conn)
        rpc.only(params, "vkey")
        vkey = rpc.get_str(params, "vkey")
        if vkey == self.core.node_vkey:
            return {"status": "node"}
        found = self.core.enrolled.get(vkey)
        if found is None:
            return {"status": "unknown"}
        role, enrol_index, approval_index = found
        out: dict[str, Any] = {"status": "approved", "role": role}
        for name, index in (("enrol", enrol_index), ("approval", approval_index)):
            row = await self.read(self.core.entry_at, index)
            if row is not None:
                out[name] = {"index": index, "entry": row[0]}
        return out

    async def m_verify_hash(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "sha256")
        digest = rpc.parse_digest(params.get("sha256"))
        latest = self._latest()
        indexes = await self.read(self.core.lookup_hash, digest)
        matches = []
        for index in indexes:
            if index >= latest.size:
                continue
            row = await self.read(self.core.entry_at, index)
            seconds = await self.read(self.core.on_chain_time, index)
            if row is None or seconds is None:
                continue
            matches.append(
                {
                    "index": index,
                    "type": row[1],
                    "time": on_chain_text(seconds),
                    "receipt": await self._receipt(index),
                }
            )
        return {"matches": matches}


def normal_verifier(vkey: str) -> Any:
    from ledger.keys import parse_vkey

    return parse_vkey(vkey)


class RunningNode:
    """A node serving in this asyncio loop."""

    def __init__(self, node: Node, host: str, port: int) -> None:
        self.node = node
        self.host = host
        self.port = port

    @property
    def info(self) -> dict[str, Any]:
        return self.node.core.info()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.port}"

    async def close(self) -> None:
        await self.node.close()


async def serve(config: NodeConfig) -> RunningNode:
    """Open the store (fsck), start the sequencer and listen (PROTOCOL.md section 3)."""
    loop = asyncio.get_running_loop()
    core = await loop.run_in_executor(None, NodeCore, config)
    try:
        await loop.run_in_executor(None, core.open)
    except BaseException:
        core.close()
        raise
    node = Node(core)
    try:
        port = await node.start(config.host, config.port)
    except BaseException:
        await node.close()
        raise
    return RunningNode(node, config.host, port)


class EmbeddedNode:
    """A node on a background thread with its own event loop (the desktop's embedded node)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="jcd-embedded-node", daemon=True)
        self.running: RunningNode | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stopped: asyncio.Event | None = None

    @classmethod
    def start(cls, config: NodeConfig, timeout: float = 60.0) -> EmbeddedNode:
        self = cls()
        self._config = config
        self.thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the embedded node did not start")
        if self._error is not None:
            raise self._error
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._main())
        finally:
            # Leave nothing pending: connection handlers and their helpers end here, not in
            # the garbage collector after the loop has closed.
            pending = [t for t in asyncio.all_tasks(self.loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.run_until_complete(self.loop.shutdown_default_executor())
            self.loop.close()

    async def _main(self) -> None:
        self._stopped = asyncio.Event()
        try:
            self.running = await serve(self._config)
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        await self._stopped.wait()
        await self.running.close()

    @property
    def port(self) -> int:
        assert self.running is not None
        return self.running.port

    @property
    def url(self) -> str:
        assert self.running is not None
        return self.running.url

    @property
    def info(self) -> dict[str, Any]:
        assert self.running is not None
        return self.running.info

    def stop(self, timeout: float = 30.0) -> None:
        if self._stopped is not None and self.thread.is_alive():
            self.loop.call_soon_threadsafe(self._stopped.set)
        self.thread.join(timeout)
