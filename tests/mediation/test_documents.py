"""The PDFs: Chinese text set in the embedded font, concessions left out of court documents
(online mediation rules Art. 18), personal numbers masked, amounts in yuan from fen."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from casework.private import PrivateParty, identity_hash, masked
from mediation import types as t
from mediation.agreement import due_at
from mediation.case import defaults, fold
from mediation.documents import (
    ChainFacts,
    SignatureLine,
    agreement_pdf,
    confirmation_application_pdf,
    enforcement_application_pdf,
    yuan,
)

from .conftest import CASE, Case

ID_NUMBER = "110101199003071234"


def text_of(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@pytest.fixture
def effective_case() -> Case:
    case = Case()
    case.effective()
    case.add(
        case.make(
            case.mediator,
            t.SESSION_RECORDED,
            {
                "session_id": "S1",
                "start": "2026-11-02T02:00:00.000Z",
                "end": "2026-11-02T03:30:00.000Z",
                "participants": ["王调解", "张三", "李四"],
                "notes": "当面调解",
                "statements": [
                    {"party": "p1", "text": "要求归还本金十万元。", "concession": False},
                    {"party": "p2", "text": "愿意放弃反诉以求和解。", "concession": True},
                ],
            },
        )
    )
    return case


def lines(case: Case) -> list[SignatureLine]:
    return [
        SignatureLine(
            "张三",
            "申请人",
            "3f2a91c07b11d2e4",
            case.history[2].time,
            12,
            "2026-11-02T01:03:01.000Z",
        ),
        SignatureLine("李四", "被申请人", "9be0aa17c3d45f60", case.history[3].time, None, None),
    ]


FACTS = ChainFacts(
    "court.example/log",
    "court.example/log+1234abcd+AQ==",
    14,
    15,
    "2026-11-02T01:05:00.000Z",
    "ab" * 32,
)
PRIVATE = {
    "p1": PrivateParty(
        case_id=CASE,
        party_id="p1",
        id_number=ID_NUMBER,
        salt=b"s" * 16,
        address="北京市朝阳区建国路1号",
        phone="13812345678",
        agent="",
    )
}


def test_yuan_formats_integer_fen() -> None:
    assert yuan(10_000_000) == "100,000.00 元"
    assert yuan(1) == "0.01 元"
    assert yuan(-250) == "-2.50 元"


def test_identity_hash_is_salted_and_masked_number_hides_the_middle() -> None:
    a = identity_hash(b"1" * 16, "resident_id", ID_NUMBER)
    assert a == identity_hash(b"1" * 16, "resident_id", " 110101199003071234 ")
    assert a != identity_hash(b"2" * 16, "resident_id", ID_NUMBER)
    assert masked(ID_NUMBER) == "110101********1234"
    assert masked("E12345678") == "*******78"  # a passport number is not shown whole


def test_agreement_pdf_embeds_the_font_and_shows_the_facts(
    effective_case: Case, tmp_path: Path
) -> None:
    state = fold(CASE, effective_case.history)
    pdf = agreement_pdf(state, "A1", lines(effective_case), FACTS, PRIVATE)
    assert pdf.startswith(b"%PDF") and b"FontFile2" in pdf  # an embedded TrueType font
    assert b"+WenQuanYiMicroHei" in pdf  # subset of the bundled CJK font
    text = text_of(pdf, tmp_path)
    for expected in (
        "人民调解协议书",
        "张三",
        "李四",
        "60,000.00 元",
        "2026-12-31",
        "银行转账",
        "第（十四）项",
        "court.example/log",
        "待确认",
        "110101********1234",
    ):
        assert expected in text, expected
    assert ID_NUMBER not in text and "13812345678" not in text


def test_confirmation_application_leaves_out_concessions(
    effective_case: Case, tmp_path: Path
) -> None:
    state = fold(CASE, effective_case.history)
    pdf = confirmation_application_pdf(
        state, "A1", "北京市朝阳区人民法院", lines(effective_case), FACTS, PRIVATE
    )
    text = text_of(pdf, tmp_path)
    assert "司法确认申请书" in text and "要求归还本金十万元" in text
    assert "放弃反诉" not in text  # the concession (online mediation rules Art. 18)
    # PML Art. 33: 30 days after the agreement took effect, the day of effect not counted
    # (Civil Code Art. 201); 2026-12-02 is a Wednesday, so the last day does not move
    assert "2026年12月2日" in text and "第二百零一条" in text
    assert "顺延" not in text and "第八十六条" not in text  # neither moved nor late


def test_enforcement_application_states_the_missed_amount(
    effective_case: Case, tmp_path: Path
) -> None:
    state = fold(CASE, effective_case.history)
    [missed] = defaults(state, due_at("2026-12-31", 3) + timedelta(hours=1))
    pdf = enforcement_application_pdf(state, missed, FACTS, "司法链节点", PRIVATE)
    text = text_of(pdf, tmp_path)
    assert "强制执行申请书" in text and "60,000.00 元" in text and "mediation.default@1" in text
    trial = text_of(
        enforcement_application_pdf(state, missed, FACTS, "司法链节点", PRIVATE, kind="trial"),
        tmp_path,
    )
    assert "立案申请书" in trial and "第三十二条" in trial and "强制执行" not in trial
