"""Keeping one desktop in sync with a judicial chain node, offline first (PROTOCOL.md 5).

``ChainClient.run()`` connects, pins the log's keys, logs in, sends the outbox in batches,
fetches and verifies a receipt for every entry, follows the log's checkpoints with consistency
proofs, and ingests the other members' entries of its cases after verifying signature and
inclusion. When the node goes away it reconnects with backoff and resumes: pending entries are
sent again (the node gives a resent entry its first index) and ingest resumes from the last
index stored, so nothing is lost and nothing is stored twice.

An index is only a claim until a receipt for exactly that leaf verifies. Whatever is still
``submitted`` after a reconnect, or whose receipt does not verify, or which is not in a
checkpoint ``unconfirmed_after_s`` after it was sent, is looked up by its leaf hash
(``verify.hash``): a match whose receipt verifies confirms it at its true index, otherwise it goes
back to ``pending`` and is sent again.

Writes never commit on the event loop: each is a function of a session handed to the profile's
writer (``desk.writer.Writer``, passed as ``writer``), which runs it on its own thread, and the
coroutine awaits it, so a slow fsync never stalls the websocket. Each write names what it
changed (cases, types, receipts, outbox) for the desk's change events. A client used on its own
(tests, key rotation) gets a writer thread of its own (``OwnWriter``).
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import contextlib
import logging
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from chain_client.checkpoints import CheckpointTracker, decode_proof
from chain_client.errors import ChainAlarm, ChainError, NodeUnreachable, PinMismatch, RemoteError
from chain_client.lookup import hash_matches
from chain_client.rpc import RpcClient
from ledger.auth import login_message
from ledger.clock import Clock, format_time, parse_time
from ledger.errors import LedgerError
from ledger.keys import SIG_COSIGNATURE_V1, SigningKey, Verifier, parse_vkey
from ledger.receipt import Receipt, parse_receipt, verify_receipt
from ledger.statement import Entry, build_statement, open_entry, parse_entry, sign_statement
from ledger.store.append import append, reject
from ledger.store.models import ChainPin, LogEntry, OutboxItem
from ledger.store.models import Receipt as ReceiptRow
from ledger.store.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

# JSON-RPC codes of PROTOCOL.md section 4 that say "this entry will never be accepted". On a
# logged-in connection -32004 means the signer may not write in that case (membership).
REJECTING = {-32003, -32004, -32602, -32600}
UNKNOWN_KEY = -32001  # the signer's enrolment may still be approved: keep it pending
NOT_IN_CHECKPOINT = -32002
TOO_MANY_REQUESTS = -32005
# Any other error answer to tlog.submit (-32603 "could not be stored; resend", -32005 too many
# requests, anything unforeseen) leaves that entry pending, resent after a backoff.
RECOVER_CHUNK = 100  # verify.hash look-ups in flight at once


class StoreWriter(Protocol):
    """What the client needs of the profile's writer (``desk.writer.Writer`` is one)."""

    def submit(
        self,
        fn: Callable[[Session], T],
        *,
        cases: Iterable[str] = (),
        types: Iterable[str] = (),
        receipts: bool = False,
        outbox: bool = False,
    ) -> concurrent.futures.Future[T]: ...


class OwnWriter:
    """A client used without a desk (tests, key rotation): its writes run in order on one
    thread of its own, never on the event loop. A desk passes its profile's writer instead,
    so that the GUI's writes and the client's share one queue."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="jcd-client-write")

    def submit(self, fn: Callable[[Session], T], **_changes: Any) -> concurrent.futures.Future[T]:
        return self._pool.submit(self._run, fn)

    def _run(self, fn: Callable[[Session], T]) -> T:
        with self.store.transaction() as session:
            return fn(session)


@dataclass(frozen=True)
class Pins:
    """The log's keys as configured (a court publishes them), checked against node.info."""

    log_vkey: str
    witness_vkeys: tuple[str, ...]


@dataclass(frozen=True)
class ClientConfig:
    url: str
    pins: Pins | None = None  # None: trust on first use, shown to the user
    submit_batch: int = 100
    receipt_wait_ms: int = 30_000
    backoff_initial: float = 0.2
    backoff_max: float = 30.0
    poll_seconds: float = 2.0  # the outbox is re-read this often even without a kick
    # A committed entry is in a checkpoint at once (the node signs one per batch, PROTOCOL.md
    # section 4), and tlog.receipt waits receipt_wait_ms for it: still "not in a checkpoint"
    # this long (two such waits) after it was sent, the index is not trusted and the entry is
    # looked up by leaf hash, else resent.
    unconfirmed_after_s: float = 60.0


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows; every field is read from the store or the connection."""

    state: str = "offline"  # offline, connecting, online, not-enrolled, alarm
    url: str = ""
    origin: str = ""
    pending: int = 0
    submitted: int = 0
    rejected: int = 0
    checkpoint_size: int | None = None
    auto_approve: bool = False
    pinned_how: str = ""
    detail: str = ""
    roles: tuple[str, ...] = field(default_factory=tuple)


class ChainClient:
    def __init__(
        self,
        store: Store,
        key: SigningKey,
        config: ClientConfig,
        *,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_entry: Callable[[int, str], None] | None = None,
        clock: Clock | None = None,
        writer: StoreWriter | None = None,
    ) -> None:
        self.store = store
        self.writer: StoreWriter = writer if writer is not None else OwnWriter(store)
        self.key = key
        self.config = config
        self.on_status = on_status
        self.on_entry = on_entry
        self.clock = clock or Clock()
        self.status = SyncStatus(url=config.url)
        self.rpc: RpcClient | None = None
        self.tracker: CheckpointTracker | None = None
        self.pin: ChainPin | None = None
        self._kick = asyncio.Event()
        self._enrolled: set[str] | None = None  # actors whose approval we hold and verified
        # actors whose node-signed identity.revoked we hold and verified -> its index
        self._revoked: dict[str, int] = {}
        # actor -> the index below which its status was asked (a later entry asks again)
        self._asked: dict[str, int] = {}
        self._logged_in = False
        self._incoming: asyncio.Queue[tuple[str, dict[str, Any]]] = asyncio.Queue()
        self._resend_delay = 0.0  # backoff after the node could not take entries (-32603 ...)
        self._resend_at = 0.0  # loop time before which pending entries are not sent

    # -- status ---------------------------------------------------------------------------

    def _set(self, **changes: Any) -> None:
        counts = self.outbox_counts()
        self.status = replace(self.status, **counts, **changes)
        if self.on_status is not None:
            self.on_status(self.status)

    def outbox_counts(self) -> dict[str, int]:
        with self.store.session() as session:
            rows = dict(
                session.execute(
                    select(OutboxItem.state, func.count()).group_by(OutboxItem.state)
                ).all()
            )
        return {
            "pending": rows.get("pending", 0),
            "submitted": rows.get("submitted", 0),
            "rejected": rows.get("rejected", 0),
        }

    def kick(self) -> None:
        """Something was appended: send it now rather than at the next poll."""
        self._kick.set()

    async def _write(
        self,
        fn: Callable[[Session], T],
        *,
        cases: Iterable[str] = (),
        types: Iterable[str] = (),
        receipts: bool = False,
        outbox: bool = False,
    ) -> T:
        """Run ``fn`` in one transaction on the writer thread; the loop runs on meanwhile."""
        future = self.writer.submit(fn, cases=cases, types=types, receipts=receipts, outbox=outbox)
        return await asyncio.wrap_future(future)

    # -- the loop -------------------------------------------------------------------------

    async def run(self) -> None:
        """Sync until cancelled; reconnect with jittered exponential backoff."""
        delay = self.config.backoff_initial
        while True:
            try:
                await self.session()
            except ChainAlarm as exc:
                self._set(state="alarm", detail=str(exc))
                return
            except PinMismatch as exc:
                self._set(state="alarm", detail=str(exc))
                return
            except NodeUnreachable as exc:
                self._set(state="offline", detail=str(exc))
            except RemoteError as exc:
                if exc.code == -32001:
                    self._set(state="not-enrolled", detail=str(exc))
                else:
                    self._set(state="offline", detail=str(exc))
            except (ChainError, LedgerError) as exc:
                log.warning("sync session failed: %s", exc)
                self._set(state="offline", detail=str(exc))
            except Exception as exc:  # a malformed answer, a busy database: retry, never die
                log.exception("sync session failed unexpectedly")
                self._set(state="offline", detail=f"{type(exc).__name__}: {exc}")
            finally:
                await self._disconnect()
            if self._logged_in:
                delay, self._logged_in = self.config.backoff_initial, False
            await asyncio.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, self.config.backoff_max)

    async def _disconnect(self) -> None:
        if self.rpc is not None:
            await self.rpc.close()
            self.rpc = None

    async def connect(self) -> dict[str, Any]:
        """Connect, pin, check the latest checkpoint. Returns node.info."""
        self._set(state="connecting", detail="")
        await self._disconnect()
        self._incoming = asyncio.Queue()
        self.rpc = await RpcClient.connect(self.config.url, self._on_notification)
        info = await self.rpc.call("node.info")
        await self._pin(info)
        assert self.tracker is not None
        note = (await self.rpc.call("tlog.checkpoint"))["checkpoint"]
        checkpoint = await self.tracker.observe(note, self._consistency, as_latest=True)
        await self.tracker.keep_missing_proofs(self._consistency)
        self._set(
            checkpoint_size=checkpoint.checkpoint.size, auto_approve=bool(info.get("auto_approve"))
        )
        return info

    async def session(self) -> None:
        """One connection's life: connect, log in, then push and ingest until it drops."""
        await self.connect()
        assert self.rpc is not None
        login = await self.login()
        self._logged_in = True
        self._set(state="online", roles=tuple(login.get("roles", ())))
        # An answer lost with the last connection, or a node that lost its commit: what was
        # submitted without a receipt is looked up by leaf hash (or resent) before anything else.
        await self._recover([(leaf, text) for leaf, text, _, _ in self._outbox("submitted")])
        assert self.pin is not None
        await self.rpc.call("case.subscribe", {"from_index": self.pin.next_index})
        ingest = asyncio.create_task(self._ingest_loop(), name="jcd-ingest")
        try:
            while not self.rpc.closed.is_set():
                await self.flush()
                self._kick.clear()
                waiters = [
                    asyncio.ensure_future(self._kick.wait()),
                    asyncio.ensure_future(self.rpc.closed.wait()),
                    ingest,
                ]
                done, _ = await asyncio.wait(
                    waiters, timeout=self.config.poll_seconds, return_when=asyncio.FIRST_COMPLETED
                )
                for waiter in waiters[:2]:
                    waiter.cancel()
                if ingest in done:
                    ingest.result()  # re-raise what stopped the ingest (an alarm, a lost socket)
            raise NodeUnreachable(url=self.config.url, detail="connection closed")
        finally:
            ingest.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await ingest

    async def login(self) -> dict[str, Any]:
        assert self.rpc is not None and self.pin is not None
        nonce = (await self.rpc.call("auth.challenge"))["nonce"]
        signature = self.key.sign_raw(login_message(self.pin.origin, nonce))
        return await self.rpc.call(
            "auth.login", {"vkey": self.key.vkey, "signature": base64.b64encode(signature).decode()}
        )

    async def enrol(self, name: str, role: str) -> dict[str, Any]:
        """Ask the node to enrol this key (identity.enrol signed by the key itself)."""
        if self.rpc is None:
            await self.connect()
        assert self.rpc is not None and self.pin is not None
        statement = build_statement(
            log=self.pin.origin,
            type="identity.enrol",
            case="",
            actor=self.key.vkey,
            time=self.clock.now(),
            body={"name": name, "role": role},
        )
        return await self.rpc.call(
            "auth.enrol", {"entry": sign_statement(statement, self.key).text}
        )

    # -- pinning --------------------------------------------------------------------------

    async def _pin(self, info: dict[str, Any]) -> None:
        origin = info.get("origin")
        log_vkey, witnesses = info.get("log_vkey"), info.get("witness_vkeys")
        if (
            not isinstance(origin, str)
            or not isinstance(log_vkey, str)
            or not isinstance(witnesses, list)
        ):
            raise ChainError(detail="node.info lacks origin, log_vkey or witness_vkeys")
        configured = self.config.pins
        if configured is not None and (log_vkey, tuple(witnesses)) != (
            configured.log_vkey,
            configured.witness_vkeys,
        ):
            raise PinMismatch(url=self.config.url, origin=origin)

        def pin_log(session: Session) -> ChainPin:
            # One log per profile: a node presenting another origin is another log, however
            # well its own signatures verify.
            if session.scalar(select(ChainPin.origin).where(ChainPin.origin != origin).limit(1)):
                raise PinMismatch(url=self.config.url, origin=origin)
            pin = session.get(ChainPin, origin)
            if pin is None:
                how = "configured" if configured is not None else "first-use"
                pin = ChainPin(
                    origin=origin,
                    log_vkey=log_vkey,
                    witness_vkeys="\n".join(witnesses),
                    node_vkey=str(info.get("node_vkey", "")),
                    pinned_at=format_time(self.clock.now()),
                    pinned_how=how,
                    next_index=0,
                )
                session.add(pin)
            elif (
                pin.log_vkey != log_vkey
                or pin.witness_vkeys.split("\n") != witnesses
                or pin.node_vkey != str(info.get("node_vkey", ""))
            ):
                raise PinMismatch(url=self.config.url, origin=origin)
            return pin

        pin = await self._write(pin_log)
        self.pin = pin
        log_key = parse_vkey(log_vkey)
        witness_keys = [parse_vkey(w) for w in witnesses]
        if log_key.name != origin or any(w.sig_type != SIG_COSIGNATURE_V1 for w in witness_keys):
            raise ChainError(detail="node.info keys do not match its origin and key types")
        self.tracker = CheckpointTracker(
            self.store, log_key, witness_keys, self.clock, write=self._write
        )
        self._set(origin=origin, pinned_how=pin.pinned_how)

    @property
    def verifiers(self) -> tuple[Verifier, list[Verifier]]:
        assert self.tracker is not None
        return self.tracker.log_key, self.tracker.witness_keys

    async def observe_checkpoint(self, note: str, rpc: RpcClient | None = None) -> None:
        """Hold a checkpoint seen elsewhere (in a receipt the Verify page fetched, say) to this
        desktop's history: a second root for a size seen, or a failed consistency proof, is an
        alarm like any other. ``rpc`` asks for the proofs when the sync is not connected."""
        via = rpc or self.rpc
        if via is None or via.closed.is_set():
            raise NodeUnreachable(url=self.config.url, detail="no connection to ask for a proof")
        tracker = self.tracker or self._tracker_from_pin()

        async def proof(old: int, new: int) -> list[bytes]:
            answer = await via.call("tlog.consistency", {"old": old, "new": new})
            return decode_proof(answer.get("proof") if isinstance(answer, dict) else None)

        await tracker.observe(note, proof, as_latest=False)

    def _tracker_from_pin(self) -> CheckpointTracker:
        with self.store.session() as session:
            pin = session.scalars(select(ChainPin).limit(1)).first()
        if pin is None:
            raise ChainError(detail="this desktop has not pinned a log yet")
        witnesses = [parse_vkey(w) for w in pin.witness_vkeys.split("\n")]
        return CheckpointTracker(
            self.store, parse_vkey(pin.log_vkey), witnesses, self.clock, write=self._write
        )

    async def _consistency(self, old: int, new: int) -> list[bytes]:
        assert self.rpc is not None
        answer = await self.rpc.call("tlog.consistency", {"old": old, "new": new})
        return decode_proof(answer.get("proof") if isinstance(answer, dict) else None)

    # -- sending --------------------------------------------------------------------------

    async def flush(self) -> int:
        """Send every pending entry (oldest first, in batches); confirm every sent one."""
        sent = 0
        loop = asyncio.get_running_loop()
        if loop.time() >= self._resend_at:
            tried: set[bytes] = set()  # an entry left pending waits for the next flush
            while True:
                size = self.config.submit_batch
                pending = self._outbox("pending", size + len(tried))
                batch = [(leaf, text) for leaf, text, _, _ in pending if leaf not in tried][:size]
                if not batch:
                    self._resend_delay = 0.0
                    break
                tried.update(leaf for leaf, _ in batch)
                sent += len(batch)
                if await self._submit(batch):
                    # the node could not take some now: the rest wait, with backoff
                    self._resend_delay = min(
                        max(self._resend_delay * 2, self.config.backoff_initial),
                        self.config.backoff_max,
                    )
                    self._resend_at = loop.time() + self._resend_delay * (0.5 + random.random())
                    break
        await self._confirm_submitted()
        self._set()
        return sent

    def _outbox(self, state: str, limit: int = 10_000) -> list[tuple[bytes, str, int | None, str]]:
        with self.store.session() as session:
            rows = session.execute(
                select(
                    OutboxItem.leaf_hash,
                    LogEntry.entry,
                    OutboxItem.chain_index,
                    OutboxItem.updated_at,
                )
                .join(LogEntry, LogEntry.leaf_hash == OutboxItem.leaf_hash)
                .where(OutboxItem.state == state)
                .order_by(LogEntry.seq)
                .limit(limit)
            ).all()
        return [(leaf, text, index, at) for leaf, text, index, at in rows]

    def _marking(self, leaf: bytes, **values: Any) -> Callable[[Session], None]:
        """A write that sets the outbox row of ``leaf`` to ``values``."""
        now = format_time(self.clock.now())

        def mark(session: Session) -> None:
            session.execute(
                update(OutboxItem)
                .where(OutboxItem.leaf_hash == leaf)
                .values(updated_at=now, **values)
            )

        return mark

    def _rejecting(self, leaf: bytes, reason: str, attempts: Any) -> Callable[[Session], None]:
        """A write for an entry the node refused for good: mark it, and derive its case's
        views again without it (``ledger.store.append.reject``)."""
        now = format_time(self.clock.now())

        def write(session: Session) -> None:
            reject(
                session, self.store.projections, leaf, reason=reason, when=now, attempts=attempts
            )

        return write

    async def _submit(self, batch: Sequence[tuple[bytes, str]]) -> bool:
        """Send one batch; each answer decides its own entry, and what they decide is stored
        in one write (one commit for the batch, not one per entry). True if any should be
        retried."""
        assert self.rpc is not None
        answers = await self.rpc.batch([("tlog.submit", {"entry": text}) for _, text in batch])
        retry = False
        writes: list[Callable[[Session], None]] = []
        for (leaf, _text), answer in zip(batch, answers, strict=True):
            attempts = OutboxItem.attempts + 1
            if isinstance(answer, RemoteError):
                if answer.code in REJECTING or _revoked_answer(answer):
                    writes.append(self._rejecting(leaf, answer.reason, attempts))
                    continue
                # -32001: sent again at the next flush, e.g. once the court approved the key;
                # -32603 ("could not be stored; resend"), -32005 and the rest: after a backoff
                writes.append(self._marking(leaf, reason=answer.reason, attempts=attempts))
                retry = retry or answer.code != UNKNOWN_KEY
                continue
            index = answer.get("index") if isinstance(answer, dict) else None
            if not isinstance(index, int) or _b64(answer.get("leaf_hash")) != leaf:
                log.warning("the node's answer to tlog.submit does not match the entry: %r", answer)
                writes.append(
                    self._marking(
                        leaf, reason="the node's answer did not match the entry", attempts=attempts
                    )
                )
                retry = True
                continue
            writes.append(
                self._marking(leaf, state="submitted", chain_index=index, attempts=attempts)
            )

        def store_answers(session: Session) -> None:
            for write in writes:
                write(session)

        names = [_names(text) for _, text in batch]
        await self._write(
            store_answers,
            cases=[c for n in names for c in n.get("cases", ())],
            types=[t for n in names for t in n.get("types", ())],
            outbox=True,
        )
        return retry

    async def _confirm_submitted(self) -> None:
        """Fetch a receipt for every submitted entry; look up by leaf hash what fails."""
        unconfirmed = self._outbox("submitted")
        if not unconfirmed:
            return
        results = await asyncio.gather(
            *(self._confirm(leaf, text, index) for leaf, text, index, _ in unconfirmed),
            return_exceptions=True,
        )
        doubtful = []
        for (leaf, text, _, sent_at), result in zip(unconfirmed, results, strict=True):
            if isinstance(result, ChainAlarm | NodeUnreachable | asyncio.CancelledError):
                raise result
            if result is None:
                continue
            if isinstance(result, BaseException) and not isinstance(result, Exception):
                raise result
            if isinstance(result, RemoteError) and result.code == TOO_MANY_REQUESTS:
                continue  # no doubt about the index: asked again at the next flush
            if isinstance(result, RemoteError) and result.code == NOT_IN_CHECKPOINT:
                waited = (self.clock.now() - parse_time(sent_at)).total_seconds()
                if waited < self.config.unconfirmed_after_s:
                    continue  # the next flush asks again
            log.warning("entry %s is not confirmed (%s); asking by leaf hash", leaf.hex(), result)
            doubtful.append((leaf, text))
        await self._recover(doubtful)

    async def _confirm(self, leaf: bytes, text: str, index: int | None) -> None:
        if index is None:
            raise ChainError(detail="submitted without an index")
        await self._confirmed(leaf, text, await self._fetch_receipt(index, text.encode("utf-8")))

    async def _confirmed(self, leaf: bytes, text: str, fetched: tuple[Receipt, Any]) -> None:
        """The one way to ``confirmed``: a receipt that verified for exactly this leaf."""
        verified = fetched[1]
        if verified.leaf_hash != leaf:
            raise ChainError(detail="the receipt is for another entry")
        now = format_time(self.clock.now())

        def confirm(session: Session) -> None:
            self._store_receipt(session, leaf, fetched)
            session.execute(
                update(OutboxItem)
                .where(OutboxItem.leaf_hash == leaf)
                .values(state="confirmed", chain_index=verified.index, reason=None, updated_at=now)
            )

        await self._write(confirm, **_names(text), receipts=True, outbox=True)

    async def _recover(self, entries: Sequence[tuple[bytes, str]]) -> None:
        """Ask the node for each entry by leaf hash: a verified match confirms it at its true
        index; no match puts it back to pending, to be sent again."""
        for start in range(0, len(entries), RECOVER_CHUNK):
            part = entries[start : start + RECOVER_CHUNK]
            results = await asyncio.gather(
                *(self._look_up(leaf, text) for leaf, text in part), return_exceptions=True
            )
            for (leaf, _), result in zip(part, results, strict=True):
                if isinstance(result, ChainAlarm | NodeUnreachable | asyncio.CancelledError):
                    raise result
                if isinstance(result, BaseException) and not isinstance(result, Exception):
                    raise result
                if isinstance(result, Exception):  # stays submitted; asked again next flush
                    log.warning("entry %s could not be looked up: %s", leaf.hex(), result)

    async def _look_up(self, leaf: bytes, text: str) -> None:
        assert self.rpc is not None
        try:
            matches = await hash_matches(self.rpc, leaf, timeout=60.0)
        except NodeUnreachable:
            raise
        except ChainError as exc:  # an error answer, or an answer with no list of matches
            if isinstance(exc, RemoteError) and exc.code == TOO_MANY_REQUESTS:
                raise  # stays submitted; asked again at the next flush
            # resending is safe: the node answers a leaf it holds with its index
            log.warning("verify.hash failed (%s); entry %s is sent again", exc, leaf.hex())
            matches = []
        for match in matches:
            if match.receipt is None:
                continue
            try:
                fetched = await self._verified(match.receipt, text.encode("utf-8"))
            except ChainAlarm:
                raise
            except LedgerError:
                continue  # a document hash equal to our leaf hash, or a bad receipt
            if fetched[1].leaf_hash == leaf:
                await self._confirmed(leaf, text, fetched)
                return
        now = format_time(self.clock.now())

        def send_again(session: Session) -> None:
            session.execute(
                update(OutboxItem)
                .where(OutboxItem.leaf_hash == leaf, OutboxItem.state == "submitted")
                .values(
                    state="pending",
                    chain_index=None,
                    reason="the node did not confirm it; sent again",
                    updated_at=now,
                )
            )

        await self._write(send_again, **_names(text), outbox=True)
        self.kick()

    async def _fetch_receipt(self, index: int, entry: bytes) -> tuple[Receipt, Any]:
        """Fetch and verify the receipt for ``index``; its checkpoint must fit our history."""
        assert self.rpc is not None
        answer = await self.rpc.call(
            "tlog.receipt",
            {"index": index, "wait_ms": self.config.receipt_wait_ms},
            timeout=self.config.receipt_wait_ms / 1000 + 30,
        )
        if not isinstance(answer, dict) or not isinstance(answer.get("receipt"), str):
            raise ChainError(detail="the node's answer to tlog.receipt holds no receipt")
        return await self._verified(answer["receipt"], entry, index)

    async def _verified(
        self, text: str, entry: bytes, index: int | None = None
    ) -> tuple[Receipt, Any]:
        """Verify a receipt for ``entry`` (at ``index`` if given) and hold its checkpoint to the
        verified history (an alarm if it does not fit)."""
        assert self.tracker is not None
        receipt = parse_receipt(text)
        log_key, witnesses = self.verifiers
        verified = verify_receipt(receipt, entry, log_key, witnesses)
        if index is not None and verified.index != index:
            raise ChainError(detail=f"the receipt is for index {verified.index}, not {index}")
        await self.tracker.observe(receipt.checkpoint, self._consistency, as_latest=False)
        return receipt, verified

    def _store_receipt(self, session: Any, leaf: bytes, fetched: tuple[Receipt, Any]) -> None:
        receipt, verified = fetched
        if session.get(ReceiptRow, leaf) is None:
            session.add(
                ReceiptRow(
                    leaf_hash=leaf,
                    chain_index=verified.index,
                    checkpoint_size=verified.checkpoint.checkpoint.size,
                    on_chain_time=format_time(verified.checkpoint.on_chain_time),
                    receipt=receipt.to_text(),
                )
            )

    # -- receiving ------------------------------------------------------------------------

    def _on_notification(self, method: str, params: dict[str, Any]) -> None:
        self._incoming.put_nowait((method, params))

    async def _ingest_loop(self) -> None:
        while True:
            method, params = await self._incoming.get()
            if not isinstance(params, dict):
                continue
            if method == "case.entry":
                await self.ingest(params.get("index"), params.get("entry"))
            elif method == "tlog.checkpoint" and self.tracker is not None:
                note = params.get("checkpoint")
                if isinstance(note, str):
                    # A pushed checkpoint may arrive after a receipt already showed us a newer
                    # one, so it is checked for consistency, not for being the latest; a node
                    # that went back is caught by tlog.checkpoint when we (re)connect.
                    checkpoint = await self.tracker.observe(
                        note, self._consistency, as_latest=False
                    )
                    kept = self.tracker.latest()
                    self._set(checkpoint_size=kept.size if kept else checkpoint.checkpoint.size)

    async def is_enrolled(self, actor: str) -> bool:
        """PROTOCOL.md 5.4: the actor's enrolment, approved by the pinned node key and
        included in the log, is held locally (fetched once with identity.get). A revoked key
        was enrolled too: whether it may sign at an index is ``may_sign_at``."""
        assert self.pin is not None
        if actor == self.pin.node_vkey:
            return True
        self._load_identities()
        assert self._enrolled is not None
        if actor in self._enrolled:
            return True
        await self._ask_identity(actor)
        return actor in self._enrolled

    async def may_sign_at(self, actor: str, index: int) -> bool:
        """May an entry at ``index`` signed by ``actor`` be applied? Its enrolment is held and
        verified (``is_enrolled``), and the key was not revoked at or before ``index``: a
        revocation counts once its node-signed ``identity.revoked`` entry is held, verified and
        included (docs/protocol.md, ``identity.revoke``). Entries signed before stay valid."""
        assert self.pin is not None
        if actor == self.pin.node_vkey:
            return True
        self._load_identities()
        assert self._enrolled is not None
        revoked = self._revoked.get(actor)
        if revoked is None and (actor not in self._enrolled or index >= self._asked.get(actor, 0)):
            await self._ask_identity(actor)  # the node's word, checked, for anything newer
            self._asked[actor] = max(self._asked.get(actor, 0), index + 1, self._known_size())
            revoked = self._revoked.get(actor)
        if actor not in self._enrolled:
            return False
        return revoked is None or index < revoked

    def _known_size(self) -> int:
        kept = self.tracker.latest() if self.tracker is not None else None
        return kept.size if kept is not None else 0

    def revocations(self) -> dict[str, int]:
        """Revoked keys held and verified locally -> the index of their revocation (the desk
        shows "signed before the key was revoked" for an entry below it)."""
        self._load_identities()
        return dict(self._revoked)

    def _load_identities(self) -> None:
        if self._enrolled is not None:
            return
        assert self.pin is not None
        node = self.pin.node_vkey
        with self.store.session() as session:
            rows = session.execute(
                select(LogEntry.entry, LogEntry.type, ReceiptRow.chain_index)
                .outerjoin(ReceiptRow, ReceiptRow.leaf_hash == LogEntry.leaf_hash)
                .where(LogEntry.type.in_(("identity.approved", "identity.revoked")))
            ).all()
        enrolled = set()
        for text, kind, index in rows:
            if kind == "identity.approved" and (
                key := node_statement_key(text, node, "identity.approved")
            ):
                enrolled.add(key)
            elif (
                index is not None
                and kind == "identity.revoked"
                and (key := node_statement_key(text, node, "identity.revoked"))
            ):
                self._revoked[key] = index
        self._enrolled = enrolled

    async def _ask_identity(self, actor: str) -> None:
        """``identity.get``: hold (verified, with receipts) the actor's enrolment, the node's
        approval and, if the node says so, its revocation."""
        assert self.pin is not None and self.rpc is not None and self._enrolled is not None
        answer = await self.rpc.call("identity.get", {"vkey": actor})
        if not isinstance(answer, dict) or answer.get("status") not in ("approved", "revoked"):
            return
        parts = ("enrol", "approval") + (("revocation",) if answer["status"] == "revoked" else ())
        entries = []
        for part in parts:
            item = answer.get(part)
            if not isinstance(item, dict) or not isinstance(item.get("index"), int):
                return
            if not isinstance(item.get("entry"), str):
                return
            entries.append((item["index"], item["entry"]))
        node = self.pin.node_vkey
        if node_statement_key(entries[1][1], node, "identity.approved") != actor:
            return
        try:
            enrol = open_entry(entries[0][1])
        except LedgerError:
            return
        if enrol.statement.actor != actor or enrol.statement.type != "identity.enrol":
            return
        if (
            len(entries) == 3
            and node_statement_key(entries[2][1], node, "identity.revoked") != actor
        ):
            return  # not the node's revocation of this key: nothing revoked by it
        if actor in self._enrolled:
            entries = entries[2:]  # the enrolment is held already
        fetched = [
            (i, await self._fetch_receipt(i, t.encode("utf-8")), t) for i, t in entries
        ]  # each receipt verifies at its own index, or ChainError: nothing is kept
        opened = [(receipt, open_entry(text_)) for _, receipt, text_ in fetched]

        def hold(session: Session) -> None:
            for receipt, entry in opened:
                (appended,) = append(
                    session, self.store.projections, [entry], source="chain", clock=self.clock
                )
                self._store_receipt(session, appended.leaf_hash, receipt)

        await self._write(
            hold,
            cases=[entry.statement.case for _, entry in opened],
            types=[entry.statement.type for _, entry in opened],
            receipts=bool(opened),
        )
        self._enrolled.add(actor)
        if answer["status"] == "revoked" and fetched:
            self._revoked[actor] = fetched[-1][0]

    def _knows_case(self, case: str) -> bool:
        with self.store.session() as session:
            return (
                session.scalar(select(LogEntry.seq).where(LogEntry.case_id == case).limit(1))
                is not None
            )

    async def _backfill_case(self, case: str, before: int) -> list[tuple[int, Entry, Any]]:
        """A case's entries older than ``before``, verified: a key added to a case later was
        not sent what came before it joined (PROTOCOL.md ``case.entries``). The caller stores
        them together with the entry that revealed the case, in one transaction, so a lost
        connection never leaves a case half fetched."""
        assert self.rpc is not None
        found: list[tuple[int, Entry, Any]] = []
        start = 0
        while start < before:
            page = await self.rpc.call(
                "case.entries", {"case": case, "from_index": start, "limit": 500}
            )
            entries = page.get("entries", []) if isinstance(page, dict) else []
            items = [
                item
                for item in entries
                if isinstance(item, dict) and isinstance(item.get("index"), int)
            ]
            if not items:
                break
            for item in items:
                if item["index"] >= before:
                    return found
                checked = await self._checked(item["index"], item.get("entry"))
                if checked is not None:
                    found.append((item["index"], *checked))
            start = items[-1]["index"] + 1
        return found

    async def _checked(self, index: int, text: Any) -> tuple[Entry, Any] | None:
        """Verify another member's entry (signature, log, enrolment, inclusion) with its
        receipt; None when it must not be applied (PROTOCOL.md section 5.4)."""
        assert self.pin is not None
        if not isinstance(text, str):
            return None
        try:
            entry = open_entry(text)
        except LedgerError as exc:
            log.warning("entry %d from the node does not verify (%s); not applied", index, exc)
            return None
        if entry.statement.log != self.pin.origin:
            log.warning("entry %d was signed for log %r; not applied", index, entry.statement.log)
            return None
        if not await self.may_sign_at(entry.statement.actor, index):
            if entry.statement.actor in self._revoked:
                log.warning("entry %d is signed by a key revoked before it; not applied", index)
            else:
                log.warning(
                    "entry %d is signed by a key the node never enrolled; not applied", index
                )
            return None
        return entry, await self._fetch_receipt(index, entry.data)

    async def ingest(self, index: Any, text: Any) -> bool:
        """Verify another member's entry and apply it locally (with a case's earlier entries,
        the first time this desktop hears of the case)."""
        if not isinstance(index, int) or not isinstance(text, str):
            log.warning("ignored a malformed case.entry notification")
            return False
        assert self.pin is not None
        case = _claimed_case(text)
        earlier = []
        if case and not self._knows_case(case):
            earlier = await self._backfill_case(case, index)
        checked = await self._checked(index, text)
        if checked is None:
            return False
        entry, receipt = checked
        origin = self.pin.origin

        def apply(session: Session) -> Any:
            for _, old_entry, old_receipt in earlier:
                (old,) = append(
                    session, self.store.projections, [old_entry], source="chain", clock=self.clock
                )
                self._store_receipt(session, old.leaf_hash, old_receipt)
            (appended,) = append(
                session, self.store.projections, [entry], source="chain", clock=self.clock
            )
            self._store_receipt(session, appended.leaf_hash, receipt)
            pin = session.get(ChainPin, origin)
            if pin is not None and pin.next_index <= index:
                pin.next_index = index + 1
            return appended

        statements = [old.statement for _, old, _ in earlier] + [entry.statement]
        appended = await self._write(
            apply,
            cases=[s.case for s in statements],
            types=[s.type for s in statements],
            receipts=True,
        )
        self.pin.next_index = max(self.pin.next_index, index + 1)
        if self.on_entry is not None:
            for old_index, old_entry, _ in earlier:
                self.on_entry(old_index, old_entry.statement.type)
            if appended.new:
                self.on_entry(index, entry.statement.type)
        return appended.new


def node_statement_key(text: str, node_vkey: str, kind: str) -> str | None:
    """``body.key`` of ``text`` if it is a ``kind`` entry (``identity.approved``,
    ``identity.revoked``) signed by the node key; None otherwise (one signed by anyone else
    approves or revokes nothing)."""
    try:
        entry = open_entry(text)
    except LedgerError:
        return None
    statement = entry.statement
    if statement.type != kind or statement.actor != node_vkey:
        return None
    key = statement.body.get("key")
    return key if isinstance(key, str) else None


def _revoked_answer(answer: RemoteError) -> bool:
    """-32001 for a revoked signer (docs/protocol.md: "this key was revoked at index N"): unlike
    a pending enrolment, it never changes, so the entry is rejected rather than sent again."""
    return answer.code == UNKNOWN_KEY and "revoked at index" in (answer.reason or "")


def _b64(value: Any) -> bytes | None:
    try:
        return base64.b64decode(value, validate=True) if isinstance(value, str) else None
    except ValueError:
        return None


def _names(text: str) -> dict[str, tuple[str, ...]]:
    """The case and type of an entry text, for the change event of a write about it."""
    try:
        statement = parse_entry(text).statement
    except LedgerError:
        return {}
    return {"cases": (statement.case,), "types": (statement.type,)}


def _claimed_case(text: str) -> str:
    try:
        return parse_entry(text).statement.case
    except LedgerError:
        return ""
