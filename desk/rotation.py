"""Revoking the profile's key, and replacing it (Electronic Signature Law Art. 15: a signatory
who knows its signature creation data is compromised must stop using it and tell the parties).

``revoke_key`` (Qt-free; the settings dialog and ``main.py keys revoke`` call it), with the
profile closed:

1. Unlock the key with the passphrase; make the new key and save it, under the same
   passphrase, as ``identity.key.next`` (a crash from here on loses nothing).
2. Sign ``identity.revoke`` with the old key — naming the new key as its successor when
   rotating — append it to the local log and send it with everything still unsent (what the
   old key signed before is logged first, in order). The node logs its own
   ``identity.revoked`` right after it; the desk fetches and verifies that too.
3. Switch the profile at once (the old key is of no use any more): the old key file is kept
   as ``identity.key.revoked-<index>`` (never deleted: it still opens what it sealed), the
   profile's data key is wrapped for the new key (the old wrapping kept as
   ``data.key.revoked-<index>``), and ``identity.key.next`` becomes ``identity.key``.
4. Rotating: enrol the new key under the same name and role (the node lets a named successor
   take its predecessor's name) and wait for the approval; the node has already carried the
   new key into every case of the old one. If this fails, the profile is enrolled again as
   any new key is, and the name is still reserved for it.

Revoking first and enrolling second is on purpose: the compromised key stops at once, and the
successor's link is signed by the key it replaces. A plain revocation (a key believed stolen)
names no successor: the new key must then be enrolled under another name, and the court's
members add it to their cases again.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from chain_client.sync import ChainClient, ClientConfig, node_statement_key
from chain_node.domains import installed_domains
from ledger.clock import Clock
from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.statement import build_statement
from ledger.store.append import sign_and_append
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.models import Receipt as ReceiptRow
from ledger.store.store import Store
from ledger.vault import PrivateVault

NEXT_KEY = "identity.key.next"
MAX_REASON = 200  # chain_node.storage.MAX_REVOKE_REASON


class RevocationError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The key could not be revoked: {detail}")


@dataclass(frozen=True)
class Revoked:
    """What ``revoke_key`` did."""

    old_vkey: str
    new_vkey: str
    revoke_index: int  # the old key's identity.revoke
    revoked_index: int  # the node's identity.revoked: from here on the old key is refused
    successor: bool  # the new key was named (rotation) and enrolled under the same name
    enrolment: str  # "approved", "pending" (the court decides), "" (none asked), or why not
    kept_as: Path  # the old key file


async def revoke_key(
    profile: Profile,
    passphrase: str,
    node_url: str,
    reason: str,
    *,
    rotate: bool,
    approval_timeout: float = 30.0,
    clock: Clock | None = None,
) -> Revoked:
    """Revoke the profile's key at the node (see the module text) and switch the profile to
    a new key. RevocationError, with nothing switched, if the node did not log it."""
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise RevocationError(detail=f"give a reason of 1 to {MAX_REASON} characters")
    old = SigningKey.load(profile.key_path, passphrase)  # WrongPassphraseError if wrong
    settings = profile.load_settings()
    next_path = profile.folder / NEXT_KEY
    if next_path.exists():  # an interrupted earlier attempt: carry on with its key
        new = SigningKey.load(next_path, passphrase)
    else:
        new = SigningKey.generate()
        new.save(next_path, passphrase)
    store = Store.open(profile.database_url(), installed_domains())
    try:
        config = ClientConfig(url=node_url)
        client = ChainClient(store, old, config, clock=clock)
        try:
            await client.connect()
            await client.login()
            revoke_index = await _send_revoke(client, store, old, new, reason, rotate)
            # the node's identity.revoked, fetched, verified and held with its receipt
            if await client.may_sign_at(old.vkey, revoke_index + 1):
                raise RevocationError(detail="the node did not log the revocation")
            revoked_index = client.revocations()[old.vkey]
        finally:
            await client._disconnect()
        # the old key is of no use from here on: the profile signs with the new one at once,
        # so an enrolment that fails below is simply asked again, as for any new key
        kept_as = _switch(profile, old, new, revoked_index)
        enrolment = ""
        if rotate:
            try:
                enrolment = await _enrol(store, new, config, settings, approval_timeout, clock)
            except (LedgerError, OSError) as exc:
                enrolment = f"not sent ({exc}); enrol the profile again"
    finally:
        store.close()
    return Revoked(old.vkey, new.vkey, revoke_index, revoked_index, rotate, enrolment, kept_as)


async def _send_revoke(
    client: ChainClient, store: Store, old: SigningKey, new: SigningKey, reason: str, rotate: bool
) -> int:
    assert client.pin is not None
    body: dict[str, str] = {"reason": reason}
    if rotate:
        body["successor"] = new.vkey
    statement = build_statement(
        log=client.pin.origin,
        type="identity.revoke",
        case="",
        actor=old.vkey,
        time=client.clock.now(),
        body=body,
    )
    with store.transaction() as session:
        entry, _ = sign_and_append(session, store.projections, old, statement, clock=client.clock)
    await client.flush()  # the unsent entries first, then this one; each confirmed by receipt
    with store.session() as session:
        row = session.get(OutboxItem, entry.leaf_hash)
    if row is None or row.state != "confirmed" or row.chain_index is None:
        state = "missing" if row is None else row.state
        said = row.reason if row is not None and row.reason else "no answer"
        raise RevocationError(detail=f"the node did not confirm it ({state}: {said})")
    return int(row.chain_index)


async def _enrol(
    store: Store,
    new: SigningKey,
    config: ClientConfig,
    settings: Settings,
    timeout: float,
    clock: Clock | None,
) -> str:
    client = ChainClient(store, new, config, clock=clock)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        while True:
            answer = await client.enrol(settings.display_name, settings.role)
            status = str(answer.get("status", ""))
            if status == "approved" or loop.time() >= deadline:
                return status
            await asyncio.sleep(1.0)  # the court approves it; ask again with the same entry
    finally:
        await client._disconnect()


def _switch(profile: Profile, old: SigningKey, new: SigningKey, index: int) -> Path:
    """The profile now signs with ``new``; the old key and data-key wrapping are kept."""
    folder = profile.folder
    kept = folder / f"identity.key.revoked-{index}"
    if profile.data_key_path.exists():
        vault = PrivateVault.open(profile.data_key_path, old)
        os.replace(profile.data_key_path, folder / f"data.key.revoked-{index}")
        vault.save(profile.data_key_path, new)
    os.replace(profile.key_path, kept)
    os.replace(folder / NEXT_KEY, profile.key_path)
    return kept


def revoked_keys(store: Store, node_vkey: str) -> dict[str, int]:
    """Revoked keys whose node-signed ``identity.revoked`` this desk holds -> its index (the
    Verify page says "signed before the key was revoked" for an entry below it)."""
    with store.session() as session:
        rows = session.execute(
            select(LogEntry.entry, ReceiptRow.chain_index)
            .join(ReceiptRow, ReceiptRow.leaf_hash == LogEntry.leaf_hash)
            .where(LogEntry.type == "identity.revoked")
        ).all()
    return {
        key: index
        for text, index in rows
        if (key := node_statement_key(text, node_vkey, "identity.revoked"))
    }
