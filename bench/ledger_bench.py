"""Ledger benchmark: sign + append throughput against this machine's raw Ed25519 sign rate.

Prints, from one run (machines are shared and noisy, so every figure is compared with a
baseline measured beside it, never with a fixed number):
  - raw Ed25519 signatures per second (the baseline);
  - statements signed and appended per second, 100 per transaction, SQLite synchronous=FULL,
    and that rate as a ratio of the raw sign rate (target >= 0.5);
  - a single append in its own transaction: p50 and p99 latency (target p50 < 2 ms);
  - raw SQLite commit latency with synchronous=FULL (the fsync floor under the single append).

Run:  .venv/bin/python bench/ledger_bench.py [--statements 20000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ledger.keys import SigningKey
from ledger.statement import Statement, build_statement, sign_statement
from ledger.store.append import append, sign_and_append
from ledger.store.store import Store

LOG = "bench.jcdesk.example/log"


def statements(key: SigningKey, count: int, offset: int) -> list[Statement]:
    now = datetime.now(UTC)
    return [
        build_statement(
            log=LOG,
            type="evidence.deposited",
            case="",
            actor=key.vkey,
            time=now,
            body={"documents": [{"name": f"evidence-{i}.pdf", "sha256": f"{i:064x}", "size": i}]},
        )
        for i in range(offset, offset + count)
    ]


def raw_sign_rate(key: SigningKey, seconds: float = 2.0) -> float:
    message = sign_statement(statements(key, 1, 0)[0], key).text.encode()
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(500):
            key.sign_raw(message)
        done += 500
    return done / (time.perf_counter() - start)


def batched_rate(store: Store, key: SigningKey, count: int, batch: int = 100) -> float:
    todo = statements(key, count, 1_000_000)
    start = time.perf_counter()
    for i in range(0, count, batch):
        with store.transaction() as session:
            append(
                session, store.projections, [sign_statement(s, key) for s in todo[i : i + batch]]
            )
    return count / (time.perf_counter() - start)


def single_latencies(store: Store, key: SigningKey, count: int) -> list[float]:
    todo = statements(key, count, 2_000_000)
    times = []
    for statement in todo:
        start = time.perf_counter()
        with store.transaction() as session:
            sign_and_append(session, store.projections, key, statement)
        times.append(time.perf_counter() - start)
    return times


def raw_sqlite_commit(folder: Path, count: int = 500) -> list[float]:
    conn = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (x BLOB)")
    times = []
    for i in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (i.to_bytes(32, "big"),))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20_000)
    parser.add_argument("--singles", type=int, default=1_000)
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temp folder")
    args = parser.parse_args()
    key = SigningKey.generate()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store.open(args.database_url or f"sqlite:///{folder / 'bench.sqlite'}")
        try:
            sign_before = raw_sign_rate(key)
            batched = batched_rate(store, key, args.statements)
            singles = single_latencies(store, key, args.singles)
            sign_after = raw_sign_rate(key)
        finally:
            store.close()
        raw_commit = raw_sqlite_commit(folder)
    sign_rate = (sign_before + sign_after) / 2
    print(f"database: {store.engine.url.render_as_string()}  (synchronous=FULL, WAL)")
    print(f"raw Ed25519 sign rate (baseline):        {sign_rate:10.0f} /s")
    print(f"sign + append, 100 per transaction:      {batched:10.0f} /s")
    print(f"  ratio to raw sign rate:                {batched / sign_rate:10.2f}   (target >= 0.5)")
    print(
        f"single append, one transaction:  p50 {pct(singles, 50) * 1e3:6.2f} ms  "
        f"p99 {pct(singles, 99) * 1e3:6.2f} ms   (target p50 < 2 ms)"
    )
    print(
        f"raw SQLite commit (fsync floor): p50 {pct(raw_commit, 50) * 1e3:6.2f} ms  "
        f"p99 {pct(raw_commit, 99) * 1e3:6.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
