"""Mediation sessions: the record the mediator keeps (调解笔录, PML Art. 27) and the parties'
acknowledgements of it.

A record names who took part, when it started and ended, the mediator's notes, what each
party said (a statement made as a concession to reach agreement is marked so: online mediation
rules Art. 18, it is left out of every document for the court), and evidence files attached by
their SHA-256 (hashed in the background, with progress and Cancel). Each party acknowledges the
record with their own key, on their own desktop or at the mediator's desk.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.session import DeskSession
from mediation import services
from mediation import types as t
from mediation.bodies import SessionRecorded
from ui.casework.chain import chain_text
from ui.casework.models import DISPLAY, RAW, RowsModel
from ui.casework.widgets import (
    CaseDialog,
    EvidenceList,
    ok_cancel,
    open_dialog,
    push_button,
    selected_row,
    table_view,
)
from ui.mediation.common import CaseView, local_time
from ui.mediation.tab import MediationTab
from ui.tasks import data_size

MEDIATOR = "mediator"  # the participant id of the mediator in a session record


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)


class SpokenModel(RowsModel[services.SpokenStatement]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Party"), self.tr("Statement"), self.tr("Concession (Art. 18)")]

    def cell(self, row: services.SpokenStatement, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == 0:
                return self.names.get(row.party, row.party)
            if column == 1:
                return row.text
            if column == 2:
                return self.tr("concession") if row.concession else ""
        if role == RAW and column == 2:
            return row.concession
        return None


class SessionDialog(CaseDialog):
    """Record one session; the page signs it (``statement_args()``) after accept."""

    def __init__(self, view: CaseView, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.view = view
        state = view.state
        self.participants = QListWidget(self)
        self.participants.setObjectName("participants")
        self.participants.setMaximumHeight(90)
        mediator = QListWidgetItem(state.mediator_name, self.participants)
        mediator.setData(Qt.ItemDataRole.UserRole, MEDIATOR)
        for pid, party in state.parties.items():
            item = QListWidgetItem(party.name, self.participants)
            item.setData(Qt.ItemDataRole.UserRole, pid)
        for number in range(self.participants.count()):
            item = self.participants.item(number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.start = QDateTimeEdit(self)
        self.start.setObjectName("sessionStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.end = QDateTimeEdit(self)
        self.end.setObjectName("sessionEnd")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd HH:mm")
        end = to_qdatetime(now)
        self.end.setDateTime(end)
        self.start.setDateTime(end.addSecs(-3600))
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("sessionNotes")
        self.notes.setFixedHeight(70)

        self.spoken = SpokenModel(self)
        self.spoken.names = {pid: p.name for pid, p in state.parties.items()}
        self.spoken_view = table_view(self, self.spoken, "spokenStatements", stretch=1)
        self.spoken_view.setMinimumHeight(90)
        self.speaker = QComboBox(self)
        self.speaker.setObjectName("speaker")
        for pid, party in state.parties.items():
            self.speaker.addItem(party.name, pid)
        self.said = QLineEdit(self)
        self.said.setObjectName("said")
        self.concession = QCheckBox(self)
        self.concession.setObjectName("concession")
        self.add_said = push_button(self, self.add_statement, "addStatement")
        self.remove_said = push_button(self, self.remove_statement)
        self.concession_note = QLabel(self)
        self.concession_note.setWordWrap(True)
        self.concession_note.setStyleSheet("color: palette(mid);")
        self.evidence = EvidenceList(self)

        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.participants)
        form.addRow(self.labels[1], self.start)
        form.addRow(self.labels[2], self.end)
        form.addRow(self.labels[3], self.notes)
        self.spoken_box = QGroupBox(self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.speaker)
        add_row.addWidget(self.said, 1)
        add_row.addWidget(self.concession)
        add_row.addWidget(self.add_said)
        add_row.addWidget(self.remove_said)
        spoken_layout = QVBoxLayout(self.spoken_box)
        spoken_layout.addWidget(self.spoken_view)
        spoken_layout.addLayout(add_row)
        spoken_layout.addWidget(self.concession_note)
        self.evidence_box = QGroupBox(self)
        QVBoxLayout(self.evidence_box).addWidget(self.evidence)
        self.buttons = ok_cancel(self, self.accept, self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.spoken_box, 1)
        layout.addWidget(self.evidence_box)
        layout.addWidget(self.buttons)
        self.evidence.idle.connect(self._update)
        self.evidence.hashed.connect(self._update)
        self.participants.itemChanged.connect(self._update)
        self.start.dateTimeChanged.connect(self._update)
        self.end.dateTimeChanged.connect(self._update)
        self.retranslate_ui()
        self.resize(760, 720)
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Record a mediation session"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Took part:"),
                self.tr("Started:"),
                self.tr("Ended:"),
                self.tr("Mediator's notes:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.spoken_box.setTitle(self.tr("What each party said"))
        self.said.setPlaceholderText(self.tr("The party's statement, as said"))
        self.concession.setText(self.tr("Concession"))
        self.add_said.setText(self.tr("Add"))
        self.remove_said.setText(self.tr("Remove"))
        self.concession_note.setText(
            self.tr(
                "Concession (Art. 18: left out of documents for the court): a statement a party "
                "made only to reach agreement, which cannot be used against them later."
            )
        )
        self.evidence_box.setTitle(self.tr("Evidence presented (attached by SHA-256)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Sign the session record")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.spoken.retranslate()

    @Slot()
    def add_statement(self) -> None:
        text = self.said.text().strip()
        if not text:
            return
        self.spoken.append(
            services.SpokenStatement(
                str(self.speaker.currentData()), text, self.concession.isChecked()
            )
        )
        self.said.clear()
        self.concession.setChecked(False)

    @Slot()
    def remove_statement(self) -> None:
        row = selected_row(self.spoken_view)
        if row is not None:
            self.spoken.remove(row)

    def chosen(self) -> list[str]:
        found = []
        for number in range(self.participants.count()):
            item = self.participants.item(number)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(Qt.ItemDataRole.UserRole))
        return found

    @Slot()
    @Slot(object)
    @Slot(QListWidgetItem)
    @Slot(QDateTime)
    def _update(self, *_args: object) -> None:
        ready = (
            not self.evidence.busy
            and bool(self.chosen())
            and self.start.dateTime() <= self.end.dateTime()
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    @Slot()
    def _cancel(self) -> None:
        self.evidence.cancel()
        self.reject()

    def statement_args(self) -> dict[str, Any]:
        return {
            "start": from_qdatetime(self.start.dateTime()),
            "end": from_qdatetime(self.end.dateTime()),
            "participants": self.chosen(),
            "notes": self.notes.toPlainText(),
            "statements": list(self.spoken.rows),
            "documents": self.evidence.documents(),
        }


# -- the tab ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    session_id: str
    start: str
    end: str
    participants: tuple[str, ...]
    statements: int
    acknowledged: tuple[str, ...]
    waiting: tuple[str, ...]


class SessionsModel(RowsModel[SessionRow]):
    def headers(self) -> list[str]:
        return [
            self.tr("Session"),
            self.tr("Started"),
            self.tr("Ended"),
            self.tr("Took part"),
            self.tr("Acknowledged by"),
        ]

    def cell(self, row: SessionRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == 0:
                return row.session_id
            if column == 1:
                return local_time(row.start)
            if column == 2:
                return local_time(row.end)
            if column == 3:
                return self.tr(", ").join(row.participants)
            if column == 4:
                return self.tr(", ").join(row.acknowledged) or self.tr("nobody yet")
        if role == RAW:
            return row.session_id if column == 0 else None
        return None


class SessionsTab(MediationTab):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("sessionsTab")
        self.dialog: SessionDialog | None = None
        self.model = SessionsModel(self)
        self.table = table_view(self, self.model, "sessions", stretch=3)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.details = QTextBrowser(self)
        self.details.setObjectName("sessionDetails")
        self.record_button = push_button(self, self.record_session, "recordSession")
        self.ack_button = push_button(self, self.acknowledge, "acknowledge")
        self.ack_at_desk_button = push_button(self, self.acknowledge_at_desk, "acknowledgeAtDesk")
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.ack_at_desk_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.record_button.setText(self.tr("Record a session…"))
        self.ack_button.setText(self.tr("Acknowledge this record"))
        self.ack_at_desk_button.setText(self.tr("A party acknowledges at this desk…"))
        self.model.retranslate()
        self._show_selected()

    def _names(self, ids: list[str]) -> tuple[str, ...]:
        assert self.view is not None
        state = self.view.state
        return tuple(
            state.mediator_name if pid == MEDIATOR else self.view.party_name(pid) for pid in ids
        )

    def update_view(self) -> None:
        view = self.view
        if view is None:
            return
        state = view.state
        rows = []
        for sid, record in state.sessions.items():
            acked = state.acknowledgements.get(sid, set())
            party_keys = [p.key for p in state.parties.values() if p.key]
            rows.append(
                SessionRow(
                    sid,
                    record.body.start,
                    record.body.end,
                    self._names(list(record.body.participants)),
                    len(record.body.said),
                    tuple(view.name_of(a) for a in sorted(acked)),
                    tuple(view.name_of(k) for k in party_keys if k not in acked),
                )
            )
        selected = self.selected_session()
        self.model.set_rows(rows)
        if selected is None and rows:
            self.table.selectRow(len(rows) - 1)
        self.record_button.setVisible(view.is_mediator)
        self.record_button.setEnabled(view.state.closed is None)
        self.ack_at_desk_button.setVisible(view.is_mediator)
        self._show_selected()

    def selected_session(self) -> str | None:
        row = selected_row(self.table)
        if row is None or row >= len(self.model.rows):
            return None
        return self.model.rows[row].session_id

    def _unacknowledged(self, sid: str) -> dict[str, str]:
        return self.others(self.view.state.unacknowledged(sid)) if self.view is not None else {}

    @Slot()
    def _show_selected(self, *_args: object) -> None:
        view = self.view
        sid = self.selected_session()
        if view is None or sid is None:
            self.details.setHtml("<p>{}</p>".format(html.escape(self.tr("No session yet."))))
            self.ack_button.setEnabled(False)
            self.ack_at_desk_button.setEnabled(False)
            return
        state = view.state
        record = state.sessions[sid].body
        acked = state.acknowledgements.get(sid, set())
        me_party = view.my_party is not None
        self.ack_button.setVisible(me_party)
        self.ack_button.setEnabled(me_party and view.me not in acked)
        self.ack_at_desk_button.setEnabled(bool(self._unacknowledged(sid)))
        self.details.setHtml(self._details_html(view, sid, record, acked))

    def _details_html(
        self, view: CaseView, sid: str, record: SessionRecorded, acked: set[str]
    ) -> str:
        esc = html.escape
        parts = [
            "<h3>{}</h3>".format(
                esc(
                    self.tr("Session {id}: {start} to {end}").format(
                        id=sid, start=local_time(record.start), end=local_time(record.end)
                    )
                )
            )
        ]
        if record.notes:
            parts.append("<p><b>{}</b> {}</p>".format(esc(self.tr("Notes:")), esc(record.notes)))
        said = record.said
        if said:
            parts.append("<ul>")
            for item in said:
                line = f"<b>{esc(view.party_name(item.party))}</b>: {esc(item.text)}"
                if item.concession:
                    line += ' <span style="color:#7a4f01">[{}]</span>'.format(
                        esc(self.tr("concession — Art. 18: left out of documents for the court"))
                    )
                parts.append(f"<li>{line}</li>")
            parts.append("</ul>")
        documents = record.files
        if documents:
            parts.append("<p><b>{}</b></p><ul>".format(esc(self.tr("Evidence:"))))
            for doc in documents:
                size = esc(data_size(doc.size))
                parts.append(f"<li>{esc(doc.name)} ({size}) <tt>{esc(doc.sha256)}</tt></li>")
            parts.append("</ul>")
        recorded = next(
            (
                item
                for item in view.of_type(t.SESSION_RECORDED)
                if item.statement.body.get("session_id") == sid
            ),
            None,
        )
        if recorded is not None:
            parts.append(
                "<p>{}</p>".format(
                    esc(
                        self.tr("Signed by the mediator; chain status: {status}").format(
                            status=chain_text(recorded.chain)
                        )
                    )
                )
            )
        ack_lines = []
        for item in view.of_type(t.SESSION_ACKNOWLEDGED):
            if item.statement.body.get("session_id") == sid:
                ack_lines.append(
                    self.tr("{name} acknowledged {time} — {status}").format(
                        name=view.name_of(item.statement.actor),
                        time=local_time(item.statement.time),
                        status=chain_text(item.chain),
                    )
                )
        waiting = [p.name for p in view.state.parties.values() if p.key and p.key not in acked]
        if ack_lines:
            parts.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in ack_lines) + "</ul>")
        if waiting:
            parts.append(
                "<p>{}</p>".format(
                    esc(
                        self.tr("Not yet acknowledged by: {names}").format(
                            names=self.tr(", ").join(waiting)
                        )
                    )
                )
            )
        return "".join(parts)

    # -- actions ---------------------------------------------------------------------------

    @Slot()
    def record_session(self) -> None:
        if self.view is None:
            return
        dialog = SessionDialog(self.view, self.session.clock.now(), self)
        self.dialog = dialog
        open_dialog(dialog, self._on_recorded)

    @Slot()
    def _on_recorded(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, SessionDialog):
            return
        self.dialog = None
        args = dialog.statement_args()
        case_id = self.case_id
        self.sign(lambda past: services.record_session(self.session, past, case_id, **args))

    @Slot()
    def acknowledge(self) -> None:
        sid = self.selected_session()
        if sid is None:
            return
        case_id = self.case_id
        self.sign(lambda past: services.acknowledge_session(self.session, past, case_id, sid))

    @Slot()
    def acknowledge_at_desk(self) -> None:
        sid = self.selected_session()
        if sid is None:
            return
        case_id, session = self.case_id, self.session
        self.sign_at_desk(
            self._unacknowledged(sid),
            self.tr("Acknowledge the record of session {id} of case {case}.").format(
                id=sid, case=case_id
            ),
            lambda past, key: services.acknowledge_session(session, past, case_id, sid, actor=key),
        )
