"""Command-line tools of the ledger: ``keys new|show|revoke``, ``log verify``, ``receipt verify``.

Every failure a user can cause (wrong passphrase, damaged file, bad receipt) ends with one
readable line on stderr and exit status 1 — never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ledger.domain import Registry
from ledger.errors import LedgerError, ReceiptError
from ledger.keys import SigningKey, parse_vkey, read_key_file
from ledger.profile import DEFAULT_PROFILE, Profile
from ledger.receipt import STEPS, Step, failed_step, verify_receipt
from ledger.statement import MAX_ENTRY_BYTES, parse_entry, verify_entry

MIN_PASSPHRASE = 8


def _read_passphrase(prompt: str, env: str | None) -> str:
    if env:
        value = os.environ.get(env)
        if value is None:
            raise LedgerError("environment variable {name} is not set", name=env)
        return value
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(prompt)


def cmd_keys_new(args: argparse.Namespace, out: TextIO) -> int:
    profile = Profile.named(args.profile)
    if profile.key_path.exists():
        raise LedgerError(
            "profile {profile} already has a key ({path}); a key is never overwritten",
            profile=profile.name,
            path=str(profile.key_path),
        )
    first = _read_passphrase("New passphrase: ", args.passphrase_env)
    if len(first) < MIN_PASSPHRASE:
        raise LedgerError("the passphrase must have at least {n} characters", n=MIN_PASSPHRASE)
    if not args.passphrase_env and sys.stdin.isatty():
        again = getpass.getpass("Type it again: ")
        if again != first:
            raise LedgerError("the two passphrases differ; nothing was written")
    key = SigningKey.generate()
    key.save(profile.key_path, first)
    out.write(f"New key for profile {profile.name}\n")
    out.write(f"  key id:       {key.key_id}\n  verifier key: {key.vkey}\n")
    out.write(f"  saved to:     {profile.key_path} (encrypted with your passphrase)\n")
    return 0


def cmd_keys_show(args: argparse.Namespace, out: TextIO) -> int:
    profile = Profile.named(args.profile)
    header, _ = read_key_file(profile.key_path)
    verifier = parse_vkey(header["vkey"])
    out.write(f"Profile {profile.name}\n  key id:       {verifier.key_id}\n")
    out.write(f"  verifier key: {verifier.vkey}\n  file:         {profile.key_path}\n")
    return 0


def cmd_keys_revoke(args: argparse.Namespace, out: TextIO) -> int:
    from desk.cli import keys_revoke  # the chain is the desk's, not the ledger's

    return keys_revoke(args, out)


def cmd_log_verify(args: argparse.Namespace, out: TextIO) -> int:
    from ledger.store.audit import begin_snapshot, consistency, verify_chain, verify_log
    from ledger.store.models import LogEntry, Receipt, VerifiedCheckpoint
    from ledger.store.store import Store

    profile = Profile.named(args.profile)
    url = getattr(args, "database_url", None) or profile.database_url()
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).exists():
        raise LedgerError("no local database at {url}", url=url)
    store = Store.open(url, args.registry)
    try:
        # one read transaction, one snapshot: the replay runs in a scratch copy, so the desk
        # may keep writing meanwhile
        with store.session() as session:
            begin_snapshot(session)
            count = session.query(LogEntry).count()
            receipts = session.query(Receipt).count()
            checkpoints = session.query(VerifiedCheckpoint).count()
            problems = (
                verify_log(session)
                + verify_chain(session)
                + consistency(session, store.projections)
            )
    finally:
        store.close()
    if problems:
        out.write(f"{len(problems)} problem(s) in {count} entries:\n")
        for problem in problems:
            out.write(f"  - {problem}\n")
        return 1
    out.write(
        f"OK: {count} entries, every signature verifies; {receipts} receipts and {checkpoints} "
        "kept checkpoints verify with the pinned keys, each checkpoint consistent with the one "
        "kept before it; every projection equals a replay of the log.\n"
    )
    return 0


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


RECEIPT_STEPS = {
    Step.PARSE: "the receipt and its checkpoint parse",
    Step.LOG_SIGNATURE: "the checkpoint is signed by the log key given",
    Step.COSIGNATURE: "a witness key given cosigned the checkpoint, with a time",
    Step.INDEX: "the entry's index is below the checkpoint's tree size",
    Step.LEAF: f"the entry file is 1 byte to {MAX_ENTRY_BYTES // 1024} KiB; its leaf hash",
    Step.INCLUSION: "the inclusion proof leads from that leaf hash to the checkpoint's root",
}


def cmd_receipt_verify(args: argparse.Namespace, out: TextIO) -> int:
    receipt_text = Path(args.file).read_bytes()
    entry_bytes = Path(args.entry).read_bytes()
    log_key = parse_vkey(args.log_key)
    witnesses = [parse_vkey(v) for v in args.witness_key]
    try:
        verified = verify_receipt(receipt_text, entry_bytes, log_key, witnesses)
    except ReceiptError as exc:
        step = failed_step(exc)
        if step is None:
            raise
        raise LedgerError(
            "{error}\n  refused at step {n} of {total}: {step}",
            error=str(exc),
            n=STEPS.index(step) + 1,
            total=len(STEPS),
            step=RECEIPT_STEPS[step],
        ) from exc
    checkpoint = verified.checkpoint
    out.write("VERIFIED offline: the entry is in the log.\n")
    for n, step in enumerate(STEPS, 1):
        out.write(f"  step {n} of {len(STEPS)} passed: {RECEIPT_STEPS[step]}\n")
    out.write(f"  log:          {checkpoint.checkpoint.origin}\n")
    out.write(f"  entry index:  {verified.index} of {checkpoint.checkpoint.size} entries\n")
    out.write(f"  leaf hash:    {verified.leaf_hash.hex()}\n")
    out.write(
        f"  on-chain time: {checkpoint.on_chain_time.isoformat()} "
        f"({_local(checkpoint.on_chain_time)}), cosigned by {', '.join(checkpoint.witnesses)}\n"
    )
    try:
        entry = parse_entry(entry_bytes)
        verify_entry(entry)
    except LedgerError as exc:
        out.write(f"  the entry is not a valid signed statement ({exc})\n")
        return 0
    statement = entry.statement
    out.write(
        f"  statement:    {statement.type}, signed by key {statement.actor_verifier.key_id} "
        f"at {statement.time} (signer's clock), case {statement.case or '(none)'}\n"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Judicial Chain Desk tools")
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="profile name")
    parser.add_argument("--database-url", help="SQLAlchemy URL (default: the profile's SQLite)")
    # the same options after the command (``keys show --profile NAME``); SUPPRESS keeps a
    # value given before the command when they are not repeated
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--profile", default=argparse.SUPPRESS, help="profile name")
    sub = parser.add_subparsers(dest="command", required=True)

    keys = sub.add_parser("keys", help="your signing key").add_subparsers(
        dest="action", required=True
    )
    new = keys.add_parser("new", help="create a new encrypted key for the profile", parents=[after])
    new.add_argument("--passphrase-env", help="read the passphrase from this variable")
    new.set_defaults(func=cmd_keys_new)
    keys.add_parser(
        "show", help="show the profile's key id and verifier key", parents=[after]
    ).set_defaults(func=cmd_keys_show)
    revoke = keys.add_parser(
        "revoke",
        help="revoke the key at the chain node (lost or compromised) and switch to a new one",
        parents=[after],
    )
    revoke.add_argument("--reason", default="", help="why (public, at most 200 characters)")
    revoke.add_argument(
        "--rotate",
        action="store_true",
        help="name the new key as its successor: same name, role and cases",
    )
    revoke.add_argument(
        "--node", default="", help="the node's ws:// address (default: the profile's)"
    )
    revoke.add_argument("--passphrase-env", help="read the passphrase from this variable")
    revoke.set_defaults(func=cmd_keys_revoke)

    log = sub.add_parser("log", help="the local log").add_subparsers(dest="action", required=True)
    verify = log.add_parser(
        "verify",
        help="check every entry, receipt, checkpoint and projection",
        parents=[after],
    )
    verify.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        help="SQLAlchemy URL (default: the profile's SQLite)",
    )
    verify.set_defaults(func=cmd_log_verify)

    receipt = sub.add_parser("receipt", help="chain receipts").add_subparsers(
        dest="action", required=True
    )
    rverify = receipt.add_parser("verify", help="verify a .tlog-proof receipt offline")
    rverify.add_argument("file", help="the receipt (.tlog-proof)")
    rverify.add_argument("--entry", required=True, help="the signed entry file")
    rverify.add_argument("--log-key", required=True, help="the log's verifier key")
    rverify.add_argument(
        "--witness-key", action="append", default=[], help="a witness's verifier key (type 0x04)"
    )
    rverify.set_defaults(func=cmd_receipt_verify)
    return parser


def main(
    argv: list[str],
    out: TextIO | None = None,
    err: TextIO | None = None,
    registry: Registry | None = None,
) -> int:
    """Run a command; ``registry`` holds the installed domains (main.py passes it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    args.registry = registry
    try:
        return args.func(args, out)
    except LedgerError as exc:
        err.write(f"error: {exc}\n")
        return 1
    except (OSError, ValueError) as exc:
        err.write(f"error: {exc}\n")
        return 1
