"""Command-line profile tools: ``profile backup FILE`` and ``profile restore FILE --profile NAME``;
``keys revoke [--reason TEXT] [--rotate]`` (``main.py keys ...`` is parsed by ``ledger.cli``,
which calls ``keys_revoke`` here: revoking needs the chain, which the ledger does not know).

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


DEFAULT_REASON = "the key may be compromised"


def keys_revoke(args: argparse.Namespace, out: TextIO) -> int:
    """Revoke the profile's key at its chain node; with ``--rotate`` name a new key as its
    successor, enrolled under the same name and role (``desk.rotation``)."""
    import asyncio

    from desk.embedded import start_or_attach
    from desk.rotation import revoke_key
    from ledger.profile import EMBEDDED, embedded_node_folder

    profile = Profile.named(args.profile)
    passphrase = _passphrase(args.passphrase_env)
    chain = args.node or profile.load_settings().chain
    local = start_or_attach(embedded_node_folder()) if chain == EMBEDDED else None
    try:
        url = local.url if local is not None else chain
        done = asyncio.run(
            revoke_key(profile, passphrase, url, args.reason or DEFAULT_REASON, rotate=args.rotate)
        )
    finally:
        if local is not None:
            local.stop()
    out.write(
        f"Revoked key {done.old_vkey} at index {done.revoked_index}: nothing signed with it is "
        "accepted from there on; what it signed before stays valid.\n"
        f"  old key kept as: {done.kept_as}\n"
        f"  profile {profile.name} now signs with {done.new_vkey}\n"
    )
    if done.successor:
        out.write(
            f"  the new key is its successor, in the same cases; enrolment: {done.enrolment}\n"
        )
    else:
        out.write("  no successor was named: enrol the new key and ask to be added to your cases\n")
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
