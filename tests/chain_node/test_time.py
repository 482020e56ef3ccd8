"""Time at the node: contract rules count from the node's sequencing time (the cosignature
time of the checkpoint that first holds an entry), not from the time a signer claims; and a
statement further than the documented skew from the node's clock is refused either way."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from ledger.clock import FixedClock
from ledger.keys import SigningKey
from ledger.statement import Statement, sign_statement
from mediation import types as t
from tests.chain_node.conftest import RpcFail, make_entry
from tests.mediation.conftest import CASE, LOG, T0, Case

# effect on 2026-11-02 (China time) -> the 30 days end at 2026-12-03 00:00 CST
LAST_MOMENT = datetime(2026, 12, 2, 16, 0, tzinfo=UTC)
APPLICATION = {"agreement_id": "A1", "court": "北京市朝阳区人民法院"}


def mediation_node(start_node: Any, clock: FixedClock) -> Any:
    return start_node(
        origin=LOG,
        clock=clock,
        trigger_poll_seconds=3600,
    )


def enrol_case(node: Any, plan: Case, clock: FixedClock) -> Any:
    """Enrol the case's three keys; a client logged in as the mediator relays for all."""
    c = node.client()
    for key, role in (
        (plan.mediator, "mediator"),
        (plan.lender, "party"),
        (plan.borrower, "party"),
    ):
        body = {"name": f"{role} {key.name}", "role": role}
        entry = make_entry(key, node.origin, "identity.enrol", "", body, time=clock.now())
        assert c.call("auth.enrol", entry=entry)["status"] == "approved"
    c.login(plan.mediator, node.origin)
    return c


def submit(c: Any, plan: Case, statement: Statement) -> Any:
    key = next(k for k in (plan.mediator, plan.lender, plan.borrower) if k.vkey == statement.actor)
    return c.call("tlog.submit", entry=sign_statement(statement, key).text)


def make_effective(c: Any, plan: Case) -> None:
    for statement in (plan.opened(), plan.proposed()):
        submit(c, plan, plan.add(statement))
    for key in (plan.lender, plan.borrower, plan.mediator):
        submit(c, plan, plan.add(plan.signed(key)))


def test_an_application_after_the_confirmation_window_is_sequenced_not_refused(start_node):
    """An hour after the 30 days ended by the log's time (backdated by its claim), the
    application is sequenced: a late application is recorded as late, not refused, since the
    court decides on an extension (CPL Art. 86; tests/mediation/test_confirmation_period.py)."""
    clock = FixedClock(T0 + timedelta(minutes=10))
    node = mediation_node(start_node, clock)
    plan = Case()
    c = enrol_case(node, plan, clock)
    make_effective(c, plan)
    clock.advance(LAST_MOMENT - clock.now() + timedelta(hours=1))
    backdated = plan.make(
        plan.lender, t.CONFIRMATION_APPLIED, APPLICATION, at=LAST_MOMENT - timedelta(hours=1)
    )
    assert submit(c, plan, backdated)["index"] > 0


def test_rules_count_from_when_the_log_got_the_history(start_node):
    """Signatures claiming 20 h earlier (the day before, China time) do not move the agreement's
    day of effect: an application on the last day by the log's time is in time."""
    clock = FixedClock(T0)
    node = mediation_node(start_node, clock)
    plan = Case()
    plan.clock = T0 - timedelta(hours=20)  # claimed: 2026-11-01 13:00 CST
    c = enrol_case(node, plan, clock)
    make_effective(c, plan)
    clock.advance(LAST_MOMENT - clock.now() - timedelta(hours=6))
    ten_minutes_old = plan.make(
        plan.lender, t.CONFIRMATION_APPLIED, APPLICATION, at=clock.now() - timedelta(minutes=10)
    )
    assert submit(c, plan, ten_minutes_old)["index"] > 0
    # a late application is sequenced too (CPL Art. 86), so what shows the count is the node's
    # own state: counted from the signatures' claimed day it would be late; by the log's, not
    core = node.embedded.running.node.core
    with core._states_lock:
        state = core.states.get(CASE).state
    assert plan.lender.vkey in state.confirmation
    assert state.confirmation_late == {}


def test_time_skew_is_refused_both_ways(node):
    key, c = node.person()
    now = datetime.now(UTC)
    err = c.error("tlog.submit", entry=make_entry(key, node.origin, time=now - timedelta(hours=25)))
    assert err.code == -32003
    assert "24 h behind the node's clock" in err.data and "sign it again" in err.data
    err = c.error(
        "tlog.submit", entry=make_entry(key, node.origin, time=now + timedelta(minutes=6))
    )
    assert err.code == -32003 and "ahead of the node's clock" in err.data
    ok = c.call("tlog.submit", entry=make_entry(key, node.origin, time=now - timedelta(minutes=10)))
    assert ok["index"] > 0
    # an enrolment is judged by the same clock
    late = SigningKey.generate()
    body = {"name": "Late Desk", "role": "creditor"}
    entry = make_entry(
        late, node.origin, "identity.enrol", "", body, time=now - timedelta(hours=25)
    )
    assert node.client().error("auth.enrol", entry=entry).code == -32003


def test_an_approved_enrolment_is_logged_however_long_it_waited(start_node, tmp_path):
    """The skew is judged when a request arrives, not when the operator approves it days later."""
    from chain_node import cli

    clock = FixedClock(datetime.now(UTC).replace(microsecond=0))
    node = start_node(auto_approve=False, clock=clock, approval_poll_seconds=0.05)
    key = SigningKey.generate()
    body = {"name": "Patient Desk", "role": "creditor"}
    entry = make_entry(key, node.origin, "identity.enrol", "", body, time=clock.now())
    c = node.client()
    assert c.call("auth.enrol", entry=entry)["status"] == "pending"
    clock.advance(timedelta(days=3))
    cli.approve(tmp_path / "node", key.vkey, "creditor")
    deadline = time.monotonic() + 30
    while True:  # logging in works once the approval is logged
        try:
            assert c.login(key, node.origin)["actor"] == key.vkey
            break
        except RpcFail as exc:
            assert exc.code == -32001, exc
            assert time.monotonic() < deadline, "the approved enrolment was never logged"
            time.sleep(0.05)
