"""The node's three keys, kept in ``<data_dir>/keys/`` as ledger key files (mode 0600).

- log key: Ed25519 (type 0x01), key name = the log's origin; signs checkpoints.
- witness key: cosignature/v1 (type 0x04), name ``<origin>/witness``; cosigns checkpoints with
  a timestamp (the legal on-chain time, PROTOCOL.md section 2).
- node key: Ed25519 (type 0x01), name ``<origin>/node``; signs node-authored statements
  (``identity.approved``), PROTOCOL.md section 1.

Key files use the ledger's encrypted format (``ledger.keys.SigningKey.save``). The passphrase
comes from ``NodeConfig.passphrase``, else ``$JCDESK_NODE_PASSPHRASE``, else the file
``<data_dir>/keys/passphrase`` (created 0600 with 32 random bytes on first start: at-rest
protection then equals the data directory's permissions; a court deployment passes its own).
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ledger.keys import SIG_COSIGNATURE_V1, SIG_ED25519, SigningKey, check_key_name, read_key_file

PASSPHRASE_ENV = "JCDESK_NODE_PASSPHRASE"


@dataclass(frozen=True)
class NodeKeys:
    origin: str
    log_key: SigningKey
    witness_key: SigningKey
    node_key: SigningKey

    @property
    def log_vkey(self) -> str:
        return self.log_key.verifier(SIG_ED25519).vkey

    @property
    def witness_vkey(self) -> str:
        return self.witness_key.verifier(SIG_COSIGNATURE_V1).vkey

    @property
    def node_vkey(self) -> str:
        return self.node_key.verifier(SIG_ED25519).vkey


def _passphrase(key_dir: Path, given: str | None) -> str:
    if given:
        return given
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    path = key_dir / "passphrase"
    if path.exists():
        return path.read_text("ascii").strip()
    value = base64.b64encode(secrets.token_bytes(32)).decode()
    tmp = key_dir / "passphrase.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(value + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    return value


def stored_origin(data_dir: Path) -> str | None:
    """The origin of the node whose keys are in ``data_dir`` (no passphrase needed)."""
    path = Path(data_dir) / "keys" / "log.key"
    if not path.exists():
        return None
    header, _ = read_key_file(path)
    return header["name"]


def default_origin() -> str:
    return f"jcdesk.local/{secrets.token_hex(4)}"


def load_or_create_keys(
    data_dir: Path, origin: str | None, passphrase: str | None = None
) -> NodeKeys:
    """Load the node's keys, creating them on first start. A different ``origin`` than the
    stored one is refused (a log never changes its identity)."""
    key_dir = Path(data_dir) / "keys"
    key_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(key_dir, 0o700)
    existing = stored_origin(data_dir)
    if existing is not None and origin is not None and origin != existing:
        raise ValueError(
            f"this data directory belongs to the log {existing!r}; refusing origin {origin!r}"
        )
    origin = existing or origin or default_origin()
    check_key_name(origin)
    secret = _passphrase(key_dir, passphrase)
    names = {"log": origin, "witness": f"{origin}/witness", "node": f"{origin}/node"}
    keys: dict[str, SigningKey] = {}
    for role, name in names.items():
        path = key_dir / f"{role}.key"
        if path.exists():
            keys[role] = SigningKey.load(path, secret)
        else:
            keys[role] = SigningKey.generate(name)
            keys[role].save(path, secret)
    return NodeKeys(origin, keys["log"], keys["witness"], keys["node"])
