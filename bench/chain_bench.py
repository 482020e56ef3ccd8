"""Chain node benchmark: one run prints sustained submit throughput with N connections, p50/p99
submit-to-receipt latency for a single client sending one entry at a time, the raw Ed25519
verify rate of this machine, and the efficiency ratio (throughput / verify rate).

    .venv/bin/python bench/chain_bench.py [--entries 20000] [--connections 4] [--batch 64]

Starts its own node (``python -m chain_node``, a subprocess, SQLite in a temp dir) on 127.0.0.1,
uses loopback only, runs bounded loops and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from ledger.auth import login_message as auth_message  # noqa: E402
from ledger.keys import SigningKey  # noqa: E402
from ledger.statement import build_statement, sign_statement  # noqa: E402


def verify_rate(seconds: float = 1.5, threads: int = 1) -> float:
    """Raw Ed25519 verifications per second (pyca/cryptography, ~300-byte messages)."""
    key = Ed25519PrivateKey.generate()
    pub = key.public_key()
    msgs = [os.urandom(300) for _ in range(256)]
    sigs = [key.sign(m) for m in msgs]

    def run(deadline: float) -> int:
        n = 0
        while time.perf_counter() < deadline:
            for m, s in zip(msgs, sigs, strict=True):
                pub.verify(s, m)
            n += len(msgs)
        return n

    run(time.perf_counter() + 0.2)  # warm up
    deadline = time.perf_counter() + seconds
    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        total = sum(pool.map(run, [deadline] * threads))
    return total / (time.perf_counter() - start)


def start_node(data: Path, extra: list[str]) -> tuple[subprocess.Popen[str], dict]:
    env = dict(os.environ, JCDESK_NODE_PASSPHRASE="bench", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "chain_node",
            "--data",
            str(data),
            "--listen",
            "127.0.0.1:0",
            "--auto-approve",
            "--rate",
            "1000000",
            "--burst",
            "1000000",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("JCDESK-NODE-READY "):
        proc.kill()
        raise SystemExit(f"the node did not start: {line!r}")
    return proc, json.loads(line.split(" ", 1)[1])


def sign_entries(key: SigningKey, origin: str, count: int, tag: str) -> list[str]:
    now = datetime.now(UTC)
    out = []
    for i in range(count):
        st = build_statement(
            log=origin,
            type="bench.note",
            case="",
            actor=key.vkey,
            time=now,
            body={"run": tag, "n": i},
        )
        out.append(sign_statement(st, key).text)
    return out


class Rpc:
    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0
        self.waiting: dict[int, asyncio.Future] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for raw in self.ws:
            msg = json.loads(raw)
            for item in msg if isinstance(msg, list) else [msg]:
                fut = self.waiting.pop(item.get("id"), None)
                if fut is not None:
                    fut.set_result(item)

    def _future(self) -> tuple[int, asyncio.Future]:
        self.next_id += 1
        fut = asyncio.get_running_loop().create_future()
        self.waiting[self.next_id] = fut
        return self.next_id, fut

    async def call(self, method: str, **params) -> dict:
        rid, fut = self._future()
        await self.ws.send(
            json.dumps({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        )
        msg = await fut
        if "error" in msg:
            raise RuntimeError(msg["error"])
        return msg["result"]

    def build_batch(self, entries: list[str]) -> tuple[str, list[int]]:
        """A batch frame of submits (built before the clock starts: client-side work)."""
        frame, ids = [], []
        for text in entries:
            self.next_id += 1
            frame.append(
                {
                    "jsonrpc": "2.0",
                    "id": self.next_id,
                    "method": "tlog.submit",
                    "params": {"entry": text},
                }
            )
            ids.append(self.next_id)
        return json.dumps(frame), ids

    async def send_batch(self, frame: str, ids: list[int]) -> list[dict]:
        loop = asyncio.get_running_loop()
        futs = []
        for rid in ids:
            fut = loop.create_future()
            self.waiting[rid] = fut
            futs.append(fut)
        await self.ws.send(frame)
        return list(await asyncio.gather(*futs))


async def session(url: str, key: SigningKey, origin: str) -> Rpc:
    ws = await connect(url, max_size=None, compression=None)
    rpc = Rpc(ws)
    nonce = (await rpc.call("auth.challenge"))["nonce"]
    sig = base64.b64encode(key.sign_raw(auth_message(origin, nonce))).decode()
    await rpc.call("auth.login", vkey=key.vkey, signature=sig)
    return rpc


async def throughput(url, key, origin, entries, connections, batch, depth) -> tuple[float, int]:
    rpcs = [await session(url, key, origin) for _ in range(connections)]
    shares = [entries[i::connections] for i in range(connections)]
    errors = 0

    frames = [
        [rpc.build_batch(mine[i : i + batch]) for i in range(0, len(mine), batch)]
        for rpc, mine in zip(rpcs, shares, strict=True)
    ]

    async def drive(rpc: Rpc, mine: list[tuple[str, list[int]]]) -> None:
        sem = asyncio.Semaphore(depth)

        async def one(frame: str, ids: list[int]) -> None:
            nonlocal errors
            async with sem:
                for answer in await rpc.send_batch(frame, ids):
                    errors += "error" in answer

        await asyncio.gather(*(one(f, i) for f, i in mine))

    start = time.perf_counter()
    await asyncio.gather(*(drive(r, f) for r, f in zip(rpcs, frames, strict=True)))
    elapsed = time.perf_counter() - start
    for rpc in rpcs:
        await rpc.ws.close()
    return (len(entries) - errors) / elapsed, errors


async def latency(url, key, origin, entries) -> list[float]:
    rpc = await session(url, key, origin)
    samples = []
    for text in entries:
        t0 = time.perf_counter()
        res = await rpc.call("tlog.submit", entry=text)
        await rpc.call("tlog.receipt", index=res["index"], wait_ms=30000)
        samples.append((time.perf_counter() - t0) * 1000)
    await rpc.ws.close()
    return samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=20000, help="entries for the throughput run")
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--batch", type=int, default=64, help="submits per JSON-RPC batch frame")
    ap.add_argument("--depth", type=int, default=4, help="batch frames in flight per connection")
    ap.add_argument("--latency-samples", type=int, default=300)
    ap.add_argument("--node-arg", action="append", default=[], help="extra node option")
    args = ap.parse_args()

    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}")
    raw1 = verify_rate(threads=1)
    rawn = verify_rate(threads=cores) if cores > 1 else raw1
    print(f"raw Ed25519 verify rate: {raw1:,.0f}/s on one core, {rawn:,.0f}/s on {cores} threads")

    with tempfile.TemporaryDirectory(prefix="jcd-bench-") as tmp:
        proc, info = start_node(Path(tmp) / "node", args.node_arg)
        try:
            origin, url = info["origin"], info["url"]
            key = SigningKey.generate()

            async def run() -> None:
                rpc = Rpc(await connect(url))
                enrol = build_statement(
                    log=origin,
                    type="identity.enrol",
                    case="",
                    actor=key.vkey,
                    time=datetime.now(UTC),
                    body={"name": "bench", "role": "observer"},
                )
                await rpc.call("auth.enrol", entry=sign_statement(enrol, key).text)
                await rpc.ws.close()
                t0 = time.perf_counter()
                warm = sign_entries(key, origin, 500, "warm")
                entries = sign_entries(key, origin, args.entries, "tput")
                single = sign_entries(key, origin, args.latency_samples, "lat")
                print(
                    f"signed {len(warm) + len(entries) + len(single):,} entries in "
                    f"{time.perf_counter() - t0:.1f}s (client side, not timed)"
                )
                await throughput(url, key, origin, warm, 1, args.batch, args.depth)
                rate, errors = await throughput(
                    url, key, origin, entries, args.connections, args.batch, args.depth
                )
                print(
                    f"sustained submit throughput: {rate:,.0f} entries/s "
                    f"({args.entries:,} entries, {args.connections} connections, "
                    f"batches of {args.batch}, {errors} errors)"
                )
                samples = await latency(url, key, origin, single)
                samples.sort()
                p50 = statistics.median(samples)
                p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
                print(
                    f"submit-to-receipt latency, 1 client, 1 entry at a time: "
                    f"p50 {p50:.1f} ms, p99 {p99:.1f} ms ({len(samples)} samples)"
                )
                print(f"efficiency ratio (throughput / one-core verify rate): {rate / raw1:.2f}")
                print(f"efficiency ratio (throughput / all-core verify rate): {rate / rawn:.2f}")
                print(
                    f"targets: >= 5,000 entries/s -> {'met' if rate >= 5000 else 'NOT met'}; "
                    f"ratio >= 0.8 -> {'met' if rate / raw1 >= 0.8 else 'NOT met'} (one core), "
                    f"{'met' if rate / rawn >= 0.8 else 'NOT met'} (all cores); "
                    f"p50 < 50 ms -> {'met' if p50 < 50 else 'NOT met'}"
                )

            asyncio.run(run())
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    main()
