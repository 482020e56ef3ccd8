"""What the Verify page reads from this desktop's store, in one place: the pinned keys, the
entries that are or list a hash, the entries that may sit at a log index, enrolled names and
where a deposit stands. Plain values come out; nothing above this module writes SQL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from ledger.clock import parse_time
from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.keys import Verifier, parse_vkey
from ledger.store.generic import DepositedDocument, Identity
from ledger.store.models import ChainPin, LogEntry, OutboxItem
from ledger.store.models import Receipt as ReceiptRow
from ledger.store.store import Store

Verifiers = tuple[Verifier, list[Verifier]]


class NotPinned(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "This desktop has not pinned the chain's log and witness keys yet, so it cannot check "
        "receipts. Connect to the chain node once (the status bar shows it), then try again.",
    )


def pinned_keys(store: Store) -> Verifiers:
    """The log and witness keys stored with this desktop's pin (PROTOCOL.md 5.1)."""
    with store.session() as session:
        pin = session.scalars(select(ChainPin).limit(1)).first()
    if pin is None:
        raise NotPinned()
    return parse_vkey(pin.log_vkey), [parse_vkey(v) for v in pin.witness_vkeys.split("\n") if v]


@dataclass(frozen=True)
class LocalRecord:
    """An entry this desktop holds, with its outbox state and stored receipt if any."""

    text: str
    state: str | None  # outbox: pending, submitted, confirmed, rejected (None: received)
    index: int | None  # the index the node gave it (outbox)
    reason: str | None  # why the node rejected it
    receipt: str | None


def records_naming(store: Store, sha256: bytes) -> list[LocalRecord]:
    """Entries whose leaf hash is ``sha256``, or that list a document with that SHA-256, in log
    order."""
    with store.session() as session:
        leaves = set(
            session.scalars(
                select(DepositedDocument.leaf_hash).where(DepositedDocument.sha256 == sha256.hex())
            ).all()
        )
        rows = session.execute(
            select(LogEntry.entry, OutboxItem.state, OutboxItem.chain_index, OutboxItem.reason)
            .add_columns(ReceiptRow.receipt)
            .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
            .outerjoin(ReceiptRow, ReceiptRow.leaf_hash == LogEntry.leaf_hash)
            .where(or_(LogEntry.leaf_hash == sha256, LogEntry.leaf_hash.in_(leaves)))
            .order_by(LogEntry.seq)
        ).all()
    return [LocalRecord(*row) for row in rows]


@dataclass(frozen=True)
class EntriesAt:
    """Entry texts that may be the leaf at one log index."""

    confirmed: tuple[str, ...]  # a receipt stored here puts it at that index
    submitted: tuple[str, ...]  # the node gave it that index; no receipt stored yet
    listing: tuple[str, ...]  # lists the document hash asked for (anywhere in the log)


def entries_at(store: Store, index: int, sha256_hex: str | None) -> EntriesAt:
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
        listing: Iterable[str] = ()
        if sha256_hex is not None:
            listing = session.scalars(
                select(LogEntry.entry)
                .join(DepositedDocument, DepositedDocument.leaf_hash == LogEntry.leaf_hash)
                .where(DepositedDocument.sha256 == sha256_hex)
            ).all()
    return EntriesAt(tuple(confirmed), tuple(submitted), tuple(listing))


def enrolled_names(store: Store, actors: Iterable[str]) -> dict[str, tuple[str, str]]:
    """(name, role) per actor vkey, from the Identity projection."""
    wanted = set(actors)
    if not wanted:
        return {}
    with store.session() as session:
        rows = session.scalars(select(Identity).where(Identity.actor.in_(wanted))).all()
        return {row.actor: (row.name, row.role) for row in rows}


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
