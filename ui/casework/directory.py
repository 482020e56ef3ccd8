"""Whose key is whose, for the GUI: the people one can name in a case, kept current.

The look-ups are the desk's (``desk.read.directory``): local enrolments and parties of earlier
cases at once, and the enrolments the chain node approved on request, as an op on the network
loop whose answer comes back on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from chain_client.errors import NodeUnreachable
from desk.read.directory import Person, enrolled_people, local_people
from desk.session import DeskSession
from ui.ops import Cancelled, Op

__all__ = ["Directory", "Person"]


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
