"""JSON-RPC 2.0 framing (PROTOCOL.md sections 3 and 4): parse a frame, check a request, build
answers, and check parameters. One request, response or batch array per WebSocket text frame.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from chain_node.errors import INVALID_PARAMS, INVALID_REQUEST, PARSE_ERROR, RpcError

_MISSING = object()


def parse_frame(message: str | bytes) -> Any:
    """Decode one frame; RpcError(-32700) if it is not JSON text."""
    if isinstance(message, bytes):
        raise RpcError(PARSE_ERROR, "binary frames are not accepted; send JSON in a text frame")
    try:
        return json.loads(message)
    except (ValueError, RecursionError) as exc:
        raise RpcError(PARSE_ERROR, f"not JSON: {str(exc)[:200]}") from None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dumps_bytes(value: Any) -> bytes:
    """``dumps`` as UTF-8: what goes on the wire, and what a connection's byte budget counts."""
    return dumps(value).encode("utf-8", "surrogatepass")


def valid_id(value: Any) -> bool:
    return (
        value is None
        or isinstance(value, str)
        or (isinstance(value, int) and not isinstance(value, bool))
    )


def check_request(obj: Any) -> tuple[Any, str, dict[str, Any], bool]:
    """Return (id, method, params, is_notification) or raise RpcError(-32600/-32602).

    Parameters are by name (an object); an absent ``params`` is ``{}``; an array is -32602.
    """
    if not isinstance(obj, dict):
        raise RpcError(INVALID_REQUEST, "a request is a JSON object")
    rid = obj.get("id", _MISSING)
    notification = rid is _MISSING
    if not notification and not valid_id(rid):
        raise RpcError(INVALID_REQUEST, "id must be a string, an integer or null")
    if obj.get("jsonrpc") != "2.0":
        raise RpcError(INVALID_REQUEST, 'jsonrpc must be "2.0"')
    method = obj.get("method")
    if not isinstance(method, str):
        raise RpcError(INVALID_REQUEST, "method must be a string")
    extra = set(obj) - {"jsonrpc", "method", "params", "id"}
    if extra:
        raise RpcError(INVALID_REQUEST, f"unexpected members {sorted(extra)}")
    params = obj.get("params", {})
    if isinstance(params, list):
        if params:
            raise RpcError(INVALID_PARAMS, "parameters are passed by name (an object)")
        params = {}
    if not isinstance(params, dict):
        raise RpcError(INVALID_REQUEST, "params must be an object")
    return (None if notification else rid), method, params, notification


def result(rid: Any, value: Any) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": rid, "result": value}


def error(rid: Any, exc: RpcError) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": rid, "error": exc.to_json()}


def notification(method: str, params: dict[str, Any]) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "method": method, "params": params}


# -- parameter helpers ---------------------------------------------------------------------


def only(params: dict[str, Any], *names: str) -> None:
    extra = set(params) - set(names)
    if extra:
        raise RpcError(INVALID_PARAMS, f"unknown parameters {sorted(extra)}")


def get_int(
    params: dict[str, Any],
    name: str,
    default: Any = _MISSING,
    *,
    minimum: int = 0,
    maximum: int = 2**63 - 1,
) -> int:
    value = params.get(name, default)
    if value is _MISSING:
        raise RpcError(INVALID_PARAMS, f"'{name}' is required")
    if isinstance(value, bool) or not isinstance(value, int):
        raise RpcError(INVALID_PARAMS, f"'{name}' must be an integer")
    if not minimum <= value <= maximum:
        raise RpcError(INVALID_PARAMS, f"'{name}' must be between {minimum} and {maximum}")
    return value


def get_str(params: dict[str, Any], name: str, default: Any = _MISSING) -> str:
    value = params.get(name, default)
    if value is _MISSING:
        raise RpcError(INVALID_PARAMS, f"'{name}' is required")
    if not isinstance(value, str):
        raise RpcError(INVALID_PARAMS, f"'{name}' must be a string")
    return value


def b64(value: bytes) -> str:
    return base64.b64encode(value).decode()


def parse_digest(text: Any) -> bytes:
    """A SHA-256 given as 64 hex digits or as base64 of 32 bytes (``verify.hash``)."""
    if not isinstance(text, str):
        raise RpcError(INVALID_PARAMS, "'sha256' must be a string")
    if len(text) == 64:
        try:
            return bytes.fromhex(text)
        except ValueError:
            pass
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise RpcError(INVALID_PARAMS, "'sha256' is 64 hex digits or the base64 of 32 bytes")
    return raw
