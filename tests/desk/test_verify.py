"""desk.verify against a real embedded node: hashing, classifying, verify.hash with every receipt
checked offline, honest findings, and the evidence deposit (存证)."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from chain_client.rpc import RpcClient
from chain_client.sync import ClientConfig
from desk.embedded import LocalNode, start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from desk.verify import (
    Candidate,
    Fact,
    Kind,
    Level,
    NodeState,
    Verdict,
    ask_node,
    check,
    check_offline,
    classify,
    deposit_state,
    describe,
    evidence_statement,
    hash_file,
    local_matches,
    match_receipt,
    match_receipt_file,
    open_subject,
    pinned_verifiers,
)
from ledger.errors import StatementError
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.receipt import Step, failed_step, parse_receipt
from ledger.statement import Entry
from ledger.store.models import Receipt as ReceiptRow


def wait_for(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


@dataclass
class Desk:
    session: DeskSession
    statuses: list

    def run(self, coro, timeout: float = 30.0):
        return self.session.network.submit(coro).result(timeout)


def open_desk(tmp: Path, node: LocalNode, network: NetworkThread, name: str, role: str) -> Desk:
    profile = Profile.named(name, home=tmp)
    profile.save_settings(Settings(display_name=name.upper(), role=role))
    statuses: list = []
    session = DeskSession.open(
        profile, SigningKey.generate(), network, node.url, on_status=statuses.append
    )
    assert session.enrol().result(30)["status"] == "approved"
    return Desk(session, statuses)


@dataclass
class World:
    node: LocalNode
    network: NetworkThread
    alice: Desk  # deposits and syncs
    bob: Desk  # another desktop: pinned, never holds alice's entries
    tmp: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("verify")
    node = start_or_attach(tmp / "node")
    network = NetworkThread().start()
    alice = open_desk(tmp, node, network, "alice", "mediator")
    bob = open_desk(tmp, node, network, "bob", "creditor")
    alice.session.start_sync()
    wait_for(lambda: bool(alice.statuses) and alice.statuses[-1].state == "online")
    try:
        yield World(node, network, alice, bob, tmp)
    finally:
        node.stop()  # first: the node closes its connections cleanly, then the clients stop
        network.stop()
        alice.session.close()
        bob.session.close()


def deposit(desk: Desk, path: Path, note: str = "") -> Entry:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    statement = evidence_statement(desk.session, [(path.name, digest, path.stat().st_size)], note)
    entry = desk.session.record(statement)
    wait_for(lambda: deposit_state(desk.session.store, entry.leaf_hash).state == "confirmed")
    return entry


def subject_of(path: Path):
    *_, (_done, total, digest) = hash_file(path)
    assert digest is not None
    return open_subject(path, digest, total)


# -- hashing and classifying --------------------------------------------------------------------


def test_hash_file_streams_the_same_digest_as_hashlib(tmp_path: Path) -> None:
    path = tmp_path / "evidence.bin"
    data = os.urandom(5 * 1024 * 1024 + 123)
    path.write_bytes(data)
    steps = list(hash_file(path, chunk=256 * 1024))
    assert steps[0] == (0, len(data), None)
    assert steps[-1] == (len(data), len(data), hashlib.sha256(data).hexdigest())
    done = [d for d, _, _ in steps]
    assert done == sorted(done) and len(steps) > 20
    assert all(digest is None for _, _, digest in steps[:-1])
    assert {total for _, total, _ in steps} == {len(data)}


def test_hash_file_of_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty"
    path.write_bytes(b"")
    assert list(hash_file(path))[-1] == (0, 0, hashlib.sha256(b"").hexdigest())


def test_hash_file_stops_when_the_consumer_stops(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * (4 * 1024 * 1024))
    steps = hash_file(path, chunk=64 * 1024)
    seen = [next(steps) for _ in range(3)]
    steps.close()  # what a cancelled consumer does; the file is closed by the with-block
    assert seen[-1][0] == 2 * 64 * 1024
    assert steps.gi_frame is None
    with pytest.raises(StopIteration):
        next(steps)


def test_classify(world: World, tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + os.urandom(1000))
    assert classify(pdf) is Kind.DOCUMENT
    entry = deposit(world.alice, pdf)
    entry_file = tmp_path / "a.entry"
    entry_file.write_text(entry.text, encoding="utf-8", newline="")
    assert classify(entry_file) is Kind.ENTRY
    with world.alice.session.store.session() as s:
        receipt = s.get(ReceiptRow, entry.leaf_hash).receipt
    receipt_file = tmp_path / "a.tlog-proof"
    receipt_file.write_text(receipt, encoding="utf-8", newline="")
    assert classify(receipt_file) is Kind.RECEIPT
    huge = tmp_path / "huge.txt"  # says it is an entry, but no entry is that large
    huge.write_bytes(b"jcdesk/statement/v1\n" + b"a" * 70_000)
    assert classify(huge) is Kind.DOCUMENT
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert classify(empty) is Kind.DOCUMENT


# -- deposit ------------------------------------------------------------------------------------


def test_evidence_statement_follows_the_protocol_body(world: World) -> None:
    statement = evidence_statement(world.alice.session, [("x.pdf", "AB" * 32, 7)], "  note ")
    assert statement.type == "evidence.deposited" and statement.case == ""
    assert statement.body == {
        "documents": [{"name": "x.pdf", "sha256": "ab" * 32, "size": 7}],
        "note": "note",
    }
    assert "note" not in evidence_statement(world.alice.session, [("x", "a" * 64, 1)]).body
    with pytest.raises(StatementError):
        evidence_statement(world.alice.session, [("x.pdf", "abc", 7)])
    with pytest.raises(StatementError):
        evidence_statement(world.alice.session, [])


def test_deposit_is_pending_until_its_receipt_exists(world: World, tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"%PDF minutes " + os.urandom(64))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    session = world.alice.session
    entry = session.record(evidence_statement(session, [(path.name, digest, 77)]))
    first = deposit_state(session.store, entry.leaf_hash)
    assert first.state in ("pending", "submitted", "confirmed")
    if first.state != "confirmed":
        assert first.on_chain_time is None
    wait_for(lambda: deposit_state(session.store, entry.leaf_hash).state == "confirmed")
    done = deposit_state(session.store, entry.leaf_hash)
    assert done.index is not None and done.on_chain_time is not None


# -- asking the node ----------------------------------------------------------------------------


def test_ask_node_finds_a_deposit_by_document_hash_and_by_leaf_hash(
    world: World, tmp_path: Path
) -> None:
    path = tmp_path / "contract.pdf"
    path.write_bytes(b"%PDF contract " + os.urandom(2048))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    entry = deposit(world.alice, path, "signed copy")
    session = world.alice.session
    verifiers = pinned_verifiers(session.store, session.client)

    async def ask(query: str, store):
        rpc = await RpcClient.connect(session.client.config.url)
        try:
            return await ask_node(rpc, query, verifiers, store)
        finally:
            await rpc.close()

    (by_doc,) = world.alice.run(ask(digest, session.store))
    assert by_doc.level is Level.PROVEN and by_doc.source == "node"
    assert by_doc.entry is not None and by_doc.entry.leaf_hash == entry.leaf_hash
    assert by_doc.receipt is not None and by_doc.receipt.leaf_hash == entry.leaf_hash
    assert by_doc.node_type == "evidence.deposited" and by_doc.node_time is not None

    (by_leaf,) = world.alice.run(ask(entry.leaf_hash.hex(), None))  # no store: still the leaf
    assert by_leaf.level is Level.CHECKPOINT_ONLY  # the leaf alone: checkpoint, not the entry
    (by_leaf,) = world.alice.run(ask(entry.leaf_hash.hex(), session.store))
    assert by_leaf.level is Level.PROVEN and by_leaf.index == by_doc.index

    assert world.alice.run(ask(hashlib.sha256(b"never deposited").hexdigest(), None)) == []


def test_another_desktop_is_told_what_rests_on_the_nodes_word(world: World, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8 photo " + os.urandom(4096))
    deposit(world.alice, path)
    bob = world.bob.session
    report = world.bob.run(check(bob.client, subject_of(path)))
    assert report.node is NodeState.ANSWERED
    assert report.verdict is Verdict.NODE_ONLY
    (finding,) = report.findings
    assert finding.level is Level.CHECKPOINT_ONLY
    assert finding.proven == (Fact.CHECKPOINT,)
    assert Fact.NAMES_FILE in finding.on_word and Fact.TYPE in finding.on_word
    assert finding.signer is None and finding.on_chain_time is None
    assert finding.type == "evidence.deposited" and finding.node_time is not None
    # who signed it and that it lists this file: the node's word, never shown as proven
    assert finding.on_word == (Fact.NAMES_FILE, Fact.TYPE, Fact.NODE_TIME)
    assert finding.leaf_hash is None and finding.document is None


def test_tampered_receipts_fail_closed(world: World, tmp_path: Path) -> None:
    path = tmp_path / "tamper.pdf"
    path.write_bytes(b"%PDF tamper " + os.urandom(512))
    entry = deposit(world.alice, path)
    session = world.alice.session
    verifiers = pinned_verifiers(session.store, session.client)
    query = bytes.fromhex(hashlib.sha256(path.read_bytes()).hexdigest())
    with session.store.session() as s:
        good = s.get(ReceiptRow, entry.leaf_hash).receipt
    ok = match_receipt(good, query, verifiers, [Candidate(entry.text, True)], source="file")
    assert ok.level is Level.PROVEN
    parsed = parse_receipt(good)

    wrong_index = replace(parsed, index=parsed.index + 1 if parsed.index == 0 else 0)
    bad_root = parsed.checkpoint.replace(parsed.checkpoint.split("\n")[2], "A" * 43 + "=", 1)
    bad_sig_lines = parsed.checkpoint.split("\n")
    last = bad_sig_lines[-2]
    bad_sig_lines[-2] = last[:-6] + ("AAAAA=" if not last.endswith("AAAAA=") else "BBBBB=")
    tampered = [  # each with the step of the one receipt verifier that refuses it
        (wrong_index.to_text(), {Step.INDEX, Step.INCLUSION}),
        (replace(parsed, checkpoint=bad_root).to_text(), {Step.LOG_SIGNATURE}),
        (replace(parsed, checkpoint="\n".join(bad_sig_lines)).to_text(), {Step.COSIGNATURE}),
        (good.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2"), {Step.PARSE}),
        (good.split("\n\n")[0], {Step.PARSE}),  # truncated
    ]
    if parsed.proof:
        flipped = bytes([parsed.proof[0][0] ^ 1]) + parsed.proof[0][1:]
        tampered.append(
            (replace(parsed, proof=(flipped, *parsed.proof[1:])).to_text(), {Step.INCLUSION})
        )
    for text, steps in tampered:
        match = match_receipt(text, query, verifiers, [Candidate(entry.text, True)], source="x")
        assert match.level is Level.FAILED, text
        assert failed_step(match.problem) in steps, (match.problem, steps)
    # the same receipt with a different entry than the one it proves
    other = Candidate(entry.text.replace("tamper.pdf", "tamper.pdX"), True)
    wrong = match_receipt(good, query, verifiers, [other], source="x")
    assert wrong.level is Level.FAILED and failed_step(wrong.problem) is Step.INCLUSION
    # a receipt of another log (bob's pins are the same log: use a fresh key as the log key)
    stranger = SigningKey.generate(name=verifiers[0].name).verifier()
    foreign = match_receipt(good, query, (stranger, verifiers[1]), [], source="x")
    assert foreign.level is Level.FAILED and failed_step(foreign.problem) is Step.LOG_SIGNATURE
    assert foreign.index == parsed.index  # still grouped with the entry it claims


def test_check_describes_who_signed_what_and_when(world: World, tmp_path: Path) -> None:
    path = tmp_path / "调解协议.pdf"
    path.write_bytes(b"%PDF agreement " + os.urandom(1024))
    entry = deposit(world.alice, path, "原件扫描")
    session = world.alice.session
    me = (session.key.vkey, session.settings.display_name, session.settings.role)
    report = world.alice.run(check(session.client, subject_of(path), me=me))
    assert report.verdict is Verdict.PROVEN and report.node is NodeState.ANSWERED
    (finding,) = report.findings
    assert finding.level is Level.PROVEN
    assert finding.type == "evidence.deposited"
    assert finding.signer is not None and finding.signer.name == "ALICE"
    assert finding.signer.is_you and finding.signer.key_id == session.key.key_id
    assert finding.document == {
        "name": path.name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "size": path.stat().st_size,
    }
    assert finding.note == "原件扫描"
    assert finding.on_chain_time is not None and finding.statement_time is not None
    assert finding.origin == session.origin and finding.checkpoint_size > finding.index
    assert finding.witnesses and finding.leaf_hash == entry.leaf_hash
    assert {Fact.SIGNATURE, Fact.INCLUSION, Fact.NAMES_FILE, Fact.ON_CHAIN_TIME} <= set(
        finding.proven
    )
    assert finding.signer.role == "mediator" and finding.case == ""
    assert finding.on_chain_time >= finding.statement_time.replace(microsecond=0)

    # the signed entry as a file: found by its leaf hash, fully proven
    entry_file = tmp_path / "deposit.entry"
    entry_file.write_text(entry.text, encoding="utf-8", newline="")
    by_entry = world.alice.run(check(session.client, subject_of(entry_file), me=me))
    assert by_entry.verdict is Verdict.PROVEN
    assert by_entry.findings[0].leaf_hash == entry.leaf_hash


def test_unknown_and_changed_files_are_not_on_the_chain(world: World, tmp_path: Path) -> None:
    path = tmp_path / "evidence.txt"
    path.write_bytes(b"the original text")
    deposit(world.alice, path)
    path.write_bytes(b"the original text.")  # one byte more
    report = world.alice.run(check(world.alice.session.client, subject_of(path)))
    assert report.verdict is Verdict.NOT_ON_CHAIN and report.findings == ()
    assert report.node is NodeState.ANSWERED and report.node_problem is None


def test_a_receipt_file_verifies_offline(world: World, tmp_path: Path) -> None:
    path = tmp_path / "served.pdf"
    path.write_bytes(b"%PDF served " + os.urandom(300))
    entry = deposit(world.alice, path)
    session = world.alice.session
    with session.store.session() as s:
        receipt_text = s.get(ReceiptRow, entry.leaf_hash).receipt
    receipt_file = tmp_path / "served.tlog-proof"
    receipt_file.write_text(receipt_text, encoding="utf-8", newline="")
    subject = subject_of(receipt_file)
    assert subject.kind is Kind.RECEIPT and subject.receipt is not None

    # this desktop holds the entry at the receipt's index
    report = world.alice.run(check(session.client, subject))
    assert report.node is NodeState.NOT_ASKED and report.verdict is Verdict.PROVEN
    assert report.findings[0].leaf_hash == entry.leaf_hash

    # bob does not: the checkpoint verifies, the entry is missing, until he picks it
    bob = world.bob.session
    verifiers = pinned_verifiers(bob.store)
    partial = check_offline(bob.store, subject, verifiers)
    assert partial.verdict is Verdict.INCOMPLETE
    full = check_offline(bob.store, subject, verifiers, entry_text=entry.text)
    assert full.verdict is Verdict.PROVEN
    wrong = match_receipt_file(subject.receipt, verifiers, bob.store, entry_text=entry.text + " ")
    assert wrong.level is Level.FAILED and failed_step(wrong.problem) is Step.INCLUSION

    broken = tmp_path / "broken.tlog-proof"
    broken.write_text(receipt_text.split("\n\n")[0] + "\n", encoding="utf-8")
    assert check_offline(bob.store, subject_of(broken), verifiers).verdict is Verdict.FAILED


def test_node_out_of_reach_still_verifies_stored_receipts(world: World, tmp_path: Path) -> None:
    path = tmp_path / "kept.pdf"
    path.write_bytes(b"%PDF kept " + os.urandom(300))
    deposit(world.alice, path)
    session = world.alice.session
    offline_client = type(session.client)(
        session.store, session.key, ClientConfig(url="ws://127.0.0.1:9")
    )
    report = world.alice.run(check(offline_client, subject_of(path)))
    assert report.node is NodeState.UNREACHABLE and report.node_problem is not None
    assert report.verdict is Verdict.PROVEN  # the receipt stored here proves it, offline
    assert "127.0.0.1:9" in str(report.node_problem)  # the address that could not be asked

    stranger = tmp_path / "stranger.pdf"
    stranger.write_bytes(b"never seen")
    unknown = world.alice.run(check(offline_client, subject_of(stranger)))
    assert unknown.verdict is Verdict.UNKNOWN  # not "not on the chain": nobody was asked


def test_describe_merges_sources_and_fails_closed(world: World, tmp_path: Path) -> None:
    path = tmp_path / "merge.pdf"
    path.write_bytes(b"%PDF merge " + os.urandom(100))
    entry = deposit(world.alice, path)
    session = world.alice.session
    subject = subject_of(path)
    report = world.alice.run(check(session.client, subject))
    assert len(report.findings) == 1  # local receipt and node receipt: one entry, one finding
    verifiers = pinned_verifiers(session.store)
    local = local_matches(session.store, verifiers, subject.query)
    assert [m.level for m in local] == [Level.PROVEN]
    broken = replace(local[0], level=Level.FAILED, problem=StatementError(detail="test"))
    (merged,) = describe([local[0], broken], subject.query)
    assert merged.level is Level.FAILED and merged.on_chain_time is None
    assert merged.leaf_hash == entry.leaf_hash
