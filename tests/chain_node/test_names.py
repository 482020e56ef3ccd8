"""A name is taken once per node (NFKC + casefold + white space), the node's own names are
reserved, and two simultaneous enrolments of one name cannot both win (real websockets)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from websockets.asyncio.client import connect as aconnect

from chain_node import cli
from ledger.keys import SigningKey
from tests.chain_node.conftest import enrol_entry, pg_url, reset_pg


def enrol(node: Any, name: str, key: SigningKey | None = None) -> Any:
    key = key or SigningKey.generate()
    return node.client().call("auth.enrol", entry=enrol_entry(key, node.origin, name=name))


def refused(node: Any, name: str) -> str:
    err = node.client().error(
        "auth.enrol", entry=enrol_entry(SigningKey.generate(), node.origin, name=name)
    )
    assert err.code == -32003, err
    return err.data


def test_a_name_is_taken_once_in_any_spelling(node):
    assert enrol(node, "张三")["status"] == "approved"
    for spelling in ("张三", "张三 ", " 张三", "张\u200b三"):
        assert "already taken" in refused(node, spelling)
    assert enrol(node, "Wang Fang")["status"] == "approved"
    # full-width letters, case, and runs of white space (an ideographic space too)
    for spelling in ("ＷＡＮＧ ＦＡＮＧ", "wang  fang", "WANG\u3000FANG", "Wang\tFang"):
        data = refused(node, spelling)
        assert "already taken" in data and "another name" in data
    # a different name is fine
    assert enrol(node, "Wang Fang 2")["status"] == "approved"


def test_the_same_key_enrols_again_under_its_name(node):
    key = SigningKey.generate()
    first = enrol(node, "李四", key)
    assert first["status"] == "approved"
    assert enrol(node, "李四", key) == first
    assert enrol(node, "李四 ", key) == first  # its own name in another spelling: still its own


def test_the_nodes_own_names_are_reserved(node):
    origin = node.origin
    for name in (origin, f"{origin}/node", f"{origin}/witness", origin.upper(), "Node", "法院"):
        assert "reserved" in refused(node, name), name
    for name in ("管理员", "ＣＯＵＲＴ", "court ", "operator", "system"):
        assert "reserved" in refused(node, name), name
    assert "enrol with a name" in refused(node, " \u3000 ")


def test_a_pending_enrolment_holds_its_name(start_node, tmp_path):
    node = start_node(auto_approve=False)
    first = SigningKey.generate()
    assert enrol(node, "赵六", first)["status"] == "pending"
    assert "already taken" in refused(node, "赵六")
    cli.approve(tmp_path / "node", first.vkey, "creditor")
    assert "already taken" in refused(node, "赵六")


async def _race(url: str, origin: str, name: str, count: int) -> list[dict[str, Any]]:
    async def one() -> dict[str, Any]:
        key = SigningKey.generate()
        entry = enrol_entry(key, origin, name=name)
        async with aconnect(url) as ws:
            request = {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "auth.enrol",
                "params": {"entry": entry},
            }
            await ws.send(json.dumps(request))
            return json.loads(await asyncio.wait_for(ws.recv(), 60))

    return await asyncio.gather(*(one() for _ in range(count)))


@pytest.mark.parametrize("auto_approve", [True, False])
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_simultaneous_enrolments_of_one_name_have_one_winner(start_node, backend, auto_approve):
    kwargs: dict[str, Any] = {"auto_approve": auto_approve}
    if backend == "postgresql":
        kwargs["database_url"] = pg_url()
        reset_pg(kwargs["database_url"])
    node = start_node(**kwargs)
    answers = asyncio.run(_race(node.url, node.origin, "周七", 40))
    winners = [a for a in answers if "result" in a]
    losers = [a for a in answers if "error" in a]
    assert len(winners) == 1, answers
    assert winners[0]["result"]["status"] == ("approved" if auto_approve else "pending")
    assert len(losers) == 39
    assert all(a["error"]["code"] == -32003 for a in losers)
    assert all("already taken" in a["error"]["data"] for a in losers)
