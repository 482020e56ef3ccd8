"""The domain registry: which statement types exist, who rules on them, and a case's state.

A domain package (mediation, bankruptcy) describes itself with one ``Domain``: the prefix of its
statement types, an explicit table from each type it claims to the rule that checks it, the
reducer that advances a case's state by one statement, the roles a type needs, the statements
its rules trigger, its projections and migrations, and the page it adds to the window. The node,
the desk, the migrations and the main window read a ``Registry`` of the installed domains; this
module names none of them.

The registry fails closed: a type that neither the generic rules below nor a registered domain
claims is refused ("no rule, no entry"). The generic types (``identity.*``, ``evidence.deposited``,
``document.issued``) are valid in any case, whatever domain owns it.

A case belongs to the domain of its first domain statement; its state (``CaseSlot``) is kept and
advanced one statement at a time, and rules check a new statement against that state, never by
folding the history again. Only replay and ``log verify`` fold a whole case (``Registry.fold``).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger.contract import ContractViolation, Trigger
from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.privacy import PersonalDataError, check_personal_data
from ledger.statement import Statement, check_documents

if TYPE_CHECKING:
    from ledger.store.projection import Projection

Check = Callable[[Any, Statement], None]
REGISTRY_RULE = "registry"


def _no_rule(state: Any, statement: Statement) -> None:
    """Checked where the statement is parsed (``ledger.statement``) or by the node itself
    (enrolment, approval and revocation are the node's own protocol, PROTOCOL.md section 4)."""


def _document_issued(state: Any, statement: Statement) -> None:
    """``document.issued``: a registered PDF's own SHA-256 (``{documents, about?}``), in any
    case, so the Verify page can recognise the file."""
    body = statement.body
    if not set(body) <= {"documents", "about"}:
        raise ContractViolation(
            rule="generic", reason="document.issued body is {documents, about?}"
        )
    if "about" in body and not isinstance(body["about"], dict):
        raise ContractViolation(rule="generic", reason="'about' must be an object")
    try:
        check_documents(body.get("documents"))
    except LedgerError as exc:
        raise ContractViolation(rule="generic", reason=str(exc)) from exc


def _encryption_key(state: Any, statement: Statement) -> None:
    """``identity.encryption_key``: case "", body exactly ``{key}``, base64 of a 32-byte
    X25519 public key, signed by the key it belongs to (docs/protocol.md, "Encrypted
    evidence")."""
    body = statement.body
    key = body.get("key")
    if statement.case != "" or set(body) != {"key"} or not isinstance(key, str):
        raise ContractViolation(
            rule="generic", reason='identity.encryption_key has case "" and body {key}'
        )
    try:
        raw = base64.b64decode(key, validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32 or base64.b64encode(raw).decode() != key:
        raise ContractViolation(
            rule="generic", reason="'key' is base64 of a 32-byte X25519 public key"
        )


GENERIC_RULES: Mapping[str, Check] = {
    "identity.enrol": _no_rule,
    "identity.approved": _no_rule,
    "identity.revoke": _no_rule,
    "identity.revoked": _no_rule,
    "identity.encryption_key": _encryption_key,
    "evidence.deposited": _no_rule,  # body checked when parsed (ledger.statement)
    "document.issued": _document_issued,
}


@dataclass(frozen=True)
class Domain:
    """One domain package, as the node, the desk and the window see it."""

    name: str  # "mediation"
    prefix: str  # every type it claims starts with this: "mediation."
    rules: Mapping[str, Check]  # type -> rule(state, parsed): the types it claims, no other
    new_state: Callable[[str], Any]  # the empty state of a case (its id)
    apply: Callable[[Any, Any], None]  # advance a state by one parsed statement, in log order
    # a statement's typed value (its body parsed once, frozen), given to the rule and to
    # ``apply`` in place of the Statement; raises ContractViolation for a malformed body
    parse: Callable[[Statement], Any] | None = None
    roles: Mapping[str, frozenset[str]] = field(default_factory=dict)  # type -> enrolled roles
    due: Callable[[Any, datetime], list[Trigger]] | None = None  # what the node appends itself
    # its projections, given the store's case states (``ledger.store.cases.StoreCases``)
    projections: Callable[[Any], Sequence[Projection]] = lambda cases: ()
    migrations: Path | None = None  # its Alembic branch
    page: str | None = None  # "module:Class" of its page; only ui/ imports it

    def __post_init__(self) -> None:
        wrong = [t for t in self.rules if not t.startswith(self.prefix)]
        if not self.prefix.endswith(".") or wrong:
            raise ValueError(f"domain {self.name}: types outside {self.prefix!r}: {wrong}")


@dataclass
class CaseSlot:
    """One case's state: its domain (None until a domain statement opens it) and the state of
    that domain's reducer, with where in the log it stands (``seq``/``leaf``, or the node's
    index)."""

    case: str
    domain: Domain | None = None
    state: Any = None
    seq: int = 0
    leaf: bytes = b""
    size: int = 0  # statements applied


class UnclaimedType(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "No rule of this chain covers statements of type {type}, so none is accepted.",
    )


class Registry:
    """The installed domains; fails closed on any type none of them (nor the core) claims."""

    def __init__(self, domains: Iterable[Domain] = ()) -> None:
        self.domains: tuple[Domain, ...] = tuple(domains)
        self._by_type: dict[str, Domain] = {}
        for domain in self.domains:
            for other in self.domains:
                if other is not domain and other.prefix.startswith(domain.prefix):
                    raise ValueError(f"domains {domain.name} and {other.name} share a prefix")
            for type_ in domain.rules:
                if type_ in GENERIC_RULES:
                    raise ValueError(f"{type_} is generic; {domain.name} cannot claim it")
                self._by_type[type_] = domain

    def domain_of(self, statement_type: str) -> Domain | None:
        return self._by_type.get(statement_type)

    def roles_for(self, statement_type: str) -> frozenset[str] | None:
        domain = self._by_type.get(statement_type)
        return None if domain is None else domain.roles.get(statement_type)

    def check(self, slot: CaseSlot, statement: Statement) -> Any:
        """Raise ``ContractViolation`` (with the article) unless ``statement`` may follow the
        case as ``slot`` holds it; return its parsed value (hand it to ``apply``). No
        statement of any type carries personal numbers."""
        try:
            check_personal_data(statement.body)
        except PersonalDataError as exc:
            raise ContractViolation(rule="privacy", reason=str(exc)) from exc
        generic = GENERIC_RULES.get(statement.type)
        if generic is not None:
            generic(slot.state, statement)
            return statement
        domain = self._by_type.get(statement.type)
        if domain is None:
            raise ContractViolation(
                rule=REGISTRY_RULE, reason=str(UnclaimedType(type=statement.type))
            )
        if slot.domain is not None and slot.domain is not domain:
            raise ContractViolation(
                rule=REGISTRY_RULE,
                reason=f"case {statement.case} is a {slot.domain.name} case; a {domain.name} "
                "statement cannot be added to it",
            )
        state = slot.state if slot.domain is domain else domain.new_state(statement.case)
        parsed = domain.parse(statement) if domain.parse is not None else statement
        domain.rules[statement.type](state, parsed)
        return parsed

    def apply(self, slot: CaseSlot, statement: Statement, parsed: Any = None) -> None:
        """Advance ``slot`` by one statement the rules accepted (or the log holds); ``parsed``
        is what ``check`` returned for it, if at hand."""
        domain = self._by_type.get(statement.type)
        if slot.domain is None and domain is not None:
            slot.domain, slot.state = domain, domain.new_state(slot.case)
        owner = slot.domain
        if owner is not None:
            if domain is not owner or owner.parse is None:
                parsed = statement  # a generic statement in the case: as it is
            elif parsed is None:
                parsed = owner.parse(statement)
            owner.apply(slot.state, parsed)
        slot.size += 1

    def due(self, slot: CaseSlot, now: datetime) -> list[Trigger]:
        if slot.domain is None or slot.domain.due is None:
            return []
        return slot.domain.due(slot.state, now)

    def fold(self, case: str, statements: Iterable[Statement]) -> CaseSlot:
        """A whole case from its statements in log order (replay, ``log verify``, a cache miss)."""
        slot = CaseSlot(case)
        for statement in statements:
            self.apply(slot, statement)
        return slot

    def projections(self, cases: Any) -> list[Projection]:
        return [p for domain in self.domains for p in domain.projections(cases)]

    def migrations(self) -> list[Path]:
        return [d.migrations for d in self.domains if d.migrations is not None]


class CaseStates:
    """Case slots kept in memory, the least recently used dropped beyond ``limit``.

    Whoever owns one (the desk's store, the node) decides when a slot is still valid; this only
    holds them. Not thread-safe on its own: the owner serializes access.
    """

    def __init__(self, registry: Registry, limit: int = 256) -> None:
        self.registry = registry
        self.limit = limit
        self._slots: dict[str, CaseSlot] = {}

    def get(self, case: str) -> CaseSlot | None:
        slot = self._slots.pop(case, None)
        if slot is not None:
            self._slots[case] = slot  # most recently used last
        return slot

    def put(self, slot: CaseSlot) -> None:
        self._slots.pop(slot.case, None)
        self._slots[slot.case] = slot
        while len(self._slots) > self.limit:
            del self._slots[next(iter(self._slots))]

    def forget(self, cases: Iterable[str] | None = None) -> None:
        """Drop the given cases' slots (all of them when None): they are rebuilt when next used."""
        if cases is None:
            self._slots.clear()
            return
        for case in cases:
            self._slots.pop(case, None)

    def __contains__(self, case: str) -> bool:
        return case in self._slots

    def __len__(self) -> int:
        return len(self._slots)
