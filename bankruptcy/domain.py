"""Bankruptcy claims as the registry sees them: types, rules, state, projections, migrations.

The first step of the procedure (acceptance, joining, declaration, review, the claim table,
objections, the court's rulings); its page is ``ui/bankruptcy/``.
"""

from __future__ import annotations

from pathlib import Path

from bankruptcy import types as t
from bankruptcy.bodies import parse
from bankruptcy.projections import bankruptcy_projections
from bankruptcy.rules import ROLES, RULES
from bankruptcy.state import CaseState, apply
from ledger.domain import Domain

DOMAIN = Domain(
    name="bankruptcy",
    prefix=t.PREFIX,
    rules=RULES,
    new_state=CaseState,
    apply=apply,
    parse=parse,
    roles=ROLES,
    projections=bankruptcy_projections,
    migrations=Path(__file__).with_name("migrations"),
    page="ui.bankruptcy:BankruptcyPage",
)
