"""Case membership (docs/protocol.md, "Cases and membership"; PROTOCOL.md leaves it open).

- Case ``""`` is the public space (enrolments, evidence deposits): any enrolled actor may write
  there, any logged-in actor may read it.
- The first statement in a case id opens the case; its actor becomes a member.
- A statement's ``body.members`` (a list of Ed25519 vkeys) adds those keys as members; only a
  current member's statement (or the opening one) can carry it.
- Only members may submit statements in a case (the statement's actor, not the connection's
  login, is what counts: a desk may relay a member's signed statement).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Set
from typing import Any

from chain_node.errors import ENTRY_REJECTED, NOT_ALLOWED, RpcError
from ledger.errors import NoteError
from ledger.keys import SIG_ED25519, parse_vkey
from ledger.statement import MAX_VKEY, Statement

MAX_CASE_ID = 120  # as ledger.statement.MAX_NAME
PUBLIC_CASE = ""
# Names a person cannot enrol under (compared by ``name_key``): they would pass for the node,
# its operator or the court. The node adds its own key names (origin, <origin>/node,
# <origin>/witness). Kept small on purpose: a real person's name is never refused.
RESERVED_NAMES = frozenset(
    {"node", "operator", "system", "admin", "court", "节点", "系统", "管理员", "法院"}
)


def name_key(name: str) -> str:
    """A name as compared for uniqueness: NFKC (full-width forms fold), case-folded, without
    invisible format characters, runs of white space as one space, no space at either end."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return " ".join(visible.split())


def normal_vkey(vkey: str) -> str:
    """The canonical spelling of an Ed25519 vkey (lower-case key hash); NoteError if bad."""
    verifier = parse_vkey(vkey)
    if verifier.sig_type != SIG_ED25519:
        raise NoteError(detail="not an Ed25519 (type 0x01) key")
    return verifier.vkey


def declared_members(body: Any) -> list[str]:
    """The vkeys a statement's ``body.members`` adds (validated), or []."""
    if not isinstance(body, dict) or "members" not in body:
        return []
    members = body["members"]
    if not isinstance(members, list) or len(members) > 1000:
        raise RpcError(ENTRY_REJECTED, "body.members must be a list of at most 1000 vkeys")
    out = []
    for item in members:
        if not isinstance(item, str):
            raise RpcError(ENTRY_REJECTED, "body.members must hold verifier keys (strings)")
        if len(item) > MAX_VKEY:
            raise RpcError(ENTRY_REJECTED, f"body.members: a vkey is at most {MAX_VKEY} characters")
        try:
            out.append(normal_vkey(item))
        except NoteError as exc:
            raise RpcError(ENTRY_REJECTED, f"body.members: {exc}") from exc
    return out


def authorize(statement: Statement, members: Mapping[str, Set[str]]) -> list[str]:
    """Check the actor may write in the statement's case; return members it adds."""
    case = statement.case
    if len(case) > MAX_CASE_ID:
        raise RpcError(ENTRY_REJECTED, f"a case id has at most {MAX_CASE_ID} characters")
    added = declared_members(statement.body)
    if case == PUBLIC_CASE:
        if added:
            raise RpcError(ENTRY_REJECTED, 'the public case "" has no members to add')
        return []
    actor = statement.actor
    current = members.get(case)
    if current is None:  # the statement opens the case
        return list(dict.fromkeys([actor, *added]))
    if actor not in current:
        raise RpcError(NOT_ALLOWED, f"the signer is not a member of case {case!r}")
    return [m for m in dict.fromkeys(added) if m not in current]


def may_read(actor: str | None, case: str, members: Mapping[str, Set[str]]) -> bool:
    if actor is None:
        return False
    if case == PUBLIC_CASE:
        return True
    return actor in members.get(case, ())
