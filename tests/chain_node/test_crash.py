"""Crash safety: SIGKILL the node while a client submits continuously, at many random points;
after each restart every acknowledged index holds the same leaf and every checkpoint seen is
consistent with every later one (PROTOCOL.md section 2: never two roots for one size)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from ledger import merkle
from ledger.checkpoint import verify_checkpoint
from ledger.keys import SigningKey, parse_vkey
from tests.chain_node.conftest import enrol_entry, make_entry

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("JCDESK_CRASH_ROUNDS", "12"))


def start(data: Path) -> tuple[subprocess.Popen, dict]:
    env = dict(os.environ, JCDESK_NODE_PASSPHRASE="crash-test", PYTHONPATH=str(ROOT))
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
            "--batch-window-ms",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("JCDESK-NODE-READY "):
        proc.kill()
        raise AssertionError(f"node did not start: {line!r} {proc.stderr.read()}")
    return proc, json.loads(line.split(" ", 1)[1])


class Rpc:
    def __init__(self, ws):
        self.ws = ws
        self.n = 0
        self.waiting: dict[int, asyncio.Future] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self):
        try:
            async for raw in self.ws:
                msg = json.loads(raw)
                fut = self.waiting.pop(msg.get("id"), None)
                if fut and not fut.done():
                    fut.set_result(msg)
        except ConnectionClosed:
            pass
        finally:
            for fut in self.waiting.values():
                if not fut.done():
                    fut.set_exception(ConnectionError("closed"))

    async def call(self, method, **params):
        self.n += 1
        fut = asyncio.get_running_loop().create_future()
        self.waiting[self.n] = fut
        await self.ws.send(
            json.dumps({"jsonrpc": "2.0", "id": self.n, "method": method, "params": params})
        )
        msg = await fut
        if "error" in msg:
            raise RuntimeError(msg["error"])
        return msg["result"]


async def login(rpc, key, origin):
    from ledger.auth import login_message as auth_message

    nonce = (await rpc.call("auth.challenge"))["nonce"]
    sig = base64.b64encode(key.sign_raw(auth_message(origin, nonce))).decode()
    await rpc.call("auth.login", vkey=key.vkey, signature=sig)


async def submit_until_killed(url, key, origin, acked, checkpoints, proc, kill_after):
    async with connect(url) as ws:
        rpc = Rpc(ws)
        await login(rpc, key, origin)

        async def worker(w):
            n = 0
            while True:
                # a type the served node's registry claims: it runs the installed domains only
                deposit = {"name": f"{w}-{n}.pdf", "sha256": f"{w:032x}{n:032x}", "size": n}
                text = make_entry(key, origin, "evidence.deposited", body={"documents": [deposit]})
                n += 1
                res = await rpc.call("tlog.submit", entry=text)
                acked[res["index"]] = (merkle.leaf_hash(text.encode()), text)

        async def watch():
            while True:
                checkpoints.append((await rpc.call("tlog.checkpoint"))["checkpoint"])
                await asyncio.sleep(0.01)

        async def killer():
            await asyncio.sleep(kill_after)
            proc.send_signal(signal.SIGKILL)

        tasks = [asyncio.create_task(worker(w)) for w in range(6)]
        tasks += [asyncio.create_task(watch()), asyncio.create_task(killer())]
        _done, pending = await asyncio.wait(tasks, timeout=30, return_when=asyncio.FIRST_EXCEPTION)
        for t in pending:
            t.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


async def audit(url, info, acked, checkpoints):
    log_v = parse_vkey(info["log_vkey"])
    wit = [parse_vkey(v) for v in info["witness_vkeys"]]
    async with connect(url, max_size=None) as ws:
        rpc = Rpc(ws)
        latest_note = (await rpc.call("tlog.checkpoint"))["checkpoint"]
        latest = verify_checkpoint(latest_note, log_v, wit).checkpoint
        size = latest.size
        hashes = []
        for start in range(0, size, 1024):
            got = await rpc.call("tlog.leaf_hashes", start=start, end=min(size, start + 1024))
            hashes += [base64.b64decode(h) for h in got["hashes"]]
        assert merkle.root_from_leaf_hashes(hashes) == latest.root_hash
        for index, (leaf, _text) in acked.items():
            assert index < size, f"acknowledged index {index} lost (size {size})"
            assert hashes[index] == leaf, f"index {index} holds another leaf"
        by_size = {}
        for note in checkpoints:
            cp = verify_checkpoint(note, log_v, wit).checkpoint
            assert by_size.setdefault(cp.size, cp.root_hash) == cp.root_hash, "two roots, one size"
        for old_size, old_root in by_size.items():
            assert old_size <= size
            if 0 < old_size < size:
                proof = (await rpc.call("tlog.consistency", old=old_size, new=size))["proof"]
                merkle.verify_consistency(
                    old_size, size, old_root, latest.root_hash, [base64.b64decode(p) for p in proof]
                )
            elif old_size == size:
                assert old_root == latest.root_hash
        # a resubmitted acknowledged entry keeps its index
        if acked:
            index, (_leaf, text) = random.choice(list(acked.items()))
            return index, text, size
        return None, None, size


@pytest.mark.slow
def test_sigkill_loop(tmp_path):
    rng = random.Random(os.environ.get("JCDESK_CRASH_SEED", "1"))
    data = tmp_path / "crash"
    key = SigningKey.generate()
    acked: dict[int, tuple[bytes, str]] = {}
    checkpoints: list[str] = []
    t0 = time.time()
    proc, info = start(data)
    origin = info["origin"]

    async def enrol():
        async with connect(info["url"]) as ws:
            rpc = Rpc(ws)
            await rpc.call("auth.enrol", entry=enrol_entry(key, origin))

    asyncio.run(enrol())
    try:
        for _round in range(ROUNDS):
            kill_after = rng.uniform(0.02, 0.6)
            asyncio.run(
                submit_until_killed(info["url"], key, origin, acked, checkpoints, proc, kill_after)
            )
            proc.wait(10)
            assert proc.returncode == -signal.SIGKILL
            proc, info = start(data)
            index, text, _size = asyncio.run(audit(info["url"], info, acked, checkpoints))
            if index is not None:

                async def resubmit(index=index, text=text, info=info):
                    async with connect(info["url"]) as ws:
                        rpc = Rpc(ws)
                        await login(rpc, key, origin)
                        assert (await rpc.call("tlog.submit", entry=text))["index"] == index

                asyncio.run(resubmit())
    finally:
        proc.kill()
        proc.wait(10)
    assert len(acked) > ROUNDS, "the client should have had many entries acknowledged"
    print(
        f"{ROUNDS} kill rounds, {len(acked)} acknowledged entries, "
        f"{len(checkpoints)} checkpoints checked in {time.time() - t0:.1f}s"
    )
