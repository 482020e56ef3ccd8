"""Command-line profile tools: ``profile backup FILE`` and ``profile restore FILE --profile NAME``.

``main.py profile ...`` routes here with its whole argument list. As in ``ledger.cli``, every
failure a user can cause (wrong passphrase, damaged backup, a profile that already holds data)
ends with one readable line on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from desk import backup
from ledger.errors import LedgerError
from ledger.profile import DEFAULT_PROFILE, Profile


def _passphrase(env: str | None) -> str:
    if env:
        value = os.environ.get(env)
        if value is None:
            raise backup.BackupError(detail=f"the environment variable {env} is not set")
        return value
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass("Passphrase of the profile: ")


def _backup(args: argparse.Namespace, out: TextIO) -> int:
    profile = Profile.named(args.profile)
    info = backup.backup(profile, _passphrase(args.passphrase_env), Path(args.file))
    size = Path(args.file).stat().st_size
    out.write(
        f"Backed up profile {info.profile} (key id {info.key_id}, {info.entries} log entries) "
        f"to {info.path} ({size} bytes, encrypted with the profile's passphrase)\n"
    )
    return 0


def _restore(args: argparse.Namespace, out: TextIO) -> int:
    profile = Profile.named(args.profile)
    info = backup.restore(
        Path(args.file), profile, _passphrase(args.passphrase_env), replace=args.replace
    )
    out.write(
        f"Restored the backup of {info.created} (profile {info.profile}, key id {info.key_id}, "
        f"{info.entries} log entries) as profile {profile.name} in {profile.folder}\n"
        "Open it and let it sync: what the chain received since the backup comes back.\n"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Judicial Chain Desk profiles")
    # --profile may stand before the command word too (main.py --profile NAME profile ...)
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    profile = commands.add_parser("profile", help="back up or restore a profile")
    actions = profile.add_subparsers(dest="action", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("file", help="the backup file")
    common.add_argument(
        "--passphrase-env", help="read the passphrase from this environment variable"
    )
    save = actions.add_parser(
        "backup",
        parents=[common],
        help="write an encrypted backup of a profile (its store, key, data key and settings)",
    )
    save.add_argument(
        "--profile", default=argparse.SUPPRESS, help=f"the profile (default: {DEFAULT_PROFILE})"
    )
    save.set_defaults(run=_backup)
    load = actions.add_parser(
        "restore", parents=[common], help="restore a backup into a new or empty profile"
    )
    load.add_argument("--profile", required=True, help="the profile to restore into")
    load.add_argument(
        "--replace",
        action="store_true",
        help="replace that profile even if it holds data (its current data is lost)",
    )
    load.set_defaults(run=_restore)
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``profile backup|restore``; 0 on success, 1 with one line on ``err`` on failure."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        return int(args.run(args, out))
    except (LedgerError, ValueError) as exc:  # ValueError: a profile name that is not allowed
        err.write(f"error: {exc}\n")
        return 1
