"""The sync client and revoked keys (docs/protocol.md, ``identity.revoke``), against a real node
on loopback: an entry signed before the revocation is verified and applied by another desk,
which also holds the node-signed revocation (with its receipt); an entry the revoked key signs
after it is refused by the node and never reaches the other desk; an ``identity.revoked`` not
signed by the pinned node key revokes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from chain_client.sync import ChainClient, ClientConfig
from ledger.keys import SigningKey
from ledger.statement import build_statement, sign_statement
from ledger.store.append import append
from ledger.store.models import LogEntry, OutboxItem, Receipt
from tests.chain.test_sync import Desk, run, start_node, until


def test_entries_signed_before_a_revocation_stay_valid(tmp_path: Path) -> None:
    async def scenario() -> None:
        node = await start_node(tmp_path / "node")
        mediator, party = Desk(tmp_path, "mediator", node.url), Desk(tmp_path, "party", node.url)
        try:
            await mediator.enrol("mediator")
            await party.enrol("party")
            mediator.sign("test.case.opened", {"members": [party.key.vkey]})
            before = mediator.sign("test.note", {"n": "before"})
            mediator.start()
            await until(lambda: mediator.states() == {"confirmed": 2})
            mediator.sign("identity.revoke", {"reason": "laptop stolen"}, case="")
            await until(lambda: mediator.states() == {"confirmed": 3})
            after = mediator.sign("test.note", {"n": "after"})
            # refused for good (not resent like a pending enrolment's), with the node's reason
            await until(lambda: mediator.states().get("rejected") == 1)
            assert "revoked at index" in (_reason(mediator, after) or "")
            with mediator.store.session() as session:
                revoke_index = session.scalar(
                    select(OutboxItem.chain_index)
                    .where(OutboxItem.state == "confirmed")
                    .order_by(OutboxItem.chain_index.desc())
                )
            revoked_at = revoke_index + 1  # the node's identity.revoked right after it

            party.start()
            await until(lambda: party.count() == 2)  # the opening and "before", not "after"
            with party.store.session() as session:
                applied = set(session.scalars(select(LogEntry.leaf_hash)))
                kinds = set(
                    session.scalars(
                        select(LogEntry.type).join(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
                    )
                )
            assert before in applied and after not in applied
            assert "identity.revoked" in kinds  # held with its receipt, in the public case
            client = party.client
            assert client.revocations() == {mediator.key.vkey: revoked_at}
            assert await client.may_sign_at(mediator.key.vkey, revoked_at - 1) is True
            assert await client.may_sign_at(mediator.key.vkey, revoked_at) is False
            assert await client.may_sign_at(mediator.key.vkey, revoked_at + 10) is False
            assert await client.may_sign_at(party.key.vkey, revoked_at + 10) is True
            await party.stop()

            # a forged identity.revoked (signed by a key other than the pinned node key) held
            # locally with a receipt row revokes nothing for a client that reads the store anew
            forger = SigningKey.generate()
            forged = sign_statement(
                build_statement(
                    log=mediator.origin,
                    type="identity.revoked",
                    case="",
                    actor=forger.vkey,
                    time=datetime.now(UTC),
                    body={"key": party.key.vkey, "reason": "forged"},
                ),
                forger,
            )
            with party.store.transaction() as session:
                real = session.scalars(
                    select(Receipt)
                    .join(LogEntry, Receipt.leaf_hash == LogEntry.leaf_hash)
                    .where(LogEntry.type == "identity.revoked")
                ).one()
                (row,) = append(session, party.store.projections, [forged], source="chain")
                session.add(
                    Receipt(
                        leaf_hash=row.leaf_hash,
                        chain_index=real.chain_index,
                        checkpoint_size=real.checkpoint_size,
                        on_chain_time=real.on_chain_time,
                        receipt=real.receipt,
                    )
                )
            fresh = ChainClient(party.store, party.key, ClientConfig(url=node.url))
            await fresh.connect()
            assert fresh.revocations() == {mediator.key.vkey: revoked_at}
            await fresh.login()
            assert await fresh.may_sign_at(party.key.vkey, revoked_at + 10) is True
            await fresh._disconnect()
        finally:
            await mediator.stop()
            await party.stop()
            await node.close()

    run(scenario)


def _reason(desk: Desk, leaf: bytes) -> str | None:
    with desk.store.session() as session:
        return session.scalar(select(OutboxItem.reason).where(OutboxItem.leaf_hash == leaf))
