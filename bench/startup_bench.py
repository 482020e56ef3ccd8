"""Start-up time of the desktop app for an existing profile: process start to first paint.

Sets up a throw-away data folder with one enrolled profile (embedded chain), then runs
``python main.py --profile bench --measure-startup`` five times in a subprocess, offscreen. Each
run starts the embedded node itself, unlocks the key with the passphrase from
``JCDESK_PASSPHRASE`` (only ``--measure-startup`` reads it), opens the store, builds the main
window, paints it once, prints its timings and quits cleanly. Prints the median of:

- ``wall``: from ``Popen`` to the printed line, measured here (interpreter start and imports
  included);
- ``startup``: from the process's own start time (``/proc``) to the first paint;
- ``without unlock``: ``startup`` minus the scrypt key unlock (what a person waits for after
  typing their passphrase).

Usage: ``python bench/startup_bench.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench passphrase 基准"


def prepare(home: Path) -> None:
    """An enrolled profile "bench" in ``home`` (the node that enrolled it is stopped again)."""
    from desk.embedded import start_or_attach
    from desk.network import NetworkThread
    from desk.session import DeskSession
    from ledger.keys import SigningKey
    from ledger.profile import Profile, Settings, embedded_node_folder

    profile = Profile.named("bench", home)
    profile.save_settings(Settings(display_name="基准测试", role="mediator"))
    key = SigningKey.generate()
    key.save(profile.key_path, PASSPHRASE)
    node = start_or_attach(embedded_node_folder(home))
    network = NetworkThread().start()
    session = DeskSession.open(profile, key, network, node.url)
    try:
        session.enrol().result(30)
        if session.client.rpc is not None:
            network.submit(session.client.rpc.close()).result(10)
    finally:
        network.stop()
        session.close()
        node.stop()


def run_once(home: Path) -> dict[str, float]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        JCDESK_HOME=str(home),
        JCDESK_PASSPHRASE=PASSPHRASE,
    )
    env.pop("JCDESK_DATABASE_URL", None)
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--profile", "bench", "--measure-startup"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    figures: dict[str, float] = {}
    for line in process.stdout:
        if line.startswith("startup_ms="):
            figures["wall"] = (time.perf_counter() - began) * 1000
            figures.update((k, float(v)) for k, v in (f.split("=") for f in line.split()))
            break
    _, errors = process.communicate(timeout=60)
    if process.returncode != 0 or "wall" not in figures:
        raise SystemExit(f"the app failed (exit {process.returncode}):\n{errors}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jcdesk-startup-") as folder:
        home = Path(folder)
        prepare(home)
        run_once(home)  # warm-up: first-time caches (fonts, .pyc); not counted
        runs = [run_once(home) for _ in range(args.runs)]
    for name, key in (
        ("wall (Popen to first paint)", "wall"),
        ("startup (process start to first paint)", "startup_ms"),
        ("unlock (scrypt)", "unlock_ms"),
        ("startup without unlock", "without_unlock_ms"),
    ):
        values = [r[key] for r in runs]
        print(
            f"{name:40s} median {statistics.median(values):7.0f} ms"
            f"   (runs: {', '.join(f'{v:.0f}' for v in values)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
