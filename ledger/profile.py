"""Where a profile keeps its things: one folder per profile in the user data folder.

``<data>/profiles/<name>/identity.key`` holds the person's encrypted key, ``desk.sqlite`` the
local store, ``desk.log`` the log file. ``JCDESK_HOME`` moves the data folder (tests, portable
installs); ``JCDESK_DATABASE_URL`` points the store at another database (e.g. PostgreSQL).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "JudicialChainDesk"
DEFAULT_PROFILE = "default"
_NAME = re.compile(r"^[\w.-]{1,64}$")


def data_home() -> Path:
    override = os.environ.get("JCDESK_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Profile:
    name: str
    folder: Path

    @classmethod
    def named(cls, name: str = DEFAULT_PROFILE, home: Path | None = None) -> Profile:
        if not _NAME.match(name):
            raise ValueError(f"profile name {name!r}: use letters, digits, '.', '-' or '_'")
        return cls(name, (home or data_home()) / "profiles" / name)

    @property
    def key_path(self) -> Path:
        return self.folder / "identity.key"

    @property
    def database_path(self) -> Path:
        return self.folder / "desk.sqlite"

    @property
    def log_path(self) -> Path:
        return self.folder / "desk.log"

    def database_url(self) -> str:
        return os.environ.get("JCDESK_DATABASE_URL") or f"sqlite:///{self.database_path}"
