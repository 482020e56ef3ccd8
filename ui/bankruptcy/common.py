"""What the bankruptcy pages share: the domain's words, and its refusals in the user's language.

The rules' refusals (``bankruptcy.rules``, ``bankruptcy.bodies``) are English templates in the
translation context ``Bankruptcy`` and cite their article; ``refusal_text`` translates one before
filling its arguments, so the article is on screen in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bankruptcy.bodies import CONTEXT as DOMAIN_CONTEXT
from ledger.errors import LedgerError
from ui.casework import tab
from ui.errors import error_text, show_error

WORDS = "BankruptcyWords"  # the context of the words below
T = TypeVar("T")

STATUS_NAMES = {
    "declared": QT_TRANSLATE_NOOP("BankruptcyWords", "Awaiting review"),
    "confirmed": QT_TRANSLATE_NOOP("BankruptcyWords", "Confirmed"),
    "adjusted": QT_TRANSLATE_NOOP("BankruptcyWords", "Adjusted"),
    "rejected": QT_TRANSLATE_NOOP("BankruptcyWords", "Rejected"),
    "disputed": QT_TRANSLATE_NOOP("BankruptcyWords", "Disputed"),
    "court_confirmed": QT_TRANSLATE_NOOP("BankruptcyWords", "Confirmed by the court"),
    "provisional": QT_TRANSLATE_NOOP("BankruptcyWords", "Provisional amount"),
}
GROUP_NAMES = {
    "secured": QT_TRANSLATE_NOOP("BankruptcyWords", "Secured"),
    "employee": QT_TRANSLATE_NOOP("BankruptcyWords", "Employees"),
    "tax": QT_TRANSLATE_NOOP("BankruptcyWords", "Taxes"),
    "ordinary": QT_TRANSLATE_NOOP("BankruptcyWords", "Ordinary"),
}
NATURE_NAMES = {
    "ordinary": QT_TRANSLATE_NOOP("BankruptcyWords", "Ordinary claim"),
    "secured": QT_TRANSLATE_NOOP("BankruptcyWords", "Secured claim"),
    "tax": QT_TRANSLATE_NOOP("BankruptcyWords", "Tax claim"),
    "social_insurance": QT_TRANSLATE_NOOP("BankruptcyWords", "Social insurance"),
    "employee_wages": QT_TRANSLATE_NOOP("BankruptcyWords", "Employees' wages"),
}
ITEM_NAMES = {
    "principal": QT_TRANSLATE_NOOP("BankruptcyWords", "Principal"),
    "interest": QT_TRANSLATE_NOOP("BankruptcyWords", "Interest"),
    "other": QT_TRANSLATE_NOOP("BankruptcyWords", "Other amounts"),
}
OUTCOME_NAMES = {
    "confirmed": QT_TRANSLATE_NOOP("BankruptcyWords", "Confirm"),
    "adjusted": QT_TRANSLATE_NOOP("BankruptcyWords", "Adjust"),
    "rejected": QT_TRANSLATE_NOOP("BankruptcyWords", "Reject"),
}
TYPE_NAMES = {
    "bankruptcy.claim.declared": QT_TRANSLATE_NOOP("BankruptcyWords", "Declared"),
    "bankruptcy.claim.reviewed": QT_TRANSLATE_NOOP("BankruptcyWords", "Reviewed"),
    "bankruptcy.objection.raised": QT_TRANSLATE_NOOP("BankruptcyWords", "Objection raised"),
    "bankruptcy.objection.answered": QT_TRANSLATE_NOOP("BankruptcyWords", "Objection answered"),
}


def word(table: dict[str, str], key: str) -> str:
    """``key`` looked up in one of the tables above, in the current UI language."""
    source = table.get(key)
    return QCoreApplication.translate(WORDS, source) if source else key


def refusal_text(error: BaseException) -> str:
    """A refusal in the user's language: a bankruptcy rule's template is translated in its own
    context (it names the article); any other error as ``ui.errors`` words it."""
    if isinstance(error, LedgerError):
        translated = QCoreApplication.translate(DOMAIN_CONTEXT, error.message)
        if translated != error.message or error.args_for_message.get("rule", "").startswith(
            "bankruptcy."
        ):
            args = dict(error.args_for_message)
            if "item" in args:  # the amount's name (principal, interest, other) in words
                args["item"] = word(ITEM_NAMES, str(args["item"]))
            try:
                return translated.format(**args)
            except (KeyError, IndexError, ValueError):
                return translated
    return error_text(error)


def show_refusal(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """``ui.errors.show_error`` with a bankruptcy rule's words translated."""
    if isinstance(error, LedgerError):
        copy = LedgerError(refusal_text(error))
        copy.__cause__ = None
        return show_error(parent, copy)
    return show_error(parent, error)


def attempt(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run ``action``; a refusal is shown in words and gives None."""
    return tab.attempt(parent, action, show_refusal)
