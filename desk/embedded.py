"""The embedded node: with no chain configured, the app runs a node on 127.0.0.1.

Its data lives beside the profiles (``<data>/node``), so every profile on this machine uses the
same log and a mediator and a party can be tried side by side. The first app to start runs the
node on a background thread and writes its address to ``endpoint.json``; an app started while
that one runs finds the node there and connects to it instead of starting a second one.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from chain_node.config import NodeConfig
from chain_node.errors import FsckError
from chain_node.server import EmbeddedNode
from ledger.clock import Clock


@dataclass
class LocalNode:
    url: str
    owned: EmbeddedNode | None  # None: another app on this machine runs it

    def stop(self) -> None:
        if self.owned is not None:
            self.owned.stop()
            self.owned = None


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 80), 1.0):
            return True
    except OSError:
        return False


def start_or_attach(
    folder: Path, *, auto_approve: bool = True, clock: Clock | None = None
) -> LocalNode:
    """Start the embedded node in ``folder``, or attach to the one already serving it.

    ``clock`` is for tests that move time (deadlines); the node runs the domain packages'
    contract rules, including their triggers.
    """
    folder.mkdir(parents=True, exist_ok=True)
    endpoint = folder / "endpoint.json"
    config = NodeConfig(
        data_dir=folder,
        host="127.0.0.1",
        port=0,
        auto_approve=auto_approve,
        clock=clock or Clock(),
    )
    try:
        node = EmbeddedNode.start(config)
    except FsckError as exc:
        if "another node is running" not in str(exc):
            raise
        url = json.loads(endpoint.read_text("utf-8"))["url"] if endpoint.exists() else ""
        if not url or not _reachable(url):
            raise
        return LocalNode(url, None)
    tmp = endpoint.with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": node.url, "pid": os.getpid()}), "utf-8")
    os.replace(tmp, endpoint)
    return LocalNode(node.url, node)
