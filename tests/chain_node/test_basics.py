"""node.info, enrolment, login, submit, proofs and receipts against a real node."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

from ledger import merkle
from ledger.auth import login_message as auth_message
from ledger.checkpoint import parse_checkpoint_body, verify_checkpoint
from ledger.keys import SigningKey, parse_vkey
from ledger.note import parse_note
from ledger.receipt import verify_receipt
from tests.chain_node.conftest import enrol_entry, make_entry


def verifiers(info):
    return parse_vkey(info["log_vkey"]), [parse_vkey(v) for v in info["witness_vkeys"]]


def test_node_info(node):
    c = node.client()
    info = c.call("node.info")
    for field in (
        "origin",
        "log_vkey",
        "witness_vkeys",
        "node_vkey",
        "version",
        "max_entry_bytes",
        "auto_approve",
    ):
        assert field in info
    assert info["auto_approve"] is True
    assert info["max_entry_bytes"] == 65536
    assert all(parse_vkey(v).sig_type == 0x04 for v in info["witness_vkeys"])
    assert parse_vkey(info["log_vkey"]).name == info["origin"]
    cp = c.call("tlog.checkpoint")["checkpoint"]
    log_v, wit = verifiers(info)
    verified = verify_checkpoint(cp, log_v, wit)
    assert verified.checkpoint.size == 0


def test_enrol_auto_approve_is_logged(node):
    key = SigningKey.generate()
    c = node.client()
    text = enrol_entry(key, node.origin, "mediator", "Mediator Wang")
    first = c.call("auth.enrol", entry=text)
    assert first["status"] == "approved"
    again = c.call("auth.enrol", entry=text)
    assert again == first
    # the enrolment and the node's approval are both entries
    hashes = c.call("tlog.leaf_hashes", start=0, end=2)["hashes"]
    assert base64.b64decode(hashes[first["index"]]) == merkle.leaf_hash(text.encode())
    res = c.login(key, node.origin)
    assert res == {"actor": key.vkey, "roles": ["mediator"]}


def test_enrol_rejects_bad_entries(node):
    c = node.client()
    key = SigningKey.generate()
    # not an identity.enrol statement
    assert c.error("auth.enrol", entry=make_entry(key, node.origin)).code == -32003
    # wrong log
    assert c.error("auth.enrol", entry=enrol_entry(key, "other.example/log")).code == -32003
    # forged signature: signed by another key
    other = SigningKey.generate()
    text = enrol_entry(key, node.origin)
    forged = text.replace(text.split("\n\n")[1], enrol_entry(other, node.origin).split("\n\n")[1])
    assert c.error("auth.enrol", entry=forged).code == -32003
    assert c.error("auth.enrol", entry=42).code == -32602


def test_login_checks(node):
    key, _ = node.person()
    c = node.client()
    # no challenge yet
    e = c.error("auth.login", vkey=key.vkey, signature=base64.b64encode(b"x" * 64).decode())
    assert e.code == -32004
    nonce = c.call("auth.challenge")["nonce"]
    bad = base64.b64encode(key.sign_raw(auth_message("other", nonce))).decode()
    assert c.error("auth.login", vkey=key.vkey, signature=bad).code == -32004
    # the nonce was used up by the failed attempt: a correct signature over it is refused now
    good = base64.b64encode(key.sign_raw(auth_message(node.origin, nonce))).decode()
    assert c.error("auth.login", vkey=key.vkey, signature=good).code == -32004
    # unknown key
    stranger = SigningKey.generate()
    nonce = c.call("auth.challenge")["nonce"]
    sig = base64.b64encode(stranger.sign_raw(auth_message(node.origin, nonce))).decode()
    assert c.error("auth.login", vkey=stranger.vkey, signature=sig).code == -32001
    # replaying a good login on another connection fails (nonce is per connection, single use)
    c2 = node.client()
    c2.call("auth.challenge")
    assert c2.error("auth.login", vkey=key.vkey, signature=good).code == -32004
    assert c.login(key, node.origin)["actor"] == key.vkey


def test_submit_idempotent_and_receipt(node):
    key, c = node.person()
    text = make_entry(
        key,
        node.origin,
        "evidence.deposited",
        "",
        {"documents": [{"name": "a.pdf", "sha256": "ab" * 32, "size": 3}]},
    )
    first = c.call("tlog.submit", entry=text)
    again = c.call("tlog.submit", entry=text)
    assert first == again
    assert base64.b64decode(first["leaf_hash"]) == merkle.leaf_hash(text.encode())
    receipt = c.call("tlog.receipt", index=first["index"])["receipt"]
    log_v, wit = verifiers(node.info)
    verified = verify_receipt(receipt, text.encode(), log_v, wit)
    assert verified.index == first["index"]


def test_submit_check_order(node):
    key, c = node.person()
    anon = node.client()
    text = make_entry(key, node.origin)
    # not logged in: -32004 before the entry is even read
    assert anon.error("tlog.submit", entry="garbage").code == -32004
    assert anon.error("tlog.submit", entry=text).code == -32004
    # unenrolled signer: -32001, even if the entry is also otherwise bad
    stranger = SigningKey.generate()
    assert c.error("tlog.submit", entry=make_entry(stranger, node.origin)).code == -32001
    assert c.error("tlog.submit", entry=make_entry(stranger, "wrong/log")).code == -32001
    # bad signature, wrong log, float, non-JCS, future time: -32003 with a readable reason
    sig_line = make_entry(key, node.origin, body={"x": 1}).split("\n\n")[1]
    forged = text.split("\n\n")[0] + "\n\n" + sig_line
    e = c.error("tlog.submit", entry=forged)
    assert e.code == -32003 and "signature" in e.data
    assert c.error("tlog.submit", entry=make_entry(key, "wrong.example/log")).code == -32003
    head, sigs = text.split("\n\n")
    floaty = head.replace('"body":{}', '"body":{"x":1.5}') + "\n\n" + sigs
    assert c.error("tlog.submit", entry=floaty).code == -32003
    spaced = head.replace('"body":{}', '"body": {}') + "\n\n" + sigs
    assert c.error("tlog.submit", entry=spaced).code == -32003
    future = make_entry(key, node.origin, time=datetime.now(UTC) + timedelta(minutes=10))
    e = c.error("tlog.submit", entry=future)
    assert e.code == -32003 and "ahead" in e.data
    near = make_entry(key, node.origin, time=datetime.now(UTC) + timedelta(minutes=4))
    assert c.call("tlog.submit", entry=near)["index"] >= 0
    # identity statements go through auth.enrol only
    assert c.error("tlog.submit", entry=enrol_entry(key, node.origin)).code == -32003
    # too big
    big = make_entry(key, node.origin, body={"x": "a" * 70000}) if False else "x" * 70000
    assert c.error("tlog.submit", entry=big).code == -32003
    assert c.error("tlog.submit", entry=None).code == -32602


def test_relayed_statement(node):
    """A desk logged in as one key may relay a statement signed by another enrolled key."""
    _mediator, desk = node.person("mediator")
    party, _ = node.person("party")
    text = make_entry(party, node.origin, "test.note", "")
    assert desk.call("tlog.submit", entry=text)["index"] > 0


def test_proofs(node):
    key, c = node.person()
    entries = []
    for i in range(21):
        text = make_entry(key, node.origin, body={"n": i})
        res = c.call("tlog.submit", entry=text)
        entries.append((res["index"], text))
    info = node.info
    log_v, wit = verifiers(info)
    cp = verify_checkpoint(c.call("tlog.checkpoint")["checkpoint"], log_v, wit).checkpoint
    size = cp.size
    hashes = [base64.b64decode(h) for h in c.call("tlog.leaf_hashes", start=0, end=size)["hashes"]]
    assert merkle.root_from_leaf_hashes(hashes) == cp.root_hash
    for index, text in entries:
        for s in (index + 1, size):
            got = c.call("tlog.inclusion", index=index, size=s)["proof"]
            proof = [base64.b64decode(p) for p in got]
            root = merkle.root_from_leaf_hashes(hashes[:s])
            merkle.verify_inclusion(merkle.leaf_hash(text.encode()), index, s, proof, root)
    for old in range(1, size):
        got = c.call("tlog.consistency", old=old, new=size)["proof"]
        proof = [base64.b64decode(p) for p in got]
        merkle.verify_consistency(
            old, size, merkle.root_from_leaf_hashes(hashes[:old]), cp.root_hash, proof
        )
    assert c.call("tlog.consistency", old=0, new=size) == {"proof": []}
    assert c.error("tlog.inclusion", index=0, size=size + 1).code == -32010
    assert c.error("tlog.consistency", old=1, new=size + 1).code == -32010
    assert c.error("tlog.leaf_hashes", start=0, end=size + 1).code == -32010
    assert c.error("tlog.leaf_hashes", start=0, end=2000).code == -32602
    assert c.error("tlog.receipt", index=size + 5).code == -32002
    assert c.error("tlog.inclusion", index="0", size=size).code == -32602


def test_receipt_waits_for_checkpoint(node):
    import threading

    key, c = node.person()
    size = parse_checkpoint_body(parse_note(c.call("tlog.checkpoint")["checkpoint"]).text).size
    waiter = node.client()
    out = {}

    def wait():
        out["r"] = waiter.call("tlog.receipt", index=size, wait_ms=10000)

    t = threading.Thread(target=wait)
    t.start()
    text = make_entry(key, node.origin, body={"late": True})
    assert c.call("tlog.submit", entry=text)["index"] == size
    t.join(15)
    log_v, wit = verifiers(node.info)
    verify_receipt(out["r"]["receipt"], text.encode(), log_v, wit)


def test_jsonrpc_framing(node):
    c = node.client()
    c.send_raw("{not json")
    assert c.recv_answer()["error"]["code"] == -32700
    c.send_raw("[]")
    assert c.recv_answer()["error"]["code"] == -32600
    c.send_raw('{"jsonrpc":"2.0","id":1}')
    assert c.recv_answer()["error"]["code"] == -32600
    c.send_raw('{"jsonrpc":"2.0","id":2,"method":"no.such"}')
    assert c.recv_answer()["error"]["code"] == -32601
    c.send_raw('{"jsonrpc":"2.0","id":3,"method":"node.info","params":[1]}')
    assert c.recv_answer()["error"]["code"] == -32602
    c.send_raw(b"\x00binary")
    assert c.recv_answer()["error"]["code"] == -32700
    # batch: answers for requests, none for notifications
    c.send_raw(
        '[{"jsonrpc":"2.0","id":7,"method":"node.info"},{"jsonrpc":"2.0","method":"node.info"},1]'
    )
    answers = c.recv_answer()
    assert isinstance(answers, list) and len(answers) == 2
    assert {a.get("id") for a in answers} == {7, None}
    assert c.call("node.info")["origin"] == node.origin


def test_batch_submit(node):
    import json

    key, c = node.person()
    texts = [make_entry(key, node.origin, body={"b": i}) for i in range(50)]
    frame = [
        {"jsonrpc": "2.0", "id": i, "method": "tlog.submit", "params": {"entry": t}}
        for i, t in enumerate(texts)
    ]
    frame.append(
        {"jsonrpc": "2.0", "id": "bad", "method": "tlog.submit", "params": {"entry": texts[0][:-5]}}
    )
    frame.append(
        {"jsonrpc": "2.0", "id": "dup", "method": "tlog.submit", "params": {"entry": texts[7]}}
    )
    c.send_raw(json.dumps(frame))
    answers = {a["id"]: a for a in c.recv_answer()}
    assert len(answers) == 52
    indexes = [answers[i]["result"]["index"] for i in range(50)]
    assert len(set(indexes)) == 50
    assert answers["dup"]["result"]["index"] == answers[7]["result"]["index"]
    assert answers["bad"]["error"]["code"] == -32003
    anon = node.client()
    anon.send_raw(json.dumps(frame[:2]))
    assert [a["error"]["code"] for a in anon.recv_answer()] == [-32004, -32004]
