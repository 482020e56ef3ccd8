"""The personal-data guard: no identity, phone or account number goes on the chain in clear.

A log entry is public and permanent, so a statement body must not hold what looks like a PRC
resident identity number (18 characters), a mainland mobile number (11 digits) or a bank
account (a run of 15 or more digits) — PIPL Art. 51 (security measures for personal data), SPC
Opinions on blockchain judicial applications item 31 (personal data on a chain). Statements
carry a salted hash instead; the number stays in the local store of the case's members.

One function, run in three places: ``DeskSession.statement`` before anything is signed, the
mediation rules, and the node's ``check_entry`` (every statement type, -32003).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.keys import parse_vkey

# A resident identity number, a mainland mobile number, or a long digit run (bank account).
_PERSONAL_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"
    r"|(?<![0-9])1[3-9][0-9]{9}(?![0-9])"
    r"|[0-9]{15,}"
)
_ELEVEN_DIGITS = re.compile(r"[0-9]{11}")
# Separators people write numbers with ("138-1234-5678", "6222 0212 ...", full-width brackets).
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015()（）.·]")
_HEX64 = re.compile(r"^[0-9a-f]{64}\Z")
# Lists of verifier keys: never personal data, and skipped whole as before.
_EXEMPT_FIELDS = frozenset({"members"})


class PersonalDataError(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "Personal data must not go on the chain in clear: a text holds what looks like an "
        "identity, phone or account number. Keep it in the case file; the statement carries "
        "only its salted hash (PIPL Art. 51; SPC Opinions item 31).",
    )


def _texts(body: Mapping[str, Any]) -> list[str]:
    """Every text of ``body``: string values and field names, at any depth."""
    texts: list[str] = []
    stack: list[Any] = [{k: v for k, v in body.items() if k not in _EXEMPT_FIELDS}]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, Mapping):
            texts.extend(str(name) for name in value)
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return texts


def _is_key_or_hash(text: str) -> bool:
    # SHA-256 hex digests and verifier keys hold long digit runs by chance; they are not
    # personal data.
    if _HEX64.match(text):
        return True
    try:
        parse_vkey(text)
    except LedgerError:
        return False
    return True


def check_personal_data(body: Mapping[str, Any]) -> None:
    """Raise ``PersonalDataError`` if any text of ``body`` (names included) looks like an
    identity, phone or account number, after folding full-width digits (NFKC) and removing
    separators. Numbers (JSON integers) are amounts, not texts, and are not looked at."""
    texts = _texts(body)
    # Every pattern needs 11 digits in a row. The node runs this on every entry, so all texts
    # are tried at once first (NUL, not a separator, keeps them apart); one by one only if
    # that finds something.
    if not _ELEVEN_DIGITS.search(_folded("\0".join(texts))):
        return
    for text in texts:
        if _PERSONAL_NUMBER.search(_folded(text)) and not _is_key_or_hash(text):
            raise PersonalDataError()


def _folded(text: str) -> str:
    return _SEPARATORS.sub("", _nfkc(text))


def _nfkc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)
