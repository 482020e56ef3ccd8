"""The node's WebSocket JSON-RPC server (PROTOCOL.md sections 3-4), and ways to run it.

``serve(config)`` starts a node in the running asyncio loop and returns a ``RunningNode``;
``EmbeddedNode.start(config)`` runs one on a background thread (for the desktop app).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import collections
import contextlib
import contextvars
import gc
import itertools
import logging
import secrets
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from typing import Any

from websockets.asyncio.server import Server, ServerConnection
from websockets.asyncio.server import serve as ws_serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Response

from chain_node import rpc
from chain_node.access import PUBLIC_CASE, may_read, normal_vkey
from chain_node.config import Limits, NodeConfig
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
from chain_node.evidence import EvidenceMethods
from chain_node.sequencer import Sequencer
from chain_node.tree import CacheMiss
from ledger import merkle
from ledger.auth import login_message
from ledger.errors import LedgerError
from ledger.receipt import Receipt

log = logging.getLogger("chain_node.server")

# The connection whose frame (or subscription backfill) is being handled: reads are scheduled
# per client (``ReadScheduler``) without threading the connection through every handler.
current_conn: contextvars.ContextVar[Conn | None] = contextvars.ContextVar("jcd_conn", default=None)


LOGIN_METHODS = frozenset({"auth.challenge", "auth.login"})
GC_FREEZE_CONNECTIONS = 1000  # from this many connections on, see Node._gc_policy
GC_FULL_SECONDS = 600.0


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


class Bucket:
    """A token bucket: ``rate`` tokens a second, at most ``depth`` saved."""

    __slots__ = ("depth", "rate", "stamp", "tokens")

    def __init__(self, rate: float, depth: float) -> None:
        self.rate = rate
        self.depth = depth
        self.tokens = depth
        self.stamp = time.monotonic()

    def level(self, now: float) -> float:
        """The tokens saved now."""
        self.tokens = min(self.depth, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return self.tokens

    def take(self, now: float) -> bool:
        if self.level(now) >= 1:
            self.tokens -= 1
            return True
        return False


class KeyState:
    """What the connections logged in with one key share: a count and a token bucket."""

    __slots__ = ("bucket", "conns")

    def __init__(self, limits: Limits) -> None:
        self.conns = 0
        self.bucket = Bucket(limits.requests_per_second, limits.burst)


class Conn:
    """Per-connection state: login, nonce, rate limits, subscriptions, and the bytes it holds.

    No task or queue of its own while idle (10,000 of these must fit): answers are written by
    the frame's task, notifications by a flush task that lives only while some are queued.
    """

    __slots__ = (
        "actor",
        "bucket",
        "budget",
        "closing",
        "flusher",
        "frame_bytes",
        "frames",
        "gate",
        "held",
        "id",
        "key",
        "last_seen",
        "nonce",
        "opened",
        "outbox",
        "roles",
        "room",
        "subs",
        "tasks",
        "ws",
    )  # fmt: skip

    ids = itertools.count(1)

    def __init__(self, ws: ServerConnection, limits: Limits) -> None:
        self.ws = ws
        self.id = next(self.ids)
        self.actor: str | None = None
        self.roles: list[str] = []
        self.nonce: str | None = None
        self.key: KeyState | None = None
        self.bucket = Bucket(limits.anonymous_requests_per_second, limits.anonymous_burst)
        self.opened = self.last_seen = time.monotonic()
        self.subs: dict[str, Subscription] = {}
        self.frames = 0  # frames being handled
        self.frame_bytes = 0  # ... and their size
        self.room: asyncio.Future[None] | None = None  # the reader waits here when full
        self.held = 0  # bytes of answers and notifications not yet handed to the socket
        self.outbox: collections.deque[bytes] = collections.deque()
        self.flusher: asyncio.Task[None] | None = None
        self.tasks: set[asyncio.Task[Any]] = set()
        self.closing = False
        self.budget = limits.connection_buffer_bytes
        self.gate: asyncio.Semaphore | None = None  # see big_answer

    @contextlib.asynccontextmanager
    async def big_answer(self) -> AsyncIterator[None]:
        """One big answer (a page, many hashes or receipts) built at a time per connection:
        what is being built is bounded too, not only what waits for the socket; pipelined
        requests wait their turn (back-pressure, not a cut-off)."""
        if self.gate is None:
            self.gate = asyncio.Semaphore(1)
        async with self.gate:
            yield

    def take_token(self, shared: Bucket | None) -> bool:
        """One request's token: logged in, from its key's bucket (shared by the key's
        connections); anonymous, from this connection's and from ``shared``, the anonymous
        connections' common bucket (None for the login methods)."""
        now = time.monotonic()
        if self.key is not None:
            return self.key.bucket.take(now)
        return self.bucket.take(now) and (shared is None or shared.take(now))

    # -- the byte budget -------------------------------------------------------------------

    def buffered(self) -> int:
        """Bytes this connection holds in the node: ours not yet written, and the transport's
        write buffer (what the socket has not taken yet)."""
        transport = self.ws.transport
        return self.held + (transport.get_write_buffer_size() if transport else 0)

    def hold(self, size: int, what: str) -> bool:
        """Count ``size`` more bytes against the budget; False (and cut off) if over it."""
        if self.closing:
            return False
        waiting = self.buffered()
        if waiting and waiting + size > self.budget:  # alone, one message of any size goes
            self.close_soon(1008, f"{what} not read: more than {self.budget} bytes waiting")
            return False
        self.held += size
        return True

    async def send(self, data: bytes, what: str = "answers") -> None:
        """Write one answer frame (back-pressure: waits while the socket is full)."""
        if not self.hold(len(data), what):
            return
        self.held -= len(data)  # ws.send hands it to the transport before it first waits
        with contextlib.suppress(ConnectionClosed):
            await self.ws.send(data, text=True)

    def push(self, data: bytes) -> None:
        """Queue a notification; a connection that lets them pile up is cut off."""
        if not self.hold(len(data), "notifications"):
            return
        self.outbox.append(data)
        if self.flusher is None:
            self.flusher = asyncio.create_task(self._flush())

    async def _flush(self) -> None:
        try:
            while self.outbox:
                data = self.outbox.popleft()
                self.held -= len(data)
                await self.ws.send(data, text=True)
        except ConnectionClosed:
            pass
        finally:
            self.flusher = None

    async def drained(self) -> None:
        """Wait until the queued notifications are handed to the socket (backfill pacing)."""
        while self.flusher is not None and not self.closing:
            await asyncio.shield(self.flusher)

    def close_soon(self, code: int, reason: str) -> None:
        """Close with ``code``; a peer that does not read cannot take the close frame, so the
        socket is aborted after 2 s (``ws.close`` alone would wait for it for ever)."""
        if self.closing:
            return
        self.closing = True
        who = self.actor[:16] if self.actor else "anonymous"
        # a cut-off is worth a warning; evictions and timeouts come in floods: debug
        level = logging.WARNING if "not read" in reason else logging.DEBUG
        log.log(level, "closing connection %s (%s): %s %s", self.id, who, code, reason)
        self.outbox.clear()
        self.held = 0
        task = asyncio.ensure_future(self._close(code, reason))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _close(self, code: int, reason: str) -> None:
        try:
            async with asyncio.timeout(2):
                await self.ws.close(code, reason)
        except TimeoutError:
            self.ws.transport.abort()

    def frame_done(self, size: int) -> None:
        self.frames -= 1
        self.frame_bytes -= size
        if self.room is not None and not self.room.done():
            self.room.set_result(None)


class ReadScheduler:
    """Database reads on a few threads, served round-robin across clients (a key, or one
    anonymous connection): a burst of proof requests from one client delays another's read
    by at most the reads already running, not by the whole burst."""

    def __init__(self, workers: int) -> None:
        self.pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="jcd-read")
        self.workers = max(1, workers)
        self.busy = 0
        self.closed = False
        self.queues: collections.OrderedDict[Any, collections.deque[Any]] = (
            collections.OrderedDict()
        )

    async def run(self, owner: Any, fn: Callable[..., Any], *args: Any) -> Any:
        if self.closed:
            raise RpcError(INTERNAL_ERROR, "the node is shutting down")
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        queue = self.queues.get(owner)
        if queue is None:
            queue = self.queues[owner] = collections.deque()
        queue.append((fut, fn, args))
        self._pump()
        return await fut

    def _pump(self) -> None:
        loop = asyncio.get_running_loop()
        while self.busy < self.workers and self.queues and not self.closed:
            owner, queue = next(iter(self.queues.items()))
            fut, fn, args = queue.popleft()
            if queue:
                self.queues.move_to_end(owner)  # next turn goes to the next client
            else:
                del self.queues[owner]
            if fut.done():  # its request was cancelled (the connection went away)
                continue
            self.busy += 1
            job = loop.run_in_executor(self.pool, fn, *args)
            job.add_done_callback(lambda j, f=fut: self._done(j, f))

    def _done(self, job: asyncio.Future[Any], fut: asyncio.Future[Any]) -> None:
        self.busy -= 1
        if not fut.done():
            if job.cancelled():
                fut.cancel()
            elif job.exception() is not None:
                fut.set_exception(job.exception())  # type: ignore[arg-type]
            else:
                fut.set_result(job.result())
        elif not job.cancelled():
            job.exception()  # retrieved: no "never retrieved" noise
        self._pump()

    def shutdown(self) -> None:
        self.closed = True
        for queue in self.queues.values():
            for fut, _fn, _args in queue:
                fut.cancel()
        self.queues.clear()
        self.pool.shutdown(wait=True, cancel_futures=True)


class Node:
    """The method handlers and the connections of one node."""

    def __init__(self, core: NodeCore) -> None:
        self.core = core
        self.limits = core.limits
        self.sequencer = Sequencer(core, self._on_commit)
        self.reads = ReadScheduler(self.limits.read_workers)
        self.conns: set[Conn] = set()
        self.listeners: set[Conn] = set()  # the connections with a subscription
        self.anonymous: dict[Conn, None] = {}  # not logged in, oldest first (eviction order)
        self.anonymous_at: collections.Counter[str] = collections.Counter()  # ... by address
        self.arrivals: dict[str, Bucket] = {}  # new connections, by address
        self.enrolling = asyncio.Semaphore(max(1, self.limits.max_concurrent_enrolments))
        self.keys: dict[str, KeyState] = {}  # logged-in keys and what their connections share
        self.anonymous_bucket = Bucket(
            self.limits.anonymous_total_requests_per_second, self.limits.anonymous_total_burst
        )
        self.max_connections = _fd_capped(self.limits.max_connections)
        self.idle_scan_at = 0.0  # next scan for logged-in connections gone idle
        self.checkpoint_due: asyncio.TimerHandle | None = None
        self.checkpoint_sent = 0.0  # loop time of the last tlog.checkpoint notification
        self.gc_full_at = 0.0  # see _gc_policy; 0: not freezing
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
        # encrypted evidence: ciphertext only (docs/protocol.md, "Encrypted evidence")
        self.methods.update(EvidenceMethods(self).methods())

    # -- life cycle ----------------------------------------------------------------------------

    async def start(self, host: str, port: int) -> int:
        self.sequencer.start()
        self.background.append(asyncio.create_task(self._approval_loop(), name="jcd-approvals"))
        self.background.append(asyncio.create_task(self._trigger_loop(), name="jcd-triggers"))
        self.background.append(asyncio.create_task(self._idle_loop(), name="jcd-idle"))
        self.server = await ws_serve(
            self._handle,
            host,
            port,
            max_size=self.limits.max_frame_bytes,
            compression=None,
            process_request=self._admit,
            # a peer that answers no ping for 80 s is gone: closed (PROTOCOL.md section 5);
            # 10,000 desks at 20 s were 500 pings a second, a tenth of the event loop
            ping_interval=60,
            ping_timeout=20,
            # frames received but not yet taken by _handle: a few, then TCP back-pressure
            max_queue=8,
            backlog=2048,  # a burst of connects waits in the queue, not in SYN retries
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
        if self.checkpoint_due is not None:
            self.checkpoint_due.cancel()
        if self.gc_full_at:
            gc.unfreeze()
        await self.sequencer.close()
        self.reads.shutdown()
        await asyncio.get_running_loop().run_in_executor(None, self.core.close)

    async def read(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(db_connection, *args)`` on a reader thread, in the current client's turn."""
        conn = current_conn.get()
        owner: Any = "node" if conn is None else (conn.actor or conn)
        return await self.reads.run(owner, self.core.read, fn, *args)

    async def _approval_loop(self) -> None:
        """Log the enrolments the operator approved (``node approve``) while we run."""
        while True:
            try:
                due = await self.reads.run("node", self.core.approvals_due)
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
        if not self._make_room():
            await ws.close(1013, "the node is full: try again later")
            return
        conn = Conn(ws, self.limits)
        self.conns.add(conn)
        self._set_anonymous(conn, True)
        token = current_conn.set(conn)
        loop = asyncio.get_running_loop()
        cap = self.limits.max_inflight_per_connection
        try:
            async for message in ws:
                conn.last_seen = time.monotonic()
                size = len(message)
                # back-pressure: frames being handled are bounded in number and in bytes
                while conn.frames >= cap or (conn.frames and conn.frame_bytes + size > conn.budget):
                    conn.room = loop.create_future()
                    await conn.room
                conn.frames += 1
                conn.frame_bytes += size
                task = asyncio.create_task(self._frame(conn, message))
                conn.tasks.add(task)
                task.add_done_callback(
                    lambda t, c=conn, n=size: (c.tasks.discard(t), c.frame_done(n))
                )
        except ConnectionClosed:
            pass
        finally:
            current_conn.reset(token)
            self._forget(conn)
            for task in list(conn.tasks):
                task.cancel()
            if conn.flusher is not None:
                conn.flusher.cancel()

    def _admit(self, ws: ServerConnection, request: Any) -> Response | None:
        """Before the handshake, HTTP 503 for an address that opens connections too fast or
        holds too many not logged in: cheaper than a handshake, and a flood from a few
        addresses can neither churn the node nor evict everyone else's new connections."""
        address = _address(ws, self.limits.trusted_proxies)
        bucket = self.arrivals.get(address)
        if bucket is None:
            lim = self.limits
            bucket = Bucket(
                lim.connections_per_address_per_second, lim.connections_per_address_burst
            )
            self.arrivals[address] = bucket
        if not bucket.take(time.monotonic()):
            return ws.respond(HTTPStatus.SERVICE_UNAVAILABLE, "too many new connections\n")
        held = self.anonymous_at[address]
        if held >= self.limits.max_anonymous_per_address:
            return ws.respond(
                HTTPStatus.SERVICE_UNAVAILABLE, "too many connections not logged in\n"
            )
        if held and self._full() and held >= max(self.anonymous_at.values()):
            # full, and this address holds the most connections not logged in: it could only
            # evict its own (a flood churning handshakes); everyone else still gets room
            return ws.respond(
                HTTPStatus.SERVICE_UNAVAILABLE, "the node is full: log in on the connections open\n"
            )
        return None

    def _set_anonymous(self, conn: Conn, anonymous: bool) -> None:
        address = _address(conn.ws, self.limits.trusted_proxies)
        if anonymous:
            self.anonymous[conn] = None
            self.anonymous_at[address] += 1
        elif self.anonymous.pop(conn, 0) is None:
            self.anonymous_at[address] -= 1
            if self.anonymous_at[address] <= 0:
                del self.anonymous_at[address]

    def _full(self) -> bool:
        return (
            len(self.conns) >= self.max_connections
            or len(self.anonymous) >= self.limits.max_anonymous_connections
        )

    def _make_room(self) -> bool:
        """Room for one more connection: when full (or at the anonymous cap) the oldest
        anonymous connection of the address holding the most is evicted (a flood from a few
        addresses evicts its own, not everyone's); logged-in ones never are. False: no room."""
        if not self._full():
            return True
        most = max(self.anonymous_at.values(), default=0)
        victim = next(
            (
                c
                for c in self.anonymous
                if self.anonymous_at[_address(c.ws, self.limits.trusted_proxies)] == most
            ),
            None,
        )
        if victim is None:
            return False
        self._set_anonymous(victim, False)
        victim.close_soon(1013, "the node is full: the oldest connection not logged in goes")
        return True

    def _forget(self, conn: Conn) -> None:
        self.conns.discard(conn)
        self._set_anonymous(conn, False)
        conn.subs.clear()
        self.listeners.discard(conn)
        self._log_out(conn)

    def _log_out(self, conn: Conn) -> None:
        if conn.key is not None and conn.actor is not None:
            conn.key.conns -= 1
            if conn.key.conns <= 0:
                self.keys.pop(conn.actor, None)
        conn.key = None

    async def _idle_loop(self) -> None:
        """Close connections that never logged in, and logged-in ones that went silent with
        no subscription; a subscribed connection lives as long as it answers pings."""
        lim = self.limits
        step = max(0.05, min(1.0, lim.login_timeout_seconds / 4, lim.idle_timeout_seconds / 4))
        while True:
            await asyncio.sleep(step)
            now = time.monotonic()
            for conn in list(self.anonymous):  # oldest first
                if now - conn.opened < lim.login_timeout_seconds:
                    break
                self._set_anonymous(conn, False)
                conn.close_soon(1008, f"not logged in within {lim.login_timeout_seconds:g} s")
            for address, bucket in list(self.arrivals.items()):
                if bucket.level(now) >= bucket.depth:
                    del self.arrivals[address]  # full again: forget the address
            self._gc_policy(now)
            if now < self.idle_scan_at:  # 10,000 connections: scanned every 1/20 of the timeout
                continue
            self.idle_scan_at = now + lim.idle_timeout_seconds / 20
            for conn in list(self.conns):
                if conn.actor is None or conn.subs or conn.frames or conn.closing:
                    continue
                if now - conn.last_seen >= lim.idle_timeout_seconds:
                    conn.close_soon(1008, f"idle for {lim.idle_timeout_seconds:g} s")

    def _gc_policy(self, now: float) -> None:
        """With thousands of connections (a million objects), a full garbage collection
        stops the node for seconds, whenever Python decides. So objects that live past a
        second are frozen (never scanned again), and the full collection runs every
        ``GC_FULL_SECONDS`` instead: cyclic garbage of a closed connection waits until then."""
        if len(self.conns) < GC_FREEZE_CONNECTIONS:
            if self.gc_full_at:
                gc.unfreeze()
                self.gc_full_at = 0.0
            return
        if now >= self.gc_full_at:
            gc.unfreeze()
            if self.gc_full_at:  # not the first time: a full collection, then freeze
                gc.collect()
            self.gc_full_at = now + GC_FULL_SECONDS
        gc.freeze()

    async def _frame(self, conn: Conn, message: str | bytes) -> None:
        try:
            answer = await self._answer_frame(conn, message)
        except Exception:  # pragma: no cover - _answer_frame answers every error itself
            log.exception("frame failed")
            answer = rpc.dumps_bytes(rpc.error(None, RpcError(INTERNAL_ERROR)))
        if answer is not None:
            await conn.send(answer)

    async def _answer_frame(self, conn: Conn, message: str | bytes) -> bytes | None:
        """The answer frame, serialized; None when there is none (notifications only)."""
        try:
            data = rpc.parse_frame(message)
        except RpcError as exc:
            return rpc.dumps_bytes(rpc.error(None, exc))
        del message  # a big frame is not kept while its requests run
        if not isinstance(data, list):
            answer = await self._request(conn, data)
            return None if answer is None else rpc.dumps_bytes(answer)
        if not data:
            return rpc.dumps_bytes(rpc.error(None, RpcError(INVALID_REQUEST, "empty batch")))
        if len(data) > self.limits.max_batch_requests:
            err = f"a batch holds at most {self.limits.max_batch_requests} requests"
            return rpc.dumps_bytes(rpc.error(None, RpcError(INVALID_REQUEST, err)))
        # Each member's answer is serialized and counted against the connection's byte
        # budget as it comes (a batch of big pages cannot pile up unseen); submits take the
        # fast path (small answers, no task each).
        requests = [self._fast_submit(conn, obj) or self._held_answer(conn, obj) for obj in data]
        del data
        parts = await asyncio.gather(*requests)
        held = 0
        out = []
        for part in parts:
            if isinstance(part, tuple):
                held += part[1]
                out.append(part[0])
            elif part is not None:
                out.append(rpc.dumps_bytes(part))
        conn.held -= held
        if not out or conn.closing:
            return None
        return b"[" + b",".join(out) + b"]"

    async def _held_answer(self, conn: Conn, obj: Any) -> tuple[bytes, int] | None:
        answer = await self._request(conn, obj)
        if answer is None:
            return None
        data = rpc.dumps_bytes(answer)
        if not conn.hold(len(data), "answers"):
            return (b"", 0)
        return data, len(data)

    async def _request(self, conn: Conn, obj: Any) -> dict[str, Any] | None:
        rid: Any = None
        notification = False
        try:
            if isinstance(obj, dict) and rpc.valid_id(obj.get("id")):
                rid = obj.get("id")
            rid, method, params, notification = rpc.check_request(obj)
            shared = None if method in LOGIN_METHODS else self.anonymous_bucket
            if not conn.take_token(shared):
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
        if not conn.take_token(self.anonymous_bucket):
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
        # each entry's JSON once, not once per subscriber (a public entry goes to thousands)
        tails = [_entry_tail(index, text) for index, text, _case in committed.entries]
        for conn in list(self.listeners):
            for (index, text, case), tail in zip(committed.entries, tails, strict=True):
                for sub in list(conn.subs.values()):
                    if index < sub.live_from or not sub.wants(conn.actor, case, members):
                        continue
                    if sub.buffer is not None:  # backfill still running: counted, kept
                        if conn.hold(len(text), "notifications"):
                            sub.buffer.append((index, text, case))
                    else:
                        conn.push(_entry_head(sub.id) + tail)
        if committed.checkpoint is not None and self.checkpoint_due is None:
            loop = asyncio.get_running_loop()
            wait = self.checkpoint_sent + self.limits.checkpoint_notify_seconds - loop.time()
            self.checkpoint_due = loop.call_later(max(0.0, wait), self._notify_checkpoint)

    def _notify_checkpoint(self) -> None:
        """The latest checkpoint to every subscribed connection, at most once every
        ``checkpoint_notify_seconds``: 10,000 desks are not sent (nor ask a consistency proof
        for) every checkpoint of a busy log, only the newest."""
        self.checkpoint_due = None
        self.checkpoint_sent = asyncio.get_running_loop().time()
        latest = self.core.latest
        if latest is None:  # pragma: no cover - open() always writes the size-0 checkpoint
            return
        data = rpc.dumps_bytes(rpc.notification("tlog.checkpoint", {"checkpoint": latest.note}))
        for conn in list(self.listeners):
            conn.push(data)

    async def _backfill(self, conn: Conn, sub: Subscription, start: int) -> None:
        members = self.core.members
        if sub.cases is None:
            cases = [c for c, m in members.items() if conn.actor in m and c != PUBLIC_CASE]
        else:
            cases = sorted(sub.cases)
        cursor = start
        while cursor < sub.live_from and cases and not conn.closing:
            rows = await self.read(self.core.case_entries, cases, cursor, sub.live_from, 64)
            for index, text, case in rows:
                if sub.wants(conn.actor, case, members):
                    # paced by what the client reads: a long history streams to it within
                    # its byte budget (a client that stops reading stalls only itself)
                    if conn.buffered() > min(conn.budget // 2, BACKFILL_WINDOW):
                        await conn.drained()
                    conn.push(_entry_note(sub.id, index, text))
            if not rows:
                break
            cursor = rows[-1][0] + 1
        pending, sub.buffer = sub.buffer or [], None
        conn.held -= sum(len(text) for _index, text, _case in pending)
        for index, text, _case in pending:
            conn.push(_entry_note(sub.id, index, text))

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

    async def _proof(self, fn: Callable[..., list[bytes]], a: int, b: int) -> list[bytes]:
        """From the subtree cache on the event loop (a few dict lookups and hashes, no queue)
        when it holds every node, else on a reader thread in the client's turn."""
        try:
            return fn(None, a, b)
        except CacheMiss:
            return await self.read(fn, a, b)

    async def _receipt(self, index: int) -> str:
        latest = self._latest()
        proof = await self._proof(self.core.inclusion, index, latest.size)
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
        # a few at a time: a storm of enrolments must not queue ahead of every batch commit
        async with self.enrolling:
            status = await self.sequencer.write(self.core.enrolment_request, text, statement)
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
            raise RpcError(UNKNOWN_KEY, self.core.unknown_reason(vkey))  # or revoked at N
        verifier = normal_verifier(vkey)
        if len(signature) != 64 or not verifier.verify_raw(
            login_message(self.core.origin, nonce), signature
        ):
            raise RpcError(NOT_ALLOWED, "the login signature does not verify")
        if conn.actor != vkey:
            key = self.keys.get(vkey)
            if key is not None and key.conns >= self.limits.max_connections_per_key:
                raise RpcError(
                    TOO_MANY_REQUESTS,
                    f"this key is logged in on {key.conns} connections already (the most)",
                )
            self._log_out(conn)
            if key is None:
                key = self.keys[vkey] = KeyState(self.limits)
            key.conns += 1
            conn.key = key
            conn.actor = vkey
            self._set_anonymous(conn, False)
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
        proof = await self._proof(self.core.inclusion, index, size)
        return {"proof": [rpc.b64(h) for h in proof]}

    async def m_tlog_consistency(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "old", "new")
        old = rpc.get_int(params, "old")
        new = rpc.get_int(params, "new")
        if new > self._latest().size:
            raise RpcError(BEYOND_CHECKPOINT, f"size {new} is beyond the latest checkpoint")
        if old > new:
            raise RpcError(INVALID_PARAMS, "old must not be larger than new")
        proof = await self._proof(self.core.consistency, old, new)
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
        async with conn.big_answer():
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
        async with conn.big_answer():
            return {"entries": await self._page(case, start, limit)}

    async def _page(self, case: str, start: int, limit: int) -> list[dict[str, Any]]:
        """Read in parts, each its own turn at the database, and stop at max_page_bytes: a
        page of big entries neither holds a reader long nor outgrows a connection's budget."""
        end = self._latest().size
        entries: list[dict[str, Any]] = []
        size = 0
        while len(entries) < limit and size < self.limits.max_page_bytes:
            part = min(64, limit - len(entries))
            rows = await self.read(self.core.case_entries, [case], start, end, part)
            for i, t, _ in rows:
                if entries and size + len(t) > self.limits.max_page_bytes:
                    return entries
                entries.append({"index": i, "entry": t})
                size += len(t)
            if len(rows) < part:
                break
            start = rows[-1][0] + 1
        return entries

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
        self.listeners.add(conn)
        task = asyncio.create_task(self._backfill(conn, sub, start))
        conn.tasks.add(task)
        task.add_done_callback(conn.tasks.discard)
        return {"subscription": sid}

    async def m_case_unsubscribe(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "subscription")
        sid = rpc.get_str(params, "subscription")
        removed = conn.subs.pop(sid, None) is not None
        if not conn.subs:
            self.listeners.discard(conn)
        return {"removed": removed}

    async def m_identity_get(self, conn: Conn, params: dict[str, Any]) -> Any:
        """A key's enrolment and the node's approval, as log entries a client can verify
        (docs/protocol.md, "identity.get"); both live in the public case."""
        self._require_login(conn)
        rpc.only(params, "vkey")
        vkey = rpc.get_str(params, "vkey")
        return await self.read(self.core.identity, vkey)  # revoked keys too (core.identity)

    async def m_verify_hash(self, conn: Conn, params: dict[str, Any]) -> Any:
        rpc.only(params, "sha256")
        digest = rpc.parse_digest(params.get("sha256"))
        async with conn.big_answer():
            return {"matches": await self._matches(digest)}

    async def _matches(self, digest: bytes) -> list[dict[str, Any]]:
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
        return matches


def _address(ws: ServerConnection, trusted_proxies: tuple[str, ...] = ()) -> str:
    """The client's address for per-address limits: the peer's, or, when the peer is a
    trusted reverse proxy, the hop it appended last to X-Forwarded-For (earlier hops are the
    client's own words and may be forged)."""
    peer = ws.remote_address
    host = str(peer[0]) if peer else "?"
    request = ws.request
    if host in trusted_proxies and request is not None:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last[:64]
    return host


# A backfill runs at most this far ahead of what the client has read: plenty for a reader
# (the socket holds more), and a subscriber that stops reading costs the node this much work
# and memory, not half its byte budget (8 MiB of pages read and encoded for nothing).
BACKFILL_WINDOW = 256 * 1024


def _entry_head(sid: str) -> bytes:
    return b'{"jsonrpc":"2.0","method":"case.entry","params":{"subscription":' + rpc.dumps_bytes(
        sid
    )


def _entry_tail(index: int, text: str) -> bytes:
    """``_entry_note`` less its head: the same bytes, for ``_entry_head(sid) + tail``."""
    return b',"index":%d,"entry":%s}}' % (index, rpc.dumps_bytes(text))


def _entry_note(sid: str, index: int, text: str) -> bytes:
    params = {"subscription": sid, "index": index, "entry": text}
    return rpc.dumps_bytes(rpc.notification("case.entry", params))


def _fd_capped(wanted: int) -> int:
    """``max_connections``, lowered to fit the process's open-file limit (each connection is a
    socket; keep 64 descriptors for the database, logs and keys)."""
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):  # pragma: no cover - not POSIX
        return wanted
    if soft == resource.RLIM_INFINITY or soft - 64 >= wanted:
        return wanted
    capped = max(16, soft - 64)
    log.warning("max_connections %s lowered to %s: the open-file limit is %s", wanted, capped, soft)
    return capped


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
