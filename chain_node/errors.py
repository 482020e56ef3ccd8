"""JSON-RPC 2.0 error codes of PROTOCOL.md section 4, and the exception that carries them."""

from __future__ import annotations

from typing import Any

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
UNKNOWN_KEY = -32001  # unknown or unenrolled key
NOT_IN_CHECKPOINT = -32002  # not yet in a checkpoint
ENTRY_REJECTED = -32003  # entry rejected; ``data`` says which rule, in words
NOT_ALLOWED = -32004  # authorization
TOO_MANY_REQUESTS = -32005
BEYOND_CHECKPOINT = -32010  # size beyond the latest checkpoint

MESSAGES = {
    PARSE_ERROR: "Parse error",
    INVALID_REQUEST: "Invalid Request",
    METHOD_NOT_FOUND: "Method not found",
    INVALID_PARAMS: "Invalid params",
    INTERNAL_ERROR: "Internal error",
    UNKNOWN_KEY: "Unknown or unenrolled key",
    NOT_IN_CHECKPOINT: "Not yet in a checkpoint",
    ENTRY_REJECTED: "Entry rejected",
    NOT_ALLOWED: "Not allowed",
    TOO_MANY_REQUESTS: "Too many requests",
    BEYOND_CHECKPOINT: "Size beyond the latest checkpoint",
}


class RpcError(Exception):
    """An error answer: ``code`` and ``message`` per JSON-RPC 2.0, ``data`` a readable reason."""

    def __init__(self, code: int, data: Any = None, message: str | None = None) -> None:
        self.code = code
        self.message = message or MESSAGES.get(code, "Error")
        self.data = data
        super().__init__(f"{code} {self.message}: {data}")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.data is not None:
            out["data"] = self.data
        return out


class FsckError(RuntimeError):
    """The stored log does not match its latest checkpoint: the node refuses to serve."""
