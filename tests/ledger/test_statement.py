"""Statements and entries (PROTOCOL.md section 1): build, sign, parse, verify, refuse."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.canonical import canonical_json
from ledger.errors import CanonicalJSONError, LedgerError, SignatureError, StatementError
from ledger.keys import SIG_COSIGNATURE_V1, SigningKey
from ledger.note import Ed25519NoteSigner, parse_note, sign_note
from ledger.statement import (
    MAX_ENTRY_BYTES,
    ROLES,
    STATEMENT_HEADER,
    Entry,
    Statement,
    build_statement,
    open_entry,
    parse_entry,
    sign_statement,
    statement_note_text,
    verify_entry,
)

LOG = "example.org/jcdesk/test-log"
MOMENT = datetime(2026, 11, 27, 7, 30, 0, 123456, tzinfo=UTC)
ALICE = SigningKey.from_seed(bytes(range(32)))
BOB = SigningKey.from_seed(bytes(range(1, 33)))
DOC = {"name": "合同.pdf", "sha256": hashlib.sha256(b"pdf").hexdigest(), "size": 1234}


def statement(**overrides: Any) -> Statement:
    args: dict[str, Any] = {
        "log": LOG,
        "type": "mediation.agreement.signed",
        "case": "(2026)京0105民调123号",
        "actor": ALICE.vkey,
        "time": MOMENT,
        "body": {"amount_fen": 1_000_000, "parties": ["甲", "乙"], "ratio": [1, 3]},
    }
    args.update(overrides)
    return build_statement(**args)


def raw_json(**overrides: Any) -> dict[str, Any]:
    data = statement().to_json()
    data.update(overrides)
    return data


def raw_entry(payload: str, key: SigningKey = ALICE, header: str = STATEMENT_HEADER) -> str:
    """A correctly signed note around any payload, bypassing every statement check."""
    return sign_note(header + payload + "\n", [Ed25519NoteSigner(key)])


def jcs(data: Any) -> str:
    return canonical_json(data).decode("utf-8")


@pytest.fixture(scope="module")
def entry() -> Entry:
    return sign_statement(statement(), ALICE)


# -- round trip -----------------------------------------------------------------------------


def test_build_sign_parse_verify_round_trip(entry: Entry) -> None:
    st_ = entry.statement
    assert st_.time == "2026-11-27T07:30:00.123Z"
    assert st_.moment == MOMENT.replace(microsecond=123000)
    assert st_.actor_verifier == ALICE.verifier()
    assert entry.text == statement_note_text(st_) + "\n" + entry.note.signatures[0].line()
    assert entry.text.startswith(STATEMENT_HEADER + "{")
    parsed = parse_entry(entry.text)
    assert parsed.statement == st_
    assert parsed.text == entry.text
    verify_entry(parsed)
    assert open_entry(entry.data).statement == st_
    assert open_entry(entry.text).statement == st_


def test_note_text_is_header_plus_jcs_plus_newline(entry: Entry) -> None:
    payload = entry.note.text[len(STATEMENT_HEADER) : -1]
    assert entry.note.text.endswith("}\n")
    assert json.loads(payload) == entry.statement.to_json()
    assert canonical_json(json.loads(payload)).decode() == payload
    assert list(json.loads(payload)) == sorted(entry.statement.to_json())  # JCS key order
    assert entry.note.signatures[0].name == ALICE.name


def test_leaf_hash_is_sha256_of_zero_byte_and_the_whole_note(entry: Entry) -> None:
    assert entry.data == entry.text.encode("utf-8")
    assert entry.leaf_hash == hashlib.sha256(b"\x00" + entry.data).digest()
    assert parse_entry(entry.data).leaf_hash == entry.leaf_hash


def test_time_is_written_in_utc_with_milliseconds() -> None:
    east8 = timezone(timedelta(hours=8))
    s = statement(time=datetime(2026, 11, 27, 15, 30, 0, 999999, tzinfo=east8))
    assert s.time == "2026-11-27T07:30:00.999Z"
    with pytest.raises(ValueError):
        statement(time=datetime(2026, 11, 27, 7, 30))  # naive


def test_signing_with_a_key_that_is_not_the_actor() -> None:
    with pytest.raises(StatementError):
        sign_statement(statement(), BOB)
    # same key bytes, other name: a different vkey, so not the actor either
    renamed = SigningKey.from_seed(bytes(range(32)), "alice")
    with pytest.raises(StatementError):
        sign_statement(statement(), renamed)


@pytest.mark.parametrize(
    "body",
    [{"amount": 1.5}, {"nested": {"list": [1, 2.0]}}, {"x": float("nan")}, {"x": float("inf")}],
)
def test_float_in_body_is_refused_before_anything_is_signed(body: dict[str, Any]) -> None:
    with pytest.raises((CanonicalJSONError, StatementError)):
        sign_statement(statement(body=body), ALICE)


def test_integer_beyond_2_53_is_refused() -> None:
    with pytest.raises((CanonicalJSONError, StatementError)):
        sign_statement(statement(body={"fen": 2**53}), ALICE)


def test_entry_size_limit() -> None:
    small = sign_statement(statement(body={"text": ""}), ALICE)
    room = MAX_ENTRY_BYTES - len(small.data)
    fits = sign_statement(statement(body={"text": "x" * room}), ALICE)
    assert len(fits.data) == MAX_ENTRY_BYTES
    open_entry(fits.text)
    with pytest.raises(StatementError):
        sign_statement(statement(body={"text": "x" * (room + 1)}), ALICE)
    with pytest.raises(StatementError):
        sign_statement(statement(body={"text": "调" * (room // 3 + 1)}), ALICE)  # bytes, not chars
    big = raw_entry(jcs(raw_json(body={"text": "x" * (room + 1)})))
    with pytest.raises(StatementError):
        parse_entry(big)
    with pytest.raises(StatementError):
        parse_entry(big.encode())


# -- parse_entry refusals -------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["jcdesk/statement/v2\n", "jcdesk/statement/v1 \n", "JCDESK/statement/v1\n", "", "x\n"],
)
def test_wrong_header_line(header: str) -> None:
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json()), header=header))


def test_missing_header_newline_and_two_line_payload() -> None:
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json()), header="jcdesk/statement/v1"))
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json()) + "\n" + jcs(raw_json())))
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json()) + "\n"))


def test_non_canonical_json() -> None:
    data = raw_json()
    spaced = json.dumps(data, ensure_ascii=False, sort_keys=True)
    unsorted = json.dumps(dict(reversed(data.items())), ensure_ascii=False, separators=(",", ":"))
    escaped = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    duplicate = jcs(data)[:-1] + ',"v":1}'
    for payload in (spaced, unsorted, escaped, duplicate, " " + jcs(data), "not json", "[]"):
        assert payload != jcs(data)
        with pytest.raises(StatementError):
            parse_entry(raw_entry(payload))


def test_extra_and_missing_fields() -> None:
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json(extra="x"))))
    for name in ("v", "log", "type", "case", "actor", "time", "body"):
        data = raw_json()
        del data[name]
        with pytest.raises(StatementError):
            parse_entry(raw_entry(jcs(data)))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("v", 2),
        ("v", 0),
        ("v", True),
        ("v", "1"),
        ("log", ""),
        ("log", 1),
        ("case", None),
        ("type", ["a.b"]),
        ("body", []),
        ("body", "text"),
        ("body", None),
    ],
)
def test_bad_field_values(name: str, value: Any) -> None:
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json(**{name: value}))))


@pytest.mark.parametrize(
    "time",
    [
        "2026-11-27T07:30:00Z",
        "2026-11-27T07:30:00.12Z",
        "2026-11-27T07:30:00.1234Z",
        "2026-11-27 07:30:00.123Z",
        "2026-11-27t07:30:00.123z",
        "2026-11-27T07:30:00.123+00:00",
        "2026-11-27T07:30:00.123",
        "2026-11-27T07:30:00.123Z\n",
        " 2026-11-27T07:30:00.123Z",
        "2026-13-27T07:30:00.123Z",
        "2026-02-30T07:30:00.123Z",
        "2026-11-27T24:30:00.123Z",
        "\u0662\u0660\u0662\u0666-11-27T07:30:00.123Z",  # Arabic-Indic digits
        "\uff12\uff10\uff12\uff16-11-27T07:30:00.123Z",  # full-width digits
        "",
        1764228600123,
    ],
)
def test_bad_time(time: Any) -> None:
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json(time=time))))


@pytest.mark.parametrize(
    "type_",
    [
        "nodot",
        "Mediation.signed",
        "mediation.Signed",
        "a..b",
        ".a.b",
        "a.b.",
        "a.b-c",
        "a.b c",
        "1a.b",
        "a.1b",
        "",
        "identity.enrol\n",
        "evidence.deposited\n",
        "a.b\u00e9",
    ],
)
def test_bad_type_names(type_: str) -> None:
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json(type=type_))))


@pytest.mark.parametrize("type_", ["a.b", "mediation.agreement.signed", "pkg_1.x_2.y3"])
def test_good_type_names(type_: str) -> None:
    assert open_entry(raw_entry(jcs(raw_json(type=type_)))).statement.type == type_


def test_actor_must_be_a_canonical_ed25519_vkey() -> None:
    vkey = ALICE.vkey
    name, hash_hex, blob = vkey.split("+", 2)
    for actor in (
        "alice",
        "",
        name,
        f"{name}+{hash_hex}",
        f"{name}+00000000+{blob}",
        f"{name}x+{hash_hex}+{blob}",
        ALICE.verifier(SIG_COSIGNATURE_V1).vkey,  # type 0x04
        f"{name}+{hash_hex.upper()}+{blob}",
        " " + vkey,
        vkey + "\n",
        vkey + "==",
    ):
        assert actor != vkey
        with pytest.raises(StatementError):
            parse_entry(raw_entry(jcs(raw_json(actor=actor))))
        with pytest.raises(StatementError):
            statement(actor=actor)


# -- verify_entry ---------------------------------------------------------------------------


def test_note_signed_by_another_key_than_the_actor() -> None:
    text = raw_entry(jcs(raw_json()), key=BOB)
    entry = parse_entry(text)  # parses: the signature is not checked yet
    with pytest.raises(SignatureError):
        verify_entry(entry)
    with pytest.raises(SignatureError):
        open_entry(text)
    # a key that carries the actor's name but not its key
    namesake = SigningKey.from_seed(bytes(range(2, 34)), ALICE.name)
    with pytest.raises(SignatureError):
        open_entry(raw_entry(jcs(raw_json()), key=namesake))


def test_every_changed_byte_of_the_statement_json_is_caught(entry: Entry) -> None:
    payload = entry.note.text[len(STATEMENT_HEADER) : -1]
    start = len(STATEMENT_HEADER)
    sig_part = entry.text[len(entry.note.text) :]
    tried = 0
    for i in range(len(payload)):
        for replacement in ("0", "a", "}"):
            if payload[i] == replacement:
                continue
            changed = payload[:i] + replacement + payload[i + 1 :]
            text = entry.text[:start] + changed + "\n" + sig_part
            tried += 1
            with pytest.raises(LedgerError):
                open_entry(text)
    assert tried > 2 * len(payload)


def test_entry_with_extra_signature_lines_is_refused(entry: Entry) -> None:
    # An entry is signed by its actor alone: any other line would give the same statement a
    # second leaf hash (a replay that the log's de-duplication cannot see).
    stranger = SigningKey.generate("stranger")
    line = entry.note.signatures[0].line()
    other = sign_note(entry.note.text, [Ed25519NoteSigner(stranger)]).split("\n\n")[-1]
    for text in (entry.text + line, entry.text + other, entry.note.text + "\n" + other + line):
        assert parse_note(text).text == entry.note.text
        with pytest.raises(LedgerError):
            open_entry(text)


def test_non_canonical_signature_encoding_is_refused(entry: Entry) -> None:
    # 68 signature bytes leave 2 unused bits in the last base64 character: another spelling of
    # the same signature must not make another entry for the same statement.
    blob = entry.text.rstrip("\n").rsplit(" ", 1)[1]
    assert blob.endswith("=") and not blob.endswith("==")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = alphabet.index(blob[-2])
    for twin in (alphabet[(last & ~3) | k] for k in range(4)):
        if twin == blob[-2]:
            continue
        twin_blob = blob[:-2] + twin + "="
        assert base64.b64decode(twin_blob) == base64.b64decode(blob)
        text = entry.text.replace(blob, twin_blob)
        with pytest.raises(LedgerError):
            open_entry(text)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_any_flipped_byte_never_verifies(data: st.DataObject) -> None:
    entry = _ENTRY
    raw = entry.data
    index = data.draw(st.integers(0, len(raw) - 1), label="index")
    mask = data.draw(st.integers(1, 255), label="mask")
    changed = raw[:index] + bytes([raw[index] ^ mask]) + raw[index + 1 :]
    try:
        parsed = parse_entry(changed)
    except LedgerError:
        return
    with pytest.raises(LedgerError):
        verify_entry(parsed)


def test_flipped_bytes_exhaustively_for_a_few_masks(entry: Entry) -> None:
    raw = entry.data
    for index in range(len(raw)):
        for mask in (0x01, 0x02, 0x03, 0x20, 0x80):
            changed = raw[:index] + bytes([raw[index] ^ mask]) + raw[index + 1 :]
            with pytest.raises(LedgerError):
                open_entry(changed)


_ENTRY = sign_statement(statement(), ALICE)


# -- generic types --------------------------------------------------------------------------


def enrol(**body_overrides: Any) -> dict[str, Any]:
    body = {"name": "张三", "role": "mediator"}
    body.update(body_overrides)
    return body


@pytest.mark.parametrize("role", ROLES)
def test_identity_enrol_accepts_every_role(role: str) -> None:
    s = statement(type="identity.enrol", case="", body=enrol(role=role))
    assert open_entry(sign_statement(s, ALICE).text).statement.body["role"] == role


@pytest.mark.parametrize(
    ("case", "body"),
    [
        ("(2026)京0105民调123号", enrol()),
        ("", enrol(role="king")),
        ("", enrol(role="Mediator")),
        ("", enrol(role="")),
        ("", enrol(role=["mediator"])),
        ("", {"name": "张三"}),
        ("", {"role": "party"}),
        ("", enrol(extra=1)),
        ("", enrol(name=7)),
        ("", enrol(name=None)),
        ("", {}),
    ],
)
def test_identity_enrol_refusals(case: str, body: dict[str, Any]) -> None:
    with pytest.raises(StatementError):
        statement(type="identity.enrol", case=case, body=body)
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json(type="identity.enrol", case=case, body=body))))


def doc(**overrides: Any) -> dict[str, Any]:
    d = dict(DOC)
    d.update(overrides)
    return d


@pytest.mark.parametrize(
    "body",
    [
        {"documents": [DOC]},
        {"documents": [DOC, doc(name="b.jpg", size=0)]},
        {"documents": [DOC], "note": "银行流水"},
        {"documents": [DOC], "note": ""},
        {"documents": [doc(size=2**53 - 1)]},
    ],
)
@pytest.mark.parametrize("case", ["", "(2026)京0105民调123号"])
def test_evidence_deposited_accepts(body: dict[str, Any], case: str) -> None:
    s = statement(type="evidence.deposited", case=case, body=body)
    assert open_entry(sign_statement(s, ALICE).text).statement.body == body


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"documents": []},
        {"documents": DOC},
        {"documents": "x"},
        {"documents": [DOC], "extra": 1},
        {"documents": [DOC], "note": 5},
        {"documents": [DOC], "note": None},
        {"note": "no documents"},
        {"documents": [[DOC]]},
        {"documents": ["x"]},
        {"documents": [doc(extra=1)]},
        {"documents": [{"name": "a", "sha256": DOC["sha256"]}]},
        {"documents": [{"sha256": DOC["sha256"], "size": 1}]},
        {"documents": [doc(name="")]},
        {"documents": [doc(name=1)]},
        {"documents": [doc(sha256=DOC["sha256"].upper())]},
        {"documents": [doc(sha256=DOC["sha256"][:-1])]},
        {"documents": [doc(sha256=DOC["sha256"] + "0")]},
        {"documents": [doc(sha256=DOC["sha256"] + "\n")]},
        {"documents": [doc(sha256=DOC["sha256"][:-1] + "g")]},
        {"documents": [doc(sha256=base64.b64encode(bytes(32)).decode())]},
        {"documents": [doc(sha256=1)]},
        {"documents": [doc(size="1234")]},
        {"documents": [doc(size=True)]},
        {"documents": [doc(size=-1)]},
        {"documents": [doc(size=None)]},
        {"documents": [DOC, doc(size="x")]},  # every document is checked
    ],
)
def test_evidence_deposited_refusals(body: dict[str, Any]) -> None:
    with pytest.raises(StatementError):
        statement(type="evidence.deposited", case="", body=body)
    with pytest.raises(StatementError):
        parse_entry(raw_entry(jcs(raw_json(type="evidence.deposited", case="", body=body))))


def test_document_size_as_float_is_refused() -> None:
    with pytest.raises((CanonicalJSONError, StatementError)):
        s = statement(type="evidence.deposited", case="", body={"documents": [doc(size=1.0)]})
        sign_statement(s, ALICE)


def test_other_types_take_any_object_body() -> None:
    s = statement(type="bankruptcy.claim.filed", body={"documents": "not checked here"})
    assert open_entry(sign_statement(s, ALICE).text).statement.body == s.body
