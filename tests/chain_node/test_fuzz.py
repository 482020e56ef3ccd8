"""Hypothesis fuzz: garbage frames, wrong types, forged signatures and replays give JSON-RPC
errors, never crashes, and the node keeps serving other connections."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.chain_node.conftest import make_entry
from tests.notes import with_notes

METHODS = [
    "node.info",
    "auth.enrol",
    "auth.challenge",
    "auth.login",
    "tlog.submit",
    "tlog.checkpoint",
    "tlog.inclusion",
    "tlog.consistency",
    "tlog.receipt",
    "tlog.leaf_hashes",
    "case.entries",
    "case.subscribe",
    "verify.hash",
    "nope",
]
PARAMS = [
    "entry",
    "index",
    "size",
    "old",
    "new",
    "start",
    "end",
    "wait_ms",
    "case",
    "from_index",
    "limit",
    "cases",
    "sha256",
    "vkey",
    "signature",
    "subscription",
]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
requests = st.fixed_dictionaries(
    {
        "jsonrpc": st.sampled_from(["2.0", "2.0", "1.0", 2]),
        "method": st.sampled_from(METHODS) | st.text(max_size=10),
    },
    optional={
        "id": st.none() | st.integers(-5, 2**40) | st.text(max_size=5) | st.floats(),
        "params": st.dictionaries(st.sampled_from(PARAMS), json_values, max_size=4) | json_values,
    },
)
frames = (
    st.text(max_size=200)
    | st.binary(max_size=100)
    | requests.map(json.dumps)
    | st.lists(requests, min_size=0, max_size=5).map(json.dumps)
    | json_values.map(lambda v: json.dumps(v, allow_nan=True))
)


def _sentinel_roundtrip(client) -> list:
    """Send a sentinel request; return everything answered before it (all must be valid)."""
    client.send_raw({"jsonrpc": "2.0", "id": "sentinel", "method": "node.info"})
    seen = []
    while True:
        msg = client.recv_answer(timeout=20)
        if isinstance(msg, dict) and msg.get("id") == "sentinel":
            assert "result" in msg
            return seen
        seen.append(msg)


def _check_answer(msg) -> None:
    items = msg if isinstance(msg, list) else [msg]
    for item in items:
        assert item["jsonrpc"] == "2.0"
        assert ("result" in item) != ("error" in item)
        if "error" in item:
            assert isinstance(item["error"]["code"], int)
            assert isinstance(item["error"]["message"], str)


@pytest.fixture(scope="module")
def fuzz_node(tmp_path_factory):
    from chain_node.config import Limits, NodeConfig
    from chain_node.server import EmbeddedNode
    from tests.chain_node.conftest import NodeHandle

    config = NodeConfig(
        domains=with_notes(),
        data_dir=tmp_path_factory.mktemp("fuzz"),
        auto_approve=True,
        passphrase="fuzz",
        # the fuzzer is one anonymous client hammering one node: lift every rate and
        # per-address limit so that what it finds is a parsing or checking fault, not a 503
        limits=Limits(
            requests_per_second=1e6,
            burst=10**6,
            anonymous_requests_per_second=1e6,
            anonymous_burst=10**6,
            anonymous_total_requests_per_second=1e6,
            anonymous_total_burst=10**6,
            connections_per_address_burst=10**6,
            max_anonymous_per_address=10**6,
            login_timeout_seconds=3600,
        ),
    )
    handle = NodeHandle(EmbeddedNode.start(config))
    yield handle
    handle.stop()


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(frame=frames)
def test_garbage_frames(fuzz_node, frame):
    client = fuzz_node.__dict__.setdefault("_garbage_client", fuzz_node.client())
    client.send_raw(frame)
    for msg in _sentinel_roundtrip(client):
        _check_answer(msg)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_forged_and_replayed_entries(fuzz_node, data):
    if "_person" not in fuzz_node.__dict__:
        fuzz_node._person = fuzz_node.person()
        fuzz_node._good = {}
    key, client = fuzz_node._person
    text = make_entry(key, fuzz_node.origin, body={"n": data.draw(st.integers(0, 10**6))})
    action = data.draw(st.sampled_from(["flip", "truncate", "replay", "extend"]))
    if action == "flip":
        pos = data.draw(st.integers(0, len(text) - 1))
        ch = data.draw(st.characters(codec="utf-8"))
        mutated = text[:pos] + ch + text[pos + 1 :]
    elif action == "truncate":
        mutated = text[: data.draw(st.integers(0, len(text) - 1))]
    elif action == "extend":
        mutated = text + data.draw(st.text(max_size=30))
    else:
        mutated = text
    client.send_raw(
        {"jsonrpc": "2.0", "id": 1, "method": "tlog.submit", "params": {"entry": mutated}}
    )
    msg = client.recv_answer()
    _check_answer(msg)
    if mutated == text:
        index = msg["result"]["index"]
        assert client.call("tlog.submit", entry=text)["index"] == index  # replay: same index
    elif "result" in msg:
        # a mutation that still verifies is a different valid entry (e.g. trailing junk
        # was rejected, or an extra unknown signature line): it must have its own leaf
        assert msg["result"]["leaf_hash"]
    else:
        assert msg["error"]["code"] in (-32001, -32003, -32004, -32602), msg


@pytest.mark.slow
def test_node_still_serves_after_fuzz(fuzz_node):
    other = fuzz_node.client()
    assert other.call("node.info")["origin"] == fuzz_node.origin
    key, c = fuzz_node.person()
    assert c.call("tlog.submit", entry=make_entry(key, fuzz_node.origin))["index"] >= 0
