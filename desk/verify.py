"""Checking a file against the chain, offline first (DOMAIN.md section 5, SF/T 0076-2020).

A user brings a file: a PDF or any other evidence, a ``.tlog-proof`` receipt, or a signed entry.
This module hashes it (a generator that yields progress, so a 2 GB video can be hashed off the
GUI thread and cancelled), asks the node's ``verify.hash`` which log entries name that hash, and
verifies every receipt the node returns against the log and witness keys this desktop pinned.
Nothing here takes the node's word for a fact it can check itself; what rests on the node's word
is labelled so (``Finding.on_word``).

What can be proven offline, and what cannot:

- A *signed entry* file: its Ed25519 signature, and with a receipt (from the node or stored on
  this desktop) its inclusion in the log at an index, and the on-chain time (the cosignature
  time of the receipt's checkpoint, an upper bound on when it was logged).
- A *receipt* file: the checkpoint's log signature and cosignature; with the entry it proves
  (chosen by the user, or found on this desktop by the receipt's index) everything above.
- Any other *document*: ``verify.hash`` answers with the index, type, on-chain time and a
  receipt of each entry that lists the document's SHA-256, never the entry itself. The receipt
  proves the inclusion of the entry's *leaf*; only the entry text ties the document to it. When
  this desktop holds the entry (it signed or received it), the tie is proven offline; otherwise
  the checkpoint is still verified, and "entry N lists this file" rests on the node's word.

The time the node reports (``time``: the cosignature time of the *first* checkpoint covering the
entry) is its word; the time proven offline comes from the checkpoint inside a receipt we
verified, which for a receipt fetched later is a later (still valid) upper bound.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from chain_client.errors import ChainAlarm, ChainError, NodeUnreachable
from chain_client.rpc import RpcClient
from ledger.checkpoint import VerifiedCheckpoint, verify_checkpoint
from ledger.clock import parse_time
from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError, ReceiptError
from ledger.keys import Verifier, parse_vkey
from ledger.merkle import leaf_hash
from ledger.receipt import HEADER as RECEIPT_HEADER
from ledger.receipt import (
    MAX_RECEIPT_BYTES,
    Receipt,
    VerifiedReceipt,
    parse_receipt,
    verify_receipt,
)
from ledger.statement import (
    MAX_ENTRY_BYTES,
    STATEMENT_HEADER,
    Entry,
    Statement,
    check_documents,
    open_entry,
)
from ledger.store.generic import DepositedDocument, Identity
from ledger.store.models import ChainPin, LogEntry, OutboxItem
from ledger.store.models import Receipt as ReceiptRow
from ledger.store.store import Store

if TYPE_CHECKING:
    from chain_client.sync import ChainClient
    from desk.session import DeskSession

CHUNK = 1 << 20
EVIDENCE_TYPE = "evidence.deposited"
Verifiers = tuple[Verifier, list[Verifier]]


# -- hashing ----------------------------------------------------------------------------------


def hash_file(
    path: str | os.PathLike[str], chunk: int = CHUNK
) -> Iterator[tuple[int, int, str | None]]:
    """Stream SHA-256 over ``path``: yields ``(done, total, None)`` while reading, then
    ``(total, total, hexdigest)`` once. Stop iterating (or ``close()``) to cancel; the file is
    closed either way. A file that grows or shrinks while read is hashed as it was read."""
    digest = hashlib.sha256()
    buffer = bytearray(max(1, chunk))
    view = memoryview(buffer)
    with open(path, "rb") as file:
        total = os.fstat(file.fileno()).st_size
        done = 0
        yield (0, total, None)
        while True:
            count = file.readinto(buffer)
            if not count:
                break
            digest.update(view[:count])  # hashlib drops the GIL for large updates
            done += count
            yield (done, max(total, done), None)
    yield (done, done, digest.hexdigest())


# -- what kind of file --------------------------------------------------------------------------


class Kind(StrEnum):
    RECEIPT = "receipt"  # a c2sp.org/tlog-proof@v1 text (.tlog-proof)
    ENTRY = "entry"  # a signed statement (jcdesk/statement/v1 signed note)
    DOCUMENT = "document"  # anything else: PDF, photo, video, ...


def classify(path: str | os.PathLike[str]) -> Kind:
    """Tell a receipt and a signed entry from any other file by their first line."""
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as file:
        head = file.read(64)
    if head.startswith(RECEIPT_HEADER.encode() + b"\n") and size <= MAX_RECEIPT_BYTES:
        return Kind.RECEIPT
    if head.startswith(STATEMENT_HEADER.encode()) and size <= MAX_ENTRY_BYTES:
        return Kind.ENTRY
    return Kind.DOCUMENT


@dataclass(frozen=True)
class Subject:
    """The file the user brought, hashed, and what it says it is."""

    path: Path
    kind: Kind
    size: int
    sha256: str  # lowercase hex of the file's bytes
    entry: Entry | None = None  # Kind.ENTRY whose signature verifies
    receipt: Receipt | None = None  # Kind.RECEIPT that parses
    problem: LedgerError | None = None  # the file looks like an entry/receipt but is not valid
    entry_leaf: bytes | None = None  # Kind.ENTRY: SHA-256(0x00 || file bytes)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def query(self) -> bytes:
        """What to ask ``verify.hash``: a signed entry by its leaf hash, else the file's hash."""
        if self.entry_leaf is not None:
            return self.entry_leaf
        return bytes.fromhex(self.sha256)


def open_subject(path: str | os.PathLike[str], sha256_hex: str, size: int) -> Subject:
    """Build the subject of a check from a hashed file (reads receipts and entries, <= 1 MiB)."""
    path = Path(path)
    kind = classify(path)
    if kind is Kind.DOCUMENT:
        return Subject(path, kind, size, sha256_hex)
    data = path.read_bytes()
    if kind is Kind.ENTRY:
        leaf = leaf_hash(data)
        try:
            return Subject(path, kind, size, sha256_hex, entry=open_entry(data), entry_leaf=leaf)
        except LedgerError as exc:
            return Subject(path, kind, size, sha256_hex, problem=exc, entry_leaf=leaf)
    try:
        return Subject(path, kind, size, sha256_hex, receipt=parse_receipt(data))
    except LedgerError as exc:
        return Subject(path, kind, size, sha256_hex, problem=exc)


# -- the pinned keys ---------------------------------------------------------------------------


class NotPinned(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "This desktop has not pinned the chain's log and witness keys yet, so it cannot check "
        "receipts. Connect to the chain node once (the status bar shows it), then try again.",
    )


def pinned_verifiers(store: Store, client: ChainClient | None = None) -> Verifiers:
    """The log and witness keys this desktop pinned (PROTOCOL.md 5.1): the running client's,
    else the ones stored with the pin, so that receipts verify with the node out of reach."""
    if client is not None and client.tracker is not None:
        return client.verifiers
    with store.session() as session:
        pin = session.scalars(select(ChainPin).limit(1)).first()
    if pin is None:
        raise NotPinned()
    return parse_vkey(pin.log_vkey), [parse_vkey(v) for v in pin.witness_vkeys.split("\n") if v]


# -- matches: one log entry tied to the subject --------------------------------------------------


class Level(StrEnum):
    PROVEN = "proven"  # receipt and entry verified offline; the entry names the file
    # the checkpoint verified; the tie between its leaf and the file is the node's word
    CHECKPOINT_ONLY = "checkpoint-only"
    PENDING = "pending"  # signed on this desktop; the chain has not confirmed it (no receipt)
    REJECTED = "rejected"  # the node refused this desktop's entry
    FAILED = "failed"  # a receipt or an entry did not verify: do not rely on it


_LEVEL_RANK = {
    Level.FAILED: 5,
    Level.PROVEN: 4,
    Level.CHECKPOINT_ONLY: 3,
    Level.REJECTED: 2,
    Level.PENDING: 1,
}


@dataclass(frozen=True)
class Match:
    """What one source (the node, this desktop's store, a receipt file) says about one entry."""

    index: int | None
    level: Level
    source: str  # "node", "local" or "file"
    entry: Entry | None = None
    receipt: VerifiedReceipt | None = None
    checkpoint: VerifiedCheckpoint | None = None  # the checkpoint verified (also with receipt)
    node_type: str | None = None  # the node's word
    node_time: datetime | None = None  # the node's word: first covering checkpoint's time
    problem: LedgerError | None = None
    outbox_state: str | None = None
    reason: str | None = None  # why the node rejected this desktop's entry
    receipt_text: str | None = None


@dataclass(frozen=True)
class Candidate:
    """An entry text that may be the leaf a receipt proves. ``expected``: it must be (it is the
    user's entry, or this desktop already verified it at that index), so a failure is a failure
    of the receipt, not merely "not this one"."""

    text: str
    expected: bool


def verify_against(
    receipt: Receipt | str,
    query: bytes | None,
    verifiers: Verifiers,
    candidates: Iterable[Candidate],
    *,
    source: str,
    node_type: str | None = None,
    node_time: datetime | None = None,
) -> Match:
    """Verify one receipt offline, fail-closed, in numbered steps.

    1. The receipt parses. 2. Its checkpoint carries the pinned log key's signature and a
    timestamped cosignature of a pinned witness, and the index is below the checkpoint's size.
    3. Each candidate entry is tried: the RFC 9162 inclusion proof must lead from its leaf hash
    to the checkpoint's root. 4. The entry's own signature verifies. 5. The entry names the
    query: its leaf hash is the query, or a ``body.documents`` item has the query as ``sha256``
    (no query: a receipt file, whose subject is the entry itself).
    Without a candidate that verifies, only step 2 is proven (``Level.CHECKPOINT_ONLY``).
    """
    log_key, witnesses = verifiers
    text = receipt.to_text() if isinstance(receipt, Receipt) else receipt
    base = Match(None, Level.FAILED, source, node_type=node_type, node_time=node_time)
    base = replace(base, receipt_text=text)
    try:
        parsed = receipt if isinstance(receipt, Receipt) else parse_receipt(receipt)  # 1
    except LedgerError as exc:
        return replace(base, problem=exc)
    base = replace(base, index=parsed.index)
    try:
        checkpoint = verify_checkpoint(parsed.checkpoint, log_key, witnesses)  # 2
    except LedgerError as exc:
        return replace(base, problem=ReceiptError(detail=str(exc)))
    if parsed.index >= checkpoint.checkpoint.size:
        return replace(
            base,
            problem=ReceiptError(
                detail=f"index {parsed.index} is not below the tree size "
                f"{checkpoint.checkpoint.size}"
            ),
        )
    base = replace(base, checkpoint=checkpoint)
    found: tuple[str, VerifiedReceipt] | None = None
    seen: set[str] = set()
    for candidate in candidates:  # every expected candidate is tried: fail closed
        if candidate.text in seen:
            continue
        seen.add(candidate.text)
        try:
            verified = verify_receipt(parsed, candidate.text.encode("utf-8"), log_key, witnesses)
        except LedgerError as exc:  # 3
            if candidate.expected:
                return replace(base, problem=exc)
            continue
        if found is None:
            found = (candidate.text, verified)
    if found is None:
        return replace(base, level=Level.CHECKPOINT_ONLY)
    text, verified = found
    try:
        entry = open_entry(text)  # 4
    except LedgerError as exc:
        return replace(base, problem=exc)
    if query is not None and not names_hash(entry, verified.leaf_hash, query):  # 5
        return replace(
            base,
            entry=entry,
            receipt=verified,
            problem=ReceiptError(
                detail=f"entry {parsed.index} neither is nor lists the hash asked for"
            ),
        )
    return replace(base, level=Level.PROVEN, entry=entry, receipt=verified)


def names_hash(entry: Entry, leaf: bytes, query: bytes) -> bool:
    """Does ``entry`` (whose leaf hash is ``leaf``) stand for ``query``?"""
    if leaf == query:
        return True
    return document_of(entry, query.hex()) is not None


def document_of(entry: Entry | None, sha256_hex: str) -> dict[str, Any] | None:
    """The ``{name, sha256, size}`` item of the entry's ``body.documents`` with that hash."""
    if entry is None:
        return None
    documents = entry.statement.body.get("documents")
    if not isinstance(documents, list):
        return None
    for doc in documents:
        if isinstance(doc, dict) and doc.get("sha256") == sha256_hex:
            return doc
    return None


def _candidates_by_index(store: Store, index: int, sha256_hex: str | None) -> list[Candidate]:
    """Entries on this desktop that may sit at ``index``: confirmed there (expected), sent and
    given that index by the node, or listing the document hash (opportunistic)."""
    with store.session() as session:
        confirmed = session.scalars(
            select(LogEntry.entry)
            .join(ReceiptRow, ReceiptRow.leaf_hash == LogEntry.leaf_hash)
            .where(ReceiptRow.chain_index == index)
        ).all()
        submitted = session.scalars(
            select(LogEntry.entry)
            .join(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
            .where(OutboxItem.chain_index == index)
        ).all()
        listing: Sequence[str] = []
        if sha256_hex is not None:
            listing = session.scalars(
                select(LogEntry.entry)
                .join(DepositedDocument, DepositedDocument.leaf_hash == LogEntry.leaf_hash)
                .where(DepositedDocument.sha256 == sha256_hex)
            ).all()
    return [
        *(Candidate(text, True) for text in confirmed),
        *(Candidate(text, False) for text in submitted),
        *(Candidate(text, False) for text in listing),
    ]


# -- asking the node ---------------------------------------------------------------------------


async def ask_node(
    rpc: RpcClient,
    sha256_hex: str,
    verifiers: Verifiers,
    store: Store | None = None,
    *,
    entry: Entry | None = None,
    timeout: float = 20.0,
) -> list[Match]:
    """``verify.hash`` for a leaf or document hash, every returned receipt verified offline.

    The node's answer carries no entry text; the entry is ``entry`` (the user's signed entry)
    or looked up in ``store`` by the match's index or by the document hash. Raises
    ``NodeUnreachable`` or ``RemoteError`` when the node cannot answer.
    """
    query = bytes.fromhex(sha256_hex)
    answer = await rpc.call("verify.hash", {"sha256": sha256_hex}, timeout=timeout)
    items = answer.get("matches") if isinstance(answer, dict) else None
    if not isinstance(items, list):
        raise ChainError(detail="the node's answer to verify.hash has no list of matches")
    matches = []
    for item in items:
        matches.append(_node_match(item, query, verifiers, store, entry))
    return matches


def _node_match(
    item: Any, query: bytes, verifiers: Verifiers, store: Store | None, entry: Entry | None
) -> Match:
    if not isinstance(item, dict) or not isinstance(item.get("receipt"), str):
        return Match(None, Level.FAILED, "node", problem=ChainError(detail="a malformed match"))
    index = item.get("index")
    node_type = item.get("type") if isinstance(item.get("type"), str) else None
    try:
        node_time = parse_time(item.get("time"))  # type: ignore[arg-type]
    except ValueError:
        node_time = None
    candidates: list[Candidate] = []
    if entry is not None:
        candidates.append(Candidate(entry.text, True))
    if store is not None and isinstance(index, int) and not isinstance(index, bool):
        candidates += _candidates_by_index(store, index, query.hex())
    match = verify_against(
        item["receipt"],
        query,
        verifiers,
        candidates,
        source="node",
        node_type=node_type,
        node_time=node_time,
    )
    if match.index is not None and match.index != index and match.level is not Level.FAILED:
        problem = ReceiptError(
            detail=f"the node said index {index}, its receipt says {match.index}"
        )
        return replace(match, level=Level.FAILED, problem=problem)
    return match


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


# -- this desktop's own records ----------------------------------------------------------------


def local_matches(store: Store, verifiers: Verifiers | None, query: bytes) -> list[Match]:
    """Entries on this desktop that are, or list, ``query``: their stored receipts verified
    offline; entries signed here and not yet confirmed are ``PENDING`` (never "registered")."""
    with store.session() as session:
        leaves = set(
            session.scalars(
                select(DepositedDocument.leaf_hash).where(DepositedDocument.sha256 == query.hex())
            ).all()
        )
        rows = session.execute(
            select(LogEntry.entry, OutboxItem.state, OutboxItem.chain_index, OutboxItem.reason)
            .add_columns(ReceiptRow.receipt)
            .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
            .outerjoin(ReceiptRow, ReceiptRow.leaf_hash == LogEntry.leaf_hash)
            .where(or_(LogEntry.leaf_hash == query, LogEntry.leaf_hash.in_(leaves)))
            .order_by(LogEntry.seq)
        ).all()
    matches = []
    for text, state, index, reason, receipt in rows:
        if receipt is not None:
            if verifiers is None:
                problem = NotPinned()
                matches.append(Match(index, Level.FAILED, "local", problem=problem))
                continue
            matches.append(
                verify_against(receipt, query, verifiers, [Candidate(text, True)], source="local")
            )
            continue
        try:
            entry = open_entry(text)
        except LedgerError as exc:
            matches.append(Match(index, Level.FAILED, "local", problem=exc))
            continue
        if state == "rejected":
            matches.append(
                Match(
                    index, Level.REJECTED, "local", entry=entry, outbox_state=state, reason=reason
                )
            )
        elif state in ("pending", "submitted", "confirmed"):
            matches.append(Match(index, Level.PENDING, "local", entry=entry, outbox_state=state))
    return matches


def check_receipt(
    receipt: Receipt,
    verifiers: Verifiers,
    store: Store | None = None,
    entry_text: str | None = None,
) -> Match:
    """A receipt file, offline: with the entry the user chose, or the entry this desktop holds
    at the receipt's index (each locally stored entry whose receipt or outbox has that index)."""
    candidates = []
    if entry_text is not None:
        candidates.append(Candidate(entry_text, True))
    if store is not None:
        candidates += _candidates_by_index(store, receipt.index, None)
    return verify_against(receipt, None, verifiers, candidates, source="file")


# -- deposit (存证) ------------------------------------------------------------------------------


def evidence_statement(
    session: DeskSession, files: Sequence[tuple[str, str, int]], note: str = ""
) -> Statement:
    """An ``evidence.deposited`` statement (PROTOCOL.md section 1) for ``session.record``:
    body ``{"documents": [{name, sha256, size}, ...], "note"?}``, nothing else."""
    documents = [
        {"name": str(name), "sha256": str(sha256).lower(), "size": size}
        for name, sha256, size in files
    ]
    check_documents(documents)
    body: dict[str, Any] = {"documents": documents}
    if note.strip():
        body["note"] = note.strip()
    return session.statement(EVIDENCE_TYPE, "", body)


@dataclass(frozen=True)
class DepositState:
    """Where an entry signed here stands; ``confirmed`` only once its receipt is stored."""

    state: str  # pending, submitted, confirmed, rejected, unknown
    index: int | None = None
    on_chain_time: datetime | None = None
    reason: str | None = None


def deposit_state(store: Store, leaf: bytes) -> DepositState:
    with store.session() as session:
        outbox = session.get(OutboxItem, leaf)
        receipt = session.get(ReceiptRow, leaf)
    if receipt is not None:
        return DepositState("confirmed", receipt.chain_index, parse_time(receipt.on_chain_time))
    if outbox is None:
        return DepositState("unknown")
    state = "submitted" if outbox.state == "confirmed" else outbox.state  # no receipt: not yet
    return DepositState(state, outbox.chain_index, None, outbox.reason)


# -- findings: what a person can be told -------------------------------------------------------


class Fact(StrEnum):
    """One fact of a finding; each is either proven offline or rests on the node's word."""

    SIGNATURE = "signature"  # the signer's Ed25519 signature over the statement
    INCLUSION = "inclusion"  # the entry is in the log at the index (RFC 9162 proof, pinned keys)
    NAMES_FILE = "names-file"  # the entry lists this file's SHA-256 (or is this entry)
    ON_CHAIN_TIME = "on-chain-time"  # logged no later than the cosignature time
    CHECKPOINT = "checkpoint"  # the log signed, and the witness cosigned, a tree of that size
    TYPE = "type"  # the entry's statement type
    NODE_TIME = "node-time"  # the earlier on-chain time the node reports


@dataclass(frozen=True)
class Signer:
    vkey: str
    key_id: str
    name: str | None  # the enrolled name when this desktop knows it
    role: str | None
    is_you: bool = False


@dataclass(frozen=True)
class Finding:
    level: Level
    index: int | None
    origin: str | None = None  # the log
    checkpoint_size: int | None = None
    type: str | None = None
    signer: Signer | None = None
    case: str | None = None
    statement_time: datetime | None = None  # the signer's clock
    on_chain_time: datetime | None = None  # proven: verified cosignature time
    node_time: datetime | None = None  # the node's word
    witnesses: tuple[str, ...] = ()
    document: dict[str, Any] | None = None
    note: str | None = None
    proven: tuple[Fact, ...] = ()
    on_word: tuple[Fact, ...] = ()
    problem: LedgerError | None = None
    outbox_state: str | None = None
    reason: str | None = None
    leaf_hash: bytes | None = None


def known_names(
    store: Store | None, actors: Iterable[str], me: tuple[str, str, str] | None = None
) -> dict[str, tuple[str, str]]:
    """Enrolled (name, role) per actor from the Identity projection, and this profile's own."""
    wanted = set(actors)
    names: dict[str, tuple[str, str]] = {}
    if store is not None and wanted:
        with store.session() as session:
            for row in session.scalars(select(Identity).where(Identity.actor.in_(wanted))):
                names[row.actor] = (row.name, row.role)
    if me is not None and me[0] in wanted and me[0] not in names:
        names[me[0]] = (me[1], me[2])
    return names


def describe(
    matches: Sequence[Match],
    query: bytes | None,
    names: Mapping[str, tuple[str, str]] | None = None,
    me: str | None = None,
) -> list[Finding]:
    """Merge what each source said per log index and turn it into findings, strongest first.

    ``query`` is the hash asked for (None for a receipt file); ``names`` maps actor vkeys to
    (name, role); ``me`` is this profile's vkey.
    """
    names = names or {}
    groups: dict[Any, list[Match]] = {}
    for n, match in enumerate(matches):
        key: Any = match.index if match.index is not None else ("unindexed", n)
        if match.entry is not None and match.index is None:
            key = ("leaf", match.entry.leaf_hash)
        groups.setdefault(key, []).append(match)
    findings = [_finding(group, query, names, me) for group in groups.values()]
    findings.sort(key=lambda f: (-_LEVEL_RANK[f.level], f.index if f.index is not None else -1))
    return findings


def _finding(
    group: list[Match], query: bytes | None, names: Mapping[str, tuple[str, str]], me: str | None
) -> Finding:
    level = max((m.level for m in group), key=_LEVEL_RANK.__getitem__)
    entry = next((m.entry for m in group if m.entry is not None), None)
    index = next((m.index for m in group if m.index is not None), None)
    problem = next((m.problem for m in group if m.problem is not None), None)
    node = next((m for m in group if m.source == "node"), None)
    outbox = next((m for m in group if m.outbox_state is not None), None)
    verified = [m.receipt for m in group if m.receipt is not None and m.level is Level.PROVEN]
    checkpoints = [m.checkpoint for m in group if m.checkpoint is not None]
    first = min(verified, key=lambda r: r.checkpoint.cosigned_at, default=None)
    checkpoint = first.checkpoint if first is not None else None
    if checkpoint is None and checkpoints:
        checkpoint = min(checkpoints, key=lambda c: c.cosigned_at)
    statement = entry.statement if entry is not None else None
    signer = None
    if statement is not None:
        name, role = names.get(statement.actor, (None, None))
        signer = Signer(
            statement.actor,
            statement.actor_verifier.key_id,
            name,
            role,
            is_you=statement.actor == me,
        )
    proven: list[Fact] = []
    on_word: list[Fact] = []
    node_time = node.node_time if node is not None else None
    if level is Level.PROVEN:
        proven = [Fact.SIGNATURE, Fact.TYPE, Fact.INCLUSION, Fact.ON_CHAIN_TIME, Fact.CHECKPOINT]
        if query is not None:
            proven.append(Fact.NAMES_FILE)
        if (
            node_time is not None
            and checkpoint is not None
            and node_time < checkpoint.on_chain_time
        ):
            on_word.append(Fact.NODE_TIME)
    elif level is Level.CHECKPOINT_ONLY:
        proven = [Fact.CHECKPOINT]
        on_word = [Fact.NAMES_FILE, Fact.TYPE, Fact.NODE_TIME] if node is not None else []
    elif level in (Level.PENDING, Level.REJECTED) and entry is not None:
        proven = [Fact.SIGNATURE, Fact.TYPE]
    document = document_of(entry, query.hex()) if query is not None else None
    note = statement.body.get("note") if statement is not None else None
    return Finding(
        level=level,
        index=index,
        origin=checkpoint.checkpoint.origin if checkpoint is not None else None,
        checkpoint_size=checkpoint.checkpoint.size if checkpoint is not None else None,
        type=statement.type if statement is not None else (node.node_type if node else None),
        signer=signer,
        case=statement.case if statement is not None else None,
        statement_time=statement.moment if statement is not None else None,
        on_chain_time=checkpoint.on_chain_time
        if checkpoint is not None and level is Level.PROVEN
        else None,
        node_time=node_time,
        witnesses=checkpoint.witnesses if checkpoint is not None else (),
        document=document,
        note=note if isinstance(note, str) else None,
        proven=tuple(proven),
        on_word=tuple(on_word),
        problem=problem,
        outbox_state=outbox.outbox_state if outbox is not None else None,
        reason=outbox.reason if outbox is not None else None,
        leaf_hash=entry.leaf_hash if entry is not None else None,
    )


class NodeState(StrEnum):
    ANSWERED = "answered"
    UNREACHABLE = "unreachable"  # could not be asked (offline, refused, timed out)
    NOT_ASKED = "not-asked"  # a receipt file: checked offline, the node was not needed


class Verdict(StrEnum):
    PROVEN = "proven"  # at least one entry proven offline
    NODE_ONLY = "node-only"  # the node names entries; the tie to the file rests on its word
    INCOMPLETE = "incomplete"  # a receipt whose checkpoint verifies, the entry is missing
    PENDING = "pending"  # signed here, not confirmed by the chain yet
    NOT_ON_CHAIN = "not-on-chain"  # the node answered: no entry names this hash
    UNKNOWN = "unknown"  # nothing here, and the node could not be asked
    UNCHECKED = "unchecked"  # this desktop cannot check yet (no pinned keys)
    FAILED = "failed"  # something did not verify


@dataclass(frozen=True)
class Report:
    subject: Subject
    findings: tuple[Finding, ...]
    node: NodeState
    node_problem: LedgerError | None = None
    problem: LedgerError | None = None  # the subject itself (a broken entry or receipt file)

    @property
    def verdict(self) -> Verdict:
        levels = {f.level for f in self.findings}
        if isinstance(self.problem, NotPinned):
            return Verdict.UNCHECKED
        if self.problem is not None or Level.FAILED in levels:
            return Verdict.FAILED
        if Level.PROVEN in levels:
            return Verdict.PROVEN
        if Level.CHECKPOINT_ONLY in levels:
            return Verdict.INCOMPLETE if self.subject.kind is Kind.RECEIPT else Verdict.NODE_ONLY
        if levels & {Level.PENDING, Level.REJECTED}:
            return Verdict.PENDING
        if self.node is NodeState.ANSWERED:
            return Verdict.NOT_ON_CHAIN
        return Verdict.UNKNOWN


def check_offline(
    store: Store,
    subject: Subject,
    verifiers: Verifiers,
    *,
    entry_text: str | None = None,
    me: tuple[str, str, str] | None = None,
) -> Report:
    """What this desktop can say alone: a receipt file in full, other files from its records."""
    if subject.kind is Kind.RECEIPT:
        if subject.receipt is None:
            return Report(subject, (), NodeState.NOT_ASKED, problem=subject.problem)
        matches = [check_receipt(subject.receipt, verifiers, store, entry_text)]
        return _report(store, subject, matches, None, NodeState.NOT_ASKED, None, me)
    matches = local_matches(store, verifiers, subject.query)
    return _report(store, subject, matches, subject.query, NodeState.UNREACHABLE, None, me)


async def check(
    client: ChainClient,
    subject: Subject,
    *,
    entry_text: str | None = None,
    me: tuple[str, str, str] | None = None,
    timeout: float = 20.0,
) -> Report:
    """The whole check for the verify page (run on the network thread): this desktop's records
    and receipts first, then the node's ``verify.hash``, every receipt verified offline. A node
    out of reach is reported, never fatal."""
    store = client.store
    try:
        verifiers = pinned_verifiers(store, client)
    except NotPinned as exc:
        return Report(subject, (), NodeState.NOT_ASKED, problem=exc)
    if subject.kind is Kind.RECEIPT:
        return check_offline(store, subject, verifiers, entry_text=entry_text, me=me)
    matches = local_matches(store, verifiers, subject.query)
    node_state, node_problem = NodeState.ANSWERED, None
    try:
        async with node_rpc(client) as rpc:
            found = await ask_node(
                rpc,
                subject.query.hex(),
                verifiers,
                store,
                entry=subject.entry,
                timeout=timeout,
            )
            # The checkpoints the node showed us must fit the history this desktop verified.
            for match in found:
                if match.checkpoint is not None:
                    await client.observe_checkpoint(match.checkpoint.note_text, rpc)
        matches += found
    except ChainAlarm:
        raise  # a split view is not "unreachable": the sync shows the alarm
    except (NodeUnreachable, ChainError, OSError, TimeoutError) as exc:
        node_state = NodeState.UNREACHABLE
        node_problem = (
            exc
            if isinstance(exc, LedgerError)
            else NodeUnreachable(url=client.config.url, detail=str(exc) or type(exc).__name__)
        )
    return _report(store, subject, matches, subject.query, node_state, node_problem, me)


def _report(
    store: Store,
    subject: Subject,
    matches: list[Match],
    query: bytes | None,
    node: NodeState,
    node_problem: LedgerError | None,
    me: tuple[str, str, str] | None,
) -> Report:
    actors = [m.entry.statement.actor for m in matches if m.entry is not None]
    names = known_names(store, actors, me)
    findings = describe(matches, query, names, me[0] if me else None)
    return Report(subject, tuple(findings), node, node_problem, subject.problem)


# -- plain-English text (the UI builds its own, translated, from the same fields) --------------


def local_time(moment: datetime) -> str:
    """A UTC moment as this computer's local time, with its zone."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def signer_text(signer: Signer) -> str:
    who = signer.name or "an unknown person"
    if signer.is_you:
        who += " (you)"
    role = f", {signer.role}" if signer.role else ""
    return f"{who} (key {signer.key_id}{role})"


def finding_text(finding: Finding) -> str:
    """One finding in plain English: what is proven offline, what rests on the node's word."""
    lines = []
    where = f"entry #{finding.index}" if finding.index is not None else "an entry"
    if finding.origin is not None:
        where += f" of log {finding.origin}"
    if finding.level is Level.PROVEN:
        lines.append(f"PROVEN offline: {where} is in the log.")
    elif finding.level is Level.CHECKPOINT_ONLY:
        lines.append(
            f"The node says {where} ({finding.type or 'unknown type'}) names this file. Its "
            "receipt's checkpoint is authentic, but this desktop does not hold the entry, so "
            "who signed it and that it lists this file rest on the node's word."
        )
    elif finding.level is Level.PENDING:
        lines.append(
            "Signed on this desktop and waiting for the chain: pending, not registered yet "
            f"({finding.outbox_state})."
        )
    elif finding.level is Level.REJECTED:
        lines.append(f"Signed on this desktop but rejected by the node: {finding.reason}.")
    else:
        lines.append(f"DOES NOT VERIFY ({where}): {finding.problem}. Do not rely on it.")
    if finding.type and finding.signer is not None:
        lines.append(f"What: {finding.type}, signed by {signer_text(finding.signer)}.")
    elif finding.type:
        lines.append(f"What (the node's word): {finding.type}.")
    if finding.document is not None:
        lines.append(f"Document: {finding.document['name']} ({finding.document['size']} bytes).")
    if finding.note:
        lines.append(f"Note: {finding.note}")
    if finding.statement_time is not None:
        lines.append(f"Statement time (signer's clock): {local_time(finding.statement_time)}.")
    if finding.on_chain_time is not None:
        witnesses = ", ".join(finding.witnesses) or "the witness"
        lines.append(
            f"On-chain time: {local_time(finding.on_chain_time)} at the latest "
            f"(cosigned by {witnesses}; checkpoint of {finding.checkpoint_size} entries)."
        )
    if finding.node_time is not None and (
        Fact.NODE_TIME in finding.on_word or finding.on_chain_time is None
    ):
        lines.append(f"On-chain time according to the node: {local_time(finding.node_time)}.")
    if finding.proven:
        lines.append("Proven offline: " + ", ".join(f.value for f in finding.proven) + ".")
    if finding.on_word:
        lines.append("On the node's word: " + ", ".join(f.value for f in finding.on_word) + ".")
    return "\n".join(lines)


def report_text(report: Report) -> str:
    subject = report.subject
    head = f"{subject.name}: SHA-256 {subject.sha256} ({subject.size} bytes, {subject.kind})."
    verdicts = {
        Verdict.PROVEN: "This file is on the chain, proven offline.",
        Verdict.NODE_ONLY: "The node names entries for this file; see what is proven below.",
        Verdict.INCOMPLETE: "The receipt's checkpoint verifies; the entry it proves is missing.",
        Verdict.PENDING: "Signed on this desktop, not yet confirmed by the chain.",
        Verdict.NOT_ON_CHAIN: (
            "This file's SHA-256 is not on the chain: no entry in the log names it. Either it "
            "was never registered, or it was changed after registration."
        ),
        Verdict.UNKNOWN: (
            "Not found on this desktop, and the node could not be asked: no final answer."
        ),
        Verdict.UNCHECKED: "This desktop cannot check files yet.",
        Verdict.FAILED: "Something does not verify: do not rely on it.",
    }
    parts = [head, verdicts[report.verdict]]
    if report.problem is not None:
        parts.append(str(report.problem))
    if report.node is NodeState.UNREACHABLE:
        parts.append(f"The node could not be asked ({report.node_problem}).")
    parts += [finding_text(f) for f in report.findings]
    return "\n\n".join(parts)
