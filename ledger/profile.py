"""Where a profile keeps its things: one folder per profile in the user data folder.

``<data>/profiles/<name>/identity.key`` holds the person's encrypted key, ``data.key`` the data
key that seals personal data in the store (``ledger.vault``), ``desk.sqlite`` the local store,
``desk.log`` the log file. The folder is the owner's only (0700, files 0600): ``secure`` makes
it so, and ``DeskSession.open`` calls it, so profiles from before are tightened at open.
``JCDESK_HOME`` moves the data folder (tests, portable installs); ``JCDESK_DATABASE_URL`` points
the store at another database (e.g. PostgreSQL).
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "JudicialChainDesk"
DEFAULT_PROFILE = "default"
_NAME = re.compile(r"^[\w.-]{1,64}$")


def data_home() -> Path:
    override = os.environ.get("JCDESK_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


LANGUAGES = ("zh_CN", "en")
EMBEDDED = "embedded"


@dataclass
class Settings:
    """What a profile remembers besides its key and its store (``settings.json``)."""

    display_name: str = ""
    role: str = "party"
    language: str = "zh_CN"
    chain: str = EMBEDDED  # "embedded" or a ws:// / wss:// address
    pinned_log_vkey: str = ""  # optional: a court's published keys, checked on connect
    pinned_witness_vkeys: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> Settings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        settings = cls(**known)
        if settings.language not in LANGUAGES:
            settings.language = "zh_CN"
        return settings


@dataclass(frozen=True)
class Profile:
    name: str
    folder: Path

    @classmethod
    def named(cls, name: str = DEFAULT_PROFILE, home: Path | None = None) -> Profile:
        if not _NAME.match(name) or name in (".", ".."):
            raise ValueError(f"profile name {name!r}: use letters, digits, '.', '-' or '_'")
        return cls(name, (home or data_home()) / "profiles" / name)

    @property
    def key_path(self) -> Path:
        return self.folder / "identity.key"

    @property
    def data_key_path(self) -> Path:
        return self.folder / "data.key"

    @property
    def database_path(self) -> Path:
        return self.folder / "desk.sqlite"

    @property
    def log_path(self) -> Path:
        return self.folder / "desk.log"

    @property
    def settings_path(self) -> Path:
        return self.folder / "settings.json"

    def database_url(self) -> str:
        return os.environ.get("JCDESK_DATABASE_URL") or f"sqlite:///{self.database_path}"

    @property
    def is_set_up(self) -> bool:
        """A profile is usable once it has a key and settings (the wizard writes both)."""
        return self.key_path.exists() and self.settings_path.exists()

    def load_settings(self) -> Settings:
        try:
            return Settings.from_json(json.loads(self.settings_path.read_text("utf-8")))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError, TypeError):
            return Settings()  # a damaged settings file falls back to defaults, key untouched

    def save_settings(self, settings: Settings) -> None:
        self.secure()
        tmp = self.settings_path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(asdict(settings), ensure_ascii=False, indent=2))
        os.replace(tmp, self.settings_path)

    def secure(self) -> None:
        """Create the folder if needed and make it and everything in it the owner's only
        (0700 folders, 0600 files): it holds personal data, the log and the keys."""
        self.folder.mkdir(parents=True, exist_ok=True)
        _chmod(self.folder, 0o700)
        for root, folders, files in os.walk(self.folder):
            for name in folders:
                _chmod(Path(root, name), 0o700)
            for name in files:
                _chmod(Path(root, name), 0o600)


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except FileNotFoundError:  # e.g. a SQLite -shm removed as we walked
        pass
    except OSError as exc:  # another owner's file: say so, but still open the profile
        log.warning("cannot make %s owner-only: %s", path, exc)


def list_profiles(home: Path | None = None) -> list[Profile]:
    """Every profile folder under the data home, by name."""
    root = (home or data_home()) / "profiles"
    if not root.is_dir():
        return []
    return [
        Profile(p.name, p) for p in sorted(root.iterdir()) if p.is_dir() and _NAME.match(p.name)
    ]


def embedded_node_folder(home: Path | None = None) -> Path:
    """The embedded node's data, beside the profiles (shared by the profiles of this machine)."""
    return (home or data_home()) / "node"
