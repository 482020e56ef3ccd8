"""Mediation's case tab: the casework tab (``ui.casework.tab``) bound to a mediation case.

It gives the tab the case's state to build statements from (``mediation.services.load``: a copy
of the store's state), reads the case view again through the desk's read API, and words a
refusal of the mediation rules in the user's language.
"""

from __future__ import annotations

from mediation import services
from mediation.case import CaseState
from ui.casework.tab import CaseTab
from ui.mediation.common import CaseView, load_case, show_mediation_error


class MediationTab(CaseTab):
    """A tab of the mediation case page."""

    view: CaseView | None

    def case_state(self) -> CaseState:
        return services.load(self.session.store, self.case_id)

    def read_view(self) -> CaseView:
        return load_case(self.session.store, self.case_id, self.session.key.vkey)

    def show_refusal(self, error: BaseException) -> object:
        return show_mediation_error(self, error)
