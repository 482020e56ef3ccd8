"""The domains this node (and the desk beside it) runs: the one list of installed domains.

ARCHITECTURE.md lets the node import the contract modules of the domain packages: the same code
the app runs before signing. Adding a domain is adding its descriptor here.
"""

from __future__ import annotations

from bankruptcy.domain import DOMAIN as BANKRUPTCY
from ledger.domain import Registry
from mediation.domain import DOMAIN as MEDIATION


def installed_domains() -> Registry:
    return Registry([MEDIATION, BANKRUPTCY])
