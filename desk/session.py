"""An open profile: its settings, its unlocked key, its store, and its sync with the chain.

The UI calls ``record`` with a statement a domain service built; signing and appending go
through ``ledger.store.append.sign_and_append`` (the one way in), and the chain client on the
network thread is woken to send it. Callbacks arrive on the network thread: the UI re-emits
them as Qt signals.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casework import private
from chain_client.sync import ChainClient, ClientConfig, Pins, SyncStatus
from chain_node.domains import installed_domains
from desk.network import NetworkThread
from desk.rotation import revoked_keys
from desk.writer import Writer
from ledger.clock import Clock
from ledger.domain import Registry
from ledger.errors import LedgerError
from ledger.keys import SigningKey
from ledger.privacy import check_personal_data
from ledger.profile import Profile, Settings
from ledger.statement import Entry, Statement, build_statement
from ledger.store.append import sign_and_append
from ledger.store.models import ChainPin
from ledger.store.store import Store
from ledger.vault import DataKeyError, PrivateVault


def open_vault(profile: Profile, store: Store, key: SigningKey) -> PrivateVault:
    """The profile's data key, made on first use; never a new one over sealed data, which
    would then be unreadable for good."""
    if not profile.data_key_path.exists():
        with store.session() as session:
            if private.has_sealed_rows(session):
                raise DataKeyError(
                    detail=f"{profile.data_key_path} is missing, and the store holds personal "
                    "data sealed under it. Put the file back (or restore the profile from a "
                    "backup); nothing was changed."
                )
    return PrivateVault.open(profile.data_key_path, key)


def seal_private_data(profile: Profile, store: Store, vault: PrivateVault) -> None:
    """Seal personal data a version before sealing wrote in clear: in one transaction, then
    with nothing clear left in the SQLite file, its WAL or its pre-migration copies."""
    with store.transaction() as session:
        sealed = private.seal_clear_rows(session)
    if sealed and store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        for copy in profile.folder.glob(profile.database_path.name + ".before-*"):
            private.seal_sqlite_copy(copy, vault)


class NotConnectedYet(LedgerError):
    message = (
        "This profile has not reached its chain node yet, so it does not know which log to sign "
        "for. Connect once (the status bar shows the node), then try again."
    )


@dataclass
class DeskSession:
    profile: Profile
    settings: Settings
    key: SigningKey
    store: Store
    network: NetworkThread
    client: ChainClient
    clock: Clock
    writer: Writer  # the profile's one writer: every write transaction runs on it

    @classmethod
    def open(
        cls,
        profile: Profile,
        key: SigningKey,
        network: NetworkThread,
        node_url: str,
        *,
        registry: Registry | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_entry: Callable[[int, str], None] | None = None,
        clock: Clock | None = None,
    ) -> DeskSession:
        settings = profile.load_settings()
        profile.secure()  # profiles from before are tightened here
        store = Store.open(profile.database_url(), registry or installed_domains())
        try:
            store.info["vault"] = open_vault(profile, store, key)
            seal_private_data(profile, store, store.info["vault"])
        except BaseException:
            store.close()
            raise
        pins = None
        if settings.pinned_log_vkey:
            pins = Pins(settings.pinned_log_vkey, tuple(settings.pinned_witness_vkeys))
        clock = clock or Clock()
        writer = Writer(store)
        client = ChainClient(
            store,
            key,
            ClientConfig(url=node_url, pins=pins),
            on_status=on_status,
            on_entry=on_entry,
            clock=clock,
            writer=writer,
        )
        return cls(profile, settings, key, store, network, client, clock, writer)

    @property
    def vault(self) -> PrivateVault:
        return self.store.info["vault"]

    # -- chain ----------------------------------------------------------------------------

    def start_sync(self) -> concurrent.futures.Future[None]:
        return self.network.submit(self.client.run())

    def enrol(self) -> concurrent.futures.Future[dict[str, Any]]:
        return self.network.submit(
            self.client.enrol(self.settings.display_name, self.settings.role)
        )

    def revoked_keys(self) -> dict[str, int]:
        """Revoked keys this desk holds the node-signed revocation of -> its index. An entry
        by such a key at a smaller index was "signed before the key was revoked" (valid); the
        sync never applies one at or after it."""
        with self.store.session() as session:
            node = session.scalars(select(ChainPin.node_vkey).limit(1)).first()
        return revoked_keys(self.store, node) if node else {}

    @property
    def origin(self) -> str:
        with self.store.session() as session:
            origin = session.scalars(select(ChainPin.origin).limit(1)).first()
        if origin is None:
            raise NotConnectedYet()
        return origin

    # -- signing --------------------------------------------------------------------------

    def statement(
        self,
        type_: str,
        case: str,
        body: dict[str, Any],
        time: datetime | None = None,
        *,
        actor: SigningKey | None = None,
    ) -> Statement:
        """A statement by this profile's key, or by ``actor`` — a party signing at this desk
        with their own key and passphrase (ARCHITECTURE.md, "Identity").

        Every statement the desk signs is built here, so the personal-data guard runs here,
        before signing: ``PersonalDataError`` and nothing is appended."""
        check_personal_data(body)
        return build_statement(
            log=self.origin,
            type=type_,
            case=case,
            actor=(actor or self.key).vkey,
            time=time or self.clock.now(),
            body=body,
        )

    def record(
        self,
        statement: Statement,
        *,
        key: SigningKey | None = None,
        also: Callable[[Session], None] | None = None,
    ) -> Entry:
        """Check the statement against its case's rules (``ContractViolation``: nothing is
        signed or stored), sign with the actor's own key, append as pending, wake the sync.

        ``also`` writes local-only rows (e.g. a party's private details) in the same
        transaction, so either both are stored or neither is. The transaction runs on the
        profile's writer (waited for here), which then sends the change event.
        """

        def write(session: Session) -> Entry:
            cases = self.store.projections.cases
            with cases.lock:  # the rule the node runs, against the state this appends to
                self.store.registry.check(cases.slot(session, statement.case), statement)
            entry, _ = sign_and_append(
                session, self.store.projections, key or self.key, statement, clock=self.clock
            )
            if also is not None:
                also(session)
            return entry

        entry = self.writer.run(
            write, cases=(statement.case,), types=(statement.type,), outbox=True
        )
        if self.network.running:
            self.network.call_soon(self.client.kick)
        return entry

    def close(self) -> None:
        self.writer.close()  # queued writes finish first
        self.store.close()
