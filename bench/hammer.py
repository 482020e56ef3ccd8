"""Hammer a chain node: thousands of logged-in desks, each abuse of issue 8 in turn.

    .venv/bin/python bench/hammer.py [--desks 10000] [--phase-seconds 20] [--quick]

Starts its own node (``python main.py node --auto-approve``, SQLite in a temp dir, 127.0.0.1),
enrols N keys and keeps N logged-in connections (several client processes) submitting and
fetching receipts at a modest rate (``--rate`` rounds a second in all; a tenth of the desks
subscribe). Then, phase by phase, one abuse runs in its own process:

  baseline        nothing but the desks
  non-reader      a logged-in client asks for big case.entries pages and never reads
  unread-subs     20 clients subscribe to the public case from index 0 and never read
  anon-flood      8 attackers (8 addresses), each holding idle anonymous connections up to
                  the per-address cap and reopening them as fast as the per-address rate lets
  proof-burst     one client sends batches of 1,000 tlog.inclusion/case.entries requests
  huge-integer    entries and parameters holding 5,000-digit integers
  enrol-storm     2,000 new keys enrolling at once on 200 connections

Meanwhile a well-behaved client repeats its round (connect, log in, submit, fetch the
receipt) and records latencies. Per phase it prints the node's RSS (``/proc/<pid>/status``),
the sockets the node holds, the round's p50/p99 (target: p99 < 1 s), what the abuse saw, and
the CPU seconds the node, the attacker and the desks' processes used in the phase (all share
this machine's cores: an attacker's own CPU is not the node's slowness); the node's limits first.

Addresses: all of 127.0.0.0/8 is loopback, so every client binds its own source address, as
on a network: desks come 4 to an address (small offices behind NAT, 127.1.x.y), the
well-behaved desk from 127.3.0.1, each attacker from addresses of its own (127.2.x.y). The node
runs with its default limits, per-address ones included; no limit is lifted, and an attacker
sends no more than one remote attacker could get through them. The CPU columns are per
phase, over its measured seconds (2 cores: 2 s of CPU a second at most, in all).

``--quick``: 500 desks, 4 s phases (under a minute). Loopback only; every loop is bounded; it
stops by itself. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import itertools
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from websockets.asyncio.client import ClientConnection, connect  # noqa: E402
from websockets.exceptions import ConnectionClosed, WebSocketException  # noqa: E402

from chain_node.config import Limits  # noqa: E402
from ledger.auth import login_message  # noqa: E402
from ledger.keys import SigningKey  # noqa: E402
from ledger.statement import build_statement, sign_statement  # noqa: E402

PHASES = [
    "baseline",
    "non-reader",
    "unread-subs",
    "anon-flood",
    "proof-burst",
    "huge-integer",
    "enrol-storm",
]


# -- a small JSON-RPC client ---------------------------------------------------------------


class Rpc:
    """One connection: calls matched by id; notifications counted and dropped."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.waiting: dict[Any, asyncio.Future[Any]] = {}
        self.notes = 0
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, url: str, source: str = "127.0.0.1", **kwargs: Any) -> Rpc:
        """``source``: the loopback address to connect from (127.0.0.0/8 is all loopback):
        desks come from many "machines", each abuse from its own."""
        ws = await connect(
            url, compression=None, max_size=None, open_timeout=30, local_addr=(source, 0),
            **kwargs,
        )  # fmt: skip
        return cls(ws)

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                msg = json.loads(raw)
                for item in msg if isinstance(msg, list) else [msg]:
                    if "id" not in item:
                        self.notes += 1
                        continue
                    fut = self.waiting.pop(item["id"], None)
                    if fut is not None and not fut.done():
                        fut.set_result(item)
        except ConnectionClosed:
            pass
        finally:
            for fut in self.waiting.values():
                if not fut.done():
                    fut.set_exception(ConnectionError("closed"))
            self.waiting.clear()

    @property
    def closed(self) -> bool:
        return self.reader.done()

    async def request(self, method: str, timeout: float = 60, **params: Any) -> dict[str, Any]:
        rid = next(self.ids)
        fut = asyncio.get_running_loop().create_future()
        self.waiting[rid] = fut
        msg = {"jsonrpc": "2.0", "id": rid, "method": method, "params": params}
        await self.ws.send(json.dumps(msg))
        async with asyncio.timeout(timeout):
            return await fut

    async def call(self, method: str, **params: Any) -> Any:
        answer = await self.request(method, **params)
        if "error" in answer:
            raise RpcError(answer["error"])
        return answer["result"]

    async def batch(self, requests: list[dict[str, Any]], timeout: float = 120) -> list[Any]:
        futs = []
        for r in requests:
            r["id"] = next(self.ids)
            fut = asyncio.get_running_loop().create_future()
            self.waiting[r["id"]] = fut
            futs.append(fut)
        await self.ws.send(json.dumps(requests))
        async with asyncio.timeout(timeout):
            return list(await asyncio.gather(*futs))

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.ws.close()


class RpcError(Exception):
    def __init__(self, error: dict[str, Any]) -> None:
        self.code = error.get("code")
        super().__init__(f"{self.code} {error.get('data') or error.get('message')}")


def entry(key: SigningKey, origin: str, body: dict[str, Any], type_: str = "bench.note") -> str:
    st = build_statement(
        log=origin, type=type_, case="", actor=key.vkey, time=datetime.now(UTC), body=body
    )
    return sign_statement(st, key).text


async def enrol(rpc: Rpc, key: SigningKey, origin: str, name: str) -> None:
    text = entry(key, origin, {"name": name, "role": "creditor"}, "identity.enrol")
    for attempt in range(200):
        try:
            await rpc.call("auth.enrol", entry=text)
            return
        except RpcError as exc:
            if exc.code not in (-32005, -32603) or attempt == 199:
                raise
            await asyncio.sleep(0.2 + random.random())


async def login(rpc: Rpc, key: SigningKey, origin: str) -> None:
    nonce = (await rpc.call("auth.challenge"))["nonce"]
    sig = base64.b64encode(key.sign_raw(login_message(origin, nonce))).decode()
    await rpc.call("auth.login", vkey=key.vkey, signature=sig)


def emit(kind: str, data: dict[str, Any]) -> None:
    print(f"{kind} {json.dumps(data)}", flush=True)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


# -- worker: desks ---------------------------------------------------------------------------


DESKS_PER_ADDRESS = 4  # a small office behind one NAT address
GOOD_ADDRESS = "127.3.0.1"  # the well-behaved desk


def desk_address(n: int) -> str:
    n //= DESKS_PER_ADDRESS
    return f"127.1.{n // 250 % 250}.{1 + n % 250}"


def attacker_address(phase: str, n: int = 0) -> str:
    """Each abuse from its own addresses (127.2.<phase>.<n>)."""
    return f"127.2.{1 + PHASES.index(phase)}.{1 + n}"


class Pace:
    """At most ``rate`` a second with ``burst`` at once: what a per-address limit lets
    through, so the attacker spends no CPU on attempts the node would refuse anyway."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.at = float(burst), time.monotonic()

    async def wait(self) -> None:
        while True:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
            self.at = now
            if self.tokens >= 1:
                self.tokens -= 1
                return
            await asyncio.sleep((1 - self.tokens) / self.rate)


async def desks_worker(a: argparse.Namespace) -> None:
    """``count`` desks: enrol, log in, (a tenth) subscribe; then rounds at ``rate`` a second."""
    keys = [SigningKey.generate() for _ in range(a.count)]
    conns: list[Rpc | None] = [None] * a.count
    gate = asyncio.Semaphore(50)  # logins at once per worker process

    async def bring_up(i: int) -> None:
        async with gate:
            for _attempt in range(20):
                try:
                    rpc = await Rpc.open(a.url, desk_address(a.offset + i))
                    await enrol(rpc, keys[i], a.origin, f"Desk {a.offset + i}")  # idempotent
                    await login(rpc, keys[i], a.origin)
                    if (a.offset + i) % 10 == 0:
                        await rpc.call("case.subscribe", from_index=0)
                    conns[i] = rpc
                    return
                except (OSError, ConnectionError, RpcError, TimeoutError, WebSocketException):
                    await asyncio.sleep(0.5 + random.random())

    started = time.monotonic()
    await asyncio.gather(*(bring_up(i) for i in range(a.count)))
    up = sum(1 for c in conns if c is not None)
    emit("READY", {"desks": up, "seconds": round(time.monotonic() - started, 1)})

    lat: list[float] = []
    errors = 0
    reconnects = 0
    counter = itertools.count()

    async def round_(i: int) -> None:
        nonlocal errors, reconnects
        rpc = conns[i]
        try:
            if rpc is None or rpc.closed:
                reconnects += 1
                rpc = await Rpc.open(a.url, desk_address(a.offset + i))
                await login(rpc, keys[i], a.origin)
                conns[i] = rpc
            t = time.monotonic()
            res = await rpc.call(
                "tlog.submit", entry=entry(keys[i], a.origin, {"desk": i, "n": next(counter)})
            )
            await rpc.call("tlog.receipt", index=res["index"], wait_ms=10_000)
            lat.append(time.monotonic() - t)
        except (OSError, ConnectionError, RpcError, TimeoutError, WebSocketException):
            errors += 1

    tasks: set[asyncio.Task[None]] = set()
    last = time.monotonic()
    while True:
        await asyncio.sleep(random.expovariate(a.rate) if a.rate > 0 else 1)
        task = asyncio.create_task(round_(random.randrange(a.count)))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        if time.monotonic() - last >= 2:
            last = time.monotonic()
            held = sum(1 for c in conns if c is not None and not c.closed)
            emit(
                "STATS",
                {"held": held, "rounds": len(lat), "errors": errors, "reconnects": reconnects,
                 "p50": pct(lat, 0.5), "p99": pct(lat, 0.99)},
            )  # fmt: skip
            lat.clear()


# -- workers: abuses -----------------------------------------------------------------------


async def enrolled(url: str, origin: str, name: str, source: str) -> tuple[SigningKey, Rpc]:
    key = SigningKey.generate()
    rpc = await Rpc.open(url, source)
    await enrol(rpc, key, origin, name)
    await login(rpc, key, origin)
    return key, rpc


async def stuck_connection(url: str, key: SigningKey, origin: str, source: str) -> Rpc:
    """Logged in over a socket with a tiny receive buffer; the caller then stops reading
    (websockets keeps two unread messages, then stops reading the socket)."""
    host, port = url.removeprefix("ws://").rsplit(":", 1)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.bind((source, 0))
    sock.connect((host, int(port)))
    ws = await connect(url, sock=sock, compression=None, max_size=None, max_queue=2)
    rpc = Rpc(ws)
    await login(rpc, key, origin)
    return rpc


async def abuse_non_reader(a: argparse.Namespace) -> None:
    source = attacker_address("non-reader")
    key, rpc = await enrolled(a.url, a.origin, "Hammer non-reader", source)
    await rpc.close()
    sent = 0
    while True:
        stuck = await stuck_connection(a.url, key, a.origin, source)
        stuck.reader.cancel()  # never read again
        req = {"jsonrpc": "2.0", "method": "case.entries", "params": {"case": "", "limit": 1000}}
        n = 0
        with contextlib.suppress(ConnectionClosed, TimeoutError):
            while True:
                n += 1
                async with asyncio.timeout(15):
                    await stuck.ws.send(json.dumps({**req, "id": n}))
        sent += n
        stuck.ws.transport.abort()  # if it was not cut off (a timeout), leave it anyway
        code = stuck.ws.close_code
        emit("ABUSE", {"cut_off_after_requests": n, "close": code, "sent": sent})


async def abuse_unread_subs(a: argparse.Namespace) -> None:
    source = attacker_address("unread-subs")
    pairs = [await enrolled(a.url, a.origin, f"Hammer sub {i}", source) for i in range(20)]
    cut_off: list[tuple[float, int | None]] = []  # (seconds subscribed, close code)

    async def one(key: SigningKey) -> None:
        while True:
            stuck = await stuck_connection(a.url, key, a.origin, source)
            await stuck.call("case.subscribe", cases=[""], from_index=0)
            stuck.reader.cancel()
            started = time.monotonic()
            with contextlib.suppress(ConnectionClosed):
                await stuck.ws.wait_closed()
            cut_off.append((round(time.monotonic() - started, 1), stuck.ws.close_code))

    for _key, rpc in pairs:
        await rpc.close()
    tasks = [asyncio.create_task(one(k)) for k, _ in pairs]
    while True:
        await asyncio.sleep(2)
        emit("ABUSE", {"subscribers": len(pairs), "cut_off": cut_off})
    del tasks


async def abuse_anon_flood(a: argparse.Namespace) -> None:
    limits = Limits()
    attackers = 8
    per_attacker = limits.max_anonymous_per_address  # more would be refused at once
    open_now = 0
    codes: dict[str, int] = {}
    paces = [
        Pace(limits.connections_per_address_per_second, limits.connections_per_address_burst)
        for _ in range(attackers)
    ]

    async def hold(i: int) -> None:
        nonlocal open_now
        source = (attacker_address("anon-flood", i % attackers), 0)
        while True:
            await paces[i % attackers].wait()
            try:
                ws = await connect(a.url, compression=None, open_timeout=30, local_addr=source)
            except Exception as exc:  # refused (503), reset, closed at once: count and retry
                key = type(exc).__name__
                codes[key] = codes.get(key, 0) + 1
                continue
            open_now += 1
            with contextlib.suppress(ConnectionClosed):
                await ws.wait_closed()
            open_now -= 1
            code = str(ws.close_code)
            codes[code] = codes.get(code, 0) + 1

    tasks = [asyncio.create_task(hold(i)) for i in range(attackers * per_attacker)]
    while True:
        await asyncio.sleep(2)
        emit("ABUSE", {"anonymous_open": open_now, "closed_by_code": dict(codes)})
    del tasks


async def abuse_proof_burst(a: argparse.Namespace) -> None:
    _key, rpc = await enrolled(a.url, a.origin, "Hammer prover", attacker_address("proof-burst"))
    done = 0
    started = time.monotonic()

    async def stream() -> None:
        nonlocal done
        while True:
            size = (await rpc.call("tlog.checkpoint"))["checkpoint"].split("\n")[1]
            size = int(size)
            reqs: list[dict[str, Any]] = []
            for _ in range(1000):
                if random.random() < 0.9:
                    p = {"index": random.randrange(size), "size": size}
                    reqs.append({"jsonrpc": "2.0", "method": "tlog.inclusion", "params": p})
                else:
                    p = {"case": "", "from_index": random.randrange(size), "limit": 20}
                    reqs.append({"jsonrpc": "2.0", "method": "case.entries", "params": p})
            answers = await rpc.batch(reqs)
            done += sum(1 for x in answers if "result" in x)

    tasks = [asyncio.create_task(stream()) for _ in range(4)]
    while True:
        await asyncio.sleep(2)
        rate = done / (time.monotonic() - started)
        emit("ABUSE", {"answered": done, "per_second": round(rate)})
        if any(t.done() for t in tasks):
            for t in tasks:
                if t.done() and t.exception():
                    emit("ABUSE", {"stopped": repr(t.exception())})
            return


async def abuse_huge_integer(a: argparse.Namespace) -> None:
    key, rpc = await enrolled(a.url, a.origin, "Hammer integers", attacker_address("huge-integer"))
    codes: dict[str, int] = {}
    digits = "9" * 5000
    n = 0
    while True:
        n += 1
        good = entry(key, a.origin, {"n": 1, "i": n})
        forged = good.replace('"n":1}', f'"n":{digits}}}', 1)  # signature breaks too
        signed = None
        with contextlib.suppress(Exception):  # the client's own JCS may refuse it: fine
            signed = entry(key, a.origin, {"n": int(digits), "i": n})
        frames = [
            {"jsonrpc": "2.0", "method": "tlog.submit", "params": {"entry": forged}},
            {"jsonrpc": "2.0", "method": "tlog.inclusion", "params": {"index": 0, "size": 0}},
        ]
        if signed is not None:
            frames.append({"jsonrpc": "2.0", "method": "tlog.submit", "params": {"entry": signed}})
        for i, f in enumerate(frames):
            raw = json.dumps({**f, "id": n * 10 + i})
            if f["method"] == "tlog.inclusion":
                raw = raw.replace('"size": 0', f'"size": {digits}')
            fut = asyncio.get_running_loop().create_future()
            rpc.waiting[n * 10 + i] = fut
            rpc.waiting[None] = fut  # a parse error answers with id null
            await rpc.ws.send(raw)
            answer = await asyncio.wait_for(fut, 30)
            code = str(answer.get("error", {}).get("code", "ok"))
            codes[code] = codes.get(code, 0) + 1
        if n % 20 == 0:
            emit("ABUSE", {"answers_by_code": dict(codes)})
        await asyncio.sleep(0.05)


async def abuse_enrol_storm(a: argparse.Namespace) -> None:
    ok = 0
    errors: dict[str, int] = {}
    started = time.monotonic()
    wave = itertools.count()

    async def one(w: int, c: int) -> None:
        nonlocal ok
        try:
            rpc = await Rpc.open(a.url, attacker_address("enrol-storm", c % 50))  # 50 machines
        except Exception as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            return
        try:
            for i in range(10):
                key = SigningKey.generate()
                text = entry(key, a.origin, {"name": f"Storm {w}-{c}-{i}", "role": "creditor"},
                             "identity.enrol")  # fmt: skip
                answer = await rpc.request("auth.enrol", entry=text)
                if "error" in answer:
                    code = str(answer["error"]["code"])
                    errors[code] = errors.get(code, 0) + 1
                else:
                    ok += 1
        except Exception as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
        finally:
            await rpc.close()

    async def report() -> None:
        while True:
            await asyncio.sleep(2)
            emit("ABUSE", {"enrolled": ok, "errors_by_code": dict(errors),
                           "per_second": round(ok / (time.monotonic() - started))})  # fmt: skip

    reporter = asyncio.create_task(report())
    while True:
        w = next(wave)
        await asyncio.gather(*(one(w, c) for c in range(200)))
    del reporter


ABUSES = {
    "non-reader": abuse_non_reader,
    "unread-subs": abuse_unread_subs,
    "anon-flood": abuse_anon_flood,
    "proof-burst": abuse_proof_burst,
    "huge-integer": abuse_huge_integer,
    "enrol-storm": abuse_enrol_storm,
}


# -- the conductor ---------------------------------------------------------------------------


def node_figures(pid: int) -> dict[str, Any]:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    sockets = len(os.listdir(f"/proc/{pid}/fd"))  # descriptors: the sockets and a few files
    return {
        "rss_mib": int(fields["VmRSS"].split()[0]) // 1024,
        "hwm_mib": int(fields["VmHWM"].split()[0]) // 1024,
        "sockets": sockets,
    }


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its live children (the node's signature
    verifying processes) so far (``/proc/<pid>/stat``)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        children = [
            int(c)
            for tid in os.listdir(f"/proc/{pid}/task")
            for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()
        ]
    except OSError:  # gone
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(map(cpu_seconds, children))


class Lines:
    """The last lines a worker printed, read without blocking the conductor."""

    def __init__(self, proc: asyncio.subprocess.Process, name: str) -> None:
        self.proc = proc
        self.name = name
        self.last: dict[str, dict[str, Any]] = {}
        self.ready = asyncio.Event()
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.proc.stdout is not None
        async for raw in self.proc.stdout:
            line = raw.decode().strip()
            kind, _, rest = line.partition(" ")
            if kind in ("READY", "STATS", "ABUSE"):
                self.last[kind] = json.loads(rest)
                if kind == "READY":
                    self.ready.set()


async def spawn(args: list[str], name: str) -> Lines:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, __file__, *args, stdout=asyncio.subprocess.PIPE, cwd=ROOT
    )
    return Lines(proc, name)


async def stop(lines: Lines) -> None:
    with contextlib.suppress(ProcessLookupError):
        lines.proc.terminate()
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(10):
            await lines.proc.wait()
    if lines.proc.returncode is None:
        lines.proc.kill()
        await lines.proc.wait()
    lines.task.cancel()


async def good_client(
    url: str, origin: str, key: SigningKey, sink: list[float], worst: dict[str, Any]
) -> None:
    """The well-behaved desk: connect, log in, submit, fetch the receipt; again and again.
    ``worst``: the slowest round's steps (ms), to tell where the time went."""
    n = 0
    while True:
        n += 1
        t = time.monotonic()
        steps: dict[str, float] = {}
        try:
            rpc = await Rpc.open(url, GOOD_ADDRESS)
            steps["connect"] = time.monotonic() - t
            try:
                await login(rpc, key, origin)
                steps["login"] = time.monotonic() - t
                res = await rpc.call("tlog.submit", entry=entry(key, origin, {"good": n}))
                steps["submit"] = time.monotonic() - t
                await rpc.call("tlog.receipt", index=res["index"], wait_ms=10_000)
                steps["receipt"] = time.monotonic() - t
            finally:
                await rpc.close()
            sink.append(time.monotonic() - t)
            if sink[-1] >= worst.get("total", 0) / 1000:
                worst.clear()
                worst.update({k: round(v * 1000) for k, v in steps.items()})
                worst["total"] = round(sink[-1] * 1000)
        except Exception as exc:  # a failed round counts as a very slow one
            print(f"  well-behaved round failed: {type(exc).__name__}: {exc}", flush=True)
            sink.append(float("inf"))
        await asyncio.sleep(0.1)


async def conduct(a: argparse.Namespace) -> None:
    if a.quick:
        a.desks = min(a.desks, 500)
        a.phase_seconds = min(a.phase_seconds, 4.0)
    limits = Limits()
    print(
        "node limits (chain_node.config.Limits defaults): "
        + ", ".join(
            f"{k}={v}"
            for k, v in asdict(limits).items()
            if k
            in {
                "connection_buffer_bytes",
                "max_connections",
                "max_anonymous_connections",
                "max_connections_per_key",
                "login_timeout_seconds",
                "idle_timeout_seconds",
                "requests_per_second",
                "burst",
                "anonymous_requests_per_second",
                "anonymous_burst",
                "anonymous_total_requests_per_second",
                "max_inflight_per_connection",
                "read_workers",
                "max_page_bytes",
                "checkpoint_notify_seconds",
            }
        ),
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="jcd-hammer-") as tmp:
        env = dict(os.environ, JCDESK_NODE_PASSPHRASE="hammer", PYTHONPATH=str(ROOT))
        node_log = open(f"{tmp}/node.log", "w")  # noqa: SIM115 - closed with the run
        node = subprocess.Popen(
            [sys.executable, "main.py", "node", "--data", f"{tmp}/node", "--listen",
             "127.0.0.1:0", "--auto-approve"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=node_log, text=True,
        )  # fmt: skip
        assert node.stdout is not None
        line = node.stdout.readline()
        if not line.startswith("JCDESK-NODE-READY "):
            node.kill()
            raise SystemExit(f"the node did not start: {line!r}")
        info = json.loads(line.split(" ", 1)[1])
        url, origin = info["url"], info["origin"]
        print(f"node pid {node.pid} at {url}; {a.desks} desks on {a.workers} processes")
        workers: list[Lines] = []
        try:
            t0 = time.monotonic()
            per = -(-a.desks // a.workers)
            for w in range(a.workers):
                count = min(per, a.desks - w * per)
                if count <= 0:
                    break
                workers.append(
                    await spawn(
                        [
                            "--worker",
                            "desks",
                            "--url",
                            url,
                            "--origin",
                            origin,
                            "--count",
                            str(count),
                            "--offset",
                            str(w * per),
                            "--rate",
                            str(a.rate / a.workers),
                        ],
                        f"desks-{w}",
                    )
                )
            for w in workers:
                await w.ready.wait()
            held = sum(w.last["READY"]["desks"] for w in workers)
            print(
                f"{held} desks enrolled and logged in in {time.monotonic() - t0:.0f} s; "
                f"node {node_figures(node.pid)}",
                flush=True,
            )
            good_key = SigningKey.generate()
            rpc = await Rpc.open(url)
            await enrol(rpc, good_key, origin, "Well-behaved desk")
            await rpc.close()
            header = (
                f"{'phase':<13} {'load':>5} {'RSS MiB':>8} {'peak':>6} {'sockets':>8} "
                f"{'rounds':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} "
                f"{'node s':>6} {'atk s':>6} {'desk s':>6}  "
                "desks p99 / errors   abuse"
            )
            print(header, flush=True)
            for phase in PHASES:
                if a.only and phase not in a.only:
                    continue
                abuse = None
                if phase in ABUSES:
                    abuse = await spawn(
                        ["--worker", phase, "--url", url, "--origin", origin], phase
                    )
                    await asyncio.sleep(min(2.0, a.phase_seconds / 2))  # let it bite
                sink: list[float] = []
                worst: dict[str, Any] = {}
                pids = {
                    "node": [node.pid],
                    "atk": [abuse.proc.pid] if abuse is not None else [],
                    "desk": [w.proc.pid for w in workers],
                }
                cpu0 = {k: sum(map(cpu_seconds, v)) for k, v in pids.items()}
                good = asyncio.create_task(good_client(url, origin, good_key, sink, worst))
                rss = []
                socks = []
                end = time.monotonic() + a.phase_seconds
                while time.monotonic() < end:
                    await asyncio.sleep(0.5)
                    # in a thread: the well-behaved client shares this event loop
                    fig = await asyncio.to_thread(node_figures, node.pid)
                    rss.append(fig["rss_mib"])
                    socks.append(fig["sockets"])
                good.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await good
                cpu = {k: sum(map(cpu_seconds, v)) - cpu0[k] for k, v in pids.items()}
                fig = node_figures(node.pid)
                desk_stats = [w.last.get("STATS", {}) for w in workers]
                desk_p99 = max((s.get("p99", 0) or 0) for s in desk_stats) if desk_stats else 0
                desk_err = sum(s.get("errors", 0) for s in desk_stats)
                seen = abuse.last.get("ABUSE", {}) if abuse is not None else {}
                ms = [x * 1000 for x in sink]
                load = os.getloadavg()[0]
                print(
                    f"{phase:<13} {load:>5.1f} {max(rss):>8} {fig['hwm_mib']:>6} {max(socks):>8} "
                    f"{len(ms):>7} {pct(ms, 0.5):>7.0f} {pct(ms, 0.99):>7.0f} "
                    f"{max(ms) if ms else float('nan'):>7.0f} "
                    f"{cpu['node']:>6.1f} {cpu['atk']:>6.1f} {cpu['desk']:>6.1f}  "
                    f"{desk_p99 * 1000:>6.0f} ms / {desk_err:<6} {json.dumps(seen)}",
                    flush=True,
                )
                print(f"{'':<13} slowest round, ms since its start: {worst}", flush=True)
                if abuse is not None:
                    await stop(abuse)
                    await asyncio.sleep(0.5)  # the node lets go of the abuser's connections
            held = sum(w.last.get("STATS", {}).get("held", 0) for w in workers)
            print(f"desks still connected at the end: {held}; node {node_figures(node.pid)}")
        finally:
            for w in workers:
                await stop(w)
            node.send_signal(signal.SIGTERM)
            try:
                node.wait(30)
            except subprocess.TimeoutExpired:
                node.kill()
            node_log.close()
            lines = Path(f"{tmp}/node.log").read_text().splitlines()
            cut = [x for x in lines if "not read" in x]
            print(f"node log: {len(lines)} lines, {len(cut)} cut-offs of clients that do not read")
            for x in lines[-5:]:
                print("  " + x[:200])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--desks", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=4, help="client processes for the desks")
    p.add_argument("--rate", type=float, default=50.0, help="desk rounds a second, in all")
    p.add_argument("--phase-seconds", type=float, default=20.0)
    p.add_argument("--quick", action="store_true", help="500 desks, 4 s phases")
    p.add_argument("--only", nargs="*", choices=PHASES, help="run only these phases")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--url", help=argparse.SUPPRESS)
    p.add_argument("--origin", help=argparse.SUPPRESS)
    p.add_argument("--count", type=int, help=argparse.SUPPRESS)
    p.add_argument("--offset", type=int, default=0, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.worker == "desks":
        asyncio.run(desks_worker(a))
    elif a.worker:
        asyncio.run(ABUSES[a.worker](a))
    else:
        asyncio.run(conduct(a))


if __name__ == "__main__":
    main()
