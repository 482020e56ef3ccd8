"""The mediation widgets on a real profile store, signing locally (no node needed: entries stay
*pending* in the outbox, exactly as on a desktop that is offline).

Money typed in yuan becomes integer fen and nothing else; the completeness panel lists what
People's Mediation Law Art. 29 still asks for, with its articles, and keeps "Propose" disabled;
the case list filters by text and status; the timeline tells each entry's chain status in
words; a rule's refusal is shown in words, never a traceback, and nothing is stored.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import func, select, update

from casework import private
from casework.days import covered_years
from desk.network import NetworkThread
from desk.session import DeskSession
from ledger.clock import FixedClock, format_time
from ledger.contract import ContractViolation
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.store.models import ChainPin, LogEntry, OutboxItem, Receipt
from mediation import services
from mediation import types as t
from mediation.case import instalments
from tests.ui.conftest import type_into, wait_reads
from ui.casework.models import RAW
from ui.casework.money import MAX_FEN, MoneyError, Problem, format_yuan, parse_yuan
from ui.casework.signing import PartyKeyDialog
from ui.casework.widgets import EvidenceList, MoneyEdit
from ui.mediation import MediationPage
from ui.mediation.agreement_tab import AgreementTab
from ui.mediation.common import load_case, show_mediation_error
from ui.mediation.models import CaseListModel, TimelineModel
from ui.mediation.obligation_dialog import ObligationDialog

pytestmark = pytest.mark.usefixtures("source_language")

T0 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
ORIGIN = "court.example/log"
OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


# -- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("60,000.50", 6_000_050),
        ("60000.5", 6_000_050),
        ("60000", 6_000_000),
        ("0.01", 1),
        ("0", 0),
        ("1.", 100),
        (" ¥1,234,567.89 元 ", 123_456_789),
        ("RMB 12.30", 1_230),
        ("６０，０００．５０", 6_000_050),  # full-width digits and punctuation (NFKC)
        ("90071992547409.91", MAX_FEN),
    ],
)
def test_yuan_text_becomes_exact_fen(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen
    assert isinstance(parse_yuan(text), int)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", Problem.EMPTY),
        ("元", Problem.EMPTY),
        ("abc", Problem.GARBAGE),
        ("1e5", Problem.GARBAGE),
        ("NaN", Problem.GARBAGE),
        ("inf", Problem.GARBAGE),
        ("1.2.3", Problem.GARBAGE),
        ("+5", Problem.GARBAGE),
        ("0x10", Problem.GARBAGE),
        ("-5", Problem.NEGATIVE),
        ("1.234", Problem.PRECISION),
        ("0.001", Problem.PRECISION),
        ("1,23", Problem.GROUPING),
        ("12,3456.00", Problem.GROUPING),
        ("90071992547409.92", Problem.TOO_LARGE),
        (0.1, Problem.NOT_TEXT),  # a float is refused, never rounded
        (60000.5, Problem.NOT_TEXT),
        (600, Problem.NOT_TEXT),
    ],
)
def test_yuan_refuses_floats_and_garbage(value: object, problem: Problem) -> None:
    with pytest.raises(MoneyError) as caught:
        parse_yuan(value)  # type: ignore[arg-type]
    assert caught.value.problem is problem


def test_positive_amounts_refuse_zero_and_format_round_trips() -> None:
    with pytest.raises(MoneyError) as caught:
        parse_yuan("0.00", positive=True)
    assert caught.value.problem is Problem.ZERO
    for fen in (0, 1, 99, 100, 6_000_050, 123_456_789, MAX_FEN):
        assert parse_yuan(format_yuan(fen)) == fen
    assert format_yuan(6_000_050) == "60,000.50"
    with pytest.raises(TypeError):
        format_yuan(1.5)  # type: ignore[arg-type]


def test_money_edit_says_why_and_gives_fen_or_none(qtbot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    edit.show()
    type_into(qtbot, edit.edit, "60,000.50")
    assert edit.fen() == 6_000_050 and not edit.problem_label.isVisible()
    assert not edit.reading_label.isVisible()
    type_into(qtbot, edit.edit, "1.234")
    assert edit.fen() is None
    assert edit.problem_label.isVisible() and "two decimals" in edit.problem_label.text()
    type_into(qtbot, edit.edit, "")
    assert edit.text() == "" and edit.fen() is None and not edit.problem_label.isVisible()


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("12.345", "At most two decimals"),
        ("-1", "cannot be negative"),
        ("1e3", "Write the amount in yuan with digits"),
        ("0", "more than zero"),
        ("1,0000", "every three digits"),
    ],
)
def test_a_typed_malformed_amount_is_refused_in_words(qtbot, typed: str, words: str) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    edit.show()
    edits: list[str] = []  # the lambda holds no widget: PySide6 may crash collecting a cycle
    edit.edit.textEdited.connect(edits.append)
    type_into(qtbot, edit.edit, typed)
    assert edits[-len(typed) :] == [typed[: n + 1] for n in range(len(typed))]  # key by key
    assert edit.text() == typed  # what was typed stays, to be corrected, not replaced
    assert edit.fen() is None
    assert edit.problem_label.isVisible() and words in edit.problem_label.text()
    type_into(qtbot, edit.edit, "12.34")  # corrected: the refusal goes away
    assert edit.fen() == 1_234 and not edit.problem_label.isVisible()


def test_full_width_digits_are_read_and_the_reading_is_shown(qtbot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    edit.show()
    type_into(qtbot, edit.edit, "１２３")  # a Chinese IME in full-width mode
    assert edit.text() == "１２３" and edit.fen() == 12_300
    assert not edit.problem_label.isVisible()
    assert edit.reading_label.isVisible() and edit.reading_label.text() == "Read as 123.00 yuan."
    type_into(qtbot, edit.edit, "１２．３４５")
    assert edit.fen() is None and "two decimals" in edit.problem_label.text()
    assert not edit.reading_label.isVisible()


# -- a desk that signs locally ----------------------------------------------------------------


@dataclass
class LocalDesk:
    session: DeskSession
    clock: FixedClock
    lender: SigningKey
    borrower: SigningKey
    tmp: Path

    def open_case(
        self, case_id: str, names: tuple[str, str] = ("张三", "李四"), summary: str = "借款"
    ) -> None:
        prepared = services.open_case(
            self.session,
            case_id=case_id,
            dispute_type="民间借贷纠纷",
            summary=summary,
            organisation="朝阳区人民调解委员会",
            mediator_name="王调解",
            parties=[
                services.PartyInput("p1", names[0], "applicant", key=self.lender.vkey),
                services.PartyInput(
                    "p2", names[1], "respondent", key=self.borrower.vkey, phone="13900139000"
                ),
            ],
        )
        self.session.record(
            prepared.statement, also=lambda s: private.save(s, prepared.private_rows)
        )
        self.clock.advance(timedelta(minutes=1))

    def record(self, build) -> None:
        past = services.load(self.session.store, "MED-1")
        self.session.record(build(past))
        self.clock.advance(timedelta(minutes=1))


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalDesk]:
    monkeypatch.delenv("JCDESK_DATABASE_URL", raising=False)
    profile = Profile.named("mediator", tmp_path / "home")
    profile.save_settings(Settings(display_name="王调解", role="mediator"))
    clock = FixedClock(T0)
    network = NetworkThread()  # never started: this desk is offline, entries stay pending
    session = DeskSession.open(
        profile, SigningKey.generate(), network, "ws://127.0.0.1:9", clock=clock
    )
    with session.store.transaction() as s:
        s.add(
            ChainPin(
                origin=ORIGIN,
                log_vkey="",
                witness_vkeys="",
                node_vkey="",
                pinned_at=format_time(T0),
                pinned_how="configured",
                next_index=0,
            )
        )
    yield LocalDesk(session, clock, SigningKey.generate(), SigningKey.generate(), tmp_path)
    QThreadPool.globalInstance().waitForDone(10_000)
    session.close()


def content(**overrides):
    value = {
        "parties": ["p1", "p2"],
        "facts": "李四向张三借款六万元。",
        "disputes": "还款期限。",
        "responsibilities": "李四应还款。",
        "terms": "李四年底前还清。",
        "obligations": [
            {
                "id": "o1",
                "obligor": "p2",
                "obligee": "p1",
                "amount_fen": 6_000_000,
                "manner": "银行转账",
                "deadline": "2026-12-31",
                "grace_days": 3,
            }
        ],
        "enforcement_consent": True,
    }
    value.update(overrides)
    return value


# -- the completeness panel ---------------------------------------------------------------------


def test_completeness_panel_lists_articles_and_gates_propose(qtbot, desk: LocalDesk) -> None:
    desk.open_case("MED-1")
    tab = AgreementTab(desk.session)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_case(load_case(desk.session.store, "MED-1", desk.session.key.vkey))
    assert not tab.propose_button.isEnabled()
    text = tab.missing_label.text()
    for article in ("Art. 29(2)", "Art. 29(3)"):
        assert article in text
    assert len(tab.missing) == 5  # facts, disputes, responsibilities, terms, obligations
    tab.facts.setPlainText("李四向张三借款六万元。")
    tab.disputes.setPlainText("还款期限。")
    tab.responsibilities.setPlainText("李四应还款。")
    tab.terms.setPlainText("李四年底前还清。")
    assert [m for m in tab.missing if "29(3)" in m] and not tab.propose_button.isEnabled()

    tab.add_obligation()
    dialog = tab.obligation_dialog
    assert isinstance(dialog, ObligationDialog)
    type_into(qtbot, dialog.amount.edit, "60,000.00")
    dialog.in_instalments.setChecked(True)
    assert not dialog.buttons.button(OK).isEnabled()  # instalments missing
    for amount, day in (("20,000", QDate(2026, 12, 31)), ("30,000.00", QDate(2027, 3, 31))):
        type_into(qtbot, dialog.part_amount.edit, amount)
        dialog.part_deadline.setDate(day)
        dialog.add_instalment()
    assert "50,000.00" in dialog.problem.text()  # add up to 50,000, not 60,000
    assert not dialog.buttons.button(OK).isEnabled()
    type_into(qtbot, dialog.part_amount.edit, "10,000")
    dialog.part_deadline.setDate(QDate(2027, 6, 30))
    dialog.add_instalment()
    assert dialog.buttons.button(OK).isEnabled()
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert tab.missing == [] and tab.propose_button.isEnabled()
    ob = tab.content()["obligations"][0]
    assert [p["amount_fen"] for p in ob["instalments"]] == [2_000_000, 3_000_000, 1_000_000]
    assert "deadline" not in ob

    tab.matters["property_title"].setChecked(True)
    assert any("Art. 355(5)" in w for w in tab.warnings)
    assert tab.propose_button.isEnabled()  # a risk warns; it does not stop the parties

    tab.parties_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # only one party left
    assert any("Art. 29(1)" in m for m in tab.missing) and not tab.propose_button.isEnabled()
    tab.parties_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert tab.propose_button.isEnabled()
    tab.propose()
    view = load_case(desk.session.store, "MED-1", desk.session.key.vkey)
    assert view.agreement is not None and view.agreement.latest.number == 1
    assert "Version 1" in tab.version_label.text() and not tab.propose_button.isEnabled()

    tab.terms.setPlainText("李四分三期还清。")  # a change makes the next version
    assert tab.propose_button.isEnabled() and "version 2" in tab.propose_button.text()
    assert "no longer count" in tab.propose_note.text()


def test_a_party_without_a_key_keeps_propose_disabled(qtbot, desk: LocalDesk) -> None:
    desk.open_case("MED-1")
    desk.record(
        lambda past: (
            services.add_party(
                desk.session, past, "MED-1", services.PartyInput("p3", "王五", "third_party")
            ).statement
        )
    )
    tab = AgreementTab(desk.session)
    qtbot.addWidget(tab)
    tab.show_case(load_case(desk.session.store, "MED-1", desk.session.key.vkey))
    tab.load_content(content(parties=["p1", "p2", "p3"]))
    tab.dirty = True
    tab.check()
    assert tab.missing and "王五" in tab.missing[-1] and "Art. 19" in tab.missing[-1]
    assert not tab.propose_button.isEnabled()


# -- errors in words --------------------------------------------------------------------------


def test_a_refusal_is_shown_in_words_and_nothing_is_stored(qtbot, desk: LocalDesk) -> None:
    desk.open_case("MED-1")
    tab = AgreementTab(desk.session)
    qtbot.addWidget(tab)
    tab.show_case(load_case(desk.session.store, "MED-1", desk.session.key.vkey))
    with desk.session.store.session() as s:
        before = s.scalar(select(func.count()).select_from(LogEntry))
    # the lender tries to disclose a conflict, a mediator's act: the rule says no
    entry = tab.sign(
        lambda past: services.checked(
            past,
            desk.session.statement(
                t.DISCLOSURE, "MED-1", {"conflict": False, "text": "x"}, actor=desk.lender
            ),
        ),
        key=desk.lender,
    )
    assert entry is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    box = next(b for b in boxes if b.objectName() == "errorDialog" and b.isVisible())
    assert "Only the case's mediator may do this" in box.text() and "Art. 27" in box.text()
    assert box.detailedText() == ""  # no traceback
    box.close()
    with desk.session.store.session() as s:
        assert s.scalar(select(func.count()).select_from(LogEntry)) == before


def test_mediation_templates_are_translated_in_their_own_context(qtbot) -> None:
    violation = ContractViolation("The next version of this agreement is {n}.", n=3)
    box = show_mediation_error(None, violation)
    qtbot.addWidget(box)
    assert box.text() == "The next version of this agreement is 3."
    assert box.detailedText() == ""


# -- the party's own key ----------------------------------------------------------------------


def test_party_key_dialog_takes_only_an_expected_key(qtbot, tmp_path: Path) -> None:
    party, stranger = SigningKey.generate(), SigningKey.generate()
    party.save(tmp_path / "party.key", "口令 of the party")
    stranger.save(tmp_path / "stranger.key", "口令 of the party")
    dialog = PartyKeyDialog({party.vkey: "李四"}, "Sign version 1")
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.buttons.button(OK).isEnabled()
    dialog.path.setText(str(tmp_path / "stranger.key"))
    dialog.passphrase.setText("口令 of the party")
    dialog.unlock()
    assert dialog.isVisible() and "not one of the keys" in dialog.error_label.text()
    assert dialog.passphrase.text() == ""  # a typed passphrase is not kept
    dialog.path.setText(str(tmp_path / "party.key"))
    dialog.passphrase.setText("wrong")
    dialog.unlock()
    assert "Wrong passphrase" in dialog.error_label.text()
    dialog.passphrase.setText("口令 of the party")
    dialog.unlock()
    assert not dialog.isVisible()
    key = dialog.take_key()
    assert key is not None and key.vkey == party.vkey and dialog.take_key() is None


# -- the case list ----------------------------------------------------------------------------


def test_case_list_filters_by_text_and_status(qtbot, desk: LocalDesk) -> None:
    desk.open_case("MED-1", ("张三", "李四"), "借款六万元")
    desk.open_case("MED-2", ("赵六", "钱七"), "邻里漏水")
    desk.open_case("MED-3", ("孙八", "李四"), "货款纠纷")
    past = services.load(desk.session.store, "MED-2")
    desk.session.record(services.propose_agreement(desk.session, past, "MED-2", content()))
    page = MediationPage(desk.session)
    qtbot.addWidget(page)
    page.show()
    cases = page.case_list
    assert cases.case_ids() == ["MED-2", "MED-3", "MED-1"]  # most recent change first
    statuses = {
        cases.model.index(r, CaseListModel.CASE).data(): cases.model.index(
            r, CaseListModel.STATUS
        ).data()
        for r in range(cases.model.rowCount())
    }
    assert statuses == {"MED-1": "In mediation", "MED-2": "Signing", "MED-3": "In mediation"}
    assert cases.model.index(2, CaseListModel.PARTIES).data() == "张三, 李四"

    def search(text: str, status: str = "") -> list[str]:
        cases.search.setText(text)
        cases.status.setCurrentIndex(cases.status.findData(status))
        cases.apply_filter()
        return cases.case_ids()

    assert search("李四") == ["MED-3", "MED-1"]  # a party's name
    assert search("med-2") == ["MED-2"]  # the case id, any case
    assert search("漏水") == ["MED-2"]  # the summary
    assert search("", "signing") == ["MED-2"]
    assert search("李四", "signing") == []
    assert cases.empty.isVisible() and "No case matches" in cases.empty.text()
    assert search("100%") == []  # LIKE wildcards are taken literally
    assert search("") == ["MED-2", "MED-3", "MED-1"]
    local = cases.model.index(0, CaseListModel.UPDATED).data()
    proposed = T0 + timedelta(minutes=3)  # the proposal, MED-2's last change
    assert local == proposed.astimezone().strftime("%Y-%m-%d %H:%M:%S")

    cases.view.selectRow(0)
    cases.open_selected()
    wait_reads(qtbot)
    assert page.stack.currentWidget() is page.case_page and page.case_page.case_id == "MED-2"
    assert page.case_page.status.text() == "Signing"


# -- the timeline -----------------------------------------------------------------------------


def test_timeline_tells_the_chain_status_of_each_entry(qtbot, desk: LocalDesk) -> None:
    desk.open_case("MED-1")
    for text in ("first", "second", "third"):
        desk.record(
            lambda past, text=text: services.disclose(desk.session, past, "MED-1", False, text)
        )
    with desk.session.store.transaction() as s:
        leaves = list(s.scalars(select(LogEntry.leaf_hash).order_by(LogEntry.seq)))
        s.execute(
            update(OutboxItem)
            .where(OutboxItem.leaf_hash == leaves[1])
            .values(state="submitted", chain_index=7)
        )
        s.execute(
            update(OutboxItem)
            .where(OutboxItem.leaf_hash == leaves[2])
            .values(state="confirmed", chain_index=8)
        )
        s.add(
            Receipt(
                leaf_hash=leaves[2],
                chain_index=8,
                checkpoint_size=9,
                on_chain_time=format_time(T0 + timedelta(minutes=5)),
                receipt="(receipt)",
            )
        )
        s.execute(
            update(OutboxItem)
            .where(OutboxItem.leaf_hash == leaves[3])
            .values(state="rejected", reason="signer not enrolled")
        )
    page = MediationPage(desk.session)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    model = page.case_page.timeline_tab.model
    assert model.rowCount() == 3  # the entry the node rejected counts nowhere (Chain page only)
    cells = [
        [model.index(r, c).data() for c in range(TimelineModel.COLUMNS)]
        for r in range(model.rowCount())
    ]
    states = [model.index(r, TimelineModel.CHAIN).data(RAW) for r in range(model.rowCount())]
    assert states == ["pending", "submitted", "confirmed"]
    assert cells[0][2] == "Case opened" and cells[1][2] == "Conflict-of-interest disclosure"
    assert cells[0][1] == "王调解 (Mediator)"
    assert cells[1][3] == "submitted (index 7)"
    on_chain = (T0 + timedelta(minutes=5)).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert cells[2][3] == f"confirmed (on chain {on_chain})"
    assert cells[0][0] == T0.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # local time
    assert not any("saved" in row[3] for row in cells)


# -- performance statuses and evidence hashing ------------------------------------------------


def test_instalment_status_follows_the_clock(desk: LocalDesk) -> None:
    desk.open_case("MED-1")
    session = desk.session
    desk.record(lambda past: services.propose_agreement(session, past, "MED-1", content()))
    for key in (desk.lender, desk.borrower, session.key):
        past = services.load(session.store, "MED-1")
        statement = services.sign_agreement(session, past, "MED-1", actor=key)
        session.record(statement, key=key)
    view = load_case(session.store, "MED-1", session.key.vkey)
    assert view.agreement.effective is not None

    def status(moment: datetime) -> str:
        return instalments(view.state, moment)[0].status

    end_of_day = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)  # midnight in Beijing
    assert status(end_of_day - timedelta(seconds=1)) == "due"
    assert status(end_of_day) == "grace"
    assert status(end_of_day + timedelta(days=3) - timedelta(seconds=1)) == "grace"
    assert status(end_of_day + timedelta(days=3)) == "default"


def test_evidence_is_hashed_in_the_background_and_can_be_cancelled(qtbot, tmp_path: Path) -> None:
    files = EvidenceList()
    qtbot.addWidget(files)
    files.show()
    small = tmp_path / "收据.pdf"
    small.write_bytes(b"%PDF receipt " + os.urandom(1000))
    with qtbot.waitSignal(files.idle, timeout=10_000):
        files.add_file(small)
    [only] = files.documents()
    assert only == {
        "name": "收据.pdf",
        "sha256": hashlib.sha256(small.read_bytes()).hexdigest(),
        "size": small.stat().st_size,
    }
    big = tmp_path / "video.mp4"
    with big.open("wb") as out:
        out.truncate(4 << 30)  # 4 GiB, sparse
    with qtbot.waitSignal(files.idle, timeout=30_000):
        files.add_file(big)
        qtbot.waitUntil(lambda: files.progress.isVisible())
        files.progress.cancel()
    assert len(files.documents()) == 1 and not files.busy


# -- performance and documents on the obligee's desk ----------------------------------------


def effective_case(desk: LocalDesk, **overrides) -> None:
    """MED-1 with an agreement every party and the mediator signed (locally)."""
    desk.open_case("MED-1")
    session = desk.session
    desk.record(
        lambda past: services.propose_agreement(session, past, "MED-1", content(**overrides))
    )
    for key in (desk.lender, desk.borrower, session.key):
        past = services.load(session.store, "MED-1")
        session.record(services.sign_agreement(session, past, "MED-1", actor=key), key=key)


def as_party(desk: LocalDesk, key: SigningKey) -> DeskSession:
    """The same store seen by a party's key (as if the party's own desk held these entries)."""
    s = desk.session
    return DeskSession(s.profile, s.settings, key, s.store, s.network, s.client, s.clock, s.writer)


def test_obligee_confirms_a_payment_and_applies_for_enforcement(qtbot, desk: LocalDesk) -> None:
    effective_case(desk, enforcement_consent=False)
    lender = as_party(desk, desk.lender)
    page = MediationPage(lender)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    tab = page.case_page.performance_tab
    page.case_page.tabs.setCurrentWidget(tab)
    assert [r.status for r in tab.instalments.rows] == ["due"]
    assert tab.confirm_button.isVisible() and not tab.report_button.isVisible()
    assert tab.apply_button.isVisible() and not tab.apply_button.isEnabled()

    tab.confirm_payment()
    dialog = tab.dialog
    assert dialog is not None and dialog.amount.fen() == 6_000_000  # what is still owed
    sign = dialog.buttons.button(OK)
    for typed in ("12.345", "-1", "1e3"):  # refused in words, and nothing can be signed
        type_into(qtbot, dialog.amount.edit, typed)
        assert dialog.amount.problem_label.isVisible() and not sign.isEnabled()
    type_into(qtbot, dialog.amount.edit, "10,000.00")
    assert sign.isEnabled() and not dialog.amount.problem_label.isVisible()
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    [row] = tab.instalments.rows
    assert row.paid_fen == 1_000_000 and row.status == "due"
    assert "payment of 10,000.00 yuan confirmed" in tab.records.index(0, 2).data()

    # the obligor reports a payment with a bank slip; the obligee disputes it
    borrower = MediationPage(as_party(desk, desk.borrower))
    qtbot.addWidget(borrower)
    borrower.show()
    borrower.open_case("MED-1")
    wait_reads(qtbot)
    theirs = borrower.case_page.performance_tab
    borrower.case_page.tabs.setCurrentWidget(theirs)
    assert theirs.report_button.isVisible() and not theirs.confirm_button.isVisible()
    theirs.report_performance()
    report = theirs.dialog
    assert report is not None and report.amount.fen() == 5_000_000
    slip = desk.tmp / "银行回单.pdf"
    slip.write_bytes(b"%PDF slip " + os.urandom(2048))
    with qtbot.waitSignal(report.evidence.idle, timeout=10_000):
        report.evidence.add_file(slip)
    qtbot.mouseClick(report.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    page.refresh()
    wait_reads(qtbot)
    assert tab.dispute_button.isEnabled()
    tab.dispute_performance()
    dispute = tab.dialog
    dispute.reason.setPlainText("未收到该笔转账。")
    qtbot.mouseClick(dispute.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    details = [tab.records.index(r, 3).data() for r in range(tab.records.rowCount())]
    assert any("银行回单.pdf" in d for d in details) and any("未收到" in d for d in details)
    assert [r.paid_fen for r in tab.instalments.rows] == [1_000_000]  # a report is not a payment

    desk.clock.moment = datetime(2026, 12, 31, 16, 0, tzinfo=UTC) + timedelta(days=3, hours=1)
    page.refresh()
    wait_reads(qtbot)
    assert [r.status for r in tab.instalments.rows] == ["default"]
    assert tab.apply_button.isEnabled()
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert [r.status for r in tab.instalments.rows] == ["enforcement"]
    assert "the obligee applied" in tab.enforcement_label.text()
    with desk.session.store.session() as s:
        body = s.scalar(select(LogEntry.entry).where(LogEntry.type == t.ENFORCEMENT_REQUESTED))
    assert '"rule":"obligee-application"' in body

    documents = page.case_page.documents_tab
    page.case_page.tabs.setCurrentWidget(documents)
    path = desk.tmp / "out" / "application.pdf"
    with qtbot.waitSignal(documents.exported, timeout=30_000) as exported:
        documents.save_enforcement_pdf(path)
    assert exported.args[0].leaf is not None and path.read_bytes().startswith(b"%PDF")


def test_judicial_confirmation_shows_the_days_left_and_each_party_applies(
    qtbot, desk: LocalDesk
) -> None:
    effective_case(desk)
    desk.clock.advance(timedelta(days=10))
    lender = as_party(desk, desk.lender)
    page = MediationPage(lender)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    documents = page.case_page.documents_tab
    page.case_page.tabs.setCurrentWidget(documents)
    # 30 days not counting the day of effect, to 24:00 China time (Civil Code Art. 201, 203):
    # ten days on, 20 days and the rest of today are left
    assert "(21 days left)" in documents.deadline_label.text()
    assert "24:00 (UTC+8)" in documents.deadline_label.text()
    assert not documents.apply_button.isEnabled()  # no court named yet
    documents.court.setText("北京市朝阳区人民法院")
    assert documents.apply_button.isEnabled()
    qtbot.mouseClick(documents.apply_button, Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert "张三 applied to 北京市朝阳区人民法院" in documents.applicants_label.text()
    assert "Not yet applied: 李四" in documents.applicants_label.text()
    assert not documents.apply_button.isEnabled()  # once is enough

    desk.clock.advance(timedelta(days=21))
    page.refresh()
    wait_reads(qtbot)
    assert "ended on" in documents.deadline_label.text()


def test_parties_disclosure_acknowledgement_and_closing_through_the_tabs(
    qtbot, desk: LocalDesk
) -> None:
    desk.open_case("MED-1")
    page = MediationPage(desk.session)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    case = page.case_page

    # a third party without a key, then their key (a key once given stays)
    parties = case.parties_tab
    parties.add_party()
    dialog = parties.party_dialog
    assert dialog is not None and dialog.party_id == "p3"
    dialog.name.setText("王五")
    dialog.set_choice(dialog.role, "third_party")
    type_into(qtbot, dialog.id_number, "11010519491231002X")
    dialog.phone.setText("13700137000")
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert case.view.state.parties["p3"].key is None
    assert case.view.state.parties["p3"].id_hash  # the typed number, salted and hashed
    third = SigningKey.generate()
    parties.table.selectRow(2)
    parties.update_party()
    dialog = parties.party_dialog
    assert dialog.phone.text() == "13700137000"  # from this computer's case file
    assert dialog.id_number.text() == "11010519491231002X"
    assert dialog.name.text() == "王五" and dialog.role.currentData() == "third_party"
    assert dialog.key.isEnabled()  # no key yet: one may be given now
    dialog.key.paste.setText(third.vkey)
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert case.view.state.parties["p3"].key == third.vkey
    with desk.session.store.session() as s:
        assert private.load(s, "MED-1")["p3"].phone == "13700137000"

    parties.conflict.setChecked(True)
    parties.disclosure_text.setPlainText("本人与王五系远亲。")
    qtbot.mouseClick(parties.disclose_button, Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert case.view.state.disclosures[-1].body.conflict is True
    assert parties.disclosures.index(0, 1).data() == "yes"

    # a session record, acknowledged at this desk with the party's own key file
    desk.record(
        lambda past: services.record_session(
            desk.session,
            past,
            "MED-1",
            start=T0,
            end=T0 + timedelta(hours=1),
            participants=["mediator", "p1", "p2"],
            notes="",
            statements=[services.SpokenStatement("p1", "同意分期。", True)],
        )
    )
    page.refresh()
    wait_reads(qtbot)
    sessions = case.sessions_tab
    case.tabs.setCurrentWidget(sessions)
    assert "concession" in sessions.details.toPlainText()
    desk.lender.save(desk.tmp / "lender.key", "张三的口令")
    with desk.session.store.session() as s:
        entries = s.scalar(select(func.count()).select_from(LogEntry))
    sessions.acknowledge_at_desk()  # the party changes their mind: Cancel signs nothing
    cancelled = sessions.key_dialog
    assert cancelled is not None and cancelled.isVisible()
    qtbot.mouseClick(cancelled.buttons.button(CANCEL), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert sessions.key_dialog is None and not cancelled.isVisible()
    with desk.session.store.session() as s:
        assert s.scalar(select(func.count()).select_from(LogEntry)) == entries
    assert case.view.state.acknowledgements["S1"] == set()
    sessions.acknowledge_at_desk()
    keys = sessions.key_dialog
    assert keys is not None and desk.lender.vkey in keys.expected
    keys.path.setText(str(desk.tmp / "lender.key"))
    keys.passphrase.setText("张三的口令")
    qtbot.mouseClick(keys.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert case.view.state.acknowledgements["S1"] == {desk.lender.vkey}
    assert "张三" in sessions.model.index(0, 4).data()

    # closing without agreement (PML Art. 26): nothing more can be added
    case.close_case()
    closing = case.close_dialog
    assert closing is not None and not closing.buttons.button(OK).isEnabled()
    closing.reason.setPlainText("被申请人拒绝继续调解。")
    qtbot.mouseClick(closing.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert case.status.text() == "Closed" and not case.close_button.isVisible()
    assert not sessions.record_button.isEnabled()


def test_altered_private_details_are_named_and_the_parties_still_show(
    qtbot, desk: LocalDesk
) -> None:
    desk.open_case("MED-1")
    page = MediationPage(desk.session)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    parties = page.case_page.parties_tab
    contact = parties.model.index(1, parties.model.CONTACT).data()
    assert contact == "13900139000"
    # p2's sealed phone copied into its address column: it does not decrypt there
    table = private._StoredParty.__table__
    with desk.session.store.transaction() as s:
        phone = s.execute(select(table.c.phone).where(table.c.party_id == "p2")).scalar_one()
        changed = s.execute(update(table).where(table.c.party_id == "p2").values(address=phone))
        assert changed.rowcount == 1
    page.case_page.refresh()
    wait_reads(qtbot)
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    )
    assert "MED-1" in box.text() and "cannot be decrypted" in box.text()
    assert box.detailedText() == ""  # an expected failure: no traceback
    box.close()
    assert parties.model.rowCount() == 2  # the public parts still show, without contacts
    assert parties.model.index(1, parties.model.CONTACT).data() == ""
    page.case_page.refresh()  # shown once, not at every refresh
    wait_reads(qtbot)
    assert not any(
        isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
        for w in QApplication.topLevelWidgets()
    )


def _documents_tab(qtbot, session: DeskSession):
    page = MediationPage(session)
    qtbot.addWidget(page)
    page.show()
    page.open_case("MED-1")
    wait_reads(qtbot)
    page.case_page.tabs.setCurrentWidget(page.case_page.documents_tab)
    return page, page.case_page.documents_tab


def test_confirmation_deadline_moved_off_a_saturday_and_a_late_application_marked(
    qtbot, desk: LocalDesk
) -> None:
    """Civil Code Art. 203, CPL Art. 85: in effect 2026-11-05, the 30th day is Saturday
    2026-12-05, so the last day is Monday 2026-12-07, and the screen says why. After it, an
    application is still sent and marked late (CPL Art. 86: the court decides)."""
    desk.clock.moment = datetime(2026, 11, 5, 1, 0, tzinfo=UTC)
    effective_case(desk)
    page, documents = _documents_tab(qtbot, as_party(desk, desk.lender))
    text = documents.deadline_label.text()
    assert "by 2026-12-07 24:00 (UTC+8)" in text
    assert "The last day, 2026-12-05, is a rest day" in text and "Civil Code Art. 203" in text

    desk.clock.moment = datetime(2026, 12, 8, 2, 0, tzinfo=UTC)  # the day after the last day
    page.refresh()
    wait_reads(qtbot)
    text = documents.deadline_label.text()
    assert "ended on 2026-12-07 24:00 (UTC+8)" in text and "CPL Art. 86" in text
    documents.court.setText("北京市朝阳区人民法院")
    assert documents.apply_button.isEnabled()  # warned, not refused
    qtbot.mouseClick(documents.apply_button, Qt.MouseButton.LeftButton)
    wait_reads(qtbot)
    assert "after the 30 days ended: late" in documents.applicants_label.text()


def test_confirmation_deadline_in_a_year_the_holiday_calendar_does_not_cover(
    qtbot, desk: LocalDesk
) -> None:
    """Beyond the published holiday schedules only weekends are rest days, and the screen says
    so (Civil Code Art. 203)."""
    year = covered_years().stop + 1
    desk.clock.moment = datetime(year, 3, 2, 1, 0, tzinfo=UTC)
    effective_case(desk)
    _page, documents = _documents_tab(qtbot, as_party(desk, desk.lender))
    text = documents.deadline_label.text()
    assert f"does not cover {year} yet; weekends only" in text
