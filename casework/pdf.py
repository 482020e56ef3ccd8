"""The registered-PDF machinery every domain's documents use: the bundled font, styles, tables,
the signature block, the chain-facts block with its QR code, and the document itself.

Chinese text is set in the bundled WenQuanYi Micro Hei (resources/fonts), embedded in the PDF.
A document shows the signatures (signer, key id, time) and the chain facts (log, index,
checkpoint, on-chain time), with a QR code carrying what a verifier needs. Times are shown in
China Standard Time, the court's zone; PDFs are built ``invariant`` so the same input gives the
same bytes (a registered file's hash is on the chain).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from casework.days import CHINA_TIME
from ledger.clock import parse_time

FONT = "WQYMicroHei"
Styles = dict[str, ParagraphStyle]


@dataclass(frozen=True)
class SignatureLine:
    name: str
    role: str
    key_id: str
    time: str  # the signer's clock, wire form
    chain_index: int | None
    on_chain_time: str | None  # cosignature time, wire form; None while pending


@dataclass(frozen=True)
class ChainFacts:
    origin: str
    log_vkey: str
    index: int | None
    checkpoint_size: int | None
    on_chain_time: str | None
    leaf_hash: str  # hex


def font_path() -> str:
    return str(files("resources") / "fonts" / "wqy-microhei.ttc")


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, font_path(), subfontIndex=0))


def yuan(fen: int) -> str:
    """Integer fen as yuan with thousands separators: 6000000 -> 60,000.00 元."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d} 元"


def local(text: str, zone: bool = True) -> str:
    """Wire time (UTC) shown as China Standard Time, the time zone of the court."""
    shown = parse_time(text).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")
    return shown + " (UTC+8)" if zone else shown


def styles() -> Styles:
    _register_font()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4 * mm
        ),
        "h": ParagraphStyle(
            "h", parent=base, fontSize=12, leading=18, spaceBefore=3 * mm, spaceAfter=1 * mm
        ),
        "body": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=8, leading=11, textColor=colors.HexColor("#444444")
        ),
    }


def escape(text: str) -> str:
    """Text for a reportlab Paragraph (its markup escaped, line breaks kept)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def qr(payload: dict[str, Any], size: float = 32 * mm) -> Drawing:
    widget = QrCodeWidget(json.dumps(payload, ensure_ascii=True, separators=(",", ":")))
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def table(rows: list[list[Any]], widths: Sequence[float], header: bool = True) -> Table:
    grid = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    grid.setStyle(TableStyle(style))
    return grid


def signatures_block(lines: Sequence[SignatureLine], s: Styles) -> Table:
    rows: list[list[Any]] = [
        ["签署人", "身份", "密钥标识", "签署时间（UTC+8）", "链上序号", "上链时间（UTC+8）"]
    ]
    for line in lines:
        rows.append(
            [
                Paragraph(escape(line.name), s["body"]),
                line.role,
                line.key_id,
                local(line.time, zone=False),
                "" if line.chain_index is None else str(line.chain_index),
                local(line.on_chain_time, zone=False) if line.on_chain_time else "待确认",
            ]
        )
    return table(rows, [22 * mm, 18 * mm, 30 * mm, 37 * mm, 16 * mm, 37 * mm])


def chain_block(facts: ChainFacts | None, payload: dict[str, Any], s: Styles) -> list[Any]:
    """The chain facts and a QR code of ``payload`` (with the log, index and leaf added), or a
    note that the receipts are not all in yet."""
    if facts is None or facts.index is None:
        text = "本文书所依据的签名尚未全部获得司法链回执；请在回执到达后重新生成。"
        return [Paragraph(text, s["small"])]
    payload = {**payload, "log": facts.origin, "index": facts.index, "leaf": facts.leaf_hash}
    text = (
        f"司法链：{facts.origin}<br/>"
        f"条目序号：{facts.index}（检查点大小 {facts.checkpoint_size}）<br/>"
        f"上链时间：{local(facts.on_chain_time) if facts.on_chain_time else '待确认'}<br/>"
        f"叶哈希：{facts.leaf_hash[:32]}<br/>　　　　{facts.leaf_hash[32:]}<br/>"
        f"日志公钥：{escape(facts.log_vkey)}<br/>"
        "核验：在“核验”页面打开本 PDF 文件或扫描二维码，可离线验证签名与回执。"
    )
    grid = Table([[Paragraph(text, s["small"]), qr(payload)]], colWidths=[138 * mm, 36 * mm])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [grid]


def build_pdf(story: list[Any], title: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="Judicial Chain Desk",
        creator="Judicial Chain Desk",
        invariant=1,
    )
    doc.build(story)
    return buffer.getvalue()
