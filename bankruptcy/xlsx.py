"""The claim table (债权表, Enterprise Bankruptcy Law Art. 57) as an XLSX workbook, for
administrators who work in spreadsheets (openpyxl).

The rows and totals are those of ``bankruptcy.documents.claim_table`` (the version checked
against its published ``rows_hash``), as the PDF prints them. Amounts are numbers in yuan made
from integer fen with ``Decimal`` (exact: the file holds the decimal text ``123456.78``), shown
with a ``#,##0.00`` format; a spreadsheet computes in doubles, exact to 15 significant digits
(amounts below 10^13 yuan). The header row is frozen. A second sheet names the table version and
the SHA-256 of its rows, so a reader can tie the file to the published entry.
"""

from __future__ import annotations

import io
from collections.abc import Generator
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bankruptcy.documents import GROUP_NAMES, NATURE_NAMES, STATUS_NAMES, ClaimTable

MONEY = "#,##0.00"
HEAD = [
    "序号",
    "债权编号",
    "债权人",
    "债权人类型",
    "债权性质",
    "组别（第八十二条）",
    "申报金额（元）",
    "确认金额（元）",
    "状态",
    "补充申报",
    "异议数",
    "临时确定金额（元，第五十九条）",
]
WIDTHS = [8, 18, 40, 12, 16, 20, 18, 18, 14, 10, 8, 22]
KINDS = {"person": "自然人", "organisation": "法人或其他组织"}
STEP = 1000  # rows between two progress steps


def yuan_number(fen: int) -> Decimal:
    """Integer fen as an exact decimal number of yuan: 12345 -> Decimal('123.45')."""
    return Decimal(fen).scaleb(-2)


def claim_table_xlsx_steps(claims: ClaimTable) -> Generator[tuple[int, int], None, bytes]:
    """Yields ``(rows written, rows)``; returns the workbook's bytes."""
    total = len(claims.lines)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "债权表"
    sheet.append(HEAD)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"  # the header row stays in view
    yield 0, total
    for line in claims.lines:
        sheet.append(
            [
                line.number,
                line.claim_id,
                line.creditor,
                KINDS.get(line.creditor_kind, line.creditor_kind),
                NATURE_NAMES[line.nature],
                GROUP_NAMES[line.group],
                yuan_number(line.declared_fen),
                yuan_number(line.confirmed_fen),
                STATUS_NAMES[line.status],
                "是" if line.late else "",
                line.objections,
                None if line.provisional_fen is None else yuan_number(line.provisional_fen),
            ]
        )
        if line.number % STEP == 0:
            yield line.number, total
    last = sheet.max_row
    for row in sheet.iter_rows(min_row=2, max_row=last, min_col=7, max_col=12):
        for cell in row[:2] + row[-1:]:  # declared, confirmed, provisional
            cell.number_format = MONEY
    # the totals of each group of Art. 82, below the rows after one blank row
    sheet.append([])
    sheet.append(
        [
            "各组合计（《企业破产法》第八十二条）",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "笔数",
        ]
    )
    for g in claims.totals:
        sheet.append(
            [
                None,
                None,
                None,
                None,
                None,
                GROUP_NAMES[g.group],
                yuan_number(g.declared_fen),
                yuan_number(g.confirmed_fen),
                None,
                None,
                g.claims,
            ]
        )
    sheet.append(
        [
            None,
            None,
            None,
            None,
            None,
            "合计",
            yuan_number(claims.declared_fen),
            yuan_number(claims.confirmed_fen),
            None,
            None,
            claims.claims,
        ]
    )
    for row in sheet.iter_rows(min_row=last + 3, max_row=sheet.max_row, min_col=7, max_col=8):
        for cell in row:
            cell.number_format = MONEY

    about = book.create_sheet("版本")
    about.column_dimensions["A"].width = 16
    about.column_dimensions["B"].width = 70
    for key, value in (
        ("案号", claims.case_number),
        ("受理法院", claims.court),
        ("债务人", claims.debtor_name),
        ("管理人", claims.administrator_name),
        ("债权表版本", claims.version if claims.version is not None else "草稿（尚未公布）"),
        ("公布时间（UTC）", claims.published_at or ""),
        ("笔数", claims.claims),
        ("行哈希 SHA-256", claims.rows_hash),
        (
            "说明",
            "行哈希按链上公布的行计算（bankruptcy.state.rows_hash），与公布版本一致方予导出。",
        ),
    ):
        about.append([key, value])
    buffer = io.BytesIO()
    book.save(buffer)
    yield total, total
    return buffer.getvalue()


def claim_table_xlsx(claims: ClaimTable) -> bytes:
    """The workbook's bytes, without progress."""
    steps = claim_table_xlsx_steps(claims)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return bytes(stop.value)
