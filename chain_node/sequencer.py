"""The batching sequencer (PROTOCOL.md section 4, ``tlog.submit``).

verify (thread pool, in chunks; Ed25519 verification releases the GIL) -> batch (by count
``batch_max_entries`` and by a short window ``batch_window_ms``) -> one transaction on the single
database thread (entries, subtree nodes, members, document hashes, and the checkpoint signed
for the new size) -> answer. Items are committed in arrival order. The same entry submitted
twice (or while the first copy is in flight) gets the same index. An index is answered only
after the commit holding it; a failed commit answers its whole batch with a retryable -32603.

The database thread is the node's one writer: every other write (an enrolment request) goes
through ``write``, so no two transactions of this node ever wait on each other's locks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, TypeVar

from chain_node.core import Committed, Item, NodeCore
from chain_node.errors import INTERNAL_ERROR, RpcError
from chain_node.verify import check_chunk
from ledger import merkle

log = logging.getLogger("chain_node.sequencer")

T = TypeVar("T")


class Sequencer:
    def __init__(self, core: NodeCore, on_commit: Callable[[Committed], None]) -> None:
        self.core = core
        self.limits = core.limits
        self.on_commit = on_commit
        self.inbox: asyncio.Queue[Item] = asyncio.Queue()
        self.chunks: asyncio.Queue[asyncio.Future[list[Item]]] = asyncio.Queue(maxsize=64)
        self.inflight: dict[tuple[str, bytes], Item] = {}
        self.verify_pool = ThreadPoolExecutor(
            max(1, self.limits.verify_workers), thread_name_prefix="jcd-verify"
        )
        self.process_pool: ProcessPoolExecutor | None = None
        if self.limits.verify_processes > 0:
            self.process_pool = ProcessPoolExecutor(
                self.limits.verify_processes, mp_context=multiprocessing.get_context("spawn")
            )
        self.db_pool = ThreadPoolExecutor(1, thread_name_prefix="jcd-sequencer")
        self.tasks: list[asyncio.Task[None]] = []
        self.closed = False

    def start(self) -> None:
        self.tasks = [
            asyncio.create_task(self._verify_loop(), name="jcd-verify"),
            asyncio.create_task(self._commit_loop(), name="jcd-commit"),
        ]

    async def close(self) -> None:
        self.closed = True
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for item in list(self.inflight.values()):
            for fut in item.waiters:
                if not fut.done():
                    fut.set_exception(RpcError(INTERNAL_ERROR, "the node is shutting down"))
        self.verify_pool.shutdown(wait=True, cancel_futures=True)
        if self.process_pool is not None:
            self.process_pool.shutdown(wait=True, cancel_futures=True)
        self.db_pool.shutdown(wait=True)

    async def write(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on the sequencer's database thread (the node's one writer), between
        batch commits; e.g. ``write(core.enrolment_request, text, statement)``."""
        if self.closed:
            raise RpcError(INTERNAL_ERROR, "the node is shutting down")
        return await asyncio.get_running_loop().run_in_executor(self.db_pool, fn, *args)

    async def submit(self, text: str, kind: str = "submit", role: str | None = None) -> Any:
        """Queue an entry; resolve with its index (or raise RpcError) once committed."""
        return await asyncio.shield(self.enqueue(text, kind, role))

    def enqueue(
        self, text: str, kind: str = "submit", role: str | None = None
    ) -> asyncio.Future[Any]:
        """Queue an entry; the future resolves with its index (or RpcError) once committed."""
        if self.closed:
            raise RpcError(INTERNAL_ERROR, "the node is shutting down")
        leaf = merkle.leaf_hash(text.encode("utf-8", "surrogatepass"))
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[Any] = loop.create_future()
        fut.add_done_callback(_consume)
        key = (kind, leaf)
        item = self.inflight.get(key)
        if item is None:
            item = Item(kind=kind, text=text, leaf=leaf, role=role)
            self.inflight[key] = item
            self.inbox.put_nowait(item)
        item.waiters.append(fut)
        return fut

    # -- stage 1: verification -----------------------------------------------------------------

    async def _verify_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            first = await self.inbox.get()
            batch = [first]
            while len(batch) < self.limits.batch_max_entries and not self.inbox.empty():
                batch.append(self.inbox.get_nowait())
            if self.process_pool is not None:
                fut = asyncio.ensure_future(self._verify_in_processes(loop, batch))
            else:
                workers = max(1, self.limits.verify_workers)
                if len(batch) < 8 or workers == 1:
                    fut = loop.run_in_executor(self.verify_pool, self._verify, batch)
                else:
                    step = -(-len(batch) // workers)
                    parts = [batch[i : i + step] for i in range(0, len(batch), step)]
                    fut = asyncio.ensure_future(self._verify_parts(loop, parts, batch))
            await self.chunks.put(fut)

    async def _verify_parts(
        self, loop: asyncio.AbstractEventLoop, parts: list[list[Item]], batch: list[Item]
    ) -> list[Item]:
        await asyncio.gather(
            *(loop.run_in_executor(self.verify_pool, self._verify, p) for p in parts)
        )
        return batch

    async def _verify_in_processes(
        self, loop: asyncio.AbstractEventLoop, batch: list[Item]
    ) -> list[Item]:
        """Enrolment of the claimed actor here; the rest in worker processes, in parts."""
        assert self.process_pool is not None
        todo = []
        for item in batch:
            if item.kind != "enrol":
                try:
                    self.core.check_claimed(item.text)
                except RpcError as exc:
                    item.error = exc
                    continue
            todo.append(item)
        workers = self.limits.verify_processes
        step = max(16, -(-len(todo) // workers))
        parts = [todo[i : i + step] for i in range(0, len(todo), step)]
        now_ts = self.core.config.clock.now().timestamp()
        lim = self.limits
        results = await asyncio.gather(
            *(
                loop.run_in_executor(
                    self.process_pool,
                    check_chunk,
                    [(it.text, it.kind == "enrol") for it in part],
                    self.core.origin,
                    lim.max_entry_bytes,
                    lim.future_skew_seconds,
                    now_ts,
                    lim.past_skew_seconds,
                )
                for part in parts
            ),
            return_exceptions=True,
        )
        for part, result in zip(parts, results, strict=True):
            if isinstance(result, BaseException):
                for it in part:
                    it.error = RpcError(INTERNAL_ERROR, "verification failed; resend")
                continue
            for it, value in zip(part, result, strict=True):
                if isinstance(value, tuple):
                    it.error = RpcError(value[0], value[1])
                    continue
                if it.kind != "enrol":
                    try:
                        self.core.check_enrolled(value.actor)
                    except RpcError as exc:
                        it.error = exc
                        continue
                it.statement = value
        return batch

    def _verify(self, items: list[Item]) -> list[Item]:
        for item in items:
            try:
                # an enrolment is checked for freshness when requested, not when approved
                enrol = item.kind == "enrol"
                item.statement = self.core.check_entry(item.text, enrol=enrol, fresh=not enrol)
            except RpcError as exc:
                item.error = exc
            except Exception as exc:  # never let one entry stop the pipeline
                log.exception("verification failed")
                item.error = RpcError(INTERNAL_ERROR, f"verification failed: {exc}")
        return items

    # -- stage 2: batch and commit -------------------------------------------------------------

    async def _commit_loop(self) -> None:
        loop = asyncio.get_running_loop()
        window = self.limits.batch_window_ms / 1000.0
        while True:
            first = await self.chunks.get()
            items = list(await first)
            deadline = time.monotonic() + window
            while len(items) < self.limits.batch_max_entries:
                remaining = deadline - time.monotonic()
                if remaining <= 0 and self.chunks.empty():
                    break
                try:
                    # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow the
                    # cancellation that stops the node
                    async with asyncio.timeout(max(remaining, 0)):
                        nxt = await self.chunks.get()
                except TimeoutError:
                    break
                items += await nxt
            try:
                committed = await loop.run_in_executor(self.db_pool, self.core.commit_batch, items)
            except Exception as exc:  # pragma: no cover - commit_batch catches its own errors
                log.exception("commit failed")
                committed = Committed([], None)
                for it in items:
                    if it.result is None and it.error is None:
                        it.error = RpcError(INTERNAL_ERROR, str(exc))
            self._answer(items)
            if committed.entries:
                try:
                    self.on_commit(committed)
                except Exception:  # pragma: no cover
                    log.exception("notification failed")

    def _answer(self, items: list[Item]) -> None:
        for it in items:
            self.inflight.pop((it.kind, it.leaf), None)
            for fut in it.waiters:
                if fut.done():
                    continue
                if it.error is not None:
                    fut.set_exception(it.error)
                elif it.result is None:
                    fut.set_exception(RpcError(INTERNAL_ERROR, "the entry was not sequenced"))
                else:
                    fut.set_result(it.result)


def _consume(fut: asyncio.Future[Any]) -> None:
    """Mark an answer as retrieved even if its caller went away (no 'never retrieved' noise)."""
    if not fut.cancelled():
        fut.exception()
