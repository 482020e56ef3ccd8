"""Who signed the agreement's latest version, with each signature's chain status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QBrush, QColor

from desk.read.entries import Chain
from mediation import types as t
from ui.casework.chain import CHAIN_COLOURS, chain_text
from ui.casework.models import DISPLAY, FOREGROUND, RAW, TOOLTIP, RowsModel
from ui.mediation.common import CaseView, local_time


@dataclass(frozen=True)
class SignerRow:
    vkey: str
    name: str
    role: str
    signed_at: str | None
    chain: Chain | None


def signer_rows(view: CaseView) -> list[SignerRow]:
    """For the latest version: each signer needed, whether they signed, and its chain status."""
    agreement = view.agreement
    if agreement is None or agreement.latest is None:
        return []
    latest = agreement.latest
    signed = agreement.signatures.get(latest.number, {})
    chains = {}
    for item in view.of_type(t.AGREEMENT_SIGNED):
        if item.statement.body.get("version") == latest.number:
            chains[item.statement.actor] = item.chain
    rows = []
    for vkey in view.state.signers_needed(agreement):
        rows.append(
            SignerRow(
                vkey, view.name_of(vkey), view.role_of(vkey), signed.get(vkey), chains.get(vkey)
            )
        )
    return rows


class SignaturesModel(RowsModel[SignerRow]):
    COLUMNS = 4
    NAME, ROLE, SIGNED, CHAIN = range(COLUMNS)

    def headers(self) -> list[str]:
        return [self.tr("Signer"), self.tr("As"), self.tr("Signed"), self.tr("Chain status")]

    def cell(self, row: SignerRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.NAME:
                return row.name
            if column == self.ROLE:
                return row.role
            if column == self.SIGNED:
                if row.signed_at is None:
                    return self.tr("not yet signed")
                return self.tr("signed {time}").format(time=local_time(row.signed_at))
            if column == self.CHAIN:
                return chain_text(row.chain) if row.chain is not None else "—"
        if role == RAW:
            return (
                row.vkey,
                row.role,
                row.signed_at,
                row.chain.state if row.chain is not None else None,
            )[column]
        if role == TOOLTIP and column == self.NAME:
            return row.vkey
        if role == FOREGROUND:
            if column == self.SIGNED and row.signed_at is None:
                return QBrush(QColor("#b06000"))
            if column == self.CHAIN and row.chain is not None:
                return QBrush(QColor(CHAIN_COLOURS.get(row.chain.state, "#202124")))
        return None
