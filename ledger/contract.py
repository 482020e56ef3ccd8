"""Contract rules: pure functions over a case's statements, run in two places.

The app runs them before signing (a user hears "no" at once, even offline); the node runs the
same code before sequencing (no client can cheat) — ARCHITECTURE.md, "one implementation, two
enforcement points". A domain package lists a rule for each statement type it owns
(``ledger.domain.Domain``).

A rule sees the case's state (kept up to date one statement at a time) and the new statement, and
either returns nothing or raises ``ContractViolation`` with words a user can read, naming the
article of law. A domain may also *trigger* node-authored statements (e.g. an enforcement filing
when an obligation's deadline passes): its ``due`` returns the statements the node appends now.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError


class ContractViolation(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Refused by rule {rule}: {reason}")


@dataclass(frozen=True)
class Trigger:
    """A statement the node itself should sign and append (type, case, body), and why."""

    type: str
    case: str
    body: dict[str, Any]
    rule: str
