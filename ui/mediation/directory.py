"""Whose key is whose: the people a mediator can name as parties, with their verifier keys.

Two sources, both checked: the ``Identity`` projection of this desktop's store (enrolments this
desktop holds) and parties of earlier cases, read at once; and, on request, the enrolments the
chain node approved, read from the public case with ``case.entries`` on the network thread.
Each of those is an ``identity.approved`` entry signed by the node key this desktop pinned;
an entry whose signature does not verify, or that another key signed, is left out. Nothing is
written to the local log here: it is a look-up for choosing a key.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select

from chain_client.errors import NodeUnreachable
from chain_client.sync import ChainClient
from desk.session import DeskSession
from ledger.errors import LedgerError
from ledger.keys import parse_vkey
from ledger.statement import open_entry
from ledger.store.generic import Identity
from ledger.store.store import Store
from mediation.projections import MediationParty
from ui.ops import Cancelled, Op

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
    """The enrolments the node approved (run on the network thread, over the sync's login)."""
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


class Directory(QObject):
    """The people to choose from; ``changed`` after every (re)load, ``failed`` with an error."""

    changed = Signal()
    failed = Signal(object)

    def __init__(self, session: DeskSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.people: list[Person] = []
        self.looking_up = False
        self.reload_local()

    def reload_local(self) -> None:
        self._merge(local_people(self.session.store))

    def _merge(self, found: list[Person]) -> None:
        people = {p.vkey: p for p in self.people}
        for person in found:
            people[person.vkey] = person
        self.people = sorted(people.values(), key=lambda p: (p.name, p.vkey))
        self.changed.emit()

    def look_up(self) -> None:
        """Ask the node for every approved enrolment; the answer arrives as a signal."""
        if self.looking_up:
            return
        if not self.session.network.running:
            self.failed.emit(
                NodeUnreachable(url=self.session.client.config.url, detail="network not running")
            )
            return
        self.looking_up = True
        Op.on_loop(
            self.session.network,
            enrolled_people(self.session.client),
            parent=self,
            success=self._found,
            failure=self._not_found,
        ).start()

    def _found(self, people: list[Person]) -> None:
        self.looking_up = False
        self._merge(people)

    def _not_found(self, error: BaseException) -> None:
        self.looking_up = False
        if not isinstance(error, Cancelled):
            self.failed.emit(error)

    def find(self, vkey: str) -> Person | None:
        return next((p for p in self.people if p.vkey == vkey), None)
