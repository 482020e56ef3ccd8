"""Errors of the ledger, each with a message a user can read.

Every error carries an English message template in ``message`` (marked for Qt's translation
tools with ``QT_TRANSLATE_NOOP`` so the UI can show it in the user's language) and the
arguments that fill it. ``str(error)`` is the English text, which is what logs and the command
line show. The ledger never imports Qt: the marker below is a plain function with the name
``pyside6-lupdate`` looks for.
"""

from __future__ import annotations

from typing import Any

TRANSLATION_CONTEXT = "LedgerError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate scans for
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


class LedgerError(Exception):
    """Base class: a failure a user can be told about in words."""

    message: str = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The ledger reported an error: {detail}")

    def __init__(self, message: str | None = None, /, **args: Any) -> None:
        if message is not None:
            self.message = message
        self.args_for_message = args
        super().__init__(self.render())

    def render(self, template: str | None = None) -> str:
        """Fill the (possibly translated) template with this error's arguments."""
        text = template if template is not None else self.message
        try:
            return text.format(**self.args_for_message)
        except (KeyError, IndexError, ValueError):
            return text


class CanonicalJSONError(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT, "The statement is not valid canonical JSON: {detail}"
    )


class KeyFileError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The key file cannot be used: {detail}")


class WrongPassphraseError(KeyFileError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "Wrong passphrase: the key in {path} could not be unlocked. Check the passphrase and "
        "try again.",
    )


class NoteError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The signed note is malformed: {detail}")


class SignatureError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "A signature does not verify: {detail}")


class StatementError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The statement is not valid: {detail}")


class CheckpointError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The checkpoint is not valid: {detail}")


class ReceiptError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The receipt does not verify: {detail}")


class StoreError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The local database cannot be used: {detail}")


class DatabaseTooNewError(StoreError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "This database was written by a newer version of Judicial Chain Desk (schema revision "
        "{revision}). Install the newer version to open it; nothing was changed.",
    )
