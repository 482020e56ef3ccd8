"""One bankruptcy case: a header (court, debtor, administrator, the filing period and the first
meeting, who you are in it), the claim tables and the selected claim's detail.

What you see follows who you are in the case (the keys of its acceptance):

- the administrator: the review queue (claims awaiting review first, then disputed ones), the
  whole claim table, Review… and Publish the claim table…;
- a creditor: my claims (Declare a claim…, Amend…), the whole claim table, Object…;
- anyone else (the judge, the debtor): the whole claim table.

Every button opens a dialog that runs the node's rule before signing (``ui.bankruptcy.dialogs``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.read import bankruptcy as read
from desk.read.bankruptcy import QUEUE, CaseLine, ClaimFilter
from desk.session import DeskSession
from ui.bankruptcy.claim_table import ClaimTable
from ui.bankruptcy.detail import ClaimDetailPanel
from ui.bankruptcy.dialogs import (
    DeclarationDialog,
    ObjectionDialog,
    PublishDialog,
    ReviewDialog,
    SigningDialog,
)
from ui.casework.widgets import push_button


class BankruptcyCaseView(QWidget):
    back_requested = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bankruptcyCase")
        self.session = session
        self.case: CaseLine | None = None
        self.dialog: SigningDialog | None = None
        self.back_button = push_button(self, self.back_requested, "backToCases")
        self.title = QLabel(self)
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("caseSubtitle")
        self.subtitle.setWordWrap(True)
        self.declare_button = push_button(self, self.declare, "declareClaim")
        self.amend_button = push_button(self, self.amend, "amendClaim")
        self.object_button = push_button(self, self.object_to_row, "objectToRow")
        self.review_button = push_button(self, self.review, "reviewClaim")
        self.publish_button = push_button(self, self.publish, "publishTable")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("claimTabs")
        self.queue = ClaimTable(session.store, "reviewQueue", self)
        self.mine = ClaimTable(session.store, "myClaims", self)
        self.table = ClaimTable(session.store, "wholeTable", self)
        self.detail = ClaimDetailPanel(session, self)
        # the table above and the claim's history below: both get the window's whole width
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        actions = QHBoxLayout()
        for button in (
            self.declare_button,
            self.amend_button,
            self.object_button,
            self.review_button,
            self.publish_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        for table in (self.queue, self.mine, self.table):
            table.current_changed.connect(self._on_claim)
            table.activated.connect(self._on_activated)
        self.tabs.currentChanged.connect(self._on_tab)
        self.retranslate_ui()

    # -- who I am in the case -----------------------------------------------------------

    @property
    def me(self) -> str:
        return self.session.key.vkey

    @property
    def is_administrator(self) -> bool:
        return self.case is not None and self.me == self.case.administrator

    @property
    def is_court(self) -> bool:
        return self.case is not None and self.me == self.case.judge

    @property
    def is_creditor(self) -> bool:
        """Anyone but the court and the administrator declares as a creditor: the rule
        refuses a key the administrator did not invite, in words."""
        return self.case is not None and not (self.is_administrator or self.is_court)

    # -- words ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("← Cases"))
        self.declare_button.setText(self.tr("Declare a claim…"))
        self.amend_button.setText(self.tr("Amend…"))
        self.object_button.setText(self.tr("Object…"))
        self.review_button.setText(self.tr("Review…"))
        self.publish_button.setText(self.tr("Publish the claim table…"))
        self._show_header()
        self._retitle_tabs()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _retitle_tabs(self) -> None:
        names = {
            self.queue: self.tr("Review queue"),
            self.mine: self.tr("My claims"),
            self.table: self.tr("Claim table"),
        }
        for number in range(self.tabs.count()):
            widget = self.tabs.widget(number)
            self.tabs.setTabText(number, names.get(widget, ""))  # type: ignore[call-overload]

    def _show_header(self) -> None:
        case = self.case
        if case is None:
            self.title.setText("")
            self.subtitle.setText("")
            return
        self.title.setText(
            self.tr("{debtor} · {number}").format(debtor=case.debtor_name, number=case.case_number)
        )
        if self.is_administrator:
            me = self.tr("You are the administrator.")
        elif self.is_court:
            me = self.tr("You are the court.")
        else:
            me = self.tr("You take part as a creditor.")
        table = (
            self.tr("Claim table version {n} published.").format(n=case.table_version)
            if case.table_version
            else self.tr("No claim table published yet.")
        )
        self.subtitle.setText(
            self.tr(
                "{court}; administrator {administrator}. Accepted {accepted}; claims are "
                "declared until {ends} (Art. 45, 56: later ones are accepted and flagged "
                "late); first creditors' meeting {meeting} (Art. 62). {claims} claims. "
                "{table} {me}"
            ).format(
                court=case.court,
                administrator=case.administrator_name,
                accepted=case.accepted_on,
                ends=case.filing_ends_on,
                meeting=case.first_meeting_on,
                claims=case.claims,
                table=table,
                me=me,
            )
        )

    # -- showing a case -------------------------------------------------------------------

    def set_case(self, case_id: str) -> None:
        self.case = read.case(self.session.store, case_id)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        if self.is_administrator:
            self.tabs.addTab(self.queue, "")
            self.queue.set_case(case_id, ClaimFilter(sort=QUEUE))
        elif self.is_creditor:
            self.tabs.addTab(self.mine, "")
            self.mine.set_case(case_id, ClaimFilter(creditor=self.me))
        self.tabs.addTab(self.table, "")
        self.table.set_case(case_id, ClaimFilter())
        for table in (self.queue, self.mine, self.table):
            if self.tabs.indexOf(table) < 0:
                table.hide()  # a table of another role: not drawn loose over the header
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self._retitle_tabs()
        self._show_header()
        self.detail.show_claim(case_id, "")
        self._update_buttons()

    def refresh(self) -> None:
        """The case changed: its header, every table's ids, the claim shown."""
        if self.case is None:
            return
        self.case = read.case(self.session.store, self.case.case_id) or self.case
        self._show_header()
        for number in range(self.tabs.count()):
            table = self.tabs.widget(number)
            if isinstance(table, ClaimTable):
                table.refresh()
        self.detail.refresh()
        self._update_buttons()

    @property
    def current_table(self) -> ClaimTable | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ClaimTable) else None

    def current_claim(self) -> str:
        table = self.current_table
        return table.current_claim() if table is not None else ""

    @Slot(int)
    def _on_tab(self, _number: int) -> None:
        self._on_claim(self.current_claim())

    @Slot(str)
    def _on_claim(self, claim_id: str) -> None:
        if self.case is not None and self.sender() in (None, self.current_table, self.tabs):
            self.detail.show_claim(self.case.case_id, claim_id)
        self._update_buttons()

    @Slot(str)
    def _on_activated(self, _claim_id: str) -> None:
        if self.is_administrator:
            self.review()
        elif self.is_creditor and self.current_table is self.mine:
            self.amend()

    def _selected_line(self) -> read.ClaimLine | None:
        table, claim = self.current_table, self.current_claim()
        if table is None or not claim or self.case is None:
            return None
        return read.claim_lines(self.session.store, self.case.case_id, [claim]).get(claim)

    def _update_buttons(self) -> None:
        line = self._selected_line()
        mine = line is not None and line.creditor == self.me
        self.declare_button.setVisible(self.is_creditor)
        self.amend_button.setVisible(self.is_creditor)
        self.amend_button.setEnabled(mine and line is not None and line.status != "court_confirmed")
        self.object_button.setVisible(self.is_creditor)
        self.object_button.setEnabled(
            line is not None
            and line.review_version > 0
            and bool(self.case and self.case.table_version)
        )
        self.review_button.setVisible(self.is_administrator)
        self.review_button.setEnabled(line is not None and line.status != "court_confirmed")
        self.publish_button.setVisible(self.is_administrator)

    # -- signing --------------------------------------------------------------------------

    def _open(self, dialog: SigningDialog) -> None:
        self.dialog = dialog
        dialog.signed.connect(self._on_signed)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    @Slot(int)
    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            if isinstance(dialog, DeclarationDialog):
                dialog.evidence.cancel()
            dialog.deleteLater()

    def cancel_work(self) -> None:
        """Stop background work: an open declaration's hashing."""
        if isinstance(self.dialog, DeclarationDialog):
            self.dialog.evidence.cancel()

    @Slot(str)
    def _on_signed(self, claim_id: str) -> None:
        """Signed and appended (pending): show it at once, and select the claim."""
        self.refresh()
        table = self.current_table
        if table is not None and claim_id:
            table.select_claim(claim_id)

    @Slot()
    def declare(self) -> None:
        if self.case is not None and self.dialog is None:
            self._open(DeclarationDialog(self.session, self.case, self))

    @Slot()
    def amend(self) -> None:
        claim = self.current_claim()
        if self.case is None or not claim or self.dialog is not None:
            return
        detail = read.claim_detail(self.session.store, self.case.case_id, claim)
        if detail is not None:
            self._open(DeclarationDialog(self.session, self.case, self, amend=detail))

    @Slot()
    def review(self) -> None:
        claim = self.current_claim()
        if self.case is None or not claim or self.dialog is not None:
            return
        detail = read.claim_detail(self.session.store, self.case.case_id, claim)
        if detail is not None:
            self._open(ReviewDialog(self.session, self.case, detail, self))

    @Slot()
    def object_to_row(self) -> None:
        claim = self.current_claim()
        if self.case is not None and claim and self.dialog is None:
            self._open(ObjectionDialog(self.session, self.case, claim, self))

    @Slot()
    def publish(self) -> None:
        if self.case is not None and self.dialog is None:
            self._open(PublishDialog(self.session, self.case, self))
