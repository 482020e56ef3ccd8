"""The node's write path: an index is an answer only after the commit that holds it; one
writer; over-long values fail their entry alone; malformed entries are -32003, never -32603.

Faults are real: a second SQLite connection holding the write lock past the node's busy
timeout, a PostgreSQL constraint added by another connection, concurrent enrolments.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from websockets.asyncio.client import connect as aconnect

from chain_node import cli
from chain_node.config import Limits
from chain_node.storage import make_engine
from ledger import merkle
from ledger.canonical import canonical_json
from ledger.checkpoint import parse_checkpoint_body
from ledger.clock import format_time
from ledger.keys import SigningKey, parse_vkey
from ledger.note import Ed25519NoteSigner, parse_note, sign_note_parts
from ledger.receipt import verify_receipt
from ledger.statement import STATEMENT_HEADER
from tests.chain_node.conftest import RpcFail, enrol_entry, make_entry, pg_url, reset_pg
from tests.notes import with_notes

RESEND = -32603


def submit_frame(c: Any, texts: list[str]) -> list[dict[str, Any]]:
    """Submit ``texts`` in one JSON-RPC batch frame; the answers in the order sent."""
    base = 10_000  # ids unique within the frame
    frame = [
        {"jsonrpc": "2.0", "id": base + i, "method": "tlog.submit", "params": {"entry": t}}
        for i, t in enumerate(texts)
    ]
    c.send_raw(frame)
    answers = c.recv_answer(timeout=60)
    by_id = {a["id"]: a for a in answers}
    return [by_id[base + i] for i in range(len(texts))]


def raw_entry(key: SigningKey, origin: str, type_: str, body: dict[str, Any]) -> str:
    """An entry signed as a client could sign it, without the client-side shape checks."""
    statement = {
        "v": 1,
        "log": origin,
        "type": type_,
        "case": "",
        "actor": key.vkey,
        "time": format_time(datetime.now(UTC)),
        "body": body,
    }
    note = STATEMENT_HEADER + canonical_json(statement).decode() + "\n"
    return sign_note_parts(note, [Ed25519NoteSigner(key)]).to_text()


def tree_size(c: Any) -> int:
    note = c.call("tlog.checkpoint")["checkpoint"]
    return parse_checkpoint_body(parse_note(note).text).size


def check_acknowledged(node: Any, c: Any, acked: dict[int, str]) -> None:
    """Every acknowledged index holds its entry: leaf hashes and verified receipts agree."""
    size = tree_size(c)
    hashes: list[bytes] = []
    for start in range(0, size, 1000):
        page = c.call("tlog.leaf_hashes", start=start, end=min(size, start + 1000))["hashes"]
        hashes += [base64.b64decode(h) for h in page]
    log_v = parse_vkey(node.info["log_vkey"])
    witnesses = [parse_vkey(v) for v in node.info["witness_vkeys"]]
    for index, entry in acked.items():
        assert hashes[index] == merkle.leaf_hash(entry.encode()), index
        receipt = c.call("tlog.receipt", index=index)["receipt"]
        assert verify_receipt(receipt, entry.encode(), log_v, witnesses).index == index


def collect(acked: dict[int, str], texts: list[str], answers: list[dict[str, Any]]) -> None:
    for entry, answer in zip(texts, answers, strict=True):
        index = answer["result"]["index"]
        assert acked.get(index, entry) == entry, f"index {index} was answered twice"
        acked[index] = entry


def test_locked_sqlite_fails_the_batch_and_numbers_nothing_twice(start_node, tmp_path: Path):
    node = start_node(limits=Limits(db_busy_timeout_ms=200))
    alice, c = node.person("mediator")
    bob, cb = node.person("mediator")
    acked: dict[int, str] = {}
    first = [make_entry(alice, node.origin, body={"n": i}) for i in range(5)]
    collect(acked, first, submit_frame(c, first))
    size = tree_size(c)

    # another process holds the database's write lock longer than the node waits for it
    holder = sqlite3.connect(tmp_path / "node" / "node.db", isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        during = [make_entry(alice, node.origin, body={"m": i}) for i in range(30)]
        opener = make_entry(alice, node.origin, case="CASE-LOCK", body={"open": 1})
        answers = submit_frame(c, [*during, opener])
        # an enrolment request is a write too: refused as retryable, nothing recorded
        newcomer = SigningKey.generate()
        err = node.client().error("auth.enrol", entry=enrol_entry(newcomer, node.origin))
        assert err.code == RESEND and "send it again" in err.data
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for answer in answers:
        assert answer["error"]["code"] == RESEND, answer
        assert "resend" in answer["error"]["data"]
    assert tree_size(c) == size  # nothing was numbered

    # the failed batch advanced nothing in memory: the case Alice's failed entry would have
    # opened is still unopened, so Bob opens it now and Alice is no member of it
    assert cb.call("tlog.submit", entry=make_entry(bob, node.origin, case="CASE-LOCK"))
    assert c.error("tlog.submit", entry=opener).code == -32004
    with pytest.raises(RpcFail) as info:  # the failed enrolment enrolled nothing
        node.client().login(newcomer, node.origin)
    assert info.value.code == -32001
    sent_again = node.client().call("auth.enrol", entry=enrol_entry(newcomer, node.origin))
    assert sent_again["status"] == "approved"

    # resent (with new ones), every entry gets a fresh index, none answered before
    later = [make_entry(alice, node.origin, body={"k": i}) for i in range(5)]
    resent = [*during, *later]
    collect(acked, resent, submit_frame(c, resent))
    assert len(acked) == len(first) + len(resent)
    again = submit_frame(c, during)  # a replay of a stored entry gets its index, not a new one
    assert [a["result"]["index"] for a in again] == [
        i for t in during for i, e in acked.items() if e == t
    ]
    check_acknowledged(node, c, acked)


def test_refused_commit_on_postgresql_fails_its_batch(start_node, tmp_path: Path):
    url = pg_url()
    reset_pg(url)
    node = start_node(database_url=url)
    key, c = node.person()
    acked: dict[int, str] = {}
    first = [make_entry(key, node.origin, body={"n": i}) for i in range(3)]
    collect(acked, first, submit_frame(c, first))
    size = tree_size(c)
    # a real constraint, added by another connection, refuses one entry's row at COMMIT time
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("ALTER TABLE entries ADD CONSTRAINT no_poison CHECK (type <> 'test.poison')")
        )
    try:
        batch = [make_entry(key, node.origin, body={"m": i}) for i in range(10)]
        poison = make_entry(key, node.origin, "test.poison")
        answers = submit_frame(c, [*batch, poison])
        assert all(a["error"]["code"] == RESEND for a in answers), answers
        assert tree_size(c) == size
    finally:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE entries DROP CONSTRAINT no_poison"))
        engine.dispose()
    resent = [*batch, poison, make_entry(key, node.origin, body={"after": 1})]
    collect(acked, resent, submit_frame(c, resent))
    assert sorted(acked) == list(range(size - len(first), size + len(resent)))
    check_acknowledged(node, c, acked)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_over_long_values_fail_only_their_entry(start_node, backend: str):
    kwargs = {}
    if backend == "postgresql":
        kwargs["database_url"] = pg_url()
        reset_pg(kwargs["database_url"])
    node = start_node(**kwargs)
    key, c = node.person("mediator")
    stranger = SigningKey.generate("x" * 400)  # a legal key name, longer than the vkey column
    long_member = make_entry(key, node.origin, case="CASE-LONG", body={"members": [stranger.vkey]})
    good = [make_entry(key, node.origin, body={"n": i}) for i in range(5)]
    answers = submit_frame(c, [good[0], long_member, *good[1:]])
    assert answers[1]["error"]["code"] == -32003
    assert "300 characters" in answers[1]["error"]["data"]
    indexes = [a["result"]["index"] for a in (answers[0], *answers[2:])]
    assert len(set(indexes)) == len(good)
    # a long enrolment name, and a key whose name makes its vkey too long
    anon = node.client()
    long_name = {"name": "名" * 121, "role": "creditor"}
    err = anon.error(
        "auth.enrol",
        entry=raw_entry(SigningKey.generate(), node.origin, "identity.enrol", long_name),
    )
    assert err.code == -32003 and "120 characters" in err.data, err
    name = {"name": "Long Key", "role": "creditor"}
    err = anon.error("auth.enrol", entry=raw_entry(stranger, node.origin, "identity.enrol", name))
    assert err.code == -32003 and "300 characters" in err.data, err
    check_acknowledged(node, c, {i: t for i, t in zip(indexes, good, strict=True)})


# -- one writer: many enrolments at once ---------------------------------------------------------


async def _enrol_many(url: str, origin: str, count: int) -> list[dict[str, Any]]:
    keys = [SigningKey.generate() for _ in range(count)]

    async def one(key: SigningKey) -> dict[str, Any]:
        async with aconnect(url, max_size=None) as ws:
            entry = enrol_entry(key, origin, "creditor")
            await ws.send(
                json.dumps(
                    {"jsonrpc": "2.0", "id": 1, "method": "auth.enrol", "params": {"entry": entry}}
                )
            )
            return json.loads(await asyncio.wait_for(ws.recv(), 120)) | {"vkey": key.vkey}

    return await asyncio.gather(*(one(k) for k in keys))


async def _submit_while(url: str, key: SigningKey, origin: str, stop: asyncio.Event) -> list[Any]:
    """A desk keeps submitting while the enrolments arrive; its answers."""
    from ledger.auth import login_message

    out = []
    async with aconnect(url, max_size=None) as ws:

        async def call(i: int, method: str, **params: Any) -> Any:
            await ws.send(
                json.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
            )
            return json.loads(await ws.recv())

        nonce = (await call(1, "auth.challenge"))["result"]["nonce"]
        sig = base64.b64encode(key.sign_raw(login_message(origin, nonce))).decode()
        assert "result" in await call(2, "auth.login", vkey=key.vkey, signature=sig)
        i = 3
        while not stop.is_set():
            out.append(await call(i, "tlog.submit", entry=make_entry(key, origin, body={"i": i})))
            i += 1
    return out


def _run_enrolments(node: Any, key: SigningKey, count: int) -> tuple[list[Any], list[Any]]:
    async def go() -> tuple[list[Any], list[Any]]:
        stop = asyncio.Event()
        desk = asyncio.create_task(_submit_while(node.url, key, node.origin, stop))
        try:
            answers = await _enrol_many(node.url, node.origin, count)
        finally:
            stop.set()
        return answers, await desk

    return asyncio.run(go())


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_enrolments_auto_approve(start_node, backend: str):
    kwargs = {}
    if backend == "postgresql":
        kwargs["database_url"] = pg_url()
        reset_pg(kwargs["database_url"])
    node = start_node(**kwargs)
    key, _ = node.person()
    answers, submits = _run_enrolments(node, key, 200)
    errors = [a for a in answers + submits if "error" in a]
    assert not errors, errors[:3]
    assert all(a["result"]["status"] == "approved" for a in answers)
    indexes = [a["result"]["index"] for a in answers] + [a["result"]["index"] for a in submits]
    assert len(set(indexes)) == len(indexes)
    assert submits, "the desk submitted nothing meanwhile"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_enrolments_on_a_court_node(start_node, tmp_path: Path, backend: str):
    kwargs: dict[str, Any] = {"auto_approve": False, "approval_poll_seconds": 0.05}
    if backend == "postgresql":
        kwargs["database_url"] = pg_url()
        reset_pg(kwargs["database_url"])
    node = start_node(**kwargs)
    # one desk the operator approved
    key = SigningKey.generate()
    c = node.client()
    assert c.call("auth.enrol", entry=enrol_entry(key, node.origin))["status"] == "pending"
    cli.approve(tmp_path / "node", key.vkey, "creditor", kwargs.get("database_url"))
    deadline = time.monotonic() + 30
    while c.call("auth.enrol", entry=enrol_entry(key, node.origin))["status"] != "approved":
        assert time.monotonic() < deadline, "the approval was not logged"
        time.sleep(0.05)
    answers, submits = _run_enrolments(node, key, 200)
    errors = [a for a in answers + submits if "error" in a]
    assert not errors, errors[:3]
    assert all(a["result"]["status"] == "pending" for a in answers)
    pending = {p["vkey"] for p in cli.pending(tmp_path / "node", kwargs.get("database_url"))}
    assert {a["vkey"] for a in answers} <= pending


# -- malformed entries: -32003, never -32603 -------------------------------------------------------

_leaves = (
    st.integers(min_value=-(10**60), max_value=10**60)
    | st.integers()
    | st.text(max_size=8)
    | st.sampled_from(["\ud800", "\udfff", "a\ud83d", "\x00", "\u2028"])
    | st.booleans()
    | st.none()
)
_values = st.recursive(
    _leaves,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
_raw = st.sampled_from(
    [
        "9" * 5000,
        "-" + "1" * 4301,
        "1e400",
        "NaN",
        "-Infinity",
        "[" * 5000 + "]" * 5000,
        '"\\ud800"',
        '"\\udc00\\ud800"',
        "1.0",
        "0x10",
        '{"a":1,"a":2}',
    ]
)


def _payload(key: SigningKey, origin: str, value: Any, raw: str | None) -> str:
    statement = {
        "actor": key.vkey,
        "body": {"x": 0},
        "case": "",
        "log": origin,
        "time": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "type": "test.note",
        "v": 1,
    }
    body = json.dumps({"x": value}, ensure_ascii=False, separators=(",", ":"))
    if raw is not None:
        body = '{"x":' + raw + "}"
    payload = json.dumps(statement, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace('{"x":0}', body)
    return STATEMENT_HEADER + payload + "\n"


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory):
    from chain_node.config import NodeConfig
    from chain_node.server import EmbeddedNode
    from tests.chain_node.conftest import Client

    config = NodeConfig(
        domains=with_notes(),
        data_dir=tmp_path_factory.mktemp("write-fuzz"),
        auto_approve=True,
        passphrase="t",
    )
    embedded = EmbeddedNode.start(config)
    key = SigningKey.generate()
    c = Client(embedded.url)
    c.call("auth.enrol", entry=enrol_entry(key, embedded.info["origin"]))
    c.login(key, embedded.info["origin"])
    yield embedded.info["origin"], key, c
    c.close()
    embedded.stop()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=_values, raw=st.none() | _raw, signed=st.booleans())
def test_odd_json_is_refused_never_an_internal_error(fuzz_target, value, raw, signed):
    origin, key, c = fuzz_target
    text_ = _payload(key, origin, value, raw)
    if signed:
        try:
            entry = sign_note_parts(text_, [Ed25519NoteSigner(key)]).to_text()
        except Exception:  # a note that cannot be signed (e.g. not UTF-8): send it unsigned
            entry = text_ + "\n\u2014 x AAAA\n"
    else:
        entry = text_ + "\n\u2014 " + key.name + " AAAA\n"
    # json.dumps escapes lone surrogates, so they reach the node as JSON escapes
    c.send_raw(
        json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tlog.submit", "params": {"entry": entry}})
    )
    answer = c.recv_answer()
    if "error" in answer:
        assert answer["error"]["code"] in (-32003, -32001, -32602), answer
        assert answer["error"].get("data"), answer
    else:
        assert isinstance(answer["result"]["index"], int)
