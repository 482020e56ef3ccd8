"""The domain packages this desktop runs: their projections (the app's store) and their
contract rules (checked before signing; the node runs the same rules)."""

from __future__ import annotations

from chain_node.contracts import domain_contract_rules
from ledger.store.projection import Projection
from mediation.projections import mediation_projections

__all__ = ["domain_contract_rules", "domain_projections"]


def domain_projections() -> list[Projection]:
    return [*mediation_projections()]
