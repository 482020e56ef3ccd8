"""Typed statements: a statement's body parsed once into a frozen value.

A domain's ``parse`` (``ledger.domain.Domain.parse``) turns a ``Statement`` into a ``Typed``:
the statement's type, case, actor and time with its body as a frozen dataclass (enums for
choices). Its rules and its reducer see only that value; nothing past the parse reads the JSON
body. ``to_json`` writes a typed body back in its wire form, so a parse can be proved lossless
(the body a signer signed is exactly the one the typed value stands for).

The helpers below check a JSON body's shape and raise the domain's own refusal (a
``ContractViolation`` naming the article) through a ``Fail`` callable, so every domain words
its refusals itself.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from ledger.clock import parse_time
from ledger.contract import ContractViolation
from ledger.errors import LedgerError
from ledger.statement import Statement, check_documents

B = TypeVar("B")
E = TypeVar("E", bound=Enum)
Fail = Callable[[], ContractViolation]  # the refusal to raise, in the domain's words

_HEX64 = re.compile(r"^[0-9a-f]{64}\Z")
WIRE = "wire"  # dataclass field metadata: False keeps a field out of ``to_json``


@dataclass(frozen=True, slots=True)
class Typed(Generic[B]):
    """A statement with its body parsed: what rules and reducers receive.

    ``members`` is the generic ``body.members`` (keys a statement enrols in its case,
    docs/protocol.md "Cases and membership"), kept apart from the domain's own body.
    """

    type: str
    case: str
    actor: str
    time: str
    body: B
    members: tuple[str, ...] | None = None

    @property
    def moment(self) -> datetime:
        return parse_time(self.time)

    def body_json(self) -> dict[str, Any]:
        """The body as it was signed (``members`` included)."""
        data = to_json(self.body)
        if self.members is not None:
            data["members"] = list(self.members)
        return data


@dataclass(frozen=True, slots=True)
class Document:
    """One ``body.documents`` item: a file's name, SHA-256 and size (the file stays local)."""

    name: str
    sha256: str
    size: int


def to_json(value: Any) -> Any:
    """A typed value in its wire form: dataclasses as objects (a field that is None is left
    out: it was absent), tuples as lists, enums as their values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get(WIRE, True) and getattr(value, f.name) is not None
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, Mapping):
        return {key: to_json(item) for key, item in value.items()}
    return value


def typed(statement: Statement, body: B, members: tuple[str, ...] | None) -> Typed[B]:
    return Typed(statement.type, statement.case, statement.actor, statement.time, body, members)


def split_members(body: Mapping[str, Any], fail: Fail) -> tuple[dict[str, Any], tuple | None]:
    """The body without ``members``, and the members (None when absent)."""
    if "members" not in body:
        return dict(body), None
    rest = {k: v for k, v in body.items() if k != "members"}
    members = body["members"]
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        raise fail()
    return rest, tuple(members)


class Refusals:
    """How a domain refuses a body: under its rule, in its words (each domain keeps its own
    translation context), with its parsers table (type -> parser of the body without
    ``members``)."""

    def __init__(
        self,
        rule: str,
        *,
        unknown_fields: str,  # a template with {type} and {fields}
        members: str,
        parsers: Mapping[str, Callable[[Mapping[str, Any]], Any]] | None = None,
    ) -> None:
        self.rule = rule
        self.unknown_fields = unknown_fields
        self.members = members
        self.parsers: Mapping[str, Callable[[Mapping[str, Any]], Any]] = parsers or {}

    def refuse(self, message: str, **args: Any) -> ContractViolation:
        return ContractViolation(message, rule=self.rule, **args)

    def fail(self, message: str, **args: Any) -> Fail:
        return lambda: self.refuse(message, **args)

    def only(self, body: Mapping[str, Any], type_: str, allowed: Iterable[str]) -> None:
        """Refuse a field the type does not have: nothing unknown goes on the chain."""
        extra = sorted(set(body) - set(allowed))
        if extra:
            raise self.refuse(self.unknown_fields, type=type_, fields=", ".join(extra))

    def parse(self, statement: Statement) -> Typed[Any]:
        """The statement with its body typed by its type's parser (``Domain.parse``)."""
        parser = self.parsers.get(statement.type)
        if parser is None:
            raise self.refuse(self.unknown_fields, type=statement.type, fields="")
        rest, members = split_members(statement.body, self.fail(self.members))
        return typed(statement, parser(rest), members)


# -- shape checks: each raises ``fail()`` ------------------------------------------------------


def obj(value: Any, fail: Fail, allowed: Iterable[str] | None = None) -> Mapping[str, Any]:
    """A JSON object (with no keys beyond ``allowed``, when given)."""
    if not isinstance(value, dict):
        raise fail()
    if allowed is not None and not set(value) <= set(allowed):
        raise fail()
    return value


def text(data: Mapping[str, Any], key: str, fail: Fail, *, blank: bool = False) -> str:
    """A string field that is present (and not blank unless ``blank``)."""
    value = data.get(key)
    if not isinstance(value, str) or (not blank and not value.strip()):
        raise fail()
    return value


def opt_text(data: Mapping[str, Any], key: str, fail: Fail) -> str | None:
    """An optional string field: None when absent."""
    if key not in data:
        return None
    value = data[key]
    if not isinstance(value, str):
        raise fail()
    return value


def integer(data: Mapping[str, Any], key: str, fail: Fail, *, minimum: int | None = None) -> int:
    """An integer field (JSON booleans are not integers), at least ``minimum`` when given."""
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise fail()
    if minimum is not None and value < minimum:
        raise fail()
    return value


def flag(data: Mapping[str, Any], key: str, fail: Fail) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise fail()
    return value


def choice(kind: type[E], value: Any, fail: Fail) -> E:
    """One of an enum's values."""
    try:
        return kind(value)
    except ValueError:
        raise fail() from None


def texts(value: Any, fail: Fail) -> tuple[str, ...]:
    """A list of strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail()
    return tuple(value)


def sha256_hex(value: Any, fail: Fail) -> str:
    if not isinstance(value, str) or not _HEX64.match(value):
        raise fail()
    return value


def documents(value: Any, rule: str) -> tuple[Document, ...]:
    """``body.documents``, as ``ledger.statement.check_documents`` has it, refused in its words
    (which field is wrong) under ``rule``."""
    try:
        check_documents(value)
    except LedgerError as exc:
        raise ContractViolation(rule=rule, reason=str(exc)) from exc
    return tuple(Document(d["name"], d["sha256"], d["size"]) for d in value)
