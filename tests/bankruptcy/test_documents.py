"""The bankruptcy documents: each PDF's Chinese text, case number and amounts (pdftotext), a
receipt not yet in printed as pending, the claim table's totals as published, a long company
name wrapped in its cell, 10,000 rows with progress and cancel, and the XLSX read back to the
fen."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Generator
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from reportlab.lib.units import mm

from bankruptcy import types as t
from bankruptcy.documents import (
    ChainFacts,
    ClaimTable,
    DocumentCancelled,
    TableMismatch,
    cited,
    claim_table,
    claim_table_pdf,
    declaration_pdf,
    objection_pdf,
    review_notice_pdf,
)
from bankruptcy.xlsx import MONEY, claim_table_xlsx
from chain_node.domains import installed_domains
from ledger.keys import SigningKey
from ledger.statement import sign_statement
from ledger.store.append import append
from ledger.store.store import Store
from tests.bankruptcy.plan import CASE_NUMBER, Plan

LONG_NAME = "中国某某超长名称建筑工程机械设备租赁与国际贸易集团股份有限公司北京分公司第三项目部"
PROVISIONAL = 100_000_000_00  # C0000B's amount for voting (Art. 59(2))
FACTS = ChainFacts(
    origin="court.example/log",
    log_vkey="court.example/log+0123abcd+AAAA",
    index=42,
    checkpoint_size=43,
    on_chain_time="2026-11-20T02:00:00.000Z",
    leaf_hash="ab" * 32,
)


def text_of(pdf: bytes, tmp_path: Path, *args: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def drain(steps: Generator[tuple[int, int], None, bytes]) -> tuple[list[tuple[int, int]], bytes]:
    seen = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as stop:
            return seen, stop.value


def build_case(plan: Plan, bank_claims: int = 3) -> SigningKey:
    """Accepted; a bank (organisation), 张三 (a person) and a company with a very long name
    declare; every claim reviewed (C0000B's interest adjusted); table 1 published; 张三
    objects to C0000B's row and the court sets it a provisional amount for voting. Returns
    the long-named company's key."""
    company = SigningKey.generate()
    plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    invited = plan.invited(plan.bank, plan.person, company)
    invited["creditors"][2]["name"] = LONG_NAME
    plan.do(plan.administrator, t.CREDITORS_INVITED, invited)
    plan.do(plan.person, t.CLAIM_DECLARED, plan.declared("C0000A", principal=8_000_00, interest=0))
    plan.do(
        company,
        t.CLAIM_DECLARED,
        plan.declared("C0000B", principal=123_456_789_01, interest=5_000_00, nature="tax"),
    )
    for n in range(bank_claims):
        plan.do(
            plan.bank,
            t.CLAIM_DECLARED,
            plan.declared(f"C{n:05d}", principal=1_000_00 + n, interest=n % 7),
        )
    for claim_id in list(plan.state.claims):
        interest = ("adjusted", 4_000_00) if claim_id == "C0000B" else None
        plan.do(plan.administrator, t.CLAIM_REVIEWED, plan.reviewed(claim_id, interest=interest))
    plan.do(plan.administrator, t.TABLE_PUBLISHED, plan.table())
    plan.do(plan.person, t.OBJECTION_RAISED, plan.objection("C0000B"))
    provisional = {"claim_id": "C0000B", "amount_fen": PROVISIONAL, "reason": "诉讼未决"}
    plan.do(plan.judge, t.PROVISIONAL_SET, provisional)
    return company


@pytest.fixture(scope="module")
def small() -> Plan:
    plan = Plan()
    build_case(plan)
    return plan


@pytest.fixture(scope="module")
def large() -> ClaimTable:
    plan = Plan()
    build_case(plan, bank_claims=9_998)
    table = claim_table(plan.state)
    assert len(table.lines) == 10_000
    return table


def test_the_declaration_shows_its_amounts_and_a_receipt_pending_until_it_comes(
    small: Plan, tmp_path: Path
) -> None:
    pdf = declaration_pdf(small.state, "C0000B", None, [], None)
    text = text_of(pdf, tmp_path)
    for expected in ("债权申报书", CASE_NUMBER, "北京某机械制造有限公司", "申报回执", "税款债权"):
        assert expected in text, expected
    assert "123,456,789.01 元" in text and "5,000.00 元" in text
    assert "123,461,789.01 元" in text  # the total, from integer fen
    assert "待确认" in text  # no receipt on this desktop: the document says so
    assert "条目序号" not in text
    with_receipt = text_of(declaration_pdf(small.state, "C0000B", 1, [], FACTS), tmp_path)
    assert "司法链条目 42" in with_receipt and "条目序号：42" in with_receipt
    assert "待确认" not in with_receipt


def test_the_review_notice_gives_each_amount_its_outcome_and_the_right_to_object(
    small: Plan, tmp_path: Path
) -> None:
    text = text_of(review_notice_pdf(small.state, "C0000B", None, [], FACTS), tmp_path)
    for expected in ("债权审查结论通知书", CASE_NUMBER, "第五十七条", "第五十八条", "调整"):
        assert expected in text, expected
    assert "经审查，部分利息计算有误" in text  # the reason given for the adjustment
    assert "4,000.00 元" in text  # interest confirmed as adjusted
    assert "123,460,789.01 元" in text  # the confirmed total: 123,456,789.01 + 4,000.00


def test_the_objection_names_the_row_objected_to_and_awaits_the_answer(
    small: Plan, tmp_path: Path
) -> None:
    pdf = objection_pdf(
        small.state, "O1", [], None, "该债权已部分清偿，金额不实", "《企业破产法》第五十八条"
    )
    text = text_of(pdf, tmp_path)
    for expected in ("异议书", CASE_NUMBER, "该债权已部分清偿", "C0000B", "张三"):
        assert expected in text, expected
    assert "债权表版本" in text and "第1版" in text.replace(" ", "")  # the table version
    assert "123,460,789.01 元" in text  # the confirmed amount the row listed
    assert "本机尚无管理人的答复" in text


def test_the_claim_table_prints_every_row_and_the_published_totals(
    small: Plan, tmp_path: Path
) -> None:
    table = claim_table(small.state)
    published = small.state.table
    assert published is not None and table.totals == published.body.totals
    seen, pdf = drain(claim_table_pdf(table, [], FACTS))
    assert seen[-1] == (5, 5)
    text = text_of(pdf, tmp_path)
    for expected in ("债权表", CASE_NUMBER, "税款债权组", "普通债权组", "张*"):
        assert expected in text, expected
    # C0000B's amount for voting, wrapped in its narrow status cell
    assert "临时确定100,000,000.00元" in re.sub(r"\s", "", text)
    assert "张三" not in text  # a natural person's name is masked
    ordinary = next(g for g in table.totals if g.group is t.Group.ORDINARY)
    # 张三's 8,000.00 and the bank's three: 1,000.00 + n principal, n % 7 interest
    assert (ordinary.claims, ordinary.declared_fen) == (4, 8_000_00 + 3_000_03 + 3)
    assert "11,000.06 元" in text  # …and so printed
    assert "123,460,789.01 元" in text
    total = 8_000_00 + 123_461_789_01 + 3_000_06
    assert sum(g.declared_fen for g in published.body.totals) == total
    assert "123,472,789.07 元" in text  # the declared total of the table


def test_a_long_company_name_wraps_inside_its_cell(small: Plan, tmp_path: Path) -> None:
    _, pdf = drain(claim_table_pdf(claim_table(small.state), [], None))
    html = text_of(pdf, tmp_path, "-bbox")
    # landscape A4, 18 mm margin, the frame's 6-point padding, then 序号 and 债权编号
    creditor_left = 18 * mm + 6 + (14 + 34) * mm
    creditor_right = creditor_left + 61 * mm
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<', html)
    pieces = sorted(
        (float(y0), float(x0), float(x1), w)
        for x0, y0, x1, w in words
        if w in LONG_NAME and float(x0) >= creditor_left  # the creditor column's words
    )
    assert "".join(w for *_, w in pieces) == LONG_NAME  # all of it, line after line
    assert len(pieces) >= 2  # on more than one line
    for _y, x0, x1, word in pieces:
        assert x0 < creditor_right and x1 <= creditor_right + 0.5, (word, x1, creditor_right)


def test_a_table_that_differs_from_the_published_one_is_not_printed(small: Plan) -> None:
    state = dataclasses.replace(small.state, claims=dict(small.state.claims))
    claim = state.claims["C00001"]
    review = claim.reviews[1]
    changed = dataclasses.replace(claim, reviews={1: dataclasses.replace(review, items=())})
    state.claims["C00001"] = changed
    with pytest.raises(TableMismatch):
        claim_table(state)


def test_ten_thousand_rows_finish_quickly_with_progress_reaching_the_total(
    large: ClaimTable, tmp_path: Path
) -> None:
    started = time.monotonic()
    seen, pdf = drain(claim_table_pdf(large, [], None))
    elapsed = time.monotonic() - started
    assert elapsed < 30, elapsed  # well under a minute on a shared 2-core machine
    assert seen[0] == (0, 10_000) and seen[-1] == (10_000, 10_000)
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(seen) > 300  # a step a page, never backwards
    text = text_of(pdf, tmp_path, "-l", "1")
    assert "债权表" in text and "共 10000 笔" in text


def test_the_claim_table_can_be_cancelled_midway(large: ClaimTable) -> None:
    cancel = threading.Event()
    steps = claim_table_pdf(large, [], None, cancel)
    seen = []
    with pytest.raises(DocumentCancelled):
        for step in steps:
            seen.append(step)
            if step[0] >= 2_000:
                cancel.set()
    assert 2_000 <= seen[-1][0] < 3_000  # stopped at the next page
    # closing the generator (what ui.ops.Op does on cancel) stops it too
    steps = claim_table_pdf(large, [], None)
    assert next(steps) == (0, 10_000)
    assert next(steps)[0] > 0
    steps.close()
    with pytest.raises(StopIteration):
        next(steps)


def fen(value: Any) -> int:
    """A number read back from the workbook, in fen (exact: via its decimal text)."""
    amount = Decimal(str(value)) * 100
    assert amount == amount.to_integral_value(), value
    return int(amount)


def test_the_xlsx_reads_back_equal_to_the_rows_and_totals_to_the_fen(small: Plan) -> None:
    table = claim_table(small.state)
    book = load_workbook(BytesIO(claim_table_xlsx(table)))
    sheet = book["债权表"]
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    lines = rows[: len(table.lines)]
    for line, row in zip(table.lines, lines, strict=True):
        assert row[0] == line.number and row[1] == line.claim_id and row[2] == line.creditor
        assert (fen(row[6]), fen(row[7])) == (line.declared_fen, line.confirmed_fen)
        assert row[10] == line.objections
        provisional = PROVISIONAL if line.claim_id == "C0000B" else None
        assert (None if row[11] is None else fen(row[11])) == provisional
    assert sheet.cell(row=2, column=7).number_format == MONEY
    sums = rows[len(table.lines) + 2 :]
    assert len(sums) == len(table.totals) + 1
    for g, row in zip(table.totals, sums, strict=False):
        assert (fen(row[6]), fen(row[7]), row[10]) == (g.declared_fen, g.confirmed_fen, g.claims)
    last = sums[-1]
    assert (fen(last[6]), fen(last[7])) == (table.declared_fen, table.confirmed_fen)
    about = {row[0]: row[1] for row in book["版本"].iter_rows(values_only=True)}
    assert about["债权表版本"] == 1 and about["案号"] == CASE_NUMBER
    assert about["行哈希 SHA-256"] == table.rows_hash
    published = small.state.table
    assert published is not None and about["行哈希 SHA-256"] == published.body.rows_hash


def test_the_xlsx_of_ten_thousand_rows_totals_to_the_fen(large: ClaimTable) -> None:
    book = load_workbook(BytesIO(claim_table_xlsx(large)), read_only=True)
    rows = list(book["债权表"].iter_rows(min_row=2, values_only=True))
    lines = rows[: len(large.lines)]
    assert sum(fen(r[6]) for r in lines) == sum(line.declared_fen for line in large.lines)
    assert fen(rows[-1][6]) == large.declared_fen and fen(rows[-1][7]) == large.confirmed_fen


def test_a_document_cites_only_what_this_desktop_holds(tmp_path: Path) -> None:
    """Statements appended without receipts: the declaration is cited with its signer and its
    receipt pending; a declaration version never appended is not cited at all."""
    plan = Plan()
    store = Store.open(f"sqlite:///{tmp_path / 'desk.sqlite'}", installed_domains())
    try:
        keys = [plan.judge, plan.administrator, plan.person, plan.bank]
        bodies = [
            (t.CASE_ACCEPTED, plan.accepted()),
            (t.CREDITORS_INVITED, plan.invited(plan.bank, plan.person)),
        ]
        signed = []
        for key, (type_, body) in zip(keys[:2], bodies, strict=True):
            signed.append(sign_statement(plan.do(key, type_, body), key))
        statement = plan.do(plan.bank, t.CLAIM_DECLARED, plan.declared("C1"))
        signed.append(sign_statement(statement, plan.bank))
        with store.transaction() as session:
            append(session, store.projections, signed, source="chain")
        with store.session() as session:
            found = cited(session, plan.state, t.CLAIM_DECLARED, claim_id="C1", version=1)
            assert cited(session, plan.state, t.CLAIM_DECLARED, claim_id="C1", version=2) is None
        assert found is not None
        assert found.facts is not None and found.facts.index is None  # no receipt yet
        (line,) = found.signatures
        assert (line.name, line.role, line.chain_index) == (
            "某商业银行股份有限公司",
            "债权人",
            None,
        )
        assert found.body.principal_fen == 1_000_000_00
        pdf = declaration_pdf(plan.state, "C1", 1, found.signatures, found.facts)
        text = text_of(pdf, tmp_path)
        assert "某商业银行股份有限公司" in text and "待确认" in text
        assert "1,005,000.00 元" in text
    finally:
        store.close()


def test_the_same_table_gives_the_same_bytes(small: Plan) -> None:
    """A registered PDF is known by its hash: made twice from the same state, it is the same."""
    table = claim_table(small.state)
    assert (
        drain(claim_table_pdf(table, [], FACTS))[1] == drain(claim_table_pdf(table, [], FACTS))[1]
    )


def test_before_any_review_the_table_is_an_empty_draft(tmp_path: Path) -> None:
    plan = Plan()
    plan.do(plan.judge, t.CASE_ACCEPTED, plan.accepted())
    plan.do(plan.administrator, t.CREDITORS_INVITED, plan.invited(plan.bank))
    plan.do(plan.bank, t.CLAIM_DECLARED, plan.declared("C1"))
    table = claim_table(plan.state)
    assert (table.version, table.lines, table.claims) == (None, (), 0)
    seen, pdf = drain(claim_table_pdf(table, [], None))
    assert seen == [(0, 0)]
    text = text_of(pdf, tmp_path)
    assert "草稿（尚未公布）" in text and "共 0 笔" in text
