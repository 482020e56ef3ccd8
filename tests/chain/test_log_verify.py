"""``main.py log verify`` checks what the chain proved, not only the entries' signatures.

A real desk syncs with a real node on loopback, so its store holds real receipts and a kept
checkpoint history with the consistency proofs it verified. Each tampering below is made on a
copy of that SQLite file and must be caught and named; the untouched copy says OK.
"""

from __future__ import annotations

import base64
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from chain_node.config import NodeConfig
from chain_node.server import serve
from ledger.cli import main as cli_main
from ledger.store.models import LogEntry, OutboxItem, Receipt, VerifiedCheckpoint
from ledger.store.store import Store
from tests.chain.test_sync import Desk, run, until
from tests.notes import with_notes


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A desk store after three statements were confirmed one by one (several checkpoints)."""
    folder = tmp_path_factory.mktemp("synced")

    async def scenario() -> None:
        node = await serve(
            NodeConfig(domains=with_notes(), data_dir=folder / "node", auto_approve=True)
        )
        desk = Desk(folder, "mediator", node.url)
        try:
            await desk.enrol("mediator")
            desk.start()
            desk.sign("test.case.opened", {"members": []})
            for n in range(1, 4):
                await until(lambda n=n: desk.states() == {"confirmed": n})
                if n < 3:
                    doc = {"name": f"f{n}", "sha256": f"{n:064x}", "size": n}
                    desk.sign("evidence.deposited", {"documents": [doc]})
        finally:
            await desk.stop()
            await node.close()
            desk.store.close()

    run(scenario)
    return folder / "mediator.sqlite"


def verify(path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(["log", "verify", "--database-url", f"sqlite:///{path}"], out, err)
    return code, out.getvalue() + err.getvalue()


def tampered(synced: Path, tmp_path: Path, change: Callable[[Session], str]) -> tuple[str, str]:
    """Apply ``change`` to a copy of the store; return what it says it changed and the output
    of ``log verify`` (which must fail)."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(synced, copy)
    store = Store.open(f"sqlite:///{copy}")
    with store.transaction() as session:
        what = change(session)
    store.close()
    code, out = verify(copy)
    assert code == 1, out
    return what, out


def own_receipt(session: Session) -> tuple[Receipt, int]:
    """A receipt of one of the desk's own statements with a non-empty proof, and its seq."""
    rows = session.execute(
        select(Receipt, LogEntry.seq)
        .join(LogEntry, LogEntry.leaf_hash == Receipt.leaf_hash)
        .join(OutboxItem, OutboxItem.leaf_hash == Receipt.leaf_hash)
        .order_by(LogEntry.seq)
    ).all()
    for receipt, seq in rows:
        if len(receipt.receipt.split("\n\n")[0].split("\n")) > 2:  # header, index, hashes
            return receipt, seq
    raise AssertionError("no receipt with a proof hash")


def kept(session: Session) -> list[VerifiedCheckpoint]:
    return list(session.scalars(select(VerifiedCheckpoint).order_by(VerifiedCheckpoint.id)))


def test_an_untouched_store_is_ok(synced: Path) -> None:
    store = Store.open(f"sqlite:///{synced}")
    with store.session() as session:
        receipts = len(session.scalars(select(Receipt)).all())
        checkpoints = kept(session)
    store.close()
    assert receipts >= 3 and len(checkpoints) >= 3
    assert [c.prior_size for c in checkpoints[1:]] == [c.size for c in checkpoints[:-1]]
    code, out = verify(synced)
    assert code == 0, out
    assert f"{receipts} receipts and {len(checkpoints)} kept checkpoints verify" in out


def test_a_changed_proof_hash_is_named(synced: Path, tmp_path: Path) -> None:
    def change(session: Session) -> str:
        receipt, seq = own_receipt(session)
        head, _, note = receipt.receipt.partition("\n\n")
        lines = head.split("\n")
        lines[2] = base64.b64encode(bytes(32)).decode()
        receipt.receipt = "\n".join(lines) + "\n\n" + note
        return f"receipt of entry #{seq} "

    where, out = tampered(synced, tmp_path, change)
    assert where in out and "does not verify" in out and "inclusion proof" in out


def test_a_deleted_receipt_of_a_confirmed_entry_is_named(synced: Path, tmp_path: Path) -> None:
    def change(session: Session) -> str:
        receipt, seq = own_receipt(session)
        session.execute(delete(Receipt).where(Receipt.leaf_hash == receipt.leaf_hash))
        return (
            f"entry #{seq} (leaf {receipt.leaf_hash.hex()[:16]}…): is confirmed but has no receipt"
        )

    where, out = tampered(synced, tmp_path, change)
    assert where in out


def test_a_changed_index_is_named(synced: Path, tmp_path: Path) -> None:
    def change(session: Session) -> str:
        receipt, _ = own_receipt(session)
        session.execute(
            update(OutboxItem)
            .where(OutboxItem.leaf_hash == receipt.leaf_hash)
            .values(chain_index=receipt.chain_index + 1)
        )
        return f"the outbox says index {receipt.chain_index + 1}, the receipt {receipt.chain_index}"

    where, out = tampered(synced, tmp_path, change)
    assert where in out


def test_a_changed_checkpoint_root_is_named(synced: Path, tmp_path: Path) -> None:
    def change(session: Session) -> str:
        row = kept(session)[1]
        row.root_hash = bytes(32)
        return f"checkpoint #{row.id} (size {row.size}): stored root 0000000000000000…"

    where, out = tampered(synced, tmp_path, change)
    assert where in out and "the signed note says" in out


def test_a_changed_root_in_the_signed_note_is_named(synced: Path, tmp_path: Path) -> None:
    def change(session: Session) -> str:
        row = kept(session)[1]
        origin, size, _root, rest = row.note.split("\n", 3)
        row.note = "\n".join([origin, size, base64.b64encode(bytes(32)).decode(), rest])
        return f"checkpoint #{row.id} (size {row.size}): the signed note does not verify"

    where, out = tampered(synced, tmp_path, change)
    assert where in out


def test_a_changed_consistency_proof_is_named(synced: Path, tmp_path: Path) -> None:
    def change(session: Session) -> str:
        row = next(c for c in kept(session) if c.consistency_proof)
        row.consistency_proof = bytes(len(row.consistency_proof or b""))
        return (
            f"checkpoint #{row.id} (size {row.size}): the consistency proof from size "
            f"{row.prior_size} does not verify"
        )

    where, out = tampered(synced, tmp_path, change)
    assert where in out


def test_a_removed_checkpoint_breaks_the_chain_of_proofs(synced: Path, tmp_path: Path) -> None:
    def change(session: Session) -> str:
        rows = kept(session)
        session.delete(rows[1])
        return (
            f"checkpoint #{rows[2].id} (size {rows[2].size}): proven from size {rows[1].size}, "
            f"but the checkpoint kept before it has size {rows[0].size}"
        )

    where, out = tampered(synced, tmp_path, change)
    assert where in out


def test_checkpoints_kept_before_proofs_were_stored_get_them_at_the_next_sync(
    tmp_path: Path,
) -> None:
    """A store from before migration 0003 (no proofs kept) is named by log verify; the desk's
    next connection fetches and verifies the missing proofs, and log verify says OK."""

    async def scenario() -> None:
        node = await serve(
            NodeConfig(domains=with_notes(), data_dir=tmp_path / "node", auto_approve=True)
        )
        desk = Desk(tmp_path, "mediator", node.url)
        path = tmp_path / "mediator.sqlite"
        try:
            await desk.enrol("mediator")
            desk.start()
            for n in range(3):
                doc = {"name": f"f{n}", "sha256": f"{n:064x}", "size": n}
                desk.sign("evidence.deposited", {"documents": [doc]}, case="")
                await until(lambda n=n: desk.states() == {"confirmed": n + 1})
            await desk.stop()
            with desk.store.transaction() as session:
                session.execute(
                    update(VerifiedCheckpoint).values(prior_size=None, consistency_proof=None)
                )
                rows = kept(session)
            assert len(rows) >= 3
            code, out = verify(path)
            assert code == 1
            assert f"checkpoint #{rows[1].id} (size {rows[1].size}): no consistency proof" in out
            await desk.client.connect()
            await desk.client._disconnect()
            with desk.store.session() as session:
                rows = kept(session)
            assert [c.prior_size for c in rows[1:]] == [c.size for c in rows[:-1]]
            code, out = verify(path)
            assert code == 0, out
        finally:
            await desk.stop()
            await node.close()
            desk.store.close()

    run(scenario)
