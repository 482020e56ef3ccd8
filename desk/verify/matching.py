"""Tying receipts to the file asked about: each receipt goes through the one receipt verifier
(``ledger.receipt``), then through what only the desk knows, namely which entry texts it may
prove (the user's entry, the ones this desktop holds) and whether that entry names the file.

Three sources, one model: this desktop's records (``local_matches``), the node's ``verify.hash``
answer (``ask_node``) and a receipt file the user brought (``match_receipt_file``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from chain_client.errors import ChainError
from chain_client.lookup import HashMatch, hash_matches
from chain_client.rpc import RpcClient
from desk.verify.findings import Level, Match, document_of
from desk.verify.records import NotPinned, Verifiers, entries_at, records_naming
from ledger.errors import LedgerError, ReceiptError
from ledger.receipt import Receipt, VerifiedReceipt, check_receipt, parse_receipt
from ledger.statement import Entry, open_entry
from ledger.store.store import Store


@dataclass(frozen=True)
class Candidate:
    """An entry text that may be the leaf a receipt proves. ``expected``: it must be (it is the
    user's entry, or this desktop already verified it at that index), so a failure is a failure
    of the receipt, not merely "not this one"."""

    text: str
    expected: bool


def _index_of(receipt: Receipt | str) -> int | None:
    if isinstance(receipt, Receipt):
        return receipt.index
    try:
        return parse_receipt(receipt).index
    except LedgerError:
        return None


def match_receipt(
    receipt: Receipt | str,
    query: bytes | None,
    verifiers: Verifiers,
    candidates: Iterable[Candidate],
    *,
    source: str,
    node_type: str | None = None,
    node_time: datetime | None = None,
) -> Match:
    """What one receipt proves about ``query``, offline and fail-closed.

    The receipt's own steps run first (``ledger.receipt.check_receipt``: parse, log signature,
    cosignature, index). Each candidate entry then goes through the last two (leaf, inclusion);
    an expected candidate that does not verify fails the match. The entry found must carry a
    valid signature of its own and name the query: its leaf hash is the query, or a
    ``body.documents`` item has the query as ``sha256`` (no query: a receipt file, whose subject
    is the entry itself). With no candidate that verifies, only the checkpoint is proven
    (``Level.CHECKPOINT_ONLY``).
    """
    log_key, witnesses = verifiers
    text = receipt.to_text() if isinstance(receipt, Receipt) else receipt
    base = Match(
        None, Level.FAILED, source, node_type=node_type, node_time=node_time, receipt_text=text
    )
    try:
        checked = check_receipt(receipt, log_key, witnesses)
    except ReceiptError as exc:
        return replace(base, index=_index_of(receipt), problem=exc)
    base = replace(base, index=checked.index, checkpoint=checked.checkpoint)
    found: tuple[str, VerifiedReceipt] | None = None
    seen: set[str] = set()
    for candidate in candidates:  # every expected candidate is tried: fail closed
        if candidate.text in seen:
            continue
        seen.add(candidate.text)
        try:
            verified = checked.prove(candidate.text.encode("utf-8"))
        except ReceiptError as exc:
            if candidate.expected:
                return replace(base, problem=exc)
            continue
        if found is None:
            found = (candidate.text, verified)
    if found is None:
        return replace(base, level=Level.CHECKPOINT_ONLY)
    text, verified = found
    try:
        entry = open_entry(text)
    except LedgerError as exc:
        return replace(base, problem=exc)
    if query is not None and not names_hash(entry, verified.leaf_hash, query):
        problem = ReceiptError(
            detail=f"entry {checked.index} neither is nor lists the hash asked for"
        )
        return replace(base, entry=entry, receipt=verified, problem=problem)
    return replace(base, level=Level.PROVEN, entry=entry, receipt=verified)


def names_hash(entry: Entry, leaf: bytes, query: bytes) -> bool:
    """Does ``entry`` (whose leaf hash is ``leaf``) stand for ``query``?"""
    return leaf == query or document_of(entry, query.hex()) is not None


def candidates_at(store: Store, index: int, sha256_hex: str | None) -> list[Candidate]:
    """Entries on this desktop that may sit at ``index``: confirmed there (expected), sent and
    given that index by the node, or listing the document hash (opportunistic)."""
    found = entries_at(store, index, sha256_hex)
    return [
        *(Candidate(text, True) for text in found.confirmed),
        *(Candidate(text, False) for text in found.submitted),
        *(Candidate(text, False) for text in found.listing),
    ]


def local_matches(store: Store, verifiers: Verifiers | None, query: bytes) -> list[Match]:
    """Entries on this desktop that are, or list, ``query``: their stored receipts verified
    offline; entries signed here and not yet confirmed are ``PENDING`` (never "registered")."""
    matches = []
    for record in records_naming(store, query):
        index = record.index
        if record.receipt is not None:
            if verifiers is None:
                matches.append(Match(index, Level.FAILED, "local", problem=NotPinned()))
                continue
            candidates = [Candidate(record.text, True)]
            matches.append(
                match_receipt(record.receipt, query, verifiers, candidates, source="local")
            )
            continue
        try:
            entry = open_entry(record.text)
        except LedgerError as exc:
            matches.append(Match(index, Level.FAILED, "local", problem=exc))
            continue
        if record.state == "rejected":
            matches.append(
                Match(
                    index,
                    Level.REJECTED,
                    "local",
                    entry=entry,
                    outbox_state=record.state,
                    reason=record.reason,
                )
            )
        elif record.state in ("pending", "submitted", "confirmed"):
            matches.append(
                Match(index, Level.PENDING, "local", entry=entry, outbox_state=record.state)
            )
    return matches


def match_receipt_file(
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
        candidates += candidates_at(store, receipt.index, None)
    return match_receipt(receipt, None, verifiers, candidates, source="file")


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
    items = await hash_matches(rpc, query, timeout=timeout)
    return [_node_match(item, query, verifiers, store, entry) for item in items]


def _node_match(
    item: HashMatch, query: bytes, verifiers: Verifiers, store: Store | None, entry: Entry | None
) -> Match:
    if item.receipt is None:
        return Match(None, Level.FAILED, "node", problem=ChainError(detail="a malformed match"))
    candidates: list[Candidate] = []
    if entry is not None:
        candidates.append(Candidate(entry.text, True))
    if store is not None and item.index is not None:
        candidates += candidates_at(store, item.index, query.hex())
    match = match_receipt(
        item.receipt,
        query,
        verifiers,
        candidates,
        source="node",
        node_type=item.type,
        node_time=item.time,
    )
    if match.index is not None and match.index != item.index and match.level is not Level.FAILED:
        problem = ReceiptError(
            detail=f"the node said index {item.index}, its receipt says {match.index}"
        )
        return replace(match, level=Level.FAILED, problem=problem)
    return match
