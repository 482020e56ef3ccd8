"""The findings model's "signed before the key was revoked" (desk.verify.findings, Qt-free):
an entry of a key revoked at index R is valid below R, FAILED at or after it (the node refuses
those), and one not logged yet will be refused."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desk.verify import Level, Match, NodeState, Report, Verdict, describe
from desk.verify.findings import Revocation, SignedAfterRevocation, revocation_of
from desk.verify.subject import Kind, Subject
from ledger.keys import SigningKey
from ledger.statement import Entry, build_statement, sign_statement


def entry_of(key: SigningKey, note: str) -> Entry:
    statement = build_statement(
        log="test.log/1",
        type="test.note",
        case="",
        actor=key.vkey,
        time=datetime.now(UTC),
        body={"note": note},
    )
    return sign_statement(statement, key)


def test_revocation_of_an_index() -> None:
    assert revocation_of(4, None) is None
    assert revocation_of(4, 5) is Revocation.BEFORE
    assert revocation_of(5, 5) is Revocation.AFTER
    assert revocation_of(6, 5) is Revocation.AFTER
    assert revocation_of(None, 5) is Revocation.UNLOGGED


def test_findings_of_a_revoked_key() -> None:
    key, other = SigningKey.generate(), SigningKey.generate()
    revoked = {key.vkey: 10}
    before = Match(9, Level.PROVEN, "local", entry=entry_of(key, "before"))
    after = Match(10, Level.PROVEN, "node", entry=entry_of(key, "after"))
    pending = Match(
        None, Level.PENDING, "local", entry=entry_of(key, "pending"), outbox_state="pending"
    )
    unrelated = Match(12, Level.PROVEN, "local", entry=entry_of(other, "other"))
    found = {
        f.leaf_hash: f
        for f in describe([before, after, pending, unrelated], None, {}, None, revoked)
    }
    valid = found[before.entry.leaf_hash]  # type: ignore[union-attr]
    assert valid.level is Level.PROVEN and valid.revocation is Revocation.BEFORE
    assert valid.signer is not None and valid.signer.revoked_at == 10 and valid.problem is None
    refused = found[after.entry.leaf_hash]  # type: ignore[union-attr]
    assert refused.level is Level.FAILED and refused.revocation is Revocation.AFTER
    assert isinstance(refused.problem, SignedAfterRevocation) and not refused.proven
    assert "#10" in str(refused.problem)
    assert found[pending.entry.leaf_hash].revocation is Revocation.UNLOGGED  # type: ignore[union-attr]
    assert found[unrelated.entry.leaf_hash].revocation is None  # type: ignore[union-attr]
    # without the revocations, the same matches are all as they were
    plain = describe([before, after], None)
    assert {f.level for f in plain} == {Level.PROVEN} and all(f.revocation is None for f in plain)
    # one entry at or after the revocation makes the report FAILED
    subject = Subject(Path("x.tlog-entry"), Kind.DOCUMENT, 1, "00" * 32)
    report = Report(subject, tuple(describe([after], None, revoked=revoked)), NodeState.ANSWERED)
    assert report.verdict is Verdict.FAILED
