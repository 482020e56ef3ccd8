"""Start-up time of a chain node holding N entries: ``NodeCore.open()`` (lock, schema, fsck,
state), full and quick fsck, median of a few runs.

    .venv/bin/python bench/node_start_bench.py [--entries 100000] [--runs 3] [--keep DIR]

Builds the log once through the node's own commit path (``NodeCore.commit_batch``, batches of
1024, no network): 1,000 enrolled keys (each an enrol + a node-signed approval), 1,000 cases
opened with two extra members each, one entry in ten carrying a document hash; the rest are
case notes. SQLite in a temp dir (or ``--keep DIR``, reused when it already holds the log).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chain_node.config import NodeConfig  # noqa: E402
from chain_node.core import Item, NodeCore  # noqa: E402
from ledger.keys import SigningKey  # noqa: E402
from ledger.statement import build_statement, sign_statement  # noqa: E402
from tests.notes import with_notes  # noqa: E402

PASSPHRASE = "bench"
KEYS = 1000
CASES = 1000


def _item(key: SigningKey, origin: str, type_: str, case: str, body: dict, kind: str) -> Item:
    statement = build_statement(
        log=origin, type=type_, case=case, actor=key.vkey, time=datetime.now(UTC), body=body
    )
    entry = sign_statement(statement, key)
    return Item(kind=kind, text=entry.text, leaf=entry.leaf_hash, statement=statement)


def build(data: Path, entries: int) -> None:
    core = NodeCore(NodeConfig(domains=with_notes(), data_dir=data, passphrase=PASSPHRASE))
    core.open()
    try:
        if core.latest is not None and core.latest.size >= entries:
            return
        origin = core.origin
        keys = [SigningKey.generate() for _ in range(KEYS)]
        items = [
            _item(k, origin, "identity.enrol", "", {"name": f"k{i}", "role": "creditor"}, "enrol")
            for i, k in enumerate(keys)
        ]
        for c in range(CASES):
            opener, a, b = keys[c % KEYS], keys[(c + 1) % KEYS], keys[(c + 2) % KEYS]
            items.append(
                _item(
                    opener,
                    origin,
                    "test.case.opened",
                    f"case-{c}",
                    {"members": [a.vkey, b.vkey]},
                    "submit",
                )
            )
        n = 2 * KEYS + CASES
        while n < entries:
            c = n % CASES
            body: dict = {"n": n}
            if n % 10 == 0:
                body["documents"] = [{"name": "d.pdf", "sha256": f"{n:064x}", "size": n}]
            items.append(_item(keys[c % KEYS], origin, "test.note", f"case-{c}", body, "submit"))
            n += 1
        for start in range(0, len(items), 1024):
            part = items[start : start + 1024]
            core.commit_batch(part)
            failed = [it.error for it in part if it.error is not None]
            if failed:
                raise SystemExit(f"build failed: {failed[0]}")
    finally:
        core.close()


def time_open(data: Path, fsck: str, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``NodeCore.open()`` (CPU: steadier on a busy machine)."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        core = NodeCore(
            NodeConfig(domains=with_notes(), data_dir=data, passphrase=PASSPHRASE, fsck=fsck)
        )
        core.open()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        size = core.latest.size if core.latest else 0
        core.close()
    print(f"  open, fsck={fsck}: {size} entries, wall {[round(v, 2) for v in walls]} s")
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--entries", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--keep", type=Path, default=None)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="jcd-start-") as tmp:
        data = args.keep or Path(tmp) / "node"
        started = time.perf_counter()
        build(data, args.entries)
        print(f"log built in {time.perf_counter() - started:.1f} s ({data})")
        full = time_open(data, "full", args.runs)
        quick = time_open(data, "quick", args.runs)
        print(
            f"start-up, {args.entries} entries (median of {args.runs}): full {full[0]:.2f} s "
            f"(CPU {full[1]:.2f} s), quick {quick[0]:.2f} s (CPU {quick[1]:.2f} s)"
        )


if __name__ == "__main__":
    main()
