"""The debtor's unified social credit code (统一社会信用代码, GB 32100-2015), and its hash.

An organisation's credit code is public, not personal data. But many codes are 18 digits
(Bank of China's is 911000001000013428), and the chain's personal-data guard
(``ledger.privacy``) cannot tell such a code from a resident identity number: it refuses it,
as it must for any text that looks like one. So the acceptance statement carries the code's
SHA-256, salted with the case number and a label (``code_hash``), never the code: anyone
holding the court's announcement (which prints the code) checks it against the chain; the salt
only keeps one case's hash from matching another's.

``valid`` checks the code's own check character (GB 32100-2015, 5.3), so a mistyped code is
caught on the desk before it is hashed (the node sees only the hash).
"""

from __future__ import annotations

import hashlib
import unicodedata

# GB 32100-2015: the code's characters (no I, O, Z, S, V) and the weights of its 17 positions
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_LABEL = b"jcdesk/credit-code/v1\0"


def normalized(code: str) -> str:
    """Upper case, full-width folded, spaces removed."""
    return "".join(unicodedata.normalize("NFKC", code).split()).upper()


def valid(code: str) -> bool:
    """An 18-character code whose last character is its check character (GB 32100-2015)."""
    code = normalized(code)
    if len(code) != 18 or any(ch not in _ALPHABET for ch in code):
        return False
    total = sum(_ALPHABET.index(ch) * w for ch, w in zip(code[:17], _WEIGHTS, strict=True))
    return code[17] == _ALPHABET[(31 - total % 31) % 31]


def code_hash(case_number: str, code: str) -> str:
    """SHA-256(label || case number || 0x00 || normalized code), lowercase hex."""
    data = _LABEL + case_number.encode() + b"\0" + normalized(code).encode()
    return hashlib.sha256(data).hexdigest()
