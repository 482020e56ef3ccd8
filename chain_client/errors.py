"""What can go wrong talking to a judicial chain node, in words a user can read."""

from __future__ import annotations

from typing import Any

from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError


class ChainError(LedgerError):
    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The chain node refused: {detail}")


class RemoteError(ChainError):
    """A JSON-RPC error answer (PROTOCOL.md section 4): ``code``, and the node's reason."""

    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "The chain node answered {code}: {detail}")

    def __init__(self, code: int, message: str, data: Any = None) -> None:
        self.code = code
        self.remote_message = message
        self.data = data
        detail = data if isinstance(data, str) and data else message
        super().__init__(code=code, detail=detail)

    @property
    def reason(self) -> str:
        return self.data if isinstance(self.data, str) and self.data else self.remote_message


class NodeUnreachable(ChainError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "The chain node at {url} cannot be reached ({detail}). Your signed entries are kept "
        "on this computer and will be sent when it is back.",
    )


class PinMismatch(ChainError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "The node at {url} presents other keys than the ones this desktop pinned for log "
        "{origin}. Nothing was sent. Check with the court before trusting it.",
    )


class ChainAlarm(ChainError):
    """The log showed two histories: a rollback, a second root for a size, a bad proof."""

    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "ALARM ({kind}): the chain node's log is not consistent with what this desktop "
        "verified before. {detail} Both checkpoints are kept as evidence; syncing has stopped.",
    )

    def __init__(self, kind: str, detail: str) -> None:
        self.kind = kind
        super().__init__(kind=kind, detail=detail)
