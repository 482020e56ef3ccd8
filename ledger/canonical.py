r"""Canonical JSON (RFC 8785, JCS) for everything that is signed.

Floats are refused outright: money is integer fen and ratios are pairs of integers
(PROTOCOL.md section 1), so a float in a statement is always a bug, never data.

Without floats, JCS is the standard library's JSON encoder with two choices fixed: object keys
ordered by their UTF-16 code units (RFC 8785 section 3.2.3) and no insignificant whitespace.
Its string escaping (RFC 8785 section 3.2.2.2: ``\" \\ \b \f \n \r \t``, other controls as
lowercase ``\u00xx``, nothing else escaped) is exactly what ``json.dumps(ensure_ascii=False)``
writes. We encode with the C encoder because signing and verifying sit on the hot path of the
node and of every append; the ``rfc8785`` package stays the reference, and a property test
holds the two byte-identical (tests/ledger/test_canonical.py).
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from ledger.errors import CanonicalJSONError

# RFC 8785 section 3.2.2.3 / I-JSON: integers beyond 2**53 do not survive a round trip.
MAX_SAFE_INTEGER = 2**53 - 1


def _canon(value: Any, path: str) -> Any:
    """Check that ``value`` is float-free JSON and return it with keys in JCS order."""
    if isinstance(value, str) or value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise CanonicalJSONError(detail=f"integer at {path} is outside ±(2^53-1)")
        return value
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise CanonicalJSONError(detail=f"object key {key!r} at {path} is not a string")
        return {k: _canon(value[k], path + "." + k) for k in sorted(value, key=_utf16_order)}
    if isinstance(value, list | tuple):
        return [_canon(item, f"{path}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, float):
        raise CanonicalJSONError(
            detail=f"a number with a fraction at {path} ({value!r}); use integers (money in fen)"
        )
    raise CanonicalJSONError(detail=f"value of type {type(value).__name__} at {path}")


def _utf16_order(key: str) -> bytes:
    # RFC 8785 section 3.2.3: property names sorted by their UTF-16 code units.
    return key.encode("utf-16-be", "surrogatepass")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def canonical_json(value: Any) -> bytes:
    """Serialize ``value`` with RFC 8785; refuse floats and unsafe integers."""
    try:
        ordered = _canon(value, "$")
        return _ENCODER.encode(ordered).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalJSONError(
            detail="a string holds a lone surrogate (not Unicode text)"
        ) from exc
    except RecursionError as exc:
        raise CanonicalJSONError(detail="the value is nested too deeply") from exc


def reference_canonical_json(value: Any) -> bytes:
    """The same serialization by the ``rfc8785`` package (the reference, used by tests)."""
    _canon(value, "$")
    return rfc8785.dumps(value)


def _no_float(text: str) -> Any:
    raise CanonicalJSONError(detail=f"a number with a fraction or exponent ({text})")


def _safe_int(text: str) -> int:
    # Refuse before converting: Python refuses a 4,301-digit integer with a ValueError (and a
    # few thousand digits cost quadratic time); no integer of more than 16 digits is safe.
    if len(text.lstrip("-")) > 16:
        raise CanonicalJSONError(
            detail=f"an integer of {len(text)} characters is outside ±(2^53-1)"
        )
    return int(text)


def _no_constant(text: str) -> Any:
    raise CanonicalJSONError(detail=f"{text} is not JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, item in pairs:
        if key in result:
            raise CanonicalJSONError(detail=f"duplicate key {key!r}")
        result[key] = item
    return result


def parse_canonical(data: bytes) -> Any:
    """Parse JSON that must already be in RFC 8785 form (as a signer produced it).

    Refuses floats, NaN/Infinity, duplicate keys, and any text that is not byte-for-byte
    what ``canonical_json`` would produce from the parsed value.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CanonicalJSONError(detail="not UTF-8") from exc
    try:
        value = json.loads(
            text,
            parse_float=_no_float,
            parse_int=_safe_int,
            parse_constant=_no_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise CanonicalJSONError(detail=f"not JSON ({exc.msg} at offset {exc.pos})") from exc
    except RecursionError as exc:  # a 64 KiB entry can nest arrays 30,000 deep
        raise CanonicalJSONError(detail="the JSON is nested too deeply") from exc
    if canonical_json(value) != data:
        raise CanonicalJSONError(detail="not in RFC 8785 canonical form")
    return value
