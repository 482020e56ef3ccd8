"""``python main.py keys|log|receipt``: what a user types, what they read back."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

import main
from ledger.checkpoint import Checkpoint, sign_checkpoint
from ledger.keys import SigningKey
from ledger.merkle import inclusion_proof_from_leaves, root_from_leaf_hashes
from ledger.profile import Profile
from ledger.receipt import Receipt
from ledger.statement import build_statement, sign_statement
from ledger.store.append import append
from ledger.store.models import LogEntry
from ledger.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = "court.example/jcdesk/log"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    from ledger.cli import main as cli_main

    code = cli_main(argv, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JCDESK_HOME", str(tmp_path))
    monkeypatch.delenv("JCDESK_DATABASE_URL", raising=False)
    return tmp_path


def test_keys_new_then_show(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASS", "correct horse battery")
    code, out, err = run(["--profile", "mediator", "keys", "new", "--passphrase-env", "PASS"])
    assert code == 0, err
    key = SigningKey.load(Profile.named("mediator").key_path, "correct horse battery")
    assert key.vkey in out and key.key_id in out
    code, out, _ = run(["--profile", "mediator", "keys", "show"])
    assert code == 0 and key.vkey in out
    # a key is never overwritten
    code, _, err = run(["--profile", "mediator", "keys", "new", "--passphrase-env", "PASS"])
    assert code == 1 and "never overwritten" in err
    assert (
        SigningKey.load(Profile.named("mediator").key_path, "correct horse battery").vkey
        == key.vkey
    )


def test_keys_new_refuses_a_short_passphrase(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASS", "short")
    code, _, err = run(["keys", "new", "--passphrase-env", "PASS"])
    assert code == 1 and "at least 8 characters" in err
    assert not Profile.named().key_path.exists()


def test_keys_show_on_a_damaged_file_is_one_clear_line(home: Path) -> None:
    path = Profile.named().key_path
    path.parent.mkdir(parents=True)
    path.write_text("jcdesk-key-v1\nname: x\n")
    code, out, err = run(["keys", "show"])
    assert code == 1 and out == ""
    assert err.startswith("error: The key file cannot be used") and "Traceback" not in err


def fill_profile(key: SigningKey) -> list:
    store = Store.open(Profile.named().database_url())
    entries = [
        sign_statement(
            build_statement(
                log=ORIGIN,
                type="evidence.deposited",
                case="",
                actor=key.vkey,
                time=datetime(2026, 11, 27, 8, n, tzinfo=UTC),
                body={"documents": [{"name": f"f{n}", "sha256": f"{n:064x}", "size": n}]},
            ),
            key,
        )
        for n in range(5)
    ]
    with store.transaction() as session:
        append(session, store.projections, entries)
    store.close()
    return entries


def test_log_verify_ok_then_names_the_tampered_entry(home: Path) -> None:
    key = SigningKey.generate()
    entries = fill_profile(key)
    code, out, _ = run(["log", "verify"])
    assert code == 0 and out.startswith("OK: 5 entries")
    store = Store.open(Profile.named().database_url())
    with store.transaction() as session:
        session.execute(
            update(LogEntry)
            .where(LogEntry.seq == 4)
            .values(entry=entries[3].text.replace('"size":3', '"size":8'))
        )
    store.close()
    code, out, _ = run(["log", "verify"])
    assert code == 1
    assert "entry #4" in out and "signature" in out
    # the projection built from the original entry no longer matches what the log now says
    assert "deposited_documents" in out


def test_log_verify_without_a_database_says_so(home: Path) -> None:
    code, _, err = run(["log", "verify"])
    assert code == 1 and "no local database" in err


def make_receipt(tmp_path: Path) -> tuple[Path, Path, str, str, bytes]:
    user, log_key, witness = (
        SigningKey.generate(),
        SigningKey.generate(ORIGIN),
        SigningKey.generate("witness.court.example"),
    )
    entries = [
        sign_statement(
            build_statement(
                log=ORIGIN,
                type="evidence.deposited",
                case="",
                actor=user.vkey,
                time=datetime(2026, 11, 27, 8, 0, tzinfo=UTC),
                body={"documents": [{"name": "协议.pdf", "sha256": f"{n:064x}", "size": 10}]},
            ),
            user,
        )
        for n in range(6)
    ]
    leaves = [e.leaf_hash for e in entries]
    note = sign_checkpoint(
        Checkpoint(ORIGIN, 6, root_from_leaf_hashes(leaves)), log_key, [witness], 1_800_000_000
    )
    receipt = Receipt(4, tuple(inclusion_proof_from_leaves(4, leaves)), note).to_text()
    (tmp_path / "r.tlog-proof").write_text(receipt)
    (tmp_path / "entry.note").write_bytes(entries[4].data)
    return (
        tmp_path / "r.tlog-proof",
        tmp_path / "entry.note",
        log_key.vkey,
        witness.verifier(0x04).vkey,
        entries[4].data,
    )


def receipt_verify(receipt: Path, entry: Path, log_vkey: str, witness_vkey: str):
    return run(
        [
            "receipt",
            "verify",
            str(receipt),
            "--entry",
            str(entry),
            "--log-key",
            log_vkey,
            "--witness-key",
            witness_vkey,
        ]
    )


def test_receipt_verify_says_what_is_proven(tmp_path: Path) -> None:
    receipt, entry, log_vkey, witness_vkey, _ = make_receipt(tmp_path)
    code, out, err = receipt_verify(receipt, entry, log_vkey, witness_vkey)
    assert code == 0, err
    assert "VERIFIED" in out and "entry index:  4 of 6" in out
    assert "2027-01-15T08:00:00+00:00" in out  # the cosignature time, 1_800_000_000
    assert "evidence.deposited" in out
    assert out.count(" passed: ") == 6 and "step 6 of 6 passed: the inclusion proof" in out


def test_receipt_verify_truncated_or_wrong_key_is_refused(tmp_path: Path) -> None:
    receipt, entry, log_vkey, witness_vkey, _ = make_receipt(tmp_path)
    text = receipt.read_text()
    receipt.write_text(text[: len(text) // 2])
    code, out, err = receipt_verify(receipt, entry, log_vkey, witness_vkey)
    assert code == 1 and out == "" and err.startswith("error: The receipt does not verify")
    assert "refused at step 1 of 6: the receipt and its checkpoint parse" in err
    assert err.count("does not verify") == 1, err
    receipt.write_text(text)
    other = SigningKey.generate("witness.court.example").verifier(0x04).vkey
    code, _, err = receipt_verify(receipt, entry, log_vkey, other)
    assert code == 1 and "cosignature" in err
    assert "refused at step 3 of 6: a witness key given cosigned the checkpoint" in err
    stranger = SigningKey.generate(log_vkey.split("+")[0]).vkey  # the log's name, another key
    code, _, err = receipt_verify(receipt, entry, stranger, witness_vkey)
    assert code == 1 and "refused at step 2 of 6: the checkpoint is signed by the log key" in err
    # the receipt is not the entry it proves
    code, out, err = receipt_verify(receipt, receipt, log_vkey, witness_vkey)
    assert code == 1 and out == "" and "refused at step 6 of 6: the inclusion proof" in err


def test_main_py_is_the_entry_point(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "keys", "show"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"JCDESK_HOME": str(home), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 1
    assert "no key file" in result.stderr and "Traceback" not in result.stderr
    assert {"keys", "log", "receipt"} == main.LEDGER_COMMANDS
