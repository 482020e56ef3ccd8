"""How strong a passphrase is, and whether the wizard accepts it (no Qt here, no texts).

The estimate is deliberately simple and explainable: each character adds the bits of the
character class it comes from (lower case, upper case, digits, symbols, other scripts such as
Chinese), except a character that repeats the previous one or continues a run (``abc``,
``123``), which adds one bit. Well-known passwords count as weak whatever their length. The
thresholds are chosen so that eight lower-case letters are "fair", a long mixed passphrase or
a short sentence in Chinese is "strong", and ``12345678`` or ``password`` is "weak".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

MIN_LENGTH = 8
FAIR_BITS = 30.0
STRONG_BITS = 60.0
FULL_BAR_BITS = 80.0

# Passwords that lead every leaked-password list; a passphrase made of one of these is weak.
COMMON = frozenset(
    {
        "password", "password1", "passw0rd", "12345678", "123456789", "1234567890",
        "87654321", "11111111", "00000000", "88888888", "66666666", "qwertyui", "qwerty123",
        "iloveyou", "abc12345", "abcd1234", "1q2w3e4r", "1qaz2wsx", "a1234567", "admin123",
        "woaini1314", "5201314520", "baseball", "football", "sunshine", "princess", "welcome1",
        "letmein1", "trustno1", "zxcvbnm1", "asdfghjk", "qazwsxedc",
    }
)  # fmt: skip


class Level(StrEnum):
    EMPTY = "empty"
    WEAK = "weak"
    FAIR = "fair"
    STRONG = "strong"


class Problem(StrEnum):
    EMPTY = "empty"
    TOO_SHORT = "too-short"
    TOO_WEAK = "too-weak"
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class Strength:
    bits: float
    level: Level

    @property
    def percent(self) -> int:
        """For a progress bar: 0 to 100."""
        return max(0, min(100, round(self.bits * 100 / FULL_BAR_BITS)))


def _pool(ch: str) -> int:
    if "a" <= ch <= "z":
        return 26
    if "A" <= ch <= "Z":
        return 26
    if "0" <= ch <= "9":
        return 10
    if ch.isascii():
        return 33
    return 3000  # a CJK character: a few thousand in everyday use


def estimate_bits(passphrase: str) -> float:
    bits = 0.0
    previous = ""
    for ch in passphrase:
        if previous and (ch == previous or abs(ord(ch) - ord(previous)) == 1):
            bits += 1.0
        else:
            bits += math.log2(_pool(ch))
        previous = ch
    return bits


def assess(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0.0, Level.EMPTY)
    bits = estimate_bits(passphrase)
    if passphrase.lower() in COMMON:
        bits = min(bits, FAIR_BITS / 2)
    if len(passphrase) < MIN_LENGTH or bits < FAIR_BITS:
        level = Level.WEAK
    elif bits < STRONG_BITS:
        level = Level.FAIR
    else:
        level = Level.STRONG
    return Strength(bits, level)


def problem(passphrase: str, repeated: str) -> Problem | None:
    """Why the wizard refuses this passphrase, or None when it may protect a key."""
    if not passphrase:
        return Problem.EMPTY
    if len(passphrase) < MIN_LENGTH:
        return Problem.TOO_SHORT
    if assess(passphrase).level is Level.WEAK:
        return Problem.TOO_WEAK
    if passphrase != repeated:
        return Problem.MISMATCH
    return None
