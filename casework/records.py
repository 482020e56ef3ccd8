"""What a registered document cites, read from the local store: the signed entries of a case
with their receipts, the chain facts of one of them, and the ``document.issued`` body that
registers a PDF (so a document never claims more than this desktop has verified)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casework.pdf import ChainFacts, SignatureLine
from ledger.statement import Statement, parse_entry
from ledger.store.cases import case_log
from ledger.store.models import ChainPin


@dataclass(frozen=True)
class OnChain:
    """A case's entry as this desktop holds it, with its receipt (if it came)."""

    statement: Statement
    leaf_hash: bytes
    index: int | None
    on_chain_time: str | None
    checkpoint_size: int | None

    def signature(self, name: str, role: str) -> SignatureLine:
        """The entry as a signature line of a document, signed by ``name`` as ``role``."""
        return SignatureLine(
            name,
            role,
            self.statement.actor_verifier.key_id,
            self.statement.time,
            self.index,
            self.on_chain_time,
        )


def on_chain(session: Session, case_id: str, type_: str) -> list[OnChain]:
    """The case's entries of one type that count (not rejected by the node), in log order,
    each with its receipt."""
    return [
        OnChain(
            parse_entry(row.entry).statement,
            row.leaf_hash,
            row.receipt_index,
            row.on_chain_time,
            row.checkpoint_size,
        )
        for row in case_log(session, case_id, (type_,))
    ]


def chain_facts(
    session: Session,
    case_id: str,
    type_: str,
    match: Callable[[Statement], bool] | None = None,
) -> ChainFacts | None:
    """The chain facts of the case's last entry of ``type_`` (for which ``match`` holds)."""
    chosen = None
    for entry in on_chain(session, case_id, type_):
        if match is None or match(entry.statement):
            chosen = entry
    if chosen is None:
        return None
    pin = session.scalars(select(ChainPin).limit(1)).first()
    return ChainFacts(
        origin=pin.origin if pin else "",
        log_vkey=pin.log_vkey if pin else "",
        index=chosen.index,
        checkpoint_size=chosen.checkpoint_size,
        on_chain_time=chosen.on_chain_time,
        leaf_hash=chosen.leaf_hash.hex(),
    )


def issued_body(pdf: bytes, name: str, about: dict[str, Any]) -> dict[str, Any]:
    """``document.issued``: the PDF's own SHA-256, so the Verify page recognises the file."""
    return {
        "documents": [{"name": name, "sha256": hashlib.sha256(pdf).hexdigest(), "size": len(pdf)}],
        "about": about,
    }
