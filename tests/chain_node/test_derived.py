"""Nothing the log determines is trusted from the database (issue 8, item 5): one changed row
of each derived table in a stopped node's database makes the next (full) start refuse, naming
the table, the key and the column; the untouched database starts; and the attack matters (a
quick start, which does not derive the tables, serves the changed rows)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from chain_node import cli
from chain_node.derived import MAX_REPORTED, check_derived
from chain_node.errors import FsckError
from chain_node.storage import make_engine
from ledger.keys import SigningKey
from tests.chain_node.conftest import make_entry
from tests.chain_node.test_highwater import pg_database  # noqa: F401 - a fixture

DOC = hashlib.sha256(b"the signed agreement").hexdigest()


def build(start_node: Any, data: Path, url: str | None) -> dict[str, Any]:
    """A small log: Alice (creditor) opens case-1 with Bob, a private note, a document; Carol
    is enrolled but no member. The node is stopped again."""
    node = start_node(data, database_url=url)
    alice, ca = node.person("creditor", "Alice")
    bob, _ = node.person("creditor", "Bob")
    carol, _ = node.person("creditor", "Carol")
    opening = make_entry(alice, node.origin, "test.case.opened", "case-1", {"members": [bob.vkey]})
    opened = ca.call("tlog.submit", entry=opening)["index"]
    private = ca.call(
        "tlog.submit", entry=make_entry(alice, node.origin, "test.note", "case-1", {"t": "x"})
    )["index"]
    doc = ca.call(
        "tlog.submit",
        entry=make_entry(
            alice,
            node.origin,
            "evidence.deposited",
            "",
            {"documents": [{"name": "a.pdf", "sha256": DOC, "size": 10}]},
        ),
    )["index"]
    info = dict(node.info)
    node.stop()
    return {
        "alice": alice,
        "bob": bob,
        "carol": carol,
        "opened": opened,
        "private": private,
        "doc": doc,
        "origin": info["origin"],
        "node_vkey": info["node_vkey"],
        "url": url or f"sqlite:///{(data / 'node.db').resolve()}",
    }


def run_sql(url: str, sql: str, **params: Any) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            changed = conn.execute(text(sql), params).rowcount
        assert changed == 1, f"the tampering changed {changed} rows: {sql}"
    finally:
        engine.dispose()


# (name, SQL, its parameters from the scenario, what the refusal must name)
TAMPERS = [
    (
        "role",
        "UPDATE enrolments SET role = 'judge' WHERE vkey = :v",
        lambda s: {"v": s["alice"].vkey},
        lambda s: ["enrolments", s["alice"].vkey, "role", "'judge'", "'creditor'"],
    ),
    (
        "approved without log",
        "INSERT INTO enrolments (vkey, key_id, name, role, status, entry, enrol_index, "
        "approval_index, requested_at) VALUES (:v, :k, 'Mallory', 'judge', 'approved', '', 1, 2, "
        "'2026-01-01T00:00:00Z')",
        lambda s: {"v": s["mallory"].vkey, "k": s["mallory"].key_id},
        lambda s: ["enrolments", s["mallory"].vkey, "status", "not approved in the log"],
    ),
    (
        "approval undone",
        "UPDATE enrolments SET status = 'pending' WHERE vkey = :v",
        lambda s: {"v": s["bob"].vkey},
        lambda s: ["enrolments", s["bob"].vkey, "status", "'pending'", "'approved'"],
    ),
    (
        "member added",
        "INSERT INTO case_members (case_id, vkey, added_index) VALUES ('case-1', :v, :i)",
        lambda s: {"v": s["carol"].vkey, "i": s["opened"]},
        lambda s: ["case_members", "'case-1'", s["carol"].vkey, "added_index"],
    ),
    (
        "member removed",
        "DELETE FROM case_members WHERE vkey = :v",
        lambda s: {"v": s["bob"].vkey},
        lambda s: ["case_members", s["bob"].vkey, "absent"],
    ),
    (
        "entry made public",
        "UPDATE entries SET case_id = '' WHERE idx = :i",
        lambda s: {"i": s["private"]},
        lambda s: ["entries", f"idx={s['private']}", "case_id", "''", "'case-1'"],
    ),
    (
        "entry actor",
        "UPDATE entries SET actor = :v WHERE idx = :i",
        lambda s: {"v": s["carol"].vkey, "i": s["private"]},
        lambda s: ["entries", f"idx={s['private']}", "actor"],
    ),
    (
        "entry type",
        "UPDATE entries SET type = 'judicial.ruling' WHERE idx = :i",
        lambda s: {"i": s["private"]},
        lambda s: ["entries", f"idx={s['private']}", "type", "'judicial.ruling'"],
    ),
    (
        "entry time",
        "UPDATE entries SET time = '2020-01-01T00:00:00Z' WHERE idx = :i",
        lambda s: {"i": s["private"]},
        lambda s: ["entries", f"idx={s['private']}", "time", "2020-01-01T00:00:00Z"],
    ),
    (
        "document forged",
        "INSERT INTO documents (sha256, idx) VALUES (:h, :i)",
        lambda s: {"h": hashlib.sha256(b"forged").digest(), "i": s["private"]},
        lambda s: ["documents", hashlib.sha256(b"forged").hexdigest(), "present", "absent"],
    ),
    (
        "document removed",
        "DELETE FROM documents WHERE idx = :i",
        lambda s: {"i": s["doc"]},
        lambda s: ["documents", DOC, f"idx={s['doc']}"],
    ),
]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
@pytest.mark.parametrize(
    "name,sql,params,named", TAMPERS, ids=[t[0].replace(" ", "-") for t in TAMPERS]
)
def test_changed_row_refused(request, start_node, tmp_path, backend, name, sql, params, named):
    url = request.getfixturevalue("pg_database") if backend == "postgresql" else None
    data = tmp_path / "node"
    s = build(start_node, data, url)
    s["mallory"] = SigningKey.generate()
    run_sql(s["url"], sql, **params(s))
    with pytest.raises(FsckError) as refused:
        start_node(data, database_url=url)
    message = str(refused.value)
    for part in named(s):
        assert part in message, f"{name}: {part!r} not named in: {message}"
    assert "refuses to serve" in message


def test_untouched_database_starts_and_serves(start_node, tmp_path):
    data = tmp_path / "node"
    s = build(start_node, data, None)
    node = start_node(data)  # full fsck, every derived table agrees
    _, c = node.person("creditor", "Dave")
    assert node.info["tree_size"] == s["doc"] + 1
    assert c.call("identity.get", vkey=s["alice"].vkey)["role"] == "creditor"
    node.stop()
    engine = make_engine(s["url"])
    with engine.connect() as conn:
        assert check_derived(conn, s["doc"] + 3, s["node_vkey"]) == []
    engine.dispose()


def test_the_attack_matters_under_quick_fsck(start_node, tmp_path):
    """What a full start refuses, a quick start serves: the judge role, a stranger in a case,
    a private entry to everyone."""
    data = tmp_path / "node"
    s = build(start_node, data, None)
    run_sql(s["url"], "UPDATE enrolments SET role = 'judge' WHERE vkey = :v", v=s["alice"].vkey)
    run_sql(
        s["url"],
        "INSERT INTO case_members (case_id, vkey, added_index) VALUES ('case-1', :v, :i)",
        v=s["carol"].vkey,
        i=s["opened"],
    )
    run_sql(s["url"], "UPDATE entries SET case_id = '' WHERE idx = :i", i=s["private"])
    node = start_node(data, fsck="quick")
    carol = node.client()
    carol.login(s["carol"], s["origin"])
    assert carol.call("identity.get", vkey=s["alice"].vkey)["role"] == "judge"
    assert [e["index"] for e in carol.call("case.entries", case="case-1")["entries"]] == [
        s["opened"]
    ]
    public = [e["index"] for e in carol.call("case.entries", case="")["entries"]]
    assert s["private"] in public
    node.stop()
    with pytest.raises(FsckError) as refused:
        start_node(data)
    message = str(refused.value)
    for part in ("role", "case_members", f"idx={s['private']}"):
        assert part in message


def test_many_mismatches_are_capped(start_node, tmp_path):
    data = tmp_path / "node"
    s = build(start_node, data, None)
    engine = make_engine(s["url"])
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE entries SET time = '2020-01-01T00:00:00Z', type = 'x.y', actor = 'x'")
        )
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM entries")).scalar_one()
        found = check_derived(conn, count, s["node_vkey"])
    engine.dispose()
    assert 3 * count > MAX_REPORTED  # more differences than are named
    assert len(found) == MAX_REPORTED
    assert [m.column for m in found[:3]] == ["type", "actor", "time"]
    assert {m.key for m in found} == {f"idx={i}" for i in range(-(-MAX_REPORTED // 3))}


REVOKED_TAMPERS = [
    (
        "UPDATE enrolments SET status = 'approved' WHERE vkey = :alice",
        ["enrolments", "status", "'approved'", "'revoked'"],
    ),
    ("DELETE FROM revocations WHERE vkey = :alice", ["revocations", "row", "absent"]),
    (
        "UPDATE revocations SET successor = :carol WHERE vkey = :alice",
        ["revocations", "successor"],
    ),
    (
        "DELETE FROM case_members WHERE vkey = :dave",
        ["case_members", "'case-1'", "added_index", "absent"],
    ),
]


@pytest.mark.parametrize("sql,named", REVOKED_TAMPERS, ids=["status", "row", "successor", "member"])
def test_revocation_and_successor_are_derived(start_node, tmp_path, sql, named):
    """A key revoked with a successor (issue 8, key rotation): the untouched database starts;
    each changed row of what the revocation determines is refused."""
    data = tmp_path / "node"
    s = build(start_node, data, None)
    node = start_node(data)
    dave, _ = node.person("creditor", "Dave")
    alice = node.client()
    alice.login(s["alice"], s["origin"])
    body = {"reason": "phone lost", "successor": dave.vkey}
    alice.call(
        "tlog.submit", entry=make_entry(s["alice"], s["origin"], "identity.revoke", "", body)
    )
    node.stop()
    start_node(data).stop()  # untouched: derived and stored agree
    names = {"alice": s["alice"].vkey, "carol": s["carol"].vkey, "dave": dave.vkey}
    run_sql(s["url"], sql, **{k: v for k, v in names.items() if f":{k}" in sql})
    with pytest.raises(FsckError) as refused:
        start_node(data)
    message = str(refused.value)
    for part in named:
        assert part in message, f"{part!r} not named in: {message}"


def test_operator_revocation_restarts(start_node, tmp_path):
    """The operator's route (``node revoke``: a request row, then the node's entry) derives
    the same rows the node stored: the node starts again."""
    data = tmp_path / "node"
    node = start_node(data, trigger_poll_seconds=0.1)
    key, _ = node.person()
    _, reader = node.person("observer")
    args = ["revoke", key.key_id, "--reason", "reported stolen", "--data", str(data)]
    assert cli.main(args) == 0
    deadline = time.monotonic() + 10
    while reader.call("identity.get", vkey=key.vkey)["status"] != "revoked":
        assert time.monotonic() < deadline, "the operator's revocation was not logged"
        time.sleep(0.05)
    node.stop()
    again = start_node(data)  # full fsck: revocations and enrolments agree with the log
    assert again.client().call("node.info")["tree_size"] == node.info["tree_size"] + 5
