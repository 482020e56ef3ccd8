"""What a desk asks of the bankruptcy domain (the UI to come calls these; no Qt here).

``load`` reads a case as this desktop's log holds it; ``checked`` runs the rule the node will run
(offline too: the user hears "no" with the article before signing); ``table_body`` is the claim
table the administrator publishes next, computed from the chain as every desk computes it.
"""

from __future__ import annotations

from typing import Any

from bankruptcy.domain import DOMAIN
from bankruptcy.state import CaseState, next_table
from casework.statements import checked as checked_by
from casework.statements import load as load_case
from casework.typed import to_json
from ledger.statement import Statement
from ledger.store.store import Store


def load(store: Store, case_id: str) -> CaseState:
    """The case as this desktop's log holds it now (a copy: the store's own state moves on)."""
    return load_case(store, DOMAIN, case_id)


def checked(state: CaseState, statement: Statement) -> Statement:
    """Run the bankruptcy rule the node will run, at once: ContractViolation with the article."""
    return checked_by(DOMAIN, state, statement)


def table_body(state: CaseState) -> dict[str, Any]:
    """The body of the next ``bankruptcy.table.published``: its rows' hash and the totals per
    group, as recomputed from the reviews on the chain (the node recomputes the same)."""
    return to_json(next_table(state))
