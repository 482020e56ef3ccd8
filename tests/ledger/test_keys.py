"""Keys: C2SP verifier keys (Go x/mod vectors), key ids, and encrypted key files."""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from pathlib import Path

import pytest

from ledger.errors import KeyFileError, NoteError, WrongPassphraseError
from ledger.keys import (
    SIG_COSIGNATURE_V1,
    SIG_ED25519,
    SigningKey,
    Verifier,
    check_key_name,
    key_hash,
    key_id_of,
    parse_vkey,
    read_key_file,
)

# golang.org/x/mod/sumdb/note/note_test.go (c2sp_specs.md section 6.1)
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
# the same Ed25519 key as a type 0x04 (cosignature/v1) vkey (section 6.4)
PETER_COSIG_VKEY = "PeterNeumann+18b9780b+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
PASSPHRASE = "correct horse battery staple 调解"


def peter_seed() -> bytes:
    """The 32-byte Ed25519 seed of the Go skey: base64 after the hash, minus the 0x01 byte."""
    *_, b64 = PETER_SKEY.split("+", 4)
    raw = base64.b64decode(b64)
    assert raw[0] == SIG_ED25519 and len(raw) == 33
    return raw[1:]


# -- verifier keys --------------------------------------------------------------------------


def test_go_vkey_parses() -> None:
    v = parse_vkey(PETER_VKEY)
    assert v.name == "PeterNeumann"
    assert v.sig_type == SIG_ED25519
    assert v.key_hash == bytes.fromhex("c74f20a3")
    assert v.public_key == base64.b64decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")[1:]
    assert v.vkey == PETER_VKEY
    enoch = parse_vkey(ENOCH_VKEY)
    assert enoch.name == "EnochRoot" and enoch.key_hash.hex() == "af0cfe78"


def test_key_hash_is_sha256_of_name_newline_type_key() -> None:
    v = parse_vkey(PETER_VKEY)
    expected = hashlib.sha256(b"PeterNeumann\n\x01" + v.public_key).digest()[:4]
    assert key_hash("PeterNeumann", SIG_ED25519, v.public_key) == expected
    assert v.key_hash == expected


def test_signing_key_from_go_seed_gives_the_go_vkey() -> None:
    key = SigningKey.from_seed(peter_seed(), "PeterNeumann")
    assert key.vkey == PETER_VKEY
    assert key.verifier() == parse_vkey(PETER_VKEY)
    message = b"hello"
    assert parse_vkey(PETER_VKEY).verify_raw(message, key.sign_raw(message))
    assert not parse_vkey(ENOCH_VKEY).verify_raw(message, key.sign_raw(message))


def test_cosignature_type_gives_a_different_key_hash() -> None:
    key = SigningKey.from_seed(peter_seed(), "PeterNeumann")
    cosig = key.verifier(SIG_COSIGNATURE_V1)
    assert cosig.key_hash.hex() == "18b9780b"
    assert cosig.key_hash != key.verifier().key_hash
    assert cosig.vkey == PETER_COSIG_VKEY
    parsed = parse_vkey(PETER_COSIG_VKEY)
    assert parsed.sig_type == SIG_COSIGNATURE_V1
    assert parsed.public_key == key.public_key
    assert parsed.key_hash != parse_vkey(PETER_VKEY).key_hash
    assert parse_vkey(PETER_VKEY).with_type(SIG_COSIGNATURE_V1) == parsed


@pytest.mark.parametrize(
    "bad",
    [
        # note_test.go: wrong key length and unknown algorithm, each with an adjusted key hash
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        # ours
        "",
        "PeterNeumann",
        "PeterNeumann+c74f20a3",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+xyzw20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f 20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW==",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW",
        "PeterNeumann+c74f20a3+BRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # 0x04, 0x01 hash
        "PeterNeumann+18b9780b+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # 0x01, 0x04 hash
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # not %08x
    ],
)
def test_bad_vkeys_are_rejected(bad: str) -> None:
    with pytest.raises(NoteError):
        parse_vkey(bad)


def test_every_proper_substring_of_a_vkey_is_rejected() -> None:
    # note_test.go TestNewVerifier
    n = len(PETER_VKEY)
    for i in range(n + 1):
        for j in range(i + 1, n + 1):
            if (i, j) == (0, n):
                continue
            with pytest.raises(NoteError):
                parse_vkey(PETER_VKEY[i:j])


def test_every_single_byte_increment_of_a_vkey_is_rejected() -> None:
    # note_test.go TestNewVerifier
    for vkey in (PETER_VKEY, PETER_COSIG_VKEY, ENOCH_VKEY):
        for i in range(len(vkey)):
            changed = vkey[:i] + chr(ord(vkey[i]) + 1) + vkey[i + 1 :]
            with pytest.raises(NoteError):
                parse_vkey(changed)


REPLACEMENTS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=" + " \t\n\u3000-_.é"
)


def test_every_single_character_change_is_rejected_or_another_key() -> None:
    original = parse_vkey(PETER_VKEY)
    accepted = 0
    for i in range(len(PETER_VKEY)):
        for ch in REPLACEMENTS:
            if ch == PETER_VKEY[i]:
                continue
            changed = PETER_VKEY[:i] + ch + PETER_VKEY[i + 1 :]
            try:
                parsed = parse_vkey(changed)
            except NoteError:
                continue
            accepted += 1
            assert (parsed.name, parsed.sig_type, parsed.public_key) != (
                original.name,
                original.sig_type,
                original.public_key,
            ), changed
            assert parsed.vkey == changed  # whatever is accepted is in canonical form
    # a single changed character cannot keep the key hash matching: nothing is accepted
    assert accepted == 0


def test_vkey_round_trip_for_generated_keys() -> None:
    for _ in range(20):
        key = SigningKey.generate()
        for sig_type in (SIG_ED25519, SIG_COSIGNATURE_V1):
            v = key.verifier(sig_type)
            parsed = parse_vkey(v.vkey)
            assert parsed == v
            assert parsed.vkey == v.vkey


def test_person_key_name_and_key_id() -> None:
    key = SigningKey.generate()
    expected_id = hashlib.sha256(key.public_key).hexdigest()[:16]
    assert key.key_id == expected_id == key_id_of(key.public_key)
    assert key.name == "jcd-" + expected_id
    assert parse_vkey(key.vkey).name == key.name
    assert parse_vkey(key.vkey).key_id == expected_id


@pytest.mark.parametrize(
    "name", ["", "a b", "a+b", "a\tb", "a\nb", "a\u3000b", "a\u00a0b", "a\x00b", "a\x7fb"]
)
def test_invalid_key_names_are_rejected(name: str) -> None:
    with pytest.raises(NoteError):
        check_key_name(name)
    with pytest.raises(NoteError):
        SigningKey.generate(name)


@pytest.mark.parametrize("name", ["PeterNeumann", "example.com/log42", "jcd-0123", "法院/节点"])
def test_valid_key_names(name: str) -> None:
    check_key_name(name)
    key = SigningKey.generate(name)
    assert parse_vkey(key.vkey).name == name


def test_verify_raw_rejects_changed_message_signature_and_key() -> None:
    key = SigningKey.generate()
    other = SigningKey.generate()
    sig = key.sign_raw(b"message")
    v = key.verifier()
    assert v.verify_raw(b"message", sig)
    assert not v.verify_raw(b"messagE", sig)
    assert not v.verify_raw(b"message", bytes([sig[0] ^ 1]) + sig[1:])
    assert not v.verify_raw(b"message", sig[:-1])
    assert not other.verifier().verify_raw(b"message", sig)
    assert not Verifier("x", SIG_ED25519, b"\x00" * 31).verify_raw(b"message", sig)


# -- key files ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[SigningKey, Path, bytes]:
    """One key saved once (scrypt is slow): the key, its path and the file's bytes."""
    key = SigningKey.generate()
    path = tmp_path_factory.mktemp("keys") / "nested" / "dir" / "me.key"
    key.save(path, PASSPHRASE)
    return key, path, path.read_bytes()


def test_save_load_round_trip(saved: tuple[SigningKey, Path, bytes]) -> None:
    key, path, _ = saved
    loaded = SigningKey.load(path, PASSPHRASE)
    assert loaded.vkey == key.vkey
    assert loaded.name == key.name
    assert loaded.public_key == key.public_key
    # Ed25519 is deterministic: the same private key gives the same signature
    assert loaded.sign_raw(b"statement") == key.sign_raw(b"statement")


def test_saved_file_mode_and_no_leftovers(saved: tuple[SigningKey, Path, bytes]) -> None:
    _, path, data = saved
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no .tmp file left
    assert PASSPHRASE.encode() not in data
    assert b"ENCRYPTED PRIVATE KEY" in data


def test_read_key_file_shows_the_public_half_without_passphrase(
    saved: tuple[SigningKey, Path, bytes],
) -> None:
    key, path, _ = saved
    header, pem = read_key_file(path)
    assert header["vkey"] == key.vkey
    assert header["name"] == key.name
    assert pem.startswith(b"-----BEGIN")


def test_wrong_passphrase(saved: tuple[SigningKey, Path, bytes]) -> None:
    _, path, _ = saved
    with pytest.raises(WrongPassphraseError) as info:
        SigningKey.load(path, PASSPHRASE + "x")
    assert str(path) in str(info.value)


def test_save_refuses_an_empty_passphrase(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError):
        SigningKey.generate().save(tmp_path / "k", "")
    assert not (tmp_path / "k").exists()


def test_named_key_round_trip_keeps_its_name(tmp_path: Path) -> None:
    key = SigningKey.from_seed(peter_seed(), "PeterNeumann")
    path = tmp_path / "peter.key"
    key.save(path, "pw")
    loaded = SigningKey.load(path, "pw")
    assert loaded.vkey == PETER_VKEY


def assert_damaged(path: Path, data: bytes) -> None:
    """The file holding ``data`` must be refused as damaged, never as a wrong passphrase."""
    path.write_bytes(data)
    with pytest.raises(KeyFileError) as info:
        SigningKey.load(path, PASSPHRASE)
    assert not isinstance(info.value, WrongPassphraseError), data
    with pytest.raises(KeyFileError) as info:
        read_key_file(path)
    assert not isinstance(info.value, WrongPassphraseError)


def test_every_flipped_byte_is_damage_not_a_wrong_passphrase(
    saved: tuple[SigningKey, Path, bytes], tmp_path: Path
) -> None:
    # Covers the PEM block and every header field (name, vkey, scrypt salt, checksum).
    _, _, data = saved
    target = tmp_path / "flipped.key"
    for i in range(len(data)):
        changed = data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]
        assert_damaged(target, changed)


def test_every_truncation_is_damage(saved: tuple[SigningKey, Path, bytes], tmp_path: Path) -> None:
    _, _, data = saved
    target = tmp_path / "short.key"
    for n in range(len(data)):
        assert_damaged(target, data[:n])


def test_garbage_files_are_damage(saved: tuple[SigningKey, Path, bytes], tmp_path: Path) -> None:
    _, _, data = saved
    pem = data[data.find(b"-----BEGIN") :]
    target = tmp_path / "garbage.key"
    for garbage in (
        b"",
        os.urandom(400),
        b"\xff\xfe" * 100,
        pem,  # a bare PEM without our header
        b"jcdesk-key-v1\n",
        data + b"trailing",
        data.replace(b"\n", b"\r\n"),
        data.replace(b"-----BEGIN", b"-----BEGIN", 1) + pem,  # PEM block twice
    ):
        assert_damaged(target, garbage)


@pytest.mark.parametrize("field", ["name", "vkey", "scrypt-salt"])
def test_edited_header_fields_are_damage(
    saved: tuple[SigningKey, Path, bytes], tmp_path: Path, field: str
) -> None:
    _, _, data = saved
    other = SigningKey.generate()
    head, sep, pem = data.partition(b"-----BEGIN")
    lines = head.decode().split("\n")
    replacement = {
        "name": other.name,
        "vkey": other.vkey,
        "scrypt-salt": os.urandom(16).hex(),
    }[field]
    edited = [
        f"{field}: {replacement}" if line.startswith(field + ": ") else line for line in lines
    ]
    assert edited != lines
    assert_damaged(tmp_path / "edited.key", "\n".join(edited).encode() + sep + pem)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError) as info:
        SigningKey.load(tmp_path / "absent.key", PASSPHRASE)
    assert not isinstance(info.value, WrongPassphraseError)
    with pytest.raises(KeyFileError) as info:
        SigningKey.load(tmp_path, PASSPHRASE)
    assert not isinstance(info.value, WrongPassphraseError)


def test_consistent_checksum_but_mismatched_name_is_damage(
    saved: tuple[SigningKey, Path, bytes], tmp_path: Path
) -> None:
    # Even with a checksum recomputed over the edit, a header whose name is not its vkey's
    # (here not even a valid key name) is a damaged file, not a NoteError escaping from load.
    _, _, data = saved
    head, sep, pem = data.partition(b"-----BEGIN")
    lines = head.decode().split("\n")
    for name in ("someone-else", "bad name"):
        fields = [f"name: {name}" if line.startswith("name: ") else line for line in lines[:-2]]
        covered = "\n".join(fields).encode() + b"\n"
        digest = hashlib.sha256(covered + sep + pem).hexdigest()
        assert_damaged(
            tmp_path / "crafted.key", covered + f"sha256: {digest}\n".encode() + sep + pem
        )
