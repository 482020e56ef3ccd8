"""The Bankruptcy page: claims for administrators and creditors (``BankruptcyPage``)."""

from ui.bankruptcy.page import BankruptcyPage

__all__ = ["BankruptcyPage"]
