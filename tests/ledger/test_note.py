"""C2SP signed notes: the Go x/mod vectors byte for byte, and fail-closed verification."""

from __future__ import annotations

import base64

import pytest

from ledger.errors import LedgerError, NoteError, SignatureError
from ledger.keys import SIG_COSIGNATURE_V1, SIG_ED25519, SigningKey, parse_vkey
from ledger.note import (
    MAX_SIGNATURES,
    Ed25519NoteSigner,
    Note,
    NoteSignature,
    check_text,
    parse_note,
    sign_note,
    verify_note,
)

# golang.org/x/mod/sumdb/note/note_test.go (c2sp_specs.md section 6.1), verbatim
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_SIG = (
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdn"
    "gotpRZb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = (
    "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWL"
    "ox33WWd1RvMc+QQ=\n"
)

PETER = parse_vkey(PETER_VKEY)
ENOCH = parse_vkey(ENOCH_VKEY)


def peter_key() -> SigningKey:
    raw = base64.b64decode(PETER_SKEY.split("+", 4)[4])
    return SigningKey.from_seed(raw[1:], "PeterNeumann")


def names(verified: list) -> list[str]:
    return [v.verifier.name for v in verified]


# -- the Go vectors -------------------------------------------------------------------------


def test_sign_reproduces_the_go_note_byte_for_byte() -> None:
    signed = sign_note(TEXT, [Ed25519NoteSigner(peter_key())])
    assert signed == TEXT + "\n" + PETER_SIG
    assert signed.encode("utf-8").count("—".encode()) == 1


def test_open_with_only_peter_known() -> None:
    note = parse_note((TEXT + "\n" + PETER_SIG).encode())
    assert note.text == TEXT
    assert verify_note(note, [PETER])[0].verifier == PETER
    assert verify_note(note, [PETER])[0].timestamp is None


def test_unknown_enoch_signature_is_ignored() -> None:
    note = parse_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG)
    assert [s.name for s in note.signatures] == ["PeterNeumann", "EnochRoot"]
    assert names(verify_note(note, [PETER])) == ["PeterNeumann"]
    assert names(verify_note(note, [ENOCH])) == ["EnochRoot"]
    assert names(verify_note(note, [PETER, ENOCH])) == ["PeterNeumann", "EnochRoot"]


def test_no_known_key_is_a_signature_error() -> None:
    note = parse_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG)
    with pytest.raises(SignatureError):
        verify_note(note, [])
    with pytest.raises(SignatureError):
        verify_note(note, [SigningKey.generate().verifier()])
    # a key with a known name but another key hash is unknown, not known-and-bad
    other_peter = SigningKey.generate("PeterNeumann").verifier()
    with pytest.raises(SignatureError, match="no signature from a known key"):
        verify_note(note, [other_peter])


def test_repeated_signatures_as_in_go() -> None:
    enoch_abcd = ENOCH_SIG[:60] + "ABCD" + ENOCH_SIG[60:]
    msg = TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enoch_abcd
    note = parse_note(msg)
    assert len(note.signatures) == 5
    assert names(verify_note(note, [PETER])) == ["PeterNeumann"]
    # repeated lines by one verifier are dropped, the first one is checked
    assert names(verify_note(note, [PETER, ENOCH])) == ["PeterNeumann", "EnochRoot"]


def test_modified_signature_is_a_signature_error() -> None:
    note = parse_note(TEXT + "\n" + PETER_SIG[:60] + "ABCD" + PETER_SIG[60:])
    with pytest.raises(SignatureError, match="PeterNeumann"):
        verify_note(note, [PETER])


GO_BAD_MESSAGES = [
    TEXT.encode(),
    (TEXT + "\n").encode(),
    (TEXT + "\n" + PETER_SIG[:-1]).encode(),
    ("\x01" + TEXT + "\n" + PETER_SIG).encode(),
    b"\xff" + (TEXT + "\n" + PETER_SIG).encode(),
    (
        TEXT
        + "\n"
        + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZ"
        "b6KE6RyyBwJnAM="
    ).encode(),
    (TEXT + "\n" + PETER_SIG + "Unexpected line.\n").encode(),
    (TEXT + "\n" + PETER_SIG * 101).encode(),
]


@pytest.mark.parametrize("msg", GO_BAD_MESSAGES)
def test_go_bad_messages_are_note_errors(msg: bytes) -> None:
    with pytest.raises(NoteError):
        parse_note(msg)
    try:
        text = msg.decode("utf-8")
    except UnicodeDecodeError:
        return
    with pytest.raises(NoteError):
        parse_note(text)


def test_signature_count_limit() -> None:
    assert MAX_SIGNATURES == 100
    note = parse_note(TEXT + "\n" + PETER_SIG * 100)
    assert len(note.signatures) == 100
    assert names(verify_note(note, [PETER])) == ["PeterNeumann"]
    with pytest.raises(NoteError):
        parse_note(TEXT + "\n" + PETER_SIG * 101)
    with pytest.raises(NoteError):
        parse_note(TEXT + "\n" + PETER_SIG * 100 + ENOCH_SIG)


# -- fail-closed verification ---------------------------------------------------------------


def test_a_bad_known_signature_rejects_even_with_a_good_one() -> None:
    bad_enoch = ENOCH_SIG[:60] + "ABCD" + ENOCH_SIG[60:]
    for msg in (TEXT + "\n" + PETER_SIG + bad_enoch, TEXT + "\n" + bad_enoch + PETER_SIG):
        note = parse_note(msg)
        assert names(verify_note(note, [PETER])) == ["PeterNeumann"]  # Enoch unknown: ignored
        with pytest.raises(SignatureError, match="EnochRoot"):
            verify_note(note, [PETER, ENOCH])


def test_signature_of_the_wrong_length_from_a_known_key() -> None:
    sig = parse_note(TEXT + "\n" + PETER_SIG).signatures[0]
    for body in (sig.signature[:-1], sig.signature + b"\x00", b"\x00"):
        note = Note(TEXT, (NoteSignature(sig.name, sig.key_hash, body),))
        with pytest.raises(SignatureError):
            verify_note(parse_note(note.to_text()), [PETER])


def test_signature_over_other_text_does_not_verify() -> None:
    for other in (TEXT.replace("problem", "Problem", 1), TEXT + "x\n", TEXT[:-1] + " \n"):
        note = parse_note(other + "\n" + PETER_SIG)
        with pytest.raises(SignatureError):
            verify_note(note, [PETER])


def test_type_0x04_verifier_does_not_accept_type_0x01_signatures() -> None:
    note = parse_note(TEXT + "\n" + PETER_SIG)
    with pytest.raises(SignatureError):
        verify_note(note, [PETER.with_type(SIG_COSIGNATURE_V1)])


def test_round_trip_with_generated_keys_and_several_signers() -> None:
    keys = [SigningKey.generate(f"k{i}") for i in range(3)]
    signed = sign_note("hello\n\nworld\n", [Ed25519NoteSigner(k) for k in keys])
    note = parse_note(signed)
    assert note.text == "hello\n\nworld\n"  # empty lines inside the text are allowed
    assert note.to_text() == signed
    assert names(verify_note(note, [k.verifier() for k in keys])) == ["k0", "k1", "k2"]
    assert names(verify_note(note, [keys[1].verifier(SIG_ED25519)])) == ["k1"]


def test_text_ending_in_empty_lines_round_trips() -> None:
    key = SigningKey.generate("k")
    signed = sign_note("a\n\n", [Ed25519NoteSigner(key)])
    note = parse_note(signed)
    assert note.text == "a\n\n"
    verify_note(note, [key.verifier()])


# -- malformed notes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["no newline", "a\nb", "", "tab\there\n", "cr\r\n", "nul\x00\n", "esc\x1b\n", "\x1f\n"]
)
def test_sign_refuses_bad_text(text: str) -> None:
    with pytest.raises(NoteError):
        sign_note(text, [Ed25519NoteSigner(peter_key())])


def test_sign_needs_a_signer() -> None:
    with pytest.raises(NoteError):
        sign_note(TEXT, [])


@pytest.mark.parametrize("char", [chr(c) for c in range(0x20) if c != 0x0A])
def test_control_characters_anywhere_are_refused(char: str) -> None:
    good = TEXT + "\n" + PETER_SIG
    for pos in (0, 10, len(TEXT) - 1, len(TEXT) + 5, len(good) - 1):
        with pytest.raises(NoteError):
            parse_note(good[:pos] + char + good[pos:])
    with pytest.raises(NoteError):
        check_text("a" + char + "\n")


def test_del_and_non_ascii_are_allowed() -> None:
    key = SigningKey.generate("k")
    text = "调解协议\x7f €\n"
    note = parse_note(sign_note(text, [Ed25519NoteSigner(key)]).encode("utf-8"))
    assert note.text == text
    verify_note(note, [key.verifier()])


@pytest.mark.parametrize(
    "sig_block",
    [
        "",  # no signature lines
        "\n",  # an empty signature line
        PETER_SIG.replace("— ", "- ", 1),  # hyphen, not em dash
        PETER_SIG.replace("— ", "—", 1),
        PETER_SIG.replace(" x08go", "  x08go", 1),  # two spaces
        PETER_SIG.replace("x08go", "x08go ", 1),
        PETER_SIG.replace("\n", " \n"),
        PETER_SIG.replace("PeterNeumann", "Peter+Neumann"),
        PETER_SIG.replace("PeterNeumann", ""),
        PETER_SIG.replace("JnAM=", "JnAM"),  # padding missing
        PETER_SIG.replace("JnAM=", "JnA*"),
        "— PeterNeumann AAAA\n",  # shorter than a key hash plus one byte
        "— PeterNeumann \n",
        "— PeterNeumann\n",
        PETER_SIG + "\n",  # a blank line after the signatures
        PETER_SIG[:-1],  # no final newline
    ],
)
def test_malformed_signature_blocks(sig_block: str) -> None:
    with pytest.raises(NoteError):
        parse_note(TEXT + "\n" + sig_block)


def test_lone_surrogate_and_invalid_utf8_are_refused() -> None:
    with pytest.raises(NoteError):
        parse_note("a\ud800\n\n" + PETER_SIG)
    with pytest.raises(NoteError):
        parse_note(b"a\xed\xa0\x80\n\n" + PETER_SIG.encode())
    with pytest.raises(NoteError):
        sign_note("a\udfff\n", [Ed25519NoteSigner(peter_key())])


def test_size_limit() -> None:
    msg = TEXT + "\n" + PETER_SIG
    size = len(msg.encode("utf-8"))
    assert parse_note(msg, max_bytes=size).text == TEXT
    assert parse_note(msg.encode(), max_bytes=size).text == TEXT
    with pytest.raises(NoteError):
        parse_note(msg, max_bytes=size - 1)
    with pytest.raises(NoteError):
        parse_note(msg.encode(), max_bytes=size - 1)


def test_every_single_character_change_of_the_go_note_is_caught() -> None:
    good = TEXT + "\n" + PETER_SIG
    original = parse_note(good)
    for i in range(len(good)):
        for replacement in ("x", "\n", " ", "A"):
            if good[i] == replacement:
                continue
            changed = good[:i] + replacement + good[i + 1 :]
            try:
                note = parse_note(changed)
                verified = verify_note(note, [PETER])
            except LedgerError:
                continue
            # accepted only if what was signed is untouched: an unchanged text and signature
            assert note.text == original.text, repr(changed)
            assert verified[0].signature == original.signatures[0], repr(changed)
