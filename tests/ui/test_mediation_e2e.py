"""Issue 5, end to end through the real widgets: a mediator and two parties, each on their own
desktop (``DeskSession``: own profile store, own key), on one real embedded node whose clock the
test moves. Nothing is mocked.

The mediator opens a case with both parties (keys chosen by name from the enrolments the node
approved), records a session in which one statement is a concession, and proposes an agreement
with the parties' consent to automatic enforcement filing. Party 1 signs on their own desktop
(the case reached them through the chain); party 2 signs at the mediator's desk with their own
key file and passphrase; the mediator signs; the agreement is in effect on every desktop. The
agreement PDF is saved and registered, and the Verify page proves the file is on the chain.
Then the clock passes the deadline and grace period, the node's contract rule files for
enforcement, and every desktop shows it; the enforcement application PDF is produced.

With ``JCDESK_SCREENSHOTS=<folder>`` the test also renders the pages in Chinese to
``<folder>/mediation-*.png`` (docs/screenshots in the repository; see docs/mediation_guide.md).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QDate, Qt, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from sqlalchemy import select

from casework import private
from desk.embedded import LocalNode, start_or_attach
from desk.network import NetworkThread
from desk.read.entries import node_vkey
from desk.session import DeskSession
from desk.verify import Verdict
from ledger.clock import FixedClock
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.store.models import LogEntry, OutboxItem
from mediation import services
from mediation import types as t
from mediation.agreement import CHINA_TIME, due_at
from mediation.projections import MediationCase
from mediation.rules import DEFAULT_RULE
from tests.ui.conftest import type_into, wait_reads
from ui.bridge import SyncBridge
from ui.mediation import MediationPage
from ui.mediation.performance_tab import InstalmentsModel
from ui.pages.verify_page import VerifyPage

pytestmark = pytest.mark.usefixtures("source_language")

PASSPHRASE = "李四的口令 correct horse"
# The desks' and the node's clock starts two hours ago, so that the statements' times come
# before the on-chain times (the witness cosigns with the wall clock), and moves with the story.
T0 = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
DEADLINE = (T0 + timedelta(days=60)).astimezone(CHINA_TIME).date()
LONG = 30_000
OK = QDialogButtonBox.StandardButton.Ok


@dataclass
class Desk:
    name: str
    profile: Profile
    key: SigningKey
    session: DeskSession
    bridge: SyncBridge
    page: MediationPage | None = None


@dataclass
class World:
    clock: FixedClock
    node: LocalNode
    network: NetworkThread
    desks: dict[str, Desk]
    tmp: Path


@pytest.fixture
def world(qapp, tmp_path: Path) -> Iterator[World]:
    clock = FixedClock(T0)
    node = start_or_attach(tmp_path / "node", clock=clock)
    network = NetworkThread(name="jcd-network-e2e").start()
    desks: dict[str, Desk] = {}
    try:
        for name, display, role in (
            ("mediator", "王调解", "mediator"),
            ("lender", "张三", "party"),
            ("borrower", "李四", "party"),
        ):
            profile = Profile.named(name, tmp_path / "home")
            profile.save_settings(Settings(display_name=display, role=role))
            key = SigningKey.generate()
            key.save(profile.key_path, PASSPHRASE)
            bridge = SyncBridge()
            session = DeskSession.open(
                profile,
                key,
                network,
                node.url,
                on_status=bridge.on_status,
                on_entry=bridge.on_entry,
                clock=clock,
            )
            session.writer.add_listener(bridge.on_changes)  # change events, as Desk.open
            desks[name] = Desk(name, profile, key, session, bridge)
            assert session.enrol().result(30)["status"] == "approved"
            session.start_sync()
        yield World(clock, node, network, desks, tmp_path)
    finally:
        for desk in desks.values():
            if desk.page is not None:
                desk.page.shutdown()
        QThreadPool.globalInstance().waitForDone(10_000)
        node.stop()  # first, so the node closes its connections before the clients go
        network.stop()
        for desk in desks.values():
            desk.session.close()
            desk.bridge.deleteLater()


def open_page(qtbot, desk: Desk) -> MediationPage:
    page = MediationPage(desk.session)
    qtbot.addWidget(page)
    desk.bridge.changed.connect(page.on_changes)  # no poller: the page follows change events
    page.setWindowTitle(desk.name)
    page.resize(1280, 860)
    page.show()
    desk.page = page
    return page


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_ok(qtbot, dialog: QWidget) -> None:
    click(qtbot, dialog.buttons.button(OK))


def case_status(desk: Desk, case_id: str) -> str | None:
    with desk.session.store.session() as session:
        return session.scalar(select(MediationCase.status).where(MediationCase.case_id == case_id))


def outbox_confirmed(desk: Desk) -> bool:
    with desk.session.store.session() as session:
        return set(session.scalars(select(OutboxItem.state))) <= {"confirmed"}


def test_mediation_from_case_to_enforcement_on_every_desk(qtbot, world: World) -> None:
    mediator, lender, borrower = (world.desks[n] for n in ("mediator", "lender", "borrower"))
    for desk in world.desks.values():
        open_page(qtbot, desk)
        qtbot.waitUntil(
            lambda desk=desk: desk.session.client.status.state == "online", timeout=LONG
        )
    page = mediator.page
    assert page is not None and lender.page is not None and borrower.page is not None
    assert not lender.page.case_list.new_button.isVisible()  # only a mediator opens a case

    # -- 1. the mediator opens the case, choosing the parties' keys by name -----------------
    click(qtbot, page.case_list.new_button)
    dialog = page.new_case_dialog
    assert dialog is not None and dialog.mediator_name.text() == "王调解"
    dialog.dispute_type.setEditText("民间借贷纠纷")
    dialog.summary.setPlainText("2025年3月李四向张三借款六万元，到期未还。")
    dialog.organisation.setText("朝阳区人民调解委员会")
    assert not dialog.buttons.button(OK).isEnabled()  # no parties yet
    people = (
        ("张三", "applicant", "110101199003071234", "北京市朝阳区幸福路1号", "13800138000"),
        ("李四", "respondent", "110105198807152345", "北京市海淀区学院路2号", "13900139000"),
    )
    for name, role, id_number, address, phone in people:
        click(qtbot, dialog.add_button)
        party = dialog.party_dialog
        assert party is not None
        assert "salted hash" in party.note.text()
        party.name.setText(name)
        party.set_choice(party.role, role)
        type_into(qtbot, party.id_number, id_number)
        party.address.setText(address)
        party.phone.setText(phone)
        click(qtbot, party.key.lookup_button)  # the node's approved enrolments
        qtbot.waitUntil(lambda party=party, name=name: party.key.choose_name(name), timeout=LONG)
        click_ok(qtbot, party)
    assert [p.name for p in dialog.parties.rows] == ["张三", "李四"]
    click_ok(qtbot, dialog)
    case_page = page.case_page
    qtbot.waitUntil(lambda: page.stack.currentWidget() is case_page and case_page.view.exists)
    case_id = case_page.case_id
    state = case_page.view.state
    assert state.parties["p1"].key == lender.key.vkey
    assert state.parties["p2"].key == borrower.key.vkey
    with mediator.session.store.session() as session:
        opened = session.scalar(select(LogEntry.entry).where(LogEntry.type == t.CASE_OPENED))
        kept = private.load(session, case_id)
    for _name, _role, id_number, address, phone in people:
        assert id_number not in opened and phone not in opened and address not in opened
    assert kept["p1"].id_number == "110101199003071234" and kept["p2"].phone == "13900139000"
    assert state.parties["p1"].id_hash == private.identity_hash(
        kept["p1"].salt, "resident_id", "110101199003071234"
    )

    # -- 2. a session record; one statement is a concession --------------------------------
    tab = case_page.sessions_tab
    case_page.tabs.setCurrentWidget(tab)
    world.clock.advance(timedelta(minutes=60))
    click(qtbot, tab.record_button)
    record = tab.dialog
    assert record is not None
    record.notes.setPlainText("双方到场，调解员释明人民调解的性质和当事人的权利义务。")
    for speaker, said, concession in (
        ("p2", "承认借款六万元的事实，愿意在年底前还清。", False),
        ("p1", "如果对方年底前还清本金，我放弃利息。", True),
    ):
        record.speaker.setCurrentIndex(record.speaker.findData(speaker))
        record.said.setText(said)
        record.concession.setChecked(concession)
        click(qtbot, record.add_said)
    evidence = world.tmp / "借条照片.jpg"
    evidence.write_bytes(os.urandom(3 << 20))
    record.evidence.add_file(evidence)
    qtbot.waitUntil(lambda: len(record.evidence.model.rows) == 1 and not record.evidence.busy)
    click_ok(qtbot, record)
    qtbot.waitUntil(lambda: "S1" in case_page.view.state.sessions)
    spoken = case_page.view.state.sessions["S1"].body.statements
    assert [s.concession for s in spoken] == [False, True]
    assert case_page.view.state.sessions["S1"].body.documents[0].size == 3 << 20

    # -- 3. the agreement: the completeness panel gates "Propose" --------------------------
    agreement = case_page.agreement_tab
    case_page.tabs.setCurrentWidget(agreement)
    assert not agreement.propose_button.isEnabled()
    assert any("Art. 29(2)" in line for line in agreement.missing)
    agreement.facts.setPlainText(
        "2025年3月1日李四向张三借款六万元，约定2025年12月31日前归还，到期未还。"
    )
    agreement.disputes.setPlainText("借款本金的归还期限与利息。")
    agreement.responsibilities.setPlainText("李四应归还借款本金；张三同意放弃利息。")
    agreement.terms.setPlainText(
        f"李四于{DEADLINE.year}年{DEADLINE.month}月{DEADLINE.day}日前一次性归还张三借款本金六万元。"
    )
    assert agreement.missing and not agreement.propose_button.isEnabled()  # no obligation
    click(qtbot, agreement.add_obligation_button)
    ob = agreement.obligation_dialog
    assert ob is not None
    ob.obligor.setCurrentIndex(ob.obligor.findData("p2"))
    ob.obligee.setCurrentIndex(ob.obligee.findData("p1"))
    type_into(qtbot, ob.amount.edit, "60,000.00")
    ob.manner.setEditText("银行转账")
    ob.deadline.setDate(QDate(DEADLINE.year, DEADLINE.month, DEADLINE.day))
    ob.grace.setValue(3)
    click_ok(qtbot, ob)
    agreement.consent.setChecked(True)
    assert agreement.missing == [] and agreement.warnings == []
    assert agreement.propose_button.isEnabled()
    world.clock.advance(timedelta(minutes=10))
    click(qtbot, agreement.propose_button)
    qtbot.waitUntil(lambda: agreement.loaded_version == 1 and len(agreement.signatures.rows) == 3)
    content = case_page.view.agreement.latest.content
    assert content.obligations[0].amount_fen == 6_000_000
    assert content.enforcement_consent is True
    assert not agreement.propose_button.isEnabled()  # unchanged: nothing to propose

    # -- 4. party 1 signs on their own desktop: the case reached them through the chain -----
    lender_page = lender.page
    qtbot.waitUntil(lambda: case_id in lender_page.case_list.case_ids(), timeout=LONG)
    lender_page.open_case(case_id)
    wait_reads(qtbot)
    lender_agreement = lender_page.case_page.agreement_tab
    lender_page.case_page.tabs.setCurrentWidget(lender_agreement)
    qtbot.waitUntil(lambda: lender_agreement.sign_button.isEnabled(), timeout=LONG)
    assert lender_agreement.facts.isReadOnly()  # a party reads; the mediator writes
    world.clock.advance(timedelta(minutes=10))
    click(qtbot, lender_agreement.sign_button)
    qtbot.waitUntil(
        lambda: any(r.vkey == lender.key.vkey and r.signed_at for r in agreement.signatures.rows),
        timeout=LONG,
    )

    # -- 5. party 2 signs at the mediator's desk, with their own key and passphrase ----------
    click(qtbot, agreement.at_desk_button)
    keys = agreement.key_dialog
    assert keys is not None and set(keys.expected) == {borrower.key.vkey}
    keys.path.setText(str(borrower.profile.key_path))
    keys.passphrase.setText("wrong passphrase")
    click_ok(qtbot, keys)
    assert keys.isVisible() and "Wrong passphrase" in keys.error_label.text()
    world.clock.advance(timedelta(minutes=5))
    keys.passphrase.setText(PASSPHRASE)
    click_ok(qtbot, keys)
    qtbot.waitUntil(lambda: not keys.isVisible())
    with mediator.session.store.session() as session:
        actors = set(
            session.scalars(select(LogEntry.actor).where(LogEntry.type == t.AGREEMENT_SIGNED))
        )
    assert borrower.key.vkey in actors  # the borrower's own signature, relayed by this desk

    # -- 6. the mediator signs: in effect on every desktop ---------------------------------
    world.clock.advance(timedelta(minutes=5))
    click(qtbot, agreement.sign_button)
    qtbot.waitUntil(lambda: agreement.banner.isVisible())
    assert "In effect since" in agreement.banner.text()
    borrower.page.open_case(case_id)
    wait_reads(qtbot)
    borrower.page.case_page.tabs.setCurrentWidget(borrower.page.case_page.agreement_tab)
    for desk in world.desks.values():
        qtbot.waitUntil(lambda desk=desk: case_status(desk, case_id) == "effective", timeout=LONG)
        tab_ = desk.page.case_page.agreement_tab
        qtbot.waitUntil(lambda tab_=tab_: tab_.banner.isVisible(), timeout=LONG)

    # -- 7. the agreement PDF, registered; the Verify page proves the file ------------------
    qtbot.waitUntil(lambda: outbox_confirmed(mediator), timeout=LONG)
    documents = case_page.documents_tab
    case_page.tabs.setCurrentWidget(documents)
    pdf_path = world.tmp / "out" / "调解协议书.pdf"
    world.clock.advance(timedelta(minutes=5))
    with qtbot.waitSignal(documents.exported, timeout=LONG) as exported:
        documents.save_agreement_pdf(pdf_path)
    issued = exported.args[0]
    assert issued.leaf is not None and pdf_path.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: outbox_confirmed(mediator), timeout=LONG)
    verify = VerifyPage(mediator.session)
    qtbot.addWidget(verify)
    verify.show()
    verdicts = []
    for _ in range(20):
        with qtbot.waitSignal(verify.checked, timeout=LONG) as checked:
            verify.open_file(pdf_path)
        verdicts.append(checked.args[0].verdict)
        if verdicts[-1] is Verdict.PROVEN:
            break
        qtbot.wait(500)
    assert verdicts[-1] is Verdict.PROVEN, verdicts
    verify.shutdown()

    # -- 8. the deadline and grace period pass: the chain files for enforcement -------------
    performance = case_page.performance_tab
    case_page.tabs.setCurrentWidget(performance)
    assert [r.status for r in performance.instalments.rows] == ["due"]
    world.clock.advance(due_at(DEADLINE.isoformat(), 0) - world.clock.now() + timedelta(hours=1))
    page.refresh()
    wait_reads(qtbot)
    assert [r.status for r in performance.instalments.rows] == ["grace"]
    assert "grace until" in performance.instalments.index(0, InstalmentsModel.STATUS).data()
    world.clock.advance(timedelta(days=3))
    owned = world.node.owned
    assert owned is not None and owned.running is not None
    asyncio.run_coroutine_threadsafe(owned.running.node.run_triggers(), owned.loop).result(30)
    for desk in world.desks.values():
        qtbot.waitUntil(lambda desk=desk: case_status(desk, case_id) == "enforcement", timeout=LONG)
        desk_tab = desk.page.case_page.performance_tab
        desk.page.case_page.tabs.setCurrentWidget(desk_tab)
        qtbot.waitUntil(
            lambda desk_tab=desk_tab: (
                DEFAULT_RULE in desk_tab.enforcement_label.text()
                and "filed automatically for trial" in desk_tab.enforcement_label.text()
            ),
            timeout=LONG,
        )
        assert [r.status for r in desk_tab.instalments.rows] == ["enforcement"]
    with lender.session.store.session() as session:
        filed = session.execute(
            select(LogEntry.actor, LogEntry.source).where(LogEntry.type == t.ENFORCEMENT_REQUESTED)
        ).one()
    assert filed.actor == node_vkey(lender.session.store) and filed.source == "chain"

    # -- 9. the enforcement application PDF, on the obligee's desktop ------------------------
    lender_documents = lender_page.case_page.documents_tab
    lender_page.case_page.tabs.setCurrentWidget(lender_documents)
    qtbot.waitUntil(lambda: lender_documents.enforcement_button.isEnabled(), timeout=LONG)
    application = world.tmp / "out" / "强制执行申请书.pdf"
    with qtbot.waitSignal(lender_documents.exported, timeout=LONG) as exported:
        lender_documents.save_enforcement_pdf(application)
    assert exported.args[0].leaf is not None
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(application), "-"], capture_output=True, check=True
        ).stdout.decode()
        # no court confirmed the agreement: the filing is for trial (PML Art. 32; CPL Art. 206)
        assert "立案申请书" in text and "60,000.00" in text and "第三十二条" in text

    # -- the timeline tells the chain's word, never "saved" -------------------------------
    timeline = case_page.timeline_tab
    case_page.tabs.setCurrentWidget(timeline)
    page.refresh()
    wait_reads(qtbot)
    model = timeline.model
    chain_words = {
        model.index(row, model.CHAIN).data(Qt.ItemDataRole.UserRole)
        for row in range(model.rowCount())
    }
    assert chain_words <= {"pending", "submitted", "confirmed"}
    whats = [model.index(row, model.WHAT).data() for row in range(model.rowCount())]
    assert any("filed automatically" in w for w in whats)
    assert not any(
        "saved" in (model.index(r, model.CHAIN).data() or "") for r in range(model.rowCount())
    )

    if os.environ.get("JCDESK_SCREENSHOTS"):
        render_screenshots(qtbot, world, case_id, Path(os.environ["JCDESK_SCREENSHOTS"]), pdf_path)


# -- screenshots for docs/mediation_guide.md (JCDESK_SCREENSHOTS=<folder>) ----------------------


def chinese_translator(tmp: Path) -> QTranslator | None:
    """The mediation module's Chinese texts, compiled from ``ui/mediation/zh_CN.json`` until
    they are merged into ``resources/translations`` (scripts/update_translations.py --apply)."""
    source = Path(__file__).resolve().parents[2] / "ui" / "mediation" / "zh_CN.json"
    if not source.exists():
        return None
    from xml.sax.saxutils import escape

    catalogue = json.loads(source.read_text("utf-8"))
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<TS version="2.1" language="zh_CN">']
    for context, messages in catalogue.items():
        lines.append(f"<context><name>{escape(context)}</name>")
        for text, translated in messages.items():
            lines.append(
                f"<message><source>{escape(text)}</source>"
                f"<translation>{escape(translated)}</translation></message>"
            )
        lines.append("</context>")
    lines.append("</TS>")
    ts, qm = tmp / "mediation_zh_CN.ts", tmp / "mediation_zh_CN.qm"
    ts.write_text("\n".join(lines), "utf-8")
    release = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(release), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def more_cases(world: World) -> tuple[str, str]:
    """Two more cases for the pictures: one being signed, one just opened (a draft)."""
    mediator, lender, borrower = (world.desks[n] for n in ("mediator", "lender", "borrower"))
    session = mediator.session
    now = session.clock.now()
    signing = services.new_case_id(now)
    prepared = services.open_case(
        session,
        case_id=signing,
        dispute_type="买卖合同纠纷",
        summary="李四购买张三的二手车，尾款两万元未付。",
        organisation="朝阳区人民调解委员会",
        mediator_name="王调解",
        parties=[
            services.PartyInput("p1", "张三", "applicant", key=lender.key.vkey),
            services.PartyInput("p2", "李四", "respondent", key=borrower.key.vkey),
        ],
    )
    session.record(prepared.statement)
    content = {
        "parties": ["p1", "p2"],
        "facts": "李四向张三购买二手车一辆，价款八万元，尚欠尾款两万元。",
        "disputes": "尾款支付期限。",
        "responsibilities": "李四应支付尾款。",
        "terms": "李四分两期支付尾款两万元。",
        "obligations": [
            {
                "id": "o1",
                "obligor": "p2",
                "obligee": "p1",
                "amount_fen": 2_000_000,
                "manner": "银行转账",
                "grace_days": 5,
                "instalments": [
                    {"seq": 1, "amount_fen": 1_000_000, "deadline": DEADLINE.isoformat()},
                    {
                        "seq": 2,
                        "amount_fen": 1_000_000,
                        "deadline": (DEADLINE + timedelta(days=30)).isoformat(),
                    },
                ],
            }
        ],
        "enforcement_consent": False,
    }
    past = services.load(session.store, signing)
    session.record(services.propose_agreement(session, past, signing, content))
    world.clock.advance(timedelta(minutes=3))
    draft = services.new_case_id(session.clock.now())
    prepared = services.open_case(
        session,
        case_id=draft,
        dispute_type="物业服务合同纠纷",
        summary="业主拖欠物业费两年，物业公司申请调解。",
        organisation="朝阳区人民调解委员会",
        mediator_name="王调解",
        parties=[
            services.PartyInput("p1", "安居物业服务有限公司", "applicant", kind="organisation"),
            services.PartyInput("p2", "王五", "respondent", phone="13700137000"),
        ],
    )
    session.record(prepared.statement, also=lambda s: private.save(s, prepared.private_rows))
    return signing, draft


def grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(path)), path


def render_screenshots(qtbot, world: World, case_id: str, folder: Path, pdf: Path) -> None:
    """The mediator's desk in Chinese: case list, new-case dialog, agreement with signatures,
    performance with the enforcement filing, timeline; and page 1 of the agreement PDF."""
    from ui.fonts import load_bundled_fonts
    from ui.i18n import Translations

    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("pdftoppm"):
        target = folder / "agreement-pdf-1"
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), target],
            check=True,
        )
    load_bundled_fonts()
    app = QApplication.instance()
    language = os.environ.get("JCDESK_SCREENSHOTS_LANG", "zh_CN")
    translations = Translations(app)
    translations.install(language)
    ours = chinese_translator(world.tmp) if language == "zh_CN" else None
    if ours is not None:
        app.installTranslator(ours)
    try:
        mediator = world.desks["mediator"]
        later, world.clock.moment = world.clock.moment, T0 + timedelta(minutes=100)
        signing_id, draft_id = more_cases(world)  # opened before the deadline passed
        lender = world.desks["lender"]
        qtbot.waitUntil(lambda: case_status(lender, signing_id) == "signing", timeout=LONG)
        own = lender.session  # the applicant signs the car sale agreement on their own desk
        own.record(services.sign_agreement(own, services.load(own.store, signing_id), signing_id))
        # the node refuses a statement more than 24 h behind its clock: the lender's signature
        # reaches it before the shared clock jumps ahead to the deadline
        qtbot.waitUntil(lambda: outbox_confirmed(lender), timeout=LONG)
        qtbot.waitUntil(lambda: outbox_confirmed(mediator), timeout=LONG)
        world.clock.moment = later
        page = mediator.page
        page.resize(1280, 800)
        page.show_list()
        qtbot.wait(200)
        grab(page, folder / "mediation-case-list.png")
        click(qtbot, page.case_list.new_button)
        dialog = page.new_case_dialog
        dialog.dispute_type.setEditText("民间借贷纠纷")
        dialog.summary.setPlainText("张三借给李四三万元，约定半年归还，至今未还。")
        for name, role, number, address, phone in (
            ("张三", "applicant", "110101199001011234", "北京市朝阳区幸福路3号", "13700137000"),
            ("李四", "respondent", "110105198807152345", "北京市海淀区学院路2号", "13900139000"),
        ):
            click(qtbot, dialog.add_button)
            party = dialog.party_dialog
            party.name.setText(name)
            party.set_choice(party.role, role)
            type_into(qtbot, party.id_number, number)
            party.address.setText(address)
            party.phone.setText(phone)
            assert party.key.choose_name(name)
            qtbot.wait(100)
            if name == "张三":
                grab(party, folder / "mediation-new-party.png")
            click_ok(qtbot, party)
        grab(dialog, folder / "mediation-new-case.png")
        dialog.reject()
        page.open_case(case_id)
        wait_reads(qtbot)
        case_page = page.case_page
        for tab, name in (
            (case_page.agreement_tab, "mediation-agreement.png"),
            (case_page.sessions_tab, "mediation-session.png"),
            (case_page.performance_tab, "mediation-performance.png"),
            (case_page.documents_tab, "mediation-documents.png"),
            (case_page.timeline_tab, "mediation-timeline.png"),
        ):
            case_page.tabs.setCurrentWidget(tab)
            page.refresh()
            wait_reads(qtbot)
            qtbot.wait(200)
            grab(page, folder / name)
        page.open_case(signing_id)
        wait_reads(qtbot)
        signing = page.case_page.agreement_tab
        page.case_page.tabs.setCurrentWidget(signing)
        qtbot.waitUntil(
            lambda: any(r.signed_at and r.chain for r in signing.signatures.rows), timeout=LONG
        )
        qtbot.wait(200)
        grab(page, folder / "mediation-signing.png")
        page.open_case(draft_id)
        wait_reads(qtbot)
        draft = page.case_page.agreement_tab
        page.case_page.tabs.setCurrentWidget(draft)
        draft.facts.setPlainText("业主王五拖欠2024年至2025年物业费共计7,200元。")
        draft.terms.setPlainText("王五分两期向物业公司支付物业费，双方确认车位所有权归王五。")
        draft.matters["property_title"].setChecked(True)
        qtbot.wait(200)
        grab(page, folder / "mediation-agreement-draft.png")
    finally:
        if ours is not None:
            app.removeTranslator(ours)
        translations.remove()
        translations.setParent(None)
