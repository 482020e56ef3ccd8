"""PDF documents of a mediation: the agreement (调解协议书), the joint application for
judicial confirmation (司法确认申请书) and the enforcement application (强制执行申请书).

They are built with the casework PDF machinery (``casework.pdf``: the embedded font, the
signatures, the chain facts and their QR code). Session statements marked as concessions are
left out of every document meant for a court (SPC online mediation rules Art. 18).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from casework.days import CHINA_TIME
from casework.pdf import (
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
from casework.private import PrivateParty, masked
from mediation.case import CaseState, Default, confirmation_period

ROLE_NAMES = {"applicant": "申请人", "respondent": "被申请人", "third_party": "第三人"}
KIND_NAMES = {"person": "自然人", "organisation": "法人或其他组织"}
ID_TYPES = {"resident_id": "居民身份证", "passport": "护照", "credit_code": "统一社会信用代码"}

__all__ = [
    "ChainFacts",
    "SignatureLine",
    "agreement_pdf",
    "confirmation_application_pdf",
    "enforcement_application_pdf",
]


def _parties_block(
    state: CaseState,
    ids: Sequence[str],
    private: dict[str, PrivateParty],
    s: Styles,
) -> list[Any]:
    out: list[Any] = []
    for pid in ids:
        party = state.parties[pid]
        line = f"{ROLE_NAMES.get(party.role, party.role)}：{party.name}（{KIND_NAMES.get(party.kind, party.kind)}）"
        details = private.get(pid)
        if details is not None:
            if details.id_number:
                line += f"，{ID_TYPES.get(party.id_type, party.id_type)}号码 {masked(details.id_number)}"
            if details.address:
                line += f"，住所 {details.address}"
        if party.agent:
            line += f"，委托代理人 {party.agent}"
        out.append(Paragraph(escape(line), s["body"]))
    return out


def agreement_pdf(
    state: CaseState,
    agreement_id: str,
    signatures: Sequence[SignatureLine],
    facts: ChainFacts | None,
    private: dict[str, PrivateParty] | None = None,
) -> bytes:
    """The mediation agreement (PML Art. 29) of the effective version, or the latest one."""
    s = styles()
    agreement = state.agreements[agreement_id]
    version = agreement.effective or agreement.latest
    assert version is not None
    content = version.content
    story: list[Any] = [
        Paragraph("人民调解协议书", s["title"]),
        Paragraph(
            escape(
                f"案号：{state.id}　　调解组织：{state.organisation}　　版本：第 {version.number} 版"
            ),
            s["small"],
        ),
        Paragraph("一、当事人基本情况", s["h"]),
        *_parties_block(state, content.parties, private or {}, s),
        Paragraph("二、纠纷的主要事实、争议事项及各方责任", s["h"]),
        Paragraph(escape("主要事实：" + content.facts), s["body"]),
        Paragraph(escape("争议事项：" + content.disputes), s["body"]),
        Paragraph(escape("各方责任：" + content.responsibilities), s["body"]),
        Paragraph("三、协议内容及履行方式、期限", s["h"]),
        Paragraph(escape(content.terms), s["body"]),
        Spacer(1, 2 * mm),
    ]
    rows: list[list[Any]] = [["义务", "义务人", "权利人", "金额", "履行方式", "期限"]]
    for ob in content.obligations:
        deadlines = "；".join(
            f"第{p.seq}期 {yuan(p.amount_fen)} 于 {p.deadline} 前" for p in ob.parts
        )
        if ob.grace:
            deadlines += f"（宽限 {ob.grace} 日）"
        rows.append(
            [
                ob.id,
                state.parties[ob.obligor].name,
                state.parties[ob.obligee].name,
                yuan(ob.amount_fen),
                Paragraph(escape(ob.manner), s["body"]),
                Paragraph(escape(deadlines), s["body"]),
            ]
        )
    story.append(table(rows, [12 * mm, 22 * mm, 22 * mm, 30 * mm, 30 * mm, 58 * mm]))
    if content.consents_to_filing:  # as the rule reads it
        story.append(
            Paragraph(
                "各方当事人一致同意：义务人未按本协议约定的期限履行的，由司法链智能合约自动向人民法院提请："
                "本协议经司法确认的，申请强制执行（《人民调解法》第三十三条）；未经司法确认的，提请立案审理"
                "（《人民调解法》第三十二条）（《最高人民法院关于加强区块链司法应用的意见》第（十四）项）。",
                s["body"],
            )
        )
    effective = agreement.effective_at
    story += [
        Paragraph("四、签署", s["h"]),
        Paragraph(
            "本协议自各方当事人和调解员均完成电子签名之时起发生法律效力"
            "（《人民法院在线调解规则》第十九条；《人民调解法》第二十九条另要求加盖人民调解委员会印章，以纸质文本为准）。"
            + (f"生效时间：{local(effective)}。" if effective else "尚未生效：签名未齐。"),
            s["body"],
        ),
        Spacer(1, 1 * mm),
        signatures_block(signatures, s),
        Paragraph("五、司法链存证", s["h"]),
    ]
    payload = {
        "v": 1,
        "case": state.id,
        "agreement": agreement_id,
        "version": version.number,
        "content_sha256": version.hash,
    }
    story += chain_block(facts, payload, s)
    return build_pdf(story, f"调解协议书 {state.id}")


def confirmation_application_pdf(
    state: CaseState,
    agreement_id: str,
    court: str,
    signatures: Sequence[SignatureLine],
    facts: ChainFacts | None,
    private: dict[str, PrivateParty] | None = None,
) -> bytes:
    """Joint application for judicial confirmation (PML Art. 33; CPL Art. 205-206)."""
    s = styles()
    agreement = state.agreements[agreement_id]
    version = agreement.effective
    assert version is not None, "only an effective agreement can be confirmed"
    story: list[Any] = [
        Paragraph("司法确认申请书", s["title"]),
        Paragraph(escape(f"致：{court}"), s["body"]),
        Paragraph("申请人", s["h"]),
        *_parties_block(state, version.content.parties, private or {}, s),
        Paragraph("请求事项", s["h"]),
        Paragraph(
            escape(
                f"请求确认申请人于 {local(agreement.effective_at or '')} 经{state.organisation}主持达成的"
                f"人民调解协议（案号 {state.id}，第 {version.number} 版，内容哈希 {version.hash}）有效。"
            ),
            s["body"],
        ),
        Paragraph("事实与理由", s["h"]),
        Paragraph(escape(confirmation_period_text(state, agreement_id)), s["body"]),
    ]
    records = [rec.body for rec in state.sessions.values()]
    if records:
        story.append(
            Paragraph(
                "附：调解笔录摘要（为达成协议所作的让步已依《人民法院在线调解规则》第十八条略去）",
                s["h"],
            )
        )
        for record in records:
            story.append(
                Paragraph(
                    escape(f"{record.session_id}：{local(record.start)} 至 {local(record.end)}"),
                    s["small"],
                )
            )
            for said in record.said:
                if said.concession:
                    continue  # online mediation rules Art. 18: never used against the party
                name = state.parties[said.party].name
                story.append(Paragraph(escape(f"{name}：{said.text}"), s["body"]))
    story += [
        Paragraph("申请人签名", s["h"]),
        signatures_block(signatures, s),
        Paragraph("司法链存证", s["h"]),
    ]
    payload = {
        "v": 1,
        "case": state.id,
        "application": "judicial-confirmation",
        "content_sha256": version.hash,
    }
    story += chain_block(facts, payload, s)
    return build_pdf(story, f"司法确认申请书 {state.id}")


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def confirmation_period_text(state: CaseState, agreement_id: str) -> str:
    """The application's paragraph on its period: the 30 days counted as the law counts them
    (Civil Code Art. 201, 203; CPL Art. 85), a last day moved off a rest day, a year the
    holiday calendar does not cover, and, for an application after the period, that it is late
    and the court decides on an extension (CPL Art. 86)."""
    period = confirmation_period(state, agreement_id)
    parts = [
        "申请人依照《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条，"
        "自调解协议生效之日起三十日内共同申请司法确认（期间开始的当日不计入，《中华人民共和国民法典》"
        "第二百零一条；期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日，"
        "《中华人民共和国民法典》第二百零三条、《中华人民共和国民事诉讼法》第八十五条）。"
    ]
    if period is None:
        return parts[0]
    parts.append(f"申请期限届满日：{_chinese_date(period.last_day)}（北京时间当日24时）。")
    if period.moved_from is not None:
        parts.append(
            f"按日数计算的最后一日{_chinese_date(period.moved_from)}为休息日，"
            f"顺延至其后第一个工作日{_chinese_date(period.last_day)}。"
        )
    if not period.covered:
        parts.append(
            f"所用节假日日历尚未包含{period.uncovered_year}年的放假安排，仅按周末计算休息日；"
            "请以国务院公布的放假安排核对。"
        )
    version = state.agreements[agreement_id].effective
    named = version.content.parties if version is not None else ()
    late = [
        state.parties[pid].name
        for pid in named
        if pid in state.parties and state.parties[pid].key in state.confirmation_late
    ]
    if late:
        parts.append(
            f"{'、'.join(late)}的申请于上述期限届满后提出。当事人因不可抗拒的事由或者其他正当理由耽误期限的，"
            "可以在障碍消除后的十日内申请顺延期限，是否准许，由人民法院决定"
            "（《中华人民共和国民事诉讼法》第八十六条）。"
        )
    return "".join(parts)


def enforcement_application_pdf(
    state: CaseState,
    missed: Default,
    filing: ChainFacts | None,
    filed_by: str,
    private: dict[str, PrivateParty] | None = None,
    *,
    automatic: bool = True,
    kind: str = "enforcement",
) -> bytes:
    """The enforcement application prepared when an obligation was not performed.

    ``automatic``: filed by the chain's contract rule with the parties' consent (SPC Opinions
    item 14); otherwise the obligee applied themselves. ``kind``: "enforcement" for an
    agreement a court confirmed (PML Art. 33, CPL Art. 206), "trial" otherwise (PML Art. 32).
    """
    s = styles()
    if kind == "enforcement":
        title, request = "强制执行申请书", "请求强制执行"
        heads = ("申请执行人", "被执行人", "执行依据与请求")
    else:
        heads = ("原告（权利人）", "被告（义务人）", "事实与诉讼请求")
        title = "立案申请书（调解协议未履行）"
        request = (
            "调解协议未经司法确认，依《人民调解法》第三十二条请求人民法院立案审理，判令被申请人支付"
        )
    if automatic:
        basis = (
            "本申请由司法链智能合约规则 mediation.default@1 依据《最高人民法院关于加强区块链司法应用的意见》"
            f"第（十四）项，在检测到未履行后依各方当事人事先同意自动提起；提起方：{filed_by}。"
        )
    else:
        basis = f"本申请由申请执行人 {filed_by} 在义务人未按期履行后提出。"
    agreement = state.agreements[missed.agreement_id]
    version = agreement.effective
    assert version is not None
    ob = version.content.obligation(missed.obligation_id)
    assert ob is not None
    obligee, obligor = state.parties[ob.obligee], state.parties[ob.obligor]
    story: list[Any] = [
        Paragraph(title, s["title"]),
        Paragraph(heads[0], s["h"]),
        *_parties_block(state, [ob.obligee], private or {}, s),
        Paragraph(heads[1], s["h"]),
        *_parties_block(state, [ob.obligor], private or {}, s),
        Paragraph(heads[2], s["h"]),
        Paragraph(
            escape(
                f"依据{state.organisation}主持达成并已生效的人民调解协议（案号 {state.id}，第 {version.number} 版，"
                f"内容哈希 {version.hash}），{obligor.name}应于 {missed.deadline} 前向{obligee.name}累计支付"
                f"{yuan(missed.due_fen)}（宽限期至 {missed.due_at.astimezone(CHINA_TIME):%Y-%m-%d %H:%M} UTC+8），"
                f"截至申请时权利人确认收到 {yuan(missed.paid_fen)}。{request}未履行部分 {yuan(missed.due_fen - missed.paid_fen)}。"
            ),
            s["body"],
        ),
        Paragraph(escape(basis), s["body"]),
        Paragraph("司法链存证", s["h"]),
    ]
    payload = {
        "v": 1,
        "case": state.id,
        "application": "enforcement",
        "obligation": missed.obligation_id,
        "instalment": missed.instalment,
    }
    story += chain_block(filing, payload, s)
    return build_pdf(story, f"{title} {state.id}")
