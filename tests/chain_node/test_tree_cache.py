"""The subtree cache (chain_node/tree.py TreeCache): proofs from memory equal proofs from
storage, for random sizes and indexes, right after each commit and after a failed commit; the
cache never holds a hash the database does not; it stays within its bound."""

from __future__ import annotations

import base64
import contextlib
import random
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import select

from chain_node.config import Limits
from chain_node.storage import EntryRow, TreeNode, make_engine
from chain_node.tree import CacheMiss, TreeCache, TreeReader, cache_for
from ledger import merkle
from tests.chain_node.conftest import make_entry
from tests.chain_node.test_write_path import submit_frame, tree_size

RESEND = -32603


def core_of(node: Any) -> Any:
    return node.embedded.running.node.core


def stored(engine: Any, level: int, index: int) -> bytes | None:
    with engine.connect() as conn:
        if level == 0:
            q = select(EntryRow.leaf_hash).where(EntryRow.idx == index)
        else:
            q = select(TreeNode.hash).where(TreeNode.level == level, TreeNode.idx == index)
        value = conn.execute(q).scalar_one_or_none()
    return None if value is None else bytes(value)


def audit(core: Any, engine: Any) -> int:
    """Every cached hash is the stored one; returns how many were checked."""
    items = cache_for(core.engine).items()
    for (level, index), value in items:
        assert stored(engine, level, index) == value, (level, index)
    return len(items)


def compare(node: Any, c: Any, engine: Any, rng: random.Random, rounds: int = 25) -> None:
    """Proofs three ways: over the wire (cache first), memory only, storage only (a fresh
    engine, no cache); and each verifies against a root from the leaf hashes."""
    core = core_of(node)
    size = tree_size(c)
    leaves = [base64.b64decode(h) for h in c.call("tlog.leaf_hashes", start=0, end=size)["hashes"]]
    roots = {n: merkle.root_from_leaf_hashes(leaves[:n]) for n in range(1, size + 1)}
    # the latest entry's receipt needs no database read
    latest = core.inclusion(None, size - 1, size)
    with engine.connect() as conn:
        assert latest == TreeReader(conn).inclusion_proof(size - 1, size)
    for _ in range(rounds):
        n = rng.randint(1, size)
        index = rng.randrange(n)
        wire = [base64.b64decode(h) for h in c.call("tlog.inclusion", index=index, size=n)["proof"]]
        with engine.connect() as conn:
            reader = TreeReader(conn)
            from_storage = reader.inclusion_proof(index, n)
            assert reader.reads > 0 or n == 1  # really read from the database
        assert wire == from_storage, (index, n)
        with contextlib.suppress(CacheMiss):  # memory only may miss; it must never differ
            assert core.inclusion(None, index, n) == from_storage
        merkle.verify_inclusion(leaves[index], index, n, from_storage, roots[n])
        old = rng.randint(1, n)
        wire = c.call("tlog.consistency", old=old, new=n)["proof"]
        with engine.connect() as conn:
            from_storage = TreeReader(conn).consistency_proof(old, n)
        assert [base64.b64decode(h) for h in wire] == from_storage, (old, n)
        merkle.verify_consistency(old, n, roots[old], roots[n], from_storage)


def test_cached_and_stored_proofs_agree(start_node, db_url, tmp_path: Path):
    node = start_node(database_url=db_url)
    engine = make_engine(db_url or f"sqlite:///{tmp_path / 'node' / 'node.db'}")
    rng = random.Random(8)
    alice, c = node.person("mediator")
    sent = 0
    for _ in range(12):  # batches of random sizes, checked right after each commit
        texts = [
            make_entry(alice, node.origin, body={"n": sent + i}) for i in range(rng.randint(1, 40))
        ]
        sent += len(texts)
        assert all("result" in a for a in submit_frame(c, texts))
        compare(node, c, engine, rng)
    assert audit(core_of(node), engine) > sent  # leaves and subtrees, all as stored
    engine.dispose()


def test_failed_commit_leaves_nothing_in_the_cache(start_node, tmp_path: Path):
    """A batch whose commit fails (another process holds SQLite's write lock) puts none of its
    hashes in the cache; the entries that then take its indexes prove against their own."""
    node = start_node(limits=Limits(db_busy_timeout_ms=200))
    engine = make_engine(f"sqlite:///{tmp_path / 'node' / 'node.db'}")
    rng = random.Random(9)
    alice, c = node.person("mediator")
    first = [make_entry(alice, node.origin, body={"a": i}) for i in range(13)]
    assert all("result" in a for a in submit_frame(c, first))
    size = tree_size(c)
    core = core_of(node)
    holder = sqlite3.connect(tmp_path / "node" / "node.db", isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        doomed = [make_entry(alice, node.origin, body={"doomed": i}) for i in range(20)]
        answers = submit_frame(c, doomed)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert all(a["error"]["code"] == RESEND for a in answers), answers
    assert tree_size(c) == size
    doomed_leaves = {merkle.leaf_hash(t.encode()) for t in doomed}
    cached = dict(cache_for(core.engine).items())
    assert not any(cached.get((0, i)) in doomed_leaves for i in range(size, size + 20))
    assert all(index < size >> level for (level, index) in cached)  # nothing beyond the tree
    compare(node, c, engine, rng)

    other = [make_entry(alice, node.origin, body={"b": i}) for i in range(20)]
    assert all("result" in a for a in submit_frame(c, other))
    compare(node, c, engine, rng, rounds=40)
    audit(core, engine)
    engine.dispose()


def test_cache_is_bounded_and_keeps_what_is_used():
    cache = TreeCache(max_bytes=200 * 100)  # 100 entries: two generations of 50
    for i in range(10_000):
        cache.put(1, i, i.to_bytes(32, "big"))
        assert cache.get(1, 7) is not None or i < 7  # read on every turn: it stays
    assert len(cache) <= 100
    assert cache.get(1, 7) == (7).to_bytes(32, "big")
    assert cache.get(1, 100) is None  # long evicted
    assert cache.get(1, 9_999) == (9_999).to_bytes(32, "big")
