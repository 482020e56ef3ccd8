"""The claim table (债权表) as PDF and XLSX: 10,000 rows beside 1,000 rows in the same run.

    .venv/bin/python bench/claims_pdf_bench.py [--claims 10000] [--rounds 2]

Issue 10 asks for a 10,000-row claim table with a progress bar and cancel; the brief says well
under a minute. The cases are built by the domain's own reducer (every declaration and review
checked by the rules and applied to a ``CaseState``, through ``tests.bankruptcy.plan``), with
creditors of one organisation; the claim table is ``bankruptcy.documents.claim_table`` (checked
against the published ``rows_hash``), the PDF ``claim_table_pdf`` drained as ``ui.ops.Op``
drains it, the workbook ``bankruptcy.xlsx.claim_table_xlsx``. Each figure is the median of
``--rounds``, the two sizes alternated so both see the same machine load.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bankruptcy import types as t
from bankruptcy.documents import ClaimTable, claim_table, claim_table_pdf
from bankruptcy.xlsx import claim_table_xlsx
from tests.bankruptcy.plan import Plan


def table_of(claims: int) -> ClaimTable:
    plan = Plan()
    plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    plan.do(plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.bank))
    for n in range(claims):
        body = plan.declared(f"C{n:06d}", principal=1_000_00 + n, interest=n % 100)
        plan.do(plan.bank, t.CLAIM_DECLARED, body)
    for n in range(claims):
        plan.do(plan.administrator, t.CLAIM_REVIEWED, plan.reviewed(f"C{n:06d}"))
    plan.do(plan.administrator, t.TABLE_PUBLISHED, plan.table())
    return claim_table(plan.state)


def pdf(table: ClaimTable) -> int:
    steps = claim_table_pdf(table, [], None)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return len(stop.value)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    sizes = [1_000, args.claims]
    tables = {n: table_of(n) for n in sizes}
    figures: dict[tuple[int, str], list[float]] = {}
    for _ in range(args.rounds):
        for n in sizes:
            figures.setdefault((n, "pdf"), []).append(timed(lambda n=n: pdf(tables[n])))
            figures.setdefault((n, "xlsx"), []).append(
                timed(lambda n=n: claim_table_xlsx(tables[n]))
            )
    print("| rows | PDF, s | XLSX, s | PDF rows/s |")
    print("|---|---|---|---|")
    for n in sizes:
        p = statistics.median(figures[(n, "pdf")])
        x = statistics.median(figures[(n, "xlsx")])
        print(f"| {n:,} | {p:.2f} | {x:.2f} | {n / p:,.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
