"""What a registered document cites: only entries that count (the node's rejection included)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from casework.records import chain_facts, on_chain
from chain_node.domains import installed_domains
from ledger.store.append import reject, sign_and_append
from ledger.store.store import Store
from mediation import types as t
from tests.mediation.conftest import CASE, Case


def test_a_signature_the_node_rejected_is_cited_nowhere(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'desk.sqlite'}", installed_domains())
    plan = Case()
    try:
        with store.transaction() as session:
            for statement, key in (
                (plan.add(plan.opened()), plan.mediator),
                (plan.add(plan.proposed()), plan.mediator),
                (plan.add(plan.signed(plan.lender)), plan.lender),
            ):
                entry, _ = sign_and_append(session, store.projections, key, statement)
        with store.session() as session:
            [cited] = on_chain(session, CASE, t.AGREEMENT_SIGNED)
            assert cited.leaf_hash == entry.leaf_hash
            assert chain_facts(session, CASE, t.AGREEMENT_SIGNED) is not None
        when = (plan.clock + timedelta(minutes=1)).isoformat()
        with store.transaction() as session:
            reject(session, store.projections, entry.leaf_hash, reason="stale", when=when)
        with store.session() as session:
            assert on_chain(session, CASE, t.AGREEMENT_SIGNED) == []
            assert chain_facts(session, CASE, t.AGREEMENT_SIGNED) is None
            assert len(on_chain(session, CASE, t.AGREEMENT_PROPOSED)) == 1
    finally:
        store.close()
