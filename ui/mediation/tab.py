"""What every tab of a case page does: show a ``CaseView``, and sign through the one path.

``sign`` builds a statement from the case's *current* history in the local store (never a
cached copy, so the rules see what the node will see), checks it through a
``mediation.services`` function, and hands it to ``DeskSession.record`` (sign, append as
pending, wake the sync) in one transaction. A rule that says no is shown in words, with its
article, and nothing is stored.

``sign_at_desk`` is the one way a party signs at this desk (``signing.PartyKeyDialog``): the
party unlocks their own key in the dialog, the key is taken from it once, used for this one
statement through ``sign`` and dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desk.session import DeskSession
from ledger.keys import SigningKey
from ledger.statement import Entry, Statement
from mediation import services
from ui.mediation.common import CaseView, attempt, load_case
from ui.mediation.signing import PartyKeyDialog
from ui.mediation.widgets import open_dialog

# Builds a party's statement from the current history and the party's own (unlocked) key.
PartyBuild = Callable[[list[Statement], SigningKey], Statement]


class CaseTab(QWidget):
    """A tab of the case page (subclasses build their widgets and texts)."""

    recorded = Signal()  # something was signed here: the page refreshes every tab

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view: CaseView | None = None
        self.key_dialog: PartyKeyDialog | None = None  # open while a party signs here
        self._party_build: PartyBuild | None = None

    # -- showing ---------------------------------------------------------------------------

    def show_case(self, view: CaseView) -> None:
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

    # -- signing ---------------------------------------------------------------------------

    @property
    def case_id(self) -> str:
        return self.view.case_id if self.view is not None else ""

    def past(self) -> list[Statement]:
        return services.load(self.session.store, self.case_id)

    def sign(
        self,
        build: Callable[[list[Statement]], Statement],
        *,
        key: SigningKey | None = None,
        also: Callable[[Session], None] | None = None,
    ) -> Entry | None:
        """Build from the current history, sign with ``key`` (default: this profile's), store.

        Returns the entry, or None when a rule refused (the user was told why).
        """

        def run() -> Entry:
            statement = build(self.past())
            return self.session.record(statement, key=key, also=also)

        entry = attempt(self, run)
        if entry is not None:
            self.recorded.emit()  # the case page refreshes every tab
            if self.view is not None and all(
                item.leaf != entry.leaf_hash for item in self.view.logged
            ):
                self.reload()  # nobody refreshed this tab (it stands alone)
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
            self.sign(lambda past: build(past, key), key=key)

    def reload(self) -> None:
        if self.view is not None:
            self.show_case(load_case(self.session.store, self.case_id, self.session.key.vkey))
