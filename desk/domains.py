"""The domain packages this desktop runs: their projections (the app's store) and their
contract rules (checked before signing; the node runs the same rules)."""

from __future__ import annotations

from ledger.contract import ContractRules
from ledger.store.projection import Projection
from mediation.projections import mediation_projections
from mediation.rules import mediation_rules


def domain_projections() -> list[Projection]:
    return [*mediation_projections()]


def domain_contract_rules() -> ContractRules:
    return ContractRules([*mediation_rules()])
