"""Amounts typed in yuan, stored as integer fen: string arithmetic only, never a float.

``parse_yuan("60,000.50") == 6000050``. Accepted: digits with an optional decimal point and at
most two decimals, thousands separators in proper groups of three, an optional currency mark
(``¥``, ``￥``, ``RMB``, ``CNY``) in front and ``元`` behind, full-width digits and punctuation
(NFKC). Refused, each with its own reason: floats (a ``float`` value is a programming error,
never rounded), exponents, signs, a third decimal, misplaced separators, and amounts beyond
2**53 - 1 fen (canonical JSON carries integers exactly only up to there, RFC 8785).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

MAX_FEN = 2**53 - 1

_PLAIN = re.compile(r"^(?P<whole>[0-9]+)(?:\.(?P<cents>[0-9]*))?\Z")
_GROUPED = re.compile(r"^(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+)(?:\.(?P<cents>[0-9]*))?\Z")
_PREFIXES = ("¥", "RMB", "CNY")
_SUFFIXES = ("元", "RMB", "CNY")


class Problem(StrEnum):
    EMPTY = "empty"
    NOT_TEXT = "not-text"  # a float or another non-string value was handed in
    GARBAGE = "garbage"  # not a number written in yuan
    NEGATIVE = "negative"
    PRECISION = "precision"  # more than two decimals: fen is the smallest unit
    GROUPING = "grouping"  # thousands separators in the wrong places
    TOO_LARGE = "too-large"
    ZERO = "zero"  # zero where a positive amount is needed


class MoneyError(ValueError):
    """Why a text is not an amount in yuan (``problem`` is for the UI to put in words)."""

    def __init__(self, problem: Problem, text: object = "") -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem


def parse_yuan(text: str, *, positive: bool = False) -> int:
    """An amount in yuan as integer fen. ``positive`` also refuses zero."""
    if not isinstance(text, str):
        raise MoneyError(Problem.NOT_TEXT, text)
    value = unicodedata.normalize("NFKC", text).strip().upper()
    value = value.replace(" ", "").replace("\u00a0", "")
    for prefix in _PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if value.endswith(suffix):
            value = value[: -len(suffix)]
            break
    if not value:
        raise MoneyError(Problem.EMPTY, text)
    if value.startswith("-"):
        raise MoneyError(Problem.NEGATIVE, text)
    match = _PLAIN.match(value) or _GROUPED.match(value)
    if match is None:
        if "," in value and re.fullmatch(r"[0-9,]+(?:\.[0-9]*)?", value):
            raise MoneyError(Problem.GROUPING, text)
        raise MoneyError(Problem.GARBAGE, text)
    whole = match.group("whole").replace(",", "")
    cents = match.group("cents") or ""
    if len(cents) > 2:
        raise MoneyError(Problem.PRECISION, text)
    fen = int(whole) * 100 + int(cents.ljust(2, "0"))
    if fen > MAX_FEN:
        raise MoneyError(Problem.TOO_LARGE, text)
    if positive and fen == 0:
        raise MoneyError(Problem.ZERO, text)
    return fen


def format_yuan(fen: int) -> str:
    """Integer fen as yuan with separators, no unit: 6000050 -> ``60,000.50``."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("an amount is an integer number of fen")
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"
