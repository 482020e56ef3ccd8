"""The first-run wizard: a profile, a key behind a passphrase, a chain node, and enrolment.

Nothing is written under ``<home>/profiles/<name>`` until Finish: the enrol page prepares the
profile (settings, encrypted key, local store) in a staging folder that profile listings skip
(``~wizard-…``), enrols the key from there, and Finish renames the folder into place. Cancel,
Back and Retry discard the staging folder. Slow work runs off the GUI thread (starting the
embedded node, scrypt and the store on threads of their own, the enrolment call on the network
thread); its outcome comes back to the GUI thread as a queued signal, so the wizard never
waits on a future.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import logging
import os
import re
import shutil
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk.embedded import LocalNode, start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from ledger.errors import LedgerError
from ledger.keys import SigningKey, parse_vkey
from ledger.profile import EMBEDDED, Profile, Settings, embedded_node_folder
from ledger.statement import ROLES
from ui import passphrase as pp
from ui.i18n import LANGUAGE_NAMES, Translations, error_text, role_name
from ui.ops import Op

log = logging.getLogger(__name__)

STAGING_PREFIX = "~wizard-"  # "~" is not allowed in profile names, so listings skip these
STALE_STAGING_SECONDS = 24 * 3600
_FOLDER_SAFE = re.compile(r"^[\w.-]{1,64}$")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)


# -- Qt-free checks ---------------------------------------------------------------------------


def profiles_root(home: Path) -> Path:
    return home / "profiles"


def _existing_names(home: Path) -> set[str]:
    root = profiles_root(home)
    if not root.is_dir():
        return set()
    return {p.name.casefold() for p in root.iterdir()}  # case-insensitive file systems too


def profile_name_problem(name: str, home: Path) -> str | None:
    """``"empty"``, ``"invalid"``, ``"reserved"``, ``"exists"``, or None when usable."""
    if not name:
        return "empty"
    if not _FOLDER_SAFE.match(name) or name.startswith(".") or name.endswith("."):
        return "invalid"
    if _WINDOWS_RESERVED.match(name):
        return "reserved"
    if name.casefold() in _existing_names(home):
        return "exists"
    return None


def suggest_profile_name(display_name: str, home: Path) -> str:
    """A folder-safe profile name from the display name (or "default"), not yet taken."""
    base = re.sub(r"\s+", "-", display_name.strip())
    base = "".join(ch for ch in base if _FOLDER_SAFE.match(ch)).strip(".-")[:60] or "default"
    if _WINDOWS_RESERVED.match(base):
        base = base + "-1"
    taken = _existing_names(home)
    candidate, number = base, 2
    while candidate.casefold() in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def chain_address_problem(address: str) -> str | None:
    """``"empty"``, ``"scheme"``, ``"host"``, or None for a usable ws:// or wss:// address."""
    address = address.strip()
    if not address:
        return "empty"
    parsed = urlparse(address)
    if parsed.scheme not in ("ws", "wss"):
        return "scheme"
    try:
        parsed.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return "host"
    if not parsed.hostname or " " in address:
        return "host"
    return None


def is_unencrypted_remote(address: str) -> bool:
    parsed = urlparse(address.strip())
    return parsed.scheme == "ws" and parsed.hostname not in ("127.0.0.1", "localhost", "::1")


# -- the chain chooser (also used by the settings dialog) ------------------------------------


class ChainForm(QWidget):
    """Embedded node or a court's node (ws:// / wss://), with the court's published keys."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.embedded_radio = QRadioButton()
        self.remote_radio = QRadioButton()
        self.group = QButtonGroup(self)
        self.group.addButton(self.embedded_radio)
        self.group.addButton(self.remote_radio)
        self.embedded_radio.setChecked(True)
        self.embedded_hint = QLabel()
        self.embedded_hint.setWordWrap(True)
        self.embedded_hint.setIndent(24)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText("wss://chain.court.example/ws")
        self.log_key_label = QLabel()
        self.log_key_edit = QLineEdit()
        self.witness_label = QLabel()
        self.witness_edit = QPlainTextEdit()
        self.witness_edit.setTabChangesFocus(True)
        self.witness_edit.setFixedHeight(self.witness_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.pins_hint = QLabel()
        self.pins_hint.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setObjectName("problem")
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a5a00;")

        remote = QGridLayout()
        remote.setContentsMargins(24, 0, 0, 0)
        remote.addWidget(self.address_edit, 0, 0, 1, 2)
        remote.addWidget(self.log_key_label, 1, 0)
        remote.addWidget(self.log_key_edit, 1, 1)
        remote.addWidget(self.witness_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        remote.addWidget(self.witness_edit, 2, 1)
        remote.addWidget(self.pins_hint, 3, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.embedded_radio)
        layout.addWidget(self.embedded_hint)
        layout.addSpacing(6)
        layout.addWidget(self.remote_radio)
        layout.addLayout(remote)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.problem_label)

        self.embedded_radio.toggled.connect(self._on_changed)
        self.address_edit.textChanged.connect(self._on_changed)
        self.log_key_edit.textChanged.connect(self._on_changed)
        self.witness_edit.textChanged.connect(self._on_changed)
        self.retranslate_ui()
        self._on_changed()

    # values

    @property
    def embedded(self) -> bool:
        return self.embedded_radio.isChecked()

    def chain(self) -> str:
        return EMBEDDED if self.embedded else self.address_edit.text().strip()

    def pinned_log_vkey(self) -> str:
        return "" if self.embedded else self.log_key_edit.text().strip()

    def pinned_witness_vkeys(self) -> list[str]:
        if self.embedded:
            return []
        lines = self.witness_edit.toPlainText().splitlines()
        return [line.strip() for line in lines if line.strip()]

    def set_settings(self, settings: Settings) -> None:
        remote = settings.chain != EMBEDDED
        (self.remote_radio if remote else self.embedded_radio).setChecked(True)
        self.address_edit.setText(settings.chain if remote else "")
        self.log_key_edit.setText(settings.pinned_log_vkey)
        self.witness_edit.setPlainText("\n".join(settings.pinned_witness_vkeys))
        self._on_changed()

    def apply_to(self, settings: Settings) -> None:
        settings.chain = self.chain()
        settings.pinned_log_vkey = self.pinned_log_vkey()
        settings.pinned_witness_vkeys = self.pinned_witness_vkeys()

    def problem(self) -> str | None:
        """What stops this choice from being used, in the UI language; None when usable."""
        if self.embedded:
            return None
        address_problem = chain_address_problem(self.address_edit.text())
        if address_problem == "empty":
            return self.tr("Enter the address of the court's chain node.")
        if address_problem is not None:
            return self.tr(
                "The address must start with ws:// or wss:// and name a host, for example "
                "wss://chain.court.example/ws."
            )
        log_key = self.pinned_log_vkey()
        if log_key:
            try:
                parse_vkey(log_key)
            except LedgerError:
                return self.tr("The log key is not a verifier key (name+hash+key).")
        witnesses = self.pinned_witness_vkeys()
        if witnesses and not log_key:
            return self.tr("Enter the log key as well, or leave the witness keys empty.")
        for number, witness in enumerate(witnesses, start=1):
            try:
                parse_vkey(witness)
            except LedgerError:
                return self.tr("Witness key {number} is not a verifier key.").format(number=number)
        return None

    # texts

    def retranslate_ui(self) -> None:
        self.embedded_radio.setText(self.tr("Embedded node on this computer (default)"))
        self.embedded_hint.setText(
            self.tr(
                "Good for trying the app and for a mediator working alone: the node runs in the "
                "background on this computer and approves new keys automatically."
            )
        )
        self.remote_radio.setText(self.tr("The court's chain node at this address:"))
        self.log_key_label.setText(self.tr("Log key (optional):"))
        self.witness_label.setText(self.tr("Witness keys (optional):"))
        self.log_key_edit.setPlaceholderText(self.tr("as published by the court"))
        self.witness_edit.setPlaceholderText(self.tr("one key per line"))
        self.pins_hint.setText(
            self.tr(
                "When the court publishes its log key, enter it: the desktop then refuses a "
                "node that presents other keys. Without it, the keys seen at the first "
                "connection are trusted from then on."
            )
        )
        self._on_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def _on_changed(self) -> None:
        remote = not self.embedded
        for widget in (self.address_edit, self.log_key_edit, self.witness_edit):
            widget.setEnabled(remote)
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))
        unencrypted = remote and problem is None and is_unencrypted_remote(self.chain())
        self.warning_label.setText(
            self.tr(
                "This address is not encrypted (ws://). Use wss:// for a node across a network."
            )
            if unencrypted
            else ""
        )
        self.warning_label.setVisible(unencrypted)
        self.changed.emit()


# -- pages ------------------------------------------------------------------------------------


def _paragraph() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("problem")
    label.setStyleSheet("color: #b3261e;")
    return label


class WelcomePage(QWizardPage):
    def __init__(self, translations: Translations | None) -> None:
        super().__init__()
        self.translations = translations
        self.intro = _paragraph()
        self.steps = _paragraph()
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        if translations is not None and translations.language:
            self.language_combo.setCurrentIndex(self.language_combo.findData(translations.language))
        self.language_combo.currentIndexChanged.connect(self._on_language)
        if translations is not None:
            translations.changed.connect(self._on_language_installed)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        layout.addLayout(row)
        self.language_label.setVisible(translations is not None)
        self.language_combo.setVisible(translations is not None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Welcome to Judicial Chain Desk"))
        self.setSubTitle(self.tr("Signed records for mediation and creditors' meetings"))
        self.intro.setText(
            self.tr(
                "Judicial Chain Desk keeps the record of a mediation or a bankruptcy case: "
                "session records, agreements, claims, objections and votes. Each of them is "
                "signed with your own key and sent to a judicial chain node, which keeps them "
                "in a log that cannot be changed afterwards and returns a receipt. Anyone "
                "holding a document or a receipt can later check it against the chain."
            )
        )
        self.steps.setText(
            self.tr(
                "This assistant sets up your profile on this computer in four steps: your "
                "name and role, your key and its passphrase, the chain node to use, and the "
                "enrolment of your key with that node."
            )
        )
        self.language_label.setText(self.tr("Language:"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(str)
    def _on_language_installed(self, language: str) -> None:
        blocked = self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))
        self.language_combo.blockSignals(blocked)

    @Slot(int)
    def _on_language(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if self.translations is not None and code and code != self.translations.language:
            self.translations.install(code)


class ProfilePage(QWizardPage):
    def __init__(self, home: Path) -> None:
        super().__init__()
        self.home = home
        self._name_edited = False
        self.display_name_label = QLabel()
        self.display_name_edit = QLineEdit()
        self.display_name_edit.setMaxLength(100)
        self.profile_name_label = QLabel()
        self.profile_name_edit = QLineEdit()
        self.profile_name_edit.setMaxLength(64)
        self.profile_name_edit.setText(suggest_profile_name("", home))
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setStyleSheet("color: palette(placeholder-text);")
        self.role_label = QLabel()
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem("", role)
        self.role_hint = _paragraph()
        self.role_hint.setStyleSheet("color: palette(placeholder-text);")
        self.problem_label = _problem_label()
        role = QVBoxLayout()
        role.setSpacing(4)
        role.addWidget(self.role_combo)
        role.addWidget(self.role_hint)
        profile_name = QVBoxLayout()
        profile_name.setSpacing(4)
        profile_name.addWidget(self.profile_name_edit)
        profile_name.addWidget(self.folder_label)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.display_name_label, self.display_name_edit)
        form.addRow(self.role_label, role)
        form.addRow(self.profile_name_label, profile_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        self.display_name_edit.textChanged.connect(self._on_display_name)
        self.profile_name_edit.textEdited.connect(self._on_profile_name_edited)
        self.profile_name_edit.textChanged.connect(self._refresh)
        self.retranslate_ui()

    # values

    def display_name(self) -> str:
        return self.display_name_edit.text().strip()

    def profile_name(self) -> str:
        return self.profile_name_edit.text().strip()

    def role(self) -> str:
        return str(self.role_combo.currentData())

    def set_role(self, role: str) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role))

    def problem(self) -> str | None:
        if not self.display_name():
            return self.tr("Enter your name as it should appear on signed records.")
        name = self.profile_name()
        kind = profile_name_problem(name, self.home)
        if kind == "empty":
            return self.tr("Choose a name for the profile folder.")
        if kind == "invalid":
            return self.tr(
                "A profile name may contain letters, digits, '.', '-' and '_' (at most 64), "
                "and may not begin or end with '.'."
            )
        if kind == "reserved":
            return self.tr("{name} is a reserved name on Windows; choose another.").format(
                name=name
            )
        if kind == "exists":
            return self.tr(
                "A profile named {name} already exists on this computer; choose another name."
            ).format(name=name)
        return None

    def isComplete(self) -> bool:  # noqa: N802
        return self.problem() is None

    # texts

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Who you are"))
        self.setSubTitle(
            self.tr("Your name and role are sent with your key when the node enrols it.")
        )
        self.display_name_label.setText(self.tr("Your name:"))
        self.display_name_edit.setPlaceholderText(self.tr("e.g. Wang Fang"))
        self.role_label.setText(self.tr("Role:"))
        for index in range(self.role_combo.count()):
            self.role_combo.setItemText(index, role_name(self.role_combo.itemData(index)))
        self.role_hint.setText(
            self.tr(
                "The court's operator approves the role. A key signs only its holder's own "
                "statements: a party signs with their own key, never at the mediator's."
            )
        )
        self.profile_name_label.setText(self.tr("Profile name:"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(str)
    def _on_display_name(self, text: str) -> None:
        if not self._name_edited:
            self.profile_name_edit.setText(suggest_profile_name(text, self.home))
        self._refresh()

    @Slot(str)
    def _on_profile_name_edited(self, text: str) -> None:
        self._name_edited = bool(text.strip())

    @Slot()
    def _refresh(self) -> None:
        folder = profiles_root(self.home) / (self.profile_name() or "…")
        self.folder_label.setText(self.tr("Saved in {folder}").format(folder=folder))
        problem = self.problem()
        touched = bool(self.display_name() or self._name_edited)
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem) and touched)
        self.completeChanged.emit()


class KeyPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.key: SigningKey | None = None
        self._refused = False  # the user pressed "Create key" and was told why not
        self.explain = _paragraph()
        self.passphrase_label = QLabel()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_label = QLabel()
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_check = QCheckBox()
        self.strength_label = QLabel()
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 100)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setFixedHeight(8)
        self.strength_words = QLabel()
        self.strength_words.setMinimumWidth(60)
        self.problem_label = _problem_label()
        self.create_button = QPushButton()
        self.create_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.key_label = _paragraph()
        self.key_id_edit = QLineEdit()
        self.key_id_edit.setReadOnly(True)
        self.key_id_edit.setVisible(False)
        self.key_id_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        strength = QHBoxLayout()
        strength.addWidget(self.strength_bar, 1)
        strength.addWidget(self.strength_words)
        form = QFormLayout()
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow(self.repeat_label, self.repeat_edit)
        form.addRow("", self.show_check)
        form.addRow(self.strength_label, strength)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.create_button)
        layout.addWidget(self.key_label)
        layout.addWidget(self.key_id_edit)
        layout.addStretch(1)

        self.passphrase_edit.textChanged.connect(self._refresh)
        self.repeat_edit.textChanged.connect(self._refresh)
        self.show_check.toggled.connect(self._on_show)
        self.create_button.clicked.connect(self.create_key)
        self.retranslate_ui()

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def problem(self) -> str | None:
        kind = pp.problem(self.passphrase_edit.text(), self.repeat_edit.text())
        if kind is pp.Problem.EMPTY:
            return self.tr("Choose a passphrase and type it twice.")
        if kind is pp.Problem.TOO_SHORT:
            return self.tr("The passphrase must be at least {count} characters long.").format(
                count=pp.MIN_LENGTH
            )
        if kind is pp.Problem.TOO_WEAK:
            return self.tr(
                "This passphrase is too easy to guess. Use a longer one, for example a short "
                "sentence."
            )
        if kind is pp.Problem.MISMATCH:
            return self.tr("The two passphrases do not match.")
        return None

    @Slot()
    def create_key(self) -> None:
        """Generate the key once the passphrase is acceptable (it is saved on Finish)."""
        if self.problem() is not None:
            self._refused = True
            self._refresh()
            return
        if self.key is None:
            self.key = SigningKey.generate()
        self._refresh()

    def isComplete(self) -> bool:  # noqa: N802
        return self.key is not None and self.problem() is None

    def validatePage(self) -> bool:  # noqa: N802
        if not self.isComplete():
            self._refused = True
            self._refresh()
            return False
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your key"))
        self.setSubTitle(self.tr("A key pair that signs your statements, kept on this computer"))
        self.explain.setText(
            self.tr(
                "Your key is stored encrypted in the profile folder; the passphrase unlocks "
                "it each time you start the app. Nobody can recover a forgotten passphrase: "
                "you would need a new key, approved again by the court."
            )
        )
        self.passphrase_label.setText(self.tr("Passphrase:"))
        self.repeat_label.setText(self.tr("Repeat it:"))
        self.show_check.setText(self.tr("Show the passphrase"))
        self.strength_label.setText(self.tr("Strength:"))
        self.create_button.setText(self.tr("Create key"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(bool)
    def _on_show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    @Slot()
    def _refresh(self) -> None:
        strength = pp.assess(self.passphrase_edit.text())
        words = {
            pp.Level.EMPTY: "",
            pp.Level.WEAK: self.tr("weak"),
            pp.Level.FAIR: self.tr("fair"),
            pp.Level.STRONG: self.tr("strong"),
        }
        colours = {
            pp.Level.EMPTY: "#9e9e9e",
            pp.Level.WEAK: "#c62828",
            pp.Level.FAIR: "#ef8f00",
            pp.Level.STRONG: "#2e7d32",
        }
        self.strength_bar.setValue(strength.percent)
        self.strength_bar.setStyleSheet(
            "QProgressBar { border: 1px solid #bdbdbd; border-radius: 3px; background: #eeeeee; }"
            f"QProgressBar::chunk {{ background: {colours[strength.level]}; border-radius: 3px; }}"
        )
        self.strength_words.setText(words[strength.level])
        self.strength_words.setStyleSheet(f"color: {colours[strength.level]};")
        problem = self.problem()
        # Say what is wrong once the user has typed the passphrase twice or pressed the button.
        visible = bool(problem) and (self._refused or bool(self.repeat_edit.text()))
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(visible)
        if self.key is None:
            self.key_label.setText("")
            self.key_id_edit.setVisible(False)
        else:
            self.key_label.setText(
                self.tr(
                    "Your key has been created. Its key id, which the court's operator sees "
                    "when approving it:"
                )
            )
            self.key_id_edit.setText(self.key.key_id)
            self.key_id_edit.setVisible(True)
        self.create_button.setEnabled(self.key is None)
        self.completeChanged.emit()


class NodePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.explain = _paragraph()
        self.form = ChainForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.form.changed.connect(self.completeChanged)
        self.retranslate_ui()

    def isComplete(self) -> bool:  # noqa: N802
        return self.form.problem() is None

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Chain node"))
        self.setSubTitle(self.tr("Where your signed statements are recorded"))
        self.explain.setText(
            self.tr(
                "A court runs a judicial chain node for its cases and tells you its address. "
                "Until then, the embedded node keeps your records on this computer."
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# -- enrolment --------------------------------------------------------------------------------


@dataclass
class _Attempt:
    """One try at preparing and enrolling the profile, in its own staging folder.

    ``discard`` may be called while work is still running; the folder and the store are then
    released by whichever future finishes last (on the thread it finishes on: file and store
    operations only, no Qt).
    """

    number: int
    staging: Path
    network: NetworkThread
    session: DeskSession | None = None
    pending: set[concurrent.futures.Future[Any]] = field(default_factory=set)
    discarded: bool = False
    released: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def track(self, future: concurrent.futures.Future[Any]) -> None:
        with self.lock:
            self.pending.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: concurrent.futures.Future[Any]) -> None:
        with self.lock:
            self.pending.discard(future)
            release = self.discarded and not self.pending
        if release:
            self.release()

    def discard(self) -> None:
        with self.lock:
            self.discarded = True
            release = not self.pending
        if release:
            self.release()

    def close_session(self) -> None:
        session, self.session = self.session, None
        if session is None:
            return
        rpc = session.client.rpc
        if rpc is not None and self.network.running:
            with contextlib.suppress(RuntimeError):
                self.network.submit(rpc.close())
        session.close()

    def release(self) -> None:
        with self.lock:
            if self.released:
                return
            self.released = True
        self.close_session()
        shutil.rmtree(self.staging, ignore_errors=True)


@dataclass(frozen=True)
class _Plan:
    """What the enrol page needs from the earlier pages."""

    home: Path
    profile_name: str
    settings: Settings
    key: SigningKey
    passphrase: str


def _prepare(plan: _Plan, attempt: _Attempt, url: str) -> DeskSession:
    """Worker thread: write settings and the encrypted key, open the store, in staging."""
    staging = Profile(plan.profile_name, attempt.staging)
    staging.save_settings(plan.settings)
    plan.key.save(staging.key_path, plan.passphrase)
    # Adopted before the future completes, so that a discarded attempt always releases it.
    attempt.session = DeskSession.open(staging, plan.key, attempt.network, url)
    return attempt.session


def remove_stale_staging(home: Path, older_than: float = STALE_STAGING_SECONDS) -> None:
    """Staging folders left by a wizard that was killed (a power cut, a crash)."""
    root = profiles_root(home)
    if not root.is_dir():
        return
    now = time.time()
    for folder in root.glob(STAGING_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if now - folder.stat().st_mtime > older_than:
                shutil.rmtree(folder, ignore_errors=True)


class EnrolPage(QWizardPage):
    def __init__(self, home: Path, network: NetworkThread) -> None:
        super().__init__()
        self.home = home
        self.network = network
        self.local_node: LocalNode | None = None
        self.enrolment: dict[str, Any] | None = None
        self.auto_approve = False
        self._node_op: Op | None = None  # the embedded node starting, shared by retries
        self._attempt: _Attempt | None = None
        self._numbers = 0
        self._state = "idle"  # idle, node, prepare, enrol, approved, pending, failed
        self._failure: tuple[str, BaseException] | None = None
        self._plan: _Plan | None = None
        self._closed = False

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(8)
        self.status_label = _paragraph()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label = _paragraph()
        self.retry_button = QPushButton()
        self.retry_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.retry_button.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.retry_button)
        layout.addStretch(1)
        self.retranslate_ui()

    # -- the wizard's view ----------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    def initializePage(self) -> None:  # noqa: N802
        self.start()

    def cleanupPage(self) -> None:  # noqa: N802
        """Back: drop what this page prepared (the node keeps running for the next try)."""
        self.discard()

    def isComplete(self) -> bool:  # noqa: N802
        return self._state in ("approved", "pending")

    def plan(self) -> _Plan:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard.plan()

    # -- the steps ------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Start (or retry): make sure a node is there, prepare the profile, enrol."""
        self.discard()
        self._plan = self.plan()
        self._numbers += 1
        self._attempt = _Attempt(
            self._numbers,
            profiles_root(self.home) / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}",
            self.network,
        )
        self.enrolment = None
        self._failure = None
        if self._plan.settings.chain == EMBEDDED and self.local_node is None:
            self._set_state("node")
            if self._node_op is None:  # else still starting from an earlier try: its outcome
                # moves this one on
                op = Op(start_or_attach, embedded_node_folder(self.home), parent=self)
                op.on_success(functools.partial(self._node_started, op))
                op.on_failure(functools.partial(self._node_failed, op))
                self._node_op = op.start()
            return
        self._prepare()

    @property
    def _node_future(self) -> concurrent.futures.Future[LocalNode] | None:
        """The embedded node's start while it runs (its outcome, on the worker)."""
        return self._node_op.future if self._node_op is not None else None

    def _prepare(self) -> None:
        assert self._attempt is not None and self._plan is not None
        url = self._plan.settings.chain
        if url == EMBEDDED:
            assert self.local_node is not None
            url = self.local_node.url
        self._set_state("prepare")
        attempt = self._attempt
        attempt.staging.parent.mkdir(parents=True, exist_ok=True)
        op = Op(_prepare, self._plan, attempt, url, parent=self)
        # Whatever becomes of the wizard, the attempt releases what the worker made: its
        # future's callback runs on the worker, even when the page is gone.
        attempt.track(op.future)
        op.on_success(functools.partial(self._step_done, attempt.number, "prepare"))
        op.on_failure(functools.partial(self._step_failed, attempt.number, "prepare"))
        op.start()

    def _enrol(self) -> None:
        attempt = self._attempt
        assert attempt is not None and attempt.session is not None
        self._set_state("enrol")
        settings = attempt.session.settings
        op = Op.on_loop(
            self.network,
            attempt.session.client.enrol(settings.display_name, settings.role),
            parent=self,
            success=functools.partial(self._step_done, attempt.number, "enrol"),
            failure=functools.partial(self._step_failed, attempt.number, "enrol"),
        )
        attempt.track(op.future)
        op.start()

    def _current(self, number: int, step: str) -> bool:
        """Is ``step`` of try ``number`` what the page waits for? (Else an abandoned try,
        whose ``_Attempt`` releases what it made.)"""
        return (
            self._attempt is not None and number == self._attempt.number and (self._state == step)
        )

    def _step_done(self, number: int, step: str, result: Any) -> None:
        if not self._current(number, step):
            return
        if step == "prepare":
            self._enrol()
        elif step == "enrol":
            assert self._attempt is not None and self._attempt.session is not None
            self.auto_approve = self._attempt.session.client.status.auto_approve
            answer = dict(result)
            answer.setdefault("auto_approve", self.auto_approve)
            self.enrolment = answer
            self._set_state("approved" if answer.get("status") == "approved" else "pending")

    def _step_failed(self, number: int, step: str, error: BaseException) -> None:
        if self._current(number, step):
            self._fail(step, error)

    def _node_started(self, op: Op, node: LocalNode) -> None:
        if op is not self._node_op:
            return  # given up by close(): _stop_started_node stops it
        self._node_op = None
        if self.local_node is None and not self._closed:
            self.local_node = node
        else:
            node.stop()
        if self._attempt is not None and self._state == "node":
            self._prepare()

    def _node_failed(self, op: Op, error: BaseException) -> None:
        if op is not self._node_op:
            return
        self._node_op = None
        if self._attempt is not None and self._state == "node":
            self._fail("node", error)

    def _fail(self, step: str, error: BaseException) -> None:
        if not isinstance(error, LedgerError):
            log.warning("enrolment step %s failed", step, exc_info=error)
        self._failure = (step, error)
        self._set_state("failed")

    def discard(self) -> None:
        """Abandon the current try: its staging folder and store go (now or when done)."""
        attempt, self._attempt = self._attempt, None
        if attempt is not None:
            attempt.discard()
        self.enrolment = None
        if self._state not in ("idle",):
            self._set_state("idle")

    def finish(self) -> Profile:
        """Close the session and move the staging folder into place; returns the profile."""
        attempt = self._attempt
        assert attempt is not None and self._plan is not None and self.isComplete()
        final = Profile.named(self._plan.profile_name, self.home)
        if final.folder.exists():
            raise FileExistsError(str(final.folder))
        attempt.close_session()
        os.replace(attempt.staging, final.folder)
        with attempt.lock:
            attempt.released = True  # nothing left to remove
        self._attempt = None
        return final

    def close(self) -> None:
        """The wizard is done: stop a node that no caller will take over."""
        self._closed = True
        self.discard()
        op, self._node_op = self._node_op, None
        if op is not None:  # still starting: stopped when it has started, on the worker
            op.future.add_done_callback(_stop_started_node)

    # -- texts ----------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self._state = state
        self._render_status()
        self.completeChanged.emit()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Enrolment"))
        self.setSubTitle(self.tr("The chain node learns your key and your role"))
        self.retry_button.setText(self.tr("Retry"))
        self._render_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _render_status(self) -> None:
        plan = self._plan
        if plan is not None:
            if plan.settings.chain == EMBEDDED:
                chain = self.tr("embedded node on this computer")
            else:
                chain = plan.settings.chain
            rows = [
                (self.tr("Name"), plan.settings.display_name),
                (self.tr("Role"), role_name(plan.settings.role)),
                (self.tr("Profile"), plan.profile_name),
                (self.tr("Key id"), plan.key.key_id),
                (self.tr("Chain node"), chain),
            ]
            self.summary.setText(
                "<table cellspacing='0' cellpadding='2'>"
                + "".join(
                    f"<tr><td style='padding-right:12px'>{_html(k)}</td><td><b>{_html(v)}</b>"
                    "</td></tr>"
                    for k, v in rows
                )
                + "</table>"
            )
        state = self._state
        self.busy.setVisible(state in ("node", "prepare", "enrol"))
        self.retry_button.setVisible(state == "failed")
        note = ""
        if state == "node":
            text = self.tr("Starting the embedded node on this computer…")
        elif state == "prepare":
            text = self.tr("Encrypting your key and preparing the profile…")
        elif state == "enrol":
            text = self.tr("Sending the enrolment to the chain node…")
        elif state == "approved":
            text = self.tr("Approved: your key may now sign as {role}.").format(
                role=role_name(plan.settings.role) if plan else ""
            )
            if self.auto_approve:
                note = self.tr(
                    "The embedded node on this computer approves new keys automatically. A "
                    "court's node waits for its operator instead."
                )
            else:
                note = self.tr("Press Finish to open your profile.")
        elif state == "pending":
            text = self.tr("Pending: the court's operator must approve key {key_id}.").format(
                key_id=plan.key.key_id if plan else ""
            )
            note = self.tr(
                "You can finish now. Until the key is approved, what you sign waits on this "
                "computer; the status bar shows when the node accepts it."
            )
        elif state == "failed" and self._failure is not None:
            step, error = self._failure
            if step == "node":
                text = self.tr("The embedded node could not be started: {error}")
            elif step == "prepare":
                text = self.tr("The profile could not be prepared: {error}")
            else:
                text = self.tr("The enrolment did not reach the chain node: {error}")
            text = text.format(error=error_text(error))
            note = self.tr(
                "Check the address and your network connection, then press Retry, or go Back "
                "to choose another node."
            )
        else:
            text = ""
        self.status_label.setText(text)
        colour = {"failed": "#b3261e", "approved": "#2e7d32", "pending": "#8a5a00"}.get(state)
        self.status_label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))


def _stop_started_node(future: concurrent.futures.Future[LocalNode]) -> None:
    if not future.cancelled() and future.exception() is None:
        future.result().stop()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- the wizard -------------------------------------------------------------------------------


def logo_pixmap(size: int = 56) -> QPixmap:
    """Two links of a chain on a deep blue disc: drawn, so that no image file is needed."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(QColor("#1f3a68"))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    pen = QPen(QColor("#f5f5f5"))
    pen.setWidthF(size / 14)
    painter.setPen(pen)
    painter.setBrush(QColor(0, 0, 0, 0))
    w, h = size * 0.36, size * 0.22
    painter.save()
    painter.translate(size / 2, size / 2)
    painter.rotate(-35)
    painter.drawRoundedRect(-w + size * 0.06, -h / 2, w, h, h / 2, h / 2)
    painter.drawRoundedRect(-size * 0.06, -h / 2, w, h, h / 2, h / 2)
    painter.restore()
    painter.end()
    return pixmap


class FirstRunWizard(QWizard):
    """Sets up a profile. After ``exec()`` returns Accepted: ``profile``, ``key`` (unlocked),
    ``enrolment`` (the node's answer) and ``local_node`` (the embedded node, or None; the
    caller keeps it and stops it at exit)."""

    def __init__(
        self,
        home: Path,
        network: NetworkThread,
        parent: QWidget | None = None,
        *,
        translations: Translations | None = None,
    ) -> None:
        super().__init__(parent)
        self.home = Path(home)
        self.network = network
        if translations is None:
            translations = Translations.of(QCoreApplication.instance())
        self.translations = translations
        self.profile: Profile | None = None
        self.key: SigningKey | None = None
        self.enrolment: dict[str, Any] = {}
        self.local_node: LocalNode | None = None
        remove_stale_staging(self.home)

        self.welcome_page = WelcomePage(translations)
        self.profile_page = ProfilePage(self.home)
        self.key_page = KeyPage()
        self.node_page = NodePage()
        self.enrol_page = EnrolPage(self.home, network)
        for page in (
            self.welcome_page,
            self.profile_page,
            self.key_page,
            self.node_page,
            self.enrol_page,
        ):
            self.addPage(page)
        if sys.platform != "darwin":  # macOS keeps its native assistant look
            self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, logo_pixmap())
        self.setMinimumSize(640, 540)
        self.retranslate_ui()

    def language(self) -> str:
        if self.translations is not None and self.translations.language:
            return self.translations.language
        return "zh_CN"

    def plan(self) -> _Plan:
        assert self.key_page.key is not None
        settings = Settings(
            display_name=self.profile_page.display_name(),
            role=self.profile_page.role(),
            language=self.language(),
        )
        self.node_page.form.apply_to(settings)
        return _Plan(
            home=self.home,
            profile_name=self.profile_page.profile_name(),
            settings=settings,
            key=self.key_page.key,
            passphrase=self.key_page.passphrase(),
        )

    def done(self, result: int) -> None:
        if result == QWizard.DialogCode.Accepted:
            if self.currentPage() is not self.enrol_page or not self.enrol_page.isComplete():
                return
            try:
                self.profile = self.enrol_page.finish()
            except OSError as exc:
                self.enrol_page._fail("prepare", exc)
                return
            self.key = self.key_page.key
            self.enrolment = dict(self.enrol_page.enrolment or {})
            self.local_node = self.enrol_page.local_node
            if self._plan_chain() != EMBEDDED and self.local_node is not None:
                self.local_node.stop()  # tried the embedded node, then chose a court's node
                self.local_node = None
            self.enrol_page.local_node = None
            self.enrol_page.close()
        else:
            node, self.enrol_page.local_node = self.enrol_page.local_node, None
            self.enrol_page.close()
            if node is not None:
                node.stop()
            self.local_node = None
        super().done(result)

    def _plan_chain(self) -> str:
        return self.node_page.form.chain()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up Judicial Chain Desk"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
