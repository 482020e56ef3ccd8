"""Statements: what a person signs (PROTOCOL.md section 1), and the log entries that carry them.

An *entry* is a C2SP signed note whose text is ``jcdesk/statement/v1\\n`` + JCS(statement) +
``\\n``, signed with Ed25519 by the statement's actor. Its leaf hash is
SHA-256(0x00 || UTF-8 bytes of the whole signed note) (RFC 9162 section 2.1.1).

This module is the one place that signs statements (``sign_statement``) and the one place that
checks an entry's shape and signature (``parse_entry`` + ``verify_entry``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from ledger.canonical import canonical_json, parse_canonical
from ledger.clock import format_time, parse_time
from ledger.errors import CanonicalJSONError, NoteError, StatementError
from ledger.keys import SIG_ED25519, SigningKey, Verifier, parse_vkey
from ledger.merkle import leaf_hash
from ledger.note import Ed25519NoteSigner, Note, parse_note, sign_note_parts, verify_note

STATEMENT_HEADER = "jcdesk/statement/v1\n"
MAX_ENTRY_BYTES = 64 * 1024
MAX_NAME = 120  # case ids and statement types (the stores' column width)
MAX_VKEY = 300  # an actor's or member's verifier key, key name included (the node's column)
MAX_PERSON_NAME = 120  # identity.enrol body.name, in characters
STATEMENT_VERSION = 1
FIELDS = frozenset({"v", "log", "type", "case", "actor", "time", "body"})
ROLES = ("mediator", "administrator", "creditor", "party", "judge", "observer")

_TYPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\Z")  # \Z: "$" allows a final "\n"
_SHA256_HEX = re.compile(r"^[0-9a-f]{64}\Z")


@dataclass(frozen=True)
class Statement:
    log: str
    type: str
    case: str
    actor: str
    time: str
    body: dict[str, Any] = field(default_factory=dict)
    v: int = STATEMENT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "v": self.v,
            "log": self.log,
            "type": self.type,
            "case": self.case,
            "actor": self.actor,
            "time": self.time,
            "body": self.body,
        }

    @property
    def moment(self) -> datetime:
        return parse_time(self.time)

    @property
    def actor_verifier(self) -> Verifier:
        return parse_vkey(self.actor)


def build_statement(
    *, log: str, type: str, case: str, actor: str, time: datetime, body: dict[str, Any]
) -> Statement:
    """Build and check a statement; the time is written in the wire form."""
    statement = Statement(log, type, case, actor, format_time(time), body)
    check_statement(statement.to_json())
    return statement


def check_statement(data: Any) -> Statement:
    """Check the generic shape of a statement (not its domain rules)."""
    if not isinstance(data, dict):
        raise StatementError(detail="a statement is a JSON object")
    if set(data) != FIELDS:
        missing = sorted(FIELDS - set(data))
        extra = sorted(set(data) - FIELDS)
        raise StatementError(detail=f"fields missing {missing}, unexpected {extra}")
    if data["v"] != STATEMENT_VERSION or isinstance(data["v"], bool):
        raise StatementError(detail=f"unsupported statement version {data['v']!r}")
    for name in ("log", "type", "case", "actor", "time"):
        if not isinstance(data[name], str):
            raise StatementError(detail=f"'{name}' must be a string")
    if not data["log"]:
        raise StatementError(detail="'log' must name the log's origin")
    if len(data["case"]) > MAX_NAME or len(data["type"]) > MAX_NAME:
        raise StatementError(detail=f"'case' and 'type' are at most {MAX_NAME} characters")
    if not _TYPE.match(data["type"]):
        raise StatementError(detail=f"type {data['type']!r} is not a dotted lowercase name")
    try:
        parse_time(data["time"])
    except ValueError as exc:
        raise StatementError(detail=str(exc)) from exc
    try:
        actor = parse_vkey(data["actor"])
    except NoteError as exc:
        raise StatementError(detail=f"actor: {exc}") from exc
    if actor.sig_type != SIG_ED25519:
        raise StatementError(detail="the actor's key must be an Ed25519 (type 0x01) key")
    if actor.vkey != data["actor"]:
        raise StatementError(detail="'actor' is not written exactly as its vkey")
    if len(data["actor"]) > MAX_VKEY:
        raise StatementError(
            detail=f"'actor' is at most {MAX_VKEY} characters (a shorter key name)"
        )
    if not isinstance(data["body"], dict):
        raise StatementError(detail="'body' must be a JSON object")
    _check_generic_body(data["type"], data["case"], data["body"])
    return Statement(
        log=data["log"],
        type=data["type"],
        case=data["case"],
        actor=data["actor"],
        time=data["time"],
        body=data["body"],
        v=data["v"],
    )


def check_documents(documents: Any) -> None:
    """``body.documents``: a list of ``{"name", "sha256", "size"}`` objects, nothing else."""
    if not isinstance(documents, list) or not documents:
        raise StatementError(detail="'documents' must be a non-empty list")
    for doc in documents:
        if not isinstance(doc, dict) or set(doc) != {"name", "sha256", "size"}:
            raise StatementError(detail="each document is exactly {name, sha256, size}")
        if not isinstance(doc["name"], str) or not doc["name"]:
            raise StatementError(detail="a document needs a name")
        if not isinstance(doc["sha256"], str) or not _SHA256_HEX.match(doc["sha256"]):
            raise StatementError(detail="'sha256' must be 64 lowercase hex characters")
        if not isinstance(doc["size"], int) or isinstance(doc["size"], bool) or doc["size"] < 0:
            raise StatementError(detail="'size' must be a non-negative integer")


def _check_generic_body(type_: str, case: str, body: dict[str, Any]) -> None:
    """The two generic types of PROTOCOL.md section 1."""
    if type_ == "identity.enrol":
        if case != "":
            raise StatementError(detail='identity.enrol has case ""')
        if set(body) != {"name", "role"} or not isinstance(body.get("name"), str):
            raise StatementError(detail="identity.enrol body is {name, role}")
        if len(body["name"]) > MAX_PERSON_NAME:
            raise StatementError(detail=f"a name is at most {MAX_PERSON_NAME} characters")
        if body["role"] not in ROLES:
            raise StatementError(detail=f"unknown role {body['role']!r}")
    elif type_ == "evidence.deposited":
        if not set(body) <= {"documents", "note"} or "documents" not in body:
            raise StatementError(detail="evidence.deposited body is {documents, note?}")
        check_documents(body["documents"])
        if "note" in body and not isinstance(body["note"], str):
            raise StatementError(detail="'note' must be a string")


@dataclass(frozen=True)
class Entry:
    """A signed statement as it sits in a log: the whole signed note and what it says."""

    text: str
    statement: Statement
    note: Note

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")

    @cached_property
    def leaf_hash(self) -> bytes:
        return leaf_hash(self.data)


def statement_note_text(statement: Statement) -> str:
    return STATEMENT_HEADER + canonical_json(statement.to_json()).decode("utf-8") + "\n"


def sign_statement(statement: Statement, key: SigningKey) -> Entry:
    """Sign ``statement`` with ``key``; the key must be the statement's actor."""
    if statement.actor != key.vkey:
        raise StatementError(detail="a key signs only its own statements (actor is another key)")
    note = sign_note_parts(statement_note_text(statement), [Ed25519NoteSigner(key)])
    text = note.to_text()
    if len(text.encode("utf-8")) > MAX_ENTRY_BYTES:
        raise StatementError(
            detail=f"the signed entry is larger than {MAX_ENTRY_BYTES} bytes; attach large "
            "content as documents (their SHA-256), not in the statement"
        )
    return Entry(text, statement, note)


def parse_entry(text: str | bytes, *, max_bytes: int = MAX_ENTRY_BYTES) -> Entry:
    """Parse an entry's text (without verifying its signature)."""
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise StatementError(detail=f"entry is larger than {max_bytes} bytes")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StatementError(detail="entry is not UTF-8") from exc
    if not isinstance(text, str):
        raise StatementError(detail="an entry is signed note text")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise StatementError(detail=f"entry is larger than {max_bytes} bytes")
    note = parse_note(text, max_bytes=max_bytes)
    # One spelling per signed statement, so that the log's de-duplication by leaf hash sees a
    # replay: exactly the actor's signature line (an extra or repeated line is ignored by
    # verify_note), with its base64 as encoded (not another spelling of the same bytes).
    if len(note.signatures) != 1:
        raise StatementError(detail="an entry carries exactly one signature, its actor's")
    if note.to_text() != text:
        raise StatementError(detail="the entry's signature line is not in canonical form")
    if not note.text.startswith(STATEMENT_HEADER):
        raise StatementError(detail="note is not a jcdesk/statement/v1 statement")
    payload = note.text[len(STATEMENT_HEADER) : -1]
    if "\n" in payload:
        raise StatementError(detail="statement spans more than one line")
    try:
        data = parse_canonical(payload.encode("utf-8"))
    except CanonicalJSONError as exc:
        raise StatementError(detail=str(exc)) from exc
    return Entry(text, check_statement(data), note)


def verify_entry(entry: Entry) -> None:
    """Check that the entry's actor signed it (Ed25519 over the note text)."""
    verify_note(entry.note, [entry.statement.actor_verifier])


def open_entry(text: str | bytes, *, max_bytes: int = MAX_ENTRY_BYTES) -> Entry:
    """Parse and verify: the one call for an entry that came from elsewhere."""
    entry = parse_entry(text, max_bytes=max_bytes)
    verify_entry(entry)
    return entry
