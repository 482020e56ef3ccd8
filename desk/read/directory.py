"""Whose key is whose: the people one can name in a case, with their verifier keys.

Two sources, both checked: the ``Identity`` projection of this desktop's store (enrolments this
desktop holds) and parties of earlier cases, read at once; and, on request, the enrolments the
chain node approved, read from the public case with ``case.entries`` on the network loop.
Each of those is an ``identity.approved`` entry signed by the node key this desktop pinned;
an entry whose signature does not verify, or that another key signed, is left out. Nothing is
written to the local log here: it is a look-up for choosing a key.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from chain_client.errors import NodeUnreachable
from chain_client.sync import ChainClient
from ledger.errors import LedgerError
from ledger.keys import parse_vkey
from ledger.statement import open_entry
from ledger.store.generic import Identity
from ledger.store.store import Store
from mediation.projections import MediationParty

PAGE = 500


@dataclass(frozen=True)
class Person:
    vkey: str
    name: str
    role: str  # a ledger role (mediator, party, ...) or "party" for a party of earlier cases

    @property
    def key_id(self) -> str:
        try:
            return parse_vkey(self.vkey).key_id
        except LedgerError:
            return ""


def local_people(store: Store) -> list[Person]:
    """Enrolled identities this desktop holds, then parties of earlier cases, by name."""
    people: dict[str, Person] = {}
    with store.session() as session:
        for row in session.scalars(select(Identity)):
            people[row.actor] = Person(row.actor, row.name, row.role)
        for vkey, name in session.execute(
            select(MediationParty.key, MediationParty.name).where(MediationParty.key != "")
        ):
            people.setdefault(vkey, Person(vkey, name, "party"))
    return sorted(people.values(), key=lambda p: (p.name, p.vkey))


async def enrolled_people(client: ChainClient) -> list[Person]:
    """The enrolments the node approved (run on the network loop, over the sync's login)."""
    rpc = client.rpc
    if rpc is None or rpc.closed.is_set() or client.status.state != "online":
        raise NodeUnreachable(url=client.config.url, detail="not connected")
    node_key = client.pin.node_vkey if client.pin is not None else ""
    people: dict[str, Person] = {}
    start = 0
    while True:
        answer = await rpc.call("case.entries", {"case": "", "from_index": start, "limit": PAGE})
        items = answer.get("entries") if isinstance(answer, dict) else None
        if not isinstance(items, list) or not items:
            break
        for item in items:
            try:
                statement = open_entry(item["entry"]).statement
            except (LedgerError, KeyError, TypeError):
                continue
            if statement.type != "identity.approved" or statement.actor != node_key:
                continue
            body = statement.body
            key, name = body.get("key"), body.get("name")
            if isinstance(key, str) and isinstance(name, str):
                people[key] = Person(key, name, str(body.get("role", "")))
        start = int(items[-1]["index"]) + 1
        if len(items) < PAGE:
            break
    return sorted(people.values(), key=lambda p: (p.name, p.vkey))
