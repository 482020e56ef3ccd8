"""Per-batch cost of the high-water record (``chain_node.highwater``) on the commit thread.

    .venv/bin/python bench/highwater_bench.py [--rounds 300] [--batch 1]

Batches through ``NodeCore.commit_batch`` (SQLite in a temp dir), alternating with the record
and with it replaced by a no-op, so that both see the same machine load; prints the median and
p90 time per batch of each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chain_node.config import NodeConfig
from chain_node.core import Item, NodeCore
from ledger.keys import SigningKey
from ledger.statement import build_statement, sign_statement
from tests.notes import with_notes


def item(key: SigningKey, origin: str, kind: str, type_: str, case: str, body: dict) -> Item:
    statement = build_statement(
        log=origin, type=type_, case=case, actor=key.vkey, time=datetime.now(UTC), body=body
    )
    entry = sign_statement(statement, key)
    return Item(kind=kind, text=entry.text, leaf=entry.leaf_hash, statement=statement)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=300)
    p.add_argument("--batch", type=int, default=1)
    args = p.parse_args()
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory(prefix="jcd-hw-") as tmp:
        core = NodeCore(NodeConfig(domains=with_notes(), data_dir=Path(tmp), passphrase="bench"))
        core.open()
        key = SigningKey.generate()
        enrol = {"name": "bench", "role": "creditor"}
        core.commit_batch([item(key, core.origin, "enrol", "identity.enrol", "", enrol)])
        real = core.highwater.record

        def skip(note: str) -> Any:
            return None

        n = 0
        for _ in range(args.rounds):
            for on in (True, False):
                core.highwater.record = real if on else skip  # type: ignore[method-assign]
                batch = []
                for _ in range(args.batch):
                    n += 1
                    batch.append(item(key, core.origin, "submit", "test.note", "c", {"n": n}))
                started = time.perf_counter()
                core.commit_batch(batch)
                times[on].append(time.perf_counter() - started)
                assert all(it.error is None for it in batch), batch[0].error
        core.close()
    for on in (True, False):
        values = sorted(times[on])
        print(
            f"record {'on ' if on else 'off'}: median {statistics.median(values) * 1e3:.2f} ms, "
            f"p90 {values[int(len(values) * 0.9)] * 1e3:.2f} ms per batch of {args.batch}"
        )


if __name__ == "__main__":
    main()
