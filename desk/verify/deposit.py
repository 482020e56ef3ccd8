"""Depositing evidence (存证): the ``evidence.deposited`` statement for files the user hashed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ledger.statement import Statement, check_documents

if TYPE_CHECKING:
    from desk.session import DeskSession

EVIDENCE_TYPE = "evidence.deposited"


def evidence_statement(
    session: DeskSession, files: Sequence[tuple[str, str, int]], note: str = ""
) -> Statement:
    """An ``evidence.deposited`` statement (PROTOCOL.md section 1) for ``session.record``:
    body ``{"documents": [{name, sha256, size}, ...], "note"?}``, nothing else."""
    documents = [
        {"name": str(name), "sha256": str(sha256).lower(), "size": size}
        for name, sha256, size in files
    ]
    check_documents(documents)
    body: dict[str, Any] = {"documents": documents}
    if note.strip():
        body["note"] = note.strip()
    return session.statement(EVIDENCE_TYPE, "", body)
