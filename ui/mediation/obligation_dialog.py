"""One obligation of the agreement (PML Art. 29(3)): who owes whom how much, how and by when.

Amounts are typed in yuan and kept as integer fen; deadlines are calendar dates (an obligation
falls due at the end of that day, China Standard Time, plus the grace days). An obligation may
be paid in instalments, which must add up to the amount.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.casework.models import DISPLAY, RAW, RowsModel
from ui.casework.money import format_yuan
from ui.casework.widgets import (
    ERROR_STYLE,
    CaseDialog,
    MoneyEdit,
    button_texts,
    ok_cancel,
    push_button,
    selected_row,
    table_view,
)


def qdate(text: str | None, fallback: QDate) -> QDate:
    if not text:
        return fallback
    found = QDate.fromString(text, "yyyy-MM-dd")
    return found if found.isValid() else fallback


def iso(day: QDate) -> str:
    return date(day.year(), day.month(), day.day()).isoformat()


class InstalmentsModel(RowsModel[dict[str, Any]]):
    def headers(self) -> list[str]:
        return [self.tr("Instalment"), self.tr("Amount (yuan)"), self.tr("Deadline")]

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == DISPLAY:
            return (row["seq"], format_yuan(row["amount_fen"]), row["deadline"])[column]
        if role == RAW:
            return (row["seq"], row["amount_fen"], row["deadline"])[column]
        return None

    def renumber(self) -> None:
        self.set_rows([{**row, "seq": n} for n, row in enumerate(self.rows, 1)])


class ObligationDialog(CaseDialog):
    """Edit one obligation; ``obligation()`` gives its dict (agreement content) after accept."""

    def __init__(
        self,
        obligation_id: str,
        parties: list[tuple[str, str]],
        today: QDate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("obligationDialog")
        self.obligation_id = obligation_id
        self.obligor = QComboBox(self)
        self.obligor.setObjectName("obligor")
        self.obligee = QComboBox(self)
        self.obligee.setObjectName("obligee")
        for party_id, name in parties:
            self.obligor.addItem(name, party_id)
            self.obligee.addItem(name, party_id)
        if len(parties) > 1:
            self.obligor.setCurrentIndex(1)
        self.amount = MoneyEdit(self, positive=False)
        self.amount.setObjectName("amount")
        self.manner = QComboBox(self)
        self.manner.setObjectName("manner")
        self.manner.setEditable(True)
        self.deadline = QDateEdit(self)
        self.deadline.setObjectName("deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setDate(today.addDays(30))
        self.grace = QSpinBox(self)
        self.grace.setObjectName("graceDays")
        self.grace.setRange(0, 365)
        self.in_instalments = QCheckBox(self)
        self.in_instalments.setObjectName("inInstalments")
        self.instalments = InstalmentsModel(self)
        self.instalments_view = table_view(self, self.instalments, "instalments")
        self.instalments_view.setMinimumHeight(90)
        self.part_amount = MoneyEdit(self)
        self.part_amount.setObjectName("instalmentAmount")
        self.part_deadline = QDateEdit(self)
        self.part_deadline.setObjectName("instalmentDeadline")
        self.part_deadline.setCalendarPopup(True)
        self.part_deadline.setDisplayFormat("yyyy-MM-dd")
        self.part_deadline.setDate(today.addDays(30))
        self.add_part = push_button(self, self.add_instalment, "addInstalment")
        self.remove_part = push_button(self, self.remove_instalment)
        self.sum_label = QLabel(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("obligationProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)

        self.labels = [QLabel(self) for _ in range(6)]
        form = QFormLayout()
        for label, field in zip(
            self.labels,
            (self.obligor, self.obligee, self.amount, self.manner, self.deadline, self.grace),
            strict=True,
        ):
            form.addRow(label, field)
        self.parts_box = QWidget(self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.part_amount, 1)
        add_row.addWidget(self.part_deadline)
        add_row.addWidget(self.add_part)
        add_row.addWidget(self.remove_part)
        parts_layout = QVBoxLayout(self.parts_box)
        parts_layout.setContentsMargins(0, 0, 0, 0)
        parts_layout.addWidget(self.instalments_view)
        parts_layout.addLayout(add_row)
        parts_layout.addWidget(self.sum_label)
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.in_instalments)
        layout.addWidget(self.parts_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        for combo in (self.obligor, self.obligee):
            combo.currentIndexChanged.connect(self._update)
        self.amount.changed.connect(self._update)
        self.manner.editTextChanged.connect(self._update)
        self.in_instalments.toggled.connect(self._update)
        self.instalments.modelReset.connect(self._update)
        self.instalments.rowsInserted.connect(self._update)
        self.instalments.rowsRemoved.connect(self._update)
        self.retranslate_ui()
        self.setMinimumWidth(560)
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Obligation {id}").format(id=self.obligation_id))
        for label, text in zip(
            self.labels,
            (
                self.tr("Obligor (who performs):"),
                self.tr("Obligee (who receives):"),
                self.tr("Amount:"),
                self.tr("Manner of performance:"),
                self.tr("Deadline:"),
                self.tr("Grace period (days):"),
            ),
            strict=True,
        ):
            label.setText(text)
        typed = self.manner.currentText()
        self.manner.blockSignals(True)
        self.manner.clear()
        self.manner.addItems(
            [self.tr("Bank transfer"), self.tr("Cash"), self.tr("Return of goods")]
        )
        self.manner.setEditText(typed or self.tr("Bank transfer"))
        self.manner.blockSignals(False)
        self.grace.setToolTip(
            self.tr(
                "Days after the deadline before non-performance counts as a default "
                "(written into the agreement)."
            )
        )
        self.in_instalments.setText(self.tr("Paid in instalments"))
        self.add_part.setText(self.tr("Add instalment"))
        self.remove_part.setText(self.tr("Remove"))
        button_texts(self.buttons, self.tr("OK"), self.tr("Cancel"))
        self.instalments.retranslate()
        self._update()

    # -- instalments -----------------------------------------------------------------------

    @Slot()
    def add_instalment(self) -> None:
        fen = self.part_amount.fen()
        if fen is None:
            return
        self.instalments.append(
            {
                "seq": len(self.instalments.rows) + 1,
                "amount_fen": fen,
                "deadline": iso(self.part_deadline.date()),
            }
        )
        self.part_amount.setText("")
        self.part_deadline.setDate(self.part_deadline.date().addMonths(1))

    @Slot()
    def remove_instalment(self) -> None:
        row = selected_row(self.instalments_view)
        if row is not None:
            self.instalments.remove(row)
            self.instalments.renumber()

    # -- the whole -------------------------------------------------------------------------

    def problems(self) -> list[str]:
        found = []
        if self.obligor.currentData() == self.obligee.currentData():
            found.append(self.tr("The obligor and the obligee must be different parties."))
        amount = self.amount.fen()
        if amount is None:
            found.append(self.tr("Write the amount in yuan (0 for a non-monetary obligation)."))
        if not self.manner.currentText().strip():
            found.append(self.tr("State the manner of performance."))
        if self.in_instalments.isChecked():
            total = sum(p["amount_fen"] for p in self.instalments.rows)
            if not self.instalments.rows:
                found.append(self.tr("Add the instalments, or untick “Paid in instalments”."))
            elif amount is not None and total != amount:
                found.append(
                    self.tr("The instalments add up to {total} yuan, not {amount} yuan.").format(
                        total=format_yuan(total), amount=format_yuan(amount)
                    )
                )
        return found

    @Slot()
    @Slot(int)
    @Slot(str)
    @Slot(bool)
    def _update(self, *_args: object) -> None:
        parts = self.in_instalments.isChecked()
        self.parts_box.setVisible(parts)
        self.deadline.setEnabled(not parts)
        total = sum(p["amount_fen"] for p in self.instalments.rows)
        self.sum_label.setText(
            self.tr("Instalments so far: {total} yuan").format(total=format_yuan(total))
        )
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def set_obligation(self, ob: dict[str, Any]) -> None:
        for combo, key in ((self.obligor, "obligor"), (self.obligee, "obligee")):
            combo.setCurrentIndex(max(0, combo.findData(ob.get(key))))
        if isinstance(ob.get("amount_fen"), int):
            self.amount.set_fen(ob["amount_fen"])
        self.manner.setEditText(str(ob.get("manner", "")))
        self.deadline.setDate(qdate(ob.get("deadline"), self.deadline.date()))
        self.grace.setValue(int(ob.get("grace_days", 0) or 0))
        parts = list(ob.get("instalments") or [])
        self.in_instalments.setChecked(bool(parts))
        self.instalments.set_rows([dict(p) for p in parts])

    def obligation(self) -> dict[str, Any]:
        ob: dict[str, Any] = {
            "id": self.obligation_id,
            "obligor": self.obligor.currentData(),
            "obligee": self.obligee.currentData(),
            "amount_fen": self.amount.fen() or 0,
            "manner": self.manner.currentText().strip(),
            "grace_days": self.grace.value(),
        }
        if self.in_instalments.isChecked() and self.instalments.rows:
            ob["instalments"] = [
                {"seq": p["seq"], "amount_fen": p["amount_fen"], "deadline": p["deadline"]}
                for p in self.instalments.rows
            ]
        else:
            ob["deadline"] = iso(self.deadline.date())
        return ob
