"""``python main.py demo`` seeds a case that every demo desk holds, verified and consistent."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from chain_node.domains import installed_domains
from desk.demo import DEMO_PASSPHRASE, seed
from ledger.keys import SigningKey
from ledger.profile import Profile
from ledger.store.audit import consistency, verify_log
from ledger.store.models import OutboxItem
from ledger.store.store import Store
from mediation.projections import MediationCase


def test_demo_seeds_an_effective_agreement_on_every_desk(tmp_path: Path) -> None:
    demo = seed(tmp_path)
    assert demo.case_id.startswith("MED-")
    for name in demo.profiles:
        profile = Profile.named(name, home=tmp_path)
        assert profile.is_set_up
        SigningKey.load(profile.key_path, DEMO_PASSPHRASE)  # the printed passphrase opens it
        store = Store.open(profile.database_url(), installed_domains())
        with store.session() as session:
            assert (
                session.scalar(
                    select(MediationCase.status).where(MediationCase.case_id == demo.case_id)
                )
                == "effective"
            )
            assert set(session.scalars(select(OutboxItem.state))) <= {"confirmed"}
            assert verify_log(session) == []
            assert consistency(session, store.projections) == []
        store.close()
    again = seed(tmp_path)  # a second run keeps the demo as it is
    assert again.profiles == demo.profiles
