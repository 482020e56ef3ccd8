"""A domain for the tests of the chain: ``test.*`` statements with no rule but the registry's.

The node accepts only types a registered domain claims (``ledger.domain``), so tests of the log
itself (sequencing, limits, backups, proofs) register this one beside the installed domains: its
types carry no domain's rules, and any case member may sign them. It exists in tests and
benchmarks only; a served node never has it.
"""

from __future__ import annotations

from typing import Any

from chain_node.domains import installed_domains
from ledger.domain import Domain, Registry
from ledger.statement import Statement

TYPES = (
    "test.note",
    "test.case.opened",
    "test.member.added",
    "test.add",
    "test.x",
    "test.open",
    "test.more",
    "test.w",
    "test.poison",
)


def _accept(state: Any, statement: Statement) -> None:
    """No rule: the node's own checks (members, signature, time, privacy) still apply."""


def _count(state: list[int], statement: Statement) -> None:
    state[0] += 1


NOTES = Domain(
    name="test",
    prefix="test.",
    rules=dict.fromkeys(TYPES, _accept),
    new_state=lambda case: [0],
    apply=_count,
)


def with_notes() -> Registry:
    """The installed domains and ``test.*``."""
    return Registry([*installed_domains().domains, NOTES])
