"""Prepared statements: what a domain service hands the UI to sign.

A service builds a statement through an ``Author`` (the desk's session, which knows the log and
the signing key), checks it at once against the case with ``checked`` (the rule the node will
run, offline too, so the user hears "no" before signing), and returns it, with any local-only
rows (a participant's sealed personal details) that go in the same transaction as its append
(``Prepared``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Protocol

from casework.private import PrivateParty
from ledger.domain import Domain
from ledger.keys import SigningKey
from ledger.statement import Statement
from ledger.store.store import Store


class Author(Protocol):
    """Builds statements for the log in use (``desk.session.DeskSession`` does)."""

    def statement(
        self, type_: str, case: str, body: dict[str, Any], *, actor: SigningKey | None = None
    ) -> Statement: ...


@dataclass
class Prepared:
    """A checked statement, and the private rows to store in the same transaction."""

    statement: Statement
    private_rows: list[PrivateParty] = field(default_factory=list)


def checked(domain: Domain, state: Any, statement: Statement) -> Statement:
    """Run the rule the node will run on ``statement`` against ``state``, body parsed as the
    registry parses it; raises ``ContractViolation`` with the article. ``DeskSession.record``
    runs the registry's check again against the state it appends to."""
    parsed = domain.parse(statement) if domain.parse is not None else statement
    domain.rules[statement.type](state, parsed)
    return statement


def load(store: Store, domain: Domain, case_id: str) -> Any:
    """The case's state as this desktop's log holds it now, for ``domain`` (its empty state if
    the case is not one of that domain's yet): a copy, since the store's own state moves on."""
    cases = store.projections.cases
    assert cases is not None, "a store opened with the installed domains keeps case states"
    with store.session() as session, cases.lock:
        slot = cases.slot(session, case_id)
        if slot.domain is not domain:
            return domain.new_state(case_id)
        return copy.deepcopy(slot.state)
