"""Checkpoints (c2sp.org/tlog-checkpoint) and cosignatures (c2sp.org/tlog-cosignature)."""

from __future__ import annotations

import base64
import hashlib
import struct
from datetime import UTC, datetime, timedelta

import pytest

from ledger.checkpoint import (
    Checkpoint,
    CosignatureNoteSigner,
    parse_checkpoint_body,
    sign_checkpoint,
    verify_checkpoint,
)
from ledger.errors import CheckpointError
from ledger.keys import SIG_COSIGNATURE_V1, SIG_ED25519, SigningKey, Verifier, parse_vkey
from ledger.merkle import EMPTY_ROOT
from ledger.note import (
    Ed25519NoteSigner,
    NoteSignature,
    cosignature_message,
    parse_note,
    sign_note,
    verify_note,
)

# FiloSottile/torchwood cmd/litewitness/testdata/multi-cosigs-ed25519.txt (section 6.2)
SIGSUM_PUB = bytes.fromhex("52c05edad1bf5feffa81354faae59a655d9a9a1a793ed2f62c39c26c0be2aecd")
SIGSUM_ORIGIN = (
    "sigsum.org/v1/tree/985ea163f5af026723561354f51f2ebcdcf2af809ce254ccfb64aa9aadd80f90"
)
SIGSUM_BODY = SIGSUM_ORIGIN + "\n1\nKgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
SIGSUM_CHECKPOINT = (
    SIGSUM_BODY
    + "\n— "
    + SIGSUM_ORIGIN
    + " 7BKT0gOfNZ1J0So9unY3BZtm2YkPIoNYM/dce0Z2avJDs8dxN6ts9bOSwwrVrbjm6P9K3ZxpK6jJngOG6YvGGzV/"
    + "lwo=\n"
)

# Go's PeterNeumann seed (section 6.1), used as a witness key in the self-made vector of 6.4
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
WITNESS_VKEY = "witness.example/w1+cc9a7044+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
WITNESS_TIME = 1679315147
WITNESS_LINE = (
    "— witness.example/w1 zJpwRAAAAABkGFDLBc2Q1ZTgb0HEfq4G/l5+fMMHmKhvCJEeuguhtowU6dkky1QRtfW9rk3Q"
    "Ud7gPdkTQQay4M4/YUHP2th+ca42AA==\n"
)

ORIGIN = "example.org/jcdesk/test-log"
TIME = 1_790_000_000


def peter_seed() -> bytes:
    return base64.b64decode(PETER_SKEY.split("+", 4)[4])[1:]


def sigsum_log() -> Verifier:
    return Verifier(SIGSUM_ORIGIN, SIG_ED25519, SIGSUM_PUB)


@pytest.fixture(scope="module")
def keys() -> dict[str, SigningKey]:
    return {
        "log": SigningKey.generate(ORIGIN),
        "w1": SigningKey.generate("witness.example/w1"),
        "w2": SigningKey.generate("witness.example/w2"),
        "stranger": SigningKey.generate("witness.example/w3"),
    }


def wv(key: SigningKey) -> Verifier:
    return key.verifier(SIG_COSIGNATURE_V1)


def a_checkpoint(size: int = 7, root: bytes | None = None) -> Checkpoint:
    return Checkpoint(ORIGIN, size, root if root is not None else hashlib.sha256(b"r").digest())


# -- published vectors ----------------------------------------------------------------------


def test_torchwood_checkpoint_log_signature_verifies() -> None:
    log = sigsum_log()
    assert log.key_hash.hex() == "ec1293d2"
    assert SIGSUM_ORIGIN.endswith(hashlib.sha256(SIGSUM_PUB).hexdigest())
    assert parse_vkey(log.vkey) == log
    note = parse_note(SIGSUM_CHECKPOINT)
    assert [v.verifier for v in verify_note(note, [log])] == [log]
    cp = parse_checkpoint_body(note.text)
    assert cp == Checkpoint(SIGSUM_ORIGIN, 1, b"\x2a" + bytes(31))
    assert cp.body() == SIGSUM_BODY


def test_torchwood_checkpoint_needs_cosignatures_by_default() -> None:
    verified = verify_checkpoint(SIGSUM_CHECKPOINT, sigsum_log(), [], min_cosignatures=0)
    assert verified.checkpoint.size == 1
    assert verified.witnesses == ()
    assert verified.note_text == SIGSUM_CHECKPOINT
    with pytest.raises(CheckpointError):
        verify_checkpoint(SIGSUM_CHECKPOINT, sigsum_log(), [])
    with pytest.raises(CheckpointError):
        verify_checkpoint(SIGSUM_CHECKPOINT, sigsum_log(), [parse_vkey(WITNESS_VKEY)])


def test_torchwood_checkpoint_refuses_a_changed_body() -> None:
    changed = SIGSUM_CHECKPOINT.replace("\n1\n", "\n2\n", 1)
    with pytest.raises(CheckpointError):
        verify_checkpoint(changed, sigsum_log(), [], min_cosignatures=0)
    changed = SIGSUM_CHECKPOINT.replace("KgAA", "KwAA", 1)
    with pytest.raises(CheckpointError):
        verify_checkpoint(changed, sigsum_log(), [], min_cosignatures=0)


def test_cosignature_message_matches_sigsum_vector() -> None:
    # sigsum-go pkg/types/tree_head_test.go (section 6.3)
    origin = "sigsum.org/v1/tree/" + hashlib.sha256(bytes(32)).hexdigest()
    body = Checkpoint(origin, 257, bytes(range(32))).body()
    expected = (
        b"cosignature/v1\n"
        b"time 72623859790382856\n"
        b"sigsum.org/v1/tree/66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925\n"
        b"257\n"
        b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"
    )
    assert cosignature_message(body.encode(), 72623859790382856) == expected


def test_cosignature_line_reproduced_byte_for_byte() -> None:
    witness = SigningKey.from_seed(peter_seed(), "witness.example/w1")
    assert wv(witness).vkey == WITNESS_VKEY
    signer = CosignatureNoteSigner(witness, WITNESS_TIME)
    assert signer.key_hash == bytes.fromhex("cc9a7044")
    line = NoteSignature(signer.name, signer.key_hash, signer.sign_note_text(SIGSUM_BODY.encode()))
    assert line.line() == WITNESS_LINE
    raw = base64.b64decode(WITNESS_LINE.split(" ")[2])
    assert len(raw) == 4 + 8 + 64
    assert struct.unpack(">Q", raw[4:12]) == (WITNESS_TIME,)  # big-endian timestamp
    # the Ed25519 signature covers the cosignature/v1 message, not the bare checkpoint
    msg = b"cosignature/v1\ntime 1679315147\n" + SIGSUM_BODY.encode()
    assert parse_vkey(WITNESS_VKEY).verify_raw(msg, raw[12:])


def test_torchwood_checkpoint_with_the_self_made_cosignature() -> None:
    note_text = SIGSUM_CHECKPOINT + WITNESS_LINE
    verified = verify_checkpoint(note_text, sigsum_log(), [parse_vkey(WITNESS_VKEY)])
    assert verified.cosigned_at == WITNESS_TIME
    assert verified.witnesses == ("witness.example/w1",)
    assert verified.on_chain_time == datetime(2023, 3, 20, 12, 25, 47, tzinfo=UTC)
    # an Ed25519 (0x01) vkey of the witness is not a cosignature key
    as_ed25519 = parse_vkey(WITNESS_VKEY).with_type(SIG_ED25519)
    with pytest.raises(CheckpointError):
        verify_checkpoint(note_text, sigsum_log(), [as_ed25519])


# -- round trip -----------------------------------------------------------------------------


def test_sign_verify_round_trip(keys: dict[str, SigningKey]) -> None:
    cp = a_checkpoint()
    text = sign_checkpoint(cp, keys["log"], [keys["w1"]], TIME)
    assert text.startswith(cp.body() + "\n")
    verified = verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])])
    assert verified.checkpoint == cp
    assert verified.note_text == text
    assert verified.cosigned_at == TIME
    assert verified.witnesses == ("witness.example/w1",)
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    assert verified.on_chain_time == epoch + timedelta(seconds=TIME)
    assert verified.on_chain_time.tzinfo is not None
    assert verified.on_chain_time.utcoffset() == timedelta(0)


def test_two_witnesses_and_quorum(keys: dict[str, SigningKey]) -> None:
    text = sign_checkpoint(a_checkpoint(), keys["log"], [keys["w1"], keys["w2"]], TIME)
    log, w1, w2 = keys["log"].verifier(), wv(keys["w1"]), wv(keys["w2"])
    verified = verify_checkpoint(text, log, [w1, w2], min_cosignatures=2)
    assert sorted(verified.witnesses) == ["witness.example/w1", "witness.example/w2"]
    assert verify_checkpoint(text, log, [w2]).witnesses == ("witness.example/w2",)
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, log, [w1], min_cosignatures=2)


def test_on_chain_time_is_the_earliest_verified_cosignature(keys: dict[str, SigningKey]) -> None:
    cp = a_checkpoint()
    body = cp.body()
    signers = [
        Ed25519NoteSigner(keys["log"]),
        CosignatureNoteSigner(keys["w1"], TIME + 60),
        CosignatureNoteSigner(keys["w2"], TIME),
    ]
    text = sign_note(body, signers)
    log, w1, w2 = keys["log"].verifier(), wv(keys["w1"]), wv(keys["w2"])
    assert verify_checkpoint(text, log, [w1, w2]).cosigned_at == TIME
    assert verify_checkpoint(text, log, [w1]).cosigned_at == TIME + 60


def test_empty_tree_and_extension_lines(keys: dict[str, SigningKey]) -> None:
    empty = Checkpoint(ORIGIN, 0, EMPTY_ROOT)
    assert empty.body() == ORIGIN + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
    text = sign_checkpoint(empty, keys["log"], [keys["w1"]], TIME)
    assert verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])]).checkpoint == empty
    ext = Checkpoint(ORIGIN, 3, bytes(32), ("ext one", "ext two"))
    assert parse_checkpoint_body(ext.body()) == ext
    text = sign_checkpoint(ext, keys["log"], [keys["w1"]], TIME)
    assert verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])]).checkpoint == ext


# -- refusals -------------------------------------------------------------------------------


def test_log_key_must_be_named_after_the_origin(keys: dict[str, SigningKey]) -> None:
    with pytest.raises(CheckpointError):
        sign_checkpoint(a_checkpoint(), keys["w1"], [keys["w2"]], TIME)


def test_wrong_origin(keys: dict[str, SigningKey]) -> None:
    text = sign_checkpoint(a_checkpoint(), keys["log"], [keys["w1"]], TIME)
    renamed = Verifier("example.org/other-log", SIG_ED25519, keys["log"].public_key)
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, renamed, [wv(keys["w1"])])
    # a log that signs under its own name a checkpoint with another origin
    other = SigningKey.generate("example.org/other-log")
    foreign = sign_note(a_checkpoint().body(), [Ed25519NoteSigner(other)])
    with pytest.raises(CheckpointError):
        verify_checkpoint(foreign, other.verifier(), [], min_cosignatures=0)


def test_wrong_log_key(keys: dict[str, SigningKey]) -> None:
    text = sign_checkpoint(a_checkpoint(), keys["log"], [keys["w1"]], TIME)
    impostor = SigningKey.generate(ORIGIN)
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, impostor.verifier(), [wv(keys["w1"])])
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, keys["log"].verifier(SIG_COSIGNATURE_V1), [wv(keys["w1"])])


def test_log_signature_missing(keys: dict[str, SigningKey]) -> None:
    only_cosigned = sign_note(a_checkpoint().body(), [CosignatureNoteSigner(keys["w1"], TIME)])
    with pytest.raises(CheckpointError):
        verify_checkpoint(only_cosigned, keys["log"].verifier(), [wv(keys["w1"])])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("\n7\n", "\n8\n"),  # size
        ("\n7\n", "\n6\n"),
        ("\n7\n", "\n07\n"),
        (ORIGIN + "\n", ORIGIN + "x\n"),  # origin
    ],
)
def test_tampered_body(keys: dict[str, SigningKey], old: str, new: str) -> None:
    text = sign_checkpoint(a_checkpoint(7), keys["log"], [keys["w1"]], TIME)
    assert old in text
    with pytest.raises(CheckpointError):
        verify_checkpoint(text.replace(old, new, 1), keys["log"].verifier(), [wv(keys["w1"])])


def test_tampered_root(keys: dict[str, SigningKey]) -> None:
    cp = a_checkpoint()
    text = sign_checkpoint(cp, keys["log"], [keys["w1"]], TIME)
    other_root = base64.b64encode(bytes([cp.root_hash[0] ^ 1]) + cp.root_hash[1:]).decode()
    tampered = text.replace(base64.b64encode(cp.root_hash).decode(), other_root, 1)
    assert tampered != text
    with pytest.raises(CheckpointError):
        verify_checkpoint(tampered, keys["log"].verifier(), [wv(keys["w1"])])


def test_missing_cosignature(keys: dict[str, SigningKey]) -> None:
    text = sign_checkpoint(a_checkpoint(), keys["log"], [], TIME)
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])])
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, keys["log"].verifier(), [])
    assert verify_checkpoint(text, keys["log"].verifier(), [], min_cosignatures=0).cosigned_at == 0


def test_cosignature_from_an_unknown_witness_only(keys: dict[str, SigningKey]) -> None:
    text = sign_checkpoint(a_checkpoint(), keys["log"], [keys["stranger"]], TIME)
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])])
    # a stranger under the trusted witness's name is still a stranger
    namesake = SigningKey.generate("witness.example/w1")
    text = sign_checkpoint(a_checkpoint(), keys["log"], [namesake], TIME)
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])])


def test_bad_cosignature_from_a_known_witness(keys: dict[str, SigningKey]) -> None:
    cp = a_checkpoint()
    good = sign_checkpoint(cp, keys["log"], [keys["w1"], keys["w2"]], TIME)
    note = parse_note(good)
    log_sig, w1_sig, w2_sig = note.signatures
    bad_w2 = NoteSignature(w2_sig.name, w2_sig.key_hash, w2_sig.signature[:8] + bytes(64))
    changed_time = NoteSignature(
        w2_sig.name, w2_sig.key_hash, struct.pack(">Q", TIME + 1) + w2_sig.signature[8:]
    )
    log, w1, w2 = keys["log"].verifier(), wv(keys["w1"]), wv(keys["w2"])
    for sig in (bad_w2, changed_time):
        text = note.text + "\n" + log_sig.line() + w1_sig.line() + sig.line()
        assert verify_checkpoint(text, log, [w1]).witnesses == ("witness.example/w1",)
        with pytest.raises(CheckpointError):
            verify_checkpoint(text, log, [w1, w2])  # fail closed despite w1's good cosignature
        with pytest.raises(CheckpointError):
            verify_checkpoint(text, log, [w2])


def test_cosignature_over_another_checkpoint_is_bad(keys: dict[str, SigningKey]) -> None:
    log, w1 = keys["log"].verifier(), wv(keys["w1"])
    first = parse_note(sign_checkpoint(a_checkpoint(7), keys["log"], [keys["w1"]], TIME))
    second = parse_note(sign_checkpoint(a_checkpoint(8), keys["log"], [keys["w1"]], TIME))
    spliced = second.text + "\n" + second.signatures[0].line() + first.signatures[1].line()
    with pytest.raises(CheckpointError):
        verify_checkpoint(spliced, log, [w1])


def test_leading_zero_size_signed_by_the_log_is_refused(keys: dict[str, SigningKey]) -> None:
    body = ORIGIN + "\n07\n" + base64.b64encode(bytes(32)).decode() + "\n"
    text = sign_note(
        body, [Ed25519NoteSigner(keys["log"]), CosignatureNoteSigner(keys["w1"], TIME)]
    )
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])])


@pytest.mark.parametrize("root", [bytes(31), bytes(33), b"", bytes(64)])
def test_root_must_be_32_bytes(keys: dict[str, SigningKey], root: bytes) -> None:
    body = ORIGIN + "\n7\n" + base64.b64encode(root).decode() + "\n"
    with pytest.raises(CheckpointError):
        parse_checkpoint_body(body)
    text = sign_note(
        body, [Ed25519NoteSigner(keys["log"]), CosignatureNoteSigner(keys["w1"], TIME)]
    )
    with pytest.raises(CheckpointError):
        verify_checkpoint(text, keys["log"].verifier(), [wv(keys["w1"])])


ROOT64 = base64.b64encode(bytes(32)).decode()


@pytest.mark.parametrize(
    "body",
    [
        f"{ORIGIN}\n7\n{ROOT64}",  # no final newline
        f"{ORIGIN}\n7\n",
        f"{ORIGIN}\n7\n\n",
        f"\n7\n{ROOT64}\n",  # empty origin
        f"{ORIGIN}\n\n{ROOT64}\n",
        f"{ORIGIN}\n07\n{ROOT64}\n",
        f"{ORIGIN}\n00\n{ROOT64}\n",
        f"{ORIGIN}\n+7\n{ROOT64}\n",
        f"{ORIGIN}\n-7\n{ROOT64}\n",
        f"{ORIGIN}\n-0\n{ROOT64}\n",
        f"{ORIGIN}\n 7\n{ROOT64}\n",
        f"{ORIGIN}\n7 \n{ROOT64}\n",
        f"{ORIGIN}\n0x7\n{ROOT64}\n",
        f"{ORIGIN}\n1_000\n{ROOT64}\n",
        f"{ORIGIN}\n\u0667\n{ROOT64}\n",  # ARABIC-INDIC DIGIT SEVEN
        f"{ORIGIN}\n\uff17\n{ROOT64}\n",  # FULLWIDTH DIGIT SEVEN
        f"{ORIGIN}\n\u00b2\n{ROOT64}\n",  # SUPERSCRIPT TWO
        f"{ORIGIN}\n7\n{ROOT64[:-1]}\n",  # root padding missing
        f"{ORIGIN}\n7\n{ROOT64[:-1]}*\n",
        f"{ORIGIN}\n7\n {ROOT64}\n",
        f"{ORIGIN}\n7\n{ROOT64}\n\n",  # empty extension line
        f"{ORIGIN}\n7\n{ROOT64}\next\n\n",
    ],
)
def test_parse_checkpoint_body_is_strict(body: str) -> None:
    with pytest.raises(CheckpointError):
        parse_checkpoint_body(body)


def test_malformed_notes_are_checkpoint_errors(keys: dict[str, SigningKey]) -> None:
    log, w1 = keys["log"].verifier(), wv(keys["w1"])
    good = sign_checkpoint(a_checkpoint(), keys["log"], [keys["w1"]], TIME)
    for bad in ("", "garbage", good[:-1], good.replace("— ", "- "), "\x00" + good, good + "\n"):
        with pytest.raises(CheckpointError) as info:
            verify_checkpoint(bad, log, [w1])
        assert type(info.value) is CheckpointError


def test_every_truncation_is_a_checkpoint_error(keys: dict[str, SigningKey]) -> None:
    log, w1 = keys["log"].verifier(), wv(keys["w1"])
    good = sign_checkpoint(a_checkpoint(), keys["log"], [keys["w1"]], TIME)
    for n in range(len(good)):
        with pytest.raises(CheckpointError) as info:
            verify_checkpoint(good[:n], log, [w1])
        assert type(info.value) is CheckpointError
