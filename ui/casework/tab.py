"""The tab of a case page, for any domain: show a case view, and sign through the one path.

``sign`` builds a statement from the case's *current* state in the local store (never a copy
the tab holds, so the rules see what the node will see: ``case_state``, which a domain's tab
gives), checks it through a domain service, and hands it to ``DeskSession.record`` (sign,
append as pending, wake the sync) in one transaction. A rule that says no is shown in words,
with its article (``show_refusal``), and nothing is stored.

``sign_at_desk`` is the one way a party signs at this desk (``ui.casework.signing``): the party
unlocks their own key in ``PartyKeyDialog``, the key is taken from it once, used for this one
statement through ``sign`` and dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QWidget

from desk.read.entries import Logged
from desk.session import DeskSession
from ledger.errors import LedgerError
from ledger.keys import SigningKey
from ledger.statement import Entry, Statement
from ui.casework.signing import PartyKeyDialog
from ui.casework.widgets import open_dialog
from ui.errors import show_error

T = TypeVar("T")
# Builds a statement from the case's current state (a domain's reducer state).
Build = Callable[[Any], Statement]
# Builds a party's statement from the current state and the party's own (unlocked) key.
PartyBuild = Callable[[Any, SigningKey], Statement]


class CaseView(Protocol):
    """What a tab needs of a domain's case view."""

    @property
    def case_id(self) -> str: ...

    @property
    def me(self) -> str: ...  # this profile's verifier key

    @property
    def logged(self) -> Sequence[Logged]: ...  # the entries that count, in log order


def attempt(
    parent: QWidget | None,
    action: Callable[[], T],
    show: Callable[[QWidget | None, BaseException], object] = show_error,
) -> T | None:
    """Run ``action``; an expected failure (a rule said no) is shown and gives None."""
    try:
        return action()
    except LedgerError as exc:
        show(parent, exc)
        return None


class CaseTab(QWidget):
    """A tab of a case page (a domain's tabs build their widgets, texts and statements)."""

    recorded = Signal()  # something was signed here: the page refreshes every tab

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view: Any = None  # the domain's case view (``CaseView``), None before a case
        self.key_dialog: PartyKeyDialog | None = None  # open while a party signs here
        self.on_page = False  # a case page reads the case again when this tab signs
        self._party_build: PartyBuild | None = None

    # -- what a domain's tab provides -----------------------------------------------------

    def case_state(self) -> Any:
        """The case's state as the store holds it now (a copy), to build a statement from."""
        raise NotImplementedError

    def read_view(self) -> Any:
        """The case view read again from the store."""
        raise NotImplementedError

    def show_refusal(self, error: BaseException) -> object:
        """Show a refusal in words (a domain translates its rules' texts)."""
        return show_error(self, error)

    # -- showing ---------------------------------------------------------------------------

    def show_case(self, view: Any) -> None:
        self.view = view
        self.update_view()

    def update_view(self) -> None:
        """Show ``self.view`` (subclasses)."""

    def retranslate_ui(self) -> None:
        """Set every text (subclasses); called from ``__init__`` and on LanguageChange."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.view is not None:
                self.update_view()
        super().changeEvent(event)

    def reload(self) -> None:
        if self.view is not None:
            self.show_case(self.read_view())

    # -- signing ---------------------------------------------------------------------------

    @property
    def case_id(self) -> str:
        return self.view.case_id if self.view is not None else ""

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run ``action``; a refusal is shown (``show_refusal``) and gives None."""
        return attempt(self, action, lambda _parent, error: self.show_refusal(error))

    def sign(
        self,
        build: Build,
        *,
        key: SigningKey | None = None,
        also: Callable[[Any], None] | None = None,
    ) -> Entry | None:
        """Build from the current state, sign with ``key`` (default: this profile's), store.

        ``also`` writes local-only rows in the same transaction (``DeskSession.record``).

        Returns the entry, or None when a rule refused (the user was told why).
        """

        def run() -> Entry:
            statement = build(self.case_state())
            return self.session.record(statement, key=key, also=also)

        entry = self.attempt(run)
        if entry is not None:
            self.recorded.emit()  # the case page reads the case again for every tab
            if not self.on_page:
                self.reload()  # a tab that stands alone reads it itself
        return entry

    def others(self, keys: dict[str, str]) -> dict[str, str]:
        """``keys`` without this profile's own (it signs with its own button, not here)."""
        me = self.view.me if self.view is not None else ""
        return {key: name for key, name in keys.items() if key != me}

    def sign_at_desk(self, expected: dict[str, str], purpose: str, build: PartyBuild) -> None:
        """A party who may sign (``expected``: key -> name) signs ``purpose`` at this desk."""
        if not expected:
            return
        dialog = PartyKeyDialog(expected, purpose, self)
        self.key_dialog, self._party_build = dialog, build
        dialog.rejected.connect(self._forget_party)
        open_dialog(dialog, self._on_party_key)

    @Slot()
    def _forget_party(self) -> None:
        self.key_dialog, self._party_build = None, None

    @Slot()
    def _on_party_key(self) -> None:
        dialog, build = self.sender(), self._party_build
        if not isinstance(dialog, PartyKeyDialog) or build is None:
            return
        self.key_dialog, self._party_build = None, None
        key = dialog.take_key()
        if key is not None:
            self.sign(lambda state: build(state, key), key=key)
