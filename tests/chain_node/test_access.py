"""Cases, membership, subscriptions, verify.hash, operator approval."""

from __future__ import annotations

import base64
import hashlib
import time

from chain_node.cli import approve, main, pending
from ledger.keys import SigningKey, parse_vkey
from ledger.receipt import verify_receipt
from tests.chain_node.conftest import enrol_entry, make_entry


def test_case_membership_and_reading(node):
    alice, ca = node.person("mediator")
    bob, cb = node.person("party")
    carol, cc = node.person("party")
    opening = make_entry(alice, node.origin, "test.case.opened", "case-1", {"members": [bob.vkey]})
    i0 = ca.call("tlog.submit", entry=opening)["index"]
    # bob is a member, carol is not
    i1 = cb.call("tlog.submit", entry=make_entry(bob, node.origin, "test.note", "case-1"))["index"]
    e = cc.error("tlog.submit", entry=make_entry(carol, node.origin, "test.note", "case-1"))
    assert e.code == -32004
    # a relayed statement is judged by its signer, not the connection
    e = ca.error("tlog.submit", entry=make_entry(carol, node.origin, "test.note", "case-1"))
    assert e.code == -32004
    # reading needs membership
    got = cb.call("case.entries", case="case-1")["entries"]
    assert [x["index"] for x in got] == [i0, i1]
    assert got[0]["entry"] == opening
    assert cc.error("case.entries", case="case-1").code == -32004
    assert cc.error("case.entries", case="no-such-case").code == -32004
    anon = node.client()
    assert anon.error("case.entries", case="case-1").code == -32004
    # paging
    assert [
        x["index"]
        for x in cb.call("case.entries", case="case-1", from_index=i0 + 1, limit=1)["entries"]
    ] == [i1]
    # a member adds carol
    cb.call(
        "tlog.submit",
        entry=make_entry(bob, node.origin, "test.add", "case-1", {"members": [carol.vkey]}),
    )
    assert len(cc.call("case.entries", case="case-1")["entries"]) == 3
    # members must be vkeys
    e = ca.error(
        "tlog.submit",
        entry=make_entry(alice, node.origin, "test.x", "case-2", {"members": ["nope"]}),
    )
    assert e.code == -32003


def test_subscriptions(node):
    alice, ca = node.person("mediator")
    bob, cb = node.person("party")
    early = make_entry(alice, node.origin, "test.open", "case-s", {"members": [bob.vkey]})
    i_early = ca.call("tlog.submit", entry=early)["index"]
    sub = cb.call("case.subscribe", cases=["case-s"], from_index=0)["subscription"]
    note = cb.recv_note()
    assert note["method"] == "case.entry"
    assert note["params"] == {"subscription": sub, "index": i_early, "entry": early}
    later = make_entry(alice, node.origin, "test.more", "case-s", {"n": 2})
    i_later = ca.call("tlog.submit", entry=later)["index"]
    seen = {}
    deadline = time.time() + 10
    while ("case.entry" not in seen or "tlog.checkpoint" not in seen) and time.time() < deadline:
        n = cb.recv_note()
        seen[n["method"]] = n["params"]
    assert seen["case.entry"]["index"] == i_later
    assert seen["case.entry"]["entry"] == later
    assert "checkpoint" in seen["tlog.checkpoint"]
    # not a member: refused; not logged in: refused
    _carol, cc = node.person()
    assert cc.error("case.subscribe", cases=["case-s"], from_index=0).code == -32004
    assert node.client().error("case.subscribe", from_index=0).code == -32004
    # carol's own-cases subscription sees nothing of case-s
    cc.call("case.subscribe", from_index=0)
    ca.call("tlog.submit", entry=make_entry(alice, node.origin, "test.more", "case-s", {"n": 3}))
    n = cc.recv_note()
    assert n["method"] == "tlog.checkpoint"


def test_verify_hash_reveals_no_content(node):
    key, c = node.person()
    doc = b"the signed agreement, as a PDF"
    sha = hashlib.sha256(doc).hexdigest()
    text = make_entry(
        key,
        node.origin,
        "evidence.deposited",
        "",
        {"documents": [{"name": "secret-name.pdf", "sha256": sha, "size": len(doc)}]},
    )
    res = c.call("tlog.submit", entry=text)
    anon = node.client()
    info = node.info
    log_v = parse_vkey(info["log_vkey"])
    wit = [parse_vkey(v) for v in info["witness_vkeys"]]
    for query in (sha, base64.b64encode(bytes.fromhex(sha)).decode(), res["leaf_hash"]):
        out = anon.call("verify.hash", sha256=query)
        assert len(out["matches"]) == 1
        m = out["matches"][0]
        assert set(m) == {"index", "type", "time", "receipt"}
        assert m["index"] == res["index"] and m["type"] == "evidence.deposited"
        assert m["time"].endswith("Z")
        assert "secret-name" not in str(out)
        verify_receipt(m["receipt"], text.encode(), log_v, wit)
    assert anon.call("verify.hash", sha256="00" * 32) == {"matches": []}
    assert anon.error("verify.hash", sha256="xyz").code == -32602


def test_pending_enrolment_then_operator_approval(start_node, tmp_path):
    data = tmp_path / "court"
    node = start_node(data, auto_approve=False)
    assert node.info["auto_approve"] is False
    key = SigningKey.generate()
    c = node.client()
    text = enrol_entry(key, node.origin, "creditor", "Creditor Li")
    assert c.call("auth.enrol", entry=text) == {"status": "pending"}
    assert c.call("auth.enrol", entry=text) == {"status": "pending"}
    # pending keys cannot log in or sign
    nonce_login = c.error  # readability
    del nonce_login
    e = None
    try:
        c.login(key, node.origin)
    except Exception as exc:  # RpcFail
        e = exc
    assert getattr(e, "code", None) == -32001
    assert [p["key_id"] for p in pending(data)] == [key.key_id]
    assert main(["approve", key.key_id, "--role", "administrator", "--data", str(data)]) == 0
    deadline = time.time() + 10
    while time.time() < deadline:
        res = c.call("auth.enrol", entry=text)
        if res["status"] == "approved":
            break
        time.sleep(0.1)
    assert res["status"] == "approved"
    assert c.login(key, node.origin)["roles"] == ["administrator"]
    # the approval is a node-signed entry right after the enrolment
    entries = c.call("case.entries", case="", from_index=res["index"])["entries"]
    assert entries[0]["entry"] == text
    assert '"type":"identity.approved"' in entries[1]["entry"]
    assert node.info["node_vkey"] in entries[1]["entry"]
    assert "already approved" in approve(data, key.key_id, "administrator")
