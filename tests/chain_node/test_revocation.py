"""Key revocation and rotation at the node (Electronic Signature Law Art. 15; docs/protocol.md
``identity.revoke``), over real websockets, on SQLite and PostgreSQL: from the node's
``identity.revoked`` index on, the key is refused (submit, login, later entries of the same
batch); what it signed before stays in the log; a successor carries on in its cases under its
name; the operator can revoke a key the user no longer holds."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from sqlalchemy import select, text

from chain_node import cli
from chain_node.storage import (
    SCHEMA_VERSION,
    CaseMember,
    NodeMeta,
    Revocation,
    init_schema,
    make_engine,
)
from ledger.keys import SigningKey, key_id_of
from ledger.statement import open_entry
from tests.chain_node.conftest import RpcFail, enrol_entry, make_entry


def revoke_entry(key: SigningKey, origin: str, reason: str = "lost", successor: str | None = None):
    body: dict[str, Any] = {"reason": reason}
    if successor is not None:
        body["successor"] = successor
    return make_entry(key, origin, "identity.revoke", "", body)


def revoked_body(node: Any, key: SigningKey) -> tuple[int, dict[str, Any]]:
    """Where the node logged the key's revocation, and what its node-signed entry says."""
    _, reader = node.person("observer")
    answer = reader.call("identity.get", vkey=key.vkey)
    assert answer["status"] == "revoked", answer
    entry = open_entry(answer["revocation"]["entry"])  # the signature verifies
    assert entry.statement.actor == node.info["node_vkey"]
    assert entry.statement.type == "identity.revoked"
    assert entry.statement.body["key"] == key.vkey
    assert answer["enrol"]["index"] < answer["approval"]["index"] < answer["revocation"]["index"]
    return answer["revocation"]["index"], entry.statement.body


def test_self_revocation_stops_the_key_at_once(start_node, tmp_path, db_url):
    node = start_node(tmp_path / "node", database_url=db_url)
    key, c = node.person()
    other, oc = node.person()
    before = c.call("tlog.submit", entry=make_entry(key, node.origin, case="c1", body={"n": 1}))
    c.call(
        "tlog.submit", entry=make_entry(key, node.origin, case="c1", body={"members": [other.vkey]})
    )
    second = node.client()  # a connection already logged in as the key
    second.login(key, node.origin)
    answer = c.call("tlog.submit", entry=revoke_entry(key, node.origin, "phone stolen"))
    index, body = revoked_body(node, key)
    assert index == answer["index"] + 1  # the node's entry right after the key's own
    assert body == {"key": key.vkey, "reason": "phone stolen", "revoke_index": answer["index"]}
    for conn in (c, second):  # still logged in as the key: nothing it signs is taken
        err = conn.error("tlog.submit", entry=make_entry(key, node.origin, case="c1"))
        assert err.code == -32001 and f"revoked at index {index}" in err.data
    # relayed by a member still logged in: refused as the signer's
    err = oc.error("tlog.submit", entry=make_entry(key, node.origin, case="c1"))
    assert err.code == -32001 and f"revoked at index {index}" in err.data
    with pytest.raises(RpcFail) as refused:
        node.client().login(key, node.origin)
    assert refused.value.code == -32001 and f"revoked at index {index}" in refused.value.data
    # signed before: still in the log, served to the case's other member
    page = oc.call("case.entries", case="c1")["entries"]
    assert page[0]["index"] == before["index"]
    # re-enrolling the revoked key is refused too
    err = node.client().error("auth.enrol", entry=enrol_entry(key, node.origin))
    assert err.code == -32001 and "revoked" in err.data


def test_later_entries_of_the_same_batch_are_refused(node):
    key, c = node.person()
    frames = [
        {"jsonrpc": "2.0", "id": 1, "method": "tlog.submit", "params": {"entry": text_}}
        for text_ in (
            make_entry(key, node.origin, body={"n": "before"}),
            revoke_entry(key, node.origin),
            make_entry(key, node.origin, body={"n": "after"}),
        )
    ]
    for i, frame in enumerate(frames):
        frame["id"] = i
    c.send_raw(frames)
    answers = {a["id"]: a for a in c.recv_answer()}
    assert "result" in answers[0] and "result" in answers[1], answers
    assert answers[2]["error"]["code"] == -32001, answers[2]
    assert answers[0]["result"]["index"] < answers[1]["result"]["index"]


def test_rotation_keeps_cases_and_name(start_node, tmp_path, db_url):
    node = start_node(tmp_path / "node", database_url=db_url)
    old, c = node.person("mediator", name="王调解")
    partner, _ = node.person()
    c.call(
        "tlog.submit",
        entry=make_entry(old, node.origin, case="m1", body={"members": [partner.vkey]}),
    )
    new = SigningKey.generate()
    # before the revocation the name is the old key's
    err = node.client().error(
        "auth.enrol", entry=enrol_entry(new, node.origin, "mediator", "王调解")
    )
    assert err.code == -32003 and "already taken" in err.data
    c.call("tlog.submit", entry=revoke_entry(old, node.origin, "new phone", new.vkey))
    index, body = revoked_body(node, old)
    assert body["successor"] == new.vkey
    # the successor takes the name; nobody else can
    enrolled = node.client().call(
        "auth.enrol", entry=enrol_entry(new, node.origin, "mediator", "王调解")
    )
    assert enrolled["status"] == "approved"
    err = node.client().error(
        "auth.enrol", entry=enrol_entry(SigningKey.generate(), node.origin, name="王调解")
    )
    assert err.code == -32003 and "already taken" in err.data
    nc = node.client()
    nc.login(new, node.origin)
    # a member of the old key's case, from the revocation's index on
    nc.call("tlog.submit", entry=make_entry(new, node.origin, case="m1", body={"n": 2}))
    assert [e["index"] for e in nc.call("case.entries", case="m1")["entries"]]
    engine = make_engine(db_url or f"sqlite:///{tmp_path / 'node' / 'node.db'}")
    with engine.connect() as conn:
        added = conn.execute(
            select(CaseMember.added_index).where(
                CaseMember.case_id == "m1", CaseMember.vkey == new.vkey
            )
        ).scalar_one()
    engine.dispose()
    assert added == index
    assert nc.call("identity.get", vkey=old.vkey)["successor"] == new.vkey


def test_a_successor_is_named_once(node):
    a, ac = node.person()
    b, bc = node.person()
    heir = SigningKey.generate()
    ac.call("tlog.submit", entry=revoke_entry(a, node.origin, "rotating", heir.vkey))
    err = bc.error("tlog.submit", entry=revoke_entry(b, node.origin, "me too", heir.vkey))
    assert err.code == -32003 and "already another key's successor" in err.data
    # the revoked key cannot name a second successor
    err = bc.error(
        "tlog.submit", entry=revoke_entry(a, node.origin, "again", SigningKey.generate().vkey)
    )
    assert err.code == -32001
    # nor can a revoked key be a successor, nor a key its own
    err = bc.error("tlog.submit", entry=revoke_entry(b, node.origin, "x", a.vkey))
    assert err.code == -32003 and "revoked itself" in err.data
    err = bc.error("tlog.submit", entry=revoke_entry(b, node.origin, "x", b.vkey))
    assert err.code == -32003 and "own successor" in err.data
    err = bc.error("tlog.submit", entry=revoke_entry(b, node.origin, "x" * 201))
    assert err.code == -32003 and "200" in err.data
    err = bc.error(
        "tlog.submit",
        entry=make_entry(
            b, node.origin, "identity.revoked", "", {"key": a.vkey, "reason": "forged"}
        ),
    )
    assert err.code == -32003 and "by the node" in err.data


def test_operator_revocation(start_node, tmp_path, db_url, capsys):
    data = tmp_path / "node"
    node = start_node(data, database_url=db_url, trigger_poll_seconds=0.1)
    key, _ = node.person()
    args = ["revoke", key_id_of(key.public_key), "--reason", "reported stolen", "--data", str(data)]
    if db_url:
        args += ["--database-url", db_url]
    assert cli.main(args) == 0
    assert "reported stolen" in capsys.readouterr().out
    deadline = time.monotonic() + 10
    _, reader = node.person("observer")
    while reader.call("identity.get", vkey=key.vkey)["status"] != "revoked":
        assert time.monotonic() < deadline, "the operator's revocation was not logged"
        time.sleep(0.05)
    index, body = revoked_body(node, key)
    assert body == {"key": key.vkey, "reason": "reported stolen"}  # no revoke_index
    err = reader.error("tlog.submit", entry=make_entry(key, node.origin))
    assert err.code == -32001 and f"index {index}" in err.data
    # asking again is refused (and logs nothing twice)
    assert cli.main(args) == 1
    assert "already revoked" in capsys.readouterr().err
    time.sleep(0.3)
    assert revoked_body(node, key)[0] == index
    # the operator cannot approve a revoked key again, and it is not listed as pending
    approve = ["approve", key_id_of(key.public_key), "--role", "creditor", "--data", str(data)]
    if db_url:
        approve += ["--database-url", db_url]
    assert cli.main(approve) == 1
    assert "was revoked" in capsys.readouterr().err
    assert key.vkey not in [row["vkey"] for row in cli.pending(data, db_url or None)]
    assert reader.call("identity.get", vkey=key.vkey)["status"] == "revoked"


def test_schema_1_database_is_upgraded(tmp_path, db_url):
    url = db_url or f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    init_schema(engine)
    with engine.begin() as conn:  # a version-1 database: no revocations table
        conn.execute(text("DROP TABLE revocations"))
        conn.execute(
            NodeMeta.__table__.update().where(NodeMeta.key == "schema_version"), {"value": "1"}
        )
    init_schema(engine)
    with engine.connect() as conn:
        version = conn.execute(
            select(NodeMeta.value).where(NodeMeta.key == "schema_version")
        ).scalar_one()
        assert conn.execute(select(Revocation.vkey)).all() == []
    engine.dispose()
    assert int(version) == SCHEMA_VERSION == 3
    assert json.dumps(version)


def test_revocation_survives_a_restart(start_node, tmp_path, db_url):
    data = tmp_path / "node"
    node = start_node(data, database_url=db_url)
    old, c = node.person("mediator", name="赵调解")
    partner, _ = node.person()
    c.call(
        "tlog.submit",
        entry=make_entry(old, node.origin, case="k1", body={"members": [partner.vkey]}),
    )
    heir = SigningKey.generate()
    c.call("tlog.submit", entry=revoke_entry(old, node.origin, "rotating", heir.vkey))
    index, _ = revoked_body(node, old)
    node.stop()
    node = start_node(data, database_url=db_url)  # the full start derives the revocation too
    with pytest.raises(RpcFail) as refused:
        node.client().login(old, node.origin)
    assert refused.value.code == -32001 and f"revoked at index {index}" in refused.value.data
    enrolled = node.client().call(
        "auth.enrol", entry=enrol_entry(heir, node.origin, "mediator", "赵调解")
    )
    assert enrolled["status"] == "approved"
    hc = node.client()
    hc.login(heir, node.origin)
    hc.call("tlog.submit", entry=make_entry(heir, node.origin, case="k1", body={"n": 1}))
    node.stop()
