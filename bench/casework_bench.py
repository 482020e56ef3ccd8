"""What one action costs in a case that already holds 100,000 entries, beside an empty case.

    .venv/bin/python bench/casework_bench.py [--entries 100000] [--rounds 300]

Issue 9 asks that a case's size not show in the cost of the next action: a local sign + append
p50 under 2 ms and a rule check under 0.2 ms with 100,000 entries already in the case, and node
ingest into that case within 10 % of ingest into an empty one. Each figure is measured in the
same run, interleaved with its baseline (the same action in a case that holds one entry), so
that both see the same machine load; the ratio is what to read.

The big case is a real mediation case (opened by the mediator with two parties), filled with
session records and the parties' acknowledgements, all signed. The desk side goes the way
``DeskSession.record`` goes: the profile's writer thread, the rule against the kept case state,
sign, append with projections, commit (SQLite file, ``synchronous=FULL``). The node side is
``NodeCore.commit_batch`` (SQLite, one batch of 64 per round, each batch committed and a
checkpoint signed). A full fold of the big case is timed once: that is what every append cost
before the case state was kept.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chain_node.config import Limits, NodeConfig
from chain_node.core import Item, NodeCore
from chain_node.domains import installed_domains
from desk.writer import Writer
from ledger.keys import SigningKey
from ledger.statement import Statement, build_statement, sign_statement
from ledger.store.append import append, sign_and_append
from ledger.store.cases import case_statements
from ledger.store.store import Store
from mediation import types as t

LOG = "bench.example/log"
BIG, SMALL = "MED-BIG", "MED-SMALL"


class People:
    def __init__(self) -> None:
        self.mediator = SigningKey.generate()
        self.lender = SigningKey.generate()
        self.borrower = SigningKey.generate()
        self.clock = datetime.now(UTC) - timedelta(hours=12)  # inside the node's 24 h window
        self.sessions: dict[str, int] = {}

    def statement(self, key: SigningKey, type_: str, case: str, body: dict) -> Statement:
        self.clock += timedelta(milliseconds=1)
        return build_statement(
            log=LOG, type=type_, case=case, actor=key.vkey, time=self.clock, body=body
        )

    def opened(self, case: str) -> Statement:
        parties = [
            {"id": "p1", "role": "applicant", "kind": "person", "name": "张三"},
            {"id": "p2", "role": "respondent", "kind": "person", "name": "李四"},
        ]
        parties[0]["key"], parties[1]["key"] = self.lender.vkey, self.borrower.vkey
        body = {
            "dispute_type": "民间借贷纠纷",
            "summary": "借款十万元到期未还",
            "organisation": "朝阳区人民调解委员会",
            "mediator_name": "王调解",
            "parties": parties,
            "members": [self.lender.vkey, self.borrower.vkey],
        }
        return self.statement(self.mediator, t.CASE_OPENED, case, body)

    def session(self, case: str) -> Statement:
        number = self.sessions[case] = self.sessions.get(case, 0) + 1
        start = self.clock.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        body = {
            "session_id": f"S{number}",
            "start": start,
            "end": start,
            "participants": ["王调解", "张三", "李四"],
            "notes": "双方陈述意见。",
            "statements": [{"party": "p1", "text": "同意分期。", "concession": False}],
        }
        return self.statement(self.mediator, t.SESSION_RECORDED, case, body)

    def acknowledged(self, case: str) -> Statement:
        body = {"session_id": f"S{self.sessions[case]}"}
        return self.statement(self.lender, t.SESSION_ACKNOWLEDGED, case, body)

    def fill(self, case: str, entries: int) -> Iterator[tuple[SigningKey, Statement]]:
        """The case's statements: opened, then session records and acknowledgements."""
        yield self.mediator, self.opened(case)
        for n in range(entries - 1):
            if n % 2 == 0:
                yield self.mediator, self.session(case)
            else:
                yield self.lender, self.acknowledged(case)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def show(name: str, big: list[float], small: list[float], unit: float, label: str) -> None:
    b, s = statistics.median(big), statistics.median(small)
    print(
        f"{name}: p50 {b * unit:.3f} {label} with the big case, {s * unit:.3f} {label} with one "
        f"entry (ratio {b / s:.2f}); p95 {percentile(big, 0.95) * unit:.3f} / "
        f"{percentile(small, 0.95) * unit:.3f} {label}"
    )


def bench_desk(folder: Path, entries: int, rounds: int) -> None:
    registry = installed_domains()
    store = Store.open(f"sqlite:///{folder / 'desk.sqlite'}", registry)
    people = People()
    started = time.perf_counter()
    batch = []
    for key, statement in people.fill(BIG, entries):
        batch.append(sign_statement(statement, key))
        if len(batch) == 2000:
            with store.transaction() as session:
                append(session, store.projections, batch, source="chain")
            batch = []
    with store.transaction() as session:
        append(
            session,
            store.projections,
            [*batch, sign_statement(people.opened(SMALL), people.mediator)],
            source="chain",
        )
    print(f"desk: {entries:,} entries signed and appended in {time.perf_counter() - started:.1f} s")

    with store.session() as session:
        statements = case_statements(session, BIG)
    started = time.perf_counter()
    registry.fold(BIG, statements)
    print(
        f"desk: a full fold of the big case takes {(time.perf_counter() - started) * 1e3:.0f} ms "
        "(what every append cost before the case state was kept)"
    )

    writer = Writer(store)
    cases = store.projections.cases

    def record(statement: Statement, key: SigningKey) -> None:
        def write(session) -> None:  # as DeskSession.record
            with cases.lock:
                registry.check(cases.slot(session, statement.case), statement)
            sign_and_append(session, store.projections, key, statement)

        writer.run(write, cases=(statement.case,), types=(statement.type,), outbox=True)

    def check(case: str) -> Callable[[], None]:
        statement = people.session(case)
        with store.session() as session, cases.lock:
            slot = cases.slot(session, case)

        def run() -> None:
            registry.check(slot, statement)

        return run

    times: dict[str, list[float]] = {BIG: [], SMALL: []}
    checks: dict[str, list[float]] = {BIG: [], SMALL: []}
    for _ in range(rounds):
        for case in (BIG, SMALL):
            statement = people.session(case)
            begin = time.perf_counter()
            record(statement, people.mediator)
            times[case].append(time.perf_counter() - begin)
            run = check(case)
            begin = time.perf_counter()
            run()
            checks[case].append(time.perf_counter() - begin)
    writer.close()
    store.close()
    show(
        "desk sign + append (writer, rule, sign, append, commit)",
        times[BIG],
        times[SMALL],
        1e3,
        "ms",
    )
    show("desk rule check", checks[BIG], checks[SMALL], 1e3, "ms")


def bench_node(folder: Path, entries: int, rounds: int, size: int) -> None:
    config = NodeConfig(
        data_dir=folder / "node", passphrase="bench", domains=installed_domains(), limits=Limits()
    )
    core = NodeCore(config)
    core.open()
    people = People()

    def items(pairs: list[tuple[SigningKey, Statement]]) -> list[Item]:
        out = []
        for key, statement in pairs:
            entry = sign_statement(
                build_statement(
                    log=core.origin,
                    type=statement.type,
                    case=statement.case,
                    actor=statement.actor,
                    time=statement.moment,
                    body=statement.body,
                ),
                key,
            )
            out.append(
                Item(
                    kind="submit", text=entry.text, leaf=entry.leaf_hash, statement=entry.statement
                )
            )
        return out

    def commit(batch: list[Item]) -> None:
        core.commit_batch(batch)
        bad = [it.error for it in batch if it.error is not None]
        assert not bad, bad[0]

    started = time.perf_counter()
    pending: list[tuple[SigningKey, Statement]] = []
    for pair in people.fill(BIG, entries):
        pending.append(pair)
        if len(pending) == 1000:
            commit(items(pending))
            pending = []
    commit(items([*pending, (people.mediator, people.opened(SMALL))]))
    print(f"node: {entries:,} entries sequenced in {time.perf_counter() - started:.1f} s")
    core.states.forget()  # the first measured batch of each case reads it from the log

    times: dict[str, list[float]] = {BIG: [], SMALL: []}
    for _ in range(rounds):
        for case in (BIG, SMALL):
            batch = items(
                [
                    (people.mediator, people.session(case))
                    if i % 2 == 0
                    else (people.lender, people.acknowledged(case))
                    for i in range(size)
                ]
            )
            begin = time.perf_counter()
            commit(batch)
            times[case].append((time.perf_counter() - begin) / size)
    core.close()
    # the first round includes reading each case's state from the log once
    show(
        f"node ingest, per entry in batches of {size}", times[BIG][1:], times[SMALL][1:], 1e6, "µs"
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--entries", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=300)
    p.add_argument("--node-rounds", type=int, default=60)
    p.add_argument("--batch", type=int, default=64)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="jcd-casework-") as tmp:
        bench_desk(Path(tmp), args.entries, args.rounds)
        bench_node(Path(tmp), args.entries, args.node_rounds, args.batch)


if __name__ == "__main__":
    main()
