"""Receipts (inclusion proofs) per second from the node's tree: storage only (the path before
the subtree cache) beside the cache, in one run on the same database.

    .venv/bin/python bench/proof_bench.py [--leaves 200000] [--seconds 3]

Builds a tree of N leaves in a temp SQLite database the way commits store it (``entries``
leaf hashes, ``tree_nodes`` subtrees), committing ``--batch`` leaves at a time and filling the
cache as ``NodeCore._commit`` does. Then, for each read pattern, proofs for ``--seconds``:

  recent    receipts for the last 10,000 entries (desks asking for what they just submitted)
  uniform   proofs for random entries of the whole log (a proof-burst client)

three ways: ``storage`` = ``TreeReader(conn)`` (one SELECT per subtree), ``cache`` =
``TreeReader(conn, cache)`` (memory first, the database on a miss), ``memory`` = the cache alone
(what the event loop answers without a reader thread; the share that missed, which then
go to a reader thread, is shown; a miss stops early, so that row's rate is not a receipt
rate). Loops are bounded; it stops by itself.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chain_node.storage import EntryRow, TreeNode, init_schema, make_engine  # noqa: E402
from chain_node.tree import CacheMiss, Frontier, TreeCache, TreeReader  # noqa: E402
from ledger import merkle  # noqa: E402


def build(engine, leaves: int, batch: int, cache: TreeCache) -> None:
    frontier = Frontier()
    for start in range(0, leaves, batch):
        rows, nodes = [], []
        for i in range(start, min(leaves, start + batch)):
            leaf = merkle.leaf_hash(i.to_bytes(8, "big"))
            rows.append({"idx": i, "leaf_hash": leaf, "entry": "", "type": "t.t",
                         "case_id": "", "actor": "", "time": ""})  # fmt: skip
            frontier.append(leaf, nodes)
        with engine.begin() as conn:
            conn.execute(EntryRow.__table__.insert(), rows)
            if nodes:
                conn.execute(
                    TreeNode.__table__.insert(),
                    [{"level": lv, "idx": ix, "hash": h} for lv, ix, h in nodes],
                )
        cache.fill(nodes, rows)  # after the commit, as the node does


def rate(engine, indexes: list[int], size: int, cache: TreeCache | None, seconds: float,
         memory: bool = False) -> tuple[float, int, float]:  # fmt: skip
    """(proofs a second, share of proofs that missed the cache, database reads per proof)."""
    done = misses = reads = 0
    with engine.connect() as conn:
        end = time.perf_counter() + seconds
        started = time.perf_counter()
        while time.perf_counter() < end and done < len(indexes):
            index = indexes[done]
            reader = TreeReader(None if memory else conn, cache)
            try:
                reader.inclusion_proof(index, size)
            except CacheMiss:
                misses += 1
            reads += reader.reads
            done += 1
        elapsed = time.perf_counter() - started
    return done / elapsed, misses / max(1, done), reads / max(1, done)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--leaves", type=int, default=200_000)
    p.add_argument("--batch", type=int, default=64, help="leaves per commit")
    p.add_argument("--seconds", type=float, default=3.0, help="per measurement")
    a = p.parse_args()
    rng = random.Random(8)
    with tempfile.TemporaryDirectory(prefix="jcd-proof-bench-") as tmp:
        engine = make_engine(f"sqlite:///{tmp}/node.db")
        init_schema(engine)
        cache = TreeCache()
        t = time.perf_counter()
        build(engine, a.leaves, a.batch, cache)
        print(f"{a.leaves} leaves in {time.perf_counter() - t:.1f} s; cache holds {len(cache)} "
              f"hashes (bound {cache.half * 2})")  # fmt: skip
        n = a.leaves
        patterns = {
            "recent": [n - 1 - rng.randrange(min(n, 10_000)) for _ in range(1_000_000)],
            "uniform": [rng.randrange(n) for _ in range(1_000_000)],
        }
        print(f"{'pattern':<8} {'path':<8} {'proofs/s':>9} {'db reads/proof':>15} {'misses':>7}")
        for name, indexes in patterns.items():
            base, _, base_reads = rate(engine, indexes, n, None, a.seconds)
            print(f"{name:<8} {'storage':<8} {base:>9.0f} {base_reads:>15.1f} {'':>7}")
            got, _, reads = rate(engine, indexes, n, cache, a.seconds)
            print(f"{name:<8} {'cache':<8} {got:>9.0f} {reads:>15.1f} {'':>7}  x{got / base:.1f}")
            mem, misses, _ = rate(engine, indexes, n, cache, a.seconds, memory=True)
            print(f"{name:<8} {'memory':<8} {mem:>9.0f} {0:>15.1f} {misses:>7.0%}")
        engine.dispose()


if __name__ == "__main__":
    main()
