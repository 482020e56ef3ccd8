"""Node configuration: where the node keeps its data, what it listens on, and its limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from chain_node.domains import installed_domains
from ledger.clock import Clock
from ledger.domain import Registry


@dataclass
class Limits:
    """Abuse and batching limits (PROTOCOL.md section 4, "a bad request never ... crashes")."""

    max_frame_bytes: int = 2 * 1024 * 1024  # a bigger frame closes that connection (1009)
    max_entry_bytes: int = 64 * 1024  # PROTOCOL.md section 1
    max_batch_requests: int = 1024  # JSON-RPC batch array length
    requests_per_second: float = 5000.0  # token bucket per logged-in key (all its connections)
    burst: int = 10000  # token bucket depth per logged-in key
    anonymous_requests_per_second: float = 50.0  # per connection that has not logged in
    anonymous_burst: int = 200
    # ... and shared by all of them (auth.challenge and auth.login excepted: a desk can
    # always log in, whatever anonymous clients do)
    anonymous_total_requests_per_second: float = 2000.0
    anonymous_total_burst: int = 4000
    max_inflight_per_connection: int = 256  # frames being handled at once (back-pressure)
    # Answers not yet written to the socket plus queued notifications, per connection: a
    # client that lets more pile up is cut off (1008), not buffered. Frames being handled
    # hold at most this much too (reading pauses: back-pressure).
    connection_buffer_bytes: int = 8 * 1024 * 1024
    max_page_bytes: int = 1024 * 1024  # case.entries answers stop after this many entry bytes
    # 10,000 logged-in desks (a creditors' meeting) and room for anonymous ones; capped at
    # start by the open-file limit (RLIMIT_NOFILE).
    max_connections: int = 12_000
    max_anonymous_connections: int = 1_000  # beyond: the oldest anonymous one is evicted
    # from one address (the peer's, or, from a trusted proxy, the last X-Forwarded-For hop);
    # beyond, a new connection from there is refused (HTTP 503) before the WebSocket handshake
    max_anonymous_per_address: int = 256
    # reverse proxies (a court's TLS terminator) whose X-Forwarded-For is believed: without
    # this every client behind the proxy would share the proxy's per-address limits
    trusted_proxies: tuple[str, ...] = ()
    # new connections from one address: a bucket of 200, refilled at 50 a second (a flood
    # from a few addresses cannot churn the node's handshakes; beyond: HTTP 503)
    connections_per_address_per_second: float = 50.0
    connections_per_address_burst: int = 200
    max_concurrent_enrolments: int = 4  # auth.enrol requests at the database at once
    max_connections_per_key: int = 8
    login_timeout_seconds: float = 30.0  # an anonymous connection is closed after this
    idle_timeout_seconds: float = 600.0  # logged in, no subscription, no request: closed
    checkpoint_notify_seconds: float = 1.0  # tlog.checkpoint notifications at most this often
    read_workers: int = 4  # database reader threads, shared round-robin across clients
    max_subscriptions_per_connection: int = 16
    batch_max_entries: int = 1024  # entries per sequenced batch (one transaction)
    batch_window_ms: float = 2.0  # how long the sequencer waits to fill a batch
    receipt_wait_cap_ms: int = 60_000  # cap on tlog.receipt wait_ms (>= 30 s by PROTOCOL)
    max_leaf_hashes: int = 1024  # tlog.leaf_hashes range (PROTOCOL.md section 4)
    max_case_entries: int = 1000  # case.entries page size cap
    future_skew_seconds: int = 300  # statement time may be ahead of the node by this much
    past_skew_seconds: int = 24 * 3600  # ... or behind it by this much (a desk re-signs)
    db_busy_timeout_ms: int = 10_000  # SQLite: how long a write waits for another's lock
    verify_workers: int = 2  # threads verifying Ed25519 signatures (cryptography drops the GIL)
    verify_processes: int = 0  # >0: verify in that many worker processes instead of threads
    case_states: int = 4096  # cases whose rule state is kept in memory (the rest: read again)
    # encrypted evidence (docs/protocol.md, "Encrypted evidence"): one evidence.put or
    # evidence.get carries at most this much ciphertext (base64 in the frame: 1.4 MiB, under
    # max_frame_bytes); a file at most evidence_file_bytes; a key's files together at most
    # evidence_bytes_per_key; at most evidence_recipients wraps per file
    evidence_part_bytes: int = 1024 * 1024
    evidence_file_bytes: int = 64 * 1024 * 1024
    evidence_bytes_per_key: int = 1024 * 1024 * 1024
    evidence_recipients: int = 64


@dataclass
class NodeConfig:
    """Everything a node needs to start; ``data_dir`` holds its keys and (by default) its DB."""

    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 0  # 0: an ephemeral port (see RunningNode.port)
    origin: str | None = None  # None: the origin stored in the data dir, or a new one
    database_url: str | None = None  # None: SQLite file <data_dir>/node.db
    auto_approve: bool = False
    limits: Limits = field(default_factory=Limits)
    domains: Registry = field(default_factory=installed_domains)  # types it accepts, rules
    clock: Clock = field(default_factory=Clock)
    passphrase: str | None = None  # key-file passphrase; None: <data_dir>/keys/passphrase
    fsck: str = "full"  # "full": rehash every entry at start; "quick": the tree's frontier only
    approval_poll_seconds: float = 0.5  # how often operator approvals are picked up
    trigger_poll_seconds: float = 5.0  # how often contract rules are asked for due triggers

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'node.db').resolve()}"


def parse_listen(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[v6]:PORT`` too) into a (host, port) pair."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"--listen {text!r} is not HOST:PORT")
    host = host.strip("[]") or "127.0.0.1"
    value = int(port)
    if not 0 <= value <= 65535:
        raise ValueError(f"port {value} is out of range")
    return host, value
