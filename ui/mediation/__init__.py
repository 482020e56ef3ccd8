"""The mediation module of the desktop: cases, sessions, agreements, signatures, performance,
documents and the timeline, over ``mediation.services`` and ``DeskSession``."""

from ui.mediation.page import MediationPage

__all__ = ["MediationPage"]
