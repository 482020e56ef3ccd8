"""Canonical JSON (RFC 8785, JCS) for everything that is signed.

Floats are refused outright: money is integer fen and ratios are pairs of integers
(PROTOCOL.md section 1), so a float in a statement is always a bug, never data.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from ledger.errors import CanonicalJSONError

# RFC 8785 section 3.2.2.3 / I-JSON: integers beyond 2**53 do not survive a round trip.
MAX_SAFE_INTEGER = 2**53 - 1


def _check(value: Any, path: str) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise CanonicalJSONError(detail=f"integer at {path} is outside ±(2^53-1)")
        return
    if isinstance(value, float):
        raise CanonicalJSONError(
            detail=f"a number with a fraction at {path} ({value!r}); use integers (money in fen)"
        )
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalJSONError(detail=f"object key {key!r} at {path} is not a string")
            _check(item, f"{path}.{key}")
        return
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check(item, f"{path}[{i}]")
        return
    raise CanonicalJSONError(detail=f"value of type {type(value).__name__} at {path}")


def canonical_json(value: Any) -> bytes:
    """Serialize ``value`` with RFC 8785; refuse floats and unsafe integers."""
    _check(value, "$")
    try:
        return rfc8785.dumps(value)
    except rfc8785.CanonicalizationError as exc:  # pragma: no cover - _check catches these first
        raise CanonicalJSONError(detail=str(exc)) from exc


def _no_float(text: str) -> Any:
    raise CanonicalJSONError(detail=f"a number with a fraction or exponent ({text})")


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
            parse_constant=_no_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise CanonicalJSONError(detail=f"not JSON ({exc.msg} at offset {exc.pos})") from exc
    if canonical_json(value) != data:
        raise CanonicalJSONError(detail="not in RFC 8785 canonical form")
    return value
