"""The UI's language: Qt translators for our texts and Qt's own, switched at run time.

Source texts in the code are English; ``resources/translations/jcdesk_zh_CN.ts`` carries the
Simplified Chinese (the primary UI language, kept complete by ``tests/ui/test_i18n.py``) and
``jcdesk_en.ts`` the identity translation. ``scripts/update_translations.py`` extracts, merges
and compiles them. Installing a language makes Qt send ``LanguageChange`` to every widget,
which rebuilds its texts in ``retranslate_ui()``.

Rules (docs: STYLE.md): no f-strings inside ``tr()``; fill placeholders with
``.format(name=...)`` after ``tr()``; keep placeholders identical in every translation.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from ledger.errors import TRANSLATION_CONTEXT, LedgerError
from ledger.profile import LANGUAGES

log = logging.getLogger(__name__)

CATALOGUE = "jcdesk"
# Shown in the language chooser in the language itself, never translated.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}

ROLE_CONTEXT = "Role"
ROLE_NAMES = {
    "mediator": QT_TRANSLATE_NOOP("Role", "Mediator"),
    "administrator": QT_TRANSLATE_NOOP("Role", "Bankruptcy administrator"),
    "creditor": QT_TRANSLATE_NOOP("Role", "Creditor"),
    "party": QT_TRANSLATE_NOOP("Role", "Party"),
    "judge": QT_TRANSLATE_NOOP("Role", "Judge"),
    "observer": QT_TRANSLATE_NOOP("Role", "Observer"),
}


def translations_folder() -> Path:
    return Path(str(resources.files("resources") / "translations"))


def qm_path(language: str) -> Path:
    return translations_folder() / f"{CATALOGUE}_{language}.qm"


def role_name(role: str) -> str:
    """A ledger role (``ledger.statement.ROLES``) in the current UI language."""
    source = ROLE_NAMES.get(role)
    return QCoreApplication.translate(ROLE_CONTEXT, source) if source else role


def error_text(error: BaseException) -> str:
    """An error's message in the current UI language (ledger errors are translated)."""
    if isinstance(error, LedgerError):
        template = QCoreApplication.translate(TRANSLATION_CONTEXT, error.message)
        return error.render(template)
    return str(error) or type(error).__name__


class Translations(QObject):
    """The installed language. One per application; parented to it."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self._language = ""

    @classmethod
    def of(cls, app: QCoreApplication | None) -> Translations | None:
        """The application's installed ``Translations`` (the one with a language), if any."""
        if app is None:
            return None
        installed = [t for t in app.findChildren(cls) if t.language]
        return installed[-1] if installed else None

    @property
    def language(self) -> str:
        """``"zh_CN"`` or ``"en"``; empty until ``install`` is called."""
        return self._language

    def install(self, language: str) -> None:
        """Switch every widget to ``language`` (``"zh_CN"`` or ``"en"``)."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; use one of {LANGUAGES}")
        translators: list[QTranslator] = []
        ours = QTranslator(self)
        if ours.load(str(qm_path(language))):
            translators.append(ours)
        else:
            log.warning("no translations at %s; showing the source texts", qm_path(language))
        if language != "en":
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt = QTranslator(self)
            if qt.load(f"qtbase_{language}", qt_folder):
                translators.append(qt)
        self.remove()
        for translator in translators:
            self._app.installTranslator(translator)
        self._translators = translators
        QLocale.setDefault(QLocale(language))
        self._language = language
        self.changed.emit(language)

    def remove(self) -> None:
        """Take our translators out again (the UI shows the English source texts)."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._translators = []
        self._language = ""
