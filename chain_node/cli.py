"""``python main.py node ...`` (and ``python -m chain_node ...``).

    node --data DIR --listen HOST:PORT [--database-url URL] [--origin ORIGIN] [--auto-approve]
    node approve KEYID --role ROLE --data DIR [--database-url URL]
    node pending --data DIR [--database-url URL]
    node revoke KEYID --reason TEXT --data DIR [--database-url URL]
    node info --data DIR [--database-url URL]
    node backup --data DIR --out FILE
    node restore FILE --data DIR

Serving prints one line ``JCDESK-NODE-READY {json}`` (port, origin, vkeys) once it listens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from chain_node.config import NodeConfig, parse_listen
from chain_node.errors import FsckError
from chain_node.keys import stored_origin
from chain_node.storage import (
    MAX_REVOKE_REASON,
    Enrolment,
    Revocation,
    SchemaTooNewError,
    init_schema,
    make_engine,
)
from ledger.clock import format_time
from ledger.errors import LedgerError
from ledger.statement import ROLES

SUBCOMMANDS = ("approve", "pending", "revoke", "info", "backup", "restore")


def _serve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="node", description="Run the judicial chain node.")
    p.add_argument("--data", required=True, type=Path, help="data directory (keys, database)")
    p.add_argument("--listen", default="127.0.0.1:7420", help="HOST:PORT (port 0: ephemeral)")
    p.add_argument("--database-url", default=None, help="SQLAlchemy URL (default SQLite in DIR)")
    p.add_argument("--origin", default=None, help="the log's origin (first start only)")
    p.add_argument("--auto-approve", action="store_true", help="approve every enrolment")
    p.add_argument("--fsck", choices=("full", "quick"), default="full")
    p.add_argument(
        "--rate",
        type=float,
        default=None,
        help="requests per second per logged-in key (all its connections)",
    )
    p.add_argument("--burst", type=int, default=None, help="rate-limit bucket depth")
    p.add_argument("--max-frame-bytes", type=int, default=None)
    p.add_argument("--batch-window-ms", type=float, default=None)
    p.add_argument("--batch-max", type=int, default=None)
    p.add_argument(
        "--verify-processes",
        type=int,
        default=None,
        help="worker processes verifying signatures (0: threads; default 2)",
    )
    p.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDR",
        help="a reverse proxy whose X-Forwarded-For is believed for per-address limits",
    )
    p.add_argument("-v", "--verbose", action="store_true")
    return p


def _db_url(data: Path, url: str | None) -> str:
    return url or f"sqlite:///{(Path(data) / 'node.db').resolve()}"


def _one_enrolment(conn: Any, key: str, missing: str) -> tuple[str, str, str]:
    """(vkey, status, name) of the one enrolment a 16-hex key id or a vkey names."""
    rows = conn.execute(
        select(Enrolment.vkey, Enrolment.status, Enrolment.name).where(
            (Enrolment.key_id == key) | (Enrolment.vkey == key)
        )
    ).all()
    if not rows:
        raise ValueError(f"{missing} {key}")
    if len(rows) > 1:
        raise ValueError(f"key id {key} is ambiguous; give the whole vkey")
    vkey, status, name = rows[0]
    return vkey, status, name


def approve(data: Path, key: str, role: str, database_url: str | None = None) -> str:
    """Mark a pending enrolment approved with ``role``; the running node logs it (or the next
    start does). ``key`` is the 16-hex key id or the vkey. Returns a message for the operator."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    engine = make_engine(_db_url(data, database_url))
    try:
        init_schema(engine)
        with engine.begin() as conn:
            vkey, status, name = _one_enrolment(conn, key, "no enrolment request from key")
            if status == "approved":
                return f"{name} ({vkey}) is already approved"
            if status == "revoked":  # a revoked key is never approved again (Art. 15)
                raise ValueError(f"{name} ({vkey}) was revoked; it cannot be approved again")
            conn.execute(
                update(Enrolment)
                .where(Enrolment.vkey == vkey)
                .values(status="approving", role=role)
            )
        return f"approved {name} ({vkey}) as {role}; the node logs the approval"
    finally:
        engine.dispose()


def revoke(data: Path, key: str, reason: str, database_url: str | None = None) -> str:
    """Ask the node to revoke an enrolled key (the user lost it, or reports it stolen: Electronic
    Signature Law Art. 15). The running node logs its signed ``identity.revoked`` within
    ``trigger_poll_seconds`` (or the next start does); from that index on the key is refused.
    ``key`` is the 16-hex key id or the vkey. Returns a message for the operator."""
    reason = reason.strip()
    if not reason or len(reason) > MAX_REVOKE_REASON:
        raise ValueError(f"give a reason of 1 to {MAX_REVOKE_REASON} characters (it is public)")
    engine = make_engine(_db_url(data, database_url))
    try:
        init_schema(engine)
        with engine.begin() as conn:
            vkey, status, name = _one_enrolment(conn, key, "no enrolment of key")
            asked = conn.execute(
                select(Revocation.status).where(Revocation.vkey == vkey)
            ).scalar_one_or_none()
            if status == "revoked" or asked == "revoked":
                raise ValueError(f"{name} ({vkey}) is already revoked")
            if asked == "requested":
                raise ValueError(f"the revocation of {name} ({vkey}) is already requested")
            if status != "approved":
                raise ValueError(f"{name} ({vkey}) is not enrolled ({status}); nothing to revoke")
            conn.execute(
                Revocation.__table__.insert(),
                {
                    "vkey": vkey,
                    "status": "requested",
                    "reason": reason,
                    "successor": None,
                    "revoke_index": None,
                    "revoked_index": None,
                    "requested_at": format_time(datetime.now(UTC)),
                },
            )
        return f"revoking {name} ({vkey}): {reason}; the node logs the revocation"
    finally:
        engine.dispose()


def pending(data: Path, database_url: str | None = None) -> list[dict[str, str]]:
    engine = make_engine(_db_url(data, database_url))
    try:
        init_schema(engine)
        with engine.connect() as conn:
            return [
                {
                    "key_id": r.key_id,
                    "vkey": r.vkey,
                    "name": r.name,
                    "role": r.role,
                    "status": r.status,
                    "requested_at": r.requested_at,
                }
                for r in conn.execute(
                    select(
                        Enrolment.key_id,
                        Enrolment.vkey,
                        Enrolment.name,
                        Enrolment.role,
                        Enrolment.status,
                        Enrolment.requested_at,
                    ).where(Enrolment.status.notin_(("approved", "revoked")))
                )
            ]
    finally:
        engine.dispose()


def _serve(args: argparse.Namespace) -> int:
    from chain_node.server import serve

    host, port = parse_listen(args.listen)
    config = NodeConfig(
        data_dir=args.data,
        host=host,
        port=port,
        origin=args.origin,
        database_url=args.database_url,
        auto_approve=args.auto_approve,
        fsck=args.fsck,
    )
    limits = config.limits
    if args.rate is not None:
        limits.requests_per_second = args.rate
    if args.burst is not None:
        limits.burst = args.burst
    if args.max_frame_bytes is not None:
        limits.max_frame_bytes = args.max_frame_bytes
    if args.batch_window_ms is not None:
        limits.batch_window_ms = args.batch_window_ms
    if args.verify_processes is not None:
        limits.verify_processes = args.verify_processes
    else:  # a served node verifies in worker processes when there is more than one core
        cores = os.cpu_count() or 1
        limits.verify_processes = min(2, cores) if cores > 1 else 0
    if args.batch_max is not None:
        limits.batch_max_entries = args.batch_max
    limits.trusted_proxies = tuple(args.trusted_proxy)

    async def run() -> int:
        try:
            running = await serve(config)
        except (FsckError, SchemaTooNewError, LedgerError, ValueError, OSError) as exc:
            print(f"node: refusing to serve: {exc}", file=sys.stderr, flush=True)
            return 2
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        info = running.info
        ready = {"port": running.port, "host": host, "url": running.url, **info}
        print(
            f"node: {info['origin']} listening on {running.url}"
            f"{' (auto-approve)' if config.auto_approve else ''}",
            file=sys.stderr,
            flush=True,
        )
        print("JCDESK-NODE-READY " + json.dumps(ready), flush=True)
        await stop.wait()
        await running.close()
        return 0

    return asyncio.run(run())


def main(argv: list[str]) -> int:
    """Entry point for ``python main.py node ...``; returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    if argv and argv[0] in SUBCOMMANDS:
        command, rest = argv[0], argv[1:]
        p = argparse.ArgumentParser(prog=f"node {command}")
        if command == "approve":
            p.add_argument("key", help="key id (16 hex digits) or vkey")
            p.add_argument("--role", required=True, choices=ROLES)
        elif command == "revoke":
            p.add_argument("key", help="key id (16 hex digits) or vkey")
            p.add_argument("--reason", required=True, help="why (public, in the log)")
        elif command == "restore":
            p.add_argument("file", type=Path, help="a backup written by `node backup`")
        elif command == "backup":
            p.add_argument("--out", required=True, type=Path, help="the backup file to write")
        p.add_argument("--data", required=True, type=Path)
        p.add_argument("--database-url", default=None)
        args = p.parse_args(rest)
        try:
            if command == "approve":
                print(approve(args.data, args.key, args.role, args.database_url))
            elif command == "revoke":
                print(revoke(args.data, args.key, args.reason, args.database_url))
            elif command == "backup":
                from chain_node.backup import backup

                print(backup(args.data, args.out, args.database_url))
            elif command == "restore":
                from chain_node.backup import restore

                print(restore(args.file, args.data, args.database_url))
            elif command == "pending":
                for row in pending(args.data, args.database_url):
                    print(json.dumps(row, ensure_ascii=False))
            else:
                from chain_node.keys import NodeKeys  # noqa: F401 - documents the key layout

                origin = stored_origin(args.data)
                if origin is None:
                    print(f"node info: no node in {args.data}", file=sys.stderr)
                    return 1
                from chain_node.keys import load_or_create_keys

                keys = load_or_create_keys(args.data, origin)
                print(
                    json.dumps(
                        {
                            "origin": keys.origin,
                            "log_vkey": keys.log_vkey,
                            "witness_vkeys": [keys.witness_vkey],
                            "node_vkey": keys.node_vkey,
                        },
                        indent=1,
                    )
                )
        except (ValueError, LedgerError, SchemaTooNewError, FsckError, OSError) as exc:
            print(f"node {command}: {exc}", file=sys.stderr)
            return 1
        return 0
    args = _serve_parser().parse_args(argv)
    if args.verbose:
        logging.getLogger().setLevel(logging.INFO)
    return _serve(args)
