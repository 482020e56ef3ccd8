"""The contract rules a served node enforces: those the domain packages register.

ARCHITECTURE.md lets the node import the contract modules of ``mediation`` (and, later,
``bankruptcy``): the same code the app runs before signing.
"""

from __future__ import annotations

from ledger.contract import ContractRules
from mediation.rules import mediation_rules


def domain_contract_rules() -> ContractRules:
    return ContractRules([*mediation_rules()])
