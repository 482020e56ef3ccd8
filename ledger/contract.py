"""Contract rules: pure functions over a case's statements, run in two places.

The app runs them before signing (a user hears "no" at once, even offline); the node runs the
same code before sequencing (no client can cheat) — ARCHITECTURE.md, "one implementation, two
enforcement points". A domain package registers rules for the statement types it owns.

A rule sees the case's earlier statements (in log order) and the new one, and either returns
nothing or raises ``ContractViolation`` with words a user can read, naming the article of law.
A rule may also *trigger* node-authored statements (e.g. an enforcement filing when an
obligation's deadline passes): ``due`` returns the statements the node should append now.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.statement import Statement


class ContractViolation(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Refused by rule {rule}: {reason}")


@dataclass(frozen=True)
class Trigger:
    """A statement the node itself should sign and append (type, case, body), and why."""

    type: str
    case: str
    body: dict[str, Any]
    rule: str


class ContractRule(Protocol):
    """One rule (``name`` includes its version, e.g. ``mediation.default@1``)."""

    name: str

    def applies_to(self, statement_type: str) -> bool: ...

    def check(self, history: Sequence[Statement], statement: Statement) -> None: ...

    def due(self, history: Sequence[Statement], now: datetime) -> Iterable[Trigger]: ...

    def roles_for(self, statement_type: str) -> frozenset[str] | None:
        """The enrolled roles allowed to sign this type, or None for any role. A rule sees
        statements, not enrolments: the node, which knows the roles, enforces this."""
        ...


@dataclass
class ContractRules:
    """The rules in force: the app and the node build this from the same domain modules."""

    rules: list[ContractRule] = field(default_factory=list)

    def register(self, rule: ContractRule) -> None:
        self.rules.append(rule)

    def check(self, history: Sequence[Statement], statement: Statement) -> None:
        for rule in self.rules:
            if rule.applies_to(statement.type):
                rule.check(history, statement)

    def due(self, history: Sequence[Statement], now: datetime) -> list[Trigger]:
        return [t for rule in self.rules for t in rule.due(history, now)]

    def roles_for(self, statement_type: str) -> frozenset[str] | None:
        allowed = [
            roles
            for rule in self.rules
            if rule.applies_to(statement_type)
            and (roles := rule.roles_for(statement_type)) is not None
        ]
        return frozenset.intersection(*allowed) if allowed else None
