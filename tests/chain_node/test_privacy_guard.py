"""The node refuses personal data in clear in every statement type (PIPL Art. 51), over a real
WebSocket, and does not mistake hashes or verifier keys for numbers."""

from __future__ import annotations

import re

import pytest

from chain_node.config import Limits
from ledger.keys import SigningKey
from tests.chain_node.conftest import make_entry


def key_with_digit_run() -> SigningKey:
    """A key whose key id holds 15+ digits in a row: its vkey looks like an account number."""
    while True:
        key = SigningKey.generate()
        if re.search(r"[0-9]{15,}", key.key_id):
            return key


def _deposit(key: SigningKey, origin: str, note: str, sha256: str = "ab" * 32) -> str:
    body = {"documents": [{"name": "a.pdf", "sha256": sha256, "size": 3}], "note": note}
    return make_entry(key, origin, "evidence.deposited", "", body)


@pytest.mark.parametrize("processes", [0, 1])
def test_node_refuses_an_evidence_note_with_a_mobile_or_id_number(start_node, processes):
    node = start_node(limits=Limits(verify_processes=processes))
    key, c = node.person()
    first = c.call("tlog.submit", entry=_deposit(key, node.origin, "收据"))
    for note in ("请联系 138-1234-5678", "身份证 110101199003071234", "6222 0212 3456 7890 123"):
        error = c.error("tlog.submit", entry=_deposit(key, node.origin, note))
        assert error.code == -32003, error
        assert "Personal data must not go on the chain" in error.data
        assert "PIPL Art. 51" in error.data
    # also in a type no contract rule covers, and in a field name
    other = make_entry(key, node.origin, "test.note", "", {"13812345678": "x"})
    assert c.error("tlog.submit", entry=other).code == -32003
    # nothing refused was logged: the next clean deposit follows the first one directly
    accepted = c.call("tlog.submit", entry=_deposit(key, node.origin, "合同原件"))
    assert accepted["index"] == first["index"] + 1


def test_hashes_and_keys_with_digit_runs_are_not_personal_data(node):
    key, c = node.person()
    digits = "1" * 64  # a SHA-256 hex digest that happens to be all digits
    assert c.call("tlog.submit", entry=_deposit(key, node.origin, digits, sha256=digits))
    # a verifier key whose base64 or hash may hold digit runs, as a note and inside a list
    other = key_with_digit_run()
    body = {"about": [other.vkey, "2" * 64], "note": other.vkey}
    assert c.call("tlog.submit", entry=make_entry(key, node.origin, "test.note", "", body))
    # amounts are JSON integers, not texts
    assert c.call(
        "tlog.submit",
        entry=make_entry(key, node.origin, "test.note", "", {"amount": 13812345678}),
    )
