"""PDF documents of a bankruptcy case's claims: the declaration with its receipt (债权申报书),
the review's conclusion (债权审查结论通知书), the claim table (债权表) and an objection (异议书).

They are built with the casework PDF machinery (``casework.pdf``: the embedded font, the
signatures, the chain facts and their QR code) from the case's state (``bankruptcy.state``) and
the chain facts the caller read from its store (``casework.records``). A document never claims
more than this desktop verified: an entry without its receipt prints as pending (待确认), and a
claim table is printed only when the rows recomputed here hash to the published ``rows_hash``.

The claim table may hold 100,000 rows: ``claim_table_pdf`` is a generator that yields
``(rows done, rows)`` after each block of rows is laid out (at least once a page) and returns
the PDF's bytes, so ``ui.ops.Op`` shows progress and its cancel stops between pages (the
generator is closed); a ``cancel`` event, for callers without ``Op``, is checked at the same
points. Amounts print in yuan formatted from integer fen (``casework.pdf.yuan``), never floats.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from sqlalchemy.orm import Session

from bankruptcy import types as t
from bankruptcy.bodies import parse
from bankruptcy.projections import display_name
from bankruptcy.state import CaseState, Claim, rows_hash, table_rows, totals
from casework.pdf import (
    FONT,
    ChainFacts,
    SignatureLine,
    Styles,
    build_pdf,
    chain_block,
    escape,
    local,
    signatures_block,
    styles,
    table,
    yuan,
)
from casework.records import chain_facts, issued_body, on_chain
from ledger.errors import QT_TRANSLATE_NOOP, LedgerError
from ledger.statement import Statement

__all__ = [
    "ChainFacts",
    "Cited",
    "ClaimTable",
    "DocumentCancelled",
    "SignatureLine",
    "TableLine",
    "TableMismatch",
    "cited",
    "claim_table",
    "claim_table_pdf",
    "declaration_pdf",
    "issued_body",
    "objection_pdf",
    "review_notice_pdf",
    "signer",
]

NATURE_NAMES = {
    t.Nature.ORDINARY: "普通债权",
    t.Nature.SECURED: "有财产担保债权",
    t.Nature.TAX: "税款债权",
    t.Nature.SOCIAL_INSURANCE: "社会保险费债权",
    t.Nature.EMPLOYEE_WAGES: "职工债权",
}
GROUP_NAMES = {  # the voting groups of Art. 82
    t.Group.SECURED: "有财产担保债权组",
    t.Group.EMPLOYEE: "职工债权组",
    t.Group.TAX: "税款债权组",
    t.Group.ORDINARY: "普通债权组",
}
STATUS_NAMES = {
    t.ClaimStatus.DECLARED: "待审查",
    t.ClaimStatus.CONFIRMED: "确认",
    t.ClaimStatus.ADJUSTED: "调整",
    t.ClaimStatus.REJECTED: "不予确认",
    t.ClaimStatus.DISPUTED: "有异议",
    t.ClaimStatus.COURT_CONFIRMED: "法院裁定确认",
    t.ClaimStatus.PROVISIONAL: "临时确定",
}
ITEM_NAMES = {t.Item.PRINCIPAL: "本金", t.Item.INTEREST: "利息", t.Item.OTHER: "其他"}
OUTCOME_NAMES = {
    t.Outcome.CONFIRMED: "确认",
    t.Outcome.ADJUSTED: "调整",
    t.Outcome.REJECTED: "不予确认",
}
KIND_NAMES = {t.PartyKind.PERSON: "自然人", t.PartyKind.ORGANISATION: "法人或其他组织"}
PENDING = "待确认"  # an entry this desktop holds no receipt for yet

_CELL_PAD = 6.0  # reportlab's default cell padding, left plus right, in points
_TABLE_FONT_SIZE = 8


class TableMismatch(LedgerError):
    """The claim table recomputed on this desktop differs from the published version."""

    message = QT_TRANSLATE_NOOP(
        "LedgerError",
        "Claim table version {version} recomputed on this desktop does not match the one the "
        "administrator published ({what}); it is not printed (Enterprise Bankruptcy Law "
        "Art. 57). Check the case on the Verify page.",
    )


class DocumentCancelled(LedgerError):
    """The user cancelled the document while it was being made."""

    message = QT_TRANSLATE_NOOP("LedgerError", "The document was cancelled.")


# -- the claim table's rows -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableLine:
    """One row of a claim table as printed: the amounts the published version lists, the
    status and objections as this desktop's state has them now."""

    number: int  # 1, 2, ... in claim-id order (the chain's order)
    claim_id: str
    creditor: str  # a natural person's name masked, an organisation's in full
    creditor_kind: str
    nature: t.Nature
    group: t.Group
    declared_fen: int
    confirmed_fen: int
    status: t.ClaimStatus
    objections: int
    late: bool  # declared after the filing period (Art. 56)
    provisional_fen: int | None = None  # the court's amount for voting (Art. 59(2))


@dataclass(frozen=True, slots=True)
class ClaimTable:
    """A claim-table version with its heading, rows and totals per group (Art. 82)."""

    case_id: str
    case_number: str
    court: str
    debtor_name: str
    administrator_name: str
    version: int | None  # None: a draft, not published yet
    published_at: str | None  # wire time of the published statement
    rows_hash: str  # SHA-256 of the chain's rows (``bankruptcy.state.rows_hash``)
    lines: tuple[TableLine, ...]
    totals: tuple[t.GroupTotal, ...]  # every group of Art. 82, in its order

    @property
    def declared_fen(self) -> int:
        return sum(g.declared_fen for g in self.totals)

    @property
    def confirmed_fen(self) -> int:
        return sum(g.confirmed_fen for g in self.totals)

    @property
    def claims(self) -> int:
        return sum(g.claims for g in self.totals)


def _line(state: CaseState, number: int, claim: Claim, review: t.ClaimReviewed) -> TableLine:
    name, kind = display_name(state, claim)
    return TableLine(
        number=number,
        claim_id=claim.id,
        creditor=name,
        creditor_kind=kind,
        nature=review.nature,
        group=t.group_of(review.nature),
        declared_fen=claim.declarations[review.declaration].total_fen,
        confirmed_fen=review.confirmed_fen,
        status=state.status(claim),
        objections=len(claim.objections),
        late=claim.late,
        provisional_fen=claim.provisional_fen,
    )


def claim_table(state: CaseState, version: int | None = None) -> ClaimTable:
    """Claim-table ``version`` (the latest published by default; a draft of the next one when
    none is published) recomputed from the state. A published version is checked against its
    ``rows_hash`` and totals; a difference raises ``TableMismatch`` (nothing is printed that
    the chain does not say)."""
    if state.accepted is None:
        raise ValueError("the case has not been accepted")
    accepted = state.accepted.body
    published = state.tables.get(version) if version is not None else state.table
    if version is not None and published is None:
        raise KeyError(f"no claim table version {version} in case {state.id}")
    chain_rows: list[list[Any]] = []
    lines: list[TableLine] = []
    if published is None:
        chain_rows = table_rows(state)
        for row in chain_rows:
            claim = state.claims[row[0]]
            lines.append(_line(state, len(lines) + 1, claim, claim.reviews[row[2]]))
    else:
        for claim_id in sorted(published.rows):  # table_rows's order
            claim = state.claims[claim_id]
            review = claim.reviews[published.rows[claim_id]]
            line = _line(state, len(lines) + 1, claim, review)
            lines.append(line)
            chain_rows.append(
                [
                    claim_id,
                    review.declaration,
                    review.review,
                    line.group.value,
                    line.declared_fen,
                    line.confirmed_fen,
                ]
            )
    digest, sums = rows_hash(chain_rows), totals(chain_rows)
    if published is not None:
        number = published.version
        if digest != published.body.rows_hash:
            raise TableMismatch(version=number, what="rows_hash")
        if sums != published.body.totals:
            raise TableMismatch(version=number, what="totals")
    return ClaimTable(
        case_id=state.id,
        case_number=accepted.case_number,
        court=accepted.court,
        debtor_name=accepted.debtor_name,
        administrator_name=accepted.administrator_name,
        version=None if published is None else published.version,
        published_at=None if published is None else published.time,
        rows_hash=digest,
        lines=tuple(lines),
        totals=sums,
    )


# -- what a document cites, from this desktop's store ------------------------------------------


@dataclass(frozen=True, slots=True)
class Cited:
    """An entry a document rests on, as this desktop holds it: its signature line, its chain
    facts (``index`` None while its receipt is pending) and its typed body as signed."""

    signatures: tuple[SignatureLine, ...]
    facts: ChainFacts | None
    body: Any


def signer(state: CaseState, actor: str) -> tuple[str, str]:
    """A signer's name and role as a document prints them."""
    accepted = state.accepted.body if state.accepted is not None else None
    invitee = state.creditors.get(actor)
    if invitee is not None:
        return invitee.name, "债权人"
    if accepted is not None and actor == accepted.administrator:
        return accepted.administrator_name, "管理人"
    if accepted is not None and actor == state.judge:
        return accepted.court, "法官"
    if accepted is not None and actor and actor == state.debtor_key:
        return accepted.debtor_name, "债务人"
    return actor[:16], "参与人"


def cited(session: Session, state: CaseState, kind: str, **fields: Any) -> Cited | None:
    """The case's last entry of ``kind`` whose body has ``fields`` (as signed), e.g.
    ``cited(session, state, t.CLAIM_DECLARED, claim_id="C1", version=2)``; None if this
    desktop holds none. Entries the node rejected do not count (``casework.records``)."""

    def matches(statement: Statement) -> bool:
        body = parse(statement).body
        return all(getattr(body, k, None) == v for k, v in fields.items())

    chosen = None
    for entry in on_chain(session, state.id, kind):
        if matches(entry.statement):
            chosen = entry
    if chosen is None:
        return None
    line = chosen.signature(*signer(state, chosen.statement.actor))
    facts = chain_facts(session, state.id, kind, matches)
    return Cited((line,), facts, parse(chosen.statement).body)


# -- shared pieces --------------------------------------------------------------------------


def _case_head(state: CaseState, s: Styles) -> list[Any]:
    assert state.accepted is not None
    body = state.accepted.body
    return [
        Paragraph(
            escape(f"案号：{body.case_number}　　受理法院：{body.court}"),
            s["small"],
        ),
        Paragraph(
            escape(f"债务人：{body.debtor_name}　　管理人：{body.administrator_name}"),
            s["small"],
        ),
    ]


def _creditor(state: CaseState, key: str) -> str:
    """Who a key is in this case, by name (a creditor's own documents name it in full)."""
    invitee = state.creditors.get(key)
    if invitee is not None:
        return f"{invitee.name}（{KIND_NAMES.get(invitee.kind, invitee.kind.value)}）"
    if key and key == state.debtor_key:
        assert state.accepted is not None
        return f"债务人 {state.accepted.body.debtor_name}"
    if key and key == state.administrator:
        return "管理人"
    return "（未登记的参与人）"


def _yes(value: bool) -> str:
    return "是" if value else "否"


def _cell(text: str, width: float, style: Any, size: float = _TABLE_FONT_SIZE) -> Any:
    """A plain string when it fits the column at ``size`` (fast), a wrapping Paragraph when
    it does not: a long company name or a large amount wraps in its cell instead of printing
    over the next column (issue 13)."""
    if stringWidth(text, FONT, size) + _CELL_PAD <= width:
        return text
    return Paragraph(escape(text), style)


def _money(fen: int, width: float, s: Styles) -> Any:
    """An amount in a 9-point table cell of ``width`` (``casework.pdf.table``'s size)."""
    return _cell(yuan(fen), width, s["small"], size=9)


def _chain_or_pending(facts: ChainFacts | None) -> str:
    if facts is None or facts.index is None:
        return f"司法链回执：{PENDING}（本机尚未收到该条目的回执）"
    when = local(facts.on_chain_time) if facts.on_chain_time else PENDING
    return f"司法链条目 {facts.index}，上链时间 {when}，叶哈希 {facts.leaf_hash[:16]}…"


# -- 债权申报书 -------------------------------------------------------------------------------


def declaration_pdf(
    state: CaseState,
    claim_id: str,
    version: int | None,
    signatures: Sequence[SignatureLine],
    facts: ChainFacts | None,
) -> bytes:
    """The declaration of claim ``claim_id`` (its ``version``, the latest by default) with its
    receipt: the chain's receipt of the declaration entry, or "pending" when none came yet
    (Enterprise Bankruptcy Law Art. 49; Interp. III Art. 6)."""
    s = styles()
    claim = state.claims[claim_id]
    number = version if version is not None else max(claim.declarations)
    d = claim.declarations[number]
    assert state.accepted is not None
    accepted = state.accepted.body
    story: list[Any] = [
        Paragraph("债权申报书", s["title"]),
        *_case_head(state, s),
        Paragraph(escape(f"致：{accepted.administrator_name}（管理人）"), s["body"]),
        Paragraph("一、申报人", s["h"]),
        Paragraph(escape(f"债权人：{_creditor(state, claim.owner)}"), s["body"]),
    ]
    if d.agent:
        story.append(Paragraph(escape(f"委托代理人：{d.agent}"), s["body"]))
    story += [
        Paragraph("二、申报的债权", s["h"]),
        Paragraph(
            escape(f"债权编号：{claim_id}　　申报版本：第 {number} 版"),
            s["body"],
        ),
    ]
    interest = "利息" + (f"（计至 {d.interest_until}）" if d.interest_until else "")
    rows: list[list[Any]] = [
        ["项目", "金额"],
        ["本金", yuan(d.principal_fen)],
        [interest, yuan(d.interest_fen)],
        ["其他（违约金、费用等）", yuan(d.other_fen)],
        ["合计", yuan(d.total_fen)],
    ]
    story.append(table(rows, [80 * mm, 60 * mm]))
    secured = _yes(d.secured) + (f"；担保物：{d.collateral}" if d.secured and d.collateral else "")
    story += [
        Spacer(1, 2 * mm),
        Paragraph(escape(f"债权性质：{NATURE_NAMES[d.nature]}"), s["body"]),
        Paragraph(escape(f"有无财产担保：{secured}"), s["body"]),
        Paragraph(
            escape(
                f"连带债权：{_yes(d.joint)}（第五十条）　　"
                f"保证债权：{_yes(d.guaranteed)}（第五十一条）"
            ),
            s["body"],
        ),
        Paragraph(
            "利息计算至人民法院受理破产申请之日（《企业破产法》第四十六条）。",
            s["small"],
        ),
    ]
    if d.facts:
        story += [Paragraph("三、事实与理由", s["h"]), Paragraph(escape(d.facts), s["body"])]
    story.append(Paragraph("四、证据（链上仅存文件哈希，文件经加密送达管理人）", s["h"]))
    evidence: list[list[Any]] = [["文件", "SHA-256", "大小（字节）"]]
    for doc in d.documents:
        evidence.append(
            [
                Paragraph(escape(doc.name), s["small"]),
                Paragraph(doc.sha256, s["small"]),
                str(doc.size),
            ]
        )
    story.append(table(evidence, [50 * mm, 100 * mm, 24 * mm]))
    if claim.late:
        story.append(
            Paragraph(
                "本债权首次申报于债权申报期限届满之后，为补充申报（《企业破产法》第五十六条）。",
                s["body"],
            )
        )
    story += [
        Paragraph("五、签署", s["h"]),
        signatures_block(signatures, s),
        Paragraph("六、申报回执", s["h"]),
        Paragraph(
            escape(
                f"兹收到债权人对债权 {claim_id} 的第 {number} 版申报，"
                f"申报金额合计 {yuan(d.total_fen)}。" + _chain_or_pending(facts)
            ),
            s["body"],
        ),
    ]
    payload = {"v": 1, "case": state.id, "claim": claim_id, "declaration": number}
    story += chain_block(facts, payload, s)
    return build_pdf(story, f"债权申报书 {accepted.case_number} {claim_id}")


# -- 债权审查结论通知书 -------------------------------------------------------------------------


def review_notice_pdf(
    state: CaseState,
    claim_id: str,
    review: int | None,
    signatures: Sequence[SignatureLine],
    facts: ChainFacts | None,
) -> bytes:
    """The administrator's conclusion on a claim, amount by amount with reasons, and the
    creditor's right to object (Enterprise Bankruptcy Law Art. 57-58; Interp. III Art. 6, 8)."""
    s = styles()
    claim = state.claims[claim_id]
    number = review if review is not None else claim.review_version
    r = claim.reviews[number]
    d = claim.declarations[r.declaration]
    assert state.accepted is not None
    accepted = state.accepted.body
    story: list[Any] = [
        Paragraph("债权审查结论通知书", s["title"]),
        *_case_head(state, s),
        Paragraph(escape(f"致：{_creditor(state, claim.owner)}"), s["body"]),
        Paragraph(
            escape(
                f"你方申报的债权（编号 {claim_id}，第 {r.declaration} 版申报），"
                f"经管理人依照《企业破产法》第五十七条审查（第 {number} 次审查），结论如下："
            ),
            s["body"],
        ),
        Spacer(1, 2 * mm),
    ]
    rows: list[list[Any]] = [["项目", "申报金额", "审查结论", "确认金额", "理由"]]
    for item in r.items:
        rows.append(
            [
                ITEM_NAMES[item.item],
                _money(d.amount(item.item), 36 * mm, s),
                OUTCOME_NAMES[item.outcome],
                _money(item.amount_fen, 36 * mm, s),
                Paragraph(escape(item.reason or ""), s["small"]),
            ]
        )
    rows.append(
        [
            "合计",
            _money(d.total_fen, 36 * mm, s),
            OUTCOME_NAMES[r.outcome],
            _money(r.confirmed_fen, 36 * mm, s),
            "",
        ]
    )
    story.append(table(rows, [20 * mm, 36 * mm, 22 * mm, 36 * mm, 60 * mm]))
    secured = _yes(r.secured)
    story += [
        Spacer(1, 2 * mm),
        Paragraph(
            escape(
                f"债权性质：{NATURE_NAMES[r.nature]}（{GROUP_NAMES[t.group_of(r.nature)]}，"
                f"《企业破产法》第八十二条）　　有无财产担保：{secured}"
            ),
            s["body"],
        ),
        Paragraph(escape(f"当前状态：{STATUS_NAMES[state.status(claim)]}"), s["body"]),
        Paragraph("权利告知", s["h"]),
        Paragraph(
            "债权人对债权表记载的本债权有异议的，可以向管理人提出异议并说明理由和法律依据；"
            "经管理人解释或调整后仍不服的，应当在债权人会议核查结束后十五日内向人民法院提起债权确认的诉讼"
            "（《企业破产法》第五十八条；《最高人民法院关于适用〈中华人民共和国企业破产法〉若干问题的规定（三）》第八条）。",
            s["body"],
        ),
        Paragraph("管理人签署", s["h"]),
        signatures_block(signatures, s),
        Paragraph("司法链存证", s["h"]),
    ]
    payload = {"v": 1, "case": state.id, "claim": claim_id, "review": number}
    story += chain_block(facts, payload, s)
    return build_pdf(story, f"债权审查结论通知书 {accepted.case_number} {claim_id}")


# -- 异议书 -----------------------------------------------------------------------------------


def objection_pdf(
    state: CaseState,
    objection_id: str,
    signatures: Sequence[SignatureLine],
    facts: ChainFacts | None,
    reasons: str,
    legal_basis: str,
) -> bytes:
    """An objection to a row of the claim table, with the administrator's answer when one is
    on this desktop (Enterprise Bankruptcy Law Art. 58; Interp. III Art. 8).

    ``reasons`` and ``legal_basis`` are the objection's texts as signed (the kept state holds
    the objection's facts, not its prose; the caller reads the statement)."""
    s = styles()
    objection = state.objections[objection_id]
    claim = state.claims[objection.claim_id]
    listed = claim.reviews[objection.review]
    declared = claim.declarations[listed.declaration]
    name, _kind = display_name(state, claim)
    assert state.accepted is not None
    accepted = state.accepted.body
    story: list[Any] = [
        Paragraph("异议书", s["title"]),
        *_case_head(state, s),
        Paragraph(escape(f"致：{accepted.administrator_name}（管理人）"), s["body"]),
        Paragraph(escape(f"异议人：{_creditor(state, objection.actor)}"), s["body"]),
        Paragraph(escape(f"提出时间：{local(objection.time)}"), s["body"]),
        Paragraph("异议对象", s["h"]),
    ]
    rows: list[list[Any]] = [
        ["债权表版本", "债权编号", "债权人", "性质", "申报金额", "确认金额"],
        [
            f"第 {objection.table} 版",
            Paragraph(escape(claim.id), s["small"]),
            Paragraph(escape(name), s["small"]),
            NATURE_NAMES[listed.nature],
            _money(declared.total_fen, 30 * mm, s),
            _money(listed.confirmed_fen, 30 * mm, s),
        ],
    ]
    story.append(table(rows, [22 * mm, 26 * mm, 40 * mm, 26 * mm, 30 * mm, 30 * mm]))
    story += [
        Paragraph("异议理由", s["h"]),
        Paragraph(escape(reasons), s["body"]),
        Paragraph("法律依据", s["h"]),
        Paragraph(escape(legal_basis), s["body"]),
        Paragraph("管理人答复", s["h"]),
    ]
    answer = objection.answer
    if answer is None:
        story.append(Paragraph("本机尚无管理人的答复。", s["body"]))
    else:
        how = "解释说明" if answer.body.answer is t.Answer.EXPLAINED else "调整债权"
        text = f"{local(answer.time)}　{how}：{answer.body.text}"
        if answer.body.review is not None:
            text += f"（第 {answer.body.review} 次审查）"
        story.append(Paragraph(escape(text), s["body"]))
    story += [
        Paragraph(
            "异议人对管理人的解释或调整仍不服的，应当在债权人会议核查结束后十五日内向人民法院提起债权确认的诉讼"
            "（《最高人民法院关于适用〈中华人民共和国企业破产法〉若干问题的规定（三）》第八条）。",
            s["small"],
        ),
        Paragraph("异议人签署", s["h"]),
        signatures_block(signatures, s),
        Paragraph("司法链存证", s["h"]),
    ]
    payload = {"v": 1, "case": state.id, "objection": objection_id, "claim": claim.id}
    story += chain_block(facts, payload, s)
    return build_pdf(story, f"异议书 {accepted.case_number} {objection_id}")


# -- 债权表 -----------------------------------------------------------------------------------

# landscape A4 less 18 mm margins and the frame's 6-point paddings: 256 mm
_TABLE_WIDTHS = [14 * mm, 34 * mm, 61 * mm, 40 * mm, 36 * mm, 36 * mm, 22 * mm, 12 * mm]
_TABLE_HEAD = ["序号", "债权编号", "债权人", "性质／组别", "申报金额", "确认金额", "状态", "异议"]
_LEADING = 10.0  # of the table's 8-point text, plain or wrapped
_ROW = _LEADING + _CELL_PAD  # a one-line row: the text and its top and bottom padding
_SLACK = 8.0  # points kept free on each page against rounding in reportlab's layout
_FRAME_PAD = 12.0  # a Frame's top and bottom padding (6 points each)


class _SteppedDoc(SimpleDocTemplate):
    """A SimpleDocTemplate whose build is a generator: ``steps`` lays out one flowable at a
    time (reportlab's own loop, ``BaseDocTemplate.build``) and yields after each, so the
    caller can report progress and stop between pages."""

    def steps(self, flowables: list[Any], footer: str) -> Generator[int, None, None]:
        def on_page(canvas: Canvas, doc: Any) -> None:
            canvas.saveState()
            canvas.setFont(FONT, 7)
            canvas.drawString(self.leftMargin, 8 * mm, f"{footer}　第 {doc.page} 页")
            canvas.restoreState()

        self._calc()
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="normal")
        self.addPageTemplates(
            [
                PageTemplate(id=name, frames=frame, onPage=on_page, pagesize=self.pagesize)
                for name in ("First", "Later")  # SimpleDocTemplate turns to "Later" on page 2
            ]
        )
        self._startBuild(None, Canvas)
        canv = self.canv
        saved_info = canv._doc.info
        canv._doctemplate = self
        try:
            while flowables:
                self.clean_hanging()
                self.handle_flowable(flowables)
                yield len(flowables)
        finally:
            del canv._doctemplate
        canv._doc.info = saved_info
        self._endBuild()


def _row(line: TableLine, s: Styles) -> tuple[list[Any], float]:
    """A row's cells and its height: wrapped cells are measured, as reportlab will lay them."""
    small, w = s["table"], _TABLE_WIDTHS
    nature = f"{NATURE_NAMES[line.nature]}／{GROUP_NAMES[line.group]}"
    status = STATUS_NAMES[line.status]
    if line.provisional_fen is not None:  # the amount the court set for voting (Art. 59(2))
        status += f" {yuan(line.provisional_fen)}"
    if line.late:
        status += "（补充申报）"
    cells = [
        str(line.number),
        _cell(line.claim_id, w[1], small),
        _cell(line.creditor, w[2], small),
        _cell(nature, w[3], small),
        _cell(yuan(line.declared_fen), w[4], small),
        _cell(yuan(line.confirmed_fen), w[5], small),
        _cell(status, w[6], small),
        str(line.objections),
    ]
    height = _ROW
    for cell, width in zip(cells, w, strict=True):
        if isinstance(cell, Paragraph):
            height = max(height, cell.wrap(width - _CELL_PAD, 10_000)[1] + _CELL_PAD)
    return cells, height


def _page_table(rows: list[list[Any]]) -> Any:
    grid = table([list(_TABLE_HEAD), *rows], _TABLE_WIDTHS)
    grid.setStyle(
        [
            ("FONTSIZE", (0, 0), (-1, -1), _TABLE_FONT_SIZE),
            ("LEADING", (0, 0), (-1, -1), _LEADING),
            ("ALIGN", (4, 1), (5, -1), "RIGHT"),
        ]
    )
    return grid


def _pages(
    lines: Sequence[TableLine], s: Styles, first_room: float, room: float
) -> Generator[tuple[Any, int], None, None]:
    """The rows as one table per page, each under its own header row, with the rows laid out
    so far: a page is filled up to its height (measured), so no header prints mid-page. Should
    a page overflow after all, reportlab splits its table and repeats the header."""
    rows: list[list[Any]] = []
    used, budget = 0.0, first_room
    for line in lines:
        cells, height = _row(line, s)
        if rows and used + height > budget:
            yield _page_table(rows), line.number - 1
            rows, used, budget = [], 0.0, room
        rows.append(cells)
        used += height
    if rows:
        yield _page_table(rows), lines[-1].number


def _totals_block(claims: ClaimTable, s: Styles) -> Any:
    small = s["table"]
    w = [60 * mm, 30 * mm, 60 * mm, 60 * mm]
    rows: list[list[Any]] = [
        ["组别（《企业破产法》第八十二条）", "笔数", "申报金额合计", "确认金额合计"]
    ]
    for g in claims.totals:
        rows.append(
            [
                GROUP_NAMES[g.group],
                str(g.claims),
                _cell(yuan(g.declared_fen), w[2], small, size=9),
                _cell(yuan(g.confirmed_fen), w[3], small, size=9),
            ]
        )
    rows.append(
        [
            "合计",
            str(claims.claims),
            _cell(yuan(claims.declared_fen), w[2], small, size=9),
            _cell(yuan(claims.confirmed_fen), w[3], small, size=9),
        ]
    )
    grid = table(rows, w)
    grid.setStyle([("ALIGN", (1, 1), (-1, -1), "RIGHT")])
    return grid


def _height(flowables: Sequence[Any], width: float, height: float) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def claim_table_pdf(
    claims: ClaimTable,
    signatures: Sequence[SignatureLine],
    facts: ChainFacts | None,
    cancel: threading.Event | None = None,
) -> Generator[tuple[int, int], None, bytes]:
    """The claim table (债权表, Enterprise Bankruptcy Law Art. 57), landscape, one table with
    its header a page, then the totals of each group of Art. 82 as published.

    Yields ``(rows laid out, rows)`` once a page; returns the PDF. Raises ``DocumentCancelled``
    when ``cancel`` is set (checked after each page); closing the generator stops it too."""
    s = {**styles()}
    s["table"] = s["small"].clone("table", fontSize=_TABLE_FONT_SIZE, leading=_LEADING)
    total = len(claims.lines)
    if claims.version is None:
        which = "草稿（尚未公布）"
    else:
        when = local(claims.published_at) if claims.published_at else PENDING
        which = f"第 {claims.version} 版，管理人签署于 {when}"
    head: list[Any] = [
        Paragraph("债权表", s["title"]),
        Paragraph(
            escape(
                f"案号：{claims.case_number}　　受理法院：{claims.court}　　"
                f"债务人：{claims.debtor_name}"
                f"　　管理人：{claims.administrator_name}"
            ),
            s["small"],
        ),
        Paragraph(escape(f"版本：{which}　　共 {total} 笔"), s["small"]),
        Paragraph(
            escape(
                f"各行金额及合计与链上公布的版本一致（行哈希 SHA-256 {claims.rows_hash}）；"
                "状态与异议数为本机生成本文件时所见。自然人债权人以遮蔽姓名显示。"
            ),
            s["small"],
        ),
        Spacer(1, 2 * mm),
    ]
    tail: list[Any] = [
        Paragraph("各组合计", s["h"]),
        _totals_block(claims, s),
        Paragraph("管理人签署", s["h"]),
        signatures_block(signatures, s),
        Paragraph("司法链存证", s["h"]),
    ]
    payload = {
        "v": 1,
        "case": claims.case_id,
        "table": claims.version,
        "rows_sha256": claims.rows_hash,
    }
    tail += chain_block(facts, payload, s)
    buffer = io.BytesIO()
    margin = 18 * mm
    doc = _SteppedDoc(
        buffer,
        pagesize=landscape(A4),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=14 * mm,
        title=f"债权表 {claims.case_number}",
        author="Judicial Chain Desk",
        creator="Judicial Chain Desk",
        invariant=1,
    )
    width = doc.width - _FRAME_PAD
    room = doc.height - _FRAME_PAD - _ROW - _SLACK  # a page less its header row
    first_room = room - _height(head, width, doc.height)
    # each page's table, then a page break; progress counts the rows of the pages laid out
    story, rows_before = list(head), [0] * len(head)
    done = 0
    for grid, rows_after in _pages(claims.lines, s, first_room, room):
        story += [grid, PageBreak()]
        rows_before += [done, rows_after]
        done = rows_after
    if total:
        story.pop()  # the totals follow the last rows on their page
        rows_before.pop()
    story += tail
    rows_before += [total] * len(tail)
    position = {id(flowable): i for i, flowable in enumerate(story)}
    footer = f"债权表　{claims.case_number}　" + (
        "草稿" if claims.version is None else f"第 {claims.version} 版"
    )
    yield 0, total
    last = 0
    remaining = list(story)
    for _ in doc.steps(remaining, footer):
        done = _laid_out(remaining, position, rows_before, total)
        if done != last:
            last = done
            if cancel is not None and cancel.is_set():
                raise DocumentCancelled()
            yield done, total
    if last != total:
        yield total, total
    return buffer.getvalue()


def _laid_out(
    remaining: list[Any], position: dict[int, int], rows_before: list[int], total: int
) -> int:
    """Rows fully laid out, seen from what is left to lay out: a table split over a page
    comes back to the front as new parts, and its rows count once its last part is done."""
    for k, flowable in enumerate(remaining):
        i = position.get(id(flowable))
        if i is not None:
            return rows_before[i] if k == 0 else rows_before[max(i - 1, 0)]
    return total
