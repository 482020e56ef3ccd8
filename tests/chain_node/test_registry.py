"""The node's registry fails closed (docs/protocol.md, "Statement types"): a type no installed
domain claims is refused; the generic types are valid in any case; a case keeps its domain."""

from __future__ import annotations

from chain_node.domains import installed_domains
from chain_node.errors import ENTRY_REJECTED
from ledger.statement import parse_entry
from tests.chain_node.conftest import make_entry
from tests.mediation.conftest import Case

DOC = {"documents": [{"name": "通知书.pdf", "sha256": "ab" * 32, "size": 1024}]}


def test_a_type_no_domain_claims_is_refused_in_words(start_node) -> None:
    node = start_node(domains=installed_domains())
    key, c = node.person("creditor")
    for kind, case in (
        ("bankruptcy.ballot.cast", "BK-1"),  # a domain not installed on this node
        ("mediation.case.reopened", "MED-1"),  # a prefix that exists, a type that does not
        ("test.note", ""),  # the tests' own domain is not installed either
    ):
        refused = c.error("tlog.submit", entry=make_entry(key, node.origin, kind, case))
        assert refused.code == ENTRY_REJECTED, refused
        assert f"No rule of this chain covers statements of type {kind}" in refused.data
    # the node still serves, and logged none of them: its log holds the enrolment only
    entries = c.call("case.entries", case="")["entries"]
    kinds = {parse_entry(row["entry"]).statement.type for row in entries}
    assert kinds == {"identity.enrol", "identity.approved"}


def test_document_issued_is_valid_in_any_case(start_node) -> None:
    node = start_node()  # installed domains and test.*
    key, c = node.person("mediator")
    # a case of another domain, a case no domain opened yet, and the public space
    c.call("tlog.submit", entry=make_entry(key, node.origin, "test.case.opened", "T-1"))
    for case in ("T-1", "NEW-1", ""):
        answer = c.call(
            "tlog.submit", entry=make_entry(key, node.origin, "document.issued", case, DOC)
        )
        assert isinstance(answer["index"], int)
    # and in a mediation case, opened and then closed (a closing notice is still a document)
    plan = Case(mediator=key)
    opened = plan.opened()
    c.call("tlog.submit", entry=make_entry(key, node.origin, opened.type, "MED-9", opened.body))
    closed = {"reason": "调解不成，告知当事人可以诉讼"}
    c.call(
        "tlog.submit", entry=make_entry(key, node.origin, "mediation.case.closed", "MED-9", closed)
    )
    answer = c.call(
        "tlog.submit", entry=make_entry(key, node.origin, "document.issued", "MED-9", DOC)
    )
    assert isinstance(answer["index"], int)
    # the generic rule still holds: a document is {name, sha256, size}
    bad = {"documents": [{"name": "x.pdf", "sha256": "no"}]}
    refused = c.error(
        "tlog.submit", entry=make_entry(key, node.origin, "document.issued", "T-1", bad)
    )
    assert refused.code == ENTRY_REJECTED and "document" in refused.data


def test_a_case_keeps_the_domain_that_opened_it(start_node) -> None:
    node = start_node()
    key, c = node.person("mediator")
    plan = Case(mediator=key)
    opened = plan.opened()
    c.call("tlog.submit", entry=make_entry(key, node.origin, opened.type, "MED-2", opened.body))
    refused = c.error("tlog.submit", entry=make_entry(key, node.origin, "test.note", "MED-2"))
    assert refused.code == ENTRY_REJECTED and "is a mediation case" in refused.data
    c.call("tlog.submit", entry=make_entry(key, node.origin, "test.case.opened", "T-2"))
    refused = c.error(
        "tlog.submit", entry=make_entry(key, node.origin, opened.type, "T-2", opened.body)
    )
    assert refused.code == ENTRY_REJECTED and "is a test case" in refused.data


def test_case_state_survives_a_restart_and_a_full_cache(start_node, tmp_path) -> None:
    """The kept states are a cache: with room for one case, and after a restart, the rules
    still see every case's whole history (folded again from the log)."""
    from chain_node.config import Limits

    data = tmp_path / "n"
    node = start_node(data, limits=Limits(case_states=1))
    key, c = node.person("mediator")
    plans = {f"MED-{i}": Case(mediator=key) for i in range(3)}
    for case, plan in plans.items():
        opened = plan.opened()
        c.call("tlog.submit", entry=make_entry(key, node.origin, opened.type, case, opened.body))
    for case, plan in plans.items():  # each case evicted the one before
        again = c.error(
            "tlog.submit",
            entry=make_entry(key, node.origin, "mediation.case.opened", case, plan.opened().body),
        )
        assert "already open" in again.data
    node.stop()
    node = start_node(data, limits=Limits(case_states=1))
    c = node.client()
    c.login(key, node.origin)
    for case, plan in plans.items():
        again = c.error(
            "tlog.submit",
            entry=make_entry(key, node.origin, "mediation.case.opened", case, plan.opened().body),
        )
        assert "already open" in again.data
