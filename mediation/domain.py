"""Mediation as the registry sees it: its types, rules, state, projections, migrations, page."""

from __future__ import annotations

from pathlib import Path

from ledger.domain import Domain
from mediation import types as t
from mediation.bodies import parse
from mediation.case import CaseState, apply
from mediation.projections import mediation_projections
from mediation.rules import ROLES, RULES, due

DOMAIN = Domain(
    name="mediation",
    prefix=t.PREFIX,
    rules=RULES,
    new_state=CaseState,
    apply=apply,
    parse=parse,
    roles=ROLES,
    due=due,
    projections=mediation_projections,
    migrations=Path(__file__).with_name("migrations"),
    page="ui.mediation:MediationPage",
)
