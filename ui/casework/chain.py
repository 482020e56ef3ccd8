"""An entry's chain status in words: what every case view shows beside a signed action.

The status itself is read by the desk (``desk.read.entries.Chain``: from the outbox for entries
signed here, from the stored receipt for entries received from the chain); entries the node
rejected are not in any case view, only on the Chain page with the node's reason.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desk.read.entries import Chain, Logged
from ui.pages import local_time

__all__ = ["CHAIN_COLOURS", "CHAIN_NAMES", "Chain", "Logged", "chain_colour", "chain_text"]

CONTEXT = "CaseworkWords"  # the context of the words below

CHAIN_NAMES = {
    "pending": QT_TRANSLATE_NOOP("CaseworkWords", "pending"),
    "submitted": QT_TRANSLATE_NOOP("CaseworkWords", "submitted"),
    "confirmed": QT_TRANSLATE_NOOP("CaseworkWords", "confirmed"),
    "rejected": QT_TRANSLATE_NOOP("CaseworkWords", "rejected"),
}
CHAIN_COLOURS = {
    "pending": "#b06000",
    "submitted": "#b06000",
    "confirmed": "#1e8e3e",
    "rejected": "#c5221f",
}
TEXT_COLOUR = "#202124"


def chain_colour(state: str) -> str:
    """The colour a status is drawn in (amber while waiting, green confirmed, red rejected)."""
    return CHAIN_COLOURS.get(state, TEXT_COLOUR)


def chain_text(chain: Chain) -> str:
    """``confirmed (on chain 2026-11-27 16:37:40)``, ``pending``, ``rejected: reason``."""
    source = CHAIN_NAMES.get(chain.state)
    name = QCoreApplication.translate(CONTEXT, source) if source else chain.state
    if chain.state == "confirmed" and chain.on_chain_time:
        return QCoreApplication.translate(CONTEXT, "{state} (on chain {time})").format(
            state=name, time=local_time(chain.on_chain_time)
        )
    if chain.state == "submitted" and chain.index is not None:
        return QCoreApplication.translate(CONTEXT, "{state} (index {index})").format(
            state=name, index=chain.index
        )
    if chain.state == "rejected":
        return QCoreApplication.translate(CONTEXT, "{state}: {reason}").format(
            state=name, reason=chain.reason or ""
        )
    return name
